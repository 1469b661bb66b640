/**
 * Each standard's page shows what was found against it (issue 15), from the snapshot of
 * published figures: EHC plan standards the share of audits that found them not met over three
 * years, service standards services' self-ratings; a standard without findings says so. The
 * "least often met" view of the standards orders them from the same figures.
 */
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { actionsForReport, loadActions } from '../../src/lib/actions';
import { today } from '../../src/lib/data/load';
import { allTerms } from '../../src/lib/data/terms';
import { loadPartnership } from '../../src/lib/partnership';
import { checkContent } from '../../src/lib/content-check';
import { formatFigure } from '../../src/lib/data/disclosure';
import type { ChartSpec } from '../../src/lib/data/chart-specs';
import { shareInterval } from '../../src/lib/describe/published-chance';
import { loadData } from '../../src/lib/data/load';
import { TREND_TERMS } from '../../src/lib/data/report';
import { leastMetOrder, practiceFindings } from '../../src/lib/data/standard-findings';
import { fileFor, page } from '../helpers/dist';
import { ROOT } from '../helpers/project-copy';

const { content } = checkContent(ROOT);
const snapshot = (await loadData(ROOT)).snapshot!;
const standards = content.standards;
const rel = (st: { data: { set: string; number: number } }) => `standards/${st.data.set}/${st.data.number}/index.html`;
const plain = (s: string) => s.replace(/\s+/g, ' ').trim();
const reportHref = (t: { yearSlug: string; name: string }) => `/reports/${t.yearSlug}/${t.name}/`;

describe('findings on every standard page', () => {
  it('reads every standard and the published figures', () => {
    expect(standards.length).toBeGreaterThanOrEqual(26);
    expect(snapshot.reports.length).toBe(9);
    expect(snapshot.selfEvaluation.size).toBeGreaterThan(0);
  });

  it.each(standards.map((st) => [st.id, st] as const))('%s shows its findings, or says plainly none are collected', (id, st) => {
    const section = page(rel(st)).querySelector('main section.sq-findings');
    expect(section, id).toBeTruthy();
    const sentence = plain(section!.querySelector('.sq-findings__sentence')?.text ?? '');
    expect(sentence.length, id).toBeGreaterThan(20);
    const practice = practiceFindings(snapshot.reports, id);
    const self = snapshot.selfEvaluation.get(id);
    if (!practice && !self) {
      expect(sentence).toMatch(/^We do not collect findings against this standard yet/);
      return;
    }
    const table = section!.querySelector('table');
    expect(table?.querySelector('caption')?.text, id).toBeTruthy();
    const rows = table!.querySelectorAll('tbody tr');
    if (practice) {
      expect(section!.querySelector('h2')!.text).toBe('What audits found');
      // A chart over the table, three years of terms, each linked to its report.
      const chart = section!.querySelector('figure .sq-chart[data-chart]');
      expect(chart, id).toBeTruthy();
      // The chart draws each share's likely range as a whisker: the same range the table gives.
      const spec = JSON.parse(chart!.getAttribute('data-chart')!) as ChartSpec;
      expect(spec.series[0]!.intervals, id).toEqual(practice.terms.map((t) => shareInterval(t.percent, t.audits) ?? null));
      expect(spec.series[0]!.intervals!.some((i) => i !== null), id).toBe(true);
      expect(rows).toHaveLength(Math.min(TREND_TERMS, snapshot.reports.length));
      practice.terms.forEach((t, i) => {
        // The share's likely range (95% Wilson interval) is under it wherever the share and audits are exact.
        const range = rows[i]!.querySelector('.sq-ci');
        expect(!!range, `${id} ${t.term.id}`).toBe(t.percent.kind === 'percent' && t.audits.kind === 'count');
        const cells = rows[i]!.querySelectorAll('td').map((td) => plain(td.text).replace(/\s*likely range \d+% to \d+%$/, ''));
        expect(rows[i]!.querySelector('th a')!.getAttribute('href')).toBe(reportHref(t.term));
        expect(fileFor(reportHref(t.term)), reportHref(t.term)).toBeDefined();
        // The share straight after the term (what a phone shows beside the sticky term column).
        expect(cells, `${id} ${t.term.id}`).toEqual([t.percent, t.count, t.audits].map((f) => (f.kind === 'suppressed' ? `${practice.rule.symbol} (not published)` : formatFigure(f, practice.rule))));
      });
      const last = practice.terms.at(-1)!;
      expect(sentence).toContain(`In the ${last.term.label.toLowerCase()}`);
      if (last.percent.kind === 'percent') expect(sentence).toContain(`(${last.percent.value}%)`);
    } else {
      expect(section!.querySelector('h2')!.text).toBe('How services rate themselves');
      expect(section!.querySelector('figure'), id).toBeTruthy();
      expect(rows.map((tr) => tr.querySelector('th')!.text)).toEqual(self!.years.map((y) => y.year));
      self!.years.forEach((y, i) => {
        const cells = rows[i]!.querySelectorAll('td').map((td) => plain(td.text));
        expect(cells, `${id} ${y.year}`).toEqual([y.topShare, y.top, y.total, ...y.ratings].map((f) => (f.kind === 'suppressed' ? `${self!.rule.symbol} (not published)` : formatFigure(f, self!.rule))));
      });
      expect(sentence).toMatch(new RegExp(`^In ${self!.years.at(-1)!.year.replace('/', '\\/')}, `));
    }
    // Published counts are 0 or above the threshold; every other count is the symbol.
    for (const td of table!.querySelectorAll('tbody td')) expect(plain(td.text).replace(/\s*likely range \d+% to \d+%$/, ''), id).toMatch(new RegExp(String.raw`^(0|([6-9]|\d{2,}|\d{1,3}(,\d{3})+)|\d+%|\d+% or more|below \d+%|${snapshot.reports[0]!.rule.symbol} \(not published\))$`));
  });

  it('shows every EHC plan standard the share not met, with the symbol key where a figure is hidden', () => {
    const ehc = standards.filter((st) => practiceFindings(snapshot.reports, st.id));
    expect(ehc.map((st) => st.data.set)).toEqual(Array(5).fill('ehc-plan'));
    for (const st of ehc) {
      const section = page(rel(st)).querySelector('main section.sq-findings')!;
      const hidden = section.querySelectorAll('tbody td .sq-c').length > 0;
      expect(!!section.querySelector('.sq-key'), st.id).toBe(hidden);
    }
  });

  it('lists the guidance for the standard once', () => {
    for (const st of standards) expect(page(rel(st)).querySelectorAll('h2').filter((h) => h.text.trim() === 'Guidance for this standard'), st.id).toHaveLength(1);
  });
});

