/**
 * The pricing layer: price(options, market, model). An option's own terms (strike, term, call or put)
 * are kept apart from the market (spot, volatility, rate, yield, as of a valuation date) and from the
 * model that prices them. Black-Scholes-Merton is one model; another (a lattice) plugs in by
 * implementing {@link PricingModel}, and nothing that selects, sums or charges fees for options changes.
 */
import { raise } from "../errors";
import { BlackScholesBatch, blackScholesBatch } from "./blackScholes";
import {
  checkHullWhiteAssumptions,
  checkHullWhiteMarket,
  checkHullWhiteTree,
  HULL_WHITE_MAX_STEPS,
  HullWhiteAssumptions,
  hullWhiteLattice,
  hullWhiteSteps,
} from "./hullWhite";

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

/** The id of {@link hullWhiteModel}'s models, as a valuation policy names the model. */
export const HULL_WHITE_ID = "hull-white";

/**
 * The Hull-White (2004) employee-option lattice (hullWhite.ts) under the holders' assumptions:
 * vesting (years from the valuation date), exit rate, exercise multiple and steps a year, all
 * checked here (keyed `#NUM!` naming vesting_years, exit_rate, exercise_multiple or steps_per_year).
 *
 * A session checks the market (spot, volatility, risk_free_rate, dividend_yield as HULL_WHITE_VALUE
 * does) and values each option on its own tree. Options with the same term and strike share one
 * lattice: the session remembers each value it computes, across slices. For an option:
 * - term <= 0 (expired, or not eligible): its intrinsic value max(S - K, 0);
 * - the tree has hullWhiteSteps(term, stepsPerYear) steps, at most HULL_WHITE_MAX_STEPS (a
 *   "never expires" 9999-12-31 is a real ledger value: such a term gets a coarser tree, not an error);
 * - vesting beyond the term is taken as the term (the option never vests before it expires);
 * - a tree whose up probability falls outside [0, 1] throws (keyed `hullWhiteTooFewSteps`).
 * Calls only: puts throw `hullWhiteCallsOnly`.
 *
 * Not in {@link PRICING_MODELS}: a lattice without the offer's assumptions (nobody leaves, never
 * early, vested) would value a policy that names "hull-white" as a plain European call, silently.
 * A policy that names it builds its model here from its own assumptions.
 * @example priceOptions(options, market, hullWhiteModel({ vestingYears: 3, exitRate: 0.1, exerciseMultiple: 3 }))
 */
export function hullWhiteModel(assumptions: HullWhiteAssumptions = {}): PricingModel {
  checkHullWhiteAssumptions(assumptions);
  const { vestingYears = 0, exitRate = 0, exerciseMultiple = Infinity, stepsPerYear = 100 } = assumptions;
  const stepsFor = (termYears: number) => Math.min(hullWhiteSteps(termYears, stepsPerYear), HULL_WHITE_MAX_STEPS);
  return {
    id: HULL_WHITE_ID,
    label: "Hull-White employee option lattice",
    session(market) {
      const { spot, volatility, riskFreeRate, dividendYield } = market;
      checkHullWhiteMarket(spot, volatility, riskFreeRate, dividendYield);
      /** term -> strike -> value per option */
      const memo = new Map<number, Map<number, number>>();
      return {
        price(options, out, from, to) {
          if (!options.isCall && to > from) raise("hullWhiteCallsOnly", undefined, {});
          const { strike: strikes, termYears: terms } = options;
          for (let i = from; i < to; i++) {
            const termYears = terms[i];
            const strike = strikes[i];
            if (!(termYears > 0)) {
              out[i] = spot > strike ? spot - strike : 0;
              continue;
            }
            let byStrike = memo.get(termYears);
            if (byStrike === undefined) {
              checkHullWhiteTree(termYears, stepsFor(termYears), volatility, riskFreeRate, dividendYield, exitRate, stepsPerYear);
              byStrike = new Map<number, number>();
              memo.set(termYears, byStrike);
            }
            let value = byStrike.get(strike);
            if (value === undefined) {
              const steps = stepsFor(termYears);
              const vesting = vestingYears < termYears ? vestingYears : termYears;
              value = hullWhiteLattice(spot, strike, termYears, volatility, riskFreeRate, dividendYield, vesting, exitRate, exerciseMultiple, steps);
              byStrike.set(strike, value);
            }
            out[i] = value;
          }
        },
      };
    },
  };
}

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
