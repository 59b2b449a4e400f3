/**
 * The offer's volatility from closing prices in the workbook (issue 10): a column of a table or a
 * worksheet, a window of its last N prices, and OPTEX.HISTORICAL_VOLATILITY over exactly that
 * window's cells, evaluated through the function registry, so the pane's figure and message are
 * the ones the Assumptions sheet's live formula will show for the same range. Pure: no React, no
 * Office here (the cells come from the WorkbookGateway).
 *
 * The window is the last N non-blank cells of the column (blanks are skipped, as the function skips
 * them), from the first of them to the last: its absolute A1 address is the formula's range. Every
 * non-blank cell inside it must be a closing price: text, TRUE/FALSE, an error value, a number the
 * worksheet formats as a date, zero or a negative number is an error naming the cell.
 */
import Decimal from "decimal.js";
import { RawCell } from "../../core/ledger/values";
import { evaluate } from "../../functions/registry";
import { columnLetter } from "../workbook/model";
import { PriceSource, RangeCells, RangeRequest, VolatilityLinkSettings } from "../workbook/gateway";

/** The windows offered: the last N prices (a month, a quarter, half a year, a year of trading days), or all. */
export const PRICE_WINDOWS: readonly (number | "all")[] = [21, 63, 126, 252, "all"];

/** Closing prices a year: daily, weekly, monthly. */
export const PERIODS_PER_YEAR: readonly { value: number; label: string }[] = [
  { value: 252, label: "252 (daily)" },
  { value: 52, label: "52 (weekly)" },
  { value: 12, label: "12 (monthly)" },
];

/** The window's words: "last 252 prices", "all prices". */
export function windowWords(window: number | "all"): string {
  return window === "all" ? "all prices" : `last ${window} prices`;
}

/** One column of closing prices as read from the workbook, with the dates beside them when there are any. */
export interface PriceColumn {
  /** The table or sheet it belongs to, and the column's header. */
  source: { kind: "table" | "sheet"; name: string; column: string };
  /** The worksheet, the 0-based column index, and the 0-based row index of the first cell. */
  sheet: string;
  column: number;
  row: number;
  /** The column's cells (Excel's values: a date is its serial number, a blank ""). */
  values: RawCell[];
  /** The number format of each cell, where the workbook has them, and the text the worksheet shows for each. */
  formats?: string[];
  shown?: string[];
  /** The text of the dates column beside it, row for row, and that column's header, when the source has one. */
  labels?: string[];
  labelHeader?: string;
}

/** The volatility of a window of closing prices, and where the window is. */
export interface VolatilityWindow {
  volatility: number;
  /** The volatility as the form's decimal text (reads back as exactly this number). */
  text: string;
  /** The prices of the window, oldest first (blanks left out). */
  prices: number[];
  /** The window's first and last rows on the worksheet (1-based). */
  firstRow: number;
  lastRow: number;
  /** The window's range, absolute A1 with its sheet: 'Prices'!$B$3:$B$254. */
  address: string;
  /** The live formula for the Assumptions sheet's Volatility cell. */
  formula: string;
  /** The dates of the window's first and last prices, when the source has a dates column. */
  firstLabel?: string;
  lastLabel?: string;
  labelHeader?: string;
  window: number | "all";
  periodsPerYear: number;
}

/** A window that cannot be computed, with the message that says why (naming the cell at fault). */
export class VolatilityError extends Error {
  constructor(
    message: string,
    /** The cell at fault ('Prices'!B17), when one is. */
    readonly cell?: string,
  ) {
    super(message);
    this.name = "VolatilityError";
  }
}

/** A sheet's name as a formula writes it: quoted, an apostrophe doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "'Prices'!B17" for a 0-based column and a 1-based row. */
export function cellRef(sheet: string, column: number, row: number): string {
  return `${quoteSheet(sheet)}!${columnLetter(column)}${row}`;
}

/** The window's range, absolute: 'Prices'!$B$3:$B$254. */
export function absoluteAddress(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const c = columnLetter(column);
  return `${quoteSheet(sheet)}!$${c}$${firstRow}:$${c}$${lastRow}`;
}

/** =OPTEX.HISTORICAL_VOLATILITY(range) (with periods_per_year when it is not the default 252). */
export function historicalVolatilityFormula(address: string, periodsPerYear: number): string {
  return `=OPTEX.HISTORICAL_VOLATILITY(${address}${periodsPerYear === 252 ? "" : `,${periodsPerYear}`})`;
}

