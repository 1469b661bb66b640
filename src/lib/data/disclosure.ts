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
  /** Subtotals over each column group, per row (e.g. "Good or better" and the rest). */
  groupTotals: Figure[][];
  /** Subtotals over each column group for the whole table. */
  groupColTotals: Figure[];
}

export interface TableOptions {
  /**
   * Groups of columns whose subtotals are published too (e.g. the grades that count as Good
   * or better, and the others). Each group's subtotal adds up, so it is protected like a total.
   */
  groups?: number[][];
  /**
   * Entries of the bottom margin (column totals, then group subtotals, then the grand total)
   * that must be suppressed because another table sharing this margin suppresses them.
   */
  hideMargin?: ReadonlySet<number>;
}

export const isSuppressed = (f: Figure): f is Extract<Figure, { kind: 'suppressed' }> => f.kind === 'suppressed';

/** Primary suppression of one count. */
export function discloseCount(n: number, rule: DisclosureRule = DEFAULT_RULE): Figure {
  if (!Number.isInteger(n) || n < 0) throw new Error(`A count must be a whole number of 0 or more, got ${n}`);
  return n >= 1 && n <= rule.threshold ? { kind: 'suppressed', reason: 'small' } : { kind: 'count', value: n };
}

/**
 * Disclosure control for a table of counts (rows × columns) with row totals, column totals,
 * optional column-group subtotals and a grand total. A one-row table is a simple
 * distribution with its total.
 *
 * The table is laid out as a grid: the columns, then one subtotal column per group, then the
 * row total; the last row holds the column totals. Every set of entries that adds up (a row
 * and its total, a group of a row and its subtotal, the subtotals of a row and its total, a
 * column and its total) is a "line"; no line may have exactly one suppressed entry.
 */
export function discloseTable(counts: readonly (readonly number[])[], rule: DisclosureRule = DEFAULT_RULE, options: TableOptions = {}): PublishedTable {
  const nRows = counts.length;
  const nCols = counts[0]?.length ?? 0;
  if (counts.some((r) => r.length !== nCols)) throw new Error('Every row of a table must have the same number of columns');
  const groups = options.groups ?? [];
  const width = nCols + groups.length + 1;
  const totalCol = width - 1;

  const value: number[][] = [];
  for (let r = 0; r < nRows; r++) {
    const row = counts[r]!;
    value.push([...row, ...groups.map((g) => g.reduce((a, c) => a + row[c]!, 0)), row.reduce((a, b) => a + b, 0)]);
  }
  value.push(Array.from({ length: width }, (_, c) => value.reduce((a, row) => a + row[c]!, 0)));

  const state: ('shown' | 'small' | 'secondary')[][] = value.map((row) => row.map((n) => (n >= 1 && n <= rule.threshold ? 'small' : 'shown')));
  for (const c of options.hideMargin ?? []) if (state[nRows]![c] === 'shown') state[nRows]![c] = 'secondary';

  // Each line lists its members, then the entry they add up to.
  const lines: [number, number][][] = [];
  const cols = (r: number, cs: number[]) => cs.map((c) => [r, c] as [number, number]);
  const cellCols = Array.from({ length: nCols }, (_, c) => c);
  const groupCols = groups.map((_, g) => nCols + g);
  const partition = groups.length > 0 && groups.flat().length === nCols && new Set(groups.flat()).size === nCols;
  for (let r = 0; r <= nRows; r++) {
    lines.push(cols(r, [...cellCols, totalCol]));
    groups.forEach((g, gi) => lines.push(cols(r, [...g, nCols + gi])));
    if (partition) lines.push(cols(r, [...groupCols, totalCol]));
  }
  for (let c = 0; c < width; c++) lines.push(Array.from({ length: nRows + 1 }, (_, r) => [r, c] as [number, number]));

  // Repeat until every line has no suppressed entry or at least two (suppressing one entry can
  // leave another line with a single one). Each pass suppresses at least one more entry, so it ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => state[r]![c] !== 'shown');
      if (hidden.length !== 1) continue;
      const total = line.at(-1)!;
      const candidates = line
        .filter(([r, c]) => state[r]![c] === 'shown' && value[r]![c]! > 0)
        .sort(([r1, c1], [r2, c2]) => value[r1]![c1]! - value[r2]![c2]! || r1 - r2 || c1 - c2);
      // Prefer a member over the total; if only the total is left, hide the total.
      const pick = candidates.find((p) => p !== total) ?? candidates[0];
      if (!pick) continue; // every other entry is 0, so the hidden one is 0 too: nothing to protect
      state[pick[0]]![pick[1]] = 'secondary';
      changed = true;
    }
  }

  const fig = (r: number, c: number): Figure =>
    state[r]![c] === 'shown' ? { kind: 'count', value: value[r]![c]! } : { kind: 'suppressed', reason: state[r]![c] as 'small' | 'secondary' };
  return {
    cells: Array.from({ length: nRows }, (_, r) => cellCols.map((c) => fig(r, c))),
    rowTotals: Array.from({ length: nRows }, (_, r) => fig(r, totalCol)),
    colTotals: cellCols.map((c) => fig(nRows, c)),
    total: fig(nRows, totalCol),
    groupTotals: Array.from({ length: nRows }, (_, r) => groupCols.map((c) => fig(r, c))),
    groupColTotals: groupCols.map((c) => fig(nRows, c)),
  };
}

