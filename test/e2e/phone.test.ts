import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { external, sitePaths, useSite } from './harness';

// A small phone held upright, tapped with a finger.
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };
/** How far down the page the h1 may start, so the page's subject shows without scrolling. */
const H1_WITHIN = 300;

/** What people come for, where it is, how they would say it to the search box, and the links they tap from the home page. */
const WANTED = [
  { what: 'what a good EHC plan looks like (family version)', url: '/standards/ehc-plan/', query: 'good ehc plan', taps: ['What a good EHC plan looks like'] },
  { what: 'what to expect at an annual review (family guide)', url: '/guidance/annual-review-what-to-expect/', query: 'annual review', taps: ["Your child's annual review: what to expect"] },
  { what: 'how to complain', url: '/guidance/feedback-and-complaints/', query: 'complain', taps: ['How to complain or give feedback'] },
];

async function h1Top(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().top + window.scrollY);
}

describe('on a 375-pixel phone', () => {
  const site = useSite();

  it(`starts the h1 of every page within the first ${H1_WITHIN} pixels`, async () => {
    const page = await site.page(PHONE);
    const late: string[] = [];
    for (const path of [...sitePaths(), '/no-such-page/']) {
      await page.goto(site.base + path);
      const top = await h1Top(page);
      if (top > H1_WITHIN) late.push(`${path}: ${Math.round(top)} px`);
    }
    expect(late).toEqual([]);
  }, 240_000);

  for (const w of WANTED) {
    it(`reaches ${w.what} from the home page in three taps or fewer`, async () => {
      const page = await site.page(PHONE);
      await page.goto(`${site.base}/`);
      let taps = 0;
      for (const name of w.taps) {
        const before = page.url();
        await page.getByRole('link', { name, exact: true }).first().tap();
        taps++;
        await page.waitForURL((u) => u.href !== before);
      }
      expect(new URL(page.url()).pathname).toBe(w.url);
      expect(taps).toBeLessThanOrEqual(3);
    });

    it(`finds ${w.what} as the first search result for "${w.query}", starting from the menu`, async () => {
      const page = await site.page(PHONE);
      await page.goto(`${site.base}/`);
      await page.locator('summary.sq-menu__button').tap();
      await page.getByLabel('Search standards and guidance').fill(w.query);
      await page.getByRole('button', { name: 'Search', exact: true }).tap();
      await page.waitForURL('**/search/?q=*');
      const first = page.locator('#search-results li a').first();
      await first.waitFor();
      expect(await first.getAttribute('href')).toBe(w.url);
      await first.tap();
      await page.waitForURL(`**${w.url}`);
      expect(external).toEqual([]);
    });
  }

  it('opens the menu without JavaScript', async () => {
    const page = await site.page({ ...PHONE, javaScriptEnabled: false });
    await page.goto(`${site.base}/standards/`);
    const guidance = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guidance' });
    expect(await guidance.isVisible()).toBe(false);
    await page.locator('summary.sq-menu__button').tap();
    expect(await guidance.isVisible()).toBe(true);
    await guidance.tap();
    await page.waitForURL('**/guidance/');
  });

  it('shows guidance results before the filters, which open from a button without JavaScript', async () => {
    const page = await site.page({ ...PHONE, javaScriptEnabled: false });
    await page.goto(`${site.base}/guidance/for/families/`);
    const results = await page.locator('#results').boundingBox();
    expect(results!.y).toBeLessThan(PHONE.viewport.height);
    const stageLink = page.getByRole('link', { name: /^Annual review \(\d+\)$/ });
    expect(await stageLink.isVisible()).toBe(false);
    await page.locator('.sq-filters > summary').tap();
    await stageLink.tap();
    await page.waitForURL('**/guidance/for/families/stage/annual-review/');
    expect(await page.locator('h1').textContent()).toBe('Guidance for families: Annual review');
    expect(await page.locator('.sq-list > li a[href="/guidance/annual-review-what-to-expect/"]').count()).toBe(1);
  });
});
