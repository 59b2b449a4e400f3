/**
 * The tender valuation: eligible grants valued with Black-Scholes, the transaction valuation (exact
 * decimal sum, rounded once to the cent), the SEC fee, and the offer document's statistics; beside
 * them, the value under the policy's model and the exchange's incremental fair value.
 *
 * Which model gives which figure:
 * - **The filing** (Exhibit 107's transaction valuation, the fee, the exercise-price bands' values,
 *   `valuePerShare`): Black-Scholes-Merton on each option's term, whatever the policy says, as the
 *   2003 filing computed its fee (`feeModel`).
 * - **The policy's value** (`modelValuation`): the model the offer's `valuationModel` names, on the
 *   same terms and market: "black-scholes" (the same figures as the filing's: `modelValuation`
 *   shares its arrays), or "hull-white", the Hull-White employee-option lattice on the offer's
 *   vestingYears, exitRate, exerciseMultiple and stepsPerYear (`hullWhiteModel` of
 *   options/pricing.ts: grants with the same term and strike share one lattice). This is the
 *   accounting (ASC 718) fair value of the eligible options.
 * - **The exchange's incremental fair value** (`exchangeCost`, exchangeCost.ts): Black-Scholes for the
 *   old options (at their remaining terms) and the new ones (at the money, the offer's life), when the
 *   offer states the new option's life; otherwise absent, with a note naming offer.newOptionLifeYears.
 * A `ValuationOptions.model` (a test's model, or a lattice to apply everywhere) prices both the
 * filing's and the policy's values.
 */
import Decimal from "decimal.js";
import { remainingTermYears } from "../daycount/yearFraction";
import { simplifiedTerm } from "../equity/simplifiedTerm";
import { Grant, GrantTable } from "../ledger/grantTable";
import { CalcError } from "../errors";
import { BLACK_SCHOLES, hullWhiteModel, OptionColumns, PricingModel, PRICING_MODELS } from "../options/pricing";
import { BandStatistics, TenderUnit, ValuationTotals } from "./aggregate";
import { codesIn, eligibilityRules, ineligibleCode, IneligibleReason } from "./eligibility";
import { feeFigures } from "./offerFee";
import { EXCHANGE_COST_NEEDS_LIFE, ExchangeCost, ExchangeCostTotals } from "./exchangeCost";
import { ExactDecimal } from "./aggregate";
import { OfferFieldError, OfferTerms, OfferTermsError, offerFeeRate, valuationTermsProblems } from "./offerTerms";
import { LatticeAssumptions, Market, offerRecords, OfferRecords, ValuationPolicy } from "./records";
import { OfferWarning, offerWarnings } from "./warnings";

export { PRICE_BANDS } from "./aggregate";
export type { ExchangeCost, ExchangeCostAbsent, ExchangeCostFigures } from "./exchangeCost";

/** A model as a report names it. */
export interface ModelName {
  /** "black-scholes", "hull-white" (or a test model's id). */
  id: string;
  label: string;
}

/** The eligible options' value under the policy's model (the accounting value). */
export interface ModelValuation extends ModelName {
  /** Value per share by grant (0 for grants not eligible); the filing's own array when the models agree. */
  valuePerShare: Float64Array;
  /** Exact sum of shares x value (decimal string, unrounded). */
  exactValue: string;
  /** Rounded half-up to the cent. */
  value: string;
  /** The lattice's assumptions, for "hull-white". */
  assumptions?: LatticeAssumptions;
  /** Whether the filing's figures come from the same model (then `value` is the transaction valuation). */
  sameAsFee: boolean;
}
export type { BandStatistics, PriceBand, TenderUnit } from "./aggregate";

