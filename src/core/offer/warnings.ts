/**
 * Warnings about an offer's valuation: inputs that are possible but suspicious, so the report and the
 * pane say so instead of printing a plausible-looking $0.00.
 */
import Decimal from "decimal.js";
import { calendarFor } from "../calendars/calendar";
import { serialToIso } from "../dates/serial";
import { feeRatePeriodOn } from "../fees/feeRates";
import { InternedColumn } from "../tables/table";
import { IneligibleReason } from "./eligibility";
import { offerMinExpiration } from "./offerMinExpiration";
import { OfferTerms } from "./offerTerms";

/** Stable codes, for programs; the message is for people. */
export type OfferWarningCode =
  /** No grant's holder class is one of offer.eligibleHolderClasses. */
  | "no-holder-class-match"
  /** No grant's country is one of offer.eligibleCountries. */
  | "no-country-match"
  /** No grant is eligible (or the ledger has none): the valuation and the fee are $0.00. */
  | "no-eligible-grants"
  /** Grants are eligible but all are worth $0.00 at these assumptions. */
  | "eligible-value-zero"
  /** The offer's own fee rate is not the SEC rate on file for its filing date. */
  | "fee-rate-not-sec-rate"
  /** The offer expires before the 20th business day from commencement (Rule 14e-1). */
  | "offer-period-short"
  /** The offer states the lattice's assumptions but its valuation model is "black-scholes", which does not read them. */
  | "lattice-assumptions-unused";

export interface OfferWarning {
  code: OfferWarningCode;
  message: string;
}

/** What the valuation found, as far as the warnings need it. */
export interface ValuationSummary {
  eligibleCount: number;
  eligibleShares: number;
  /** Rounded to the cent, decimal string. */
  transactionValuation: string;
  ineligible: readonly { reason: IneligibleReason; grants: number }[];
  feeRatePerMillion: Decimal;
  feeRateSource: "offer" | "FEE_RATE";
}

/** At most this many values are listed in a message. */
const LISTED = 10;

function plural(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

/** The columns the warnings look at (a GrantTable has them). */
export interface WarningColumns {
  length: number;
  holderClass: InternedColumn;
  country: InternedColumn;
}

/** "officer (3 grants), director (1 grant)", largest first, at most LISTED. */
function tally(column: InternedColumn): string {
  const byCode = new Uint32Array(column.values.length);
  for (let i = 0; i < column.codes.length; i++) byCode[column.codes[i]]++;
  const counts = new Map<string, number>();
  byCode.forEach((n, code) => n > 0 && counts.set(column.values[code], n));
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, LISTED).map(([v, n]) => `${v === "" ? "(blank)" : v} (${plural(n, "grant")})`);
  if (sorted.length > LISTED) shown.push(`and ${sorted.length - LISTED} more`);
  return shown.join(", ");
}

/** True when some grant's value in the column is in `set`. */
function anyIn(column: InternedColumn, set: ReadonlySet<string>): boolean {
  for (let i = 0; i < column.codes.length; i++) if (set.has(column.values[column.codes[i]])) return true;
  return false;
}

/**
 * The warnings for a valuation, in a fixed order. Scans the grants only when a class or country
 * matches none (it stops at the first match otherwise).
 */
export function offerWarnings(grants: WarningColumns, terms: OfferTerms, summary: ValuationSummary): OfferWarning[] {
  const warnings: OfferWarning[] = [];
  if (grants.length > 0 && !anyIn(grants.holderClass, new Set(terms.eligibleHolderClasses))) {
    warnings.push({
      code: "no-holder-class-match",
      message:
        `no grant's holder class is one of offer.eligibleHolderClasses (${JSON.stringify(terms.eligibleHolderClasses)}); ` +
        `the ledger's classes: ${tally(grants.holderClass)}`,
    });
  }
  if (grants.length > 0 && !anyIn(grants.country, new Set(terms.eligibleCountries))) {
    warnings.push({
      code: "no-country-match",
      message:
        `no grant's country is one of offer.eligibleCountries (${JSON.stringify(terms.eligibleCountries)}); ` +
        `the ledger's countries: ${tally(grants.country)}`,
    });
  }
  if (summary.eligibleCount === 0) {
    const why = summary.ineligible.filter((r) => r.grants > 0).map((r) => `${r.reason}: ${plural(r.grants, "grant")}`);
    warnings.push({
      code: "no-eligible-grants",
      message:
        grants.length === 0
          ? "no grant was accepted from the ledger (see its rejected rows), so the transaction valuation and the fee are $0.00"
          : `no grant is eligible, so the transaction valuation and the fee are $0.00 (not eligible: ${why.join("; ")})`,
    });
  } else if (new Decimal(summary.transactionValuation).isZero()) {
    warnings.push({
      code: "eligible-value-zero",
      message:
        `the ${plural(summary.eligibleCount, "eligible grant")} (${plural(summary.eligibleShares, "share")}) are worth $0.00 ` +
        `at offer.stockPrice ${terms.stockPrice} and offer.volatility ${terms.volatility}, so the transaction valuation and the fee are $0.00`,
    });
  }
  if (summary.feeRateSource === "offer") {
    const period = feeRatePeriodOn(terms.filingDate);
    if (period && !new Decimal(period.rate).equals(summary.feeRatePerMillion)) {
      warnings.push({
        code: "fee-rate-not-sec-rate",
        message:
          `offer.feeRatePerMillion (${summary.feeRatePerMillion.toFixed()}) is not the SEC rate for offer.filingDate ` +
          `${serialToIso(terms.filingDate)} (${new Decimal(period.rate).toFixed(2)} per $1,000,000, ${period.fiscalYear})`,
      });
    }
  }
  const calendar = calendarFor("FEDERAL");
  // the federal calendar runs 1971-2099; 20 business days fit in the 60 days before its end
  if (terms.commencementDate >= calendar.first && terms.commencementDate <= calendar.last - 60) {
    const earliest = offerMinExpiration(terms.commencementDate, 20, calendar);
    if (terms.expirationDate < earliest) {
      warnings.push({
        code: "offer-period-short",
        message:
          `offer.expirationDate (${serialToIso(terms.expirationDate)}) is before the 20th business day from ` +
          `offer.commencementDate (${serialToIso(earliest)}): Rule 14e-1 keeps a tender offer open at least 20 business days`,
      });
    }
  }
  if (terms.valuationModel !== "hull-white") {
    const stated = (["vestingYears", "exitRate", "exerciseMultiple", "stepsPerYear"] as const).filter((name) => terms[name] !== undefined);
    if (stated.length > 0) {
      warnings.push({
        code: "lattice-assumptions-unused",
        message:
          `${stated.map((name) => `offer.${name} (${terms[name]})`).join(", ")} ${stated.length === 1 ? "is" : "are"} not used: ` +
          `offer.valuationModel is "${terms.valuationModel}" (the Hull-White lattice's assumptions are read only with "hull-white")`,
      });
    }
  }
  return warnings;
}
