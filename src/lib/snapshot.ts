/**
 * The one snapshot of published figures: checked records go in; every figure of every term
 * comes out, through one pipeline with named stages:
 *
 *   tally (src/lib/tally) → design (src/lib/disclose/design) → disclose and audit
 *   (src/lib/disclose/publication, solved by HiGHS) → describe (src/lib/data/report).
 *
 * Pages, charts, CSV downloads, briefings, the RSS feed and the search index read only this.
 * Row-level records never leave the pipeline. The snapshot is built once per build (validation
 * builds it; pages reuse it) and the disclosure decisions, which take the solver some seconds,
 * are kept on disk keyed by a hash of their inputs and of the code that makes them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Partnership } from './schemas/partnership.ts';
import type { AuditRecord, ComplaintRecord, FeedbackRecord, SelfEvaluationRecord } from './data/columns.ts';
import { allTerms, comparisons, type Term } from './data/terms.ts';
import { tallyTerms, type TermTally } from './tally/tally.ts';
import { designSelfEvaluation, designTerm, gradeShareLadder, type TermDesign } from './disclose/design.ts';
import { applyLineRule, audit, constraintsOf, hideZeroRows, protect, showKnownZeros, type Finding, type Publication } from './disclose/publication.ts';
import { loadSolver, RangeFinder } from './disclose/solver.ts';
import { assembleReport, type TermReport } from './data/report.ts';
import type { Figure, Percent } from './data/disclosure.ts';
import { describeSelfEvaluation, type SelfEvaluationFindings } from './data/self-evaluation.ts';
import { tallySelfEvaluation, type SelfEvaluationTally } from './tally/self-evaluation.ts';

export interface TermDisclosure {
  term: string;
  /** Every check the solver made on the final publication (each hidden count, derived count and row). */
  findings: Finding[];
  /** Milliseconds spent on disclosure control and its audit (0 when read from the cache). */
  ms: number;
  solves: number;
  cached: boolean;
}

export interface Snapshot {
  /** One report per term with audits, latest first. */
  reports: TermReport[];
  /** Services' self-ratings per standard and year, after disclosure control (src/lib/data/self-evaluation.ts). */
  selfEvaluation: Map<string, SelfEvaluationFindings>;
  /** One entry per term. */
  disclosure: TermDisclosure[];
  /** Disclosure control of the self-evaluation figures (every standard's table), with its audit. */
  selfEvaluationDisclosure: SelfEvaluationDisclosure;
}

export interface SnapshotInput {
  cfg: Partnership;
  audits: readonly AuditRecord[];
  feedback: readonly FeedbackRecord[];
  complaints: readonly ComplaintRecord[];
  /** Services' yearly self-ratings against the standards (none: no self-evaluation published). */
  selfEvaluation?: readonly SelfEvaluationRecord[];
  /** Practice standard ids audits are checked against, in report order. */
  standards: readonly string[];
  /** Where to keep disclosure decisions between builds; none to always solve afresh. */
  cacheDir?: string;
}

type Saved = Record<string, [boolean, string | undefined, number]>;

/** What disclosure control decided for one publication's figures. */
function savePublication(pub: Publication): Saved {
  const saved: Saved = {};
  for (const f of pub.figures.values()) saved[f.id] = [f.kind === 'share' ? false : f.hidden, f.kind === 'count' ? f.reason : undefined, f.kind === 'share' ? f.step : 0];
  return saved;
}

/** Puts saved decisions back on a publication; false when they do not fit it. */
function restorePublication(pub: Publication, s: Saved | undefined): boolean {
  if (!s || Object.keys(s).length !== pub.figures.size) return false;
  for (const f of pub.figures.values()) if (!s[f.id]) return false;
  for (const f of pub.figures.values()) {
    const v = s[f.id]!;
    if (f.kind === 'share') f.step = v[2];
    else f.hidden = v[0];
    if (f.kind === 'count') f.reason = v[1] as 'small' | 'secondary' | undefined;
  }
  return true;
}

const PUBLICATIONS = ['grades', 'moderation', 'standards', 'feedback', 'complaints'] as const;

