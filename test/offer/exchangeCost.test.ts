/**
 * Issue 10: the exchange's incremental cost (ASC 718-20-35-3) at the offer's assumptions: every
 * eligible option exchanged for new at-the-money options with the offer's life, both valued with
 * Black-Scholes on the same market, max(0, new - old) in total.
 *
 * The hand-worked ledger: one holder's two grants, valued 2003-06-23 at S = $4.00, sigma = 60%,
 * r = 3%, q = 1% (Black-Scholes-Merton calls, mpmath at 50 digits with the formula of
 * test/reference/black_scholes_reference.py):
 *   A: K = $5.00, 1,001 shares, expires 2005-06-22 (730 days: T = 2)  C_A = 1.0548133365837239319
 *   B: K = $8.00, 2,501 shares, expires 2004-06-22 (365 days: T = 1)  C_B = 0.21219509825905686937
 *   new option: K = S = $4.00, T = 10 (the offer's life)              C_N = 2.4999288274014694784
 * Before: 1,001 C_A + 2,501 C_B = 1,055.8681499203 + 530.6998407459 = 1,586.5680906662088861.
 * Two old for one new (exchangeRatio 2): 500.5 and 1,250.5 new shares before rounding:
 *   floor-per-grant   500 + 1,250 = 1,750: new 1,750 C_N = 4,374.8754479525715872, cost 2,788.3073572863627011
 *   nearest-per-grant 501 + 1,251 = 1,752: new 4,379.8753056073745262, cost 2,793.30721494116564
 *   floor-per-holder  floor(3,502 / 2) = 1,751 (the leftover share to A: equal fractions, ledger
 *                     order): new 4,377.3753767799730567, cost 2,790.8072861137641706
 * Six for one: floor(1,001 / 6) + floor(2,501 / 6) = 166 + 416 = 582 new shares: 582 C_N =
 *   1,454.9585775476552364 < 1,586.57: the difference is -131.60951311855364969 and the cost 0.
 * Value for value: 3,502 x C_N / 1,586.5680906662088861 = 5.5180428782503604455 old per new.
 */
import * as fs from "fs";
import * as path from "path";
import { roundNewShares } from "../../src/core/elections/tally";
import { incrementalFairValue } from "../../src/core/equity/incrementalFairValue";
import { valueForValueRatio } from "../../src/core/equity/valueForValue";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { roundedNewShares } from "../../src/core/offer/exchangeCost";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { ExchangeCostFigures, startValuation, valueOffer } from "../../src/core/offer/valueOffer";
import { SEED_OFFER } from "../support/seedOffer";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const HEADER = "Grant Number,Employee ID,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding";
const ledger = parseCsvLedger([HEADER, "A,E1,Employee,US,2001-05-01,2005-06-22,$5.00,1001", "B,E1,Employee,US,2001-05-01,2004-06-22,$8.00,2501", "C,E2,Officer,US,2001-05-01,2005-06-22,$5.00,9999"].join("\n") + "\n");
const OFFER = { ...SEED_OFFER, stockPrice: 4, volatility: 0.6, riskFreeRate: 0.03, dividendYield: 0.01, exercisePriceThreshold: 2, feeRatePerMillion: 100, newOptionLifeYears: 10, exchangeRatio: 2 };

const C_A = Number("1.0548133365837239319");
const C_B = Number("0.21219509825905686937");
const C_N = Number("2.4999288274014694784");
const OLD = Number("1586.5680906662088861");

const costOf = (patch: Record<string, unknown> = {}): ExchangeCostFigures => {
  const cost = valueOffer(ledger.grants, readOfferTerms({ ...OFFER, ...patch })).exchangeCost;
  if (!cost.available) throw new Error(cost.note);
  return cost;
};

