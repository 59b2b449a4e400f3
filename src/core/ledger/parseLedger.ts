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
 * Validates records one at a time against a header's mapping (detected, or the user's fix of it),
 * so a large file can be read in chunks without holding all its rows.
 */
export class LedgerReader {
  private readonly result: LedgerResult;
  private readonly map: ColumnMapping;
  private readonly missing: Column[];
  private readonly seen = new Map<string, number>();

  constructor(header: readonly RawCell[], mapping?: ColumnMapping, headerLine = 1) {
    const headers = header.map((h) => readText(h));
    this.map = mapping ?? detectMapping(headers);
    this.missing = missingRequired(this.map);
    this.result = { headers, mapping: this.map, grants: [], errors: [], rows: 0, accepted: 0, rejected: 0 };
    for (const column of this.missing) {
      this.result.errors.push({ row: headerLine, column, message: `required column ${column} is not in the header: map it to one of the file's columns` });
    }
  }

  private at(cells: readonly RawCell[], column: Column): RawCell {
    const i = this.map[column];
    return i === undefined ? undefined : cells[i];
  }

  /** Reads one record (blank records are skipped and not counted). */
  add(line: number, cells: readonly RawCell[]): void {
    if (isBlankRow(cells)) return;
    const result = this.result;
    result.rows++;
    if (this.missing.length > 0) {
      result.rejected++;
      return;
    }
    const errors: RowError[] = [];
    const fail = (column: Column, message: string) => errors.push({ row: line, column, message });

    const grantId = readText(this.at(cells, "grant_id"));
    if (grantId === "") fail("grant_id", "grant id is missing");

    const grantDate = readDate(this.at(cells, "grant_date"));
    if (!grantDate.ok) fail("grant_date", `grant date ${grantDate.reason}`);
    else if (grantDate.value === undefined) fail("grant_date", "grant date is missing");

    const price = readNumber(this.at(cells, "exercise_price"));
    if (!price.ok) fail("exercise_price", `exercise price ${price.reason}`);
    else if (price.value === undefined) fail("exercise_price", "exercise price is missing");
    else if (!(price.value > 0)) fail("exercise_price", `exercise price ${price.value} must be > 0`);

    const shares = readShares(this.at(cells, "shares_outstanding"));
    if (!shares.ok) fail("shares_outstanding", `shares outstanding ${shares.reason}`);
    else if (shares.value === undefined) fail("shares_outstanding", "shares outstanding is missing");
    else if (shares.value < 0) fail("shares_outstanding", `shares outstanding ${shares.value} must not be negative`);

    const expiration = readDate(this.at(cells, "expiration_date"));
    if (!expiration.ok) fail("expiration_date", `expiration date ${expiration.reason}`);
    const termination = readDate(this.at(cells, "termination_date"));
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
      const first = this.seen.get(grantId);
      if (first !== undefined) fail("grant_id", `grant id ${grantId} repeats the record on line ${first} (the first is kept)`);
    }
    if (errors.length > 0) {
      result.rejected++;
      for (const e of errors) result.errors.push(e);
      return;
    }
    this.seen.set(grantId, line);
    result.accepted++;
    result.grants.push({
      line,
      grantId,
      holderId: readText(this.at(cells, "holder_id")),
      holderName: readText(this.at(cells, "holder_name")),
      holderClass: normalizeHolderClass(this.at(cells, "holder_class")),
      country: normalizeCountry(this.at(cells, "country")),
      plan: readText(this.at(cells, "plan")),
      grantDate: valueOf(grantDate) as number,
      expirationDate: expirationDate as number,
      expirationAssumed,
      exercisePrice: valueOf(price) as number,
      sharesOutstanding: valueOf(shares) as number,
      optionType: readText(this.at(cells, "option_type")).toUpperCase(),
      terminationDate: termination.ok ? termination.value : undefined,
    });
  }

  /** Records read so far. */
  get rows(): number {
    return this.result.rows;
  }

  /** The outcome (errors in line order). */
  finish(): LedgerResult {
    this.result.errors.sort((a, b) => a.row - b.row);
    return this.result;
  }
}

/**
 * Validates records against a header's mapping (detected, or the user's fix of it).
 * @param header the header row's cells (line `headerLine`)
 * @param records the data rows, each with its line number
 */
export function readLedger(header: readonly RawCell[], records: Iterable<SourceRow>, mapping?: ColumnMapping, headerLine = 1): LedgerResult {
  const reader = new LedgerReader(header, mapping, headerLine);
  for (const { line, cells } of records) reader.add(line, cells);
  return reader.finish();
}

/**
 * Feeds papaparse's chunks of a CSV text to a LedgerReader, keeping each record's line number (a
 * quoted field may hold line breaks) and papaparse's own complaints as row errors.
 */
export class CsvLedgerFeeder {
  private reader?: LedgerReader;
  private line = 1;
  private linebreak = "\n";
  private readonly parseErrors: RowError[] = [];

  constructor(private readonly mapping?: ColumnMapping) {}

  /** Reads one chunk of records. */
  feed(results: Papa.ParseResult<string[]>): void {
    if (results.meta.linebreak === "\r") this.linebreak = "\r";
    const linebreak = this.linebreak;
    const starts = new Int32Array(results.data.length);
    for (let r = 0; r < results.data.length; r++) {
      const cells = results.data[r];
      starts[r] = this.line;
      if (this.reader === undefined) {
        if (!isBlankRow(cells)) this.reader = new LedgerReader(cells, this.mapping, this.line);
      } else {
        this.reader.add(this.line, cells);
      }
      this.line++;
      for (let f = 0; f < cells.length; f++) {
        for (let i = cells[f].indexOf(linebreak); i !== -1; i = cells[f].indexOf(linebreak, i + 1)) this.line++;
      }
    }
    for (const e of results.errors) {
      const row = e.row !== undefined && e.row >= 0 && e.row < starts.length ? starts[e.row] : this.line;
      this.parseErrors.push({ row, column: "", message: `CSV: ${e.message}` });
    }
  }

  /** The outcome; a malformed quote or field count is reported against its row too. */
  finish(): LedgerResult {
    const result = (this.reader ?? new LedgerReader([], this.mapping)).finish();
    if (this.parseErrors.length > 0) {
      result.errors.push(...this.parseErrors);
      result.errors.sort((a, b) => a.row - b.row);
    }
    return result;
  }
}

/** The CSV text without a UTF-8 byte order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Imports a CSV ledger (delimiter detected, quotes, UTF-8 BOM, CRLF), reading it in chunks so that
 * only the grants, not every row's text, stay in memory.
 * @example parseCsvLedger("Grant Number,Grant Date,Exercise Price,Outstanding\nA1,2003-06-23,$2.50,\"1,000\"").accepted === 1
 */
export function parseCsvLedger(text: string, mapping?: ColumnMapping): LedgerResult {
  const feeder = new CsvLedgerFeeder(mapping);
  // papaparse streams a string in chunks too (its typings list chunk/chunkSize only for files)
  const config = { header: false, skipEmptyLines: false, chunkSize: 1 << 20, chunk: (results: Papa.ParseResult<string[]>) => feeder.feed(results) };
  Papa.parse<string[]>(withoutBom(text), config as unknown as Papa.ParseConfig<string[]>);
  return feeder.finish();
}