/** What disclosure control decided, per figure: hidden (with why) or, for shares, how much is shown. */
function saveDecisions(design: TermDesign): Record<string, Saved> {
  const out: Record<string, Saved> = {};
  for (const name of PUBLICATIONS) {
    const saved: Saved = {};
    for (const f of design[name].figures.values()) saved[f.id] = [f.kind === 'share' ? false : f.hidden, f.kind === 'count' ? f.reason : undefined, f.kind === 'share' ? f.step : 0];
    out[name] = saved;
  }
  return out;
}

function restoreDecisions(design: TermDesign, saved: Record<string, Saved>): boolean {
  for (const name of PUBLICATIONS) {
    const s = saved[name];
    if (!s || Object.keys(s).length !== design[name].figures.size) return false;
    for (const f of design[name].figures.values()) {
      const v = s[f.id];
      if (!v) return false;
      if (f.kind === 'share') f.step = v[2];
      else f.hidden = v[0];
      if (f.kind === 'count') f.reason = v[1] as 'small' | 'secondary' | undefined;
    }
  }
  return true;
}

// The code that makes the decisions is part of the cache key, so changing it solves afresh.
const CODE = createHash('sha256')
  .update([designTerm, gradeShareLadder, protect, audit, applyLineRule, hideZeroRows, showKnownZeros, constraintsOf, tallyTerms].map((f) => f.toString()).join('\n'))
  .digest('hex')
  .slice(0, 16);

function cacheKey(t: TermTally, cfg: Partnership, standards: readonly string[]): string {
  const shape = {
    code: CODE,
    threshold: cfg.disclosure.threshold,
    target: cfg.target.goodOrBetterPercent,
    grades: cfg.grades.map((g) => [g.id, g.goodOrBetter]),
    ids: [cfg.auditTypes, cfg.localities, cfg.auditLevels, cfg.feedbackThemes, cfg.complaintThemes].map((l) => l.map((o) => o.id)),
    standards,
    counts: [t.grades, t.timely, t.moderated, t.notMet, t.ratings, t.feedbackThemes, t.complaints, t.decided],
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 32);
}

/** Disclosure control and its audit for one term's publications. */
async function disclose(t: TermTally, design: TermDesign, cfg: Partnership, standards: readonly string[], cacheDir?: string): Promise<TermDisclosure> {
  const file = cacheDir && join(cacheDir, `${cacheKey(t, cfg, standards)}.json`);
  if (file && existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { decisions: Record<string, Saved>; findings: Finding[] };
      if (restoreDecisions(design, saved.decisions)) return { term: t.term.id, findings: saved.findings, ms: 0, solves: 0, cached: true };
    } catch {
      // An unreadable cache entry is solved again.
    }
  }
  const started = performance.now();
  const highs = await loadSolver();
  const findings: Finding[] = [];
  let solves = 0;
  for (const name of PUBLICATIONS) {
    const pub: Publication = design[name];
    if (!pub.atoms.length) continue;
    const result = protect(pub, new RangeFinder(highs, pub.atoms.length));
    findings.push(...result.findings);
    solves += result.solves;
  }
  const failed = findings.filter((f) => !f.ok);
  if (failed.length) throw new Error(`Disclosure control for ${t.term.label} left ${failed.length} figure(s) that could be worked out: ${failed.map((f) => f.id).join(', ')}.`);
  if (file) {
    mkdirSync(cacheDir!, { recursive: true });
    writeFileSync(file, JSON.stringify({ decisions: saveDecisions(design), findings }));
  }
  return { term: t.term.id, findings, ms: Math.round(performance.now() - started), solves, cached: false };
}

