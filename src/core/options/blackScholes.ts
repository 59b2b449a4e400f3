/**
 * Black-Scholes-Merton value of a European option on a stock with a continuous dividend yield.
 *
 * Terms (strike, term) and market (spot, volatility, rate, yield) are plain float64 numbers; the
 * bottom primitive {@link blackScholesUnchecked} allocates nothing so batch loops can call it.
 *
 *   call = S e^{-qT} N(d1) - K e^{-rT} N(d2),  put = K e^{-rT} N(-d2) - S e^{-qT} N(-d1),
 *   d1 = [ln(S/K) + (r - q + sigma^2/2) T] / (sigma sqrt T),  d2 = d1 - sigma sqrt T.
 *
 * T = 0 gives the intrinsic value; sigma = 0 gives the discounted intrinsic value of the forward.
 */
import { invalidNumber, invalidValue, showValue } from "../errors";
import { normalCdf } from "./normal";

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
 * Value per share with no argument checks: the pricing loop's primitive.
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
  // e^0 is common (no dividends) and Math.exp costs ~20 ns on a slow core: skip it then.
  const dq = dividendYield === 0 ? 1 : Math.exp(-dividendYield * termYears);
  const dr = riskFreeRate === 0 ? 1 : Math.exp(-riskFreeRate * termYears);
  const stdDev = volatility * Math.sqrt(termYears);
  const forwardValue = spot * dq; // S e^{-qT}
  const strikeValue = strike * dr; // K e^{-rT}
  if (stdDev === 0) {
    // T = 0 (intrinsic) or sigma = 0 (discounted forward intrinsic)
    const v = isCall ? forwardValue - strikeValue : strikeValue - forwardValue;
    return v > 0 ? v : 0;
  }
  const d1 = (Math.log(spot / strike) + (riskFreeRate - dividendYield) * termYears) / stdDev + 0.5 * stdDev;
  const d2 = d1 - stdDev;
  const v = isCall
    ? forwardValue * normalCdf(d1) - strikeValue * normalCdf(d2)
    : strikeValue * normalCdf(-d2) - forwardValue * normalCdf(-d1);
  return v > 0 ? v : 0;
}

/**
 * Checks Black-Scholes inputs and throws `#NUM!` naming the first bad argument.
 * Spot and strike must be > 0; term and volatility >= 0; rates finite and not absurd (|r| <= 10).
 */
export function checkBlackScholesInputs(
  spot: number,
  strike: number,
  termYears: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield: number,
): void {
  if (!(spot > 0) || !Number.isFinite(spot)) invalidNumber(`spot (${showValue(spot)}) must be > 0`);
  if (!(strike > 0) || !Number.isFinite(strike)) invalidNumber(`strike (${showValue(strike)}) must be > 0`);
  if (!(termYears >= 0) || !(termYears <= 1000)) invalidNumber(`term_years (${showValue(termYears)}) must be between 0 and 1000`);
  if (!(volatility >= 0) || !(volatility <= 100)) invalidNumber(`volatility (${showValue(volatility)}) must be between 0 and 100`);
  if (!(Math.abs(riskFreeRate) <= 10)) invalidNumber(`risk_free_rate (${showValue(riskFreeRate)}) must be between -10 and 10`);
  if (!(Math.abs(dividendYield) <= 10)) invalidNumber(`dividend_yield (${showValue(dividendYield)}) must be between -10 and 10`);
}

/** Parses "call"/"put" (case-insensitive, blank = call). */
export function parseOptionType(value: string | null | undefined, argument = "option_type"): OptionType {
  if (value === null || value === undefined || value.trim() === "") return "call";
  const v = value.trim().toLowerCase();
  if (v === "call" || v === "c") return "call";
  if (v === "put" || v === "p") return "put";
  return invalidValue(`${argument} (${showValue(value)}) must be "call" or "put"`);
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
    invalidNumber(`the value overflows for spot ${inputs.spot}, strike ${inputs.strike}, term_years ${inputs.termYears}`);
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
 * Values many calls at once into `out` (no allocation, no checks: validate rows first). `from` and
 * `to` select a slice, so several threads can share one set of (shared) arrays.
 * @returns out
 */
export function blackScholesCallBatch(batch: BlackScholesBatch, out: Float64Array, from = 0, to = out.length): Float64Array {
  const { spot, strike, termYears, volatility, riskFreeRate, dividendYield } = batch;
  for (let i = from; i < to; i++) {
    out[i] = blackScholesUnchecked(spot[i], strike[i], termYears[i], volatility[i], riskFreeRate[i], dividendYield[i], true);
  }
  return out;
}
