import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { prospectCandidates, prospectFormTests } from '../../../schema';
import type { FormTestListQuery, FormTestsView, FormTestView, ScoreLine } from '../../../schema/form-tests-api';
import { FORM_TEST_STATUSES, type FormTestStatus } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import { recentBatches } from './batches';
import type { Inquiry } from './inquiry';
import type { FormTestLimits } from './limits';

/** The form tests as the staff screens show them: newest first, with what came back. */

const LIST_LIMIT = 200;

type Row = {
  test: typeof prospectFormTests.$inferSelect;
  businessName: string;
  website: string;
};

interface StoredAnswer {
  from: string | null;
  subject: string;
  engine: 'offline' | 'openai';
  cues: { key: string; label: { en: string; fr: string } }[];
}

function testView(row: Row, timeoutHours: number): FormTestView {
  const { test } = row;
  const metadata = test.metadata as {
    inquiry?: Inquiry;
    failure?: FormTestView['failure'];
    answer?: StoredAnswer;
    score?: ScoreLine[];
    laterMessagesCount?: number;
    timedOutAfterMinutes?: number;
  };
  // A test already timed out keeps the wait it was given (a sweep may have been told a shorter one).
  const waitMinutes = metadata.timedOutAfterMinutes ?? timeoutHours * 60;
  return {
    id: test.id,
    prospectId: test.prospectId,
    businessName: row.businessName,
    website: row.website,
    formUrl: test.formUrl,
    batchId: test.batchId,
    status: test.testStatus,
    submittedAt: test.testSubmittedAt.toISOString(),
    timesOutAt: new Date(test.testSubmittedAt.getTime() + waitMinutes * 60_000).toISOString(),
    failure: metadata.failure ?? null,
    inquiry: metadata.inquiry
      ? {
          language: metadata.inquiry.language,
          subject: metadata.inquiry.subject,
          message: metadata.inquiry.message,
          senderName: metadata.inquiry.senderName,
        }
      : null,
    replyAddress: test.replyAddress,
    responseReceivedAt: test.responseReceivedAt?.toISOString() ?? null,
    responseTimeMinutes: test.responseTimeMinutes,
    hasAutoresponder: test.hasAutoresponder,
    autoresponder:
      metadata.answer && test.autoresponderTone
        ? {
            from: metadata.answer.from,
            subject: metadata.answer.subject,
            content: test.autoresponderContent ?? '',
            tone: test.autoresponderTone,
            engine: metadata.answer.engine,
            cues: metadata.answer.cues,
          }
        : null,
    score: test.score,
    scoreLines: metadata.score ?? [],
    laterMessages: metadata.laterMessagesCount ?? 0,
  };
}

export async function listFormTests(
  db: DatabaseAccess,
  query: FormTestListQuery,
  limits: FormTestLimits,
  configured: boolean,
): Promise<FormTestsView> {
  const t = prospectFormTests;
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(t.testStatus, query.status));
  if (query.tone) filters.push(eq(t.autoresponderTone, query.tone));
  if (query.minScore !== undefined) filters.push(gte(t.score, query.minScore));
  if (query.maxScore !== undefined) filters.push(lte(t.score, query.maxScore));
  if (query.prospect) filters.push(eq(t.prospectId, query.prospect));
  if (query.batch) filters.push(eq(t.batchId, query.batch));
  const [rows, counts, today, batches] = await Promise.all([
    db.service((tx) =>
      tx
        .select({ test: t, businessName: prospectCandidates.businessName, website: prospectCandidates.website })
        .from(t)
        .innerJoin(prospectCandidates, eq(prospectCandidates.id, t.prospectId))
        .where(and(...filters))
        .orderBy(desc(t.testSubmittedAt))
        // One more than shown says whether older tests were left out.
        .limit(LIST_LIMIT + 1),
    ),
    db.service((tx) =>
      tx.select({ status: t.testStatus, n: sql<number>`count(*)::int` }).from(t).groupBy(t.testStatus),
    ),
    db.service((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from ${t}
        where test_submitted_at > now() - interval '24 hours' and metadata ? 'submission'`),
    ),
    query.prospect ? Promise.resolve([]) : recentBatches(db),
  ]);
  const byStatus = Object.fromEntries(FORM_TEST_STATUSES.map((status) => [status, 0])) as Record<
    FormTestStatus,
    number
  >;
  for (const { status, n } of counts) byStatus[status] = n;
  return {
    tests: rows.slice(0, LIST_LIMIT).map((row) => testView(row, limits.timeoutHours)),
    more: rows.length > LIST_LIMIT,
    batches,
    limits: {
      perDay: limits.perDay,
      submittedToday: today.rows[0]?.n ?? 0,
      timeoutHours: limits.timeoutHours,
      retestDays: limits.retestDays,
      stopDomains: limits.stopDomains,
    },
    configured,
    counts: byStatus,
  };
}
