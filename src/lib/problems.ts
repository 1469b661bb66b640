/**
 * A problem found in a content or data file, written for the person who made the mistake:
 * where it is, what we found, what we expected and how to fix it.
 */
export interface Problem {
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** The field or column the problem is in, e.g. "audience[0]". */
  field?: string;
  /** What is wrong, in plain English. */
  message: string;
  /** What would have been accepted. */
  expected?: string;
  /** How to fix it. */
  fix?: string;
  /** "warning" for something to look at that does not stop the build (an overdue action); default "error". */
  severity?: 'error' | 'warning';
}

/** Whether a problem stops validation and the build: every problem except a warning. */
export const isError = (p: Problem) => p.severity !== 'warning';

/** Thrown when validation finds problems; carries all of them, not just the first. */
export class ValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], heading = 'The content or data has problems that stop the site being built.') {
    super(`${heading}\n\n${formatProblems(problems)}`);
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

function where(p: Problem): string {
  let s = p.file;
  if (p.line !== undefined) s += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) s += `:${p.column}`;
  return s;
}

/** One problem as a single readable paragraph. */
export function describeProblem(p: Problem): string {
  const parts = [p.field ? `${p.field}: ${p.message}` : p.message];
  if (p.expected) parts.push(`Expected ${p.expected}.`);
  if (p.fix) parts.push(`How to fix: ${p.fix}`);
  return parts.map((s) => s.trim()).map((s) => (/[.!?:]$/.test(s) ? s : `${s}.`)).join(' ');
}

/** All problems, grouped by file, for a terminal or a CI log. */
export function formatProblems(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(`${file} — ${list.length} problem${list.length === 1 ? '' : 's'}:`);
    for (const p of list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))) {
      out.push(`  ${where(p)}  ${p.severity === 'warning' ? 'Warning: ' : ''}${describeProblem(p)}`);
    }
    out.push('');
  }
  const n = problems.length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const note = warnings === 0 ? '' : warnings === n ? ` (${n === 1 ? 'a warning' : 'all warnings'}, which do not stop the build)` : ` (${warnings} of them warning${warnings === 1 ? '' : 's'}, which do not stop the build)`;
  out.push(`${n} problem${n === 1 ? '' : 's'} in ${byFile.size} file${byFile.size === 1 ? '' : 's'}${note}.`);
  return out.join('\n');
}
