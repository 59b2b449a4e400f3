/**
 * The Elections section's state (src/taskpane/state/elections.ts): its reducer, the counts that must
 * reconcile, and the pages and filters of the holders and forms lists, on the engine's results for the
 * Capstone example (assets/samples/capstone-2003/ELECTIONS.md gives the expected counts) and on a list
 * of 50,000 holders.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { bytesSource } from "../../src/core/offer/pipeline";
import { electionsInSlices, ElectionsRun } from "../../src/core/elections/pipeline";
import { HolderOutcome } from "../../src/core/elections/types";
import { electionsReducer, filterForms, filterHolders, initialElections, pageOf, reconciliations, TableInput } from "../../src/taskpane/state/elections";
import { createProgressStore } from "../../src/taskpane/state/progress";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const read = (name: string) => fs.readFileSync(path.join(SAMPLE, name));
const input = (name: string, origin: TableInput["origin"] = "sample"): TableInput => ({ kind: "file", file: bytesSource(read(name)), name, origin });

let run: ElectionsRun;
beforeAll(async () => {
  const ledger = parseCsvLedger(read("ledger.csv").toString("utf8"));
  const terms = readOfferTerms(JSON.parse(read("offer.json").toString("utf8")));
  run = await electionsInSlices(ledger.table, terms, input("elections.csv"), { roster: input("roster.csv") });
});

describe("the counts the section shows reconcile", () => {
  it("for the Capstone example: lines, forms, holders", () => {
    const checks = reconciliations(run.results);
    expect(checks.map((c) => [c.label, c.total, c.parts.map((p) => `${p.value} ${p.label}`).join(" + "), c.ok])).toEqual([
      ["Log lines", 207, "206 accepted + 1 rejected", true],
      ["Lines accepted", 206, "206 on 193 forms", true],
      ["Forms", 193, "178 counted + 8 superseded + 2 late + 2 channel + 1 invalid + 2 conflict", true],
      ["Holders", 221, "156 tendered + 1 withdrawn + 15 declined + 40 no-response + 9 not-accepted", true],
      ["Holders accepted", 156, "156 tendered", true],
    ]);
  });

  it("and say so when they do not", () => {
    const broken = { ...run.results, log: { ...run.results.log, rejected: 2 } };
    expect(reconciliations(broken).find((c) => c.label === "Log lines")!.ok).toBe(false);
  });
});

describe("pages and filters", () => {
  const many: HolderOutcome[] = Array.from({ length: 50_000 }, (_, i) => ({
    holderId: `E${i}`,
    holderName: `Holder ${i}`,
    status: i % 10 === 9 ? "withdrawn" : "tendered",
    reason: "",
    acceptedGrants: [],
    acceptedGrantIds: [`G${2 * i}`],
    acceptedShares: 100,
    newOptionSharesByGrant: [100],
    newOptionShares: 100,
    eligibleGrants: 1,
    eligibleShares: 100,
  }));

  it("a page is 25 rows, the last page the rest; a page past the end is the last", () => {
    expect(pageOf(many, 0)).toMatchObject({ page: 0, pages: 2000, first: 0 });
    expect(pageOf(many, 0).rows.length).toBe(25);
    expect(pageOf(many.slice(0, 60), 2).rows.map((h) => h.holderId)).toEqual(["E50", "E51", "E52", "E53", "E54", "E55", "E56", "E57", "E58", "E59"]);
    expect(pageOf(many.slice(0, 60), 99)).toMatchObject({ page: 2, first: 50 });
    expect(pageOf([], 0)).toMatchObject({ page: 0, pages: 1, first: 0, rows: [] });
  });

  it("filters 50,000 holders by status and by text (id, name, form, grant)", () => {
    expect(filterHolders(many, "withdrawn", "").length).toBe(5_000);
    expect(filterHolders(many, "", "e4999").map((h) => h.holderId)).toEqual(["E4999", "E49990", "E49991", "E49992", "E49993", "E49994", "E49995", "E49996", "E49997", "E49998", "E49999"]);
    expect(filterHolders(many, "", "G99998").map((h) => h.holderId)).toEqual(["E49999"]);
    expect(filterHolders(many, "", "")).toBe(many); // nothing to filter: the same list, no copy
  });

  it("filters forms by status: the late fax of July 24 and the late Notice to Withdraw", () => {
    expect(filterForms(run.results.forms, "late", "").map((f) => f.form.formId)).toEqual(["EF-0190", "NW-0004"]); // in log order
    expect(filterForms(run.results.forms, "", "ef-018").map((f) => f.form.formId)).toEqual(["EF-0180", "EF-0181", "EF-0182", "EF-0183", "EF-0184", "EF-0186", "EF-0187", "EF-0188", "EF-0189"]); // EF-0185 was not read
  });
});

describe("the reducer", () => {
  it("a run replaces the last; an error clears its figures", () => {
    let s = electionsReducer(initialElections(), { type: "logChosen", input: input("elections.csv") });
    s = electionsReducer(s, { type: "working", label: "Reading" });
    s = electionsReducer(s, { type: "ran", run, ledger: undefined });
    expect(s.run).toBe(run);
    expect(s.working).toBeUndefined();
    s = electionsReducer(s, { type: "ran", error: "offer.timeZone is required" });
    expect(s.run).toBeUndefined();
    expect(s.error).toBe("offer.timeZone is required");
  });

  it("another ledger than the example's drops the example's log and roster, not the user's", () => {
    let s = electionsReducer(initialElections(), { type: "logChosen", input: input("elections.csv") });
    s = electionsReducer(s, { type: "rosterChosen", input: input("roster.csv", "file") });
    s = electionsReducer(s, { type: "ran", run });
    s = electionsReducer(s, { type: "sampleCleared" });
    expect(s.log).toBeUndefined();
    expect(s.roster?.origin).toBe("file");
    expect(s.run).toBeUndefined();
    // nothing of the example's left: the same state
    expect(electionsReducer(s, { type: "sampleCleared" })).toBe(s);
  });

  it("a new log or mapping means the worksheets written are of an earlier one", () => {
    let s = electionsReducer(initialElections(), { type: "worksheetsWritten", written: true });
    s = electionsReducer(s, { type: "logMapping", mapping: { shares: null } });
    expect(s.worksheetsWritten).toBe(false);
    expect(s.logMapping).toEqual({ shares: null });
  });
});

describe("progress outside the pane's state", () => {
  it("tells its listeners of a change, not of the same progress again", () => {
    const store = createProgressStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.set({ label: "Reading", done: 1, total: 10 });
    store.set({ label: "Reading", done: 1, total: 10 });
    store.set({ label: "Reading", done: 2, total: 10 });
    store.set(undefined);
    expect(calls).toBe(3);
    stop();
    store.set({ label: "Reading", done: 3, total: 10 });
    expect(calls).toBe(3);
    expect(store.get()).toEqual({ label: "Reading", done: 3, total: 10 });
  });
});
