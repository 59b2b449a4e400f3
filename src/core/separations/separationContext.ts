/**
 * What the separation model's parts share: the facts a run is computed on (the employment end and
 * its reason, which a scenario replaces, and the dates they lead to), DateRef resolution, decimal
 * text read as money, and errors renamed to the terms' paths.
 *
 * Errors: the building blocks (paymentSchedule, salaryBalance, releaseDates, vestedShares, ...)
 * name their arguments as the cell functions do (`first_date`, `annual_salary`); the model throws
 * the same keyed CalcError with the field renamed to the terms path it came from
 * (`payments[1].startDate`, `salary.annualSalary`), so a reader of TERMS.json knows what to fix.
 */
import { Calendar } from "../calendars/calendar";
import { serialToIso } from "../dates/serial";
import { CalcError, raise } from "../errors";
import { MESSAGES, renderMessage } from "../messages";
import { Money } from "./money";
import { onOrBeforeBusinessDay } from "./paymentSchedule";
import { DateRef, ReleaseOutcome, TerminationReason } from "./types";

/** The facts one run is computed on: the terms' own, or a scenario's employment end and reason. */
export interface SeparationFacts {
  employmentEnd: number;
  /** Where the employment end comes from, for errors: "employment.endDate" or "scenarios[0].employmentEndDate". */
  employmentEndPath: string;
  terminationReason: TerminationReason;
  agreementEffective: number;
  /** The run's service end: a scenario's serviceEndDate, else terms.serviceEndDate ?? consulting.endDate ?? employmentEnd. */
  serviceEnd: number;
  supplementalRelease?: ReleaseOutcome;
}

/**
 * A DateRef as a serial: `{ date }` as written; the events agreementEffective,
 * supplementalReleaseEffective (an error naming `path` without a supplemental release),
 * employmentEnd and serviceEnd as the facts give them.
 */
export function resolveDateRef(ref: DateRef, path: string, facts: SeparationFacts): number {
  if ("date" in ref) return ref.date;
  switch (ref.event) {
    case "agreementEffective":
      return facts.agreementEffective;
    case "supplementalReleaseEffective":
      if (facts.supplementalRelease === undefined) return raise("noSupplementalRelease", path, {});
      return facts.supplementalRelease.effectiveDate;
    case "employmentEnd":
      return facts.employmentEnd;
    case "serviceEnd":
      return facts.serviceEnd;
    default:
      return raise("notOneOf", path, {
        value: (ref as { event: unknown }).event,
        choices: ["agreementEffective", "supplementalReleaseEffective", "employmentEnd", "serviceEnd"],
      });
  }
}

const DOLLAR_TEXT = /^\s*\d+(\.\d+)?\s*$/;

/**
 * Decimal dollars written as text ("185150.00", "0.001") as exact Money, >= 0; `cents` asks for
 * whole cents (an amount paid). Errors name `path`.
 */
export function dollarsOf(text: string | undefined, path: string, cents: boolean, when: string): Money {
  if (text === undefined || String(text).trim() === "") return raise("requiredFor", path, { when });
  if (!DOLLAR_TEXT.test(String(text))) return raise("notDecimal", path, { value: text });
  const amount = new Money(String(text).trim());
  if (cents && amount.decimalPlaces() > 2) raise("notWholeCents", path, { value: text });
  return amount;
}

/** A value the terms must give in this case, or `requiredFor` naming `path`. */
export function required<T>(value: T | undefined, path: string, when: string): T {
  if (value === undefined || value === null) return raise("requiredFor", path, { when });
  return value;
}

/** Fields whose values name another argument (mustNotPrecede's otherField...): renamed too. */
const FIELD_VALUES = ["otherField", "fromField", "maxField"] as const;

/** Keys whose `value` is a date the building block holds as a serial: shown as YYYY-MM-DD under a terms path. */
const DATE_VALUE_KEYS: ReadonlySet<string> = new Set(["outsideCalendar"]);

/**
 * A keyed error of a building block, said again in the terms' words: the field renamed to its terms
 * path, other fields a value names renamed too, dates shown as YYYY-MM-DD (never serials), and the
 * messages that name a second cell argument in their text (noPayday's last_date, tooManyPayments'
 * first_date, monthsOutsideDates' serial) re-keyed to ones that take that name as a value.
 */
function inTermsWords(error: CalcError, fields: Readonly<Record<string, string>>, fallback: string): CalcError {
  const field = error.field !== undefined ? (fields[error.field] ?? fallback) : fallback;
  const values: Record<string, unknown> = { ...error.values };
  for (const key of FIELD_VALUES) {
    const named = values[key];
    if (typeof named === "string" && fields[named] !== undefined) values[key] = fields[named];
  }
  let key = error.key;
  if (DATE_VALUE_KEYS.has(key) && typeof values.value === "number" && Number.isInteger(values.value)) {
    values.value = serialToIso(values.value);
  }
  if (key === "noPayday") {
    key = "noPaydayBetween";
    values.lastField = fields["last_date"] ?? "the period's last day";
  } else if (key === "tooManyPayments") {
    key = "tooManyPaydaysBetween";
    values.firstField = fields["first_date"] ?? "the period's first day";
  } else if (key === "monthsOutsideDates") {
    key = "monthsFromDateOutside";
    values.date = typeof values.serial === "number" ? serialToIso(values.serial) : String(values.serial);
    delete values.serial;
  }
  const message = renderMessage(key, field, values as never);
  return new CalcError(MESSAGES[key].code as CalcError["code"], message, { key, field, values });
}

/**
 * Runs `run`, renaming the field of a keyed CalcError it throws: `fields` maps the building block's
 * argument names to terms paths; an argument not in the map is named `fallback`. Dates in the
 * message are YYYY-MM-DD, and no cell argument name (first_date, last_date) is left in it.
 */
export function atPath<T>(fields: Readonly<Record<string, string>>, fallback: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CalcError) || error.key === "unkeyed") throw error;
    throw inTermsWords(error, fields, fallback);
  }
}

/**
 * The business day on or before `date` on `calendar` (a due date "within 15 days" falling on a
 * Sunday is met by the Friday before), errors naming `path`.
 */
export function businessDayOnOrBefore(calendar: Calendar, date: number, path: string): number {
  atPath({ date: path }, path, () => calendar.checkInRange(date, "date"));
  return onOrBeforeBusinessDay(calendar, date, path);
}

/** "YYYY-MM-DD". */
export const iso = serialToIso;

/** A whole number with thousands separators: 1458333 -> "1,458,333". */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Dollars as "$185,150.00". */
export function dollars(amount: Money): string {
  const [whole, fraction] = amount.toFixed(2).split(".");
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}
