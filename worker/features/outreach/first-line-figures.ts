import type { Language } from '../../../schema/vocabulary';
import { DEFAULT_TIME_ZONE } from '../../platform/local-time';
import { duration, type FormTestFacts } from './first-line';
import type { LineProblems } from './first-line-reasons';
import { alternation, blank, wordPattern } from './first-line-text';
import {
  BARE_UNITS,
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
 * The figures of a first line, read against the form test's:
 * - a date must be the day the inquiry was sent ("November 24", "le 24 novembre", a month or
 *   a weekday alone); a year only inside such a full date ("November 24, 2026"): alone
 *   ("since 2026") it is refused even when it is the test's year;
 * - a duration must be the answer's delay or the silence's length as a reader would round it
 *   ("26 hours", "more than a day", never "3 days"); a unit without a number ("for weeks",
 *   "within hours", "pendant des jours") is a duration too, true of 2 to 9 of the unit;
 * - any other number is refused: nothing else in the facts has one, and a number that
 *   happens to equal the test's day or year ("24 reviews") is not that fact.
 * Pure.
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
/** A year after a day and month, making a full date: "November 24, 2026", "24 novembre 2026". */
const WITH_YEAR = '(?:,?\\s+((?:19|20)\\d{2})(?!\\p{N}))?';
const DAY_THEN_MONTH = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th|er|re)?\\s+(?:of\\s+)?(${MONTH})\\.?${WITH_YEAR}(?![\\p{L}])`,
  'giu',
);
const MONTH_THEN_DAY = new RegExp(
  `(?<![\\p{L}])(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])${WITH_YEAR}`,
  'giu',
);
const YEAR = /(?<!\p{N})(?:19|20)\d{2}(?!\p{N})/gu;

const QUALIFIER = alternation(Object.keys(DURATION_QUALIFIERS));
const SPOKEN_UNITS = Object.keys(DURATION_UNITS).filter((unit) => unit !== 'h' && unit !== 'min' && unit !== 'mins');
const DIGIT_DURATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${QUALIFIER})\\s+)?(\\d+(?:[.,]\\d+)?)(?:\\s*|-)(${alternation(Object.keys(DURATION_UNITS))})(?![\\p{L}])`,
  'giu',
);
const WORD_DURATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${QUALIFIER})\\s+)?(${alternation([...VAGUE_QUANTITIES, 'half an', 'half a', 'une demi-', 'demi-', ...Object.keys(QUANTITY_WORDS)])})(?:\\s+|(?<=-))(${alternation(SPOKEN_UNITS)})(?![\\p{L}])`,
  'giu',
);

const BARE_DURATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${QUALIFIER})\\s+)?(${alternation(Object.keys(BARE_UNITS))})(?![\\p{L}])`,
  'giu',
);

export interface LocalDay {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** The day `date` falls on in the business's time zone. */
export function localDay(date: Date): LocalDay {
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

/** A unit without a number: 2 to 9 of it, or under 10 after "within", "less than"… */
function bareHolds(fact: number, unit: number, qualifier: string | undefined): boolean {
  const count = fact / unit;
  const kind = qualifier ? DURATION_QUALIFIERS[qualifier.toLowerCase().replace(/\s+/g, ' ')] : undefined;
  if (kind === 'less') return count < 9.5;
  if (kind === 'more') return count >= 1.5;
  return count >= 1.5 && count < 9.5;
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
  problems: LineProblems,
  cited: Set<string>,
): string {
  const written = (match: RegExpMatchArray) => line.slice(match.index, match.index! + match[0].length).trim();
  // Dates: only the day the form test was sent.
  const sent = test ? localDay(test.submittedAt) : null;
  const sentDay = test ? dayOf(test.submittedAt, language) : '';
  const dated = (match: RegExpMatchArray, holds: (day: LocalDay) => boolean) => {
    const said = written(match);
    if (!sent) problems.add({ code: 'date_without_test', said });
    else if (holds(sent)) cited.add('form_test.submitted_at');
    else problems.add({ code: 'wrong_date', said, sentOn: sentDay });
  };
  const monthOf = (name: string) => MONTH_INDEX.get(name.toLowerCase().replace(/\s+/g, ' '));
  const yearHolds = (day: LocalDay, year: string | undefined) => year === undefined || day.year === Number(year);
  work = blank(work, DAY_THEN_MONTH, (m) =>
    dated(m, (day) => day.day === Number(m[1]) && day.month === monthOf(m[2]!) && yearHolds(day, m[3])),
  );
  work = blank(work, MONTH_THEN_DAY, (m) =>
    dated(m, (day) => day.day === Number(m[2]) && day.month === monthOf(m[1]!) && yearHolds(day, m[3])),
  );
  work = blank(work, MONTH_ALONE, (m) => dated(m, (day) => day.month === monthOf(m[0])));
  work = blank(work, wordPattern([...WEEKDAY_INDEX.keys()]), (m) =>
    dated(m, (day) => day.weekday === WEEKDAY_INDEX.get(m[0].toLowerCase())),
  );
  // A year alone is no date, whatever year it is: "in business since 2026".
  work = blank(work, YEAR, (m) => problems.add({ code: 'lone_year', said: written(m) }));
  const relative = RELATIVE_DAYS.exec(work.toLowerCase());
  if (relative) {
    problems.add({ code: 'relative_date', said: line.slice(relative.index, relative.index + relative[0].length) });
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
    report(said, held);
  };
  const report = (said: string, held: FactDuration | undefined) => {
    if (held) cited.add(held.fact);
    else if (durations.length === 0) problems.add({ code: 'duration_without_fact', said });
    else problems.add({ code: 'wrong_duration', said, known });
  };
  work = blank(work, DIGIT_DURATION, (m) => timed(m, m[1], Number(m[2]!.replace(',', '.')), m[3]!, false));
  work = blank(work, WORD_DURATION, (m) => {
    const spoken = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const vague = VAGUE_QUANTITIES.includes(spoken);
    const quantity = spoken.includes('demi') || spoken.startsWith('half') ? 0.5 : (QUANTITY_WORDS[spoken] ?? 1);
    timed(m, m[1], quantity, m[3]!, vague);
  });
  work = blank(work, BARE_DURATION, (m) => {
    const unit = BARE_UNITS[m[2]!.toLowerCase().replace(/\s+/g, ' ')] ?? 1;
    report(
      written(m),
      durations.find((item) => bareHolds(item.minutes, unit, m[1])),
    );
  });

  // Any other number: the facts hold none but the dates and durations read above.
  for (const match of work.matchAll(/\d+(?:[.,]\d+)?/g)) problems.add({ code: 'unknown_number', said: match[0] });
  for (const match of work.matchAll(wordPattern(Object.keys(NUMBER_WORDS)))) {
    problems.add({ code: 'unknown_number', said: written(match) });
  }
  return work;
}
