import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionsForReport, filterActions, isOverdue, statusOn, statusSentence } from '../../../src/lib/actions';
import { checkBriefingComponents } from '../../../src/lib/briefing-check';
import { readMdx } from '../../../src/lib/mdx-source';
import { checkActionsText, personLike, type ActionsCheckContext } from '../../../src/lib/check/actions';
import { checkContent } from '../../../src/lib/content-check';
import { allTerms } from '../../../src/lib/data/terms';
import { loadPartnership } from '../../../src/lib/partnership';
import { formatProblems, isError, type Problem } from '../../../src/lib/problems';
import type { Action } from '../../../src/lib/schemas/actions';
import { ROOT, projectCopy } from '../../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const standardIds = new Set(['ehc-plan-1', 'ehc-plan-2', 'ehc-plan-3', 'sen-services-3', 'quality-offer-3']);
const ctx: ActionsCheckContext = { partnership: cfg, standardIds, today: '2026-11-23' };
const FILE = 'data/actions.yaml';

/** A log of one action, written as staff write it, with `change` applied to its lines. */
function log(change: (lines: string[]) => string[] = (l) => l): string {
  const lines = [
    'actions:',
    '  - id: named-contact',
    '    from: { feedbackTheme: communication, term: 2023-24-autumn, section: families }',
    '    stage: all',
    '    found: You told us you did not know who to contact.',
    '    agreed: Give every family one named contact.',
    '    owner: SEND casework team',
    '    due: 2024-04-30',
    '    history:',
    '      - { status: planned, on: 2024-01-22 }',
    '      - { status: in-progress, on: 2024-02-12 }',
    '      - { status: done, on: 2024-04-26 }',
  ];
  return `${change(lines).join('\n')}\n`;
}
const replace = (from: string, to: string) => (lines: string[]) => {
  const i = lines.findIndex((l) => l.includes(from));
  if (i === -1) throw new Error(`${from} not in the log`);
  return lines.map((l, k) => (k === i ? l.replace(from, to) : l));
};
const check = (text: string, c: ActionsCheckContext = ctx) => checkActionsText(text, c, FILE).problems;
const errors = (text: string, c?: ActionsCheckContext) => check(text, c).filter(isError);
/** The 1-based line of `text` holding `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Every refusal names the file, line and column, quotes the line, and says what was found, what was expected and how to fix it. */
function expectRefused(text: string, needle: string, field: string, message: RegExp): Problem {
  const list = errors(text);
  expect(list, formatProblems(list)).toHaveLength(1);
  const p = list[0]!;
  const line = lineOf(text, needle);
  expect(p).toMatchObject({ file: FILE, line, field });
  expect(p.column).toBeGreaterThan(0);
  expect(p.message).toMatch(message);
  expect(p.message).toContain(`(line ${line} reads: ${text.split('\n')[line - 1]!.trim()})`);
  expect(p.expected).toBeTruthy();
  expect(p.fix).toBeTruthy();
  return p;
}

