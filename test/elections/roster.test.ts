/**
 * The employee roster: its header aliases, its statuses' spellings, the lines that cannot be used
 * (each with its line, column and message, written out by hand), encodings, and the index by
 * holder id. Counts reconcile in every case: rows = accepted + rejected.
 */
import {
  importRosterBytes,
  parseCsvRoster,
  readRosterRows,
  ROSTER_SCHEMA,
  RosterColumn,
  rosterIndex,
} from "../../src/core/elections/roster";
import { resolveTableMapping } from "../../src/core/tables/mapping";
import { parseCsvTable } from "../../src/core/tables/csvImport";
import { TableResult } from "../../src/core/tables/tableReader";

const H = "Employee ID,Name,Termination Date,Status";
/** Excel serials: 2003-07-25 (the cancellation date) and 2004-01-26 (the new grant date). */
const JUL_25_2003 = 37827;
const JAN_26_2004 = 38012;

const counts = (r: { rows: number; accepted: number; rejected: number }) => `${r.rows} = ${r.accepted} + ${r.rejected}`;
const errorsOf = (r: TableResult<RosterColumn>) => r.errors.map((e) => `${e.row} ${e.column}: ${e.message}`);

describe("the header", () => {
  const ALIASES: [RosterColumn, number, string[]][] = [
    ["holder_id", 0, ["Employee ID", "Employee Number", "Participant ID", "Holder ID", "Optionee ID", "Personnel Number", "holder_id"]],
    ["holder_name", 1, ["Name", "Employee Name", "Holder Name", "Participant Name", "Optionee Name", "Full Name", "holder_name"]],
    ["termination_date", 2, ["Termination Date", "Term Date", "Separation Date", "Last Day", "Last Day Worked", "End Date", "termination_date"]],
    ["status", 3, ["Status", "Employment Status", "Employee Status", "status"]],
  ];

  it.each(ALIASES.flatMap(([column, at, aliases]) => aliases.map((alias) => [column, alias, at] as const)))("%s <- %j", (column, alias, at) => {
    const headers = H.split(",").map((h, i) => (i === at ? alias : h));
    const r = resolveTableMapping(ROSTER_SCHEMA, headers);
    expect(r.conflicts).toEqual([]);
    expect(r.mapping[column]).toBe(at);
    expect(Object.keys(r.mapping)).toHaveLength(4);
  });

  it("two headers that fit one column stop the roster until --map chooses", () => {
    const text = "Employee ID,Term Date,Last Day Worked\nE1,2003-08-01,2003-08-15\n";
    const r = parseCsvRoster(text);
    expect(errorsOf(r)).toEqual(['1 termination_date: 2 columns fit termination_date: "Term Date" (#2) and "Last Day Worked" (#3); choose one: nothing is read until you do']);
    expect(counts(r)).toBe("1 = 0 + 1");
    const chosen = parseCsvRoster(text, { choices: ["termination_date=#3"] });
    expect(counts(chosen)).toBe("1 = 1 + 0");
    expect(rosterIndex(chosen.table).get("E1")).toEqual({ line: 2, terminationDate: JUL_25_2003 + 21 });
  });
});

describe("statuses and their spellings", () => {
  it.each([
    ["Active", "", "active"],
    ["A", "", "active"],
    ["active", "", "active"],
    ["Terminated", "2003-07-25", "terminated"],
    ["T", "2003-07-25", "terminated"],
    ["TERM", "2003-07-25", "terminated"],
    ["Leave", "", "leave"],
    ["LOA", "", "leave"],
    ["On Leave", "", "leave"],
    ["on_leave", "", "leave"],
    // on leave with a date: the date decides
    ["Leave", "2003-07-25", "leave"],
  ])("%j (termination date %j) is %s", (typed, date, status) => {
    const r = parseCsvRoster(`${H}\nE1,Ann,${date},${typed}\n`);
    expect(r.errors).toEqual([]);
    const entry = rosterIndex(r.table).get("E1");
    expect(entry?.status).toBe(status);
    expect(entry?.terminationDate).toBe(date === "" ? undefined : JUL_25_2003);
  });
});

