import { and, eq, inArray, sql } from 'drizzle-orm';
import { promptAbTests, promptEvolution, promptRegistry } from '../../../schema';
import type { AbTestView, ArmMetrics } from '../../../schema/learning-api';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { improvementScore, lookAt } from './ab-decision';
import { measureArm, refreshScores } from './ab-metrics';
import { type AbTestRow, abTestView } from './ab-view';

/**
 * A prompt A/B test's life: `draft → running → completed | cancelled`. Staff start one
 * between two variants of one prompt and language (at most one running per prompt and
 * language); every day (and on "look now") its arms are measured and the sequential test
 * decides; a winner is promoted (the only active variant of its prompt and language, so
 * the one new leads get), an inconclusive test keeps the control.
 */

export interface NewAbTest {
  /** Kept as a draft, started later (`startDraftAbTest`); otherwise it starts at once. */
  draft?: boolean | undefined;
  controlVariantId: string;
  treatmentVariantId: string;
  minSampleSize?: number | undefined;
  maxDurationDays?: number | undefined;
  significanceLevel?: number | undefined;
  controlTrafficPercentage?: number | undefined;
}

const testNotFound = () => new AppError('test_not_found');
const conflict = (en: string, fr: string) => new AppError('test_conflict', bilingual(en, fr));

async function lockedTest(tx: Transaction, testId: string): Promise<AbTestRow> {
  const [test] = await tx.select().from(promptAbTests).where(eq(promptAbTests.id, testId)).for('update');
  if (!test) throw testNotFound();
  return test;
}

export function createAbTest(db: DatabaseAccess, request: NewAbTest, now = new Date()): Promise<AbTestView> {
  return db.service(async (tx) => {
    const variants = await tx
      .select()
      .from(promptRegistry)
      .where(inArray(promptRegistry.variantId, [request.controlVariantId, request.treatmentVariantId]));
    const control = variants.find((variant) => variant.variantId === request.controlVariantId);
    const treatment = variants.find((variant) => variant.variantId === request.treatmentVariantId);
    if (!control || !treatment) throw new AppError('prompt_not_found');
    if (control.id === treatment.id) {
      throw new AppError(
        'invalid_request',
        bilingual('Choose two different variants.', 'Choisissez deux variantes différentes.'),
      );
    }
    if (control.promptName !== treatment.promptName || control.language !== treatment.language) {
      throw new AppError(
        'invalid_request',
        bilingual(
          'Both variants must be of the same prompt and language.',
          'Les deux variantes doivent être de la même requête et de la même langue.',
        ),
      );
    }
    if (!request.draft) await assertNoneRunning(tx, control.promptName, control.language);
    const controlShare = request.controlTrafficPercentage ?? 50;
    const [test] = await tx
      .insert(promptAbTests)
      .values({
        testName: `${control.variantId} vs ${treatment.variantId} · ${now.toISOString().slice(0, 16)}Z`,
        promptName: control.promptName,
        language: control.language,
        controlVariantId: control.variantId,
        treatmentVariantId: treatment.variantId,
        controlTrafficPercentage: controlShare,
        treatmentTrafficPercentage: 100 - controlShare,
        ...(request.minSampleSize === undefined ? {} : { minSampleSize: request.minSampleSize }),
        ...(request.maxDurationDays === undefined ? {} : { maxDurationDays: request.maxDurationDays }),
        ...(request.significanceLevel === undefined ? {} : { significanceLevel: request.significanceLevel }),
        status: request.draft ? 'draft' : 'running',
        startedAt: request.draft ? null : now,
      })
      .returning();
    return abTestView(test!);
  });
}

/** Refuses a second running test of a prompt and language, under a lock two starts share. */
async function assertNoneRunning(tx: Transaction, promptName: string, language: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ab:${promptName}:${language}`}))`);
  const [running] = await tx
    .select({ testName: promptAbTests.testName })
    .from(promptAbTests)
    .where(
      and(
        eq(promptAbTests.promptName, promptName),
        eq(promptAbTests.language, language as 'en' | 'fr'),
        eq(promptAbTests.status, 'running'),
      ),
    );
  if (running) {
    throw conflict(
      `A test of this prompt in this language is running (${running.testName}): end it first.`,
      `Un test de cette requête dans cette langue est en cours (${running.testName}) : terminez-le d’abord.`,
    );
  }
}

/** A draft starts running now: its days and its samples count from here. */
export function startDraftAbTest(db: DatabaseAccess, testId: string, now = new Date()): Promise<AbTestView> {
  return db.service(async (tx) => {
    const test = await lockedTest(tx, testId);
    if (test.status !== 'draft') throw conflict('Only a draft can be started.', 'Seul un brouillon peut être lancé.');
    await assertNoneRunning(tx, test.promptName, test.language);
    const [started] = await tx
      .update(promptAbTests)
      .set({ status: 'running', startedAt: now, updatedAt: now })
      .where(eq(promptAbTests.id, testId))
      .returning();
    return abTestView(started!);
  });
}

