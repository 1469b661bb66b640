/**
 * Every chart of a report, made once from its published figures: the chart specification, its
 * headline title, its one-sentence summary and the table it draws. Report pages and briefings
 * render these; nothing else builds a chart.
 */
import { chartValue, formatFigure } from './disclosure.ts';
import { crossTabRow, type CrossTab, type TermReport } from './report.ts';
import { crossTabSentence } from './report-text.ts';
import { crossTabIntervals, shareInterval } from '../describe/published-chance.ts';

export interface ChartSpec {
  type: 'bar' | 'line';
  labels: string[];
  /** One or more series; null is a figure not published exactly (a gap, never a zero). */
  series: {
    label: string;
    values: (number | null)[];
    /** Where a share is published as a band, the band to draw instead of a bar ("90% or more"). */
    bands?: ({ from: number; to: number; text: string } | null)[];
    /** Each share's likely range (95% Wilson interval, from published figures only), drawn as a whisker. */
    intervals?: ({ lower: number; upper: number } | null)[];
    dashed?: boolean;
  }[];
  unit?: '%' | '';
  /** Draw a labelled target line at this value. */
  target?: number;
  max?: number;
}

export const shareChart = (t: CrossTab, target: number): ChartSpec => ({
  type: 'bar',
  labels: t.rows.map((x) => x.label),
  series: [
    {
      label: `% ${t.share!.label}`,
      values: t.share!.rows.map(chartValue),
      bands: t.share!.rows.map((p) => (p.kind === 'band' ? { from: p.from, to: p.below, text: p.text } : null)),
      intervals: crossTabIntervals(t).rows.map((i) => i ?? null),
    },
  ],
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
  series: [{ label: '% Good or better', values: r.trend.map((x) => chartValue(x.goodOrBetter)), intervals: r.trend.map((x) => shareInterval(x.goodOrBetter, x.audits) ?? null) }],
  unit: '%',
  target: r.target,
  max: 100,
});

export function trendSentence(r: TermReport): string {
  if (r.trend.length < 2) return 'This is the first term with data.';
  return `Over the last ${r.trend.length} terms the share Good or better went from ${formatFigure(r.trend[0]!.goodOrBetter, r.rule)} to ${formatFigure(r.goodOrBetter, r.rule)}; the target is ${r.target}%.`;
}

/** Sections of a report that have a chart, in page order. Briefings can show any of them. */
export const REPORT_CHARTS = ['trend', 'grades', 'by-type', 'by-locality', 'by-level', 'timeliness', 'standards', 'moderation', 'ratings', 'feedback-themes', 'compliments', 'complaints'] as const;
export type ReportChart = (typeof REPORT_CHARTS)[number];

export interface SectionChart {
  id: ReportChart;
  title: string;
  summary: string;
  /** The chart, when there is something to draw (not every figure 0 or hidden). */
  chart?: ChartSpec;
  /** The table the chart draws (the trend has its own). */
  tab?: CrossTab;
}

const drawable = (c: ChartSpec) => c.series.some((s) => s.values.some((v) => v !== null && v > 0) || s.bands?.some(Boolean));

/** What the shares of audits not meeting a standard are out of: every audit of the term. */
export const standardsOutOf = (r: TermReport) => (r.audits.kind === 'count' ? `all ${formatFigure(r.audits, r.rule)} audits this term` : 'all audits this term');

/**
 * The practice standards most often not met, as bars of the share of all audits not meeting each,
 * from the published figures only: a hidden share is a gap labelled with the symbol, a banded one
 * a band. Bars are named by set and number ("EHC plan standard 2"); the table gives the titles.
 */
export const standardsChart = (r: TermReport, names: ReadonlyMap<string, string>): ChartSpec => {
  const list = r.standardsNotMet;
  const bands = list.map((x) => (x.percent.kind === 'band' ? { from: x.percent.from, to: x.percent.below, text: x.percent.text } : null));
  return {
    type: 'bar',
    labels: list.map((x) => shortName(x.id, names)),
    series: [{ label: '% of all audits not meeting it', values: list.map((x) => chartValue(x.percent)), bands }],
    unit: '%',
    // Shares of a fifth or so read better on their own scale; a band needs the whole of it.
    max: bands.some(Boolean) ? 100 : undefined,
  };
};

