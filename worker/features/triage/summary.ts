import type { IntentKey, Language } from '../../../schema/vocabulary';
import { firstMatch } from './cues';
import type { LeadDetails } from './details';
import { keyClause, shorten } from './excerpt';
import { addressName } from './names';
import type { LeadText } from './normalize';
import { CALLBACK } from './signals';
import type { UrgencyDecision, UrgencyReason } from './urgency';

export interface SummaryInput {
  name: string;
  text: LeadText;
  language: Language;
  intent: IntentKey;
  urgency: UrgencyDecision;
  details: LeadDetails;
}

const MAX_LENGTH = 300;
const MAX_DETAILS = 3;
// Intents where a date in the message is when the lead wants something done.
const REQUESTS: ReadonlySet<IntentKey> = new Set([
  'quote_request',
  'service_inquiry',
  'booking_request',
  'support_request',
]);

// What the lead is after, as a verb phrase after their name.
const WANTS: Record<Language, Record<IntentKey, string>> = {
  en: {
    quote_request: 'is asking for a quote',
    service_inquiry: 'is asking about a service',
    booking_request: 'wants to book an appointment',
    support_request: 'needs help with a problem',
    partnership: 'is proposing a partnership',
    complaint: 'is making a complaint',
    job_application: 'is applying for a job',
    vendor_pitch: 'is pitching their services',
    billing: 'has a billing question',
    feedback: 'is sharing feedback',
    general_question: 'has a question',
    spam: 'sent what looks like spam',
  },
  fr: {
    quote_request: 'demande une soumission',
    service_inquiry: 's’informe sur un service',
    booking_request: 'souhaite prendre rendez-vous',
    support_request: 'a besoin d’aide pour un problème',
    partnership: 'propose un partenariat',
    complaint: 'formule une plainte',
    job_application: 'pose sa candidature',
    vendor_pitch: 'offre ses services (sollicitation commerciale)',
    billing: 'a une question de facturation',
    feedback: 'laisse un commentaire',
    general_question: 'pose une question',
    spam: 'a envoyé ce qui ressemble à un pourriel',
  },
};

const WORDING = {
  en: {
    someone: 'The sender',
    open: '“',
    close: '”',
    colon: ':',
    details: 'Details',
    urgent: 'Urgent',
    phone: (phone: string) => `Left a phone number (${phone}).`,
    empty: (who: string) => `${who} sent a message with no words in it.`,
    callback: 'asks to be called back',
    reason: {
      threat: (phrase: string) => `at risk of leaving or escalating (“${phrase}”)`,
      immediate: (phrase: string) => `time-sensitive (“${phrase}”)`,
      emergency: (phrase: string) => `urgent problem (“${phrase}”)`,
      flagged: (phrase: string) => `the lead writes “${phrase}”`,
      near_date: (phrase: string) => `near date (“${phrase}”)`,
    },
  },
  fr: {
    someone: 'La personne',
    open: '« ',
    close: ' »',
    colon: ' :',
    details: 'Précisions',
    urgent: 'Urgent',
    phone: (phone: string) => `Numéro de téléphone laissé : ${phone}.`,
    empty: (who: string) => `${who} a envoyé un message sans aucun mot.`,
    callback: 'demande un rappel',
    reason: {
      threat: (phrase: string) => `risque de perdre le client (« ${phrase} »)`,
      immediate: (phrase: string) => `délai serré (« ${phrase} »)`,
      emergency: (phrase: string) => `problème urgent (« ${phrase} »)`,
      flagged: (phrase: string) => `la personne écrit « ${phrase} »`,
      near_date: (phrase: string) => `date rapprochée (« ${phrase} »)`,
    },
  },
} as const;

/**
 * One paragraph in the message's language: who, what they want, their own words for it, the
 * details they gave that the quote leaves out, and why it is urgent when it is. Every fact in
 * it is a span of the message.
 */
export function summarize({ name, text, language, intent, urgency, details }: SummaryInput): string {
  const words = WORDING[language];
  const who = addressName(name) ?? words.someone;
  if (!/[\p{L}\p{N}]/u.test(text.raw)) return words.empty(who);

  const wants =
    intent === 'general_question' && firstMatch(text.folded, CALLBACK) ? words.callback : WANTS[language][intent];
  const head = `${who} ${wants}${words.colon} `;
  const reason = urgency.reason;
  const urgentLine =
    urgency.urgency === 'High' && reason ? `${words.urgent}${words.colon} ${reasonText(language, reason)}.` : '';
  const phoneLine = details.phone ? words.phone(details.phone) : '';

  const budget = MAX_LENGTH - head.length - urgentLine.length - phoneLine.length - 8;
  const clause = keyClause(text, intent, Math.max(60, Math.min(180, budget)));
  const quote = `${words.open}${clause}${words.close}${/[?!…]$/.test(clause) ? '' : '.'}`;

  // Details the quote already shows are not repeated.
  const shown = `${clause} ${reason?.phrase ?? ''}`.toLowerCase();
  // In a complaint or a bill a date is history ("third time this month"), not a deadline.
  const timing = REQUESTS.has(intent) ? details.timing : [];
  const extra = [...details.places, ...details.quantities, ...timing]
    .filter((detail) => !shown.includes(detail.toLowerCase()))
    .slice(0, MAX_DETAILS);
  const detailLine = extra.length > 0 ? `${words.details}${words.colon} ${extra.join(', ')}.` : '';
  const phoneShown = details.phone !== null && clause.includes(details.phone);

  const paragraph = [head + quote, detailLine, urgentLine, phoneShown ? '' : phoneLine].filter(Boolean).join(' ');
  return paragraph.length <= MAX_LENGTH ? paragraph : shorten(paragraph, MAX_LENGTH);
}

function reasonText(language: Language, reason: UrgencyReason): string {
  const phrase = shorten(reason.phrase, 40);
  return WORDING[language].reason[reason.kind](phrase);
}
