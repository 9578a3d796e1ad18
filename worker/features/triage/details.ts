import { allMatches, firstMatch, type Match } from './cues';
import type { LeadText } from './normalize';
import { HORIZON, IMMEDIACY, NEAR_DATE, PHONE_NUMBER } from './signals';

/** Facts a summary or a reply can repeat, each as the lead wrote it. */
export interface LeadDetails {
  /** When: "idéalement avant l'hiver", "this Friday", "le 12 décembre". */
  timing: string[];
  /** How much or how many: "1200 pi2", "45 personnes", "$850". */
  quantities: string[];
  /** Where: "à Laval", "in Montreal". */
  places: string[];
  phone: string | null;
}

const PREFERENCE = '(?:(?:ideally|preferably|hopefully|idealement|de preference|si possible) )?';
const WEEKDAY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const CLOCK = '(?: (?:at|a|vers|around|after|apres|before|avant) \\d{1,2}(?: ?h(?:\\d\\d)?| ?(?:am|pm)|:\\d\\d)?)?';

// The signal lists, widened to keep "idéalement" in front and a time of day after.
const TIMING: readonly RegExp[] = [...NEAR_DATE, ...HORIZON, ...IMMEDIACY].map(
  (pattern) => new RegExp(`${PREFERENCE}${pattern.source}${CLOCK}`),
);
const EXTRA_TIMING: readonly RegExp[] = [
  new RegExp(
    `\\b(?:this|next|ce|cette|un|une|on|le|la|any) ${WEEKDAY}s?(?: (?:morning|afternoon|evening|matin|apres-midi|soir))?${CLOCK}`,
  ),
  /\b(?:any )?weekdays? (?:after|before|apres|avant) \d{1,2} ?(?:am|pm|h)\b/,
  /\b(?:after|before|apres|avant) \d{1,2} ?(?:am|pm|h\d{0,2})\b/,
];

const UNITS =
  'pi2|pi carres?|pieds carres|sq\\.? ?ft|square feet|m2|metres? carres|personnes|people|guests|invites|t-shirts|shirts|chandails|pneus|tires|units|unites|logements|triplex|duplex|rooms|pieces|chambres|employees|employes|km|kg|lbs|items|copies|boites|boxes|arbres|trees|fenetres|windows|portes|doors|enfants|kids|chats?|chiens?|cats?|dogs?';
const QUANTITY: readonly RegExp[] = [
  new RegExp(
    `\\b(?:about |around |approximately |roughly |environ |approximativement |pres de )?\\d[\\d ,.]*\\s?(?:${UNITS})\\b`,
  ),
  /(?:about |around |environ )?\$\s?\d[\d,.]*(?:\s?(?:k|m|million))?\b|\b\d[\d ,.]*\s?\$/,
  /\b\d+k\/(?:month|mois|year|an)\b/,
];

// A capitalised place name after a preposition; the raw text is needed to see capitals. English "a"
// is left out: "a Mazda" is not a place.
const PLACE =
  /(?:^|[\s,(])(?:à|in|near|pres de|près de|dans le coin de|sur la) ((?:Saint|Sainte|St|Ste|Mont|Île|Ile|Lac|Rivière|Trois)[- ]\p{Lu}[\p{L}'-]+|\p{Lu}[\p{L}'-]{2,})(?:[- ]\p{Lu}[\p{L}'-]+)?/gu;
const NOT_PLACES = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Noël Christmas Google Indeed Facebook The This Our Your My'.split(
    ' ',
  ),
);

// "Idéalement avant l'hiver" began a sentence in the message; as a detail it is lower case.
const SENTENCE_OPENERS =
  /^(ideally|idéalement|preferably|de préférence|this|next|ce|cette|avant|before|after|après|le|la|any|within|d’ici|d'ici|dans|about|around|environ)(?=\s|$)/i;

function midSentence(detail: string): string {
  return SENTENCE_OPENERS.test(detail) ? detail.charAt(0).toLowerCase() + detail.slice(1) : detail;
}

export function extractDetails(text: LeadText): LeadDetails {
  return {
    timing: spans(text, allMatches(text.folded, [...TIMING, ...EXTRA_TIMING])).map(midSentence),
    quantities: spans(text, allMatches(text.folded, QUANTITY)),
    places: findPlaces(text.raw),
    phone: phoneNumber(text),
  };
}

function spans(text: LeadText, matches: readonly Match[]): string[] {
  const found: string[] = [];
  for (const { index, length } of matches) {
    const span = text.raw
      .slice(index, index + length)
      .trim()
      .replace(/[\s,.]+$/, '');
    if (span && !found.includes(span)) found.push(span);
  }
  return found;
}

function findPlaces(raw: string): string[] {
  const places: string[] = [];
  for (const match of raw.matchAll(PLACE)) {
    const name = match[1] ?? '';
    if (NOT_PLACES.has(name)) continue;
    const phrase = match[0].replace(/^[\s,(]/, '').trim();
    if (!places.includes(phrase)) places.push(phrase);
  }
  return places;
}

function phoneNumber(text: LeadText): string | null {
  const match = firstMatch(text.raw, [PHONE_NUMBER]);
  return match ? text.raw.slice(match.index, match.index + match.length) : null;
}
