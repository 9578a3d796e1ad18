import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { leadErrorMessage } from '../../../schema/lead-form';
import { startWorker } from '../../../scripts/lib/worker';
import { createClient, parseNewClient } from '../../../worker/features/accounts/clients';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { clearOfMinuteBoundary } from '../../support/wait';

const SITE = 'https://plomberie-tremblay.example';

let database: TestDatabase;
let worker: Miniflare;
let plumber: Client;
let strict: Client;
let demo: Client;
let quiet: Client;

beforeAll(async () => {
  database = await startTestDatabase();
  const create = async (fields: Record<string, unknown>) =>
    (await createClient(database.access, parseNewClient(fields))).client;
  plumber = await create({
    businessName: 'Plomberie Tremblay',
    email: 'owner@plomberie.example',
    language: 'fr',
    allowedOrigins: [SITE],
  });
  strict = await create({ businessName: 'Clinique Stricte', email: 'owner@clinique.example', allowedOrigins: [SITE] });
  await database.access.service((tx) =>
    tx.execute(sql`update clients set require_consent = true where id = ${strict.id}`),
  );
  demo = await create({ businessName: 'Demo', email: 'demo@demo.example', isTest: true, allowedOrigins: [SITE] });
  // Automatic replies off (they are on by default, as for the plumber).
  quiet = await create({ businessName: 'Atelier Discret', email: 'owner@discret.example', allowedOrigins: [SITE] });
  await database.access.service((tx) =>
    tx.execute(sql`update clients set ai_personalized_reply = false where id = ${quiet.id}`),
  );
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    // Many tests post with one key; the per-key limit has its own test below.
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
  phone: '514-555-0199',
  message: 'Bonjour, j’aurais besoin d’une soumission pour refaire la toiture.',
  consent: true,
  language: 'fr',
  idempotencyKey: randomUUID(),
  elapsedMs: 14_000,
  website: '',
  page: `${SITE}/contact`,
  ...overrides,
});

interface PostOptions {
  origin?: string | null;
  contentType?: string;
  ip?: string;
  headers?: Record<string, string>;
}

