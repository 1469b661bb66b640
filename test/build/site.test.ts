import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { loadPartnership } from '../../src/lib/partnership';
import sourceStandards from '../fixtures/source-standards.json';
import { DIST, fileFor, htmlPages, page, urlOf } from '../helpers/dist';
import { ROOT } from '../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const SITE = new URL(cfg.site.url);
const norm = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();

describe('the built site', () => {
  const pages = htmlPages();

  it('has a page for every standard in the source documents, quoting it and naming its source', () => {
    for (const s of sourceStandards.standards) {
      const rel = `standards/${s.set}/${s.number}/index.html`;
      expect(fileFor(`/standards/${s.set}/${s.number}/`), rel).toBe(rel);
      const doc = page(rel);
      const quote = doc.querySelector('blockquote.sq-statement');
      expect(norm(quote?.querySelector('p')?.text ?? ''), rel).toBe(norm(s.statement));
      expect(quote?.querySelector('cite')?.text, rel).toBeTruthy();
      expect(doc.text, rel).toContain('What this means for your family');
      if (s.set === 'sen-services') {
        const dts = doc.querySelectorAll('dt').map((dt) => [dt.text.trim(), dt.nextElementSibling?.text.trim()]);
        expect(dts, rel).toContainEqual(['Every Child Matters outcomes', 'Being healthy, Staying safe, Enjoying and achieving, Making a positive contribution, Economic well-being']);
        expect(dts, rel).toContainEqual(['Core Offer principles the service has regard to', 'Information, Transparency, Assessment, Participation, Feedback']);
      }
    }
    console.log(`standards: ${sourceStandards.standards.length} source standards, each with a page`);
  });

  it('resolves every internal link and asset, including #fragments', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const rel of pages) {
      const doc = page(rel);
      for (const el of doc.querySelectorAll('[href], [src], form[action]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
        if (/^(mailto:|tel:|data:)/.test(raw)) continue;
        const url = new URL(raw, new URL(urlOf(rel), SITE));
        if (url.origin !== SITE.origin) continue; // other origins are checked below
        if (el.tagName === 'LINK' && el.getAttribute('rel') === 'canonical') continue;
        checked++;
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${rel}: ${raw} (no file)`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!page(target).getElementById(id)) broken.push(`${rel}: ${raw} (no element with id "${id}")`);
        }
      }
    }
    console.log(`links: ${checked} internal links and assets checked in ${pages.length} pages, ${broken.length} broken`);
    expect(broken).toEqual([]);
  });

  it('loads nothing from any other origin: pages, styles and scripts refer only to the site itself', () => {
    const offenders: string[] = [];
    let outbound = 0;
    for (const rel of pages) {
      const doc = page(rel);
      for (const el of doc.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          if (!/^(href|src|srcset|action|poster|data|formaction|style)$/.test(name.toLowerCase())) continue;
          for (const m of value.matchAll(/(?:https?:)?\/\/[^\s"')]+/g)) {
            const url = new URL(m[0], SITE);
            // A link a reader may choose to follow (<a href>) is not a request the page makes.
            if (el.tagName === 'A' && name === 'href') {
              outbound++;
              continue;
            }
            const rel_ = el.getAttribute('rel');
            const ownAddress = el.tagName === 'LINK' && (rel_ === 'canonical' || rel_ === 'alternate') && url.origin === SITE.origin;
            if (!ownAddress) offenders.push(`${rel}: <${el.tagName.toLowerCase()} ${name}="${value}">`);
          }
        }
      }
    }
    console.log(`origins: nothing loaded from elsewhere; ${outbound} links for readers to follow to other sites`);
    for (const rel of globSync('**/*.{css,js}', { cwd: DIST, ignore: ['pagefind/**'] })) {
      const text = readFileSync(join(DIST, rel), 'utf8');
      for (const m of text.matchAll(/(?:url\(|@import\s+|import\(|from\s*)["']?((?:https?:)?\/\/[^"')\s]+)/g)) offenders.push(`${rel}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('carries a strict Content-Security-Policy and referrer policy in every page, with a hash for every inline script and no inline event handlers', () => {
    let inline = 0;
    for (const rel of pages) {
      const doc = page(rel);
      const csp = doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, `${rel}: script-src`).toContain("'self'");
      expect(csp, rel).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(csp, rel).toContain("object-src 'none'");
      expect(doc.querySelector('meta[name="referrer"]')?.getAttribute('content'), rel).toBe('strict-origin-when-cross-origin');
      // An inline script runs only if the policy lists its hash.
      for (const script of doc.querySelectorAll('script:not([src])')) {
        const hash = createHash('sha256').update(script.textContent).digest('base64');
        expect(scriptSrc, `${rel}: inline script not allowed by the policy`).toContain(`'sha256-${hash}'`);
        inline++;
      }
      for (const el of doc.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          expect(/^on/i.test(name), `${rel}: <${el.tagName.toLowerCase()} ${name}>`).toBe(false);
          if (/^(href|src|action|formaction)$/i.test(name)) expect(value.trim().toLowerCase().startsWith('javascript:'), `${rel}: ${name}="${value}"`).toBe(false);
        }
      }
    }
    console.log(`security: ${pages.length} pages carry the policy; ${inline} inline script${inline === 1 ? "" : "s"}, each allowed by its hash; no inline event handlers`);
  });

  it('gives every page lang="en-GB", one h1, a skip link to the main landmark and a title', () => {
    for (const rel of pages) {
      const doc = page(rel);
      expect(doc.querySelector('html')?.getAttribute('lang'), rel).toBe('en-GB');
      expect(doc.querySelectorAll('h1'), rel).toHaveLength(1);
      const skip = doc.querySelector('a.sq-skip');
      expect(skip?.getAttribute('href'), rel).toBe('#main-content');
      expect(doc.querySelector('main#main-content'), rel).toBeTruthy();
      expect(doc.querySelector('title')?.text.trim(), rel).toBeTruthy();
      expect(doc.querySelector('meta[name="viewport"]'), rel).toBeTruthy();
      if (rel !== 'index.html') expect(doc.querySelector('nav[aria-label="Breadcrumb"] a[href="/"]'), rel).toBeTruthy();
    }
  });

  it('reaches search from every page', () => {
    for (const rel of pages) {
      const doc = page(rel);
      const form = doc.querySelector('form[role="search"]');
      expect(form?.getAttribute('action'), rel).toBe('/search/');
      expect(form?.querySelector('input[name="q"]'), rel).toBeTruthy();
    }
  });

  it('loads no JavaScript on content pages: only the search page and pages with charts have a script', () => {
    const withScripts = pages.filter((rel) => page(rel).querySelectorAll('script').length > 0);
    const allowed = (rel: string) => rel === 'search/index.html' || page(rel).querySelector('.sq-chart[data-chart]') !== null;
    expect(withScripts.filter((rel) => !allowed(rel))).toEqual([]);
    expect(withScripts).toContain('search/index.html');
  });

  it('labels the site as example data while the configuration says so', () => {
    expect(cfg.area.example).toBe(true);
    for (const rel of pages) expect(page(rel).querySelector('.sq-banner')?.text, rel).toContain('fictional');
  });

  it('publishes the 404, search, glossary and accessibility pages', () => {
    for (const p of ['404.html', 'search/index.html', 'glossary/index.html', 'accessibility/index.html']) expect(pages).toContain(p);
    const statement = page('accessibility/index.html').text;
    for (const heading of ['Feedback and contact information', 'Enforcement procedure', 'Technical information', 'Non-accessible content', 'Preparation of this accessibility statement']) {
      expect(statement).toContain(heading);
    }
  });

  it('has guidance filter pages that work as plain links', () => {
    const index = page('guidance/index.html');
    const links = index.querySelectorAll('nav[aria-label="Filter guidance"] a').map((a) => a.getAttribute('href')!);
    expect(links).toEqual(expect.arrayContaining(['/guidance/for/families/', '/guidance/for/practitioners/', '/guidance/stage/ehc-plan/']));
    for (const href of links) expect(fileFor(href), href).toBeTruthy();
    const families = page('guidance/for/families/index.html');
    expect(families.querySelector('nav[aria-label="Filter guidance"] a[aria-current="page"]')?.getAttribute('href')).toBe('/guidance/for/families/');
  });

  it('renders the framework timetable as a table from data/timetable.yaml', () => {
    const doc = page('framework/timetable/index.html');
    const rows = doc.querySelectorAll('table tbody tr');
    const data = readFileSync(join(ROOT, 'data/timetable.yaml'), 'utf8').match(/^- /gm)!.length;
    expect(rows).toHaveLength(data);
    expect(doc.querySelectorAll('table th[scope="col"]').length).toBeGreaterThan(0);
  });
});

describe('the home page', () => {
  it('leads families to the four guides they come for most, the assessment guide among them, in the order they meet them', () => {
    const links = page('index.html').querySelectorAll('main a').map((a) => a.getAttribute('href'));
    const guides = ['/guidance/sen-support-what-to-expect/', '/guidance/ehc-needs-assessment-what-to-expect/', '/guidance/annual-review-what-to-expect/', '/guidance/feedback-and-complaints/'];
    expect(guides.map((g) => links.indexOf(g)).every((i, k, all) => i >= 0 && (k === 0 || i > all[k - 1]!))).toBe(true);
  });
});

describe('where families are told to get help', () => {
  it('links the SEND team, SENDIASS, the Local Offer and the parent carer forum, with an email address where there is one', () => {
    const assessment = page('guidance/ehc-needs-assessment-what-to-expect/index.html');
    const hrefs = assessment.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['https://council.northvale.example/send-team', 'mailto:send@northvale.example', 'https://sendiass.northvale.example', 'mailto:sendiass@northvale.example']));
    const complaints = page('guidance/feedback-and-complaints/index.html').querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(complaints).toEqual(expect.arrayContaining(['https://parentcarerforum.northvale.example', 'mailto:forum@northvale.example']));
    expect(page('guidance/sen-support-what-to-expect/index.html').querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain('https://localoffer.northvale.example');
  });
});
