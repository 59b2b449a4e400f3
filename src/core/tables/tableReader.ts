/**
 * Reading a table: rows of cells (from a CSV file or a worksheet) -> columns, with a row-level error
 * for every record that cannot be used. Rows in = accepted + rejected, always; one bad row never
 * stops the rest. The header is mapped to the schema's columns (conflicts stop the import until
 * the user chooses), each mapped cell is read by its column's kind, then the schema's row rule and
 * unique columns are checked, and an accepted row is appended to the columns.
 */
import { cellText, dateOrNaN, isBlankText, priceOrNaN, quoteTyped, RawCell, readDate, readDateTime, readPrice, readShares, sharesOrNaN } from "./values";
import { missingRequiredIn, parseTableMapChoices, resolveTableMapping, TableMapping, TableMappingConflict, TableMappingOverrides } from "./mapping";
import { ColumnSpec, Enumeration, RowContext, RowRule, TableSchema } from "./schema";
import { hashText, RowIndex } from "./stringIndex";
import { InternedColumn, Table, TableColumn, TextColumn } from "./table";

/** Why a record was rejected. */
export interface TableRowError<C extends string = string> {
  /** Line in the file (header = line 1), or worksheet row. */
  row: number;
  /** The column at fault, "" for the record as a whole. */
  column: C | "";
  message: string;
  /**
   * What kind of header problem it is, for a door to add its own words (the CLI names `--map`, the
   * pane its mapping editor): a column two headers fit, a mapping choice that does not read, a
   * required column missing. Row errors have none.
   */
  key?: "mappingConflict" | "mapChoice" | "requiredColumn" | "dateOrder";
}

/** How a file's bytes were read (absent for worksheet ranges and text handed in as text). */
export interface TableSource {
  /** "UTF-8", "UTF-16LE (byte order mark)", "Windows-1252 (not UTF-8: ...)" or "text". */
  encoding: string;
  /** "," "\t" ";" or "|". */
  delimiter?: string;
  /** "LF", "CRLF", "CR" or a mix such as "CRLF+LF". */
  lineBreaks?: string;
}

/** What every read of a table reports, whatever its rows become. */
export interface TableOutcome<C extends string = string> {
  headers: string[];
  /** The mapping used (a column in conflict is left out until the user chooses). */
  mapping: TableMapping<C>;
  /** Columns two or more headers fit: reading stops until the user chooses. */
  conflicts: TableMappingConflict<C>[];
  /** Headers that map to no column (their values are not read). */
  unmapped: string[];
  errors: TableRowError<C>[];
  /** Records read (blank lines skipped); rows = accepted + rejected. */
  rows: number;
  accepted: number;
  rejected: number;
  source?: TableSource;
  /** The header's line (file) or row (worksheet). */
  headerLine: number;
  /** Set when reading stopped before the end of the input (the counts cover what was read). */
  stopped?: string;
}

/** A table read: the outcome and the accepted rows by column. */
export interface TableResult<C extends string = string> extends TableOutcome<C> {
  table: Table<C>;
}

/** How to map a header: the pane's whole mapping, or `--map` choices over the detected one. */
export interface TableReadOptions<C extends string = string> {
  /** The whole mapping, as the user set it in the pane (nothing is detected). */
  mapping?: TableMapping<C>;
  /** Choices for some columns; the others are detected. */
  overrides?: TableMappingOverrides<C>;
  /** `--map` choices as typed ("column=Header", "column=#3", "column="), checked against the header. */
  choices?: readonly string[];
}

/** Where records go: a reader, fed one record at a time. */
export interface RowSink<R> {
  /** Reads one record (`problem` rejects it outright: a CSV quoting error, a NUL character). */
  add(line: number, cells: readonly RawCell[], problem?: string): void;
  /** Counts a record that could not even be split into cells (e.g. one too long to keep). */
  reject(line: number, message: string): void;
  /** The file's delimiter, once known (a semicolon file may write decimal commas). */
  delimiter?(delimiter: string): void;
  /** The outcome. */
  finish(): R;
}

/** True when every cell is blank (empty or spaces). */
export function isBlankRow(cells: readonly RawCell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined) continue;
    if (typeof c === "string") {
      if (c.length > 0 && c.charCodeAt(0) > 32) return false;
      if (!isBlankText(c)) return false;
    } else if (String(c).trim() !== "") return false;
  }
  return true;
}

