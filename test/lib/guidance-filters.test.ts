import { describe, expect, it } from 'vitest';
import { applyFilter, availableFilters, filterHref, type Filterable } from '../../src/lib/guidance-filters';

const entries: Filterable[] = [
  { id: 'a', data: { audience: ['families'], stage: ['sen-support'], standards: ['quality-offer-3'] } },
  { id: 'b', data: { audience: ['practitioners'], stage: ['ehc-plan', 'annual-review'], standards: ['ehc-plan-2', 'ehc-plan-10'] } },
  { id: 'c', data: { audience: ['families', 'practitioners'], stage: ['all'], standards: ['ehc-plan-2'] } },
];

describe('guidance filters', () => {
  it('filters by audience', () => {
    expect(applyFilter(entries, { kind: 'audience', value: 'families' }).map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('includes guidance for all stages under every stage', () => {
    expect(applyFilter(entries, { kind: 'stage', value: 'annual-review' }).map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('filters by standard', () => {
    expect(applyFilter(entries, { kind: 'standard', value: 'ehc-plan-2' }).map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('offers only filters that match something, with counts and plain-link addresses', () => {
    const f = availableFilters(entries);
    expect(f.audience.map((x) => [x.href, x.count])).toEqual([
      ['/guidance/for/families/', 2],
      ['/guidance/for/practitioners/', 2],
    ]);
    expect(f.stage.map((x) => x.label)).toEqual(['SEN support', 'EHC needs assessment', 'EHC plan', 'Annual review']);
    expect(f.standard.map((x) => x.filter.value)).toEqual(['ehc-plan-2', 'ehc-plan-10', 'quality-offer-3']);
  });

  it('builds filter addresses', () => {
    expect(filterHref({ kind: 'stage', value: 'ehc-plan' })).toBe('/guidance/stage/ehc-plan/');
    expect(filterHref({ kind: 'standard', value: 'ehc-plan-2' })).toBe('/guidance/standard/ehc-plan-2/');
  });
});
