/**
 * `optex separation` on the two bundled seeds. Every expected figure is either stated by the seed
 * documents (../shared/seeds/000_... and 001_..., quoted in the samples' README.md) or worked out by
 * hand below from the stated figures and the samples' marked assumptions; the option values come from
 * a Black-Scholes-Merton written here with its own normal CDF (Simpson's rule), not optex's.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "optex.js");
const samples = path.join(root, "assets", "samples");
const ALMGREN = path.join(samples, "separation-2002-almgren", "TERMS.json");
const TUCKER = path.join(samples, "separation-2006-tucker", "TERMS.json");
const optex = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });

interface Payment {
  date: string;
  kind: string;
  description: string;
  amount: string;
  source: string;
}

/** The standard normal CDF by Simpson's rule on the density (independent of src/core/options). */
function normalCdf(x: number): number {
  const n = 20_000;
  const a = 0;
  const b = Math.abs(x);
  const h = (b - a) / n;
  const phi = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let sum = phi(a) + phi(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * phi(a + i * h);
  const half = (sum * h) / 3;
  return x >= 0 ? 0.5 + half : 0.5 - half;
}

/** Black-Scholes-Merton call, written from the formula. */
function call(s: number, k: number, t: number, vol: number, r: number): number {
  const d1 = (Math.log(s / k) + (r + (vol * vol) / 2) * t) / (vol * Math.sqrt(t));
  const d2 = d1 - vol * Math.sqrt(t);
  return s * normalCdf(d1) - k * Math.exp(-r * t) * normalCdf(d2);
}

describe("optex separation: seed 000 (Almgren, 2002-2003)", () => {
  const r = optex("separation", ALMGREN, "--json");
  const report = JSON.parse(r.stdout);
  const of = (kind: string): Payment[] => report.payments.filter((p: Payment) => p.kind === kind);

  it("exits 0", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("dates the release as the parties did: signed 10/31/02, effective November 7, 2002", () => {
    expect(report.release).toEqual({ signedDate: "2002-10-31", considerationDeadline: null, revocationEnds: "2002-11-07", effectiveDate: "2002-11-07" });
    expect(report.agreement.effectiveDate).toBe("2002-11-07");
    // assumed: the Supplemental Release signed May 7, 2003, effective seven days later (rule "on")
    expect(report.supplementalRelease.effectiveDate).toBe("2003-05-14");
  });

  it("pays six months of $370,300 on the 12 semimonthly paydays, each moved back to a business day", () => {
    // Nov 30, 2002 is a Saturday (paid Fri Nov 29); Dec 15, 2002 a Sunday (Fri Dec 13); Feb 15 and
    // Mar 15, 2003 Saturdays (Fri Feb 14, Fri Mar 14).
    expect(of("salary").map((p) => p.date)).toEqual([
      "2002-11-15", "2002-11-29", "2002-12-13", "2002-12-31", "2003-01-15", "2003-01-31",
      "2003-02-14", "2003-02-28", "2003-03-14", "2003-03-31", "2003-04-15", "2003-04-30",
    ]);
    // 370,300 x 6 / 12 = 185,150.00; / 12 = 15,429.1666..: eleven of 15,429.16 and the last
    // 185,150.00 - 11 x 15,429.16 = 15,429.24
    expect(of("salary").map((p) => p.amount)).toEqual([...Array(11).fill("15429.16"), "15429.24"]);
    expect(report.totals.byKind.salary).toBe("185150.00");
  });

  it("pays the $185,150 in 24 equal installments from the six- to the eighteen-month anniversary", () => {
    const inst = of("installment");
    expect(inst).toHaveLength(24);
    // May 31, 2003 is a Saturday (Fri May 30); Nov 30, 2003 a Sunday (Fri Nov 28, the day after
    // Thanksgiving, is a business day); Feb 29, 2004 a Sunday (Fri Feb 27).
    expect(inst[0].date).toBe("2003-05-15");
    expect(inst[1].date).toBe("2003-05-30");
    expect(inst.map((p) => p.date)).toContain("2003-11-28");
    expect(inst.map((p) => p.date)).toContain("2004-02-27");
    expect(inst[23].date).toBe("2004-04-30");
    // 185,150 / 24 = 7,714.5833..: 23 of 7,714.58 and the last 185,150 - 23 x 7,714.58 = 7,714.66
    expect(inst.slice(0, 23).every((p) => p.amount === "7714.58")).toBe(true);
    expect(inst[23].amount).toBe("7714.66");
    expect(report.totals.byKind.installment).toBe("185150.00");
  });

  it("pays the $100,000 Supplemental Payment, and no salary balance (employed through the six-month period)", () => {
    expect(of("lump-sum")).toEqual([expect.objectContaining({ date: "2003-05-14", amount: "100000.00" })]);
    expect(of("salary-balance")).toEqual([]);
    expect(report.contingent).toEqual([expect.objectContaining({ source: "salary-balance", reason: expect.stringContaining("nothing left to pay") })]);
    // 185,150 + 185,150 + 100,000 = 470,300.00
    expect(report.totals).toEqual({ byKind: { salary: "185150.00", installment: "185150.00", "lump-sum": "100000.00" }, total: "470300.00" });
  });

  it("works out the balance due had he been let go without cause on February 27, 2003", () => {
    const s = report.scenarios[0];
    expect(s.employmentEndDate).toBe("2003-02-27");
    const salary = s.payments.filter((p: Payment) => p.kind === "salary");
    // seven paydays through Feb 14, then Feb 16-27 (12 days) on the last day: 370,300 x 12 / 365 = 12,174.2465..
    expect(salary.map((p: Payment) => p.amount)).toEqual([...Array(7).fill("15429.16"), "12174.25"]);
    expect(salary[7].date).toBe("2003-02-27");
    // what he "would have received" through the six-month period, less what was paid:
    // 185,150.00 - (7 x 15,429.16 + 12,174.25 = 120,178.37) = 64,971.63
    expect(s.payments.filter((p: Payment) => p.kind === "salary-balance").map((p: Payment) => p.amount)).toEqual(["64971.63"]);
    // 120,178.37 + 64,971.63 + 185,150 + 100,000: the whole six months' salary is paid either way
    expect(s.totals.total).toBe("470300.00");
  });

  it("keeps the options vesting under their own terms until employment ends", () => {
    const award = (id: string) => report.awards.find((a: { awardId: string }) => a.awardId === id);
    // 1998-07-01, 48 months with a 12-month cliff: fully vested by 2002-07-01
    expect(award("1993 Stock Options")).toMatchObject({ shares: 2005000, vestedShares: 2005000, acceleratedShares: 0, modificationType: "none", expirationBefore: "2003-08-06", expirationAfter: "2003-08-06" });
    // 2001-05-16: 23 whole months by 2003-05-06 -> floor(125,000 x 23 / 48) = 59,895
    // the unvested shares are forfeited under the plan, not cancelled by the agreement
    expect(award("2000 Stock Options (2001-05-16)")).toMatchObject({ vestedShares: 59895, forfeitedShares: 125000 - 59895, cancelledShares: 0 });
    // 2002-06-26: 10 months, inside the 12-month cliff -> 0
    expect(award("2000 Stock Options (2002-06-26)")).toMatchObject({ vestedShares: 0, forfeitedShares: 125000 });
    expect(report.incrementalFairValue).toBe(0);
    expect(report.flags).toEqual([]);
  });

  it("prints the same figures for people", () => {
    const text = optex("separation", ALMGREN);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("effective 2002-11-07");
    expect(text.stdout).toMatch(/total\s+\$470,300\.00/);
    expect(text.stdout).toContain("Scenario: Let go without cause on February 27, 2003");
  });
});

describe("optex separation: seed 001 (Tucker, 2006)", () => {
  const r = optex("separation", TUCKER, "--json");
  const report = JSON.parse(r.stdout);
  const award = (id: string) => report.awards.find((a: { awardId: string }) => a.awardId === id);

  it("exits 0, with no release (the letter has none) and service ending with the consulting period", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(report.release).toBeNull();
    expect(report.agreement.effectiveDate).toBe("2006-08-01");
    expect(report.employmentEndDate).toBe("2006-07-31");
    expect(report.serviceEndDate).toBe("2007-07-31");
  });

  it("vests the option as to 1,500,000 shares, cancels 500,000 and extends it to July 31, 2007", () => {
    expect(award("2003-08-01 option")).toMatchObject({
      shares: 2000000,
      vestedBefore: 1458333, // 35 whole months by 2006-07-31: floor(2,000,000 x 35 / 48)
      vestedShares: 1500000,
      acceleratedShares: 41667,
      cancelledShares: 500000,
      expirationBefore: "2006-10-31", // three months after 2006-07-31
      expirationAfter: "2007-07-31", // earlier of 2007-07-31 and 2007-10-31
      modificationType: "I+III",
    });
  });

  it("values the longer window and the extra vesting at the modification date (ASC 718)", () => {
    const a = award("2003-08-01 option");
    // S 2.00, K 1.18, vol 0.7, r 0.05, valued on 2006-08-01: 91 days left before, 364 after
    const before = call(2, 1.18, 91 / 365, 0.7, 0.05);
    const after = call(2, 1.18, 364 / 365, 0.7, 0.05);
    expect(a.valueBefore.perShare).toBeCloseTo(before, 9);
    expect(a.valueAfter.perShare).toBeCloseTo(after, 9);
    expect(a.fairValueBefore / (1458333 * before)).toBeCloseTo(1, 9);
    expect(a.fairValueAfter / (1500000 * after)).toBeCloseTo(1, 9);
    // Type I: 1,458,333 x (after - before); Type III: 41,667 x after
    const incremental = 1458333 * (after - before) + 41667 * after;
    expect(a.incrementalFairValue / incremental).toBeCloseTo(1, 9);
    // restricted stock bought at $0.001: 10,417 accelerated shares at $2.00 - $0.001 = $1.999
    expect(award("2003-08-04 restricted stock").incrementalFairValue).toBeCloseTo(10417 * 1.999, 6);
    expect(report.incrementalFairValue / (incremental + 10417 * 1.999)).toBeCloseTo(1, 9);
  });

  it("vests 375,000 restricted shares and repurchases the other 125,000 at $0.001", () => {
    expect(award("2003-08-04 restricted stock")).toMatchObject({ vestedBefore: 364583, vestedShares: 375000, acceleratedShares: 10417, repurchasedShares: 125000, cancelledShares: 0, forfeitedShares: 0, modificationType: "III" });
    // 364,583 and 375,000 shares at $2.00 less the $0.001 paid
    expect(award("2003-08-04 restricted stock").fairValueBefore).toBeCloseTo(364583 * 1.999, 6);
    expect(award("2003-08-04 restricted stock").fairValueAfter).toBeCloseTo(375000 * 1.999, 6);
    expect(report.payments.filter((p: Payment) => p.kind === "repurchase")).toEqual([expect.objectContaining({ date: "2006-08-31", amount: "125.00" })]);
  });

  it("says there is nothing to exercise rather than print a window for an option with nothing vested", () => {
    const text = optex("separation", TUCKER).stdout;
    // the 2003 option keeps its window; the June 2006 options had nothing vested and are cancelled
    expect(text).toContain("last exercise day 2006-10-31 -> 2007-07-31");
    expect(text.match(/last exercise day - \(none vested\) -> - \(nothing left to exercise\)/g)).toHaveLength(2);
  });

  it("cancels the options of June 12 and June 22, 2006", () => {
    for (const id of ["2006-06-12 option", "2006-06-22 option"]) {
      expect(award(id)).toMatchObject({ vestedShares: 0, cancelledShares: 100000, forfeitedShares: 0, modificationType: "cancellation", incrementalFairValue: 0, expirationAfter: null });
    }
  });

  it("bills consulting hours beyond ten a month at $500, due by fifteen days after the invoice", () => {
    const fees = report.payments.filter((p: Payment) => p.kind === "consulting");
    // September: 14 - 10 = 4 hours x $500, invoiced Sep 30: + 15 days is Sunday Oct 15, so due by
    // Friday Oct 13; November: 2 hours, invoiced Nov 30, due by Friday Dec 15
    expect(fees.map((p: Payment) => [p.date, p.amount])).toEqual([
      ["2006-10-13", "2000.00"],
      ["2006-12-15", "1000.00"],
    ]);
    expect(report.consulting.months).toHaveLength(4);
    expect(report.benefits).toEqual([{ description: "Medical benefits", startDate: "2006-08-01", endDate: "2006-08-31" }]);
    expect(report.totals).toEqual({ byKind: { consulting: "3000.00", repurchase: "125.00" }, total: "3125.00" });
  });

  it("flags the Type III reversals and no section 409A or ISO problem (a non-qualified option kept within its term)", () => {
    const codes = report.flags.map((f: { code: string; awardId: string }) => `${f.code} ${f.awardId}`);
    expect(codes).toContain("type-iii-reversal 2003-08-01 option");
    expect(codes).toContain("type-iii-reversal 2003-08-04 restricted stock");
    expect(codes.filter((c: string) => c.startsWith("section-409a") || c.startsWith("iso-taxed-as-nso"))).toEqual([]);
  });

  it("moves the deadline when consulting ends before July 31, 2007", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-sep-"));
    const terms = JSON.parse(fs.readFileSync(TUCKER, "utf8"));
    terms.serviceEndDate = "2007-03-15";
    const file = path.join(dir, "TERMS.json");
    fs.writeFileSync(file, JSON.stringify(terms));
    const moved = JSON.parse(optex("separation", file, "--json").stdout);
    // three months after March 15, 2007 is June 15, 2007, before July 31, 2007
    expect(moved.awards.find((a: { awardId: string }) => a.awardId === "2003-08-01 option").expirationAfter).toBe("2007-06-15");
  });

  it("shows the same as a scenario beside the agreed case", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-sep-"));
    const terms = JSON.parse(fs.readFileSync(TUCKER, "utf8"));
    terms.scenarios = [{ name: "Consulting ends March 15, 2007", employmentEndDate: "2006-07-31", terminationReason: "resignation", serviceEndDate: "2007-03-15" }];
    const file = path.join(dir, "TERMS.json");
    fs.writeFileSync(file, JSON.stringify(terms));
    const report = JSON.parse(optex("separation", file, "--json").stdout);
    const option = (awards: { awardId: string; expirationAfter: string }[]) => awards.find((a) => a.awardId === "2003-08-01 option")?.expirationAfter;
    expect(option(report.awards)).toBe("2007-07-31");
    expect(report.scenarios[0].serviceEndDate).toBe("2007-03-15");
    expect(option(report.scenarios[0].awards)).toBe("2007-06-15");
    // a shorter window is worth less: the scenario's increment is below the agreed one
    expect(report.scenarios[0].incrementalFairValue).toBeLessThan(report.incrementalFairValue);
  });
});

