// Takes screenshots of the built site (npm run screenshot): the README's home-page image.
// Usage: npm run screenshot -- [path ...]   (default: /)
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser';
import { serveStatic } from './static-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const targets = paths.length ? paths : ['/'];

const site = await serveStatic(`${root}dist`);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  for (const p of targets) {
    await page.goto(site.url + p);
    const name = p === '/' ? 'home' : p.replace(/^\/|\/$/g, '').replace(/\//g, '-');
    const out = `${root}docs/screenshot-${name}.png`;
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
  }
} finally {
  await browser.close();
  await site.close();
}
