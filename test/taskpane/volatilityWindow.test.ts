/**
 * The offer's volatility from closing prices in the workbook (state/volatility.ts): the window of
 * the last N prices, its address and live formula, and every cell that is not a closing price named
 * by its address with the function's own message. The figure is HISTORICAL_VOLATILITY's.
 */
import { historicalVolatility } from "../../src/core/options/historicalVolatility";
import { evaluate } from "../../src/functions/registry";
import { RawCell } from "../../src/core/ledger/values";
import { ymdToSerial } from "../../src/core/dates/serial";
import { initialState, reducer } from "../../src/taskpane/state/paneState";
import { emptyForm } from "../../src/taskpane/state/offerForm";
import {
  absoluteAddress, guessDateColumn, guessPriceColumn, guessPriceSource, historicalVolatilityFormula, isDateFormat, linkedFormula, linkOf, parseLink, PriceColumn, readPriceColumn,
  VolatilityError, volatilityOfWindow, volatilityText,
} from "../../src/taskpane/state/volatility";
import { MemoryWorkbookGateway } from "../../src/taskpane/workbook/memoryGateway";
import { PREVIEW_LAST_CLOSE, PREVIEW_LAST_DATE, PREVIEW_PRICES_COUNT, PREVIEW_PRICES_SHEET, previewPrices, previewPricesSheet } from "../../src/taskpane/workbook/previewPrices";
import { thrown } from "../support/thrown";

/** Hull, Options, Futures, and Other Derivatives, "Estimating volatility from historical data": 21 daily closes, 19.30% a year. */
const HULL = [20, 20.1, 19.9, 20, 20.5, 20.25, 20.9, 20.9, 20.9, 20.75, 20.75, 21, 21.1, 20.9, 20.9, 21.25, 21.4, 21.4, 21.25, 21.75, 22];

/** A column B of sheet "Prices" whose first cell is on row 2 (under the header). */
function column(values: RawCell[], extra: Partial<PriceColumn> = {}): PriceColumn {
  return { source: { kind: "sheet", name: "Prices", column: "Close" }, sheet: "Prices", column: 1, row: 1, values, ...extra };
}

/** The error a window throws. */
const failure = (f: () => unknown): VolatilityError => thrown(f, VolatilityError);

