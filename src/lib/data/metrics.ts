/**
 * The published figures a briefing can quote by name, so that no number in a briefing is
 * typed by hand: <Stat metric="good-or-better" term="2025-26-summer" auditType="ehc-plan" />.
 * Every figure comes from a termly report, after disclosure control, and is the same figure
 * as in that report's table and CSV download.
 */
import type { Average, Figure, Percent } from './disclosure.ts';
import type { CrossTab, TermReport } from './report.ts';
import { againstTarget, changeWords } from './report-text.ts';
import { REPORT_CHARTS, type ReportChart } from './chart-specs.ts';
import { chanceWords, compareFigures, compareFigureWithTarget } from '../describe/published-chance.ts';
import type { Verdict } from '../describe/chance.ts';

export const METRICS = {
  audits: 'number of audits completed',
  'good-or-better': 'share of audits graded Good or better',
  timeliness: 'share of audits where the statutory timescale was met',
  moderation: 'share of audits moderated',
  responses: 'number of family feedback responses',
  'average-rating': "families' average rating, from 1 to 5",
  'rated-4-or-5': 'share of families rating their experience 4 or 5',
  compliments: 'number of compliments',
  complaints: 'number of complaints',
  'complaints-upheld': 'share of decided complaints that were upheld',
} as const;
export type MetricName = keyof typeof METRICS;

/** Metrics that can be narrowed to one audit type, locality or level. */
const BY_GROUP: readonly MetricName[] = ['audits', 'good-or-better'];

export interface MetricQuery {
  metric: string;
  term: string;
  auditType?: string;
  locality?: string;
  level?: string;
}

export interface ResolvedMetric {
  figure: Figure | Percent | Average;
  /** What the figure is, in words: "share of EHC plan audits graded Good or better". */
  description: string;
  /** Where the same figure is in the report's CSV download. */
  csv: { section: string; group: string; measure: string };
  /** For a share: the published whole it is a share of (for its interval and comparisons). */
  of?: Figure;
}

export type MetricResult = { ok: true; value: ResolvedMetric } | { ok: false; field: string; message: string; expected: string };

const fail = (field: string, message: string, expected: string): MetricResult => ({ ok: false, field, message, expected });

