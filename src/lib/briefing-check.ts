/**
 * Checks what a briefing's MDX asks for: every <Stat>, <Compare>, <ReportChart>, <StandardLink>,
 * <GuidanceLink> and <ActionList> must name a real metric, term, section, standard or guidance entry. Problems
 * carry the briefing's file, line and column, so CI can annotate the exact place.
 */
import type { Problem } from './problems';
import { CHART_SECTIONS, compareMetric, resolveMetric } from './data/metrics';
import type { TermReport } from './data/report';
import { checkActionFilter, type ActionFilter } from './actions';
import { allTerms } from './data/terms';
import type { Partnership } from './schemas/partnership';

export interface ComponentUse {
  name: string;
  line: number;
  column: number;
  attrs: Map<string, { value: string; line: number; column: number }>;
}

const TAG = /<(Stat|Compare|ReportChart|StandardLink|GuidanceLink|Callout|ActionList)\b((?:[^>"]|"[^"]*")*)>/g;
const ATTR = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|\{\s*(?:"([^"]*)"|'([^']*)'|(\d+))\s*\})/g;

/** Where each component is used in an MDX body, with its attributes and their positions. */
export function scanComponents(body: string, bodyLine: number): ComponentUse[] {
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  const pos = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: bodyLine + lo, column: offset - lineStarts[lo]! + 1 };
  };
  const uses: ComponentUse[] = [];
  for (const m of body.matchAll(TAG)) {
    const attrs = new Map<string, { value: string; line: number; column: number }>();
    const start = m.index! + 1 + m[1]!.length;
    for (const a of m[2]!.matchAll(ATTR)) attrs.set(a[1]!, { value: a[2] ?? a[3] ?? a[4] ?? a[5]!, ...pos(start + a.index!) });
    uses.push({ name: m[1]!, ...pos(m.index!), attrs });
  }
  return uses;
}

export interface BriefingRefs {
  /** The termly reports; undefined while the data have problems, and then figures and terms are not checked. */
  reports?: readonly TermReport[];
  standardIds: ReadonlySet<string>;
  guidanceIds: ReadonlySet<string>;
  /** The configuration, for the themes and terms an <ActionList> may filter by; without it they are not checked. */
  partnership?: Partnership;
}

const ALLOWED: Record<string, string[]> = {
  Stat: ['metric', 'term', 'auditType', 'locality', 'level'],
  Compare: ['metric', 'term', 'with', 'auditType', 'locality', 'level'],
  ReportChart: ['term', 'section'],
  StandardLink: ['id', 'term', 'rank'],
  GuidanceLink: ['id'],
  Callout: ['title'],
  ActionList: ['theme', 'status', 'standard', 'stage', 'term'],
};

/**
 * Checks a claim that a standard was the rank-th most often not met in a term, as the term's
 * report publishes the list. Standards with the same published count share their places.
 */
export function checkNotMetRank(
  reports: readonly TermReport[],
  id: string,
  term: string,
  rank: string,
): { ok: true } | { ok: false; field: string; message: string; expected: string; fix: string } {
  const report = reports.find((r) => r.term.id === term);
  if (!report) return { ok: false, field: 'term', message: `found "${term}", which is not a term with a report`, expected: `one of: ${reports.map((r) => r.term.id).join(', ')}`, fix: 'correct the term' };
  const list = report.standardsNotMet;
  const n = Number(rank);
  if (!Number.isInteger(n) || n < 1 || n > list.length) return { ok: false, field: 'rank', message: `found "${rank}", which is not a place in the list`, expected: `a whole number from 1 to ${list.length}`, fix: 'correct the rank' };
  const at = list.findIndex((s) => s.id === id);
  const same = (a: (typeof list)[number], b: (typeof list)[number]) => a.count.kind === 'count' && b.count.kind === 'count' && a.count.value === b.count.value;
  if (at === n - 1 || (at >= 0 && same(list[at]!, list[n - 1]!))) return { ok: true };
  const where = at === -1 ? `is not in the ${term} list of standards most often not met` : `is number ${at + 1} in the ${term} list of standards most often not met`;
  return { ok: false, field: 'rank', message: `${id} ${where}, not number ${n} (number ${n} is ${list[n - 1]!.id})`, expected: `rank="${at + 1}", or the standard that is number ${n}`, fix: 'change the words and the rank to match the report, or remove term and rank' };
}

