/**
 * computeSeparation against seed 000 as bundled: assets/samples/separation-2002-almgren/TERMS.json,
 * read through the terms reader. Capstone's Transition Agreement and Mutual Release with its CEO,
 * signed 10/31/02 ("effective after ... seven days have passed since Executive signed", which the
 * Chairman's letter dates "November 7, 2002"), salary of "$370,300 USD per year" "for six months from
 * the Effective Date", the $185,150 "during the twelve month period beginning on the six-month
 * anniversary ... in equal installments ... in accordance with the Company's normal payroll
 * practices", the $100,000 Supplemental Payment "on the Effective Date of the Supplemental Release",
 * and the balance of the salary "if terminated without Cause ... prior to the six-month anniversary".
 *
 * The sample's reading (its README's assumptions): the installments and the Supplemental Payment are
 * due if employed through 2003-05-06 OR terminated without cause before 2003-05-07 (and not for
 * cause); employment ended 2003-05-06 without cause; the Supplemental Release was signed 2003-05-07
 * and took effect on the last day of its 7-day revocation period (2003-05-14); the payroll is
 * semimonthly (15th and month-end) on the federal calendar.
 *
 * Every expected figure is worked by hand in the comments; weekdays were checked against a perpetual
 * calendar (Python's datetime), holidays against 5 U.S.C. 6103.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { isoToSerial, serialToIso } from "../../src/core/dates/serial";
import { CalcError } from "../../src/core/errors";
import { computeSeparation } from "../../src/core/separations/separation";
import { salaryTotal } from "../../src/core/separations/separationPayments";
import { readSeparationJson, readSeparationTerms } from "../../src/core/separations/terms";
import { PaymentProgram, SeparationResult, SeparationTerms } from "../../src/core/separations/types";
import { thrown } from "../support/thrown";

const s = (iso: string) => isoToSerial(iso) as number;
const dates = (rows: { date: number }[]) => rows.map((r) => serialToIso(r.date));
const amounts = (rows: { amount: { toFixed(n: number): string } }[]) => rows.map((r) => r.amount.toFixed(2));
const ofSource = (result: { payments: SeparationResult["payments"] }, source: string) => result.payments.filter((p) => p.source === source);

const SAMPLE = join(__dirname, "../../assets/samples/separation-2002-almgren/TERMS.json");
const SEED_000: SeparationTerms = readSeparationTerms(readSeparationJson(readFileSync(SAMPLE, "utf8")));
const program = (id: string) => SEED_000.payments.find((p) => p.id === id) as PaymentProgram;
const SUPPLEMENTAL = program("supplemental-payment");
const BALANCE = program("salary-balance");
const INSTALLMENTS = program("installments");

function seed000(changes: Partial<SeparationTerms> = {}): SeparationTerms {
  return { ...SEED_000, ...changes };
}

// The salary's 12 semimonthly paydays from 2002-11-07 through 2003-05-06 (May 15 is after the end):
const SALARY_PAYDAYS = [
  "2002-11-15", // Fri
  "2002-11-29", // Nov 30 is a Saturday; Fri Nov 29 is a business day (Thanksgiving was Thu Nov 28)
  "2002-12-13", // Dec 15 is a Sunday
  "2002-12-31", // Tue
  "2003-01-15", // Wed
  "2003-01-31", // Fri
  "2003-02-14", // Feb 15 is a Saturday (Presidents' Day is Mon Feb 17)
  "2003-02-28", // Fri
  "2003-03-14", // Mar 15 is a Saturday
  "2003-03-31", // Mon
  "2003-04-15", // Tue
  "2003-04-30", // Wed
];

// The installments' 24 semimonthly paydays from 2003-05-07 through 2004-05-07:
const INSTALLMENT_PAYDAYS = [
  "2003-05-15", "2003-05-30" /* Sat 31 */, "2003-06-13" /* Sun 15 */, "2003-06-30", "2003-07-15", "2003-07-31",
  "2003-08-15", "2003-08-29" /* Sun 31 */, "2003-09-15", "2003-09-30", "2003-10-15", "2003-10-31",
  "2003-11-14" /* Sat 15 */, "2003-11-28" /* Sun 30; Sat 29; Fri 28 is the day after Thanksgiving, a business day */,
  "2003-12-15", "2003-12-31", "2004-01-15", "2004-01-30" /* Sat 31 */, "2004-02-13" /* Sun 15 */, "2004-02-27" /* Sun 29 */,
  "2004-03-15", "2004-03-31", "2004-04-15", "2004-04-30",
];

