import type { TriageLabels } from '../../../schema/learning';
import type { ComponentDay, CorrectableField, FieldChange, PromptVariantView } from '../../../schema/learning-api';
import { CORRECTABLE_FIELDS } from '../../../schema/learning-api';
import type { MetricSource } from '../../../schema/vocabulary';

/**
 * The pure half of the staff screens' reads (staff-views.ts does the SQL): the days of a
 * window, a lead's excerpt, a correction's changes, which variant is in use, an A/B test's
 * decision, and the System screen's figures from raw rows and daily rollups. No I/O.
 */

const DAY_MS = 86_400_000;

/** The first day (UTC midnight) of a window of `days` days ending today. */
export const windowStart = (days: number, now: Date): Date =>
  new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);

/** Every day of the window, oldest first, as YYYY-MM-DD (UTC). */
export function windowDays(days: number, now: Date): string[] {
  const start = windowStart(days, now).getTime();
  return Array.from({ length: days }, (_, index) => new Date(start + index * DAY_MS).toISOString().slice(0, 10));
}

/** At most this many characters of a lead's message in the corrections feed. */
export const EXCERPT_LENGTH = 160;

/** A message on one line, cut at a word before `max` characters (the ellipsis included). */
export function excerpt(message: string, max = EXCERPT_LENGTH): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  const characters = [...flat];
  if (characters.length <= max) return flat;
  const cut = characters.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The changes a correction made: each corrected field, from the prediction's value to the client's. */
export function correctionChanges(
  corrected: readonly string[] | undefined,
  prediction: Partial<TriageLabels> | undefined,
  actual: Partial<TriageLabels> | undefined,
): FieldChange[] {
  const fields = CORRECTABLE_FIELDS.filter((field) => corrected?.includes(field));
  return fields.flatMap((field: CorrectableField) => {
    const to = actual?.[field];
    if (typeof to !== 'string') return [];
    const from = prediction?.[field];
    return [{ field, from: typeof from === 'string' ? from : null, to }];
  });
}

/** A share, or null when there is nothing to divide. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const count = (value: unknown): number => numberOrNull(value) ?? 0;

/**
 * Marks the variant new leads get outside a test, per prompt and language: the best-scoring
 * active one, the newest version among equals (prompt-variants.ts's rule).
 */
export function markInUse<T extends Omit<PromptVariantView, 'inUse'>>(
  variants: readonly T[],
): (T & { inUse: boolean })[] {
  const best = new Map<string, T>();
  for (const variant of variants) {
    if (!variant.isActive) continue;
    const key = `${variant.promptName}\u0000${variant.language}`;
    const current = best.get(key);
    if (!current || better(variant, current)) best.set(key, variant);
  }
  const chosen = new Set([...best.values()].map((variant) => variant.variantId));
  return variants.map((variant) => ({ ...variant, inUse: chosen.has(variant.variantId) }));
}

/** `order by score desc nulls last, variant_version desc`. */
function better(a: { score: number | null; version: number }, b: { score: number | null; version: number }): boolean {
  if (a.score !== b.score) {
    if (a.score === null) return false;
    if (b.score === null) return true;
    return a.score > b.score;
  }
  return a.version > b.version;
}

/** The components the System screen always shows, data or not; `queue` only when it has some. */
export const ALWAYS_SHOWN: readonly MetricSource[] = [
  'lead_api',
  'intelligence_engine',
  'translation_service',
  'mailer',
];
export const COMPONENT_ORDER: readonly MetricSource[] = [...ALWAYS_SHOWN, 'queue'];

/**
 * One component's figures on one day, from raw rows (`source: 'raw'`, percentiles exact) or
 * from a daily rollup (metadata {count, p50, p95, errors, fallbacks}; its count is the day's
 * response_time rows).
 */
export interface DayFigures {
  component: MetricSource;
  day: string;
  /** response_time rows. */
  answered: number;
  errors: number;
  fallbacks: number;
  p50: number | null;
  p95: number | null;
}

/**
 * A daily rollup row's metadata as figures (retention.ts writes one per day and key). A
 * response_time rollup counts calls (`count`), with their percentiles and any `errors` and
 * `fallbacks` it carries; an error_rate rollup counts failures (`count` rows, `fallbacks`
 * of them answered by another engine). A field that is not a number counts as none.
 */
