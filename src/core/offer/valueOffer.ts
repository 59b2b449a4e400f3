/**
 * The tender valuation: eligible grants valued with Black-Scholes, the transaction valuation (exact
 * decimal sum, rounded once to the cent), the SEC fee, and the offer document's statistics.
 */
import Decimal from "decimal.js";
import { remainingTermYears } from "../daycount/yearFraction";
import { simplifiedTerm } from "../equity/simplifiedTerm";
import { Grant, GrantTable } from "../ledger/grantTable";
import { OptionColumns, PricingModel, PRICING_MODELS } from "../options/pricing";
import { BandStatistics, TenderUnit, ValuationTotals } from "./aggregate";
import { codesIn, eligibilityRules, ineligibleCode, IneligibleReason } from "./eligibility";
import { feeFigures } from "./offerFee";
import { OfferTerms, OfferTermsError, offerFeeRate, valuationTermsProblems } from "./offerTerms";
import { Market, offerRecords, OfferRecords } from "./records";
import { OfferWarning, offerWarnings } from "./warnings";

export { PRICE_BANDS } from "./aggregate";
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
}

function percent(part: number, whole: number): string {
  if (whole <= 0) return "0.00";
  return new Decimal(part).times(100).dividedBy(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export interface ValuationOptions {
  /** Price with this model instead of the policy's (a lattice, a test's). */
  model?: PricingModel;
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
  const model = options_.model ?? PRICING_MODELS[records.policy.model];
  const termCap = termCapOf(records);
  const rules = eligibilityRules(records.offer);
  const classOk = codesIn(table.holderClass.values, rules.classes);
  const countryOk = codesIn(table.country.values, rules.countries);
  const n = table.length;
  const eligible = new Uint8Array(n);
  const reasons = new Uint8Array(n);
  const options: OptionColumns = { strike: table.exercisePrice, termYears: new Float64Array(n), isCall: true };
  const valuePerShare = new Float64Array(n);
  const pricer = model.session(records.market, n);
  const totals = new ValuationTotals(table);
  let i = 0;

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
    // 2. price them
    pricer.price(options, valuePerShare, from, to);
    // 3. add up (an ineligible grant is worth nothing to the offer)
    for (let k = from; k < to; k++) {
      if (!eligible[k]) valuePerShare[k] = 0;
      totals.add(k, reasons[k], valuePerShare[k]);
    }
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
    };
  };
  return { step, finish, done: () => i };
}
