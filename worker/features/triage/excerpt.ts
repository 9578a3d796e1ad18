import type { IntentKey } from '../../../schema/vocabulary';
import { firstMatch, scoreCues } from './cues';
import { INTENT_CUES } from './intent-cues';
import { foldText, type LeadText } from './normalize';
import { EMERGENCY, PHONE_NUMBER } from './signals';

// A sentence that is only a phone number says nothing as a quote; the summary reports it.
const PHONE_NUMBER_ANYWHERE = new RegExp(PHONE_NUMBER.source, 'g');

// "Bonjour," "Hi there," "Bonjour Maître," "Quick question —": openers, not content.
const OPENER =
  /^(?:(?:bonjour|bonsoir|allo|allô|salut|hi|hello|hey|good (?:morning|afternoon|evening)|dear|cher|chère|madame|monsieur|quick question|petite question)(?: [\p{L}.'/-]+){0,2}?\s*(?:[,!:;.—–-]+\s*|$)|(?:bonjour|bonsoir|allo|allô|salut|hi|hello|hey) )/iu;
const COURTESY_ONLY =
  /^(merci|thanks|thank you|thx|cheers|bonne (journee|soiree)|have a \w+ day|cordialement|regards|best regards|salutations)( beaucoup| so much| a lot| a l'avance| in advance| d'avance)?[\s!.]*$/;

/**
 * The one or two sentences of the message that say most about what the lead wants, without
 * their greeting, as the lead wrote them: no capital added, no "?!" folded, no period put
 * between them. Quoting the lead is safer than paraphrasing them: a quote cannot invent a
 * fact. One span when they follow each other in the message, two when something lies
 * between (the caller marks the gap). Each span is a substring of `text.raw`, but for the
 * "…" of a cut: a quote must be exactly what the lead wrote, in either language.
 */
export function keySpans(text: LeadText, intent: IntentKey, maxLength: number): string[] {
  const chosen = keySentences(text, intent, maxLength);
  if (chosen.length === 0) return [shorten(trimEnd(text.raw), maxLength)];
  const [best, next] = chosen;
  const first = best && locate(text.raw, best.raw, 0);
  if (!first) return [shorten(trimEnd(text.raw), maxLength)];
  const second = next && locate(text.raw, next.raw, first.end);
  if (!second) return [shorten(trimEnd(first.span), maxLength)];
  const between = text.raw.slice(first.end, second.start);
  if (/^[\s.!?—–-]*$/.test(between)) {
    return [shorten(trimEnd(text.raw.slice(first.start, second.end)), maxLength)];
  }
  // The two quotes share the length, with room for the gap marker the caller puts between them.
  const head = shorten(trimEnd(first.span), maxLength);
  return [head, shorten(trimEnd(second.span), Math.max(20, maxLength - head.length - 5))];
}

interface Chosen {
  /** As the lead wrote it, greeting removed. */
  raw: string;
}

// The best sentence, and a second one when it fits and says something, in message order.
function keySentences(text: LeadText, intent: IntentKey, maxLength: number): Chosen[] {
  const sentences = text.raw
    .split(/(?<=[.!?])\s+|\s+[—–]\s+/)
    .map((sentence) => sentence.replace(OPENER, '').trim())
    .filter((sentence) => /\p{L}/u.test(sentence.replace(PHONE_NUMBER_ANYWHERE, '')));
  const content = sentences.filter((sentence) => !COURTESY_ONLY.test(foldText(sentence)));
  const candidates = (content.length > 0 ? content : sentences).map((sentence, order) => ({
    raw: sentence,
    order,
    score: informativeness(sentence, intent),
  }));
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.order - b.order);
  const best = ranked[0];
  if (!best) return [];
  // A second sentence when it fits: "I'm disappointed." says less without "nobody called back".
  const second = ranked[1];
  return second && second.score >= 1 && best.raw.length + second.raw.length + 2 <= maxLength
    ? [best, second].sort((a, b) => a.order - b.order)
    : [best];
}

// Where a sentence of the message sits in it; the split keeps every sentence a substring.
function locate(raw: string, sentence: string, from: number): { span: string; start: number; end: number } | null {
  const start = raw.indexOf(sentence, from);
  return start < 0 ? null : { span: sentence, start, end: start + sentence.length };
}

function informativeness(sentence: string, intent: IntentKey): number {
  const folded = foldText(sentence);
  let cues = scoreCues(folded, INTENT_CUES[intent]);
  // What is broken or flooding is the heart of a support request.
  if (intent === 'support_request' && firstMatch(folded, EMERGENCY)) cues += 3;
  const facts = (sentence.match(/\d+/g)?.length ?? 0) + (sentence.match(/\s\p{Lu}\p{Ll}+/gu)?.length ?? 0);
  return cues + 0.5 * Math.min(facts, 4) + (sentence.length >= 25 ? 0.5 : 0);
}

// The period or comma a sentence ends on: the summary puts its own punctuation after a quote.
function trimEnd(sentence: string): string {
  return sentence.replace(/[\s.,;:]+$/, '').trim();
}

/** Cuts at the last word that fits, with an ellipsis, never mid-word. */
export function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, Math.max(1, maxLength - 1));
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?'’(—–-]+$/, '');
  return `${head}…`;
}
