/**
 * The ledger's cell grammar. Every table is input -> expected outcome (a value, blank, or a
 * fragment of the reason); adding a case is one line. Expected values are written by hand:
 * 2003-06-23 is Excel serial 37795 (=DATE(2003,6,23)), 1900-01-01 is 1, 9999-12-31 is 2958465.
 */
import fc from "fast-check";
import {
  HOLDER_CLASSES,
  normalizeCountry,
  normalizeHolderClass,
  RawCell,
  Read,
  readDate,
  readDateTime,
  readNumber,
  readPrice,
  readShares,
} from "../../src/core/ledger/values";

const JUNE_23_2003 = 37795;

/** What a reason must begin with: the typed text, quoted (trimmed; TRUE/FALSE as Excel shows them). */
const quoted = (cell: RawCell) => JSON.stringify(typeof cell === "boolean" ? String(cell).toUpperCase() : String(cell).trim());

/** Asserts a rejection whose reason quotes the cell and contains `fragment`. */
function expectRejected(read: Read<unknown>, cell: RawCell, fragment: string): void {
  expect(read).toEqual({ ok: false, reason: expect.stringContaining(fragment) });
  if (!read.ok && String(cell).trim().length <= 40) expect(read.reason.startsWith(quoted(cell))).toBe(true);
}

const BIG = "1" + "0".repeat(400);

/** A cell as a test title shows it (a long text cut, with its length). */
function label(cell: RawCell): string {
  if (typeof cell === "string" && cell.length > 40) return `${JSON.stringify(cell.slice(0, 12) + "…")} (${cell.length} characters)`;
  return typeof cell === "number" ? String(cell) : JSON.stringify(cell) ?? "undefined";
}

/** Rows [cell, expected] -> [title of the cell, expected, cell], for it.each("%s ..."). */
const titled = <E>(rows: [RawCell, E][]): [string, E, RawCell][] => rows.map(([cell, expected]) => [label(cell), expected, cell]);

describe("issue 7, section 1: each value main misread", () => {
  it.each(([
    ["readShares", readShares, "1.000", "is ambiguous: it could be 1000 written the European way; write 1000, or 1.00"],
    ["readPrice", readPrice, "1.000", "is ambiguous"],
    ["readShares", readShares, "0x10", "is hexadecimal"],
    ["readPrice", readPrice, "0x10", "is hexadecimal"],
    ["readPrice", readPrice, BIG, "is too large"],
    ["readShares", readShares, BIG, "is too large"],
    ["readDate", readDate, "2003-06-23Tgarbage", 'has an invalid time ("garbage")'],
    ["readDate", readDate, "2003-06-23 garbage", 'has text after the date ("garbage")'],
    ["readDate", readDate, "2003-06-23T99:99:99", 'has an invalid time ("99:99:99": hour 99 is not 0-23)'],
  ] as [string, (c: RawCell) => Read<number>, RawCell, string][]).map(([name, read, cell, fragment]) => [`${name}(${label(cell)})`, fragment, read, cell] as const))(
    "%s is rejected: %s",
    (_title, fragment, read, cell) => {
      expectRejected(read(cell), cell, fragment);
    },
  );

  it.each([
    ["Former Employee", "former employee"],
    ["Ex-Employee", "ex employee"],
    ["Non-Employee", "non employee"],
    ["Terminated Employee", "terminated employee"],
    ["Not an employee", "not an employee"],
  ])("holder class %j is its own class %j, not employee", (cell, expected) => {
    expect(normalizeHolderClass(cell)).toBe(expected);
  });
});

