import type { IntentKey } from '../../../../schema/vocabulary';
import type { ReplyDraft, ReplyInput } from '../../../platform/ai/port';
import { addresseeOf } from './addressee';
import { type Answer, answerFor } from './answers';
import { safetyParagraph } from './hazards';
import { linesFor, type SituationLines } from './lines';
import { acknowledgeQuestions } from './questions';
import { readSituation, type Situation } from './situation';
import { voiceOf } from './voices';

// Where the lead's details (a town, a size, a date) help the team and show we read them.
const DETAILED: ReadonlySet<IntentKey> = new Set([
  'quote_request',
  'service_inquiry',
  'booking_request',
  'support_request',
]);
// Where an urgency is worth saying out loud; an "urgent" vendor pitch is not. (An urgent
// support request gets the urgent-help paragraph instead.)
const FLAGGED: ReadonlySet<IntentKey> = new Set([
  'quote_request',
  'service_inquiry',
  'booking_request',
  'general_question',
  'complaint',
  'billing',
]);
const SALES: ReadonlySet<IntentKey> = new Set([
  'quote_request',
  'service_inquiry',
  'booking_request',
  'general_question',
]);

/**
 * The auto-reply a lead receives: in their language and the business's tone; safety first
 * when someone is in danger; what the team will do, with the lead's details and questions
 * acknowledged (never answered); and last a clear next step: the booking link where booking
 * fits, else what to send or how they will be reached. It promises nothing the business's
 * settings do not say. Plain text; paragraphs are separated by a blank line.
 */
export function composeReply(input: ReplyInput): ReplyDraft {
  const { lead, triage, business } = input;
  const situation = readSituation(lead.message, triage, lead.phone ?? null);
  const { language, register } = situation;
  const voice = voiceOf(language, business.tone);
  const answer = answerFor(language, triage.intent);
  const lines = linesFor(language);
  const to = addresseeOf(lead.name);

  const core = coreParagraphs(situation, answer, lines);
  const paragraphs = [
    voice.greeting(to, register),
    voice.opening(business.name, register),
    safetyParagraph(language, situation.hazards),
    ...appended(core, [urgencyLine(situation, lines), detailsLine(situation, lines)]),
    situation.callback ? lines.callback(situation.phone, core.length === 0) : null,
    acknowledgeQuestions(language, situation.questions, answer.answeredBy),
  ];

  const link = business.bookingLink?.trim();
  // Someone with water pouring in needs a call, not a calendar.
  if (link && answer.bookingInvite && !situation.urgentHelp) {
    paragraphs.push(`${answer.bookingInvite}\n${link}`, voice.momentum(register), voice.closing(register));
  } else {
    // The next step already says how to reply: the closing would say it twice.
    paragraphs.push(nextStep(situation, answer, lines), voice.momentum(register));
  }
  paragraphs.push(`${voice.signOff(to, register)}\n${business.name}`);

  const subject = situation.urgentHelp ? lines.urgentSubject(business.name) : answer.subject(business.name);
  return { subject, body: paragraphs.filter((paragraph) => paragraph).join('\n\n') };
}

/** What the team will do: for someone who needs help now, that it is urgent for the team. */
function coreParagraphs(situation: Situation, answer: Answer, lines: SituationLines): string[] {
  // A complaint stays a complaint, the apology first, even when it is urgent.
  if (situation.urgentHelp && situation.intent !== 'complaint') return [lines.urgentHelp];
  const paragraphs = answer.paragraphs(situation);
  // An upset lead is apologised to and taken seriously, whatever they wrote about.
  if (situation.register !== 'concerned' || situation.intent === 'complaint') return paragraphs;
  const [first, ...rest] = paragraphs;
  return [first ? `${lines.concerned} ${first}` : lines.concerned, ...rest];
}

function urgencyLine({ urgent, urgentHelp, intent }: Situation, lines: SituationLines): string {
  if (!urgent || urgentHelp || !FLAGGED.has(intent)) return '';
  return SALES.has(intent) ? lines.flagged.sales : lines.flagged.other;
}

function detailsLine({ details, intent, urgentHelp }: Situation, lines: SituationLines): string {
  // Someone who needs help now reads what to do, not what they told us.
  return details.length > 0 && DETAILED.has(intent) && !urgentHelp ? lines.details(details) : '';
}

function nextStep({ urgentHelp, phone, callback }: Situation, answer: Answer, lines: SituationLines): string {
  if (urgentHelp) return phone ? lines.phoneGiven(phone) : lines.phoneWanted;
  if (callback && !phone) return lines.callbackPhoneWanted;
  return answer.nextStep;
}

/** The sentences added to the last paragraph, or a paragraph of their own when there is none. */
function appended(paragraphs: string[], sentences: string[]): string[] {
  const extra = sentences.filter(Boolean).join(' ');
  if (!extra) return paragraphs;
  if (paragraphs.length === 0) return [extra];
  return [...paragraphs.slice(0, -1), `${paragraphs.at(-1)} ${extra}`];
}
