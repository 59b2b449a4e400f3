/**
 * BLACK_SCHOLES_GREEKS' core (src/core/options/greeks.ts): published Greeks (Haug; Hull), a 50-digit
 * mpmath table, agreement with finite differences of the value of blackScholes.ts, the limits at
 * T = 0 and sigma = 0, and hostile inputs.
 */
import { blackScholes } from "../../src/core/options/blackScholes";
import { blackScholesGreeks, GREEK_LABELS, Greeks } from "../../src/core/options/greeks";
import { CalcError } from "../../src/core/errors";

const CALL = true;
const PUT = false;

describe("published values", () => {
  // E. G. Haug, The Complete Guide to Option Pricing Formulas (McGraw-Hill, 1998), pp. 11-16, the
  // worked example of each Greek of the generalized Black-Scholes model (cost of carry b = r - q), as
  // QuantLib's test-suite/europeanoption.cpp (testGreekValues) tabulates them. Haug prints 4 decimals.
  it.each<[string, keyof Greeks, boolean, number, number, number, number, number, number, number]>([
    // name, greek, call?, spot, strike, T, sigma, r, q, Haug
    ["delta, call on a future (b = 0)", "delta", CALL, 105, 100, 0.5, 0.36, 0.1, 0.1, 0.5946],
    ["delta, put on a future (b = 0)", "delta", PUT, 105, 100, 0.5, 0.36, 0.1, 0.1, -0.3566],
    ["gamma, call", "gamma", CALL, 55, 60, 0.75, 0.3, 0.1, 0, 0.0278],
    ["gamma, put", "gamma", PUT, 55, 60, 0.75, 0.3, 0.1, 0, 0.0278],
    ["vega, call", "vega", CALL, 55, 60, 0.75, 0.3, 0.1, 0, 18.9358],
    ["vega, put", "vega", PUT, 55, 60, 0.75, 0.3, 0.1, 0, 18.9358],
    ["theta, put on an index (q = 5%), one month", "theta", PUT, 430, 405, 1 / 12, 0.2, 0.07, 0.05, -31.1924],
    ["rho, call", "rho", CALL, 72, 75, 1, 0.19, 0.09, 0, 38.7325],
    // Haug's "carry rho" of this put is -42.2254 = dV/db; with q = r - b, dV/dq = -dV/db
    ["dividend rho, put (q = 5%)", "dividendRho", PUT, 500, 490, 0.25, 0.15, 0.08, 0.05, 42.2254],
  ])("Haug (1998): %s", (_name, greek, isCall, spot, strike, t, vol, r, q, expected) => {
    expect(blackScholesGreeks(spot, strike, t, vol, r, q, isCall)[greek]).toBeCloseTo(expected, 4);
  });

  it("Haug, 2nd ed. (2007), the vega example with a yield: S=55 K=60 T=0.75 r=10.5% b=6.95% (q=3.55%) sigma=30% -> 18.5027", () => {
    expect(blackScholesGreeks(55, 60, 0.75, 0.3, 0.105, 0.105 - 0.0695).vega).toBeCloseTo(18.5027, 4);
  });

  // J. C. Hull, Options, Futures, and Other Derivatives (10th ed., 2018), chapter 19 "The Greek
  // Letters": the running example of a call sold by a bank, S0 = 49, K = 50, r = 5%, sigma = 20%,
  // T = 20 weeks = 0.3846 years (Example 19.1 and the sections on theta, gamma, vega and rho).
  // By hand: d1 = [ln(49/50) + (0.05 + 0.02) x 0.3846] / (0.2 sqrt 0.3846) = (-0.020203 + 0.026922) / 0.124032
  //        = 0.0542, d2 = d1 - 0.1240 = -0.0699; N(d1) = 0.5216, N(d2) = 0.4722, n(d1) = 0.3984.
  it("Hull: delta 0.522, gamma 0.066, vega 12.1, theta -4.31 a year, rho 8.91", () => {
    const g = blackScholesGreeks(49, 50, 0.3846, 0.2, 0.05);
    expect(g.delta).toBeCloseTo(0.522, 3); // N(d1)
    expect(g.gamma).toBeCloseTo(0.066, 3); // n(d1) / (49 x 0.124032) = 0.0655
    expect(g.vega).toBeCloseTo(12.1, 1); // 49 x sqrt(0.3846) x 0.3984 = 12.105
    expect(g.theta).toBeCloseTo(-4.31, 2); // -49 x 0.3984 x 0.2 / (2 sqrt 0.3846) - 0.05 x 50 e^-0.01923 x 0.4722 = -3.148 - 1.158
    expect(g.rho).toBeCloseTo(8.91, 2); // 50 x 0.3846 x e^-0.01923 x 0.4722 = 8.907
    expect(g.theta / 365).toBeCloseTo(-0.0118, 4); // Hull: -0.0118 per calendar day
  });

  it("Hull's example 15.6 market (S=42 K=40 T=0.5 r=10% sigma=20%): put delta = call delta - 1, same gamma and vega", () => {
    // d1 = [ln(42/40) + 0.12 x 0.5] / (0.2 sqrt 0.5) = 0.7693, N(d1) = 0.7791 (Hull)
    const call = blackScholesGreeks(42, 40, 0.5, 0.2, 0.1, 0, CALL);
    const put = blackScholesGreeks(42, 40, 0.5, 0.2, 0.1, 0, PUT);
    expect(call.delta).toBeCloseTo(0.7791, 4);
    expect(put.delta).toBeCloseTo(call.delta - 1, 14);
    expect(put.gamma).toBe(call.gamma);
    expect(put.vega).toBe(call.vega);
  });
});

