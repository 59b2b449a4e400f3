/**
 * The election log (issue 9, section 1): its header aliases, the lines that cannot be read (each
 * with its line, column and message, written out by hand), receipt times to instants (expected
 * instants computed here with Date.UTC, never from our output), daylight saving's skipped and
 * repeated hours, the assembly of lines into forms, encodings, and 100,000 lines read and
 * assembled in well under a second. Counts reconcile in every case: rows = accepted + rejected.
 */
import {
  assembleForms,
  ELECTION_LOG_SCHEMA,
  importElectionLogBytes,
  LogColumn,
  parseCsvElectionLog,
  readElectionLogRows,
  serialToTheSecond,
} from "../../src/core/elections/log";
import { ElectionForm, LogSummary } from "../../src/core/elections/types";
import { resolveTableMapping } from "../../src/core/tables/mapping";
import { parseCsvTable } from "../../src/core/tables/csvImport";
import { TableResult } from "../../src/core/tables/tableReader";

const TZ = "America/Los_Angeles";
/** The bundled sample's header. */
const H = "Form ID,Employee ID,Form Type,Grant Number,Shares,Signed,Received,Channel";
/** A line that reads: form F0 of E0, received 4:00 p.m. PDT July 24, 2003. */
const GOOD = "F0,E0,Election Form,G0,,2003-07-20,2003-07-24 16:00,Fax";
/** Excel serials: 2003-07-24 is 37826 (DOMAIN.md: 36526 = 2000-01-01, plus 1,300 days). */
const JUL_24 = 37826;
const JUL_20 = 37822;

const counts = (r: { rows: number; accepted: number; rejected: number }) => `${r.rows} = ${r.accepted} + ${r.rejected}`;
const errorsOf = (errors: readonly { row: number; column: string; message: string }[]) => errors.map((e) => `${e.row} ${e.column}: ${e.message}`);

/** The log read and assembled, with the checks every case makes: counts reconcile, the forms hold every accepted line once. */
function assemble(r: TableResult<LogColumn>, zone = TZ): { forms: ElectionForm[]; log: LogSummary } {
  expect(r.rows).toBe(r.accepted + r.rejected);
  const out = assembleForms(r, zone);
  expect(out.log.rows).toBe(r.rows);
  expect(out.log.rows).toBe(out.log.accepted + out.log.rejected);
  expect(out.forms.reduce((n, f) => n + f.lines.length, 0)).toBe(out.log.accepted);
  const rejectedLines = new Set(out.log.errors.map((e) => e.row));
  for (const f of out.forms) for (const line of f.lines) expect(rejectedLines.has(line)).toBe(false);
  return out;
}

