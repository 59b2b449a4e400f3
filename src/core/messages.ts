/**
 * The one catalogue of error messages: every error optex reports has a key here, the Excel error
 * code it gives, the English text (a function of the argument or field at fault and the values
 * involved) and an example that renders it.
 *
 * The core and the argument layer throw {@link CalcError} (errors.ts) with a key, the field and the
 * values; the message is rendered from here. A door (the cells, `optex call`, the pane) may say a
 * key in its own words (see `DoorWords` below), and programs branch on the key, never on the text.
 * Texts here say nothing about a particular door: they name the argument as the caller named it
 * (`field`) and show the bad value.
 *
 * Adding a key: add an entry to the section of its module with {@link entry}: the code, the text as
 * `(field, values) => string` with the values' type written on the parameter, and an example
 * (test/functions/messages.test.ts renders every example and checks it reads as English).
 * @example renderMessage("atLeast", "option_price", { value: -1, min: 0 }) === "option_price (-1) must be >= 0"
 */

/** The error values a calculation may produce, as Excel spells them. */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

/** The codes an answer may carry: a calculation's, or `#NAME?` for a function that does not exist. */
export type OutcomeCode = ErrorCode | "#NAME?";

/** Longest text shown in a message; the rest is counted, not printed. */
export const SHOWN_CHARS = 100;

/**
 * A value as a message shows it: text quoted (a long text cut short, with its length), numbers as
 * JavaScript prints them (the shortest text that reads back as the same number), a blank as "blank",
 * an array as "a range", an object as "a JSON object".
 * @example showValue("abc") === '"abc"'; showValue(-0.2) === "-0.2"; showValue(null) === "blank"
 */
export function showValue(value: unknown): string {
  if (typeof value === "string") {
    return value.length > SHOWN_CHARS ? `${JSON.stringify(value.slice(0, SHOWN_CHARS))}... (${value.length} characters)` : JSON.stringify(value);
  }
  if (value === null || value === undefined) return "blank";
  if (Array.isArray(value)) return "a range";
  if (typeof value === "object") return "a JSON object";
  return String(value);
}

/** One catalogue entry: its code, its text, and an example of its field and values. */
export interface MessageEntry<V, C extends OutcomeCode = OutcomeCode> {
  readonly code: C;
  readonly text: (field: string | undefined, values: V) => string;
  readonly example: { readonly field?: string; readonly values: V };
}

/** Builds an entry; `V` (the values' type) is read from the text's second parameter. */
function entry<C extends OutcomeCode, V>(code: C, text: (field: string | undefined, values: V) => string, example: { field?: string; values: V }): MessageEntry<V, C> {
  return { code, text, example };
}

/** What a value was: the argument at fault as given (a number, a text, a boolean...). */
type Given = { value: unknown };

/** "10000" as a percentage with thousands separators: 100 -> "10,000%". */
function percent(fraction: number): string {
  return `${String(fraction * 100).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}%`;
}

/** A list of choices as a message writes two of them: `"call" or "put"`. */
function either(choices: readonly string[]): string {
  return choices.map((c) => JSON.stringify(c)).join(" or ");
}

/** The market inputs an implied-volatility message repeats (as the function's arguments are named). */
type Market = { spot: number; strike: number; termYears: number; riskFreeRate: number; dividendYield: number };

const MARKET: Market = { spot: 42, strike: 40, termYears: 0.5, riskFreeRate: 0.1, dividendYield: 0 };

function marketText(m: Market): string {
  return `spot ${m.spot}, strike ${m.strike}, term_years ${m.termYears}, risk_free_rate ${m.riskFreeRate}, dividend_yield ${m.dividendYield}`;
}

type OptionKind = { optionType: "call" | "put" };

const optionKind = (v: OptionKind) => (v.optionType === "call" ? "a call" : "a put");

function upperBoundText(v: OptionKind & Market & { upper: number }): string {
  return v.optionType === "call"
    ? `S e^-qT = ${v.upper} (spot ${v.spot}, dividend_yield ${v.dividendYield}, term_years ${v.termYears})`
    : `K e^-rT = ${v.upper} (strike ${v.strike}, risk_free_rate ${v.riskFreeRate}, term_years ${v.termYears})`;
}

