/**
 * New_Grant_Date on the Assumptions sheet: when the offer fixes no date, a live
 * =OPTEX.NEW_GRANT_DATE(Cancellation_Date) (the seed's rule: the first business day six months and one
 * day after cancellation), recomputed by the spreadsheet engine when Cancellation_Date changes; when the
 * offer fixes one, that constant. Expected dates are hand-worked, as Excel serials through JavaScript's
 * own Date (independently of the core's date arithmetic).
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { buildWorkbookModel, FormulaCell, SHEET_ASSUMPTIONS, WorkbookModel } from "../../src/taskpane/workbook/model";
import { engineFor, formulaCells, sameValue } from "./sheetEngine";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const ledger = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
const offerJson = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8"));

/** An ISO date (after 1900-02-28) as an Excel serial (1900 system), through JavaScript's Date. */
function excelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function modelFor(offer: Record<string, unknown>): WorkbookModel {
  const terms = readOfferTerms({ ...offerJson, ...offer });
  return buildWorkbookModel(ledger, terms, valueOffer(ledger.grants, terms));
}

/** The 0-based row of a named Assumptions cell (column B). */
function assumptionRow(model: WorkbookModel, name: string): number {
  const n = model.names.find((x) => x.name === name)!;
  expect(n.ref.startsWith(`'${SHEET_ASSUMPTIONS}'!$B$`)).toBe(true);
  return Number(/\$(\d+)$/.exec(n.ref)![1]) - 1;
}

describe("New_Grant_Date on the Assumptions sheet", () => {
  it("the sample fixes no date: a live NEW_GRANT_DATE(Cancellation_Date) showing 2004-01-26 (seed 004), formatted yyyy-mm-dd", () => {
    expect(offerJson.newGrantDate).toBeNull();
    expect(offerJson.cancellationDate).toBe("2003-07-25");
    const model = modelFor({});
    const sheet = model.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!;
    const row = assumptionRow(model, "New_Grant_Date");
    const cell = sheet.cells[row][1] as FormulaCell;
    expect(cell).toEqual({ formula: "=OPTEX.NEW_GRANT_DATE(Cancellation_Date)", value: excelSerial("2004-01-26") });
    expect(sheet.formats).toContainEqual({ range: `B${row + 1}`, format: "yyyy-mm-dd" });

    const hf = engineFor(model);
    expect(hf.getNamedExpressionValue("New_Grant_Date")).toBe(excelSerial("2004-01-26"));
    expect(formulaCells(hf, model).filter((c) => !sameValue(c))).toEqual([]);
  });

  it("changing Cancellation_Date recomputes it: 2003-12-24 -> 2004-06-24 + 1 day = 2004-06-25 (a Friday, no federal holiday)", () => {
    const model = modelFor({});
    const hf = engineFor(model);
    const sheet = hf.getSheetId(SHEET_ASSUMPTIONS)!;
    hf.setCellContents({ sheet, row: assumptionRow(model, "Cancellation_Date"), col: 1 }, excelSerial("2003-12-24"));
    expect(hf.getNamedExpressionValue("Cancellation_Date")).toBe(excelSerial("2003-12-24"));
    expect(new Date(Date.UTC(2004, 5, 25)).getUTCDay()).toBe(5); // a Friday
    expect(hf.getNamedExpressionValue("New_Grant_Date")).toBe(excelSerial("2004-06-25"));
  });

  it("an offer that fixes the date keeps it as a constant, whatever the cancellation date", () => {
    const model = modelFor({ newGrantDate: "2004-02-02" });
    const sheet = model.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!;
    const row = assumptionRow(model, "New_Grant_Date");
    expect(sheet.cells[row][1]).toBe(excelSerial("2004-02-02"));
    expect(sheet.cells[row][2]).toBe("entered");
    const hf = engineFor(model);
    hf.setCellContents({ sheet: hf.getSheetId(SHEET_ASSUMPTIONS)!, row: assumptionRow(model, "Cancellation_Date"), col: 1 }, excelSerial("2003-12-24"));
    expect(hf.getNamedExpressionValue("New_Grant_Date")).toBe(excelSerial("2004-02-02"));
  });
});
