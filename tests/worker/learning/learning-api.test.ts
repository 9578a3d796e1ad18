import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackTracking, leadMemory } from '../../../schema';
import type { AbTestCreated, CorrectionView, EditedVariantView } from '../../../schema/learning-api';
import { startWorker } from '../../../scripts/lib/worker';
import { type ErrorBody, type SignedInClient, signedInClient, type WorkerResponse } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The learning loop's routes in the real runtime: a client correcting its lead (and never
 * another client's), and the staff-only prompt routes.
 */

let database: TestDatabase;
let worker: Miniflare;
let owner: SignedInClient;
let neighbour: SignedInClient;
let staff: SignedInClient;

const json = async <T>(response: WorkerResponse) => (await response.json()) as T;
const errorOf = async (response: WorkerResponse) => (await json<ErrorBody>(response)).error;
const FRENCH = { headers: { 'Accept-Language': 'fr-CA,fr;q=0.9' } };

async function triagedLead(clientId: string) {
  return database.access.service(async (tx) => {
    const [lead] = await tx
      .insert(leadMemory)
      .values({
        clientId,
        name: 'Sophie Roy',
        email: `sophie-${crypto.randomUUID()}@example.ca`,
        message: 'Bonjour, combien pour repeindre trois chambres?',
        language: 'fr',
        intent: 'Quote request',
        urgency: 'Medium',
        tone: 'Friendly',
        confidenceScore: 0.8,
        enrichedAt: new Date(),
        enrichmentEngine: 'offline',
      })
      .returning();
    await tx.insert(feedbackTracking).values({
      leadId: lead!.id,
      clientId,
      actionType: 'system_performance',
      outcome: 'neutral',
      contextData: {
        prediction: { intent: 'quote_request', urgency: 'Medium', tone: 'Friendly', language: 'fr' },
        engine: 'offline',
        variantId: 'triage.fr.v1',
        fellBackFrom: null,
      },
    });
    return lead!.id;
  });
}

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    { queueConsumers: false },
  );
  owner = await signedInClient(database, worker);
  neighbour = await signedInClient(database, worker);
  staff = await signedInClient(database, worker);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set is_internal = true where id = ${staff.client.id}`),
  );
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

describe('POST /api/app/leads/:id/correction', () => {
  it('corrects the lead and answers with what changed', async () => {
    const leadId = await triagedLead(owner.client.id);
    const response = await owner.call('POST', `/api/app/leads/${leadId}/correction`, {
      body: { urgency: 'High', tone: 'Friendly' },
    });
    expect(response.status).toBe(200);
    expect(await json<CorrectionView>(response)).toEqual({
      changes: [{ field: 'urgency', from: 'Medium', to: 'High' }],
    });
    const detail = await json<{ urgency: string; timeline: { action: string; metadata: unknown }[] }>(
      await owner.call('GET', `/api/app/leads/${leadId}`),
    );
    expect(detail.urgency).toBe('High');
    expect(detail.timeline[0]).toMatchObject({
      action: 'corrected',
      metadata: { changes: [{ field: 'urgency', from: 'Medium', to: 'High' }] },
    });
  });

  it('another client’s lead is 404 and stays as it was', async () => {
    const leadId = await triagedLead(owner.client.id);
    const response = await neighbour.call('POST', `/api/app/leads/${leadId}/correction`, {
      body: { urgency: 'High' },
    });
    expect(response.status).toBe(404);
    const [lead] = (
      await database.access.service((tx) =>
        tx.execute<{ urgency: string }>(sql`select urgency from lead_memory where id = ${leadId}`),
      )
    ).rows;
    expect(lead!.urgency).toBe('Medium');
    expect(
      (await neighbour.call('POST', '/api/app/leads/not-a-uuid/correction', { body: { urgency: 'High' } })).status,
    ).toBe(404);
  });

  it('refuses a value outside the vocabulary, an empty correction and unknown fields, in the reader’s language', async () => {
    const leadId = await triagedLead(owner.client.id);
    const bad = await owner.call('POST', `/api/app/leads/${leadId}/correction`, {
      body: { urgency: 'Critical' },
      ...FRENCH,
    });
    expect(bad.status).toBe(422);
    const error = await errorOf(bad);
    expect(error.code).toBe('invalid_request');
    expect(error.details?.fields?.urgency?.[0]).toBe('Choisissez une urgence parmi : High, Medium, Low.');

    const empty = await owner.call('POST', `/api/app/leads/${leadId}/correction`, { body: {} });
    expect(empty.status).toBe(422);
    expect((await errorOf(empty)).message).toBe('Correct at least one of intent, urgency, tone or language.');

    const extra = await owner.call('POST', `/api/app/leads/${leadId}/correction`, {
      body: { urgency: 'High', clientId: neighbour.client.id },
    });
    expect(extra.status).toBe(422);
  });

  it('needs a session', async () => {
    const leadId = await triagedLead(owner.client.id);
    const response = await worker.dispatchFetch(`http://localhost/api/app/leads/${leadId}/correction`, {
      method: 'POST',
      headers: { Origin: 'http://localhost', 'Content-Type': 'application/json' },
      body: JSON.stringify({ urgency: 'High' }),
    });
    expect(response.status).toBe(401);
  });
});

