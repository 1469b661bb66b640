import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent, termsNamedIn } from '../../src/lib/content-check';
import { describeProblem } from '../../src/lib/problems';
import { lineOf, projectCopy } from '../helpers/project-copy';

const SPRING = 'content/briefings/2025-26-spring-smart-outcomes-learning-brief.mdx';
const SUMMER = 'content/briefings/2025-26-summer-quality-briefing.mdx';

/** The briefing problems a check of the copy finds, as "file:line message" lines. */
function briefingProblems(dir: string): string[] {
  return checkContent(dir)
    .problems.filter((p) => p.file.startsWith('content/briefings/'))
    .map((p) => `${p.file}:${p.line ?? '-'} ${describeProblem(p)}`);
}

describe('what a briefing title says about its term', () => {
  it('finds term names and academic years, in any case', () => {
    expect(termsNamedIn('Summer term 2025/26: what our audits found')).toEqual({ names: ['summer'], years: ['2025/26'] });
    expect(termsNamedIn('SPRING and summer compared')).toEqual({ names: ['spring', 'summer'], years: [] });
    expect(termsNamedIn('What families told us')).toEqual({ names: [], years: [] });
  });
});

describe('briefings checked against their term and each other', () => {
  let copy: ReturnType<typeof projectCopy>;
  beforeEach(() => {
    copy = projectCopy();
  });
  afterEach(() => copy.remove());

  it('finds nothing wrong in the example briefings', () => {
    expect(briefingProblems(copy.dir)).toEqual([]);
  });

  it('refuses last term’s briefing copied and given this term’s title, naming the term: line', () => {
    const copied = 'content/briefings/2025-26-summer-smart-outcomes-learning-brief.mdx';
    copy.write(copied, copy.read(SPRING).replace('title: "Spring term 2025/26 learning brief', 'title: "Summer term 2025/26 learning brief'));
    const out = briefingProblems(copy.dir);
    expect(out).toContain(
      `${copied}:${lineOf(copy.read(copied), 'term:')} term: the title names the summer term, but term: says 2025-26-spring (spring term 2025/26), so the page would show the figures of the spring term 2025/26 under the title's term. Expected the title and term: to name the same term. How to fix: if the briefing is about the term in its title, change term: to that term (its figures then come from that term's report); otherwise correct the title.`,
    );
    expect(out.some((l) => l.startsWith(`${copied}:1 the text of this briefing is the same as ${SPRING}`))).toBe(true);
  });

  it('refuses a copy whose term: line was changed too, because its text is the other briefing’s', () => {
    const copied = 'content/briefings/2025-26-summer-smart-outcomes-learning-brief.mdx';
    const text = copy.read(SPRING).replace('title: "Spring term 2025/26', 'title: "Summer term 2025/26').replace('term: 2025-26-spring', 'term: 2025-26-summer').replace('published: 2026-05-11', 'published: 2026-09-20');
    copy.write(copied, text);
    expect(briefingProblems(copy.dir)).toEqual([
      `${copied}:1 the text of this briefing is the same as ${SPRING} (only the frontmatter differs), so readers would be given the same briefing again. Expected each briefing to have its own text. How to fix: if this file is a copy made to start a new briefing, write its own text (its figures come from its term: line); otherwise delete it.`,
    ]);
  });

  it('refuses a file name that names another term than term: says', () => {
    const renamed = 'content/briefings/2025-26-spring-quality-briefing.mdx';
    renameSync(join(copy.dir, SUMMER), join(copy.dir, renamed));
    expect(briefingProblems(copy.dir)).toEqual([expect.stringContaining(`${renamed}:3 term: the file name starts 2025-26-spring, but term: says 2025-26-summer.`)]);
  });

  it('refuses a publication date before the term ended, or in the future, but not on a draft', () => {
    copy.edit(SUMMER, 'published: 2026-09-15', 'published: 2026-05-15');
    expect(briefingProblems(copy.dir)).toEqual([expect.stringContaining(`${SUMMER}:4 published: the date 2026-05-15 is not after the end of the summer term 2025/26 (2026-08-31)`)]);
    copy.edit(SUMMER, 'published: 2026-05-15', 'published: 2099-09-15');
    expect(briefingProblems(copy.dir)).toEqual([expect.stringContaining(`${SUMMER}:4 published: the date 2099-09-15 is in the future`)]);
    copy.edit(SUMMER, 'draft: false', 'draft: true');
    expect(briefingProblems(copy.dir)).toEqual([]);
  });

  it('names a briefing the site would leave out: saved as .md, in a folder, or differing only in capital letters', () => {
    copy.write('content/briefings/2025-26-summer-extra.md', copy.read(SUMMER));
    mkdirSync(join(copy.dir, 'content/briefings/2025-26'));
    copy.write('content/briefings/2025-26/extra.mdx', copy.read(SUMMER));
    const upper = 'content/briefings/2025-26-Summer-Quality-Briefing.mdx';
    copy.write(upper, copy.read(SUMMER).replace('what our audits found"', 'what our audits found (new version)"') + '\nOne more line.\n');
    const out = briefingProblems(copy.dir);
    expect(out).toContain(
      'content/briefings/2025-26-summer-extra.md:- this file ends ".md", not ".mdx", so it would not be published. Expected each briefing as one file ending .mdx directly in content/briefings. How to fix: rename it to 2025-26-summer-extra.mdx (or delete it if it is not a briefing).',
    );
    expect(out).toContain(
      'content/briefings/2025-26/extra.mdx:- this file is in a folder inside content/briefings, where the site does not look, so it would not be published. Expected each briefing as one file ending .mdx directly in content/briefings. How to fix: move it to content/briefings/extra.mdx.',
    );
    expect(out.filter((l) => l.includes('differ only in capital letters'))).toHaveLength(1);
    expect(out.find((l) => l.includes('differ only in capital letters'))).toMatch(/2025-26-Summer-Quality-Briefing\.mdx|2025-26-summer-quality-briefing\.mdx/);
    rmSync(join(copy.dir, 'content/briefings/2025-26'), { recursive: true });
  });
});
