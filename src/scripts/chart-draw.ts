// Draws one chart (loaded by charts.ts when the first chart comes near the screen): an
// enhancement over the table that is already on the page. Only the Chart.js parts used are
// registered, to keep the script small. Series are labelled directly (values at the end of bars,
// names at the end of lines when there are several), never told apart by colour alone;
// suppressed figures are gaps labelled with the suppression symbol.
//
// Keyboard: the chart is one tab stop. The arrow keys move through its figures, each one
// outlined on the chart and read out by a live region under it ("North: 82%. Figure 1 of 6.").
// This is a small layer of our own over the canvas rather than a Chart.js plugin: no kept plugin
// does keyboard browsing of points (chartjs-plugin-a11y-legend only reaches the legend, which
// these charts do not have), and the layer costs well under 1 KB of the page's JavaScript.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, type Plugin } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement);

import type { ChartSpec } from '../lib/data/chart-specs';

const INK = '#0b0c0c';
const BAR = '#1d70b8'; // 5.2:1 on white
const SECOND = '#505a5f';
const symbol = document.documentElement.dataset.suppressionSymbol ?? 'c';
const FONT = 'system-ui, sans-serif';
/** Tick labels: 12px, lines 1.2 high (site.css keeps 3 lines' room per bar on a phone). */
const TICK = { family: FONT, size: 12, lineHeight: 1.2 };
/** Space right of the plot for the value written at the end of a full bar ("100%"). */
const RIGHT = 48;

/** Where a label was drawn on the chart, so the page's tests can check none is clipped or over its band. */
export interface DrawnLabel { text: string; left: number; right: number; top: number; bottom: number; band?: { left: number; right: number } }