describe("computeSeparation: seed 000 as bundled (employed through May 6, 2003, let go without cause)", () => {
  const result = computeSeparation(seed000());

  it("reads the bundled sample: its programs and their conditions", () => {
    expect(SEED_000.payments.map((p) => p.id)).toEqual(["supplemental-payment", "salary-balance", "installments"]);
    const either = { notForCause: true, anyOf: [{ employedThrough: s("2003-05-06") }, { terminatedWithoutCauseBefore: s("2003-05-07") }] };
    expect(SUPPLEMENTAL.condition).toEqual(either);
    expect(INSTALLMENTS.condition).toEqual(either);
    expect(SEED_000).toMatchObject({ employmentEndDate: s("2003-05-06"), terminationReason: "without-cause" });
  });

  it("dates the release: signed 2002-10-31, seven days to revoke, effective on the last of them: 2002-11-07", () => {
    expect(result.release).toEqual({ signedDate: s("2002-10-31"), revocationEnds: s("2002-11-07"), effectiveDate: s("2002-11-07") });
    expect(serialToIso(result.agreementEffectiveDate)).toBe("2002-11-07");
    // the supplemental release (assumed signed 2003-05-07, rule "on"): revocable through May 14, effective that day
    expect(result.supplementalRelease).toEqual({ signedDate: s("2003-05-07"), revocationEnds: s("2003-05-14"), effectiveDate: s("2003-05-14") });
    // no consulting, no service end of its own: the service ends with employment
    expect(serialToIso(result.serviceEndDate)).toBe("2003-05-06");
  });

  it("with a delivery date, the release's consideration deadline: delivered 2002-10-10 + 21 days = 2002-10-31", () => {
    const delivered = computeSeparation(seed000({ release: { signedDate: s("2002-10-31"), deliveredDate: s("2002-10-10"), considerationDays: 21, revocationDays: 7, effectiveRule: "on" } }));
    expect(serialToIso(delivered.release?.considerationDeadline as number)).toBe("2002-10-31");
  });

  it("pays the six months' salary, $370,300 / 2 = $185,150.00, on 12 paydays: 11 x 15,429.16 + 15,429.24", () => {
    // 185,150 / 12 = 15,429.1666...: 15,429.16 each; 11 x 15,429.16 = 169,720.76; 185,150 - 169,720.76 = 15,429.24
    const salary = ofSource(result, "salary");
    expect(dates(salary)).toEqual(SALARY_PAYDAYS);
    expect(amounts(salary)).toEqual([...Array(11).fill("15429.16"), "15429.24"]);
    expect(salary.every((p) => p.kind === "salary")).toBe(true);
    expect(result.totals.byKind.salary?.toFixed(2)).toBe("185150.00");
  });

  it("pays the $185,150 installments on 24 paydays: 23 x 7,714.58 + 7,714.66", () => {
    // 185,150 / 24 = 7,714.5833...: 7,714.58 each; 23 x 7,714.58 = 177,435.34; 185,150 - 177,435.34 = 7,714.66
    const installments = ofSource(result, "installments");
    expect(dates(installments)).toEqual(INSTALLMENT_PAYDAYS);
    expect(amounts(installments)).toEqual([...Array(23).fill("7714.58"), "7714.66"]);
    expect(installments.every((p) => p.kind === "installment" && p.description === INSTALLMENTS.description)).toBe(true);
  });

  it("pays the $100,000 Supplemental Payment on the supplemental release's effective date, 2003-05-14", () => {
    const supplemental = ofSource(result, "supplemental-payment");
    expect(supplemental).toHaveLength(1);
    expect(supplemental[0]).toMatchObject({ kind: "lump-sum", description: SUPPLEMENTAL.description, date: s("2003-05-14") });
    expect(supplemental[0].amount.toFixed(2)).toBe("100000.00");
  });

  it("lists the salary balance as nothing left to pay, not as a $0.00 payment: employed through May 6, the salary was paid in full", () => {
    // its condition holds (without cause, May 6 < May 7); the salary through min(May 6, May 6) is 185,150.00, all paid
    expect(ofSource(result, "salary-balance")).toEqual([]);
    expect(result.contingent).toHaveLength(1);
    const [balance] = result.contingent;
    expect(balance).toMatchObject({ source: "salary-balance", kind: "salary-balance", description: BALANCE.description });
    expect(balance.reason).toBe(
      "nothing left to pay: the salary employment through 2003-05-06 would have paid ($185,150.00) is paid in full on these facts " +
        "(employment ended 2003-05-06: $185,150.00)",
    );
    expect(balance.amount?.toFixed(2)).toBe("0.00");
  });

  it("totals: 185,150 salary + 185,150 installments + 100,000 supplemental = 470,300.00", () => {
    expect(Object.keys(result.totals.byKind)).toEqual(["salary", "installment", "lump-sum"]);
    expect(result.totals.byKind.installment?.toFixed(2)).toBe("185150.00");
    expect(result.totals.byKind["lump-sum"]?.toFixed(2)).toBe("100000.00");
    expect(result.totals.total.toFixed(2)).toBe("470300.00");
    expect(result.payments).toHaveLength(12 + 1 + 24);
  });

  it("lists the payments in date order: May 14 the supplemental payment, May 15 the first installment", () => {
    const all = dates(result.payments);
    expect([...all].sort()).toEqual(all);
    expect(result.payments.filter((p) => serialToIso(p.date) === "2003-05-14").map((p) => p.source)).toEqual(["supplemental-payment"]);
  });

  it("forfeits the unvested options under the plan: nothing is cancelled by the agreement", () => {
    const [old, grant2001, grant2002] = result.awards;
    // 1998-07-01 + 48 months = 2002-07-01, before May 6, 2003: fully vested
    expect(old).toMatchObject({ vestedBefore: 2_005_000, vestedShares: 2_005_000, forfeitedShares: 0, cancelledShares: 0, modificationType: "none" });
    // EDATE(2001-05-16, 23) = 2003-04-16 <= May 6 < EDATE(.., 24) = 2003-05-16: 125,000 x 23 / 48 = 59,895.83 -> 59,895; 125,000 - 59,895 = 65,105
    expect(grant2001).toMatchObject({ vestedBefore: 59_895, vestedShares: 59_895, forfeitedShares: 65_105, cancelledShares: 0 });
    // 2002-06-26 + 12 months = 2003-06-26, after May 6: inside the cliff, all 125,000 forfeited
    expect(grant2002).toMatchObject({ vestedBefore: 0, forfeitedShares: 125_000, cancelledShares: 0 });
    // EDATE(2003-05-06, 3) = 2003-08-06, before each expiry
    expect(result.awards.map((a) => serialToIso(a.expirationAfter as number))).toEqual(["2003-08-06", "2003-08-06", "2003-08-06"]);
    expect(result.flags).toEqual([]);
  });

  it("draws the timeline in date order", () => {
    const timeline = result.timeline.map((e) => `${serialToIso(e.date)} ${e.label}`);
    expect(timeline).toEqual([
      "2002-10-31 Transition Agreement and Mutual Release dated",
      "2002-11-07 Release: last day to revoke it",
      "2002-11-07 Release effective",
      "2002-11-15 Salary: first payment",
      "2003-04-30 Salary: last payment",
      "2003-05-06 Employment ends (without cause)",
      "2003-05-14 Supplemental release: last day to revoke it",
      "2003-05-14 Supplemental release effective",
      `2003-05-15 ${INSTALLMENTS.description}: first payment`,
      '2003-08-06 Last day to exercise "1993 Stock Options"',
      '2003-08-06 Last day to exercise "2000 Stock Options (2001-05-16)"',
      // the June 26, 2002 grant has nothing vested (inside its 12-month cliff): no date to exercise
      `2004-04-30 ${INSTALLMENTS.description}: last payment`,
    ]);
  });
});

