/**
 * computeSeparation's awards against seed 001: Capstone's letter of July 24, 2006 to its CEO, who
 * resigned "effective as of July 31, 2006" and consults "for a one-year period": "the option is vested
 * as to 1,500,000 shares ... the remaining portion of the option is cancelled and the right to exercise
 * the vested option will expire on July 31, 2007 or, if sooner, three months after the termination of
 * your relationship as a consultant", "you are vested as to 375,000 shares of restricted stock", the
 * unvested shares repurchased, "the options granted to you on June 12, 2006 and June 22, 2006 are hereby
 * cancelled"; "up to ten hours per month" included, "$500 per hour" beyond, paid "within fifteen days of
 * the Company's receipt of an invoice"; "medical benefits ... for a one month period".
 *
 * From the filings (/tmp/separation-facts.md): the option of August 1, 2003 is 2,000,000 shares at
 * $1.18, expiring August 1, 2013, vesting from August 1, 2003 (25% after a year, then 1/48 a month);
 * the restricted stock of August 4, 2003 is 500,000 shares bought at $0.001.
 * Assumed (not found): the market on 2006-08-01 (S = 1.20, volatility 0.60, r = 0.05, no dividends),
 * a repurchase at $0.001 on 2006-10-31, the restricted stock vesting from 2003-08-04, the June 2006
 * grants' shares and prices, the hours log, and a $1,250 monthly medical cost.
 *
 * Option values are checked against an independent Black-Scholes written here from the formula with
 * its own normal CDF (erf by its Taylor series), itself checked against Hull's 4.7594.
 */
import { isoToSerial, serialToIso } from "../../src/core/dates/serial";
import { CalcError } from "../../src/core/errors";
import { computeSeparation } from "../../src/core/separations/separation";
import { AwardModification, AwardTerms, SeparationFlagCode, SeparationTerms } from "../../src/core/separations/types";
import { thrown } from "../support/thrown";

const s = (iso: string) => isoToSerial(iso) as number;

// ---- an independent Black-Scholes-Merton call ---------------------------------------------------

/** erf by its Taylor series, 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1)): exact to ~1e-16 for |x| < 3. */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-18) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

const normCdf = (x: number) => 0.5 * (1 + erfSeries(x / Math.SQRT2));

function call(S: number, K: number, T: number, vol: number, r: number, q: number): number {
  const d1 = (Math.log(S / K) + (r - q + (vol * vol) / 2) * T) / (vol * Math.sqrt(T));
  const d2 = d1 - vol * Math.sqrt(T);
  return S * Math.exp(-q * T) * normCdf(d1) - K * Math.exp(-r * T) * normCdf(d2);
}

it("the independent Black-Scholes gives Hull's 4.7594 (S 42, K 40, T 0.5, vol 0.2, r 0.1)", () => {
  expect(call(42, 40, 0.5, 0.2, 0.1, 0)).toBeCloseTo(4.7594, 4);
});

// ---- seed 001 -------------------------------------------------------------------------------------

const VESTING = { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 };
const MARKET = { modificationDate: s("2006-08-01"), stockPrice: 1.2, volatility: 0.6, riskFreeRate: 0.05, dividendYield: 0 };

const OPTION: AwardTerms = {
  id: "2003-08-01 option",
  kind: "option",
  plan: "inducement grant",
  incentiveStockOption: false,
  grantDate: s("2003-08-01"),
  shares: 2_000_000,
  exercisePrice: 1.18,
  vestingStart: s("2003-08-01"),
  vesting: VESTING,
  expirationDate: s("2013-08-01"),
  postTerminationMonths: 3,
  modification: { vestedShares: 1_500_000, exerciseWindow: { outsideDate: s("2007-07-31"), monthsAfterServiceEnds: 3 } },
};

const RESTRICTED: AwardTerms = {
  id: "2003-08-04 restricted stock",
  kind: "restricted-stock",
  incentiveStockOption: false,
  grantDate: s("2003-08-04"),
  shares: 500_000,
  purchasePrice: "0.001",
  vestingStart: s("2003-08-04"),
  vesting: VESTING,
  postTerminationMonths: 0,
  modification: { vestedShares: 375_000, repurchaseUnvested: { price: "0.001", date: s("2006-10-31") } },
};

/** The June 2006 grants: their shares and prices were not found; these are placeholders. */
const june = (day: string, shares: number): AwardTerms => ({
  id: `${day} option`,
  kind: "option",
  incentiveStockOption: false,
  grantDate: s(day),
  shares,
  exercisePrice: 1.5,
  vestingStart: s(day),
  vesting: VESTING,
  expirationDate: s(day.replace("2006", "2016")),
  postTerminationMonths: 3,
  modification: { cancel: true },
});

