/**
 * The shapes of an executive separation (seeds 000 and 001): the terms as read from a TERMS.json
 * (termsSchema.ts describes every field; terms.ts reads and checks them) and what the separation
 * model (separation.ts) computes from them. The CLI (`optex separation`), the pane's Executive
 * separation section and the `Separation <name>` worksheet show the result.
 *
 * Dates are Excel serials (src/core/dates/serial.ts); money is decimal (Money, money.ts), exact to
 * the cent where it is paid; option values are float64 (blackScholes.ts); share counts are integers.
 */
import { CalendarCode } from "../calendars/calendar";
import { VestingTerms } from "../equity/vesting";
import { Money } from "./money";
import { PayFrequency } from "./paymentSchedule";
import { EffectiveRule } from "./releaseDates";

// ------------------------------------------------------------------------------------------------
// The terms (TERMS.json, read by terms.ts)
// ------------------------------------------------------------------------------------------------

/** Why employment ended, as the agreement's conditions read it. */
export const TERMINATION_REASONS = ["resignation", "without-cause", "for-cause", "death-or-disability"] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** Each reason in words, for people ("Employment ends (without cause)"). */
export const TERMINATION_REASON_WORDS: Readonly<Record<TerminationReason, string>> = {
  resignation: "resignation",
  "without-cause": "without cause",
  "for-cause": "for cause",
  "death-or-disability": "death or disability",
};

/** A release of claims (ADEA/OWBPA): its dates follow RELEASE_DATES. */
export interface ReleaseTerms {
  signedDate: number;
  /** The day the release was given to the executive; blank: no consideration deadline is computed. */
  deliveredDate?: number;
  /** Days to consider the release (21; 45 in a group program). */
  considerationDays: number;
  /** Days to revoke after signing (7). */
  revocationDays: number;
  /** "after": effective the day after the revocation period; "on": its last day (seed 000). */
  effectiveRule: EffectiveRule;
}

/**
 * A named day the terms may refer to instead of a written date (a payment "on the Effective Date of
 * the Supplemental Release"): the model resolves each to a serial.
 */
export const DATE_EVENTS = ["agreementEffective", "supplementalReleaseEffective", "employmentEnd", "serviceEnd"] as const;
export type DateEvent = (typeof DATE_EVENTS)[number];

/** A date written in the terms: a serial, or a named event of the separation. */
export type DateRef = { date: number } | { event: DateEvent };

/**
 * When a payment is due at all; every key given must hold (an empty condition always holds).
 * Seed 000's section 1(c): `anyOf: [{ employedThrough: 2003-05-06 }, { terminatedWithoutCauseBefore: 2003-05-07 }]`.
 */
export interface PaymentCondition {
  /** Holds when employment ends on or after this day (the executive "remains employed through" it). */
  employedThrough?: number;
  /** Holds when employment ends before this day and the reason is "without-cause". */
  terminatedWithoutCauseBefore?: number;
  /** Holds unless the reason is "for-cause". */
  notForCause?: boolean;
  /** Holds when at least one of these holds. */
  anyOf?: PaymentCondition[];
}

/** Salary paid on the payroll's paydays over a continuation period (seed 000: six months from the Effective Date). */
export interface SalaryTerms {
  /** Dollars a year. */
  annualSalary: number;
  startDate: number;
  /**
   * The period's last day. Salary is paid while employed: paydays after the employment end date are
   * not paid as salary (they are listed as one contingent entry of kind "salary").
   */
  endDate: number;
  /** Blank: the terms' payFrequency. */
  frequency?: PayFrequency;
}

/** The kinds of payment program. */
export const PAYMENT_PROGRAM_KINDS = ["lump-sum", "installments", "salary-balance"] as const;
export type PaymentProgramKind = (typeof PAYMENT_PROGRAM_KINDS)[number];

/**
 * A lump sum, an installment program, or the salary balance (SALARY_BALANCE from the employment end
 * through `through`, paid as one sum), each with an optional condition.
 */
export interface PaymentProgram {
  id: string;
  kind: PaymentProgramKind;
  description: string;
  /** lump-sum: the amount in dollars (decimal text, exact). */
  amount?: string;
  /** installments: the total in dollars (decimal text, exact). */
  total?: string;
  /** lump-sum and salary-balance: the day paid. */
  date?: DateRef;
  /** installments: the program's first and last day (paydays in between, PAYMENT_SCHEDULE). */
  startDate?: DateRef;
  endDate?: DateRef;
  /** installments: blank = the terms' payFrequency. */
  frequency?: PayFrequency;
  /** salary-balance: the last day the salary would have been paid through. */
  through?: number;
  condition?: PaymentCondition;
}

/** One month of a consulting hours log. */
export interface ConsultingMonth {
  /** The month's first day (serial); written "YYYY-MM". */
  month: number;
  /** Hours worked that month (>= 0, at most 744). */
  hours: number;
  /** The day the invoice was received; blank = the month's last day. */
  invoiceDate?: number;
}

