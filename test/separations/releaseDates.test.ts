/**
 * RELEASE_DATES against seed 000 (Transition Agreement and Mutual Release, Capstone Turbine and its CEO):
 * section 5.2 "twenty-one (21) days within which to consider", 5.3 "seven (7) days following his
 * execution of this Agreement to revoke", section 24 "effective after ... seven days have passed since
 * Executive signed", signature pages "Dated: 10/31/02", and the Chairman's letter of February 26, 2003:
 * "Transition Agreement, effective as of November 7, 2002". Dates counted by hand on a calendar.
 */
import { isoToSerial } from "../../src/core/dates/serial";
import { parseEffectiveRule, releaseDates } from "../../src/core/separations/releaseDates";
import { evaluate } from "../../src/functions/registry";

const s = (iso: string) => isoToSerial(iso) as number;

describe("RELEASE_DATES", () => {
  it("seed 000: signed 10/31/02, 7 days to revoke; 'on' dates it November 7, 2002 as the parties did", () => {
    // October 31 + 7 days = November 7 (Nov 1, 2, ..., 7)
    expect(evaluate("RELEASE_DATES", [s("2002-10-31"), null, 21, 7, "on"])).toEqual({ value: [["", s("2002-11-07"), s("2002-11-07")]] });
    expect(releaseDates(s("2002-10-31"), undefined, 21, 7, "on")).toEqual({ revocationEnds: s("2002-11-07"), effectiveDate: s("2002-11-07") });
  });

  it("'after' (the default) is the eighth day after signing: November 8, 2002", () => {
    expect(evaluate("RELEASE_DATES", [s("2002-10-31")])).toEqual({ value: [["", s("2002-11-07"), s("2002-11-08")]] });
    expect(evaluate("RELEASE_DATES", ["2002-10-31", "", "", "", "AFTER"])).toEqual({ value: [["", s("2002-11-07"), s("2002-11-08")]] });
  });

  it("with a delivery date: the last day to consider is delivered + 21 (seed 000's delivery date is not stated: October 10, 2002 assumed)", () => {
    // October 10 + 21 days = October 31: signing on the last day is in time
    expect(evaluate("RELEASE_DATES", [s("2002-10-31"), s("2002-10-10"), 21, 7, "on"])).toEqual({ value: [[s("2002-10-31"), s("2002-11-07"), s("2002-11-07")]] });
    // signing early is allowed: the periods run consecutively, the revocation period from the signing
    expect(evaluate("RELEASE_DATES", [s("2002-10-15"), s("2002-10-10")])).toEqual({ value: [[s("2002-10-31"), s("2002-10-22"), s("2002-10-23")]] });
    // a group program's 45 days: October 1 + 45 = November 15 (30 more days to Oct 31, 15 into November)
    expect(evaluate("RELEASE_DATES", [s("2002-10-31"), s("2002-10-01"), 45])).toEqual({ value: [[s("2002-11-15"), s("2002-11-07"), s("2002-11-08")]] });
    // signed on the day it was delivered
    expect(evaluate("RELEASE_DATES", [s("2002-10-31"), s("2002-10-31"), 0, 0, "on"])).toEqual({ value: [[s("2002-10-31"), s("2002-10-31"), s("2002-10-31")]] });
  });

  it.each([
    // delivered October 9: 21 days end October 30; signed October 31 is a day late
    [[s("2002-10-31"), s("2002-10-09")], "#NUM!", "signedAfterConsideration", "signed_date",
      "signed_date (2002-10-31) is after the last day to consider the release, 2002-10-30 (delivered_date 2002-10-09 + consideration_days 21): it was signed after its consideration period ended"],
    [[s("2002-10-31"), s("2002-11-01")], "#NUM!", "mustNotPrecede", "signed_date", "signed_date (2002-10-31) must not precede delivered_date (2002-11-01)"],
    [[s("2002-10-31"), null, 21, 7, "before"], "#VALUE!", "notEither", "effective_rule", 'effective_rule ("before") must be "after" or "on"'],
    [[s("2002-10-31"), null, -1], "#NUM!", "wholeNumberFrom", "consideration_days", "consideration_days (-1) must be a whole number from 0 to 3660"],
    [[s("2002-10-31"), null, 21, 3661], "#NUM!", "wholeNumberFrom", "revocation_days", "revocation_days (3661) must be a whole number from 0 to 3660"],
    [[s("2002-10-31"), null, 21, 7.5], "#NUM!", "notWholeNumber", "revocation_days", "revocation_days (7.5) must be a whole number"],
    [[s("9999-12-30")], "#NUM!", "periodPastLastDate", "revocation_days", "revocation_days (7) after signed_date (9999-12-30) ends after 9999-12-31"],
    [[s("9999-12-24"), null, 21, 7], "#NUM!", "periodPastLastDate", "revocation_days", "revocation_days (7) after signed_date (9999-12-24) ends after 9999-12-31"],
    [[s("9999-12-31"), s("9999-12-30")], "#NUM!", "periodPastLastDate", "consideration_days", "consideration_days (21) after delivered_date (9999-12-30) ends after 9999-12-31"],
    [[null], "#VALUE!", "required", "signed_date", "signed_date is required"],
    [["10/31/02"], "#VALUE!", "notDate", "signed_date", 'signed_date ("10/31/02") must be a date: YYYY-MM-DD text or a serial number'],
  ])("%j -> %s %s naming %s", (args, code, key, field, message) => {
    expect(evaluate("RELEASE_DATES", args)).toEqual({ error: code, key, field, message });
  });

  it("the 'on' rule's last revocation day may be 9999-12-31 where 'after' has no date", () => {
    expect(evaluate("RELEASE_DATES", [s("9999-12-24"), null, 21, 7, "on"])).toEqual({ value: [["", s("9999-12-31"), s("9999-12-31")]] });
  });

  it("parses the rule in any case, blank = after", () => {
    expect(parseEffectiveRule(undefined)).toBe("after");
    expect(parseEffectiveRule(" On ")).toBe("on");
  });
});
