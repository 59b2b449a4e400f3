/**
 * The new option on the worksheets: with the "simplified" term basis, each eligible grant's term is
 * capped by OPTEX.SIMPLIFIED_TERM on the Assumptions sheet's new-option cells (New_Option_Life and the
 * four vesting cells), so the sheet agrees with the core and changing a cell recomputes the terms.
 * Recalculated by the tests' spreadsheet engine (test/taskpane/sheetEngine.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { buildWorkbookModel, SHEET_ASSUMPTIONS, SHEET_ELIGIBLE } from "../../src/taskpane/workbook/model";
import { engineFor, formulaCells, sameValue } from "../taskpane/sheetEngine";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const offerJson = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")) as Record<string, unknown>;

/** Three eligible grants under the sample's rules: ten, five and one year left on June 23, 2003. */
const ledger = parseCsvLedger(
  [
    "Grant Number,Grant Date,Expiration Date,Exercise Price,Outstanding,Relationship,Country",
    "G1,2003-06-02,2013-06-01,$2.50,1000,Employee,US",
    "G2,2001-05-01,2008-06-22,$3.00,2000,Employee,US",
    "G3,2001-05-01,2004-06-22,$4.00,3000,Employee,US",
  ].join("\n") + "\n",
);

describe('the "simplified" term basis on the sheets', () => {
  const terms = readOfferTerms({ ...offerJson, termBasis: "simplified" });
  const model = buildWorkbookModel(ledger, terms, valueOffer(ledger.grants, terms));

  it("each term formula reads the new option from the Assumptions cells, not from constants", () => {
    const term = model.sheets.find((s) => s.name === SHEET_ELIGIBLE)!.cells[1][8] as { formula: string };
    expect(term.formula).toBe("=MIN(MAX(0,(F2-Valuation_Date)/365),OPTEX.SIMPLIFIED_TERM(New_Option_Life,New_Vesting_Months,New_Cliff_Months,New_Upfront_Fraction,New_Interval_Months))");
  });

  it("every formula cell shows what optex computed: the seed's cap is (903/576 + 10) / 2 years", () => {
    const hf = engineFor(model);
    expect(formulaCells(hf, model).filter((c) => !sameValue(c))).toEqual([]);
    const sheet = hf.getSheetId(SHEET_ELIGIBLE)!;
    expect(hf.getCellValue({ sheet, row: 1, col: 8 }) as number).toBeCloseTo((903 / 576 + 10) / 2, 12); // G1: capped
    expect(hf.getCellValue({ sheet, row: 3, col: 8 }) as number).toBeCloseTo(365 / 365, 12); // G3: one year left, under the cap
  });

  it("changing New_Option_Life to 5 recomputes the cap: (903/576 + 5) / 2, as the core values a five-year option", () => {
    const hf = engineFor(model);
    const names = model.names.map((n) => n.name);
    const row = model.names.find((n) => n.name === "New_Option_Life")!.ref.match(/\$B\$(\d+)$/)![1];
    expect(names).toContain("New_Vesting_Months");
    hf.setCellContents({ sheet: hf.getSheetId(SHEET_ASSUMPTIONS)!, row: Number(row) - 1, col: 1 }, 5);
    const expected = valueOffer(ledger.grants, readOfferTerms({ ...offerJson, termBasis: "simplified", newOptionLifeYears: 5 }));
    const sheet = hf.getSheetId(SHEET_ELIGIBLE)!;
    expect(hf.getCellValue({ sheet, row: 1, col: 8 }) as number).toBeCloseTo((903 / 576 + 5) / 2, 12);
    expect(hf.getCellValue({ sheet, row: 1, col: 8 })).toBe(expected.termYears[0]);
    expect(hf.getCellValue({ sheet, row: 2, col: 8 })).toBe(expected.termYears[1]);
  });
});