describe("readPrice", () => {
  it.each(titled<number | undefined>([
    ["2.5", 2.5],
    ["$2.50", 2.5],
    ["1,026,013", 1026013],
    ["$1,026,013.25", 1026013.25],
    ["0.875", 0.875],
    ["1.2750", 1.275],
    ["$0.0625", 0.0625],
    [".50", 0.5],
    ["$.5", 0.5],
    ["US$2.50", 2.5],
    ["us$ 2.50", 2.5],
    ["$ 2.50", 2.5],
    ["+2.50", 2.5],
    ["  $2.50  ", 2.5],
    ["\u00a0$2.50\u00a0", 2.5],
    ["1000.000", 1000],
    ["1,000.000", 1000],
    ["0.000", 0],
    ["007.50", 7.5],
    ["0", 0],
    ["$0.00", 0],
    ["-0", 0],
    ["10,000,000", 10000000],
    [2.5, 2.5],
    [0, 0],
    [10000000, 10000000],
    ["", undefined],
    ["   ", undefined],
    [null, undefined],
    [undefined, undefined],
  ]))("%s -> %p", (_title, expected, cell) => {
    expect(readPrice(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(titled<string>([
    ["1.000", "write 1000, or 1.00"],
    ["12.500", "it could be 12500 written the European way; write 12500, or 12.50"],
    ["12.375", "write 12375, or 12.3750"],
    ["$1.000", "is ambiguous"],
    ["-1.000", "is ambiguous"],
    ["2,50", "uses a decimal comma; write 2.50"],
    ["0,875", "uses a decimal comma; write 0.875"],
    ["0,500", "uses a decimal comma; write 0.500"],
    ["$2,5", "uses a decimal comma; write 2.5"],
    ["1.000,50", "European way (dots for thousands, a decimal comma); write 1000.50"],
    ["1.234.567", "uses dots as thousands separators; write 1234567"],
    ["1,00,000", "commas that are not thousands separators"],
    ["1000,000", "commas that are not thousands separators"],
    ["01,000", "commas that are not thousands separators"],
    ["1,000,00", "commas that are not thousands separators"],
    ["0x10", "is hexadecimal"],
    ["0X1F", "is hexadecimal"],
    ["-0x10", "is hexadecimal"],
    ["0b1", "is binary"],
    ["0o7", "is octal"],
    ["1e3", "exponent notation, which is not a ledger format"],
    ["1E+15", "exponent notation"],
    ["2.5e-3", "exponent notation"],
    ["Infinity", "is not a finite number"],
    ["-Infinity", "is not a finite number"],
    ["NaN", "is not a finite number"],
    ["€2.50", "is in a foreign currency (€)"],
    ["£2.50", "is in a foreign currency (£)"],
    ["¥250", "is in a foreign currency (¥)"],
    ["2,50 €", "is in a foreign currency (€)"],
    ["C$2.50", "is in a foreign currency (C$)"],
    ["HK$2.50", "is in a foreign currency (HK$)"],
    ["EUR 2.50", "is in a foreign currency (EUR)"],
    ["2.50 GBP", "is in a foreign currency (GBP)"],
    ["2.50 USD", "has the currency code USD; write the amount as $2.50 or 2.50"],
    ["USD 2.50", "has the currency code USD"],
    ["2.50$", "has the $ after the number"],
    ["2.50 each", 'has text after the number ("each")'],
    ["$2.50/share", 'has text after the number ("/share")'],
    ["5%", 'has text after the number ("%")'],
    ["two", "is not a number"],
    ["$", "is not a number"],
    ["1.5.2", "is not a number"],
    ["(2.50", "is not a number"],
    ["-", "is a lone dash, not a number (write 0 if the value is zero)"],
    ["$ -", "is a lone dash"],
    ["1000-", "has a trailing minus sign; write -1000"],
    ["1 000", "separates thousands with spaces"],
    ["1\u00a0000,50", "separates thousands with spaces"],
    ["1'000", "separates thousands with apostrophes"],
    ["2.", "ends with a decimal point"],
    ["#N/A", "is an Excel error value"],
    ["#VALUE!", "is an Excel error value"],
    ["-2.50", "is negative; a price must not be negative"],
    ["(2.50)", "is negative"],
    ["$(2.50)", "is negative"],
    ["-$2.50", "is negative"],
    ["10,000,000.01", "is too large (more than $10,000,000 a share)"],
    [BIG, "is too large"],
    [`${BIG}.50`, "is too large"],
    [-1, "is negative"],
    [1e300, "is too large"],
    [NaN, "is not a finite number"],
    [Infinity, "is not a finite number"],
    [-Infinity, "is not a finite number"],
    [true, '"TRUE" is a TRUE/FALSE value, not a number'],
  ]))("%s is rejected: %s", (_title, fragment, cell) => {
    expectRejected(readPrice(cell), cell, fragment);
  });

  it("a 400-digit price is quoted cut, with its length", () => {
    expect(readPrice(BIG)).toEqual({ ok: false, reason: '"100000000000000000000000…" (401 characters) is too large (more than $10,000,000 a share)' });
  });

  it("reads plain decimals exactly as JavaScript's own parser does (the oracle)", () => {
    const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.oneof(fc.constant(""), digits(1, 2), digits(4, 12)), fc.boolean(), (whole, fraction, grouped) => {
        const plain = fraction === "" ? String(whole) : `${whole}.${fraction}`;
        const int = grouped ? whole.toLocaleString("en-US") : String(whole);
        const typed = `$${int}${fraction === "" ? "" : "." + fraction}`;
        return readPrice(typed).ok && (readPrice(typed) as { value: number }).value === Number(plain);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("readShares", () => {
  it.each(titled<number | undefined>([
    ["1000", 1000],
    ["1,000", 1000],
    ["1,026,013", 1026013],
    ["1000.00", 1000],
    ["1,000.0", 1000],
    ["1000.000", 1000],
    ["0", 0],
    ["007", 7],
    [" 1,000 ", 1000],
    ["1,000,000,000,000", 1e12],
    [1000, 1000],
    [1e12, 1e12],
    ["", undefined],
    [null, undefined],
  ]))("%s -> %p", (_title, expected, cell) => {
    expect(readShares(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(titled<string>([
    ["1.000", "is ambiguous: it could be 1000 written the European way"],
    ["10.000", "write 10000, or 10.00"],
    ["100.000", "write 100000, or 100.00"],
    ["1.000.000", "uses dots as thousands separators; write 1000000"],
    ["1.5", "is not a whole number of shares"],
    ["1,000.5", "is not a whole number of shares"],
    ["1.0000000000000001", "is not a whole number of shares"],
    [1.5, "is not a whole number of shares"],
    ["-5", "is negative; a share count must not be negative"],
    ["(100)", "is negative"],
    [-5, "is negative"],
    ["$1,000", "has a currency sign; a share count is not money"],
    ["1e3", "exponent notation"],
    ["1E+15", "exponent notation"],
    ["0x10", "is hexadecimal"],
    ["1,000,000,000,001", "is too large (more than 1,000,000,000,000 shares)"],
    [BIG, "is too large"],
    [`${BIG}.5`, "is too large"],
    [1e13, "is too large"],
    [1e300, "is too large"],
    [Infinity, "is not a finite number"],
    ["12 shares", 'has text after the number ("shares")'],
    ["2,50", "uses a decimal comma"],
    ["1 000", "separates thousands with spaces"],
    [false, '"FALSE" is a TRUE/FALSE value'],
  ]))("%s is rejected: %s", (_title, fragment, cell) => {
    expectRejected(readShares(cell), cell, fragment);
  });
});

describe("readNumber (generic, signed)", () => {
  it.each(titled<number | undefined>([
    ["$2.50", 2.5],
    ["(12)", -12],
    ["-1,000.25", -1000.25],
    ["1000", 1000],
    [-3.5, -3.5],
    ["", undefined],
  ]))("%s -> %p", (_title, expected, cell) => {
    expect(readNumber(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(titled<string>([
    ["1.000", "is ambiguous"],
    ["1,02,6", "commas that are not thousands separators"],
    ["0x10", "is hexadecimal"],
    ["1e3", "exponent notation"],
    [BIG, "is too large"],
    [Infinity, "is not a finite number"],
  ]))("%s is rejected: %s", (_title, fragment, cell) => {
    expectRejected(readNumber(cell), cell, fragment);
  });
});

describe("readDate (date-only columns)", () => {
  it.each(titled<number | undefined>([
    ["2003-06-23", JUNE_23_2003],
    ["2003/06/23", JUNE_23_2003],
    ["2003-6-23", JUNE_23_2003],
    [" 2003-06-23 ", JUNE_23_2003],
    ["6/23/2003", JUNE_23_2003],
    ["06/23/2003", JUNE_23_2003],
    ["6/23/03", JUNE_23_2003],
    ["23-Jun-03", JUNE_23_2003],
    ["23-JUN-2003", JUNE_23_2003],
    ["23 Jun 2003", JUNE_23_2003],
    ["Jun 23, 2003", JUNE_23_2003],
    ["June 23, 2003", JUNE_23_2003],
    ["20030623", JUNE_23_2003],
    [20030623, JUNE_23_2003],
    ["37795", JUNE_23_2003],
    ["37795.0", JUNE_23_2003],
    [37795, JUNE_23_2003],
    // a date-time at exactly midnight is that date (SQL and Excel exports write dates so)
    ["2003-06-23 00:00", JUNE_23_2003],
    ["2003-06-23T00:00:00", JUNE_23_2003],
    ["2003-06-23T00:00:00.000", JUNE_23_2003],
    ["2003-06-23T00:00:00Z", JUNE_23_2003],
    ["2003-06-23T00:00:00.000Z", JUNE_23_2003],
    ["2003-06-23 00:00:00-05:00", JUNE_23_2003],
    ["6/23/2003 0:00", JUNE_23_2003],
    ["6/23/2003 00:00:00", JUNE_23_2003],
    ["6/23/2003 12:00 AM", JUNE_23_2003],
    ["6/23/2003 12:00:00 AM", JUNE_23_2003],
    // two-digit years: 00-49 are 20xx, 50-99 are 19xx
    ["1/1/49", 54424], // 2049-01-01 = 36526 + 49 * 365 + 13 leap days
    ["1/1/50", 18264], // 1950-01-01 = 1 + 50 * 365 + 12 leap days + Excel's 1900-02-29
    ["1/1/00", 36526], // 2000-01-01
    ["2/29/2004", 38046],
    ["2000-02-29", 36585],
    ["1900-01-01", 1],
    ["1900-03-01", 61],
    ["9999-12-31", 2958465],
    [1, 1],
    [2958465, 2958465],
    ["", undefined],
    ["  ", undefined],
    [null, undefined],
  ]))("%s -> %p", (_title, expected, cell) => {
    expect(readDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(titled<string>([
    ["2003-06-23Tgarbage", 'has an invalid time ("garbage")'],
    ["2003-06-23T", 'has an invalid time ("")'],
    ["2003-06-23T14", 'has an invalid time ("14")'],
    ["2003-06-23 garbage", 'has text after the date ("garbage")'],
    ["2003-06-23garbage", 'has text after the date ("garbage")'],
    ["6/23/2003 garbage", 'has text after the date ("garbage")'],
    ["6/23/2003T00:00", 'has text after the date ("T00:00")'],
    ["2003-06-23T99:99:99", 'has an invalid time ("99:99:99": hour 99 is not 0-23)'],
    ["2003-06-23T24:00:00", "hour 24 is not 0-23"],
    ["2003-06-23T23:60", "minute 60 is not 0-59"],
    ["2003-06-23T23:59:60", "second 60 is not 0-59"],
    ["6/23/2003 13:00 PM", "hour 13 is not 1-12"],
    ["2003-06-23T00:00:00+15:00", "offset +15:00 is not a UTC offset"],
    ["2003-06-23 14:30", "has a time of day (14:30); this column takes a date"],
    ["2003-06-23T00:00:01", "has a time of day (00:00:01)"],
    ["6/23/2003 2:30 PM", "has a time of day (2:30 PM)"],
    ["6/23/2003 12:00 PM", "has a time of day (12:00 PM)"],
    [37795.5, "has a time of day (12:00); this column takes a date"],
    ["37795.75", "has a time of day (18:00)"],
    ["2003-02-30", "is not a date: February 2003 has 28 days"],
    ["2/29/2003", "is not a date: February 2003 has 28 days"],
    ["2100-02-29", "February 2100 has 28 days"],
    ["1900-02-29", "February 1900 has 28 days"],
    ["4/31/2003", "April 2003 has 30 days"],
    ["13/1/2003", "dates are read in US order M/D/YYYY and 13 is not a month; if it means 13 January 2003, write 2003-01-13"],
    ["23/6/2003", "US order M/D/YYYY"],
    ["0/1/2003", "0 is not a month"],
    ["2003-13-01", "13 is not a month"],
    ["20031301", "13 is not a month (YYYYMMDD)"],
    ["23.06.2003", "D.M.YYYY (European order) is not read"],
    ["6-23-2003", "day and month order is unclear with dashes"],
    ["1899-12-31", "is before 1900-01-01"],
    ["2003", "is ambiguous: a year, or the Excel serial of 1905-06-25?"],
    [2003, "is ambiguous: a year"],
    [60, "Excel's serial for 1900-02-29, a day that did not exist"],
    [0, "Excel serials run from 1 (1900-01-01) to 2958465 (9999-12-31)"],
    [-1, "Excel serials run from 1"],
    [2958466, "Excel serials run from 1"],
    ["123456789", "an Excel serial is at most 2958465"],
    ["-5", "is not a date: an Excel serial is a whole number of days"],
    ["June 23rd, 2003", "is not a date (write YYYY-MM-DD, M/D/YYYY or an Excel serial)"],
    ["abc", "is not a date"],
    [NaN, "is not a date"],
    [true, "is a TRUE/FALSE value, not a date"],
  ]))("%s is rejected: %s", (_title, fragment, cell) => {
    expectRejected(readDate(cell), cell, fragment);
  });
});

describe("readDateTime (columns that take times)", () => {
  const at = (serial: number, h: number, m: number, s = 0) => serial + (h * 3600 + m * 60 + s) / 86400;

  it.each<[RawCell, number, number | undefined, boolean]>([
    ["2003-06-23T14:30", at(JUNE_23_2003, 14, 30), undefined, true],
    ["2003-06-23 14:30:15", at(JUNE_23_2003, 14, 30, 15), undefined, true],
    ["2003-06-23T14:30:15.250", at(JUNE_23_2003, 14, 30, 15.25), undefined, true],
    ["2003-06-23T14:30:00Z", at(JUNE_23_2003, 14, 30), 0, true],
    ["2003-06-23T14:30:00+05:30", at(JUNE_23_2003, 14, 30), 330, true],
    ["2003-06-23T14:30:00-0800", at(JUNE_23_2003, 14, 30), -480, true],
    ["2003-06-23T14:30+09", at(JUNE_23_2003, 14, 30), 540, true],
    ["6/23/2003 14:30", at(JUNE_23_2003, 14, 30), undefined, true],
    ["6/23/2003 2:30 PM", at(JUNE_23_2003, 14, 30), undefined, true],
    ["6/23/2003 2:30:15 pm", at(JUNE_23_2003, 14, 30, 15), undefined, true],
    ["6/23/2003 12:30 AM", at(JUNE_23_2003, 0, 30), undefined, true],
    ["6/23/2003 12:30 PM", at(JUNE_23_2003, 12, 30), undefined, true],
    ["23-Jun-2003 09:05", at(JUNE_23_2003, 9, 5), undefined, true],
    ["2003-06-23 00:00", JUNE_23_2003, undefined, true],
    ["2003-06-23", JUNE_23_2003, undefined, false],
    [37795.75, at(JUNE_23_2003, 18, 0), undefined, true],
    ["37795.75", at(JUNE_23_2003, 18, 0), undefined, true],
    [37795, JUNE_23_2003, undefined, false],
  ])("%j -> serial %d, offset %p, time of day %p", (cell, serial, offsetMinutes, timeOfDay) => {
    const r = readDateTime(cell);
    expect(r).toEqual({ ok: true, value: { serial: expect.any(Number), offsetMinutes, timeOfDay } });
    expect(r.ok && r.value!.serial).toBeCloseTo(serial, 9);
  });

  it.each(titled<string>([
    ["6/23/2003 0:30 AM", 'has an invalid time ("0:30 AM": hour 0 is not 1-12)'],
    ["6/23/2003 14:30 PM", "hour 14 is not 1-12"],
    ["2003-06-23T25:00", "hour 25 is not 0-23"],
    ["2003-06-23T14:30+15:00", "offset +15:00 is not a UTC offset"],
    ["2003-06-23T14:30+05:60", "offset +05:60 is not a UTC offset"],
    ["6/23/2003 14:30Z", 'has an invalid time ("14:30Z")'],
    ["2003-06-23T14:30:00 EST", 'has an invalid time ("14:30:00 EST")'],
    ["2003-06-23T14:30:00,5", "has an invalid time"],
    ["2003-06-23 garbage", 'has text after the date ("garbage")'],
    ["2003-02-30T10:00", "February 2003 has 28 days"],
  ]))("%s is rejected: %s", (_title, fragment, cell) => {
    expectRejected(readDateTime(cell), cell, fragment);
  });

  it("reads a blank as no value", () => {
    expect(readDateTime(" ")).toEqual({ ok: true, value: undefined });
  });
});

describe("holder classes", () => {
  it.each([
    ["Employee", "employee"],
    ["EMPLOYEE", "employee"],
    [" employee ", "employee"],
    ["EE", "employee"],
    ["Staff", "employee"],
    ["Full-time Employee", "employee"],
    ["full_time_employee", "employee"],
    ["Part-Time Employee", "employee"],
    ["Non-Exempt Employee", "employee"],
    ["Non-Executive Employee", "employee"],
    ["Nonexecutive Employee", "employee"],
    ["Officer", "officer"],
    ["Section 16 Officer", "officer"],
    ["Sec. 16 Officer", "officer"],
    ["Executive Officer", "executive"],
    ["Executive", "executive"],
    ["Director", "director"],
    ["Non-Employee Director", "director"],
    ["Outside Director", "director"],
    ["Board Member", "director"],
    ["Consultant", "consultant"],
    ["Contractor", "consultant"],
    ["Independent Contractor", "consultant"],
    ["Advisor", "consultant"],
    ["Adviser", "consultant"],
    // anything not plainly one of them is its own class, never employee
    ["Former Employee", "former employee"],
    ["Ex-Employee", "ex employee"],
    ["Ex Employee", "ex employee"],
    ["Non-Employee", "non employee"],
    ["Nonemployee", "nonemployee"],
    ["Terminated Employee", "terminated employee"],
    ["Not an employee", "not an employee"],
    ["Retired Employee", "retired employee"],
    ["Employee (terminated)", "employee (terminated)"],
    ["Former Director", "former director"],
    ["Retired", "retired"],
    ["Intern", "intern"],
    ["Officer/Director", "officer/director"],
    ["", ""],
  ])("%j -> %j", (cell, expected) => {
    expect(normalizeHolderClass(cell)).toBe(expected);
  });

  it.each(Object.entries(HOLDER_CLASSES).flatMap(([canonical, aliases]) => aliases.map((alias) => [alias, canonical])))("alias %j is %j", (alias, canonical) => {
    expect(normalizeHolderClass(alias)).toBe(canonical);
  });
});

describe("countries", () => {
  it.each([
    ["US", "US"],
    ["USA", "US"],
    ["u.s.a.", "US"],
    ["United States", "US"],
    ["United States of America", "US"],
    ["Non-US", "NON-US"],
    ["Non U.S.", "NON U S"],
    ["Outside US", "OUTSIDE US"],
    ["US Virgin Islands", "US VIRGIN ISLANDS"],
    ["Mexico", "MEXICO"],
  ])("%j -> %j", (cell, expected) => {
    expect(normalizeCountry(cell)).toBe(expected);
  });
});
