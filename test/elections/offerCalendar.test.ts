/**
 * The offer calendar, checked against the seed's own dates (seed 004: commenced June 25, 2003; expires
 * "5:00 p.m., Pacific Time, on July 24, 2003"; cancelled July 25, 2003; new options "on January 26,
 * 2004"; extension announced "no later than 6:00 a.m., Pacific Time, on the next business day"; a
 * Promise to Grant "within three business days"; e-mail confirmations "within two business days of
 * receipt"), OPM's federal holiday lists (2003: July 4 Friday, November 27 Thanksgiving; 2008: October
 * 13 Columbus Day) and business days counted by hand in the comments.
 */
import { isoToSerial, serialToIso } from "../../src/core/dates/serial";
import { NEW_OPTION_VESTING, VestingTerms } from "../../src/core/equity/vesting";
import {
  confirmationDue,
  easternBusinessDate,
  expirationInstant,
  newOptionGrantDate,
  offerCalendar,
  promiseToGrantDue,
} from "../../src/core/elections/offerCalendar";
import { CalendarEvent, ElectionTerms, OfferAmendment } from "../../src/core/elections/types";

const s = (iso: string) => isoToSerial(iso) as number;
const utc = (iso: string) => Date.parse(iso);

interface Case {
  commencement?: string;
  expiration?: string;
  time?: number;
  zone?: string;
  cancellation?: string;
  newGrantDate?: string;
  amendments?: OfferAmendment[];
  vesting?: VestingTerms;
}

/** The seed's offer, with fields replaced. */
function terms(c: Case = {}): ElectionTerms {
  const vesting = c.vesting ?? NEW_OPTION_VESTING;
  const newOption = { lifeYears: 10, vesting, exchangeRatio: 1, splitFactor: 1, rounding: "floor-per-grant" as const };
  return {
    offer: {
      issuerName: "Capstone Turbine Corporation",
      commencementDate: s(c.commencement ?? "2003-06-25"),
      offerExpirationDate: s(c.expiration ?? "2003-07-24"),
      cancellationDate: s(c.cancellation ?? "2003-07-25"),
      eligibility: { exercisePriceThreshold: 2, holderClasses: ["employee"], countries: ["US"] },
      newOption,
    },
    expirationTime: c.time ?? 17 * 60,
    timeZone: c.zone ?? "America/Los_Angeles",
    acceptedChannels: ["fax", "hand"],
    newOption,
    newGrantDate: c.newGrantDate === undefined ? undefined : s(c.newGrantDate),
    amendments: c.amendments ?? [],
  };
}

function event(events: CalendarEvent[], key: CalendarEvent["key"]): CalendarEvent {
  const found = events.filter((e) => e.key === key);
  expect(found).toHaveLength(1);
  return found[0];
}

const days = (events: CalendarEvent[]) => events.map((e) => [e.key, serialToIso(e.date)]);

