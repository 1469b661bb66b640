import type { Browser } from 'playwright-core';
import { transferSize } from './page-weight';

/**
 * Runs one search on the built site in a real browser and returns the dist/ files it fetched
 * after the search page itself had loaded, and their transfer size (text gzip-compressed,
 * Pagefind's already-compressed index files as stored).
 */
export async function measureOneSearch(browser: Browser, base: string, dist: string, phrase: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/search/`);
  const files: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin === new URL(base).origin) files.push(decodeURIComponent(url.pathname).replace(/^\//, ''));
  });
  // The page's own HTML and CSS are already counted in its page weight; count what searching adds.
  await page.locator('#search-q').fill(phrase);
  await page.locator('#search-results li a').first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  const unique = [...new Set(files)];
  return { files: unique, bytes: transferSize(dist, unique) };
}
