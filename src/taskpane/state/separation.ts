/**
 * The Executive separation section's state, pure: the terms as a form (what the user typed, shaped
 * by SEPARATION_SCHEMA), the form as TERMS.json's object and back, the reader's problems placed at
 * the form's fields by path, and what the model computes once the terms read.
 *
 * The form mirrors TERMS.json: an object is a group of fields, a list is a list of groups, and every
 * leaf is the text typed ("" = blank; a flag is "true", "false" or ""). What the form cannot hold
 * (a key the schema does not know, a value of the wrong shape) is kept aside in its group's `extra`
 * and written back as it was, so that the reader names it rather than the form dropping it.
 */
import { serialToIso } from "../../core/dates/serial";
import { CalcError } from "../../core/errors";
import { Money } from "../../core/separations/money";
import { computeSeparation } from "../../core/separations/separation";
import { checkSeparationTerms, SeparationFieldError } from "../../core/separations/terms";
import { SEPARATION_SCHEMA, ShownWhen, shownWhenHolds, shownWhenKey, shownWhenWords, TermsFieldDef } from "../../core/separations/termsSchema";
import { SeparationResult, SeparationTerms } from "../../core/separations/types";

// --- the form -----------------------------------------------------------------------------------

/** An object of the terms: its fields by key, and what the form cannot show (kept as read). */
export interface FormGroup {
  values: Record<string, FormNode>;
  extra: Record<string, unknown>;
}

/** A field's value: the text typed, an object's fields, or a list's items. */
export type FormNode = string | FormGroup | FormGroup[];

/** The whole form: the top-level object of TERMS.json. */
export type SeparationForm = FormGroup;

/** Where a field is: keys of objects and indexes of lists ("awards", 0, "modification", "vestedShares"). */
export type FormPath = readonly (string | number)[];

/** A path as the reader writes it: "awards[0].modification.vestedShares". */
export function pathText(path: FormPath): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text === "" ? part : `.${part}`;
  return text;
}

/** A blank group of these fields: every leaf "", every object blank, every list empty. */
export function blankGroup(fields: readonly TermsFieldDef[]): FormGroup {
  const values: Record<string, FormNode> = {};
  for (const f of fields) values[f.key] = f.kind === "object" ? blankGroup(f.fields ?? []) : f.kind === "list" ? [] : "";
  return { values, extra: {} };
}

/** A form with every field blank. */
export function emptySeparationForm(): SeparationForm {
  return blankGroup(SEPARATION_SCHEMA);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A number as JSON would write it back ("370300", "0.6"). */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "";
}

/** A group from a JSON object: known keys into the form, comments ("_...") dropped, the rest kept aside. */
function groupFromJson(json: Record<string, unknown>, fields: readonly TermsFieldDef[]): FormGroup {
  const group = blankGroup(fields);
  for (const [key, v] of Object.entries(json)) {
    if (key.startsWith("_")) continue; // a comment
    const f = fields.find((d) => d.key === key);
    if (!f) {
      group.extra[key] = v;
      continue;
    }
    if (v === null || v === undefined) continue; // blank
    if (f.kind === "object") {
      if (isPlainObject(v)) group.values[key] = groupFromJson(v, f.fields ?? []);
      else group.extra[key] = v;
    } else if (f.kind === "list") {
      if (Array.isArray(v) && v.every(isPlainObject)) group.values[key] = v.map((item) => groupFromJson(item, f.fields ?? []));
      else group.extra[key] = v;
    } else if (f.kind === "flag") {
      if (typeof v === "boolean") group.values[key] = v ? "true" : "false";
      else group.extra[key] = v;
    } else if (typeof v === "string") {
      group.values[key] = v;
    } else if (typeof v === "number" && Number.isFinite(v)) {
      group.values[key] = numberText(v);
    } else {
      group.extra[key] = v;
    }
  }
  return group;
}