/**
 * A copy of a text that does not keep the block it was cut from alive: V8 cuts substrings of 13 or
 * more characters as views into their parent, so 1,000 rows' names would hold every block of a file.
 * Concatenation then slicing makes a flat copy.
 */
export function ownText(text: string): string {
  return text.length >= 13 ? (text + " ").slice(0, -1) : text;
}

/** True when `t` starts and ends with a printable ASCII character (so trimming changes nothing). */
function isTrimmedAscii(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  const a = t.charCodeAt(0);
  const z = t.charCodeAt(n - 1);
  return a > 32 && a < 127 && z > 32 && z < 127;
}

// How a column is read (per position in the read order).
const TEXT = 0;
const INTERNED = 1;
const MONEY = 2;
const INTEGER = 3;
const DATE = 4;
const DATETIME = 5;

/**
 * A growing dictionary for an interned column: code 0 is "". Cells are looked up as typed (one
 * look-up per row); a spelling not seen before is normalized. With `sameIndex` (text columns, whose
 * normalization, trimming and upper-casing, is idempotent) canonical values share the spellings'
 * index; an enumeration's values get their own.
 */
class Dictionary {
  private raw: Map<string, number> | undefined = new Map();
  private byValue: Map<string, number> | undefined;
  readonly values: string[] = [""];
  private lastKey = "";
  private lastCode = 0;

  constructor(
    private readonly normalize: (text: string) => string | undefined,
    sameIndex: boolean,
  ) {
    this.raw!.set("", 0);
    this.byValue = sameIndex ? this.raw : new Map();
    this.byValue!.set("", 0);
  }

  /** The code of a cell, -1 when a closed vocabulary does not have it. */
  code(cell: RawCell): number {
    if (cell === null || cell === undefined) return 0;
    const key = typeof cell === "string" ? cell : String(cell);
    // runs of one value (a plan, a class) skip the look-up
    if (key === this.lastKey) return this.lastCode;
    const code = (this.raw as Map<string, number>).get(key) ?? this.learn(key);
    this.lastKey = key;
    this.lastCode = code;
    return code;
  }

  /** A spelling not seen before. */
  private learn(key: string): number {
    const raw = this.raw as Map<string, number>;
    const text = key.trim();
    if (text === "") {
      raw.set(ownText(key), 0);
      return 0;
    }
    const value = this.normalize(text);
    if (value === undefined) return -1;
    const byValue = this.byValue as Map<string, number>;
    let code = byValue.get(value) ?? -1;
    if (code < 0) {
      code = this.values.length;
      const owned = ownText(value);
      this.values.push(owned);
      byValue.set(owned, code);
    }
    raw.set(value === key ? (this.values[code] as string) : ownText(key), code);
    return code;
  }

  /** Drops the look-up tables (reading is over). */
  release(): void {
    this.raw = undefined;
    this.byValue = undefined;
  }
}

/** The label a closed vocabulary's error uses. */
function notOneOf(e: Enumeration, typed: string): string {
  return `${quoteTyped(typed)} is not one of ${e.values.join(", ")}`;
}

/** The values of the row being read (by read position), and what the schema's row rule sees of them. */
class RowState<C extends string> implements RowContext {
  line = 0;
  readonly num: Float64Array;
  /** A date-time's written UTC offset (NaN: none). */
  readonly offset: Float64Array;
  readonly str: string[];
  readonly code: Uint32Array;
  /** 0 = a value, 1 = read and blank, 2 = unreadable. */
  readonly state: Uint8Array;
  readonly flagValues: Uint8Array;
  /** This row's errors so far. */
  readonly pending: TableRowError<C>[] = [];
  /** The record being read, and each read position's index into it (-1: not mapped). */
  cells: readonly RawCell[] = [];
  cellIndex: Int32Array = new Int32Array(0);

  constructor(
    private readonly specs: readonly ColumnSpec<C>[],
    flags: number,
  ) {
    const n = specs.length;
    this.num = new Float64Array(n);
    this.offset = new Float64Array(n);
    this.str = new Array<string>(n).fill("");
    this.code = new Uint32Array(n);
    this.state = new Uint8Array(n);
    this.flagValues = new Uint8Array(flags);
  }

  number(p: number): number {
    return this.num[p];
  }

  blank(p: number): boolean {
    return this.state[p] === 1;
  }

  cell(p: number): RawCell {
    const i = this.cellIndex[p];
    return i < 0 ? undefined : this.cells[i];
  }

