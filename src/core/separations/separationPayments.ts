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
 * - Salary: the total over the period is annualSalary x N / 12 + annualSalary x leftover / 365,
 *   where N is the most whole months with EDATE(startDate, N) <= endDate + 1 and leftover = endDate +
 *   1 - EDATE(startDate, N) days, rounded half-up to the cent once (seed 000: "six months",
 *   $370,300 / 2 = $185,150.00 exactly; one day more adds $1,014.52). A day more never pays less.
 *   It is paid by PAYMENT_SCHEDULE (the salary's frequency, else the terms' payFrequency, on the
 *   terms' calendar). Salary is paid while employed: the installments dated on or before the
 *   employment end are paid (kind "salary"); those after it are listed as one contingent entry of
 *   the salary, with their amount ("n installments after the employment end ... are not paid as
 *   salary"). When employment ends before the salary's endDate, a final "salary" payment on the
 *   employment end date pays SALARY_BALANCE(annualSalary, lastCoveredDay, employmentEnd), where
 *   lastCoveredDay is the regular payday (before any move to a business day) of the last
 *   installment paid, or startDate - 1 when none was paid, capped at the salary total less the
 *   installments paid (the installments already paid may cover the period: equal installments pay
 *   the whole total by the last payday in the period); nothing is added when that is 0.
 * - Programs: "installments" are PAYMENT_SCHEDULE(total, startDate, endDate, frequency ??
 *   payFrequency, calendar), kind "installment"; "lump-sum" is one payment of `amount` on `date`;
 *   "salary-balance" (seed 000's "the balance of the salary that Executive would have received")
 *   pays on `date` the salary paid had employment lasted through min(through, salary.endDate), by
 *   the salary rules above, less the salary paid on these facts, floored at 0 (so salary paid +
 *   balance = the salary through `through`); without a salary it is an error. A program's payments
 *   are computed before its condition is read, so terms that cannot be computed are an error
 *   whatever the facts. A program whose condition holds but which comes to $0.00 is not a payment:
 *   it is contingent, "nothing left to pay: ..." with the reason.
 * - Consulting: for each month of the hours log, billable hours = max(0, hours - includedHours) and
 *   the fee = billable x hourlyRate in exact decimal, rounded half-up to the cent per month (each
 *   invoice is paid in cents; CONSULTING_FEES over several months rounds once, so its total can
 *   differ from the sum of the months by a cent: 0.25 h x $333.33 = $83.3325 a month). The invoice
 *   date is the log's, else the month's last day; the fee is due by invoicePaymentDays calendar
 *   days after it, moved to the business day on or before that day on the terms' calendar (Sep 30,
 *   2006 + 15 = Sunday Oct 15 -> Friday Oct 13), and listed as a "consulting" payment that day when
 *   it is > 0. Every month is listed in the outcome.
 * - Benefits: coverage runs from startDate through EDATE(startDate, months) - 1; with a monthlyCost
 *   a "benefits" payment is listed on EDATE(startDate, i) for i = 0 .. months - 1.
 * - Totals: exact decimal sums by kind (kinds with a payment, in PAYMENT_KINDS order) and in all.
 */
import { Calendar } from "../calendars/calendar";
import { addMonthsClamped, daysInMonth, serialToYmd, ymdToSerial } from "../dates/serial";
import { raise } from "../errors";
import { MAX_MONTH_HOURS } from "./consultingFees";
import { checkDollars, checkExactCents, Money } from "./money";
import { PayFrequency, Payment, paymentSchedule } from "./paymentSchedule";
import { salaryBalance } from "./salaryBalance";
import { atPath, businessDayOnOrBefore, count, dollars, dollarsOf, iso, required, resolveDateRef, SeparationFacts } from "./separationContext";
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

/** The most whole months N with EDATE(start, N) <= dayAfter, and EDATE(start, N). */
function wholeMonths(start: number, dayAfter: number): { months: number; monthsEnd: number } {
  const a = serialToYmd(start);
  const b = serialToYmd(dayAfter);
  let months = Math.max(0, (b.year - a.year) * 12 + (b.month - a.month));
  let monthsEnd = addMonthsClamped(start, months);
  while (months > 0 && monthsEnd > dayAfter) {
    months--;
    monthsEnd = addMonthsClamped(start, months);
  }
  return { months, monthsEnd };
}

/**
 * The salary from `start` through `end`: N = the most whole months with EDATE(start, N) <= end + 1,
 * leftover = end + 1 - EDATE(start, N) days; annual x N / 12 + annual x leftover / 365, rounded
 * half-up to the cent once. Monotonic: a day more never pays less (a leftover of at most 30 days
 * is worth less than the month that replaces it, 30/365 < 1/12).
 */
function salaryOver(annualSalary: number, start: number, end: number): Money {
  const { months, monthsEnd } = wholeMonths(start, end + 1);
  const annual = new Money(annualSalary);
  return annual
    .times(months)
    .dividedBy(12)
    .plus(annual.times(end + 1 - monthsEnd).dividedBy(365))
    .toDecimalPlaces(2, Money.ROUND_HALF_UP);
}

/**
 * The salary over the period (see salaryOver: whole months at annual / 12, the leftover days at
 * annual / 365, rounded half-up to the cent once).
 * @example salaryTotal({ annualSalary: 370300, startDate: serial(2002-11-07), endDate: serial(2003-05-06) }).toFixed(2) === "185150.00"
 */
export function salaryTotal(salary: SalaryTerms): Money {
  checkDollars(salary.annualSalary, "salary.annualSalary");
  if (salary.endDate < salary.startDate) {
    raise("mustNotPrecede", "salary.endDate", { date: iso(salary.endDate), otherField: "salary.startDate", otherDate: iso(salary.startDate) });
  }
  const total = atPath({}, "salary.endDate", () => salaryOver(salary.annualSalary, salary.startDate, salary.endDate));
  checkExactCents(total, "salary.annualSalary");
  return total;
}

/** The salary's schedule, computed once a run: the total, the installments and their description. */
export interface SalaryPlan {
  salary: SalaryTerms;
  total: Money;
  frequency: PayFrequency;
  schedule: Payment[];
  description: string;
}

/** The salary's plan (undefined without a salary), errors naming the salary's fields. */
export function salaryPlan(terms: SeparationTerms, calendar: Calendar): SalaryPlan | undefined {
  const salary = terms.salary;
  if (salary === undefined) return undefined;
  const total = salaryTotal(salary);
  const frequency = salary.frequency ?? terms.payFrequency;
  const fields = { total: "salary.annualSalary", first_date: "salary.startDate", last_date: "salary.endDate" };
  const schedule = atPath(fields, "salary", () => paymentSchedule(total, salary.startDate, salary.endDate, frequency, calendar));
  const description = `Salary (${dollars(new Money(salary.annualSalary))} a year, ${frequency})`;
  return { salary, total, frequency, schedule, description };
}

/**
 * The salary paid when employment ends on `employmentEnd` (see the module's note): the installments
 * dated on or before it, then the final partial period at annual / 365 a day (capped at what the
 * period's installments not paid would have paid); and the installments after it, which are not paid.
 */
export function salaryOnFacts(plan: SalaryPlan, employmentEnd: number, employmentEndPath: string): { payments: SeparationPayment[]; notPaid: Payment[] } {
  const { salary, schedule, description } = plan;
  const payments: SeparationPayment[] = [];
  const notPaid: Payment[] = [];
  let lastCovered = salary.startDate - 1;
  let paid = new Money(0);
  for (const installment of schedule) {
    if (installment.date > employmentEnd) {
      notPaid.push(installment);
      continue;
    }
    payments.push({ date: installment.date, kind: "salary", description, amount: installment.amount, source: "salary" });
    lastCovered = installment.payday;
    paid = paid.plus(installment.amount);
  }
  if (employmentEnd < salary.endDate && employmentEnd > lastCovered) {
    const days = atPath({ annual_salary: "salary.annualSalary" }, employmentEndPath, () => salaryBalance(salary.annualSalary, lastCovered, employmentEnd));
    const left = plan.total.minus(paid);
    const capped = days.greaterThan(left);
    const amount = capped ? left : days;
    if (amount.greaterThan(0)) {
      payments.push({
        date: employmentEnd,
        kind: "salary",
        description:
          `Salary from ${iso(lastCovered + 1)} through the employment end ${iso(employmentEnd)} (${employmentEnd - lastCovered} ${employmentEnd - lastCovered === 1 ? "day" : "days"} at the annual salary / 365 a day` +
          (capped ? `, capped at the ${dollars(left)} of the period's salary not yet paid)` : ")"),
        amount,
        source: "salary",
      });
    }
  }
  return { payments, notPaid };
}

/** The salary paid on these facts, and one contingent entry for the installments after the employment end. */
export function salaryPayments(plan: SalaryPlan | undefined, facts: SeparationFacts): { payments: SeparationPayment[]; contingent: ContingentPayment[] } {
  if (plan === undefined) return { payments: [], contingent: [] };
  const { payments, notPaid } = salaryOnFacts(plan, facts.employmentEnd, facts.employmentEndPath);
  const contingent: ContingentPayment[] = [];
  if (notPaid.length > 0) {
    const n = notPaid.length;
    contingent.push({
      source: "salary",
      kind: "salary",
      description: plan.description,
      reason:
        `${n} payday${n === 1 ? "" : "s"} after the employment end ${iso(facts.employmentEnd)}: not paid as salary, which stops when employment ends ` +
        "(the days worked since the last payday are in the final salary payment; anything owed beyond them is a salary-balance or installments program of the terms)",
      amount: sum(notPaid),
    });
  }
  return { payments, contingent };
}

// ------------------------------------------------------------------------------------------------
// Programs
// ------------------------------------------------------------------------------------------------

/** The payment kind a program's payments carry. */
export function programPaymentKind(program: PaymentProgram): PaymentKind {
  return program.kind === "installments" ? "installment" : program.kind;
}

/**
 * A program's payments on these facts, before its condition is read, and what to say when they
 * come to nothing ("nothing left to pay: ...").
 */
function programPayments(
  program: PaymentProgram,
  path: string,
  terms: SeparationTerms,
  facts: SeparationFacts,
  calendar: Calendar,
  plan: SalaryPlan | undefined,
): { payments: SeparationPayment[]; nothing: string } {
  const base = { kind: programPaymentKind(program), description: program.description, source: program.id };
  const dateOf = (when: string) => resolveDateRef(required(program.date, `${path}.date`, when), `${path}.date`, facts);
  switch (program.kind) {
    case "lump-sum": {
      const amount = dollarsOf(program.amount, `${path}.amount`, true, "for a lump-sum payment");
      return { payments: [{ ...base, date: dateOf("for a lump-sum payment"), amount }], nothing: "the amount is $0.00" };
    }
    case "installments": {
      const when = "for an installment program";
      const total = dollarsOf(program.total, `${path}.total`, true, when);
      const first = resolveDateRef(required(program.startDate, `${path}.startDate`, when), `${path}.startDate`, facts);
      const last = resolveDateRef(required(program.endDate, `${path}.endDate`, when), `${path}.endDate`, facts);
      const fields = { total: `${path}.total`, first_date: `${path}.startDate`, last_date: `${path}.endDate` };
      const schedule = atPath(fields, path, () => paymentSchedule(total, first, last, program.frequency ?? terms.payFrequency, calendar));
      return { payments: schedule.map((p) => ({ ...base, date: p.date, amount: p.amount })), nothing: "the total is $0.00" };
    }
    case "salary-balance": {
      const when = "for a salary-balance payment";
      const salaryPlanOf = required(plan, "salary", `by ${path} (a salary-balance payment pays the salary's balance)`);
      const through = required(program.through, `${path}.through`, when);
      const date = dateOf(when);
      // what the salary would have paid had employment lasted through min(through, salary.endDate),
      // less what it pays on these facts, floored at 0
      const upTo = Math.min(through, salaryPlanOf.salary.endDate);
      const would = sum(salaryOnFacts(salaryPlanOf, upTo, `${path}.through`).payments);
      const paid = sum(salaryOnFacts(salaryPlanOf, facts.employmentEnd, facts.employmentEndPath).payments);
      const balance = would.minus(paid);
      const amount = balance.greaterThan(0) ? balance : new Money(0);
      return {
        payments: [{ ...base, date, amount }],
        nothing:
          `the salary employment through ${iso(upTo)} would have paid (${dollars(would)}) is paid in full on these facts ` +
          `(employment ended ${iso(facts.employmentEnd)}: ${dollars(paid)})`,
      };
    }
    default:
      return raise("notOneOf", `${path}.kind`, { value: (program as { kind: unknown }).kind, choices: ["lump-sum", "installments", "salary-balance"] });
  }
}

/**
 * Each program paid, or contingent with the reason, on these facts: contingent when its condition
 * fails, or when it holds but the program comes to $0.00 ("nothing left to pay: ...").
 */
export function programOutcomes(
  terms: SeparationTerms,
  facts: SeparationFacts,
  calendar: Calendar,
  plan: SalaryPlan | undefined = salaryPlan(terms, calendar),
): { payments: SeparationPayment[]; contingent: ContingentPayment[] } {
  const payments: SeparationPayment[] = [];
  const contingent: ContingentPayment[] = [];
  terms.payments.forEach((program, i) => {
    const { payments: paid, nothing } = programPayments(program, `payments[${i}]`, terms, facts, calendar, plan);
    const failures = conditionFailures(program.condition, facts);
    const amount = sum(paid);
    const entry = { source: program.id, kind: programPaymentKind(program), description: program.description, amount };
    if (failures.length > 0) {
      contingent.push({ ...entry, reason: failures.join("; ") });
    } else if (amount.isZero()) {
      contingent.push({ ...entry, reason: `nothing left to pay: ${nothing}` });
    } else {
      payments.push(...paid);
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

/**
 * One consulting month's fee: billable hours = max(0, hours - included), fee = billable x rate,
 * rounded half-up to the cent (each invoice is paid in cents). Errors name the terms' fields.
 * @example consultingMonthFee(14, 10, 500, 0).fee.toFixed(2) === "2000.00"
 */
export function consultingMonthFee(hours: number, includedHours: number, hourlyRate: number, index: number): { billable: Money; fee: Money } {
  if (!(Number.isFinite(includedHours) && includedHours >= 0 && includedHours <= MAX_MONTH_HOURS)) {
    raise("between", "consulting.includedHours", { value: includedHours, min: 0, max: MAX_MONTH_HOURS, unit: "hours a month" });
  }
  checkDollars(hourlyRate, "consulting.hourlyRate");
  if (!(Number.isFinite(hours) && hours >= 0 && hours <= MAX_MONTH_HOURS)) {
    raise("between", `consulting.hoursLog[${index}].hours`, { value: hours, min: 0, max: MAX_MONTH_HOURS, unit: "hours a month" });
  }
  const over = new Money(hours).minus(new Money(includedHours));
  const billable = over.greaterThan(0) ? over : new Money(0);
  const fee = billable.times(new Money(hourlyRate)).toDecimalPlaces(2, Money.ROUND_HALF_UP);
  checkExactCents(fee, "consulting.hourlyRate");
  return { billable, fee };
}

/** The consulting months billed and the fees paid (independent of the employment end). */
export function consultingOutcome(consulting: ConsultingTerms, calendar: Calendar): { months: ConsultingMonthOutcome[]; payments: SeparationPayment[] } {
  const log = consulting.hoursLog ?? [];
  if (!(Number.isInteger(consulting.invoicePaymentDays) && consulting.invoicePaymentDays >= 0 && consulting.invoicePaymentDays <= 3660)) {
    raise("wholeNumberFrom", "consulting.invoicePaymentDays", { value: consulting.invoicePaymentDays, min: 0, max: 3660 });
  }
  // checks the included hours and the rate even when no month is logged
  consultingMonthFee(0, consulting.includedHours, consulting.hourlyRate, 0);
  const rate = new Money(consulting.hourlyRate);
  const days = consulting.invoicePaymentDays;
  const months: ConsultingMonthOutcome[] = [];
  const payments: SeparationPayment[] = [];
  log.forEach((entry, i) => {
    const { billable, fee } = consultingMonthFee(entry.hours, consulting.includedHours, consulting.hourlyRate, i);
    const { year, month } = serialToYmd(entry.month);
    const invoiceDate = entry.invoiceDate ?? ymdToSerial(year, month, daysInMonth(year, month));
    const dueDate = businessDayOnOrBefore(calendar, invoiceDate + days, `consulting.hoursLog[${i}].invoiceDate`);
    months.push({ month: entry.month, hours: entry.hours, billableHours: billable.toNumber(), fee, invoiceDate, dueDate });
    if (fee.greaterThan(0)) {
      const moved = dueDate !== invoiceDate + days ? `, ${iso(invoiceDate + days)} not being a business day` : "";
      payments.push({
        date: dueDate,
        kind: "consulting",
        description:
          `Consulting, ${monthLabel(entry.month)}: ${billable.toString()} hours beyond the ${consulting.includedHours} included at ` +
          `${dollars(rate)} an hour, invoiced ${iso(invoiceDate)}, due by ${iso(dueDate)} (within ${days} days${moved})`,
        amount: fee,
        source: `consulting ${monthLabel(entry.month)}`,
      });
    }
  });
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
