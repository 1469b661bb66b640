import { beforeAll, describe, expect, it } from 'vitest';
import type { Average, Figure, Percent } from '../../../src/lib/data/disclosure';
import type { CrossTab, TermReport } from '../../../src/lib/data/report';
import { buildSnapshot } from '../../../src/lib/snapshot';
import type { AuditRecord, ComplaintRecord, FeedbackRecord } from '../../../src/lib/data/columns';
import { audit, audits, complaint, earlierAudits, feedback, mainTermAudits, mainTermComplaints, mainTermFeedback, makeConfig, STANDARDS } from './report-fixtures';

/** A published figure as a plain value: the number, a band's words ("below 80%"), or "c" when suppressed. */
const v = (f: Figure | Percent | Average | undefined) => (f === undefined ? undefined : f.kind === 'suppressed' ? 'c' : f.kind === 'band' ? f.text : f.value);
const vs = (fs: readonly (Figure | Percent)[]) => fs.map(v);
/** A cross-tab's counts as plain values, row by row. */
const cells = (t: CrossTab) => t.table.cells.map(vs);

async function build(input: { audits: AuditRecord[]; feedback?: FeedbackRecord[]; complaints?: ComplaintRecord[] }, cfg = makeConfig()): Promise<TermReport[]> {
  return (await buildSnapshot({ cfg, audits: input.audits, feedback: input.feedback ?? [], complaints: input.complaints ?? [], standards: STANDARDS })).reports;
}

function reportFor(reports: TermReport[], id: string): TermReport {
  const r = reports.find((x) => x.term.id === id);
  if (!r) throw new Error(`no report for ${id}; reports: ${reports.map((x) => x.term.id).join(', ')}`);
  return r;
}

/** Every count published anywhere in a report (tables, margins, headline, standards). */
function publishedCounts(r: TermReport): number[] {
  const out: number[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.kind === 'count' && typeof o.value === 'number') out.push(o.value);
      // The term, rule and change sections are not tables; trend and change hold other terms' figures, checked in their own reports.
      else for (const [k, val] of Object.entries(o)) if (k !== 'term' && k !== 'rule') walk(val);
    }
  };
  walk(r);
  return out;
}

describe('which terms get a report', () => {
  let reports: TermReport[];
  beforeAll(async () => {
    reports = await build({ audits: [...earlierAudits(), ...mainTermAudits()], feedback: [feedback('2025-01-10', 4)] });
  });

  it('makes one report per term that has audits, latest term first', async () => {
    // Audits fall in autumn 2023/24, summer 2023/24 and autumn 2024/25; spring 2023/24 has none,
    // and spring 2024/25 has only one feedback response, which does not make a report.
    expect(reports.map((r) => r.term.id)).toEqual(['2024-25-autumn', '2023-24-summer', '2023-24-autumn']);
  });

  it('labels each report with its term and carries the configured target and disclosure rule', async () => {
    const r = reportFor(reports, '2024-25-autumn');
    expect(r.term.label).toBe('Autumn term 2024/25');
    expect(r.target).toBe(80);
    expect(r.rule).toEqual({ threshold: 1, symbol: 'c' });
    expect(reportFor(await build({ audits: mainTermAudits() }, makeConfig({ target: 65, threshold: 4, symbol: '*' })), '2024-25-autumn')).toMatchObject({ target: 65, rule: { threshold: 4, symbol: '*' } });
  });

  it('makes no report at all when there are no audits', async () => {
    expect(await build({ audits: [], feedback: mainTermFeedback(), complaints: mainTermComplaints() })).toEqual([]);
  });
});

