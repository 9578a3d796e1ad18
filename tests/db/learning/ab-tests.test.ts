import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackTracking, leadMemory, promptPerformance } from '../../../schema';
import { choosePromptVariant } from '../../../worker/features/learning';
import {
  cancelAbTest,
  createAbTest,
  lookAtAbTest,
  lookAtRunningTests,
  startDraftAbTest,
} from '../../../worker/features/learning/ab-lifecycle';
import { editVariant } from '../../../worker/features/learning/evolution';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * Prompt A/B tests against a real Postgres engine: start (one running per prompt and
 * language), daily looks that end a test with a winner or inconclusive, promotion of the
 * winner, the evolution row's result, cancel. The arms' outcomes are written directly, as
 * the pipeline and the clients' corrections would have.
 */
let database: TestDatabase;
let clientId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  database = await startTestDatabase();
  clientId = (await insertClient(database.access, { businessName: 'Clinique Lumière' })).id;
});
afterAll(async () => {
  await database?.close();
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

const PARENT_TEXT_EXTRA = '\nWhen a message mentions an insurance receipt, the intent is billing.';

async function childOf(parent: string, extra = PARENT_TEXT_EXTRA) {
  const [row] = await rows<{ prompt_text: string }>(
    sql`select prompt_text from prompt_registry where variant_id = ${parent}`,
  );
  return editVariant(database.access, parent, row!.prompt_text + extra, 'staff@avenir.example');
}

/** `judged` resolved OpenAI predictions of a variant, `corrected` of them corrected, with their executions. */
async function outcomes(variantId: string, judged: number, corrected: number, at: Date) {
  await database.access.service(async (tx) => {
    const [registry] = await tx
      .execute<{ id: string }>(sql`select id from prompt_registry where variant_id = ${variantId}`)
      .then((result) => result.rows);
    for (let i = 0; i < judged; i++) {
      const [lead] = await tx
        .insert(leadMemory)
        .values({
          clientId,
          name: 'Léa',
          email: `lea-${crypto.randomUUID()}@example.ca`,
          message: 'Bonjour',
          language: 'en',
        })
        .returning({ id: leadMemory.id });
      const wrong = i < corrected;
      const [feedback] = await tx
        .insert(feedbackTracking)
        .values({
          leadId: lead!.id,
          clientId,
          actionType: 'system_performance',
          outcome: wrong ? 'negative' : 'positive',
          contextData: {
            prediction: { intent: 'quote_request', urgency: 'Medium', tone: 'Friendly', language: 'en' },
            engine: 'openai',
            variantId,
            fellBackFrom: null,
            resolvedBy: wrong ? 'correction' : 'confirmation',
            accuracy: wrong ? 0.75 : 1,
          },
          processedAt: at,
          createdAt: at,
        })
        .returning({ id: feedbackTracking.id });
      await tx.insert(promptPerformance).values({
        promptRegistryId: registry!.id,
        executionId: crypto.randomUUID(),
        clientId,
        outputQualityScore: 0.8,
        consistencyScore: 1,
        completenessScore: 0.9,
        responseTimeMs: 900 + i,
        tokenCount: 600,
        costUsd: 0.0004,
        feedbackId: feedback!.id,
        executedAt: at,
      });
    }
  });
}

const registry = (variantIds: string[]) =>
  rows<{ variant_id: string; is_active: boolean; score: string | number | null }>(
    sql`select variant_id, is_active, score from prompt_registry where variant_id in ${variantIds} order by variant_id`,
  );

describe('prompt A/B tests', () => {
  it('allows one running test per prompt and language', async () => {
    const child = await childOf('reply.en.v1');
    const test = await createAbTest(database.access, {
      controlVariantId: 'reply.en.v1',
      treatmentVariantId: child.variant.variantId,
    });
    expect(test).toMatchObject({ status: 'running', decision: 'collecting', language: 'en', promptName: 'reply' });

    const another = await childOf('reply.en.v1', '\nSign with the business name.');
    await expect(
      createAbTest(database.access, { controlVariantId: 'reply.en.v1', treatmentVariantId: another.variant.variantId }),
    ).rejects.toMatchObject({ code: 'test_conflict' });

    // French is another test.
    const french = await childOf('reply.fr.v1', '\nSignez avec le nom de l’entreprise.');
    await expect(
      createAbTest(database.access, { controlVariantId: 'reply.fr.v1', treatmentVariantId: french.variant.variantId }),
    ).resolves.toMatchObject({ status: 'running', language: 'fr' });

    await expect(
      createAbTest(database.access, { controlVariantId: 'reply.en.v1', treatmentVariantId: 'reply.fr.v1' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      createAbTest(database.access, { controlVariantId: 'reply.en.v1', treatmentVariantId: 'nope.v9' }),
    ).rejects.toMatchObject({ code: 'prompt_not_found' });

    // A draft waits; it starts only once the running test is out of the way.
    const draft = await createAbTest(database.access, {
      controlVariantId: 'reply.en.v1',
      treatmentVariantId: another.variant.variantId,
      draft: true,
    });
    expect(draft).toMatchObject({ status: 'draft', decision: 'draft', startedAt: null });
    await expect(startDraftAbTest(database.access, draft.id)).rejects.toMatchObject({ code: 'test_conflict' });

    const cancelled = await cancelAbTest(database.access, test.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', decision: 'cancelled' });
    await expect(cancelAbTest(database.access, test.id)).rejects.toMatchObject({ code: 'test_conflict' });
    await expect(startDraftAbTest(database.access, draft.id)).resolves.toMatchObject({ status: 'running' });
    await cancelAbTest(database.access, draft.id);
  });

  it('a child is not used before it wins; a significant win promotes it and scores its lineage', async () => {
    const child = await childOf('triage.en.v1');
    expect(child.variant).toMatchObject({ isActive: false, parentVariantId: 'triage.en.v1' });
    expect(child.evolution).toMatchObject({ type: 'manual_edit', parentVariantId: 'triage.en.v1' });
    const [edge] = await rows<{ feedback_data: { diff: { op: string; text: string }[] } }>(
      sql`select feedback_data from prompt_evolution where id = ${child.evolution.id}`,
    );
    // The diff rebuilds both texts, and what it adds is the new instruction.
    const diff = edge!.feedback_data.diff;
    const text = (ops: string[]) =>
      diff
        .filter((part) => ops.includes(part.op))
        .map((part) => part.text)
        .join('');
    expect(text([' ', '+'])).toBe(child.variant.text);
    expect(text([' ', '-']).trim()).toBe(child.variant.text.replace(PARENT_TEXT_EXTRA, '').trim());
    expect(text(['+'])).toContain(PARENT_TEXT_EXTRA.trim());
    const lead = crypto.randomUUID();
    expect((await database.access.service((tx) => choosePromptVariant(tx, 'triage', 'en', lead))).variantId).toBe(
      'triage.en.v1',
    );

    const started = new Date(Date.now() - 3 * DAY);
    const test = await createAbTest(
      database.access,
      { controlVariantId: 'triage.en.v1', treatmentVariantId: child.variant.variantId, minSampleSize: 100 },
      started,
    );
    // Before the minimum sample, nothing is decided, whatever the rates.
    await outcomes('triage.en.v1', 60, 30, new Date(started.getTime() + DAY));
    await outcomes(child.variant.variantId, 60, 6, new Date(started.getTime() + DAY));
    const early = await database.access.service((tx) => lookAtAbTest(tx, test.id));
    expect(early).toMatchObject({ status: 'running', decision: 'collecting', pValue: 1 });
    expect(early.controlMetrics).toMatchObject({ judged: 60, corrected: 30, correctionRate: 0.5, executions: 60 });

    await outcomes('triage.en.v1', 90, 36, new Date(started.getTime() + 2 * DAY));
    await outcomes(child.variant.variantId, 90, 9, new Date(started.getTime() + 2 * DAY));
    const { ended } = await lookAtRunningTests(database.access);
    expect(ended).toContain(test.testName);

    const [done] = await rows<{
      status: string;
      winner_variant_id: string;
      statistical_significance: string | number;
      treatment_metrics: Record<string, number>;
    }>(sql`select * from prompt_ab_tests where id = ${test.id}`);
    expect(done).toMatchObject({ status: 'completed', winner_variant_id: child.variant.variantId });
    expect(Number(done!.statistical_significance)).toBeLessThan(0.05);
    expect(done!.treatment_metrics).toMatchObject({ judged: 150, corrected: 15, correctionRate: 0.1 });

    // Promoted: new leads get the child, and the parent retires.
    expect((await database.access.service((tx) => choosePromptVariant(tx, 'triage', 'en', lead))).variantId).toBe(
      child.variant.variantId,
    );
    const variants = await registry(['triage.en.v1', child.variant.variantId]);
    expect(variants.map((variant) => [variant.variant_id, variant.is_active])).toEqual([
      ['triage.en.v1', false],
      [child.variant.variantId, true],
    ]);
    // Scores: mean accuracy of each variant's verdicts (0.75 when corrected, 1 otherwise).
    expect(Number(variants[1]!.score)).toBeCloseTo(1 - 0.25 * (15 / 150), 3);

    const [lineage] = await rows<{ improvement_score: string | number; child_performance: Record<string, number> }>(
      sql`select improvement_score, child_performance from prompt_evolution where id = ${child.evolution.id}`,
    );
    // The child removed (0.44 − 0.10) / 0.44 of the parent's correction rate.
    expect(Number(lineage!.improvement_score)).toBeCloseTo((0.44 - 0.1) / 0.44, 2);
    expect(lineage!.child_performance).toMatchObject({ correctionRate: 0.1 });
  });

  it('a test without a significant difference ends inconclusive at its maximum duration, keeping the control', async () => {
    const child = await childOf('triage.fr.v1', '\nSoyez bref.');
    const started = new Date(Date.now() - 8 * DAY);
    const test = await createAbTest(
      database.access,
      {
        controlVariantId: 'triage.fr.v1',
        treatmentVariantId: child.variant.variantId,
        maxDurationDays: 7,
        minSampleSize: 30,
      },
      started,
    );
    await outcomes('triage.fr.v1', 40, 8, new Date(started.getTime() + DAY));
    await outcomes(child.variant.variantId, 40, 8, new Date(started.getTime() + DAY));
    const view = await database.access.service((tx) => lookAtAbTest(tx, test.id));
    expect(view).toMatchObject({ status: 'completed', decision: 'inconclusive', winnerVariantId: null });
    expect(view.pValue).toBeGreaterThan(0.05);
    const variants = await registry(['triage.fr.v1', child.variant.variantId]);
    expect(variants.map((variant) => variant.is_active)).toEqual([true, false]);
    await expect(database.access.service((tx) => lookAtAbTest(tx, test.id))).rejects.toMatchObject({
      code: 'test_conflict',
    });
  });

  it('an edit identical to its parent is refused', async () => {
    const [row] = await rows<{ prompt_text: string }>(
      sql`select prompt_text from prompt_registry where variant_id = 'reply.fr.v1'`,
    );
    await expect(
      editVariant(database.access, 'reply.fr.v1', `  ${row!.prompt_text}  `, 'staff@avenir.example'),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(
      editVariant(database.access, 'reply.xx.v1', 'A prompt that is long enough.', 'x'),
    ).rejects.toMatchObject({
      code: 'prompt_not_found',
    });
  });
});
