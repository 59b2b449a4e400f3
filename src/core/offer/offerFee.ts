/**
 * The fee step: the transaction valuation rounded once to the cent, the SEC fee on it, and the net fee
 * after fees previously paid (all decimal).
 */
import Decimal from "decimal.js";
import { raise } from "../errors";
import { filingFee } from "../fees/filingFee";
import { FeeSettings } from "./records";

/** Transaction valuations above this are refused (the fee's own limit). */
const MAX_VALUATION = new Decimal(1e15);

export interface FeeFigures {
  transactionValuation: Decimal;
  fee: Decimal;
  previouslyPaid: Decimal;
  net: Decimal;
}

/**
 * @param exactTotal the exact (unrounded) sum of the eligible options' values
 * @param rate dollars per $1,000,000
 * @example feeFigures(new Decimal("991619.9249"), new Decimal("80.90"), { rounding: "cent", previouslyPaid: "0", filingDate: 0 }).fee.toFixed(2) === "80.22"
 */
export function feeFigures(exactTotal: Decimal, rate: Decimal, fees: FeeSettings): FeeFigures {
  const transactionValuation = exactTotal.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (transactionValuation.greaterThan(MAX_VALUATION)) {
    raise("valuationTooLarge", undefined, { valuation: transactionValuation.toFixed(2), limit: "1,000,000,000,000,000", check: ["offer.stockPrice", "the ledger's shares"] });
  }
  const fee = filingFee(transactionValuation, rate, fees.rounding);
  const previouslyPaid = new Decimal(fees.previouslyPaid);
  return { transactionValuation, fee, previouslyPaid, net: Decimal.max(0, fee.minus(previouslyPaid)) };
}