describe("offerCalendar: the seed (Capstone, 2003)", () => {
  const calendar = offerCalendar(terms());

  it("lists every event, in date order, with the seed's dates", () => {
    // Rule 14e-1(a), commencement = day 1: June 25 (Wed) 1, 26 2, 27 3, June 30 4, July 1 5, 2 6, 3 7,
    // [July 4 Independence Day], 7 8, 8 9, 9 10, 10 11, 11 12, 14 13, 15 14, 16 15, 17 16, 18 17,
    // 21 18, 22 19, July 23 (Wed) 20.
    // Promise: July 25 (Fri) + 3 business days: Mon 28, Tue 29, Wed July 30.
    // New grant: EDATE(July 25, 2003, 6) = January 25, 2004 (Sunday), + 1 day = Monday, January 26, 2004.
    // Fully vested: January 2004 + 42 months = July 2007: July 26, 2007.
    expect(days(calendar.events)).toEqual([
      ["commencement", "2003-06-25"],
      ["earliestExpiration", "2003-07-23"],
      ["expiration", "2003-07-24"],
      ["extensionNotice", "2003-07-25"],
      ["cancellation", "2003-07-25"],
      ["promiseToGrantDue", "2003-07-30"],
      ["newGrantDate", "2004-01-26"],
      ["newOptionsFullyVested", "2007-07-26"],
    ]);
    expect(calendar.flags).toEqual([]);
  });

  it("expires 5:00 p.m. PDT July 24, 2003; the deadline is that instant", () => {
    const expiration = event(calendar.events, "expiration");
    expect(expiration.isoInstant).toBe("2003-07-24T17:00:00-07:00");
    expect(expiration.instant).toBe(utc("2003-07-25T00:00:00Z"));
    expect(calendar.deadline).toBe(utc("2003-07-25T00:00:00Z"));
  });

  it.each([
    ["4:59:59 p.m. PDT counts", "2003-07-24T16:59:59-07:00", true],
    ["4:59:59.999 p.m. PDT counts", "2003-07-24T16:59:59.999-07:00", true],
    ["5:00:00 p.m. PDT does not", "2003-07-24T17:00:00-07:00", false],
    ["5:00:01 p.m. PDT does not", "2003-07-24T17:00:01-07:00", false],
    ["7:59 p.m. EDT (4:59 p.m. PDT) counts", "2003-07-24T19:59:00-04:00", true],
  ])("a form received at %s", (_, iso, counts) => {
    expect(utc(iso) < calendar.deadline).toBe(counts);
  });

  it("extension: 9:00 a.m. New York on Friday, July 25, 2003, shown as the seed's 6:00 a.m. Pacific", () => {
    const notice = event(calendar.events, "extensionNotice");
    expect(notice.isoInstant).toBe("2003-07-25T06:00:00-07:00");
    expect(notice.instant).toBe(utc("2003-07-25T13:00:00Z"));
    expect(notice.rule).toContain("Rule 14e-1(d)");
    expect(notice.rule).toContain("9:00 a.m. EDT, July 25, 2003");
    expect(notice.rule).toContain("6:00 a.m. PDT, July 25, 2003");
  });

  it("explains each date with its rule", () => {
    expect(event(calendar.events, "earliestExpiration").rule).toContain("Wednesday, June 25, 2003 is day 1 and Wednesday, July 23, 2003 is day 20");
    expect(event(calendar.events, "earliestExpiration").rule).toContain("Independence Day, July 4, 2003");
    expect(event(calendar.events, "promiseToGrantDue").rule).toContain("Friday, July 25, 2003 + 3 business days = Wednesday, July 30, 2003");
    expect(event(calendar.events, "newGrantDate").rule).toContain("July 25, 2003 + 6 months = January 25, 2004, + 1 day = Monday, January 26, 2004, a business day");
    expect(event(calendar.events, "newOptionsFullyVested").rule).toContain("EDATE(January 26, 2004, 42) = Thursday, July 26, 2007");
  });

  it("Amendment No. 1 (July 9, 2003) changed neither consideration nor number sought: an event, no 10-day minimum", () => {
    const amended = offerCalendar(terms({ amendments: [{ date: s("2003-07-09"), considerationChanged: false, numberSoughtChanged: false, description: "Amendment No. 1" }] }));
    expect(days(amended.events).slice(0, 3)).toEqual([
      ["commencement", "2003-06-25"],
      ["amendment", "2003-07-09"],
      ["earliestExpiration", "2003-07-23"],
    ]);
    expect(amended.events.some((e) => e.key === "amendedEarliestExpiration")).toBe(false);
    expect(event(amended.events, "amendment").rule).toContain("Rule 13e-4(e)(3)");
    expect(amended.flags).toEqual([]);
  });
});

