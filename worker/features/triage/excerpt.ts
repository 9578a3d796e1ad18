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
 * their greeting, cut at a word boundary to fit `maxLength`. Quoting the lead is safer than
 * paraphrasing them: a quote cannot invent a fact.
 */
export function keyClause(text: LeadText, intent: IntentKey, maxLength: number): string {
  const sentences = text.raw
    .split(/(?<=[.!?])\s+|\s+[—–]\s+/)
    .map((sentence) => sentence.replace(OPENER, '').trim())
    .filter((sentence) => /\p{L}/u.test(sentence.replace(PHONE_NUMBER_ANYWHERE, '')));
  const content = sentences.filter((sentence) => !COURTESY_ONLY.test(foldText(sentence)));
  const candidates = (content.length > 0 ? content : sentences).map((sentence, order) => ({
    sentence: tidy(sentence),
    order,
    score: informativeness(sentence, intent),
  }));
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.order - b.order);
  const best = ranked[0];
  // Nothing left once the greeting is gone ("Bonjour!"): the message is its own quote.
  if (!best) return shorten(tidy(text.raw), maxLength);
  // A second sentence when it fits: "I'm disappointed." says less without "nobody called back".
  const second = ranked[1];
  const chosen =
    second && second.score >= 1 && best.sentence.length + second.sentence.length + 2 <= maxLength
      ? [best, second].sort((a, b) => a.order - b.order)
      : [best];
  return shorten(
    chosen.map((part) => part.sentence).reduce((joined, next) => `${joined}${/[?!]$/.test(joined) ? '' : '.'} ${next}`),
    maxLength,
  );
}

function informativeness(sentence: string, intent: IntentKey): number {
  const folded = foldText(sentence);
  let cues = scoreCues(folded, INTENT_CUES[intent]);
  // What is broken or flooding is the heart of a support request.
  if (intent === 'support_request' && firstMatch(folded, EMERGENCY)) cues += 3;
  const facts = (sentence.match(/\d+/g)?.length ?? 0) + (sentence.match(/\s\p{Lu}\p{Ll}+/gu)?.length ?? 0);
  return cues + 0.5 * Math.min(facts, 4) + (sentence.length >= 25 ? 0.5 : 0);
}

function tidy(sentence: string): string {
  const trimmed = sentence
    .replace(/([!?])[!?]+/g, '$1')
    .replace(/[\s.,;:]+$/, '')
    .trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** Cuts at the last word that fits, with an ellipsis, never mid-word. */
export function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, Math.max(1, maxLength - 1));
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?'’(—–-]+$/, '');
  return `${head}…`;
}
