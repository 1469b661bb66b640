/**
 * How much a published share could move by chance, and whether a change is more than chance
 * alone would explain. Pure functions; the methodology page quotes the method names below.
 *
 * Methods (95% level, z = 1.95996):
 * - One share: the Wilson score interval (Wilson 1927). Unlike the simple "p ± 1.96 × standard
 *   error" interval it stays inside 0–100%, does not shrink to nothing at 0% or 100%, and keeps
 *   close to its stated coverage for the small groups (20 to 70 audits) a locality has in a term.
 * - A change between two terms, or between two groups: the Newcombe–Wilson hybrid score interval
 *   for the difference of two independent proportions (Newcombe 1998, method 10), built from the
 *   two Wilson intervals. The change is "more than chance" when that interval leaves out zero.
 *   Checking whether the two Wilson intervals overlap would be too strict: two 95% intervals can
 *   overlap when the difference is still clearly more than chance.
 * - A share against the target: the target is a fixed number, not a sample, so the share's own
 *   Wilson interval is compared with it (the score test of one proportion, inverted). The gap is
 *   more than chance when the target lies outside the interval.
 * Each term's audits are a different set of cases, so two terms are treated as independent samples.
 *
 * Privacy: every function here takes a PUBLISHED whole-number percentage and a PUBLISHED
 * denominator, never a count the disclosure step hid. The interval is then a function of
 * figures anyone can already read, so it tells nobody anything new and needs no disclosure
 * check of its own. Computed from exact hidden counts instead, its ends would move with the
 * exact count and could give back what rounding or suppression protected. Where a rounded
 * percentage of a large group fits several counts, every one of them is allowed for and the
 * interval covers them all, so rounding never makes a change look surer than it is.
 */

/** The normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/** A share as published: a whole-number percentage (0–100) of a published number of cases. */
export interface PublishedShare {
  /** Published percentage, a whole number from 0 to 100. */
  percent: number;
  /** Published denominator: how many cases the percentage is of. At least 1. */
  n: number;
}

/** An interval in percentage points (for a share, 0–100; for a difference, −100 to 100). Not rounded. */
export interface Interval {
  lower: number;
  upper: number;
}

