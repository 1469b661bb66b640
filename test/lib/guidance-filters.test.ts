import { describe, expect, it } from 'vitest';
import { allSelections, applyFilter, applySelection, filterGroups, filterHref, selectionHref, selectionTitle, type Filterable } from '../../src/lib/guidance-filters';
import { pageHref, pageNumbers, paginate } from '../../src/lib/pagination';

const entries: Filterable[] = [
  { id: 'a', data: { audience: ['families'], stage: ['sen-support'], standards: ['quality-offer-3'] } },
  { id: 'b', data: { audience: ['practitioners'], stage: ['ehc-plan', 'annual-review'], standards: ['ehc-plan-2', 'ehc-plan-10'] } },
  { id: 'c', data: { audience: ['families', 'practitioners'], stage: ['all'], standards: ['ehc-plan-2'] } },
  { id: 'd', data: { audience: ['families'], stage: ['annual-review'], standards: [] } },
];
const ids = (list: Filterable[]) => list.map((e) => e.id);

describe('guidance filters', () => {
  it('filters by audience', () => {
    expect(ids(applyFilter(entries, { kind: 'audience', value: 'families' }))).toEqual(['a', 'c', 'd']);
  });

  it('includes guidance for all stages under every stage', () => {
    expect(ids(applyFilter(entries, { kind: 'stage', value: 'annual-review' }))).toEqual(['b', 'c', 'd']);
  });

  it('filters by standard', () => {
    expect(ids(applyFilter(entries, { kind: 'standard', value: 'ehc-plan-2' }))).toEqual(['b', 'c']);
  });

  it('combines audience and stage, so choosing a stage keeps the families filter', () => {
    expect(ids(applySelection(entries, { audience: 'families', stage: 'annual-review' }))).toEqual(['c', 'd']);
    expect(selectionHref({ audience: 'families', stage: 'annual-review' })).toBe('/guidance/for/families/stage/annual-review/');
  });

  it('counts each filter link within the current selection, and links to the combined page', () => {
    const groups = filterGroups(entries, { audience: 'families' });
    const stage = groups.find((g) => g.heading === 'Stage')!;
    expect(stage.options.map((o) => [o.label, o.count, o.href])).toEqual([
      ['Any stage', 3, '/guidance/for/families/'],
      ['SEN support', 2, '/guidance/for/families/stage/sen-support/'],
      ['EHC needs assessment', 1, '/guidance/for/families/stage/ehc-needs-assessment/'],
      ['EHC plan', 1, '/guidance/for/families/stage/ehc-plan/'],
      ['Annual review', 2, '/guidance/for/families/stage/annual-review/'],
      ['Preparing for adulthood', 1, '/guidance/for/families/stage/preparing-for-adulthood/'],
    ]);
    const audience = groups.find((g) => g.heading === 'Who it is for')!;
    expect(audience.options.filter((o) => o.current).map((o) => o.href)).toEqual(['/guidance/for/families/']);
  });

  it('offers stage or standard but never both at once', () => {
    expect(filterGroups(entries, { stage: 'ehc-plan' }).map((g) => g.heading)).toEqual(['Who it is for', 'Stage']);
    expect(filterGroups(entries, { standard: 'ehc-plan-2' }).map((g) => g.heading)).toEqual(['Who it is for', 'Standard']);
    expect(filterGroups(entries, {}).find((g) => g.heading === 'Standard')!.options.map((o) => o.href)).toEqual([
      '/guidance/',
      '/guidance/standard/ehc-plan-2/',
      '/guidance/standard/ehc-plan-10/',
      '/guidance/standard/quality-offer-3/',
    ]);
  });

  it('builds a page for every selection that lists something, and the unfiltered index always', () => {
    const hrefs = allSelections(entries).map((s) => selectionHref(s.sel));
    expect(hrefs).toContain('/guidance/');
    expect(hrefs).toContain('/guidance/for/practitioners/standard/ehc-plan-10/');
    expect(hrefs).not.toContain('/guidance/for/families/standard/ehc-plan-10/');
    expect(hrefs.some((h) => h.includes('/stage/') && h.includes('/standard/'))).toBe(false);
    expect(allSelections([]).map((s) => selectionHref(s.sel))).toEqual(['/guidance/']);
  });

  it('paginates with the page number in the address and a short list of page links', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([[]]);
    expect(selectionHref({ stage: 'ehc-plan' }, 3)).toBe('/guidance/stage/ehc-plan/page/3/');
    expect(selectionHref({}, 1)).toBe('/guidance/');
    expect(pageHref('/briefings/for/families/', 2)).toBe('/briefings/for/families/page/2/');
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(10, 200)).toEqual([1, null, 8, 9, 10, 11, 12, null, 200]);
    expect(pageNumbers(200, 200)).toEqual([1, null, 198, 199, 200]);
  });

  it('names a selection in plain words', () => {
    expect(selectionTitle({})).toBe('Practice guidance');
    expect(selectionTitle({ audience: 'families', stage: 'annual-review' })).toBe('Guidance for families: Annual review');
    expect(selectionTitle({ standard: 'ehc-plan-2' }, () => 'EHC plan standard 2: Clear')).toBe('Guidance: EHC plan standard 2: Clear');
  });

  it('keeps the single-filter addresses', () => {
    expect(filterHref({ kind: 'audience', value: 'families' })).toBe('/guidance/for/families/');
    expect(filterHref({ kind: 'stage', value: 'ehc-plan' })).toBe('/guidance/stage/ehc-plan/');
    expect(filterHref({ kind: 'standard', value: 'ehc-plan-2' })).toBe('/guidance/standard/ehc-plan-2/');
  });
});
