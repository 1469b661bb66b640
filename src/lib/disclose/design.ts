/**
 * Table design: what a term publishes, before disclosure control decides how much of it can
 * be shown. Each breakdown answers "what share was Good or better, and did it meet the
 * target?": the exact share where it is safe, otherwise the most that is safe to say (a band
 * such as "90% or more", or met / not met), and the four-grade breakdown where it survives.
 *
 * The design is three publications per term (audits; family feedback; compliments and
 * complaints), which share no counts and so are checked separately.
 */
import { combine, minus, sumOf, type Constraint, type Terms } from './linear.ts';
import type { BreakdownRow, CountFigure, Derived, PubFigure, Publication, ShareFigure, ShareView } from './publication.ts';
import { DIMENSIONS, RATINGS, type TermTally } from '../tally/tally.ts';
import type { Partnership } from '../schemas/partnership.ts';
import type { SelfEvaluationTally } from '../tally/self-evaluation.ts';

/** Losses: the information a reader loses when a figure is hidden (lower is hidden first). */
const LOSS = {
  cell: 1,
  groupTotal: 6,
  columnTotal: 8,
  grandTotal: 50,
  minorCell: 2,
  minorTotal: 5,
  minorShare: 3,
  responses: 10,
} as const;

/** Band edges offered above the target, in points: "95% or more", "90% or more" … down to the target. */
const BAND_STEP = 5;

class Builder {
  atoms: { name: string; truth: number }[] = [];
  figures = new Map<string, PubFigure>();
  structure: Constraint[] = [];
  derived: Derived[] = [];
  rows = new Map<string, BreakdownRow>();
  readonly threshold: number;
  constructor(threshold: number) {
    this.threshold = threshold;
  }

  atom(name: string, truth: number): number {
    this.atoms.push({ name, truth });
    return this.atoms.length - 1;
  }

  truth(t: Terms): number {
    return t.reduce((a, [i, c]) => a + c * this.atoms[i]!.truth, 0);
  }

  count(id: string, terms: Terms, loss: number, row?: string): CountFigure {
    const truth = this.truth(terms);
    const small = truth >= 1 && truth <= this.threshold;
    const f: CountFigure = { kind: 'count', id, terms, truth, hidden: small, reason: small ? 'small' : undefined, loss, row };
    this.figures.set(id, f);
    return f;
  }

  share(id: string, part: Terms, whole: Terms, ladder: ShareView[], losses: number[]): ShareFigure {
    const truthPart = this.truth(part);
    const truthWhole = this.truth(whole);
    const f: ShareFigure = { kind: 'share', id, part, whole, truthPart, truthWhole, ladder, step: 0, losses };
    const small = (n: number) => n >= 1 && n <= this.threshold;
    // A share of a small or empty group is never published; an exact share would reveal a small
    // part (or a small rest), so start one step down (a band, or hidden where there is none).
    if (truthWhole <= this.threshold) f.step = ladder.length - 1;
    else if (small(truthPart) || small(truthWhole - truthPart)) f.step = Math.min(1, ladder.length - 1);
    this.figures.set(id, f);
    return f;
  }

  /** A plain share: exact, or hidden. */
  plainShare(id: string, part: Terms, whole: Terms, loss: number) {
    return this.share(id, part, whole, [{ kind: 'exact' }, { kind: 'hidden' }], [loss]);
  }

  row(id: string, cells: string[], total: Terms, share?: { id: string; part: string[] }) {
    this.rows.set(id, { id, cells, total, share });
  }

  /** Counts worth protecting that are never published but follow from what is. */
  derive(id: string, terms: Terms) {
    this.derived.push({ id, terms, truth: this.truth(terms) });
  }

  lines: string[][] = [];
  /** Figures that add up: the members, then their sum. */
  line(...ids: string[]) {
    this.lines.push(ids);
  }

  build(): Publication {
    return { atoms: this.atoms, figures: this.figures, structure: this.structure, derived: this.derived, rows: this.rows, lines: this.lines, threshold: this.threshold };
  }
}

/** The views of a group's share Good or better, most informative first. */
export function gradeShareLadder(part: number, whole: number, target: number): ShareView[] {
  const ladder: ShareView[] = [{ kind: 'exact' }];
  if (whole > 0 && 100 * part >= target * whole) {
    for (let b = 100 - BAND_STEP; b >= target; b -= BAND_STEP) if (100 * part >= b * whole) ladder.push({ kind: 'at-least', percent: b });
    if (!ladder.some((v) => v.kind === 'at-least' && v.percent === target)) ladder.push({ kind: 'at-least', percent: target });
  } else if (whole > 0) ladder.push({ kind: 'below', percent: target });
  ladder.push({ kind: 'hidden' });
  return ladder;
}