describe('the headline and the grades of one term (20 hand-counted audits, nothing small enough to suppress)', () => {
  let r: TermReport;
  beforeAll(async () => {
    r = reportFor(await build({ audits: [...earlierAudits(), ...mainTermAudits()], feedback: mainTermFeedback(), complaints: mainTermComplaints() }), '2024-25-autumn');
  });

  it('counts the audits completed in the term, including those on its first and last day', async () => {
    // Profiles 1 (2 September, first day) to 10 (20 December, last day), two audits each.
    expect(r.audits).toEqual({ kind: 'count', value: 20 });
  });

  it('gives the share Good or better as a whole percentage', async () => {
    // Outstanding 4 + Good 10 = 14 of 20 = 70%.
    expect(r.goodOrBetter).toEqual({ kind: 'percent', value: 70 });
  });

  it('tabulates the grade distribution with the share Good or better', async () => {
    // Outstanding: #1, #9 → 4. Good: #2, #3, #4, #5, #10 → 10. RI: #6, #7 → 4. Inadequate: #8 → 2.
    expect(r.grades.cols.map((c) => c.label)).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
    expect(cells(r.grades)).toEqual([[4, 10, 4, 2]]);
    expect(vs(r.grades.table.rowTotals)).toEqual([20]);
    // The Good or better subtotal (4 + 10 = 14) is no longer a column of its own: the share carries it.
    expect(r.grades.share).toMatchObject({ label: 'Good or better', rows: [{ kind: 'percent', value: 70 }], total: { kind: 'percent', value: 70 } });
  });

  it('breaks the grades down by type of audit, with the share Good or better of each type', async () => {
    // EHC plan: #1 O, #2 G, #3 G, #6 RI, #8 I, #10 G → [2, 6, 2, 2] = 12; 8/12 = 66.7% → 67%.
    // Annual review: #4 G, #5 G, #7 RI, #9 O → [2, 4, 2, 0] = 8; 6/8 = 75%.
    expect(r.byType.rows.map((x) => x.id)).toEqual(['ehc-plan', 'annual-review']);
    expect(cells(r.byType)).toEqual([[2, 6, 2, 2], [2, 4, 2, 0]]);
    expect(vs(r.byType.table.rowTotals)).toEqual([12, 8]);
    expect(vs(r.byType.table.colTotals)).toEqual([4, 10, 4, 2]);
    expect(v(r.byType.table.total)).toBe(20);
    expect(vs(r.byType.share!.rows)).toEqual([67, 75]);
    expect(v(r.byType.share!.total)).toBe(70);
  });

  it('breaks the grades down by locality', async () => {
    // North: #1 O, #2 G, #4 G, #7 RI, #8 I → [2, 4, 2, 2] = 10; 6/10 = 60%.
    // South: #3 G, #5 G, #6 RI, #9 O, #10 G → [2, 6, 2, 0] = 10; 8/10 = 80%.
    expect(cells(r.byLocality)).toEqual([[2, 4, 2, 2], [2, 6, 2, 0]]);
    expect(vs(r.byLocality.table.rowTotals)).toEqual([10, 10]);
    expect(vs(r.byLocality.share!.rows)).toEqual([60, 80]);
  });

  it('breaks the grades down by level of audit', async () => {
    // Single agency: #1 O, #2 G, #5 G, #6 RI, #7 RI, #10 G → [2, 6, 4, 0] = 12; 8/12 → 67%.
    // Multi-agency: #3 G, #4 G, #8 I, #9 O → [2, 4, 0, 2] = 8; 6/8 = 75%.
    expect(cells(r.byLevel)).toEqual([[2, 6, 4, 0], [2, 4, 0, 2]]);
    expect(vs(r.byLevel.table.rowTotals)).toEqual([12, 8]);
    expect(vs(r.byLevel.share!.rows)).toEqual([67, 75]);
  });

  it('counts timeliness only over audits where a timescale applies, by type of audit', async () => {
    // EHC plan: met #1, #2, #10 → 6; not met #3, #6, #8 → 6; 6 of 12 = 50%.
    // Annual review: met #5, #9 → 4; not met none → 0; #4 and #7 (4 audits, n/a) left out; 4 of 4 = 100%.
    // Overall: met 10, not met 6, 10 of 16 = 62.5%, which rounds to 63%.
    expect(r.timeliness.rows.map((x) => x.id)).toEqual(['ehc-plan', 'annual-review']);
    expect(r.timeliness.cols.map((x) => x.label)).toEqual(['Met', 'Not met']);
    expect(cells(r.timeliness)).toEqual([[6, 6], [4, 0]]);
    expect(vs(r.timeliness.table.rowTotals)).toEqual([12, 4]);
    expect(vs(r.timeliness.table.colTotals)).toEqual([10, 6]);
    expect(v(r.timeliness.table.total)).toBe(16);
    expect(r.timeliness.share).toMatchObject({ label: 'Met', rows: [{ kind: 'percent', value: 50 }, { kind: 'percent', value: 100 }], total: { kind: 'percent', value: 63 } });
  });

  it('gives the moderation rate over all audits', async () => {
    // Moderated: #1, #5, #8 → 6 of 20 = 30%.
    expect(cells(r.moderation)).toEqual([[6, 14]]);
    expect(r.moderation.share).toMatchObject({ label: 'Moderated', rows: [{ kind: 'percent', value: 30 }] });
  });
});

