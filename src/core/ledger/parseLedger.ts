/**
 * Option ledger import: rows of cells (from a CSV file or a worksheet) -> grants, with a row-level
 * error for every record that cannot be used. Rows in = accepted + rejected, always.
 */
import Papa from "papaparse";
import { addMonthsClamped } from "../dates/serial";
import { Column, ColumnMapping, detectMapping, missingRequired } from "./columns";
import { normalizeCountry, normalizeHolderClass, RawCell, Read, readDate, readNumber, readShares, readText } from "./values";

/** One option grant, as imported. Dates are Excel serials. */
export interface Grant {
  /** Line in the file (header = line 1) or row in the worksheet. */
  line: number;
  grantId: string;
  holderId: string;
  holderName: string;
  /** Lower-cased: employee, officer, director, consultant, executive, or as given. */
  holderClass: string;
  /** Upper-cased, "US" for the United States' spellings. */
  country: string;
  plan: string;
  grantDate: number;
  expirationDate: number;
  /** True when the expiration was missing and set to grant date + 10 years. */
  expirationAssumed: boolean;
  exercisePrice: number;
  sharesOutstanding: number;
  optionType: string;
  terminationDate?: number;
}

/** Why a record was rejected. */
export interface RowError {
  /** Line in the file (header = line 1), or worksheet row. */
  row: number;
  column: Column | "";
  message: string;
}

/** The import's outcome. */
export interface LedgerResult {
  headers: string[];
  mapping: ColumnMapping;
  grants: Grant[];
  errors: RowError[];
  /** Records read (blank lines skipped); rows = accepted + rejected. */
  rows: number;
  accepted: number;
  rejected: number;
}

/** A record with the line it started on. */
export interface SourceRow {
  line: number;
  cells: RawCell[];
}

const valueOf = <T>(read: Read<T>): T | undefined => (read.ok ? read.value : undefined);

function isBlankRow(cells: readonly RawCell[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && String(c).trim() !== "") return false;
  return true;
}

/**
 * Validates records against a header's mapping (detected, or the user's fix of it).
 * @param header the header row's cells (line `headerLine`)
 * @param records the data rows, each with its line number
 */
