import reference from "../reference/erf-mpmath.json";
import { ERF_SMALL_LIMIT, erfcxPositive, erfSmall } from "../../src/core/options/erfcx";

// 40-digit values from mpmath (test/reference/erf_reference.py), independent of our float64 code.
describe("Cody's erf near 0 and erfcx in the tails, against mpmath", () => {
  it.each(reference.erf)("erf(%p) to 1e-15 relative", (x, expected) => {
    const want = Number(expected);
    expect(Math.abs(x as number)).toBeLessThanOrEqual(ERF_SMALL_LIMIT);
    expect(Math.abs(erfSmall(x as number) - want) / Math.abs(want)).toBeLessThanOrEqual(1e-15);
  });

  it.each(reference.erfcx)("erfcx(%p) to 1e-15 relative", (x, expected) => {
    const want = Number(expected);
    expect(x as number).toBeGreaterThan(ERF_SMALL_LIMIT);
    expect(Math.abs(erfcxPositive(x as number) - want) / want).toBeLessThanOrEqual(1e-15);
  });

  it("erfcx is 0 at infinity and decreasing (so e^{-x^2} erfcx(x) is a proper tail)", () => {
    expect(erfcxPositive(Infinity)).toBe(0);
    let previous = erfcxPositive(0.47);
    for (let x = 0.48; x < 60; x += 0.01) {
      const value = erfcxPositive(x);
      expect(value).toBeLessThan(previous);
      previous = value;
    }
  });
});
