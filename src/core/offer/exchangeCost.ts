/**
 * The exchange's incremental cost: the ASC 718-20-35-3 incremental fair value of exchanging every
 * eligible option for the offer's new options, at the offer's assumptions (its valuation date and
 * market), with INCREMENTAL_FAIR_VALUE's convention summed over the ledger:
 *
 *   max(0, sum over grants of new_shares_i x BS(S, S, L) - sum over grants of shares_i x BS(S, K_i, T_i))
 *
 * - the new options are at the money (strike = the stock price S on the valuation date) with the
 *   offer's contractual life L (`newOptionLifeYears`), valued on the same market;
 * - new_shares_i: the grant's shares x splitFactor / exchangeRatio, rounded by the offer's
 *   `newOptionRounding` exactly as the elections round them (`roundNewShares` in elections/tally.ts):
 *   each grant floored, each to the nearest share (halves up), or each holder's total floored with the
 *   leftover shares to the grants with the largest fractions (ledger order breaking ties); a grant
 *   with no holder id is its own holder;
 * - each old option at its own strike K_i and remaining contractual term T_i (ACT/365F from the
 *   valuation date to its expiration), whatever the policy's term basis: "immediately before" the
 *   exchange an option has its remaining term left;
 * - BS is Black-Scholes-Merton (the kernel of BLACK_SCHOLES_VALUE and INCREMENTAL_FAIR_VALUE), for
 *   old and new alike, whatever the policy's model: the new options' own vesting schedule is not a
 *   lattice assumption of the offer, so a lattice would value old and new on different footings.
 *
 * Every eligible option is counted as exchanged: this is the cost of the offer as made, before anyone
 * elects. Sums are exact decimals (each float value enters as its shortest decimal, as in
 * aggregate.ts); the figures are rounded to the cent once. The value-for-value ratio is the exchange
 * ratio (old options per new option) at which the cost would be 0 before rounding to whole shares:
 * eligible shares x splitFactor x BS(S, S, L) / old value (for one grant, VALUE_FOR_VALUE_RATIO).
 */
import Decimal from "decimal.js";
import { remainingTermYears } from "../daycount/yearFraction";
import { roundNewShares, shareFactor } from "../equity/newOptionShares";
import { GrantTable } from "../ledger/grantTable";
import { BLACK_SCHOLES, Market, OptionColumns, priceOptions } from "../options/pricing";
import { ExactDecimal } from "./aggregate";
import { NewOptionRounding } from "./offerTerms";

/** The exchange's incremental fair value, when the offer states the new option's life. */
export interface ExchangeCostFigures {
  available: true;
  /** The model of both values: Black-Scholes-Merton. */
  modelId: "black-scholes";
  modelLabel: string;
  /** The new option: at the money on the valuation date, the offer's life; its value per share. */
  newOption: { strike: number; termYears: number; valuePerShare: number };
  /** The offer's terms of exchange. */
  exchangeRatio: number;
  splitFactor: number;
  rounding: NewOptionRounding;
  /** The eligible options given up (all of them) and the new options for them. */
  oldShares: number;
  newShares: number;
  /** Value of the eligible options immediately before, each at its remaining term: exact, and to the cent. */
  exactOldValue: string;
  oldValue: string;
  /** Value of the new options: exact, and to the cent. */
  exactNewValue: string;
  newValue: string;
  /** New value - old value, to the cent (negative when the exchange gives less value than it takes). */
  difference: string;
  /** max(0, new - old): exact, and to the cent. */
  exactIncrementalFairValue: string;
  incrementalFairValue: string;
  /**
   * Old options per new option at which the cost would be 0, before rounding to whole shares;
   * null when the old options or the new option are worth nothing (no ratio balances them).
   */
  valueForValueRatio: number | null;
  /** New option shares by grant, in ledger order (0 for grants not eligible). */
  newSharesByGrant: Float64Array;
  /** Each old option's value per share at its remaining term (0 for grants not eligible). */
  oldValuePerShare: Float64Array;
  /** Each eligible option's remaining term in years (0 for grants not eligible). */
  remainingTermYears: Float64Array;
}

/** Why the incremental fair value is not figured: the fields it needs. */
export interface ExchangeCostAbsent {
  available: false;
  /** OFFER.json fields the figure needs and the offer does not give. */
  missing: string[];
  /** Names each field as `offer.<field>`. */
  note: string;
}

export type ExchangeCost = ExchangeCostFigures | ExchangeCostAbsent;

/** What the exchange cost reads of the offer. */
export interface ExchangeTerms {
  newOptionLifeYears?: number;
  exchangeRatio: number;
  splitFactor: number;
  newOptionRounding: NewOptionRounding;
}

/** The absent figure's note when the offer gives no new option life. */
export const EXCHANGE_COST_NEEDS_LIFE =
  "offer.newOptionLifeYears is not given: the new options cannot be valued, so the exchange's incremental fair value (ASC 718) is not figured " +
  "(give the new option's contractual life in years)";

/**
 * New option shares for a holder's grants by the offer's rounding, `num / den` new shares per old
 * share (split factor / exchange ratio): equity/newOptionShares.ts's rule, the elections' too.
 */
export function roundedNewShares(shares: readonly number[], num: bigint, den: bigint, rounding: NewOptionRounding): number[] {
  return roundNewShares(shares, { num, den, rounding });
}

/**
 * The exchange cost over a valuation's slices: `add` each slice after the valuation has decided
 * eligibility, then `finish`. When the valuation's own values are Black-Scholes at the remaining
 * term (the "remaining" term basis, priced with Black-Scholes), pass them as `shared`: they are the
 * old values, and their exact total is the valuation's.
 */
