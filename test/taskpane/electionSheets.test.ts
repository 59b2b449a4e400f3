/**
 * The Elections section's worksheets (electionSheets.ts) over the engine's results for the bundled
 * Capstone example (its synthetic election log and roster, assets/samples/capstone-2003/ELECTIONS.md):
 * - the New Grants sheet recomputed by an independent spreadsheet engine (HyperFormula, sheetEngine.ts,
 *   fed exactly what the Excel gateway sends): every =OPTEX.VESTED_SHARES cell equals the core's
 *   vestedShares, as of the sheet's date cell and as of other dates typed into it;
 * - every log line is on the Elections sheet once, with its form's status (the 5:00:00 p.m. fax is
 *   late) or its row error; one Promise row per holder owed one; one Confirmation row per form;
 * - text from the ledger and the log stays text whatever it looks like ("=1+1", "0012", "1E3"), through
 *   the preview's gateway and the engine.
 */
import * as fs from "fs";
import * as path from "path";
import { vestedShares } from "../../src/core/equity/vesting";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { bytesSource } from "../../src/core/offer/pipeline";
import { addMonthsClamped, isoToSerial } from "../../src/core/dates/serial";
import { electionsInSlices, ElectionsRun, LogInput } from "../../src/core/elections/pipeline";
import { newGrants } from "../../src/core/elections/newGrants";
import {
  buildElectionSheets, buildElectionSheetsInSlices, CONFIRMATIONS_COLUMNS, ELECTIONS_COLUMNS, NEW_GRANTS_COLUMNS, NEW_GRANTS_HEADER_ROW,
  SHEET_CALENDAR, SHEET_CONFIRMATIONS, SHEET_ELECTIONS, SHEET_NEW_GRANTS, SHEET_PROMISES, SHEET_RESULTS,
} from "../../src/taskpane/workbook/electionSheets";
import { CellModel, sheetInputs, SheetModel, WorkbookModel, workbookModelProblems } from "../../src/taskpane/workbook/model";
import { MemoryWorkbookGateway } from "../../src/taskpane/workbook/memoryGateway";
import { cellsOfLines } from "../../src/taskpane/state/logLines";
import { engineFor, engineFromInputs, formulaCells, Inputs, sameValue, valueAt } from "./sheetEngine";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const read = (name: string) => fs.readFileSync(path.join(SAMPLE, name));
const offerJson = JSON.parse(read("offer.json").toString("utf8"));
const terms = readOfferTerms(offerJson);
const ledger = parseCsvLedger(read("ledger.csv").toString("utf8"));
const fileInput = (name: string, bytes: Uint8Array = read(name)): LogInput => ({ kind: "file", file: bytesSource(bytes), name });

let run: ElectionsRun;
let model: WorkbookModel;
const GRANT_PRICE = "2.5"; // a made-up close for January 26, 2004 (the sample is synthetic)

beforeAll(async () => {
  run = await electionsInSlices(ledger.table, terms, fileInput("elections.csv"), { roster: fileInput("roster.csv") });
  model = buildElectionSheets({ results: run.results, ledger: ledger.table, log: run.log, newGrants: newGrants(run.results, ledger.table, GRANT_PRICE, run.rosterIndex) });
});

const sheet = (m: WorkbookModel, name: string): SheetModel => {
  const s = m.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const text = (c: CellModel) => (c === null ? "" : typeof c === "object" ? String(c.value) : String(c));
/** A sheet's rows under its header as records by column name (the header row is `header`, 1-based). */
function records(s: SheetModel, columns: readonly string[], header = 1): Record<string, CellModel>[] {
  const out: Record<string, CellModel>[] = [];
  for (let r = header; r < s.cells.length; r++) {
    const row = s.cells[r];
    if (row.length === 0) break; // the table ends at the first blank row
    out.push(Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])));
  }
  return out;
}

