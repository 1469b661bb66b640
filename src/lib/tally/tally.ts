/**
 * Tally: counts each term's checked records into the tables its report answers from. Nothing
 * here is published; every count goes on to disclosure control (src/lib/disclose/).
 */
import type { Partnership } from '../schemas/partnership.ts';
import type { AuditRecord, ComplaintRecord, FeedbackRecord } from '../data/columns.ts';
import { allTerms, termOf, type Term } from '../data/terms.ts';

/** The dimensions audits are broken down by, in report order. */
export const DIMENSIONS = [
  { id: 'by-type', key: 'audit_type', config: 'auditTypes', title: 'Grades by type of audit', heading: 'Type of audit', what: 'type of audit' },
  { id: 'by-locality', key: 'locality', config: 'localities', title: 'Grades by locality', heading: 'Locality', what: 'locality' },
  { id: 'by-level', key: 'level', config: 'auditLevels', title: 'Grades by level of audit', heading: 'Level', what: 'level of audit' },
] as const;
export type DimensionId = (typeof DIMENSIONS)[number]['id'];

export const RATINGS = [1, 2, 3, 4, 5] as const;

export interface TermTally {
  term: Term;
  /** [dimension][row][grade]: audits by type, locality and level, and grade. */
  grades: number[][][];
  /** [type][met, not met]: audits where a statutory timescale applies, by type of audit. */
  timely: [number, number][];
  /** [moderated, not moderated]. */
  moderated: [number, number];
  /** Audits that found each practice standard not met (every standard in `standards`, 0 included). */
  notMet: number[];
  /** [1 … 5]: family feedback responses by rating. */
  ratings: number[];
  /** Responses by feedback theme. */
  feedbackThemes: number[];
  /** [compliment, complaint][theme]. */
  complaints: number[][];
  /** Decided complaints: [upheld, not upheld]. */
  decided: [number, number];
}

export interface TallyInput {
  cfg: Partnership;
  audits: readonly AuditRecord[];
  feedback: readonly FeedbackRecord[];
  complaints: readonly ComplaintRecord[];
  /** Practice standard ids audits are checked against, in report order. */
  standards: readonly string[];
}

function byTerm<T>(terms: readonly Term[], items: readonly T[], date: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const t = termOf(terms, date(it));
    if (!t) continue;
    let list = out.get(t.id);
    if (!list) out.set(t.id, (list = []));
    list.push(it);
  }
  return out;
}

const index = (ids: readonly { id: string }[]) => new Map(ids.map((o, i) => [o.id, i]));

/** One tally per term that has audits, oldest first. */
export function tallyTerms({ cfg, audits, feedback, complaints, standards }: TallyInput): TermTally[] {
  const terms = allTerms(cfg);
  const auditsBy = byTerm(terms, audits, (a) => a.completed_on);
  const feedbackBy = byTerm(terms, feedback, (f) => f.received_on);
  const complaintsBy = byTerm(terms, complaints, (c) => c.received_on);
  const grade = index(cfg.grades);
  const dims = DIMENSIONS.map((d) => ({ key: d.key, at: index(cfg[d.config]), size: cfg[d.config].length }));
  const type = index(cfg.auditTypes);
  const standard = new Map(standards.map((s, i) => [s, i]));
  const fbTheme = index(cfg.feedbackThemes);
  const ccTheme = index(cfg.complaintThemes);

  const out: TermTally[] = [];
  for (const term of terms) {
    const list = auditsBy.get(term.id);
    if (!list?.length) continue;
    const t: TermTally = {
      term,
      grades: dims.map((d) => Array.from({ length: d.size }, () => cfg.grades.map(() => 0))),
      timely: cfg.auditTypes.map(() => [0, 0]),
      moderated: [0, 0],
      notMet: standards.map(() => 0),
      ratings: RATINGS.map(() => 0),
      feedbackThemes: cfg.feedbackThemes.map(() => 0),
      complaints: [cfg.complaintThemes.map(() => 0), cfg.complaintThemes.map(() => 0)],
      decided: [0, 0],
    };
    // Indexed loops, as in every per-row loop: a short run never gets the engine's fast code,
    // and there a for…of loop costs an iterator step per item.
    for (let ai = 0; ai < list.length; ai++) {
      const a = list[ai]!;
      const g = grade.get(a.grade)!;
      for (let d = 0; d < dims.length; d++) t.grades[d]![dims[d]!.at.get(a[dims[d]!.key])!]![g]!++;
      if (a.timely !== 'n/a') t.timely[type.get(a.audit_type)!]![a.timely === 'yes' ? 0 : 1]++;
      t.moderated[a.moderated === 'yes' ? 0 : 1]++;
      const notMet = a.standards_not_met;
      for (let k = 0; k < notMet.length; k++) {
        const i = standard.get(notMet[k]!);
        if (i !== undefined) t.notMet[i]!++;
      }
    }
    for (const f of feedbackBy.get(term.id) ?? []) {
      t.ratings[f.rating - 1]!++;
      t.feedbackThemes[fbTheme.get(f.theme)!]!++;
    }
    for (const c of complaintsBy.get(term.id) ?? []) {
      t.complaints[c.kind === 'compliment' ? 0 : 1]![ccTheme.get(c.theme)!]!++;
      if (c.kind === 'complaint' && c.upheld !== 'n/a') t.decided[c.upheld === 'yes' ? 0 : 1]++;
    }
    out.push(t);
  }
  return out;
}
