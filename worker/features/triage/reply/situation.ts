import type { IntentKey, Language } from '../../../../schema/vocabulary';
import type { Triage } from '../../../platform/ai/triage';
import { firstMatch } from '../cues';
import { extractDetails } from '../details';
import { foldText, readMessage } from '../normalize';
import { sentimentOf } from '../sentiment';
import { CALLBACK } from '../signals';
import { type Hazard, hazardsIn } from './hazards';
import { unmadePromise } from './promises';
import { questionsIn } from './questions';

/**
 * How a reply should sound, from what happened to the lead rather than from the business's
 * tone alone: `urgent` for danger or a breakdown, `concerned` for a complaint or an upset
 * lead (no cheer, an apology), `sales` for someone who wants to buy or book (the tone's
 * momentum belongs there), `warm` for the rest.
 */
export type Register = 'sales' | 'warm' | 'concerned' | 'urgent';

/** What the reply knows of the lead's message beyond the triage. */
export interface Situation {
  language: Language;
  intent: IntentKey;
  register: Register;
  hazards: Hazard[];
  /** Someone needs help now (danger, an urgent breakdown): they need a call, not a calendar. */
  urgentHelp: boolean;
  /** The triage found it urgent: a near date, an outage, a customer about to leave. */
  urgent: boolean;
  /** The lead is upset, whatever they are writing about. */
  frustrated: boolean;
  callback: boolean;
  /** The phone number the lead left, as written. */
  phone: string | null;
  suggestion: boolean;
  /** Feedback that criticises rather than praises. */
  critical: boolean;
  /** Where, how much and when, in the lead's words; nothing that would read as our promise. */
  details: string[];
  questions: { questions: string[]; more: boolean };
}

const SALES: ReadonlySet<IntentKey> = new Set([
  'quote_request',
  'service_inquiry',
  'booking_request',
  'general_question',
]);
const MAX_DETAILS = 3;
const SUGGESTION = /\b(suggestion|suggest|suggere|idea|idee|it would be great|ce serait bien|would be nice)\b/;
// Upset, in words the tone reader may not weigh: the reply apologises whatever the triage.
const UPSET =
  /\b(disappoint\w*|unacceptable|inacceptable|not happy|unhappy|not impressed|fed up|furious|angry|frustrat\w*|still waiting|nobody (calls?|called|answers?|answered) back|no one (has )?(called|answered|returned)|decu\w*|decevant\w*|mecontent\w*|insatisfait\w*|pas content\w*|tanne\w*|ecoeure\w*|fache\w*|en colere|personne ne (me )?(rappelle|repond)|j'attends toujours|toujours pas de nouvelles)\b/;
const CRITICISM =
  /\b(confusing|confused|difficult|hard to|could be better|not clear|unclear|frustrating|annoying|unfortunately|disappoint\w*|confus\w*|difficile|complique\w*|pas clair\w*|pourrait etre mieux|dommage|malheureusement|decevant\w*|plate)\b/;

export function readSituation(message: string, triage: Triage, formPhone: string | null = null): Situation {
  const text = readMessage(message);
  const hazards = hazardsIn(text);
  const urgent = triage.urgency === 'High';
  const urgentHelp = hazards.length > 0 || (triage.intent === 'support_request' && urgent);
  const frustrated = triage.tone === 'Frustrated' || UPSET.test(text.folded);
  const sentiment = sentimentOf(text);
  const found = extractDetails(text);
  const questions = triage.intent === 'spam' ? { questions: [], more: false } : questionsIn(message);
  const quoted = foldText(questions.questions.join(' '));
  const details = [...found.places, ...found.quantities, ...found.timing]
    .map((detail) => detail.replace(/[<>]/g, ''))
    // A detail the quoted question shows is not repeated; "today" in our own sentence reads as a promise.
    .filter((detail) => !quoted.includes(foldText(detail)) && unmadePromise(foldText(detail)) === null)
    .slice(0, MAX_DETAILS);

  return {
    language: triage.language,
    intent: triage.intent,
    register: registerOf(triage.intent, hazards.length > 0, urgentHelp, frustrated),
    hazards,
    urgentHelp,
    urgent,
    frustrated,
    callback: firstMatch(text.folded, CALLBACK) !== null,
    // The form's phone field first: a number given there is not to be asked for again.
    phone: formPhone?.trim() || found.phone,
    suggestion: SUGGESTION.test(text.folded),
    critical: CRITICISM.test(text.folded) || sentiment.negative > sentiment.positive,
    details,
    questions,
  };
}

function registerOf(intent: IntentKey, danger: boolean, urgentHelp: boolean, frustrated: boolean): Register {
  if (danger) return 'urgent';
  if (intent === 'complaint') return 'concerned';
  if (urgentHelp) return 'urgent';
  if (frustrated) return 'concerned';
  return SALES.has(intent) ? 'sales' : 'warm';
}
