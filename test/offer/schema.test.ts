/**
 * One field schema drives four places: the OFFER.json reader, the pane's form, the Assumptions sheet's
 * named cells and the bundled sample. Each field of the schema must be in all four, and nothing may be
 * in one of them that the schema does not know. (newOptionVesting is four inputs and four named cells,
 * one per key; amendments is one text cell.)
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { checkOfferTerms, readOfferTerms } from "../../src/core/offer/offerTerms";
import { OFFER_SCHEMA, OfferFieldDef } from "../../src/core/offer/schema";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { OFFER_FIELDS, emptyForm, termsFromForm } from "../../src/taskpane/state/offerForm";
import { buildWorkbookModel, sheetInputs, SHEET_ASSUMPTIONS } from "../../src/taskpane/workbook/model";
import { isoToSerial } from "../../src/core/dates/serial";
import { SEED_OFFER } from "../support/seedOffer";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const sample = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")) as Record<string, unknown>;

/** A value of the wrong type for every kind: the reader must say so, naming the field. */
const WRONG: Record<string, unknown> = {
  text: 12,
  number: "x",
  money: "x",
  count: "x",
  date: 2003,
  list: 5,
  choice: "neither",
  time: 17, // an hour as a number, not "17:00"
  zone: -7, // an offset as a number
  vesting: "42, 0, 0.125, 1", // the four numbers as text, not an object
  amendments: "2003-07-09", // a date, not a list of amendments
};

/** The Assumptions sheet's names as the schema states them: a field's own, or its parts'. */
const SCHEMA_SHEET_NAMES: string[] = OFFER_SCHEMA.flatMap((f) => ("parts" in f ? f.parts.map((p) => p.sheet.name) : [f.sheet.name]));

/** The form's inputs as the schema states them: a field, or one input per part ("newOptionVesting.cliffMonths"). */
const SCHEMA_FORM_KEYS: string[] = OFFER_SCHEMA.flatMap((f) => ("parts" in f ? f.parts.map((p) => `${f.name}.${p.key}`) : [f.name]));

