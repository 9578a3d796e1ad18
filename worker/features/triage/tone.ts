import type { LeadTone } from '../../../schema/vocabulary';
import { firstMatch } from './cues';
import type { LeadText } from './normalize';

const ANGER = [
  /\b(annoyed|irritated|disappointed|unacceptable|inacceptable|ridiculous|ridicule|frustrated|frustree?|fed up|angry|furious|furieu(x|se)|not impressed|pas impressionnee?|worst|terrible|horrible|awful|outrageous|decue?|tannee?|ecoeuree?|fachee?|en colere|honteu(x|se)|scandaleu(x|se)|n'importe quoi|incompetent\w*|insatisfaite?|mecontente?|wtf|come on)\b/,
];
const TROUBLE = [
  /\b(not working|broken|leak\w*|pouring|flood\w*|panne|fuit\w*|plante|crash\w*|error|erreur|failing|personne ne|nobody|no one|still waiting|j'attends|urgent|help|aide)\b/,
];
const FORMAL = [
  /\b(dear|madame|monsieur|maitre|je vous prie|veuillez agreer|agreer|sincerely|respectfully|yours truly|to whom it may concern|salutations distinguees|je me permets|nous vous prions|kindly|cordially)\b/,
];
const ENTHUSIASM = [
  /\b(love|loved|amazing|awesome|can'?t wait|so excited|excited|thrilled|fantastic|wonderful|incredible|j'adore|adore|genial|geniale|hate de|trop hate|super contente?|tellement contente?|wow|extraordinaire|incroyable|merveilleu\w*|ecstatic|so happy|si contente?)\b/,
];
const CASUAL = [
  /\b(hey|yo|allo|lol|mdr|chu|thx|ty|pls|plz|you guys|gonna|wanna|salut|pis|tse|ben la|genre|cool|c'est pour savoir|btw)\b/,
];
const GREETING = [/\b(hi|hello|bonjour|bonsoir|good (morning|afternoon|evening))\b/];
const THANKS = [/\b(thanks|thank you|merci|cheers)\b/];
const WARMTH = [
  /\b(merci beaucoup|thanks so much|thank you so much|have a (nice|great|good|lovely) (day|weekend|evening)|bonne (journee|soiree|fin de semaine)|au plaisir)\b|:\)|🙂|😊/,
];

/** The tone of the lead's message; Professional when nothing stands out. */
export function detectTone(text: LeadText): LeadTone {
  const { folded, raw } = text;
  const shouting = shoutedWords(raw) >= 1 || /!{3,}|\?{2,}/.test(raw);
  if (has(folded, ANGER) || (shouting && has(folded, TROUBLE))) return 'Frustrated';
  if (has(folded, FORMAL)) return 'Formal';
  if (has(folded, ENTHUSIASM)) return 'Enthusiastic';
  if (has(folded, CASUAL) || looksDashedOff(raw)) return 'Casual';
  if ((has(folded, GREETING) && has(folded, THANKS)) || has(folded, WARMTH)) return 'Friendly';
  return 'Professional';
}

function has(folded: string, patterns: readonly RegExp[]): boolean {
  return firstMatch(folded, patterns) !== null;
}

/** Words of four letters or more in capitals: shouting, not an acronym like "CV" or "HVAC". */
function shoutedWords(raw: string): number {
  const capitalised = raw.match(/\b\p{Lu}{4,}\b/gu) ?? [];
  return capitalised.filter((word) => !/^(HVAC|CEO|SAAS|HTML|USD|CAD|GST|QST|TPS|TVQ|ASAP)$/.test(word)).length;
}

/** All lower case, no capital or full stop anywhere: typed on the run. */
function looksDashedOff(raw: string): boolean {
  return raw.length >= 20 && raw === raw.toLowerCase() && !/[.!?]/.test(raw);
}
