/**
 * The horizontal grid of a chart's value axis: one line per tick across the plot, its value
 * written in the left margin. Shared by every chart with a value axis.
 */
export function ValueGrid(props: {
  ticks: readonly number[];
  y: (value: number) => number;
  left: number;
  right: number;
  format: (value: number) => string;
}) {
  return (
    <>
      {props.ticks.map((tick) => (
        <g key={tick} class="chart-grid">
          <line x1={props.left} x2={props.right} y1={props.y(tick)} y2={props.y(tick)} />
          <text x={props.left - 6} y={props.y(tick)} dy="0.32em" text-anchor="end">
            {props.format(tick)}
          </text>
        </g>
      ))}
    </>
  );
}
