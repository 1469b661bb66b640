/**
 * What each standard's page says was found against it, from the snapshot of published figures
 * only (every figure here has already been through disclosure control):
 * - a practice standard (EHC plans): the share of audits that found it not met, term by term,
 *   for the last three years (TREND_TERMS terms), each term from its own report;
 * - a service standard or Quality Offer outcome: services' yearly self-ratings
 *   (src/lib/data/self-evaluation.ts).
 * And the order of the "least often met" view of the standards index.
 */
import { formatFigure, type DisclosureRule, type Figure, type Percent } from './disclosure.ts';
import { TREND_TERMS, type TermReport } from './report.ts';
import type { SelfEvaluationFindings } from './self-evaluation.ts';
import type { Term } from './terms.ts';

/** One term's published finding against a practice standard. */
export interface PracticeTerm {
  term: Term;
  /** The term's number of audits. */
  audits: Figure;
  /** Audits that found the standard not met. */
  count: Figure;
  /** The share of the term's audits that found it not met. */
  percent: Percent;
}

/** The published findings against one practice standard, oldest term first. */
export interface PracticeFindings {
  standard: string;
  /** At most TREND_TERMS terms (three years), oldest first; the last is the latest report. */
  terms: PracticeTerm[];
  rule: DisclosureRule;
}

/** A practice standard's findings from every report that checks it, or undefined when no report does. */
export function practiceFindings(reports: readonly TermReport[], id: string): PracticeFindings | undefined {
  const terms = [...reports]
    .sort((a, b) => b.term.start.localeCompare(a.term.start))
    .flatMap((r) => {
      const s = r.standards.find((x) => x.id === id);
      return s ? [{ term: r.term, audits: r.audits, count: s.count, percent: s.percent }] : [];
    })
    .slice(0, TREND_TERMS)
    .reverse();
  return terms.length ? { standard: id, terms, rule: reports[0]!.rule } : undefined;
}

/** "the summer term 2025/26" */
const termWords = (t: Term) => `the ${t.label.charAt(0).toLowerCase()}${t.label.slice(1)}`;

/** The finding in plain words for families, from published figures only: a hidden figure is never described. */
export function practiceSentence(f: PracticeFindings): string {
  const last = f.terms.at(-1)!;
  const when = `In ${termWords(last.term)}`;
  let s: string;
  if (last.count.kind === 'count' && last.count.value === 0) s = `${when}, every audit found this standard was met.`;
  else if (last.percent.kind === 'percent' && last.count.kind === 'count' && last.audits.kind === 'count') {
    s = `${when}, ${last.count.value} of ${last.audits.value} audits found this standard was not met (${last.percent.value}%).`;
  } else return `${when}, we do not publish how many audits found this standard was not met, to protect children's privacy.`;
  const first = f.terms[0]!;
  if (f.terms.length < 2 || first.percent.kind !== 'percent' || last.percent.kind !== 'percent') return s;
  const a = first.percent.value;
  const b = last.percent.value;
  const change = b < a ? 'That is better than' : b > a ? 'That is worse than' : 'That is the same as';
  return `${s} ${change} in ${termWords(first.term)}, when it was ${a}%.`;
}

/** How a standard's findings place it in the "least often met" order. */
export type LeastMetKind = 'not-met' | 'top-ratings' | 'hidden' | 'none';

export interface LeastMetEntry {
  id: string;
  kind: LeastMetKind;
  /**
   * The share it is ordered by: the share of audits that found it not met, or of services that
   * gave it a top rating. For a share published as a range ("85% or more"), the lowest value
   * the range allows.
   */
  percent?: number;
  /** The share as published: "21%", "85% or more". */
  text?: string;
  /** Where the share comes from: a term label ("Summer term 2025/26") or a year ("2025/26"). */
  when?: string;
}

/**
 * The standards of one set, least often met first:
 * 1. practice standards by the latest report's share of audits that found them not met, highest first;
 * 2. then standards services rate themselves against, by the latest year's share of services
 *    that gave a top rating, lowest first (a share published as a range, such as "85% or more",
 *    at the lowest value it allows, after an exact share of that value);
 * 3. then standards whose latest figure is not published (hidden to protect privacy);
 * 4. then standards with no findings collected.
 * Ties, and standards in groups 3 and 4, keep their order in the set (by number).
 */
export function leastMetOrder(standards: readonly { id: string; number: number }[], reports: readonly TermReport[], self: ReadonlyMap<string, SelfEvaluationFindings>): LeastMetEntry[] {
  const rank: Record<LeastMetKind, number> = { 'not-met': 0, 'top-ratings': 1, hidden: 2, none: 3 };
  const entries = [...standards]
    .sort((a, b) => a.number - b.number)
    .map((st): LeastMetEntry => {
      const p = practiceFindings(reports, st.id);
      if (p) {
        const last = p.terms.at(-1)!;
        return last.percent.kind === 'percent' ? { id: st.id, kind: 'not-met', percent: last.percent.value, text: `${last.percent.value}%`, when: last.term.label } : { id: st.id, kind: 'hidden', when: last.term.label };
      }
      const y = self.get(st.id)?.years.at(-1);
      if (y) {
        const p = y.topShare;
        if (p.kind === 'percent') return { id: st.id, kind: 'top-ratings', percent: p.value, text: `${p.value}%`, when: y.year };
        if (p.kind === 'band') return { id: st.id, kind: 'top-ratings', percent: p.from, text: p.text, when: y.year };
        return { id: st.id, kind: 'hidden', when: y.year };
      }
      return { id: st.id, kind: 'none' };
    });
  // Array.prototype.sort is stable: equal entries keep their order by number.
  const isRange = (e: LeastMetEntry) => (e.text === `${e.percent}%` ? 0 : 1);
  return entries.sort(
    (a, b) => rank[a.kind] - rank[b.kind] || (a.kind === 'not-met' ? b.percent! - a.percent! : a.kind === 'top-ratings' ? a.percent! - b.percent! || isRange(a) - isRange(b) : 0),
  );
}

/** The chart's one-sentence summary: how the share moved over the terms shown. */
export function practiceTrendSummary(f: PracticeFindings): string {
  const first = f.terms[0]!;
  const last = f.terms.at(-1)!;
  if (f.terms.length < 2) return `${last.term.label} is the first term with data: ${formatFigure(last.percent, f.rule)} of audits found this standard not met.`;
  return `Over the last ${f.terms.length} terms, the share of audits that found this standard not met went from ${formatFigure(first.percent, f.rule)} in the ${first.term.label.toLowerCase()} to ${formatFigure(last.percent, f.rule)} in the ${last.term.label.toLowerCase()}.`;
}

/** The self-evaluation chart's one-sentence summary. */
export function selfEvaluationTrendSummary(f: SelfEvaluationFindings): string {
  const first = f.years[0]!;
  const last = f.years.at(-1)!;
  if (f.years.length < 2) return `In ${last.year}, ${formatFigure(last.topShare, f.rule)} of services rated themselves ${f.topLabel} against this standard.`;
  return `The share of services rating themselves ${f.topLabel} went from ${formatFigure(first.topShare, f.rule)} in ${first.year} to ${formatFigure(last.topShare, f.rule)} in ${last.year}.`;
}
