import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../../src/lib/data/disclosure';
import { METRICS, resolveMetric, type MetricQuery, type ResolvedMetric } from '../../../src/lib/data/metrics';
import { buildSnapshot } from '../../../src/lib/snapshot';
import { displayValue, figureRows } from '../../../src/lib/data/figures-table';
import { audits, earlierAudits, mainTermAudits, mainTermComplaints, mainTermFeedback, makeConfig, STANDARDS } from './report-fixtures';

// Reports for autumn 2024/25 (the hand-counted main term), summer 2023/24 and autumn 2023/24.
const { reports } = await buildSnapshot({ cfg: makeConfig(), audits: [...earlierAudits(), ...mainTermAudits()], feedback: mainTermFeedback(), complaints: mainTermComplaints(), standards: STANDARDS });
const term = '2024-25-autumn';

function resolved(q: Omit<MetricQuery, 'term'> & { term?: string }): ResolvedMetric {
  const r = resolveMetric(reports, { term, ...q });
  if (!r.ok) throw new Error(`${r.field}: ${r.message}`);
  return r.value;
}
const shown = (q: Omit<MetricQuery, 'term'> & { term?: string }) => {
  const f = resolved(q).figure;
  return f.kind === 'suppressed' ? 'c' : f.kind === 'band' ? f.text : f.value;
};

describe('each published figure, by name', () => {
  // Worked out by hand in report.test.ts and report-fixtures.ts.
  it.each([
    ['audits', 20],
    ['good-or-better', 70], // 14 of 20
    ['timeliness', 63], // 10 of 16 = 62.5%
    ['moderation', 30], // 6 of 20
    ['responses', 10],
    ['average-rating', 3.4], // 34 / 10
    ['rated-4-or-5', 60], // 6 of 10
    ['compliments', 7],
    ['complaints', 6],
    ['complaints-upheld', 50], // 2 of 4 decided
  ])('%s is %s', (metric, value) => {
    expect(shown({ metric })).toBe(value);
  });

  it('covers every metric that briefings may quote', () => {
    expect(Object.keys(METRICS).sort()).toEqual(['audits', 'average-rating', 'complaints', 'complaints-upheld', 'compliments', 'good-or-better', 'moderation', 'rated-4-or-5', 'responses', 'timeliness']);
  });

  it('comes from the term asked for', () => {
    // Summer 2023/24: 10 audits, 8 Good or better.
    expect(shown({ metric: 'audits', term: '2023-24-summer' })).toBe(10);
    expect(shown({ metric: 'good-or-better', term: '2023-24-summer' })).toBe(80);
  });

  it('describes the figure in words', () => {
    expect(resolved({ metric: 'good-or-better' }).description).toBe('share of audits graded Good or better');
    expect(resolved({ metric: 'average-rating' }).description).toBe("families' average rating, from 1 to 5");
  });
});

describe('figures narrowed to one audit type, locality or level', () => {
  it('gives the share Good or better of one type of audit', () => {
    // EHC plan: 8 of 12 → 67%.
    expect(resolved({ metric: 'good-or-better', auditType: 'ehc-plan' })).toEqual({
      figure: { kind: 'percent', value: 67 },
      of: { kind: 'count', value: 12 },
      description: 'share of EHC plan audits graded Good or better',
      csv: { section: 'Grades by type of audit', group: 'EHC plan', measure: '% Good or better' },
    });
  });

  it('gives the number of audits in one locality', () => {
    // South: 10 audits.
    expect(resolved({ metric: 'audits', locality: 'south' })).toEqual({
      figure: { kind: 'count', value: 10 },
      description: 'number of South audits completed',
      csv: { section: 'Grades by locality', group: 'South', measure: 'Total' },
    });
  });

  it('gives the share Good or better at one level', () => {
    // Multi-agency: 6 of 8 → 75%. Single agency: 8 of 12 → 67%.
    expect(shown({ metric: 'good-or-better', level: 'multi-agency' })).toBe(75);
    expect(shown({ metric: 'good-or-better', level: 'single-agency' })).toBe(67);
  });
});

