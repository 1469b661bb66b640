import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A throwaway copy of the real content/ and data/ folders, so a test can break one file and
 * check what the real validation says about it.
 */
export function projectCopy(opts: { site?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'send-quality-'));
  // With site: the whole project (sharing node_modules), so it can be validated and built on its own.
  const parts = opts.site ? ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content', 'data', 'scripts'] : ['content', 'data'];
  for (const f of parts) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  if (opts.site) {
    // The packages are shared, but not Astro's and Vite's caches (node_modules/.astro, .vite):
    // copies built at the same time would otherwise read each other's content entries.
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (name !== '.astro' && name !== '.vite') symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    }
  }
  return {
    dir,
    read: (rel: string) => readFileSync(join(dir, rel), 'utf8'),
    write: (rel: string, text: string) => writeFileSync(join(dir, rel), text),
    /** Replace text in a file, failing loudly if the text is not there; returns the new text. */
    edit(rel: string, from: string | RegExp, to: string) {
      const before = readFileSync(join(dir, rel), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`edit: ${String(from)} not found in ${rel}`);
      writeFileSync(join(dir, rel), after);
      return after;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** 1-based line number of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string | RegExp): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
  if (i === -1) throw new Error(`lineOf: ${String(needle)} not found`);
  return i + 1;
}
