import { describe, expect, it } from 'vitest';
import { htmlPages, page as builtPage, urlOf } from '../helpers/dist';
import { external, useSite } from './harness';

/** Every built page with a chart (reports now, briefings later): found from dist/, not listed by hand. */
const chartPages = htmlPages()
  .filter((rel) => builtPage(rel).querySelector('.sq-chart[data-chart]'))
  .map(urlOf);

describe('charts in a real browser', () => {
  const site = useSite();

  it('finds the pages with charts', () => expect(chartPages.length).toBeGreaterThanOrEqual(9));

  it('with JavaScript, draws every chart with an accessible name and summary, and keeps every table', async () => {
    const page = await site.page();
    let charts = 0;
    for (const path of chartPages) {
      await page.goto(`${site.base}${path}`);
      // Charts are drawn as they come near the screen: scroll to each and wait for it.
      const holders = page.locator('.sq-chart');
      for (let i = 0; i < (await holders.count()); i++) {
        await holders.nth(i).scrollIntoViewIfNeeded();
        await holders.nth(i).locator('canvas').waitFor();
      }
      const result = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.sq-chart')].map((holder) => {
          const canvas = holder.querySelector('canvas');
          const figure = holder.closest('figure')!;
          return {
            drawn: !!canvas && canvas.width > 0 && canvas.height > 0,
            role: canvas?.getAttribute('role'),
            label: canvas?.getAttribute('aria-label') ?? '',
            title: figure.querySelector('.sq-figure__title')!.textContent!,
            tables: figure.querySelectorAll('table').length,
            tableVisible: [...figure.querySelectorAll('table')].every((t) => (t as HTMLElement).offsetParent !== null),
          };
        }),
      );
      expect(result.length, path).toBeGreaterThan(0);
      for (const c of result) {
        expect(c.drawn, `${path} ${c.title}`).toBe(true);
        expect(c.role).toBe('img');
        expect(c.label).toContain(c.title);
        expect(c.tables, `${path} ${c.title}: a table in the figure`).toBeGreaterThan(0);
        expect(c.tableVisible, `${path} ${c.title}`).toBe(true);
      }
      charts += result.length;
    }
    console.log(`charts: ${charts} charts drawn on ${chartPages.length} pages`);
    expect(external).toEqual([]);
  });

  it('without JavaScript, shows every table and draws no chart', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    for (const path of chartPages) {
      await page.goto(`${site.base}${path}`);
      const { tables, hidden, canvases } = await page.evaluate(() => ({
        tables: document.querySelectorAll('main table').length,
        hidden: [...document.querySelectorAll('main table')].filter((t) => (t as HTMLElement).offsetParent === null).length,
        canvases: document.querySelectorAll('canvas').length,
      }));
      expect(tables, path).toBeGreaterThan(0);
      expect(hidden, path).toBe(0);
      expect(canvases, path).toBe(0);
    }
  });
});
