/**
 * An exchange offer's terms and valuation assumptions, and reading them from JSON (OFFER.json).
 */
import Decimal from "decimal.js";
import { invalidValue, showValue } from "../errors";
import { isoToSerial, MAX_SERIAL, MIN_SERIAL, serialToIso } from "../dates/serial";
import { FeeRounding } from "../fees/filingFee";
import { normalizeCountry, normalizeHolderClass } from "../ledger/values";

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
  /** Common shares outstanding (for "eligible shares as % of common stock"). */
  sharesOutstanding?: number;
  /** Fees already paid for this offer, dollars as a decimal string. */
  feesPreviouslyPaid: string;
}

/**
 * Defaults from the seed's offer (Capstone Turbine, 2003). Volatility and rate have none; the
 * issuer's name defaults to "the Company", not Capstone.
 */
export const CAPSTONE_2003_TERMS: Readonly<Omit<OfferTerms, "volatility" | "riskFreeRate" | "issuerName">> = {
  valuationDate: isoToSerial("2003-06-23") as number,
  stockPrice: 1.27,
  dividendYield: 0,
  exercisePriceThreshold: 2,
  eligibleHolderClasses: ["employee"],
  eligibleCountries: ["US"],
  commencementDate: isoToSerial("2003-06-25") as number,
  expirationDate: isoToSerial("2003-07-24") as number,
  cancellationDate: isoToSerial("2003-07-25") as number,
  filingDate: isoToSerial("2003-06-25") as number,
  feeRounding: "cent",
  termBasis: "remaining",
  feesPreviouslyPaid: "0",
};

const FIELDS = [
  "issuerName", "valuationDate", "stockPrice", "volatility", "riskFreeRate", "dividendYield", "exercisePriceThreshold",
  "eligibleHolderClasses", "eligibleCountries", "commencementDate", "expirationDate", "cancellationDate", "filingDate",
  "feeRatePerMillion", "feeRounding", "termBasis", "sharesOutstanding", "feesPreviouslyPaid",
] as const;

function field(name: string): string {
  return `offer.${name}`;
}

function readDateField(value: unknown, name: string): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= MIN_SERIAL && value <= MAX_SERIAL) return value;
  if (typeof value === "string") {
    const serial = isoToSerial(value);
    if (serial !== undefined) return serial;
  }
  return invalidValue(`${field(name)} (${showValue(value)}) must be a date YYYY-MM-DD`);
}

function readNumberField(value: unknown, name: string, min: number, max: number): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) invalidValue(`${field(name)} (${showValue(value)}) must be a number`);
  if ((n as number) < min || (n as number) > max) invalidValue(`${field(name)} (${n}) must be between ${min} and ${max}`);
  return n as number;
}

function readMoneyField(value: unknown, name: string): string {
  try {
    const d = new Decimal(typeof value === "number" || typeof value === "string" ? value : NaN);
    if (!d.isFinite() || d.isNegative()) throw new Error();
    return d.toFixed();
  } catch {
    return invalidValue(`${field(name)} (${showValue(value)}) must be a non-negative amount`);
  }
}

function readList(value: unknown, name: string, normalize: (s: string) => string): string[] {
  const list = typeof value === "string" ? value.split(",") : value;
  if (!Array.isArray(list) || list.some((v) => typeof v !== "string")) invalidValue(`${field(name)} must be a list of text`);
  return [...new Set((list as string[]).map((v) => normalize(v.trim())).filter((v) => v !== ""))];
}

/**
 * Reads offer terms from a plain object (parsed OFFER.json, or the pane's form), filling defaults
 * from the seed; unknown fields and bad values throw `#VALUE!` naming the field.
 */
