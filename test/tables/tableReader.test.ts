/**
 * The generic table reader on two tables that are not ledgers: a price history (a date, a money and
 * an integer column) and an elections log (a unique id, an interned id, a date-time, a closed and an
 * open enumeration, a row rule with a flag). Each case is a hand-written file with its outcome
 * written out: values read, rows rejected with line, column and message, rows = accepted + rejected.
 */
import fc from "fast-check";
import { enumeration, TableSchema } from "../../src/core/tables/schema";
import { parseTableMapChoices, resolveTableMapping } from "../../src/core/tables/mapping";
import { readTable, TableResult } from "../../src/core/tables/tableReader";
import { importTableBytes, parseCsvTable } from "../../src/core/tables/csvImport";
import { serialToIso } from "../../src/core/dates/serial";

type PriceColumn = "date" | "close" | "volume" | "note";

const PRICE_HISTORY: TableSchema<PriceColumn> = {
  name: "price history",
  columns: [
    { name: "date", label: "date", aliases: ["Trade Date", "Day"], kind: "date", required: true },
    { name: "close", label: "close price", aliases: ["Close", "Closing Price"], kind: "money", required: true, positive: true },
    { name: "volume", label: "volume", aliases: ["Shares Traded"], kind: "integer" },
    { name: "note", label: "note", kind: "text" },
  ],
};

type ElectionColumn = "election_id" | "employee_id" | "submitted_at" | "election" | "channel";

/** 2003-06-25, the offer's commencement in this log (an Excel serial). */
const COMMENCED = 37797;

const ELECTIONS_LOG: TableSchema<ElectionColumn> = {
  name: "elections log",
  columns: [
    { name: "election_id", label: "election id", aliases: ["Confirmation Number"], kind: "text", required: true, unique: true },
    { name: "employee_id", label: "employee id", aliases: ["Employee ID"], kind: "text", intern: true, required: true },
    { name: "submitted_at", label: "submitted at", aliases: ["Submitted", "Timestamp"], kind: "datetime", required: true },
    {
      name: "election",
      label: "election",
      kind: "enum",
      required: true,
      enumeration: enumeration({ accept: ["Accepted", "Tender"], reject: ["Rejected", "Declined"], withdraw: ["Withdrawn"] }),
    },
    { name: "channel", label: "channel", kind: "enum", enumeration: enumeration({ web: ["Online", "Portal"], paper: ["Form", "Mail"] }, { other: (folded) => folded }) },
  ],
  flags: ["after_hours"],
  rowRule: (at) => {
    const submitted = at.column("submitted_at");
    const afterHours = at.flag("after_hours");
    return (row) => {
      const t = row.number(submitted);
      if (t !== t) return;
      if (t < COMMENCED) row.fail(submitted, `submitted at ${serialToIso(Math.floor(t))} is before the offer commenced on ${serialToIso(COMMENCED)}`);
      else if (t - Math.floor(t) > 17 / 24) row.setFlag(afterHours);
    };
  },
};

/** Rows as objects and errors as "line column: message", for comparing with what is written out. */
function outline<C extends string>(r: TableResult<C>) {
  return {
    rows: Array.from({ length: r.table.length }, (_, i) => r.table.row(i)),
    errors: r.errors.map((e) => `${e.row} ${e.column}: ${e.message}`),
    counts: `${r.rows} = ${r.accepted} + ${r.rejected}`,
  };
}

