import fc from "fast-check";
import { evaluate, FUNCTION_IDS, FUNCTIONS } from "../../src/functions/registry";
import { isoToSerial } from "../../src/core/dates/serial";

const s = (iso: string) => isoToSerial(iso) as number;

describe("the catalogue through the cell boundary", () => {
  it("lists the twenty-five OPTEX functions", () => {
    expect(FUNCTION_IDS).toEqual([
      "BLACK_SCHOLES_VALUE", "IMPLIED_VOLATILITY", "VESTED_SHARES", "VESTING_SCHEDULE", "NEW_GRANT_DATE",
      "IS_BUSINESS_DAY", "ADD_BUSINESS_DAYS", "BUSINESS_DAYS_BETWEEN", "OFFER_MIN_EXPIRATION", "FEDERAL_HOLIDAYS",
      "FEE_RATE", "FILING_FEE", "NEW_OPTION_SHARES", "VALUE_FOR_VALUE_RATIO", "POST_TERMINATION_EXPIRY",
      "ISO_QUALIFYING_DATE", "SIMPLIFIED_TERM", "HULL_WHITE_VALUE", "BLACK_SCHOLES_GREEKS", "HISTORICAL_VOLATILITY",
      "INCREMENTAL_FAIR_VALUE", "RELEASE_DATES", "PAYMENT_SCHEDULE", "SALARY_BALANCE", "CONSULTING_FEES",
    ]);
  });

  it.each([
    ["BLACK_SCHOLES_VALUE", [42, 40, 0.5, 0.2, 0.1], 4.759422392871533],
    ["BLACK_SCHOLES_VALUE", [42, 40, 0.5, 0.2, 0.1, null, "PUT"], 0.808599372900094],
    ["NEW_GRANT_DATE", [s("2003-07-25")], s("2004-01-26")],
    ["NEW_GRANT_DATE", [s("2003-07-25"), null, null, "weekends"], s("2004-01-26")],
    ["OFFER_MIN_EXPIRATION", [s("2003-06-25")], s("2003-07-23")],
    ["ADD_BUSINESS_DAYS", [s("2003-07-25"), 3], s("2003-07-30")],
    ["BUSINESS_DAYS_BETWEEN", [s("2003-06-25"), s("2003-07-23")], 20],
    ["IS_BUSINESS_DAY", [s("2003-07-04")], false],
    ["IS_BUSINESS_DAY", [s("2018-12-05"), "FEDERAL_CLOSURES"], false],
    ["VESTED_SHARES", [2400, s("2004-01-26"), s("2004-02-26")], 350],
    ["VESTED_SHARES", [2400, s("2004-01-26"), s("2007-07-26")], 2400],
    ["FEE_RATE", [s("2003-06-25")], 80.9],
    ["FILING_FEE", [991619.92, s("2003-06-25")], 80.22],
    ["FILING_FEE", [991619.92, "", 80.9], 80.22],
    ["FILING_FEE", [89315917.89, null, 80.9], 7225.66],
    ["FILING_FEE", [991619.92, s("2003-06-25"), null, "dollar"], 81],
    ["FILING_FEE", [1000000, s("2026-11-02"), 150], 150],
    ["NEW_OPTION_SHARES", [1026013, null, 0.1], 102601],
    ["POST_TERMINATION_EXPIRY", [s("2006-03-31"), s("2012-01-15")], s("2006-06-30")],
    ["ISO_QUALIFYING_DATE", [s("2004-01-26"), s("2005-06-01")], s("2006-06-02")],
    // seed 000: $370,300 a year; Mar 31 + Apr 30 + May 6 = 67 days after Feb 28, 2003: 24,810,100 / 365 = 67,972.8767...
    ["SALARY_BALANCE", [370300, s("2003-02-28"), s("2003-05-06")], 67972.88],
    // seed 001: (12 - 10) + (15.5 - 10) = 7.5 hours beyond the ten included, x $500
    ["CONSULTING_FEES", [[[8], [12], [10], [15.5]]], 3750],
  ])("%s(%j) = %p", (id, args, expected) => {
    const outcome = evaluate(id, args);
    expect(outcome).toHaveProperty("value");
    const value = (outcome as { value: unknown }).value;
    if (typeof expected === "number" && !Number.isInteger(expected)) expect(value as number).toBeCloseTo(expected, 12);
    else expect(value).toBe(expected);
  });

  it("the valuation toolkit through the boundary: published and hand-worked values", () => {
    // Benninga, Financial Modelling (3rd ed.) 17.8: S = K = 50, T = 10, vesting 3, r 5%, sigma 35%, q 2.5%, exit 10%, M = 3
    expect((evaluate("HULL_WHITE_VALUE", [50, 50, 10, 0.35, 0.05, 0.025, 3, 0.1, 3]) as { value: number }).value).toBeCloseTo(13.5753, 4);
    // Hull, Example 19.1: S 49, K 50, r 5%, sigma 20%, 20 weeks: delta 0.522, gamma 0.066, vega 12.1, theta -4.31, rho 8.91
    const greeks = (evaluate("BLACK_SCHOLES_GREEKS", [49, 50, 20 / 52, 0.2, 0.05]) as { value: [string, number][] }).value;
    expect(greeks.map(([name]) => name)).toEqual(["delta", "gamma", "vega", "theta", "rho", "dividend_rho"]);
    expect(greeks[0][1]).toBeCloseTo(0.522, 3);
    expect(greeks[1][1]).toBeCloseTo(0.066, 3);
    expect(greeks[2][1]).toBeCloseTo(12.1, 1);
    expect(greeks[3][1]).toBeCloseTo(-4.31, 2);
    expect(greeks[4][1]).toBeCloseTo(8.91, 2);
    // closes 100, 110, 99 (a blank skipped): returns ln 1.1 and ln 0.9, sample sd = |ln 1.1 - ln 0.9| / sqrt 2, x sqrt 252
    const hv = evaluate("HISTORICAL_VOLATILITY", [[[100], [null], [110], [99]]]) as { value: number };
    expect(hv.value).toBeCloseTo((Math.abs(Math.log(1.1) - Math.log(0.9)) / Math.SQRT2) * Math.sqrt(252), 12);
    // repricing 50 -> 40 at S 42, T 0.5, sigma 20%, r 10%: 4.75942239 (Hull) - 0.65822759 = 4.10119481
    expect((evaluate("INCREMENTAL_FAIR_VALUE", [42, 50, 0.5, 40, 0.5, 0.2, 0.1]) as { value: number }).value).toBeCloseTo(4.10119480772481, 10);
  });

  it.each([
    ["HULL_WHITE_VALUE", [50, 50, 10, 0.35, 0.05, 0.025, 3, 0.1, 0.5], "#NUM!", "exercise_multiple (0.5)"],
    ["HULL_WHITE_VALUE", [50, 50, 10, 0.35, 0.05, 0.025, 11], "#NUM!", "vesting_years (11)"],
    ["HISTORICAL_VOLATILITY", [[[100], ["n/a"], [99]]], "#VALUE!", "prices"],
    ["HISTORICAL_VOLATILITY", [[[100], [99]]], "#N/A", "prices"],
    ["BLACK_SCHOLES_GREEKS", [49, 50, 0.38, 0.2, 0.05, 0, "straddle"], "#VALUE!", 'option_type ("straddle")'],
    ["INCREMENTAL_FAIR_VALUE", [42, 50, 0.5, 40, 0.5, 0.2, 0.1, 0, 0], "#NUM!", "old_shares (0)"],
    ["RELEASE_DATES", [s("2002-10-31"), s("2002-10-09")], "#NUM!", "signed_date (2002-10-31) is after the last day to consider the release, 2002-10-30"],
    ["PAYMENT_SCHEDULE", [100.005, s("2003-05-07"), s("2004-05-07")], "#NUM!", "total (100.005) must be in whole cents"],
    ["SALARY_BALANCE", [370300, s("2003-05-06"), s("2003-02-28")], "#NUM!", "through_date (2003-02-28) must not precede last_day_paid (2003-05-06)"],
    ["CONSULTING_FEES", [[[8], [-1]]], "#NUM!", "hours_by_month at month 2 (-1)"],
  ])("%s(%j) -> %s naming %s", (id, args, code, named) => {
    expect(evaluate(id, args)).toMatchObject({ error: code, message: expect.stringContaining(named) });
  });

  it("FEDERAL_HOLIDAYS spills dates and names; VESTING_SCHEDULE spills three columns", () => {
    const holidays = evaluate("FEDERAL_HOLIDAYS", [2021]) as { value: unknown[][] };
    expect(holidays.value).toHaveLength(12);
    expect(holidays.value[4]).toEqual([s("2021-06-18"), "Juneteenth National Independence Day"]);
    expect(holidays.value[11]).toEqual([s("2021-12-31"), "New Year's Day"]);
    const schedule = evaluate("VESTING_SCHEDULE", [2400, s("2004-01-26")]) as { value: unknown[][] };
    expect(schedule.value[0]).toEqual([s("2004-01-26"), 300, 300]);
    expect(schedule.value[42]).toEqual([s("2007-07-26"), 50, 2400]);
    // seed 000: signed 10/31/02, "effective as of November 7, 2002"; no delivery date: a blank first cell
    expect(evaluate("RELEASE_DATES", [s("2002-10-31"), null, null, null, "on"])).toEqual({ value: [["", s("2002-11-07"), s("2002-11-07")]] });
    // seed 000's $185,150: 24 semimonthly paydays May 15, 2003 .. April 30, 2004; 23 x 7,714.58 + 7,714.66
    const payments = evaluate("PAYMENT_SCHEDULE", [185150, s("2003-05-07"), s("2004-05-07")]) as { value: number[][] };
    expect(payments.value).toHaveLength(24);
    expect(payments.value[0]).toEqual([s("2003-05-15"), 7714.58, 7714.58]);
    expect(payments.value[23]).toEqual([s("2004-04-30"), 7714.66, 185150]);
  });

  it.each([
    ["BLACK_SCHOLES_VALUE", [42, 40, 0.5, -0.2, 0.1], "#NUM!", "volatility (-0.2)"],
    ["BLACK_SCHOLES_VALUE", ["abc", 40, 0.5, 0.2, 0.1], "#VALUE!", 'spot ("abc") must be a number'],
    ["BLACK_SCHOLES_VALUE", [42, 40, 0.5, 0.2, 0.1, 0, "straddle"], "#VALUE!", 'option_type ("straddle")'],
    ["BLACK_SCHOLES_VALUE", [42, 40, 0.5, 0.2], "#VALUE!", "risk_free_rate is required"],
    ["BLACK_SCHOLES_VALUE", [42, 40, 0.5, 0.2, true], "#VALUE!", "risk_free_rate (true)"],
    ["IMPLIED_VOLATILITY", [50, 42, 40, 0.5, 0.1], "#NUM!", "option_price (50)"],
    ["NEW_GRANT_DATE", [s("2003-07-25"), null, null, "TARGET"], "#VALUE!", 'calendar ("TARGET") must be one of FEDERAL, FEDERAL_CLOSURES, WEEKENDS'],
    ["NEW_GRANT_DATE", [0], "#NUM!", "cancellation_date (0) must be a date"],
    ["IS_BUSINESS_DAY", [2958466], "#NUM!", "date (2958466) must be a date"],
    ["IS_BUSINESS_DAY", [s("1960-01-04")], "#NUM!", "outside the FEDERAL calendar's range"],
    ["FEE_RATE", [s("2026-10-01")], "#N/A", "FY2027"],
    ["FILING_FEE", [991619.92, s("2026-10-01")], "#N/A", "rate_per_million"],
    ["FILING_FEE", [991619.92], "#N/A", "give filing_date or rate_per_million"],
    ["FILING_FEE", [991619.92, null, 80.9, "nearest"], "#VALUE!", 'rounding ("nearest")'],
    ["VESTED_SHARES", [2400.5, s("2004-01-26"), s("2004-02-26")], "#NUM!", "total_shares (2400.5) must be a whole number"],
    ["FEDERAL_HOLIDAYS", [1970], "#NUM!", "year (1970)"],
    ["FEDERAL_HOLIDAYS", [2021, "WEEKENDS"], "#N/A", "no holidays"],
    ["VESTING_SCHEDULE", [0, s("2004-01-26")], "#N/A", "no shares vest"],
    ["NEW_OPTION_SHARES", [100, 0], "#NUM!", "exchange_ratio (0)"],
    ["SIMPLIFIED_TERM", [1], "#NUM!", "exceeds contractual_years"],
    ["BLACK_SCHOLES_VALUE", [[[1, 2]], 40, 0.5, 0.2, 0.1], "#VALUE!", "spot must be a single value, not a range"],
    ["NO_SUCH_FUNCTION", [], "#NAME?", "unknown function"],
  ])("%s(%j) -> %s naming the argument", (id, args, code, message) => {
    const outcome = evaluate(id, args as unknown[]);
    expect(outcome).toMatchObject({ error: code });
    expect((outcome as { message: string }).message).toContain(message);
  });

  it("every function on hostile input returns a value or a proper error, never throws, NaN or Infinity", () => {
    const hostile = fc.oneof(
      fc.constantFrom(NaN, Infinity, -Infinity, 0, -1, 60, 2958465, 2958466, 1e308, -1e308, 5e-324, 0.5, "", " ", null, undefined, true, false, "abc", "=1+1", "2003-07-25", "1e400", [[1]], [[1, 2], [3, 4]], [], {}),
      fc.double(),
      fc.integer({ min: -1e7, max: 1e7 }),
      fc.string({ maxLength: 8 }),
    );
    const codes = new Set(["#VALUE!", "#NUM!", "#N/A"]);
    for (const spec of FUNCTIONS.values()) {
      fc.assert(
        fc.property(fc.array(hostile, { minLength: 0, maxLength: spec.args.length }), (args) => {
          const outcome = evaluate(spec.id, args);
          if ("error" in outcome) {
            return codes.has(outcome.error) && outcome.message.length > 0 && !outcome.message.startsWith("internal error");
          }
          const check = (v: unknown): boolean =>
            typeof v === "number" ? Number.isFinite(v) : typeof v === "boolean" || typeof v === "string" || (Array.isArray(v) && v.length > 0 && v.every((row) => Array.isArray(row) && row.every(check)));
          return check(outcome.value);
        }),
        { numRuns: 400 },
      );
    }
  });

  it("valid random inputs give finite values (no NaN leaks)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        (spot, strike, term, vol, rate) => {
          const outcome = evaluate("BLACK_SCHOLES_VALUE", [spot, strike, term, vol, rate]);
          return "value" in outcome && Number.isFinite(outcome.value as number) && (outcome.value as number) >= 0;
        },
      ),
      { numRuns: 3000 },
    );
  });
});
