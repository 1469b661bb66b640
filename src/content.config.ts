import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
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

// The CSV data in data/ is not a collection: row-level records of children's audits never enter
// Astro's data store or its cache. Pages read the published figures (src/lib/snapshot.ts).
export const collections = { standards, guidance, framework, pages, commentary, briefings, standardSets, sources, glossary };
