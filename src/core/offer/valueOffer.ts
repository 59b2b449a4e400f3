/**
 * The tender valuation: eligible grants valued with Black-Scholes, the transaction valuation (exact
 * decimal sum, rounded once to the cent), the SEC fee, and the offer document's statistics.
 */
import Decimal from "decimal.js";
import { invalidNumber } from "../errors";
import { blackScholesUnchecked } from "../options/blackScholes";
import { filingFee } from "../fees/filingFee";
import { simplifiedTerm } from "../equity/simplifiedTerm";
import { NEW_OPTION_VESTING } from "../equity/vesting";
import { Grant } from "../ledger/parseLedger";
import { eligibilitySets, ineligibility, IneligibleReason } from "./eligibility";
import { OfferTerms, OfferTermsError, offerFeeRate, offerTermsProblems } from "./offerTerms";
import { OfferWarning, offerWarnings } from "./warnings";

/** An exercise-price band [from, to) in dollars; `to` undefined = no upper end. */
export interface PriceBand {
  label: string;
  from: number;
  to?: number;
}

/** Bands for the statistics and the chart. */
export const PRICE_BANDS: readonly PriceBand[] = [
  { label: "under $2.00", from: 0, to: 2 },
  { label: "$2.00-$4.99", from: 2, to: 5 },
  { label: "$5.00-$9.99", from: 5, to: 10 },
  { label: "$10.00-$19.99", from: 10, to: 20 },
  { label: "$20.00-$29.99", from: 20, to: 30 },
  { label: "$30.00 and over", from: 30 },
];

export interface BandStatistics {
  label: string;
  grants: number;
  shares: number;
  eligibleGrants: number;
  eligibleShares: number;
  /** Value of the eligible grants in the band, rounded to the cent (decimal string). */
  eligibleValue: string;
}

/** Same-day grants of one holder (an ISO + NSO split): tendered all or none together. */
export interface TenderUnit {
  holderId: string;
  grantDate: number;
  grantIds: string[];
  shares: number;
}

export interface OfferValuation {
  /** The grants valued, in ledger order, and their value per share (0 for ineligible grants). */
  grants: readonly Grant[];
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
  /** The term used for the "simplified" basis (years), for the record. */
  simplifiedTermYears: number;
  /** Possible but suspicious inputs (no class or country matches, nothing eligible, value $0.00, ...). */
  warnings: OfferWarning[];
}

/** Transaction valuations above this are refused (the fee's own limit). */
const MAX_VALUATION = new Decimal(1e15);