export interface TermDesign {
  /** Grades by type, locality and level, and timeliness by type (they share the audits of each type). */
  grades: Publication;
  moderation: Publication;
  standards: Publication;
  feedback: Publication;
  complaints: Publication;
}

/** The publications of one term, with primary suppression and the first table design applied. */
export function designTerm(t: TermTally, cfg: Partnership, standards: readonly string[]): TermDesign {
  const audits = t.grades[0]!.flat().reduce((a, b) => a + b, 0);
  return {
    grades: designGrades(t, cfg),
    moderation: designModeration(t, cfg, audits),
    standards: designStandards(t, cfg, standards, audits),
    feedback: designFeedback(t, cfg),
    complaints: designComplaints(t, cfg),
  };
}

function designGrades(t: TermTally, cfg: Partnership): Publication {
  const b = new Builder(cfg.disclosure.threshold);
  const target = cfg.target.goodOrBetterPercent;
  const grades = cfg.grades;
  const gob = grades.flatMap((g, i) => (g.goodOrBetter ? [i] : []));
  const rest = grades.flatMap((g, i) => (g.goodOrBetter ? [] : [i]));

  // Atoms: audits by (dimension, row, grade). Each dimension is a full breakdown of the term.
  const x = DIMENSIONS.map((d, di) => cfg[d.config].map((o, ri) => grades.map((g, gi) => b.atom(`${d.id}:${o.id}:${g.id}`, t.grades[di]![ri]![gi]!))));
  const first = x[0]!;
  const all = sumOf(first.flat());
  const column = (gi: number) => sumOf(first.map((row) => row[gi]!));
  // The attacker knows the three breakdowns count the same audits: their grade columns agree.
  for (let di = 1; di < x.length; di++) {
    grades.forEach((g, gi) => b.structure.push({ terms: minus(column(gi), sumOf(x[di]!.map((row) => row[gi]!))), op: '=', rhs: 0, from: `${DIMENSIONS[di]!.id} has the same grade totals` }));
  }

  // The term's grades and headline.
  grades.forEach((g, gi) => b.count(`grade/${g.id}`, column(gi), LOSS.columnTotal, 'grades'));
  b.row('grades', grades.map((g) => `grade/${g.id}`), all, { id: 'gob', part: gob.map((gi) => `grade/${grades[gi]!.id}`) });
  b.count('audits', all, LOSS.grandTotal).fixed = true;
  b.line(...grades.map((g) => `grade/${g.id}`), 'audits');
  const gobAll = sumOf(gob.flatMap((gi) => first.map((row) => row[gi]!)));
  const allLadder = gradeShareLadder(b.truth(gobAll), b.truth(all), target);
  b.share('gob', gobAll, all, allLadder, allLadder.map((_, i) => (i === allLadder.length - 2 ? 200 : 60))).target = target;
  b.derive('grades/good-or-better', gobAll);
  b.derive('grades/below-good', sumOf(rest.flatMap((gi) => first.map((row) => row[gi]!))));

  // Each breakdown: cells, the group's total, and its share Good or better.
  DIMENSIONS.forEach((d, di) => {
    const rows = cfg[d.config];
    rows.forEach((o, ri) => {
      const row = x[di]![ri]!;
      const id = `${d.id}/${o.id}`;
      grades.forEach((g, gi) => b.count(`${id}/${g.id}`, [[row[gi]!, 1]], LOSS.cell, id));
      const total = sumOf(row);
      b.row(id, grades.map((g) => `${id}/${g.id}`), total, { id: `${id}/share`, part: gob.map((gi) => `${id}/${grades[gi]!.id}`) });
      b.count(id, total, LOSS.groupTotal);
      b.line(...grades.map((g) => `${id}/${g.id}`), id);
      const part = sumOf(gob.map((gi) => row[gi]!));
      const n = b.truth(total);
      const ladder = gradeShareLadder(b.truth(part), n, target);
      // Widening a band loses little; hiding the share of a group people compare loses a lot.
      b.share(`${id}/share`, part, total, ladder, ladder.map((_, i) => (i === ladder.length - 2 ? (n >= 20 ? 40 : 10) : 0.5))).target = target;
      b.derive(`${id}/good-or-better`, part);
      b.derive(`${id}/below-good`, sumOf(rest.map((gi) => row[gi]!)));
    });
    grades.forEach((g) => b.line(...rows.map((o) => `${d.id}/${o.id}/${g.id}`), `grade/${g.id}`));
    b.line(...rows.map((o) => `${d.id}/${o.id}`), 'audits');
  });

  // Timeliness, by type of audit where a timescale applies (EHC plans within 20 weeks, annual
  // reviews within their time limit…), and in all.
  const timelyTypes = cfg.auditTypes.flatMap((o, i) => (t.timely[i]![0] + t.timely[i]![1] > 0 ? [{ o, i }] : []));
  const met: number[] = [];
  const notMet: number[] = [];
  for (const { o, i } of timelyTypes) {
    const m = b.atom(`timely:${o.id}:yes`, t.timely[i]![0]);
    const u = b.atom(`timely:${o.id}:no`, t.timely[i]![1]);
    met.push(m);
    notMet.push(u);
    const id = `timely/${o.id}`;
    b.count(`${id}/yes`, [[m, 1]], LOSS.cell, id);
    b.count(`${id}/no`, [[u, 1]], LOSS.cell, id);
    b.row(id, [`${id}/yes`, `${id}/no`], sumOf([m, u]));
    b.count(id, sumOf([m, u]), LOSS.minorTotal);
    b.line(`${id}/yes`, `${id}/no`, id);
    b.plainShare(`${id}/share`, [[m, 1]], sumOf([m, u]), LOSS.minorShare);
    // Audits of this type with a timescale are audits of this type.
    const typeTotal = sumOf(x[0]![i]!);
    b.structure.push({ terms: minus(sumOf([m, u]), typeTotal), op: '<=', rhs: 0, from: `${id} are ${o.name} audits` });
    b.derive(`${id}/without-timescale`, minus(typeTotal, sumOf([m, u])));
    b.derive(`${id}/not-met`, [[u, 1]]);
  }
  if (timelyTypes.length) {
    b.count('timely/yes', sumOf(met), LOSS.minorCell, 'timely');
    b.count('timely/no', sumOf(notMet), LOSS.minorCell, 'timely');
    b.row('timely', ['timely/yes', 'timely/no'], sumOf([...met, ...notMet]));
    b.count('timely', sumOf([...met, ...notMet]), LOSS.minorTotal);
    b.line('timely/yes', 'timely/no', 'timely');
    b.line(...timelyTypes.map(({ o }) => `timely/${o.id}/yes`), 'timely/yes');
    b.line(...timelyTypes.map(({ o }) => `timely/${o.id}/no`), 'timely/no');
    b.line(...timelyTypes.map(({ o }) => `timely/${o.id}`), 'timely');
    b.plainShare('timely/share', sumOf(met), sumOf([...met, ...notMet]), LOSS.minorShare * 3);
    b.derive('timely/without-timescale', minus(all, sumOf([...met, ...notMet])));
  }
  return b.build();
}

