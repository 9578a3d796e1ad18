import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leadMemory } from '../../../schema';
import type { PredictionContext } from '../../../schema/learning';
import { type EnrichmentDeps, enrichLead } from '../../../worker/features/enrichment';
import { applyBulkAction } from '../../../worker/features/inbox/bulk-actions';
import { correctLead } from '../../../worker/features/learning';
import { offlineAi } from '../../../worker/features/triage/offline-engine';
import { AppError } from '../../../worker/platform/errors';
import { createOutboxMailer } from '../../../worker/platform/mail/outbox';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The client's corrections and the other outcomes that resolve a prediction, against a
 * real Postgres engine: a lead is triaged by the offline engine through the real pipeline,
 * then corrected, converted, archived or marked spam.
 */
let database: TestDatabase;
let clientId: string;
let otherClientId: string;

beforeAll(async () => {
  database = await startTestDatabase();
  otherClientId = (await insertClient(database.access, { businessName: 'Dental Plus' })).id;
});
// A client per test: what one test corrects would otherwise teach the next one's triage.
beforeEach(async () => {
  clientId = (await insertClient(database.access, { businessName: 'Toitures Boréal', language: 'fr' })).id;
});
afterAll(async () => {
  await database?.close();
});

const deps = (): EnrichmentDeps => ({
  db: database.access,
  ai: offlineAi,
  mailer: createOutboxMailer(database.access),
  sender: { email: 'replies@avenir.local' },
  appUrl: 'https://app.avenir.example',
});

let counter = 0;
async function triagedLead(
  message = 'Bonjour, combien pour refaire la toiture de mon bungalow à Laval? Pas pressé.',
  owner = clientId,
) {
  counter++;
  const [lead] = await database.access.service((tx) =>
    tx
      .insert(leadMemory)
      .values({
        clientId: owner,
        name: 'Martin Gagnon',
        email: `martin-${counter}@example.ca`,
        message,
        language: 'fr',
      })
      .returning(),
  );
  await enrichLead(deps(), { leadId: lead!.id, clientId: owner });
  return lead!.id;
}

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

interface PredictionRow extends Record<string, unknown> {
  outcome: string;
  impact_score: number;
  context_data: PredictionContext;
  processed_at: Date | string | null;
  learning_applied: boolean;
}
const predictionsOf = (leadId: string) =>
  rows<PredictionRow>(sql`select outcome, impact_score, context_data, processed_at, learning_applied
    from feedback_tracking where lead_id = ${leadId} and action_type = 'system_performance' order by created_at`);

const leadOf = async (leadId: string) =>
  (
    await rows<{ intent: string; urgency: string; tone: string; urgency_history: { value: string; engine: string }[] }>(
      sql`select intent, urgency, tone, urgency_history from lead_memory where id = ${leadId}`,
    )
  )[0]!;

