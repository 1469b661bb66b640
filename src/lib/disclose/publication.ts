/**
 * Disclosure control proven with a solver: everything one term publishes, as figures over a
 * shared set of unknown counts, and the loop that publishes less until no hidden count can be
 * worked out or narrowed.
 *
 * The rule (the methodology page says it in plain English):
 * - every hidden count can still take at least `threshold` different values, given every
 *   figure the term publishes (tables, totals, shares with their rounding, bands, averages,
 *   zeros, and "c is at least 1");
 * - no count that is never published but can be derived (open complaints, the audits in a
 *   group below Good) is pinned to fewer than `threshold` values when it is from 1 to the
 *   threshold;
 * - no row lets a reader conclude that every child in a group with a hidden count got the
 *   same grade.
 * Hiding a figure only ever removes or loosens a constraint, so the set of tables consistent
 * with the publication only grows: a count protected once stays protected.
 */
import { roundPercent } from '../data/disclosure.ts';
import { atLeastConstraint, averageConstraints, belowConstraint, evaluate, holds, minus, percentConstraints, type Constraint, type Terms } from './linear.ts';
import { RangeFinder } from './solver.ts';

export interface CountFigure {
  kind: 'count';
  id: string;
  terms: Terms;
  truth: number;
  hidden: boolean;
  reason?: 'small' | 'secondary';
  /** Information lost by hiding it: figures that lose least are hidden first. */
  loss: number;
  /** The breakdown row it is a cell of. When every cell of a row is hidden, a hidden cell may be 0. */
  row?: string;
  /** Never hidden by secondary suppression (a term's number of audits: hidden only when small). */
  fixed?: boolean;
}

/** What is published of a share, most informative first. */
export type ShareView = { kind: 'exact' } | { kind: 'at-least'; percent: number } | { kind: 'below'; percent: number } | { kind: 'hidden' };

export interface ShareFigure {
  kind: 'share';
  id: string;
  part: Terms;
  whole: Terms;
  truthPart: number;
  truthWhole: number;
  /** The views that may be published, most informative first, ending with hidden. */
  ladder: ShareView[];
  step: number;
  /** Loss of moving from ladder[i] to ladder[i + 1]. */
  losses: number[];
  /** The target a Good-or-better share is compared with, where it has one. */
  target?: number;
}

export interface AverageFigure {
  kind: 'average';
  id: string;
  sum: Terms;
  count: Terms;
  truthSum: number;
  truthCount: number;
  hidden: boolean;
  loss: number;
}

export type PubFigure = CountFigure | ShareFigure | AverageFigure;

export interface BreakdownRow {
  id: string;
  /** Ids of the count figures that are its cells. */
  cells: string[];
  /** The row's total, as atoms. */
  total: Terms;
  /** The row's share and the cells that make its part (an exact 0% or 100% says which cells are 0). */
  share?: { id: string; part: string[] };
}

/** A count never published but derivable from what is (e.g. complaints not yet decided). */
export interface Derived {
  id: string;
  terms: Terms;
  truth: number;
}

export interface Publication {
  atoms: { name: string; truth: number }[];
  figures: Map<string, PubFigure>;
  /** Facts an attacker knows without any figure: tables share totals, decided complaints are complaints. */
  structure: Constraint[];
  derived: Derived[];
  rows: Map<string, BreakdownRow>;
  /** Figures that add up: each list's last figure is the sum of the others (rows and columns of tables). */
  lines: string[][];
  threshold: number;
}

export const shareView = (f: ShareFigure): ShareView => f.ladder[f.step]!;

/**
 * The breakdown rows in which a hidden cell may be 0: those where every number is c or 0 (the
 * methodology page says so). Zeros are hidden only in such rows, to stop a reader learning that
 * a whole group is in one cell.
 */
function allHiddenRows(pub: Publication): Set<string> {
  const out = new Set<string>();
  for (const row of pub.rows.values()) {
    const cells = row.cells.map((id) => pub.figures.get(id) as CountFigure);
    if (cells.some((c) => c.hidden) && cells.every((c) => c.hidden || c.truth === 0)) out.add(row.id);
  }
  return out;
}

