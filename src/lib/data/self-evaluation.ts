/**
 * Services' self-evaluation, per standard: how many services gave themselves each rating, year
 * by year (the last three years, so a trend shows; Quality Standards 2008, para 10). Every figure
 * goes through the same disclosure control as the termly reports before anything publishes it.
 */
import type { Partnership } from '../schemas/partnership';
import type { SelfEvaluationRecord } from './columns';
import { discloseTable, type DisclosureRule, type Figure } from './disclosure';
import { loadData } from './load';

/** Years of self-evaluation shown for a trend. */
export const SELF_EVALUATION_YEARS = 3;
/** How many of the best ratings on the scale count together as the top ratings (Outstanding or Good). */
export const TOP_RATINGS = 2;

/** One year's published spread of ratings against one standard. */
export interface SelfEvaluationYear {
  /** "2024/25" */
  year: string;
  /** Services giving each rating, in scale order. */
  ratings: Figure[];
  /** Services giving one of the top ratings. */
  top: Figure;
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

/** Findings for every standard that services rated themselves against, by standard id. */
export function selfEvaluationFindings(records: readonly SelfEvaluationRecord[], cfg: Partnership): Map<string, SelfEvaluationFindings> {
  const scale = cfg.selfEvaluation.scale.map((r) => ({ id: r.id, name: r.name }));
  const rule: DisclosureRule = { threshold: cfg.disclosure.threshold, symbol: cfg.disclosure.symbol };
  const top = Math.min(TOP_RATINGS, scale.length - 1);
  const topNames = scale.slice(0, top).map((r) => r.name);
  const topLabel = topNames.length > 1 ? `${topNames.slice(0, -1).join(', ')} or ${topNames.at(-1)}` : topNames[0]!;
  const col = new Map(scale.map((r, i) => [r.id, i]));
  const counts = new Map<string, Map<string, number[]>>();
  for (const r of records) {
    const byYear = counts.get(r.standard) ?? new Map<string, number[]>();
    counts.set(r.standard, byYear);
    const row = byYear.get(r.year) ?? scale.map(() => 0);
    byYear.set(r.year, row);
    row[col.get(r.rating)!]! += 1;
  }
  const out = new Map<string, SelfEvaluationFindings>();
  for (const [standard, byYear] of counts) {
    const years = [...byYear.keys()].sort().slice(-SELF_EVALUATION_YEARS);
    const rows = years.map((y) => byYear.get(y)!);
    // One table per standard, years as rows: the years share the rating columns, so a figure
    // hidden in one year cannot be worked out from the others.
    const groups = [Array.from({ length: top }, (_, i) => i), Array.from({ length: scale.length - top }, (_, i) => top + i)];
    const t = discloseTable(rows, rule, { groups });
    out.set(standard, {
      standard,
      scale,
      topLabel,
      years: years.map((year, i) => ({ year, ratings: t.cells[i]!, top: t.groupTotals[i]![0]!, total: t.rowTotals[i]! })),
      rule,
    });
  }
  return out;
}

/** The published self-evaluation findings, from the snapshot built once per build. */
export async function publishedSelfEvaluation(root: string): Promise<Map<string, SelfEvaluationFindings>> {
  return (await loadData(root)).snapshot?.selfEvaluation ?? new Map();
}

/** Whether audits record findings against the standard (the termly reports publish those), so a page need not say none are collected. */
export async function auditedStandard(root: string, id: string): Promise<boolean> {
  return (await loadData(root)).snapshot?.reports[0]?.standards.some((s) => s.id === id) ?? false;
}

/** The finding in one plain sentence for families, from published figures only. */
export function selfEvaluationSentence(f: SelfEvaluationFindings): string {
  const last = f.years.at(-1)!;
  const first = f.years[0]!;
  const services = (n: Figure) => (n.kind === 'count' ? `${n.value} ${n.value === 1 ? 'service' : 'services'}` : 'a small number of services');
  const lead = `In ${last.year}, ${services(last.total)} rated ${last.total.kind === 'count' && last.total.value === 1 ? 'itself' : 'themselves'} against this standard`;
  if (last.top.kind !== 'count' || last.total.kind !== 'count') return `${lead}. Some ratings were given by so few services that we do not publish how many said ${f.topLabel}.`;
  let s = `${lead}, and ${last.top.value} of them said ${f.topLabel}.`;
  if (f.years.length > 1 && first.top.kind === 'count' && first.total.kind === 'count') {
    s += ` In ${first.year} it was ${first.top.value} of ${first.total.value}.`;
  }
  return s;
}