/**
 * Greeks from mpmath at 50 digits, rounded to the nearest float64 (Python's repr(float(x))) (independent of optex's float64 code):
 *
 *   from mpmath import mp, mpf, erfc, exp, log, sqrt, pi
 *   mp.dps = 50
 *   N = lambda x: erfc(-x / sqrt(2)) / 2
 *   def greeks(S, K, T, v, r, q, kind):
 *       S, K, T, v, r, q = (mpf(repr(x)) for x in (S, K, T, v, r, q))
 *       p = 1 if kind == "call" else -1
 *       sd = v * sqrt(T); d1 = (log(S / K) + (r - q) * T) / sd + sd / 2; d2 = d1 - sd
 *       A = S * exp(-q * T) * N(p * d1); B = K * exp(-r * T) * N(p * d2)
 *       G = S * exp(-q * T) * exp(-d1 * d1 / 2) / sqrt(2 * pi)
 *       th = [-G * v / (2 * sqrt(T)), p * q * A, -p * r * B]
 *       return [p * exp(-q * T) * N(p * d1), G / (S * S * sd), G * sqrt(T), sum(th), p * T * B, -p * T * A,
 *               sum(abs(x) for x in th)]
 *
 * Columns: spot, strike, T, sigma, r, q, type, [delta, gamma, vega, theta, rho, dividend rho, and the
 * sum of the absolute values of theta's three terms, the scale of theta's error].
 */