function seed001(changes: Partial<SeparationTerms> = {}): SeparationTerms {
  return {
    executive: "John Tucker",
    company: "Capstone Turbine Corporation",
    agreementName: "Consulting letter",
    agreementDate: s("2006-07-24"),
    agreementEffectiveDate: s("2006-08-01"),
    employmentEndDate: s("2006-07-31"),
    terminationReason: "resignation",
    calendar: "FEDERAL",
    payFrequency: "semimonthly",
    payments: [],
    consulting: {
      startDate: s("2006-08-01"),
      endDate: s("2007-07-31"),
      includedHours: 10,
      hourlyRate: 500,
      invoicePaymentDays: 15,
      hoursLog: [
        { month: s("2006-08-01"), hours: 8 },
        { month: s("2006-09-01"), hours: 14 },
        { month: s("2006-10-01"), hours: 15.5, invoiceDate: s("2006-11-03") },
      ],
    },
    benefits: [{ description: "Medical benefits", startDate: s("2006-08-01"), months: 1, monthlyCost: "1250" }],
    awards: [OPTION, RESTRICTED, june("2006-06-12", 100_000), june("2006-06-22", 50_000)],
    market: MARKET,
    scenarios: [],
    ...changes,
  };
}

describe("computeSeparation: seed 001's option of August 1, 2003", () => {
  const result = computeSeparation(seed001());
  const option = result.awards[0];
  // days from the modification date 2006-08-01: to 2006-10-31 = 30 (Aug 2..31) + 30 + 31 = 91; to 2007-07-31 = 364
  const perBefore = call(1.2, 1.18, 91 / 365, 0.6, 0.05, 0);
  const perAfter = call(1.2, 1.18, 364 / 365, 0.6, 0.05, 0);

  it("vested 35 of 48 months when employment ended 2006-07-31 (the 36th falls on Aug 1): floor(2,000,000 x 35 / 48) = 1,458,333", () => {
    // 70,000,000 / 48 = 1,458,333.33
    expect(option).toMatchObject({ awardId: "2003-08-01 option", kind: "option", shares: 2_000_000, vestedBefore: 1_458_333 });
  });

  it("is vested as to 1,500,000 after: 41,667 accelerated, 500,000 cancelled by the agreement, none forfeited or repurchased", () => {
    // 1,500,000 - 1,458,333 = 41,667; 2,000,000 - 1,500,000 = 500,000
    expect(option).toMatchObject({ vestedShares: 1_500_000, acceleratedShares: 41_667, cancelledShares: 500_000, forfeitedShares: 0, repurchasedShares: 0 });
  });

  it("was exercisable through 2006-10-31 (three months after 2006-07-31); now through min(2007-07-31, EDATE(2007-07-31, 3) = 2007-10-31)", () => {
    expect(serialToIso(option.expirationBefore as number)).toBe("2006-10-31");
    expect(serialToIso(option.expirationAfter as number)).toBe("2007-07-31");
    expect(serialToIso(result.serviceEndDate)).toBe("2007-07-31");
  });

  it("values a share at the modification date as the independent Black-Scholes does, over 91 and 364 days", () => {
    expect(option.valueBefore?.termYears).toBe(91 / 365);
    expect(option.valueAfter?.termYears).toBe(364 / 365);
    expect(option.valueBefore?.perShare).toBeCloseTo(perBefore, 12);
    expect(option.valueAfter?.perShare).toBeCloseTo(perAfter, 12);
    // a sanity range: both at least the intrinsic 0.02, the longer worth more
    expect(perBefore).toBeGreaterThan(0.02);
    expect(perAfter).toBeGreaterThan(perBefore);
  });

  it("costs min(before, after) x (perAfter - perBefore) + accelerated x perAfter: Type I+III", () => {
    const incremental = 1_458_333 * (perAfter - perBefore) + 41_667 * perAfter;
    expect(option.incrementalFairValue).toBeCloseTo(incremental, 6);
    expect(option.fairValueBefore).toBeCloseTo(1_458_333 * perBefore, 6);
    expect(option.fairValueAfter).toBeCloseTo(1_500_000 * perAfter, 6);
    expect(option.modificationType).toBe("I+III");
  });

  it("a consulting end of 2007-03-15 ends the window sooner: EDATE(2007-03-15, 3) = 2007-06-15", () => {
    const consulting = { ...(seed001().consulting as NonNullable<SeparationTerms["consulting"]>), endDate: s("2007-03-15") };
    const sooner = computeSeparation(seed001({ consulting }));
    expect(serialToIso(sooner.serviceEndDate)).toBe("2007-03-15");
    expect(serialToIso(sooner.awards[0].expirationAfter as number)).toBe("2007-06-15");
    // 2006-08-01 to 2007-06-15: 364 - 46 (Jun 16 .. Jul 31) = 318 days
    expect(sooner.awards[0].valueAfter?.termYears).toBe(318 / 365);
  });

  it("vesting while consulting instead: 48 months by 2007-07-31, fully vested; the window follows the service end", () => {
    const modification: AwardModification = { continueVestingWhileConsulting: true };
    const continued = computeSeparation(seed001({ awards: [{ ...OPTION, modification }] })).awards[0];
    // EDATE(2003-08-01, 48) = 2007-08-01 > 2007-07-31: 47 months; 2,000,000 x 47 / 48 = 1,958,333.33
    // the 2,000,000 - 1,958,333 = 41,667 still unvested when service ends are forfeited under the award's own terms, not cancelled
    expect(continued).toMatchObject({ vestedBefore: 1_458_333, vestedShares: 1_958_333, acceleratedShares: 500_000, forfeitedShares: 41_667, cancelledShares: 0 });
    // POST_TERMINATION_EXPIRY(2007-07-31, 2013-08-01, 3) = 2007-10-31
    expect(serialToIso(continued.expirationAfter as number)).toBe("2007-10-31");
    expect(continued.modificationType).toBe("I+III");
  });
});

