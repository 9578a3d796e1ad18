import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadMemory } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import {
  dashboardCall,
  type ErrorBody,
  type SignedInClient,
  signedInClient,
  type WorkerResponse,
} from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The dashboard API (/api/app) under hostile input, in workerd: a NUL or a lone surrogate in
 * any body or query string is a 422 naming the field, sign-in included (it is public), never a
 * 500; settings refuse what mail cannot carry; every body is bounded (64 KB, 413 past it) before
 * anything parses it, and the public widget config never serves an unbounded booking link.
 */

const NUL = '\u0000';
const LONE = '\ud800';

let database: TestDatabase;
let worker: Miniflare;
let owner: SignedInClient;
let staff: SignedInClient;
let leadId = '';

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker({ DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy });
  owner = await signedInClient(database, worker);
  staff = await signedInClient(database, worker);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set is_internal = true where id = ${staff.client.id}`),
  );
  const [lead] = await database.access.service((tx) =>
    tx
      .insert(leadMemory)
      .values({ clientId: owner.client.id, name: 'Léa', email: 'lea@example.ca', message: 'Bonjour', language: 'fr' })
      .returning(),
  );
  leadId = lead!.id;
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const envelope = async (response: WorkerResponse) => (await response.json()) as ErrorBody;

async function expectFieldRefused(response: WorkerResponse, field: string, language: 'en' | 'fr' = 'en') {
  expect(response.status).toBe(422);
  const { error } = await envelope(response);
  expect(error.code).toBe('invalid_request');
  expect(Object.keys(error.details?.fields ?? {})).toContain(field);
  expect(error.details!.fields![field]![0]).toMatch(
    language === 'fr' ? /ne peut pas être enregistré/ : /cannot be saved/,
  );
}

const clientRow = () =>
  database.access.service(async (tx) =>
    tx.query.clients.findFirst({ where: (c, { eq }) => eq(c.id, owner.client.id) }),
  );

describe('text Postgres cannot store, in a body', () => {
  it.each([NUL, LONE])('is a 422 naming the field on the public sign-in (%j), not a 500', async (bad) => {
    const email = await dashboardCall(worker, 'POST', '/api/app/session', {
      body: { email: `owner${bad}@example.ca`, password: 'whatever-it-is' },
    });
    await expectFieldRefused(email, 'email');
    const password = await dashboardCall(worker, 'POST', '/api/app/session', {
      body: { email: owner.client.email, password: `x${bad}` },
      headers: { 'Accept-Language': 'fr-CA' },
    });
    await expectFieldRefused(password, 'password', 'fr');
  });

  it.each([NUL, LONE])('is a 422 naming the field for notes and tags (%j), and writes nothing', async (bad) => {
    const before = await database.access.service((tx) =>
      tx.query.leadNotes.findMany({ where: (note, { eq }) => eq(note.leadId, leadId) }),
    );
    await expectFieldRefused(
      await owner.call('POST', `/api/app/leads/${leadId}/notes`, { body: { note: `Rappeler ${bad}` } }),
      'note',
    );
    await expectFieldRefused(
      await owner.call('POST', '/api/app/leads/actions', { body: { ids: [leadId], action: 'tag', tag: `VIP${bad}` } }),
      'tag',
    );
    const after = await database.access.service((tx) =>
      tx.query.leadNotes.findMany({ where: (note, { eq }) => eq(note.leadId, leadId) }),
    );
    expect(after).toEqual(before);
  });

  it.each([NUL, LONE])('is a 422 naming the field for the business name and booking link (%j)', async (bad) => {
    const before = await clientRow();
    await expectFieldRefused(
      await owner.call('PATCH', '/api/app/settings', { body: { businessName: `Plomberie${bad}` } }),
      'businessName',
    );
    await expectFieldRefused(
      await owner.call('PATCH', '/api/app/settings', { body: { bookingLink: `https://cal.example/${bad}` } }),
      'bookingLink',
    );
    await expectFieldRefused(
      await staff.call('POST', '/api/app/clients', {
        body: { businessName: `Nouveau${bad}`, email: 'nouveau@example.ca' },
      }),
      'businessName',
    );
    expect(await clientRow()).toEqual(before);
  });
});

