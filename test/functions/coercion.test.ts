/**
 * Hostile text and out-of-domain values at the cell boundary: one number grammar for every number
 * and date argument of every function, ISO dates that must name a real day, and messages that name
 * the argument as the function's help names it and show what was typed.
 */
import * as fs from "fs";
import * as path from "path";
import { coerceArg, parseDecimal, ArgSpec } from "../../src/functions/boundary";
import { evaluate, FUNCTIONS } from "../../src/functions/registry";

const numberArg: ArgSpec = { name: "x", kind: "number" };
const dateArg: ArgSpec = { name: "d", kind: "date" };

/** The outcome of coercing one raw value: the value, or [code, message]. */
function coerce(raw: unknown, spec: ArgSpec): unknown {
  try {
    return coerceArg(raw, spec);
  } catch (error) {
    return [(error as { code: string }).code, (error as Error).message];
  }
}

describe("the number grammar for text (decimal notation only)", () => {
  // Expected numbers are the decimal values of the texts, written out by hand.
  it.each([
    ["42", 42],
    ["-0.5", -0.5],
    ["+.5", 0.5],
    ["1.", 1],
    ["1e-3", 0.001],
    ["1E3", 1000],
    ["1.5e+2", 150],
    ["0042", 42], // leading zeros are decimal, not octal
    [" 42 ", 42], // spaces around are not part of the number
    ["\t-7\n", -7],
    ["1e-400", 0], // below the smallest double: rounds to 0, as Excel does
  ])("%j is %p", (text, expected) => {
    expect(coerce(text, numberArg)).toBe(expected);
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each([
    "0x10", "0X10", "0x", "0o7", "0b1", "Infinity", "-Infinity", "+Infinity", "NaN", "1_000", "1,000", "1 000",
    "5%", "$5", "42abc", "abc", "1e", "e3", ".", "+", "-", "1.2.3", "--1", "1e1.5", "\u0664\u0662", "\uff11\uff12", "1/2", "(5)",
  ])("%j is not a number: #VALUE! naming the argument and the text", (text) => {
    expect(coerce(text, numberArg)).toEqual(["#VALUE!", `x (${JSON.stringify(text)}) must be a number in decimal notation (like 42, -0.5 or 1e-3)`]);
    expect(parseDecimal(text)).toBeUndefined();
  });

  it.each([
    ["1e400", '#NUM!', 'x ("1e400") is too large: numbers end near 1.8e308'],
    ["-1e400", '#NUM!', 'x ("-1e400") is too large: numbers end near 1.8e308'],
    ["", "#VALUE!", "x is required"],
    [true, "#VALUE!", "x (true) must be a number, not TRUE/FALSE"],
    [{}, "#VALUE!", "x (a JSON object) must be a number"],
    [Infinity, "#NUM!", "x (Infinity) must be a finite number"],
    [NaN, "#NUM!", "x (NaN) must be a finite number"],
  ])("%j -> %s %s", (raw, code, message) => {
    expect(coerce(raw, numberArg)).toEqual([code, message]);
  });

  it("shows a long text cut short, with its length", () => {
    const text = "9".repeat(50) + "x".repeat(200);
    const [code, message] = coerce(text, numberArg) as string[];
    expect(code).toBe("#VALUE!");
    expect(message).toBe(`x (${JSON.stringify(text.slice(0, 100))}... (250 characters)) must be a number in decimal notation (like 42, -0.5 or 1e-3)`);
  });

  it.each([
    [{ name: "n", kind: "integer" }, "2400.5", ["#NUM!", 'n ("2400.5") must be a whole number']],
    [{ name: "n", kind: "integer" }, 2400.5, ["#NUM!", "n (2400.5) must be a whole number"]],
    [{ name: "n", kind: "integer", min: 0 }, "-1", ["#NUM!", 'n ("-1") must be >= 0']],
    [{ name: "n", kind: "number", max: 1 }, "1e1", ["#NUM!", 'n ("1e1") must be <= 1']],
  ] as [ArgSpec, unknown, unknown][])("bounds show the text typed: %j %j", (spec, raw, expected) => {
    expect(coerce(raw, spec)).toEqual(expected);
  });
});

describe("date arguments: a real YYYY-MM-DD day or a serial", () => {
  // Serials of the 1900 date system: 1 = 1900-01-01, 60 = Excel's fictitious 1900-02-29,
  // 37827 = 2003-07-25 (DATE(2003,7,25) in Excel), 38046 = 2004-02-29 (37987 = 2004-01-01, + 31 + 28),
  // 2958465 = 9999-12-31 (Excel's last date).
  it.each([
    ["2003-07-25", 37827],
    [" 2003-07-25 ", 37827],
    ["2004-02-29", 38046],
    ["1900-01-01", 1],
    ["1900-02-29", 60],
    ["1900-03-01", 61],
    ["9999-12-31", 2958465],
    ["37827", 37827],
    ["37827.75", 37827], // a time of day is dropped, as Excel does
    [37827.5, 37827],
    [[[37827]], 37827],
  ])("%j is serial %p", (raw, expected) => {
    expect(coerce(raw, dateArg)).toBe(expected);
  });

  it.each([
    ["2003-02-30", "2003-02 has 28 days"],
    ["2003-02-29", "2003-02 has 28 days"],
    ["1900-02-30", "1900-02 has 29 days"],
    ["2003-04-31", "2003-04 has 30 days"],
    ["2003-01-00", "2003-01 has 31 days"],
    ["2003-13-01", "there is no month 13"],
    ["2003-00-10", "there is no month 00"],
  ])("%j is not a valid date (%s), not 'must be a number'", (text, why) => {
    expect(coerce(text, dateArg)).toEqual(["#VALUE!", `d (${JSON.stringify(text)}) is not a valid date: ${why}`]);
  });

  it.each(["0x10", "2003-7-25", "2003/07/25", "July 4, 2003", "25.07.2003", "2003-07-25T00:00", "Infinity"])(
    "%j is neither a date nor a number",
    (text) => {
      expect(coerce(text, dateArg)).toEqual(["#VALUE!", `d (${JSON.stringify(text)}) must be a date: YYYY-MM-DD text or a serial number`]);
    },
  );

  it.each([["1899-12-31"], ["0000-01-01"], ["0"], ["2958466"], ["20030725"], ["1e400"], [-1], [0]])(
    "%j is outside 1900-01-01..9999-12-31: #NUM! showing what was typed",
    (raw) => {
      const shown = typeof raw === "string" ? JSON.stringify(raw) : String(raw);
      expect(coerce(raw, dateArg)).toEqual(["#NUM!", `d (${shown}) must be a date from 1900-01-01 to 9999-12-31 (serial 1 to 2958465)`]);
    },
  );
});

describe("every number and date argument of every function rejects \"0x10\"", () => {
  // Built from the registry: each argument of kind number, integer or date, with the arguments
  // before it given a value of their kind (coercion runs in order, before any calculation).
  const sample = (spec: ArgSpec): unknown => (spec.kind === "date" ? 37827 : spec.kind === "text" ? null : 1);
  const rows: [string, string, number][] = [];
  for (const fn of FUNCTIONS.values()) {
    fn.args.forEach((arg, i) => {
      if (arg.kind === "number" || arg.kind === "integer" || arg.kind === "date") rows.push([fn.id, arg.name, i]);
    });
  }

  it("covers the 100 number, whole-number and date arguments of the 25 functions", () => {
    expect(FUNCTIONS.size).toBe(25);
    const kinds = rows.map(([id, , i]) => FUNCTIONS.get(id)!.args[i].kind);
    // 27 + HULL_WHITE_VALUE 9 + BLACK_SCHOLES_GREEKS 6 + HISTORICAL_VOLATILITY 1 + INCREMENTAL_FAIR_VALUE 10
    // + PAYMENT_SCHEDULE's total + SALARY_BALANCE's annual_salary + CONSULTING_FEES' included_hours and hourly_rate
    expect(kinds.filter((k) => k === "number")).toHaveLength(57);
    // 18 + HULL_WHITE_VALUE's steps_per_year + RELEASE_DATES' consideration_days and revocation_days
    expect(kinds.filter((k) => k === "integer")).toHaveLength(21);
    // 16 + RELEASE_DATES 2 + PAYMENT_SCHEDULE 2 + SALARY_BALANCE 2
    expect(kinds.filter((k) => k === "date")).toHaveLength(22);
  });

  it.each(rows)("%s(%s = \"0x10\") is #VALUE! naming the argument", (id, name, i) => {
    const spec = FUNCTIONS.get(id)!;
    for (const text of ["0x10", "0b1", "Infinity", "1_000"]) {
      const args = spec.args.map(sample);
      args[i] = text;
      const outcome = evaluate(id, args);
      const what = spec.args[i].kind === "date" ? "must be a date: YYYY-MM-DD text or a serial number" : "must be a number in decimal notation";
      expect(outcome).toMatchObject({ error: "#VALUE!", message: expect.stringContaining(`${name} (${JSON.stringify(text)}) ${what}`) });
    }
  });

  // Explicit rows, one per kind of argument, so the table above cannot pass by being empty.
  it.each([
    ["BLACK_SCHOLES_VALUE", ["0x10", 40, 0.5, 0.2, 0.1], 'spot ("0x10") must be a number in decimal notation'],
    ["IMPLIED_VOLATILITY", [4.76, 42, 40, 0.5, 0.1, "0x10"], 'dividend_yield ("0x10") must be a number in decimal notation'],
    ["VESTED_SHARES", ["0x10", 38012, 38043], 'total_shares ("0x10") must be a number in decimal notation'],
    ["VESTED_SHARES", [2400, 38012, "0x10"], 'as_of ("0x10") must be a date: YYYY-MM-DD text or a serial number'],
    ["FEE_RATE", ["0x10"], 'filing_date ("0x10") must be a date'],
    ["FEE_RATE", ["2003-02-30"], 'filing_date ("2003-02-30") is not a valid date'],
    ["VALUE_FOR_VALUE_RATIO", [1.27, 5, 7, "0x10", 0.9, 0.03], 'new_term_years ("0x10") must be a number in decimal notation'],
  ])("%s(%j): %s", (id, args, message) => {
    expect(evaluate(id, args)).toMatchObject({ error: "#VALUE!", message: expect.stringContaining(message) });
  });
});

describe("messages name the argument as the function's help does", () => {
  const allNames = new Set([...FUNCTIONS.values()].flatMap((f) => f.args.map((a) => a.name)));
  /** Another function's argument named the way a message names one: `name (value)` or `name 42`. */
  const foreignNames = (id: string, message: string): string[] => {
    const own = new Set(FUNCTIONS.get(id)!.args.map((a) => a.name));
    return [...allNames].filter((n) => !own.has(n) && new RegExp(`(^|[^\\w])${n} (\\(|-?\\d)`).test(message));
  };

  it.each([
    ["VALUE_FOR_VALUE_RATIO", [10, -5, 1, 1, 0.3, 0.05], "#NUM!", "old_strike (-5) must be > 0"],
    ["VALUE_FOR_VALUE_RATIO", [10, 5, -1, 1, 0.3, 0.05], "#NUM!", "old_term_years (-1) must be between 0 and 10000"],
    ["VALUE_FOR_VALUE_RATIO", [10, 5, 1, -1, 0.3, 0.05], "#NUM!", "new_term_years (-1) must be between 0 and 10000"],
    ["VALUE_FOR_VALUE_RATIO", [10, 5, 1, 10001, 0.3, 0.05], "#NUM!", "new_term_years (10001) must be between 0 and 10000"],
    ["VALUE_FOR_VALUE_RATIO", [-10, 5, 1, 1, 0.3, 0.05], "#NUM!", "spot (-10) must be > 0"],
    ["VALUE_FOR_VALUE_RATIO", [10, 5, 1, 1, 0.3, 0.05, 11], "#NUM!", "dividend_yield (11) must be between -10 and 10"],
    // an old option at strike 1e300 is worth 0 in float64: no ratio
    ["VALUE_FOR_VALUE_RATIO", [1.27, 1e300, 7, 10, 0.9, 0.03], "#NUM!", "the old option is worth nothing (spot 1.27, old_strike 1e+300, old_term_years 7, volatility 0.9)"],
    // an at-the-money option expiring now is worth nothing
    ["VALUE_FOR_VALUE_RATIO", [1.27, 5, 7, 0, 0.9, 0.03], "#NUM!", "the new option is worth nothing (new_term_years 0, volatility 0.9)"],
    ["VESTING_SCHEDULE", [2400, 2958465], "#NUM!", "vesting_start (9999-12-31) is too late: the schedule runs 1 month past it, beyond 9999-12-31"],
    ["ISO_QUALIFYING_DATE", [37827, 2958465], "#NUM!", "1 year after exercise_date (9999-12-31)"],
    ["ISO_QUALIFYING_DATE", [2958101, 2958101], "#NUM!", "2 years after grant_date (9999-01-01)"],
    ["NEW_OPTION_SHARES", [1000, 5e-324], "#NUM!", "tendered_shares (1000) x split_factor (1) / exchange_ratio (5e-324)"],
  ])("%s(%j) -> %s %s", (id, args, code, message) => {
    const outcome = evaluate(id, args) as { error: string; message: string };
    expect(outcome).toMatchObject({ error: code, message: expect.stringContaining(message) });
    expect(foreignNames(id, outcome.message)).toEqual([]);
  });

  it("POST_TERMINATION_EXPIRY: a window past 9999-12-31 ends after the original expiration, which is the answer", () => {
    // EDATE(9999-12-31, 3) does not exist; the earlier of the two dates is the original expiration.
    expect(evaluate("POST_TERMINATION_EXPIRY", [2958465, 2958000])).toEqual({ value: 2958000 });
  });

  // A valid call per function; each number or date argument in turn gets out-of-domain values.
  const valid: Record<string, unknown[]> = {
    BLACK_SCHOLES_VALUE: [42, 40, 0.5, 0.2, 0.1, 0, "call"],
    IMPLIED_VOLATILITY: [4.76, 42, 40, 0.5, 0.1, 0, "call"],
    VESTED_SHARES: [2400, 38012, 38043, 42, 0, 0.125, 1, 39000],
    VESTING_SCHEDULE: [2400, 38012, 42, 0, 0.125, 1],
    NEW_GRANT_DATE: [37827, 6, 1, "FEDERAL"],
    IS_BUSINESS_DAY: [37827, "FEDERAL"],
    ADD_BUSINESS_DAYS: [37827, 3, "FEDERAL"],
    BUSINESS_DAYS_BETWEEN: [37797, 37825, "FEDERAL"],
    OFFER_MIN_EXPIRATION: [37797, 20, "FEDERAL"],
    FEDERAL_HOLIDAYS: [2003, "FEDERAL"],
    FEE_RATE: [37797],
    FILING_FEE: [991619.92, 37797, 80.9, "cent"],
    NEW_OPTION_SHARES: [1000, 1, 1],
    VALUE_FOR_VALUE_RATIO: [1.27, 5, 7, 10, 0.9, 0.03, 0],
    POST_TERMINATION_EXPIRY: [38807, 40923, 3],
    ISO_QUALIFYING_DATE: [38012, 38504],
    SIMPLIFIED_TERM: [10, 42, 0, 0.125, 1],
    HULL_WHITE_VALUE: [50, 50, 10, 0.35, 0.05, 0.025, 3, 0.1, 3, 100],
    BLACK_SCHOLES_GREEKS: [49, 50, 0.3846, 0.2, 0.05, 0, "call"],
    HISTORICAL_VOLATILITY: [[[20], [20.1], [19.9], [20]], 252],
    INCREMENTAL_FAIR_VALUE: [42, 50, 0.5, 40, 0.5, 0.2, 0.1, 0, 1, 1],
    // seed 000: signed 2002-10-31 (37560), delivered 2002-10-10 (37539, assumed); $185,150 from
    // 2003-05-07 (37748) to 2004-05-07 (38114); $370,300 a year paid through 2003-02-28 (37680) to 2003-05-06 (37747)
    RELEASE_DATES: [37560, 37539, 21, 7, "on"],
    PAYMENT_SCHEDULE: [185150, 37748, 38114, "semimonthly", "FEDERAL"],
    SALARY_BALANCE: [370300, 37680, 37747],
    // seed 001: ten hours a month included, $500 an hour beyond
    CONSULTING_FEES: [[[8], [12], [10], [15.5]], 10, 500],
  };
  const outOfDomain = [-1, 0, 0.5, 1.5, 1e-300, 5e-324, 1e300, -1e300, 1201, 2958465, 1e7, -1e7];
  const sweep: [string, string, number][] = [];
  for (const fn of FUNCTIONS.values()) {
    fn.args.forEach((arg, i) => {
      if (arg.kind !== "text") sweep.push([fn.id, arg.name, i]);
    });
  }
  // Errors that name the argument otherwise: src/core/fees says "the SEC fee rate for FY10000
  // (filing date 9999-12-31) is not on file".
  const namedOtherwise = new Set(["FEE_RATE filing_date 2958465"]);

  it("every function's valid call is valid", () => {
    for (const [id, args] of Object.entries(valid)) expect([id, evaluate(id, args)]).toEqual([id, { value: expect.anything() }]);
    expect(Object.keys(valid).sort()).toEqual([...FUNCTIONS.keys()].sort());
  });

  it.each(sweep)("%s: out-of-domain %s gives an error naming it, and no other function's argument", (id, name, i) => {
    for (const bad of outOfDomain) {
      const args = valid[id].slice();
      args[i] = bad;
      const outcome = evaluate(id, args);
      if (!("error" in outcome) || namedOtherwise.has(`${id} ${name} ${bad}`)) continue;
      expect([bad, foreignNames(id, outcome.message)]).toEqual([bad, []]);
      expect([bad, outcome.message]).toEqual([bad, expect.stringMatching(new RegExp(`(^|[^\\w])${name}([^\\w]|$)`))]);
    }
  });
});

describe("IMPLIED_VOLATILITY beyond the no-arbitrage bounds", () => {
  // spot 42, strike 40, term 0.5, rate 0.1, no dividends (Hull's example). Bounds by hand:
  // e^-0.05 = 0.95122942450071449; call: upper S e^-qT = 42, lower S - K e^-rT = 42 - 38.04917698002858
  // = 3.95082301997142; put: upper K e^-rT = 40 e^-0.05 = 38.04917698002858, lower max(0, 38.049 - 42) = 0.
  // (float64 carries these to ~1e-14, so the messages are checked to 12 decimals.)
  const m = [42, 40, 0.5, 0.1];
  const numbersIn = (message: string) => (message.match(/-?\d+(\.\d+)?(e[+-]?\d+)?/g) ?? []).map(Number);

  it.each([
    [[42, ...m], "option_price (42) equals the no-arbitrage upper bound of a call, S e^-qT = 42 (spot 42, dividend_yield 0, term_years 0.5)"],
    [[42.00000000000001, ...m], "option_price (42.00000000000001) is above the no-arbitrage upper bound of a call, S e^-qT = 42 (spot 42, dividend_yield 0, term_years 0.5)"],
    [[50, ...m], "option_price (50) is above the no-arbitrage upper bound of a call, S e^-qT = 42"],
    [[39, ...m, 0, "put"], "option_price (39) is above the no-arbitrage upper bound of a put, K e^-rT = 38.049176980028"],
    [[3.9, ...m], "option_price (3.9) is below the no-arbitrage lower bound of a call, the intrinsic value of the forward S e^-qT - K e^-rT = 3.950823019971"],
  ])("%j: says which bound, with both numbers", (args, message) => {
    const outcome = evaluate("IMPLIED_VOLATILITY", args) as { error: string; message: string };
    expect(outcome.error).toBe("#NUM!");
    expect(outcome.message).toContain(message);
  });

  it("a price one step above the bound prints a different number from the bound", () => {
    const bound = 40 * Math.exp(-0.1 * 0.5); // the put's upper bound K e^-rT
    const price = bound * (1 + Number.EPSILON);
    expect(price).toBeGreaterThan(bound);
    const { message } = evaluate("IMPLIED_VOLATILITY", [price, 42, 40, 0.5, 0.1, 0, "put"]) as { message: string };
    const [shownPrice, shownBound] = numbersIn(message.replace("e^-rT", ""));
    expect(shownPrice).toBe(price); // shown with every digit needed to read back the same double
    expect(shownBound).toBe(bound);
    expect(String(shownPrice)).not.toBe(String(shownBound));
  });
});

describe("the help and the registry name the arguments alike", () => {
  // functions.ts's JSDoc is the help Excel shows; messages use the registry's names.
  const source = fs.readFileSync(path.join(__dirname, "..", "..", "src", "functions", "functions.ts"), "utf8");
  const helpNames = new Map<string, string[]>();
  for (const block of source.split("/**").slice(1)) {
    const id = /@customfunction (\w+)/.exec(block)?.[1];
    if (id) helpNames.set(id, [...block.matchAll(/@param \[?(\w+)\]?/g)].map((m) => m[1]));
  }
  it.each([...FUNCTIONS.keys()])("%s", (id) => {
    expect(helpNames.get(id)).toEqual(FUNCTIONS.get(id)!.args.map((a) => a.name));
  });
});
