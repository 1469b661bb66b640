import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { loadData, type LoadedData } from './lib/data/load';
import { AuditRecordSchema, ComplaintRecordSchema, FeedbackRecordSchema } from './lib/data/records';
import { PATHS } from './lib/paths';
import { BriefingSchema, CommentarySchema, FrameworkPageSchema, GlossaryTermSchema, GuidanceSchema, StandalonePageSchema } from './lib/schemas/pages';
import { SourceSchema, StandardSchema, StandardSetSchema, standardId } from './lib/schemas/standard';

// Every file is first checked by src/lib/content-check.ts (run by the content-validation
// integration), which reports all problems with line numbers; these schemas then type the entries.

const standards = defineCollection({
  loader: glob({
    ...PATHS.standards,
    generateId: ({ data }) => standardId(data as { set: string; number: number }),
  }),
  schema: StandardSchema,
});

const guidance = defineCollection({ loader: glob(PATHS.guidance), schema: GuidanceSchema });
const framework = defineCollection({ loader: glob(PATHS.framework), schema: FrameworkPageSchema });
const pages = defineCollection({ loader: glob(PATHS.pages), schema: StandalonePageSchema });
const commentary = defineCollection({ loader: glob(PATHS.commentary), schema: CommentarySchema });
const briefings = defineCollection({ loader: glob(PATHS.briefings), schema: BriefingSchema });
const standardSets = defineCollection({ loader: file(PATHS.standardSets), schema: StandardSetSchema });
const sources = defineCollection({ loader: file(PATHS.sources), schema: SourceSchema });
const glossary = defineCollection({ loader: file(PATHS.glossary), schema: GlossaryTermSchema });

/**
 * Records from the CSV files in data/. They were checked (every row, with line numbers, and the
 * privacy guard) by the content-validation integration before the build started; the loader
 * stores the checked records without checking them again.
 */
function dataLoader<K extends 'audits' | 'feedback' | 'complaints'>(kind: K, ref: (r: LoadedData[K][number]) => string, schema: z.ZodType): Loader {
  return {
    name: `send-quality-${kind}`,
    schema,
    load: async ({ store, config }) => {
      const data = loadData(fileURLToPath(config.root));
      store.clear();
      for (const r of data[kind]) store.set({ id: ref(r), data: r as unknown as Record<string, unknown> });
    },
  };
}

const audits = defineCollection({ loader: dataLoader('audits', (r) => r.audit_ref, AuditRecordSchema) });
const feedback = defineCollection({ loader: dataLoader('feedback', (r) => r.feedback_ref, FeedbackRecordSchema) });
const complaints = defineCollection({ loader: dataLoader('complaints', (r) => r.ref, ComplaintRecordSchema) });

export const collections = { standards, guidance, framework, pages, commentary, briefings, standardSets, sources, glossary, audits, feedback, complaints };