describe("computeSeparation: seed 001's restricted stock and June 2006 options", () => {
  const result = computeSeparation(seed001());
  const [, restricted, june12, june22] = result.awards;

  it("restricted stock: floor(500,000 x 35 / 48) = 364,583 vested (Jul 4 was the 35th month); 375,000 after; 10,417 accelerated; 125,000 repurchased", () => {
    // 17,500,000 / 48 = 364,583.33; 500,000 - 375,000 = 125,000
    expect(restricted).toMatchObject({
      kind: "restricted-stock",
      vestedBefore: 364_583,
      vestedShares: 375_000,
      acceleratedShares: 10_417,
      repurchasedShares: 125_000,
      cancelledShares: 0,
      forfeitedShares: 0,
      modificationType: "III",
    });
    expect(restricted.expirationBefore).toBeUndefined();
    expect(restricted.valueBefore).toBeUndefined();
  });

  it("values restricted shares bought at $0.001 at 1.20 - 0.001 = 1.199 a share: incremental 10,417 x 1.199 = 12,489.983", () => {
    // 10,417 x 1.2 = 12,500.40, less 10,417 x 0.001 = 10.417: 12,489.983
    expect(restricted.incrementalFairValue).toBeCloseTo(12_489.983, 9);
    // 364,583 x 1.2 = 437,499.60, less 364.583: 437,135.017
    expect(restricted.fairValueBefore).toBeCloseTo(437_135.017, 9);
    // 375,000 x 1.2 = 450,000, less 375: 449,625
    expect(restricted.fairValueAfter).toBeCloseTo(449_625, 9);
  });

  it.each<[string, string | undefined, number, number]>([
    // bought at $1.00, the stock at $2.00: worth 1.00 a share; 10,417 x 1.00
    ["bought at $1.00, stock at $2.00", "1.00", 2.0, 10_417],
    // bought above the stock price: worth nothing
    ["bought at $1.50, stock at $1.20", "1.50", 1.2, 0],
    // no purchase price: the stock price, 10,417 x 1.20 = 12,500.40
    ["no purchase price", undefined, 1.2, 12_500.4],
  ])("restricted stock %s: incremental %s", (_name, purchasePrice, stockPrice, incremental) => {
    const award = { ...RESTRICTED, purchasePrice };
    const [outcome] = computeSeparation(seed001({ awards: [award], market: { ...MARKET, stockPrice } })).awards;
    expect(outcome.incrementalFairValue).toBeCloseTo(incremental, 9);
  });

  it("repurchases 125,000 shares at $0.001 = $125.00 on 2006-10-31", () => {
    const repurchase = result.payments.filter((p) => p.kind === "repurchase");
    expect(repurchase).toHaveLength(1);
    expect(repurchase[0]).toMatchObject({ date: s("2006-10-31"), source: "2003-08-04 restricted stock" });
    expect(repurchase[0].amount.toFixed(2)).toBe("125.00");
  });

  it("cancels the June 2006 options: nothing vested (inside the 12-month cliff), all cancelled, no increment", () => {
    for (const [award, shares] of [[june12, 100_000], [june22, 50_000]] as const) {
      expect(award).toMatchObject({ vestedBefore: 0, vestedShares: 0, acceleratedShares: 0, cancelledShares: shares, forfeitedShares: 0, repurchasedShares: 0 });
      expect(award).toMatchObject({ modificationType: "cancellation", fairValueBefore: 0, fairValueAfter: 0, incrementalFairValue: 0 });
      expect(award.expirationAfter).toBeUndefined();
      expect(serialToIso(award.expirationBefore as number)).toBe("2006-10-31");
    }
  });

  it("sums the awards' increments", () => {
    const sum = result.awards.reduce((t, a) => t + a.incrementalFairValue, 0);
    expect(result.incrementalFairValue).toBeCloseTo(sum, 9);
    const perBefore = call(1.2, 1.18, 91 / 365, 0.6, 0.05, 0);
    const perAfter = call(1.2, 1.18, 364 / 365, 0.6, 0.05, 0);
    expect(result.incrementalFairValue).toBeCloseTo(1_458_333 * (perAfter - perBefore) + 41_667 * perAfter + 12_489.983, 6);
  });

  it("flags the Type III reversal of both awards with accelerated shares, and nothing else", () => {
    expect(result.flags.map((f) => [f.code, f.awardId])).toEqual([
      ["type-iii-reversal", "2003-08-01 option"],
      ["type-iii-reversal", "2003-08-04 restricted stock"],
    ]);
    expect(result.flags[0].message).toBe(
      'award "2003-08-01 option": 41,667 shares vest that the original terms would have forfeited when employment ended 2006-07-31 ' +
        "(Type III, improbable to probable): the original grant-date cost of those shares is reversed (not computed)",
    );
  });
});

