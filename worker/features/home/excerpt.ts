/** The start of a text for a glance, without I/O. */

/** The longest excerpt, in characters (code points), the "…" included. */
export const EXCERPT_LENGTH = 160;

/**
 * `text` on one line, at most `length` characters: whitespace runs become one space, and a
 * longer text is cut at the last word boundary that fits (mid-word only when one word fills
 * it all) and ends with "…". Counted in code points, so an emoji is never cut in half.
 */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= length) return flat;
  // One character more than fits: a space there means the word before it ends in time.
  const head = chars.slice(0, length).join('');
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace > 0 ? head.slice(0, lastSpace) : chars.slice(0, length - 1).join('');
  return `${cut.replace(/[\s.,;:!?…-]+$/u, '')}…`;
}
