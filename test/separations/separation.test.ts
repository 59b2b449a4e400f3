/**
 * computeSeparation against seed 000: Capstone's Transition Agreement and Mutual Release with its CEO,
 * signed 10/31/02 ("effective after ... seven days have passed since Executive signed", which the
 * Chairman's letter dates "November 7, 2002"), salary of "$370,300 USD per year" while employed "for six
 * months from the Effective Date" ("your current monthly salary through the six-month period"), the
 * $185,150 "during the twelve month period beginning on the six-month anniversary ... ending on the
 * eighteen month anniversary ... in equal installments ... in accordance with the Company's normal
 * payroll practices", the $100,000 Supplemental Payment "on the Effective Date of the Supplemental
 * Release", and the balance of the salary "if terminated without Cause ... prior to the six-month
 * anniversary".
 *
 * Not in the seed, assumed here: the payroll is semimonthly (15th and month-end) on the federal
 * calendar; the Supplemental Release was signed 2003-05-07 and took effect the day after its 7-day
 * revocation period (2003-05-15); employment ended 2003-05-06 by resignation (the Board accepted it
 * effective February 27, 2003 with employment continuing "through May 6, 2003").
 *
 * Every expected figure is worked by hand in the comments; weekdays were checked against a perpetual
 * calendar (Python's datetime), holidays against 5 U.S.C. 6103.
 */
import { isoToSerial, serialToIso } from "../../src/core/dates/serial";
import { CalcError } from "../../src/core/errors";
import { computeSeparation } from "../../src/core/separations/separation";
import { salaryTotal } from "../../src/core/separations/separationPayments";
import { PaymentProgram, SeparationResult, SeparationTerms } from "../../src/core/separations/types";
import { thrown } from "../support/thrown";

const s = (iso: string) => isoToSerial(iso) as number;
const dates = (rows: { date: number }[]) => rows.map((r) => serialToIso(r.date));
const amounts = (rows: { amount: { toFixed(n: number): string } }[]) => rows.map((r) => r.amount.toFixed(2));
const ofSource = (result: { payments: SeparationResult["payments"] }, source: string) => result.payments.filter((p) => p.source === source);

const SUPPLEMENTAL: PaymentProgram = {
  id: "supplemental",
  kind: "lump-sum",
  description: "Supplemental Payment",
  amount: "100000",
  date: { event: "supplementalReleaseEffective" },
  // section 1(c): "(I) Executive remains employed ... through the six-month anniversary ...; or (II) ... terminated ... without Cause ... before the end of the six-month period"
  condition: { anyOf: [{ employedThrough: s("2003-05-06") }, { terminatedWithoutCauseBefore: s("2003-05-07") }] },
};

const INSTALLMENTS: PaymentProgram = {
  id: "installments",
  kind: "installments",
  description: "$185,150 from the six-month to the eighteen-month anniversary",
  total: "185150.00",
  startDate: { date: s("2003-05-07") },
  endDate: { date: s("2004-05-07") },
  frequency: "semimonthly",
  // the letter of February 26, 2003: "Unless you are terminated for Cause ... if you remain employed ... through the six-month anniversary"
  condition: { notForCause: true, employedThrough: s("2003-05-06") },
};

const BALANCE: PaymentProgram = {
  id: "balance",
  kind: "salary-balance",
  description: "Balance of transitional employment compensation",
  through: s("2003-05-06"),
  date: { event: "supplementalReleaseEffective" },
  condition: { terminatedWithoutCauseBefore: s("2003-05-07") },
};

