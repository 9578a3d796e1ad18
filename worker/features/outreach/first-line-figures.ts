import type { Language } from '../../../schema/vocabulary';
import { DEFAULT_TIME_ZONE } from '../../platform/local-time';
import { duration, type FormTestFacts } from './first-line';
import { alternation, blank, wordPattern } from './first-line-text';
import {
  DURATION_QUALIFIERS,
  DURATION_UNITS,
  MONTHS,
  MONTHS_NOT_ALONE,
  NUMBER_WORDS,
  QUANTITY_WORDS,
  RELATIVE_DAYS,
  VAGUE_QUANTITIES,
  WEEKDAYS,
} from './first-line-words';

/**
 * The figures of a first line, read against the form test's: a date must be the day the
 * inquiry was sent, a duration the answer's delay or the silence's length as a reader would
 * round it ("26 hours", "more than a day", never "3 days"), and any other number one of
 * theirs. Nothing else in the facts has a number. Pure.
 */

/** The day a form test was sent, as the offline writer writes it ("24 novembre", "November 24"). */
export const dayOf = (date: Date, language: Language) =>
  new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    day: 'numeric',
    month: 'long',
    timeZone: DEFAULT_TIME_ZONE,
  }).format(date);

const MONTH_INDEX = new Map(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const MONTH = alternation([...MONTH_INDEX.keys()]);
const MONTH_ALONE = wordPattern(MONTHS.flat().filter((name) => !MONTHS_NOT_ALONE.has(name)));
const WEEKDAY_INDEX = new Map(WEEKDAYS.flatMap((names, index) => names.map((name) => [name, index] as const)));
const DAY_THEN_MONTH = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th|er|re)?\\s+(?:of\\s+)?(${MONTH})\\.?(?![\\p{L}])`,
  'giu',
);
const MONTH_THEN_DAY = new RegExp(`(?<![\\p{L}])(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])`, 'giu');
const YEAR = /(?<!\p{N})(?:19|20)\d{2}(?!\p{N})/gu;

const QUALIFIER = alternation(Object.keys(DURATION_QUALIFIERS));
const SPOKEN_UNITS = Object.keys(DURATION_UNITS).filter((unit) => unit !== 'h' && unit !== 'min' && unit !== 'mins');
const DIGIT_DURATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${QUALIFIER})\\s+)?(\\d+(?:[.,]\\d+)?)\\s*(${alternation(Object.keys(DURATION_UNITS))})(?![\\p{L}])`,
  'giu',
);
const WORD_DURATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${QUALIFIER})\\s+)?(${alternation([...VAGUE_QUANTITIES, 'half an', 'half a', 'une demi-', 'demi-', ...Object.keys(QUANTITY_WORDS)])})(?:\\s+|(?<=-))(${alternation(SPOKEN_UNITS)})(?![\\p{L}])`,
  'giu',
);

interface LocalDay {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

function localDay(date: Date): LocalDay {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: DEFAULT_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'long',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    weekday: WEEKDAY_INDEX.get(part('weekday').toLowerCase()) ?? -1,
  };
}

interface FactDuration {
  minutes: number;
  fact: string;
}

function durationHolds(
  fact: number,
  claimed: number,
  unit: number,
  qualifier: string | undefined,
  vague: boolean,
): boolean {
  if (vague) return Math.round(fact / unit) >= 2 && Math.round(fact / unit) <= 9;
  switch (qualifier ? DURATION_QUALIFIERS[qualifier.toLowerCase().replace(/\s+/g, ' ')] : undefined) {
    case 'more':
      return fact >= claimed;
    case 'less':
      return fact <= claimed;
    case 'almost':
      return fact <= claimed && fact >= 0.75 * claimed;
    case 'about':
      return Math.abs(fact - claimed) <= Math.max(unit / 2, 0.15 * claimed);
    default:
      // As the reader rounds it: 26 hours is "26 hours" or "a day", never "24 hours" or "3 days".
      return Math.abs(fact - claimed) <= unit / 2;
  }
}

/**
 * Reads the dates, durations and numbers of `work` (the folded line; `line`, as written, for
 * the reasons), adding what each cites or why it is refused; returns `work` without them.
 * `test` is the form test the line may speak of, or null.
 */
export function readFigures(
  work: string,
  line: string,
  test: FormTestFacts | null,
  language: Language,
  reasons: Set<string>,
  cited: Set<string>,
): string {
  const written = (match: RegExpMatchArray) => line.slice(match.index, match.index! + match[0].length).trim();
  // Dates: only the day the form test was sent.
  const sent = test ? localDay(test.submittedAt) : null;
  const sentDay = test ? dayOf(test.submittedAt, language) : '';
  const dated = (match: RegExpMatchArray, holds: (day: LocalDay) => boolean) => {
    const said = written(match);
    if (!sent) reasons.add(`it names a date (“${said}”), but no form test dates anything`);
    else if (holds(sent)) cited.add('form_test.submitted_at');
    else reasons.add(`“${said}” is not the day the form test was sent (${sentDay})`);
  };
  const monthOf = (name: string) => MONTH_INDEX.get(name.toLowerCase().replace(/\s+/g, ' '));
  work = blank(work, DAY_THEN_MONTH, (m) =>
    dated(m, (day) => day.day === Number(m[1]) && day.month === monthOf(m[2]!)),
  );
  work = blank(work, MONTH_THEN_DAY, (m) =>
    dated(m, (day) => day.day === Number(m[2]) && day.month === monthOf(m[1]!)),
  );
  work = blank(work, MONTH_ALONE, (m) => dated(m, (day) => day.month === monthOf(m[0])));
  work = blank(work, wordPattern([...WEEKDAY_INDEX.keys()]), (m) =>
    dated(m, (day) => day.weekday === WEEKDAY_INDEX.get(m[0].toLowerCase())),
  );
  work = blank(work, YEAR, (m) => dated(m, (day) => day.year === Number(m[0])));
  const relative = work.toLowerCase().match(RELATIVE_DAYS);
  if (relative) {
    reasons.add(`it dates something from today (“${relative[0]}”), which is wrong by the time it is read`);
  }

  // Durations: the answer's delay or the silence's length, as the reader would round it.
  const durations: FactDuration[] = [];
  if (test?.responseMinutes != null)
    durations.push({ minutes: test.responseMinutes, fact: 'form_test.response_minutes' });
  if (test?.status === 'timeout') durations.push({ minutes: test.waitedMinutes!, fact: 'form_test.waited_minutes' });
  const known = durations.map((item) => duration(item.minutes, language)).join(', ');
  const timed = (
    match: RegExpMatchArray,
    qualifier: string | undefined,
    quantity: number,
    unitName: string,
    vague: boolean,
  ) => {
    const said = written(match);
    const unit = DURATION_UNITS[unitName.toLowerCase()] ?? 1;
    const held = durations.find((item) => durationHolds(item.minutes, quantity * unit, unit, qualifier, vague));
    if (held) cited.add(held.fact);
    else if (durations.length === 0) reasons.add(`it gives a duration (“${said}”), but the facts hold none`);
    else reasons.add(`“${said}” is not a duration the facts hold (${known})`);
  };
  work = blank(work, DIGIT_DURATION, (m) => timed(m, m[1], Number(m[2]!.replace(',', '.')), m[3]!, false));
  work = blank(work, WORD_DURATION, (m) => {
    const spoken = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const vague = VAGUE_QUANTITIES.includes(spoken);
    const quantity = spoken.includes('demi') || spoken.startsWith('half') ? 0.5 : (QUANTITY_WORDS[spoken] ?? 1);
    timed(m, m[1], quantity, m[3]!, vague);
  });

  // Any other number must be one the facts display.
  const numbers = new Set<number>();
  if (sent) for (const value of [sent.day, sent.year]) numbers.add(value);
  for (const { minutes } of durations) for (const unit of [1, 60, 1440]) numbers.add(Math.round(minutes / unit));
  for (const match of work.matchAll(/\d+(?:[.,]\d+)?/g)) {
    if (!numbers.has(Number(match[0].replace(',', '.')))) reasons.add(`the number ${match[0]} is not in the facts`);
  }
  for (const match of work.matchAll(wordPattern(Object.keys(NUMBER_WORDS)))) {
    if (!numbers.has(NUMBER_WORDS[match[0].toLowerCase()]!))
      reasons.add(`“${written(match)}” is not a number in the facts`);
  }
  return work;
}
