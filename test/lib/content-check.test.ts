import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems, isError } from '../../src/lib/problems';
import sourceStandards from '../fixtures/source-standards.json';
import { ROOT, lineOf, projectCopy } from '../helpers/project-copy';

describe('the shipped content', () => {
  const { problems: all, content } = checkContent(ROOT);
  const problems = all.filter(isError);

  it('passes every schema and reference check', () => {
    expect(formatProblems(problems)).toBe('0 problems in 0 files.');
  });

  it('warns only about overdue actions, which do not stop the build', () => {
    for (const w of all.filter((p) => !isError(p))) expect(w).toMatchObject({ file: 'data/actions.yaml', severity: 'warning', message: expect.stringContaining('overdue') });
  });

  it('has one standard entry for every standard in the source documents', () => {
    const ids = content.standards.map((s) => s.id).sort();
    const expected = sourceStandards.standards.map((s) => `${s.set}-${s.number}`).sort();
    expect(ids).toEqual(expected);
  });

  it('quotes each standard in its official wording', () => {
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
    for (const src of sourceStandards.standards) {
      const entry = content.standards.find((s) => s.id === `${src.set}-${src.number}`)!;
      expect(norm(entry.data.statement), entry.file).toBe(norm(src.statement));
    }
  });

  it('records on each SEN services standard the five Every Child Matters outcomes and Core Offer principles its source names', () => {
    const services = content.standards.filter((s) => s.data.set === 'sen-services');
    expect(services).toHaveLength(16);
    for (const s of services) {
      expect(s.data.ecmOutcomes, s.file).toEqual(['being-healthy', 'staying-safe', 'enjoying-and-achieving', 'making-a-positive-contribution', 'economic-well-being']);
      expect(s.data.coreOffer, s.file).toEqual(['information', 'transparency', 'assessment', 'participation', 'feedback']);
    }
  });

  it('has at least eight guidance entries, each tagged with audience, stage and standards', () => {
    expect(content.guidance.length).toBeGreaterThanOrEqual(8);
    for (const g of content.guidance) {
      expect(g.data.audience.length, g.file).toBeGreaterThan(0);
      expect(g.data.stage.length, g.file).toBeGreaterThan(0);
      expect(g.data.standards.length, g.file).toBeGreaterThan(0);
    }
  });

  it('gives every standard a "What this means for your family" section', async () => {
    const { readFileSync } = await import('node:fs');
    for (const s of content.standards) {
      expect(readFileSync(`${ROOT}/${s.file}`, 'utf8'), s.file).toMatch(/^## What this means for your family$/m);
    }
  });
});

describe('bad content fails with the file, line, field and what was expected', () => {
  let p: ReturnType<typeof projectCopy>;
  beforeEach(() => {
    p = projectCopy();
    // The example actions log has overdue actions, which are warnings; these tests count errors in other files.
    rmSync(join(p.dir, 'data/actions.yaml'));
  });
  afterEach(() => p.remove());

  const GUIDE = 'content/guidance/smart-outcomes.mdx';
  const STD = 'content/standards/ehc-plan/02-clear-and-smart.mdx';

  it('reports a missing required frontmatter field', () => {
    p.edit(GUIDE, /^summary:.*\n/m, '');
    const { problems } = checkContent(p.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: GUIDE, field: 'summary', message: 'this required field is missing' });
    expect(problems[0]!.line).toBe(1 + 1); // the frontmatter block, which starts on line 2
  });

  it('reports an invalid value with the value found and the values allowed', () => {
    p.edit(GUIDE, /^audience:.*$/m, 'audience: [parents]');
    const { problems } = checkContent(p.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: GUIDE, field: 'audience[0]', line: lineOf(p.read(GUIDE), 'audience:'), message: 'found "parents"' });
    expect(problems[0]!.expected).toContain('families, practitioners');
  });

  it('reports every problem in a file at once', () => {
    p.edit(GUIDE, /^audience:.*$/m, 'audience: [parents]');
    p.edit(GUIDE, /^updated:.*$/m, 'updated: 31/02/2026');
    p.edit(GUIDE, /^title:/m, 'titel:');
    const { problems } = checkContent(p.dir);
    expect(problems.every((x) => x.file === GUIDE)).toBe(true);
    expect(problems.map((x) => x.field)).toEqual(expect.arrayContaining(['audience[0]', 'updated', 'titel']));
    // The misspelt field is one problem on its own line, not "unknown field" and "title is missing".
    const titel = problems.find((x) => x.field === 'titel')!;
    expect(titel).toMatchObject({ line: lineOf(p.read(GUIDE), 'titel:'), didYouMean: '"title"', fix: 'rename "titel" to "title"' });
    expect(titel.message).toContain('looks like a misspelling of "title"');
    expect(problems.some((x) => x.field === 'title')).toBe(false);
  });

  it('points at each unknown field on its own line and names the nearest field this file can have', () => {
    p.edit(GUIDE, /^updated:(.*)$/m, 'updated:$1\nsumary: "A second summary"\ncolour: blue');
    const { problems } = checkContent(p.dir);
    const text = p.read(GUIDE);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ field: 'sumary', line: lineOf(text, 'sumary:'), message: 'unknown field "sumary"', didYouMean: '"summary"' });
    expect(problems[0]!.expected).toContain('title, summary');
    expect(problems[1]).toMatchObject({ field: 'colour', line: lineOf(text, 'colour:'), message: 'unknown field "colour"' });
    expect(problems[1]!.didYouMean).toBeUndefined();
  });

  it('says a briefing saved in the guidance folder belongs in the briefings folder, once, instead of a problem for every field', () => {
    const brief = 'content/briefings/2025-26-spring-smart-outcomes-learning-brief.mdx';
    p.write('content/guidance/new-brief.mdx', p.read(brief));
    const { problems } = checkContent(p.dir);
    expect(problems, formatProblems(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/guidance/new-brief.mdx', line: 1, expected: 'briefings in content/briefings/' });
    expect(problems[0]!.message).toContain('written as a briefing');
    expect(problems[0]!.fix).toContain('move the file to content/briefings/');
  });

  it('refuses a value in curly quotation marks, which would be shown on the page', () => {
    p.edit(GUIDE, /^title: (.*)$/m, 'title: “$1”');
    const { problems } = checkContent(p.dir);
    expect(problems, formatProblems(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: GUIDE, field: 'title', line: lineOf(p.read(GUIDE), 'title:') });
    expect(problems[0]!.message).toContain('curly quotation marks');
    expect(problems[0]!.fix).toContain('type the two quotation marks again');
  });

  it('says to write true or false for a yes or no in a true-or-false field', () => {
    const brief = 'content/briefings/2025-26-spring-smart-outcomes-learning-brief.mdx';
    p.edit(brief, /^draft: false$/m, 'draft: yes');
    const { problems } = checkContent(p.dir);
    const draft = problems.filter((x) => x.field === 'draft');
    expect(draft).toHaveLength(1);
    expect(draft[0]).toMatchObject({ file: brief, line: lineOf(p.read(brief), 'draft: yes'), message: 'found "yes"', expected: 'true or false', didYouMean: 'true', fix: 'write true, without quotation marks' });
  });

  it('reports a file with no frontmatter', () => {
    p.write(GUIDE, '# Just a heading\n');
    const { problems } = checkContent(p.dir);
    expect(problems).toEqual([expect.objectContaining({ file: GUIDE, line: 1, message: 'the file has no frontmatter' })]);
  });

  it('reports YAML that cannot be read, with its line', () => {
    p.edit(GUIDE, /^summary:.*$/m, 'summary: "an unclosed quote');
    const { problems } = checkContent(p.dir);
    expect(problems[0]).toMatchObject({ file: GUIDE });
    expect(problems[0]!.message).toMatch(/YAML cannot be read/);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(lineOf(p.read(GUIDE), 'summary:'));
  });

  it('reports a reference to an unknown standard, naming the field and line', () => {
    p.edit(GUIDE, /^standards: \[/m, 'standards: [ehc-plan-99, ');
    const { problems } = checkContent(p.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: GUIDE, field: 'standards[0]', line: lineOf(p.read(GUIDE), 'standards:'), message: 'found "ehc-plan-99", which is not a known standard' });
    expect(problems[0]!.expected).toContain('ehc-plan-2');
  });

  it('reports a duplicate standard number in a set, naming both files', () => {
    p.edit(STD, /^number: 2$/m, 'number: 3');
    const { problems } = checkContent(p.dir);
    const dupes = problems.filter((x) => x.message.includes('is used twice'));
    expect(dupes).toHaveLength(2);
    expect(dupes.map((d) => d.file).sort()).toEqual([STD, 'content/standards/ehc-plan/03-holistic-and-joined-up.mdx'].sort());
    expect(dupes[0]).toMatchObject({ field: 'number', message: expect.stringContaining('standard number 3 is used twice in the set "ehc-plan"') });
  });

  it('reports a briefing saved twice (a "(copy)" file) at the copy, naming the first file', () => {
    const BRIEF = 'content/briefings/2025-26-summer-quality-briefing.mdx';
    const COPY = 'content/briefings/2025-26-summer-quality-briefing (copy).mdx';
    p.write(COPY, p.read(BRIEF));
    const { problems } = checkContent(p.dir);
    const dupes = problems.filter((x) => x.message.includes('published twice'));
    expect(dupes).toEqual([expect.objectContaining({ file: COPY, field: 'title', line: lineOf(p.read(COPY), 'title:') })]);
    expect(dupes[0]!.message).toContain(BRIEF);
    // Two files with no "copy" in their names: both are named, each pointing at the other.
    const OTHER = 'content/briefings/2025-26-summer-quality-briefing-2.mdx';
    p.write(OTHER, p.read(BRIEF));
    rmSync(join(p.dir, COPY));
    const both = checkContent(p.dir).problems.filter((x) => x.message.includes('published twice'));
    expect(both.map((x) => x.file).sort()).toEqual([BRIEF, OTHER].sort());
    expect(both.find((x) => x.file === BRIEF)!.message).toContain(OTHER);
    rmSync(join(p.dir, OTHER));
    p.write(COPY, p.read(BRIEF));
    // With its own title it is no longer the same briefing twice, but its text is still the other's.
    p.edit(COPY, /^title: .*$/m, 'title: "A second summer briefing"');
    expect(checkContent(p.dir).problems.filter((x) => x.message.includes('published twice'))).toEqual([]);
    expect(checkContent(p.dir).problems.filter((x) => x.file === COPY).map((x) => x.message)).toEqual([
      `the text of this briefing is the same as ${BRIEF} (only the frontmatter differs), so readers would be given the same briefing again`,
    ]);
    // A new briefing of the same term with its own title and its own text is not a copy.
    p.write(COPY, `${p.read(COPY)}\nA paragraph of its own.\n`);
    expect(checkContent(p.dir).problems.filter((x) => x.file === COPY)).toEqual([]);
  });

  it('reports a standard in a section its set does not have', () => {
    p.edit(STD, /^section: .*$/m, 'section: outcomes');
    const { problems } = checkContent(p.dir);
    expect(problems).toEqual([expect.objectContaining({ file: STD, field: 'section', line: lineOf(p.read(STD), 'section:'), expected: 'one of: ehc-plans' })]);
  });

  it('reports an invalid configuration value with its line in data/partnership.yaml', () => {
    const CFG = 'data/partnership.yaml';
    p.edit(CFG, /goodOrBetterPercent: 80/, 'goodOrBetterPercent: 120');
    const { problems } = checkContent(p.dir);
    expect(problems).toEqual([
      expect.objectContaining({ file: CFG, field: 'target.goodOrBetterPercent', line: lineOf(p.read(CFG), 'goodOrBetterPercent'), message: 'found 120: must be at most 100' }),
    ]);
  });

  it('reports configuration mistakes in grades and term dates together', () => {
    const CFG = 'data/partnership.yaml';
    p.edit(CFG, '{ id: good, name: Good, goodOrBetter: true }', '{ id: good, name: Good, goodOrBetter: yes-please }');
    p.edit(CFG, 'autumn: { start: 2024-09-01, end: 2024-12-31 }', 'autumn: { start: 2024-09-01, end: 2024-13-31 }');
    const fields = checkContent(p.dir).problems.map((x) => x.field);
    expect(fields).toEqual(expect.arrayContaining(['grades[1].goodOrBetter', 'terms[1].autumn.end']));
  });
});