describe("computeSeparation: seed 001's consulting, benefits and payments", () => {
  const result = computeSeparation(seed001());

  it("bills each logged month beyond the ten included hours at $500, due by 15 days after the invoice, on a business day", () => {
    expect(result.consulting?.months.map((m) => [serialToIso(m.month), m.hours, m.billableHours, m.fee.toFixed(2), serialToIso(m.invoiceDate), serialToIso(m.dueDate)])).toEqual([
      // 8 hours: none beyond ten; invoiced on the month's last day; Aug 31 + 15 = Fri Sep 15
      ["2006-08-01", 8, 0, "0.00", "2006-08-31", "2006-09-15"],
      // 14 hours: 4 x 500 = 2,000; Sep 30 + 15 = Sun Oct 15: due by Fri Oct 13
      ["2006-09-01", 14, 4, "2000.00", "2006-09-30", "2006-10-13"],
      // 15.5 hours: 5.5 x 500 = 2,750; invoiced Nov 3, + 15 = Sat Nov 18: due by Fri Nov 17
      ["2006-10-01", 15.5, 5.5, "2750.00", "2006-11-03", "2006-11-17"],
    ]);
    expect(result.payments.find((p) => p.source === "consulting 2006-09")?.description).toBe(
      "Consulting, 2006-09: 4 hours beyond the 10 included at $500.00 an hour, invoiced 2006-09-30, due by 2006-10-13 " +
        "(within 15 days, 2006-10-15 not being a business day)",
    );
    expect(serialToIso(result.consulting?.startDate as number)).toBe("2006-08-01");
  });

  it("covers medical benefits for one month, 2006-08-01 through 2006-08-31", () => {
    expect(result.benefits).toEqual([{ description: "Medical benefits", startDate: s("2006-08-01"), endDate: s("2006-08-31") }]);
  });

  it("lists the payments in date order and totals them: 1,250 + 2,000 + 125 + 2,750 = 6,125.00", () => {
    expect(result.payments.map((p) => [serialToIso(p.date), p.kind, p.amount.toFixed(2)])).toEqual([
      ["2006-08-01", "benefits", "1250.00"],
      ["2006-10-13", "consulting", "2000.00"],
      ["2006-10-31", "repurchase", "125.00"],
      ["2006-11-17", "consulting", "2750.00"],
    ]);
    expect(Object.fromEntries(Object.entries(result.totals.byKind).map(([k, v]) => [k, v?.toFixed(2)]))).toEqual({
      consulting: "4750.00",
      benefits: "1250.00",
      repurchase: "125.00",
    });
    expect(result.totals.total.toFixed(2)).toBe("6125.00");
    expect(result.contingent).toEqual([]);
  });

  it("draws the timeline", () => {
    expect(result.timeline.map((e) => `${serialToIso(e.date)} ${e.label}`)).toEqual([
      "2006-07-24 Consulting letter dated",
      "2006-07-31 Employment ends (resignation)",
      "2006-08-01 Consulting letter effective",
      "2006-08-01 Consulting period begins",
      "2006-08-01 Modification date (awards valued)",
      "2006-08-31 Medical benefits: last day covered",
      "2007-07-31 Service ends",
      "2007-07-31 Consulting period ends",
      '2007-07-31 Last day to exercise "2003-08-01 option" (was 2006-10-31)',
    ]);
  });
});

