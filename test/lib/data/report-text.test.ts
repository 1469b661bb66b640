import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Figure, Percent, PublishedTable } from '../../../src/lib/data/disclosure';
import { buildReports, type CrossTab, type TermReport } from '../../../src/lib/data/report';
import { againstTarget, changeWords, crossTabSentence, headlineSentence, reportCsv } from '../../../src/lib/data/report-text';
import { audits, complaint, earlierAudits, mainTermAudits, mainTermComplaints, mainTermFeedback, makeConfig } from './report-fixtures';

const term = '2024-25-autumn';
const main = buildReports({ cfg: makeConfig(), audits: [...earlierAudits(), ...mainTermAudits()], feedback: mainTermFeedback(), complaints: mainTermComplaints() }).find((r) => r.term.id === term)!;

function reportOf(list: Parameters<typeof buildReports>[0]['audits'], threshold = 5, extra: Partial<Parameters<typeof buildReports>[0]> = {}): TermReport {
  return buildReports({ cfg: makeConfig({ threshold }), audits: list, feedback: [], complaints: [], ...extra }).find((r) => r.term.id === term)!;
}

const n = (value: number): Figure => ({ kind: 'count', value });
const pc = (value: number): Percent => ({ kind: 'percent', value });
const hidden: Figure & Percent = { kind: 'suppressed', reason: 'small' };

/** A hand-made published cross-tab: only the figures the sentence reads are filled in. */
function tab(rows: string[], opts: { cols?: string[]; colTotals?: Figure[]; total?: Figure; share?: Percent[]; shareLabel?: string }): CrossTab {
  const cols = opts.cols ?? ['A', 'B'];
  const table: PublishedTable = {
    cells: rows.map(() => cols.map(() => n(0))),
    rowTotals: rows.map(() => n(0)),
    colTotals: opts.colTotals ?? cols.map(() => n(0)),
    total: opts.total ?? n(0),
    groupTotals: rows.map(() => []),
    groupColTotals: [],
  };
  return {
    id: 't',
    title: 'T',
    rowHeading: 'Rows',
    rows: rows.map((label) => ({ id: label.toLowerCase(), label })),
    cols: cols.map((label) => ({ id: label.toLowerCase(), label })),
    table,
    ...(opts.share ? { share: { label: opts.shareLabel ?? 'Good or better', rows: opts.share, total: hidden } } : {}),
  };
}

describe('againstTarget', () => {
  it('says how far a share is above or below the target, in points', () => {
    expect(againstTarget(pc(70), 80)).toBe('10 points below the 80% target');
    expect(againstTarget(pc(83), 80)).toBe('3 points above the 80% target');
  });
  it('uses the singular for one point', () => {
    expect(againstTarget(pc(79), 80)).toBe('1 point below the 80% target');
    expect(againstTarget(pc(81), 80)).toBe('1 point above the 80% target');
  });
  it('says when a share is exactly on the target', () => {
    expect(againstTarget(pc(80), 80)).toBe('on the 80% target');
  });
  it('says nothing about a share that is not published', () => {
    expect(againstTarget(hidden, 80)).toBeUndefined();
  });
});

