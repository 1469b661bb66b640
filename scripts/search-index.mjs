// `npm run build` runs this after `astro build` has exited: Pagefind's command line builds the
// search index over dist/, told by the configuration the build left (src/integrations/search-pages.ts)
// which pages to index. Plain JavaScript, so it starts in a few milliseconds.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(process.cwd(), '.astro', 'search');
if (!existsSync(join(dir, 'pagefind.json'))) {
  console.error('The search index was not built: there is no finished build to index. Run "npm run build", which builds the site and then its search index.');
  process.exit(1);
}
// The Pagefind binary for this platform, found as the pagefind package's own command does.
const lib = dirname(fileURLToPath(import.meta.resolve('pagefind')));
const { resolveBinaryPath } = await import(pathToFileURL(join(lib, 'resolveBinary.js')).href);
// Index chunks of about 5,000 word positions instead of Pagefind's 20,000: a search loads every
// chunk that can hold its word, so a smaller chunk is a smaller download for each search (one
// word at 4,000 guidance pages: at most 119 KB against 157 KB; docs/benchmarks.md), for a page
// list a few KB longer. Pagefind reads this setting only from the environment and calls it
// unstable; the search budget test (test/e2e/budgets.test.ts) and the chunk test in
// test/build/search-index.test.ts fail if a later Pagefind stops honouring it.
const INDEX_CHUNK_SIZE = '5000';
const env = { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? INDEX_CHUNK_SIZE };
const result = spawnSync(resolveBinaryPath(['pagefind_extended', 'pagefind']), ['--silent'], { cwd: dir, stdio: 'inherit', windowsHide: true, env });
if (result.status !== 0) {
  console.error(`Building the search index failed${result.error ? `: ${result.error.message}` : ''}. The messages above say why.`);
  process.exit(1);
}
const { glob } = JSON.parse(readFileSync(join(dir, 'pagefind.json'), 'utf8'));
console.log(`search index built${glob ? `: ${glob.split(',').length} pages` : ''}`);
