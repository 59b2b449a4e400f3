/**
 * Properties of computeSeparation that hold whatever the facts, checked over a deterministic sweep
 * (no random inputs, so nothing can flake): seed 000's terms with the employment ending on every
 * other day from 2002-11-01 to 2004-06-30 for each termination reason, and seed 001's awards with the
 * employment ending on the first of each month from 2003-07-01 to 2008-01-01.
 */
import { addMonthsClamped, isoToSerial } from "../../src/core/dates/serial";
import { Money } from "../../src/core/separations/money";
import { computeSeparation } from "../../src/core/separations/separation";
import {
  AwardTerms,
  PaymentProgram,
  SeparationPayment,
  SeparationScenario,
  SeparationTerms,
  TERMINATION_REASONS,
} from "../../src/core/separations/types";

const s = (iso: string) => isoToSerial(iso) as number;

const PROGRAMS: PaymentProgram[] = [
  {
    id: "supplemental",
    kind: "lump-sum",
    description: "Supplemental Payment",
    amount: "100000",
    date: { event: "supplementalReleaseEffective" },
    condition: { anyOf: [{ employedThrough: s("2003-05-06") }, { terminatedWithoutCauseBefore: s("2003-05-07") }] },
  },
  {
    id: "installments",
    kind: "installments",
    description: "Installments",
    total: "185150.00",
    startDate: { date: s("2003-05-07") },
    endDate: { date: s("2004-05-07") },
    condition: { notForCause: true, employedThrough: s("2003-05-06") },
  },
  {
    id: "balance",
    kind: "salary-balance",
    description: "Salary balance",
    through: s("2003-05-06"),
    date: { event: "employmentEnd" },
    condition: { terminatedWithoutCauseBefore: s("2003-05-07") },
  },
];

const scenarios: SeparationScenario[] = [];
for (let d = s("2002-11-01"); d <= s("2004-06-30"); d += 2) {
  for (const reason of TERMINATION_REASONS) scenarios.push({ name: `${d} ${reason}`, employmentEndDate: d, terminationReason: reason });
}

const terms: SeparationTerms = {
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
  payments: PROGRAMS,
  benefits: [{ description: "Medical", startDate: s("2003-05-07"), months: 3, monthlyCost: "812.34" }],
  awards: [],
  scenarios,
};

const result = computeSeparation(terms);
const sum = (payments: SeparationPayment[]) => payments.reduce((t, p) => t.plus(p.amount), new Money(0));

