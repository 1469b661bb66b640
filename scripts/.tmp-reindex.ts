// Re-index a built dist with Pagefind options and measure one search (temporary experiment).
import { rmSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { launchChromium } from './browser';
import { measureOneSearch } from './search-transfer';
import { serveStatic } from './static-server';
import { kb, transferSize } from './page-weight';
const [dist, json, words] = process.argv.slice(2);
rmSync(`${dist}/pagefind`, { recursive: true, force: true });
const { index } = await pagefind.createIndex({ forceLanguage: 'en', ...JSON.parse(json ?? '{}') });
const added = await index!.addDirectory({ path: dist });
await index!.writeFiles({ outputPath: `${dist}/pagefind` });
await pagefind.close();
const site = await serveStatic(dist!);
const browser = await launchChromium();
for (const w of (words ?? 'adulthood').split(',')) {
  const { files, bytes } = await measureOneSearch(browser, site.url, dist!, w);
  const parts = new Map<string, number>();
  for (const f of files) {
    const k = /^pagefind\/(fragment|index|filter)\//.exec(f)?.[1] ?? f;
    parts.set(k, (parts.get(k) ?? 0) + transferSize(dist!, [f]));
  }
  console.log(json, w, added.page_count, 'pages', kb(bytes), [...parts].map(([k, b]) => `${k} ${kb(b)}`).join(', '));
}
await browser.close();
await site.close();
