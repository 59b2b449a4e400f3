/**
 * Option ledger import: rows of cells (from a CSV file or a worksheet) -> grants, with a row-level
 * error for every record that cannot be used. Rows in = accepted + rejected, always; one bad row never
 * stops the rest.
 */
import { addMonthsClamped, MAX_SERIAL, serialToIso } from "../dates/serial";
import { Column, ColumnMapping, MappingConflict, MappingOverrides, missingRequired, parseMapChoices, resolveMapping } from "./columns";
import { normalizeCountry, normalizeHolderClass, RawCell, Read, readDate, readPrice, readShares, readText } from "./values";

/** One option grant, as imported. Dates are Excel serials. */
export interface Grant {
  /** Line in the file (header = line 1) or row in the worksheet. */
  line: number;
  grantId: string;
  holderId: string;
  holderName: string;
  /** Lower-cased canonical class (employee, officer, executive, director, consultant) or the text as given. */
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

/** How a file's bytes were read (absent for worksheet ranges and text handed in as text). */
export interface LedgerSource {
  /** "UTF-8", "UTF-16LE (byte order mark)", "Windows-1252 (not UTF-8: ...)" or "text". */
  encoding: string;
  /** "," "\t" ";" or "|". */
  delimiter?: string;
  /** "LF", "CRLF", "CR" or a mix such as "CRLF+LF". */
  lineBreaks?: string;
}

/** The import's outcome. */
export interface LedgerResult {
  headers: string[];
  /** The mapping used (a column in conflict is left out until the user chooses). */
  mapping: ColumnMapping;
  /** Columns two or more headers fit: import stops until the user chooses. */
  conflicts: MappingConflict[];
  /** Headers that map to no column (their values are not read). */
  unmapped: string[];
  grants: Grant[];
  errors: RowError[];
  /** Records read (blank lines skipped); rows = accepted + rejected. */
  rows: number;
  accepted: number;
  rejected: number;
  source?: LedgerSource;
  /** The header's line (file) or row (worksheet). */
  headerLine: number;
  /** Set when reading stopped before the end of the input (the counts cover what was read). */
  stopped?: string;
}

/** Whether the header could be mapped (every required column, no conflict): otherwise nothing is valued. */
export function mappingReady(result: LedgerResult): boolean {
  return result.headers.length > 0 && result.conflicts.length === 0 && !result.errors.some((e) => e.row === result.headerLine);
}

/** A record with the line it started on. */
export interface SourceRow {
  line: number;
  cells: RawCell[];
}

/** How to map a header: the pane's whole mapping, or `--map` choices over the detected one. */
export interface LedgerReadOptions {
  /** The whole mapping, as the user set it in the pane (nothing is detected). */
  mapping?: ColumnMapping;
  /** Choices for some columns (`--map`); the others are detected. */
  overrides?: MappingOverrides;
  /** `--map` choices as typed ("column=Header", "column=#3", "column="), checked against the header. */
  choices?: readonly string[];
}

export function isBlankRow(cells: readonly RawCell[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && String(c).trim() !== "") return false;
  return true;
}

/**
 * A copy of a text that does not keep the block it was cut from alive: V8 cuts substrings of 13 or
 * more characters as views into their parent, so 1,000 grants' names would hold every block of a file.
 * Concatenation then slicing makes a flat copy.
 */
function own(text: string): string {
  return text.length >= 13 ? (text + " ").slice(0, -1) : text;
}

const LABELS: Record<Column, string> = {
  grant_id: "grant id",
  holder_id: "holder id",
  holder_name: "holder name",
  holder_class: "holder class",
  country: "country",
  plan: "plan",
  grant_date: "grant date",
  expiration_date: "expiration date",
  exercise_price: "exercise price",
  shares_outstanding: "shares outstanding",
  option_type: "option type",
  termination_date: "termination date",
};

/**
 * Validates records one at a time against a header's mapping, so a large file can be read in chunks
 * without holding all its rows.
 */
export class LedgerReader {
  private readonly result: LedgerResult;
  private readonly map: ColumnMapping;
  private readonly ready: boolean;
  private readonly seen = new Map<string, number>();

  /**
   * @param header the header row's cells
   * @param options the user's mapping or choices (default: detected)
   * @param headerLine the header's line or worksheet row
   * @param fieldCount check that every record has as many fields as the header (CSV)
   */
  constructor(
    header: readonly RawCell[],
    options: LedgerReadOptions = {},
    headerLine = 1,
    private readonly fieldCount = false,
  ) {
    const headers = header.map((h) => readText(h));
    const chosen = options.choices ? parseMapChoices(options.choices, headers) : { overrides: {}, errors: [] };
    const overrides = { ...options.overrides, ...chosen.overrides };
    const resolution = options.mapping ? resolveMapping(headers, options.mapping, true) : resolveMapping(headers, overrides);
    this.map = resolution.mapping;
    this.result = {
      headers,
      mapping: this.map,
      conflicts: resolution.conflicts,
      unmapped: resolution.unmapped.map((i) => headers[i] || `(column ${i + 1})`),
      grants: [],
      errors: [],
      rows: 0,
      accepted: 0,
      rejected: 0,
      headerLine,
    };
    for (const message of chosen.errors) this.result.errors.push({ row: headerLine, column: "", message });
    const show = (i: number) => `${JSON.stringify(headers[i])} (#${i + 1})`;
    for (const c of resolution.conflicts) {
      this.result.errors.push({
        row: headerLine,
        column: c.column,
        message:
          `${c.headers.length} columns fit ${c.column}: ${c.headers.map(show).join(" and ")}; choose one ` +
          `(optex value --map ${c.column}=#${c.headers[0] + 1}${c.headers.slice(1).map((i) => ` or =#${i + 1}`).join("")}, or the pane's column mapping): nothing is read until you do`,
      });
    }
    for (const column of missingRequired(this.map)) {
      if (resolution.conflicts.some((c) => c.column === column)) continue;
      this.result.errors.push({ row: headerLine, column, message: `required column ${column} is not in the header: map it to one of the file's columns` });
    }
    this.ready = this.result.errors.length === 0;
  }

