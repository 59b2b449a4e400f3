/**
 * Turning command-line words and JSON batch values into the raw values a cell would hold.
 */
import { isoToSerial } from "../core/dates/serial";

/**
 * A command-line word as if typed into a cell: "" is a blank, true/false booleans, numbers numbers,
 * an ISO date (YYYY-MM-DD) its serial, a JSON-quoted word ("\"42\"") text as is, anything else text.
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
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(word.trim())) return Number(word);
  return word;
}

/** A JSON batch argument as a cell would hold it: ISO date strings become serials, arrays recurse. */
export function fromJson(value: unknown): unknown {
  if (typeof value === "string") {
    const serial = isoToSerial(value);
    return serial !== undefined ? serial : value;
  }
  if (Array.isArray(value)) return value.map(fromJson);
  return value;
}
