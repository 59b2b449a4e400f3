/**
 * The offer form as text fields (what the user typed), and its conversion to offer terms through the
 * core's reader (the same rules as OFFER.json: required fields, number grammar, units, date order).
 */
import { checkOfferTerms, OfferFieldError, OfferTerms } from "../../core/offer/offerTerms";
import { FieldKind, OFFER_SCHEMA, OfferFieldDef, OfferFieldName } from "../../core/offer/schema";

/** Field names are OFFER.json's camelCase names; values as typed (dates ISO). */
export type OfferForm = Record<string, string>;

export interface FieldSpec {
  name: OfferFieldName;
  label: string;
  kind: "text" | "number" | "date" | "choice";
  /** Must be filled in (a blank is an error: no value comes from another offer). */
  required: boolean;
  hint?: string;
  /** Shown in a blank optional field: what a blank means. */
  placeholder?: string;
  choices?: string[];
}

/** The form's wording beyond the schema's label (hints written for a form rather than a message). */
const FORM_HINTS: Partial<Record<OfferFieldName, string>> = {
  issuerName: "as the fee footnote names it",
  stockPrice: "closing price on the valuation date",
  volatility: "decimal: 0.9 = 90%",
  riskFreeRate: "decimal: 0.03 = 3%",
  dividendYield: "decimal: 0.02 = 2%",
  exercisePriceThreshold: "eligible at or above",
  eligibleHolderClasses: "comma-separated, e.g. employee",
  eligibleCountries: "comma-separated; USA and United States mean US",
  feeRatePerMillion: "blank = the SEC rate on the filing date",
  sharesOutstanding: "blank = % of common stock not shown",
};

const FORM_KINDS: Record<FieldKind, FieldSpec["kind"]> = { text: "text", list: "text", number: "number", money: "number", count: "number", date: "date", choice: "choice" };

/** The form's placeholder for a blank optional field: what a blank means. */
const PLACEHOLDERS: Partial<Record<OfferFieldName, string>> = { feeRatePerMillion: "SEC rate" };

function specOf(f: OfferFieldDef): Omit<FieldSpec, "name" | "required"> {
  const name = f.name as OfferFieldName;
  return {
    label: f.label,
    kind: FORM_KINDS[f.kind],
    hint: FORM_HINTS[name],
    placeholder: PLACEHOLDERS[name] ?? (f.required || name === "sharesOutstanding" ? undefined : f.blankMeans),
    choices: f.choices ? [...f.choices] : undefined,
  };
}

/** Every offer field, in OFFER.json's order; `required` comes from the core's list. */
export const OFFER_FIELDS: readonly FieldSpec[] = OFFER_SCHEMA.map((f) => ({
  name: f.name,
  required: f.required,
  ...specOf(f),
}));

/** A form with every field blank (the pane's start: nothing from the sample). */
export function emptyForm(): OfferForm {
  return Object.fromEntries(OFFER_FIELDS.map((f) => [f.name, ""]));
}

/** A form from OFFER.json contents (e.g. the Capstone example, when the user asks for it). */
export function formFromJson(json: Record<string, unknown>): OfferForm {
  const form = emptyForm();
  for (const f of OFFER_FIELDS) {
    const v = json[f.name];
    if (v === undefined || v === null) continue;
    form[f.name] =
      typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : Array.isArray(v) && v.every((x) => typeof x === "string") ? v.join(", ") : JSON.stringify(v);
  }
  return form;
}

/** A form from saved settings: fields not saved stay blank (never the sample's values). */
export function formFromSettings(saved: Record<string, string> | undefined): OfferForm {
  const form = emptyForm();
  for (const f of OFFER_FIELDS) {
    const v = saved?.[f.name];
    if (typeof v === "string") form[f.name] = v;
  }
  return form;
}

export interface FormResult {
  /** The terms, when every field reads. */
  terms?: OfferTerms;
  /** Every problem, each naming its field(s); a blank required field says the form's label. */
  errors: OfferFieldError[];
  /** The problems in one line ("; " between them), undefined when there are none. */
  error?: string;
}

/** Offer terms from the form, or every problem of it. */
export function termsFromForm(form: OfferForm): FormResult {
  const json: Record<string, unknown> = {};
  for (const f of OFFER_FIELDS) {
    const v = (form[f.name] ?? "").trim();
    if (v !== "") json[f.name] = v;
  }
  const { terms, errors } = checkOfferTerms(json);
  const worded = errors.map((e) => {
    const spec = OFFER_FIELDS.find((f) => f.name === e.field);
    return e.code === "required" && spec ? { ...e, message: `offer.${e.field} is required (${spec.label})` } : e;
  });
  return terms ? { terms, errors: [] } : { errors: worded, error: worded.map((e) => e.message).join("; ") };
}

/** The messages that concern a field (a date-order error concerns both of its dates). */
export function errorsFor(errors: readonly OfferFieldError[], name: string): string[] {
  return errors.filter((e) => e.fields.includes(name)).map((e) => e.message);
}
