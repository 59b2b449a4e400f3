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
import { serialToIso } from "../dates/serial";
import { CalcError, raise } from "../errors";
import { renderMessage } from "../messages";
import { Money } from "./money";
import { DateRef, ReleaseOutcome, TerminationReason } from "./types";

/** The facts one run is computed on: the terms' own, or a scenario's employment end and reason. */
export interface SeparationFacts {
  employmentEnd: number;
  /** Where the employment end comes from, for errors: "employment.endDate" or "scenarios[0].employmentEndDate". */
  employmentEndPath: string;
  terminationReason: TerminationReason;
  agreementEffective: number;
  /** terms.serviceEndDate ?? consulting.endDate ?? employmentEnd. */
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

/**
 * Runs `run`, renaming the field of a keyed CalcError it throws: `fields` maps the building block's
 * argument names to terms paths; an argument not in the map is named `fallback`.
 */
export function atPath<T>(fields: Readonly<Record<string, string>>, fallback: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CalcError) || error.key === "unkeyed") throw error;
    const field = error.field !== undefined ? (fields[error.field] ?? fallback) : fallback;
    const values: Record<string, unknown> = { ...error.values };
    for (const key of FIELD_VALUES) {
      const named = values[key];
      if (typeof named === "string" && fields[named] !== undefined) values[key] = fields[named];
    }
    const message = renderMessage(error.key, field, values as never);
    throw new CalcError(error.code, message, { key: error.key, field, values });
  }
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