describe("the header", () => {
  const SAMPLE = H.split(",");
  // the aliases, written out as the brief gives them
  const ALIASES: [LogColumn, number, string[]][] = [
    ["form_id", 0, ["Form ID", "Form Number", "Form No", "Form #", "Confirmation Number", "Confirmation No", "Document ID", "Reference", "form_id"]],
    ["holder_id", 1, ["Employee ID", "Employee Number", "Participant ID", "Holder ID", "Optionee ID", "Personnel Number", "holder_id"]],
    ["form_type", 2, ["Form Type", "Form", "Type", "Document Type", "Election Type", "form_type"]],
    ["grant_id", 3, ["Grant Number", "Grant No", "Grant #", "Option Number", "Grant ID", "Award ID", "grant_id"]],
    ["shares", 4, ["Shares", "Shares Tendered", "Options Tendered", "Number of Shares", "Shares Elected", "shares"]],
    ["signed_at", 5, ["Signed", "Date Signed", "Signature Date", "Signed At", "Signed On", "Date of Signature", "signed_at"]],
    ["received_at", 6, ["Received", "Received At", "Date Received", "Time Received", "Received On", "Receipt Time", "Date/Time Received", "received_at"]],
    ["channel", 7, ["Channel", "Method", "Delivery Method", "Received Via", "Delivered By", "Delivery", "channel"]],
  ];

  it("the sample's header maps one header a column, with no conflict and nothing left over", () => {
    expect(resolveTableMapping(ELECTION_LOG_SCHEMA, SAMPLE)).toEqual({
      mapping: { form_id: 0, holder_id: 1, form_type: 2, grant_id: 3, shares: 4, signed_at: 5, received_at: 6, channel: 7 },
      conflicts: [],
      unmapped: [],
    });
  });

  it.each(ALIASES.flatMap(([column, at, aliases]) => aliases.map((alias) => [column, alias, at] as const)))("%s <- %j (in the sample's place)", (column, alias, at) => {
    const headers = SAMPLE.map((h, i) => (i === at ? alias : h));
    const r = resolveTableMapping(ELECTION_LOG_SCHEMA, headers);
    expect(r.conflicts).toEqual([]);
    expect(r.mapping[column]).toBe(at);
    expect(Object.keys(r.mapping)).toHaveLength(8);
  });

  it.each([
    // upper case, underscores and slashes are one header
    ["FORM_NUMBER,EMPLOYEE-NUMBER,form type,GRANT NO,SHARES TENDERED,DATE SIGNED,DATE/TIME RECEIVED,DELIVERY METHOD", {}],
    ["Confirmation No,Optionee ID,Election Type,Award ID,Shares Elected,Signature Date,Receipt Time,Received Via", {}],
  ])("other exports map too: %s", (header, conflicts) => {
    const r = resolveTableMapping(ELECTION_LOG_SCHEMA, header.split(","));
    expect(r.conflicts).toEqual(Object.entries(conflicts));
    expect(r.mapping).toEqual({ form_id: 0, holder_id: 1, form_type: 2, grant_id: 3, shares: 4, signed_at: 5, received_at: 6, channel: 7 });
  });

  it("two headers that fit one column stop the log until --map chooses", () => {
    const header = "Form ID,Confirmation Number,Employee ID,Form Type,Signed,Received,Channel";
    const text = `${header}\nF1,C1,E1,Election Form,2003-07-20,2003-07-24 16:00,Fax\n`;
    const stopped = parseCsvElectionLog(text);
    expect(errorsOf(stopped.errors)).toEqual(['1 form_id: 2 columns fit form_id: "Form ID" (#1) and "Confirmation Number" (#2); choose one: nothing is read until you do']);
    expect(counts(stopped)).toBe("1 = 0 + 1");
    expect(assemble(stopped).forms).toEqual([]);
    const chosen = parseCsvElectionLog(text, { choices: ["form_id=Confirmation Number"] });
    expect(counts(chosen)).toBe("1 = 1 + 0");
    expect(assemble(chosen).forms.map((f) => f.formId)).toEqual(["C1"]);
    expect(chosen.unmapped).toEqual(["Form ID"]);
    const byPosition = parseCsvElectionLog(text, { overrides: { form_id: 0 } });
    expect(assemble(byPosition).forms.map((f) => f.formId)).toEqual(["F1"]);
  });

  it("a required column missing is said once, on the header, and no line is read", () => {
    const r = parseCsvElectionLog("Form ID,Employee ID,Form Type,Signed,Channel\nF1,E1,Election Form,2003-07-20,Fax\n");
    expect(errorsOf(r.errors)).toEqual(["1 received_at: required column received_at is not in the header: map it to one of the file's columns"]);
    expect(counts(r)).toBe("1 = 0 + 1");
  });
});