describe("a price history (date, money, integer, text)", () => {
  const csv = [
    "Trade Date,Close,Shares Traded,Note",
    '2003-06-23,$1.27,"1,234,500",',
    "6/24/2003,1.31,900000,split day",
    "2003-06-25,0,100,",
    "2003-06-26,1.2750,,",
    ",1.30,5,",
    "2003-06-27,abc,5,",
    "2003-06-30,1.000,5,",
    "2003-07-01,1.25,-5,",
  ].join("\r\n");

  it("reads each column by its kind and rejects each bad row with its line, column and what was typed", () => {
    expect(outline(parseCsvTable(csv, PRICE_HISTORY))).toEqual({
      rows: [
        { line: 2, date: 37795, close: 1.27, volume: 1234500 },
        { line: 3, date: 37796, close: 1.31, volume: 900000, note: "split day" },
        { line: 5, date: 37798, close: 1.275 },
      ],
      errors: [
        "4 close: close price 0 must be > 0",
        "6 date: date is missing",
        '7 close: close price "abc" is not a number',
        '8 close: close price "1.000" is ambiguous: it could be 1000 written the European way; write 1000, or 1.00',
        '9 volume: volume "-5" is negative; a share count must not be negative',
      ],
      counts: "8 = 3 + 5",
    });
  });

  it("stores the columns as typed arrays (NaN for a blank number)", () => {
    const { table } = parseCsvTable(csv, PRICE_HISTORY);
    expect(table.dates("date")).toEqual(Int32Array.of(37795, 37796, 37798));
    expect(Array.from(table.numbers("close"))).toEqual([1.27, 1.31, 1.275]);
    expect(Array.from(table.numbers("volume"))).toEqual([1234500, 900000, NaN]);
    expect(table.text("note").toArray()).toEqual(["", "split day", ""]);
    expect(Array.from(table.line)).toEqual([2, 3, 5]);
    expect(() => table.numbers("date")).toThrow("column date is dates, not numbers");
  });

  it("reads worksheet values (serials, numbers, booleans) by the same rules", () => {
    const r = readTable(PRICE_HISTORY, ["Day", "Closing Price", "Shares Traded"], [
      { line: 2, cells: [37795, 1.27, 1000] },
      { line: 3, cells: [37796, true, 1000] },
      { line: 4, cells: [null, null, null] },
      { line: 5, cells: [37797, 1.5, 10.5] },
    ]);
    expect(outline(r)).toEqual({
      rows: [{ line: 2, date: 37795, close: 1.27, volume: 1000 }],
      errors: ['3 close: close price "TRUE" is a TRUE/FALSE value, not a number', '5 volume: volume "10.5" is not a whole number of shares'],
      counts: "3 = 1 + 2",
    });
  });

  it.each([
    ["both Date and Trade Date fit date: nothing is read", ["Date", "Trade Date", "Close"], [], { close: 2 }, ['1 date: 2 columns fit date: "Date" (#1) and "Trade Date" (#2); choose one: nothing is read until you do']],
    ["--map chooses the second", ["Date", "Trade Date", "Close"], ["date=#2"], { date: 1, close: 2 }, []],
    ["--map by header", ["Date", "Trade Date", "Close"], ["date=trade_date"], { date: 1, close: 2 }, []],
    ["a required column missing", ["Close", "Note"], [], { close: 0, note: 1 }, ["1 date: required column date is not in the header: map it to one of the file's columns"]],
    ["--map of a column the schema does not have", ["Date", "Close"], ["price=Close"], { date: 0, close: 1 }, ['1 : "price=Close": expected column=Header with column one of date, close, volume, note']],
  ])("header: %s", (_, headers, choices, mapping, errors) => {
    const text = `${headers.join(",")}\n2003-06-23,2003-06-24,$1.27\n`;
    const r = parseCsvTable(text, PRICE_HISTORY, { choices });
    expect(r.mapping).toEqual(mapping);
    expect(outline(r).errors).toEqual(errors);
    expect(r.rows).toBe(1);
    expect(r.accepted + r.rejected).toBe(1);
  });

  it("maps headers through the schema's aliases, and --map choices against the file's headers", () => {
    expect(resolveTableMapping(PRICE_HISTORY, ["Closing Price", "Day", "Memo"])).toEqual({ mapping: { date: 1, close: 0 }, conflicts: [], unmapped: [2] });
    expect(parseTableMapChoices(PRICE_HISTORY, ["note=#3", "volume="], ["Day", "Close", "Memo"])).toEqual({ overrides: { note: 2, volume: null }, errors: [] });
  });

  it("checks field counts in a CSV file", () => {
    const r = parseCsvTable("Day,Close\n2003-06-23,$1.27,extra\n2003-06-24\n2003-06-25,1.30\n", PRICE_HISTORY);
    expect(outline(r).errors).toEqual([
      "2 : has 3 fields; the header has 2 (an unquoted comma inside a value, such as 1,000?): the row is not read",
      "3 : has 1 fields; the header has 2: the row is not read",
    ]);
    expect(outline(r).rows).toEqual([{ line: 4, date: 37797, close: 1.3 }]);
  });

  it("reads its bytes in any encoding the ledger can be in (UTF-16LE with a BOM, tabs)", async () => {
    const text = "\ufeffDay\tClose\r\n2003-06-23\t1.27\r\n";
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const r = await importTableBytes(() => [bytes], PRICE_HISTORY);
    expect(r.source).toEqual({ encoding: "UTF-16LE (byte order mark)", delimiter: "\t", lineBreaks: "CRLF" });
    expect(outline(r).rows).toEqual([{ line: 2, date: 37795, close: 1.27 }]);
  });

  it("reconciles rows = accepted + rejected, and stores exactly the accepted rows, on any input", () => {
    const cell = fc.oneof(fc.constantFrom("", "2003-06-23", "6/24/2003", "$1.27", "0", "-1", "1,000", "abc", "1.000", '"q"'), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 25 }), (records) => {
        const text = ["Day,Close,Shares Traded,Note", ...records.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))].join("\n");
        const r = parseCsvTable(text, PRICE_HISTORY);
        const rejectedLines = new Set(r.errors.filter((e) => e.row !== 1).map((e) => e.row));
        return r.rows === r.accepted + r.rejected && r.table.length === r.accepted && rejectedLines.size === r.rejected;
      }),
      { numRuns: 200 },
    );
  });
});

