/**
 * An offer's inputs as records that each say one thing: the offer (its legal dates, eligibility rules
 * and the new option it grants), the market (valuation date, spot, volatility, rate, yield), the fee
 * settings (filing date, rate, rounding, fees previously paid) and the valuation policy (term basis,
 * pricing model). An option's own terms (type, strike, expiry, shares) are the ledger's grants.
 *
 * OFFER.json stays one flat object (the schema in schema.ts says which record each field feeds);
 * {@link offerRecords} splits read terms into these records.
 */
import { FeeRounding } from "../fees/filingFee";
import { NEW_OPTION_VESTING, VestingTerms } from "../equity/vesting";
import { Market } from "../options/pricing";
import { OfferTerms, TermBasis } from "./offerTerms";

export type { Market } from "../options/pricing";

/** How new-option shares are rounded (seed 004: whole shares, per grant). */
export type NewOptionRounding = "floor-per-grant" | "floor-per-holder" | "nearest-per-grant";

/** The new option an exchange grants. */
export interface NewOptionTerms {
  /** Contractual life in years. */
  lifeYears: number;
  vesting: VestingTerms;
  /** Old options surrendered per new option (1 = one for one). */
  exchangeRatio: number;
  /** Shares per share after a split between cancellation and new grant (1 = none). */
  splitFactor: number;
  rounding: NewOptionRounding;
}

/** The offer: who and what it covers, and when. */
export interface ExchangeOffer {
  issuerName: string;
  commencementDate: number;
  /** The offer's expiration (an option's own expiry is its grant's `expirationDate`). */
  offerExpirationDate: number;
  cancellationDate: number;
  eligibility: {
    /** Exercise prices at or above this are eligible ($). */
    exercisePriceThreshold: number;
    /** Lower-case canonical holder classes. */
    holderClasses: readonly string[];
    /** Normalized countries ("US"). */
    countries: readonly string[];
  };
  newOption: NewOptionTerms;
  /** Common stock outstanding (not option shares), for "% of common stock"; undefined = not shown. */
  commonSharesOutstanding?: number;
}

/** How the fee is figured. */
export interface FeeSettings {
  filingDate: number;
  /** $ per $1,000,000 as a decimal string; undefined = FEE_RATE(filingDate). */
  ratePerMillion?: string;
  rounding: FeeRounding;
  /** $ as a decimal string. */
  previouslyPaid: string;
}

/** How options are valued. */
export interface ValuationPolicy {
  termBasis: TermBasis;
  /** A key of PRICING_MODELS. */
  model: string;
}

export interface OfferRecords {
  offer: ExchangeOffer;
  market: Market;
  fees: FeeSettings;
  policy: ValuationPolicy;
}

/**
 * The new option of seed 004 (Capstone, 2003): a 10-year non-statutory option, 12.5% vested at grant
 * then monthly to 42 months, one new share per old share, whole shares per grant. OFFER.json has no
 * fields for it yet, so the "simplified" term basis values on this schedule (as the README says); the
 * offer's own fields replace it when the elections issue adds them.
 */
export const SEED_NEW_OPTION: Readonly<NewOptionTerms> = {
  lifeYears: 10,
  vesting: NEW_OPTION_VESTING,
  exchangeRatio: 1,
  splitFactor: 1,
  rounding: "floor-per-grant",
};

/** Splits read offer terms into their records. */
export function offerRecords(terms: OfferTerms): OfferRecords {
  return {
    offer: {
      issuerName: terms.issuerName,
      commencementDate: terms.commencementDate,
      offerExpirationDate: terms.expirationDate,
      cancellationDate: terms.cancellationDate,
      eligibility: {
        exercisePriceThreshold: terms.exercisePriceThreshold,
        holderClasses: terms.eligibleHolderClasses,
        countries: terms.eligibleCountries,
      },
      newOption: SEED_NEW_OPTION,
      commonSharesOutstanding: terms.sharesOutstanding,
    },
    market: {
      valuationDate: terms.valuationDate,
      spot: terms.stockPrice,
      volatility: terms.volatility,
      riskFreeRate: terms.riskFreeRate,
      dividendYield: terms.dividendYield,
    },
    fees: {
      filingDate: terms.filingDate,
      ratePerMillion: terms.feeRatePerMillion,
      rounding: terms.feeRounding,
      previouslyPaid: terms.feesPreviouslyPaid,
    },
    policy: { termBasis: terms.termBasis, model: "black-scholes" },
  };
}
