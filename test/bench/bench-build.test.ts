import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project-copy';

// The build benchmark (npm run bench:build) at its smallest: 50 generated pages, one round. It
// checks that the harness still runs and both builds succeed, not how fast they are.
describe('npm run bench:build', () => {
  it('builds the project and the bare floor over 50 generated pages and prints the ratio', async () => {
    const { stdout } = await promisify(execFile)(`${ROOT}node_modules/.bin/tsx`, ['scripts/bench-build.ts', '50', '--rounds', '1'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout).toMatch(/round 1 project ok /);
    expect(stdout).toMatch(/round 1 floor +ok /);
    expect(stdout).toMatch(/\| Build, wall time \| [\d.]+ s \| [\d.]+ s \| [\d.]+× \|/);
    const largest = /Largest index page \(compressed HTML\): \S+ ([\d.]+) KB, of (\d+) index/.exec(stdout);
    expect(largest, stdout).not.toBeNull();
    expect(Number(largest![2])).toBeGreaterThan(20);
    expect(Number(largest![1])).toBeLessThanOrEqual(14);
    expect(stdout).toMatch(/Ratio project\/floor: \d+\.\d\d \(time\), \d+\.\d\d \(peak memory\)/);
    // No Pagefind process is left running once the search index step has exited (scripts/search-index.mjs).
    expect(stdout).not.toMatch(/Pagefind process\(es\) left running/);
  }, 300_000);
});