describe('the staff prompt routes', () => {
  it('are forbidden to client accounts', async () => {
    for (const [path, body] of [
      ['/api/app/staff/prompts/triage.en.v1/edit', { text: 'A long enough prompt text for the test.' }],
      ['/api/app/staff/ab-tests', { controlVariantId: 'triage.en.v1', treatmentVariantId: 'triage.en.v1' }],
    ] as const) {
      const response = await owner.call('POST', path, { body });
      expect(response.status).toBe(403);
    }
  });

  it('edit a variant into a child, start its test, and refuse a second one for the same prompt and language', async () => {
    const [parent] = (
      await database.access.service((tx) =>
        tx.execute<{ prompt_text: string }>(
          sql`select prompt_text from prompt_registry where variant_id = 'reply.en.v1'`,
        ),
      )
    ).rows;
    const edited = await staff.call('POST', '/api/app/staff/prompts/reply.en.v1/edit', {
      body: { text: `${parent!.prompt_text}\nKeep it under 120 words.` },
    });
    expect(edited.status).toBe(201);
    const { variant } = await json<EditedVariantView>(edited);
    expect(variant).toMatchObject({
      promptName: 'reply',
      language: 'en',
      isActive: false,
      parentVariantId: 'reply.en.v1',
    });

    const started = await staff.call('POST', '/api/app/staff/ab-tests', {
      body: { controlVariantId: 'reply.en.v1', treatmentVariantId: variant.variantId, minSampleSize: 50 },
    });
    expect(started.status).toBe(201);
    const { test } = await json<AbTestCreated>(started);
    expect(test).toMatchObject({ status: 'running', minSampleSize: 50, controlTrafficPercentage: 50 });

    const again = await staff.call('POST', '/api/app/staff/ab-tests', {
      body: { controlVariantId: 'reply.en.v1', treatmentVariantId: variant.variantId },
      ...FRENCH,
    });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toContain('est en cours');

    const look = await staff.call('POST', `/api/app/staff/ab-tests/${test.id}/look`);
    expect(look.status).toBe(200);
    expect((await json<AbTestCreated>(look)).test).toMatchObject({ decision: 'collecting' });
    const cancelled = await staff.call('POST', `/api/app/staff/ab-tests/${test.id}/cancel`);
    expect((await json<AbTestCreated>(cancelled)).test.status).toBe('cancelled');
    expect((await staff.call('POST', '/api/app/staff/ab-tests/nope/cancel')).status).toBe(404);
  });

  it('says the AI is needed to evolve a variant when none is configured', async () => {
    const response = await staff.call('POST', '/api/app/staff/prompts/triage.en.v1/evolve', {
      body: { type: 'mutation' },
    });
    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe('ai_unavailable');
  });
});
