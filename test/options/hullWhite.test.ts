/**
 * The Hull-White (2004) employee-option lattice (src/core/options/hullWhite.ts) and its pricing
 * model (src/core/options/pricing.ts), against:
 * - Benninga, Financial Modelling, 3rd ed. (MIT Press, 2008), s. 17.8.4, "Sensitivity of ESO value to
 *   number of subdivisions n": his spreadsheet's ESO function, printed to four decimals;
 * - a two-step tree worked by hand below (exit, multiple and the vesting node, in exact fractions);
 * - the closed form of the Cox-Ross-Rubinstein European call (a binomial sum, computed here
 *   independently of the backward induction) and its limit, Black-Scholes-Merton;
 * - properties: no more than the European value with no dividends, falling in the exit rate,
 *   rising in the exercise multiple.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { CalcError, MessageKey } from "../../src/core/errors";
import { blackScholes } from "../../src/core/options/blackScholes";
import * as hullWhite from "../../src/core/options/hullWhite";
import { HULL_WHITE_MAX_STEPS, hullWhiteLattice, hullWhiteSteps, hullWhiteValue } from "../../src/core/options/hullWhite";
import { BLACK_SCHOLES, HULL_WHITE_ID, hullWhiteModel, Market, OptionColumns, priceOptions, PRICING_MODELS } from "../../src/core/options/pricing";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { thrown as thrownOf } from "../support/thrown";

/**
 * The Cox-Ross-Rubinstein European call in closed form (Cox, Ross and Rubinstein 1979):
 * e^{-rT} sum_j C(N, j) p^j (1 - p)^{N-j} max(S u^j d^{N-j} - K, 0), the binomial coefficients and
 * powers in logarithms so that N = 10,000 neither overflows nor underflows.
 */
function crrEuropeanCall(spot: number, strike: number, termYears: number, volatility: number, rate: number, dividendYield: number, steps: number): number {
  const dt = termYears / steps;
  const u = Math.exp(volatility * Math.sqrt(dt));
  const d = 1 / u;
  const p = (Math.exp((rate - dividendYield) * dt) - d) / (u - d);
  let logChoose = 0; // ln C(N, 0)
  let sum = 0;
  for (let j = 0; j <= steps; j++) {
    if (j > 0) logChoose += Math.log(steps - j + 1) - Math.log(j);
    const stock = spot * Math.exp((2 * j - steps) * volatility * Math.sqrt(dt));
    if (stock > strike) sum += Math.exp(logChoose + j * Math.log(p) + (steps - j) * Math.log(1 - p)) * (stock - strike);
  }
  return Math.exp(-rate * termYears) * sum;
}

/**
 * Benninga's recursion transcribed directly, one node at a time on stock prices (S u^j d^{i-j}), with
 * none of the kernel's devices (values per dollar of stock, parity rows, skipped and trimmed nodes,
 * a whole-number exercise boundary): an independent reading of the same rules.
 */
function directRecursion(spot: number, strike: number, termYears: number, volatility: number, rate: number, q: number, vesting: number, exit: number, multiple: number, steps: number): number {
  const dt = termYears / steps;
  const u = Math.exp(volatility * Math.sqrt(dt));
  const d = 1 / u;
  const p = (Math.exp((rate - q) * dt) - d) / (u - d);
  const r = Math.exp(-rate * dt);
  let next: number[] = [];
  for (let j = 0; j <= steps; j++) next.push(Math.max(spot * u ** j * d ** (steps - j) - strike, 0));
  for (let i = steps - 1; i >= 0; i--) {
    const now: number[] = [];
    const vested = vesting === 0 || i * dt > vesting * (1 + 1e-12);
    for (let j = 0; j <= i; j++) {
      const stock = spot * u ** j * d ** (i - j);
      const continuation = r * (p * next[j + 1] + (1 - p) * next[j]);
      if (!vested) now.push((1 - exit * dt) * continuation);
      else if (stock >= multiple * strike) now.push(stock - strike);
      else now.push((1 - exit * dt) * continuation + exit * dt * Math.max(stock - strike, 0));
    }
    next = now;
  }
  return next[0];
}

