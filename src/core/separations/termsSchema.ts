/**
 * The one description of every TERMS.json field (an executive separation's terms): its key, what
 * kind of value it takes, whether it is required or what a blank means, its unit and a hint written
 * for the finance or legal reader. The reader (terms.ts), the pane's form and the field guide
 * (assets/samples/SEPARATION-TERMS.md, checked by test/separations/terms.test.ts) all follow this
 * table, so adding a field is one row here plus its line in the guide.
 *
 * Kinds:
 * - `text`: text; `date`: "YYYY-MM-DD"; `month`: "YYYY-MM"; `flag`: JSON true or false;
 * - `dateRef`: "YYYY-MM-DD" or one of the event names in `choices` (DATE_EVENTS);
 * - `money`: dollars as a JSON number or decimal text ("185150.00"), kept exact; amounts paid are
 *   whole cents, prices a share may have more decimals;
 * - `number`: a decimal number (JSON number or decimal text); `count`: a whole number;
 * - `choice`: one of `choices`; `object`: the keys in `fields`; `list`: a JSON list of objects, each
 *   with the keys in `fields`.
 *
 * `required` means required whenever the object holding the field is given (an optional object may
 * be left out entirely); `requiredWhen` is a condition in words the reader checks.
 *
 * `shownWhen` marks a field that only some kinds of its object take (an installment program's
 * `total`, an option's `exercisePrice`): the form shows it only when the kind is one of those (or
 * while it holds a value, marked unused), and the field guide says which kinds it is for. It is a
 * description, not the rule: the reader keeps its own rules (terms.ts refuses such a field given for
 * another kind), and test/separations/terms.test.ts checks that the two agree.
 */
import { CALENDAR_CODES } from "../calendars/calendar";
import { PAY_FREQUENCIES } from "./paymentSchedule";
import { EFFECTIVE_RULES, MAX_PERIOD_DAYS } from "./releaseDates";
import { AWARD_KINDS, DATE_EVENTS, PAYMENT_PROGRAM_KINDS, TERMINATION_REASONS } from "./types";

/** What a field's value is (see the module's note). */
export type TermsFieldKind = "text" | "date" | "dateRef" | "money" | "number" | "count" | "choice" | "flag" | "month" | "object" | "list";

/** One TERMS.json field. */
export interface TermsFieldDef {
  /** The key as written in TERMS.json. */
  key: string;
  kind: TermsFieldKind;
  /** A short label for the form ("Signed"). */
  label: string;
  /** What to write, for the form and for "is required (<hint>)". */
  hint: string;
  /** Required whenever its parent object is given. */
  required: boolean;
  /** Prose for a conditional requirement, e.g. 'kind is "installments"'. */
  requiredWhen?: string;
  /** What a blank means (a convention), e.g. "21". */
  blankMeans?: string;
  /** For `choice` its values; for `dateRef` the event names it accepts besides a date. */
  choices?: readonly string[];
  /** "dollars", "dollars a share", "decimal (0.6 = 60%)", "days", "months", "shares", "hours". */
  unit?: string;
  /** `object`: its keys; `list`: one item's keys. */
  fields?: readonly TermsFieldDef[];
  /**
   * Only for some kinds of the object holding it: used only when the key `key` of that object has one
   * of the values `is` (compared as the reader compares choices: any case, trimmed). Each leading
   * "../" in `key` looks one object further out: a modification's `exerciseWindow` is for option
   * awards, `{ key: "../kind", is: ["option"] }`, the award's kind (a list's item counts as the object
   * holding the list's objects: from `awards[0].modification`, "../" is `awards[0]`).
   */
  shownWhen?: ShownWhen;
}

/** See {@link TermsFieldDef.shownWhen}. */
export interface ShownWhen {
  key: string;
  is: readonly string[];
}

const DECIMAL_UNIT = "decimal (0.6 = 60%)";

