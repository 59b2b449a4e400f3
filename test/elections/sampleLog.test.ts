/**
 * The Capstone sample's election log and roster (assets/samples/capstone-2003/elections.csv,
 * roster.csv, ELECTIONS.md): read as plain CSV, they cover every rule of issue 9 at least once, and
 * they are exactly what scripts/make-capstone-elections.js writes for the bundled ledger.
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
import Papa from "papaparse";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { Grant } from "../../src/core/ledger/grantTable";
import { isoToSerial } from "../../src/core/dates/serial";

const ROOT = path.join(__dirname, "..", "..");
const DIR = path.join(ROOT, "assets", "samples", "capstone-2003");
const read = (name: string) => fs.readFileSync(path.join(DIR, name), "utf8");

interface Made {
  electionsCsv: string;
  rosterCsv: string;
  electionsMd: string;
  totals: { linesIn: number; rowErrors: number; forms: number };
}
const generator = createRequire(__filename)(path.join(ROOT, "scripts", "make-capstone-elections.js")) as {
  makeElections(grants: Grant[]): Made;
};

const ledger = parseCsvLedger(read("ledger.csv"));
const grants: Grant[] = [];
for (let i = 0; i < ledger.table.length; i++) grants.push(ledger.table.grantAt(i));
const byId = new Map(grants.map((g) => [g.grantId, g]));

type Row = Record<string, string>;
const csv = (text: string): { fields: string[]; rows: Row[] } => {
  const r = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return { fields: r.meta.fields ?? [], rows: r.data };
};
const log = csv(read("elections.csv"));
const roster = csv(read("roster.csv"));

const D = (m: number, d: number) => isoToSerial(`2003-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`) as number;
const CANCELLATION = D(7, 25);
const DEADLINE = D(7, 24) + 17 / 24;

/** "7/24/2003" -> serial; "7/24/2003 4:59:59 PM" -> serial with the fraction of the day. */
function usDateTime(text: string): { day: number; seconds?: number } | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))? (AM|PM))?$/.exec(text);
  if (!m) return undefined;
  const day = isoToSerial(`${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}`);
  if (day === undefined) return undefined;
  if (m[4] === undefined) return { day };
  const h = (Number(m[4]) % 12) + (m[7] === "PM" ? 12 : 0);
  return { day, seconds: h * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0) };
}
/** Received as a Pacific wall-clock serial with fraction (ISO ones must carry -07:00, PDT); undefined when it has no time. */
function receivedLocal(text: string): number | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})-07:00$/.exec(text);
  if (iso) return (isoToSerial(iso[1]) as number) + (Number(iso[2]) * 3600 + Number(iso[3]) * 60 + Number(iso[4])) / 86400;
  const t = usDateTime(text);
  return t && t.seconds !== undefined ? t.day + t.seconds / 86400 : undefined;
}
function signedLocal(text: string): { day: number; at?: number } {
  const t = usDateTime(text);
  if (!t) throw new Error(`bad Signed ${text}`);
  return { day: t.day, at: t.seconds === undefined ? undefined : t.day + t.seconds / 86400 };
}
const shares = (text: string) => (text === "" ? undefined : Number(text.replace(/,/g, "")));

interface Form {
  id: string;
  holder: string;
  type: string;
  grants: string[];
  rows: Row[];
  signed: string;
  received: string;
  channel: string;
}
const forms = new Map<string, Form>();
for (const r of log.rows) {
  const f = forms.get(r["Form ID"]);
  if (f) f.rows.push(r);
  else forms.set(r["Form ID"], { id: r["Form ID"], holder: r["Employee ID"], type: r["Form Type"], grants: [], rows: [r], signed: r.Signed, received: r.Received, channel: r.Channel });
}
for (const f of forms.values()) f.grants = f.rows.map((r) => r["Grant Number"]).filter((g) => g !== "");
const readable = [...forms.values()].filter((f) => receivedLocal(f.received) !== undefined);
const onTime = (f: Form) => (receivedLocal(f.received) as number) < DEADLINE - 1e-9 && ["Fax", "fax", "Facsimile", "Hand delivery", "Hand Delivered"].includes(f.channel);
const formsOf = (holder: string) =>
  readable.filter((f) => f.holder === holder).sort((a, b) => signedLocal(a.signed).day - signedLocal(b.signed).day || (receivedLocal(a.received) as number) - (receivedLocal(b.received) as number));
