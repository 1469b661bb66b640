/**
 * Disclosure control proven by the solver, on small hand-made terms. Each leak found by the
 * attack on the first version is rebuilt here: the old rule (primary suppression and "two
 * hidden per line") leaves it open, which the audit finds; the new pipeline closes it.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord, ComplaintRecord, FeedbackRecord } from '../../../src/lib/data/columns';
import { designSelfEvaluation, designTerm, gradeShareLadder } from '../../../src/lib/disclose/design';
import { applyLineRule, audit, protect, shareView, type CountFigure, type Finding, type Publication, type ShareFigure } from '../../../src/lib/disclose/publication';
import { loadSolver, RangeFinder } from '../../../src/lib/disclose/solver';
import { allTerms } from '../../../src/lib/data/terms';
import { loadPartnership } from '../../../src/lib/partnership';
import { tallyTerms } from '../../../src/lib/tally/tally';
import { ROOT } from '../../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const term = allTerms(cfg)[0]!;
const day = term.start;
const STANDARDS = ['ehc-plan-1', 'ehc-plan-2'];
let highs: Awaited<ReturnType<typeof loadSolver>>;
beforeAll(async () => {
  highs = await loadSolver();
});

let ref = 0;
const audit1 = (o: Partial<AuditRecord>): AuditRecord => ({
  file: 't.csv',
  line: ++ref,
  audit_ref: `A-${ref}`,
  completed_on: day,
  audit_type: 'ehc-plan',
  level: 'multi-agency',
  locality: 'north',
  grade: 'good',
  timely: 'yes',
  standards_not_met: [],
  moderated: 'no',
  ...o,
});
const many = (n: number, o: Partial<AuditRecord>) => Array.from({ length: n }, () => audit1(o));

function design(input: { audits?: AuditRecord[]; feedback?: FeedbackRecord[]; complaints?: ComplaintRecord[] }) {
  const [t] = tallyTerms({ cfg, audits: input.audits ?? many(40, {}), feedback: input.feedback ?? [], complaints: input.complaints ?? [], standards: STANDARDS });
  return designTerm(t!, cfg, STANDARDS);
}

const finder = (pub: Publication) => new RangeFinder(highs, pub.atoms.length);
const failed = (fs: Finding[]) => fs.filter((f) => !f.ok);
const fig = (pub: Publication, id: string) => pub.figures.get(id) as CountFigure;

/** The first version's rule: primary suppression, then at least two hidden in every line. */
function oldRule(pub: Publication) {
  applyLineRule(pub);
  return failed(audit(pub, finder(pub)));
}

function complaint(kind: 'compliment' | 'complaint', theme: string, upheld: 'yes' | 'no' | 'n/a' = 'n/a'): ComplaintRecord {
  return { file: 'c.csv', line: ++ref, ref: `C-${ref}`, received_on: day, kind, theme, upheld: kind === 'compliment' ? 'n/a' : upheld };
}
const complaints = (n: number, kind: 'compliment' | 'complaint', theme: string, upheld: 'yes' | 'no' | 'n/a' = 'n/a') => Array.from({ length: n }, () => complaint(kind, theme, upheld));

