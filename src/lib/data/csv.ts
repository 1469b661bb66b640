/**
 * Reading CSV files the way staff really produce them (Excel "CSV UTF-8", with or without a
 * byte-order mark, CRLF line ends, trailing blank lines), and finding the structural mistakes
 * people really make (a file saved in a Windows encoding, an unclosed quote, a title row
 * above the headings, rows with too many or too few cells) with their line and column.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import type { Problem } from '../problems.ts';

/** A data row: its 1-based line in the file and its cells, one per heading. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** The headings as written (trimmed). */
  header: string[];
  /** Line of the heading row. */
  headerLine: number;
  /** Data rows' cells (blank rows left out)… */
  rows: string[][];
  /** …and the 1-based line each starts on (parallel arrays: no object per row). */
  lines: number[];
  /**
   * Columns (0-based) with no heading and nothing in any row: what Excel leaves after cells
   * are formatted but left empty. They hold nothing, so they are skipped, not refused.
   */
  ignored: number[];
}

/** Spreadsheet column letters, as staff see them in Excel: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** "column C (grade)" */
export function columnName(index: number, heading?: string): string {
  return `column ${columnLetter(index + 1)}${heading ? ` (${heading})` : ''}`;
}

const WINDOWS_1252: Record<number, string> = {
  0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0xa3: '£', 0xa0: 'a non-breaking space', 0xe9: 'é',
};

/** Where the first byte that is not valid UTF-8 is, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

const SAVE_AS_UTF8 =
  'In Excel choose File › Save As and pick the file type "CSV UTF-8 (Comma delimited) (*.csv)", then replace this file with the new one.';

/** Decodes a CSV file's bytes as UTF-8 (a byte-order mark is allowed), or says why it cannot. */
export function decodeCsv(file: string, bytes: Uint8Array): { text?: string; problems: Problem[] } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {
      problems: [{ file, line: 1, message: 'the file is saved as "Unicode text" (UTF-16), not as a CSV file in UTF-8', expected: 'a CSV file saved as UTF-8', fix: SAVE_AS_UTF8 }],
    };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // Node's isUtf8 checks the bytes without decoding them (several times faster than a fatal
  // TextDecoder on a large file); only valid UTF-8 is then decoded.
  if (isUtf8(body)) return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), problems: [] };
  const at = firstInvalidUtf8(body);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) if (body[i] === 0x0a) (line++, (lineStart = i + 1));
  const column = new TextDecoder('utf-8').decode(body.subarray(lineStart, at)).length + 1;
  const byte = body[at]!;
  const guess = WINDOWS_1252[byte];
  return {
    problems: [
      {
        file,
        line,
        column,
        message: `the file is not saved as UTF-8: it has the byte 0x${byte.toString(16).toUpperCase()}${guess ? `, which is how Windows saves ${guess.length === 1 ? `the character ${guess}` : guess}` : ''}`,
        expected: 'a CSV file saved as UTF-8 (Excel calls it "CSV UTF-8")',
        fix: SAVE_AS_UTF8,
      },
    ],
  };
}

const isBlank = (row: string[]) => (row.length === 1 || row[0] === '') && row.every((c) => c.trim() === '');

/** The 1-based line on which each parsed row starts. Rows are one line each unless quotes span lines. */
function rowLines(text: string, rowCount: number): number[] {
  const lines = new Array<number>(rowCount);
  if (!text.includes('"')) {
    for (let i = 0; i < rowCount; i++) lines[i] = i + 1;
    return lines;
  }
  let line = 1;
  let row = 0;
  let quoted = false;
  lines[0] = 1;
  for (let i = 0; i < text.length && row < rowCount - 1; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 10) {
      line++;
      if (!quoted) lines[++row] = line;
    } else if (ch === 13 && text.charCodeAt(i + 1) !== 10) {
      line++;
      if (!quoted) lines[++row] = line;
    }
  }
  return lines;
}

/**
 * Parses CSV text with papaparse and checks its shape against the expected headings:
 * an empty file, a title row above the headings, an unclosed quote, ragged rows. Blank lines
 * (such as the trailing ones Excel leaves) are ignored. Returns the table and every problem.
 */
