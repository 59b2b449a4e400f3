/**
 * The standard normal density. (The cumulative N(x) lives inside the Black-Scholes kernel, from Cody's
 * erf and erfcx, where d1 and d2 share one exponential; see blackScholes.ts.)
 */

/** Standard normal density. */
export function normalPdf(x: number): number {
  return 0.3989422804014327 * Math.exp(-0.5 * x * x);
}
