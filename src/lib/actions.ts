import { longDate } from './dates.ts';
/**
 * The actions log for pages: load it once, and answer the questions the pages ask (what is the
 * status of an action on a given day, which are overdue, which came from a term's report, which
 * match a briefing's filter). Statuses and dates always come from the log, never from prose.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlFile } from './load-yaml.ts';
import { PATHS } from './paths.ts';
import { ActionsLogSchema, ACTION_STATUSES, CLOSED_STATUSES, REPORT_SECTION_LABELS, STATUS_LABELS, type Action, type ActionStatus, type StatusChange } from './schemas/actions.ts';
import { LABELS, STAGES, type Stage } from './schemas/common.ts';
import type { Partnership } from './schemas/partnership.ts';
import type { Term } from './data/terms.ts';

/** A status change whose date the checks have made sure of. */
export type DatedChange = StatusChange & { on: string };

const cache = new Map<string, Action[]>();

/** Every action in data/actions.yaml (checked by npm run validate and the build), newest first. None if there is no log. */
export function loadActions(root = process.cwd()): Action[] {
  let list = cache.get(root);
  if (!list) {
    list = existsSync(join(root, PATHS.actions)) ? (loadYamlFile(root, PATHS.actions, ActionsLogSchema).actions ?? []) : [];
    list = [...list].sort((a, b) => raisedOn(b).localeCompare(raisedOn(a)) || a.id.localeCompare(b.id));
    cache.set(root, list);
  }
  return list;
}

/** The day the action was agreed: its first status change. */
export function raisedOn(a: Action): string {
  return a.history[0]?.on ?? '';
}

/** The latest status change on or before `asOf`, or undefined if the action had not been agreed by then. */
export function statusOn(a: Action, asOf: string): DatedChange | undefined {
  let out: DatedChange | undefined;
  for (const h of a.history) if (h.on && h.on <= asOf) out = h as DatedChange;
  return out;
}

/** Open (not done or dropped) on `today` and past its due date. */
export function isOverdue(a: Action, today: string): boolean {
  const s = statusOn(a, today);
  return !!s && !CLOSED_STATUSES.includes(s.status) && a.due < today;
}

/** How many actions have each status today, and how many of the open ones are overdue. */
export function statusCounts(actions: readonly Action[], today: string): { status: ActionStatus; label: string; count: number }[] {
  return ACTION_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], count: actions.filter((a) => statusOn(a, today)?.status === status).length }));
}

/** A theme families' feedback or complaints can be about: feedback and complaint themes with the same id are one theme. */
export interface Theme {
  id: string;
  name: string;
}

/** Every feedback and complaint theme, feedback themes first, one entry per id. */
export function themes(cfg: Partnership): Theme[] {
  const out = new Map<string, Theme>();
  for (const t of [...cfg.feedbackThemes, ...cfg.complaintThemes]) if (!out.has(t.id)) out.set(t.id, { id: t.id, name: t.name });
  return [...out.values()];
}

/** The theme ids an action answers. */
export function themesOf(a: Action): string[] {
  return [...new Set([a.from.feedbackTheme, a.from.complaintTheme].filter((t): t is string => !!t))];
}

/** Whether what the action answers was heard from families (feedback or complaints) rather than found in audits. */
export const heardFromFamilies = (a: Action) => themesOf(a).length > 0;

/** What a filtered list of actions can ask for; every field optional. */
export interface ActionFilter {
  theme?: string;
  status?: string;
  standard?: string;
  stage?: string;
  term?: string;
}

/** The filters a briefing or page may use, checked against the configuration; an unknown value names what was expected. */
export function checkActionFilter(f: ActionFilter, ctx: { cfg: Partnership; standardIds: ReadonlySet<string>; termIds: readonly string[] }): { ok: true } | { ok: false; field: keyof ActionFilter; message: string; expected: string } {
  const themeIds = themes(ctx.cfg).map((t) => t.id);
  if (f.theme !== undefined && !themeIds.includes(f.theme)) return { ok: false, field: 'theme', message: `found "${f.theme}", which is not a feedback or complaint theme`, expected: `one of: ${themeIds.join(', ')}` };
  if (f.status !== undefined && !['overdue', ...ACTION_STATUSES].includes(f.status)) return { ok: false, field: 'status', message: `found "${f.status}", which is not a status`, expected: `one of: ${[...ACTION_STATUSES, 'overdue'].join(', ')}` };
  if (f.standard !== undefined && !ctx.standardIds.has(f.standard)) return { ok: false, field: 'standard', message: `found "${f.standard}", which is not a known standard`, expected: 'a standard id written <set>-<number>, such as ehc-plan-2' };
  if (f.stage !== undefined && !(STAGES as readonly string[]).includes(f.stage)) return { ok: false, field: 'stage', message: `found "${f.stage}", which is not a stage`, expected: `one of: ${STAGES.join(', ')}` };
  if (f.term !== undefined && !ctx.termIds.includes(f.term)) return { ok: false, field: 'term', message: `found "${f.term}", which is not a term`, expected: `one of: ${ctx.termIds.join(', ')}` };
  return { ok: true };
}

/** Stage "all" actions belong to every stage. */
const atStage = (a: Action, stage: string) => a.stage === stage || a.stage === 'all';