describe('the actions log check', () => {
  it('accepts a well-formed action without a problem', () => {
    expect(check(log())).toEqual([]);
  });

  it('accepts the bundled example log with no errors, only warnings about overdue actions', () => {
    const problems = check(readFileSync(join(ROOT, FILE), 'utf8'), { ...ctx, standardIds: new Set(checkContent(ROOT).content.standards.map((s) => s.id)) });
    expect(problems.filter(isError)).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
    for (const w of problems) expect(w.severity).toBe('warning');
  });

  it('refuses a link to an unknown standard', () => {
    const text = log((l) => [...l.slice(0, 2), '    from: { standard: ehc-plan-9 }', ...l.slice(3)]);
    const p = expectRefused(text, 'ehc-plan-9', 'actions[0].from.standard', /found "ehc-plan-9", which is not a known standard/);
    expect(p.expected).toContain('ehc-plan-2');
  });

  it('refuses a link to an unknown feedback theme', () => {
    const text = log(replace('feedbackTheme: communication', 'feedbackTheme: comms'));
    const p = expectRefused(text, 'comms', 'actions[0].from.feedbackTheme', /found "comms", which is not one of the feedbackThemes/);
    expect(p.expected).toContain('being-listened-to');
  });

  it('refuses a link to an unknown complaint theme', () => {
    const text = log(replace('feedbackTheme: communication', 'complaintTheme: parking'));
    expectRefused(text, 'parking', 'actions[0].from.complaintTheme', /found "parking", which is not one of the complaintThemes/);
  });

  it('refuses a link to a report term that is not configured', () => {
    const text = log(replace('term: 2023-24-autumn', 'term: 2019-20-autumn'));
    const p = expectRefused(text, '2019-20-autumn', 'actions[0].from.term', /not a term in data\/partnership.yaml/);
    expect(p.expected).toContain('2023-24-autumn');
  });

  it('refuses a link to the report of a term that has not started', () => {
    const text = log(replace('term: 2023-24-autumn', 'term: 2026-27-summer'));
    expectRefused(text, '2026-27-summer', 'actions[0].from.term', /has not started yet/);
  });

  it('refuses a report section without the term of its report', () => {
    const text = log(replace('feedbackTheme: communication, term: 2023-24-autumn, section: families', 'section: families'));
    expectRefused(text, 'section: families', 'actions[0].from.section', /without the term/);
  });

  it('refuses an unknown report section, naming the sections there are', () => {
    const text = log(replace('section: families', 'section: parents'));
    const p = expectRefused(text, 'section: parents', 'actions[0].from.section', /found "parents"/);
    expect(p.expected).toContain('standards');
  });

  it('refuses an action that does not say what it comes from', () => {
    const text = log(replace('{ feedbackTheme: communication, term: 2023-24-autumn, section: families }', '{}'));
    expectRefused(text, 'from: {}', 'actions[0].from', /does not say what it comes from/);
  });

  it('refuses a "done" dated in the future', () => {
    const text = log(replace('{ status: done, on: 2024-04-26 }', '{ status: done, on: 2027-01-15 }'));
    const p = expectRefused(text, '2027-01-15', 'actions[0].history[2].on', /marked done on 2027-01-15, which is in the future/);
    expect(p.expected).toContain('2026-11-23');
  });

  it('refuses a status change without a date', () => {
    const text = log(replace('{ status: in-progress, on: 2024-02-12 }', '{ status: in-progress }'));
    expectRefused(text, '{ status: in-progress }', 'actions[0].history[1]', /the change to "in-progress" has no date/);
  });

  it('refuses an owner that looks like a person: two capitalised words', () => {
    const text = log(replace('owner: SEND casework team', 'owner: Jane Smith'));
    const p = expectRefused(text, 'Jane Smith', 'actions[0].owner', /found "Jane Smith", which looks like a person's name/);
    expect(p.expected).toMatch(/team or role/);
  });

  it('refuses an owner that is an email address, without repeating the address', () => {
    const text = log(replace('owner: SEND casework team', 'owner: j.smith@northvale.example'));
    const p = errors(text)[0]!;
    expect(p).toMatchObject({ file: FILE, line: lineOf(text, 'owner:'), field: 'actions[0].owner' });
    expect(p.message).toMatch(/looks like an email address/);
    expect(p.message.split('(line')[0]).not.toContain('j.smith');
  });

  it('tells a person from a team or role', () => {
    for (const person of ['Jane Smith', 'Sam J. Patel', 'Dr Okafor', 'SEND team (Jane Smith)', 'Mary Ann-Jones', 'jo@example.org']) expect(personLike(person), person).toBeDefined();
    for (const role of ['SEND casework team', 'Designated clinical officer', "Children's social care SEND lead", 'Educational psychology service', 'SEND panel chair', 'Head of SEND support services']) expect(personLike(role), role).toBeUndefined();
  });

  it('refuses a dropped action without a reason, and a reason on any other status', () => {
    const dropped = log(replace('{ status: done, on: 2024-04-26 }', '{ status: dropped, on: 2024-04-26 }'));
    expectRefused(dropped, 'dropped', 'actions[0].history[2]', /dropped without a reason/);
    const reason = log(replace('{ status: done, on: 2024-04-26 }', '{ status: done, on: 2024-04-26, reason: Finished. }'));
    expectRefused(reason, 'reason:', 'actions[0].history[2].reason', /has a reason/);
  });

  it('refuses status changes out of order, or after the action was done', () => {
    const order = log(replace('{ status: in-progress, on: 2024-02-12 }', '{ status: in-progress, on: 2024-01-02 }'));
    expectRefused(order, '2024-01-02', 'actions[0].history[1].on', /listed after the change to "planned" on 2024-01-22/);
    const after = log((l) => [...l, '      - { status: in-progress, on: 2024-05-01 }']);
    expectRefused(after, '2024-05-01', 'actions[0].history[3].status', /comes after the action was done/);
  });

  it('refuses a due date before the action was agreed', () => {
    const text = log(replace('due: 2024-04-30', 'due: 2023-12-01'));
    expectRefused(text, 'due: 2023-12-01', 'actions[0].due', /due on 2023-12-01, before it was agreed on 2024-01-22/);
  });

  it('refuses the same id twice', () => {
    const one = log().split('\n').slice(1).join('\n');
    const text = `${log()}${one}`;
    const list = errors(text);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ field: 'actions[1].id', line: 13, message: expect.stringContaining('already used by action 1') });
  });

  it('refuses an unknown field and a status that is not one of the four, with their lines', () => {
    const text = log(replace('stage: all', 'stages: all'));
    expectRefused(text, 'stages: all', 'actions[0].stages', /unknown field "stages"/);
    const status = log(replace('status: planned', 'status: agreed'));
    expectRefused(status, 'status: agreed', 'actions[0].history[0].status', /found "agreed"/);
  });

  it('reports YAML that cannot be read with its line', () => {
    const text = log(replace('    owner: SEND casework team', '    owner: "SEND casework team'));
    const list = check(text);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]!.message).toMatch(/YAML cannot be read/);
    expect(list[0]!.line).toBeGreaterThanOrEqual(lineOf(text, 'owner:'));
  });

  it('warns about an open action past its due date, without refusing it', () => {
    const text = log((l) => l.slice(0, -1));
    const list = check(text);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'warning', line: lineOf(text, 'due:'), field: 'actions[0].due' });
    expect(list[0]!.message).toMatch(/was due on 2024-04-30 and is still in progress, so it is overdue/);
    expect(formatProblems(list)).toContain('warning: ');
    expect(formatProblems(list)).toContain('1 warning in 1 file: advice only, it does not stop the site being published.');
    // Not overdue before its due date.
    expect(check(text, { ...ctx, today: '2024-04-01' })).toEqual([]);
  });
});

