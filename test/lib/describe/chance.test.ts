import { describe, expect, it } from 'vitest';
import {
  changeWordsForAnalysts,
  changeWordsForFamilies,
  compareShares,
  compareWithTarget,
  countsBehind,
  intervalWords,
  targetWordsForFamilies,
  wilson,
} from '../../../src/lib/describe/chance';

// Reference values are the worked examples in Newcombe (1998), "Two-sided confidence intervals
// for the single proportion" (Statistics in Medicine 17, 857–872, table I, method 3) and
// "Interval estimation for the difference between independent proportions" (Statistics in
// Medicine 17, 873–890, table II, method 10), to the four decimal places printed there.
const near = (x: number, expected: number) => expect(x).toBeCloseTo(expected, 2);

describe('wilson', () => {
  it('matches the published Wilson interval for 0 out of 20 (0% to 16.11%)', () => {
    const i = wilson(0, 20);
    expect(i.lower).toBe(0);
    near(i.upper, 16.11);
  });

  it('matches the published Wilson interval for 1 out of 29 (published as 3%): 0.61% to 17.18%', () => {
    const i = wilson(3, 29);
    near(i.lower, 0.61);
    near(i.upper, 17.18);
  });

  it('matches the published Wilson interval for 15 out of 148 (published as 10%): 6.24% to 16.05%', () => {
    const i = wilson(10, 148);
    near(i.lower, 6.24);
    near(i.upper, 16.05);
  });

  it('gives 66.96% to 88.76% for 80% of 50, worked by hand from the score formula', () => {
    // p = 0.8, n = 50, z² = 3.8415: centre = (0.8 + 0.03841) / 1.07683 = 0.77859;
    // half = (1.95996 / 1.07683) × √(0.0032 + 0.000384) = 0.10897.
    const i = wilson(80, 50);
    near(i.lower, 66.96);
    near(i.upper, 88.76);
  });

  it('ends at exactly 100% when every case counted', () => {
    expect(wilson(100, 12).upper).toBe(100);
    expect(wilson(100, 12).lower).toBeLessThan(100);
  });

  it('widens to cover every count a rounded percentage of a large group could stand for', () => {
    // 31% of 263 could be 81 (30.8%) or 82 (31.2%): the interval runs from 81's lower end to 82's upper end.
    expect(countsBehind(31, 263)).toEqual({ min: 81, max: 82 });
    const both = wilson(31, 263);
    near(both.lower, 25.53); // 81/263, Newcombe's table I
    expect(both.upper).toBeGreaterThan(36.62); // above 81/263's own upper end
  });

  it('takes only published figures, and refuses a percentage no count could round to', () => {
    expect(() => wilson(50.5, 40)).toThrow(/whole-number percentage/);
    expect(() => wilson(50, 0)).toThrow(/at least 1/);
    expect(() => wilson(50, 3)).toThrow(/no count out of 3 rounds to 50%/);
  });

  it('knows 0% and 100% are exact, a published 1% can stand for a count below half a per cent, and 99% for one above 99.5%', () => {
    expect(countsBehind(1, 400)).toEqual({ min: 1, max: 6 });
    expect(countsBehind(99, 400)).toEqual({ min: 394, max: 399 });
    expect(countsBehind(0, 400)).toEqual({ min: 0, max: 0 });
    expect(countsBehind(100, 400)).toEqual({ min: 400, max: 400 });
  });

  it('finds the same counts as trying every count, for every percentage of every n up to 300', () => {
    for (let n = 1; n <= 300; n++) {
      for (let percent = 0; percent <= 100; percent++) {
        const fits: number[] = [];
        for (let r = 0; r <= n; r++) {
          const p = (100 * r) / n;
          const exact = percent === 0 || percent === 100;
          if (exact ? p === percent : Math.abs(p - percent) <= 0.5 || (percent === 1 && p > 0 && p < 1) || (percent === 99 && p > 99 && p < 100)) fits.push(r);
        }
        if (fits.length === 0) expect(() => countsBehind(percent, n)).toThrow();
        else expect(countsBehind(percent, n)).toEqual({ min: fits[0], max: fits.at(-1) });
      }
    }
  });
});

