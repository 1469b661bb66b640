import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  discloseAverage,
  discloseCount,
  disclosePercent,
  discloseLinkedTables,
  discloseTable,
  formatFigure,
  isSuppressed,
  roundPercent,
  type Figure,
  type PublishedTable,
} from '../../../src/lib/data/disclosure';

const rule = { threshold: 5, symbol: 'c' };
const show = (t: PublishedTable) => ({
  cells: t.cells.map((r) => r.map((f) => formatFigure(f, rule))),
  rowTotals: t.rowTotals.map((f) => formatFigure(f, rule)),
  colTotals: t.colTotals.map((f) => formatFigure(f, rule)),
  total: formatFigure(t.total, rule),
});

/** Every line of a published table that adds up: each row and column with its total, and the margins. */
function lines(t: PublishedTable): Figure[][] {
  const out: Figure[][] = t.cells.map((row, r) => [...row, t.rowTotals[r]!]);
  out.push([...t.colTotals, t.total]);
  const nCols = t.colTotals.length;
  for (let c = 0; c < nCols; c++) out.push([...t.cells.map((row) => row[c]!), t.colTotals[c]!]);
  out.push([...t.rowTotals, t.total]);
  return out;
}

describe('primary suppression', () => {
  it('hides counts from 1 to the threshold and shows true zeros and larger counts', () => {
    expect([0, 1, 5, 6, 120].map((n) => formatFigure(discloseCount(n, rule), rule))).toEqual(['0', 'c', 'c', '6', '120']);
    expect(formatFigure(discloseCount(7, { threshold: 7, symbol: 'c' }))).toBe('c');
  });
  it('refuses counts that are not whole numbers of 0 or more', () => {
    expect(() => discloseCount(-1)).toThrow(/whole number/);
    expect(() => discloseCount(2.5)).toThrow(/whole number/);
  });
});

describe('secondary suppression on hand-worked tables', () => {
  it('hides the next smallest cell in a row with one small count', () => {
    // Grades in one locality: 3 would be recoverable as 40 - (20 + 10 + 7).
    expect(show(discloseTable([[20, 10, 7, 3]], rule))).toEqual({
      cells: [['20', '10', 'c', 'c']],
      rowTotals: ['40'],
      colTotals: ['20', '10', 'c', 'c'],
      total: '40',
    });
  });

  it('leaves a table with no small counts untouched, zeros included', () => {
    expect(show(discloseTable([[12, 0], [8, 30]], rule))).toEqual({
      cells: [['12', '0'], ['8', '30']],
      rowTotals: ['12', '38'],
      colTotals: ['20', '30'],
      total: '50',
    });
  });

  it('spreads suppression across rows and columns until nothing is recoverable', () => {
    const t = show(discloseTable([[2, 10, 9], [12, 15, 11], [20, 25, 30]], rule));
    // 2 is small; its row hides 9 (smallest other); column 1 then hides 12, column 3 hides 11.
    expect(t.cells).toEqual([['c', '10', 'c'], ['c', '15', 'c'], ['20', '25', '30']]);
    expect(t.rowTotals).toEqual(['21', '38', '75']);
  });

  it('hides a small total and a member with it', () => {
    const t = show(discloseTable([[3, 0], [10, 10]], rule));
    expect(t.cells[0]).toEqual(['c', '0']);
    expect(t.rowTotals[0]).toBe('c');
    // Column 1 (3 above 10) must hide a second entry too.
    expect(t.cells[1]![0]).toBe('c');
  });
});

