/**
 * Issue 10 on the worksheets, recalculated by an independent spreadsheet engine (HyperFormula, with
 * the OPTEX functions registered through the boundary Excel uses: sheetEngine.ts) and compared with
 * the core:
 * - "hull-white": the Eligible Options value column is a live OPTEX.HULL_WHITE_VALUE on the
 *   Assumptions sheet's lattice cells; the fee stays Black-Scholes (its own columns);
 * - the exchange's incremental fair value as live formulas (new option shares, their value, the
 *   total before, MAX(0, ...));
 * - the Volatility cell as a live HISTORICAL_VOLATILITY over a sheet of closing prices.
 * Every formula cell must show the figure the core computed for it, and changing an assumption cell
 * must recompute the sheets to the core's figures for the changed offer.
 */
import * as fs from "fs";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { historicalVolatility } from "../../src/core/options/historicalVolatility";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { ExchangeCostFigures, valueOffer } from "../../src/core/offer/valueOffer";
import { buildWorkbookModel, CellModel, SHEET_ASSUMPTIONS, SHEET_ELIGIBLE, sheetInputs, WorkbookModel, WorkbookOptions } from "../../src/taskpane/workbook/model";
import { engineFor, engineFromInputs, formulaCells, sameValue } from "./sheetEngine";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const offerJson = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")) as Record<string, unknown>;

/**
 * A small ledger, every grant eligible under the sample's rules (US employees, $2.00 and up): terms
 * from 33 days to 10 years, one past vesting's 2 years and one under it, two of one holder.
 */
const HEADER = "Grant Number,Employee ID,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding";
const ROWS = [
  "G1,E1,Employee,US,2001-05-01,2011-05-01,$2.00,1001",
  "G2,E1,Employee,US,2001-05-01,2011-05-01,$4.75,2501",
  "G3,E2,Employee,US,2000-01-03,2010-01-03,$12.50,500",
  "G4,E3,Employee,US,2002-02-01,2004-07-26,$2.10,3333",
  "G5,E4,Employee,US,2003-03-03,2003-07-26,$2.00,100",
  "G6,E4,Employee,US,2003-03-03,2013-06-20,$2.27,777",
];
const ledger = parseCsvLedger([HEADER, ...ROWS].join("\n") + "\n");

/** The sample's terms with a small, fast lattice (12 steps a year) and these changes. */
const HULL_WHITE = { valuationModel: "hull-white", vestingYears: 2, exitRate: 0.08, exerciseMultiple: 2, stepsPerYear: 12, dividendYield: 0.01 };

function build(patch: Record<string, unknown>, options?: WorkbookOptions, grants = ledger) {
  const terms = readOfferTerms({ ...offerJson, ...patch });
  const v = valueOffer(grants.grants, terms);
  const model = buildWorkbookModel(grants, terms, v, options);
  return { terms, v, model };
}

/** The 0-based row and column of a named cell. */
function at(model: WorkbookModel, name: string): { sheet: string; row: number; col: number } {
  const n = model.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const m = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(n.ref) as RegExpExecArray;
  const col = [...m[2]].reduce((c, ch) => c * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet: m[1], row: Number(m[3]) - 1, col };
}

function setNamed(hf: HyperFormula, model: WorkbookModel, name: string, value: number | string | null) {
  const { sheet, row, col } = at(model, name);
  hf.setCellContents({ sheet: hf.getSheetId(sheet)!, row, col }, value);
}

const named = (hf: HyperFormula, name: string) => hf.getNamedExpressionValue(name);
const eligibleCells = (model: WorkbookModel) => model.sheets.find((s) => s.name === SHEET_ELIGIBLE)!.cells;
const formulaOf = (cell: CellModel) => (cell !== null && typeof cell === "object" ? cell.formula : undefined);

