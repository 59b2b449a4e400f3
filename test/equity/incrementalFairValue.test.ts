/**
 * INCREMENTAL_FAIR_VALUE's core (src/core/equity/incrementalFairValue.ts): ASC 718-20-35-3's
 * incremental fair value of a modification, max(0, new_shares x BS(new) - old_shares x BS(old)), on
 * hand-worked cases (a repricing, a value-for-value exchange, an extended post-termination exercise
 * window, a modification that lowers value) and hostile inputs.
 *
 * The Black-Scholes-Merton values are worked by hand below (d1, d2, N(d1), N(d2) to 8 digits, checked
 * with mpmath at 40 digits), or Hull's published 4.7594 (Options, Futures, and Other Derivatives,
 * Example 15.6: S=42, K=40, T=0.5, r=10%, sigma=20%).
 */
import { incrementalFairValue } from "../../src/core/equity/incrementalFairValue";
import { valueForValueRatio } from "../../src/core/equity/valueForValue";
import { CalcError } from "../../src/core/errors";

/** c = S e^{-qT} N(d1) - K e^{-rT} N(d2), from the figures written out in a test. */
const call = (spotDiscounted: number, nd1: number, strikeDiscounted: number, nd2: number) => spotDiscounted * nd1 - strikeDiscounted * nd2;

describe("a repricing: same term, lower strike", () => {
  // S = 42, T = 0.5, r = 10%, sigma = 20%, q = 0: sigma sqrt T = 0.14142136, K e^{-rT} = K x 0.95122942
  // old K = 50: ln(42/50) = -0.17435339; d1 = (-0.17435339 + 0.12 x 0.5) / 0.14142136 = -0.80860056,
  //   d2 = -0.95002191; N(d1) = 0.20937247, N(d2) = 0.17105056; c = 42 x 0.20937247 - 47.56147123 x 0.17105056 = 0.65822759
  // new K = 40: Hull's 4.7594 (d1 = 0.76926263, d2 = 0.62784127, N(d1) = 0.77913129, N(d2) = 0.73494604,
  //   c = 42 x 0.77913129 - 38.04917698 x 0.73494604 = 4.75942239)
  const oldValue = call(42, 0.20937247, 47.56147123, 0.17105056);
  const newValue = call(42, 0.77913129, 38.04917698, 0.73494604);

  it("the hand figures are the published value and the mpmath one", () => {
    expect(newValue).toBeCloseTo(4.7594, 4); // Hull
    expect(oldValue).toBeCloseTo(0.658227585146725, 6); // mpmath
  });

  it("per option: 4.75942239 - 0.65822759 = 4.10119481", () => {
    expect(incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1)).toBeCloseTo(newValue - oldValue, 6);
    expect(incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1)).toBeCloseTo(4.10119480772481, 12); // mpmath, 40 digits
  });

  it("for an award of 1,000 options repriced one for one: 4,101.19", () => {
    expect(incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1, 0, 1000, 1000)).toBeCloseTo(4101.1948077, 6);
  });

  it("the defaults are dividend_yield 0 and one option each", () => {
    expect(incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1)).toBe(incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1, 0, 1, 1));
  });
});

