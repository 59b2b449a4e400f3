/**
 * The boundary between a door (an Excel cell, the CLI) and the core: argument specs as data, one
 * coercion routine, and errors as values. A cell and `optex call` both go through {@link evaluate},
 * so they can never disagree.
 */
import { CalcError, ErrorCode, showValue } from "../core/errors";
import { daysInMonth, MAX_SERIAL, MIN_SERIAL, ymdToSerial } from "../core/dates/serial";

/** What an argument must be: a number, a whole number, a date serial, text or a boolean. */
export type ArgKind = "number" | "integer" | "date" | "text" | "boolean";

/** One argument: its Excel name, kind, whether it may be omitted (and its default), and bounds. */
export interface ArgSpec {
  name: string;
  kind: ArgKind;
  /** Optional arguments may be omitted or blank; they then take `default` (or undefined). */
  optional?: boolean;
  default?: number | string | boolean;
  /** Inclusive bounds for numbers; violations are `#NUM!`. */
  min?: number;
  max?: number;
}

/** What a cell can hold: a number, text, a boolean, or a 2-D array that spills. */
export type CellValue = number | string | boolean | (number | string | boolean)[][];

/** A catalogue function: its id (as in `OPTEX.ID`), its arguments and its implementation. */
export interface FunctionSpec {
  id: string;
  summary: string;
  args: readonly ArgSpec[];
  /** Receives the coerced arguments in order (undefined for an omitted optional without default). */
  impl: (...args: any[]) => CellValue;
}

/** The outcome of one call: a value, or an Excel error code with a message. */
export type Outcome = { value: CellValue } | { error: ErrorCode | "#NAME?"; message: string };

/** Raw values as they arrive from a cell or the CLI. */
export type RawArg = unknown;

function isBlank(raw: RawArg): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

function fail(code: ErrorCode, message: string): never {
  throw new CalcError(code, message);
}

/** Longest text shown in a message; the rest is counted, not printed. */
const SHOWN_CHARS = 100;

/** A raw value as a message shows it: text quoted (a long text cut short), a JSON object as such. */
function shown(raw: RawArg): string {
  if (typeof raw === "string" && raw.length > SHOWN_CHARS) {
    return `${JSON.stringify(raw.slice(0, SHOWN_CHARS))}... (${raw.length} characters)`;
  }
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) return "a JSON object";
  return showValue(raw);
}

/**
 * The one grammar for a number written as text, in a cell or on the command line: an optional sign,
 * decimal digits with an optional fraction (or a fraction alone), an optional exponent; spaces around
 * it are ignored. So "42", "-0.5", ".5", "1." and "1e-3" are numbers; "0x10", "0o7", "0b1",
 * "Infinity", "NaN", "1_000", "1,000", "5%", "$5" and "42abc" are not (JavaScript's Number() would
 * read the first four).
 */
const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads text as a decimal number under {@link DECIMAL_NUMBER}: the number, or undefined when the
 * text is not one. An exponent too large for a double gives +-Infinity (the caller reports it).
 * @example parseDecimal(" 1e-3 ") === 0.001; parseDecimal("0x10") === undefined
 */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  return DECIMAL_NUMBER.test(t) ? Number(t) : undefined;
}

/** What a number argument accepts, for messages. */
const DECIMAL_HINT = "must be a number in decimal notation (like 42, -0.5 or 1e-3)";

/**
 * Unwraps a 1x1 range (or a one-element row) to its value; a bigger range, an empty one or a value
 * nested deeper is an error for a scalar argument. Never recurses, so any nesting depth is safe.
 */
function scalar(raw: RawArg, name: string): RawArg {
  if (!Array.isArray(raw)) return raw;
  let inner: unknown = raw.length === 1 ? raw[0] : raw;
  if (Array.isArray(inner) && inner !== raw && inner.length === 1) inner = inner[0];
  if (Array.isArray(inner)) {
    const nested = raw.some((row) => Array.isArray(row) && row.some(Array.isArray));
    fail("#VALUE!", `${name} must be a single value, not ${nested ? "an array nested in a range" : "a range"}`);
  }
  return inner;
}