describe("computeSeparation: seed 000's scenario, let go without cause on February 27, 2003", () => {
  const [scenario] = computeSeparation(seed000()).scenarios;

  it("keeps the scenario's facts; the service ends with the scenario's employment", () => {
    expect(scenario).toMatchObject({ employmentEndDate: s("2003-02-27"), terminationReason: "without-cause", serviceEndDate: s("2003-02-27") });
    expect(scenario.name).toMatch(/^Let go without cause on February 27, 2003/);
  });

  it("pays salary on the 7 paydays through Feb 14, then Feb 16..27 (12 days) on the last day employed", () => {
    // paid through the Feb 15 payday (moved to Fri Feb 14); Feb 28 is after the employment end
    // final: 370,300 x 12 / 365 = 4,443,600 / 365 = 12,174.2466 -> 12,174.25
    const salary = ofSource(scenario, "salary");
    expect(dates(salary)).toEqual([...SALARY_PAYDAYS.slice(0, 7), "2003-02-27"]);
    expect(amounts(salary)).toEqual([...Array(7).fill("15429.16"), "12174.25"]);
    // 7 x 15,429.16 = 108,004.12; + 12,174.25 = 120,178.37
    expect(scenario.totals.byKind.salary?.toFixed(2)).toBe("120178.37");
  });

  it("lists the 5 salary installments after Feb 27 as not paid as salary, with their amount", () => {
    // Feb 28, Mar 14, Mar 31, Apr 15, Apr 30: 4 x 15,429.16 + 15,429.24 = 61,716.64 + 15,429.24 = 77,145.88
    const salary = scenario.contingent.filter((c) => c.source === "salary");
    expect(salary).toHaveLength(1);
    expect(salary[0]).toMatchObject({
      kind: "salary",
      reason:
        "5 paydays after the employment end 2003-02-27: not paid as salary, which stops when employment ends " +
        "(the days worked since the last payday are in the final salary payment; anything owed beyond them is a salary-balance or installments program of the terms)",
    });
    expect(salary[0].amount?.toFixed(2)).toBe("77145.88");
  });

  it("pays the balance of the salary he would have received: 185,150.00 - 120,178.37 = 64,971.63, on 2003-05-14", () => {
    // the salary through min(through 2003-05-06, salary end 2003-05-06) is the whole 185,150.00;
    // paid on these facts: 7 x 15,429.16 + 12,174.25 = 108,004.12 + 12,174.25 = 120,178.37
    // 185,150.00 - 120,178.37 = 64,971.63
    const balance = ofSource(scenario, "salary-balance");
    expect(balance).toHaveLength(1);
    expect(balance[0]).toMatchObject({ kind: "salary-balance", date: s("2003-05-14") });
    expect(balance[0].amount.toFixed(2)).toBe("64971.63");
  });

  it("pays the Supplemental Payment and the installments (let go without cause before May 7)", () => {
    expect(ofSource(scenario, "supplemental-payment").map((p) => p.amount.toFixed(2))).toEqual(["100000.00"]);
    expect(dates(ofSource(scenario, "installments"))).toEqual(INSTALLMENT_PAYDAYS);
    expect(scenario.contingent.map((c) => c.source)).toEqual(["salary"]);
  });

  it("totals 120,178.37 + 64,971.63 + 100,000.00 + 185,150.00 = 470,300.00, as if employed through May 6", () => {
    // 120,178.37 + 64,971.63 = 185,150.00; + 100,000 + 185,150 = 470,300.00
    expect(scenario.totals.byKind["salary-balance"]?.toFixed(2)).toBe("64971.63");
    expect(scenario.totals.total.toFixed(2)).toBe("470300.00");
    // on May 14 the supplemental payment (payments[0]) precedes the balance (payments[1])
    expect(scenario.payments.filter((p) => p.date === s("2003-05-14")).map((p) => p.source)).toEqual(["supplemental-payment", "salary-balance"]);
  });

  it("recomputes the awards on the scenario's employment end", () => {
    const grant2001 = scenario.awards[1];
    // EDATE(2001-05-16, 21) = 2003-02-16 <= Feb 27 < EDATE(.., 22) = 2003-03-16: 125,000 x 21 / 48 = 54,687.5 -> 54,687; 70,313 forfeited
    expect(grant2001).toMatchObject({ vestedBefore: 54_687, forfeitedShares: 70_313 });
    // EDATE(2003-02-27, 3) = 2003-05-27
    expect(serialToIso(grant2001.expirationAfter as number)).toBe("2003-05-27");
    expect(scenario.incrementalFairValue).toBe(0);
    expect(scenario.flags).toEqual([]);
  });

  it("on the other reading of the letter (installments only if employed through May 6), they are contingent: 285,150.00", () => {
    const other: PaymentProgram = { ...INSTALLMENTS, condition: { notForCause: true, employedThrough: s("2003-05-06") } };
    const [paid] = computeSeparation(seed000({ payments: [SUPPLEMENTAL, BALANCE, other] })).scenarios;
    const installments = paid.contingent.find((c) => c.source === "installments");
    expect(installments).toMatchObject({ kind: "installment", reason: "employment ended 2003-02-27, before 2003-05-06 (employedThrough)" });
    expect(installments?.amount?.toFixed(2)).toBe("185150.00");
    // 470,300.00 - 185,150.00 = 285,150.00
    expect(paid.totals.total.toFixed(2)).toBe("285150.00");
  });

  it("a resignation after the six months fails both parts of terminatedWithoutCauseBefore", () => {
    const [late] = computeSeparation(seed000({ scenarios: [{ name: "stayed on", employmentEndDate: s("2003-06-30"), terminationReason: "resignation" }] })).scenarios;
    expect(late.contingent.map((c) => c.reason)).toEqual([
      "employment ended by resignation, not without cause and on 2003-06-30, not before 2003-05-07 (terminatedWithoutCauseBefore 2003-05-07)",
    ]);
    // employed past the salary's end: the whole salary, and no balance (185,150.00 - 185,150.00)
    expect(late.contingent[0].amount?.toFixed(2)).toBe("0.00");
    expect(late.totals.total.toFixed(2)).toBe("470300.00");
  });

  it("a termination for cause pays none of the incentive consideration, each with its reason", () => {
    const [forCause] = computeSeparation(seed000({ scenarios: [{ name: "for cause", employmentEndDate: s("2003-02-27"), terminationReason: "for-cause" }] })).scenarios;
    expect(forCause.payments.every((p) => p.kind === "salary")).toBe(true);
    const reasons = Object.fromEntries(forCause.contingent.map((c) => [c.source, c.reason]));
    const either =
      "employment ended by termination for cause (notForCause); none of the alternatives holds (anyOf): employment ended 2003-02-27, " +
      "before 2003-05-06 (employedThrough); nor employment ended by termination for cause, not without cause (terminatedWithoutCauseBefore 2003-05-07)";
    expect(reasons["supplemental-payment"]).toBe(either);
    expect(reasons.installments).toBe(either);
    expect(reasons["salary-balance"]).toBe("employment ended by termination for cause, not without cause (terminatedWithoutCauseBefore 2003-05-07)");
    // the balance would have been the same 64,971.63
    expect(forCause.contingent.find((c) => c.source === "salary-balance")?.amount?.toFixed(2)).toBe("64971.63");
  });
});

