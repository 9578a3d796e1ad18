import type { ReplyDraft } from '../../../platform/ai/port';
import type { Triage, TriageInput } from '../../../platform/ai/triage';
import { triageOffline } from '../offline';
import { composeReply } from './compose';
import type { LabelledReply } from './labelled-replies';
import { checkReply, type PropertyFailure } from './properties';

/** The business every labelled message is written to: a name in neither language only. */
export const MEASURED_BUSINESS = 'Groupe Laurier';

export interface MeasuredReply {
  labels: LabelledReply;
  triage: Triage;
  reply: ReplyDraft;
  failures: PropertyFailure[];
}

export interface ReplyReport {
  n: number;
  passed: number;
  replies: MeasuredReply[];
}

/**
 * Composes the reply to each labelled message as production does, from the engine's own
 * triage of the message (never the labels: the form's language is withheld too), and checks
 * it against the labels.
 */
export function measureReplies(
  labelled: readonly LabelledReply[],
  triage: (input: TriageInput) => Triage = triageOffline,
  compose: typeof composeReply = composeReply,
): ReplyReport {
  const replies = labelled.map((labels): MeasuredReply => {
    const triaged = triage({ name: labels.name, message: labels.message, businessName: MEASURED_BUSINESS });
    const reply = compose({
      lead: { name: labels.name, message: labels.message },
      triage: triaged,
      business: { name: MEASURED_BUSINESS, tone: labels.emailTone, bookingLink: labels.bookingLink },
    });
    const failures = checkReply(labels, reply, MEASURED_BUSINESS);
    // The enrichment job sends nothing to what triage calls spam: a real lead would get no reply.
    if (triaged.intent === 'spam' && labels.intent !== 'spam') {
      failures.unshift({ property: 'sent', detail: 'triaged as spam, so no reply is sent' });
    }
    return { labels, triage: triaged, reply, failures };
  });
  return { n: replies.length, passed: replies.filter((reply) => reply.failures.length === 0).length, replies };
}
