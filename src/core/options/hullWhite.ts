/**
 * Employee stock options on a Cox-Ross-Rubinstein binomial tree, after Hull and White ("How to Value
 * Employee Stock Options", Financial Analysts Journal 60(1), 2004) in the form of Benninga
 * (Financial Modelling, 3rd ed., MIT Press 2008, section 17.8, the VBA function ESO).
 *
 * The tree: N steps (see {@link hullWhiteSteps}), dt = T/N, u = e^{sigma sqrt dt}, d = 1/u,
 * p = (e^{(r-q)dt} - d)/(u - d), one-step discount e^{-r dt}. Backward induction from the payoff
 * max(S - K, 0) at maturity; at a node of time t = i dt before it, with continuation
 * C = e^{-r dt} (p V_up + (1 - p) V_down) and exit probability e dt per step (e = exit rate a year):
 *
 *   unvested (t <= vesting; a node exactly on the vesting date is unvested):  V = (1 - e dt) C
 *       (an employee who leaves forfeits the option);
 *   vested, S >= M K (M = exercise multiple):                                 V = S - K
 *       (everyone exercises; checked before the exit);
 *   vested otherwise:                                                          V = (1 - e dt) C + e dt max(S - K, 0)
 *       (one who leaves exercises if in the money).
 *
 * These conventions reproduce Benninga's table to its four decimals (e dt, not 1 - e^{-e dt}: that
 * gives 13.5779 for his 13.5753; counting the vesting node as vested gives 13.5844).
 * Vesting 0 means vested at grant: the root is vested too (the rule "t <= vesting" is for a vesting
 * date after the grant).
 *
 * Arithmetic: the lattice runs on W = V / S, the value per dollar of the node's stock price, so
 * that no stock price is ever formed: W_maturity = max(1 - K/S, 0),
 * W = e^{-r dt} (p u W_up + (1 - p) d W_down), exercise gives 1 - K/S, and the root's value is
 * S0 W. K/S at a node is exp(ln(K/S0) - k sigma sqrt dt) for the node's net up-moves k: one
 * exponential per price level of the tree (2N + 1 per lattice), never one per node. W stays below
 * e^{|q| T}, so a tree whose top prices would overflow a double (sigma 5 over 100 years: e^5000)
 * still values; K/S past 1.8e308 is Infinity, where the option is worth nothing and 1 - K/S < 0
 * says so. The exercise boundary is a whole number of net up-moves, found once per lattice; a node
 * within 1e-9 (relative, in log terms) of S = M K counts as reaching it.
 *
 * Work: N(N+1)/2 node updates at most, fewer in practice: nodes below the lowest one that can be
 * worth anything are skipped (everything below it is out of the money and 0), and a node at the
 * bottom whose W falls below 1e-300 is set to 0 (subnormal doubles cost ~100x to multiply; at most
 * N^2 such nodes, each carried to the root with a weight below e^{|q| T}, change the value by less
 * than 1e-240 S). About 1 ms for 1,000 steps on a 2020s server core.
 *
 * Memory: three module-level Float64Array rows (values, N + 2; 1 - K/S for even and for odd k,
 * N + 1 each), grown when a longer tree is asked for and then reused: after the first valuation of
 * a given size, a valuation allocates nothing.
 */
import { raise } from "../errors";

/** The most steps a tree may have: 20,000 steps (2 x 10^8 node updates) take 0.3-0.4 s, so no cell can hang the workbook. */
export const HULL_WHITE_MAX_STEPS = 20_000;

/** The longest term HULL_WHITE_VALUE takes, in years. */
export const HULL_WHITE_MAX_TERM_YEARS = 100;

/** The highest volatility HULL_WHITE_VALUE takes, as a decimal (5 = 500% a year). */
export const HULL_WHITE_MAX_VOLATILITY = 5;

/** The lattice's assumptions about the holders (the market and the option's terms aside). */
export interface HullWhiteAssumptions {
  /** Years from the valuation date until the option vests (default 0: vested). */
  vestingYears?: number;
  /** Employees leaving a year, as a decimal: 0.1 = 10% (default 0). */
  exitRate?: number;
  /** Vested options are exercised once S >= exerciseMultiple x K (default: never early). */
  exerciseMultiple?: number;
  /** Tree steps a year (default 100). */
  stepsPerYear?: number;
}

/**
 * The number of steps of a tree for `termYears` at `stepsPerYear`: termYears x stepsPerYear rounded
 * to the nearest whole number, halves up, and at least 1. A product within 1e-9 (relative) below a
 * half counts as the half, so that decimal inputs round as written: 1.0025 x 200 is 200.49999999999997
 * in binary and gives 201 steps, as 200.5 does.
 * @example hullWhiteSteps(10, 100) === 1000; hullWhiteSteps(0.25, 2) === 1; hullWhiteSteps(0.001, 100) === 1
 */
