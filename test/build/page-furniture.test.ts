import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPartnership } from '../../src/lib/partnership';
import { DIST, fileFor, htmlPages, page, urlOf } from '../helpers/dist';

const pages = htmlPages();
const cfg = loadPartnership();
/** Pages whose content is written in content/ (MDX): each says when it was last updated. */
const CONTENT = /^(standards\/[^/]+\/\d+|guidance\/(?!for\/|stage\/|standard\/|page\/)[^/]+|framework\/[^/]+|briefings\/\d{4}-\d{2}\/[a-z]+\/[^/]+|accessibility)\/index\.html$/;

describe('page furniture', () => {
  it('offers "Is this page useful?" and "Report a problem" on every page, with the page’s title and address passed along', () => {
    const missing: string[] = [];
    for (const rel of pages) {
      const doc = page(rel);
      const box = doc.querySelector('.sq-feedback');
      const links = box?.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '') ?? [];
      const problem = box?.querySelectorAll('a').find((a) => a.text.trim() === 'Report a problem with this page');
      if (!box || !box.text.includes('Is this page useful?') || links.length !== 3 || !problem) {
        missing.push(rel);
        continue;
      }
      const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      for (const href of links) {
        // No form is configured in the example, so each link is an email with the page filled in.
        expect(href.startsWith(`mailto:${cfg.area.contactEmail}?`), rel).toBe(true);
        expect(decodeURIComponent(href), rel).toContain(canonical);
      }
    }
    expect(missing).toEqual([]);
  });

  it('says when the content was last updated on every content page', () => {
    const content = pages.filter((rel) => CONTENT.test(rel));
    expect(content.length).toBeGreaterThan(40);
    const missing = content.filter((rel) => !/^\d{4}-\d{2}-\d{2}$/.test(page(rel).querySelector('.sq-updated time')?.getAttribute('datetime') ?? ''));
    expect(missing).toEqual([]);
    expect(page('guidance/annual-review-what-to-expect/index.html').querySelector('.sq-updated')?.text).toMatch(/^Last updated \d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  it('has one h1 on every page', () => {
    expect(pages.filter((rel) => page(rel).querySelectorAll('h1').length !== 1)).toEqual([]);
  });

  it('gives long pages a contents list that links to their sections', () => {
    const doc = page('guidance/feedback-and-complaints/index.html');
    const links = doc.querySelectorAll('nav.sq-toc a').map((a) => a.getAttribute('href')!);
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const href of links) expect(doc.querySelector(href), href).not.toBeNull();
  });

  it('prints links with the site’s full address, and its name and address on every printed page', () => {
    expect(page('index.html').querySelector('link[rel="stylesheet"][media="print"]')?.getAttribute('href')).toBe('/print.css');
    const css = readFileSync(join(DIST, 'print.css'), 'utf8');
    const origin = new URL(cfg.site.url).origin;
    expect(css).toContain(`content: " (" "${origin}" attr(href) ")"`);
    expect(css).toMatch(/@bottom-left \{ content: "[^"]*Northvale SEND Partnership[^"]*https:\/\/northvale\.example/);
  });
});

describe('guidance filters that combine', () => {
  it('keeps the families filter when a stage is chosen, and counts within it', () => {
    const doc = page('guidance/for/families/index.html');
    const annual = doc.querySelectorAll('nav[aria-label="Filter guidance"] a').find((a) => a.text.startsWith('Annual review'))!;
    expect(annual.getAttribute('href')).toBe('/guidance/for/families/stage/annual-review/');
    const listed = page('guidance/for/families/stage/annual-review/index.html').querySelectorAll('#results ~ .sq-list > li h3 a').map((a) => a.getAttribute('href'));
    expect(annual.text).toBe(`Annual review (${listed.length})`);
    expect(listed).toContain('/guidance/annual-review-what-to-expect/');
    expect(listed).not.toContain('/guidance/good-annual-review/');
  });

  it('links every filter option to a page that exists, from every guidance index page', () => {
    const broken: string[] = [];
    for (const rel of pages.filter((r) => r.startsWith('guidance/') && (r === 'guidance/index.html' || /^guidance\/(for|stage|standard|page)\//.test(r)))) {
      for (const a of page(rel).querySelectorAll('.sq-filters a, .sq-pagination a')) {
        const href = a.getAttribute('href')!;
        if (!fileFor(href)) broken.push(`${urlOf(rel)} -> ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('puts a skip link to the results before the folded filters', () => {
    const doc = page('guidance/for/families/index.html');
    const main = doc.querySelector('main')!.innerHTML;
    expect(main.indexOf('href="#results"')).toBeGreaterThan(-1);
    expect(main.indexOf('href="#results"')).toBeLessThan(main.indexOf('<details class="sq-filters"'));
    expect(doc.querySelector('details.sq-filters')?.hasAttribute('open')).toBe(false);
  });

  it('offers Preparing for adulthood as a stage, with guidance for families and for practitioners', () => {
    for (const audience of ['families', 'practitioners']) {
      const list = page(`guidance/for/${audience}/stage/preparing-for-adulthood/index.html`).querySelectorAll('.sq-list > li');
      expect(list.length, audience).toBeGreaterThan(0);
    }
  });
});
