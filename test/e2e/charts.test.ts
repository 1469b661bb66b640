import { describe, expect, it } from 'vitest';
import { htmlPages, page as builtPage, urlOf } from '../helpers/dist';
import { AXE_SOURCE, external, useSite } from './harness';

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
  }, 120_000); // every chart on every chart page, one after another

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
  }, 120_000);

  it('can be reached with the Tab key, and its arrow keys read out each figure as the table gives it', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/reports/2025-26/summer/`);
    const figure = page.locator('#chart-by-locality');
    await figure.locator('.sq-chart').scrollIntoViewIfNeeded();
    await figure.locator('canvas').waitFor();
    // The last tab stop of the figure before it (its table, or the link in the key beside it).
    const before = page.locator('#chart-by-type .sq-key a');
    await ((await before.count()) ? before : page.locator('#chart-by-type .sq-table-wrap')).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { chart: el.closest('figure')?.id, role: el.getAttribute('role'), name: el.getAttribute('aria-label') ?? '' };
    });
    expect(focused.chart).toBe('chart-by-locality');
    expect(focused.role).toBe('application');
    expect(focused.name).toContain('Share Good or better by locality');
    expect(focused.name).toContain('use the arrow keys');

    // What the table says, row by row: the figure each announcement must give.
    const rows = await figure.locator('tbody tr').evaluateAll((trs) =>
      // The share (or its band) is the first column after the group's name.
      trs.map((tr) => ({ label: tr.querySelector('th')!.textContent!.trim(), value: tr.querySelector('td')!.textContent!.trim() })),
    );
    // A share's likely range under it in the table is read out after the share.
    const expected = rows.map((r, i) => `${r.label}: ${r.value.startsWith('c') ? 'not published (c)' : r.value.replace(/\s*likely range /, ', likely range ')}. Figure ${i + 1} of ${rows.length}.`);
    expect(expected.some((e) => e.includes(', likely range '))).toBe(true);
    const readout = figure.locator('.sq-chart__readout');
    expect(await readout.getAttribute('aria-live')).toBe('polite');
    const heard = [await readout.textContent()];
    for (let i = 1; i < rows.length; i++) {
      await page.keyboard.press('ArrowRight');
      heard.push(await readout.textContent());
    }
    expect(heard).toEqual(expected);
    expect(await figure.locator('.sq-chart__focus').isVisible()).toBe(true);

    await page.keyboard.press('ArrowRight'); // past the last figure: stays there
    expect(await readout.textContent()).toBe(expected.at(-1));
    await page.keyboard.press('Home');
    expect(await readout.textContent()).toBe(expected[0]);
    await page.keyboard.press('ArrowLeft'); // before the first: stays there
    expect(await readout.textContent()).toBe(expected[0]);
    await page.keyboard.press('End');
    expect(await readout.textContent()).toBe(expected.at(-1));
    await page.keyboard.press('ArrowUp');
    expect(await readout.textContent()).toBe(expected.at(-2));

    await page.keyboard.press('Tab'); // on to the table: the outline goes, the chart keeps its place
    expect(await figure.locator('.sq-chart__focus').isVisible()).toBe(false);
    expect(external).toEqual([]);
  }, 60_000);

  it('passes axe with every chart drawn and one of them being browsed by keyboard, and on the release information', async () => {
    const page = await site.page({ bypassCSP: true });
    const axe = async () => {
      await page.evaluate(AXE_SOURCE);
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] }, resultTypes: ['violations'] });
        return r.violations.map((v) => `${location.pathname}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    };
    await page.goto(`${site.base}/reports/2025-26/summer/`);
    const holders = page.locator('.sq-chart');
    for (let i = 0; i < (await holders.count()); i++) {
      await holders.nth(i).scrollIntoViewIfNeeded();
      await holders.nth(i).locator('canvas').waitFor();
    }
    await page.locator('#chart-trend .sq-chart').focus();
    await page.keyboard.press('ArrowRight');
    const violations = await axe();
    // An older report (the "not the latest report" notice) and the list of reports with upcoming ones.
    for (const path of ['/reports/2024-25/summer/', '/reports/']) {
      await page.goto(`${site.base}${path}`);
      violations.push(...(await axe()));
    }
    expect(violations).toEqual([]);
  }, 90_000);

  it('prints every chart beside its table, drawn on paper', async () => {
    const page = await site.page({ viewport: { width: 680, height: 900 } });
    await page.goto(`${site.base}/reports/2025-26/summer/`);
    // Only the first charts are near the screen; turning to print draws the rest.
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => [...document.querySelectorAll('.sq-chart')].every((h) => h.querySelector('canvas')), undefined, { timeout: 30_000 });
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.sq-chart')].map((holder) => {
        const canvas = holder.querySelector('canvas')!;
        const box = canvas.getBoundingClientRect();
        // Any dark pixel means something was drawn (bars, lines, axis labels).
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! < 128) ink++;
        return {
          title: holder.dataset.title,
          shown: getComputedStyle(holder).display !== 'none' && box.width > 200 && box.height > 100,
          fits: box.right <= document.documentElement.clientWidth,
          sharp: canvas.width >= 2 * box.width,
          ink,
          table: !!holder.closest('figure')!.querySelector('table'),
        };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(c.shown, `${c.title} is shown in print`).toBe(true);
      expect(c.fits, `${c.title} fits the page`).toBe(true);
      expect(c.sharp, `${c.title} is drawn at print resolution`).toBe(true);
      expect(c.ink, `${c.title} has marks on it`).toBeGreaterThan(500);
      expect(c.table, `${c.title} keeps its table`).toBe(true);
    }
    // And on paper: Chrome puts each drawn canvas into the PDF as an image.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const images = pdf.match(/\/Subtype\s*\/Image/g)?.length ?? 0;
    expect(images).toBeGreaterThanOrEqual(charts.length);
  }, 90_000);
});
