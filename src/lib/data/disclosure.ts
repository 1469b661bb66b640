/**
 * Published figures as pages show them: a count or the suppression symbol, a percentage or a
 * band, an average; and how each is written. Which figures are published is decided by the
 * solver-proven disclosure step (src/lib/disclose/: design.ts lays out what a term, or the
 * self-evaluation of a standard, publishes; publication.ts publishes less until no hidden
 * count can be narrowed to fewer than `threshold` values). The rules, in plain English, are on
 * the methodology page.
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

export const isSuppressed = (f: Figure): f is Extract<Figure, { kind: 'suppressed' }> => f.kind === 'suppressed';

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
