/**
 * The published figures of a termly report as a tidy table: one row per figure, a numeric value
 * column, its unit, a range for a share published as a band, and a status column with the GSS
 * symbols where the value is not given. The CSV downloads (each term's figures.csv and
 * figures-all-terms.csv) are written from these rows, and the Table Schema that describes them
 * (src/lib/data/data-package.ts) lists the same columns. Only figures already published on the
 * report page are used, so nothing new is disclosed.
 */
import type { Average, DisclosureRule, Figure, Percent } from './disclosure.ts';
import type { CrossTab, TermReport } from './report.ts';
import { wilson } from '../describe/chance.ts';
import { publishedShare } from '../describe/published-chance.ts';

/** What a value counts: audits, responses and the like; a percentage; a mean rating on the 1 to 5 scale. */
export const UNITS = ['count', 'percent', 'rating_1_to_5'] as const;
export type Unit = (typeof UNITS)[number];

/** GSS symbols for a value not given, besides the configured suppression symbol ("c"). */
export const NOT_APPLICABLE = 'z';
export const NOT_AVAILABLE = 'x';

/** One published figure. Labels are as the report page shows them; ids stay the same across terms. */
export interface FigureRow {
  term_id: string;
  term_label: string;
  section_id: string;
  /** The section or table title, e.g. "Grades by locality". With group and measure, names the figure (as report updates do). */
  section: string;
  group_id: string;
  group: string;
  measure_id: string;
  measure: string;
  /** The published value; null when it is not published exactly (see status, or the bounds of a band). */
  value: number | null;
  unit: Unit;
  /** For a share published as a band: at least this percentage… */
  lower_bound: number | null;
  /** …and below this one (100 stands for "or more", so the share can be 100). */
  upper_bound: number | null;
  /** For a share published exactly, of a whole published exactly: its 95% Wilson score interval, to one decimal place (src/lib/describe/chance.ts). */
  ci_lower_95: number | null;
  ci_upper_95: number | null;
  /** "" for a published value or band; the suppression symbol, "z" (not applicable) or "x" (not available). */
  status: string;
  /** True when a recorded update to the report revised this figure. */
  revised: boolean;
}

/** The columns of the downloads, in order. */
export const FIGURE_COLUMNS = [
  'term_id',
  'term_label',
  'section_id',
  'section',
  'group_id',
  'group',
  'measure_id',
  'measure',
  'value',
  'unit',
  'lower_bound',
  'upper_bound',
  'ci_lower_95',
  'ci_upper_95',
  'status',
  'revised',
] as const satisfies readonly (keyof FigureRow)[];

export interface FigureRowOptions {
  /** A standard's title, for the group label of "Practice standards most often not met". */
  standardTitle: (id: string) => string;
  /** Whether an update revised the figure named by section, group and measure. */
  revised?: (section: string, group: string, measure: string) => boolean;
}