export function parseCsv(file: string, text: string, knownHeadings: readonly string[]): { table?: CsvTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: ',' });
  const data = parsed.data;
  const lines = rowLines(text, data.length);

  for (const e of parsed.errors) {
    if (e.type === 'Quotes') {
      const line = e.row !== undefined ? lines[e.row] ?? 1 : 1;
      problems.push({
        file,
        line,
        message: 'a quotation mark (") opens a cell that is never closed, so the rest of the file is read as one cell',
        expected: 'every cell that starts with " to end with "',
        fix: 'find the stray " on this line and delete it, or add the closing one',
      });
    }
  }

  const first = data.findIndex((r) => !isBlank(r));
  if (first === -1) {
    problems.push({
      file,
      line: 1,
      message: text.trim() === '' && !text.includes(',') ? 'the file is empty, so it holds no records and nothing from it would appear on the site' : 'the file holds only blank lines, so it has no records and nothing from it would appear on the site',
      expected: `a heading row (${knownHeadings.join(', ')}) and then one row per record`,
      fix: EMPTY_FIX,
    });
    return { problems };
  }

  // The heading row is the first non-blank row; if it has none of the known headings but a
  // later row does, the rows above are a title that must be removed.
  const norm = (h: string) => normaliseHeading(h);
  const looksLikeHeader = (r: string[]) => r.some((c) => knownHeadings.includes(norm(c)));
  let headerIndex = first;
  if (!looksLikeHeader(data[first]!)) {
    const later = data.findIndex((r, i) => i > first && i <= first + 10 && looksLikeHeader(r));
    if (later !== -1) {
      problems.push({
        file,
        line: lines[first],
        message: `there ${later - first === 1 ? 'is a row' : `are ${later - first} rows`} above the column headings, like a title`,
        expected: `the column headings on the first line (found them on line ${lines[later]})`,
        fix: `delete line${later - first === 1 ? '' : 's'} ${lines[first]}${later - first === 1 ? '' : ` to ${lines[later - 1]}`} so that the headings are on line 1`,
      });
      headerIndex = later;
    }
  }
  const header = data[headerIndex]!.map((h) => h.trim());
  const headerLine = lines[headerIndex]!;
  const body = data.slice(headerIndex + 1);
  const blankIn = (i: number) => body.every((cells) => (cells[i] ?? '').trim() === '');
  const ignored = header.flatMap((h, i) => (h === '' && blankIn(i) ? [i] : []));
  if (ignored.length) {
    const names = ignored.map((i) => columnLetter(i + 1));
    problems.push({
      file,
      line: headerLine,
      column: ignored[0]! + 1,
      severity: 'warning',
      message: `${names.length === 1 ? `column ${names[0]} has` : `columns ${listOf(names)} have`} no heading and nothing in any row, so ${names.length === 1 ? 'it is' : 'they are'} ignored (Excel leaves such columns when cells are formatted but left empty)`,
      expected: 'every column to have a heading',
      fix: `Nothing needs fixing; to remove this note, delete ${names.length === 1 ? 'the column' : 'those columns'} in Excel and save as CSV UTF-8 again`,
    });
  }
  // Cells a row needs: up to the last column that is not ignored. Empty cells past it (trailing
  // empty columns, or cells Excel adds beyond the headings) are harmless.
  let width = header.length;
  while (width > 0 && ignored.includes(width - 1)) width--;
  const table: CsvTable = { header, headerLine, rows: [], lines: [], ignored };
  let ragged = false;
  for (let i = headerIndex + 1; i < data.length; i++) {
    const cells = data[i]!;
    if (isBlank(cells)) continue;
    const line = lines[i]!;
    if (cells.length !== header.length) {
      if (cells.length >= width && cells.slice(width).every((c) => c.trim() === '')) {
        const fitted = cells.slice(0, header.length);
        while (fitted.length < header.length) fitted.push('');
        table.rows.push(fitted);
        table.lines.push(line);
        continue;
      }
      ragged = true;
      problems.push({
        file,
        line,
        message: `this row has ${cells.length} cell${cells.length === 1 ? '' : 's'} but there are ${width} column headings`,
        expected: `${width} cells, one under each heading`,
        fix: cells.length > width ? 'look for a comma inside a value (put that value in quotes) or an extra comma' : 'fill in the missing cells (leave optional ones empty but keep their commas)',
      });
      continue;
    }
    table.rows.push(cells);
    table.lines.push(line);
  }
  if (!table.rows.length && !ragged && !problems.some((p) => p.severity !== 'warning')) {
    problems.push({
      file,
      line: headerLine,
      message: 'the file has its heading row but no records under it, so nothing from it would appear on the site',
      expected: 'one row per record under the headings',
      fix: EMPTY_FIX,
    });
  }
  return { table, problems };
}

/** What an empty file means and how to fix it: a term with no records has no file. */
const EMPTY_FIX =
  'if this term really has none of these records, delete the file (a term with no records has no file); otherwise export the data again from the spreadsheet (File › Save As › "CSV UTF-8 (Comma delimited) (*.csv)") and replace this file with it';

/** "A, B and C" */
function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Headings are matched without regard to case, spaces or hyphens: "Audit type" = "audit_type". */
export function normaliseHeading(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