describe("the Elections section's worksheets for the Capstone example", () => {
  it("are the six sheets, each writable exactly as built", () => {
    expect(model.sheets.map((s) => s.name)).toEqual([SHEET_CALENDAR, SHEET_ELECTIONS, SHEET_RESULTS, SHEET_PROMISES, SHEET_CONFIRMATIONS, SHEET_NEW_GRANTS]);
    expect(workbookModelProblems(model)).toEqual([]);
    // without a grant price there is no New Grants sheet
    const without = buildElectionSheets({ results: run.results, ledger: ledger.table, log: run.log });
    expect(without.sheets.map((s) => s.name)).not.toContain(SHEET_NEW_GRANTS);
  });

  it("New Grants: every VESTED_SHARES cell, recomputed by a spreadsheet engine, equals the core's vestedShares", () => {
    const ng = sheet(model, SHEET_NEW_GRANTS);
    const rows = records(ng, NEW_GRANTS_COLUMNS, NEW_GRANTS_HEADER_ROW);
    expect(rows.length).toBe(165); // ELECTIONS.md: 165 new grants (case 13a forfeits)
    const hf = engineFor(model);
    const checks = formulaCells(hf, model).filter((c) => c.address.startsWith(`'${SHEET_NEW_GRANTS}'`));
    expect(checks.filter((c) => c.formula.startsWith("=OPTEX.VESTED_SHARES(")).length).toBe(165);
    expect(checks.filter((c) => !sameValue(c))).toEqual([]);
    // as of the new grant date: 12.5% of each grant, floored
    const grantDate = isoToSerial("2004-01-26")!;
    rows.forEach((r, i) => {
      const shares = r["Shares"] as number;
      expect(valueAt(hf, SHEET_NEW_GRANTS, NEW_GRANTS_HEADER_ROW + i, 8)).toBe(vestedShares(shares, grantDate, grantDate, terms.newOptionVesting!));
      expect(r["Grant Date"]).toBe(grantDate);
      expect(r["Expiration Date"]).toBe(addMonthsClamped(grantDate, 120));
      expect(r["Exercise Price"]).toBe(2.5);
    });
  });

  it.each([
    ["the day before the grant", "2004-01-25"],
    ["one month after", "2004-02-26"],
    ["a day short of two months", "2004-03-25"],
    ["a year and a half after", "2005-07-26"],
    ["the day before full vesting", "2007-07-25"],
    ["full vesting (42 months)", "2007-07-26"],
    ["long after", "2013-12-31"],
  ])("New Grants: typing %s (%s) into the date cell recomputes every row as the core does", (_what, iso) => {
    const hf = engineFor(model);
    const sheetId = hf.getSheetId(SHEET_NEW_GRANTS)!;
    const asOf = isoToSerial(iso)!;
    hf.setCellContents({ sheet: sheetId, row: 0, col: 1 }, asOf);
    const rows = records(sheet(model, SHEET_NEW_GRANTS), NEW_GRANTS_COLUMNS, NEW_GRANTS_HEADER_ROW);
    let total = 0;
    rows.forEach((r, i) => {
      const expected = vestedShares(r["Shares"] as number, r["Grant Date"] as number, asOf, terms.newOptionVesting!);
      total += expected;
      expect(valueAt(hf, SHEET_NEW_GRANTS, NEW_GRANTS_HEADER_ROW + i, 8)).toBe(expected);
    });
    expect(valueAt(hf, SHEET_NEW_GRANTS, NEW_GRANTS_HEADER_ROW + rows.length + 1, 8)).toBe(total);
  });

  it("every other formula cell (the bands' shares accepted, the totals) shows what optex computed", () => {
    const checks = formulaCells(engineFor(model), model);
    expect(checks.filter((c) => !sameValue(c))).toEqual([]);
  });

  it("Elections: every log line once, in line order, with its form's status; the row error with its message", () => {
    const rows = records(sheet(model, SHEET_ELECTIONS), ELECTIONS_COLUMNS);
    expect(rows.length).toBe(run.results.log.rows); // 207 lines in
    const lines = rows.map((r) => r["Line"] as number);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(new Set(lines).size).toBe(lines.length);
    const byForm = (id: string) => rows.filter((r) => r["Form ID"] === id);
    // case 1a: 4:59:59 p.m. counts; 1b: 5:00:00 p.m. is late; 1c: the late notice withdraws nothing
    expect(byForm("EF-0189").map((r) => [r["Form Status"], r["Tender"]])).toEqual([["counted", "accepted"]]);
    expect(byForm("EF-0190").map((r) => r["Form Status"])).toEqual(["late"]);
    expect(text(byForm("EF-0190")[0]["Reason"])).toContain("5:00 p.m. PDT, July 24, 2003");
    expect(byForm("NW-0004").map((r) => r["Form Status"])).toEqual(["late"]);
    // case 2a: the e-mailed form
    expect(byForm("EF-0100").map((r) => r["Form Status"])).toEqual(["channel"]);
    // case 8a: another holder's grant on a counted form
    expect(byForm("EF-0133").map((r) => [r["Grant Number"], text(r["Tender"]).split(":")[0]])).toEqual([
      ["G1111", "accepted"],
      ["G1035", "rejected (other-holder)"],
    ]);
    // case 12: the receipt with no time is a row error, on its line
    const notRead = rows.filter((r) => r["Form Status"] === "not read");
    expect(notRead.map((r) => [r["Line"], r["Form ID"]])).toEqual([[202, null]]); // the reader keeps no cells of a rejected line
    expect(text(notRead[0]["Reason"])).toContain("received_at: received at \"7/24/2003\" has no time of day");
    // the receipt as a local date-time in the offer's zone (4:59:59 p.m. PDT)
    expect(byForm("EF-0189")[0]["Received"]).toBeCloseTo(isoToSerial("2003-07-24")! + (16 * 3600 + 59 * 60 + 59) / 86400, 9);
    // the counts on the sheet reconcile with the results
    const statuses = rows.map((r) => r["Form Status"]);
    expect(statuses.filter((s) => s !== "not read").length).toBe(run.results.log.accepted);
  });

  it("Elections: a rejected line shows its cells as typed, from the file read again", async () => {
    const rejected = await cellsOfLines({ ...fileInput("elections.csv"), origin: "sample" }, run.results.log.errors.map((e) => e.row));
    const m = buildElectionSheets({ results: run.results, ledger: ledger.table, log: run.log, rejectedLines: rejected });
    const row = records(sheet(m, SHEET_ELECTIONS), ELECTIONS_COLUMNS).find((r) => r["Line"] === 202)!;
    expect([row["Form ID"], row["Holder ID"], row["Holder Name"], row["Form Type"], row["Grant Number"], row["Signed"], row["Received"], row["Channel"], row["Form Status"]]).toEqual([
      "EF-0185", "E0008", "Employee 0008", "Election Form", "G1013", "7/23/2003", "7/24/2003", "Fax", "not read",
    ]);
    // from a worksheet's values the same
    const csv = read("elections.csv").toString("utf8").trim().split(/\r?\n/).map((l) => l.split(","));
    const fromValues = await cellsOfLines({ kind: "values", values: csv, firstRow: 1, name: "Log", origin: "sheet" }, [202]);
    expect(fromValues.get(202)!.slice(0, 2)).toEqual(["EF-0185", "E0008"]);
  });

  it("Promises to Grant: one row per holder owed one, with the promise text", () => {
    const rows = records(sheet(model, SHEET_PROMISES), ["Holder ID", "Holder Name", "Form ID", "Grant Numbers", "Shares Cancelled", "New Option Shares", "Cancellation Date", "Promise Due", "New Grant Date", "Promise Text"]);
    expect(rows.length).toBe(156);
    expect(rows.reduce((s, r) => s + (r["New Option Shares"] as number), 0)).toBe(715_913);
    const e0001 = rows.find((r) => r["Holder ID"] === "E0001")!;
    expect(e0001["Grant Numbers"]).toBe("G1002, G1444");
    expect(e0001["Promise Due"]).toBe(isoToSerial("2003-07-30"));
    expect(text(e0001["Promise Text"])).toContain("PROMISE TO GRANT STOCK OPTION(S)");
    expect(text(e0001["Promise Text"])).toContain("6,000 shares");
  });

  it("Confirmations: one row per form received, due two business days after its New York date", () => {
    const rows = records(sheet(model, SHEET_CONFIRMATIONS), CONFIRMATIONS_COLUMNS);
    expect(rows.length).toBe(193);
    const late = rows.find((r) => r["Form ID"] === "EF-0190")!;
    expect(late["Confirmation Due"]).toBe(isoToSerial("2003-07-28"));
    expect(text(late["Body"])).toContain("does not count");
    // case 11: 10:30 p.m. PDT Monday = Tuesday in New York: due Thursday
    expect(rows.find((r) => r["Form ID"] === "EF-0119")!["Confirmation Due"]).toBe(isoToSerial("2003-07-24"));
  });

  it("Results: the totals and the paragraph", () => {
    const cells = sheet(model, SHEET_RESULTS).cells.map((r) => r.map(text));
    expect(cells.find((r) => r[0] === "Accepted and cancelled")!.slice(1, 4)).toEqual(["166", "715913", "156"]);
    expect(cells.find((r) => r[0] === "Accepted, % of eligible shares")![1]).toBe("69.86");
    expect(cells.some((r) => (r[0] ?? "").startsWith("The Offer expired at 5:00 p.m., Pacific Time, on July 24, 2003."))).toBe(true);
  });

  it("built in slices, the sheets are the same", async () => {
    const input = { results: run.results, ledger: ledger.table, log: run.log, newGrants: newGrants(run.results, ledger.table, GRANT_PRICE, run.rosterIndex) };
    const progress: number[] = [];
    const sliced = await buildElectionSheetsInSlices(input, { sliceMs: 0, yieldToUi: async () => undefined, onProgress: (done) => progress.push(done) });
    expect(sliced).toEqual(model);
    expect(progress[progress.length - 1]).toBe(6);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});

describe("text from the ledger and the log stays text", () => {
  const HOSTILE = ["=1+1", "0012", "1E3", "+1", "-1", "@A1", "12:30", "1/2", "TRUE", "#N/A", "2003-06-23", "'quoted", "＝1+1", 'O\'Brien & "Sons"', "=HYPERLINK(\"http://x\",\"y\")"];
  const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

  /** A ledger and a log whose grant numbers, holder ids, holder names and form ids are all the hostile texts. */
  async function hostileModel() {
    const ledgerCsv =
      "Grant Number,Employee ID,Name,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding\n" +
      HOSTILE.map((t) => [t, t, t, "Employee", "US", "2001-05-01", "2011-05-01", "$5.00", "1000"].map(csvField).join(",")).join("\n");
    const hostileLedger = parseCsvLedger(ledgerCsv);
    expect(hostileLedger.rejected).toBe(0);
    const logCsv =
      "Form ID,Employee ID,Form Type,Grant Number,Shares,Signed,Received,Channel\n" +
      HOSTILE.map((t) => [t, t, "Election Form", t, "", "2003-07-01", "2003-07-01 10:00", "Fax"].map(csvField).join(",")).join("\n");
    const r = await electionsInSlices(hostileLedger.table, terms, fileInput("log.csv", new TextEncoder().encode(logCsv)));
    expect(r.results.log.rejected).toBe(0);
    expect(r.results.accepted.grants).toBe(HOSTILE.length);
    return buildElectionSheets({ results: r.results, ledger: hostileLedger.table, log: r.log, newGrants: newGrants(r.results, hostileLedger.table, "1.27") });
  }

  it("every string cell is written after the text prefix and read back exactly, through the preview's gateway and a spreadsheet engine", async () => {
    const m = await hostileModel();
    const gateway = new MemoryWorkbookGateway();
    await gateway.writeWorkbook(m);
    const inputs: Inputs = Object.fromEntries(m.sheets.map((s) => [s.name, gateway.excelInputs(s.name)]));
    const hf = engineFromInputs(inputs, []);
    let checked = 0;
    for (const s of m.sheets) {
      const sent = sheetInputs(s.cells);
      s.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (typeof cell !== "string" || cell === "") return;
          expect(sent[r][c]).toBe(`'${cell}`);
          expect(valueAt(hf, s.name, r, c)).toBe(cell);
          checked++;
        }),
      );
    }
    expect(checked).toBeGreaterThan(HOSTILE.length * 8);
    // the hostile texts are where they belong, exactly
    const sorted = [...HOSTILE].sort();
    const ng = records(sheet(m, SHEET_NEW_GRANTS), NEW_GRANTS_COLUMNS, NEW_GRANTS_HEADER_ROW);
    for (const column of ["Old Grant ID", "Holder ID", "Holder Name"]) expect(ng.map((r) => r[column]).sort()).toEqual(sorted);
    const el = records(sheet(m, SHEET_ELECTIONS), ELECTIONS_COLUMNS);
    for (const column of ["Form ID", "Holder ID", "Holder Name", "Grant Number"]) expect(el.map((r) => r[column]).sort()).toEqual(sorted);
    const pr = records(sheet(m, SHEET_PROMISES), ["Holder ID", "Holder Name", "Form ID", "Grant Numbers"]);
    for (const column of ["Holder ID", "Holder Name", "Form ID", "Grant Numbers"]) expect(pr.map((r) => r[column]).sort()).toEqual(sorted);
    // "0012" read back as "0012", not 12; "=1+1" as text, not 2
    const at = el.findIndex((r) => r["Holder Name"] === "0012") + 1;
    expect(valueAt(hf, SHEET_ELECTIONS, at, 3)).toBe("0012");
    const eq = el.findIndex((r) => r["Holder Name"] === "=1+1") + 1;
    expect(valueAt(hf, SHEET_ELECTIONS, eq, 3)).toBe("=1+1");
    // and the formulas still compute
    expect(formulaCells(engineFor(m), m).filter((c) => !sameValue(c))).toEqual([]);
  });
});

