import { AUDIENCES, LABELS, STAGES, type Audience, type Stage } from './schemas/common';
import { naturalCompare } from './sort';

export interface Filterable {
  id: string;
  data: { audience: Audience[]; stage: Stage[]; standards: string[] };
}

export type Filter = { kind: 'audience'; value: Audience } | { kind: 'stage'; value: Stage } | { kind: 'standard'; value: string };

export function filterHref(f: Filter): string {
  if (f.kind === 'audience') return `/guidance/for/${f.value}/`;
  if (f.kind === 'stage') return `/guidance/stage/${f.value}/`;
  return `/guidance/standard/${f.value}/`;
}

/**
 * Entries matching a filter. An entry for "all" stages matches every stage, since it applies
 * whatever stage a family or practitioner is at.
 */
export function applyFilter<T extends Filterable>(entries: T[], f: Filter): T[] {
  return entries.filter((e) => {
    if (f.kind === 'audience') return e.data.audience.includes(f.value);
    if (f.kind === 'stage') return e.data.stage.includes(f.value) || e.data.stage.includes('all');
    return e.data.standards.includes(f.value);
  });
}

/** Every filter that matches at least one entry, grouped for display, with counts. */
export function availableFilters<T extends Filterable>(entries: T[]) {
  const count = (f: Filter) => applyFilter(entries, f).length;
  const audience = AUDIENCES.map((value) => ({ filter: { kind: 'audience', value } as Filter, label: `For ${LABELS.audience[value].toLowerCase()}` }));
  const stage = STAGES.filter((s) => s !== 'all').map((value) => ({ filter: { kind: 'stage', value } as Filter, label: LABELS.stage[value] }));
  const standardIds = [...new Set(entries.flatMap((e) => e.data.standards))].sort(naturalCompare);
  const standard = standardIds.map((value) => ({ filter: { kind: 'standard', value } as Filter, label: value }));
  const withCounts = (list: { filter: Filter; label: string }[]) =>
    list.map((x) => ({ ...x, count: count(x.filter), href: filterHref(x.filter) })).filter((x) => x.count > 0);
  return { audience: withCounts(audience), stage: withCounts(stage), standard: withCounts(standard) };
}
