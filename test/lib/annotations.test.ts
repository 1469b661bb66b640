import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotation, annotations, escapeData, escapeProperty, reportToGitHub, summaryTable } from '../../src/lib/annotations';

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
  it('make a note (severity warning) a yellow warning, not an error', () => {
    expect(annotation({ file: 'data/audits/x.csv', line: 1, column: 10, severity: 'warning', message: 'columns J and K have no heading and nothing in any row, so they are ignored' })).toBe(
      '::warning file=data/audits/x.csv,line=1,col=10,title=Note in this file::columns J and K have no heading and nothing in any row, so they are ignored.',
    );
  });
  it('give one line per problem', () => {
    expect(annotations([{ file: 'a', message: 'x' }, { file: 'b', message: 'y' }]).split('\n')).toHaveLength(2);
  });
});

describe('the job summary', () => {
  const problems = [
    { file: 'content/briefings/a.mdx', line: 14, column: 7, field: '<Stat> metric', message: 'found "good-or-beter", which is not a figure we publish', didYouMean: '"good-or-better"', fix: 'write metric="good-or-better"', source: 'We had <Stat metric="good-or-beter" /> | more' },
    { file: 'data/audits/x.csv', message: 'the file is empty' },
  ];

  it('lists every problem as a row of a Markdown table, with its line quoted', () => {
    const table = summaryTable(problems).split('\n');
    expect(table.slice(0, 6)).toEqual(['### Problems to fix before the site can be built', '', '2 problems.', '', '| Where | What is wrong | How to fix it |', '| --- | --- | --- |']);
    expect(table[6]).toBe(
      '| content/briefings/a.mdx, line 14 | &lt;Stat> metric: found "good-or-beter", which is not a figure we publish. Did you mean "good-or-better"?<br>`We had <Stat metric="good-or-beter" /> \\| more` | write metric="good-or-better" |',
    );
    expect(table[7]).toBe('| data/audits/x.csv | the file is empty. |  |');
  });

  it('is written, with the annotations, only in GitHub Actions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    const file = join(dir, 'summary.md');
    reportToGitHub(problems, { GITHUB_STEP_SUMMARY: file });
    expect(() => readFileSync(file)).toThrow();
    reportToGitHub(problems, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file });
    expect(readFileSync(file, 'utf8')).toContain('| data/audits/x.csv | the file is empty. |  |');
  });
});
