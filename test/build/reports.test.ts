import type { ChartSpec } from '../../src/components/report/Chart.astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { allTerms } from '../../src/lib/data/terms';
import { loadPartnership } from '../../src/lib/partnership';
import { DIST, fileFor, htmlPages, page } from '../helpers/dist';
import { figureRowsOf } from '../helpers/figures-csv';
import { ROOT } from '../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const threshold = cfg.disclosure.threshold;
const symbol = cfg.disclosure.symbol;
const exampleTerms = allTerms(cfg).filter((t) => globSync(`data/audits/${t.id}.csv`, { cwd: ROOT }).length);
const SECTIONS = ['headline', 'trend', 'grades', 'by-type', 'by-locality', 'by-level', 'timeliness', 'standards', 'moderation', 'families', 'complaints', 'download'];

/** A count is publishable when it is 0, above the threshold, or the suppression symbol. */
const safeCount = (v: string) => v === symbol || v === '0' || Number(v.replace(/,/g, '')) > threshold;

describe('termly reports', () => {
  it('has nine example terms of data', () => expect(exampleTerms).toHaveLength(9));

  it('lists every term on /reports/, latest first, with its headline figure', () => {
    const rows = page('reports/index.html').querySelectorAll('tbody tr');
    expect(rows.map((r) => r.querySelector('th')!.text.trim())).toEqual([...exampleTerms].reverse().map((t) => t.label));
    for (const r of rows) expect(r.querySelectorAll('td')[1]!.text.trim()).toMatch(new RegExp(`^(\\d+%|${symbol})`));
  });

  it.each(exampleTerms.map((t) => [t.label, t] as const))('%s has a report with every section, a table for every chart and a CSV download', (_, t) => {
    const rel = `reports/${t.yearSlug}/${t.name}/index.html`;
    const doc = page(rel);
    for (const id of SECTIONS) expect(doc.querySelector(`section h2#${id}`), `${rel} #${id}`).not.toBeNull();
    const figures = doc.querySelectorAll('figure.sq-figure');
    expect(figures.length).toBeGreaterThanOrEqual(10);
    for (const f of figures) {
      expect(f.querySelector('.sq-figure__title')?.text.trim(), `${rel} ${f.id}`).toBeTruthy();
      expect(f.querySelector('.sq-figure__summary')?.text.trim(), `${rel} ${f.id}`).toMatch(/\.$/);
      // Every chart has its numbers in a table in the same figure.
      if (f.querySelector('.sq-chart')) expect(f.querySelector('table'), `${rel} ${f.id}`).not.toBeNull();
      // A chart is drawn only when it has something to show: not when every figure is 0 or not published.
      const spec = f.querySelector('.sq-chart')?.getAttribute('data-chart');
      if (spec) expect((JSON.parse(spec) as ChartSpec).series.some((x) => x.values.some((v) => v !== null && v > 0)), `${rel} ${f.id}`).toBe(true);
    }
    const csv = doc.querySelector('a[download]')!.getAttribute('href')!;
    expect(fileFor(csv)).toBe(`reports/${t.yearSlug}/${t.name}/figures.csv`);
    const headline = doc.querySelector('#headline + dl + p, #headline ~ p')!.text;
    expect(headline).toMatch(/^(\d+% of \d+ audits were Good or better, (\d+ points? (above|below)|on|just below) the 80% target\.|.*not published.*)/);
  });

  it('never publishes a count from 1 to the threshold on any page', () => {
    let cells = 0;
    for (const rel of htmlPages()) {
      for (const table of page(rel).querySelectorAll('table.sq-data')) {
        const heads = table.querySelectorAll('thead th').map((th) => th.text.trim());
        for (const tr of table.querySelectorAll('tbody tr, tfoot tr')) {
          tr.querySelectorAll('th, td').forEach((cell, i) => {
            const head = heads[i] ?? '';
            if (i === 0 || head.startsWith('%') || /average/i.test(head) || cell.tagName === 'TH') return;
            const v = cell.text.replace(/\(not published\)/, '').trim();
            if (/^[\d,]+$/.test(v) || v === symbol) {
              cells++;
              expect(safeCount(v), `${rel}: "${v}" under "${head}"`).toBe(true);
            }
          });
        }
      }
    }
    expect(cells).toBeGreaterThan(1000);
    console.log(`disclosure: ${cells} published counts checked, none from 1 to ${threshold}`);
  });

  it('never puts a small count in a CSV download, and has no row-level data', () => {
    const files = globSync('reports/**/*.csv', { cwd: DIST });
    // One file per term, and the all-terms file.
    expect(files).toHaveLength(exampleTerms.length + 1);
    expect(files).toContain('reports/figures-all-terms.csv');
    let values = 0;
    for (const f of files) {
      const text = readFileSync(join(DIST, f), 'utf8').replace(/^\uFEFF/, '');
      expect(text.split(/\r?\n/)[0]).toBe('term_id,term_label,section_id,section,group_id,group,measure_id,measure,value,unit,lower_bound,upper_bound,ci_lower_95,ci_upper_95,status,revised');
      expect(text).not.toMatch(/NV-A-|NV-F-|NV-C-/);
      const rows = figureRowsOf(text);
      expect(rows.length).toBeGreaterThan(100);
      for (const row of rows) {
        if (row.unit !== 'count') continue;
        values++;
        expect(safeCount(row.status || String(row.value)), `${f}: ${JSON.stringify(row)}`).toBe(true);
      }
    }
    console.log(`disclosure: ${values} counts in ${files.length} CSV downloads checked`);
  });
});

