/**
 * The ledger's canonical columns, the export headers that map to them, and the ledger as a table
 * schema ({@link LEDGER_SCHEMA}): each column's kind of value and the rules between a grant's values.
 *
 * Headers match case-insensitively, with spaces, underscores, hyphens, dots and slashes treated alike
 * ("Grant Number", "grant_number", "GRANT-NUMBER" are one header).
 */
import { addMonthsClamped, MAX_SERIAL, serialToIso } from "../dates/serial";
import {
  columnForHeaderIn,
  missingRequiredIn,
  parseTableMapChoices,
  resolveTableMapping,
  TableMapping,
  TableMappingConflict,
  TableMappingOverrides,
  TableMappingResolution,
} from "../tables/mapping";
import { TableSchema } from "../tables/schema";
import { COUNTRY_VOCABULARY, HOLDER_CLASS_VOCABULARY } from "./values";

export { normalizeHeader } from "../tables/schema";

/** Canonical column names. */
export const COLUMNS = [
  "grant_id",
  "holder_id",
  "holder_name",
  "holder_class",
  "country",
  "plan",
  "grant_date",
  "expiration_date",
  "exercise_price",
  "shares_outstanding",
  "option_type",
  "termination_date",
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns a record cannot do without. */
export const REQUIRED_COLUMNS: readonly Column[] = ["grant_id", "grant_date", "exercise_price", "shares_outstanding"];

/** Common export headers for each column (the canonical name always matches too). */
export const COLUMN_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  grant_id: ["Grant Number", "Grant No", "Grant #", "Option Number", "Option No", "Grant ID", "Award ID", "Award Number"],
  holder_id: ["Employee ID", "Participant ID", "Employee Number", "Holder ID", "Optionee ID", "Personnel Number"],
  holder_name: ["Name", "Optionee", "Participant Name", "Employee Name", "Holder", "Holder Name", "Optionee Name"],
  holder_class: ["Relationship", "Employee Type", "Holder Class", "Class", "Status", "Participant Type", "Category"],
  country: ["Country", "Residence", "Country of Residence", "Work Country"],
  plan: ["Plan", "Plan Name", "Plan ID"],
  grant_date: ["Grant Date", "Date of Grant", "Award Date"],
  expiration_date: ["Expiration Date", "Expiry Date", "Expiration", "Expires", "Expire Date"],
  exercise_price: ["Exercise Price", "Option Price", "Strike Price", "Strike", "Price"],
  shares_outstanding: ["Options Outstanding", "Outstanding", "Unexercised Shares", "Shares Outstanding", "Outstanding Shares", "Shares"],
  option_type: ["Type", "ISO/NSO", "Option Type", "ISO NSO", "Grant Type"],
  termination_date: ["Termination Date", "Term Date", "Separation Date", "Termination"],
};

/** The last grant date whose 10-year expiration Excel can hold: 9989-12-31 (3,652 days before 9999-12-31). */
const TEN_YEARS_BEFORE_MAX = MAX_SERIAL - 3652;

/**
 * The grant ledger as a table: each column's kind (see src/core/tables/schema.ts) and its row rules:
 * a blank expiration is the grant date + 10 years (flagged `expiration_assumed`; past 9999-12-31 the
 * row is rejected), an expiration never precedes the grant date, an exercise price is > 0, and a
 * repeated grant id rejects the later row.
 */
