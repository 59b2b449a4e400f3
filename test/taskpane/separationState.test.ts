/**
 * The Executive separation section's pure state (src/taskpane/state/separation.ts): the form built
 * from SEPARATION_SCHEMA holds both seeds' TERMS.json and gives them back, the reader's problems
 * land on the fields they name, list items are added and removed, and the figures are shown to the
 * cent.
 */
import * as fs from "fs";
import * as path from "path";
import { checkSeparationTerms } from "../../src/core/separations/terms";
import { SEPARATION_SCHEMA, separationFieldPaths, separationField, shownWhenWords, TermsFieldDef } from "../../src/core/separations/termsSchema";
import { PaneSettings, parseSettings } from "../../src/taskpane/workbook/gateway";
import { Money } from "../../src/core/separations/money";
import {
  addListItem, clearUnusedFields, hintInWords, requiredNow, emptySeparationForm, errorsAt, errorsWithin, fieldAt, fieldUse, shownWhenPath, FormGroup, initialSeparation, isoDate, itemLabel, jsonFromSeparationForm, errorsAtField, money, parsePath, pathText,
  placeOf, removeListItem, separationFormFromJson, separationOutcome, separationReducer, setFormValue, valueAt, withCumulative,
} from "../../src/taskpane/state/separation";

const samples = path.join(__dirname, "..", "..", "assets", "samples");
const SEEDS = {
  "000": JSON.parse(fs.readFileSync(path.join(samples, "separation-2002-almgren", "TERMS.json"), "utf8")),
  "001": JSON.parse(fs.readFileSync(path.join(samples, "separation-2006-tucker", "TERMS.json"), "utf8")),
};

/** The JSON as the form gives it back: comments ("_...") gone, numbers written as text (money stays exact text). */
function normalized(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalized);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith("_")).map(([k, x]) => [k, normalized(x)]));
  return typeof v === "number" ? String(v) : v;
}

describe("the separation form <-> TERMS.json", () => {
  it.each(Object.entries(SEEDS))("seed %s: the form gives back the same terms (comments aside), and reads to the same terms", (_, json) => {
    const form = separationFormFromJson(json);
    const back = jsonFromSeparationForm(form);
    expect(normalized(back)).toEqual(normalized(json));
    // the form again from what it gave: the same form
    expect(separationFormFromJson(back)).toEqual(form);
    // and the reader reads the form's object exactly as it reads the file
    const fromFile = checkSeparationTerms(json);
    const fromForm = checkSeparationTerms(back);
    expect(fromFile.errors).toEqual([]);
    expect(fromForm.errors).toEqual([]);
    expect(fromForm.terms).toEqual(fromFile.terms);
  });

  it("holds every field of the schema: objects as groups, lists as lists, leaves as text; flags as true/false", () => {
    const form = separationFormFromJson(SEEDS["001"]);
    expect(valueAt(form, ["executive"])).toBe("John R. Tucker");
    expect(valueAt(form, ["consulting", "hoursLog", 1, "hours"])).toBe("14");
    expect(valueAt(form, ["awards", 0, "modification", "vestedShares"])).toBe("1500000");
    expect(valueAt(form, ["awards", 0, "modification", "exerciseWindow", "outsideDate"])).toBe("2007-07-31");
    expect(valueAt(form, ["awards", 0, "incentiveStockOption"])).toBe("false");
    expect(valueAt(form, ["awards", 2, "modification", "cancel"])).toBe("true");
    expect(valueAt(form, ["release", "signedDate"])).toBe(""); // no release in seed 001: blank
    expect(valueAt(form, ["payments"])).toEqual([]);
    // the JSON back: flags as JSON booleans, counts as numbers, money as exact text
    const back = jsonFromSeparationForm(form) as { awards: Record<string, unknown>[]; consulting: Record<string, unknown> };
    expect(back.awards[0].incentiveStockOption).toBe(false);
    expect(back.awards[0].shares).toBe(2000000);
    expect(back.awards[1].purchasePrice).toBe("0.001");
    expect(back.consulting.hourlyRate).toBe("500");
    expect(back).not.toHaveProperty("release"); // an object left blank is left out
  });

  it("an empty form gives {} and the reader names each required field", () => {
    expect(jsonFromSeparationForm(emptySeparationForm())).toEqual({});
    const { errors } = separationOutcome(emptySeparationForm());
    expect(errors.filter((e) => e.code === "required").map((e) => e.path)).toEqual(expect.arrayContaining(["executive", "company", "agreement", "employment"]));
  });

  it("keeps what the form cannot show (an unknown key, a value of the wrong shape) for the reader to name", () => {
    const json = { ...SEEDS["000"], bonus: 5, release: "yes", awards: [{ ...SEEDS["000"].awards[0], incentiveStockOption: "no" }] };
    const form = separationFormFromJson(json);
    expect(form.extra).toEqual({ bonus: 5, release: "yes" });
    const { errors } = separationOutcome(form);
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["bonus", "release", "awards[0].incentiveStockOption"]));
    // typing the flag replaces the value kept aside
    const fixed = setFormValue(form, ["awards", 0, "incentiveStockOption"], "true");
    expect((valueAt(fixed, ["awards", 0]) as FormGroup).extra).toEqual({});
    expect(errorsAt(separationOutcome(fixed).errors, "awards[0].incentiveStockOption")).toEqual([]);
  });
});

