/**
 * The boundary between a door (an Excel cell, the CLI) and the core: argument specs as data, one
 * coercion routine, and errors as values. A cell and `optex call` both go through {@link evaluate},
 * so they can never disagree.
 */
import { CalcError, ErrorCode, showValue } from "../core/errors";
import { isoToSerial, MAX_SERIAL, MIN_SERIAL } from "../core/dates/serial";

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

/** Unwraps a 1x1 range to its value; a bigger range is an error for a scalar argument. */
function scalar(raw: RawArg, name: string): RawArg {
  if (Array.isArray(raw)) {
    if (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return raw[0][0];
    if (raw.length === 1 && !Array.isArray(raw[0])) return raw[0];
    fail("#VALUE!", `${name} must be a single value, not a range`);
  }
  return raw;
}

function toNumber(raw: RawArg, name: string): number {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) fail("#NUM!", `${name} (${showValue(raw)}) must be a finite number`);
    return raw;
  }
  if (typeof raw === "string") {
    const text = raw.trim();
    const n = Number(text);
    if (text !== "" && Number.isFinite(n)) return n;
    fail("#VALUE!", `${name} (${showValue(raw)}) must be a number`);
  }
  if (typeof raw === "boolean") fail("#VALUE!", `${name} (${raw}) must be a number, not TRUE/FALSE`);
  return fail("#VALUE!", `${name} (${showValue(raw)}) must be a number`);
}

/** Coerces one raw argument by its spec; throws CalcError naming the argument. */
export function coerceArg(raw0: RawArg, spec: ArgSpec): unknown {
  const raw = scalar(raw0, spec.name);
  if (isBlank(raw)) {
    if (spec.optional) return spec.default;
    fail("#VALUE!", `${spec.name} is required`);
  }
  switch (spec.kind) {
    case "text":
      if (typeof raw !== "string") fail("#VALUE!", `${spec.name} (${showValue(raw)}) must be text`);
      return raw;
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (typeof raw === "string" && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === "true";
      return fail("#VALUE!", `${spec.name} (${showValue(raw)}) must be TRUE or FALSE`);
    case "date": {
      let serial: number;
      if (typeof raw === "string" && isoToSerial(raw) !== undefined) serial = isoToSerial(raw) as number;
      else serial = Math.floor(toNumber(raw, spec.name));
      if (serial < MIN_SERIAL || serial > MAX_SERIAL) {
        fail("#NUM!", `${spec.name} (${showValue(raw)}) must be a date: a serial from ${MIN_SERIAL} (1900-01-01) to ${MAX_SERIAL} (9999-12-31)`);
      }
      return serial;
    }
    default: {
      const n = toNumber(raw, spec.name);
      if (spec.kind === "integer" && !Number.isInteger(n)) fail("#NUM!", `${spec.name} (${n}) must be a whole number`);
      if (spec.min !== undefined && n < spec.min) fail("#NUM!", `${spec.name} (${n}) must be >= ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) fail("#NUM!", `${spec.name} (${n}) must be <= ${spec.max}`);
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
