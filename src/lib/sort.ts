/** Sort "ehc-plan-2" before "ehc-plan-10". */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
