/**
 * The pages that ask to be searched (Base.astro's `search` prop), recorded as they are rendered,
 * so the search index reads only those files instead of every page of the site. Index and filter
 * pages (hundreds at scale) are never indexed, and Pagefind no longer opens and parses them.
 *
 * Kept on globalThis: the pages and the integrations are two module graphs in one build process.
 */
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
