/** "Did you mean …?" for a value that is nearly one of the accepted ones. */
import { closest, distance } from 'fastest-levenshtein';

/**
 * Words staff write for an accepted value that spelling distance would get wrong: "last-term"
 * is one letter-swap from "last-year" but means "previous-term".
 */
const MEANS: Record<string, string> = {
  'last-term': 'previous-term',
  'prev-term': 'previous-term',
  'previous': 'previous-term',
  'previous-year': 'last-year',
  'same-term-last-year': 'last-year',
};

/**
 * The accepted value nearest to `found`, when it is near enough to be a slip: at most a third
 * of its letters changed (and at least one allowed), ignoring case. Undefined otherwise.
 */
export function nearest(found: string, accepted: Iterable<string>): string | undefined {
  const list = [...accepted];
  if (!found || !list.length) return undefined;
  const lower = found.toLowerCase();
  const meant = MEANS[lower];
  if (meant && list.includes(meant)) return meant;
  const exactButCase = list.find((a) => a.toLowerCase() === lower);
  if (exactButCase) return exactButCase === found ? undefined : exactButCase;
  const best = closest(lower, list.map((a) => a.toLowerCase()));
  const d = distance(lower, best);
  if (d > Math.max(1, Math.floor(found.length / 3))) return undefined;
  return list.find((a) => a.toLowerCase() === best);
}

/** `didYouMean` for a Problem: the nearest value, quoted, or undefined. */
export function didYouMean(found: string, accepted: Iterable<string>, show: (s: string) => string = (s) => `"${s}"`): string | undefined {
  const n = nearest(found, accepted);
  return n === undefined ? undefined : show(n);
}