describe("offerCalendar: amendments (Rule 14e-1(b), the notice day is day 1)", () => {
  it.each<[string, string, boolean, boolean, string, boolean]>([
    // July 9 (Wed) 1, 10 2, 11 3, 14 4, 15 5, 16 6, 17 7, 18 8, 21 9, July 22 (Tue) 10: before July 24, fine
    ["number sought changed July 9", "2003-07-09", false, true, "2003-07-22", false],
    // July 16 (Wed) 1, 17 2, 18 3, 21 4, 22 5, 23 6, 24 7, 25 8, 28 9, July 29 (Tue) 10: after July 24
    ["consideration changed July 16", "2003-07-16", true, false, "2003-07-29", true],
    // notice on Saturday July 12: day 1 is Monday July 14; 14 1 ... 18 5, 21 6 ... July 25 (Fri) 10
    ["both changed on Saturday July 12", "2003-07-12", true, true, "2003-07-25", true],
  ])("%s", (_, date, consideration, number, minimum, flagged) => {
    const calendar = offerCalendar(terms({ amendments: [{ date: s(date), considerationChanged: consideration, numberSoughtChanged: number, description: "new exchange ratio" }] }));
    const min = event(calendar.events, "amendedEarliestExpiration");
    expect(serialToIso(min.date)).toBe(minimum);
    expect(min.rule).toContain("Rule 14e-1(b)");
    expect(min.rule).toContain("day 1");
    const flags = calendar.flags.filter((f) => f.includes("Rule 14e-1(b)"));
    if (flagged) {
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatch(/^The offer expires at 5:00 p\.m\. PDT, July 24, 2003, before /);
      expect(flags[0]).toContain(`the amendment of ${longDay(date)} (new exchange ratio)`);
    } else {
      expect(flags).toEqual([]);
    }
  });

  it("an amendment dated after the offer expired is flagged", () => {
    const calendar = offerCalendar(terms({ amendments: [{ date: s("2003-07-28"), considerationChanged: false, numberSoughtChanged: false }] }));
    expect(calendar.flags).toEqual(["the amendment of July 28, 2003 is dated after the offer expired (5:00 p.m. PDT, July 24, 2003)."]);
  });
});

function longDay(iso: string): string {
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const [y, m, d] = iso.split("-").map(Number);
  return `${months[m - 1]} ${d}, ${y}`;
}

describe("offerCalendar: the earliest lawful expiry (Rule 14e-1(a))", () => {
  it.each<[string, Case, string[]]>([
    ["July 24 (day 21): no flag", {}, []],
    [
      "July 22 (day 19): too early",
      { expiration: "2003-07-22" },
      ["The offer expires at 5:00 p.m. PDT, July 22, 2003, before July 23, 2003, the earliest expiration Rule 14e-1(a) allows (20 business days, June 25, 2003 being day 1 and July 23, 2003 day 20)."],
    ],
    [
      // day 20 ends at 12:00 midnight EDT = 9:00 p.m. PDT
      "July 23 (day 20) at 5:00 p.m. PDT: before day 20 ends at midnight Eastern",
      { expiration: "2003-07-23" },
      [
        "The offer expires at 5:00 p.m. PDT, July 23, 2003, on July 23, 2003, the earliest expiration Rule 14e-1(a) allows (20 business days, " +
          "June 25, 2003 being day 1 and July 23, 2003 day 20), but before that business day ends at 12:00 midnight Eastern time " +
          "(9:00 p.m. PDT, July 23, 2003): a business day runs from 12:01 a.m. through 12:00 midnight Eastern time (Rule 14d-1(g)(3)), " +
          "and offers are kept open until the end of their last required business day.",
      ],
    ],
    ["July 23 at 9:00 p.m. PDT (12:00 midnight EDT): no flag", { expiration: "2003-07-23", time: 21 * 60 }, []],
    ["July 23 at 12:00 midnight, New York, at the end of the day: no flag", { expiration: "2003-07-23", time: 1440, zone: "America/New_York" }, []],
  ])("%s", (_, c, flags) => {
    expect(offerCalendar(terms(c)).flags).toEqual(flags);
  });

  it("commencement on a Saturday: day 1 is the Monday", () => {
    // Saturday June 28, 2003: Monday June 30 is day 1; 30 1, July 1 2, 2 3, 3 4, [4], 7 5, ... 11 9,
    // 14 10 ... 18 14, 21 15 ... 25 19, July 28 (Mon) 20
    const calendar = offerCalendar(terms({ commencement: "2003-06-28", expiration: "2003-07-29", cancellation: "2003-07-30" }));
    expect(serialToIso(event(calendar.events, "earliestExpiration").date)).toBe("2003-07-28");
    expect(event(calendar.events, "commencement").rule).toContain("not a business day (a Saturday); business day 1 is Monday, June 30, 2003");
    expect(calendar.flags).toEqual([]);
  });
});