describe("the window of closing prices", () => {
  it("Hull's 21 closes: the core's figure (19.30%), rows 2-22, the live formula on exactly that range", () => {
    const w = volatilityOfWindow(column(HULL), 21, 252);
    expect(w.volatility).toBe(historicalVolatility(HULL));
    expect(w.volatility).toBeCloseTo(0.193, 3);
    expect([w.firstRow, w.lastRow, w.prices.length]).toEqual([2, 22, 21]);
    expect(w.address).toBe("'Prices'!$B$2:$B$22");
    expect(w.formula).toBe("=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$22)");
    // the form's text reads back as exactly the figure
    expect(Number(w.text)).toBe(w.volatility);
    expect(w.text).not.toMatch(/e/i);
  });

  it("the last N prices of a longer column; all of them", () => {
    const { closes } = previewPrices();
    const w = volatilityOfWindow(column(closes), 252, 252);
    expect(w.prices).toEqual(closes.slice(-252));
    expect(w.volatility).toBe(historicalVolatility(closes.slice(-252)));
    expect(w.address).toBe("'Prices'!$B$3:$B$254");
    const all = volatilityOfWindow(column(closes), "all", 252);
    expect(all.address).toBe("'Prices'!$B$2:$B$254");
    expect(all.volatility).toBe(historicalVolatility(closes));
    for (const n of [21, 63, 126]) expect(volatilityOfWindow(column(closes), n, 252).volatility).toBe(historicalVolatility(closes.slice(-n)));
  });

  it("periods a year: the formula says 52 or 12 (252 is the function's default), the figure scales by their root", () => {
    const weekly = volatilityOfWindow(column(HULL), "all", 52);
    expect(weekly.volatility).toBe(historicalVolatility(HULL, 52));
    expect(weekly.formula).toBe("=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$22,52)");
    expect(volatilityOfWindow(column(HULL), "all", 12).formula).toBe("=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$22,12)");
  });

  it("blanks are skipped, inside the window and after it; the window counts prices, not rows", () => {
    const values: RawCell[] = [5, 5.5, "", 6, null, "  ", 6.2, 6.1, "", "", undefined];
    const w = volatilityOfWindow(column(values), 4, 252);
    expect(w.prices).toEqual([5.5, 6, 6.2, 6.1]);
    expect([w.firstRow, w.lastRow]).toEqual([3, 9]);
    expect(w.address).toBe("'Prices'!$B$3:$B$9");
    expect(w.volatility).toBe(historicalVolatility([5.5, 6, 6.2, 6.1]));
    // the figure is what the live formula gives for the same cells
    const formula = evaluate("HISTORICAL_VOLATILITY", [values.slice(1, 8).map((v) => [v ?? null])]);
    expect(formula).toEqual({ value: w.volatility });
  });

  it("text inside the window: the cell's address, and the function's message", () => {
    const values: RawCell[] = [...HULL.slice(0, 10), "n/a", ...HULL.slice(10)];
    const e = failure(() => volatilityOfWindow(column(values), 21, 252));
    expect(e.cell).toBe("'Prices'!B12");
    expect(e.message).toBe(`'Prices'!B12: prices at row 10, column 1 ("n/a") must be a number, not text`);
  });

  it("text above the window does not matter (the formula's range starts below it)", () => {
    const values: RawCell[] = ["n/a", ...HULL];
    expect(volatilityOfWindow(column(values), 21, 252).volatility).toBe(historicalVolatility(HULL));
    expect(failure(() => volatilityOfWindow(column(values), "all", 252)).cell).toBe("'Prices'!B2");
  });

  it.each([
    ["zero", 0, "(0) must be > 0"],
    ["a negative price", -1.5, "(-1.5) must be > 0"],
  ])("%s: the cell, and the core's message naming the price's position", (_, bad, words) => {
    // a blank before it: the core counts prices, the pane names the cell
    const values: RawCell[] = [20, "", 20.1, 19.9, bad, 20.5];
    const e = failure(() => volatilityOfWindow(column(values), "all", 252));
    expect(e.cell).toBe("'Prices'!B6");
    expect(e.message).toBe(`'Prices'!B6: prices[4] ${words}`);
  });

  it("TRUE/FALSE and an error value are not prices", () => {
    expect(failure(() => volatilityOfWindow(column([1, 2, true, 3]), "all", 252)).message).toBe("'Prices'!B4: prices at row 3, column 1 (true) must be a number, not TRUE/FALSE");
    expect(failure(() => volatilityOfWindow(column([1, 2, "#N/A", 3]), "all", 252)).message).toBe(`'Prices'!B4: prices at row 3, column 1 ("#N/A") must be a number, not text`);
  });

  it("a date in the column of prices (a serial number the sheet formats as a date) is named, not taken for a price", () => {
    const values: RawCell[] = [1.2, 1.3, ymdToSerial(2003, 6, 20), 1.25];
    const formats = ["0.00", "0.00", "m/d/yyyy", "0.00"];
    const e = failure(() => volatilityOfWindow(column(values, { formats }), "all", 252));
    expect(e.cell).toBe("'Prices'!B4");
    expect(e.message).toContain("holds a date");
    // the dates column chosen as prices: the first date
    const dates = [ymdToSerial(2003, 6, 18), ymdToSerial(2003, 6, 19), ymdToSerial(2003, 6, 20)];
    expect(failure(() => volatilityOfWindow(column(dates, { formats: ["yyyy-mm-dd", "yyyy-mm-dd", "yyyy-mm-dd"] }), "all", 252)).cell).toBe("'Prices'!B2");
    // dates as text (a CSV pasted as text): the function's message for text
    expect(failure(() => volatilityOfWindow(column(["2003-06-18", "2003-06-19", "2003-06-20"]), "all", 252)).message).toContain("must be a number, not text");
  });

  it("a window longer than the data says how many there are", () => {
    expect(failure(() => volatilityOfWindow(column(HULL), 63, 252)).message).toBe(
      "The last 63 prices were asked for, but 'Prices'!B2:B22 holds 21 cells that are not blank: choose a shorter window, or all prices.",
    );
  });

  it("too few prices, a column of blanks, no rows", () => {
    expect(failure(() => volatilityOfWindow(column([1.2, "", 1.3]), "all", 252)).message).toBe(
      "'Prices'!$B$2:$B$4: prices holds 2 prices: a volatility needs at least 3 (2 returns for a sample standard deviation)",
    );
    expect(failure(() => volatilityOfWindow(column(["", null, " "]), "all", 252)).message).toContain("holds no closing prices under its header ('Prices'!B2:B4 is blank)");
    expect(failure(() => volatilityOfWindow(column([]), 21, 252)).message).toContain("no rows");
  });

  it("the dates beside the window are shown, its first and last", () => {
    const labels = HULL.map((_, i) => `2003-06-${String(i + 1).padStart(2, "0")}`);
    const w = volatilityOfWindow(column(HULL, { labels, labelHeader: "Date" }), "all", 252);
    expect([w.labelHeader, w.firstLabel, w.lastLabel]).toEqual(["Date", "2003-06-01", "2003-06-21"]);
  });

  it("constant prices: volatility 0", () => {
    const w = volatilityOfWindow(column([2, 2, 2, 2]), "all", 252);
    expect(w.volatility).toBe(0);
    expect(w.text).toBe("0");
  });
});