describe("optex separation --hours: the consulting hours from a CSV", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-sep-hours-"));
  const terms = JSON.parse(fs.readFileSync(TUCKER, "utf8"));
  delete terms.consulting.hoursLog;
  const termsFile = path.join(dir, "TERMS.json");
  fs.writeFileSync(termsFile, JSON.stringify(terms));
  const csv = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it("bills the file's hours (an Excel export: byte order mark, CRLF, mmm-yy months)", () => {
    const hours = csv("hours.csv", "\uFEFFMonth,Hours Worked,Invoice Date\r\nAug-06,6,\r\nSep-06,14,10/2/2006\r\nNov-06,12.5,\r\n");
    const r = optex("separation", termsFile, "--hours", hours, "--json");
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.hoursLog).toMatchObject({ rows: 3, accepted: 3, rejected: 0 });
    expect(report.warnings).toEqual([]);
    // September: 4 hours x $500, invoice received Oct 2 -> due Oct 17; November: 2.5 hours x $500
    // = $1,250, invoiced Nov 30 -> due Dec 15
    expect(report.payments.filter((p: Payment) => p.kind === "consulting").map((p: Payment) => [p.date, p.amount])).toEqual([
      ["2006-10-17", "2000.00"],
      ["2006-12-15", "1250.00"],
    ]);
  });

  it.each([
    ["a month outside the period", "month,hours\n2007-09,12\n", /month 2007-09 is outside the consulting period/],
    ["a month twice", "month,hours\n2006-09,12\nSep 2006,3\n", /line 3: month "Sep 2006" is 2006-09 again \(line 2\): remove one/],
    ["hours in both places", null, /give them in one place/],
  ])("%s is refused", (_label, text, message) => {
    const hours = csv("bad-hours.csv", text ?? "month,hours\n2006-09,12\n");
    const r = optex("separation", text === null ? TUCKER : termsFile, "--hours", hours);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it("an ambiguous header stops it, naming the columns and how to choose", () => {
    const hours = csv("ambiguous.csv", "Month,Billing Month,Hours\n2006-09,2006-10,14\n");
    const r = optex("separation", termsFile, "--hours", hours);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('2 columns fit month: "Month" (#1) and "Billing Month" (#2)');
    expect(r.stdout).toContain("--hours-map month=#1 or =#2");
    expect(r.stdout).not.toContain("Warning");
    expect(r.stderr).toMatch(/the columns of .*ambiguous\.csv could not be mapped \(see above\): nothing was computed/);
    // the choice resolves it
    const chosen = optex("separation", termsFile, "--hours", hours, "--hours-map", "month=#1", "--json");
    expect(chosen.status).toBe(0);
    expect(JSON.parse(chosen.stdout).consulting.months).toEqual([expect.objectContaining({ month: "2006-09", hours: 14 })]);
  });

  it("reports a bad line with its line and column, computes the rest and warns", () => {
    const hours = csv("some-bad.csv", "month,hours\n2006-09,14\n2006-10,lots\n");
    const r = optex("separation", termsFile, "--hours", hours);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Lines: 2 = 1 accepted + 1 rejected");
    expect(r.stdout).toMatch(/line 3 \(hours\): hours/);
    expect(r.stdout).toMatch(/Warning: 1 of 2 lines of .*some-bad\.csv were rejected/);
    const json = JSON.parse(optex("separation", termsFile, "--hours", hours, "--json").stdout);
    expect(json.hoursLog).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(json.warnings).toEqual([expect.stringMatching(/1 of 2 lines of .*some-bad\.csv were rejected/)]);
  });
});

