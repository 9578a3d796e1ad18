import { fraction, labelStride, niceCeiling, showsLabel, ticks } from './scale';
import { type ChartTone, toneClass } from './tone';
import { useWidth } from './use-width';
import { ValueGrid } from './value-grid';

export interface ColumnDatum {
  key: string;
  /** The axis label under the column (a week's first day). */
  label: string;
  value: number;
  /** A part of the value drawn from the column's foot in `partTone` (the High leads of a week). */
  part?: number;
}

/** The next period's estimate, drawn after the columns: the expected value inside its likely range. */
export interface EstimateDatum {
  label: string;
  expected: number;
  low: number;
  high: number;
}

const HEIGHT = 220;
const MARGIN = { top: 20, right: 8, bottom: 26, left: 36 };
/** Room one axis label needs ("Nov 30", "30 nov."), in pixels. */
const LABEL_WIDTH = 46;
/** Under this, a column has no room for its value on top. */
const VALUE_ROOM = 20;

/**
 * Columns of counts over time, with an optional estimate after them (a pale column inside a dashed
 * outline up to the expected value, and a whisker from the low to the high end of its
 * range). Drawn at the width it is given, in pixels, so its text stays legible on a phone:
 * axis labels are thinned to those that fit, the newest always kept; values sit on the
 * columns while there is room.
 */
export function ColumnChart(props: {
  columns: readonly ColumnDatum[];
  estimate?: EstimateDatum | null;
  format: (value: number) => string;
  tone?: ChartTone;
  partTone?: ChartTone;
}) {
  const { columns, estimate, format } = props;
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const count = columns.length + (estimate ? 1 : 0);
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = niceCeiling(Math.max(0, ...columns.map((column) => column.value), estimate?.high ?? 0));
  const band = plotWidth / Math.max(1, count);
  const barWidth = Math.min(48, Math.max(2, band * 0.68));
  const stride = labelStride(count, plotWidth, LABEL_WIDTH);
  const y = (value: number) => MARGIN.top + plotHeight * (1 - fraction(value, max));
  const left = (index: number) => MARGIN.left + band * index + (band - barWidth) / 2;
  const center = (index: number) => MARGIN.left + band * (index + 0.5);
  const foot = MARGIN.top + plotHeight;

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
        <ValueGrid
          ticks={ticks(max, { integer: true })}
          y={y}
          left={MARGIN.left}
          right={width - MARGIN.right}
          format={format}
        />
        {columns.map((column, index) => (
          <g key={column.key}>
            <rect
              class={toneClass(props.tone ?? 'brand')}
              x={left(index)}
              y={y(column.value)}
              width={barWidth}
              height={foot - y(column.value)}
            />
            {column.part ? (
              <rect
                class={toneClass(props.partTone ?? 'high')}
                x={left(index)}
                y={y(column.part)}
                width={barWidth}
                height={foot - y(column.part)}
              />
            ) : null}
            {band >= VALUE_ROOM && column.value > 0 ? (
              <text class="chart-value" x={center(index)} y={y(column.value) - 5} text-anchor="middle">
                {format(column.value)}
              </text>
            ) : null}
          </g>
        ))}
        {estimate ? (
          <Estimate
            estimate={estimate}
            x={left(columns.length)}
            width={barWidth}
            y={y}
            foot={foot}
            format={format}
            showValue={band >= VALUE_ROOM}
          />
        ) : null}
        {[...columns.map((column) => column.label), ...(estimate ? [estimate.label] : [])].map((label, index) =>
          showsLabel(index, count, stride) ? (
            <text key={index} class="chart-axis" x={center(index)} y={HEIGHT - 8} text-anchor="middle">
              {label}
            </text>
          ) : null,
        )}
        <line class="chart-baseline" x1={MARGIN.left} x2={width - MARGIN.right} y1={foot} y2={foot} />
      </svg>
    </div>
  );
}

function Estimate(props: {
  estimate: EstimateDatum;
  x: number;
  width: number;
  y: (value: number) => number;
  foot: number;
  format: (value: number) => string;
  showValue: boolean;
}) {
  const { estimate, x, width, y, foot } = props;
  const middle = x + width / 2;
  const cap = Math.min(8, width / 3);
  return (
    <g>
      <rect class="chart-estimate" x={x} y={y(estimate.expected)} width={width} height={foot - y(estimate.expected)} />
      <g class="chart-whisker">
        <line x1={middle} x2={middle} y1={y(estimate.low)} y2={y(estimate.high)} />
        <line x1={middle - cap} x2={middle + cap} y1={y(estimate.low)} y2={y(estimate.low)} />
        <line x1={middle - cap} x2={middle + cap} y1={y(estimate.high)} y2={y(estimate.high)} />
      </g>
      {props.showValue ? (
        <text class="chart-value" x={middle} y={y(estimate.high) - 8} text-anchor="middle">
          ≈{props.format(estimate.expected)}
        </text>
      ) : null}
    </g>
  );
}
