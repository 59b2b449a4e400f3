/**
 * `optex value` on ledgers exported the way real systems export them, and on careless ones: what it
 * says and how it exits. Each row: a file -> the exit status and what the output must (not) say.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "optex.js");
const offer = path.join(root, "assets", "samples", "capstone-2003", "offer.json");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-inputs-"));

const H = "Grant Number,Name,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding";
const row = (id: string, shares = "100", name = "Ann") => `${id},${name},Employee,US,2001-05-01,2011-05-01,$5.00,${shares}`;
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const latin1 = (text: string) => Buffer.from(text, "latin1");

function run(name: string, contents: string | Buffer, ...args: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, contents);
  return spawnSync(process.execPath, [bin, "value", file, "--offer", offer, ...args], { encoding: "utf8", cwd: root });
}

describe("optex value on real and careless exports", () => {
  it.each([
    ["an unquoted 1,000 is rejected with both field counts", `${H}\n${row("G1", "1,000")}\n${row("G2")}\n`, [], 0, ["line 2: has 9 fields; the header has 8", "Rows: 2 = 1 accepted + 1 rejected"]],
    ["a bare LF in a CRLF file loses no grant", `${H}\r\n${row("G1")}\n${row("G2")}\r\n`, [], 0, ["Rows: 2 = 2 accepted + 0 rejected", "CRLF+LF line breaks"]],
    ["Excel's Unicode Text (UTF-16LE, tabs)", utf16le(`${H}\r\n${row("G1", "100", "José")}\r\n`.replace(/,/g, "\t")), [], 0, ["UTF-16LE (byte order mark), tab-separated", "Rows: 1 = 1 accepted + 0 rejected"]],
    ["a Windows-1252 export", latin1(`${H}\r\n${row("Gé", "100", "José Müller")}\r\n${row("Gè", "100", "Zoë")}\r\n`), [], 0, ["Windows-1252 (not UTF-8: byte 0xE9", "Rows: 2 = 2 accepted + 0 rejected"]],
    ["Shares and Options Outstanding: import stops, naming both", `Grant Number,Shares,Options Outstanding,Grant Date,Exercise Price\nG1,1000,500,2001-05-01,$5\n`, [], 1, ['"Shares" (#2) and "Options Outstanding" (#3)', "nothing was valued"]],
    ["--map chooses the column", `Grant Number,Shares,Options Outstanding,Grant Date,Exercise Price\nG1,1000,500,2001-05-01,$5\n`, ["--map", "shares_outstanding=Options Outstanding"], 0, ['shares_outstanding <- "Options Outstanding" (#3)', 'not read: "Shares"', "Outstanding options               500 shares"]],
    ["a --map that names no header", `Grant Number,Shares,Options Outstanding,Grant Date,Exercise Price\nG1,1000,500,2001-05-01,$5\n`, ["--map", "shares_outstanding=Outstanding Options X"], 1, ['no column is headed "Outstanding Options X"']],
    ["a duplicated Grant Number column", `Grant Number,Grant Number,Grant Date,Exercise Price,Outstanding\nG1,G9,2001-05-01,$5,10\n`, [], 1, ['"Grant Number" (#1) and "Grant Number" (#2)']],
    ["a 9999-12-31 grant with a blank expiration is one row's error", `${H}\nG1,Ann,Employee,US,9999-12-31,,$5.00,100\n${row("G2")}\n`, [], 0, ["line 2 (expiration_date): expiration date is blank", "Rows: 2 = 1 accepted + 1 rejected"]],
    ["a 2 MB field is one row's error", `${H}\n${row("G1", "100", "x".repeat(2 << 20))}\n${row("G2")}\n`, [], 0, ["line 2: a record longer than 1,048,576 characters", "Rows: 2 = 1 accepted + 1 rejected"]],
    ["an empty file", "", [], 1, ["the file has no header row (it is empty)"]],
  ])("%s", (_, contents, args, status, says) => {
    const r = run("ledger.csv", contents, ...(args as string[]));
    const output = r.stdout + r.stderr;
    expect(r.status).toBe(status);
    for (const s of says as string[]) expect(output).toContain(s);
  });

  it("--json shows how the file was read and the mapping used", () => {
    const r = run("json.csv", `Grant Number,Shares,Options Outstanding,Grant Date,Exercise Price,Memo\nG1,1000,500,2001-05-01,$5,hi\n`, "--map", "shares_outstanding=#3", "--json");
    expect(r.status).toBe(0);
    const ledger = JSON.parse(r.stdout).ledger;
    expect(ledger.source).toEqual({ encoding: "UTF-8", delimiter: ",", lineBreaks: "LF" });
    expect(ledger.mapping.shares_outstanding).toEqual({ header: "Options Outstanding", position: 3 });
    expect(ledger.unmapped).toEqual(["Shares", "Memo"]);
    expect(ledger.conflicts).toEqual([]);
  });

  it("a ledger too large for the heap stops with a message, not a V8 abort", () => {
    const lines = [H];
    for (let i = 0; i < 150_000; i++) lines.push(row(`G${i}`, "100", `Employee number ${i}`));
    const file = path.join(dir, "big.csv");
    fs.writeFileSync(file, lines.join("\n"));
    const r = spawnSync(process.execPath, ["--max-old-space-size=48", bin, "value", file, "--offer", offer], { encoding: "utf8", cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the ledger is too large to hold in memory");
    expect(r.stderr).not.toContain("FATAL ERROR");
  });
});