/** The form for a TERMS.json's contents (an object; anything else gives a blank form). */
export function separationFormFromJson(json: unknown): SeparationForm {
  return isPlainObject(json) ? groupFromJson(json, SEPARATION_SCHEMA) : emptySeparationForm();
}

/** A leaf's text as TERMS.json holds it: a flag as true/false, a plain number as a number, the rest as text. */
function leafJson(f: TermsFieldDef, text: string): unknown {
  const t = text.trim();
  if (f.kind === "flag") return t === "true" ? true : t === "false" ? false : t;
  if ((f.kind === "number" || f.kind === "count") && /^-?\d+(\.\d+)?$/.test(t) && String(Number(t)) === t) return Number(t);
  // money stays text (exact to the cent, "185150.00"); dates, choices and text as typed
  return t;
}

/** Whether a group holds anything: a leaf typed, a list item, or something kept aside. */
export function groupHasValue(group: FormGroup): boolean {
  if (Object.keys(group.extra).length > 0) return true;
  return Object.values(group.values).some((v) => (typeof v === "string" ? v.trim() !== "" : Array.isArray(v) ? v.length > 0 : groupHasValue(v)));
}

function groupJson(group: FormGroup, fields: readonly TermsFieldDef[]): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const f of fields) {
    const v = group.values[f.key];
    if (v === undefined) continue;
    if (typeof v === "string") {
      if (v.trim() !== "") json[f.key] = leafJson(f, v);
    } else if (Array.isArray(v)) {
      // a list item added and left blank is still an item: the reader names its required fields
      if (v.length > 0) json[f.key] = v.map((item) => groupJson(item, f.fields ?? []));
    } else if (groupHasValue(v)) {
      json[f.key] = groupJson(v, f.fields ?? []);
    }
  }
  for (const [key, v] of Object.entries(group.extra)) json[key] = v;
  return json;
}

/** TERMS.json's object for the form: blanks left out, an object left out when all of it is blank. */
export function jsonFromSeparationForm(form: SeparationForm): Record<string, unknown> {
  return groupJson(form, SEPARATION_SCHEMA);
}

// --- reading and changing the form by path --------------------------------------------------------

/** The schema's field at a path (list indexes skipped), or undefined. */
export function fieldAt(path: FormPath): TermsFieldDef | undefined {
  let fields: readonly TermsFieldDef[] | undefined = SEPARATION_SCHEMA;
  let found: TermsFieldDef | undefined;
  for (const part of path) {
    if (typeof part === "number") continue;
    found = fields?.find((f) => f.key === part);
    if (!found) return undefined;
    fields = found.fields;
  }
  return found;
}

/** The form's value at a path, or undefined. */
export function valueAt(form: SeparationForm, path: FormPath): FormNode | undefined {
  let node: FormNode | undefined = form;
  for (const part of path) {
    if (node === undefined || typeof node === "string") return undefined;
    node = typeof part === "number" ? (Array.isArray(node) ? node[part] : undefined) : Array.isArray(node) ? undefined : node.values[part];
  }
  return node;
}

/** A copy of `node` with `update` applied at `path` under it (the nodes on the way copied, the rest shared). */
function updateAt(node: FormNode, path: FormPath, update: (old: FormNode | undefined) => FormNode): FormNode {
  if (path.length === 0) return update(node);
  const [part, ...rest] = path;
  if (typeof part === "number") {
    if (!Array.isArray(node) || part < 0 || part >= node.length) return node;
    return node.map((item, i) => (i === part ? (updateAt(item, rest, update) as FormGroup) : item));
  }
  if (typeof node === "string" || Array.isArray(node)) return node;
  const old = node.values[part];
  if (old === undefined) return node;
  const next = rest.length === 0 ? update(old) : updateAt(old, rest, update);
  // a value typed over one kept aside: the typed one wins
  const extra = part in node.extra ? Object.fromEntries(Object.entries(node.extra).filter(([k]) => k !== part)) : node.extra;
  return { values: { ...node.values, [part]: next }, extra };
}

