// Charts for report and briefing pages: an enhancement over the tables already on the page.
// Each chart is drawn when it comes near the screen, and Chart.js is only downloaded then, so
// the page is readable at once and the browser is never busy drawing charts nobody sees.
const holders = [...document.querySelectorAll<HTMLElement>('.sq-chart[data-chart]')];
let drawer: Promise<typeof import('./chart-draw')> | undefined;
const drawSoon = (el: HTMLElement) => void (drawer ??= import('./chart-draw')).then((m) => m.draw(el));

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
