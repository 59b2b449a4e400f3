/**
 * The offer form as text fields (what the user typed), and its conversion to offer terms through the
 * core's reader (the same rules as OFFER.json: required fields, number grammar, units, date order).
 *
 * Every input is one text of the form, keyed by OFFER.json's name; an object-valued field has one
 * input per key ("newOptionVesting.vestingMonths"); the amendments list is one text, the JSON list
 * its editor keeps ("" = none).
 */
import { checkOfferTerms, OfferFieldError, OfferTerms } from "../../core/offer/offerTerms";
import { ELECTION_FIELDS, FieldKind, OFFER_SCHEMA, OfferFieldDef, OfferFieldGroup, OfferFieldName } from "../../core/offer/schema";

/** Field names are OFFER.json's camelCase names (parts: "field.key"); values as typed (dates ISO). */
export type OfferForm = Record<string, string>;

/** One input of an object-valued field (newOptionVesting's four numbers). */
export interface PartSpec {
  /** The form's key: "newOptionVesting.vestingMonths". */
  name: string;
  /** The key inside OFFER.json's object: "vestingMonths". */
  key: string;
  label: string;
  hint?: string;
}

export interface FieldSpec {
  name: OfferFieldName;
  label: string;
  kind: "text" | "number" | "date" | "choice" | "vesting" | "amendments";
  /** Must be filled in (a blank is an error: no value comes from another offer). */
  required: boolean;
  /** The form's group: the valuation's fields, or the elections and the new option. */
  group: OfferFieldGroup;
  hint?: string;
  /** Shown in a blank optional field: what a blank means. */
  placeholder?: string;
  choices?: string[];
  /** The inputs of an object-valued field. */
  parts?: PartSpec[];
  /**
   * Required when another field has this value (the lattice's vestingYears and exitRate when
   * valuationModel is "hull-white"): the form may show these fields only then.
   */
  requiredWhen?: { field: string; value: string };
  /**
   * Shown only when another field has this value (the lattice's four assumptions when valuationModel
   * is "hull-white"), or while the field holds a value (see `isShown`).
   */
  shownWhen?: { field: string; is: string };
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
  expirationTime: "local time in the zone below: 17:00 or 5:00 p.m.",
  acceptedChannels: "comma-separated, e.g. fax, hand",
  newGrantDate: "blank = the first business day six months and one day after cancellation",
  valuationModel: "the accounting value's model; the SEC fee is always Black-Scholes",
  vestingYears: "years from the valuation date until the options vest; 0 = vested (hull-white)",
  exitRate: "decimal a year: 0.1 = 10% of holders leave (hull-white)",
  exerciseMultiple: "exercised at this multiple of the exercise price, >= 1 (hull-white)",
  stepsPerYear: "tree steps a year, 1 to 20,000 (hull-white)",
};

const FORM_KINDS: Record<FieldKind, FieldSpec["kind"]> = {
  text: "text",
  list: "text",
  time: "text",
  zone: "text",
  number: "number",
  money: "number",
  count: "number",
  date: "date",
  choice: "choice",
  vesting: "vesting",
  amendments: "amendments",
};

/** The form's placeholder for a blank optional field: what a blank means. */
const PLACEHOLDERS: Partial<Record<OfferFieldName, string>> = { feeRatePerMillion: "SEC rate" };

function specOf(f: OfferFieldDef): Omit<FieldSpec, "name" | "required"> {
  const name = f.name as OfferFieldName;
  return {
    label: f.label,
    kind: FORM_KINDS[f.kind],
    group: f.group,
    // the valuation's fields keep their short form hints; the elections' come from the schema
    hint: FORM_HINTS[name] ?? (f.group === "elections" ? f.hint : undefined),
    placeholder: PLACEHOLDERS[name] ?? (f.required || name === "sharesOutstanding" || f.blankMeans === undefined || f.kind === "amendments" ? undefined : f.blankMeans),
    choices: f.choices ? [...f.choices] : undefined,
    parts: f.parts?.map((p) => ({ name: `${f.name}.${p.key}`, key: p.key, label: p.label, hint: p.hint })),
    ...(f.requiredWhen ? { requiredWhen: { ...f.requiredWhen } } : {}),
    ...(f.shownWhen ? { shownWhen: { ...f.shownWhen } } : {}),
  };
}