const fullName = (id: string, names: ReadonlyMap<string, string>) => {
  const name = names.get(id);
  if (!name) throw new Error(`No practice standard "${id}" to name`);
  return name;
};
/** "EHC plan standard 2: Clear, concise and SMART" -> "EHC plan standard 2". */
const shortName = (id: string, names: ReadonlyMap<string, string>) => fullName(id, names).split(': ')[0]!;

/** The sentence over the standards chart: the top one, out of what, and why the shares do not add up. */
export function standardsSentence(r: TermReport, names: ReadonlyMap<string, string>): string {
  const top = r.standardsNotMet[0];
  if (!top) return 'Every audit this term met every practice standard.';
  const outOf = standardsOutOf(r);
  const lead =
    top.count.kind === 'count'
      ? `${fullName(top.id, names)} was the standard most often not met: in ${formatFigure(top.count, r.rule)} audits (${formatFigure(top.percent, r.rule)}).`
      : 'The numbers of audits not meeting each standard are too small to publish exactly this term.';
  return `${lead} Each share is out of ${outOf}; an audit can find more than one standard not met, so the shares do not add up to 100%.`;
}

/**
 * A report section's chart, title, summary and table. The standards chart names each standard,
 * so it needs every standard's full name by id (standardNamesById in src/lib/collections.ts).
 */
export function sectionChart(r: TermReport, section: ReportChart, names?: ReadonlyMap<string, string>): SectionChart {
  const make = (title: string, chart: ChartSpec, tab?: CrossTab, summary?: string): SectionChart => ({
    id: section,
    title,
    summary: summary ?? crossTabSentence(tab!, r),
    chart: drawable(chart) ? chart : undefined,
    tab,
  });
  switch (section) {
    case 'trend':
      return make('Share of audits Good or better, term by term', trendChart(r), undefined, trendSentence(r));
    case 'grades':
      return make('How many audits got each grade', countChart(r.grades), r.grades);
    case 'by-type':
      return make('Share Good or better by type of audit', shareChart(r.byType, r.target), r.byType);
    case 'by-locality':
      return make('Share Good or better by locality', shareChart(r.byLocality, r.target), r.byLocality);
    case 'by-level':
      return make('Share Good or better by level of audit', shareChart(r.byLevel, r.target), r.byLevel);
    case 'timeliness':
      return make('Share of audits within the statutory timescale, by type of audit', shareChart(r.timeliness, r.target), r.timeliness);
    case 'standards': {
      if (!names) throw new Error('sectionChart: the standards chart needs the standards\' names');
      return make('Share of all audits that did not meet each practice standard', standardsChart(r, names), undefined, standardsSentence(r, names));
    }
    case 'moderation':
      return make('Audits moderated', countChart(r.moderation), r.moderation);
    case 'ratings':
      return make('How families rated their experience', countChart(r.feedback.ratings), r.feedback.ratings);
    case 'feedback-themes':
      return make("What families' feedback was about", countChart(r.feedback.themes), r.feedback.themes);
    case 'compliments': {
      const tab = crossTabRow(r.complaints.byTheme, 0);
      return make('Compliments by theme', countChart(tab), tab);
    }
    case 'complaints': {
      const tab = crossTabRow(r.complaints.byTheme, 1);
      return make('Complaints by theme', countChart(tab), tab);
    }
  }
}

/** A practice standard's share of audits that found it not met, term by term (its standard page). */
export const standardNotMetChart = (f: { terms: { term: { label: string }; percent: import('./disclosure.ts').Percent; audits: import('./disclosure.ts').Figure }[] }): ChartSpec => ({
  type: 'line',
  labels: f.terms.map((x) => x.term.label.replace(' term', '')),
  // Whiskers for each share's likely range, as the table under the chart gives it.
  series: [{ label: '% not met', values: f.terms.map((x) => chartValue(x.percent)), intervals: f.terms.map((x) => shareInterval(x.percent, x.audits) ?? null) }],
  unit: '%',
});

/** The share of services giving a standard a top self-rating, year by year (its standard page). */
export const selfEvaluationChart = (f: { topLabel: string; years: { year: string; topShare: import('./disclosure.ts').Percent }[] }): ChartSpec => ({
  type: 'bar',
  labels: f.years.map((y) => y.year),
  series: [
    {
      label: `% ${f.topLabel}`,
      values: f.years.map((y) => chartValue(y.topShare)),
      bands: f.years.map((y) => (y.topShare.kind === 'band' ? { from: y.topShare.from, to: y.topShare.below, text: y.topShare.text } : null)),
    },
  ],
  unit: '%',
  max: 100,
});
