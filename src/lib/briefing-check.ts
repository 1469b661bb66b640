/**
 * Checks the components a briefing uses, as its syntax tree gives them (mdx-check.ts): every
 * <Stat>, <Compare>, <ReportChart>, <StandardLink> and <GuidanceLink> must ask for a real figure,
 * section, standard or guidance entry of the briefing's own term. Each component's attributes
 * are its schema (schemas/briefing-components.ts), the same one the component parses its props
 * with. Problems carry the briefing's file, line and column, so CI can annotate the exact place.
 */
import type { z } from 'astro/zod';
import type { Problem } from './problems.ts';
import { checkActionFilter, type ActionFilter } from './actions.ts';
import { allTerms } from './data/terms.ts';
import type { Partnership } from './schemas/partnership.ts';
import { compareMetric, resolveMetric } from './data/metrics.ts';
import type { TermReport } from './data/report.ts';
import type { JsxElement } from './mdx-source.ts';
import { BRIEFING_COMPONENTS, attributesOf, chooseTerm, type BriefingComponentName } from './schemas/briefing-components.ts';
import { didYouMean, nearest } from './suggest.ts';

export interface BriefingRefs {
  /** The termly reports; undefined while the data have problems, and then figures and terms are not checked. */
  reports?: readonly TermReport[];
  standardIds: ReadonlySet<string>;
  guidanceIds: ReadonlySet<string>;
  /** Every configured term, with or without data, so a term with no data yet is told apart from a misspelt one. */
  terms?: readonly string[];
  /** Where a term's audit data goes, to name the file a term with no report needs. */
  auditFile?: (term: string) => string;
  /** The configuration, for the themes and terms an <ActionList> may filter by; without it they are not checked. */
  partnership?: Partnership;
}

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

/** What each attribute whose values are a fixed list names, for "found "x", which is not …". */
const LIST_OF: Record<string, string> = {
  metric: 'a figure we publish',
  section: 'a section of a report',
  with: 'something a figure can be compared with',
};

/** The values listed in a message's "one of: a, b, c", for "Did you mean …?". */
function listed(expected: string): string[] {
  const m = /one of:? (.*)$/.exec(expected);
  return m ? m[1]!.split(/,\s*/).map((s) => s.trim()) : [];
}

/** The attributes of a use as props, or the problems that stop them being read. */
function propsOf(file: string, el: JsxElement, name: BriefingComponentName): { props: Record<string, string | true>; problems: Problem[] } {
  const props: Record<string, string | true> = {};
  const problems: Problem[] = [];
  for (const a of el.attributes) {
    const at = { file, line: a.line, column: a.column, field: `<${name}> ${a.name || '{…}'}` };
    if (a.form === 'spread') problems.push({ ...at, message: 'found {…} among the attributes, which is code', expected: 'attributes written name="value"', fix: 'write each attribute out as name="value"' });
    else if (a.form === 'code') problems.push({ ...at, message: `the value of ${a.name} is code in curly brackets`, expected: `${a.name}="…" in straight quotation marks`, fix: `write ${a.name}="…"` });
    else props[a.name] = a.value ?? true;
  }
  return { props, problems };
}

/** Problems from a component's schema, one per attribute, in words. */
function schemaProblems(file: string, el: JsxElement, name: BriefingComponentName, props: Record<string, unknown>, error: z.ZodError): Problem[] {
  const attrs = attributesOf(name);
  const place = (attr: string) => {
    const a = el.attributes.find((x) => x.name === attr);
    return { file, line: a?.line ?? el.line, column: a?.column ?? el.column, field: `<${name}> ${attr}` };
  };
  const out: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ ...place(key), message: `<${name}> has no attribute "${key}"`, didYouMean: didYouMean(key, attrs), expected: `only ${attrs.join(', ')}`, fix: 'correct the attribute name, or delete it' });
      }
      continue;
    }
    const attr = String(issue.path[0] ?? '');
    const value = props[attr];
    if (value === undefined) {
      out.push({ ...place(attr), message: `<${name}> needs ${attr}="…"`, expected: `a ${attr}`, fix: `add ${attr}="…" inside the tag` });
    } else if (value === true) {
      out.push({ ...place(attr), message: `${attr} has no value`, expected: `${attr}="…"`, fix: `write ${attr}="…" with the value between the quotation marks` });
    } else if (issue.code === 'invalid_value') {
      const values = issue.values.map(String);
      const near = nearest(String(value), values);
      out.push({
        ...place(attr),
        message: `found "${value}", which is not ${LIST_OF[attr] ?? `an accepted ${attr}`}`,
        didYouMean: near && `"${near}"`,
        expected: `one of: ${values.join(', ')}`,
        fix: near ? `write ${attr}="${near}"` : `correct the value; ${attr === 'section' ? 'the sections a briefing can chart' : 'the figures a briefing can quote and compare'} are listed in docs/publishing.md`,
      });
    } else {
      out.push({ ...place(attr), message: `found ${attr}="${String(value)}": ${issue.message}`, expected: `a ${attr}`, fix: 'correct the value' });
    }
  }
  return out;
}

/**
 * Every problem with the components one briefing uses. Figures follow the briefing's term
 * (`briefingTerm`, its frontmatter `term:`); a problem with that term itself is reported once, on
 * the frontmatter, not again on every figure.
 */