describe("lines that cannot be used: each is its line's error", () => {
  it.each([
    [
      "terminated with no date",
      "E2,Bob,,Terminated",
      ['3 termination_date: termination date is missing: status "Terminated" needs the date (eligibility turns on employment through the cancellation date, the new grants on employment on the new grant date)'],
    ],
    [
      "T with no date",
      "E2,Bob,,T",
      ['3 termination_date: termination date is missing: status "T" needs the date (eligibility turns on employment through the cancellation date, the new grants on employment on the new grant date)'],
    ],
    ["active with a date", "E2,Bob,2004-01-26,Active", ['3 status: status "Active" with termination date 2004-01-26: which is right cannot be known; blank the date or change the status']],
    ["an unknown status", "E2,Bob,,Retired", ['3 status: status "Retired" is not one of active, terminated, leave']],
    ["a repeated holder id (the first is kept)", "E1,Ann Again,,Active", ["3 holder_id: holder id E1 repeats the record on line 2 (the first is kept)"]],
    ["a blank holder id", ",Bob,,Active", ["3 holder_id: holder id is missing"]],
    ["a date that is not one", "E2,Bob,2003-02-30,Terminated", ['3 termination_date: termination date "2003-02-30" is not a date: February 2003 has 28 days']],
    ["a date with a time", "E2,Bob,2003-08-01 17:00,Terminated", ['3 termination_date: termination date "2003-08-01 17:00" has a time of day (17:00); this column takes a date']],
  ])("%s", (_, bad, errors) => {
    const r = parseCsvRoster(`${H}\nE1,Ann,,Active\n${bad}\nE3,Cy,2003-08-01,Terminated\n`);
    expect(errorsOf(r)).toEqual(errors);
    expect(counts(r)).toBe("3 = 2 + 1");
    expect([...rosterIndex(r.table).keys()]).toEqual(["E1", "E3"]);
  });

  it("a roster without a status column is read on its dates alone", () => {
    const r = parseCsvRoster("Employee ID,Separation Date\nE1,2004-01-23\nE2,\n");
    expect(r.errors).toEqual([]);
    expect([...rosterIndex(r.table)]).toEqual([
      ["E1", { line: 2, terminationDate: JAN_26_2004 - 3 }],
      ["E2", { line: 3 }],
    ]);
  });

  it("the generic table reader checks the status rule as the roster's own reader does", () => {
    const r = parseCsvTable(`${H}\nE1,Ann,,Terminated\nE2,Bob,,Active\n`, ROSTER_SCHEMA);
    expect(r.errors.map((e) => `${e.row} ${e.column}`)).toEqual(["2 termination_date"]);
    expect([r.rows, r.accepted, r.rejected]).toEqual([2, 1, 1]);
  });
});

describe("worksheet rows and the index", () => {
  it("reads serials and text, and indexes holders by id", () => {
    const r = readRosterRows(["Personnel Number", "Full Name", "Last Day", "Employment Status"], [
      { line: 4, cells: ["E1", "Ann Lee", null, "A"] },
      { line: 5, cells: ["E2", "Bob Day", JAN_26_2004, "Term"] },
      { line: 6, cells: ["E3", null, JUL_25_2003, "LOA"] },
      { line: 7, cells: ["E4", "Di", JUL_25_2003 + 0.5, "T"] },
      { line: 8, cells: [1001, "Ed", null, null] },
    ], {}, 3);
    expect(errorsOf(r)).toEqual(['7 termination_date: termination date "37827.5" has a time of day (12:00); this column takes a date']);
    expect(counts(r)).toBe("5 = 4 + 1");
    expect([...rosterIndex(r.table)]).toEqual([
      ["E1", { line: 4, holderName: "Ann Lee", status: "active" }],
      ["E2", { line: 5, holderName: "Bob Day", terminationDate: JAN_26_2004, status: "terminated" }],
      ["E3", { line: 6, terminationDate: JUL_25_2003, status: "leave" }],
      ["1001", { line: 8, holderName: "Ed" }],
    ]);
  });
});

/** Bytes of a string in an encoding (UTF-16 by hand; Windows-1252 for code points < 256 only). */
function encode(text: string, encoding: "utf-16le" | "utf-16be" | "latin"): Uint8Array {
  if (encoding === "latin") return Uint8Array.from(text, (c) => c.charCodeAt(0));
  const out = new Uint8Array(text.length * 2);
  const lo = encoding === "utf-16le" ? 0 : 1;
  for (let i = 0; i < text.length; i++) {
    out[2 * i + lo] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1 - lo] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe("encodings: any the ledger reads", () => {
  const text = `${H}\r\nE1,José Müller,,Active\r\nE2,Zoë Ångström,2003-08-01,Terminated\r\n`;
  it.each([
    ["UTF-16LE with BOM, tab-separated", encode("\ufeff" + text.replace(/,/g, "\t"), "utf-16le"), "UTF-16LE (byte order mark)"],
    ["UTF-16BE with BOM", encode("\ufeff" + text, "utf-16be"), "UTF-16BE (byte order mark)"],
    // the é of José is the 7th character of the second line
    ["Windows-1252", encode(text, "latin"), `Windows-1252 (not UTF-8: byte 0xE9 at offset ${H.length + 2 + 6})`],
  ])("%s", async (_, bytes, encoding) => {
    const r = await importRosterBytes(function* () {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
    });
    expect(r.source?.encoding).toBe(encoding);
    expect(r.errors).toEqual([]);
    expect(counts(r)).toBe("2 = 2 + 0");
    expect([...rosterIndex(r.table)]).toEqual([
      ["E1", { line: 2, holderName: "José Müller", status: "active" }],
      ["E2", { line: 3, holderName: "Zoë Ångström", terminationDate: JUL_25_2003 + 7, status: "terminated" }],
    ]);
  });
});