describe("the salary balance", () => {
  const balanceOf = (end: string, changes: Partial<SeparationTerms> = {}) => {
    const result = computeSeparation(seed000({ employmentEndDate: s(end), scenarios: [], ...changes }));
    return { salary: result.totals.byKind.salary?.toFixed(2) ?? "0.00", balance: result.totals.byKind["salary-balance"]?.toFixed(2) ?? "0.00" };
  };

  it("employment ending on a moved payday (Fri Feb 14, for Sat Feb 15): the balance starts after what that payday covered", () => {
    // 7 installments through the Feb 14 payment (covering through Feb 15): 7 x 15,429.16 = 108,004.12, no final partial (Feb 14 < Feb 15)
    // balance: 185,150.00 - 108,004.12 = 77,145.88 (the 5 installments not paid)
    expect(balanceOf("2003-02-14")).toEqual({ salary: "108004.12", balance: "77145.88" });
  });

  it("employment ending before the salary starts: the balance is the whole salary, never more", () => {
    // nothing paid as salary (2002-11-01 < 2002-11-07): 185,150.00 - 0
    expect(balanceOf("2002-11-01")).toEqual({ salary: "0.00", balance: "185150.00" });
  });

  it("with `through` before the salary's end: the salary employment through `through` would have paid, less what was paid", () => {
    // through 2003-03-31: 10 installments (Nov 15 .. Mar 31) = 10 x 15,429.16 = 154,291.60, covering through Mar 31 (no partial)
    // employment ended Feb 27: 120,178.37 paid; 154,291.60 - 120,178.37 = 34,113.23
    const through = { ...BALANCE, through: s("2003-03-31") };
    expect(balanceOf("2003-02-27", { payments: [SUPPLEMENTAL, through, INSTALLMENTS] })).toEqual({ salary: "120178.37", balance: "34113.23" });
  });

  it("the installments already paid cap the final partial period at the period's salary (employed to May 5: no more than $185,150)", () => {
    // the 12 installments (through Apr 30) pay the whole 185,150.00; May 1..5 at 1/365 a day (5,072.60) would overpay: capped at 0
    expect(balanceOf("2003-05-05")).toEqual({ salary: "185150.00", balance: "0.00" });
  });
});