/** Every constraint the publication gives an attacker. */
export function constraintsOf(pub: Publication): Constraint[] {
  const out = [...pub.structure];
  const zeroable = allHiddenRows(pub);
  for (const f of pub.figures.values()) {
    if (f.kind === 'count') {
      if (!f.hidden) out.push({ terms: f.terms, op: '=', rhs: f.truth, from: f.id });
      else out.push({ terms: f.terms, op: '>=', rhs: f.row && zeroable.has(f.row) ? 0 : 1, from: f.id });
    } else if (f.kind === 'share') {
      const v = shareView(f);
      // The methodology page says no share is published for a group of `threshold` or fewer:
      // every published share (exact or a band) tells the attacker its group is larger.
      if (v.kind !== 'hidden') out.push({ terms: f.whole, op: '>=', rhs: pub.threshold + 1, from: `${f.id} (a published share's group is larger than ${pub.threshold})` });
      if (v.kind === 'exact' && f.target !== undefined && roundPercent(f.truthPart, f.truthWhole) === f.target) {
        // A share rounded to the target is published with whether it really met it (79.6% did not).
        out.push(100 * f.truthPart >= f.target * f.truthWhole ? atLeastConstraint(f.part, f.whole, f.target, f.id) : belowConstraint(f.part, f.whole, f.target, f.id));
      }
      if (v.kind === 'exact') out.push(...percentConstraints(f.part, f.whole, roundPercent(f.truthPart, f.truthWhole), f.id));
      else if (v.kind === 'at-least') out.push(atLeastConstraint(f.part, f.whole, v.percent, f.id));
      else if (v.kind === 'below') out.push(belowConstraint(f.part, f.whole, v.percent, f.id));
    } else if (!f.hidden) {
      out.push({ terms: f.count, op: '>=', rhs: pub.threshold + 1, from: `${f.id} (an average is published only for more than ${pub.threshold})` });
      out.push(...averageConstraints(f.sum, f.count, Math.round((10 * f.truthSum) / f.truthCount), f.id));
    }
  }
  return out;
}

/** One thing the rule protects, and what the solver found. */
export interface Finding {
  id: string;
  kind: 'hidden count' | 'derived count' | 'same grade';
  /** Smallest and largest value consistent with the publication (for "same grade": the most of the row outside that cell). */
  min: number;
  max: number;
  ok: boolean;
}

type Check = { id: string; kind: Finding['kind']; run: (finder: RangeFinder, cs: Constraint[]) => Finding };

const values = (min: number, max: number) => max - min + 1;

/** The checks the rule makes on the publication as it stands. */
function checksOf(pub: Publication, full = true): Check[] {
  const thr = pub.threshold;
  const checks: Check[] = [];
  const zeroable = allHiddenRows(pub);
  const rangeCheck = (id: string, kind: Finding['kind'], terms: Terms, truth: number): Check => ({
    id,
    kind,
    run: (finder, cs) => {
      // While publishing less, a count whose largest value is far enough above its true value
      // passes without its smallest (the smallest is at most the true value). The audit solves both.
      const max = finder.max(terms, cs);
      if (!full && values(truth, max) >= thr) return { id, kind, min: -Infinity, max, ok: true };
      const min = finder.min(terms, cs);
      return { id, kind, min, max, ok: values(min, max) >= thr };
    },
  });
  // A hidden zero is hidden only so that a group's one non-zero cell is not given away: the
  // "same grade" check below protects it; a range of values is needed for the counts of 1 or more.
  for (const f of pub.figures.values()) if (f.kind === 'count' && f.hidden && f.truth >= 1) checks.push(rangeCheck(f.id, 'hidden count', f.terms, f.truth));
  for (const d of pub.derived) if (d.truth >= 1 && d.truth <= thr) checks.push(rangeCheck(d.id, 'derived count', d.terms, d.truth));
  // A cell whose column total is a published 0 is known to be 0 for everyone: a row then "all
  // in one cell" says nothing about its group that the zero did not already say of the whole.
  const zeroTotals = new Set(pub.lines.filter((l) => {
    const total = pub.figures.get(l.at(-1)!) as CountFigure;
    return !total.hidden && total.truth === 0;
  }).flatMap((l) => l.slice(0, -1)));
  for (const row of pub.rows.values()) {
    if (evaluate(row.total, pub.atoms.map((a) => a.truth)) < 1) continue;
    const cells = row.cells.map((id) => pub.figures.get(id) as CountFigure);
    for (const cell of cells) {
      const id = cell.id;
      if (!cell.hidden) continue;
      // Another cell of the row known to be at least 1 (shown above 0, or a c that cannot be 0)
      // already says the group is not all in this cell: no solver needed.
      if (cells.some((o) => o !== cell && (o.hidden ? !zeroable.has(row.id) : o.truth > 0))) continue;
      if (cells.every((o) => o === cell || zeroTotals.has(o.id))) continue;
      const rest = minus(row.total, cell.terms);
      checks.push({
        id: `${id} (whole row)`,
        kind: 'same grade',
        run: (finder, cs) => {
          const max = finder.max(rest, cs);
          return { id: `${id} (whole row)`, kind: 'same grade', min: 0, max, ok: max >= 1 };
        },
      });
    }
  }
  return checks;
}

