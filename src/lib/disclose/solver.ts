/**
 * The smallest and largest value a count can take, given everything a term publishes: two
 * mixed-integer programs (minimise, then maximise the count) solved by HiGHS, compiled to
 * WebAssembly (the `highs` package). This is what statistical agencies call a protection
 * interval (τ-ARGUS, sdcTable); the attacker holds the same constraints.
 */
import highsLoader from 'highs';
import type { Constraint, Terms } from './linear.ts';

/* The parts of the highs package used here (its own types describe the whole API). */
type Selection = { kind: 'range'; from: number; to: number };
interface HighsModel {
  options: { set(values: Record<string, unknown>): unknown };
  passModel(model: Record<string, unknown>): unknown;
  changeColsCost(sel: Selection, costs: Float64Array): unknown;
  changeObjectiveSense(sense: unknown): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  [Symbol.dispose]?: () => void;
}
interface Highs {
  createModel(): HighsModel;
  constants: { objectiveSense: { minimize: unknown; maximize: unknown }; modelStatus?: Record<string, number> };
}

let loading: Promise<Highs> | undefined;

/**
 * Loads HiGHS once per process. Imported statically: where Astro loads the configuration through
 * Vite (its fallback when Node cannot read the TypeScript itself, as before Node 22.18), Vite's
 * module runner is closed by the time a dynamic import would run.
 */
export function loadSolver(): Promise<Highs> {
  loading ??= (highsLoader as unknown as () => Promise<Highs>)();
  return loading;
}

export interface Range {
  min: number;
  /** Infinity when nothing published bounds the count from above. */
  max: number;
}

export class InfeasibleModelError extends Error {}

// HiGHS model status codes (HighsModelStatus): 7 optimal, 8 infeasible, 10 unbounded.
const OPTIMAL = 7;
const UNBOUNDED = 10;
const UNBOUNDED_OR_INFEASIBLE = 9;

/** A solver bound to one publication's atoms; its constraints are passed again only when they change. */
export class RangeFinder {
  solves = 0;
  private model: HighsModel;
  private current?: readonly Constraint[];
  private cost: Float64Array;

  private readonly highs: Highs;
  readonly atoms: number;

  constructor(highs: Highs, atoms: number) {
    this.highs = highs;
    this.atoms = atoms;
    this.model = highs.createModel();
    this.model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6 });
    this.cost = new Float64Array(Math.max(atoms, 1));
  }

  private fixed = new Map<number, number>();

  /**
   * Passes the constraints to HiGHS. A published cell ("x = 7", one atom) fixes its atom: it is
   * folded into the other constraints as a constant, so the program holds only the unknown
   * counts, which keeps each solve small.
   */
  private load(constraints: readonly Constraint[]) {
    if (this.current === constraints) return;
    const n = Math.max(this.atoms, 1);
    const fixed = new Map<number, number>();
    for (const c of constraints) if (c.op === '=' && c.terms.length === 1 && c.terms[0]![1] === 1) fixed.set(c.terms[0]![0], c.rhs);
    const colLower = new Float64Array(n);
    const colUpper = new Float64Array(n).fill(Infinity);
    for (const [a, v] of fixed) (colLower[a] = v), (colUpper[a] = v);
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    for (const c of constraints) {
      let rhs = c.rhs;
      let kept = 0;
      for (const [a, k] of c.terms) {
        const v = fixed.get(a);
        if (v === undefined) indices.push(a), values.push(k), kept++;
        else rhs -= k * v;
      }
      if (!kept) continue;
      starts.push(indices.length);
      lower.push(c.op === '<=' ? -Infinity : rhs);
      upper.push(c.op === '>=' ? Infinity : rhs);
    }
    const rows = lower.length;
    this.model.passModel({
      numCols: n,
      numRows: rows,
      colCost: new Float64Array(n),
      colLower,
      colUpper,
      rowLower: lower,
      rowUpper: upper,
      matrix: { format: 'csr', numRows: rows, numCols: n, starts, indices, values },
      integrality: new Int32Array(n).fill(1),
    });
    this.fixed = fixed;
    this.current = constraints;
  }

  private optimise(sense: 'min' | 'max', objective: Terms, constraints: readonly Constraint[]): number {
    this.load(constraints);
    this.cost.fill(0);
    let offset = 0;
    let free = 0;
    for (const [a, c] of objective) {
      const v = this.fixed.get(a);
      if (v === undefined) (this.cost[a] = (this.cost[a] ?? 0) + c), free++;
      else offset += c * v;
    }
    // Every count in the objective is published: its value is known, nothing to solve.
    if (!free) return offset;
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.cost.length - 1 }, this.cost);
    this.model.changeObjectiveSense(sense === 'min' ? this.highs.constants.objectiveSense.minimize : this.highs.constants.objectiveSense.maximize);
    this.model.run();
    this.solves++;
    const status = this.model.getModelStatus();
    if (status === OPTIMAL) return Math.round(this.model.getObjectiveValue() + offset);
    if (status === UNBOUNDED || status === UNBOUNDED_OR_INFEASIBLE) return sense === 'max' ? Infinity : -Infinity;
    // The true counts always satisfy every published figure, so the model can never be infeasible.
    throw new InfeasibleModelError(`The disclosure model could not be solved (HiGHS model status ${status}).`);
  }

  /** The smallest and largest value of an expression over every table consistent with the constraints. */
  range(objective: Terms, constraints: readonly Constraint[]): Range {
    return { min: this.optimise('min', objective, constraints), max: this.optimise('max', objective, constraints) };
  }

  max(objective: Terms, constraints: readonly Constraint[]): number {
    return this.optimise('max', objective, constraints);
  }

  min(objective: Terms, constraints: readonly Constraint[]): number {
    return this.optimise('min', objective, constraints);
  }
}