/** A consulting period (seed 001: a year, ten hours a month included, $500 an hour beyond, invoices paid within 15 days). */
export interface ConsultingTerms {
  startDate: number;
  endDate: number;
  includedHours: number;
  /** Dollars an hour beyond the included hours. */
  hourlyRate: number;
  /** Days after an invoice is received by which it is paid. */
  invoicePaymentDays: number;
  /** Blank: no hours logged yet (no consulting payments). */
  hoursLog: ConsultingMonth[];
}

/** Benefits continued after employment (seed 001: medical benefits for one month). */
export interface BenefitTerms {
  description: string;
  startDate: number;
  months: number;
  /** Dollars a month the company pays; blank = coverage only, no payment listed. */
  monthlyCost?: string;
}

export const AWARD_KINDS = ["option", "restricted-stock"] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

/** What the agreement does to an award; every part is optional (an award may be left as it is). */
export interface AwardModification {
  /** The award is vested as to this many shares and the rest cancelled (seed 001: 1,500,000 of 2,000,000). */
  vestedShares?: number;
  /** Vesting continues under the original schedule through the service end date (consulting). */
  continueVestingWhileConsulting?: boolean;
  /** The exercise window becomes the earlier of `outsideDate` and `monthsAfterServiceEnds` after service ends. */
  exerciseWindow?: { outsideDate: number; monthsAfterServiceEnds: number };
  /** The whole award is cancelled (seed 001's June 2006 options). */
  cancel?: boolean;
  /** Unvested restricted shares are repurchased at `price` dollars a share on `date`. */
  repurchaseUnvested?: { price: string; date: number };
}

/** An equity award with its original terms and the agreement's modification. */
export interface AwardTerms {
  id: string;
  kind: AwardKind;
  plan?: string;
  /** An incentive stock option (options only; blank = false). */
  incentiveStockOption: boolean;
  grantDate: number;
  shares: number;
  /** Options: dollars a share. */
  exercisePrice?: number;
  /** Restricted stock: the price paid a share (blank = 0). */
  purchasePrice?: string;
  /** Blank = the grant date. */
  vestingStart: number;
  vesting: VestingTerms;
  /** Options: the contractual expiration. */
  expirationDate?: number;
  /** Options: months to exercise after employment ends (3). */
  postTerminationMonths: number;
  modification?: AwardModification;
}

/** The market on the modification date, for the ASC 718 values (Black-Scholes-Merton). */
export interface ModificationMarket {
  modificationDate: number;
  stockPrice: number;
  volatility: number;
  riskFreeRate: number;
  dividendYield: number;
}

/** An alternative ending to evaluate (seed 000: let go without cause before the six-month anniversary). */
export interface SeparationScenario {
  name: string;
  employmentEndDate: number;
  terminationReason: TerminationReason;
  /** The last day of any service in this scenario; blank = the terms' serviceEndDate, else the consulting end, else the scenario's employment end. */
  serviceEndDate?: number;
}

/** A separation's terms, read and checked (terms.ts). */
export interface SeparationTerms {
  executive: string;
  company: string;
  agreementName: string;
  /** The agreement's date (the day it was signed or dated). */
  agreementDate: number;
  /** When the terms state it; with a release it must agree with the release's effective date. */
  agreementEffectiveDate?: number;
  release?: ReleaseTerms;
  supplementalRelease?: ReleaseTerms;
  /** The last day employed. */
  employmentEndDate: number;
  terminationReason: TerminationReason;
  /** The last day of any service (consulting); blank = the consulting end, else the employment end. */
  serviceEndDate?: number;
  /** The business-day calendar for paydays; blank = "FEDERAL". */
  calendar: CalendarCode;
  /** The payroll's frequency; blank = "semimonthly". */
  payFrequency: PayFrequency;
  salary?: SalaryTerms;
  payments: PaymentProgram[];
  consulting?: ConsultingTerms;
  benefits: BenefitTerms[];
  awards: AwardTerms[];
  /**
   * Required only when an award must be valued because the agreement changes it: an option whose
   * exercise window or vested count changes, or restricted stock whose vested count changes (a
   * cancellation, or a repurchase of shares that were unvested anyway, needs none). Restricted stock
   * reads only stockPrice (and the modification date).
   */
  market?: ModificationMarket;
  scenarios: SeparationScenario[];
}

// ------------------------------------------------------------------------------------------------
// What the model computes (separation.ts)
// ------------------------------------------------------------------------------------------------

/** The kinds of a payment in the schedule and the totals. */
export const PAYMENT_KINDS = ["salary", "salary-balance", "installment", "lump-sum", "consulting", "benefits", "repurchase"] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** One payment to (or, for benefits, on behalf of) the executive. */
export interface SeparationPayment {
  date: number;
  kind: PaymentKind;
  description: string;
  amount: Money;
  /** The program, award or consulting month it comes from ("installments", "consulting 2006-09"). */
  source: string;
}