describe("flags", () => {
  /** An option's flags after seed 001's agreement, with some of its terms changed. */
  const flagsOf = (changes: Partial<AwardTerms>, market = MARKET): SeparationFlagCode[] =>
    computeSeparation(seed001({ awards: [{ ...OPTION, ...changes }], market }))
      .flags.map((f) => f.code)
      .filter((c) => c !== "type-iii-reversal");
  const window = (outside: string, months: number): AwardModification => ({ exerciseWindow: { outsideDate: s(outside), monthsAfterServiceEnds: months } });

  it.each<[string, Partial<AwardTerms>, SeparationFlagCode[]]>([
    // ISO: exercisable to 2007-07-31, after EDATE(2006-07-31, 3) = 2006-10-31
    ["an ISO extended beyond three months after employment ends", { incentiveStockOption: true }, ["iso-taxed-as-nso"]],
    ["the same extension of a nonqualified option", { incentiveStockOption: false }, []],
    // unmodified: POST_TERMINATION_EXPIRY = 2006-10-31, not after 2006-10-31
    ["an ISO left with its three months", { incentiveStockOption: true, modification: undefined }, []],
    // 2003-08-01 + 120 months = 2013-08-01 = the expiration: extended to 2014-01-31 (in the money at 1.20 > 1.18)
    ["in the money and extended beyond the original term", { modification: window("2014-01-31", 120) }, ["section-409a"]],
    // ten years from grant comes first: a 12-year option extended past 2013-08-01 (but within its own term)
    ["extended past ten years from grant", { expirationDate: s("2015-08-01"), modification: window("2014-01-31", 120) }, ["section-409a"]],
    ["out of the money, extended beyond the original term", { exercisePrice: 2.0, modification: window("2014-01-31", 120) }, []],
    ["in the money, extended within the original term (seed 001)", {}, []],
    // a window shortened: expirationAfter 2006-09-30 < 2006-10-31 is not an extension
    ["in the money, window shortened", { incentiveStockOption: true, modification: window("2006-09-30", 3) }, []],
  ])("%s", (_name, changes, expected) => {
    expect(flagsOf(changes)).toEqual(expected);
  });

  it("names the award and the dates", () => {
    const result = computeSeparation(seed001({ awards: [{ ...OPTION, incentiveStockOption: true, modification: window("2014-01-31", 120) }] }));
    const messages = Object.fromEntries(result.flags.map((f) => [f.code, f.message]));
    expect(messages["section-409a"]).toBe(
      'award "2003-08-01 option": in the money on 2006-08-01 (stock 1.2 > exercise price 1.18) and extended to 2014-01-31, past 2013-08-01 ' +
        "(the earlier of its original expiration 2013-08-01 and ten years from its grant 2003-08-01): the extension is a deferral feature under section 409A",
    );
    expect(messages["iso-taxed-as-nso"]).toBe(
      'award "2003-08-01 option": an incentive stock option exercisable until 2014-01-31, more than three months after employment ended ' +
        "2006-07-31: an exercise after 2006-10-31 is taxed as a nonqualified option (IRC 422(a)(2)); extending an incentive stock option's " +
        "exercise period (here from 2006-10-31) is itself a modification under IRC 424(h), which can disqualify it as an incentive stock " +
        "option from the day it is extended",
    );
  });

  it("values the original award at 0 when its window had closed before the modification date, and says so", () => {
    const late = { ...MARKET, modificationDate: s("2006-11-15") };
    const result = computeSeparation(seed001({ awards: [OPTION], market: late }));
    const [option] = result.awards;
    expect(option.valueBefore).toEqual({ perShare: 0, termYears: 0 });
    // 2006-11-15 to 2007-07-31: 15 (Nov 16..30) + 31 + 31 + 28 + 31 + 30 + 31 + 30 + 31 = 258 days
    const perAfter = call(1.2, 1.18, 258 / 365, 0.6, 0.05, 0);
    expect(option.valueAfter?.perShare).toBeCloseTo(perAfter, 12);
    expect(option.incrementalFairValue).toBeCloseTo(1_458_333 * perAfter + 41_667 * perAfter, 6);
    expect(result.flags.map((f) => f.code)).toEqual(["expired-before-modification", "type-iii-reversal"]);
    expect(result.flags[0].message).toContain("2006-10-31");
  });
});

