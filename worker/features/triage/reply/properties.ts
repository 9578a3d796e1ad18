import type { ReplyDraft } from '../../../platform/ai/port';
import { foldText } from '../normalize';
import type { LabelledReply } from './labelled-replies';
import { unmadePromise } from './promises';

/**
 * What a reply a customer is glad to get has, checked against a labelled message: the
 * properties of a good reply, not its wording, so they hold for any engine (the offline
 * composer, the AI) and for messages nobody has seen. Pure: no I/O.
 *
 * The reply's own words are what is checked. Text quoted from the lead's message (“…” or
 * « … », found in the message) is the lead's: "can you come today?" quoted back is not a
 * promise, nor an English sentence in a French reply.
 */
export type ReplyProperty =
  /** A message that is not spam gets a reply at all (production sends none to what triage calls spam). */
  | 'sent'
  | 'language'
  | 'questions'
  | 'no_invented_answer'
  | 'no_unmade_promise'
  | 'complaint_tone'
  | 'safety'
  | 'next_step'
  | 'name'
  | 'no_familiarity'
  | 'no_asides';

export const REPLY_PROPERTIES: readonly ReplyProperty[] = [
  'sent',
  'language',
  'questions',
  'no_invented_answer',
  'no_unmade_promise',
  'complaint_tone',
  'safety',
  'next_step',
  'name',
  'no_familiarity',
  'no_asides',
];

export interface PropertyFailure {
  property: ReplyProperty;
  detail: string;
}

/** What the checker needs of a labelled message. */
export type ReplyLabels = Omit<LabelledReply, 'id' | 'tone'>;

// Words only one of the two languages uses (folded); a sentence with two or more of the other
// language's and fewer of its own is in the wrong language.
const MARKERS = {
  en: new Set(
    (
      'the and you your we our will with thank thanks please us is are to for of this that have has it if any can ' +
      'would at by from about here team hello hi dear regards they their be been what when how who was not'
    ).split(' '),
  ),
  fr: new Set(
    (
      'le la les des du vous votre vos nous notre nos est et pour avec merci une un de que qui ce cette au aux sur ' +
      'dans pas ne bonjour equipe courriel ici je il elle sont sera avez etes l qu c j'
    ).split(' '),
  ),
} as const;

const YES_CLAIMS = [
  // "Yes, we do." / "Oui, nous le faisons." at the head of a sentence.
  /(^|[.!?:”»]\s+|\n)(yes|yep|yeah|absolutely|of course|certainly|definitely|sure thing|oui|bien sur|absolument|certainement|evidemment|tout a fait)\b/,
  /\b(we|our team) (do |also |certainly |definitely |can )?(offer|provide|serve|install|accept|deliver|specialize|specialise|handle|work (on )?weekends)\b/,
  /\bwe can (do|help with|take care of|handle|install|fix|repair|come)\b/,
  /\b(nous|on) (faisons|fait) (aussi|egalement|bien|ca|cela|ce genre|ce type|le|la|les|des|du)\b/,
  /\b(nous|on) (offrons|offre|proposons|livrons|livre|acceptons|accepte|desservons|dessert|installons|travaillons|pouvons (faire|venir|vous aider)|peut (faire|venir))\b/,
];
const APOLOGY = /\b(sorry|apologi[sz]e|apologies|regret)\b|desole|excuses|regrett/;
const SERIOUSLY = /\bseriously\b|au serieux/;
const CHEER =
  /\b(happy to|glad to|delighted|excited|exciting|great|awesome|fantastic|wonderful|love to|we'?d love|let'?s make it happen|can'?t wait|cheers|ravie?s?|heureux|heureuse|plaisir|hate|super|genial|formidable|on passe a l'action)\b/;
const FAMILIARITY =
  /\b((hear|see|hearing|seeing) from you again|(nice|great|good|lovely|always a pleasure) to hear from you|welcome back|always (nice|great|good|a pleasure)|as always|toujours (un )?plaisir|(avoir|recevoir|lire) de vos nouvelles|bon retour|comme toujours|de vous relire|de vous revoir)\b/;
