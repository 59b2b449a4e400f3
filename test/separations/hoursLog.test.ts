/**
 * The consulting hours log read by the generic table reader: every line is accepted or is an error
 * naming its line, column and what was typed; lines in = accepted + rejected. Expected months are
 * written out as dates here.
 */
import { isoToSerial } from "../../src/core/dates/serial";
import { hoursLogMonths, parseCsvHoursLog, readMonth, withHoursLog } from "../../src/core/separations/hoursLog";
import { SeparationTerms } from "../../src/core/separations/types";

const d = (iso: string) => isoToSerial(iso) as number;

describe("readMonth", () => {
  it.each([
    ["2006-09", "2006-09-01"],
    ["2006/9", "2006-09-01"],
    ["9/2006", "2006-09-01"],
    ["09-2006", "2006-09-01"],
    ["Sep 2006", "2006-09-01"],
    ["September 2006", "2006-09-01"],
    ["sep-2006", "2006-09-01"],
    ["Sep-06", "2006-09-01"], // Excel's mmm-yy
    ["Jan-99", "1999-01-01"], // two-digit years 30-99 are the 1900s, as Excel reads them
    ["Dec. 2006", "2006-12-01"],
    ["2006-09-01", "2006-09-01"], // a month's first day
  ])("%s -> %s", (typed, first) => {
    expect(readMonth(typed)).toEqual({ ok: true, value: d(first) });
  });

  it("reads a worksheet date on a month's first day (a cell formatted as a month)", () => {
    expect(readMonth(d("2006-09-01"))).toEqual({ ok: true, value: d("2006-09-01") });
  });

  it.each([
    ["2006-09-15", /is a day, not a month/],
    [d("2006-09-15"), /2006-09-15 is a day, not a month/],
    ["2006-13", /"2006-13" is not a real month/],
    ["13/2006", /not a real month/],
    ["Sept 2006", /"Sept 2006" is not a month such as/],
    ["Spring 2006", /not a month such as/],
    ["9/15/2006", /not a month such as/],
    ["2006", /not a month such as/],
    [true, /true is not a month/],
    [38961.5, /38961.5 is not a month/],
  ])("%s is refused", (typed, reason) => {
    const r = readMonth(typed);
    expect(r?.ok).toBe(false);
    expect(r && !r.ok && r.reason).toMatch(reason);
  });

  it("a blank is no month", () => {
    expect(readMonth("  ")).toBeUndefined();
    expect(readMonth(null)).toBeUndefined();
  });
});

describe("the hours log CSV", () => {
  it("maps the usual export headers and reads each line", () => {
    const r = parseCsvHoursLog("Billing Month,Hours Worked,Invoice Date\n2006-08,6,\nSep 2006,14,10/2/2006\n2006-10,10.5,\n");
    expect(r.rows).toBe(3);
    expect(r.accepted).toBe(3);
    const { months, problems } = hoursLogMonths(r.table);
    expect(problems).toEqual([]);
    expect(months).toEqual([
      { month: d("2006-08-01"), hours: 6 },
      { month: d("2006-09-01"), hours: 14, invoiceDate: d("2006-10-02") },
      { month: d("2006-10-01"), hours: 10.5 },
    ]);
  });

  it.each([
    ["2006-09,-2,", "hours", /hours "-2" must be between 0 and 744/],
    ["2006-09,800,", "hours", /between 0 and 744/],
    ["2006-09,ten,", "hours", /hours "ten" is not a number of hours: write the hours alone, such as 14 or 12.5/],
    ["2006-09,14 hrs,", "hours", /hours "14 hrs" is not a number of hours/],
    ["2006-09,$14,", "hours", /hours "\$14" is not a number of hours/],
    ["2006-09,12%,", "hours", /hours "12%" is not a number of hours/],
    ["2006-09,1e1,", "hours", /hours "1e1" is not a number of hours/],
    ["2006-09,\"1,5\",", "hours", /hours "1,5" is not a number of hours/],
    ["2006-09,,", "hours", /hours is missing/],
    [",5,", "month", /month is missing/],
    ["2006-09-15,5,", "month", /is a day, not a month/],
    ["Sept 2006,5,", "month", /not a month such as/],
    ["2006-09,5,2006-08-31", "invoice_date", /invoice date 2006-08-31 is before the month it bills \(2006-09\) begins/],
    ["2006-09,5,2006-02-30", "invoice_date", /invoice date/],
  ])("line %s -> an error in %s", (line, column, message) => {
    const r = parseCsvHoursLog(`month,hours,invoice_date\n2006-08,6,\n${line}\n`);
    expect(r.rows).toBe(2);
    expect(r.accepted + r.rejected).toBe(r.rows);
    expect(r.rejected).toBe(1);
    expect(r.errors[0]).toEqual(expect.objectContaining({ row: 3, column }));
    expect(r.errors[0].message).toMatch(message);
  });

  it("says so when a month is written twice, in the same or another spelling", () => {
    const same = parseCsvHoursLog("month,hours\n2006-09,5\n2006-09,7\n");
    expect(same.rejected).toBe(1);
    expect(same.errors[0].message).toMatch(/repeats the record on line 2/);
    const other = parseCsvHoursLog("month,hours\n2006-09,5\nSep 2006,7\n");
    expect(other.accepted).toBe(2);
    expect(hoursLogMonths(other.table).problems).toEqual([{ line: 3, message: 'line 3: month "Sep 2006" is 2006-09 again (line 2): remove one' }]);
  });

  it("a line with more fields than the header is that line's error", () => {
    const r = parseCsvHoursLog("month,hours\n2006-09,5,extra\n2006-10,3\n");
    expect(r.rows).toBe(2);
    expect(r.rejected).toBe(1);
    expect(r.errors[0].row).toBe(2);
  });
});

describe("withHoursLog", () => {
  const consulting = { startDate: d("2006-08-01"), endDate: d("2007-07-31"), includedHours: 10, hourlyRate: 500, invoicePaymentDays: 15, hoursLog: [] };
  const terms = { consulting } as unknown as SeparationTerms;

  it("puts the file's months in the terms", () => {
    const months = [{ month: d("2006-09-01"), hours: 14 }];
    expect(withHoursLog(terms, months, "h.csv").terms?.consulting?.hoursLog).toEqual(months);
  });

  it.each([
    ["a month before the period", [{ month: d("2006-07-01"), hours: 1 }], terms, /month 2006-07 is outside the consulting period \(2006-08-01 to 2007-07-31\)/],
    ["a month after it", [{ month: d("2007-08-01"), hours: 1 }], terms, /month 2007-08 is outside/],
    ["terms with no consulting", [], { consulting: undefined } as unknown as SeparationTerms, /the terms have no consulting period/],
    ["hours in the terms too", [], { consulting: { ...consulting, hoursLog: [{ month: d("2006-09-01"), hours: 2 }] } } as unknown as SeparationTerms, /give them in one place/],
  ])("%s is refused", (_label, months, t, message) => {
    const r = withHoursLog(t, months, "h.csv");
    expect(r.terms).toBeUndefined();
    expect(r.problems.join("; ")).toMatch(message);
  });
});