/** Every problem with the components used in one briefing. */
export function checkBriefingComponents(file: string, uses: ComponentUse[], refs: BriefingRefs): Problem[] {
  const problems: Problem[] = [];
  const terms = refs.reports?.map((r) => r.term.id);
  for (const u of uses) {
    const at = (name: string) => {
      const a = u.attrs.get(name);
      return { file, line: a?.line ?? u.line, column: a?.column ?? u.column, field: `<${u.name}> ${name}` };
    };
    for (const [name] of u.attrs) {
      if (!ALLOWED[u.name]!.includes(name)) problems.push({ ...at(name), message: `<${u.name}> has no attribute "${name}"`, expected: `only ${ALLOWED[u.name]!.join(', ')}` });
    }
    const need = (name: string) => {
      const a = u.attrs.get(name);
      if (!a) problems.push({ ...at(name), message: `<${u.name}> needs ${name}="…"`, expected: `a ${name}`, fix: `add ${name}="…" inside the tag` });
      return a?.value;
    };
    switch (u.name) {
      case 'Stat': {
        const metric = need('metric');
        const term = need('term');
        if (metric === undefined || term === undefined || !refs.reports) break;
        const r = resolveMetric(refs.reports, { metric, term, auditType: u.attrs.get('auditType')?.value, locality: u.attrs.get('locality')?.value, level: u.attrs.get('level')?.value });
        if (!r.ok) problems.push({ ...at(r.field), message: r.message, expected: r.expected, fix: 'correct the value; the figures a briefing can quote are listed in docs/publishing.md' });
        break;
      }
      case 'Compare': {
        const metric = need('metric');
        const term = need('term');
        const against = need('with');
        if (metric === undefined || term === undefined || against === undefined || !refs.reports) break;
        const r = compareMetric(refs.reports, { metric, term, with: against, auditType: u.attrs.get('auditType')?.value, locality: u.attrs.get('locality')?.value, level: u.attrs.get('level')?.value });
        if (!r.ok) problems.push({ ...at(r.field), message: r.message, expected: r.expected, fix: 'correct the value; what a briefing can compare is listed in docs/publishing.md' });
        break;
      }
      case 'ReportChart': {
        const term = need('term');
        const section = need('section');
        if (term !== undefined && terms && !terms.includes(term)) problems.push({ ...at('term'), message: `found "${term}", which is not a term with a report`, expected: `one of: ${terms.join(', ')}` });
        if (section !== undefined && !(CHART_SECTIONS as readonly string[]).includes(section)) problems.push({ ...at('section'), message: `found "${section}", which is not a section of a report`, expected: `one of: ${CHART_SECTIONS.join(', ')}` });
        break;
      }
      case 'StandardLink': {
        const id = need('id');
        if (id !== undefined && !refs.standardIds.has(id)) problems.push({ ...at('id'), message: `found "${id}", which is not a known standard`, expected: 'a standard id written <set>-<number>, such as ehc-plan-2', fix: "check the standard's number on the standards pages" });
        // term and rank together claim the standard's place in that term's list of standards most often not met.
        const term = u.attrs.get('term')?.value;
        const rank = u.attrs.get('rank')?.value;
        if ((term === undefined) !== (rank === undefined)) {
          const missing = term === undefined ? 'term' : 'rank';
          problems.push({ ...at(missing === 'term' ? 'rank' : 'term'), message: `<StandardLink> with ${missing === 'term' ? 'rank' : 'term'} also needs ${missing}="…"`, expected: 'term and rank together, or neither', fix: `add ${missing}="…" inside the tag` });
        } else if (id !== undefined && term !== undefined && rank !== undefined && refs.reports) {
          const r = checkNotMetRank(refs.reports, id, term, rank);
          if (!r.ok) problems.push({ ...at(r.field), message: r.message, expected: r.expected, fix: r.fix });
        }
        break;
      }
      case 'ActionList': {
        if (!refs.partnership) break;
        const f = Object.fromEntries([...u.attrs].map(([k, v]) => [k, v.value])) as ActionFilter;
        const r = checkActionFilter(f, { cfg: refs.partnership, standardIds: refs.standardIds, termIds: allTerms(refs.partnership).map((t) => t.id) });
        if (!r.ok) problems.push({ ...at(r.field), message: r.message, expected: r.expected, fix: 'correct the value; an <ActionList> can filter by theme, status, standard, stage and term' });
        break;
      }
      case 'GuidanceLink': {
        const id = need('id');
        if (id !== undefined && !refs.guidanceIds.has(id)) problems.push({ ...at('id'), message: `found "${id}", which is not a guidance entry`, expected: `one of: ${[...refs.guidanceIds].join(', ')}` });
        break;
      }
    }
  }
  return problems;
}
