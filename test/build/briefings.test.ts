import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkContent } from '../../src/lib/content-check';
import { loadPartnership } from '../../src/lib/partnership';
import { DIST, fileFor, page } from '../helpers/dist';
import { csvFigure } from '../helpers/figures-csv';
import { ROOT } from '../helpers/project-copy';

const { content } = checkContent(ROOT);
const cfg = loadPartnership(ROOT);
const published = content.briefings.filter((b) => !b.data.draft);
const href = (b: (typeof published)[number]) => {
  const [y1, y2, name] = b.data.term.split('-');
  return `/briefings/${y1}-${y2}/${name}/${b.id}/`;
};

/** The value of a row of a report's CSV download, as the page writes it. */
function csvValue(term: string, key: { section: string; group: string; measure: string }): string | undefined {
  const [y1, y2, name] = term.split('-');
  return csvFigure(readFileSync(join(DIST, `reports/${y1}-${y2}/${name}/figures.csv`), 'utf8'), key, cfg.disclosure.symbol);
}

describe('briefings', () => {
  it('has at least four published example briefings, each with a page', () => {
    expect(published.length).toBeGreaterThanOrEqual(4);
    for (const b of published) expect(fileFor(href(b)), b.file).toBeDefined();
  });

  it('publishes a page for exactly the briefings that are not drafts, and nothing else', () => {
    // (A draft built in a preview and left out of the published site is tested in publishing.test.ts.)
    const pages = globSync('briefings/*/*/*/index.html', { cwd: DIST }).map((f) => `/${f.replace(/index\.html$/, '')}`).sort();
    expect(pages).toEqual(published.map(href).sort());
  });

  it('quotes every figure exactly as the term report publishes it, and types none by hand', () => {
    let checked = 0;
    let compared = 0;
    let verdicts = 0;
    for (const b of published) {
      const doc = page(fileFor(href(b))!);
      const stats = doc.querySelectorAll('.sq-statnum');
      for (const s of stats) {
        const key = JSON.parse(s.getAttribute('data-csv')!);
        const shown = s.text.replace(/\(not published.*\)/, '').trim();
        expect(shown, `${b.file}: ${JSON.stringify(key)}`).toBe(csvValue(s.getAttribute('data-term')!, key));
        checked++;
      }
      // Every comparison in words agrees with the two published figures it compares.
      for (const c of doc.querySelectorAll('.sq-compare')) {
        const key = JSON.parse(c.getAttribute('data-csv')!);
        const here = csvValue(c.getAttribute('data-term')!, key)!;
        const against = c.getAttribute('data-with') === 'target' ? `${cfg.target.goodOrBetterPercent}%` : csvValue(c.getAttribute('data-other-term')!, key)!;
        const where = `${b.file}: ${c.text}`;
        if (here === 'c' || against === 'c') {
          expect(c.text, where).toMatch(/^not /);
          continue;
        }
        // A share published as a band ("80% or more", "below 80%"): compared with the target in
        // words that follow the band, and with other terms not at all; never a difference in points.
        if (!/^\d+%?$/.test(here) || !/^\d+%?$/.test(against)) {
          expect(c.getAttribute('data-points'), where).toBe('');
          if (c.getAttribute('data-with') === 'target' && /or more$/.test(here) && parseFloat(here) >= cfg.target.goodOrBetterPercent) expect(c.text, where).toMatch(/^met the /);
          else if (c.getAttribute('data-with') === 'target' && /^below/.test(here) && parseFloat(here.replace('below ', '')) <= cfg.target.goodOrBetterPercent) expect(c.text, where).toMatch(/^below the /);
          else expect(c.text, where).toMatch(/^not /);
          compared++;
          continue;
        }
        const d = parseFloat(here) - parseFloat(against);
        expect(Number(c.getAttribute('data-points')), where).toBe(d);
        expect(c.text, where).toMatch(d > 0 ? /above|up|more/ : d < 0 ? /below|down|fewer/ : /^on |^just below |same/);
        if (d !== 0) expect(c.text, where).toContain(String(Math.abs(d)));
        // A change or gap in a share says whether chance alone could explain it (src/lib/describe).
        const verdict = c.getAttribute('data-verdict');
        if (verdict) {
          expect(c.text, where).toMatch(verdict === 'more-than-chance' ? /\(more than chance alone would explain\)$/ : /\(a (change|gap) this size can happen by chance\)$/);
          verdicts++;
        } else expect(c.text, where).not.toMatch(/chance/);
        compared++;
      }
      // The MDX source has no percentages or counts typed by hand outside components.
      const body = readFileSync(join(ROOT, b.file), 'utf8').split(/^---$/m).slice(2).join('---');
      const prose = body.replace(/<[A-Z][^>]*>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
      expect(prose, b.file).not.toMatch(/\b\d+(\.\d+)?\s?%|\b\d+ (audits|plans|complaints|compliments|responses|families)\b/);
      // Nor comparisons typed by hand: those come from <Compare>.
      expect(prose, b.file).not.toMatch(/\b(above|below|met|meets|under|over) (the |our )?(\d+% )?target|\b(up|down) on (the )?(last|previous|spring|summer|autumn)/i);
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(compared).toBeGreaterThanOrEqual(8);
    expect(verdicts).toBeGreaterThanOrEqual(4);
    console.log(`briefings: ${checked} figures and ${compared} comparisons (${verdicts} judged against chance) in ${published.length} briefings match the reports' CSV downloads`);
  });

  it('has an index with filters by term, audience and kind that are plain links', () => {
    const nav = page('briefings/index.html').querySelector('nav.sq-filters')!;
    const links = nav.querySelectorAll('a').map((a) => a.getAttribute('href')!);
    expect(links.some((l) => l.startsWith('/briefings/term/'))).toBe(true);
    expect(links.some((l) => l.startsWith('/briefings/for/'))).toBe(true);
    expect(links.some((l) => l.startsWith('/briefings/kind/'))).toBe(true);
    for (const l of links) expect(fileFor(l), l).toBeDefined();
  });

  it('publishes a valid RSS feed listing every published briefing and every report', () => {
    const xml = readFileSync(join(DIST, 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser().parse(xml);
    const items = [feed.rss.channel.item].flat() as { link: string; title: string }[];
    const links = items.map((i) => new URL(i.link).pathname);
    for (const b of published) expect(links).toContain(href(b));
    // One item per report, and one per recorded update (the example corrects the spring 2025/26 report).
    const reports = items.filter((i) => new URL(i.link).pathname.startsWith('/reports/'));
    expect(reports.filter((i) => !i.title.startsWith('Updated: ')).map((i) => new URL(i.link).pathname).sort()).toEqual(globSync('reports/*/*/index.html', { cwd: DIST }).map((f) => `/${f.replace(/index\.html$/, '')}`).sort());
    expect(reports.filter((i) => i.title.startsWith('Updated: ')).map((i) => new URL(i.link).pathname + new URL(i.link).hash)).toEqual(['/reports/2025-26/spring/#update-1']);
  });

  it('has a sitemap, canonical URLs and social-sharing metadata', () => {
    expect(globSync('sitemap*.xml', { cwd: DIST }).length).toBeGreaterThan(0);
    const doc = page(fileFor(href(published[0]!))!);
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(/^https:\/\/.+\/briefings\//);
    expect(doc.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(published[0]!.data.title);
    expect(doc.querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe('article');
  });
});