/** A bar's name broken into lines no wider than width, at word spaces: never cut short. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  lines.push(line);
  return lines;
}

// Each chart's specification, kept out of Chart.js's options: its option resolver fills a null in
// an array (a row with no band) from the defaults, which made a hidden figure's row look banded.
const specs = new WeakMap<HTMLCanvasElement, ChartSpec>();

/** Draws values at bar ends, series names at line ends, and the target line with its label. */
const directLabels: Plugin = {
  id: 'sqDirectLabels',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea, scales } = chart;
    const spec = specs.get(chart.canvas)!;
    ctx.save();
    ctx.font = `14px ${FONT}`;
    ctx.fillStyle = INK;
    const unit = spec.unit ?? '';
    const drawn: DrawnLabel[] = [];
    (chart as Chart & { sqLabels?: DrawnLabel[] }).sqLabels = drawn;
    /** Writes a label with its left edge at x, middle at y, and notes where it went. */
    const put = (text: string, x: number, y: number, size: number, band?: DrawnLabel['band']) => {
      ctx.font = `${size}px ${FONT}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      const w = ctx.measureText(text).width;
      if (spec.type === 'bar') {
        ctx.fillStyle = '#fff';
        ctx.fillRect(x - 2, y - size / 2 - 1, w + 4, size + 2);
        ctx.fillStyle = INK;
      }
      ctx.fillText(text, x, y);
      drawn.push({ text, left: x, right: x + w, top: y - size / 2, bottom: y + size / 2, band });
      ctx.font = `14px ${FONT}`;
    };
    // The target line first, so a bar's words (on white) are never crossed by it.
    if (spec.target !== undefined) {
      const scale = spec.type === 'bar' ? scales.x! : scales.y!;
      const p = scale.getPixelForValue(spec.target);
      ctx.strokeStyle = INK;
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 2;
      ctx.beginPath();
      if (spec.type === 'bar') (ctx.moveTo(p, chartArea.top), ctx.lineTo(p, chartArea.bottom));
      else (ctx.moveTo(chartArea.left, p), ctx.lineTo(chartArea.right, p));
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.textAlign = spec.type === 'bar' ? 'center' : 'left';
      ctx.textBaseline = 'bottom';
      const text = `Target ${spec.target}${unit}`;
      const w = ctx.measureText(text).width;
      ctx.fillText(text, spec.type === 'bar' ? p : chartArea.left + 4, spec.type === 'bar' ? chartArea.top - 2 : p - 4);
      const left = spec.type === 'bar' ? p - w / 2 : chartArea.left + 4;
      const bottom = spec.type === 'bar' ? chartArea.top - 2 : p - 4;
      drawn.push({ text, left, right: left + w, top: bottom - 14, bottom });
    }
    // Each share's likely range as a whisker with end caps: across the bar's row, or up and down through the point.
    ctx.strokeStyle = INK;
    ctx.lineWidth = 1.5;
    for (const { i, iv } of whiskers(spec)) {
      ctx.beginPath();
      if (spec.type === 'bar') {
        const y = scales.y!.getPixelForValue(i);
        const a = scales.x!.getPixelForValue(iv.lower);
        const b = scales.x!.getPixelForValue(iv.upper);
        (ctx.moveTo(a, y), ctx.lineTo(b, y), ctx.moveTo(a, y - 5), ctx.lineTo(a, y + 5), ctx.moveTo(b, y - 5), ctx.lineTo(b, y + 5));
      } else {
        const x = scales.x!.getPixelForValue(i);
        const a = scales.y!.getPixelForValue(iv.lower);
        const b = scales.y!.getPixelForValue(iv.upper);
        (ctx.moveTo(x, a), ctx.lineTo(x, b), ctx.moveTo(x - 4, a), ctx.lineTo(x + 4, a), ctx.moveTo(x - 4, b), ctx.lineTo(x + 4, b));
      }
      ctx.stroke();
    }
    chart.data.datasets.forEach((ds, di) => {
      const meta = chart.getDatasetMeta(di);
      if (spec.type === 'bar') {
        const bands = spec.series[di]?.bands;
        const intervals = spec.series[di]?.intervals;
        meta.data.forEach((el, i) => {
          const v = ds.data[i] as number | null;
          const { x, height } = el.getProps(['x', 'height'], true) as { x: number; height: number };
          // The middle of the bar's row, also for a figure not published (which has no bar).
          const y = scales.y!.getPixelForValue(i);
          const b = bands?.[i];
          if (v === null && b) {
            // A band ("90% or more") is drawn as an outlined, hatched span, never as a bar of made-up length.
            const scale = scales.x!;
            const x0 = scale.getPixelForValue(b.from);
            const x1 = scale.getPixelForValue(b.to);
            const h = Math.min(height || 20, 28);
            ctx.save();
            ctx.strokeStyle = BAR;
            ctx.lineWidth = 2;
            ctx.setLineDash([]);
            ctx.strokeRect(x0, y - h / 2, x1 - x0, h);
            ctx.beginPath();
            for (let hx = x0 - h; hx < x1; hx += 8) (ctx.moveTo(Math.max(hx, x0), y + h / 2 - Math.max(0, x0 - hx)), ctx.lineTo(Math.min(hx + h, x1), y - h / 2 + Math.max(0, hx + h - x1)));
            ctx.stroke();
            ctx.restore();
            // The band's words go beside it, never over its hatching: after it if they fit before the
            // canvas edge, else before it if they fit after the axis; smaller type on a narrow chart.
            for (const size of [14, 12, 11]) {
              ctx.font = `${size}px ${FONT}`;
              const w = ctx.measureText(b.text).width;
              const after = x1 + 4 + w <= chart.width - 2;
              const before = x0 - 4 - w >= chartArea.left + 2;
              if (after || before || size === 11) {
                put(b.text, after || !before ? x1 + 4 : x0 - 4 - w, y, size, { left: x0, right: x1 });
                break;
              }
            }
            return;
          }
          // The value goes past the end of its whisker, so the whisker is never hidden under it.
          const iv = intervals?.[i];
          const end = iv && v !== null ? Math.max(x, scales.x!.getPixelForValue(iv.upper)) : x;
          put(v === null ? symbol : `${v}${unit}`, v === null ? chartArea.left + 4 : end + 4, y, 14);
        });
      } else if (spec.series.length > 1) {
        // Names tell several lines apart. A chart of one line is named by its caption, and a name
        // at the line's end would sit over the line or its whiskers wherever the line runs.
        const last = [...meta.data].reverse().find((_, k) => (ds.data[meta.data.length - 1 - k] as number | null) !== null);
        if (last) {
          const { x, y } = last.getProps(['x', 'y'], true) as { x: number; y: number };
          // The series' name ends over its last point, kept inside the chart (a first term has one point, at the left).
          const text = ds.label ?? '';
          const w = ctx.measureText(text).width;
          put(text, Math.max(chartArea.left, Math.min(x, chart.width - 2) - w), Math.max(y - 14, 9), 14);
        }
      }
    });
    ctx.restore();
  },
};

/** What a reader hears for one figure: "North: 82%. Figure 1 of 6." (with the series name when there are several). */
function pointWords(spec: ChartSpec, series: number, index: number, position: number, count: number): string {
  const v = spec.series[series]!.values[index];
  const band = spec.series[series]!.bands?.[index];
  const iv = spec.series[series]!.intervals?.[index];
  const range = iv ? `, likely range ${iv.lower}% to ${iv.upper}%` : '';
  const value = band ? band.text : v === null || v === undefined ? `not published (${symbol})` : `${v}${spec.unit ?? ''}${range}`;
  const name = spec.series.length > 1 ? ` (${spec.series[series]!.label})` : '';
  return `${spec.labels[index]}${name}: ${value}. Figure ${position} of ${count}.`;
}

/** Makes the chart one tab stop whose arrow keys move through the figures, outlining and announcing each. */
function keyboardLayer(holder: HTMLElement, chart: Chart, spec: ChartSpec): void {
  const points = spec.series.flatMap((s, si) => s.values.map((_, i) => ({ si, i })));
  const focusBox = document.createElement('div');
  focusBox.className = 'sq-chart__focus';
  focusBox.hidden = true;
  // The live region is on the page already (Chart.astro), so adding it moves nothing.
  let readout = holder.nextElementSibling as HTMLElement | null;
  if (!readout?.classList.contains('sq-chart__readout')) {
    readout = document.createElement('p');
    readout.className = 'sq-chart__readout';
    readout.setAttribute('aria-live', 'polite');
    readout.setAttribute('aria-atomic', 'true');
    holder.after(readout);
  }
  const live = readout;
  holder.append(focusBox);
  // role="application" so screen readers pass the arrow keys to the chart instead of reading on.
  holder.tabIndex = 0;
  holder.setAttribute('role', 'application');
  holder.setAttribute(
    'aria-label',
    `Chart: ${holder.dataset.title}. ${points.length} figures: use the arrow keys to hear each one, Home and End for the first and last. The same figures are in the table below.`,
  );
  let at = -1;
  const show = (k: number) => {
    at = Math.max(0, Math.min(points.length - 1, k));
    const { si, i } = points[at]!;
    const { chartArea, scales } = chart;
    const el = chart.getDatasetMeta(si).data[i];
    const v = spec.series[si]!.values[i];
    let box: { left: number; top: number; width: number; height: number };
    if (spec.type === 'bar') {
      const band = (chartArea.bottom - chartArea.top) / spec.labels.length;
      const y = scales.y!.getPixelForValue(i);
      const end = v === null || v === undefined || !el ? chartArea.left + 24 : (el.getProps(['x'], true) as { x: number }).x;
      // Wide enough to take in the value written at the end of the bar.
      box = { left: chartArea.left - 4, top: y - band / 2 + 2, width: Math.max(24, end - chartArea.left) + 48, height: band - 4 };
    } else {
      const x = scales.x!.getPixelForValue(i);
      const y = v === null || v === undefined || !el ? chartArea.bottom - 10 : (el.getProps(['y'], true) as { y: number }).y;
      box = { left: x - 11, top: y - 11, width: 22, height: 22 };
    }
    Object.assign(focusBox.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    focusBox.hidden = false;
    live.textContent = pointWords(spec, si, i, at + 1, points.length);
  };
  holder.addEventListener('focus', () => show(at < 0 ? 0 : at));
  // Keep the outline on its figure when the chart is redrawn at another size.
  chart.options.onResize = () => requestAnimationFrame(() => document.activeElement === holder && show(at));
  holder.addEventListener('blur', () => (focusBox.hidden = true));
  holder.addEventListener('keydown', (e) => {
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: points.length - 1 }[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    show(to);
  });
}

/** Draws the chart in a holder, with its keyboard layer; returns the Chart.js chart (charts.ts redraws it sharper for print). */
export function draw(holder: HTMLElement): Chart {
  const spec = JSON.parse(holder.dataset.chart!) as ChartSpec;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Chart: ${holder.dataset.title}. ${holder.dataset.summary} The figures are in the table below.`);
  // The holder's height is kept by the stylesheet (a row per bar) before the chart draws.
  holder.append(canvas);
  const horizontal = spec.type === 'bar';
  specs.set(canvas, spec);
  const chart = new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: i === 0 ? BAR : SECOND,
        borderColor: i === 0 ? BAR : SECOND,
        borderDash: s.dashed ? [4, 4] : [],
        borderWidth: spec.type === 'line' ? 3 : 0,
        pointRadius: spec.type === 'line' ? 4 : 0,
        pointStyle: i === 0 ? 'circle' : 'rect',
        spanGaps: false,
        maxBarThickness: 28,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      events: [],
      // Room on the right for the value at the end of a full bar.
      layout: { padding: { right: RIGHT, top: spec.target !== undefined ? 20 : 4 } },
      scales: {
        // The value axis reaches the top of every whisker, so no likely range is cut off.
        [horizontal ? 'x' : 'y']: { beginAtZero: true, max: spec.max, suggestedMax: topOfRanges(spec), ticks: { color: INK, font: TICK, precision: 0, callback: (v: string | number) => `${v}${spec.unit ?? ''}` }, grid: { color: '#d8dadb' } },
        [horizontal ? 'y' : 'x']: {
          ticks: {
            color: INK,
            // Every bar is named; a line's terms are named level, every other one when there is no room.
            autoSkip: !horizontal,
            maxRotation: 0,
            font: TICK,
            // A bar's name wraps onto lines narrower than the half of the chart Chart.js allows its axis,
            // so it is never cut off at the edge (site.css keeps room for three lines a bar on a phone).
            callback(this: { chart: Chart; getLabelForValue(v: number): string }, v: string | number) {
              const label = this.getLabelForValue(Number(v));
              const { ctx, width } = this.chart;
              ctx.save();
              ctx.font = `${TICK.size}px ${FONT}`;
              // A term ("Autumn 2023/24") goes on two short lines under its point.
              const lines = wrap(ctx, label, horizontal ? Math.max(60, (width - RIGHT) / 2 - 16) : 60);
              ctx.restore();
              return lines;
            },
          },
          grid: { display: false },
        },
      },
    },
    plugins: [directLabels],
  });
  keyboardLayer(holder, chart, spec);
  // For the page's tests: the chart itself, to check its labels (test/e2e/phone.test.ts).
  (holder as HTMLElement & { chart?: Chart }).chart = chart;
  return chart;
}

/** Every likely range drawn as a whisker: those of shares that are shown (not hidden). */
function whiskers(spec: ChartSpec): { i: number; iv: { lower: number; upper: number } }[] {
  return spec.series.flatMap((s) => (s.intervals ?? []).flatMap((iv, i) => (iv && s.values[i] !== null && s.values[i] !== undefined ? [{ i, iv }] : [])));
}

/** The highest upper end of any whisker in the chart (undefined when there are none). */
function topOfRanges(spec: ChartSpec): number | undefined {
  const tops = whiskers(spec).map((w) => w.iv.upper);
  return tops.length ? Math.max(...tops) : undefined;
}
