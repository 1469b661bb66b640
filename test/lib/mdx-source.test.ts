import { readFileSync } from 'node:fs';
import { mdxToMdast, type MdastNode } from 'satteri';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check';
import { isPlainMarkdown, readMdx } from '../../src/lib/mdx-source';
import { ROOT, projectCopy } from '../helpers/project-copy';

const FILE = 'content/guidance/x.mdx';

/** Every node type in a tree. */
function types(node: MdastNode, out = new Set<string>()): Set<string> {
  out.add(node.type);
  for (const c of (node as { children?: MdastNode[] }).children ?? []) types(c, out);
  return out;
}
const MDX_ONLY = ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'];

describe('a paragraph that starts with import or export', () => {
  it('is reported with its line, as the build would fail on it', () => {
    const { problems } = readMdx(FILE, '---\ntitle: x\n---\n\nIntro.\n\nexport the file as CSV UTF-8 before you send it.\n\nimport the data into the spreadsheet.\n');
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [7, 1],
      [9, 1],
    ]);
    expect(problems[0]!.message).toContain('"export" in small letters');
    expect(problems[0]!.fix).toContain('"Export"');
    expect(problems[1]!.message).toContain('"import"');
  });

  it('is not reported with a capital letter, or inside a paragraph', () => {
    expect(readMdx(FILE, 'Export the file.\n\nWe will\nexport the file.\n\nImport it.\n').problems).toEqual([]);
  });

  it('is listed by the content check with the file and the line quoted', () => {
    const copy = projectCopy();
    try {
      const rel = 'content/guidance/annual-review-what-to-expect.mdx';
      copy.write(rel, `${copy.read(rel)}\nexport the file as CSV UTF-8 before you send it.\n`);
      const { problems } = checkContent(copy.dir);
      expect(problems.filter((x) => x.file === rel).map((x) => [x.line, x.message])).toEqual([
        [copy.read(rel).split('\n').indexOf('export the file as CSV UTF-8 before you send it.') + 1, expect.stringContaining('"export" in small letters')],
      ]);
    } finally {
      copy.remove();
    }
  });
});

describe('text with no < or { and no line starting with import or export', () => {
  // readMdx does not parse such text: it holds no tags, no code and nothing that fails to parse.
  // These are what that rests on, checked with the compiler itself.
  const plain = globSync('content/**/*.mdx', { cwd: ROOT })
    .map((f) => readFileSync(`${ROOT}/${f}`, 'utf8'))
    .filter(isPlainMarkdown);
  const tricky = ['a } b', '}', '> quote', '    indented', '| a | b |\n| - | - |\n| 1 | 2 |', '```\n}\n```', 'a\\b', '&amp; &nbsp;', '[^1]\n\n[^1]: note', 'x ! y', 'a --> b', 'Export it.', 'We will\nexport it.'];

  it('parses, with nothing MDX-only in it, for every such file of the example and tricky text', () => {
    expect(plain.length).toBeGreaterThan(5);
    for (const text of [...plain, ...tricky]) {
      const found = [...types(mdxToMdast(text))].filter((t) => MDX_ONLY.includes(t));
      expect(found).toEqual([]);
      expect(readMdx(FILE, text)).toEqual({ elements: [], expressions: [], problems: [] });
    }
  });
});

describe('a < that is not a tag', () => {
  const first = (text: string) => readMdx(FILE, text).problems[0];

  it('in a sign before a number, says so and how to write it', () => {
    const p = first('Fewer than <5 children waited.');
    expect([p?.line, p?.column]).toEqual([1, 12]);
    expect(p?.message).toBe('the sign < before "5" is read by MDX as the start of a component');
    expect(p?.fix).toContain('"fewer than"');
  });

  it('around a web address, says to write a link', () => {
    const p = first('See <https://www.gov.uk/children-with-special-educational-needs> for more.');
    expect(p?.message).toContain('the web address <https://www.gov.uk/children-with-special-educational-needs> is in angle brackets');
    expect(p?.fix).toBe("write it as [the page's name](https://www.gov.uk/children-with-special-educational-needs), or remove the < and >");
  });

  it('around an email address, says to write a mailto link without repeating the address', () => {
    const p = first('Email <send.team@northvale.example> with questions.');
    expect(p?.message).toBe('an email address in angle brackets (<…@…>) is read by MDX as the start of a component');
    expect(`${p?.message} ${p?.fix}`).not.toContain('send.team');
  });

  it('with a space after it is plain text', () => {
    expect(readMdx(FILE, 'If 3 < 4 then it is fine.').problems).toEqual([]);
  });
});

describe('several slips in one file', () => {
  it('are all listed in one run, each at its own line and column', () => {
    const { problems } = readMdx(FILE, 'Fewer than <5 waited.\n\nSee <https://www.gov.uk/x>.\n\nUse <Stat metric=“audits” /> here.\n');
    expect(problems.map((p) => [p.line, p.column, p.message.slice(0, 30)])).toEqual([
      [1, 12, 'the sign < before "5" is read '],
      [3, 5, 'the web address <https://www.g'],
      [5, 18, 'the value of metric is in curl'],
    ]);
  });
});
