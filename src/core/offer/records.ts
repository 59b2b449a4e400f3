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
import { VestingTerms } from "../equity/vesting";
import { Market } from "../options/pricing";
import type { ElectionTerms } from "../elections/types";
import { ELECTION_FIELDS, OfferFieldName } from "./schema";
import { NewOptionRounding, OFFER_CONVENTIONS, OfferFieldError, OfferTerms, offerFieldHint, OfferTermsError, offerTermsProblems, TermBasis, ValuationModel } from "./offerTerms";

export type { Market } from "../options/pricing";
export type { NewOptionRounding, ValuationModel } from "./offerTerms";

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
  /** The new option, when the offer states its life and vesting (newOptionLifeYears, newOptionVesting). */
  newOption?: NewOptionTerms;
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

/**
 * The Hull-White lattice's assumptions about the holders, as the offer states them (the
 * HullWhiteAssumptions of options/hullWhite.ts, every one given: exerciseMultiple undefined = never
 * early).
 */
export interface LatticeAssumptions {
  /** Years from the valuation date until the options vest (0 = vested), the same for every option. */
  vestingYears: number;
  /** Holders leaving a year, a decimal (0.1 = 10%). */
  exitRate: number;
  /** Vested options are exercised once S >= exerciseMultiple x K; undefined = never early. */
  exerciseMultiple?: number;
  /** Tree steps a year. */
  stepsPerYear: number;
}

/**
 * How options are valued: the term basis, and the model of the accounting value ("black-scholes",
 * a key of PRICING_MODELS, or "hull-white" on `lattice`). The filing fee does not read the model:
 * it is Black-Scholes whatever the policy says (valueOffer.ts).
 */
export interface ValuationPolicy {
  termBasis: TermBasis;
  model: ValuationModel;
  /** The lattice's assumptions: present exactly when `model` is "hull-white". */
  lattice?: LatticeAssumptions;
}

export interface OfferRecords {
  offer: ExchangeOffer;
  market: Market;
  fees: FeeSettings;
  policy: ValuationPolicy;
}

/** The new option the offer describes, or undefined when it does not give the option's life and vesting. */
function newOptionOf(terms: OfferTerms): NewOptionTerms | undefined {
  if (terms.newOptionLifeYears === undefined || terms.newOptionVesting === undefined) return undefined;
  return {
    lifeYears: terms.newOptionLifeYears,
    vesting: { ...terms.newOptionVesting },
    exchangeRatio: terms.exchangeRatio,
    splitFactor: terms.splitFactor,
    rounding: terms.newOptionRounding,
  };
}

/** The valuation policy of read terms ("hull-white" terms were checked to state vestingYears and exitRate). */
function policyOf(terms: OfferTerms): ValuationPolicy {
  if (terms.valuationModel !== "hull-white") return { termBasis: terms.termBasis, model: terms.valuationModel };
  if (terms.vestingYears === undefined || terms.exitRate === undefined) {
    throw new Error('the "hull-white" valuation model needs offer.vestingYears and offer.exitRate (the terms were not checked)');
  }
  const lattice: LatticeAssumptions = {
    vestingYears: terms.vestingYears,
    exitRate: terms.exitRate,
    stepsPerYear: terms.stepsPerYear ?? OFFER_CONVENTIONS.stepsPerYear,
  };
  if (terms.exerciseMultiple !== undefined) lattice.exerciseMultiple = terms.exerciseMultiple;
  return { termBasis: terms.termBasis, model: "hull-white", lattice };
}

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
      newOption: newOptionOf(terms),
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
    policy: policyOf(terms),
  };
}

/**
 * What the elections commands need of an offer: its records and the fields `optex value` may do
 * without (expirationTime, timeZone, acceptedChannels, newOptionLifeYears, newOptionVesting), the
 * conventions filled (exchangeRatio 1, splitFactor 1, newOptionRounding "floor-per-grant"), the new
 * grant date and the amendments passed through.
 * @param command the command, for the message ("optex elections")
 * @throws OfferTermsError (`#VALUE!`) listing every field the command needs and the offer lacks
 *   (`offer.timeZone is required by optex elections (an IANA zone such as "America/Los_Angeles")`),
 *   and every problem of terms built in code
 */
export function electionTerms(terms: OfferTerms, command: string): ElectionTerms {
  const missing: OfferFieldError[] = ELECTION_FIELDS.filter((name) => terms[name as keyof OfferTerms] === undefined).map((name: OfferFieldName) => {
    const message = `offer.${name} is required by ${command} (${offerFieldHint(name)})`;
    return { field: name, fields: [name], code: "required", message };
  });
  const errors = [...missing, ...offerTermsProblems(terms).filter((e) => !missing.some((m) => m.field === e.field && e.code === "required"))];
  if (errors.length > 0) throw new OfferTermsError(errors);
  const records = offerRecords(terms);
  return {
    offer: records.offer,
    expirationTime: terms.expirationTime as number,
    timeZone: terms.timeZone as string,
    acceptedChannels: [...(terms.acceptedChannels as string[])],
    newOption: records.offer.newOption as NewOptionTerms,
    newGrantDate: terms.newGrantDate,
    amendments: terms.amendments.map((a) => ({ ...a })),
  };
}
