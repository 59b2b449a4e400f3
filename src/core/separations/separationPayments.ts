/**
 * The separation's payments (seeds 000 and 001): salary continuation, the agreement's payment
 * programs with their conditions, consulting fees and benefits, on one set of facts (the terms' own
 * employment end and reason, or a scenario's).
 *
 * Rules, as implemented here:
 * - Conditions: every key present must hold (an empty condition holds). `employedThrough d`: the
 *   employment end is on or after d; `terminatedWithoutCauseBefore d`: the reason is
 *   "without-cause" and the employment end is before d; `notForCause`: the reason is not
 *   "for-cause"; `anyOf`: at least one alternative holds. A program whose condition fails is not
 *   paid: it is listed as contingent, with the reason in words naming the condition and the facts
 *   ("employment ended 2003-02-27, before 2003-05-06 (employedThrough)") and the amount it would
 *   have been.
 * - Salary: the total over the period is annualSalary x N / 12 when endDate + 1 = EDATE(startDate,
 *   N) for a whole N >= 1 (seed 000: "six months", $370,300 / 2 = $185,150.00 exactly; the
 *   Chairman's letter speaks of the "monthly salary"), else annualSalary / 365 x the days from
 *   start through end, rounded half-up to the cent once. It is paid by PAYMENT_SCHEDULE (the
 *   salary's frequency, else the terms' payFrequency, on the terms' calendar); only the
 *   installments dated on or before the employment end are paid (kind "salary"). When employment
 *   ends before the salary's endDate, a final "salary" payment on the employment end date pays
 *   SALARY_BALANCE(annualSalary, lastCoveredDay, employmentEnd), where lastCoveredDay is the regular
 *   payday (before any move to a business day) of the last installment paid, or startDate - 1 when
 *   none was paid; nothing is added when that balance is 0 (the last installment paid already
 *   covers the employment end, or employment ended before the salary started).
 * - Programs: "installments" are PAYMENT_SCHEDULE(total, startDate, endDate, frequency ??
 *   payFrequency, calendar), kind "installment"; "lump-sum" is one payment of `amount` on `date`;
 *   "salary-balance" is SALARY_BALANCE(salary.annualSalary, employmentEnd, through) on `date`, 0 when
 *   employment ended on or after `through` (still listed). A program's payments are computed before
 *   its condition is read, so terms that cannot be computed are an error whatever the facts.
 * - Consulting: for each month of the hours log, billable hours = max(0, hours - includedHours) and
 *   the fee = billable x hourlyRate in exact decimal (rounded half-up to the cent, which changes
 *   nothing for whole-cent rates and quarter hours); the invoice date is the log's, else the
 *   month's last day; the fee is due invoicePaymentDays calendar days after it and paid as a
 *   "consulting" payment that day when it is > 0. Every month is listed in the outcome.
 * - Benefits: coverage runs from startDate through EDATE(startDate, months) - 1; with a monthlyCost
 *   a "benefits" payment is listed on EDATE(startDate, i) for i = 0 .. months - 1.
 * - Totals: exact decimal sums by kind (kinds with a payment, in PAYMENT_KINDS order) and in all.
 */
import { Calendar } from "../calendars/calendar";
import { addMonthsClamped, daysInMonth, serialToYmd, ymdToSerial } from "../dates/serial";
import { raise } from "../errors";
import { consultingFees } from "./consultingFees";
import { checkDollars, Money } from "./money";
import { paymentSchedule } from "./paymentSchedule";
import { salaryBalance } from "./salaryBalance";
import { atPath, count, dollars, dollarsOf, iso, required, resolveDateRef, SeparationFacts } from "./separationContext";
import {
  BenefitTerms,
  ConsultingMonthOutcome,
  ConsultingTerms,
  ContingentPayment,
  PAYMENT_KINDS,
  PaymentCondition,
  PaymentKind,
  PaymentProgram,
  PaymentTotals,
  SalaryTerms,
  SeparationPayment,
  SeparationTerms,
  TerminationReason,
} from "./types";

// ------------------------------------------------------------------------------------------------
// Conditions
// ------------------------------------------------------------------------------------------------

const REASON_WORDS: Record<TerminationReason, string> = {
  resignation: "resignation",
  "without-cause": "termination without cause",
  "for-cause": "termination for cause",
  "death-or-disability": "death or disability",
};