function checkShare(percent: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a published count of at least 1; found ${n}`);
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`percent must be a published whole-number percentage from 0 to 100; found ${percent}`);
  }
}

/**
 * Every count out of n that a published whole-number percentage could stand for: counts within
 * half a point of it. The site never rounds a non-zero share to 0% or a share short of all to
 * 100% (disclosure.ts, roundPercent), so 0% and 100% are exact, and a published 1% (99%) also
 * covers the counts below 0.5% (above 99.5%). Throws when no count fits.
 */
export function countsBehind(percent: number, n: number): { min: number; max: number } {
  checkShare(percent, n);
  let min = Infinity;
  let max = -Infinity;
  // Only counts within a point of the percentage can fit, so only those are tried (a large n stays cheap).
  const from = Math.max(0, Math.floor(((percent - 1) * n) / 100) - 1);
  const to = Math.min(n, Math.ceil(((percent + 1) * n) / 100) + 1);
  for (let r = from; r <= to; r++) {
    const p = (100 * r) / n;
    const fits = percent === 0 ? r === 0 : percent === 100 ? r === n : Math.abs(p - percent) <= 0.5 || (percent === 1 && p > 0 && p < 1) || (percent === 99 && p > 99 && p < 100);
    if (fits) {
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
  }
  if (min > max) throw new RangeError(`no count out of ${n} rounds to ${percent}%; check the published figures`);
  return { min, max };
}

/** Wilson score interval for r successes out of n, as proportions 0–1. */
function wilsonCount(r: number, n: number, z = Z_95): Interval {
  const p = r / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At r = 0 and r = n the formula gives exactly 0 and 1; floating point may miss by 1e-17.
  return { lower: r === 0 ? 0 : centre - half, upper: r === n ? 1 : centre + half };
}

/**
 * The 95% Wilson score interval for a published share, in percentage points. When the rounded
 * percentage fits more than one count, the interval runs from the lowest count's lower end to
 * the highest count's upper end.
 */
export function wilson(percent: number, n: number): Interval {
  const { min, max } = countsBehind(percent, n);
  return { lower: 100 * wilsonCount(min, n).lower, upper: 100 * wilsonCount(max, n).upper };
}

/** Whether a difference or a gap is more than chance alone would explain, at the 95% level. */
export type Verdict = 'more-than-chance' | 'could-be-chance';

/** The comparison of two published shares (a − b). */
export interface Comparison {
  /** Published a minus published b, in percentage points. */
  points: number;
  /** 95% Newcombe–Wilson interval for the true difference, in percentage points. */
  interval: Interval;
  verdict: Verdict;
}

/** Newcombe's method 10 for counts r1/n1 − r2/n2, as proportions. */
function newcombe(r1: number, n1: number, r2: number, n2: number): Interval {
  const p1 = r1 / n1;
  const p2 = r2 / n2;
  const a = wilsonCount(r1, n1);
  const b = wilsonCount(r2, n2);
  const d = p1 - p2;
  return {
    lower: d - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2),
    upper: d + Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2),
  };
}

/**
 * Compares two published shares: this term with an earlier one, or one group with another.
 * The interval allows for every count each rounded percentage could stand for.
 */
export function compareShares(a: PublishedShare, b: PublishedShare): Comparison {
  const ca = countsBehind(a.percent, a.n);
  const cb = countsBehind(b.percent, b.n);
  let lower = Infinity;
  let upper = -Infinity;
  for (const r1 of [ca.min, ca.max]) {
    for (const r2 of [cb.min, cb.max]) {
      const i = newcombe(r1, a.n, r2, b.n);
      lower = Math.min(lower, i.lower);
      upper = Math.max(upper, i.upper);
    }
  }
  const interval = { lower: 100 * lower, upper: 100 * upper };
  return { points: a.percent - b.percent, interval, verdict: interval.lower > 0 || interval.upper < 0 ? 'more-than-chance' : 'could-be-chance' };
}

/** A published share against a fixed target percentage. */
export interface TargetComparison {
  /** Published share minus the target, in percentage points. */
  points: number;
  /** 95% Wilson interval of the share, in percentage points. */
  interval: Interval;
  verdict: Verdict;
}

/** Compares a published share with the target: more than chance when the target is outside its interval. */
export function compareWithTarget(share: PublishedShare, targetPercent: number): TargetComparison {
  const interval = wilson(share.percent, share.n);
  const outside = interval.lower > targetPercent || interval.upper < targetPercent;
  return { points: share.percent - targetPercent, interval, verdict: outside ? 'more-than-chance' : 'could-be-chance' };
}

/** "7 points" / "1 point". */
function pointsText(points: number): string {
  const p = Math.abs(points);
  return `${p} point${p === 1 ? '' : 's'}`;
}

/** "+3" / "−4.2" / "0", to `digits` decimal places, with a true minus sign. */
function signed(x: number, digits = 0): string {
  const r = Number(x.toFixed(digits));
  const s = Math.abs(r).toFixed(digits);
  return r > 0 ? `+${s}` : r < 0 ? `−${s}` : s;
}

/**
 * Words for families: "up 7 points: more than chance alone would explain" or "down 2 points:
 * a change this size can happen by chance". No numbers beyond the change itself.
 */
export function changeWordsForFamilies(c: Comparison): string {
  if (c.points === 0) return 'no change';
  const move = `${c.points > 0 ? 'up' : 'down'} ${pointsText(c.points)}`;
  return c.verdict === 'more-than-chance' ? `${move}: more than chance alone would explain` : `${move}: a change this size can happen by chance`;
}

/**
 * Words for analysts: "+7 points (95% confidence interval +1.2 to +12.6, Newcombe–Wilson);
 * statistically significant at the 5% level".
 */
export function changeWordsForAnalysts(c: Comparison): string {
  // One decimal place, so an interval that only just leaves out zero never reads "0 to …".
  const ci = `95% confidence interval ${signed(c.interval.lower, 1)} to ${signed(c.interval.upper, 1)}, Newcombe–Wilson`;
  return `${signed(c.points)} points (${ci}); ${c.verdict === 'more-than-chance' ? 'statistically significant' : 'not statistically significant'} at the 5% level`;
}

/** Words for families about the target: "above the target by 6 points: more than chance alone would explain". */
export function targetWordsForFamilies(t: TargetComparison): string {
  if (t.points === 0) return 'exactly on the target';
  const gap = `${t.points > 0 ? 'above' : 'below'} the target by ${pointsText(t.points)}`;
  return t.verdict === 'more-than-chance' ? `${gap}: more than chance alone would explain` : `${gap}: a gap this size can happen by chance`;
}

/** "82% (95% confidence interval 69% to 90%, Wilson score)". */
export function intervalWords(share: PublishedShare): string {
  const i = wilson(share.percent, share.n);
  return `${share.percent}% (95% confidence interval ${Math.round(i.lower)}% to ${Math.round(i.upper)}%, Wilson score)`;
}
