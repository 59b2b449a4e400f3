/**
 * The one catalogue of error messages (src/core/messages.ts): every key renders as English, and the
 * core, the argument layer and the doors throw keyed errors - key, field, code and text - that a
 * program can branch on without reading the message.
 */
import * as fs from "fs";
import * as path from "path";
import { CalcError, calcError } from "../../src/core/errors";
import { MESSAGES, MessageKey, renderMessage, showValue } from "../../src/core/messages";
import { blackScholes, parseOptionType } from "../../src/core/options/blackScholes";
import { impliedVolatility } from "../../src/core/options/impliedVolatility";
import { addMonthsClamped, isoToSerial } from "../../src/core/dates/serial";
import { calendarFor, parseCalendarCode } from "../../src/core/calendars/calendar";
import { holidaysInYear } from "../../src/core/calendars/holidaysInYear";
import { NEW_OPTION_VESTING, vestedShares } from "../../src/core/equity/vesting";
import { newOptionShares } from "../../src/core/equity/newOptionShares";
import { newGrantDate } from "../../src/core/equity/newGrantDate";
import { isoQualifyingDate } from "../../src/core/equity/expiries";
import { simplifiedTerm } from "../../src/core/equity/simplifiedTerm";
import { valueForValueRatio } from "../../src/core/equity/valueForValue";
import { feeRate, filingFee, parseFeeRounding } from "../../src/core/fees/filingFee";
import { coerceArg } from "../../src/functions/boundary";
import { evaluate } from "../../src/functions/registry";
import { answerBatchLine } from "../../src/cli/optex";
import { thrown as thrownOf } from "../support/thrown";

const s = (iso: string) => isoToSerial(iso) as number;
const keys = Object.keys(MESSAGES) as MessageKey[];

