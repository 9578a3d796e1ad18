import type { LeadText } from './normalize';

// Evaluative words only: "broken" or "leak" describe a problem, not how the lead feels about
// the business, and belong to support.
const POSITIVE =
  /\b(amazing|awesome|beautiful|brilliant|excellent|fantastic|fabulous|glad|grateful|great|happy|impressed|incredible|kind|lovely|loved?|outstanding|perfect|phenomenal|pleased|professional|remarkable|stellar|superb|terrific|thank|thanks|thrilled|wonderful|wow|bravo|content|contente|contents|enchantee?|excellente?|fantastique|formidable|genial|geniale|gentil|gentille|heureux|heureuse|impeccable|incroyable|magnifique|merci|merveilleux|merveilleuse|parfait|parfaite|ravie?|reconnaissante?|remarquable|satisfaite?|splendide|super)\b/g;
const NEGATIVE =
  /\b(again|angry|awful|bad|careless|disappointing|disappointed|horrible|incorrect|mediocre|poor|poorly|sloppy|terrible|unhappy|unprofessional|upset|useless|worse|worst|wrong|decevant|decevante|decue?|fachee?|froid|froide|insatisfaite?|lamentable|mauvais|mauvaise|mediocre|mecontente?|minable|nul|nulle|pire|encore une fois|de nouveau|pas contente?|pas satisfaite?|mal fait|mal faite)\b/g;

export interface Sentiment {
  positive: number;
  negative: number;
}

/** How many praising and how many disapproving words the lead used. */
export function sentimentOf(text: LeadText): Sentiment {
  return {
    positive: text.folded.match(POSITIVE)?.length ?? 0,
    negative: text.folded.match(NEGATIVE)?.length ?? 0,
  };
}

/** Words of four letters or more in capitals; shorter ones are acronyms ("CV", "TPS", "RAV4"). */
const SHOUTED_WORD = /\b\p{Lu}{4,}\b/gu;

/** The lead writes in capitals: the whole message, or several words of it. */
export function shouts(text: LeadText): boolean {
  const letters = text.raw.replace(/[^\p{L}]/gu, '');
  const capitals = letters.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 20 && capitals.length / letters.length > 0.5) return true;
  return (text.raw.match(SHOUTED_WORD)?.length ?? 0) >= 2;
}
