/** Adds the quoted line to each problem in a content file, so a message shows the place itself. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problems.ts';

/**
 * Whether a file's lines may be quoted in a message: content and configuration only. A data
 * file's line may hold personal data, which a message must never echo (see privacy.ts).
 */
export function mayQuote(file: string): boolean {
  return /\.(mdx|md|ya?ml)$/.test(file) && (file.startsWith('content/') || /^data\/[^/]+\.ya?ml$/.test(file));
}

/** The problems, each with `source` set to its line of the file where that may be quoted. */
export function withSourceLines(root: string, problems: Problem[]): Problem[] {
  const files = new Map<string, string[] | undefined>();
  const lines = (file: string) => {
    if (!files.has(file)) {
      try {
        files.set(file, readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/));
      } catch {
        files.set(file, undefined);
      }
    }
    return files.get(file);
  };
  return problems.map((p) => {
    if (p.source !== undefined || p.line === undefined || !mayQuote(p.file)) return p;
    const text = lines(p.file)?.[p.line - 1];
    return text === undefined ? p : { ...p, source: text };
  });
}

/** A place in a text, 1-based. */
export interface Located {
  line: number;
  column: number;
}

/** The offset at which each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of an offset, given the text's line starts (lineStarts). */
export function locate(starts: number[], offset: number): Located {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