/** Builds every term's published figures. */
export async function buildSnapshot(input: SnapshotInput): Promise<Snapshot> {
  const { cfg, standards } = input;
  const terms = allTerms(cfg);
  const tallies = tallyTerms(input);
  const earlier = new Map<string, { term: Term; audits: Figure; goodOrBetter: Percent }>();
  const reports: TermReport[] = [];
  const disclosure: TermDisclosure[] = [];
  for (const t of tallies) {
    const design = designTerm(t, cfg, standards);
    const d = await disclose(t, design, cfg, standards, input.cacheDir);
    disclosure.push(d);
    const cmp = comparisons(terms, t.term);
    const report = assembleReport({ cfg, term: t.term, design, standards, earlier: new Map(earlier), previous: cmp.previous, lastYear: cmp.lastYear });
    report.disclosure.checks = d.findings.length;
    report.disclosure.failed = d.findings.filter((f) => !f.ok).length;
    reports.push(report);
    earlier.set(t.term.id, { term: t.term, audits: report.audits, goodOrBetter: report.goodOrBetter });
  }
  const self = await discloseSelfEvaluation(input.selfEvaluation ?? [], cfg, input.cacheDir);
  return { reports: reports.reverse(), selfEvaluation: self.findings, disclosure, selfEvaluationDisclosure: self.disclosure };
}

/** The folder disclosure decisions are kept in for a project. */
export const disclosureCacheDir = (root: string) => join(root, 'node_modules', '.cache', 'send-quality', 'disclosure');

export interface SelfEvaluationDisclosure {
  /** Every check the solver made on the final publications, each id prefixed with its standard. */
  findings: Finding[];
  ms: number;
  solves: number;
  cached: boolean;
}

const SELF_CODE = createHash('sha256')
  .update([designSelfEvaluation, gradeShareLadder, tallySelfEvaluation, protect, audit, applyLineRule, hideZeroRows, showKnownZeros, constraintsOf].map((f) => f.toString()).join('\n'))
  .digest('hex')
  .slice(0, 16);

/**
 * Services' self-evaluation through the same proven disclosure step as the reports: one
 * publication per standard (its years as rows), protected by the solver until no hidden count
 * can be narrowed to fewer than `threshold` values, then audited in full. Decisions are cached
 * on disk like the terms'.
 */
export async function discloseSelfEvaluation(
  records: readonly SelfEvaluationRecord[],
  cfg: Partnership,
  cacheDir?: string,
): Promise<{ findings: Map<string, SelfEvaluationFindings>; disclosure: SelfEvaluationDisclosure; tallies: SelfEvaluationTally[]; publications: Map<string, Publication> }> {
  const tallies = tallySelfEvaluation(records, cfg);
  const publications = new Map(tallies.map((t) => [t.standard, designSelfEvaluation(t, cfg)]));
  const key = createHash('sha256')
    .update(JSON.stringify({ code: SELF_CODE, threshold: cfg.disclosure.threshold, scale: cfg.selfEvaluation.scale.map((r) => r.id), tallies }))
    .digest('hex')
    .slice(0, 32);
  const file = cacheDir && join(cacheDir, `self-evaluation-${key}.json`);
  const describe = () => new Map(tallies.map((t) => [t.standard, describeSelfEvaluation(t, publications.get(t.standard)!, cfg)]));
  if (file && existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { decisions: Record<string, Saved>; findings: Finding[] };
      if ([...publications].every(([id, pub]) => restorePublication(pub, saved.decisions[id]))) {
        return { findings: describe(), disclosure: { findings: saved.findings, ms: 0, solves: 0, cached: true }, tallies, publications };
      }
    } catch {
      // An unreadable cache entry is solved again.
    }
  }
  const started = performance.now();
  const findings: Finding[] = [];
  let solves = 0;
  if (publications.size) {
    const highs = await loadSolver();
    for (const [id, pub] of publications) {
      const result = protect(pub, new RangeFinder(highs, pub.atoms.length));
      findings.push(...result.findings.map((f) => ({ ...f, id: `${id}:${f.id}` })));
      solves += result.solves;
    }
  }
  const failed = findings.filter((f) => !f.ok);
  if (failed.length) throw new Error(`Disclosure control of the self-evaluation left ${failed.length} figure(s) that could be worked out: ${failed.map((f) => f.id).join(', ')}.`);
  if (file) {
    mkdirSync(cacheDir!, { recursive: true });
    writeFileSync(file, JSON.stringify({ decisions: Object.fromEntries([...publications].map(([id, pub]) => [id, savePublication(pub)])), findings }));
  }
  return { findings: describe(), disclosure: { findings, ms: Math.round(performance.now() - started), solves, cached: false }, tallies, publications };
}
