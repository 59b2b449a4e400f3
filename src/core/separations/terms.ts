/**
 * Reading an executive separation's terms (TERMS.json) into {@link SeparationTerms}, with every
 * problem reported at once and nothing ever silently misread.
 *
 * The fields, their kinds, hints and conventions are SEPARATION_SCHEMA's (termsSchema.ts); this
 * module reads a value by its field's kind, then checks the rules between fields. Each problem
 * names its path as written (`terms.awards[1] ("2003-08-04 restricted stock").modification.vestedShares`,
 * a list item with an id shown with it) and the value as typed.
 *
 * Values:
 * - `null`, "" or leaving a key out are all blank; keys starting with "_" are comments, anywhere;
 *   any other key the schema does not list is an error that lists the keys allowed there.
 * - numbers: a JSON number or plain decimal text ("185150.00"); no exponent, thousands separators,
 *   currency or percent signs. Money is kept as the exact decimal text; amounts paid (and the annual
 *   salary, the hourly rate) are whole cents, 0 to 1,000,000,000,000 dollars; prices a share may have
 *   more decimals. Shares, months and days are whole numbers.
 * - units said out loud: a volatility above 5, a rate or yield above 1, or a fraction vested at grant
 *   above 1 looks like a percent typed as a whole number: "must be a decimal: 0.6 = 60%".
 * - dates "YYYY-MM-DD" ("2003-02-30" is not a real date), months "YYYY-MM"; a payment's dates may
 *   name an event (DATE_EVENTS) instead.
 * - only conventions have defaults (release 21 / 7 days and "after", calendar FEDERAL, payroll
 *   semimonthly, not an ISO, vesting from the grant date, no dividends, empty lists); everything
 *   that describes this agreement is required.
 */
import Decimal from "decimal.js";
import { calendarFor, type CalendarCode } from "../calendars/calendar";
import { daysInMonth, isoToSerial, serialToIso, serialToYmd, ymdToSerial } from "../dates/serial";
import { CalcError } from "../errors";
import { OfferErrorCode, parseJsonText } from "../offer/offerTerms";
import type { VestingTerms } from "../equity/vesting";
import { PayFrequency } from "./paymentSchedule";
import { EffectiveRule, releaseDates } from "./releaseDates";
import { SEPARATION_SCHEMA, TermsFieldDef } from "./termsSchema";
import {
  AwardKind,
  AwardModification,
  AwardTerms,
  BenefitTerms,
  ConsultingMonth,
  ConsultingTerms,
  DATE_EVENTS,
  DateEvent,
  DateRef,
  ModificationMarket,
  PaymentCondition,
  PaymentProgram,
  PaymentProgramKind,
  ReleaseTerms,
  SalaryTerms,
  SeparationScenario,
  SeparationTerms,
  TerminationReason,
} from "./types";

export { SEPARATION_SCHEMA, separationField, separationFieldPaths } from "./termsSchema";
export type { TermsFieldDef, TermsFieldKind } from "./termsSchema";

/** What a problem is; stable, for programs (the pane words "required" with its labels). */
export type SeparationErrorCode = Exclude<OfferErrorCode, "fee-rate-unknown" | "time-format" | "time-zone"> | "mismatch" | "duplicate" | "not-allowed";

/** One problem of a TERMS.json. */
export interface SeparationFieldError {
  /** The field at fault ("awards[1].modification.vestedShares"), or "" for the terms as a whole. */
  path: string;
  code: SeparationErrorCode;
  /** Names the field as `terms.<path>` (a list item with an id shown with it) and the value as typed. */
  message: string;
  /**
   * What is wrong, without the field's name when the message starts with it ("(70) must be a decimal:
   * 0.7 = 70%, at most 5"), so a form can put its own label first; otherwise the whole message.
   */
  reason: string;
}

/** All the problems of a TERMS.json; the message lists them, separated by "; ". */
export class SeparationTermsError extends CalcError {
  readonly errors: readonly SeparationFieldError[];
  constructor(errors: readonly SeparationFieldError[]) {
    super("#VALUE!", errors.map((e) => e.message).join("; "), { key: "separationTermsInvalid", values: { errors } });
    this.name = "SeparationTermsError";
    this.errors = errors;
  }
}

/** The conventions a blank falls back to (everything else that describes the agreement is required). */
export const SEPARATION_CONVENTIONS = {
  considerationDays: 21,
  revocationDays: 7,
  effectiveRule: "after" as EffectiveRule,
  calendar: "FEDERAL" as CalendarCode,
  payFrequency: "semimonthly" as PayFrequency,
  incentiveStockOption: false,
  dividendYield: 0,
} as const;

/** The largest amount of money a field may hold, in dollars. */
const MAX_DOLLARS = 1e12;
/** The most shares an award may hold. */
const MAX_SHARES = 1e15;

// ------------------------------------------------------------------------------------------------
// Where a value is, and how a message shows it
// ------------------------------------------------------------------------------------------------

/** A field's path ("awards[1].shares") and its name in messages (`terms.awards[1] ("id").shares`). */
interface Loc {
  path: string;
  name: string;
}

const ROOT: Loc = { path: "", name: "terms" };

function childLoc(loc: Loc, key: string): Loc {
  return { path: loc.path ? `${loc.path}.${key}` : key, name: `${loc.name}.${key}` };
}

function itemLoc(loc: Loc, index: number, id: string | undefined): Loc {
  return { path: `${loc.path}[${index}]`, name: `${loc.name}[${index}]${id !== undefined ? ` (${JSON.stringify(id)})` : ""}` };
}