describe(`payments over ${scenarios.length} scenarios of seed 000`, () => {
  it("the totals by kind sum to the total, which is the sum of the payments", () => {
    for (const scenario of [result, ...result.scenarios]) {
      const byKind = Object.values(scenario.totals.byKind).reduce((t: Money, v) => t.plus(v as Money), new Money(0));
      expect(byKind.toFixed(2)).toBe(scenario.totals.total.toFixed(2));
      expect(sum(scenario.payments).toFixed(2)).toBe(scenario.totals.total.toFixed(2));
      for (const [kind, total] of Object.entries(scenario.totals.byKind)) {
        expect(sum(scenario.payments.filter((p) => p.kind === kind)).toFixed(2)).toBe((total as Money).toFixed(2));
      }
    }
  });

  it("every program in the terms is either paid or contingent, never both", () => {
    for (const scenario of result.scenarios) {
      const paid = new Set(scenario.payments.map((p) => p.source));
      const contingent = scenario.contingent.map((c) => c.source);
      for (const program of PROGRAMS) {
        expect([program.id, Number(paid.has(program.id)) + contingent.filter((c) => c === program.id).length]).toEqual([program.id, 1]);
      }
    }
  });

  it("payments are in date order, in whole cents, and none is negative", () => {
    const wrong: string[] = [];
    for (const scenario of result.scenarios) {
      scenario.payments.forEach((p, i) => {
        if (i > 0 && p.date < scenario.payments[i - 1].date) wrong.push(`${scenario.name}: payment ${i} out of order`);
        if (p.amount.decimalPlaces() > 2 || p.amount.isNegative()) wrong.push(`${scenario.name}: payment ${i} is ${p.amount.toString()}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it("no salary is paid after the employment end, and the whole $185,150.00 once employed through May 6, 2003", () => {
    for (const scenario of result.scenarios) {
      const salary = scenario.payments.filter((p) => p.kind === "salary");
      expect(salary.filter((p) => p.date > scenario.employmentEndDate)).toEqual([]);
      if (scenario.employmentEndDate >= s("2003-05-06")) expect(sum(salary).toFixed(2)).toBe("185150.00");
    }
  });

  it("salary paid + the salary balance = the salary through `through` ($185,150.00) for every employment end before it", () => {
    // through 2003-05-06 = the salary's end: the salary through it is the whole 370,300 x 6 / 12 = 185,150.00
    const wrong: string[] = [];
    for (const scenario of result.scenarios) {
      if (scenario.employmentEndDate >= s("2003-05-06")) continue;
      const salary = sum(scenario.payments.filter((p) => p.kind === "salary"));
      // paid, or contingent with its amount (its condition fails, or nothing is left to pay)
      const paid = scenario.payments.filter((p) => p.source === "balance");
      const balance = paid.length > 0 ? sum(paid) : (scenario.contingent.find((c) => c.source === "balance")?.amount as Money);
      if (!salary.plus(balance).eq(new Money("185150.00"))) wrong.push(`${scenario.name}: ${salary.toFixed(2)} + ${balance.toFixed(2)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("the salary paid never falls as employment lasts longer, and the balance never rises", () => {
    const wrong: string[] = [];
    const withoutCause = result.scenarios.filter((sc) => sc.terminationReason === "without-cause");
    for (let i = 1; i < withoutCause.length; i++) {
      const [a, b] = [withoutCause[i - 1], withoutCause[i]];
      const salary = (sc: typeof a) => sum(sc.payments.filter((p) => p.kind === "salary"));
      const balance = (sc: typeof a) => sum(sc.payments.filter((p) => p.source === "balance"));
      if (salary(b).lessThan(salary(a))) wrong.push(`salary ${b.name}: ${salary(b).toFixed(2)} < ${salary(a).toFixed(2)}`);
      if (balance(b).greaterThan(balance(a))) wrong.push(`balance ${b.name}: ${balance(b).toFixed(2)} > ${balance(a).toFixed(2)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("a program whose condition holds is never a $0.00 payment", () => {
    for (const scenario of result.scenarios) {
      for (const program of PROGRAMS) {
        const paid = scenario.payments.filter((p) => p.source === program.id);
        if (paid.length > 0) expect(sum(paid).isZero()).toBe(false);
      }
    }
  });

  it("the salary installments after the employment end are listed, once, as not paid", () => {
    for (const scenario of result.scenarios) {
      const listed = scenario.contingent.filter((c) => c.source === "salary");
      expect(listed.length).toBe(scenario.employmentEndDate < s("2003-04-30") ? 1 : 0);
    }
  });

  it("the benefits and the supplemental release's dates are the same in every scenario", () => {
    for (const scenario of result.scenarios) {
      expect(scenario.payments.filter((p) => p.kind === "benefits").map((p) => p.date)).toEqual([
        s("2003-05-07"),
        addMonthsClamped(s("2003-05-07"), 1),
        addMonthsClamped(s("2003-05-07"), 2),
      ]);
    }
  });
});

describe("awards over employment ends from 2003-07-01 to 2008-01-01", () => {
  const VESTING = { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 };
  const option: AwardTerms = {
    id: "option",
    kind: "option",
    incentiveStockOption: true,
    grantDate: s("2003-08-01"),
    shares: 2_000_000,
    exercisePrice: 1.18,
    vestingStart: s("2003-08-01"),
    vesting: VESTING,
    expirationDate: s("2013-08-01"),
    postTerminationMonths: 3,
  };
  const awards: AwardTerms[] = [
    { ...option, id: "stated", modification: { vestedShares: 1_500_000, exerciseWindow: { outsideDate: s("2007-07-31"), monthsAfterServiceEnds: 3 } } },
    { ...option, id: "continued", modification: { continueVestingWhileConsulting: true } },
    { ...option, id: "untouched" },
    { ...option, id: "cancelled", modification: { cancel: true } },
    { ...option, id: "restricted", kind: "restricted-stock", exercisePrice: undefined, expirationDate: undefined, modification: { vestedShares: 375_000, repurchaseUnvested: { price: "0.001", date: s("2008-06-30") } } },
  ];

  it("shares add up, increments are never negative, and the flags follow their rules", () => {
    for (let end = s("2003-07-01"); end <= s("2008-01-01"); end = addMonthsClamped(end, 1)) {
      const res = computeSeparation({
        ...terms,
        salary: undefined,
        payments: [],
        benefits: [],
        scenarios: [],
        employmentEndDate: end,
        serviceEndDate: addMonthsClamped(end, 12),
        awards,
        market: { modificationDate: end + 1, stockPrice: 1.2, volatility: 0.6, riskFreeRate: 0.05, dividendYield: 0 },
      });
      for (const a of res.awards) {
        expect(a.vestedShares + a.cancelledShares + a.forfeitedShares + a.repurchasedShares).toBe(a.shares);
        if (a.modificationType === "cancellation") expect([a.vestedShares, a.expirationAfter]).toEqual([0, undefined]);
        expect(a.acceleratedShares).toBe(a.modificationType === "cancellation" ? 0 : Math.max(0, a.vestedShares - a.vestedBefore));
        expect(a.incrementalFairValue).toBeGreaterThanOrEqual(0);
        const isoFlag = res.flags.some((f) => f.code === "iso-taxed-as-nso" && f.awardId === a.awardId);
        expect(isoFlag).toBe(a.kind === "option" && a.expirationAfter !== undefined && a.expirationAfter > addMonthsClamped(end, 3));
        const reversal = res.flags.some((f) => f.code === "type-iii-reversal" && f.awardId === a.awardId);
        expect(reversal).toBe(a.acceleratedShares > 0);
      }
      // with a scenario ending a month later and service a year after it, the scenario's awards follow its own dates
      const later = addMonthsClamped(end, 1);
      const scenario = computeSeparation({
        ...terms,
        salary: undefined,
        payments: [],
        benefits: [],
        employmentEndDate: end,
        awards,
        market: { modificationDate: end + 1, stockPrice: 1.2, volatility: 0.6, riskFreeRate: 0.05, dividendYield: 0 },
        scenarios: [{ name: "a month later", employmentEndDate: later, terminationReason: "resignation", serviceEndDate: addMonthsClamped(later, 12) }],
      }).scenarios[0];
      expect(scenario.awards.map((a) => a.vestedBefore)).toEqual(
        computeSeparation({ ...terms, salary: undefined, payments: [], benefits: [], scenarios: [], employmentEndDate: later, serviceEndDate: addMonthsClamped(later, 12), awards, market: { modificationDate: end + 1, stockPrice: 1.2, volatility: 0.6, riskFreeRate: 0.05, dividendYield: 0 } }).awards.map((a) => a.vestedBefore),
      );
      const untouched = res.awards[2];
      expect(untouched.incrementalFairValue).toBe(0);
      expect(untouched.fairValueAfter).toBe(untouched.fairValueBefore);
      expect(res.incrementalFairValue).toBeCloseTo(res.awards.reduce((t, a) => t + a.incrementalFairValue, 0), 6);
    }
  });
});
