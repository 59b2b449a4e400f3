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
 * - the valuation model: `valuationModel` "black-scholes" (the convention) or "hull-white". The
 *   lattice's assumptions are read whatever the model (a bad value is an error; stated with
 *   "black-scholes" they are unused, and the valuation warns so): `vestingYears` in [0, 100] (years
 *   from the valuation date; 101 to 1200 looks like months), `exitRate` in [0, 1] (a decimal a year;
 *   above 1 up to 100 looks like a percentage), `exerciseMultiple` >= 1 (blank: never early),
 *   `stepsPerYear` whole, 1 to 20,000 (blank: 100). "hull-white" requires vestingYears and exitRate
 *   (they describe this offer's holders: no default) and a volatility > 0.
 * - dates in order: valuation <= filing, valuation <= expiration, commencement <= expiration <=
 *   cancellation (a filing may come after expiry: the final amendment is filed then); cancellation
 *   <= new grant date; commencement <= each amendment's date.
 * - elections and the new option (issue 9), optional here (`electionTerms` in records.ts requires
 *   what `optex elections` needs): `expirationTime` a clock time ("17:00" or "5:00 p.m."),
 *   `timeZone` an IANA zone (never an abbreviation or a fixed offset: daylight saving would be
 *   lost), `acceptedChannels` a list read with the election log's channel vocabulary,
 *   `newOptionLifeYears` in (0, 100] and whole months, `newOptionVesting` an object of four numbers (the limits of
 *   checkVestingTerms), `exchangeRatio` and `splitFactor` > 0 (default 1), `newOptionRounding`,
 *   `newGrantDate`, and `amendments` (dates and JSON true/false). The "simplified" term basis needs
 *   the new option's life and vesting, and the vesting may not outlast the life. Inside an object
 *   or a list, messages name the path: `offer.newOptionVesting.cliffMonths`, `offer.amendments[2].date`.
 */
import Decimal from "decimal.js";
import { ParseErrorCode, printParseErrorCode, visit } from "jsonc-parser";
import { calcError, CalcError, ErrorCode } from "../errors";
import { isoToSerial, serialToIso, serialToYmd } from "../dates/serial";
import { FeeRounding } from "../fees/filingFee";
import { feeRatePeriodOn, fiscalYearOf } from "../fees/feeRates";
import { normalizeCountry, normalizeHolderClass } from "../ledger/values";
import { isTimeZone } from "../elections/zonedTime";
import { CHANNEL_VOCABULARY } from "../elections/vocabulary";
import type { OfferAmendment } from "../elections/types";
import type { VestingTerms } from "../equity/vesting";
import { OFFER_FIELD_NAMES, OFFER_SCHEMA, OfferFieldDef, OfferFieldName, REQUIRED_OFFER_FIELDS } from "./schema";

/** "remaining": (expiration - valuation date) / 365; "simplified": SAB 107 on the new-option schedule. */
export type TermBasis = "remaining" | "simplified";

/**
 * The model of the valuation policy's (accounting) value: "black-scholes", or "hull-white" (the
 * Hull-White employee-option lattice on the offer's vestingYears, exitRate, exerciseMultiple and
 * stepsPerYear). The filing fee is Black-Scholes whatever the model.
 */
export type ValuationModel = "black-scholes" | "hull-white";

/** The valuation models OFFER.json may name, the convention first. */
export const VALUATION_MODELS: readonly ValuationModel[] = ["black-scholes", "hull-white"];

/** The Hull-White lattice's most steps a year (HULL_WHITE_MAX_STEPS: more would exceed a tree's limit within one year). */
export const MAX_STEPS_PER_YEAR = 20_000;

/** How new-option shares are rounded (seed 004: whole shares, per grant). */
export type NewOptionRounding = "floor-per-grant" | "floor-per-holder" | "nearest-per-grant";

export type { OfferAmendment } from "../elections/types";

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
  // --- the valuation model: the policy's accounting value (the fee is always Black-Scholes) ---------
  valuationModel: ValuationModel;
  /** Years from the valuation date until the eligible options vest (required with "hull-white"). */
  vestingYears?: number;
  /** Holders leaving a year, a decimal: 0.1 = 10% (required with "hull-white"). */
  exitRate?: number;
  /** Vested options are exercised once the stock reaches this multiple of the strike; undefined = never early. */
  exerciseMultiple?: number;
  /** The lattice's steps a year; undefined = 100 (the convention, {@link OFFER_CONVENTIONS}). */
  stepsPerYear?: number;
  // --- elections and the new option: undefined = not given (`optex elections` requires them) -----
  /** The expiration's local clock time in `timeZone`, minutes after midnight ("17:00" = 1020). */
  expirationTime?: number;
  /** An IANA time zone ("America/Los_Angeles"). */
  timeZone?: string;
  /** Channels a form may arrive by, as CHANNEL_VOCABULARY reads them ("fax", "hand"). */
  acceptedChannels?: string[];
  /** The new option's contractual life in years. */
  newOptionLifeYears?: number;
  /** The new option's vesting schedule. */
  newOptionVesting?: VestingTerms;
  /** Old options surrendered per new option (1 = one for one). */
  exchangeRatio: number;
  /** New shares per old share after a split between cancellation and the new grant (1 = none). */
  splitFactor: number;
  newOptionRounding: NewOptionRounding;
  /** The new grant date the offer fixes (Excel serial); undefined = NEW_GRANT_DATE(cancellationDate). */
  newGrantDate?: number;
  /** Amendments to the offer (Schedule TO-I/A), in the order given; [] = none. */
  amendments: OfferAmendment[];
}

