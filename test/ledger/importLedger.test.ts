/**
 * The ledger file reader: field counts, line breaks, column mapping, encodings, NUL bytes, oversized
 * records, and a file read in any chunking. Each case is a hand-built file with the outcome written out.
 */
import { parseCsvLedger, importLedgerBytes, CsvImportOptions } from "../../src/core/ledger/importLedger";
import { LedgerResult, mappingReady } from "../../src/core/ledger/parseLedger";
import { parseMapChoices, resolveMapping } from "../../src/core/ledger/columns";
import { sniffEncoding } from "../../src/core/tables/encoding";

const H = "Grant Number,Name,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding";
const row = (id: string, shares = "100", name = "Ann") => `${id},${name},Employee,US,2001-05-01,2011-05-01,$5.00,${shares}`;

/** What a test looks at: accepted grant ids with their lines, and rejected lines with a message fragment. */
function outline(r: LedgerResult) {
  return {
    grants: r.grants.map((g) => `${g.grantId}@${g.line}`),
    errors: r.errors.map((e) => `${e.row}: ${e.message}`),
    counts: `${r.rows} = ${r.accepted} + ${r.rejected}`,
  };
}

describe("records: field counts and line breaks", () => {
  it.each([
    ["an unquoted 1,000 in the last column", `${H}\n${row("G1", "1,000")}\n${row("G2")}\n`, ["G2@3"], ["2: has 9 fields; the header has 8"]],
    ["blank fields padding every row past the header are nothing to misread", `${H}\n${row("G1")},,,\n${row("G2")},,\n`, ["G1@2", "G2@3"], []],
    ["a padded row with a value past the header is still refused", `${H}\n${row("G1")},,x\n`, [], ["2: has 10 fields; the header has 8"]], // "...,100,,x": 8 fields + "" + "x"
    ["a row with a field missing", `${H}\n${row("G1").replace(",$5.00", "")}\n${row("G2")}\n`, ["G2@3"], ["2: has 7 fields; the header has 8"]],
    ["a quoted \"1,000\" is one field", `${H}\n${row("G1", '"1,000"')}\n`, ["G1@2"], []],
    ["a bare LF inside a CRLF file ends the record", `${H}\r\n${row("G1")}\n${row("G2")}\r\n${row("G3")}\r\n`, ["G1@2", "G2@3", "G3@4"], []],
    ["lone CRs (old Mac) end records", `${H}\r${row("G1")}\r${row("G2")}\r`, ["G1@2", "G2@3"], []],
    ["a mix of CRLF, LF and CR", `${H}\r\n${row("G1")}\r${row("G2")}\n\r\n${row("G3")}`, ["G1@2", "G2@3", "G3@5"], []],
    ["a quoted line break keeps later line numbers right", `${H}\r\n${row("G1", "100", '"Ann\r\nB\nC"')}\r\n${row("G2")}\r\n${row("G3", "x")}\r\n`, ["G1@2", "G2@5"], ["6: shares outstanding"]],
    ["blank lines are not records but count as lines", `${H}\n\n${row("G1")}\n\n\n${row("G2")}\n`, ["G1@3", "G2@6"], []],
    ["an unclosed quote is that row's error", `${H}\n${row("G1")}\n${row("G2", "100", '"Ann')}\n`, ["G1@2"], ["3: a quote opened on this line is never closed"]],
    // a stray quote early on must not swallow the rows after it (they are read, and counted)
    ["an unclosed quote mid-file loses only its own line", `${H}\n${row("G1", "100", '"Ann')}\n${row("G2")}\n${row("G3")}\n`, ["G2@3", "G3@4"], ["2: a quote opened on this line is never closed"]],
  ])("%s", (_, text, grants, errors) => {
    const r = outline(parseCsvLedger(text));
    expect(r.grants).toEqual(grants);
    expect(r.errors.length).toBe(errors.length);
    errors.forEach((e, i) => expect(r.errors[i]).toContain(e));
  });

  it("keeps counts reconciled: rows in = accepted + rejected", () => {
    const r = parseCsvLedger(`${H}\n${row("G1")}\n${row("G2", "1,000")}\n${row("G3", "x")}\n${row("G1")}\n\n`);
    expect(r.rows).toBe(4);
    expect(r.accepted + r.rejected).toBe(4);
    expect(r.accepted).toBe(1);
  });

  it("a grant dated 9999-12-31 with a blank expiration is one row's error; the rest is read", () => {
    const text = `${H}\nG1,Ann,Employee,US,9999-12-31,,$5.00,100\nG2,Bob,Employee,US,9989-12-31,,$5.00,100\n`;
    const r = parseCsvLedger(text);
    expect(outline(r).grants).toEqual(["G2@3"]);
    expect(r.grants[0].expirationDate).toBe(2958465); // 9989-12-31 + 10 years = 9999-12-31, Excel's last date
    expect(r.errors).toEqual([{ row: 2, column: "expiration_date", message: expect.stringContaining("past 9999-12-31") }]);
  });

  it("a record longer than the limit is a row error, and the rows after it are read", () => {
    const text = `${H}\n${row("G1", "100", "x".repeat(5000))}\n${row("G2")}\n${row("G3", "100", '"' + "y".repeat(5000))}\n${row("G4")}\n`;
    const r = parseCsvLedger(text, { maxRecordChars: 1000 });
    expect(outline(r).grants).toEqual(["G2@3", "G4@5"]);
    expect(outline(r).errors).toEqual([expect.stringMatching(/^2: a record longer than 1,000 characters/), expect.stringMatching(/^4: a record longer than 1,000/)]);
    expect(r.rows).toBe(4);
  });

  it("a NUL byte never reaches a value: its row is rejected", () => {
    const r = parseCsvLedger(`${H}\n${row("G\u00001")}\n${row("G2")}\n`);
    expect(outline(r).grants).toEqual(["G2@3"]);
    expect(outline(r).errors[0]).toMatch(/^2: field 1 holds a NUL character/);
  });

  it("an Excel sep= line sets the delimiter; a semicolon header is detected", () => {
    expect(outline(parseCsvLedger(`sep=;\n${H.replace(/,/g, ";")}\n${row("G1").replace(/,/g, ";")}\n`)).grants).toEqual(["G1@3"]);
    const semi = parseCsvLedger(`${H.replace(/,/g, ";")}\n${row("G1", "1000").replace(/,/g, ";")}\n`);
    expect(semi.grants[0].sharesOutstanding).toBe(1000);
    expect(semi.source?.delimiter).toBe(";");
  });

  it.each([
    // a semicolon-separated file is a European export: "4,375" may be 4.375, "1,000" may be 1.0
    ["price 4,375", "$4,375", "100", "exercise_price"],
    ["shares 1,000", "$5.00", "1,000", "shares_outstanding"],
  ])("in a semicolon file a comma in a number is refused: %s", (_, price, shares, column) => {
    const r = parseCsvLedger(`${H.replace(/,/g, ";")}\nG1;Ann;Employee;US;2001-05-01;2011-05-01;${price};${shares}\n`);
    expect(r.grants).toEqual([]);
    expect(r.errors[0]).toMatchObject({ row: 2, column, message: expect.stringContaining("has a comma in a semicolon-separated file, where it may be a decimal comma") });
  });

  it.each([
    // "20/7/2001" cannot be M/D: the column is day-first, so "3/1/2001" (read as March 1) may be January 3
    ["a day-first date proves the column D/M: nothing is valued", ["3/1/2001", "20/7/2001"], 'grant date "20/7/2001" on line 3 is written day first (D/M/YYYY), so the 1 dates of this column read in US order (line 2: "3/1/2001") may be wrong'],
    ["US-order dates with a day above 12 are fine", ["3/1/2001", "7/20/2001"], undefined],
    ["a month above 12 alone, with no ambiguous date, is that row's error only", ["20/7/2001", "7/7/2001"], undefined],
  ])("%s", (_, dates, stopped) => {
    const r = parseCsvLedger([H, ...dates.map((d, i) => `G${i},Ann,Employee,US,${d},2011-05-01,$5.00,100`)].join("\n"));
    if (stopped === undefined) expect(r.stopped).toBeUndefined();
    else expect(r.stopped).toContain(stopped);
  });

  it("an empty file says so", () => {
    expect(parseCsvLedger("").errors[0].message).toBe("the file has no header row (it is empty)");
  });
});