describe("salary over the continuation period", () => {
  it.each([
    // six whole months: EDATE(Nov 7, 6) = May 7 = May 6 + 1: 370,300 x 6 / 12 = 185,150.00
    ["2002-11-07", "2003-05-06", "185150.00"],
    // one day more: 6 months and 1 day: 185,150 + 370,300 / 365 = 185,150 + 1,014.5205 = 186,164.5205 -> 186,164.52
    ["2002-11-07", "2003-05-07", "186164.52"],
    // one month from Jan 31: EDATE(Jan 31, 1) = Feb 28 = Feb 27 + 1: 370,300 / 12 = 30,858.333 -> 30,858.33
    ["2003-01-31", "2003-02-27", "30858.33"],
    // a day short of six months: EDATE(Nov 7, 5) = Apr 7 <= May 6 < May 7: 5 months + Apr 7..May 5 (24 + 5 = 29 days)
    // 370,300 x 5 / 12 = 154,291.6667; 370,300 x 29 / 365 = 10,738,700 / 365 = 29,421.0959; sum 183,712.7626 -> 183,712.76
    ["2002-11-07", "2003-05-05", "183712.76"],
    // a month-end start: EDATE(Aug 31, 6) = Feb 28 = Feb 27 + 1: six months, 185,150.00
    ["2002-08-31", "2003-02-27", "185150.00"],
    // ... and through Feb 28: EDATE(Aug 31, 7) = Mar 31 > Mar 1, so 6 months + 1 day (Feb 28): 186,164.52
    ["2002-08-31", "2003-02-28", "186164.52"],
    // one day: 370,300 / 365 = 1,014.5205 -> 1,014.52
    ["2003-05-06", "2003-05-06", "1014.52"],
  ])("from %s through %s: %s", (start, end, total) => {
    expect(salaryTotal({ annualSalary: 370300, startDate: s(start), endDate: s(end) }).toFixed(2)).toBe(total);
  });

  it.each(["2002-11-07", "2003-01-31", "2002-08-31", "2004-02-29", "2003-12-31"])("from %s, a day longer never pays less (over 400 days)", (start) => {
    const from = s(start);
    const less: string[] = [];
    let previous = salaryTotal({ annualSalary: 370300, startDate: from, endDate: from });
    for (let end = from + 1; end <= from + 400; end++) {
      const total = salaryTotal({ annualSalary: 370300, startDate: from, endDate: end });
      if (total.lessThan(previous)) less.push(`${serialToIso(end)}: ${total.toFixed(2)} < ${previous.toFixed(2)}`);
      previous = total;
    }
    expect(less).toEqual([]);
  });

  it("an installment moved back to a business day on or before the employment end is paid, and covers through its regular payday", () => {
    // employment ends Fri Nov 29, 2002: the Nov 30 (Saturday) payday is paid on Nov 29 and covers through Nov 30; no final payment
    const result = computeSeparation(seed000({ employmentEndDate: s("2002-11-29"), scenarios: [] }));
    expect(dates(ofSource(result, "salary"))).toEqual(["2002-11-15", "2002-11-29"]);
    expect(amounts(ofSource(result, "salary"))).toEqual(["15429.16", "15429.16"]);
  });

  it("employment ending before the first payday pays the days from the start: Nov 7 .. Nov 10 = 4 days", () => {
    // 370,300 x 4 / 365 = 1,481,200 / 365 = 4,058.0821 -> 4,058.08
    const result = computeSeparation(seed000({ employmentEndDate: s("2002-11-10"), scenarios: [] }));
    expect(dates(ofSource(result, "salary"))).toEqual(["2002-11-10"]);
    expect(amounts(ofSource(result, "salary"))).toEqual(["4058.08"]);
  });
});