export interface OfferValuation {
  /** The grants valued, by column, in ledger order. */
  table: GrantTable;
  /** The same grants as objects (built when first read: the CLI never needs them). */
  readonly grants: readonly Grant[];
  /** 1 for an eligible grant; its value per share below (0 for ineligible grants). */
  eligible: Uint8Array;
  termYears: Float64Array;
  valuePerShare: Float64Array;
  eligibleCount: number;
  eligibleShares: number;
  outstandingCount: number;
  outstandingShares: number;
  /** Exact sum of shares x value (decimal string, unrounded). */
  exactValuation: string;
  /** Rounded half-up to the cent. */
  transactionValuation: string;
  /** Dollars per $1,000,000: at least 2 decimals, more when the rate has them. */
  feeRatePerMillion: string;
  /** Where the rate came from. */
  feeRateSource: "offer" | "FEE_RATE";
  filingFee: string;
  feesPreviouslyPaid: string;
  netFeeDue: string;
  /** Eligible shares / all outstanding option shares, percent to 2 places. */
  eligiblePercentOfOutstanding: string;
  /** Eligible shares / common shares outstanding, percent to 2 places (when given). */
  eligiblePercentOfCommon?: string;
  bands: BandStatistics[];
  /** Outstanding option holdings by holder class (officers' and directors' holdings). */
  byClass: { holderClass: string; grants: number; shares: number }[];
  ineligible: { reason: IneligibleReason; grants: number; shares: number }[];
  tenderUnits: TenderUnit[];
  /**
   * The SAB 107 simplified term of the offer's new option (years), for the record; undefined when
   * the offer does not state the new option's life and vesting ("remaining" basis only).
   */
  simplifiedTermYears?: number;
  /** Possible but suspicious inputs (no class or country matches, nothing eligible, value $0.00, ...). */
  warnings: OfferWarning[];
  /** The model of the filing's figures (transaction valuation, fee, bands, `valuePerShare`): Black-Scholes. */
  feeModel: ModelName;
  /** The eligible options under the policy's valuation model. */
  modelValuation: ModelValuation;
  /** The exchange's ASC 718 incremental fair value (Black-Scholes), or why it is absent. */
  exchangeCost: ExchangeCost;
}

