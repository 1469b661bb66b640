import { describe, expect, it } from 'vitest';
import { annotation, annotations, escapeData, escapeProperty } from '../../src/lib/annotations';

describe('GitHub annotations', () => {
  it('put a problem on its file, line and column in plain English', () => {
    expect(
      annotation({
        file: 'content/briefings/2025-26-summer-quality.mdx',
        line: 14,
        column: 7,
        field: 'Stat metric',
        message: 'found "good-or-beter", which is not a figure we publish',
        expected: 'one of: audits, good-or-better',
        fix: 'correct the spelling',
      }),
    ).toBe(
      '::error file=content/briefings/2025-26-summer-quality.mdx,line=14,col=7,title=Problem in Stat metric::Stat metric: found "good-or-beter", which is not a figure we publish. Expected one of: audits, good-or-better. How to fix: correct the spelling.',
    );
  });
  it('leave out the line and column when they are not known', () => {
    expect(annotation({ file: 'data/audits/x.csv', message: 'the file is empty' })).toBe('::error file=data/audits/x.csv,title=Problem in this file::the file is empty.');
  });
  it('escape characters that would end or split the command', () => {
    expect(escapeData('50% done\nnext')).toBe('50%25 done%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    expect(annotation({ file: 'a,b.csv', line: 1, field: 'column C (grade)', message: 'x' })).toMatch(/^::error file=a%2Cb\.csv,line=1,title=Problem in column C \(grade\)::/);
  });
  it('show a warning as a warning, which does not fail the check', () => {
    expect(annotation({ severity: 'warning', file: 'content/guidance/x.mdx', line: 3, column: 1, field: 'page text', message: 'passive voice' })).toBe(
      '::warning file=content/guidance/x.mdx,line=3,col=1,title=Warning in page text::page text: passive voice.',
    );
  });
  it('give one line per problem', () => {
    expect(annotations([{ file: 'a', message: 'x' }, { file: 'b', message: 'y' }]).split('\n')).toHaveLength(2);
  });
});
