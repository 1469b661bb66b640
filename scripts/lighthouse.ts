// npm run audit:lighthouse: runs Lighthouse with Debian's Chromium on a sample of page types of
// the built site (served on loopback as a static host would), prints the scores and records
// them in docs/benchmarks.md. Build first (npm run build).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { globSync } from 'tinyglobby';
import { CHROMIUM, HOW_TO_GET_CHROMIUM, hasChromium } from './browser';
import { pageType } from './page-weight';
import { serveStatic } from './static-server';

const dist = join(process.cwd(), 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No built site in dist/. Run "npm run build" first.');
  process.exit(1);
}
if (!hasChromium()) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

/** One page of each type worth auditing: the first built page of that type. */
const paths = globSync('**/index.html', { cwd: dist, ignore: ['pagefind/**'] })
  .sort()
  .map((rel) => `/${rel.replace(/(^|\/)index\.html$/, '$1')}`);
const wanted = ['home', 'standard', 'guidance', 'search', 'report', 'briefing'];
const sample = wanted.flatMap((type) => {
  const preferred: Record<string, string> = { standard: '/standards/ehc-plan/2/', guidance: '/guidance/smart-outcomes/' };
  const path = paths.includes(preferred[type] ?? '') ? preferred[type]! : paths.find((p) => pageType(p) === type);
  return path ? [{ type, path }] : [];
});

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const REQUIRED: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const site = await serveStatic(dist);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows: { type: string; path: string; scores: Record<string, number>; failed: string[] }[] = [];
try {
  for (const { type, path } of sample) {
    const result = await lighthouse(`${site.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]));
    // Audits that cost points, so a lower score says why.
    const failed = CATEGORIES.filter((c) => scores[c]! < 100).flatMap((c) =>
      categories[c]!.auditRefs.filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1).map((r) => `${c}: ${audits[r.id]!.title}`),
    );
    rows.push({ type, path, scores, failed });
    console.log(`${type.padEnd(9)} ${path.padEnd(32)} ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join('  ')}`);
    for (const f of failed) console.log(`          - ${f}`);
  }
} finally {
  await chrome.kill();
  await site.close();
}

const version = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/lighthouse/package.json'), 'utf8')).version;
const chromiumVersion = (await import('node:child_process')).execFileSync(CHROMIUM, ['--version']).toString().trim();
const table = [
  `Lighthouse ${version}, ${chromiumVersion}, headless, default mobile emulation and simulated throttling, on ${cpus().length} × ${cpus()[0]?.model.trim()} with ${Math.round(totalmem() / 2 ** 30)} GiB; recorded ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| Page type | Page | Performance | Accessibility | Best practices | SEO |',
  '| --- | --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.type} | \`${r.path}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} |`),
  '',
  `Required: performance at least ${REQUIRED.performance}, accessibility ${REQUIRED.accessibility}, best practices ${REQUIRED['best-practices']}, SEO ${REQUIRED.seo}.`,
].join('\n');

const file = join(process.cwd(), 'docs/benchmarks.md');
const START = '<!-- lighthouse:start -->';
const END = '<!-- lighthouse:end -->';
let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n## Lighthouse\n\n' + `${START}\n${END}\n`;
if (!doc.includes(START)) doc += `\n## Lighthouse\n\n${START}\n${END}\n`;
doc = doc.replace(new RegExp(`${START}[\\s\\S]*${END}`), `${START}\n${table}\n${END}`);
writeFileSync(file, doc);
console.log(`\nRecorded in docs/benchmarks.md`);

const below = rows.flatMap((r) => CATEGORIES.filter((c) => r.scores[c]! < REQUIRED[c]).map((c) => `${r.path} ${c} ${r.scores[c]} (needs ${REQUIRED[c]})`));
if (below.length) {
  console.error(`Below the required scores:\n  ${below.join('\n  ')}`);
  process.exitCode = 1;
}
