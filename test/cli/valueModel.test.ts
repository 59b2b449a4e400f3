/**
 * Issue 10 through `optex value`: which model gave which figure (the filing's Black-Scholes, the
 * policy's model), and the exchange's incremental fair value, in the JSON report and the text.
 * The figures themselves are the core's (test/offer/valuationModel.test.ts and exchangeCost.test.ts
 * check them against Benninga and hand calculations); here, the report's shape and words.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "optex.js");
const sample = path.join(root, "assets", "samples", "capstone-2003");
const ledgerPath = path.join(sample, "ledger.csv");
const offer = JSON.parse(fs.readFileSync(path.join(sample, "offer.json"), "utf8")) as Record<string, unknown>;
const optex = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-value-model-"));
/** The sample's offer with these changes, written to a file. */
function offerFile(name: string, patch: Record<string, unknown>): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ ...offer, ...patch }));
  return file;
}

const HULL_WHITE = { valuationModel: "hull-white", vestingYears: 0, exitRate: 0.1, exerciseMultiple: 2.5 };

describe("optex value: the valuation model", () => {
  it("--json, black-scholes (the sample): one model for every figure", () => {
    const r = optex("value", ledgerPath, "--offer", path.join(sample, "offer.json"), "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.valuation).toEqual({
      modelId: "black-scholes",
      model: "Black-Scholes-Merton",
      modelValue: "991619.92",
      exactModelValue: expect.stringMatching(/^991619\.92\d*$/),
      assumptions: null,
      feeModelId: "black-scholes",
      feeModel: "Black-Scholes-Merton",
      transactionValuation: "991619.92",
      sameModel: true,
    });
    expect(report.assumptions.valuationModel).toBe("black-scholes");
  });

  it("--json, hull-white: the policy's value and assumptions beside the filing's Black-Scholes figures", () => {
    const r = optex("value", ledgerPath, "--offer", offerFile("hw.json", HULL_WHITE), "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ transactionValuation: "991619.92", filingFee: "80.22" });
    expect(report.valuation).toMatchObject({
      modelId: "hull-white",
      model: "Hull-White employee option lattice",
      assumptions: { vestingYears: 0, exitRate: 0.1, exerciseMultiple: 2.5, stepsPerYear: 100 },
      feeModelId: "black-scholes",
      transactionValuation: "991619.92",
      sameModel: false,
    });
    expect(report.valuation.modelValue).toMatch(/^\d+\.\d\d$/);
    expect(Number(report.valuation.modelValue)).toBeLessThan(991619.92); // no dividend: the lattice never exceeds Black-Scholes
    expect(report.assumptions.valuationModel).toBe("hull-white");
    // never early: the multiple is null in the report, not a number
    const never = JSON.parse(optex("value", ledgerPath, "--offer", offerFile("never.json", { ...HULL_WHITE, exerciseMultiple: null }), "--json").stdout);
    expect(never.valuation.assumptions.exerciseMultiple).toBeNull();
  });

  it("text: says which model gave which figure", () => {
    const text = optex("value", ledgerPath, "--offer", offerFile("hw-text.json", HULL_WHITE)).stdout;
    expect(text).toMatch(/Transaction valuation\s+\$991,619\.92 Black-Scholes-Merton \(Exhibit 107 and the fee\)/);
    expect(text).toContain("Valuation model        hull-white: Hull-White employee option lattice (vesting in 0 years, exit rate 10% a year, exercised at 2.5 x the exercise price, 100 steps a year)");
    expect(text).toMatch(/Fair value\s+\$[\d,]+\.\d\d Hull-White employee option lattice/);
    expect(text).toContain("the transaction valuation, the fee and the bands above are Black-Scholes-Merton (the filing's model, whatever the policy says)");
    const bs = optex("value", ledgerPath, "--offer", path.join(sample, "offer.json")).stdout;
    expect(bs).toContain("Valuation model        black-scholes: Black-Scholes-Merton, the model of the figures above (fair value = transaction valuation)");
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["an exit rate as a percentage", { ...HULL_WHITE, exitRate: 10 }, ["offer.exitRate (10) is above 1: the exit rate is a decimal a year, 0.1 = 10% (10% would be 0.1)"]],
    [
      "hull-white without the holders' assumptions",
      { valuationModel: "hull-white" },
      ['offer.vestingYears is required when valuationModel is "hull-white"', 'offer.exitRate is required when valuationModel is "hull-white"'],
    ],
    ["a model optex does not know", { valuationModel: "monte-carlo" }, ['offer.valuationModel ("monte-carlo") must be "black-scholes" or "hull-white"']],
  ])("refuses %s, naming the field", (_, patch, messages) => {
    const r = optex("value", ledgerPath, "--offer", offerFile("bad.json", patch));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    for (const m of messages) expect(r.stderr).toContain(m);
  });
});