function seed000(changes: Partial<SeparationTerms> = {}): SeparationTerms {
  return {
    executive: "Dr. Ake Almgren",
    company: "Capstone Turbine Corporation",
    agreementName: "Transition Agreement and Mutual Release",
    agreementDate: s("2002-10-31"),
    release: { signedDate: s("2002-10-31"), considerationDays: 21, revocationDays: 7, effectiveRule: "on" },
    supplementalRelease: { signedDate: s("2003-05-07"), considerationDays: 21, revocationDays: 7, effectiveRule: "after" },
    employmentEndDate: s("2003-05-06"),
    terminationReason: "resignation",
    calendar: "FEDERAL",
    payFrequency: "semimonthly",
    salary: { annualSalary: 370300, startDate: s("2002-11-07"), endDate: s("2003-05-06") },
    payments: [SUPPLEMENTAL, INSTALLMENTS, BALANCE],
    benefits: [],
    awards: [],
    scenarios: [{ name: "Let go without cause on February 27, 2003", employmentEndDate: s("2003-02-27"), terminationReason: "without-cause" }],
    ...changes,
  };
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

describe("computeSeparation: seed 000 as it happened (employed through May 6, 2003)", () => {
  const result = computeSeparation(seed000());

  it("dates the release: signed 2002-10-31, seven days to revoke, effective on the last of them: 2002-11-07", () => {
    expect(result.release).toEqual({ signedDate: s("2002-10-31"), revocationEnds: s("2002-11-07"), effectiveDate: s("2002-11-07") });
    expect(serialToIso(result.agreementEffectiveDate)).toBe("2002-11-07");
    // the supplemental release (assumed signed 2003-05-07): revocable through May 14, effective the day after
    expect(result.supplementalRelease).toEqual({ signedDate: s("2003-05-07"), revocationEnds: s("2003-05-14"), effectiveDate: s("2003-05-15") });
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

  it("pays the $100,000 Supplemental Payment on the supplemental release's effective date, 2003-05-15", () => {
    const supplemental = ofSource(result, "supplemental");
    expect(supplemental).toHaveLength(1);
    expect(supplemental[0]).toMatchObject({ kind: "lump-sum", description: "Supplemental Payment", date: s("2003-05-15") });
    expect(supplemental[0].amount.toFixed(2)).toBe("100000.00");
  });

  it("leaves the salary balance contingent: he resigned and stayed through May 6, so it was never due (and would be 0)", () => {
    expect(result.contingent).toHaveLength(1);
    const [balance] = result.contingent;
    expect(balance).toMatchObject({ source: "balance", kind: "salary-balance", description: BALANCE.description });
    // May 6 is before May 7: only the reason fails
    expect(balance.reason).toBe("employment ended by resignation, not without cause (terminatedWithoutCauseBefore 2003-05-07)");
    expect(balance.amount?.toFixed(2)).toBe("0.00");
  });

  it("totals: 185,150 salary + 185,150 installments + 100,000 supplemental = 470,300.00", () => {
    expect(Object.keys(result.totals.byKind)).toEqual(["salary", "installment", "lump-sum"]);
    expect(result.totals.byKind.installment?.toFixed(2)).toBe("185150.00");
    expect(result.totals.byKind["lump-sum"]?.toFixed(2)).toBe("100000.00");
    expect(result.totals.total.toFixed(2)).toBe("470300.00");
    expect(result.payments).toHaveLength(12 + 1 + 24);
  });

  it("lists the payments in date order, ties in the terms' order (May 15: the supplemental payment, then the first installment)", () => {
    const all = dates(result.payments);
    expect([...all].sort()).toEqual(all);
    const may15 = result.payments.filter((p) => serialToIso(p.date) === "2003-05-15").map((p) => p.source);
    expect(may15).toEqual(["supplemental", "installments"]);
  });

  it("draws the timeline in date order", () => {
    const timeline = result.timeline.map((e) => `${serialToIso(e.date)} ${e.label}`);
    expect(timeline).toEqual([
      "2002-10-31 Transition Agreement and Mutual Release dated",
      "2002-11-07 Release: last day to revoke it",
      "2002-11-07 Release effective",
      "2002-11-15 Salary: first payment",
      "2003-04-30 Salary: last payment",
      "2003-05-06 Employment ends (resignation)",
      "2003-05-14 Supplemental release: last day to revoke it",
      "2003-05-15 Supplemental release effective",
      `2003-05-15 ${INSTALLMENTS.description}: first payment`,
      `2004-04-30 ${INSTALLMENTS.description}: last payment`,
    ]);
  });
});

describe("computeSeparation: seed 000's scenario, let go without cause on February 27, 2003", () => {
  const [scenario] = computeSeparation(seed000()).scenarios;

  it("keeps the scenario's facts", () => {
    expect(scenario).toMatchObject({ name: "Let go without cause on February 27, 2003", employmentEndDate: s("2003-02-27"), terminationReason: "without-cause" });
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

  it("pays the salary balance, Feb 28 .. May 6 = 1 + 31 + 30 + 6 = 68 days x 370,300 / 365 = 68,987.40, on 2003-05-15", () => {
    // 370,300 x 68 = 25,180,400; / 365 = 68,987.3972... -> 68,987.40
    const balance = ofSource(scenario, "balance");
    expect(balance).toHaveLength(1);
    expect(balance[0]).toMatchObject({ kind: "salary-balance", date: s("2003-05-15") });
    expect(balance[0].amount.toFixed(2)).toBe("68987.40");
  });

  it("pays the Supplemental Payment (let go without cause before May 7), but not the installments (the letter asks for employment through May 6)", () => {
    expect(ofSource(scenario, "supplemental").map((p) => p.amount.toFixed(2))).toEqual(["100000.00"]);
    expect(ofSource(scenario, "installments")).toEqual([]);
    expect(scenario.contingent).toHaveLength(1);
    expect(scenario.contingent[0]).toMatchObject({ source: "installments", kind: "installment", reason: "employment ended 2003-02-27, before 2003-05-06 (employedThrough)" });
    expect(scenario.contingent[0].amount?.toFixed(2)).toBe("185150.00");
  });

  it("totals 120,178.37 + 100,000.00 + 68,987.40 = 289,165.77", () => {
    expect(scenario.totals.byKind["salary-balance"]?.toFixed(2)).toBe("68987.40");
    expect(scenario.totals.total.toFixed(2)).toBe("289165.77");
    // on May 15 the supplemental payment (payments[0]) precedes the balance (payments[2])
    expect(scenario.payments.filter((p) => p.date === s("2003-05-15")).map((p) => p.source)).toEqual(["supplemental", "balance"]);
  });

  it("under the original section 1(c)(i)(B) (installments also when let go without cause), the installments are paid too: 474,315.77", () => {
    const original: PaymentProgram = { ...INSTALLMENTS, condition: SUPPLEMENTAL.condition };
    const [paid] = computeSeparation(seed000({ payments: [SUPPLEMENTAL, original, BALANCE] })).scenarios;
    expect(paid.contingent).toEqual([]);
    // 289,165.77 + 185,150.00 = 474,315.77
    expect(paid.totals.total.toFixed(2)).toBe("474315.77");
  });

  it("a resignation after the six months fails both parts of terminatedWithoutCauseBefore", () => {
    const [late] = computeSeparation(seed000({ scenarios: [{ name: "stayed on", employmentEndDate: s("2003-06-30"), terminationReason: "resignation" }] })).scenarios;
    expect(late.contingent.map((c) => c.reason)).toEqual([
      "employment ended by resignation, not without cause and on 2003-06-30, not before 2003-05-07 (terminatedWithoutCauseBefore 2003-05-07)",
    ]);
    // employed past the salary's end: the whole salary, and no balance (0 when employment ends on or after `through`)
    expect(late.contingent[0].amount?.toFixed(2)).toBe("0.00");
    expect(late.totals.total.toFixed(2)).toBe("470300.00");
  });

  it("a termination for cause pays none of the incentive consideration, each with its reason", () => {
    const [forCause] = computeSeparation(seed000({ scenarios: [{ name: "for cause", employmentEndDate: s("2003-02-27"), terminationReason: "for-cause" }] })).scenarios;
    expect(forCause.payments.every((p) => p.kind === "salary")).toBe(true);
    expect(Object.fromEntries(forCause.contingent.map((c) => [c.source, c.reason]))).toEqual({
      supplemental:
        "none of the alternatives holds (anyOf): employment ended 2003-02-27, before 2003-05-06 (employedThrough); " +
        "nor employment ended by termination for cause, not without cause (terminatedWithoutCauseBefore 2003-05-07)",
      installments: "employment ended 2003-02-27, before 2003-05-06 (employedThrough); employment ended by termination for cause (notForCause)",
      balance: "employment ended by termination for cause, not without cause (terminatedWithoutCauseBefore 2003-05-07)",
    });
    // the balance would have been the same 68 days: 68,987.40
    expect(forCause.contingent.find((c) => c.source === "balance")?.amount?.toFixed(2)).toBe("68987.40");
  });
});

describe("salary over the continuation period", () => {
  it.each([
    // six whole months: May 6 + 1 = May 7 = EDATE(Nov 7, 6): 370,300 x 6 / 12 = 185,150.00
    ["2002-11-07", "2003-05-06", "185150.00"],
    // one month from Jan 31: EDATE(Jan 31, 1) = Feb 28 = Feb 27 + 1: 370,300 / 12 = 30,858.333 -> 30,858.33
    ["2003-01-31", "2003-02-27", "30858.33"],
    // not whole months: Nov 7 .. May 5 = 24 + 31 + 31 + 28 + 31 + 30 + 5 = 180 days; 370,300 x 180 / 365 = 182,613.6986 -> 182,613.70
    ["2002-11-07", "2003-05-05", "182613.70"],
    // one day: 370,300 / 365 = 1,014.5205 -> 1,014.52
    ["2003-05-06", "2003-05-06", "1014.52"],
  ])("from %s through %s: %s", (start, end, total) => {
    expect(salaryTotal({ annualSalary: 370300, startDate: s(start), endDate: s(end) }).toFixed(2)).toBe(total);
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

describe("computeSeparation: errors name the terms path", () => {
  it.each<[string, Partial<SeparationTerms>, string, string]>([
    ["a payment on the supplemental release's date without one", { supplementalRelease: undefined }, "noSupplementalRelease", "payments[0].date"],
    [
      "installments ending before they start",
      { payments: [SUPPLEMENTAL, { ...INSTALLMENTS, endDate: { date: s("2003-05-01") } }, BALANCE] },
      "mustNotPrecede",
      "payments[1].endDate",
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
});