describe('a client correcting the triage', () => {
  it('changes the lead, writes a human history entry and a timeline entry, and resolves the prediction negative', async () => {
    const leadId = await triagedLead();
    const before = await leadOf(leadId);
    expect(before.urgency).not.toBe('High');

    const view = await correctLead(database.access, clientId, 'owner@boreal.example', leadId, {
      urgency: 'High',
      intent: 'booking_request',
    });
    expect(view.changes.map((change) => change.field).sort()).toEqual(['intent', 'urgency']);
    expect(view.changes.find((change) => change.field === 'urgency')).toMatchObject({
      from: before.urgency,
      to: 'High',
    });

    const after = await leadOf(leadId);
    expect(after).toMatchObject({ intent: 'Booking request', urgency: 'High' });
    expect(after.urgency_history.at(-1)).toMatchObject({ value: 'High', engine: 'human' });

    const actions = await rows<{ action_type: string; performed_by: string; metadata: { changes: unknown[] } }>(
      sql`select action_type, performed_by, metadata from lead_actions where lead_id = ${leadId} and action_type = 'corrected'`,
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ performed_by: 'owner@boreal.example' });
    expect(actions[0]!.metadata.changes).toHaveLength(2);

    const [prediction] = await predictionsOf(leadId);
    expect(prediction).toMatchObject({ outcome: 'negative', impact_score: -70, learning_applied: true });
    expect(prediction!.processed_at).not.toBeNull();
    expect(prediction!.context_data).toMatchObject({
      resolvedBy: 'correction',
      accuracy: 0.5,
      actual: { intent: 'booking_request', urgency: 'High' },
    });
    expect(prediction!.context_data.corrected).toEqual(['intent', 'urgency']);
  });

  it('a second correction refines the first against the original prediction; the same values again change nothing', async () => {
    const leadId = await triagedLead();
    await correctLead(database.access, clientId, 'owner@boreal.example', leadId, { urgency: 'High' });
    await correctLead(database.access, clientId, 'owner@boreal.example', leadId, { tone: 'Frustrated' });
    const again = await correctLead(database.access, clientId, 'owner@boreal.example', leadId, { tone: 'Frustrated' });
    expect(again.changes).toEqual([]);

    const [prediction] = await predictionsOf(leadId);
    expect(prediction!.context_data.corrected).toEqual(['urgency', 'tone']);
    expect(prediction!.context_data.accuracy).toBe(0.5);
    const corrections = await rows(
      sql`select 1 from lead_actions where lead_id = ${leadId} and action_type = 'corrected'`,
    );
    expect(corrections).toHaveLength(2);
  });

  it('correcting back to what the engine said turns the verdict positive', async () => {
    const leadId = await triagedLead();
    const { urgency } = await leadOf(leadId);
    await correctLead(database.access, clientId, 'owner@boreal.example', leadId, { urgency: 'High' });
    await correctLead(database.access, clientId, 'owner@boreal.example', leadId, {
      urgency: urgency as 'Medium' | 'Low',
    });
    const [prediction] = await predictionsOf(leadId);
    expect(prediction).toMatchObject({ outcome: 'positive' });
    expect(prediction!.context_data.accuracy).toBe(1);
  });

  it('another client’s lead is not found, and nothing about it changes', async () => {
    const leadId = await triagedLead();
    const before = await leadOf(leadId);
    const attempt = correctLead(database.access, otherClientId, 'intruder@dental.example', leadId, { urgency: 'High' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'not_found' });
    expect(await leadOf(leadId)).toEqual(before);
    const [prediction] = await predictionsOf(leadId);
    expect(prediction).toMatchObject({ outcome: 'neutral', processed_at: null });
    expect(await rows(sql`select 1 from lead_actions where lead_id = ${leadId} and action_type = 'corrected'`)).toEqual(
      [],
    );
  });

  it('a lead not analysed yet cannot be corrected', async () => {
    const [lead] = await database.access.service((tx) =>
      tx
        .insert(leadMemory)
        .values({ clientId, name: 'Ana', email: 'ana@example.ca', message: 'Allo', language: 'fr' })
        .returning(),
    );
    await expect(
      correctLead(database.access, clientId, 'owner@boreal.example', lead!.id, { urgency: 'High' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('other outcomes', () => {
  const act = (ids: string[], action: 'archive' | 'spam' | 'not_spam' | 'tag', tag?: string) =>
    applyBulkAction(database.access, clientId, 'owner@boreal.example', { ids, action, tag }, 'fr');

  it('converting a lead confirms its triage and links the conversion to the prediction; converting again changes nothing', async () => {
    const leadId = await triagedLead();
    await act([leadId], 'tag', 'Converted');
    const [prediction] = await predictionsOf(leadId);
    expect(prediction).toMatchObject({ outcome: 'positive', impact_score: 50 });
    expect(prediction!.context_data).toMatchObject({ resolvedBy: 'conversion', accuracy: 1 });

    const conversions = await rows<{ context_data: { predictionId: string } }>(
      sql`select context_data from feedback_tracking where lead_id = ${leadId} and action_type = 'lead_conversion'`,
    );
    const [predictionId] = await rows<{ id: string }>(
      sql`select id from feedback_tracking where lead_id = ${leadId} and action_type = 'system_performance'`,
    );
    expect(conversions[0]!.context_data.predictionId).toBe(predictionId!.id);

    await act([leadId], 'tag', 'Converted');
    expect(await predictionsOf(leadId)).toEqual([prediction]);
  });

  it('a conversion after a correction keeps the correction’s verdict', async () => {
    const leadId = await triagedLead();
    await correctLead(database.access, clientId, 'owner@boreal.example', leadId, { urgency: 'High' });
    await act([leadId], 'tag', 'Converted');
    const [prediction] = await predictionsOf(leadId);
    expect(prediction).toMatchObject({ outcome: 'negative' });
    expect(prediction!.context_data.resolvedBy).toBe('correction');
  });

  it('marking a real lead spam corrects its intent; marking a spam lead spam confirms it', async () => {
    const real = await triagedLead();
    await act([real], 'spam');
    const [corrected] = await predictionsOf(real);
    expect(corrected).toMatchObject({ outcome: 'negative' });
    expect(corrected!.context_data).toMatchObject({ resolvedBy: 'spam_verdict', actual: { intent: 'spam' } });

    const spam = await triagedLead(
      'Congratulations!!! You have WON a free iPhone 15, click here bit.ly/xxfree to claim your prize now',
    );
    const [predicted] = await predictionsOf(spam);
    expect(predicted!.context_data.prediction.intent).toBe('spam');
    await act([spam], 'spam');
    expect((await predictionsOf(spam))[0]).toMatchObject({ outcome: 'positive' });
  });

  it('archiving a lead nobody acted on closes its prediction as neutral; one the client had tagged stays open', async () => {
    const untouched = await triagedLead();
    const tagged = await triagedLead();
    await act([tagged], 'tag', 'Hot Lead');
    await act([untouched, tagged], 'archive');
    const [closed] = await predictionsOf(untouched);
    expect(closed).toMatchObject({ outcome: 'neutral', learning_applied: false });
    expect(closed!.context_data).toMatchObject({ resolvedBy: 'archived', accuracy: null });
    expect((await predictionsOf(tagged))[0]).toMatchObject({ processed_at: null });
  });

  it('a correction after a neutral archive still corrects the prediction', async () => {
    const leadId = await triagedLead();
    await act([leadId], 'archive');
    await correctLead(database.access, clientId, 'owner@boreal.example', leadId, { intent: 'complaint' });
    const [prediction] = await predictionsOf(leadId);
    expect(prediction).toMatchObject({ outcome: 'negative' });
    expect(prediction!.context_data).toMatchObject({ resolvedBy: 'correction', accuracy: 0.75 });
  });
});

describe('learning from a client’s corrections', () => {
  it('changes the offline triage of that client’s similar messages, and only that client’s', async () => {
    const taught = [
      'Bonjour, est-ce que quelqu’un pourrait venir voir notre sous-sol? Il y a de la moisissure sur un mur.',
      'Allo, j’ai remarqué de la moisissure derrière le bain, pouvez-vous venir voir?',
      'Bonsoir, on a de la moisissure au plafond du sous-sol depuis le printemps.',
      'Bonjour, de la moisissure est apparue sous la fenêtre de la chambre, pouvez-vous venir voir?',
    ];
    for (const message of taught) {
      const leadId = await triagedLead(message);
      await correctLead(database.access, clientId, 'owner@boreal.example', leadId, {
        intent: 'quote_request',
        urgency: 'High',
      });
    }
    const similar = 'Bonjour, il y a de la moisissure dans la salle de lavage, pouvez-vous venir voir?';
    const plain = await leadOf(await triagedLead(similar, otherClientId));
    const adapted = await leadOf(await triagedLead(similar));
    expect(plain).toMatchObject({ intent: 'Support request', urgency: 'Medium' });
    expect(adapted).toMatchObject({ intent: 'Quote request', urgency: 'High' });

    // A message about something else keeps the rules' answer.
    const unrelated = 'Bonjour, quelles sont vos heures d’ouverture le samedi?';
    const [forOther, forClient] = [
      await leadOf(await triagedLead(unrelated, otherClientId)),
      await leadOf(await triagedLead(unrelated)),
    ];
    expect(forClient).toMatchObject({ intent: forOther.intent, urgency: forOther.urgency });
  });
});
