/**
 * Incremental fair value of a modification of an option award (ASC 718-20-35-3).
 *
 * A repricing, an exchange of options for new options, or a longer exercise window (after a
 * separation, say) modifies an award. Its incremental cost is the fair value of the modified award
 * minus the fair value of the original award immediately before the modification, both measured at
 * the modification date on the same market (spot, volatility, rate, yield), and never below zero:
 *
 *   max(0, new_shares x BS(spot, new_strike, new_term) - old_shares x BS(spot, old_strike, old_term)),
 *
 * with BS the Black-Scholes-Merton call of blackScholes.ts. "Immediately before" means the terms the
 * original award has left: for an extended post-termination window, the window actually left (for
 * example 0.25 years), not the grant's expected term.
 *
 * Share counts need not be whole: an exchange is usually stated as a ratio, and a value-for-value
 * exchange (old_shares = VALUE_FOR_VALUE_RATIO's old options per new option, new_shares = 1) gives 0.
 * old_shares must be > 0: with no original award there is nothing to modify (an award granted
 * outright costs its own grant-date fair value, not an increment). new_shares may be 0: a cancellation
 * with no replacement has no incremental value (ASC 718-20-35-9 recognises the original award's
 * unrecognised cost at once, which is not an increment).
 *
 * The result is an option value in float64 (as blackScholes.ts's); it is not money to be summed to the
 * cent, so it is not a decimal.
 */
import { raise } from "../errors";
import { blackScholesUnchecked, checkBlackScholesInputs } from "../options/blackScholes";

/**
 * Incremental fair value of modifying `oldShares` options (old_strike, old_term_years) into
 * `newShares` options (new_strike, new_term_years), both calls valued with Black-Scholes-Merton at
 * the modification date; dollars for the whole award (per option when both share counts are 1).
 * Arguments are named in errors as INCREMENTAL_FAIR_VALUE names them.
 * @example incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1) ≈ 4.7594 - 0.6582 = 4.1012 (a repricing from 50 to 40; Hull's 4.7594)
 * @throws CalcError `#NUM!` naming the argument out of domain (spot, old_strike, old_term_years,
 *   new_strike, new_term_years, volatility, risk_free_rate, dividend_yield as blackScholes checks them;
 *   old_shares `noOriginalAward` unless > 0 and finite; new_shares unless >= 0 and finite), or when a
 *   value overflows (`optionValuesOverflow`, `awardValuesOverflow`)
 */
export function incrementalFairValue(
  spot: number,
  oldStrike: number,
  oldTermYears: number,
  newStrike: number,
  newTermYears: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield = 0,
  oldShares = 1,
  newShares = 1,
): number {
  const q = dividendYield;
  checkBlackScholesInputs(spot, oldStrike, oldTermYears, volatility, riskFreeRate, q, { strike: "old_strike", termYears: "old_term_years" });
  checkBlackScholesInputs(spot, newStrike, newTermYears, volatility, riskFreeRate, q, { strike: "new_strike", termYears: "new_term_years" });
  if (!Number.isFinite(oldShares)) raise("notFinite", "old_shares", { value: oldShares });
  if (!(oldShares > 0)) raise("noOriginalAward", "old_shares", { value: oldShares });
  if (!Number.isFinite(newShares)) raise("notFinite", "new_shares", { value: newShares });
  if (!(newShares >= 0)) raise("atLeast", "new_shares", { value: newShares, min: 0 });

  const oldValue = blackScholesUnchecked(spot, oldStrike, oldTermYears, volatility, riskFreeRate, q, true);
  const newValue = blackScholesUnchecked(spot, newStrike, newTermYears, volatility, riskFreeRate, q, true);
  if (!Number.isFinite(oldValue) || !Number.isFinite(newValue)) {
    raise("optionValuesOverflow", undefined, { spot, dividendYield: q, oldTermYears, newTermYears });
  }
  const before = oldShares * oldValue;
  const after = newShares * newValue;
  if (!Number.isFinite(before) || !Number.isFinite(after)) {
    raise("awardValuesOverflow", undefined, { newShares, newValue, oldShares, oldValue });
  }
  const increment = after - before;
  return increment > 0 ? increment : 0;
}
