import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorText } from './api';
import { fraction, labelStride, linePath, showsLabel, ticks } from './charts/scale';
import { type ChartTone, toneClass } from './charts/tone';
import { useWidth } from './charts/use-width';
import { ValueGrid } from './charts/value-grid';
import { type Lang, locale, type Strings } from './i18n';
import './strings/staff';

/**
 * What the three staff screens of the learning loop share: their figures written the
 * dashboard's way (Intl in the screen's language), the window of days in the address, the
 * load of a view with its error in words, and a chart of several lines over days.
 */

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), options);
    formats.set(key, format);
  }
  return format;
}

/** A count: "1 234" / "1,234". */
export const count = (value: number, lang: Lang) => numberFormat(lang, {}).format(value);
/** A 0–1 share as a percentage, one decimal at most: "12,5 %" / "12.5%"; "—" for none. */
export const share = (value: number | null, lang: Lang, t: Strings) =>
  value === null ? t.none : numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
/** Milliseconds: "1 234 ms"; "—" for none. */
export const millis = (value: number | null, lang: Lang, t: Strings) =>
  value === null ? t.none : `${numberFormat(lang, { maximumFractionDigits: 0 }).format(value)}\u00a0ms`;
/** A 0–1 score with three decimals at most: "0,872". */
export const score = (value: number | null, lang: Lang, t: Strings) =>
  value === null ? t.none : numberFormat(lang, { maximumFractionDigits: 3 }).format(value);
/** A p-value: "0,021", and "< 0,001" below. */
export const pValue = (value: number | null, lang: Lang, t: Strings) =>
  value === null
    ? t.none
    : value < 0.001
      ? `<\u00a0${numberFormat(lang, { maximumFractionDigits: 3 }).format(0.001)}`
      : numberFormat(lang, { maximumFractionDigits: 3 }).format(value);
/** Dollars: "0,04 $" / "$0.04". */
export const dollars = (value: number, lang: Lang) =>
  numberFormat(lang, {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 4,
  }).format(value);

/** A UTC day (YYYY-MM-DD) on an axis: "Nov 3" / "3 nov.". */
export const dayLabel = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
/** A UTC day in full: "Tuesday, November 3" / "mardi 3 novembre". */
export const dayLong = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The `?days=` of the address when it is one of `choices`, else `fallback`. */
export function daysFromSearch(choices: readonly number[], fallback: number): number {
  const asked = Number(new URLSearchParams(location.search).get('days'));
  return choices.includes(asked) ? asked : fallback;
}

/** The window of days: a row of buttons, the chosen one pressed; kept in the address. */
export function DaysPicker(props: {
  t: Strings;
  lang: Lang;
  choices: readonly number[];
  days: number;
  fallback: number;
  onChange: (days: number) => void;
}) {
  const { t, days } = props;
  useEffect(() => {
    const search = days === props.fallback ? '' : `?days=${days}`;
    history.replaceState(history.state, '', `${location.pathname}${search}`);
  }, [days]);
  return (
    <fieldset class="segmented staff-days">
      <legend class="sr-only">{t.staffPeriod}</legend>
      {props.choices.map((choice) => (
        <button key={choice} type="button" aria-pressed={choice === days} onClick={() => props.onChange(choice)}>
          {t.staffDays(choice)}
        </button>
      ))}
    </fieldset>
  );
}

/** A staff view loaded from `path` (again when it changes), the last answer kept while the next loads. */
export function useStaffView<T>(path: string, t: Strings) {
  const [view, setView] = useState<T | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const words = useRef(t);
  words.current = t;
  const load = async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const fresh = await api<T>('GET', path);
      if (ticket !== latest.current) return;
      setView(fresh);
      setError('');
    } catch (caught) {
      if (ticket === latest.current) setError(errorText(caught, words.current));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  };
  useEffect(() => {
    load();
  }, [path]);
  return { view, error, loading, reload: load };
}

export interface Series {
  key: string;
  tone: ChartTone;
  /** One value per day of `labels`; null where nothing was measured (the line breaks). */
  values: readonly (number | null)[];
}

const HEIGHT = 200;
const MARGIN = { top: 14, right: 12, bottom: 26, left: 48 };

/**
 * Several lines over the same days on a fixed 0–`max` scale, each in its tone, a dot on
 * every value (one alone between gaps still shows). LineChart's drawing, for more than one
 * series; the words are the figure's (its legend and table).
 */
export function MultiLineChart(props: {
  labels: readonly string[];
  series: readonly Series[];
  max: number;
  format: (value: number) => string;
}) {
  const { labels, series, max, format } = props;
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / Math.max(1, labels.length);
  const stride = labelStride(labels.length, plotWidth, 50);
  const x = (index: number) => MARGIN.left + band * (index + 0.5);
  const y = (value: number) => MARGIN.top + plotHeight * (1 - fraction(value, max));
  return (
    <div ref={ref} class="chart-frame">
      <svg
        class="chart-svg"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        <ValueGrid ticks={ticks(max)} y={y} left={MARGIN.left} right={width - MARGIN.right} format={format} />
        {series.map((line) => {
          const placed = line.values.map((value, index) => (value === null ? null : { x: x(index), y: y(value) }));
          return (
            <g key={line.key} class={`staff-line ${toneClass(line.tone)}`}>
              <path class="chart-line" d={linePath(placed)} />
              {placed.map((point, index) =>
                point ? <circle key={labels[index]} class="chart-dot" cx={point.x} cy={point.y} r="3" /> : null,
              )}
            </g>
          );
        })}
        {labels.map((label, index) =>
          showsLabel(index, labels.length, stride) ? (
            <text key={label} class="chart-axis" x={x(index)} y={HEIGHT - 8} text-anchor="middle">
              {label}
            </text>
          ) : null,
        )}
      </svg>
    </div>
  );
}

/** The error of a load, or of an action, where screen readers hear it. */
export const ErrorLine = (props: { text: string; children?: ComponentChildren }) => (
  <p class="error" role="alert">
    {props.text}
    {props.children}
  </p>
);
