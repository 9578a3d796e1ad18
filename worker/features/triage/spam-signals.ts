import type { LeadText } from './normalize';

// A link, or a bare domain name (not the end of an email address).
const LINK =
  /\bhttps?:\/\/|\bwww\.|(?<![@\w.-])[a-z0-9-]+\.(com|net|org|ru|xyz|biz|info|io|ly|top|click|co|site|online|shop|live|example)\b(\/\S*)?/g;
// A shortened link hides where it goes; a business's own customers have no reason to.
const SHORTENED_LINK = /\b(bit\.ly|tinyurl\.com|t\.co|goo\.gl|cutt\.ly|rb\.gy|is\.gd|ow\.ly|shorturl\.at)\//;
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'];
const MASH_WINDOWS = KEYBOARD_ROWS.flatMap((row) =>
  Array.from({ length: Math.max(0, row.length - 4) }, (_, i) => row.slice(i, i + 5)),
);
// Four letters are enough at the start of a word: no word in either language begins "asdf".
const MASH_STARTS = /^(asdf|qwer|zxcv|hjkl|azer|qsdf|wxcv)/;
const REPEATED_LETTER = /(\p{L})\1{4,}/u;
const PHISHING_ASK =
  /\b(update|mettez a jour|mettre a jour|pay|payer|payez|verify|verifie[rz]|confirm|confirme[rz]|log ?in|sign in|connectez-vous)\b/;
const MONEY_BAIT = /(\$\s?\d|\d\s?\$|\b(free|gratuit|win|gagne[rz]?|bonus|cash|prize|prix)\b)/;

/**
 * Evidence of junk that no word list catches: several links, keyboard mashing, a message
 * shouted in capitals about money. Added to the spam intent's score.
 */
export function spamSignalScore(text: LeadText): number {
  let score = 0;
  const links = text.folded.match(LINK)?.length ?? 0;
  if (links >= 2) score += 2;
  else if (links === 1 && MONEY_BAIT.test(text.folded)) score += 1;
  // A link that asks you to pay, verify or log in is the shape of phishing.
  if (links >= 1 && PHISHING_ASK.test(text.folded)) score += 2;
  if (SHORTENED_LINK.test(text.folded)) score += 1.5;

  const longWords = text.words.filter((word) => word.length >= 3 && !/^\d+$/.test(word));
  // Short vowel-less words are abbreviations ("svp", "cv", "crm"); long ones are mashing.
  const mashed = longWords.filter(
    (word) =>
      MASH_WINDOWS.some((window) => word.includes(window)) ||
      MASH_STARTS.test(word) ||
      REPEATED_LETTER.test(word) ||
      // "100kg", "rav4": a figure with its unit or a model name, not a vowel-less mash.
      (word.length >= 5 && !/[aeiouy]/.test(word) && !/\d/.test(word)),
  );
  if (mashed.length > 0 && mashed.length >= longWords.length / 3) score += 3;
  else if (mashed.length > 0) score += 2;

  const letters = text.raw.replace(/[^\p{L}]/gu, '');
  const capitals = letters.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 12 && capitals.length / letters.length > 0.5 && MONEY_BAIT.test(text.folded)) score += 2;
  return score;
}
