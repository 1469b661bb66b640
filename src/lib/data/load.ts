/**
 * Loads and checks every data file (audits, family feedback, compliments and complaints) once
 * per build. The result is cached on globalThis because the build reads it from two module
 * graphs (the validation integration and the content-layer loaders).
 */
import { checkContent, type Content } from '../content-check';
import { PATHS } from '../paths';
import type { Problem } from '../problems';
import type { AuditRecord, ColumnContext, ComplaintRecord, FeedbackRecord, SelfEvaluationRecord } from './columns';
import { readDataset } from './read-dataset';
import { buildReports } from './report';
import { checkBriefingComponents, scanComponents } from '../briefing-check';

export interface LoadedData {
  audits: AuditRecord[];
  feedback: FeedbackRecord[];
  complaints: ComplaintRecord[];
  /** Services' yearly self-ratings against the standards. */
  selfEvaluation: SelfEvaluationRecord[];
  files: string[];
  problems: Problem[];
}

const KEY = Symbol.for('send-quality:data');
type Cache = Map<string, LoadedData>;
const cache = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Cache;

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
export function checkAll(root: string): { content: Content; data?: LoadedData; problems: Problem[] } {
  const { content, problems } = checkContent(root);
  const data = problems.some(blocksDataChecks) ? undefined : loadData(root, { content });
  return { content, data, problems: [...problems, ...(data?.problems ?? [])] };
}

/** Reads every data file under root/data, with all problems. */
export function loadData(root: string, opts: { today?: string; fresh?: boolean; content?: Content } = {}): LoadedData {
  const key = `${root}|${opts.today ?? today()}`;
  const hit = cache.get(key);
  if (hit && !opts.fresh) return hit;
  // The content already checked, when the caller has it, is not read again.
  const { content, problems: contentProblems } = opts.content ? { content: opts.content, problems: [] } : checkContent(root);
  if (!content.partnership) return { audits: [], feedback: [], complaints: [], selfEvaluation: [], files: [], problems: contentProblems };
  const ctx: ColumnContext = { cfg: content.partnership, standardIds: new Set(content.standards.map((s) => s.id)), today: opts.today ?? today() };
  const audits = readDataset<AuditRecord>(root, 'audits', ctx);
  const feedback = readDataset<FeedbackRecord>(root, 'feedback', ctx);
  const complaints = readDataset<ComplaintRecord>(root, 'complaints', ctx);
  const selfEvaluation = readDataset<SelfEvaluationRecord>(root, 'selfEvaluation', ctx);
  const dataProblems = [...audits.problems, ...feedback.problems, ...complaints.problems, ...selfEvaluation.problems];
  // Briefings quote the reports: check every figure, chart and link they ask for. While the data
  // have problems there are no reports to check figures against, but links are still checked.
  const briefingProblems: Problem[] = [];
  const reports = dataProblems.length
    ? undefined
    : buildReports({ cfg: content.partnership, audits: audits.records, feedback: feedback.records, complaints: complaints.records });
  const refs = { reports, standardIds: ctx.standardIds, guidanceIds: new Set(content.guidance.map((g) => g.id)), partnership: content.partnership };
  for (const b of content.briefings) {
    const src = b.src as unknown as { body: string; bodyLine: number };
    briefingProblems.push(...checkBriefingComponents(b.file, scanComponents(src.body, src.bodyLine), refs));
  }
  const out: LoadedData = {
    audits: audits.records,
    feedback: feedback.records,
    complaints: complaints.records,
    selfEvaluation: selfEvaluation.records,
    files: [...audits.files, ...feedback.files, ...complaints.files, ...selfEvaluation.files],
    problems: [...dataProblems, ...briefingProblems],
  };
  cache.set(key, out);
  return out;
}