/**
 * An envelope of the CRR tree's distance to Black-Scholes: the error is O(1/N) with a coefficient
 * that grows with the variance sigma^2 T (Cox, Ross and Rubinstein 1979; Diener and Diener, "Asymptotics
 * of the price oscillations of a European call option in a tree model", Math. Finance 14, 2004);
 * S (1 + sigma^2 T) / 2N is a loose envelope of it.
 */
const crrBound = (spot: number, volatility: number, termYears: number, steps: number) => (spot * (1 + volatility * volatility * termYears)) / (2 * steps);

/** Benninga's case: S = K = 50, T = 10, vesting 3, r = 5%, sigma = 35%, q = 2.5%, exit 10%, M = 3. */
const BENNINGA = { spot: 50, strike: 50, termYears: 10, volatility: 0.35, riskFreeRate: 0.05, dividendYield: 0.025, vestingYears: 3, exitRate: 0.1, multiple: 3 };
const benninga = (stepsPerYear: number) => {
  const b = BENNINGA;
  return hullWhiteValue(b.spot, b.strike, b.termYears, b.volatility, b.riskFreeRate, b.dividendYield, b.vestingYears, b.exitRate, b.multiple, stepsPerYear);
};

describe("Benninga, Financial Modelling 3rd ed., s. 17.8.4: ESO value against subdivisions n of a year", () => {
  // The data table under "Sensitivity of ESO value to number of subdivisions n" (p. 473), every row.
  it.each([
    [2, 12.8213],
    [5, 13.287],
    [10, 13.4312],
    [25, 13.5275],
    [50, 13.5646],
    [75, 13.5733],
    [100, 13.5753],
    [200, 13.581],
  ])("n = %d: %d", (n, expected) => {
    expect(Math.abs(benninga(n) - expected)).toBeLessThanOrEqual(0.00005 + 1e-12);
  });

  it("the same sheet's Black-Scholes call, 19.1842, bounds the ESO value from above", () => {
    const b = BENNINGA;
    const bs = blackScholes({ spot: b.spot, strike: b.strike, termYears: b.termYears, volatility: b.volatility, riskFreeRate: b.riskFreeRate, dividendYield: b.dividendYield });
    expect(bs).toBeCloseTo(19.1842, 4);
    expect(benninga(100)).toBeLessThan(bs);
  });

  it("his conventions, and no others, give 13.5753: exit e dt (not 1 - e^{-e dt}); the node on the vesting date unvested", () => {
    const b = BENNINGA;
    // the vesting date 3 falls on node 300 of 1,000; moving it a hair past the node vests the node later
    // (no change), a hair before it vests node 300 (a different value)
    const at = (vesting: number) => hullWhiteValue(b.spot, b.strike, b.termYears, b.volatility, b.riskFreeRate, b.dividendYield, vesting, b.exitRate, b.multiple, 100);
    expect(at(3.000001)).toBe(at(3));
    expect(Math.abs(at(2.999999) - 13.5753)).toBeGreaterThan(0.001);
    // an exit probability of 1 - e^{-e dt} a step is the e dt of the exit rate e' = (1 - e^{-e dt}) / dt:
    // under that convention his inputs give another figure (13.5779)
    const eOther = (1 - Math.exp(-b.exitRate * 0.01)) / 0.01;
    const other = hullWhiteValue(b.spot, b.strike, b.termYears, b.volatility, b.riskFreeRate, b.dividendYield, 3, eOther, b.multiple, 100);
    expect(Math.abs(other - 13.5753)).toBeGreaterThan(0.001);
  });
});

