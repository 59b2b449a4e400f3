/**
 * Typed errors of the calculation core.
 *
 * The core throws {@link CalcError} with a key from the one catalogue (messages.ts), the argument or
 * field it concerns and the values involved; its message is the catalogue's text, e.g.
 * `volatility (-0.2) must be between 0 and 100`. The doors (Excel cells, the CLI, the task pane)
 * turn it into `#VALUE!`, `#NUM!` or `#N/A` and say it in their own words from the key, the field
 * and the values: no code reads a message to find out what went wrong.
 */
import { CalcKey, DoorWords, ErrorCode, MESSAGES, MessageKey, MessageValues, renderMessage, showValue } from "./messages";

export type { CalcKey, DoorWords, ErrorCode, MessageKey, MessageValues };
export { showValue };

/** What a keyed error concerns, for {@link CalcError}'s constructor. */
export interface Keyed {
  key: MessageKey;
  /** The argument or field at fault, as the caller's help names it (`volatility`, `old_strike`). */
  field?: string;
  values: object;
}

/**
 * An error with an Excel error code, a catalogue key, the argument or field at fault and the values
 * involved (the bad value, the bounds...); the message is the catalogue's text for them.
 * Build one with {@link calcError} or throw one with {@link raise}; `new CalcError(code, message)`
 * makes an `unkeyed` error from text (code not yet converted to keys).
 */
export class CalcError extends Error {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly field?: string;
  readonly values: Readonly<Record<string, unknown>>;
  constructor(code: ErrorCode, message: string, keyed?: Keyed) {
    super(message);
    this.name = "CalcError";
    this.code = code;
    this.key = keyed?.key ?? "unkeyed";
    if (keyed?.field !== undefined) this.field = keyed.field;
    this.values = (keyed?.values ?? { text: message }) as Record<string, unknown>;
  }

  /**
   * The message in a door's words (the catalogue's where the door has none of its own), naming the
   * field as the door does when it gives `nameOf` (the pane: a form label for `stockPrice`).
   * @example error.say(undefined, (f) => `offer.${f}`) === "offer.stockPrice (0) must be > 0"
   */
  say(words?: DoorWords, nameOf?: (field: string) => string): string {
    const key: MessageKey = this.key;
    const renamed = nameOf !== undefined && this.field !== undefined;
    if (key === "unkeyed" || (!words?.[key] && !renamed)) return this.message;
    const field = renamed ? nameOf(this.field as string) : this.field;
    return renderMessage<MessageKey>(key, field, this.values as MessageValues<MessageKey>, words);
  }
}

/**
 * A keyed error: the code is the key's, the message the catalogue's text.
 * @example calcError("atLeast", "option_price", { value: -1, min: 0 }).message === "option_price (-1) must be >= 0"
 */
export function calcError<K extends CalcKey>(key: K, field: string | undefined, values: MessageValues<K>): CalcError {
  const keyed: Keyed = { key, values };
  if (field !== undefined) keyed.field = field;
  return new CalcError(MESSAGES[key].code as ErrorCode, renderMessage(key, field, values), keyed);
}

/** Throws {@link calcError}. */
export function raise<K extends CalcKey>(key: K, field: string | undefined, values: MessageValues<K>): never {
  throw calcError(key, field, values);
}

/** Throws an unkeyed `#VALUE!` (wrong type or unknown code). Being replaced by {@link raise}. */
export function invalidValue(message: string): never {
  throw new CalcError("#VALUE!", message);
}

/** Throws an unkeyed `#NUM!` (a number outside the function's domain). Being replaced by {@link raise}. */
export function invalidNumber(message: string): never {
  throw new CalcError("#NUM!", message);
}

/** Throws an unkeyed `#N/A` (data that is not available). Being replaced by {@link raise}. */
export function notAvailable(message: string): never {
  throw new CalcError("#N/A", message);
}