  private at(cells: readonly RawCell[], column: Column): RawCell {
    const i = this.map[column];
    return i === undefined ? undefined : cells[i];
  }

  /** Counts a record that could not even be split into cells (e.g. one too long to keep). */
  reject(line: number, message: string): void {
    this.result.rows++;
    this.result.rejected++;
    this.result.errors.push({ row: line, column: "", message });
  }

  /**
   * Reads one record (blank records are skipped and not counted). `problem` rejects it outright (a
   * CSV quoting error, a NUL character).
   */
  add(line: number, cells: readonly RawCell[], problem?: string): void {
    if (isBlankRow(cells)) return;
    const result = this.result;
    result.rows++;
    if (problem !== undefined) {
      result.rejected++;
      result.errors.push({ row: line, column: "", message: problem });
      return;
    }
    if (!this.ready) {
      result.rejected++;
      return;
    }
    if (this.fieldCount && cells.length !== result.headers.length) {
      result.rejected++;
      const more = cells.length > result.headers.length;
      result.errors.push({
        row: line,
        column: "",
        message: `has ${cells.length} fields; the header has ${result.headers.length}${more ? " (an unquoted comma inside a value, such as 1,000?)" : ""}: the row is not read`,
      });
      return;
    }
    const errors: RowError[] = [];
    const fail = (column: Column, message: string) => errors.push({ row: line, column, message });
    const read = <T>(column: Column, reader: (cell: RawCell) => Read<T>, required: boolean): T | undefined => {
      const r = reader(this.at(cells, column));
      if (!r.ok) fail(column, `${LABELS[column]} ${r.reason}`);
      else if (r.value === undefined && required) fail(column, `${LABELS[column]} is missing`);
      return r.ok ? r.value : undefined;
    };

    const grantId = readText(this.at(cells, "grant_id"));
    if (grantId === "") fail("grant_id", "grant id is missing");
    const grantDate = read("grant_date", readDate, true);
    const price = read("exercise_price", readPrice, true);
    if (price !== undefined && !(price > 0)) fail("exercise_price", `exercise price ${price} must be > 0`);
    const shares = read("shares_outstanding", readShares, true);
    const expiration = readDate(this.at(cells, "expiration_date"));
    if (!expiration.ok) fail("expiration_date", `expiration date ${expiration.reason}`);
    const termination = read("termination_date", readDate, false);

    let expirationDate = expiration.ok ? expiration.value : undefined;
    const expirationAssumed = expiration.ok && expiration.value === undefined;
    if (grantDate !== undefined) {
      if (expirationAssumed) {
        if (grantDate > TEN_YEARS_BEFORE_MAX) {
          fail("expiration_date", `expiration date is blank and 10 years after the grant date (${serialToIso(grantDate)}) is past 9999-12-31`);
        } else expirationDate = addMonthsClamped(grantDate, 120);
      }
      if (expirationDate !== undefined && expirationDate < grantDate) {
        fail("expiration_date", `expiration date (${serialToIso(expirationDate)}) precedes the grant date (${serialToIso(grantDate)})`);
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
    const id = own(grantId);
    this.seen.set(id, line);
    result.accepted++;
    result.grants.push({
      line,
      grantId: id,
      holderId: own(readText(this.at(cells, "holder_id"))),
      holderName: own(readText(this.at(cells, "holder_name"))),
      holderClass: normalizeHolderClass(this.at(cells, "holder_class")),
      country: normalizeCountry(this.at(cells, "country")),
      plan: own(readText(this.at(cells, "plan"))),
      grantDate: grantDate as number,
      expirationDate: expirationDate as number,
      expirationAssumed,
      exercisePrice: price as number,
      sharesOutstanding: shares as number,
      optionType: own(readText(this.at(cells, "option_type")).toUpperCase()),
      terminationDate: termination,
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

/** The last grant date whose 10-year expiration Excel can hold: 9989-12-31 (3,652 days before 9999-12-31). */
const TEN_YEARS_BEFORE_MAX = MAX_SERIAL - 3652;

/**
 * Validates records against a header's mapping (detected, or the user's).
 * @param header the header row's cells (line `headerLine`)
 * @param records the data rows, each with its line number
 */
export function readLedger(header: readonly RawCell[], records: Iterable<SourceRow>, options: LedgerReadOptions = {}, headerLine = 1): LedgerResult {
  const reader = new LedgerReader(header, options, headerLine);
  for (const { line, cells } of records) reader.add(line, cells);
  return reader.finish();
}