/** Looks a metric up in the reports, or says exactly what is wrong with the query. */
export function resolveMetric(reports: readonly TermReport[], q: MetricQuery): MetricResult {
  if (!Object.hasOwn(METRICS, q.metric)) return fail('metric', `found "${q.metric}", which is not a figure we publish`, `one of: ${Object.keys(METRICS).join(', ')}`);
  const metric = q.metric as MetricName;
  const report = reports.find((r) => r.term.id === q.term);
  if (!report) return fail('term', `found "${q.term}", which is not a term with a report`, `one of: ${reports.map((r) => r.term.id).join(', ')}`);

  const groups = ([['auditType', report.byType, 'type of audit'], ['locality', report.byLocality, 'locality'], ['level', report.byLevel, 'level']] as const).filter(([k]) => q[k] !== undefined);
  if (groups.length > 1) return fail(groups[1]![0], 'only one of auditType, locality and level can be given', 'one of them, or none');
  let group: { tab: CrossTab; row: number; label: string } | undefined;
  if (groups.length === 1) {
    const [key, tab, what] = groups[0]!;
    if (!BY_GROUP.includes(metric)) return fail(key, `the metric "${metric}" cannot be narrowed to one ${what}`, `no ${key} for this metric (only ${BY_GROUP.join(' and ')} can be narrowed)`);
    const row = tab.rows.findIndex((r) => r.id === q[key]);
    if (row === -1) return fail(key, `found "${q[key]}", which is not a ${what}`, `one of: ${tab.rows.map((r) => r.id).join(', ')}`);
    group = { tab, row, label: tab.rows[row]!.label };
  }

  const r = report;
  // A share of a whole table (its "All" row when it has several).
  const one = (t: CrossTab, measure: string, description: string): ResolvedMetric => ({ figure: t.share!.total, of: t.table.total, description, csv: { section: t.title, group: t.rows.length > 1 ? 'All' : t.rows[0]!.label, measure } });
  switch (metric) {
    case 'audits':
      return {
        ok: true,
        value: group
          ? { figure: group.tab.table.rowTotals[group.row]!, description: `number of ${group.label} audits completed`, csv: { section: group.tab.title, group: group.label, measure: 'Total' } }
          : { figure: r.audits, description: METRICS.audits, csv: { section: 'Headline', group: 'All audits', measure: 'Audits completed' } },
      };
    case 'good-or-better':
      return {
        ok: true,
        value: group
          ? { figure: group.tab.share!.rows[group.row]!, of: group.tab.table.rowTotals[group.row]!, description: `share of ${group.label} audits graded Good or better`, csv: { section: group.tab.title, group: group.label, measure: '% Good or better' } }
          : { figure: r.goodOrBetter, of: r.audits, description: METRICS['good-or-better'], csv: { section: 'Headline', group: 'All audits', measure: '% Good or better' } },
      };
    case 'timeliness':
      return { ok: true, value: one(r.timeliness, '% Met', METRICS.timeliness) };
    case 'moderation':
      return { ok: true, value: one(r.moderation, '% Moderated', METRICS.moderation) };
    case 'rated-4-or-5':
      return { ok: true, value: one(r.feedback.ratings, '% Rated 4 or 5', METRICS['rated-4-or-5']) };
    case 'complaints-upheld':
      return { ok: true, value: one(r.complaints.upheld, '% Upheld', METRICS['complaints-upheld']) };
    case 'responses':
      return { ok: true, value: { figure: r.feedback.responses, description: METRICS.responses, csv: { section: 'What families told us', group: 'All responses', measure: 'Responses' } } };
    case 'average-rating':
      return { ok: true, value: { figure: r.feedback.averageRating, description: METRICS['average-rating'], csv: { section: 'What families told us', group: 'All responses', measure: 'Average rating (1 to 5)' } } };
    case 'compliments':
    case 'complaints': {
      const t = r.complaints.byTheme;
      const row = metric === 'compliments' ? 0 : 1;
      return { ok: true, value: { figure: t.table.rowTotals[row]!, description: METRICS[metric], csv: { section: t.title, group: t.rows[row]!.label, measure: 'Total' } } };
    }
  }
}

/** Sections of a report a briefing can chart: <ReportChart term="…" section="by-type" />. */
export const CHART_SECTIONS = REPORT_CHARTS;
export type ChartSection = ReportChart;

