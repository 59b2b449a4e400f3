/**
 * Implied volatility: the sigma at which Black-Scholes-Merton reproduces a given option price.
 */
import { raise } from "../errors";
import { blackScholesUnchecked, checkBlackScholesInputs, OptionType } from "./blackScholes";
import { normalPdf } from "./normal";

/** Inputs: the observed price per share plus the option's terms and market data (no volatility). */
export interface ImpliedVolatilityInputs {
  optionPrice: number;
  spot: number;
  strike: number;
  termYears: number;
  riskFreeRate: number;
  dividendYield?: number;
  optionType?: OptionType;
}

const MAX_VOLATILITY = 100;

/**
 * Solves for volatility with Newton's method on vega, kept inside a shrinking bisection bracket,
 * to |delta sigma| < 1e-14 (the price is reproduced to ~1e-12 relative or better).
 * @example impliedVolatility({ optionPrice: 4.759422392871533, spot: 42, strike: 40, termYears: 0.5, riskFreeRate: 0.1 }) ≈ 0.2
 * @throws CalcError `#NUM!` when the price is outside the no-arbitrage bounds
 *   [max(0, forward intrinsic), S e^{-qT}] for a call ([.., K e^{-rT}] for a put), or term is 0
 */
export function impliedVolatility(inputs: ImpliedVolatilityInputs): number {
  const { optionPrice: price, spot, strike, termYears: t, riskFreeRate: r } = inputs;
  const q = inputs.dividendYield ?? 0;
  const isCall = (inputs.optionType ?? "call") === "call";
  if (!Number.isFinite(price) || price < 0) raise("atLeast", "option_price", { value: price, min: 0 });
  checkBlackScholesInputs(spot, strike, t, 0, r, q);
  if (!(t > 0)) raise("expiringOption", "term_years", { value: t });
  const forwardValue = spot * Math.exp(-q * t);
  const strikeValue = strike * Math.exp(-r * t);
  const lower = Math.max(0, isCall ? forwardValue - strikeValue : strikeValue - forwardValue);
  const upper = isCall ? forwardValue : strikeValue;
  const tolerance = 1e-15 * Math.max(upper, 1e-300);
  // Numbers print as JavaScript's shortest round-trip form, so a price and a bound that differ
  // always print differently; a price equal to the bound says so.
  const optionType = isCall ? "call" : "put";
  const market = { spot, strike, termYears: t, riskFreeRate: r, dividendYield: q };
  if (price < lower - tolerance) raise("priceBelowLowerBound", "option_price", { value: price, optionType, lower, ...market });
  if (price >= upper) raise(price === upper ? "priceAtUpperBound" : "priceAboveUpperBound", "option_price", { value: price, optionType, upper, ...market });
  if (price <= lower) return 0;

  const value = (sigma: number) => blackScholesUnchecked(spot, strike, t, sigma, r, q, isCall);
  let lo = 0;
  let hi = 1;
  while (value(hi) < price) {
    lo = hi;
    hi *= 2;
    if (hi > MAX_VOLATILITY) {
      raise("volatilityTooHigh", "option_price", { value: price, max: MAX_VOLATILITY, ...market });
    }
  }
  const sqrtT = Math.sqrt(t);
  let sigma = Math.min(Math.max(Math.sqrt((2 * Math.abs(Math.log(spot / strike) + (r - q) * t)) / t), 0.2), hi);
  if (!(sigma > lo && sigma < hi)) sigma = 0.5 * (lo + hi);
  for (let i = 0; i < 300; i++) {
    const diff = value(sigma) - price;
    if (diff === 0) return sigma;
    if (diff > 0) hi = sigma;
    else lo = sigma;
    const stdDev = sigma * sqrtT;
    const d1 = (Math.log(spot / strike) + (r - q) * t) / stdDev + 0.5 * stdDev;
    const vega = forwardValue * normalPdf(d1) * sqrtT;
    let next = vega > 0 ? sigma - diff / vega : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - sigma) < 1e-14 * Math.max(1, sigma) || hi - lo < 1e-15) return next;
    sigma = next;
  }
  return sigma;
}
