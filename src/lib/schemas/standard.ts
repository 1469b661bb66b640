import { z } from 'astro/zod';
import { LegalFields } from './pages.ts';
import { CoreOfferSchema, EcmOutcomeSchema, IsoDateSchema, SlugSchema, StageSchema, TextSchema } from './common.ts';

/** One supporting-evidence point: plain text, or text with Code of Practice paragraph references. */
export const EvidenceSchema = z.union([
  TextSchema.transform((text) => ({ text, codeOfPractice: [] as string[] })),
  z.object({
    /** The evidence point, in the source's words. Required. */
    text: TextSchema,
    /** SEND Code of Practice 2015 paragraph numbers, e.g. ["6.44"], or a whole chapter, "chapter 10". Default none. */
    codeOfPractice: z
      .array(z.string().regex(/^(\d+\.\d+|chapter \d+)$/, { message: 'must be a paragraph number like "6.44", or a chapter written "chapter 10"' }))
      .default([]),
  }),
]);
export type Evidence = z.output<typeof EvidenceSchema>;

/** Frontmatter of a standard (content/standards/<set>/NN-slug.mdx). */
export const StandardSchema = z.object({
  /** The set this standard belongs to: an id from content/standard-sets.yaml. Required. */
  set: SlugSchema,
  /** The standard's number within its set, from 1. Unique within the set. Required. */
  number: z.number({ message: 'must be a whole number, like 3' }).int({ message: 'must be a whole number' }).positive({ message: 'must be 1 or more' }),
  /** A short plain-English title. Required. */
  title: TextSchema.max(80, { message: 'must be 80 characters or fewer' }),
  /** The official wording of the standard, exactly as in the source. Required. */
  statement: TextSchema,
  /** The section of the set: an id from that set's sections. Required. */
  section: SlugSchema,
  /** Every supporting-evidence point in the source, in order. Default none. */
  evidence: z.array(EvidenceSchema).default([]),
  /** Every Child Matters outcomes this standard serves, where the source gives them. Default none. */
  ecmOutcomes: z.array(EcmOutcomeSchema).default([]),
  /** Core Offer principles this standard serves, where the source gives them. Default none. */
  coreOffer: z.array(CoreOfferSchema).default([]),
  /** One plain-English sentence for families. Required. */
  summary: TextSchema,
  /** When the page's content was last updated, YYYY-MM-DD, shown as "Last updated". Optional. */
  updated: IsoDateSchema.optional(),
  /** Where the official wording comes from. Required. */
  source: z.object({
    /** An id from content/sources.yaml. Required. */
    document: SlugSchema,
    /** The section or paragraph of the source, e.g. "Section 3". Required. */
    paragraph: TextSchema,
  }),
  ...LegalFields,
});
export type Standard = z.output<typeof StandardSchema>;

/** A standard's id, used in references and in audit data: "<set>-<number>", e.g. "ehc-plan-2". */
export function standardId(data: { set: string; number: number }): string {
  return `${data.set}-${data.number}`;
}

/** A set of standards (content/standard-sets.yaml). */
export const StandardSetSchema = z.object({
  /** Stable id used in URLs and standard ids, e.g. "ehc-plan". Required. */
  id: SlugSchema,
  /** Position on the standards index, from 1. Required. */
  order: z.number().int().positive(),
  /** Full title. Required. */
  title: TextSchema,
  /** Short title for navigation and breadcrumbs. Required. */
  shortTitle: TextSchema,
  /** How one of its standards is named before its number, e.g. "EHC plan standard". Default: the short title and "standard". */
  standardLabel: TextSchema.optional(),
  /** A plain-English heading for families, e.g. "What a good EHC plan looks like". Default: the title. */
  familyTitle: TextSchema.optional(),
  /** Plain-English description. Required. */
  description: TextSchema,
  /** An id from content/sources.yaml. Required. */
  source: SlugSchema,
  /** Sections of the set, in order. At least one. */
  sections: z
    .array(z.object({ id: SlugSchema, title: TextSchema, description: TextSchema.optional() }))
    .min(1, { message: 'must list at least one section' }),
  /** Heading over each standard's evidence points, e.g. "What auditors look for". */
  evidenceHeading: TextSchema.default('Supporting evidence'),
  /** A sentence under that heading saying whose list it is, e.g. that it is the partnership's own, not the source's. Optional. */
  evidenceNote: TextSchema.optional(),
  /** What the source says about its own standing, shown under each standard's statement, e.g. "not mandatory". Optional. */
  status: TextSchema.optional(),
  /** Stages of the SEND journey the set applies to, used by the search filters. Default all. */
  stages: z.array(StageSchema).min(1).default(['all']),
  /** Every Child Matters outcomes the whole set serves, where the source says so. Default none. */
  ecmOutcomes: z.array(EcmOutcomeSchema).default([]),
  /** Core Offer principles the whole set has regard to, where the source says so. Default none. */
  coreOffer: z.array(CoreOfferSchema).default([]),
});
export type StandardSet = z.output<typeof StandardSetSchema>;

/** A source document the standards and framework are drawn from (content/sources.yaml). */
export const SourceSchema = z.object({
  id: SlugSchema,
  /** The document's title. Required. */
  title: TextSchema,
  /** Who published it. Required. */
  publisher: TextSchema,
  /** Year of publication. Required. */
  year: z.number().int().min(1990).max(2100),
  /** Publication reference, if the document has one. */
  reference: TextSchema.optional(),
  /** What this site takes from it. */
  note: TextSchema.optional(),
});
export type Source = z.output<typeof SourceSchema>;