const MPMATH: [number, number, number, number, number, number, "call" | "put", number[]][] = [
  [100, 100, 1, 0.2, 0.05, 0, "call", [0.6368306511756191, 0.018762017345846895, 37.524034691693785, -6.414027546438196, 53.23248154537634, -63.68306511756191, 6.414027546438196]],
  [100, 100, 1, 0.2, 0.05, 0, "put", [-0.36316934882438096, 0.018762017345846895, 37.524034691693785, -1.6578804239346256, -41.89046090469506, 36.31693488243809, 5.846926514404132]],
  [100, 100, 10, 0.35, 0.05, 0.025, "call", [0.6090933150746276, 0.0020720551352283443, 72.52192973299205, -0.8734457428439235, 225.4090520406263, -609.0933150746275, 3.9189123182170613]],
  [100, 100, 10, 0.35, 0.05, 0.025, "put", [-0.1697074679967773, 0.0020720551352283443, 72.52192973299205, 0.2122055980407314, -381.12160767200714, 169.7074679967773, 3.59901047867934]],
  [100, 300, 0.25, 0.2, 0.05, 0, "call", [1.5245730474030963e-27, 1.66210496318042e-27, 8.3105248159021e-25, -3.3997512671255417e-25, 3.777067038235065e-26, -3.811432618507741e-26, 3.3997512671255417e-25]],
  [300, 100, 0.25, 0.2, 0.05, 0.02, "put", [-5.510274467605835e-29, 2.057117807404304e-29, 9.257030133319367e-26, -3.652480791294741e-26, -4.169645441932053e-27, 4.132705850704376e-27, 3.819266608972023e-26]],
  [50, 100, 1, 0.2, 0.05, 0, "put", [-0.9990825673960548, 0.00031108986448490864, 0.15554493224245433, 4.738419018647127, -95.07947023742746, 49.954128369802746, 4.769528005095618]],
  [1.27, 2, 9.5, 0.9, 0.03, 0, "call", [0.9075839653801672, 0.04700932206665782, 0.648272419049221, -0.034038176432929494, 1.054669584689359, -10.950000542311718, 0.034038176432929494]],
  [1.27, 2, 0.01, 0.9, 0.03, 0, "call", [2.903033875892513e-07, 1.3166877747769852e-05, 1.9113171407440196e-07, -8.611804935620268e-06, 3.6259340907269585e-09, -3.6868530223834913e-09, 8.611804935620268e-06]],
  [1.27, 40, 7, 0.85, 0.03, 0, "put", [-0.6240770041291377, 0.1328699081740787, 1.2751199556191308, 0.8902665081701624, -225.79305127764223, 5.548044566708034, 1.0451025027810568]],
  [100, 105, 2, 0.3, -0.01, 0.02, "put", [-0.4973650636952287, 0.009025600352748535, 54.15360211649121, -5.785001167848971, -145.7501763443346, 99.47301273904574, 5.785001167848971]],
  [100, 90, 3, 0.25, 0.02, 0.08, "call", [0.4071594798853078, 0.007240287231129732, 54.30215423347299, 0.4036071705354582, 88.66183632284447, -122.14784396559234, 6.110944507629466]],
  [250, 100, 0.5, 0.4, 0.07, 0.01, "call", [0.9947695200872266, 1.2847723426865346e-05, 0.16059654283581684, -4.331975773924991, 48.24757826434808, -124.34619001090333, 9.305823374361124]],
  [100, 300, 0.25, 0.1, 0.05, 0, "call", [1.0891261965579252e-104, 4.7362048521465627e-104, 1.1840512130366406e-101, -2.422434057672254e-102, 2.716581579948643e-103, -2.722815491394813e-103, 2.422434057672254e-102]],
  [300, 100, 0.25, 0.1, 0.05, 0.02, "put", [-5.517072304675404e-109, 8.162403965379437e-109, 1.8365408922103734e-105, -3.6232416377836127e-106, -4.14712902325931e-107, 4.137804228506553e-107, 3.789126798713985e-106]],
  [42, 40, 0.5, 0.2, 0.1, 0, "put", [-0.22086870905733105, 0.04996267040591185, 8.813415059602852, -0.7541744965897704, -5.042542576653999, 4.638242890203952, 2.77119152725137]],
];

describe("accuracy: 1e-10 relative against mpmath, down to values of 1e-109", () => {
  it.each(MPMATH.map((c) => [`${c[6]} S=${c[0]} K=${c[1]} T=${c[2]} sigma=${c[3]} r=${c[4]} q=${c[5]}`, c] as const))("%s", (_name, c) => {
    const [spot, strike, t, vol, r, q, kind, expected] = c;
    const g = blackScholesGreeks(spot, strike, t, vol, r, q, kind === "call");
    const actual = [g.delta, g.gamma, g.vega, g.theta, g.rho, g.dividendRho];
    for (let i = 0; i < 6; i++) {
      // theta is a sum of terms of both signs: its error scales with the largest term, not itself
      const scale = i === 3 ? expected[6] : Math.abs(expected[i]);
      expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(1e-10 * scale);
    }
  });
});