/** A value as typed, for a message: text quoted, numbers and true/false as written, lists and objects as JSON (cut short). */
function typed(value: unknown): string {
  if (value === undefined) return "blank";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** 1000000 -> "1,000,000". */
function grouped(n: number): string {
  const [whole, fraction] = String(n).split(".");
  const g = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${g}.${fraction}` : g;
}

/** "a" or "an" before a word ("an "installments" payment"). */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function listed(choices: readonly string[]): string {
  const q = choices.map((c) => `"${c}"`);
  return q.length <= 1 ? q.join("") : `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}`;
}

/** Collects the problems of one reading. */
class Problems {
  readonly list: SeparationFieldError[] = [];
  /** A problem whose message is the whole text (it names the field itself, or the terms as a whole). */
  add(loc: Loc, code: SeparationErrorCode, message: string): undefined {
    this.list.push({ path: loc.path, code, message, reason: message });
    return undefined;
  }
  /** A problem of the field at `loc`: the message is its name followed by `reason`. */
  about(loc: Loc, code: SeparationErrorCode, reason: string): undefined {
    const joined = reason.startsWith(":") ? `${loc.name}${reason}` : `${loc.name} ${reason}`;
    this.list.push({ path: loc.path, code, message: joined, reason });
    return undefined;
  }
}

// ------------------------------------------------------------------------------------------------
// Reading a value by its kind
// ------------------------------------------------------------------------------------------------

/** A value given but not readable (already reported): rules that need it are skipped. */
const INVALID: unique symbol = Symbol("invalid");
type Invalid = typeof INVALID;

/** Dollars as exact decimal text and as a number. */
interface Amount {
  text: string;
  n: number;
}

/** An object as read: each given key's value (converted, INVALID, a Node or a list of Nodes); blank keys absent. */
interface Node {
  loc: Loc;
  raw: Record<string, unknown>;
  v: Record<string, unknown>;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Plain decimal notation: optional sign, digits, optional fraction. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Why a text is not a plain decimal, in words. */
function notDecimalBecause(t: string): string {
  if (/%/.test(t)) return "no percent sign: write 0.6 for 60%";
  if (/[$€£¥]|usd/i.test(t)) return "no currency sign";
  if (/\d[,'\s_]\d/.test(t)) return "no thousands separators";
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(t)) return "no exponent";
  return "digits with an optional decimal point";
}

function readNumber(p: Problems, loc: Loc, value: unknown, example: string): { n: number; text: string } | Invalid {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      p.about(loc, "number-format", `(${typed(value)}) must be a finite number`);
      return INVALID;
    }
    return { n: value, text: new Decimal(value).toFixed() };
  }
  if (typeof value === "string") {
    const t = value.trim();
    if (!DECIMAL.test(t)) {
      p.about(loc, "number-format", `(${typed(value)}) must be a number written like ${example} (${notDecimalBecause(t)})`);
      return INVALID;
    }
    return { n: Number(t), text: t.startsWith("+") ? t.slice(1) : t };
  }
  p.about(loc, "type", `(${typed(value)}) must be a number, like ${example}`);
  return INVALID;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function readDate(p: Problems, loc: Loc, value: unknown): number | Invalid {
  if (typeof value !== "string") {
    p.about(loc, "type", `(${typed(value)}) must be a date written as text "YYYY-MM-DD"`);
    return INVALID;
  }
  const t = value.trim();
  const serial = isoToSerial(t);
  if (serial !== undefined) return serial;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    let why: string;
    if (month < 1 || month > 12) why = `there is no month ${month}`;
    else if (day < 1 || day > daysInMonth(year, month)) why = `${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
    else why = "a date must be from 1900-01-01 to 9999-12-31";
    p.about(loc, "date-format", `(${typed(value)}) is not a real date (${why})`);
  } else {
    p.about(loc, "date-format", `(${typed(value)}) must be a date written YYYY-MM-DD, like 2006-07-31`);
  }
  return INVALID;
}

/** "YYYY-MM" -> the month's first day. */
function readMonth(p: Problems, loc: Loc, value: unknown): number | Invalid {
  if (typeof value !== "string") {
    p.about(loc, "type", `(${typed(value)}) must be a month written as text "YYYY-MM"`);
    return INVALID;
  }
  const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (!m) {
    p.about(loc, "date-format", `(${typed(value)}) must be a month written YYYY-MM, like 2006-08`);
    return INVALID;
  }
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || year < 1900) {
    p.about(loc, "date-format", `(${typed(value)}) is not a real month (${month < 1 || month > 12 ? `there is no month ${month}` : "a month must be from 1900-01 to 9999-12"})`);
    return INVALID;
  }
  return ymdToSerial(year, month, 1);
}

function readDateRef(p: Problems, loc: Loc, value: unknown, events: readonly string[]): DateRef | Invalid {
  if (typeof value === "string") {
    const t = value.trim();
    const event = events.find((e) => e.toLowerCase() === t.toLowerCase());
    if (event !== undefined) return { event: event as DateEvent };
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
      const d = readDate(p, loc, value);
      return d === INVALID ? INVALID : { date: d };
    }
  }
  p.about(loc, typeof value === "string" ? "date-format" : "type", `(${typed(value)}) must be a date written YYYY-MM-DD or one of the events ${listed(events)}`);
  return INVALID;
}

function readChoice(p: Problems, loc: Loc, value: unknown, choices: readonly string[]): string | Invalid {
  if (typeof value === "string") {
    const t = value.trim().toLowerCase();
    const found = choices.find((c) => c.toLowerCase() === t);
    if (found !== undefined) return found;
  }
  p.about(loc, typeof value === "string" ? "range" : "type", `(${typed(value)}) must be ${listed(choices)}`);
  return INVALID;
}

/** Reads one field's value by its kind (blank -> undefined). */
function readValue(p: Problems, def: TermsFieldDef, value: unknown, loc: Loc): unknown {
  if (isBlank(value)) return undefined;
  switch (def.kind) {
    case "text":
      if (typeof value !== "string") return p.about(loc, "type", `(${typed(value)}) must be text`) ?? INVALID;
      return value.trim();
    case "date":
      return readDate(p, loc, value);
    case "month":
      return readMonth(p, loc, value);
    case "dateRef":
      return readDateRef(p, loc, value, def.choices ?? DATE_EVENTS);
    case "choice":
      return readChoice(p, loc, value, def.choices ?? []);
    case "flag":
      if (typeof value !== "boolean") {
        const quoted = typeof value === "string" && /^(true|false)$/i.test(value.trim());
        return p.about(loc, "type", `(${typed(value)}) must be true or false${quoted ? ", without quotes" : ""}`) ?? INVALID;
      }
      return value;
    case "money":
      return readMoney(p, def, value, loc);
    case "number":
    case "count":
      return readBounded(p, def, value, loc);
    case "object":
      return readObject(p, def.fields ?? [], value, loc, def);
    case "list":
      return readList(p, def, value, loc);
  }
}