  setNumber(p: number, value: number): void {
    this.num[p] = value;
    this.state[p] = value === value ? 0 : 1;
  }

  setFlag(f: number): void {
    this.flagValues[f] = 1;
  }

  fail(p: number, message: string): void {
    this.pending.push({ row: this.line, column: this.specs[p].name, message });
  }
}

/**
 * Reads records one at a time against a header's mapping and a schema, so a large file can be read
 * in pieces without holding its rows: accepted rows go straight into typed-array columns.
 */
export class TableReader<C extends string> implements RowSink<TableResult<C>> {
  /** The file is semicolon-separated: a comma in a number may be a decimal comma. */
  private commaAmbiguous = false;
  /** Per date column (by position): slash dates that prove day-first order, and those read M/D that could be D/M. */
  private readonly dateOrder = new Map<number, { dayFirst?: { line: number; text: string }; ambiguous: number; example?: { line: number; text: string } }>();
  private readonly outcome: TableOutcome<C>;
  private readonly ready: boolean;
  private readonly fieldCount: boolean;
  /** Per position (read order): the spec, the cell index (-1 = unmapped) and how it is read. */
  private readonly specs: ColumnSpec<C>[];
  private readonly cellIndex: Int32Array;
  private readonly how: Uint8Array;
  private readonly required: Uint8Array;
  private readonly positive: Uint8Array;
  private readonly upper: Uint8Array;
  private readonly labels: string[];
  private readonly dictionaries: (Dictionary | undefined)[];
  private readonly enumerations: (Enumeration | undefined)[];
  private readonly uniques: number[];
  private readonly seen: (RowIndex | undefined)[];
  /** The hash of the row's text in each unique column (added to the index when the row is stored). */
  private readonly uniqueHash: Int32Array;
  private readonly rule?: RowRule;
  private readonly flagNames: readonly string[];

  /** The row being read. */
  private readonly row: RowState<C>;

  // storage
  private length = 0;
  private capacity = 0;
  private lines = new Int32Array(0);
  private readonly f64: (Float64Array | undefined)[];
  private readonly f64b: (Float64Array | undefined)[];
  private readonly i32: (Int32Array | undefined)[];
  private readonly u32: (Uint32Array | undefined)[];
  private readonly texts: (TextColumn | undefined)[];
  private readonly flagColumns: Uint8Array[];

