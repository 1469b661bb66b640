/**
 * Loads and checks every data file (audits, family feedback, compliments and complaints) once
 * per build, and builds the snapshot of published figures from them. Both are cached on
 * globalThis because the build reads them from two module graphs (the validation integration
 * and the pages).
 */
import { resolve } from 'node:path';
import { checkContent, type Content, type MdxBody } from '../content-check.ts';
import { PATHS } from '../paths.ts';
import { isError, type Problem } from '../problems.ts';
import { rowsInNoReport } from './read-dataset.ts';
import { redactIdentifiers } from './privacy.ts';
import type { AuditRecord, ColumnContext, ComplaintRecord, FeedbackRecord, SelfEvaluationRecord } from './columns.ts';
import { readDataset } from './read-dataset.ts';
import { checkBriefingComponents, noReport } from '../briefing-check.ts';
import { buildSnapshot, disclosureCacheDir, type Snapshot } from '../snapshot.ts';
import { naturalCompare } from '../sort.ts';
import { withSourceLines } from '../source-lines.ts';
import { DATASETS } from './columns.ts';
import { allTerms } from './terms.ts';
import { checkRevisedFigures } from '../report-updates.ts';
import { checkAllText } from '../check/text-follows-figures.ts';
import { figureRows } from './figures-table.ts';

export interface LoadedData {
  audits: AuditRecord[];
  feedback: FeedbackRecord[];
  complaints: ComplaintRecord[];
  /** Services' yearly self-ratings against the standards. */
  selfEvaluation: SelfEvaluationRecord[];
  files: string[];
  problems: Problem[];
  /** The published figures; undefined while the data have problems. */
  snapshot?: Snapshot;
  /** Notes that do not stop the build (severity "warning"), such as empty columns that were ignored. */
  notes: Problem[];
}

const KEY = Symbol.for('send-quality:data');
type Cache = Map<string, LoadedData>;
const cache = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Cache;

/**
 * The practice standards audits are checked against: every standard of each set that audit
 * records name in standards_not_met, in set and number order (so a standard never found
 * "not met" still has its 0).
 */
export function practiceStandards(content: Content, audits: readonly AuditRecord[]): string[] {
  const named = new Set(audits.flatMap((a) => a.standards_not_met));
  const sets = new Set(content.standards.filter((s) => named.has(s.id)).map((s) => s.data.set));
  return content.standards.filter((s) => sets.has(s.data.set)).map((s) => s.id).sort(naturalCompare);
}

/** Today's date (UTC) as YYYY-MM-DD; BUILD_DATE overrides it for reproducible builds and tests. */
export function today(): string {
  return process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10);
}

/**
 * Whether a content problem stops the data files being checked: the data are read against the
 * partnership's configuration and the list of standards, so while either has a mistake the data
 * checks would report errors that are not really there. Any other content problem (a guidance
 * page, a briefing's frontmatter) does not, and the data are checked alongside it.
 */
export function blocksDataChecks(p: Problem): boolean {
  return p.file === PATHS.partnership || p.file === PATHS.standardSets || p.file.startsWith(`${PATHS.standards.base}/`);
}

/**
 * Checks every content and data file: the one check `npm run validate` and the build both run.
 * `data` is undefined while a content problem blocks the data checks (see blocksDataChecks).
 */
export async function checkAll(root: string): Promise<{ content: Content; data?: LoadedData; problems: Problem[] }> {
  const { content, problems } = checkContent(root);
  // Always read afresh: a check is asked for because files may have changed (the cache serves the pages).
  const data = problems.some(blocksDataChecks) ? undefined : await loadData(root, { content, fresh: true });
  // Every message path (terminal, build log, annotations, job summary) takes its problems from
  // here: each problem in a content file quotes its line, and nothing that looks like personal
  // data is left in any of them.
  const all = withSourceLines(root, [...problems, ...(data?.problems ?? [])]).map(redactProblem);
  // Warnings (an overdue action) are shown with the notes and never stop the build.
  if (data) data.notes = [...data.notes, ...all.filter((p) => !isError(p))].map(redactProblem);
  return { content, data, problems: all.filter(isError) };
}

/** A problem with anything that looks like personal data removed from every text in it. */
export function redactProblem(p: Problem): Problem {
  const out: Problem = { ...p };
  for (const k of Object.keys(out) as (keyof Problem)[]) {
    const v = out[k];
    if (typeof v === 'string' && k !== 'file') (out as unknown as Record<string, unknown>)[k] = redactIdentifiers(v);
  }
  return out;
}

