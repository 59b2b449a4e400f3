/**
 * An exchange offer's terms and valuation assumptions, and reading them from JSON (OFFER.json) or
 * from the pane's form.
 *
 * Nothing of one offer comes from another: every field that describes this offer or this market is
 * required; only conventions have defaults (dividend yield 0, fee rounding "cent", term basis
 * "remaining", fees previously paid 0, fee rate = the SEC rate on the filing date). A reader reports
 * every problem of an offer at once, each naming the field as written (`offer.feeRatePerMillion`)
 * and the value as given.
 *
 * Values:
 * - numbers: a JSON number (finite), or text in plain decimal notation: an optional sign, digits and
 *   an optional fraction ("1.27", "-0.5", ".5"), spaces around it ignored. No exponent, hex,
 *   thousands separators, currency or percent signs: "0x50", "1e3", "1,000", "$1.27" and "90%" are
 *   errors, never read as something else.
 * - dates: text `YYYY-MM-DD` (a number is an error: 2003 is not a date).
 * - text fields: text; lists: a JSON list of text or one text of comma-separated items.
 * - `null` or "" is the same as leaving the field out; keys starting with "_" are comments.
 * - units: volatility, rates and yields are decimals (0.9 = 90%): a volatility above 5 or a rate or
 *   yield outside [-1, 1] is an error; a fee rate below 1 per $1,000,000 is an error (it looks like a
 *   rate per dollar).
 * - dates in order: valuation <= filing, valuation <= expiration, commencement <= expiration <=
 *   cancellation (a filing may come after expiry: the final amendment is filed then).
 */
import Decimal from "decimal.js";
import { ParseErrorCode, printParseErrorCode, visit } from "jsonc-parser";
import { calcError, CalcError, ErrorCode } from "../errors";
import { isoToSerial, serialToIso, serialToYmd } from "../dates/serial";
import { FeeRounding } from "../fees/filingFee";
import { feeRatePeriodOn, fiscalYearOf } from "../fees/feeRates";
import { normalizeCountry, normalizeHolderClass } from "../ledger/values";
import { OFFER_FIELD_NAMES, OFFER_SCHEMA, OfferFieldName, REQUIRED_OFFER_FIELDS } from "./schema";

/** "remaining": (expiration - valuation date) / 365; "simplified": SAB 107 on the new-option schedule. */
export type TermBasis = "remaining" | "simplified";

/** Terms of the offer (dates are Excel serials; rates and volatility decimals). */
export interface OfferTerms {
  issuerName: string;
  valuationDate: number;
  /** Stock price on the valuation date, $ per share. */
  stockPrice: number;
  volatility: number;
  riskFreeRate: number;
  dividendYield: number;
  /** Exercise prices at or above this are eligible ($). */
  exercisePriceThreshold: number;
  /** Lower-case holder classes, e.g. ["employee"]. */
  eligibleHolderClasses: string[];
  /** Country codes as normalized ("US" for USA / United States). */
  eligibleCountries: string[];
  commencementDate: number;
  expirationDate: number;
  cancellationDate: number;
  filingDate: number;
  /** Dollars per $1,000,000 as a decimal string; undefined = look up FEE_RATE(filingDate). */
  feeRatePerMillion?: string;
  feeRounding: FeeRounding;
  termBasis: TermBasis;
  /** Common shares outstanding (for "eligible shares as % of common stock"); undefined = not shown. */
  sharesOutstanding?: number;
  /** Fees already paid for this offer, dollars as a decimal string. */
  feesPreviouslyPaid: string;
}

export { OFFER_FIELD_NAMES, REQUIRED_OFFER_FIELDS } from "./schema";
export type { OfferFieldName } from "./schema";

/** The conventions a blank falls back to (the fee rate's is FEE_RATE(filingDate); sharesOutstanding's is "not shown"). */
export const OFFER_CONVENTIONS = {
  dividendYield: 0,
  feeRounding: "cent" as FeeRounding,
  termBasis: "remaining" as TermBasis,
  feesPreviouslyPaid: "0",
} as const;

/** What a message is about; stable, for programs (the pane rewords "required" with its labels). */
export type OfferErrorCode =
  | "json-syntax"
  | "not-an-object"
  | "unknown-field"
  | "required"
  | "type"
  | "number-format"
  | "date-format"
  | "range"
  | "unit"
  | "date-order"
  | "fee-rate-unknown";

