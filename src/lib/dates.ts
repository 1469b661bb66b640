// One formatter, made once: Date#toLocaleDateString with options builds a new one on every call
// (about 0.5 ms each), once per page or list item.
const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const formatted = new Map<string, string>();

/** "2026-09-01" → "1 September 2026". A site has few distinct dates, so each is formatted once. */
export function longDate(iso: string): string {
  let s = formatted.get(iso);
  if (s === undefined) formatted.set(iso, (s = LONG.format(new Date(`${iso}T00:00:00Z`))));
  return s;
}