/** A blank cell as the function reads one: nothing, "" or spaces only. */
function isBlank(cell: RawCell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/**
 * A number format that shows a date or a time: a day, month, year, hour or second code outside
 * quoted text, escaped characters and [bracketed] parts ("yyyy-mm-dd", "m/d/yyyy", "[$-409]d-mmm").
 * "General", "0.00", "$#,##0.00" are not.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/_./g, "").replace(/\[[^\]]*\]/g, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare);
}

/** The form's decimal text of a volatility: exactly the number (no exponent, as the offer's reader wants). */
export function volatilityText(volatility: number): string {
  return new Decimal(volatility).toFixed();
}

/**
 * HISTORICAL_VOLATILITY of the last `window` prices of a column (or all of them), `periodsPerYear`
 * a year. Throws {@link VolatilityError} naming the cell at fault: the function's own message
 * (the boundary's for text in the range, the core's for a price not > 0) after the cell's address.
 */
export function volatilityOfWindow(column: PriceColumn, window: number | "all", periodsPerYear: number): VolatilityWindow {
  const { sheet, values } = column;
  const rowOf = (i: number) => column.row + i + 1; // the worksheet's row number of values[i]
  const at = (i: number) => cellRef(sheet, column.column, rowOf(i));
  const whole = `${quoteSheet(sheet)}!${columnLetter(column.column)}${rowOf(0)}:${columnLetter(column.column)}${rowOf(Math.max(0, values.length - 1))}`;
  const filled: number[] = [];
  for (let i = 0; i < values.length; i++) if (!isBlank(values[i])) filled.push(i);
  if (filled.length === 0) {
    throw new VolatilityError(`The column ${column.source.column || columnLetter(column.column)} of ${column.source.name} holds no closing prices under its header (${values.length === 0 ? "no rows" : `${whole} is blank`}).`);
  }
  if (window !== "all" && filled.length < window) {
    throw new VolatilityError(
      `The ${windowWords(window)} were asked for, but ${whole} holds ${filled.length.toLocaleString("en-US")} ${filled.length === 1 ? "cell" : "cells"} that are not blank: choose a shorter window, or all prices.`,
    );
  }
  const start = window === "all" ? filled[0] : filled[filled.length - window];
  const end = filled[filled.length - 1];

  // a number the worksheet shows as a date is a date (Excel gives dates as serial numbers), never a price
  for (let i = start; i <= end; i++) {
    if (typeof values[i] === "number" && isDateFormat(column.formats?.[i])) {
      const date = column.shown?.[i] || `${values[i]} formatted ${JSON.stringify(column.formats?.[i])}`;
      throw new VolatilityError(`${at(i)}: holds a date (${date}), not a closing price: choose the column of closing prices.`, at(i));
    }
  }

  // exactly what the live formula will evaluate: the window's cells, through the function registry
  const cells = values.slice(start, end + 1).map((v) => [v === undefined ? null : v]);
  const outcome = evaluate("HISTORICAL_VOLATILITY", [cells, periodsPerYear]);
  const address = absoluteAddress(sheet, column.column, rowOf(start), rowOf(end));
  if ("error" in outcome) {
    const bad = badCell(values, start, end, outcome.key, outcome.field);
    if (bad !== undefined) throw new VolatilityError(`${at(bad)}: ${outcome.message}`, at(bad));
    throw new VolatilityError(`${address}: ${outcome.message}`);
  }
  const volatility = outcome.value as number;
  const prices: number[] = [];
  for (let i = start; i <= end; i++) if (typeof values[i] === "number") prices.push(values[i] as number);
  return {
    volatility,
    text: volatilityText(volatility),
    prices,
    firstRow: rowOf(start),
    lastRow: rowOf(end),
    address,
    formula: historicalVolatilityFormula(address, periodsPerYear),
    firstLabel: column.labels?.[start] || undefined,
    lastLabel: column.labels?.[end] || undefined,
    labelHeader: column.labels ? column.labelHeader : undefined,
    window,
    periodsPerYear,
  };
}

/**
 * The index of the cell an error of the function concerns: the first cell of the window that is
 * neither blank nor a finite number (the boundary reads the range in order), or the window's k-th
 * price for the core's `prices[k]` (blanks skipped, as the core numbers them).
 */
function badCell(values: readonly RawCell[], start: number, end: number, key: string, field: string | undefined): number | undefined {
  if (key === "rangeCellNotNumber" || key === "rangeCellNotFinite") {
    for (let i = start; i <= end; i++) {
      const v = values[i];
      if (!isBlank(v) && !(typeof v === "number" && Number.isFinite(v))) return i;
    }
    return undefined;
  }
  const k = field === undefined ? undefined : /^prices\[(\d+)\]$/.exec(field)?.[1];
  if (k === undefined) return undefined;
  let seen = 0;
  for (let i = start; i <= end; i++) {
    if (isBlank(values[i])) continue;
    if (++seen === Number(k)) return i;
  }
  return undefined;
}

// --- choosing the column -------------------------------------------------------------------------------

/** Headers of closing prices, best first: an adjusted close, a close, a price or last (never an exercise, strike or grant price). */
const PRICE_HEADERS = [/adj(usted)?\.?\s*clos/i, /clos/i, /^(?!.*(exercise|strike|grant|option)).*(price|last)/i];

/** A column that holds closing prices, by its header: an adjusted close, a close, a price; else none. */
export function guessPriceColumn(headers: readonly string[]): number | undefined {
  for (const pattern of PRICE_HEADERS) {
    const i = headers.findIndex((h) => pattern.test(h) && !/date/i.test(h));
    if (i >= 0) return i;
  }
  return undefined;
}

/** The source whose columns look most like closing prices (a close before a mere price), or none. */
export function guessPriceSource<S extends { headers: readonly string[] }>(sources: readonly S[]): S | undefined {
  for (const pattern of PRICE_HEADERS) {
    const found = sources.find((s) => s.headers.some((h) => pattern.test(h) && !/date/i.test(h)));
    if (found) return found;
  }
  return undefined;
}

/** A column of dates beside the prices, by its header ("Date", "Trade day", "As of"), other than the prices' own. */
export function guessDateColumn(headers: readonly string[], priceIndex: number): number | undefined {
  const i = headers.findIndex((h, k) => k !== priceIndex && /date|day|as of|period|month|week/i.test(h));
  return i >= 0 ? i : undefined;
}

/** A price column read from a source: its cells, formats and (when there is one) the dates column's text. */
export function priceColumnOf(source: PriceSource, index: number, prices: RangeCells, dates?: RangeCells, dateIndex?: number): PriceColumn {
  return {
    source: { kind: source.kind, name: source.name, column: source.headers[index] ?? "" },
    sheet: source.sheet,
    column: source.firstColumn + index,
    row: source.firstRow,
    values: prices.values.map((r) => r[0]),
    formats: prices.numberFormats?.map((r) => r[0]),
    shown: prices.text.map((r) => r[0]),
    labels: dates?.text.map((r) => r[0]),
    labelHeader: dates && dateIndex !== undefined ? source.headers[dateIndex] : undefined,
  };
}

// --- the link the Assumptions sheet keeps ----------------------------------------------------------------

/** The saved link of a computed window: what "Create worksheets" needs, and the pane's words. */
export function linkOf(w: VolatilityWindow, column: PriceColumn): VolatilityLinkSettings {
  return { address: w.address, periodsPerYear: w.periodsPerYear, window: w.window, value: w.text, source: { ...column.source } };
}

/** The live formula for the Volatility cell, while the form's volatility is still the one the prices gave. */
export function linkedFormula(link: VolatilityLinkSettings | undefined, volatility: string | undefined): string | undefined {
  if (!link || (volatility ?? "").trim() !== link.value) return undefined;
  return historicalVolatilityFormula(link.address, link.periodsPerYear);
}

/** A saved link that reads as one (settings come from the document: anything else is dropped). */
export function parseLink(raw: unknown): VolatilityLinkSettings | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const l = raw as Partial<VolatilityLinkSettings>;
  const ok =
    typeof l.address === "string" &&
    /^'(?:[^']|'')+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/.test(l.address) &&
    typeof l.periodsPerYear === "number" &&
    l.periodsPerYear > 0 &&
    (l.window === "all" || (typeof l.window === "number" && Number.isInteger(l.window) && l.window > 0)) &&
    typeof l.value === "string" &&
    typeof l.source === "object" &&
    l.source !== null &&
    (l.source.kind === "table" || l.source.kind === "sheet") &&
    typeof l.source.name === "string" &&
    typeof l.source.column === "string";
  return ok ? (l as VolatilityLinkSettings) : undefined;
}

/**
 * Reads a source's price column (its data rows) and, when the source has one, the dates column
 * beside it, through the gateway's `readRange`.
 */
export async function readPriceColumn(readRange: (request: RangeRequest) => Promise<RangeCells>, source: PriceSource, index: number): Promise<PriceColumn> {
  const block = (column: number) => readRange({ sheet: source.sheet, row: source.firstRow, column: source.firstColumn + column, rows: source.rows, columns: 1 });
  const dateIndex = guessDateColumn(source.headers, index);
  const prices = await block(index);
  const dates = dateIndex === undefined ? undefined : await block(dateIndex);
  return priceColumnOf(source, index, prices, dates, dateIndex);
}
