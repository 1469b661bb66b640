import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { globSync } from 'tinyglobby';
import { withBase } from '../lib/base-path.ts';

/** Rewrites root-relative links in the built HTML when the site is served under a base path. */
export function basePath(): AstroIntegration {
  let base = '/';
  return {
    name: 'send-quality:base-path',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        if (base === '/' || base === '') return;
        const root = fileURLToPath(dir);
        const files = globSync('**/*.html', { cwd: root, ignore: ['pagefind/**'] });
        for (const f of files) writeFileSync(`${root}${f}`, withBase(readFileSync(`${root}${f}`, 'utf8'), base));
        logger.info(`links in ${files.length} pages now start with ${base}`);
      },
    },
  };
}