describe('the leaks the attack found, closed', () => {
  it('compliments and complaints: two hidden theme totals that must add up to 4 are no longer pinned', () => {
    // Placement and travel: one compliment and one complaint each, so each theme total is 2
    // and their sum (4) follows from the grand total: every c >= 1 then pins all six.
    const cc = [
      ...complaints(14, 'compliment', 'communication'), ...complaints(9, 'complaint', 'communication', 'no'),
      ...complaints(8, 'compliment', 'timeliness'), ...complaints(12, 'complaint', 'timeliness', 'yes'),
      ...complaints(7, 'compliment', 'provision'), ...complaints(10, 'complaint', 'provision', 'no'),
      ...complaints(1, 'compliment', 'placement'), ...complaints(1, 'complaint', 'placement', 'yes'),
      ...complaints(1, 'compliment', 'transport'), ...complaints(1, 'complaint', 'transport', 'no'),
      ...complaints(9, 'compliment', 'staff-conduct'), ...complaints(8, 'complaint', 'staff-conduct', 'yes'),
    ];
    const old = design({ complaints: cc }).complaints;
    const leaks = oldRule(old);
    expect(leaks.map((f) => f.id)).toEqual(expect.arrayContaining(['cc/compliment/placement', 'cc/theme/placement']));
    expect(leaks.find((f) => f.id === 'cc/compliment/placement')).toMatchObject({ min: 1, max: 1 });

    const pub = design({ complaints: cc }).complaints;
    expect(failed(protect(pub, finder(pub)).findings)).toEqual([]);
  });

  it('complaints still open (complaints minus decided complaints) are no longer worked out by subtraction', () => {
    const cc = [...complaints(20, 'compliment', 'communication'), ...complaints(10, 'complaint', 'timeliness', 'yes'), ...complaints(11, 'complaint', 'communication', 'no'), ...complaints(1, 'complaint', 'provision')];
    const old = design({ complaints: cc }).complaints;
    expect(oldRule(old).find((f) => f.id === 'complaints/open')).toMatchObject({ min: 1, max: 1 });
    const pub = design({ complaints: cc }).complaints;
    const { findings } = protect(pub, finder(pub));
    expect(failed(findings)).toEqual([]);
    const open = findings.find((f) => f.id === 'complaints/open')!;
    expect(open.max - open.min + 1).toBeGreaterThanOrEqual(cfg.disclosure.threshold);
  });

  it('a row of 0, 0, c, 0 hides its zeros, so no one learns that the whole group got one grade', () => {
    const audits = [...many(40, {}), ...many(3, { audit_type: 'child-case', grade: 'requires-improvement' })];
    const pub = design({ audits }).grades;
    expect(failed(protect(pub, finder(pub)).findings)).toEqual([]);
    const cells = cfg.grades.map((g) => fig(pub, `by-type/child-case/${g.id}`));
    expect(cells.every((c) => c.hidden)).toBe(true);

    // With the zeros shown, the audit finds the group disclosure.
    const shown = design({ audits }).grades;
    applyLineRule(shown);
    for (const g of cfg.grades) if (fig(shown, `by-type/child-case/${g.id}`).truth === 0) fig(shown, `by-type/child-case/${g.id}`).hidden = false;
    expect(failed(audit(shown, finder(shown))).some((f) => f.kind === 'same grade')).toBe(true);
  });

  it('hidden counts in a column of published zeros are no longer narrowed to two values', () => {
    // Six types with 1 or 2 inadequate audits each (total 7), the other three types none.
    const types = ['ehc-needs-assessment', 'ehc-plan', 'annual-review', 'advice-health', 'advice-education', 'advice-social-care'];
    const audits = [...types.flatMap((t, i) => [...many(20, { audit_type: t }), ...many(i === 0 ? 2 : 1, { audit_type: t, grade: 'inadequate' })])];
    const old = design({ audits }).grades;
    expect(oldRule(old).some((f) => f.id.endsWith('/inadequate') && f.max - f.min + 1 < 5)).toBe(true);
    const pub = design({ audits }).grades;
    const { findings } = protect(pub, finder(pub));
    expect(failed(findings)).toEqual([]);
    for (const f of findings.filter((x) => x.kind === 'hidden count')) expect(f.max - f.min + 1).toBeGreaterThanOrEqual(5);
  });

  it('an average rating published beside hidden rating counts no longer gives them away', () => {
    // Ratings 1..5 = [2, 3, 0, 0, 7]: published as c, c, 0, 0, 7 with total 12 and average 3.6.
    const fb = [...[1, 1, 2, 2, 2].map((r) => r), ...Array(7).fill(5)].map((rating, i): FeedbackRecord => ({ file: 'f.csv', line: i + 1, feedback_ref: `F-${i}`, received_on: day, stage: 'ehc-plan', rating, theme: 'communication' }));
    const old = design({ feedback: fb }).feedback;
    applyLineRule(old);
    const leaks = failed(audit(old, finder(old)));
    expect(leaks.find((f) => f.id === 'rating/1')).toMatchObject({ min: 2, max: 2 });
    const pub = design({ feedback: fb }).feedback;
    expect(failed(protect(pub, finder(pub)).findings)).toEqual([]);
  });
});