describe("a two-step tree by hand", () => {
  // S = K = 100, T = 2, one step a year (dt = 1), sigma = ln 1.25 so u = 1.25 and d = 0.8, r = ln 1.1 so
  // e^{r dt} = 1.1 and p = (1.1 - 0.8) / (1.25 - 0.8) = 2/3, q = 0, exit 20% (0.2 a step).
  // Stock: 100; 125, 80; 156.25, 100, 64. Payoffs at maturity: 56.25, 0, 0.
  const tree = (vesting: number, multiple?: number) => hullWhiteValue(100, 100, 2, Math.log(1.25), Math.log(1.1), 0, vesting, 0.2, multiple, 1);

  it("vested from grant, no multiple: 5680/363", () => {
    // t = 1, up (125): continuation (2/3 x 56.25 + 1/3 x 0) / 1.1 = 37.5/1.1; one who leaves (0.2)
    //   exercises for 25: 0.8 x 37.5/1.1 + 0.2 x 25 = 355/11. Down (80): 0.
    // t = 0 (100, at the money): 0.8 x (2/3 x 355/11) / 1.1 + 0.2 x 0 = 5680/363 = 15.6474...
    expect(tree(0)).toBeCloseTo(5680 / 363, 12);
  });

  it("multiple 1.2: the up node (125 >= 120) is exercised for 25: 400/33", () => {
    // t = 0: 0.8 x (2/3 x 25) / 1.1 = 400/33 = 12.1212...
    expect(tree(0, 1.2)).toBeCloseTo(400 / 33, 12);
  });

  it("vesting 1 year: the node at t = 1 is on the vesting date, so unvested: 1600/121", () => {
    // t = 1, up: 0.8 x 37.5/1.1 = 300/11 (one who leaves forfeits); t = 0: 0.8 x (2/3 x 300/11)/1.1 = 1600/121
    expect(tree(1)).toBeCloseTo(1600 / 121, 12);
    // vesting a day earlier vests the t = 1 node; the root (at the money) is the same vested or not
    expect(tree(1 - 1 / 365)).toBeCloseTo(5680 / 363, 12);
  });

  it("vested at grant means the root too: spot 3 x strike, multiple 2, is exercised at once", () => {
    expect(hullWhiteValue(150, 50, 10, 0.35, 0.05, 0.025, 0, 0.1, 2, 100)).toBe(100);
    // vesting a moment after grant: the root is unvested and keeps the option
    expect(hullWhiteValue(150, 50, 10, 0.35, 0.05, 0.025, 1e-6, 0.1, 2, 100)).not.toBe(100);
  });
});

describe("steps: N = round(term_years x steps_per_year), halves up, at least 1", () => {
  it.each([
    [10, 100, 1000],
    [0.7, 5, 4], // 3.5 -> 4
    [2.6, 1, 3],
    [0.25, 2, 1], // 0.5 -> 1
    [0.001, 100, 1], // 0.1 -> 0 -> at least 1
    [1.0025, 200, 201], // 200.49999999999997 in binary, 200.5 as written
    [1.0024, 200, 200],
  ])("term %d at %d a year: %d steps", (term, perYear, steps) => expect(hullWhiteSteps(term, perYear)).toBe(steps));

  it("a non-integer product is valued on the rounded tree: 0.7 years at 5 a year is the 4-step European", () => {
    // exit 0, no multiple: the lattice is the CRR European call on 4 steps of 0.175 years
    expect(hullWhiteValue(42, 40, 0.7, 0.2, 0.1, 0, 0, 0, undefined, 5)).toBeCloseTo(crrEuropeanCall(42, 40, 0.7, 0.2, 0.1, 0, 4), 12);
  });
});

