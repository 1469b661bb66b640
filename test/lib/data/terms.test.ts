import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, readDate, type AuditRecord, type ColumnContext } from '../../../src/lib/data/columns';
import { readCsvText } from '../../../src/lib/data/read-dataset';
import { allTerms, comparisons, termOf, type Term } from '../../../src/lib/data/terms';
import { loadPartnership } from '../../../src/lib/partnership';
import { makeConfig } from './report-fixtures';

const cfg = makeConfig();
const terms = allTerms(cfg);
const id = (date: string) => termOf(terms, date)?.id;

/** The next day, YYYY-MM-DD. */
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('allTerms', () => {
  it('lists three terms a year, in date order even when the years are configured out of order', () => {
    expect(terms.map((t) => t.id)).toEqual([
      '2023-24-autumn', '2023-24-spring', '2023-24-summer',
      '2024-25-autumn', '2024-25-spring', '2024-25-summer',
      '2025-26-autumn', '2025-26-spring', '2025-26-summer',
      '2026-27-autumn', '2026-27-spring', '2026-27-summer',
    ]);
    expect(terms.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('gives each term its label, year, URL slug and configured dates', () => {
    expect(terms[4]).toEqual({ id: '2024-25-spring', year: '2024/25', yearSlug: '2024-25', name: 'spring', label: 'Spring term 2024/25', start: '2025-01-06', end: '2025-04-04', index: 4 });
    expect(terms.map((t) => t.label).slice(0, 3)).toEqual(['Autumn term 2023/24', 'Spring term 2023/24', 'Summer term 2023/24']);
  });
});

describe('termOf: the term a date falls in', () => {
  it('includes the first and the last day of every term', () => {
    for (const t of terms) {
      expect(id(t.start)).toBe(t.id);
      expect(id(t.end)).toBe(t.id);
    }
  });

  it('puts a date in the middle of a term in that term', () => {
    expect(id('2024-10-15')).toBe('2024-25-autumn');
    expect(id('2025-02-28')).toBe('2024-25-spring');
    expect(id('2026-06-01')).toBe('2025-26-summer');
  });

  it('gives no term for a date in a holiday between two terms', () => {
    // Autumn 2024/25 ends 2024-12-20; spring starts 2025-01-06.
    expect(id('2024-12-21')).toBeUndefined();
    expect(id('2025-01-05')).toBeUndefined();
    // Between academic years: summer 2023/24 ends 2024-07-23, autumn 2024/25 starts 2024-09-02.
    expect(id('2024-07-24')).toBeUndefined();
    expect(id('2024-09-01')).toBeUndefined();
  });

  it('gives no term for a date before the first term or after the last', () => {
    expect(id('2023-09-03')).toBeUndefined();
    expect(id('2027-07-22')).toBeUndefined();
    expect(id('1999-01-01')).toBeUndefined();
    expect(termOf([], '2024-10-15')).toBeUndefined();
  });

  it('agrees with a plain search through every term for every day over four years', () => {
    const linear = (d: string) => terms.find((t) => t.start <= d && d <= t.end)?.id;
    let days = 0;
    for (let d = '2023-08-01'; d <= '2027-08-31'; d = nextDay(d), days++) expect(id(d), d).toBe(linear(d));
    expect(days).toBe(1492);
  });

  it('finds a term for every day of the shipped configuration, which leaves no gaps', () => {
    const shipped = loadPartnership(join(import.meta.dirname, '../../..'));
    const all = allTerms(shipped);
    let missing = 0;
    for (let d = all[0]!.start; d <= all.at(-1)!.end; d = nextDay(d)) if (!termOf(all, d)) missing++;
    expect(missing).toBe(0);
  });
});

describe('dates written the UK way or the ISO way', () => {
  it('are read to the same ISO date before the term is found', () => {
    expect(readDate('02/09/2024')).toBe('2024-09-02');
    expect(readDate('2/9/2024')).toBe('2024-09-02');
    expect(id(readDate('02/09/2024')!)).toBe('2024-25-autumn');
    expect(id(readDate('2024-09-02')!)).toBe('2024-25-autumn');
    // Day first: 06/01/2025 is 6 January (first day of spring), not 1 June.
    expect(id(readDate('06/01/2025')!)).toBe('2024-25-spring');
    expect(id(readDate('01/09/2024')!)).toBeUndefined();
  });

  it('put rows read from a CSV file in the right term whichever way the date is written, with the years configured in any order', () => {
    const shuffled = { ...cfg, terms: [...cfg.terms].sort((a, b) => b.year.localeCompare(a.year)) };
    const ctx: ColumnContext = { cfg: shuffled, standardIds: new Set(['ehc-plan-1']), today: '2026-11-23' };
    const csv = [
      'audit_ref,completed_on,audit_type,level,locality,grade,timely,standards_not_met,moderated',
      'T-1,20/12/2024,ehc-plan,single-agency,north,good,yes,,no',
      'T-2,2024-12-20,ehc-plan,single-agency,north,good,yes,,no',
      'T-3,06/01/2025,ehc-plan,single-agency,north,good,yes,,no',
      'T-4,2025-01-06,ehc-plan,single-agency,north,good,yes,,no',
    ].join('\r\n');
    const { records, problems } = readCsvText<AuditRecord>('t.csv', csv, DATASETS.audits, ctx, new Map());
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.audit_ref, r.completed_on, id(r.completed_on)])).toEqual([
      ['T-1', '2024-12-20', '2024-25-autumn'],
      ['T-2', '2024-12-20', '2024-25-autumn'],
      ['T-3', '2025-01-06', '2024-25-spring'],
      ['T-4', '2025-01-06', '2024-25-spring'],
    ]);
  });

  it('refuse a row dated in a holiday between two terms, which would be in no report, rather than drop it', () => {
    const ctx: ColumnContext = { cfg, standardIds: new Set(['ehc-plan-1']), today: '2026-11-23' };
    const csv = ['audit_ref,completed_on,audit_type,level,locality,grade,timely,standards_not_met,moderated', 'T-5,23/12/2024,ehc-plan,single-agency,north,good,yes,,no'].join('\n');
    const { records, problems } = readCsvText<AuditRecord>('t.csv', csv, DATASETS.audits, ctx, new Map());
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 2, message: 'found 23/12/2024, which falls between the autumn term 2024/25 (ending 2024-12-20) and the spring term 2024/25 (starting 2025-01-06), so it would be in no term\'s report' });
  });
});

describe('comparisons: the terms a report is compared with', () => {
  const at = (i: number) => terms[i]!;
  const ids = (c: { previous?: Term; lastYear?: Term }) => ({ previous: c.previous?.id, lastYear: c.lastYear?.id });

  it('are the term before and the same term a year earlier', () => {
    expect(ids(comparisons(terms, at(3)))).toEqual({ previous: '2023-24-summer', lastYear: '2023-24-autumn' });
    expect(ids(comparisons(terms, at(7)))).toEqual({ previous: '2025-26-autumn', lastYear: '2024-25-spring' });
  });

  it('are missing before the first configured term', () => {
    expect(ids(comparisons(terms, at(0)))).toEqual({ previous: undefined, lastYear: undefined });
    expect(ids(comparisons(terms, at(2)))).toEqual({ previous: '2023-24-spring', lastYear: undefined });
  });
});