/** One problem of an offer. */
export interface OfferFieldError {
  /** The field at fault (OFFER.json's name), or "" for the offer as a whole. */
  field: string;
  /** Every field the message names (both dates of a date-order error); empty for the whole offer. */
  fields: string[];
  code: OfferErrorCode;
  /** Names the field as `offer.<field>` and the value as given. */
  message: string;
}

/** All the problems of an offer; the message lists them, separated by "; ". */
export class OfferTermsError extends CalcError {
  readonly errors: readonly OfferFieldError[];
  constructor(errors: readonly OfferFieldError[], code: ErrorCode = "#VALUE!") {
    super(code, errors.map((e) => e.message).join("; "), { key: "offerInvalid", values: { errors } });
    this.name = "OfferTermsError";
    this.errors = errors;
  }
}

const HINTS = Object.fromEntries(OFFER_SCHEMA.map((f) => [f.name, f.hint])) as Record<OfferFieldName, string>;

function field(name: string): string {
  return `offer.${name}`;
}

/** A value as given, for a message: text quoted, lists and objects as JSON. */
export function shown(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === undefined) return "blank";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Plain decimal notation: optional sign, digits, optional fraction. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Collects the problems of one reading. */
class Problems {
  readonly list: OfferFieldError[] = [];
  add(name: string, code: OfferErrorCode, message: string, fields: string[] = name ? [name] : []): undefined {
    this.list.push({ field: name, fields, code, message });
    return undefined;
  }
}

// --- formats: what a value given as JSON or text is -----------------------------------------------

/** A number, as a JSON number or decimal text; its exact decimal text alongside. */
function readDecimal(p: Problems, name: string, value: unknown): { n: number; text: string } | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return p.add(name, "number-format", `${field(name)} (${shown(value)}) must be a finite number`);
    return { n: value, text: new Decimal(value).toFixed() };
  }
  if (typeof value === "string") {
    const t = value.trim();
    if (!DECIMAL.test(t)) {
      return p.add(
        name,
        "number-format",
        `${field(name)} (${shown(value)}) must be a decimal number such as 1.27 or 0.9 ` +
          `(no exponent, hex, thousands separators, currency or percent signs)`,
      );
    }
    return { n: Number(t), text: new Decimal(t).toFixed() };
  }
  return p.add(name, "type", `${field(name)} (${shown(value)}) must be a number`);
}

function readDate(p: Problems, name: string, value: unknown): number | undefined {
  if (typeof value !== "string") return p.add(name, "type", `${field(name)} (${shown(value)}) must be a date written as text "YYYY-MM-DD"`);
  const serial = isoToSerial(value.trim());
  if (serial === undefined) return p.add(name, "date-format", `${field(name)} (${shown(value)}) must be a real date written YYYY-MM-DD`);
  return serial;
}

function readText(p: Problems, name: string, value: unknown): string | undefined {
  if (typeof value !== "string") return p.add(name, "type", `${field(name)} (${shown(value)}) must be text`);
  return value.trim();
}

function readChoice<T extends string>(p: Problems, name: string, value: unknown, choices: readonly T[]): T | undefined {
  const t = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  if (t === undefined || !(choices as readonly string[]).includes(t)) {
    return p.add(name, typeof value === "string" ? "range" : "type", `${field(name)} (${shown(value)}) must be ${choices.map((c) => `"${c}"`).join(" or ")}`);
  }
  return t as T;
}

function readList(p: Problems, name: string, value: unknown, normalize: (s: string) => string, noun: string): string[] | undefined {
  const list = typeof value === "string" ? value.split(",") : value;
  if (!Array.isArray(list) || list.some((v) => typeof v !== "string")) {
    return p.add(name, "type", `${field(name)} (${shown(value)}) must be a list of text, ${HINTS[name as OfferFieldName]}`);
  }
  const items = [...new Set((list as string[]).map((v) => normalize(v.trim())).filter((v) => v !== ""))];
  if (items.length === 0) return p.add(name, "range", `${field(name)} (${shown(value)}) must name at least one ${noun}`);
  return items;
}

// --- ranges and units: what a number may be ---------------------------------------------------------

/** "50" -> "0.5": the decimal a percentage figure stands for. */
function asFraction(text: string): string {
  return new Decimal(text).dividedBy(100).toFixed();
}