  /**
   * @param schema the table's columns and rules
   * @param header the header row's cells
   * @param options the user's mapping or choices (default: detected)
   * @param headerLine the header's line or worksheet row
   * @param fieldCount check that every record has as many fields as the header (CSV)
   */
  constructor(
    readonly schema: TableSchema<C>,
    header: readonly RawCell[],
    options: TableReadOptions<C> = {},
    headerLine = 1,
    fieldCount = false,
  ) {
    this.fieldCount = fieldCount;
    const headers = header.map((h) => cellText(h));
    const chosen = options.choices ? parseTableMapChoices(schema, options.choices, headers) : { overrides: {}, errors: [] };
    const overrides: TableMappingOverrides<C> = { ...options.overrides, ...chosen.overrides };
    const resolution = options.mapping ? resolveTableMapping(schema, headers, options.mapping, true) : resolveTableMapping(schema, headers, overrides);
    const mapping = resolution.mapping;
    this.outcome = {
      headers,
      mapping,
      conflicts: resolution.conflicts,
      unmapped: resolution.unmapped.map((i) => headers[i] || `(column ${i + 1})`),
      errors: [],
      rows: 0,
      accepted: 0,
      rejected: 0,
      headerLine,
    };
    const errors = this.outcome.errors;
    for (const message of chosen.errors) errors.push({ row: headerLine, column: "", message, key: "mapChoice" });
    const show = (i: number) => `${JSON.stringify(headers[i])} (#${i + 1})`;
    for (const c of resolution.conflicts) {
      errors.push({
        row: headerLine,
        column: c.column,
        message: `${c.headers.length} columns fit ${c.column}: ${c.headers.map(show).join(" and ")}; choose one: nothing is read until you do`,
        key: "mappingConflict",
      });
    }
    for (const column of missingRequiredIn(schema, mapping)) {
      if (resolution.conflicts.some((c) => c.column === column)) continue;
      errors.push({ row: headerLine, column, message: `required column ${column} is not in the header: map it to one of the file's columns`, key: "requiredColumn" });
    }
    this.ready = errors.length === 0;

    // the read plan
    const byName = new Map(schema.columns.map((c) => [c.name, c]));
    const order = schema.readOrder ? [...schema.readOrder, ...schema.columns.map((c) => c.name).filter((n) => !schema.readOrder!.includes(n))] : schema.columns.map((c) => c.name);
    this.specs = order.map((n) => byName.get(n) as ColumnSpec<C>);
    const n = this.specs.length;
    this.cellIndex = new Int32Array(n);
    this.how = new Uint8Array(n);
    this.required = new Uint8Array(n);
    this.positive = new Uint8Array(n);
    this.upper = new Uint8Array(n);
    this.labels = [];
    this.dictionaries = [];
    this.enumerations = [];
    this.uniques = [];
    this.seen = [];
    this.f64 = [];
    this.f64b = [];
    this.i32 = [];
    this.u32 = [];
    this.texts = [];
    this.specs.forEach((spec, p) => {
      this.cellIndex[p] = mapping[spec.name] ?? -1;
      this.required[p] = spec.required ? 1 : 0;
      this.labels.push(spec.label);
      let how = TEXT;
      let dictionary: Dictionary | undefined;
      let enumeration: Enumeration | undefined;
      switch (spec.kind) {
        case "text":
          this.upper[p] = spec.upperCase ? 1 : 0;
          if (spec.intern) {
            how = INTERNED;
            dictionary = new Dictionary(spec.upperCase ? (t) => t.toUpperCase() : (t) => t, true);
          }
          if (spec.unique) {
            if (spec.intern) throw new Error(`${schema.name}: column ${spec.name} cannot be both interned and unique`);
            this.uniques.push(p);
          }
          break;
        case "enum":
          how = INTERNED;
          enumeration = spec.enumeration;
          dictionary = new Dictionary((t) => spec.enumeration.normalize(t), false);
          break;
        case "money":
        case "integer":
          how = spec.kind === "money" ? MONEY : INTEGER;
          this.positive[p] = spec.positive ? 1 : 0;
          break;
        case "date":
          how = DATE;
          break;
        case "datetime":
          how = DATETIME;
          break;
      }
      this.how[p] = how;
      this.dictionaries.push(dictionary);
      this.enumerations.push(enumeration);
      const texts = how === TEXT ? new TextColumn() : undefined;
      this.texts.push(texts);
      this.seen.push(texts && spec.kind === "text" && spec.unique ? new RowIndex((row) => texts.get(row)) : undefined);
      this.f64.push(undefined);
      this.f64b.push(undefined);
      this.i32.push(undefined);
      this.u32.push(undefined);
    });
    this.uniqueHash = new Int32Array(n);
    this.flagNames = schema.flags ?? [];
    this.row = new RowState(this.specs, this.flagNames.length);
    this.flagColumns = this.flagNames.map(() => new Uint8Array(0));
    if (schema.rowRule) {
      const positions = new Map(this.specs.map((s, p) => [s.name, p]));
      this.rule = schema.rowRule({
        column: (name) => {
          const p = positions.get(name);
          if (p === undefined) throw new Error(`${schema.name}: no column ${name}`);
          return p;
        },
        flag: (name) => {
          const f = this.flagNames.indexOf(name);
          if (f < 0) throw new Error(`${schema.name}: no flag ${name}`);
          return f;
        },
      });
    }
    this.grow(1024);
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(old: T | undefined, make: (n: number) => T): T => {
      const next = make(capacity);
      if (old) next.set(old.subarray(0, this.length));
      return next;
    };
    this.lines = copy(this.lines, (k) => new Int32Array(k));
    for (let p = 0; p < this.specs.length; p++) {
      switch (this.how[p]) {
        case INTERNED:
          this.u32[p] = copy(this.u32[p], (k) => new Uint32Array(k));
          break;
        case MONEY:
        case INTEGER:
          this.f64[p] = copy(this.f64[p], (k) => new Float64Array(k));
          break;
        case DATE:
          this.i32[p] = copy(this.i32[p], (k) => new Int32Array(k));
          break;
        case DATETIME:
          this.f64[p] = copy(this.f64[p], (k) => new Float64Array(k));
          this.f64b[p] = copy(this.f64b[p], (k) => new Float64Array(k));
          break;
      }
    }
    for (let f = 0; f < this.flagColumns.length; f++) this.flagColumns[f] = copy(this.flagColumns[f], (k) => new Uint8Array(k));
    this.capacity = capacity;
  }

