import { z } from 'astro/zod';

/** A lower-case identifier used in URLs and references: letters, digits and hyphens. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must be lower-case letters, digits and single hyphens, like "ehc-plan"',
  });

/** Non-empty text with surrounding spaces removed. */
export const TextSchema = z.string().trim().min(1, { message: 'must not be empty' });

/** The five Every Child Matters outcomes (Quality Standards 2008, Overview). */
export const ECM_OUTCOMES = [
  'being-healthy',
  'staying-safe',
  'enjoying-and-achieving',
  'making-a-positive-contribution',
  'economic-well-being',
] as const;
export const EcmOutcomeSchema = z.enum(ECM_OUTCOMES);
export type EcmOutcome = z.infer<typeof EcmOutcomeSchema>;

/** The five Core Offer principles (Aiming High for Disabled Children; Lamb Inquiry implementation plan 2010). */
export const CORE_OFFER = ['information', 'transparency', 'assessment', 'participation', 'feedback'] as const;
export const CoreOfferSchema = z.enum(CORE_OFFER);
export type CoreOffer = z.infer<typeof CoreOfferSchema>;

/** Who a page is written for. */
export const AUDIENCES = ['families', 'practitioners'] as const;
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

/** Stages of the SEND journey a guidance entry applies to. */
export const STAGES = ['sen-support', 'ehc-needs-assessment', 'ehc-plan', 'annual-review', 'preparing-for-adulthood', 'all'] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

/** The kinds of page the search index knows, offered as the search page's "Type of page" filter. */
export const SEARCH_TYPES = ['Standard', 'Guidance', 'Framework', 'Report', 'Briefing', 'Glossary'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Human labels for the enumerations above, used on pages and in filters. */
export const LABELS = {
  ecm: {
    'being-healthy': 'Being healthy',
    'staying-safe': 'Staying safe',
    'enjoying-and-achieving': 'Enjoying and achieving',
    'making-a-positive-contribution': 'Making a positive contribution',
    'economic-well-being': 'Economic well-being',
  },
  coreOffer: {
    information: 'Information',
    transparency: 'Transparency',
    assessment: 'Assessment',
    participation: 'Participation',
    feedback: 'Feedback',
  },
  audience: { families: 'Families', practitioners: 'Practitioners' },
  stage: {
    'sen-support': 'SEN support',
    'ehc-needs-assessment': 'EHC needs assessment',
    'ehc-plan': 'EHC plan',
    'annual-review': 'Annual review',
    'preparing-for-adulthood': 'Preparing for adulthood',
    all: 'All stages',
  },
} as const satisfies {
  ecm: Record<EcmOutcome, string>;
  coreOffer: Record<CoreOffer, string>;
  audience: Record<Audience, string>;
  stage: Record<Stage, string>;
};

/** A calendar date written YYYY-MM-DD (YAML may already have turned it into a Date). */
export const IsoDateSchema = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD, like 2024-09-01' })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: 'is not a real calendar date',
    }),
);
