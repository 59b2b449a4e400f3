/**
 * The worksheets' formulas evaluated by an independent spreadsheet engine (HyperFormula), with the
 * OPTEX functions registered through the same boundary Excel uses: the sheet's total must equal the
 * pane's to the cent, and changing an assumption cell must recompute it.
 */
import * as fs from "fs";
import * as path from "path";
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import { evaluate } from "../../src/functions/registry";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { buildWorkbookModel, CellModel, safeText, SHEET_ASSUMPTIONS, SHEET_ELIGIBLE, SHEET_FEE, chunkRows } from "../../src/taskpane/workbook/model";

const OPTEX_IDS = ["BLACK_SCHOLES_VALUE", "FEE_RATE", "FILING_FEE", "SIMPLIFIED_TERM"];

class OptexPlugin extends FunctionPlugin {
  optex(id: string, ast: any, state: any) {
    const spec = { parameters: Array.from({ length: 8 }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })) };
    return (this as any).runFunction(ast.args, state, spec, (...args: unknown[]) => {
      const given = args.slice(0, ast.args.length); // the arguments the formula wrote, blanks included
      const outcome = evaluate(id, given.map((a) => (a === EmptyValue || a === undefined ? null : a)));
      return "value" in outcome ? outcome.value : new CellError(outcome.error === "#NUM!" ? ErrorType.NUM : outcome.error === "#N/A" ? ErrorType.NA : ErrorType.VALUE, outcome.message);
    });
  }
}
const implemented: Record<string, { method: string; parameters: unknown[] }> = {};
const translations: Record<string, string> = {};
for (const id of OPTEX_IDS) {
  const method = `optex_${id}`;
  (OptexPlugin.prototype as any)[method] = function (ast: unknown, state: unknown) {
    return this.optex(id, ast, state);
  };
  implemented[`OPTEX.${id}`] = { method, parameters: Array.from({ length: 8 }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })) };
  translations[`OPTEX.${id}`] = `OPTEX.${id}`;
}
(OptexPlugin as any).implementedFunctions = implemented;
HyperFormula.registerFunctionPlugin(OptexPlugin as any, { enGB: translations });

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const ledger = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
const offerJson = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8"));
const terms = readOfferTerms(offerJson);
const valuation = valueOffer(ledger.grants, terms);
const model = buildWorkbookModel(ledger, terms, valuation);

function engine() {
  const toRaw = (c: CellModel) => (c === null ? null : typeof c === "object" ? c.formula : c);
  const sheets = Object.fromEntries(model.sheets.map((s) => [s.name, s.cells.map((row) => row.map(toRaw))]));
  return HyperFormula.buildFromSheets(sheets as any, { licenseKey: "gpl-v3", smartRounding: false }, model.names.map((n) => ({ name: n.name, expression: `=${n.ref}` })));
}
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

  it("every value cell shows what optex computed for it", () => {
    const hf = engine();
    const sheet = hf.getSheetId(SHEET_ELIGIBLE)!;
    const cells = model.sheets[1].cells;
    for (let r = 1; r < cells.length - 2; r++) {
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

describe("worksheet safety and size", () => {
  it("keeps ledger text that looks like a formula as text", () => {
    expect(safeText("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(safeText("+1")).toBe("'+1");
    expect(safeText("-2")).toBe("'-2");
    expect(safeText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeText("Smith")).toBe("Smith");
    // text Excel would turn into a number or a date stays text
    expect(safeText("00123")).toBe("'00123");
    expect(safeText("1/2")).toBe("'1/2");
    expect(safeText("2000 Equity Incentive Plan")).toBe("2000 Equity Incentive Plan");
    expect(safeText("TRUE")).toBe("'TRUE");
    const evil = parseCsvLedger('Grant Number,Name,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding\n"=1+1","=cmd|\' /C calc\'!A0",Employee,US,2001-05-01,2011-05-01,$5,100\n');
    const m = buildWorkbookModel(evil, terms, valueOffer(evil.grants, terms));
    expect(m.sheets[1].cells[1][0]).toBe("'=1+1");
    expect(m.sheets[1].cells[1][2]).toBe("'=cmd|' /C calc'!A0");
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