/** The limits of a number or count field, by its path with list indexes dropped. */
interface Limits {
  min: number;
  max: number;
  /** min is excluded ("above 0"). */
  above?: boolean;
  /** A value above max (up to 100 x max) is a percent typed as a whole number. */
  decimal?: boolean;
}

const LIMITS: Readonly<Record<string, Limits>> = {
  "release.considerationDays": { min: 0, max: 3660 },
  "release.revocationDays": { min: 0, max: 3660 },
  "supplementalRelease.considerationDays": { min: 0, max: 3660 },
  "supplementalRelease.revocationDays": { min: 0, max: 3660 },
  "consulting.includedHours": { min: 0, max: 744 },
  "consulting.invoicePaymentDays": { min: 0, max: 3660 },
  "consulting.hoursLog.hours": { min: 0, max: 744 },
  "benefits.months": { min: 1, max: 1200 },
  "awards.shares": { min: 1, max: MAX_SHARES },
  "awards.exercisePrice": { min: 0, max: MAX_DOLLARS, above: true },
  "awards.vesting.vestingMonths": { min: 0, max: 1200 },
  "awards.vesting.cliffMonths": { min: 0, max: 1200 },
  "awards.vesting.upfrontFraction": { min: 0, max: 1, decimal: true },
  "awards.vesting.intervalMonths": { min: 1, max: 1200 },
  "awards.postTerminationMonths": { min: 0, max: 1200 },
  "awards.modification.vestedShares": { min: 0, max: MAX_SHARES },
  "awards.modification.exerciseWindow.monthsAfterServiceEnds": { min: 0, max: 1200 },
  "market.stockPrice": { min: 0, max: MAX_DOLLARS, above: true },
  "market.volatility": { min: 0, max: 5, decimal: true },
  "market.riskFreeRate": { min: -1, max: 1, decimal: true },
  "market.dividendYield": { min: 0, max: 1, decimal: true },
};

function limitsOf(loc: Loc): Limits | undefined {
  return LIMITS[loc.path.replace(/\[\d+\]/g, "")];
}

function readBounded(p: Problems, def: TermsFieldDef, value: unknown, loc: Loc): number | Invalid {
  const whole = def.kind === "count";
  const read = readNumber(p, loc, value, whole ? "12" : "0.6");
  if (read === INVALID) return INVALID;
  const { n } = read;
  const lim = limitsOf(loc) ?? { min: 0, max: Number.MAX_SAFE_INTEGER };
  const unit = def.unit && !def.unit.startsWith("decimal") ? ` ${def.unit}` : "";
  if (lim.decimal && n > lim.max && n <= lim.max * 100) {
    const d = new Decimal(read.text).dividedBy(100).toFixed();
    p.about(loc, "unit", `(${typed(value)}) must be a decimal: ${d} = ${read.text}%, at most ${lim.max}`);
    return INVALID;
  }
  if (whole) {
    if (!Number.isInteger(n) || n < lim.min || n > lim.max) {
      p.about(loc, "range", `(${typed(value)}) must be a whole number from ${grouped(lim.min)} to ${grouped(lim.max)}${unit}`);
      return INVALID;
    }
    return n;
  }
  if (lim.above ? !(n > lim.min) || n > lim.max : n < lim.min || n > lim.max) {
    const range = lim.above ? `above ${grouped(lim.min)} and at most ${grouped(lim.max)}` : `between ${grouped(lim.min)} and ${grouped(lim.max)}`;
    p.about(loc, "range", `(${typed(value)}) must be ${range}${unit}${lim.decimal ? " (a decimal: 0.6 = 60%)" : ""}`);
    return INVALID;
  }
  return n;
}

/** Money: exact decimal text; whole cents unless a price a share; 0 to MAX_DOLLARS. */
function readMoney(p: Problems, def: TermsFieldDef, value: unknown, loc: Loc): Amount | Invalid {
  const read = readNumber(p, loc, value, def.unit === "dollars a share" ? "0.001" : "185150.00");
  if (read === INVALID) return INVALID;
  const d = new Decimal(read.text);
  if (d.isNegative() && !d.isZero()) {
    p.about(loc, "range", `(${typed(value)}) must be at least 0 ${def.unit ?? "dollars"}`);
    return INVALID;
  }
  if (d.greaterThan(MAX_DOLLARS)) {
    p.about(loc, "range", `(${typed(value)}) must be at most ${grouped(MAX_DOLLARS)} dollars`);
    return INVALID;
  }
  if (def.unit !== "dollars a share" && d.decimalPlaces() > 2) {
    p.about(loc, "number-format", `(${typed(value)}) must be in whole cents, like 185150 or 7714.58`);
    return INVALID;
  }
  return { text: read.text, n: read.n };
}

function allowedKeys(fields: readonly TermsFieldDef[]): string {
  return fields.map((f) => f.key).join(", ");
}

/** An object: its keys read by `fields`; unknown keys and missing required ones reported. */
function readObject(p: Problems, fields: readonly TermsFieldDef[], value: unknown, loc: Loc, def?: TermsFieldDef): Node | Invalid {
  if (!isPlainObject(value)) {
    if (loc === ROOT) p.add(loc, "not-an-object", `TERMS.json must be a JSON object {"executive": ..., "company": ..., ...}, not ${typed(value)}`);
    else p.about(loc, "type", `(${typed(value)}) must be an object with the keys ${allowedKeys(fields)}${def ? ` (${def.hint})` : ""}`);
    return INVALID;
  }
  const node: Node = { loc, raw: value, v: {} };
  for (const key of Object.keys(value)) {
    if (key.startsWith("_") || fields.some((f) => f.key === key)) continue;
    const where = loc === ROOT ? "TERMS.json" : loc.name;
    p.about(childLoc(loc, key), "unknown-field", `(${typed(value[key])}) is not a field of ${where}: the fields are ${allowedKeys(fields)} (keys starting with "_" are comments)`);
  }
  for (const f of fields) {
    const at = childLoc(loc, f.key);
    const read = readValue(p, f, value[f.key], at);
    if (read === undefined) {
      if (f.required) p.about(at, "required", `is required (${f.hint})`);
    } else {
      node.v[f.key] = read;
    }
  }
  return node;
}

