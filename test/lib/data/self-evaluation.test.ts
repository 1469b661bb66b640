import { beforeAll, describe, expect, it } from 'vitest';
import type { SelfEvaluationRecord } from '../../../src/lib/data/columns';
import type { Figure, Percent } from '../../../src/lib/data/disclosure';
import { selfEvaluationSentence, type SelfEvaluationFindings } from '../../../src/lib/data/self-evaluation';
import { designSelfEvaluation } from '../../../src/lib/disclose/design';
import { applyLineRule, audit } from '../../../src/lib/disclose/publication';
import { loadSolver, RangeFinder } from '../../../src/lib/disclose/solver';
import { loadPartnership } from '../../../src/lib/partnership';
import { discloseSelfEvaluation } from '../../../src/lib/snapshot';
import { tallySelfEvaluation } from '../../../src/lib/tally/self-evaluation';
import { ROOT } from '../../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const thr = cfg.disclosure.threshold;

/** Records giving `counts[i]` services rating i (scale order) against one standard in one year. */
function rows(standard: string, year: string, counts: number[]): SelfEvaluationRecord[] {
  const out: SelfEvaluationRecord[] = [];
  counts.forEach((n, i) => {
    for (let k = 0; k < n; k++) out.push({ service: `s${out.length}`, year, standard, rating: cfg.selfEvaluation.scale[i]!.id, evidence_ref: `E-${year}-${standard}-${out.length}`, file: 'x.csv', line: out.length + 2 });
  });
  return out;
}

const value = (f: Figure) => (f.kind === 'count' ? f.value : undefined);

/**
 * An attacker that shares no code with the disclosure step: every table of one year's ratings
 * (whole numbers, 0 or more) that agrees with what is published, by brute force. Returns the
 * values each rating, and the ratings below the top ones together, can take. A year whose
 * number of services is hidden is searched up to 4 × threshold services (enough to see a range).
 */
function possibleValues(y: SelfEvaluationFindings['years'][number], top: number): { cells: Set<number>[]; rest: Set<number>; tables: number } {
  const n = y.ratings.length;
  const shown = (f: Figure) => (f.kind === 'count' ? f.value : undefined);
  const zeroable = y.ratings.every((f) => f.kind === 'suppressed' || f.value === 0);
  const max = shown(y.total) ?? 4 * thr;
  const cells = y.ratings.map(() => new Set<number>());
  const rest = new Set<number>();
  let tables = 0;
  const rec = (prefix: number[]) => {
    if (prefix.length === n) {
      const total = prefix.reduce((a, b) => a + b, 0);
      const t = prefix.slice(0, top).reduce((a, b) => a + b, 0);
      if (shown(y.total) !== undefined && total !== shown(y.total)) return;
      if (y.total.kind === 'suppressed' && total < 1) return;
      if (shown(y.top) !== undefined && t !== shown(y.top)) return;
      if (y.top.kind === 'suppressed' && t < 1) return;
      if (y.topShare.kind === 'band') {
        if (total <= thr) return;
        if (100 * t < y.topShare.from * total) return;
        if (y.topShare.below < 100 && 100 * t >= y.topShare.below * total) return;
      }
      if (y.topShare.kind === 'percent') {
        if (total <= thr) return;
        const p = (100 * t) / total;
        const r = t === 0 ? 0 : t === total ? 100 : Math.min(99, Math.max(1, Math.floor(p + 0.5)));
        if (r !== y.topShare.value) return;
      }
      tables++;
      prefix.forEach((v, i) => cells[i]!.add(v));
      rest.add(total - t);
      return;
    }
    const f = y.ratings[prefix.length]!;
    const used = prefix.reduce((a, b) => a + b, 0);
    if (f.kind === 'count') return void (used + f.value <= max && rec([...prefix, f.value]));
    for (let v = zeroable ? 0 : 1; used + v <= max; v++) rec([...prefix, v]);
  };
  rec([]);
  return { cells, rest, tables };
}

