import { AUDIENCES, LABELS, STAGES, type Audience, type Stage } from './schemas/common.ts';
import { naturalCompare } from './sort.ts';
import { pageHref } from './pagination.ts';

export interface Filterable {
  id: string;
  data: { audience: Audience[]; stage: Stage[]; standards: string[] };
}

/** A stage a reader can choose: every stage but "all", which is a tag meaning "applies at every stage". */
export type ChosenStage = Exclude<Stage, 'all'>;

/**
 * What a guidance index page shows: guidance for an audience, at a stage or for a standard, or a
 * combination. Audience combines with either a stage or a standard; stage and standard never
 * combine, which keeps the number of pre-built pages in proportion to the guidance.
 */
export interface Selection {
  audience?: Audience;
  stage?: ChosenStage;
  standard?: string;
}

export type Filter = { kind: 'audience'; value: Audience } | { kind: 'stage'; value: ChosenStage } | { kind: 'standard'; value: string };

/** The address of a selection's page: /guidance/for/families/stage/annual-review/page/2/. */
export function selectionHref(sel: Selection, page = 1): string {
  let href = '/guidance/';
  if (sel.audience) href += `for/${sel.audience}/`;
  if (sel.stage) href += `stage/${sel.stage}/`;
  if (sel.standard) href += `standard/${sel.standard}/`;
  return pageHref(href, page);
}

/** The page address of one filter on its own, e.g. /guidance/stage/ehc-plan/. */
export function filterHref(f: Filter): string {
  return selectionHref({ [f.kind]: f.value });
}

/**
 * Whether an entry belongs in a selection. An entry for "all" stages matches every stage, since
 * it applies whatever stage a family or practitioner is at.
 */
export function matches(e: Filterable, sel: Selection): boolean {
  if (sel.audience && !e.data.audience.includes(sel.audience)) return false;
  if (sel.stage && !(e.data.stage.includes(sel.stage) || e.data.stage.includes('all'))) return false;
  if (sel.standard && !e.data.standards.includes(sel.standard)) return false;
  return true;
}

export function applySelection<T extends Filterable>(entries: T[], sel: Selection): T[] {
  return entries.filter((e) => matches(e, sel));
}

/** Entries matching one filter on its own. */
export function applyFilter<T extends Filterable>(entries: T[], f: Filter): T[] {
  return applySelection(entries, { [f.kind]: f.value });
}

export interface FilterOption {
  label: string;
  href: string;
  /** Entries in the selection this link leads to. */
  count: number;
  /** This option is what the current page shows. */
  current: boolean;
}
export interface FilterGroup {
  heading: string;
  options: FilterOption[];
}

/** Stages a reader can choose, in journey order. */
export const CHOSEN_STAGES = STAGES.filter((s): s is ChosenStage => s !== 'all');

const countCache = new WeakMap<Filterable[], Map<string, number>>();
const idsCache = new WeakMap<Filterable[], string[]>();
const memoStandardIds = (entries: Filterable[]) => {
  let ids = idsCache.get(entries);
  if (!ids) idsCache.set(entries, (ids = standardIds(entries)));
  return ids;
};

/** Every standard some entry serves, in natural order. */
export function standardIds(entries: Filterable[]): string[] {
  return [...new Set(entries.flatMap((e) => e.data.standards))].sort(naturalCompare);
}

/**
 * The filter links for a page showing `sel`: each link changes one part of the selection and
 * keeps the rest, and its count is what that page would list. Options that would list nothing
 * are left out. Stage is offered unless a standard is chosen, standard unless a stage is.
 */
export function filterGroups(entries: Filterable[], sel: Selection, standardLabel: (id: string) => string = (id) => id): FilterGroup[] {
  // Every index page (and each of its pages) shows the same few dozen counts: each is counted
  // once per list of entries, not once per page (which grew with the square of the guidance).
  let counts = countCache.get(entries);
  if (!counts) countCache.set(entries, (counts = new Map()));
  const option = (label: string, next: Selection, current: boolean): FilterOption => {
    const href = selectionHref(next);
    let count = counts.get(href);
    if (count === undefined) counts.set(href, (count = applySelection(entries, next).length));
    return { label, href, count, current };
  };
  const groups: FilterGroup[] = [];
  groups.push({
    heading: 'Who it is for',
    options: [
      option('For everyone', { ...sel, audience: undefined }, !sel.audience),
      ...AUDIENCES.map((a) => option(`For ${LABELS.audience[a].toLowerCase()}`, { ...sel, audience: a }, sel.audience === a)),
    ],
  });
  if (!sel.standard) {
    groups.push({
      heading: 'Stage',
      options: [
        option('Any stage', { ...sel, stage: undefined }, !sel.stage),
        ...CHOSEN_STAGES.map((s) => option(LABELS.stage[s], { ...sel, stage: s }, sel.stage === s)),
      ],
    });
  }
  if (!sel.stage) {
    groups.push({
      heading: 'Standard',
      options: [
        option('Any standard', { ...sel, standard: undefined }, !sel.standard),
        ...memoStandardIds(entries).map((id) => option(standardLabel(id), { ...sel, standard: id }, sel.standard === id)),
      ],
    });
  }
  return groups.map((g) => ({ ...g, options: g.options.filter((o) => o.count > 0) }));
}

/** Every selection that lists at least one entry, with its entries: the pages to build. */
export function allSelections<T extends Filterable>(entries: T[]): { sel: Selection; entries: T[] }[] {
  const audiences = [undefined, ...AUDIENCES];
  const narrow: Omit<Selection, 'audience'>[] = [{}, ...CHOSEN_STAGES.map((stage) => ({ stage })), ...standardIds(entries).map((standard) => ({ standard }))];
  const out: { sel: Selection; entries: T[] }[] = [];
  for (const audience of audiences) {
    for (const n of narrow) {
      const sel: Selection = audience ? { audience, ...n } : { ...n };
      const list = applySelection(entries, sel);
      // The unfiltered index always exists, even with no guidance yet.
      if (list.length > 0 || Object.keys(sel).length === 0) out.push({ sel, entries: list });
    }
  }
  return out;
}

/** A heading for a selection: "Guidance for families: Annual review". */
export function selectionTitle(sel: Selection, standardLabel: (id: string) => string = (id) => id): string {
  let title = sel.audience ? `Guidance for ${LABELS.audience[sel.audience].toLowerCase()}` : sel.stage || sel.standard ? 'Guidance' : 'Practice guidance';
  if (sel.stage) title += `: ${LABELS.stage[sel.stage]}`;
  if (sel.standard) title += `: ${standardLabel(sel.standard)}`;
  return title;
}
