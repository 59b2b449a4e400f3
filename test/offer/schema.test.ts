/**
 * One field schema drives four places: the OFFER.json reader, the pane's form, the Assumptions sheet's
 * named cells and the bundled sample. Each field of the schema must be in all four, and nothing may be
 * in one of them that the schema does not know.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { checkOfferTerms, readOfferTerms } from "../../src/core/offer/offerTerms";
import { OFFER_SCHEMA } from "../../src/core/offer/schema";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { OFFER_FIELDS, emptyForm, termsFromForm } from "../../src/taskpane/state/offerForm";
import { buildWorkbookModel, SHEET_ASSUMPTIONS } from "../../src/taskpane/workbook/model";
import { SEED_OFFER } from "../support/seedOffer";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const sample = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")) as Record<string, unknown>;

/** A value of the wrong type for every kind: the reader must say so, naming the field. */
const WRONG: Record<string, unknown> = { text: 12, number: "x", money: "x", count: "x", date: 2003, list: 5, choice: "neither" };

describe("every schema field is read, shown in the form, named on the Assumptions sheet and stated in the sample", () => {
  it.each(OFFER_SCHEMA.map((f) => [f.name, f]))("%s", (name, f) => {
    // the reader: a wrong value is an error naming the field; a required field left out is "required"
    const wrong = checkOfferTerms({ ...SEED_OFFER, [name]: WRONG[f.kind] });
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
    expect(sheetNames).toEqual(OFFER_SCHEMA.map((f) => f.sheet.name));
    const cells = model.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!.cells;
    // hand-read from the sample: the issuer's name and the volatility sit in the schema's rows
    const row = (name: string) => cells[1 + OFFER_SCHEMA.findIndex((f) => f.name === name)];
    expect(row("issuerName")[1]).toBe("Capstone Turbine Corporation");
    expect(row("stockPrice")[1]).toBe(1.27);
    expect(row("eligibleCountries")[1]).toBe("US");
  });

  it("the reader, the form and the sample know no field the schema does not", () => {
    expect(checkOfferTerms({ ...SEED_OFFER, lifeYears: 10 }).errors[0]).toMatchObject({ field: "lifeYears", code: "unknown-field" });
    expect(Object.keys(emptyForm()).sort()).toEqual(OFFER_SCHEMA.map((f) => f.name).sort());
    expect(Object.keys(sample).filter((k) => !k.startsWith("_")).sort()).toEqual(OFFER_SCHEMA.map((f) => f.name).sort());
    expect(termsFromForm(emptyForm()).errors.filter((e) => e.code === "required").map((e) => e.field)).toEqual(OFFER_SCHEMA.filter((f) => f.required).map((f) => f.name));
  });
});
