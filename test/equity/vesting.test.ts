import fc from "fast-check";
import { NEW_OPTION_VESTING, vestedShares, vestingSchedule, VestingTerms } from "../../src/core/equity/vesting";
import { isoToSerial, serialToIso } from "../../src/core/dates/serial";

const s = (iso: string) => isoToSerial(iso) as number;

describe("vesting: the seed's new options (Offer to Exchange, section 8)", () => {
  // "6/48 vested at grant, then 1/48 monthly ... 2,400 shares -> 300 on Jan 26, 2004, then 50 a month from Feb 26, 2004"
  it("2,400 shares: 300 on the grant date, 350 a month later, all 2,400 at 42 months", () => {
    const start = s("2004-01-26");
    expect(vestedShares(2400, start, s("2004-01-25"))).toBe(0);
    expect(vestedShares(2400, start, start)).toBe(300);
    expect(vestedShares(2400, start, s("2004-02-25"))).toBe(300);
    expect(vestedShares(2400, start, s("2004-02-26"))).toBe(350);
    expect(vestedShares(2400, start, s("2005-01-26"))).toBe(300 + 12 * 50);
    expect(vestedShares(2400, start, s("2007-07-25"))).toBe(2350);
    expect(vestedShares(2400, start, s("2007-07-26"))).toBe(2400);
    expect(vestedShares(2400, start, s("2030-01-01"))).toBe(2400);
  });

  it("stops at the end of service", () => {
    expect(vestedShares(2400, s("2004-01-26"), s("2006-01-01"), NEW_OPTION_VESTING, s("2004-04-30"))).toBe(300 + 3 * 50);
  });

  it("floors exactly: 1,000 shares monthly over 3 months vest 333, 666, 1,000", () => {
    const terms: VestingTerms = { vestingMonths: 3, cliffMonths: 0, upfrontFraction: 0, intervalMonths: 1 };
    const start = s("2003-01-31");
    // EDATE clamps: Feb 28, Mar 31, Apr 30
    expect(vestedShares(1000, start, s("2003-02-27"), terms)).toBe(0);
    expect(vestedShares(1000, start, s("2003-02-28"), terms)).toBe(333);
    expect(vestedShares(1000, start, s("2003-03-31"), terms)).toBe(666);
    expect(vestedShares(1000, start, s("2003-04-30"), terms)).toBe(1000);
  });

  it("a one-year cliff then monthly over four years (25% at 12 months)", () => {
    const terms: VestingTerms = { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 };
    const start = s("2010-03-15");
    expect(vestedShares(4800, start, s("2011-03-14"), terms)).toBe(0);
    expect(vestedShares(4800, start, s("2011-03-15"), terms)).toBe(1200);
    expect(vestedShares(4800, start, s("2011-04-15"), terms)).toBe(1300);
  });

  it("the schedule spills date, shares, cumulative and ends at the total", () => {
    const rows = vestingSchedule(2400, s("2004-01-26"));
    expect(rows.length).toBe(43);
    expect([serialToIso(rows[0].date), rows[0].shares, rows[0].cumulative]).toEqual(["2004-01-26", 300, 300]);
    expect([serialToIso(rows[1].date), rows[1].shares, rows[1].cumulative]).toEqual(["2004-02-26", 50, 350]);
    expect([serialToIso(rows[42].date), rows[42].shares, rows[42].cumulative]).toEqual(["2007-07-26", 50, 2400]);
  });

  it("is monotone in the date and ends at the total (any schedule)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 1 }),
        (total, vestingMonths, intervalMonths, upfrontMillis, offset, useCliff) => {
          const terms: VestingTerms = {
            vestingMonths,
            intervalMonths,
            cliffMonths: useCliff ? Math.floor(vestingMonths / 4) : 0,
            upfrontFraction: upfrontMillis / 1000,
          };
          const start = s("2001-05-31");
          const a = vestedShares(total, start, start + offset, terms);
          const b = vestedShares(total, start, start + offset + 31, terms);
          const end = vestedShares(total, start, start + 31 * (vestingMonths + intervalMonths + 1), terms);
          const schedule = vestingSchedule(total, start, terms);
          const last = schedule.length ? schedule[schedule.length - 1].cumulative : 0;
          return a <= b && b <= total && end === total && last === total && schedule.every((e) => e.shares > 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("rejects fractional shares and bad terms naming the argument", () => {
    expect(() => vestedShares(10.5, 1000, 2000)).toThrow("total_shares (10.5) must be a whole number");
    expect(() => vestedShares(10, 1000, 2000, { ...NEW_OPTION_VESTING, upfrontFraction: 1.5 })).toThrow("upfront_fraction (1.5)");
    expect(() => vestedShares(10, 1000, 2000, { ...NEW_OPTION_VESTING, cliffMonths: 50 })).toThrow("cliff_months (50)");
  });
});