describe("lines that cannot be read: each is its line's error, naming the column and what was typed", () => {
  it.each([
    [
      "a receipt with a date and no time",
      "F1,E1,Election Form,G1,,2003-07-20,2003-07-24,Fax",
      [`3 received_at: received at "2003-07-24" has no time of day: a date alone cannot be placed against the offer's deadline (a time on the expiration date, such as 5:00 p.m.); write the date and time received`],
    ],
    [
      "a US date with no time",
      "F1,E1,Election Form,G1,,7/20/2003,7/24/2003,Fax",
      [`3 received_at: received at "7/24/2003" has no time of day: a date alone cannot be placed against the offer's deadline (a time on the expiration date, such as 5:00 p.m.); write the date and time received`],
    ],
    [
      "a serial with no fraction",
      "F1,E1,Election Form,G1,,2003-07-20,37826,Fax",
      [`3 received_at: received at "37826" has no time of day: a date alone cannot be placed against the offer's deadline (a time on the expiration date, such as 5:00 p.m.); write the date and time received`],
    ],
    [
      // 0.7083 of a day is 16:59:57.12; half of the 4th decimal is 4.32 seconds either way
      "a serial whose decimals do not fix the second",
      "F1,E1,Election Form,G1,,2003-07-20,37826.7083,Fax",
      [
        '3 received_at: received at "37826.7083" gives the time only to within 4.32 seconds either way (its 4 decimals: 2003-07-24 16:59:52.800 to 2003-07-24 17:00:01.440), which may be either side of a deadline: write the time (2003-07-24 hh:mm:ss) or at least 5 decimals',
      ],
    ],
    ["an unknown form type", "F1,E1,Proxy Card,G1,,2003-07-20,2003-07-24 16:00,Fax", ['3 form_type: form type "Proxy Card" is not one of election, withdrawal']],
    ["a blank form id", ",E1,Election Form,G1,,2003-07-20,2003-07-24 16:00,Fax", ["3 form_id: form id is missing"]],
    ["a blank holder", "F1,,Election Form,G1,,2003-07-20,2003-07-24 16:00,Fax", ["3 holder_id: holder id is missing"]],
    ["a blank signature date", "F1,E1,Election Form,G1,,,2003-07-24 16:00,Fax", ["3 signed_at: signed at is missing"]],
    ["a blank channel", "F1,E1,Election Form,G1,,2003-07-20,2003-07-24 16:00,", ["3 channel: channel is missing"]],
    ["an hour that is not one", "F1,E1,Election Form,G1,,2003-07-20,2003-07-24 25:00,Fax", ['3 received_at: received at "2003-07-24 25:00" has an invalid time ("25:00": hour 25 is not 0-23)']],
    ["a day that does not exist", "F1,E1,Election Form,G1,,2003-07-20,2003-06-31 10:00,Fax", ['3 received_at: received at "2003-06-31 10:00" is not a date: June 2003 has 30 days']],
    ["an offset that is not one", "F1,E1,Election Form,G1,,2003-07-20,2003-07-24T16:00-19:00,Fax", ['3 received_at: received at "2003-07-24T16:00-19:00" has an invalid time ("16:00-19:00": offset -19:00 is not a UTC offset)']],
    ["shares with no grant", "F1,E1,Election Form,,500,2003-07-20,2003-07-24 16:00,Fax", ["3 shares: shares 500 is given with no grant id on the line: which grant it is for cannot be known"]],
    ["shares that are not a count", "F1,E1,Election Form,G1,12.5,2003-07-20,2003-07-24 16:00,Fax", ['3 shares: shares "12.5" is not a whole number of shares']],
    [
      "several faults of one line, in the columns' order",
      ",E1,Tender Offer,G1,,2003-07-20,2003-07-24,Fax",
      [
        "3 form_id: form id is missing",
        '3 form_type: form type "Tender Offer" is not one of election, withdrawal',
        `3 received_at: received at "2003-07-24" has no time of day: a date alone cannot be placed against the offer's deadline (a time on the expiration date, such as 5:00 p.m.); write the date and time received`,
      ],
    ],
  ])("%s", (_, bad, errors) => {
    const r = parseCsvElectionLog(`${H}\n${GOOD}\n${bad}\n`);
    expect(errorsOf(r.errors)).toEqual(errors);
    expect(counts(r)).toBe("2 = 1 + 1");
    const { forms, log } = assemble(r);
    expect(forms.map((f) => f.formId)).toEqual(["F0"]);
    expect(counts(log)).toBe("2 = 1 + 1");
    expect(errorsOf(log.errors)).toEqual(errors);
  });

  it("the same line with a time, or with midnight written out, is read", () => {
    const r = parseCsvElectionLog(`${H}\n${GOOD}\nF1,E1,Election Form,G1,,2003-07-20,2003-07-24 00:00,Fax\nF2,E1,Election Form,G1,,2003-07-20,2003-07-24T00:00:00Z,Fax\n`);
    expect(r.errors).toEqual([]);
    const { forms } = assemble(r);
    expect(forms.map((f) => [f.formId, f.receivedAt])).toEqual([
      ["F0", Date.UTC(2003, 6, 24, 23, 0)],
      ["F1", Date.UTC(2003, 6, 24, 7, 0)], // midnight PDT is 7:00 UTC
      ["F2", Date.UTC(2003, 6, 24, 0, 0)],
    ]);
  });

  it("read by the generic table reader, the schema reads as the log's own reader does: a written midnight is a time, a date alone is not", () => {
    const r = parseCsvTable(`${H}\nF1,E1,Election Form,G1,,2003-07-20,2003-07-24 00:00,Fax\nF2,E1,Election Form,G1,,2003-07-20,2003-07-24,Fax\n`, ELECTION_LOG_SCHEMA);
    expect(errorsOf(r.errors)).toEqual([
      '3 received_at: received at "2003-07-24" has no time of day: a date alone cannot be placed against the offer\'s deadline (a time on the expiration date, such as 5:00 p.m.); write the date and time received',
    ]);
    expect(counts(r)).toBe("2 = 1 + 1");
  });
});