export { OFFER_FIELD_NAMES, REQUIRED_OFFER_FIELDS } from "./schema";
export type { OfferFieldName } from "./schema";

/** The conventions a blank falls back to (the fee rate's is FEE_RATE(filingDate); sharesOutstanding's is "not shown"). */
export const OFFER_CONVENTIONS = {
  dividendYield: 0,
  feeRounding: "cent" as FeeRounding,
  termBasis: "remaining" as TermBasis,
  feesPreviouslyPaid: "0",
  exchangeRatio: 1,
  splitFactor: 1,
  newOptionRounding: "floor-per-grant" as NewOptionRounding,
  valuationModel: "black-scholes" as ValuationModel,
  stepsPerYear: 100,
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
  | "fee-rate-unknown"
  | "time-format"
  | "time-zone";

/** One problem of an offer. */
export interface OfferFieldError {
  /**
   * The field at fault (OFFER.json's name), or "" for the offer as a whole; inside a field's object
   * or list, its path ("newOptionVesting.vestingMonths", "amendments[2].date").
   */
  field: string;
  /**
   * Every field the message names (both dates of a date-order error), a path's top-level field too
   * ("amendments[2].date" and "amendments"); empty for the whole offer.
   */
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

/** The hint of a field, for messages ("is required (...)"). */
export function offerFieldHint(name: OfferFieldName): string {
  return HINTS[name];
}

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
    const all = [...fields];
    for (const f of fields) {
      const top = topField(f);
      if (!all.includes(top)) all.push(top);
    }
    this.list.push({ field: name, fields: all, code, message });
    return undefined;
  }
}