describe("addresses, formats and guesses", () => {
  it("a sheet name with an apostrophe or spaces is quoted as a formula writes it", () => {
    expect(absoluteAddress("Bob's prices", 27, 2, 300)).toBe("'Bob''s prices'!$AB$2:$AB$300");
    expect(historicalVolatilityFormula("'Bob''s prices'!$AB$2:$AB$300", 252)).toBe("=OPTEX.HISTORICAL_VOLATILITY('Bob''s prices'!$AB$2:$AB$300)");
  });

  it.each([
    ["General", false],
    ["0.00", false],
    ["$#,##0.00_);($#,##0.00)", false],
    ['0.00" d"', false],
    ["@", false],
    ["yyyy-mm-dd", true],
    ["m/d/yyyy", true],
    ["[$-409]d-mmm-yy;@", true],
    ["h:mm:ss", true],
  ])("isDateFormat(%j) = %s", (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });

  it("the prices' column and the dates' column are found by their headers", () => {
    expect(guessPriceColumn(["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"])).toBe(5);
    expect(guessPriceColumn(["Date", "Close (synthetic)", "Note"])).toBe(1);
    expect(guessPriceColumn(["Day", "Last price"])).toBe(1);
    expect(guessPriceColumn(["Grant Number", "Shares"])).toBeUndefined();
    expect(guessPriceColumn(["Grant Number", "Exercise Price", "Strike price", "Grant price"])).toBeUndefined();
    // a ledger with an exercise price is not a source of closing prices; a sheet with a Close column is
    const ledger = { name: "Option Ledger", headers: ["Grant Number", "Exercise Price"] };
    const prices = { name: "Prices", headers: ["Date", "Close (synthetic)"] };
    const quotes = { name: "Quotes", headers: ["Day", "Price"] };
    expect(guessPriceSource([ledger, quotes, prices])).toBe(prices);
    expect(guessPriceSource([ledger, quotes])).toBe(quotes);
    expect(guessPriceSource([ledger])).toBeUndefined();
    expect(guessDateColumn(["Date", "Close"], 1)).toBe(0);
    expect(guessDateColumn(["Close"], 0)).toBeUndefined();
  });

  it("the form's text of a volatility is exactly the number, never an exponent", () => {
    for (const v of [0.1, 1.14257755, 1e-7, 0.30000000000000004, 2 / 3]) {
      const t = volatilityText(v);
      expect(Number(t)).toBe(v);
      expect(t).toMatch(/^\d+(\.\d+)?$/);
    }
  });
});