describe("a value-for-value exchange: 0 at the fair ratio", () => {
  // valueForValue.ts's convention: ratio = value(new at-the-money option) / value(old option) = old
  // options surrendered per new option. So old_shares = ratio, new_shares = 1 balance:
  // 1 x value(new) - ratio x value(old) = value(new) - value(new) = 0.
  // Its own example: S = 1.27, old K = 5 with 7 years left, new at the money for 10 years, sigma = 90%,
  // r = 3%. By hand: old: sigma sqrt T = 0.9 sqrt 7 = 2.3811762, d1 = (ln(1.27/5) + 0.435 x 7) / 2.3811762
  //   = (-1.3704210 + 3.045) / 2.3811762 = 0.70325707, d2 = -1.6779191, N(d1) = 0.75905222,
  //   N(d2) = 0.046681446, 5 e^{-0.21} = 4.05292123: c = 1.27 x 0.75905222 - 4.05292123 x 0.046681446 = 0.77480010
  // new: sigma sqrt T = 0.9 sqrt 10 = 2.8460499, d1 = 0.435 x 10 / 2.8460499 = 1.5284342, d2 = -1.3176157,
  //   N(d1) = 0.93679762, N(d2) = 0.093816165, 1.27 e^{-0.3} = 0.94083914: c = 1.10146705
  // ratio = 1.10146705 / 0.77480010 = 1.4216145 old options per new option.
  const market = { spot: 1.27, oldStrike: 5, oldTermYears: 7, newTermYears: 10, volatility: 0.9, riskFreeRate: 0.03 };

  it("valueForValueRatio's convention is old per new: the hand figures give its ratio", () => {
    const oldValue = call(1.27, 0.75905222, 4.05292123, 0.046681446);
    const newValue = call(1.27, 0.93679762, 0.94083914, 0.093816165);
    expect(valueForValueRatio(market)).toBeCloseTo(newValue / oldValue, 6);
    expect(valueForValueRatio(market)).toBeCloseTo(1.42161449824904, 12); // mpmath
  });

  it("old_shares = the ratio, new_shares = 1: 0 to 1e-15 of the new option's value", () => {
    const ratio = valueForValueRatio(market);
    const v = incrementalFairValue(1.27, 5, 7, 1.27, 10, 0.9, 0.03, 0, ratio, 1);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1e-15 * 1.10146705);
  });

  it("or one old option for 1 / ratio new ones: 0 as well", () => {
    const ratio = valueForValueRatio(market);
    expect(incrementalFairValue(1.27, 5, 7, 1.27, 10, 0.9, 0.03, 0, 1, 1 / ratio)).toBeLessThanOrEqual(1e-15 * 0.7748);
  });

  it("with a dividend yield (S = 30, old K = 45 with 6 years, new at the money for 10, sigma 50%, r 2%, q 1%)", () => {
    // old: d1 = (ln(30/45) + (0.02 - 0.01 + 0.125) x 6) / (0.5 sqrt 6) = (-0.40546511 + 0.81) / 1.2247449 = 0.33030136,
    //   d2 = -0.89444352, N(d1) = 0.62941387, N(d2) = 0.18554232, 30 e^{-0.06} = 28.25293601, 45 e^{-0.12} = 39.91141965
    // new: d1 = 0.135 x 10 / (0.5 sqrt 10) = 0.85381497, d2 = -0.72732386, N(d1) = 0.80339624, N(d2) = 0.23351379,
    //   30 e^{-0.1} = 27.14512254, 30 e^{-0.2} = 24.56192259
    const oldValue = call(28.25293601, 0.62941387, 39.91141965, 0.18554232); // 10.37753
    const newValue = call(27.14512254, 0.80339624, 24.56192259, 0.23351379); // 16.07274
    const withYield = { spot: 30, oldStrike: 45, oldTermYears: 6, newTermYears: 10, volatility: 0.5, riskFreeRate: 0.02, dividendYield: 0.01 };
    const ratio = valueForValueRatio(withYield);
    expect(ratio).toBeCloseTo(newValue / oldValue, 6);
    expect(incrementalFairValue(30, 45, 6, 30, 10, 0.5, 0.02, 0.01, ratio, 1)).toBeLessThanOrEqual(1e-15 * newValue);
  });

  it("a ratio a little too generous to the employees costs the difference; a little too stingy costs 0", () => {
    const ratio = valueForValueRatio(market);
    // surrender only 99% of the fair number: new - 0.99 x ratio x old = 0.01 x value(new) = 0.0110146705
    expect(incrementalFairValue(1.27, 5, 7, 1.27, 10, 0.9, 0.03, 0, 0.99 * ratio, 1)).toBeCloseTo(0.01 * 1.10146705208162, 12);
    expect(incrementalFairValue(1.27, 5, 7, 1.27, 10, 0.9, 0.03, 0, 1.01 * ratio, 1)).toBe(0);
  });
});

describe("an extended post-termination exercise window (same strike, 0.25 years left -> 2 years)", () => {
  // S = 20, K = 25 (under water), sigma = 50%, r = 4%, q = 0. Immediately before: the 0.25 years actually left.
  // old: sigma sqrt T = 0.25, d1 = (ln 0.8 + 0.165 x 0.25) / 0.25 = (-0.22314355 + 0.04125) / 0.25 = -0.72757421,
  //   d2 = -0.97757421, N(d1) = 0.23343714, N(d2) = 0.16414248, 25 e^{-0.01} = 24.75124584: c = 0.60601188
  // new: sigma sqrt T = 0.70710678, d1 = (-0.22314355 + 0.33) / 0.70710678 = 0.15111784, d2 = -0.55598894,
  //   N(d1) = 0.56005862, N(d2) = 0.28910921, 25 e^{-0.08} = 23.07790866: c = 4.52913652
  const oldValue = call(20, 0.23343714, 24.75124584, 0.16414248);
  const newValue = call(20, 0.56005862, 23.07790866, 0.28910921);

  it("per option 4.52913652 - 0.60601188 = 3.92312464", () => {
    expect(incrementalFairValue(20, 25, 0.25, 25, 2, 0.5, 0.04)).toBeCloseTo(newValue - oldValue, 6);
    expect(incrementalFairValue(20, 25, 0.25, 25, 2, 0.5, 0.04)).toBeCloseTo(3.9231246445221, 12); // mpmath
  });

  it("for a departing executive's 1,000 vested options: 3,923.12", () => {
    expect(incrementalFairValue(20, 25, 0.25, 25, 2, 0.5, 0.04, 0, 1000, 1000)).toBeCloseTo(3923.1246445221, 9);
  });

  it("a window that had run out (old term 0, out of the money: worth 0) costs the whole new value", () => {
    expect(incrementalFairValue(20, 25, 0, 25, 2, 0.5, 0.04)).toBeCloseTo(newValue, 6);
  });
});