describe('headlineSentence', () => {
  it('gives the share Good or better of the audits and how it compares with the target', () => {
    // 14 of 20 = 70%, 10 points below 80%.
    expect(headlineSentence(main)).toBe('70% of 20 audits were Good or better, 10 points below the 80% target.');
  });

  it('names what was audited when asked to', () => {
    expect(headlineSentence(main, 'EHC plan audits')).toBe('70% of 20 EHC plan audits were Good or better, 10 points below the 80% target.');
  });

  it('writes large counts with a thousands separator', () => {
    // 1,000 Good and 234 RI: 1000 / 1234 = 81.04% → 81%, one point above the target.
    const r = reportOf([...audits(1000, '2024-10-01'), ...audits(234, '2024-10-02', { grade: 'requires-improvement' })]);
    expect(headlineSentence(r)).toBe('81% of 1,234 audits were Good or better, 1 point above the 80% target.');
  });

  it('says the figures are not published when there were 1 to 5 audits', () => {
    expect(headlineSentence(reportOf(audits(3, '2024-10-01')))).toBe('Fewer than 6 audits were completed this term, so the figures are not published.');
  });

  it('gives the number of audits but not the share when only the share must be hidden', () => {
    // 12 audits: Good 9, RI 3 (see report.test.ts): the total is published, the share is not.
    const r = reportOf([...audits(9, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' })]);
    expect(headlineSentence(r)).toBe("12 audits were completed; the share graded Good or better is not published, to protect children's privacy.");
  });
});

describe('crossTabSentence on the hand-counted main term', () => {
  it('summarises the grades against the target', () => {
    expect(crossTabSentence(main.grades, main)).toBe('70% of 20 were Good or better, 10 points below the 80% target.');
  });

  it('names the groups with the highest and lowest shares and how many met the target', () => {
    // Annual review 75%, EHC plan 67%: neither reaches 80%.
    expect(crossTabSentence(main.byType, main)).toBe('Annual review had the highest share good or better (75%) and EHC plan the lowest (67%); 0 of 2 met the 80% target.');
    // South 80% (on the target counts as meeting it), North 60%.
    expect(crossTabSentence(main.byLocality, main)).toBe('South had the highest share good or better (80%) and North the lowest (60%); 1 of 2 met the 80% target.');
  });

  it('summarises one-row shares without mentioning the target', () => {
    expect(crossTabSentence(main.timeliness, main)).toBe('63% of 16 were met.');
    expect(crossTabSentence(main.moderation, main)).toBe('30% of 20 were moderated.');
    expect(crossTabSentence(main.feedback.ratings, main)).toBe('60% of 10 were rated 4 or 5.');
  });

  it('gives the total and the most common column of a table without a share', () => {
    // Feedback themes: communication 6, timeliness 4.
    expect(crossTabSentence(main.feedback.themes, main)).toBe('10 in all; the most common was communication (6).');
  });

  it('names the most common theme of compliments and complaints taken together', () => {
    // Communication 4 + 2 = 6, timeliness 3 + 4 = 7.
    expect(crossTabSentence(main.complaints.byTheme, main)).toBe('13 in all; the most common was timeliness (7).');
  });
});

describe('crossTabSentence when figures are hidden or missing', () => {
  it('says when a table without a share has nothing this term', () => {
    const r = reportOf([...audits(6, '2024-10-01'), ...audits(6, '2024-10-02', { grade: 'requires-improvement' })]);
    expect(crossTabSentence(r.complaints.byTheme, r)).toBe('There were none this term.');
  });

  it('says when a table without a share is too small to publish', () => {
    const r = reportOf([...audits(6, '2024-10-01'), ...audits(6, '2024-10-02', { grade: 'requires-improvement' })], 5, {
      complaints: [complaint('2024-10-01', 'complaint', 'timeliness', 'yes'), complaint('2024-10-01', 'compliment', 'communication'), complaint('2024-10-02', 'compliment', 'communication')],
    });
    expect(crossTabSentence(r.complaints.byTheme, r)).toBe('Too few to publish this term.');
  });

  it('says a one-row share is not published when it is hidden', () => {
    const r = reportOf([...audits(9, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' })]);
    expect(crossTabSentence(r.grades, r)).toBe("The share good or better is not published this term, to protect children's privacy.");
  });

  it('takes the first column in order when two are equally common', () => {
    const t = tab(['All'], { cols: ['First', 'Second', 'Third'], colTotals: [n(5), n(9), n(9)], total: n(23) });
    expect(crossTabSentence(t, main)).toBe('23 in all; the most common was second (9).');
  });

  it('names the most common column only among published, non-zero column totals', () => {
    const t = tab(['All'], { cols: ['Big', 'Small', 'None'], colTotals: [hidden, n(12), n(0)], total: n(40) });
    expect(crossTabSentence(t, main)).toBe('40 in all; the most common was small (12).');
    const none = tab(['All'], { cols: ['A', 'B', 'C'], colTotals: [hidden, n(0), hidden], total: n(40) });
    expect(crossTabSentence(none, main)).toBe('40 in all.');
  });

  it('says when every group shown has the same share, rather than naming a highest and a lowest', () => {
    const same = tab(['North', 'South', 'East'], { share: [pc(80), pc(80), hidden] });
    expect(crossTabSentence(same, main)).toBe('Every group shown had the same share good or better (80%); 2 of 2 met the 80% target. 1 group is too small to publish.');
  });

  it('counts the groups too small to publish, in the singular and the plural', () => {
    const one = tab(['North', 'South', 'East'], { share: [pc(85), hidden, pc(72)] });
    expect(crossTabSentence(one, main)).toBe('North had the highest share good or better (85%) and East the lowest (72%); 1 of 2 met the 80% target. 1 group is too small to publish.');
    const two = tab(['North', 'South', 'East', 'West'], { share: [hidden, pc(90), hidden, pc(95)] });
    expect(crossTabSentence(two, main)).toBe('West had the highest share good or better (95%) and South the lowest (90%); 2 of 2 met the 80% target. 2 groups are too small to publish.');
  });

  it('gives the one published share when only one group is large enough', () => {
    const t = tab(['North', 'South', 'East'], { share: [hidden, pc(64), hidden] });
    expect(crossTabSentence(t, main)).toBe('South: 64% good or better. 2 groups are too small to publish.');
  });

  it('says when no group is large enough to publish', () => {
    const t = tab(['North', 'South'], { share: [hidden, hidden] });
    expect(crossTabSentence(t, main)).toBe('No group is large enough to publish its share good or better this term.');
  });

  it('measures groups against the report target', () => {
    const t = tab(['North', 'South', 'East'], { share: [pc(71), pc(69), pc(90)] });
    const r70 = { ...main, target: 70 };
    expect(crossTabSentence(t, r70)).toBe('East had the highest share good or better (90%) and South the lowest (69%); 2 of 3 met the 70% target.');
  });
});

describe('changeWords', () => {
  it('says up or down and by how many points', () => {
    expect(changeWords(4)).toBe('up 4 points');
    expect(changeWords(-10)).toBe('down 10 points');
  });
  it('uses the singular for one point', () => {
    expect(changeWords(1)).toBe('up 1 point');
    expect(changeWords(-1)).toBe('down 1 point');
  });
  it('says no change for zero', () => {
    expect(changeWords(0)).toBe('no change');
  });
  it('says nothing when there is nothing to compare', () => {
    expect(changeWords(null)).toBeUndefined();
    expect(changeWords(undefined)).toBeUndefined();
  });
  it('describes the hand-counted changes of the main term', () => {
    // 70% now, 80% the previous term, 50% a year earlier.
    expect(changeWords(main.change.previous?.points)).toBe('down 10 points');
    expect(changeWords(main.change.lastYear?.points)).toBe('up 20 points');
  });
});

describe('reportCsv', () => {
  const csv = reportCsv(main, (id) => `Title of ${id}`);
  const rows = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
  const find = (section: string, group: string, measure: string) => rows.filter((r) => r[1] === section && r[2] === group && r[3] === measure).map((r) => r[4]);

  it('has a heading row and Windows line endings, ending with a line break', () => {
    expect(csv.startsWith('term,section,group,measure,value\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('writes one row per published figure', () => {
    // Headline 2; grades 1 row × (4 grades + total + share) = 6; by type, locality and level each
    // 2 rows × 6 + an "All" row of 6 = 18, so 54; timeliness and moderation 2 + total + share = 4 each;
    // 4 standards × 2 = 8; responses and average 2; ratings 5 + total + share = 7; themes 2 + total = 3;
    // compliments and complaints 2 rows × 3 + "All" 3 = 9; upheld 4. In all 103.
    expect(rows).toHaveLength(1 + 103);
    expect(rows.slice(1).every((r) => r.length === 5 && r[0] === 'Autumn term 2024/25')).toBe(true);
  });

  it('writes counts, percentages and averages as they are published', () => {
    expect(find('Headline', 'All audits', 'Audits completed')).toEqual(['20']);
    expect(find('Headline', 'All audits', '% Good or better')).toEqual(['70%']);
    expect(find('Grades by type of audit', 'EHC plan', 'Good')).toEqual(['6']);
    expect(find('Grades by type of audit', 'All', '% Good or better')).toEqual(['70%']);
    expect(find('What families told us', 'All responses', 'Average rating (1 to 5)')).toEqual(['3.4']);
    expect(find('Practice standards most often not met', 'ehc-plan-2 Title of ehc-plan-2', '% of audits')).toEqual(['40%']);
  });

  it('adds an "All" row only to tables with more than one row', () => {
    expect(find('Grades given', 'All', 'Total')).toEqual([]);
    expect(find('Grades by locality', 'All', 'Total')).toEqual(['20']);
  });

  it('quotes values holding commas or quotation marks', () => {
    const quoted = reportCsv(main, () => 'Plans are "SMART", and clear');
    expect(quoted).toContain('"ehc-plan-2 Plans are ""SMART"", and clear",Audits not meeting it,8\r\n');
  });

  it('writes suppressed figures as the configured symbol and never a count from 1 to the threshold', () => {
    // Threshold 5, symbol "*": the main term has many counts of 2 and 4.
    const r = buildReports({ cfg: makeConfig({ threshold: 5, symbol: '*' }), audits: mainTermAudits(), feedback: mainTermFeedback(), complaints: mainTermComplaints() })[0]!;
    const values = Papa.parse<string[]>(reportCsv(r, () => '').trim(), { skipEmptyLines: true }).data.slice(1).map((row) => row[4]!);
    expect(values).toContain('*');
    expect(values.filter((x) => /^[1-5]$/.test(x))).toEqual([]);
    expect(values).toContain('20');
  });

  it('never contains row-level data such as audit references', () => {
    expect(csv).not.toMatch(/T-[ACF]-\d/);
  });
});
