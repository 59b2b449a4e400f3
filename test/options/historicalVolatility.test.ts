/**
 * HISTORICAL_VOLATILITY's core (src/core/options/historicalVolatility.ts): Hull's worked example,
 * hand calculations, properties (scaling, reversal, constant prices) and hostile inputs.
 */
import fc from "fast-check";
import { historicalVolatility } from "../../src/core/options/historicalVolatility";
import { CalcError } from "../../src/core/errors";

/**
 * J. C. Hull, Options, Futures, and Other Derivatives (9th ed., 2015; the same in the 8th and 10th),
 * chapter 15 "The Black-Scholes-Merton Model", section "Volatility" / "Estimating volatility from
 * historical data", Table 15.1 "Computation of volatility": 21 consecutive daily closing prices.
 * Hull: sum of u_i = 0.09531, sum of u_i^2 = 0.00326, s = sqrt(0.00326 / 19 - 0.09531^2 / (20 x 19))
 * = 0.01216 a day, and with 252 trading days a year sigma = 0.01216 x sqrt 252 = 0.193, or 19.3%.
 */
const HULL_CLOSES = [
  20.0, 20.1, 19.9, 20.0, 20.5, 20.25, 20.9, 20.9, 20.9, 20.75, 20.75, 21.0, 21.1, 20.9, 20.9, 21.25, 21.4, 21.4, 21.25, 21.75, 22.0,
];

describe("Hull's worked example (Table 15.1)", () => {
  it("21 closes, 20 returns", () => {
    expect(HULL_CLOSES).toHaveLength(21);
    // sum of u_i telescopes to ln(22/20) = ln 1.1 = 0.0953102 (Hull: 0.09531)
    expect(HULL_CLOSES[20] / HULL_CLOSES[0]).toBeCloseTo(1.1, 15);
  });

  it("daily s = 0.01216 (periods_per_year 1 gives the per-period standard deviation)", () => {
    expect(historicalVolatility(HULL_CLOSES, 1)).toBeCloseTo(0.01216, 5);
  });

  it("annual sigma = 0.01216 x sqrt 252 = 0.193 (19.3%)", () => {
    expect(historicalVolatility(HULL_CLOSES)).toBeCloseTo(0.193, 3);
    expect(historicalVolatility(HULL_CLOSES, 252)).toBe(historicalVolatility(HULL_CLOSES));
  });

  it("to 1e-14 of the exact figures, computed with mpmath at 50 digits: s = 0.0121593322362382890, sigma = 0.193023415234184359", () => {
    // from mpmath import mp, mpf, log, sqrt; mp.dps = 50
    // u = [log(mpf(repr(b)) / mpf(repr(a))) for a, b in zip(P, P[1:])]; m = sum(u) / 20
    // s = sqrt(sum((x - m)**2 for x in u) / 19)   (sum u = 0.0953101798, sum u^2 = 0.003263339367)
    expect(Math.abs(historicalVolatility(HULL_CLOSES, 1) - 0.01215933223623829)).toBeLessThanOrEqual(1e-14 * 0.0122);
    expect(Math.abs(historicalVolatility(HULL_CLOSES) - 0.19302341523418437)).toBeLessThanOrEqual(1e-14 * 0.193);
  });
});

describe("hand calculations", () => {
  it("3 prices: 100, 110, 99 -> u = ln 1.1, ln 0.9; s = |ln 1.1 - ln 0.9| / sqrt 2", () => {
    // mean m = (u1 + u2)/2; deviations +-(u1 - u2)/2; s^2 = 2 ((u1 - u2)/2)^2 / 1 = (u1 - u2)^2 / 2
    // u1 - u2 = ln(1.1 / 0.9) = ln(11/9) = 0.20067069546215111; s = 0.20067069546215111 / 1.41421356237309505
    // = 0.14189560954670763 (mpmath, 40 digits: 0.14189560954670763644)
    expect(historicalVolatility([100, 110, 99], 1)).toBeCloseTo(0.14189560954670763, 15);
    expect(historicalVolatility([100, 110, 99], 12)).toBeCloseTo(0.14189560954670763 * Math.sqrt(12), 14);
  });

  it("a steady trend has no volatility: 1, 2, 4, 8 (every u = ln 2)", () => {
    expect(historicalVolatility([1, 2, 4, 8, 16])).toBe(0);
  });

  it("prices that alternate by a factor e: u = +-1, mean 0 (4 returns), s^2 = 4 / 3", () => {
    const e = Math.E;
    expect(historicalVolatility([1, e, 1, e, 1], 1)).toBeCloseTo(Math.sqrt(4 / 3), 14);
  });

  it("weekly closes: periods_per_year 52", () => {
    expect(historicalVolatility(HULL_CLOSES, 52)).toBeCloseTo(historicalVolatility(HULL_CLOSES, 1) * Math.sqrt(52), 15);
  });

  it("returns of 1e-9 keep their digits (no rounding of b / a): 0.7, 0.7 + 7e-10, 0.7, 0.7 + 7e-10", () => {
    // 0.7 + 7e-10 is stored as 0.7000000006999999...; by mpmath (40 digits) on the two doubles,
    // u = ln(b / a) = 9.9999992363708190656e-10. Returns +u, -u, +u: mean u/3, deviations 2u/3, -4u/3,
    // 2u/3, so s^2 = (4/9 + 16/9 + 4/9) u^2 / 2 = 4u^2/3 and s = 1.1547004502029488943e-9. Math.log(b / a)
    // would carry the 1e-16 rounding of the quotient, 1e-7 of u (it gives 9.9999986e-10).
    const actual = historicalVolatility([0.7, 0.7 + 7e-10, 0.7, 0.7 + 7e-10], 1);
    expect(Math.abs(actual / 1.1547004502029489e-9 - 1)).toBeLessThan(1e-14);
  });

  it("prices far apart (beyond a factor 2^1023) still give finite returns", () => {
    const v = historicalVolatility([1e-300, 1e300, 1e-300], 1);
    // u = +-ln(1e600) = +-1381.55; s = 2 x 1381.55 / sqrt 2
    expect(v).toBeCloseTo((2 * 600 * Math.LN10) / Math.SQRT2, 9);
  });
});