describe("receipt times: a written offset is that instant; without one, a wall-clock time in the offer's zone", () => {
  it.each([
    ["an offset, -07:00", "2003-07-24T17:00:00-07:00", Date.UTC(2003, 6, 25, 0, 0, 0)],
    ["Z", "2003-07-24T23:59:59Z", Date.UTC(2003, 6, 24, 23, 59, 59)],
    ["an offset without a colon, -0400", "2003-07-24T19:59:59-0400", Date.UTC(2003, 6, 24, 23, 59, 59)],
    ["an offset of hours, +02", "2003-07-25T01:00+02", Date.UTC(2003, 6, 24, 23, 0)],
    ["a local time in summer (PDT, UTC-7)", "2003-07-24 16:59:59", Date.UTC(2003, 6, 24, 23, 59, 59)],
    ["a local time in winter (PST, UTC-8)", "2003-01-15 09:00", Date.UTC(2003, 0, 15, 17, 0)],
    ["a US date with a 12-hour time", "7/24/2003 4:59 PM", Date.UTC(2003, 6, 24, 23, 59)],
    ["milliseconds", "2003-07-24 16:59:59.999", Date.UTC(2003, 6, 24, 23, 59, 59, 999)],
    // 0.7083333 of a day is 4:59:59.997 p.m. to the millisecond; its 7 decimals mean 5:00:00 p.m.
    ["a serial with a fraction (7 decimals) is 5:00 p.m. local", "37826.7083333", Date.UTC(2003, 6, 25, 0, 0, 0)],
    ["a serial with 5 decimals that reach one whole second", "37826.70833", Date.UTC(2003, 6, 25, 0, 0, 0)],
    ["a serial to the full precision", "37826.708333333336", Date.UTC(2003, 6, 25, 0, 0, 0)],
    ["a serial of 4:59:59 p.m. (8 decimals)", "37826.70832176", Date.UTC(2003, 6, 24, 23, 59, 59)],
    ["a serial of 6:00 p.m. (2 decimals, exact)", "37826.75", Date.UTC(2003, 6, 25, 1, 0, 0)],
    // 4:59:59.5 p.m. is 0.708327546296... of a day: 12 decimals reach no whole second, so the half second stands
    ["a serial meaning a fraction of a second", "37826.708327546296", Date.UTC(2003, 6, 24, 23, 59, 59, 500)],
    // the clocks go back at 2:00 a.m. PDT: 2:00 a.m. is PST once, 12:59 a.m. PDT once
    ["just after the repeated hour", "2003-10-26 02:00", Date.UTC(2003, 9, 26, 10, 0)],
    ["just before the repeated hour", "2003-10-26 00:59", Date.UTC(2003, 9, 26, 7, 59)],
    ["just after the skipped hour", "2003-04-06 03:00", Date.UTC(2003, 3, 6, 10, 0)],
    ["just before the skipped hour", "2003-04-06 01:59", Date.UTC(2003, 3, 6, 9, 59)],
    ["the repeated hour with its offset written (PDT)", "2003-10-26T01:30:00-07:00", Date.UTC(2003, 9, 26, 8, 30)],
    ["the repeated hour with its offset written (PST)", "2003-10-26T01:30:00-08:00", Date.UTC(2003, 9, 26, 9, 30)],
    ["the skipped hour with an offset written", "2003-04-06T02:30:00-08:00", Date.UTC(2003, 3, 6, 10, 30)],
  ])("%s: %s", (_, received, instant) => {
    const r = parseCsvElectionLog(`${H}\nF1,E1,Election Form,G1,,2003-07-20,${received},Fax\n`);
    expect(r.errors).toEqual([]);
    const { forms } = assemble(r);
    expect(forms[0].receivedAt).toBe(instant);
  });

  it.each([
    ["a serial with a fraction", JUL_24 + 0.7083333, Date.UTC(2003, 6, 25, 0, 0, 0)],
    ["Excel's own 5:00 p.m.", JUL_24 + 17 / 24, Date.UTC(2003, 6, 25, 0, 0, 0)],
    ["Excel's own 4:59:59 p.m.", JUL_24 + (16 * 3600 + 59 * 60 + 59) / 86400, Date.UTC(2003, 6, 24, 23, 59, 59)],
    ["text in a worksheet cell", "2003-07-24T17:00:00-07:00", Date.UTC(2003, 6, 25, 0, 0, 0)],
  ])("a worksheet cell: %s", (_, received, instant) => {
    const r = readElectionLogRows(H.split(","), [{ line: 5, cells: ["F1", "E1", "Election Form", "G1", null, JUL_20, received, "Fax"] }], {}, 4);
    expect(r.errors).toEqual([]);
    const { forms } = assemble(r);
    expect(forms[0].receivedAt).toBe(instant);
    expect(forms[0].lines).toEqual([5]);
  });

  it.each([
    ["a worksheet date with no time", JUL_24, `6 received_at: received at 37826 (2003-07-24) has no time of day: a date alone cannot be placed against the offer's deadline (a time on the expiration date, such as 5:00 p.m.); write the date and time received`],
    [
      "a worksheet serial with 4 decimals",
      37826.7083,
      "6 received_at: received at 37826.7083 (2003-07-24 16:59:57.120) gives the time only to within 4.32 seconds either way (its 4 decimals: 2003-07-24 16:59:52.800 to 2003-07-24 17:00:01.440), which may be either side of a deadline: write the time (2003-07-24 hh:mm:ss) or at least 5 decimals",
    ],
    ["a TRUE/FALSE cell", true, '6 received_at: received at "TRUE" is a TRUE/FALSE value, not a date'],
  ])("a worksheet cell that cannot be read: %s", (_, received, error) => {
    const r = readElectionLogRows(H.split(","), [
      { line: 5, cells: ["F1", "E1", "Election Form", "G1", null, JUL_20, JUL_24 + 0.5, "Fax"] },
      { line: 6, cells: ["F2", "E1", "Election Form", "G1", null, JUL_20, received, "Fax"] },
    ], {}, 4);
    expect(errorsOf(r.errors)).toEqual([error]);
    expect(counts(assemble(r).log)).toBe("2 = 1 + 1");
  });

  it.each([
    ["7 decimals, 2.9 ms short of 5:00 p.m.", "37826.7083333", JUL_24 + 17 / 24],
    ["a whole second already", "37826.75", 37826.75],
    // 4:59:59.5 p.m.: the reader's millisecond stands
    ["a fraction of a second meant", "37826.708327546296", JUL_24 + 61_199_500 / 86_400_000],
    ["4 decimals: 16:59:53 to 17:00:01 are all possible", "37826.7083", NaN],
    ["no fraction", "37826", 37826],
  ])("serialToTheSecond: %s", (_, typed, expected) => {
    const day = Math.floor(Number(typed));
    const read = day + Math.round((Number(typed) - day) * 86_400_000) / 86_400_000; // the reader's millisecond
    expect(serialToTheSecond(typed, read)).toBe(expected);
  });
});

