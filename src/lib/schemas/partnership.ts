import { z } from 'astro/zod';
import { IsoDateSchema, SlugSchema, TermIdSchema, TextSchema } from './common.ts';

/** One named option in a configured list (a locality, audit type or level). */
export const OptionSchema = z.object({
  /** Stable id used in CSV files and URLs, e.g. "north". Required. */
  id: SlugSchema,
  /** Name shown to readers, e.g. "North". Required. */
  name: TextSchema,
  /** Optional one-sentence description shown on the methodology page. */
  description: TextSchema.optional(),
});
export type Option = z.infer<typeof OptionSchema>;

/** One grade on the audit grade scale. */
export const GradeSchema = OptionSchema.extend({
  /** Whether this grade counts towards "Good or better". Required. */
  goodOrBetter: z.boolean(),
});
export type Grade = z.infer<typeof GradeSchema>;

/** Start and end dates (inclusive) of one term. */
export const TermDatesSchema = z
  .object({
    /** First day of term, YYYY-MM-DD. Required. */
    start: IsoDateSchema,
    /** Last day counted in this term, YYYY-MM-DD. Required. */
    end: IsoDateSchema,
  })
  .refine((t) => t.start <= t.end, { message: 'the term must start on or before the day it ends', path: ['end'] });

/** The three terms of one academic year. */
export const AcademicYearSchema = z.object({
  /** Academic year written like "2024/25". Required. */
  year: z.string().regex(/^\d{4}\/\d{2}$/, { message: 'must be written like "2024/25"' }),
  autumn: TermDatesSchema,
  spring: TermDatesSchema,
  summer: TermDatesSchema,
});
export type AcademicYear = z.infer<typeof AcademicYearSchema>;

function uniqueIds(list: { id: string }[], ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'id'],
        message: `"${item.id}" is used twice (also at item ${first + 1}); every id in this list must be different`,
      });
    } else seen.set(item.id, i);
  });
}

/** The licence of the downloads when the configuration names none: the UK public sector's usual licence for statistics. */
export const DEFAULT_DATA_LICENCE = {
  name: 'OGL-UK-3.0',
  title: 'Open Government Licence v3.0',
  path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
} as const;

/** When termly reports are published, and which are provisional. */
export const ReportsScheduleSchema = z
  .object({
    /** Days from the end of a term to the publication of its report. Default 42 (six weeks). Range 0–365. */
    publicationLagDays: z
      .number({ message: 'must be a number' })
      .int({ message: 'must be a whole number of days' })
      .min(0, { message: 'must be at least 0' })
      .max(365, { message: 'must be at most 365' })
      .default(42),
    /** Terms whose report is provisional because their data are not final yet, e.g. [2025-26-summer]. Default none. */
    provisional: z.array(TermIdSchema).default([]),
    /** Publication dates that differ from "end of term + publicationLagDays", by term, e.g. { 2025-26-summer: 2026-10-20 }. Default none. */
    published: z.record(TermIdSchema, IsoDateSchema).default({}),
    /** The licence the downloads are published under, named in their metadata (datapackage.json). Default the Open Government Licence v3.0. */
    dataLicence: z
      .object({
        /** Short identifier, e.g. "OGL-UK-3.0" (an SPDX id where there is one). */
        name: z.string().regex(/^[A-Za-z0-9.+-]+$/, { message: 'must be a short identifier such as "OGL-UK-3.0" (letters, digits, dots, plus signs and hyphens)' }),
        /** Its title, e.g. "Open Government Licence v3.0". */
        title: TextSchema,
        /** The address of its text. */
        path: z.url({ message: 'must be a web address starting https://' }),
      })
      .strict()
      .default(DEFAULT_DATA_LICENCE),
  })
  .strict();
export type ReportsSchedule = z.output<typeof ReportsScheduleSchema>;

const OptionListSchema = z.array(OptionSchema).min(1, { message: 'must list at least one option' }).superRefine(uniqueIds);

/**
 * The self-evaluation scale of the Quality Standards for SEN Support and Outreach Services
 * (2008, para 11), best first: used when a partnership does not configure its own.
 */
