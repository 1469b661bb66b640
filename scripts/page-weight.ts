import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { globSync } from 'tinyglobby';

/** Budgets (bytes, gzip). DESIGN.md: one round trip for content; report pages; one search. */
export const BUDGETS = {
  contentHtmlCss: 14 * 1024,
  chartPageJs: 60 * 1024,
  oneSearch: 100 * 1024,
} as const;

export const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).byteLength;

export interface PageWeight {
  path: string;
  type: string;
  html: number;
  css: number;
  /** JavaScript the page can load (inline, external, and the chunks they import, statically or when needed). */
  js: number;
  scripts: number;
  /** Charts drawn on the page (figures with chart data). */
  charts: number;
}

/** A page's kind, for grouping figures: "standard", "guidance", "report", … */
export function pageType(path: string): string {
  if (path === '/') return 'home';
  const rules: [RegExp, string][] = [
    [/^\/standards\/[^/]+\/\d+\/$/, 'standard'],
    [/^\/standards\//, 'standards index'],
    [/^\/guidance\/(for|stage|standard|page)\//, 'guidance index'],
    [/^\/guidance\/$/, 'guidance index'],
    [/^\/guidance\//, 'guidance'],
    [/^\/framework\/$/, 'framework index'],
    [/^\/framework\//, 'framework'],
    [/^\/reports\/methodology\/$/, 'report methodology'],
    [/^\/reports\/\d{4}-\d{2}\/[a-z]+\/$/, 'report'],
    [/^\/reports\//, 'reports index'],
    [/^\/briefings\/\d{4}-\d{2}\/[a-z]+\/[^/]+\/$/, 'briefing'],
    [/^\/briefings\//, 'briefings index'],
    [/^\/search\/$/, 'search'],
  ];
  return rules.find(([re]) => re.test(path))?.[1] ?? 'other';
}

function jsWeight(dist: string, src: string, seen: Set<string>): number {
  if (seen.has(src)) return 0;
  seen.add(src);
  const text = readFileSync(join(dist, src));
  let total = gz(text);
  // Follow static imports of bundled chunks (what the browser fetches before the script runs).
  // Follow imports of bundled chunks, static and dynamic: a chart page's charts need both.
  for (const m of text.toString('utf8').matchAll(/(?:(?:^|[;\s])import\s*(?:[\w{}\s,*$]+from\s*)?|import\(\s*)["'`](\.{1,2}\/[^"'`]+|\/_astro\/[^"'`]+)["'`]/g)) {
    const target = m[1]!.startsWith('/') ? m[1]!.slice(1) : join(src, '..', m[1]!);
    total += jsWeight(dist, target, seen);
  }
  return total;
}

/** HTML, CSS and JavaScript weight (gzip) of every built page. */
export function measurePages(dist: string): PageWeight[] {
  return globSync('**/*.html', { cwd: dist, ignore: ['pagefind/**'] })
    .sort()
    .map((rel) => {
      const raw = readFileSync(join(dist, rel));
      const doc = parse(raw.toString('utf8'));
      const css = doc
        .querySelectorAll('link[rel="stylesheet"]')
        .reduce((n, l) => n + gz(readFileSync(join(dist, l.getAttribute('href')!.replace(/^\//, '')))), 0);
      const seen = new Set<string>();
      let js = 0;
      const scripts = doc.querySelectorAll('script');
      for (const s of scripts) {
        const src = s.getAttribute('src');
        if (src) js += jsWeight(dist, src.replace(/^\//, ''), seen);
        else {
          js += gz(s.textContent);
          for (const m of s.textContent.matchAll(/import\s*(?:[\w{}\s,*$]+from\s*)?["'](\/_astro\/[^"']+)["']/g)) js += jsWeight(dist, m[1]!.slice(1), seen);
        }
      }
      const path = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
      const charts = doc.querySelectorAll('.sq-chart[data-chart]').length;
      return { path, type: pageType(path), html: gz(raw), css, js, scripts: scripts.length, charts };
    });
}

/** Bytes transferred by one search, from a list of fetched files: text gzip-compressed, Pagefind's own files as stored (already compressed). */
export function transferSize(dist: string, files: string[]): number {
  return files.reduce((n, f) => {
    const buf = readFileSync(join(dist, f));
    return n + (/\.(js|css|json)$/.test(f) ? gz(buf) : buf.byteLength);
  }, 0);
}

/** Min / median / max of a field per page type, for printing. */
export function summarise(weights: PageWeight[]) {
  const groups = new Map<string, PageWeight[]>();
  for (const w of weights) groups.set(w.type, [...(groups.get(w.type) ?? []), w]);
  return [...groups].map(([type, list]) => {
    const totals = list.map((w) => w.html + w.css).sort((a, b) => a - b);
    const js = list.map((w) => w.js).sort((a, b) => a - b);
    return {
      type,
      pages: list.length,
      htmlCssMedian: totals[Math.floor(totals.length / 2)]!,
      htmlCssMax: totals.at(-1)!,
      jsMax: js.at(-1)!,
    };
  });
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