/** The catalogue. Keys are grouped by the module that throws them. */
export const MESSAGES = {
  // ---- Arguments (src/functions/boundary.ts: every cell and `optex call` argument) -------------
  required: entry("#VALUE!", (f, _v: Record<string, never>) => `${f} is required`, { field: "spot", values: {} }),
  notSingleValue: entry("#VALUE!", (f, v: { nested: boolean }) => `${f} must be a single value, not ${v.nested ? "an array nested in a range" : "a range"}`, {
    field: "spot",
    values: { nested: false },
  }),
  notFinite: entry("#NUM!", (f, v: Given) => `${f} (${showValue(v.value)}) must be a finite number`, { field: "spot", values: { value: Infinity } }),
  notDecimal: entry("#VALUE!", (f, v: Given) => `${f} (${showValue(v.value)}) must be a number in decimal notation (like 42, -0.5 or 1e-3)`, {
    field: "spot",
    values: { value: "0x10" },
  }),
  numberTooLarge: entry("#NUM!", (f, v: Given) => `${f} (${showValue(v.value)}) is too large: numbers end near 1.8e308`, { field: "spot", values: { value: "1e400" } }),
  booleanNotNumber: entry("#VALUE!", (f, v: Given) => `${f} (${showValue(v.value)}) must be a number, not TRUE/FALSE`, { field: "spot", values: { value: true } }),
  notNumber: entry("#VALUE!", (f, v: Given) => `${f} (${showValue(v.value)}) must be a number`, { field: "spot", values: { value: {} } }),
  noSuchMonth: entry("#VALUE!", (f, v: Given & { month: string }) => `${f} (${showValue(v.value)}) is not a valid date: there is no month ${v.month}`, {
    field: "filing_date",
    values: { value: "2003-13-01", month: "13" },
  }),
  noSuchDay: entry(
    "#VALUE!",
    (f, v: Given & { year: string; month: string; days: number }) => `${f} (${showValue(v.value)}) is not a valid date: ${v.year}-${v.month} has ${v.days} days`,
    { field: "filing_date", values: { value: "2003-02-30", year: "2003", month: "02", days: 28 } },
  ),
  notDate: entry("#VALUE!", (f, v: Given) => `${f} (${showValue(v.value)}) must be a date: YYYY-MM-DD text or a serial number`, { field: "as_of", values: { value: "July 4" } }),
  dateOutOfRange: entry(
    "#NUM!",
    (f, v: Given & { first: string; last: string; firstSerial: number; lastSerial: number }) =>
      `${f} (${showValue(v.value)}) must be a date from ${v.first} to ${v.last} (serial ${v.firstSerial} to ${v.lastSerial})`,
    { field: "as_of", values: { value: 0, first: "1900-01-01", last: "9999-12-31", firstSerial: 1, lastSerial: 2958465 } },
  ),
  notText: entry("#VALUE!", (f, v: Given) => `${f} (${showValue(v.value)}) must be text`, { field: "calendar", values: { value: 42 } }),
  notBoolean: entry("#VALUE!", (f, v: Given) => `${f} (${showValue(v.value)}) must be TRUE or FALSE`, { field: "flag", values: { value: "yes" } }),
  notWholeNumber: entry("#NUM!", (f, v: Given) => `${f} (${showValue(v.value)}) must be a whole number`, { field: "total_shares", values: { value: 2400.5 } }),
  atLeast: entry("#NUM!", (f, v: Given & { min: number }) => `${f} (${showValue(v.value)}) must be >= ${v.min}`, { field: "option_price", values: { value: -1, min: 0 } }),
  atMost: entry("#NUM!", (f, v: Given & { max: number }) => `${f} (${showValue(v.value)}) must be <= ${v.max}`, { field: "upfront_fraction", values: { value: 2, max: 1 } }),
  tooManyArguments: entry("#VALUE!", (_f, v: { fn: string; max: number; given: number }) => `${v.fn} takes at most ${v.max} arguments, got ${v.given}`, {
    values: { fn: "FEE_RATE", max: 1, given: 2 },
  }),
  noFiniteResult: entry("#NUM!", (_f, v: { fn: string }) => `${v.fn} has no finite result for these arguments`, { values: { fn: "BLACK_SCHOLES_VALUE" } }),
  unknownFunction: entry(
    "#NAME?",
    (_f, v: { name: string }) => `unknown function ${v.name.length > SHOWN_CHARS ? `${v.name.slice(0, SHOWN_CHARS)}... (${v.name.length} characters)` : v.name}`,
    { values: { name: "NOPE" } },
  ),
  internalError: entry("#VALUE!", (_f, v: { fn: string; detail: string }) => `internal error in ${v.fn}: ${v.detail}`, {
    values: { fn: "FEE_RATE", detail: "x is not a function" },
  }),

  // Ranges of numbers (an argument of kind "numberRange"): row and column count from 1 within the range.
  rangeNested: entry("#VALUE!", (f, _v: Record<string, never>) => `${f} must be a range of numbers, not an array nested in a range`, { field: "prices", values: {} }),
  rangeCellNotNumber: entry(
    "#VALUE!",
    (f, v: Given & { row: number; column: number }) =>
      `${f} at row ${v.row}, column ${v.column} (${showValue(v.value)}) must be a number${
        typeof v.value === "string" ? ", not text" : typeof v.value === "boolean" ? ", not TRUE/FALSE" : ""
      }`,
    { field: "prices", values: { value: "n/a", row: 3, column: 1 } },
  ),
  rangeCellNotFinite: entry(
    "#NUM!",
    (f, v: Given & { row: number; column: number }) => `${f} at row ${v.row}, column ${v.column} (${showValue(v.value)}) must be a finite number`,
    { field: "prices", values: { value: Infinity, row: 2, column: 1 } },
  ),
  rangeEmpty: entry("#VALUE!", (f, _v: Record<string, never>) => `${f} holds no numbers: every cell of the range is blank`, { field: "prices", values: {} }),

  // ---- Requests (a line of JSON requests, e.g. `optex call --batch`) -----------------------------
  requestBlank: entry("#VALUE!", (_f, v: { line: number; expected: string }) => `line ${v.line}: blank line: expected ${v.expected}`, {
    values: { line: 4, expected: '{"fn": NAME, "args": [...]}' },
  }),
  requestNotJson: entry("#VALUE!", (_f, v: { line: number; detail: string }) => `line ${v.line}: not JSON (${v.detail})`, {
    values: { line: 2, detail: "Unexpected token 'o'" },
  }),
  requestNotObject: entry("#VALUE!", (_f, v: { line: number; expected: string }) => `line ${v.line}: expected ${v.expected}`, {
    values: { line: 1, expected: '{"fn": NAME, "args": [...]}' },
  }),
  requestUnknownKey: entry(
    "#VALUE!",
    (_f, v: { line: number; name: string; expected: string }) => `line ${v.line}: unknown key ${JSON.stringify(v.name)}: expected ${v.expected}`,
    { field: "arg", values: { line: 1, name: "arg", expected: '{"fn": NAME, "args": [...]}' } },
  ),
  requestArgsNotArray: entry("#VALUE!", (f, v: { line: number }) => `line ${v.line}: ${JSON.stringify(f)} must be an array`, { field: "args", values: { line: 1 } }),
  requestTooLong: entry(
    "#VALUE!",
    (_f, v: { line: number; maxChars: number; expected: string }) => `line ${v.line}: longer than ${v.maxChars} characters: expected ${v.expected}`,
    { values: { line: 2, maxChars: 1048576, expected: '{"fn": NAME, "args": [...]}' } },
  ),
  requestInternalError: entry("#VALUE!", (_f, v: { line: number; detail: string }) => `line ${v.line}: internal error: ${v.detail}`, {
    values: { line: 3, detail: "out of memory" },
  }),

  // ---- Shared bounds (any module) ---------------------------------------------------------------
  greaterThan: entry("#NUM!", (f, v: Given & { min: number }) => `${f} (${showValue(v.value)}) must be > ${v.min}`, { field: "spot", values: { value: 0, min: 0 } }),
  between: entry(
    "#NUM!",
    (f, v: Given & { min: number | string; max: number | string; unit?: string }) =>
      `${f} (${showValue(v.value)}) must be between ${v.min} and ${v.max}${v.unit ? ` ${v.unit}` : ""}`,
    { field: "volatility", values: { value: -0.2, min: 0, max: 100 } },
  ),
  greaterThanAtMost: entry(
    "#NUM!",
    (f, v: Given & { min: number; max: number | string; unit?: string }) => `${f} (${showValue(v.value)}) must be > ${v.min} and <= ${v.max}${v.unit ? ` ${v.unit}` : ""}`,
    { field: "rate_per_million", values: { value: 0, min: 0, max: "1,000,000", unit: "dollars per $1,000,000" } },
  ),
  wholeNumberFrom: entry(
    "#NUM!",
    (f, v: Given & { min: number; max: number | string; maxField?: string }) =>
      `${f} (${showValue(v.value)}) must be a whole number from ${v.min} to ${v.maxField ? `${v.maxField} (${v.max})` : v.max}`,
    { field: "cliff_months", values: { value: 50, min: 0, max: 42, maxField: "vesting_months" } },
  ),
  notEither: entry("#VALUE!", (f, v: Given & { choices: readonly string[] }) => `${f} (${showValue(v.value)}) must be ${either(v.choices)}`, {
    field: "option_type",
    values: { value: "straddle", choices: ["call", "put"] },
  }),
  notOneOf: entry("#VALUE!", (f, v: Given & { choices: readonly string[] }) => `${f} (${showValue(v.value)}) must be one of ${v.choices.join(", ")}`, {
    field: "calendar",
    values: { value: "NYSE", choices: ["FEDERAL", "FEDERAL_CLOSURES", "WEEKENDS"] },
  }),

  // ---- Options (src/core/options) ---------------------------------------------------------------
  valueOverflows: entry(
    "#NUM!",
    (_f, v: { spot: number; strike: number; termYears: number }) => `the value overflows for spot ${v.spot}, strike ${v.strike}, term_years ${v.termYears}`,
    { values: { spot: 1e300, strike: 1e-300, termYears: 10000 } },
  ),
  expiringOption: entry("#NUM!", (f, v: Given) => `${f} (${showValue(v.value)}) must be > 0: an expiring option has no volatility`, { field: "term_years", values: { value: 0 } }),
  priceBelowLowerBound: entry(
    "#NUM!",
    (f, v: Given & OptionKind & Market & { lower: number }) =>
      `${f} (${showValue(v.value)}) is below the no-arbitrage lower bound of ${optionKind(v)}, the intrinsic value of the forward ` +
      `${v.optionType === "call" ? "S e^-qT - K e^-rT" : "K e^-rT - S e^-qT"} = ${v.lower} (${marketText(v)}): no volatility gives so low a price`,
    { field: "option_price", values: { value: 3.9, optionType: "call", lower: 3.95082301997142, ...MARKET } },
  ),
  priceAtUpperBound: entry(
    "#NUM!",
    (f, v: Given & OptionKind & Market & { upper: number }) =>
      `${f} (${showValue(v.value)}) equals the no-arbitrage upper bound of ${optionKind(v)}, ${upperBoundText(v)}, which ${optionKind(v)} approaches only as volatility grows without limit: it must be below it`,
    { field: "option_price", values: { value: 42, optionType: "call", upper: 42, ...MARKET } },
  ),
  priceAboveUpperBound: entry(
    "#NUM!",
    (f, v: Given & OptionKind & Market & { upper: number }) =>
      `${f} (${showValue(v.value)}) is above the no-arbitrage upper bound of ${optionKind(v)}, ${upperBoundText(v)}: no volatility gives so high a price`,
    { field: "option_price", values: { value: 39, optionType: "put", upper: 38.04917698002858, ...MARKET } },
  ),
  volatilityTooHigh: entry(
    "#NUM!",
    (f, v: Given & Market & { max: number }) => `${f} (${showValue(v.value)}) implies a volatility above ${v.max} (${percent(v.max)}) (${marketText(v)})`,
    { field: "option_price", values: { value: 0.5, max: 100, ...MARKET } },
  ),

  // ---- Hull-White lattice (src/core/options/hullWhite.ts) ----------------------------------------
  hullWhiteVestingAfterTerm: entry("#NUM!", (f, v: Given & { termYears: number }) => `${f} (${showValue(v.value)}) must be between 0 and term_years (${v.termYears})`, {
    field: "vesting_years",
    values: { value: 12, termYears: 10 },
  }),
  hullWhiteExitPerStep: entry(
    "#NUM!",
    (f, v: Given & { stepYears: number; stepsPerYear: number }) =>
      `${f} (${showValue(v.value)}) x the tree's step of ${v.stepYears} years must be <= 1, a probability of leaving within one step: use more steps_per_year than ${v.stepsPerYear}`,
    { field: "exit_rate", values: { value: 0.8, stepYears: 1.4, stepsPerYear: 1 } },
  ),
  hullWhiteTooManySteps: entry(
    "#NUM!",
    (f, v: Given & { termYears: number; steps: number; max: number }) =>
      `${f} (${showValue(v.value)}) x term_years (${v.termYears}) makes a tree of ${v.steps} steps, more than ${v.max}: use fewer steps_per_year`,
    { field: "steps_per_year", values: { value: 1000, termYears: 100, steps: 100000, max: 20000 } },
  ),
  hullWhiteTooFewSteps: entry(
    "#NUM!",
    (f, v: Given & { probability: number; volatility: number; riskFreeRate: number; dividendYield: number }) =>
      `${f} (${showValue(v.value)}) is too few for volatility ${v.volatility}, risk_free_rate ${v.riskFreeRate} and dividend_yield ${v.dividendYield}: ` +
      `the tree's up probability would be ${v.probability}, outside 0 to 1; use more steps_per_year`,
    { field: "steps_per_year", values: { value: 1, probability: 3.0610164, volatility: 0.01, riskFreeRate: 0.05, dividendYield: 0 } },
  ),
  hullWhiteCallsOnly: entry("#VALUE!", (_f, _v: Record<string, never>) => "the Hull-White lattice values calls only (employee stock options), not puts", { values: {} }),

  // ---- Dates (src/core/dates) -------------------------------------------------------------------
  monthsOutsideDates: entry(
    "#NUM!",
    (_f, v: { months: number; serial: number }) => `the date ${v.months} months from serial ${v.serial} falls outside 1900-01-01..9999-12-31`,
    { values: { months: 3, serial: 2958465 } },
  ),

  // ---- Calendars (src/core/calendars) -----------------------------------------------------------
  outsideCalendar: entry(
    "#NUM!",
    (f, v: Given & { calendar: string; first: string; last: string }) => `${f} (${showValue(v.value)}) is outside the ${v.calendar} calendar's range ${v.first}..${v.last}`,
    { field: "date", values: { value: 25933, calendar: "FEDERAL", first: "1971-01-01", last: "2099-12-31" } },
  ),
  grantDateOutsideCalendar: entry(
    "#NUM!",
    (_f, v: Given & { calendar: string; first: string; last: string }) =>
      `the earliest grant date (${showValue(v.value)}) is outside the ${v.calendar} calendar's range ${v.first}..${v.last}`,
    { field: "cancellation_date", values: { value: 73142, calendar: "FEDERAL", first: "1971-01-01", last: "2099-12-31" } },
  ),
  daysPastCalendar: entry(
    "#NUM!",
    (f, v: Given & { calendar: string; last: string }) => `${f} (${showValue(v.value)}) goes past the ${v.calendar} calendar's last date ${v.last}`,
    { field: "days", values: { value: 100, calendar: "FEDERAL", last: "2099-12-31" } },
  ),
  daysBeforeCalendar: entry(
    "#NUM!",
    (f, v: Given & { calendar: string; first: string }) => `${f} (${showValue(v.value)}) goes before the ${v.calendar} calendar's first date ${v.first}`,
    { field: "days", values: { value: -100, calendar: "FEDERAL", first: "1971-01-01" } },
  ),
  noBusinessDay: entry(
    "#NUM!",
    (_f, v: { date: string; calendar: string }) => `no business day on or after ${v.date} within the ${v.calendar} calendar`,
    { values: { date: "9999-12-31", calendar: "WEEKENDS" } },
  ),
  calendarHasNoHolidays: entry("#N/A", (_f, v: { calendar: string }) => `the ${v.calendar} calendar has no holidays`, { field: "calendar", values: { calendar: "WEEKENDS" } }),

  // ---- Equity (src/core/equity) -----------------------------------------------------------------
  scheduleTooLate: entry(
    "#NUM!",
    (f, v: { date: string; months: number }) => `${f} (${v.date}) is too late: the schedule runs ${v.months} month${v.months === 1 ? "" : "s"} past it, beyond 9999-12-31`,
    { field: "vesting_start", values: { date: "9999-12-31", months: 1 } },
  ),
  vestingExceedsTerm: entry(
    "#NUM!",
    (f, v: Given & { vestingYears: number }) => `the average vesting term (${v.vestingYears} years) exceeds ${f} (${showValue(v.value)})`,
    { field: "contractual_years", values: { value: 1, vestingYears: 1.5677083333333333 } },
  ),
  noSharesVest: entry("#N/A", (f, v: Given) => `no shares vest: ${f} is ${showValue(v.value)}`, { field: "total_shares", values: { value: 0 } }),
  sharesNotExact: entry(
    "#NUM!",
    (_f, v: { tendered: number; splitFactor: number; exchangeRatio: number }) =>
      `the new option would have more than 2^53 - 1 shares, past exact whole numbers: tendered_shares (${v.tendered}) x split_factor (${v.splitFactor}) / exchange_ratio (${v.exchangeRatio})`,
    { values: { tendered: 1000, splitFactor: 1, exchangeRatio: 5e-324 } },
  ),
  mustNotPrecede: entry(
    "#NUM!",
    (f, v: { date: string; otherField: string; otherDate: string }) => `${f} (${v.date}) must not precede ${v.otherField} (${v.otherDate})`,
    { field: "exercise_date", values: { date: "2003-06-01", otherField: "grant_date", otherDate: "2004-01-26" } },
  ),
  qualifyingDateTooLate: entry(
    "#NUM!",
    (_f, v: { after: "grant" | "exercise" | "both"; grantDate: string; exerciseDate: string }) =>
      `the qualifying date falls after 9999-12-31: ${
        v.after === "grant"
          ? `2 years after grant_date (${v.grantDate})`
          : v.after === "exercise"
            ? `1 year after exercise_date (${v.exerciseDate})`
            : `the day after the anniversaries of grant_date (${v.grantDate}) and exercise_date (${v.exerciseDate})`
      }`,
    { field: "exercise_date", values: { after: "exercise", grantDate: "2003-07-25", exerciseDate: "9999-12-31" } },
  ),
  optionValuesOverflow: entry(
    "#NUM!",
    (_f, v: { spot: number; dividendYield: number; oldTermYears: number; newTermYears: number }) =>
      `the option values overflow (spot ${v.spot}, dividend_yield ${v.dividendYield}, old_term_years ${v.oldTermYears}, new_term_years ${v.newTermYears})`,
    { values: { spot: 1e300, dividendYield: -10, oldTermYears: 10000, newTermYears: 10000 } },
  ),
  oldOptionWorthless: entry(
    "#NUM!",
    (_f, v: { spot: number; oldStrike: number; oldTermYears: number; volatility: number }) =>
      `the old option is worth nothing (spot ${showValue(v.spot)}, old_strike ${showValue(v.oldStrike)}, old_term_years ${showValue(v.oldTermYears)}, volatility ${showValue(v.volatility)}): no ratio exists`,
    { values: { spot: 1.27, oldStrike: 1e300, oldTermYears: 7, volatility: 0.9 } },
  ),
  newOptionWorthless: entry(
    "#NUM!",
    (_f, v: { newTermYears: number; volatility: number }) =>
      `the new option is worth nothing (new_term_years ${showValue(v.newTermYears)}, volatility ${showValue(v.volatility)}): no ratio exists`,
    { values: { newTermYears: 0, volatility: 0.9 } },
  ),
  ratioOverflows: entry(
    "#NUM!",
    (_f, v: { oldStrike: number; oldTermYears: number; oldValue: number }) =>
      `the ratio overflows: the old option (old_strike ${v.oldStrike}, old_term_years ${v.oldTermYears}) is worth only ${v.oldValue}`,
    { values: { oldStrike: 1e200, oldTermYears: 1, oldValue: 5e-324 } },
  ),

  // ---- Fees (src/core/fees) ---------------------------------------------------------------------
  feeRateNotOnFile: entry(
    "#N/A",
    (_f, v: { fiscalYear: number; filingDate: string }) => `the SEC fee rate for FY${v.fiscalYear} (filing date ${v.filingDate}) is not on file`,
    { field: "filing_date", values: { fiscalYear: 2027, filingDate: "2026-10-01" } },
  ),
  noFeeRate: entry("#N/A", (_f, v: { fields: readonly string[] }) => `no fee rate: give ${v.fields.join(" or ")}`, {
    values: { fields: ["filing_date", "rate_per_million"] },
  }),

  // ---- Offer (src/core/offer) --------------------------------------------------------------------
  offerFeeRateNotOnFile: entry(
    "#N/A",
    (f, v: { filingDateField: string; filingDate: string; fiscalYear: number }) =>
      `${f} is required for ${v.filingDateField} ${v.filingDate}: the SEC fee rate for fiscal ${v.fiscalYear} is not on file`,
    { field: "offer.feeRatePerMillion", values: { filingDateField: "offer.filingDate", filingDate: "2026-11-02", fiscalYear: 2027 } },
  ),
  offerInvalid: entry(
    "#VALUE!",
    (_f, v: { errors: readonly { message: string }[] }) => v.errors.map((e) => e.message).join("; "),
    { values: { errors: [{ message: "offer.stockPrice is required (the closing price on the valuation date, $ per share)" }] } },
  ),
  valuationTooLarge: entry(
    "#NUM!",
    (_f, v: { valuation: string; limit: string; check: readonly string[] }) => `the transaction valuation ($${v.valuation}) is above $${v.limit}: check ${v.check.join(" and ")}`,
    { values: { valuation: "2,000,000,000,000,000.00", limit: "1,000,000,000,000,000", check: ["offer.stockPrice", "the ledger's shares"] } },
  ),

  // ---- Elections (src/core/elections) ------------------------------------------------------------
  grantPriceInvalid: entry(
    "#VALUE!",
    (f, v: Given & { reason: string }) => `${f} (${showValue(v.value)}) must be the closing price on the new grant date in dollars, like 1.27: ${v.reason}`,
    { field: "grant price", values: { value: "1.2.7", reason: "it is not a number" } },
  ),
  newOptionLifeNotMonths: entry(
    "#VALUE!",
    (f, v: Given) => `${f} (${showValue(v.value)}) must be a whole number of months (years x 12) to date the new options' expiration`,
    { field: "offer.newOptionLifeYears", values: { value: 10.05 } },
  ),

  // ---- Issue 10: Greeks, historical volatility, incremental fair value ---------------------------
  // (src/core/options/greeks.ts, src/core/options/historicalVolatility.ts,
  //  src/core/equity/incrementalFairValue.ts)
  infiniteGamma: entry(
    "#NUM!",
    (f, v: Given & Market) =>
      `${f} (${showValue(v.value)}) must be > 0 for the Greeks of ${
        v.termYears === 0
          ? `an option at expiry whose spot equals its strike (${v.spot})`
          : `an option whose forward is at the money (spot ${v.spot} x e^-qT = strike ${v.strike} x e^-rT, term_years ${v.termYears}, ` +
            `risk_free_rate ${v.riskFreeRate}, dividend_yield ${v.dividendYield})`
      }: its value has a kink there and gamma is infinite`,
    { field: "term_years", values: { value: 0, spot: 40, strike: 40, termYears: 0, riskFreeRate: 0.1, dividendYield: 0 } },
  ),
  greekOverflows: entry(
    "#NUM!",
    (_f, v: Market & { greek: string; volatility: number }) =>
      `${v.greek} overflows for spot ${v.spot}, strike ${v.strike}, term_years ${v.termYears}, volatility ${v.volatility}, ` +
      `risk_free_rate ${v.riskFreeRate}, dividend_yield ${v.dividendYield}`,
    { values: { greek: "delta", spot: 42, strike: 40, termYears: 10000, volatility: 0.2, riskFreeRate: 0.1, dividendYield: -10 } },
  ),
  tooFewPrices: entry(
    "#N/A",
    (f, v: { count: number; min: number }) =>
      `${f} holds ${v.count} price${v.count === 1 ? "" : "s"}: a volatility needs at least ${v.min} (${v.min - 1} returns for a sample standard deviation)`,
    { field: "prices", values: { count: 2, min: 3 } },
  ),
  noOriginalAward: entry(
    "#NUM!",
    (f, v: Given) =>
      `${f} (${showValue(v.value)}) must be > 0: a modification changes an award that exists; an award granted outright is not a modification and costs its own fair value`,
    { field: "old_shares", values: { value: 0 } },
  ),
  awardValuesOverflow: entry(
    "#NUM!",
    (_f, v: { newShares: number; newValue: number; oldShares: number; oldValue: number }) =>
      `the awards' values overflow: new_shares ${v.newShares} x ${v.newValue} and old_shares ${v.oldShares} x ${v.oldValue}`,
    { values: { newShares: 1e300, newValue: 1e10, oldShares: 1, oldValue: 4.759422392871533 } },
  ),

  // ---- Separations (src/core/separations: RELEASE_DATES, PAYMENT_SCHEDULE, SALARY_BALANCE, CONSULTING_FEES) ----
  signedAfterConsideration: entry(
    "#NUM!",
    (f, v: { date: string; deadline: string; delivered: string; days: number }) =>
      `${f} (${v.date}) is after the last day to consider the release, ${v.deadline} (delivered_date ${v.delivered} + consideration_days ${v.days}): ` +
      `it was signed after its consideration period ended`,
    { field: "signed_date", values: { date: "2002-11-01", deadline: "2002-10-31", delivered: "2002-10-10", days: 21 } },
  ),
  periodPastLastDate: entry(
    "#NUM!",
    (f, v: Given & { fromField: string; from: string }) => `${f} (${showValue(v.value)}) after ${v.fromField} (${v.from}) ends after 9999-12-31`,
    { field: "revocation_days", values: { value: 7, fromField: "signed_date", from: "9999-12-30" } },
  ),
  notWholeCents: entry("#NUM!", (f, v: Given) => `${f} (${showValue(v.value)}) must be in whole cents, like 185150 or 7714.58`, {
    field: "total",
    values: { value: 100.005 },
  }),
  noPayday: entry(
    "#N/A",
    (f, v: { frequency: string; first: string; last: string }) => `no ${v.frequency} payday falls from ${f} (${v.first}) through last_date (${v.last})`,
    { field: "first_date", values: { frequency: "semimonthly", first: "2003-05-16", last: "2003-05-30" } },
  ),
  tooManyPayments: entry(
    "#NUM!",
    (f, v: { frequency: string; first: string; last: string; max: number }) =>
      `more than ${v.max} ${v.frequency} paydays fall from first_date (${v.first}) through ${f} (${v.last})`,
    { field: "last_date", values: { frequency: "weekly", first: "1900-01-01", last: "9999-12-31", max: 10000 } },
  ),
  noBusinessDayBefore: entry(
    "#NUM!",
    (f, v: { payday: string; calendar: string; first: string }) =>
      `the payday ${v.payday} from ${f} has no business day on or before it within the ${v.calendar} calendar, which starts ${v.first}`,
    { field: "first_date", values: { payday: "1971-01-01", calendar: "FEDERAL", first: "1971-01-01" } },
  ),
  monthHoursOutOfRange: entry(
    "#NUM!",
    (f, v: Given & { month: number; max: number }) =>
      `${f} at month ${v.month} (${showValue(v.value)}) must be between 0 and ${v.max} hours, the hours in a 31-day month (blank cells are not counted as months)`,
    { field: "hours_by_month", values: { value: -2, month: 3, max: 744 } },
  ),
  amountBeyondCents: entry(
    "#NUM!",
    (f, v: { amount: string; limit: string }) => `the result (${v.amount} dollars) is above ${v.limit} dollars, past the exact cents a cell holds: check ${f}`,
    { field: "annual_salary", values: { amount: "100000000000000.00", limit: "90,000,000,000,000" } },
  ),

  // ---- Separation model (src/core/separations/separation*.ts: computeSeparation) ----------------
  marketRequired: entry(
    "#N/A",
    (f, v: { awardId: string }) =>
      `${f} is required: award "${v.awardId}" has a modification, and ASC 718 values the award before and after it on the ` +
      `modification date (modificationDate, stockPrice, volatility, riskFreeRate, dividendYield)`,
    { field: "market", values: { awardId: "2003-08-01 option" } },
  ),
  requiredFor: entry("#N/A", (f, v: { when: string }) => `${f} is required ${v.when}`, {
    field: "payments[0].amount",
    values: { when: "for a lump-sum payment" },
  }),
  noSupplementalRelease: entry(
    "#N/A",
    (f, _v: Record<string, never>) => `${f} refers to supplementalReleaseEffective, but the terms have no supplementalRelease to date it`,
    { field: "payments[0].date", values: {} },
  ),
  noPaydayBetween: entry(
    "#N/A",
    (f, v: { frequency: string; first: string; last: string; lastField: string }) =>
      `no ${v.frequency} payday falls from ${f} (${v.first}) through ${v.lastField} (${v.last})`,
    { field: "salary.startDate", values: { frequency: "semimonthly", first: "2002-11-16", last: "2002-11-20", lastField: "salary.endDate" } },
  ),
  tooManyPaydaysBetween: entry(
    "#NUM!",
    (f, v: { frequency: string; first: string; last: string; max: number; firstField: string }) =>
      `more than ${v.max} ${v.frequency} paydays fall from ${v.firstField} (${v.first}) through ${f} (${v.last})`,
    { field: "payments[2].endDate", values: { frequency: "weekly", first: "1900-01-01", last: "9999-12-31", max: 10000, firstField: "payments[2].startDate" } },
  ),
  monthsFromDateOutside: entry(
    "#NUM!",
    (f, v: { months: number; date: string }) => `${f}: the date ${v.months} months from ${v.date} falls outside 1900-01-01..9999-12-31`,
    { field: "awards[0].modification.exerciseWindow.monthsAfterServiceEnds", values: { months: 1200, date: "9999-01-31" } },
  ),

  // ---- separation terms (src/core/separations/terms.ts: TERMS.json) -------------------------------
  separationTermsInvalid: entry(
    "#VALUE!",
    (_f, v: { errors: readonly { message: string }[] }) => v.errors.map((e) => e.message).join("; "),
    { values: { errors: [{ message: "terms.employment.endDate is required (YYYY-MM-DD: the last day of employment)" }] } },
  ),

  // ---- Not yet keyed ----------------------------------------------------------------------------
  /** A message written as text by code not yet converted to keys (`new CalcError(code, message)`). */
  unkeyed: entry("#VALUE!", (_f, v: { text: string }) => v.text, { values: { text: "offer.stockPrice is required" } }),
} as const;

