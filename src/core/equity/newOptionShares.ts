/**
 * Shares of a new option received for tendered shares, exactly.
 */
import { invalidNumber, showValue } from "../errors";
import { floorDiv, rationalOf } from "./rational";

/**
 * floor(tendered x splitFactor / exchangeRatio), computed exactly. `exchangeRatio` is old options per
 * new option (2 = two old for one new); `splitFactor` is new shares per old share from a split
 * (0.1 for a 1-for-10 reverse split).
 * @example newOptionShares(1026013, 1, 0.1) === 102601
 */
export function newOptionShares(tendered: number, exchangeRatio = 1, splitFactor = 1): number {
  if (!Number.isInteger(tendered) || tendered < 0 || tendered > 1e15) {
    invalidNumber(`tendered_shares (${showValue(tendered)}) must be a whole number from 0 to 1e15`);
  }
  if (!(exchangeRatio > 0) || !(exchangeRatio <= 1e9)) invalidNumber(`exchange_ratio (${showValue(exchangeRatio)}) must be > 0`);
  if (!(splitFactor > 0) || !(splitFactor <= 1e9)) invalidNumber(`split_factor (${showValue(splitFactor)}) must be > 0`);
  const split = rationalOf(splitFactor);
  const ratio = rationalOf(exchangeRatio);
  // tendered * (sn/sd) / (rn/rd) = tendered * sn * rd / (sd * rn)
  const shares = floorDiv(BigInt(tendered) * split.num * ratio.den, split.den * ratio.num);
  if (!Number.isSafeInteger(shares)) {
    invalidNumber(
      `the new option would have more than 2^53 - 1 shares, past exact whole numbers: tendered_shares (${tendered}) x split_factor (${splitFactor}) / exchange_ratio (${exchangeRatio})`,
    );
  }
  return shares;
}
