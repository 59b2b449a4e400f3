import * as fs from "fs";
import * as path from "path";
import { formFromJson, termsFromForm } from "../../src/taskpane/state/offerForm";
import { parseSettings } from "../../src/taskpane/workbook/gateway";
import { initialState, reducer } from "../../src/taskpane/state/paneState";

const offer = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003", "offer.json"), "utf8"));

describe("the pane's offer form", () => {
  it("round-trips the sample's OFFER.json", () => {
    const { terms, error } = termsFromForm(formFromJson(offer));
    expect(error).toBeUndefined();
    expect(terms).toMatchObject({ stockPrice: 1.27, volatility: 1.14257755, eligibleHolderClasses: ["employee"], eligibleCountries: ["US"], sharesOutstanding: 81433162 });
  });
  it("refuses a blank required field instead of falling back to the seed's value", () => {
    const form = { ...formFromJson(offer), valuationDate: "" };
    expect(termsFromForm(form)).toEqual({ error: "offer.valuationDate is required (Valuation date)" });
  });
  it("names the field a bad value is in", () => {
    expect(termsFromForm({ ...formFromJson(offer), volatility: "ninety" }).error).toBe('offer.volatility ("ninety") must be a number');
    expect(termsFromForm({ ...formFromJson(offer), feeRounding: "nearest" }).error).toContain("offer.feeRounding");
  });
  it("leaves optional fields to their defaults (blank fee rate = the SEC rate on the filing date)", () => {
    const { terms } = termsFromForm({ ...formFromJson(offer), feeRatePerMillion: "", dividendYield: "" });
    expect(terms?.feeRatePerMillion).toBeUndefined();
    expect(terms?.dividendYield).toBe(0);
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
