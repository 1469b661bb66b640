import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { DIST } from '../helpers/dist';
import { ROOT } from '../helpers/project-copy';
import { SEARCH_TYPES } from '../../src/lib/schemas/common';
import { loadPagefind } from '../helpers/pagefind-node';
import sourceStandards from '../fixtures/source-standards.json';

describe('the search index built with the site', () => {
  let pf: Awaited<ReturnType<typeof loadPagefind>>;
  beforeAll(async () => {
    pf = await loadPagefind();
  });
  afterAll(() => pf?.close());

  it('finds a standard by a phrase from its official wording', async () => {
    const phrase = 'culture of dependency';
    const st = sourceStandards.standards.find((s) => s.statement.includes(phrase))!;
    const hits = await pf.search(phrase);
    expect(hits[0]?.url).toBe(`/standards/${st.set}/${st.number}/`);
    expect(hits[0]?.excerpt).toContain('<mark>');
  });

  it('finds guidance by a plain search', async () => {
    const hits = await pf.search('SMART outcomes');
    expect(hits.map((h) => h.url)).toContain('/guidance/smart-outcomes/');
  });

  it('offers filters by content type, audience and stage', async () => {
    const filters = await pf.filters();
    // Every type offered on the search page has pages in the index, and every indexed type is offered.
    expect(Object.keys(filters.type ?? {}).sort()).toEqual([...SEARCH_TYPES].sort());
    for (const t of SEARCH_TYPES) expect(filters.type?.[t], t).toBeGreaterThan(0);
    expect(Object.keys(filters.audience ?? {})).toEqual(expect.arrayContaining(['Families', 'Practitioners']));
    expect(Object.keys(filters.stage ?? {})).toEqual(expect.arrayContaining(['SEN support', 'EHC plan', 'Annual review']));
    // Every standard's page, each set's page and the standards index.
    const sets = new Set(sourceStandards.standards.map((s) => s.set)).size;
    expect(filters.type?.Standard).toBe(sourceStandards.standards.length + sets + 1);
  });

  it('narrows results with a filter', async () => {
    const all = await pf.search('plan');
    const families = await pf.search('plan', { audience: 'Families' });
    expect(families.length).toBeGreaterThan(0);
    expect(families.length).toBeLessThan(all.length);
    expect(families.every((h) => h.filters.audience?.includes('Families'))).toBe(true);
  });

  it('indexes every page that asks to be searched, and only those', async () => {
    // The index reads only the pages Base.astro recorded as searchable; each of them, and no other
    // page, carries data-pagefind-body.
    const wanted = globSync('**/*.html', { cwd: DIST, ignore: ['pagefind/**'] })
      .filter((f) => readFileSync(join(DIST, f), 'utf8').includes('data-pagefind-body'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`)
      .sort();
    expect(wanted.length).toBeGreaterThan(50);
    const all = (await pf.search(null)).map((h) => h.url).sort();
    expect(all).toEqual(wanted);
    // Pagefind was told to read exactly those files, not every page of the site.
    const { glob } = JSON.parse(readFileSync(join(ROOT, '.astro/search/pagefind.json'), 'utf8')) as { glob: string };
    const told = glob.replace(/^\{|\}$/g, '').split(',').map((f) => `/${f.replace(/index\.html$/, '')}`).sort();
    expect(told).toEqual(wanted);
  });

  it('indexes the standards, set and guidance index pages, but not filter pages or later pages', async () => {
    const urls = new Set<string>();
    for (const q of ['guidance', 'standards', 'families', 'plan']) for (const h of await pf.search(q)) urls.add(h.url);
    expect([...urls]).toEqual(expect.arrayContaining(['/guidance/', '/standards/', '/standards/ehc-plan/']));
    expect([...urls].filter((u) => /^\/guidance\/(for|stage|standard|page)\//.test(u))).toEqual([]);
  });

  it('gives every standard its set in the title', async () => {
    const hits = await pf.search('standard');
    const standards = hits.filter((h) => /^\/standards\/[^/]+\/\d+\/$/.test(h.url));
    expect(standards.length).toBeGreaterThan(0);
    for (const h of standards) expect(h.meta.title, h.url).toMatch(/^(EHC plan|Schools and settings|Support services) standard \d+: /);
  });

  it('does not match a page on its related-guidance list or its navigation', async () => {
    // "annual review" appears on standard pages only in their lists of related guidance.
    const hits = await pf.search('annual review');
    const top = hits.slice(0, 5).map((h) => h.url);
    expect(top.filter((u) => u === '/standards/ehc-plan/1/' || u === '/standards/ehc-plan/3/')).toEqual([]);
  });

  it('keeps out of each result\'s data the note marks and note targets of legal pages (search shows only headings as places on a page)', () => {
    // Each result's data file: a short signature, then JSON with the page's text and its places ("anchors").
    const fragments = globSync('pagefind/fragment/*.pf_fragment', { cwd: DIST }).map((f) => {
      const raw = gunzipSync(readFileSync(join(DIST, f))).toString('utf8');
      return JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; anchors: { element: string; id: string }[] };
    });
    const legal = fragments.filter((f) => f.content.includes('Where this comes from.'));
    expect(legal.length).toBeGreaterThanOrEqual(8);
    for (const f of legal) {
      expect(f.anchors.map((a) => a.id).filter((id) => /^(source|cite)-/.test(id)), f.url).toEqual([]);
      expect(f.content, f.url).not.toMatch(/\[\d+\]/);
      expect(f.anchors.some((a) => a.id === 'where-this-comes-from'), f.url).toBe(true);
    }
  });

  it('splits the word index into small chunks, so that one search loads little of it', () => {
    // scripts/search-index.mjs asks Pagefind for chunks of about 5,000 word positions; with its
    // default (20,000) the example site's index is 6 chunks of about 26 KB each.
    const sizes = globSync('pagefind/index/*.pf_index', { cwd: DIST }).map((f) => statSync(join(DIST, f)).size);
    expect(sizes.length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...sizes)).toBeLessThan(10 * 1024);
  });

  // What a parent or practitioner types, and the page they came for.
  const WANTED: [string, string][] = [
    ['good ehc plan', '/standards/ehc-plan/'],
    ['what a good EHC plan looks like', '/standards/ehc-plan/'],
    ['annual review', '/guidance/annual-review-what-to-expect/'],
    ['complain', '/guidance/feedback-and-complaints/'],
    ['preparing for adulthood', '/guidance/preparing-for-adulthood/'],
  ];
  for (const [query, url] of WANTED) {
    it(`puts ${url} first for "${query}"`, async () => {
      const hits = await pf.search(query);
      expect(hits.slice(0, 3).map((h) => h.url)[0]).toBe(url);
    });
  }
});
