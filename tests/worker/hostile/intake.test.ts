import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { leadErrorMessage } from '../../../schema/lead-form';
import { startWorker } from '../../../scripts/lib/worker';
import { createClient, parseNewClient } from '../../../worker/features/accounts/clients';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * POST /api/lead and GET /api/widget/config under hostile input, in workerd: text Postgres
 * cannot store is a 422 naming the field (never a 500, which the widget would retry
 * forever), one-line fields refuse line breaks, the address is one mail can carry, and only
 * a request that names the Worker's own Origin counts as the dashboard's preview.
 */

const SITE = 'https://plomberie-tremblay.example';
const LONE = '\ud800';

let database: TestDatabase;
let worker: Miniflare;
let plumber: Client;

beforeAll(async () => {
  database = await startTestDatabase();
  plumber = (
    await createClient(
      database.access,
      parseNewClient({
        businessName: 'Plomberie Tremblay',
        email: 'owner@plomberie.example',
        language: 'fr',
        allowedOrigins: [SITE],
      }),
    )
  ).client;
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    { ratelimits: { KEY_RATE_LIMIT: { simple: { limit: 100_000, period: 60 } } } },
  );
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const lead = (overrides: Record<string, unknown> = {}) => ({
  key: plumber.apiKey,
  name: 'Martin Gagnon',
  email: 'mgagnon@example.ca',
  message: 'Bonjour, j’aurais besoin d’une soumission.',
  language: 'en',
  idempotencyKey: randomUUID(),
  elapsedMs: 14_000,
  page: `${SITE}/contact`,
  ...overrides,
});

let ip = 0;
function post(body: unknown, headers: Record<string, string | null> = {}) {
  const all: Record<string, string> = {
    'Content-Type': 'text/plain;charset=UTF-8',
    'CF-Connecting-IP': `198.51.100.${(ip++ % 250) + 1}`,
    Origin: SITE,
  };
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) delete all[name];
    else all[name] = value;
  }
  // JSON.stringify writes a lone surrogate as the escape \ud800: what a hostile client sends.
  return worker.dispatchFetch('http://localhost/api/lead', {
    method: 'POST',
    headers: all,
    body: JSON.stringify(body),
  });
}

type Refusal = { error: { code: string; details?: { fields: Record<string, { issue: string; message: string }> } } };

const leadCount = async () =>
  (await database.access.service((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from lead_memory`)))
    .rows[0]!.n;

async function expectRefused(body: unknown, field: string, issue: string) {
  const response = await post(body);
  expect(response.status, `${field}: ${JSON.stringify(body)}`).toBe(422);
  const { error } = (await response.json()) as Refusal;
  expect(error.code).toBe('invalid_lead');
  expect(error.details!.fields[field]).toMatchObject({ issue });
  return error.details!.fields[field]!;
}

describe('text Postgres cannot store', () => {
  it.each(['name', 'message', 'page', 'referrer'])(
    'is a 422 naming the field for a lone surrogate in %s',
    async (field) => {
      const before = await leadCount();
      await expectRefused(
        lead({ [field]: `${field === 'page' || field === 'referrer' ? `${SITE}/` : 'Bonjour '}${LONE}` }),
        field,
        'not_text',
      );
      expect(await leadCount()).toBe(before);
    },
  );

  it.each(['name', 'email', 'phone', 'message', 'page'])('is a 422 naming the field for a NUL in %s', async (field) => {
    await expectRefused(lead({ [field]: 'a\u0000b' }), field, 'not_text');
  });
});

describe('what mail must carry', () => {
  it.each([
    ['name', 'Martin\r\nBcc: victim@example.com'],
    ['name', 'Martin\nGagnon'],
    ['phone', '514 555\n0199'],
  ])('refuses a line break in the one-line field %s', async (field, value) => {
    await expectRefused(lead({ [field]: value }), field, 'not_text');
  });

  it('keeps line breaks in the message', async () => {
    expect((await post(lead({ message: 'Bonjour,\r\n\r\nUne soumission?' }))).status).toBe(201);
  });

  it.each([',', ';', '<', '>', '(', ')', '"', '[', ']'])('refuses an address with %j', async (char) => {
    await expectRefused(lead({ email: `martin${char}x@example.ca` }), 'email', 'invalid_email');
  });

  it('asks, in the visitor’s language, for an address without accents before the @', async () => {
    const field = await expectRefused(
      lead({ email: 'émilie@exemple-québec.ca', language: 'fr' }),
      'email',
      'email_not_ascii',
    );
    expect(field.message).toBe(leadErrorMessage('fr', 'email', 'email_not_ascii'));
  });

  it('accepts an internationalised domain, stored as the visitor typed it', async () => {
    const response = await post(lead({ email: 'emilie@exemple-québec.ca' }));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [row] = (
      await database.access.service((tx) =>
        tx.execute<{ email: string }>(sql`select email from lead_memory where id = ${id}`),
      )
    ).rows;
    expect(row!.email).toBe('emilie@exemple-québec.ca');
  });

  it('takes a name of zero-width characters as missing', async () => {
    const field = await expectRefused(lead({ name: '\u200b\u200c\u200d' }), 'name', 'required');
    expect(field.message).toBe('Please enter your name.');
  });
});

describe('the preview rule', () => {
  it('does not take a POST without an Origin as the preview, whatever Sec-Fetch-Site says', async () => {
    const response = await post(lead(), { Origin: null, 'Sec-Fetch-Site': 'same-origin' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as Refusal).error.code).toBe('origin_not_allowed');
  });

  it('still takes a POST from the Worker’s own Origin as the preview, a test lead', async () => {
    const response = await post(lead(), { Origin: 'http://localhost' });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [row] = (
      await database.access.service((tx) =>
        tx.execute<{ is_test: boolean }>(sql`select is_test from lead_memory where id = ${id}`),
      )
    ).rows;
    expect(row!.is_test).toBe(true);
  });

  it('still takes a same-origin GET of the config without an Origin as the preview', async () => {
    const response = await worker.dispatchFetch(`http://localhost/api/widget/config?key=${plumber.apiKey}`, {
      headers: { 'Sec-Fetch-Site': 'same-origin', 'CF-Connecting-IP': '198.51.100.250' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
