import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlPages, page as builtPage, urlOf } from '../helpers/dist';
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

/** Pages with charts, from dist/: the latest report (listed first on /reports/) and the briefings. */
const chartPages = htmlPages()
  .filter((rel) => builtPage(rel).querySelector('.sq-chart[data-chart]'))
  .map(urlOf);
const latestReport = builtPage('reports/index.html').querySelector('main tbody tr a')?.getAttribute('href') ?? '';
/** The briefing with the most charts. */
const briefingWithCharts =
  chartPages
    .filter((p) => p.startsWith('/briefings/'))
    .map((p) => ({ p, n: builtPage(`${p.slice(1)}index.html`).querySelectorAll('.sq-chart[data-chart]').length }))
    .sort((a, b) => b.n - a.n)[0]?.p ?? '';
/** The most the page may move about while it loads and its charts draw (Core Web Vitals' "good" is 0.1). */
const MAX_LAYOUT_SHIFT = 0.05;

/** Scrolls down the page a screen at a time, waiting at each for the charts near it to draw. */
async function drawEveryChart(page: Page): Promise<number> {
  const holders = page.locator('.sq-chart');
  const count = await holders.count();
  for (let i = 0; i < count; i++) {
    await holders.nth(i).scrollIntoViewIfNeeded();
    await holders.nth(i).locator('canvas').waitFor();
  }
  await page.evaluate(() => new Promise(requestAnimationFrame));
  return count;
}

/**
 * Every label drawn on every chart of the page that is cut off at the canvas's edge, cut short, on
 * top of another bar's name, or written over its hatched band: the chart's own axis labels (where
 * Chart.js put each line, measured in the chart's font) and the labels we draw (values, bands, target),
 * or, on a line chart, written over the line, a point or a whisker; and every likely-range whisker
 * that runs past the end of its axis.
 */