describe('secondary suppression properties', () => {
  const table = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([r, c]) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 60 })), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

  it('never leaves a row or column with exactly one suppressed entry (2,000 random tables)', () => {
    fc.assert(
      fc.property(table, (counts) => {
        const t = discloseTable(counts, rule);
        for (const line of lines(t)) expect(line.filter(isSuppressed).length).not.toBe(1);
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });

  it('hides every count from 1 to the threshold and shows every zero and every visible count unchanged', () => {
    fc.assert(
      fc.property(table, (counts) => {
        const t = discloseTable(counts, rule);
        counts.forEach((row, r) =>
          row.forEach((n, c) => {
            const f = t.cells[r]![c]!;
            if (n >= 1 && n <= 5) expect(f).toEqual({ kind: 'suppressed', reason: 'small' });
            if (n === 0) expect(f).toEqual({ kind: 'count', value: 0 });
            if (f.kind === 'count') expect(f.value).toBe(n);
          }),
        );
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('cannot be undone by subtraction: no line lets a suppressed value be worked out', () => {
    // An attacker who knows a line's visible entries and its total can recover a hidden entry
    // only if it is the only hidden one; check by trying every line of every table.
    fc.assert(
      fc.property(table, (counts) => {
        const t = discloseTable(counts, rule);
        for (const line of lines(t)) {
          const hidden = line.filter(isSuppressed);
          if (hidden.length === 0) {
            const members = line.slice(0, -1).reduce((a, f) => a + (f as { value: number }).value, 0);
            expect(members).toBe((line.at(-1) as { value: number }).value);
          } else expect(hidden.length).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 1000, seed: 99 },
    );
  });
});

/** Lines of a table with column groups: each row's groups with their subtotals, and the subtotal columns. */
function groupLines(t: PublishedTable, groups: number[][]): Figure[][] {
  const out: Figure[][] = [];
  t.cells.forEach((row, r) => {
    groups.forEach((g, gi) => out.push([...g.map((c) => row[c]!), t.groupTotals[r]![gi]!]));
    out.push([...t.groupTotals[r]!, t.rowTotals[r]!]);
  });
  groups.forEach((g, gi) => {
    out.push([...g.map((c) => t.colTotals[c]!), t.groupColTotals[gi]!]);
    out.push([...t.groupTotals.map((r) => r[gi]!), t.groupColTotals[gi]!]);
  });
  out.push([...t.groupColTotals, t.total]);
  return out;
}

describe('published subtotals (such as Good or better) and tables that share totals', () => {
  const grades = fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 40 })), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 7 });
  const groups = [[0, 1], [2, 3]];

  it('protects group subtotals like totals: no line of a grade table has exactly one suppressed entry', () => {
    fc.assert(
      fc.property(grades, (counts) => {
        const t = discloseTable(counts, rule, { groups });
        for (const line of [...lines(t), ...groupLines(t, groups)]) expect(line.filter(isSuppressed).length).not.toBe(1);
      }),
      { numRuns: 1500, seed: 42 },
    );
  });

  it('suppresses the shared totals the same way in every linked table', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 60 }), (records) => {
        // The same audits tabulated two ways: by locality (rows 0–2) and by type (rows 0–3).
        const byA = [0, 1, 2].map(() => [0, 0, 0, 0]);
        const byB = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
        records.forEach(([a, b, g]) => {
          byA[a! % 3]![g! % 4]!++;
          byB[b! % 4]![g! % 4]!++;
        });
        const [ta, tb] = discloseLinkedTables([byA, byB], rule, { groups });
        expect([...ta!.colTotals, ...ta!.groupColTotals, ta!.total].map((f) => f.kind)).toEqual([...tb!.colTotals, ...tb!.groupColTotals, tb!.total].map((f) => f.kind));
        for (const t of [ta!, tb!]) for (const line of [...lines(t), ...groupLines(t, groups)]) expect(line.filter(isSuppressed).length).not.toBe(1);
      }),
      { numRuns: 1000, seed: 5 },
    );
  });
});

describe('percentages and averages', () => {
  it('are suppressed when their counts are, or when the group is small', () => {
    const c = (n: number) => discloseCount(n, rule);
    expect(disclosePercent(c(29), c(36), rule)).toEqual({ kind: 'percent', value: 81 });
    expect(disclosePercent(c(4), c(36), rule).kind).toBe('suppressed');
    expect(disclosePercent(c(0), c(4), rule).kind).toBe('suppressed');
    expect(disclosePercent({ kind: 'suppressed', reason: 'secondary' }, c(40), rule)).toEqual({ kind: 'suppressed', reason: 'secondary' });
    expect(discloseAverage(21, c(5), rule).kind).toBe('suppressed');
    expect(discloseAverage(31, c(8), rule)).toEqual({ kind: 'average', value: 3.9 });
  });
  it('never round to 0% or 100% unless exact', () => {
    expect(roundPercent(1, 400)).toBe(1);
    expect(roundPercent(399, 400)).toBe(99);
    expect(roundPercent(0, 400)).toBe(0);
    expect(roundPercent(400, 400)).toBe(100);
    expect(roundPercent(2, 3)).toBe(67);
  });
});
