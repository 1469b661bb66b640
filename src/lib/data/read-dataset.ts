/**
 * Reads every CSV file of one kind (audits, feedback, compliments and complaints): decode,
 * parse, privacy guard, check the headings, then every cell. Every problem in every file is
 * collected, so one run tells staff everything that needs fixing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Problem } from '../problems.ts';
import { columnName, decodeCsv, normaliseHeading, parseCsv } from './csv.ts';
import { DATASETS, type AuditRecord, type Column, type ColumnContext, type ComplaintRecord, type Dataset, type DatasetName, type FeedbackRecord } from './columns.ts';
import { identifierIn, identifierInParts, isPersonalHeader, isPlainToken } from './privacy.ts';
import type { Partnership } from '../schemas/partnership.ts';
import { allTerms, termOf } from './terms.ts';

const PERSONAL_FIX =
  'remove this from the file: data files must be anonymised. If it is a reference you made up, change it so it does not look like an identifier.';

type Verdict = { ok: true; value: unknown } | { ok: false; problem: Pick<Problem, 'message' | 'expected' | 'fix'> };

/** What one cell holds: its value, or the problem with it. Personal data is caught before anything echoes the value. */
function verdict(raw: string, col: Column, ctx: ColumnContext): Verdict {
  // The whole cell, then each item of a list cell ("ehc-plan-2;999 000 0000"), before anything echoes it.
  // References are all different, so each is checked: most clear the quick test (isPlainToken).
  const kind = !raw || (col.isRef && isPlainToken(raw)) ? undefined : identifierIn(raw, { dateColumn: !!col.isDate }) ?? identifierInParts(raw, { dateColumn: !!col.isDate });
  if (kind) return { ok: false, problem: { message: `this cell looks like personal data (${kind}); its value is not shown here`, expected: 'anonymised data only', fix: PERSONAL_FIX } };
  if (col.required && raw.trim() === '') return { ok: false, problem: { message: 'this cell is empty', expected: col.allowed(ctx), fix: `fill it in: ${col.meaning}` } };
  const parsed = col.parse(raw, ctx);
  if (!parsed.ok) return { ok: false, problem: { message: parsed.message, expected: parsed.expected, fix: parsed.fix } };
  return parsed;
}

/** A note that does not stop the build (severity "warning"), as opposed to a problem that does. */
export const isNote = (p: Problem) => p.severity === 'warning';

/**
 * Checks one file's text as a file of the given kind. `seen` carries references across files to
 * find duplicates. `problems` stop the build; `notes` (severity "warning") only tell.
 */
