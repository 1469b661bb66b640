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
      report.push(`  ${s.type.padEnd(20)} ${String(s.pages).padStart(3)} pages  HTML+CSS median ${kb(s.htmlCssMedian)}, max ${kb(s.htmlCssMax)}  JS before use max ${kb(s.jsMax)}`);
  });

  it(`keeps every content page's HTML + CSS within ${kb(BUDGETS.contentHtmlCss)} compressed`, () => {
    const over = weights
      .filter((w) => w.html + w.css > BUDGETS.contentHtmlCss)
      .map((w) => `${w.path}: ${kb(w.html + w.css)} (HTML ${kb(w.html)} + CSS ${kb(w.css)})`);
    expect(over, `pages over the ${kb(BUDGETS.contentHtmlCss)} budget`).toEqual([]);
  });

  it('loads no JavaScript on content pages: only the search page has a script, loaded when it is used', () => {
    const withJs = weights.filter((w) => w.js > 0 && w.type !== 'search' && w.type !== 'report' && w.type !== 'briefing').map((w) => w.path);
    expect(withJs).toEqual([]);
  });

  it(`keeps every page with charts within ${kb(BUDGETS.chartPageJs)} of JavaScript`, () => {
    const charts = weights.filter((w) => w.type === 'report' || w.type === 'briefing');
    const over = charts.filter((w) => w.js > BUDGETS.chartPageJs).map((w) => `${w.path}: ${kb(w.js)}`);
    report.push(`  pages with charts: ${charts.length}, largest JavaScript ${kb(Math.max(0, ...charts.map((w) => w.js)))}`);
    expect(over).toEqual([]);
  });
});

describe('search budget', () => {
  const site = useSite();

  it(`transfers no more than ${kb(BUDGETS.oneSearch)} for one search`, async () => {
    const { files, bytes } = await measureOneSearch(site.browser, site.base, DIST, 'preparing for adulthood');
    report.push(`  one search ("preparing for adulthood"): ${files.length} files, ${kb(bytes)}`);
    expect(files.some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(bytes).toBeLessThanOrEqual(BUDGETS.oneSearch);
  });
});
