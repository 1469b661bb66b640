// Charts for report and briefing pages: an enhancement over the tables already on the page.
// Each chart is drawn when it comes near the screen, and Chart.js is only downloaded then, so
// the page is readable at once and the browser is never busy drawing charts nobody sees.
//
// Print: every chart not yet drawn is drawn, sharper, the moment the page turns to print media
// ("beforeprint", and the print media query for browsers and tools that only switch media).
// Print handlers must finish synchronously, so the drawing code is fetched once the page is idle,
// not only when a chart scrolls into view. We draw with JavaScript rather than print a picture
// made at build time: the tables already serve readers without JavaScript, and eleven static
// charts would take a quarter of a report page's 14 KB first-load budget.
import type { Chart } from 'chart.js';

type Drawer = typeof import('./chart-draw');
const holders = [...document.querySelectorAll<HTMLElement>('.sq-chart[data-chart]')];
const charts = new Map<HTMLElement, Chart>();
let drawer: Drawer | undefined;
let loading: Promise<Drawer> | undefined;
const load = () =>
  (loading ??= import('./chart-draw').then((m) => {
    drawer = m;
    // Already in print media (a tool switched media before the code arrived): draw for paper now.
    if (matchMedia('print').matches) toPaper(true);
    return m;
  }));
const drawNow = (m: Drawer, el: HTMLElement) => {
  if (!charts.has(el)) charts.set(el, m.draw(el));
};
const drawSoon = (el: HTMLElement) => void load().then((m) => drawNow(m, el));

if ('IntersectionObserver' in window) {
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        drawSoon(e.target as HTMLElement);
      }
    },
    { rootMargin: '300px 0px' },
  );
  for (const h of holders) io.observe(h);
} else {
  for (const h of holders) drawSoon(h);
}

// Paper needs more pixels than a screen: three device pixels per CSS pixel while printing.
const PRINT_PIXEL_RATIO = 3;
let printing = false;
function toPaper(on: boolean): void {
  if (on === printing || !drawer) return;
  printing = on;
  if (on) for (const h of holders) drawNow(drawer, h);
  for (const chart of charts.values()) {
    chart.options.devicePixelRatio = on ? PRINT_PIXEL_RATIO : undefined;
    chart.resize();
  }
}
// Fetched when the page is idle, or after two seconds at most on a busy machine.
if ('requestIdleCallback' in window) requestIdleCallback(() => void load(), { timeout: 2000 });
else setTimeout(() => void load(), 200);
addEventListener('beforeprint', () => toPaper(true));
addEventListener('afterprint', () => toPaper(false));
matchMedia('print').addEventListener('change', (e) => toPaper(e.matches));
