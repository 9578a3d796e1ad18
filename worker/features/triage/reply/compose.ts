import type { ReplyDraft, ReplyInput } from '../../../platform/ai/port';
import { firstMatch } from '../cues';
import { extractDetails } from '../details';
import { addressName, fullName } from '../names';
import { readMessage } from '../normalize';
import { CALLBACK } from '../signals';
import { answerFor } from './answers';
import { voiceOf } from './voices';

const MAX_DETAILS = 3;
// Physical danger, where the reply must say to get safe before waiting for us.
const DANGER =
  /\b(gas|gaz|fire|feu|incendie|smoke|fumee|sparks?|spark(ed|ing)|etincelles?|brule|burning|flood\w*|inond\w*|leak\w*|fuite|fuit|pouring|electri\w*|monoxyde|carbon monoxide|no heat|chauffage|disjoncteur|breaker)\b/;
const SUGGESTION = /\b(suggestion|suggest|suggere|idea|idee|it would be great|ce serait bien|would be nice)\b/;

/**
 * The auto-reply a lead receives: in their language, in the business's tone, answering what
 * they asked, with the booking link on its own line where booking makes sense, signed by the
 * business. Plain text; paragraphs are separated by a blank line.
 */
export function composeReply(input: ReplyInput): ReplyDraft {
  const { lead, triage, business } = input;
  const language = triage.language;
  const voice = voiceOf(language, business.tone);
  const answer = answerFor(language, triage.intent);
  const text = readMessage(lead.message);
  const urgent = triage.urgency === 'High';
  const serious = triage.intent === 'complaint' || (triage.intent === 'support_request' && urgent);
  const to = { first: addressName(lead.name), full: fullName(lead.name) };
  const details = extractDetails(text);

  const paragraphs = [
    voice.greeting(to, serious),
    voice.opening(business.name, serious),
    ...answer.paragraphs({
      urgent,
      details: [...details.places, ...details.quantities, ...details.timing].slice(0, MAX_DETAILS).map(plain),
      danger: DANGER.test(text.folded),
      callback: firstMatch(text.folded, CALLBACK) !== null,
      suggestion: SUGGESTION.test(text.folded),
    }),
  ];
  const link = business.bookingLink?.trim();
  // Someone with water pouring in needs a call, not a calendar.
  if (link && answer.bookingInvite && !(triage.intent === 'support_request' && urgent)) {
    paragraphs.push(`${answer.bookingInvite}\n${link}`);
  }
  const momentum = voice.momentum(serious);
  if (momentum) paragraphs.push(momentum);
  paragraphs.push(voice.closing, `${voice.signOff}\n${business.name}`);

  return { subject: answer.subject(business.name, urgent), body: paragraphs.join('\n\n') };
}

/** Text from the lead, without anything that could pass for markup. */
function plain(value: string): string {
  return value.replace(/[<>]/g, '');
}
