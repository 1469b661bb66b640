import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, lineOf } from '../helpers/project-copy';

/** A full copy of the project (sharing node_modules) that can be built on its own. */
function siteCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'send-quality-site-'));
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content', 'data', 'scripts']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
const run = (dir: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
const astro = (dir: string, env: Record<string, string> = {}) => run(dir, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
const tsx = (dir: string, script: string, args: string[], env: Record<string, string> = {}) =>
  run(dir, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], env);

describe('a new briefing from the scaffold', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = siteCopy();
    const out = tsx(dir, 'scripts/new-briefing.ts', ['--term', '2025-26-spring', '--title', 'Spring term: what we learned']);
    expect(out.status, out.stderr).toBe(0);
    file = out.stdout.match(/Wrote (\S+)/)![1]!;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a draft with valid frontmatter named after the term and title', () => {
    expect(file).toBe('content/briefings/2025-26-spring-spring-term-what-we-learned.mdx');
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Spring term: what we learned"\nterm: 2025-26-spring\n/);
    expect(text).toContain('draft: true');
  });

  it('refuses an unknown term and will not overwrite a file', () => {
    expect(tsx(dir, 'scripts/new-briefing.ts', ['--term', '2031-32-spring', '--title', 'x']).stderr).toContain('is not a term in data/partnership.yaml');
    expect(tsx(dir, 'scripts/new-briefing.ts', ['--term', '2025-26-spring', '--title', 'Spring term: what we learned']).stderr).toContain('already exists');
  });

  it('builds in a preview with live figures, and is left out of the published site while a draft', () => {
    const preview = astro(dir, { PREVIEW: 'true' });
    expect(preview.status, preview.stdout + preview.stderr).toBe(0);
    const page = join(dir, 'dist/briefings/2025-26/spring/2025-26-spring-spring-term-what-we-learned/index.html');
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
  }, 180_000);
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

    const out = tsx(dir, 'scripts/validate.ts', [], { GITHUB_ACTIONS: 'true' });
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(`::error file=${rel},line=${line},col=${col},title=Problem in <Stat> metric::<Stat> metric: found "good-or-beter", which is not a figure we publish.`);
    expect(out.stderr).toContain(`${rel}:${line}:${col}`);

    const build = astro(dir);
    expect(build.status).not.toBe(0);
    expect(build.stdout + build.stderr).toContain('good-or-beter');
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(false);
  }, 120_000);
});
