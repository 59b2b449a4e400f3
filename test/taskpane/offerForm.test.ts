import * as fs from "fs";
import * as path from "path";
import { emptyForm, errorsFor, formFromJson, formFromSettings, OFFER_FIELDS, termsFromForm } from "../../src/taskpane/state/offerForm";
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
    const form = { ...formFromJson(offer), valuationDate: "2026-10-30", commencementDate: "2026-11-02", filingDate: "2026-11-02", expirationDate: "2026-12-01", cancellationDate: "2026-12-02" };
    const message = "offer.feeRatePerMillion is required for offer.filingDate 2026-11-02: the SEC fee rate for fiscal 2027 is not on file";
    expect(errorsFor(termsFromForm(form).errors, "feeRatePerMillion")).toEqual([message]);
    expect(termsFromForm({ ...form, feeRatePerMillion: "150" }).errors).toEqual([]);
  });
  it("leaves optional fields to their conventions (blank fee rate = the SEC rate on the filing date)", () => {
    const { terms } = termsFromForm({ ...formFromJson(offer), feeRatePerMillion: "", dividendYield: "", feeRounding: "", termBasis: "", feesPreviouslyPaid: "", sharesOutstanding: "" });
    expect(terms).toMatchObject({ feeRatePerMillion: undefined, dividendYield: 0, feeRounding: "cent", termBasis: "remaining", feesPreviouslyPaid: "0", sharesOutstanding: undefined });
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
