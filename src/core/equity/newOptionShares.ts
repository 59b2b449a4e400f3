/**
 * Shares of a new option received for tendered shares, exactly.
 */
import { raise } from "../errors";
import { floorDiv, rationalOf } from "./rational";

/**
 * floor(tendered x splitFactor / exchangeRatio), computed exactly. `exchangeRatio` is old options per
 * new option (2 = two old for one new); `splitFactor` is new shares per old share from a split
 * (0.1 for a 1-for-10 reverse split).
 * @example newOptionShares(1026013, 1, 0.1) === 102601
 */
export function newOptionShares(tendered: number, exchangeRatio = 1, splitFactor = 1): number {
  if (!Number.isInteger(tendered) || tendered < 0 || tendered > 1e15) {
    raise("wholeNumberFrom", "tendered_shares", { value: tendered, min: 0, max: "1e15" });
  }
  if (!(exchangeRatio > 0) || !(exchangeRatio <= 1e9)) raise("greaterThan", "exchange_ratio", { value: exchangeRatio, min: 0 });
  if (!(splitFactor > 0) || !(splitFactor <= 1e9)) raise("greaterThan", "split_factor", { value: splitFactor, min: 0 });
  const split = rationalOf(splitFactor);
  const ratio = rationalOf(exchangeRatio);
  // tendered * (sn/sd) / (rn/rd) = tendered * sn * rd / (sd * rn)
  const shares = floorDiv(BigInt(tendered) * split.num * ratio.den, split.den * ratio.num);
  if (!Number.isSafeInteger(shares)) {
    raise("sharesNotExact", undefined, { tendered, splitFactor, exchangeRatio });
  }
  return shares;
}

/** How new option shares are rounded: each grant floored, the holder's total floored, or each grant to the nearest share. */
export type NewShareRounding = "floor-per-grant" | "floor-per-holder" | "nearest-per-grant";

/** New option shares per old share as an exact fraction num / den (split factor / exchange ratio), and the rounding. */
export interface ShareFactor {
  num: bigint;
  den: bigint;
  rounding: NewShareRounding;
}

/** The exact factor of an exchange: `splitFactor / exchangeRatio` new shares per old share. */
export function shareFactor(exchangeRatio: number, splitFactor: number, rounding: NewShareRounding): ShareFactor {
  const split = rationalOf(splitFactor);
  const ratio = rationalOf(exchangeRatio);
  // shares x split / ratio = shares x split.num x ratio.den / (split.den x ratio.num)
  return { num: split.num * ratio.den, den: split.den * ratio.num, rounding };
}

/**
 * New option shares for each of one holder's grants, exactly, by the rounding rule: `floor-per-grant`
 * (each grant floored, as NEW_OPTION_SHARES), `nearest-per-grant` (each grant to the nearest share,
 * halves up), `floor-per-holder` (the holder's total floored once; the grants get their floors and the
 * shares left over go one each to the grants with the largest fractions, the first grant breaking
 * ties, so the grants add up to the holder's total).
 * @example roundNewShares([1001, 1001, 1001], shareFactor(2, 1, "floor-per-holder")) -> [501, 500, 500]
 */
export function roundNewShares(shares: readonly number[], factor: ShareFactor): number[] {
  const { num, den, rounding } = factor;
  if (rounding === "nearest-per-grant") return shares.map((s) => floorDiv(2n * BigInt(s) * num + den, 2n * den));
  const floors = shares.map((s) => floorDiv(BigInt(s) * num, den));
  if (rounding === "floor-per-grant" || shares.length < 2) return floors;
  const total = floorDiv(shares.reduce((t, s) => t + BigInt(s), 0n) * num, den);
  let left = total - floors.reduce((t, f) => t + f, 0);
  const remainders = shares.map((s, k) => ({ k, r: (BigInt(s) * num) % den }));
  remainders.sort((x, y) => (x.r === y.r ? x.k - y.k : x.r > y.r ? -1 : 1));
  for (const { k } of remainders) {
    if (left <= 0) break;
    floors[k] += 1;
    left -= 1;
  }
  return floors;
}
