import { describe, expect, it } from 'vitest';
import { loadPartnership } from '../../../src/lib/partnership';
import { checkTextForDrift } from '../../../src/lib/check/config-drift';
import { ROOT } from '../../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const mdx = (body: string, front = 'title: A page') => `---\n${front}\n---\n\n${body}\n`;

describe('content that types a configured value', () => {
  it('fails the area name, a locality, the target and a term label with file, line, column, the line and the fix', () => {
    const problems = checkTextForDrift(
      'content/guidance/x.mdx',
      mdx(['In Northvale we audit plans.', 'Audits in Coast were weakest.', 'Our target is that 80% of audits are Good or better.', 'In the Summer term 2025/26 we looked again.'].join('\n')),
      cfg,
      'mdx',
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [5, 4],
      [6, 11],
      [7, 20],
      [8, 8],
    ]);
    expect(problems[0]!.message).toContain('"In Northvale we audit plans."');
    expect(problems[0]!.fix).toContain('<AreaName />');
    expect(problems[1]!.fix).toContain('<Localities id="coast" />');
    expect(problems[2]!.fix).toContain('<TargetPercent />');
    expect(problems[3]!.fix).toContain('<Term id="2025-26-summer" />');
  });

  it('leaves alone whole-word look-alikes, findings that are not the target, addresses, components and escaped lines', () => {
    const body = [
      'Northern schools and the north of the county; central services.',
      '80% of plans had clear outcomes.',
      'Write to quality@northvale.example or see [the page](/north/).',
      '<Localities id="coast" /> and <AreaName /> and <TargetPercent />.',
      'Central to this is trust. {/* config-ok */}',
      '{/* Northvale in a comment */}',
    ].join('\n');
    expect(checkTextForDrift('content/guidance/x.mdx', mdx(body), cfg, 'mdx')).toEqual([]);
  });

  it('in frontmatter, says a component cannot be used there; a briefing title may name its term', () => {
    const problems = checkTextForDrift('content/framework/x.mdx', mdx('Body.', 'title: "Summer term 2025/26: what we found"\nsummary: "Audits in Northvale."'), cfg, 'mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 21 });
    expect(problems[0]!.fix).toContain('frontmatter cannot hold components');
  });

  it('in YAML, asks for a placeholder and rejects an unknown one', () => {
    const problems = checkTextForDrift('content/glossary.yaml', '- id: x\n  definition: "One of the areas of Northvale, like {locality}."\n', cfg, 'yaml');
    expect(problems.map((p) => p.message.slice(0, 30))).toEqual(['found the placeholder {localit', 'found "Northvale", the area\'s ']);
    expect(problems[1]!.fix).toContain('{area}');
  });

  it('names a locality or term id the configuration does not know', () => {
    const problems = checkTextForDrift('content/guidance/x.mdx', mdx('See <Localities id="seaside" /> in <Term id="2031-32-autumn" />.'), cfg, 'mdx');
    expect(problems.map((p) => p.expected?.slice(0, 20))).toEqual(['one of north, south,', 'one of 2023-24-autum']);
  });

  it('names a contact id the configuration does not know, with the one meant', () => {
    const problems = checkTextForDrift('content/guidance/x.mdx', mdx('Write to <Contact id="send-teem" /> or <Contact id="sendiass" />.'), cfg, 'mdx');
    expect(problems).toEqual([
      expect.objectContaining({ line: 5, column: 10, message: expect.stringContaining('found <Contact id="send-teem" />, but there is no such contact in data/partnership.yaml'), didYouMean: '"send-team"' }),
    ]);
  });
});
