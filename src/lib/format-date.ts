import { longDate } from './dates';
/** "1 September 2026" from YYYY-MM-DD, in UTC: the one date formatter (src/lib/dates.ts). */
export const formatDate = longDate;