describe("daylight saving: a local time the zone skips or repeats is never placed by guessing", () => {
  it.each([
    [
      "skipped: 2:30 a.m. on April 6, 2003 (clocks went from 2:00 to 3:00 a.m.)",
      "2003-04-06 02:30",
      "3 received_at: received at 2003-04-06 02:30 does not exist in America/Los_Angeles (the clocks went forward from -08:00 to -07:00): read at -08:00 it is 2003-04-06T03:30:00-07:00, at -07:00 it is 2003-04-06T01:30:00-08:00; write the offset to choose (2003-04-06T02:30:00-08:00 or 2003-04-06T02:30:00-07:00)",
    ],
    [
      "repeated: 1:30 a.m. on October 26, 2003 (clocks went from 2:00 back to 1:00 a.m.)",
      "2003-10-26 01:30",
      "3 received_at: received at 2003-10-26 01:30 happens twice in America/Los_Angeles (the clocks went back from -07:00 to -08:00): 2003-10-26T01:30:00-07:00 or, an hour later, 2003-10-26T01:30:00-08:00; write the offset to choose",
    ],
    [
      "repeated, written 12-hour with seconds",
      "10/26/2003 1:00:01 AM",
      "3 received_at: received at 2003-10-26 01:00:01 happens twice in America/Los_Angeles (the clocks went back from -07:00 to -08:00): 2003-10-26T01:00:01-07:00 or, an hour later, 2003-10-26T01:00:01-08:00; write the offset to choose",
    ],
    [
      // 2:30 a.m. is 0.10416666... of a day
      "skipped, as a serial",
      "37717.1041667",
      "3 received_at: received at 2003-04-06 02:30 does not exist in America/Los_Angeles (the clocks went forward from -08:00 to -07:00): read at -08:00 it is 2003-04-06T03:30:00-07:00, at -07:00 it is 2003-04-06T01:30:00-08:00; write the offset to choose (2003-04-06T02:30:00-08:00 or 2003-04-06T02:30:00-07:00)",
    ],
  ])("%s", (_, received, error) => {
    const r = parseCsvElectionLog(`${H}\n${GOOD}\nF1,E1,Election Form,G1,,2003-07-20,${received},Fax\nF2,E2,Election Form,G2,,2003-07-20,2003-07-24 16:30,Fax\n`);
    expect(r.errors).toEqual([]);
    expect(counts(r)).toBe("3 = 3 + 0");
    const { forms, log } = assemble(r);
    expect(errorsOf(log.errors)).toEqual([error]);
    expect(counts(log)).toBe("3 = 2 + 1");
    expect(forms.map((f) => f.formId)).toEqual(["F0", "F2"]);
  });

  it("in a zone without daylight saving the same wall time is one instant", () => {
    const r = parseCsvElectionLog(`${H}\nF1,E1,Election Form,G1,,2003-07-20,2003-10-26 01:30,Fax\n`);
    expect(assemble(r, "America/Phoenix").forms[0].receivedAt).toBe(Date.UTC(2003, 9, 26, 8, 30));
    expect(assemble(r, "UTC").forms[0].receivedAt).toBe(Date.UTC(2003, 9, 26, 1, 30));
  });

  it("an unknown zone is refused, not guessed", () => {
    const r = parseCsvElectionLog(`${H}\n${GOOD}\n`);
    expect(() => assembleForms(r, "Pacific Time")).toThrow('unknown time zone "Pacific Time": expected an IANA zone such as "America/Los_Angeles"');
    expect(() => assembleForms(r, "-07:00")).toThrow("unknown time zone");
  });
});

