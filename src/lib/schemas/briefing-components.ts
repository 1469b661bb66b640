/**
 * The attributes of each component a briefing can use, one schema per component. The same
 * schema parses the component's props when the page is built (src/components/briefing/*.astro)
 * and checks the briefing's MDX before the build (src/lib/briefing-check.ts), so the two can
 * never disagree about what an attribute means.
 */
import { z } from 'astro/zod';
import { CHART_SECTIONS, COMPARISONS, METRICS } from '../data/metrics.ts';

/** Text in an attribute: metric="audits", or written in braces, metric={"audits"}. */
const Text = z.string().trim().min(1, { message: 'must not be empty' });

/**
 * Which term a figure is for. Without either, the briefing's own term (its frontmatter
 * `term:`), so a briefing copied to a new term moves every figure with it.
 */
const TermFields = {
  /** The briefing's own term, written out. Optional; if given it must equal the frontmatter `term:`. */
  term: Text.optional(),
  /** Another term, quoted on purpose ("a year ago it was …"), like "2024-25-summer". Optional. */
  otherTerm: Text.optional(),
};

/** The group a figure can be narrowed to; at most one of them. Ids as in the report's tables. */
const GroupFields = {
  /** One type of audit, like "ehc-plan". Optional. */
  auditType: Text.optional(),
  /** One locality, like "east". Optional. */
  locality: Text.optional(),
  /** One level of audit, like "multi-agency". Optional. */
  level: Text.optional(),
};

/** <Stat metric="good-or-better" />: one published figure of the briefing's term. */
export const StatPropsSchema = z
  .object({
    /** The figure: one of the names in METRICS (src/lib/data/metrics.ts). Required. */
    metric: z.enum(Object.keys(METRICS) as [keyof typeof METRICS, ...(keyof typeof METRICS)[]]),
    ...TermFields,
    ...GroupFields,
  })
  .strict();
export type StatProps = z.input<typeof StatPropsSchema>;

/** <Compare metric="good-or-better" with="target" />: a comparison in words from two published figures. */
export const ComparePropsSchema = StatPropsSchema.extend({
  /** What the figure is compared with: the target, the term before, or the same term a year before. Required. */
  with: z.enum(COMPARISONS),
}).strict();
export type CompareProps = z.input<typeof ComparePropsSchema>;

/** <ReportChart section="by-type" />: one chart of the term's report, with its table. */
export const ReportChartPropsSchema = z
  .object({
    /** The section of the report to chart: one of CHART_SECTIONS. Required. */
    section: z.enum(CHART_SECTIONS),
    ...TermFields,
  })
  .strict();
export type ReportChartProps = z.input<typeof ReportChartPropsSchema>;

/**
 * <StandardLink id="ehc-plan-2" />: a link to a standard. With rank="1" it also claims the
 * standard's place in the term's list of standards most often not met, and is checked.
 */
export const StandardLinkPropsSchema = z
  .object({
    /** The standard, written <set>-<number>, like "ehc-plan-2". Required. */
    id: Text,
    /** Its place in the term's list of standards most often not met, from 1. Optional. */
    rank: z.union([Text, z.number()]).transform(String).optional(),
    ...TermFields,
  })
  .strict();
export type StandardLinkProps = z.input<typeof StandardLinkPropsSchema>;

/** <GuidanceLink id="smart-outcomes" />: a link to a guidance entry by its file name. */
export const GuidanceLinkPropsSchema = z
  .object({
    /** The guidance entry: its file name in content/guidance without ".mdx". Required. */
    id: Text,
  })
  .strict();
export type GuidanceLinkProps = z.input<typeof GuidanceLinkPropsSchema>;

/** <Callout title="What to do next">…</Callout>: a highlighted box. */
export const CalloutPropsSchema = z
  .object({
    /** The box's heading. Required. */
    title: Text,
  })
  .strict();
export type CalloutProps = z.input<typeof CalloutPropsSchema>;