export function readLedger(header: readonly RawCell[], records: Iterable<SourceRow>, mapping?: ColumnMapping, headerLine = 1): LedgerResult {
  const headers = header.map((h) => readText(h));
  const map = mapping ?? detectMapping(headers);
  const missing = missingRequired(map);
  const result: LedgerResult = { headers, mapping: map, grants: [], errors: [], rows: 0, accepted: 0, rejected: 0 };
  if (missing.length > 0) {
    for (const record of records) if (!isBlankRow(record.cells)) result.rows++;
    result.rejected = result.rows;
    for (const column of missing) {
      result.errors.push({ row: headerLine, column, message: `required column ${column} is not in the header: map it to one of the file's columns` });
    }
    return result;
  }
  const seen = new Map<string, number>();
  const at = (cells: readonly RawCell[], column: Column): RawCell => {
    const i = map[column];
    return i === undefined ? undefined : cells[i];
  };
  for (const { line, cells } of records) {
    if (isBlankRow(cells)) continue;
    result.rows++;
    const errors: RowError[] = [];
    const fail = (column: Column, message: string) => errors.push({ row: line, column, message });

    const grantId = readText(at(cells, "grant_id"));
    if (grantId === "") fail("grant_id", "grant id is missing");

    const grantDate = readDate(at(cells, "grant_date"));
    if (!grantDate.ok) fail("grant_date", `grant date ${grantDate.reason}`);
    else if (grantDate.value === undefined) fail("grant_date", "grant date is missing");

    const price = readNumber(at(cells, "exercise_price"));
    if (!price.ok) fail("exercise_price", `exercise price ${price.reason}`);
    else if (price.value === undefined) fail("exercise_price", "exercise price is missing");
    else if (!(price.value > 0)) fail("exercise_price", `exercise price ${price.value} must be > 0`);

    const shares = readShares(at(cells, "shares_outstanding"));
    if (!shares.ok) fail("shares_outstanding", `shares outstanding ${shares.reason}`);
    else if (shares.value === undefined) fail("shares_outstanding", "shares outstanding is missing");
    else if (shares.value < 0) fail("shares_outstanding", `shares outstanding ${shares.value} must not be negative`);

    const expiration = readDate(at(cells, "expiration_date"));
    if (!expiration.ok) fail("expiration_date", `expiration date ${expiration.reason}`);
    const termination = readDate(at(cells, "termination_date"));
    if (!termination.ok) fail("termination_date", `termination date ${termination.reason}`);

    let expirationDate = expiration.ok ? expiration.value : undefined;
    const expirationAssumed = expiration.ok && expiration.value === undefined;
    if (grantDate.ok && grantDate.value !== undefined) {
      if (expirationAssumed) expirationDate = addMonthsClamped(grantDate.value, 120);
      if (expirationDate !== undefined && expirationDate < grantDate.value) {
        fail("expiration_date", "expiration date precedes the grant date");
      }
    }
    if (grantId !== "" && errors.length === 0) {
      const first = seen.get(grantId);
      if (first !== undefined) fail("grant_id", `grant id ${grantId} repeats the record on line ${first} (the first is kept)`);
    }
    if (errors.length > 0) {
      result.rejected++;
      for (const e of errors) result.errors.push(e);
      continue;
    }
    seen.set(grantId, line);
    result.accepted++;
    result.grants.push({
      line,
      grantId,
      holderId: readText(at(cells, "holder_id")),
      holderName: readText(at(cells, "holder_name")),
      holderClass: normalizeHolderClass(at(cells, "holder_class")),
      country: normalizeCountry(at(cells, "country")),
      plan: readText(at(cells, "plan")),
      grantDate: valueOf(grantDate) as number,
      expirationDate: expirationDate as number,
      expirationAssumed,
      exercisePrice: valueOf(price) as number,
      sharesOutstanding: valueOf(shares) as number,
      optionType: readText(at(cells, "option_type")).toUpperCase(),
      terminationDate: termination.ok ? termination.value : undefined,
    });
  }
  return result;
}

/** Splits CSV text into rows with the line each starts on (quoted fields may span lines). */
export function csvRows(text: string): { header: string[]; rows: SourceRow[]; parseErrors: RowError[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: SourceRow[] = [];
  const parseErrors: RowError[] = [];
  let header: string[] | undefined;
  let line = 1;
  let previousCursor = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    step: (results) => {
      const startLine = line;
      const cursor = results.meta.cursor;
      for (let i = body.indexOf("\n", previousCursor); i !== -1 && i < cursor; i = body.indexOf("\n", i + 1)) line++;
      previousCursor = cursor;
      for (const e of results.errors) {
        parseErrors.push({ row: startLine, column: "", message: `CSV: ${e.message}` });
      }
      if (header === undefined) {
        if (isBlankRow(results.data)) return;
        header = results.data;
        return;
      }
      rows.push({ line: startLine, cells: results.data });
    },
  });
  return { header: header ?? [], rows, parseErrors };
}

/**
 * Imports a CSV ledger (delimiter detected, quotes, UTF-8 BOM, CRLF).
 * @example parseCsvLedger("Grant Number,Grant Date,Exercise Price,Outstanding\nA1,2003-06-23,$2.50,\"1,000\"").accepted === 1
 */
export function parseCsvLedger(text: string, mapping?: ColumnMapping): LedgerResult {
  const { header, rows, parseErrors } = csvRows(text);
  const result = readLedger(header, rows, mapping);
  if (parseErrors.length > 0) {
    // A malformed quote or field count is reported against its row; the row is still judged on its cells.
    result.errors.push(...parseErrors);
    result.errors.sort((a, b) => a.row - b.row);
  }
  return result;
}
