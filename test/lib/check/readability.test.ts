import { describe, expect, it } from 'vitest';
import { loadPartnership } from '../../../src/lib/partnership';
import { measureText, plainLines, formatReadingAges, type FamilyText } from '../../../src/lib/check/readability';
import { ROOT } from '../../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const known = new Set(['ehc', 'plan', 'sen', 'send']);
const text = (lines: string[]): FamilyText => ({ file: 'content/guidance/example.mdx', part: 'page text', lines, firstLine: 20 });

describe('reading age of family text', () => {
  it('gives a too-hard paragraph a reading age above the limit, naming the file, line and hardest sentence', () => {
    const hard = text([
      'The partnership will be checking the plans that it writes.',
      '',
      'Practitioners are expected to demonstrate evidence-informed professional judgement, incorporating contemporaneous observations and longitudinal assessment information.',
    ]);
    const { result } = measureText(hard, cfg, known);
    expect(result.age).toBeGreaterThan(cfg.plainEnglish.maxReadingAge);
    expect(result.file).toBe('content/guidance/example.mdx');
    // The hardest sentence is on the third line of the text, which starts on line 20 of the file.
    expect(result.hardest).toMatchObject({ line: 22, column: 1 });
    expect(result.hardest!.text).toMatch(/^Practitioners are expected to demonstrate/);
  });

  it('passes an easy paragraph', () => {
    const easy = text([
      'Your child has a plan. It says what help they get at school.',
      '',
      'You can ask to see the plan at any time. The school will go through it with you.',
    ]);
    const { result } = measureText(easy, cfg, known);
    expect(result.age).toBeLessThanOrEqual(cfg.plainEnglish.aimReadingAge);
    expect(formatReadingAges([result], cfg)).toMatch(/✓\s+\d+\.\d {2}content\/guidance\/example\.mdx \(page text\)/);
  });

  it('warns, without failing, about passive voice, long words and abbreviations not in the glossary', () => {
    const { warnings } = measureText(text(['The plan was written by the team in the ADHD clinic.', 'It explains the responsibilities of everyone.']), cfg, known);
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
    const messages = warnings.map((w) => w.message).join('\n');
    expect(messages).toContain('passive voice');
    expect(messages).toContain('"responsibilities"');
    expect(messages).toContain('"ADHD"');
    expect(warnings.find((w) => w.message.startsWith('abbreviations'))).toMatchObject({ line: 20, column: 41 });
  });

  it('reads Markdown as a reader meets it: link text kept, each list item its own sentence, components as their words', () => {
    const lines = plainLines(['## A heading', '- ask [your school](/x/)', '- meet you often;', 'In <AreaName />, **we** check <TargetPercent /> of plans.'], cfg);
    expect(lines).toEqual(['', 'Ask your school.', 'Meet you often.', `In ${cfg.area.shortName}, we check ${cfg.target.goodOrBetterPercent}% of plans.`]);
  });
});

describe('problems and warnings printed together', () => {
  it('count warnings apart from problems and mark each one', async () => {
    const { formatProblems } = await import('../../../src/lib/problems');
    const out = formatProblems([
      { file: 'a.mdx', line: 2, message: 'too hard' },
      { file: 'a.mdx', line: 3, message: 'passive voice', severity: 'warning' },
    ]);
    expect(out).toContain('a.mdx — 1 problem, 1 warning:');
    expect(out).toContain('a.mdx:3  warning: passive voice.');
    expect(out).toContain('1 problem and 1 warning in 1 file.');
  });
});

describe('the example site', () => {
  it('passes the reading-age check that every pull request runs (npm run validate)', async () => {
    const { checkContent } = await import('../../../src/lib/content-check');
    const { checkReadability } = await import('../../../src/lib/check/readability');
    const { content } = checkContent(ROOT);
    const { results, problems } = checkReadability(ROOT, content);
    expect(results.length).toBeGreaterThan(20);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  }, 60_000);
});
