/**
 * Turning command-line words and JSON batch values into the raw values a cell would hold.
 */
import { isoToSerial } from "../core/dates/serial";
import { parseDecimal } from "../functions/boundary";

/**
 * A command-line word as if typed into a cell: "" is a blank, true/false booleans, an ISO date
 * (YYYY-MM-DD) its serial, a number in decimal notation (the cells' one grammar, {@link parseDecimal})
 * that number, a JSON-quoted word ("\"42\"") text as is, anything else text. So "0x10", "Infinity" or
 * "1e400" stay text, and a number argument rejects them naming what was typed.
 */
export function parseWord(word: string): unknown {
  if (word === "") return null;
  const lower = word.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (word.length >= 2 && word.startsWith('"') && word.endsWith('"')) {
    try {
      return JSON.parse(word);
    } catch {
      return word;
    }
  }
  const serial = isoToSerial(word);
  if (serial !== undefined) return serial;
  const n = parseDecimal(word);
  return n !== undefined && Number.isFinite(n) ? n : word;
}

/** A JSON batch value as a cell would hold it: an ISO date string becomes its serial. */
function cellFromJson(value: unknown): unknown {
  if (typeof value === "string") {
    const serial = isoToSerial(value);
    return serial !== undefined ? serial : value;
  }
  return value;
}

/**
 * A JSON batch argument as a cell would hold it: a value, or a range (an array of rows, or one row)
 * whose cells are converted like values. Nothing deeper is looked into (no recursion, so a line
 * nested 100,000 arrays deep is safe): the argument's coercion rejects it as not a single value.
 */
export function fromJson(value: unknown): unknown {
  if (!Array.isArray(value)) return cellFromJson(value);
  return value.map((row) => (Array.isArray(row) ? row.map(cellFromJson) : cellFromJson(row)));
}
