import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/project-copy';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string };
type Job = { name: string; if?: string; permissions?: Record<string, string>; steps: Step[]; needs?: string; environment?: unknown };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };
const WORKFLOWS = join(ROOT, '.github/workflows');
const source = (f: string) => readFileSync(join(WORKFLOWS, f), 'utf8');
const load = (f: string) => parse(source(f)) as Workflow;
const steps = (w: Workflow | Job) => ('jobs' in w ? Object.values(w.jobs).flatMap((j) => j.steps) : w.steps);
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();

/**
 * The workflow checked against GitHub's workflow schema (SchemaStore's github-workflow.json, as
 * bundled in @action-validator/core): each error as "path: what is wrong", the innermost reason
 * of a "oneOf" first, so a misspelt key reads "Additional property 'runs_on' is not allowed".
 */
function schemaErrors(yaml: string): string[] {
  const flat = (e: ValidationError): string[] =>
    'states' in e && e.states?.length ? e.states.flatMap((s) => s.errors.flatMap(flat)) : [`${'path' in e ? e.path : ''}: ${e.detail ?? e.title}`];
  return [...new Set(validateWorkflow(yaml).errors.flatMap(flat))];
}

describe('every workflow file passes the GitHub Actions workflow schema', () => {
  it('has workflow files to check', () => expect(files).toEqual(['deploy.yml', 'pull-request.yml']));
  it.each(files)('%s', (f) => expect(schemaErrors(source(f))).toEqual([]));

  it('fails on a misspelt key, naming the key and where it is', () => {
    const broken = source('pull-request.yml').replace('runs-on:', 'runs_on:');
    expect(schemaErrors(broken)).toContain("/jobs/check: Additional property 'runs_on' is not allowed");
  });
  it('fails on a misspelt event and on a permission that does not exist', () => {
    expect(schemaErrors(source('pull-request.yml').replace('pull_request:', 'pull-request:')).length).toBeGreaterThan(0);
    expect(schemaErrors(source('deploy.yml').replace('contents: write', 'content: write')).length).toBeGreaterThan(0);
  });
});

describe('the pull-request workflow', () => {
  const w = load('pull-request.yml');
  const job = (id: string) => w.jobs[id]!;
  it('runs on pull requests to main, including when one is closed (to remove its preview), with read-only access by default', () => {
    expect(w.on).toEqual({ pull_request: { branches: ['main'], types: ['opened', 'reopened', 'synchronize', 'closed'] } });
    expect(w.permissions).toEqual({ contents: 'read' });
  });
  it('has the jobs the guide names, under those names', () => {
    expect(Object.fromEntries(Object.entries(w.jobs).map(([id, j]) => [id, j.name]))).toEqual({
      check: 'Check the content and data',
      test: 'Run all the tests',
      preview: 'Publish the preview',
      'remove-preview': 'Remove the preview',
    });
  });
  it('checks the content and data, and runs all the tests, on every pull request but a closed one', () => {
    expect(steps(job('check')).map((s) => s.run ?? s.uses)).toEqual(['actions/checkout@v4.2.2', 'actions/setup-node@v4.4.0', 'npm install --no-audit --no-fund', 'npm run validate']);
    expect(steps(job('test')).at(-1)!.run).toBe('npm test');
    for (const id of ['check', 'test']) expect(job(id).if).toBe("github.event.action != 'closed'");
  });
  it('gives the browser tests a browser without installing one', () => {
    const runs = steps(w).map((s) => s.run ?? '');
    expect(runs.filter((r) => /apt-get|CHROMIUM_PATH/.test(r))).toEqual([]);
    expect(steps(w).filter((s) => s.env?.CHROMIUM_PATH)).toEqual([]);
  });
  it('publishes a preview only for pull requests from this repository (a fork has no write token), after the content check', () => {
    const sameRepo = 'github.event.pull_request.head.repo.full_name == github.repository';
    expect(job('preview').needs).toBe('check');
    expect(job('preview').if).toBe(`github.event.action != 'closed' && ${sameRepo}`);
    expect(job('remove-preview').if).toBe(`github.event.action == 'closed' && ${sameRepo}`);
    expect(job('preview').permissions).toEqual({ contents: 'write', 'pull-requests': 'write', pages: 'read' });
  });
  it('builds the preview with drafts under pr-preview/pr-<number>/ of the Pages site, builds main the same way, publishes, then comments the changes', () => {
    const s = steps(job('preview'));
    const at = (x: string) => s.findIndex((st) => (st.run ?? st.uses ?? '').includes(x));
    const order = ['configure-pages', 'npm run build:preview', '../main-site', 'rossjrw/pr-preview-action', 'scripts/preview-diff.ts', 'sticky-pull-request-comment'].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const base = '${{ steps.pages.outputs.base_path }}/pr-preview/pr-${{ github.event.pull_request.number }}/';
    for (const i of [at('npm run build:preview'), at('../main-site')]) expect(s[i]!.env!.BASE_PATH).toBe(base);
    expect(s[at('rossjrw/pr-preview-action')]!.with).toMatchObject({ 'source-dir': 'dist/', 'umbrella-dir': 'pr-preview', comment: false });
    expect(s[at('scripts/preview-diff.ts')]!.env).toEqual({ PREVIEW_URL: '${{ steps.deploy.outputs.preview-url }}' });
  });
  it('removes the preview when the pull request closes, and says so in the same comment', () => {
    const s = steps(job('remove-preview'));
    expect(s.find((st) => st.uses?.startsWith('rossjrw/pr-preview-action'))!.with).toMatchObject({ action: 'remove', 'umbrella-dir': 'pr-preview' });
    const previewHeader = steps(job('preview')).find((st) => st.uses?.startsWith('marocchino/'))!.with!.header;
    expect(s.find((st) => st.uses?.startsWith('marocchino/'))!.with!.header).toBe(previewHeader);
  });
});