/** Every key of the catalogue. */
export type MessageKey = keyof typeof MESSAGES;

/** The values a key's text takes. */
export type MessageValues<K extends MessageKey> = (typeof MESSAGES)[K]["example"]["values"];

/** The keys a calculation may throw (every key whose code is #VALUE!, #NUM! or #N/A). */
export type CalcKey = { [K in MessageKey]: (typeof MESSAGES)[K]["code"] extends ErrorCode ? K : never }[MessageKey];

/**
 * A door's own words for some keys: the cells and `optex call` say the fee-rate key with their
 * argument names, the pane with its form's labels. A key a door does not list is said as the
 * catalogue says it.
 */
export type DoorWords = { readonly [K in MessageKey]?: (field: string | undefined, values: MessageValues<K>) => string };

/**
 * The text of a key for a field and values, in a door's words when it has its own.
 * @example renderMessage("greaterThan", "spot", { value: 0, min: 0 }) === "spot (0) must be > 0"
 */
export function renderMessage<K extends MessageKey>(key: K, field: string | undefined, values: MessageValues<K>, words?: DoorWords): string {
  const own = words?.[key] as ((field: string | undefined, values: MessageValues<K>) => string) | undefined;
  if (own) return own(field, values);
  return (MESSAGES[key].text as (field: string | undefined, values: MessageValues<K>) => string)(field, values);
}