describe("limits and independent checks", () => {
  it.each([
    ["S = K = 50, T = 10, sigma 35%, r 5% (at the money, even N)", 50, 50, 10, 0.35, 0.05, 0],
    ["Hull: S = 42, K = 40, T = 0.5, sigma 20%, r 10%", 42, 40, 0.5, 0.2, 0.1, 0],
    ["Haug: S = 60, K = 65, T = 0.25, sigma 30%, r 8%", 60, 65, 0.25, 0.3, 0.08, 0],
    ["Haug: S = 100, K = 95, T = 0.5, sigma 20%, r 10%, q 5%", 100, 95, 0.5, 0.2, 0.1, 0.05],
    ["Benninga's market, q 2.5%", 50, 50, 10, 0.35, 0.05, 0.025],
    ["Capstone: S = 1.27, K = 2.50, T = 7, sigma 114%, r 3%", 1.27, 2.5, 7, 1.14257755, 0.03, 0],
  ])("no exit, no multiple, vested: converges to Black-Scholes-Merton as O(1/N) (%s)", (_, spot, strike, term, vol, rate, q) => {
    const bs = blackScholes({ spot, strike, termYears: term, volatility: vol, riskFreeRate: rate, dividendYield: q });
    for (const steps of [1000, 10000]) {
      const lattice = hullWhiteLattice(spot, strike, term, vol, rate, q, 0, 0, Infinity, steps);
      expect(Math.abs(lattice - bs)).toBeLessThanOrEqual(crrBound(spot, vol, term, steps));
      // and, with nothing to exercise early, it is the closed-form binomial sum itself
      expect(lattice).toBeCloseTo(crrEuropeanCall(spot, strike, term, vol, rate, q, steps), 9);
    }
  });

  it("at the money on even N the error is smooth in 1/N: ten times the steps, a tenth of the error", () => {
    const bs = blackScholes({ spot: 50, strike: 50, termYears: 10, volatility: 0.35, riskFreeRate: 0.05 });
    const error = (steps: number) => hullWhiteLattice(50, 50, 10, 0.35, 0.05, 0, 0, 0, Infinity, steps) - bs;
    const ratio = error(1000) / error(10000);
    expect(ratio).toBeGreaterThan(9);
    expect(ratio).toBeLessThan(11);
  });

  it.each([
    [0, 0.1],
    [0.025, 0.1],
    [0.05, 0.3],
  ])("vesting = term (q %d, exit %d): nothing is exercised early and leaving forfeits, so (1 - e dt)^N x the CRR European", (q, exit) => {
    const steps = 1000;
    const value = hullWhiteValue(50, 50, 10, 0.35, 0.05, q, 10, exit, 3, 100);
    expect(value).toBeCloseTo((1 - exit * 0.01) ** steps * crrEuropeanCall(50, 50, 10, 0.35, 0.05, q, steps), 10);
    // and as the steps grow, e^{-e T} x Black-Scholes (survival to expiry times the European value)
    const fine = hullWhiteValue(50, 50, 10, 0.35, 0.05, q, 10, exit, 3, 1000);
    const limit = Math.exp(-exit * 10) * blackScholes({ spot: 50, strike: 50, termYears: 10, volatility: 0.35, riskFreeRate: 0.05, dividendYield: q });
    // (1 - e T/N)^N = e^{-e T} (1 - (e T)^2 / 2N + ...)
    expect(Math.abs(fine - limit)).toBeLessThanOrEqual(crrBound(50, 0.35, 10, 10000) + (limit * (exit * 10) ** 2) / 10000);
  });

  it("exit 100% a year on one step a year: certain exit each step (exit_rate x dt = 1)", () => {
    // T = 1, N = 1: vested root, S = K: 0 x continuation + 1 x max(S - K, 0) = 0
    expect(hullWhiteValue(50, 50, 1, 0.35, 0.05, 0, 0, 1, undefined, 1)).toBe(0);
    // in the money: the intrinsic value
    expect(hullWhiteValue(60, 50, 1, 0.35, 0.05, 0, 0, 1, undefined, 1)).toBeCloseTo(10, 12);
  });

  it("a tree too tall for doubles still values: sigma 5 over 100 years (top price e^5000 x S)", () => {
    // no exits, no multiple, q = 0: a European call, S N(d1) - K e^{-rT} N(d2) with d2 = -24.9: S to
    // 1e-100. On the tree too, almost all of E[S_T] sits where S_T >> K and the payoff is S_T - K:
    // the value is S - K e^{-rT} x (a probability below 1e-6)
    const value = hullWhiteValue(50, 50, 100, 5, 0.05, 0, 0, 0, undefined, 100);
    const bs = blackScholes({ spot: 50, strike: 50, termYears: 100, volatility: 5, riskFreeRate: 0.05 });
    expect(bs).toBe(50);
    expect(value).toBeLessThanOrEqual(50);
    expect(50 - value).toBeLessThanOrEqual(50 * Math.exp(-0.05 * 100) * 1e-6);
    expect(hullWhiteValue(50, 50, 100, 5, 0.05, 0, 0, 0.1, undefined, 100)).toBeLessThan(value);
  });

  it("a far out-of-the-money option is worth little, and never less than 0", () => {
    const value = hullWhiteValue(1, 1e6, 1, 0.2, 0.05, 0, 0, 0.1, 2, 100);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1e-100);
  });
});