const GENERIC_SALUTATION =
  /\b(madame, monsieur|sir or madam|dear customer|dear client|cher client|chere cliente|to whom it may concern|a qui de droit)\b/;
const WILL_ANSWER = /\b(will|'ll) (answer|respond|reply|get back)|\brepondr\w*|\breviendr\w*/;
const NEXT_STEP =
  /\b(reply (to this|with)|just hit reply|simply reply|get back to you|contact you|reach you|call you|book|choose the time|send (us|your|it)|let you know)\b|\b(repond\w*|communiquer\w* avec vous|vous rappeler|vous joindre|rendez-vous|reserv\w*|envoy\w*|transmett\w*)\b/;
const PHONE_STEP = /\b(phone|number|numero|telephone)\b/;
const CV_STEP = /\b(cv|resume|curriculum)\b/;
const TITLES = /^(mr|mrs|ms|miss|dr|m|mme|mlle|me|monsieur|madame)\.?\s+/i;
// Where a calendar is the next step the lead expects; and where it is wrong: a complaint, an
// applicant, a vendor, spam. A partner or a billing question may get one or not. Someone in
// danger or with an urgent breakdown needs a call, never a calendar.
const BOOKABLE: ReadonlySet<string> = new Set([
  'quote_request',
  'service_inquiry',
  'booking_request',
  'support_request',
  'general_question',
  'feedback',
]);
const UNBOOKABLE: ReadonlySet<string> = new Set(['complaint', 'job_application', 'vendor_pitch', 'spam']);

/** Every property the reply lacks; an empty list is a pass. */
export function checkReply(labels: ReplyLabels, reply: ReplyDraft, businessName: string): PropertyFailure[] {
  const failures: PropertyFailure[] = [];
  const fail = (property: ReplyProperty, detail: string) => failures.push({ property, detail });
  const message = normalised(labels.message);
  const own = ownWords(`${reply.subject}\n${reply.body}`, message, [businessName, labels.name]);
  const all = foldText(`${reply.subject}\n${reply.body}`);

  const foreign = sentences(own).find((sentence) => inOtherLanguage(sentence, labels.language));
  if (foreign) fail('language', `sentence not in ${labels.language}: "${foreign.trim()}"`);

  for (const question of labels.questions) {
    if (!question.anyOf.some((word) => all.includes(foldText(word)))) {
      fail('questions', `not acknowledged: "${question.text}"`);
    }
  }
  if (labels.questions.length > 0 && !WILL_ANSWER.test(own)) fail('questions', 'never says the team will answer');

  const claim = firstMatch(own, YES_CLAIMS) ?? inventedAmount(own, message);
  if (claim) fail('no_invented_answer', `claims an answer: "${claim}"`);

  const promise = unmadePromise(own);
  if (promise) fail('no_unmade_promise', `promises "${promise}"`);

  if (labels.complaint) {
    if (!APOLOGY.test(own)) fail('complaint_tone', 'no apology');
    if (!SERIOUSLY.test(own)) fail('complaint_tone', 'does not say it is taken seriously');
    const cheer = cheerIn(own);
    if (cheer) fail('complaint_tone', `cheerful: "${cheer}"`);
  }

  if (labels.emergency) {
    if (!own.includes('911')) fail('safety', 'no 911 line');
    const cheer = cheerIn(own);
    if (cheer) fail('safety', `cheerful while someone may be in danger: "${cheer}"`);
  } else if (own.includes('911')) {
    fail('safety', 'a 911 line where nobody is in danger');
  }

  const link = labels.bookingLink;
  const urgentHelp = labels.emergency || (labels.intent === 'support_request' && labels.urgency === 'High');
  const bookingFits = BOOKABLE.has(labels.intent) && !labels.complaint && !urgentHelp;
  const bookingWrong = UNBOOKABLE.has(labels.intent) || labels.complaint || urgentHelp;
  const booked = link !== null && reply.body.includes(link);
  if (link && bookingFits && !booked) fail('next_step', 'the booking link is missing');
  if (booked && bookingWrong) fail('next_step', 'a booking link where booking does not fit');
  if (!booked) {
    if (labels.intent === 'job_application' && !CV_STEP.test(own)) fail('next_step', 'no word on the CV');
    else if (urgentHelp && !PHONE_STEP.test(own)) fail('next_step', 'no phone number to reach them by');
    else if (!NEXT_STEP.test(own)) fail('next_step', 'no next step');
  }

  const greeting = reply.body.split('\n')[0] ?? '';
  if (labels.name.trim()) {
    const name = labels.name.trim().replace(/\s+/g, ' ');
    // "Marie Tremblay", "Tremblay, Marie" or "Mme Tremblay": a greeting uses one of its names, a formal one all.
    const parts = name
      .replace(TITLES, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    if (!parts.some((part) => all.includes(foldText(part)))) fail('name', `does not use the name "${name}"`);
    const missing = parts.find((part) => !all.includes(foldText(part)));
    if (labels.emailTone === 'Formal' && missing) fail('name', `formal without the full name "${name}"`);
    const generic = GENERIC_SALUTATION.exec(own);
    if (generic) fail('name', `generic "${generic[0]}" though the name is known`);
  }
  if (/\s[,!.]|\b(undefined|null)\b/.test(greeting)) fail('name', `broken greeting "${greeting}"`);

  const familiar = FAMILIARITY.exec(own);
  if (familiar) fail('no_familiarity', `"${familiar[0]}" to a first contact`);

  const aside = /\([^)]*\)?/.exec(own);
  if (aside) fail('no_asides', `parenthesised aside "${aside[0]}"`);

  return failures;
}

/**
 * The reply folded, with what is not its own blanked: quotes of the message, links, the
 * business's and the lead's names, and parenthesised spans the lead wrote ("(514) 555-0199").
 */
function ownWords(text: string, message: string, names: string[]): string {
  let own = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/“([^”]*)”|«([^»]*)»|"([^"]*)"/g, (quote, a?: string, b?: string, c?: string) =>
      // Kept as an empty quote, so "“…?” Yes, we do." still starts a sentence with "Yes".
      quotedFrom(a ?? b ?? c ?? '', message) ? '“”' : quote,
    )
    .replace(/\([^)]*\)/g, (span) => (message.includes(normalised(span)) ? ' ' : span));
  for (const name of names) if (name.trim()) own = own.split(name.trim()).join(' ');
  return foldText(own);
}

