/**
 * The Excel gateway against office-addin-mock's Excel object: what it asks Excel to do.
 */
import { OfficeWorkbookGateway } from "../../src/taskpane/workbook/officeGateway";
import { mockExcel } from "./officeMock";
import { CellModel, WorkbookModel } from "../../src/taskpane/workbook/model";
import { readPriceColumn, volatilityOfWindow } from "../../src/taskpane/state/volatility";
import { historicalVolatility } from "../../src/core/options/historicalVolatility";

const model = (rows: number): WorkbookModel => ({
  sheets: [
    { name: "Assumptions", cells: [["Assumption", "Value"], ["Volatility", 0.9]], formats: [{ range: "B2", format: "0.00%" }], widths: [30, 16] },
    {
      name: "Eligible Options",
      cells: [["Grant Number", "Value"], ...Array.from({ length: rows }, (_, i) => [`G${i}`, { formula: `=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,${i + 2},1,Volatility,0.03)`, value: 0.5 }])],
      formats: [],
      widths: [14, 16],
      table: { name: "EligibleOptions", range: `A1:B${rows + 1}` },
    },
  ],
  names: [{ name: "Volatility", ref: "'Assumptions'!$B$2", comment: "volatility" }],
});

describe("OfficeWorkbookGateway (office-addin-mock)", () => {
  it("adds the sheets, names (as formulas), formulas, formats and the table", async () => {
    const mock = mockExcel();
    Object.assign(globalThis, { Excel: mock.excel });
    await new OfficeWorkbookGateway().writeWorkbook(model(3));
    expect(mock.added).toEqual(["Assumptions", "Eligible Options"]);
    expect(mock.names).toEqual([{ name: "Volatility", reference: "='Assumptions'!$B$2", comment: "volatility" }]);
    const eligible = mock.written.filter((w) => w.sheet === "Eligible Options");
    // text after Excel's text prefix (kept exactly, read back without it), formulas as they are
    expect(eligible[0].formulas![0]).toEqual(["'Grant Number", "'Value"]);
    expect(eligible[0].formulas![1]).toEqual(["'G0", "=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,2,1,Volatility,0.03)"]);
    expect(mock.tables).toEqual([{ sheet: "Eligible Options", address: "A1:B4", name: "EligibleOptions" }]);
    expect(mock.formats.find((f) => f.address === "B2")?.numberFormat).toEqual([["0.00%"]]);
  });

  it.each([
    ["text longer than a cell holds", ["x".repeat(32_768)], "'Eligible Options'!A2: the text is 32,768 characters long; an Excel cell holds at most 32,767"],
    ["a formula whose text would be longer", [{ formula: '=REPT("x",32767)&"y"', value: "x".repeat(32_767) + "y" }], "'Eligible Options'!A2: the formula's text would be 32,768 characters long"],
    ["a text constant over 255 characters in a formula", [{ formula: `="${"x".repeat(256)}"`, value: "x".repeat(256) }], "text constant of 256 characters; Excel's limit is 255"],
    ["a formula over 8,192 characters", [{ formula: "=" + "1+".repeat(4096) + "1", value: 4097 }], "the formula is 8,194 characters long; Excel's limit is 8,192"],
    ["a number that is not finite", [Number.NaN], "NaN is not a number Excel can hold"],
  ])("refuses %s before touching the workbook, naming the cell", async (_, cells, message) => {
    const mock = mockExcel();
    Object.assign(globalThis, { Excel: mock.excel });
    const m = model(1);
    m.sheets[1].cells.splice(1, 1, cells as CellModel[]);
    await expect(new OfficeWorkbookGateway().writeWorkbook(m)).rejects.toThrow(message);
    expect(mock.added).toEqual([]);
    expect(mock.written).toEqual([]);
    expect(mock.names).toEqual([]);
  });

  it("reuses (clears) sheets that already exist instead of deleting them", async () => {
    const mock = mockExcel(["Assumptions"]);
    Object.assign(globalThis, { Excel: mock.excel });
    await new OfficeWorkbookGateway().writeWorkbook(model(1));
    expect(mock.added).toEqual(["Eligible Options"]);
    expect(mock.cleared).toContain("Assumptions");
  });

  it("writes a large table in several requests, each under the 5 MB limit, with progress", async () => {
    const mock = mockExcel();
    Object.assign(globalThis, { Excel: mock.excel });
    const progress: number[] = [];
    await new OfficeWorkbookGateway().writeWorkbook(model(60000), (done) => progress.push(done));
    const blocks = mock.written.filter((w) => w.sheet === "Eligible Options");
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.reduce((n, b) => n + b.rows, 0)).toBe(60001);
    for (const b of blocks) expect(JSON.stringify(b.formulas).length).toBeLessThan(5_000_000);
    expect(progress[progress.length - 1]).toBe(60003);
  });

  it("reads a worksheet's used range in blocks, reporting its first row", async () => {
    const ledger = [["Grant Number", "Grant Date", "Exercise Price", "Outstanding"], ...Array.from({ length: 50000 }, (_, i) => [`G${i}`, 37000, 5, 100])];
    const mock = mockExcel(["Export"], ledger);
    Object.assign(globalThis, { Excel: mock.excel });
    const read = await new OfficeWorkbookGateway().readSource({ kind: "sheet", name: "Export" });
    expect(read.firstRow).toBe(5);
    expect(read.values).toHaveLength(50001);
    expect(read.values[50000]).toEqual(["G49999", 37000, 5, 100]);
    expect(mock.written.length).toBeGreaterThan(1); // more than one read block
  });
});

