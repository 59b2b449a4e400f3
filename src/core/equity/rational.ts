/**
 * Exact rational arithmetic for share counts: a float argument (0.125, 0.1) is read as the decimal
 * it prints as, so 1,000 x 0.1 is exactly 100 and no float rounding reaches a floored share count.
 */
import Decimal from "decimal.js";

/** A non-negative rational number numerator/denominator in BigInt. */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** The exact rational value of a finite number's shortest decimal representation. */
export function rationalOf(x: number): Rational {
  const [n, d] = new Decimal(x).toFraction();
  return { num: BigInt(n.toFixed(0)), den: BigInt(d.toFixed(0)) };
}

/** floor(num / den) for den > 0, as a number. */
export function floorDiv(num: bigint, den: bigint): number {
  let q = num / den;
  if (num % den !== 0n && num < 0n !== den < 0n) q -= 1n;
  return Number(q);
}
