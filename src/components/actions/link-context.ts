/** What action components need to link an action to its standard, report and themes, worked out once per build. */
import { getCollection } from 'astro:content';
import { standardHref } from '../../lib/collections';
import { allTerms } from '../../lib/data/terms';
import { loadPartnership } from '../../lib/partnership';

let ctx: ReturnType<typeof make> | undefined;

async function make() {
  const cfg = loadPartnership();
  const [standards, sets] = await Promise.all([getCollection('standards'), getCollection('standardSets')]);
  const setNames = new Map(sets.map((s) => [s.data.id, s.data.shortTitle]));
  const byId = new Map(standards.map((s) => [s.id, s]));
  return {
    cfg,
    terms: allTerms(cfg),
    standardName: (id: string) => byId.get(id)?.data.title,
    standardTitle: (id: string) => {
      const s = byId.get(id);
      return s ? { href: standardHref(s.data), label: `${setNames.get(s.data.set) ?? s.data.set} standard ${s.data.number}: ${s.data.title}` } : undefined;
    },
  };
}

export function linkContext() {
  ctx ??= make();
  return ctx;
}