/**
 * Why a condition does not hold on these facts, one phrase per failing key; empty when it holds.
 * @example conditionFailures({ employedThrough: serial(2003-05-06) }, { employmentEnd: serial(2003-02-27), ... }) -> ["employment ended 2003-02-27, before 2003-05-06 (employedThrough)"]
 */
export function conditionFailures(condition: PaymentCondition | undefined, facts: Pick<SeparationFacts, "employmentEnd" | "terminationReason">): string[] {
  if (condition === undefined) return [];
  const failures: string[] = [];
  const end = facts.employmentEnd;
  const reason = facts.terminationReason;
  if (condition.employedThrough !== undefined && !(end >= condition.employedThrough)) {
    failures.push(`employment ended ${iso(end)}, before ${iso(condition.employedThrough)} (employedThrough)`);
  }
  if (condition.terminatedWithoutCauseBefore !== undefined) {
    const before = condition.terminatedWithoutCauseBefore;
    const parts: string[] = [];
    if (reason !== "without-cause") parts.push(`by ${REASON_WORDS[reason]}, not without cause`);
    if (!(end < before)) parts.push(`on ${iso(end)}, not before ${iso(before)}`);
    if (parts.length > 0) failures.push(`employment ended ${parts.join(" and ")} (terminatedWithoutCauseBefore ${iso(before)})`);
  }
  if (condition.notForCause === true && reason === "for-cause") {
    failures.push("employment ended by termination for cause (notForCause)");
  }
  if (condition.anyOf !== undefined) {
    const alternatives = condition.anyOf.map((c) => conditionFailures(c, facts));
    if (!alternatives.some((f) => f.length === 0)) {
      failures.push(`none of the alternatives holds (anyOf): ${alternatives.map((f) => f.join(" and ")).join("; nor ")}`);
    }
  }
  return failures;
}

// ------------------------------------------------------------------------------------------------
// Salary
// ------------------------------------------------------------------------------------------------

/**
 * The salary over the period: annualSalary x N / 12 for a period of N whole months (endDate + 1 =
 * EDATE(startDate, N)), else annualSalary / 365 a day; rounded half-up to the cent once.
 * @example salaryTotal({ annualSalary: 370300, startDate: serial(2002-11-07), endDate: serial(2003-05-06) }).toFixed(2) === "185150.00"
 */
export function salaryTotal(salary: SalaryTerms): Money {
  checkDollars(salary.annualSalary, "salary.annualSalary");
  if (salary.endDate < salary.startDate) {
    raise("mustNotPrecede", "salary.endDate", { date: iso(salary.endDate), otherField: "salary.startDate", otherDate: iso(salary.startDate) });
  }
  const a = serialToYmd(salary.startDate);
  const b = serialToYmd(salary.endDate + 1);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  const annual = new Money(salary.annualSalary);
  const exact = months >= 1 && addMonthsClamped(salary.startDate, months) === salary.endDate + 1
    ? annual.times(months).dividedBy(12)
    : annual.times(salary.endDate - salary.startDate + 1).dividedBy(365);
  return exact.toDecimalPlaces(2, Money.ROUND_HALF_UP);
}

/** The salary paid on these facts (see the module's note). */
export function salaryPayments(terms: SeparationTerms, facts: SeparationFacts, calendar: Calendar): SeparationPayment[] {
  const salary = terms.salary;
  if (salary === undefined) return [];
  const total = salaryTotal(salary);
  const frequency = salary.frequency ?? terms.payFrequency;
  const fields = { total: "salary.annualSalary", first_date: "salary.startDate", last_date: "salary.endDate" };
  const schedule = atPath(fields, "salary", () => paymentSchedule(total.toNumber(), salary.startDate, salary.endDate, frequency, calendar));
  const description = `Salary continuation (${dollars(new Money(salary.annualSalary))} a year, ${frequency})`;
  const payments: SeparationPayment[] = [];
  let lastCovered = salary.startDate - 1;
  for (const installment of schedule) {
    if (installment.date > facts.employmentEnd) continue;
    payments.push({ date: installment.date, kind: "salary", description, amount: installment.amount, source: "salary" });
    lastCovered = installment.payday;
  }
  if (facts.employmentEnd < salary.endDate && facts.employmentEnd > lastCovered) {
    const balance = atPath({ annual_salary: "salary.annualSalary" }, facts.employmentEndPath, () =>
      salaryBalance(salary.annualSalary, lastCovered, facts.employmentEnd),
    );
    if (balance.greaterThan(0)) {
      payments.push({
        date: facts.employmentEnd,
        kind: "salary",
        description: `Salary from ${iso(lastCovered + 1)} through the employment end ${iso(facts.employmentEnd)} (${facts.employmentEnd - lastCovered} days at 1/365 a day)`,
        amount: balance,
        source: "salary",
      });
    }
  }
  return payments;
}

