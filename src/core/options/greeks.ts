/**
 * The Greeks of Black-Scholes-Merton with a continuous dividend yield q: analytic partial derivatives
 * of the value of blackScholes.ts, in float64.
 *
 * With phi = +1 for a call and -1 for a put, d1 and d2 as in blackScholes.ts, n the normal density
 * and N the normal distribution:
 *
 *   delta        = dV/dS = phi e^{-qT} N(phi d1)
 *   gamma        = d2V/dS2 = e^{-qT} n(d1) / (S sigma sqrt T)
 *   vega         = dV/dsigma = S e^{-qT} n(d1) sqrt T                       (per 1.00 of volatility)
 *   theta        = -dV/dT = -S e^{-qT} n(d1) sigma / (2 sqrt T)
 *                           + phi (q S e^{-qT} N(phi d1) - r K e^{-rT} N(phi d2))   (per year; the value's
 *                                                                            change as time passes)
 *   rho          = dV/dr = phi K T e^{-rT} N(phi d2)                         (per 1.00 of rate)
 *   dividend rho = dV/dq = -phi S T e^{-qT} N(phi d1)                        (per 1.00 of yield)
 *
 * Accuracy (about 1e-13 relative in practice; 1e-10 promised): N is taken from erfc (Cody's erf
 * near 0, erfcx in the tails, as the value's kernel does), never as 1 - N(-x), so a put's delta or
 * rho far out of the money keeps its digits; each discount factor is folded into the exponential
 * of the tail (e^{-qT} N(d) = erfcx(..) e^{-qT - d^2/2} / 2), so e^{-qT} neither overflows nor
 * underflows on its own; and S e^{-qT} n(d1) = K e^{-rT} n(d2) is taken from whichever of d1, d2 is
 * nearer 0. Theta is the one Greek that is a sum of terms of both signs (with a dividend yield, or
 * for a put); where it crosses zero its error is ~1e-16 of its largest term, not of itself.
 *
 * T = 0 and sigma = 0 (sigma sqrt T = 0) give the limits of the Greeks as T or sigma falls to 0, as
 * blackScholes.ts gives the limit of the value: an option whose forward is in the money
 * (S e^{-qT} > K e^{-rT} for a call) has delta phi e^{-qT}, theta phi (q S e^{-qT} - r K e^{-rT}), rho
 * phi K T e^{-rT}, dividend rho -phi S T e^{-qT}, gamma and vega 0; one out of the money has every
 * Greek 0. At the kink itself (spot = strike at expiry; S e^{-qT} = K e^{-rT} at zero volatility)
 * gamma is infinite: that is an error naming term_years (or volatility).
 */
import { raise } from "../errors";
import { checkBlackScholesInputs } from "./blackScholes";
import { ERF_SMALL_LIMIT, erfSmall, erfcxPositive } from "./erfcx";

/** The sensitivities of one option's value (per share). */
export interface Greeks {
  /** dV/dS: per $1 of spot. */
  delta: number;
  /** d2V/dS2: change of delta per $1 of spot. */
  gamma: number;
  /** dV/dsigma per 1.00 (100 percentage points) of volatility; divide by 100 for "per vol point". */
  vega: number;
  /** -dV/dT per year of calendar time: the value's change as a year passes (usually negative). Divide by 365 for a day. */
  theta: number;
  /** dV/dr per 1.00 of the risk-free rate; divide by 100 for "per 1%". */
  rho: number;
  /** dV/dq per 1.00 of the dividend yield. */
  dividendRho: number;
}

/**
 * The Greeks in the order BLACK_SCHOLES_GREEKS spills them, each with its label (the names a sheet
 * and a message show: `dividend_rho`, as the function's arguments are spelled).
 */
export const GREEK_LABELS: readonly (readonly [keyof Greeks, string])[] = [
  ["delta", "delta"],
  ["gamma", "gamma"],
  ["vega", "vega"],
  ["theta", "theta"],
  ["rho", "rho"],
  ["dividendRho", "dividend_rho"],
];

/** 1 / sqrt(2 pi) */
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * e^{logScale} N(x), with N from erfc: in the lower tail 0.5 erfcx(-x/sqrt 2) e^{logScale - x^2/2}
 * (one exponential, so neither factor over- or underflows alone), near 0 Cody's erf, in the upper
 * tail e^{logScale} (1 - 0.5 erfcx(x/sqrt 2) e^{-x^2/2}).
 */
function scaledCdf(x: number, logScale: number): number {
  const a = (x < 0 ? -x : x) * Math.SQRT1_2;
  if (a <= ERF_SMALL_LIMIT) return Math.exp(logScale) * (0.5 + 0.5 * erfSmall(x * Math.SQRT1_2));
  const tail = 0.5 * erfcxPositive(a);
  if (x < 0) return tail * Math.exp(logScale - 0.5 * x * x);
  return Math.exp(logScale) * (1 - tail * Math.exp(-0.5 * x * x));
}

