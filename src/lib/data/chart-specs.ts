/** Chart specifications made from a report's published figures (suppressed figures are gaps). */
import { chartValue } from './disclosure';
import type { CrossTab, TermReport } from './report';
import type { ChartSection } from './metrics';

export interface ChartSpec {
  type: 'bar' | 'line';
  labels: string[];
  series: { label: string; values: (number | null)[]; dashed?: boolean }[];
  unit?: '%' | '';
  target?: number;
  max?: number;
}

export const shareChart = (t: CrossTab, target: number): ChartSpec => ({
  type: 'bar',
  labels: t.rows.map((x) => x.label),
  series: [{ label: `% ${t.share!.label}`, values: t.share!.rows.map(chartValue) }],
  unit: '%',
  target: t.share!.label === 'Good or better' ? target : undefined,
  max: 100,
});

export const countChart = (t: CrossTab, row = 0): ChartSpec => ({
  type: 'bar',
  labels: t.cols.map((c) => c.label),
  series: [{ label: t.rows[row]!.label, values: t.table.cells[row]!.map(chartValue) }],
  unit: '',
});

export const trendChart = (r: TermReport): ChartSpec => ({
  type: 'line',
  labels: r.trend.map((x) => x.term.label.replace(' term', '')),
  series: [{ label: '% Good or better', values: r.trend.map((x) => chartValue(x.goodOrBetter)) }],
  unit: '%',
  target: r.target,
  max: 100,
});

/** The cross-tab and chart of a report section, for briefings. */
export function sectionChart(r: TermReport, section: ChartSection): { tab?: CrossTab; chart: ChartSpec; title: string } {
  switch (section) {
    case 'trend':
      return { chart: trendChart(r), title: 'Share of audits Good or better, term by term' };
    case 'grades':
      return { tab: r.grades, chart: countChart(r.grades), title: 'How many audits got each grade' };
    case 'by-type':
      return { tab: r.byType, chart: shareChart(r.byType, r.target), title: 'Share Good or better by type of audit' };
    case 'by-locality':
      return { tab: r.byLocality, chart: shareChart(r.byLocality, r.target), title: 'Share Good or better by locality' };
    case 'by-level':
      return { tab: r.byLevel, chart: shareChart(r.byLevel, r.target), title: 'Share Good or better by level of audit' };
    case 'timeliness':
      return { tab: r.timeliness, chart: countChart(r.timeliness), title: 'Statutory timescales met' };
    case 'moderation':
      return { tab: r.moderation, chart: countChart(r.moderation), title: 'Audits moderated' };
    case 'ratings':
      return { tab: r.feedback.ratings, chart: countChart(r.feedback.ratings), title: 'How families rated their experience' };
    case 'feedback-themes':
      return { tab: r.feedback.themes, chart: countChart(r.feedback.themes), title: "What families' feedback was about" };
    case 'complaints':
      return { tab: r.complaints.byTheme, chart: countChart(r.complaints.byTheme, 1), title: 'Complaints by theme' };
  }
}
