/**
 * The published figures a briefing can quote by name, so that no number in a briefing is
 * typed by hand: <Stat metric="good-or-better" term="2025-26-summer" auditType="ehc-plan" />.
 * Every figure comes from a termly report, after disclosure control, and is the same figure
 * as in that report's table and CSV download.
 */
import type { Average, Figure, Percent } from './disclosure';
import type { CrossTab, TermReport } from './report';

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
}

export type MetricResult = { ok: true; value: ResolvedMetric } | { ok: false; field: string; message: string; expected: string };

const fail = (field: string, message: string, expected: string): MetricResult => ({ ok: false, field, message, expected });

/** Looks a metric up in the reports, or says exactly what is wrong with the query. */
export function resolveMetric(reports: readonly TermReport[], q: MetricQuery): MetricResult {
  if (!(q.metric in METRICS)) return fail('metric', `found "${q.metric}", which is not a figure we publish`, `one of: ${Object.keys(METRICS).join(', ')}`);
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
  const one = (t: CrossTab, measure: string, description: string): ResolvedMetric => ({ figure: t.share!.rows[0]!, description, csv: { section: t.title, group: t.rows[0]!.label, measure } });
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
          ? { figure: group.tab.share!.rows[group.row]!, description: `share of ${group.label} audits graded Good or better`, csv: { section: group.tab.title, group: group.label, measure: '% Good or better' } }
          : { figure: r.goodOrBetter, description: METRICS['good-or-better'], csv: { section: 'Headline', group: 'All audits', measure: '% Good or better' } },
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
export const CHART_SECTIONS = ['trend', 'grades', 'by-type', 'by-locality', 'by-level', 'timeliness', 'moderation', 'ratings', 'feedback-themes', 'complaints'] as const;
export type ChartSection = (typeof CHART_SECTIONS)[number];
