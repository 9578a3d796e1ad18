import { randomUUID } from 'node:crypto';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadMemory } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import {
  dashboardCall,
  type ErrorBody,
  FOREIGN_ORIGIN,
  type SignedInClient,
  signedInClient,
  type WorkerResponse,
} from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * Every dashboard endpoint's error answers, endpoint by endpoint: 401 without a session,
 * 403 for a mutation from another site, 422 for a bad body or query, 413 for a body past
 * 64 KB, 404 for an unknown id. Each answer is the JSON error envelope, and nothing changes.
 */

interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** A body the endpoint accepts, so only the session or origin is at fault. */
  body?: unknown;
  /** A request the endpoint must refuse with 422. */
  invalid?: { path?: string; body?: unknown };
  /** The same endpoint naming an id that does not exist. */
  unknownPath?: string;
}

let database: TestDatabase;
let worker: Miniflare;
let owner: SignedInClient;
let leadId = '';
let noteId = '';

const unknown = randomUUID();

function endpoints(): Endpoint[] {
  return [
    { method: 'GET', path: '/api/app/me' },
    { method: 'DELETE', path: '/api/app/session' },
    {
      method: 'POST',
      path: '/api/app/password',
      body: { currentPassword: 'x', newPassword: 'y' },
      invalid: { body: { currentPassword: '' } },
    },
    {
      method: 'GET',
      path: '/api/app/leads',
      invalid: { path: '/api/app/leads?urgency=Extreme' },
    },
    {
      method: 'GET',
      path: `/api/app/leads/${leadId}`,
      unknownPath: `/api/app/leads/${unknown}`,
    },
    {
      method: 'POST',
      path: '/api/app/leads/actions',
      body: { ids: [leadId], action: 'archive' },
      invalid: { body: { ids: [leadId], action: 'explode' } },
    },
    { method: 'GET', path: '/api/app/tags' },
    {
      method: 'POST',
      path: `/api/app/leads/${leadId}/notes`,
      body: { note: 'hello' },
      invalid: { body: { note: '' } },
      unknownPath: `/api/app/leads/${unknown}/notes`,
    },
    {
      method: 'PATCH',
      path: `/api/app/leads/${leadId}/notes/${noteId}`,
      body: { note: 'changed' },
      invalid: { body: { note: 'x'.repeat(10_001) } },
      unknownPath: `/api/app/leads/${leadId}/notes/${unknown}`,
    },
    {
      method: 'DELETE',
      path: `/api/app/leads/${leadId}/notes/${noteId}`,
      unknownPath: `/api/app/leads/${leadId}/notes/${unknown}`,
    },
    { method: 'GET', path: '/api/app/activity', invalid: { path: '/api/app/activity?from=yesterday' } },
    { method: 'GET', path: '/api/app/leads/export.csv', invalid: { path: '/api/app/leads/export.csv?sort=random' } },
    { method: 'GET', path: '/api/app/settings' },
    {
      method: 'PATCH',
      path: '/api/app/settings',
      body: { businessName: 'Changed' },
      invalid: { body: { emailTone: 'Sarcastic' } },
    },
    { method: 'POST', path: '/api/app/settings/widget-key' },
    { method: 'POST', path: '/api/app/settings/test-lead' },
    {
      method: 'GET',
      path: '/api/app/insights',
      invalid: { path: '/api/app/insights?period=custom&from=2026-02-30&to=2026-03-02' },
    },
    { method: 'GET', path: '/api/app/insights/refresh' },
    { method: 'POST', path: '/api/app/insights/refresh' },
  ];
}

const label = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;
const envelope = async (response: WorkerResponse) => (await response.json()) as ErrorBody;

/** What a refused request could have changed: the owner's lead, its notes and actions, the client row. */
const snapshot = () =>
  database.access.service(async (tx) => ({
    lead: await tx.query.leadMemory.findFirst({ where: (lead, { eq }) => eq(lead.id, leadId) }),
    notes: await tx.query.leadNotes.findMany({ where: (note, { eq }) => eq(note.leadId, leadId) }),
    actions: await tx.query.leadActions.findMany({ where: (action, { eq }) => eq(action.leadId, leadId) }),
    client: await tx.query.clients.findFirst({ where: (client, { eq }) => eq(client.id, owner.client.id) }),
    leads: (await tx.query.leadMemory.findMany({ where: (lead, { eq }) => eq(lead.clientId, owner.client.id) })).length,
  }));

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker({ DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy });
  owner = await signedInClient(database, worker);
  const [lead] = await database.access.service((tx) =>
    tx
      .insert(leadMemory)
      .values({ clientId: owner.client.id, name: 'Léa', email: 'lea@example.ca', message: 'Bonjour', language: 'fr' })
      .returning(),
  );
  leadId = lead!.id;
  const note = await owner.call('POST', `/api/app/leads/${leadId}/notes`, { body: { note: 'first' } });
  noteId = ((await note.json()) as { note: { id: string } }).note.id;
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

describe('every dashboard endpoint', () => {
  it('answers 401 without a session, and changes nothing', async () => {
    const before = await snapshot();
    for (const endpoint of endpoints()) {
      const response = await dashboardCall(worker, endpoint.method, endpoint.path, { body: endpoint.body });
      expect(response.status, label(endpoint)).toBe(401);
      expect((await envelope(response)).error.code, label(endpoint)).toBe('unauthenticated');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 403 to a mutation from another site, even with a valid session, and changes nothing', async () => {
    const before = await snapshot();
    for (const endpoint of endpoints().filter((e) => e.method !== 'GET')) {
      const response = await owner.call(endpoint.method, endpoint.path, {
        body: endpoint.body,
        origin: FOREIGN_ORIGIN,
      });
      expect(response.status, label(endpoint)).toBe(403);
      expect((await envelope(response)).error.code, label(endpoint)).toBe('csrf');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 422 with field messages to a bad body or query, and changes nothing', async () => {
    const before = await snapshot();
    const invalid = endpoints().filter((e) => e.invalid);
    expect(invalid.length).toBeGreaterThanOrEqual(8);
    for (const endpoint of invalid) {
      const response = await owner.call(endpoint.method, endpoint.invalid?.path ?? endpoint.path, {
        body: endpoint.invalid?.body,
      });
      expect(response.status, label(endpoint)).toBe(422);
      const { error } = await envelope(response);
      expect(error.code, label(endpoint)).toBe('invalid_request');
      expect(Object.keys(error.details?.fields ?? {}).length, label(endpoint)).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 413 to a body over 64 KB on every mutation, before reading it as JSON, and changes nothing', async () => {
    const before = await snapshot();
    const oversized = JSON.stringify({ note: 'x'.repeat(65 * 1024) });
    for (const endpoint of endpoints().filter((e) => e.method !== 'GET')) {
      const response = await owner.call(endpoint.method, endpoint.path, { body: oversized });
      expect(response.status, label(endpoint)).toBe(413);
      expect((await envelope(response)).error.code, label(endpoint)).toBe('body_too_large');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 to an unknown id, and changes nothing', async () => {
    const before = await snapshot();
    const withIds = endpoints().filter((e) => e.unknownPath);
    expect(withIds.length).toBeGreaterThanOrEqual(4);
    for (const endpoint of withIds) {
      const response = await owner.call(endpoint.method, endpoint.unknownPath!, { body: endpoint.body });
      expect(response.status, label(endpoint)).toBe(404);
      expect((await envelope(response)).error.code, label(endpoint)).toBe('not_found');
    }
    expect(await snapshot()).toEqual(before);
  });
});