describe("modification types and the market", () => {
  it.each<[string, AwardModification | undefined, string]>([
    // the window only: the 1,458,333 vested shares get a longer window
    ["a longer window on the vested shares", { exerciseWindow: { outsideDate: s("2007-07-31"), monthsAfterServiceEnds: 3 } }, "I"],
    ["acceleration only", { vestedShares: 1_500_000 }, "III"],
    ["both", OPTION.modification, "I+III"],
    ["nothing changed", {}, "none"],
    ["no modification", undefined, "none"],
    ["cancelled", { cancel: true }, "cancellation"],
  ])("%s: %s", (_name, modification, type) => {
    const [award] = computeSeparation(seed001({ awards: [{ ...OPTION, modification }] })).awards;
    expect(award.modificationType).toBe(type);
  });

  it("an award left as it is keeps its values: before = after, no increment", () => {
    const [award] = computeSeparation(seed001({ awards: [{ ...OPTION, modification: undefined }] })).awards;
    expect(award.fairValueAfter).toBe(award.fairValueBefore);
    expect(award.fairValueBefore).toBeGreaterThan(0);
    expect(award.incrementalFairValue).toBe(0);
    // 2,000,000 - 1,458,333 = 541,667 forfeited under the award's own terms; the agreement cancels nothing
    expect(award).toMatchObject({ vestedShares: 1_458_333, acceleratedShares: 0, forfeitedShares: 541_667, cancelledShares: 0, expirationAfter: award.expirationBefore });
  });

  it("without a market, an award left as it is is valued at 0", () => {
    const result = computeSeparation(seed001({ awards: [{ ...OPTION, modification: undefined }], market: undefined }));
    expect(result.awards[0]).toMatchObject({ fairValueBefore: 0, fairValueAfter: 0, incrementalFairValue: 0, modificationType: "none" });
    expect(result.awards[0].valueBefore).toBeUndefined();
  });

  it("a modification without a market is an error naming market", () => {
    const error = thrown(() => computeSeparation(seed001({ market: undefined })), CalcError);
    expect(error).toMatchObject({ key: "marketRequired", field: "market", code: "#N/A" });
    expect(error.message).toContain('"2003-08-01 option"');
  });

  it.each<[string, Partial<SeparationTerms>, string, string]>([
    ["a stock price of 0", { market: { ...MARKET, stockPrice: 0 } }, "greaterThan", "market.stockPrice"],
    ["a negative volatility", { market: { ...MARKET, volatility: -0.1 } }, "between", "market.volatility"],
    ["an option without an exercise price", { awards: [{ ...OPTION, exercisePrice: undefined }] }, "requiredFor", "awards[0].exercisePrice"],
    ["more shares vested than granted", { awards: [{ ...OPTION, modification: { vestedShares: 2_000_001 } }] }, "wholeNumberFrom", "awards[0].modification.vestedShares"],
    ["a cliff longer than the vesting", { awards: [{ ...OPTION, vesting: { ...VESTING, cliffMonths: 60 } }] }, "wholeNumberFrom", "awards[0].vesting.cliffMonths"],
    [
      "a repurchase price that is not decimal dollars",
      { awards: [{ ...RESTRICTED, modification: { vestedShares: 375_000, repurchaseUnvested: { price: "$0.001", date: s("2006-10-31") } } }] },
      "notDecimal",
      "awards[0].modification.repurchaseUnvested.price",
    ],
  ])("%s: %s naming %s", (_name, changes, key, field) => {
    expect(thrown(() => computeSeparation(seed001(changes)), CalcError)).toMatchObject({ key, field });
  });

  it("restricted stock vested as to a stated count without a repurchase: the agreement cancels the rest", () => {
    const [award] = computeSeparation(seed001({ awards: [{ ...RESTRICTED, modification: { vestedShares: 375_000 } }] })).awards;
    // 500,000 - 375,000 = 125,000
    expect(award).toMatchObject({ cancelledShares: 125_000, forfeitedShares: 0, repurchasedShares: 0 });
  });
});

