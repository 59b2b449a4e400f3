import * as fs from "fs";
import * as path from "path";
import { amendmentRows, amendmentsFormText, blankAmendment, emptyForm, errorsAt, errorsFor, FieldSpec, formFromJson, formFromSettings, FORM_KEYS, isShown, jsonFromForm, OFFER_FIELDS, termsFromForm, unusedNote } from "../../src/taskpane/state/offerForm";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { OFFER_FIELD_NAMES } from "../../src/core/offer/offerTerms";
import { parseSettings } from "../../src/taskpane/workbook/gateway";
import { initialState, reducer } from "../../src/taskpane/state/paneState";

const offer = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003", "offer.json"), "utf8"));

const REQUIRED = [
  "issuerName", "valuationDate", "stockPrice", "volatility", "riskFreeRate", "exercisePriceThreshold",
  "eligibleHolderClasses", "eligibleCountries", "commencementDate", "expirationDate", "cancellationDate", "filingDate",
];

describe("the pane's offer form", () => {
  it("round-trips the sample's OFFER.json", () => {
    const { terms, errors, error } = termsFromForm(formFromJson(offer));
    expect(errors).toEqual([]);
    expect(error).toBeUndefined();
    expect(terms).toMatchObject({ stockPrice: 1.27, volatility: 1.14257755, eligibleHolderClasses: ["employee"], eligibleCountries: ["US"], sharesOutstanding: 81433162 });
  });
  it("lists the core's fields, and marks as required exactly the fields that describe the offer or the market", () => {
    expect(OFFER_FIELDS.map((f) => f.name)).toEqual([...OFFER_FIELD_NAMES]);
    expect(OFFER_FIELDS.filter((f) => f.required).map((f) => f.name)).toEqual(REQUIRED);
  });
  it("starts empty: nothing comes from the sample, and every required field says so", () => {
    expect(Object.values(emptyForm()).every((v) => v === "")).toBe(true);
    const { terms, errors } = termsFromForm(emptyForm());
    expect(terms).toBeUndefined();
    expect(errors.map((e) => [e.field, e.code])).toEqual(REQUIRED.map((f) => [f, "required"]));
  });
  it("saved settings fill only the fields they hold (the rest stay blank, not the sample's)", () => {
    const form = formFromSettings({ volatility: "0.8", unknown: "x" });
    expect(form).toEqual({ ...emptyForm(), volatility: "0.8" });
    expect(formFromSettings(undefined)).toEqual(emptyForm());
  });
  it("refuses a blank required field, naming it with the form's label", () => {
    const form = { ...formFromJson(offer), valuationDate: "" };
    expect(termsFromForm(form)).toEqual({
      errors: [{ field: "valuationDate", fields: ["valuationDate"], code: "required", message: "offer.valuationDate is required (Valuation date)" }],
      error: "offer.valuationDate is required (Valuation date)",
    });
  });
  it.each<[string, string, string]>([
    ["volatility", "ninety", 'offer.volatility ("ninety") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)'],
    ["volatility", "90%", 'offer.volatility ("90%") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)'],
    ["volatility", "50", 'offer.volatility ("50") is above 5 (500%): volatility is a decimal, 0.9 = 90% (50% would be 0.5)'],
    ["stockPrice", "0x50", 'offer.stockPrice ("0x50") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)'],
    ["feeRatePerMillion", "0.0000809", 'offer.feeRatePerMillion ("0.0000809") is below 1 per $1,000,000: it looks like a rate per dollar; per $1,000,000 that is 80.90'],
    ["feeRounding", "nearest", 'offer.feeRounding ("nearest") must be "cent" or "dollar"'],
    ["valuationDate", "06/23/2003", 'offer.valuationDate ("06/23/2003") must be a real date written YYYY-MM-DD'],
  ])("%s typed as %p: the same rules as OFFER.json, shown at that field", (name, value, message) => {
    const { terms, errors } = termsFromForm({ ...formFromJson(offer), [name]: value });
    expect(terms).toBeUndefined();
    expect(errorsFor(errors, name)).toEqual([message]);
  });
  it("each field shows its own problems; a date-order problem shows at both dates", () => {
    const form = { ...formFromJson(offer), volatility: "", riskFreeRate: "3", valuationDate: "2003-07-28", filingDate: "2003-08-01" };
    const { errors, error } = termsFromForm(form);
    expect(errorsFor(errors, "volatility")).toEqual(["offer.volatility is required (Volatility)"]);
    expect(errorsFor(errors, "riskFreeRate")).toEqual(['offer.riskFreeRate ("3") is outside -1 to 1: the rate is a decimal, 0.9 = 90% (3% would be 0.03)']);
    const order = "offer.valuationDate (2003-07-28) is after offer.expirationDate (2003-07-24): the valuation date must be on or before the offer's expiration";
    expect(errorsFor(errors, "valuationDate")).toEqual([order]);
    expect(errorsFor(errors, "expirationDate")).toEqual([order]);
    expect(errorsFor(errors, "filingDate")).toEqual([]);
    expect(error).toBe(errors.map((e) => e.message).join("; "));
  });
  it("a FY2027 filing date asks for the fee rate at the fee-rate field", () => {
    // another offer: the sample's 2003 amendment is not one of its own
    const form = { ...formFromJson(offer), valuationDate: "2026-10-30", commencementDate: "2026-11-02", filingDate: "2026-11-02", expirationDate: "2026-12-01", cancellationDate: "2026-12-02", amendments: "" };
    const message = "offer.feeRatePerMillion is required for offer.filingDate 2026-11-02: the SEC fee rate for fiscal 2027 is not on file";
    expect(errorsFor(termsFromForm(form).errors, "feeRatePerMillion")).toEqual([message]);
    expect(termsFromForm({ ...form, feeRatePerMillion: "150" }).errors).toEqual([]);
  });
  it("leaves optional fields to their conventions (blank fee rate = the SEC rate on the filing date)", () => {
    const { terms } = termsFromForm({ ...formFromJson(offer), feeRatePerMillion: "", dividendYield: "", feeRounding: "", termBasis: "", feesPreviouslyPaid: "", sharesOutstanding: "" });
    expect(terms).toMatchObject({ feeRatePerMillion: undefined, dividendYield: 0, feeRounding: "cent", termBasis: "remaining", feesPreviouslyPaid: "0", sharesOutstanding: undefined });
  });
});

