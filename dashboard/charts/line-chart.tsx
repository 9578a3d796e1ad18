import { fraction, labelStride, linePath, showsLabel, ticks } from './scale';
import { useWidth } from './use-width';
import { ValueGrid } from './value-grid';

export interface LinePoint {
  key: string;
  /** The axis label under the point (a week's first day). */
  label: string;
  /** null: nothing was measured then; the line breaks there. */
  value: number | null;
}

const HEIGHT = 200;
const MARGIN = { top: 14, right: 12, bottom: 26, left: 44 };
const LABEL_WIDTH = 46;

/**
 * A line over time on a fixed 0–`max` scale (a confidence, 0 to 1), broken where a value is
 * missing, with a dot on every value so one alone between two gaps still shows. Drawn in
 * pixels at its width, as ColumnChart is, with the same thinning of axis labels.
 */
export function LineChart(props: { points: readonly LinePoint[]; max: number; format: (value: number) => string }) {
  const { points, max, format } = props;
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / Math.max(1, points.length);
  const stride = labelStride(points.length, plotWidth, LABEL_WIDTH);
  const x = (index: number) => MARGIN.left + band * (index + 0.5);
  const y = (value: number) => MARGIN.top + plotHeight * (1 - fraction(value, max));
  const placed = points.map((point, index) => (point.value === null ? null : { x: x(index), y: y(point.value) }));

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
        <path class="chart-line" d={linePath(placed)} />
        {placed.map((point, index) =>
          point ? <circle key={points[index]!.key} class="chart-dot" cx={point.x} cy={point.y} r="3.5" /> : null,
        )}
        {points.map((point, index) =>
          showsLabel(index, points.length, stride) ? (
            <text key={point.key} class="chart-axis" x={x(index)} y={HEIGHT - 8} text-anchor="middle">
              {point.label}
            </text>
          ) : null,
        )}
      </svg>
    </div>
  );
}