describe('compareShares (Newcombe–Wilson hybrid score interval)', () => {
  it('matches the published interval for 56/70 against 48/80 (80% against 60%): +5.24 to +33.39 points', () => {
    const c = compareShares({ percent: 80, n: 70 }, { percent: 60, n: 80 });
    expect(c.points).toBe(20);
    near(c.interval.lower, 5.24);
    near(c.interval.upper, 33.39);
    expect(c.verdict).toBe('more-than-chance');
  });

  it('matches the published interval for 9/10 against 3/10 (90% against 30%): +17.05 to +80.90 points', () => {
    const c = compareShares({ percent: 90, n: 10 }, { percent: 30, n: 10 });
    near(c.interval.lower, 17.05);
    near(c.interval.upper, 80.9);
  });

  it('says a 7-point rise from 80% of 60 to 87% of 64 audits can happen by chance', () => {
    const c = compareShares({ percent: 87, n: 64 }, { percent: 80, n: 60 });
    expect(c.verdict).toBe('could-be-chance');
    expect(c.interval.lower).toBeLessThan(0);
    expect(c.interval.upper).toBeGreaterThan(0);
  });

  it('is more than chance where the two Wilson intervals overlap (overlap would be too strict)', () => {
    // 75% of 200 against 65% of 200: intervals 68.6–80.5 and 58.2–71.2 overlap, yet the difference is clear.
    const a = wilson(75, 200);
    const b = wilson(65, 200);
    expect(a.lower).toBeLessThan(b.upper);
    expect(compareShares({ percent: 75, n: 200 }, { percent: 65, n: 200 }).verdict).toBe('more-than-chance');
  });

  it('is symmetric: swapping the shares flips the sign and keeps the verdict', () => {
    const ab = compareShares({ percent: 80, n: 70 }, { percent: 60, n: 80 });
    const ba = compareShares({ percent: 60, n: 80 }, { percent: 80, n: 70 });
    expect(ba.points).toBe(-20);
    near(ba.interval.lower, -ab.interval.upper);
    near(ba.interval.upper, -ab.interval.lower);
    expect(ba.verdict).toBe(ab.verdict);
  });
});

describe('compareWithTarget', () => {
  it('calls 70% of 40 against a target of 80% a gap that can happen by chance (interval 54.6–81.9)', () => {
    const t = compareWithTarget({ percent: 70, n: 40 }, 80);
    expect(t.points).toBe(-10);
    near(t.interval.lower, 54.57);
    near(t.interval.upper, 81.93);
    expect(t.verdict).toBe('could-be-chance');
  });

  it('calls 60% of 200 against a target of 80% more than chance', () => {
    expect(compareWithTarget({ percent: 60, n: 200 }, 80).verdict).toBe('more-than-chance');
  });
});

describe('words', () => {
  it('tells families whether a change is more than chance, with no statistics', () => {
    expect(changeWordsForFamilies(compareShares({ percent: 80, n: 70 }, { percent: 60, n: 80 }))).toBe('up 20 points: more than chance alone would explain');
    expect(changeWordsForFamilies(compareShares({ percent: 80, n: 60 }, { percent: 87, n: 64 }))).toBe('down 7 points: a change this size can happen by chance');
    expect(changeWordsForFamilies(compareShares({ percent: 61, n: 200 }, { percent: 60, n: 200 }))).toBe('up 1 point: a change this size can happen by chance');
    expect(changeWordsForFamilies(compareShares({ percent: 80, n: 60 }, { percent: 80, n: 64 }))).toBe('no change');
  });

  it('gives analysts the interval, the method and the level', () => {
    expect(changeWordsForAnalysts(compareShares({ percent: 80, n: 70 }, { percent: 60, n: 80 }))).toBe(
      '+20 points (95% confidence interval +5.2 to +33.4, Newcombe–Wilson); statistically significant at the 5% level',
    );
    expect(changeWordsForAnalysts(compareShares({ percent: 80, n: 60 }, { percent: 87, n: 64 }))).toMatch(/^−7 points \(95% confidence interval −\d+\.\d to \+\d+\.\d, Newcombe–Wilson\); not statistically significant/);
  });

  it('describes a share against the target for families, and a share with its interval', () => {
    expect(targetWordsForFamilies(compareWithTarget({ percent: 70, n: 40 }, 80))).toBe('below the target by 10 points: a gap this size can happen by chance');
    expect(targetWordsForFamilies(compareWithTarget({ percent: 80, n: 40 }, 80))).toBe('exactly on the target');
    expect(intervalWords({ percent: 80, n: 50 })).toBe('80% (95% confidence interval 67% to 89%, Wilson score)');
  });
});
