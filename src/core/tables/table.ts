/**
 * A table's accepted rows, stored by column: numbers in Float64Array, dates in Int32Array, repeated
 * text interned (a code per row into a dictionary of distinct values), other text as strings. One
 * million rows take a few typed arrays, not a million objects.
 */
import { ColumnSpec, TableSchema } from "./schema";

/**
 * Text stored one value a row, packed: the values of 4,096 rows are one string and their ends an
 * Int32Array, so a million grant ids are a few hundred strings for the collector, not a million.
 */
export class TextColumn {
  /** Rows per packed chunk. */
  static readonly CHUNK = 4096;
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  private ends = new Int32Array(TextColumn.CHUNK);
  private count = 0;

  /** Values stored. */
  get length(): number {
    return this.count;
  }

  /** Appends a value. */
  push(text: string): void {
    const i = this.count;
    if (i === this.ends.length) {
      const ends = new Int32Array(i * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[i] = ((i & (TextColumn.CHUNK - 1)) === 0 ? 0 : this.ends[i - 1]) + text.length;
    this.pending.push(text);
    this.count = i + 1;
    if (this.pending.length === TextColumn.CHUNK) this.seal();
  }

  /** Packs the pending values into one string (their texts are copied: no block of a file stays alive). */
  seal(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.pending.length === 1 ? (this.pending[0] + " ").slice(0, -1) : this.pending.join(""));
    this.pending = [];
  }

  /** Row i's text ("" for a blank). */
  get(i: number): string {
    const c = i >>> 12;
    const start = (i & (TextColumn.CHUNK - 1)) === 0 ? 0 : this.ends[i - 1];
    if (c < this.chunks.length) return this.chunks[c].substring(start, this.ends[i]);
    return this.pending[i & (TextColumn.CHUNK - 1)];
  }

  /** Every value, in order. */
  toArray(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.get(i);
    return out;
  }

  /**
   * The values as codes into a dictionary of distinct values (code 0 is ""), for grouping rows by
   * value with integer keys (a holder's grants): only rows with `include[i]` set when given (the
   * others get code 0).
   * @example ledger.table.holderId.intern(valuation.eligible).codes
   */
  intern(include?: ArrayLike<number>): InternedColumn {
    const codes = new Uint32Array(this.count);
    const index = new Map<string, number>([["", 0]]);
    const values = [""];
    for (let i = 0; i < this.count; i++) {
      if (include && !include[i]) continue;
      const text = this.get(i);
      let code = index.get(text);
      if (code === undefined) {
        code = values.length;
        values.push(text);
        index.set(text, code);
      }
      codes[i] = code;
    }
    return { codes, values };
  }

  /** A column of these values. */
  static from(values: readonly string[]): TextColumn {
    const column = new TextColumn();
    for (const v of values) column.push(v);
    column.seal();
    return column;
  }
}

/** Text kept once per distinct value: `values[codes[i]]` is row i's text; code 0 is always "" (blank). */
export interface InternedColumn {
  readonly codes: Uint32Array;
  readonly values: readonly string[];
}

/** One column's storage. Blank is "" (text), code 0 (interned), NaN (numbers) or 0 (dates: serials start at 1). */
export type TableColumn =
  | { readonly kind: "text"; readonly values: TextColumn }
  | ({ readonly kind: "interned" } & InternedColumn)
  | { readonly kind: "numbers"; readonly values: Float64Array }
  | { readonly kind: "dates"; readonly values: Int32Array }
  | {
      readonly kind: "datetimes";
      /** Excel serials with the time of day as a fraction, as written (not converted to UTC). */
      readonly values: Float64Array;
      /** The UTC offset written with the time, in minutes; NaN when none was written. */
      readonly offsetMinutes: Float64Array;
    };

/** The storage kind of a column spec. */
export function storageKind(spec: ColumnSpec): TableColumn["kind"] {
  switch (spec.kind) {
    case "text":
      return spec.intern ? "interned" : "text";
    case "enum":
      return "interned";
    case "integer":
    case "money":
      return "numbers";
    case "date":
      return "dates";
    case "datetime":
      return "datetimes";
  }
}

/** One row as values by column name: text, a number (dates as serials), or undefined when blank. */
export type TableRow<C extends string> = { line: number } & Partial<Record<C, string | number>>;

/** A table's accepted rows by column (see the module comment). */
export class Table<C extends string = string> {
  constructor(
    readonly schema: TableSchema<C>,
    /** Rows stored. */
    readonly length: number,
    /** Each row's line in the file (header = line 1) or row in the worksheet. */
    readonly line: Int32Array,
    readonly columns: Readonly<Record<C, TableColumn>>,
    /** The schema's flags, 0 or 1 a row. */
    readonly flags: Readonly<Record<string, Uint8Array>>,
  ) {}

  private column<K extends TableColumn["kind"]>(name: C, kind: K): Extract<TableColumn, { kind: K }> {
    const c = this.columns[name];
    if (!c || c.kind !== kind) throw new Error(`column ${name} is ${c ? c.kind : "not in the schema"}, not ${kind}`);
    return c as Extract<TableColumn, { kind: K }>;
  }

  /** A text column stored one value a row (packed). */
  text(name: C): TextColumn {
    return this.column(name, "text").values;
  }

  /** An interned text or enumeration column. */
  interned(name: C): InternedColumn {
    return this.column(name, "interned");
  }

  /** An integer or money column (NaN = blank). */
  numbers(name: C): Float64Array {
    return this.column(name, "numbers").values;
  }

  /** A date column as Excel serials (0 = blank). */
  dates(name: C): Int32Array {
    return this.column(name, "dates").values;
  }

  /** A date-time column (serials with fractions; NaN = blank) and the offsets written. */
  datetimes(name: C): { values: Float64Array; offsetMinutes: Float64Array } {
    return this.column(name, "datetimes");
  }

  /** A flag set by the schema's row rule. */
  flag(name: string): Uint8Array {
    const f = this.flags[name];
    if (!f) throw new Error(`${name} is not a flag of ${this.schema.name}`);
    return f;
  }

  /** Row i's value in a column: text, a number (a date as its serial), or undefined when blank. */
  value(name: C, i: number): string | number | undefined {
    const c = this.columns[name];
    switch (c.kind) {
      case "text": {
        const v = c.values.get(i);
        return v === "" ? undefined : v;
      }
      case "interned":
        return c.codes[i] === 0 ? undefined : c.values[c.codes[i]];
      case "numbers":
      case "datetimes": {
        const v = c.values[i];
        return v === v ? v : undefined;
      }
      case "dates":
        return c.values[i] === 0 ? undefined : c.values[i];
    }
  }

  /** Row i as an object (for tests and small tables; loops should read the columns). */
  row(i: number): TableRow<C> {
    const out = { line: this.line[i] } as TableRow<C>;
    for (const spec of this.schema.columns) {
      const v = this.value(spec.name, i);
      if (v !== undefined) out[spec.name] = v as TableRow<C>[C];
    }
    return out;
  }
}
