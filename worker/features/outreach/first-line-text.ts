/**
 * How the first-line checker reads a line: folded once, then read by patterns, each match
 * blanked out once read, so that no later reading sees it again (a date's day is not also
 * "a number", a tool's name not also "a proper noun"). Pure.
 */

/**
 * Accents go (the word lists are written without them), case stays (proper nouns need it),
 * apostrophes and spaces become plain ones. Every character stays one character, so an
 * index in the folded line is an index in the line as written.
 */
export const fold = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\p{L}/gu, (letter) => letter.normalize('NFD').replace(/\p{M}/gu, '') || letter)
    .replace(/[’‘`]/g, "'")
    .replace(/\s/g, ' ');

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words as a regular expression's alternatives, longest first, any run of spaces between their words. */
export const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegExp(word).replace(/ /g, '\\s+'))
    .join('|');

/** Any of `words`, whole, never inside a longer word. */
export const wordPattern = (words: readonly string[], flags = 'giu') =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(words)})(?![\\p{L}\\p{N}])`, flags);

/** `text` with each match of `pattern` (global) blanked out, after `each` read it. */
export function blank(text: string, pattern: RegExp, each: (match: RegExpMatchArray) => void = () => {}): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    each(match);
    out += text.slice(last, match.index) + ' '.repeat(match[0].length);
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
}
