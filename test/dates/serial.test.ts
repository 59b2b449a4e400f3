import fc from "fast-check";
import { addMonthsClamped, isoToSerial, serialToIso, serialToYmd, weekday, ymdToSerial } from "../../src/core/dates/serial";

describe("Excel serial dates (1900 system)", () => {
  // Excel: =DATE(1900,1,1) is 1; 60 is the fictitious 1900-02-29; =DATE(2000,1,1) is 36526;
  // =DATE(9999,12,31) is 2958465; =DATE(2003,7,25) is 37827; =DATE(2004,1,26) is 38012.
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-02-29"],
    [61, "1900-03-01"],
    [36526, "2000-01-01"],
    [37827, "2003-07-25"],
    [38012, "2004-01-26"],
    [2958465, "9999-12-31"],
  ])("serial %i is %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  it("rejects texts that are not dates", () => {
    expect(isoToSerial("2003-02-29")).toBeUndefined();
    expect(isoToSerial("2003-13-01")).toBeUndefined();
    expect(isoToSerial("7/25/2003")).toBeUndefined();
  });

  it("weekday follows Excel's WEEKDAY (serial 1 is a Sunday to Excel; 2000-01-01 a Saturday)", () => {
    expect(weekday(1)).toBe(0);
    expect(weekday(36526)).toBe(6);
    expect(weekday(37827)).toBe(5); // Friday July 25, 2003
  });

  it("EDATE clamps to the month's end", () => {
    expect(serialToIso(addMonthsClamped(ymdToSerial(2004, 1, 31), 1))).toBe("2004-02-29");
    expect(serialToIso(addMonthsClamped(ymdToSerial(2003, 1, 31), 1))).toBe("2003-02-28");
    expect(serialToIso(addMonthsClamped(ymdToSerial(2003, 7, 25), 6))).toBe("2004-01-25");
    expect(serialToIso(addMonthsClamped(ymdToSerial(2004, 3, 31), -1))).toBe("2004-02-29");
    expect(serialToIso(addMonthsClamped(ymdToSerial(2000, 2, 29), 12))).toBe("2001-02-28");
  });

  it("round-trips every serial's calendar date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (s) => {
        const { year, month, day } = serialToYmd(s);
        return ymdToSerial(year, month, day) === s;
      }),
      { numRuns: 5000 },
    );
  });
});