describe("optex value: the exchange's incremental fair value", () => {
  const KEYS = [
    "available", "modelId", "model", "newOption", "exchangeRatio", "splitFactor", "rounding", "oldShares", "newShares", "oldValue", "newValue", "difference",
    "incrementalFairValue", "exactOldValue", "exactNewValue", "exactIncrementalFairValue", "valueForValueRatio",
  ];

  it("--json: the figure with its model, the offer's terms of exchange, and no by-grant columns", () => {
    const report = JSON.parse(optex("value", ledgerPath, "--offer", path.join(sample, "offer.json"), "--json").stdout);
    const c = report.exchangeCost;
    expect(Object.keys(c)).toEqual(KEYS);
    expect(c).toMatchObject({ available: true, modelId: "black-scholes", model: "Black-Scholes-Merton", exchangeRatio: 1, splitFactor: 1, rounding: "floor-per-grant", oldShares: 1026013, newShares: 1026013, oldValue: "991619.92" });
    expect(c.newOption).toEqual({ strike: 1.27, termYears: 10, valuePerShare: expect.any(Number) });
    for (const key of ["oldValue", "newValue", "difference", "incrementalFairValue"]) expect([key, c[key]]).toEqual([key, expect.stringMatching(/^-?\d+\.\d\d$/)]);
    expect(Number(c.incrementalFairValue)).toBeGreaterThanOrEqual(0);
    expect(typeof c.valueForValueRatio).toBe("number");
  });

  it("text: the new options, both values, the cost and the value-for-value ratio", () => {
    const text = optex("value", ledgerPath, "--offer", path.join(sample, "offer.json")).stdout;
    expect(text).toContain("Exchange cost (ASC 718 incremental fair value, Black-Scholes-Merton, as if every eligible option were exchanged)");
    expect(text).toMatch(/ {2}New options\s+1,026,013 shares at \$1\.27 \(at the money\), 10 years: \$\d+\.\d{4} a share \(ratio 1, split 1, floor-per-grant\)/);
    expect(text).toMatch(/ {2}Value before\s+\$991,619\.92 \(1,026,013 eligible options, each at its remaining term\)/);
    expect(text).toMatch(/ {2}Incremental cost\s+\$[\d,]+\.\d\d/);
    expect(text).toMatch(/ {2}Value-for-value\s+\d+\.\d{4} old options per new option would cost nothing \(offer\.exchangeRatio: 1\)/);
  });

  it("without the new option's life: absent with the note, and the rest of the report as usual", () => {
    const file = offerFile("nolife.json", { newOptionLifeYears: null, newOptionVesting: null });
    const json = optex("value", ledgerPath, "--offer", file, "--json");
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.exchangeCost).toEqual({
      available: false,
      missing: ["newOptionLifeYears"],
      note: "offer.newOptionLifeYears is not given: the new options cannot be valued, so the exchange's incremental fair value (ASC 718) is not figured (give the new option's contractual life in years)",
    });
    expect(report.transactionValuation).toBe("991619.92");
    expect(optex("value", ledgerPath, "--offer", file).stdout).toContain("Exchange cost          not figured: offer.newOptionLifeYears is not given");
  });
});
