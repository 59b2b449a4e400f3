import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { feeFootnote, feeTableRows } from "../../src/core/offer/feeTable";
import { CalcError } from "../../src/core/errors";
import { isoToSerial } from "../../src/core/dates/serial";
import { SEED_OFFER } from "../support/seedOffer";

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
  it("has nothing to warn about", () => {
    expect(v.warnings).toEqual([]);
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
  // the seed's eligibility (US employees) and dates (commenced 2003-06-25, expires 07-24, cancels 07-25)
  const terms = readOfferTerms({
    ...SEED_OFFER,
    issuerName: "Example Corp",
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
  it("warns that the entered $100 per million is not the SEC rate on the filing date ($80.90, FY2003)", () => {
    expect(v.warnings).toEqual([
      { code: "fee-rate-not-sec-rate", message: "offer.feeRatePerMillion (100) is not the SEC rate for offer.filingDate 2003-06-25 (80.90 per $1,000,000, FY2003)" },
    ]);
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

describe("offer terms built in code get the reader's checks", () => {
  const capstone = readOfferTerms(JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")));
  it("a filing date in FY2027 (no SEC rate on file) needs the offer's own rate, named as the offer's field", () => {
    // 2026-11-20 falls in fiscal 2027 (Oct 1, 2026 - Sep 30, 2027), whose rate DOMAIN.md says is not known
    const day = (iso: string) => isoToSerial(iso) as number;
    const terms = { ...capstone, valuationDate: day("2026-11-18"), commencementDate: day("2026-11-20"), filingDate: day("2026-11-20"), expirationDate: day("2026-12-21"), cancellationDate: day("2026-12-22") };
    let thrown: unknown;
    try {
      valueOffer([], terms);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CalcError);
    expect((thrown as CalcError).code).toBe("#N/A");
    expect((thrown as CalcError).message).toBe(
      "offer.feeRatePerMillion is required for offer.filingDate 2026-11-20: the SEC fee rate for fiscal 2027 is not on file",
    );
    expect(valueOffer([], { ...terms, feeRatePerMillion: "150" }).filingFee).toBe("0.00");
  });
  it("refuses a transaction valuation above the fee's $1e15 limit, saying which inputs to check", () => {
    // 2,000,000 shares of a $5.00 option on a $1,000,000,000 stock: each worth more than $999,999,990, in all > $1.99e15
    const grants = [{ line: 2, grantId: "A", holderId: "H", holderName: "", holderClass: "employee", country: "US", plan: "", grantDate: isoToSerial("2001-05-01") as number, expirationDate: isoToSerial("2011-05-01") as number, expirationAssumed: false, exercisePrice: 5, sharesOutstanding: 2_000_000, optionType: "NSO" }];
    expect(() => valueOffer(grants, { ...capstone, stockPrice: 1e9 })).toThrow(/^the transaction valuation \(\$199999\d{10}\.\d\d\) is above \$1,000,000,000,000,000: check offer.stockPrice and the ledger's shares$/);
  });
  it.each([
    ["volatility", 50, "offer.volatility (50) is above 5 (500%): volatility is a decimal, 0.9 = 90% (50% would be 0.5)"],
    ["dividendYield", 5, "offer.dividendYield (5) is outside -1 to 1: the yield is a decimal, 0.9 = 90% (5% would be 0.05)"],
    ["stockPrice", 0, "offer.stockPrice (0) must be > 0"],
    ["feeRatePerMillion", "0.0000809", 'offer.feeRatePerMillion ("0.0000809") is below 1 per $1,000,000: it looks like a rate per dollar; per $1,000,000 that is 80.90'],
    ["valuationDate", isoToSerial("2003-07-25"), "offer.valuationDate (2003-07-25) is after offer.filingDate (2003-06-25): the valuation date must be on or before the filing date"],
  ])("%s = %p -> %s", (name, value, message) => {
    expect(() => valueOffer([], { ...capstone, [name]: value })).toThrow(message);
  });
});