describe("the Hull-White lattice's fields: shown when the model is hull-white, and while they hold a value", () => {
  const LATTICE = ["vestingYears", "exitRate", "exerciseMultiple", "stepsPerYear"];
  const shownNames = (form: Record<string, string>): string[] => OFFER_FIELDS.filter((f) => isShown(f, form, termsFromForm(form).errors)).map((f) => f.name);
  const field = (name: string) => OFFER_FIELDS.find((f) => f.name === name) as FieldSpec;

  it("hidden in an empty form, with the sample (black-scholes), and with a blank model (black-scholes by default); every other field shown", () => {
    for (const form of [emptyForm(), formFromJson(offer), { ...formFromJson(offer), valuationModel: "" }]) {
      expect(shownNames(form)).toEqual(OFFER_FIELDS.map((f) => f.name).filter((name) => !LATTICE.includes(name)));
      for (const name of LATTICE) expect(unusedNote(field(name), form)).toBeUndefined();
    }
  });

  it("shown, all four, once hull-white is chosen; the two required ones say so at their inputs", () => {
    const form = { ...formFromJson(offer), valuationModel: "hull-white" };
    expect(shownNames(form)).toEqual(OFFER_FIELDS.map((f) => f.name));
    const { errors } = termsFromForm(form);
    expect(errors.map((e) => e.field)).toEqual(["vestingYears", "exitRate"]);
    for (const name of LATTICE) expect(unusedNote(field(name), form)).toBeUndefined();
  });

  it("back to black-scholes, a value typed under hull-white stays in view, marked unused (as the valuation warns), and is not dropped", () => {
    const hullWhite = { ...formFromJson(offer), valuationModel: "hull-white", vestingYears: "0", exitRate: "0.1", exerciseMultiple: "", stepsPerYear: "" };
    expect(termsFromForm(hullWhite).errors).toEqual([]);
    const back = { ...hullWhite, valuationModel: "black-scholes" };
    // the two with values stay; the blank two go
    expect(LATTICE.filter((name) => shownNames(back).includes(name))).toEqual(["vestingYears", "exitRate"]);
    const note = 'Not used while the valuation model is "black-scholes": read only with "hull-white". Clear it, or choose "hull-white".';
    expect([unusedNote(field("vestingYears"), back), unusedNote(field("exitRate"), back)]).toEqual([note, note]);
    expect(unusedNote(field("exerciseMultiple"), back)).toBeUndefined();
    // a blank model is black-scholes: the same, naming the default
    expect(unusedNote(field("exitRate"), { ...back, valuationModel: "" })).toBe('Not used while the valuation model is blank (black-scholes): read only with "hull-white". Clear it, or choose "hull-white".');
    // the values still go to the reader: read, and the valuation's warning names them
    const { terms, errors } = termsFromForm(back);
    expect(errors).toEqual([]);
    expect(terms).toMatchObject({ valuationModel: "black-scholes", vestingYears: 0, exitRate: 0.1 });
    expect(jsonFromForm(back)).toMatchObject({ vestingYears: "0", exitRate: "0.1" });
    const warning = valueOffer([], terms!).warnings.find((w) => w.code === "lattice-assumptions-unused");
    expect(warning?.message).toMatch(/^offer\.vestingYears \(0\), offer\.exitRate \(0\.1\) are not used: offer\.valuationModel is "black-scholes"/);
    // cleared, they go (and nothing is warned)
    const cleared = { ...back, vestingYears: "", exitRate: "" };
    expect(LATTICE.filter((name) => shownNames(cleared).includes(name))).toEqual([]);
    expect(valueOffer([], termsFromForm(cleared).terms!).warnings.map((w) => w.code)).not.toContain("lattice-assumptions-unused");
  });

  it("a value the reader refuses keeps its field in view with its problem, whatever the model", () => {
    const form = { ...formFromJson(offer), valuationModel: "black-scholes", stepsPerYear: "many" };
    expect(LATTICE.filter((name) => shownNames(form).includes(name))).toEqual(["stepsPerYear"]);
    expect(errorsFor(termsFromForm(form).errors, "stepsPerYear")).toHaveLength(1);
  });
});

