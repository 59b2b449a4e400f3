/**
 * Reading a ledger file: bytes -> encoding -> records -> cells (papaparse) -> grants, in bounded
 * memory: one block of text and the grants are all that is held, whatever the file's size.
 */
import Papa from "papaparse";
import { ChunkDecoder, EncodingError, EncodingName, encodingLabel, NotUtf8Error, sniffEncoding, SNIFF_BYTES, SniffedEncoding } from "../tables/encoding";
import { CsvBlock, CsvRecordChunker } from "../tables/csvRecords";
import { isBlankRow, LedgerReader, LedgerReadOptions, LedgerResult, LedgerSource } from "./parseLedger";

export interface CsvImportOptions extends LedgerReadOptions {
  /** Longest record kept, in characters (default 1,048,576): a longer one is a row error. */
  maxRecordChars?: number;
  /** Characters of whole records handed to the CSV parser at a time (default 1,048,576). */
  blockChars?: number;
  /** Checked after each block: a reason to stop reading (e.g. memory running short), or undefined. */
  shouldStop?: () => string | undefined;
}

/** CSV text, pushed in pieces, read into a ledger. */
export class CsvLedgerImport {
  private reader?: LedgerReader;
  private readonly chunker: CsvRecordChunker;
  private stopped?: string;
  private pendingOversized: { line: number; chars: number }[] = [];

  constructor(
    private readonly options: CsvImportOptions = {},
    private readonly encoding = "text",
  ) {
    this.chunker = new CsvRecordChunker(
      { block: (b) => this.block(b), oversized: (r) => this.oversized(r.line, r.chars) },
      { maxRecordChars: options.maxRecordChars, blockChars: options.blockChars },
    );
  }

  /** True once reading has stopped early (see `stopped` in the result). */
  get done(): boolean {
    return this.stopped !== undefined;
  }

  /** Takes the next piece of text. */
  push(text: string): void {
    if (this.stopped === undefined) this.chunker.push(text);
  }

  private oversized(line: number, chars: number): void {
    const message = `a record longer than ${(this.options.maxRecordChars ?? 1 << 20).toLocaleString("en-US")} characters starts here (an unclosed quote?): it is skipped up to the next line break`;
    if (this.reader) this.reader.reject(line, message);
    else this.pendingOversized.push({ line, chars });
  }

  private block(block: CsvBlock): void {
    if (this.stopped !== undefined) return;
    const parsed = Papa.parse<string[]>(block.text, { delimiter: this.chunker.delimiter, newline: "\n", quoteChar: '"', header: false, skipEmptyLines: false });
    const problems = new Map<number, string>();
    for (const e of parsed.errors) {
      if (e.row !== undefined && e.row >= 0 && !problems.has(e.row)) problems.set(e.row, `CSV: ${e.message}: the row is not read`);
    }
    const mayHaveBreaks = block.text.indexOf('"') >= 0;
    const mayHaveNul = block.text.indexOf("\u0000") >= 0;
    let line = block.firstLine;
    const rows = parsed.data;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      let problem = problems.get(r);
      if (mayHaveNul && problem === undefined) {
        const at = cells.findIndex((c) => c.indexOf("\u0000") >= 0);
        if (at >= 0) problem = `field ${at + 1} holds a NUL character (a binary or wrongly decoded file?): the row is not read`;
      }
      if (this.reader === undefined) {
        if (!isBlankRow(cells)) {
          this.reader = new LedgerReader(cells, this.options, line, true);
          for (const o of this.pendingOversized) this.oversized(o.line, o.chars);
          this.pendingOversized = [];
        }
      } else {
        this.reader.add(line, cells, problem);
      }
      line++;
      if (mayHaveBreaks) {
        for (let f = 0; f < cells.length; f++) {
          for (let i = cells[f].indexOf("\n"); i !== -1; i = cells[f].indexOf("\n", i + 1)) line++;
        }
      }
    }
    const reason = this.options.shouldStop?.();
    if (reason !== undefined) this.stopped = `${reason}: reading stopped before line ${line.toLocaleString("en-US")}`;
  }

  /** The outcome. */
  finish(): LedgerResult {
    if (this.stopped === undefined) this.chunker.end();
    if (this.reader === undefined) {
      this.reader = new LedgerReader([], this.options);
      for (const o of this.pendingOversized) this.oversized(o.line, o.chars);
    }
    const result = this.reader.finish();
    if (result.headers.length === 0) result.errors.unshift({ row: 1, column: "", message: "the file has no header row (it is empty)" });
    const source: LedgerSource = { encoding: this.encoding, delimiter: this.chunker.delimiter, lineBreaks: this.chunker.lineBreaks || undefined };
    result.source = source;
    if (this.stopped !== undefined) result.stopped = this.stopped;
    return result;
  }
}

