import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Builds the Pagefind search index over the finished site, as part of `astro build`. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'send-quality:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length) throw new Error(written.errors.join('\n'));
          logger.info(`search index built: ${added.page_count} pages`);
        } catch (cause) {
          throw new Error('Building the search index failed.', { cause });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
