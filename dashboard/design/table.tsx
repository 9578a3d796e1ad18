import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ComponentChildren;
}

/**
 * A table of rows that, on a phone, stacks each row into a card whose cells name their
 * column (the header row stays for screen readers). `caption` names the table.
 */
export function Table<Row>(props: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  class?: string;
}) {
  const { columns } = props;
  return (
    <div class="table-wrap">
      <table class={props.class ? `table ${props.class}` : 'table'}>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.header}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
