import { describe, expect, it } from 'vitest';
import { benchPages } from '../../scripts/bench-pages';

// The benchmark's generated guidance (scripts/bench-pages.ts) uses the example content's own words,
// as often as the content uses them, so that the search index it gives is shaped like a real one.
describe('benchPages', () => {
  const pages = benchPages(300, ['ehc-plan-1', 'ehc-plan-2']);
  const counts = new Map<string, number>();
  for (const p of pages) for (const w of p.body.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);

  it('gives the same pages for the same seed and count', () => {
    expect(pages).toHaveLength(300);
    expect(benchPages(300, ['ehc-plan-1', 'ehc-plan-2']).map((p) => p.mdx)).toEqual(pages.map((p) => p.mdx));
    expect(benchPages(300, ['ehc-plan-1', 'ehc-plan-2'], 17)[0]!.mdx).not.toBe(pages[0]!.mdx);
  });

  it('writes about 480 words a page with a vocabulary of real guidance, not a short list of equally likely words', () => {
    expect(total / pages.length).toBeGreaterThan(440);
    expect(total / pages.length).toBeLessThan(560);
    // Hundreds of pages of real guidance use well over a thousand different words...
    expect(counts.size).toBeGreaterThan(1000);
    // ...and the commonest words are the short ones, far more frequent than any topic word.
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([w]) => w);
    expect(top).toContain('the');
    expect(counts.get('the')! / total).toBeGreaterThan(0.03);
    expect(counts.get('mediation') ?? 0).toBeGreaterThan(0);
    expect((counts.get('mediation') ?? 0) / total).toBeLessThan(0.005);
  });
});
