import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { base as configBase } from 'astro:config/server';
import { briefingHref, getReports, publishedBriefings, reportHref } from '../lib/collections';
import { headlineSentence } from '../lib/data/report-text';
import { loadPartnership } from '../lib/partnership';

/** RSS feed of published briefings and termly reports, newest first. */
export const GET: APIRoute = async (context) => {
  const cfg = loadPartnership();
  const briefings = (await publishedBriefings()).filter((b) => !b.data.draft);
  const reports = await getReports();
  const base = configBase.replace(/\/?$/, '/');
  const at = (path: string) => `${base}${path.replace(/^\//, '')}`;
  const items = [
    ...briefings.map((b) => ({ title: b.data.title, description: b.data.summary, link: at(briefingHref(b)), pubDate: new Date(`${b.data.published}T00:00:00Z`), categories: ['Briefing'] })),
    // A report is dated the day after its term ends, when its figures are complete.
    ...reports.map((r) => ({ title: `Quality report: ${r.term.label}`, description: headlineSentence(r), link: at(reportHref(r)), pubDate: new Date(Date.parse(`${r.term.end}T00:00:00Z`) + 86_400_000), categories: ['Report'] })),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
  return rss({
    title: `${cfg.area.name}: briefings and reports`,
    description: `Termly quality reports and briefings from ${cfg.area.name}.`,
    site: new URL(base, context.site!).href,
    items,
    customData: '<language>en-gb</language>',
  });
};