// ------------------------------------------------------------------------------------------------
// Programs
// ------------------------------------------------------------------------------------------------

/** The payment kind a program's payments carry. */
export function programPaymentKind(program: PaymentProgram): PaymentKind {
  return program.kind === "installments" ? "installment" : program.kind;
}

/** A program's payments on these facts, before its condition is read. */
function programPayments(program: PaymentProgram, path: string, terms: SeparationTerms, facts: SeparationFacts, calendar: Calendar): SeparationPayment[] {
  const base = { kind: programPaymentKind(program), description: program.description, source: program.id };
  const dateOf = (when: string) => resolveDateRef(required(program.date, `${path}.date`, when), `${path}.date`, facts);
  switch (program.kind) {
    case "lump-sum": {
      const amount = dollarsOf(program.amount, `${path}.amount`, true, "for a lump-sum payment");
      return [{ ...base, date: dateOf("for a lump-sum payment"), amount }];
    }
    case "installments": {
      const when = "for an installment program";
      const total = dollarsOf(program.total, `${path}.total`, true, when);
      const first = resolveDateRef(required(program.startDate, `${path}.startDate`, when), `${path}.startDate`, facts);
      const last = resolveDateRef(required(program.endDate, `${path}.endDate`, when), `${path}.endDate`, facts);
      const fields = { total: `${path}.total`, first_date: `${path}.startDate`, last_date: `${path}.endDate` };
      const schedule = atPath(fields, path, () => paymentSchedule(total.toNumber(), first, last, program.frequency ?? terms.payFrequency, calendar));
      return schedule.map((p) => ({ ...base, date: p.date, amount: p.amount }));
    }
    case "salary-balance": {
      const when = "for a salary-balance payment";
      const salary = required(terms.salary, "salary", `by ${path} (a salary-balance payment pays the salary's balance)`);
      const through = required(program.through, `${path}.through`, when);
      const date = dateOf(when);
      const amount = facts.employmentEnd >= through
        ? new Money(0)
        : atPath({ annual_salary: "salary.annualSalary" }, `${path}.through`, () => salaryBalance(salary.annualSalary, facts.employmentEnd, through));
      return [{ ...base, date, amount }];
    }
    default:
      return raise("notOneOf", `${path}.kind`, { value: (program as { kind: unknown }).kind, choices: ["lump-sum", "installments", "salary-balance"] });
  }
}

/** Each program paid, or contingent with the reason, on these facts. */
export function programOutcomes(
  terms: SeparationTerms,
  facts: SeparationFacts,
  calendar: Calendar,
): { payments: SeparationPayment[]; contingent: ContingentPayment[] } {
  const payments: SeparationPayment[] = [];
  const contingent: ContingentPayment[] = [];
  terms.payments.forEach((program, i) => {
    const paid = programPayments(program, `payments[${i}]`, terms, facts, calendar);
    const failures = conditionFailures(program.condition, facts);
    if (failures.length === 0) {
      payments.push(...paid);
    } else {
      contingent.push({
        source: program.id,
        kind: programPaymentKind(program),
        description: program.description,
        reason: failures.join("; "),
        amount: sum(paid),
      });
    }
  });
  return { payments, contingent };
}

// ------------------------------------------------------------------------------------------------
// Consulting and benefits
// ------------------------------------------------------------------------------------------------

/** "2006-09" of a month's first day. */
export function monthLabel(month: number): string {
  return iso(month).slice(0, 7);
}