describe('how sure a share is, and what was corrected, in the report tables', () => {
  it('gives every exact share of a published whole its likely range, and no range to a band or a hidden share', () => {
    let ranges = 0;
    let without = 0;
    for (const t of exampleTerms) {
      const doc = page(`reports/${t.yearSlug}/${t.name}/index.html`);
      for (const table of doc.querySelectorAll('#by-type ~ * table.sq-data, #by-locality ~ * table.sq-data')) {
        const heads = table.querySelectorAll('thead th').map((th) => th.text.trim());
        const shareCol = heads.findIndex((h) => h.startsWith('%'));
        if (shareCol < 0) continue;
        for (const tr of table.querySelectorAll('tbody tr')) {
          const cells = tr.querySelectorAll('th, td');
          const share = cells[shareCol]!;
          const total = cells[heads.indexOf('Total')]!.text.replace(/r \(revised[^)]*\)/, '').trim();
          const shown = share.childNodes[0]?.text.trim() ?? '';
          const range = share.querySelector('.sq-ci');
          if (/^\d+%$/.test(shown) && /^\d+$/.test(total)) {
            expect(range, `${t.id} ${cells[0]!.text}`).not.toBeNull();
            const [lo, hi] = range!.text.match(/(\d+)% to (\d+)%/)!.slice(1).map(Number);
            expect(lo).toBeLessThanOrEqual(parseInt(shown));
            expect(hi).toBeGreaterThanOrEqual(parseInt(shown));
            ranges++;
          } else {
            expect(range, `${t.id} ${cells[0]!.text}: ${shown}`).toBeNull();
            without++;
          }
        }
      }
    }
    expect(ranges).toBeGreaterThan(20);
    expect(without).toBeGreaterThan(0);
  });

  it("marks the figures the example's correction revised, and only those", () => {
    const doc = page('reports/2025-26/spring/index.html');
    const marks = doc.querySelectorAll('.sq-revised');
    expect(marks).toHaveLength(2);
    for (const m of marks) expect(m.closest('tr')!.querySelector('th')!.text.trim()).toBe('South');
    expect(doc.querySelector('#updates')).not.toBeNull();
  });
});