/** The fields of a release of claims (`release` and `supplementalRelease`). */
const RELEASE_FIELDS: readonly TermsFieldDef[] = [
  { key: "signedDate", kind: "date", label: "Signed", hint: "YYYY-MM-DD: the day the executive signed the release", required: true },
  {
    key: "deliveredDate",
    kind: "date",
    label: "Delivered",
    hint: "YYYY-MM-DD: the day the release was given to the executive; the signature must fall within the consideration period after it",
    required: false,
    blankMeans: "no consideration deadline is computed or checked",
  },
  {
    key: "considerationDays",
    kind: "count",
    label: "Days to consider",
    hint: `calendar days the executive has to consider the release, a whole number from 0 to ${MAX_PERIOD_DAYS}; the ADEA/OWBPA minimum is 21 (45 in a group program): a shorter period is accepted and the model flags it`,
    required: false,
    blankMeans: "21",
    unit: "days",
  },
  {
    key: "revocationDays",
    kind: "count",
    label: "Days to revoke",
    hint: `calendar days after signing in which the executive may revoke, a whole number from 0 to ${MAX_PERIOD_DAYS}; the ADEA/OWBPA minimum is 7 (it cannot be shortened): a shorter period is accepted and the model flags it`,
    required: false,
    blankMeans: "7",
    unit: "days",
  },
  {
    key: "effectiveRule",
    kind: "choice",
    label: "Effective",
    hint: '"after": effective the day after the revocation period ends (the usual "eighth day"); "on": its last day, as the agreement words it',
    required: false,
    blankMeans: "after",
    choices: EFFECTIVE_RULES,
  },
];

/** The keys of a payment's condition; an alternative inside `anyOf` takes the same keys except `anyOf`. */
const CONDITION_LEAF_FIELDS: readonly TermsFieldDef[] = [
  {
    key: "employedThrough",
    kind: "date",
    label: "Employed through",
    hint: "YYYY-MM-DD: holds when employment ends on or after this day",
    required: false,
    blankMeans: "not a condition",
  },
  {
    key: "terminatedWithoutCauseBefore",
    kind: "date",
    label: "Let go without cause before",
    hint: 'YYYY-MM-DD: holds when employment ends before this day and the reason is "without-cause"',
    required: false,
    blankMeans: "not a condition",
  },
  { key: "notForCause", kind: "flag", label: "Not for cause", hint: 'true: holds unless the reason is "for-cause"', required: false, blankMeans: "not a condition" },
];

const CONDITION_FIELDS: readonly TermsFieldDef[] = [
  ...CONDITION_LEAF_FIELDS,
  {
    key: "anyOf",
    kind: "list",
    label: "Any of",
    hint: "a non-empty list of alternative conditions: holds when at least one holds (an alternative may not hold another anyOf)",
    required: false,
    blankMeans: "not a condition",
    fields: CONDITION_LEAF_FIELDS,
  },
];

