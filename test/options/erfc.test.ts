import stdlibErfc from "@stdlib/math-base-special-erfc";
import { erfc } from "../../src/core/options/erfc";
import { normalCdf } from "../../src/core/options/normal";

// erfc at 40 digits from mpmath 1.3.0 (mp.dps = 40; erfc(mpf(x)))
const MPMATH: [number, number][] = [
  [-3, 1.9999779095030014146],
  [-0.5, 1.5204998778130465377],
  [0.1, 0.8875370839817151078],
  [0.5, 0.47950012218695346232],
  [0.84375, 0.23277433876765836654],
  [1, 0.15729920705028513066],
  [1.25, 0.077099871743541769863],
  [2, 0.0046777349810472658379],
  [5, 1.5374597944280348502e-12],
  [10, 2.088487583762544757e-45],
  [20, 5.3958656116079009289e-176],
  [26.5, 2.2109076642637342759e-307],
];

describe("erfc", () => {
  it.each(MPMATH)("erfc(%p) matches mpmath to 1e-15 relative", (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-15);
  });

  it("agrees with @stdlib/math-base-special-erfc (FreeBSD msun) to 1e-15 relative over [-6, 26.5]", () => {
    let worst = 0;
    for (let i = 0; i <= 200000; i++) {
      const x = -6 + (32.5 * i) / 200000 + 1e-9 * (i % 7);
      if (stdlibErfc(x) < 1e-300) continue; // subnormal results carry fewer digits
      const ours = erfc(x);
      const theirs = stdlibErfc(x);
      worst = Math.max(worst, Math.abs(ours - theirs) / theirs);
    }
    expect(worst).toBeLessThan(1e-15);
  });

  it("handles the ends", () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(30)).toBe(0);
    expect(Number.isNaN(erfc(NaN))).toBe(true);
  });
});

describe("normalCdf", () => {
  it("keeps relative accuracy deep in the lower tail (mpmath ncdf)", () => {
    // mpmath: ncdf(-9) = 1.128588405953840647e-19, ncdf(-20) = 2.753624118606233695e-89
    expect(Math.abs(normalCdf(-9) - 1.128588405953840647e-19) / 1.128588405953840647e-19).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-20) - 2.753624118606233695e-89) / 2.753624118606233695e-89).toBeLessThan(1e-13);
    expect(normalCdf(0)).toBe(0.5);
  });
});
