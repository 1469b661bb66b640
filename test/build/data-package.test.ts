/**
 * The data downloads read back as a user's tools would read them: datapackage.json checked
 * against the official Data Package v2 profiles (JSON Schemas vendored in test/fixtures/frictionless,
 * checked with Ajv), every CSV row cast by its Table Schema (types, missing values, enum and
 * range constraints, the primary key), and the figures compared with the report pages.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { displayValue, type FigureRow } from '../../src/lib/data/figures-table';
import { loadPartnership } from '../../src/lib/partnership';
import { DIST, page } from '../helpers/dist';
import { ROOT } from '../helpers/project-copy';
import { readTable, type TableSchema } from '../helpers/table-schema';

const cfg = loadPartnership(ROOT);
const profile = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/frictionless', name), 'utf8'));
const pkgFile = join(DIST, 'reports/datapackage.json');
const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as {
  $schema: string;
  licenses: { name: string; path: string; title: string }[];
  disclosure: { threshold: number; symbol: string; rule: string };
  resources: { name: string; path: string; schema: TableSchema; published?: string; term?: string; updates?: unknown[]; provisional?: boolean }[];
};
const termFiles = globSync('reports/*/*/figures.csv', { cwd: DIST }).sort();
const read = (rel: string, schema: TableSchema) => readTable(readFileSync(join(DIST, rel), 'utf8'), schema);
const asRow = (r: Record<string, unknown>) => r as unknown as FigureRow;