describe("OfficeWorkbookGateway: closing prices for the volatility", () => {
  // a sheet of market data under two lines of notes, with a table of weekly closes beside it
  const grid = {
    values: [
      ["Capstone closes", "", "", "", "", ""],
      ["", "", "", "", "", ""],
      ["Date", "Close", "Volume", "", "Week", "Close"],
      [37789, 1.2, 1000, "", 1, 20],
      [37790, 1.25, 1200, "", 2, 20.1],
      [37791, "", 900, "", 3, 19.9],
      [37792, 1.27, 1500, "", 4, 20],
      ["", "", "", "", "Total", 79.99],
    ],
    text: [[], [], [], ["6/18/2003", "1.20"], ["6/19/2003", "1.25"], ["6/20/2003", ""], ["6/23/2003", "1.27"]],
    numberFormat: [[], [], [], ["m/d/yyyy", "0.00"], ["m/d/yyyy", "0.00"], ["m/d/yyyy", "0.00"], ["m/d/yyyy", "0.00"]],
  };
  const setup = () => {
    const mock = mockExcel([], undefined, { Market: grid, Empty: { values: [] } }, [{ name: "Weekly", sheet: "Market", row: 2, column: 4, rows: 6, columns: 2, totals: true }]);
    Object.assign(globalThis, { Excel: mock.excel });
    return mock;
  };

  it("lists each table (header row, data body without its total row) and each sheet (its used range, headers first)", async () => {
    setup();
    const sources = await new OfficeWorkbookGateway().listPriceSources();
    expect(sources).toEqual([
      { kind: "table", name: "Weekly", sheet: "Market", headerRow: 2, firstRow: 3, rows: 4, firstColumn: 4, headers: ["Week", "Close"] },
      { kind: "sheet", name: "Market", sheet: "Market", headerRow: 0, firstRow: 1, rows: 7, firstColumn: 0, headers: ["Capstone closes", "", "", "", "", ""] },
      { kind: "sheet", name: "Empty", sheet: "Empty", headerRow: 0, firstRow: 1, rows: 0, firstColumn: 0, headers: [] },
    ]);
  });

  it("reads a block's values, text and number formats: a date column is told by its format", async () => {
    const mock = setup();
    const read = await new OfficeWorkbookGateway().readRange({ sheet: "Market", row: 3, column: 0, rows: 4, columns: 2 });
    expect(read.values).toEqual([[37789, 1.2], [37790, 1.25], [37791, ""], [37792, 1.27]]);
    expect(read.text[3]).toEqual(["6/23/2003", "1.27"]);
    expect(read.numberFormats?.[0]).toEqual(["m/d/yyyy", "0.00"]);
    expect(mock.reads).toEqual([{ sheet: "Market", row: 3, col: 0, rows: 4, cols: 2 }]);
  });

  it("reads a long column in blocks, each inside the request limit", async () => {
    const long = { values: [["Close"], ...Array.from({ length: 120_000 }, (_, i) => [1 + (i % 7) / 100])] };
    const mock = mockExcel([], undefined, { Long: long });
    Object.assign(globalThis, { Excel: mock.excel });
    const read = await new OfficeWorkbookGateway().readRange({ sheet: "Long", row: 1, column: 0, rows: 120_000, columns: 1 });
    expect(read.values).toHaveLength(120_000);
    expect(read.values[119_999]).toEqual([1 + (119_999 % 7) / 100]);
    expect(mock.reads.length).toBeGreaterThan(1);
    for (const r of mock.reads) expect(r.rows * r.cols * 3).toBeLessThanOrEqual(150_000);
  });

  it("the table's closes and the sheet's (a blank skipped, the dates beside them): the window, its address and the dates", async () => {
    setup();
    const gateway = new OfficeWorkbookGateway();
    const [table, market] = await gateway.listPriceSources();
    const weekly = volatilityOfWindow(await readPriceColumn((r) => gateway.readRange(r), table, 1), "all", 52);
    expect(weekly.address).toBe("'Market'!$F$4:$F$7");
    expect(weekly.formula).toBe("=OPTEX.HISTORICAL_VOLATILITY('Market'!$F$4:$F$7,52)");
    expect(weekly.volatility).toBe(historicalVolatility([20, 20.1, 19.9, 20], 52));
    // a sheet's header is its first used row (here a title): a price column under its own headers further down, as a table would have it
    expect(market.headers[0]).toBe("Capstone closes");
    const daily = { ...market, headerRow: 2, firstRow: 3, rows: 5, headers: ["Date", "Close", "Volume", "", "Week", "Close"] };
    const w = volatilityOfWindow(await readPriceColumn((r) => gateway.readRange(r), daily, 1), "all", 252);
    expect(w.address).toBe("'Market'!$B$4:$B$7");
    expect(w.prices).toEqual([1.2, 1.25, 1.27]);
    expect([w.firstLabel, w.lastLabel]).toEqual(["6/18/2003", "6/23/2003"]);
    // the dates column is refused as prices, by its number format
    const dates = await readPriceColumn((r) => gateway.readRange(r), daily, 0);
    expect(() => volatilityOfWindow(dates, "all", 252)).toThrow("'Market'!A4: holds a date (6/18/2003), not a closing price");
  });
});

describe("OfficeWorkbookGateway settings (Office.context.document.settings)", () => {
  it("saves the pane's settings in the document and reads them back", async () => {
    const store = new Map<string, unknown>();
    let saved = 0;
    Object.assign(globalThis, {
      Office: {
        context: {
          document: {
            settings: {
              get: (key: string) => store.get(key) ?? null,
              set: (key: string, value: unknown) => store.set(key, value),
              saveAsync: (callback: (r: { status: string }) => void) => {
                saved++;
                callback({ status: "succeeded" });
              },
            },
          },
        },
        AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      },
    });
    const gateway = new OfficeWorkbookGateway();
    expect(await gateway.loadSettings()).toBeUndefined();
    const settings = { version: 1 as const, offer: { volatility: "0.8" }, source: { kind: "table" as const, name: "Ledger" } };
    await gateway.saveSettings(settings);
    expect(saved).toBe(1);
    expect(await gateway.loadSettings()).toEqual(settings);
    store.set("optex.settings", "{not json");
    expect(await gateway.loadSettings()).toBeUndefined();
  });
});
