import fc from "fast-check";
import { readLedger } from "../../src/core/ledger/parseLedger";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { detectMapping } from "../../src/core/ledger/columns";
import { normalizeCountry, normalizeHolderClass, readDate, readNumber } from "../../src/core/ledger/values";
import { isoToSerial } from "../../src/core/dates/serial";

const s = (iso: string) => isoToSerial(iso) as number;

describe("column mapping", () => {
  it("matches canonical names and export headers case-insensitively, spaces and underscores alike", () => {
    const mapping = detectMapping(["Grant No", "PARTICIPANT_ID", "Optionee", "Employee Type", "Residence", "Plan", "grant date", "Expiry Date", "Strike Price", "Unexercised Shares", "ISO/NSO", "termination_date"]);
    expect(mapping).toEqual({
      grant_id: 0, holder_id: 1, holder_name: 2, holder_class: 3, country: 4, plan: 5, grant_date: 6,
      expiration_date: 7, exercise_price: 8, shares_outstanding: 9, option_type: 10, termination_date: 11,
    });
  });
});

describe("cell values", () => {
  it("reads $2.50, 2.5, 1,026,013 and (12) as numbers", () => {
    expect(readNumber("$2.50")).toEqual({ ok: true, value: 2.5 });
    expect(readNumber("2.5")).toEqual({ ok: true, value: 2.5 });
    expect(readNumber("1,026,013")).toEqual({ ok: true, value: 1026013 });
    expect(readNumber("(12)")).toEqual({ ok: true, value: -12 });
    expect(readNumber("1,02,6")).toMatchObject({ ok: false });
    expect(readNumber("two")).toMatchObject({ ok: false });
  });
  it("reads ISO, US-order and serial dates", () => {
    expect(readDate("2003-06-23")).toEqual({ ok: true, value: s("2003-06-23") });
    expect(readDate("6/23/2003")).toEqual({ ok: true, value: s("2003-06-23") });
    expect(readDate(37795)).toEqual({ ok: true, value: s("2003-06-23") });
    expect(readDate("37795")).toEqual({ ok: true, value: s("2003-06-23") });
    expect(readDate("23/6/2003")).toMatchObject({ ok: false });
  });
  it("folds countries and classes", () => {
    expect(["US", "USA", "United States", "u.s.a.", "United States of America"].map(normalizeCountry)).toEqual(["US", "US", "US", "US", "US"]);
    expect(normalizeHolderClass("Executive Officer")).toBe("executive");
    expect(normalizeHolderClass("Non-Employee Director")).toBe("director");
    expect(normalizeHolderClass("Full-time Employee")).toBe("employee");
  });
});

describe("CSV import", () => {
  const HEADER = "Grant Number,Employee ID,Grant Date,Expiration Date,Exercise Price,Options Outstanding";

  it("handles a BOM, CRLF, semicolons, quotes and quoted line breaks, numbering lines from the header = 1", () => {
    const text = "\uFEFFGrant Number;Name;Grant Date;Exercise Price;Outstanding\r\n" + 'A1;"Smith;\r\nJohn";2003-06-23;$2.50;"1000"\r\n' + "\r\n" + "A2;Lee;6/23/2003;0;5\r\n";
    const r = parseCsvLedger(text);
    expect(r.grants).toHaveLength(1);
    // a line break inside a quoted value is read as LF, whatever the file used
    expect(r.grants[0]).toMatchObject({ line: 2, grantId: "A1", holderName: "Smith;\nJohn", exercisePrice: 2.5, sharesOutstanding: 1000 });
    // A1 spans lines 2-3, line 4 is blank, A2 is on line 5
    expect(r.errors).toEqual([{ row: 5, column: "exercise_price", message: "exercise price 0 must be > 0" }]);
    expect([r.rows, r.accepted, r.rejected]).toEqual([2, 1, 1]);
  });

  it("rejects each bad record with its line, column and reason, keeping the first of a repeated id", () => {
    const text = [
      HEADER,
      "G1,E1,2001-03-01,2011-03-01,$10.00,1000",
      ",E2,2001-03-01,2011-03-01,$10.00,1000",
      "G3,E3,,2011-03-01,$10.00,1000",
      "G4,E4,2001-03-01,2011-03-01,,1000",
      "G5,E5,2001-03-01,2011-03-01,-1,1000",
      "G6,E6,2001-03-01,2011-03-01,$5,-10",
      "G7,E7,2001-03-01,2011-03-01,$5,10.5",
      "G8,E8,2001-03-01,2000-03-01,$5,10",
      "G1,E9,2001-03-01,2011-03-01,$5,10",
      "G10,E10,2001-03-31,,$5,10",
    ].join("\n");
    const r = parseCsvLedger(text);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "grant_id"], [4, "grant_date"], [5, "exercise_price"], [6, "exercise_price"], [7, "shares_outstanding"],
      [8, "shares_outstanding"], [9, "expiration_date"], [10, "grant_id"],
    ]);
    expect(r.errors[7].message).toBe("grant id G1 repeats the record on line 2 (the first is kept)");
    expect([r.rows, r.accepted, r.rejected]).toEqual([10, 2, 8]);
    // a missing expiration is grant date + 10 years (EDATE 120 months)
    expect(r.grants[1]).toMatchObject({ grantId: "G10", expirationDate: s("2011-03-31"), expirationAssumed: true });
  });

  it("says which required column is missing, and still reconciles the counts", () => {
    const r = parseCsvLedger("Grant Number,Grant Date,Outstanding\nG1,2001-01-01,5\nG2,2001-01-01,6\n");
    expect(r.errors).toEqual([{ row: 1, column: "exercise_price", message: expect.stringContaining("required column exercise_price"), key: "requiredColumn" }]);
    expect([r.rows, r.accepted, r.rejected]).toEqual([2, 0, 2]);
  });

  it("accepts the user's own mapping", () => {
    const r = parseCsvLedger("id,when,k,n\nG1,2001-01-01,5,100\n", { mapping: { grant_id: 0, grant_date: 1, exercise_price: 2, shares_outstanding: 3 } });
    expect(r.grants[0]).toMatchObject({ grantId: "G1", exercisePrice: 5, sharesOutstanding: 100 });
  });

  it("reads worksheet values (numbers and serial dates) through the same rules", () => {
    const r = readLedger(["Grant Number", "Grant Date", "Exercise Price", "Outstanding"], [
      { line: 2, cells: ["G1", 37795, 2.5, 1000] },
      { line: 3, cells: ["G2", "", 2.5, 1000] },
    ]);
    expect(r.grants[0]).toMatchObject({ grantDate: 37795, exercisePrice: 2.5 });
    expect(r.errors).toEqual([{ row: 3, column: "grant_date", message: "grant date is missing" }]);
  });

  it("reconciles rows = accepted + rejected on any input", () => {
    const cell = fc.oneof(fc.constantFrom("", "G1", "G2", "$2.50", "1,000", "-5", "2003-06-23", "6/23/2003", "x", "0", '"q"'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { maxLength: 30 }), (records) => {
        const text = [HEADER, ...records.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))].join("\n");
        const r = parseCsvLedger(text);
        const rejectedLines = new Set(r.errors.filter((e) => e.row !== 1).map((e) => e.row));
        return r.rows === r.accepted + r.rejected && r.grants.length === r.accepted && rejectedLines.size === r.rejected;
      }),
      { numRuns: 300 },
    );
  });
});
