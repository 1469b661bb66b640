import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/project-copy';

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { permissions?: Record<string, string>; steps: Step[]; needs?: string; environment?: unknown };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };
const load = (f: string) => parse(readFileSync(join(ROOT, '.github/workflows', f), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

/** The browser tests find the runner's Chromium or Chrome themselves (scripts/browser.ts): no install step, no fixed path. */
function browserBeforeTests(w: Workflow) {
  const runs = steps(w).map((s) => s.run ?? '');
  expect(runs.indexOf('npm test')).toBeGreaterThanOrEqual(0);
  expect(runs.filter((r) => /apt-get|CHROMIUM_PATH/.test(r))).toEqual([]);
  expect(steps(w).filter((s) => s.env?.CHROMIUM_PATH)).toEqual([]);
}

describe('the pull-request workflow', () => {
  const w = load('pull-request.yml');
  it('runs on pull requests to main with read-only access', () => {
    expect(Object.keys(w.on)).toEqual(['pull_request']);
    expect(w.permissions).toEqual({ contents: 'read' });
  });
  it('gives the browser tests a browser', () => browserBeforeTests(w));
  it('installs, validates, builds a preview, uploads it, and runs the tests, in that order', () => {
    const runs = steps(w).map((s) => s.run ?? s.uses ?? '');
    const order = ['npm install', 'npm run validate', 'npm run build:preview', 'actions/upload-artifact', 'npm test'].map((x) => runs.findIndex((r) => r.includes(x)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('the publish workflow', () => {
  const w = load('deploy.yml');
  it('runs on pushes to main', () => expect(w.on.push).toEqual({ branches: ['main'] }));
  it('gives the browser tests a browser', () => browserBeforeTests(w));
  it('checks the content and data and runs all the tests before it builds what is published', () => {
    const runs = steps(w).map((s) => s.run ?? s.uses ?? '');
    const order = ['npm install', 'npm run validate', 'npm test', 'npm run build', 'actions/upload-pages-artifact'].map((x) => runs.findIndex((r) => r.startsWith(x) || r.includes(`${x}@`)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
  it('builds with the GitHub Pages address and path', () => {
    const build = steps(w).find((s) => s.run === 'npm run build')!;
    expect(build.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.origin }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}/' });
  });
  it('gives write access to Pages only to the deploy job', () => {
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(w.jobs.build!.permissions).toBeUndefined();
    expect(w.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(w.jobs.deploy!.needs).toBe('build');
  });
});

describe('every workflow', () => {
  it('pins each action to a released version', () => {
    for (const f of ['pull-request.yml', 'deploy.yml']) {
      for (const s of steps(load(f)).filter((s) => s.uses)) expect(s.uses, f).toMatch(/^[\w-]+\/[\w-]+@v\d+\.\d+\.\d+$/);
    }
  });
});
