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
  it("reads words as a cell would", () => {
    expect(parseWord("42")).toBe(42);
    expect(parseWord("-1.5e3")).toBe(-1500);
    expect(parseWord("")).toBeNull();
    expect(parseWord("TRUE")).toBe(true);
    expect(parseWord("2003-07-25")).toBe(37827);
    expect(parseWord('"2003-07-25"')).toBe("2003-07-25");
    expect(parseWord("put")).toBe("put");
  });

  it("prints one JSON line with the value", async () => {
    const r = await run("call", "FILING_FEE", "991619.92", "2003-06-25");
    expect(r.out).toBe('{"value":80.22}\n');
    expect(r.code).toBe(0);
    expect(JSON.parse((await run("call", "NEW_GRANT_DATE", "2003-07-25")).out)).toEqual({ value: 38012 });
  });

  it("prints the error and message, exit code 1", async () => {
    const r = await run("call", "BLACK_SCHOLES_VALUE", "42", "40", "0.5", "-0.2", "0.1");
    expect(JSON.parse(r.out)).toEqual({ error: "#NUM!", message: "volatility (-0.2) must be between 0 and 100" });
    expect(r.code).toBe(1);
  });

  it("answers a batch line by line without stopping at errors", async () => {
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
    expect(lines).toHaveLength(6);
    expect(lines[0].value).toBeCloseTo(0.808599372900094, 13);
    expect(lines[1]).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("line 2: not JSON") });
    expect(lines[2].value).toHaveLength(10);
    expect(lines[3]).toEqual({ value: 350 });
    expect(lines[4]).toMatchObject({ error: "#NAME?" });
    expect(lines[5].value).toBeCloseTo(4.759422392871533, 13);
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
    expect(lines[1].error).toBe("#N/A");
  });
});