/** Checks the whole publication: the proof that nothing can be worked back. */
export function audit(pub: Publication, finder: RangeFinder): Finding[] {
  const cs = constraintsOf(pub);
  const truth = pub.atoms.map((a) => a.truth);
  const broken = cs.find((c) => !holds(c, truth));
  if (broken) throw new Error(`The published figure ${broken.from} is not true of the data: the disclosure model is wrong.`);
  return checksOf(pub, true).map((c) => c.run(finder, cs));
}

// ---------------------------------------------------------------------------------------------
// Publishing less: moves, and the loop that applies them.

type Move = { kind: 'hide'; id: string } | { kind: 'share'; id: string; to: number } | { kind: 'hide-row'; id: string };

function moveLoss(pub: Publication, m: Move): number {
  if (m.kind === 'hide-row') {
    const row = pub.rows.get(m.id)!;
    return 0.5 + row.cells.reduce((a, id) => {
      const f = pub.figures.get(id) as CountFigure;
      return a + (f.hidden ? 0 : f.truth === 0 ? 0.25 : f.loss);
    }, 0);
  }
  const f = pub.figures.get(m.id)!;
  if (f.kind === 'share') return f.losses.slice(f.step, (m as { to: number }).to).reduce((a, b) => a + b, 0);
  return f.loss + (f.kind === 'count' ? f.truth / 1000 : 0);
}

function atomsOfMove(pub: Publication, m: Move): number[] {
  if (m.kind === 'hide-row') return pub.rows.get(m.id)!.cells.flatMap((id) => (pub.figures.get(id) as CountFigure).terms.map(([a]) => a));
  const f = pub.figures.get(m.id)!;
  const t = f.kind === 'count' ? f.terms : f.kind === 'share' ? [...f.part, ...f.whole] : [...f.sum, ...f.count];
  return t.map(([a]) => a);
}

function possibleMoves(pub: Publication): Move[] {
  const out: Move[] = [];
  for (const f of pub.figures.values()) {
    if (f.kind === 'count' && !f.hidden && !f.fixed && f.truth >= 1) out.push({ kind: 'hide', id: f.id });
    else if (f.kind === 'share') for (let to = f.step + 1; to < f.ladder.length; to++) out.push({ kind: 'share', id: f.id, to });
    else if (f.kind === 'average' && !f.hidden) out.push({ kind: 'hide', id: f.id });
  }
  for (const row of pub.rows.values()) if (row.cells.some((id) => !(pub.figures.get(id) as CountFigure).hidden)) out.push({ kind: 'hide-row', id: row.id });
  return out;
}

/** Applies a move; returns a function that undoes it. */
function apply(pub: Publication, m: Move): () => void {
  if (m.kind === 'hide-row') {
    const cells = pub.rows.get(m.id)!.cells.map((id) => pub.figures.get(id) as CountFigure);
    const before = cells.map((c) => [c.hidden, c.reason] as const);
    for (const c of cells) if (!c.hidden) (c.hidden = true), (c.reason = 'secondary');
    return () => cells.forEach((c, i) => ((c.hidden = before[i]![0]), (c.reason = before[i]![1])));
  }
  const f = pub.figures.get(m.id)!;
  if (f.kind === 'share') {
    const was = f.step;
    f.step = (m as { to: number }).to;
    return () => void (f.step = was);
  }
  f.hidden = true;
  if (f.kind === 'count') f.reason = 'secondary';
  return () => {
    f.hidden = false;
    if (f.kind === 'count') f.reason = undefined;
  };
}

/** How far (in hops through shared atoms) each atom is from the given ones. */
function distances(pub: Publication, start: readonly number[], links: number[][]): Map<number, number> {
  const dist = new Map<number, number>(start.map((a) => [a, 0]));
  let frontier = [...new Set(start)];
  for (let hop = 1; hop <= 3 && frontier.length; hop++) {
    const next: number[] = [];
    for (const a of frontier) for (const b of links[a] ?? []) if (!dist.has(b)) (dist.set(b, hop), next.push(b));
    frontier = next;
  }
  return dist;
}