/** The form with the text at `path` set to `value`. */
export function setFormValue(form: SeparationForm, path: FormPath, value: string): SeparationForm {
  return updateAt(form, path, (old) => (typeof old === "string" ? value : (old as FormNode))) as SeparationForm;
}

/** The form with a blank item added at the end of the list at `path`. */
export function addListItem(form: SeparationForm, path: FormPath): SeparationForm {
  const f = fieldAt(path);
  if (!f || f.kind !== "list") return form;
  return updateAt(form, path, (old) => (Array.isArray(old) ? [...old, blankGroup(f.fields ?? [])] : (old as FormNode))) as SeparationForm;
}

/** The form with the item `index` taken out of the list at `path`. */
export function removeListItem(form: SeparationForm, path: FormPath, index: number): SeparationForm {
  return updateAt(form, path, (old) => (Array.isArray(old) ? old.filter((_, i) => i !== index) : (old as FormNode))) as SeparationForm;
}

// --- the fields only some kinds take (shownWhen) -------------------------------------------------------

/**
 * Where the value a `shownWhen` looks at is, for the field at `path`: the key in the object holding
 * the field, or, for each leading "../", one object further out (from `awards[0].modification`, the
 * award `awards[0]`; from a list's item, the object holding the list).
 */
export function shownWhenPath(path: FormPath, condition: ShownWhen): FormPath {
  const { up, key } = shownWhenKey(condition);
  let holder = path.slice(0, -1);
  for (let i = 0; i < up; i++) {
    if (typeof holder[holder.length - 1] === "number") holder = holder.slice(0, -1);
    holder = holder.slice(0, -1);
  }
  return [...holder, key];
}

/** Whether a node holds anything typed. */
function nodeHasValue(node: FormNode | undefined): boolean {
  if (node === undefined) return false;
  if (typeof node === "string") return node.trim() !== "";
  return Array.isArray(node) ? node.length > 0 : groupHasValue(node);
}

/** How the form shows a field: at all, and with a note when it holds a value its object's kind does not take. */
export interface FieldUse {
  shown: boolean;
  /** "Not used for this kind: …" (the reader refuses the value). */
  note?: string;
  /** With a note: the path of the kind it depends on (its "Clear the fields this kind does not use" clears them all). */
  kindPath?: FormPath;
}

const SHOWN: FieldUse = { shown: true };
const HIDDEN: FieldUse = { shown: false };

/**
 * Whether the form shows the field `f` at `path`: always, unless the schema says only some kinds take
 * it (`shownWhen`); such a field is shown when its object's kind is one of them, and also while it
 * holds a value or has a problem, so that nothing typed is hidden (and still read) after the kind
 * changes: it is then marked "Not used for this kind".
 */
export function fieldUse(form: SeparationForm, path: FormPath, f: TermsFieldDef, errors: readonly SeparationFieldError[] = []): FieldUse {
  if (!f.shownWhen) return SHOWN;
  const at = shownWhenPath(path, f.shownWhen);
  const kindNode = valueAt(form, at);
  const kind = typeof kindNode === "string" ? kindNode.trim() : "";
  if (shownWhenHolds(f.shownWhen, kind)) return SHOWN;
  const text = pathText(path);
  const value = valueAt(form, path);
  // a flag left false that the reader accepts ("not an ISO" on restricted stock) counts as blank
  const acceptedFalse = f.kind === "flag" && value === "false" && !errors.some((e) => e.path === text);
  if (!nodeHasValue(value) || acceptedFalse) {
    return errors.some((e) => pathWithin(e.path, text)) ? SHOWN : HIDDEN;
  }
  // whose kind: "the award's kind" (a list's item), or the key's label
  const kindField = fieldAt(at);
  const holder = at.slice(0, -1);
  const list = typeof holder[holder.length - 1] === "number" ? fieldAt(holder.slice(0, -1)) : undefined;
  const label = (kindField?.label ?? f.shownWhen.key.replace(/^(\.\.\/)+/, "")).toLowerCase();
  const whose = list ? `the ${itemWord(list).toLowerCase()}'s ${label}` : `the ${label}`;
  const allowed = f.shownWhen.is.map((c) => `"${c}"`).join(" or ");
  const now = kind === "" ? "it is blank" : `it is "${kind}"`;
  return { shown: true, note: `Not used for this kind: read only when ${whose} is ${allowed} (${now}).`, kindPath: at };
}