describe('the standards, least often met first', () => {
  const least = 'standards/least-met/index.html';

  it('is a plain link from the standards index, and needs no script', () => {
    expect(page('standards/index.html').querySelector('nav a[href="/standards/least-met/"]')).toBeTruthy();
    expect(page(least).querySelector('nav a[aria-current="page"]')?.getAttribute('href')).toBe('/standards/least-met/');
    expect(page(least).querySelectorAll('main script')).toHaveLength(0);
  });

  it('orders each set from the published figures, and says how hidden figures and standards without findings are placed', () => {
    const sets = [...new Set(standards.map((st) => st.data.set))];
    for (const set of sets) {
      const list = page(least).querySelector(`section[aria-labelledby="set-${set}"] ol`)!;
      expect(list, set).toBeTruthy();
      const expected = leastMetOrder(standards.filter((st) => st.data.set === set).map((st) => ({ id: st.id, number: st.data.number })), snapshot.reports, snapshot.selfEvaluation);
      expect(list.querySelectorAll('li').map((li) => li.getAttribute('data-standard')), set).toEqual(expected.map((e) => e.id));
      for (const e of expected) if (e.text) expect(plain(list.querySelector(`li[data-standard="${e.id}"]`)!.text)).toContain(`${e.text} of`);
    }
    // The EHC plan standards: by the latest term's share not met, highest first.
    const latest = snapshot.reports[0]!;
    const shares = page(least).querySelectorAll('section[aria-labelledby="set-ehc-plan"] li').map((li) => {
      const s = latest.standards.find((x) => x.id === li.getAttribute('data-standard'))!;
      return s.percent.kind === 'percent' ? s.percent.value : -1;
    });
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    const text = plain(page(least).querySelector('main')!.text);
    expect(text).toContain('Next come standards whose latest figure we do not publish, to protect privacy. Then standards we do not collect findings for yet.');
  });
});

describe('each report lists its actions', () => {
  const cfg = loadPartnership(ROOT);
  const actions = loadActions(ROOT);
  const terms = allTerms(cfg);

  it.each(snapshot.reports.map((r) => [r.term.id, r] as const))('%s: the actions raised from it and what happened to earlier ones, before the download', (id, r) => {
    const doc = page(`reports/${r.term.yearSlug}/${r.term.name}/index.html`);
    const section = doc.querySelector('main section.sq-actions-report');
    expect(section, id).toBeTruthy();
    const { raised, earlier } = actionsForReport(actions, r.term, terms, today());
    const lists = section!.childNodes.filter((n): n is HTMLElement => (n as HTMLElement).tagName === 'UL');
    const ids = (ul?: HTMLElement) => (ul ? ul.querySelectorAll('li.sq-action').length : 0);
    expect(ids(raised.length ? lists[0] : undefined)).toBe(raised.length);
    expect(ids(earlier.length ? lists.at(-1) : undefined)).toBe(earlier.length);
    // One section, just before "Download the data".
    const sections = doc.querySelectorAll('main section[aria-labelledby]');
    const at = sections.indexOf(section!);
    expect(sections[at + 1]?.getAttribute('aria-labelledby'), id).toBe('download');
  });

  it('finds actions raised from at least one report', () => {
    expect(snapshot.reports.some((r) => actionsForReport(actions, r.term, terms, today()).raised.length > 0)).toBe(true);
  });
});