export const DEFAULT_SELF_EVALUATION_SCALE: Option[] = [
  { id: 'outstanding', name: 'Outstanding', description: 'High rates of progress for most children and young people, and continuous improvement in most areas over three years.' },
  { id: 'good', name: 'Good', description: 'High rates of progress for most children and young people, and improvement in most areas.' },
  { id: 'satisfactory', name: 'Satisfactory', description: 'Consistent evidence of positive outcomes, and data used to improve some areas.' },
  { id: 'inadequate', name: 'Inadequate', description: 'Few examples of evidence of positive outcomes.' },
];

/** Services' yearly self-evaluation against the standards (data/self-evaluation/*.csv). */
export const SelfEvaluationConfigSchema = z.object({
  /** The services that rate themselves each year; the id is what self-evaluation files use in the "service" column. Default none. */
  services: z.array(OptionSchema).superRefine(uniqueIds).default([]),
  /** The rating scale, best first, used in the "rating" column. At least two ratings. Default the 2008 Quality Standards scale: Outstanding, Good, Satisfactory, Inadequate. */
  scale: z
    .array(OptionSchema)
    .min(2, { message: 'must list at least two ratings, best first' })
    .superRefine(uniqueIds)
    .default(DEFAULT_SELF_EVALUATION_SCALE),
});
export type SelfEvaluationConfig = z.infer<typeof SelfEvaluationConfigSchema>;

/** A service families and staff can contact, shown by <Contact id="…" /> (src/components/config/Contact.astro). */
export const ContactSchema = z
  .object({
    /** Used in pages as <Contact id="…" />, e.g. "send-team". Required. */
    id: SlugSchema,
    /** The name as it reads in a sentence, e.g. "the Northvale SEND team". Required. */
    name: TextSchema,
    /** Its email address. An email address or a web address, or both, is required. */
    email: z.email({ message: 'must be an email address, like send@example.org' }).optional(),
    /** Its web page. */
    url: z.url({ message: 'must be a full web address, like https://www.example.org/send' }).optional(),
  })
  .refine((c) => c.email !== undefined || c.url !== undefined, { message: 'needs an email address (email:) or a web address (url:), or both', path: ['email'] });
export type Contact = z.infer<typeof ContactSchema>;

/**
 * The partnership's configuration: every local choice lives here, so another area adopts the
 * generator by editing this one file (data/partnership.yaml), not code.
 */
