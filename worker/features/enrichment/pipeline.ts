import { claimJob, completeJob, failJob } from '../../platform/jobs/claim';
import { PermanentJobFailure } from '../../platform/jobs/failure';
import { failedSends } from '../../platform/mail/send-once';
import { loadContext, storedTriage } from './context';
import type { EnrichmentDeps } from './deps';
import { type EnrichRequest, enrichJobKey } from './message';
import { notifyClient } from './notify-step';
import { replyToLead } from './reply-step';
import { translateSummary } from './summary-step';
import { triageLead } from './triage-step';

export type EnrichOutcome =
  | { status: 'completed'; result: Record<string, unknown> }
  | { status: 'already_completed' }
  | { status: 'busy'; retryInSeconds: number };

/**
 * The enrichment job of one lead: triage (AI, or the offline engine when the AI fails),
 * the summary in both languages, the auto-reply and the client's notification, with the
 * learning logs. Each step is idempotent and the job is claimed in queue_jobs, so a
 * redelivered message never logs twice nor sends a second email. An email that failed for
 * good (an address mail cannot carry, Gmail disconnected) does not stop the next step: the
 * client is told of the lead even when the lead could not be answered; then the job ends as
 * a PermanentJobFailure naming why, recorded at once and never retried.
 */
export async function enrichLead(deps: EnrichmentDeps, request: EnrichRequest): Promise<EnrichOutcome> {
  const payload = { leadId: request.leadId, clientId: request.clientId, reenrichId: request.reenrichId ?? null };
  const claim = await claimJob(deps.db, { type: 'enrich_lead', dedupeKey: enrichJobKey(request), payload });
  if (claim.state === 'completed') return { status: 'already_completed' };
  if (claim.state === 'busy') return { status: 'busy', retryInSeconds: claim.retryInSeconds };
  try {
    const result = await runSteps(deps, request);
    // sendLeadEmail answers `failed` only for a failure no retry can mend (it throws the others).
    const kinds =
      'reply' in result ? (['reply', 'notification'] as const).filter((kind) => result[kind] === 'failed') : [];
    const failed = kinds.length > 0 ? await failedSends(deps.db, request.leadId, kinds) : [];
    if (failed.length > 0) {
      // What was done stays beside the reason; a retry would fail the same way.
      throw new PermanentJobFailure(failed.map(({ kind, error }) => `${kind}: ${error}`).join('; '), result);
    }
    await completeJob(deps.db, claim.jobId, result);
    return { status: 'completed', result };
  } catch (error) {
    try {
      await failJob(deps.db, claim.jobId, error);
    } catch (recordError) {
      // The lease expires on its own; the original error is what the queue must see.
      console.error(`job ${claim.jobId}: failure not recorded`, recordError);
    }
    throw error;
  }
}

/** The steps in order, each handed what the ones before it produced. */
async function runSteps(deps: EnrichmentDeps, request: EnrichRequest) {
  const context = await loadContext(deps.db, request);
  if (!context) return { skipped: 'lead_not_found' };
  // Caught by the form's bot checks, unless the client cleared it ("Not spam").
  if (context.lead.isSpam && context.lead.spamVerdict !== 'not_spam') return { skipped: 'spam' };

  const stored = storedTriage(context);
  const triaged = stored && !request.reenrichId ? stored : await triageLead(deps, context, request.intakeMs);
  const summaries = await translateSummary(deps, context, triaged);
  const reply = await replyToLead(deps, context, triaged.triage);
  const notification = await notifyClient(deps, context, triaged.triage, summaries, reply);
  return {
    engine: triaged.engine,
    language: triaged.triage.language,
    intent: triaged.triage.intent,
    urgency: triaged.triage.urgency,
    translated: summaries.en !== null && summaries.fr !== null,
    reply,
    notification,
  };
}
