import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { bytesSource, importFileInSlices, importValuesInSlices, valueInSlices } from "../../src/core/offer/pipeline";
import { LedgerResult } from "../../src/core/ledger/parseLedger";

const fileOf = (text: string) => bytesSource(new TextEncoder().encode(text));
/** The same ledger apart from how the text arrived (bytes decoded as UTF-8, or text handed in). */
const sameLedger = (a: LedgerResult, b: LedgerResult) => expect({ ...a, source: { ...a.source, encoding: "" } }).toEqual({ ...b, source: { ...b.source, encoding: "" } });
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");

describe("the pane's sliced import and valuation", () => {
  it("gives the same ledger and figures as the one-shot path, with progress", async () => {
    const text = fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8");
    const terms = readOfferTerms(JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")));
    const phases = new Set<string>();
    let yields = 0;
    const options = { onProgress: (p: { phase: string }) => phases.add(p.phase), sliceMs: 0, yieldToUi: async () => void yields++ };
    const sliced = await importFileInSlices(fileOf(text), options);
    sameLedger(sliced, parseCsvLedger(text));
    expect(sliced.source?.encoding).toBe("UTF-8");
    const v = await valueInSlices(sliced, terms, options);
    expect(v.transactionValuation).toBe(valueOffer(sliced.grants, terms).transactionValuation);
    expect(v.transactionValuation).toBe("991619.92");
    expect([...phases].sort()).toEqual(["import", "value"]);
    expect(yields).toBeGreaterThan(0);
  });

  it("keeps line numbers across quoted line breaks and chunk boundaries", async () => {
    const rows = ["Grant Number,Name,Grant Date,Exercise Price,Outstanding"];
    for (let i = 0; i < 20000; i++) rows.push(i % 5000 === 7 ? `G${i},"two\nlines",2001-01-02,$5,-1` : `G${i},Name ${i},2001-01-02,$5,100`);
    const text = rows.join("\n");
    const sliced = await importFileInSlices(fileOf(text), { yieldToUi: async () => undefined, sliceMs: 0 });
    const once = parseCsvLedger(text, { blockChars: 4096 });
    sameLedger(sliced, once);
    // G7 starts on line 9; each earlier quoted record adds a line
    expect(once.errors.map((e) => e.row)).toEqual([9, 5009 + 1, 10009 + 2, 15009 + 3]);
    expect(once.rows).toBe(once.accepted + once.rejected);
  });

  it("reads worksheet values in slices, numbering rows from the sheet's first row", async () => {
    const values = [["Grant Number", "Grant Date", "Exercise Price", "Outstanding"], ["G1", 37000, 5, 100], ["G2", 37000, 0, 100]];
    const r = await importValuesInSlices(values, 5);
    expect(r.errors).toEqual([{ row: 7, column: "exercise_price", message: "exercise price 0 must be > 0" }]);
  });
});
