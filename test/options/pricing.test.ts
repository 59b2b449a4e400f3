/**
 * The pricing layer and the day count: published Black-Scholes values through price(options, market,
 * model), and a second model plugged into the offer's valuation without touching eligibility,
 * aggregation or fees.
 */
import { act365Fixed, remainingTermYears } from "../../src/core/daycount/yearFraction";
import { BLACK_SCHOLES, Market, OptionColumns, PricingModel, priceOptions } from "../../src/core/options/pricing";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { SEED_OFFER } from "../support/seedOffer";

const market = (spot: number, volatility: number, riskFreeRate: number, dividendYield = 0): Market => ({ valuationDate: 0, spot, volatility, riskFreeRate, dividendYield });
const options = (strike: number[], termYears: number[], isCall = true): OptionColumns => ({ strike: Float64Array.from(strike), termYears: Float64Array.from(termYears), isCall });

describe("price(options, market, model)", () => {
  it.each([
    ["Hull: S=42 K=40 T=0.5 r=10% sigma=20%, call", options([40], [0.5]), market(42, 0.2, 0.1), 4.759422392871533],
    ["Hull: the same put", options([40], [0.5], false), market(42, 0.2, 0.1), 0.808599372900094],
    ["Haug p.2-8: S=60 K=65 T=0.25 r=8% sigma=30%, call", options([65], [0.25]), market(60, 0.3, 0.08), 2.1334],
    ["Haug: S=100 K=95 T=0.5 r=10% q=5% sigma=20%, put", options([95], [0.5], false), market(100, 0.2, 0.1, 0.05), 2.4648],
  ])("%s", (_, opts, m, expected) => {
    expect(priceOptions(opts, m, BLACK_SCHOLES)[0]).toBeCloseTo(expected, expected.toString().length > 8 ? 12 : 4);
  });

  it("prices only the slice asked for", () => {
    const out = new Float64Array(3).fill(-1);
    BLACK_SCHOLES.session(market(42, 0.2, 0.1), 3).price(options([40, 40, 40], [0.5, 0.5, 0.5]), out, 1, 2);
    expect(out[0]).toBe(-1);
    expect(out[1]).toBeCloseTo(4.759422392871533, 12);
    expect(out[2]).toBe(-1);
  });
});

describe("ACT/365 Fixed", () => {
  it.each([
    // 2003-06-23 is serial 37795; 2013-06-23 is 3,653 days later (leap days 2004, 2008, 2012)
    [37795, 37795 + 3653, 3653 / 365],
    [37795, 37795 + 365, 1],
    [37795, 37795 - 73, -0.2],
  ])("act365Fixed(%d, %d) = %d", (start, end, years) => expect(act365Fixed(start, end)).toBe(years));
  it("the remaining term is never negative", () => expect(remainingTermYears(37795, 37700)).toBe(0));
});

describe("a second model plugs into the offer's valuation", () => {
  /** Intrinsic value, S - K floored at 0: easy to add up by hand. */
  const intrinsic: PricingModel = {
    id: "intrinsic",
    label: "intrinsic value",
    session: (m) => ({
      price(opts, out, from, to) {
        for (let i = from; i < to; i++) out[i] = Math.max(0, (opts.isCall ? 1 : -1) * (m.spot - opts.strike[i]));
      },
    }),
  };
  it("eligibility, sums and fee are the same steps; only the values come from the model", () => {
    const ledger = parseCsvLedger(
      "Grant Number,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Outstanding\n" +
        "A,Employee,US,2001-05-01,2011-05-01,$2.00,1000\n" + // eligible; intrinsic at a $5.00 stock: 3.00 x 1,000 = $3,000
        "B,Employee,US,2001-05-01,2011-05-01,$4.50,200\n" + // eligible: 0.50 x 200 = $100
        "C,Director,US,2001-05-01,2011-05-01,$2.00,500\n" + // a director: not eligible
        "D,Employee,US,2001-05-01,2011-05-01,$1.00,500\n", // below the $2.00 threshold
    );
    const terms = readOfferTerms({ ...SEED_OFFER, stockPrice: 5, feeRatePerMillion: 100 });
    const v = valueOffer(ledger.grants, terms, { model: intrinsic });
    expect(v.transactionValuation).toBe("3100.00");
    expect(v.filingFee).toBe("0.31"); // 3,100 x 100 / 1,000,000
    expect([...v.valuePerShare]).toEqual([3, 0.5, 0, 0]);
    expect(v.eligibleCount).toBe(2);
  });
});

describe("the valuation's sum is exact", () => {
  it("keeps every digit of value x shares (decimal.js alone rounds to 20 significant digits)", () => {
    // one grant worth 1234.5678901234567 a share (17 significant digits) x 987,654,321 shares: 26 digits
    const fixed: PricingModel = { id: "fixed", label: "fixed", session: () => ({ price: (_o, out, from, to) => out.fill(1234.5678901234567, from, to) }) };
    const ledger = parseCsvLedger("Grant Number,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Outstanding\nA,Employee,US,2001-05-01,2011-05-01,$2.00,987654321\n");
    const v = valueOffer(ledger.grants, readOfferTerms({ ...SEED_OFFER, feeRatePerMillion: 100 }), { model: fixed });
    // by hand, in integers: 12345678901234567 x 987654321, then 13 decimal places
    const digits = (12345678901234567n * 987654321n).toString();
    expect(v.exactValuation).toBe(`${digits.slice(0, -13)}.${digits.slice(-13)}`);
    expect(v.exactValuation).toBe("1219326311248.2852332114007"); // Python decimal at 100 digits agrees
  });
});