/** A browser's POST from the client's site; each from its own IP unless told. */
function post(body: unknown, options: PostOptions = {}) {
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? 'text/plain;charset=UTF-8',
    'CF-Connecting-IP': options.ip ?? `203.0.113.${Math.floor(Math.random() * 250) + 1}`,
    'User-Agent': 'Mozilla/5.0 (test)',
    ...options.headers,
  };
  if (options.origin !== null) headers.Origin = options.origin ?? SITE;
  return worker.dispatchFetch('http://localhost/api/lead', {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

const counts = () =>
  rows<{ leads: number; actions: number; logs: number }>(sql`select
    (select count(*)::int from lead_memory) as leads,
    (select count(*)::int from lead_actions) as actions,
    (select count(*)::int from integration_logs where response_status = 201) as logs`).then((r) => r[0]!);

/**
 * Local rate limits count per wall-clock minute: a test that crosses into the next minute
 * would see its count reset. Starting at least 10 s before the turn of the minute avoids it.
 */
type ErrorBody = {
  error: { code: string; message: string; details?: { fields: Record<string, { issue: string; message: string }> } };
};

describe('POST /api/lead accepts a lead', () => {
  it('answers 201 with the id, stores the lead with its action, log and last connection', async () => {
    const body = lead();
    const response = await post(body);
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
    const { id } = (await response.json()) as { id: string };

    const [stored] = await rows(sql`select name, email, phone, message, language, consent, is_spam, is_test, client_id,
      metadata->>'page' as page from lead_memory where id = ${id}`);
    expect(stored).toEqual({
      name: body.name,
      email: body.email,
      phone: body.phone,
      message: body.message,
      language: 'fr',
      consent: true,
      is_spam: false,
      is_test: false,
      client_id: plumber.id,
      page: `${SITE}/contact`,
    });
    expect(await rows(sql`select action_type, performed_by from lead_actions where lead_id = ${id}`)).toEqual([
      { action_type: 'created', performed_by: 'widget' },
    ]);
    const [log] = await rows<Record<string, unknown>>(sql`select api_key, endpoint, method, response_status,
      host(ip_address) as ip, user_agent, request_body::text as request from integration_logs
      where response_body->>'id' = ${id}`);
    expect(log).toMatchObject({
      api_key: plumber.apiKey.slice(0, 12),
      endpoint: '/api/lead',
      method: 'POST',
      response_status: 201,
      user_agent: 'Mozilla/5.0 (test)',
    });
    expect(log!.ip).toMatch(/^203\.0\.113\./);
    expect(log!.request).not.toContain(body.message); // the log keeps the shape, not the words
    const [client] = await rows<{ recent: boolean }>(
      sql`select last_connection > now() - interval '1 minute' as recent from clients where id = ${plumber.id}`,
    );
    expect(client!.recent).toBe(true);
  });

  it('accepts application/json as well as text/plain, and the key in a header', async () => {
    const { key, ...withoutKey } = lead();
    const response = await post(withoutKey, { contentType: 'application/json', headers: { 'X-Avenir-Key': key } });
    expect(response.status).toBe(201);
  });

  it('returns the same id and writes nothing for a retried submission', async () => {
    const body = lead();
    const first = (await (await post(body)).json()) as { id: string };
    const before = await counts();
    const again = await post(body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(first.id);
    expect(await counts()).toEqual(before);
  });

  it('stores one lead when the same submission races itself', async () => {
    const body = lead();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(body)));
    const ids = await Promise.all(answers.map(async (answer) => ((await answer.json()) as { id: string }).id));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(ids).size).toBe(1);
  });

  it('makes one database round trip per lead once the key is known', async () => {
    await post(lead()); // the key lookup is cached from here on
    const before = database.proxyStats()!;
    expect((await post(lead())).status).toBe(201);
    const after = database.proxyStats()!;
    expect(after.roundTrips - before.roundTrips).toBe(1);
    expect(after.connections - before.connections).toBe(1);
  });

  it('marks leads from a test client, or carrying the test flag, as tests', async () => {
    const fromDemo = (await (await post(lead({ key: demo.apiKey }))).json()) as { id: string };
    const flagged = (await (await post(lead({ test: true }))).json()) as { id: string };
    const stored = await rows<{ id: string; is_test: boolean }>(
      sql`select id, is_test from lead_memory where id in (${fromDemo.id}, ${flagged.id})`,
    );
    expect(stored.every((row) => row.is_test)).toBe(true);
    expect(stored).toHaveLength(2);
  });
});

describe('spam', () => {
  it.each([
    ['the hidden field filled in', { website: 'http://cheap-pills.example' }, 'honeypot'],
    ['a form filled in under 2.5 s', { elapsedMs: 900 }, 'too_fast'],
  ])('answers 201 to %s but stores it flagged', async (_, overrides, reason) => {
    const response = await post(lead(overrides));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [stored] = await rows(sql`select is_spam, spam_reason from lead_memory where id = ${id}`);
    expect(stored).toEqual({ is_spam: true, spam_reason: reason });
  });
});

describe('POST /api/lead tells the widget whether a copy goes by email', () => {
  const accepted = async (body: Record<string, unknown>, options?: PostOptions) => {
    const response = await post(body, options);
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; emailCopy: boolean };
  };

  it('says so when the client replies automatically to a person’s lead', async () => {
    expect((await accepted(lead())).emailCopy).toBe(true);
  });

  it('promises nothing when the client’s automatic replies are off', async () => {
    expect((await accepted(lead({ key: quiet.apiKey }))).emailCopy).toBe(false);
  });

  it.each([
    ['the hidden field filled in', { website: 'http://cheap-pills.example' }],
    ['a form filled in under 2.5 s', { elapsedMs: 900 }],
  ])('promises nothing to a bot: %s', async (_, overrides) => {
    expect((await accepted(lead(overrides))).emailCopy).toBe(false);
  });

  it('answers a retried submission as it answered the first', async () => {
    for (const body of [lead(), lead({ website: 'http://x.example' }), lead({ key: quiet.apiKey })]) {
      const first = await accepted(body);
      const again = await accepted(body);
      expect(again).toEqual(first);
    }
  });

  it('reads the setting afresh for the dashboard’s preview, which shows what was just saved', async () => {
    const toggled = (
      await createClient(
        database.access,
        parseNewClient({ businessName: 'Toggle', email: 'owner@toggle.example', allowedOrigins: [SITE] }),
      )
    ).client;
    const fromPreview = { origin: 'http://localhost' };
    const setReplies = (on: boolean) =>
      database.access.service((tx) =>
        tx.execute(sql`update clients set ai_personalized_reply = ${on} where id = ${toggled.id}`),
      );
    expect((await accepted(lead({ key: toggled.apiKey }), fromPreview)).emailCopy).toBe(true);
    await setReplies(false);
    expect((await accepted(lead({ key: toggled.apiKey }), fromPreview)).emailCopy).toBe(false);
    await setReplies(true);
    expect((await accepted(lead({ key: toggled.apiKey }), fromPreview)).emailCopy).toBe(true);
  });
});