const PAYMENT_FIELDS: readonly TermsFieldDef[] = [
  { key: "id", kind: "text", label: "Id", hint: 'a short name, unique among the payments ("supplemental")', required: true },
  {
    key: "kind",
    kind: "choice",
    label: "Kind",
    hint: '"lump-sum" (one amount on a date), "installments" (a total spread over paydays) or "salary-balance" (the salary from the employment end through a date, paid as one sum)',
    required: true,
    choices: PAYMENT_PROGRAM_KINDS,
  },
  { key: "description", kind: "text", label: "Description", hint: 'what the agreement calls it ("Supplemental Payment")', required: true },
  {
    key: "amount",
    shownWhen: { key: "kind", is: ["lump-sum"] },
    kind: "money",
    label: "Amount ($)",
    hint: "dollars in whole cents, e.g. 100000 or \"100000.00\"",
    required: false,
    requiredWhen: 'kind is "lump-sum"',
    unit: "dollars",
  },
  {
    key: "total",
    shownWhen: { key: "kind", is: ["installments"] },
    kind: "money",
    label: "Total ($)",
    hint: 'the whole program in dollars, whole cents, e.g. "185150.00"',
    required: false,
    requiredWhen: 'kind is "installments"',
    unit: "dollars",
  },
  {
    key: "date",
    shownWhen: { key: "kind", is: ["lump-sum", "salary-balance"] },
    kind: "dateRef",
    label: "Paid on",
    hint: "YYYY-MM-DD, or an event: agreementEffective, supplementalReleaseEffective, employmentEnd, serviceEnd",
    required: false,
    requiredWhen: 'kind is "lump-sum" or "salary-balance"',
    choices: DATE_EVENTS,
  },
  {
    key: "startDate",
    shownWhen: { key: "kind", is: ["installments"] },
    kind: "dateRef",
    label: "First day",
    hint: "YYYY-MM-DD or an event: the program's first day (paid on the paydays from it)",
    required: false,
    requiredWhen: 'kind is "installments"',
    choices: DATE_EVENTS,
  },
  {
    key: "endDate",
    shownWhen: { key: "kind", is: ["installments"] },
    kind: "dateRef",
    label: "Last day",
    hint: "YYYY-MM-DD or an event: the program's last day, on or after its first",
    required: false,
    requiredWhen: 'kind is "installments"',
    choices: DATE_EVENTS,
  },
  {
    key: "frequency",
    shownWhen: { key: "kind", is: ["installments"] },
    kind: "choice",
    label: "Frequency",
    hint: "installments only: how often they are paid",
    required: false,
    blankMeans: "the terms' payFrequency",
    choices: PAY_FREQUENCIES,
  },
  {
    key: "through",
    shownWhen: { key: "kind", is: ["salary-balance"] },
    kind: "date",
    label: "Salary through",
    hint: "YYYY-MM-DD: the last day the salary would have been paid through",
    required: false,
    requiredWhen: 'kind is "salary-balance"',
  },
  {
    key: "condition",
    kind: "object",
    label: "Condition",
    hint: "when the payment is due at all; every key given must hold",
    required: false,
    blankMeans: "always due",
    fields: CONDITION_FIELDS,
  },
];

const VESTING_FIELDS: readonly TermsFieldDef[] = [
  { key: "vestingMonths", kind: "count", label: "Vesting (months)", hint: "whole months to full vesting, 0 to 1200", required: true, unit: "months" },
  { key: "cliffMonths", kind: "count", label: "Cliff (months)", hint: "whole months before the first installment vests, 0 to the vesting months", required: true, unit: "months" },
  { key: "upfrontFraction", kind: "number", label: "Vested at grant", hint: "the fraction vested on the vesting start, a decimal: 0.25 = 25%", required: true, unit: DECIMAL_UNIT },
  { key: "intervalMonths", kind: "count", label: "Interval (months)", hint: "whole months between installments, 1 to 1200", required: true, unit: "months" },
];

const MODIFICATION_FIELDS: readonly TermsFieldDef[] = [
  {
    key: "vestedShares",
    kind: "count",
    label: "Vested shares",
    hint: "the award vests as to this many shares and the rest is cancelled; at most the award's shares",
    required: false,
    blankMeans: "not changed",
    unit: "shares",
  },
  {
    key: "continueVestingWhileConsulting",
    kind: "flag",
    label: "Vests while consulting",
    hint: "true: vesting continues under the original schedule through the service end date (needs consulting or serviceEndDate)",
    required: false,
    blankMeans: "false",
  },
  {
    key: "exerciseWindow",
    shownWhen: { key: "../kind", is: ["option"] },
    kind: "object",
    label: "Exercise window",
    hint: "options only: the option may be exercised until the earlier of outsideDate and monthsAfterServiceEnds after service ends",
    required: false,
    blankMeans: "the original post-termination period",
    fields: [
      {
        key: "outsideDate",
        kind: "date",
        label: "Outside date",
        hint: "YYYY-MM-DD: the latest day the option may be exercised, on or after employment.endDate",
        required: true,
      },
      {
        key: "monthsAfterServiceEnds",
        kind: "count",
        label: "Months after service",
        hint: "whole months after the service end date, 0 to 1200",
        required: true,
        unit: "months",
      },
    ],
  },
  {
    key: "cancel",
    kind: "flag",
    label: "Cancel",
    hint: "true: the whole award is cancelled (no other modification may be given with it)",
    required: false,
    blankMeans: "false",
  },
  {
    key: "repurchaseUnvested",
    shownWhen: { key: "../kind", is: ["restricted-stock"] },
    kind: "object",
    label: "Repurchase unvested",
    hint: "restricted stock only: the company repurchases the unvested shares at a price on a date",
    required: false,
    blankMeans: "no repurchase",
    fields: [
      { key: "price", kind: "money", label: "Price ($ a share)", hint: 'dollars a share, e.g. "0.001"', required: true, unit: "dollars a share" },
      { key: "date", kind: "date", label: "Repurchased on", hint: "YYYY-MM-DD, on or after the employment end date", required: true },
    ],
  },
];

