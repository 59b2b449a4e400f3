/**
 * The worksheets' formulas evaluated by an independent spreadsheet engine (HyperFormula, set up in
 * sheetEngine.ts with the OPTEX functions registered through the same boundary Excel uses), fed
 * exactly what the Excel gateway sends: every formula cell must show the figure the core computed,
 * the sheet's total must equal the pane's to the cent, and changing an assumption cell must
 * recompute it.
 */
import * as fs from "fs";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { buildWorkbookModel, chunkRows, EXCEL_MAX_FORMULA_TEXT_CHARS, formulaStringConstants, formulaText, SHEET_ASSUMPTIONS, SHEET_ELIGIBLE, SHEET_FEE, workbookModelProblems } from "../../src/taskpane/workbook/model";
import { engineFor, engineFromInputs, excelText, formulaCells, sameValue, withEmptyCellsAs } from "./sheetEngine";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const ledger = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
const offerJson = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8"));
const terms = readOfferTerms(offerJson);
const valuation = valueOffer(ledger.grants, terms);
const model = buildWorkbookModel(ledger, terms, valuation);

const engine = () => engineFor(model);
const named = (hf: HyperFormula, name: string) => hf.getNamedExpressionValue(name);

describe("the worksheets, recalculated by a spreadsheet engine", () => {
  it("total transaction valuation and fee equal the pane's figures to the cent", () => {
    const hf = engine();
    expect(named(hf, "Transaction_Valuation")).toBe(991619.92);
    expect(named(hf, "Total_Fees_Due")).toBe(80.22);
    expect(named(hf, "Fee_Rate")).toBe(80.9);
    expect(named(hf, "Eligible_Shares")).toBe(1026013);
    const fee = hf.getSheetId(SHEET_FEE)!;
    expect(hf.getCellValue({ sheet: fee, row: 10, col: 3 })).toBe(80.22); // Net Fee Due (D11)
    expect(hf.getCellValue({ sheet: fee, row: 4, col: 2 })).toBeCloseTo(0.0000809, 12); // C5 fee rate per dollar
  });

  it("every formula cell of every sheet shows what optex computed for it", () => {
    const checks = formulaCells(engine(), model);
    expect(checks.length).toBeGreaterThan(3 * 100); // term, value per share, value for each eligible grant, and the rest
    expect(checks.filter((c) => !sameValue(c))).toEqual([]);
  });

  it("every formula cell shows the same in Excel on the desktop, where an empty cell reaches a custom function as 0 (office-js#4702)", () => {
    const checks = formulaCells(withEmptyCellsAs(0, engine), model);
    expect(checks.filter((c) => !sameValue(c))).toEqual([]);
  });

  it("the footnote reads as the cover page of Capstone's Schedule TO (2003)", () => {
    const fee = engine().getSheetId(SHEET_FEE)!;
    const footnote = engine().getCellValue({ sheet: fee, row: 12, col: 0 }) as string;
    expect(footnote).toContain("options to purchase 1,026,013 shares of common stock of");
    expect(footnote).toContain("having an aggregate value of $991,619.92 as of June 23, 2003 will be exchanged");
    expect(footnote).toContain("equals $80.90 for each $1,000,000 of the value of the transaction.");
  });

  it.each([
    ["80.9", "$80.90"],
    ["92.705", "$92.705"],
    ["1234.56789", "$1,234.56789"],
  ])("an entered fee rate of %s reads %s in the footnote, as the core prints it, and every formula agrees", (rate, shown) => {
    const t = readOfferTerms({ ...offerJson, feeRatePerMillion: rate });
    const m = buildWorkbookModel(ledger, t, valueOffer(ledger.grants, t));
    const hf = engineFor(m);
    expect(hf.getCellValue({ sheet: hf.getSheetId(SHEET_FEE)!, row: 12, col: 0 })).toContain(`equals ${shown} for each $1,000,000`);
    expect(formulaCells(hf, m).filter((c) => !sameValue(c))).toEqual([]);
  });

  it("an entered fee rate with more digits than a cell keeps is refused, not rounded into the sheet", () => {
    const t = readOfferTerms({ ...offerJson, feeRatePerMillion: "80.12345678901234567" });
    expect(() => buildWorkbookModel(ledger, t, valueOffer(ledger.grants, t))).toThrow("offer.feeRatePerMillion (80.12345678901234567) has more digits than an Excel cell keeps");
  });

  it("every value cell shows what optex computed for it", () => {
    const hf = engine();
    const sheet = hf.getSheetId(SHEET_ELIGIBLE)!;
    const cells = model.sheets[1].cells;
    for (let r = 1; r <= valuation.eligibleCount; r++) {
      const expected = cells[r][9] as { value: number };
      expect(hf.getCellValue({ sheet, row: r, col: 9 })).toBe(expected.value);
    }
  });

  it("changing an assumption cell recomputes the sheet (volatility 1.14... -> 0.8)", () => {
    const hf = engine();
    const sheet = hf.getSheetId(SHEET_ASSUMPTIONS)!;
    hf.setCellContents({ sheet, row: 4, col: 1 }, 0.8); // B5 = Volatility
    const expected = valueOffer(ledger.grants, readOfferTerms({ ...offerJson, volatility: 0.8 }));
    expect(named(hf, "Transaction_Valuation")).toBe(Number(expected.transactionValuation));
    expect(named(hf, "Total_Fees_Due")).toBe(Number(expected.filingFee));
    expect(Number(expected.transactionValuation)).toBeLessThan(991619.92);
  });
});

