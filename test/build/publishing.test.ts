import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { globSync } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browser';
import { serveStatic } from '../../scripts/static-server';
import { loadPartnership } from '../../src/lib/partnership';
import { csvFigure } from '../helpers/figures-csv';
import { ROOT, lineOf, projectCopy } from '../helpers/project-copy';

/** A full copy of the project (sharing node_modules) that can be built on its own. */
const siteCopy = () => projectCopy({ site: true }).dir;
/** The environment a build gets in a terminal or CI, without what the test runner adds (such as BASE_URL). */
const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...cleanEnv } = process.env;
const run = (dir: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...cleanEnv, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
const astro = (dir: string, env: Record<string, string> = {}) => run(dir, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
const tsx = (dir: string, script: string, args: string[], env: Record<string, string> = {}) =>
  run(dir, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], env);

/** No Node or Astro stack trace, and no Astro "unhandled error" banner, in a command's output. */
const expectCleanFailure = (out: { status: number | null; stdout: string; stderr: string }) => {
  const text = out.stdout + out.stderr;
  expect(out.status, text).not.toBe(0);
  expect(text).not.toMatch(/^\s+at .+[(:]\d+/m);
  expect(text).not.toMatch(/unhandled error|\[ERROR\]|Error: |node:internal/i);
};
const npm = (dir: string, args: string[]) => spawnSync('npm', args, { cwd: dir, encoding: 'utf8', env: { ...cleanEnv, ASTRO_TELEMETRY_DISABLED: '1' } });

describe("starting a new briefing: from the scaffold, or by copying last term's", () => {
  const LAST = 'content/briefings/2025-26-spring-smart-outcomes-learning-brief.mdx';
  const COPY = 'content/briefings/2025-26-summer-smart-outcomes-copied.mdx';
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = siteCopy();
    const out = tsx(dir, 'scripts/new-briefing.ts', ['--term', '2025-26-spring', '--title', 'Spring term: what we learned']);
    expect(out.status, out.stderr).toBe(0);
    file = out.stdout.match(/Wrote (\S+)/)![1]!;
    // The guide's own method: copy last term's briefing, change its term:, title and date, and
    // write words of its own (a copy with only its term: changed is refused: see briefing-files.test.ts).
    const last = readFileSync(join(dir, LAST), 'utf8');
    const copy = last
      .replace('term: 2025-26-spring', 'term: 2025-26-summer')
      .replace(/^title: "Spring term 2025\/26/m, 'title: "Summer term 2025/26')
      .replace(/^published: .*$/m, 'published: 2026-09-20');
    writeFileSync(join(dir, COPY), `${copy}\nWe will look at outcomes again next term.\n`);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a draft with valid frontmatter, named after the term and the title without repeating the term', () => {
    expect(file).toBe('content/briefings/2025-26-spring-what-we-learned.mdx');
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Spring term: what we learned"\nterm: 2025-26-spring\n/);
    expect(text).toContain('draft: true');
  });

  it('refuses an unknown term, a term with no data (naming the file it needs), and will not overwrite a file, without a stack trace', () => {
    const unknown = tsx(dir, 'scripts/new-briefing.ts', ['--term', '2031-32-spring', '--title', 'x']);
    expect(unknown.stderr).toContain('is not a term in data/partnership.yaml');
    expectCleanFailure(unknown);
    const noData = tsx(dir, 'scripts/new-briefing.ts', ['--term', '2026-27-autumn', '--title', 'Autumn']);
    expect(noData.stderr).toContain('There are no figures for 2026-27-autumn yet');
    expect(noData.stderr).toContain('data/audits/2026-27-autumn.csv');
    expectCleanFailure(noData);
    expect(existsSync(join(dir, 'content/briefings/2026-27-autumn-autumn.mdx'))).toBe(false);
    const again = tsx(dir, 'scripts/new-briefing.ts', ['--term', '2025-26-spring', '--title', 'Spring term: what we learned']);
    expect(again.stderr).toContain('already exists');
    expectCleanFailure(again);
    expectCleanFailure(tsx(dir, 'scripts/new-briefing.ts', ['--term']));
  }, 60_000);

  it('works through npm without "--", which keeps the options for itself', () => {
    const out = npm(dir, ['run', 'new:briefing', '--term', '2025-26-summer', '--title', 'What families told us']);
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toContain('Wrote content/briefings/2025-26-summer-what-families-told-us.mdx');
    expect(readFileSync(join(dir, 'content/briefings/2025-26-summer-what-families-told-us.mdx'), 'utf8')).toMatch(/^---\ntitle: "What families told us"\nterm: 2025-26-summer\n/);
    rmSync(join(dir, 'content/briefings/2025-26-summer-what-families-told-us.mdx'));
  }, 60_000);

  it("builds in a preview with live figures, and is left out of the published site while a draft; a copy of last term's briefing shows the new term's figures", () => {
    const preview = astro(dir, { PREVIEW: 'true' });
    expect(preview.status, preview.stdout + preview.stderr).toBe(0);
    const page = join(dir, 'dist/briefings/2025-26/spring/2025-26-spring-what-we-learned/index.html');
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, 'utf8');
    const figures = [...html.matchAll(/class="sq-statnum"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(figures).toHaveLength(2);
    for (const f of figures) expect(f).toMatch(/^(\d+%|\d+|c)$/);
    expect(html).toContain('Draft: not published');

    const published = astro(dir);
    expect(published.status, published.stdout + published.stderr).toBe(0);
    expect(existsSync(page)).toBe(false);
    expect(readFileSync(join(dir, 'dist/rss.xml'), 'utf8')).not.toContain('what-we-learned');

    // Every figure of the copy is the summer term's, as the summer report's CSV download publishes it.
    const copied = readFileSync(join(dir, 'dist/briefings/2025-26/summer/2025-26-summer-smart-outcomes-copied/index.html'), 'utf8');
    const original = readFileSync(join(dir, 'dist/briefings/2025-26/spring/2025-26-spring-smart-outcomes-learning-brief/index.html'), 'utf8');
    const stats = (h: string) => [...h.matchAll(/<strong class="sq-statnum"([^>]*)>([^<]+)</g)].map((m) => ({ attrs: m[1]!, shown: m[2]! }));
    const csv = readFileSync(join(dir, 'dist/reports/2025-26/summer/figures.csv'), 'utf8');
    const summerValue = (key: { section: string; group: string; measure: string }) => csvFigure(csv, key, loadPartnership(dir).disclosure.symbol);
    const copyStats = stats(copied);
    expect(copyStats.length).toBeGreaterThan(0);
    expect(copyStats.length).toBe(stats(original).length);
    for (const s of copyStats) {
      expect(s.attrs).toContain('data-term="2025-26-summer"');
      const key = JSON.parse(s.attrs.match(/data-csv="([^"]*)"/)![1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
      expect(s.shown.trim(), JSON.stringify(key)).toBe(summerValue(key));
    }
    expect(stats(original).every((s) => s.attrs.includes('data-term="2025-26-spring"'))).toBe(true);
    expect(copyStats.map((s) => s.shown)).not.toEqual(stats(original).map((s) => s.shown));
  }, 240_000);
});

describe('a broken reference in a briefing', () => {
  let dir: string;
  beforeAll(() => {
    dir = siteCopy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails validation with a GitHub annotation on its file and line, and stops the build', () => {
    const rel = 'content/briefings/2025-26-summer-quality-briefing.mdx';
    const text = readFileSync(join(dir, rel), 'utf8');
    const broken = text.replace(/<Stat metric="good-or-better"/, '<Stat metric="good-or-beter"');
    expect(broken).not.toBe(text);
    writeFileSync(join(dir, rel), broken);
    const line = lineOf(broken, 'good-or-beter');
    const col = broken.split('\n')[line - 1]!.indexOf('metric="good-or-beter"') + 1;

    const summary = join(dir, 'summary.md');
    const out = tsx(dir, 'scripts/validate.ts', [], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(`::error file=${rel},line=${line},col=${col},title=Problem in <Stat> metric::<Stat> metric: found "good-or-beter", which is not a figure we publish. Did you mean "good-or-better"?`);
    expect(out.stderr).toContain(`${rel}:${line}:${col}`);
    expectCleanFailure(out);
    // Every problem in the job summary too, as a table (GitHub shows only ten annotations a step).
    expect(readFileSync(summary, 'utf8')).toContain(`| ${rel}, line ${line} | &lt;Stat> metric: found "good-or-beter", which is not a figure we publish. Did you mean "good-or-better"?`);

    const build = astro(dir);
    expectCleanFailure(build);
    const printed = build.stdout + build.stderr;
    expect(printed).toContain('The site was not built: please fix these problems in the content or data.');
    expect(printed).toContain(`${rel}:${line}:${col}  <Stat> metric: found "good-or-beter"`);
    expect(printed).toContain('How to fix: write metric="good-or-better".');
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(false);
  }, 120_000);
});

describe('a link to no page in a briefing', () => {
  let dir: string;
  beforeAll(() => {
    dir = siteCopy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the build with the file, line and the nearest page, and leaves nothing built', () => {
    const rel = 'content/briefings/2025-26-summer-quality-briefing.mdx';
    const text = readFileSync(join(dir, rel), 'utf8');
    const slipped = text.replace(/^## /m, 'Read [how to write SMART outcomes](/guidance/smart-outcome/).\n\n## ');
    expect(slipped).not.toBe(text);
    writeFileSync(join(dir, rel), slipped);
    const line = lineOf(slipped, '/guidance/smart-outcome/');
    const col = slipped.split('\n')[line - 1]!.indexOf('/guidance/smart-outcome/') + 1;
    // Validation alone cannot know the site's pages; the build tests every link against them.
    const build = astro(dir);
    expectCleanFailure(build);
    const printed = build.stdout + build.stderr;
    expect(printed).toContain('The site was not built: please fix these problems in the content or data.');
    expect(printed).toContain(`${rel}:${line}:${col}  the link to "/guidance/smart-outcome/" goes to no page of this site`);
    expect(printed).toContain('Did you mean /guidance/smart-outcomes/?');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  }, 120_000);
});

describe('mistakes in several files at once', () => {
  let copy: ReturnType<typeof projectCopy>;
  beforeAll(() => {
    copy = projectCopy({ site: true });
  });
  afterAll(() => copy.remove());

  it('reports every mistake in content, briefings and data together, and builds nothing', () => {
    const { dir, edit } = copy;
    const guidance = 'content/guidance/smart-outcomes.mdx';
    edit(guidance, 'audience: [practitioners]', 'audience: [parents]');
    const briefing = 'content/briefings/2025-26-summer-quality-briefing.mdx';
    edit(briefing, '<StandardLink id="ehc-plan-5" ', '<StandardLink id="ehc-plan-55" ');
    const b = edit(briefing, '<ReportChart section="by-locality"', '<ReportChart section="by-town"');
    const csv = 'data/audits/2025-26-summer.csv';
    const c = edit(csv, /^(NV-A-2025-02096,2026-07-15,ehc-plan,statutory-assessment-team,coast,)good,/m, '$1Excelent,');

    const expected = [
      `${guidance}:4`,
      `${briefing}:${lineOf(b, 'ehc-plan-55')}:`,
      `${briefing}:${lineOf(b, 'by-town')}:`,
      `${csv}:${lineOf(c, 'Excelent')}:6`,
    ];
    const out = tsx(dir, 'scripts/validate.ts', []);
    expect(out.status).toBe(1);
    for (const where of expected) expect(out.stderr, where).toContain(where);
    expect(out.stderr).toContain('found "Excelent", which is not a grade');
    expect(out.stderr).toContain('found "ehc-plan-55", which is not a known standard');
    expect(out.stderr).toContain('found "by-town", which is not a section of a report');

    const build = astro(dir);
    expect(build.status).not.toBe(0);
    for (const where of expected) expect(build.stdout + build.stderr, where).toContain(where);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  }, 120_000);
});

describe('the site deployed under a base path, as GitHub Pages serves a project site', () => {
  const BASE = '/send-quality/';
  let dir: string;
  let dist: string;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  beforeAll(async () => {
    dir = siteCopy();
    const out = astro(dir, { SITE_URL: 'https://example.github.io', BASE_PATH: BASE });
    expect(out.status, out.stdout + out.stderr).toBe(0);
    // Then the search index, as `npm run build` does.
    const search = run(dir, ['scripts/search-index.mjs']);
    expect(search.status, search.stdout + search.stderr).toBe(0);
    dist = join(dir, 'dist');
    // Serve the build at /send-quality/ and nothing at the root, like https://owner.github.io/repo/.
    const host = join(dir, 'host');
    mkdirSync(host);
    symlinkSync(dist, join(host, BASE.replaceAll('/', '')));
    writeFileSync(join(host, '404.html'), 'Not found');
    site = await serveStatic(host);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts every link, script, stylesheet and download with the base path, and each one resolves', () => {
    const pages = globSync('**/*.html', { cwd: dist, ignore: ['pagefind/**'] });
    expect(pages.length).toBeGreaterThan(100);
    const broken: string[] = [];
    let checked = 0;
    for (const rel of pages) {
      const html = readFileSync(join(dist, rel), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src|action)="(\/[^"#?]*)/g)) {
        const url = m[1]!;
        if (url.startsWith('//')) continue;
        checked++;
        if (!url.startsWith(BASE)) {
          broken.push(`${rel}: ${url} does not start with ${BASE}`);
          continue;
        }
        const path = join(dist, decodeURIComponent(url.slice(BASE.length)));
        if (!existsSync(path) || (statSync(path).isDirectory() && !existsSync(join(path, 'index.html')))) broken.push(`${rel}: ${url} resolves to nothing`);
      }
    }
    console.log(`base path: ${checked} root-relative URLs in ${pages.length} pages checked`);
    expect(broken).toEqual([]);
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('<link rel="canonical" href="https://example.github.io/send-quality/"');
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toMatch(/<channel>.*<link>https:\/\/example\.github\.io\/send-quality\/<\/link>.*<item><title>[^<]*<\/title><link>https:\/\/example\.github\.io\/send-quality\/briefings\//);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain('<loc>https://example.github.io/send-quality/standards/</loc>');
  });

  it('works in a browser: navigation, a report chart, and a search whose result opens the right page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${site.url}${BASE}`);
    await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Standards' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`${BASE}standards/`);

    await page.goto(`${site.url}${BASE}reports/`);
    await page.locator('main a[href*="/reports/20"]').first().click();
    const chart = page.locator('.sq-chart').first();
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('canvas').waitFor({ timeout: 10_000 });

    await page.goto(`${site.url}${BASE}search/`);
    await page.fill('#search-q', 'adulthood');
    const result = page.locator('#search-results a').first();
    await result.waitFor({ timeout: 10_000 });
    expect(await result.getAttribute('href')).toMatch(new RegExp(`^${BASE}`));
    await result.click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').count()).toBe(1);
    expect(failed).toEqual([]);
    await context.close();
  }, 60_000);
});