describe('practice standards most often not met', () => {
  it('ranks standards by how many audits missed them, breaking ties by standard number', async () => {
    // ehc-plan-2: #2, #3, #6, #8 → 8 (40% of 20). ehc-plan-1: #7, #8 → 4. ehc-plan-3: #5, #6 → 4.
    // ehc-plan-5: #8, #10 → 4. The three ties at 4 (20%) are listed in standard order.
    const r = reportFor(await build({ audits: mainTermAudits() }), '2024-25-autumn');
    expect(r.standardsNotMet.map((s) => [s.id, v(s.count), v(s.percent)])).toEqual([
      ['ehc-plan-2', 8, 40],
      ['ehc-plan-1', 4, 20],
      ['ehc-plan-3', 4, 20],
      ['ehc-plan-5', 4, 20],
    ]);
  });

  it('lists at most five, ordering standard numbers as numbers (2 before 10)', async () => {
    // 8 Good audits in autumn 2024/25:
    //   a1, a2: 1, 2, 10, 3    a3, a4: 1, 2, 10, 4    a5, a6: 1, 9    a7, a8: none
    // Counts: 1 → 6, 2 → 4, 10 → 4, 3 → 2, 4 → 2, 9 → 2. The sixth (ehc-plan-9, tied at 2 with 3 and 4) is left out.
    const s = (...n: number[]) => ({ standards_not_met: n.map((x) => `ehc-plan-${x}`) });
    const list = [
      ...audits(2, '2024-10-01', s(1, 2, 10, 3)),
      ...audits(2, '2024-10-02', s(1, 2, 10, 4)),
      ...audits(2, '2024-10-03', s(1, 9)),
      ...audits(2, '2024-10-04'),
    ];
    const r = reportFor(await build({ audits: list }), '2024-25-autumn');
    // Percentages are of all 8 audits: 6/8 = 75%, 4/8 = 50%, 2/8 = 25%.
    expect(r.standardsNotMet.map((x) => [x.id, v(x.count), v(x.percent)])).toEqual([
      ['ehc-plan-1', 6, 75],
      ['ehc-plan-2', 4, 50],
      ['ehc-plan-10', 4, 50],
      ['ehc-plan-3', 2, 25],
      ['ehc-plan-4', 2, 25],
    ]);
  });

  it('is empty when every audit met every standard', async () => {
    expect(reportFor(await build({ audits: audits(8, '2024-10-01') }), '2024-25-autumn').standardsNotMet).toEqual([]);
  });
});

