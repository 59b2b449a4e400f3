/**
 * Typed errors of the calculation core.
 *
 * The core throws {@link CalcError}; the doors (Excel cells, the CLI, the task pane) turn it into
 * `#VALUE!`, `#NUM!` or `#N/A` with the message. Messages name the argument and its bad value, e.g.
 * `volatility (-0.2) must be >= 0`.
 */

/** The three error values a calculation may produce, as Excel spells them. */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

/** An error with an Excel error code and a message that names the argument at fault. */
export class CalcError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "CalcError";
    this.code = code;
  }
}

/** Formats a value for an error message: strings quoted, numbers as JavaScript prints them. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return "blank";
  if (Array.isArray(value)) return "a range";
  return String(value);
}

/** Throws `#VALUE!` (wrong type or unknown code). */
export function invalidValue(message: string): never {
  throw new CalcError("#VALUE!", message);
}

/** Throws `#NUM!` (a number outside the function's domain). */
export function invalidNumber(message: string): never {
  throw new CalcError("#NUM!", message);
}

/** Throws `#N/A` (data that is not available, e.g. a fee rate not yet published). */
export function notAvailable(message: string): never {
  throw new CalcError("#N/A", message);
}