/** Every offer field, in OFFER.json's order; `required` comes from the core's list. */
export const OFFER_FIELDS: readonly FieldSpec[] = OFFER_SCHEMA.map((f) => ({
  name: f.name,
  required: f.required,
  ...specOf(f),
}));

/** The form's keys: each field's name, or its parts' names for an object-valued field. */
export const FORM_KEYS: readonly string[] = OFFER_FIELDS.flatMap((f) => (f.parts ? f.parts.map((p) => p.name) : [f.name]));

/** The labels of the fields `optex elections` needs (the form's group says so). */
export const ELECTION_FIELD_LABELS: readonly string[] = ELECTION_FIELDS.map((name) => (OFFER_FIELDS.find((f) => f.name === name) as FieldSpec).label);

/** A form with every field blank (the pane's start: nothing from the sample). */
export function emptyForm(): OfferForm {
  return Object.fromEntries(FORM_KEYS.map((k) => [k, ""]));
}

function asText(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join(", ");
  return JSON.stringify(v);
}

/** A form from OFFER.json contents (e.g. the Capstone example, when the user asks for it). */
export function formFromJson(json: Record<string, unknown>): OfferForm {
  const form = emptyForm();
  for (const f of OFFER_FIELDS) {
    const v = json[f.name];
    if (v === undefined || v === null) continue;
    if (f.parts) {
      const o = typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
      for (const p of f.parts) if (o[p.key] !== undefined && o[p.key] !== null) form[p.name] = asText(o[p.key]);
    } else if (f.kind === "amendments") {
      form[f.name] = Array.isArray(v) && v.length === 0 ? "" : JSON.stringify(v);
    } else {
      form[f.name] = asText(v);
    }
  }
  return form;
}

/** A form from saved settings: fields not saved stay blank (never the sample's values). */
export function formFromSettings(saved: Record<string, string> | undefined): OfferForm {
  const form = emptyForm();
  for (const k of FORM_KEYS) {
    const v = saved?.[k];
    if (typeof v === "string") form[k] = v;
  }
  return form;
}

// --- fields shown on a condition ------------------------------------------------------------------

/** The form's keys of a field: its name, or its parts' names. */
function keysOf(f: FieldSpec): string[] {
  return f.parts ? f.parts.map((p) => p.name) : [f.name];
}

/**
 * Whether the form shows a field: always, unless the schema shows it only when another field has a
 * value (`shownWhen`). Such a field is shown when that field has the value, and also while it holds
 * a value of its own or has a problem, so that nothing the user typed is hidden (and still read)
 * after the other field changes: the lattice's assumptions typed under "hull-white" stay in view,
 * marked unused (`unusedNote`), when the model goes back to "black-scholes".
 */
export function isShown(f: FieldSpec, form: OfferForm, errors: readonly OfferFieldError[] = []): boolean {
  if (!f.shownWhen) return true;
  if ((form[f.shownWhen.field] ?? "").trim() === f.shownWhen.is) return true;
  const keys = keysOf(f);
  return keys.some((k) => (form[k] ?? "").trim() !== "") || errors.some((e) => e.fields.some((name) => name === f.name || keys.includes(name)));
}

/**
 * The note of a conditional field shown only because it holds a value: the reader does not use it
 * (for the lattice's assumptions, the valuation also warns "lattice-assumptions-unused").
 */
export function unusedNote(f: FieldSpec, form: OfferForm): string | undefined {
  if (!f.shownWhen) return undefined;
  const other = (form[f.shownWhen.field] ?? "").trim();
  if (other === f.shownWhen.is || keysOf(f).every((k) => (form[k] ?? "").trim() === "")) return undefined;
  const otherField = OFFER_FIELDS.find((g) => g.name === f.shownWhen?.field);
  const value = other === "" ? `blank (${otherField?.placeholder ?? "its default"})` : `"${other}"`;
  return `Not used while the ${otherField?.label.toLowerCase() ?? f.shownWhen.field} is ${value}: read only with "${f.shownWhen.is}". Clear it, or choose "${f.shownWhen.is}".`;
}

