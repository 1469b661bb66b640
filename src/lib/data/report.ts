/**
 * Termly reports: aggregates the validated records of a term and passes every figure through
 * disclosure control. Pages, charts, CSV downloads, briefings and the search index all read
 * these published figures and nothing else, so a small count can never leak by one route.
 */
import type { Partnership } from '../schemas/partnership';
import type { AuditRecord, ComplaintRecord, FeedbackRecord } from './columns';
import {
  discloseAverage,
  discloseCount,
  disclosePercent,
  discloseLinkedTables,
  discloseTable,
  type Average,
  type DisclosureRule,
  type Figure,
  type Percent,
  type PublishedTable,
} from './disclosure';
import { allTerms, comparisons, termOf, type Term } from './terms';

/** A published cross-tabulation: rows × columns of counts with totals, and a share per row. */
export interface CrossTab {
  id: string;
  title: string;
  rowHeading: string;
  rows: { id: string; label: string }[];
  cols: { id: string; label: string }[];
  table: PublishedTable;
  /** Share of each row in the highlighted columns (e.g. % Good or better), where publishable. */
  share?: { label: string; rows: Percent[]; total: Percent };
}

/**
 * One row of a published cross-tabulation as a table of its own (its cells become the column
 * totals). Only already-published figures are reused, so no new figure is disclosed.
 */
export function crossTabRow(t: CrossTab, index: number): CrossTab {
  const row = t.rows[index];
  if (!row) throw new RangeError(`${t.id} has no row ${index}`);
  const cells = t.table.cells[index]!;
  return {
    id: `${t.id}-${row.id}`,
    title: `${t.title}: ${row.label}`,
    rowHeading: t.rowHeading,
    rows: [row],
    cols: t.cols,
    table: {
      cells: [cells],
      rowTotals: [t.table.rowTotals[index]!],
      colTotals: cells,
      total: t.table.rowTotals[index]!,
      groupTotals: t.table.groupTotals[index] ? [t.table.groupTotals[index]!] : [],
      groupColTotals: t.table.groupTotals[index] ?? [],
    },
    ...(t.share ? { share: { label: t.share.label, rows: [t.share.rows[index]!], total: t.share.rows[index]! } } : {}),
  };
}

export interface StandardNotMet {
  id: string;
  count: Figure;
  percent: Percent;
}

export interface TermReport {
  term: Term;
  rule: DisclosureRule;
  target: number;
  audits: Figure;
  goodOrBetter: Percent;
  grades: CrossTab;
  byType: CrossTab;
  byLocality: CrossTab;
  byLevel: CrossTab;
  timeliness: CrossTab;
  moderation: CrossTab;
  standardsNotMet: StandardNotMet[];
  feedback: { responses: Figure; averageRating: Average; ratings: CrossTab; themes: CrossTab };
  complaints: { byTheme: CrossTab; upheld: CrossTab };
  change: { previous?: { term: Term; goodOrBetter: Percent; points: number | null }; lastYear?: { term: Term; goodOrBetter: Percent; points: number | null } };
  trend: { term: Term; audits: Figure; goodOrBetter: Percent }[];
}

function count<T>(items: readonly T[], rowKey: (t: T) => string | undefined, rows: string[], colKey: (t: T) => string | undefined, cols: string[]): number[][] {
  const r = new Map(rows.map((id, i) => [id, i]));
  const c = new Map(cols.map((id, i) => [id, i]));
  const out = rows.map(() => cols.map(() => 0));
  for (const it of items) {
    const ri = r.get(rowKey(it) ?? '');
    const ci = c.get(colKey(it) ?? '');
    if (ri !== undefined && ci !== undefined) out[ri]![ci]!++;
  }
  return out;
}

/** A share (e.g. % Good or better) from a published subtotal and total: suppressed if either is, or if the group is small. */
export function shareOf(part: Figure, whole: Figure, rule: DisclosureRule): Percent {
  return disclosePercent(part, whole, rule);
}

/** Builds a published cross-tab from a table already through disclosure control. */
function crossTab(
  id: string,
  title: string,
  rowHeading: string,
  rows: { id: string; label: string }[],
  cols: { id: string; label: string }[],
  table: PublishedTable,
  rule: DisclosureRule,
  shareLabel?: string,
): CrossTab {
  const tab: CrossTab = { id, title, rowHeading, rows, cols, table };
  if (shareLabel) {
    // The share is of the first column group (or of the first column when there are no groups).
    const part = (r: number) => (table.groupTotals[r]?.length ? table.groupTotals[r]![0]! : table.cells[r]![0]!);
    tab.share = {
      label: shareLabel,
      rows: rows.map((_, r) => shareOf(part(r), table.rowTotals[r]!, rule)),
      total: shareOf(table.groupColTotals.length ? table.groupColTotals[0]! : table.colTotals[0]!, table.total, rule),
    };
  }
  return tab;
}