describe('family feedback and compliments and complaints', () => {
  let r: TermReport;
  beforeAll(async () => {
    r = reportFor(await build({ audits: mainTermAudits(), feedback: mainTermFeedback(), complaints: mainTermComplaints() }), '2024-25-autumn');
  });

  it('counts responses, the ratings 1 to 5 and the share rated 4 or 5', async () => {
    // Ratings 5, 5, 4, 4, 4, 4, 3, 3, 1, 1 → [1: 2, 2: 0, 3: 2, 4: 4, 5: 2]; 4 or 5: 6 of 10 = 60%.
    expect(v(r.feedback.responses)).toBe(10);
    expect(cells(r.feedback.ratings)).toEqual([[2, 0, 2, 4, 2]]);
    expect(r.feedback.ratings.share).toMatchObject({ label: 'Rated 4 or 5', rows: [{ kind: 'percent', value: 60 }] });
  });

  it('gives the average rating to one decimal place', async () => {
    // (5 + 5 + 4 × 4 + 3 + 3 + 1 + 1) / 10 = 34 / 10 = 3.4.
    expect(r.feedback.averageRating).toEqual({ kind: 'average', value: 3.4 });
  });

  it('counts feedback by theme', async () => {
    // Communication 6, timeliness 4.
    expect(r.feedback.themes.cols.map((c) => c.id)).toEqual(['communication', 'timeliness']);
    expect(cells(r.feedback.themes)).toEqual([[6, 4]]);
  });

  it('counts compliments and complaints by theme', async () => {
    // Compliments: communication 4, timeliness 3 (7). Complaints: communication 2, timeliness 4 (6).
    expect(r.complaints.byTheme.rows.map((x) => x.id)).toEqual(['compliment', 'complaint']);
    expect(cells(r.complaints.byTheme)).toEqual([[4, 3], [2, 4]]);
    expect(vs(r.complaints.byTheme.table.rowTotals)).toEqual([7, 6]);
    expect(vs(r.complaints.byTheme.table.colTotals)).toEqual([6, 7]);
    expect(v(r.complaints.byTheme.table.total)).toBe(13);
  });

  it('counts only decided complaints when giving the share upheld', async () => {
    // 6 complaints, 2 still open (n/a): 4 decided, 2 upheld → 50%. Compliments are not counted.
    expect(cells(r.complaints.upheld)).toEqual([[2, 2]]);
    expect(r.complaints.upheld.share).toMatchObject({ label: 'Upheld', rows: [{ kind: 'percent', value: 50 }] });
  });

  it('does not count a compliment as an upheld complaint even if marked upheld', async () => {
    // The main term's 4 decided complaints, plus 2 compliments wrongly marked "yes" and 2 marked "no".
    const marked = [
      ...mainTermComplaints(),
      complaint('2024-10-20', 'compliment', 'communication', 'yes'),
      complaint('2024-10-21', 'compliment', 'communication', 'yes'),
      complaint('2024-10-22', 'compliment', 'timeliness', 'no'),
      complaint('2024-10-23', 'compliment', 'timeliness', 'no'),
    ];
    const again = reportFor(await build({ audits: mainTermAudits(), complaints: marked }), '2024-25-autumn');
    expect(cells(again.complaints.upheld)).toEqual([[2, 2]]);
    // They still count as compliments: 7 + 4 = 11.
    expect(vs(again.complaints.byTheme.table.rowTotals)).toEqual([11, 6]);
  });

  it('takes feedback and complaints from the same term as the audits only', async () => {
    // Extra records in spring 2024/25 and in the summer holiday before autumn 2024/25 are not counted.
    const extraFeedback = [...mainTermFeedback(), feedback('2025-01-06', 5), feedback('2024-08-30', 5)];
    const extraComplaints = [...mainTermComplaints(), complaint('2025-01-06', 'complaint', 'timeliness', 'yes'), complaint('2024-08-30', 'compliment', 'timeliness')];
    const again = reportFor(await build({ audits: mainTermAudits(), feedback: extraFeedback, complaints: extraComplaints }), '2024-25-autumn');
    expect(v(again.feedback.responses)).toBe(10);
    expect(v(again.complaints.byTheme.table.total)).toBe(13);
    expect(cells(again.complaints.upheld)).toEqual([[2, 2]]);
  });
});

