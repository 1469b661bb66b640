import { describe, expect, it } from 'vitest';
import { band, type Figure, type Percent } from '../../../src/lib/data/disclosure';
import { chanceWords, compareFigures, compareFigureWithTarget, crossTabIntervals, headlineChanges, intervalText, publishedShare, shareInterval } from '../../../src/lib/describe/published-chance';
import { buildSnapshot } from '../../../src/lib/snapshot';
import { earlierAudits, mainTermAudits, mainTermComplaints, mainTermFeedback, makeConfig, STANDARDS } from '../data/report-fixtures';

const pct = (value: number): Percent => ({ kind: 'percent', value });
const n = (value: number): Figure => ({ kind: 'count', value });
const hidden: Figure = { kind: 'suppressed', reason: 'small' };

describe('chance for published figures only', () => {
  it('gives an interval only for an exact share of an exact, published whole', () => {
    expect(publishedShare(pct(70), n(20))).toEqual({ percent: 70, n: 20 });
    expect(publishedShare(pct(70), hidden)).toBeUndefined();
    expect(publishedShare(band(80, 100), n(40))).toBeUndefined();
    expect(publishedShare({ kind: 'suppressed', reason: 'secondary' }, n(40))).toBeUndefined();
  });

  it('rounds the Wilson interval to whole points: 14 of 20 is 48% to 85%', () => {
    // Wilson 95% for 14/20: centre 0.6682, half-width 0.1872 → 0.4810 to 0.8545.
    expect(shareInterval(pct(70), n(20))).toEqual({ lower: 48, upper: 85 });
    expect(intervalText({ lower: 48, upper: 85 })).toBe('48% to 85%');
  });

  it('judges a change from published shares: 40% of 50 to 80% of 50 is more than chance; 70% to 75% of 20 is not', () => {
    expect(compareFigures({ p: pct(80), whole: n(50) }, { p: pct(40), whole: n(50) })!.verdict).toBe('more-than-chance');
    expect(compareFigures({ p: pct(75), whole: n(20) }, { p: pct(70), whole: n(20) })!.verdict).toBe('could-be-chance');
    expect(compareFigures({ p: pct(75), whole: hidden }, { p: pct(70), whole: n(20) })).toBeUndefined();
  });

  it('judges a gap from the target against the share\'s own interval', () => {
    expect(compareFigureWithTarget(pct(70), n(20), 80)!.verdict).toBe('could-be-chance'); // 80 lies in 48–85
    expect(compareFigureWithTarget(pct(50), n(100), 80)!.verdict).toBe('more-than-chance'); // 40–60
    expect(chanceWords('could-be-chance', 'gap')).toBe('a gap this size can happen by chance');
    expect(chanceWords('more-than-chance', 'change')).toBe('more than chance alone would explain');
  });

  it('gives each published row of a report table its interval, and none where a figure is hidden or banded', async () => {
    const { reports } = await buildSnapshot({ cfg: makeConfig(), audits: [...earlierAudits(), ...mainTermAudits()], feedback: mainTermFeedback(), complaints: mainTermComplaints(), standards: STANDARDS });
    expect(reports.length).toBeGreaterThan(1);
    let given = 0;
    let withheld = 0;
    for (const r of reports) {
      for (const t of [r.byType, r.byLocality, r.byLevel, r.timeliness]) {
        const iv = crossTabIntervals(t);
        t.rows.forEach((_, i) => {
          const p = t.share!.rows[i]!;
          const whole = t.table.rowTotals[i]!;
          if (p.kind === 'percent' && whole.kind === 'count') {
            expect(iv.rows[i]!.lower).toBeLessThanOrEqual(p.value);
            expect(iv.rows[i]!.upper).toBeGreaterThanOrEqual(p.value);
            given++;
          } else {
            expect(iv.rows[i]).toBeUndefined();
            withheld++;
          }
        });
      }
      const c = headlineChanges(r);
      if (r.change.previous && r.goodOrBetter.kind === 'percent' && r.change.previous.goodOrBetter.kind === 'percent') expect(c.previous?.points).toBe(r.change.previous.points);
    }
    expect(given).toBeGreaterThan(0);
    expect(withheld).toBeGreaterThan(0);
  });
});
