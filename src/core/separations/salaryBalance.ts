/**
 * The salary not yet paid: seed 000's "lump sum in the amount equal to the balance of the salary
 * that Executive would have received if Executive had remained employed until the six-month
 * anniversary". It accrues a calendar day at a time at annual salary / 365, from the day after
 * the last day paid through the through date, and is rounded half-up to the cent once, in decimal
 * arithmetic (so 36,501.825 a year for one day is 100.005, paid as 100.01).
 *
 * A through date before the last day paid is an error, not 0: it would be an overpayment, which
 * is not a balance, and is most often two dates typed the wrong way round. The same date gives 0.
 */
import { serialToIso } from "../dates/serial";
import { raise } from "../errors";
import { checkDollars, checkExactCents, Money } from "./money";

/**
 * annual_salary x (through - last_day_paid) / 365, rounded half-up to the cent.
 * @example salaryBalance(370300, serial(2003-02-28), serial(2003-05-06)).toFixed(2) === "67972.88" // 67 days
 */
export function salaryBalance(annualSalary: number, lastDayPaid: number, through: number): Money {
  checkDollars(annualSalary, "annual_salary");
  if (through < lastDayPaid) {
    raise("mustNotPrecede", "through_date", { date: serialToIso(through), otherField: "last_day_paid", otherDate: serialToIso(lastDayPaid) });
  }
  const balance = new Money(annualSalary)
    .times(through - lastDayPaid)
    .dividedBy(365)
    .toDecimalPlaces(2, Money.ROUND_HALF_UP);
  checkExactCents(balance, "annual_salary");
  return balance;
}
