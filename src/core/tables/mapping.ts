/**
 * Which header of a file feeds which canonical column of a schema: detection through the columns'
 * aliases, conflicts when two headers fit one column (never "the first wins"), and the user's
 * choices (`--map column=Header`, `--map column=#3`, `--map column=`, or the pane's editor).
 */
import { normalizeHeader, TableSchema } from "./schema";

/** Column index (into the header row) for each canonical column that was found. */
export type TableMapping<C extends string = string> = Partial<Record<C, number>>;

/** The user's choices: a header index for a column, or null for "not mapped". */
export type TableMappingOverrides<C extends string = string> = Partial<Record<C, number | null>>;

/** Two or more headers that each fit one canonical column: the user must choose. */
export interface TableMappingConflict<C extends string = string> {
  column: C;
  /** Indices into the header row, in file order. */
  headers: number[];
}

/** How a header row maps to the canonical columns. */
export interface TableMappingResolution<C extends string = string> {
  mapping: TableMapping<C>;
  /** Columns two headers fit and nobody chose between: left unmapped until the user does. */
  conflicts: TableMappingConflict<C>[];
  /** Header indices that map to no column (their values are not read). */
  unmapped: number[];
}

const lookups = new WeakMap<TableSchema<string>, Map<string, string>>();

function lookup<C extends string>(schema: TableSchema<C>): Map<string, C> {
  let map = lookups.get(schema) as Map<string, C> | undefined;
  if (!map) {
    map = new Map<string, C>();
    for (const column of schema.columns) map.set(normalizeHeader(column.name), column.name);
    for (const column of schema.columns) {
      for (const alias of column.aliases ?? []) {
        const key = normalizeHeader(alias);
        if (!map.has(key)) map.set(key, column.name);
      }
    }
    lookups.set(schema, map as Map<string, string>);
  }
  return map;
}

/** The canonical column a header names, if any. */
export function columnForHeaderIn<C extends string>(schema: TableSchema<C>, header: string): C | undefined {
  return lookup(schema).get(normalizeHeader(header));
}

/**
 * Maps a header row to a schema's columns. A column that exactly one header fits is mapped to it; a
 * column that two or more headers fit is a conflict, unless `overrides` chooses. With `complete`,
 * the overrides are the whole mapping (the pane's editor) and nothing is detected.
 * @example resolveTableMapping(LEDGER_SCHEMA, ["Grant Number", "Exercise Price"]).mapping -> { grant_id: 0, exercise_price: 1 }
 */
export function resolveTableMapping<C extends string>(
  schema: TableSchema<C>,
  headers: readonly string[],
  overrides: TableMappingOverrides<C> = {},
  complete = false,
): TableMappingResolution<C> {
  const candidates = new Map<C, number[]>();
  if (!complete) {
    headers.forEach((header, index) => {
      const column = columnForHeaderIn(schema, String(header ?? ""));
      if (column === undefined) return;
      const list = candidates.get(column);
      if (list) list.push(index);
      else candidates.set(column, [index]);
    });
  }
  const mapping: TableMapping<C> = {};
  const conflicts: TableMappingConflict<C>[] = [];
  for (const { name: column } of schema.columns) {
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

/** Required columns the mapping lacks. */
export function missingRequiredIn<C extends string>(schema: TableSchema<C>, mapping: TableMapping<C>): C[] {
  return schema.columns.filter((c) => c.required && mapping[c.name] === undefined).map((c) => c.name);
}

/**
 * Reads mapping choices (the CLI's `--map`): "column=Header" (the header as written, case and spacing aside),
 * "column=#3" (the third column of the file) or "column=" (not mapped). Errors name the choice.
 * @example parseTableMapChoices(LEDGER_SCHEMA, ["grant_id=#2"], ["Grant Number", "Grant Number"]) -> { grant_id: 1 }
 */
export function parseTableMapChoices<C extends string>(
  schema: TableSchema<C>,
  choices: readonly string[],
  headers: readonly string[],
): { overrides: TableMappingOverrides<C>; errors: string[] } {
  const names = schema.columns.map((c) => c.name as string);
  const overrides: TableMappingOverrides<C> = {};
  const errors: string[] = [];
  for (const choice of choices) {
    const eq = choice.indexOf("=");
    const column = (eq < 0 ? choice : choice.slice(0, eq)).trim() as C;
    if (eq < 0 || !names.includes(column)) {
      errors.push(`${JSON.stringify(choice)}: expected column=Header with column one of ${names.join(", ")}`);
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
      if (n < 1 || n > headers.length) errors.push(`${JSON.stringify(choice)}: the file has columns #1 to #${headers.length}`);
      else overrides[column] = n - 1;
      continue;
    }
    const wanted = normalizeHeader(target);
    const matches = headers.map((h, i) => (normalizeHeader(String(h ?? "")) === wanted ? i : -1)).filter((i) => i >= 0);
    if (matches.length === 1) overrides[column] = matches[0];
    else if (matches.length === 0) errors.push(`${JSON.stringify(choice)}: no column is headed ${JSON.stringify(target)} (headers: ${headers.map((h) => JSON.stringify(h)).join(", ")})`);
    else errors.push(`${JSON.stringify(choice)}: ${matches.length} columns are headed ${JSON.stringify(target)} (#${matches.map((i) => i + 1).join(", #")}): choose one by position, e.g. ${column}=#${matches[0] + 1}`);
  }
  return { overrides, errors };
}
