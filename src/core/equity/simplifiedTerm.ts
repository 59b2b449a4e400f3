/**
 * SAB 107/110 "simplified" expected term of an employee option.
 */
import { raise } from "../errors";
import { VestingTerms, weightedAverageVestingYears } from "./vesting";

/**
 * (share-weighted average vesting years + contractual years) / 2.
 * @example simplifiedTerm(10, NEW_OPTION_VESTING) === (903 / 576 + 10) / 2 (≈ 5.7839 years)
 */
export function simplifiedTerm(contractualYears: number, terms: VestingTerms): number {
  if (!(contractualYears > 0) || !(contractualYears <= 100)) {
    raise("greaterThanAtMost", "contractual_years", { value: contractualYears, min: 0, max: 100 });
  }
  const vesting = weightedAverageVestingYears(terms);
  if (vesting > contractualYears) {
    raise("vestingExceedsTerm", "contractual_years", { value: contractualYears, vestingYears: vesting });
  }
  return (vesting + contractualYears) / 2;
}
