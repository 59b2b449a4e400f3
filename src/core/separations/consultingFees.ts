/**
 * Fees for consulting beyond the hours a month the agreement includes. Seed 001: the former CEO is
 * "available to the Company for consulting advice for up to ten hours per month" and, asked for
 * more, is paid "at a rate of $500 per hour". Each month's hours above the included hours are paid
 * at the rate; unused included hours do not carry over to another month. The total is rounded
 * half-up to the cent once (hours may be fractional).
 */
import { raise } from "../errors";
import { checkDollars, checkExactCents, Money } from "./money";

/** The most hours a month can hold: 31 days x 24 hours. */
export const MAX_MONTH_HOURS = 744;

/**
 * Sum over months of max(0, hours - included) x rate, in dollars.
 * @example consultingFees([8, 12, 10, 15.5], 10, 500).toFixed(2) === "3750.00" // (2 + 5.5) x 500
 */
export function consultingFees(hoursByMonth: readonly number[], includedHours = 10, hourlyRate = 500): Money {
  if (!(Number.isFinite(includedHours) && includedHours >= 0 && includedHours <= MAX_MONTH_HOURS)) {
    raise("between", "included_hours", { value: includedHours, min: 0, max: MAX_MONTH_HOURS, unit: "hours a month" });
  }
  checkDollars(hourlyRate, "hourly_rate");
  const included = new Money(includedHours);
  let excess = new Money(0);
  hoursByMonth.forEach((hours, i) => {
    if (!(Number.isFinite(hours) && hours >= 0 && hours <= MAX_MONTH_HOURS)) {
      raise("monthHoursOutOfRange", "hours_by_month", { value: hours, month: i + 1, max: MAX_MONTH_HOURS });
    }
    const over = new Money(hours).minus(included);
    if (over.greaterThan(0)) excess = excess.plus(over);
  });
  const fees = excess.times(hourlyRate).toDecimalPlaces(2, Money.ROUND_HALF_UP);
  checkExactCents(fees, "hourly_rate");
  return fees;
}
