import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { globSync } from 'tinyglobby';
import { cspFromHtml, headersFile } from '../lib/security-headers';

/** Writes dist/_headers: security headers, and each page's Content-Security-Policy as a header. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'send-quality:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = globSync('**/*.html', { cwd: root, ignore: ['pagefind/**'] }).map((rel) => ({
          path: `/${rel.replace(/(^|\/)index\.html$/, '$1')}`,
          csp: cspFromHtml(readFileSync(`${root}${rel}`, 'utf8')),
        }));
        writeFileSync(`${root}_headers`, headersFile(pages));
        logger.info(`_headers written for ${pages.length} pages`);
      },
    },
  };
}
