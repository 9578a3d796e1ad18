import { type ChartTone, toneClass } from './tone';

export interface LegendItem {
  key: string;
  tone: ChartTone;
  label: string;
  /** Drawn as an estimate is: a pale fill inside a dashed outline. */
  estimate?: boolean;
}

/**
 * What each colour of a chart stands for. The swatches are SVG, not CSS backgrounds, so
 * they print even when the browser leaves backgrounds out.
 */
export function Legend(props: { items: readonly LegendItem[] }) {
  return (
    <ul class="chart-legend">
      {props.items.map((item) => (
        <li key={item.key}>
          <svg class="chart-swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
            <rect
              class={item.estimate ? 'chart-estimate' : toneClass(item.tone)}
              x="0.5"
              y="0.5"
              width="11"
              height="11"
              rx="2"
            />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