/** The actions matching every given filter, newest first; status (or "overdue") as on `today`. */
export function filterActions(actions: readonly Action[], f: ActionFilter, today: string): Action[] {
  return actions.filter(
    (a) =>
      (f.theme === undefined || themesOf(a).includes(f.theme)) &&
      (f.status === undefined || (f.status === 'overdue' ? isOverdue(a, today) : statusOn(a, today)?.status === f.status)) &&
      (f.standard === undefined || a.from.standard === f.standard) &&
      (f.stage === undefined || atStage(a, f.stage)) &&
      (f.term === undefined || a.from.term === f.term),
  );
}

/**
 * What a term's report says about actions: those raised from its findings (agreed after the report,
 * so shown as they stand today), and what had happened by the end of the term (or today, if sooner)
 * to the ones raised from earlier reports that were open or changed during the term.
 */
export function actionsForReport(actions: readonly Action[], term: Term, allTerms: readonly Term[], today: string) {
  const asOf = term.end < today ? term.end : today;
  const earlierIds = new Set(allTerms.filter((t) => t.index < term.index).map((t) => t.id));
  const raised = actions.filter((a) => a.from.term === term.id);
  const earlier = actions
    .filter((a) => a.from.term && earlierIds.has(a.from.term))
    .map((a) => ({ action: a, status: statusOn(a, asOf), changedThisTerm: a.history.some((h) => h.on && h.on >= term.start && h.on <= asOf) }))
    // Leave out those already closed before the term began: earlier reports told their story.
    .filter((x) => x.status && (x.changedThisTerm || !CLOSED_STATUSES.includes(x.status.status)));
  return { asOf, raised, earlier };
}

/** Filter pages of "You said, we did": /you-said-we-did/stage/<stage>/ and /you-said-we-did/theme/<theme>/. */
export const yswdHref = (f?: { kind: 'stage' | 'theme'; value: string }) => (f ? `/you-said-we-did/${f.kind}/${f.value}/` : '/you-said-we-did/');

/** Stages that have at least one action, in journey order (without "all", which every stage page includes). */
export function stagesWithActions(actions: readonly Action[]): { id: Stage; label: string }[] {
  return STAGES.filter((s) => s !== 'all' && actions.some((a) => atStage(a, s))).map((s) => ({ id: s, label: LABELS.stage[s] }));
}

/** Themes that have at least one action, in configuration order. */
export function themesWithActions(actions: readonly Action[], cfg: Partnership): Theme[] {
  return themes(cfg).filter((t) => actions.some((a) => themesOf(a).includes(t.id)));
}

/** "1 September 2026" from YYYY-MM-DD, in UTC: the one date formatter (src/lib/dates.ts). */
export { longDate };

/**
 * What happened to an action by `asOf`, in one plain sentence for families: "Done on 19 July
 * 2024.", "Started on 5 February 2024. Due by 31 July 2024.", "Late: this was due by …".
 */
export function statusSentence(a: Action, asOf: string): string {
  const s = statusOn(a, asOf);
  if (!s) return `Agreed on ${longDate(raisedOn(a))}.`;
  const due = `due by ${longDate(a.due)}`;
  switch (s.status) {
    case 'done':
      return `Done on ${longDate(s.on)}${s.on > a.due ? `, later than planned (it was ${due})` : ''}.`;
    case 'dropped':
      return `Dropped on ${longDate(s.on)}.`;
    case 'in-progress':
      return a.due < asOf ? `Started on ${longDate(s.on)} and not finished; it was ${due}.` : `Started on ${longDate(s.on)}; ${due}.`;
    case 'planned':
      return a.due < asOf ? `Planned on ${longDate(s.on)} and not started; it was ${due}.` : `Planned on ${longDate(s.on)}; ${due}.`;
  }
}

/** Where an action came from, as links: the standard, the report (and its section), the themes. */
export function sourceLinks(a: Action, ctx: { cfg: Partnership; terms: readonly Term[]; standardTitle: (id: string) => { href: string; label: string } | undefined }): { href: string; label: string }[] {
  const out: { href: string; label: string }[] = [];
  const st = a.from.standard ? ctx.standardTitle(a.from.standard) : undefined;
  if (st) out.push(st);
  const term = ctx.terms.find((t) => t.id === a.from.term);
  if (term) out.push({ href: `/reports/${term.yearSlug}/${term.name}/${a.from.section ? `#${a.from.section}` : ''}`, label: `${term.label} report` });
  const names = new Map(themes(ctx.cfg).map((t) => [t.id, t.name]));
  for (const id of themesOf(a)) out.push({ href: yswdHref({ kind: 'theme', value: id }), label: `Theme: ${names.get(id) ?? id}` });
  return out;
}

/** What an action is about, in a few words for its heading: its themes, else its standard, else its report section. */
export function topicOf(a: Action, ctx: { cfg: Partnership; standardName: (id: string) => string | undefined }): string {
  const names = new Map(themes(ctx.cfg).map((t) => [t.id, t.name]));
  const t = themesOf(a).map((id) => names.get(id) ?? id);
  if (t.length) return t.join(' and ');
  const st = a.from.standard ? ctx.standardName(a.from.standard) : undefined;
  if (st) return st;
  return a.from.section ? REPORT_SECTION_LABELS[a.from.section] : 'Other';
}

/** Terms whose report can list actions: ended by `today`, from the first term any action comes from. */
export function reportTermsWithActions(actions: readonly Action[], terms: readonly Term[], today: string): Term[] {
  const first = terms.find((t) => actions.some((a) => a.from.term === t.id));
  return first ? terms.filter((t) => t.index >= first.index && t.end < today) : [];
}
