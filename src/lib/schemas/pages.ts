import { z } from 'astro/zod';
import { AudienceSchema, IsoDateSchema, SlugSchema, StageSchema, TextSchema } from './common';

/** Frontmatter of a practice-guidance entry (content/guidance/<slug>.mdx). */
export const GuidanceSchema = z.object({
  /** Page title. Required. */
  title: TextSchema.max(90, { message: 'must be 90 characters or fewer' }),
  /** One sentence on who it is for and what it helps with. Required. */
  summary: TextSchema,
  /** Who it is written for: families, practitioners or both. At least one. */
  audience: z.array(AudienceSchema).min(1, { message: 'must name at least one audience: families or practitioners' }),
  /** Stages it applies to. At least one. */
  stage: z.array(StageSchema).min(1, { message: 'must name at least one stage' }),
  /** Ids of the standards it serves, e.g. ["ehc-plan-2"]. Each must exist. Default none. */
  standards: z.array(SlugSchema).default([]),
  /** When the guidance was last reviewed or changed, YYYY-MM-DD, shown as "Last updated". Required. */
  updated: IsoDateSchema,
});
export type Guidance = z.output<typeof GuidanceSchema>;

/** Frontmatter of a framework page (content/framework/<slug>.mdx). */
export const FrameworkPageSchema = z.object({
  title: TextSchema,
  summary: TextSchema,
  /** Position in the framework section, from 1. Required. */
  order: z.number({ message: 'must be a whole number' }).int().positive(),
  /** When the page's content was last updated, YYYY-MM-DD, shown as "Last updated". Optional. */
  updated: IsoDateSchema.optional(),
});
export type FrameworkPage = z.output<typeof FrameworkPageSchema>;

/** Frontmatter of a standalone page (content/pages/<slug>.mdx), e.g. the accessibility statement. */
export const StandalonePageSchema = z.object({
  title: TextSchema,
  summary: TextSchema,
  /** When the page's content was last updated, YYYY-MM-DD, shown as "Last updated". Optional. */
  updated: IsoDateSchema.optional(),
});
export type StandalonePage = z.output<typeof StandalonePageSchema>;

/** Frontmatter of a term's report commentary (content/report-commentary/<term>.mdx). */
export const CommentarySchema = z.object({
  /** The term it comments on, written like "2024-25-autumn" (academic year, then autumn, spring or summer). Required. */
  term: z.string().regex(/^\d{4}-\d{2}-(autumn|spring|summer)$/, { message: 'must be a term written like "2024-25-autumn"' }),
});
export type Commentary = z.output<typeof CommentarySchema>;

export const BRIEFING_AUDIENCES = ['practitioners', 'families', 'leaders'] as const;
export const BRIEFING_KINDS = {
  'termly-quality-briefing': 'Termly quality briefing',
  'compliments-complaints-briefing': 'Compliments and complaints briefing',
  'practice-learning-brief': 'Practice learning brief',
  'you-said-we-did': 'You said, we did',
} as const;

/** Frontmatter of a briefing (content/briefings/<slug>.mdx). */
export const BriefingSchema = z.object({
  /** Page title. Required. */
  title: TextSchema.max(90, { message: 'must be 90 characters or fewer' }),
  /** The term it is about, written like "2025-26-summer". It must have a report. Required. */
  term: z.string().regex(/^\d{4}-\d{2}-(autumn|spring|summer)$/, { message: 'must be a term written like "2025-26-summer"' }),
  /** Publication date, YYYY-MM-DD. Required. */
  published: IsoDateSchema,
  /** Who it is written for. At least one of practitioners, families, leaders. */
  audience: z.array(z.enum(BRIEFING_AUDIENCES)).min(1, { message: 'must name at least one audience: practitioners, families or leaders' }),
  /** What kind of briefing it is. Required. */
  kind: z.enum(Object.keys(BRIEFING_KINDS) as [keyof typeof BRIEFING_KINDS, ...(keyof typeof BRIEFING_KINDS)[]]),
  /** One sentence saying what it is about. Required. */
  summary: TextSchema,
  /** Ids of the standards it relates to, e.g. ["ehc-plan-2"]. Each must exist. Default none. */
  standards: z.array(SlugSchema).default([]),
  /** Ids of the guidance entries it relates to, e.g. ["smart-outcomes"]. Each must exist. Default none. */
  guidance: z.array(SlugSchema).default([]),
  /** true while it is being written: left out of the published site, shown in previews. Default false. */
  draft: z.boolean().default(false),
});
export type Briefing = z.output<typeof BriefingSchema>;

/** One glossary term (content/glossary.yaml). */
export const GlossaryTermSchema = z.object({
  /** Anchor id, linked as /glossary/#id. Required. */
  id: SlugSchema,
  /** The term in full. Required. */
  term: TextSchema,
  /** A short form, if the term has one. */
  short: TextSchema.optional(),
  /** Plain-English definition. Required. */
  definition: TextSchema,
});
export type GlossaryTerm = z.output<typeof GlossaryTermSchema>;

const MONTHS = ['Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'] as const;
export { MONTHS };

/** One row of the timetable of quality-assurance activity (data/timetable.yaml). */
export const TimetableRowSchema = z.object({
  /** Stages of the SEND journey it covers. At least one. */
  stage: z.array(StageSchema).min(1),
  /** What happens. Required. */
  activity: TextSchema,
  /** How often. Required. */
  frequency: z.enum(['weekly', 'monthly', 'termly', 'half-yearly', 'quarterly', 'annually', 'as-required']),
  /** Who does it. Required. */
  completedBy: TextSchema,
  /** The months of the academic year in which it happens (Sep … Aug). Empty for "as required". */
  months: z.array(z.enum(MONTHS)).default([]),
});
export type TimetableRow = z.output<typeof TimetableRowSchema>;

export { SlugSchema };