describe("properties", () => {
  const series = fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 3, maxLength: 60 });

  it("constant prices give exactly 0", () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.integer({ min: 3, max: 300 }), (p, n) => historicalVolatility(new Array(n).fill(p)) === 0));
  });

  it("scaling every price by a power of 2 gives the same volatility, to the bit, when prices move by less than a factor 2", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 50, max: 90, noNaN: true }), { minLength: 3, maxLength: 60 }), fc.integer({ min: -40, max: 40 }), (prices, k) =>
        historicalVolatility(prices.map((p) => p * 2 ** k)) === historicalVolatility(prices),
      ),
    );
  });

  it("scaling every price by any factor gives the same volatility to 1e-13 (plus 1e-13 absolute)", () => {
    // p x factor is rounded to a double: each price moves by up to half an ulp (1.1e-16 relative), each
    // log return by up to 2.2e-16, and the annualised volatility (x sqrt(252) = 15.9) by a few 1e-15
    // whatever its size: for prices that barely move (0.01, 0.01, 0.010000000000000002) that is all of it
    fc.assert(
      fc.property(series, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (prices, factor) => {
        const a = historicalVolatility(prices);
        const b = historicalVolatility(prices.map((p) => p * factor));
        return Math.abs(a - b) <= 1e-13 * a + 1e-13;
      }),
    );
  });

  it("reading the prices newest first gives the same volatility to 1e-14", () => {
    fc.assert(
      fc.property(series, (prices) => {
        const a = historicalVolatility(prices);
        const b = historicalVolatility([...prices].reverse());
        return Math.abs(a - b) <= 1e-14 * Math.max(a, 1e-12);
      }),
    );
    expect(historicalVolatility([...HULL_CLOSES].reverse())).toBeCloseTo(0.19302341523418437, 14);
  });

  it("the annual figure is the per-period one times sqrt(periods_per_year)", () => {
    fc.assert(
      fc.property(series, fc.double({ min: 1, max: 400, noNaN: true }), (prices, periods) => {
        const annual = historicalVolatility(prices, periods);
        const perPeriod = historicalVolatility(prices, 1);
        return Math.abs(annual - perPeriod * Math.sqrt(periods)) <= 1e-14 * Math.max(annual, 1e-12);
      }),
    );
  });
});

describe("hostile inputs: the error's key and the argument it names", () => {
  it.each<[string, number[], number, string, string]>([
    ["no prices", [], 252, "tooFewPrices", "prices"],
    ["one price", [20], 252, "tooFewPrices", "prices"],
    ["two prices (one return)", [20, 21], 252, "tooFewPrices", "prices"],
    ["a zero price, 5th", [20, 20.1, 19.9, 20, 0, 20.25], 252, "greaterThan", "prices[5]"],
    ["a negative price, 1st", [-20, 20.1, 19.9], 252, "greaterThan", "prices[1]"],
    ["a negative price in a short list: its position first", [-20, 20.1], 252, "greaterThan", "prices[1]"],
    ["-0", [20, -0, 19.9], 252, "greaterThan", "prices[2]"],
    ["NaN, 3rd", [20, 20.1, NaN, 20], 252, "notFinite", "prices[3]"],
    ["Infinity, last", [20, 20.1, 19.9, Infinity], 252, "notFinite", "prices[4]"],
    ["-Infinity", [20, -Infinity, 19.9], 252, "notFinite", "prices[2]"],
    ["periods_per_year 0", HULL_CLOSES, 0, "greaterThan", "periods_per_year"],
    ["periods_per_year negative", HULL_CLOSES, -252, "greaterThan", "periods_per_year"],
    ["periods_per_year NaN", HULL_CLOSES, NaN, "notFinite", "periods_per_year"],
    ["periods_per_year Infinity", HULL_CLOSES, Infinity, "notFinite", "periods_per_year"],
  ])("%s", (_name, prices, periods, key, field) => {
    const call = () => historicalVolatility(prices, periods);
    expect(call).toThrow(CalcError);
    expect(call).toThrow(expect.objectContaining({ key, field }));
  });

  it("a value that is not a number at all (from an untyped caller) names its position", () => {
    expect(() => historicalVolatility([20, "21" as unknown as number, 22])).toThrow(expect.objectContaining({ key: "notFinite", field: "prices[2]" }));
  });

  it("messages", () => {
    expect(() => historicalVolatility([20, 21])).toThrow("prices holds 2 prices: a volatility needs at least 3 (2 returns for a sample standard deviation)");
    expect(() => historicalVolatility([20, 21, 0, 22])).toThrow("prices[3] (0) must be > 0");
    expect(() => historicalVolatility([20, 21])).toThrow(expect.objectContaining({ code: "#N/A" }));
  });
});
