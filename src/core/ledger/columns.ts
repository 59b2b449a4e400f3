/**
 * The ledger's canonical columns and the export headers that map to them.
 *
 * Headers match case-insensitively, with spaces, underscores, hyphens, dots and slashes treated alike
 * ("Grant Number", "grant_number", "GRANT-NUMBER" are one header).
 */

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

/** The form a header is compared in. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./]+/g, " ")
    .replace(/[^a-z0-9# ]/g, "")
    .trim();
}

const LOOKUP: Map<string, Column> = (() => {
  const map = new Map<string, Column>();
  for (const column of COLUMNS) {
    map.set(normalizeHeader(column), column);
    for (const alias of COLUMN_ALIASES[column]) {
      const key = normalizeHeader(alias);
      if (!map.has(key)) map.set(key, column);
    }
  }
  return map;
})();

/** Column index (into the header row) for each canonical column that was found. */
export type ColumnMapping = Partial<Record<Column, number>>;

/**
 * Maps a header row to the canonical columns: the first header matching a column wins.
 * @example detectMapping(["Grant Number", "Exercise Price"]) -> { grant_id: 0, exercise_price: 1 }
 */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const column = LOOKUP.get(normalizeHeader(String(header ?? "")));
    if (column && mapping[column] === undefined) mapping[column] = index;
  });
  return mapping;
}

/** Required columns the mapping lacks. */
export function missingRequired(mapping: ColumnMapping): Column[] {
  return REQUIRED_COLUMNS.filter((c) => mapping[c] === undefined);
}