describe('POST /api/lead refuses', () => {
  it('an unknown, malformed or missing key with 401', async () => {
    for (const key of ['pk_live_000000000000000000000000', 'not-a-key', undefined]) {
      const response = await post(lead({ key }));
      expect(response.status, String(key)).toBe(401);
      expect(((await response.json()) as ErrorBody).error.code).toBe('invalid_key');
    }
  });

  it('an origin the client does not allow with 403, and logs it for the client', async () => {
    for (const origin of ['https://evil.example', 'null', null]) {
      const response = await post(lead(), { origin });
      expect(response.status, String(origin)).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe('origin_not_allowed');
    }
    await expect
      .poll(() => rows(sql`select 1 from integration_logs where client_id = ${plumber.id} and response_status = 403`))
      .not.toHaveLength(0);
  });

  it('a body over 32 KB with 413, with or without a Content-Length', async () => {
    const huge = JSON.stringify(lead({ message: 'x'.repeat(40_000) }));
    expect((await post(huge)).status).toBe(413);
    const streamed = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const response = await worker.dispatchFetch('http://localhost/api/lead', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: SITE, 'CF-Connecting-IP': '198.51.100.7' },
      body: streamed,
      duplex: 'half',
    } as never);
    expect(response.status).toBe(413);
  });

  it('anything that is not JSON with 415', async () => {
    const form = await post('name=Martin&email=m%40example.ca', { contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const garbage = await post('{"name": "Martin", ', { contentType: 'text/plain' });
    expect(garbage.status).toBe(415);
    expect(((await garbage.json()) as ErrorBody).error.code).toBe('not_json');
  });

  it('invalid fields with 422 and per-field messages in the visitor’s language', async () => {
    const response = await post(lead({ email: 'martin@', message: '   ', language: 'fr' }));
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.message).toBe('Veuillez vérifier les champs indiqués.');
    expect(error.details!.fields).toEqual({
      email: { issue: 'invalid_email', message: leadErrorMessage('fr', 'email', 'invalid_email') },
      message: { issue: 'required', message: 'Veuillez écrire un message.' },
    });
  });

  it('uses Accept-Language when the body names no language', async () => {
    const response = await post(lead({ language: undefined, name: '' }), {
      headers: { 'Accept-Language': 'en-CA,en;q=0.9' },
    });
    const { error } = (await response.json()) as ErrorBody;
    expect(error.details!.fields.name!.message).toBe('Please enter your name.');
  });

  it('a missing consent when the client requires it', async () => {
    const response = await post(lead({ key: strict.apiKey, consent: false, language: 'en' }));
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.details!.fields.consent!.issue).toBe('consent_required');
    expect((await post(lead({ key: strict.apiKey, consent: true }))).status).toBe(201);
  });

  it('too many requests from one IP with 429 and Retry-After', async () => {
    await clearOfMinuteBoundary();
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await post(lead({ name: '' }), { ip })).status);
    expect(statuses.slice(0, 20).every((status) => status === 422)).toBe(true);
    const limited = await post(lead(), { ip });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('too many requests for one client, whatever the IPs, with 429', async () => {
    const limited = await startWorker(
      { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
      { ratelimits: { KEY_RATE_LIMIT: { simple: { limit: 5, period: 60 } } } },
    );
    try {
      await clearOfMinuteBoundary();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await limited.dispatchFetch('http://localhost/api/lead', {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain', Origin: SITE, 'CF-Connecting-IP': `198.51.100.${i + 1}` },
          body: JSON.stringify(lead({ name: '' })),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    } finally {
      await limited.dispose();
    }
  });
});

describe('hostile input', () => {
  const stored = async (id: string) =>
    (
      await rows<{ name: string; email: string; message: string; phone: string | null }>(
        sql`select name, email, message, phone from lead_memory where id = ${id}`,
      )
    )[0]!;

  it('stores HTML and script verbatim, as data, in every field', async () => {
    const script = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>';
    const body = lead({ name: `Bob ${script}`, message: `Hello ${script} '); drop table lead_memory; --` });
    const response = await post(body);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const { id } = (await response.json()) as { id: string };
    expect(await stored(id)).toMatchObject({ name: body.name, message: body.message });
  });

  it('stores emoji and right-to-left text verbatim', async () => {
    const body = lead({ name: 'زينب 👩🏽‍🔧 Ünal', message: 'مرحبا، أحتاج إلى سباك 🚰🔧 — ça presse! \u202Eevil' });
    const { id } = (await (await post(body)).json()) as { id: string };
    expect(await stored(id)).toMatchObject({ name: body.name, message: body.message });
  });

  it.each([
    ['a 10,000-character message', { message: 'a'.repeat(10_000) }, 'message', 'too_long'],
    ['a 10,000-character name', { name: 'a'.repeat(10_000) }, 'name', 'too_long'],
    ['a null byte', { message: 'hello\u0000world' }, 'message', 'not_text'],
    ['a null byte in the page address', { page: 'https://x.example/\u0000' }, 'page', 'not_text'],
    ['nested JSON', { name: { $gt: '' } }, 'name', 'not_text'],
    ['a number for the email', { email: 12345 }, 'email', 'not_text'],
    ['an array for the message', { message: ['a', 'b'] }, 'message', 'not_text'],
    ['a string for consent', { consent: 'yes' }, 'consent', 'not_text'],
    ['a string for the fill time', { elapsedMs: 'soon' }, 'elapsedMs', 'not_text'],
    ['a phone with letters', { phone: 'call me maybe' }, 'phone', 'invalid_phone'],
  ])('rejects %s with a clear 422', async (_, overrides, field, issue) => {
    const response = await post(lead(overrides));
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.details!.fields[field]).toMatchObject({ issue });
    expect(error.details!.fields[field]!.message.length).toBeGreaterThan(5);
  });

  it('rejects a JSON value that is not an object', async () => {
    for (const body of ['[]', '"lead"', '42', 'null']) {
      const response = await post(body);
      expect(response.status, body).toBe(422);
      expect(((await response.json()) as ErrorBody).error.code).toBe('invalid_body');
    }
  });

  it('takes the last of duplicate keys, as JSON.parse does, and stores it verbatim', async () => {
    const body = JSON.stringify(lead()).replace('"name":"Martin Gagnon"', '"name":"First","name":"Second <b>"');
    const { id } = (await (await post(body)).json()) as { id: string };
    expect((await stored(id)).name).toBe('Second <b>');
  });

  it('ignores a huge number of unknown fields and keeps only the lead', async () => {
    const extra = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`f${i}`, i]));
    const response = await post(lead(extra));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [row] = await rows<{ keys: number }>(sql`select count(*)::int as keys from lead_memory m,
      jsonb_object_keys(m.metadata) where m.id = ${id}`);
    expect(row!.keys).toBeLessThan(10);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    worker.dispatchFetch('http://localhost/api/lead', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });

  it('answers a preflight from a site some client allows', async () => {
    const response = await preflight(SITE);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('refuses a preflight from any other site', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /api/widget/config', () => {
  it('gives the widget what it shows: business name, consent rule, booking link, language', async () => {
    const response = await worker.dispatchFetch(`http://localhost/api/widget/config?key=${strict.apiKey}`, {
      headers: { Origin: SITE, 'CF-Connecting-IP': '198.51.100.20' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      businessName: 'Clinique Stricte',
      requireConsent: true,
      bookingLink: null,
      language: 'en',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
  });

  it('refuses an unknown key and a foreign origin', async () => {
    const unknown = await worker.dispatchFetch('http://localhost/api/widget/config?key=pk_live_nope', {
      headers: { Origin: SITE },
    });
    expect(unknown.status).toBe(401);
    const foreign = await worker.dispatchFetch(`http://localhost/api/widget/config?key=${plumber.apiKey}`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });
});
