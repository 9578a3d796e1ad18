import type { ReplyDraft } from '../../platform/ai/port';
import type { Triage } from '../../platform/ai/triage';
import { sendLeadEmail } from '../../platform/mail/send-once';
import { recordSend } from '../learning';
import { type LeadContext, type Summaries, spamAsSeenByClient } from './context';
import type { EnrichmentDeps } from './deps';
import { composeNotification } from './notification';
import type { ReplyOutcome } from './reply-step';

/** Tells the client about the new lead, once, in the client's language. */
export async function notifyClient(
  deps: EnrichmentDeps,
  { lead, client }: LeadContext,
  triage: Triage,
  summaries: Summaries,
  reply: ReplyOutcome,
): Promise<ReplyOutcome> {
  // Spam is not announced; a vendor pitch is (in its folder), so a real lead the triage
  // misread still reaches the client.
  if (spamAsSeenByClient(lead, triage.intent) === 'spam') return 'not_for_spam';
  const draft: ReplyDraft = composeNotification({
    clientLanguage: client.language,
    lead: { id: lead.id, name: lead.name, email: lead.email, phone: lead.phone, message: lead.message },
    triage,
    // Both: the composer says so, in the client's language, when theirs was not translated.
    summaries,
    leadUrl: `${deps.appUrl}/app/leads/${lead.id}`,
    replied: reply === 'sent' || reply === 'already_sent',
  });
  return sendLeadEmail(
    deps.db,
    deps.mailer,
    {
      kind: 'notification',
      leadId: lead.id,
      clientId: client.id,
      from: { email: deps.sender.email, name: 'Avenir' },
      to: { email: client.email, name: client.businessName },
      replyTo: { email: lead.email, name: lead.name },
      draft,
      engine: null,
      isTest: lead.isTest,
    },
    recordSend,
  );
}
