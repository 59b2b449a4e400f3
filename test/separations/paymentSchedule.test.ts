/**
 * PAYMENT_SCHEDULE against seed 000: "$185,150 USD ... to be paid in equal installments ... in
 * accordance with the Company's normal payroll practices" during the twelve months from the six-month
 * anniversary (May 7, 2003) to the eighteen-month anniversary (May 7, 2004) of the Effective Date
 * (November 7, 2002). The payroll frequency is not stated in the seed: semimonthly is assumed, monthly
 * shown too. Weekdays from a perpetual calendar (checked with Python's datetime); holidays from 5 U.S.C. 6103.
 */
import Decimal from "decimal.js";
import { calendarFor } from "../../src/core/calendars/calendar";
import { isoToSerial } from "../../src/core/dates/serial";
import { parsePayFrequency, paymentSchedule } from "../../src/core/separations/paymentSchedule";
import { evaluate } from "../../src/functions/registry";

const s = (iso: string) => isoToSerial(iso) as number;
const rows = (args: unknown[]) => {
  const outcome = evaluate("PAYMENT_SCHEDULE", args);
  if (!("value" in outcome)) throw new Error(JSON.stringify(outcome));
  return outcome.value as number[][];
};

describe("PAYMENT_SCHEDULE", () => {
  it("seed 000's $185,150, semimonthly: 24 paydays, weekend paydays on the Friday before, 23 x 7,714.58 + 7,714.66", () => {
    // 185,150 / 24 = 7,714.5833...: 7,714.58 each; 7,714.58 x 23 = 177,435.34; 185,150 - 177,435.34 = 7,714.66
    const paid = [
      "2003-05-15", "2003-05-30" /* Sat 31 */, "2003-06-13" /* Sun 15 */, "2003-06-30", "2003-07-15", "2003-07-31",
      "2003-08-15", "2003-08-29" /* Sun 31 */, "2003-09-15", "2003-09-30", "2003-10-15", "2003-10-31",
      "2003-11-14" /* Sat 15 */, "2003-11-28" /* Sun 30 */, "2003-12-15", "2003-12-31", "2004-01-15", "2004-01-30" /* Sat 31 */,
      "2004-02-13" /* Sun 15 */, "2004-02-27" /* Sun 29 */, "2004-03-15", "2004-03-31", "2004-04-15", "2004-04-30",
    ];
    const schedule = rows([185150, s("2003-05-07"), s("2004-05-07")]);
    expect(schedule.map((r) => r[0])).toEqual(paid.map(s));
    expect(schedule.slice(0, 23).every((r) => r[1] === 7714.58)).toBe(true);
    expect(schedule[23]).toEqual([s("2004-04-30"), 7714.66, 185150]);
    expect(schedule[22][2]).toBe(177435.34);
    // the column sums to the total exactly, in decimal
    expect(schedule.reduce((sum, r) => sum.plus(r[1]), new Decimal(0)).toFixed(2)).toBe("185150.00");
  });

  it("seed 000's $185,150 monthly: 12 month-ends, 11 x 15,429.16 + 15,429.24", () => {
    // 185,150 / 12 = 15,429.1666...; 15,429.16 x 11 = 169,720.76; 185,150 - 169,720.76 = 15,429.24
    const schedule = rows([185150, s("2003-05-07"), s("2004-05-07"), "monthly"]);
    expect(schedule).toHaveLength(12);
    expect(schedule[0]).toEqual([s("2003-05-30"), 15429.16, 15429.16]);
    expect(schedule[10]).toEqual([s("2004-03-31"), 15429.16, 169720.76]);
    expect(schedule[11]).toEqual([s("2004-04-30"), 15429.24, 185150]);
  });

  it("holidays: Presidents' Day Feb 15, 2010 and Memorial Day May 31, 2010 are paid the Friday before; WEEKENDS keeps them", () => {
    const expected = ["2010-02-12", "2010-02-26", "2010-03-15", "2010-03-31", "2010-04-15", "2010-04-30", "2010-05-14", "2010-05-28"];
    const federal = rows([1000, s("2010-02-01"), s("2010-05-31")]);
    expect(federal.map((r) => r[0])).toEqual(expected.map(s));
    expect(federal.map((r) => r[1])).toEqual(Array(8).fill(125)); // 1,000 / 8 exactly
    const weekends = rows([1000, s("2010-02-01"), s("2010-05-31"), "semimonthly", "WEEKENDS"]);
    expect(weekends[0][0]).toBe(s("2010-02-15"));
    expect(weekends[7][0]).toBe(s("2010-05-31"));
  });

  it("first_date is a semimonthly payday only when it is the 15th or a month's end; last_date counts", () => {
    expect(rows([100, s("2003-05-15"), s("2003-05-31")]).map((r) => r[0])).toEqual([s("2003-05-15"), s("2003-05-30")]);
    expect(rows([100, s("2003-05-16"), s("2003-06-15")]).map((r) => r[0])).toEqual([s("2003-05-30"), s("2003-06-13")]);
    // a payday inside the range on a weekend is paid before first_date: Sat May 31 -> Fri May 30
    expect(rows([100, s("2003-05-31"), s("2003-06-01")])).toEqual([[s("2003-05-30"), 100, 100]]);
  });

  it("biweekly and weekly: first_date and every 14 / 7 days; the remainder cents on the last", () => {
    // May 7, 21, June 4, 18 (Wednesdays); 100.01 / 4 = 25.0025: 25.00 x 3 + 25.01
    expect(rows([100.01, s("2003-05-07"), s("2003-06-30"), "biweekly"])).toEqual([
      [s("2003-05-07"), 25, 25],
      [s("2003-05-21"), 25, 50],
      [s("2003-06-04"), 25, 75],
      [s("2003-06-18"), 25.01, 100.01],
    ]);
    // Fridays from June 27, 2003: July 4 is Independence Day, paid Thursday July 3; 0.01 / 3 = 0.00 x 2 + 0.01
    expect(rows([0.01, s("2003-06-27"), s("2003-07-11"), "Weekly"])).toEqual([
      [s("2003-06-27"), 0, 0],
      [s("2003-07-03"), 0, 0],
      [s("2003-07-11"), 0.01, 0.01],
    ]);
  });

  it("the core keeps amounts as exact decimals that sum to the total", () => {
    const payments = paymentSchedule(1000000.07, s("2003-01-01"), s("2003-12-31"), "semimonthly", calendarFor("FEDERAL"));
    expect(payments).toHaveLength(24);
    // 1,000,000.07 / 24 = 41,666.669583...: 41,666.66 x 23 = 958,333.18; the last 41,666.89
    expect(payments[0].amount.toFixed(2)).toBe("41666.66");
    expect(payments[23].amount.toFixed(2)).toBe("41666.89");
    expect(payments[23].cumulative.toFixed(2)).toBe("1000000.07");
    expect(parsePayFrequency("Semi-Monthly")).toBe("semimonthly");
  });

  it.each([
    [[185150.001, s("2003-05-07"), s("2004-05-07")], "#NUM!", "notWholeCents", "total", "total (185150.001) must be in whole cents, like 185150 or 7714.58"],
    [[-1, s("2003-05-07"), s("2004-05-07")], "#NUM!", "between", "total", "total (-1) must be between 0 and 1,000,000,000,000 dollars"],
    [[1e13, s("2003-05-07"), s("2004-05-07")], "#NUM!", "between", "total", "total (10000000000000) must be between 0 and 1,000,000,000,000 dollars"],
    [[100, s("2004-05-07"), s("2003-05-07")], "#NUM!", "mustNotPrecede", "last_date", "last_date (2003-05-07) must not precede first_date (2004-05-07)"],
    [[100, s("2003-05-16"), s("2003-05-29")], "#N/A", "noPayday", "first_date", "no semimonthly payday falls from first_date (2003-05-16) through last_date (2003-05-29)"],
    [[100, s("2003-05-01"), s("2003-05-30"), "monthly"], "#N/A", "noPayday", "first_date", "no monthly payday falls from first_date (2003-05-01) through last_date (2003-05-30)"],
    [[100, s("2003-05-07"), s("2004-05-07"), "fortnightly"], "#VALUE!", "notOneOf", "frequency", 'frequency ("fortnightly") must be one of semimonthly, monthly, biweekly, weekly'],
    [[100, s("2003-05-07"), s("2004-05-07"), null, "TARGET"], "#VALUE!", "notOneOf", "calendar", 'calendar ("TARGET") must be one of FEDERAL, FEDERAL_CLOSURES, WEEKENDS'],
    [[100, s("1970-12-15"), s("2003-05-07")], "#NUM!", "outsideCalendar", "first_date", "first_date (25917) is outside the FEDERAL calendar's range 1971-01-01..2099-12-31"],
    // January 1, 1971 is New Year's Day (a Friday): weekly pay from it has no business day before it in the calendar
    [[100, s("1971-01-01"), s("1971-01-31"), "weekly"], "#NUM!", "noBusinessDayBefore", "first_date",
      "the payday 1971-01-01 from first_date has no business day on or before it within the FEDERAL calendar, which starts 1971-01-01"],
    [[100, s("1900-01-01"), s("9999-12-31"), "weekly", "WEEKENDS"], "#NUM!", "tooManyPayments", "last_date",
      "more than 10000 weekly paydays fall from first_date (1900-01-01) through last_date (9999-12-31)"],
  ])("%j -> %s %s naming %s", (args, code, key, field, message) => {
    expect(evaluate("PAYMENT_SCHEDULE", args)).toEqual({ error: code, key, field, message });
  });
});
