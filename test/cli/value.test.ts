import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "optex.js");
const sample = path.join(root, "assets", "samples", "capstone-2003");
const optex = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });

describe("optex value", () => {
  it("--json: the Capstone cover page's figures as decimal strings, and reconciled counts", () => {
    const r = optex("value", path.join(sample, "ledger.csv"), "--offer", path.join(sample, "offer.json"), "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      transactionValuation: "991619.92",
      feeRatePerMillion: "80.90",
      filingFee: "80.22",
      eligible: { shares: 1026013 },
      outstanding: { shares: 9851440 },
      statistics: { eligiblePercentOfOutstanding: "10.41", eligiblePercentOfCommon: "1.26" },
    });
    expect(report.ledger.rows).toBe(report.ledger.accepted + report.ledger.rejected);
  });

  it("prints a readable table", () => {
    const r = optex("value", path.join(sample, "ledger.csv"), "--offer", path.join(sample, "offer.json"));
    expect(r.stdout).toMatch(/Transaction valuation\s+\$991,619\.92/);
    expect(r.stdout).toMatch(/Filing fee\s+\$80\.22/);
  });

  it("reports rejected rows with line numbers, and a bad offer by field", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-value-"));
    fs.writeFileSync(path.join(dir, "l.csv"), "Grant Number,Grant Date,Exercise Price,Outstanding\nG1,2001-01-02,$5,100\nG2,2001-01-02,$5,-3\n");
    const offer = JSON.parse(fs.readFileSync(path.join(sample, "offer.json"), "utf8"));
    fs.writeFileSync(path.join(dir, "o.json"), JSON.stringify(offer));
    const r = optex("value", path.join(dir, "l.csv"), "--offer", path.join(dir, "o.json"), "--json");
    expect(JSON.parse(r.stdout).ledger).toMatchObject({
      rows: 2, accepted: 1, rejected: 1,
      errors: [{ row: 3, column: "shares_outstanding", message: 'shares outstanding "-3" is negative; a share count must not be negative' }],
    });
    fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ ...offer, volatility: -1, stockPrice: undefined }));
    const bad = optex("value", path.join(dir, "l.csv"), "--offer", path.join(dir, "bad.json"));
    expect(bad.status).toBe(1);
    // every problem at once, each naming its field
    expect(bad.stderr).toContain("offer.volatility (-1) must be >= 0");
    expect(bad.stderr).toContain("offer.stockPrice is required");
  });
});
