import { afterAll, describe, expect, it } from 'vitest';
import { BUDGETS, kb, measurePages, summarise } from '../../scripts/page-weight';
import { measureOneSearch } from '../../scripts/search-transfer';
import { DIST } from '../helpers/dist';
import { useSite } from './harness';

// Page weight is measured from the built files (gzip level 9), so the figures are exact and repeatable.
const weights = measurePages(DIST);
const report: string[] = [];
afterAll(() => console.log(`Page weight budgets:\n${report.join('\n')}`));

describe('page weight budgets', () => {
  it('measures every built page', () => {
    expect(weights.length).toBeGreaterThan(40);
    report.push(`  ${weights.length} pages measured`);
    for (const s of summarise(weights))
      report.push(`  ${s.type.padEnd(20)} ${String(s.pages).padStart(3)} pages  HTML+CSS median ${kb(s.htmlCssMedian)}, max ${kb(s.htmlCssMax)}  JavaScript max ${kb(s.jsMax)}`);
  });

  it(`keeps every content page's HTML + CSS within ${kb(BUDGETS.contentHtmlCss)} compressed`, () => {
    const over = weights
      .filter((w) => w.html + w.css > BUDGETS.contentHtmlCss)
      .map((w) => `${w.path}: ${kb(w.html + w.css)} (HTML ${kb(w.html)} + CSS ${kb(w.css)})`);
    expect(over, `pages over the ${kb(BUDGETS.contentHtmlCss)} budget`).toEqual([]);
  });

  it('loads no JavaScript on content pages: only the search page and pages with charts have a script', () => {
    const withJs = weights.filter((w) => w.js > 0 && w.type !== 'search' && w.charts === 0).map((w) => w.path);
    expect(withJs).toEqual([]);
    expect(weights.find((w) => w.type === 'search')?.js).toBeGreaterThan(0);
  });

  it(`keeps every page with charts within ${kb(BUDGETS.chartPageJs)} of JavaScript`, () => {
    const charts = weights.filter((w) => w.charts > 0);
    expect(charts.length).toBeGreaterThan(0);
    const over = charts.filter((w) => w.js > BUDGETS.chartPageJs).map((w) => `${w.path}: ${kb(w.js)}`);
    report.push(`  pages with charts: ${charts.length}, largest JavaScript ${kb(Math.max(0, ...charts.map((w) => w.js)))}`);
    expect(over).toEqual([]);
  });
});

describe('search budget', () => {
  const site = useSite();

  // The budget is for one search for a word, the usual kind of search: it includes the search
  // engine itself (Pagefind's WebAssembly), the part of the index holding the word, and the
  // excerpts of the first results. Pagefind loads one more part of the index for each further
  // word, so phrase searches cost more; their figures are printed too.
  // "complaint" and "mediation" were the heaviest words found on the example site (their part of
  // the index is large, and their first results have long excerpts).
  it(`transfers no more than ${kb(BUDGETS.oneSearch)} for one search for a word`, async () => {
    const over: string[] = [];
    for (const word of ['adulthood', 'complaint', 'mediation']) {
      const { files, bytes } = await measureOneSearch(site.browser, site.base, DIST, word);
      report.push(`  one search ("${word}"): ${files.length} files, ${kb(bytes)} (budget ${kb(BUDGETS.oneSearch)})`);
      expect(files.some((f) => f.endsWith('.pagefind'))).toBe(true);
      expect(files.some((f) => f.startsWith('pagefind/index/'))).toBe(true);
      expect(files.filter((f) => f.startsWith('pagefind/fragment/')).length).toBeGreaterThan(0);
      if (bytes > BUDGETS.oneSearch) over.push(`"${word}": ${kb(bytes)}`);
    }
    expect(over).toEqual([]);
    for (const phrase of ['annual review', 'preparing for adulthood']) {
      const m = await measureOneSearch(site.browser, site.base, DIST, phrase);
      report.push(`  one search ("${phrase}"): ${m.files.length} files, ${kb(m.bytes)} (a phrase: not held to the budget)`);
    }
  });
});
