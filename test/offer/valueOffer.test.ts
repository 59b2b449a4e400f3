import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { feeFootnote, feeTableRows } from "../../src/core/offer/feeTable";
import { CalcError } from "../../src/core/errors";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");

describe("the Capstone sample reproduces the filing (Schedule TO, Amendment No. 1, July 2003)", () => {
  const ledger = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
  const terms = readOfferTerms(JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")));
  const v = valueOffer(ledger.grants, terms);

  it("cover page: transaction valuation $991,619.92, fee $80.22 at $80.90 per $1,000,000", () => {
    expect(v.transactionValuation).toBe("991619.92");
    expect(v.feeRatePerMillion).toBe("80.90");
    expect(v.filingFee).toBe("80.22");
  });
  it("section 8: 9,851,440 options outstanding, 1,026,013 eligible (10.41%); 1.26% of common stock", () => {
    expect(ledger.rejected).toBe(0);
    expect(v.outstandingShares).toBe(9851440);
    expect(v.eligibleShares).toBe(1026013);
    expect(v.eligiblePercentOfOutstanding).toBe("10.41");
    expect(v.eligiblePercentOfCommon).toBe("1.26");
  });
  it("section 10: directors and executive officers hold 4,935,749; the plans 5,661,440", () => {
    const insiders = v.byClass.filter((c) => ["officer", "director", "executive"].includes(c.holderClass)).reduce((s, c) => s + c.shares, 0);
    expect(insiders).toBe(4935749);
    const plans = ledger.grants.filter((g) => /^(1993|2000) /.test(g.plan)).reduce((s, g) => s + g.sharesOutstanding, 0);
    expect(plans).toBe(5661440);
  });
  it("exercise prices lie within section 8's quarterly closing ranges", () => {
    const eligible = ledger.grants.filter((_, i) => v.eligible[i]);
    expect(Math.min(...eligible.map((g) => g.exercisePrice))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...ledger.grants.map((g) => g.exercisePrice))).toBeLessThanOrEqual(47.38);
  });
  it("the footnote reads like the seed's", () => {
    expect(feeFootnote(v, terms)).toContain(
      "options to purchase 1,026,013 shares of common stock of Capstone Turbine Corporation having an aggregate value of $991,619.92 as of June 23, 2003 will be exchanged and/or cancelled pursuant to this offer",
    );
    expect(feeFootnote(v, terms)).toContain("equals $80.90 for each $1,000,000 of the value of the transaction");
  });
  it("reports same-day ISO + NSO pairs as tender units", () => {
    expect(v.tenderUnits.length).toBeGreaterThan(5);
    for (const u of v.tenderUnits) expect(u.grantIds.length).toBe(2);
  });
});

describe("eligibility rules and the valuation, by hand", () => {
  // valuation 2003-06-23; each eligible grant expires 365 days later: T = 1 year. S=42, K=40,
  // r=10%, sigma=20%: call 6.837071647101214615 (mpmath, 40 digits).
  const header = "Grant Number,Employee ID,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding,Termination Date";
  const rows = [
    "A,H1,Employee,US,2001-05-01,2004-06-22,$40.00,1000,",
    "B,H1,employee,USA,2001-05-01,2004-06-22,$40.00,2000,",
    "C,H2,Officer,US,2001-05-01,2004-06-22,$40.00,5000,",
    "D,H3,Employee,Canada,2001-05-01,2004-06-22,$40.00,5000,",
    "E,H4,Employee,US,2001-05-01,2004-06-22,$29.99,5000,",
    "F,H5,Employee,US,2001-05-01,2004-06-22,$40.00,0,",
    "G,H6,Employee,US,2003-06-26,2004-06-22,$40.00,5000,",
    "H,H7,Employee,US,1993-07-25,2003-07-25,$40.00,5000,",
    "I,H8,Employee,US,2001-05-01,2004-06-22,$40.00,5000,2003-07-25",
    "J,H9,Employee,United States,2001-05-01,2004-06-22,$40.00,500,2003-07-28",
  ];
  const ledger = parseCsvLedger([header, ...rows].join("\n"));
  const terms = readOfferTerms({
    valuationDate: "2003-06-23",
    stockPrice: 42,
    volatility: 0.2,
    riskFreeRate: 0.1,
    exercisePriceThreshold: 30,
    feeRatePerMillion: 100,
    feesPreviouslyPaid: "1.00",
  });
  const v = valueOffer(ledger.grants, terms);

  it("takes A, B and J and says why each other grant is out", () => {
    expect(ledger.grants.filter((_, i) => v.eligible[i]).map((g) => g.grantId)).toEqual(["A", "B", "J"]);
    expect(Object.fromEntries(v.ineligible.map((r) => [r.reason, r.grants]))).toEqual({
      "holder class": 1,
      country: 1,
      "exercise price below threshold": 1,
      "no shares outstanding": 1,
      "granted after commencement": 1,
      "expires by cancellation": 1,
      "holder terminated": 1,
    });
  });
  it("values 3,500 shares at 6.8370716471012146: $23,929.75; fee at $100 per million: $2.39", () => {
    expect(Number(v.exactValuation)).toBeCloseTo(23929.75076485425, 8);
    expect(v.transactionValuation).toBe("23929.75");
    expect(v.filingFee).toBe("2.39");
    expect(v.netFeeDue).toBe("1.39");
  });
  it("lays out Exhibit 107 Table 1", () => {
    expect(feeTableRows(v)).toEqual([
      { label: "Fees to Be Paid", transactionValuation: "23929.75", feeRate: "0.0001", amount: "1.39" },
      { label: "Fees Previously Paid", amount: "1.00" },
      { label: "Total Transaction Valuation", transactionValuation: "23929.75" },
      { label: "Total Fees Due for Filing", amount: "2.39" },
      { label: "Total Fees Previously Paid", amount: "1.00" },
      { label: "Total Fee Offsets", amount: "0.00" },
      { label: "Net Fee Due", amount: "1.39" },
    ]);
  });
  it("groups H1's two same-day grants into one tender unit", () => {
    expect(v.tenderUnits).toEqual([{ holderId: "H1", grantDate: 37012, grantIds: ["A", "B"], shares: 3000 }]);
  });
});

describe("offer terms", () => {
  it("needs a rate for a filing date whose fee rate is not on file", () => {
    const terms = readOfferTerms({ volatility: 0.5, riskFreeRate: 0.04, filingDate: "2026-11-20" });
    expect(() => valueOffer([], terms)).toThrow('the SEC fee rate for FY2027 (filing date 2026-11-20) is not on file: enter it as the offer\'s feeRatePerMillion');
    expect(valueOffer([], { ...terms, feeRatePerMillion: "150" }).filingFee).toBe("0.00");
  });
  it("names the bad field", () => {
    expect(() => readOfferTerms({ volatility: "high", riskFreeRate: 0.03 })).toThrow('offer.volatility ("high") must be a number');
    expect(() => readOfferTerms({ riskFreeRate: 0.03 })).toThrow("offer.volatility is required");
    expect(() => readOfferTerms({ volatility: 0.5, riskFreeRate: 0.03, valutionDate: "2003-06-23" })).toThrow("offer.valutionDate is not an offer field");
    expect(() => readOfferTerms({ volatility: 0.5, riskFreeRate: 0.03, termBasis: "expected" })).toThrow(CalcError);
  });
});
