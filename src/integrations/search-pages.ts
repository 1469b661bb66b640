import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { clearSearchManifest, pageFiles, searchablePages, writeSearchManifest } from '../lib/search-pages';

/**
 * Records, at the end of `astro build`, which pages ask to be searched (Base.astro notes each as it
 * renders), for the search index built next by scripts/search-index.ts (`npm run build` runs both).
 */
export function searchPages(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'send-quality:search-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        clearSearchManifest(root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const files = pageFiles(searchablePages(), base);
        writeSearchManifest(root, { site: fileURLToPath(dir), files });
        logger.info(`${files.length} pages to index for search`);
      },
    },
  };
}
