import { describe, expect, it } from 'vitest';
import { typedFigures } from '../../../src/lib/check/typed-figures';
import { checkContent } from '../../../src/lib/content-check';
import { ROOT } from '../../helpers/project-copy';

const found = (line: string) => typedFigures('content/briefings/x.mdx', line, 10).map((p) => [p.column, p.message]);

describe('figures typed into a briefing', () => {
  it('refuses counts, percentages and comparisons typed in the prose, with line and column', () => {
    expect(found('Only 3 complaints were upheld, and 2 of them were about transport.')).toEqual([
      [6, 'this line types a count, "3 complaints", instead of taking it from the data'],
      [36, 'this line types a count, "2 of them", instead of taking it from the data'],
    ]);
    expect(found('We completed 285 audits and 87% were Good or better.').map((x) => x[1])).toEqual([
      'this line types a count, "285 audits", instead of taking it from the data',
      'this line types a percentage, "87%", instead of taking it from the data',
    ]);
    expect(found('That is 22 of 36 services, three more families than before, and up on last term.').map((x) => x[1])).toEqual([
      'this line types a count, "22 of 36", instead of taking it from the data',
      'this line types a count, "three more families", instead of taking it from the data',
      'this line types a comparison, "up on last term", instead of taking it from the data',
    ]);
    expect(typedFigures('content/briefings/x.mdx', 'intro\n\nIt was 12 per cent lower.', 20)[0]).toMatchObject({ line: 22, column: 8 });
  });

  it('lets through numbers that are not figures: dates, years, Year 9, time limits, components, links, code and marked lines', () => {
    for (const line of [
      'Published on 15 September 2026, for the summer term 2025/26.',
      'From Year 9 reviews look at adult life; plans are due within 20 weeks and advice within six weeks.',
      'We completed <Stat metric="audits" /> audits and <Stat metric="good-or-better" /> were Good.',
      'It is <Compare metric="good-or-better" with="previous-term" /> on last term.',
      'See [the guide](/guidance/2-plans/) and `3 audits` in code.',
      'One parent said: "we waited 3 months for 2 reviews" {/* figures-ok: a quotation */}',
      'Section 2 of the plan, paragraph 9.8 of the Code.',
    ]) {
      expect(found(line), line).toEqual([]);
    }
  });

  it('finds nothing in the example briefings and report commentary', () => {
    const { problems, content } = checkContent(ROOT);
    expect(content.briefingBodies!.length).toBeGreaterThan(3);
    expect(content.briefingBodies!.every((b) => b.body.length > 100)).toBe(true);
    expect(problems.filter((p) => p.message.startsWith('this line types'))).toEqual([]);
  });
});
