import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import { main } from "../../src/cli/optex";
import { parseWord } from "../../src/cli/callArgs";

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await main(argv, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

describe("optex call", () => {
  it.each([
    ["42", 42],
    ["-1.5e3", -1500],
    [".5", 0.5],
    [" 42 ", 42],
    ["", null],
    ["TRUE", true],
    ["false", false],
    ["2003-07-25", 37827], // DATE(2003,7,25)
    ['"2003-07-25"', "2003-07-25"],
    ['"42"', "42"],
    ["put", "put"],
    // not decimal notation: text, which a number argument then rejects naming what was typed
    ["0x10", "0x10"],
    ["0o7", "0o7"],
    ["0b1", "0b1"],
    ["Infinity", "Infinity"],
    ["NaN", "NaN"],
    ["1_000", "1_000"],
    ["1,000", "1,000"],
    ["1e400", "1e400"], // beyond float64: kept as typed, not Infinity
    ["2003-02-30", "2003-02-30"], // not a day: text, which a date argument rejects
  ])("reads the word %j as a cell would: %p", (word, expected) => {
    expect(parseWord(word)).toBe(expected);
  });

  it.each([
    [["BLACK_SCHOLES_VALUE", "0x10", "40", "0.5", "0.2", "0.1"], "#VALUE!", 'spot ("0x10") must be a number in decimal notation (like 42, -0.5 or 1e-3)'],
    [["BLACK_SCHOLES_VALUE", "42", "40", "0.5", "0.2", "0.1", "0b1"], "#VALUE!", 'dividend_yield ("0b1") must be a number in decimal notation (like 42, -0.5 or 1e-3)'],
    [["BLACK_SCHOLES_VALUE", "1e400", "40", "0.5", "0.2", "0.1"], "#NUM!", 'spot ("1e400") is too large: numbers end near 1.8e308'],
    [["VESTED_SHARES", "2400", "2004-01-26", "0x10"], "#VALUE!", 'as_of ("0x10") must be a date: YYYY-MM-DD text or a serial number'],
    [["FEE_RATE", "2003-02-30"], "#VALUE!", 'filing_date ("2003-02-30") is not a valid date: 2003-02 has 28 days'],
    [["FEE_RATE", "2003-13-01"], "#VALUE!", 'filing_date ("2003-13-01") is not a valid date: there is no month 13'],
    [["VALUE_FOR_VALUE_RATIO", "10", "-5", "1", "1", "0.3", "0.05"], "#NUM!", "old_strike (-5) must be > 0"],
    [["VALUE_FOR_VALUE_RATIO", "10", "5", "1", "-1", "0.3", "0.05"], "#NUM!", "new_term_years (-1) must be between 0 and 1000"],
    [["IMPLIED_VOLATILITY", "42", "42", "40", "0.5", "0.1"], "#NUM!", "option_price (42) equals the no-arbitrage upper bound of a call, S e^-qT = 42"],
  ])("optex call %j -> %s %s", async (argv, code, message) => {
    const r = await run("call", ...argv);
    expect(JSON.parse(r.out)).toMatchObject({ error: code, message: expect.stringContaining(message) });
    expect(r.code).toBe(1);
  });

  it("prints one JSON line with the value", async () => {
    const r = await run("call", "FILING_FEE", "991619.92", "2003-06-25");
    expect(r.out).toBe('{"value":80.22}\n');
    expect(r.code).toBe(0);
    expect(JSON.parse((await run("call", "NEW_GRANT_DATE", "2003-07-25")).out)).toEqual({ value: 38012 });
  });

  it("prints the error and message, and for programs the key and the argument at fault; exit code 1", async () => {
    const r = await run("call", "BLACK_SCHOLES_VALUE", "42", "40", "0.5", "-0.2", "0.1");
    expect(r.out).toBe('{"error":"#NUM!","message":"volatility (-0.2) must be between 0 and 100","key":"between","field":"volatility"}\n');
    expect(r.code).toBe(1);
  });

  it("answers a batch line by line, one answer per line (blank ones too), without stopping at errors", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "optex-")), "batch.jsonl");
    fs.writeFileSync(
      file,
      [
        '{"fn": "BLACK_SCHOLES_VALUE", "args": [42, 40, 0.5, 0.2, 0.1, null, "put"]}',
        "not json",
        '{"fn": "FEDERAL_HOLIDAYS", "args": [2003]}',
        "",
        '{"fn": "VESTED_SHARES", "args": [2400, "2004-01-26", "2004-02-26"]}',
        '{"fn": "NOPE", "args": []}',
        '{"fn": "BLACK_SCHOLES_VALUE", "args": [[[42]], 40, 0.5, 0.2, 0.1]}',
      ].join("\n"),
    );
    const r = await run("call", "--batch", file);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines[0].value).toBeCloseTo(0.808599372900094, 13);
    expect(lines[1]).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("line 2: not JSON") });
    expect(lines[2].value).toHaveLength(10);
    expect(lines[3]).toMatchObject({ error: "#VALUE!", message: 'line 4: blank line: expected {"fn": NAME, "args": [...]}', key: "requestBlank" });
    expect(lines[4]).toEqual({ value: 350 });
    expect(lines[5]).toMatchObject({ error: "#NAME?", key: "unknownFunction" });
    expect(lines[6].value).toBeCloseTo(4.759422392871533, 13);
  });

  it("a line nested 5,000 arrays deep is that line's error: the answers before and after it are kept", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "optex-")), "deep.jsonl");
    const deep = `{"fn": "FEE_RATE", "args": [${"[".repeat(5000)}"2003-06-25"${"]".repeat(5000)}]}`;
    fs.writeFileSync(file, ['{"fn": "FEE_RATE", "args": ["2003-06-25"]}', deep, "", '{"fn": "FEE_RATE", "args": ["2003-06-25"]}'].join("\r\n"));
    const r = await run("call", "--batch", file);
    fs.rmSync(path.dirname(file), { recursive: true });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    // the SEC fee rate for a filing on 2003-06-25: $80.90 per million (Capstone's 2003 Schedule TO)
    expect(r.out.trim().split("\n").map((l) => JSON.parse(l))).toMatchObject([
      { value: 80.9 },
      { error: "#VALUE!", message: "filing_date must be a single value, not an array nested in a range" },
      { error: "#VALUE!", message: 'line 3: blank line: expected {"fn": NAME, "args": [...]}' },
      { value: 80.9 },
    ]);
  });

  it("explains its usage on a bad command", async () => {
    const r = await run("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command");
  });
});

describe("the installed bin (npx optex)", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "optex.js");
  it("runs the compiled CLI from lib/", () => {
    expect(fs.existsSync(path.join(__dirname, "..", "..", "lib", "cli", "optex.js"))).toBe(true);
    const out = execFileSync(process.execPath, [bin, "call", "OFFER_MIN_EXPIRATION", "2003-06-25"], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ value: 37825 });
  });
  it("reads a batch from stdin", () => {
    const r = spawnSync(process.execPath, [bin, "call", "--batch", "-"], {
      input: '{"fn":"FEE_RATE","args":["2003-06-25"]}\n{"fn":"FEE_RATE","args":["2026-10-01"]}\n',
      encoding: "utf8",
    });
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ value: 80.9 });
    expect(lines[1]).toMatchObject({ error: "#N/A", key: "feeRateNotOnFile", field: "filing_date" });
  });
});
