import { getCollection, type CollectionEntry } from 'astro:content';
import { naturalCompare } from './sort.ts';

export type StandardEntry = CollectionEntry<'standards'>;
export type GuidanceEntry = CollectionEntry<'guidance'>;

/** Standard sets in order, each with its sections and their standards in number order. */
export async function standardsBySet() {
  const [sets, standards] = await Promise.all([getCollection('standardSets'), getCollection('standards')]);
  return sets
    .map((s) => s.data)
    .sort((a, b) => a.order - b.order)
    .map((set) => ({
      set,
      sections: set.sections.map((section) => ({
        section,
        standards: standards
          .filter((st) => st.data.set === set.id && st.data.section === section.id)
          .sort((a, b) => a.data.number - b.data.number),
      })),
    }));
}

export function standardHref(st: { set: string; number: number }): string {
  return `/standards/${st.set}/${st.number}/`;
}

/** A standard's name with its set, as readers see it: "EHC plan standard 2". */
export function standardName(set: { shortTitle: string; standardLabel?: string | undefined }, number: number): string {
  return `${set.standardLabel ?? `${set.shortTitle} standard`} ${number}`;
}

/** Every standard's full name by id: "EHC plan standard 2: The plan is clear and SMART" (once per build: every guidance list page asks). */
export const standardNamesById: () => Promise<Map<string, string>> = oncePerBuild(async () => {
  const [sets, standards] = await Promise.all([getCollection('standardSets'), standardsById()]);
  const setById = new Map(sets.map((s) => [s.data.id, s.data]));
  return new Map([...standards].map(([id, st]) => {
    const set = setById.get(st.data.set);
    return [id, `${set ? standardName(set, st.data.number) : `Standard ${st.data.number}`}: ${st.data.title}`];
  }));
});

export function guidanceHref(id: string): string {
  return `/guidance/${id}/`;
}

/**
 * Worked out once per build, not once per page: collections do not change during a build. In the
 * dev server they can, between requests, so there it is worked out every time. Callers must not
 * change what they get.
 */
function oncePerBuild<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? make() : (made ??= make()));
}

const byTitle = new Intl.Collator('en');

/** Every guidance entry, by title. */
export const sortedGuidance: () => Promise<GuidanceEntry[]> = oncePerBuild(async () =>
  (await getCollection('guidance')).sort((a, b) => byTitle.compare(a.data.title, b.data.title)),
);

/** Standards by id ("ehc-plan-2"), sorted naturally. */
export const standardsById: () => Promise<Map<string, StandardEntry>> = oncePerBuild(async () => {
  const all = (await getCollection('standards')).sort((a, b) => naturalCompare(a.id, b.id));
  return new Map(all.map((s) => [s.id, s]));
});

// ---------------------------------------------------------------------------------------------
// Termly reports: read from the snapshot of published figures, built once per build.
import type { TermReport } from './data/report.ts';
import { loadData } from './data/load.ts';

/** Every termly report, latest first. Every figure in them has been through disclosure control. */
export async function getReports(): Promise<TermReport[]> {
  const data = await loadData(process.cwd());
  if (!data.snapshot) throw new Error('The reports cannot be built while the data files have problems: run npm run validate to see them.');
  return data.snapshot.reports;
}

export function reportHref(r: { term: { yearSlug: string; name: string } }): string {
  return `/reports/${r.term.yearSlug}/${r.term.name}/`;
}

// ---------------------------------------------------------------------------------------------
// Briefings. Drafts are left out of a production build and shown in a preview build (PREVIEW=true).
export type BriefingEntry = CollectionEntry<'briefings'>;

export const isPreview = () => process.env.PREVIEW === 'true';

/** Briefings to publish, newest first (drafts only in a preview build). */
export async function publishedBriefings(): Promise<BriefingEntry[]> {
  const all = await getCollection('briefings', (b) => isPreview() || !b.data.draft);
  return all.sort((a, b) => b.data.published.localeCompare(a.data.published) || a.data.title.localeCompare(b.data.title));
}

/** /briefings/2025-26/summer/<slug>/ */
export function briefingHref(b: { id: string; data: { term: string } }): string {
  const [y1, y2, name] = b.data.term.split('-');
  return `/briefings/${y1}-${y2}/${name}/${b.id}/`;
}
