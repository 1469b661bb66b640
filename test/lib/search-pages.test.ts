import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project-copy';
import { pageFiles, pagefindGlob } from '../../src/lib/search-pages';

describe('the pages the search index reads', () => {
  it('turns page addresses into built files, without the base path', () => {
    expect(pageFiles(['/guidance/smart-outcomes/', '/', '/glossary/'])).toEqual(['glossary/index.html', 'guidance/smart-outcomes/index.html', 'index.html']);
    expect(pageFiles(['/send/', '/send/reports/2025-26/summer/'], '/send/')).toEqual(['index.html', 'reports/2025-26/summer/index.html']);
    expect(pageFiles(['/send/reports/'], '/send')).toEqual(['reports/index.html']);
  });

  it('makes one glob matching exactly those files, and none for a name holding glob syntax', () => {
    expect(pagefindGlob(['a/index.html', 'b/index.html'])).toBe('{a/index.html,b/index.html}');
    expect(pagefindGlob(['a/index.html', 'a,b/index.html'])).toBeUndefined();
    expect(pagefindGlob(['c*/index.html'])).toBeUndefined();
    expect(pagefindGlob([])).toBeUndefined();
  });
});

describe('the search index step of npm run build', () => {
  it('refuses to run with no finished build to index, saying what to run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/search-index.mjs')], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('there is no finished build to index. Run "npm run build"');
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