const AWARD_FIELDS: readonly TermsFieldDef[] = [
  { key: "id", kind: "text", label: "Id", hint: 'a short name, unique among the awards ("2003-08-01 option")', required: true },
  { key: "kind", kind: "choice", label: "Kind", hint: '"option" or "restricted-stock"', required: true, choices: AWARD_KINDS },
  { key: "plan", kind: "text", label: "Plan", hint: 'the plan or grant it was made under ("inducement grant")', required: false, blankMeans: "not shown" },
  {
    key: "incentiveStockOption",
    shownWhen: { key: "kind", is: ["option"] },
    kind: "flag",
    label: "Incentive stock option",
    hint: "options only: true for an incentive stock option (ISO)",
    required: false,
    blankMeans: "false",
  },
  {
    key: "grantDate",
    kind: "date",
    label: "Grant date",
    hint: "YYYY-MM-DD, on or before employment.endDate (the awards are those held when employment ends)",
    required: true,
  },
  { key: "shares", kind: "count", label: "Shares", hint: "the shares granted, a whole number above 0", required: true, unit: "shares" },
  {
    key: "exercisePrice",
    shownWhen: { key: "kind", is: ["option"] },
    kind: "number",
    label: "Exercise price ($)",
    hint: "options only: dollars a share, above 0",
    required: false,
    requiredWhen: 'kind is "option"',
    unit: "dollars a share",
  },
  {
    key: "purchasePrice",
    shownWhen: { key: "kind", is: ["restricted-stock"] },
    kind: "money",
    label: "Purchase price ($)",
    hint: 'restricted stock only: the price the executive paid a share, e.g. "0.001"; the stock is valued at the stock price less it',
    required: false,
    blankMeans: "0",
    unit: "dollars a share",
  },
  {
    key: "vestingStart",
    kind: "date",
    label: "Vesting start",
    hint: "YYYY-MM-DD: the day the schedule counts from (may precede the grant date)",
    required: false,
    blankMeans: "the grant date",
  },
  { key: "vesting", kind: "object", label: "Vesting", hint: 'the schedule: {"vestingMonths", "cliffMonths", "upfrontFraction", "intervalMonths"}', required: true, fields: VESTING_FIELDS },
  {
    key: "expirationDate",
    shownWhen: { key: "kind", is: ["option"] },
    kind: "date",
    label: "Expiration",
    hint: "options only: YYYY-MM-DD, the contractual expiration, on or after the grant date",
    required: false,
    requiredWhen: 'kind is "option"',
  },
  {
    key: "postTerminationMonths",
    shownWhen: { key: "kind", is: ["option"] },
    kind: "count",
    label: "Months to exercise after leaving",
    hint: "options only: whole months after employment ends to exercise (3), 0 to 1200",
    required: false,
    requiredWhen: 'kind is "option"',
    unit: "months",
  },
  {
    key: "modification",
    kind: "object",
    label: "Modification",
    hint: "what the agreement does to the award",
    required: false,
    blankMeans: "left as it is",
    fields: MODIFICATION_FIELDS,
  },
];