/** Why a number is out of range for its field, or undefined; `text` is its exact decimal. */
function rangeProblem(name: OfferFieldName, n: number, text: string): { code: OfferErrorCode; reason: string } | undefined {
  switch (name) {
    case "stockPrice":
      return n > 0 ? undefined : { code: "range", reason: "must be > 0" };
    case "exercisePriceThreshold":
      return n >= 0 ? undefined : { code: "range", reason: "must be >= 0" };
    case "volatility":
      if (n < 0) return { code: "range", reason: "must be >= 0" };
      if (n > 5) return { code: "unit", reason: `is above 5 (500%): volatility is a decimal, 0.9 = 90% (${text}% would be ${asFraction(text)})` };
      return undefined;
    case "riskFreeRate":
    case "dividendYield":
      if (n < -1 || n > 1) return { code: "unit", reason: `is outside -1 to 1: ${name === "riskFreeRate" ? "the rate" : "the yield"} is a decimal, 0.9 = 90% (${text}% would be ${asFraction(text)})` };
      return undefined;
    case "sharesOutstanding":
      if (!Number.isSafeInteger(n) || n < 1) return { code: "range", reason: "must be a whole number of shares >= 1" };
      return undefined;
    default:
      return undefined;
  }
}

/** Why a money amount (decimal text) is out of range, or undefined. */
function moneyProblem(name: "feeRatePerMillion" | "feesPreviouslyPaid", d: Decimal): { code: OfferErrorCode; reason: string } | undefined {
  if (name === "feesPreviouslyPaid") {
    if (d.isNegative() && !d.isZero()) return { code: "range", reason: "must be >= 0" };
    if (d.decimalPlaces() > 2) return { code: "range", reason: "must be in whole cents" };
    return undefined;
  }
  if (!d.greaterThan(0)) return { code: "range", reason: "must be > 0" };
  if (d.lessThan(1)) {
    const perMillion = d.times(1_000_000);
    const figure = perMillion.decimalPlaces() <= 2 ? perMillion.toFixed(2) : perMillion.toFixed();
    return { code: "unit", reason: `is below 1 per $1,000,000: it looks like a rate per dollar; per $1,000,000 that is ${figure}` };
  }
  if (d.greaterThan(1_000_000)) return { code: "range", reason: "must be at most 1,000,000 dollars per $1,000,000" };
  return undefined;
}

/** The keyed error when no fee rate was given and none is on file for the filing date. */
function feeRateUnknown(filingDate: number): CalcError {
  const { year, month } = serialToYmd(filingDate);
  return calcError("offerFeeRateNotOnFile", field("feeRatePerMillion"), { filingDateField: field("filingDate"), filingDate: serialToIso(filingDate), fiscalYear: fiscalYearOf(year, month) });
}

/** The message when no fee rate was given and none is on file for the filing date. */
function feeRateUnknownMessage(filingDate: number): string {
  return feeRateUnknown(filingDate).message;
}

type Dates = Partial<Pick<OfferTerms, "valuationDate" | "filingDate" | "commencementDate" | "expirationDate" | "cancellationDate">>;

/** [earlier, later, what the rule is]: each pair must be in order (equal is fine). */
const DATE_ORDER: readonly [keyof Dates, keyof Dates, string][] = [
  ["valuationDate", "filingDate", "the valuation date must be on or before the filing date"],
  ["valuationDate", "expirationDate", "the valuation date must be on or before the offer's expiration"],
  ["commencementDate", "expirationDate", "the offer must commence on or before it expires"],
  ["expirationDate", "cancellationDate", "options are cancelled on or after the offer expires"],
];

function dateOrderProblems(p: Problems, dates: Dates): void {
  for (const [earlier, later, rule] of DATE_ORDER) {
    const a = dates[earlier];
    const b = dates[later];
    if (a === undefined || b === undefined || a <= b) continue;
    p.add(
      earlier,
      "date-order",
      `${field(earlier)} (${serialToIso(a)}) is after ${field(later)} (${serialToIso(b)}): ${rule}`,
      [earlier, later],
    );
  }
}

// --- the reader --------------------------------------------------------------------------------------

/**
 * Reads offer terms from a plain object (parsed OFFER.json, or the pane's form as text): the terms,
 * or every problem found (`terms` undefined). Never throws for bad input.
 */
