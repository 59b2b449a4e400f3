/**
 * OFFER.json and TERMS.json as Windows tools save them: each input -> what is read, and what is said.
 * A name typed "Åke" in a Windows editor (Windows-1252: 0xC5) or saved by Windows PowerShell's
 * Out-File (UTF-16LE with a byte order mark) is read as "Åke", never as a replacement character.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { decodeText, EncodingError } from "../../src/core/tables/encoding";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "optex.js");
const optex = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optex-text-"));

const TUCKER = JSON.parse(fs.readFileSync(path.join(root, "assets", "samples", "separation-2006-tucker", "TERMS.json"), "utf8"));
const termsText = JSON.stringify({ ...TUCKER, executive: "Åke Almgren" }, null, 2);

/** The terms' text in each encoding, as bytes. */
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, "utf16le");
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
};

describe("decodeText", () => {
  it.each([
    ["UTF-8", Buffer.from("{\"a\": \"Åke\"}", "utf8"), "utf-8", "UTF-8"],
    ["UTF-8 with a byte order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("{\"a\": \"Åke\"}", "utf8")]), "utf-8", "UTF-8 (byte order mark)"],
    ["UTF-16LE with a byte order mark", utf16le("{\"a\": \"Åke\"}"), "utf-16le", "UTF-16LE (byte order mark)"],
    ["UTF-16BE with a byte order mark", utf16be("{\"a\": \"Åke\"}"), "utf-16be", "UTF-16BE (byte order mark)"],
    ["UTF-16LE without one", Buffer.from("{\"a\": \"Åke\"}", "utf16le"), "utf-16le", "UTF-16LE (no byte order mark)"],
    ["Windows-1252 (0xC5 is Å)", Buffer.from([...Buffer.from("{\"a\": \""), 0xc5, ...Buffer.from("ke\"}")]), "windows-1252", "Windows-1252 (not UTF-8: byte 0xC5 at offset 7)"],
  ])("%s -> {\"a\": \"Åke\"}", (_label, bytes, encoding, description) => {
    const d = decodeText(new Uint8Array(bytes));
    expect(JSON.parse(d.text)).toEqual({ a: "Åke" });
    expect(d.encoding).toBe(encoding);
    expect(d.description).toBe(description);
  });

  it("refuses UTF-32", () => {
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]))).toThrow(EncodingError);
  });
});

describe("optex separation reads TERMS.json as Windows saves it", () => {
  it.each([
    ["UTF-8", Buffer.from(termsText, "utf8"), ""],
    ["UTF-16LE (Windows PowerShell's Out-File)", utf16le(termsText), "as UTF-16LE (byte order mark)"],
    // the sample is ASCII but for Å, which is 0xC5 in both Latin-1 and Windows-1252
    ["Windows-1252 (Notepad's ANSI)", Buffer.from(termsText, "latin1"), "as Windows-1252 (not UTF-8: byte 0xC5"],
  ])("%s: the executive is Åke Almgren", (label, bytes, said) => {
    const file = path.join(dir, `terms-${label.slice(0, 6)}.json`);
    fs.writeFileSync(file, bytes);
    const r = optex("separation", file, "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).executive).toBe("Åke Almgren");
    if (said === "") expect(r.stderr).toBe("");
    else expect(r.stderr).toContain(`optex separation: read ${file} ${said}`);
  });

  it("a UTF-32 file is refused, saying so", () => {
    const file = path.join(dir, "terms-utf32.json");
    fs.writeFileSync(file, Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]));
    const r = optex("separation", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*terms-utf32\.json: the file is UTF-32/);
    expect(r.stdout).toBe("");
  });
});

describe("optex value reads OFFER.json as Windows saves it", () => {
  it("an issuer name in Windows-1252 is read as typed", () => {
    const sample = path.join(root, "assets", "samples", "capstone-2003");
    const offer = JSON.parse(fs.readFileSync(path.join(sample, "offer.json"), "utf8"));
    const text = JSON.stringify({ ...offer, issuerName: "Société X" });
    const file = path.join(dir, "offer-1252.json");
    fs.writeFileSync(file, Buffer.from(text, "latin1")); // é is 0xE9 in both Latin-1 and Windows-1252
    const r = optex("value", path.join(sample, "ledger.csv"), "--offer", file, "--json");
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`optex value: read ${file} as Windows-1252`);
    expect(r.stdout).toContain("Société X");
  });
});
