import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, type AuditRecord, type ColumnContext, type DatasetName } from '../../../src/lib/data/columns';
import { decodeCsv } from '../../../src/lib/data/csv';
import { readCsvText, readDataset, rowsInNoReport } from '../../../src/lib/data/read-dataset';
import { checkAll } from '../../../src/lib/data/load';
import { projectCopy } from '../../helpers/project-copy';
import { loadPartnership } from '../../../src/lib/partnership';
import { describeProblem, type Problem } from '../../../src/lib/problems';

const root = join(import.meta.dirname, '../../..');
const ctx: ColumnContext = {
  cfg: loadPartnership(root),
  standardIds: new Set(['ehc-plan-1', 'ehc-plan-2', 'ehc-plan-3', 'ehc-plan-4', 'ehc-plan-5']),
  today: '2026-11-23',
};

/** Reads a fixture as the build does and returns its records and problems as readable lines. */
function read(name: string, seen = new Map<string, { file: string; line: number }>(), dataset: DatasetName = 'audits') {
  const file = `test/fixtures/data/${name}`;
  const bytes = readFileSync(join(root, file));
  const decoded = decodeCsv(file, bytes);
  if (decoded.text === undefined) return { records: [] as AuditRecord[], problems: decoded.problems, notes: [] as Problem[], text: decoded.problems.map(show) };
  const out = readCsvText<AuditRecord>(file, decoded.text, DATASETS[dataset], ctx, seen);
  return { ...out, text: out.problems.map(show) };
}
const show = (p: Problem) => `${p.line ?? '-'}:${p.column ?? '-'} ${describeProblem(p)}`;

describe('what Excel and staff really produce is accepted', () => {
  it('reads a BOM, CRLF, trailing blank lines, spaces, any case, names or ids, and UK dates', () => {
    const { records, problems } = read('excel-export.csv');
    expect(problems).toEqual([]);
    expect(records.map(({ file, ...r }) => r)).toEqual([
      { line: 2, audit_ref: 'NV-T-0001', completed_on: '2024-09-01', audit_type: 'ehc-plan', level: 'multi-agency', locality: 'north', grade: 'good', timely: 'yes', standards_not_met: ['ehc-plan-2', 'ehc-plan-4'], moderated: 'no' },
      { line: 3, audit_ref: 'NV-T-0002', completed_on: '2024-10-14', audit_type: 'annual-review', level: 'single-agency', locality: 'coast', grade: 'requires-improvement', timely: 'n/a', standards_not_met: [], moderated: 'no' },
      { line: 4, audit_ref: 'NV-T-0003', completed_on: '2024-10-14', audit_type: 'advice-health', level: 'single-agency', locality: 'central', grade: 'outstanding', timely: 'no', standards_not_met: [], moderated: 'yes' },
    ]);
  });
});

describe('bad values: every problem in the file at once, with line, column, value and what was expected', () => {
  const { text, records } = read('bad-values.csv');
  it.each([
    ['2:6', 'column F (grade): found "Excellent", which is not a grade. Expected one of: Outstanding, Good, Requires improvement, Inadequate'],
    ['3:3', 'column C (audit_type): found "EHCP", which is not an audit type'],
    ['3:5', 'column E (locality): found "Northern", which is not a locality. Expected one of: North, South, East, West, Central, Coast'],
    ['4:4', 'column D (level): found "level 5", which is not an audit level'],
    ['4:7', 'column G (timely): found "maybe". Expected one of: yes, no, n/a'],
    ['4:8', 'column H (standards_not_met): "ehc-plan-9" is not a known standard'],
    ['5:2', 'column B (completed_on): found "31/02/2025", which is not a real date'],
    ['6:2', 'column B (completed_on): found 2031-09-04, which is in the future. Expected a date no later than today (2026-11-23)'],
    ['7:9', 'column I (moderated): this cell is empty'],
    ['7:1', 'column A (audit_ref): the audit reference "NV-T-0001" is used twice: here and in test/fixtures/data/bad-values.csv on line 2'],
  ])('line:column %s', (where, message) => {
    expect(text.find((t) => t.startsWith(`${where} `))).toContain(message);
  });
  it('reports exactly those problems and keeps no bad row', () => {
    expect(text).toHaveLength(10);
    expect(records).toEqual([]);
  });
  it('names the other file when a reference is used in two files', () => {
    const seen = new Map<string, { file: string; line: number }>();
    read('excel-export.csv', seen);
    const again = read('excel-export.csv', seen);
    expect(again.text[0]).toContain('the audit reference "NV-T-0001" is used twice: here and in test/fixtures/data/excel-export.csv on line 2');
  });
});