describe("the ADEA/OWBPA minimums", () => {
  const flagsOf = (release: SeparationTerms["release"]) => computeSeparation(seed000({ release, scenarios: [] })).flags;

  it("flags a release giving 5 days to consider and 3 to revoke", () => {
    // delivered 2002-10-26 + 5 days = 2002-10-31, the day it was signed
    const flags = flagsOf({ signedDate: s("2002-10-31"), deliveredDate: s("2002-10-26"), considerationDays: 5, revocationDays: 3, effectiveRule: "on" });
    expect(flags).toEqual([
      {
        code: "adea-minimum",
        message:
          "release gives 5 days to consider it (release.considerationDays) and 3 days to revoke it (release.revocationDays): the ADEA/OWBPA " +
          "minimum is 21 days (45 in a group program) to consider and 7 to revoke; a waiver of age claims may not be valid (29 U.S.C. 626(f))",
      },
    ]);
  });

  it.each<[string, SeparationTerms["release"], number]>([
    ["without a delivery date the consideration days are not judged", { signedDate: s("2002-10-31"), considerationDays: 5, revocationDays: 7, effectiveRule: "on" }, 0],
    ["21 and 7 days", { signedDate: s("2002-10-31"), deliveredDate: s("2002-10-10"), considerationDays: 21, revocationDays: 7, effectiveRule: "on" }, 0],
    ["6 days to revoke", { signedDate: s("2002-10-31"), considerationDays: 21, revocationDays: 6, effectiveRule: "on" }, 1],
    ["20 days to consider, delivered", { signedDate: s("2002-10-31"), deliveredDate: s("2002-10-11"), considerationDays: 20, revocationDays: 7, effectiveRule: "on" }, 1],
  ])("%s", (_name, release, n) => {
    expect(flagsOf(release).filter((f) => f.code === "adea-minimum")).toHaveLength(n);
  });
});