describe("offerCalendar: expirations that are not business days", () => {
  it.each<[string, Case, string]>([
    ["Saturday", { expiration: "2003-07-26", cancellation: "2003-07-28" }, "The offer expires on Saturday, July 26, 2003, which is not a business day (a Saturday)."],
    [
      "Independence Day",
      { commencement: "2003-06-05", expiration: "2003-07-04", cancellation: "2003-07-07" },
      "The offer expires on Friday, July 4, 2003, which is not a business day (Independence Day).",
    ],
    [
      // 8:00 a.m. JST Monday July 21 = 7:00 p.m. EDT Sunday July 20
      "a Tokyo Monday morning that is Sunday evening in New York",
      { commencement: "2003-06-16", expiration: "2003-07-21", time: 8 * 60, zone: "Asia/Tokyo" },
      "The offer expires on Sunday, July 20, 2003 (its date in New York, where business days are counted), which is not a business day (a Sunday).",
    ],
  ])("%s", (_, c, flag) => {
    expect(offerCalendar(terms(c)).flags).toContain(flag);
  });
});

describe("offerCalendar: the extension notice is 9:00 a.m. New York on the next business day", () => {
  it.each<[string, Case, string, string]>([
    // the day before July 4: Thursday July 3, 2003; Friday is Independence Day, so the next business day is Monday July 7
    [
      "expiring Thursday July 3, 2003 (Pacific)",
      { commencement: "2003-06-05", expiration: "2003-07-03", cancellation: "2003-07-03" },
      "2003-07-03T17:00:00-07:00",
      "2003-07-07T06:00:00-07:00",
    ],
    // daylight saving ends Sunday November 2, 2008: expiry Friday October 31 at 5 p.m. PDT (8 p.m. EDT);
    // Monday November 3, 9:00 a.m. EST = 14:00Z = 6:00 a.m. PST
    [
      "expiring Friday October 31, 2008 (Pacific, the week daylight saving ends)",
      { commencement: "2008-10-01", expiration: "2008-10-31", cancellation: "2008-11-03" },
      "2008-10-31T17:00:00-07:00",
      "2008-11-03T06:00:00-08:00",
    ],
    [
      "the same in New York",
      { commencement: "2008-10-01", expiration: "2008-10-31", cancellation: "2008-11-03", zone: "America/New_York" },
      "2008-10-31T17:00:00-04:00",
      "2008-11-03T09:00:00-05:00",
    ],
    // 5:00 p.m. JST October 31 = 08:00Z = 4:00 a.m. EDT October 31; Monday November 3, 9:00 a.m. EST = 14:00Z = 11:00 p.m. JST
    [
      "the same in Tokyo (no daylight saving): still 9:00 a.m. New York",
      { commencement: "2008-10-01", expiration: "2008-10-31", cancellation: "2008-11-03", zone: "Asia/Tokyo" },
      "2008-10-31T17:00:00+09:00",
      "2008-11-03T23:00:00+09:00",
    ],
    // 5:00 p.m. JST July 24, 2003 = 4:00 a.m. EDT July 24; Friday July 25 9:00 a.m. EDT = 13:00Z = 10:00 p.m. JST
    ["Tokyo in summer", { zone: "Asia/Tokyo" }, "2003-07-24T17:00:00+09:00", "2003-07-25T22:00:00+09:00"],
    // 11:00 p.m. PDT Thursday July 24 = 2:00 a.m. EDT Friday July 25: the expiry's business day is Friday,
    // so the notice is due Monday July 28, 9:00 a.m. EDT = 6:00 a.m. PDT
    ["expiring 11:00 p.m. Pacific (Friday in New York)", { time: 23 * 60, cancellation: "2003-07-25" }, "2003-07-24T23:00:00-07:00", "2003-07-28T06:00:00-07:00"],
    // 12:00 midnight at the end of Thursday July 24 in New York belongs to Thursday: notice Friday 9:00 a.m.
    ["expiring 12:00 midnight New York at the end of July 24", { time: 1440, zone: "America/New_York" }, "2003-07-25T00:00:00-04:00", "2003-07-25T09:00:00-04:00"],
  ])("%s", (_, c, expiration, notice) => {
    const calendar = offerCalendar(terms(c));
    expect(event(calendar.events, "expiration").isoInstant).toBe(expiration);
    expect(event(calendar.events, "extensionNotice").isoInstant).toBe(notice);
    expect(calendar.flags).toEqual([]);
  });
});

