import { z } from 'astro/zod';
import { IsoDateSchema, TextSchema } from './common.ts';

/** A figure an update revised, named exactly as in the report's figures.csv. */
export const RevisedFigureSchema = z
  .object({
    /** The "section" column of figures.csv, e.g. "Grades by locality". Required. */
    section: TextSchema,
    /** The "group" column, e.g. "Coast" or "All audits". Required. */
    group: TextSchema,
    /** The "measure" column, e.g. "Total" or "% Good or better". Required. */
    measure: TextSchema,
  })
  .strict();

/** One update (correction) to a published report. */
export const ReportUpdateSchema = z
  .object({
    /** Day the report was updated, YYYY-MM-DD; on or after the day it was published. Required. */
    date: IsoDateSchema,
    /** What changed, in a sentence a family can read, e.g. "The number of EHC plan audits in Coast went from 14 to 16." Required. */
    changed: TextSchema,
    /** Why it changed, e.g. "Two audits had been recorded under the wrong locality." Required. */
    reason: TextSchema,
    /** The figures that changed, each marked "r" (revised) in the report. Default none. */
    revised: z.array(RevisedFigureSchema).default([]),
  })
  .strict();

/** A file of updates to one report: content/report-updates/<term>.yaml, a list, oldest first. */
export const ReportUpdatesFileSchema = z.array(ReportUpdateSchema).min(1, { message: 'must list at least one update' });
export type ReportUpdateEntry = z.output<typeof ReportUpdateSchema>;
