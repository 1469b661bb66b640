/**
 * Termly reports: the published figures of each term, read off its publications after
 * disclosure control (src/lib/disclose/). Pages, charts, CSV downloads, briefings and the
 * search index all read these and nothing else, so a small count can never leak by one route.
 */
import type { Partnership } from '../schemas/partnership.ts';
import { band, roundPercent, type Average, type DisclosureRule, type Figure, type Percent, type PublishedTable } from './disclosure.ts';
import { shareView, type CountFigure, type Publication, type ShareFigure } from '../disclose/publication.ts';
import type { TermDesign } from '../disclose/design.ts';
import { DIMENSIONS, RATINGS, type DimensionId } from '../tally/tally.ts';
import type { Term } from './terms.ts';

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
    table: { cells: [cells], rowTotals: [t.table.rowTotals[index]!], colTotals: cells, total: t.table.rowTotals[index]!, groupTotals: [], groupColTotals: [] },
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
  /** Audits where a statutory timescale applies, by type of audit: met or not. */
  timeliness: CrossTab;
  moderation: CrossTab;
  /** The practice standards most often not met, most often first (at most TOP_STANDARDS). */
  standardsNotMet: StandardNotMet[];
  /** Every practice standard's count of audits that found it not met, in standard order. */
  standards: StandardNotMet[];
  feedback: { responses: Figure; averageRating: Average; ratings: CrossTab; themes: CrossTab };
  complaints: { byTheme: CrossTab; upheld: CrossTab };
  change: { previous?: { term: Term; goodOrBetter: Percent; points: number | null }; lastYear?: { term: Term; goodOrBetter: Percent; points: number | null } };
  trend: { term: Term; audits: Figure; goodOrBetter: Percent }[];
  /** What disclosure control did: checks made by the solver, and how many failed (always 0 when published). */
  disclosure: { checks: number; failed: number; hiddenCells: number; banded: number };
}

/** How many of the standards most often not met a report lists. */
export const TOP_STANDARDS = 5;
/** How many terms the trend shows (three years). */
export const TREND_TERMS = 9;

const pointsBetween = (a: Percent, b: Percent) => (a.kind === 'percent' && b.kind === 'percent' ? a.value - b.value : null);

/** A published count, as pages show it. */
export function figureOf(pub: Publication, id: string): Figure {
  const f = pub.figures.get(id) as CountFigure | undefined;
  if (!f) throw new Error(`No published figure ${id}`);
  return f.hidden ? { kind: 'suppressed', reason: f.reason ?? 'secondary' } : { kind: 'count', value: f.truth };
}

/** A published share, as pages show it: exact, a band, or hidden. */
export function percentOf(pub: Publication, id: string): Percent {
  const f = pub.figures.get(id) as ShareFigure | undefined;
  if (!f) throw new Error(`No published share ${id}`);
  const v = shareView(f);
  if (v.kind === 'exact') {
    const value = roundPercent(f.truthPart, f.truthWhole);
    // The disclosure model publishes this side of the target too (constraintsOf).
    return f.target !== undefined && value === f.target ? { kind: 'percent', value, meets: 100 * f.truthPart >= f.target * f.truthWhole } : { kind: 'percent', value };
  }
  if (v.kind === 'at-least') return band(v.percent, 100);
  if (v.kind === 'below') return band(0, v.percent);
  return { kind: 'suppressed', reason: f.truthWhole <= pub.threshold ? 'small' : 'secondary' };
}

function averageOf(pub: Publication, id: string): Average {
  const f = pub.figures.get(id);
  if (!f || f.kind !== 'average') throw new Error(`No published average ${id}`);
  return f.hidden ? { kind: 'suppressed', reason: f.truthCount <= pub.threshold ? 'small' : 'secondary' } : { kind: 'average', value: Math.round((10 * f.truthSum) / f.truthCount) / 10 };
}

const opts = (o: { id: string; name: string }[]) => o.map((x) => ({ id: x.id, label: x.name }));
const empty = { groupTotals: [] as Figure[][], groupColTotals: [] as Figure[] };

export interface AssembleInput {
  cfg: Partnership;
  term: Term;
  design: TermDesign;
  standards: readonly string[];
  /** Each earlier term's headline, for the trend and comparisons (already published). */
  earlier: ReadonlyMap<string, { term: Term; audits: Figure; goodOrBetter: Percent }>;
  previous?: Term;
  lastYear?: Term;
}