describe("the link the worksheets keep", () => {
  const w = volatilityOfWindow(column(HULL), 21, 252);
  const link = linkOf(w, column(HULL));

  it("gives the formula while the form's volatility is the prices', and nothing once another is typed", () => {
    expect(linkedFormula(link, w.text)).toBe("=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$22)");
    expect(linkedFormula(link, ` ${w.text} `)).toBe(w.formula);
    expect(linkedFormula(link, "0.9")).toBeUndefined();
    expect(linkedFormula(undefined, w.text)).toBeUndefined();
  });

  it("the reducer: using the prices fills the form; typing another volatility drops the link; settings bring it back only with its value", () => {
    let state = reducer(initialState(emptyForm()), { type: "volatilityFromPrices", link });
    expect(state.form.volatility).toBe(w.text);
    expect(state.volatilityLink).toEqual(link);
    state = reducer(state, { type: "formChanged", name: "riskFreeRate", value: "0.03" });
    expect(state.volatilityLink).toEqual(link);
    state = reducer(state, { type: "formChanged", name: "volatility", value: "0.9" });
    expect(state.volatilityLink).toBeUndefined();
    const reopened = reducer(initialState(emptyForm()), { type: "formLoaded", form: { ...emptyForm(), volatility: w.text }, volatilityLink: link });
    expect(reopened.volatilityLink).toEqual(link);
    const edited = reducer(initialState(emptyForm()), { type: "formLoaded", form: { ...emptyForm(), volatility: "0.5" }, volatilityLink: link });
    expect(edited.volatilityLink).toBeUndefined();
  });

  it("a saved link is read back only when it is one", () => {
    expect(parseLink(JSON.parse(JSON.stringify(link)))).toEqual(link);
    expect(parseLink(undefined)).toBeUndefined();
    expect(parseLink({ ...link, address: "B2:B22" })).toBeUndefined();
    expect(parseLink({ ...link, address: "'Prices'!$B$2:$B$22)+EVIL(" })).toBeUndefined();
    expect(parseLink({ ...link, window: -3 })).toBeUndefined();
    expect(parseLink({ ...link, source: null })).toBeUndefined();
  });
});

describe("the preview workbook's synthetic Prices sheet, through the in-memory gateway", () => {
  function preview(): MemoryWorkbookGateway {
    const gateway = new MemoryWorkbookGateway();
    const sheet = previewPricesSheet();
    gateway.addSheet(PREVIEW_PRICES_SHEET, sheet.rows, sheet.columnFormats);
    return gateway;
  }

  it("253 weekday closes ending at the example's $1.27 on its valuation date, labelled synthetic", () => {
    const { dates, closes } = previewPrices();
    expect(closes).toHaveLength(PREVIEW_PRICES_COUNT);
    expect(closes[closes.length - 1]).toBe(PREVIEW_LAST_CLOSE);
    expect(dates[dates.length - 1]).toBe(PREVIEW_LAST_DATE);
    expect(Math.min(...closes)).toBeGreaterThan(0);
    expect(previewPricesSheet().rows[0]).toEqual(["Date", "Close (synthetic)", "Note"]);
    expect(String(previewPricesSheet().rows[1][2])).toMatch(/^SYNTHETIC/);
    // deterministic
    expect(previewPrices()).toEqual(previewPrices());
  });

  it("lists the sheet's columns, reads the prices and the dates beside them", async () => {
    const gateway = preview();
    const [source] = await gateway.listPriceSources();
    expect(source).toEqual({ kind: "sheet", name: "Prices", sheet: "Prices", headerRow: 0, firstRow: 1, rows: 253, firstColumn: 0, headers: ["Date", "Close (synthetic)", "Note"] });
    const prices = await readPriceColumn((r) => gateway.readRange(r), source, guessPriceColumn(source.headers)!);
    const w = volatilityOfWindow(prices, 252, 252);
    expect(w.volatility).toBe(historicalVolatility(previewPrices().closes.slice(-252)));
    expect(w.formula).toBe("=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$3:$B$254)");
    expect([w.labelHeader, w.lastLabel]).toEqual(["Date", "2003-06-23"]);
    // the dates column chosen as the prices: refused as dates
    const dates = await readPriceColumn((r) => gateway.readRange(r), source, 0);
    expect(failure(() => volatilityOfWindow(dates, 21, 252)).message).toContain("holds a date");
  });

  it("a table's column: the table's data rows only, on its own sheet", async () => {
    const gateway = new MemoryWorkbookGateway();
    gateway.addSheet("Market", [["Notes"], [], ["Day", "Close"], [1, 20], [2, 20.1], [3, 19.9], [4, 20], ["Total", null]]);
    gateway.addTable("Closes", "Market", "A3:B7");
    const sources = await gateway.listPriceSources();
    const table = sources.find((s) => s.kind === "table")!;
    expect(table).toEqual({ kind: "table", name: "Closes", sheet: "Market", headerRow: 2, firstRow: 3, rows: 4, firstColumn: 0, headers: ["Day", "Close"] });
    const w = volatilityOfWindow(await readPriceColumn((r) => gateway.readRange(r), table, 1), "all", 252);
    expect(w.address).toBe("'Market'!$B$4:$B$7");
    expect(w.volatility).toBe(historicalVolatility([20, 20.1, 19.9, 20]));
  });
});
