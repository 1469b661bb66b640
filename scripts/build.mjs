// `npm run build` (and `npm run build:preview`): builds the site with `astro build`, then its
// search index (scripts/search-index.mjs). Plain JavaScript, so it starts in a few milliseconds.
//
// Astro's bundler (Rolldown) allocates its memory with mimalloc, which by default keeps memory it
// has freed reserved for the process and commits new memory eagerly. Those two settings
// (MIMALLOC_PURGE_DELAY, MIMALLOC_ARENA_EAGER_COMMIT) are read from the environment when the
// bundler is loaded, so they are set here, for the build's own process, before it starts: with
// them the build's peak memory at 4,000 guidance pages fell from about 2.0 GB to 1.6 GB, in the
// same time (docs/benchmarks.md, `npm run bench:build`). A value already in the environment wins.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Allocator settings for the build's process (mimalloc's environment variables). */
const ALLOCATOR_ENV = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' };

const astro = join(process.cwd(), 'node_modules/astro/bin/astro.mjs');
const build = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...ALLOCATOR_ENV, ...process.env },
  windowsHide: true,
});
if (build.status !== 0) {
  if (build.error) console.error(`The build could not start: ${build.error.message}`);
  process.exit(build.status ?? 1);
}
// Then the search index over the pages just built, in this process.
await import('./search-index.mjs');
