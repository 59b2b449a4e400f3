/**
 * Value-for-value exchange ratio.
 */
import { invalidNumber } from "../errors";
import { blackScholes } from "../options/blackScholes";

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
 * value(new) / value(old).
 * @example valueForValueRatio({ spot: 1.27, oldStrike: 5, oldTermYears: 7, newTermYears: 10, volatility: 0.9, riskFreeRate: 0.03 }) > 1
 */
export function valueForValueRatio(inputs: ValueForValueInputs): number {
  const q = inputs.dividendYield ?? 0;
  const market = { spot: inputs.spot, volatility: inputs.volatility, riskFreeRate: inputs.riskFreeRate, dividendYield: q };
  const oldValue = blackScholes({ ...market, strike: inputs.oldStrike, termYears: inputs.oldTermYears });
  const newValue = blackScholes({ ...market, strike: inputs.spot, termYears: inputs.newTermYears });
  if (!(oldValue > 0)) {
    invalidNumber(`the old option is worth nothing (strike ${inputs.oldStrike}, term ${inputs.oldTermYears} years): no ratio exists`);
  }
  const ratio = newValue / oldValue;
  if (!Number.isFinite(ratio)) invalidNumber(`the ratio overflows: the old option is worth ${oldValue}`);
  return ratio;
}