export function checkOfferTerms(input: unknown): { terms?: OfferTerms; errors: OfferFieldError[] } {
  const p = new Problems();
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    p.add("", "not-an-object", `the offer (${shown(input)}) must be a JSON object such as {"issuerName": "...", "volatility": 0.9, ...}`);
    return { errors: p.list };
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!(OFFER_FIELD_NAMES as readonly string[]).includes(key) && !key.startsWith("_")) {
      p.add(key, "unknown-field", `${field(key)} is not an offer field (fields: ${OFFER_FIELD_NAMES.join(", ")})`);
    }
  }
  const given = (name: OfferFieldName): boolean => {
    if (!isBlank(o[name])) return true;
    if ((REQUIRED_OFFER_FIELDS as readonly string[]).includes(name)) p.add(name, "required", `${field(name)} is required (${HINTS[name]})`);
    return false;
  };
  const number = (name: OfferFieldName): number | undefined => {
    if (!given(name)) return undefined;
    const d = readDecimal(p, name, o[name]);
    if (!d) return undefined;
    const problem = rangeProblem(name, d.n, d.text);
    if (problem) return p.add(name, problem.code, `${field(name)} (${shown(o[name])}) ${problem.reason}`);
    return d.n;
  };
  const money = (name: "feeRatePerMillion" | "feesPreviouslyPaid"): string | undefined => {
    if (!given(name)) return undefined;
    const d = readDecimal(p, name, o[name]);
    if (!d) return undefined;
    const problem = moneyProblem(name, new Decimal(d.text));
    if (problem) return p.add(name, problem.code, `${field(name)} (${shown(o[name])}) ${problem.reason}`);
    return d.text;
  };
  const date = (name: keyof Dates): number | undefined => (given(name) ? readDate(p, name, o[name]) : undefined);

  const issuerName = given("issuerName") ? readText(p, "issuerName", o.issuerName) : undefined;
  const valuationDate = date("valuationDate");
  const stockPrice = number("stockPrice");
  const volatility = number("volatility");
  const riskFreeRate = number("riskFreeRate");
  const dividendYield = number("dividendYield");
  const exercisePriceThreshold = number("exercisePriceThreshold");
  const eligibleHolderClasses = given("eligibleHolderClasses") ? readList(p, "eligibleHolderClasses", o.eligibleHolderClasses, normalizeHolderClass, "holder class") : undefined;
  const eligibleCountries = given("eligibleCountries") ? readList(p, "eligibleCountries", o.eligibleCountries, normalizeCountry, "country") : undefined;
  const commencementDate = date("commencementDate");
  const expirationDate = date("expirationDate");
  const cancellationDate = date("cancellationDate");
  const filingDate = date("filingDate");
  const feeRatePerMillion = money("feeRatePerMillion");
  const feeRounding = given("feeRounding") ? readChoice(p, "feeRounding", o.feeRounding, ["cent", "dollar"] as const) : OFFER_CONVENTIONS.feeRounding;
  const termBasis = given("termBasis") ? readChoice(p, "termBasis", o.termBasis, ["remaining", "simplified"] as const) : OFFER_CONVENTIONS.termBasis;
  const sharesOutstanding = number("sharesOutstanding");
  const feesPreviouslyPaid = isBlank(o.feesPreviouslyPaid) ? OFFER_CONVENTIONS.feesPreviouslyPaid : money("feesPreviouslyPaid");

  dateOrderProblems(p, { valuationDate, filingDate, commencementDate, expirationDate, cancellationDate });
  if (isBlank(o.feeRatePerMillion) && filingDate !== undefined && !feeRatePeriodOn(filingDate)) {
    p.add("feeRatePerMillion", "fee-rate-unknown", feeRateUnknownMessage(filingDate), ["feeRatePerMillion", "filingDate"]);
  }
  if (p.list.length > 0) return { errors: p.list };
  return {
    terms: {
      issuerName: issuerName as string,
      valuationDate: valuationDate as number,
      stockPrice: stockPrice as number,
      volatility: volatility as number,
      riskFreeRate: riskFreeRate as number,
      dividendYield: dividendYield ?? OFFER_CONVENTIONS.dividendYield,
      exercisePriceThreshold: exercisePriceThreshold as number,
      eligibleHolderClasses: eligibleHolderClasses as string[],
      eligibleCountries: eligibleCountries as string[],
      commencementDate: commencementDate as number,
      expirationDate: expirationDate as number,
      cancellationDate: cancellationDate as number,
      filingDate: filingDate as number,
      feeRatePerMillion,
      feeRounding: feeRounding as FeeRounding,
      termBasis: termBasis as TermBasis,
      sharesOutstanding,
      feesPreviouslyPaid: feesPreviouslyPaid as string,
    },
    errors: [],
  };
}

