/**
 * The disclosure attack of issue 10, repeated on the built site.
 *
 * An attacker who holds only what a term publishes — its figures.csv, plus the few facts its
 * report page states and the CSV does not ("Met the 80% target?", "N groups had 5 audits or
 * fewer") — writes down one integer program per term and asks a solver, for every hidden
 * count, for the smallest and largest value it can take. This model is built here from the
 * published files alone; it deliberately shares no code with the project's own disclosure
 * control, so a mistake there is not repeated here.
 *
 * Unknowns (whole numbers, 0 or more): audits by type × grade, locality × grade and
 * level × grade; timescale met / not met by type; moderated / not; each listed standard's
 * count; responses by rating 1–5; responses by theme; compliments and complaints by theme;
 * decided complaints upheld / not.
 *
 * Constraints: every published count (0 included) as an equality; every "c" as ≥ 1, or ≥ 0
 * when every cell of its row is "c" or 0 (the rule the pages state); row, column and grand totals; the three breakdowns share
 * the "Grades given" totals; timeliness rows and the "All" row; audits with a timescale of a
 * type ≤ that type's audits; decided complaints ≤ complaints; each standard's count ≤ audits
 * and in the published order; feedback themes and ratings each add up to the responses; every
 * exact percentage as the range its rounding allows (half up, never rounded to 0 or 100 unless
 * exact), every band as one inequality, the average rating as the range its rounding to one
 * decimal allows; the page's "Met the target?" answers; and the methodology's rule that no
 * share is published for a group of `threshold` or fewer.
 */
import highsLoader from 'highs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { globSync } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist';
import { ROOT } from '../helpers/project-copy';

// ---------------------------------------------------------------------------------------------
// Published settings the attacker can read too.