describe("every Greek is the derivative of blackScholes.ts's value (central differences)", () => {
  const grid: [number, number, number, number, number, number, boolean][] = [];
  for (const spot of [70, 100, 135]) {
    for (const t of [0.1, 1, 6]) {
      for (const vol of [0.12, 0.45]) {
        for (const [r, q] of [[0.05, 0], [-0.01, 0.03], [0.08, 0.06]]) {
          for (const isCall of [CALL, PUT]) grid.push([spot, 100, t, vol, r, q, isCall]);
        }
      }
    }
  }

  /** V as a function of one input, the others as in the case. */
  const valueOf = (c: (typeof grid)[number], over: Partial<Record<"spot" | "termYears" | "volatility" | "riskFreeRate" | "dividendYield", number>>) =>
    blackScholes({
      spot: c[0],
      strike: c[1],
      termYears: c[2],
      volatility: c[3],
      riskFreeRate: c[4],
      dividendYield: c[5],
      optionType: c[6] ? "call" : "put",
      ...over,
    });

  /** Richardson-extrapolated central first difference: error O(h^4). */
  const d1 = (f: (x: number) => number, x: number, h: number) => {
    const c = (k: number) => (f(x + k) - f(x - k)) / (2 * k);
    return (4 * c(h) - c(2 * h)) / 3;
  };

  it.each(grid.map((c) => [`${c[6] ? "call" : "put"} S=${c[0]} K=${c[1]} T=${c[2]} sigma=${c[3]} r=${c[4]} q=${c[5]}`, c] as const))("%s", (_name, c) => {
    const [spot, strike, t, vol, r, q, isCall] = c;
    const g = blackScholesGreeks(spot, strike, t, vol, r, q, isCall);
    // a Greek agrees to 1e-6 of itself, or of a natural scale of its kind where it is near zero
    const near = (analytic: number, numeric: number, scale: number) => expect(Math.abs(analytic - numeric)).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(analytic), scale));
    const value = valueOf(c, {});
    // steps in spot are a fraction of the width of the distribution, S sigma sqrt T
    const width = spot * vol * Math.sqrt(t);
    near(g.delta, d1((s) => valueOf(c, { spot: s }), spot, 1e-2 * width), 1e-3);
    const h = 2e-2 * width;
    const second = (k: number) => (valueOf(c, { spot: spot + k }) - 2 * value + valueOf(c, { spot: spot - k })) / (k * k);
    near(g.gamma, (4 * second(h / 2) - second(h)) / 3, 1e-3 / width); // (at the money gamma is about 0.4 / width)
    near(g.vega, d1((v) => valueOf(c, { volatility: v }), vol, 1e-3 * vol), 1e-3 * spot);
    near(g.theta, -d1((tt) => valueOf(c, { termYears: tt }), t, 1e-3 * t), 1e-3 * spot);
    near(g.rho, d1((rr) => valueOf(c, { riskFreeRate: rr }), r, 1e-3), 1e-3 * spot * t);
    near(g.dividendRho, d1((qq) => valueOf(c, { dividendYield: qq }), q, 1e-3), 1e-3 * spot * t);
  });
});

describe("relations the Greeks must keep", () => {
  it.each([
    [100, 100, 1, 0.2, 0.05, 0],
    [80, 100, 4, 0.6, 0.03, 0.02],
    [1.27, 5, 7, 0.9, 0.03, 0],
  ])("S=%d K=%d T=%d sigma=%d r=%d q=%d: put-call parity, and the Black-Scholes equation", (spot, strike, t, vol, r, q) => {
    const c = blackScholesGreeks(spot, strike, t, vol, r, q, CALL);
    const p = blackScholesGreeks(spot, strike, t, vol, r, q, PUT);
    const dq = Math.exp(-q * t);
    const dr = Math.exp(-r * t);
    // c - p = S e^{-qT} - K e^{-rT}, differentiated
    expect(c.delta - p.delta).toBeCloseTo(dq, 14);
    expect(c.rho - p.rho).toBeCloseTo(strike * t * dr, 12);
    expect(c.dividendRho - p.dividendRho).toBeCloseTo(-spot * t * dq, 12);
    expect(c.theta - p.theta).toBeCloseTo(q * spot * dq - r * strike * dr, 12);
    // the PDE: -theta + (r - q) S delta + sigma^2 S^2 gamma / 2 = r V, i.e. dV/dt + ... = rV
    for (const [g, isCall] of [[c, CALL], [p, PUT]] as const) {
      const v = blackScholes({ spot, strike, termYears: t, volatility: vol, riskFreeRate: r, dividendYield: q, optionType: isCall ? "call" : "put" });
      const lhs = g.theta + (r - q) * spot * g.delta + 0.5 * vol * vol * spot * spot * g.gamma;
      expect(lhs).toBeCloseTo(r * v, 12);
      // vega = sigma T S^2 gamma
      expect(g.vega).toBeCloseTo(vol * t * spot * spot * g.gamma, 12);
    }
  });

  it("a put far out of the money keeps its digits (no 1 - N(d) cancellation): delta -e^{-qT} N(-d1)", () => {
    // S=300 K=100 T=0.25 sigma=0.1 r=5% q=2%: d1 = [ln 3 + 0.03 x 0.25 + 0.005 x 0.25] / 0.05 = 22.147
    const g = blackScholesGreeks(300, 100, 0.25, 0.1, 0.05, 0.02, PUT);
    expect(g.delta).toBeLessThan(0);
    expect(g.delta).toBeGreaterThan(-1e-100);
    expect(g.rho).toBeLessThan(0);
  });

  it("spills in the order delta, gamma, vega, theta, rho, dividend_rho", () => {
    expect(GREEK_LABELS.map(([, label]) => label)).toEqual(["delta", "gamma", "vega", "theta", "rho", "dividend_rho"]);
  });
});

