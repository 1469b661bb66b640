import { z } from 'astro/zod';
import { TERM_NAMES } from '../data/terms.ts';

/** A lower-case identifier used in URLs and references: letters, digits and hyphens. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must be lower-case letters, digits and single hyphens, like "ehc-plan"',
  });

/** Non-empty text with surrounding spaces removed. */
export const TextSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  // Quotation marks typed by a word processor around a whole value are not YAML's quotes: they
  // would be shown on the page as part of the text.
  .refine((s) => !/^[“‘„].*[”’“]$/s.test(s), {
    message: 'the value is in curly quotation marks (“…”), as a word processor types them, so they would be shown on the page as part of the text',
    params: { expected: 'straight quotation marks ("…") around the value, or none', fix: 'type the two quotation marks again in the GitHub editor, or delete them' },
  });

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

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function realDate(y: number, m: number, d: number): string | undefined {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return m >= 1 && m <= 12 && !Number.isNaN(t.getTime()) && t.toISOString().startsWith(iso) ? iso : undefined;
}

/**
 * The date a person most likely meant, written YYYY-MM-DD, for "Did you mean …?": 15/09/2026
 * (day first, as written in the UK), 2026/09/15, 15 September 2026, 2026-9-5, and a month and
 * day swapped (2026-15-09) or a month's digits swapped (2026-90-15). Undefined when unsure.
 */
export function intendedDate(s: string): string | undefined {
  const t = s.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return realDate(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    const reversed = m[2]!.length === 2 ? +m[2]!.split('').reverse().join('') : NaN;
    return realDate(y, mo, d) ?? realDate(y, d, mo) ?? (Number.isNaN(reversed) ? undefined : realDate(y, reversed, d));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})$/i.exec(t);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith(m![2]!.toLowerCase()) && m![2]!.length >= 3);
    if (month !== -1) return realDate(+m[3]!, month + 1, +m[1]!);
  }
  return undefined;
}

/**
 * A calendar date written YYYY-MM-DD (YAML may already have turned it into a Date). A slip gives
 * one message, saying the form expected and, where it can tell, the date meant.
 */
export const IsoDateSchema = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().superRefine((s, ctx) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m && realDate(+m[1]!, +m[2]!, +m[3]!)) return;
    const meant = intendedDate(s);
    const example = meant ?? '2026-09-15';
    ctx.addIssue({
      code: 'custom',
      message: m ? 'is not a real calendar date' : 'is not written year-month-day',
      params: {
        expected: `a date written YYYY-MM-DD (year, month, day), like ${example}`,
        fix: meant ? `write ${meant} instead` : m ? 'check the month (01 to 12) and the day (one that month has)' : `write the date as year-month-day with dashes, like ${example}`,
        didYouMean: meant,
      },
    });
  }),
);

/** A term id: the academic year, then autumn, spring or summer ("2025-26-summer"). Also the data package's pattern for term_id. */
export const TERM_ID_PATTERN = `^\\d{4}-\\d{2}-(${TERM_NAMES.join('|')})$`;
/** A term written like "2025-26-summer": academic year, then autumn, spring or summer. */
export const TermIdSchema = z.string().regex(new RegExp(TERM_ID_PATTERN), { message: 'must be a term written like "2025-26-summer"' });