const MARKET_FIELDS: readonly TermsFieldDef[] = [
  {
    key: "modificationDate",
    kind: "date",
    label: "Modification date",
    hint: "YYYY-MM-DD: the day the awards were modified (the values are as of it), on or after each modified award's grantDate",
    required: true,
  },
  { key: "stockPrice", kind: "number", label: "Stock price ($)", hint: "the closing price on the modification date, dollars a share, above 0", required: true, unit: "dollars a share" },
  { key: "volatility", kind: "number", label: "Volatility", hint: "annual, a decimal: 0.6 = 60%", required: true, unit: DECIMAL_UNIT },
  { key: "riskFreeRate", kind: "number", label: "Risk-free rate", hint: "a decimal: 0.05 = 5%", required: true, unit: DECIMAL_UNIT },
  { key: "dividendYield", kind: "number", label: "Dividend yield", hint: "a decimal: 0.02 = 2%", required: false, blankMeans: "0", unit: DECIMAL_UNIT },
];

/** Every TERMS.json field, top level first, objects and lists nesting their fields. */
export const SEPARATION_SCHEMA: readonly TermsFieldDef[] = [
  { key: "executive", kind: "text", label: "Executive", hint: "the executive's name, as the agreement gives it", required: true },
  { key: "company", kind: "text", label: "Company", hint: "the company's name, as the agreement gives it", required: true },
  {
    key: "agreement",
    kind: "object",
    label: "Agreement",
    hint: '{"name", "date", "effectiveDate"}',
    required: true,
    fields: [
      { key: "name", kind: "text", label: "Agreement", hint: 'its title ("Transition Agreement and Mutual Release")', required: true },
      { key: "date", kind: "date", label: "Dated", hint: "YYYY-MM-DD: the day it was signed or dated", required: true },
      {
        key: "effectiveDate",
        kind: "date",
        label: "Effective",
        hint: "YYYY-MM-DD: the day it takes effect, as stated; with a release it must equal the release's effective date",
        required: false,
        blankMeans: "the release's effective date; without a release, the agreement's date",
      },
    ],
  },
  {
    key: "release",
    kind: "object",
    label: "Release",
    hint: "the release of claims (ADEA/OWBPA) the agreement contains",
    required: false,
    blankMeans: "no release",
    fields: RELEASE_FIELDS,
  },
  {
    key: "supplementalRelease",
    kind: "object",
    label: "Supplemental release",
    hint: "a second release signed at the end of employment (payments may be due on its effective date)",
    required: false,
    blankMeans: "no supplemental release",
    fields: RELEASE_FIELDS,
  },
  {
    key: "employment",
    kind: "object",
    label: "Employment",
    hint: '{"endDate", "terminationReason"}',
    required: true,
    fields: [
      { key: "endDate", kind: "date", label: "Last day employed", hint: "YYYY-MM-DD: the last day of employment", required: true },
      {
        key: "terminationReason",
        kind: "choice",
        label: "Reason",
        hint: 'why employment ended: "resignation", "without-cause", "for-cause" or "death-or-disability"',
        required: true,
        choices: TERMINATION_REASONS,
      },
    ],
  },
  {
    key: "serviceEndDate",
    kind: "date",
    label: "Service ends",
    hint: "YYYY-MM-DD: the last day of any service (consulting), on or after the employment end",
    required: false,
    blankMeans: "consulting.endDate, else employment.endDate",
  },
  {
    key: "calendar",
    kind: "choice",
    label: "Business days",
    hint: "the calendar paydays are moved by: FEDERAL (US federal holidays), FEDERAL_CLOSURES (and special closures) or WEEKENDS",
    required: false,
    blankMeans: "FEDERAL",
    choices: CALENDAR_CODES,
  },
  {
    key: "payFrequency",
    kind: "choice",
    label: "Payroll",
    hint: "how often the payroll pays",
    required: false,
    blankMeans: "semimonthly",
    choices: PAY_FREQUENCIES,
  },
  {
    key: "salary",
    kind: "object",
    label: "Salary while employed",
    hint:
      "the salary paid while employed, on the payroll's paydays; paydays after the employment end are not paid as salary " +
      "(use an installments program for severance after employment)",
    required: false,
    blankMeans: "no salary",
    fields: [
      { key: "annualSalary", kind: "money", label: "Annual salary ($)", hint: "dollars a year, whole cents, e.g. 370300", required: true, unit: "dollars a year" },
      { key: "startDate", kind: "date", label: "From", hint: "YYYY-MM-DD: the period's first day", required: true },
      { key: "endDate", kind: "date", label: "Through", hint: "YYYY-MM-DD: the period's last day, on or after its first", required: true },
      { key: "frequency", kind: "choice", label: "Frequency", hint: "how often the salary is paid", required: false, blankMeans: "the terms' payFrequency", choices: PAY_FREQUENCIES },
    ],
  },
  {
    key: "payments",
    kind: "list",
    label: "Payments",
    hint: "lump sums, installment programs and salary balances",
    required: false,
    blankMeans: "none",
    fields: PAYMENT_FIELDS,
  },
  {
    key: "consulting",
    kind: "object",
    label: "Consulting",
    hint: "a consulting period after employment",
    required: false,
    blankMeans: "no consulting",
    fields: [
      { key: "startDate", kind: "date", label: "From", hint: "YYYY-MM-DD: the consulting period's first day", required: true },
      {
        key: "endDate",
        kind: "date",
        label: "Through",
        hint: "YYYY-MM-DD: its last day, on or after its first and on or after employment.endDate (consulting follows employment)",
        required: true,
      },
      {
        key: "includedHours",
        kind: "number",
        label: "Included hours",
        hint: "hours a month included without extra pay (10), 0 to 744",
        required: true,
        unit: "hours a month",
      },
      { key: "hourlyRate", kind: "money", label: "Hourly rate ($)", hint: "dollars an hour beyond the included hours, whole cents", required: true, unit: "dollars an hour" },
      {
        key: "invoicePaymentDays",
        kind: "count",
        label: "Days to pay an invoice",
        hint: "calendar days (15), 0 to 3660: the payment is due by the invoice date plus these days, moved to the business day before when that is not one",
        required: true,
        unit: "days",
      },
      {
        key: "hoursLog",
        kind: "list",
        label: "Hours log",
        hint: "the hours worked each month, one entry a month",
        required: false,
        blankMeans: "none logged yet",
        fields: [
          {
            key: "month",
            kind: "month",
            label: "Month",
            hint: 'YYYY-MM, within the consulting period (strictly "2006-09"; an hours CSV given with --hours takes the usual spellings)',
            required: true,
          },
          { key: "hours", kind: "number", label: "Hours", hint: "hours worked that month, 0 to 744", required: true, unit: "hours" },
          {
            key: "invoiceDate",
            kind: "date",
            label: "Invoice received",
            hint: "YYYY-MM-DD: the day the month's invoice was received",
            required: false,
            blankMeans: "the month's last day",
          },
        ],
      },
    ],
  },
  {
    key: "benefits",
    kind: "list",
    label: "Benefits",
    hint: "benefits continued after employment",
    required: false,
    blankMeans: "none",
    fields: [
      { key: "description", kind: "text", label: "Benefit", hint: 'what is continued ("Medical benefits")', required: true },
      { key: "startDate", kind: "date", label: "From", hint: "YYYY-MM-DD: the first day of continued coverage", required: true },
      { key: "months", kind: "count", label: "Months", hint: "whole months of coverage, 1 to 1200", required: true, unit: "months" },
      {
        key: "monthlyCost",
        kind: "money",
        label: "Cost a month ($)",
        hint: "dollars a month the company pays, whole cents",
        required: false,
        blankMeans: "coverage only, no payment listed",
        unit: "dollars a month",
      },
    ],
  },
  {
    key: "awards",
    kind: "list",
    label: "Equity awards",
    hint: "stock options and restricted stock held when employment ends",
    required: false,
    blankMeans: "none",
    fields: AWARD_FIELDS,
  },
  {
    key: "market",
    kind: "object",
    label: "Market at modification",
    hint: "the stock's market on the modification date, for the ASC 718 values",
    required: false,
    requiredWhen:
      "an award needs valuing: an option whose modification has vestedShares, continueVestingWhileConsulting or exerciseWindow, " +
      "or restricted stock whose modification has vestedShares or continueVestingWhileConsulting",
    fields: MARKET_FIELDS,
  },
  {
    key: "scenarios",
    kind: "list",
    label: "Scenarios",
    hint: "alternative endings to evaluate",
    required: false,
    blankMeans: "none",
    fields: [
      { key: "name", kind: "text", label: "Scenario", hint: 'what happens ("Let go without cause on February 27, 2003")', required: true },
      { key: "employmentEndDate", kind: "date", label: "Last day employed", hint: "YYYY-MM-DD: the last day employed in this scenario", required: true },
      {
        key: "terminationReason",
        kind: "choice",
        label: "Reason",
        hint: '"resignation", "without-cause", "for-cause" or "death-or-disability"',
        required: true,
        choices: TERMINATION_REASONS,
      },
      {
        key: "serviceEndDate",
        kind: "date",
        label: "Service ends",
        hint: "YYYY-MM-DD: the last day of any service in this scenario, on or after its employmentEndDate",
        required: false,
        blankMeans: "as in the terms",
      },
    ],
  },
];