export function readCsvText<R>(
  file: string,
  text: string,
  { columns, refColumn, what, rowRule }: Dataset,
  ctx: ColumnContext,
  seen: Map<string, { file: string; line: number }>,
): { records: R[]; problems: Problem[]; notes: Problem[]; rows: number; repeats: Repeat[] } {
  const names = Object.keys(columns);
  const parsed = parseCsv(file, text, names);
  const { table } = parsed;
  const problems = parsed.problems.filter((p) => !isNote(p));
  const notes = parsed.problems.filter(isNote);
  if (!table) return { records: [], problems, notes, rows: 0, repeats: [] };

  // Headings first: nothing in the rows is read if the headings are wrong.
  const headerProblems: Problem[] = [];
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    if (table.ignored.includes(i)) return;
    const where = { file, line: table.headerLine, column: i + 1 };
    const key = normaliseHeading(h);
    if (isPersonalHeader(h)) {
      headerProblems.push({ ...where, field: columnName(i), message: 'the heading of this column says it holds personal data (such as a name, date of birth, identifier, address or contact details)', expected: 'no personal data in data files', fix: 'delete the whole column, then save the file again' });
    } else if (!h) {
      headerProblems.push({ ...where, field: columnName(i), message: 'this column has no heading', expected: `one of the headings ${names.join(', ')}`, fix: 'add the heading, or delete the column if it is empty' });
    } else if (!columns[key]) {
      const looks = identifierIn(h, { dateColumn: false }) ?? identifierInParts(h);
      if (looks) headerProblems.push({ ...where, field: columnName(i), message: `this heading looks like personal data (${looks}); it is not shown here`, expected: `only these headings: ${names.join(', ')}`, fix: PERSONAL_FIX });
      else headerProblems.push({ ...where, field: columnName(i), message: `found the heading "${h}", which this kind of file does not have`, expected: `only these headings: ${names.join(', ')}`, fix: 'rename the heading if it is one of these with a different spelling, otherwise delete the column' });
    } else if (index.has(key)) {
      headerProblems.push({ ...where, field: columnName(i), message: `the heading "${h}" appears twice (also in ${columnName(index.get(key)!)})`, expected: 'each heading once', fix: 'delete one of the two columns' });
    } else index.set(key, i);
  });
  for (const name of names) {
    if (columns[name]!.required && !index.has(name)) {
      headerProblems.push({ file, line: table.headerLine, message: `the column "${name}" is missing`, expected: `a column headed "${name}" (${columns[name]!.meaning.replace(/\.$/, '').toLowerCase()})`, fix: 'add the column (see data/README.md for what it holds)' });
    }
  }
  if (headerProblems.length) return { records: [], problems: [...problems, ...headerProblems], notes, rows: table.rows.length, repeats: [] };

  const records: R[] = [];
  const repeats: Repeat[] = [];
  const cols = names.map((name) => ({ name, col: columns[name]!, at: index.get(name), cache: new Map<string, Verdict>() }));
  const refAt = index.get(refColumn);
  // One small function per row rather than one long loop here: the JavaScript engine compiles
  // a small hot function to fast code within a few hundred rows, where compiling this whole
  // function took longer than reading 10,000 rows.
  const checkRow = (cells: string[], line: number): Record<string, unknown> | undefined => {
    const record: Record<string, unknown> = { file, line };
    let good = true;
    // Indexed loops: until the engine has compiled this function, a for…of loop costs an
    // iterator step per cell.
    for (let ci = 0; ci < cols.length; ci++) {
      const c = cols[ci]!;
      const raw = c.at === undefined ? '' : cells[c.at]!;
      // Apart from references, columns hold a small set of distinct values (dates, grades…):
      // each distinct value is checked once and the verdict reused.
      let v = c.col.isRef ? undefined : c.cache.get(raw);
      if (!v) {
        v = verdict(raw, c.col, ctx);
        if (!c.col.isRef && c.cache.size < 50_000) c.cache.set(raw, v);
      }
      if (v.ok) {
        record[c.name] = v.value;
        continue;
      }
      good = false;
      problems.push({
        file,
        line: line,
        column: c.at === undefined ? undefined : c.at + 1,
        field: c.at === undefined ? c.name : columnName(c.at, c.name),
        ...v.problem,
      });
    }
    const ref = record[refColumn] as string | undefined;
    if (ref !== undefined) {
      const key = ref.toLowerCase();
      const first = seen.get(key);
      if (first) {
        const problem: Problem = {
          file,
          line: line,
          column: refAt! + 1,
          field: columnName(refAt!, refColumn),
          message: `the ${what} "${ref}" is used twice: here and in ${first.file} on line ${first.line}`,
          expected: `every ${what} to be different`,
          fix: 'if it is the same record, delete one of the two rows; otherwise give one of them a new reference',
        };
        problems.push(problem);
        repeats.push({ first, problem });
        good = false;
        // The record itself carries the file and line a later duplicate is told about.
      } else seen.set(key, record as { file: string; line: number });
    }
    // A rule across cells of the row (e.g. a compliment cannot be upheld), once every cell is valid.
    const broken = good && rowRule ? rowRule(record) : undefined;
    if (broken) {
      const at = index.get(broken.column);
      problems.push({ file, line, column: at === undefined ? undefined : at + 1, field: at === undefined ? broken.column : columnName(at, broken.column), message: broken.message, expected: broken.expected, fix: broken.fix });
      good = false;
    }
    return good ? record : undefined;
  };
  for (let ri = 0; ri < table.rows.length; ri++) {
    const record = checkRow(table.rows[ri]!, table.lines[ri]!);
    if (record) records.push(record as R);
  }
  return { records, problems, notes, rows: table.rows.length, repeats };
}

/** A row whose reference an earlier row already has, and the problem that says so. */
interface Repeat {
  first: { file: string; line: number };
  problem: Problem;
}

/**
 * A file most of whose rows repeat the references of one earlier file is a second copy of it
 * (the same export uploaded again under a new name): one problem saying so, instead of one for
 * every row. A few repeated references stay one problem each, as they are likely typing slips.
 */