describe("the form's elections group: the new fields, the vesting's four inputs, the amendments list", () => {
  it("the new fields are their own group, labelled and hinted from the schema; the vesting is four inputs", () => {
    const elections = OFFER_FIELDS.filter((f) => f.group === "elections").map((f) => f.name);
    expect(elections).toEqual(["expirationTime", "timeZone", "acceptedChannels", "newOptionLifeYears", "newOptionVesting", "exchangeRatio", "splitFactor", "newOptionRounding", "newGrantDate", "amendments"]);
    expect(OFFER_FIELDS.filter((f) => f.group === "elections").every((f) => !f.required && f.label !== "" && !!f.hint)).toBe(true);
    expect(OFFER_FIELDS.find((f) => f.name === "timeZone")).toMatchObject({ label: "Time zone", hint: 'an IANA zone such as "America/Los_Angeles"', kind: "text" });
    expect(OFFER_FIELDS.find((f) => f.name === "newOptionRounding")).toMatchObject({ kind: "choice", choices: ["floor-per-grant", "floor-per-holder", "nearest-per-grant"], placeholder: "floor-per-grant" });
    expect(OFFER_FIELDS.find((f) => f.name === "newOptionVesting")?.parts?.map((p) => [p.name, p.label])).toEqual([
      ["newOptionVesting.vestingMonths", "Vesting (months)"],
      ["newOptionVesting.cliffMonths", "Cliff (months)"],
      ["newOptionVesting.upfrontFraction", "Vested at grant"],
      ["newOptionVesting.intervalMonths", "Interval (months)"],
    ]);
    expect(FORM_KEYS).toContain("newOptionVesting.cliffMonths");
    expect(FORM_KEYS).not.toContain("newOptionVesting");
  });

  it("the sample's elections fields land in their inputs as text (hand-read from offer.json)", () => {
    const form = formFromJson(offer);
    expect(form).toMatchObject({
      expirationTime: "17:00",
      timeZone: "America/Los_Angeles",
      acceptedChannels: "fax, hand",
      newOptionLifeYears: "10",
      "newOptionVesting.vestingMonths": "42",
      "newOptionVesting.cliffMonths": "0",
      "newOptionVesting.upfrontFraction": "0.125",
      "newOptionVesting.intervalMonths": "1",
      exchangeRatio: "1",
      splitFactor: "1",
      newOptionRounding: "floor-per-grant",
      newGrantDate: "",
    });
    expect(amendmentRows(form.amendments)).toEqual([{ date: "2003-07-09", considerationChanged: false, numberSoughtChanged: false, description: expect.stringMatching(/^Amendment No\. 1/) }]);
    expect(termsFromForm(form).terms).toMatchObject({ expirationTime: 1020, acceptedChannels: ["fax", "hand"], newOptionVesting: { vestingMonths: 42, cliffMonths: 0, upfrontFraction: 0.125, intervalMonths: 1 }, amendments: [{ date: 37811 }] });
  });

  it("an empty form leaves every elections field out (the conventions apply; nothing from the sample)", () => {
    const form = { ...formFromJson(offer) };
    for (const k of FORM_KEYS) if (!["issuerName", "valuationDate", "stockPrice", "volatility", "riskFreeRate", "exercisePriceThreshold", "eligibleHolderClasses", "eligibleCountries", "commencementDate", "expirationDate", "cancellationDate", "filingDate"].includes(k)) form[k] = "";
    const { terms } = termsFromForm(form);
    expect(terms).toMatchObject({ expirationTime: undefined, timeZone: undefined, acceptedChannels: undefined, newOptionLifeYears: undefined, newOptionVesting: undefined, exchangeRatio: 1, splitFactor: 1, newOptionRounding: "floor-per-grant", newGrantDate: undefined, amendments: [] });
  });

  it.each<[string, Record<string, string>, string, string[]]>([
    ["a vesting key left blank", { "newOptionVesting.cliffMonths": "" }, "newOptionVesting.cliffMonths", ["offer.newOptionVesting.cliffMonths is required (New option vesting: Cliff (months))"]],
    ["vesting in years", { "newOptionVesting.vestingMonths": "3.5" }, "newOptionVesting.vestingMonths", ['offer.newOptionVesting.vestingMonths ("3.5") must be a whole number of months from 0 to 1200']],
    ["12.5 for 12.5%", { "newOptionVesting.upfrontFraction": "12.5" }, "newOptionVesting.upfrontFraction", ['offer.newOptionVesting.upfrontFraction ("12.5") is above 1: the fraction vested at grant is a decimal, 0.125 = 12.5% (12.5% would be 0.125)']],
    ["a zone abbreviation", { timeZone: "PDT" }, "timeZone", ['offer.timeZone ("PDT") is an abbreviation, not an IANA time zone (it does not say when daylight saving applies): if the offer means US Pacific time, write "America/Los_Angeles"']],
    ["5pm?", { expirationTime: "5pm?" }, "expirationTime", ['offer.expirationTime ("5pm?") must be a clock time such as "17:00" (24-hour) or "5:00 p.m." (the zone goes in offer.timeZone)']],
  ])("%s: the message shows at that input", (_, patch, at, messages) => {
    const { terms, errors } = termsFromForm({ ...formFromJson(offer), ...patch });
    expect(terms).toBeUndefined();
    expect(errorsFor(errors, at)).toEqual(messages);
  });

  it("the simplified term basis without the new option names both fields and the term basis", () => {
    const form = { ...formFromJson(offer), termBasis: "simplified", newOptionLifeYears: "", "newOptionVesting.vestingMonths": "", "newOptionVesting.cliffMonths": "", "newOptionVesting.upfrontFraction": "", "newOptionVesting.intervalMonths": "" };
    const { errors } = termsFromForm(form);
    expect(errorsFor(errors, "termBasis")).toEqual([
      'offer.newOptionLifeYears is required when termBasis is "simplified" (the new option\'s contractual life in years (> 0, at most 100))',
      'offer.newOptionVesting is required when termBasis is "simplified" (an object {"vestingMonths", "cliffMonths", "upfrontFraction", "intervalMonths"})',
    ]);
    expect(errorsAt(errors, "newOptionVesting")).toHaveLength(1);
  });

  it("the amendments editor: add, edit, remove; a blank date is refused at that row; none is blank text", () => {
    const one = amendmentsFormText([blankAmendment()]);
    expect(amendmentRows(one)).toEqual([{ date: "", considerationChanged: false, numberSoughtChanged: false, description: "" }]);
    const form = { ...formFromJson(offer), amendments: amendmentsFormText([...amendmentRows(formFromJson(offer).amendments), blankAmendment()]) };
    const { errors } = termsFromForm(form);
    expect(errorsFor(errors, "amendments[1].date")).toEqual(["offer.amendments[1].date is required (YYYY-MM-DD: the day notice of the amendment was first published)"]);
    const ticked = amendmentRows(form.amendments).map((r, i) => (i === 1 ? { ...r, date: "2003-07-15", considerationChanged: true } : r));
    expect(termsFromForm({ ...form, amendments: amendmentsFormText(ticked) }).terms?.amendments).toEqual([
      { date: 37811, considerationChanged: false, numberSoughtChanged: false, description: expect.stringMatching(/^Amendment No\. 1/) },
      { date: 37817, considerationChanged: true, numberSoughtChanged: false }, // =DATE(2003,7,15); a blank description is left out
    ]);
    expect(amendmentsFormText([])).toBe("");
    expect(jsonFromForm({ ...form, amendments: "" }).amendments).toBeUndefined();
  });

  it("saved settings of the new inputs come back; older settings leave them blank", () => {
    expect(formFromSettings({ "newOptionVesting.vestingMonths": "48", timeZone: "America/New_York" })).toEqual({ ...emptyForm(), "newOptionVesting.vestingMonths": "48", timeZone: "America/New_York" });
  });
});

describe("pane state and settings", () => {
  it("a changed form field invalidates the worksheets written before", () => {
    const written = { ...initialState(formFromJson(offer)), worksheetsWritten: true };
    expect(reducer(written, { type: "formChanged", name: "volatility", value: "0.8" })).toMatchObject({ worksheetsWritten: false, form: { volatility: "0.8" } });
  });
  it("reads only version-1 settings", () => {
    expect(parseSettings('{"version":1,"offer":{"volatility":"0.8"}}')).toEqual({ version: 1, offer: { volatility: "0.8" } });
    expect(parseSettings('{"version":2,"offer":{}}')).toBeUndefined();
    expect(parseSettings("garbage")).toBeUndefined();
    expect(parseSettings(null)).toBeUndefined();
  });
});