const holders = [...new Set(readable.map((f) => f.holder))];
const isElection = (f: Form) => f.type === "Election Form";
const isWithdrawal = (f: Form) => f.type === "Notice to Withdraw";
/** Same-day ISO + NSO pairs of one holder. */
const pairs: [Grant, Grant][] = [];
for (const g of grants)
  if (g.optionType === "ISO") {
    const nso = grants.find((h) => h.holderId === g.holderId && h.grantDate === g.grantDate && h.optionType === "NSO");
    if (nso) pairs.push([nso, g]);
  }
const eligible = (g: Grant) =>
  g.holderClass === "employee" && g.country === "US" && g.exercisePrice >= 2 && g.sharesOutstanding > 0 && g.grantDate <= D(6, 25) && g.expirationDate > CANCELLATION && !(g.terminationDate !== undefined && g.terminationDate <= CANCELLATION);

describe("the Capstone sample election log: what the generator writes", () => {
  it("is byte for byte scripts/make-capstone-elections.js's output for the bundled ledger", () => {
    expect(ledger.rejected).toBe(0);
    const made = generator.makeElections(grants);
    expect(made.electionsCsv).toBe(read("elections.csv"));
    expect(made.rosterCsv).toBe(read("roster.csv"));
    expect(made.electionsMd).toBe(read("ELECTIONS.md"));
    expect(generator.makeElections(grants).electionsCsv).toBe(made.electionsCsv);
    expect(made.totals.linesIn).toBe(log.rows.length);
  });

  it("is labelled synthetic", () => {
    expect(read("ELECTIONS.md")).toMatch(/SYNTHETIC/);
    expect(read("ELECTIONS.md")).toMatch(/Not Capstone's records/);
  });
});

describe("the Capstone sample election log: shape", () => {
  it("has the export's header and the real forms' words", () => {
    expect(log.fields).toEqual(["Form ID", "Employee ID", "Form Type", "Grant Number", "Shares", "Signed", "Received", "Channel"]);
    expect(roster.fields).toEqual(["Employee ID", "Name", "Status", "Termination Date"]);
    for (const r of log.rows) {
      expect(r["Form ID"]).toMatch(/^(EF|NW)-\d{4}$/);
      expect(["Election Form", "Notice to Withdraw"]).toContain(r["Form Type"]);
      expect(r["Form ID"].startsWith("EF") ? "Election Form" : "Notice to Withdraw").toBe(r["Form Type"]);
      signedLocal(r.Signed);
    }
  });

  it("repeats a form's holder, type, signature, receipt and channel on each of its lines; a Notice to Withdraw is one line with no grant", () => {
    for (const f of forms.values()) {
      for (const r of f.rows) expect([r["Employee ID"], r["Form Type"], r.Signed, r.Received, r.Channel]).toEqual([f.holder, f.type, f.signed, f.received, f.channel]);
      if (isWithdrawal(f)) expect(f.rows.map((r) => [r["Grant Number"], r.Shares])).toEqual([["", ""]]);
      if (isElection(f) && f.grants.length === 0) expect(f.rows).toHaveLength(1);
    }
  });

  it("is at a realistic scale: most eligible holders sent an Election Form listing a grant", () => {
    const eligibleHolders = new Set(grants.filter(eligible).map((g) => g.holderId));
    const tendering = new Set(readable.filter((f) => isElection(f) && f.grants.length > 0 && eligibleHolders.has(f.holder)).map((f) => f.holder));
    expect(tendering.size / eligibleHolders.size).toBeGreaterThan(0.6);
    // and some never answered
    const answered = new Set(log.rows.map((r) => r["Employee ID"]));
    expect([...eligibleHolders].filter((h) => !answered.has(h)).length).toBeGreaterThan(10);
    // mostly local wall-clock receipts, a few ISO 8601 with the offset
    const iso = log.rows.filter((r) => /T\d\d:/.test(r.Received)).length;
    expect(iso).toBeGreaterThan(2);
    expect(iso).toBeLessThan(log.rows.length / 5);
  });
});

describe("the Capstone sample election log: every rule is exercised", () => {
  it("1. the deadline: received 4:59:59, 5:00:00 and 5:00:01 p.m. PDT, July 24, 2003", () => {
    const at = (h: number, m: number, s: number) => readable.filter((f) => Math.abs((receivedLocal(f.received) as number) - (D(7, 24) + (h * 3600 + m * 60 + s) / 86400)) < 1e-9);
    expect(at(16, 59, 59).some((f) => f.channel === "Fax")).toBe(true);
    expect(at(17, 0, 0)).toHaveLength(1);
    expect(at(17, 0, 1)).toHaveLength(1);
    expect(log.rows.some((r) => r.Received === "7/24/2003 5:00:00 PM")).toBe(true);
    // nothing else is late: the background never strays past the deadline
    expect(readable.filter((f) => (receivedLocal(f.received) as number) >= DEADLINE - 1e-9)).toHaveLength(2);
  });

  it("2. channels: an e-mailed form and a FedEx one; every other form by fax or hand", () => {
    const channels = new Set(log.rows.map((r) => r.Channel));
    expect(channels).toContain("E-mail");
    expect(channels).toContain("FedEx");
    expect([...channels].filter((c) => c !== "E-mail" && c !== "FedEx").every((c) => /fax|facsimile|hand/i.test(c))).toBe(true);
  });

  it("3. a withdrawal after an election, and a withdrawal followed by a re-tender", () => {
    const sequences = holders.map((h) => formsOf(h).filter(onTime).map((f) => (isWithdrawal(f) ? "W" : "E")).join(""));
    expect(sequences).toContain("EW");
    expect(sequences).toContain("EWE");
  });

  it("4. a later-signed election replaces one that listed different grants; a notice signed before the last election but received after it", () => {
    const replaced = holders.some((h) => {
      const e = formsOf(h).filter((f) => onTime(f) && isElection(f));
      return e.length >= 2 && signedLocal(e[0].signed).day < signedLocal(e[e.length - 1].signed).day && e[0].grants.join() !== e[e.length - 1].grants.join();
    });
    expect(replaced).toBe(true);
    const outOfOrder = holders.some((h) => {
      const mine = formsOf(h).filter(onTime);
      const last = mine[mine.length - 1];
      return isElection(last) && mine.some((f) => isWithdrawal(f) && (receivedLocal(f.received) as number) > (receivedLocal(last.received) as number));
    });
    expect(outOfOrder).toBe(true);
  });

  it("5. two forms signed the same day with different receipts; and a true tie (same signature, same receipt)", () => {
    const sameDay = holders.some((h) => {
      const e = formsOf(h).filter(onTime);
      return e.some((a, i) => e.some((b, j) => i < j && a.signed === b.signed && a.received !== b.received && a.grants.join() !== b.grants.join()));
    });
    expect(sameDay).toBe(true);
    const tie = holders.some((h) => {
      const e = formsOf(h).filter(onTime);
      return e.some((a, i) => e.some((b, j) => i < j && a.signed === b.signed && a.received === b.received && a.grants.join() !== b.grants.join()));
    });
    expect(tie).toBe(true);
  });

  it("6. a form signed after it was received", () => {
    const late = readable.filter((f) => {
      const s = signedLocal(f.signed);
      const r = receivedLocal(f.received) as number;
      return s.at !== undefined ? s.at > r : s.day > Math.floor(r);
    });
    expect(late).toHaveLength(1);
  });

  it("7. half of a same-day ISO + NSO pair", () => {
    expect(pairs.length).toBeGreaterThan(3);
    const split = readable.filter((f) => isElection(f) && pairs.some(([n, i]) => f.grants.includes(n.grantId) !== f.grants.includes(i.grantId)));
    expect(split.length).toBeGreaterThanOrEqual(1);
    // and whole pairs tendered, as most pair holders do
    expect(readable.some((f) => pairs.some(([n, i]) => f.grants.includes(n.grantId) && f.grants.includes(i.grantId)))).toBe(true);
  });

  it("8. another holder's grant, a grant number in no ledger, a grant under $2.00 and an officer's grant", () => {
    const lines = readable.flatMap((f) => f.rows.filter((r) => r["Grant Number"] !== ""));
    expect(lines.some((r) => byId.has(r["Grant Number"]) && byId.get(r["Grant Number"])?.holderId !== r["Employee ID"])).toBe(true);
    expect(lines.some((r) => !byId.has(r["Grant Number"]))).toBe(true);
    expect(lines.some((r) => (byId.get(r["Grant Number"])?.exercisePrice ?? 99) < 2)).toBe(true);
    expect(lines.some((r) => byId.get(r["Grant Number"])?.holderClass === "officer")).toBe(true);
  });

  it("9. Shares less than outstanding (partial), equal to it, and blank", () => {
    const own = log.rows.filter((r) => byId.get(r["Grant Number"])?.holderId === r["Employee ID"]);
    const outstanding = (r: Row) => byId.get(r["Grant Number"])?.sharesOutstanding as number;
    expect(own.filter((r) => shares(r.Shares) !== undefined && (shares(r.Shares) as number) < outstanding(r))).toHaveLength(1);
    expect(own.some((r) => shares(r.Shares) === outstanding(r))).toBe(true);
    expect(own.some((r) => r.Shares === "")).toBe(true);
    // no share count is ever more than the grant has
    expect(own.every((r) => r.Shares === "" || (shares(r.Shares) as number) <= outstanding(r))).toBe(true);
  });

  it("10. an Election Form that lists no grant", () => {
    expect(readable.some((f) => isElection(f) && f.grants.length === 0)).toBe(true);
  });

  it("11. a fax received 10:30 p.m. PDT on Monday July 21, 2003 (Tuesday in New York)", () => {
    expect(log.rows.filter((r) => r.Received === "2003-07-21T22:30:00-07:00" && r.Channel === "Fax").length).toBeGreaterThanOrEqual(1);
  });

  it("12. exactly one line that cannot be read: a receipt with no time", () => {
    const unreadable = log.rows.filter((r) => receivedLocal(r.Received) === undefined);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0].Received).toBe("7/24/2003");
    expect(log.rows.filter((r) => r["Form ID"] === unreadable[0]["Form ID"])).toHaveLength(1);
  });

  it("13. leavers: one tendered and leaves before the new grant date; one left before the cancellation date", () => {
    const terminated = roster.rows.filter((r) => r.Status === "Terminated");
    const date = (r: Row) => isoToSerial(r["Termination Date"]) as number;
    const tendered = (h: string) => readable.some((f) => f.holder === h && isElection(f) && onTime(f) && f.grants.length > 0);
    expect(terminated.some((r) => r["Termination Date"] === "2003-11-14" && tendered(r["Employee ID"]))).toBe(true);
    const leftEarly = terminated.filter((r) => date(r) <= CANCELLATION && tendered(r["Employee ID"]));
    // one the ledger does not know of (the roster's news), and one it does
    expect(leftEarly.some((r) => grants.every((g) => g.holderId !== r["Employee ID"] || g.terminationDate === undefined))).toBe(true);
    expect(leftEarly.some((r) => grants.some((g) => g.holderId === r["Employee ID"] && g.terminationDate === date(r)))).toBe(true);
  });
});

describe("the Capstone sample roster", () => {
  it("lists every holder with an eligible grant and everyone who sent a form, once", () => {
    const ids = roster.rows.map((r) => r["Employee ID"]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of grants.filter(eligible)) expect(ids).toContain(g.holderId);
    for (const r of log.rows) expect(ids).toContain(r["Employee ID"]);
  });

  it("agrees with the ledger's names and termination dates; Active means no termination date", () => {
    for (const r of roster.rows) {
      const mine = grants.filter((g) => g.holderId === r["Employee ID"]);
      expect(mine.length).toBeGreaterThan(0);
      expect(r.Name).toBe(mine[0].holderName);
      expect(r.Status === "Active").toBe(r["Termination Date"] === "");
      expect(["Active", "Terminated"]).toContain(r.Status);
      for (const g of mine) if (g.terminationDate !== undefined) expect(isoToSerial(r["Termination Date"])).toBe(g.terminationDate);
    }
  });
});
