/**
 * The pages that ask to be searched (Base.astro's `search` prop), recorded as they are rendered,
 * so the search index reads only those files instead of every page of the site. Index and filter
 * pages (hundreds at scale) are never indexed, and Pagefind no longer opens and parses them.
 *
 * Kept on globalThis: the pages and the integrations are two module graphs in one build process.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const KEY = Symbol.for('send-quality:searchable-pages');

export function searchablePages(): Set<string> {
  const store = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (store[KEY] ??= new Set());
}

/**
 * The built file of each page address, relative to the output folder (format "directory"):
 * "/guidance/x/" -> "guidance/x/index.html". The base path, when there is one, is removed.
 */
export function pageFiles(pathnames: Iterable<string>, base = '/'): string[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return [...pathnames]
    .map((p) => (p.startsWith(prefix) ? `/${p.slice(prefix.length)}` : p))
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

/**
 * Where the build leaves the list of pages to index: the project's own .astro/ folder (not
 * published, and not shared by copies of the project that link node_modules).
 */
export const searchManifestPath = (root: string) => join(root, '.astro', 'send-quality-search-pages.json');

export interface SearchManifest {
  /** The built site (absolute path). */
  site: string;
  /** Built files of the pages that ask to be searched, relative to `site`. */
  files: string[];
}

export function writeSearchManifest(root: string, manifest: SearchManifest) {
  const file = searchManifestPath(root);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest));
}

/** Removes the list a previous build left, so an index is never built from a stale one. */
export function clearSearchManifest(root: string) {
  rmSync(searchManifestPath(root), { force: true });
}

export function readSearchManifest(root: string): SearchManifest | undefined {
  const file = searchManifestPath(root);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SearchManifest) : undefined;
}
