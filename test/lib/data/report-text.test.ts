import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { band, type Figure, type Percent, type PublishedTable } from '../../../src/lib/data/disclosure';
import type { CrossTab, TermReport } from '../../../src/lib/data/report';
import { buildSnapshot, type SnapshotInput } from '../../../src/lib/snapshot';
import { againstTarget, changeWords, crossTabSentence, headlineSentence } from '../../../src/lib/data/report-text';
import { displayValue, FIGURE_COLUMNS, figureRows, figuresCsv } from '../../../src/lib/data/figures-table';
import { audits, complaint, earlierAudits, mainTermAudits, mainTermComplaints, mainTermFeedback, makeConfig, STANDARDS } from './report-fixtures';

const term = '2024-25-autumn';
const main = (await buildSnapshot({ cfg: makeConfig(), audits: [...earlierAudits(), ...mainTermAudits()], feedback: mainTermFeedback(), complaints: mainTermComplaints(), standards: STANDARDS })).reports.find((r) => r.term.id === term)!;

async function reportOf(list: SnapshotInput['audits'], threshold = 5, extra: Partial<SnapshotInput> = {}): Promise<TermReport> {
  return (await buildSnapshot({ cfg: makeConfig({ threshold }), audits: list, feedback: [], complaints: [], standards: STANDARDS, ...extra })).reports.find((r) => r.term.id === term)!;
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
  it('says which side of the target a share rounded to it is on', () => {
    // 79.6% rounds to 80% but did not meet the target.
    expect(againstTarget({ kind: 'percent', value: 80, meets: false }, 80)).toBe('just below the 80% target');
    expect(againstTarget({ kind: 'percent', value: 80, meets: true }, 80)).toBe('on the 80% target');
  });
  it('says whether a band met the target, and nothing when the band straddles it', () => {
    expect(againstTarget(band(90, 100), 80)).toBe('met the 80% target');
    expect(againstTarget(band(80, 100), 80)).toBe('met the 80% target');
    expect(againstTarget(band(0, 80), 80)).toBe('below the 80% target');
    expect(againstTarget(band(70, 90), 80)).toBeUndefined();
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

  it('writes large counts with a thousands separator', async () => {
    // 1,000 Good and 234 RI: 1000 / 1234 = 81.04% → 81%, one point above the target.
    const r = await reportOf([...audits(1000, '2024-10-01'), ...audits(234, '2024-10-02', { grade: 'requires-improvement' })]);
    expect(headlineSentence(r)).toBe('81% of 1,234 audits were Good or better, 1 point above the 80% target.');
  });

  // Known fault in disclosure control: buildSnapshot throws for a term with 1 to 5 audits (see report.test.ts).
  it('says the figures are not published when there were 1 to 5 audits', async () => {
    expect(headlineSentence(await reportOf(audits(3, '2024-10-01')))).toBe('Fewer than 6 audits were completed this term, so the figures are not published.');
  });

  it('gives the number of audits and the band of the share when the exact share must be hidden', async () => {
    // 12 audits: Good 9, RI 3 (see report.test.ts): the total is published; the share 9/12 = 75%
    // would give the hidden 9 back, so only its side of the 80% target is: "below 80%".
    const r = await reportOf([...audits(9, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' })]);
    expect(headlineSentence(r)).toBe("12 audits were completed; below 80% were Good or better (below the 80% target). The exact share is not published, to protect children's privacy.");
  });

  it('gives the number of audits but not the share when the share is hidden', () => {
    expect(headlineSentence({ ...main, goodOrBetter: hidden })).toBe("20 audits were completed; the share graded Good or better is not published, to protect children's privacy.");
  });
});

describe('crossTabSentence on the hand-counted main term', () => {
  it('summarises the grades against the target', () => {
    expect(crossTabSentence(main.grades, main)).toBe('70% of 20 were Good or better, 10 points below the 80% target.');
  });

  it('names the groups with the highest and lowest shares and how many met the target', () => {
    // Annual review 75%, EHC plan 67%: neither reaches 80%.
    expect(crossTabSentence(main.byType, main)).toBe('0 of 2 groups met the 80% target and 2 did not; of the exact shares, Annual review was highest (75%) and EHC plan lowest (67%).');
    // South 8 of 10 = 80% exactly (on the target counts as meeting it), North 60%.
    expect(crossTabSentence(main.byLocality, main)).toBe('1 of 2 groups met the 80% target and 1 did not; of the exact shares, South was highest (80%) and North lowest (60%).');
  });

  it('gives the highest and lowest share met by type of audit for timeliness, without a target', () => {
    // EHC plan 6 of 12 = 50%; annual review 4 of 4 = 100%.
    expect(crossTabSentence(main.timeliness, main)).toBe('Of the exact shares, Annual review was highest (100%) and EHC plan lowest (50%).');
  });

  it('summarises one-row shares without mentioning the target', () => {
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
  it('says when a table without a share has nothing this term', async () => {
    const r = await reportOf([...audits(6, '2024-10-01'), ...audits(6, '2024-10-02', { grade: 'requires-improvement' })]);
    expect(crossTabSentence(r.complaints.byTheme, r)).toBe('There were none this term.');
  });

  it('says when a table without a share is too small to publish', async () => {
    const r = await reportOf([...audits(6, '2024-10-01'), ...audits(6, '2024-10-02', { grade: 'requires-improvement' })], 5, {
      complaints: [complaint('2024-10-01', 'complaint', 'timeliness', 'yes'), complaint('2024-10-01', 'compliment', 'communication'), complaint('2024-10-02', 'compliment', 'communication')],
    });
    expect(crossTabSentence(r.complaints.byTheme, r)).toBe('Too few to publish this term.');
  });

  it('gives a one-row share as its band when only the band is published', async () => {
    // 12 audits, Good 9, RI 3: 75% is published only as "below 80%".
    const r = await reportOf([...audits(9, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' })]);
    expect(crossTabSentence(r.grades, r)).toBe("below 80% of 12 were Good or better (below the 80% target); the exact share is not published, to protect children's privacy.");
  });

  it('says a one-row share is not published when it is hidden', () => {
    const t = tab(['All'], { share: [hidden] });
    expect(crossTabSentence(t, main)).toBe("The share good or better is not published this term, to protect children's privacy.");
  });

  it('takes the first column in order when two are equally common', () => {
    const t = tab(['All'], { cols: ['First', 'Second', 'Third'], colTotals: [n(5), n(9), n(9)], total: n(23) });
    expect(crossTabSentence(t, main)).toBe('23 in all; the most common was second (9).');
  });

  it('names the most common column only among published, non-zero column totals', () => {
    const t = tab(['All'], { cols: ['Big', 'Small', 'None'], colTotals: [hidden, n(12), n(0)], total: n(40) });
    expect(crossTabSentence(t, main)).toBe('40 in all; the most common was small (12). 1 figure is hidden (c) to protect small numbers.');
    const none = tab(['All'], { cols: ['A', 'B', 'C'], colTotals: [hidden, n(0), hidden], total: n(40) });
    expect(crossTabSentence(none, main)).toBe('40 in all. 2 figures are hidden (c) to protect small numbers.');
  });

  it('says when every group shown has the same share, rather than naming a highest and a lowest', () => {
    const same = tab(['North', 'South', 'East'], { share: [pc(80), pc(80), hidden] });
    expect(crossTabSentence(same, main)).toBe('2 of 3 groups met the 80% target; every exact share shown was 80%. 1 share is hidden to protect small numbers in this table.');
  });

  it('counts the hidden shares, in the singular and the plural, without saying which groups are small', () => {
    const one = tab(['North', 'South', 'East'], { share: [pc(85), hidden, pc(72)] });
    expect(crossTabSentence(one, main)).toBe('1 of 3 groups met the 80% target and 1 did not; of the exact shares, North was highest (85%) and East lowest (72%). 1 share is hidden to protect small numbers in this table.');
    const two = tab(['North', 'South', 'East', 'West'], { share: [hidden, pc(90), hidden, pc(95)] });
    expect(crossTabSentence(two, main)).toBe('2 of 4 groups met the 80% target; of the exact shares, West was highest (95%) and South lowest (90%). 2 shares are hidden to protect small numbers in this table.');
  });

  it('gives the one exact share when only one is published', () => {
    const t = tab(['North', 'South', 'East'], { share: [hidden, pc(64), hidden] });
    expect(crossTabSentence(t, main)).toBe('0 of 3 groups met the 80% target and 1 did not; South: 64% Good or better. 2 shares are hidden to protect small numbers in this table.');
  });

  it('counts banded shares towards the target when the band says which side they are on', () => {
    // 90% or more met 80%; 85% met it; below 80% did not. Only 85% is exact.
    const t = tab(['North', 'South', 'East'], { share: [band(90, 100), pc(85), band(0, 80)] });
    expect(crossTabSentence(t, main)).toBe('2 of 3 groups met the 80% target and 1 did not; South: 85% Good or better. 2 shares are shown as a band (such as "90% or more"), because the exact figure would reveal a small number.');
  });

  it('counts a share rounded to the target by the side it is really on', () => {
    // 80% that is really 79.6% did not meet the target.
    const t = tab(['North', 'South'], { share: [{ kind: 'percent', value: 80, meets: false }, pc(90)] });
    expect(crossTabSentence(t, main)).toBe('1 of 2 groups met the 80% target and 1 did not; of the exact shares, South was highest (90%) and North lowest (80%).');
  });

  it('says when no share is published', () => {
    const t = tab(['North', 'South'], { share: [hidden, hidden] });
    expect(crossTabSentence(t, main)).toBe('0 of 2 groups met the 80% target. 2 shares are hidden to protect small numbers in this table.');
    const met = tab(['All', 'Some'], { share: [hidden, hidden], shareLabel: 'Met' });
    expect(crossTabSentence(met, main)).toBe("No group's exact share met can be published this term. 2 shares are hidden to protect small numbers in this table.");
  });

  it('measures groups against the report target', () => {
    const t = tab(['North', 'South', 'East'], { share: [pc(71), pc(69), pc(90)] });
    const r70 = { ...main, target: 70 };
    expect(crossTabSentence(t, r70)).toBe('2 of 3 groups met the 70% target and 1 did not; of the exact shares, East was highest (90%) and South lowest (69%).');
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

describe('figureRows and figuresCsv', () => {
  const rows = figureRows(main, { standardTitle: (id) => `Title of ${id}` });
  const csv = figuresCsv(rows);
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const find = (section: string, group: string, measure: string) => rows.filter((r) => r.section === section && r.group === group && r.measure === measure);
  const shown = (section: string, group: string, measure: string) => find(section, group, measure).map((r) => displayValue(r, main.rule));

  it('has a heading row of the tidy columns and Windows line endings, ending with a line break', () => {
    expect(csv.startsWith(`${FIGURE_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('writes one row per published figure', () => {
    // Headline 2; grades 1 row × (4 grades + total + share) = 6; by type, locality and level each
    // 2 rows × 6 + an "All" row of 6 = 18, so 54; timeliness by type 2 rows × (met, not met, total,
    // share) = 8 + an "All" row of 4 = 12; moderation 2 + total + share = 4; 4 standards × 2 = 8;
    // responses and average 2; ratings 5 + total + share = 7; themes 2 + total = 3; compliments and
    // complaints 2 rows × 3 + "All" 3 = 9; upheld 4. In all 111.
    expect(rows).toHaveLength(111);
    expect(parsed).toHaveLength(111);
    expect(parsed.every((r) => r.term_id === '2024-25-autumn' && r.term_label === 'Autumn term 2024/25')).toBe(true);
    // Each figure is named once by its ids.
    expect(new Set(rows.map((r) => [r.section_id, r.group_id, r.measure_id].join('|'))).size).toBe(rows.length);
  });

  it('writes numbers as numbers, with their unit, and the value as the page shows it', () => {
    expect(find('Headline', 'All audits', 'Audits completed')).toMatchObject([{ value: 20, unit: 'count', status: '', section_id: 'headline', group_id: 'all', measure_id: 'audits' }]);
    expect(find('Headline', 'All audits', '% Good or better')).toMatchObject([{ value: 70, unit: 'percent', measure_id: 'share-good-or-better' }]);
    expect(shown('Grades by type of audit', 'EHC plan', 'Good')).toEqual(['6']);
    expect(shown('Grades by type of audit', 'All', '% Good or better')).toEqual(['70%']);
    expect(find('What families told us', 'All responses', 'Average rating (1 to 5)')).toMatchObject([{ value: 3.4, unit: 'rating_1_to_5' }]);
    expect(shown('Practice standards most often not met', 'ehc-plan-2 Title of ehc-plan-2', '% of audits')).toEqual(['40%']);
    expect(parsed.find((r) => r.measure_id === 'average-rating')!.value).toBe('3.4');
    expect(parsed.find((r) => r.measure_id === 'audits')).toMatchObject({ value: '20', lower_bound: '', upper_bound: '', status: '', revised: 'false' });
  });

  it('adds an "All" row only to tables with more than one row', () => {
    expect(find('Grades given', 'All', 'Total')).toEqual([]);
    expect(shown('Grades by locality', 'All', 'Total')).toEqual(['20']);
  });

  it('quotes values holding commas or quotation marks', () => {
    const quoted = figuresCsv(figureRows(main, { standardTitle: () => 'Plans are "SMART", and clear' }));
    expect(quoted).toContain(',ehc-plan-2,"ehc-plan-2 Plans are ""SMART"", and clear",not-met,Audits not meeting it,8,count,,,,,,false\r\n');
  });

  it('flags the figures an update revised', () => {
    const revised = figureRows(main, { standardTitle: () => '', revised: (s, g, m) => s === 'Grades by locality' && g === 'All' && m === 'Total' });
    expect(revised.filter((r) => r.revised).map((r) => [r.section_id, r.group_id, r.measure_id])).toEqual([['by-locality', 'all', 'total']]);
  });

  it('writes a band as its bounds, with no value', async () => {
    // 12 audits, 9 Good and 3 Requires improvement: 75% would give the small 3 away, so it is "below 80%".
    const r = await reportOf([...audits(9, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' })]);
    const rows = figureRows(r, { standardTitle: () => '' });
    const [gob] = rows.filter((x) => x.section_id === 'headline' && x.measure_id === 'share-good-or-better');
    expect(gob).toMatchObject({ value: null, unit: 'percent', lower_bound: 0, upper_bound: 80, status: '' });
    expect(displayValue(gob!, r.rule)).toBe('below 80%');
    // Every audit is in one locality: the others have none, so their share is not applicable ("z").
    const z = rows.filter((x) => x.status === 'z');
    expect(z.filter((x) => x.section_id === 'by-locality').length).toBe(r.byLocality.rows.length - 1);
    for (const x of z) expect(rows.find((y) => y.section_id === x.section_id && y.group_id === x.group_id && y.measure_id === (x.section_id === 'feedback' ? 'responses' : 'total'))?.value, JSON.stringify(x)).toBe(0);
    expect(displayValue(z[0]!, r.rule)).toBe(r.rule.symbol);
  });

  it('marks a hidden figure with the configured symbol, and never writes a count from 1 to the threshold', async () => {
    // Threshold 5, symbol "*": the main term has many counts of 2 and 4.
    const r = (await buildSnapshot({ cfg: makeConfig({ threshold: 5, symbol: '*' }), audits: mainTermAudits(), feedback: mainTermFeedback(), complaints: mainTermComplaints(), standards: STANDARDS })).reports[0]!;
    const all = figureRows(r, { standardTitle: () => '' });
    expect(all.some((x) => x.status === '*' && x.value === null)).toBe(true);
    expect(all.filter((x) => x.unit === 'count' && x.value !== null && x.value >= 1 && x.value <= 5)).toEqual([]);
    expect(all.map((x) => x.value)).toContain(20);
  });

  it('never contains row-level data such as audit references', () => {
    expect(csv).not.toMatch(/T-[ACF]-\d/);
  });
});
