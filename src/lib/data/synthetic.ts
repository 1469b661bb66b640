/**
 * Deterministic synthetic data for the fictional example partnership: realistic enough to
 * exercise every report section (grades improving over time, differences by locality and
 * audit type, some terms below target, some groups small enough to be suppressed), and
 * scalable to millions of rows for benchmarks. The same seed always gives the same files.
 */
import type { Partnership } from '../schemas/partnership.ts';
import { allTerms, type Term } from './terms.ts';

/** mulberry32: a small, fast, well-distributed seeded generator. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < items.length; i++) if ((x -= weights[i]!) < 0) return items[i]!;
  return items.at(-1)!;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date inside the term, on a weekday, never after `until`. */
function dateIn(rand: () => number, t: Term, until: string): string {
  const start = Date.parse(`${t.start}T00:00:00Z`);
  const end = Math.min(Date.parse(`${t.end}T00:00:00Z`), Date.parse(`${until}T00:00:00Z`));
  if (end < start) throw new RangeError(`the ${t.label.toLowerCase()} starts on ${t.start}, after the last date to use (${until})`);
  const days = (end - start) / 86400000 + 1;
  // Weekdays only, unless the days allowed are all at a weekend.
  const weekdays = Array.from({ length: Math.min(days, 7) }, (_, i) => new Date(start + i * 86400000).getUTCDay()).some((d) => d !== 0 && d !== 6);
  for (;;) {
    const d = new Date(start + Math.floor(rand() * days) * 86400000);
    if (!weekdays || (d.getUTCDay() !== 0 && d.getUTCDay() !== 6)) return d.toISOString().slice(0, 10);
  }
}

export interface SyntheticOptions {
  seed?: number;
  /** Terms to fill, by id; default every configured term that has ended by `until`. */
  terms?: string[];
  /** Audits per term on average (default 150). */
  auditsPerTerm?: number;
  /** Last date to use (default the last day of the last complete term). */
  until?: string;
}

// How each kind of audit and each locality tends to fare (added to the chance of Good or better).
const TYPE_EFFECT: Record<string, number> = {
  'ehc-needs-assessment': 0,
  'ehc-plan': 0.02,
  'annual-review': 0.05,
  'advice-educational-psychology': 0.06,
  'advice-health': -0.08,
  'advice-social-care': -0.12,
  'advice-education': -0.03,
  'panel-decision': 0.04,
  'child-case': -0.05,
};
const TYPE_WEIGHT: Record<string, number> = {
  'ehc-needs-assessment': 16, 'ehc-plan': 26, 'annual-review': 22, 'advice-educational-psychology': 9, 'advice-health': 9, 'advice-social-care': 6, 'advice-education': 8, 'panel-decision': 3, 'child-case': 1.2,
};
const LOCALITY_EFFECT: Record<string, number> = { north: 0.05, south: 0.01, east: -0.03, west: 0.02, central: 0, coast: -0.09 };
const LOCALITY_WEIGHT: Record<string, number> = { north: 20, south: 18, east: 17, west: 15, central: 22, coast: 8 };
const LEVEL_WEIGHT: Record<string, number> = { 'single-agency': 55, 'statutory-assessment-team': 30, 'multi-agency': 13, 'system-leader': 2 };
const ADVICE_LEVELS = { 'single-agency': 1 };
/**
 * The levels each kind of audit is done at, as the framework describes them
 * (content/framework/audit-levels.mdx): each agency audits its own advice (level 1); the statutory
 * assessment team audits assessments, plans, reviews and panel decisions (level 2); schools and
 * settings also audit the review paperwork they send (level 1); a multi-agency group audits plans as
 * a whole (level 3); partnership board members review a few children's plans and cases (level 4).
 * A kind of audit not listed here uses LEVEL_WEIGHT.
 */
const LEVELS_BY_TYPE: Record<string, Record<string, number>> = {
  'ehc-needs-assessment': { 'statutory-assessment-team': 1 },
  'ehc-plan': { 'statutory-assessment-team': 78, 'multi-agency': 19, 'system-leader': 3 },
  'annual-review': { 'statutory-assessment-team': 70, 'single-agency': 25, 'multi-agency': 3, 'system-leader': 2 },
  'advice-educational-psychology': ADVICE_LEVELS,
  'advice-health': ADVICE_LEVELS,
  'advice-social-care': ADVICE_LEVELS,
  'advice-education': ADVICE_LEVELS,
  'panel-decision': { 'statutory-assessment-team': 1 },
  'child-case': { 'multi-agency': 70, 'system-leader': 30 },
};

/** The weights of the configured levels for one kind of audit (LEVEL_WEIGHT if none of its levels is configured). */
function levelWeights(type: string, levels: string[]): number[] {
  const byType = LEVELS_BY_TYPE[type];
  const w = levels.map((l) => byType?.[l] ?? 0);
  return w.some((x) => x > 0) ? w : levels.map((l) => LEVEL_WEIGHT[l] ?? 10);
}

/**
 * No audits are done in August, when most schools and settings are closed (the framework's
 * timetable): an audit date in August moves back five weeks, to the same weekday in late June or
 * July. (Moving the date, rather than drawing another, keeps the rest of the seeded data the same.)
 */