/** The consulting months billed and the fees paid (independent of the employment end). */
export function consultingOutcome(consulting: ConsultingTerms): { months: ConsultingMonthOutcome[]; payments: SeparationPayment[] } {
  const log = consulting.hoursLog ?? [];
  // checks the included hours, the rate and each month's hours, naming the terms' fields
  atPath({ included_hours: "consulting.includedHours", hourly_rate: "consulting.hourlyRate", hours_by_month: "consulting.hoursLog" }, "consulting", () =>
    consultingFees(log.map((m) => m.hours), consulting.includedHours, consulting.hourlyRate),
  );
  if (!(Number.isInteger(consulting.invoicePaymentDays) && consulting.invoicePaymentDays >= 0 && consulting.invoicePaymentDays <= 3660)) {
    raise("wholeNumberFrom", "consulting.invoicePaymentDays", { value: consulting.invoicePaymentDays, min: 0, max: 3660 });
  }
  const included = new Money(consulting.includedHours);
  const rate = new Money(consulting.hourlyRate);
  const months: ConsultingMonthOutcome[] = [];
  const payments: SeparationPayment[] = [];
  for (const entry of log) {
    const over = new Money(entry.hours).minus(included);
    const billable = over.greaterThan(0) ? over : new Money(0);
    const fee = billable.times(rate).toDecimalPlaces(2, Money.ROUND_HALF_UP);
    const { year, month } = serialToYmd(entry.month);
    const invoiceDate = entry.invoiceDate ?? ymdToSerial(year, month, daysInMonth(year, month));
    const dueDate = invoiceDate + consulting.invoicePaymentDays;
    months.push({ month: entry.month, hours: entry.hours, billableHours: billable.toNumber(), fee, invoiceDate, dueDate });
    if (fee.greaterThan(0)) {
      payments.push({
        date: dueDate,
        kind: "consulting",
        description:
          `Consulting, ${monthLabel(entry.month)}: ${billable.toString()} hours beyond the ${consulting.includedHours} included at ` +
          `${dollars(rate)} an hour, invoiced ${iso(invoiceDate)}, due ${consulting.invoicePaymentDays} days later`,
        amount: fee,
        source: `consulting ${monthLabel(entry.month)}`,
      });
    }
  }
  return { months, payments };
}

/** Each benefit's coverage (start through EDATE(start, months) - 1) and its monthly payments. */
export function benefitsOutcome(benefits: readonly BenefitTerms[]): {
  coverage: { description: string; startDate: number; endDate: number }[];
  payments: SeparationPayment[];
} {
  const coverage: { description: string; startDate: number; endDate: number }[] = [];
  const payments: SeparationPayment[] = [];
  benefits.forEach((benefit, i) => {
    const path = `benefits[${i}]`;
    if (!(Number.isInteger(benefit.months) && benefit.months >= 0 && benefit.months <= 1200)) {
      raise("wholeNumberFrom", `${path}.months`, { value: benefit.months, min: 0, max: 1200 });
    }
    const endDate = atPath({}, `${path}.months`, () => addMonthsClamped(benefit.startDate, benefit.months)) - 1;
    coverage.push({ description: benefit.description, startDate: benefit.startDate, endDate });
    if (benefit.monthlyCost === undefined || String(benefit.monthlyCost).trim() === "") return;
    const cost = dollarsOf(benefit.monthlyCost, `${path}.monthlyCost`, true, "for a benefit paid monthly");
    for (let m = 0; m < benefit.months; m++) {
      payments.push({
        date: addMonthsClamped(benefit.startDate, m),
        kind: "benefits",
        description: `${benefit.description}, month ${m + 1} of ${count(benefit.months)}`,
        amount: cost,
        source: benefit.description,
      });
    }
  });
  return { coverage, payments };
}

// ------------------------------------------------------------------------------------------------
// Order and totals
// ------------------------------------------------------------------------------------------------

/** The exact sum of payments' amounts. */
export function sum(payments: readonly { amount: Money }[]): Money {
  return payments.reduce((total, p) => total.plus(p.amount), new Money(0));
}

/** Payments in date order; ties keep the order given (the terms' order). */
export function inDateOrder(payments: readonly SeparationPayment[]): SeparationPayment[] {
  return payments
    .map((payment, index) => ({ payment, index }))
    .sort((a, b) => a.payment.date - b.payment.date || a.index - b.index)
    .map((x) => x.payment);
}

/** Totals by kind (kinds with a payment, in PAYMENT_KINDS order) and in all, exact. */
export function totalsOf(payments: readonly SeparationPayment[]): PaymentTotals {
  const byKind: Partial<Record<PaymentKind, Money>> = {};
  for (const kind of PAYMENT_KINDS) {
    const ofKind = payments.filter((p) => p.kind === kind);
    if (ofKind.length > 0) byKind[kind] = sum(ofKind);
  }
  return { byKind, total: sum(payments) };
}
