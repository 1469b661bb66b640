import { describe, expect, it } from 'vitest';
import sourceStandards from '../fixtures/source-standards.json';
import { htmlPages, urlOf } from '../helpers/dist';
import { pageType } from '../../scripts/page-weight';
import { external, useSite } from './harness';

const st = sourceStandards.standards.find((s) => s.statement.includes('culture of dependency'))!;

describe('search in a real browser', () => {
  const site = useSite();

  it('finds a standard by a phrase from it and follows the result', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/search/`);
    await page.getByLabel('Search standards, guidance and how we check quality').fill('culture of dependency');
    const first = page.locator('#search-results li a').first();
    await first.waitFor();
    expect(await page.locator('#search-status').textContent()).toMatch(/\d+ results? for “culture of dependency”/);
    await first.click();
    await page.waitForURL(`**/standards/${st.set}/${st.number}/`);
    expect(await page.locator('h1').textContent()).toContain(`standard ${st.number}: `);
    expect(external).toEqual([]);
  });

  it('puts the family guide to complaining among the first two results for the words a parent would type', async () => {
    const page = await site.page();
    for (const q of ['complaint', 'complain', 'mediation', 'tribunal']) {
      await page.goto(`${site.base}/search/?q=${q}`);
      await page.locator('#search-results li a').first().waitFor();
      const titles = await page.locator('#search-results li a').allTextContents();
      expect(titles.length, q).toBeGreaterThan(1);
      expect(titles.slice(0, 2), q).toContain('How to complain or give feedback');
    }
  });

  it('says what to try next when nothing matches, and hides it again when something does', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/search/?q=qwxzv`);
    await page.locator('#search-none').waitFor();
    expect(await page.locator('#search-status').textContent()).toMatch(/^0 results for “qwxzv”/);
    expect(await page.locator('#search-none a').allTextContents()).toEqual(['Guidance for families', 'All guidance', 'What the words mean']);
    await page.locator('#search-q').fill('autis');
    await page.locator('#search-results li a').first().waitFor();
    expect(await page.locator('#search-none').isHidden()).toBe(true);
  });

  it('starts from the search box in the header of any page and keeps the query in the address', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/guidance/`);
    await page.getByLabel('Search standards and guidance').fill('annual review');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=annual+review');
    await page.locator('#search-results li').first().waitFor();
    expect(await page.inputValue('#search-q')).toBe('annual review');
    expect(await page.locator('#search-nojs').isHidden()).toBe(true);
  });

  it('filters results by audience', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/search/?q=plan`);
    await page.locator('#search-results li').first().waitFor();
    const all = Number((await page.locator('#search-status').textContent())!.match(/^(\d+)/)![1]);
    await page.getByLabel('Written for').selectOption('Families');
    await page.waitForFunction((n) => !document.querySelector('#search-status')!.textContent!.startsWith(`${n} `), all);
    const families = Number((await page.locator('#search-status').textContent())!.match(/^(\d+)/)![1]);
    expect(families).toBeGreaterThan(0);
    expect(families).toBeLessThan(all);
    expect(page.url()).toContain('audience=Families');
    const metas = await page.locator('#search-results li .sq-meta').allTextContents();
    expect(metas.every((m) => m.includes('Families'))).toBe(true);
  });

  it('can be used with the keyboard alone', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/search/`);
    // Tab from the top of the page to the search field.
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'search-q' && guard++ < 30) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.type('preparing for adulthood');
    await page.keyboard.press('Enter');
    await page.locator('#search-results li a').first().waitFor();
    // Tab onwards through the filters into the results, then follow the first result.
    guard = 0;
    while (!(await page.evaluate(() => !!document.activeElement?.closest('#search-results'))) && guard++ < 30) await page.keyboard.press('Tab');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${href}`);
  });
});

