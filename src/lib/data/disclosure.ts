/**
 * Disclosure control: the one step every published figure passes through.
 *
 * The rules are those of UK official statistics about children:
 * - primary suppression: a count from 1 to the threshold (default 5) is never shown; it
 *   becomes the symbol "c". A true zero is shown as 0.
 * - secondary suppression: in every row and column of a table (its total included), either no
 *   entry is suppressed or at least two are, so that no suppressed count can be worked out by
 *   subtracting the visible cells from the total. The extra entry suppressed is the smallest
 *   visible non-zero one, so as little as possible is hidden.
 * - a percentage or average is suppressed when any count it is made from is suppressed, or
 *   when its group is small, so that no 0% or 100% is published for a small group.
 */

/** A figure ready to publish: a number, or a suppressed count. */
export type Figure =
  | { kind: 'count'; value: number }
  | { kind: 'suppressed'; reason: 'small' | 'secondary' };

export interface DisclosureRule {
  /** Counts from 1 up to this number are suppressed. */
  threshold: number;
  /** The symbol shown instead of a suppressed figure (GSS: "c"). */
  symbol: string;
}

export const DEFAULT_RULE: DisclosureRule = { threshold: 5, symbol: 'c' };

/** A table of counts after disclosure control, with its margins. */
export interface PublishedTable {
  cells: Figure[][];
  rowTotals: Figure[];
  colTotals: Figure[];
  total: Figure;
}

export const isSuppressed = (f: Figure): f is Extract<Figure, { kind: 'suppressed' }> => f.kind === 'suppressed';

/** Primary suppression of one count. */
export function discloseCount(n: number, rule: DisclosureRule = DEFAULT_RULE): Figure {
  if (!Number.isInteger(n) || n < 0) throw new Error(`A count must be a whole number of 0 or more, got ${n}`);
  return n >= 1 && n <= rule.threshold ? { kind: 'suppressed', reason: 'small' } : { kind: 'count', value: n };
}

/**
 * Disclosure control for a table of counts (rows × columns) with row totals, column totals
 * and a grand total. A one-row table is a simple distribution with its total.
 */
export function discloseTable(counts: readonly (readonly number[])[], rule: DisclosureRule = DEFAULT_RULE): PublishedTable {
  const nRows = counts.length;
  const nCols = counts[0]?.length ?? 0;
  if (counts.some((r) => r.length !== nCols)) throw new Error('Every row of a table must have the same number of columns');

  // Work on a (nRows + 1) × (nCols + 1) grid: the last row holds column totals, the last column row totals.
  const value: number[][] = [];
  for (let r = 0; r < nRows; r++) value.push([...counts[r]!, counts[r]!.reduce((a, b) => a + b, 0)]);
  const colTotals = Array.from({ length: nCols + 1 }, (_, c) => value.reduce((a, row) => a + row[c]!, 0));
  value.push(colTotals);

  const state: ('shown' | 'small' | 'secondary')[][] = value.map((row) => row.map((n) => (n >= 1 && n <= rule.threshold ? 'small' : 'shown')));

  // Each line is a set of cells that adds up: the members and their total (the last one).
  const lines: [number, number][][] = [];
  for (let r = 0; r <= nRows; r++) lines.push(Array.from({ length: nCols + 1 }, (_, c) => [r, c] as [number, number]));
  for (let c = 0; c <= nCols; c++) lines.push(Array.from({ length: nRows + 1 }, (_, r) => [r, c] as [number, number]));

  // Repeat until every line has no suppressed entry or at least two (suppressing one entry can
  // leave another line with a single one). Each pass suppresses at least one more entry, so it ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => state[r]![c] !== 'shown');
      if (hidden.length !== 1) continue;
      const candidates = line
        .filter(([r, c]) => state[r]![c] === 'shown' && value[r]![c]! > 0)
        .sort(([r1, c1], [r2, c2]) => value[r1]![c1]! - value[r2]![c2]! || r1 - r2 || c1 - c2);
      // Prefer a member over the total; if only the total is left, hide the total.
      const isTotal = ([r, c]: [number, number]) => (line[0]![0] === line[1]![0] ? c === nCols : r === nRows);
      const pick = candidates.find((p) => !isTotal(p)) ?? candidates[0];
      if (!pick) continue; // every other entry is a true zero: then the hidden one is 0 too, which cannot happen for a small count
      state[pick[0]]![pick[1]] = 'secondary';
      changed = true;
    }
  }

  const fig = (r: number, c: number): Figure =>
    state[r]![c] === 'shown' ? { kind: 'count', value: value[r]![c]! } : { kind: 'suppressed', reason: state[r]![c] as 'small' | 'secondary' };
  return {
    cells: Array.from({ length: nRows }, (_, r) => Array.from({ length: nCols }, (_, c) => fig(r, c))),
    rowTotals: Array.from({ length: nRows }, (_, r) => fig(r, nCols)),
    colTotals: Array.from({ length: nCols }, (_, c) => fig(nRows, c)),
    total: fig(nRows, nCols),
  };
}

/** A published percentage: a whole number, or suppressed. */
export type Percent = { kind: 'percent'; value: number } | { kind: 'suppressed'; reason: 'small' | 'secondary' };

/**
 * The percentage part / whole, published only when both counts are published and the group
 * (whole) is larger than the threshold. Rounded to a whole number; never 0 or 100 unless exact.
 */
export function disclosePercent(part: Figure, whole: Figure, rule: DisclosureRule = DEFAULT_RULE): Percent {
  if (isSuppressed(whole)) return { kind: 'suppressed', reason: whole.reason };
  if (whole.value <= rule.threshold) return { kind: 'suppressed', reason: 'small' };
  if (isSuppressed(part)) return { kind: 'suppressed', reason: part.reason };
  return { kind: 'percent', value: roundPercent(part.value, whole.value) };
}

/** Percentage rounded to a whole number, but never rounded to 0 or 100 when it is not exactly that. */
export function roundPercent(part: number, whole: number): number {
  const p = (100 * part) / whole;
  const r = Math.round(p);
  if (r === 0 && part > 0) return 1;
  if (r === 100 && part < whole) return 99;
  return r;
}

/** A published average (for example a mean rating), suppressed for small groups. */
export type Average = { kind: 'average'; value: number } | { kind: 'suppressed'; reason: 'small' | 'secondary' };

export function discloseAverage(sum: number, n: Figure, rule: DisclosureRule = DEFAULT_RULE): Average {
  if (isSuppressed(n)) return { kind: 'suppressed', reason: n.reason };
  if (n.value <= rule.threshold) return { kind: 'suppressed', reason: 'small' };
  return { kind: 'average', value: Math.round((sum / n.value) * 10) / 10 };
}

/** How a figure is written in a table, a CSV file or a sentence. */
export function formatFigure(f: Figure | Percent | Average, rule: DisclosureRule = DEFAULT_RULE): string {
  switch (f.kind) {
    case 'suppressed':
      return rule.symbol;
    case 'count':
      return f.value.toLocaleString('en-GB');
    case 'percent':
      return `${f.value}%`;
    case 'average':
      return f.value.toFixed(1);
  }
}

/** The value of a figure for a chart: suppressed figures are gaps (null), never zeros. */
export function chartValue(f: Figure | Percent | Average): number | null {
  return f.kind === 'suppressed' ? null : f.value;
}