const partnershipYaml = readFileSync(join(ROOT, 'data/partnership.yaml'), 'utf8');
const THRESHOLD = Number(/^disclosure:\s*\n(?:\s+#.*\n|\s+\w+:.*\n)*?\s+threshold:\s*(\d+)/m.exec(partnershipYaml)![1]);
const SYMBOL = /^disclosure:\s*\n(?:\s+#.*\n|\s+\w+:.*\n)*?\s+symbol:\s*(\S+)/m.exec(partnershipYaml)?.[1] ?? 'c';

// ---------------------------------------------------------------------------------------------
// A tiny linear-model builder that writes CPLEX LP text for HiGHS.

type Lin = Map<string, number>;
const lin = (...parts: Array<[Lin | string, number]>): Lin => {
  const out: Lin = new Map();
  for (const [p, k] of parts) {
    if (typeof p === 'string') out.set(p, (out.get(p) ?? 0) + k);
    else for (const [v, c] of p) out.set(v, (out.get(v) ?? 0) + k * c);
  }
  for (const [v, c] of out) if (c === 0) out.delete(v);
  return out;
};
const sum = (xs: Array<Lin | string>): Lin => lin(...xs.map((x) => [x, 1] as [Lin | string, number]));

type Op = '=' | '>=' | '<=';
interface Con {
  terms: Lin;
  op: Op;
  rhs: number;
  from: string;
}

class Model {
  readonly vars: string[] = [];
  readonly labels = new Map<string, string>();
  readonly cons: Con[] = [];

  /** A new unknown whole number ≥ 0. */
  v(label: string): string {
    const name = `x${this.vars.length}`;
    this.vars.push(name);
    this.labels.set(name, label);
    return name;
  }

  add(terms: Lin, op: Op, rhs: number, from: string) {
    if (terms.size === 0) {
      const ok = op === '=' ? rhs === 0 : op === '>=' ? 0 >= rhs : 0 <= rhs;
      if (!ok) throw new Error(`constant constraint cannot hold: ${from}`);
      return;
    }
    this.cons.push({ terms, op, rhs, from });
  }

  lp(sense: 'Minimize' | 'Maximize', objective: Lin, extra: Con[] = [], binaries: string[] = []): string {
    const expr = (t: Lin) => {
      const s = [...t].map(([v, c]) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${v}`).join(' ');
      return s || '0 x0';
    };
    const lines = [sense, ` obj: ${objective.size ? expr(objective) : '0 x0'}`, 'Subject To'];
    [...this.cons, ...extra].forEach((c, i) => lines.push(` c${i}: ${expr(c.terms)} ${c.op} ${c.rhs}`));
    lines.push('General', ` ${this.vars.join(' ')}`);
    if (binaries.length) lines.push('Binary', ` ${binaries.join(' ')}`);
    lines.push('End');
    return lines.join('\n');
  }
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;

/** min or max of `objective` over the whole numbers the model allows (Infinity when unbounded). */
function optimum(m: Model, sense: 'Minimize' | 'Maximize', objective: Lin, extra: Con[] = [], binaries: string[] = []): number {
  const res = highs.solve(m.lp(sense, objective, extra, binaries), { output_flag: false, mip_rel_gap: 0 } as never);
  // Only asked of a model already known to be feasible, so "infeasible or unbounded" is unbounded.
  if (res.Status === 'Unbounded' || res.Status === 'Primal infeasible or unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
  if (res.Status !== 'Optimal') throw new Error(`solver status ${res.Status}`);
  return Math.round(res.ObjectiveValue);
}

const feasible = (m: Model) => highs.solve(m.lp('Minimize', new Map()), { output_flag: false } as never).Status === 'Optimal';
const range = (m: Model, e: Lin): [number, number] => [optimum(m, 'Minimize', e), optimum(m, 'Maximize', e)];

// ---------------------------------------------------------------------------------------------
// What one published figure says.

/** A percentage p (whole number) published for part/whole: rounded half up, never to 0 or 100 unless exact. */
function percentCons(part: Lin, whole: Lin, p: number, from: string): Con[] {
  const c = (terms: Lin, op: Op, rhs: number): Con => ({ terms, op, rhs, from });
  const out: Con[] = [c(whole, '>=', 1)];
  if (p === 0) return [...out, c(part, '=', 0)];
  if (p === 100) return [...out, c(lin([part, 1], [whole, -1]), '=', 0)];
  // part/whole ≥ (p − 0.5)%  (p = 1 also stands for any share above 0 below 0.5%)
  out.push(p === 1 ? c(part, '>=', 1) : c(lin([part, 200], [whole, -(2 * p - 1)]), '>=', 0));
  // part/whole < (p + 0.5)%  (p = 99 also stands for any share from 99.5% below 100%)
  out.push(p === 99 ? c(lin([part, 1], [whole, -1]), '<=', -1) : c(lin([part, 200], [whole, -(2 * p + 1)]), '<=', -1));
  return out;
}
/** "b% or more": 100·part ≥ b·whole. */
const atLeastCon = (part: Lin, whole: Lin, b: number, from: string): Con => ({ terms: lin([part, 100], [whole, -b]), op: '>=', rhs: 0, from });
/** "below b%": 100·part ≤ b·whole − 1. */
const belowCon = (part: Lin, whole: Lin, b: number, from: string): Con => ({ terms: lin([part, 100], [whole, -b]), op: '<=', rhs: -1, from });
/** An average published to one decimal (tenths = round half up of 10·sum/count). */
const averageCons = (s: Lin, n: Lin, tenths: number, from: string): Con[] => [
  { terms: n, op: '>=', rhs: 1, from },
  { terms: lin([s, 20], [n, -(2 * tenths - 1)]), op: '>=', rhs: 0, from },
  { terms: lin([s, 20], [n, -(2 * tenths + 1)]), op: '<=', rhs: -1, from },
];

/** The constraints a published share value gives (none when hidden). */
function shareCons(value: string, part: Lin, whole: Lin, from: string): Con[] {
  let m: RegExpExecArray | null;
  if (value === SYMBOL) return [];
  if ((m = /^(\d+)%$/.exec(value))) return percentCons(part, whole, Number(m[1]), from);
  if ((m = /^(\d+)% or more$/.exec(value))) return [{ terms: whole, op: '>=', rhs: 1, from }, atLeastCon(part, whole, Number(m[1]), from)];
  if ((m = /^below (\d+)%$/.exec(value))) return [{ terms: whole, op: '>=', rhs: 1, from }, belowCon(part, whole, Number(m[1]), from)];
  throw new Error(`a share the attacker cannot read: "${value}" (${from})`);
}

// ---------------------------------------------------------------------------------------------
// A term's published figures, as a model.

interface Cell {
  key: string; // section|group|measure
  expr: Lin;
  row?: string; // category cells of a row; a row whose every cell is c or 0 may hide zeros
  total?: string; // the row this Total belongs to
}
interface Share {
  key: string;
  part: Lin;
  whole: Lin;
}
interface GradeRow {
  key: string; // section|group
  cells: Lin[];
  total: Lin;
  goodOrBetter: Lin;
}
export interface Attack {
  model: Model;
  /** Every hidden count, with what it stands for. */
  hidden: Array<{ key: string; expr: Lin }>;
  /** Small sums an attacker would like to pin: open complaints, audits without a timescale, below Good. */
  derived: Array<{ key: string; expr: Lin }>;
  gradeRows: GradeRow[];
  unmodelled: string[];
}

type Row = { term: string; section: string; group: string; measure: string; value: string };

/** The columns of a term's figures.csv (described by /reports/datapackage.json). */
const COLUMNS = ['term_id', 'term_label', 'section_id', 'section', 'group_id', 'group', 'measure_id', 'measure', 'value', 'unit', 'lower_bound', 'upper_bound', 'ci_lower_95', 'ci_upper_95', 'status', 'revised'] as const;

/** RFC 4180 rows of a CSV text (a byte order mark skipped). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      row.push(field), (field = '');
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/**
 * A term's figures.csv, each figure as what it publishes: a number, a percentage ("87%"), a band
 * ("80% or more", "below 80%"), an average ("4.0") or the symbol (any status: a figure not
 * given says nothing about its group).
 */
export function parseCsv(text: string): Row[] {
  const [head, ...body] = csvRows(text);
  expect(head).toEqual([...COLUMNS]);
  return body.map((cells) => {
    const c = Object.fromEntries(COLUMNS.map((k, i) => [k, cells[i] ?? ''])) as Record<(typeof COLUMNS)[number], string>;
    let value: string;
    if (c.status !== '') value = SYMBOL;
    else if (c.lower_bound !== '' && c.upper_bound !== '') value = Number(c.upper_bound) >= 100 ? `${c.lower_bound}% or more` : Number(c.lower_bound) <= 0 ? `below ${c.upper_bound}%` : `${c.lower_bound}% to below ${c.upper_bound}%`;
    else if (c.unit === 'percent') value = `${c.value}%`;
    else value = c.value;
    return { term: c.term_label, section: c.section, group: c.group, measure: c.measure, value };
  });
}

/** Hand-made rows, written "section,group,measure,value" as the page shows each value. */
const handRows = (lines: string[]): Row[] =>
  lines.map((l) => {
    const [section, group, measure, value] = l.split(',');
    return { term: 'T', section: section!, group: group!, measure: measure!, value: value! };
  });

/** Facts the report page states that the CSV does not carry. */
export interface PageFacts {
  /** section → group → met the target? */
  met: Map<string, Map<string, boolean>>;
  /** section → how many groups the page says had `threshold` audits or fewer */
  fewGroups: Map<string, number>;
  target?: number;
}

/** What the attacker uses beyond the CSV: the report page's statements and the methodology's published rule. */
export interface Knowledge {
  page?: PageFacts;
  /** "Percentages and averages made from … a group of 5 or fewer are hidden too" (methodology page). */
  methodology?: boolean;
}

export function buildAttack(rows: Row[], knowledge: Knowledge = {}): Attack {
  const page: PageFacts = knowledge.page ?? { met: new Map(), fewGroups: new Map() };
  const m = new Model();
  const cells: Cell[] = [];
  const shares: Share[] = [];
  const hidden: Attack['hidden'] = [];
  const derived: Attack['derived'] = [];
  const gradeRows: GradeRow[] = [];
  const k = (s: string, g: string, me: string) => `${s}|${g}|${me}`;
  const bySection = new Map<string, Row[]>();
  for (const r of rows) bySection.set(r.section, [...(bySection.get(r.section) ?? []), r]);
  const groupsOf = (s: string) => [...new Set((bySection.get(s) ?? []).map((r) => r.group))];
  const measuresOf = (s: string) => [...new Set((bySection.get(s) ?? []).map((r) => r.measure))];
  const value = new Map(rows.map((r) => [k(r.section, r.group, r.measure), r.value]));
  const isCategory = (me: string) => me !== 'Total' && !me.startsWith('%');

  /** A table of unknown counts (group × category), its row Totals and an "All" row of column sums. */
  function table(section: string, opts: { allRow?: string; categories?: string[] } = {}) {
    const groups = groupsOf(section).filter((g) => g !== opts.allRow);
    const cats = opts.categories ?? measuresOf(section).filter(isCategory);
    const x = new Map<string, Map<string, string>>();
    for (const g of groups) {
      const row = new Map<string, string>();
      for (const c of cats) {
        const v = m.v(`${section} / ${g} / ${c}`);
        row.set(c, v);
        cells.push({ key: k(section, g, c), expr: lin([v, 1]), row: `${section}|${g}` });
      }
      x.set(g, row);
      cells.push({ key: k(section, g, 'Total'), expr: sum([...row.values()]), total: `${section}|${g}` });
    }
    const col = (c: string) => sum(groups.map((g) => x.get(g)!.get(c)!));
    const rowTotal = (g: string) => sum([...x.get(g)!.values()]);
    const grand = sum(groups.map(rowTotal));
    if (opts.allRow) {
      for (const c of cats) cells.push({ key: k(section, opts.allRow, c), expr: col(c), row: `${section}|${opts.allRow}` });
      cells.push({ key: k(section, opts.allRow, 'Total'), expr: grand, total: `${section}|${opts.allRow}` });
    }
    return { groups, cats, x, col, rowTotal, grand };
  }

  // --- Grades: three full breakdowns of the term sharing one set of grade totals.
  const GRADES = measuresOf('Grades given').filter(isCategory);
  const GOOD_OR_BETTER = GRADES.slice(0, 2); // Outstanding, Good (the scale is listed best first)
  const BREAKDOWNS = ['Grades by type of audit', 'Grades by locality', 'Grades by level of audit'].filter((s) => bySection.has(s));
  const tables = BREAKDOWNS.map((s) => ({ section: s, ...table(s, { allRow: 'All', categories: GRADES }) }));
  const first = tables[0];
  const audits: Lin = first ? first.grand : lin([m.v('audits'), 1]);
  if (first) {
    for (const t of tables.slice(1)) for (const g of GRADES) m.add(lin([t.col(g), 1], [first.col(g), -1]), '=', 0, `${t.section} has the grade totals of ${first.section}`);
    const gradeTotal = (g: string) => first.col(g);
    const gob = (row: Map<string, string>) => sum(GOOD_OR_BETTER.map((g) => row.get(g)!));
    for (const g of GRADES) cells.push({ key: k('Grades given', 'All audits', g), expr: gradeTotal(g), row: 'Grades given|All audits' });
    cells.push({ key: k('Grades given', 'All audits', 'Total'), expr: audits, total: 'Grades given|All audits' });
    cells.push({ key: k('Headline', 'All audits', 'Audits completed'), expr: audits });
    const allGob = sum(GOOD_OR_BETTER.map(gradeTotal));
    shares.push({ key: k('Grades given', 'All audits', '% Good or better'), part: allGob, whole: audits });
    shares.push({ key: k('Headline', 'All audits', '% Good or better'), part: allGob, whole: audits });
    for (const t of tables) {
      shares.push({ key: k(t.section, 'All', '% Good or better'), part: allGob, whole: audits });
      for (const g of t.groups) {
        const row = t.x.get(g)!;
        const total = t.rowTotal(g);
        shares.push({ key: k(t.section, g, '% Good or better'), part: gob(row), whole: total });
        gradeRows.push({ key: `${t.section}|${g}`, cells: GRADES.map((gr) => lin([row.get(gr)!, 1])), total, goodOrBetter: gob(row) });
        derived.push({ key: `${t.section}|${g}|below Good (derived)`, expr: lin([total, 1], [gob(row), -1]) });
        // The page: "Met the 80% target?" and "N groups had 5 audits or fewer, so their shares are not published".
        const met = page.met.get(t.section)?.get(g);
        if (met !== undefined && page.target !== undefined) {
          m.add(total, '>=', 1, `${t.section}|${g}|met the target (page)`);
          // The page answers for the true share: a share published as exactly the target says
          // which side of it it is on (79.6% is shown as 80% but "No"), and a band or any other
          // share is on one side. So "Yes" is 100·part ≥ target·whole and "No" is below it.
          if (met) m.add(lin([gob(row), 100], [total, -page.target]), '>=', 0, `${t.section}|${g}|met the target (page)`);
          else m.add(lin([gob(row), 100], [total, -page.target]), '<=', -1, `${t.section}|${g}|did not meet the target (page)`);
        }
      }
      const few = page.fewGroups.get(t.section);
      if (few !== undefined) {
        // Only the groups whose share is hidden can be among the few; when they are exactly that many, each is.
        const candidates = t.groups.filter((g) => value.get(k(t.section, g, '% Good or better')) === SYMBOL && !(Number(value.get(k(t.section, g, 'Total'))) > THRESHOLD));
        if (candidates.length === few) for (const g of candidates) m.add(t.rowTotal(g), '<=', THRESHOLD, `${t.section}|${g}|had ${THRESHOLD} audits or fewer (page)`);
      }
    }
  }

  // --- Timeliness: met / not met for the types that have a timescale; each ≤ that type's audits.
  const TIMELY = 'Statutory timescales met, by type of audit';
  if (bySection.has(TIMELY)) {
    const t = table(TIMELY, { allRow: 'All' });
    const [met] = t.cats;
    for (const g of t.groups) {
      shares.push({ key: k(TIMELY, g, '% Met'), part: lin([t.x.get(g)!.get(met!)!, 1]), whole: t.rowTotal(g) });
      const typeRow = first?.section === 'Grades by type of audit' ? first.x.get(g) : undefined;
      if (typeRow) {
        const typeTotal = sum([...typeRow.values()]);
        m.add(lin([typeTotal, 1], [t.rowTotal(g), -1]), '>=', 0, `${g}: audits with a timescale ≤ audits`);
        derived.push({ key: `${TIMELY}|${g}|audits without a timescale (derived)`, expr: lin([typeTotal, 1], [t.rowTotal(g), -1]) });
      }
    }
    shares.push({ key: k(TIMELY, 'All', '% Met'), part: t.col(met!), whole: t.grand });
    m.add(lin([audits, 1], [t.grand, -1]), '>=', 0, 'audits with a timescale ≤ audits');
  }

  // --- Moderation: every audit is moderated or not.
  const MOD = 'Audits moderated';
  if (bySection.has(MOD)) {
    const t = table(MOD);
    const [yes] = t.cats;
    for (const g of t.groups) shares.push({ key: k(MOD, g, '% Moderated'), part: lin([t.x.get(g)!.get(yes!)!, 1]), whole: t.rowTotal(g) });
    m.add(lin([t.grand, 1], [audits, -1]), '=', 0, 'every audit is moderated or not');
  }

  // --- Practice standards most often not met: each ≤ audits, listed most often first.
  const STD = 'Practice standards most often not met';
  const stdGroups = groupsOf(STD);
  let prev: string | undefined;
  for (const g of stdGroups) {
    const s = m.v(`${STD} / ${g}`);
    cells.push({ key: k(STD, g, 'Audits not meeting it'), expr: lin([s, 1]) });
    shares.push({ key: k(STD, g, '% of audits'), part: lin([s, 1]), whole: audits });
    m.add(lin([audits, 1], [s, -1]), '>=', 0, `${g} ≤ audits`);
    if (prev) m.add(lin([prev, 1], [s, -1]), '>=', 0, `${g} listed after a standard not met at least as often`);
    prev = s;
  }

  // --- Families: ratings 1–5 (with the average) and themes, each adding up to the responses.
  const RATINGS = [...bySection.keys()].find((s) => s.startsWith('How families rated'));
  const THEMES = 'What families told us about';
  const FAM = 'What families told us';
  let responses: Lin | undefined;
  if (RATINGS) {
    const t = table(RATINGS);
    const [g] = t.groups;
    const row = t.x.get(g!)!;
    responses = t.rowTotal(g!);
    shares.push({ key: k(RATINGS, g!, '% Rated 4 or 5'), part: sum(t.cats.filter((c) => Number(c) >= 4).map((c) => row.get(c)!)), whole: responses });
    const avg = value.get(k(FAM, 'All responses', 'Average rating (1 to 5)'));
    if (avg !== undefined && avg !== SYMBOL) {
      expect(avg, 'average rating').toMatch(/^\d+\.\d$/);
      const tenths = Math.round(Number(avg) * 10);
      for (const c of averageCons(lin(...t.cats.map((c) => [row.get(c)!, Number(c)] as [string, number])), responses, tenths, 'average rating')) m.add(c.terms, c.op, c.rhs, c.from);
      if (knowledge.methodology) m.add(responses, '>=', THRESHOLD + 1, `an average is published only for more than ${THRESHOLD} responses`);
    }
    if (avg !== undefined) cells.push({ key: k(FAM, 'All responses', 'Average rating (1 to 5)'), expr: new Map(), total: 'average' }); // handled above
    cells.push({ key: k(FAM, 'All responses', 'Responses'), expr: responses });
  }
  if (bySection.has(THEMES)) {
    const t = table(THEMES);
    if (responses) m.add(lin([t.grand, 1], [responses, -1]), '=', 0, 'feedback themes add up to the responses');
  }

  // --- Compliments and complaints by theme, and decided complaints.
  const CC = 'Compliments and complaints by theme';
  let complaints: Lin | undefined;
  if (bySection.has(CC)) {
    const t = table(CC, { allRow: 'All' });
    complaints = t.x.has('Complaints') ? t.rowTotal('Complaints') : undefined;
  }
  const DEC = 'Complaints decided: upheld or not';
  if (bySection.has(DEC)) {
    const t = table(DEC);
    const [g] = t.groups;
    const row = t.x.get(g!)!;
    shares.push({ key: k(DEC, g!, '% Upheld'), part: lin([row.get(t.cats[0]!)!, 1]), whole: t.rowTotal(g!) });
    if (complaints) {
      m.add(lin([complaints, 1], [t.rowTotal(g!), -1]), '>=', 0, 'decided complaints ≤ complaints');
      derived.push({ key: 'complaints still open (complaints − decided complaints) (derived)', expr: lin([complaints, 1], [t.rowTotal(g!), -1]) });
    }
  }

  // --- Every published figure, as what it says.
  const cellByKey = new Map(cells.map((c) => [c.key, c]));
  const shareByKey = new Map(shares.map((s) => [s.key, s]));
  // The published rule: "a c is at least 1, except in a row where every number is c or 0, where
  // a c can also be 0".
  const rowAllHidden = new Map<string, boolean>();
  for (const c of cells) if (c.row) rowAllHidden.set(c.row, (rowAllHidden.get(c.row) ?? true) && (value.get(c.key) === SYMBOL || value.get(c.key) === '0'));
  const unmodelled: string[] = [];
  for (const r of rows) {
    const key = k(r.section, r.group, r.measure);
    const cell = cellByKey.get(key);
    const share = shareByKey.get(key);
    if (cell) {
      if (cell.total === 'average') continue;
      if (r.value === SYMBOL) {
        const zeroable = rowAllHidden.get(cell.row ?? cell.total ?? '') === true;
        m.add(cell.expr, '>=', zeroable ? 0 : 1, `${key} = c`);
        hidden.push({ key, expr: cell.expr });
      } else {
        expect(r.value, key).toMatch(/^\d+$/);
        m.add(cell.expr, '=', Number(r.value), `${key} = ${r.value}`);
      }
    } else if (share) {
      for (const c of shareCons(r.value, share.part, share.whole, `${key} = ${r.value}`)) {
        m.add(c.terms, c.op, c.rhs, c.from);
        // Methodology: "Percentages and averages made from … a group of 5 or fewer are hidden too."
      }
      if (r.value !== SYMBOL && knowledge.methodology) m.add(share.whole, '>=', THRESHOLD + 1, `${key}: a share is published only for a group of more than ${THRESHOLD}`);
    } else unmodelled.push(`${key} = ${r.value}`);
  }
  return { model: m, hidden, derived, gradeRows, unmodelled };
}

/** The facts a report page states beyond its CSV: "Met the N% target?" and "N groups had … or fewer". */
export function pageFacts(html: string): PageFacts {
  const doc = parseHtml(html);
  const facts: PageFacts = { met: new Map(), fewGroups: new Map() };
  for (const table of doc.querySelectorAll('table')) {
    const heads = table.querySelectorAll('thead th').map((th) => th.text.trim());
    const metCol = heads.findIndex((h) => /^Met the \d+% target\?$/.test(h));
    if (metCol < 0) continue;
    facts.target = Number(/(\d+)%/.exec(heads[metCol]!)![1]);
    const caption = table.querySelector('caption')?.text.trim() ?? '';
    const section = /by type of audit$/.test(caption) ? 'Grades by type of audit' : /by locality$/.test(caption) ? 'Grades by locality' : /by level of audit$/.test(caption) ? 'Grades by level of audit' : undefined;
    expect(section, `a table the attacker cannot place: ${caption}`).toBeDefined();
    const met = new Map<string, boolean>();
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cellsOf = tr.childNodes.filter((n): n is HTMLElement => (n as HTMLElement).tagName === 'TH' || (n as HTMLElement).tagName === 'TD');
      const group = cellsOf[0]!.text.trim();
      const answer = cellsOf[metCol]!.text.trim();
      if (answer === 'Yes' || answer === 'No') met.set(group, answer === 'Yes');
    }
    facts.met.set(section!, met);
    let el: HTMLElement | null = table.parentNode;
    while (el && el.tagName !== 'SECTION') el = el.parentNode;
    const few = el ? /(\d+) groups? had (\d+) audits or fewer/.exec(el.text) : null;
    if (few) {
      expect(Number(few[2])).toBe(THRESHOLD);
      facts.fewGroups.set(section!, Number(few[1]));
    }
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// The audit of one term.

interface Finding {
  figure: string;
  min: number;
  max: number;
}
interface TermResult {
  term: string;
  hiddenChecked: number;
  narrowest?: Finding;
  /** The narrowest among hidden counts that are not pinned to 0. */
  narrowestNonZero?: Finding;
  narrow: Finding[]; // hidden counts that may be 1 or more, with fewer than THRESHOLD values
  /** Hidden counts the attacker pins to exactly 0: reported, not failed (a zero may already be published elsewhere). */
  pinnedZero: Finding[];
  pinnedSums: Finding[]; // derived sums pinned to 1..THRESHOLD
  sameGrade: string[]; // grade rows where every audit must have one grade
  derivedChecked: number;
  unmodelled: string[];
}

/** Can every audit in this row be forced to one grade? (Max number of grades in use ≤ 1 while the row may hold audits.) */
function sameGradeForced(m: Model, row: GradeRow): boolean {
  if (optimum(m, 'Maximize', row.total) < 1) return false; // the group may hold no audits at all: nothing to tell
  const ys = row.cells.map(() => m.v('same-grade indicator'));
  const extra: Con[] = row.cells.map((c, i) => ({ terms: lin([c, 1], [ys[i]!, -1]), op: '>=', rhs: 0, from: 'indicator' }));
  const most = optimum(m, 'Maximize', sum(ys), extra, ys);
  m.vars.splice(m.vars.length - ys.length, ys.length);
  return most <= 1;
}

function audit(term: string, rows: Row[], knowledge: Knowledge): TermResult {
  const a = buildAttack(rows, knowledge);
  // The model must admit at least one table: otherwise the attacker misread the publication.
  if (!feasible(a.model)) {
    const culprits = [...new Set(a.model.cons.map((c) => sourceOf(c.from)))].filter((src) => {
      const relaxed = new Model();
      relaxed.vars.push(...a.model.vars);
      relaxed.cons.push(...a.model.cons.filter((c) => sourceOf(c.from) !== src));
      return feasible(relaxed);
    });
    throw new Error(`${term}: no table fits every published figure; feasible again without: ${culprits.join('; ')}`);
  }
  const result: TermResult = { term, hiddenChecked: a.hidden.length, narrow: [], pinnedZero: [], pinnedSums: [], sameGrade: [], derivedChecked: a.derived.length, unmodelled: a.unmodelled };
  for (const h of a.hidden) {
    const [min, max] = range(a.model, h.expr);
    const f = { figure: h.key, min, max };
    if (!result.narrowest || max - min < result.narrowest.max - result.narrowest.min) result.narrowest = f;
    if (max > 0 && (!result.narrowestNonZero || max - min < result.narrowestNonZero.max - result.narrowestNonZero.min)) result.narrowestNonZero = f;
    // The rule protects hidden counts of 1 or more: a c whose range holds any value of 1 or more
    // must have at least THRESHOLD possible values. A c pinned to exactly 0 is listed apart.
    if (max === 0) result.pinnedZero.push(f);
    else if (max - min + 1 < THRESHOLD) {
      result.narrow.push(f);
      if (process.env.ATTACK_EXPLAIN === '1') console.log(`${term} ${show(f)}\n    pinned by: ${pinnedBy(a.model, h.expr, [min, max]).join('; ')}`);
    }
  }
  for (const d of a.derived) {
    const [min, max] = range(a.model, d.expr);
    if (min === max && min >= 1 && min <= THRESHOLD) result.pinnedSums.push({ figure: d.key, min, max });
  }
  for (const row of a.gradeRows) if (row.cells.length > 1 && sameGradeForced(a.model, row)) result.sameGrade.push(row.key);
  return result;
}

/** The kind of published fact a constraint comes from, to say which figures pin a finding. */
function sourceOf(from: string): string {
  if (from.includes('(page)')) return from.includes('the target (page)') ? 'page: "Met the target?"' : 'page: "N groups had 5 audits or fewer"';
  if (from.includes('is published only')) return 'methodology: no share or average for 5 or fewer';
  if (from.includes('|')) return `${from.split('|')[0]}${from.endsWith('= c') ? ' (its c cells)' : ''}`;
  return `structure: ${from}`;
}

/** The kinds of published fact without which the range of `e` would be wider. */
function pinnedBy(m: Model, e: Lin, [min, max]: [number, number]): string[] {
  const out: string[] = [];
  for (const src of [...new Set(m.cons.map((c) => sourceOf(c.from)))]) {
    const relaxed = new Model();
    relaxed.vars.push(...m.vars);
    relaxed.cons.push(...m.cons.filter((c) => sourceOf(c.from) !== src));
    const [lo, hi] = range(relaxed, e);
    if (lo !== min || hi !== max) out.push(`${src} (without it ${lo}–${hi})`);
  }
  return out;
}

const show = (f?: Finding) => (f ? `${f.figure}: ${f.min}–${f.max} (${f.max - f.min + 1} value${f.max === f.min ? '' : 's'}${f.max === 0 ? ': a zero shown as c' : ''})` : 'none');

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  highs = await highsLoader();
});

describe('the attacker (hand-made tables)', () => {
  const csv = handRows;

  it('reads a figures.csv as the page shows each figure: number, percentage, band, average or symbol', () => {
    const head = 'term_id,term_label,section_id,section,group_id,group,measure_id,measure,value,unit,lower_bound,upper_bound,ci_lower_95,ci_upper_95,status,revised';
    const rows = parseCsv(
      [
        `\uFEFF${head}`,
        'T,Term,headline,Headline,all,All audits,audits,Audits completed,20,count,,,,,,false',
        'T,Term,by-type,Grades by type of audit,x,"EHC plan, final",share-good-or-better,% Good or better,,percent,80,100,,,,false',
        'T,Term,by-type,Grades by type of audit,y,Panel,share-good-or-better,% Good or better,,percent,0,80,,,,false',
        'T,Term,by-type,Grades by type of audit,z,Annual review,share-good-or-better,% Good or better,87,percent,,,,,,true',
        'T,Term,by-type,Grades by type of audit,z,Annual review,good,Good,,count,,,,,c,false',
        'T,Term,by-type,Grades by type of audit,w,Child case,share-good-or-better,% Good or better,,percent,,,,,z,false',
        'T,Term,feedback,What families told us,all,All responses,average-rating,Average rating (1 to 5),4.0,rating_1_to_5,,,,,,false',
      ].join('\r\n'),
    );
    expect(rows.map((r) => [r.group, r.value])).toEqual([
      ['All audits', '20'],
      ['EHC plan, final', '80% or more'],
      ['Panel', 'below 80%'],
      ['Annual review', '87%'],
      ['Annual review', SYMBOL],
      ['Child case', SYMBOL],
      ['All responses', '4.0'],
    ]);
  });

  it('recovers the counts of the leaky spring 2023/24 complaints table (placement + travel = 4)', () => {
    const CC = 'Compliments and complaints by theme';
    // Every row and column has two or more c; the All row pins placement + travel to 4, and
    // each All cell is a compliment c plus a complaint c (each at least 1): so 2 and 2, and 1 each.
    const rows = csv([
      ...[['Compliments', 7, 16], ['Complaints', 6, 14]].flatMap(([g, tim, total]) => [`${CC},${g},Communication,c`, `${CC},${g},Timeliness,${tim}`, `${CC},${g},School or setting placement,c`, `${CC},${g},Travel assistance,c`, `${CC},${g},Total,${total}`]),
      `${CC},All,Communication,13`,
      `${CC},All,Timeliness,13`,
      `${CC},All,School or setting placement,c`,
      `${CC},All,Travel assistance,c`,
      `${CC},All,Total,30`,
    ]);
    const a = buildAttack(rows);
    expect(a.unmodelled).toEqual([]);
    const ranges = Object.fromEntries(a.hidden.map((h) => [h.key, range(a.model, h.expr)]));
    expect(ranges[`${CC}|All|School or setting placement`]).toEqual([2, 2]);
    expect(ranges[`${CC}|All|Travel assistance`]).toEqual([2, 2]);
    for (const g of ['Compliments', 'Complaints']) for (const t of ['School or setting placement', 'Travel assistance']) expect(ranges[`${CC}|${g}|${t}`]).toEqual([1, 1]);
    expect(ranges[`${CC}|Compliments|Communication`]).toEqual([7, 7]);
  });

  it('sees an average rating pin its hidden ratings ([2,3,0,0,7] published as c, c, 0, 0, 7, average 3.6)', () => {
    const R = 'How families rated their experience (1 very poor to 5 very good)';
    const rows = csv([`What families told us,All responses,Responses,12`, `What families told us,All responses,Average rating (1 to 5),3.6`, ...['c', 'c', '0', '0', '7'].map((v, i) => `${R},All responses,${i + 1},${v}`), `${R},All responses,Total,12`]);
    const a = buildAttack(rows);
    const ranges = a.hidden.map((h) => range(a.model, h.expr));
    expect(ranges).toEqual([
      [2, 2],
      [3, 3],
    ]);
  });

  it('sees open complaints pinned, and a row of 0, 0, c, 0 tell every audit got one grade', () => {
    const CC = 'Compliments and complaints by theme';
    const DEC = 'Complaints decided: upheld or not';
    const G = 'Grades by type of audit';
    const grades = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];
    const rows = csv([
      ...grades.map((g, i) => `Grades given,All audits,${g},${[10, 20, 8, 6][i]}`),
      ...grades.map((g, i) => `${G},Child case,${g},${['0', '0', 'c', '0'][i]}`),
      ...grades.map((g, i) => `${G},EHC plan,${g},${['10', '20', 'c', '6'][i]}`),
      ...grades.map((g, i) => `${G},All,${g},${[10, 20, 8, 6][i]}`),
      `${CC},Complaints,Communication,12`,
      `${CC},Complaints,Total,12`,
      `${DEC},Decided complaints,Upheld,6`,
      `${DEC},Decided complaints,Not upheld,5`,
      `${DEC},Decided complaints,Total,11`,
    ]);
    const a = buildAttack(rows);
    const open = a.derived.find((d) => d.key.startsWith('complaints still open'))!;
    expect(range(a.model, open.expr)).toEqual([1, 1]);
    const child = a.gradeRows.find((r) => r.key === `${G}|Child case`)!;
    expect(sameGradeForced(a.model, child)).toBe(true);
    expect(sameGradeForced(a.model, a.gradeRows.find((r) => r.key === `${G}|EHC plan`)!)).toBe(false);
  });
});

const csvFiles = existsSync(join(DIST, 'reports')) ? globSync('reports/*/*/figures.csv', { cwd: DIST }).sort() : [];

describe('the attack on the built site', () => {
  it('finds every term of the example data', () => expect(csvFiles.length).toBe(9));

  it.each(csvFiles)('%s: no hidden count narrower than the threshold, no small sum pinned, no group forced to one grade', (file) => {
    const rows = parseCsv(readFileSync(join(DIST, file), 'utf8'));
    const term = rows[0]!.term;
    const html = join(DIST, file.replace(/figures\.csv$/, 'index.html'));
    // ATTACK_KNOWLEDGE=csv: the CSV alone (no page statements, no methodology rule), to see what each adds.
    const csvOnly = process.env.ATTACK_KNOWLEDGE === 'csv';
    const r = audit(term, rows, csvOnly ? {} : { page: existsSync(html) ? pageFacts(readFileSync(html, 'utf8')) : undefined, methodology: true });
    console.log(
      [
        `${term}: ${r.hiddenChecked} hidden counts and ${r.derivedChecked} derived sums checked; narrowest ${show(r.narrowest)}; narrowest not pinned to 0: ${show(r.narrowestNonZero)}`,
        ...r.narrow.map((f) => `  NARROWED ${show(f)}`),
        ...r.pinnedZero.map((f) => `  PINNED TO 0 (check whether the 0 is published elsewhere) ${show(f)}`),
        ...r.pinnedSums.map((f) => `  PINNED SUM ${show(f)}`),
        ...r.sameGrade.map((g) => `  ONE GRADE ${g}`),
      ].join('\n'),
    );
    expect(r.unmodelled, 'figures the attacker does not model').toEqual([]);
    expect(r.narrow.map(show), 'hidden counts with fewer than threshold possible values').toEqual([]);
    expect(r.pinnedSums.map(show), 'small sums pinned to 1..threshold').toEqual([]);
    expect(r.sameGrade, 'rows where every audit must have one grade').toEqual([]);
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------
// Services' self-evaluation, as each standard's page publishes it (issue 15). The attacker reads
// the table alone: each year a row of ratings, the top ratings together (the column named
// "Outstanding or Good" adds up the columns it names), the services that rated themselves and
// the share giving a top rating. Years share no counts, so each row is a model of its own.

interface SelfRow {
  key: string;
  ratings: string[];
  /** Which rating columns the top-ratings column adds up. */
  topCols: number[];
  top: string;
  total: string;
  share: string;
}

/** Every self-evaluation row a built standard page publishes. */
export function selfEvaluationRows(html: string, page: string): SelfRow[] {
  const doc = parseHtml(html);
  const section = doc.querySelectorAll('main section').find((s) => s.querySelector('h2')?.text.trim() === 'How services rate themselves');
  if (!section) return [];
  const table = section.querySelector('table')!;
  const heads = table.querySelectorAll('thead th').map((th) => th.text.replace(/\s+/g, ' ').trim());
  // Columns are found by their headings, in whatever order the page gives them.
  const topAt = heads.findIndex((h, i) => i > 0 && / or /.test(h) && !h.startsWith('%'));
  expect(topAt, `${page}: the top-ratings column`).toBeGreaterThan(0);
  const shareAt = heads.indexOf(`% ${heads[topAt]}`);
  const totalAt = heads.indexOf('Services');
  expect(shareAt, `${page}: the share column`).toBeGreaterThan(0);
  expect(totalAt, `${page}: the services column`).toBeGreaterThan(0);
  const ratingAt = heads.flatMap((_, i) => (i > 0 && ![topAt, shareAt, totalAt].includes(i) ? [i] : []));
  const ratings = ratingAt.map((i) => heads[i]!);
  expect(ratings.length, `${page}: the rating columns`).toBeGreaterThan(1);
  const named = heads[topAt]!.split(/, | or /);
  const topCols = named.map((n) => ratings.indexOf(n));
  expect(topCols.every((i) => i >= 0), `${page}: the top-ratings column names ratings of the table`).toBe(true);
  return table.querySelectorAll('tbody tr').map((tr) => {
    const year = tr.querySelector('th')!.text.trim();
    // Cell i of the row sits under heading i + 1 (the year is the row's heading).
    const v = tr.querySelectorAll('td').map((td) => (td.querySelector('.sq-c') ? SYMBOL : td.text.replace(/\s+/g, ' ').trim()));
    const at = (i: number) => v[i - 1]!;
    return { key: `${page} ${year}`, ratings: ratingAt.map(at), topCols, top: at(topAt), total: at(totalAt), share: at(shareAt) };
  });
}

function attackSelfRow(r: SelfRow): { hidden: Finding[]; narrow: Finding[]; pinnedSums: Finding[]; sameGrade: boolean } {
  const m = new Model();
  const x = r.ratings.map((_, i) => m.v(`${r.key} rating ${i}`));
  const zeroable = r.ratings.every((v) => v === SYMBOL || v === '0');
  const top = sum(r.topCols.map((i) => x[i]!));
  const total = sum(x);
  const hidden: Array<{ key: string; expr: Lin }> = [];
  const fig = (key: string, value: string, expr: Lin, canBeZero: boolean) => {
    if (value === SYMBOL) {
      m.add(expr, '>=', canBeZero ? 0 : 1, `${key} = c`);
      hidden.push({ key, expr });
    } else {
      expect(value, key).toMatch(/^\d+$/);
      m.add(expr, '=', Number(value), `${key} = ${value}`);
    }
  };
  r.ratings.forEach((v, i) => fig(`${r.key} rating ${i}`, v, lin([x[i]!, 1]), zeroable));
  fig(`${r.key} top ratings`, r.top, top, false);
  fig(`${r.key} services`, r.total, total, false);
  for (const c of shareCons(r.share, top, total, `${r.key} share`)) m.add(c.terms, c.op, c.rhs, c.from);
  if (r.share !== SYMBOL) m.add(total, '>=', THRESHOLD + 1, `${r.key}: a share is published only for a group of more than ${THRESHOLD}`);
  expect(feasible(m), `${r.key}: no table fits the published row`).toBe(true);
  const out = { hidden: [] as Finding[], narrow: [] as Finding[], pinnedSums: [] as Finding[], sameGrade: false };
  for (const h of hidden) {
    const [min, max] = range(m, h.expr);
    const f = { figure: h.key, min, max };
    out.hidden.push(f);
    if (max > 0 && max - min + 1 < THRESHOLD) out.narrow.push(f);
  }
  const rest = sum(x.filter((_, i) => !r.topCols.includes(i)));
  const [min, max] = range(m, rest);
  if (min === max && min >= 1 && min <= THRESHOLD) out.pinnedSums.push({ figure: `${r.key} ratings below the top`, min, max });
  if (r.ratings.length > 1) out.sameGrade = sameGradeForced(m, { key: r.key, cells: x.map((v) => lin([v, 1])), total, goodOrBetter: top });
  return out;
}

const standardPages = existsSync(join(DIST, 'standards')) ? globSync('standards/*/*/index.html', { cwd: DIST }).sort() : [];

describe('the attack on the self-evaluation of the built site', () => {
  it('sees a self-evaluation table with hidden counts, and an exact share, on the example standards pages', () => {
    const rows = standardPages.flatMap((p) => selfEvaluationRows(readFileSync(join(DIST, p), 'utf8'), p));
    expect(rows.length).toBeGreaterThanOrEqual(21 * 3);
    expect(rows.some((r) => r.ratings.includes(SYMBOL))).toBe(true);
    expect(rows.some((r) => /^\d+%$/.test(r.share))).toBe(true);
  });

  it('sees a row whose share would give the few lower ratings away (hand-made)', () => {
    // 35 services, 32 top, shown as c, c, c, 0 | 32 | 35 | 91%: the 3 below the top are pinned.
    const r = attackSelfRow({ key: 'hand-made', ratings: [SYMBOL, SYMBOL, SYMBOL, '0'], topCols: [0, 1], top: '32', total: '35', share: '91%' });
    expect(r.pinnedSums.map((f) => f.figure)).toEqual(['hand-made ratings below the top']);
  });

  it.each(standardPages)('%s: no hidden count narrower than the threshold, no small sum pinned, no row forced to one rating', (p) => {
    const rows = selfEvaluationRows(readFileSync(join(DIST, p), 'utf8'), p);
    for (const row of rows) {
      const r = attackSelfRow(row);
      expect(r.narrow.map(show), `${row.key}: hidden counts with fewer than threshold possible values`).toEqual([]);
      expect(r.pinnedSums.map(show), `${row.key}: small sums pinned`).toEqual([]);
      expect(r.sameGrade, `${row.key}: every service given the same rating`).toBe(false);
    }
  }, 120_000);
});