/** What a share can be compared with in a briefing: <Compare metric="good-or-better" term="…" with="target" />. */
export const COMPARISONS = ['target', 'previous-term', 'last-year'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Metrics that are shares (percentages), so a change between terms can be given in points. */
export const SHARE_METRICS: readonly MetricName[] = ['good-or-better', 'timeliness', 'moderation', 'rated-4-or-5', 'complaints-upheld'];

/** Metrics that are numbers, compared between terms as "3 more than in …". */
export const COUNT_METRICS: readonly MetricName[] = ['audits', 'responses', 'compliments', 'complaints'];

export interface CompareQuery extends MetricQuery {
  with: string;
}
export type CompareResult = { ok: true; value: { text: string; points: number | null; against: string; csv: ResolvedMetric['csv']; otherTerm?: string; /** Whether the change or gap is more than chance (shares published exactly only). */ verdict?: Verdict } } | { ok: false; field: string; message: string; expected: string };

/**
 * A comparison in words, made from two published figures so that no "above target" or "up on
 * last term" is typed by hand: "3 points above the 80% target", "up 4 points on the spring term
 * 2025/26", "6 more than in the summer term 2024/25". Where a figure is not published, the
 * words say it cannot be compared.
 */
export function compareMetric(reports: readonly TermReport[], q: CompareQuery): CompareResult {
  if (!(COMPARISONS as readonly string[]).includes(q.with)) return { ok: false, field: 'with', message: `found "${q.with}", which is not something a figure can be compared with`, expected: `one of: ${COMPARISONS.join(', ')}` };
  const here = resolveMetric(reports, q);
  if (!here.ok) return here;
  const metric = q.metric as MetricName;
  if (metric === 'average-rating') return { ok: false, field: 'metric', message: 'an average rating cannot be compared with <Compare>', expected: `a share (${SHARE_METRICS.join(', ')}) or a number (${COUNT_METRICS.join(', ')})` };
  const report = reports.find((r) => r.term.id === q.term)!;
  const f = here.value.figure;

  if (q.with === 'target') {
    if (metric !== 'good-or-better') return { ok: false, field: 'with', message: `only good-or-better has a target, not "${metric}"`, expected: 'with="previous-term" or with="last-year" for this metric' };
    const against = `the ${report.target}% target`;
    const csv = here.value.csv;
    if (f.kind === 'band') {
      const words = againstTarget(f, report.target);
      if (words) return { ok: true, value: { text: words, points: null, against, csv } };
    }
    if (f.kind !== 'percent') return { ok: true, value: { text: `not published exactly this term, so it cannot be compared with ${against}`, points: null, against, csv } };
    const gap = here.value.of && compareFigureWithTarget(f, here.value.of, report.target);
    const text = againstTarget(f, report.target)!;
    // On the target there is no gap to explain.
    if (!gap || gap.points === 0) return { ok: true, value: { text, points: f.value - report.target, against, csv } };
    return { ok: true, value: { text: `${text} (${chanceWords(gap.verdict, 'gap')})`, points: f.value - report.target, against, csv, verdict: gap.verdict } };
  }

  // The terms a report is compared with are the report's own (terms.ts comparisons()).
  const then = report.change[q.with === 'previous-term' ? 'previous' : 'lastYear'];
  if (!then) return { ok: false, field: 'with', message: `there is no report for the ${q.with === 'previous-term' ? 'term before' : 'same term a year before'} the ${report.term.label.toLowerCase()}`, expected: 'a comparison with a term that has a report' };
  const thenFigure = resolveMetric(reports, { ...q, term: then.term.id });
  if (!thenFigure.ok) return thenFigure;
  const against = `the ${then.term.label.toLowerCase()}`;
  const g = thenFigure.value.figure;
  const base = { against, csv: here.value.csv, otherTerm: then.term.id };
  if (f.kind !== g.kind || (f.kind !== 'percent' && f.kind !== 'count' && f.kind !== 'average')) return { ok: true, value: { text: `not comparable with ${against}, because a figure is not published exactly`, points: null, ...base } };
  const d = f.value - (g as typeof f).value;
  if (SHARE_METRICS.includes(metric)) {
    const c = d !== 0 && here.value.of && thenFigure.value.of ? compareFigures({ p: f as Percent, whole: here.value.of }, { p: g as Percent, whole: thenFigure.value.of }) : undefined;
    if (d === 0) return { ok: true, value: { text: `the same as in ${against}`, points: d, ...base } };
    if (!c) return { ok: true, value: { text: `${changeWords(d)} on ${against}`, points: d, ...base } };
    return { ok: true, value: { text: `${changeWords(d)} on ${against} (${chanceWords(c.verdict, 'change')})`, points: d, ...base, verdict: c.verdict } };
  }
  return { ok: true, value: { text: d === 0 ? `the same number as in ${against}` : `${Math.abs(d)} ${d > 0 ? 'more' : 'fewer'} than in ${against}`, points: d, ...base } };
}

/** How a figure is narrowed, as pages record it: "auditType=ehc-plan", "locality=south", or "". */
export function metricFilter(q: MetricQuery): string {
  return q.auditType ? `auditType=${q.auditType}` : q.locality ? `locality=${q.locality}` : q.level ? `level=${q.level}` : '';
}
