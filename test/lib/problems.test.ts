import { describe, expect, it } from 'vitest';
import { ValidationError, describeProblem, formatProblems } from '../../src/lib/problems';

describe('formatProblems', () => {
  it('groups problems by file, in line order, with file:line:column and a count', () => {
    const text = formatProblems([
      { file: 'b.mdx', line: 9, column: 3, field: 'stage[0]', message: 'found "later"', expected: 'one of: sen-support, all' },
      { file: 'a.mdx', line: 4, column: 1, field: 'title', message: 'this required field is missing', fix: 'add the field' },
      { file: 'b.mdx', line: 2, column: 8, field: 'title', message: 'found 3', expected: 'text' },
    ]);
    expect(text).toBe(
      [
        'b.mdx — 2 problems:',
        '  b.mdx:2:8  title: found 3. Expected text.',
        '  b.mdx:9:3  stage[0]: found "later". Expected one of: sen-support, all.',
        '',
        'a.mdx — 1 problem:',
        '  a.mdx:4:1  title: this required field is missing. How to fix: add the field.',
        '',
        '3 problems in 2 files.',
      ].join('\n'),
    );
  });

  it('describes a problem without a field or position', () => {
    expect(describeProblem({ file: 'x', message: 'the file is missing', fix: 'restore it' })).toBe('the file is missing. How to fix: restore it.');
  });

  it('puts every problem in the message of a ValidationError', () => {
    const err = new ValidationError([{ file: 'a', message: 'one' }, { file: 'b', message: 'two' }], 'Stopped.');
    expect(err.message).toMatch(/^Stopped\.\n\na — 1 problem:\n {2}a {2}one\.\n\nb — 1 problem:\n {2}b {2}two\.\n\n2 problems in 2 files\.$/);
    expect(err.problems).toHaveLength(2);
  });
});
