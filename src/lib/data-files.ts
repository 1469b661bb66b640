/**
 * The data downloads of the reports, as the site builds them: each report's figure rows (with
 * the standards' titles and the figures revised by recorded updates) and the datapackage.json
 * that describes the files. Worked out once per build, from the snapshot only.
 */
import { getReports, standardsById } from './collections.ts';
import { dataPackage } from './data/data-package.ts';
import { figureRows, type FigureRow } from './data/figures-table.ts';
import type { TermReport } from './data/report.ts';
import { loadPartnership } from './partnership.ts';
import { getReleaseCalendar } from './release-calendar.ts';
import { isRevised } from './report-updates.ts';

/** One report's published figures as the downloads' rows. */
export async function reportFigureRows(r: TermReport): Promise<FigureRow[]> {
  const standards = await standardsById();
  return figureRows(r, { standardTitle: (id) => standards.get(id)?.data.title ?? '', revised: (s, g, m) => isRevised(r.term.id, s, g, m) });
}

/** Every report's rows, oldest term first (the order of the all-terms file). */
export async function allFigureRows(): Promise<FigureRow[]> {
  const reports = [...(await getReports())].sort((a, b) => a.term.index - b.term.index);
  return (await Promise.all(reports.map(reportFigureRows))).flat();
}

/** The site's address with its base and no trailing slash, e.g. https://northvale.example/send-quality. */
export function siteAddress(site: URL | undefined, base: string): string {
  const cfg = loadPartnership();
  return new URL(base.replace(/\/?$/, '/'), site ?? cfg.site.url).href.replace(/\/$/, '');
}

/** The datapackage.json of the downloads. */
export async function reportsDataPackage(siteUrl: string) {
  const calendar = await getReleaseCalendar();
  const reports = await getReports();
  const releases = await Promise.all(
    calendar.releases.map(async (release) => ({ release, rows: await reportFigureRows(reports.find((r) => r.term.id === release.term.id)!) })),
  );
  return dataPackage({ cfg: loadPartnership(), releases, siteUrl });
}
