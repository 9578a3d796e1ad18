import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { formTestBatches, prospectCandidates, prospectFormTests } from '../../../schema';
import type { FormTestBatchView } from '../../../schema/form-tests-api';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { type FormTestLimits, isStopped, MAX_BATCH_SIZE } from './limits';

/**
 * Batches: nothing is written to a business's form until a person approves the batch
 * that holds it. A proposal is the n neediest analysed prospects with a form, none tested
 * in the last 90 days, none on the stop list and none whose site carries a no-solicitation
 * notice; approving it queues its run.
 */

type BatchRow = typeof formTestBatches.$inferSelect;

/** The prospects a new batch would hold, neediest first. */
export async function eligibleProspects(tx: Transaction, limit: number, limits: FormTestLimits) {
  const p = prospectCandidates;
  const candidates = await tx
    .select({ id: p.id, domain: p.domain })
    .from(p)
    .where(
      and(
        eq(p.analysisStatus, 'analyzed'),
        sql`${p.formUrl} is not null`,
        // A site that asks not to be solicited is not written to, even by a test.
        sql`coalesce(${p.metadata}->'evidence'->'noSolicitation', 'null'::jsonb) = 'null'::jsonb`,
        sql`not exists (select 1 from ${prospectFormTests} t where t.prospect_id = ${p.id}
              and t.test_submitted_at > now() - make_interval(days => ${limits.retestDays}))`,
        // A business in a batch still waiting for approval is not proposed twice.
        sql`not exists (select 1 from ${formTestBatches} b where b.status in ('proposed', 'approved', 'running')
              and ${p.id} = any(b.prospect_ids))`,
      ),
    )
    .orderBy(desc(p.automationNeedScore), p.createdAt)
    .limit(Math.min(limit, MAX_BATCH_SIZE) * 2 + limits.stopDomains.length);
  return candidates.filter((candidate) => !isStopped(candidate.domain, limits.stopDomains)).slice(0, limit);
}

export async function proposeBatch(
  db: DatabaseAccess,
  input: { limit: number; proposedBy: string; limits: FormTestLimits },
): Promise<BatchRow> {
  return db.service(async (tx) => {
    // Two proposals at once must not both take the same prospects.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('form_test_batches', 0))`);
    const prospects = await eligibleProspects(tx, input.limit, input.limits);
    if (prospects.length === 0) throw new AppError('no_form_test_candidates');
    const [batch] = await tx
      .insert(formTestBatches)
      .values({ prospectIds: prospects.map((prospect) => prospect.id), proposedBy: input.proposedBy })
      .returning();
    return batch!;
  });
}

async function moveBatch(
  db: DatabaseAccess,
  id: string,
  from: BatchRow['status'],
  set: PgUpdateSetSource<typeof formTestBatches>,
): Promise<BatchRow> {
  return db.service(async (tx) => {
    const [moved] = await tx
      .update(formTestBatches)
      .set(set)
      .where(and(eq(formTestBatches.id, id), eq(formTestBatches.status, from)))
      .returning();
    if (moved) return moved;
    const [existing] = await tx.select().from(formTestBatches).where(eq(formTestBatches.id, id));
    if (!existing) throw new AppError('form_test_batch_not_found');
    throw new AppError('form_test_batch_not_proposed');
  });
}

export const approveBatch = (db: DatabaseAccess, id: string, approvedBy: string) =>
  moveBatch(db, id, 'proposed', { status: 'approved', approvedBy, approvedAt: sql`now()` });

export const cancelBatch = (db: DatabaseAccess, id: string) => moveBatch(db, id, 'proposed', { status: 'cancelled' });

export async function batchView(db: DatabaseAccess, batch: BatchRow): Promise<FormTestBatchView> {
  const prospects =
    batch.status === 'proposed'
      ? await db.service((tx) =>
          tx
            .select({
              id: prospectCandidates.id,
              businessName: prospectCandidates.businessName,
              website: prospectCandidates.website,
              formUrl: prospectCandidates.formUrl,
              automationNeedScore: prospectCandidates.automationNeedScore,
            })
            .from(prospectCandidates)
            .where(inArray(prospectCandidates.id, batch.prospectIds))
            .orderBy(desc(prospectCandidates.automationNeedScore)),
        )
      : [];
  return {
    id: batch.id,
    status: batch.status,
    size: batch.prospectIds.length,
    proposedBy: batch.proposedBy,
    approvedBy: batch.approvedBy,
    createdAt: batch.createdAt.toISOString(),
    approvedAt: batch.approvedAt?.toISOString() ?? null,
    completedAt: batch.completedAt?.toISOString() ?? null,
    prospects,
    result: (batch.result as FormTestBatchView['result']) ?? null,
  };
}

export async function recentBatches(db: DatabaseAccess, limit = 20): Promise<FormTestBatchView[]> {
  const rows = await db.service((tx) =>
    tx.select().from(formTestBatches).orderBy(desc(formTestBatches.createdAt)).limit(limit),
  );
  return Promise.all(rows.map((row) => batchView(db, row)));
}
