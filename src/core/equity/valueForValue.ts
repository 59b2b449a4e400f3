/**
 * Value-for-value exchange ratio.
 */
import { raise } from "../errors";
import { blackScholesUnchecked, checkBlackScholesInputs } from "../options/blackScholes";

/** Inputs of a value-for-value ratio; the new option is at the money (strike = spot). */
export interface ValueForValueInputs {
  spot: number;
  oldStrike: number;
  oldTermYears: number;
  newTermYears: number;
  volatility: number;
  riskFreeRate: number;
  dividendYield?: number;
}

/**
 * Old options to surrender per new at-the-money option of equal Black-Scholes value:
 * value(new) / value(old). Messages name the arguments as VALUE_FOR_VALUE_RATIO does (old_strike,
 * old_term_years, new_term_years, ...), not as the Black-Scholes valuation inside it would.
 * @example valueForValueRatio({ spot: 1.27, oldStrike: 5, oldTermYears: 7, newTermYears: 10, volatility: 0.9, riskFreeRate: 0.03 }) > 1
 * @throws CalcError `#NUM!` naming the argument out of domain, or when either option is worth nothing
 */
export function valueForValueRatio(inputs: ValueForValueInputs): number {
  const { spot, oldStrike, oldTermYears, newTermYears, volatility, riskFreeRate } = inputs;
  const q = inputs.dividendYield ?? 0;
  checkBlackScholesInputs(spot, oldStrike, oldTermYears, volatility, riskFreeRate, q, { strike: "old_strike", termYears: "old_term_years" });
  checkBlackScholesInputs(spot, spot, newTermYears, volatility, riskFreeRate, q, { termYears: "new_term_years" });
  const oldValue = blackScholesUnchecked(spot, oldStrike, oldTermYears, volatility, riskFreeRate, q, true);
  const newValue = blackScholesUnchecked(spot, spot, newTermYears, volatility, riskFreeRate, q, true);
  if (!Number.isFinite(oldValue) || !Number.isFinite(newValue)) {
    raise("optionValuesOverflow", undefined, { spot, dividendYield: q, oldTermYears, newTermYears });
  }
  if (!(oldValue > 0)) {
    raise("oldOptionWorthless", undefined, { spot, oldStrike, oldTermYears, volatility });
  }
  if (!(newValue > 0)) {
    raise("newOptionWorthless", undefined, { newTermYears, volatility });
  }
  const ratio = newValue / oldValue;
  if (!Number.isFinite(ratio)) {
    raise("ratioOverflows", undefined, { oldStrike, oldTermYears, oldValue });
  }
  return ratio;
}
