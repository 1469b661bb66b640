// One collator, made once: a.localeCompare(b, 'en', { numeric: true }) builds a new one on
// every call (about 10 µs each), which sorting on every page of a large site multiplies.
const NUMERIC = new Intl.Collator('en', { numeric: true });

/** Sort "ehc-plan-2" before "ehc-plan-10". */
export function naturalCompare(a: string, b: string): number {
  return NUMERIC.compare(a, b);
}

/** The items of both lists, first list first, without repeats. */
export function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}
