/**
 * A salary-continuation or installment program paid "in equal installments ... in accordance with
 * the Company's normal payroll practices" (seed 000): the payroll's regular paydays from the first
 * date through the last, each moved to the business day before when it is not a business day, and
 * equal installments in whole cents with the remainder cents on the last.
 *
 * Paydays are the frequency's regular paydays that fall in [first, last], both ends included:
 * - `semimonthly`: the 15th and the last day of each month;
 * - `monthly`: the last day of each month;
 * - `biweekly` / `weekly`: the first date itself and every 14 / 7 days after it.
 * So for semimonthly and monthly pay the first date is a payday only when it is the 15th or a
 * month's last day: a program starting on May 7, 2003 is first paid on May 15, 2003. A payday is
 * chosen before it is moved: the 15th inside the range is paid on the business day before it even
 * when that day is before the first date; a payday outside the range is not brought into it.
 */
import { Calendar } from "../calendars/calendar";
import { daysInMonth, serialToIso, serialToYmd, ymdToSerial } from "../dates/serial";
import { raise } from "../errors";
import { checkDollars, MAX_DOLLARS, Money } from "./money";

export const PAY_FREQUENCIES = ["semimonthly", "monthly", "biweekly", "weekly"] as const;
export type PayFrequency = (typeof PAY_FREQUENCIES)[number];

/** The most paydays a schedule may have (weekly pay for over 190 years). */
export const MAX_PAYMENTS = 10_000;

/**
 * One payment: its date (an Excel serial), amount and the cumulative amount, both in dollars, and
 * the regular payday it stands for (before any move to a business day: the day the period it pays
 * ends, for a salary).
 */
export interface Payment {
  date: number;
  payday: number;
  amount: Money;
  cumulative: Money;
}

/**
 * Parses a frequency argument (any case, blank = semimonthly; "semi-monthly" and "bi-weekly" too).
 * @example parsePayFrequency("Bi-Weekly") === "biweekly"
 */
export function parsePayFrequency(value: string | null | undefined, field = "frequency"): PayFrequency {
  if (value === null || value === undefined || value.trim() === "") return "semimonthly";
  const f = value.trim().toLowerCase().replace(/-/g, "");
  if ((PAY_FREQUENCIES as readonly string[]).includes(f)) return f as PayFrequency;
  return raise("notOneOf", field, { value, choices: PAY_FREQUENCIES });
}

/** The regular paydays in [first, last], before any move to a business day. */
function regularPaydays(first: number, last: number, frequency: PayFrequency): number[] {
  const days: number[] = [];
  const push = (serial: number) => {
    if (serial < first || serial > last) return;
    if (days.length >= MAX_PAYMENTS) {
      raise("tooManyPayments", "last_date", { frequency, first: serialToIso(first), last: serialToIso(last), max: MAX_PAYMENTS });
    }
    days.push(serial);
  };
  if (frequency === "weekly" || frequency === "biweekly") {
    const step = frequency === "weekly" ? 7 : 14;
    for (let d = first; d <= last; d += step) push(d);
    return days;
  }
  const start = serialToYmd(first);
  const end = serialToYmd(last);
  for (let index = start.year * 12 + start.month - 1; index <= end.year * 12 + end.month - 1; index++) {
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    if (frequency === "semimonthly") push(ymdToSerial(year, month, 15));
    push(ymdToSerial(year, month, daysInMonth(year, month)));
  }
  return days;
}

/** The business day on or before a payday, or an error naming `field` when the calendar has none. */
export function onOrBeforeBusinessDay(calendar: Calendar, payday: number, field: string): number {
  let d = payday;
  while (!calendar.isBusinessDay(d)) {
    d--;
    if (d < calendar.first) {
      raise("noBusinessDayBefore", field, { payday: serialToIso(payday), calendar: calendar.code, first: serialToIso(calendar.first) });
    }
  }
  return d;
}

/**
 * The payment schedule: each regular payday in [first, last] moved to the business day on or
 * before it, with equal installments of floor(total / n) to the cent and the remainder cents on
 * the last, so the amounts sum to `total` exactly.
 * @example paymentSchedule(185150, serial(2003-05-07), serial(2004-05-07), "semimonthly", federal) -> 24 payments: 23 x 7714.58, then 7714.66
 */
export function paymentSchedule(total: number | Money, first: number, last: number, frequency: PayFrequency, calendar: Calendar): Payment[] {
  // a cell's number, or a decimal already exact (the separation model's totals: never through a float)
  if (typeof total === "number") checkDollars(total, "total");
  else if (total.isNegative() || total.greaterThan(MAX_DOLLARS)) raise("between", "total", { value: total.toFixed(), min: 0, max: "1,000,000,000,000", unit: "dollars" });
  const amount = typeof total === "number" ? new Money(total) : total;
  if (amount.decimalPlaces() > 2) raise("notWholeCents", "total", { value: typeof total === "number" ? total : total.toFixed() });
  if (last < first) {
    raise("mustNotPrecede", "last_date", { date: serialToIso(last), otherField: "first_date", otherDate: serialToIso(first) });
  }
  calendar.checkInRange(first, "first_date");
  calendar.checkInRange(last, "last_date");
  const paydays = regularPaydays(first, last, frequency);
  if (paydays.length === 0) {
    raise("noPayday", "first_date", { frequency, first: serialToIso(first), last: serialToIso(last) });
  }
  const n = paydays.length;
  const installment = amount.dividedBy(n).toDecimalPlaces(2, Money.ROUND_DOWN);
  const lastInstallment = amount.minus(installment.times(n - 1));
  let cumulative = new Money(0);
  return paydays.map((payday, i) => {
    const paid = i === n - 1 ? lastInstallment : installment;
    cumulative = cumulative.plus(paid);
    return { date: onOrBeforeBusinessDay(calendar, payday, "first_date"), payday, amount: paid, cumulative };
  });
}