/**
 * Every field's path, objects as "a.b" and list items as "a[].b", in the schema's order
 * ("payments[].condition.anyOf[].employedThrough").
 */
export function separationFieldPaths(fields: readonly TermsFieldDef[] = SEPARATION_SCHEMA, prefix = ""): string[] {
  return fields.flatMap((f) => {
    const path = `${prefix}${f.key}`;
    if (!f.fields) return [path];
    return [path, ...separationFieldPaths(f.fields, f.kind === "list" ? `${path}[].` : `${path}.`)];
  });
}

/** A field's description by its path ("awards[].modification.cancel" or "awards[1].modification.cancel"). */
export function separationField(path: string): TermsFieldDef | undefined {
  let fields: readonly TermsFieldDef[] | undefined = SEPARATION_SCHEMA;
  let found: TermsFieldDef | undefined;
  for (const key of path.replace(/\[\d*\]/g, "").split(".")) {
    found = fields?.find((f) => f.key === key);
    if (!found) return undefined;
    fields = found.fields;
  }
  return found;
}

/** A `shownWhen` key split: how many objects further out it looks ("../kind": 1) and the key there. */
export function shownWhenKey(condition: ShownWhen): { up: number; key: string } {
  const m = /^((?:\.\.\/)*)(.*)$/.exec(condition.key) as RegExpExecArray;
  return { up: m[1].length / 3, key: m[2] };
}