function percent(part: number, whole: number): string {
  if (whole <= 0) return "0.00";
  return new Decimal(part).times(100).dividedBy(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export interface ValuationOptions {
  /** Price every figure with this model instead (a test's, or a lattice for the filing's figures too). */
  model?: PricingModel;
}

/**
 * The pricing model of a valuation policy: Black-Scholes, or the Hull-White lattice on the policy's
 * own assumptions (never a default lattice: hullWhiteModel is not in PRICING_MODELS).
 */
export function policyModel(policy: ValuationPolicy): PricingModel {
  if (policy.model === "hull-white") {
    if (!policy.lattice) throw new Error('the "hull-white" policy has no lattice assumptions');
    return hullWhiteModel({ ...policy.lattice });
  }
  return PRICING_MODELS[policy.model];
}

/** The lattice's arguments (as HULL_WHITE_VALUE names them) and the offer fields they are. */
const LATTICE_FIELDS: Readonly<Record<string, string>> = {
  spot: "stockPrice",
  volatility: "volatility",
  risk_free_rate: "riskFreeRate",
  dividend_yield: "dividendYield",
  vesting_years: "vestingYears",
  exit_rate: "exitRate",
  exercise_multiple: "exerciseMultiple",
  steps_per_year: "stepsPerYear",
};

/**
 * A lattice's refusal of the offer's assumptions for one option's tree (too few steps a year for its
 * term, rate and volatility; an exit rate too high for its step) as the offer's problem, naming
 * offer.<field>, offer.valuationModel and the grant.
 */
function latticeProblem(e: CalcError, grantId: string, termYears: number): OfferTermsError | undefined {
  const name = e.field === undefined ? undefined : LATTICE_FIELDS[e.field];
  if (name === undefined) return undefined;
  const message = `${e.say(undefined, (f) => `offer.${LATTICE_FIELDS[f] ?? f}`)} (the "hull-white" tree of grant ${grantId}, ${termYears.toPrecision(6)} years)`;
  const error: OfferFieldError = { field: name, fields: [name, "valuationModel"], code: "range", message };
  return new OfferTermsError([error], e.code);
}

/** The option term in years of an option expiring on `expiryDate`: ACT/365F, capped by the term basis. */
export function termFor(expiryDate: number, market: Market, termCap: number): number {
  return Math.min(remainingTermYears(market.valuationDate, expiryDate), termCap);
}

/**
 * The longest term the policy allows: the SAB 107 simplified term of the offer's own new option
 * (newOptionLifeYears, newOptionVesting), or no cap. The terms were checked first, so a "simplified"
 * basis always has a new option here.
 */
function termCapOf(records: OfferRecords): number {
  if (records.policy.termBasis !== "simplified") return Infinity;
  const newOption = records.offer.newOption;
  if (!newOption) throw new Error('the "simplified" term basis needs the offer\'s new option (offer.newOptionLifeYears, offer.newOptionVesting)');
  return simplifiedTerm(newOption.lifeYears, newOption.vesting);
}

/** The ledger's grants as a table (grants built in code are stored as given). */
function tableOf(ledger: readonly Grant[] | GrantTable): GrantTable {
  return ledger instanceof GrantTable ? ledger : GrantTable.fromGrants(ledger);
}

/**
 * Values the offer. Throws OfferTermsError for terms out of range (naming offer.<field>), CalcError
 * `#N/A` when no fee rate is given and none is on file for the filing date.
 * @example valueOffer(capstoneGrants, capstoneTerms).transactionValuation === "991619.92"
 */
export function valueOffer(ledger: readonly Grant[] | GrantTable, terms: OfferTerms, options: ValuationOptions = {}): OfferValuation {
  const state = startValuation(ledger, terms, options);
  while (!state.step(Infinity));
  return state.finish();
}

/**
 * The same valuation in slices, so a UI can report progress and stay responsive: call `step(n)`
 * until it returns true, then `finish()`. Each slice runs the steps in turn: eligibility and each
 * option's term (eligibility.ts, daycount), pricing (the policy's model, options/pricing.ts), and
 * adding up (aggregate.ts); `finish` rounds once and figures the fee (offerFee.ts).
 */
export function startValuation(ledger: readonly Grant[] | GrantTable, terms: OfferTerms, options_: ValuationOptions = {}): { step: (n: number) => boolean; finish: () => OfferValuation; done: () => number } {
  // terms read by readOfferTerms pass; terms built in code get the same checks and messages (the
  // elections' own fields, which the valuation does not read, are electionTerms' to check)
  const problems = valuationTermsProblems(terms);
  if (problems.length > 0) throw new OfferTermsError(problems);
  const table = tableOf(ledger);
  const records = offerRecords(terms);
  const { rate, source: rateSource } = offerFeeRate(terms);
  // the filing's model: Black-Scholes (or the caller's); the policy's: its own (or the caller's)
  const feeModel = options_.model ?? BLACK_SCHOLES;
  const valueModel = options_.model ?? policyModel(records.policy);
  const separate = valueModel !== feeModel;
  const termCap = termCapOf(records);
  const rules = eligibilityRules(records.offer);
  const classOk = codesIn(table.holderClass.values, rules.classes);
  const countryOk = codesIn(table.country.values, rules.countries);
  const n = table.length;
  const eligible = new Uint8Array(n);
  const reasons = new Uint8Array(n);
  const options: OptionColumns = { strike: table.exercisePrice, termYears: new Float64Array(n), isCall: true };
  const valuePerShare = new Float64Array(n);
  const pricer = feeModel.session(records.market, n);
  const modelValues = separate ? new Float64Array(n) : valuePerShare;
  const modelPricer = separate ? valueModel.session(records.market, n) : undefined;
  let modelTotal = new ExactDecimal(0);
  const totals = new ValuationTotals(table);
  // the exchange's cost: the valuation's own values are the old options' when they are Black-Scholes
  // on the remaining term
  const life = terms.newOptionLifeYears;
  const shareValues = feeModel === BLACK_SCHOLES && termCap === Infinity;
  const exchange =
    life === undefined ? undefined : new ExchangeCostTotals(table, records.market, { ...terms, newOptionLifeYears: life }, shareValues ? { valuePerShare, termYears: options.termYears } : undefined);
  let i = 0;

  /** The policy's model over [from, to); a tree refused for an eligible grant is the offer's problem, naming the field. */
  const priceWithLattice = (session: NonNullable<typeof modelPricer>, from: number, to: number): void => {
    try {
      session.price(options, modelValues, from, to);
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
      // find the grant whose tree was refused (one at a time: the session remembers what it valued)
      for (let k = from; k < to; k++) {
        try {
          session.price(options, modelValues, k, k + 1);
        } catch (inner) {
          if (inner instanceof CalcError) throw latticeProblem(inner, table.grantId.get(k), options.termYears[k]) ?? inner;
          throw inner;
        }
      }
      throw e;
    }
  };

  const step = (count: number): boolean => {
    const from = i;
    const to = Math.min(n, i + count);
    // 1. which grants the offer takes, and each one's option term
    for (let k = from; k < to; k++) {
      const reason = ineligibleCode(table, k, rules, classOk, countryOk);
      reasons[k] = reason;
      if (reason === 0) {
        eligible[k] = 1;
        options.termYears[k] = termFor(table.expirationDate[k], records.market, termCap);
      }
    }
    // 2. price them: the filing's values, and the policy's when its model is another
    pricer.price(options, valuePerShare, from, to);
    if (modelPricer) priceWithLattice(modelPricer, from, to);
    // 3. add up (an ineligible grant is worth nothing to the offer)
    for (let k = from; k < to; k++) {
      if (!eligible[k]) {
        valuePerShare[k] = 0;
        modelValues[k] = 0;
      } else if (separate) {
        modelTotal = modelTotal.plus(new ExactDecimal(modelValues[k]).times(table.sharesOutstanding[k]));
      }
      totals.add(k, reasons[k], valuePerShare[k]);
    }
    exchange?.add(from, to, eligible);
    i = to;
    return i >= n;
  };

  const finish = (): OfferValuation => {
    const total = totals.total();
    const fee = feeFigures(total, rate, records.fees);
    const transactionValuation = fee.transactionValuation.toFixed(2);
    const ineligible = totals.ineligible();
    const warnings = offerWarnings(table, terms, {
      eligibleCount: totals.eligibleCount,
      eligibleShares: totals.eligibleShares,
      transactionValuation,
      ineligible,
      feeRatePerMillion: rate,
      feeRateSource: rateSource,
    });
    const common = records.offer.commonSharesOutstanding;
    const modelExact = separate ? modelTotal : total;
    const modelValuation: ModelValuation = {
      id: valueModel.id,
      label: valueModel.label,
      valuePerShare: modelValues,
      exactValue: modelExact.toFixed(),
      value: separate ? modelExact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : transactionValuation,
      sameAsFee: !separate,
    };
    if (records.policy.lattice && !options_.model) modelValuation.assumptions = { ...records.policy.lattice };
    const exchangeCost: ExchangeCost = exchange ? exchange.finish(eligible, shareValues ? total : undefined) : { available: false, missing: ["newOptionLifeYears"], note: EXCHANGE_COST_NEEDS_LIFE };
    let grants: Grant[] | undefined;
    return {
      table,
      get grants() {
        grants ??= ledger instanceof GrantTable ? table.toGrants() : [...ledger];
        return grants;
      },
      eligible,
      termYears: options.termYears,
      valuePerShare,
      eligibleCount: totals.eligibleCount,
      eligibleShares: totals.eligibleShares,
      outstandingCount: totals.outstandingCount,
      outstandingShares: totals.outstandingShares,
      exactValuation: total.toFixed(),
      transactionValuation,
      feeRatePerMillion: rate.decimalPlaces() <= 2 ? rate.toFixed(2) : rate.toFixed(),
      feeRateSource: rateSource,
      filingFee: fee.fee.toFixed(2),
      feesPreviouslyPaid: fee.previouslyPaid.toFixed(2),
      netFeeDue: fee.net.toFixed(2),
      eligiblePercentOfOutstanding: percent(totals.eligibleShares, totals.outstandingShares),
      eligiblePercentOfCommon: common ? percent(totals.eligibleShares, common) : undefined,
      bands: totals.bandStatistics(),
      byClass: totals.classes(),
      ineligible,
      tenderUnits: totals.tenderUnits(eligible),
      simplifiedTermYears: records.offer.newOption ? simplifiedTerm(records.offer.newOption.lifeYears, records.offer.newOption.vesting) : undefined,
      warnings,
      feeModel: { id: feeModel.id, label: feeModel.label },
      modelValuation,
      exchangeCost,
    };
  };
  return { step, finish, done: () => i };
}