describe("offerCalendar: local times daylight saving skips or repeats", () => {
  it("2:30 a.m. on Friday March 28, 2014 in Jerusalem does not exist (2:00 IST -> 3:00 IDT)", () => {
    // the clock jumps at 2:00 a.m. IST (+02:00) = 00:00Z, which reads 3:00 a.m. IDT (+03:00)
    const t = terms({ commencement: "2014-02-26", expiration: "2014-03-28", cancellation: "2014-03-31", time: 150, zone: "Asia/Jerusalem" });
    const calendar = offerCalendar(t);
    expect(expirationInstant(t).kind).toBe("skipped");
    expect(calendar.deadline).toBe(utc("2014-03-28T00:00:00Z"));
    expect(event(calendar.events, "expiration").isoInstant).toBe("2014-03-28T03:00:00+03:00");
    expect(calendar.flags).toHaveLength(1);
    expect(calendar.flags[0]).toMatch(/^2:30 a\.m\. on March 28, 2014 does not exist in Asia\/Jerusalem/);
    // 00:00Z is 8:00 p.m. EDT Thursday March 27 (US daylight saving began March 9): notice Friday 9:00 a.m. EDT = 4:00 p.m. IDT
    expect(event(calendar.events, "extensionNotice").isoInstant).toBe("2014-03-28T16:00:00+03:00");
  });

  it("1:30 a.m. on Sunday November 2, 2008 in Los Angeles occurs twice: the later one, flagged", () => {
    const t = terms({ commencement: "2008-10-01", expiration: "2008-11-02", cancellation: "2008-11-03", time: 90 });
    const calendar = offerCalendar(t);
    const exp = expirationInstant(t);
    expect(exp).toEqual({ kind: "repeated", instant: utc("2008-11-02T09:30:00Z"), earlier: utc("2008-11-02T08:30:00Z") });
    expect(event(calendar.events, "expiration").isoInstant).toBe("2008-11-02T01:30:00-08:00");
    expect(calendar.flags).toContain(
      "1:30 a.m. on November 2, 2008 occurs twice in America/Los_Angeles (daylight saving time ends): first at 1:30 a.m. PDT, November 2, 2008, " +
        "again at 1:30 a.m. PST, November 2, 2008; the deadline is taken as the later one. State an expiration time that occurs once.",
    );
    expect(calendar.flags).toContain("The offer expires on Sunday, November 2, 2008, which is not a business day (a Sunday).");
  });
});