export function readOfferTerms(input: unknown): OfferTerms {
  if (typeof input !== "object" || input === null || Array.isArray(input)) invalidValue("the offer must be a JSON object");
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!(FIELDS as readonly string[]).includes(key) && !key.startsWith("_")) {
      invalidValue(`${field(key)} is not an offer field (fields: ${FIELDS.join(", ")})`);
    }
  }
  const d = CAPSTONE_2003_TERMS;
  const has = (k: string) => o[k] !== undefined && o[k] !== null && o[k] !== "";
  if (!has("volatility")) invalidValue(`${field("volatility")} is required (0.9 = 90%)`);
  if (!has("riskFreeRate")) invalidValue(`${field("riskFreeRate")} is required (0.03 = 3%)`);
  const feeRounding = has("feeRounding") ? String(o.feeRounding).toLowerCase() : d.feeRounding;
  if (feeRounding !== "cent" && feeRounding !== "dollar") invalidValue(`${field("feeRounding")} (${showValue(o.feeRounding)}) must be "cent" or "dollar"`);
  const termBasis = has("termBasis") ? String(o.termBasis).toLowerCase() : d.termBasis;
  if (termBasis !== "remaining" && termBasis !== "simplified") invalidValue(`${field("termBasis")} (${showValue(o.termBasis)}) must be "remaining" or "simplified"`);
  let feeRatePerMillion: string | undefined;
  if (has("feeRatePerMillion")) {
    feeRatePerMillion = readMoneyField(o.feeRatePerMillion, "feeRatePerMillion");
    if (new Decimal(feeRatePerMillion).isZero()) invalidValue(`${field("feeRatePerMillion")} must be > 0`);
  }
  const terms: OfferTerms = {
    issuerName: has("issuerName") ? String(o.issuerName) : "the Company",
    valuationDate: has("valuationDate") ? readDateField(o.valuationDate, "valuationDate") : d.valuationDate,
    stockPrice: has("stockPrice") ? readNumberField(o.stockPrice, "stockPrice", 1e-9, 1e9) : d.stockPrice,
    volatility: readNumberField(o.volatility, "volatility", 0, 100),
    riskFreeRate: readNumberField(o.riskFreeRate, "riskFreeRate", -10, 10),
    dividendYield: has("dividendYield") ? readNumberField(o.dividendYield, "dividendYield", -10, 10) : d.dividendYield,
    exercisePriceThreshold: has("exercisePriceThreshold") ? readNumberField(o.exercisePriceThreshold, "exercisePriceThreshold", 0, 1e9) : d.exercisePriceThreshold,
    eligibleHolderClasses: has("eligibleHolderClasses") ? readList(o.eligibleHolderClasses, "eligibleHolderClasses", normalizeHolderClass) : [...d.eligibleHolderClasses],
    eligibleCountries: has("eligibleCountries") ? readList(o.eligibleCountries, "eligibleCountries", normalizeCountry) : [...d.eligibleCountries],
    commencementDate: has("commencementDate") ? readDateField(o.commencementDate, "commencementDate") : d.commencementDate,
    expirationDate: has("expirationDate") ? readDateField(o.expirationDate, "expirationDate") : d.expirationDate,
    cancellationDate: has("cancellationDate") ? readDateField(o.cancellationDate, "cancellationDate") : d.cancellationDate,
    filingDate: has("filingDate") ? readDateField(o.filingDate, "filingDate") : d.filingDate,
    feeRatePerMillion,
    feeRounding,
    termBasis,
    sharesOutstanding: has("sharesOutstanding") ? readNumberField(o.sharesOutstanding, "sharesOutstanding", 1, 1e15) : undefined,
    feesPreviouslyPaid: has("feesPreviouslyPaid") ? readMoneyField(o.feesPreviouslyPaid, "feesPreviouslyPaid") : d.feesPreviouslyPaid,
  };
  if (terms.sharesOutstanding !== undefined && !Number.isInteger(terms.sharesOutstanding)) {
    invalidValue(`${field("sharesOutstanding")} (${terms.sharesOutstanding}) must be a whole number`);
  }
  if (terms.expirationDate < terms.commencementDate) {
    invalidValue(`${field("expirationDate")} (${serialToIso(terms.expirationDate)}) precedes commencementDate (${serialToIso(terms.commencementDate)})`);
  }
  if (terms.cancellationDate < terms.expirationDate) {
    invalidValue(`${field("cancellationDate")} (${serialToIso(terms.cancellationDate)}) precedes expirationDate (${serialToIso(terms.expirationDate)})`);
  }
  return terms;
}