describe("T = 0 and sigma = 0: the limits of the Greeks, as blackScholes.ts gives the limit of the value", () => {
  it("at expiry in the money: a call's delta is 1 and its theta q S - r K; a put's delta -1 and theta r K - q S; the rest 0", () => {
    // theta = -dV/dT of V = S e^{-qT} - K e^{-rT} at T = 0: q S - r K = 0.02 x 42 - 0.1 x 40 = -3.16
    expect(blackScholesGreeks(42, 40, 0, 0.2, 0.1, 0.02, CALL)).toEqual({ delta: 1, gamma: 0, vega: 0, theta: 0.02 * 42 - 0.1 * 40, rho: 0, dividendRho: 0 });
    // put, S=38: theta = r K - q S = 4 - 0.76 = 3.24
    expect(blackScholesGreeks(38, 40, 0, 0.2, 0.1, 0.02, PUT)).toEqual({ delta: -1, gamma: 0, vega: 0, theta: 0.1 * 40 - 0.02 * 38, rho: 0, dividendRho: 0 });
  });

  it("at expiry out of the money: every Greek is 0 (not -0)", () => {
    expect(blackScholesGreeks(38, 40, 0, 0.2, 0.1, 0.02, CALL)).toEqual({ delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, dividendRho: 0 });
    const put = blackScholesGreeks(42, 40, 0, 0.2, 0.1, 0.02, PUT);
    for (const v of Object.values(put)) expect(Object.is(v, 0)).toBe(true);
  });

  it("zero volatility, forward in the money: the Greeks of S e^{-qT} - K e^{-rT}", () => {
    // S=42 K=40 T=1 r=5% q=1%: S e^-0.01 = 41.582 > K e^-0.05 = 38.049
    const dq = Math.exp(-0.01);
    const dr = Math.exp(-0.05);
    const g = blackScholesGreeks(42, 40, 1, 0, 0.05, 0.01, CALL);
    expect(g.delta).toBeCloseTo(dq, 15);
    expect(g.gamma).toBe(0);
    expect(g.vega).toBe(0);
    expect(g.theta).toBeCloseTo(0.01 * 42 * dq - 0.05 * 40 * dr, 13);
    expect(g.rho).toBeCloseTo(40 * dr, 13);
    expect(g.dividendRho).toBeCloseTo(-42 * dq, 13);
    // and the same forward is worthless to a put
    expect(blackScholesGreeks(42, 40, 1, 0, 0.05, 0.01, PUT)).toEqual({ delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, dividendRho: 0 });
  });

  it("the limits are what a tiny volatility or term gives", () => {
    const limit = blackScholesGreeks(42, 40, 1, 0, 0.05, 0.01, CALL);
    const tiny = blackScholesGreeks(42, 40, 1, 1e-6, 0.05, 0.01, CALL);
    for (const [name] of GREEK_LABELS) expect(tiny[name]).toBeCloseTo(limit[name], 10);
    const expiring = blackScholesGreeks(38, 40, 0, 0.2, 0.1, 0.02, PUT);
    const nearly = blackScholesGreeks(38, 40, 1e-8, 0.2, 0.1, 0.02, PUT);
    for (const [name] of GREEK_LABELS) expect(nearly[name]).toBeCloseTo(expiring[name], 6);
  });

  it.each<[string, number, number, number, number, number, number, string]>([
    ["at expiry, spot = strike", 40, 40, 0, 0.2, 0.1, 0, "term_years"],
    ["at expiry with no volatility either", 40, 40, 0, 0, 0.1, 0, "term_years"],
    ["zero volatility, forward at the money (S = K, r = q)", 40, 40, 1, 0, 0.03, 0.03, "volatility"],
  ])("the kink (%s) has an infinite gamma: an error naming the argument", (_name, spot, strike, t, vol, r, q, field) => {
    for (const isCall of [CALL, PUT]) {
      const call = () => blackScholesGreeks(spot, strike, t, vol, r, q, isCall);
      expect(call).toThrow(CalcError);
      expect(call).toThrow(expect.objectContaining({ key: "infiniteGamma", field, code: "#NUM!" }));
    }
  });

  it("the kink's message says why", () => {
    expect(() => blackScholesGreeks(40, 40, 0, 0.2, 0.1)).toThrow(
      "term_years (0) must be > 0 for the Greeks of an option at expiry whose spot equals its strike (40): its value has a kink there and gamma is infinite",
    );
  });
});