export function auditDate(date: string): string {
  if (date.slice(5, 7) !== '08') return date;
  return new Date(Date.parse(`${date}T00:00:00Z`) - 35 * 86400000).toISOString().slice(0, 10);
}
const STANDARD_MISS: [string, number][] = [
  ['ehc-plan-2', 0.5], ['ehc-plan-3', 0.35], ['ehc-plan-1', 0.25], ['ehc-plan-5', 0.3], ['ehc-plan-4', 0.12],
];
const TIMELY_TYPES = new Set(['ehc-needs-assessment', 'ehc-plan', 'annual-review', 'advice-educational-psychology', 'advice-health', 'advice-social-care', 'advice-education']);

/** The standards services rate themselves against: the 16 SEN services standards and the 5 Quality Offer outcomes. */
export const SELF_EVALUATION_STANDARDS = [...Array.from({ length: 16 }, (_, i) => `sen-services-${i + 1}`), ...Array.from({ length: 5 }, (_, i) => `quality-offer-${i + 1}`)];
// Standards services find hardest to meet (subtracted from the chance of a good rating): hearing
// from families and acting on it, and telling families what changed.
const SELF_EVALUATION_HARD: Record<string, number> = { 'sen-services-6': 0.2, 'sen-services-10': 0.25, 'sen-services-3': 0.12, 'quality-offer-3': 0.15, 'sen-services-16': 0.1 };

export interface SyntheticFiles {
  audits: Map<string, string>;
  feedback: Map<string, string>;
  complaints: Map<string, string>;
  /** Self-evaluation CSV text per academic year, keyed by year slug ("2024-25"). */
  selfEvaluation: Map<string, string>;
}

/** CSV text per term, keyed by term id, for audits, family feedback and compliments and complaints. */
export function generateExampleData(cfg: Partnership, opts: SyntheticOptions = {}): SyntheticFiles {
  const rand = seeded(opts.seed ?? 2024);
  const all = allTerms(cfg);
  const until = opts.until ?? all.filter((t) => t.end < new Date().toISOString().slice(0, 10)).at(-1)?.end ?? all.at(-1)!.end;
  const terms = all.filter((t) => (opts.terms ? opts.terms.includes(t.id) : t.end <= until));
  const perTerm = opts.auditsPerTerm ?? 260;
  const types = cfg.auditTypes.map((t) => t.id);
  const localities = cfg.localities.map((l) => l.id);
  const levels = cfg.auditLevels.map((l) => l.id);
  const gob = cfg.grades.filter((g) => g.goodOrBetter).map((g) => g.id);
  const notGob = cfg.grades.filter((g) => !g.goodOrBetter).map((g) => g.id);
  const files: SyntheticFiles = { audits: new Map(), feedback: new Map(), complaints: new Map(), selfEvaluation: new Map() };
  let ref = 0;
  let fbRef = 0;
  let ccRef = 0;

  terms.forEach((term, i) => {
    // Improving over time, with a dip: the first terms and one later term fall below target.
    const base = 0.66 + (0.2 * i) / Math.max(1, terms.length - 1) - (i === 4 ? 0.12 : 0);
    const n = Math.round(perTerm * (0.85 + rand() * 0.3));
    const lines = ['audit_ref,completed_on,audit_type,level,locality,grade,timely,standards_not_met,moderated'];
    for (let k = 0; k < n; k++) {
      const type = pick(rand, types, types.map((t) => TYPE_WEIGHT[t] ?? 5));
      const locality = pick(rand, localities, localities.map((l) => LOCALITY_WEIGHT[l] ?? 10));
      const level = pick(rand, levels, levelWeights(type, levels));
      const p = Math.min(0.97, Math.max(0.2, base + (TYPE_EFFECT[type] ?? 0) + (LOCALITY_EFFECT[locality] ?? 0)));
      const good = rand() < p;
      const grade = good ? (rand() < 0.22 ? gob[0]! : gob.at(-1)!) : rand() < 0.8 || notGob.length === 1 ? notGob[0]! : notGob.at(-1)!;
      const timely = TIMELY_TYPES.has(type) ? (rand() < p + 0.05 ? 'yes' : 'no') : 'n/a';
      const missed = good && grade === gob[0] ? [] : STANDARD_MISS.filter(([, q]) => rand() < q * (good ? 0.4 : 1.3)).map(([id]) => id);
      const moderated = rand() < 0.22 ? 'yes' : 'no';
      lines.push([`NV-A-${term.yearSlug.slice(0, 4)}-${pad(++ref, 5)}`, auditDate(dateIn(rand, term, until)), type, level, locality, grade, timely, missed.join(';'), moderated].join(','));
    }
    files.audits.set(term.id, `${lines.join('\r\n')}\r\n`);

    const fbLines = ['feedback_ref,received_on,stage,rating,theme'];
    const fbN = Math.round(perTerm * 0.35 * (0.8 + rand() * 0.4));
    for (let k = 0; k < fbN; k++) {
      const rating = pick(rand, [1, 2, 3, 4, 5], [0.6 - base / 2, 1.2 - base, 1.5, 2 + base, 1.5 + base * 2]);
      const stage = pick(rand, ['sen-support', 'ehc-needs-assessment', 'ehc-plan', 'annual-review'], [3, 3, 4, 3]);
      const theme = pick(rand, cfg.feedbackThemes.map((t) => t.id), [5, 4, 3, 3, 4]);
      fbLines.push([`NV-F-${term.yearSlug.slice(0, 4)}-${pad(++fbRef, 5)}`, dateIn(rand, term, until), stage, rating, theme].join(','));
    }
    files.feedback.set(term.id, `${fbLines.join('\r\n')}\r\n`);

    const ccLines = ['ref,received_on,kind,theme,upheld'];
    const ccN = Math.round(perTerm * 0.2 * (0.8 + rand() * 0.4));
    for (let k = 0; k < ccN; k++) {
      const kind = rand() < 0.45 + base / 3 ? 'compliment' : 'complaint';
      const theme = pick(rand, cfg.complaintThemes.map((t) => t.id), kind === 'compliment' ? [6, 2, 3, 1, 0.5, 5] : [5, 6, 4, 2, 2, 1]);
      const upheld = kind === 'compliment' ? 'n/a' : rand() < 0.15 ? 'n/a' : rand() < 0.45 ? 'yes' : 'no';
      ccLines.push([`NV-C-${term.yearSlug.slice(0, 4)}-${pad(++ccRef, 5)}`, dateIn(rand, term, until), kind, theme, upheld].join(','));
    }
    files.complaints.set(term.id, `${ccLines.join('\r\n')}\r\n`);
  });
  files.selfEvaluation = generateSelfEvaluation(cfg, terms, opts.seed ?? 2024);
  return files;
}

