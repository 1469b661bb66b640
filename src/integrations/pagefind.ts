import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { pageFiles, pagefindGlob, searchablePages } from '../lib/search-pages';

/** Builds the Pagefind search index over the finished site, as part of `astro build`. */
export function pagefindIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'send-quality:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          // Not indexed: a page's own meta line (audience, stage, date; its audience and stage
          // are search filters already). Lists of other pages (GuidanceList, previous and next
          // links) carry data-pagefind-ignore where they are drawn. Each word on every page adds
          // to the index chunk one search downloads.
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: ['main > .sq-meta'] });
          if (!index) throw new Error(errors.join('\n'));
          // Only the pages that asked to be searched (recorded by Base.astro as it rendered them)
          // are read; every other page (index and filter pages) has nothing to index.
          const glob = pagefindGlob(pageFiles(searchablePages(), base).filter((f) => existsSync(`${site}${f}`)));
          const added = await index.addDirectory(glob ? { path: site, glob } : { path: site });
          if (added.errors.length) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length) throw new Error(written.errors.join('\n'));
          logger.info(`search index built: ${added.page_count} pages`);
        } catch (cause) {
          throw new Error('Building the search index failed.', { cause });
        } finally {
          await pagefind.close();
          await pagefindExited();
        }
      },
    },
  };
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
