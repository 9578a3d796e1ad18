import type { InboundMessage } from '../../platform/mail/inbound';

/**
 * What a message to an outreach email's reply address is: a person's reply, an automatic
 * one (out of office, an autoresponder: not a reply, the sequence goes on), a request to
 * unsubscribe (a one-word reply, or the List-Unsubscribe mailto), or a delivery failure,
 * hard (5.x.x: the address is dead) or soft (4.x.x: it may work later). Pure.
 */

export type InboundKind =
  | { kind: 'bounce'; hard: boolean; status: string | null; diagnostic: string | null }
  | { kind: 'delay' }
  | { kind: 'auto_reply'; reasons: string[] }
  | { kind: 'unsubscribe' }
  | { kind: 'reply' };

const OUT_OF_OFFICE_SUBJECT =
  /^(automatic reply|auto(matic)?[- ]?reply|auto[- ]?response|out of (the )?office|absent|away from|r[ée]ponse automatique|absence|absent\(e\)|message d['’]absence|hors du bureau|en vacances|autosvar|abwesenheit)\b|\b(out of office|absence du bureau|réponse automatique)\b/i;

const UNSUBSCRIBE_WORDS =
  /^\s*(unsubscribe|remove( me)?|stop|d[ée]sabonner|me d[ée]sabonner|d[ée]sinscri(re|ption)|retirez[- ]moi|arr[êe]t(ez)?)\s*[.!]*\s*$/i;

/** A 5.x.x status is permanent; a failure with no status (a prose bounce) is taken as permanent too. */
const isHard = (status: string | null) => status === null || status.startsWith('5');

export function classifyInbound(message: InboundMessage): InboundKind {
  if (message.bounce) {
    if (message.bounce.action === 'delayed') return { kind: 'delay' };
    return {
      kind: 'bounce',
      hard: isHard(message.bounce.status),
      status: message.bounce.status,
      diagnostic: message.bounce.diagnostic,
    };
  }
  if (/^\s*unsubscribe\s*$/i.test(message.subject) || UNSUBSCRIBE_WORDS.test(message.newText || message.text)) {
    return { kind: 'unsubscribe' };
  }
  if (message.auto.submitted) return { kind: 'auto_reply', reasons: message.auto.reasons };
  if (OUT_OF_OFFICE_SUBJECT.test(message.subject.replace(/^(re|tr|fw|fwd)\s*:\s*/i, ''))) {
    return { kind: 'auto_reply', reasons: ['out-of-office subject'] };
  }
  return { kind: 'reply' };
}