/**
 * Whether the form marks the field at `path` required: always (`required`), or for the kinds its
 * `requiredWhen` names when that is the same condition as its `shownWhen` (the schema's words for
 * it, so the two cannot drift apart unseen) and the item's kind is one of them now.
 */
export function requiredNow(form: SeparationForm, path: FormPath, f: TermsFieldDef): boolean {
  if (f.required) return true;
  if (!f.requiredWhen || !f.shownWhen || f.requiredWhen !== shownWhenWords(pathText(path))) return false;
  const kind = valueAt(form, shownWhenPath(path, f.shownWhen));
  return shownWhenHolds(f.shownWhen, typeof kind === "string" ? kind : "");
}

/** A node of this field blank: "" for a leaf, a blank group for an object, no items for a list. */
function blankNode(f: TermsFieldDef): FormNode {
  return f.kind === "object" ? blankGroup(f.fields ?? []) : f.kind === "list" ? [] : "";
}

/**
 * The form with every field that depends on the kind at `kindPath` and is not used for its value
 * now made blank (a value kept aside for such a key too): "Clear the fields this kind does not use".
 * A flag left false is cleared with them. The other fields, and the fields other kinds look at, stay.
 */
export function clearUnusedFields(form: SeparationForm, kindPath: FormPath): SeparationForm {
  const target = pathText(kindPath);
  const kindNode = valueAt(form, kindPath);
  const kind = typeof kindNode === "string" ? kindNode : "";
  const walk = (group: FormGroup, fields: readonly TermsFieldDef[], path: FormPath): FormGroup => {
    let values = group.values;
    let extra = group.extra;
    for (const f of fields) {
      const at = [...path, f.key];
      const node = group.values[f.key];
      if (f.shownWhen && pathText(shownWhenPath(at, f.shownWhen)) === target && !shownWhenHolds(f.shownWhen, kind)) {
        if (nodeHasValue(node)) values = { ...values, [f.key]: blankNode(f) };
        if (f.key in extra) extra = Object.fromEntries(Object.entries(extra).filter(([k]) => k !== f.key));
        continue;
      }
      let next: FormNode | undefined = node;
      if (f.kind === "object" && node && typeof node === "object" && !Array.isArray(node)) next = walk(node, f.fields ?? [], at);
      else if (f.kind === "list" && Array.isArray(node)) {
        const items = node.map((item, i) => walk(item, f.fields ?? [], [...at, i]));
        next = items.every((item, i) => item === node[i]) ? node : items;
      }
      if (next !== node) values = { ...values, [f.key]: next as FormNode };
    }
    return values === group.values && extra === group.extra ? group : { values, extra };
  };
  return walk(form, SEPARATION_SCHEMA, []);
}

// --- hints in the form's words --------------------------------------------------------------------

/** The fields of the object holding the field at `path` (the top level for a top-level field). */
function siblingsOf(path: FormPath): readonly TermsFieldDef[] {
  const keys = path.filter((p): p is string => typeof p === "string");
  if (keys.length <= 1) return SEPARATION_SCHEMA;
  return fieldAt(keys.slice(0, -1))?.fields ?? [];
}

