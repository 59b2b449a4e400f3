import fc from "fast-check";
import { impliedVolatility } from "../../src/core/options/impliedVolatility";
import { blackScholes } from "../../src/core/options/blackScholes";

describe("implied volatility", () => {
  it("recovers Hull's 20% from the call price 4.759422392871533", () => {
    const v = impliedVolatility({ optionPrice: 4.759422392871533, spot: 42, strike: 40, termYears: 0.5, riskFreeRate: 0.1 });
    expect(Math.abs(v - 0.2)).toBeLessThan(1e-10);
  });
  it("recovers Hull's 20% from the put price 0.808599372900094", () => {
    const v = impliedVolatility({ optionPrice: 0.808599372900094, spot: 42, strike: 40, termYears: 0.5, riskFreeRate: 0.1, optionType: "put" });
    expect(Math.abs(v - 0.2)).toBeLessThan(1e-10);
  });
  it("round-trips: the volatility reproduces the price", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 10, noNaN: true }),
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.constantFrom<"call" | "put">("call", "put"),
        (spot, moneyness, termYears, volatility, optionType) => {
          const m = { spot, strike: spot * moneyness, termYears, riskFreeRate: 0.03, dividendYield: 0.01, optionType };
          const price = blackScholes({ ...m, volatility });
          if (price < 1e-6 * spot) return true; // no information left in the price
          const implied = impliedVolatility({ ...m, optionPrice: price });
          return Math.abs(blackScholes({ ...m, volatility: implied }) - price) <= 1e-10 * Math.max(1, price);
        },
      ),
      { numRuns: 500 },
    );
  });
  it("refuses prices outside the no-arbitrage bounds with #NUM!", () => {
    const m = { spot: 42, strike: 40, termYears: 0.5, riskFreeRate: 0.1 };
    // lower bound 42 - 40 e^{-0.05} = 3.9508; upper bound 42
    expect(() => impliedVolatility({ ...m, optionPrice: 3.9 })).toThrow(/below the no-arbitrage lower bound/);
    expect(() => impliedVolatility({ ...m, optionPrice: 42 })).toThrow(/upper bound/);
    expect(() => impliedVolatility({ ...m, optionPrice: 1, termYears: 0 })).toThrow(/term_years/);
  });
});
