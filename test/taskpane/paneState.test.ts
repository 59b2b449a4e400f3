/**
 * The pane's reducer: the bundled example's offer never carries over to another ledger.
 */
import { initialState, LedgerInput, reducer } from "../../src/taskpane/state/paneState";
import { emptyForm, formFromJson } from "../../src/taskpane/state/offerForm";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { bytesSource } from "../../src/core/offer/pipeline";

const ledger = parseCsvLedger("Grant Number,Grant Date,Exercise Price,Outstanding\nG1,2001-01-02,$5,100\n");
const file = (origin: "file" | "sample"): LedgerInput => ({ kind: "file", file: bytesSource(new Uint8Array(0)), name: "x.csv", origin });
const example = formFromJson({ issuerName: "Capstone Turbine Corporation", volatility: 1.14 });

describe("the example's offer and another ledger", () => {
  it.each([
    ["example offer, then the example ledger: kept", true, "sample", example, false],
    ["example offer, then the user's file: cleared, with a notice", true, "file", emptyForm(), true],
    ["the user's own offer, then the user's file: kept", false, "file", example, false],
  ] as const)("%s", (_, fromSample, origin, form, notice) => {
    const loaded = reducer(initialState(emptyForm()), { type: "formLoaded", form: example, fromSample });
    const next = reducer(loaded, { type: "imported", input: file(origin), ledger });
    expect(next.form).toEqual(form);
    expect(next.notice?.text?.startsWith("The example's offer terms were cleared") ?? false).toBe(notice);
  });
});
