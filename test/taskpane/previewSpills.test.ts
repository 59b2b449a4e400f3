/**
 * The preview workbook shows what Excel shows in the cells a dynamic array spills over: the figures
 * optex computed for them (the written cells stay blank, as Excel needs them). Seed 000's salary
 * schedule: 15,429.16 on each payday, the second on Friday November 29, 2002 (November 30 is a
 * Saturday), 30,858.32 by then.
 */
import * as fs from "fs";
import * as path from "path";
import { isoToSerial } from "../../src/core/dates/serial";
import { computeSeparation } from "../../src/core/separations/separation";
import { readSeparationJson, readSeparationTerms } from "../../src/core/separations/terms";
import { formatOf, MemoryWorkbookGateway, shownValue } from "../../src/taskpane/workbook/memoryGateway";
import { buildSeparationWorkbook } from "../../src/taskpane/workbook/separationSheets";

const ALMGREN = path.join(__dirname, "..", "..", "assets", "samples", "separation-2002-almgren", "TERMS.json");

describe("the preview shows spilled arrays", () => {
  const result = computeSeparation(readSeparationTerms(readSeparationJson(fs.readFileSync(ALMGREN, "utf8"))));
  const model = buildSeparationWorkbook(result);
  const gateway = new MemoryWorkbookGateway();

  it("fills the cells a PAYMENT_SCHEDULE spills over, and writes them blank", async () => {
    await gateway.writeWorkbook(model);
    const written = model.sheets[0];
    const sheet = gateway.sheets.get(written.name)!;
    const anchorRow = written.cells.findIndex((row) => row.some((c) => c !== null && typeof c === "object" && c.formula.startsWith("=OPTEX.PAYMENT_SCHEDULE(")));
    expect(anchorRow).toBeGreaterThan(0);
    const col = written.cells[anchorRow].findIndex((c) => c !== null && typeof c === "object" && c.formula.startsWith("=OPTEX.PAYMENT_SCHEDULE("));
    // the anchor holds the first pay date; the cells it covers are blank in what is written
    expect(shownValue(sheet, anchorRow, col)).toBe(isoToSerial("2002-11-15"));
    expect(written.cells[anchorRow + 1]?.[col] ?? null).toBeNull();
    expect(shownValue(sheet, anchorRow + 1, col)).toBe(isoToSerial("2002-11-29"));
    expect(shownValue(sheet, anchorRow + 1, col + 1)).toBeCloseTo(15429.16, 10);
    expect(shownValue(sheet, anchorRow + 1, col + 2)).toBeCloseTo(30858.32, 10);
    // and readRange (what the pane reads back) sees the same
    const range = await gateway.readRange({ sheet: written.name, row: anchorRow + 11, column: col, rows: 1, columns: 3 });
    // the twelfth payday, April 30, 2003: the last installment 15,429.24 brings the total to 185,150.00
    expect(range.values[0][0]).toBe(isoToSerial("2003-04-30"));
    expect(range.values[0][1]).toBeCloseTo(15429.24, 10);
    expect(range.values[0][2]).toBeCloseTo(185150, 10);
    // the pay dates are shown as dates: the sheet formats them by range, and the preview follows
    expect(range.text[0][0]).toBe("2003-04-30");
    expect(formatOf(sheet, anchorRow + 11, col)).toBe("yyyy-mm-dd");
  });
});
