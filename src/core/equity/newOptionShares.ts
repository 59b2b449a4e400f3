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
