import type { Language } from '../../../schema/vocabulary';
import type { LeadText } from './normalize';

// Function words that are frequent in one language and rare in the other. Words both
// languages share ("on", "a", "me", "service", "question") are left out on purpose.
const ENGLISH_WORDS = new Set(
  (
    'the an and or to of for in is are was were be been being am my our your yours we you i it its this that these ' +
    'those with have has had can could would should will shall please thanks thank hi hello hey do does did what ' +
    'when where which who how need want like just not any about from there their they at by if so but us them get ' +
    'got some all no yes much many know looking next week today tomorrow help time new also very really guys ' +
    'would after before our ours up out because still than then here wanted some every'
  ).split(' '),
);
const FRENCH_WORDS = new Set(
  (
    'le la les des du de un une et est je vous nous mon ma mes notre nos votre vos pour avec dans sur que qui ' +
    'pas ne ce cette ces il elle ils elles au aux sont suis avez avons ai merci bonjour bonsoir allo salut oui ' +
    'non quoi comment combien pourquoi aussi mais tres ca si sans chez depuis quand leur leurs plus tout tous ' +
    'toute faire fait peux pouvez pourriez besoin voudrais aimerais serait madame monsieur en y ou se sa ses ' +
    'etre avoir deja apres avant encore jamais rien moi toi lui votre etes sommes fais veux'
  ).split(' '),
);

// Quebec forms are strong evidence: nobody writes "pi2" or "icitte" in English.
const QUEBEC_FORMS =
  /\b(allo|svp|pi2|chu|icitte|magasiner|magasine|soumissions?|courriels?|cellulaire|fin de semaine|pis|tsé|tse|correct la)\b/g;
const FRENCH_ELISIONS = /\b(j|d|l|qu|c|n|s|m|t|jusqu|lorsqu|puisqu)'(?=[a-z])/g;
const ENGLISH_CONTRACTIONS =
  /\b(i'm|i've|i'd|i'll|don't|doesn't|didn't|can't|won't|isn't|aren't|wasn't|haven't|it's|we're|we've|we'll|you're|you'll|that's|there's|let's|what's|couldn't|wouldn't|shouldn't)\b/g;
const FRENCH_DIACRITICS = /[àâçéèêëîïôûùüÿœ]/g;

/**
 * The language a message is written in. The form's language only breaks a tie: a message
 * too short or too mixed to lean either way.
 */
export function detectLanguage(text: LeadText, formLanguage?: Language): Language {
  let english = 0;
  let french = 0;
  for (const word of text.words) {
    if (ENGLISH_WORDS.has(word)) english += 1;
    if (FRENCH_WORDS.has(word)) french += 1;
  }
  french += 2 * count(text.folded, QUEBEC_FORMS);
  french += 1.5 * count(text.folded, FRENCH_ELISIONS);
  english += 1.5 * count(text.folded, ENGLISH_CONTRACTIONS);
  french += Math.min(3, 0.5 * count(text.raw.toLowerCase(), FRENCH_DIACRITICS));

  const lead = french - english;
  if (Math.abs(lead) < 1) return formLanguage ?? (lead > 0 ? 'fr' : 'en');
  return lead > 0 ? 'fr' : 'en';
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
