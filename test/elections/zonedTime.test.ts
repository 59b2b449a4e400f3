/**
 * Wall-clock times in IANA zones, with daylight saving from the time-zone database. Expected instants
 * are written by hand from the US rules of the year (Energy Policy Act of 2005 for 2007 on: second
 * Sunday of March to first Sunday of November; before: first Sunday of April to last Sunday of October).
 */
import { isoToSerial } from "../../src/core/dates/serial";
import { readDateTime } from "../../src/core/tables/values";
import { instantText, instantToLocal, isoInZone, isTimeZone, localDay, localToInstant, offsetAt } from "../../src/core/elections/zonedTime";

const day = (iso: string) => isoToSerial(iso) as number;
const at = (iso: string, hours: number, minutes = 0, seconds = 0) => day(iso) + (hours * 3600 + minutes * 60 + seconds) / 86400;

describe("localToInstant", () => {
  it.each([
    // 5:00 p.m. PDT (UTC-7) July 24, 2003 = 00:00 UTC July 25
    ["2003-07-24 17:00 Los Angeles", at("2003-07-24", 17), "America/Los_Angeles", Date.UTC(2003, 6, 25, 0, 0, 0)],
    // 4:59:59 p.m. PDT
    ["2003-07-24 16:59:59 Los Angeles", at("2003-07-24", 16, 59, 59), "America/Los_Angeles", Date.UTC(2003, 6, 24, 23, 59, 59)],
    // 5:00 p.m. PST (UTC-8) December 1, 2003 = 01:00 UTC December 2
    ["2003-12-01 17:00 Los Angeles", at("2003-12-01", 17), "America/Los_Angeles", Date.UTC(2003, 11, 2, 1, 0, 0)],
    // 5:00 p.m. EST (UTC-5) November 3, 2008 (DST ended Sunday November 2, 2008)
    ["2008-11-03 17:00 New York", at("2008-11-03", 17), "America/New_York", Date.UTC(2008, 10, 3, 22, 0, 0)],
    // Tokyo: UTC+9, no daylight saving: 5:00 p.m. = 08:00 UTC
    ["2003-07-24 17:00 Tokyo", at("2003-07-24", 17), "Asia/Tokyo", Date.UTC(2003, 6, 24, 8, 0, 0)],
  ])("%s", (_name, serial, zone, expected) => {
    expect(localToInstant(serial, zone)).toEqual({ kind: "instant", instant: expected });
  });

  it("says a skipped local time is skipped (2:30 a.m. April 6, 2003 in Los Angeles: clocks went 2:00 -> 3:00)", () => {
    expect(localToInstant(at("2003-04-06", 2, 30), "America/Los_Angeles")).toEqual({ kind: "skipped" });
  });

  it("gives both readings of a repeated local time (1:30 a.m. October 26, 2003 in Los Angeles: PDT then PST)", () => {
    expect(localToInstant(at("2003-10-26", 1, 30), "America/Los_Angeles")).toEqual({
      kind: "repeated",
      earlier: Date.UTC(2003, 9, 26, 8, 30), // 1:30 PDT = 08:30 UTC
      later: Date.UTC(2003, 9, 26, 9, 30), // 1:30 PST = 09:30 UTC
    });
  });
});

describe("instants shown in a zone", () => {
  it("writes ISO 8601 with the zone's offset", () => {
    expect(isoInZone(Date.UTC(2003, 6, 25, 0, 0, 0), "America/Los_Angeles")).toBe("2003-07-24T17:00:00-07:00");
    expect(isoInZone(Date.UTC(2003, 6, 25, 0, 0, 0, 250), "America/New_York")).toBe("2003-07-24T20:00:00.250-04:00");
    expect(isoInZone(Date.UTC(2003, 6, 25, 0, 0, 0), "Asia/Kolkata")).toBe("2003-07-25T05:30:00+05:30");
  });
  it("writes the time the way filings do", () => {
    expect(instantText(Date.UTC(2003, 6, 24, 23, 59, 59), "America/Los_Angeles")).toBe("4:59:59 p.m. PDT, July 24, 2003");
    expect(instantText(Date.UTC(2003, 11, 2, 1, 0, 0), "America/Los_Angeles")).toBe("5:00 p.m. PST, December 1, 2003");
  });
  it("finds the day in New York of a late-evening Pacific receipt (10:30 p.m. PDT Monday July 21, 2003 is Tuesday in New York)", () => {
    const instant = Date.UTC(2003, 6, 22, 5, 30); // 22:30 PDT = 05:30 UTC
    expect(localDay(instant, "America/Los_Angeles")).toBe(day("2003-07-21"));
    expect(localDay(instant, "America/New_York")).toBe(day("2003-07-22"));
    expect(instantToLocal(instant, "America/New_York")).toBeCloseTo(at("2003-07-22", 1, 30), 9);
  });
});

describe("offsets", () => {
  it("are right on both sides of a transition, to the millisecond (2:00 a.m. PST March 9, 2008 = 10:00 UTC)", () => {
    const transition = Date.UTC(2008, 2, 9, 10, 0, 0);
    expect(offsetAt("America/Los_Angeles", transition - 1)).toBe(-480);
    expect(offsetAt("America/Los_Angeles", transition)).toBe(-420);
    // asked again (from the cache)
    expect(offsetAt("America/Los_Angeles", transition - 1)).toBe(-480);
  });
  it.each([
    ["America/Los_Angeles", true],
    ["Europe/London", true],
    ["UTC", true],
    ["PST", false],
    ["-07:00", false],
    ["Pacific", false],
    ["America/Nowhere", false],
    ["", false],
  ])("isTimeZone(%j) is %s", (zone, expected) => expect(isTimeZone(zone)).toBe(expected));
});

describe("a receipt time read from a log cell", () => {
  it.each([
    // fractions of a second are cut to the millisecond, never rounded up across the deadline
    ["2003-07-24 16:59:59.9995", Date.UTC(2003, 6, 24, 23, 59, 59, 999)],
    ["2003-07-24 16:59:59.999999999", Date.UTC(2003, 6, 24, 23, 59, 59, 999)],
    ["2003-07-24 16:59:59.5", Date.UTC(2003, 6, 24, 23, 59, 59, 500)],
    ["2003-07-24 17:00:00", Date.UTC(2003, 6, 25, 0, 0, 0)],
  ])("%s (Pacific) is %d", (typed, expected) => {
    const read = readDateTime(typed);
    if (!read.ok || !read.value) throw new Error(`not read: ${typed}`);
    expect(localToInstant(read.value.serial, "America/Los_Angeles")).toEqual({ kind: "instant", instant: expected });
  });
});
