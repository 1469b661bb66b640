import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A throwaway copy of the real content/ and data/ folders, so a test can break one file and
 * check what the real validation says about it.
 */
export function projectCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'send-quality-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return {
    dir,
    read: (rel: string) => readFileSync(join(dir, rel), 'utf8'),
    write: (rel: string, text: string) => writeFileSync(join(dir, rel), text),
    /** Replace text in a file, failing loudly if the text is not there. */
    edit(rel: string, from: string | RegExp, to: string) {
      const before = readFileSync(join(dir, rel), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`edit: ${String(from)} not found in ${rel}`);
      writeFileSync(join(dir, rel), after);
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
