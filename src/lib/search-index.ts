/**
 * Builds the Pagefind search index over a finished site. It runs after `astro build` has exited
 * (scripts/search-index.ts, part of `npm run build`), as Pagefind's own documentation runs it:
 * the build's memory is given back before Pagefind takes its own, so the two never add up, and
 * Pagefind does not wait on a busy build process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as pagefind from 'pagefind';
import { pagefindGlob, type SearchManifest } from './search-pages';

/** Indexes the site's searchable pages into `<site>/pagefind/`; returns how many pages. */
export async function buildSearchIndex({ site, files }: SearchManifest): Promise<number> {
  try {
    // Not indexed: a page's own meta line (audience, stage, date; its audience and stage are
    // search filters already). Lists of other pages (GuidanceList, previous and next links) carry
    // data-pagefind-ignore where they are drawn. Each word on every page adds to the index chunk
    // one search downloads.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: ['main > .sq-meta'] });
    if (!index) throw new Error(errors.join('\n'));
    // Only the pages that asked to be searched (recorded by Base.astro as it rendered them) are
    // read; every other page (index and filter pages) has nothing to index.
    const glob = pagefindGlob(files.filter((f) => existsSync(join(site, f))));
    const added = await index.addDirectory(glob ? { path: site, glob } : { path: site });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    return added.page_count;
  } finally {
    await pagefind.close();
    await pagefindExited();
  }
}

/** This process's child processes running a Pagefind binary (Linux: read from /proc). */
function pagefindChildren(): number[] {
  const tasks = `/proc/${process.pid}/task`;
  if (!existsSync(tasks)) return [];
  const out: number[] = [];
  for (const t of readdirSync(tasks)) {
    let kids: string[] = [];
    try {
      kids = readFileSync(`${tasks}/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      continue; // the thread ended, or the kernel does not list children
    }
    for (const pid of kids) {
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind')) out.push(Number(pid));
      } catch {
        // already gone
      }
    }
  }
  return out;
}

/**
 * pagefind.close() only signals its backend process, and Node can exit before the backend has
 * stopped, leaving it running (then unreaped) after the build. Wait, briefly, until it has gone.
 */
async function pagefindExited(timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (pagefindChildren().length && Date.now() < until) await sleep(10);
}