describe('keyboard journey', () => {
  const site = useSite();

  it('starts with a visible skip link that moves focus to the main content', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/guidance/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { text: el.textContent, visible: r.width > 0 && r.height > 0 && r.top >= 0, outline: getComputedStyle(el).backgroundColor };
    });
    expect(skip.text).toBe('Skip to main content');
    expect(skip.visible).toBe(true);
    expect(skip.outline).toBe('rgb(255, 221, 0)');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('reaches navigation, search and the guidance filters with visible focus, and never gets trapped', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/guidance/`);
    const seen: string[] = [];
    const ids: string[] = [];
    let invisible: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        const indicated = cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px' ? true : cs.boxShadow !== 'none' || cs.backgroundColor === 'rgb(255, 221, 0)';
        return { key: `${el.tagName} ${el.getAttribute('href') ?? el.id ?? ''}`, id: `${el.tagName} ${el.getAttribute('href') ?? el.id ?? ''} ${el.textContent?.trim() ?? ''} ${[...document.querySelectorAll('a, input, select, button')].indexOf(el)}`, indicated };
      });
      if (!info) break; // focus left the page: the end was reached, so nothing trapped it
      if (!info.indicated) invisible.push(info.key);
      if (ids.includes(info.id)) break; // back to an element already visited: the whole page was walked
      ids.push(info.id);
      seen.push(info.key);
    }
    expect(seen).toContain('INPUT header-search');
    expect(seen).toContain('A /standards/');
    expect(seen).toContain('A /guidance/for/families/');
    expect(seen.length).toBeLessThan(200);
    invisible = [...new Set(invisible)];
    expect(invisible).toEqual([]);
  });
});

describe('print', () => {
  const site = useSite();

  it('hides navigation and shows the full address of every link', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/guidance/smart-outcomes/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sq-header').isHidden()).toBe(true);
    expect(await page.locator('nav[aria-label="Breadcrumb"]').isHidden()).toBe(true);
    expect(await page.locator('.sq-footer').isHidden()).toBe(true);
    const after = await page.evaluate(() => {
      const a = document.querySelector('main a[href^="/standards/"]')!;
      return { href: a.getAttribute('href'), content: getComputedStyle(a, '::after').content };
    });
    expect(after.content).toContain(`https://northvale.example${after.href!}`);
    // Boxes are never split across pages.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main table')!).breakInside)).toBe('avoid');
  });

  it('prints a briefing as a clean A4 document: no navigation, tables in place of charts, link targets shown', async () => {
    const page = await site.page();
    await page.goto(`${site.base}/briefings/2025-26/summer/2025-26-summer-quality-briefing/`);
    await page.locator('.sq-chart').first().scrollIntoViewIfNeeded();
    await page.locator('.sq-chart canvas').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.sq-header')!).display,
      crumbs: getComputedStyle(document.querySelector('.sq-crumbs')!).display,
      charts: [...document.querySelectorAll('.sq-chart')].map((c) => getComputedStyle(c).display),
      tables: [...document.querySelectorAll('main table')].map((t) => (t as HTMLElement).getBoundingClientRect().height > 0),
      link: (() => {
        const a = document.querySelector('main .sq-briefing a[href^="/"]')!;
        return { href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content };
      })(),
    }));
    expect(state.header).toBe('none');
    expect(state.crumbs).toBe('none');
    expect(state.charts.length).toBeGreaterThan(0);
    expect(state.charts.every((d) => d === 'none')).toBe(true);
    expect(state.tables.length).toBeGreaterThanOrEqual(state.charts.length);
    expect(state.tables.every(Boolean)).toBe(true);
    expect(state.link.after).toContain(`https://northvale.example${state.link.href!}`);
    expect(await page.evaluate(() => [...document.querySelectorAll('.sq-callout')].every((c) => getComputedStyle(c).breakInside === 'avoid'))).toBe(true);
  });

  it('prints every briefing on no more than two A4 pages', async () => {
    const page = await site.page();
    const briefings = htmlPages().map(urlOf).filter((p) => pageType(p) === 'briefing');
    expect(briefings.length).toBeGreaterThanOrEqual(4);
    const counts: string[] = [];
    for (const path of briefings) {
      await page.goto(`${site.base}${path}`);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      counts.push(`${pages} ${path}`);
      expect(pages, path).toBeGreaterThan(0);
      expect(pages, path).toBeLessThanOrEqual(2);
    }
    console.log(`print: A4 pages per briefing:\n  ${counts.join('\n  ')}`);
  });
});