describe('term boundaries', () => {
  it('puts an audit on the last day of a term in that term and one on the first day of the next term in the next', async () => {
    // 20 December 2024 is the last day of autumn 2024/25; 6 January 2025 the first day of spring.
    const reports = await build({ audits: [...audits(2, '2024-12-20'), ...audits(3, '2025-01-06')] });
    expect(reports.map((r) => [r.term.id, v(r.audits)])).toEqual([
      ['2024-25-spring', 3],
      ['2024-25-autumn', 2],
    ]);
  });

  it('leaves out audits dated in a holiday between terms, which belong to no term', async () => {
    // The main term's 20 audits, plus 2 on 21 December 2024 (after autumn ends) and 2 on
    // 30 August 2024 (before it starts): neither date is in a configured term.
    const reports = await build({ audits: [...mainTermAudits(), ...audits(2, '2024-12-21'), ...audits(2, '2024-08-30')] });
    expect(reports.map((r) => [r.term.id, v(r.audits)])).toEqual([['2024-25-autumn', 20]]);
  });

  it('leaves out audits dated before the first term or after the last', async () => {
    const reports = await build({ audits: [...audits(2, '2023-09-01'), ...audits(2, '2027-07-22'), ...audits(2, '2027-07-21')] });
    // Only 21 July 2027, the last day of summer 2026/27, is inside a term.
    expect(reports.map((r) => [r.term.id, v(r.audits)])).toEqual([['2026-27-summer', 2]]);
  });
});

