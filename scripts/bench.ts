// npm run bench: prints the page-weight figures the budget tests check, for every page type,
// and the bytes one search transfers. Build first (npm run build).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser';
import { BUDGETS, kb, measurePages, summarise } from './page-weight';
import { measureOneSearch } from './search-transfer';
import { serveStatic } from './static-server';

const dist = join(process.cwd(), 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No built site in dist/. Run "npm run build" first.');
  process.exit(1);
}

const weights = measurePages(dist);
console.log(`Page weight (gzip), ${weights.length} pages. Budgets: content page HTML+CSS ${kb(BUDGETS.contentHtmlCss)}, chart page JavaScript ${kb(BUDGETS.chartPageJs)}, one search ${kb(BUDGETS.oneSearch)}.\n`);
console.table(
  summarise(weights).map((s) => ({
    'page type': s.type,
    pages: s.pages,
    'HTML+CSS median': kb(s.htmlCssMedian),
    'HTML+CSS max': kb(s.htmlCssMax),
    'JavaScript, max': kb(s.jsMax),
  })),
);
const heaviest = [...weights].sort((a, b) => b.html + b.css - (a.html + a.css)).slice(0, 5);
console.log('Heaviest pages (HTML+CSS):');
for (const w of heaviest) console.log(`  ${kb(w.html + w.css).padStart(8)}  ${w.path}`);

const site = await serveStatic(dist);
const browser = await launchChromium();
try {
  for (const phrase of ['adulthood', 'complaint', 'SENCo', 'annual review', 'preparing for adulthood']) {
    const { files, bytes } = await measureOneSearch(browser, site.url, dist, phrase);
    console.log(`One search for "${phrase}": ${files.length} files, ${kb(bytes)}`);
  }
} finally {
  await browser.close();
  await site.close();
}