/** Every field of the schema, nested ones included. */
const ALL_FIELDS: readonly TermsFieldDef[] = (function all(fields: readonly TermsFieldDef[]): TermsFieldDef[] {
  return fields.flatMap((f) => [f, ...all(f.fields ?? [])]);
})(SEPARATION_SCHEMA);

/** A dotted key path from the top ("employment.endDate") by its labels ("Employment › Last day employed"), or undefined. */
function labelsOfKeyPath(keys: readonly string[]): string | undefined {
  let fields: readonly TermsFieldDef[] | undefined = SEPARATION_SCHEMA;
  const words: string[] = [];
  for (const key of keys) {
    const f: TermsFieldDef | undefined = fields?.find((d) => d.key === key);
    if (!f) return undefined;
    words.push(f.label);
    fields = f.fields;
  }
  return words.join(" › ");
}

/**
 * A schema hint (or what a blank means) as the form shows it, for the field `f` at `path`: the keys of
 * TERMS.json it names ("employment.endDate", "outsideDate", `{"vestingMonths", ...}`) given by their
 * labels in the form ("“Employment › Last day employed”", "“Outside date”"). A key is looked up among
 * the field's own fields, then its neighbours, then the top level; a name not found (an event such as
 * "supplementalReleaseEffective", a choice) stays as written. The reader's messages keep the schema's words.
 */
