/**
 * The boundary between a door (an Excel cell, the CLI) and the core: argument specs as data, one
 * coercion routine, and errors as values. A cell and `optex call` both go through {@link evaluate},
 * so they can never disagree. Errors are keyed (src/core/messages.ts): an error answer carries the
 * key and the argument at fault besides the code and the message, said in {@link FUNCTION_WORDS}.
 */
import { CalcError, DoorWords, MessageKey, MessageValues, raise } from "../core/errors";
import { MESSAGES, OutcomeCode, renderMessage } from "../core/messages";
import { daysInMonth, MAX_SERIAL, MIN_SERIAL, ymdToSerial } from "../core/dates/serial";

/**
 * What an argument must be: a number, a whole number, a date serial, text, a boolean, or a range of
 * numbers ({@link coerceNumberRange}: the implementation receives a `number[]`).
 */
export type ArgKind = "number" | "integer" | "date" | "text" | "boolean" | "numberRange";

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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the specs' kinds type the arguments; each impl names its own
  impl: (...args: any[]) => CellValue;
}

/**
 * An error answer: the Excel error code, the message, and for programs the catalogue key
 * (src/core/messages.ts) and the argument it concerns (as the function's help names it), when one does.
 */
export interface ErrorOutcome {
  error: OutcomeCode;
  message: string;
  key: MessageKey;
  field?: string;
}

/** The outcome of one call: a value, or an error. */
export type Outcome = { value: CellValue } | ErrorOutcome;

/** Raw values as they arrive from a cell or the CLI. */
export type RawArg = unknown;

/**
 * How the functions (a cell, `optex call`) say a key where the catalogue's text is not theirs: a fee
 * rate not on file is passed to FILING_FEE as rate_per_million.
 */
export const FUNCTION_WORDS: DoorWords = {
  feeRateNotOnFile: (field, values) => `${MESSAGES.feeRateNotOnFile.text(field, values)}: pass the rate per $1,000,000 to FILING_FEE as rate_per_million`,
};

/**
 * An error answer for a key, in the functions' words.
 * @example errorOutcome("unknownFunction", undefined, { name: "NOPE" }) -> { error: "#NAME?", message: "unknown function NOPE", key: "unknownFunction" }
 */
export function errorOutcome<K extends MessageKey>(key: K, field: string | undefined, values: MessageValues<K>): ErrorOutcome {
  const outcome: ErrorOutcome = { error: MESSAGES[key].code, message: renderMessage(key, field, values, FUNCTION_WORDS), key };
  if (field !== undefined) outcome.field = field;
  return outcome;
}

/** A CalcError as an error answer, in the functions' words. */
export function outcomeOf(error: CalcError): ErrorOutcome {
  const outcome: ErrorOutcome = { error: error.code, message: error.say(FUNCTION_WORDS), key: error.key };
  if (error.field !== undefined) outcome.field = error.field;
  return outcome;
}

/** A blank: no value, an empty text or a text of spaces only. */
function isBlank(raw: RawArg): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
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
    raise("notSingleValue", name, { nested });
  }
  return inner;
}

function toNumber(raw: RawArg, name: string): number {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) raise("notFinite", name, { value: raw });
    return raw;
  }
  if (typeof raw === "string") {
    const n = parseDecimal(raw);
    if (n === undefined) return raise("notDecimal", name, { value: raw });
    if (!Number.isFinite(n)) raise("numberTooLarge", name, { value: raw });
    return n;
  }
  if (typeof raw === "boolean") raise("booleanNotNumber", name, { value: raw });
  return raise("notNumber", name, { value: raw });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_RANGE = { first: "1900-01-01", last: "9999-12-31", firstSerial: MIN_SERIAL, lastSerial: MAX_SERIAL };

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
    if (month < 1 || month > 12) raise("noSuchMonth", name, { value: raw, month: iso[2] });
    const days = year === 1900 && month === 2 ? 29 : daysInMonth(year, month); // Excel's 1900-02-29
    if (day < 1 || day > days) {
      raise("noSuchDay", name, { value: raw, year: iso[1], month: iso[2], days });
    }
    serial = ymdToSerial(year, month, day);
  } else if (typeof raw === "string") {
    const n = parseDecimal(raw);
    if (n === undefined) return raise("notDate", name, { value: raw });
    serial = Math.floor(n); // +-Infinity fails the range check below
  } else {
    serial = Math.floor(toNumber(raw, name));
  }
  if (!(serial >= MIN_SERIAL && serial <= MAX_SERIAL)) raise("dateOutOfRange", name, { value: raw, ...DATE_RANGE });
  return serial;
}