export function cancelAbTest(db: DatabaseAccess, testId: string, now = new Date()): Promise<AbTestView> {
  return db.service(async (tx) => {
    const test = await lockedTest(tx, testId);
    if (test.status !== 'draft' && test.status !== 'running') {
      throw conflict('This test has already ended.', 'Ce test est déjà terminé.');
    }
    const [cancelled] = await tx
      .update(promptAbTests)
      .set({ status: 'cancelled', endedAt: now, updatedAt: now })
      .where(eq(promptAbTests.id, testId))
      .returning();
    return abTestView(cancelled!);
  });
}

/** The variants that stay in use once a test ends: the winner alone among its prompt and language. */
async function promote(tx: Transaction, test: AbTestRow, winnerVariantId: string | null): Promise<void> {
  if (winnerVariantId === null) {
    // Inconclusive: the control is kept, the treatment retires.
    await tx
      .update(promptRegistry)
      .set({ isActive: false, updatedAt: new Date() })
      .where(eq(promptRegistry.variantId, test.treatmentVariantId));
    return;
  }
  await tx.execute(sql`
    update prompt_registry set is_active = (variant_id = ${winnerVariantId}), updated_at = now()
    where prompt_name = ${test.promptName} and language = ${test.language}`);
}

/** The child's lineage row learns how the child did against its parent. */
async function recordEvolutionResult(tx: Transaction, test: AbTestRow, control: ArmMetrics, treatment: ArmMetrics) {
  const [parent, child] = await Promise.all(
    [test.controlVariantId, test.treatmentVariantId].map(async (variantId) => {
      const [row] = await tx
        .select({ id: promptRegistry.id })
        .from(promptRegistry)
        .where(eq(promptRegistry.variantId, variantId));
      return row!.id;
    }),
  );
  await tx
    .update(promptEvolution)
    .set({
      parentPerformance: { ...control },
      childPerformance: { ...treatment },
      improvementScore: improvementScore(control, treatment),
    })
    .where(and(eq(promptEvolution.parentPromptId, parent!), eq(promptEvolution.childPromptId, child!)));
}

/**
 * One look at a running test: both arms measured, the p-value updated, and the test ended
 * when the sequential test decides or its time is up. Idempotent within a day: a second
 * look measures the same data and cannot undo an ending.
 */
export async function lookAtAbTest(tx: Transaction, testId: string, now = new Date()): Promise<AbTestView> {
  const test = await lockedTest(tx, testId);
  if (test.status !== 'running' || !test.startedAt) {
    throw conflict('Only a running test can be looked at.', 'Seul un test en cours peut être examiné.');
  }
  const control = await measureArm(tx, test.controlVariantId, test.startedAt, now);
  const treatment = await measureArm(tx, test.treatmentVariantId, test.startedAt, now);
  const look = lookAt(
    {
      minSampleSize: test.minSampleSize,
      maxDurationDays: test.maxDurationDays,
      significanceLevel: test.significanceLevel,
      startedAt: test.startedAt,
      previousPValue: test.statisticalSignificance,
    },
    control,
    treatment,
    now,
  );
  const ends = look.decision !== 'continue';
  const winnerVariantId =
    look.decision === 'winner' ? (look.winner === 'control' ? test.controlVariantId : test.treatmentVariantId) : null;
  const [updated] = await tx
    .update(promptAbTests)
    .set({
      controlMetrics: { ...control },
      treatmentMetrics: { ...treatment },
      statisticalSignificance: Math.round(look.pValue * 100_000) / 100_000,
      ...(ends ? { status: 'completed' as const, endedAt: now, winnerVariantId } : {}),
      updatedAt: now,
    })
    .where(eq(promptAbTests.id, testId))
    .returning();
  await refreshScores(tx, [test.controlVariantId, test.treatmentVariantId]);
  if (ends) {
    await promote(tx, test, winnerVariantId);
    await recordEvolutionResult(tx, test, control, treatment);
  }
  return abTestView(updated!);
}

/** Every running test looked at, each in its own transaction (one failing leaves the others). */
export async function lookAtRunningTests(
  db: DatabaseAccess,
  now = new Date(),
): Promise<{ looked: number; ended: string[]; failed: string[] }> {
  const running = await db.service((tx) =>
    tx.select({ id: promptAbTests.id }).from(promptAbTests).where(eq(promptAbTests.status, 'running')),
  );
  const ended: string[] = [];
  const failed: string[] = [];
  for (const { id } of running) {
    try {
      const view = await db.service((tx) => lookAtAbTest(tx, id, now));
      if (view.status === 'completed') ended.push(view.testName);
    } catch (error) {
      console.error(`prompt experiment ${id}: look failed`, error);
      failed.push(id);
    }
  }
  // Scores of variants outside a test move with their verdicts too.
  await db.service(async (tx) => {
    const variants = await tx.select({ variantId: promptRegistry.variantId }).from(promptRegistry);
    await refreshScores(
      tx,
      variants.map((variant) => variant.variantId),
    );
  });
  return { looked: running.length, ended, failed };
}