function toNumber(raw: RawArg, name: string): number {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) fail("#NUM!", `${name} (${showValue(raw)}) must be a finite number`);
    return raw;
  }
  if (typeof raw === "string") {
    const n = parseDecimal(raw);
    if (n === undefined) fail("#VALUE!", `${name} (${shown(raw)}) ${DECIMAL_HINT}`);
    if (!Number.isFinite(n)) fail("#NUM!", `${name} (${shown(raw)}) is too large: numbers end near 1.8e308`);
    return n;
  }
  if (typeof raw === "boolean") fail("#VALUE!", `${name} (${raw}) must be a number, not TRUE/FALSE`);
  return fail("#VALUE!", `${name} (${shown(raw)}) must be a number`);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_RANGE = `a date from 1900-01-01 to 9999-12-31 (serial ${MIN_SERIAL} to ${MAX_SERIAL})`;

/**
 * A date argument: a YYYY-MM-DD text that names a real day, or a serial (a number, or a text that is
 * a number under {@link DECIMAL_NUMBER}) whose fraction, a time of day, is dropped as Excel does.
 */
function toDateSerial(raw: RawArg, name: string): number {
  let serial: number;
  const iso = typeof raw === "string" ? ISO_DATE.exec(raw.trim()) : null;
  if (iso) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    const day = Number(iso[3]);
    if (month < 1 || month > 12) fail("#VALUE!", `${name} (${shown(raw)}) is not a valid date: there is no month ${iso[2]}`);
    const days = year === 1900 && month === 2 ? 29 : daysInMonth(year, month); // Excel's 1900-02-29
    if (day < 1 || day > days) {
      fail("#VALUE!", `${name} (${shown(raw)}) is not a valid date: ${iso[1]}-${iso[2]} has ${days} days`);
    }
    serial = ymdToSerial(year, month, day);
  } else if (typeof raw === "string") {
    const n = parseDecimal(raw);
    if (n === undefined) fail("#VALUE!", `${name} (${shown(raw)}) must be a date: YYYY-MM-DD text or a serial number`);
    serial = Math.floor(n); // +-Infinity fails the range check below
  } else {
    serial = Math.floor(toNumber(raw, name));
  }
  if (!(serial >= MIN_SERIAL && serial <= MAX_SERIAL)) fail("#NUM!", `${name} (${shown(raw)}) must be ${DATE_RANGE}`);
  return serial;
}

/** Coerces one raw argument by its spec; throws CalcError naming the argument and showing what was given. */
export function coerceArg(raw0: RawArg, spec: ArgSpec): unknown {
  const raw = scalar(raw0, spec.name);
  if (isBlank(raw)) {
    if (spec.optional) return spec.default;
    fail("#VALUE!", `${spec.name} is required`);
  }
  switch (spec.kind) {
    case "text":
      if (typeof raw !== "string") fail("#VALUE!", `${spec.name} (${shown(raw)}) must be text`);
      return raw;
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (typeof raw === "string" && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === "true";
      return fail("#VALUE!", `${spec.name} (${shown(raw)}) must be TRUE or FALSE`);
    case "date":
      return toDateSerial(raw, spec.name);
    default: {
      const n = toNumber(raw, spec.name);
      const given = typeof raw === "string" ? shown(raw) : String(n);
      if (spec.kind === "integer" && !Number.isInteger(n)) fail("#NUM!", `${spec.name} (${given}) must be a whole number`);
      if (spec.min !== undefined && n < spec.min) fail("#NUM!", `${spec.name} (${given}) must be >= ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) fail("#NUM!", `${spec.name} (${given}) must be <= ${spec.max}`);
      return n;
    }
  }
}

function checkResult(spec: FunctionSpec, value: CellValue): CellValue {
  if (typeof value === "number" && !Number.isFinite(value)) {
    fail("#NUM!", `${spec.id} has no finite result for these arguments`);
  }
  return value;
}

/**
 * Evaluates a catalogue function on raw arguments: coerce each by its spec, call the core, and turn
 * any CalcError into an error outcome. Never throws.
 */
export function evaluateSpec(spec: FunctionSpec, rawArgs: readonly RawArg[]): Outcome {
  try {
    const specs = spec.args;
    if (rawArgs.length > specs.length) {
      fail("#VALUE!", `${spec.id} takes at most ${specs.length} arguments, got ${rawArgs.length}`);
    }
    const args = new Array(specs.length);
    for (let i = 0; i < specs.length; i++) args[i] = coerceArg(rawArgs[i], specs[i]);
    return { value: checkResult(spec, spec.impl(...args)) };
  } catch (error) {
    if (error instanceof CalcError) return { error: error.code, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { error: "#VALUE!", message: `internal error in ${spec.id}: ${message}` };
  }
}