/** The top-level field of a path: "amendments[2].date" -> "amendments". */
function topField(path: string): string {
  return path.split(/[.[]/)[0];
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

// --- elections and the new option: clock times, zones, channels, vesting, amendments ---------------

/** Minutes in a day. */
const MINUTES_PER_DAY = 1440;

/**
 * A clock time as minutes after midnight: "17:00" (24-hour, "HH:MM" or "H:MM"), "5:00 p.m.",
 * "5:00 PM", "5 pm" (12-hour, 12:00 a.m. = midnight); "range" when it has a clock's shape but no
 * such time ("25:00", "17:60", "13:00 p.m."); undefined when it is not a clock time at all.
 * @example clockMinutes("5:00 p.m.") === 1020
 */
export function clockMinutes(text: string): number | "range" | undefined {
  const t = text.trim();
  const h24 = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (h24) {
    const h = Number(h24[1]);
    const m = Number(h24[2]);
    return h <= 23 && m <= 59 ? h * 60 + m : "range";
  }
  const h12 = /^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i.exec(t);
  if (h12) {
    const h = Number(h12[1]);
    const m = h12[2] === undefined ? 0 : Number(h12[2]);
    if (h < 1 || h > 12 || m > 59) return "range";
    return (h % 12) * 60 + m + (h12[3].toLowerCase() === "p" ? 720 : 0);
  }
  return undefined;
}

/** "17:00" for 1020 minutes: how OFFER.json states a clock time. */
export function clockTimeText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const TIME_EXAMPLE = 'a clock time such as "17:00" (24-hour) or "5:00 p.m." (the zone goes in offer.timeZone)';

function readTime(p: Problems, name: string, value: unknown): number | undefined {
  if (typeof value !== "string") return p.add(name, "type", `${field(name)} (${shown(value)}) must be ${TIME_EXAMPLE}, written as text`);
  const minutes = clockMinutes(value);
  if (minutes === undefined) return p.add(name, "time-format", `${field(name)} (${shown(value)}) must be ${TIME_EXAMPLE}`);
  if (minutes === "range") {
    return p.add(name, "range", `${field(name)} (${shown(value)}) is not a time of day: hours run 0-23 (1-12 with a.m./p.m.) and minutes 0-59`);
  }
  return minutes;
}

const LOS_ANGELES = "America/Los_Angeles";
const NEW_YORK = "America/New_York";
const CHICAGO = "America/Chicago";
const DENVER = "America/Denver";

/**
 * What a zone abbreviation or region word probably means: suggested in the message, never assumed
 * (an abbreviation does not say when daylight saving applies; "EST" in the time-zone database is a
 * fixed -05:00 all year).
 */
const ZONE_SUGGESTIONS: Readonly<Record<string, { zone: string; region: string; also?: string }>> = (() => {
  const table: Record<string, { zone: string; region: string; also?: string }> = {};
  const add = (names: string[], zone: string, region: string, also?: string) => names.forEach((n) => (table[n] = { zone, region, also }));
  add(["PST", "PDT", "PT", "PACIFIC", "PACIFIC TIME", "PACIFIC STANDARD TIME", "PACIFIC DAYLIGHT TIME", "PST8PDT"], LOS_ANGELES, "US Pacific time");
  add(["EST", "EDT", "ET", "EASTERN", "EASTERN TIME", "EASTERN STANDARD TIME", "EASTERN DAYLIGHT TIME", "EST5EDT"], NEW_YORK, "US Eastern time");
  add(["CST", "CDT", "CT", "CENTRAL", "CENTRAL TIME", "CENTRAL STANDARD TIME", "CENTRAL DAYLIGHT TIME", "CST6CDT"], CHICAGO, "US Central time");
  add(["MDT", "MT", "MOUNTAIN", "MOUNTAIN TIME", "MOUNTAIN DAYLIGHT TIME", "MST7MDT"], DENVER, "US Mountain time");
  add(["MST", "MOUNTAIN STANDARD TIME"], DENVER, "US Mountain time", '"America/Phoenix" for Arizona, which keeps MST all year');
  return table;
})();

/** A fixed offset from UTC ("-07:00", "UTC-7", "GMT+05:30", "Etc/GMT+7", "Z"). */
const FIXED_OFFSET = /^(?:(?:UTC|GMT|Z)?\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?|Z|Etc\/GMT[+-]\d{1,2})$/i;

const ZONE_EXAMPLE = `an IANA zone such as "${LOS_ANGELES}"`;

/**
 * An IANA time zone as written ("America/Los_Angeles", its letter case corrected), or a message:
 * abbreviations and region words get the IANA name they probably mean as a suggestion; fixed
 * offsets are refused (they do not follow daylight saving).
 */
function readZone(p: Problems, name: string, value: unknown): string | undefined {
  if (typeof value !== "string") return p.add(name, "type", `${field(name)} (${shown(value)}) must be text, ${ZONE_EXAMPLE}`);
  const t = value.trim();
  const suggestion = ZONE_SUGGESTIONS[t.toUpperCase().replace(/\./g, "").replace(/\s+/g, " ")];
  if (suggestion) {
    return p.add(
      name,
      "time-zone",
      `${field(name)} (${shown(value)}) is an abbreviation, not an IANA time zone (it does not say when daylight saving applies): ` +
        `if the offer means ${suggestion.region}, write "${suggestion.zone}"${suggestion.also ? ` (or ${suggestion.also})` : ""}`,
    );
  }
  if (FIXED_OFFSET.test(t)) {
    return p.add(
      name,
      "time-zone",
      `${field(name)} (${shown(value)}) is a fixed offset from UTC, not an IANA time zone (an offset does not follow daylight saving: ` +
        `Pacific time is -07:00 in July and -08:00 in January): write the zone, such as "${LOS_ANGELES}"`,
    );
  }
  if (!isTimeZone(t)) return p.add(name, "time-zone", `${field(name)} (${shown(value)}) is not an IANA time zone: write ${ZONE_EXAMPLE}`);
  // the engine's own spelling when only the letter case differs ("america/los_angeles")
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: t }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === t.toLowerCase() ? resolved : t;
}

/** A channel as the election log reads it ("Facsimile" -> "fax"); "" for blank. */
function normalizeChannel(text: string): string {
  return text === "" ? "" : (CHANNEL_VOCABULARY.normalize(text) ?? text);
}

/** Accepted channels: a list read with the log's vocabulary; a channel it does not know is refused. */
function readChannels(p: Problems, name: string, value: unknown): string[] | undefined {
  const items = readList(p, name, value, normalizeChannel, "channel");
  if (!items) return undefined;
  const unknown = items.filter((c) => !CHANNEL_VOCABULARY.values.includes(c));
  if (unknown.length > 0) {
    return p.add(name, "range", `${field(name)} (${shown(value)}) names ${unknown.map((c) => `"${c}"`).join(", ")}, not a channel optex knows (${CHANNEL_VOCABULARY.values.join(", ")})`);
  }
  return items;
}

/** newOptionVesting's keys, in order. */
export const VESTING_KEYS = ["vestingMonths", "cliffMonths", "upfrontFraction", "intervalMonths"] as const;

const VESTING_HINTS = Object.fromEntries(((OFFER_SCHEMA as readonly OfferFieldDef[]).find((f) => f.name === "newOptionVesting")?.parts ?? []).map((x) => [x.key, x.hint])) as Record<(typeof VESTING_KEYS)[number], string>;

/** Why a vesting number is out of range (the limits of checkVestingTerms), or undefined. */
function vestingProblem(key: (typeof VESTING_KEYS)[number], n: number, text: string, vestingMonths: number | undefined): { code: OfferErrorCode; reason: string } | undefined {
  switch (key) {
    case "vestingMonths":
      return Number.isInteger(n) && n >= 0 && n <= 1200 ? undefined : { code: "range", reason: "must be a whole number of months from 0 to 1200" };
    case "intervalMonths":
      return Number.isInteger(n) && n >= 1 && n <= 1200 ? undefined : { code: "range", reason: "must be a whole number of months from 1 to 1200" };
    case "cliffMonths":
      if (!Number.isInteger(n) || n < 0 || n > 1200) return { code: "range", reason: "must be a whole number of months from 0 to 1200" };
      if (vestingMonths !== undefined && n > vestingMonths) {
        return { code: "range", reason: `must be a whole number of months from 0 to ${field("newOptionVesting.vestingMonths")} (${vestingMonths})` };
      }
      return undefined;
    case "upfrontFraction":
      if (n > 1 && n <= 100) return { code: "unit", reason: `is above 1: the fraction vested at grant is a decimal, 0.125 = 12.5% (${text}% would be ${asFraction(text)})` };
      return n >= 0 && n <= 1 ? undefined : { code: "range", reason: "must be from 0 to 1" };
  }
}

/** newOptionVesting: an object of the four numbers, each required, no other key. */
function readVesting(p: Problems, name: string, value: unknown): VestingTerms | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return p.add(name, "type", `${field(name)} (${shown(value)}) must be ${HINTS.newOptionVesting}`);
  }
  const o = value as Record<string, unknown>;
  const before = p.list.length;
  for (const key of Object.keys(o)) {
    if (!(VESTING_KEYS as readonly string[]).includes(key) && !key.startsWith("_")) {
      p.add(`${name}.${key}`, "unknown-field", `${field(`${name}.${key}`)} is not a key of ${field(name)} (keys: ${VESTING_KEYS.join(", ")})`);
    }
  }
  const read: Partial<Record<(typeof VESTING_KEYS)[number], { n: number; text: string }>> = {};
  for (const key of VESTING_KEYS) {
    const path = `${name}.${key}`;
    if (isBlank(o[key])) {
      p.add(path, "required", `${field(path)} is required (${VESTING_HINTS[key]})`);
      continue;
    }
    read[key] = readDecimal(p, path, o[key]);
  }
  const months = read.vestingMonths && vestingProblem("vestingMonths", read.vestingMonths.n, read.vestingMonths.text, undefined) === undefined ? read.vestingMonths.n : undefined;
  for (const key of VESTING_KEYS) {
    const d = read[key];
    if (!d) continue;
    const problem = vestingProblem(key, d.n, d.text, months);
    if (problem) p.add(`${name}.${key}`, problem.code, `${field(`${name}.${key}`)} (${shown(o[key])}) ${problem.reason}`);
  }
  if (p.list.length > before) return undefined;
  return { vestingMonths: read.vestingMonths!.n, cliffMonths: read.cliffMonths!.n, upfrontFraction: read.upfrontFraction!.n, intervalMonths: read.intervalMonths!.n };
}

