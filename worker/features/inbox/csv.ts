/**
 * CSV as spreadsheets read it (RFC 4180), without I/O: CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled. A UTF-8 byte order mark opens
 * the file, or Excel reads it as Windows-1252 and "Québec" comes out as "QuÃ©bec".
 */

export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | Date | null | undefined;

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection:
// `=HYPERLINK(…)` in a lead's name would be a live link in the client's Excel).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: dates in ISO 8601 UTC, a leading formula character defused with a quote. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  // Numbers and booleans are ours, never a visitor's text: -0.5 stays a number.
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export const csvRow = (values: readonly CsvValue[]): string => `${values.map(csvCell).join(',')}\r\n`;