describe('change since the previous term and the same term last year', () => {
  let reports: TermReport[];
  beforeAll(async () => {
    reports = await build({ audits: [...earlierAudits(), ...mainTermAudits()] });
  });

  it('compares the share Good or better with the previous term, in percentage points', async () => {
    // Autumn 2024/25: 70%. The previous term, summer 2023/24: 8 of 10 = 80%. Change: 70 − 80 = −10.
    const r = reportFor(reports, '2024-25-autumn');
    expect(r.change.previous?.term.id).toBe('2023-24-summer');
    expect(v(r.change.previous?.goodOrBetter)).toBe(80);
    expect(r.change.previous?.points).toBe(-10);
  });

  it('compares with the same term a year earlier', async () => {
    // Autumn 2023/24: 4 of 8 = 50%. Change: 70 − 50 = +20.
    const r = reportFor(reports, '2024-25-autumn');
    expect(r.change.lastYear?.term.id).toBe('2023-24-autumn');
    expect(v(r.change.lastYear?.goodOrBetter)).toBe(50);
    expect(r.change.lastYear?.points).toBe(20);
  });

  it('has no comparison when the term to compare with has no audits, or is before the first term', async () => {
    // Summer 2023/24: the previous term (spring 2023/24) has no audits, and there is no term a year earlier.
    expect(reportFor(reports, '2023-24-summer').change).toEqual({ previous: undefined, lastYear: undefined });
    expect(reportFor(reports, '2023-24-autumn').change).toEqual({ previous: undefined, lastYear: undefined });
  });

  it('gives no change in points when either share is not published', async () => {
    // Threshold 5. Summer 2023/24: 14 audits, Good 8, RI 6 → 8/14 = 57.1% → 57%, all counts publishable.
    // Autumn 2024/25: 12 audits, Good 9, RI 3 → the 3 is suppressed, so the 9 is too (else
    // 3 = 12 − 9), and the exact share 9/12 = 75% would give the 9 back: it is published only as
    // the band on its side of the 80% target, "below 80%", which has no value to subtract.
    const cfg = makeConfig({ threshold: 5 });
    const list = [...audits(8, '2024-05-01'), ...audits(6, '2024-05-02', { grade: 'requires-improvement' }), ...audits(9, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' })];
    const r = reportFor(await build({ audits: list }, cfg), '2024-25-autumn');
    expect(v(r.goodOrBetter)).toBe('below 80%');
    expect(v(r.change.previous?.goodOrBetter)).toBe(57);
    expect(r.change.previous?.points).toBeNull();
  });
});

describe('the three-year trend', () => {
  it('lists the terms with audits up to the report term, oldest first', async () => {
    // Autumn 2023/24: 8 at 50%; summer 2023/24: 10 at 80%; autumn 2024/25: 20 at 70%. Spring 2023/24 had none.
    const r = reportFor(await build({ audits: [...earlierAudits(), ...mainTermAudits()] }), '2024-25-autumn');
    expect(r.trend.map((t) => [t.term.id, v(t.audits), v(t.goodOrBetter)])).toEqual([
      ['2023-24-autumn', 8, 50],
      ['2023-24-summer', 10, 80],
      ['2024-25-autumn', 20, 70],
    ]);
  });

  it('covers at most nine terms and never a later term', async () => {
    // Two Good audits in each of the twelve configured terms (on each term's first day).
    const cfg = makeConfig();
    const starts = ['2023-09-04', '2024-01-08', '2024-04-15', '2024-09-02', '2025-01-06', '2025-04-22', '2025-09-01', '2026-01-05', '2026-04-13', '2026-09-01', '2027-01-04', '2027-04-12'];
    const reports = await build({ audits: starts.flatMap((d) => audits(2, d)) }, cfg);
    expect(reports).toHaveLength(12);
    const latest = reportFor(reports, '2026-27-summer');
    // Terms 3 to 11: autumn 2024/25 to summer 2026/27.
    expect(latest.trend.map((t) => t.term.id)).toEqual([
      '2024-25-autumn', '2024-25-spring', '2024-25-summer',
      '2025-26-autumn', '2025-26-spring', '2025-26-summer',
      '2026-27-autumn', '2026-27-spring', '2026-27-summer',
    ]);
    expect(reportFor(reports, '2024-25-autumn').trend.map((t) => t.term.id)).toEqual(['2023-24-autumn', '2023-24-spring', '2023-24-summer', '2024-25-autumn']);
  });
});

describe('disclosure control in the report (threshold 5)', () => {
  const cfg = makeConfig({ threshold: 5 });

  // A term with 1 to 5 audits publishes nothing but c (its number of audits is not a constant the solver may use).
  it('does not publish the number of audits, or any share, for a term with 1 to 5 audits', async () => {
    const r = reportFor(await build({ audits: audits(3, '2024-10-01') }, cfg), '2024-25-autumn');
    expect(r.audits).toEqual({ kind: 'suppressed', reason: 'small' });
    expect(r.goodOrBetter.kind).toBe('suppressed');
    expect(r.byType.share!.rows.map((p) => p.kind)).toEqual(['suppressed', 'suppressed']);
    expect(publishedCounts(r).filter((n) => n >= 1 && n <= 5)).toEqual([]);
  });

  it('hides a small grade count and whatever would let it be worked out, but keeps the total', async () => {
    // 12 audits: Good 9, RI 3. The 3 is suppressed; so is the 9 (12 − 9 would give 3 back). The
    // row's only non-zero counts are then hidden, so its zeros are hidden too (else the row would
    // say every audit was Good or RI). The exact share 9/12 = 75% would give the 9 back, so it is
    // published only as its side of the 80% target: "below 80%". The total 12 stays.
    const r = reportFor(await build({ audits: [...audits(9, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' })] }, cfg), '2024-25-autumn');
    expect(v(r.audits)).toBe(12);
    expect(cells(r.grades)).toEqual([['c', 'c', 'c', 'c']]);
    expect(r.grades.table.cells[0]![2]).toEqual({ kind: 'suppressed', reason: 'small' });
    expect(r.goodOrBetter).toMatchObject({ kind: 'band', from: 0, below: 80, text: 'below 80%' });
    // The tables by type, locality and level share the grade totals, so they hide the same ones.
    for (const t of [r.byType, r.byLocality, r.byLevel]) expect(vs(t.table.colTotals)).toEqual(['c', 'c', 'c', 'c']);
    expect(publishedCounts(r).filter((n) => n >= 1 && n <= 5)).toEqual([]);
  });

  it('hides in the grade totals whatever the locality table has to hide, so neither reveals the other', async () => {
    // 17 audits, all EHC plan and single agency. North: Good 8, RI 3 (11). South: RI 6 (6).
    // In the locality table North's RI 3 is small, so it is hidden. The grade table's counts are
    // the locality table's column totals (and the type and level tables'), so whatever one hides
    // the others hide too. The share Good or better, if exact, is 8/17 = 47%, which pins Good or
    // better to 8 (7/17 = 41%, 9/17 = 53%): then South's row [0, 0, 6, 0] and both row totals
    // cannot all be published, or North's Good would be 8 − 0 = 8 and its RI 11 − 8 = 3.
    const list = [...audits(8, '2024-10-01'), ...audits(3, '2024-10-02', { grade: 'requires-improvement' }), ...audits(6, '2024-10-03', { locality: 'south', grade: 'requires-improvement' })];
    const r = reportFor(await build({ audits: list }, cfg), '2024-25-autumn');
    expect(r.byLocality.table.cells[0]![2]).toEqual({ kind: 'suppressed', reason: 'small' });
    expect(v(r.byLocality.table.total)).toBe(17);
    expect(v(r.audits)).toBe(17);
    const gradeTotals = cells(r.grades)[0];
    expect(gradeTotals).toContain('c');
    for (const t of [r.byType, r.byLocality, r.byLevel]) expect(vs(t.table.colTotals)).toEqual(gradeTotals);
    const southShown = cells(r.byLocality)[1]!.every((x) => x !== 'c') && vs(r.byLocality.table.rowTotals).every((x) => x !== 'c');
    if (r.goodOrBetter.kind === 'percent') {
      expect(r.goodOrBetter.value).toBe(47);
      expect(southShown).toBe(false);
    }
    expect(publishedCounts(r).filter((n) => n >= 1 && n <= 5)).toEqual([]);
  });

  it('publishes counts above the threshold and the share made from them', async () => {
    // 14 audits: Good 8, RI 6 → 8/14 = 57.1% → 57%.
    const r = reportFor(await build({ audits: [...audits(8, '2024-10-01'), ...audits(6, '2024-10-02', { grade: 'requires-improvement' })] }, cfg), '2024-25-autumn');
    expect(cells(r.grades)).toEqual([[0, 8, 6, 0]]);
    expect(r.goodOrBetter).toEqual({ kind: 'percent', value: 57 });
  });

  it('suppresses a standard missed by 1 to 5 audits, and its percentage, but keeps it in the list', async () => {
    // 12 audits (Good 6, RI 6). ehc-plan-2 missed by 7 (the 6 RI and 1 Good): 7/12 = 58.3% → 58%.
    // ehc-plan-4 missed by 3 (3 of the RI): suppressed.
    const list = [
      ...audits(5, '2024-10-01'),
      audit('2024-10-01', { standards_not_met: ['ehc-plan-2'] }),
      ...audits(3, '2024-10-02', { grade: 'requires-improvement', standards_not_met: ['ehc-plan-2', 'ehc-plan-4'] }),
      ...audits(3, '2024-10-02', { grade: 'requires-improvement', standards_not_met: ['ehc-plan-2'] }),
    ];
    const r = reportFor(await build({ audits: list }, cfg), '2024-25-autumn');
    expect(r.standardsNotMet.map((s) => [s.id, v(s.count)])).toEqual([
      ['ehc-plan-2', 7],
      ['ehc-plan-4', 'c'],
    ]);
    expect(v(r.standardsNotMet[1]!.percent)).toBe('c');
    // Every practice standard is listed, with 0 for those no audit missed.
    expect(r.standards.map((s) => [s.id, v(s.count)])).toEqual(STANDARDS.map((id) => [id, id === 'ehc-plan-2' ? 7 : id === 'ehc-plan-4' ? 'c' : 0]));
  });

  // Known fault: the percentage of ehc-plan-2 is hidden although its count (7) and the number of
  // audits (12) are both published, so 7/12 = 58% can be worked out anyway and hiding it protects nothing.
  it.fails('publishes the percentage of a standard whose count and the number of audits are both published', async () => {
    const list = [
      ...audits(5, '2024-10-01'),
      audit('2024-10-01', { standards_not_met: ['ehc-plan-2'] }),
      ...audits(3, '2024-10-02', { grade: 'requires-improvement', standards_not_met: ['ehc-plan-2', 'ehc-plan-4'] }),
      ...audits(3, '2024-10-02', { grade: 'requires-improvement', standards_not_met: ['ehc-plan-2'] }),
    ];
    const r = reportFor(await build({ audits: list }, cfg), '2024-25-autumn');
    expect(v(r.standardsNotMet[0]!.percent)).toBe(58);
  });

  it('suppresses small timeliness and moderation counts, with the count that would reveal them and the share', async () => {
    // 12 audits (Good 6, RI 6). Timescale met 10, not met 2: the 2 is small, so the 10 is hidden too.
    // Moderated 4, not moderated 8: the 4 is small, so the 8 is hidden too. Both totals (12) stay.
    const list = [
      ...audits(4, '2024-10-01', { moderated: 'yes' }),
      ...audits(2, '2024-10-01'),
      ...audits(4, '2024-10-02', { grade: 'requires-improvement' }),
      ...audits(2, '2024-10-02', { grade: 'requires-improvement', timely: 'no' }),
    ];
    const r = reportFor(await build({ audits: list }, cfg), '2024-25-autumn');
    expect(cells(r.timeliness)).toEqual([['c', 'c']]);
    expect(v(r.timeliness.table.total)).toBe(12);
    expect(r.timeliness.share!.rows[0]!.kind).toBe('suppressed');
    expect(cells(r.moderation)).toEqual([['c', 'c']]);
    expect(v(r.moderation.table.total)).toBe(12);
    expect(r.moderation.share!.rows[0]!.kind).toBe('suppressed');
    expect(publishedCounts(r).filter((n) => n >= 1 && n <= 5)).toEqual([]);
  });

  it('does not publish the number of responses or the average rating when there are 1 to 5 responses', async () => {
    // 12 audits so the report exists; 4 feedback responses, 3 complaints.
    const r = reportFor(
      await build(
        {
          audits: [...audits(6, '2024-10-01'), ...audits(6, '2024-10-02', { grade: 'requires-improvement' })],
          feedback: [feedback('2024-10-01', 5), feedback('2024-10-01', 4), feedback('2024-10-01', 4), feedback('2024-10-01', 2)],
          complaints: [complaint('2024-10-01', 'complaint', 'timeliness', 'yes'), complaint('2024-10-01', 'complaint', 'timeliness', 'no'), complaint('2024-10-01', 'compliment', 'communication')],
        },
        cfg,
      ),
      '2024-25-autumn',
    );
    expect(r.feedback.responses).toEqual({ kind: 'suppressed', reason: 'small' });
    expect(r.feedback.averageRating.kind).toBe('suppressed');
    expect(r.feedback.ratings.share!.rows[0]!.kind).toBe('suppressed');
    expect(v(r.complaints.byTheme.table.total)).toBe('c');
    expect(r.complaints.upheld.share!.rows[0]!.kind).toBe('suppressed');
    expect(publishedCounts(r).filter((n) => n >= 1 && n <= 5)).toEqual([]);
  });

  it('never publishes a count from 1 to the threshold in the hand-built main term', async () => {
    // The main term has many counts of 2 and 4, all of which must become "c" at threshold 5.
    const r = reportFor(await build({ audits: mainTermAudits(), feedback: mainTermFeedback(), complaints: mainTermComplaints() }, cfg), '2024-25-autumn');
    expect(v(r.audits)).toBe(20);
    expect(publishedCounts(r).filter((n) => n >= 1 && n <= 5)).toEqual([]);
    expect(publishedCounts(r).length).toBeGreaterThan(0);
  });
});
