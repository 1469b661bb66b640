/**
 * The attacker's view of a term, as linear algebra: every count a term publishes is a sum of
 * unknown whole numbers ("atoms", each 0 or more), and every published figure is a linear
 * constraint on them. A table cell is one atom; a total is the sum of its row; a percentage
 * is a pair of inequalities that its rounding allows; an average likewise.
 */

/** A linear expression over atoms: pairs of (atom index, coefficient). */
export type Terms = readonly (readonly [number, number])[];

export interface Constraint {
  terms: Terms;
  op: '=' | '>=' | '<=';
  rhs: number;
  /** Which published figure or structural fact this constraint comes from (for messages and tests). */
  from: string;
}

/** The sum of some atoms, each with coefficient 1. */
export const sumOf = (atoms: readonly number[]): Terms => atoms.map((a) => [a, 1] as const);

/** a·x + b·y as one expression (coefficients of the same atom added together). */
export function combine(...parts: { terms: Terms; k: number }[]): Terms {
  const m = new Map<number, number>();
  for (const { terms, k } of parts) for (const [a, c] of terms) m.set(a, (m.get(a) ?? 0) + c * k);
  return [...m].filter(([, c]) => c !== 0);
}

export const minus = (a: Terms, b: Terms): Terms => combine({ terms: a, k: 1 }, { terms: b, k: -1 });

/** The value of an expression at the true counts. */
export function evaluate(terms: Terms, truth: readonly number[]): number {
  let s = 0;
  for (const [a, c] of terms) s += c * truth[a]!;
  return s;
}

/** Whether the true counts satisfy a constraint: a published figure must always be true. */
export function holds(c: Constraint, truth: readonly number[]): boolean {
  const v = evaluate(c.terms, truth);
  return c.op === '=' ? v === c.rhs : c.op === '>=' ? v >= c.rhs : v <= c.rhs;
}

/**
 * A percentage p published for part/whole, rounded as roundPercent() rounds (half up, never
 * rounded to 0 or 100 unless exact), as the integer constraints an attacker can write down.
 * Both part and whole may be unknown: the constraints stay linear because p is a constant.
 */
export function percentConstraints(part: Terms, whole: Terms, p: number, from: string): Constraint[] {
  const k = (a: Terms, x: number, b: Terms, y: number) => combine({ terms: a, k: x }, { terms: b, k: y });
  if (p === 0) return [{ terms: part, op: '=', rhs: 0, from }];
  if (p === 100) return [{ terms: minus(part, whole), op: '=', rhs: 0, from }];
  const out: Constraint[] = [];
  // 100·part/whole < p + 0.5  ⇔  200·part − (2p+1)·whole ≤ −1 (whole numbers). 99% also covers
  // 99.5% up to (not including) 100%, which is never rounded up: there the bound is part < whole.
  if (p === 99) out.push({ terms: minus(part, whole), op: '<=', rhs: -1, from });
  else out.push({ terms: k(part, 200, whole, -(2 * p + 1)), op: '<=', rhs: -1, from });
  // 100·part/whole ≥ p − 0.5; 1% also covers anything above 0 and below 0.5%.
  if (p === 1) out.push({ terms: part, op: '>=', rhs: 1, from });
  else out.push({ terms: k(part, 200, whole, -(2 * p - 1)), op: '>=', rhs: 0, from });
  return out;
}

/** "At least b%": 100·part − b·whole ≥ 0. */
export const atLeastConstraint = (part: Terms, whole: Terms, b: number, from: string): Constraint => ({
  terms: combine({ terms: part, k: 100 }, { terms: whole, k: -b }),
  op: '>=',
  rhs: 0,
  from,
});

/** "Below b%": 100·part − b·whole ≤ −1 (whole numbers). */
export const belowConstraint = (part: Terms, whole: Terms, b: number, from: string): Constraint => ({
  terms: combine({ terms: part, k: 100 }, { terms: whole, k: -b }),
  op: '<=',
  rhs: -1,
  from,
});

/**
 * An average published to one decimal place, tenths = round(10 · sum / count): the constraints
 * (2·tenths − 1)·count ≤ 20·sum ≤ (2·tenths + 1)·count − 1.
 */
export function averageConstraints(sum: Terms, count: Terms, tenths: number, from: string): Constraint[] {
  return [
    { terms: combine({ terms: sum, k: 20 }, { terms: count, k: -(2 * tenths - 1) }), op: '>=', rhs: 0, from },
    { terms: combine({ terms: sum, k: 20 }, { terms: count, k: -(2 * tenths + 1) }), op: '<=', rhs: -1, from },
  ];
}