/**
 * Analytic Black-Scholes-Merton Greeks of a European call (`isCall` true) or put, with checked
 * inputs (the arguments as BLACK_SCHOLES_VALUE names them: spot, strike, term_years, volatility,
 * risk_free_rate, dividend_yield). Units: see {@link Greeks}.
 * @example blackScholesGreeks(49, 50, 0.3846, 0.2, 0.05) ≈ { delta: 0.522, gamma: 0.066, vega: 12.1, theta: -4.31, rho: 8.91, ... } (Hull, ch. "The Greek Letters")
 * @throws CalcError `#NUM!` naming the argument out of domain (as blackScholes does); `infiniteGamma`
 *   (field term_years or volatility) at the kink where sigma sqrt T = 0 and the forward is at the money;
 *   `greekOverflows` when a Greek is beyond float64 (a discount factor like e^{100000})
 */
export function blackScholesGreeks(
  spot: number,
  strike: number,
  termYears: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield = 0,
  isCall = true,
): Greeks {
  checkBlackScholesInputs(spot, strike, termYears, volatility, riskFreeRate, dividendYield);
  const greeks = greeksUnchecked(spot, strike, termYears, volatility, riskFreeRate, dividendYield, isCall);
  for (const [name, label] of GREEK_LABELS) {
    if (!Number.isFinite(greeks[name])) {
      raise("greekOverflows", undefined, { greek: label, spot, strike, termYears, volatility, riskFreeRate, dividendYield });
    }
  }
  return greeks;
}

/** The Greeks of checked inputs, with no check that they are finite (the kink still throws). */
function greeksUnchecked(
  spot: number,
  strike: number,
  termYears: number,
  volatility: number,
  riskFreeRate: number,
  dividendYield: number,
  isCall: boolean,
): Greeks {
  const t = termYears;
  const r = riskFreeRate;
  const q = dividendYield;
  const phi = isCall ? 1 : -1;
  const sqrtT = Math.sqrt(t);
  const stdDev = volatility * sqrtT;
  // ln of the discounted forward over the discounted strike: ln(S e^{-qT} / (K e^{-rT}))
  const moneyness = Math.log(spot / strike) + (r - q) * t;

  if (stdDev === 0) return greeksAtZeroStdDev(spot, strike, t, volatility, r, q, phi, moneyness);

  const d1 = moneyness / stdDev + 0.5 * stdDev;
  const d2 = d1 - stdDev;
  // G = S e^{-qT} n(d1) = K e^{-rT} n(d2), from the d nearer 0 (no spurious under- or overflow)
  const g = Math.abs(d1) <= Math.abs(d2)
    ? spot * INV_SQRT_2PI * Math.exp(-q * t - 0.5 * d1 * d1)
    : strike * INV_SQRT_2PI * Math.exp(-r * t - 0.5 * d2 * d2);
  // e^{-qT} N(phi d1) and e^{-rT} N(phi d2), each >= 0
  const forwardWeight = scaledCdf(phi * d1, -q * t);
  const strikeWeight = scaledCdf(phi * d2, -r * t);
  const spotTerm = spot * forwardWeight; // S e^{-qT} N(phi d1)
  const strikeTerm = strike * strikeWeight; // K e^{-rT} N(phi d2)

  return {
    // (+ 0 turns a -0 into 0: a put far out of the money has rho 0, not -0)
    delta: phi * forwardWeight + 0,
    gamma: g / spot / spot / stdDev,
    vega: g * sqrtT,
    theta: -(g * volatility) / (2 * sqrtT) + phi * (q * spotTerm - r * strikeTerm) + 0,
    rho: phi * t * strikeTerm + 0,
    dividendRho: -phi * t * spotTerm + 0,
  };
}

/** The limits of the Greeks as sigma sqrt T falls to 0 (see the module's comment). */
function greeksAtZeroStdDev(spot: number, strike: number, t: number, volatility: number, r: number, q: number, phi: number, moneyness: number): Greeks {
  if (moneyness === 0) {
    // the value has a kink at spot: gamma is a Dirac delta
    const expiring = t === 0;
    raise("infiniteGamma", expiring ? "term_years" : "volatility", {
      value: expiring ? t : volatility,
      spot,
      strike,
      termYears: t,
      riskFreeRate: r,
      dividendYield: q,
    });
  }
  if (phi * moneyness < 0) return { delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, dividendRho: 0 };
  const forward = Math.exp(-q * t); // e^{-qT}
  const spotTerm = spot * forward;
  const strikeTerm = strike * Math.exp(-r * t);
  return {
    delta: phi * forward,
    gamma: 0,
    vega: 0,
    theta: phi * (q * spotTerm - r * strikeTerm) + 0, // + 0: no -0 from a zero rate
    rho: phi * t * strikeTerm + 0,
    dividendRho: -phi * t * spotTerm + 0,
  };
}