/**
 * One self-evaluation file per academic year whose terms are all filled: every configured
 * service rates itself against every SEN services standard and Quality Offer outcome, a little
 * better each year. Its own random sequence, so the other files do not change with it.
 */
function generateSelfEvaluation(cfg: Partnership, terms: readonly Term[], seed: number): Map<string, string> {
  const rand = seeded(seed + 1);
  const out = new Map<string, string>();
  const scale = cfg.selfEvaluation.scale.map((r) => r.id);
  const services = cfg.selfEvaluation.services;
  if (!services.length) return out;
  const years = [...new Set(terms.map((t) => t.year))].filter((y) => terms.filter((t) => t.year === y).length === 3);
  years.forEach((year, i) => {
    const slug = year.replace('/', '-');
    const lines = ['service,year,standard,rating,evidence_ref'];
    let ref = 0;
    for (const service of services) {
      const strength = rand() * 0.3 - 0.1;
      for (const standard of SELF_EVALUATION_STANDARDS) {
        // A draw shifted up as the years go by and for stronger services, down for harder standards,
        // then cut into the scale: roughly a fifth Outstanding and a tenth Inadequate in the first year.
        const x = rand() + 0.07 * i + strength - (SELF_EVALUATION_HARD[standard] ?? 0);
        const cuts = [0.82, 0.3, 0.08];
        const step = Math.min(scale.length - 1, cuts.findIndex((c) => x > c) === -1 ? cuts.length : cuts.findIndex((c) => x > c));
        lines.push([service.id, year, standard, scale[step], `NV-SE-${slug.replace('-', '')}-${pad(++ref, 4)}`].join(','));
      }
    }
    out.set(slug, `${lines.join('\r\n')}\r\n`);
  });
  return out;
}

/** One large audit file of `rows` rows spread over the configured terms, for benchmarks. */
export function generateLargeAuditFile(cfg: Partnership, rows: number, seed = 7, until = '2026-08-31'): string {
  const all = allTerms(cfg).filter((t) => t.start <= until);
  const perTerm = Math.ceil(rows / all.length);
  const rand = seeded(seed);
  const types = cfg.auditTypes.map((t) => t.id);
  const localities = cfg.localities.map((l) => l.id);
  const levels = cfg.auditLevels.map((l) => l.id);
  const grades = cfg.grades.map((g) => g.id);
  const out: string[] = ['audit_ref,completed_on,audit_type,level,locality,grade,timely,standards_not_met,moderated'];
  let ref = 0;
  for (const term of all) {
    for (let k = 0; k < perTerm && ref < rows; k++) {
      const missed = STANDARD_MISS.filter(([, q]) => rand() < q / 2).map(([id]) => id);
      out.push(
        [`BM-${pad(++ref, 8)}`, dateIn(rand, term, until), pick(rand, types, types.map((t) => TYPE_WEIGHT[t] ?? 5)), pick(rand, levels, levels.map((l) => LEVEL_WEIGHT[l] ?? 10)), pick(rand, localities, localities.map((l) => LOCALITY_WEIGHT[l] ?? 10)), pick(rand, grades, [2, 6, 3, 1]), rand() < 0.8 ? 'yes' : 'no', missed.join(';'), rand() < 0.2 ? 'yes' : 'no'].join(','),
      );
    }
  }
  return `${out.join('\r\n')}\r\n`;
}
