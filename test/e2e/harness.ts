import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/browser';
import { serveStatic } from '../../scripts/static-server';
import { DIST, htmlPages, urlOf } from '../helpers/dist';

/** Every built page's URL path, except the 404 page (served at unknown paths). */
export function sitePaths(): string[] {
  return htmlPages()
    .filter((rel) => rel !== '404.html')
    .map(urlOf);
}

/** Content pages: every page except search (the one page allowed JavaScript). */
export function contentPaths(): string[] {
  return sitePaths().filter((p) => p !== '/search/');
}

/**
 * Serves dist/ on loopback with the headers of its _headers file, and starts Debian's
 * Chromium. A missing browser fails the tests with instructions; it never skips them.
 */
export function useSite() {
  const state = {} as { base: string; browser: Browser; close: () => Promise<void> };
  beforeAll(async () => {
    const site = await serveStatic(DIST);
    state.base = site.url;
    state.close = site.close;
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
  });
  return {
    get base() {
      return state.base;
    },
    get browser() {
      return state.browser;
    },
    async page(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await state.browser.newContext({ reducedMotion: 'reduce', ...options });
      const page = await context.newPage();
      // Any request that leaves loopback is a failure: the site must load nothing from elsewhere.
      await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]).*/, (route) => {
        external.push(route.request().url());
        return route.abort();
      });
      return page;
    },
  };
}

/** Requests to other origins seen by any test page (should stay empty). */
export const external: string[] = [];

const require = createRequire(import.meta.url);
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
