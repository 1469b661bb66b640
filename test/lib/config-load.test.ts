// astro.config.mjs and the integrations it imports (the content and data check, the search and
// security-header steps) are loaded by Node itself, which reads TypeScript by removing the types.
// Astro tries that first and, if it fails, quietly loads the whole module graph through Vite
// instead, which took about 0.4 s longer on every build. An import written without its ".ts"
// (or TypeScript that Node cannot read, such as a constructor's parameter properties) would make
// that happen again without any other test failing; this test fails instead.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the Astro configuration', () => {
  it('loads in plain Node, without Vite', () => {
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('./astro.config.mjs'); console.log(JSON.stringify(m.default.integrations.map((i) => i.name)));"],
      { cwd: process.cwd(), encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const names = JSON.parse(r.stdout.trim()) as string[];
    expect(names).toEqual(expect.arrayContaining(['send-quality:content-validation', 'send-quality:search-pages', 'send-quality:security-headers', '@astrojs/mdx']));
  });
});