const pointsBetween = (a: Percent, b: Percent) => (a.kind === 'percent' && b.kind === 'percent' ? a.value - b.value : null);

export interface ReportInput {
  cfg: Partnership;
  audits: readonly AuditRecord[];
  feedback: readonly FeedbackRecord[];
  complaints: readonly ComplaintRecord[];
}

/** Records grouped by term id. */
function byTerm<T extends { file: string }>(terms: readonly Term[], items: readonly T[], date: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const t = termOf(terms, date(it));
    if (!t) continue;
    let list = out.get(t.id);
    if (!list) out.set(t.id, (list = []));
    list.push(it);
  }
  return out;
}

/** One report per term that has audit data, latest first. */
export function buildReports({ cfg, audits, feedback, complaints }: ReportInput): TermReport[] {
  const rule: DisclosureRule = { threshold: cfg.disclosure.threshold, symbol: cfg.disclosure.symbol };
  const terms = allTerms(cfg);
  const auditsBy = byTerm(terms, audits, (a) => a.completed_on);
  const feedbackBy = byTerm(terms, feedback, (f) => f.received_on);
  const complaintsBy = byTerm(terms, complaints, (c) => c.received_on);
  const grades = cfg.grades.map((g) => ({ id: g.id, label: g.name }));
  const gob = cfg.grades.filter((g) => g.goodOrBetter).map((g) => g.id);
  const gobLabel = 'Good or better';

  const gradeIds = grades.map((g) => g.id);
  // Column groups: the grades that count as Good or better, and the rest. Their subtotals are
  // published (as the share Good or better), so they are protected like totals.
  const groups = [gradeIds.flatMap((g, i) => (gob.includes(g) ? [i] : [])), gradeIds.flatMap((g, i) => (gob.includes(g) ? [] : [i]))];
  const opts = (o: { id: string; name: string }[]) => o.map((x) => ({ id: x.id, label: x.name }));
  const dims = [
    { id: 'by-type', title: 'Grades by type of audit', heading: 'Type of audit', rows: opts(cfg.auditTypes), key: (a: AuditRecord) => a.audit_type },
    { id: 'by-locality', title: 'Grades by locality', heading: 'Locality', rows: opts(cfg.localities), key: (a: AuditRecord) => a.locality },
    { id: 'by-level', title: 'Grades by level of audit', heading: 'Level', rows: opts(cfg.auditLevels), key: (a: AuditRecord) => a.level },
  ];
  const gradeIndex = new Map(gradeIds.map((g, i) => [g, i]));
  const dimIndex = dims.map((d) => new Map(d.rows.map((r, i) => [r.id, i])));
  const tallies = new Map<readonly AuditRecord[], ReturnType<typeof countAll>>();
  const tally = (list: readonly AuditRecord[]) => {
    let t = tallies.get(list);
    if (!t) tallies.set(list, (t = countAll(list)));
    return t;
  };
  /** All the term's audit counts in one pass over its records. */
  const countAll = (list: readonly AuditRecord[]) => {
    const overall = [gradeIds.map(() => 0)];
    const byDim = dims.map((d) => d.rows.map(() => gradeIds.map(() => 0)));
    const timely = [[0, 0]];
    const moderated = [[0, 0]];
    const notMet = new Map<string, number>();
    for (const a of list) {
      const g = gradeIndex.get(a.grade);
      if (g === undefined) continue;
      overall[0]![g]!++;
      const keys = [a.audit_type, a.locality, a.level];
      for (let d = 0; d < dims.length; d++) {
        const r = dimIndex[d]!.get(keys[d]!);
        if (r !== undefined) byDim[d]![r]![g]!++;
      }
      if (a.timely !== 'n/a') timely[0]![a.timely === 'yes' ? 0 : 1]!++;
      moderated[0]![a.moderated === 'yes' ? 0 : 1]!++;
      for (const st of a.standards_not_met) notMet.set(st, (notMet.get(st) ?? 0) + 1);
    }
    return { overall, byDim, timely, moderated, notMet };
  };
  /** The term's grade tables, suppressed together because they share the term's grade totals. */
  const gradeTables = (list: readonly AuditRecord[]) => {
    const { overall, byDim } = tally(list);
    const [all, ...rest] = discloseLinkedTables([overall, ...byDim], rule, { groups });
    return { all: all!, rest };
  };
  const headlines = new Map<readonly AuditRecord[], { audits: Figure; goodOrBetter: Percent }>();
  const headline = (list: readonly AuditRecord[]) => {
    let h = headlines.get(list);
    if (!h) {
      const { all } = gradeTables(list);
      headlines.set(list, (h = { audits: all.total, goodOrBetter: shareOf(all.groupColTotals[0]!, all.total, rule) }));
    }
    return h;
  };

  const reports: TermReport[] = [];
  for (const term of terms) {
    const list = auditsBy.get(term.id);
    if (!list?.length) continue;
    const fb = feedbackBy.get(term.id) ?? [];
    const cc = complaintsBy.get(term.id) ?? [];
    const { all: gradeAll, rest: gradeDims } = gradeTables(list);
    const total = gradeAll.total;
    const goodOrBetter = shareOf(gradeAll.groupColTotals[0]!, total, rule);
    const cross = (i: number) => crossTab(dims[i]!.id, dims[i]!.title, dims[i]!.heading, dims[i]!.rows, grades, gradeDims[i]!, rule, gobLabel);
    const simple = (counts: number[][], g?: number[][]) => discloseTable(counts, rule, g ? { groups: g } : {});

    // Standards not met: an audit can miss several, so these counts do not add up to a total
    // and need only primary suppression; percentages are of all audits this term.
    const counts = tally(list);
    const notMet = counts.notMet;
    const standardsNotMet = [...notMet]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en', { numeric: true }))
      .slice(0, 5)
      .map(([id, n]) => {
        const c = discloseCount(n, rule);
        return { id, count: c, percent: disclosePercent(c, total, rule) };
      });

    const ratingRows = [{ id: 'all', label: 'All responses' }];
    const ratingCols = [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: `${n}` }));
    const ratingCounts = count(fb, () => 'all', ['all'], (f) => String(f.rating), ratingCols.map((c) => c.id));
    const ratings = crossTab('ratings', 'How families rated their experience (1 very poor to 5 very good)', 'Responses', ratingRows, ratingCols, simple(ratingCounts, [[3, 4], [0, 1, 2]]), rule, 'Rated 4 or 5');
    const responses = ratings.table.total;
    const ratingSum = fb.reduce((a, f) => a + f.rating, 0);

    const cmp = comparisons(terms, term);
    const compare = (t?: Term) => {
      if (!t) return undefined;
      const other = auditsBy.get(t.id);
      if (!other?.length) return undefined;
      const h = headline(other);
      return { term: t, goodOrBetter: h.goodOrBetter, points: pointsBetween(goodOrBetter, h.goodOrBetter) };
    };

    reports.push({
      term,
      rule,
      target: cfg.target.goodOrBetterPercent,
      audits: total,
      goodOrBetter,
      grades: crossTab('grades', 'Grades given', 'Audits', [{ id: 'all', label: 'All audits' }], grades, gradeAll, rule, gobLabel),
      byType: cross(0),
      byLocality: cross(1),
      byLevel: cross(2),
      timeliness: crossTab(
        'timeliness',
        'Statutory timescales met',
        'Audits where a timescale applies',
        [{ id: 'all', label: 'All audits with a timescale' }],
        [{ id: 'yes', label: 'Met' }, { id: 'no', label: 'Not met' }],
        simple(counts.timely),
        rule,
        'Met',
      ),
      moderation: crossTab(
        'moderation',
        'Audits moderated',
        'Audits',
        [{ id: 'all', label: 'All audits' }],
        [{ id: 'yes', label: 'Moderated' }, { id: 'no', label: 'Not moderated' }],
        simple(counts.moderated),
        rule,
        'Moderated',
      ),
      standardsNotMet,
      feedback: {
        responses,
        averageRating: discloseAverage(ratingSum, responses, rule),
        ratings,
        themes: crossTab('feedback-themes', 'What families told us about', 'Responses', ratingRows, opts(cfg.feedbackThemes), simple(count(fb, () => 'all', ['all'], (f) => f.theme, cfg.feedbackThemes.map((t) => t.id))), rule),
      },
      complaints: {
        byTheme: crossTab(
          'compliments-complaints',
          'Compliments and complaints by theme',
          'Kind',
          [{ id: 'compliment', label: 'Compliments' }, { id: 'complaint', label: 'Complaints' }],
          opts(cfg.complaintThemes),
          simple(count(cc, (c) => c.kind, ['compliment', 'complaint'], (c) => c.theme, cfg.complaintThemes.map((t) => t.id))),
          rule,
        ),
        upheld: crossTab(
          'complaints-upheld',
          'Complaints decided: upheld or not',
          'Complaints',
          [{ id: 'all', label: 'Decided complaints' }],
          [{ id: 'yes', label: 'Upheld' }, { id: 'no', label: 'Not upheld' }],
          simple(count(cc, (c) => (c.kind === 'complaint' && c.upheld !== 'n/a' ? 'all' : undefined), ['all'], (c) => c.upheld, ['yes', 'no'])),
          rule,
          'Upheld',
        ),
      },
      change: { previous: compare(cmp.previous), lastYear: compare(cmp.lastYear) },
      trend: terms
        .filter((t) => t.index <= term.index && t.index > term.index - 9 && auditsBy.get(t.id)?.length)
        .map((t) => ({ term: t, ...headline(auditsBy.get(t.id)!) })),
    });
  }
  return reports.reverse();
}
