/**
 * SAB 107/110 "simplified" expected term of an employee option.
 */
import { invalidNumber, showValue } from "../errors";
import { VestingTerms, weightedAverageVestingYears } from "./vesting";

/**
 * (share-weighted average vesting years + contractual years) / 2.
 * @example simplifiedTerm(10, NEW_OPTION_VESTING) === (903 / 576 + 10) / 2 (≈ 5.7839 years)
 */
export function simplifiedTerm(contractualYears: number, terms: VestingTerms): number {
  if (!(contractualYears > 0) || !(contractualYears <= 100)) {
    invalidNumber(`contractual_years (${showValue(contractualYears)}) must be > 0 and <= 100`);
  }
  const vesting = weightedAverageVestingYears(terms);
  if (vesting > contractualYears) {
    invalidNumber(`the average vesting term (${vesting} years) exceeds contractual_years (${contractualYears})`);
  }
  return (vesting + contractualYears) / 2;
}
