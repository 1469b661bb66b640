import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFrontmatter, parseYamlSource } from '../../src/lib/yaml-source';

describe('parseYamlSource', () => {
  const text = ['area:', '  name: Test', 'grades:', '  - id: good', '    name: Good', '  - id: poor', ''].join('\n');

  it('locates a nested field by its path', () => {
    const src = parseYamlSource(text, 'x.yaml');
    expect(src.locate(['area', 'name'])).toEqual({ line: 2, column: 9 });
    expect(src.locate(['grades', 1, 'id'])).toEqual({ line: 6, column: 9 });
  });

  it('reads every kind of scalar as the YAML 1.2 core schema does, whichever parser reads it', () => {
    // The fast reader (js-yaml) and the positioned one (yaml) differ on "0b101" and "+.5"; text
    // holding either must be read by the positioned one.
    const scalars = ['1_000', '0o17', '017', '0x1F', '0b101', '.inf', '-.Inf', '.NaN', '1e3', '+12', '+.5', 'yes', 'No', 'on', '~', 'null', '', 'True', 'tRue', '2025-05-23', '2025-05-23T10:00:00Z', '12:30', '"a\\tb"', "'it''s'", '[a, b]', '{a: 1}', '5 # c', '0001', '08', '-0'];
    for (const v of scalars) {
      const text = `v: ${v}\n`;
      expect(parseYamlSource(text, 'x.yaml').data, text).toEqual(parse(text));
    }
    expect(parseYamlSource('', 'x.yaml').data).toBeNull();
  });

  it('falls back to the nearest existing parent for a missing field', () => {
    const src = parseYamlSource(text, 'x.yaml');
    expect(src.locate(['grades', 1, 'name']).line).toBe(6);
  });

  it('reports a duplicate key with its line', () => {
    const src = parseYamlSource('a: 1\nb: 2\na: 3\n', 'x.yaml');
    expect(src.problems).toEqual([expect.objectContaining({ line: 3, message: 'the same field name appears twice' })]);
    expect(src.data).toBeUndefined();
  });
});

describe('parseFrontmatter', () => {
  it('offsets lines by the opening --- and returns the body', () => {
    const src = parseFrontmatter('---\ntitle: Hello\nsummary: World\n---\n\nBody text\n', 'a.mdx');
    expect(src.data).toEqual({ title: 'Hello', summary: 'World' });
    expect(src.locate(['summary'])).toEqual({ line: 3, column: 10 });
    expect(src.body.trim()).toBe('Body text');
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    const src = parseFrontmatter('\uFEFF---\r\ntitle: Hello\r\n---\r\nBody\r\n', 'a.mdx');
    expect(src.problems).toEqual([]);
    expect(src.data).toEqual({ title: 'Hello' });
  });

  it('says when there is no frontmatter', () => {
    expect(parseFrontmatter('# Title\n', 'a.mdx').problems[0]!.message).toBe('the file has no frontmatter');
  });
});

describe('frontmatter slips made in a web editor, said in words', () => {
  it('names a colon in an unquoted value, a tab, and a character that cannot be seen, with the fix', async () => {
    const { yamlHint, parseFrontmatter } = await import('../../src/lib/yaml-source');
    expect(yamlHint('title: Summer term 2025/26: what our audits found')).toEqual({
      message: 'the value after "title:" has a colon in it, which YAML reads as the start of another field',
      fix: 'put the whole value in double quotes: title: "Summer term 2025/26: what our audits found"',
    });
    // Curly quotes from a word processor: the fix is straight quotes, not quotes around them.
    expect(yamlHint('summary: “Summer term: what our audits found”')).toEqual({
      message: 'the value after "summary:" is in curly quotation marks (“…”), which YAML does not read as quotes, so the colon inside it is read as the start of another field',
      fix: 'type the quotation marks again as straight ones: summary: "Summer term: what our audits found"',
    });
    expect(yamlHint('\tterm: 2025-26-summer')?.message).toBe('this line has a tab, which YAML does not accept');
    expect(yamlHint('kind:\u00a0termly-quality-briefing')?.message).toBe('this line has a non-breaking space (often pasted from Word) at column 6, which looks like a space or nothing but is not');
    expect(yamlHint('term: 2025-26-summer\u200b')?.message).toContain('an invisible character (often pasted from a web page) at column 21');
    for (const fine of ['title: "Summer term 2025/26: what our audits found"', 'published: 2026-09-15', 'audience: [families]']) expect(yamlHint(fine), fine).toBeUndefined();
    // Through the reader: one problem, on the line, in words.
    const { problems } = parseFrontmatter('---\ntitle: Summer term 2025/26: what our audits found\nterm: 2025-26-summer\n---\nText\n', 'x.mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, fix: 'put the whole value in double quotes: title: "Summer term 2025/26: what our audits found"' });
  });
});
