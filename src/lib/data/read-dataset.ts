/**
 * Reads every CSV file of one kind (audits, feedback, compliments and complaints): decode,
 * parse, privacy guard, check the headings, then every cell. Every problem in every file is
 * collected, so one run tells staff everything that needs fixing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Problem } from '../problems';
import { columnName, decodeCsv, normaliseHeading, parseCsv } from './csv';
import { DATASETS, type Column, type ColumnContext, type DatasetName } from './columns';
import { identifierIn, isPersonalHeader } from './privacy';

const PERSONAL_FIX =
  'remove this from the file: data files must be anonymised. If it is a reference you made up, change it so it does not look like an identifier.';

/** Checks one file's text. `seen` carries references across files to find duplicates. */
export function readCsvText<R>(
  file: string,
  text: string,
  columns: Record<string, Column>,
  ctx: ColumnContext,
  seen: Map<string, { file: string; line: number }>,
  refColumn: string,
  what: string,
): { records: R[]; problems: Problem[] } {
  const names = Object.keys(columns);
  const { table, problems } = parseCsv(file, text, names);
  if (!table) return { records: [], problems };

  // Headings first: nothing in the rows is read if the headings are wrong.
  const headerProblems: Problem[] = [];
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    const where = { file, line: table.headerLine, column: i + 1 };
    const key = normaliseHeading(h);
    if (isPersonalHeader(h)) {
      headerProblems.push({ ...where, field: columnName(i), message: 'the heading of this column says it holds personal data (such as a name, date of birth, identifier, address or contact details)', expected: 'no personal data in data files', fix: 'delete the whole column, then save the file again' });
    } else if (!h) {
      headerProblems.push({ ...where, field: columnName(i), message: 'this column has no heading', expected: `one of the headings ${names.join(', ')}`, fix: 'add the heading, or delete the column if it is empty' });
    } else if (!columns[key]) {
      headerProblems.push({ ...where, field: columnName(i), message: `found the heading "${h}", which this kind of file does not have`, expected: `only these headings: ${names.join(', ')}`, fix: 'rename the heading if it is one of these with a different spelling, otherwise delete the column' });
    } else if (index.has(key)) {
      headerProblems.push({ ...where, field: columnName(i), message: `the heading "${h}" appears twice (also in ${columnName(index.get(key)!)})`, expected: 'each heading once', fix: 'delete one of the two columns' });
    } else index.set(key, i);
  });
  for (const name of names) {
    if (columns[name]!.required && !index.has(name)) {
      headerProblems.push({ file, line: table.headerLine, message: `the column "${name}" is missing`, expected: `a column headed "${name}" (${columns[name]!.meaning.replace(/\.$/, '').toLowerCase()})`, fix: 'add the column (see data/README.md for what it holds)' });
    }
  }
  if (headerProblems.length) return { records: [], problems: [...problems, ...headerProblems] };

  const records: R[] = [];
  const cols = names.map((name) => ({ name, col: columns[name]!, at: index.get(name) }));
  for (const row of table.rows) {
    const record: Record<string, unknown> = { file, line: row.line };
    let good = true;
    for (const { name, col, at } of cols) {
      const raw = at === undefined ? '' : row.cells[at]!;
      const where = { file, line: row.line, column: at === undefined ? undefined : at + 1, field: at === undefined ? name : columnName(at, name) };
      const kind = raw ? identifierIn(raw, { dateColumn: !!col.isDate }) : undefined;
      // A reference is allowed to look like a date-free code, but never like an identifier.
      if (kind) {
        problems.push({ ...where, message: `this cell looks like personal data (${kind}); its value is not shown here`, expected: 'anonymised data only', fix: PERSONAL_FIX });
        good = false;
        continue;
      }
      if (col.required && raw.trim() === '') {
        problems.push({ ...where, message: 'this cell is empty', expected: col.allowed(ctx), fix: `fill it in: ${col.meaning}` });
        good = false;
        continue;
      }
      const parsed = col.parse(raw, ctx);
      if (!parsed.ok) {
        problems.push({ ...where, message: parsed.message, expected: parsed.expected, fix: parsed.fix });
        good = false;
        continue;
      }
      record[name] = parsed.value;
    }
    const ref = record[refColumn] as string | undefined;
    if (ref !== undefined) {
      const key = ref.toLowerCase();
      const first = seen.get(key);
      if (first) {
        const at = index.get(refColumn)!;
        problems.push({
          file,
          line: row.line,
          column: at + 1,
          field: columnName(at, refColumn),
          message: `the ${what} "${ref}" is used twice: here and in ${first.file} on line ${first.line}`,
          expected: `every ${what} to be different`,
          fix: 'if it is the same record, delete one of the two rows; otherwise give one of them a new reference',
        });
        good = false;
      } else seen.set(key, { file, line: row.line });
    }
    if (good) records.push(record as R);
  }
  return { records, problems };
}

/** Reads every CSV file of a kind under root, in name order. */
export function readDataset<R>(root: string, name: DatasetName, ctx: ColumnContext): { records: R[]; problems: Problem[]; files: string[] } {
  const ds = DATASETS[name];
  const files = globSync('**/*.csv', { cwd: join(root, ds.folder) }).sort().map((f) => `${ds.folder}/${f}`);
  const seen = new Map<string, { file: string; line: number }>();
  const records: R[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const decoded = decodeCsv(file, readFileSync(join(root, file)));
    if (!decoded.text) {
      problems.push(...decoded.problems);
      continue;
    }
    const out = readCsvText<R>(file, decoded.text, ds.columns as Record<string, Column>, ctx, seen, ds.refColumn, ds.what);
    records.push(...out.records);
    problems.push(...out.problems);
  }
  return { records, problems, files };
}