/** A list of objects, each read by the list's fields; an item with an id is named with it. */
function readList(p: Problems, def: TermsFieldDef, value: unknown, loc: Loc): (Node | Invalid)[] | Invalid {
  const fields = def.fields ?? [];
  if (!Array.isArray(value)) {
    p.about(loc, "type", `(${typed(value)}) must be a list [...] of objects with the keys ${allowedKeys(fields)}`);
    return INVALID;
  }
  const hasId = fields.some((f) => f.key === "id");
  return value.map((item, i) => {
    const id = hasId && isPlainObject(item) && typeof item.id === "string" && item.id.trim() !== "" ? item.id.trim() : undefined;
    return readObject(p, fields, item, itemLoc(loc, i, id), def);
  });
}

// ------------------------------------------------------------------------------------------------
// Reading a node's values
// ------------------------------------------------------------------------------------------------

/** A key's value as read, or undefined when blank or unreadable. */
function val<T>(n: Node, key: string): T | undefined {
  const v = n.v[key];
  return v === INVALID ? undefined : (v as T | undefined);
}

/** The key was given (readable or not). */
function given(n: Node, key: string): boolean {
  return key in n.v;
}

function at(n: Node, key: string): Loc {
  return childLoc(n.loc, key);
}

function rawOf(n: Node, key: string): string {
  return typed(n.raw[key]);
}

function obj(n: Node, key: string): Node | undefined {
  return val<Node>(n, key);
}

function items(n: Node, key: string): Node[] {
  const list = val<(Node | Invalid)[]>(n, key) ?? [];
  return list.filter((x): x is Node => x !== INVALID);
}

/** The whole list is readable (no unreadable item, or none given). */
function allRead(n: Node, key: string): boolean {
  const list = n.v[key];
  return list === undefined || (list !== INVALID && !(list as unknown[]).includes(INVALID));
}

const iso = serialToIso;

/** `later` must not precede `earlier`: a date-order problem at `later` naming both. */
function notBefore(p: Problems, later: { loc: Loc; date: number | undefined }, earlier: { loc: Loc; date: number | undefined }, why = ""): void {
  if (later.date === undefined || earlier.date === undefined || later.date >= earlier.date) return;
  p.about(later.loc, "date-order", `(${iso(later.date)}) must not precede ${earlier.loc.name} (${iso(earlier.date)})${why}`);
}

/** `earlier` must not follow `later`: a date-order problem at `earlier` naming both. */
function notAfter(p: Problems, earlier: { loc: Loc; date: number | undefined }, later: { loc: Loc; date: number | undefined }, why = ""): void {
  if (earlier.date === undefined || later.date === undefined || earlier.date <= later.date) return;
  p.about(earlier.loc, "date-order", `(${iso(earlier.date)}) must not follow ${later.loc.name} (${iso(later.date)})${why}`);
}

/** A written date the payroll calendar moves paydays by must lie within the calendar's range. */
function inCalendar(p: Problems, loc: Loc, date: number | undefined, code: CalendarCode): void {
  if (date === undefined) return;
  const calendar = calendarFor(code);
  if (calendar.inRange(date)) return;
  p.add(
    loc,
    "range",
    `${loc.name} (${iso(date)}) is outside the ${code} calendar's range, ${iso(calendar.first)} to ${iso(calendar.last)}: ` +
      `paydays are moved to business days by terms.calendar${code === "WEEKENDS" ? "" : ' (use "WEEKENDS" for other years)'}`,
  );
}

// ------------------------------------------------------------------------------------------------
// The rules between fields, and the typed terms
// ------------------------------------------------------------------------------------------------

interface ReleaseRead {
  terms: ReleaseTerms;
  effectiveDate?: number;
}

function readRelease(p: Problems, r: Node): ReleaseRead | undefined {
  const signedDate = val<number>(r, "signedDate");
  const deliveredDate = val<number>(r, "deliveredDate");
  const considerationDays = val<number>(r, "considerationDays") ?? SEPARATION_CONVENTIONS.considerationDays;
  const revocationDays = val<number>(r, "revocationDays") ?? SEPARATION_CONVENTIONS.revocationDays;
  const effectiveRule = val<EffectiveRule>(r, "effectiveRule") ?? SEPARATION_CONVENTIONS.effectiveRule;
  const unreadable = ["signedDate", "deliveredDate", "considerationDays", "revocationDays", "effectiveRule"].some((k) => r.v[k] === INVALID);
  if (signedDate === undefined || unreadable) return undefined;
  const terms: ReleaseTerms = { signedDate, considerationDays, revocationDays, effectiveRule };
  if (deliveredDate !== undefined) terms.deliveredDate = deliveredDate;
  try {
    const dates = releaseDates(signedDate, deliveredDate, considerationDays, revocationDays, effectiveRule);
    return { terms, effectiveDate: dates.effectiveDate };
  } catch (error) {
    if (!(error instanceof CalcError)) throw error;
    const signed = at(r, "signedDate");
    const delivered = at(r, "deliveredDate");
    const v = error.values;
    switch (error.key) {
      case "mustNotPrecede":
        p.about(signed, "date-order", `(${iso(signedDate)}) must not precede ${delivered.name} (${iso(deliveredDate as number)}): a release is signed after it is delivered`);
        break;
      case "signedAfterConsideration":
        p.add(
          signed,
          "date-order",
          `${signed.name} (${iso(signedDate)}) is after the last day to consider the release, ${String(v.deadline)} ` +
            `(${delivered.name} ${iso(deliveredDate as number)} + ${at(r, "considerationDays").name} ${considerationDays}): it was signed after its consideration period ended`,
        );
        break;
      case "periodPastLastDate": {
        const days = error.field === "consideration_days" ? "considerationDays" : "revocationDays";
        const from = error.field === "consideration_days" ? delivered : signed;
        p.about(at(r, days), "range", `(${String(v.value)}) after ${from.name} (${String(v.from)}) ends after 9999-12-31`);
        break;
      }
      default:
        p.about(r.loc, "range", `: ${error.message}`);
    }
    return { terms };
  }
}

function eventsUsed(ref: DateRef | undefined): DateEvent | undefined {
  return ref && "event" in ref ? ref.event : undefined;
}