describe("column mapping: two headers that fit one column stop the import", () => {
  it.each([
    ["duplicate Grant Number", ["Grant Number", "Grant Number", "Grant Date", "Exercise Price", "Outstanding"], { grant_id: [0, 1] }],
    ["Shares before Options Outstanding", ["Grant Number", "Shares", "Options Outstanding", "Grant Date", "Exercise Price"], { shares_outstanding: [1, 2] }],
    ["Status before Relationship", ["Grant Number", "Status", "Relationship", "Grant Date", "Exercise Price", "Outstanding"], { holder_class: [1, 2] }],
    ["Price before Exercise Price", ["Grant Number", "Price", "Exercise Price", "Grant Date", "Outstanding"], { exercise_price: [1, 2] }],
    ["Strike and Exercise Price", ["Grant Number", "Exercise Price", "Grant Date", "Strike", "Outstanding"], { exercise_price: [1, 3] }],
    ["one header a column: no conflict", ["Grant Number", "Grant Date", "Exercise Price", "Outstanding"], {}],
  ])("%s", (_, headers, conflicts) => {
    const r = resolveMapping(headers);
    expect(Object.fromEntries(r.conflicts.map((c) => [c.column, c.headers]))).toEqual(conflicts);
    for (const column of Object.keys(conflicts)) expect(r.mapping).not.toHaveProperty(column);
  });

  it("the CSV import names both headers, reads nothing, and keeps the counts", () => {
    const r = parseCsvLedger("Grant Number,Shares,Options Outstanding,Grant Date,Exercise Price\nG1,1000,500,2001-05-01,$5\nG2,10,5,2001-05-01,$5\n");
    expect(mappingReady(r)).toBe(false);
    expect(r.grants).toEqual([]);
    expect(`${r.rows} = ${r.accepted} + ${r.rejected}`).toBe("2 = 0 + 2");
    expect(r.errors[0].message).toContain('"Shares" (#2) and "Options Outstanding" (#3)');
  });

  it.each([
    [["shares_outstanding=Options Outstanding"], { shares_outstanding: 2 }, []],
    [["shares_outstanding=options_outstanding"], { shares_outstanding: 2 }, []],
    [["shares_outstanding=#2"], { shares_outstanding: 1 }, []],
    [["holder_class="], { holder_class: null }, []],
    [["grant_id=Grant Number"], {}, ["2 columns are headed \"Grant Number\" (#1, #4): choose one by position, e.g. grant_id=#1"]],
    [["shares=Shares"], {}, ["expected column=Header with column one of"]],
    [["grant_id=#9"], {}, ["the file has columns #1 to #5"]],
    [["grant_id=Nope"], {}, ["no column is headed \"Nope\""]],
  ])("--map %j", (choices, overrides, errors) => {
    const headers = ["Grant Number", "Shares", "Options Outstanding", "Grant Number", "Status"];
    const r = parseMapChoices(choices, headers);
    expect(r.overrides).toEqual(overrides);
    expect(r.errors.length).toBe(errors.length);
    errors.forEach((e, i) => expect(r.errors[i]).toContain(e));
  });

  it("--map choices resolve a conflict in the import", () => {
    const r = parseCsvLedger("Grant Number,Shares,Options Outstanding,Grant Date,Exercise Price\nG1,1000,500,2001-05-01,$5\n", { choices: ["shares_outstanding=Options Outstanding"] });
    expect(r.grants[0].sharesOutstanding).toBe(500);
    expect(r.unmapped).toEqual(["Shares"]);
  });
});

