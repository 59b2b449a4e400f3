/**
 * The SEC filing fee for a transaction valuation, in decimal arithmetic.
 */
import Decimal from "decimal.js";
import { invalidNumber, invalidValue, notAvailable, showValue } from "../errors";
import { serialToIso, serialToYmd } from "../dates/serial";
import { feeRatePeriodOn, fiscalYearOf } from "./feeRates";

/** "cent": half-up to the cent (most filings); "dollar": up to the next whole dollar. */
export type FeeRounding = "cent" | "dollar";

/** Parses a rounding argument (case-insensitive; blank = cent). */
export function parseFeeRounding(value: string | null | undefined, argument = "rounding"): FeeRounding {
  if (value === null || value === undefined || value.trim() === "") return "cent";
  const v = value.trim().toLowerCase();
  if (v === "cent" || v === "dollar") return v;
  return invalidValue(`${argument} (${showValue(value)}) must be "cent" or "dollar"`);
}

/**
 * SEC fee rate in dollars per $1,000,000 for a filing on `filingDate` (a serial).
 * @example feeRate(serial(2003-06-25)).toString() === "80.9"
 * @throws CalcError `#N/A` when the fiscal year's rate is not on file (from 2026-10-01)
 */
export function feeRate(filingDate: number): Decimal {
  const period = feeRatePeriodOn(filingDate);
  if (!period) {
    const { year, month } = serialToYmd(filingDate);
    return notAvailable(
      `the SEC fee rate for FY${fiscalYearOf(year, month)} (filing date ${serialToIso(filingDate)}) is not on file: ` +
        `pass the rate per $1,000,000 to FILING_FEE as rate_per_million`,
    );
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
    invalidNumber(`transaction_valuation (${showValue(Number(valuation))}) must be between 0 and 1e15 dollars`);
  }
  if (!rate.isFinite() || !rate.greaterThan(0) || rate.greaterThan(1e6)) {
    invalidNumber(`rate_per_million (${showValue(Number(rate))}) must be > 0 and <= 1,000,000 dollars per $1,000,000`);
  }
  const exact = valuation.times(rate).dividedBy(1_000_000);
  return rounding === "dollar"
    ? exact.toDecimalPlaces(0, Decimal.ROUND_CEIL)
    : exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