/**
 * A range of numbers, as a `numberRange` argument receives it: a column, a row or a 2-D block
 * (`number[][]` from Excel; from `optex call --batch` an array of rows or one row), read row by
 * row into one list. The one rule for blanks: a blank cell (empty, "" or spaces only) is skipped,
 * wherever it is, so `A1:A300` may be longer than its data. Every other cell must be a finite
 * number: text (even "42": a number stored as text), TRUE/FALSE or an error value is an error
 * naming the argument, the cell's row and column within the range (from 1) and what it holds. A
 * range with no numbers at all is an error. A single value is a 1x1 range. Never recurses.
 *
 * (Excel before the 2024 fix passes an empty cell of a range as 0, which cannot be told from a
 * typed 0; such a cell is read as 0.)
 * @example coerceNumberRange([[1], [null], [" "], [2.5]], "prices") -> [1, 2.5]
 */
export function coerceNumberRange(raw: RawArg, name: string): number[] {
  const rows: readonly unknown[] = !Array.isArray(raw) ? [[raw]] : raw.every(Array.isArray) ? raw : [raw];
  const numbers: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly unknown[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "number") {
        if (!Number.isFinite(cell)) raise("rangeCellNotFinite", name, { value: cell, row: r + 1, column: c + 1 });
        numbers.push(cell);
      } else if (Array.isArray(cell)) {
        raise("rangeNested", name, {});
      } else if (!isBlank(cell)) {
        raise("rangeCellNotNumber", name, { value: cell, row: r + 1, column: c + 1 });
      }
    }
  }
  if (numbers.length === 0) raise("rangeEmpty", name, {});
  return numbers;
}

/** Coerces one raw argument by its spec; throws CalcError naming the argument and showing what was given. */
export function coerceArg(raw0: RawArg, spec: ArgSpec): unknown {
  // An omitted range argument is a blank like any other; a range of blank cells is a range.
  const raw = spec.kind === "numberRange" && Array.isArray(raw0) ? raw0 : scalar(raw0, spec.name);
  if (isBlank(raw)) {
    if (spec.optional) return spec.default;
    raise("required", spec.name, {});
  }
  switch (spec.kind) {
    case "numberRange":
      return coerceNumberRange(raw, spec.name);
    case "text":
      if (typeof raw !== "string") raise("notText", spec.name, { value: raw });
      return raw;
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (typeof raw === "string" && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === "true";
      return raise("notBoolean", spec.name, { value: raw });
    case "date":
      return toDateSerial(raw, spec.name);
    default: {
      const n = toNumber(raw, spec.name);
      const value = typeof raw === "string" ? raw : n; // what was typed: the text, or the number
      if (spec.kind === "integer" && !Number.isInteger(n)) raise("notWholeNumber", spec.name, { value });
      if (spec.min !== undefined && n < spec.min) raise("atLeast", spec.name, { value, min: spec.min });
      if (spec.max !== undefined && n > spec.max) raise("atMost", spec.name, { value, max: spec.max });
      return n;
    }
  }
}

function checkResult(spec: FunctionSpec, value: CellValue): CellValue {
  if (typeof value === "number" && !Number.isFinite(value)) raise("noFiniteResult", undefined, { fn: spec.id });
  return value;
}

/**
 * Evaluates a catalogue function on raw arguments: coerce each by its spec, call the core, and turn
 * any CalcError into an error outcome in the functions' words ({@link FUNCTION_WORDS}). Never throws.
 */
export function evaluateSpec(spec: FunctionSpec, rawArgs: readonly RawArg[]): Outcome {
  try {
    const specs = spec.args;
    if (rawArgs.length > specs.length) raise("tooManyArguments", undefined, { fn: spec.id, max: specs.length, given: rawArgs.length });
    const args = new Array(specs.length);
    for (let i = 0; i < specs.length; i++) args[i] = coerceArg(rawArgs[i], specs[i]);
    return { value: checkResult(spec, spec.impl(...args)) };
  } catch (error) {
    if (error instanceof CalcError) return outcomeOf(error);
    return errorOutcome("internalError", undefined, { fn: spec.id, detail: error instanceof Error ? error.message : String(error) });
  }
}