describe('bad family feedback: every problem in the file at once', () => {
  const { text, records } = read('bad-feedback.csv', new Map(), 'feedback');
  it.each([
    ['3:4', 'column D (rating): found "6". Expected a whole number from 1 (very poor) to 5 (very good)'],
    ['4:3', 'column C (stage): found "early years"'],
    ['4:4', 'column D (rating): found "3.5". Expected a whole number from 1 (very poor) to 5 (very good)'],
    ['4:5', 'column E (theme): found "listening", which is not a feedback theme'],
    ['5:4', 'column D (rating): this cell is empty'],
    ['6:4', 'column D (rating): found "five"'],
    ['6:1', 'column A (feedback_ref): the feedback reference "NV-T-F001" is used twice: here and in test/fixtures/data/bad-feedback.csv on line 2'],
  ])('line:column %s', (where, message) => {
    expect(text.find((t) => t.startsWith(`${where} `))).toContain(message);
  });
  it('reports exactly those problems, and accepts stage and theme written as their names', () => {
    expect(text).toHaveLength(7);
    // Line 3's stage "EHC plan" and line 6's "annual review" and "Timeliness" are fine: only their ratings are wrong.
    expect(text.filter((t) => /^(3|6):(3|5) /.test(t))).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([2]);
  });
});

describe('bad compliments and complaints: every problem in the file at once', () => {
  const { text, records } = read('bad-complaints.csv', new Map(), 'complaints');
  it.each([
    ['3:5', 'column E (upheld): found "yes" for a compliment, which cannot be upheld. Expected n/a for a compliment'],
    ['4:4', 'column D (theme): found "parking", which is not a theme'],
    ['5:3', 'column C (kind): found "suggestion". Expected one of: compliment, complaint'],
    ['5:5', 'column E (upheld): found "maybe". Expected one of: yes, no, n/a'],
  ])('line:column %s', (where, message) => {
    expect(text.find((t) => t.startsWith(`${where} `))).toContain(message);
  });
  it('reports exactly those problems, and accepts a decided complaint in any case', () => {
    expect(text).toHaveLength(4);
    expect(records.map((r) => r.line)).toEqual([2, 6]);
  });
});

