import { z } from 'astro/zod';
import { AudienceSchema, IsoDateSchema, SlugSchema, StageSchema, TermIdSchema, TextSchema } from './common.ts';

/**
 * The laws and statutory guidance a page may cite, with their official addresses. A citation names
 * one of these ids in `source`; its link goes to `url` if the citation gives one, or else here.
 */
export const LEGAL_SOURCES = {
  'cfa-2014': { title: 'Children and Families Act 2014', url: 'https://www.legislation.gov.uk/ukpga/2014/6/contents' },
  'send-regs-2014': { title: 'Special Educational Needs and Disability Regulations 2014 (SI 2014/1530)', url: 'https://www.legislation.gov.uk/uksi/2014/1530/contents' },
  'code-2015': { title: 'SEND Code of Practice: 0 to 25 years (January 2015)', url: 'https://www.gov.uk/government/publications/send-code-of-practice-0-to-25' },
  'equality-act-2010': { title: 'Equality Act 2010', url: 'https://www.legislation.gov.uk/ukpga/2010/15/contents' },
  'esa-2008': { title: 'Education and Skills Act 2008', url: 'https://www.legislation.gov.uk/ukpga/2008/25/contents' },
  'tribunal-rules-2008': {
    title: 'Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008 (SI 2008/2699)',
    url: 'https://www.legislation.gov.uk/uksi/2008/2699/contents',
  },
  'lga-1974': { title: 'Local Government Act 1974', url: 'https://www.legislation.gov.uk/ukpga/1974/7/contents' },
  'education-act-2002': { title: 'Education Act 2002', url: 'https://www.legislation.gov.uk/ukpga/2002/32/contents' },
  'mca-2005': { title: 'Mental Capacity Act 2005', url: 'https://www.legislation.gov.uk/ukpga/2005/9/contents' },
  'iss-regs-2014': { title: 'Education (Independent School Standards) Regulations 2014 (SI 2014/3283)', url: 'https://www.legislation.gov.uk/uksi/2014/3283/contents' },
  'education-act-1996': { title: 'Education Act 1996', url: 'https://www.legislation.gov.uk/ukpga/1996/56/contents' },
  'personal-budgets-regs-2014': { title: 'Special Educational Needs (Personal Budgets) Regulations 2014 (SI 2014/1652)', url: 'https://www.legislation.gov.uk/uksi/2014/1652/contents' },
} as const;
export type LegalSourceId = keyof typeof LEGAL_SOURCES;
const LEGAL_SOURCE_IDS = Object.keys(LEGAL_SOURCES) as [LegalSourceId, ...LegalSourceId[]];

/** An address of the official text: legislation.gov.uk for Acts and regulations, gov.uk for the Code of Practice. */
const OfficialUrlSchema = z
  .string()
  .url({ message: 'must be a full web address starting https://' })
  .regex(/^https:\/\/(www\.)?(legislation\.gov\.uk|gov\.uk|assets\.publishing\.service\.gov\.uk)\//, {
    message: 'must be an official address on legislation.gov.uk or gov.uk',
  });

/** One source a legal page cites: the Act, regulation or Code paragraph a claim comes from. */
export const CitationSchema = z.object({
  /** Short id, used in the body as <Cite id="..." />. Unique on the page. Required. */
  id: SlugSchema,
  /** Which law or guidance: one of the ids in LEGAL_SOURCES, e.g. "cfa-2014". Required. */
  source: z.enum(LEGAL_SOURCE_IDS, { message: `must be one of: ${LEGAL_SOURCE_IDS.join(', ')}` }),
  /** The section, regulation or paragraph, written as the law writes it, e.g. "s36(1)", "reg 13(2)", "para 9.8". Required. */
  ref: TextSchema,
  /** What that part says, in a few plain words, e.g. "who can ask for an assessment". Optional. */
  title: TextSchema.optional(),
  /** Address of the official text of that part; defaults to the source's own address. Optional. */
  url: OfficialUrlSchema.optional(),
});
export type Citation = z.output<typeof CitationSchema>;

/** When a legal page was last checked against the law, and by whom. */
export const LegalReviewSchema = z.object({
  /** Date of the last check against the law, YYYY-MM-DD. Required. */
  date: IsoDateSchema,
  /** The role that checks it, not a person's name, e.g. "SEND legal adviser". Required. */
  by: TextSchema,
});
export type LegalReview = z.output<typeof LegalReviewSchema>;

/** Frontmatter fields for pages that state the law (rights, duties, time limits, who may do what). */
export const LegalFields = {
  /** true if the page states the law: every time limit and "must" then needs a citation in its sentence or paragraph. Default false. */
  legal: z.boolean().default(false),
  /** The sources the page cites, each used in the body as <Cite id="..." />. Default none. */
  citations: z.array(CitationSchema).default([]),
  /** When the page was last checked against the law, and the role that checks it. Required when legal is true. */
  legalReview: LegalReviewSchema.optional(),
};

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
  ...LegalFields,
});
export type Guidance = z.output<typeof GuidanceSchema>;

/** Frontmatter of a framework page (content/framework/<slug>.mdx). */
export const FrameworkPageSchema = z.object({
  /** Page title. Required. */
  title: TextSchema,
  /** One sentence on what the page explains. Required. */
  summary: TextSchema,
  ...LegalFields,
  /** Position in the framework section, from 1. Required. */
  order: z.number({ message: 'must be a whole number' }).int().positive(),
  /** When the page's content was last updated, YYYY-MM-DD, shown as "Last updated". Optional. */
  updated: IsoDateSchema.optional(),
});
export type FrameworkPage = z.output<typeof FrameworkPageSchema>;

/** Frontmatter of a standalone page (content/pages/<slug>.mdx), e.g. the accessibility statement. */
export const StandalonePageSchema = z.object({
  /** Page title. Required. */
  title: TextSchema,
  /** One sentence on what the page is for. Required. */
  summary: TextSchema,
  ...LegalFields,
  /** When the page's content was last updated, YYYY-MM-DD, shown as "Last updated". Optional. */
  updated: IsoDateSchema.optional(),
});
export type StandalonePage = z.output<typeof StandalonePageSchema>;

/** Frontmatter of a term's report commentary (content/report-commentary/<term>.mdx). */
export const CommentarySchema = z.object({
  /** The term it comments on, written like "2024-25-autumn" (academic year, then autumn, spring or summer). Required. */
  term: TermIdSchema,
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
  term: TermIdSchema,
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
  /** Other ways the term is written (plurals, other spellings), linked to the same entry. Default none. */
  aliases: z.array(TextSchema).default([]),
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