/** A condition's typed value; an empty anyOf is reported. */
function readCondition(p: Problems, c: Node): PaymentCondition {
  const condition: PaymentCondition = {};
  const employedThrough = val<number>(c, "employedThrough");
  const before = val<number>(c, "terminatedWithoutCauseBefore");
  const notForCause = val<boolean>(c, "notForCause");
  if (employedThrough !== undefined) condition.employedThrough = employedThrough;
  if (before !== undefined) condition.terminatedWithoutCauseBefore = before;
  if (notForCause !== undefined) condition.notForCause = notForCause;
  if (given(c, "anyOf") && c.v.anyOf !== INVALID) {
    const list = c.v.anyOf as (Node | Invalid)[];
    if (list.length === 0) p.about(at(c, "anyOf"), "range", `([]) must list at least one condition`);
    condition.anyOf = items(c, "anyOf").map((a) => readCondition(p, a));
  }
  return condition;
}

/** Which payment kinds each kind-specific field belongs to. */
const PAYMENT_FIELD_KINDS: Readonly<Record<string, readonly PaymentProgramKind[]>> = {
  amount: ["lump-sum"],
  total: ["installments"],
  date: ["lump-sum", "salary-balance"],
  startDate: ["installments"],
  endDate: ["installments"],
  frequency: ["installments"],
  through: ["salary-balance"],
};

/** Fields only one kind of award takes. */
const AWARD_FIELD_KINDS: Readonly<Record<string, AwardKind>> = {
  exercisePrice: "option",
  expirationDate: "option",
  postTerminationMonths: "option",
  incentiveStockOption: "option",
  purchasePrice: "restricted-stock",
};

/** Fields each kind of award requires. */
const AWARD_REQUIRED: Readonly<Record<AwardKind, readonly string[]>> = {
  option: ["exercisePrice", "expirationDate", "postTerminationMonths"],
  "restricted-stock": [],
};

function hintOf(n: Node, key: string): string {
  const def = fieldDefAt(n.loc.path, key);
  return def ? def.hint : "";
}

function fieldDefAt(path: string, key: string): TermsFieldDef | undefined {
  let fields: readonly TermsFieldDef[] | undefined = SEPARATION_SCHEMA;
  const parts = path === "" ? [] : path.replace(/\[\d+\]/g, "").split(".");
  for (const part of parts) fields = fields?.find((f) => f.key === part)?.fields;
  return fields?.find((f) => f.key === key);
}

/** Reports duplicate ids of a list's items (the second and later), naming the first. */
function uniqueIds(p: Problems, list: Node[], noun: string): void {
  const first = new Map<string, Node>();
  for (const item of list) {
    const id = val<string>(item, "id");
    if (id === undefined) continue;
    const seen = first.get(id);
    if (seen) p.about(at(item, "id"), "duplicate", `(${rawOf(item, "id")}) is also the id of ${seen.loc.name}: ${noun} ids must be unique`);
    else first.set(id, item);
  }
}

/** Where employment.endDate is, for rules that compare other dates with it. */
const EMPLOYMENT_END: Loc = childLoc(childLoc(ROOT, "employment"), "endDate");

/**
 * The modification keys that make an award need valuing (and so a market): an option's vested
 * shares, continued vesting or exercise window; restricted stock's vested shares or continued
 * vesting. A cancellation or a repurchase alone needs no market.
 */
function keysNeedingValue(n: Node): string[] {
  const kind = val<AwardKind>(n, "kind");
  const m = obj(n, "modification");
  if (!kind || !m) return [];
  const keys = kind === "option" ? ["vestedShares", "continueVestingWhileConsulting", "exerciseWindow"] : ["vestedShares", "continueVestingWhileConsulting"];
  return keys.filter((k) => given(m, k) && (k !== "continueVestingWhileConsulting" || val<boolean>(m, k) !== false));
}

interface Context {
  employmentEnd?: number;
  hasSalary: boolean;
  hasSupplementalRelease: boolean;
  hasServiceEnd: boolean;
}

function readPayment(p: Problems, n: Node, ctx: Context): PaymentProgram | undefined {
  const kind = val<PaymentProgramKind>(n, "kind");
  if (kind !== undefined) {
    for (const [key, kinds] of Object.entries(PAYMENT_FIELD_KINDS)) {
      if (given(n, key) && !kinds.includes(kind)) {
        p.about(at(n, key), "not-allowed", `(${rawOf(n, key)}) is not a field of ${article(kind)} "${kind}" payment: ${key} is for ${listed(kinds)} only`);
      } else if (!given(n, key) && kinds.includes(kind) && key !== "frequency") {
        p.about(at(n, key), "required", `is required when kind is "${kind}" (${hintOf(n, key)})`);
      }
    }
    if (kind === "salary-balance" && !ctx.hasSalary) {
      p.about(at(n, "kind"), "required", `("salary-balance") needs terms.salary: the balance is figured from terms.salary.annualSalary`);
    }
  }
  for (const key of ["date", "startDate", "endDate"]) {
    if (eventsUsed(val<DateRef>(n, key)) === "supplementalReleaseEffective" && !ctx.hasSupplementalRelease) {
      p.about(at(n, key), "required", `(${rawOf(n, key)}) needs terms.supplementalRelease: there is no supplemental release to take effect`);
    }
  }
  const start = val<DateRef>(n, "startDate");
  const end = val<DateRef>(n, "endDate");
  if (start && end && "date" in start && "date" in end) notBefore(p, { loc: at(n, "endDate"), date: end.date }, { loc: at(n, "startDate"), date: start.date });
  const condition = obj(n, "condition");
  const program: Partial<PaymentProgram> = {
    id: val<string>(n, "id"),
    kind,
    description: val<string>(n, "description"),
  };
  const amount = val<Amount>(n, "amount");
  const total = val<Amount>(n, "total");
  if (amount) program.amount = amount.text;
  if (total) program.total = total.text;
  for (const key of ["date", "startDate", "endDate"] as const) {
    const ref = val<DateRef>(n, key);
    if (ref) program[key] = ref;
  }
  const frequency = val<PayFrequency>(n, "frequency");
  if (frequency) program.frequency = frequency;
  const through = val<number>(n, "through");
  if (through !== undefined) program.through = through;
  if (condition) program.condition = readCondition(p, condition);
  return program as PaymentProgram;
}