describe("the test engine's TEXT (Excel's format codes, hand-checked)", () => {
  it.each([
    [1026013, "#,##0", "1,026,013"],
    [991619.92, "#,##0.00", "991,619.92"],
    [0.5, "#,##0", "1"], // half away from zero
    [2.675, "#,##0.00", "2.68"], // Excel rounds the 15-digit decimal 2.675, not the double 2.67499999...
    [80.9, "#,##0.00#############", "80.90"],
    [80.905, "#,##0.00#############", "80.905"],
    [1234567.125, "#,##0.00#############", "1,234,567.125"],
    [37795, "mmmm d, yyyy", "June 23, 2003"],
    [61, "mmmm d, yyyy", "March 1, 1900"],
    [60, "mmmm d, yyyy", "February 29, 1900"],
    [1, "mmmm d, yyyy", "January 1, 1900"],
    [2958465, "mmmm d, yyyy", "December 31, 9999"],
  ])("TEXT(%p, %j) = %j", (value, format, expected) => {
    expect(excelText(value, format)).toBe(expected);
  });
});

describe("worksheet safety and size", () => {
  it("a ledger whose text is a formula attack writes text, not a formula (through the CSV import)", () => {
    const evil = parseCsvLedger('Grant Number,Name,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding\n"=1+1","=cmd|\' /C calc\'!A0",Employee,US,2001-05-01,2011-05-01,$5,100\n');
    const m = buildWorkbookModel(evil, terms, valueOffer(evil.grants, terms));
    const hf = engineFor(m);
    const sheet = hf.getSheetId(SHEET_ELIGIBLE)!;
    expect(hf.getCellValue({ sheet, row: 1, col: 0 })).toBe("=1+1");
    expect(hf.getCellValue({ sheet, row: 1, col: 2 })).toBe("=cmd|' /C calc'!A0");
    expect(hf.getCellFormula({ sheet, row: 1, col: 0 })).toBeUndefined();
  });

  it("every formula keeps to Excel's limits (a text constant in a formula is at most 255 characters)", () => {
    expect(workbookModelProblems(model)).toEqual([]);
    for (const sheet of model.sheets) {
      for (const row of sheet.cells) {
        for (const cell of row) {
          if (cell === null || typeof cell !== "object") continue;
          for (const text of formulaStringConstants(cell.formula)) expect(text.length).toBeLessThanOrEqual(EXCEL_MAX_FORMULA_TEXT_CHARS);
        }
      }
    }
  });

  it.each([
    ["empty", "", '""'],
    ["plain", "plain", '"plain"'],
    ["quotes and an apostrophe", 'O\'Brien & "Sons"', '"O\'Brien & "&CHAR(34)&"Sons"&CHAR(34)'],
    ["a quote alone", '"', "CHAR(34)"],
    ["255 characters: one constant", "a".repeat(255), `"${"a".repeat(255)}"`],
    ["256 characters: two constants", "a".repeat(256), `"${"a".repeat(255)}"&"a"`],
    ["an emoji (two UTF-16 units) at the split: not cut in half", "a".repeat(254) + "\u{1F600}", `"${"a".repeat(254)}"&"\u{1F600}"`],
  ])("formulaText: %s", (_, text, expected) => {
    expect(formulaText(text)).toBe(expected);
    for (const constant of formulaStringConstants(expected)) expect(constant.length).toBeLessThanOrEqual(EXCEL_MAX_FORMULA_TEXT_CHARS);
    const hf = engineFromInputs({ S: [[`=${formulaText(text)}`]] }, []);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(text);
  });

  it("splits large tables into requests under the 5 MB limit", () => {
    const rows = Array.from({ length: 100000 }, (_, i) => [`G${i}`, "Employee Name Long Enough", 37000 + i, 12.5, 1000, "=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,G2,I2,Volatility,Risk_Free_Rate,Dividend_Yield)"]);
    const chunks = chunkRows(rows, 4_000_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((n, c) => n + c.rows.length, 0)).toBe(100000);
    for (const c of chunks) expect(JSON.stringify(c.rows).length).toBeLessThanOrEqual(4_000_000);
    expect(chunks[1].start).toBe(chunks[0].rows.length);
  });
});
