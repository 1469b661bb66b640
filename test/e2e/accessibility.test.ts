import { describe, expect, it } from 'vitest';
import { AXE_SOURCE, external, sitePaths, useSite } from './harness';

// WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the public sector accessibility regulations require.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

describe('axe-core on every built page', () => {
  const site = useSite();

  it('finds no WCAG 2.2 A or AA violations on any page', async () => {
    // bypassCSP lets the test inject axe-core; the site itself runs under its real CSP elsewhere.
    const page = await site.page({ bypassCSP: true });
    const paths = [...sitePaths(), '/no-such-page/'];
    const report: string[] = [];
    for (const path of paths) {
      await page.goto(site.base + path);
      await page.evaluate(AXE_SOURCE);
      const result = (await page.evaluate(
        (tags) => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        TAGS,
      )) as AxeResult;
      for (const v of result.violations) report.push(`${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    console.log(`axe: ${paths.length} pages checked against ${TAGS.join(', ')}; ${report.length} violations`);
    expect(report).toEqual([]);
    expect(external).toEqual([]);
  }, 900_000);
});
