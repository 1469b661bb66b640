import { launchChromium } from './browser';
import { serveStatic } from './static-server';
const site = await serveStatic('dist');
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: 320, height: 800 } });
for (const path of ['/reports/2024-25/autumn/', '/framework/audit-levels/', '/briefings/2025-26/summer/2025-26-summer-quality-briefing/']) {
  await p.goto(site.url + path);
  await p.waitForTimeout(300);
  const r = await p.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const rect = el.getBoundingClientRect();
      if (rect.right > 330 && (el.matches('.sq-table-wrap, .sq-chart, canvas, figure, section, main') )) out.push(`${el.tagName}.${el.className} ${Math.round(rect.right)}`);
    }
    return { sw: document.documentElement.scrollWidth, out: out.slice(0, 8) };
  });
  console.log(path, r.sw, r.out);
}
await b.close(); await site.close();
