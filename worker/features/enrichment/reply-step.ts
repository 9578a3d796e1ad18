import { withFallback } from '../../platform/ai/fallback';
import type { Triage } from '../../platform/ai/triage';
import { type SendOutcome, sendLeadEmail, wasSent } from '../../platform/mail/send-once';
import { aiMetrics, choosePromptVariant, recordExecutions, recordMetrics, recordSend, scoreReply } from '../learning';
import { offlineAi } from '../triage';
import { AUTO_REPLY_HORIZON_DAYS, type LeadContext, spamAsSeenByClient } from './context';
import type { EnrichmentDeps } from './deps';

export type ReplyOutcome = SendOutcome | 'disabled' | 'not_for_spam' | 'too_late';

/** Writes and sends the lead's automatic reply, once, in the client's tone and the lead's language. */
export async function replyToLead(
  deps: EnrichmentDeps,
  { lead, client }: LeadContext,
  triage: Triage,
): Promise<ReplyOutcome> {
  if (!client.aiPersonalizedReply) return 'disabled';
  // Spam and vendor pitches get no reply: an answer invites more.
  if (spamAsSeenByClient(lead, triage.intent) !== null) return 'not_for_spam';
  // A lead cleared from the Spam folder days later is triaged, but not thanked a week late.
  if (Date.now() - lead.createdAt.getTime() > AUTO_REPLY_HORIZON_DAYS * 86_400_000) return 'too_late';
  if (await wasSent(deps.db, lead.id, 'reply')) return 'already_sent';

  const variant = await deps.db.service((tx) => choosePromptVariant(tx, 'reply', triage.language, lead.id));
  const replyInput = {
    lead: { name: lead.name, message: lead.message, phone: lead.phone },
    triage,
    business: {
      name: client.businessName,
      tone: client.emailTone,
      bookingLink: client.bookingLink,
      industry: client.industry,
    },
  };
  const { result, failed } = await withFallback(deps.ai, offlineAi, (engine) => engine.writeReply(replyInput, variant));
  await deps.db.service(async (tx) => {
    await recordExecutions(tx, {
      variant,
      clientId: client.id,
      isTest: lead.isTest,
      input: { ...replyInput },
      result,
      failed,
      scores: scoreReply(result.value, {
        businessName: client.businessName,
        bookingLink: client.bookingLink,
        leadName: lead.name,
      }),
      feedbackId: null,
    });
    await recordMetrics(tx, aiMetrics('email_response', client.id, result, failed, { variantId: variant.variantId }));
  });

  return sendLeadEmail(
    deps.db,
    deps.mailer,
    {
      kind: 'reply',
      leadId: lead.id,
      clientId: client.id,
      from: { email: deps.sender.email, name: client.businessName },
      to: { email: lead.email, name: lead.name },
      replyTo: { email: client.email, name: client.businessName },
      draft: result.value,
      engine: result.engine,
      isTest: lead.isTest,
    },
    recordSend,
  );
}
