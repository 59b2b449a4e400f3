/**
 * The offer form as text fields (what the user typed), and its conversion to offer terms.
 */
import { CalcError } from "../../core/errors";
import { OfferTerms, readOfferTerms } from "../../core/offer/offerTerms";

/** Field names are OFFER.json's camelCase names; values as typed (dates ISO). */
export type OfferForm = Record<string, string>;

export interface FieldSpec {
  name: string;
  label: string;
  kind: "text" | "number" | "date" | "choice";
  /** Must be filled in (a blank is an error, not the seed's default). */
  required?: boolean;
  hint?: string;
  choices?: string[];
}

export const OFFER_FIELDS: readonly FieldSpec[] = [
  { name: "issuerName", label: "Issuer", kind: "text" },
  { name: "valuationDate", required: true, label: "Valuation date", kind: "date" },
  { name: "stockPrice", required: true, label: "Stock price ($)", kind: "number", hint: "closing price on the valuation date" },
  { name: "volatility", required: true, label: "Volatility", kind: "number", hint: "decimal: 0.9 = 90%" },
  { name: "riskFreeRate", required: true, label: "Risk-free rate", kind: "number", hint: "decimal: 0.03 = 3%" },
  { name: "dividendYield", label: "Dividend yield", kind: "number", hint: "decimal" },
  { name: "exercisePriceThreshold", required: true, label: "Exercise price threshold ($)", kind: "number", hint: "eligible at or above" },
  { name: "eligibleHolderClasses", required: true, label: "Eligible holder classes", kind: "text", hint: "comma-separated, e.g. employee" },
  { name: "eligibleCountries", required: true, label: "Eligible countries", kind: "text", hint: "comma-separated; USA and United States mean US" },
  { name: "commencementDate", required: true, label: "Commencement", kind: "date" },
  { name: "expirationDate", required: true, label: "Expiration", kind: "date" },
  { name: "cancellationDate", required: true, label: "Cancellation", kind: "date" },
  { name: "filingDate", required: true, label: "Filing date", kind: "date" },
  { name: "feeRatePerMillion", label: "Fee rate ($ per $1,000,000)", kind: "number", hint: "blank = the SEC rate on the filing date" },
  { name: "feeRounding", label: "Fee rounding", kind: "choice", choices: ["cent", "dollar"] },
  { name: "termBasis", label: "Term", kind: "choice", choices: ["remaining", "simplified"] },
  { name: "sharesOutstanding", label: "Common shares outstanding", kind: "number" },
  { name: "feesPreviouslyPaid", label: "Fees previously paid ($)", kind: "number" },
];

/** A form from OFFER.json contents. */
export function formFromJson(json: Record<string, unknown>): OfferForm {
  const form: OfferForm = {};
  for (const f of OFFER_FIELDS) {
    const v = json[f.name];
    form[f.name] = v === undefined || v === null ? "" : Array.isArray(v) ? v.join(", ") : String(v);
  }
  return form;
}

/** Offer terms from the form, or the message naming the field at fault. */
export function termsFromForm(form: OfferForm): { terms?: OfferTerms; error?: string } {
  const json: Record<string, unknown> = {};
  for (const f of OFFER_FIELDS) {
    const v = (form[f.name] ?? "").trim();
    if (v !== "") json[f.name] = v;
    else if (f.required) return { error: `offer.${f.name} is required (${f.label})` };
  }
  try {
    return { terms: readOfferTerms(json) };
  } catch (error) {
    if (error instanceof CalcError) return { error: error.message };
    throw error;
  }
}
