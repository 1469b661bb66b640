/**
 * Problems as GitHub Actions workflow commands, so each appears as an annotation on the exact
 * file and line of a pull request: ::error file=…,line=…,col=…,title=…::message
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { describeProblem, type Problem } from './problems';

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
  props.push(`title=${escapeProperty(p.field ? `Problem in ${p.field}` : 'Problem in this file')}`);
  return `::${p.severity === 'warning' ? 'warning' : 'error'} ${props.join(',')}::${escapeData(describeProblem(p))}`;
}

export function annotations(problems: Problem[]): string {
  return problems.map(annotation).join('\n');
}