export const PartnershipSchema = z
  .object({
    /** The partnership: its name and whether the bundled data is fictional example data. */
    area: z.object({
      /** Full name, e.g. "Northvale SEND Partnership". Required. */
      name: TextSchema,
      /** Short name used in running text, e.g. "Northvale". Required. */
      shortName: TextSchema,
      /** True when the content and data are a fictional example; the site then says so on every page. Default false. */
      example: z.boolean().default(false),
      /** One or two sentences about the partnership for the home page. Required. */
      description: TextSchema,
      /** Email address for feedback and accessibility problems. Required. */
      contactEmail: z.email({ message: 'must be an email address, like quality@example.org' }),
      /** Optional address of an online feedback form for every page's "Is this page useful?" links; {url}, {title} and {feedback} in it are filled in. Default: an email to contactEmail. */
      feedbackForm: z.url({ message: 'must be a full web address, like https://forms.example.org/feedback' }).optional(),
    }),
    /**
     * Where families and staff can get help: the council's SEND team, SENDIASS, the Local Offer,
     * the parent carer forum. Pages name them with <Contact id="…" />, which links to each.
     * Default none.
     */
    contacts: z.array(ContactSchema).superRefine(uniqueIds).default([]),
    /** Localities (areas within the partnership) used in audit data. At least one. */
    localities: OptionListSchema,
    /** Types of audit, e.g. EHC plan, annual review. At least one. */
    auditTypes: OptionListSchema,
    /** Audit levels, from single-agency audit to system leader case review. At least one. */
    auditLevels: OptionListSchema,
    /** Themes of family feedback, used in the "theme" column of feedback files. At least one. */
    feedbackThemes: OptionListSchema,
    /** Themes of compliments and complaints, used in the "theme" column of those files. At least one. */
    complaintThemes: OptionListSchema,
    /** Services' yearly self-evaluation: which services rate themselves, and on what scale. Optional: default no services and the 2008 scale. */
    selfEvaluation: SelfEvaluationConfigSchema.default({ services: [], scale: DEFAULT_SELF_EVALUATION_SCALE }),
    /** The grade scale, best grade first. At least two grades, at least one of them Good or better. */
    grades: z
      .array(GradeSchema)
      .min(2, { message: 'must list at least two grades, best first' })
      .superRefine(uniqueIds)
      .superRefine((grades, ctx) => {
        if (!grades.some((g) => g.goodOrBetter)) {
          ctx.addIssue({ code: 'custom', message: 'at least one grade must have goodOrBetter: true' });
        }
        // Good-or-better grades must come first: the scale is ordered best first.
        const firstNot = grades.findIndex((g) => !g.goodOrBetter);
        grades.forEach((g, i) => {
          if (g.goodOrBetter && firstNot !== -1 && i > firstNot) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'goodOrBetter'],
              message: `"${g.name}" counts as Good or better but comes after "${grades[firstNot]!.name}", which does not; list grades best first`,
            });
          }
        });
      }),
    /** The target share of audits graded Good or better, as a whole percentage from 1 to 100. Default 80. */
    target: z.object({
      goodOrBetterPercent: z
        .number({ message: 'must be a number' })
        .int({ message: 'must be a whole number' })
        .min(1, { message: 'must be at least 1' })
        .max(100, { message: 'must be at most 100' })
        .default(80),
    }),
    /** Disclosure control for published figures. */
    disclosure: z.object({
      /** Counts from 1 up to this number are suppressed. Children's statistics use 5; health statistics often 7. Range 1–20. */
      threshold: z
        .number({ message: 'must be a number' })
        .int({ message: 'must be a whole number' })
        .min(1, { message: 'must be at least 1' })
        .max(20, { message: 'must be at most 20' })
        .default(5),
      /** Symbol shown in place of a suppressed figure. GSS standard is "c" (confidential). */
      symbol: z.string().trim().min(1).max(3).default('c'),
    }),
    /** How plain family-facing text must be, checked by npm run validate. Default: limit 11, aim 9. */
    plainEnglish: z
      .object({
        /** Highest reading age (US school grade + 5) a family text may have; above it validation fails. Range 7–18. Default 11. */
        maxReadingAge: z.number({ message: 'must be a number' }).min(7, { message: 'must be at least 7' }).max(18, { message: 'must be at most 18' }).default(11),
        /** Reading age to aim for; texts above it are marked but pass. Range 7–18. Default 9. */
        aimReadingAge: z.number({ message: 'must be a number' }).min(7, { message: 'must be at least 7' }).max(18, { message: 'must be at most 18' }).default(9),
      })
      .default({ maxReadingAge: 11, aimReadingAge: 9 }),
    /** When reports are published and which are provisional. Optional: without it, reports come out 42 days after their term ends. */
    reports: ReportsScheduleSchema.prefault({}),
    /** Term dates for every academic year with data. At least one year. */
    terms: z.array(AcademicYearSchema).min(1, { message: 'must list at least one academic year' }),
    /** Where the site is published. */
    site: z.object({
      /** The site's origin, e.g. "https://northvale.example". Required. */
      url: z.url({ message: 'must be a full web address, like https://quality.example.org' }),
      /** The path the site lives under, "/" for the root. Default "/". */
      base: z.string().regex(/^\/([\w.-]+\/)*$/, { message: 'must start and end with "/", like "/" or "/send-quality/"' }).default('/'),
    }),
  })
  .superRefine((cfg, ctx) => {
    const termIds = new Set(cfg.terms.flatMap((y) => (['autumn', 'spring', 'summer'] as const).map((t) => `${y.year.replace('/', '-')}-${t}`)));
    const unknownTerm = (id: string, path: PropertyKey[]) => {
      if (!termIds.has(id)) ctx.addIssue({ code: 'custom', path, message: `"${id}" is not a term of any academic year under terms; use a configured term or add its year` });
    };
    cfg.reports.provisional.forEach((id, i) => unknownTerm(id, ['reports', 'provisional', i]));
    for (const id of Object.keys(cfg.reports.published)) unknownTerm(id, ['reports', 'published', id]);
    cfg.terms.forEach((y, i) => {
      const order = [y.autumn, y.spring, y.summer];
      for (let t = 1; t < order.length; t++) {
        if (order[t]!.start <= order[t - 1]!.end) {
          ctx.addIssue({
            code: 'custom',
            path: ['terms', i, (['autumn', 'spring', 'summer'] as const)[t]!, 'start'],
            message: 'terms must not overlap: each term must start after the previous one ends',
          });
        }
      }
    });
  });

export type Partnership = z.infer<typeof PartnershipSchema>;