describe("the hand-worked two-grant ledger", () => {
  it("values the old options at their own strikes and remaining terms, the new at the money for the offer's life", () => {
    const c = costOf();
    expect(c).toMatchObject({ available: true, modelId: "black-scholes", modelLabel: "Black-Scholes-Merton", exchangeRatio: 2, splitFactor: 1, rounding: "floor-per-grant" });
    expect(c.newOption.strike).toBe(4);
    expect(c.newOption.termYears).toBe(10);
    expect(c.newOption.valuePerShare).toBeCloseTo(C_N, 13);
    expect([...c.remainingTermYears]).toEqual([2, 1, 0]); // C is an officer's: not eligible
    expect(c.oldValuePerShare[0]).toBeCloseTo(C_A, 13);
    expect(c.oldValuePerShare[1]).toBeCloseTo(C_B, 13);
    expect(c.oldValuePerShare[2]).toBe(0);
    expect(c.oldShares).toBe(3502);
    expect(Number(c.exactOldValue)).toBeCloseTo(OLD, 9);
    expect(c.oldValue).toBe("1586.57");
  });

  it.each<[string, number, number[], string, string, string]>([
    ["floor-per-grant", 1750, [500, 1250, 0], "4374.88", "2788.31", "4374.8754479525715872"],
    ["nearest-per-grant", 1752, [501, 1251, 0], "4379.88", "2793.31", "4379.8753056073745262"],
    ["floor-per-holder", 1751, [501, 1250, 0], "4377.38", "2790.81", "4377.3753767799730567"],
  ])("%s: %d new shares, new value and incremental fair value by hand", (rounding, newShares, byGrant, newValue, cost, exactNew) => {
    const c = costOf({ newOptionRounding: rounding });
    expect(c.newShares).toBe(newShares);
    expect([...c.newSharesByGrant]).toEqual(byGrant);
    expect(c.newValue).toBe(newValue);
    expect(Number(c.exactNewValue)).toBeCloseTo(Number(exactNew), 9);
    expect(c.incrementalFairValue).toBe(cost);
    expect(c.difference).toBe(cost);
    expect(c.valueForValueRatio).toBeCloseTo(Number("5.5180428782503604455"), 12);
  });

  it("six old for one new gives less than it takes: the difference is -$131.61, the cost $0.00", () => {
    const c = costOf({ exchangeRatio: 6 });
    expect(c.newShares).toBe(582);
    expect(c.newValue).toBe("1454.96");
    expect(c.difference).toBe("-131.61");
    expect(c.incrementalFairValue).toBe("0.00");
    expect(c.exactIncrementalFairValue).toBe("0");
    expect(c.valueForValueRatio).toBeCloseTo(Number("5.5180428782503604455"), 12); // the ratio does not depend on the offer's
  });

  it("a split after cancellation counts (a 2-for-1 split and two old for one new: one for one)", () => {
    const c = costOf({ splitFactor: 2 });
    expect(c.newShares).toBe(3502);
    expect(Number(c.exactNewValue)).toBeCloseTo(3502 * C_N, 9);
    // value for value in old options per new: 2 x 5.518... (each old share is two after the split)
    expect(c.valueForValueRatio).toBeCloseTo(2 * Number("5.5180428782503604455"), 11);
  });

  it("the policy's model does not change it: Black-Scholes, also when the policy is hull-white", () => {
    const hw = costOf({ valuationModel: "hull-white", vestingYears: 0, exitRate: 0.1, stepsPerYear: 20 });
    const bs = costOf();
    expect(hw.exactIncrementalFairValue).toBe(bs.exactIncrementalFairValue);
    expect(hw.modelId).toBe("black-scholes");
  });

  it("with the simplified term basis, the old options still count their remaining term (the valuation's own term is capped)", () => {
    const one = parseCsvLedger(`${HEADER}\nA,E1,Employee,US,2001-05-01,2011-06-21,$5.00,1000\n`); // 2,920 days: T = 8
    const v = valueOffer(one.grants, readOfferTerms({ ...OFFER, termBasis: "simplified" }));
    const c = v.exchangeCost as ExchangeCostFigures;
    expect(v.termYears[0]).toBeLessThan(8);
    expect(c.remainingTermYears[0]).toBe(8);
    expect(c.oldValuePerShare[0]).toBeCloseTo(Number("2.1832929356037216321"), 13); // mpmath, C(4, 5, 8 years)
    expect(c.oldValuePerShare).not.toBe(v.valuePerShare);
  });

  it("agrees with INCREMENTAL_FAIR_VALUE and VALUE_FOR_VALUE_RATIO for a one-grant ledger", () => {
    const one = parseCsvLedger(`${HEADER}\nA,E1,Employee,US,2001-05-01,2005-06-22,$5.00,1001\n`);
    const c = valueOffer(one.grants, readOfferTerms({ ...OFFER, exchangeRatio: 1 })).exchangeCost as ExchangeCostFigures;
    const single = incrementalFairValue(4, 5, 2, 4, 10, 0.6, 0.03, 0.01, 1001, 1001);
    expect(Number(c.exactIncrementalFairValue)).toBeCloseTo(single, 9);
    const ratio = valueForValueRatio({ spot: 4, oldStrike: 5, oldTermYears: 2, newTermYears: 10, volatility: 0.6, riskFreeRate: 0.03, dividendYield: 0.01 });
    expect(c.valueForValueRatio).toBeCloseTo(ratio, 12);
    expect(ratio).toBeCloseTo(Number("2.3700201170172084524"), 12); // mpmath: C_N / C_A
  });

  it("in slices (the pane's path) as at once", () => {
    const terms = readOfferTerms({ ...OFFER, newOptionRounding: "floor-per-holder", termBasis: "simplified" });
    const state = startValuation(ledger.grants, terms);
    while (!state.step(1));
    expect(state.finish().exchangeCost).toEqual(valueOffer(ledger.grants, terms).exchangeCost);
  });
});

