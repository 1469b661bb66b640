import { describe, expect, it } from 'vitest';
import { contentPaths, external, sitePaths, useSite } from './harness';

describe('without JavaScript', () => {
  const site = useSite();

  it('shows every page’s content', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    for (const path of sitePaths()) {
      await page.goto(site.base + path);
      const main = page.locator('main');
      expect(await main.locator('h1').count(), path).toBe(1);
      expect((await main.innerText()).length, path).toBeGreaterThan(100);
    }
  }, 120_000);

  it('filters guidance with plain links', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(`${site.base}/guidance/`);
    const total = await page.locator('main .sq-list > li').count();
    await page.getByRole('link', { name: /^For families \(\d+\)$/ }).click();
    await page.waitForURL('**/guidance/for/families/');
    const families = await page.locator('main .sq-list > li').count();
    expect(families).toBeGreaterThan(0);
    expect(families).toBeLessThan(total);
    // Choosing a stage keeps the families filter.
    await page.getByRole('link', { name: /^EHC plan \(\d+\)$/ }).click();
    await page.waitForURL('**/guidance/for/families/stage/ehc-plan/');
    expect(await page.locator('h1').textContent()).toBe('Guidance for families: EHC plan');
    expect(await page.locator('main .sq-list > li').count()).toBeLessThanOrEqual(families);
  });

  it('explains on the search page that search needs JavaScript, and links to the indexes', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(`${site.base}/search/?q=outcomes`);
    const note = page.locator('#search-nojs');
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain('needs JavaScript');
    expect(await note.locator('a[href="/guidance/"]').count()).toBe(1);
  });
});

describe('reflow and target size', () => {
  const site = useSite();

  it('never scrolls sideways at 320 CSS pixels wide', async () => {
    const page = await site.page({ viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    // Every page, the search page (with results showing) and the 404 page included.
    const paths = [...sitePaths(), '/search/?q=annual+review', '/404.html'];
    for (const path of paths) {
      await page.goto(site.base + path);
      if (path.startsWith('/search/?')) await page.locator('#search-results li').first().waitFor();
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > 320) wide.push(`${path}: ${w}px`);
    }
    console.log(`reflow: ${paths.length} pages at 320px, ${wide.length} scroll sideways`);
    expect(wide).toEqual([]);
  }, 120_000);

  it('makes every control and stand-alone link at least 24 by 24 CSS pixels', async () => {
    const page = await site.page({ viewport: { width: 320, height: 640 } });
    const small: string[] = [];
    for (const path of [...contentPaths(), '/search/']) {
      await page.goto(site.base + path);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue; // not displayed (e.g. skip link off screen)
          // WCAG 2.5.8 exempts links inside a sentence or block of text ("inline").
          // The link's sentence is its nearest block ancestor (through <strong>, <em> and the like).
          let block = el.parentElement!;
          while (getComputedStyle(block).display === 'inline' && block.parentElement) block = block.parentElement;
          const inline = el.tagName === 'A' && (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
          if (inline || el.closest('.sq-skip')) continue;
          if (r.width < 24 || r.height < 24) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
        return out;
      });
      small.push(...found.map((f) => `${path}: ${f}`));
    }
    expect(small).toEqual([]);
  }, 120_000);
});

describe('security and privacy in the browser', () => {
  const site = useSite();

  it('sends a strict Content-Security-Policy and referrer policy, sets no cookies and makes no other-origin requests', async () => {
    const page = await site.page();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    for (const path of ['/', '/search/?q=plan', '/guidance/smart-outcomes/']) {
      const res = await page.goto(site.base + path);
      const csp = res!.headers()['content-security-policy'] ?? '';
      expect(csp, path).toMatch(/script-src [^;]*'self'/);
      expect(csp, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res!.headers()['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      // Search runs Pagefind's WebAssembly: it must work under the policy, not be blocked by it.
      if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
    }
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
  });
});
