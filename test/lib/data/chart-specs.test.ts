import { describe, expect, it } from 'vitest';
import { band, type Figure, type Percent } from '../../../src/lib/data/disclosure';
import type { CrossTab, TermReport } from '../../../src/lib/data/report';
import { sectionChart, standardsChart, standardsSentence } from '../../../src/lib/data/chart-specs';
import { crossTabSentence } from '../../../src/lib/data/report-text';
import { buildSnapshot } from '../../../src/lib/snapshot';
import { earlierAudits, mainTermAudits, mainTermComplaints, mainTermFeedback, makeConfig, STANDARDS } from './report-fixtures';

const main = (await buildSnapshot({ cfg: makeConfig(), audits: [...earlierAudits(), ...mainTermAudits()], feedback: mainTermFeedback(), complaints: mainTermComplaints(), standards: STANDARDS })).reports.find(
  (r) => r.term.id === '2024-25-autumn',
)!;
const n = (value: number): Figure => ({ kind: 'count', value });
const pc = (value: number): Percent => ({ kind: 'percent', value });
const hidden = { kind: 'suppressed', reason: 'small' } as const;
const names = new Map([
  ['ehc-plan-2', 'EHC plan standard 2: Clear, concise and SMART'],
  ['ehc-plan-5', 'EHC plan standard 5: Clear provision'],
  ['sen-services-1', 'SEN services standard 1: Good advice'],
]);
/** A report with the given standards most often not met, out of 120 audits. */
const withStandards = (standardsNotMet: TermReport['standardsNotMet'], audits: Figure = n(120)): TermReport => ({ ...main, audits, standardsNotMet });

describe('the chart of the practice standards most often not met', () => {
  it('draws a bar for each published share, a band as a band, and a hidden one as a gap, never a bar', () => {
    const r = withStandards([
      { id: 'ehc-plan-2', count: n(30), percent: pc(25) },
      { id: 'ehc-plan-5', count: hidden, percent: band(0, 10) },
      { id: 'sen-services-1', count: hidden, percent: hidden },
    ]);
    const c = standardsChart(r, names);
    expect(c.type).toBe('bar');
    expect(c.labels).toEqual(['EHC plan standard 2', 'EHC plan standard 5', 'SEN services standard 1']);
    expect(c.series[0]!.values).toEqual([25, null, null]);
    expect(c.series[0]!.bands).toEqual([null, { from: 0, to: 10, text: 'below 10%' }, null]);
    expect(c.unit).toBe('%');
  });

  it('says which standard was most often not met, with its set, and what the shares are out of', () => {
    const r = withStandards([
      { id: 'ehc-plan-2', count: n(30), percent: pc(25) },
      { id: 'ehc-plan-5', count: n(12), percent: pc(10) },
    ]);
    expect(standardsSentence(r, names)).toBe(
      'EHC plan standard 2: Clear, concise and SMART was the standard most often not met: in 30 audits (25%). Each share is out of all 120 audits this term; an audit can find more than one standard not met, so the shares do not add up to 100%.',
    );
    const s = sectionChart(r, 'standards', names);
    expect(s.summary).toBe(standardsSentence(r, names));
    expect(s.title).toBe('Share of all audits that did not meet each practice standard');
  });

  it('gives no number when the top count is hidden, and no chart when nothing can be drawn', () => {
    const r = withStandards([{ id: 'ehc-plan-2', count: hidden, percent: hidden }], hidden);
    expect(standardsSentence(r, names)).toBe(
      'The numbers of audits not meeting each standard are too small to publish exactly this term. Each share is out of all audits this term; an audit can find more than one standard not met, so the shares do not add up to 100%.',
    );
    expect(sectionChart(r, 'standards', names).chart).toBeUndefined();
  });

  it('needs the standards\' names, and knows every standard it names', () => {
    expect(() => sectionChart(main, 'standards')).toThrow(/names/);
    expect(() => standardsChart(withStandards([{ id: 'no-such-1', count: n(9), percent: pc(8) }]), names)).toThrow(/no-such-1/);
  });
});

describe('a table that is mostly hidden', () => {
  it('says so in its sentence, and where the totals are', () => {
    const t: CrossTab = {
      id: 't',
      title: 'T',
      rowHeading: 'Locality',
      rows: [{ id: 'n', label: 'North' }, { id: 's', label: 'South' }],
      cols: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
      table: { cells: [[hidden, hidden], [hidden, n(7)]], rowTotals: [n(10), n(12)], colTotals: [n(9), n(13)], total: n(22), groupTotals: [[], []], groupColTotals: [] },
      share: { label: 'Good or better', rows: [pc(70), pc(90)], total: pc(80) },
    };
    expect(crossTabSentence(t, main)).toContain('Most of the numbers for each locality are hidden (c) to protect children\'s privacy; the row "All" gives the totals.');
    t.table.cells = [[n(6), n(6)], [hidden, n(7)]];
    expect(crossTabSentence(t, main)).not.toContain('Most of the numbers');
  });
});