/** An amendment's keys. */
const AMENDMENT_KEYS = ["date", "considerationChanged", "numberSoughtChanged", "description"] as const;

const AMENDMENT_HINTS: Record<(typeof AMENDMENT_KEYS)[number], string> = {
  date: "YYYY-MM-DD: the day notice of the amendment was first published",
  considerationChanged: "true or false: whether the consideration (the new option, the exchange ratio) changed",
  numberSoughtChanged: "true or false: whether the number of options sought changed",
  description: "text: what the amendment did",
};

function readFlag(p: Problems, path: string, value: unknown, hint: string): boolean | undefined {
  if (value === undefined || value === null) return p.add(path, "required", `${field(path)} is required (${hint})`);
  if (typeof value !== "boolean") return p.add(path, "type", `${field(path)} (${shown(value)}) must be true or false (JSON, without quotes)`);
  return value;
}

/** amendments: a list of {date, considerationChanged, numberSoughtChanged, description?}. */
function readAmendments(p: Problems, name: string, value: unknown): OfferAmendment[] | undefined {
  if (!Array.isArray(value)) return p.add(name, "type", `${field(name)} (${shown(value)}) must be ${HINTS.amendments}`);
  const before = p.list.length;
  const out: OfferAmendment[] = [];
  value.forEach((item, i) => {
    const at = `${name}[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      p.add(at, "type", `${field(at)} (${shown(item)}) must be an object {"date", "considerationChanged", "numberSoughtChanged", "description"}`);
      return;
    }
    const o = item as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (!(AMENDMENT_KEYS as readonly string[]).includes(key) && !key.startsWith("_")) {
        p.add(`${at}.${key}`, "unknown-field", `${field(`${at}.${key}`)} is not a key of an amendment (keys: ${AMENDMENT_KEYS.join(", ")})`);
      }
    }
    const date = isBlank(o.date) ? p.add(`${at}.date`, "required", `${field(`${at}.date`)} is required (${AMENDMENT_HINTS.date})`) : readDate(p, `${at}.date`, o.date);
    const considerationChanged = readFlag(p, `${at}.considerationChanged`, o.considerationChanged, AMENDMENT_HINTS.considerationChanged);
    const numberSoughtChanged = readFlag(p, `${at}.numberSoughtChanged`, o.numberSoughtChanged, AMENDMENT_HINTS.numberSoughtChanged);
    const description = isBlank(o.description) ? undefined : readText(p, `${at}.description`, o.description);
    if (date === undefined || considerationChanged === undefined || numberSoughtChanged === undefined) return;
    out.push(description === undefined ? { date, considerationChanged, numberSoughtChanged } : { date, considerationChanged, numberSoughtChanged, description });
  });
  return p.list.length > before ? undefined : out;
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
    case "newOptionLifeYears":
      if (n > 100 && n <= 1200) {
        return { code: "unit", reason: `is above 100: the life is in years, not months (${text} months would be ${new Decimal(text).dividedBy(12).toSignificantDigits(6).toFixed()} years)` };
      }
      if (!(n > 0 && n <= 100)) return { code: "range", reason: "must be > 0 and at most 100 (years)" };
      // the new option expires EDATE(grant date, life x 12): whole months
      return new Decimal(text).times(12).isInteger() ? undefined : { code: "range", reason: "must be a whole number of months in years (life x 12 whole: 10, 7.5 or 7.25)" };
    case "vestingYears":
      if (n > 100 && n <= 1200) {
        return { code: "unit", reason: `is above 100: the time to vesting is in years, not months (${text} months would be ${new Decimal(text).dividedBy(12).toSignificantDigits(6).toFixed()} years)` };
      }
      return n >= 0 && n <= 100 ? undefined : { code: "range", reason: "must be from 0 to 100 (years from the valuation date; 0 = vested)" };
    case "exitRate":
      if (n > 1 && n <= 100) return { code: "unit", reason: `is above 1: the exit rate is a decimal a year, 0.1 = 10% (${text}% would be ${asFraction(text)})` };
      return n >= 0 && n <= 1 ? undefined : { code: "range", reason: "must be from 0 to 1 (a decimal a year: 0.1 = 10% of holders leave each year)" };
    case "exerciseMultiple":
      return n >= 1 ? undefined : { code: "range", reason: "must be >= 1 (a multiple of the exercise price: 2.5 = exercised when the stock reaches 2.5 x the exercise price; blank = never early)" };
    case "stepsPerYear":
      return Number.isInteger(n) && n >= 1 && n <= MAX_STEPS_PER_YEAR ? undefined : { code: "range", reason: `must be a whole number of steps a year from 1 to ${MAX_STEPS_PER_YEAR.toLocaleString("en-US")}` };
    case "exchangeRatio":
    case "splitFactor":
      // the limits of NEW_OPTION_SHARES
      if (!(n > 0)) return { code: "range", reason: "must be > 0" };
      return n <= 1e9 ? undefined : { code: "range", reason: "must be at most 1,000,000,000" };
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

/** What the elections fields must agree with: the term basis, each other and the offer's dates. */
interface ElectionRuleInputs {
  termBasis?: TermBasis;
  /** Left blank (not merely unreadable): the "simplified" basis then names it as required. */
  lifeBlank: boolean;
  vestingBlank: boolean;
  newOptionLifeYears?: number;
  newOptionVesting?: VestingTerms;
  commencementDate?: number;
  cancellationDate?: number;
  newGrantDate?: number;
  amendments?: readonly OfferAmendment[];
}

function electionRuleProblems(p: Problems, v: ElectionRuleInputs): void {
  if (v.termBasis === "simplified") {
    for (const [name, blank] of [["newOptionLifeYears", v.lifeBlank], ["newOptionVesting", v.vestingBlank]] as const) {
      if (blank) p.add(name, "required", `${field(name)} is required when termBasis is "simplified" (${HINTS[name]})`, [name, "termBasis"]);
    }
  }
  if (v.newOptionLifeYears !== undefined && v.newOptionVesting !== undefined) {
    const lifeMonths = new Decimal(v.newOptionLifeYears).times(12);
    if (lifeMonths.lessThan(v.newOptionVesting.vestingMonths)) {
      p.add(
        "newOptionVesting.vestingMonths",
        "range",
        `${field("newOptionVesting.vestingMonths")} (${v.newOptionVesting.vestingMonths}) is longer than ${field("newOptionLifeYears")} (${v.newOptionLifeYears}) ` +
          `in months (${lifeMonths.toFixed()}): the new option would expire before it fully vests`,
        ["newOptionVesting.vestingMonths", "newOptionLifeYears"],
      );
    }
  }
  if (v.newGrantDate !== undefined && v.cancellationDate !== undefined && v.newGrantDate < v.cancellationDate) {
    p.add(
      "newGrantDate",
      "date-order",
      `${field("newGrantDate")} (${serialToIso(v.newGrantDate)}) is before ${field("cancellationDate")} (${serialToIso(v.cancellationDate)}): ` +
        "new options are granted on or after the old ones are cancelled",
      ["newGrantDate", "cancellationDate"],
    );
  }
  (v.amendments ?? []).forEach((a, i) => {
    if (v.commencementDate === undefined || typeof a.date !== "number" || a.date >= v.commencementDate) return;
    const at = `amendments[${i}].date`;
    p.add(
      at,
      "date-order",
      `${field(at)} (${serialToIso(a.date)}) is before ${field("commencementDate")} (${serialToIso(v.commencementDate)}): an offer is amended on or after it commences`,
      [at, "commencementDate"],
    );
  });
}

/** What the "hull-white" model needs of the other fields. */
interface ModelRuleInputs {
  valuationModel?: ValuationModel;
  /** Left blank (not merely unreadable): named as required with "hull-white". */
  vestingBlank: boolean;
  exitBlank: boolean;
  volatility?: number;
}

/**
 * The "hull-white" model needs the holders' assumptions it cannot default (vestingYears, exitRate:
 * they describe this offer's holders) and a volatility > 0 (a tree needs a spread of prices).
 */
function modelRuleProblems(p: Problems, v: ModelRuleInputs): void {
  if (v.valuationModel !== "hull-white") return;
  for (const [name, blank] of [["vestingYears", v.vestingBlank], ["exitRate", v.exitBlank]] as const) {
    if (blank) p.add(name, "required", `${field(name)} is required when valuationModel is "hull-white" (${HINTS[name]})`, [name, "valuationModel"]);
  }
  if (v.volatility === 0) {
    p.add("volatility", "range", `${field("volatility")} (0) must be > 0 when valuationModel is "hull-white" (the lattice needs a spread of prices)`, ["volatility", "valuationModel"]);
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
  // the valuation model and the lattice's assumptions (read whatever the model: a bad value is an error)
  const valuationModel = given("valuationModel") ? readChoice(p, "valuationModel", o.valuationModel, VALUATION_MODELS) : OFFER_CONVENTIONS.valuationModel;
  const vestingYears = number("vestingYears");
  const exitRate = number("exitRate");
  const exerciseMultiple = number("exerciseMultiple");
  const stepsPerYear = number("stepsPerYear");
  // elections and the new option
  const expirationTime = given("expirationTime") ? readTime(p, "expirationTime", o.expirationTime) : undefined;
  const timeZone = given("timeZone") ? readZone(p, "timeZone", o.timeZone) : undefined;
  const acceptedChannels = given("acceptedChannels") ? readChannels(p, "acceptedChannels", o.acceptedChannels) : undefined;
  const newOptionLifeYears = number("newOptionLifeYears");
  const newOptionVesting = given("newOptionVesting") ? readVesting(p, "newOptionVesting", o.newOptionVesting) : undefined;
  const exchangeRatio = number("exchangeRatio");
  const splitFactor = number("splitFactor");
  const newOptionRounding = given("newOptionRounding") ? readChoice(p, "newOptionRounding", o.newOptionRounding, ["floor-per-grant", "floor-per-holder", "nearest-per-grant"] as const) : OFFER_CONVENTIONS.newOptionRounding;
  const newGrantDate = given("newGrantDate") ? readDate(p, "newGrantDate", o.newGrantDate) : undefined;
  const amendments = given("amendments") ? readAmendments(p, "amendments", o.amendments) : [];

  dateOrderProblems(p, { valuationDate, filingDate, commencementDate, expirationDate, cancellationDate });
  modelRuleProblems(p, { valuationModel, vestingBlank: isBlank(o.vestingYears), exitBlank: isBlank(o.exitRate), volatility });
  electionRuleProblems(p, {
    termBasis,
    lifeBlank: isBlank(o.newOptionLifeYears),
    vestingBlank: isBlank(o.newOptionVesting),
    newOptionLifeYears,
    newOptionVesting,
    commencementDate,
    cancellationDate,
    newGrantDate,
    amendments,
  });
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
      valuationModel: valuationModel as ValuationModel,
      vestingYears,
      exitRate,
      exerciseMultiple,
      stepsPerYear,
      expirationTime,
      timeZone,
      acceptedChannels,
      newOptionLifeYears,
      newOptionVesting,
      exchangeRatio: exchangeRatio ?? OFFER_CONVENTIONS.exchangeRatio,
      splitFactor: splitFactor ?? OFFER_CONVENTIONS.splitFactor,
      newOptionRounding: newOptionRounding as NewOptionRounding,
      newGrantDate,
      amendments: amendments as OfferAmendment[],
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
  const numbers = [
    "stockPrice",
    "volatility",
    "riskFreeRate",
    "dividendYield",
    "exercisePriceThreshold",
    "sharesOutstanding",
    "newOptionLifeYears",
    "exchangeRatio",
    "splitFactor",
    "vestingYears",
    "exitRate",
    "exerciseMultiple",
    "stepsPerYear",
  ] as const;
  const optional: ReadonlySet<string> = new Set(["sharesOutstanding", "newOptionLifeYears", "vestingYears", "exitRate", "exerciseMultiple", "stepsPerYear"]);
  for (const name of numbers) {
    const n = terms[name];
    if (n === undefined && optional.has(name)) continue;
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
  // the valuation model and what "hull-white" needs
  const model = readChoice(p, "valuationModel", terms.valuationModel, VALUATION_MODELS);
  modelRuleProblems(p, { valuationModel: model, vestingBlank: terms.vestingYears === undefined, exitBlank: terms.exitRate === undefined, volatility: terms.volatility });
  // elections and the new option, as typed: the readers' checks where the value has the form read
  if (terms.expirationTime !== undefined && !(Number.isInteger(terms.expirationTime) && terms.expirationTime >= 0 && terms.expirationTime < MINUTES_PER_DAY)) {
    p.add("expirationTime", "range", `${field("expirationTime")} (${shown(terms.expirationTime)}) must be minutes after midnight, a whole number from 0 to 1439`);
  }
  if (terms.timeZone !== undefined) readZone(p, "timeZone", terms.timeZone);
  if (terms.acceptedChannels !== undefined) readChannels(p, "acceptedChannels", terms.acceptedChannels);
  const vesting = terms.newOptionVesting === undefined ? undefined : readVesting(p, "newOptionVesting", terms.newOptionVesting);
  readChoice(p, "newOptionRounding", terms.newOptionRounding, ["floor-per-grant", "floor-per-holder", "nearest-per-grant"] as const);
  // a day of Excel's calendar: 1900-01-01 (1) to 9999-12-31 (2958465)
  const isDay = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 2958465;
  if (terms.newGrantDate !== undefined && !isDay(terms.newGrantDate)) p.add("newGrantDate", "date-format", `${field("newGrantDate")} (${shown(terms.newGrantDate)}) must be a day (an Excel serial)`);
  const amendments = terms.amendments ?? [];
  if (!Array.isArray(amendments)) p.add("amendments", "type", `${field("amendments")} (${shown(amendments)}) must be a list of amendments`);
  else {
    amendments.forEach((a, i) => {
      const at = `amendments[${i}]`;
      if (!isDay(a?.date)) p.add(`${at}.date`, "date-format", `${field(`${at}.date`)} (${shown(a?.date)}) must be a day (an Excel serial)`);
      for (const key of ["considerationChanged", "numberSoughtChanged"] as const) {
        if (typeof a?.[key] !== "boolean") p.add(`${at}.${key}`, "type", `${field(`${at}.${key}`)} (${shown(a?.[key])}) must be true or false`);
      }
    });
  }
  dateOrderProblems(p, terms);
  const lifeOk = terms.newOptionLifeYears !== undefined && rangeProblem("newOptionLifeYears", terms.newOptionLifeYears, String(terms.newOptionLifeYears)) === undefined;
  electionRuleProblems(p, {
    termBasis: terms.termBasis,
    lifeBlank: terms.newOptionLifeYears === undefined,
    vestingBlank: terms.newOptionVesting === undefined,
    newOptionLifeYears: lifeOk ? terms.newOptionLifeYears : undefined,
    newOptionVesting: vesting,
    commencementDate: terms.commencementDate,
    cancellationDate: terms.cancellationDate,
    newGrantDate: isDay(terms.newGrantDate) ? terms.newGrantDate : undefined,
    amendments: Array.isArray(amendments) ? amendments : [],
  });
  return p.list;
}

/**
 * Fields the valuation never reads: only the elections use them (electionTerms checks them, as the
 * reader does). The new option's life and vesting are not among them: the "simplified" term basis
 * and the simplified term on record read them.
 */
const ELECTIONS_ONLY: ReadonlySet<string> = new Set(["expirationTime", "timeZone", "acceptedChannels", "exchangeRatio", "splitFactor", "newOptionRounding", "newGrantDate", "amendments"]);

/**
 * The problems of typed terms that concern the valuation (offerTermsProblems without the fields only
 * the elections read): what `valueOffer` refuses terms built in code for.
 */
export function valuationTermsProblems(terms: OfferTerms): OfferFieldError[] {
  return offerTermsProblems(terms).filter((e) => !ELECTIONS_ONLY.has(topField(e.field)));
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
  return parseJsonText(text, name, (message) => new OfferTermsError([{ field: "", fields: [], code: "json-syntax", message }]));
}

/**
 * Parses JSON text as {@link readOfferJson} does (a byte order mark skipped, a syntax error or a key
 * given twice refused), throwing `fail("<name> line L, column C: <reason>")`: the separation's
 * TERMS.json reader shares it.
 */
export function parseJsonText(text: string, name: string, fail: (message: string) => Error): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problem = jsonSyntaxProblem(body);
  if (problem) {
    const { line, column } = lineColumn(body, problem.offset);
    throw fail(`${name} line ${line}, column ${column}: ${problem.reason}`);
  }
  return JSON.parse(body);
}
