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

/** The canonical column a header names, if any. */
export function columnForHeader(header: string): Column | undefined {
  return LOOKUP.get(normalizeHeader(header));
}

/** Column index (into the header row) for each canonical column that was found. */
export type ColumnMapping = Partial<Record<Column, number>>;

/** The user's choices: a header index for a column, or null for "not mapped". */
export type MappingOverrides = Partial<Record<Column, number | null>>;

/** Two or more headers that each fit one canonical column: the user must choose. */
export interface MappingConflict {
  column: Column;
  /** Indices into the header row, in file order. */
  headers: number[];
}

/** How a header row maps to the canonical columns. */
export interface MappingResolution {
  mapping: ColumnMapping;
  /** Columns two headers fit and nobody chose between: left unmapped until the user does. */
  conflicts: MappingConflict[];
  /** Header indices that map to no column (their values are not read). */
  unmapped: number[];
}

/**
 * Maps a header row to the canonical columns. A column that exactly one header fits is mapped to it;
 * a column that two or more headers fit is a conflict (never "the first wins"), unless `overrides`
 * chooses. With `complete`, the overrides are the whole mapping (the pane's editor) and nothing is
 * detected.
 * @example resolveMapping(["Grant Number", "Exercise Price"]).mapping -> { grant_id: 0, exercise_price: 1 }
 */
export function resolveMapping(headers: readonly string[], overrides: MappingOverrides = {}, complete = false): MappingResolution {
  const candidates = new Map<Column, number[]>();
  if (!complete) {
    headers.forEach((header, index) => {
      const column = columnForHeader(String(header ?? ""));
      if (column === undefined) return;
      const list = candidates.get(column);
      if (list) list.push(index);
      else candidates.set(column, [index]);
    });
  }
  const mapping: ColumnMapping = {};
  const conflicts: MappingConflict[] = [];
  for (const column of COLUMNS) {
    if (Object.prototype.hasOwnProperty.call(overrides, column)) {
      const chosen = overrides[column];
      if (chosen !== null && chosen !== undefined) mapping[column] = chosen;
      continue;
    }
    const list = candidates.get(column);
    if (!list) continue;
    if (list.length === 1) mapping[column] = list[0];
    else conflicts.push({ column, headers: list });
  }
  const used = new Set(Object.values(mapping));
  const unmapped = headers.map((_, i) => i).filter((i) => !used.has(i) && !conflicts.some((c) => c.headers.includes(i)));
  return { mapping, conflicts, unmapped };
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
  return REQUIRED_COLUMNS.filter((c) => mapping[c] === undefined);
}

/**
 * Reads `--map` choices: "column=Header" (the header as written, case and spacing aside),
 * "column=#3" (the third column of the file) or "column=" (not mapped). Errors name the choice.
 * @example parseMapChoices(["grant_id=#2"], ["Grant Number", "Grant Number"]) -> { grant_id: 1 }
 */
export function parseMapChoices(choices: readonly string[], headers: readonly string[]): { overrides: MappingOverrides; errors: string[] } {
  const overrides: MappingOverrides = {};
  const errors: string[] = [];
  for (const choice of choices) {
    const eq = choice.indexOf("=");
    const column = (eq < 0 ? choice : choice.slice(0, eq)).trim() as Column;
    if (eq < 0 || !(COLUMNS as readonly string[]).includes(column)) {
      errors.push(`--map ${JSON.stringify(choice)}: expected column=Header with column one of ${COLUMNS.join(", ")}`);
      continue;
    }
    const target = choice.slice(eq + 1).trim();
    if (target === "") {
      overrides[column] = null;
      continue;
    }
    const position = /^#(\d+)$/.exec(target);
    if (position) {
      const n = Number(position[1]);
      if (n < 1 || n > headers.length) errors.push(`--map ${JSON.stringify(choice)}: the file has columns #1 to #${headers.length}`);
      else overrides[column] = n - 1;
      continue;
    }
    const wanted = normalizeHeader(target);
    const matches = headers.map((h, i) => (normalizeHeader(String(h ?? "")) === wanted ? i : -1)).filter((i) => i >= 0);
    if (matches.length === 1) overrides[column] = matches[0];
    else if (matches.length === 0) errors.push(`--map ${JSON.stringify(choice)}: no column is headed ${JSON.stringify(target)} (headers: ${headers.map((h) => JSON.stringify(h)).join(", ")})`);
    else errors.push(`--map ${JSON.stringify(choice)}: ${matches.length} columns are headed ${JSON.stringify(target)} (#${matches.map((i) => i + 1).join(", #")}): choose one by position, e.g. ${column}=#${matches[0] + 1}`);
  }
  return { overrides, errors };
}