describe('text Postgres cannot store, in a query string', () => {
  it('is a 422 naming q or tag for the inbox and the staff client search', async () => {
    await expectFieldRefused(await owner.call('GET', '/api/app/leads?q=toit%00ure'), 'q');
    await expectFieldRefused(await owner.call('GET', '/api/app/leads?tag=VIP%00'), 'tag');
    await expectFieldRefused(await owner.call('GET', '/api/app/leads/export.csv?q=%00'), 'q');
    await expectFieldRefused(await staff.call('GET', '/api/app/clients?q=%00'), 'q');
    expect((await owner.call('GET', '/api/app/leads?q=toiture%20%C3%A9t%C3%A9')).status).toBe(200);
  });
});

describe('settings hold what mail carries', () => {
  it('refuses a business name with a line break, in the browser’s language', async () => {
    const before = await clientRow();
    const response = await owner.call('PATCH', '/api/app/settings', {
      body: { businessName: 'Plomberie\r\nBcc: victim@example.com' },
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(response.status).toBe(422);
    expect((await envelope(response)).error.details!.fields!.businessName![0]).toMatch(/une ligne/);
    expect(await clientRow()).toEqual(before);
  });

  it('refuses a booking link past 2,000 characters, so the public config never serves one', async () => {
    const response = await owner.call('PATCH', '/api/app/settings', {
      body: { bookingLink: `https://cal.example/${'a'.repeat(10_000)}` },
    });
    expect(response.status).toBe(422);
    expect((await envelope(response)).error.details!.fields!.bookingLink![0]).toMatch(/at most 2000 characters/);
    const ok = await owner.call('PATCH', '/api/app/settings', {
      body: { bookingLink: 'https://cal.example/tremblay' },
    });
    expect(ok.status).toBe(200);
  });
});

describe('bodies are bounded', () => {
  it('answers 413 to a body over 64 KB on the public sign-in, without parsing it', async () => {
    const big = JSON.stringify({ email: owner.client.email, password: 'x'.repeat(70 * 1024) });
    const response = await dashboardCall(worker, 'POST', '/api/app/session', { body: big });
    expect(response.status).toBe(413);
    expect((await envelope(response)).error.code).toBe('body_too_large');
  });

  it('answers 413 to a streamed body with no Content-Length, once past 64 KB', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ note: 'x'.repeat(70 * 1024) }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16 * 1024) controller.enqueue(bytes.slice(at, at + 16 * 1024));
        controller.close();
      },
    });
    const response = await worker.dispatchFetch(`http://localhost/api/app/leads/${leadId}/notes`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'http://localhost',
        Cookie: `avenir_session=${owner.token}`,
        'CF-Connecting-IP': '198.51.100.60',
      },
      body,
      duplex: 'half',
    } as never);
    expect(response.status).toBe(413);
  });

  it('never parses an 8 MB body on the public sign-in', async () => {
    const huge = JSON.stringify({ email: owner.client.email, password: 'x'.repeat(8 * 1024 * 1024) });
    // Past 1 MB the Worker stops reading and may close the connection: either way, no parse.
    const status = await dashboardCall(worker, 'POST', '/api/app/session', { body: huge }).then(
      (response) => response.status,
      () => 'connection closed',
    );
    expect([413, 'connection closed']).toContain(status);
  });

  it('still takes a note of 10,000 characters of French', async () => {
    const note = 'é'.repeat(10_000);
    const response = await owner.call('POST', `/api/app/leads/${leadId}/notes`, { body: { note } });
    expect(response.status).toBe(201);
  });
});
