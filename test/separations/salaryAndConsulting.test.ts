/**
 * SALARY_BALANCE against seed 000 ($370,300 a year "for six months from the Effective Date",
 * November 7, 2002; employee "through May 6, 2003" by the Chairman's letter) and CONSULTING_FEES against
 * seed 001 ("consulting advice for up to ten hours per month ... greater than ten hours per month ...
 * at a rate of $500 per hour"). Day counts and products worked by hand in the comments.
 */
import { isoToSerial } from "../../src/core/dates/serial";
import { salaryBalance } from "../../src/core/separations/salaryBalance";
import { consultingFees } from "../../src/core/separations/consultingFees";
import { evaluate } from "../../src/functions/registry";

const s = (iso: string) => isoToSerial(iso) as number;

describe("SALARY_BALANCE", () => {
  it.each([
    // paid through Feb 28, 2003, due through May 6, 2003: 31 + 30 + 6 = 67 days; 370,300 x 67 = 24,810,100; / 365 = 67,972.8767 -> 67,972.88
    [370300, "2003-02-28", "2003-05-06", 67972.88],
    // the whole six months: Nov 7, 2002 .. May 6, 2003 = 24 + 31 + 31 + 28 + 31 + 30 + 6 = 181 days; 67,024,300 / 365 = 183,628.2192 -> 183,628.22
    [370300, "2002-11-06", "2003-05-06", 183628.22],
    // one day: 370,300 / 365 = 1,014.5205 -> 1,014.52
    [370300, "2003-05-06", "2003-05-07", 1014.52],
    // a leap day counts as a day: Feb 28 -> Mar 1, 2004 is 2 days; 730 / 365 x 2 = 4
    [730, "2004-02-28", "2004-03-01", 4],
    // the same day: nothing due
    [370300, "2003-05-06", "2003-05-06", 0],
    // half-up in decimal: 36,501.825 / 365 = 100.005 exactly -> 100.01
    [36501.825, "2003-05-06", "2003-05-07", 100.01],
    // 366.825 / 365 = 1.005 exactly -> 1.01 (Math.round(x * 100) / 100 in binary floating point gives 1.00)
    [366.825, "2003-05-06", "2003-05-07", 1.01],
    // 1.825 / 365 = 0.005 -> 0.01
    [1.825, "2003-05-06", "2003-05-07", 0.01],
  ])("%p a year, paid through %s, due through %s: %p", (salary, paid, through, expected) => {
    expect(evaluate("SALARY_BALANCE", [salary, s(paid), s(through)])).toEqual({ value: expected });
  });

  it("rounds once, in decimal arithmetic", () => {
    // why the core does not use floating point: 1.005 x 100 is 100.49999999999999 in binary
    expect(Math.round((366.825 / 365) * 100) / 100).toBe(1);
    expect((36501.825 / 365).toFixed(2)).toBe("100.00");
    expect(salaryBalance(366.825, s("2003-05-06"), s("2003-05-07")).toFixed(2)).toBe("1.01");
    expect(salaryBalance(36501.825, s("2003-05-06"), s("2003-05-07")).toFixed(2)).toBe("100.01");
  });

  it.each([
    [[370300, s("2003-05-06"), s("2003-02-28")], "#NUM!", "mustNotPrecede", "through_date", "through_date (2003-02-28) must not precede last_day_paid (2003-05-06)"],
    [[-1, s("2003-02-28"), s("2003-05-06")], "#NUM!", "between", "annual_salary", "annual_salary (-1) must be between 0 and 1,000,000,000,000 dollars"],
    // 2,958,465 - 1 = 2,958,464 days; 1e12 x 2,958,464 / 365 = 8,105,380,821,917,808.2191... -> .22
    [[1e12, s("1900-01-01"), s("9999-12-31")], "#NUM!", "amountBeyondCents", "annual_salary",
      "the result (8105380821917808.22 dollars) is above 90,000,000,000,000 dollars, past the exact cents a cell holds: check annual_salary"],
    [["370,300", s("2003-02-28"), s("2003-05-06")], "#VALUE!", "notDecimal", "annual_salary", 'annual_salary ("370,300") must be a number in decimal notation (like 42, -0.5 or 1e-3)'],
  ])("%j -> %s %s naming %s", (args, code, key, field, message) => {
    expect(evaluate("SALARY_BALANCE", args)).toEqual({ error: code, key, field, message });
  });
});

describe("CONSULTING_FEES", () => {
  it.each([
    // seed 001's terms (defaults): 8, 12, 10, 15.5 hours: (12 - 10) + (15.5 - 10) = 7.5 hours x 500 = 3,750
    [[[[8], [12], [10], [15.5]]], 3750],
    // a row, with blanks skipped: 2 hours beyond ten = 1,000
    [[[[8, null, " ", 12]]], 1000],
    // a twelve-month Consulting Period (Aug 2006 - Jul 2007) within the included hours: nothing due
    [[[[10], [10], [5], [0], [10], [9], [10], [10], [1], [2], [3], [10]]], 0],
    // unused hours do not carry over: 0 then 20 hours = 10 beyond x 500 = 5,000
    [[[[0], [20]]], 5000],
    // other terms: none included, $250 an hour: 3 x 250 = 750
    [[[[1], [2]], 0, 250], 750],
    // fractional hours, rounded half-up once: 0.001 beyond x 5 = 0.005 -> 0.01
    [[[[10.001]], 10, 5], 0.01],
  ])("%j = %p", (args, expected) => {
    expect(evaluate("CONSULTING_FEES", args)).toEqual({ value: expected });
  });

  it("the core works in decimals", () => {
    expect(consultingFees([10.1, 10.2], 10, 500).toFixed(2)).toBe("150.00"); // 0.1 + 0.2 = 0.3 exactly, x 500
  });

  it.each([
    [[[[8], [-1]]], "#NUM!", "monthHoursOutOfRange", "hours_by_month",
      "hours_by_month at month 2 (-1) must be between 0 and 744 hours, the hours in a 31-day month (blank cells are not counted as months)"],
    // the position counts months given: the blank is skipped, so -3 is month 2
    [[[[8], [null], [-3]]], "#NUM!", "monthHoursOutOfRange", "hours_by_month",
      "hours_by_month at month 2 (-3) must be between 0 and 744 hours, the hours in a 31-day month (blank cells are not counted as months)"],
    [[[[745]]], "#NUM!", "monthHoursOutOfRange", "hours_by_month",
      "hours_by_month at month 1 (745) must be between 0 and 744 hours, the hours in a 31-day month (blank cells are not counted as months)"],
    [[[["ten"]]], "#VALUE!", "rangeCellNotNumber", "hours_by_month", 'hours_by_month at row 1, column 1 ("ten") must be a number, not text'],
    [[[[null]]], "#VALUE!", "rangeEmpty", "hours_by_month", "hours_by_month holds no numbers: every cell of the range is blank"],
    [[[[12]], -1], "#NUM!", "between", "included_hours", "included_hours (-1) must be between 0 and 744 hours a month"],
    [[[[12]], 10, -500], "#NUM!", "between", "hourly_rate", "hourly_rate (-500) must be between 0 and 1,000,000,000,000 dollars"],
  ])("%j -> %s %s naming %s", (args, code, key, field, message) => {
    expect(evaluate("CONSULTING_FEES", args)).toEqual({ error: code, key, field, message });
  });
});
