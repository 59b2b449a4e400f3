import fc from "fast-check";
import reference from "../reference/black-scholes-mpmath.json";
import { blackScholes, blackScholesBatch, blackScholesCallBatch } from "../../src/core/options/blackScholes";
import { CalcError } from "../../src/core/errors";
import { evaluate } from "../../src/functions/registry";

describe("Black-Scholes-Merton against published values", () => {
  // Hull, Options, Futures and Other Derivatives, Example 15.6 (S=42, K=40, T=0.5, r=10%, sigma=20%)
  it("Hull: call 4.759422392871533, put 0.808599372900094", () => {
    const market = { spot: 42, strike: 40, termYears: 0.5, volatility: 0.2, riskFreeRate: 0.1 };
    expect(blackScholes(market)).toBeCloseTo(4.759422392871533, 13);
    expect(blackScholes({ ...market, optionType: "put" })).toBeCloseTo(0.808599372900094, 13);
  });
  // Haug, The Complete Guide to Option Pricing Formulas (1998), p. 2 and p. 4
  it("Haug p.2: S=60 K=65 T=0.25 r=8% sigma=30% call 2.1334", () => {
    expect(blackScholes({ spot: 60, strike: 65, termYears: 0.25, volatility: 0.3, riskFreeRate: 0.08 })).toBeCloseTo(2.1334, 4);
  });
  it("Haug p.4: S=100 K=95 T=0.5 r=10% q=5% sigma=20% put 2.4648", () => {
    expect(
      blackScholes({ spot: 100, strike: 95, termYears: 0.5, volatility: 0.2, riskFreeRate: 0.1, dividendYield: 0.05, optionType: "put" }),
    ).toBeCloseTo(2.4648, 4);
  });
});

describe("accuracy against a 60-digit mpmath reference (test/reference)", () => {
  it.each(reference.cases.map((c) => [`${c.optionType} S=${c.spot} K=${c.strike} T=${c.termYears} vol=${c.volatility} r=${c.riskFreeRate} q=${c.dividendYield}`, c]))(
    "%s",
    (_name, c) => {
      const expected = Number(c.value);
      const actual = blackScholes({ ...c, optionType: c.optionType as "call" | "put" });
      if (expected >= 1) {
        expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(1e-12);
      } else {
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12);
      }
      if (expected > 1e-290) {
        // deep tails keep their relative accuracy: a call worth 1e-20 is neither 0 nor negative
        expect(actual).toBeGreaterThan(0);
        expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(1e-10);
      }
    },
  );
});

describe("limits", () => {
  it("term 0 is the intrinsic value", () => {
    expect(blackScholes({ spot: 42, strike: 40, termYears: 0, volatility: 0.2, riskFreeRate: 0.1 })).toBe(2);
    expect(blackScholes({ spot: 38, strike: 40, termYears: 0, volatility: 0.2, riskFreeRate: 0.1 })).toBe(0);
    expect(blackScholes({ spot: 38, strike: 40, termYears: 0, volatility: 0.2, riskFreeRate: 0.1, optionType: "put" })).toBe(2);
  });
  it("volatility 0 is the discounted intrinsic value of the forward", () => {
    // 42 - 40 e^{-0.05} = 42 - 38.04917698002... (hand calculation)
    expect(blackScholes({ spot: 42, strike: 40, termYears: 1, volatility: 0, riskFreeRate: 0.05 })).toBeCloseTo(42 - 40 * Math.exp(-0.05), 13);
    expect(blackScholes({ spot: 36, strike: 40, termYears: 1, volatility: 0, riskFreeRate: 0.05 })).toBe(0);
  });
  it("rejects out-of-domain inputs naming the argument", () => {
    const call = () => blackScholes({ spot: 42, strike: 40, termYears: 0.5, volatility: -0.2, riskFreeRate: 0.1 });
    expect(call).toThrow(CalcError);
    expect(call).toThrow("volatility (-0.2) must be between 0 and 100");
    expect(() => blackScholes({ spot: 0, strike: 40, termYears: 0.5, volatility: 0.2, riskFreeRate: 0.1 })).toThrow("spot (0) must be > 0");
  });
});