describe("hostile inputs: the error's key and the argument it names", () => {
  it.each<[string, number[], string, string]>([
    ["spot 0", [0, 40, 0.5, 0.2, 0.1, 0], "greaterThan", "spot"],
    ["negative spot", [-42, 40, 0.5, 0.2, 0.1, 0], "greaterThan", "spot"],
    ["NaN spot", [NaN, 40, 0.5, 0.2, 0.1, 0], "greaterThan", "spot"],
    ["infinite spot", [Infinity, 40, 0.5, 0.2, 0.1, 0], "greaterThan", "spot"],
    ["strike 0", [42, 0, 0.5, 0.2, 0.1, 0], "greaterThan", "strike"],
    ["negative term", [42, 40, -0.5, 0.2, 0.1, 0], "between", "term_years"],
    ["term past 10,000 years", [42, 40, 10001, 0.2, 0.1, 0], "between", "term_years"],
    ["NaN term", [42, 40, NaN, 0.2, 0.1, 0], "between", "term_years"],
    ["negative volatility", [42, 40, 0.5, -0.2, 0.1, 0], "between", "volatility"],
    ["volatility above 100", [42, 40, 0.5, 101, 0.1, 0], "between", "volatility"],
    ["rate above 10", [42, 40, 0.5, 0.2, 11, 0], "between", "risk_free_rate"],
    ["NaN rate", [42, 40, 0.5, 0.2, NaN, 0], "between", "risk_free_rate"],
    ["yield below -10", [42, 40, 0.5, 0.2, 0.1, -11], "between", "dividend_yield"],
    ["infinite yield", [42, 40, 0.5, 0.2, 0.1, -Infinity], "between", "dividend_yield"],
  ])("%s", (_name, [spot, strike, t, vol, r, q], key, field) => {
    expect(() => blackScholesGreeks(spot, strike, t, vol, r, q)).toThrow(expect.objectContaining({ key, field }));
  });

  it("a Greek beyond float64 is an error, not Infinity: e^{-qT} = e^{100000}", () => {
    expect(() => blackScholesGreeks(42, 40, 10000, 0.2, 0.1, -10)).toThrow(expect.objectContaining({ key: "greekOverflows", code: "#NUM!" }));
  });

  it("a 10,000-year option in range still has finite Greeks", () => {
    const g = blackScholesGreeks(1.27, 2, 10000, 1.14, 0.03, 0);
    for (const v of Object.values(g)) expect(Number.isFinite(v)).toBe(true);
    expect(g.delta).toBeCloseTo(1, 12);
  });
});
