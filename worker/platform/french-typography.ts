/**
 * Quebec French typography for the text Avenir writes (insights, alerts), without I/O: a no-break space
 * before the colon and inside « », a narrow one before ; ? !, and the typographic
 * apostrophe. Applied to finished text, so every writer (the deterministic one, OpenAI,
 * the digest) gets the same rules without writing them into each sentence.
 */

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

export function frenchTypography(text: string): string {
  return text
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    .replace(/[ \u00a0\u202f]*:(?=\s|$)/gu, (match, offset: number) =>
      offset === 0 || match === ':' ? ':' : `${NBSP}:`,
    )
    .replace(/[ \u00a0\u202f]+([;?!])/gu, `${NARROW_NBSP}$1`)
    .replace(/«[ \u00a0\u202f]*/gu, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/gu, `${NBSP}»`);
}
