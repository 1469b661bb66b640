/**
 * Checks the actions log (data/actions.yaml): every action links to something real (a standard,
 * a report term and section, a feedback or complaint theme), is owned by a team or role rather
 * than a person, and has a status history that could have happened. Each problem names the file,
 * line and column and quotes the line; an action past its due date is a warning, not an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS } from '../paths.ts';
import type { Problem } from '../problems.ts';
import { ActionsLogSchema, CLOSED_STATUSES, STATUS_LABELS, type Action, type ActionsLog } from '../schemas/actions.ts';
import type { Partnership } from '../schemas/partnership.ts';
import { allTerms } from '../data/terms.ts';
import { isEmail } from '../data/privacy.ts';
import { parseYamlSource, type YamlSource } from '../yaml-source.ts';
import { zodProblems } from '../zod-problems.ts';

export interface ActionsCheckContext {
  /** The partnership's configuration; without it, links to terms and themes are not checked. */
  partnership?: Partnership;
  /** Ids of every standard, e.g. "ehc-plan-2". */
  standardIds: ReadonlySet<string>;
  /** Today, YYYY-MM-DD (the build date): later status dates are refused, earlier due dates of open actions warned about. */
  today: string;
}

const TITLES = /^(?:dr|mr|mrs|ms|miss|mx|prof|sir|dame)\.?\s/i;
// Two capitalised words, optionally with a middle initial: "Jane Smith", "Sam J. Patel".
const TWO_NAMES = /^[A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?$/;

/** Why an owner looks like a person rather than a team or role, or undefined. */
export function personLike(owner: string): string | undefined {
  if (owner.includes('@') && isEmail(owner)) return 'an email address';
  // Look at the whole owner and at each part in brackets or after a comma or dash: "SEND team (Jane Smith)".
  const parts = [owner, ...owner.split(/[(),;/]|\s[–—-]\s/)].map((p) => p.trim()).filter(Boolean);
  if (parts.some((p) => TITLES.test(p))) return "a person's title and name";
  if (parts.some((p) => TWO_NAMES.test(p))) return "a person's name (two words each starting with a capital letter)";
  return undefined;
}

/** The text of a 1-based line, trimmed and shortened, for quoting in a message. */
function quoteLine(lines: readonly string[], line: number | undefined): string | undefined {
  if (line === undefined) return undefined;
  const text = lines[line - 1]?.trim();
  if (!text) return undefined;
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}

/** Read and check data/actions.yaml. A partnership without the file has no actions, and no problem. */
export function checkActions(root: string, ctx: ActionsCheckContext): Problem[] {
  let text: string;
  try {
    text = readFileSync(join(root, PATHS.actions), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return [];
  }
  return checkActionsText(text, ctx).problems;
}

/** Check the text of an actions log; returns the log when it can be read, and every problem. */
export function checkActionsText(text: string, ctx: ActionsCheckContext, file: string = PATHS.actions): { log?: ActionsLog; problems: Problem[] } {
  const lines = text.split(/\r?\n/);
  const quoted = (p: Problem): Problem => {
    const q = quoteLine(lines, p.line);
    return q ? { ...p, message: `${p.message} (line ${p.line} reads: ${q})` } : p;
  };
  const src = parseYamlSource(text, file);
  if (src.problems.length) return { problems: src.problems.map(quoted) };
  // An empty file is an empty log.
  const result = ActionsLogSchema.safeParse(src.data ?? { actions: [] });
  if (!result.success) {
    return { problems: zodProblems(result.error, src).map(quoted) };
  }
  const log = result.data;
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  log.actions.forEach((a, i) => {
    const first = seen.get(a.id);
    if (first !== undefined) {
      problems.push({ ...at(src, i, ['id']), field: `actions[${i}].id`, message: `the id "${a.id}" is already used by action ${first + 1}`, expected: 'every action to have a different id', fix: 'give this action a new id (it is used in links, so do not change the other one)' });
    } else seen.set(a.id, i);
    problems.push(...checkAction(a, i, src, ctx));
  });
  return { log, problems: problems.map(quoted) };
}

function at(src: YamlSource, i: number, path: PropertyKey[]): Pick<Problem, 'file' | 'line' | 'column'> {
  return { file: src.file, ...src.locate(['actions', i, ...path]) };
}

function checkAction(a: Action, i: number, src: YamlSource, ctx: ActionsCheckContext): Problem[] {
  const problems: Problem[] = [];
  const here = (path: PropertyKey[], field: string) => ({ ...at(src, i, path), field: `actions[${i}].${field}` });
  const cfg = ctx.partnership;
  const from = a.from;

  if (!from.standard && !from.term && !from.section && !from.feedbackTheme && !from.complaintTheme) {
    problems.push({ ...here(['from'], 'from'), message: `action "${a.id}" does not say what it comes from`, expected: 'at least one of standard, term (with section), feedbackTheme or complaintTheme', fix: 'add what was found or heard, e.g. "from: { standard: ehc-plan-2, term: 2024-25-autumn, section: standards }"' });
  }
  if (from.standard && !ctx.standardIds.has(from.standard)) {
    problems.push({ ...here(['from', 'standard'], 'from.standard'), message: `found "${from.standard}", which is not a known standard`, expected: `a standard id written <set>-<number>, one of: ${[...ctx.standardIds].join(', ')}`, fix: "check the set and number on the standard's page" });
  }
  if (from.section && !from.term) {
    problems.push({ ...here(['from', 'section'], 'from.section'), message: `the report section "${from.section}" is given without the term of its report`, expected: `term alongside section, e.g. "term: 2024-25-autumn"`, fix: 'add the term of the report the finding is in' });
  }
  if (cfg) {
    const terms = allTerms(cfg).filter((t) => t.start <= ctx.today);
    if (from.term && !terms.some((t) => t.id === from.term)) {
      const future = allTerms(cfg).some((t) => t.id === from.term);
      problems.push({
        ...here(['from', 'term'], 'from.term'),
        message: future ? `found "${from.term}", a term that has not started yet, so it has no report` : `found "${from.term}", which is not a term in data/partnership.yaml`,
        expected: `the term of a report, one of: ${terms.map((t) => t.id).join(', ')}`,
        fix: 'correct the term (written like 2024-25-autumn)',
      });
    }
    const themes = [
      ['feedbackTheme', cfg.feedbackThemes, 'feedbackThemes'],
      ['complaintTheme', cfg.complaintThemes, 'complaintThemes'],
    ] as const;
    for (const [key, list, configKey] of themes) {
      const id = from[key];
      if (id && !list.some((t) => t.id === id)) {
        problems.push({ ...here(['from', key], `from.${key}`), message: `found "${id}", which is not one of the ${configKey} in data/partnership.yaml`, expected: `one of: ${list.map((t) => t.id).join(', ')}`, fix: `correct the theme, or add it to ${configKey} in data/partnership.yaml` });
      }
    }
  }

  const who = personLike(a.owner);
  if (who) {
    problems.push({ ...here(['owner'], 'owner'), message: `found "${who === 'an email address' ? 'an email address' : a.owner}", which looks like ${who}`, expected: 'the team or role that owns the action, never a person, e.g. "SEND statutory assessment team" or "Designated clinical officer"', fix: 'write the team or role (in sentence case), not the person; people change jobs, and the log is published' });
  }

  // The status history: dated, in order, possible, and never in the future.
  let previous: { status: string; on: string } | undefined;
  a.history.forEach((h, k) => {
    const field = `history[${k}]`;
    if (!h.on) {
      problems.push({ ...here(['history', k], field), message: `the change to "${h.status}" has no date`, expected: 'every status change to say the day it happened, e.g. "on: 2024-03-01"', fix: `add "on: YYYY-MM-DD" to this status` });
    } else if (h.on > ctx.today) {
      problems.push({
        ...here(['history', k, 'on'], `${field}.on`),
        message: h.status === 'done' ? `the action is marked done on ${h.on}, which is in the future` : `the change to "${h.status}" is dated ${h.on}, which is in the future`,
        expected: `a date no later than today (${ctx.today})`,
        fix: h.status === 'done' ? 'record "done" on the day it was done, once it has been; until then keep the current status' : 'check the date; record a change once it has happened',
      });
    }
    if (k === 0 && !['planned', 'in-progress'].includes(h.status)) {
      problems.push({ ...here(['history', k, 'status'], `${field}.status`), message: `the first status is "${h.status}"`, expected: 'the first status to be planned or in-progress, on the day the action was agreed', fix: 'add the day it was agreed as "- { status: planned, on: … }" before this line' });
    }
    if (previous && CLOSED_STATUSES.includes(previous.status as never)) {
      problems.push({ ...here(['history', k, 'status'], `${field}.status`), message: `a change to "${h.status}" comes after the action was ${previous.status}`, expected: 'no change after done or dropped', fix: 'if the work started again, add a new action that links to the same finding' });
    }
    if (previous && h.on && h.on < previous.on) {
      problems.push({ ...here(['history', k, 'on'], `${field}.on`), message: `the change to "${h.status}" on ${h.on} is listed after the change to "${previous.status}" on ${previous.on}`, expected: 'status changes oldest first, each on or after the one before', fix: 'check the dates, or put the changes in the order they happened' });
    }
    if (h.status === 'dropped' && !h.reason) {
      problems.push({ ...here(['history', k], field), message: 'the action is dropped without a reason', expected: 'a reason, in plain English, e.g. "reason: The service it was for has closed."', fix: 'add "reason: …" saying why the action was dropped' });
    }
    if (h.status !== 'dropped' && h.reason) {
      problems.push({ ...here(['history', k, 'reason'], `${field}.reason`), message: `a "${h.status}" status has a reason`, expected: 'reason only when the status is dropped', fix: 'write what happened as "note: …" instead' });
    }
    if (h.on) previous = { status: h.status, on: h.on };
  });

  const agreed = a.history[0]?.on;
  if (agreed && a.due < agreed) {
    problems.push({ ...here(['due'], 'due'), message: `the action is due on ${a.due}, before it was agreed on ${agreed}`, expected: `a due date on or after ${agreed}`, fix: 'check the due date and the date of the first status' });
  }
  const current = a.history.at(-1)!;
  if (!CLOSED_STATUSES.includes(current.status) && a.due < ctx.today) {
    problems.push({
      ...here(['due'], 'due'),
      severity: 'warning',
      message: `action "${a.id}" was due on ${a.due} and is still ${STATUS_LABELS[current.status].toLowerCase()}, so it is overdue (it is shown as overdue on the actions page)`,
      expected: `a status of done or dropped, or a due date from ${ctx.today} on`,
      fix: 'record what has happened: add "- { status: done, on: … }", or a new due date agreed with the owner, or "- { status: dropped, on: …, reason: … }"',
    });
  }
  return problems;
}

