import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { clearSearchConfig, pageFiles, searchConfig, searchablePages, writeSearchConfig } from '../lib/search-pages.ts';

/**
 * Records, at the end of `astro build`, which pages ask to be searched (Base.astro notes each as it
 * renders), as the configuration of the Pagefind run that follows (scripts/search-index.mjs;
 * `npm run build` runs both). Pagefind runs after the build has exited, as its documentation runs
 * it: the build's memory is given back before Pagefind takes its own.
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
        clearSearchConfig(root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const files = pageFiles(searchablePages(), base).filter((f) => existsSync(`${site}${f}`));
        writeSearchConfig(root, searchConfig(site, files));
        logger.info(`${files.length} pages to index for search`);
      },
    },
  };
}
