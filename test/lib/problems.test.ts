import { describe, expect, it } from 'vitest';
import { ValidationError, describeProblem, formatProblems, quoteLine } from '../../src/lib/problems';
import { mayQuote } from '../../src/lib/source-lines';
import { nearest } from '../../src/lib/suggest';

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

describe('quoting the line a problem is on', () => {
  it('shows the line under the problem with a caret under the column', () => {
    const text = formatProblems([{ file: 'b.mdx', line: 12, column: 14, message: 'found "x"', didYouMean: '"y"', source: 'We completed <Stat metric="x" /> audits.' }]);
    expect(text.split('\n').slice(1, 4)).toEqual([
      '  b.mdx:12:14  found "x". Did you mean "y"?',
      '      12 | We completed <Stat metric="x" /> audits.',
      '         |              ^',
    ]);
  });

  it('shortens a long line around the column, so the caret stays in view', () => {
    const line = `${'a'.repeat(200)}<Stat metric="x" />${'b'.repeat(200)}`;
    const [quoted, caret] = quoteLine(line, 3, 201);
    expect(quoted!.length).toBeLessThan(120);
    expect(quoted![caret!.indexOf('^')]).toBe('<');
    expect(quoted).toMatch(/^3 \| …a+<Stat metric="x" \/>b+…$/);
  });

  it('quotes content and configuration files, never a data file that may hold personal data', () => {
    expect(mayQuote('content/briefings/a.mdx')).toBe(true);
    expect(mayQuote('data/partnership.yaml')).toBe(true);
    expect(mayQuote('data/audits/2025-26-summer.csv')).toBe(false);
  });
});

describe('"Did you mean …?"', () => {
  it('suggests the nearest accepted value for a slip, and nothing for a different word', () => {
    expect(nearest('good-or-beter', ['audits', 'good-or-better'])).toBe('good-or-better');
    expect(nearest('Stat', ['Stat'])).toBeUndefined();
    expect(nearest('stat', ['Stat', 'Compare'])).toBe('Stat');
    // What staff mean, not the nearest spelling: "last-term" is one letter-swap from "last-year".
    expect(nearest('last-term', ['target', 'previous-term', 'last-year'])).toBe('previous-term');
    expect(nearest('previous-year', ['target', 'previous-term', 'last-year'])).toBe('last-year');
    expect(nearest('last-term', ['audits'])).toBeUndefined();
    expect(nearest('2025-26-sumer', ['2025-26-spring', '2025-26-summer'])).toBe('2025-26-summer');
    expect(nearest('colour', ['metric', 'term', 'section'])).toBeUndefined();
  });
});

describe('a value holding a character that cannot be seen', () => {
  it('is said in words, so "found audits, did you mean audits" makes sense', () => {
    const text = describeProblem({ file: 'x.mdx', line: 3, field: '<Stat> metric', message: 'found "aud\u200bits", which is not a figure we publish', didYouMean: '"audits"' });
    expect(text).toContain('The text found holds a character that cannot be seen, such as one pasted from Word or a web page: delete it and type the value again.');
    expect(describeProblem({ file: 'x.mdx', line: 3, message: 'found "audit", which is not a figure we publish' })).not.toContain('cannot be seen');
  });
});