// --- the amendments editor's rows ------------------------------------------------------------------

/** One amendment as the editor shows it (a flag that is not JSON true/false stays as given, for the reader to refuse). */
export interface AmendmentRow {
  date: string;
  considerationChanged: unknown;
  numberSoughtChanged: unknown;
  description: string;
}

/** A new, blank amendment row (both flags unticked: false). */
export function blankAmendment(): AmendmentRow {
  return { date: "", considerationChanged: false, numberSoughtChanged: false, description: "" };
}

/** The editor's rows from the form's amendments text; [] when blank or not a list (the reader says why). */
export function amendmentRows(text: string | undefined): AmendmentRow[] {
  if (!text || text.trim() === "") return [];
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const o = typeof item === "object" && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    return {
      date: typeof o.date === "string" ? o.date : o.date === undefined || o.date === null ? "" : String(o.date),
      considerationChanged: o.considerationChanged,
      numberSoughtChanged: o.numberSoughtChanged,
      description: typeof o.description === "string" ? o.description : o.description === undefined || o.description === null ? "" : String(o.description),
    };
  });
}

/** The form's amendments text for the editor's rows ("" when there are none). */
export function amendmentsFormText(rows: readonly AmendmentRow[]): string {
  return rows.length === 0 ? "" : JSON.stringify(rows);
}

// --- reading the form ---------------------------------------------------------------------------------

export interface FormResult {
  /** The terms, when every field reads. */
  terms?: OfferTerms;
  /** Every problem, each naming its field(s); a blank required field says the form's label. */
  errors: OfferFieldError[];
  /** The problems in one line ("; " between them), undefined when there are none. */
  error?: string;
}

/** The form's label of a field or part name ("newOptionVesting.cliffMonths" -> "Cliff (months)"). */
function labelOf(name: string): string | undefined {
  for (const f of OFFER_FIELDS) {
    if (f.name === name) return f.label;
    const part = f.parts?.find((p) => p.name === name);
    if (part) return `${f.label}: ${part.label}`;
  }
  return undefined;
}

/** OFFER.json's object from the form: blank inputs left out, the parts gathered, the amendments parsed. */
export function jsonFromForm(form: OfferForm): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const f of OFFER_FIELDS) {
    if (f.parts) {
      const o: Record<string, string> = {};
      for (const p of f.parts) {
        const v = (form[p.name] ?? "").trim();
        if (v !== "") o[p.key] = v;
      }
      if (Object.keys(o).length > 0) json[f.name] = o;
      continue;
    }
    const v = (form[f.name] ?? "").trim();
    if (v === "") continue;
    if (f.kind === "amendments") {
      try {
        json[f.name] = JSON.parse(v);
      } catch {
        json[f.name] = v; // the reader refuses it, naming the field
      }
    } else {
      json[f.name] = v;
    }
  }
  return json;
}

/** Offer terms from the form, or every problem of it. */
export function termsFromForm(form: OfferForm): FormResult {
  const { terms, errors } = checkOfferTerms(jsonFromForm(form));
  // a blank field says the form's label; a field required because of another (the "simplified"
  // term basis needs the new option) names that other field too, and keeps the core's words
  const worded = errors.map((e) => {
    const label = labelOf(e.field);
    const alone = e.fields.every((name) => name === e.field || name === e.field.split(/[.[]/)[0]);
    return e.code === "required" && label && alone ? { ...e, message: `offer.${e.field} is required (${label})` } : e;
  });
  return terms ? { terms, errors: [] } : { errors: worded, error: worded.map((e) => e.message).join("; ") };
}

/** The messages that concern a field or part (a date-order error concerns both of its dates). */
export function errorsFor(errors: readonly OfferFieldError[], name: string): string[] {
  return errors.filter((e) => e.fields.includes(name)).map((e) => e.message);
}

/** The messages about exactly this field or path (not its parts): `errorsAt(errors, "amendments")`. */
export function errorsAt(errors: readonly OfferFieldError[], path: string): string[] {
  return errors.filter((e) => e.field === path).map((e) => e.message);
}