  /** Records read so far. */
  get rows(): number {
    return this.outcome.rows;
  }

  /** Accepted rows so far. */
  get accepted(): number {
    return this.outcome.accepted;
  }

  /** The mapping in use. */
  get mapping(): TableMapping<C> {
    return this.outcome.mapping;
  }

  reject(line: number, message: string): void {
    this.outcome.rows++;
    this.outcome.rejected++;
    this.outcome.errors.push({ row: line, column: "", message });
  }

  /**
   * Keeps what slash dates say about a column's order: "20/7/2001" (not read: 20 is not a month) proves
   * the column day-first; "3/1/2001" (read as March 1) could be January 3 in such a column.
   */
  private noteDateOrder(p: number, line: number, text: string, read: boolean): void {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}\b/.exec(text);
    if (!m) return;
    const first = Number(m[1]);
    const second = Number(m[2]);
    let seen = this.dateOrder.get(p);
    if (!seen) this.dateOrder.set(p, (seen = { ambiguous: 0 }));
    if (read && first <= 12 && second <= 12 && first !== second) {
      seen.ambiguous++;
      seen.example ??= { line, text: text.trim() };
    } else if (!read && first > 12 && second >= 1 && second <= 12) {
      seen.dayFirst ??= { line, text: text.trim() };
    }
  }

  /** The file's delimiter: in a semicolon-separated file a comma in a number is not read. */
  delimiter(delimiter: string): void {
    this.commaAmbiguous = delimiter === ";";
  }

  /**
   * For a cell read by the grammar: true when it holds a value (the caller stores it); otherwise the
   * column is stored as blank (NaN), marked blank (1) or unreadable (2), and the row fails with the
   * reason, or with "is missing" for a required column.
   */
  private took(p: number, r: { ok: true; value: unknown } | { ok: false; reason: string }): boolean {
    if (r.ok && r.value !== undefined) return true;
    this.row.num[p] = NaN;
    if (!r.ok) {
      this.row.state[p] = 2;
      this.row.fail(p, `${this.labels[p]} ${r.reason}`);
    } else {
      this.row.state[p] = 1;
      if (this.required[p]) this.row.fail(p, `${this.labels[p]} is missing`);
    }
    return false;
  }

  add(line: number, row: readonly RawCell[], problem?: string): void {
    if (isBlankRow(row)) return;
    let cells = row;
    const outcome = this.outcome;
    outcome.rows++;
    if (problem !== undefined) {
      outcome.rejected++;
      outcome.errors.push({ row: line, column: "", message: problem });
      return;
    }
    if (!this.ready) {
      outcome.rejected++;
      return;
    }
    // extra fields that are all blank (an export padding every row with ",,,") hold nothing to misread
    if (this.fieldCount && cells.length > outcome.headers.length && isBlankRow(cells.slice(outcome.headers.length))) {
      cells = cells.slice(0, outcome.headers.length);
    }
    if (this.fieldCount && cells.length !== outcome.headers.length) {
      outcome.rejected++;
      const more = cells.length > outcome.headers.length;
      outcome.errors.push({
        row: line,
        column: "",
        message: `has ${cells.length} fields; the header has ${outcome.headers.length}${more ? " (an unquoted comma inside a value, such as 1,000?)" : ""}: the row is not read`,
      });
      return;
    }
    this.row.line = line;
    this.row.cells = cells;
    this.row.cellIndex = this.cellIndex;
    const pending = this.row.pending;
    const n = this.specs.length;
    const cellIndex = this.cellIndex;
    const how = this.how;
    const num = this.row.num;
    const state = this.row.state;
    for (let p = 0; p < n; p++) {
      const ci = cellIndex[p];
      const cell = ci < 0 ? undefined : cells[ci];
      state[p] = 0;
      switch (how[p]) {
        case TEXT: {
          // text that starts and ends with a visible ASCII character is its own trimmed form
          let t = typeof cell === "string" && isTrimmedAscii(cell) ? cell : cellText(cell);
          if (t === "") {
            state[p] = 1;
            if (this.required[p]) this.row.fail(p, `${this.labels[p]} is missing`);
          } else if (this.upper[p]) t = t.toUpperCase();
          this.row.str[p] = t;
          break;
        }
        case INTERNED: {
          const code = (this.dictionaries[p] as Dictionary).code(cell);
          if (code < 0) {
            state[p] = 2;
            this.row.fail(p, `${this.labels[p]} ${notOneOf(this.enumerations[p] as Enumeration, cellText(cell))}`);
            this.row.code[p] = 0;
          } else {
            this.row.code[p] = code;
            if (code === 0) {
              state[p] = 1;
              if (this.required[p]) this.row.fail(p, `${this.labels[p]} is missing`);
            }
          }
          break;
        }
        case MONEY:
        case INTEGER:
        case DATE: {
          const h = how[p];
          if (cell === "" || cell === undefined) {
            // blank (an optional column's usual value), read without the grammar
            num[p] = NaN;
            state[p] = 1;
            if (this.required[p]) this.row.fail(p, `${this.labels[p]} is missing`);
            break;
          }
          if (this.commaAmbiguous && h !== DATE && typeof cell === "string" && cell.indexOf(",") >= 0) {
            // in a semicolon-separated file "4,375" may be 4.375 written the European way
            num[p] = NaN;
            state[p] = 2;
            this.row.fail(p, `${this.labels[p]} ${quoteTyped(cell)} has a comma in a semicolon-separated file, where it may be a decimal comma: write it without separators (4.375 or 4375)`);
            break;
          }
          if (typeof cell === "string") {
            // the common case, allocating nothing: a plain valid value
            const v = h === MONEY ? priceOrNaN(cell) : h === INTEGER ? sharesOrNaN(cell) : dateOrNaN(cell);
            if (v === v) {
              num[p] = v;
              if (this.positive[p] && !(v > 0)) this.row.fail(p, `${this.labels[p]} ${v} must be > 0`);
              if (h === DATE && cell.indexOf("/") >= 0) this.noteDateOrder(p, line, cell, true);
              break;
            }
          }
          const r = h === MONEY ? readPrice(cell) : h === INTEGER ? readShares(cell) : readDate(cell);
          const read = this.took(p, r);
          if (read) {
            const v = (r as { value: number }).value;
            num[p] = v;
            if (this.positive[p] && !(v > 0)) this.row.fail(p, `${this.labels[p]} ${v} must be > 0`);
          }
          if (h === DATE && typeof cell === "string" && cell.indexOf("/") >= 0) this.noteDateOrder(p, line, cell, read);
          break;
        }
        case DATETIME: {
          const r = readDateTime(cell);
          this.row.offset[p] = NaN;
          if (this.took(p, r)) {
            const value = (r as { value: { serial: number; offsetMinutes?: number } }).value;
            num[p] = value.serial;
            if (value.offsetMinutes !== undefined) this.row.offset[p] = value.offsetMinutes;
          }
          break;
        }
      }
    }
    const flags = this.row.flagValues;
    if (flags.length > 0) flags.fill(0);
    if (this.rule) this.rule(this.row);
    if (pending.length === 0 && this.uniques.length > 0) this.checkUnique();
    if (pending.length > 0) {
      outcome.rejected++;
      for (const e of pending) outcome.errors.push(e);
      pending.length = 0;
      return;
    }
    this.store(line);
  }

  /** Rejects a row that repeats an earlier row's value in a unique column. */
  private checkUnique(): void {
    for (const p of this.uniques) {
      const t = this.row.str[p];
      if (t === "") continue;
      const hash = (this.uniqueHash[p] = hashText(t));
      const first = (this.seen[p] as RowIndex).find(t, hash);
      if (first >= 0) this.row.fail(p, `${this.labels[p]} ${t} repeats the record on line ${this.lines[first]} (the first is kept)`);
    }
  }

  private store(line: number): void {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    const i = this.length;
    this.lines[i] = line;
    const n = this.specs.length;
    for (let p = 0; p < n; p++) {
      switch (this.how[p]) {
        case TEXT: {
          const t = this.row.str[p];
          (this.texts[p] as TextColumn).push(t);
          const seen = this.seen[p];
          if (seen !== undefined && t !== "") seen.add(i, this.uniqueHash[p]);
          break;
        }
        case INTERNED:
          (this.u32[p] as Uint32Array)[i] = this.row.code[p];
          break;
        case MONEY:
        case INTEGER:
          (this.f64[p] as Float64Array)[i] = this.row.num[p];
          break;
        case DATE: {
          const v = this.row.num[p];
          (this.i32[p] as Int32Array)[i] = v === v ? v : 0;
          break;
        }
        case DATETIME:
          (this.f64[p] as Float64Array)[i] = this.row.num[p];
          (this.f64b[p] as Float64Array)[i] = this.row.offset[p];
          break;
      }
    }
    for (let f = 0; f < this.flagColumns.length; f++) this.flagColumns[f][i] = this.row.flagValues[f];
    this.length = i + 1;
    this.outcome.accepted++;
  }

  /** The outcome (errors in line order) and the columns; the reader is done. */
  finish(): TableResult<C> {
    // a column whose slash dates prove day-first order cannot have its other slash dates read M/D
    for (const [p, seen] of this.dateOrder) {
      if (!seen.dayFirst || !seen.example) continue;
      const message =
        `${this.labels[p]} ${quoteTyped(seen.dayFirst.text)} on line ${seen.dayFirst.line} is written day first (D/M/YYYY), so the ` +
        `${seen.ambiguous.toLocaleString("en-US")} dates of this column read in US order (line ${seen.example.line}: ${quoteTyped(seen.example.text)}) ` +
        `may be wrong: nothing is valued until the dates are written YYYY-MM-DD`;
      this.outcome.errors.push({ row: seen.dayFirst.line, column: this.specs[p].name, message, key: "dateOrder" });
      this.outcome.stopped ??= message;
    }
    this.outcome.errors.sort((a, b) => a.row - b.row);
    const n = this.length;
    const columns = {} as Record<C, TableColumn>;
    this.specs.forEach((spec, p) => {
      switch (this.how[p]) {
        case TEXT:
          (this.texts[p] as TextColumn).seal();
          columns[spec.name] = { kind: "text", values: this.texts[p] as TextColumn };
          break;
        case INTERNED:
          columns[spec.name] = { kind: "interned", ...compact((this.u32[p] as Uint32Array).subarray(0, n), (this.dictionaries[p] as Dictionary).values) };
          (this.dictionaries[p] as Dictionary).release();
          break;
        case MONEY:
        case INTEGER:
          columns[spec.name] = { kind: "numbers", values: (this.f64[p] as Float64Array).subarray(0, n) };
          break;
        case DATE:
          columns[spec.name] = { kind: "dates", values: (this.i32[p] as Int32Array).subarray(0, n) };
          break;
        case DATETIME:
          columns[spec.name] = { kind: "datetimes", values: (this.f64[p] as Float64Array).subarray(0, n), offsetMinutes: (this.f64b[p] as Float64Array).subarray(0, n) };
          break;
      }
      this.seen[p] = undefined;
    });
    // columns in the schema's order
    const ordered = {} as Record<C, TableColumn>;
    for (const spec of this.schema.columns) ordered[spec.name] = columns[spec.name];
    const flags: Record<string, Uint8Array> = {};
    this.flagNames.forEach((name, f) => (flags[name] = this.flagColumns[f].subarray(0, n)));
    const table = new Table(this.schema, n, this.lines.subarray(0, n), ordered, flags);
    return { ...this.outcome, table };
  }
}

