import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, type AuditRecord, type ColumnContext, type ComplaintRecord, type Dataset, type FeedbackRecord, type SelfEvaluationRecord } from '../../../src/lib/data/columns';
import { readCsvText } from '../../../src/lib/data/read-dataset';
import { buildSnapshot, disclosureCacheDir } from '../../../src/lib/snapshot';
import { SELF_EVALUATION_STANDARDS, generateExampleData, generateLargeAuditFile, seeded, type SyntheticFiles } from '../../../src/lib/data/synthetic';
import { allTerms, termOf } from '../../../src/lib/data/terms';
import { loadPartnership } from '../../../src/lib/partnership';

const root = join(import.meta.dirname, '../../..');
const cfg = loadPartnership(root);
const terms = allTerms(cfg);
const ctx: ColumnContext = { cfg, standardIds: new Set(['ehc-plan-1', 'ehc-plan-2', 'ehc-plan-3', 'ehc-plan-4', 'ehc-plan-5']), today: '2026-11-23' };

/** The generated files as plain data, for comparing two runs. */
const plain = (f: SyntheticFiles) => ({ audits: [...f.audits], feedback: [...f.feedback], complaints: [...f.complaints], selfEvaluation: [...f.selfEvaluation] });
/** Data rows of a CSV text (no heading, no trailing blank line). */
const dataRows = (text: string) => text.split('\r\n').slice(1, -1);

// Two academic years, a small number of audits per term, and a fixed last date so the output never depends on today.
const opts = { seed: 11, until: '2025-08-31', auditsPerTerm: 40 };
const sample = generateExampleData(cfg, opts);

