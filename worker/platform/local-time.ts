/**
 * Days in the reader's time zone, without I/O: where a local day starts, as an instant,
 * computed with Intl (the browser's IANA name) rather than by Postgres, whose time zone
 * database may not know every name Intl accepts.
 */

export const DEFAULT_TIME_ZONE = 'America/Toronto';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The canonical name of a time zone Intl knows (`asia/tokyo` → `Asia/Tokyo`), or null when
 * it knows none by that name.
 */
export function timeZoneNamed(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at `instant` (milliseconds since the epoch). */
export function localTime(timeZone: string, instant: number): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in milliseconds (whole seconds). */
function offsetAt(timeZone: string, instant: number): number {
  const local = localTime(timeZone, instant);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The day of the week in `timeZone` at `instant`: 0 is Sunday, 6 Saturday. */
export function localWeekday(timeZone: string, instant: number): number {
  return new Date(calendarDay(localTime(timeZone, instant))).getUTCDay();
}

/** A calendar day, as the UTC midnight that names it (so days add and compare as numbers). */
const calendarDay = (local: Pick<LocalTime, 'year' | 'month' | 'day'>) =>
  Date.UTC(local.year, local.month - 1, local.day);

/**
 * The first instant of the calendar day `day` (a UTC midnight naming it) in `timeZone`.
 * Usually its local midnight; when the clocks skip midnight (a change of offset at 00:00),
 * the instant they jump. The offset in force then is the one before or the one after the
 * day's only change, so the answer is the earliest of the two candidates that falls on `day`.
 */
function startOfCalendarDay(timeZone: string, day: number): number {
  const offsets = new Set([offsetAt(timeZone, day - 14 * HOUR_MS), offsetAt(timeZone, day + 14 * HOUR_MS)]);
  const onDay = [...offsets]
    .map((offset) => day - offset)
    .filter((instant) => calendarDay(localTime(timeZone, instant)) === day);
  // Unreachable with a real time zone (one of the candidates is always on the day); the
  // local midnight as if no change happened is the closest answer.
  return onDay.length > 0 ? Math.min(...onDay) : day - offsetAt(timeZone, day);
}

/** The first instant of the day `now` falls on in `timeZone`, `daysBefore` days earlier. */
export function startOfLocalDay(timeZone: string, now: Date, daysBefore = 0): Date {
  const today = calendarDay(localTime(timeZone, now.getTime()));
  return new Date(startOfCalendarDay(timeZone, today - daysBefore * DAY_MS));
}

/** The first instant of the calendar date `date` (YYYY-MM-DD) in `timeZone`; null when it is not a real date. */
export function startOfLocalDate(timeZone: string, date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const named = Date.UTC(year, month - 1, day);
  const check = new Date(named);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(startOfCalendarDay(timeZone, named));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The first instant of the Monday of the week `now` falls in, in `timeZone` (weeks start on Monday, as in Quebec). */
export function startOfLocalWeek(timeZone: string, now: Date): Date {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(now);
  const sinceMonday = (WEEKDAYS.indexOf(weekday) + 6) % 7;
  return startOfLocalDay(timeZone, now, sinceMonday);
}