describe("the kernel against the direct recursion", () => {
  it("agrees on random markets and assumptions (any sign of r and q, vesting, exits, multiples)", () => {
    fc.assert(
      fc.property(
        fc.record({
          spot: fc.double({ min: 1, max: 200, noNaN: true }),
          strike: fc.double({ min: 1, max: 200, noNaN: true }),
          termYears: fc.double({ min: 0.1, max: 10, noNaN: true }),
          volatility: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
          rate: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
          q: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
          vestingFraction: fc.double({ min: 0, max: 1, noNaN: true }),
          exit: fc.double({ min: 0, max: 1, noNaN: true }),
          multiple: fc.option(fc.double({ min: 1, max: 4, noNaN: true }), { nil: undefined }),
          stepsPerYear: fc.integer({ min: 5, max: 30 }),
        }),
        (c) => {
          const steps = hullWhiteSteps(c.termYears, c.stepsPerYear);
          const dt = c.termYears / steps;
          const u = Math.exp(c.volatility * Math.sqrt(dt));
          const p = (Math.exp((c.rate - c.q) * dt) - 1 / u) / (u - 1 / u);
          fc.pre(p >= 0 && p <= 1);
          const vesting = c.vestingFraction * c.termYears;
          // no node within 1e-6 of a step of S = M K or of the vesting date: there the kernel takes a tie
          // (within 1e-9) as reached, where a comparison of rounded doubles may go either way
          const offGrid = (x: number) => Math.abs(x - Math.round(x)) > 1e-6;
          if (c.multiple !== undefined) fc.pre(offGrid(Math.log((c.multiple * c.strike) / c.spot) / Math.log(u)));
          fc.pre(vesting === 0 || offGrid(vesting / dt));
          const v = hullWhiteValue(c.spot, c.strike, c.termYears, c.volatility, c.rate, c.q, vesting, c.exit, c.multiple, c.stepsPerYear);
          const direct = directRecursion(c.spot, c.strike, c.termYears, c.volatility, c.rate, c.q, vesting, c.exit, c.multiple ?? Infinity, steps);
          expect(Math.abs(v - direct)).toBeLessThanOrEqual(1e-9 * Math.max(1, direct));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees on Benninga's case at 100 steps a year", () => {
    const b = BENNINGA;
    expect(benninga(100)).toBeCloseTo(directRecursion(b.spot, b.strike, b.termYears, b.volatility, b.riskFreeRate, b.dividendYield, b.vestingYears, b.exitRate, b.multiple, 1000), 10);
  });
});

describe("properties (q = 0, r >= 0)", () => {
  const market = fc.record({
    spot: fc.double({ min: 5, max: 200, noNaN: true }),
    strike: fc.double({ min: 5, max: 200, noNaN: true }),
    termYears: fc.double({ min: 0.5, max: 10, noNaN: true }),
    volatility: fc.double({ min: 0.1, max: 1.5, noNaN: true }),
    riskFreeRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
    vestingFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    stepsPerYear: fc.integer({ min: 4, max: 40 }),
  });
  interface Case {
    spot: number;
    strike: number;
    termYears: number;
    volatility: number;
    riskFreeRate: number;
    vestingFraction: number;
    stepsPerYear: number;
  }
  const value = (m: Case, exit: number, multiple?: number) =>
    hullWhiteValue(m.spot, m.strike, m.termYears, m.volatility, m.riskFreeRate, 0, m.vestingFraction * m.termYears, exit, multiple, m.stepsPerYear);
  const tolerance = (v: number) => 1e-12 * Math.max(1, v);

  it("never exceeds the European call on the same tree (nor, beyond the tree's O(1/N) error, Black-Scholes)", () => {
    fc.assert(
      fc.property(market, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: undefined }), (m, exit, multiple) => {
        const v = value(m, exit, multiple);
        const steps = hullWhiteSteps(m.termYears, m.stepsPerYear);
        expect(v).toBeLessThanOrEqual(crrEuropeanCall(m.spot, m.strike, m.termYears, m.volatility, m.riskFreeRate, 0, steps) + tolerance(v));
        expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it("falls as exit_rate rises", () => {
    fc.assert(
      fc.property(market, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: undefined }), (m, e1, e2, multiple) => {
        const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
        const vLo = value(m, lo, multiple);
        expect(value(m, hi, multiple)).toBeLessThanOrEqual(vLo + tolerance(vLo));
      }),
      { numRuns: 150 },
    );
  });

  it("rises with exercise_multiple, up to the value with no multiple", () => {
    fc.assert(
      fc.property(market, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (m, exit, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const vHi = value(m, exit, hi);
        expect(value(m, exit, lo)).toBeLessThanOrEqual(vHi + tolerance(vHi));
        const never = value(m, exit, undefined);
        expect(vHi).toBeLessThanOrEqual(never + tolerance(never));
      }),
      { numRuns: 150 },
    );
  });
});

/** The CalcError a call throws (fails the test when it does not throw one). */
const thrown = (call: () => unknown): CalcError => thrownOf(call, CalcError);

describe("hostile inputs: keyed errors naming the argument", () => {
  // spot, strike, term, vol, r, q, vesting, exit, multiple, steps a year
  type Args = [number, number, number, number, number, number, number, number, number | undefined, number];
  const ok: Args = [50, 50, 10, 0.35, 0.05, 0.025, 3, 0.1, 3, 100];
  const withArg = (index: number, value: number | undefined): Args => ok.map((v, i) => (i === index ? value : v)) as Args;
  it.each<[string, Args, MessageKey, string | undefined]>([
    ["spot 0", withArg(0, 0), "greaterThan", "spot"],
    ["spot -50", withArg(0, -50), "greaterThan", "spot"],
    ["spot NaN", withArg(0, NaN), "greaterThan", "spot"],
    ["spot Infinity", withArg(0, Infinity), "greaterThan", "spot"],
    ["strike 0", withArg(1, 0), "greaterThan", "strike"],
    ["strike NaN", withArg(1, NaN), "greaterThan", "strike"],
    ["term 0", withArg(2, 0), "greaterThanAtMost", "term_years"],
    ["term -1", withArg(2, -1), "greaterThanAtMost", "term_years"],
    ["term 101", withArg(2, 101), "greaterThanAtMost", "term_years"],
    ["term NaN", withArg(2, NaN), "greaterThanAtMost", "term_years"],
    ["volatility 0", withArg(3, 0), "greaterThanAtMost", "volatility"],
    ["volatility 35 (a percent, not a decimal)", withArg(3, 35), "greaterThanAtMost", "volatility"],
    ["volatility -0.35", withArg(3, -0.35), "greaterThanAtMost", "volatility"],
    ["risk_free_rate 5 (a percent)", withArg(4, 5), "between", "risk_free_rate"],
    ["risk_free_rate NaN", withArg(4, NaN), "between", "risk_free_rate"],
    ["dividend_yield -2", withArg(5, -2), "between", "dividend_yield"],
    ["vesting -1", withArg(6, -1), "atLeast", "vesting_years"],
    ["vesting NaN", withArg(6, NaN), "atLeast", "vesting_years"],
    ["vesting 11 > term 10", withArg(6, 11), "hullWhiteVestingAfterTerm", "vesting_years"],
    ["exit -0.1", withArg(7, -0.1), "between", "exit_rate"],
    ["exit 10 (a percent)", withArg(7, 10), "between", "exit_rate"],
    ["exit NaN", withArg(7, NaN), "between", "exit_rate"],
    ["exit 0.8 on steps of 1.4 years", [50, 50, 1.4, 0.35, 0.05, 0, 0, 0.8, undefined, 1], "hullWhiteExitPerStep", "exit_rate"],
    ["multiple 0.5", withArg(8, 0.5), "atLeast", "exercise_multiple"],
    ["multiple NaN", withArg(8, NaN), "atLeast", "exercise_multiple"],
    ["steps_per_year 0", withArg(9, 0), "atLeast", "steps_per_year"],
    ["steps_per_year -100", withArg(9, -100), "atLeast", "steps_per_year"],
    ["steps_per_year 2.5", withArg(9, 2.5), "notWholeNumber", "steps_per_year"],
    ["steps_per_year NaN", withArg(9, NaN), "notWholeNumber", "steps_per_year"],
    ["100 years at 1,000 a year (100,000 steps)", [50, 50, 100, 0.35, 0.05, 0, 0, 0, undefined, 1000], "hullWhiteTooManySteps", "steps_per_year"],
    ["p > 1: r 50%, sigma 1%, one step a year", [50, 50, 1, 0.01, 0.5, 0, 0, 0, undefined, 1], "hullWhiteTooFewSteps", "steps_per_year"],
    ["p < 0: r -50%, sigma 1%, one step a year", [50, 50, 1, 0.01, -0.5, 0, 0, 0, undefined, 1], "hullWhiteTooFewSteps", "steps_per_year"],
    ["a value past 1.8e308: spot 1e300, q -100% for 100 years", [1e300, 1, 100, 2, 1, -1, 0, 0, undefined, 10], "valueOverflows", undefined],
  ])("%s", (_, args, key, field) => {
    const error = thrown(() => hullWhiteValue(...args));
    expect({ key: error.key, field: error.field, code: error.code }).toEqual({ key, field, code: "#NUM!" });
  });

  it("names the first bad argument in the order of the arguments", () => {
    const error = thrown(() => hullWhiteValue(50, -1, 0, 0, 5, 5, -1, 2, 0, 0));
    expect(error.field).toBe("strike");
  });

  it("the step cap is what a cell may ask for: 100 years at 200 a year is the largest tree", () => {
    expect(hullWhiteSteps(100, 200)).toBe(HULL_WHITE_MAX_STEPS);
  });

  it("messages name the argument and the value", () => {
    expect(thrown(() => hullWhiteValue(...withArg(6, 11))).message).toBe("vesting_years (11) must be between 0 and term_years (10)");
    expect(thrown(() => hullWhiteValue(50, 50, 1, 0.01, 0.5, 0, 0, 0, undefined, 1)).message).toMatch(/^steps_per_year \(1\) is too few for volatility 0\.01, risk_free_rate 0\.5 and dividend_yield 0: the tree's up probability would be [0-9.]+, outside 0 to 1; use more steps_per_year$/);
  });
});

describe("the hull-white pricing model", () => {
  const market: Market = { valuationDate: 0, spot: 50, volatility: 0.35, riskFreeRate: 0.05, dividendYield: 0.025 };
  const assumptions = { vestingYears: 3, exitRate: 0.1, exerciseMultiple: 3, stepsPerYear: 100 };
  const columns = (strike: number[], termYears: number[], isCall = true): OptionColumns => ({ strike: Float64Array.from(strike), termYears: Float64Array.from(termYears), isCall });

  it("prices each option as HULL_WHITE_VALUE does, Benninga's among them", () => {
    const model = hullWhiteModel(assumptions);
    expect(model.id).toBe(HULL_WHITE_ID);
    const out = priceOptions(columns([50, 40, 50], [10, 7.5, 10]), market, model);
    expect(Math.abs(out[0] - 13.5753)).toBeLessThanOrEqual(0.00005);
    expect(out[1]).toBe(hullWhiteValue(50, 40, 7.5, 0.35, 0.05, 0.025, 3, 0.1, 3, 100));
    expect(out[2]).toBe(out[0]);
  });

  it("options with the same strike and term share one lattice, across slices", () => {
    const spy = jest.spyOn(hullWhite, "hullWhiteLattice");
    try {
      const n = 1000;
      const opts = columns(
        Array.from({ length: n }, (_, i) => (i % 2 ? 50 : 40)),
        Array.from({ length: n }, (_, i) => (i % 3 ? 5 : 2)),
      );
      const session = hullWhiteModel(assumptions).session(market, n);
      const out = new Float64Array(n);
      session.price(opts, out, 0, 500);
      session.price(opts, out, 500, n);
      expect(spy).toHaveBeenCalledTimes(4); // (40, 2), (50, 5), (40, 5), (50, 2)
      expect(out[997]).toBe(hullWhiteValue(50, 50, 5, 0.35, 0.05, 0.025, 3, 0.1, 3, 100));
      expect(out[996]).toBe(hullWhiteValue(50, 40, 2, 0.35, 0.05, 0.025, 2, 0.1, 3, 100)); // vesting 3 > term 2: 2
    } finally {
      spy.mockRestore();
    }
  });

  it("an expired or ineligible option (term 0) is worth its intrinsic value; vesting past the term is the term", () => {
    const out = priceOptions(columns([40, 60, 50], [0, 0, 2]), market, hullWhiteModel(assumptions));
    expect([out[0], out[1]]).toEqual([10, 0]);
    expect(out[2]).toBe(hullWhiteValue(50, 50, 2, 0.35, 0.05, 0.025, 2, 0.1, 3, 100));
  });

  it("a term longer than the step cap allows gets the capped tree, not an error ('never expires' ledgers)", () => {
    const out = priceOptions(columns([50], [8000]), market, hullWhiteModel({ stepsPerYear: 100 }));
    expect(out[0]).toBe(hullWhiteLattice(50, 50, 8000, 0.35, 0.05, 0.025, 0, 0, Infinity, HULL_WHITE_MAX_STEPS));
    expect(out[0]).toBeGreaterThan(0);
    expect(out[0]).toBeLessThan(50);
  });

  it("checks its assumptions, the market, the tree; values calls only", () => {
    const key = (call: () => unknown) => {
      const e = thrown(call);
      return [e.key, e.field];
    };
    expect(key(() => hullWhiteModel({ exitRate: 2 }))).toEqual(["between", "exit_rate"]);
    expect(key(() => hullWhiteModel({ stepsPerYear: 0.5 }))).toEqual(["notWholeNumber", "steps_per_year"]);
    expect(key(() => hullWhiteModel({ exerciseMultiple: 0 }))).toEqual(["atLeast", "exercise_multiple"]);
    expect(key(() => hullWhiteModel({ vestingYears: -1 }))).toEqual(["atLeast", "vesting_years"]);
    expect(key(() => hullWhiteModel().session({ ...market, volatility: 0 }, 1))).toEqual(["greaterThanAtMost", "volatility"]);
    expect(key(() => priceOptions(columns([50], [1]), { ...market, volatility: 0.01, riskFreeRate: 0.5, dividendYield: 0 }, hullWhiteModel({ stepsPerYear: 1 })))).toEqual([
      "hullWhiteTooFewSteps",
      "steps_per_year",
    ]);
    expect(key(() => priceOptions(columns([50], [1], false), market, hullWhiteModel()))).toEqual(["hullWhiteCallsOnly", undefined]);
  });

  it("is not a policy default: PRICING_MODELS holds Black-Scholes alone", () => {
    expect(Object.keys(PRICING_MODELS)).toEqual([BLACK_SCHOLES.id]);
  });

  it("values the Capstone ledger through the offer's valuation: below Black-Scholes with exits and a multiple, equal to it in the limit", () => {
    const sample = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
    const ledger = parseCsvLedger(fs.readFileSync(path.join(sample, "ledger.csv"), "utf8"));
    const terms = readOfferTerms(JSON.parse(fs.readFileSync(path.join(sample, "offer.json"), "utf8")));
    const bs = valueOffer(ledger.grants, terms);
    const employee = valueOffer(ledger.grants, terms, { model: hullWhiteModel({ exitRate: 0.1, exerciseMultiple: 3 }) });
    const plain = valueOffer(ledger.grants, terms, { model: hullWhiteModel() });
    expect(employee.eligibleCount).toBe(bs.eligibleCount);
    expect(Number(employee.transactionValuation)).toBeLessThan(Number(bs.transactionValuation));
    const { stockPrice: spot, volatility, riskFreeRate } = terms;
    for (let i = 0; i < bs.valuePerShare.length; i++) {
      const termYears = bs.termYears[i];
      if (!bs.eligible[i] || termYears === 0) continue;
      // no exits, no multiple: the CRR European call on the grant's tree, near Black-Scholes
      const steps = hullWhiteSteps(termYears, 100);
      expect(plain.valuePerShare[i]).toBeCloseTo(crrEuropeanCall(spot, bs.table.exercisePrice[i], termYears, volatility, riskFreeRate, 0, steps), 10);
      expect(Math.abs(plain.valuePerShare[i] - bs.valuePerShare[i])).toBeLessThanOrEqual(crrBound(spot, volatility, termYears, steps));
      expect(employee.valuePerShare[i]).toBeLessThanOrEqual(plain.valuePerShare[i] + 1e-12);
    }
  });
});
