import { calendarFor } from "../../src/core/calendars/calendar";
import { isoToSerial, serialToIso } from "../../src/core/dates/serial";
import { newGrantDate } from "../../src/core/equity/newGrantDate";
import { newOptionShares } from "../../src/core/equity/newOptionShares";
import { isoQualifyingDate, postTerminationExpiry } from "../../src/core/equity/expiries";
import { simplifiedTerm } from "../../src/core/equity/simplifiedTerm";
import { NEW_OPTION_VESTING } from "../../src/core/equity/vesting";
import { valueForValueRatio } from "../../src/core/equity/valueForValue";
import { blackScholes } from "../../src/core/options/blackScholes";
import { offerMinExpiration } from "../../src/core/offer/offerMinExpiration";

const s = (iso: string) => isoToSerial(iso) as number;
const federal = calendarFor("FEDERAL");

describe("the seed's dates (Capstone Schedule TO, 2003)", () => {
  it("new grant date: the first business day six months and one day after July 25, 2003 is January 26, 2004", () => {
    expect(serialToIso(newGrantDate(s("2003-07-25"), 6, 1, federal))).toBe("2004-01-26");
  });
  it("a cancellation whose date + 6 months + 1 day is a Saturday moves to Monday; a holiday moves past it", () => {
    // 2003-06-30 + 6 months = 2003-12-30, + 1 = Wed 2003-12-31 (a business day)
    expect(serialToIso(newGrantDate(s("2003-06-30"), 6, 1, federal))).toBe("2003-12-31");
    // 2003-06-30 + 6 months + 2 days = Thu 2004-01-01, New Year's Day -> Fri 2004-01-02
    expect(serialToIso(newGrantDate(s("2003-06-30"), 6, 2, federal))).toBe("2004-01-02");
    // 2003-05-10 + 6 months + 1 day = Tue 2003-11-11, Veterans Day -> Wed 2003-11-12
    expect(serialToIso(newGrantDate(s("2003-05-10"), 6, 1, federal))).toBe("2003-11-12");
  });
  it("Rule 14e-1: an offer commenced June 25, 2003 may expire no earlier than July 23, 2003", () => {
    expect(serialToIso(offerMinExpiration(s("2003-06-25"), 20, federal))).toBe("2003-07-23");
    // starting on a Saturday, the following Monday is day 1
    expect(serialToIso(offerMinExpiration(s("2003-06-28"), 1, federal))).toBe("2003-06-30");
    // 10 business days from a notice on Thursday July 10, 2003: July 10 .. July 23
    expect(serialToIso(offerMinExpiration(s("2003-07-10"), 10, federal))).toBe("2003-07-23");
  });
});

describe("new option shares", () => {
  it("one for one, and exactly after splits (floor of tendered x split / ratio)", () => {
    expect(newOptionShares(2400)).toBe(2400);
    expect(newOptionShares(1026013, 1, 0.1)).toBe(102601); // 1-for-10 reverse split: 102,601.3
    expect(newOptionShares(1026013, 1, 0.05)).toBe(51300); // 1-for-20: 51,300.65
    expect(newOptionShares(1000, 3)).toBe(333);
    expect(newOptionShares(3, 1, 0.1)).toBe(0);
    // 0.1 + 0.2 style float traps: 30 x 0.1 is exactly 3 here
    expect(newOptionShares(30, 1, 0.1)).toBe(3);
  });
});

describe("expiries", () => {
  it("post-termination: 3 months, clamped to month end, never past the original expiration", () => {
    expect(serialToIso(postTerminationExpiry(s("2006-03-31"), s("2012-01-15")))).toBe("2006-06-30");
    expect(serialToIso(postTerminationExpiry(s("2006-03-31"), s("2006-05-01")))).toBe("2006-05-01");
    expect(serialToIso(postTerminationExpiry(s("2006-03-31"), s("2012-01-15"), 12))).toBe("2007-03-31");
  });
  it("ISO qualifying disposition: the day after the later of grant + 2 years and exercise + 1 year", () => {
    expect(serialToIso(isoQualifyingDate(s("2004-01-26"), s("2005-06-01")))).toBe("2006-06-02");
    expect(serialToIso(isoQualifyingDate(s("2004-01-26"), s("2004-06-01")))).toBe("2006-01-27");
    expect(() => isoQualifyingDate(s("2004-01-26"), s("2003-06-01"))).toThrow(/must not precede/);
  });
});

describe("SAB 107 simplified term", () => {
  it("the new options: average vesting (sum of i/48 x i/12 months, i = 1..42) = 903/576 years; term (903/576 + 10)/2", () => {
    // hand calculation: sum_{i=1}^{42} (1/48)(i/12) = (1/576)(42 x 43 / 2) = 903/576 = 1.567708333...
    expect(simplifiedTerm(10, NEW_OPTION_VESTING)).toBeCloseTo((903 / 576 + 10) / 2, 14);
  });
  it("four-year annual cliff vesting 25% a year: (2.5 + 10) / 2 = 6.25 (SAB 107 Question 6 example)", () => {
    expect(simplifiedTerm(10, { vestingMonths: 48, cliffMonths: 0, upfrontFraction: 0, intervalMonths: 12 })).toBeCloseTo(6.25, 14);
  });
});

describe("value-for-value ratio", () => {
  it("is the new at-the-money value over the old value", () => {
    const m = { spot: 1.27, volatility: 0.9, riskFreeRate: 0.03 };
    const ratio = valueForValueRatio({ ...m, oldStrike: 5, oldTermYears: 7, newTermYears: 10 });
    const expected = blackScholes({ ...m, strike: 1.27, termYears: 10 }) / blackScholes({ ...m, strike: 5, termYears: 7 });
    expect(ratio).toBeCloseTo(expected, 12);
    expect(ratio).toBeGreaterThan(1);
    // an old option identical to the new one trades one for one
    expect(valueForValueRatio({ ...m, oldStrike: 1.27, oldTermYears: 10, newTermYears: 10 })).toBe(1);
  });
});