/**
 * Imports CSV text (delimiter detected; quotes; any line breaks; a UTF-8 BOM is dropped).
 * @example parseCsvLedger("Grant Number,Grant Date,Exercise Price,Outstanding\nA1,2003-06-23,$2.50,\"1,000\"").accepted === 1
 */
export function parseCsvLedger(text: string, options: CsvImportOptions = {}): LedgerResult {
  const importer = new CsvLedgerImport(options);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const piece = 1 << 20;
  for (let i = 0; i < body.length && !importer.done; i += piece) importer.push(body.slice(i, i + piece));
  return importer.finish();
}

export interface ByteImportOptions extends CsvImportOptions {
  /** Decode as this encoding instead of detecting one. */
  encoding?: EncodingName;
  /** Called after each chunk with the bytes read so far (await it to yield to a UI). */
  progress?: (bytesRead: number) => void | Promise<void>;
}

/**
 * Imports a CSV file from its bytes, delivered in chunks by `open()` (called again to re-read the
 * file from the start when it is not UTF-8 after all). The encoding is detected (see encoding.ts)
 * and reported in `source.encoding`.
 */
export async function importLedgerBytes(open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ByteImportOptions = {}): Promise<LedgerResult> {
  try {
    return await importOnce(open, options, options.encoding ? forced(options.encoding) : undefined);
  } catch (error) {
    if (error instanceof NotUtf8Error) {
      return importOnce(open, options, { encoding: "windows-1252", bom: 0, provisional: false, description: `Windows-1252 (not UTF-8: ${error.where})` });
    }
    if (error instanceof EncodingError) return unreadable(error.message);
    throw error;
  }
}

function forced(encoding: EncodingName): SniffedEncoding {
  return { encoding, bom: 0, provisional: false, description: `${encodingLabel(encoding)} (as chosen)` };
}

function unreadable(message: string): LedgerResult {
  return { headers: [], headerLine: 1, mapping: {}, conflicts: [], unmapped: [], grants: [], errors: [{ row: 1, column: "", message }], rows: 0, accepted: 0, rejected: 0, stopped: message };
}

async function importOnce(open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ByteImportOptions, chosen?: SniffedEncoding): Promise<LedgerResult> {
  let sniffed = chosen;
  let decoder = sniffed ? new ChunkDecoder(sniffed) : undefined;
  let importer = sniffed ? new CsvLedgerImport(options, sniffed.description) : undefined;
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let read = 0;
  const start = (complete: boolean) => {
    const bytes = concat(head, headBytes);
    head = [];
    sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES), complete && bytes.length <= SNIFF_BYTES);
    decoder = new ChunkDecoder(sniffed);
    importer = new CsvLedgerImport(options, sniffed.description);
    return bytes;
  };
  for await (const chunk of open()) {
    read += chunk.length;
    let bytes: Uint8Array = chunk;
    if (decoder === undefined) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < SNIFF_BYTES) continue;
      bytes = start(false);
    }
    importer!.push(decoder!.decode(bytes));
    if (options.progress) await options.progress(read);
    if (importer!.done) break;
  }
  const rest = decoder === undefined ? start(true) : new Uint8Array(0);
  const text = decoder!.decode(rest, true);
  importer!.push(text);
  return importer!.finish();
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
