import { addressName, fullName } from '../names';
import { foldText } from '../normalize';

/** Who the reply speaks to, as each voice needs it. */
export interface Addressee {
  /** "Julie", "Mme Tremblay" or an organisation's name; null when the name field was unusable. */
  first: string | null;
  /** "Julie Tremblay"; null when unusable. */
  full: string | null;
}

// What people type in a name field when they will not give one: greeting "Hi N/a!" is worse
// than a generic greeting.
const PLACEHOLDERS =
  /^(n ?\/? ?a|none|nil|null|test|testing|asdf\w*|qwerty|azerty|x+|abc|client|cliente|customer|anonymous|anonyme|inconnue?|unknown|me|moi|nobody|personne|aucune?|nom|name|your name|votre nom|\W+)$/;
const TITLE = /^(mr|mrs|ms|miss|dr|m|mme|mlle|me|monsieur|madame)\.?\s+(\S+)$/i;
const INITIAL = /^\p{L}\.?\s/u;
const HOUSEHOLD = /^(the|la|le|les|famille|family)\s/i;

/** The lead's name as a greeting can use it, or nulls when it is not a name. */
export function addresseeOf(name: string): Addressee {
  const cleaned = name
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>"{}[\]\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!usable(cleaned)) return { first: null, full: null };
  const written = properCase(inOrder(cleaned));
  // "Mme Tremblay": the lead chose the title, so it is how to address them. "J. Smith" and
  // "La famille Roy" have no given name to use alone.
  const whole = TITLE.test(written) || INITIAL.test(written) || HOUSEHOLD.test(written);
  return { first: whole ? written : addressName(written), full: fullName(written) };
}

/** "Tremblay, Marie" as she would be greeted: "Marie Tremblay". */
function inOrder(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name.replace(/,/g, ' ').trim();
}

function usable(name: string): boolean {
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 2 && !name.includes('@') && !PLACEHOLDERS.test(foldText(name));
}

/** "marie TREMBLAY" or "JEAN-FRANÇOIS O'BRIEN" as they would sign: capitals only where a name has them. */
function properCase(name: string): string {
  return name
    .split(' ')
    .map((word) => {
      const letters = word.replace(/[^\p{L}]/gu, '');
      // A short word in capitals is an acronym ("SEO", "RBC"), not shouting.
      const shouted = letters === letters.toUpperCase() && letters.length > 3;
      if (letters !== letters.toLowerCase() && !shouted) return word;
      return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, separator: string, letter: string) => {
        return separator + letter.toUpperCase();
      });
    })
    .join(' ');
}