export class ExchangeCostTotals {
  private readonly oldValues: Float64Array;
  private readonly terms: Float64Array;
  private readonly newShares: Float64Array;
  private readonly own?: { options: OptionColumns; pricer: ReturnType<typeof BLACK_SCHOLES.session> };
  private oldTotal = new ExactDecimal(0);
  private readonly num: bigint;
  private readonly den: bigint;
  private readonly newValuePerShare: number;

  constructor(
    private readonly table: GrantTable,
    private readonly market: Market,
    private readonly exchange: ExchangeTerms & { newOptionLifeYears: number },
    private readonly shared?: { valuePerShare: Float64Array; termYears: Float64Array },
  ) {
    const n = table.length;
    this.newShares = new Float64Array(n);
    if (shared) {
      this.oldValues = shared.valuePerShare;
      this.terms = shared.termYears;
    } else {
      this.oldValues = new Float64Array(n);
      this.terms = new Float64Array(n);
      this.own = { options: { strike: table.exercisePrice, termYears: this.terms, isCall: true }, pricer: BLACK_SCHOLES.session(market, n) };
    }
    const factor = shareFactor(exchange.exchangeRatio, exchange.splitFactor, "floor-per-grant");
    this.num = factor.num;
    this.den = factor.den;
    const spot = market.spot;
    this.newValuePerShare = priceOptions({ strike: Float64Array.of(spot), termYears: Float64Array.of(exchange.newOptionLifeYears), isCall: true }, market, BLACK_SCHOLES)[0];
  }

  /** Grants [from, to) of a slice the valuation has decided (`eligible`). */
  add(from: number, to: number, eligible: Uint8Array): void {
    const t = this.table;
    const own = this.own;
    if (own) {
      for (let k = from; k < to; k++) this.terms[k] = eligible[k] ? remainingTermYears(this.market.valuationDate, t.expirationDate[k]) : 0;
      own.pricer.price(own.options, this.oldValues, from, to);
    }
    const { num, den } = this;
    const perGrant = this.exchange.newOptionRounding !== "floor-per-holder";
    for (let k = from; k < to; k++) {
      if (!eligible[k]) {
        if (own) this.oldValues[k] = 0;
        continue;
      }
      const shares = t.sharesOutstanding[k];
      if (own) this.oldTotal = this.oldTotal.plus(new ExactDecimal(this.oldValues[k]).times(shares));
      if (perGrant) {
        // one for one, no split: the grant's shares (the usual case, without BigInt)
        this.newShares[k] = num === den ? shares : roundedNewShares([shares], num, den, this.exchange.newOptionRounding)[0];
      }
    }
  }

  /** The figures; `sharedTotal` is the valuation's exact total when its values were shared. */
  finish(eligible: Uint8Array, sharedTotal?: Decimal): ExchangeCostFigures {
    const t = this.table;
    if (this.exchange.newOptionRounding === "floor-per-holder") this.roundByHolder(eligible);
    let oldShares = 0;
    let newShares = 0;
    for (let k = 0; k < t.length; k++) {
      if (!eligible[k]) continue;
      oldShares += t.sharesOutstanding[k];
      newShares += this.newShares[k];
    }
    const oldExact = this.shared ? (sharedTotal ?? new ExactDecimal(0)) : this.oldTotal;
    const newExact = new ExactDecimal(this.newValuePerShare).times(newShares);
    const difference = newExact.minus(oldExact);
    const increment = difference.greaterThan(0) ? difference : new ExactDecimal(0);
    const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    const oldNumber = oldExact.toNumber();
    const ratio = oldNumber > 0 && this.newValuePerShare > 0 ? (oldShares * this.exchange.splitFactor * this.newValuePerShare) / oldNumber : null;
    return {
      available: true,
      modelId: "black-scholes",
      modelLabel: BLACK_SCHOLES.label,
      newOption: { strike: this.market.spot, termYears: this.exchange.newOptionLifeYears, valuePerShare: this.newValuePerShare },
      exchangeRatio: this.exchange.exchangeRatio,
      splitFactor: this.exchange.splitFactor,
      rounding: this.exchange.newOptionRounding,
      oldShares,
      newShares,
      exactOldValue: oldExact.toFixed(),
      oldValue: cents(oldExact),
      exactNewValue: newExact.toFixed(),
      newValue: cents(newExact),
      difference: cents(difference),
      exactIncrementalFairValue: increment.toFixed(),
      incrementalFairValue: cents(increment),
      valueForValueRatio: ratio !== null && Number.isFinite(ratio) ? ratio : null,
      newSharesByGrant: this.newShares,
      oldValuePerShare: this.oldValues,
      remainingTermYears: this.terms,
    };
  }

  /** floor-per-holder: each holder's eligible grants together (a grant with no holder id alone). */
  private roundByHolder(eligible: Uint8Array): void {
    const t = this.table;
    const byHolder = new Map<string, number[]>();
    for (let k = 0; k < t.length; k++) {
      if (!eligible[k]) continue;
      const id = t.holderId.get(k);
      if (id === "") {
        this.newShares[k] = roundedNewShares([t.sharesOutstanding[k]], this.num, this.den, "floor-per-grant")[0];
        continue;
      }
      const rows = byHolder.get(id);
      if (rows) rows.push(k);
      else byHolder.set(id, [k]);
    }
    for (const rows of byHolder.values()) {
      const shares = roundedNewShares(
        rows.map((k) => t.sharesOutstanding[k]),
        this.num,
        this.den,
        "floor-per-holder",
      );
      rows.forEach((k, j) => (this.newShares[k] = shares[j]));
    }
  }
}
