import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/lib/content-check';
import { projectCopy, ROOT } from '../helpers/project-copy';

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const guide = read('docs/publishing.md');
const checklist = read('.github/pull_request_template.md');
const readme = read('README.md');
const readmePublishing = readme.slice(readme.indexOf('## Publishing'), readme.indexOf('## Search'));

type Workflow = { name: string; jobs: Record<string, { name: string; steps: { name?: string }[] }> };
const workflow = (f: string) => parse(read(`.github/workflows/${f}`)) as Workflow;
const pr = workflow('pull-request.yml');
const publish = workflow('deploy.yml');
const jobNames = (w: Workflow) => Object.values(w.jobs).map((j) => j.name);
const stepNames = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.name).filter(Boolean)) as string[];

describe('the publishing guide, the pull-request checklist and the README describe the same route, with the real labels', () => {
  it('names the workflows and every job of the pull-request workflow as they appear on GitHub', () => {
    expect(guide).toContain(`**${pr.name}**`);
    expect(guide).toContain(`**${publish.name}**`);
    for (const name of jobNames(pr)) {
      expect(guide, name).toContain(`**${name}**`);
      expect(readmePublishing, name).toContain(`**${name}**`);
    }
    for (const name of jobNames(publish)) expect(guide, name).toContain(`**${name}**`);
  });

  it('names the three checks in the checklist, and no artifact to download', () => {
    for (const name of jobNames(pr).filter((n) => n !== 'Remove the preview')) expect(checklist, name).toContain(`**${name}**`);
    expect(checklist).not.toMatch(/artifact|download/i);
    expect(guide).not.toMatch(/npx serve|site-preview/);
  });

  it('quotes only step names that exist', () => {
    const steps = new Set([...stepNames(pr), ...stepNames(publish)]);
    const quoted = [...guide.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!);
    const stepLike = quoted.filter((q) => /^(Build|Publish the preview on|Comment on|List the|Check content|Run all|Remove the preview from|Say so)/.test(q));
    expect(stepLike.length).toBeGreaterThan(0);
    const known = new Set([...steps, ...jobNames(pr), ...jobNames(publish)]);
    for (const q of stepLike) expect(known, q).toContain(q);
  });

  it('uses the preview comment headings the script writes', () => {
    const script = read('scripts/preview-diff.ts');
    for (const heading of ['Preview of this pull request', 'Open the preview', 'Pages that change', 'Figures quoted by the added or changed briefings']) {
      expect(script, heading).toContain(heading);
      expect(guide, heading).toContain(heading);
    }
    expect(checklist).toContain('Preview of this pull request');
  });

  it('starts a briefing from the template in the web editor, and the README and checklist point to the same template', () => {
    expect(guide).toContain('[docs/briefing-template.mdx](briefing-template.mdx)');
    expect(guide).toContain('**Add file › Create new file**');
    expect(guide).toContain('**Copy raw file**');
    expect(checklist).toContain('docs/briefing-template.mdx');
    expect(readmePublishing).toContain('docs/briefing-template.mdx');
  });
});

describe('the briefing template', () => {
  it('is accepted as a briefing once copied into content/briefings: its frontmatter is valid and it stays a draft', () => {
    const copy = projectCopy();
    try {
      copy.write('content/briefings/2025-26-summer-from-template.mdx', read('docs/briefing-template.mdx'));
      const { content, problems } = checkContent(copy.dir);
      expect(problems.filter((p) => p.file.includes('from-template'))).toEqual([]);
      const b = content.briefings.find((x) => x.file.includes('from-template'))!;
      expect(b.data).toMatchObject({ term: '2025-26-summer', draft: true });
    } finally {
      copy.remove();
    }
  });

  it('writes no term on any figure, so every figure follows the term: line', () => {
    const body = read('docs/briefing-template.mdx').split(/^---$/m)[2]!;
    expect(body).toMatch(/<Stat /);
    expect(body).not.toMatch(/\sterm=/);
  });
});