/**
 * Reads offer terms (see {@link checkOfferTerms}).
 * @throws OfferTermsError (`#VALUE!`) listing every problem
 */
export function readOfferTerms(input: unknown): OfferTerms {
  const { terms, errors } = checkOfferTerms(input);
  if (!terms) throw new OfferTermsError(errors);
  return terms;
}

/**
 * The problems of terms already typed (built in code rather than read): the same ranges, units and
 * date order as the reader. Empty when the terms may be valued.
 */
export function offerTermsProblems(terms: OfferTerms): OfferFieldError[] {
  const p = new Problems();
  for (const name of ["stockPrice", "volatility", "riskFreeRate", "dividendYield", "exercisePriceThreshold", "sharesOutstanding"] as const) {
    const n = terms[name];
    if (n === undefined && name === "sharesOutstanding") continue;
    if (typeof n !== "number" || !Number.isFinite(n)) {
      p.add(name, "number-format", `${field(name)} (${shown(n)}) must be a finite number`);
      continue;
    }
    const problem = rangeProblem(name, n, new Decimal(n).toFixed());
    if (problem) p.add(name, problem.code, `${field(name)} (${shown(n)}) ${problem.reason}`);
  }
  for (const name of ["feeRatePerMillion", "feesPreviouslyPaid"] as const) {
    const text = terms[name];
    if (text === undefined) continue;
    let d: Decimal;
    try {
      d = new Decimal(text);
    } catch {
      p.add(name, "number-format", `${field(name)} (${shown(text)}) must be a decimal number`);
      continue;
    }
    const problem = d.isFinite() ? moneyProblem(name, d) : { code: "number-format" as const, reason: "must be a finite number" };
    if (problem) p.add(name, problem.code, `${field(name)} (${shown(text)}) ${problem.reason}`);
  }
  dateOrderProblems(p, terms);
  return p.list;
}

/**
 * The fee rate per $1,000,000 for the offer: its own, or FEE_RATE(filingDate).
 * @throws CalcError `#N/A` naming offer.feeRatePerMillion and offer.filingDate when no rate is on file
 */
export function offerFeeRate(terms: Pick<OfferTerms, "feeRatePerMillion" | "filingDate">): { rate: Decimal; source: "offer" | "FEE_RATE" } {
  if (terms.feeRatePerMillion !== undefined) return { rate: new Decimal(terms.feeRatePerMillion), source: "offer" };
  const period = feeRatePeriodOn(terms.filingDate);
  if (!period) throw feeRateUnknown(terms.filingDate);
  return { rate: new Decimal(period.rate), source: "FEE_RATE" };
}

// --- OFFER.json text ---------------------------------------------------------------------------------

/** A JSON syntax problem at an offset. */
interface JsonSyntax {
  offset: number;
  reason: string;
}

/**
 * The first syntax problem of JSON text (RFC 8259: no comments, no trailing commas), found by
 * jsonc-parser (JSON.parse's own messages differ between engines and some give no position), in
 * words for the person who typed it. Also refuses a key that appears twice in one object (JSON.parse
 * would keep the last silently).
 */
