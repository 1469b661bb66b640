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
import type { Partnership } from './schemas/partnership';
import type { AuditRecord, ComplaintRecord, FeedbackRecord } from './data/columns';
import { allTerms, comparisons, type Term } from './data/terms';
import { tallyTerms, type TermTally } from './tally/tally';
import { designTerm, gradeShareLadder, type TermDesign } from './disclose/design';
import { applyLineRule, audit, constraintsOf, hideZeroRows, protect, showKnownZeros, type Finding, type Publication } from './disclose/publication';
import { loadSolver, RangeFinder } from './disclose/solver';
import { assembleReport, type TermReport } from './data/report';
import type { Figure, Percent } from './data/disclosure';
import type { SelfEvaluationFindings } from './data/self-evaluation';

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
  selfEvaluation?: Map<string, SelfEvaluationFindings>;
  disclosure: TermDisclosure[];
}

export interface SnapshotInput {
  cfg: Partnership;
  audits: readonly AuditRecord[];
  feedback: readonly FeedbackRecord[];
  complaints: readonly ComplaintRecord[];
  /** Practice standard ids audits are checked against, in report order. */
  standards: readonly string[];
  /** Where to keep disclosure decisions between builds; none to always solve afresh. */
  cacheDir?: string;
}

type Saved = Record<string, [boolean, string | undefined, number]>;

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
  return { reports: reports.reverse(), disclosure };
}

/** The folder disclosure decisions are kept in for a project. */
export const disclosureCacheDir = (root: string) => join(root, 'node_modules', '.cache', 'send-quality', 'disclosure');