function readAward(p: Problems, n: Node, ctx: Context): AwardTerms {
  const kind = val<AwardKind>(n, "kind");
  const shares = val<number>(n, "shares");
  if (kind !== undefined) {
    for (const [key, only] of Object.entries(AWARD_FIELD_KINDS)) {
      // a stated "not an ISO" on restricted stock says nothing wrong: only `true` is refused
      const stated = key === "incentiveStockOption" ? val<boolean>(n, key) === true : given(n, key);
      if (stated && only !== kind) p.about(at(n, key), "not-allowed", `(${rawOf(n, key)}) is not a field of ${article(kind)} "${kind}" award: ${key} is for "${only}" awards only`);
    }
    for (const key of AWARD_REQUIRED[kind]) {
      if (!given(n, key)) p.about(at(n, key), "required", `is required when kind is "${kind}" (${hintOf(n, key)})`);
    }
  }
  const grantDate = val<number>(n, "grantDate");
  const expirationDate = val<number>(n, "expirationDate");
  notBefore(p, { loc: at(n, "expirationDate"), date: expirationDate }, { loc: at(n, "grantDate"), date: grantDate });
  notAfter(p, { loc: at(n, "grantDate"), date: grantDate }, { loc: EMPLOYMENT_END, date: ctx.employmentEnd }, ": the awards are those held when employment ends");

  const v = obj(n, "vesting");
  let vesting: VestingTerms | undefined;
  if (v) {
    const vestingMonths = val<number>(v, "vestingMonths");
    const cliffMonths = val<number>(v, "cliffMonths");
    if (vestingMonths !== undefined && cliffMonths !== undefined && cliffMonths > vestingMonths) {
      p.about(at(v, "cliffMonths"), "range", `(${rawOf(v, "cliffMonths")}) must be a whole number from 0 to ${at(v, "vestingMonths").name} (${vestingMonths})`);
    }
    vesting = {
      vestingMonths: vestingMonths as number,
      cliffMonths: cliffMonths as number,
      upfrontFraction: val<number>(v, "upfrontFraction") as number,
      intervalMonths: val<number>(v, "intervalMonths") as number,
    };
  }

  const award: Partial<AwardTerms> = {
    id: val<string>(n, "id"),
    kind,
  };
  const plan = val<string>(n, "plan");
  if (plan !== undefined) award.plan = plan;
  award.incentiveStockOption = val<boolean>(n, "incentiveStockOption") ?? SEPARATION_CONVENTIONS.incentiveStockOption;
  award.grantDate = grantDate;
  award.shares = shares;
  const exercisePrice = val<number>(n, "exercisePrice");
  if (exercisePrice !== undefined) award.exercisePrice = exercisePrice;
  const purchasePrice = val<Amount>(n, "purchasePrice");
  if (purchasePrice !== undefined) award.purchasePrice = purchasePrice.text;
  award.vestingStart = val<number>(n, "vestingStart") ?? grantDate;
  award.vesting = vesting;
  if (expirationDate !== undefined) award.expirationDate = expirationDate;
  award.postTerminationMonths = val<number>(n, "postTerminationMonths") ?? 0;

  const m = obj(n, "modification");
  if (m) award.modification = readModification(p, m, kind, shares, ctx);
  return award as AwardTerms;
}

function readModification(p: Problems, m: Node, kind: AwardKind | undefined, shares: number | undefined, ctx: Context): AwardModification {
  const modification: AwardModification = {};
  const cancel = val<boolean>(m, "cancel");
  if (cancel === true) {
    for (const key of Object.keys(m.v)) {
      if (key !== "cancel") p.about(at(m, key), "not-allowed", `(${rawOf(m, key)}) cannot be given with ${at(m, "cancel").name} (true): the whole award is cancelled`);
    }
  }
  const vestedShares = val<number>(m, "vestedShares");
  if (vestedShares !== undefined && shares !== undefined && vestedShares > shares) {
    p.about(at(m, "vestedShares"), "range", `(${rawOf(m, "vestedShares")}) must be at most the award's shares (${shares})`);
  }
  const keepVesting = val<boolean>(m, "continueVestingWhileConsulting");
  if (keepVesting === true && !ctx.hasServiceEnd) {
    p.add(
      at(m, "continueVestingWhileConsulting"),
      "required",
      `${at(m, "continueVestingWhileConsulting").name} (true) needs terms.consulting or terms.serviceEndDate: without them service ends with employment`,
    );
  }
  if (keepVesting === true && given(m, "vestedShares")) {
    p.add(
      at(m, "continueVestingWhileConsulting"),
      "not-allowed",
      `${at(m, "continueVestingWhileConsulting").name} (true) cannot be given with ${at(m, "vestedShares").name} (${rawOf(m, "vestedShares")}): the award vests either as to a stated number of shares or on its schedule through the service end`,
    );
  }
  if (given(m, "exerciseWindow") && kind === "restricted-stock") {
    p.about(at(m, "exerciseWindow"), "not-allowed", `(${rawOf(m, "exerciseWindow")}) is for "option" awards only, not "restricted-stock"`);
  }
  if (given(m, "repurchaseUnvested") && kind === "option") {
    p.about(at(m, "repurchaseUnvested"), "not-allowed", `(${rawOf(m, "repurchaseUnvested")}) is for "restricted-stock" awards only, not "option"`);
  }
  if (vestedShares !== undefined) modification.vestedShares = vestedShares;
  if (keepVesting !== undefined) modification.continueVestingWhileConsulting = keepVesting;
  if (cancel !== undefined) modification.cancel = cancel;
  const window = obj(m, "exerciseWindow");
  if (window) {
    notBefore(
      p,
      { loc: at(window, "outsideDate"), date: val<number>(window, "outsideDate") },
      { loc: EMPLOYMENT_END, date: ctx.employmentEnd },
      ": the window the agreement sets is for exercising after employment ends",
    );
    modification.exerciseWindow = { outsideDate: val<number>(window, "outsideDate") as number, monthsAfterServiceEnds: val<number>(window, "monthsAfterServiceEnds") as number };
  }
  const repurchase = obj(m, "repurchaseUnvested");
  if (repurchase) {
    const date = val<number>(repurchase, "date");
    notBefore(p, { loc: at(repurchase, "date"), date }, { loc: EMPLOYMENT_END, date: ctx.employmentEnd }, ": unvested shares are repurchased once employment has ended");
    modification.repurchaseUnvested = { price: val<Amount>(repurchase, "price")?.text as string, date: date as number };
  }
  return modification;
}

