import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Build the example site into dist/ once per test run, so that the build-output and browser
 * tests check a build made from the code and content under test, never a stale one.
 */
export default function setup() {
  // REUSE_DIST=1 skips the rebuild while iterating locally on tests; CI always rebuilds.
  if (process.env.REUSE_DIST === '1' && !process.env.CI) return;
  rmSync(`${root}dist`, { recursive: true, force: true });
  const started = Date.now();
  // `npm run build`: the site, then its search index.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  console.log(`Built the example site for the tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
