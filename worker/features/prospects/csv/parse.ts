import Papa from 'papaparse';
import { bilingual, type LocalizedText } from '../../../platform/errors';

/**
 * A decoded CSV as a header and rows of cells, each row with the physical line it starts on
 * so staff can find it in their editor. Nothing in a cell is interpreted: "=HYPERLINK(…)" or
 * "<script>" is a string like any other (the screen renders it as text, the database stores
 * it as text).
 */

/** A problem with the file or one of its lines; `line` is null when it is the whole file's. */
export interface CsvProblem {
  line: number | null;
  code: string;
  message: LocalizedText;
}

export interface CsvRow {
  /** The 1-based physical line the record starts on (the header is on line 1). */
  line: number;
  /** As many cells as there are headers, trimmed of nothing: mapping trims. */
  cells: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface ParsedCsv {
  headers: string[];
  rows: CsvRow[];
  delimiter: CsvDelimiter;
  problems: CsvProblem[];
}

export interface CsvLimits {
  /** Data rows read; past it, the rest of the file is left unread and a problem says so. */
  maxRows: number;
  /** Columns kept; the ones past it are dropped, with a problem. */
  maxColumns: number;
  /** Characters kept in one cell; a longer cell is cut, with a problem on its line. */
  maxCellChars: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxRows: 20_000, maxColumns: 60, maxCellChars: 2_000 };

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

const number = (value: number) => ({ en: value.toLocaleString('en-CA'), fr: value.toLocaleString('fr-CA') });

export function parseCsv(text: string, limits: CsvLimits = DEFAULT_CSV_LIMITS): ParsedCsv {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const problems: CsvProblem[] = [];
  const lines = new LineCounter(source);
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  let previousCursor = 0;
  let tooManyRows = false;
  let fileWidth = 0;

  // Guessed on the first records with blank lines left out (they would skew the guess), then
  // the whole file is read with blank lines kept, so each record starts exactly where the
  // previous one ended and its line number is exact; blank records are dropped below.
  const guessed = Papa.parse<string[]>(source, {
    preview: 10,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...DELIMITERS],
  });
  const delimiter: CsvDelimiter = DELIMITERS.includes(guessed.meta.delimiter as CsvDelimiter)
    ? (guessed.meta.delimiter as CsvDelimiter)
    : ',';

  Papa.parse<string[]>(source, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      const line = lines.lineAt(previousCursor);
      previousCursor = result.meta.cursor;
      if (result.errors.length === 0 && result.data.every((cell) => cell.trim() === '')) return;

      const quoteError =
        result.errors.find((error) => error.code === 'MissingQuotes') ??
        result.errors.find((error) => error.type === 'Quotes');
      if (quoteError) {
        problems.push({
          line,
          code: 'malformed_quotes',
          message:
            quoteError.code === 'MissingQuotes'
              ? bilingual(
                  'A quote opened on this line is never closed: the rest of the file was read as one cell and is skipped.',
                  'Un guillemet ouvert à cette ligne n’est jamais fermé : le reste du fichier a été lu comme une seule cellule et est ignoré.',
                )
              : bilingual(
                  'A quoted cell on this line has text after its closing quote; the line is skipped.',
                  'Une cellule entre guillemets a du texte après son guillemet fermant; la ligne est ignorée.',
                ),
        });
        if (headers === null) headers = [];
        return;
      }

      const cells = result.data;
      if (headers === null) {
        if (cells.length > limits.maxColumns) {
          problems.push({
            line,
            code: 'too_many_columns',
            message: bilingual(
              `The file has ${number(cells.length).en} columns; only the first ${number(limits.maxColumns).en} are read.`,
              `Le fichier a ${number(cells.length).fr} colonnes; seules les ${number(limits.maxColumns).fr} premières sont lues.`,
            ),
          });
        }
        fileWidth = cells.length;
        headers = cells.slice(0, limits.maxColumns).map((cell) => clip(cell.trim(), limits.maxCellChars));
        return;
      }

      if (rows.length >= limits.maxRows) {
        tooManyRows = true;
        parser.abort();
        return;
      }

      const width = headers.length;
      // Cells past the header's own width mean a shifted line; past maxColumns only, they are dropped.
      const extra = cells.slice(fileWidth).filter((cell) => cell.trim() !== '').length;
      if (extra > 0) {
        problems.push({
          line,
          code: 'column_count',
          message: bilingual(
            `This line has ${cells.length} cells for ${fileWidth} columns (an unquoted comma or semicolon?); it is skipped.`,
            `Cette ligne a ${cells.length} cellules pour ${fileWidth} colonnes (une virgule ou un point-virgule sans guillemets?); elle est ignorée.`,
          ),
        });
        return;
      }
      const row: string[] = [];
      let cut = false;
      for (let index = 0; index < width; index++) {
        const cell = cells[index] ?? '';
        if (cell.length > limits.maxCellChars) cut = true;
        row.push(clip(cell, limits.maxCellChars));
      }
      if (cut) {
        problems.push({
          line,
          code: 'cell_too_long',
          message: bilingual(
            `A cell on this line is longer than ${number(limits.maxCellChars).en} characters and was cut.`,
            `Une cellule de cette ligne dépasse ${number(limits.maxCellChars).fr} caractères et a été coupée.`,
          ),
        });
      }
      rows.push({ line, cells: row });
    },
  });

  if (headers === null || (headers as string[]).length === 0) {
    problems.unshift({
      line: null,
      code: 'empty_file',
      message: bilingual(
        'The file has no header line: the first line must name the columns.',
        'Le fichier n’a pas de ligne d’en-tête : la première ligne doit nommer les colonnes.',
      ),
    });
  }
  if (tooManyRows) {
    problems.unshift({
      line: null,
      code: 'too_many_rows',
      message: bilingual(
        `The file has more than ${number(limits.maxRows).en} rows; only the first ${number(limits.maxRows).en} are read. Split it into smaller files.`,
        `Le fichier a plus de ${number(limits.maxRows).fr} lignes; seules les ${number(limits.maxRows).fr} premières sont lues. Divisez-le en fichiers plus petits.`,
      ),
    });
  }
  return { headers: headers ?? [], rows, delimiter, problems };
}

/** Cuts at a code point, never inside a surrogate pair. */
function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max;
  return value.slice(0, end);
}

/**
 * Physical line numbers of offsets into the text, asked in increasing order. A line break is
 * CRLF, LF or a lone CR, inside quotes or not (an editor shows a quoted break as a new line too).
 */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    const text = this.text;
    while (this.offset < offset) {
      const code = text.charCodeAt(this.offset);
      if (code === 0x0d) {
        this.line++;
        this.offset += text.charCodeAt(this.offset + 1) === 0x0a ? 2 : 1;
      } else {
        if (code === 0x0a) this.line++;
        this.offset++;
      }
    }
    return this.line;
  }
}
