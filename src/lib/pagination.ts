/**
 * Entries listed on one page of an index (guidance, briefings). At 40 the largest index page was
 * 6.1 KB of compressed HTML with 4,000 guidance entries, within the 14 KB budget (measured by
 * `npm run bench:build`), and a site of that size builds half as many index pages as at 20.
 */
export const PAGE_SIZE = 40;

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(list: T[], size = PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < list.length; i += size) pages.push(list.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** The address of page n of an index whose first page is at `first` ("/briefings/" -> "/briefings/page/2/"). */
export function pageHref(first: string, n: number): string {
  return n > 1 ? `${first}page/${n}/` : first;
}

/**
 * Page numbers to link to from page `current` of `total`: the first, the last, and two either
 * side of the current one, with null where numbers are skipped. Keeps the list short at any size.
 */
export function pageNumbers(current: number, total: number): (number | null)[] {
  const wanted = new Set([1, total, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= total));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}
