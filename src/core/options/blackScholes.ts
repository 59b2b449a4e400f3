/**
 * Black-Scholes-Merton value of a European option on a stock with a continuous dividend yield.
 *
 * Terms (strike, term) and market (spot, volatility, rate, yield) are plain float64 numbers. The
 * kernel is {@link blackScholesBatch}, a loop over columns that allocates nothing; a single valuation
 * ({@link blackScholesUnchecked}) is a batch of one.
 *
 *   call = S e^{-qT} N(d1) - K e^{-rT} N(d2),  put = K e^{-rT} N(-d2) - S e^{-qT} N(-d1),
 *   d1 = [ln(S/K) + (r - q + sigma^2/2) T] / (sigma sqrt T),  d2 = d1 - sigma sqrt T.
 *
 * T = 0 gives the intrinsic value; sigma = 0 gives the discounted intrinsic value of the forward.
 */
import { raise } from "../errors";
import { ERF_SMALL_LIMIT, erfSmall, erfcxPositive } from "./erfcx";

/** "call" or "put". */
export type OptionType = "call" | "put";

/** Inputs of one valuation; rates and volatility as decimals (0.3 = 30%), term in years. */
export interface BlackScholesInputs {
  spot: number;
  strike: number;
  termYears: number;
  volatility: number;
  riskFreeRate: number;
  dividendYield?: number;
  optionType?: OptionType;
}

/**
 * The argument names {@link checkBlackScholesInputs} uses in its messages, for a caller whose own
 * function names them otherwise (VALUE_FOR_VALUE_RATIO's `old_strike`, `new_term_years`, ...).
 */
export interface BlackScholesArgNames {
  spot?: string;
  strike?: string;
  termYears?: string;
  volatility?: string;
  riskFreeRate?: string;
  dividendYield?: string;
}

/**
 * Checks Black-Scholes inputs and throws `#NUM!` naming the first bad argument (as `names` calls
 * it; by default spot, strike, term_years, volatility, risk_free_rate, dividend_yield).
 * Spot and strike must be > 0; term and volatility >= 0; rates finite and not absurd (|r| <= 10).
 */
/** The longest term accepted, in years: more than any two Excel dates are apart. */
export const MAX_TERM_YEARS = 10000;

export function checkBlackScholesInputs(
  spot: number,
  strike: number,
  termYears: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield: number,
  names: BlackScholesArgNames = {},
): void {
  if (!(spot > 0) || !Number.isFinite(spot)) raise("greaterThan", names.spot ?? "spot", { value: spot, min: 0 });
  if (!(strike > 0) || !Number.isFinite(strike)) raise("greaterThan", names.strike ?? "strike", { value: strike, min: 0 });
  // any span of Excel dates (1900-01-01 to 9999-12-31 is 8,105.4 years) must be valued, as the offer's
  // valuation values it: a "never expires" 12/31/9999 in a ledger is a real export value
  if (!(termYears >= 0) || !(termYears <= MAX_TERM_YEARS)) {
    raise("between", names.termYears ?? "term_years", { value: termYears, min: 0, max: MAX_TERM_YEARS });
  }
  if (!(volatility >= 0) || !(volatility <= 100)) {
    raise("between", names.volatility ?? "volatility", { value: volatility, min: 0, max: 100 });
  }
  if (!(Math.abs(riskFreeRate) <= 10)) {
    raise("between", names.riskFreeRate ?? "risk_free_rate", { value: riskFreeRate, min: -10, max: 10 });
  }
  if (!(Math.abs(dividendYield) <= 10)) {
    raise("between", names.dividendYield ?? "dividend_yield", { value: dividendYield, min: -10, max: 10 });
  }
}

/** Parses "call"/"put" (case-insensitive, blank = call). */
export function parseOptionType(value: string | null | undefined, argument = "option_type"): OptionType {
  if (value === null || value === undefined || value.trim() === "") return "call";
  const v = value.trim().toLowerCase();
  if (v === "call" || v === "c") return "call";
  if (v === "put" || v === "p") return "put";
  return raise("notEither", argument, { value, choices: ["call", "put"] });
}

/**
 * Black-Scholes-Merton value per share, with checked inputs.
 * @example blackScholes({ spot: 42, strike: 40, termYears: 0.5, volatility: 0.2, riskFreeRate: 0.1 }) ≈ 4.7594 (Hull)
 * @throws CalcError `#NUM!` for out-of-domain inputs, naming the argument
 */
export function blackScholes(inputs: BlackScholesInputs): number {
  const q = inputs.dividendYield ?? 0;
  checkBlackScholesInputs(inputs.spot, inputs.strike, inputs.termYears, inputs.volatility, inputs.riskFreeRate, q);
  const value = blackScholesUnchecked(
    inputs.spot,
    inputs.strike,
    inputs.termYears,
    inputs.volatility,
    inputs.riskFreeRate,
    q,
    (inputs.optionType ?? "call") === "call",
  );
  if (!Number.isFinite(value)) {
    raise("valueOverflows", undefined, { spot: inputs.spot, strike: inputs.strike, termYears: inputs.termYears });
  }
  return value;
}

/** Columns of a batch valuation: one entry per option, all the same length. */
export interface BlackScholesBatch {
  spot: Float64Array;
  strike: Float64Array;
  termYears: Float64Array;
  volatility: Float64Array;
  riskFreeRate: Float64Array;
  dividendYield: Float64Array;
}