function percent(part: number, whole: number): string {
  if (whole <= 0) return "0.00";
  return new Decimal(part).times(100).dividedBy(whole).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** The option term in years for a grant under the offer's term basis. */
export function termFor(grant: Grant, terms: OfferTerms, simplifiedYears: number): number {
  const remaining = Math.max(0, (grant.expirationDate - terms.valuationDate) / 365);
  return terms.termBasis === "simplified" ? Math.min(remaining, simplifiedYears) : remaining;
}

/**
 * Values the offer. Throws OfferTermsError for terms out of range (naming offer.<field>), CalcError
 * `#N/A` when no fee rate is given and none is on file for the filing date.
 * @example valueOffer(capstoneGrants, capstoneTerms).transactionValuation === "991619.92"
 */
export function valueOffer(grants: readonly Grant[], terms: OfferTerms): OfferValuation {
  const state = startValuation(grants, terms);
  while (!state.step(Infinity));
  return state.finish();
}

/**
 * The same valuation in slices, so a UI can report progress and stay responsive: call `step(n)`
 * until it returns true, then `finish()`.
 */
export function startValuation(grants: readonly Grant[], terms: OfferTerms): { step: (n: number) => boolean; finish: () => OfferValuation; done: () => number } {
  // terms read by readOfferTerms pass; terms built in code get the same checks and messages
  const problems = offerTermsProblems(terms);
  if (problems.length > 0) throw new OfferTermsError(problems);
  const { rate, source: rateSource } = offerFeeRate(terms);
  const simplifiedYears = simplifiedTerm(10, NEW_OPTION_VESTING);
  const { classes, countries } = eligibilitySets(terms);
  const n = grants.length;
  const eligible = new Uint8Array(n);
  const termYears = new Float64Array(n);
  const valuePerShare = new Float64Array(n);
  const bandIndex = new Uint8Array(n);
  const reasons = new Map<IneligibleReason, { grants: number; shares: number }>();
  const byClass = new Map<string, { grants: number; shares: number }>();
  const bands = PRICE_BANDS.map((b) => ({ label: b.label, grants: 0, shares: 0, eligibleGrants: 0, eligibleShares: 0, value: new Decimal(0) }));
  let eligibleCount = 0;
  let eligibleShares = 0;
  let outstandingCount = 0;
  let outstandingShares = 0;
  let i = 0;

  const step = (count: number): boolean => {
    const end = Math.min(n, i + count);
    for (; i < end; i++) {
      const g = grants[i];
      let b = PRICE_BANDS.length - 1;
      while (b > 0 && g.exercisePrice < PRICE_BANDS[b].from) b--;
      bandIndex[i] = b;
      if (g.sharesOutstanding > 0) {
        outstandingCount++;
        outstandingShares += g.sharesOutstanding;
        bands[b].grants++;
        bands[b].shares += g.sharesOutstanding;
        const c = byClass.get(g.holderClass || "(blank)") ?? { grants: 0, shares: 0 };
        c.grants++;
        c.shares += g.sharesOutstanding;
        byClass.set(g.holderClass || "(blank)", c);
      }
      const reason = ineligibility(g, terms, classes, countries);
      if (reason !== undefined) {
        const r = reasons.get(reason) ?? { grants: 0, shares: 0 };
        r.grants++;
        r.shares += g.sharesOutstanding;
        reasons.set(reason, r);
        continue;
      }
      eligible[i] = 1;
      const t = termFor(g, terms, simplifiedYears);
      termYears[i] = t;
      const v = blackScholesUnchecked(terms.stockPrice, g.exercisePrice, t, terms.volatility, terms.riskFreeRate, terms.dividendYield, true);
      valuePerShare[i] = v;
      eligibleCount++;
      eligibleShares += g.sharesOutstanding;
      bands[b].eligibleGrants++;
      bands[b].eligibleShares += g.sharesOutstanding;
      // the float result enters as its exact shortest decimal; the product and the sums are exact
      bands[b].value = bands[b].value.plus(new Decimal(v).times(g.sharesOutstanding));
    }
    return i >= n;
  };

  const finish = (): OfferValuation => {
    // the total is the exact sum of the bands' exact sums, rounded once
    const total = bands.reduce((sum, band) => sum.plus(band.value), new Decimal(0));
    const transactionValuation = total.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (transactionValuation.greaterThan(MAX_VALUATION)) {
      invalidNumber(`the transaction valuation ($${transactionValuation.toFixed(2)}) is above $1,000,000,000,000,000: check offer.stockPrice and the ledger's shares`);
    }
    const fee = filingFee(transactionValuation, rate, terms.feeRounding);
    const previously = new Decimal(terms.feesPreviouslyPaid);
    const net = Decimal.max(0, fee.minus(previously));
    const units = new Map<string, TenderUnit>();
    for (let k = 0; k < n; k++) {
      if (!eligible[k] || grants[k].holderId === "") continue;
      const key = `${grants[k].holderId}\u0000${grants[k].grantDate}`;
      const unit = units.get(key) ?? { holderId: grants[k].holderId, grantDate: grants[k].grantDate, grantIds: [], shares: 0 };
      unit.grantIds.push(grants[k].grantId);
      unit.shares += grants[k].sharesOutstanding;
      units.set(key, unit);
    }
    const ineligible = [...reasons.entries()].map(([reason, r]) => ({ reason, ...r }));
    const warnings = offerWarnings(grants, terms, {
      eligibleCount,
      eligibleShares,
      transactionValuation: transactionValuation.toFixed(2),
      ineligible,
      feeRatePerMillion: rate,
      feeRateSource: rateSource,
    });
    return {
      grants,
      eligible,
      termYears,
      valuePerShare,
      eligibleCount,
      eligibleShares,
      outstandingCount,
      outstandingShares,
      exactValuation: total.toFixed(),
      transactionValuation: transactionValuation.toFixed(2),
      feeRatePerMillion: rate.decimalPlaces() <= 2 ? rate.toFixed(2) : rate.toFixed(),
      feeRateSource: rateSource,
      filingFee: fee.toFixed(2),
      feesPreviouslyPaid: previously.toFixed(2),
      netFeeDue: net.toFixed(2),
      eligiblePercentOfOutstanding: percent(eligibleShares, outstandingShares),
      eligiblePercentOfCommon: terms.sharesOutstanding ? percent(eligibleShares, terms.sharesOutstanding) : undefined,
      bands: bands.map((b) => ({
        label: b.label,
        grants: b.grants,
        shares: b.shares,
        eligibleGrants: b.eligibleGrants,
        eligibleShares: b.eligibleShares,
        eligibleValue: b.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      })),
      byClass: [...byClass.entries()].map(([holderClass, c]) => ({ holderClass, ...c })).sort((a, b) => b.shares - a.shares),
      ineligible,
      tenderUnits: [...units.values()].filter((u) => u.grantIds.length > 1),
      simplifiedTermYears: simplifiedYears,
      warnings,
    };
  };
  return { step, finish, done: () => i };
}
