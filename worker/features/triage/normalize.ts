/**
 * A lead's message in the two forms the heuristics need: `raw`, the message with its
 * whitespace collapsed (what summaries quote), and `folded`, the same text lower-cased with
 * accents and curly apostrophes folded. Folding keeps one character for one character, so an
 * offset found in `folded` is the same offset in `raw`.
 */
export interface LeadText {
  raw: string;
  folded: string;
  /** Words of `folded`, elided articles split off ("j'aurais" → "j", "aurais"). */
  words: string[];
}

const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function readMessage(message: string): LeadText {
  // Whitespace first (a newline becomes a space), then the control characters left, which
  // would otherwise survive into summaries and replies.
  const raw = message
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
  const folded = restoreHyphens(foldText(raw));
  return { raw, folded, words: folded.match(/[a-z0-9œæ]+/g) ?? [] };
}

/** Lower case without accents, one output character per input UTF-16 unit. */
export function foldText(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    folded += foldChar(char);
  }
  return folded;
}

function foldChar(char: string): string {
  if (APOSTROPHES.test(char)) return "'";
  const lower = char.toLowerCase();
  if (lower.length !== 1) return char;
  const base = lower.normalize('NFD').replace(COMBINING_MARKS, '');
  return base.length === 1 ? base : lower;
}

// French questions invert with a hyphen that quick writers drop: "est ce que", "pouvez vous".
// The space becomes the hyphen again, one character for one, so offsets still line up; "vous
// pouvez vous inscrire" keeps its space, the verb there is not an inversion.
const DROPPED_HYPHENS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\best ce (?=que?\b|qu')/g, 'est-ce '],
  // `$2`: the lookbehind's group is the first one, and it never captures anything.
  [/(?<!\b(vous|nous) )\b([a-z]+(ez|ons)) (?=vous\b|nous\b)/g, '$2-'],
  [/\b(etes|faites) (?=vous\b)/g, '$1-'],
];

function restoreHyphens(folded: string): string {
  let text = folded;
  for (const [pattern, replacement] of DROPPED_HYPHENS) text = text.replace(pattern, replacement);
  return text;
}
