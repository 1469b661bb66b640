/**
 * The pages that ask to be searched (Base.astro's `search` prop), recorded as they are rendered,
 * so the search index reads only those files instead of every page of the site. Index and filter
 * pages (hundreds at scale) are never indexed, and Pagefind no longer opens and parses them.
 *
 * Kept on globalThis: the pages and the integrations are two module graphs in one build process.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY = Symbol.for('send-quality:searchable-pages');

export function searchablePages(): Set<string> {
  const store = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (store[KEY] ??= new Set());
}

/** A page's address with the base path taken off the front: "/repo/guidance/x/" -> "/guidance/x/" under "/repo". */
export function withoutBase(pathname: string, base = '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : pathname;
}

/**
 * The built file of each page address, relative to the output folder (format "directory"):
 * "/guidance/x/" -> "guidance/x/index.html". The base path, when there is one, is removed.
 */
export function pageFiles(pathnames: Iterable<string>, base = '/'): string[] {
  return [...pathnames]
    .map((p) => withoutBase(p, base))
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .map((rel) => (rel ? `${rel}/index.html` : 'index.html'))
    .sort();
}

/**
 * A Pagefind glob matching exactly these files ("{a/index.html,b/index.html}"), or undefined when
 * a file name holds glob syntax (, { } [ ] * ? \): page addresses are slugs, so none should, but
 * such a file is never left to match something else; the whole folder is read instead.
 */
export function pagefindGlob(files: readonly string[]): string | undefined {
  if (!files.length || files.some((f) => /[,{}[\]*?\\]/.test(f))) return undefined;
  return `{${files.join(',')}}`;
}

/** The folder the build leaves Pagefind's configuration in: the project's own .astro/ (not published, not shared by copies). */
export const searchConfigDir = (root: string) => join(root, '.astro', 'search');

/** What Pagefind is told to index: written as pagefind.json, which Pagefind reads from its working folder. */
export interface SearchConfig {
  /** The built site (absolute path). */
  site: string;
  /** Exactly the files of the pages that ask to be searched (see pagefindGlob); absent: every page. */
  glob?: string;
  /**
   * Not indexed: a page's own meta line (audience, stage, date; its audience and stage are search
   * filters already). Lists of other pages carry data-pagefind-ignore where they are drawn.
   */
  exclude_selectors: string[];
  force_language: string;
}

export function searchConfig(site: string, files: readonly string[]): SearchConfig {
  const glob = pagefindGlob(files);
  return { site, ...(glob ? { glob } : {}), exclude_selectors: ['main > .sq-meta'], force_language: 'en' };
}

export function writeSearchConfig(root: string, config: SearchConfig) {
  const dir = searchConfigDir(root);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pagefind.json'), JSON.stringify(config));
}

/** Removes what a previous build left, so an index is never built from a stale list. */
export function clearSearchConfig(root: string) {
  rmSync(searchConfigDir(root), { recursive: true, force: true });
}
