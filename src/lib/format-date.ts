/** A YYYY-MM-DD date as readers see it, "1 September 2026", the same on any build machine (UTC). */
export function formatDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
