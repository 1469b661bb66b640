import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(filters.type?.Standard).toBe(sourceStandards.standards.length);
  });

  it('narrows results with a filter', async () => {
    const all = await pf.search('plan');
    const families = await pf.search('plan', { audience: 'Families' });
    expect(families.length).toBeGreaterThan(0);
    expect(families.length).toBeLessThan(all.length);
    expect(families.every((h) => h.filters.audience?.includes('Families'))).toBe(true);
  });

  it('does not index listing pages, only content', async () => {
    const urls = (await pf.search('guidance')).map((h) => h.url);
    expect(urls).not.toContain('/guidance/');
    expect(urls.some((u) => u.startsWith('/guidance/for/'))).toBe(false);
  });
});