export function hullWhiteSteps(termYears: number, stepsPerYear: number): number {
  const product = termYears * stepsPerYear;
  return Math.max(1, Math.floor(product + 0.5 + 1e-9 * Math.max(1, product)));
}

/**
 * The last level i (time i dt) of an N-step tree over `termYears` that is unvested: the largest i with
 * i dt <= vestingYears (a node exactly on the vesting date is unvested; within 1e-9 relative counts
 * as exactly), or -1 when vestingYears is 0 (vested at grant).
 */
function lastUnvestedLevel(vestingYears: number, termYears: number, steps: number): number {
  if (!(vestingYears > 0)) return -1;
  const x = (vestingYears / termYears) * steps;
  return Math.min(steps, Math.floor(x + 1e-9 * Math.max(1, x)));
}

/** Below this a node's value per dollar of stock is taken as 0 (see {@link hullWhiteLattice}). */
const TINY = 1e-300;

/** The first node j in 0..last + 1 of a level whose k = k0 + 2j is >= kFrom. */
function firstNode(kFrom: number, k0: number, last: number): number {
  const j = Math.ceil((kFrom - k0) / 2);
  return j < 0 ? 0 : j > last + 1 ? last + 1 : j;
}

/**
 * Reused rows: values by node (length N + 2), and 1 - K/S by the net up-moves k - N of a node,
 * k = 0..2N, split by parity (a level's nodes share k's parity): evens[k >> 1] for even k,
 * odds[k >> 1] for odd k, so that a level reads them in order, one after the other.
 */
let values = new Float64Array(0);
let evens = new Float64Array(0);
let odds = new Float64Array(0);

function rowsFor(steps: number): void {
  if (values.length < steps + 2) {
    values = new Float64Array(steps + 2);
    evens = new Float64Array(steps + 1);
    odds = new Float64Array(steps + 1);
  }
}

/**
 * The tree's up probability p = (e^{(r-q)dt} - d)/(u - d) for a step of `stepYears`: a number in
 * [0, 1] when the tree is fine enough (|r - q| sqrt(dt) <= sigma, about), outside it otherwise.
 */
export function hullWhiteUpProbability(stepYears: number, volatility: number, riskFreeRate: number, dividendYield: number): number {
  const a = volatility * Math.sqrt(stepYears);
  const u = Math.exp(a);
  const d = Math.exp(-a);
  return (Math.exp((riskFreeRate - dividendYield) * stepYears) - d) / (u - d);
}

/**
 * The lattice itself, without checks: value per option on a tree of exactly `steps` steps.
 * Inputs must be finite (exerciseMultiple may be Infinity: never early), spot, strike, termYears and
 * volatility > 0, steps a whole number >= 1, 0 <= vestingYears <= termYears, exitRate x dt in [0, 1],
 * and the up probability in [0, 1] (see {@link hullWhiteUpProbability}).
 * @example hullWhiteLattice(50, 50, 10, 0.35, 0.05, 0.025, 3, 0.1, 3, 1000) ≈ 13.5753 (Benninga)
 */