describe("vested shares taken away, cancellations and the market", () => {
  it("an option vested as to 0 shares is a cancellation: no window after, no value after, the vested shares cancelled too", () => {
    const result = computeSeparation(seed001({ awards: [{ ...OPTION, modification: { vestedShares: 0, exerciseWindow: OPTION.modification?.exerciseWindow } }] }));
    const [award] = result.awards;
    expect(award).toMatchObject({ vestedBefore: 1_458_333, vestedShares: 0, acceleratedShares: 0, cancelledShares: 2_000_000, forfeitedShares: 0 });
    expect(award).toMatchObject({ modificationType: "cancellation", fairValueAfter: 0, incrementalFairValue: 0 });
    expect(award.expirationAfter).toBeUndefined();
    const timeline = result.timeline.map((e) => `${serialToIso(e.date)} ${e.label}`);
    expect(timeline).toContain('2006-08-01 "2003-08-01 option": the agreement cancels 2,000,000 shares, 1,458,333 of them vested (vested 1,458,333 -> 0)');
    expect(timeline.some((t) => t.includes("Last day to exercise"))).toBe(false);
  });

  it("vested as to fewer shares than had vested: the agreement cancels the rest, vested shares among them, and says so", () => {
    const result = computeSeparation(seed001({ awards: [{ ...OPTION, modification: { ...OPTION.modification, vestedShares: 1_000_000 } }] }));
    const [award] = result.awards;
    // 2,000,000 - 1,000,000 = 1,000,000 cancelled; 1,458,333 - 1,000,000 = 458,333 of them vested; the 1,000,000 kept get a longer window: Type I
    expect(award).toMatchObject({ vestedShares: 1_000_000, cancelledShares: 1_000_000, forfeitedShares: 0, acceleratedShares: 0, modificationType: "I" });
    expect(result.timeline.map((e) => e.label)).toContain('"2003-08-01 option": the agreement cancels 1,000,000 shares, 458,333 of them vested (vested 1,458,333 -> 1,000,000)');
  });

  it("no expired-before-modification flag for an award with no shares before or after (the June 2006 grants, valued after their window)", () => {
    // June 12, 2006 grant: inside its cliff on 2006-07-31, vested 0; cancelled: 0 after; its window closed 2006-10-31, before 2006-11-15
    const result = computeSeparation(seed001({ awards: [june("2006-06-12", 100_000)], market: { ...MARKET, modificationDate: s("2006-11-15") } }));
    expect(result.flags).toEqual([]);
  });

  it.each<[string, AwardTerms[]]>([
    ["a cancellation", [june("2006-06-12", 100_000)]],
    ["an option vested as to 0 shares", [{ ...OPTION, modification: { vestedShares: 0 } }]],
    ["a repurchase alone", [{ ...RESTRICTED, modification: { repurchaseUnvested: { price: "0.001", date: s("2006-10-31") } } }]],
    ["an award left as it is", [{ ...OPTION, modification: undefined }]],
  ])("%s needs no market: values 0", (_name, awards) => {
    const result = computeSeparation(seed001({ awards, market: undefined }));
    expect(result.awards[0]).toMatchObject({ fairValueBefore: 0, fairValueAfter: 0, incrementalFairValue: 0 });
  });

  it("a repurchase alone: the unvested shares are repurchased, vesting is unchanged, type none", () => {
    const [award] = computeSeparation(seed001({ awards: [{ ...RESTRICTED, modification: { repurchaseUnvested: { price: "0.001", date: s("2006-10-31") } } }], market: undefined })).awards;
    // 500,000 - 364,583 = 135,417 repurchased
    expect(award).toMatchObject({ vestedShares: 364_583, repurchasedShares: 135_417, cancelledShares: 0, forfeitedShares: 0, modificationType: "none" });
  });

  it.each<[string, AwardTerms]>([
    ["an option whose window changes", { ...OPTION, modification: { exerciseWindow: { outsideDate: s("2007-07-31"), monthsAfterServiceEnds: 3 } } }],
    ["an option whose vested count changes", { ...OPTION, modification: { vestedShares: 1_500_000 } }],
    ["restricted stock whose vested count changes", { ...RESTRICTED, modification: { vestedShares: 375_000 } }],
  ])("%s needs a market", (_name, award) => {
    expect(thrown(() => computeSeparation(seed001({ awards: [award], market: undefined })), CalcError)).toMatchObject({ key: "marketRequired", field: "market" });
  });
});

