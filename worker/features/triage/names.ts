// Words that make a "name" an organisation's: vendors and spammers fill the name field with
// their company, and "Rank" is not how to address "Rank Higher SEO".
const ORGANISATION_WORDS =
  /\b(seo|inc|ltd|llc|ltee|enr|corp|pro|leads|marketing|media|agency|agence|solutions|services|group|groupe|digital|web|tech|bonus|crypto|promo|team|equipe|support|info|sales|ventes|boost|reviews|from|chez|studio|consulting|conseil)\b/i;
const TITLES = /^(mr|mrs|ms|miss|dr|m|mme|mlle|me|monsieur|madame|maître|maitre)\.?\s+/i;

/**
 * How to call the lead in a summary or a greeting: the first given name ("Jean-François"),
 * an organisation's full name, or null when the name field holds nothing usable.
 */
export function addressName(name: string): string | null {
  const cleaned = name
    .replace(/[<>"{}[\]\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/\p{L}/u.test(cleaned)) return null;
  if (ORGANISATION_WORDS.test(cleaned)) return cleaned.slice(0, 60);
  const withoutTitle = cleaned.replace(TITLES, '');
  const first = withoutTitle.split(' ')[0] ?? withoutTitle;
  return capitalise(first.slice(0, 40));
}

/** The whole name, cleaned, for formal greetings ("Dear Julie Tremblay,"). */
export function fullName(name: string): string | null {
  const cleaned = name
    .replace(/[<>"{}[\]\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return /\p{L}/u.test(cleaned) ? cleaned.slice(0, 80) : null;
}

function capitalise(word: string): string {
  return word === word.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