describe('seeded random numbers', () => {
  const take = (rand: () => number, n: number) => Array.from({ length: n }, rand);

  it('give the same sequence for the same seed', () => {
    expect(take(seeded(42), 50)).toEqual(take(seeded(42), 50));
  });

  it('give different sequences for different seeds', () => {
    const a = take(seeded(42), 50);
    const b = take(seeded(43), 50);
    expect(a.filter((x, i) => x === b[i])).toEqual([]);
  });

  it('stay between 0 (included) and 1 (excluded) and spread over that range', () => {
    const xs = take(seeded(7), 10_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // Ten equal bins of 10,000 draws: each should hold about 1,000.
    const bins = Array.from({ length: 10 }, (_, b) => xs.filter((x) => Math.floor(x * 10) === b).length);
    for (const n of bins) expect(n).toBeGreaterThan(900);
    for (const n of bins) expect(n).toBeLessThan(1100);
  });
});

describe('generateExampleData: the same seed gives the same files', () => {
  it('gives identical files when run twice with the same options', () => {
    expect(plain(generateExampleData(cfg, opts))).toEqual(plain(sample));
  });

  it('gives different files for a different seed', () => {
    const other = generateExampleData(cfg, { ...opts, seed: 12 });
    for (const kind of ['audits', 'feedback', 'complaints'] as const) {
      for (const [term, text] of sample[kind]) expect(other[kind].get(term), `${kind} ${term}`).not.toBe(text);
    }
  });

  it('uses seed 2024 when no seed is given', () => {
    const { seed: _, ...noSeed } = opts;
    expect(plain(generateExampleData(cfg, noSeed))).toEqual(plain(generateExampleData(cfg, { ...noSeed, seed: 2024 })));
  });

  it('reproduces the bundled example data byte for byte from seed 2024 up to 31 August 2026', () => {
    const files = generateExampleData(cfg, { seed: 2024, until: '2026-08-31' });
    const folders = { audits: 'data/audits', feedback: 'data/feedback', complaints: 'data/compliments-complaints' } as const;
    for (const kind of ['audits', 'feedback', 'complaints'] as const) {
      expect(files[kind].size).toBe(9);
      for (const [term, text] of files[kind]) expect(text === readFileSync(join(root, folders[kind], `${term}.csv`), 'utf8'), `${folders[kind]}/${term}.csv`).toBe(true);
    }
    // Self-evaluation: one file per academic year, three years.
    expect([...files.selfEvaluation.keys()]).toEqual(['2023-24', '2024-25', '2025-26']);
    for (const [year, text] of files.selfEvaluation) expect(text === readFileSync(join(root, 'data/self-evaluation', `${year}.csv`), 'utf8'), `data/self-evaluation/${year}.csv`).toBe(true);
  });
});

describe('generateExampleData: which terms and dates', () => {
  it('fills every term that has ended by the last date, one file per term for each kind of data', () => {
    // Up to 31 August 2025: the six terms of 2023/24 and 2024/25.
    const ids = ['2023-24-autumn', '2023-24-spring', '2023-24-summer', '2024-25-autumn', '2024-25-spring', '2024-25-summer'];
    expect([...sample.audits.keys()]).toEqual(ids);
    expect([...sample.feedback.keys()]).toEqual(ids);
    expect([...sample.complaints.keys()]).toEqual(ids);
  });

  it('leaves out a term that has not ended by the last date', () => {
    // 14 February 2025 is in spring 2024/25, so the last full term is autumn 2024/25.
    expect([...generateExampleData(cfg, { ...opts, until: '2025-02-14' }).audits.keys()].at(-1)).toBe('2024-25-autumn');
  });

  it('fills only the terms asked for', () => {
    const f = generateExampleData(cfg, { ...opts, terms: ['2024-25-spring'] });
    expect([...f.audits.keys()]).toEqual(['2024-25-spring']);
  });

  it('dates every row on a weekday inside the term of its file, and never after the last date', () => {
    // Spring 2024/25 asked for explicitly, with the last date part-way through it.
    const until = '2025-02-14';
    const f = generateExampleData(cfg, { ...opts, terms: ['2024-25-spring'], until });
    const dates = [...f.audits.values(), ...f.feedback.values(), ...f.complaints.values()].flatMap((t) => dataRows(t).map((r) => r.split(',')[1]!));
    expect(dates.length).toBeGreaterThan(40);
    for (const d of dates) {
      expect(termOf(terms, d)?.id, d).toBe('2024-25-spring');
      expect(d <= until, d).toBe(true);
      expect([0, 6], d).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });

  it('dates every row of every file inside the term the file is named after', () => {
    for (const map of [sample.audits, sample.feedback, sample.complaints]) {
      for (const [term, text] of map) for (const row of dataRows(text)) expect(termOf(terms, row.split(',')[1]!)?.id).toBe(term);
    }
  });

  it('writes about the asked-for number of audits per term (within 15%)', () => {
    // n = round(40 × (0.85 to 1.15)) → 34 to 46.
    for (const text of sample.audits.values()) {
      expect(dataRows(text).length).toBeGreaterThanOrEqual(34);
      expect(dataRows(text).length).toBeLessThanOrEqual(46);
    }
  });
});

describe('generateExampleData: the files pass the same checks as real data', () => {
  const read = <R>(map: Map<string, string>, ds: Dataset) => {
    const seen = new Map<string, { file: string; line: number }>();
    const out = { records: [] as R[], problems: [] as unknown[] };
    for (const [term, text] of map) {
      const r = readCsvText<R>(`${term}.csv`, text, ds, ctx, seen);
      out.records.push(...r.records);
      out.problems.push(...r.problems);
    }
    return out;
  };
  const a = read<AuditRecord>(sample.audits, DATASETS.audits);
  const f = read<FeedbackRecord>(sample.feedback, DATASETS.feedback);
  const c = read<ComplaintRecord>(sample.complaints, DATASETS.complaints);

  it('are read without a single problem, references unique across files', () => {
    expect(a.problems).toEqual([]);
    expect(f.problems).toEqual([]);
    expect(c.problems).toEqual([]);
    expect(a.records.length).toBe([...sample.audits.values()].reduce((n, t) => n + dataRows(t).length, 0));
  });

  it('write a self-evaluation file for each complete year, every service rated against every standard, read without a problem', () => {
    const seCtx = { ...ctx, standardIds: new Set(SELF_EVALUATION_STANDARDS) };
    const seen = new Map<string, { file: string; line: number }>();
    expect([...sample.selfEvaluation.keys()]).toEqual(['2023-24', '2024-25']);
    for (const [year, text] of sample.selfEvaluation) {
      const r = readCsvText<SelfEvaluationRecord>(`${year}.csv`, text, DATASETS.selfEvaluation, seCtx, seen);
      expect(r.problems).toEqual([]);
      expect(r.records).toHaveLength(cfg.selfEvaluation.services.length * SELF_EVALUATION_STANDARDS.length);
      expect(new Set(r.records.map((x) => x.year))).toEqual(new Set([year.replace('-', '/')]));
    }
  });

  it('use only configured grades, audit types, localities and levels, and mark compliments as not upheld', () => {
    const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
    for (const r of a.records) {
      expect(ids(cfg.grades).has(r.grade)).toBe(true);
      expect(ids(cfg.auditTypes).has(r.audit_type)).toBe(true);
      expect(ids(cfg.localities).has(r.locality)).toBe(true);
      expect(ids(cfg.auditLevels).has(r.level)).toBe(true);
    }
    expect(c.records.filter((r) => r.kind === 'compliment').every((r) => r.upheld === 'n/a')).toBe(true);
    // An Outstanding audit never misses a standard.
    expect(a.records.filter((r) => r.grade === 'outstanding' && r.standards_not_met.length)).toEqual([]);
  });

  it('audit each kind of work only at the levels the framework gives it, and nothing in August', () => {
    const levelsOf = new Map<string, Set<string>>();
    for (const r of a.records) levelsOf.set(r.audit_type, (levelsOf.get(r.audit_type) ?? new Set()).add(r.level));
    // Each agency audits its own advice (level 1); EHC plans are audited by the statutory assessment team,
    // a multi-agency group and partnership board members, never by one agency alone.
    for (const type of ['advice-educational-psychology', 'advice-health', 'advice-social-care', 'advice-education']) expect([...levelsOf.get(type)!], type).toEqual(['single-agency']);
    expect(levelsOf.get('ehc-plan')?.has('single-agency')).toBe(false);
    expect([...levelsOf.get('ehc-needs-assessment')!]).toEqual(['statutory-assessment-team']);
    expect(a.records.filter((r) => r.completed_on.slice(5, 7) === '08')).toEqual([]);
  });

  it('give reports in which no published count is from 1 to the threshold', async () => {
    // The records were read against ctx, so the standards they name are among ctx's.
    const { reports } = await buildSnapshot({ cfg, audits: a.records, feedback: f.records, complaints: c.records, standards: [...ctx.standardIds], cacheDir: disclosureCacheDir(root) });
    expect(reports).toHaveLength(6);
    const small: string[] = [];
    const walk = (x: unknown, path: string): void => {
      if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (o.kind === 'count' && typeof o.value === 'number' && o.value >= 1 && o.value <= cfg.disclosure.threshold) small.push(path);
        else for (const [k, v] of Object.entries(o)) if (k !== 'term' && k !== 'rule') walk(v, `${path}.${k}`);
      }
    };
    reports.forEach((r) => walk(r, r.term.id));
    expect(small).toEqual([]);
  }, 300_000);
});

describe('generateLargeAuditFile', () => {
  const big = generateLargeAuditFile(cfg, 500, 3, '2025-08-31');

  it('writes exactly the number of rows asked for, after the heading row', () => {
    expect(big.split('\r\n')[0]).toBe('audit_ref,completed_on,audit_type,level,locality,grade,timely,standards_not_met,moderated');
    expect(dataRows(big)).toHaveLength(500);
    expect(big.endsWith('\r\n')).toBe(true);
  });

  it('gives the same file for the same seed and a different one for another seed', () => {
    expect(generateLargeAuditFile(cfg, 500, 3, '2025-08-31')).toBe(big);
    expect(generateLargeAuditFile(cfg, 500, 4, '2025-08-31')).not.toBe(big);
  });

  it('is read without a problem, with every date inside a term and not after the last date', () => {
    const { records, problems } = readCsvText<AuditRecord>('big.csv', big, DATASETS.audits, ctx, new Map());
    expect(problems).toEqual([]);
    expect(records).toHaveLength(500);
    for (const r of records) {
      expect(termOf(terms, r.completed_on)).toBeDefined();
      expect(r.completed_on <= '2025-08-31').toBe(true);
    }
  });
});

describe('generateExampleData at the edges of its date window', () => {
  it('refuses a term that starts after the last date to use, rather than writing dates outside it', () => {
    expect(() => generateExampleData(cfg, { terms: ['2025-26-summer'], until: '2025-12-31' })).toThrow('the summer term 2025/26 starts on 2026-04-13, after the last date to use (2025-12-31)');
  });

  it('uses a weekend day when the only days allowed are at a weekend, and does not hang', () => {
    // 1 September 2024, the first day of the autumn term, is a Sunday.
    const files = generateExampleData(cfg, { terms: ['2024-25-autumn'], until: '2024-09-01', auditsPerTerm: 10 });
    const dates = [...files.audits.values()].flatMap((text) => dataRows(text).map((row) => row.split(',')[1]));
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set(['2024-09-01']));
  });
});