describe('the shape of the file is checked before its rows', () => {
  it('reports a missing column and an unknown one from the heading row, and reads no rows', () => {
    const { text, records } = read('bad-header.csv');
    expect(text).toEqual([
      '1:9 column I: found the heading "notes", which this kind of file does not have. Expected only these headings: audit_ref, completed_on, audit_type, level, locality, grade, timely, standards_not_met, moderated. How to fix: rename the heading if it is one of these with a different spelling, otherwise delete the column.',
      '1:- the column "grade" is missing. Expected a column headed "grade" (the grade the audit gave). How to fix: add the column (see data/README.md for what it holds).',
    ]);
    expect(records).toEqual([]);
  });
  it('reports ragged rows with their counts', () => {
    const { text, records } = read('ragged.csv');
    expect(text).toEqual([
      expect.stringMatching(/^3:- this row has 7 cells but there are 9 column headings/),
      expect.stringMatching(/^4:- this row has 11 cells but there are 9 column headings.*comma inside a value/),
    ]);
    expect(records).toHaveLength(1);
  });
  it('reports an unclosed quote on the line it starts', () => {
    expect(read('unclosed-quote.csv').text[0]).toMatch(/^3:- a quotation mark \(“?"?\)? opens a cell that is never closed/);
  });
  it('reports a title row above the headings and still checks the rows', () => {
    const { text, records } = read('title-row.csv');
    expect(text).toEqual([expect.stringContaining('1:- there are 2 rows above the column headings, like a title. Expected the column headings on the first line (found them on line 3). How to fix: delete lines 1 to 2')]);
    expect(records).toHaveLength(1);
  });
  it('reports an empty file', () => {
    expect(read('empty.csv').text).toEqual([expect.stringContaining('1:- the file is empty')]);
  });
  it('tells the user to save as CSV UTF-8 when the file is in a Windows encoding', () => {
    const [message] = read('windows-1252.csv').text;
    expect(message).toMatch(/^3:63 the file is not saved as UTF-8: it has the byte 0x92, which is how Windows saves the character ’/);
    expect(message).toContain('CSV UTF-8');
  });
});

describe('privacy guard', () => {
  it('refuses headings that name personal data without reading any row', () => {
    const { text, records } = read('personal-data.csv');
    expect(text).toEqual([
      expect.stringMatching(/^1:10 column J: the heading of this column says it holds personal data/),
      expect.stringMatching(/^1:11 column K: the heading of this column says it holds personal data/),
    ]);
    expect(records).toEqual([]);
    expect(text.join('\n')).not.toMatch(/Sam|Example|2012|Child name|DOB/);
  });
  it('refuses cells that look like identifiers, naming where but never the value', () => {
    const { text, records } = read('personal-cells.csv');
    expect(text.map((t) => t.slice(0, t.indexOf(' this cell')))).toEqual([
      '2:1 column A (audit_ref):',
      '3:5 column E (locality):',
      '4:9 column I (moderated):',
      '5:6 column F (grade):',
      '6:9 column I (moderated):',
    ]);
    expect(text[0]).toContain('looks like personal data (UPN (unique pupil number))');
    expect(text[1]).toContain('(postcode)');
    expect(text[2]).toContain('(NHS number)');
    expect(text[3]).toContain('(email address)');
    expect(text[4]).toContain('(date (possibly a date of birth))');
    expect(text.join('\n')).not.toMatch(/U820200101001|NV1 2AB|943 476 5919|parent@example|14\/03\/2012/);
    expect(records).toEqual([]);
  });
  it('refuses a reference made from a UPN with a prefix, naming where but never the value', () => {
    const file = 'data/audits/prefixed.csv';
    const text = 'audit_ref,completed_on,audit_type,level,locality,grade,timely,standards_not_met,moderated\nNV-U820200101001,2024-09-02,ehc-plan,multi-agency,north,good,yes,,no\nNV-T-0002,2024-09-03,ehc-plan,multi-agency,north,good,yes,,no\n';
    const out = readCsvText<AuditRecord>(file, text, DATASETS.audits, ctx, new Map());
    expect(out.problems.map(show)).toEqual([expect.stringMatching(/^2:1 column A \(audit_ref\): this cell looks like personal data \(UPN \(unique pupil number\)\)/)]);
    expect(out.problems.map(show).join('\n')).not.toContain('820200101001');
    expect(out.records.map((r) => r.audit_ref)).toEqual(['NV-T-0002']);
  });
  it('lets references that merely resemble identifiers through', () => {
    const { problems, records } = read('near-misses.csv');
    expect(problems).toEqual([]);
    expect(records).toHaveLength(3);
  });
});

describe('the bundled example data', () => {
  it('is read without a problem, and every record has exactly the columns of its kind of file, each with a value', async () => {
    const { loadData } = await import('../../../src/lib/data/load');
    const { DATASETS } = await import('../../../src/lib/data/columns');
    const data = await loadData(root, { today: '2026-11-23', fresh: true });
    expect(data.problems).toEqual([]);
    expect(data.audits.length).toBeGreaterThan(2000);
    const kinds = [
      ['audits', data.audits],
      ['feedback', data.feedback],
      ['complaints', data.complaints],
    ] as const;
    for (const [name, records] of kinds) {
      expect(records.length, name).toBeGreaterThan(0);
      const columns = Object.keys(DATASETS[name].columns).sort();
      for (const r of records) {
        const rec = r as unknown as Record<string, unknown>;
        expect(typeof rec.file === 'string' && rec.file.startsWith(`${DATASETS[name].folder}/`), `${name} ${rec.file}`).toBe(true);
        expect(Number.isInteger(rec.line) && (rec.line as number) >= 2, `${name} line`).toBe(true);
        const keys = Object.keys(rec).filter((k) => k !== 'file' && k !== 'line').sort();
        if (keys.join() !== columns.join()) expect(keys, `${rec.file}:${rec.line}`).toEqual(columns);
        for (const k of columns) if (rec[k] === undefined || rec[k] === null || rec[k] === '') expect(rec[k], `${rec.file}:${rec.line} ${k}`).not.toBeUndefined();
      }
    }
    // Three years, every configured service rated against the 16 SEN services standards and 5 Quality Offer outcomes.
    const { loadPartnership } = await import('../../../src/lib/partnership');
    expect(data.selfEvaluation).toHaveLength(3 * loadPartnership(root).selfEvaluation.services.length * 21);
    // Nine terms of audits, feedback and compliments and complaints; three years of self-evaluation.
    expect(data.files).toHaveLength(30);
  });
});

describe('nothing silently lost', () => {
  it('refuses a file of 0 bytes, saying what it means and how to fix it', () => {
    const { text, records } = read('zero-bytes.csv');
    expect(text).toEqual([
      '1:- the file is empty, so it holds no records and nothing from it would appear on the site. Expected a heading row (audit_ref, completed_on, audit_type, level, locality, grade, timely, standards_not_met, moderated) and then one row per record. How to fix: if this term really has none of these records, delete the file (a term with no records has no file); otherwise export the data again from the spreadsheet (File › Save As › "CSV UTF-8 (Comma delimited) (*.csv)") and replace this file with it.',
    ]);
    expect(records).toEqual([]);
  });

  it('refuses a file with only its heading row, on the line of the headings', () => {
    const { text, records } = read('heading-only.csv');
    expect(text).toEqual([expect.stringMatching(/^1:- the file has its heading row but no records under it, so nothing from it would appear on the site\. .*How to fix: if this term really has none of these records, delete the file/)]);
    expect(records).toEqual([]);
  });

  it('does not pass over an empty file in a data folder (it once built, and its term\'s report disappeared)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'send-quality-'));
    try {
      mkdirSync(join(dir, 'data/audits'), { recursive: true });
      writeFileSync(join(dir, 'data/audits/2024-25-autumn.csv'), '');
      const { problems, records } = readDataset<AuditRecord>(dir, 'audits', ctx);
      expect(records).toEqual([]);
      expect(problems.map(show)).toEqual([expect.stringMatching(/^1:- the file is empty/)]);
      expect(problems[0]!.file).toBe('data/audits/2024-25-autumn.csv');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses feedback from a term that has no audits, since no report would show it, naming the audit file it needs', () => {
    const audits = read('excel-export.csv');
    const feedback = read('feedback-term-without-audits.csv', new Map(), 'feedback');
    expect(feedback.problems).toEqual([]);
    const problems = rowsInNoReport(ctx.cfg, audits, { feedback: feedback.records as never, complaints: [] });
    expect(problems.map(show)).toEqual([
      "3:- received_on: 2 rows of this file (the first on this line) are from the autumn term 2026/27, which has no audit data, so they would appear in no report: a term's report is made only when the term has audits. Expected audit data for the autumn term 2026/27 (the file data/audits/2026-27-autumn.csv), or dates in a term that has a report. How to fix: add data/audits/2026-27-autumn.csv in the same pull request; if the dates are wrong, correct them; if the term will have no audits, remove these rows.",
    ]);
    expect(problems[0]!.file).toBe('test/fixtures/data/feedback-term-without-audits.csv');
  });

  it('says nothing about lost rows while the audit files have problems of their own (their terms are not known)', () => {
    const feedback = read('feedback-term-without-audits.csv', new Map(), 'feedback');
    const broken = read('zero-bytes.csv');
    expect(rowsInNoReport(ctx.cfg, broken, { feedback: feedback.records as never, complaints: [] })).toEqual([]);
  });

  describe('through the real validation of the whole project', () => {
    const feedback = 'feedback_ref,received_on,stage,rating,theme\nNV-X-F001,2026-10-01,ehc-plan,4,communication\n';
    const check = async (files: Record<string, string>) => {
      const copy = projectCopy();
      try {
        for (const [f, text] of Object.entries(files)) copy.write(f, text);
        return (await checkAll(copy.dir)).problems.map((p) => `${p.file}:${p.line} ${p.message}`);
      } finally {
        copy.remove();
      }
    };
    it('refuses an empty audit file (and says nothing yet of feedback whose term is not known to have audits)', async () => {
      expect(await check({ 'data/audits/2025-26-summer.csv': '', 'data/feedback/2026-27-autumn.csv': feedback })).toEqual([
        'data/audits/2025-26-summer.csv:1 the file is empty, so it holds no records and nothing from it would appear on the site',
      ]);
    });
    it('refuses a feedback file for a term without audits', async () => {
      expect(await check({ 'data/feedback/2026-27-autumn.csv': feedback })).toEqual([
        "data/feedback/2026-27-autumn.csv:2 this row is from the autumn term 2026/27, which has no audit data, so it would appear in no report: a term's report is made only when the term has audits",
      ]);
    });
  });
});

describe('nothing needlessly refused', () => {
  it('ignores columns with no heading and nothing in any row, with a note, and keeps the column letters right', () => {
    const { text, records, notes } = read('excel-empty-columns.csv');
    expect(notes.map(show)).toEqual([
      '1:2 columns B, K, L and M have no heading and nothing in any row, so they are ignored (Excel leaves such columns when cells are formatted but left empty). Expected every column to have a heading. How to fix: Nothing needs fixing; to remove this note, delete those columns in Excel and save as CSV UTF-8 again.',
    ]);
    expect(notes[0]!.severity).toBe('warning');
    // Only the real mistake is refused, in the column Excel shows it in.
    expect(text).toEqual([expect.stringMatching(/^3:7 column G \(grade\): found "great", which is not a grade/)]);
    expect(records.map((r) => [r.line, r.audit_ref, r.completed_on])).toEqual([
      [2, 'NV-T-0001', '2024-09-02'],
      [4, 'NV-T-0003', '2024-09-04'],
    ]);
  });

  it('still refuses a column with no heading that has something in it', () => {
    const csv = 'audit_ref,completed_on,audit_type,level,locality,grade,timely,standards_not_met,moderated,\nNV-T-0001,2024-09-02,ehc-plan,multi-agency,north,good,yes,,no,see notes\n';
    const { problems, notes } = readCsvText('t.csv', csv, DATASETS.audits, ctx, new Map());
    expect(notes).toEqual([]);
    expect(problems.map(show)).toEqual([expect.stringMatching(/^1:10 column J: this column has no heading/)]);
  });

  it('reads a date followed by a midnight time, as Excel exports a date cell, as that date; refuses any other time of day', () => {
    const { text, records } = read('excel-datetimes.csv');
    expect(records.map((r) => [r.line, r.completed_on])).toEqual([
      [2, '2023-10-03'],
      [3, '2023-10-03'],
      [4, '2023-10-03'],
      [5, '2023-10-03'],
    ]);
    expect(text).toEqual([
      '6:2 column B (completed_on): found "2023-10-03 14:30", a date with the time of day 14:30; only the day is recorded, and a time other than midnight may mean the wrong cell or column was copied. Expected the day alone, such as 2023-10-03, or the day with the time 00:00 (how Excel exports a date). How to fix: write the day alone (2023-10-03); in Excel, select the column, choose Format Cells › Date and pick a format without a time, then save as CSV UTF-8 again.',
      expect.stringMatching(/^7:2 column B \(completed_on\): found "31\/02\/2024 00:00", which is not a real date\. .*check the day and month/),
    ]);
  });
});

describe('a data file uploaded twice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sq-copy-'));
  const original = readFileSync(join(root, 'data/audits/2023-24-autumn.csv'), 'utf8');
  const rows = original.trim().split('\n').length - 1;
  const read = (files: Record<string, string>) => {
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    mkdirSync(join(dir, 'data/audits'), { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, 'data/audits', f), text);
    return readDataset<AuditRecord>(dir, 'audits', ctx);
  };

  it('is one problem naming the file it copies, not one for every row', () => {
    expect(rows).toBeGreaterThan(20);
    const { problems } = read({ '2023-24-autumn.csv': original, '2023-24-autumn (1).csv': original });
    expect(problems, problems.map(describeProblem).join('\n')).toHaveLength(1);
    // Files are read in name order, and "2023-24-autumn (1).csv" comes first.
    expect(problems[0]).toMatchObject({ file: 'data/audits/2023-24-autumn.csv', line: 2, field: 'column A (audit_ref)' });
    expect(problems[0]!.message).toBe(`every one of this file's ${rows} rows has the same audit reference as a row of data/audits/2023-24-autumn (1).csv, so one of the two files looks like a copy of the other`);
    expect(problems[0]!.fix).toContain('delete that file');
  });

  it('keeps one problem a row for a few repeated references, which are more likely typing slips', () => {
    const lines = original.trim().split('\n');
    const slips = [lines[0], ...lines.slice(1, 3)].join('\n');
    const { problems } = read({ '2023-24-autumn.csv': original, 'extra.csv': slips });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('is used twice'), expect.stringContaining('is used twice')]);
  });
});
