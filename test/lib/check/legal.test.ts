import { describe, expect, it } from 'vitest';
import { checkLegalBody, citationNumbers, citeUses, type LegalData } from '../../../src/lib/check/legal';
import { checkContent } from '../../../src/lib/content-check';
import { describeProblem } from '../../../src/lib/problems';
import { parseFrontmatter } from '../../../src/lib/yaml-source';
import { ROOT, lineOf, projectCopy } from '../../helpers/project-copy';

const FILE = 'content/guidance/example.mdx';
const review = { date: '2026-11-23', by: 'SEND legal adviser' };
const s51 = { id: 'appeal-rights', source: 'cfa-2014' as const, ref: 's51(2)' };
const rule20 = { id: 'time-limit', source: 'tribunal-rules-2008' as const, ref: 'rule 20(1)(c)' };

/** Check a hand-made MDX file (frontmatter and body) the way checkContent does. */
function check(mdx: string, data: Partial<LegalData> = {}) {
  const src = parseFrontmatter(mdx, FILE);
  return checkLegalBody(FILE, src.body, src.bodyLine, { legal: true, citations: [s51, rule20], legalReview: review, ...data }, src);
}

const page = (body: string) => `---\ntitle: Example\nlegal: true\n---\n${body}`;

describe('the legal citation check', () => {
  it('passes a page whose time limits and duties are each cited in their sentence or paragraph', () => {
    const mdx = page(
      [
        '## Appeals',
        '',
        'You can appeal to the tribunal.<Cite id="appeal-rights" />',
        '',
        'You must appeal within two months of the decision letter. Or one month after the certificate, if later.<Cite id="time-limit" />',
        '',
        '| When | What |',
        '| --- | --- |',
        '| Within 2 months | Appeal<Cite id="time-limit" /> |',
        '',
        '| Weak | Strong |',
        '| --- | --- |',
        '| "Seen within 6 weeks." | Quoted example wording is not a claim of the page |',
      ].join('\n'),
    );
    expect(check(mdx)).toEqual([]);
  });

  it('fails a time limit with no citation, naming the file, line, column and the sentence', () => {
    const mdx = page(['## Appeals', '', 'You can appeal.<Cite id="appeal-rights" />', '', 'Appeals are heard quickly. The council replies within 15 days of your letter.', '', 'x<Cite id="time-limit" />'].join('\n'));
    const problems = check(mdx);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ file: FILE, line: 9, column: 55, field: 'body' });
    expect(p!.message).toContain('"The council replies within 15 days of your letter."');
    expect(p!.message).toContain('a time limit ("15 days")');
    expect(p!.message).toContain('(line: Appeals are heard quickly. The council replies within 15 days of your letter.)');
    expect(describeProblem(p!)).toMatch(/Expected every time limit, date and "must".*How to fix: add <Cite id="\.\.\." \/>/);
  });

  it('fails "must", "has to" and a date such as 15 February with no citation, one problem per sentence', () => {
    const body = [
      'You can appeal.<Cite id="appeal-rights" /> It takes time.<Cite id="time-limit" />',
      '',
      'The council must reply. It has to be in writing.',
      '',
      '- The plan is amended by 15 February in the year of the move.',
    ].join('\n');
    const problems = check(page(body));
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [7, 13],
      [7, 28],
      [9, 26],
    ]);
    expect(problems[0]!.message).toContain('a duty ("must")');
    expect(problems[1]!.message).toContain('a duty ("has to")');
    expect(problems[2]!.message).toContain('a date ("15 February")');
    expect(problems[2]!.message).toContain('"The plan is amended by 15 February in the year of the move."');
  });

  it('takes a citation anywhere in the paragraph, list item or table row to cover its sentences', () => {
    const body = 'The council must decide within six weeks. It must tell you why.<Cite id="appeal-rights" /><Cite id="time-limit" />';
    expect(check(page(body))).toEqual([]);
    const row = '| By week 6 | The council must decide.<Cite id="appeal-rights" /> |\n| By week 20 | You must get the plan within 20 weeks.<Cite id="time-limit" /> |';
    expect(check(page(row))).toEqual([]);
  });

  it('does not look inside code blocks, headings or link addresses, and ignores pages that are not legal', () => {
    const body = ['## You must read this', '', '```', 'must 6 weeks', '```', '', 'See [the guide](/guidance/6-weeks/).<Cite id="appeal-rights" /><Cite id="time-limit" />'].join('\n');
    expect(check(page(body))).toEqual([]);
    expect(check(page('You must appeal within two months.'), { legal: false, citations: [] })).toEqual([]);
  });

  it('fails an unknown citation id where it is used, and a citation never used where it is listed', () => {
    const mdx = `---\ntitle: Example\nlegal: true\ncitations:\n  - { id: appeal-rights, source: cfa-2014, ref: "s51(2)" }\n  - { id: time-limit, source: tribunal-rules-2008, ref: "rule 20" }\n---\nYou can appeal.<Cite id="apeal-rights" />\n`;
    const problems = check(mdx);
    const unknown = problems.find((p) => p.message.includes('"apeal-rights"'))!;
    expect(unknown).toMatchObject({ file: FILE, line: 8, column: 16 });
    expect(unknown.expected).toContain('appeal-rights, time-limit');
    const unused = problems.filter((p) => p.message.includes('never used'));
    expect(unused.map((p) => [p.field, p.line])).toEqual([
      ['citations[0]', 5],
      ['citations[1]', 6],
    ]);
  });

  it('asks a legal page to say when it was last checked against the law, and by whom', () => {
    const problems = check(page('Nothing to cite.'), { legalReview: undefined, citations: [] });
    expect(problems.map((p) => p.field)).toEqual(['legalReview']);
  });

  it('numbers citations by their first use in the body', () => {
    const body = 'A.<Cite id="b" /> B.<Cite id="a" /> C.<Cite id="b" /> D.<Cite id={"c"} />';
    expect(citeUses(body).map((u) => u.id)).toEqual(['b', 'a', 'b', 'c']);
    expect([...citationNumbers(body)]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });

  it('is run by checkContent on every legal page of the shipped content, which all pass', () => {
    const { problems, content } = checkContent(ROOT);
    const legal = [...content.guidance, ...content.standards].filter((e) => e.data.legal);
    expect(legal.length).toBeGreaterThanOrEqual(8);
    for (const e of legal) {
      expect(e.data.legalReview?.by, e.file).toBeTruthy();
      expect(e.data.citations.length, e.file).toBeGreaterThan(0);
    }
    expect(problems.filter((p) => p.field === 'body' || p.message.includes('Cite'))).toEqual([]);
  });

  it('fails the shipped complaints guidance, through checkContent, when the appeal time limit loses its citation', () => {
    const p = projectCopy();
    try {
      const FILE_ = 'content/guidance/feedback-and-complaints.mdx';
      const text = p.edit(FILE_, 'if that is later.<Cite id="appeal-time-limit" />', 'if that is later.');
      const { problems } = checkContent(p.dir);
      const line = lineOf(text, 'You must appeal within two months');
      const body = problems.filter((x) => x.file === FILE_ && x.field === 'body');
      // Both sentences of the paragraph state a time limit: each is named.
      expect(body.map((x) => x.line)).toEqual([line, line]);
      expect(body[0]!.message).toContain('"You must appeal within two months of the date of the council\'s decision letter."');
      expect(body[1]!.message).toContain('a time limit ("one month")');
      // The citation is now unused too.
      expect(problems.some((x) => x.file === FILE_ && x.message.includes('"appeal-time-limit"') && x.message.includes('never used'))).toBe(true);
    } finally {
      p.remove();
    }
  });
});
