/**
 * The one description of every OFFER.json field: which record it belongs to, what kind of value it
 * takes, whether it is required or which convention a blank means, and how the pane's form and the
 * Assumptions sheet show it. The JSON reader (offerTerms.ts), the form (taskpane/state/offerForm.ts),
 * the Assumptions sheet (taskpane/workbook/model.ts) and the sample script all read this table, so
 * adding a field is one row here plus its use (test/offer/schema.test.ts checks all four).
 */

/** The records an offer's fields belong to (see records.ts). */
export type OfferRecordName = "offer" | "market" | "fees" | "policy";

/** What a field's value is. */
export type FieldKind = "text" | "number" | "money" | "date" | "list" | "choice" | "count";

export interface OfferFieldDef {
  /** OFFER.json's (flat, camelCase) name; the pane's form uses it too. */
  name: string;
  record: OfferRecordName;
  kind: FieldKind;
  /** Describes this offer or market: no default (nothing comes from another offer). */
  required: boolean;
  /** What a blank means for a convention (for the form's placeholder and the docs). */
  blankMeans?: string;
  /** For `choice`: the allowed values, the first being the convention. */
  choices?: readonly string[];
  /** The form's and the sheet's label. */
  label: string;
  /** Said after "is required (...)" and under the form's field. */
  hint: string;
  /** The Assumptions sheet's named cell, number format and note (and label, when not the form's). */
  sheet: { name: string; format: string; note: string; label?: string };
}

/** Every OFFER.json field, in the order the README, the form and the Assumptions sheet list them. */
export const OFFER_SCHEMA = [
  { name: "issuerName", record: "offer", kind: "text", required: true, label: "Issuer", hint: "the issuer's name, as the fee footnote prints it", sheet: { name: "Issuer_Name", format: "@", note: "" } },
  { name: "valuationDate", record: "market", kind: "date", required: true, label: "Valuation date", hint: "YYYY-MM-DD: the date of the stock price", sheet: { name: "Valuation_Date", format: "yyyy-mm-dd", note: "Black-Scholes inputs are as of this date" } },
  { name: "stockPrice", record: "market", kind: "number", required: true, label: "Stock price ($)", hint: "the closing price on the valuation date, $ per share", sheet: { name: "Stock_Price", format: "#,##0.00##", note: "closing price on the valuation date" } },
  { name: "volatility", record: "market", kind: "number", required: true, label: "Volatility", hint: "a decimal: 0.9 = 90%", sheet: { name: "Volatility", format: "0.00####%", note: "annual, as a decimal (0.9 = 90%)" } },
  { name: "riskFreeRate", record: "market", kind: "number", required: true, label: "Risk-free rate", hint: "a decimal: 0.03 = 3%", sheet: { name: "Risk_Free_Rate", format: "0.00##%", note: "continuously compounded" } },
  { name: "dividendYield", record: "market", kind: "number", required: false, blankMeans: "0", label: "Dividend yield", hint: "a decimal: 0.02 = 2%", sheet: { name: "Dividend_Yield", format: "0.00##%", note: "continuous" } },
  { name: "exercisePriceThreshold", record: "offer", kind: "number", required: true, label: "Exercise price threshold ($)", hint: "$: options at or above this exercise price are eligible", sheet: { name: "Price_Threshold", format: "#,##0.00", note: "eligible at or above" } },
  { name: "eligibleHolderClasses", record: "offer", kind: "list", required: true, label: "Eligible holder classes", hint: 'e.g. ["employee"]', sheet: { name: "Eligible_Classes", format: "@", note: "holder classes the offer is open to" } },
  { name: "eligibleCountries", record: "offer", kind: "list", required: true, label: "Eligible countries", hint: 'e.g. ["US"]', sheet: { name: "Eligible_Countries", format: "@", note: "countries of residence the offer is open to" } },
  { name: "commencementDate", record: "offer", kind: "date", required: true, label: "Commencement", hint: "YYYY-MM-DD", sheet: { name: "Commencement_Date", format: "yyyy-mm-dd", note: "", label: "Commencement date" } },
  { name: "expirationDate", record: "offer", kind: "date", required: true, label: "Expiration", hint: "YYYY-MM-DD", sheet: { name: "Offer_Expiration", format: "yyyy-mm-dd", note: "the offer's expiration (not an option's)", label: "Expiration date" } },
  { name: "cancellationDate", record: "offer", kind: "date", required: true, label: "Cancellation", hint: "YYYY-MM-DD", sheet: { name: "Cancellation_Date", format: "yyyy-mm-dd", note: "", label: "Cancellation date" } },
  { name: "filingDate", record: "fees", kind: "date", required: true, label: "Filing date", hint: "YYYY-MM-DD", sheet: { name: "Filing_Date", format: "yyyy-mm-dd", note: "" } },
  { name: "feeRatePerMillion", record: "fees", kind: "money", required: false, blankMeans: "the SEC rate on the filing date", label: "Fee rate ($ per $1,000,000)", hint: "$ per $1,000,000", sheet: { name: "Fee_Rate", format: "#,##0.00#############", note: "" } },
  { name: "feeRounding", record: "fees", kind: "choice", required: false, choices: ["cent", "dollar"], blankMeans: "cent", label: "Fee rounding", hint: '"cent" or "dollar"', sheet: { name: "Fee_Rounding", format: "@", note: '"cent" or "dollar"' } },
  { name: "termBasis", record: "policy", kind: "choice", required: false, choices: ["remaining", "simplified"], blankMeans: "remaining", label: "Term", hint: '"remaining" or "simplified"', sheet: { name: "Term_Basis", format: "@", note: '"remaining" or "simplified" (SAB 107, new-option schedule)', label: "Term basis" } },
  { name: "sharesOutstanding", record: "offer", kind: "count", required: false, blankMeans: "% of common stock not shown", label: "Common shares outstanding", hint: "common shares outstanding", sheet: { name: "Common_Shares", format: "#,##0", note: "" } },
  { name: "feesPreviouslyPaid", record: "fees", kind: "money", required: false, blankMeans: "0", label: "Fees previously paid ($)", hint: "$", sheet: { name: "Fees_Previously_Paid", format: "#,##0.00", note: "" } },
] as const satisfies readonly OfferFieldDef[];

/** An OFFER.json field's name. */
export type OfferFieldName = (typeof OFFER_SCHEMA)[number]["name"];

/** Every OFFER.json field, in order. */
export const OFFER_FIELD_NAMES: readonly OfferFieldName[] = OFFER_SCHEMA.map((f) => f.name);

/** Fields that describe this offer or this market: no default. */
export const REQUIRED_OFFER_FIELDS: readonly OfferFieldName[] = OFFER_SCHEMA.filter((f) => f.required).map((f) => f.name);

/** A field's description. */
export function offerField(name: OfferFieldName): OfferFieldDef {
  return OFFER_SCHEMA.find((f) => f.name === name) as OfferFieldDef;
}
