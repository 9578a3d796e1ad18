import * as v from 'valibot';
import {
  INTENT_KEYS,
  type IntentKey,
  LANGUAGES,
  LEAD_ACTION_TYPES,
  type LeadActionType,
  URGENCIES,
  type Urgency,
} from '../../../schema/vocabulary';
import { localized } from '../../platform/http/validate';

/**
 * The inbox's query strings and keyset cursors, without I/O: what the list and activity
 * routes accept, and how a page's last row becomes the opaque `cursor` of the next page.
 */

export const LEAD_STATUSES = ['active', 'archived', 'spam', 'deleted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_SORTS = ['newest', 'oldest', 'urgency'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Sort rank of an urgency: High first, leads not yet triaged last. */
export const urgencyRank = (urgency: Urgency | null): number => {
  const rank = urgency === null ? -1 : URGENCIES.indexOf(urgency);
  return rank === -1 ? URGENCIES.length : rank;
};

/**
 * Where the next page starts: the last row's sort key and id. `at` is the timestamp as
 * Postgres printed it, to the microsecond: a JS Date keeps only milliseconds, and rows
 * created within the same millisecond would be skipped or repeated.
 */
export interface Cursor {
  /** The sort the cursor was made for; a cursor is refused under another sort. */
  sort: LeadSort | 'activity';
  /** urgencyRank, for the urgency sort. */
  rank?: number;
  at: string;
  id: string;
}

const cursorShape = v.object({
  sort: v.picklist([...LEAD_SORTS, 'activity']),
  rank: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(URGENCIES.length))),
  at: v.pipe(v.string(), v.isoTimestamp()),
  id: v.pipe(v.string(), v.uuid()),
});

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    return null;
  }
}

export const encodeCursor = (cursor: Cursor): string => toBase64Url(JSON.stringify(cursor));