export function hintInWords(text: string, f: TermsFieldDef, path: FormPath): string {
  const choices = new Set(f.choices ?? []);
  const scopes = [f.fields ?? [], siblingsOf(path), SEPARATION_SCHEMA];
  const labelOf = (key: string): string | undefined => {
    if (choices.has(key)) return undefined;
    for (const scope of scopes) {
      const found = scope.find((d) => d.key === key);
      if (found) return found.label;
    }
    // a key only one field of the whole schema has ("exerciseWindow" in the market's requirement)
    const anywhere = ALL_FIELDS.filter((d) => d.key === key);
    return anywhere.length === 1 ? anywhere[0].label : undefined;
  };
  const quoted = (label: string) => `\u201c${label}\u201d`;
  // a list of keys in braces: {"vestingMonths", "cliffMonths"}
  let out = text.replace(/\{\s*"[A-Za-z]+"(?:\s*,\s*"[A-Za-z]+")*\s*\}/g, (list) => {
    const labels = [...list.matchAll(/"([A-Za-z]+)"/g)].map((m) => labelOf(m[1]));
    if (labels.some((l) => l === undefined)) return list;
    const q = (labels as string[]).map(quoted);
    return q.length <= 1 ? q.join("") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
  });
  // a dotted path from the top (employment.endDate), or one camelCase key (outsideDate, payFrequency)
  out = out.replace(/\b[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+\b|\b[a-z]+(?:[A-Z][a-z]*)+\b/g, (token) => {
    if (token.includes(".")) {
      const labels = labelsOfKeyPath(token.split("."));
      return labels ? quoted(labels) : token;
    }
    const label = labelOf(token);
    return label ? quoted(label) : token;
  });
  return out;
}

// --- the reader's problems, placed ----------------------------------------------------------------------

/** The messages about exactly this path. */
export function errorsAt(errors: readonly SeparationFieldError[], path: string): string[] {
  return errors.filter((e) => e.path === path).map((e) => e.message);
}

/** What a problem written whole is, in short, by its code (its whole text is in the summary at the top). */
const SHORT_REASONS: Partial<Record<SeparationFieldError["code"], string>> = {
  range: "is out of range",
  "date-order": "is out of order with another date",
  required: "needs another part of the terms",
  "not-allowed": "cannot be given with another field",
  mismatch: "does not match another field",
  duplicate: "repeats another entry",
};

/**
 * The problems at a path as its field shows them: the field's label, then the reader's reason ("Shares
 * (0) must be > 0"). A problem the reader wrote whole (it names the field itself, as `terms.<path>`) is
 * not cut apart: the field shows its label and a short text, and the summary at the top, which keeps
 * the reader's words (errorsAt), gives it whole; one that names no path is shown whole.
 */
export function errorsAtField(errors: readonly SeparationFieldError[], path: string, label: string): string[] {
  return errors
    .filter((e) => e.path === path)
    .map((e) => {
      if (e.reason !== e.message) return `${label}${e.reason.startsWith(":") ? "" : " "}${e.reason}`;
      if (!/\bterms\./.test(e.message)) return e.message;
      return `${label} ${SHORT_REASONS[e.code] ?? "is not accepted"}: see the problems at the top for why.`;
    });
}

/** Whether a path is this one or lies inside it ("awards[0]" holds "awards[0].shares"). */
export function pathWithin(path: string, prefix: string): boolean {
  return prefix === "" || path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** The problems at or inside a path. */
export function errorsWithin(errors: readonly SeparationFieldError[], prefix: string): SeparationFieldError[] {
  return errors.filter((e) => pathWithin(e.path, prefix));
}

/** The singular of a list's items, for "Payment 2" and "Add payment". */
const ITEM_WORDS: Record<string, string> = {
  payments: "Payment",
  awards: "Award",
  benefits: "Benefit",
  scenarios: "Scenario",
  hoursLog: "Month",
  anyOf: "Alternative",
};

export function itemWord(f: TermsFieldDef): string {
  return ITEM_WORDS[f.key] ?? "Item";
}

/** A list item's name: "Payment 1: supplemental" (its id, name, month or description, when typed). */
export function itemLabel(f: TermsFieldDef, item: FormGroup | undefined, index: number): string {
  const base = `${itemWord(f)} ${index + 1}`;
  if (!item) return base;
  for (const key of ["id", "name", "month", "description"]) {
    const v = item.values[key];
    if (typeof v === "string" && v.trim() !== "") return `${base}: ${v.trim()}`;
  }
  return base;
}

/**
 * Where a problem is, in the form's words: "Payments › Payment 1: supplemental › Amount ($)"
 * ("" for the whole terms).
 */
export function placeOf(form: SeparationForm, path: string): string {
  const parts = parsePath(path);
  const words: string[] = [];
  let fields: readonly TermsFieldDef[] | undefined = SEPARATION_SCHEMA;
  let list: TermsFieldDef | undefined;
  const walked: (string | number)[] = [];
  for (const part of parts) {
    walked.push(part);
    if (typeof part === "number") {
      if (list) words.push(itemLabel(list, valueAt(form, walked) as FormGroup | undefined, part));
      continue;
    }
    const f: TermsFieldDef | undefined = fields?.find((d) => d.key === part);
    if (!f) {
      words.push(part);
      fields = undefined;
      continue;
    }
    words.push(f.label);
    list = f.kind === "list" ? f : undefined;
    fields = f.fields;
  }
  return words.join(" › ");
}

/** "awards[0].modification.cancel" -> ["awards", 0, "modification", "cancel"]. */
export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

// --- the terms read and the separation computed ----------------------------------------------------------------

export interface SeparationOutcome {
  /** The terms, when every field reads. */
  terms?: SeparationTerms;
  /** Every problem the reader found, each at its path. */
  errors: SeparationFieldError[];
  /** What the model computed (only from terms that read). */
  result?: SeparationResult;
  /** The model's refusal, when terms that read still cannot be computed. */
  computeError?: string;
}

function describe(error: unknown): string {
  if (error instanceof CalcError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The form read, and the separation computed when it reads (nothing is computed from terms with problems). */
export function separationOutcome(form: SeparationForm): SeparationOutcome {
  const { terms, errors } = checkSeparationTerms(jsonFromSeparationForm(form));
  if (!terms || errors.length > 0) return { errors };
  try {
    return { terms, errors: [], result: computeSeparation(terms) };
  } catch (e) {
    // the model names the terms' path at fault ("payments[1].startDate"): shown at that field too
    const field = e instanceof CalcError ? e.field : undefined;
    const placed = field !== undefined && fieldAt(parsePath(field)) !== undefined;
    return { terms, errors: placed ? [{ path: field, code: "range", message: describe(e), reason: describe(e) }] : [], computeError: describe(e) };
  }
}

// --- the section's state ------------------------------------------------------------------------------

export interface SeparationState {
  form: SeparationForm;
  /** Where the terms came from ("TERMS.json", "seed 000 (Almgren, 2002)"), once loaded. */
  source?: string;
  /** The terms are those saved in the pane's settings when it was last open (as last edited). */
  restored?: boolean;
  /** How many times terms were loaded: a form of an earlier load is never read as this one's. */
  loads: number;
  /** A file that could not be loaded (a JSON syntax error with its line and column). */
  loadError?: string;
  /** The worksheet's status: being written, written, or why not. */
  sheet?: { intent: "info" | "success" | "error"; text: string };
}

export type SeparationAction =
  | { type: "loaded"; json: unknown; source: string }
  /** The terms saved when the pane was last open: taken only while nothing has been loaded. */
  | { type: "restored"; json: unknown; source: string }
  | { type: "loadFailed"; message: string }
  | { type: "set"; path: FormPath; value: string }
  | { type: "add"; path: FormPath }
  | { type: "remove"; path: FormPath; index: number }
  /** "Clear the fields this kind does not use": the kind at `path`. */
  | { type: "clearUnused"; path: FormPath }
  | { type: "sheet"; status?: SeparationState["sheet"] };

export function initialSeparation(): SeparationState {
  return { form: emptySeparationForm(), loads: 0 };
}

export function separationReducer(state: SeparationState, action: SeparationAction): SeparationState {
  switch (action.type) {
    case "loaded":
      return { form: separationFormFromJson(action.json), source: action.source, loads: state.loads + 1 };
    case "restored":
      return state.loads > 0 ? state : { form: separationFormFromJson(action.json), source: action.source, restored: true, loads: state.loads + 1 };
    case "loadFailed":
      return { ...state, loadError: action.message };
    case "set":
      return { ...state, form: setFormValue(state.form, action.path, action.value), sheet: undefined };
    case "add":
      return { ...state, form: addListItem(state.form, action.path), sheet: undefined };
    case "remove":
      return { ...state, form: removeListItem(state.form, action.path, action.index), sheet: undefined };
    case "clearUnused": {
      const form = clearUnusedFields(state.form, action.path);
      return form === state.form ? state : { ...state, form, sheet: undefined };
    }
    case "sheet":
      return { ...state, sheet: action.status };
  }
}

// --- figures as the pane shows them ------------------------------------------------------------------

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** Dollars to the cent with thousands separators: "$185,150.00", "-$1,234.50". */
export function money(amount: Money | number | string): string {
  const fixed = (typeof amount === "object" ? amount : new Money(amount)).toFixed(2);
  const negative = fixed.startsWith("-") && /[1-9]/.test(fixed);
  const [whole, cents] = fixed.replace(/^-/, "").split(".");
  return `${negative ? "-" : ""}$${whole.replace(THOUSANDS, ",")}.${cents}`;
}

/** A whole count with thousands separators: "1,500,000". */
export function shares(n: number): string {
  return n.toLocaleString("en-US");
}

/** A serial as YYYY-MM-DD ("" when there is none). */
export function isoDate(serial: number | undefined): string {
  return serial === undefined ? "" : serialToIso(serial);
}

/** The payments in date order with the running total after each. */
export function withCumulative<P extends { amount: Money }>(payments: readonly P[]): (P & { cumulative: Money })[] {
  let total = new Money(0);
  return payments.map((p) => {
    total = total.plus(p.amount);
    return { ...p, cumulative: total };
  });
}