describe("every schema field is read, shown in the form, named on the Assumptions sheet and stated in the sample", () => {
  it.each(OFFER_SCHEMA.map((f) => [f.name, f]))("%s", (name, f) => {
    // the reader: a wrong value is an error naming the field; a required field left out is "required"
    const wrong = checkOfferTerms({ ...SEED_OFFER, [name]: WRONG[f.kind] });
    expect(WRONG[f.kind]).toBeDefined();
    expect(wrong.errors.map((e) => e.field)).toContain(name);
    const { [name]: _omitted, ...without } = SEED_OFFER as Record<string, unknown>;
    const omitted = checkOfferTerms(without);
    expect(omitted.errors.some((e) => e.field === name && e.code === "required")).toBe(f.required);
    // the form
    expect(OFFER_FIELDS.find((x) => x.name === name)).toMatchObject({ label: f.label, required: f.required });
    // the sample states it (null = the convention, said so in the sample)
    expect(Object.prototype.hasOwnProperty.call(sample, name)).toBe(true);
  });

  it("the Assumptions sheet has one named cell per field, in the schema's order, holding the offer's value", () => {
    const ledger = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
    const terms = readOfferTerms(sample);
    const model = buildWorkbookModel(ledger, terms, valueOffer(ledger.grants, terms));
    const sheetNames = model.names.filter((n) => n.ref.startsWith(`'${SHEET_ASSUMPTIONS}'!`)).map((n) => n.name);
    expect(sheetNames).toEqual(SCHEMA_SHEET_NAMES);
    const sheet = model.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!;
    const cells = sheet.cells;
    // hand-read from the sample: the issuer's name and the volatility sit in the schema's rows
    const row = (sheetName: string) => cells[1 + SCHEMA_SHEET_NAMES.indexOf(sheetName)];
    expect(row("Issuer_Name")[1]).toBe("Capstone Turbine Corporation");
    expect(row("Stock_Price")[1]).toBe(1.27);
    expect(row("Eligible_Countries")[1]).toBe("US");
    // the elections fields, hand-read from the sample (and the seed's rule for the new grant date)
    expect(row("Expiration_Time")[1]).toBe(17 / 24); // 5:00 p.m. as an Excel time
    expect(row("Time_Zone")[1]).toBe("America/Los_Angeles");
    expect(row("Accepted_Channels")[1]).toBe("fax, hand");
    expect(row("New_Option_Life")[1]).toBe(10);
    expect([row("New_Vesting_Months")[1], row("New_Cliff_Months")[1], row("New_Upfront_Fraction")[1], row("New_Interval_Months")[1]]).toEqual([42, 0, 0.125, 1]);
    expect([row("Exchange_Ratio")[1], row("Split_Factor")[1], row("New_Option_Rounding")[1]]).toEqual([1, 1, "floor-per-grant"]);
    // the sample fixes no new grant date: the first business day six months and one day after July 25, 2003
    expect(row("New_Grant_Date")[1]).toEqual({ formula: "=OPTEX.NEW_GRANT_DATE(Cancellation_Date)", value: isoToSerial("2004-01-26") });
    expect(row("New_Grant_Date")[2]).toMatch(/^the offer fixes none: NEW_GRANT_DATE\(Cancellation_Date\)/);
    expect(row("Amendments")[1]).toMatch(/^2003-07-09: consideration unchanged, number sought unchanged \(Amendment No\. 1: /);
    // the sheet's formats: a time, text, a percentage
    const formatOf = (sheetName: string) => sheet.formats.find((f) => f.range === `B${2 + SCHEMA_SHEET_NAMES.indexOf(sheetName)}`)?.format;
    expect([formatOf("Expiration_Time"), formatOf("Time_Zone"), formatOf("New_Upfront_Fraction"), formatOf("New_Grant_Date")]).toEqual(["h:mm AM/PM", "@", "0.00##%", "yyyy-mm-dd"]);
    // user text goes to Excel behind the apostrophe, as every text cell does
    const inputs = sheetInputs(cells);
    expect(inputs[1 + SCHEMA_SHEET_NAMES.indexOf("Time_Zone")][1]).toBe("'America/Los_Angeles");
    expect(inputs[1 + SCHEMA_SHEET_NAMES.indexOf("Accepted_Channels")][1]).toBe("'fax, hand");
    expect(String(inputs[1 + SCHEMA_SHEET_NAMES.indexOf("Amendments")][1])).toMatch(/^'2003-07-09: /);
  });

  it("an offer without the elections fields leaves their cells blank (nothing from the sample) and keeps the conventions", () => {
    const ledger = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
    const bare = Object.fromEntries(Object.entries(sample).filter(([k]) => !OFFER_SCHEMA.some((f) => f.name === k && f.group === "elections")));
    const terms = readOfferTerms({ ...bare, newGrantDate: "2004-02-02" });
    const model = buildWorkbookModel(ledger, terms, valueOffer(ledger.grants, terms));
    const cells = model.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!.cells;
    const value = (sheetName: string) => cells[1 + SCHEMA_SHEET_NAMES.indexOf(sheetName)][1];
    for (const name of ["Expiration_Time", "Time_Zone", "Accepted_Channels", "New_Option_Life", "New_Vesting_Months", "New_Cliff_Months", "New_Upfront_Fraction", "New_Interval_Months", "Amendments"]) {
      expect([name, value(name)]).toEqual([name, null]);
    }
    expect([value("Exchange_Ratio"), value("Split_Factor"), value("New_Option_Rounding")]).toEqual([1, 1, "floor-per-grant"]);
    expect(value("New_Grant_Date")).toBe(isoToSerial("2004-02-02"));
    expect(cells[1 + SCHEMA_SHEET_NAMES.indexOf("New_Grant_Date")][2]).toBe("entered");
  });

  it("a field required by another's value (the lattice's with hull-white) is named when missing, with that field; the form knows the rule", () => {
    const conditional = (OFFER_SCHEMA as readonly OfferFieldDef[]).filter((f) => f.requiredWhen !== undefined);
    expect(conditional.map((f) => f.name)).toEqual(["vestingYears", "exitRate"]);
    for (const f of conditional) {
      const when = f.requiredWhen!;
      // every other conditional field given (0 reads for both), this one left out
      const others = Object.fromEntries(conditional.filter((g) => g !== f).map((g) => [g.name, 0]));
      const { errors } = checkOfferTerms({ ...SEED_OFFER, ...others, [when.field]: when.value });
      expect(errors.map((e) => [e.field, e.code, e.fields])).toEqual([[f.name, "required", [f.name, when.field]]]);
      expect(errors[0].message).toBe(`offer.${f.name} is required when ${when.field} is "${when.value}" (${f.hint})`);
      expect(OFFER_FIELDS.find((x) => x.name === f.name)?.requiredWhen).toEqual(when);
      // without that value it is optional
      expect(checkOfferTerms({ ...SEED_OFFER, ...others }).errors).toEqual([]);
    }
  });

  it("a field shown on another's value (the lattice's four with hull-white) names a choice of a schema field; the form carries the marker, the reader ignores it", () => {
    const shown = (OFFER_SCHEMA as readonly OfferFieldDef[]).filter((f) => f.shownWhen !== undefined);
    expect(shown.map((f) => f.name)).toEqual(["vestingYears", "exitRate", "exerciseMultiple", "stepsPerYear"]);
    const lattice = Object.fromEntries(shown.map((f) => [f.name, f.name === "stepsPerYear" ? 100 : f.name === "exerciseMultiple" ? 2.5 : 0]));
    for (const f of shown) {
      const when = f.shownWhen!;
      const other = (OFFER_SCHEMA as readonly OfferFieldDef[]).find((g) => g.name === when.field);
      expect(other?.choices).toContain(when.is);
      expect(OFFER_FIELDS.find((x) => x.name === f.name)?.shownWhen).toEqual(when);
      // a field required on a value is shown on the same value
      if (f.requiredWhen) expect([f.requiredWhen.field, f.requiredWhen.value]).toEqual([when.field, when.is]);
    }
    // the marker is the form's only: the reader reads the four with either model, and needs none of them without hull-white
    expect(checkOfferTerms({ ...SEED_OFFER, valuationModel: "black-scholes", ...lattice }).errors).toEqual([]);
    expect(checkOfferTerms({ ...SEED_OFFER, valuationModel: "hull-white", ...lattice }).errors).toEqual([]);
    expect(checkOfferTerms({ ...SEED_OFFER, valuationModel: "black-scholes" }).errors).toEqual([]);
  });

  it("the reader, the form and the sample know no field the schema does not", () => {
    expect(checkOfferTerms({ ...SEED_OFFER, lifeYears: 10 }).errors[0]).toMatchObject({ field: "lifeYears", code: "unknown-field" });
    expect(Object.keys(emptyForm()).sort()).toEqual(SCHEMA_FORM_KEYS.sort());
    expect(Object.keys(sample).filter((k) => !k.startsWith("_")).sort()).toEqual(OFFER_SCHEMA.map((f) => f.name).sort());
    expect(termsFromForm(emptyForm()).errors.filter((e) => e.code === "required").map((e) => e.field)).toEqual(OFFER_SCHEMA.filter((f) => f.required).map((f) => f.name));
  });
});