describe("forms: the lines with one form id", () => {
  const log = [
    H,
    "F1,E1,Election Form,G1,1000,2003-07-20,2003-07-24 16:00,Fax", // 2
    "F2,E2,Notice to Withdraw,G3,,2003-07-21 9:15,2003-07-22T10:00:00-07:00,By Hand", // 3
    "F1,E1,Election,G2,,2003-07-20,2003-07-24T23:00:00Z,FAX", // 4: same form, same instant and values written another way
    "F3,E3,Election Form,,,2003-07-20T12:00:00-04:00,2003-07-23 11:00,E-mail", // 5: an election listing nothing
    "F4,E4,Election Form,G7,100,7/20/2003,7/23/2003 2:00 PM,Fax", // 6
    "F4,E4,Election Form,G7,100,7/20/2003,7/23/2003 2:00 PM,Fax", // 7: the same grant twice
    "F2,E2,Withdrawal,,,2003-07-21 09:15,2003-07-22 10:00,Hand Delivery", // 8
    "F5,E5,Election Form,G9,,2003-07-20,2003-07-23 12:00,Carrier Pigeon", // 9: an unknown channel, kept as written
  ].join("\n");

  it("each form in the order of its first line, with its tenders, ignored grants and times", () => {
    const r = parseCsvElectionLog(log);
    expect(r.errors).toEqual([]);
    const { forms, log: summary } = assemble(r);
    expect(counts(summary)).toBe("8 = 8 + 0");
    expect(forms).toEqual([
      {
        formId: "F1",
        holderId: "E1",
        type: "election",
        signedAt: JUL_20,
        signedTime: false,
        receivedAt: Date.UTC(2003, 6, 24, 23, 0),
        channel: "fax",
        lines: [2, 4],
        tenders: [
          { line: 2, grantId: "G1", shares: 1000 },
          { line: 4, grantId: "G2" },
        ],
        ignoredGrantIds: [],
      },
      {
        formId: "F2",
        holderId: "E2",
        type: "withdrawal",
        signedAt: JUL_20 + 1 + (9 * 60 + 15) / 1440,
        signedTime: true,
        receivedAt: Date.UTC(2003, 6, 22, 17, 0),
        channel: "hand",
        lines: [3, 8],
        tenders: [],
        ignoredGrantIds: ["G3"],
      },
      {
        formId: "F3",
        holderId: "E3",
        type: "election",
        // noon at -04:00 is 9:00 a.m. in Los Angeles
        signedAt: JUL_20 + 9 / 24,
        signedTime: true,
        receivedAt: Date.UTC(2003, 6, 23, 18, 0),
        channel: "email",
        lines: [5],
        tenders: [],
        ignoredGrantIds: [],
      },
      {
        formId: "F4",
        holderId: "E4",
        type: "election",
        signedAt: JUL_20,
        signedTime: false,
        receivedAt: Date.UTC(2003, 6, 23, 21, 0),
        channel: "fax",
        lines: [6, 7],
        tenders: [
          { line: 6, grantId: "G7", shares: 100 },
          { line: 7, grantId: "G7", shares: 100 },
        ],
        ignoredGrantIds: [],
      },
      {
        formId: "F5",
        holderId: "E5",
        type: "election",
        signedAt: JUL_20,
        signedTime: false,
        receivedAt: Date.UTC(2003, 6, 23, 19, 0),
        channel: "carrier pigeon",
        lines: [9],
        tenders: [{ line: 9, grantId: "G9" }],
        ignoredGrantIds: [],
      },
    ]);
    expect(summary.headers).toEqual(H.split(","));
    expect(summary.mapping).toEqual({ form_id: 0, holder_id: 1, form_type: 2, grant_id: 3, shares: 4, signed_at: 5, received_at: 6, channel: 7 });
    expect(summary.conflicts).toEqual([]);
    expect(summary.source).toEqual({ encoding: "text", delimiter: ",", lineBreaks: "LF" });
  });

  const FIRST = "F1,E1,Election Form,G1,,2003-07-20,2003-07-24 16:00,Fax";
  it.each([
    ["holder", "F1,E2,Election Form,G2,,2003-07-20,2003-07-24 16:00,Fax", ["3 holder_id: form F1: holder id E2 differs from E1 on line 2, the form's first line"], "line 3 gives holder id E2 where line 2 gives E1"],
    ["form type", "F1,E1,Notice to Withdraw,,,2003-07-20,2003-07-24 16:00,Fax", ["3 form_type: form F1: form type withdrawal differs from election on line 2, the form's first line"], "line 3 gives form type withdrawal where line 2 gives election"],
    ["signature", "F1,E1,Election Form,G2,,2003-07-21,2003-07-24 16:00,Fax", ["3 signed_at: form F1: signed at 2003-07-21 differs from 2003-07-20 on line 2, the form's first line"], "line 3 gives signed at 2003-07-21 where line 2 gives 2003-07-20"],
    ["signature time", "F1,E1,Election Form,G2,,2003-07-20 10:30,2003-07-24 16:00,Fax", ["3 signed_at: form F1: signed at 2003-07-20 10:30 differs from 2003-07-20 on line 2, the form's first line"], "line 3 gives signed at 2003-07-20 10:30 where line 2 gives 2003-07-20"],
    [
      "receipt",
      "F1,E1,Election Form,G2,,2003-07-20,2003-07-24 16:01,Fax",
      ["3 received_at: form F1: received at 2003-07-24T16:01:00-07:00 differs from 2003-07-24T16:00:00-07:00 on line 2, the form's first line"],
      "line 3 gives received at 2003-07-24T16:01:00-07:00 where line 2 gives 2003-07-24T16:00:00-07:00",
    ],
    ["channel", "F1,E1,Election Form,G2,,2003-07-20,2003-07-24 16:00,Email", ["3 channel: form F1: channel email differs from fax on line 2, the form's first line"], "line 3 gives channel email where line 2 gives fax"],
    [
      "holder and channel at once",
      "F1,E9,Election Form,G2,,2003-07-20,2003-07-24 16:00,Mail",
      ["3 holder_id: form F1: holder id E9 differs from E1 on line 2, the form's first line", "3 channel: form F1: channel mail differs from fax on line 2, the form's first line"],
      "line 3 gives holder id E9 where line 2 gives E1; line 3 gives channel mail where line 2 gives fax",
    ],
  ])("a line that disagrees with its form on the %s is its error; the form stays, marked inconsistent", (_, other, errors, clause) => {
    const r = parseCsvElectionLog(`${H}\n${FIRST}\n${other}\nF1,E1,Election Form,G3,,2003-07-20,2003-07-24 16:00,Fax\nF2,E2,Election Form,G4,,2003-07-20,2003-07-24 16:00,Fax\n`);
    expect(r.errors).toEqual([]);
    const { forms, log } = assemble(r);
    expect(errorsOf(log.errors)).toEqual(errors);
    expect(counts(log)).toBe("4 = 3 + 1");
    expect(forms.map((f) => [f.formId, f.lines, f.tenders.map((t) => t.grantId), f.inconsistency])).toEqual([
      ["F1", [2, 4], ["G1", "G3"], `Form F1's lines disagree (${clause}): which is right cannot be known, so the form is not valid.`],
      ["F2", [5], ["G4"], undefined],
    ]);
  });

  it("a form whose first line cannot be placed starts at its next line", () => {
    const r = parseCsvElectionLog(`${H}\nF1,E1,Election Form,G1,,2003-07-20,2003-10-26 01:30,Fax\nF1,E1,Election Form,G2,,2003-07-20,2003-10-26T01:30:00-08:00,Fax\n`);
    const { forms, log } = assemble(r);
    expect(log.errors.map((e) => `${e.row} ${e.column}`)).toEqual(["2 received_at"]);
    expect(forms.map((f) => [f.formId, f.lines, f.receivedAt])).toEqual([["F1", [3], Date.UTC(2003, 9, 26, 9, 30)]]);
  });

  it("errors of reading and of assembling come together in line order", () => {
    const r = parseCsvElectionLog(`${H}\nF1,E1,Election Form,G1,,2003-07-20,2003-04-06 02:15,Fax\nF2,,Election Form,G1,,2003-07-20,2003-07-24 16:00,Fax\nF3,E1,Election Form,G1,,2003-07-20,2003-10-26 01:15,Fax\n`);
    const { log } = assemble(r);
    expect(log.errors.map((e) => `${e.row} ${e.column}`)).toEqual(["2 received_at", "3 holder_id", "4 received_at"]);
    expect(counts(log)).toBe("3 = 0 + 3");
  });
});