describe("consulting fees a month", () => {
  it("rounds each invoice to the cent: 0.25 h x $333.33 = $83.3325 -> $83.33 a month, $166.66 for two (one rounding would give $166.67)", () => {
    const consulting = {
      ...(seed001().consulting as NonNullable<SeparationTerms["consulting"]>),
      hourlyRate: 333.33,
      hoursLog: [
        { month: s("2006-08-01"), hours: 10.25 },
        { month: s("2006-09-01"), hours: 10.25 },
      ],
    };
    const result = computeSeparation(seed001({ consulting }));
    expect(result.consulting?.months.map((m) => m.fee.toFixed(2))).toEqual(["83.33", "83.33"]);
    // 83.33 + 83.33 = 166.66
    expect(result.totals.byKind.consulting?.toFixed(2)).toBe("166.66");
  });

  it("names the month at fault", () => {
    const consulting = { ...(seed001().consulting as NonNullable<SeparationTerms["consulting"]>), hoursLog: [{ month: s("2006-08-01"), hours: 800 }] };
    expect(thrown(() => computeSeparation(seed001({ consulting })), CalcError)).toMatchObject({ key: "between", field: "consulting.hoursLog[0].hours" });
  });
});

describe("scenarios recompute the awards", () => {
  it("a scenario's service end of 2007-03-15 moves the option's last exercise day to EDATE(2007-03-15, 3) = 2007-06-15", () => {
    const result = computeSeparation(
      seed001({ scenarios: [{ name: "consulting ends early", employmentEndDate: s("2006-07-31"), terminationReason: "resignation", serviceEndDate: s("2007-03-15") }] }),
    );
    const [scenario] = result.scenarios;
    expect(serialToIso(scenario.serviceEndDate)).toBe("2007-03-15");
    expect(serialToIso(scenario.awards[0].expirationAfter as number)).toBe("2007-06-15");
    // 2006-08-01 to 2007-06-15: 364 - 46 (Jun 16 .. Jul 31) = 318 days
    expect(scenario.awards[0].valueAfter?.termYears).toBe(318 / 365);
    const perBefore = call(1.2, 1.18, 91 / 365, 0.6, 0.05, 0);
    const perAfter = call(1.2, 1.18, 318 / 365, 0.6, 0.05, 0);
    expect(scenario.awards[0].incrementalFairValue).toBeCloseTo(1_458_333 * (perAfter - perBefore) + 41_667 * perAfter, 6);
    // the base case keeps its own: 2007-07-31
    expect(serialToIso(result.awards[0].expirationAfter as number)).toBe("2007-07-31");
  });

  it("an earlier employment end vests less and closes the original window sooner", () => {
    const [scenario] = computeSeparation(seed001({ scenarios: [{ name: "earlier", employmentEndDate: s("2006-06-30"), terminationReason: "without-cause" }] })).scenarios;
    const [option, restricted] = scenario.awards;
    // EDATE(2003-08-01, 35) = 2006-07-01 > Jun 30: 34 months; 2,000,000 x 34 / 48 = 1,416,666.67 -> 1,416,666; 1,500,000 - 1,416,666 = 83,334
    expect(option).toMatchObject({ vestedBefore: 1_416_666, acceleratedShares: 83_334 });
    // EDATE(2006-06-30, 3) = 2006-09-30; the window after still follows the service end (the consulting end, 2007-07-31)
    expect(serialToIso(option.expirationBefore as number)).toBe("2006-09-30");
    expect(serialToIso(option.expirationAfter as number)).toBe("2007-07-31");
    // EDATE(2003-08-04, 34) = 2006-06-04 <= Jun 30 < EDATE(.., 35): 500,000 x 34 / 48 = 354,166.67 -> 354,166; 375,000 - 354,166 = 20,834
    expect(restricted).toMatchObject({ vestedBefore: 354_166, acceleratedShares: 20_834, repurchasedShares: 125_000 });
    expect(scenario.flags.map((f) => [f.code, f.awardId])).toEqual([
      ["type-iii-reversal", "2003-08-01 option"],
      ["type-iii-reversal", "2003-08-04 restricted stock"],
    ]);
    // 1,250 + 2,000 + 125 + 2,750 = 6,125.00, as in the base case
    expect(scenario.totals.total.toFixed(2)).toBe("6125.00");
  });
});