/** Which entries of a table's bottom margin are suppressed (same numbering as TableOptions.hideMargin). */
export function hiddenMargin(t: PublishedTable): Set<number> {
  const margin = [...t.colTotals, ...t.groupColTotals, t.total];
  return new Set(margin.flatMap((f, i) => (isSuppressed(f) ? [i] : [])));
}

/**
 * Disclosure control for several tables that share the same bottom margin (for example grades
 * by locality and grades by audit type: both have the term's grade totals). A margin entry
 * suppressed in one is suppressed in all, until no table needs more, so no table reveals
 * what another hides.
 */
export function discloseLinkedTables(tables: readonly (readonly (readonly number[])[])[], rule: DisclosureRule = DEFAULT_RULE, options: Omit<TableOptions, 'hideMargin'> = {}): PublishedTable[] {
  let hide = new Set<number>();
  for (;;) {
    const out = tables.map((t) => discloseTable(t, rule, { ...options, hideMargin: hide }));
    const next = new Set(out.flatMap((t) => [...hiddenMargin(t)]));
    if ([...next].every((i) => hide.has(i))) return out;
    hide = new Set([...hide, ...next]);
  }
}

/**
 * A published percentage: a whole number; a band ("90% or more", "below 80%") where the exact
 * share would reveal a small count; or suppressed.
 */
export type Percent =
  | { kind: 'percent'; value: number; /** For a share rounded to its target: whether it really met it (79.6% rounds to 80% but did not). */ meets?: boolean }
  | { kind: 'band'; /** At least this percentage… */ from: number; /** …and below this one (100 means "or more"). */ below: number; text: string }
  | { kind: 'suppressed'; reason: 'small' | 'secondary' };

/** A band as published: "90% or more" or "below 80%". */
export function band(from: number, below: number): Extract<Percent, { kind: 'band' }> {
  return { kind: 'band', from, below, text: below >= 100 ? `${from}% or more` : from <= 0 ? `below ${below}%` : `${from}% to below ${below}%` };
}

/** Whether a published share meets a target: undefined when what is published cannot say. */
export function meetsTarget(p: Percent, target: number): boolean | undefined {
  if (p.kind === 'percent') return p.value === target && p.meets !== undefined ? p.meets : p.value >= target;
  if (p.kind === 'band') return p.from >= target ? true : p.below <= target ? false : undefined;
  return undefined;
}

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
    case 'band':
      return f.text;
    case 'average':
      return f.value.toFixed(1);
  }
}

/** The value of a figure for a chart: suppressed figures are gaps (null), never zeros. */
export function chartValue(f: Figure | Percent | Average): number | null {
  return f.kind === 'suppressed' || f.kind === 'band' ? null : f.value;
}
