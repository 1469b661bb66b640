/** The site's release calendar: the reports built this time, the schedule in data/partnership.yaml and the recorded updates. */
import { getReports } from './collections.ts';
import { allTerms } from './data/terms.ts';
import { loadPartnership } from './partnership.ts';
import { releaseCalendar, type ReleaseCalendar } from './release.ts';
import { loadReportUpdates } from './report-updates.ts';

let calendar: Promise<ReleaseCalendar> | undefined;

/** Every published report with its dates, status and updates, and the reports to come (worked out once per build). */
export function getReleaseCalendar(): Promise<ReleaseCalendar> {
  calendar ??= (async () => {
    const cfg = loadPartnership();
    const reports = await getReports();
    return releaseCalendar({ terms: allTerms(cfg), reported: reports.map((r) => r.term.id), schedule: cfg.reports, updates: loadReportUpdates() });
  })();
  return calendar;
}
