import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from './dist';

export interface SearchHit {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}

/**
 * Runs the site's own Pagefind bundle (dist/pagefind/pagefind.js) in Node, serving its index
 * files from dist/ in place of the network, and counts the bytes a browser would fetch.
 */
export async function loadPagefind() {
  let bytes = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, 'http://site.test/');
    const body = readFileSync(join(DIST, decodeURIComponent(url.pathname)));
    bytes += body.byteLength;
    const type = url.pathname.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type } });
  }) as typeof fetch;
  const mod = await import(pathToFileURL(join(DIST, 'pagefind/pagefind.js')).href);
  await mod.options({ basePath: 'http://site.test/pagefind/', baseUrl: '/' });
  await mod.init();
  return {
    async search(q: string | null, filters: Record<string, string> = {}): Promise<SearchHit[]> {
      const res = await mod.search(q, { filters });
      return Promise.all(res.results.map((r: { data(): Promise<SearchHit> }) => r.data()));
    },
    filters: (): Promise<Record<string, Record<string, number>>> => mod.filters(),
    bytes: () => bytes,
    close: () => {
      globalThis.fetch = realFetch;
    },
  };
}