describe("written beside the valuation's sheets", () => {
  it("the preview workbook keeps the valuation's named cells when the election sheets are written after them", async () => {
    const { buildWorkbookModel } = await import("../../src/taskpane/workbook/model");
    const { valueOffer } = await import("../../src/core/offer/valueOffer");
    const gateway = new MemoryWorkbookGateway();
    const valuation = buildWorkbookModel(ledger, terms, valueOffer(ledger.grants, terms));
    await gateway.writeWorkbook(valuation);
    await gateway.writeWorkbook(model);
    expect(gateway.names.map((n) => n.name).sort()).toEqual(valuation.names.map((n) => n.name).sort());
    expect([...gateway.sheets.keys()]).toEqual([...valuation.sheets.map((s) => s.name), ...model.sheets.map((s) => s.name)]);
    // and the whole preview workbook still computes
    const inputs: Inputs = Object.fromEntries([...gateway.sheets.keys()].map((name) => [name, gateway.excelInputs(name)]));
    const hf = engineFromInputs(inputs, gateway.names);
    expect(hf.getNamedExpressionValue("Transaction_Valuation")).toBe(991619.92);
  });
});

describe("through the Excel gateway (office-addin-mock)", () => {
  it("adds the six sheets with their tables, every text after the text prefix, and the New Grants formulas as built", async () => {
    const { mockExcel } = await import("./officeMock");
    const { OfficeWorkbookGateway } = await import("../../src/taskpane/workbook/officeGateway");
    const mock = mockExcel();
    Object.assign(globalThis, { Excel: mock.excel });
    await new OfficeWorkbookGateway().writeWorkbook(model);
    expect(mock.added).toEqual(model.sheets.map((s) => s.name));
    expect(mock.tables.map((t) => [t.sheet, t.address, t.name])).toEqual(
      model.sheets.filter((s) => s.table).map((s) => [s.name, s.table!.range, s.table!.name]),
    );
    const written = mock.writtenSheets() as Inputs;
    for (const s of model.sheets) expect(written[s.name]).toEqual(sheetInputs(s.cells));
    const hf = engineFromInputs(written, []);
    const first = NEW_GRANTS_HEADER_ROW; // 0-based row of the first new grant
    expect(valueAt(hf, SHEET_NEW_GRANTS, first, 8)).toBe((sheet(model, SHEET_NEW_GRANTS).cells[first][8] as { value: number }).value);
  });
});
