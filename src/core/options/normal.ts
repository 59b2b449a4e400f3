/**
 * The standard normal distribution.
 */
import { erfc } from "./erfc";

/**
 * Standard normal cumulative distribution N(x), from erfc so the lower tail keeps full relative
 * accuracy (0.5 * (1 + erf(x)) loses everything below x = -6).
 * @example normalCdf(-9) ≈ 1.1285884059538e-19
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return 0.3989422804014327 * Math.exp(-0.5 * x * x);
}