describe("the catalogue", () => {
  it.each(keys)("%s renders its example as English", (key) => {
    const { code, example } = MESSAGES[key];
    expect(["#VALUE!", "#NUM!", "#N/A", "#NAME?"]).toContain(code);
    const text = renderMessage(key, example.field, example.values as never);
    expect(text).not.toMatch(/undefined|NaN|\[object|null/);
    expect(text).not.toMatch(/^\s|\s$|\s\s/);
    expect(text.length).toBeGreaterThan(10);
  });

  it("keys name what went wrong, in lower camel case, each once", () => {
    for (const key of keys) expect(key).toMatch(/^[a-z][a-zA-Z]+$/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("a keyed CalcError takes its code from the catalogue and keeps the field and the values", () => {
    const error = calcError("atLeast", "option_price", { value: -1, min: 0 });
    expect(error).toBeInstanceOf(CalcError);
    expect(error).toMatchObject({ code: "#NUM!", key: "atLeast", field: "option_price", values: { value: -1, min: 0 }, message: "option_price (-1) must be >= 0" });
  });

  it("an error made from text (code not yet keyed) is `unkeyed`, with the text as its message", () => {
    const error = new CalcError("#N/A", "offer.feeRatePerMillion is required");
    expect(error).toMatchObject({ code: "#N/A", key: "unkeyed", values: { text: "offer.feeRatePerMillion is required" } });
    expect(error.field).toBeUndefined();
    expect(error.say()).toBe("offer.feeRatePerMillion is required");
  });

  it("a door says a key in its own words; other keys as the catalogue does", () => {
    const error = calcError("feeRateNotOnFile", "filingDate", { fiscalYear: 2027, filingDate: "2026-11-02" });
    const pane = { feeRateNotOnFile: (field: string | undefined, v: { fiscalYear: number }) => `enter the fee rate: FY${v.fiscalYear}'s is not on file (${field})` };
    expect(error.say(pane)).toBe("enter the fee rate: FY2027's is not on file (filingDate)");
    expect(error.say()).toBe("the SEC fee rate for FY2027 (filing date 2026-11-02) is not on file");
    expect(calcError("greaterThan", "spot", { value: 0, min: 0 }).say(pane)).toBe("spot (0) must be > 0");
  });

  it("a door may name the field its own way", () => {
    const error = calcError("greaterThan", "stockPrice", { value: 0, min: 0 });
    expect(error.say(undefined, (f) => `offer.${f}`)).toBe("offer.stockPrice (0) must be > 0");
    expect(error.say()).toBe("stockPrice (0) must be > 0");
    expect(new CalcError("#VALUE!", "as typed").say(undefined, (f) => `offer.${f}`)).toBe("as typed");
  });

  it.each([
    ["abc", '"abc"'],
    ["x".repeat(101), `${JSON.stringify("x".repeat(100))}... (101 characters)`],
    [-0.2, "-0.2"],
    [1e300, "1e+300"],
    [true, "true"],
    [null, "blank"],
    [undefined, "blank"],
    [[[1, 2]], "a range"],
    [{ a: 1 }, "a JSON object"],
  ])("shows %j as %s", (value, shown) => {
    expect(showValue(value)).toBe(shown);
  });
});

/** The CalcError a call throws (fails the test when it does not throw one). */
const thrown = (call: () => unknown): CalcError => thrownOf(call, CalcError);

describe("keyed errors of each module: key, field, code, text", () => {
  const federal = calendarFor("FEDERAL");
  // Hull's example market (spot 42, strike 40, half a year, 10%): the call's upper bound is S = 42.
  const hull = { spot: 42, strike: 40, termYears: 0.5, riskFreeRate: 0.1 };
  it.each<[string, () => unknown, MessageKey, string | undefined, string, string]>([
    // options
    ["blackScholes volatility", () => blackScholes({ ...hull, volatility: -0.2 }), "between", "volatility", "#NUM!", "volatility (-0.2) must be between 0 and 100"],
    ["blackScholes spot", () => blackScholes({ ...hull, spot: 0, volatility: 0.2 }), "greaterThan", "spot", "#NUM!", "spot (0) must be > 0"],
    ["parseOptionType", () => parseOptionType("straddle"), "notEither", "option_type", "#VALUE!", 'option_type ("straddle") must be "call" or "put"'],
    ["impliedVolatility price", () => impliedVolatility({ ...hull, optionPrice: -1 }), "atLeast", "option_price", "#NUM!", "option_price (-1) must be >= 0"],
    ["impliedVolatility term", () => impliedVolatility({ ...hull, optionPrice: 1, termYears: 0 }), "expiringOption", "term_years", "#NUM!", "term_years (0) must be > 0: an expiring option has no volatility"],
    [
      "impliedVolatility bound",
      () => impliedVolatility({ ...hull, optionPrice: 42 }),
      "priceAtUpperBound",
      "option_price",
      "#NUM!",
      "option_price (42) equals the no-arbitrage upper bound of a call, S e^-qT = 42 (spot 42, dividend_yield 0, term_years 0.5), which a call approaches only as volatility grows without limit: it must be below it",
    ],
    // dates
    ["addMonthsClamped", () => addMonthsClamped(2958465, 1), "monthsOutsideDates", undefined, "#NUM!", "the date 1 months from serial 2958465 falls outside 1900-01-01..9999-12-31"],
    // calendars
    ["checkInRange", () => federal.checkInRange(s("1970-12-31"), "date"), "outsideCalendar", "date", "#NUM!", "date (25933) is outside the FEDERAL calendar's range 1971-01-01..2099-12-31"],
    ["addBusinessDays", () => federal.addBusinessDays(s("2099-12-30"), 5), "daysPastCalendar", "days", "#NUM!", "days (5) goes past the FEDERAL calendar's last date 2099-12-31"],
    ["parseCalendarCode", () => parseCalendarCode("NYSE"), "notOneOf", "calendar", "#VALUE!", 'calendar ("NYSE") must be one of FEDERAL, FEDERAL_CLOSURES, WEEKENDS'],
    ["holidaysInYear", () => holidaysInYear(1970, federal), "wholeNumberFrom", "year", "#NUM!", "year (1970) must be a whole number from 1971 to 2099"],
    // equity
    [
      "vestedShares cliff",
      () => vestedShares(10, 1000, 2000, { ...NEW_OPTION_VESTING, cliffMonths: 50 }),
      "wholeNumberFrom",
      "cliff_months",
      "#NUM!",
      "cliff_months (50) must be a whole number from 0 to vesting_months (42)",
    ],
    ["newOptionShares", () => newOptionShares(1000, 0), "greaterThan", "exchange_ratio", "#NUM!", "exchange_ratio (0) must be > 0"],
    [
      "newGrantDate",
      () => newGrantDate(s("2099-10-01"), 6, 1, federal), // 2100-04-02 = serial 73050 (2099-12-31) + 92
      "grantDateOutsideCalendar",
      "cancellation_date",
      "#NUM!",
      "the earliest grant date (73142) is outside the FEDERAL calendar's range 1971-01-01..2099-12-31",
    ],
    ["isoQualifyingDate", () => isoQualifyingDate(s("2004-01-26"), s("2003-06-01")), "mustNotPrecede", "exercise_date", "#NUM!", "exercise_date (2003-06-01) must not precede grant_date (2004-01-26)"],
    ["simplifiedTerm", () => simplifiedTerm(1, NEW_OPTION_VESTING), "vestingExceedsTerm", "contractual_years", "#NUM!", "the average vesting term (1.5677083333333333 years) exceeds contractual_years (1)"],
    [
      "valueForValueRatio",
      () => valueForValueRatio({ spot: 10, oldStrike: -5, oldTermYears: 1, newTermYears: 1, volatility: 0.3, riskFreeRate: 0.05 }),
      "greaterThan",
      "old_strike",
      "#NUM!",
      "old_strike (-5) must be > 0",
    ],
    // fees
    ["feeRate", () => feeRate(s("2026-10-01")), "feeRateNotOnFile", "filing_date", "#N/A", "the SEC fee rate for FY2027 (filing date 2026-10-01) is not on file"],
    ["filingFee", () => filingFee("-1", "80.90"), "between", "transaction_valuation", "#NUM!", "transaction_valuation (-1) must be between 0 and 1e15 dollars"],
    ["parseFeeRounding", () => parseFeeRounding("euro"), "notEither", "rounding", "#VALUE!", 'rounding ("euro") must be "cent" or "dollar"'],
    // arguments
    ["coerceArg text", () => coerceArg("0x10", { name: "spot", kind: "number" }), "notDecimal", "spot", "#VALUE!", 'spot ("0x10") must be a number in decimal notation (like 42, -0.5 or 1e-3)'],
    ["coerceArg range", () => coerceArg([[1, 2]], { name: "spot", kind: "number" }), "notSingleValue", "spot", "#VALUE!", "spot must be a single value, not a range"],
    ["coerceArg date", () => coerceArg("2003-02-30", { name: "as_of", kind: "date" }), "noSuchDay", "as_of", "#VALUE!", 'as_of ("2003-02-30") is not a valid date: 2003-02 has 28 days'],
    ["coerceArg required", () => coerceArg(null, { name: "spot", kind: "number" }), "required", "spot", "#VALUE!", "spot is required"],
  ])("%s", (_name, call, key, field, code, text) => {
    const error = thrown(call);
    expect({ key: error.key, field: error.field, code: error.code, message: error.message }).toEqual({ key, field, code, message: text });
  });
});

describe("the functions' answers carry the key and the argument", () => {
  it.each<[string, unknown[], object]>([
    ["BLACK_SCHOLES_VALUE", [42, 40, 0.5, -0.2, 0.1], { error: "#NUM!", key: "between", field: "volatility", message: "volatility (-0.2) must be between 0 and 100" }],
    ["VALUE_FOR_VALUE_RATIO", [10, 5, 1, -1, 0.3, 0.05], { error: "#NUM!", key: "between", field: "new_term_years", message: "new_term_years (-1) must be between 0 and 10000" }],
    ["VESTING_SCHEDULE", [0, 38012], { error: "#N/A", key: "noSharesVest", field: "total_shares", message: "no shares vest: total_shares is 0" }],
    ["FEDERAL_HOLIDAYS", [2003, "WEEKENDS"], { error: "#N/A", key: "calendarHasNoHolidays", field: "calendar", message: "the WEEKENDS calendar has no holidays" }],
    ["FILING_FEE", [100], { error: "#N/A", key: "noFeeRate", message: "no fee rate: give filing_date or rate_per_million" }],
    ["FEE_RATE", [1, 2], { error: "#VALUE!", key: "tooManyArguments", message: "FEE_RATE takes at most 1 arguments, got 2" }],
    ["NOPE", [], { error: "#NAME?", key: "unknownFunction", message: "unknown function NOPE" }],
  ])("%s(%j)", (id, args, expected) => {
    const outcome = evaluate(id, args);
    expect(outcome).toEqual(expected);
  });

  it("an answer without an argument at fault has no field", () => {
    expect("field" in evaluate("FILING_FEE", [100])).toBe(false);
  });

  it("a batch line's own errors are keyed too", () => {
    expect(answerBatchLine("", 3)).toEqual({ error: "#VALUE!", key: "requestBlank", message: 'line 3: blank line: expected {"fn": NAME, "args": [...]}' });
    expect(answerBatchLine('{"fn":"FEE_RATE","args":1}', 1)).toEqual({ error: "#VALUE!", key: "requestArgsNotArray", field: "args", message: 'line 1: "args" must be an array' });
  });
});

describe("no code reads a message to find out what went wrong", () => {
  // Programs branch on `key` and `field`; a message is only ever shown.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(__dirname, "..", "..", "src"));

  it("src/ has no message.startsWith/includes/split/match/replace/indexOf/slice", () => {
    expect(files.length).toBeGreaterThan(20);
    const parsing = /\bmessage\??\.(startsWith|endsWith|includes|split|match|matchAll|replace|indexOf|lastIndexOf|slice|substring|search)\(/;
    const offenders = files.filter((f) => parsing.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(path.join(__dirname, "..", ".."), f));
    expect(offenders).toEqual([]);
  });
});