/**
 * Moderation and the standards not met are linked to the grades only through the term's number
 * of audits, which is always published (unless it is itself small, when nothing is): so they
 * are checked on their own, with that number as a constant.
 */
function designModeration(t: TermTally, cfg: Partnership, audits: number): Publication {
  const b = new Builder(cfg.disclosure.threshold);
  const mod = b.atom('moderated:yes', t.moderated[0]);
  const unmod = b.atom('moderated:no', t.moderated[1]);
  // The number of audits is a known constant only when it is published (more than the threshold).
  if (audits > b.threshold) b.structure.push({ terms: sumOf([mod, unmod]), op: '=', rhs: audits, from: 'every audit is moderated or not' });
  b.count('moderated/yes', [[mod, 1]], LOSS.minorCell, 'moderated');
  b.count('moderated/no', [[unmod, 1]], LOSS.minorCell, 'moderated');
  b.row('moderated', ['moderated/yes', 'moderated/no'], sumOf([mod, unmod]));
  b.count('moderated', sumOf([mod, unmod]), LOSS.grandTotal).fixed = audits > b.threshold;
  b.line('moderated/yes', 'moderated/no', 'moderated');
  b.plainShare('moderated/share', [[mod, 1]], sumOf([mod, unmod]), LOSS.minorShare);
  return b.build();
}

