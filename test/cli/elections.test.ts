/**
 * `optex elections` and `optex new-grants` on the bundled Capstone example. The expected figures are
 * the sample generator's own (scripts/make-capstone-elections.js works every case out with its own
 * plain reading of the rules, not with optex's engine; assets/samples/capstone-2003/ELECTIONS.md lists
 * them), the dates are the seed's, and without a roster the eligible shares are the Schedule TO's
 * 1,026,013.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "optex.js");
const sample = path.join(root, "assets", "samples", "capstone-2003");
const optex = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });
const LEDGER = path.join(sample, "ledger.csv");
const OFFER = path.join(sample, "offer.json");
const LOG = path.join(sample, "elections.csv");
const ROSTER = path.join(sample, "roster.csv");

describe("optex elections on the Capstone example", () => {
  const r = optex("elections", LEDGER, "--offer", OFFER, "--elections", LOG, "--roster", ROSTER, "--json");
  const report = JSON.parse(r.stdout);
  const form = (id: string) => report.forms.find((f: { formId: string }) => f.formId === id);

  it("exits 0 and reconciles every count", () => {
    expect(r.status).toBe(0);
    // 207 lines = 206 read + 1 row error (a receipt with no time of day)
    expect(report.log).toMatchObject({ rows: 207, accepted: 206, rejected: 1 });
    expect(report.log.errors).toEqual([expect.objectContaining({ row: 202, column: "received_at" })]);
    expect(report.formsByStatus).toEqual({ counted: 178, superseded: 8, late: 2, channel: 2, invalid: 1, conflict: 2 });
    expect(report.forms).toHaveLength(193);
    expect(report.holdersByStatus).toEqual({ tendered: 156, withdrawn: 1, declined: 15, "no-response": 40, "not-accepted": 9 });
    expect(report.holders).toHaveLength(221);
  });

  it("gives the final amendment's figures", () => {
    expect(report.eligible).toEqual({ grants: 233, shares: 1024813, holders: 217 });
    expect(report.accepted).toEqual({ grants: 166, shares: 715913, holders: 156 });
    expect(report.participationPercent).toBe("69.86"); // 715,913 / 1,024,813 = 69.8579...%
    expect(report.newOptionShares).toBe(715913);
    expect(report.resultsText).toContain("options to purchase an aggregate of 715,913 shares");
  });

  it("dates the offer as the seed does", () => {
    expect(report.dates).toEqual({
      expiration: "2003-07-24T17:00:00-07:00",
      cancellationDate: "2003-07-25",
      promiseToGrantDue: "2003-07-30",
      newGrantDate: "2004-01-26",
    });
  });

  it.each([
    ["EF-0189", "counted"], // fax at 4:59:59 p.m. PDT
    ["EF-0190", "late"], // fax at 5:00:00 p.m.
    ["NW-0004", "late"], // withdrawal at 5:00:01 p.m.
    ["EF-0100", "channel"], // e-mail
    ["EF-0138", "channel"], // FedEx
    ["EF-0126", "invalid"], // signed after it was received
    ["EF-0091", "conflict"],
    ["EF-0092", "conflict"],
    ["EF-0077", "superseded"], // same signing day, earlier receipt
    ["EF-0081", "counted"],
  ])("form %s is %s", (id, status) => expect(form(id).status).toBe(status));

  it("confirms a fax received 10:30 p.m. PDT Monday July 21 by Thursday July 24 (received Tuesday in New York)", () => {
    expect(form("EF-0119").receivedAt).toBe("2003-07-21T22:30:00-07:00");
    expect(form("EF-0119").confirmationDue).toBe("2003-07-24");
  });

  it("names the rule of each grant not accepted", () => {
    expect(report.rejectedTenders.map((t: { formId: string; grantId: string; rule: string }) => `${t.formId} ${t.grantId} ${t.rule}`)).toEqual([
      "EF-0018 G1559 not-eligible",
      "EF-0037 G1416 not-eligible",
      "EF-0042 G2100 not-eligible",
      "EF-0051 G3142 not-eligible",
      "EF-0086 G1216 partial",
      "EF-0103 G1452 split-pair",
      "EF-0133 G1035 other-holder",
      "EF-0143 G1307 unknown-grant",
    ]);
  });

  it("without a roster takes employment from the ledger: the Schedule TO's 1,026,013 eligible shares", () => {
    const n = JSON.parse(optex("elections", LEDGER, "--offer", OFFER, "--elections", LOG, "--json").stdout);
    expect(n.eligible).toEqual({ grants: 234, shares: 1026013, holders: 218 });
    expect(n.accepted).toEqual({ grants: 167, shares: 717113, holders: 157 });
    expect(n.participationPercent).toBe("69.89");
    expect(n.warnings[0]).toContain("No roster given");
  });

  it("prints a readable report", () => {
    const text = optex("elections", LEDGER, "--offer", OFFER, "--elections", LOG, "--roster", ROSTER).stdout;
    expect(text).toContain("Lines: 207 = 206 accepted + 1 rejected");
    expect(text).toContain("Forms: 193 = 178 counted + 8 superseded + 2 late + 2 channel + 1 invalid + 2 conflict");
    expect(text).toContain("EF-0190 (E0167, line 207) late: received 5:00 p.m. PDT, July 24, 2003, not before the offer expired at 5:00 p.m. PDT, July 24, 2003");
    expect(text).toMatch(/Accepted options\s+715,913 shares in 166 grants of 156 holders \(69\.86% of eligible shares\)/);
  });
});

describe("optex new-grants on the Capstone example", () => {
  it("grants one new option per accepted grant to holders still employed on January 26, 2004", () => {
    const r = optex("new-grants", LEDGER, "--offer", OFFER, "--elections", LOG, "--roster", ROSTER, "--grant-price", "$2.14", "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    // 166 accepted grants, less E0086's one (2,000 shares; left November 14, 2003)
    expect(report.newGrants).toHaveLength(165);
    expect(report.grantedShares).toBe(713913);
    expect(report.forfeited).toEqual([
      expect.objectContaining({ holderId: "E0086", shares: 2000, reason: expect.stringContaining("November 14, 2003") }),
    ]);
    // a 10-year option granted January 26, 2004 expires January 26, 2014 (EDATE + 120 months)
    expect(report.newGrants[0]).toMatchObject({ exercisePrice: "2.14", grantDate: "2004-01-26", expirationDate: "2014-01-26" });
  });
});

describe("the commands' errors", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-elections-"));
  const offer = JSON.parse(fs.readFileSync(OFFER, "utf8"));
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const noZone = write("no-zone.json", JSON.stringify({ ...offer, timeZone: undefined, expirationTime: undefined }));
  const conflictLog = write("conflict.csv", "Form ID,Confirmation Number,Employee ID,Form Type,Grant Number,Signed,Received,Channel\nEF-1,C1,E0001,Election Form,G1002,7/1/2003,7/1/2003 10:00,Fax\n");

  it.each([
    ["no --elections", ["elections", LEDGER, "--offer", OFFER], 2, "usage: optex elections"],
    ["no --grant-price", ["new-grants", LEDGER, "--offer", OFFER, "--elections", LOG], 2, "usage: optex new-grants"],
    ["--grant-price on elections", ["elections", LEDGER, "--offer", OFFER, "--elections", LOG, "--grant-price", "2"], 2, "--grant-price belongs to optex new-grants"],
    ["an unreadable log", ["elections", LEDGER, "--offer", OFFER, "--elections", path.join(dir, "missing.csv")], 1, "cannot read"],
    ["an offer without its elections fields", ["elections", LEDGER, "--offer", noZone, "--elections", LOG], 1, "offer.timeZone is required by optex elections"],
    ["a grant price that cannot be read", ["new-grants", LEDGER, "--offer", OFFER, "--elections", LOG, "--grant-price", "2,14"], 1, 'grant price ("2,14") must be the closing price'],
    ["a log whose form id two headers fit", ["elections", LEDGER, "--offer", OFFER, "--elections", conflictLog], 1, "--elections-map form_id=#1 or =#2"],
  ])("%s", (_name, args, status, message) => {
    const r = optex(...(args as string[]));
    expect(r.status).toBe(status);
    expect(r.stdout + r.stderr).toContain(message);
  });

  it("names every missing elections field at once", () => {
    const r = optex("elections", LEDGER, "--offer", noZone, "--elections", LOG);
    expect(r.stderr).toContain("offer.timeZone");
    expect(r.stderr).toContain("offer.expirationTime");
  });
});
