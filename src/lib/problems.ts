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
  /** 'warning' for a note that does not stop the build; an error when left out. */
  severity?: 'error' | 'warning';
  /** The nearest accepted value, for a near miss ("good-or-better" for "good-or-beter"). */
  didYouMean?: string;
  /**
   * The text of the line the problem is on, quoted under the message with the column marked.
   * Only for content files: a data file's line may hold personal data, and is never echoed.
   */
  source?: string;
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

/** Characters that cannot be seen: a non-breaking space (Word) or a zero-width one (web pages). */
export const INVISIBLE = /[\u00a0\u200b\u200c\u200d\u2060\ufeff]/;

/** One problem as a single readable paragraph. */
export function describeProblem(p: Problem): string {
  const parts = [p.field ? `${p.field}: ${p.message}` : p.message];
  // Say so when the text quoted holds a character that cannot be seen (pasted from Word or a web
  // page): otherwise 'found "audits" … Did you mean "audits"?' reads as nonsense.
  if (INVISIBLE.test(p.message) && !/non-breaking|invisible/.test(p.message)) parts.push('The text found holds a character that cannot be seen, such as one pasted from Word or a web page: delete it and type the value again');
  if (p.didYouMean) parts.push(`Did you mean ${p.didYouMean}?`);
  if (p.expected) parts.push(`Expected ${p.expected}.`);
  if (p.fix) parts.push(`How to fix: ${p.fix}`);
  return parts.map((s) => s.trim()).map((s) => (/[.!?:]$/.test(s) ? s : `${s}.`)).join(' ');
}

/** Longest stretch of a line quoted on either side of the marked column. */
const QUOTE_REACH = 50;

/**
 * A line of a file as two lines of text: the line (shortened around the column when long, as a
 * briefing paragraph is one long line) and a caret under the column.
 *   12 | We completed <Stat metric="good-or-beter" /> audits this term.
 *      |                    ^
 */
export function quoteLine(text: string, line: number, column?: number): string[] {
  const plain = text.replace(/\t/g, ' ').replace(/\s+$/, '');
  const at = Math.min(Math.max((column ?? 1) - 1, 0), plain.length);
  const start = Math.max(0, at - QUOTE_REACH);
  const end = Math.min(plain.length, at + QUOTE_REACH);
  const shown = `${start > 0 ? '…' : ''}${plain.slice(start, end)}${end < plain.length ? '…' : ''}`;
  const gutter = String(line);
  const out = [`${gutter} | ${shown}`];
  if (column !== undefined) out.push(`${' '.repeat(gutter.length)} | ${' '.repeat(at - start + (start > 0 ? 1 : 0))}^`);
  return out;
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
    const warnings = list.filter((p) => p.severity === 'warning').length;
    const errors = list.length - warnings;
    const counts = [errors && `${errors} problem${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
    out.push(`${file} — ${counts}:`);
    for (const p of list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))) {
      out.push(`  ${where(p)}  ${p.severity === 'warning' ? 'warning: ' : ''}${describeProblem(p)}`);
      if (p.source !== undefined && p.line !== undefined) out.push(...quoteLine(p.source, p.line, p.column).map((l) => `      ${l}`));
    }
    out.push('');
  }
  const w = problems.filter((p) => p.severity === 'warning').length;
  const n = problems.length - w;
  const files = `${byFile.size} file${byFile.size === 1 ? '' : 's'}`;
  // Warnings alone are advice: "0 problems" above a list of problems printed next would read as
  // a contradiction, so a list of warnings says what they are instead.
  out.push(
    n === 0 && w
      ? `${w} warning${w === 1 ? '' : 's'} in ${files}: advice only, ${w === 1 ? 'it does' : 'they do'} not stop the site being published.`
      : `${n} problem${n === 1 ? '' : 's'}${w ? ` and ${w} warning${w === 1 ? '' : 's'}` : ''} in ${files}.`,
  );
  return out.join('\n');
}
