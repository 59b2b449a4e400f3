/**
 * What a table is: its canonical columns, the export headers each answers to, the kind of value
 * each holds, and the rules a row must follow. The grant ledger is one schema (LEDGER_SCHEMA in
 * src/core/ledger/columns.ts); an elections log, an employee roster or a price history are others,
 * read by the same {@link TableReader}.
 *
 * Value kinds and how they are read (the grammar is src/core/tables/values.ts):
 * - `text`: trimmed text; `intern` keeps each distinct value once (for repeated text: a plan, an
 *   option type), `unique` rejects a row that repeats an earlier row's value (a grant id);
 * - `integer`: a whole, non-negative count (shares): `1000`, `1,000`, `1,000.00`;
 * - `money`: a non-negative US dollar amount: `2.5`, `$2.50`, `$1,026,013.25`;
 * - `date`: a day, as an Excel serial (`2003-06-23`, `6/23/2003`, `23-Jun-03`, a serial);
 * - `datetime`: a day and a time of day (`2003-06-23 14:30`, `6/23/2003 2:30 PM`, `...T14:30Z`);
 * - `enum`: one value of a vocabulary, each with its spellings ({@link enumeration}); an open
 *   vocabulary keeps any other text as a value of its own, a closed one rejects it.
 */

import type { RawCell } from "./values";

/** A vocabulary: how a cell's text becomes one of its values. */
export interface Enumeration {
  /** The canonical values (for messages). */
  readonly values: readonly string[];
  /** True when any other text is a value of its own (folded), false when it is an error. */
  readonly open: boolean;
  /**
   * The value a text (trimmed, not blank) stands for; undefined when a closed vocabulary does not
   * have it. Must be idempotent: normalize(normalize(t)) === normalize(t).
   */
  normalize(text: string): string | undefined;
}

/** How texts are compared by default: lower-cased, runs of spaces, underscores, hyphens and dots as one space. */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.]+/g, " ").trim();
}

/**
 * A vocabulary from each canonical value's spellings (the value itself always matches).
 * @param other what an unknown text (folded) becomes; absent = the vocabulary is closed
 * @example enumeration({ accept: ["Accepted", "Yes"], reject: ["Rejected", "No"] }).normalize("YES") === "accept"
 */
export function enumeration(
  vocabulary: Readonly<Record<string, readonly string[]>>,
  options: { fold?: (text: string) => string; other?: (folded: string) => string } = {},
): Enumeration {
  const fold = options.fold ?? foldText;
  const other = options.other;
  const aliases = new Map<string, string>();
  for (const value of Object.keys(vocabulary)) {
    const key = fold(value);
    if (!aliases.has(key)) aliases.set(key, value);
    for (const alias of vocabulary[value]) {
      const k = fold(alias);
      if (!aliases.has(k)) aliases.set(k, value);
    }
  }
  return {
    values: Object.keys(vocabulary),
    open: other !== undefined,
    normalize(text: string): string | undefined {
      const folded = fold(text);
      const known = aliases.get(folded);
      if (known !== undefined) return known;
      return other === undefined ? undefined : other(folded);
    },
  };
}

interface ColumnBase<C extends string> {
  /** Canonical name ("grant_id"): the key of the mapping, of `--map` and of row errors. */
  name: C;
  /** Its name in messages ("grant id"). */
  label: string;
  /** Export headers that mean this column (compared as {@link normalizeHeader} does); the name always matches. */
  aliases?: readonly string[];
  /** The header must have it and every row a value ("grant id is missing"). */
  required?: boolean;
}

/** One canonical column. */
export type ColumnSpec<C extends string = string> = ColumnBase<C> &
  (
    | {
        kind: "text";
        /** Keep each distinct value once (codes + dictionary) rather than one string a row. */
        intern?: boolean;
        /** Upper-case the text (an option type: "iso" -> "ISO"). */
        upperCase?: boolean;
        /** A row that repeats an earlier row's value is rejected (the first is kept). */
        unique?: boolean;
      }
    | {
        kind: "integer" | "money";
        /** The value must be > 0 ("exercise price 0 must be > 0"). */
        positive?: boolean;
      }
    | { kind: "date" | "datetime" }
    | { kind: "enum"; enumeration: Enumeration }
  );

/** The kinds of value a column can hold. */
export type ValueKind = ColumnSpec["kind"];

/**
 * What a row rule sees of the row being read: its values by column position (see
 * {@link RowRuleFactory}), before it is stored. Numbers and dates are NaN when blank or unreadable.
 */
export interface RowContext {
  readonly line: number;
  /** The value of a number, date or date-time column: NaN when blank or unreadable. */
  number(column: number): number;
  /** True when the column's cell was read without error and is blank. */
  blank(column: number): boolean;
  /**
   * The column's cell as typed (a file's text, a worksheet's value), undefined when the column is not
   * mapped: for a rule that must know what was written (a date with no time from one at midnight, an
   * enumeration's text, a serial's decimals).
   */
  cell(column: number): RawCell;
  /** Sets a number, date or date-time column's value (e.g. a defaulted date). */
  setNumber(column: number, value: number): void;
  /** Sets one of the schema's flags for this row. */
  setFlag(flag: number): void;
  /** Rejects the row, naming the column (messages are kept in the order given). */
  fail(column: number, message: string): void;
}

/** Checks one row after its cells are read (only when the cells it needs were readable: see `number`). */
export type RowRule = (row: RowContext) => void;

/**
 * Builds a schema's row rule once per reader, given each column's position and each flag's index
 * (so the rule looks nothing up by name per row).
 */
export type RowRuleFactory<C extends string> = (at: { column(name: C): number; flag(name: string): number }) => RowRule;

/** A table kind: canonical columns, flags set by the row rule, and the row rule. */
export interface TableSchema<C extends string = string> {
  /** "ledger", "price history": for messages. */
  name: string;
  /** The canonical columns, in the order they are listed (mapping reports, the pane's editor). */
  columns: readonly ColumnSpec<C>[];
  /** The order cells are read and checked in, so a row's errors come in this order (default: `columns`). */
  readOrder?: readonly C[];
  /** Per-row 0/1 values the row rule sets (stored as Uint8Array columns). */
  flags?: readonly string[];
  /** Rules between a row's values (dates in order, a defaulted value). */
  rowRule?: RowRuleFactory<C>;
}

/** The names of a schema's columns, in order. */
export function columnNames<C extends string>(schema: TableSchema<C>): C[] {
  return schema.columns.map((c) => c.name);
}

/** The form a header is compared in: case, spaces, underscores, hyphens, dots and slashes aside. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./]+/g, " ")
    .replace(/[^a-z0-9# ]/g, "")
    .trim();
}
