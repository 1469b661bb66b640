import { describe, expect, it } from 'vitest';
import { htmlPages, page } from '../helpers/dist';

const glossaryLinks = (rel: string) => page(rel).querySelectorAll('main a.sq-glossary-link');

describe('glossary links in the built site', () => {
  it('link words of art on the methodology page and a report page to their glossary entries', () => {
    const methodology = glossaryLinks('reports/methodology/index.html').map((a) => a.getAttribute('href'));
    expect(methodology).toEqual(expect.arrayContaining(['/glossary/#audit', '/glossary/#locality', '/glossary/#moderation', '/glossary/#good-or-better']));
    const report = glossaryLinks('reports/2025-26/summer/index.html').map((a) => a.getAttribute('href'));
    expect(report.length).toBeGreaterThan(0);
  });

  it('link each term once per page, never inside a heading or another link, and not on the glossary itself', () => {
    for (const rel of htmlPages()) {
      const links = glossaryLinks(rel);
      const hrefs = links.map((a) => a.getAttribute('href'));
      expect(new Set(hrefs).size, rel).toBe(hrefs.length);
      for (const a of links) expect(a.closest('h1, h2, h3, h4, h5, h6, a:not(.sq-glossary-link), code'), rel).toBeNull();
    }
    expect(glossaryLinks('glossary/index.html')).toHaveLength(0);
  });

  it('are left out of lists of other pages, whose entries are links already, but not out of the pages listed', () => {
    for (const rel of ['guidance/index.html', 'guidance/for/families/index.html', 'briefings/index.html']) {
      expect(page(rel).querySelectorAll('main .sq-list > li, main .sq-results > li').length, rel).toBeGreaterThan(0);
      expect(glossaryLinks(rel), rel).toHaveLength(0);
    }
    expect(glossaryLinks('guidance/smart-outcomes/index.html').length).toBeGreaterThan(0);
  });

  it('let search find a page by the other names of the terms it uses, with nothing shown or read out', () => {
    // The smart-outcomes guide says "EHC plan" but never "EHCP", the name many parents search for.
    const guide = page('guidance/smart-outcomes/index.html');
    expect(guide.querySelector('main')!.text).not.toMatch(/\bEHCP\b/);
    const also = guide.querySelectorAll('main [data-pagefind-index-attrs="data-also-called"]');
    expect(also).toHaveLength(1);
    // One sentence a search excerpt can show, naming the page's own name first.
    expect(also[0]!.getAttribute('data-also-called')).toContain('EHC plan, also written EHCP.');
    expect(also[0]!.text).toBe('');
    expect(also[0]!.closest('[data-pagefind-body]')).not.toBeNull();
    // Reports are found by their own titles, and are at their size budget.
    expect(page('reports/2025-26/summer/index.html').querySelectorAll('[data-also-called]')).toHaveLength(0);
  });

  it('explain the abbreviations in the official wording of a standard where they are first used', () => {
    const hrefs = glossaryLinks('standards/sen-services/2/index.html').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/glossary/#cyp', '/glossary/#ecm']));
  });
});

describe('the glossary page', () => {
  it('shows each short form beside its term (SENCO, EHC plan), in the alphabetical order of what it shows', () => {
    const terms = page('glossary/index.html').querySelectorAll('main dt').map((dt) => dt.text.trim());
    expect(terms.length).toBeGreaterThan(20);
    expect(terms).toContain('Special educational needs coordinator (SENCO)');
    expect(terms).toContain('SEND information, advice and support service (SENDIASS)');
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
