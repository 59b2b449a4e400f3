/**
 * The pricing layer: price(options, market, model). An option's own terms (strike, term, call or put)
 * are kept apart from the market (spot, volatility, rate, yield, as of a valuation date) and from the
 * model that prices them. Black-Scholes-Merton is one model; another (a lattice) plugs in by
 * implementing {@link PricingModel}, and nothing that selects, sums or charges fees for options changes.
 */
import { BlackScholesBatch, blackScholesBatch } from "./blackScholes";

/** The market on a valuation date (rates, volatility and yield as decimals: 0.03 = 3%). */
export interface Market {
  /** Excel serial of the date the market is observed. */
  valuationDate: number;
  /** Stock price, $ per share. */
  spot: number;
  volatility: number;
  riskFreeRate: number;
  dividendYield: number;
}

/** Options to price, as columns: option i has strike[i] ($) and termYears[i]; all calls or all puts. */
export interface OptionColumns {
  strike: Float64Array;
  termYears: Float64Array;
  isCall: boolean;
}

/** A model prices options under a market; `session` prepares what does not change from slice to slice. */
export interface PricingModel {
  readonly id: string;
  readonly label: string;
  /** Prices options [from, to) of up to `capacity` options into out[from, to). */
  session(market: Market, capacity: number): { price(options: OptionColumns, out: Float64Array, from: number, to: number): void };
}

/** Black-Scholes-Merton with a continuous dividend yield, over the batch kernel. */
export const BLACK_SCHOLES: PricingModel = {
  id: "black-scholes",
  label: "Black-Scholes-Merton",
  session(market, capacity) {
    const column = (x: number) => new Float64Array(capacity).fill(x);
    const spot = column(market.spot);
    const volatility = column(market.volatility);
    const riskFreeRate = column(market.riskFreeRate);
    const dividendYield = column(market.dividendYield);
    return {
      price(options, out, from, to) {
        const batch: BlackScholesBatch = { spot, strike: options.strike, termYears: options.termYears, volatility, riskFreeRate, dividendYield };
        blackScholesBatch(batch, out, from, to, options.isCall);
      },
    };
  },
};

/** The models a valuation policy may name. */
export const PRICING_MODELS: Readonly<Record<string, PricingModel>> = { [BLACK_SCHOLES.id]: BLACK_SCHOLES };

/**
 * Prices every option under the market with the model.
 * @example priceOptions({ strike: Float64Array.of(40), termYears: Float64Array.of(0.5), isCall: true },
 *   { valuationDate: 0, spot: 42, volatility: 0.2, riskFreeRate: 0.1, dividendYield: 0 }, BLACK_SCHOLES)[0] ≈ 4.7594 (Hull)
 */
export function priceOptions(options: OptionColumns, market: Market, model: PricingModel = BLACK_SCHOLES): Float64Array {
  const n = options.strike.length;
  const out = new Float64Array(n);
  model.session(market, n).price(options, out, 0, n);
  return out;
}