describe("computeSeparation: errors name the terms path", () => {
  it.each<[string, Partial<SeparationTerms>, string, string]>([
    ["a payment on the supplemental release's date without one", { supplementalRelease: undefined }, "noSupplementalRelease", "payments[0].date"],
    [
      "installments ending before they start",
      { payments: [SUPPLEMENTAL, BALANCE, { ...INSTALLMENTS, endDate: { date: s("2003-05-01") } }] },
      "mustNotPrecede",
      "payments[2].endDate",
    ],
    ["a salary balance without a salary", { salary: undefined }, "requiredFor", "salary"],
    ["a lump sum without an amount", { payments: [{ ...SUPPLEMENTAL, amount: undefined }] }, "requiredFor", "payments[0].amount"],
    ["a lump sum that is not decimal dollars", { payments: [{ ...SUPPLEMENTAL, amount: "100,000" }] }, "notDecimal", "payments[0].amount"],
    ["installments in fractions of a cent", { payments: [{ ...INSTALLMENTS, total: "185150.005" }] }, "notWholeCents", "payments[0].total"],
    [
      "a release signed after its consideration period",
      { release: { signedDate: s("2002-11-01"), deliveredDate: s("2002-10-10"), considerationDays: 21, revocationDays: 7, effectiveRule: "on" } },
      "signedAfterConsideration",
      "release.signedDate",
    ],
    ["a negative salary", { salary: { annualSalary: -1, startDate: s("2002-11-07"), endDate: s("2003-05-06") } }, "between", "salary.annualSalary"],
  ])("%s", (_name, changes, key, field) => {
    const error = thrown(() => computeSeparation(seed000(changes)), CalcError);
    expect(error).toMatchObject({ key, field });
    expect(error.message).toContain(field);
  });

  it("renames the other field a message names too", () => {
    const error = thrown(() => computeSeparation(seed000({ payments: [{ ...INSTALLMENTS, endDate: { date: s("2003-05-01") } }] })), CalcError);
    expect(error.message).toBe("payments[0].endDate (2003-05-01) must not precede payments[0].startDate (2003-05-07)");
  });

  const salary = (start: string, end: string) => ({ salary: { annualSalary: 370300, startDate: s(start), endDate: s(end) } });
  const installments = (start: string, end: string, extra: Partial<PaymentProgram> = {}) => ({
    payments: [SUPPLEMENTAL, BALANCE, { ...INSTALLMENTS, startDate: { date: s(start) }, endDate: { date: s(end) }, ...extra }],
  });

  it.each<[string, Partial<SeparationTerms>, string]>([
    // the FEDERAL calendar runs 1971-01-01..2099-12-31
    ["a salary starting in 1960", salary("1960-01-01", "2003-05-06"), 'salary.startDate ("1960-01-01") is outside the FEDERAL calendar\'s range 1971-01-01..2099-12-31'],
    [
      "installments from 1900",
      installments("1900-01-01", "9999-12-31", { frequency: "weekly" }),
      'payments[2].startDate ("1900-01-01") is outside the FEDERAL calendar\'s range 1971-01-01..2099-12-31',
    ],
    // Nov 16..20: no 15th, no month-end
    ["a salary period with no payday", salary("2002-11-16", "2002-11-20"), "no semimonthly payday falls from salary.startDate (2002-11-16) through salary.endDate (2002-11-20)"],
    [
      "installments over one day that is no payday",
      installments("2003-05-07", "2003-05-07"),
      "no semimonthly payday falls from payments[2].startDate (2003-05-07) through payments[2].endDate (2003-05-07)",
    ],
    // WEEKENDS runs over every date: 8,100 years of weeks are more than 10,000 paydays
    [
      "too many paydays",
      { calendar: "WEEKENDS", ...installments("1900-01-01", "9999-12-31", { frequency: "weekly" }) },
      "more than 10000 weekly paydays fall from payments[2].startDate (1900-01-01) through payments[2].endDate (9999-12-31)",
    ],
    // 9950-01-01 + 1,200 months = 10050-01-01, past 9999-12-31
    [
      "benefits running past 9999",
      { benefits: [{ description: "Medical", startDate: s("9950-01-01"), months: 1200 }] },
      "benefits[0].months: the date 1200 months from 9950-01-01 falls outside 1900-01-01..9999-12-31",
    ],
  ])("%s: dates as YYYY-MM-DD and terms paths, no serial, no cell argument", (_name, changes, message) => {
    const error = thrown(() => computeSeparation(seed000({ scenarios: [], ...changes })), CalcError);
    expect(error.message).toBe(message);
    expect(error.message).not.toMatch(/first_date|last_date|through_date|serial|\(\d+\)/);
  });
});