/** Whether a value meets a `shownWhen` (any case, trimmed, as the reader reads a choice). */
export function shownWhenHolds(condition: ShownWhen, value: string | undefined): boolean {
  const v = (value ?? "").trim().toLowerCase();
  return condition.is.some((c) => c.toLowerCase() === v);
}

/** The values of a `shownWhen`, quoted: '"lump-sum" or "salary-balance"'. */
function quotedChoices(values: readonly string[]): string {
  const q = values.map((c) => `"${c}"`);
  return q.length <= 1 ? q.join("") : `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}`;
}

/**
 * A field's `shownWhen` in words, for the field guide and the form ('kind is "lump-sum" or
 * "salary-balance"'; a key further out named by its path: 'awards[].kind is "option"'), or
 * undefined for a field every kind takes. `path` is the field's path ("awards[].modification.exerciseWindow").
 */
export function shownWhenWords(path: string): string | undefined {
  const f = separationField(path);
  if (!f?.shownWhen) return undefined;
  const { up, key } = shownWhenKey(f.shownWhen);
  let holder = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
  // one object further out: a list's item is left for the object holding the list ("a.b[]" -> "a")
  for (let i = 0; i < up; i++) holder = holder.replace(/\[\d*\]$/, "").replace(/\.?[^.]*$/, "");
  const named = up === 0 || holder === "" ? key : `${holder}.${key}`;
  return `${named} is ${quotedChoices(f.shownWhen.is)}`;
}
