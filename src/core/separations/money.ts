/**
 * Money for the separation functions: decimal.js with room for every digit (40 significant digits,
 * so a salary times a day count never rounds before the one rounding to the cent), the largest
 * amount an argument may be, and the largest a cell can show to the exact cent.
 */
import Decimal from "decimal.js";
import { raise } from "../errors";

/** decimal.js with 40 significant digits: products of dollars and day counts stay exact. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

/** The largest money argument, in dollars ($1,000,000,000,000). */
export const MAX_DOLLARS = 1e12;

/**
 * The largest result a cell holds to the exact cent: a double is exact to the cent up to
 * 2^53 cents (about $90,071,992,547,409.92); results are kept under $90,000,000,000,000.
 */
export const MAX_EXACT_DOLLARS = 90_000_000_000_000;

/** Throws `between` naming `field` unless 0 <= value <= {@link MAX_DOLLARS} (and finite). */
export function checkDollars(value: number, field: string): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= MAX_DOLLARS)) {
    raise("between", field, { value, min: 0, max: "1,000,000,000,000", unit: "dollars" });
  }
}

/** Throws `amountBeyondCents` naming `field` when a result is too large to show to the cent. */
export function checkExactCents(amount: Money, field: string): void {
  if (amount.greaterThan(MAX_EXACT_DOLLARS)) {
    raise("amountBeyondCents", field, { amount: amount.toFixed(2), limit: "90,000,000,000,000" });
  }
}