/** The cursor, or null when it is not one of ours or was made for another sort. */
export function decodeCursor(text: string, sort: Cursor['sort']): Cursor | null {
  const json = fromBase64Url(text);
  if (json === null || json.length > 500) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = v.safeParse(cursorShape, value);
  if (!parsed.success || parsed.output.sort !== sort) return null;
  // A cursor names a row's real timestamp; one edited to "2026-02-31" or year 0 names none.
  if (!realInstant(parsed.output.at)) return null;
  if ((sort === 'urgency') !== (parsed.output.rank !== undefined)) return null;
  return parsed.output;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * The instants a filter or cursor may name: those with a four-digit year after any offset,
 * which every layer reads alike. Past them, JS writes "+010000-…", which Postgres refuses,
 * and year 0 exists in neither calendar.
 */
const EARLIEST = new Date('0001-01-01T00:00:00Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/** Whether `day` (YYYY-MM-DD) is a day of the calendar: "2026-02-31" is not, though Date reads it as March 3. */
const isCalendarDay = (day: string) => {
  const at = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day;
};

/**
 * The instant an ISO date or date-time names, or null when it names none that can be
 * stored: a day that does not exist, an hour past 23, an offset past ±14:00, a year
 * outside 0001–9999 once the offset applied. The one check of every date at the edge.
 */
export function realInstant(text: string): Date | null {
  const dateOnly = DATE_ONLY.test(text);
  const parts = dateOnly ? null : DATE_TIME.exec(text);
  if (!dateOnly && !parts) return null;
  if (!isCalendarDay(dateOnly ? text : parts![1]!)) return null;
  if (parts) {
    const [hour, minute, second, offsetHours, offsetMinutes] = [2, 3, 4, 6, 7].map((i) => Number(parts[i] ?? 0));
    if (hour! > 23 || minute! > 59 || second! > 59 || offsetHours! > 14 || offsetMinutes! > 59) return null;
  }
  const at = new Date(dateOnly ? `${text}T00:00:00Z` : text);
  const time = at.getTime();
  return Number.isNaN(time) || time < EARLIEST || time > LATEST ? null : at;
}

/**
 * A `from`/`to` bound: a date (UTC day) or a date-time with its offset. A date-only `to`
 * includes that whole day, as a person picking "to the 12th" means; the bound returned is
 * then exclusive (the next midnight), or the day's last millisecond on 9999-12-31. Null
 * when the text is no real, storable instant.
 */
export function parseDateBound(text: string, side: 'from' | 'to'): { at: Date; inclusive: boolean } | null {
  const at = realInstant(text);
  if (!at) return null;
  if (side === 'to' && DATE_ONLY.test(text)) {
    const nextMidnight = at.getTime() + 86_400_000;
    return nextMidnight > LATEST
      ? { at: new Date(LATEST), inclusive: true }
      : { at: new Date(nextMidnight), inclusive: false };
  }
  return { at, inclusive: true };
}

const oneOf = <T extends string>(values: readonly T[], en: string, fr: string) =>
  v.picklist(values as T[], localized(`${en}: ${values.join(', ')}.`, `${fr} : ${values.join(', ')}.`));

const dateBound = (side: 'from' | 'to') =>
  v.pipe(
    v.string(),
    v.check(
      (text) => parseDateBound(text, side) !== null,
      localized(
        'Use an ISO date, e.g. 2026-03-14 or 2026-03-14T09:30:00Z.',
        'Utilisez une date ISO, p. ex. 2026-03-14 ou 2026-03-14T09:30:00Z.',
      ),
    ),
  );

const pageSize = v.pipe(
  v.optional(v.string(), String(DEFAULT_PAGE_SIZE)),
  v.regex(
    /^\d{1,3}$/,
    localized(`Use a limit from 1 to ${MAX_PAGE_SIZE}.`, `Utilisez une limite de 1 à ${MAX_PAGE_SIZE}.`),
  ),
  v.transform(Number),
  v.minValue(1, localized(`Use a limit from 1 to ${MAX_PAGE_SIZE}.`, `Utilisez une limite de 1 à ${MAX_PAGE_SIZE}.`)),
  v.maxValue(
    MAX_PAGE_SIZE,
    localized(`Use a limit from 1 to ${MAX_PAGE_SIZE}.`, `Utilisez une limite de 1 à ${MAX_PAGE_SIZE}.`),
  ),
);

export const INVALID_CURSOR_MESSAGE = {
  en: 'This page link is out of date. Start again from the first page.',
  fr: 'Ce lien de page est périmé. Recommencez à la première page.',
} as const;

const cursorText = v.pipe(
  v.string(localized(INVALID_CURSOR_MESSAGE.en, INVALID_CURSOR_MESSAGE.fr)),
  v.maxLength(1_000, localized(INVALID_CURSOR_MESSAGE.en, INVALID_CURSOR_MESSAGE.fr)),
);

/** `GET /api/app/leads` query string. */
export const leadListQuery = v.object({
  status: v.optional(oneOf(LEAD_STATUSES, 'Use a status among', 'Utilisez un statut parmi'), 'active'),
  tag: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1, localized('Name a tag.', 'Nommez une étiquette.')),
      v.maxLength(40, localized('Use at most 40 characters.', 'Utilisez au plus 40 caractères.')),
    ),
  ),
  urgency: v.optional(oneOf(URGENCIES, 'Use an urgency among', 'Utilisez une urgence parmi')),
  intent: v.optional(oneOf<IntentKey>(INTENT_KEYS, 'Use an intent among', 'Utilisez une intention parmi')),
  language: v.optional(oneOf(LANGUAGES, 'Use a language among', 'Utilisez une langue parmi')),
  from: v.optional(dateBound('from')),
  to: v.optional(dateBound('to')),
  test: v.optional(
    v.pipe(
      oneOf(['0', '1'], 'Use', 'Utilisez'),
      v.transform((flag) => flag === '1'),
    ),
    '0',
  ),
  q: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(200, localized('Search with at most 200 characters.', 'Cherchez avec au plus 200 caractères.')),
    ),
  ),
  sort: v.optional(oneOf(LEAD_SORTS, 'Use a sort among', 'Utilisez un tri parmi'), 'newest'),
  cursor: v.optional(cursorText),
  limit: pageSize,
});
export type LeadListQuery = v.InferOutput<typeof leadListQuery>;

/** `GET /api/app/leads/export.csv` query string: the list's filters and sort, every page. */
export const leadExportQuery = v.omit(leadListQuery, ['cursor', 'limit']);
/** The filters and sort of a lead query, what the list and the export share. */
export type LeadFilterQuery = v.InferOutput<typeof leadExportQuery>;

/** `GET /api/app/activity` query string. */
export const activityQuery = v.object({
  action: v.optional(oneOf<LeadActionType>(LEAD_ACTION_TYPES, 'Use an action among', 'Utilisez une action parmi')),
  from: v.optional(dateBound('from')),
  to: v.optional(dateBound('to')),
  cursor: v.optional(cursorText),
  limit: pageSize,
});
export type ActivityQuery = v.InferOutput<typeof activityQuery>;
