import { and, eq, inArray, sql } from 'drizzle-orm';
import { formTestBatches, prospectCandidates, prospectFormTests } from '../../../schema';
import type { FormTestBatchResult, FormTestFailure, FormTestSkip } from '../../../schema/form-tests-api';
import type { Language } from '../../../schema/vocabulary';
import { mapConcurrent } from '../../platform/concurrency';
import type { DatabaseAccess } from '../../platform/db';
import type { OutboundFetcher } from '../../platform/fetch/safe-fetch';
import { type ReplyAddressConfig, replyAddress } from '../../platform/mail/reply-address';
import { composeInquiry, type Inquiry } from './inquiry';
import { type FormTestLimits, isStopped } from './limits';
import { scoreTimeout } from './score';
import { submitFormTest } from './submit';

/**
 * Runs an approved batch: each prospect's form tested once, within the limits, each
 * test's row written before its form is (so an answer never arrives for a test that does
 * not exist) and its outcome after. Prospects are tested a few at a time; the fetcher
 * still paces every host to one request a second.
 */

export interface RunDeps {
  db: DatabaseAccess;
  fetcher: OutboundFetcher;
  addresses: ReplyAddressConfig;
  limits: FormTestLimits;
  sender: { name: string; phone: string | null; company: string };
}

const CONCURRENCY = 4;

export interface BatchRun extends FormTestBatchResult {
  batchId: string;
  tests: { testId: string; prospectId: string; status: 'pending' | 'failed'; failure: FormTestFailure | null }[];
}

type Claim =
  | { kind: 'test'; testId: string; address: string; formUrl: string; inquiry: Inquiry }
  | { kind: 'skip'; reason: FormTestSkip };

/**
 * Takes the prospect's slot: under one lock, the 90-day rule, the stop list and the day's
 * quota are checked and the pending test row written, so two batches at once cannot
 * exceed the quota or test one business twice.
 */
