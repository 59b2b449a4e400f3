import fc from "fast-check";
import { calendarFor } from "../../src/core/calendars/calendar";
import { holidaysInYear } from "../../src/core/calendars/holidaysInYear";
import { isoToSerial, serialToIso } from "../../src/core/dates/serial";

const federal = calendarFor("FEDERAL");
const closures = calendarFor("FEDERAL_CLOSURES");
const s = (iso: string) => isoToSerial(iso) as number;
const listed = (year: number) => holidaysInYear(year, federal).map((h) => serialToIso(h.serial));

// Observed federal holidays as published by OPM (opm.gov "Federal Holidays" pages for each year);
// the 1970s from 5 U.S.C. 6103 as amended by the Uniform Monday Holiday Act, with Veterans Day on
// the fourth Monday of October 1971-1977, and Executive Order 11582's weekend rules.
const OPM: Record<number, string[]> = {
  1971: ["1971-01-01", "1971-02-15", "1971-05-31", "1971-07-05", "1971-09-06", "1971-10-11", "1971-10-25", "1971-11-25", "1971-12-24", "1971-12-31"],
  1972: ["1972-02-21", "1972-05-29", "1972-07-04", "1972-09-04", "1972-10-09", "1972-10-23", "1972-11-23", "1972-12-25"],
  1973: ["1973-01-01", "1973-02-19", "1973-05-28", "1973-07-04", "1973-09-03", "1973-10-08", "1973-10-22", "1973-11-22", "1973-12-25"],
  1974: ["1974-01-01", "1974-02-18", "1974-05-27", "1974-07-04", "1974-09-02", "1974-10-14", "1974-10-28", "1974-11-28", "1974-12-25"],
  1975: ["1975-01-01", "1975-02-17", "1975-05-26", "1975-07-04", "1975-09-01", "1975-10-13", "1975-10-27", "1975-11-27", "1975-12-25"],
  1976: ["1976-01-01", "1976-02-16", "1976-05-31", "1976-07-05", "1976-09-06", "1976-10-11", "1976-10-25", "1976-11-25", "1976-12-24", "1976-12-31"],
  1977: ["1977-02-21", "1977-05-30", "1977-07-04", "1977-09-05", "1977-10-10", "1977-10-24", "1977-11-24", "1977-12-26"],
  1978: ["1978-01-02", "1978-02-20", "1978-05-29", "1978-07-04", "1978-09-04", "1978-10-09", "1978-11-10", "1978-11-23", "1978-12-25"],
  2003: ["2003-01-01", "2003-01-20", "2003-02-17", "2003-05-26", "2003-07-04", "2003-09-01", "2003-10-13", "2003-11-11", "2003-11-27", "2003-12-25"],
  2004: ["2004-01-01", "2004-01-19", "2004-02-16", "2004-05-31", "2004-07-05", "2004-09-06", "2004-10-11", "2004-11-11", "2004-11-25", "2004-12-24", "2004-12-31"],
  2010: ["2010-01-01", "2010-01-18", "2010-02-15", "2010-05-31", "2010-07-05", "2010-09-06", "2010-10-11", "2010-11-11", "2010-11-25", "2010-12-24", "2010-12-31"],
  2021: ["2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05", "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31"],
  2022: ["2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-10-10", "2022-11-11", "2022-11-24", "2022-12-26"],
  2023: ["2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-10-09", "2023-11-10", "2023-11-23", "2023-12-25"],
  2026: ["2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"],
};

describe("FEDERAL calendar", () => {
  it.each(Object.entries(OPM))("observed holidays of %s", (year, dates) => {
    expect(listed(Number(year))).toEqual(dates);
  });

  it("Juneteenth starts in 2021 (first observed Friday June 18); MLK Day in 1986", () => {
    expect(federal.isBusinessDay(s("2020-06-19"))).toBe(true);
    expect(federal.holidayName(s("2021-06-18"))).toBe("Juneteenth National Independence Day");
    expect(federal.isBusinessDay(s("1985-01-21"))).toBe(true);
    expect(federal.holidayName(s("1986-01-20"))).toBe("Birthday of Martin Luther King, Jr.");
  });

  it("does not include Inauguration Day or executive-order closures", () => {
    expect(federal.isBusinessDay(s("2021-01-20"))).toBe(true);
    expect(federal.isBusinessDay(s("2018-12-05"))).toBe(true);
    expect(closures.isBusinessDay(s("2018-12-05"))).toBe(false);
    for (const iso of ["2004-06-11", "2007-01-02", "2018-12-24", "2019-12-24", "2020-12-24", "2025-01-09"]) {
      expect(closures.isBusinessDay(s(iso))).toBe(false);
      expect(federal.isBusinessDay(s(iso))).toBe(true);
    }
  });

  it("counts like NETWORKDAYS: the seed's 20 business days from June 25 to July 23, 2003", () => {
    expect(federal.businessDaysBetween(s("2003-06-25"), s("2003-07-23"))).toBe(20);
    expect(federal.businessDaysBetween(s("2003-07-23"), s("2003-06-25"))).toBe(-20);
    expect(federal.businessDaysBetween(s("2003-07-04"), s("2003-07-04"))).toBe(0);
    // weekends only: June 2003 has 21 weekdays
    expect(calendarFor("WEEKENDS").businessDaysBetween(s("2003-06-01"), s("2003-06-30"))).toBe(21);
  });

  it("advances like WORKDAY: the Promise to Grant is due 3 business days after July 25, 2003", () => {
    expect(serialToIso(federal.addBusinessDays(s("2003-07-25"), 3))).toBe("2003-07-30");
    expect(serialToIso(federal.addBusinessDays(s("2003-07-07"), -1))).toBe("2003-07-03");
    expect(serialToIso(federal.addBusinessDays(s("2003-07-04"), 0))).toBe("2003-07-04");
  });

  it("round-trips: n business days forward then back returns to a business day", () => {
    fc.assert(
      fc.property(fc.integer({ min: s("1973-01-01"), max: s("2097-01-01") }), fc.integer({ min: -500, max: 500 }), (start, n) => {
        const d = federal.nextBusinessDayOnOrAfter(start);
        const moved = federal.addBusinessDays(d, n);
        const between = federal.businessDaysBetween(d, moved);
        const expected = n === 0 ? 1 : n > 0 ? n + 1 : n - 1;
        return federal.isBusinessDay(moved) && federal.addBusinessDays(moved, -n) === d && between === expected;
      }),
      { numRuns: 2000 },
    );
  });

  it("counts match a day-by-day walk", () => {
    fc.assert(
      fc.property(fc.integer({ min: s("1971-01-01"), max: s("2099-11-01") }), fc.integer({ min: 0, max: 60 }), (a, len) => {
        let walk = 0;
        for (let d = a; d <= a + len; d++) if (federal.isBusinessDay(d)) walk++;
        return federal.businessDaysBetween(a, a + len) === walk;
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses dates outside 1971-2099 with a message naming the argument", () => {
    expect(() => federal.checkInRange(s("1970-12-31"), "date")).toThrow("date (25933) is outside the FEDERAL calendar's range 1971-01-01..2099-12-31");
    expect(() => federal.addBusinessDays(s("2099-12-30"), 5)).toThrow(/goes past/);
  });
});