function designStandards(t: TermTally, cfg: Partnership, standards: readonly string[], audits: number): Publication {
  const b = new Builder(cfg.disclosure.threshold);
  // Each standard's count is at most the number of audits; the published ranking (most often
  // not met first) is known to the attacker too.
  const s = standards.map((id, i) => b.atom(`standard:${id}`, t.notMet[i]!));
  const all = b.atom('audits', audits);
  if (audits > b.threshold) b.structure.push({ terms: [[all, 1]], op: '=', rhs: audits, from: 'the number of audits' });
  else b.structure.push({ terms: [[all, 1]], op: '>=', rhs: 1, from: 'the number of audits (hidden: small)' });
  standards.forEach((id, i) => {
    b.count(`standard/${id}`, [[s[i]!, 1]], LOSS.cell);
    b.plainShare(`standard/${id}/share`, [[s[i]!, 1]], [[all, 1]], LOSS.cell);
    b.structure.push({ terms: minus([[s[i]!, 1]], [[all, 1]]), op: '<=', rhs: 0, from: `standard/${id} counts audits` });
  });
  const ranked = standards.map((id, i) => ({ id, i, n: t.notMet[i]! })).sort((p, q) => q.n - p.n || p.i - q.i);
  for (let k = 1; k < ranked.length; k++) {
    b.structure.push({ terms: minus([[s[ranked[k - 1]!.i]!, 1]], [[s[ranked[k]!.i]!, 1]]), op: '>=', rhs: 0, from: 'the ranking of standards not met' });
  }
  return b.build();
}

function designFeedback(t: TermTally, cfg: Partnership): Publication {
  const b = new Builder(cfg.disclosure.threshold);
  const r = RATINGS.map((k, i) => b.atom(`rating:${k}`, t.ratings[i]!));
  const h = cfg.feedbackThemes.map((o, i) => b.atom(`feedback-theme:${o.id}`, t.feedbackThemes[i]!));
  const all = sumOf(r);
  b.structure.push({ terms: minus(sumOf(h), all), op: '=', rhs: 0, from: 'every response has one theme' });
  RATINGS.forEach((k, i) => b.count(`rating/${k}`, [[r[i]!, 1]], LOSS.cell, 'ratings'));
  b.row('ratings', RATINGS.map((k) => `rating/${k}`), all);
  b.count('responses', all, LOSS.responses);
  b.line(...RATINGS.map((k) => `rating/${k}`), 'responses');
  b.plainShare('rating/share', sumOf([r[3]!, r[4]!]), all, LOSS.minorShare);
  b.derive('rating/4-or-5', sumOf([r[3]!, r[4]!]));
  b.derive('rating/1-to-3', sumOf([r[0]!, r[1]!, r[2]!]));
  const sum = combine(...RATINGS.map((k, i) => ({ terms: [[r[i]!, 1]] as Terms, k })));
  const n = b.truth(all);
  b.figures.set('rating/average', { kind: 'average', id: 'rating/average', sum, count: all, truthSum: b.truth(sum), truthCount: n, hidden: n <= cfg.disclosure.threshold, loss: LOSS.minorShare });
  cfg.feedbackThemes.forEach((o, i) => b.count(`feedback-theme/${o.id}`, [[h[i]!, 1]], LOSS.cell, 'feedback-themes'));
  b.row('feedback-themes', cfg.feedbackThemes.map((o) => `feedback-theme/${o.id}`), sumOf(h));
  b.line(...cfg.feedbackThemes.map((o) => `feedback-theme/${o.id}`), 'responses');
  return b.build();
}

