import type { APIRoute, GetStaticPaths } from 'astro';
import { getReports } from '../../../../lib/collections';
import type { TermReport } from '../../../../lib/data/report';
import { figuresCsv } from '../../../../lib/data/figures-table';
import { reportFigureRows } from '../../../../lib/data-files';

/**
 * The published (suppressed) figures of one termly report, as tidy CSV: one row per figure,
 * described by /reports/datapackage.json. A byte order mark first, so spreadsheets read UTF-8.
 */
export const getStaticPaths = (async () => {
  const reports = await getReports();
  return reports.map((report) => ({ params: { year: report.term.yearSlug, term: report.term.name }, props: { report } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const report = (props as { report: TermReport }).report;
  const csv = figuresCsv(await reportFigureRows(report));
  return new Response(`\uFEFF${csv}`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