/**
 * The pricing kernel: values options `from`..`to` - 1 of `batch` into `out` (no allocation, no
 * checks: inputs must be finite, spot/strike > 0, term/volatility >= 0). `isCall` false for puts.
 * `from` and `to` select a slice, so several threads can share one set of (shared) arrays.
 *
 * With e = +d for a call and -d for a put, value = ±(S e^{-qT} N(e1) - K e^{-rT} N(e2)). Each N(e)
 * is written c + w e^{-e^2/2}: near 0, c = N(e) (Cody's erf) and w = 0; in the tails, c is 0 or 1
 * and w = ∓erfcx(|e|/sqrt 2)/2. Since S e^{-qT} e^{-d1^2/2} = K e^{-rT} e^{-d2^2/2} =: G, the tails
 * of both terms share one exponential:
 *
 *   value = ±(c1 S e^{-qT} - c2 K e^{-rT} + G (w1 - w2)).
 *
 * G is taken from whichever of d1, d2 is nearer 0, so it neither overflows nor loses digits to
 * underflow; a deep out-of-the-money option needs no discount factor at all (c1 = c2 = 0) and keeps
 * full relative accuracy down to ~1e-300.
 *
 * The loop body is the kernel itself, not a call per option: V8 passes doubles to a call that it
 * does not inline as boxed heap numbers, which cost a third of the time.
 * @returns out
 */
export function blackScholesBatch(batch: BlackScholesBatch, out: Float64Array, from: number, to: number, isCall: boolean): Float64Array {
  const { spot: spots, strike: strikes, termYears: terms, volatility: vols, riskFreeRate: rates, dividendYield: yields } = batch;
  for (let i = from; i < to; i++) {
    const spot = spots[i];
    const strike = strikes[i];
    const termYears = terms[i];
    const riskFreeRate = rates[i];
    const dividendYield = yields[i];
    const stdDev = vols[i] * Math.sqrt(termYears);
    let v: number;
    if (stdDev === 0) {
      // T = 0 (intrinsic) or sigma = 0 (discounted forward intrinsic)
      v = spot * Math.exp(-dividendYield * termYears) - strike * Math.exp(-riskFreeRate * termYears);
      if (!isCall) v = -v;
      out[i] = v > 0 ? v : 0;
      continue;
    }
    const d1 = (Math.log(spot / strike) + (riskFreeRate - dividendYield) * termYears) / stdDev + 0.5 * stdDev;
    const e1 = isCall ? d1 : -d1;
    const e2 = isCall ? d1 - stdDev : stdDev - d1;
    const a1 = (e1 < 0 ? -e1 : e1) * Math.SQRT1_2;
    const a2 = (e2 < 0 ? -e2 : e2) * Math.SQRT1_2;
    // N(e1) and N(e2) as c + w e^{-e^2/2}, written out once per side: a helper per side, or a loop
    // over the two sides, measured 10-18% slower in `npm run bench` (V8 keeps c and w in registers
    // only when they are plain locals of this loop).
    let c1: number;
    let w1: number;
    if (a1 <= ERF_SMALL_LIMIT) {
      c1 = 0.5 + 0.5 * erfSmall(e1 * Math.SQRT1_2);
      w1 = 0;
    } else {
      w1 = 0.5 * erfcxPositive(a1);
      c1 = e1 < 0 ? 0 : 1;
      if (e1 > 0) w1 = -w1;
    }
    let c2: number;
    let w2: number;
    if (a2 <= ERF_SMALL_LIMIT) {
      c2 = 0.5 + 0.5 * erfSmall(e2 * Math.SQRT1_2);
      w2 = 0;
    } else {
      w2 = 0.5 * erfcxPositive(a2);
      c2 = e2 < 0 ? 0 : 1;
      if (e2 > 0) w2 = -w2;
    }
    // e^0 is common (no dividends, or a zero rate) and Math.exp costs ~20 ns on a slow core: skip it.
    v = 0;
    if (c1 !== 0) v = c1 * spot * (dividendYield === 0 ? 1 : Math.exp(-dividendYield * termYears));
    if (c2 !== 0) v -= c2 * strike * (riskFreeRate === 0 ? 1 : Math.exp(-riskFreeRate * termYears));
    if (w1 !== w2) {
      const g = a1 <= a2
        ? spot * Math.exp(-dividendYield * termYears - 0.5 * e1 * e1)
        : strike * Math.exp(-riskFreeRate * termYears - 0.5 * e2 * e2);
      v += g * (w1 - w2);
    }
    if (!isCall) v = -v;
    out[i] = v > 0 ? v : 0;
  }
  return out;
}

/** Values many calls at once: {@link blackScholesBatch} with `isCall` true. @returns out */
export function blackScholesCallBatch(batch: BlackScholesBatch, out: Float64Array, from = 0, to = out.length): Float64Array {
  return blackScholesBatch(batch, out, from, to, true);
}

/** A batch of one, reused by {@link blackScholesUnchecked} (JavaScript runs one valuation at a time). */
const ONE: BlackScholesBatch = {
  spot: new Float64Array(1),
  strike: new Float64Array(1),
  termYears: new Float64Array(1),
  volatility: new Float64Array(1),
  riskFreeRate: new Float64Array(1),
  dividendYield: new Float64Array(1),
};
const ONE_OUT = new Float64Array(1);

/**
 * Value per share with no argument checks, through the same kernel as the batch path.
 * `isCall` true for a call. Inputs must be finite, spot/strike > 0, term/volatility >= 0.
 */
export function blackScholesUnchecked(
  spot: number,
  strike: number,
  termYears: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield: number,
  isCall: boolean,
): number {
  ONE.spot[0] = spot;
  ONE.strike[0] = strike;
  ONE.termYears[0] = termYears;
  ONE.volatility[0] = volatility;
  ONE.riskFreeRate[0] = riskFreeRate;
  ONE.dividendYield[0] = dividendYield;
  return blackScholesBatch(ONE, ONE_OUT, 0, 1, isCall)[0];
}