export interface ProtectResult {
  findings: Finding[];
  /** Figures hidden or shares widened beyond primary suppression and the line rule. */
  moves: number;
  solves: number;
}

/**
 * A row whose only non-zero counts are hidden would tell everyone that the whole group is in
 * those cells: hide its zeros too (the page then says that a c in such a row can be 0).
 */
/** Cells whose 0 is already published elsewhere: a column total of 0, or an exact 0% or 100% share. */
function knownZeros(pub: Publication): Set<string> {
  const known = new Set(pub.lines.filter((l) => {
    const total = pub.figures.get(l.at(-1)!) as CountFigure;
    return !total.hidden && total.truth === 0;
  }).flatMap((l) => l.slice(0, -1)));
  for (const row of pub.rows.values()) {
    const share = row.share && (pub.figures.get(row.share.id) as ShareFigure | undefined);
    if (share && shareView(share).kind === 'exact' && share.truthWhole > 0) {
      if (share.truthPart === share.truthWhole) row.cells.filter((id) => !row.share!.part.includes(id)).forEach((id) => known.add(id));
      if (share.truthPart === 0) row.share!.part.forEach((id) => known.add(id));
    }
  }
  return known;
}

/**
 * Shows every hidden 0 that is published elsewhere anyway: hiding it protects nothing, and a c
 * anyone can work out to be 0 would say more than a c should.
 */
export function showKnownZeros(pub: Publication): void {
  for (const id of knownZeros(pub)) {
    const f = pub.figures.get(id) as CountFigure | undefined;
    if (f && f.hidden && f.truth === 0) (f.hidden = false), (f.reason = undefined);
  }
}

export function hideZeroRows(pub: Publication): boolean {
  let changed = false;
  // A zero already published elsewhere gains nothing from being hidden.
  const known = knownZeros(pub);
  for (const row of pub.rows.values()) {
    const cells = row.cells.map((id) => pub.figures.get(id) as CountFigure);
    const nonZero = cells.filter((c) => c.truth > 0);
    if (!nonZero.length || !nonZero.every((c) => c.hidden)) continue;
    for (const c of cells) if (!c.hidden && !known.has(c.id)) (c.hidden = true), (c.reason = 'secondary'), (changed = true);
  }
  return changed;
}

/**
 * The line rule of classic secondary suppression, as a cheap first pass: no line of figures
 * that add up may have exactly one hidden entry. In such a line the entry that loses least
 * (a detail cell before a total, a smaller count before a larger) is hidden too. The solver
 * then finds what the rule cannot see: rounding, bands, averages, nested and linked tables.
 */
export function applyLineRule(pub: Publication): number {
  let hidden = 0;
  for (let changed = true; changed; ) {
    changed = hideZeroRows(pub);
    for (const line of pub.lines) {
      const figs = line.map((id) => pub.figures.get(id) as CountFigure);
      if (figs.filter((f) => f.hidden).length !== 1) continue;
      const pick = figs
        .filter((f) => !f.hidden && !f.fixed && f.truth > 0)
        .sort((a, b) => a.loss - b.loss || a.truth - b.truth || a.id.localeCompare(b.id))[0];
      if (!pick) continue; // the others are all 0: the hidden one is 0 too, nothing to protect
      pick.hidden = true;
      pick.reason = 'secondary';
      hidden++;
      changed = true;
    }
  }
  return hidden;
}

/**
 * Publishes less until the rule holds. First the line rule; then, for each check that fails,
 * the moves near it are tried in order of least information lost (a band widened before a share
 * is hidden, a detail cell before a total) and the first that helps is kept; where no single
 * move helps (a count pinned by its row and its column at once), pairs of the cheapest moves
 * are tried. Figures hidden on the way are checked in turn. Returns the final audit, which
 * solves every check in full.
 */
