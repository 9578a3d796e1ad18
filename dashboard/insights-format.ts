import { type Lang, locale } from './i18n';

/**
 * How the Insights screen writes its figures, with Intl in the dashboard's language: the
 * API sends shares and rates already in percent (12.5 for 12.5 %), scores on 0–100 and
 * confidences on 0–1, each rounded as the analysis rounds it, so nothing here rounds
 * further than one decimal. French (Canada) gives "12,5 %" and "1 234", with the
 * non-breaking spaces Intl puts there.
 */

const cache = new Map<string, Intl.NumberFormat>();
/** One formatter per language and options: the screen formats hundreds of figures per render. */
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), options);
    cache.set(key, format);
  }
  return format;
}

/** A count: "1 234" in French, "1,234" in English. */
export const formatCount = (value: number, lang: Lang) => numberFormat(lang, {}).format(value);

/** A share or rate given in percent: "12,5 %" / "12.5%". */
export const formatShare = (percent: number, lang: Lang) =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);

/** A change in percent, signed: "+40 %", "−12,5 %", "0 %". */
export const formatChange = (percent: number, lang: Lang) =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(percent / 100);

/** A difference of two shares, in percentage points, signed: "+3,2" (the unit is the caller's words). */
export const formatPoints = (points: number, lang: Lang) =>
  numberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(points);

/** A 0–100 score: "72,5". */
export const formatScore = (score: number, lang: Lang) =>
  numberFormat(lang, { maximumFractionDigits: 1 }).format(score);

/** A 0–1 confidence as a percentage: "84,5 %". */
export const formatConfidence = (confidence: number, lang: Lang) =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(confidence);

/** A plain decimal (a weekly mean, a ratio): "2,5". */
export const formatDecimal = (value: number, lang: Lang) =>
  numberFormat(lang, { maximumFractionDigits: 1 }).format(value);

/**
 * A period [start, end) as the days it covers: "Nov 3–9, 2026" / "3–9 novembre 2026". The
 * end is exclusive (midnight after the last day), so the last day shown is the one before.
 */
export function formatDays(start: string, end: string, lang: Lang, timeZone?: string): string {
  const first = new Date(start);
  const last = new Date(Math.max(first.getTime(), new Date(end).getTime() - 1));
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).formatRange(
    first,
    last,
  );
}

/** A weekly window on an axis, by its first day: "Nov 3" / "3 nov.". */
export const formatWeek = (start: string, lang: Lang, timeZone?: string) =>
  new Intl.DateTimeFormat(locale(lang), {
    month: 'short',
    day: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(start));

/** A clock time: "2:05 p.m." / "14 h 05". */
export const formatTime = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { timeStyle: 'short' }).format(new Date(iso));