/** Reads every data file under root/data and builds the published figures, with all problems. */
export async function loadData(root: string, opts: { today?: string; fresh?: boolean; content?: Content; cache?: boolean } = {}): Promise<LoadedData> {
  root = resolve(root);
  const key = `${root}|${opts.today ?? today()}`;
  const hit = cache.get(key);
  if (hit && !opts.fresh) return hit;
  // The content already checked, when the caller has it, is not read again.
  const { content, problems: contentProblems } = opts.content ? { content: opts.content, problems: [] } : checkContent(root);
  if (!content.partnership) return { audits: [], feedback: [], complaints: [], selfEvaluation: [], files: [], problems: contentProblems, notes: [] };
  const ctx: ColumnContext = { cfg: content.partnership, standardIds: new Set(content.standards.map((s) => s.id)), today: opts.today ?? today() };
  const audits = readDataset<AuditRecord>(root, 'audits', ctx);
  const feedback = readDataset<FeedbackRecord>(root, 'feedback', ctx);
  const complaints = readDataset<ComplaintRecord>(root, 'complaints', ctx);
  const selfEvaluation = readDataset<SelfEvaluationRecord>(root, 'selfEvaluation', ctx);
  const dataProblems = [
    ...audits.problems,
    ...feedback.problems,
    ...complaints.problems,
    ...selfEvaluation.problems,
    ...rowsInNoReport(content.partnership, audits, { feedback: feedback.records, complaints: complaints.records }),
  ];
  // Briefings quote the reports: check every figure, chart and link they ask for. While the data
  // have problems there are no reports to check figures against, but links are still checked.
  const briefingProblems: Problem[] = [];
  const snapshot = dataProblems.length
    ? undefined
    : await buildSnapshot({
        cfg: content.partnership,
        audits: audits.records,
        feedback: feedback.records,
        complaints: complaints.records,
        selfEvaluation: selfEvaluation.records,
        standards: practiceStandards(content, audits.records),
        cacheDir: opts.cache === false ? undefined : disclosureCacheDir(root),
      });
  const reports = snapshot?.reports;
  const terms = allTerms(content.partnership).map((t) => t.id);
  const refs = {
    reports,
    standardIds: ctx.standardIds,
    guidanceIds: new Set(content.guidance.map((g) => g.id)),
    terms,
    auditFile: (term: string) => `${DATASETS.audits.folder}/${term}.csv`,
    partnership: content.partnership,
  };
  for (const b of content.briefings) {
    // A real term with no data yet: said once, on the frontmatter, naming the file it needs.
    if (reports && terms.includes(b.data.term) && !reports.some((r) => r.term.id === b.data.term)) {
      briefingProblems.push({ file: b.file, ...b.src.locate(['term']), field: 'term', ...noReport(b.data.term, refs) });
    }
  }
  // Every briefing's components, including those of a briefing whose frontmatter has a slip.
  const bodies: Pick<MdxBody, 'file' | 'term' | 'elements'>[] = content.briefingBodies ?? content.briefings.map((b) => ({ file: b.file, term: b.data.term, elements: b.elements }));
  for (const b of bodies) briefingProblems.push(...checkBriefingComponents(b.file, b.elements, b.term, refs));
  // Corrections name the figures they revised: each must be a figure of its report.
  const titles = new Map(content.standards.map((s) => [s.id, s.data.title]));
  const figuresOf = (termId: string) => {
    const report = reports?.find((r) => r.term.id === termId);
    if (!report) return undefined;
    return figureRows(report, { standardTitle: (id) => titles.get(id) ?? '' }).map((row) => ({ section: row.section, group: row.group, measure: row.measure }));
  };
  const updateProblems = reports ? checkRevisedFigures(root, content.partnership, figuresOf) : [];
  // Commentary and briefings say no more about a group than its published figure does.
  if (reports) updateProblems.push(...checkAllText(root, content.partnership, reports, content.briefings.map((b) => ({ file: b.file, term: b.data.term }))));
  const out: LoadedData = {
    audits: audits.records,
    feedback: feedback.records,
    complaints: complaints.records,
    problems: [...dataProblems, ...briefingProblems, ...updateProblems],
    snapshot,
    notes: [...audits.notes, ...feedback.notes, ...complaints.notes],
    selfEvaluation: selfEvaluation.records,
    files: [...audits.files, ...feedback.files, ...complaints.files, ...selfEvaluation.files],
  };
  cache.set(key, out);
  return out;
}