function readConsulting(p: Problems, c: Node): ConsultingTerms {
  const startDate = val<number>(c, "startDate");
  const endDate = val<number>(c, "endDate");
  notBefore(p, { loc: at(c, "endDate"), date: endDate }, { loc: at(c, "startDate"), date: startDate });
  const firstMonth = startDate !== undefined ? monthOf(startDate) : undefined;
  const lastMonth = endDate !== undefined ? monthOf(endDate) : undefined;
  const seen = new Map<number, Node>();
  const hoursLog: ConsultingMonth[] = items(c, "hoursLog").map((h) => {
    const month = val<number>(h, "month");
    const hours = val<number>(h, "hours");
    const invoiceDate = val<number>(h, "invoiceDate");
    if (month !== undefined) {
      if (firstMonth !== undefined && lastMonth !== undefined && endDate !== undefined && startDate !== undefined && startDate <= endDate && (month < firstMonth || month > lastMonth)) {
        p.add(
          at(h, "month"),
          "date-order",
          `${at(h, "month").name} (${rawOf(h, "month")}) is outside the consulting period, ${at(c, "startDate").name} (${iso(startDate)}) to ${at(c, "endDate").name} (${iso(endDate)})`,
        );
      }
      const first = seen.get(month);
      if (first) p.about(at(h, "month"), "duplicate", `(${rawOf(h, "month")}) is also the month of ${first.loc.name}: one entry a month`);
      else seen.set(month, h);
      notBefore(p, { loc: at(h, "invoiceDate"), date: invoiceDate }, { loc: at(h, "month"), date: month }, ": an invoice is received once the month has begun");
    }
    const entry: ConsultingMonth = { month: month as number, hours: hours as number };
    if (invoiceDate !== undefined) entry.invoiceDate = invoiceDate;
    return entry;
  });
  return {
    startDate: startDate as number,
    endDate: endDate as number,
    includedHours: val<number>(c, "includedHours") as number,
    hourlyRate: val<Amount>(c, "hourlyRate")?.n as number,
    invoicePaymentDays: val<number>(c, "invoicePaymentDays") as number,
    hoursLog,
  };
}

function monthOf(serial: number): number {
  const { year, month } = serialToYmd(serial);
  return ymdToSerial(year, month, 1);
}

/**
 * Where a path falls in the schema's order: each key's index among its object's fields (an unknown
 * key after them) and each list index, for sorting the problems as the fields are listed.
 */
function schemaOrder(path: string): number[] {
  const order: number[] = [];
  let fields: readonly TermsFieldDef[] | undefined = SEPARATION_SCHEMA;
  for (const part of path === "" ? [] : path.split(".")) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    const key = m ? m[1] : part;
    const index: number = fields ? fields.findIndex((f) => f.key === key) : -1;
    order.push(index < 0 ? Number.MAX_SAFE_INTEGER : index);
    for (const i of (m?.[2] ?? "").match(/\d+/g) ?? []) order.push(Number(i));
    fields = index < 0 || !fields ? undefined : fields[index].fields;
  }
  return order;
}

function compareOrder(a: number[], b: number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k] - b[k];
  return a.length - b.length;
}

/**
 * Checks TERMS.json's value (parsed JSON, or an object the pane builds) and reads it into typed
 * terms. Never throws for bad input: `terms` is given only when there is no problem; the problems
 * come in the order the schema lists their fields (a list's items in order).
 */
