/**
 * The one description of every OFFER.json field: which record it belongs to, what kind of value it
 * takes, whether it is required or which convention a blank means, and how the pane's form and the
 * Assumptions sheet show it. The JSON reader (offerTerms.ts), the form (taskpane/state/offerForm.ts),
 * the Assumptions sheet (taskpane/workbook/model.ts) and the sample script all read this table, so
 * adding a field is one row here plus its use (test/offer/schema.test.ts checks all four).
 *
 * `amendments` is one text cell on the Assumptions sheet (each amendment's date and what it changed):
 * a list of objects has no one-cell value, and no formula of the workbook reads it.
 */

/** The records an offer's fields belong to (see records.ts). */
export type OfferRecordName = "offer" | "market" | "fees" | "policy";

/**
 * What a field's value is: `time` a local clock time ("17:00"), `zone` an IANA time zone, `vesting`
 * an object of four numbers (its `parts`), `amendments` a list of amendment objects.
 */
export type FieldKind = "text" | "number" | "money" | "date" | "list" | "choice" | "count" | "time" | "zone" | "vesting" | "amendments";

/** A named cell of the Assumptions sheet: its name, number format and note (and label, when not the form's). */
export interface SheetCell {
  name: string;
  format: string;
  note: string;
  label?: string;
}

/** One key of an object-valued field (newOptionVesting's four numbers). */
export interface OfferFieldPart {
  /** The key inside the field's object ("vestingMonths"); messages name `offer.<field>.<key>`. */
  key: string;
  label: string;
  hint: string;
  sheet: SheetCell;
}

/** The groups of the pane's offer form. */
export type OfferFieldGroup = "offer" | "elections";

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
  /** The form's group: "offer" (valuation and fee) or "elections" (elections and the new option). */
  group: OfferFieldGroup;
  /** Commands that need the field although `optex value` does not (electionTerms names them). */
  requiredBy?: string;
  /**
   * Required when another field has this value (the lattice's vestingYears and exitRate when
   * valuationModel is "hull-white"); the reader names both fields when it is missing.
   */
  requiredWhen?: { field: string; value: string };
  /**
   * The form shows the field only when another field has this value (the Hull-White lattice's four
   * assumptions when valuationModel is "hull-white"), or when the field holds a value already. The
   * form's marker only: the reader's rules (requiredWhen, the lattice-assumptions-unused warning) do not change.
   */
  shownWhen?: { field: string; is: string };
  /**
   * The Assumptions sheet's named cell, number format and note (and label, when not the form's);
   * absent for a field with `parts`, whose cells are the parts'.
   */
  sheet?: SheetCell;
  /** The keys of an object-valued field, each with its own label, hint and named cell. */
  parts?: readonly OfferFieldPart[];
}

