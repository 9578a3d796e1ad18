/**
 * Cues are regular expressions over folded text (lower case, no accents, straight
 * apostrophes), each with the weight of the evidence it gives. A cue counts once per message:
 * repeating a word does not make a message more of anything.
 */
export interface Cue {
  pattern: RegExp;
  weight: number;
}

export interface Match {
  index: number;
  length: number;
}

export function scoreCues(folded: string, cues: readonly Cue[]): number {
  let score = 0;
  for (const cue of cues) if (cue.pattern.test(folded)) score += cue.weight;
  return score;
}

/** The earliest match of any of the patterns. */
export function firstMatch(folded: string, patterns: readonly RegExp[]): Match | null {
  let best: Match | null = null;
  for (const pattern of patterns) {
    const found = nonGlobal(pattern).exec(folded);
    if (found && (best === null || found.index < best.index)) best = { index: found.index, length: found[0].length };
  }
  return best;
}

/** Every match of the patterns, earliest first, overlapping ones dropped. */
export function allMatches(folded: string, patterns: readonly RegExp[]): Match[] {
  const found: Match[] = [];
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const match of folded.matchAll(global)) {
      if (match[0].length > 0) found.push({ index: match.index, length: match[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: Match[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (!last || match.index >= last.index + last.length) kept.push(match);
  }
  return kept;
}

/** The text with the matches blanked out, same length, so offsets still line up. */
export function blankOut(folded: string, matches: readonly Match[]): string {
  let text = folded;
  for (const { index, length } of matches)
    text = text.slice(0, index) + ' '.repeat(length) + text.slice(index + length);
  return text;
}

function nonGlobal(pattern: RegExp): RegExp {
  return pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
}
