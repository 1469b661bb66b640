import { describe, expect, it } from 'vitest';
import { band, type Figure, type Percent } from '../../../src/lib/data/disclosure';
import type { TermReport } from '../../../src/lib/data/report';
import type { SelfEvaluationFindings } from '../../../src/lib/data/self-evaluation';
import { leastMetOrder, practiceFindings, practiceSentence, practiceTrendSummary } from '../../../src/lib/data/standard-findings';
import { standardNotMetChart } from '../../../src/lib/data/chart-specs';
import type { Term } from '../../../src/lib/data/terms';

const rule = { threshold: 5, symbol: 'c' };
const names = ['autumn', 'spring', 'summer'] as const;
/** Ten terms from autumn 2022/23, oldest first. */
const terms: Term[] = Array.from({ length: 10 }, (_, i) => {
  const y = 2022 + Math.floor(i / 3);
  const name = names[i % 3]!;
  const year = `${y}/${String(y + 1).slice(2)}`;
  return { id: `${y}-${String(y + 1).slice(2)}-${name}`, year, yearSlug: year.replace('/', '-'), name, label: `${name[0]!.toUpperCase()}${name.slice(1)} term ${year}`, start: [`${y}-09-01`, `${y + 1}-01-05`, `${y + 1}-04-20`][i % 3]!, end: '', index: i };
});
const count = (value: number): Figure => ({ kind: 'count', value });
const hidden: Figure = { kind: 'suppressed', reason: 'small' };
const pct = (value: number): Percent => ({ kind: 'percent', value });

/** Reports, latest first as the snapshot keeps them, each with the given standards' figures. */
function reports(rows: { audits: number; standards: Record<string, [Figure, Percent]> }[]): TermReport[] {
  return rows
    .map((r, i) => ({ term: terms[i]!, rule, audits: count(r.audits), standards: Object.entries(r.standards).map(([id, [c, p]]) => ({ id, count: c, percent: p })) }) as unknown as TermReport)
    .reverse();
}

const ten = reports(Array.from({ length: 10 }, (_, i) => ({ audits: 100, standards: { 'ehc-plan-1': [count(30 - i), pct(30 - i)], 'ehc-plan-2': [i === 9 ? hidden : count(10), i === 9 ? { kind: 'suppressed', reason: 'small' } : pct(10)], 'ehc-plan-3': [count(0), pct(0)] } })));

describe('a practice standard’s findings, from the published reports', () => {
  it('takes the last nine terms (three years), oldest first, with each term’s figures as published', () => {
    const f = practiceFindings(ten, 'ehc-plan-1')!;
    expect(f.terms.map((t) => t.term.id)).toEqual(terms.slice(1).map((t) => t.id));
    expect(f.terms.map((t) => t.percent)).toEqual(Array.from({ length: 9 }, (_, i) => pct(29 - i)));
    expect(f.terms.at(-1)!.count).toEqual(count(21));
    expect(f.rule).toEqual(rule);
  });

  it('has no findings for a standard no report checks', () => {
    expect(practiceFindings(ten, 'sen-services-1')).toBeUndefined();
    expect(practiceFindings([], 'ehc-plan-1')).toBeUndefined();
  });

  it('says in one sentence what the latest term found, and how that compares with three years ago', () => {
    expect(practiceSentence(practiceFindings(ten, 'ehc-plan-1')!)).toBe('In the autumn term 2025/26, 21 of 100 audits found this standard was not met (21%). That is better than in the spring term 2022/23, when it was 29%.');
    expect(practiceSentence(practiceFindings(ten, 'ehc-plan-3')!)).toBe('In the autumn term 2025/26, every audit found this standard was met. That is the same as in the spring term 2022/23, when it was 0%.');
  });

  it('never describes a hidden figure', () => {
    const s = practiceSentence(practiceFindings(ten, 'ehc-plan-2')!);
    expect(s).toBe("In the autumn term 2025/26, we do not publish how many audits found this standard was not met, to protect children's privacy.");
    expect(s).not.toMatch(/\d+%|\d+ of/);
  });

  it('charts the share term by term, a hidden share as a gap, never a zero', () => {
    const chart = standardNotMetChart(practiceFindings(ten, 'ehc-plan-2')!);
    expect(chart.labels).toHaveLength(9);
    expect(chart.labels[0]).toBe('Spring 2022/23');
    expect(chart.series[0]!.values.at(-1)).toBeNull();
    expect(chart.series[0]!.values[0]).toBe(10);
    expect(practiceTrendSummary(practiceFindings(ten, 'ehc-plan-1')!)).toBe('Over the last 9 terms, the share of audits that found this standard not met went from 29% in the spring term 2022/23 to 21% in the autumn term 2025/26.');
  });
});

describe('the standards, least often met first', () => {
  const self = (topShare: Percent): SelfEvaluationFindings => ({ standard: '', scale: [], topLabel: 'Outstanding or Good', rule, years: [{ year: '2024/25', ratings: [], top: hidden, total: count(36), topShare: pct(99) }, { year: '2025/26', ratings: [], top: hidden, total: count(36), topShare }] });
  const latest = reports([{ audits: 80, standards: { 'ehc-plan-1': [count(8), pct(10)], 'ehc-plan-2': [count(20), pct(25)], 'ehc-plan-3': [hidden, { kind: 'suppressed', reason: 'small' }], 'ehc-plan-4': [count(20), pct(25)] } }]);
  const selfMap = new Map([
    ['sen-services-1', self(pct(80))],
    ['sen-services-2', self(band(85, 100))],
    ['sen-services-3', self(pct(60))],
    ['sen-services-4', self({ kind: 'suppressed', reason: 'secondary' })],
    ['sen-services-6', self(pct(85))],
  ]);
  const std = (set: string, n: number) => ({ id: `${set}-${n}`, number: n });

  it('puts the practice standard most often not met first; equal shares keep their number order; hidden after', () => {
    const order = leastMetOrder([1, 2, 3, 4, 5].map((n) => std('ehc-plan', n)), latest, selfMap);
    expect(order.map((e) => e.id)).toEqual(['ehc-plan-2', 'ehc-plan-4', 'ehc-plan-1', 'ehc-plan-3', 'ehc-plan-5']);
    expect(order.map((e) => e.kind)).toEqual(['not-met', 'not-met', 'not-met', 'hidden', 'none']);
    expect(order[0]).toMatchObject({ percent: 25, text: '25%', when: 'Autumn term 2022/23' });
  });

  it('puts the service standard with the fewest top self-ratings first, a band at its lowest value after an exact share of that value', () => {
    const order = leastMetOrder([6, 5, 4, 3, 2, 1].map((n) => std('sen-services', n)), latest, selfMap);
    expect(order.map((e) => e.id)).toEqual(['sen-services-3', 'sen-services-1', 'sen-services-6', 'sen-services-2', 'sen-services-4', 'sen-services-5']);
    expect(order.find((e) => e.id === 'sen-services-2')).toMatchObject({ kind: 'top-ratings', percent: 85, text: '85% or more', when: '2025/26' });
    expect(order.find((e) => e.id === 'sen-services-4')).toMatchObject({ kind: 'hidden', when: '2025/26' });
    expect(order.find((e) => e.id === 'sen-services-5')).toEqual({ id: 'sen-services-5', kind: 'none' });
  });
});