describe('self-evaluation findings by standard, through the proven disclosure step', () => {
  const records = [
    ...rows('sen-services-3', '2022/23', [9, 9, 9, 9]),
    ...rows('sen-services-3', '2023/24', [10, 14, 7, 0]),
    ...rows('sen-services-3', '2024/25', [12, 16, 8, 0]),
    ...rows('sen-services-3', '2025/26', [14, 18, 3, 1]),
    ...rows('sen-services-1', '2025/26', [20, 12, 3, 0]),
    ...rows('sen-services-2', '2025/26', [30, 0, 0, 0]),
    ...rows('sen-services-4', '2025/26', [2, 1, 1, 0]),
    ...rows('quality-offer-1', '2025/26', [8, 9, 10, 9]),
  ];
  let out: Awaited<ReturnType<typeof discloseSelfEvaluation>>;
  beforeAll(async () => {
    out = await discloseSelfEvaluation(records, cfg);
  });
  const found = (id: string) => out.findings.get(id)!;

  it('keeps the last three years, oldest first, for a trend', () => {
    expect(found('sen-services-3').years.map((y) => y.year)).toEqual(['2023/24', '2024/25', '2025/26']);
    expect(found('quality-offer-1').years.map((y) => y.year)).toEqual(['2025/26']);
  });

  it('tallies each standard and year in scale order', () => {
    expect(tallySelfEvaluation(records, cfg).find((t) => t.standard === 'sen-services-3')!.counts).toEqual([[10, 14, 7, 0], [12, 16, 8, 0], [14, 18, 3, 1]]);
  });

  it('publishes large counts exactly, with the top two ratings, the services and the share', () => {
    const y = found('quality-offer-1').years[0]!;
    expect(y.ratings.map(value)).toEqual([8, 9, 10, 9]);
    expect(value(y.top)).toBe(17);
    expect(value(y.total)).toBe(36);
    expect(y.topShare).toEqual({ kind: 'percent', value: 47 });
  });

  it('never publishes a count of services from 1 to the threshold', () => {
    for (const f of out.findings.values()) {
      for (const y of f.years) for (const fig of [...y.ratings, y.top, y.total]) if (fig.kind === 'count') expect(fig.value === 0 || fig.value > thr).toBe(true);
    }
  });

  it('proves every hidden count with the solver: none can be narrowed to fewer than threshold values', () => {
    expect(out.disclosure.findings.length).toBeGreaterThan(0);
    expect(out.disclosure.findings.filter((f) => !f.ok)).toEqual([]);
    for (const f of out.disclosure.findings.filter((x) => x.kind !== 'same grade')) expect(f.max - f.min + 1, f.id).toBeGreaterThanOrEqual(thr);
  });

  it('hides the top-ratings group when the services below it are few, so the rest cannot be worked out by subtraction', () => {
    // 35 services, 32 of them Outstanding or Good: showing 32 and 35 would give away the 3.
    const y = found('sen-services-1').years[0]!;
    expect(value(y.total)).toBe(35);
    expect(y.top.kind).toBe('suppressed');
    // The share is still given as a band wide enough to leave the few lower ratings unknown.
    expect(y.topShare).toMatchObject({ kind: 'band', text: '85% or more' });
    expect(out.disclosure.findings.find((f) => f.id === 'sen-services-1:self/2025-26/rest')).toMatchObject({ ok: true });
  });

  it('an attacker who sees every published figure cannot narrow any hidden count (brute force, no shared code)', () => {
    for (const f of out.findings.values()) {
      for (const y of f.years) {
        const seen = possibleValues(y, 2);
        expect(seen.tables, `${f.standard} ${y.year}`).toBeGreaterThan(0);
        y.ratings.forEach((fig, i) => {
          if (fig.kind !== 'suppressed') return;
          // A hidden 0 in a row of only c and 0 is protected by the row rule, not by a range.
          if (Math.max(...seen.cells[i]!) > 0) expect(seen.cells[i]!.size, `${f.standard} ${y.year} rating ${i}`).toBeGreaterThanOrEqual(thr);
        });
        const rest = seen.rest;
        const truth = tallySelfEvaluation(records, cfg).find((t) => t.standard === f.standard)!.counts[f.years.indexOf(y)]!;
        const trueRest = truth[2]! + truth[3]!;
        if (trueRest >= 1 && trueRest <= thr) expect(rest.size, `${f.standard} ${y.year} rest`).toBeGreaterThanOrEqual(thr);
      }
    }
  });

  it('the old row-by-row rule alone would leave the rest pinned; the audit finds it', async () => {
    const t = tallySelfEvaluation(rows('sen-services-1', '2025/26', [20, 12, 3, 0]), cfg)[0]!;
    const pub = designSelfEvaluation(t, cfg);
    applyLineRule(pub);
    const findings = audit(pub, new RangeFinder(await loadSolver(), pub.atoms.length));
    expect(findings.find((f) => f.id === 'self/2025-26/rest')).toMatchObject({ ok: false, min: 3, max: 3 });
  });

  it('says in one sentence how many services gave a top rating, and how that compares with the first year shown', () => {
    expect(selfEvaluationSentence(found('quality-offer-1'))).toBe('In 2025/26, 36 services rated themselves against this standard, and 17 of them said Outstanding or Good.');
    expect(selfEvaluationSentence(found('sen-services-3'))).toMatch(/^In 2025\/26, 36 services rated themselves against this standard/);
  });

  it('gives the band, not the hidden number, when only a band is published', () => {
    expect(selfEvaluationSentence(found('sen-services-1'))).toBe('In 2025/26, 35 services rated themselves against this standard, and 85% or more of them said Outstanding or Good. We give a range, not the exact number, to protect privacy.');
  });

  it('says plainly when the number is not published, never giving a hidden figure', () => {
    const y = found('sen-services-4').years[0]!;
    expect([...y.ratings, y.top, y.total].every((f) => f.kind === 'suppressed')).toBe(true);
    expect(y.topShare.kind).toBe('suppressed');
    expect(selfEvaluationSentence(found('sen-services-4'))).toBe('In 2025/26, a small number of services rated themselves against this standard. Some ratings were given by so few services that we do not publish how many said Outstanding or Good.');
  });

  it('shows a whole group in one rating only where that is not a small group', () => {
    const y = found('sen-services-2').years[0]!;
    expect(y.ratings.map(value)).toEqual([30, 0, 0, 0]);
    expect((y.topShare as Percent & { kind: 'percent' }).value).toBe(100);
  });
});