function clippedLabels(): string[] {
  type Item = { label: string | string[]; font: { string: string; size: number; lineHeight: number }; textOffset: number; options: { translation: [number, number]; rotation: number; textAlign: string; textBaseline: string } };
  type Scale = { type: string; axis: string; ticks: { value: number; label: string | string[] }[]; getLabelItems(): Item[] };
  type Drawn = { text: string; left: number; right: number; top: number; bottom: number; band?: { left: number; right: number } };
  type ChartLike = {
    ctx: CanvasRenderingContext2D;
    width: number;
    height: number;
    scales: Record<string, Scale>;
    data: { labels: string[] };
    sqLabels?: Drawn[];
    getDatasetMeta(i: number): { data: { x: number; y: number }[] };
  };
  const out: string[] = [];
  for (const holder of document.querySelectorAll<HTMLElement>('.sq-chart')) {
    const chart = (holder as HTMLElement & { chart?: ChartLike }).chart;
    const name = `${location.pathname} "${holder.dataset.title}" at ${innerWidth}px`;
    if (!chart) {
      out.push(`${name}: not drawn`);
      continue;
    }
    const { ctx, width, height } = chart;
    const outside = (l: number, r: number, t: number, b: number) => l < -0.5 || r > width + 0.5 || t < -0.5 || b > height + 0.5;
    for (const scale of Object.values(chart.scales)) {
      const boxes: { top: number; bottom: number; text: string }[] = [];
      scale.getLabelItems().forEach((item, i) => {
        const lines = Array.isArray(item.label) ? item.label : [String(item.label)];
        ctx.save();
        ctx.font = item.font.string;
        const w = Math.max(...lines.map((l) => ctx.measureText(l).width));
        ctx.restore();
        const { translation: [tx, ty], rotation, textAlign, textBaseline } = item.options;
        const fs = item.font.size;
        const x0 = textAlign === 'right' ? -w : textAlign === 'center' ? -w / 2 : 0;
        const top = item.textOffset - (textBaseline === 'middle' ? fs / 2 : textBaseline === 'bottom' ? fs : 0);
        const bottom = top + (lines.length - 1) * item.font.lineHeight + fs;
        const cos = Math.cos(rotation);
        const sin = Math.sin(rotation);
        const pts = [[x0, top], [x0 + w, top], [x0, bottom], [x0 + w, bottom]].map(([x, y]) => [tx + x! * cos - y! * sin, ty + x! * sin + y! * cos]);
        const xs = pts.map((p) => p[0]!);
        const ys = pts.map((p) => p[1]!);
        const text = lines.join(' ');
        if (outside(Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys))) out.push(`${name}: axis label "${text}" runs off the chart (${Math.round(Math.min(...xs))} to ${Math.round(Math.max(...xs))} of ${width} px)`);
        if (scale.type === 'category' && text !== chart.data.labels[scale.ticks[i]!.value]) out.push(`${name}: axis label "${text}" is cut short`);
        boxes.push({ top: Math.min(...ys), bottom: Math.max(...ys), text });
      });
      if (scale.type === 'category' && scale.axis === 'y') {
        boxes.sort((a, b) => a.top - b.top);
        for (let i = 1; i < boxes.length; i++) if (boxes[i]!.top < boxes[i - 1]!.bottom - 0.5) out.push(`${name}: "${boxes[i - 1]!.text}" runs into "${boxes[i]!.text}"`);
      }
    }
    const spec = JSON.parse(holder.dataset.chart ?? '{}') as { type: string; series: { values: (number | null)[]; intervals?: ({ lower: number; upper: number } | null)[] }[] };
    // On a line chart, what is drawn for the figures: each point, its whisker, and the line between
    // points (sampled along it). No label may be written over any of it.
    const marks: { l: number; r: number; t: number; b: number }[] = [];
    if (spec.type === 'line') {
      const y = chart.scales.y as unknown as { getPixelForValue(v: number): number };
      spec.series.forEach((s, si) => {
        const pts = chart.getDatasetMeta(si).data.map((p, i) => (s.values[i] === null ? null : p));
        pts.forEach((p, i) => {
          if (!p) return;
          marks.push({ l: p.x - 4, r: p.x + 4, t: p.y - 4, b: p.y + 4 });
          const iv = s.intervals?.[i];
          if (iv) marks.push({ l: p.x - 4, r: p.x + 4, t: y.getPixelForValue(iv.upper), b: y.getPixelForValue(iv.lower) });
          const q = pts[i + 1];
          if (q) for (let k = 0; k <= 24; k++) marks.push({ l: p.x + ((q.x - p.x) * k) / 24, r: p.x + ((q.x - p.x) * k) / 24, t: p.y + ((q.y - p.y) * k) / 24, b: p.y + ((q.y - p.y) * k) / 24 });
        });
      });
    }
    for (const l of chart.sqLabels ?? []) {
      if (outside(l.left, l.right, l.top, l.bottom)) out.push(`${name}: "${l.text}" runs off the chart`);
      if (l.band && l.left < l.band.right - 0.5 && l.right > l.band.left + 0.5) out.push(`${name}: "${l.text}" is written over its band`);
      if (marks.some((m) => m.l < l.right && m.r > l.left && m.t < l.bottom && m.b > l.top)) out.push(`${name}: "${l.text}" is written over the line or its whiskers`);
    }
    // Every likely-range whisker ends inside the value axis, not cut off at its top.
    const top = (chart.scales[spec.type === 'bar' ? 'x' : 'y'] as unknown as { max: number }).max;
    for (const s of spec.series) {
      s.intervals?.forEach((iv, i) => {
        if (iv && s.values[i] !== null && iv.upper > top + 1e-9) out.push(`${name}: the likely range of "${chart.data.labels[i]}" runs to ${iv.upper}, past the end of the axis at ${top}`);
      });
    }
  }
  return out;
}

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

  it('finds the latest report and a briefing with charts', () => {
    expect(latestReport).toMatch(/^\/reports\/\d{4}-\d{2}\/\w+\/$/);
    expect(chartPages).toContain(latestReport);
    expect(briefingWithCharts).not.toBe('');
  });

  for (const which of ['the latest report', 'a briefing with charts']) {
    it(`keeps space for every chart on ${which}, so the page moves less than ${MAX_LAYOUT_SHIFT} as they draw`, async () => {
      const path = which === 'the latest report' ? latestReport : briefingWithCharts;
      const page = await site.page(PHONE);
      // Every layout shift the browser reports, from the first paint on (none follows a tap or key here).
      await page.addInitScript(() => {
        const w = window as unknown as { sqShift: number };
        w.sqShift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.sqShift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(site.base + path);
      await page.waitForLoadState('load');
      const charts = await drawEveryChart(page);
      // Then back up the page, past every chart drawn, and once more down to the foot.
      await page.evaluate(() => scrollTo(0, 0));
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(200);
      const shift = await page.evaluate(() => (window as unknown as { sqShift: number }).sqShift);
      console.log(`phone: layout shift ${shift.toFixed(4)} on ${path} (${charts} charts, 375 px)`);
      expect(charts).toBeGreaterThan(0);
      expect(shift).toBeLessThan(MAX_LAYOUT_SHIFT);
    });
  }

  for (const width of [375, 320]) {
    it(`clips no chart label at ${width} px, on every page with charts`, async () => {
      const page = await site.page({ ...PHONE, viewport: { width, height: 667 } });
      const clipped: string[] = [];
      let charts = 0;
      for (const path of chartPages) {
        await page.goto(site.base + path);
        charts += await drawEveryChart(page);
        clipped.push(...(await page.evaluate(clippedLabels)));
        // And no page scrolls sideways: wide tables scroll inside their own box.
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (sideways > 0) clipped.push(`${path}: the page scrolls sideways by ${sideways} px`);
      }
      expect(charts).toBeGreaterThanOrEqual(chartPages.length);
      expect(clipped).toEqual([]);
    }, 120_000);
  }
});