describe("optex separation: bad input", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-sep-bad-"));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it.each([
    ["no file", [], 2, /usage: optex separation TERMS\.json/],
    ["an unknown option", ["x.json", "--csv"], 2, /unknown option --csv/],
    ["a missing file", [path.join(dir, "none.json")], 1, /cannot read .*none\.json/],
  ])("%s", (_label, args, status, message) => {
    const r = optex("separation", ...(args as string[]));
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it("names the line and column of a JSON syntax error", () => {
    const r = optex("separation", write("syntax.json", '{\n  "executive": "A"\n  "company": "B"\n}'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/syntax\.json line 3, column 3/);
  });

  it("lists every problem of the terms with its path", () => {
    const terms = JSON.parse(fs.readFileSync(TUCKER, "utf8"));
    terms.awards[0].modification.vestedShares = 2500000;
    terms.market.volatility = 70;
    delete terms.employment.endDate;
    const r = optex("separation", write("bad.json", JSON.stringify(terms)));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("cannot be used:");
    expect(r.stderr).toContain("awards[0]");
    expect(r.stderr).toContain("vestedShares (2500000)");
    expect(r.stderr).toContain("market.volatility (70)");
    expect(r.stderr).toContain("employment.endDate");
    expect(r.stdout).toBe("");
  });
});