describe('the actions log in checkContent', () => {
  let p: ReturnType<typeof projectCopy>;
  beforeEach(() => {
    p = projectCopy();
  });
  afterEach(() => p.remove());

  it('reports a bad action in data/actions.yaml alongside other content problems', () => {
    p.edit(FILE, 'owner: SEND casework team', 'owner: Jane Smith');
    const list = checkContent(p.dir).problems.filter(isError);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ file: FILE, line: p.read(FILE).split('\n').findIndex((l) => l.includes('Jane Smith')) + 1 });
  });

  it('treats a partnership without an actions log as having no actions', () => {
    writeFileSync(join(p.dir, FILE), '');
    expect(checkContent(p.dir).problems).toEqual([]);
  });
});

describe('what the pages ask of the log', () => {
  const terms = allTerms(cfg);
  const action = (history: Action['history'], extra: Partial<Action> = {}): Action => ({ id: 'a', from: { term: '2024-25-autumn' }, found: 'x', agreed: 'y', owner: 'SEND casework team', due: '2025-03-31', history, ...extra });
  const a = action([{ status: 'planned', on: '2025-01-10' }, { status: 'in-progress', on: '2025-02-01' }, { status: 'done', on: '2025-05-02', note: 'Late.' }]);

  it('gives the status an action had on any day, and whether it was overdue then', () => {
    expect(statusOn(a, '2025-01-01')).toBeUndefined();
    expect(statusOn(a, '2025-02-01')?.status).toBe('in-progress');
    expect(isOverdue(a, '2025-04-15')).toBe(true);
    expect(isOverdue(a, '2025-06-01')).toBe(false);
    expect(statusSentence(a, '2025-06-01')).toBe('Done on 2 May 2025, later than planned (it was due by 31 March 2025).');
    expect(statusSentence(a, '2025-04-15')).toBe('Started on 1 February 2025 and not finished; it was due by 31 March 2025.');
  });

  it('filters by theme, status (including overdue), standard, stage and term', () => {
    const b = action([{ status: 'planned', on: '2025-01-10' }], { id: 'b', from: { feedbackTheme: 'timeliness', standard: 'ehc-plan-2' }, stage: 'all' });
    const both = [a, b];
    expect(filterActions(both, { theme: 'timeliness' }, '2025-06-01').map((x) => x.id)).toEqual(['b']);
    expect(filterActions(both, { status: 'overdue' }, '2025-06-01').map((x) => x.id)).toEqual(['b']);
    expect(filterActions(both, { status: 'done' }, '2025-06-01').map((x) => x.id)).toEqual(['a']);
    expect(filterActions(both, { standard: 'ehc-plan-2' }, '2025-06-01').map((x) => x.id)).toEqual(['b']);
    // An action for every stage shows under each stage.
    expect(filterActions(both, { stage: 'sen-support' }, '2025-06-01').map((x) => x.id)).toEqual(['b']);
    expect(filterActions(both, { term: '2024-25-autumn' }, '2025-06-01').map((x) => x.id)).toEqual(['a']);
  });

  it("lists a report's own actions and what happened during its term to open ones from earlier reports", () => {
    const spring = terms.find((t) => t.id === '2024-25-spring')!;
    const fromSpring = action([{ status: 'planned', on: '2025-05-01' }], { id: 'c', from: { term: '2024-25-spring' } });
    const closedBefore = action([{ status: 'planned', on: '2024-09-10' }, { status: 'done', on: '2024-12-01' }], { id: 'd', from: { term: '2024-25-autumn' } });
    const out = actionsForReport([a, fromSpring, closedBefore], spring, terms, '2026-11-23');
    expect(out.asOf).toBe(spring.end);
    expect(out.raised.map((x) => x.id)).toEqual(['c']);
    expect(out.earlier.map((x) => [x.action.id, x.status?.status])).toEqual([['a', 'in-progress']]);
  });
});

describe('<ActionList> in a briefing', () => {
  const refs = { standardIds, guidanceIds: new Set<string>(), partnership: cfg };
  // The body starts on line 10 of the file, after the frontmatter.
  const problems = (body: string) => checkBriefingComponents('content/briefings/x.mdx', readMdx('content/briefings/x.mdx', `---\ntitle: x\n---\n\n\n\n\n\n\n${body}`).elements, '2025-26-summer', refs);

  it('accepts the filters a briefing may use', () => {
    expect(problems('<ActionList theme="being-listened-to" status="done" />\n<ActionList standard="ehc-plan-2" stage="all" term="2024-25-autumn" />')).toEqual([]);
  });

  it('refuses an unknown theme, status or attribute with its line and column', () => {
    expect(problems('Intro.\n<ActionList theme="parking" />')).toEqual([expect.objectContaining({ line: 11, column: 13, field: '<ActionList> theme', message: 'found "parking", which is not a feedback or complaint theme' })]);
    expect(problems('<ActionList status="finished" />')[0]!.expected).toContain('overdue');
    expect(problems('<ActionList owner="SEND casework team" />')[0]!.message).toBe('<ActionList> has no attribute "owner"');
  });
});