export function hullWhiteLattice(
  spot: number,
  strike: number,
  termYears: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield: number,
  vestingYears: number,
  exitRate: number,
  exerciseMultiple: number,
  steps: number,
): number {
  const n = steps;
  rowsFor(n);
  const w = values;
  const even = evens;
  const odd = odds;
  const dt = termYears / n;
  const a = volatility * Math.sqrt(dt);
  const u = Math.exp(a);
  const d = Math.exp(-a);
  const p = (Math.exp((riskFreeRate - dividendYield) * dt) - d) / (u - d);
  const discount = Math.exp(-riskFreeRate * dt);
  // W = e^{-r dt} (p u W_up + (1 - p) d W_down)
  const up = discount * p * u;
  const down = discount * (1 - p) * d;
  const leave = exitRate * dt;
  const stay = 1 - leave;

  // 1 - K/S at net up-moves k - n, k = 0..2n (the node (i, j) with j up-moves has k = n - i + 2j),
  // K/S = exp(ln(K/S0) - (k - n) a); in the money from k = itmFrom on (K/S falls as k grows)
  const lnRatio = Math.log(strike) - Math.log(spot);
  let itmFrom = 2 * n + 1;
  for (let k = 2 * n; k >= 0; k--) {
    const intrinsic = 1 - Math.exp(lnRatio - (k - n) * a);
    if (k & 1) odd[k >> 1] = intrinsic;
    else even[k >> 1] = intrinsic;
    if (intrinsic > 0) itmFrom = k;
  }
  // exercised once S >= M K: net up-moves k - n >= ln(M K / S0) / a, less a tolerance for ties
  let exerciseFrom = Infinity;
  if (exerciseMultiple < Infinity) {
    const x = (Math.log(exerciseMultiple) + lnRatio) / a;
    exerciseFrom = n + Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
  }
  const lastUnvested = lastUnvestedLevel(vestingYears, termYears, n);

  // maturity: node j has k = 2j. Below `lo` every node is out of the money and worth 0; the
  // induction skips them, and drops to 0 a node at the bottom that falls below TINY (see above).
  for (let j = 0; j <= n; j++) {
    const payoff = even[j];
    w[j] = payoff > 0 ? payoff : 0;
  }
  let lo = firstNode(itmFrom, 0, n);
  for (let i = n - 1; i >= 0; i--) {
    const k0 = n - i; // k of node j = 0 at this level: node j's 1 - K/S is intrinsic[base + j]
    const intrinsic = k0 & 1 ? odd : even;
    const base = k0 >> 1;
    const jItm = firstNode(itmFrom, k0, i);
    const start = Math.min(lo > 0 ? lo - 1 : 0, jItm);
    if (i <= lastUnvested) {
      // unvested: one who leaves forfeits
      for (let j = start; j <= i; j++) w[j] = stay * (up * w[j + 1] + down * w[j]);
    } else {
      const jExercise = exerciseFrom === Infinity ? i + 1 : firstNode(exerciseFrom, k0, i);
      const otmEnd = jItm < jExercise ? jItm : jExercise;
      for (let j = start; j < otmEnd; j++) w[j] = stay * (up * w[j + 1] + down * w[j]);
      // in the money, not exercised: one who leaves exercises
      for (let j = jItm; j < jExercise; j++) w[j] = stay * (up * w[j + 1] + down * w[j]) + leave * intrinsic[base + j];
      // exercised: S >= M K >= K, so 1 - K/S >= 0 (but a node taken as a tie may be a hair below M K = K)
      for (let j = jExercise; j <= i; j++) {
        const x = intrinsic[base + j];
        w[j] = x > 0 ? x : 0;
      }
    }
    lo = start;
    while (lo < jItm && w[lo] < TINY) w[lo++] = 0;
  }
  return spot * w[0];
}

/** The argument names HULL_WHITE_VALUE's help gives. */
const ARG = {
  spot: "spot",
  strike: "strike",
  termYears: "term_years",
  volatility: "volatility",
  riskFreeRate: "risk_free_rate",
  dividendYield: "dividend_yield",
  vestingYears: "vesting_years",
  exitRate: "exit_rate",
  exerciseMultiple: "exercise_multiple",
  stepsPerYear: "steps_per_year",
} as const;

/**
 * Checks the assumptions alone (they do not depend on the market or the option): vesting_years >= 0,
 * exit_rate in [0, 1] (a fraction of employees leaving a year), exercise_multiple >= 1 when given
 * (Infinity: never early), steps_per_year a whole number >= 1. Throws a keyed `#NUM!` naming the
 * argument.
 */
export function checkHullWhiteAssumptions(assumptions: HullWhiteAssumptions): void {
  const { vestingYears = 0, exitRate = 0, exerciseMultiple, stepsPerYear = 100 } = assumptions;
  if (!(vestingYears >= 0) || !Number.isFinite(vestingYears)) raise("atLeast", ARG.vestingYears, { value: vestingYears, min: 0 });
  if (!(exitRate >= 0 && exitRate <= 1)) raise("between", ARG.exitRate, { value: exitRate, min: 0, max: 1 });
  if (exerciseMultiple != null && !(exerciseMultiple >= 1)) raise("atLeast", ARG.exerciseMultiple, { value: exerciseMultiple, min: 1 });
  if (!Number.isInteger(stepsPerYear)) raise("notWholeNumber", ARG.stepsPerYear, { value: stepsPerYear });
  if (stepsPerYear < 1) raise("atLeast", ARG.stepsPerYear, { value: stepsPerYear, min: 1 });
}

/**
 * Checks the market for the lattice: spot > 0, volatility in (0, 5], risk_free_rate and
 * dividend_yield in [-1, 1] (decimals: 1 = 100% a year).
 */
