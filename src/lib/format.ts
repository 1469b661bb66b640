/** "14 October 2024" from YYYY-MM-DD, in UTC so a build machine west of UTC prints the same day. */
export function formatDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
