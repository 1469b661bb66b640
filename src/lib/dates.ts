// One formatter, made once: Date#toLocaleDateString with options builds a new one on every call
// (about 0.5 ms each), once per page or list item.
const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-09-01" → "1 September 2026". */
export function longDate(iso: string): string {
  return LONG.format(new Date(`${iso}T00:00:00Z`));
}