/** One term's report from its protected publications. */
export function assembleReport({ cfg, term, design, standards, earlier, previous, lastYear }: AssembleInput): TermReport {
  const rule: DisclosureRule = { threshold: cfg.disclosure.threshold, symbol: cfg.disclosure.symbol };
  const g = design.grades;
  const grades = opts(cfg.grades);
  const audits = figureOf(g, 'audits');
  const goodOrBetter = percentOf(g, 'gob');
  const gradeCols = cfg.grades.map((x) => figureOf(g, `grade/${x.id}`));

  const dimension = (id: DimensionId): CrossTab => {
    const d = DIMENSIONS.find((x) => x.id === id)!;
    const rows = opts(cfg[d.config]);
    return {
      id,
      title: d.title,
      rowHeading: d.heading,
      rows,
      cols: grades,
      table: {
        cells: rows.map((r) => cfg.grades.map((x) => figureOf(g, `${id}/${r.id}/${x.id}`))),
        rowTotals: rows.map((r) => figureOf(g, `${id}/${r.id}`)),
        colTotals: gradeCols,
        total: audits,
        ...empty,
      },
      share: { label: 'Good or better', rows: rows.map((r) => percentOf(g, `${id}/${r.id}/share`)), total: goodOrBetter },
    };
  };

  const timelyTypes = cfg.auditTypes.filter((o) => g.figures.has(`timely/${o.id}`));
  const timeliness: CrossTab = {
    id: 'timeliness',
    title: 'Statutory timescales met, by type of audit',
    rowHeading: 'Type of audit',
    rows: opts(timelyTypes),
    cols: [{ id: 'yes', label: 'Met' }, { id: 'no', label: 'Not met' }],
    table: timelyTypes.length
      ? {
          cells: timelyTypes.map((o) => [figureOf(g, `timely/${o.id}/yes`), figureOf(g, `timely/${o.id}/no`)]),
          rowTotals: timelyTypes.map((o) => figureOf(g, `timely/${o.id}`)),
          colTotals: [figureOf(g, 'timely/yes'), figureOf(g, 'timely/no')],
          total: figureOf(g, 'timely'),
          ...empty,
        }
      : { cells: [], rowTotals: [], colTotals: [{ kind: 'count', value: 0 }, { kind: 'count', value: 0 }], total: { kind: 'count', value: 0 }, ...empty },
    share: { label: 'Met', rows: timelyTypes.map((o) => percentOf(g, `timely/${o.id}/share`)), total: timelyTypes.length ? percentOf(g, 'timely/share') : { kind: 'suppressed', reason: 'small' } },
  };

  const m = design.moderation;
  const moderation: CrossTab = {
    id: 'moderation',
    title: 'Audits moderated',
    rowHeading: 'Audits',
    rows: [{ id: 'all', label: 'All audits' }],
    cols: [{ id: 'yes', label: 'Moderated' }, { id: 'no', label: 'Not moderated' }],
    table: { cells: [[figureOf(m, 'moderated/yes'), figureOf(m, 'moderated/no')]], rowTotals: [audits], colTotals: [figureOf(m, 'moderated/yes'), figureOf(m, 'moderated/no')], total: audits, ...empty },
    share: { label: 'Moderated', rows: [percentOf(m, 'moderated/share')], total: percentOf(m, 'moderated/share') },
  };

  const s = design.standards;
  const all = standards.map((id) => ({ id, count: figureOf(s, `standard/${id}`), percent: percentOf(s, `standard/${id}/share`), truth: (s.figures.get(`standard/${id}`) as CountFigure).truth }));
  // The ranking is published (and known to the disclosure check): most often first, then by id.
  const standardsNotMet = [...all]
    .filter((x) => x.truth > 0)
    .sort((a, b) => b.truth - a.truth || standards.indexOf(a.id) - standards.indexOf(b.id))
    .slice(0, TOP_STANDARDS)
    .map(({ id, count, percent }) => ({ id, count, percent }));

  const f = design.feedback;
  const ratingRow = [{ id: 'all', label: 'All responses' }];
  const responses = figureOf(f, 'responses');
  const ratingCells = RATINGS.map((k) => figureOf(f, `rating/${k}`));
  const ratings: CrossTab = {
    id: 'ratings',
    title: 'How families rated their experience (1 very poor to 5 very good)',
    rowHeading: 'Responses',
    rows: ratingRow,
    cols: RATINGS.map((k) => ({ id: String(k), label: String(k) })),
    table: { cells: [ratingCells], rowTotals: [responses], colTotals: ratingCells, total: responses, ...empty },
    share: { label: 'Rated 4 or 5', rows: [percentOf(f, 'rating/share')], total: percentOf(f, 'rating/share') },
  };
  const themeCells = cfg.feedbackThemes.map((o) => figureOf(f, `feedback-theme/${o.id}`));
  const themes: CrossTab = {
    id: 'feedback-themes',
    title: 'What families told us about',
    rowHeading: 'Responses',
    rows: ratingRow,
    cols: opts(cfg.feedbackThemes),
    table: { cells: [themeCells], rowTotals: [responses], colTotals: themeCells, total: responses, ...empty },
  };

  const c = design.complaints;
  const kinds = [{ id: 'compliment', label: 'Compliments' }, { id: 'complaint', label: 'Complaints' }];
  const byTheme: CrossTab = {
    id: 'compliments-complaints',
    title: 'Compliments and complaints by theme',
    rowHeading: 'Kind',
    rows: kinds,
    cols: opts(cfg.complaintThemes),
    table: {
      cells: kinds.map((k) => cfg.complaintThemes.map((o) => figureOf(c, `cc/${k.id}/${o.id}`))),
      rowTotals: kinds.map((k) => figureOf(c, `cc/${k.id}`)),
      colTotals: cfg.complaintThemes.map((o) => figureOf(c, `cc/theme/${o.id}`)),
      total: figureOf(c, 'cc'),
      ...empty,
    },
  };
  const decided = [figureOf(c, 'decided/yes'), figureOf(c, 'decided/no')];
  const upheld: CrossTab = {
    id: 'complaints-upheld',
    title: 'Complaints decided: upheld or not',
    rowHeading: 'Complaints',
    rows: [{ id: 'all', label: 'Decided complaints' }],
    cols: [{ id: 'yes', label: 'Upheld' }, { id: 'no', label: 'Not upheld' }],
    table: { cells: [decided], rowTotals: [figureOf(c, 'decided')], colTotals: decided, total: figureOf(c, 'decided'), ...empty },
    share: { label: 'Upheld', rows: [percentOf(c, 'decided/share')], total: percentOf(c, 'decided/share') },
  };

  const compare = (t?: Term) => {
    const h = t && earlier.get(t.id);
    return h ? { term: h.term, goodOrBetter: h.goodOrBetter, points: pointsBetween(goodOrBetter, h.goodOrBetter) } : undefined;
  };
  const pubs = [design.grades, design.moderation, design.standards, design.feedback, design.complaints];
  const counts = pubs.flatMap((p) => [...p.figures.values()]);
  return {
    term,
    rule,
    target: cfg.target.goodOrBetterPercent,
    audits,
    goodOrBetter,
    grades: { id: 'grades', title: 'Grades given', rowHeading: 'Audits', rows: [{ id: 'all', label: 'All audits' }], cols: grades, table: { cells: [gradeCols], rowTotals: [audits], colTotals: gradeCols, total: audits, ...empty }, share: { label: 'Good or better', rows: [goodOrBetter], total: goodOrBetter } },
    byType: dimension('by-type'),
    byLocality: dimension('by-locality'),
    byLevel: dimension('by-level'),
    timeliness,
    moderation,
    standardsNotMet,
    standards: all.map(({ id, count, percent }) => ({ id, count, percent })),
    feedback: { responses, averageRating: averageOf(f, 'rating/average'), ratings, themes },
    complaints: { byTheme, upheld },
    change: { previous: compare(previous), lastYear: compare(lastYear) },
    trend: [...earlier.values()].filter((x) => x.term.index > term.index - TREND_TERMS).concat([{ term, audits, goodOrBetter }]),
    disclosure: {
      checks: 0,
      failed: 0,
      hiddenCells: counts.filter((x) => x.kind === 'count' && x.hidden).length,
      banded: counts.filter((x) => x.kind === 'share' && ['at-least', 'below'].includes(shareView(x).kind)).length,
    },
  };
}
