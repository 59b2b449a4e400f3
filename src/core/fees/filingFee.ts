/**
 * The SEC filing fee for a transaction valuation, in decimal arithmetic.
 */
import Decimal from "decimal.js";
import { raise } from "../errors";
import { serialToIso, serialToYmd } from "../dates/serial";
import { feeRatePeriodOn, fiscalYearOf } from "./feeRates";

/** "cent": half-up to the cent (most filings); "dollar": up to the next whole dollar. */
export type FeeRounding = "cent" | "dollar";

/** Parses a rounding argument (case-insensitive; blank = cent). */
export function parseFeeRounding(value: string | null | undefined, argument = "rounding"): FeeRounding {
  if (value === null || value === undefined || value.trim() === "") return "cent";
  const v = value.trim().toLowerCase();
  if (v === "cent" || v === "dollar") return v;
  return raise("notEither", argument, { value, choices: ["cent", "dollar"] });
}

/**
 * SEC fee rate in dollars per $1,000,000 for a filing on `filingDate` (a serial).
 * @example feeRate(serial(2003-06-25)).toString() === "80.9"
 * @throws CalcError `#N/A` (key `feeRateNotOnFile`, field `argument`) when the fiscal year's rate is
 *   not on file (from 2026-10-01)
 */
export function feeRate(filingDate: number, argument = "filing_date"): Decimal {
  const period = feeRatePeriodOn(filingDate);
  if (!period) {
    const { year, month } = serialToYmd(filingDate);
    return raise("feeRateNotOnFile", argument, { fiscalYear: fiscalYearOf(year, month), filingDate: serialToIso(filingDate) });
  }
  return new Decimal(period.rate);
}

/**
 * Filing fee = valuation x rate / 1,000,000, rounded once.
 * @example filingFee(new Decimal("991619.92"), new Decimal("80.90"), "cent").toFixed(2) === "80.22"
 */
export function filingFee(transactionValuation: Decimal.Value, ratePerMillion: Decimal.Value, rounding: FeeRounding = "cent"): Decimal {
  const valuation = new Decimal(transactionValuation);
  const rate = new Decimal(ratePerMillion);
  if (!valuation.isFinite() || valuation.isNegative() || valuation.greaterThan(1e15)) {
    raise("between", "transaction_valuation", { value: Number(valuation), min: 0, max: "1e15", unit: "dollars" });
  }
  if (!rate.isFinite() || !rate.greaterThan(0) || rate.greaterThan(1e6)) {
    raise("greaterThanAtMost", "rate_per_million", { value: Number(rate), min: 0, max: "1,000,000", unit: "dollars per $1,000,000" });
  }
  const exact = valuation.times(rate).dividedBy(1_000_000);
  return rounding === "dollar"
    ? exact.toDecimalPlaces(0, Decimal.ROUND_CEIL)
    : exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
