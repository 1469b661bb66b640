/**
 * Tally of services' yearly self-evaluation: how many services gave each rating against each
 * standard, year by year (the last SELF_EVALUATION_YEARS years, so a trend shows; Quality
 * Standards 2008, para 10). Nothing here is published; every count goes on to disclosure control.
 */
import type { Partnership } from '../schemas/partnership.ts';
import type { SelfEvaluationRecord } from '../data/columns.ts';

/** Years of self-evaluation shown for a trend. */
export const SELF_EVALUATION_YEARS = 3;

export interface SelfEvaluationTally {
  standard: string;
  /** "2024/25", oldest first, at most SELF_EVALUATION_YEARS. */
  years: string[];
  /** [year][rating]: services giving each rating, in scale order (best first). */
  counts: number[][];
}

/** Counts for every standard that services rated themselves against, in standard id order. */
export function tallySelfEvaluation(records: readonly SelfEvaluationRecord[], cfg: Partnership): SelfEvaluationTally[] {
  const scale = cfg.selfEvaluation.scale;
  const col = new Map(scale.map((r, i) => [r.id, i]));
  const counts = new Map<string, Map<string, number[]>>();
  for (const r of records) {
    const byYear = counts.get(r.standard) ?? new Map<string, number[]>();
    counts.set(r.standard, byYear);
    const row = byYear.get(r.year) ?? scale.map(() => 0);
    byYear.set(r.year, row);
    const i = col.get(r.rating);
    if (i === undefined) throw new Error(`${r.file}:${r.line}: "${r.rating}" is not on the self-evaluation scale`);
    row[i]! += 1;
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([standard, byYear]) => {
      const years = [...byYear.keys()].sort().slice(-SELF_EVALUATION_YEARS);
      return { standard, years, counts: years.map((y) => byYear.get(y)!) };
    });
}