describe("problems at their fields", () => {
  it("a bad value in a list item's object: the reader's path is the form's path, and the place is named in the form's words", () => {
    let form = separationFormFromJson(SEEDS["001"]);
    form = setFormValue(form, ["awards", 0, "modification", "vestedShares"], "3000000");
    const { errors, result } = separationOutcome(form);
    expect(result).toBeUndefined(); // nothing is computed from terms with a problem
    const at = pathText(["awards", 0, "modification", "vestedShares"]);
    expect(at).toBe("awards[0].modification.vestedShares");
    expect(errorsAt(errors, at)).toHaveLength(1);
    expect(errorsAt(errors, at)[0]).toContain("3000000");
    expect(errorsWithin(errors, "awards[0]")).toHaveLength(1);
    expect(errorsWithin(errors, "awards[1]")).toHaveLength(0);
    expect(placeOf(form, at)).toBe("Equity awards › Award 1: 2003-08-01 option › Modification › Vested shares");
  });

  it("a blank required field and a badly written date, each at its own path", () => {
    let form = separationFormFromJson(SEEDS["000"]);
    form = setFormValue(form, ["executive"], "  ");
    form = setFormValue(form, ["release", "signedDate"], "10/31/2002");
    form = setFormValue(form, ["payments", 0, "condition", "anyOf", 1, "terminatedWithoutCauseBefore"], "2003-13-01");
    const { errors } = separationOutcome(form);
    expect(errors.find((e) => e.path === "executive")?.code).toBe("required");
    expect(errorsAt(errors, "release.signedDate")).toHaveLength(1);
    expect(errorsAt(errors, "payments[0].condition.anyOf[1].terminatedWithoutCauseBefore")).toHaveLength(1);
    expect(placeOf(form, "payments[0].condition.anyOf[1].terminatedWithoutCauseBefore")).toBe(
      "Payments › Payment 1: supplemental-payment › Condition › Any of › Alternative 2 › Let go without cause before",
    );
    expect(placeOf(form, "release")).toBe("Release");
  });

  it("under its field, a problem names the field by its label; the summary keeps the reader's words", () => {
    const form = setFormValue(separationFormFromJson(SEEDS["001"]), ["awards", 0, "shares"], "0");
    const [error] = separationOutcome(form).errors;
    expect(error.path).toBe("awards[0].shares");
    expect(error.message).toMatch(/^terms\.awards\[0\] \("2003-08-01 option"\)\.shares /);
    expect(errorsAtField([error], "awards[0].shares", "Shares")).toEqual([error.message.replace('terms.awards[0] ("2003-08-01 option").shares', "Shares")]);
    // a required field: the label, then "is required (...)"
    const blank = setFormValue(separationFormFromJson(SEEDS["001"]), ["executive"], "");
    expect(errorsAtField(separationOutcome(blank).errors, "executive", "Executive")).toEqual([expect.stringMatching(/^Executive is required \(/)]);
    // a problem that names the field its own way, with no path, is shown whole
    expect(errorsAtField([{ path: "x", code: "range", message: "something else", reason: "something else" }], "x", "X")).toEqual(["something else"]);
  });

  it("a problem the reader wrote whole (it names fields as terms.<path>): the field shows its label and a short text, never a path; the summary keeps it whole", () => {
    // the agreement's effective date against the release's: written whole by the reader
    let form = separationFormFromJson(SEEDS["000"]);
    form = setFormValue(form, ["agreement", "effectiveDate"], "2002-11-30");
    // a consulting month outside the consulting period, and vesting while consulting with no service end
    const tucker = setFormValue(setFormValue(separationFormFromJson(SEEDS["001"]), ["consulting", "hoursLog", 0, "month"], "2005-01"), ["awards", 1, "modification", "vestedShares"], "");
    const withKeep = setFormValue(separationFormFromJson(SEEDS["000"]), ["awards", 0, "modification", "continueVestingWhileConsulting"], "true");
    const whole = [...separationOutcome(form).errors, ...separationOutcome(tucker).errors, ...separationOutcome(withKeep).errors].filter((e) => e.reason === e.message);
    expect(whole.map((e) => e.path)).toEqual(expect.arrayContaining(["agreement.effectiveDate", "consulting.hoursLog[0].month"]));
    for (const e of whole) {
      expect(e.message).toMatch(/terms\./);
      const [shown] = errorsAtField([e], e.path, "Label");
      expect(shown).not.toMatch(/terms\.|\[\d+\]/);
      expect(shown).toMatch(/^Label .+: see the problems at the top for why\.$/);
    }
    expect(errorsAtField(whole.filter((e) => e.path === "agreement.effectiveDate"), "agreement.effectiveDate", "Effective")).toEqual([
      "Effective does not match another field: see the problems at the top for why.",
    ]);
    // the summary's words: the reader's, whole
    expect(errorsAt(whole, "agreement.effectiveDate")[0]).toMatch(/^terms\.agreement\.effectiveDate \(2002-11-30\) must equal the release's effective date/);
  });

  it("every problem of a field under it: the label and the reader's reason, no JSON path of its own", () => {
    let form = separationFormFromJson(SEEDS["001"]);
    form = setFormValue(form, ["awards", 2, "kind"], "restricted-stock");
    form = setFormValue(form, ["awards", 0, "shares"], "0");
    for (const e of separationOutcome(form).errors) {
      const [shown] = errorsAtField([e], e.path, "Label");
      expect(shown.startsWith("Label")).toBe(true);
      // the field's own name as the reader writes it (terms.awards[2] ("...").exercisePrice) is not repeated
      expect(shown).not.toContain(`terms.${e.path.replace(/\[(\d+)\]/g, "[$1]")}`);
      expect(shown).not.toMatch(/^Label:? terms\./);
    }
  });

  it("parsePath and pathText are inverses; fieldAt finds the schema's field through list indexes", () => {
    for (const p of ["executive", "awards[0].modification.exerciseWindow.outsideDate", "payments[2].condition.anyOf[0].employedThrough", "consulting.hoursLog[3].month"]) {
      expect(pathText(parsePath(p))).toBe(p);
    }
    expect(fieldAt(parsePath("awards[0].modification.exerciseWindow.outsideDate"))?.kind).toBe("date");
    expect(fieldAt(["payments"])?.kind).toBe("list");
    expect(fieldAt(["nonsense"])).toBeUndefined();
  });
});

describe("fields only some kinds take (shownWhen)", () => {
  const use = (form: FormGroup, at: string, errors: Parameters<typeof fieldUse>[3] = []) => {
    const p = parsePath(at);
    return fieldUse(form, p, fieldAt(p) as NonNullable<ReturnType<typeof fieldAt>>, errors);
  };

  it("a field's condition looks at its object's kind; a modification's at the award's ('../kind')", () => {
    const exerciseWindow = fieldAt(parsePath("awards[0].modification.exerciseWindow"));
    expect(pathText(shownWhenPath(parsePath("awards[1].modification.exerciseWindow"), exerciseWindow?.shownWhen as { key: string; is: string[] }))).toBe("awards[1].kind");
    expect(pathText(shownWhenPath(parsePath("payments[2].amount"), fieldAt(["payments", "amount"])?.shownWhen as { key: string; is: string[] }))).toBe("payments[2].kind");
  });

  it("seed 001: each award shows the fields of its kind, and hides the other kind's", () => {
    const form = separationFormFromJson(SEEDS["001"]);
    expect(use(form, "awards[0].exercisePrice")).toEqual({ shown: true });
    expect(use(form, "awards[0].purchasePrice")).toEqual({ shown: false });
    expect(use(form, "awards[0].modification.exerciseWindow")).toEqual({ shown: true });
    expect(use(form, "awards[0].modification.repurchaseUnvested")).toEqual({ shown: false });
    expect(use(form, "awards[1].purchasePrice")).toEqual({ shown: true });
    expect(use(form, "awards[1].exercisePrice")).toEqual({ shown: false });
    expect(use(form, "awards[1].incentiveStockOption")).toEqual({ shown: false });
    expect(use(form, "awards[1].modification.repurchaseUnvested")).toEqual({ shown: true });
    expect(use(form, "awards[1].modification.exerciseWindow")).toEqual({ shown: false });
    // fields every kind takes are always shown
    expect(use(form, "awards[1].shares")).toEqual({ shown: true });
    expect(use(form, "awards[1].modification.vestedShares")).toEqual({ shown: true });
  });

  it("a payment of each kind shows its fields; a new item with no kind shows none of them; the kind in any case counts", () => {
    let form = addListItem(emptySeparationForm(), ["payments"]);
    const kindSpecific = ["amount", "total", "date", "startDate", "endDate", "frequency", "through"];
    const shown = () => kindSpecific.filter((k) => use(form, `payments[0].${k}`).shown);
    expect(shown()).toEqual([]);
    form = setFormValue(form, parsePath("payments[0].kind"), "lump-sum");
    expect(shown()).toEqual(["amount", "date"]);
    form = setFormValue(form, parsePath("payments[0].kind"), "Installments");
    expect(shown()).toEqual(["total", "startDate", "endDate", "frequency"]);
    form = setFormValue(form, parsePath("payments[0].kind"), "salary-balance");
    expect(shown()).toEqual(["date", "through"]);
  });

  it("a value typed for another kind stays in view, marked not used for this kind (and the reader refuses it); cleared, it is hidden", () => {
    let form = separationFormFromJson(SEEDS["001"]);
    form = setFormValue(form, parsePath("awards[1].exercisePrice"), "1.18");
    const noted = use(form, "awards[1].exercisePrice");
    expect(noted.shown).toBe(true);
    expect(noted.note).toBe('Not used for this kind: read only when the award\'s kind is "option" (it is "restricted-stock").');
    expect(separationOutcome(form).errors.map((e) => [e.path, e.code])).toEqual([["awards[1].exercisePrice", "not-allowed"]]);
    // an object of the other kind: the award's kind changed under its exercise window
    form = setFormValue(form, parsePath("awards[0].kind"), "restricted-stock");
    expect(use(form, "awards[0].modification.exerciseWindow").note).toMatch(/^Not used for this kind: read only when the award's kind is "option" \(it is "restricted-stock"\)/);
    form = setFormValue(form, parsePath("awards[0].kind"), "");
    expect(use(form, "awards[0].modification.exerciseWindow").note).toContain("(it is blank)");
    form = setFormValue(form, parsePath("awards[1].exercisePrice"), "");
    expect(use(form, "awards[1].exercisePrice")).toEqual({ shown: false });
  });

  it("a flag left false from another kind counts as blank when the reader accepts it; true (refused) is noted", () => {
    let form = separationFormFromJson(SEEDS["001"]);
    expect(valueAt(form, ["awards", 0, "incentiveStockOption"])).toBe("false");
    form = setFormValue(form, ["awards", 0, "kind"], "restricted-stock");
    const errors = separationOutcome(form).errors;
    expect(errors.some((e) => e.path === "awards[0].incentiveStockOption")).toBe(false);
    expect(use(form, "awards[0].incentiveStockOption", errors)).toEqual({ shown: false });
    form = setFormValue(form, ["awards", 0, "incentiveStockOption"], "true");
    const refused = separationOutcome(form).errors;
    expect(refused.find((e) => e.path === "awards[0].incentiveStockOption")?.code).toBe("not-allowed");
    expect(use(form, "awards[0].incentiveStockOption", refused)).toMatchObject({ shown: true, kindPath: ["awards", 0, "kind"] });
    expect(use(form, "awards[0].incentiveStockOption", refused).note).toMatch(/^Not used for this kind/);
  });

  it("an option made restricted stock: one action clears every field the new kind does not use (the false ISO flag with them), and the terms read again", () => {
    let form = separationFormFromJson(SEEDS["001"]);
    const before = valueAt(form, ["awards", 0]) as FormGroup;
    form = setFormValue(form, ["awards", 0, "kind"], "restricted-stock");
    const { errors } = separationOutcome(form);
    const refused = errors.filter((e) => e.code === "not-allowed").map((e) => e.path);
    expect(refused).toEqual(expect.arrayContaining(["awards[0].exercisePrice", "awards[0].expirationDate", "awards[0].postTerminationMonths", "awards[0].modification.exerciseWindow"]));
    // each such field notes it, all pointing at the same kind
    for (const at of refused) expect(use(form, at, errors).kindPath).toEqual(["awards", 0, "kind"]);
    let s = separationReducer({ ...initialSeparation(), form, loads: 1 }, { type: "clearUnused", path: ["awards", 0, "kind"] });
    const award = valueAt(s.form, ["awards", 0]) as FormGroup;
    for (const key of ["exercisePrice", "expirationDate", "postTerminationMonths", "incentiveStockOption"]) expect(award.values[key]).toBe("");
    expect(jsonFromSeparationForm((valueAt(s.form, ["awards", 0, "modification", "exerciseWindow"]) as FormGroup))).toEqual({});
    // the rest of the award, and the other awards, as they were
    expect(award.values.shares).toBe(before.values.shares);
    expect(award.values.grantDate).toBe(before.values.grantDate);
    expect((valueAt(s.form, ["awards", 0, "modification"]) as FormGroup).values.vestedShares).toBe("1500000");
    expect(valueAt(s.form, ["awards", 1])).toBe(valueAt(form, ["awards", 1]));
    // nothing of the old kind is refused any more
    expect(separationOutcome(s.form).errors.filter((e) => e.path.startsWith("awards[0]") && e.code === "not-allowed")).toEqual([]);
    // cleared again: nothing changes
    expect(separationReducer(s, { type: "clearUnused", path: ["awards", 0, "kind"] })).toBe(s);
    // a payment: the lump sum's fields go when it becomes an installment program; the program's own stay
    let pay = addListItem(emptySeparationForm(), ["payments"]);
    pay = setFormValue(pay, ["payments", 0, "kind"], "lump-sum");
    pay = setFormValue(pay, ["payments", 0, "amount"], "100");
    pay = setFormValue(pay, ["payments", 0, "date"], "2006-08-01");
    pay = setFormValue(pay, ["payments", 0, "kind"], "installments");
    pay = setFormValue(pay, ["payments", 0, "total"], "5000");
    s = separationReducer({ ...initialSeparation(), form: pay, loads: 1 }, { type: "clearUnused", path: ["payments", 0, "kind"] });
    expect(["amount", "date", "total"].map((k) => valueAt(s.form, ["payments", 0, k]))).toEqual(["", "", "5000"]);
    // a value of the wrong shape kept aside for such a key goes too
    const kept = separationFormFromJson({ awards: [{ id: "a", kind: "restricted-stock", exercisePrice: [1] }] });
    expect((valueAt(kept, ["awards", 0]) as FormGroup).extra).toEqual({ exercisePrice: [1] });
    expect((valueAt(clearUnusedFields(kept, ["awards", 0, "kind"]), ["awards", 0]) as FormGroup).extra).toEqual({});
  });

  it("required for the item's kind: the fields the kind requires (requiredWhen, the same condition as shownWhen) are marked required", () => {
    // the schema's words for the two agree wherever both are given
    const both = separationFieldPaths().filter((p) => separationField(p)?.requiredWhen && separationField(p)?.shownWhen);
    expect(both.length).toBeGreaterThan(5);
    for (const p of both) expect(separationField(p)?.requiredWhen).toBe(shownWhenWords(p));
    const form = separationFormFromJson(SEEDS["001"]);
    const req = (at: string) => requiredNow(form, parsePath(at), fieldAt(parsePath(at)) as TermsFieldDef);
    expect(["awards[0].exercisePrice", "awards[0].expirationDate", "awards[0].postTerminationMonths", "awards[0].shares"].map(req)).toEqual([true, true, true, true]);
    expect(["awards[1].exercisePrice", "awards[1].purchasePrice", "awards[0].incentiveStockOption", "awards[0].vestingStart"].map(req)).toEqual([false, false, false, false]);
    let pay = addListItem(emptySeparationForm(), ["payments"]);
    const payReq = () => ["amount", "total", "date", "startDate", "endDate", "frequency", "through"].filter((k) => requiredNow(pay, ["payments", 0, k], fieldAt(["payments", k]) as TermsFieldDef));
    expect(payReq()).toEqual([]);
    pay = setFormValue(pay, ["payments", 0, "kind"], "installments");
    expect(payReq()).toEqual(["total", "startDate", "endDate"]);
    pay = setFormValue(pay, ["payments", 0, "kind"], "Salary-Balance");
    expect(payReq()).toEqual(["date", "through"]);
  });

  it("a hidden field with a problem at or inside it is shown", () => {
    const form = separationFormFromJson(SEEDS["001"]);
    const error = { path: "awards[1].modification.exerciseWindow.outsideDate", code: "required" as const, message: "m", reason: "m" };
    expect(use(form, "awards[1].modification.exerciseWindow", [error])).toEqual({ shown: true });
  });
});

describe("hints in the form's words", () => {
  const hint = (at: string) => {
    const p = parsePath(at);
    const f = fieldAt(p) as TermsFieldDef;
    return hintInWords(f.hint, f, p);
  };

  it("a key path or a key another field has is given by its label; events and values stay as written", () => {
    expect(hint("awards[0].grantDate")).toBe("YYYY-MM-DD, on or before “Employment › Last day employed” (the awards are those held when employment ends)");
    expect(hint("awards[0].vesting")).toBe("the schedule: “Vesting (months)”, “Cliff (months)”, “Vested at grant” and “Interval (months)”");
    expect(hint("awards[0].modification.exerciseWindow")).toBe("options only: the option may be exercised until the earlier of “Outside date” and “Months after service” after service ends");
    expect(hint("scenarios[0].serviceEndDate")).toContain("on or after its “Last day employed”");
    const f = fieldAt(["serviceEndDate"]) as TermsFieldDef;
    expect(hintInWords(f.blankMeans as string, f, ["serviceEndDate"])).toBe("“Consulting › Through”, else “Employment › Last day employed”");
    // the events a date may name are values, kept
    expect(hint("payments[0].date")).toBe(fieldAt(["payments", "date"])?.hint);
  });

  it("no hint, blank or requirement the form shows names a key of TERMS.json (the reader's messages keep the schema's words)", () => {
    const keys = new Set(separationFieldPaths().map((p) => p.split(/[.[\]]+/).filter(Boolean).pop() as string).filter((k) => /[A-Z]/.test(k) || k.includes(".")));
    const walk = (fields: readonly TermsFieldDef[], path: (string | number)[]) => {
      for (const f of fields) {
        const at = [...path, f.key];
        for (const text of [f.hint, f.blankMeans, f.requiredWhen]) {
          if (!text) continue;
          const shown = hintInWords(text, f, at);
          expect(shown).not.toMatch(/\b[a-z]+\.[a-z][A-Za-z]+\b/); // employment.endDate (not "e.g.")
          expect(shown).not.toMatch(/\{\s*"/); // {"vestingMonths", ...}
          for (const word of shown.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []) {
            if (keys.has(word)) throw new Error(`${at.join(".")}: "${word}" in ${JSON.stringify(shown)}`);
          }
        }
        walk(f.fields ?? [], f.kind === "list" ? [...at, 0] : at);
      }
    };
    walk(SEPARATION_SCHEMA, []);
  });
});

describe("lists: add and remove", () => {
  it("adds a blank item (its required fields then named at its path) and removes it again", () => {
    const form = separationFormFromJson(SEEDS["000"]);
    const added = addListItem(form, ["payments"]);
    expect(valueAt(added, ["payments"])).toHaveLength(4);
    expect(valueAt(added, ["payments", 3, "id"])).toBe("");
    expect(valueAt(added, ["payments", 3, "condition", "anyOf"])).toEqual([]);
    // the other items are the same objects (a list's other groups do not repaint)
    expect(valueAt(added, ["payments", 0])).toBe(valueAt(form, ["payments", 0]));
    const { errors } = separationOutcome(added);
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(["payments[3].id", "payments[3].kind", "payments[3].description"]));
    expect(errors.every((e) => e.path.startsWith("payments[3]"))).toBe(true);
    expect(removeListItem(added, ["payments"], 3)).toEqual(form);
  });

  it("removes an item from the middle: the others move up, and the terms read without it", () => {
    const form = separationFormFromJson(SEEDS["001"]);
    const removed = removeListItem(form, ["consulting", "hoursLog"], 1);
    expect((valueAt(removed, ["consulting", "hoursLog"]) as FormGroup[]).map((m) => m.values.month)).toEqual(["2006-08", "2006-10", "2006-11"]);
    const { result } = separationOutcome(removed);
    expect(result?.consulting?.months).toHaveLength(3);
  });

  it("adds into a nested list (a condition's alternatives) and into an empty top-level list", () => {
    let form = separationFormFromJson(SEEDS["001"]);
    form = addListItem(form, ["scenarios"]);
    form = setFormValue(form, ["scenarios", 0, "name"], "Fired for cause");
    form = setFormValue(form, ["scenarios", 0, "employmentEndDate"], "2006-07-31");
    form = setFormValue(form, ["scenarios", 0, "terminationReason"], "for-cause");
    const { errors, result } = separationOutcome(form);
    expect(errors).toEqual([]);
    expect(result?.scenarios.map((s) => s.name)).toEqual(["Fired for cause"]);
    const nested = addListItem(separationFormFromJson(SEEDS["000"]), ["payments", 1, "condition", "anyOf"]);
    expect(valueAt(nested, ["payments", 1, "condition", "anyOf"])).toHaveLength(1);
    // not a list: nothing changes
    expect(addListItem(form, ["executive"])).toBe(form);
  });

  it("names items by their id, name or month", () => {
    const form = separationFormFromJson(SEEDS["001"]);
    const awards = fieldAt(["awards"])!;
    expect(itemLabel(awards, valueAt(form, ["awards", 1]) as FormGroup, 1)).toBe("Award 2: 2003-08-04 restricted stock");
    expect(itemLabel(fieldAt(["consulting", "hoursLog"])!, valueAt(form, ["consulting", "hoursLog", 0]) as FormGroup, 0)).toBe("Month 1: 2006-08");
    expect(itemLabel(awards, undefined, 4)).toBe("Award 5");
  });
});

describe("the section's state and figures", () => {
  it("seed 000 computes the totals the documents state; the salary balance is not due (nothing left to pay); the scenario pays the balance instead", () => {
    const { result, errors } = separationOutcome(separationFormFromJson(SEEDS["000"]));
    expect(errors).toEqual([]);
    const r = result!;
    expect(money(r.totals.byKind.salary!)).toBe("$185,150.00");
    expect(money(r.totals.byKind.installment!)).toBe("$185,150.00");
    expect(money(r.totals.byKind["lump-sum"]!)).toBe("$100,000.00");
    expect(r.totals.byKind["salary-balance"]).toBeUndefined();
    expect(money(r.totals.total)).toBe("$470,300.00");
    const rows = withCumulative(r.payments);
    expect(money(rows[rows.length - 1].cumulative)).toBe("$470,300.00");
    // the balance's condition holds, but employment through 2003-05-06 paid the salary in full
    const balance = r.contingent.find((c) => c.kind === "salary-balance");
    expect(balance?.reason).toMatch(/^nothing left to pay/);
    expect(money(balance!.amount!)).toBe("$0.00");
    // let go without cause on 2003-02-27: salary stops, the balance is paid, the total is the same
    const [scenario] = r.scenarios;
    expect(scenario.name).toMatch(/^Let go without cause on February 27, 2003/);
    expect([isoDate(scenario.employmentEndDate), isoDate(scenario.serviceEndDate)]).toEqual(["2003-02-27", "2003-02-27"]);
    expect(money(scenario.totals.byKind["salary-balance"]!)).toBe("$64,971.63");
    expect(money(scenario.totals.total)).toBe("$470,300.00");
    // the paydays after 2003-02-27 are one contingent salary entry
    expect(scenario.contingent.filter((c) => c.kind === "salary")).toHaveLength(1);
    // its options: the window ends three months after 2003-02-27, fewer shares vested
    const option = scenario.awards.find((a) => a.awardId === "2000 Stock Options (2001-05-16)")!;
    const agreed = r.awards.find((a) => a.awardId === option.awardId)!;
    expect([isoDate(agreed.expirationAfter), isoDate(option.expirationAfter)]).toEqual(["2003-08-06", "2003-05-27"]);
    expect(option.vestedShares).toBeLessThan(agreed.vestedShares);
    for (const a of [...r.awards, ...scenario.awards]) expect(a.vestedShares + a.cancelledShares + a.forfeitedShares + a.repurchasedShares).toBe(a.shares);
  });

  it("seed 001: 1,500,000 vested, 500,000 cancelled, none forfeited, the window to 2007-07-31; September's fee due by 2006-10-13", () => {
    const { result } = separationOutcome(separationFormFromJson(SEEDS["001"]));
    const r = result!;
    const option = r.awards[0];
    expect([option.vestedShares, option.cancelledShares, option.forfeitedShares]).toEqual([1500000, 500000, 0]);
    expect(isoDate(option.expirationAfter)).toBe("2007-07-31");
    for (const a of r.awards) expect(a.vestedShares + a.cancelledShares + a.forfeitedShares + a.repurchasedShares).toBe(a.shares);
    const september = r.consulting!.months.find((m) => isoDate(m.month) === "2006-09-01")!;
    expect(money(september.fee)).toBe("$2,000.00");
    expect(isoDate(september.dueDate)).toBe("2006-10-13");
    const paid = r.payments.find((p) => p.kind === "consulting" && money(p.amount) === "$2,000.00")!;
    expect(isoDate(paid.date)).toBe("2006-10-13");
  });

  it("the reducer: a load replaces the form and clears the load's error; an edit clears the worksheet's status", () => {
    let s = separationReducer(initialSeparation(), { type: "loadFailed", message: "TERMS.json line 2, column 3: ..." });
    expect(s.loadError).toContain("line 2");
    s = separationReducer(s, { type: "loaded", json: SEEDS["000"], source: "seed 000" });
    expect(s.loadError).toBeUndefined();
    expect(s.source).toBe("seed 000");
    expect(s.loads).toBe(1);
    s = separationReducer(s, { type: "sheet", status: { intent: "success", text: "Worksheet created" } });
    s = separationReducer(s, { type: "set", path: ["company"], value: "Capstone" });
    expect(s.sheet).toBeUndefined();
    expect(valueAt(s.form, ["company"])).toBe("Capstone");
    s = separationReducer(s, { type: "add", path: ["benefits"] });
    expect(valueAt(s.form, ["benefits"])).toHaveLength(1);
    s = separationReducer(s, { type: "remove", path: ["benefits"], index: 0 });
    expect(valueAt(s.form, ["benefits"])).toHaveLength(0);
  });

  it("money to the cent with thousands separators, negatives with a leading minus", () => {
    expect(money(new Money("185150"))).toBe("$185,150.00");
    expect(money(252508.9344251851)).toBe("$252,508.93");
    expect(money(-1234.5)).toBe("-$1,234.50");
    expect(money(-0.001)).toBe("$0.00");
    expect(money("0.005")).toBe("$0.01");
  });
});

describe("the terms kept in the pane's settings", () => {
  it("round trip: the form's terms saved as JSON come back as the same form", () => {
    const form = setFormValue(separationFormFromJson(SEEDS["001"]), ["executive"], "Jane Q. Tucker");
    const settings: PaneSettings = { version: 1, offer: { volatility: "0.8" }, separation: { terms: jsonFromSeparationForm(form), source: "seed 001 (Tucker, 2006)" } };
    const read = parseSettings(JSON.stringify(settings));
    expect(read).toEqual(settings);
    expect(separationFormFromJson(read?.separation?.terms)).toEqual(form);
  });

  it("settings written before the terms were saved read as before", () => {
    expect(parseSettings('{"version":1,"offer":{"volatility":"0.8"},"mapping":{"grant_id":0}}')).toEqual({ version: 1, offer: { volatility: "0.8" }, mapping: { grant_id: 0 } });
  });

  it.each([
    ["text", '"{\\"executive\\": \\"A\\"}"'],
    ["a list", "[1, 2]"],
    ["null", "null"],
    ["terms that are a list", '{"terms": [], "source": "TERMS.json"}'],
    ["terms without a source", '{"terms": {"executive": "A"}}'],
    ["a source that is not text", '{"terms": {}, "source": 5}'],
  ])("a malformed separation (%s) is dropped, the rest of the settings kept", (_, separation) => {
    const raw = `{"version":1,"offer":{"volatility":"0.8"},"separation":${separation}}`;
    expect(parseSettings(raw)).toEqual({ version: 1, offer: { volatility: "0.8" } });
  });

  it("the saved terms come back unless terms were loaded first; once edited, still marked restored", () => {
    const restored = separationReducer(initialSeparation(), { type: "restored", json: { executive: "Jane Q. Tucker" }, source: "seed 001 (Tucker, 2006)" });
    expect(restored.restored).toBe(true);
    expect(restored.source).toBe("seed 001 (Tucker, 2006)");
    expect(valueAt(restored.form, ["executive"])).toBe("Jane Q. Tucker");
    expect(separationReducer(restored, { type: "set", path: ["executive"], value: "J" }).restored).toBe(true);
    // a seed loaded before the settings were read is not replaced by them
    const seed = separationReducer(initialSeparation(), { type: "loaded", json: SEEDS["000"], source: "seed 000" });
    expect(separationReducer(seed, { type: "restored", json: {}, source: "blank terms" })).toBe(seed);
    // a load after a restore is no longer the restored terms
    expect(separationReducer(restored, { type: "loaded", json: SEEDS["000"], source: "seed 000" }).restored).toBeUndefined();
  });
});