describe("a modification that lowers value is floored at 0", () => {
  it("a higher strike, same term: 2.00914734 - 4.75942239 < 0 -> 0", () => {
    // new K = 45: d1 = (ln(42/45) + 0.06) / 0.14142136 = (-0.06899287 + 0.06) / 0.14142136 = -0.063589204,
    //   d2 = -0.20501056, N(d1) = 0.47464866, N(d2) = 0.41878194, 45 e^{-0.05} = 42.8053241: c = 2.00914734
    expect(call(42, 0.47464866, 42.8053241, 0.41878194)).toBeLessThan(4.7594);
    expect(incrementalFairValue(42, 40, 0.5, 45, 0.5, 0.2, 0.1)).toBe(0);
  });

  it("a shorter term, or fewer options", () => {
    expect(incrementalFairValue(20, 25, 2, 25, 0.25, 0.5, 0.04)).toBe(0);
    expect(incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1, 0, 1000, 100)).toBe(0); // 100 x 4.759 < 1000 x 0.658
  });

  it("a cancellation with no replacement (new_shares 0) has no increment", () => {
    expect(incrementalFairValue(42, 40, 0.5, 40, 0.5, 0.2, 0.1, 0, 1000, 0)).toBe(0);
  });

  it("no modification at all (same terms, same shares) costs exactly 0", () => {
    expect(incrementalFairValue(42, 40, 0.5, 40, 0.5, 0.2, 0.1, 0.01, 1000, 1000)).toBe(0);
  });
});

describe("hostile inputs: the error's key and the argument it names", () => {
  const ok = [42, 50, 0.5, 40, 0.5, 0.2, 0.1, 0, 1, 1];
  const at = (i: number, v: number) => ok.map((x, j) => (j === i ? v : x));
  it.each<[string, number[], string, string]>([
    ["spot 0", at(0, 0), "greaterThan", "spot"],
    ["spot NaN", at(0, NaN), "greaterThan", "spot"],
    ["old_strike 0", at(1, 0), "greaterThan", "old_strike"],
    ["old_strike Infinity", at(1, Infinity), "greaterThan", "old_strike"],
    ["old_term_years negative", at(2, -1), "between", "old_term_years"],
    ["new_strike negative", at(3, -40), "greaterThan", "new_strike"],
    ["new_term_years past 10,000", at(4, 10001), "between", "new_term_years"],
    ["new_term_years NaN", at(4, NaN), "between", "new_term_years"],
    ["volatility negative", at(5, -0.2), "between", "volatility"],
    ["risk_free_rate 11", at(6, 11), "between", "risk_free_rate"],
    ["dividend_yield NaN", at(7, NaN), "between", "dividend_yield"],
    ["old_shares 0: nothing to modify", at(8, 0), "noOriginalAward", "old_shares"],
    ["old_shares negative", at(8, -1000), "noOriginalAward", "old_shares"],
    ["old_shares NaN", at(8, NaN), "notFinite", "old_shares"],
    ["old_shares Infinity", at(8, Infinity), "notFinite", "old_shares"],
    ["new_shares negative", at(9, -1), "atLeast", "new_shares"],
    ["new_shares NaN", at(9, NaN), "notFinite", "new_shares"],
    ["new_shares -Infinity", at(9, -Infinity), "notFinite", "new_shares"],
  ])("%s", (_name, args, key, field) => {
    const f = () => incrementalFairValue(...(args as Parameters<typeof incrementalFairValue>));
    expect(f).toThrow(CalcError);
    expect(f).toThrow(expect.objectContaining({ key, field, code: "#NUM!" }));
  });

  it("old_shares 0 says why", () => {
    expect(() => incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1, 0, 0, 1000)).toThrow(
      "old_shares (0) must be > 0: a modification changes an award that exists; an award granted outright is not a modification and costs its own fair value",
    );
  });

  it("values beyond float64 are errors, not Infinity", () => {
    // S e^{-qT} = 42 e^{100000}
    expect(() => incrementalFairValue(42, 40, 0.5, 40, 10000, 0.2, 0.1, -10)).toThrow(expect.objectContaining({ key: "optionValuesOverflow" }));
    expect(() => incrementalFairValue(42, 50, 0.5, 40, 0.5, 0.2, 0.1, 0, 1, 1e308)).toThrow(expect.objectContaining({ key: "awardValuesOverflow" }));
  });
});