describe('the publish workflow', () => {
  const w = load('deploy.yml');
  it('runs on pushes to main', () => expect(w.on.push).toEqual({ branches: ['main'] }));
  it('gives the browser tests a browser without installing one', () => {
    expect(steps(w).map((s) => s.run ?? '').filter((r) => /apt-get|CHROMIUM_PATH/.test(r))).toEqual([]);
  });
  it('checks the content and data and runs all the tests before it builds what is published', () => {
    const runs = steps(w).map((s) => s.run ?? s.uses ?? '');
    const order = ['npm install', 'npm run validate', 'npm test', 'npm run build', 'actions/upload-artifact'].map((x) => runs.findIndex((r) => r.startsWith(x) || r.includes(`${x}@`)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
  it('builds with the GitHub Pages address and path', () => {
    const build = steps(w).find((s) => s.run === 'npm run build')!;
    expect(build.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.origin }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}/' });
  });
  it('deploys to the gh-pages branch without deleting or overwriting the pull-request previews', () => {
    const deploy = steps(w.jobs.deploy!).find((s) => s.uses?.startsWith('JamesIves/github-pages-deploy-action'))!;
    expect(deploy.with).toEqual({ branch: 'gh-pages', folder: 'dist', 'clean-exclude': 'pr-preview/', force: false });
    expect(steps(w.jobs.deploy!).map((s) => s.run).filter(Boolean)).toEqual(['touch dist/.nojekyll']);
  });
  it('gives write access only to the deploy job, which runs nothing from npm', () => {
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(w.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(w.jobs.deploy!.permissions).toEqual({ contents: 'write' });
    expect(w.jobs.deploy!.needs).toBe('build');
    expect(steps(w.jobs.deploy!).some((s) => /npm|npx/.test(s.run ?? ''))).toBe(false);
  });
});

describe('every workflow', () => {
  it('pins each action to a released version', () => {
    for (const f of files) {
      for (const s of steps(load(f)).filter((s) => s.uses)) expect(s.uses, f).toMatch(/^[\w-]+\/[\w-]+@v\d+\.\d+\.\d+$/);
    }
  });
});
