/**
 * Preview mode's "Prices" sheet: 253 SYNTHETIC daily closing prices ending on the Capstone example's
 * valuation date (Monday, June 23, 2003) at its $1.27 stock price, so "From closing prices…" can be
 * tried without Excel. They are made up here, deterministically (a fixed-seed generator, log returns
 * of about 114% a year, Capstone's volatility in the example's offer, rounded to the cent), and are
 * NOT Capstone's market prices. Only the preview workbook gets them (src/taskpane/index.tsx);
 * nothing here is ever written to a real workbook.
 */
import { RawCell } from "../../core/ledger/values";
import { weekday, ymdToSerial } from "../../core/dates/serial";

export const PREVIEW_PRICES_SHEET = "Prices";
export const PREVIEW_PRICES_COUNT = 253;
/** The last close: the example's stock price on its valuation date. */
export const PREVIEW_LAST_CLOSE = 1.27;
/** The last date: the example's valuation date (an Excel serial). */
export const PREVIEW_LAST_DATE = ymdToSerial(2003, 6, 23);
export const PREVIEW_PRICES_NOTE = "SYNTHETIC closes made up for trying the pane (weekdays, fixed seed): not Capstone's market prices.";

/** A fixed-seed generator (Park-Miller) of standard normal draws (Box-Muller). */
function normals(seed: number): () => number {
  let s = seed;
  const uniform = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** The synthetic closes, oldest first, with their dates (weekdays, as Excel serials), ending at $1.27 on 2003-06-23. */
export function previewPrices(): { dates: number[]; closes: number[] } {
  const n = PREVIEW_PRICES_COUNT;
  const draw = normals(20030623);
  const dailySigma = 1.14 / Math.sqrt(252);
  // the path is built backwards from the last close, so it ends exactly at the example's price
  const path = new Array<number>(n);
  path[n - 1] = PREVIEW_LAST_CLOSE;
  for (let i = n - 1; i > 0; i--) path[i - 1] = path[i] * Math.exp(-dailySigma * draw());
  const closes = path.map((p) => Math.max(0.01, Math.round(p * 100) / 100));
  const dates = new Array<number>(n);
  let day = PREVIEW_LAST_DATE;
  for (let i = n - 1; i >= 0; i--) {
    while (weekday(day) === 0 || weekday(day) === 6) day--;
    dates[i] = day--;
  }
  return { dates, closes };
}

/** The sheet's rows: Date, Close (synthetic), Note; the note in the first data row. */
export function previewPricesSheet(): { rows: RawCell[][]; columnFormats: Record<number, string> } {
  const { dates, closes } = previewPrices();
  const rows: RawCell[][] = [["Date", "Close (synthetic)", "Note"]];
  dates.forEach((d, i) => rows.push([d, closes[i], i === 0 ? PREVIEW_PRICES_NOTE : null]));
  return { rows, columnFormats: { 0: "yyyy-mm-dd" } };
}