/**
 * Drops dictionary values no stored row uses (values of rejected rows), renumbering the codes in
 * place; "" stays code 0.
 */
function compact(codes: Uint32Array, values: string[]): InternedColumn {
  const used = new Uint8Array(values.length);
  used[0] = 1;
  for (let i = 0; i < codes.length; i++) used[codes[i]] = 1;
  if (used.indexOf(0) < 0) return { codes, values };
  const renumber = new Uint32Array(values.length);
  const kept: string[] = [];
  for (let c = 0; c < values.length; c++) {
    if (!used[c]) continue;
    renumber[c] = kept.length;
    kept.push(values[c]);
  }
  for (let i = 0; i < codes.length; i++) codes[i] = renumber[codes[i]];
  return { codes, values: kept };
}

/** A record with the line it started on. */
export interface SourceRow {
  line: number;
  cells: RawCell[];
}

/**
 * Reads records (worksheet values, or rows already split) against a schema.
 * @param header the header row's cells (line `headerLine`)
 * @param records the data rows, each with its line number
 */
export function readTable<C extends string>(schema: TableSchema<C>, header: readonly RawCell[], records: Iterable<SourceRow>, options: TableReadOptions<C> = {}, headerLine = 1): TableResult<C> {
  const reader = new TableReader(schema, header, options, headerLine);
  for (const { line, cells } of records) reader.add(line, cells);
  return reader.finish();
}