function secondCopies(file: string, what: string, rows: number, repeats: readonly Repeat[]): { drop: Set<Problem>; problems: Problem[] } {
  const byFile = new Map<string, Repeat[]>();
  for (const r of repeats) {
    const list = byFile.get(r.first.file);
    if (list) list.push(r);
    else byFile.set(r.first.file, [r]);
  }
  const drop = new Set<Problem>();
  const problems: Problem[] = [];
  for (const [other, list] of byFile) {
    if (list.length < 5 || list.length * 2 < rows) continue;
    for (const r of list) drop.add(r.problem);
    const all = list.length === rows;
    problems.push({
      file,
      line: list[0]!.problem.line,
      field: list[0]!.problem.field,
      message: `${all ? `every one of this file's ${rows} rows has` : `${list.length} of this file's ${rows} rows (the first on this line) have`} the same ${what} as a row of ${other}, so one of the two files looks like a copy of the other`,
      expected: `each record in one file only, with its own ${what}`,
      fix: `if one of them is a copy (for example the same export uploaded again under a new name, such as "… (1).csv"), delete that file; if its new rows are wanted, move only those into the other file first; if the repeated references are mistakes, give those rows their own references`,
    });
  }
  return { drop, problems };
}

/** Reads every CSV file of a kind under root, in name order. */
export function readDataset<R>(root: string, name: DatasetName, ctx: ColumnContext): { records: R[]; problems: Problem[]; notes: Problem[]; files: string[] } {
  const ds = DATASETS[name];
  const files = globSync('**/*.csv', { cwd: join(root, ds.folder) }).sort().map((f) => `${ds.folder}/${f}`);
  const seen = new Map<string, { file: string; line: number }>();
  const records: R[] = [];
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  for (const file of files) {
    const decoded = decodeCsv(file, readFileSync(join(root, file)));
    // An empty file decodes to "", which parseCsv refuses: it must not be skipped as unreadable.
    if (decoded.text === undefined) {
      problems.push(...decoded.problems);
      continue;
    }
    const out = readCsvText<R>(file, decoded.text, ds, ctx, seen);
    records.push(...out.records);
    const copies = secondCopies(file, ds.what, out.rows, out.repeats);
    problems.push(...copies.problems, ...out.problems.filter((p) => !copies.drop.has(p)));
    notes.push(...out.notes);
  }
  return { records, problems, notes, files };
}

/**
 * Feedback and compliments-and-complaints rows whose term has no audits: a term's report is
 * made only when it has audits (buildReports in report.ts), so these rows would appear on no
 * page. One problem per file and term, on the first such row. Nothing is said while the audit
 * files have problems: their rows are not read, so their terms are not known.
 */
export function rowsInNoReport(
  cfg: Partnership,
  audits: { records: readonly AuditRecord[]; problems: readonly Problem[] },
  others: { feedback: readonly FeedbackRecord[]; complaints: readonly ComplaintRecord[] },
): Problem[] {
  if (audits.problems.length) return [];
  const terms = allTerms(cfg);
  const reported = new Set(audits.records.map((a) => termOf(terms, a.completed_on)?.id));
  const lost = new Map<string, { file: string; term: string; lines: number[] }>();
  for (const r of [...others.feedback, ...others.complaints]) {
    const term = termOf(terms, r.received_on);
    if (!term || reported.has(term.id)) continue;
    const key = `${r.file}|${term.id}`;
    const entry = lost.get(key) ?? { file: r.file, term: term.id, lines: [] };
    entry.lines.push(r.line);
    lost.set(key, entry);
  }
  return [...lost.values()].map(({ file, term: id, lines }) => {
    const term = terms.find((t) => t.id === id)!;
    const n = lines.length;
    const auditFile = `${DATASETS.audits.folder}/${id}.csv`;
    return {
      file,
      line: Math.min(...lines),
      field: 'received_on',
      message: `${n === 1 ? 'this row is' : `${n} rows of this file (the first on this line) are`} from the ${term.label.toLowerCase()}, which has no audit data, so ${n === 1 ? 'it' : 'they'} would appear in no report: a term's report is made only when the term has audits`,
      expected: `audit data for the ${term.label.toLowerCase()} (the file ${auditFile}), or dates in a term that has a report`,
      fix: `add ${auditFile} in the same pull request; if the dates are wrong, correct them; if the term will have no audits, remove these rows`,
    };
  });
}