/** Every OFFER.json field, in the order the README, the form and the Assumptions sheet list them. */
export const OFFER_SCHEMA = [
  { name: "issuerName", record: "offer", kind: "text", required: true, label: "Issuer", hint: "the issuer's name, as the fee footnote prints it", group: "offer", sheet: { name: "Issuer_Name", format: "@", note: "" } },
  { name: "valuationDate", record: "market", kind: "date", required: true, label: "Valuation date", hint: "YYYY-MM-DD: the date of the stock price", group: "offer", sheet: { name: "Valuation_Date", format: "yyyy-mm-dd", note: "Black-Scholes inputs are as of this date" } },
  { name: "stockPrice", record: "market", kind: "number", required: true, label: "Stock price ($)", hint: "the closing price on the valuation date, $ per share", group: "offer", sheet: { name: "Stock_Price", format: "#,##0.00##", note: "closing price on the valuation date" } },
  { name: "volatility", record: "market", kind: "number", required: true, label: "Volatility", hint: "a decimal: 0.9 = 90%", group: "offer", sheet: { name: "Volatility", format: "0.00####%", note: "annual, as a decimal (0.9 = 90%)" } },
  { name: "riskFreeRate", record: "market", kind: "number", required: true, label: "Risk-free rate", hint: "a decimal: 0.03 = 3%", group: "offer", sheet: { name: "Risk_Free_Rate", format: "0.00##%", note: "continuously compounded" } },
  { name: "dividendYield", record: "market", kind: "number", required: false, blankMeans: "0", label: "Dividend yield", hint: "a decimal: 0.02 = 2%", group: "offer", sheet: { name: "Dividend_Yield", format: "0.00##%", note: "continuous" } },
  { name: "exercisePriceThreshold", record: "offer", kind: "number", required: true, label: "Exercise price threshold ($)", hint: "$: options at or above this exercise price are eligible", group: "offer", sheet: { name: "Price_Threshold", format: "#,##0.00", note: "eligible at or above" } },
  { name: "eligibleHolderClasses", record: "offer", kind: "list", required: true, label: "Eligible holder classes", hint: 'e.g. ["employee"]', group: "offer", sheet: { name: "Eligible_Classes", format: "@", note: "holder classes the offer is open to" } },
  { name: "eligibleCountries", record: "offer", kind: "list", required: true, label: "Eligible countries", hint: 'e.g. ["US"]', group: "offer", sheet: { name: "Eligible_Countries", format: "@", note: "countries of residence the offer is open to" } },
  { name: "commencementDate", record: "offer", kind: "date", required: true, label: "Commencement", hint: "YYYY-MM-DD", group: "offer", sheet: { name: "Commencement_Date", format: "yyyy-mm-dd", note: "", label: "Commencement date" } },
  { name: "expirationDate", record: "offer", kind: "date", required: true, label: "Expiration", hint: "YYYY-MM-DD", group: "offer", sheet: { name: "Offer_Expiration", format: "yyyy-mm-dd", note: "the offer's expiration (not an option's)", label: "Expiration date" } },
  { name: "cancellationDate", record: "offer", kind: "date", required: true, label: "Cancellation", hint: "YYYY-MM-DD", group: "offer", sheet: { name: "Cancellation_Date", format: "yyyy-mm-dd", note: "", label: "Cancellation date" } },
  { name: "filingDate", record: "fees", kind: "date", required: true, label: "Filing date", hint: "YYYY-MM-DD", group: "offer", sheet: { name: "Filing_Date", format: "yyyy-mm-dd", note: "" } },
  { name: "feeRatePerMillion", record: "fees", kind: "money", required: false, blankMeans: "the SEC rate on the filing date", label: "Fee rate ($ per $1,000,000)", hint: "$ per $1,000,000", group: "offer", sheet: { name: "Fee_Rate", format: "#,##0.00#############", note: "" } },
  { name: "feeRounding", record: "fees", kind: "choice", required: false, choices: ["cent", "dollar"], blankMeans: "cent", label: "Fee rounding", hint: '"cent" or "dollar"', group: "offer", sheet: { name: "Fee_Rounding", format: "@", note: '"cent" or "dollar"' } },
  { name: "termBasis", record: "policy", kind: "choice", required: false, choices: ["remaining", "simplified"], blankMeans: "remaining", label: "Term", hint: '"remaining" or "simplified"', group: "offer", sheet: { name: "Term_Basis", format: "@", note: '"remaining" or "simplified" (SAB 107, new-option schedule)', label: "Term basis" } },
  // --- the valuation model (issue 10): the policy's model of the accounting (ASC 718) value; the
  // filing fee is Black-Scholes whatever it says. The lattice's assumptions are read whatever the
  // model; "hull-white" requires vestingYears and exitRate (no default: they describe this offer's
  // holders), and a black-scholes offer that states them is warned that they are not used.
  { name: "valuationModel", record: "policy", kind: "choice", required: false, choices: ["black-scholes", "hull-white"], blankMeans: "black-scholes", label: "Valuation model", hint: '"black-scholes" or "hull-white" (the Hull-White employee-option lattice); the filing fee is always Black-Scholes', group: "offer", sheet: { name: "Valuation_Model", format: "@", note: '"black-scholes" or "hull-white": the model of the value column; the filing fee is always Black-Scholes' } },
  { name: "vestingYears", record: "policy", kind: "number", required: false, requiredWhen: { field: "valuationModel", value: "hull-white" }, shownWhen: { field: "valuationModel", is: "hull-white" }, label: "Years to vesting", hint: "years from the valuation date until the eligible options vest, one figure for all of them: 0 = vested, as an exchange's old options usually are (at most 100)", group: "offer", sheet: { name: "Vesting_Years", format: "0.####", note: "years from the valuation date until the options vest (0 = vested); a holder who leaves before forfeits" } },
  { name: "exitRate", record: "policy", kind: "number", required: false, requiredWhen: { field: "valuationModel", value: "hull-white" }, shownWhen: { field: "valuationModel", is: "hull-white" }, label: "Exit rate (a year)", hint: "a decimal a year: 0.1 = 10% of holders leave each year", group: "offer", sheet: { name: "Exit_Rate", format: "0.00##%", note: "holders leaving a year, as a decimal: before vesting they forfeit, after it they exercise if in the money" } },
  { name: "exerciseMultiple", record: "policy", kind: "number", required: false, blankMeans: "never exercised early", shownWhen: { field: "valuationModel", is: "hull-white" }, label: "Exercise multiple", hint: "vested options are exercised once the stock reaches this multiple of the exercise price (>= 1: 2.5 = at 2.5 x the exercise price)", group: "offer", sheet: { name: "Exercise_Multiple", format: "0.####", note: "vested options are exercised once the stock reaches this multiple of the exercise price; blank: never early" } },
  { name: "stepsPerYear", record: "policy", kind: "count", required: false, blankMeans: "100", shownWhen: { field: "valuationModel", is: "hull-white" }, label: "Lattice steps a year", hint: "the binomial tree's steps a year, a whole number from 1 to 20,000", group: "offer", sheet: { name: "Steps_Per_Year", format: "0", note: "steps a year of the Hull-White tree" } },
  { name: "sharesOutstanding", record: "offer", kind: "count", required: false, blankMeans: "% of common stock not shown", label: "Common shares outstanding", hint: "common shares outstanding", group: "offer", sheet: { name: "Common_Shares", format: "#,##0", note: "" } },
  { name: "feesPreviouslyPaid", record: "fees", kind: "money", required: false, blankMeans: "0", label: "Fees previously paid ($)", hint: "$", group: "offer", sheet: { name: "Fees_Previously_Paid", format: "#,##0.00", note: "" } },
  // --- elections and the new option (issue 9): optional for `optex value`; `optex elections` needs the
  // first five (electionTerms in records.ts names each one missing); the rest have conventions.
  { name: "expirationTime", record: "offer", kind: "time", required: false, requiredBy: "optex elections", label: "Expiration time", hint: 'the local clock time the offer expires, "HH:MM" (24-hour) such as "17:00", or "5:00 p.m."', group: "elections", sheet: { name: "Expiration_Time", format: "h:mm AM/PM", note: "local time in Time_Zone on the expiration date; forms count only if received before it" } },
  { name: "timeZone", record: "offer", kind: "zone", required: false, requiredBy: "optex elections", label: "Time zone", hint: 'an IANA zone such as "America/Los_Angeles"', group: "elections", sheet: { name: "Time_Zone", format: "@", note: "IANA time zone of the expiration time (daylight saving from the time-zone database)" } },
  { name: "acceptedChannels", record: "offer", kind: "list", required: false, requiredBy: "optex elections", label: "Accepted channels", hint: 'e.g. ["fax", "hand"]', group: "elections", sheet: { name: "Accepted_Channels", format: "@", note: "how a form may arrive and count (fax, hand, email, mail, courier, web)" } },
  { name: "newOptionLifeYears", record: "offer", kind: "number", required: false, requiredBy: "optex elections", label: "New option life (years)", hint: "the new option's contractual life in years (> 0, at most 100)", group: "elections", sheet: { name: "New_Option_Life", format: "0.####", note: "contractual life of the new options, years" } },
  {
    name: "newOptionVesting",
    record: "offer",
    kind: "vesting",
    required: false,
    requiredBy: "optex elections",
    label: "New option vesting",
    hint: 'an object {"vestingMonths", "cliffMonths", "upfrontFraction", "intervalMonths"}',
    group: "elections",
    parts: [
      { key: "vestingMonths", label: "Vesting (months)", hint: "whole months to full vesting, 0 to 1200", sheet: { name: "New_Vesting_Months", format: "0", note: "whole months to full vesting", label: "New option vesting months" } },
      { key: "cliffMonths", label: "Cliff (months)", hint: "whole months before the first installment vests, 0 to the vesting months", sheet: { name: "New_Cliff_Months", format: "0", note: "whole months before the first installment vests", label: "New option cliff months" } },
      { key: "upfrontFraction", label: "Vested at grant", hint: "a decimal: 0.125 = 12.5%", sheet: { name: "New_Upfront_Fraction", format: "0.00##%", note: "fraction vested on the grant date", label: "New option vested at grant" } },
      { key: "intervalMonths", label: "Interval (months)", hint: "whole months between installments, 1 to 1200", sheet: { name: "New_Interval_Months", format: "0", note: "whole months between installments", label: "New option vesting interval" } },
    ],
  },
  { name: "exchangeRatio", record: "offer", kind: "number", required: false, blankMeans: "1", label: "Exchange ratio", hint: "old options surrendered per new option (1 = one for one, 2 = two old for one new)", group: "elections", sheet: { name: "Exchange_Ratio", format: "0.######", note: "old options per new option" } },
  { name: "splitFactor", record: "offer", kind: "number", required: false, blankMeans: "1", label: "Split factor", hint: "new shares per old share after a split between cancellation and the new grant (0.1 = a 1-for-10 reverse split)", group: "elections", sheet: { name: "Split_Factor", format: "0.######", note: "shares per share after a split before the new grant" } },
  { name: "newOptionRounding", record: "offer", kind: "choice", required: false, choices: ["floor-per-grant", "floor-per-holder", "nearest-per-grant"], blankMeans: "floor-per-grant", label: "New option rounding", hint: '"floor-per-grant", "floor-per-holder" or "nearest-per-grant"', group: "elections", sheet: { name: "New_Option_Rounding", format: "@", note: "how new option shares are rounded to whole shares" } },
  { name: "newGrantDate", record: "offer", kind: "date", required: false, blankMeans: "NEW_GRANT_DATE(cancellation date)", label: "New grant date", hint: "YYYY-MM-DD, on or after the cancellation date", group: "elections", sheet: { name: "New_Grant_Date", format: "yyyy-mm-dd", note: "" } },
  // amendments: one text cell on the sheet (each amendment's date and what it changed), for reading;
  // no formula uses it, so it need not be cells of its own
  { name: "amendments", record: "offer", kind: "amendments", required: false, blankMeans: "none", label: "Amendments", hint: 'a list of {"date": "YYYY-MM-DD", "considerationChanged": true or false, "numberSoughtChanged": true or false, "description": "..."}', group: "elections", sheet: { name: "Amendments", format: "@", note: "Schedule TO-I/A: a change in consideration or in the number sought keeps the offer open 10 business days" } },
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

/** A field's named cells on the Assumptions sheet: its own, or its parts' (in order). */
export function sheetCellsOf(f: OfferFieldDef): readonly SheetCell[] {
  if (f.parts) return f.parts.map((p) => p.sheet);
  return f.sheet ? [f.sheet] : [];
}

/** Every named cell of the Assumptions sheet, in the schema's order. */
export const ASSUMPTION_CELLS: readonly SheetCell[] = (OFFER_SCHEMA as readonly OfferFieldDef[]).flatMap((f) => sheetCellsOf(f));

/** Fields `optex elections` needs although `optex value` does not, in order. */
export const ELECTION_FIELDS: readonly OfferFieldName[] = (OFFER_SCHEMA as readonly OfferFieldDef[]).filter((f) => f.requiredBy !== undefined).map((f) => f.name as OfferFieldName);
