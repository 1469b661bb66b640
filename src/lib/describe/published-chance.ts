/**
 * Chance, for the figures a report publishes: the bridge between the published figures of a
 * termly report (src/lib/data/report.ts) and the methods in chance.ts.
 *
 * Only a share published exactly, of a whole published exactly, gets an interval or a verdict.
 * A band ("80% or more") or a hidden figure gets none: working one out from the hidden counts
 * would publish something the disclosure step withheld.
 */
import type { Figure, Percent } from '../data/disclosure.ts';
import type { CrossTab, TermReport } from '../data/report.ts';
import { compareShares, compareWithTarget, wilson, type Comparison, type Interval, type PublishedShare, type TargetComparison, type Verdict } from './chance.ts';

/** A published exact share of a published whole, or undefined when either is not published exactly. */
export function publishedShare(p: Percent | undefined, whole: Figure | undefined): PublishedShare | undefined {
  if (!p || !whole || p.kind !== 'percent' || whole.kind !== 'count' || whole.value < 1) return undefined;
  return { percent: p.value, n: whole.value };
}

/** The 95% Wilson interval of a published share, rounded to whole points for display. */
export function shareInterval(p: Percent | undefined, whole: Figure | undefined): Interval | undefined {
  const s = publishedShare(p, whole);
  if (!s) return undefined;
  const i = wilson(s.percent, s.n);
  return { lower: Math.round(i.lower), upper: Math.round(i.upper) };
}

/** "70% to 88%": an interval as a table shows it. */
export function intervalText(i: Interval): string {
  return `${i.lower}% to ${i.upper}%`;
}

/** Each row's interval of a table's share (and the whole table's), where it can be given. */
export function crossTabIntervals(t: CrossTab): { rows: (Interval | undefined)[]; total: Interval | undefined } {
  if (!t.share) return { rows: t.rows.map(() => undefined), total: undefined };
  return {
    rows: t.rows.map((_, i) => shareInterval(t.share!.rows[i], t.table.rowTotals[i])),
    total: shareInterval(t.share.total, t.table.total),
  };
}

/** Plain words for a verdict, for families: what a change or gap of this size means. */
export function chanceWords(verdict: Verdict, what: 'change' | 'gap'): string {
  return verdict === 'more-than-chance' ? 'more than chance alone would explain' : `a ${what} this size can happen by chance`;
}

/** Compares two published shares, or undefined when either is not published exactly. */
export function compareFigures(a: { p: Percent; whole: Figure }, b: { p: Percent; whole: Figure }): Comparison | undefined {
  const x = publishedShare(a.p, a.whole);
  const y = publishedShare(b.p, b.whole);
  return x && y ? compareShares(x, y) : undefined;
}

/** A published share against the target, or undefined when it is not published exactly. */
export function compareFigureWithTarget(p: Percent, whole: Figure, target: number): TargetComparison | undefined {
  const s = publishedShare(p, whole);
  return s ? compareWithTarget(s, target) : undefined;
}

/** The headline share Good or better compared with the term before and the same term a year before. */
export function headlineChanges(r: TermReport): { previous?: Comparison; lastYear?: Comparison } {
  const earlier = (termId: string | undefined) => (termId ? r.trend.find((t) => t.term.id === termId) : undefined);
  const now = { p: r.goodOrBetter, whole: r.audits };
  const out: { previous?: Comparison; lastYear?: Comparison } = {};
  for (const key of ['previous', 'lastYear'] as const) {
    const then = earlier(r.change[key]?.term.id);
    const c = then && compareFigures(now, { p: then.goodOrBetter, whole: then.audits });
    if (c) out[key] = c;
  }
  return out;
}
