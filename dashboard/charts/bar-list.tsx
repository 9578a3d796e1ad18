import type { ComponentChildren } from 'preact';
import { fraction } from './scale';
import { type ChartTone, toneClass } from './tone';

export interface BarRow {
  key: string;
  label: ComponentChildren;
  value: number;
  /** How the value reads beside its bar ("12 · 34 %"). */
  display: ComponentChildren;
  /** A further extent drawn paler behind the bar (a p90 behind its median). */
  reach?: number | null;
  tone?: ChartTone;
  /** A line under the bar (a change since the period before). */
  note?: ComponentChildren;
}

/**
 * Horizontal bars, one per row, on a common 0–`max` scale (the largest value unless
 * told). The words are HTML, so a long French label wraps instead of running off a phone;
 * only the bars are drawn, stretched to the row's width.
 */
export function BarList(props: { rows: readonly BarRow[]; max?: number }) {
  const { rows } = props;
  const max = props.max ?? Math.max(0, ...rows.map((row) => Math.max(row.value, row.reach ?? 0)));
  const percent = (value: number) => (fraction(value, max) * 100).toFixed(2);
  return (
    <ul class="bar-list">
      {rows.map((row) => (
        <li key={row.key}>
          <div class="bar-head">
            <span class="bar-label">{row.label}</span>
            <span class="bar-value">{row.display}</span>
          </div>
          <svg class="bar-track" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="bar-rail" width="100" height="1" />
            {row.reach ? <rect class={toneClass('soft')} width={percent(row.reach)} height="1" /> : null}
            <rect class={toneClass(row.tone ?? 'brand')} width={percent(row.value)} height="1" />
          </svg>
          {row.note ? <div class="bar-note">{row.note}</div> : null}
        </li>
      ))}
    </ul>
  );
}
