import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { base as configBase } from 'astro:config/server';
import { briefingHref, getReports, publishedBriefings, reportHref } from '../lib/collections';
import { headlineSentence } from '../lib/data/report-text';
import { loadPartnership } from '../lib/partnership';
import { formatLongDate, releaseOf } from '../lib/release';
import { getReleaseCalendar } from '../lib/release-calendar';

/** RSS feed of published briefings and termly reports, newest first. */
export const GET: APIRoute = async (context) => {
  const cfg = loadPartnership();
  const briefings = (await publishedBriefings()).filter((b) => !b.data.draft);
  const reports = await getReports();
  const calendar = await getReleaseCalendar();
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const base = configBase.replace(/\/?$/, '/');
  const at = (path: string) => `${base}${path.replace(/^\//, '')}`;
  const items = [
    ...briefings.map((b) => ({ title: b.data.title, description: b.data.summary, link: at(briefingHref(b)), pubDate: new Date(`${b.data.published}T00:00:00Z`), categories: ['Briefing'] })),
    // A report is dated the day it is published (data/partnership.yaml, reports); each update
    // to it is an item of its own, so a subscriber hears of a correction.
    ...reports.flatMap((r) => {
      const release = releaseOf(calendar, r.term.id)!;
      const status = release.provisional ? ' (provisional)' : '';
      return [
        { title: `Quality report: ${r.term.label}${status}`, description: headlineSentence(r), link: at(reportHref(r)), pubDate: day(release.published), categories: ['Report'] },
        ...release.updates.map((u, i) => ({
          title: `Updated: Quality report: ${r.term.label}`,
          description: `Updated ${formatLongDate(u.date)}: ${u.changed} ${u.reason}${u.revised.length ? ` Figures revised: ${u.revised.map((f) => `${f.section}: ${f.group}, ${f.measure}`).join('; ')}.` : ''}`,
          // A full address is used as it is; a path would get a "/" added after "#update-1".
          link: new URL(at(`${reportHref(r)}#update-${i + 1}`), context.site).href,
          pubDate: day(u.date),
          categories: ['Report update'],
        })),
      ];
    }),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
  return rss({
    title: `${cfg.area.name}: briefings and reports`,
    description: `Termly quality reports and briefings from ${cfg.area.name}.`,
    site: new URL(base, context.site!).href,
    items,
    customData: '<language>en-gb</language>',
  });
};