export function rollupFigures(
  component: MetricSource,
  day: string,
  metricName: 'response_time' | 'error_rate',
  metadata: Record<string, unknown>,
): DayFigures {
  if (metricName === 'error_rate') {
    return {
      component,
      day,
      answered: 0,
      errors: count(metadata.count),
      fallbacks: count(metadata.fallbacks),
      p50: null,
      p95: null,
    };
  }
  return {
    component,
    day,
    answered: count(metadata.count),
    errors: count(metadata.errors),
    fallbacks: count(metadata.fallbacks),
    p50: numberOrNull(metadata.p50),
    p95: numberOrNull(metadata.p95),
  };
}

/** Raw and rollup figures of the same component and day added up (a day being rolled up has both). */
function merge(a: DayFigures, b: DayFigures): DayFigures {
  const answered = a.answered + b.answered;
  const weighted = (x: number | null, y: number | null) =>
    x === null ? y : y === null ? x : (x * a.answered + y * b.answered) / Math.max(1, answered);
  return {
    ...a,
    answered,
    errors: a.errors + b.errors,
    fallbacks: a.fallbacks + b.fallbacks,
    p50: weighted(a.p50, b.p50),
    p95: weighted(a.p95, b.p95),
  };
}

/**
 * A weighted percentile of days given only as (p50, p95, count): each day's calls placed half
 * at its median, 45 % midway to its p95 and 5 % at its p95. Exact for one day; an estimate
 * across days, used for a total only when some of its days are rollups.
 */
export function mixedPercentile(days: readonly DayFigures[], quantile: number): number | null {
  const points: { value: number; weight: number }[] = [];
  for (const day of days) {
    if (day.answered === 0 || day.p50 === null) continue;
    const p95 = day.p95 ?? day.p50;
    points.push({ value: day.p50, weight: day.answered * 0.5 });
    points.push({ value: (day.p50 + p95) / 2, weight: day.answered * 0.45 });
    points.push({ value: p95, weight: day.answered * 0.05 });
  }
  if (points.length === 0) return null;
  points.sort((a, b) => a.value - b.value);
  const total = points.reduce((sum, point) => sum + point.weight, 0);
  let seen = 0;
  for (const point of points) {
    seen += point.weight;
    if (seen >= quantile * total - 1e-9) return point.value;
  }
  return points.at(-1)!.value;
}

const rounded = (value: number | null) => (value === null ? null : Math.round(value));

function figuresOf(day: Omit<DayFigures, 'component' | 'day'>, component: MetricSource): Omit<ComponentDay, 'day'> {
  const calls = day.answered + day.errors;
  return {
    count: calls,
    p50Ms: rounded(day.p50),
    p95Ms: rounded(day.p95),
    errorRate: rate(day.errors, calls),
    fallbackRate: component === 'intelligence_engine' ? rate(day.fallbacks, calls) : null,
  };
}

export interface ExactTotal {
  component: MetricSource;
  p50: number | null;
  p95: number | null;
}

/**
 * The System screen's components: per day of the window (every day, zero where nothing ran)
 * and in total, the four main components always and the queue when it has data. `exact`
 * holds each component's percentiles over its raw rows, used as the total's when none of
 * its days is a rollup.
 */
export function systemComponents(
  days: readonly string[],
  figures: readonly DayFigures[],
  rollupComponents: ReadonlySet<MetricSource>,
  exact: readonly ExactTotal[],
) {
  const byKey = new Map<string, DayFigures>();
  for (const row of figures) {
    const key = `${row.component} ${row.day}`;
    const existing = byKey.get(key);
    byKey.set(key, existing ? merge(existing, row) : row);
  }
  const components = COMPONENT_ORDER.filter(
    (component) => ALWAYS_SHOWN.includes(component) || figures.some((row) => row.component === component),
  );
  return components.map((component) => {
    const own = days.flatMap((day) => {
      const row = byKey.get(`${component} ${day}`);
      return row ? [row] : [];
    });
    const sum = (pick: (row: DayFigures) => number) => own.reduce((total, row) => total + pick(row), 0);
    const precise = exact.find((row) => row.component === component);
    const useExact = !rollupComponents.has(component) && precise;
    const total = figuresOf(
      {
        answered: sum((row) => row.answered),
        errors: sum((row) => row.errors),
        fallbacks: sum((row) => row.fallbacks),
        p50: useExact ? precise.p50 : mixedPercentile(own, 0.5),
        p95: useExact ? precise.p95 : mixedPercentile(own, 0.95),
      },
      component,
    );
    const byDay = days.map((day): ComponentDay => {
      const row = byKey.get(`${component} ${day}`);
      return {
        day,
        ...figuresOf(row ?? { answered: 0, errors: 0, fallbacks: 0, p50: null, p95: null }, component),
      };
    });
    return { component, total, byDay };
  });
}
