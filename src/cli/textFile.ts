/**
 * A small text file the commands read whole (OFFER.json, TERMS.json), decoded by the same rules as a
 * ledger (src/core/tables/encoding.ts): UTF-8 with or without a byte order mark, UTF-16 (what Windows
 * PowerShell's Out-File writes), else Windows-1252, so "Åke" typed in a Windows editor is never read
 * as "\uFFFDke". A file that is not UTF-8 is said on stderr; one that cannot be decoded is an error.
 */
import * as fs from "fs";
import { decodeText, EncodingError } from "../core/tables/encoding";

/** The file's text, or undefined after writing why it cannot be read (`optex <command>: ...`). */
export function readTextFile(path: string, command: string, err: NodeJS.WritableStream): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path);
  } catch (e) {
    err.write(`optex ${command}: cannot read ${path}: ${(e as Error).message}\n`);
    return undefined;
  }
  try {
    const decoded = decodeText(bytes);
    if (decoded.encoding !== "utf-8") err.write(`optex ${command}: read ${path} as ${decoded.description}\n`);
    return decoded.text;
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    err.write(`optex ${command}: cannot read ${path}: ${e.message}\n`);
    return undefined;
  }
}
