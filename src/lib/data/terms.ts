/** Terms: which term a date falls in, labels, ordering, and the terms before a given one. */
import type { Partnership } from '../schemas/partnership.ts';

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERM_NAMES)[number];

export interface Term {
  /** "2024-25-autumn": used in URLs and file names. */
  id: string;
  /** "2024/25" */
  year: string;
  /** "2024-25" */
  yearSlug: string;
  name: TermName;
  /** "Autumn term 2024/25" */
  label: string;
  start: string;
  end: string;
  /** Position in time, from 0. */
  index: number;
}

const termsOf = new WeakMap<Partnership, readonly Term[]>();

/** Every configured term, oldest first (worked out once per configuration). */
export function allTerms(cfg: Partnership): readonly Term[] {
  const known = termsOf.get(cfg);
  if (known) return known;
  const out: Term[] = [];
  // Years are "2024/25": compared character by character. (localeCompare would start the ICU
  // collator, about 5 ms on first use, the largest fixed cost of reading a small audit file.)
  for (const y of [...cfg.terms].sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : 0))) {
    for (const name of TERM_NAMES) {
      const yearSlug = y.year.replace('/', '-');
      out.push({
        id: `${yearSlug}-${name}`,
        year: y.year,
        yearSlug,
        name,
        label: `${name[0]!.toUpperCase()}${name.slice(1)} term ${y.year}`,
        start: y[name].start,
        end: y[name].end,
        index: out.length,
      });
    }
  }
  termsOf.set(cfg, Object.freeze(out));
  return out;
}

/** The term a YYYY-MM-DD date falls in, or undefined when no configured term covers it. */
export function termOf(terms: readonly Term[], date: string): Term | undefined {
  // Terms are few and sorted: a binary search keeps this cheap for a million rows.
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = terms[mid]!;
    if (date < t.start) hi = mid - 1;
    else if (date > t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

/** The previous term, and the same term a year earlier. */
export function comparisons(terms: readonly Term[], t: Term): { previous?: Term; lastYear?: Term } {
  return { previous: terms[t.index - 1], lastYear: terms[t.index - 3] };
}