describe("offerCalendar: cancellation, Promise to Grant, new grant", () => {
  it("cancellation the day before July 4: Promise due Wednesday July 9; new grant Monday January 5, 2004", () => {
    // July 3, 2003 (Thu) + 3: [July 4], Mon 7, Tue 8, Wed 9. EDATE(July 3, 6) = January 3, 2004 (Sat), + 1 = Sunday January 4 -> Monday January 5.
    const calendar = offerCalendar(terms({ commencement: "2003-06-05", expiration: "2003-07-03", cancellation: "2003-07-03" }));
    expect(serialToIso(event(calendar.events, "promiseToGrantDue").date)).toBe("2003-07-09");
    expect(serialToIso(event(calendar.events, "newGrantDate").date)).toBe("2004-01-05");
    expect(event(calendar.events, "newGrantDate").rule).toContain("+ 1 day = Sunday, January 4, 2004, not a business day (a Sunday); the next business day is Monday, January 5, 2004.");
    expect(serialToIso(event(calendar.events, "newOptionsFullyVested").date)).toBe("2007-07-05");
  });

  it.each([
    ["Friday July 25, 2003 (seed)", "2003-07-25", "2003-07-30"],
    // Thanksgiving Thursday November 27, 2003: Fri 28 1, Mon Dec 1 2, Tue Dec 2 3
    ["Wednesday November 26, 2003, before Thanksgiving", "2003-11-26", "2003-12-02"],
    // Wed 24 1, [Thursday December 25, Christmas], Fri 26 2, Mon 29 3 (the executive-order closure of
    // December 26, 2003 is not in the default calendar: DOMAIN.md section 3)
    ["Tuesday December 23, 2003", "2003-12-23", "2003-12-29"],
    // a Saturday cancellation counts from Saturday: Mon 1, Tue 2, Wed 3
    ["Saturday July 26, 2003", "2003-07-26", "2003-07-30"],
  ])("promiseToGrantDue: %s", (_, cancellation, due) => {
    expect(serialToIso(promiseToGrantDue(s(cancellation)))).toBe(due);
  });

  it.each<[string, string, string | undefined, string]>([
    ["the seed", "2003-07-25", undefined, "2004-01-26"],
    // EDATE(November 26, 2003, 6) = May 26, 2004 (Wed), + 1 = Thursday May 27, 2004
    ["before Thanksgiving", "2003-11-26", undefined, "2004-05-27"],
    // EDATE(August 31, 2003, 6) = February 29, 2004 (clamped), + 1 = Monday March 1, 2004
    ["August 31 (month end, leap February)", "2003-08-31", undefined, "2004-03-01"],
    ["fixed by the offer", "2003-07-25", "2004-02-02", "2004-02-02"],
  ])("newOptionGrantDate: %s", (_, cancellation, fixed, expected) => {
    expect(serialToIso(newOptionGrantDate(terms({ cancellation, newGrantDate: fixed, expiration: "2003-07-24" })))).toBe(expected);
  });

  it("flags a cancellation before expiry and a fixed new grant date before cancellation", () => {
    const calendar = offerCalendar(terms({ cancellation: "2003-07-23", newGrantDate: "2003-07-01" }));
    expect(calendar.flags).toEqual([
      "The cancellation date, July 23, 2003, is before the offer expires (5:00 p.m. PDT, July 24, 2003): options can only be accepted after expiration.",
      "The new grant date, July 1, 2003, is before the cancellation date, July 23, 2003.",
    ]);
    expect(event(calendar.events, "newGrantDate").rule).toBe("The new grant date fixed by the offer: Tuesday, July 1, 2003.");
  });

  it("vesting of 0 months: fully vested on the grant date", () => {
    const calendar = offerCalendar(terms({ vesting: { vestingMonths: 0, cliffMonths: 0, upfrontFraction: 1, intervalMonths: 1 } }));
    expect(serialToIso(event(calendar.events, "newOptionsFullyVested").date)).toBe("2004-01-26");
  });
});

