/**
 * Services' self-evaluation, per standard: how many services gave themselves each rating, year
 * by year (the last three years, so a trend shows; Quality Standards 2008, para 10). The counts
 * are tallied (src/lib/tally/self-evaluation.ts), designed as one publication per standard
 * (designSelfEvaluation) and protected and audited by the solver inside buildSnapshot, like
 * the termly reports; this file describes what that step publishes.
 */
import type { Partnership } from '../schemas/partnership.ts';
import type { DisclosureRule, Figure, Percent } from './disclosure.ts';
import { figureOf, percentOf } from './report.ts';
import { topRatings, yearKey } from '../disclose/design.ts';
import type { Publication } from '../disclose/publication.ts';
import type { SelfEvaluationTally } from '../tally/self-evaluation.ts';

export { SELF_EVALUATION_YEARS } from '../tally/self-evaluation.ts';
export { TOP_RATINGS } from '../disclose/design.ts';

/** One year's published spread of ratings against one standard. */
export interface SelfEvaluationYear {
  /** "2024/25" */
  year: string;
  /** Services giving each rating, in scale order. */
  ratings: Figure[];
  /** Services giving one of the top ratings. */
  top: Figure;
  /** The share of services giving one of the top ratings. */
  topShare: Percent;
  /** Services that rated themselves against the standard that year. */
  total: Figure;
}

/** The published self-evaluation findings for one standard. */
export interface SelfEvaluationFindings {
  standard: string;
  /** The rating scale, best first. */
  scale: { id: string; name: string }[];
  /** "Outstanding or Good": the top ratings in words. */
  topLabel: string;
  /** Oldest first, at most SELF_EVALUATION_YEARS. */
  years: SelfEvaluationYear[];
  rule: DisclosureRule;
}

/** The top ratings of the partnership's scale, in words: "Outstanding or Good". */
export function topLabelOf(cfg: Partnership): string {
  const names = cfg.selfEvaluation.scale.slice(0, topRatings(cfg.selfEvaluation.scale.length)).map((r) => r.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]!;
}

/** What one standard's protected publication shows, as pages read it. */
export function describeSelfEvaluation(t: SelfEvaluationTally, pub: Publication, cfg: Partnership): SelfEvaluationFindings {
  const scale = cfg.selfEvaluation.scale.map((r) => ({ id: r.id, name: r.name }));
  return {
    standard: t.standard,
    scale,
    topLabel: topLabelOf(cfg),
    years: t.years.map((year) => {
      const id = `self/${yearKey(year)}`;
      return { year, ratings: scale.map((r) => figureOf(pub, `${id}/${r.id}`)), top: figureOf(pub, `${id}/top`), topShare: percentOf(pub, `${id}/top-share`), total: figureOf(pub, id) };
    }),
    rule: { threshold: cfg.disclosure.threshold, symbol: cfg.disclosure.symbol },
  };
}

/** The finding in one plain sentence for families, from published figures only. */
export function selfEvaluationSentence(f: SelfEvaluationFindings): string {
  const last = f.years.at(-1)!;
  const first = f.years[0]!;
  const services = (n: Figure) => (n.kind === 'count' ? `${n.value} ${n.value === 1 ? 'service' : 'services'}` : 'a small number of services');
  const lead = `In ${last.year}, ${services(last.total)} rated ${last.total.kind === 'count' && last.total.value === 1 ? 'itself' : 'themselves'} against this standard`;
  if (last.total.kind === 'count' && last.topShare.kind === 'band') return `${lead}, and ${last.topShare.text} of them said ${f.topLabel}. We give a range, not the exact number, to protect privacy.`;
  if (last.top.kind !== 'count' || last.total.kind !== 'count') return `${lead}. Some ratings were given by so few services that we do not publish how many said ${f.topLabel}.`;
  let s = `${lead}, and ${last.top.value} of them said ${f.topLabel}.`;
  if (f.years.length > 1 && first.top.kind === 'count' && first.total.kind === 'count') {
    s += ` In ${first.year} it was ${first.top.value} of ${first.total.value}.`;
  }
  return s;
}
