import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { globSync } from 'tinyglobby';
import { ROOT } from './project-copy';

export const DIST = join(ROOT, 'dist');

/** Every built HTML page, as a path relative to dist/ ("standards/ehc-plan/2/index.html"). */
export function htmlPages(): string[] {
  return globSync('**/*.html', { cwd: DIST, ignore: ['pagefind/**'] }).sort();
}

const cache = new Map<string, HTMLElement>();
export function page(rel: string): HTMLElement {
  let doc = cache.get(rel);
  if (!doc) {
    doc = parse(readFileSync(join(DIST, rel), 'utf8'), { comment: false });
    cache.set(rel, doc);
  }
  return doc;
}

/** The URL path a built file is served at: "standards/index.html" -> "/standards/". */
export function urlOf(rel: string): string {
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * The dist/ file an internal URL path resolves to, as a static host would serve it
 * ("/a/" -> a/index.html, "/a/b.css" -> a/b.css), or undefined when nothing is there.
 */
export function fileFor(pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname).replace(/^\/+/, '');
  for (const candidate of [clean, posix.join(clean, 'index.html'), `${clean}.html`]) {
    const abs = join(DIST, candidate);
    if (candidate && existsSync(abs) && statSync(abs).isFile()) return candidate;
    if (!candidate && existsSync(join(DIST, 'index.html'))) return 'index.html';
  }
  return undefined;
}

/** Attributes that load or link to something. */
export const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data', 'formaction', 'srcset', 'content'] as const;