describe('tables designed for their question', () => {
  it('offers bands from the most exact down to the target, then hidden', () => {
    expect(gradeShareLadder(43, 45, 80)).toEqual([{ kind: 'exact' }, { kind: 'at-least', percent: 95 }, { kind: 'at-least', percent: 90 }, { kind: 'at-least', percent: 85 }, { kind: 'at-least', percent: 80 }, { kind: 'hidden' }]);
    expect(gradeShareLadder(30, 45, 80)).toEqual([{ kind: 'exact' }, { kind: 'below', percent: 80 }, { kind: 'hidden' }]);
  });

  it('a large group whose exact share would reveal a small count still says whether it met the target', () => {
    // North: 45 audits, 2 below Good. The exact share (96%) would give the 2 away.
    const audits = [...many(43, { locality: 'north' }), ...many(2, { locality: 'north', grade: 'requires-improvement' }), ...many(60, { locality: 'south' }), ...many(15, { locality: 'south', grade: 'inadequate' })];
    const pub = design({ audits }).grades;
    protect(pub, finder(pub));
    const share = pub.figures.get('by-locality/north/share')!;
    expect(share.kind).toBe('share');
    const view = share.kind === 'share' ? share.ladder[share.step]! : undefined;
    expect(view?.kind).toBe('at-least');
  });
});

describe('property: after disclosure control, the solver finds nothing narrower than the rule', () => {
  const grades = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
  const localities = cfg.localities.map((l) => l.id).slice(0, 3);
  const types = ['ehc-plan', 'annual-review', 'ehc-needs-assessment'];
  const table = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 9 })), { minLength: 3, maxLength: 10 });

  it('holds for random small terms (solver as the oracle)', () => {
    fc.assert(
      fc.property(table, (groups) => {
        const audits = groups.flatMap(([l, t, g, n]) => many(n, { locality: localities[l]!, audit_type: types[t]!, grade: grades[g]! }));
        const pub = design({ audits }).grades;
        const { findings } = protect(pub, finder(pub));
        expect(failed(findings)).toEqual([]);
        for (const f of findings) {
          if (f.kind !== 'hidden count') continue;
          expect(f.max - f.min + 1).toBeGreaterThanOrEqual(cfg.disclosure.threshold);
          // The audit's range always holds the true value (the model is true of the data).
          const truth = fig(pub, f.id).truth;
          expect(f.min <= truth && truth <= f.max).toBe(true);
        }
      }),
      { numRuns: 12, seed: 20261123 },
    );
  }, 600_000);
});

describe("services' self-evaluation through the same proven step", () => {
  const selfPub = (counts: number[][]) => designSelfEvaluation({ standard: 'sen-services-1', years: counts.map((_, i) => `${2023 + i}/${24 + i}`), counts }, cfg);

  it('the old rule leaves the services below the top ratings pinned by subtraction; the solver closes it with a band', () => {
    // 36 services, 2 of them Satisfactory: showing the top ratings (34) and the services (36) gives the 2 away.
    const old = selfPub([[14, 20, 2, 0]]);
    expect(oldRule(old).find((f) => f.id === 'self/2023-24/rest')).toMatchObject({ min: 2, max: 2 });
    const pub = selfPub([[14, 20, 2, 0]]);
    expect(failed(protect(pub, finder(pub)).findings)).toEqual([]);
    expect(fig(pub, 'self/2023-24/top').hidden).toBe(true);
    expect(fig(pub, 'self/2023-24').hidden).toBe(false);
    expect(shareView(pub.figures.get('self/2023-24/top-share') as ShareFigure)).toMatchObject({ kind: 'at-least' });
  });

  it('holds for random self-evaluation tables (solver as the oracle)', () => {
    const year = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(fc.array(year, { minLength: 1, maxLength: 3 }), (years) => {
        const pub = selfPub(years.map((y) => [...y]));
        const { findings } = protect(pub, finder(pub));
        expect(failed(findings)).toEqual([]);
        for (const f of pub.figures.values()) if (f.kind === 'count' && !f.hidden) expect(f.truth === 0 || f.truth > cfg.disclosure.threshold, f.id).toBe(true);
        for (const f of findings) {
          if (f.kind !== 'hidden count') continue;
          expect(f.max - f.min + 1).toBeGreaterThanOrEqual(cfg.disclosure.threshold);
          const truth = fig(pub, f.id).truth;
          expect(f.min <= truth && truth <= f.max).toBe(true);
        }
      }),
      { numRuns: 40, seed: 20261124 },
    );
  }, 600_000);
});