/** Bytes of a string in an encoding (UTF-16 by hand; Windows-1252 for code points < 256 only). */
function encode(text: string, encoding: "utf-8" | "utf-16le" | "utf-16be" | "latin"): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  if (encoding === "latin") return Uint8Array.from(text, (c) => c.charCodeAt(0));
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (encoding === "utf-16le" ? 0 : 1)] = c & 0xff;
    out[2 * i + (encoding === "utf-16le" ? 1 : 0)] = c >> 8;
  }
  return out;
}

const bytesOf = async (bytes: Uint8Array, chunk = 1 << 20, options: CsvImportOptions = {}) =>
  importLedgerBytes(function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }, options);

describe("encodings", () => {
  const text = `${H}\r\n${row("G1", "100", "José Müller")}\r\n${row("Gé", "200", "Zoë")}\r\n${row("Gè", "300", "Zoë")}\r\n`;
  it.each([
    ["UTF-8 without BOM", encode(text, "utf-8"), "UTF-8"],
    ["UTF-8 with BOM", encode("\ufeff" + text, "utf-8"), "UTF-8 (byte order mark)"],
    ["UTF-16LE with BOM (Excel's Unicode Text)", encode("\ufeff" + text.replace(/,/g, "\t").replace("$5.00", "5"), "utf-16le"), "UTF-16LE (byte order mark)"],
    ["UTF-16BE with BOM", encode("\ufeff" + text, "utf-16be"), "UTF-16BE (byte order mark)"],
    ["UTF-16LE without BOM", encode(text, "utf-16le"), "UTF-16LE (no byte order mark)"],
    ["UTF-16BE without BOM", encode(text, "utf-16be"), "UTF-16BE (no byte order mark)"],
    // the first é is the 7th character of the second line: offset = header + CRLF + "G1,Jos"
    ["Windows-1252", encode(text, "latin"), `Windows-1252 (not UTF-8: byte 0xE9 at offset ${H.length + 2 + "G1,Jos".length})`],
  ])("%s", async (_, bytes, encoding) => {
    const r = await bytesOf(bytes);
    expect(r.source?.encoding).toBe(encoding);
    expect(r.grants.map((g) => `${g.grantId} ${g.holderName}`)).toEqual(["G1 José Müller", "Gé Zoë", "Gè Zoë"]);
    expect(r.errors).toEqual([]);
  });

  it("a file that is UTF-8 for its first 64 KiB and Windows-1252 later is read again as Windows-1252, saying where", async () => {
    const filler = Array.from({ length: 1200 }, (_, i) => row(`F${i}`)).join("\r\n");
    const bytes = encode(`${H}\r\n${filler}\r\n${row("Gé", "200", "Zoë")}\r\n`, "latin");
    const r = await bytesOf(bytes, 4096);
    expect(r.source?.encoding).toMatch(/^Windows-1252 \(not UTF-8: byte 0xE9 at offset [\d,]+\)$/);
    expect(r.grants.at(-1)?.holderName).toBe("Zoë");
    expect(r.accepted).toBe(1201);
  });

  it("UTF-32 is refused with a message, not read as garbage", async () => {
    const r = await bytesOf(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]));
    expect(r.errors[0].message).toContain("UTF-32");
    expect(r.grants).toEqual([]);
  });

  it.each([
    [[0xef, 0xbb, 0xbf, 0x41], "utf-8", 3],
    [[0xff, 0xfe, 0x41, 0x00], "utf-16le", 2],
    [[0xfe, 0xff, 0x00, 0x41], "utf-16be", 2],
    [[0x41, 0x00, 0x42, 0x00], "utf-16le", 0],
    [[0x00, 0x41, 0x00, 0x42], "utf-16be", 0],
    [[0x41, 0xc3, 0xa9], "utf-8", 0],
    [[0x41, 0xe9, 0x42], "windows-1252", 0],
    [[0x41, 0xc0, 0xaf], "windows-1252", 0], // an overlong "/" is not UTF-8
  ])("sniffs %j as %s", (bytes, encoding, bom) => {
    expect(sniffEncoding(Uint8Array.from(bytes), true)).toMatchObject({ encoding, bom });
  });

  it("reads the same whatever the chunk boundaries (CR at a chunk's end, a quote, a split character)", async () => {
    const tricky = `${H}\r\n${row("G1", '"1,000"', '"Zoë ""Z"" \r\nMüller"')}\r${row("Gé", "200")}\n${row("G3")}`;
    const bytes = encode(tricky, "utf-8");
    const whole = outline(await bytesOf(bytes));
    expect(whole.grants).toEqual(["G1@2", "Gé@4", "G3@5"]);
    for (const chunk of [1, 2, 3, 5, 7, 64]) {
      expect(outline(await bytesOf(bytes, chunk))).toEqual(whole);
      expect(outline(await bytesOf(bytes, chunk, { blockChars: 8 }))).toEqual(whole);
    }
  });
});
