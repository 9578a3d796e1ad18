import type { ComponentChildren } from 'preact';
import { type Column, Table } from '../design';
import { Legend, type LegendItem } from './legend';

export interface FigureTable<Row> {
  /** The disclosure's words: "Show the figures". */
  label: string;
  /** Names the table for screen readers. */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}

/**
 * One chart as a figure: its title and a sentence that says what it shows (the figure's
 * caption), the drawing, and every value it draws in a table under a disclosure. The
 * drawing is hidden from screen readers, who get the caption and the table instead; the
 * table is one click away for anyone who would rather read the numbers.
 */
export function ChartFigure<Row>(props: {
  id: string;
  title: string;
  summary: ComponentChildren;
  legend?: readonly LegendItem[];
  table: FigureTable<Row>;
  class?: string;
  children: ComponentChildren;
}) {
  const { id, table } = props;
  return (
    <figure class={props.class ? `card chart ${props.class}` : 'card chart'} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p class="chart-summary">{props.summary}</p>
      </figcaption>
      {props.legend ? <Legend items={props.legend} /> : null}
      <div class="chart-drawing">{props.children}</div>
      <details class="chart-data">
        <summary>{table.label}</summary>
        <Table caption={table.caption} columns={table.columns} rows={table.rows} rowKey={table.rowKey} />
      </details>
    </figure>
  );
}