/** A program whose condition does not hold on these facts: not paid, with the reason (and the amount it would have been). */
export interface ContingentPayment {
  source: string;
  kind: PaymentKind;
  description: string;
  reason: string;
  amount?: Money;
}

/** Release dates as serials; `considerationDeadline` only with a delivery date. */
export interface ReleaseOutcome {
  signedDate: number;
  considerationDeadline?: number;
  revocationEnds: number;
  effectiveDate: number;
}

export type ModificationType = "none" | "I" | "III" | "I+III" | "cancellation";

/** One award before and after the agreement. */
export interface AwardOutcome {
  awardId: string;
  kind: AwardKind;
  shares: number;
  /** Vested under the original schedule on the employment end date. */
  vestedBefore: number;
  /** Vested after the agreement (the stated count, or the schedule through the service end). */
  vestedShares: number;
  /** max(0, vestedShares - vestedBefore): vesting that would otherwise have been forfeited. */
  acceleratedShares: number;
  /**
   * Shares the agreement cancels: the whole award with `cancel`, else shares - vestedShares when the
   * modification states vestedShares (with vested shares among them when vestedShares < vestedBefore);
   * else 0.
   */
  cancelledShares: number;
  /**
   * Shares lost under the award's own terms when employment ends (or, with
   * continueVestingWhileConsulting, when service ends): the unvested shares then, when the agreement
   * neither cancels nor repurchases them. vestedShares + cancelledShares + forfeitedShares +
   * repurchasedShares = shares.
   */
  forfeitedShares: number;
  repurchasedShares: number;
  /** Options: the last exercise day under the original terms (POST_TERMINATION_EXPIRY of the employment end). */
  expirationBefore?: number;
  /** Options: the last exercise day after the agreement. */
  expirationAfter?: number;
  /** Dollars (float64) at the modification date: the original award as it stood immediately before. */
  fairValueBefore: number;
  fairValueAfter: number;
  incrementalFairValue: number;
  modificationType: ModificationType;
  /** Options: the value a share before and after and the terms in years they were valued at. */
  valueBefore?: { perShare: number; termYears: number };
  valueAfter?: { perShare: number; termYears: number };
}

export type SeparationFlagCode = "section-409a" | "iso-taxed-as-nso" | "type-iii-reversal" | "expired-before-modification" | "adea-minimum";

/** A tax or accounting consequence the model flags but does not compute. */
export interface SeparationFlag {
  code: SeparationFlagCode;
  awardId?: string;
  message: string;
}

/** A dated point on the separation's timeline. */
export interface TimelineEvent {
  date: number;
  label: string;
}

/** One consulting month as billed. */
export interface ConsultingMonthOutcome {
  month: number;
  hours: number;
  billableHours: number;
  fee: Money;
  invoiceDate: number;
  /** Due by: invoiceDate + invoicePaymentDays calendar days, moved to the business day on or before it (the terms' calendar). */
  dueDate: number;
}

/**
 * A scenario's payments, totals and awards: everything that depends on the employment end, its
 * reason and the service end is recomputed (salary, programs, vesting, exercise windows, values,
 * repurchases, flags); the releases, consulting and benefits are the terms' own.
 */
export interface ScenarioOutcome {
  name: string;
  employmentEndDate: number;
  terminationReason: TerminationReason;
  /** The scenario's service end (its own, else as for the terms, following its employment end). */
  serviceEndDate: number;
  payments: SeparationPayment[];
  contingent: ContingentPayment[];
  totals: PaymentTotals;
  awards: AwardOutcome[];
  incrementalFairValue: number;
  flags: SeparationFlag[];
}

export interface PaymentTotals {
  byKind: Partial<Record<PaymentKind, Money>>;
  total: Money;
}

/** Everything the model computes for one separation. */
export interface SeparationResult {
  terms: SeparationTerms;
  release?: ReleaseOutcome;
  supplementalRelease?: ReleaseOutcome;
  agreementEffectiveDate: number;
  serviceEndDate: number;
  /** In date order (ties in the terms' order). */
  payments: SeparationPayment[];
  contingent: ContingentPayment[];
  totals: PaymentTotals;
  /** The consulting months billed (seed 001: hours beyond the included ten at the hourly rate). */
  consulting?: { startDate: number; endDate: number; months: ConsultingMonthOutcome[] };
  /** Benefits coverage: start and last covered day. */
  benefits: { description: string; startDate: number; endDate: number }[];
  awards: AwardOutcome[];
  /** Sum of the awards' incremental fair values, dollars (float64). */
  incrementalFairValue: number;
  flags: SeparationFlag[];
  timeline: TimelineEvent[];
  scenarios: ScenarioOutcome[];
}
