import { describe, expect, it } from 'vitest';
import type { SelfEvaluationRecord } from '../../../src/lib/data/columns';
import { discloseTable } from '../../../src/lib/data/disclosure';
import { selfEvaluationFindings, selfEvaluationSentence } from '../../../src/lib/data/self-evaluation';
import { loadPartnership } from '../../../src/lib/partnership';
import { ROOT } from '../../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const rule = { threshold: cfg.disclosure.threshold, symbol: cfg.disclosure.symbol };

/** Records giving `counts[i]` services rating i (scale order) against one standard in one year. */
function rows(standard: string, year: string, counts: number[]): SelfEvaluationRecord[] {
  const out: SelfEvaluationRecord[] = [];
  counts.forEach((n, i) => {
    for (let k = 0; k < n; k++) out.push({ service: `s${out.length}`, year, standard, rating: cfg.selfEvaluation.scale[i]!.id, evidence_ref: `E-${year}-${standard}-${out.length}`, file: 'x.csv', line: out.length + 2 });
  });
  return out;
}

describe('self-evaluation findings by standard', () => {
  const records = [
    ...rows('sen-services-3', '2022/23', [9, 9, 9, 9]),
    ...rows('sen-services-3', '2023/24', [10, 14, 7, 0]),
    ...rows('sen-services-3', '2024/25', [12, 16, 8, 0]),
    ...rows('sen-services-3', '2025/26', [14, 18, 3, 1]),
    ...rows('quality-offer-1', '2025/26', [8, 9, 10, 9]),
  ];
  const found = selfEvaluationFindings(records, cfg);

  it('keeps the last three years, oldest first, for a trend', () => {
    expect(found.get('sen-services-3')!.years.map((y) => y.year)).toEqual(['2023/24', '2024/25', '2025/26']);
    expect(found.get('quality-offer-1')!.years.map((y) => y.year)).toEqual(['2025/26']);
  });

  it('publishes exactly what the disclosure step publishes for the counts, with the top two ratings grouped', () => {
    const expected = discloseTable([[10, 14, 7, 0], [12, 16, 8, 0], [14, 18, 3, 1]], rule, { groups: [[0, 1], [2, 3]] });
    const years = found.get('sen-services-3')!.years;
    expect(years.map((y) => y.ratings)).toEqual(expected.cells);
    expect(years.map((y) => y.top)).toEqual(expected.groupTotals.map((g) => g[0]));
    expect(years.map((y) => y.total)).toEqual(expected.rowTotals);
  });

  it('never publishes a count of services from 1 to the threshold', () => {
    for (const f of found.values()) {
      for (const y of f.years) for (const fig of [...y.ratings, y.top, y.total]) if (fig.kind === 'count') expect(fig.value === 0 || fig.value > rule.threshold).toBe(true);
    }
  });

  it('says in one sentence how many services gave a top rating, and how that compares with the first year shown', () => {
    expect(selfEvaluationSentence(found.get('quality-offer-1')!)).toBe('In 2025/26, 36 services rated themselves against this standard, and 17 of them said Outstanding or Good.');
    expect(selfEvaluationSentence(found.get('sen-services-3')!)).toMatch(/^In 2025\/26, 36 services rated themselves against this standard/);
  });

  it('says plainly when the number is not published, never giving a hidden figure', () => {
    const small = selfEvaluationFindings(rows('sen-services-1', '2025/26', [20, 12, 3, 0]), cfg).get('sen-services-1')!;
    expect(small.years[0]!.top.kind).toBe('suppressed');
    expect(selfEvaluationSentence(small)).toBe('In 2025/26, 35 services rated themselves against this standard. Some ratings were given by so few services that we do not publish how many said Outstanding or Good.');
  });
});