export function checkHullWhiteMarket(spot: number, volatility: number, riskFreeRate: number, dividendYield: number): void {
  if (!(spot > 0) || !Number.isFinite(spot)) raise("greaterThan", ARG.spot, { value: spot, min: 0 });
  if (!(volatility > 0 && volatility <= HULL_WHITE_MAX_VOLATILITY)) {
    raise("greaterThanAtMost", ARG.volatility, { value: volatility, min: 0, max: HULL_WHITE_MAX_VOLATILITY });
  }
  if (!(Math.abs(riskFreeRate) <= 1)) raise("between", ARG.riskFreeRate, { value: riskFreeRate, min: -1, max: 1 });
  if (!(Math.abs(dividendYield) <= 1)) raise("between", ARG.dividendYield, { value: dividendYield, min: -1, max: 1 });
}

/**
 * Checks one tree: exit_rate x dt <= 1 (a probability a step) and the up probability in [0, 1].
 * `termYears` is the tree's term, `steps` its step count.
 */
export function checkHullWhiteTree(
  termYears: number,
  steps: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield: number,
  exitRate: number,
  stepsPerYear: number,
): void {
  const dt = termYears / steps;
  if (exitRate * dt > 1) raise("hullWhiteExitPerStep", ARG.exitRate, { value: exitRate, stepYears: dt, stepsPerYear });
  const p = hullWhiteUpProbability(dt, volatility, riskFreeRate, dividendYield);
  if (!(p >= 0 && p <= 1)) {
    raise("hullWhiteTooFewSteps", ARG.stepsPerYear, { value: stepsPerYear, probability: p, volatility, riskFreeRate, dividendYield });
  }
}

/**
 * Value per option of an employee call option on a Cox-Ross-Rubinstein tree with `stepsPerYear`
 * steps a year (Hull-White 2004; Benninga, Financial Modelling 3rd ed., s. 17.8): before vesting an
 * employee who leaves (probability exitRate x dt a step) forfeits; after vesting one who leaves
 * exercises if in the money, and everyone exercises once spot >= exerciseMultiple x strike
 * (undefined: never early). A node exactly on the vesting date is unvested; vestingYears 0 is vested
 * at grant. Steps: {@link hullWhiteSteps}.
 *
 * Arguments (rates, volatility and yield as decimals): spot, strike > 0; 0 < term_years <= 100;
 * 0 < volatility <= 5; risk_free_rate, dividend_yield in [-1, 1]; 0 <= vesting_years <= term_years;
 * 0 <= exit_rate <= 1 and exit_rate x dt <= 1; exercise_multiple >= 1; steps_per_year a whole
 * number >= 1 with term_years x steps_per_year <= 20,000 steps; and the tree's up probability in
 * [0, 1] (else too few steps for this rate and volatility).
 * @example hullWhiteValue(50, 50, 10, 0.35, 0.05, 0.025, 3, 0.1, 3, 100) ≈ 13.5753 (Benninga)
 * @throws CalcError `#NUM!` naming the argument at fault
 */
export function hullWhiteValue(
  spot: number,
  strike: number,
  termYears: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield = 0,
  vestingYears = 0,
  exitRate = 0,
  exerciseMultiple?: number,
  stepsPerYear = 100,
): number {
  // in the order of the arguments: the first bad one is named
  if (!(spot > 0) || !Number.isFinite(spot)) raise("greaterThan", ARG.spot, { value: spot, min: 0 });
  if (!(strike > 0) || !Number.isFinite(strike)) raise("greaterThan", ARG.strike, { value: strike, min: 0 });
  if (!(termYears > 0 && termYears <= HULL_WHITE_MAX_TERM_YEARS)) {
    raise("greaterThanAtMost", ARG.termYears, { value: termYears, min: 0, max: HULL_WHITE_MAX_TERM_YEARS, unit: "years" });
  }
  checkHullWhiteMarket(spot, volatility, riskFreeRate, dividendYield);
  checkHullWhiteAssumptions({ vestingYears, exitRate, exerciseMultiple, stepsPerYear });
  if (vestingYears > termYears) raise("hullWhiteVestingAfterTerm", ARG.vestingYears, { value: vestingYears, termYears });
  const steps = hullWhiteSteps(termYears, stepsPerYear);
  if (steps > HULL_WHITE_MAX_STEPS) {
    raise("hullWhiteTooManySteps", ARG.stepsPerYear, { value: stepsPerYear, termYears, steps, max: HULL_WHITE_MAX_STEPS });
  }
  checkHullWhiteTree(termYears, steps, volatility, riskFreeRate, dividendYield, exitRate, stepsPerYear);
  const value = hullWhiteLattice(spot, strike, termYears, volatility, riskFreeRate, dividendYield, vestingYears, exitRate, exerciseMultiple ?? Infinity, steps);
  if (!Number.isFinite(value)) raise("valueOverflows", undefined, { spot, strike, termYears });
  return value;
}