export const LEDGER_SCHEMA: TableSchema<Column> = {
  name: "ledger",
  columns: [
    { name: "grant_id", label: "grant id", aliases: COLUMN_ALIASES.grant_id, kind: "text", required: true, unique: true },
    { name: "holder_id", label: "holder id", aliases: COLUMN_ALIASES.holder_id, kind: "text" },
    { name: "holder_name", label: "holder name", aliases: COLUMN_ALIASES.holder_name, kind: "text" },
    { name: "holder_class", label: "holder class", aliases: COLUMN_ALIASES.holder_class, kind: "enum", enumeration: HOLDER_CLASS_VOCABULARY },
    { name: "country", label: "country", aliases: COLUMN_ALIASES.country, kind: "enum", enumeration: COUNTRY_VOCABULARY },
    { name: "plan", label: "plan", aliases: COLUMN_ALIASES.plan, kind: "text", intern: true },
    { name: "grant_date", label: "grant date", aliases: COLUMN_ALIASES.grant_date, kind: "date", required: true },
    { name: "expiration_date", label: "expiration date", aliases: COLUMN_ALIASES.expiration_date, kind: "date" },
    { name: "exercise_price", label: "exercise price", aliases: COLUMN_ALIASES.exercise_price, kind: "money", required: true, positive: true },
    { name: "shares_outstanding", label: "shares outstanding", aliases: COLUMN_ALIASES.shares_outstanding, kind: "integer", required: true },
    { name: "option_type", label: "option type", aliases: COLUMN_ALIASES.option_type, kind: "text", intern: true, upperCase: true },
    { name: "termination_date", label: "termination date", aliases: COLUMN_ALIASES.termination_date, kind: "date" },
  ],
  readOrder: ["grant_id", "grant_date", "exercise_price", "shares_outstanding", "expiration_date", "termination_date"],
  flags: ["expiration_assumed"],
  rowRule: (at) => {
    const grantDate = at.column("grant_date");
    const expirationDate = at.column("expiration_date");
    const assumed = at.flag("expiration_assumed");
    return (row) => {
      const grant = row.number(grantDate);
      if (grant !== grant) return; // blank or unreadable: already that row's error
      if (row.blank(expirationDate)) {
        if (grant > TEN_YEARS_BEFORE_MAX) {
          row.fail(expirationDate, `expiration date is blank and 10 years after the grant date (${serialToIso(grant)}) is past 9999-12-31`);
          return;
        }
        row.setNumber(expirationDate, addMonthsClamped(grant, 120));
        row.setFlag(assumed);
      }
      const expiration = row.number(expirationDate);
      if (expiration < grant) {
        row.fail(expirationDate, `expiration date (${serialToIso(expiration)}) precedes the grant date (${serialToIso(grant)})`);
      }
    };
  },
};

/** The canonical column a header names, if any. */
export function columnForHeader(header: string): Column | undefined {
  return columnForHeaderIn(LEDGER_SCHEMA, header);
}

/** Column index (into the header row) for each canonical column that was found. */
export type ColumnMapping = TableMapping<Column>;

/** The user's choices: a header index for a column, or null for "not mapped". */
export type MappingOverrides = TableMappingOverrides<Column>;

/** Two or more headers that each fit one canonical column: the user must choose. */
export type MappingConflict = TableMappingConflict<Column>;

/** How a header row maps to the canonical columns. */
export type MappingResolution = TableMappingResolution<Column>;

/**
 * Maps a header row to the canonical columns. A column that exactly one header fits is mapped to it;
 * a column that two or more headers fit is a conflict (never "the first wins"), unless `overrides`
 * chooses. With `complete`, the overrides are the whole mapping (the pane's editor) and nothing is
 * detected.
 * @example resolveMapping(["Grant Number", "Exercise Price"]).mapping -> { grant_id: 0, exercise_price: 1 }
 */
export function resolveMapping(headers: readonly string[], overrides: MappingOverrides = {}, complete = false): MappingResolution {
  return resolveTableMapping(LEDGER_SCHEMA, headers, overrides, complete);
}

/**
 * Maps a header row to the canonical columns (see {@link resolveMapping}; conflicting columns are
 * left out).
 */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  return resolveMapping(headers).mapping;
}

/** Required columns the mapping lacks. */
export function missingRequired(mapping: ColumnMapping): Column[] {
  return missingRequiredIn(LEDGER_SCHEMA, mapping);
}

/**
 * Reads `--map` choices: "column=Header" (the header as written, case and spacing aside),
 * "column=#3" (the third column of the file) or "column=" (not mapped). Errors name the choice.
 * @example parseMapChoices(["grant_id=#2"], ["Grant Number", "Grant Number"]) -> { grant_id: 1 }
 */
export function parseMapChoices(choices: readonly string[], headers: readonly string[]): { overrides: MappingOverrides; errors: string[] } {
  return parseTableMapChoices(LEDGER_SCHEMA, choices, headers);
}