/** Bytes of a string in an encoding (UTF-16 by hand; Windows-1252 for code points < 256 only). */
function encode(text: string, encoding: "utf-8" | "utf-16le" | "latin"): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  if (encoding === "latin") return Uint8Array.from(text, (c) => c.charCodeAt(0));
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe("encodings: any the ledger reads", () => {
  const text = `${H}\r\nFé1,E1,Election Form,Gé1,,2003-07-20,2003-07-24 16:00,Télécopie\r\nFé1,E1,Election Form,Gè2,,2003-07-20,2003-07-24 16:00,Télécopie\r\n`;
  it.each([
    ["UTF-8", encode(text, "utf-8"), "UTF-8", ","],
    ["UTF-16LE with BOM, tab-separated (Excel's Unicode Text)", encode("\ufeff" + text.replace(/,/g, "\t"), "utf-16le"), "UTF-16LE (byte order mark)", "\t"],
    ["UTF-16LE without BOM", encode(text, "utf-16le"), "UTF-16LE (no byte order mark)", ","],
    // the first é is the 2nd character of the second line
    ["Windows-1252", encode(text, "latin"), `Windows-1252 (not UTF-8: byte 0xE9 at offset ${H.length + 2 + 1})`, ","],
  ])("%s", async (_, bytes, encoding, delimiter) => {
    for (const chunk of [1 << 20, 7]) {
      const r = await importElectionLogBytes(function* () {
        for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
      });
      expect(r.source).toEqual({ encoding, delimiter, lineBreaks: "CRLF" });
      expect(r.errors).toEqual([]);
      const { forms, log } = assemble(r);
      expect(counts(log)).toBe("2 = 2 + 0");
      // an unknown channel is kept as written, folded
      expect(forms.map((f) => [f.formId, f.channel, f.tenders.map((t) => t.grantId)])).toEqual([["Fé1", "télécopie", ["Gé1", "Gè2"]]]);
      expect(log.source?.encoding).toBe(encoding);
    }
  });
});