describe("when it is absent or empty", () => {
  it("without the new option's life: absent with a note naming offer.newOptionLifeYears; the valuation is whole", () => {
    const v = valueOffer(ledger.grants, readOfferTerms({ ...OFFER, newOptionLifeYears: null, newOptionVesting: null }));
    expect(v.exchangeCost).toEqual({
      available: false,
      missing: ["newOptionLifeYears"],
      note: "offer.newOptionLifeYears is not given: the new options cannot be valued, so the exchange's incremental fair value (ASC 718) is not figured (give the new option's contractual life in years)",
    });
    expect(v.transactionValuation).toBe("1586.57");
  });

  it("nothing eligible: no shares, no value, no cost, no ratio", () => {
    const c = costOf({ exercisePriceThreshold: 50 });
    expect(c).toMatchObject({ oldShares: 0, newShares: 0, oldValue: "0.00", newValue: "0.00", incrementalFairValue: "0.00", valueForValueRatio: null });
  });
});

describe("new option shares round as the elections round them", () => {
  it.each<[number[], number, number]>([
    [[1001, 1001, 1001], 2, 1],
    [[1000, 2000], 3, 1],
    [[1026013], 1, 0.1],
    [[7, 11, 13, 1, 0], 3, 2],
    [[999, 1, 500, 250], 0.3, 1],
    [[1, 1, 1, 1, 1, 1, 1], 7, 1],
  ])("%j, ratio %d, split %d: roundedNewShares = roundNewShares (elections/tally.ts) for every rule", (shares, exchangeRatio, splitFactor) => {
    for (const rounding of ["floor-per-grant", "nearest-per-grant", "floor-per-holder"] as const) {
      // num / den = split / ratio, exactly as the elections build it
      const [sn, sd] = fraction(splitFactor);
      const [rn, rd] = fraction(exchangeRatio);
      const num = sn * rd;
      const den = sd * rn;
      expect(roundedNewShares(shares, num, den, rounding)).toEqual(roundNewShares(shares, { num, den, rounding }));
    }
  });
});

/** A decimal's exact fraction in BigInt (0.3 = 3/10), by its digits. */
function fraction(x: number): [bigint, bigint] {
  const [whole, decimals = ""] = String(x).split(".");
  return [BigInt(whole + decimals), 10n ** BigInt(decimals.length)];
}

describe("the Capstone sample", () => {
  const sample = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
  const terms = readOfferTerms(JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")));
  const v = valueOffer(sample.grants, terms);

  it("has the figure, one for one, each old option at its remaining term: the old value is the filing's Black-Scholes total", () => {
    const c = v.exchangeCost as ExchangeCostFigures;
    expect(c.available).toBe(true);
    expect(Object.keys(c).sort()).toEqual(
      [
        "available", "modelId", "modelLabel", "newOption", "exchangeRatio", "splitFactor", "rounding", "oldShares", "newShares", "exactOldValue", "oldValue",
        "exactNewValue", "newValue", "difference", "exactIncrementalFairValue", "incrementalFairValue", "valueForValueRatio", "newSharesByGrant", "oldValuePerShare", "remainingTermYears",
      ].sort(),
    );
    // the offer: one new share per old share, no split, ten years, at the $1.27 close
    expect(c.newOption).toMatchObject({ strike: 1.27, termYears: 10 });
    expect(c.oldShares).toBe(1026013);
    expect(c.newShares).toBe(1026013);
    // the "remaining" term basis and Black-Scholes: the options before the exchange are the filing's valuation
    expect(c.exactOldValue).toBe(v.exactValuation);
    expect(c.oldValue).toBe("991619.92");
    expect(Number(c.incrementalFairValue)).toBeGreaterThanOrEqual(0);
    // max(0, new - old), to the cent, from the exact figures
    const diff = Number(c.exactNewValue) - Number(c.exactOldValue);
    expect(Math.abs(Number(c.incrementalFairValue) - Math.max(0, diff))).toBeLessThanOrEqual(0.005);
    // each old share is worth less than a new at-the-money ten-year option (its strike is higher and its term shorter)
    for (let i = 0; i < v.table.length; i++) if (v.eligible[i]) expect(c.oldValuePerShare[i]).toBeLessThan(c.newOption.valuePerShare);
    expect(c.valueForValueRatio).toBeGreaterThan(1);
  });
});