describe("hull-white: the value column is a live HULL_WHITE_VALUE; the fee stays Black-Scholes", () => {
  const { v, model } = build(HULL_WHITE);
  const cells = eligibleCells(model);

  it("every formula cell of every sheet shows what optex computed for it", () => {
    const checks = formulaCells(engineFor(model), model);
    expect(checks.filter((c) => c.formula.includes("OPTEX.HULL_WHITE_VALUE")).length).toBe(ROWS.length);
    expect(checks.filter((c) => !sameValue(c))).toEqual([]);
  });

  it("lays the table out: the lattice's value and value, then the fee's Black-Scholes value and value", () => {
    expect(cells[0].slice(9, 13)).toEqual(["Value per Share (Hull-White)", "Value (Hull-White)", "Fee Value per Share (Black-Scholes)", "Fee Value (Black-Scholes)"]);
    expect(formulaOf(cells[1][9])).toBe(
      '=IF(Exercise_Multiple="",' +
        "OPTEX.HULL_WHITE_VALUE(Stock_Price,G2,I2,Volatility,Risk_Free_Rate,Dividend_Yield,MIN(Vesting_Years,I2),Exit_Rate,,Steps_Per_Year)," +
        "OPTEX.HULL_WHITE_VALUE(Stock_Price,G2,I2,Volatility,Risk_Free_Rate,Dividend_Yield,MIN(Vesting_Years,I2),Exit_Rate,Exercise_Multiple,Steps_Per_Year))",
    );
    expect(formulaOf(cells[1][11])).toBe("=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,G2,I2,Volatility,Risk_Free_Rate,Dividend_Yield)");
    expect(formulaOf(cells[1][12])).toBe("=H2*L2");
    expect(model.names.find((n) => n.name === "Eligible_Value")?.ref).toBe(`'${SHEET_ELIGIBLE}'!$M$${ROWS.length + 3}`);
    expect(model.names.find((n) => n.name === "Model_Value")?.ref).toBe(`'${SHEET_ELIGIBLE}'!$K$${ROWS.length + 3}`);
  });

  it("the sheet's fee is the core's Black-Scholes fee; its Model_Value the core's lattice value", () => {
    const hf = engineFor(model);
    expect(named(hf, "Transaction_Valuation")).toBe(Number(v.transactionValuation));
    expect(named(hf, "Total_Fees_Due")).toBe(Number(v.filingFee));
    expect(named(hf, "Model_Value") as number).toBeCloseTo(Number(v.modelValuation.exactValue), 9);
    expect(v.modelValuation.value).not.toBe(v.transactionValuation);
  });

  it("the Assumptions sheet holds the model and the lattice's cells, from the schema", () => {
    const hf = engineFor(model);
    expect(["Valuation_Model", "Vesting_Years", "Exit_Rate", "Exercise_Multiple", "Steps_Per_Year"].map((n) => named(hf, n))).toEqual(["hull-white", 2, 0.08, 2, 12]);
    expect(at(model, "Exit_Rate").sheet).toBe(SHEET_ASSUMPTIONS);
  });

  it.each<[string, string, number | null, Record<string, unknown>]>([
    ["a higher exit rate", "Exit_Rate", 0.25, { exitRate: 0.25 }],
    ["no early exercise (the multiple cleared)", "Exercise_Multiple", null, { exerciseMultiple: null }],
    ["vesting beyond some options' terms (taken as their terms)", "Vesting_Years", 7, { vestingYears: 7 }],
    ["a finer tree", "Steps_Per_Year", 30, { stepsPerYear: 30 }],
  ])("changing %s recomputes the lattice values to the core's; the fee does not move", (_, name, value, patch) => {
    const hf = engineFor(model);
    setNamed(hf, model, name, value);
    const expected = valueOffer(ledger.grants, readOfferTerms({ ...offerJson, ...HULL_WHITE, ...patch }));
    const sheet = hf.getSheetId(SHEET_ELIGIBLE)!;
    for (let r = 1; r <= ROWS.length; r++) expect(hf.getCellValue({ sheet, row: r, col: 9 })).toBe(expected.modelValuation.valuePerShare[r - 1]);
    expect(named(hf, "Model_Value") as number).toBeCloseTo(Number(expected.modelValuation.exactValue), 9);
    expect(named(hf, "Transaction_Valuation")).toBe(Number(v.transactionValuation));
  });

  it("a blank multiple in the offer leaves the cell blank (never early), and a blank step count is written out as 100", () => {
    const { model: m } = build({ ...HULL_WHITE, exerciseMultiple: null, stepsPerYear: null });
    const assumptions = m.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!.cells;
    expect(assumptions[at(m, "Exercise_Multiple").row][1]).toBeNull(); // written as "": an empty cell
    expect(assumptions[at(m, "Steps_Per_Year").row].slice(1)).toEqual([100, "steps a year of the Hull-White tree (blank in the offer: 100, the convention)"]);
    const hf = engineFor(m);
    expect(named(hf, "Steps_Per_Year")).toBe(100);
    expect(formulaCells(hf, m).filter((c) => !sameValue(c))).toEqual([]);
  });

  it("a term HULL_WHITE_VALUE does not take in a cell (over 100 years) is optex's value, written as a value with a note", () => {
    const long = parseCsvLedger([HEADER, ROWS[0], "G9,E9,Employee,US,2001-05-01,9999-12-31,$3.00,100"].join("\n") + "\n");
    const { v: lv, model: m } = build({ ...HULL_WHITE, stepsPerYear: 1 }, undefined, long);
    const c = eligibleCells(m);
    expect(formulaOf(c[1][9])).toMatch(/^=IF\(Exercise_Multiple=""/);
    expect(c[2][9]).toBe(lv.modelValuation.valuePerShare[1]);
    expect(c.some((row) => typeof row[0] === "string" && row[0].startsWith("Note: 1 Hull-White value is optex's, written as values: the term is over 100 years"))).toBe(true);
    expect(formulaCells(engineFor(m), m).filter((x) => !sameValue(x))).toEqual([]);
  });

  it("black-scholes keeps the value column on BLACK_SCHOLES_VALUE and no fee columns; the lattice's cells say they are not used", () => {
    const { model: m } = build({ exitRate: 0.1 });
    const c = eligibleCells(m);
    expect(c[0].slice(9, 11)).toEqual(["Value per Share", "Value"]);
    expect(c[0]).not.toContain("Fee Value (Black-Scholes)");
    expect(formulaOf(c[1][9])).toBe("=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,G2,I2,Volatility,Risk_Free_Rate,Dividend_Yield)");
    const assumptions = m.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!.cells;
    const exit = assumptions[at(m, "Exit_Rate").row];
    expect(exit[1]).toBe(0.1);
    expect(exit[2]).toMatch(/\(not used: the valuation model is black-scholes\)$/);
  });
});

describe("the exchange's incremental fair value as live formulas", () => {
  it.each<[string, Record<string, unknown>]>([
    ["the sample's terms (one for one)", {}],
    ["two old for one new, nearest share", { exchangeRatio: 2, newOptionRounding: "nearest-per-grant" }],
    ["three for two after a 1-for-10 reverse split", { exchangeRatio: 1.5, splitFactor: 0.1 }],
    ["the simplified term basis (old options at their remaining term, a column of their own)", { termBasis: "simplified" }],
    ["hull-white (the exchange stays Black-Scholes)", HULL_WHITE],
    ["six for one: no incremental cost", { exchangeRatio: 6 }],
  ])("%s: every formula cell equals the core, and the sheet's figure is the core's", (_, patch) => {
    const { v, model } = build(patch);
    const cost = v.exchangeCost as ExchangeCostFigures;
    const hf = engineFor(model);
    expect(formulaCells(hf, model).filter((c) => !sameValue(c))).toEqual([]);
    expect(named(hf, "Incremental_Fair_Value")).toBe(Number(cost.incrementalFairValue));
    expect(named(hf, "New_Option_Value")).toBe(cost.newOption.valuePerShare);
    const ratio = named(hf, "Value_For_Value_Ratio") as number;
    expect(ratio).toBeCloseTo(cost.valueForValueRatio as number, 12);
  });

  it("the formulas: new shares by NEW_OPTION_SHARES on the exchange cells, their value, MAX(0, new - before)", () => {
    const { model } = build({ exchangeRatio: 2, newOptionRounding: "nearest-per-grant" });
    const c = eligibleCells(model);
    expect(c[0].slice(11)).toEqual(["New Shares", "New Value"]);
    expect(formulaOf(c[1][11])).toBe("=INT((OPTEX.NEW_OPTION_SHARES(2*H2,Exchange_Ratio,Split_Factor)+1)/2)");
    expect(formulaOf(c[1][12])).toBe("=L2*New_Option_Value");
    const floor = eligibleCells(build({}).model);
    expect(formulaOf(floor[1][11])).toBe("=OPTEX.NEW_OPTION_SHARES(H2,Exchange_Ratio,Split_Factor)");
    const figure = (name: string) => {
      const { row, col } = at(model, name);
      return formulaOf(c[row][col]);
    };
    expect(figure("New_Option_Value")).toBe("=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,Stock_Price,New_Option_Life,Volatility,Risk_Free_Rate,Dividend_Yield)");
    expect(figure("Exchange_Old_Value")).toBe(`=SUM(K2:K${ROWS.length + 1})`);
    expect(figure("Exchange_New_Value")).toBe(`=SUM(M2:M${ROWS.length + 1})`);
    expect(figure("Incremental_Fair_Value")).toBe("=ROUND(MAX(0,Exchange_New_Value-Exchange_Old_Value),2)");
  });

  it("changing the new option's life or the exchange ratio recomputes the cost to the core's", () => {
    const { model } = build({});
    const hf = engineFor(model);
    setNamed(hf, model, "New_Option_Life", 5);
    setNamed(hf, model, "Exchange_Ratio", 3);
    const expected = valueOffer(ledger.grants, readOfferTerms({ ...offerJson, newOptionLifeYears: 5, exchangeRatio: 3 })).exchangeCost as ExchangeCostFigures;
    expect(named(hf, "Incremental_Fair_Value")).toBe(Number(expected.incrementalFairValue));
    expect(named(hf, "New_Option_Value")).toBe(expected.newOption.valuePerShare);
  });

  it("floor-per-holder: the new shares are optex's figures, written as values with a note; the rest stays live", () => {
    const { v, model } = build({ exchangeRatio: 2, newOptionRounding: "floor-per-holder" });
    const cost = v.exchangeCost as ExchangeCostFigures;
    const c = eligibleCells(model);
    for (let r = 1; r <= ROWS.length; r++) expect(c[r][11]).toBe(cost.newSharesByGrant[r - 1]);
    // E1's two grants: 500.5 + 1,250.5 -> 1,751, the leftover share to the first
    expect([c[1][11], c[2][11]]).toEqual([501, 1250]);
    expect(c.some((row) => typeof row[0] === "string" && row[0].startsWith("Note: New Shares are optex's, written as values: floor-per-holder"))).toBe(true);
    const hf = engineFor(model);
    expect(formulaCells(hf, model).filter((x) => !sameValue(x))).toEqual([]);
    expect(named(hf, "Incremental_Fair_Value")).toBe(Number(cost.incrementalFairValue));
  });

  it("without the new option's life: no exchange columns or names, and a note naming offer.newOptionLifeYears", () => {
    const { model } = build({ newOptionLifeYears: null, newOptionVesting: null });
    const c = eligibleCells(model);
    expect(c[0]).toHaveLength(11);
    expect(model.names.map((n) => n.name)).not.toContain("Incremental_Fair_Value");
    expect(c.some((row) => row[0] === "Exchange cost: not figured. offer.newOptionLifeYears is not given: the new options cannot be valued, so the exchange's incremental fair value (ASC 718) is not figured (give the new option's contractual life in years)")).toBe(true);
    expect(formulaCells(engineFor(model), model).filter((x) => !sameValue(x))).toEqual([]);
  });
});

describe("the Volatility cell as a live HISTORICAL_VOLATILITY over closing prices", () => {
  // Hull, Options, Futures, and Other Derivatives, Table 15.1: 21 daily closes (sigma 19.3%)
  const CLOSES = [20.0, 20.1, 19.9, 20.0, 20.5, 20.25, 20.9, 20.9, 20.9, 20.75, 20.75, 21.0, 21.1, 20.9, 20.9, 21.25, 21.4, 21.4, 21.25, 21.75, 22.0];
  const FORMULA = "=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$22)";
  const prices = [["Date", "Close"], ...CLOSES.map((c, i) => [`day ${i + 1}`, c])];
  const withPrices = (model: WorkbookModel) =>
    engineFromInputs({ ...Object.fromEntries(model.sheets.map((s) => [s.name, sheetInputs(s.cells)])), Prices: sheetInputs(prices) }, model.names);

  it.each<[string, Record<string, unknown>]>([
    ["black-scholes", {}],
    ["hull-white", HULL_WHITE],
  ])("%s: the cell is the formula, its value the offer's volatility; every formula cell equals the core", (_, patch) => {
    const volatility = historicalVolatility(CLOSES);
    expect(volatility).toBeCloseTo(0.193, 3); // Hull: 19.3%
    const { model } = build({ ...patch, volatility }, { volatilityFormula: FORMULA });
    const assumptions = model.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!.cells;
    const row = assumptions[at(model, "Volatility").row];
    expect(row[1]).toEqual({ formula: FORMULA, value: volatility });
    expect(row[2]).toBe("annual, as a decimal (0.9 = 90%); live: OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$22)");
    const hf = withPrices(model);
    expect(named(hf, "Volatility")).toBe(volatility);
    expect(formulaCells(hf, model).filter((c) => !sameValue(c))).toEqual([]);
  });

  it("a new closing price recomputes the volatility, the valuation and the fee to the core's", () => {
    const { model } = build({ volatility: historicalVolatility(CLOSES) }, { volatilityFormula: FORMULA });
    const hf = withPrices(model);
    hf.setCellContents({ sheet: hf.getSheetId("Prices")!, row: 21, col: 1 }, 25); // the last close: 22.00 -> 25.00
    const changed = historicalVolatility([...CLOSES.slice(0, 20), 25]);
    expect(named(hf, "Volatility")).toBe(changed);
    const expected = valueOffer(ledger.grants, readOfferTerms({ ...offerJson, volatility: changed }));
    expect(named(hf, "Transaction_Valuation")).toBe(Number(expected.transactionValuation));
    expect(named(hf, "Total_Fees_Due")).toBe(Number(expected.filingFee));
  });

  it.each([["0.193"], ["OPTEX.HISTORICAL_VOLATILITY(B2:B22)"], ["="]])("refuses %j: not a formula", (formula) => {
    expect(() => build({}, { volatilityFormula: formula })).toThrow(`the volatility formula (${JSON.stringify(formula)}) must be a formula starting with "="`);
  });

  it("without the option, the cell is the offer's constant", () => {
    const { model, terms } = build({});
    const assumptions = model.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!.cells;
    expect(assumptions[at(model, "Volatility").row][1]).toBe(terms.volatility);
  });
});