describe("a large log", () => {
  // its speed is `npm run bench`'s to measure (a timed test fails on a busy machine); this checks the result
  it("reads and assembles 100,000 lines, forms of one to three lines", () => {
    const lines = [H];
    const channels = ["Fax", "By Hand", "Email", "Fax"];
    for (let i = 0; lines.length <= 100_000; i++) {
      // forms of 1 to 3 lines over the offer's month; a third with offsets written
      const day = 1 + (i % 24);
      const time = `${String(8 + (i % 9)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")}`;
      const received = i % 3 === 0 ? `2003-07-${String(day).padStart(2, "0")}T${time}-07:00` : `2003-07-${String(day).padStart(2, "0")} ${time}`;
      const type = i % 10 === 0 ? "Notice to Withdraw" : "Election Form";
      for (let k = 0; k < 1 + (i % 3) && lines.length <= 100_000; k++) {
        lines.push(`F${i},E${i % 40_000},${type},G${i}-${k},${k === 0 ? "1000" : ""},2003-07-0${1 + (i % 9)},${received},${channels[i % 4]}`);
      }
    }
    const { forms, log } = assembleForms(parseCsvElectionLog(lines.join("\n") + "\n"), TZ);
    expect(counts(log)).toBe("100000 = 100000 + 0");
    // forms of 1, 2, 3 lines: 16,666 rounds of 6 lines are 99,996 lines and 49,998 forms; then 1, 2 and 1 line
    expect(forms.length).toBe(50_001);
    expect(forms[0]).toMatchObject({ formId: "F0", type: "withdrawal", receivedAt: Date.UTC(2003, 6, 1, 15, 0, 0), ignoredGrantIds: ["G0-0"] });
    expect(forms[1]).toMatchObject({ formId: "F1", lines: [3, 4], receivedAt: Date.UTC(2003, 6, 2, 16, 1, 7), tenders: [{ line: 3, grantId: "G1-0", shares: 1000 }, { line: 4, grantId: "G1-1" }] });
  });
});
