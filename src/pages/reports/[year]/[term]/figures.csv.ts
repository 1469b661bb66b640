import type { APIRoute, GetStaticPaths } from 'astro';
import { getReports, standardsById } from '../../../../lib/collections';
import type { TermReport } from '../../../../lib/data/report';
import { reportCsv } from '../../../../lib/data/report-text';

/** The published (suppressed) figures of one termly report, as CSV. */
export const getStaticPaths = (async () => {
  const reports = await getReports();
  return reports.map((report) => ({ params: { year: report.term.yearSlug, term: report.term.name }, props: { report } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const report = (props as { report: TermReport }).report;
  const standards = await standardsById();
  const csv = reportCsv(report, (id) => standards.get(id)?.data.title ?? '');
  return new Response(`\uFEFF${csv}`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
