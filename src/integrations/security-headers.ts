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
 */
function pageHead(file: string, bytes = 16 * 1024): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    const text = buf.subarray(0, n).toString('utf8');
    return n < bytes || text.includes('</head>') ? text : readFileSync(file, 'utf8');
  } finally {
    closeSync(fd);
  }
}