describe("properties", () => {
  const market = fc.record({
    spot: fc.double({ min: 0.5, max: 500, noNaN: true }),
    strike: fc.double({ min: 0.5, max: 500, noNaN: true }),
    termYears: fc.double({ min: 0.01, max: 15, noNaN: true }),
    volatility: fc.double({ min: 0.01, max: 2, noNaN: true }),
    riskFreeRate: fc.double({ min: -0.02, max: 0.15, noNaN: true }),
    dividendYield: fc.double({ min: 0, max: 0.1, noNaN: true }),
  });

  it("put-call parity: c - p = S e^{-qT} - K e^{-rT}", () => {
    fc.assert(
      fc.property(market, (m) => {
        const c = blackScholes(m);
        const p = blackScholes({ ...m, optionType: "put" });
        const forward = m.spot * Math.exp(-m.dividendYield * m.termYears) - m.strike * Math.exp(-m.riskFreeRate * m.termYears);
        return Math.abs(c - p - forward) <= 1e-11 * Math.max(1, m.spot, m.strike);
      }),
      { numRuns: 2000 },
    );
  });

  it("the call rises with spot and with volatility; the put falls with spot", () => {
    fc.assert(
      fc.property(market, fc.double({ min: 1.001, max: 2, noNaN: true }), (m, factor) => {
        const tol = 1e-12 * Math.max(1, m.spot * factor, m.strike);
        const up = { ...m, spot: m.spot * factor };
        const moreVol = { ...m, volatility: m.volatility * factor };
        return (
          blackScholes(up) >= blackScholes(m) - tol &&
          blackScholes(moreVol) >= blackScholes(m) - tol &&
          blackScholes({ ...up, optionType: "put" }) <= blackScholes({ ...m, optionType: "put" }) + tol
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("without dividends the call rises with term", () => {
    fc.assert(
      fc.property(market, fc.double({ min: 1.001, max: 2, noNaN: true }), (m, factor) => {
        const noDividend = { ...m, dividendYield: 0, riskFreeRate: Math.abs(m.riskFreeRate) };
        const longer = { ...noDividend, termYears: m.termYears * factor };
        return blackScholes(longer) >= blackScholes(noDividend) - 1e-12 * Math.max(1, m.spot);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([["call", true], ["put", false]] as const)("the batch path values every %s in the mpmath table, and only its slice", (kind, isCall) => {
    const cases = reference.cases.filter((c) => c.optionType === kind);
    const col = (f: (c: (typeof cases)[number]) => number) => Float64Array.from(cases.map(f));
    const batch = {
      spot: col((c) => c.spot),
      strike: col((c) => c.strike),
      termYears: col((c) => c.termYears),
      volatility: col((c) => c.volatility),
      riskFreeRate: col((c) => c.riskFreeRate),
      dividendYield: col((c) => c.dividendYield),
    };
    const out = new Float64Array(cases.length + 2).fill(-1);
    blackScholesBatch(batch, out, 1, cases.length, isCall);
    expect(out[0]).toBe(-1);
    expect(out[cases.length]).toBe(-1);
    expect(out[cases.length + 1]).toBe(-1);
    for (let i = 1; i < cases.length; i++) {
      const expected = Number(cases[i].value);
      expect(Math.abs(out[i] - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
    }
    if (isCall) {
      const calls = blackScholesCallBatch(batch, new Float64Array(cases.length));
      cases.forEach((c, i) => expect(calls[i]).toBe(blackScholes({ ...c, optionType: "call" })));
    }
  });
});

describe("terms as long as Excel's dates allow", () => {
  it("values a 9999-12-31 expiration from a 1900 valuation date (8,105 years): the call is worth the stock", () => {
    // d1 = [ln(1.27/2) + (0.03 + 1.14257755^2/2) x 8105.4] / (1.14257755 x sqrt(8105.4)) ~ 53.8, so N(d1) = 1,
    // and K e^-rT = 2 e^-243 ~ 1e-105: the value is the spot, 1.27, to the last digit
    expect(evaluate("BLACK_SCHOLES_VALUE", [1.27, 2, 2958464 / 365, 1.14257755, 0.03, 0])).toEqual({ value: 1.27 });
    expect(evaluate("BLACK_SCHOLES_VALUE", [1.27, 2, 10001, 1.14257755, 0.03, 0])).toMatchObject({ error: "#NUM!", message: "term_years (10001) must be between 0 and 10000" });
  });
});