/** The message's words as quotes are compared: no markup nor quotation marks, folded, one space, "??" as "?". */
function normalised(text: string): string {
  return foldText(text.replace(/<[^>]*>/g, ' ').replace(/[«»“”"]/g, ''))
    .replace(/\s+/g, ' ')
    .replace(/([?!.])\1+/g, '$1')
    .trim();
}

function quotedFrom(quote: string, message: string): boolean {
  // A quote may be cut ("…so do you remove decks?") or given the question mark the lead left out.
  const core = normalised(quote).replace(/^[….\s]+|[….?!\s]+$/g, '');
  return core.length >= 3 && message.includes(core);
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?:;])\s+|\n+/).filter((sentence) => sentence.trim() !== '');
}

function inOtherLanguage(sentence: string, language: 'en' | 'fr'): boolean {
  const words = sentence.match(/[a-z]+/g) ?? [];
  const own = words.filter((word) => MARKERS[language].has(word)).length;
  const other = words.filter((word) => MARKERS[language === 'en' ? 'fr' : 'en'].has(word)).length;
  return other >= 2 && other > own;
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const found = pattern.exec(text);
    if (found) return found[0].trim();
  }
  return null;
}

/** A price in the reply the lead never wrote: an answer nobody gave. */
function inventedAmount(own: string, message: string): string | null {
  const digits = (text: string) => text.replace(/[^\d]/g, '');
  const written = new Set((message.match(/\d[\d,. ]*/g) ?? []).map(digits));
  const amounts = own.match(/\$\s?\d[\d,.]*|\d[\d,. ]*\s?\$/g) ?? [];
  return amounts.find((amount) => !written.has(digits(amount))) ?? null;
}

function cheerIn(own: string): string | null {
  const found = CHEER.exec(own);
  if (found) return found[0];
  return own.includes('!') ? '!' : null;
}