const shareId = (label: string) => `share-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
const isZero = (f: Figure | undefined) => f !== undefined && f.kind === 'count' && f.value === 0;

/**
 * Every published figure of a report, in page order: the headline, each table (its cells, each
 * row's total and share, then an "All" row for tables of more than one row), the practice
 * standards most often not met, and what families told us.
 */
export function figureRows(r: TermReport, opts: FigureRowOptions): FigureRow[] {
  const rows: FigureRow[] = [];
  const revised = opts.revised ?? (() => false);
  const add = (
    section: { id: string; title: string },
    group: { id: string; label: string },
    measure: { id: string; label: string },
    f: Figure | Percent | Average,
    unit: Unit = 'count',
    /** For a share or an average, the count it is made from: a published 0 makes it "not applicable". */
    base?: Figure,
  ) => {
    // The interval is a function of the published share and whole only (see chance.ts).
    const share = unit === 'percent' ? publishedShare(f as Percent, base) : undefined;
    const ci = share && wilson(share.percent, share.n);
    const row: FigureRow = {
      term_id: r.term.id,
      term_label: r.term.label,
      section_id: section.id,
      section: section.title,
      group_id: group.id,
      group: group.label,
      measure_id: measure.id,
      measure: measure.label,
      value: f.kind === 'count' || f.kind === 'percent' || f.kind === 'average' ? f.value : null,
      unit,
      lower_bound: f.kind === 'band' ? f.from : null,
      upper_bound: f.kind === 'band' ? f.below : null,
      ci_lower_95: ci ? Math.round(10 * ci.lower) / 10 : null,
      ci_upper_95: ci ? Math.round(10 * ci.upper) / 10 : null,
      status: f.kind === 'suppressed' ? (unit !== 'count' && isZero(base) ? NOT_APPLICABLE : r.rule.symbol) : '',
      revised: revised(section.title, group.label, measure.label),
    };
    rows.push(row);
  };
  const headline = { id: 'headline', title: 'Headline' };
  const allAudits = { id: 'all', label: 'All audits' };
  add(headline, allAudits, { id: 'audits', label: 'Audits completed' }, r.audits);
  add(headline, allAudits, { id: shareId('Good or better'), label: '% Good or better' }, r.goodOrBetter, 'percent', r.audits);
  const tab = (t: CrossTab) => {
    const section = { id: t.id, title: t.title };
    const share = t.share && { id: shareId(t.share.label), label: `% ${t.share.label}` };
    t.rows.forEach((row, i) => {
      t.cols.forEach((c, j) => add(section, row, c, t.table.cells[i]![j]!));
      add(section, row, { id: 'total', label: 'Total' }, t.table.rowTotals[i]!);
      if (share) add(section, row, share, t.share!.rows[i]!, 'percent', t.table.rowTotals[i]);
    });
    if (t.rows.length > 1) {
      const all = { id: 'all', label: 'All' };
      t.cols.forEach((c, j) => add(section, all, c, t.table.colTotals[j]!));
      add(section, all, { id: 'total', label: 'Total' }, t.table.total);
      if (share) add(section, all, share, t.share!.total, 'percent', t.table.total);
    }
  };
  [r.grades, r.byType, r.byLocality, r.byLevel, r.timeliness, r.moderation].forEach(tab);
  const standards = { id: 'standards-not-met', title: 'Practice standards most often not met' };
  for (const s of r.standardsNotMet) {
    const group = { id: s.id, label: `${s.id} ${opts.standardTitle(s.id)}` };
    add(standards, group, { id: 'not-met', label: 'Audits not meeting it' }, s.count);
    add(standards, group, { id: 'share-of-audits', label: '% of audits' }, s.percent, 'percent', r.audits);
  }
  const families = { id: 'feedback', title: 'What families told us' };
  const allResponses = { id: 'all', label: 'All responses' };
  add(families, allResponses, { id: 'responses', label: 'Responses' }, r.feedback.responses);
  add(families, allResponses, { id: 'average-rating', label: 'Average rating (1 to 5)' }, r.feedback.averageRating, 'rating_1_to_5', r.feedback.responses);
  tab(r.feedback.ratings);
  tab(r.feedback.themes);
  tab(r.complaints.byTheme);
  tab(r.complaints.upheld);
  return rows;
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A value as the file writes it: whole numbers plain, an average rating to one decimal place, nothing when not given. */
function cell(row: FigureRow, key: (typeof FIGURE_COLUMNS)[number]): string {
  const v = row[key];
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return (key === 'value' && row.unit === 'rating_1_to_5') || key.startsWith('ci_') ? v.toFixed(1) : String(v);
  return v;
}

/** The rows as CSV (RFC 4180: a header row, Windows line endings, quotes only where needed). */
export function figuresCsv(rows: readonly FigureRow[]): string {
  const lines = [FIGURE_COLUMNS.join(','), ...rows.map((row) => FIGURE_COLUMNS.map((k) => csvCell(cell(row, k))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A row's value written as the report page writes it ("87%", "80% or more", "4.0", "1,234", "c"). */
export function displayValue(row: Pick<FigureRow, 'value' | 'unit' | 'lower_bound' | 'upper_bound' | 'status'>, rule: Pick<DisclosureRule, 'symbol'>): string {
  if (row.status) return row.status === NOT_APPLICABLE ? rule.symbol : row.status;
  if (row.lower_bound !== null && row.upper_bound !== null) {
    return row.upper_bound >= 100 ? `${row.lower_bound}% or more` : row.lower_bound <= 0 ? `below ${row.upper_bound}%` : `${row.lower_bound}% to below ${row.upper_bound}%`;
  }
  if (row.value === null) return '';
  if (row.unit === 'percent') return `${row.value}%`;
  if (row.unit === 'rating_1_to_5') return row.value.toFixed(1);
  return row.value.toLocaleString('en-GB');
}