function designComplaints(t: TermTally, cfg: Partnership): Publication {
  const b = new Builder(cfg.disclosure.threshold);
  const kinds = ['compliment', 'complaint'] as const;
  const k = kinds.map((kind, ki) => cfg.complaintThemes.map((o, i) => b.atom(`${kind}:${o.id}`, t.complaints[ki]![i]!)));
  kinds.forEach((kind, ki) => {
    cfg.complaintThemes.forEach((o, i) => b.count(`cc/${kind}/${o.id}`, [[k[ki]![i]!, 1]], LOSS.cell, `cc/${kind}`));
    b.row(`cc/${kind}`, cfg.complaintThemes.map((o) => `cc/${kind}/${o.id}`), sumOf(k[ki]!));
    b.count(`cc/${kind}`, sumOf(k[ki]!), LOSS.minorTotal);
    b.line(...cfg.complaintThemes.map((o) => `cc/${kind}/${o.id}`), `cc/${kind}`);
  });
  cfg.complaintThemes.forEach((o, i) => b.count(`cc/theme/${o.id}`, sumOf([k[0]![i]!, k[1]![i]!]), LOSS.minorShare));
  b.count('cc', sumOf(k.flat()), LOSS.columnTotal);
  cfg.complaintThemes.forEach((o) => b.line(`cc/compliment/${o.id}`, `cc/complaint/${o.id}`, `cc/theme/${o.id}`));
  b.line('cc/compliment', 'cc/complaint', 'cc');
  b.line(...cfg.complaintThemes.map((o) => `cc/theme/${o.id}`), 'cc');
  const up = b.atom('decided:yes', t.decided[0]);
  const down = b.atom('decided:no', t.decided[1]);
  b.count('decided/yes', [[up, 1]], LOSS.minorCell, 'decided');
  b.count('decided/no', [[down, 1]], LOSS.minorCell, 'decided');
  b.row('decided', ['decided/yes', 'decided/no'], sumOf([up, down]));
  b.count('decided', sumOf([up, down]), LOSS.minorTotal);
  b.line('decided/yes', 'decided/no', 'decided');
  b.plainShare('decided/share', [[up, 1]], sumOf([up, down]), LOSS.minorShare);
  // Decided complaints are complaints: the difference is the complaints still open.
  b.structure.push({ terms: minus(sumOf([up, down]), sumOf(k[1]!)), op: '<=', rhs: 0, from: 'decided complaints are complaints' });
  b.derive('complaints/open', minus(sumOf(k[1]!), sumOf([up, down])));
  return b.build();
}

/** How many of the best ratings on a self-evaluation scale count together as the top ratings (Outstanding or Good). */
export const TOP_RATINGS = 2;
/** The top ratings of a scale of `length` ratings: never the whole scale. */
export const topRatings = (length: number) => Math.max(1, Math.min(TOP_RATINGS, length - 1));

/** The lowest band offered for a share of top self-ratings ("50% or more"); below it, "below 50%". */
export const SELF_EVALUATION_BAND_FLOOR = 50;

/** The id a self-evaluation year takes in figure ids: "2024/25" → "2024-25". */
export const yearKey = (year: string) => year.replace('/', '-');

/**
 * One standard's self-evaluation, years as rows: services giving each rating, those giving a
 * top rating, the services that rated themselves, and the share giving a top rating. Services
 * are organisations, not children, but the same rule protects them. A year's number of services
 * is hidden only when it is small: it is the same for every standard a service rates, so hiding
 * it in one table would protect nothing.
 */
export function designSelfEvaluation(t: SelfEvaluationTally, cfg: Partnership): Publication {
  const b = new Builder(cfg.disclosure.threshold);
  const scale = cfg.selfEvaluation.scale;
  const top = topRatings(scale.length);
  t.years.forEach((year, yi) => {
    const id = `self/${yearKey(year)}`;
    const x = scale.map((r, ri) => b.atom(`${id}:${r.id}`, t.counts[yi]![ri]!));
    const cells = scale.map((r) => `${id}/${r.id}`);
    scale.forEach((r, ri) => b.count(cells[ri]!, [[x[ri]!, 1]], LOSS.cell, id));
    const total = sumOf(x);
    const topTerms = sumOf(x.slice(0, top));
    b.row(id, cells, total, { id: `${id}/top-share`, part: cells.slice(0, top) });
    b.count(`${id}/top`, topTerms, LOSS.groupTotal);
    const n = b.count(id, total, LOSS.grandTotal);
    n.fixed = n.truth > b.threshold;
    b.line(...cells, id);
    b.line(...cells.slice(0, top), `${id}/top`);
    // Where the exact share would give a small count away, a band ("85% or more", "below 50%")
    // may still be safe: the standards index orders standards by it. Each step down the bands
    // loses as much as a small total, so hiding the top-ratings group and one wider band (the
    // usual fix when a few services gave a lower rating) is tried before a much wider band.
    const ladder = gradeShareLadder(b.truth(topTerms), b.truth(total), SELF_EVALUATION_BAND_FLOOR);
    b.share(`${id}/top-share`, topTerms, total, ladder, ladder.map((_, i) => (i === ladder.length - 2 ? 2 * LOSS.groupTotal : LOSS.minorCell)));
    b.derive(`${id}/rest`, sumOf(x.slice(top)));
  });
  return b.build();
}