async function claimTest(deps: RunDeps, batchId: string, prospectId: string): Promise<Claim> {
  const testId = crypto.randomUUID();
  const address = await replyAddress(deps.addresses, { purpose: 'form_test', id: testId });
  return deps.db.service(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('form_test_quota', 0))`);
    const [prospect] = await tx
      .select()
      .from(prospectCandidates)
      .where(eq(prospectCandidates.id, prospectId))
      .for('update');
    if (!prospect?.formUrl) return { kind: 'skip', reason: 'prospect_gone' } as const;
    if (isStopped(prospect.domain, deps.limits.stopDomains)) return { kind: 'skip', reason: 'stop_list' } as const;
    const { rows } = await tx.execute<{ recent: number; today: number }>(sql`
      select
        count(*) filter (where prospect_id = ${prospectId}
          and test_submitted_at > now() - make_interval(days => ${deps.limits.retestDays}))::int as recent,
        count(*) filter (where test_submitted_at > now() - interval '24 hours'
          and metadata ? 'submission')::int as today
      from ${prospectFormTests}`);
    if ((rows[0]?.recent ?? 0) > 0) return { kind: 'skip', reason: 'tested_recently' } as const;
    if ((rows[0]?.today ?? 0) >= deps.limits.perDay) return { kind: 'skip', reason: 'daily_limit' } as const;
    const language: Language = prospect.language ?? 'fr';
    const inquiry = composeInquiry({
      prospectId,
      industry: prospect.industry,
      language,
      senderName: deps.sender.name,
    });
    await tx.insert(prospectFormTests).values({
      id: testId,
      prospectId,
      batchId,
      formUrl: prospect.formUrl,
      replyAddress: address,
      testStatus: 'pending',
      metadata: { inquiry },
    });
    await tx
      .update(prospectCandidates)
      .set({ lastTested: sql`now()`, updatedAt: sql`now()` })
      .where(eq(prospectCandidates.id, prospectId));
    return { kind: 'test', testId, address, formUrl: prospect.formUrl, inquiry } as const;
  });
}

async function testOne(deps: RunDeps, batchId: string, prospectId: string) {
  const claim = await claimTest(deps, batchId, prospectId);
  if (claim.kind === 'skip') return { prospectId, skip: claim.reason } as const;
  const inquiry = claim.inquiry;
  const outcome = await submitFormTest(deps.fetcher, {
    formUrl: claim.formUrl,
    visitor: { name: deps.sender.name, email: claim.address, phone: deps.sender.phone, company: deps.sender.company },
    inquiry,
  });
  const submission = outcome.submission
    ? {
        action: outcome.submission.action,
        method: outcome.submission.method,
        enctype: outcome.submission.enctype,
        // The names sent, not the values: the tokens are the site's, the rest is the inquiry above.
        fields: outcome.submission.fields.map(([name]) => name),
      }
    : undefined;
  await deps.db.service((tx) =>
    tx
      .update(prospectFormTests)
      .set(
        outcome.status === 'submitted'
          ? {
              testSubmittedAt: sql`now()`,
              metadata: sql`${prospectFormTests.metadata} || ${JSON.stringify({
                submission: { ...submission, httpStatus: outcome.httpStatus, finalUrl: outcome.finalUrl },
              })}::jsonb`,
            }
          : {
              testStatus: 'failed',
              testSubmittedAt: sql`now()`,
              metadata: sql`${prospectFormTests.metadata} || ${JSON.stringify({
                failure: { reason: outcome.reason, message: outcome.message },
                ...(submission ? { attempted: submission } : {}),
              })}::jsonb`,
            },
      )
      .where(eq(prospectFormTests.id, claim.testId)),
  );
  return {
    prospectId,
    testId: claim.testId,
    status: outcome.status === 'submitted' ? ('pending' as const) : ('failed' as const),
    failure: outcome.status === 'failed' ? outcome.reason : null,
  };
}

export async function runBatch(deps: RunDeps, batchId: string): Promise<BatchRun | null> {
  const [batch] = await deps.db.service((tx) =>
    tx
      .update(formTestBatches)
      .set({ status: 'running', startedAt: sql`now()` })
      .where(and(eq(formTestBatches.id, batchId), eq(formTestBatches.status, 'approved')))
      .returning(),
  );
  // Not approved, or already run by an earlier delivery: nothing to do.
  if (!batch) return null;
  const run: BatchRun = { batchId, submitted: 0, failed: {}, skipped: {}, tests: [] };
  for (const result of await mapConcurrent(batch.prospectIds, CONCURRENCY, (id) => testOne(deps, batchId, id))) {
    if ('skip' in result) {
      run.skipped[result.skip!] = (run.skipped[result.skip!] ?? 0) + 1;
      continue;
    }
    run.tests.push(result);
    if (result.failure) run.failed[result.failure] = (run.failed[result.failure] ?? 0) + 1;
    else run.submitted++;
  }
  const result: FormTestBatchResult = { submitted: run.submitted, failed: run.failed, skipped: run.skipped };
  await deps.db.service((tx) =>
    tx
      .update(formTestBatches)
      .set({ status: 'completed', completedAt: sql`now()`, result: { ...result } })
      .where(eq(formTestBatches.id, batchId)),
  );
  return run;
}

/**
 * Silence is a result: a submitted test with no answer after the timeout is a `timeout`,
 * scored 0. A test whose submission never finished (the worker stopped mid-way) is a
 * failure after an hour, so it does not wait three days to say so.
 */
export async function markTimeouts(
  db: DatabaseAccess,
  afterMinutes: number,
): Promise<{ timedOut: number; abandoned: number }> {
  const timeout = scoreTimeout(afterMinutes);
  return db.service(async (tx) => {
    const timedOut = await tx.execute<{ prospect_id: string }>(sql`
      update ${prospectFormTests}
         set test_status = 'timeout', score = 0, has_autoresponder = false, autoresponder_tone = 'none',
             metadata = metadata || ${JSON.stringify({ score: timeout.lines, timedOutAfterMinutes: afterMinutes })}::jsonb
       where test_status = 'pending' and response_received_at is null and metadata ? 'submission'
         and test_submitted_at < now() - make_interval(mins => ${afterMinutes})
      returning prospect_id`);
    if (timedOut.rows.length > 0) {
      const ids = timedOut.rows.map((row) => row.prospect_id);
      await tx
        .update(prospectCandidates)
        .set({ responseScore: 0, updatedAt: sql`now()` })
        .where(inArray(prospectCandidates.id, ids));
    }
    const abandoned = await tx.execute(sql`
      update ${prospectFormTests}
         set test_status = 'failed',
             metadata = metadata || ${JSON.stringify({
               failure: { reason: 'unreachable', message: 'The submission did not finish.' },
             })}::jsonb
       where test_status = 'pending' and not (metadata ? 'submission')
         and test_submitted_at < now() - interval '1 hour'
      returning id`);
    return { timedOut: timedOut.rows.length, abandoned: abandoned.rows.length };
  });
}
