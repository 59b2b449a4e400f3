/**
 * Historical volatility: the annualised sample standard deviation of log returns, the estimate of
 * Hull, *Options, Futures, and Other Derivatives* ("Estimating volatility from historical data"):
 *
 *   u_i = ln(S_i / S_{i-1}),  s = sqrt( sum (u_i - mean u)^2 / (n - 1) ),  sigma = s sqrt(periods a year),
 *
 * for n returns from n + 1 prices, oldest first. It is also ASC 718-10-55-37's "standard deviation of
 * continuously compounded returns", annualised.
 */
import { raise } from "../errors";

/** The fewest prices a volatility is computed from: 3 prices make 2 returns, the fewest a sample standard deviation (n - 1 >= 1) takes. */
export const MIN_PRICES = 3;

/**
 * ln(b / a) for positive finite a, b, to within an ulp or two of the result: log1p of the relative
 * change (exact by Sterbenz's lemma when a and b are within a factor 2) when the change is small,
 * where ln(b / a) would carry the rounding of b / a (an absolute 1e-16, a large relative error of a
 * return of 1e-6); ln b - ln a otherwise, where b / a might overflow or underflow.
 */
function logReturn(a: number, b: number): number {
  if (b <= 2 * a && a <= 2 * b) return Math.log1p((b - a) / a);
  return Math.log(b) - Math.log(a);
}

/**
 * Annualised historical volatility of closing prices, oldest first: the sample standard deviation
 * (n - 1 in the denominator) of the n log returns, times sqrt(`periodsPerYear`) (252 trading days;
 * 52 for weekly, 12 for monthly closes). Two passes (the mean, then the squared deviations, with the
 * corrected two-pass formula of Chan, Golub and LeVeque), so a long series of small returns loses no
 * digits. Scaling every price by the same factor, or reading the prices newest first, gives the same
 * volatility; constant prices give 0.
 * @example historicalVolatility([20, 20.1, 19.9, 20, 20.5, 20.25, 20.9, 20.9, 20.9, 20.75, 20.75, 21, 21.1, 20.9, 20.9, 21.25, 21.4, 21.4, 21.25, 21.75, 22]) ≈ 0.193 (Hull)
 * @throws CalcError `tooFewPrices` (#N/A, field prices) for fewer than 3 prices; `notFinite` or
 *   `greaterThan` naming the price by its 1-based position (`prices[5]`) for a price that is not a
 *   finite number > 0; `notFinite` / `greaterThan` on periods_per_year unless it is finite and > 0
 */
export function historicalVolatility(prices: readonly number[], periodsPerYear = 252): number {
  if (!Number.isFinite(periodsPerYear)) raise("notFinite", "periods_per_year", { value: periodsPerYear });
  if (!(periodsPerYear > 0)) raise("greaterThan", "periods_per_year", { value: periodsPerYear, min: 0 });
  const n = prices.length - 1; // returns
  for (let i = 0; i <= n; i++) {
    const price = prices[i];
    if (typeof price !== "number" || !Number.isFinite(price)) raise("notFinite", `prices[${i + 1}]`, { value: price });
    if (!(price > 0)) raise("greaterThan", `prices[${i + 1}]`, { value: price, min: 0 });
  }
  if (prices.length < MIN_PRICES) raise("tooFewPrices", "prices", { count: prices.length, min: MIN_PRICES });

  const returns = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    returns[i] = logReturn(prices[i], prices[i + 1]);
    sum += returns[i];
  }
  const mean = sum / n;
  let squares = 0;
  let residual = 0; // sum of deviations: 0 but for rounding, which the corrected formula takes back out
  for (let i = 0; i < n; i++) {
    const deviation = returns[i] - mean;
    squares += deviation * deviation;
    residual += deviation;
  }
  const variance = Math.max(0, (squares - (residual * residual) / n) / (n - 1));
  return Math.sqrt(variance) * Math.sqrt(periodsPerYear);
}
