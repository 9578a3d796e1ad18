import type { IntentKey, Language } from '../../../schema/vocabulary';
import { firstMatch } from './cues';
import type { LeadDetails } from './details';
import { keySpans, shorten } from './excerpt';
import { addressName } from './names';
import { foldText, type LeadText } from './normalize';
import { CALLBACK } from './signals';
import { WANTS, WORDING } from './summary-wording';
import type { UrgencyDecision, UrgencyReason } from './urgency';

export interface SummaryInput {
  name: string;
  text: LeadText;
  /** The language the message is written in. */
  language: Language;
  intent: IntentKey;
  urgency: UrgencyDecision;
  details: LeadDetails;
}

const MAX_LENGTH = 300;
const MAX_DETAILS = 3;
// Below this a quote says too little to be worth shortening further.
const MIN_CLAUSE = 60;
// Intents where a date in the message is when the lead wants something done.
const REQUESTS: ReadonlySet<IntentKey> = new Set([
  'quote_request',
  'service_inquiry',
  'booking_request',
  'support_request',
]);

/**
 * One paragraph for a reader of `reader`: who, what they want, their own words for it, the
 * details they gave that the quote leaves out, and why it is urgent when it is; every fact
 * in it is a span of the message. The lead's words stay exactly as written, between quote
 * marks; for a reader of the other language the engine's own words are theirs and the
 * quote is said to be in the lead's language: the offline engine cannot translate, but it
 * can say in both languages what it read, so no client reads "not translated".
 */
export function summarizeIn(input: SummaryInput, reader: Language): string {
  const words = WORDING[reader];
  const who = addressName(input.name) ?? words.someone;
  if (!/[\p{L}\p{N}]/u.test(input.text.raw)) return words.empty(who);
  if (reader === input.language) return paragraph(input, reader, who, Number.POSITIVE_INFINITY).written;
  // The label and the quote marks around each detail can push the paragraph past the limit,
  // and cutting it there could leave a quote open: the lead's quote gives way instead.
  let clauseLimit = Number.POSITIVE_INFINITY;
  for (;;) {
    const { written, clauseLength } = paragraph(input, reader, who, clauseLimit);
    const overflow = written.length - MAX_LENGTH;
    if (overflow <= 0) return written;
    // The last resort, a cut, is for a paragraph whose other parts alone fill it.
    if (clauseLength <= MIN_CLAUSE) return shorten(written, MAX_LENGTH);
    clauseLimit = Math.max(MIN_CLAUSE, clauseLength - overflow);
  }
}

function paragraph(
  { text, language, intent, urgency, details }: SummaryInput,
  reader: Language,
  who: string,
  clauseLimit: number,
): { written: string; clauseLength: number } {
  const words = WORDING[reader];
  const foreign = reader !== language;
  const wants =
    intent === 'general_question' && firstMatch(text.folded, CALLBACK) ? words.callback : WANTS[reader][intent];
  const head = `${who} ${foreign ? withLanguage(wants, words.writtenIn[language]) : wants}${words.colon} `;
  const reason = urgency.reason;
  const urgentLine =
    urgency.urgency === 'High' && reason ? `${words.urgent}${words.colon} ${reasonText(reader, reason)}.` : '';
  const phoneLine = details.phone ? words.phone(details.phone) : '';

  const budget = MAX_LENGTH - head.length - urgentLine.length - phoneLine.length - 8;
  const clauseLength = Math.min(clauseLimit, Math.max(MIN_CLAUSE, Math.min(180, budget)));
  // A quote is the lead's very words, in either language: no capital added, no sentence
  // that stood between two put together (the gap is marked).
  const spans = keySpans(text, intent, clauseLength);
  const clause = spans.join(' ');
  const last = spans[spans.length - 1] ?? '';
  const quote = `${spans.map((span) => `${words.open}${span}${words.close}`).join(words.gap)}${/[?!…]$/.test(last) ? '' : '.'}`;

  // Details the quote already shows are not repeated.
  const shown = `${clause} ${reason?.phrase ?? ''}`.toLowerCase();
  // In a complaint or a bill a date is history ("third time this month"), not a deadline.
  const timing = REQUESTS.has(intent) ? details.timing : [];
  const extra = [...details.places, ...details.quantities, ...timing]
    .filter((detail) => !shown.includes(detail.toLowerCase()))
    .slice(0, MAX_DETAILS)
    .map((detail) => (foreign ? `${words.open}${asWritten(text, detail)}${words.close}` : detail));
  const detailLine = extra.length > 0 ? `${words.details}${words.colon} ${extra.join(', ')}.` : '';
  const phoneShown = details.phone !== null && clause.includes(details.phone);

  const written = [head + quote, detailLine, urgentLine, phoneShown ? '' : phoneLine].filter(Boolean).join(' ');
  // In the lead's language a cut is what it always was; the other language's caller cuts the quote.
  return { written: written.length <= MAX_LENGTH || foreign ? written : shorten(written, MAX_LENGTH), clauseLength };
}

// "offre ses services (sollicitation commerciale)" takes the language inside its parentheses:
// two in a row read as a stutter.
function withLanguage(wants: string, writtenIn: string): string {
  return wants.endsWith(')') ? `${wants.slice(0, -1)}, ${writtenIn})` : `${wants} (${writtenIn})`;
}

function reasonText(reader: Language, reason: UrgencyReason): string {
  const phrase = shorten(reason.phrase, 40);
  return WORDING[reader].reason[reason.kind](phrase);
}

// A detail as it stands in the message: details lower-case a word that began a sentence
// ("Idéalement avant l'hiver"), which a quote may not do. Folding keeps one character for one,
// so the span found in the folded text is the same span of the raw one.
function asWritten(text: LeadText, detail: string): string {
  if (text.raw.includes(detail)) return detail;
  const start = foldText(text.raw).indexOf(foldText(detail));
  return start < 0 ? detail : text.raw.slice(start, start + detail.length);
}
