import Decimal from "decimal.js";
import { feeRate, filingFee } from "../../src/core/fees/filingFee";
import { isoToSerial } from "../../src/core/dates/serial";
import { CalcError } from "../../src/core/errors";
import { evaluate } from "../../src/functions/registry";

const s = (iso: string) => isoToSerial(iso) as number;

describe("filing fee against real cover pages", () => {
  it.each([
    ["Capstone Turbine Schedule TO, 2003", "991619.92", "80.90", "80.22"],
    ["AMD Schedule TO, 2003", "89315917.89", "80.90", "7225.66"],
    ["SEC fee-rate advisory example", "16500000", "80.90", "1334.85"],
  ])("%s: $%s at $%s per million -> $%s", (_name, valuation, rate, fee) => {
    expect(filingFee(valuation, rate, "cent").toFixed(2)).toBe(fee);
  });
  it("rounds half-up to the cent, or up to the whole dollar", () => {
    // 6180.2 x 80.90 / 1e6 = 0.49997818 -> 0.50; 1,000,000 x 0.005 -> exactly 0.005 -> 0.01
    expect(filingFee("1000000", "0.005").toFixed(2)).toBe("0.01");
    expect(filingFee("991619.92", "80.90", "dollar").toFixed(0)).toBe("81");
    expect(filingFee("1000000", "80", "dollar").toFixed(0)).toBe("80");
  });
  it("is exact decimal arithmetic, not float", () => {
    // 0.1 + 0.2 trap: valuation 3,000,000.30 x 100 / 1e6 = 300.00003 -> 300.00
    expect(filingFee(new Decimal("3000000.30"), "100").toFixed(2)).toBe("300.00");
  });
  it("rejects negative valuations and rates", () => {
    expect(() => filingFee("-1", "80.90")).toThrow(/transaction_valuation/);
    expect(() => filingFee("1", "0")).toThrow(/rate_per_million/);
  });
});

describe("SEC fee rates by filing date", () => {
  it.each([
    ["2001-09-28", "200"],
    ["2001-10-01", "92"],
    ["2003-02-24", "92"],
    ["2003-02-25", "80.9"],
    ["2003-06-25", "80.9"], // Capstone's filing: $80.90
    ["2004-01-27", "80.9"],
    ["2004-01-28", "126.7"],
    ["2004-12-13", "117.7"],
    ["2005-11-28", "107"],
    ["2007-02-20", "30.7"],
    ["2007-12-31", "39.3"],
    ["2009-03-16", "55.8"],
    ["2009-12-21", "71.3"],
    ["2010-12-27", "116.1"],
    ["2011-09-30", "116.1"],
    ["2011-10-01", "114.6"],
    ["2023-10-01", "147.6"],
    ["2024-10-01", "153.1"],
    ["2025-10-01", "138.1"],
    ["2026-09-30", "138.1"],
  ])("a filing on %s pays $%s per million", (date, rate) => {
    expect(feeRate(s(date)).toString()).toBe(rate);
  });
  it("does not guess the FY2027 rate", () => {
    // the core says what is missing; the functions say where to pass a rate (their own words)
    let thrown: unknown;
    try {
      feeRate(s("2026-10-01"));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalcError);
    expect(thrown).toMatchObject({ code: "#N/A", key: "feeRateNotOnFile", field: "filing_date", message: "the SEC fee rate for FY2027 (filing date 2026-10-01) is not on file" });
    expect(evaluate("FEE_RATE", [s("2026-10-01")])).toEqual({
      error: "#N/A",
      message: "the SEC fee rate for FY2027 (filing date 2026-10-01) is not on file: pass the rate per $1,000,000 to FILING_FEE as rate_per_million",
      key: "feeRateNotOnFile",
      field: "filing_date",
    });
  });
});