describe('datapackage.json', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('textarea', true); // a hint for form editors in the profiles, not a check

  it('is a valid Data Package by the official v2 profile', () => {
    const validate = ajv.compile(profile('datapackage.json'));
    const ok = validate(pkg);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
  });

  it('gives each resource a Table Schema valid by the official v2 profile', () => {
    const validate = ajv.compile(profile('tableschema.json'));
    for (const r of pkg.resources) expect(validate(r.schema), `${r.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('lists the all-terms file and every term file the site has, each once', () => {
    expect(termFiles.length).toBe(9);
    expect(pkg.resources.map((r) => `reports/${r.path}`).sort()).toEqual(['reports/figures-all-terms.csv', ...termFiles].sort());
    expect(new Set(pkg.resources.map((r) => r.name)).size).toBe(pkg.resources.length);
    for (const r of pkg.resources) expect(existsSync(join(DIST, 'reports', r.path)), r.path).toBe(true);
  });

  it('states the licence and the disclosure rule of the configuration', () => {
    expect(pkg.licenses).toEqual([cfg.reports.dataLicence]);
    expect(pkg.disclosure).toMatchObject({ threshold: cfg.disclosure.threshold, symbol: cfg.disclosure.symbol });
    expect(pkg.disclosure.rule).toContain(`No count from 1 to ${cfg.disclosure.threshold} is published`);
    const status = pkg.resources[0]!.schema.fields.find((f) => f.name === 'status')!;
    expect(status.constraints?.enum).toEqual([cfg.disclosure.symbol, 'z', 'x']);
  });

  it("gives each term's resource the publication date and updates its report page shows", () => {
    let checked = 0;
    for (const r of pkg.resources.filter((x) => x.term)) {
      const doc = page(r.path.replace(/figures\.csv$/, 'index.html').replace(/^/, 'reports/'));
      const dates = doc.querySelector('.sq-release__dates')!;
      expect(dates.querySelector('time')!.getAttribute('datetime'), r.name).toBe(r.published);
      const listed = doc.querySelectorAll('.sq-release__list > li').length;
      expect(r.updates, r.name).toHaveLength(listed);
      checked++;
    }
    expect(checked).toBe(termFiles.length);
  });
});

describe('the CSV downloads, cast by their Table Schema', () => {
  const schema = pkg.resources[0]!.schema;

  it.each(pkg.resources.map((r) => [r.path, r] as const))('%s: every row casts, with no error', (_, r) => {
    const { rows, errors } = read(`reports/${r.path}`, r.schema);
    let intervals = 0;
    expect(errors.slice(0, 20)).toEqual([]);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows.map(asRow)) {
      // Exactly one of: a value, a band, a status symbol.
      const given = [row.value !== null, row.lower_bound !== null && row.upper_bound !== null, row.status !== null].filter(Boolean);
      expect(given, JSON.stringify(row)).toHaveLength(1);
      if (row.lower_bound !== null) expect(row.unit).toBe('percent');
      // A 95% interval only for an exact share, and around it.
      expect(row.ci_lower_95 === null, JSON.stringify(row)).toBe(row.ci_upper_95 === null);
      if (row.ci_lower_95 !== null) {
        expect(row.unit).toBe('percent');
        expect(row.value).not.toBeNull();
        expect(row.ci_lower_95).toBeLessThanOrEqual(row.value! + 0.5);
        expect(row.ci_upper_95!).toBeGreaterThanOrEqual(row.value! - 0.5);
        intervals++;
      }
      if (row.unit === 'count' && row.value !== null) {
        // Never a count from 1 to the threshold.
        expect(row.value === 0 || row.value > cfg.disclosure.threshold, JSON.stringify(row)).toBe(true);
        expect(Number.isInteger(row.value)).toBe(true);
      }
      if (r.term) expect(row.term_id).toBe(r.term);
    }
    expect(intervals).toBeGreaterThan(5);
  });

  it('has no row-level data', () => {
    for (const r of pkg.resources) expect(readFileSync(join(DIST, 'reports', r.path), 'utf8')).not.toMatch(/NV-A-|NV-F-|NV-C-/);
  });

  it("holds in the all-terms file exactly every term's rows, oldest term first", () => {
    const all = read('reports/figures-all-terms.csv', schema).rows;
    const terms = pkg.resources.filter((r) => r.term).reverse();
    const joined = terms.flatMap((r) => read(`reports/${r.path}`, schema).rows);
    expect(all.length).toBe(joined.length);
    expect(all).toEqual(joined);
    expect([...new Set(all.map((r) => r.term_id))]).toEqual(terms.map((r) => r.term));
  });

  it('matches the headline figures of every term on /reports/', () => {
    const all = read('reports/figures-all-terms.csv', schema).rows.map(asRow);
    const rows = page('reports/index.html').querySelectorAll('tbody tr');
    expect(rows.length).toBe(termFiles.length);
    for (const tr of rows) {
      const label = tr.querySelector('th')!.text.trim();
      const [audits, gob] = tr.querySelectorAll('td').map((td) => clean(td));
      const fig = (m: string) => all.find((r) => r.term_label === label && r.section_id === 'headline' && r.measure_id === m)!;
      expect(displayValue(fig('audits'), cfg.disclosure), label).toBe(audits);
      expect(displayValue(fig('share-good-or-better'), cfg.disclosure), label).toBe(gob);
    }
  });
});

/** A cell's text as a reader sees it, less what is there for screen readers and the revised mark. */
const clean = (el: HTMLElement) =>
  el.text
    .replace(/\(not published\)/g, '')
    .replace(/r \(revised since publication[^)]*\)/g, '')
    .replace(/likely range \d+% to \d+%/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Where on the report page each section of the file is shown. */
const PAGE_SECTION: Record<string, string> = {
  headline: 'headline',
  grades: 'grades',
  'by-type': 'by-type',
  'by-locality': 'by-locality',
  'by-level': 'by-level',
  timeliness: 'timeliness',
  moderation: 'moderation',
  'standards-not-met': 'standards',
  feedback: 'families',
  ratings: 'families',
  'feedback-themes': 'families',
  'compliments-complaints': 'complaints',
  'complaints-upheld': 'complaints',
};
/** The figures of the two summaries (dl.sq-stats), by their term on the page. */
const STAT: Record<string, string> = { audits: 'Audits completed', 'share-good-or-better': 'Good or better', responses: 'Responses', 'average-rating': 'Average rating (1 to 5)' };

/** The text the page shows for a row of the file, where the page shows it in one place; undefined when it is not found. */
function shownOnPage(doc: HTMLElement, row: FigureRow): string[] {
  const section = doc.querySelector(`h2#${PAGE_SECTION[row.section_id]}`)?.closest('section');
  if (!section) return [];
  if (row.section_id === 'headline' || row.section_id === 'feedback') {
    return section
      .querySelectorAll('dl.sq-stats > div')
      .filter((d) => d.querySelector('dt')?.text.trim() === STAT[row.measure_id])
      .map((d) => clean(d.querySelector('dd')!));
  }
  const group = row.section_id === 'standards-not-met' ? row.group.slice(row.group_id.length + 1) : row.group;
  const measure = row.section_id === 'standards-not-met' && row.measure_id === 'share-of-audits' ? '% of all audits' : row.measure;
  const out: string[] = [];
  for (const table of section.querySelectorAll('table.sq-data')) {
    const heads = table.querySelectorAll('thead th').map((th) => clean(th));
    const col = heads.indexOf(measure);
    if (col < 0) continue;
    for (const tr of table.querySelectorAll('tbody tr, tfoot tr')) {
      const th = clean(tr.querySelector('th')!);
      if (row.section_id === 'standards-not-met' ? !th.endsWith(group) : th !== group) continue;
      const cell = tr.querySelectorAll('th, td')[col];
      if (cell) out.push(clean(cell));
    }
  }
  return out;
}

describe('the downloads against the report pages', () => {
  const schema = pkg.resources[0]!.schema;
  it.each(termFiles)('%s: every figure the page shows in a summary or table is the same in the file', (file) => {
    const doc = page(file.replace(/figures\.csv$/, 'index.html'));
    const rows = read(file, schema).rows.map(asRow);
    let compared = 0;
    let notFound = 0;
    for (const row of rows) {
      const shown = shownOnPage(doc, row);
      if (!shown.length) {
        notFound++;
        continue;
      }
      const want = displayValue(row, cfg.disclosure);
      // The page may add words after the figure (an interval, a mark), never change it.
      for (const s of shown) expect(s, `${row.section} | ${row.group} | ${row.measure}`).toMatch(new RegExp(`^${want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w%])`));
      compared++;
    }
    console.log(`${file}: ${compared} of ${rows.length} figures compared with the page`);
    // The headline, both summaries and nearly every table cell are found on the page.
    expect(compared).toBeGreaterThan(0.9 * rows.length);
    expect(compared + notFound).toBe(rows.length);
  });
});
