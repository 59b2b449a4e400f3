/**
 * Year fractions between serial dates. Option terms use ACT/365 Fixed: actual days / 365, the
 * convention of Black-Scholes terms in Hull and of the 2003 filing (T = days to expiry / 365). Every
 * term in years goes through here, never an inline "/ 365".
 */

/** Days in the ACT/365 Fixed year. */
export const DAYS_PER_YEAR_ACT365F = 365;

/**
 * ACT/365 Fixed: (end - start) / 365 in years; negative when end precedes start.
 * @example act365Fixed(37795, 37795 + 365) === 1
 */
export function act365Fixed(start: number, end: number): number {
  return (end - start) / DAYS_PER_YEAR_ACT365F;
}

/**
 * The remaining term of an option on a valuation date, ACT/365 Fixed, floored at 0 (an option past
 * its expiry has no time left).
 * @example remainingTermYears(37795, 37795 + 730) === 2
 */
export function remainingTermYears(valuationDate: number, expiryDate: number): number {
  return Math.max(0, act365Fixed(valuationDate, expiryDate));
}