export function checkSeparationTerms(input: unknown): { terms?: SeparationTerms; errors: SeparationFieldError[] } {
  const p = new Problems();
  const top = readObject(p, SEPARATION_SCHEMA, input, ROOT);
  if (top === INVALID) return { errors: p.list };

  // --- agreement, releases, employment, service ------------------------------------------------
  const agreement = obj(top, "agreement");
  const employment = obj(top, "employment");
  const employmentEnd = employment ? val<number>(employment, "endDate") : undefined;
  const releaseNode = obj(top, "release");
  const release = releaseNode ? readRelease(p, releaseNode) : undefined;
  const supplementalNode = obj(top, "supplementalRelease");
  const supplemental = supplementalNode ? readRelease(p, supplementalNode) : undefined;
  const effectiveDate = agreement ? val<number>(agreement, "effectiveDate") : undefined;
  if (agreement && releaseNode && effectiveDate !== undefined && release?.effectiveDate !== undefined && effectiveDate !== release.effectiveDate) {
    const r = release.terms;
    p.add(
      at(agreement, "effectiveDate"),
      "mismatch",
      `${at(agreement, "effectiveDate").name} (${iso(effectiveDate)}) must equal the release's effective date, ${iso(release.effectiveDate)} ` +
        `(${at(releaseNode, "signedDate").name} ${iso(r.signedDate)} + ${at(releaseNode, "revocationDays").name} ${r.revocationDays}, ` +
        `${at(releaseNode, "effectiveRule").name} "${r.effectiveRule}": ${r.effectiveRule === "on" ? "the revocation period's last day" : "the day after the revocation period"})`,
    );
  }
  const serviceEndDate = val<number>(top, "serviceEndDate");
  if (employment) notBefore(p, { loc: at(top, "serviceEndDate"), date: serviceEndDate }, { loc: at(employment, "endDate"), date: employmentEnd });

  // --- salary, payments ------------------------------------------------------------------------
  const salaryNode = obj(top, "salary");
  let salary: SalaryTerms | undefined;
  if (salaryNode) {
    const startDate = val<number>(salaryNode, "startDate");
    const endDate = val<number>(salaryNode, "endDate");
    notBefore(p, { loc: at(salaryNode, "endDate"), date: endDate }, { loc: at(salaryNode, "startDate"), date: startDate });
    salary = { annualSalary: val<Amount>(salaryNode, "annualSalary")?.n as number, startDate: startDate as number, endDate: endDate as number };
    const frequency = val<PayFrequency>(salaryNode, "frequency");
    if (frequency) salary.frequency = frequency;
  }
  const consultingNode = obj(top, "consulting");
  const ctx: Context = {
    employmentEnd,
    hasSalary: given(top, "salary"),
    hasSupplementalRelease: given(top, "supplementalRelease"),
    hasServiceEnd: given(top, "consulting") || given(top, "serviceEndDate"),
  };
  const paymentNodes = items(top, "payments");
  uniqueIds(p, paymentNodes, "payment");
  const payments = paymentNodes.map((n) => readPayment(p, n, ctx));

  // --- consulting, benefits --------------------------------------------------------------------
  const consulting = consultingNode ? readConsulting(p, consultingNode) : undefined;
  if (consultingNode && employment) {
    notBefore(p, { loc: at(consultingNode, "endDate"), date: consulting?.endDate }, { loc: at(employment, "endDate"), date: employmentEnd }, ": consulting follows employment");
  }
  const benefits: BenefitTerms[] = items(top, "benefits").map((b) => {
    const benefit: BenefitTerms = { description: val<string>(b, "description") as string, startDate: val<number>(b, "startDate") as number, months: val<number>(b, "months") as number };
    const cost = val<Amount>(b, "monthlyCost");
    if (cost) benefit.monthlyCost = cost.text;
    return benefit;
  });

  // --- awards and the market -------------------------------------------------------------------
  const awardNodes = items(top, "awards");
  uniqueIds(p, awardNodes, "award");
  const awards = awardNodes.map((n) => readAward(p, n, ctx));
  const valued = awardNodes.find((n) => keysNeedingValue(n).length > 0);
  if (valued && !given(top, "market")) {
    const def = fieldDefAt("", "market") as TermsFieldDef;
    const keys = keysNeedingValue(valued).map((k) => at(obj(valued, "modification") as Node, k).name);
    p.about(at(top, "market"), "required", `is required (${def.hint}): ${valued.loc.name} needs valuing (${keys.join(", ")})`);
  }
  const marketNode = obj(top, "market");
  let market: ModificationMarket | undefined;
  if (marketNode) {
    const modificationDate = val<number>(marketNode, "modificationDate");
    for (const award of awardNodes.filter((n) => given(n, "modification"))) {
      notBefore(
        p,
        { loc: at(marketNode, "modificationDate"), date: modificationDate },
        { loc: at(award, "grantDate"), date: val<number>(award, "grantDate") },
        ": an award is modified after it is granted",
      );
    }
    market = {
      modificationDate: val<number>(marketNode, "modificationDate") as number,
      stockPrice: val<number>(marketNode, "stockPrice") as number,
      volatility: val<number>(marketNode, "volatility") as number,
      riskFreeRate: val<number>(marketNode, "riskFreeRate") as number,
      dividendYield: val<number>(marketNode, "dividendYield") ?? SEPARATION_CONVENTIONS.dividendYield,
    };
  }

  const scenarios: SeparationScenario[] = items(top, "scenarios").map((s) => {
    const scenario: SeparationScenario = {
      name: val<string>(s, "name") as string,
      employmentEndDate: val<number>(s, "employmentEndDate") as number,
      terminationReason: val<TerminationReason>(s, "terminationReason") as TerminationReason,
    };
    const serviceEnd = val<number>(s, "serviceEndDate");
    notBefore(p, { loc: at(s, "serviceEndDate"), date: serviceEnd }, { loc: at(s, "employmentEndDate"), date: scenario.employmentEndDate });
    if (serviceEnd !== undefined) scenario.serviceEndDate = serviceEnd;
    return scenario;
  });

  // --- dates the payroll calendar moves --------------------------------------------------------
  const calendar = val<CalendarCode>(top, "calendar") ?? SEPARATION_CONVENTIONS.calendar;
  if (salaryNode) for (const key of ["startDate", "endDate"]) inCalendar(p, at(salaryNode, key), val<number>(salaryNode, key), calendar);
  for (const n of paymentNodes) {
    if (val<PaymentProgramKind>(n, "kind") !== "installments") continue;
    for (const key of ["startDate", "endDate"]) {
      const ref = val<DateRef>(n, key);
      if (ref && "date" in ref) inCalendar(p, at(n, key), ref.date, calendar);
    }
  }

  if (p.list.length > 0) {
    const keyed = p.list.map((e, i) => ({ e, i, order: schemaOrder(e.path) }));
    keyed.sort((a, b) => compareOrder(a.order, b.order) || a.i - b.i);
    return { errors: keyed.map((k) => k.e) };
  }
  if (!agreement || !employment || !["payments", "benefits", "awards", "scenarios"].every((k) => allRead(top, k))) {
    return { errors: p.list };
  }
  const terms: SeparationTerms = {
    executive: val<string>(top, "executive") as string,
    company: val<string>(top, "company") as string,
    agreementName: val<string>(agreement, "name") as string,
    agreementDate: val<number>(agreement, "date") as number,
    employmentEndDate: employmentEnd as number,
    terminationReason: val<TerminationReason>(employment, "terminationReason") as TerminationReason,
    calendar,
    payFrequency: val<PayFrequency>(top, "payFrequency") ?? SEPARATION_CONVENTIONS.payFrequency,
    payments: payments as PaymentProgram[],
    benefits,
    awards,
    scenarios,
  };
  if (effectiveDate !== undefined) terms.agreementEffectiveDate = effectiveDate;
  if (release) terms.release = release.terms;
  if (supplemental) terms.supplementalRelease = supplemental.terms;
  if (serviceEndDate !== undefined) terms.serviceEndDate = serviceEndDate;
  if (salary) terms.salary = salary;
  if (consulting) terms.consulting = consulting;
  if (market) terms.market = market;
  return { terms, errors: [] };
}

/**
 * The typed terms of a TERMS.json value.
 * @throws SeparationTermsError `#VALUE!` listing every problem, separated by "; "
 */
export function readSeparationTerms(input: unknown): SeparationTerms {
  const { terms, errors } = checkSeparationTerms(input);
  if (!terms) throw new SeparationTermsError(errors);
  return terms;
}

/**
 * Parses TERMS.json text (a byte order mark skipped; a syntax error or a key given twice refused
 * with its line and column, as OFFER.json's reader does).
 * @throws SeparationTermsError `#VALUE!` "TERMS.json line 3, column 18: expected "," or "}" after a value, found "\"""
 */
export function readSeparationJson(text: string, name = "TERMS.json"): unknown {
  return parseJsonText(text, name, (message) => new SeparationTermsError([{ path: "", code: "json-syntax", message, reason: message }]));
}