describe("an elections log (unique id, date-time, enumerations, a row rule)", () => {
  const csv = [
    "Confirmation Number,Employee ID,Submitted,Election,Channel",
    "E1,EMP1,2003-06-26 09:15,Accept,Online",
    "E2,EMP2,6/27/2003 4:30 PM,declined,Form",
    "E3,EMP1,2003-06-27T18:05:00-04:00,Withdrawn,Kiosk",
    "E1,EMP3,2003-06-28 10:00,Accept,web",
    "E4,EMP4,2003-06-24 10:00,Accept,web",
    "E5,EMP5,2003-06-28 25:00,Accept,web",
    "E6,EMP6,2003-06-28 10:00,maybe,web",
    "E7,EMP7,2003-06-28 10:00,,web",
  ].join("\n");
  const r = parseCsvTable(csv, ELECTIONS_LOG);

  it("accepts and rejects rows with the schema's rules and the reader's", () => {
    expect(outline(r).errors).toEqual([
      "5 election_id: election id E1 repeats the record on line 2 (the first is kept)",
      "6 submitted_at: submitted at 2003-06-24 is before the offer commenced on 2003-06-25",
      '7 submitted_at: submitted at "2003-06-28 25:00" has an invalid time ("25:00": hour 25 is not 0-23)',
      '8 election: election "maybe" is not one of accept, reject, withdraw',
      "9 election: election is missing",
    ]);
    expect(outline(r).counts).toBe("8 = 3 + 5");
  });

  it("keeps date-times with their time of day and the offset as written", () => {
    const { values, offsetMinutes } = r.table.datetimes("submitted_at");
    expect(Array.from(values)).toEqual([37798 + 9.25 / 24, 37799 + 16.5 / 24, 37799 + (18 + 5 / 60) / 24]);
    expect(Array.from(offsetMinutes)).toEqual([NaN, NaN, -240]);
    expect(Array.from(r.table.flag("after_hours"))).toEqual([0, 0, 1]);
  });

  it("interns repeated text and enumerations: codes into dictionaries of the accepted rows' values", () => {
    expect(r.table.text("election_id").toArray()).toEqual(["E1", "E2", "E3"]);
    const employee = r.table.interned("employee_id");
    expect(employee.values).toEqual(["", "EMP1", "EMP2"]); // EMP3..EMP7 were only in rejected rows
    expect(Array.from(employee.codes)).toEqual([1, 2, 1]);
    const election = r.table.interned("election");
    expect(Array.from(election.codes, (c) => election.values[c])).toEqual(["accept", "reject", "withdraw"]);
    const channel = r.table.interned("channel");
    expect(Array.from(channel.codes, (c) => channel.values[c])).toEqual(["web", "paper", "kiosk"]); // an open vocabulary keeps Kiosk
  });
});
