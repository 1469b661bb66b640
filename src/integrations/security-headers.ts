import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { globSync } from 'tinyglobby';
import { cspFromHtml, headersFile } from '../lib/security-headers.ts';

/** Writes dist/_headers: security headers, and each page's Content-Security-Policy as a header. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'send-quality:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = globSync('**/*.html', { cwd: root, ignore: ['pagefind/**'] }).map((rel) => ({
          path: `/${rel.replace(/(^|\/)index\.html$/, '$1')}`,
          csp: cspFromHtml(pageHead(`${root}${rel}`)),
        }));
        writeFileSync(`${root}_headers`, headersFile(pages));
        logger.info(`_headers written for ${pages.length} pages`);
      },
    },
  };
}

/**
 * The start of a built page, up to the end of its <head> where Astro puts the policy: reading only
 * that much is enough, instead of every page whole. A page whose head is longer is read whole.
 * One buffer serves every page (the text is copied out of it).
 */
const head = Buffer.alloc(16 * 1024);
function pageHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('utf8');
    return n < head.length || text.includes('</head>') ? text : readFileSync(file, 'utf8');
  } finally {
    closeSync(fd);
  }
}