/** Every component a briefing can use, by the name written in the MDX. */
export const ActionListPropsSchema = z
  .object({
    /** A feedback or complaint theme id from data/partnership.yaml. Optional. */
    theme: z.string().optional(),
    /** planned, in-progress, done, dropped or overdue. Optional. */
    status: z.string().optional(),
    /** A standard id, such as ehc-plan-2. Optional. */
    standard: z.string().optional(),
    /** A stage of the SEND journey. Optional. */
    stage: z.string().optional(),
    /** The term of the report the actions were raised from. Optional. */
    term: z.string().optional(),
  })
  .strict();
export type ActionListProps = z.input<typeof ActionListPropsSchema>;

export const BRIEFING_COMPONENTS = {
  Stat: StatPropsSchema,
  Compare: ComparePropsSchema,
  ReportChart: ReportChartPropsSchema,
  StandardLink: StandardLinkPropsSchema,
  GuidanceLink: GuidanceLinkPropsSchema,
  Callout: CalloutPropsSchema,
  ActionList: ActionListPropsSchema,
} as const;
export type BriefingComponentName = keyof typeof BRIEFING_COMPONENTS;

/** The attributes a component has, in the order they are documented. */
export function attributesOf(name: BriefingComponentName): string[] {
  return Object.keys(BRIEFING_COMPONENTS[name].shape);
}

export type TermChoice = { ok: true; term: string; other: boolean } | { ok: false; field: string; message: string; expected: string; fix: string };

/**
 * The term a component's figure is for: otherTerm when given (a deliberate reference to another
 * term), otherwise the briefing's own term. A term= that differs from the briefing's term is
 * refused: it is what a briefing copied from last term still says, and would publish last term's
 * figure under the new title.
 */
export function chooseTerm(props: { term?: string; otherTerm?: string }, briefingTerm: string | undefined): TermChoice {
  if (props.term !== undefined && props.otherTerm !== undefined) {
    return { ok: false, field: 'otherTerm', message: 'has both term and otherTerm', expected: 'one of them at most', fix: 'delete term="…": otherTerm says which term the figure is for' };
  }
  if (props.otherTerm !== undefined) return { ok: true, term: props.otherTerm, other: props.otherTerm !== briefingTerm };
  if (props.term !== undefined && briefingTerm !== undefined && props.term !== briefingTerm) {
    return {
      ok: false,
      field: 'term',
      message: `found term="${props.term}", but this briefing is about ${briefingTerm} (the term: line at the top of the file), so this figure would not match the briefing`,
      expected: `no term="…" (each figure then follows the briefing's term), or otherTerm="${props.term}" to quote another term's figure on purpose`,
      fix: `delete term="${props.term}" so the figure is ${briefingTerm}'s; if you do mean ${props.term}'s figure, write otherTerm="${props.term}" instead`,
    };
  }
  const term = props.term ?? briefingTerm;
  if (term === undefined) return { ok: false, field: 'term', message: 'does not say which term it is for', expected: 'the briefing to have a term: line at the top', fix: 'add term: to the frontmatter' };
  return { ok: true, term, other: false };
}

/** The props of a component, with `children` (set by MDX for content inside the tag) left out. */
function ownProps(props: Record<string, unknown>): Record<string, unknown> {
  const { children: _children, ...rest } = props;
  return rest;
}

/**
 * Parses a component's props with its schema when a page is built, failing with the same
 * plain-English message validation gives (validation runs first, so this is a last guard).
 */
export function parseComponentProps<N extends BriefingComponentName>(name: N, props: Record<string, unknown>): z.output<(typeof BRIEFING_COMPONENTS)[N]> {
  const result = BRIEFING_COMPONENTS[name].safeParse(ownProps(props));
  if (result.success) return result.data as z.output<(typeof BRIEFING_COMPONENTS)[N]>;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || 'props'}: ${i.message}`).join('; ');
  throw new Error(`<${name}> has attributes that cannot be used (${issues}). Received ${JSON.stringify(ownProps(props))}. Run npm run validate for where and how to fix it.`);
}

/** The term a component's figure is for when a page is built (see chooseTerm), or a plain-English error. */
export function figureTerm(name: BriefingComponentName, props: { term?: string; otherTerm?: string }, briefingTerm: string | undefined): string {
  const choice = chooseTerm(props, briefingTerm);
  if (!choice.ok) throw new Error(`<${name}> ${choice.field}: ${choice.message}. Expected ${choice.expected}. How to fix: ${choice.fix}.`);
  return choice.term;
}