export function checkBriefingComponents(file: string, elements: readonly JsxElement[], briefingTerm: string | undefined, refs: BriefingRefs): Problem[] {
  const problems: Problem[] = [];
  const reports = refs.reports;
  const reportTerms = reports?.map((r) => r.term.id) ?? [];
  for (const el of elements) {
    if (!Object.hasOwn(BRIEFING_COMPONENTS, el.name)) continue;
    const name = el.name as BriefingComponentName;
    const read = propsOf(file, el, name);
    problems.push(...read.problems);
    const parsed = BRIEFING_COMPONENTS[name].safeParse(read.props);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, el, name, read.props, parsed.error));
      continue;
    }
    const props = parsed.data as Record<string, string | undefined>;
    const at = (attr: string) => {
      const a = el.attributes.find((x) => x.name === attr);
      return { file, line: a?.line ?? el.line, column: a?.column ?? el.column, field: `<${name}> ${attr}` };
    };
    if (name === 'GuidanceLink') {
      const id = props.id!;
      const near = nearest(id, refs.guidanceIds);
      if (!refs.guidanceIds.has(id)) problems.push({ ...at('id'), message: `found "${id}", which is not a guidance entry`, didYouMean: near && `"${near}"`, expected: `one of: ${[...refs.guidanceIds].join(', ')}`, fix: near ? `write id="${near}"` : 'use the name of a file in content/guidance, without ".mdx"' });
      continue;
    }
    if (name === 'Callout') continue;
    if (name === 'ActionList') {
      if (!refs.partnership) continue;
      const r = checkActionFilter(props as ActionFilter, { cfg: refs.partnership, standardIds: refs.standardIds, termIds: allTerms(refs.partnership).map((t) => t.id) });
      if (!r.ok) problems.push({ ...at(r.field), message: r.message, expected: r.expected, fix: 'correct the value; an <ActionList> can filter by theme, status, standard, stage and term' });
      continue;
    }

    if (name === 'StandardLink') {
      const id = props.id!;
      const near = nearest(id, refs.standardIds);
      if (!refs.standardIds.has(id)) problems.push({ ...at('id'), message: `found "${id}", which is not a known standard`, didYouMean: near && `"${near}"`, expected: 'a standard id written <set>-<number>, such as ehc-plan-2', fix: near ? `write id="${near}" if that is the standard you mean (check its number on the standards pages)` : "check the standard's number on the standards pages" });
      // A term on its own claims nothing: it only says which term's list rank="…" is a place in.
      if (props.rank === undefined) {
        for (const t of ['term', 'otherTerm'] as const) {
          if (props[t] !== undefined) problems.push({ ...at(t), message: `<StandardLink> with ${t} also needs rank="…"`, expected: `rank="…" (its place in the term's list of standards most often not met), or no ${t}`, fix: `add rank="…", or delete ${t}="…"` });
        }
        continue;
      }
    }

    // A briefing whose term: line is missing or unreadable is reported once, on its frontmatter
    // ("term: this required field is missing", or the line the frontmatter cannot be read at):
    // saying it again on every figure would bury that one problem under a dozen.
    if (briefingTerm === undefined && props.term === undefined && props.otherTerm === undefined) continue;
    const choice = chooseTerm(props, briefingTerm);
    if (!choice.ok) {
      problems.push({ ...at(choice.field), message: choice.message, expected: choice.expected, fix: choice.fix });
      continue;
    }
    const term = choice.term;
    if (!reports) continue;
    if (!reportTerms.includes(term)) {
      // The briefing's own term without a report is reported on its frontmatter.
      if (!choice.other && term === briefingTerm) continue;
      problems.push({ ...at(props.otherTerm !== undefined ? 'otherTerm' : 'term'), ...noReport(term, refs) });
      continue;
    }
    const fixRef = (r: { field: string; message: string; expected: string }, fix: string): Problem => {
      const attr = r.field === 'term' && props.otherTerm !== undefined ? 'otherTerm' : r.field;
      const near = nearest(String(props[attr] ?? ''), listed(r.expected));
      return { ...at(attr), message: r.message, didYouMean: near && `"${near}"`, expected: r.expected, fix: near ? `write ${attr}="${near}"` : fix };
    };
    if (name === 'Stat') {
      const r = resolveMetric(reports, { metric: props.metric!, term, auditType: props.auditType, locality: props.locality, level: props.level });
      if (!r.ok) problems.push(fixRef(r, 'correct the value; the figures a briefing can quote are listed in docs/publishing.md'));
    } else if (name === 'Compare') {
      const r = compareMetric(reports, { metric: props.metric!, term, with: props.with!, auditType: props.auditType, locality: props.locality, level: props.level });
      if (!r.ok) problems.push(fixRef(r, 'correct the value; what a briefing can compare is listed in docs/publishing.md'));
    } else if (name === 'StandardLink' && refs.standardIds.has(props.id!)) {
      const r = checkNotMetRank(reports, props.id!, term, props.rank!);
      if (!r.ok) problems.push({ ...at(r.field), message: r.message, expected: r.expected, fix: r.fix });
    }
  }
  return problems;
}

/** Why a term has no report: not a term at all (with the nearest one), or a term whose data are not there yet. */
export function noReport(term: string, refs: Pick<BriefingRefs, 'reports' | 'terms' | 'auditFile'>): Pick<Problem, 'message' | 'expected' | 'fix' | 'didYouMean'> {
  const withReports = refs.reports?.map((r) => r.term.id) ?? [];
  const file = refs.auditFile?.(term) ?? `data/audits/${term}.csv`;
  if (refs.terms && refs.terms.includes(term)) {
    return {
      message: `there are no figures for ${term} yet: no audits in data/audits fall in that term, so it has no report`,
      expected: `the term's audits in ${file}, or a term that has a report (${withReports.join(', ')})`,
      fix: `add ${file} (see data/README.md for its columns), or choose a term that has data`,
    };
  }
  return {
    message: `found "${term}", which is not a term with a report`,
    didYouMean: didYouMean(term, refs.terms ?? withReports),
    expected: `a term written like 2025-26-summer, one of: ${withReports.join(', ')}`,
    fix: 'correct the term',
  };
}