describe('queries that cannot be answered say exactly what is wrong', () => {
  it('names an unknown metric and lists the ones there are', () => {
    const r = resolveMetric(reports, { metric: 'grades', term });
    expect(r).toMatchObject({ ok: false, field: 'metric', message: 'found "grades", which is not a figure we publish' });
    expect(!r.ok && r.expected).toBe(`one of: ${Object.keys(METRICS).join(', ')}`);
  });

  it('does not mistake names every JavaScript object has for metrics', () => {
    for (const metric of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) expect(resolveMetric(reports, { metric, term }), metric).toMatchObject({ ok: false, field: 'metric' });
  });

  it('names a term without a report and lists the terms that have one', () => {
    // Spring 2023/24 is a configured term but has no audits, so no report.
    expect(resolveMetric(reports, { metric: 'audits', term: '2023-24-spring' })).toEqual({
      ok: false,
      field: 'term',
      message: 'found "2023-24-spring", which is not a term with a report',
      expected: 'one of: 2024-25-autumn, 2023-24-summer, 2023-24-autumn',
    });
  });

  it('refuses more than one of audit type, locality and level', () => {
    expect(resolveMetric(reports, { metric: 'audits', term, auditType: 'ehc-plan', locality: 'north' })).toMatchObject({ ok: false, field: 'locality', message: 'only one of auditType, locality and level can be given' });
    expect(resolveMetric(reports, { metric: 'audits', term, locality: 'north', level: 'multi-agency' })).toMatchObject({ ok: false, field: 'level' });
  });

  it('refuses to narrow a metric that is only published for all audits', () => {
    const r = resolveMetric(reports, { metric: 'timeliness', term, locality: 'north' });
    expect(r).toMatchObject({ ok: false, field: 'locality', message: 'the metric "timeliness" cannot be narrowed to one locality' });
    expect(!r.ok && r.expected).toContain('only audits and good-or-better can be narrowed');
  });

  it('names an unknown audit type, locality or level and lists the known ones', () => {
    expect(resolveMetric(reports, { metric: 'audits', term, auditType: 'EHCP' })).toEqual({ ok: false, field: 'auditType', message: 'found "EHCP", which is not a type of audit', expected: 'one of: ehc-plan, annual-review' });
    expect(resolveMetric(reports, { metric: 'audits', term, locality: 'east' })).toMatchObject({ ok: false, field: 'locality', expected: 'one of: north, south' });
    expect(resolveMetric(reports, { metric: 'audits', term, level: 'system-leader' })).toMatchObject({ ok: false, field: 'level', expected: 'one of: single-agency, multi-agency' });
  });
});

describe('suppressed figures', () => {
  it('are returned suppressed or as a band, never as a number', async () => {
    // Threshold 5; 12 audits, all North, Good 9 and RI 3: the exact share 9/12 = 75% would give
    // the hidden 9 (and so the 3) back, so it is published only as "below 80%" (the target).
    // South has no audits, so its share is suppressed.
    const { reports: small } = await buildSnapshot({ cfg: makeConfig({ threshold: 5 }), audits: [...audits(9, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' })], feedback: [], complaints: [], standards: STANDARDS });
    const r = resolveMetric(small, { metric: 'good-or-better', term });
    expect(r.ok && r.value.figure).toMatchObject({ kind: 'band', from: 0, below: 80, text: 'below 80%' });
    const south = resolveMetric(small, { metric: 'good-or-better', term, locality: 'south' });
    expect(south.ok && south.value.figure).toEqual({ kind: 'suppressed', reason: 'small' });
    const n = resolveMetric(small, { metric: 'responses', term });
    expect(n.ok && n.value.figure).toEqual({ kind: 'count', value: 0 });
  });
});

describe('where each figure is in the CSV download', () => {
  const report = reports.find((r) => r.term.id === term)!;
  const rows = figureRows(report, { standardTitle: () => 'title' });
  const cell = (csv: ResolvedMetric['csv']) => rows.filter((r) => r.section === csv.section && r.group === csv.group && r.measure === csv.measure).map((r) => displayValue(r, report.rule));

  const queries: (Omit<MetricQuery, 'term'>)[] = [
    ...Object.keys(METRICS).map((metric) => ({ metric })),
    { metric: 'audits', auditType: 'annual-review' },
    { metric: 'good-or-better', locality: 'north' },
    { metric: 'good-or-better', level: 'single-agency' },
  ];
  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('%s names exactly one CSV row, holding the same value', (_, q) => {
    const value = resolved(q);
    expect(cell(value.csv)).toEqual([formatFigure(value.figure, report.rule)]);
  });
});