export function protect(pub: Publication, finder: RangeFinder): ProtectResult {
  let moves = applyLineRule(pub);
  // Atoms linked by a figure or a structural fact: moves near a failing count come first.
  const links: number[][] = pub.atoms.map(() => []);
  const link = (atoms: number[]) => {
    const uniq = [...new Set(atoms)];
    if (uniq.length > 60) return; // grand totals link everything and say nothing about nearness
    for (const a of uniq) for (const b of uniq) if (a !== b) links[a]!.push(b);
  };
  for (const c of pub.structure) link(c.terms.map(([a]) => a));
  for (const f of pub.figures.values()) link(atomsOfMove(pub, { kind: 'hide', id: f.id }));

  const done = new Set<string>();
  for (let guard = 0; guard < 10_000; guard++) {
    const pending = checksOf(pub, false).filter((c) => !done.has(c.id));
    if (!pending.length) break;
    const check = pending[0]!;
    let finding = check.run(finder, constraintsOf(pub));
    while (!finding.ok) {
      const near = distances(pub, atomsOfCheck(pub, check.id), links);
      const candidates = possibleMoves(pub)
        .map((m) => {
          const hops = Math.min(...atomsOfMove(pub, m).map((a) => near.get(a) ?? Infinity));
          return { m, score: moveLoss(pub, m) + 2 * hops };
        })
        .filter((c) => Number.isFinite(c.score))
        .sort((a, b) => a.score - b.score)
        .map((c) => c.m);
      // A move is tried with what the line rule then needs (hiding a total hides a second
      // entry of its line), and undone as a whole if it does not widen the failing range.
      const tryMoves = (ms: Move[]) => {
        const saved = saveState(pub);
        ms.forEach((m) => apply(pub, m));
        const extra = applyLineRule(pub);
        const after = check.run(finder, constraintsOf(pub));
        if (better(after, finding)) {
          finding = after;
          moves += ms.length + extra;
          return true;
        }
        restoreState(pub, saved);
        return false;
      };
      let helped = candidates.some((m) => tryMoves([m]));
      if (!helped) {
        const top = candidates.slice(0, 8);
        outer: for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) if (tryMoves([top[i]!, top[j]!])) {
          helped = true;
          break outer;
        }
      }
      if (!helped) {
        // Last resort: hide candidates one after another, cheapest first, until the range widens.
        const saved = saveState(pub);
        for (const m of candidates) {
          apply(pub, m);
          moves += 1 + applyLineRule(pub);
          const after = check.run(finder, constraintsOf(pub));
          if (better(after, finding)) {
            finding = after;
            helped = true;
            break;
          }
        }
        if (!helped) {
          restoreState(pub, saved);
          // A larger count that the published figures already pin exactly (all of a term's audits
          // in one locality, say) protects nothing by being hidden: show it. Showing a figure whose
          // value is already forced adds no constraint, so no other check changes.
          const f = pub.figures.get(check.id);
          if (check.kind === 'hidden count' && f?.kind === 'count' && f.truth > pub.threshold && finding.min === finding.max) {
            f.hidden = false;
            f.reason = undefined;
            break;
          }
          throw new Error(`Disclosure control could not protect ${check.id}: no figure near it can be hidden to protect it.`);
        }
      }
      hideZeroRows(pub);
    }
    done.add(check.id);
  }
  showKnownZeros(pub);
  const loopSolves = finder.solves;
  const findings = audit(pub, finder);
  if (process.env.SQ_DISCLOSE_DEBUG) console.log(`protect: ${loopSolves} solves while publishing less, ${finder.solves - loopSolves} in the audit`);
  return { findings, moves, solves: finder.solves };
}

type SavedState = Map<string, [boolean, CountFigure['reason'], number]>;

function saveState(pub: Publication): SavedState {
  const out: SavedState = new Map();
  for (const f of pub.figures.values()) out.set(f.id, [f.kind === 'share' ? false : f.hidden, f.kind === 'count' ? f.reason : undefined, f.kind === 'share' ? f.step : 0]);
  return out;
}

function restoreState(pub: Publication, saved: SavedState) {
  for (const f of pub.figures.values()) {
    const [hidden, reason, step] = saved.get(f.id)!;
    if (f.kind === 'share') f.step = step;
    else f.hidden = hidden;
    if (f.kind === 'count') f.reason = reason;
  }
}

function better(after: Finding, before: Finding): boolean {
  if (after.kind === 'same grade') return after.max > before.max;
  return after.max - after.min > before.max - before.min;
}

function atomsOfCheck(pub: Publication, id: string): number[] {
  const base = id.replace(/ \(whole row\)$/, '');
  const f = pub.figures.get(base);
  if (f) {
    if (f.kind === 'count' && f.row && id !== base) return pub.rows.get(f.row)!.total.map(([a]) => a);
    return atomsOfMove(pub, { kind: 'hide', id: base });
  }
  const d = pub.derived.find((x) => x.id === id);
  return d ? d.terms.map(([a]) => a) : [];
}