describe("confirmationDue: two business days after the receipt's New York date", () => {
  it.each([
    // the seed's example: Monday 10:30 p.m. PDT = Tuesday 1:30 a.m. EDT; Tuesday + 2: Wed 23, Thu 24
    ["Monday July 21, 2003, 10:30 p.m. PDT (Tuesday in New York)", "2003-07-21T22:30:00-07:00", "2003-07-24"],
    ["Monday July 21, 8:59:59 p.m. PDT (11:59:59 p.m. EDT Monday)", "2003-07-21T20:59:59-07:00", "2003-07-23"],
    // 12:00 midnight EDT ends Monday's business day ("12:01 a.m. through 12:00 midnight, Eastern Time")
    ["Monday July 21, 9:00:00 p.m. PDT (12:00 midnight EDT)", "2003-07-21T21:00:00-07:00", "2003-07-23"],
    ["Monday July 21, 9:00:01 p.m. PDT (12:00:01 a.m. EDT Tuesday)", "2003-07-21T21:00:01-07:00", "2003-07-24"],
    // a Saturday receipt counts from Saturday: Mon 21 1, Tue 22 2
    ["Saturday July 19, 2003, 10:00 a.m. PDT", "2003-07-19T10:00:00-07:00", "2003-07-22"],
    ["Thursday July 3, 2003 (Friday is July 4): Mon 7, Tue 8", "2003-07-03T10:00:00-07:00", "2003-07-08"],
    ["Friday July 4, 2003 (a holiday): Mon 7, Tue 8", "2003-07-04T12:00:00-07:00", "2003-07-08"],
    ["Wednesday November 26, 2003 (Thanksgiving next): Fri 28, Mon Dec 1", "2003-11-26T14:00:00-05:00", "2003-12-01"],
    // 9:00 a.m. JST Tuesday = 8:00 p.m. EDT Monday July 21: Wed 23
    ["Tokyo Tuesday July 22, 2003, 9:00 a.m. JST (Monday in New York)", "2003-07-22T09:00:00+09:00", "2003-07-23"],
    // daylight saving ends November 2, 2008: Friday October 31, 10:30 p.m. PDT = Saturday 1:30 a.m. EDT: Mon 3, Tue 4
    ["Friday October 31, 2008, 10:30 p.m. PDT (Saturday in New York)", "2008-10-31T22:30:00-07:00", "2008-11-04"],
  ])("%s", (_, received, due) => {
    expect(serialToIso(confirmationDue(utc(received)))).toBe(due);
  });

  it("easternBusinessDate: midnight closes the day before", () => {
    expect(serialToIso(easternBusinessDate(utc("2003-07-22T04:00:00Z")))).toBe("2003-07-21");
    expect(serialToIso(easternBusinessDate(utc("2003-07-22T04:00:00.001Z")))).toBe("2003-07-22");
  });
});

describe("offerCalendar: hostile inputs", () => {
  it.each<[string, Case]>([
    ["commencement before the federal calendar (1960)", { commencement: "1960-06-01" }],
    ["an unknown time zone", { zone: "Mars/Olympus_Mons" }],
  ])("%s throws", (_, c) => {
    expect(() => offerCalendar(terms(c))).toThrow();
  });

  it("expiring before commencement is flagged as too early", () => {
    const calendar = offerCalendar(terms({ expiration: "2003-06-20", cancellation: "2003-06-23" }));
    expect(calendar.flags).toEqual([
      "The offer expires at 5:00 p.m. PDT, June 20, 2003, before July 23, 2003, the earliest expiration Rule 14e-1(a) allows (20 business days, June 25, 2003 being day 1 and July 23, 2003 day 20).",
    ]);
  });
});