function jsonSyntaxProblem(text: string): JsonSyntax | undefined {
  let problem: JsonSyntax | undefined;
  const containers: ("{" | "[")[] = [];
  const keys: Map<string, number>[] = [];
  const describe = (at: number): string => {
    if (at >= text.length) return "the end of the file";
    const c = text.codePointAt(at) as number;
    if (c < 0x20) return `character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
    return c === 0x22 ? `'"'` : `"${String.fromCodePoint(c)}"`;
  };
  /** The last character before `at` that is not white space. */
  const before = (at: number): string => {
    let k = at - 1;
    while (k >= 0 && " \t\r\n".includes(text[k])) k--;
    return k >= 0 ? text[k] : "";
  };
  const close = () => (containers[containers.length - 1] === "[" ? "]" : "}");
  const reasonFor = (error: ParseErrorCode, offset: number, length: number): JsonSyntax => {
    const found = describe(offset);
    const code = printParseErrorCode(error);
    switch (code) {
      case "InvalidSymbol":
        if (text[offset] === "'") return { offset, reason: "text must be in double quotes" };
        if (/["\]}el]/.test(before(offset)) || (/[0-9]/.test(before(offset)) && !/[0-9.]/.test(text[offset - 1] ?? ""))) {
          return { offset, reason: `expected "," or "${close()}" after a value, found ${found}` };
        }
        if (/[0-9.]/.test(text[offset - 1] ?? "")) return { offset, reason: `${found} cannot follow the number ${text.slice(0, offset).match(/[-0-9.eE+]*$/)?.[0] ?? ""}` };
        return { offset, reason: `expected a value, found ${found}` };
      case "InvalidNumberFormat":
        return { offset, reason: `${JSON.stringify(text.slice(offset, offset + length))} is not a JSON number (write it like 1.27)` };
      case "PropertyNameExpected":
        if (text[offset] === "}" && before(offset) === ",") return { offset, reason: 'a trailing comma before "}"' };
        return { offset, reason: `expected a string in double quotes, found ${found}` };
      case "ValueExpected":
        if (text[offset] === "]" && before(offset) === ",") return { offset, reason: 'a trailing comma before "]"' };
        return { offset, reason: `expected a value, found ${found}` };
      case "ColonExpected":
        return { offset, reason: `expected ":" after a key, found ${found}` };
      case "CloseBraceExpected":
        if (before(offset) === "{" || before(offset) === ",") return { offset, reason: `expected a string in double quotes, found ${found}` };
        return { offset, reason: `expected "," or "}" after a value, found ${found}` };
      case "CommaExpected":
      case "CloseBracketExpected":
        return { offset, reason: `expected "," or "${code === "CloseBracketExpected" ? "]" : close()}" after a value, found ${found}` };
      case "EndOfFileExpected":
        return { offset, reason: `unexpected ${found} after the end of the JSON value` };
      case "InvalidCommentToken":
      case "UnexpectedEndOfComment":
        return { offset, reason: 'JSON has no comments (a key starting with "_" can hold one)' };
      case "UnexpectedEndOfString":
        return { offset, reason: 'text not closed (a missing ")' };
      case "InvalidUnicode":
        return { offset, reason: "\\u must be followed by four hex digits" };
      case "InvalidEscapeCharacter":
        return { offset, reason: "unknown escape in text" };
      case "InvalidCharacter": {
        let at = offset;
        while (at < offset + length && text.charCodeAt(at) >= 0x20) at++;
        return { offset: at, reason: "control character in text (write it as an escape like \\n)" };
      }
      default:
        return { offset, reason: `${code} at ${found}` };
    }
  };
  visit(
    text,
    {
      onObjectBegin: () => {
        containers.push("{");
        keys.push(new Map());
      },
      onObjectEnd: () => {
        containers.pop();
        keys.pop();
      },
      onArrayBegin: () => void containers.push("["),
      onArrayEnd: () => void containers.pop(),
      onObjectProperty: (key, offset) => {
        const seen = keys[keys.length - 1];
        if (problem || !seen) return;
        const first = seen.get(key);
        if (first !== undefined) problem = { offset, reason: `${JSON.stringify(key)} appears twice in one object (first at line ${lineColumn(text, first).line})` };
        seen.set(key, offset);
      },
      onError: (error, offset, length) => {
        if (!problem) problem = reasonFor(error, offset, length);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return problem;
}

/** 1-based line and column (in characters) of an offset; CRLF, LF and CR end lines. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    const c = text[k];
    if (c === "\n" || (c === "\r" && text[k + 1] !== "\n")) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: [...text.slice(start, offset)].length + 1 };
}

/**
 * Parses OFFER.json text: a UTF-8 byte order mark is skipped; a syntax error (or a key given twice)
 * becomes a message with its line and column.
 * @example readOfferJson('\uFEFF{"volatility": 0.9}') -> { volatility: 0.9 }
 * @throws OfferTermsError `#VALUE!` "OFFER.json line 3, column 18: expected "," or "}" after a value, found "\"""
 */
export function readOfferJson(text: string, name = "OFFER.json"): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problem = jsonSyntaxProblem(body);
  if (problem) {
    const { line, column } = lineColumn(body, problem.offset);
    throw new OfferTermsError([{ field: "", fields: [], code: "json-syntax", message: `${name} line ${line}, column ${column}: ${problem.reason}` }]);
  }
  return JSON.parse(body);
}
