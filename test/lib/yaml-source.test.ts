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
