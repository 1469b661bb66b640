/**
 * Problems as GitHub Actions workflow commands, so each appears as an annotation on the exact
 * file and line of a pull request: ::error file=…,line=…,col=…,title=…::message
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { appendFileSync } from 'node:fs';
import { describeProblem, quoteLine, type Problem } from './problems.ts';

/** Escapes the message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title…): also ":" and ",". */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(p: Problem): string {
  const props = [`file=${escapeProperty(p.file)}`];
  if (p.line !== undefined) props.push(`line=${p.line}`);
  if (p.line !== undefined && p.column !== undefined) props.push(`col=${p.column}`);
  const kind = p.severity === 'warning' ? 'Note' : 'Problem';
  props.push(`title=${escapeProperty(p.field ? `${kind} in ${p.field}` : `${kind} in this file`)}`);
  return `::${p.severity === 'warning' ? 'warning' : 'error'} ${props.join(',')}::${escapeData(describeProblem(p))}`;
}

export function annotations(problems: Problem[]): string {
  return problems.map(annotation).join('\n');
}

/** A table cell: one line, with what would break a Markdown table, or be read as HTML, escaped. */
function cell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** The problem's line as code in a table cell, shortened around the column (in code "<" shows as it is; "|" still needs escaping). */
function codeCell(p: Problem): string {
  const shown = quoteLine(p.source!, p.line ?? 1, p.column)[0]!.replace(/^\d+ \| /, '');
  return `\`${shown.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/**
 * Every problem as a Markdown table for the job summary ($GITHUB_STEP_SUMMARY): GitHub shows
 * only the first ten annotations of a step, and the summary shows them all.
 */
export function summaryTable(problems: Problem[], heading = 'Problems to fix before the site can be built'): string {
  const rows = problems.map((p) => {
    const where = p.line === undefined ? p.file : `${p.file}, line ${p.line}`;
    const what = cell(describeProblem({ ...p, fix: undefined }));
    const quoted = p.source === undefined ? '' : `<br>${codeCell(p)}`;
    return `| ${cell(where)} | ${what}${quoted} | ${cell(p.fix ?? '')} |`;
  });
  const n = problems.length;
  return [`### ${heading}`, '', `${n} problem${n === 1 ? '' : 's'}.`, '', '| Where | What is wrong | How to fix it |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

/**
 * In GitHub Actions: every problem as an annotation on its file and line (printed to stdout),
 * and all of them as a table in the job summary. Outside Actions, nothing.
 */
export function reportToGitHub(problems: Problem[], env: NodeJS.ProcessEnv = process.env): void {
  if (env.GITHUB_ACTIONS !== 'true' || !problems.length) return;
  console.log(annotations(problems));
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${summaryTable(problems)}\n`);
}
