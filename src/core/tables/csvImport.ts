/**
 * Reading a table file: bytes -> encoding -> records -> cells (papaparse) -> a reader, in bounded
 * memory: one block of text and the reader's columns are all that is held, whatever the file's size.
 * Any schema: {@link importTableBytes} and {@link parseCsvTable} read into a {@link TableReader};
 * the `...Rows` forms take any reader (the ledger's wraps its columns as grants).
 */
import Papa from "papaparse";
import { ChunkDecoder, EncodingError, EncodingName, encodingLabel, NotUtf8Error, sniffEncoding, SNIFF_BYTES, SniffedEncoding } from "./encoding";
import { CsvBlock, CsvRecordChunker } from "./csvRecords";
import { isBlankRow, RowSink, TableOutcome, TableReader, TableReadOptions, TableResult, TableSource } from "./tableReader";
import { TableSchema } from "./schema";
import { RawCell } from "./values";

export interface CsvReadOptions {
  /** Longest record kept, in characters (default 1,048,576): a longer one is a row error. */
  maxRecordChars?: number;
  /** Characters of whole records handed to the CSV parser at a time (default 32,768). */
  blockChars?: number;
  /** Checked after each block: a reason to stop reading (e.g. memory running short), or undefined. */
  shouldStop?: () => string | undefined;
}

export interface CsvTableOptions<C extends string = string> extends CsvReadOptions, TableReadOptions<C> {}

/** Bytes decoded, or characters pushed, at a time. */
const PIECE = 1 << 15;

/** Starts a reader once the header row is known (`[]` when the file has none). */
export type RowSinkFactory<R> = (header: readonly RawCell[], headerLine: number) => RowSink<R>;

/** CSV text, pushed in pieces, read into rows (see {@link CsvTableImport}); the reader decides what rows become. */
export class CsvRowImport<R extends TableOutcome<string>> {
  private reader?: RowSink<R>;
  private readonly chunker: CsvRecordChunker;
  private stopped?: string;
  private pendingOversized: { line: number; chars: number; unclosed?: boolean }[] = [];
  private readonly parserConfig: Papa.ParseConfig;
  private lineInBlock = 0;
  private countBreaks = false;
  private parser?: Papa.Parser;
  /** A NUL character was in the text: rows are checked for one. */
  private mayHaveNul = false;

  constructor(
    private readonly start: RowSinkFactory<R>,
    private readonly options: CsvReadOptions = {},
    private readonly encoding = "text",
  ) {
    this.chunker = new CsvRecordChunker(
      { block: (b) => this.block(b), oversized: (r) => this.oversized(r.line, r.chars, r.unclosed) },
      { maxRecordChars: options.maxRecordChars, blockChars: options.blockChars },
    );
    // no step callback: a block's rows come back as one array (a block is a few hundred records), which
    // spares papaparse a results object and a call per record
    this.parserConfig = { newline: "\n", quoteChar: '"' };
  }

  /** True once reading has stopped early (see `stopped` in the result). */
  get done(): boolean {
    return this.stopped !== undefined;
  }

  /** Takes the next piece of text. */
  push(text: string): void {
    if (this.stopped !== undefined) return;
    // from the first NUL on, rows are checked for one (the blocks holding it come later)
    if (!this.mayHaveNul && text.indexOf("\u0000") >= 0) this.mayHaveNul = true;
    this.chunker.push(text);
  }

  private oversized(line: number, chars: number, unclosed = false): void {
    const message = unclosed
      ? "a quote opened on this line is never closed (it would swallow the rest of the file): this line is not read, reading goes on at the next"
      : `a record longer than ${(this.options.maxRecordChars ?? 1 << 20).toLocaleString("en-US")} characters starts here (an unclosed quote?): it is skipped up to the next line break`;
    if (this.reader) this.reader.reject(line, message);
    else this.pendingOversized.push({ line, chars, unclosed });
  }

  /** One record from papaparse, with the first of papaparse's errors about it. */
  private row(cells: string[], error: string | undefined): void {
    const line = this.lineInBlock;
    let problem: string | undefined;
    if (error !== undefined) problem = `CSV: ${error}: the row is not read`;
    if (this.mayHaveNul && problem === undefined) {
      const at = cells.findIndex((c) => c.indexOf("\u0000") >= 0);
      if (at >= 0) problem = `field ${at + 1} holds a NUL character (a binary or wrongly decoded file?): the row is not read`;
    }
    if (this.reader === undefined) {
      if (!isBlankRow(cells)) {
        this.reader = this.start(cells, line);
        if (this.chunker.delimiter !== undefined) this.reader.delimiter?.(this.chunker.delimiter);
        for (const o of this.pendingOversized) this.oversized(o.line, o.chars, o.unclosed);
        this.pendingOversized = [];
      }
    } else {
      this.reader.add(line, cells, problem);
    }
    this.lineInBlock = line + 1;
    if (this.countBreaks) {
      for (let f = 0; f < cells.length; f++) {
        const c = cells[f];
        for (let i = c.indexOf("\n"); i !== -1; i = c.indexOf("\n", i + 1)) this.lineInBlock++;
      }
    }
  }

  private block(block: CsvBlock): void {
    if (this.stopped !== undefined) return;
    this.countBreaks = block.quotedLineBreaks > 0;
    this.lineInBlock = block.firstLine;
    // one parser for the file (each parse starts afresh; the delimiter is known from the first block on)
    if (this.parser === undefined) {
      this.parserConfig.delimiter = this.chunker.delimiter;
      this.parser = new Papa.Parser(this.parserConfig);
    }
    const parsed = this.parser.parse(block.text, 0, false) as Papa.ParseResult<string[]>;
    const rows = parsed.data;
    const errors = parsed.errors;
    let e = 0;
    for (let r = 0; r < rows.length; r++) {
      // papaparse's errors give the index of the row they concern, in order
      while (e < errors.length && (errors[e].row ?? -1) < r) e++;
      this.row(rows[r], e < errors.length && errors[e].row === r ? errors[e].message : undefined);
    }
    const reason = this.options.shouldStop?.();
    if (reason !== undefined) this.stopped = `${reason}: reading stopped before line ${this.lineInBlock.toLocaleString("en-US")}`;
  }

  /** The outcome. */
  finish(): R {
    if (this.stopped === undefined) this.chunker.end();
    if (this.reader === undefined) {
      this.reader = this.start([], 1);
      for (const o of this.pendingOversized) this.oversized(o.line, o.chars, o.unclosed);
    }
    const result = this.reader.finish();
    if (result.headers.length === 0) result.errors.unshift({ row: 1, column: "", message: "the file has no header row (it is empty)" });
    const source: TableSource = { encoding: this.encoding, delimiter: this.chunker.delimiter, lineBreaks: this.chunker.lineBreaks || undefined };
    result.source = source;
    if (this.stopped !== undefined) result.stopped = this.stopped;
    return result;
  }
}

/** A schema's reader for a CSV file's header (records' field counts checked against it). */
export function csvTableReader<C extends string>(schema: TableSchema<C>, options: TableReadOptions<C>): RowSinkFactory<TableResult<C>> {
  return (header, headerLine) => new TableReader(schema, header, options, headerLine, header.length > 0);
}

/** CSV text, pushed in pieces, read into a table of `schema`. */
export class CsvTableImport<C extends string> extends CsvRowImport<TableResult<C>> {
  constructor(schema: TableSchema<C>, options: CsvTableOptions<C> = {}, encoding = "text") {
    super(csvTableReader(schema, options), options, encoding);
  }
}

/** Reads CSV text (delimiter detected; quotes; any line breaks; a UTF-8 BOM is dropped) into any reader. */
export function parseCsvRows<R extends TableOutcome<string>>(text: string, start: RowSinkFactory<R>, options: CsvReadOptions = {}): R {
  const importer = new CsvRowImport(start, options);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length && !importer.done; i += PIECE) importer.push(body.slice(i, i + PIECE));
  return importer.finish();
}

/**
 * Reads CSV text into a table of `schema`.
 * @example parseCsvTable("Date,Close\n2003-06-23,$1.27\n", PRICE_HISTORY).table.numbers("close")[0] === 1.27
 */
export function parseCsvTable<C extends string>(text: string, schema: TableSchema<C>, options: CsvTableOptions<C> = {}): TableResult<C> {
  return parseCsvRows(text, csvTableReader(schema, options), options);
}

export interface ByteReadOptions extends CsvReadOptions {
  /** Decode as this encoding instead of detecting one. */
  encoding?: EncodingName;
  /** Called after each chunk with the bytes read so far (await it to yield to a UI). */
  progress?: (bytesRead: number) => void | Promise<void>;
}

/** The bytes of a file, delivered in chunks; called again to read the file from the start. */
export type ByteOpener = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Reads a CSV file from its bytes into any reader. The encoding is detected (see encoding.ts) and
 * reported in `source.encoding`; a file that is not UTF-8 after all is read again as Windows-1252.
 */
export async function importRowsBytes<R extends TableOutcome<string>>(open: ByteOpener, start: RowSinkFactory<R>, options: ByteReadOptions = {}): Promise<R> {
  try {
    return await importOnce(open, start, options, options.encoding ? forced(options.encoding) : undefined);
  } catch (error) {
    if (error instanceof NotUtf8Error) {
      return importOnce(open, start, options, { encoding: "windows-1252", bom: 0, provisional: false, description: `Windows-1252 (not UTF-8: ${error.where})` });
    }
    if (error instanceof EncodingError) {
      const result = start([], 1).finish();
      result.errors = [{ row: 1, column: "", message: error.message }];
      result.stopped = error.message;
      return result;
    }
    throw error;
  }
}

/**
 * Reads a CSV file from its bytes into a table of `schema` (see {@link importRowsBytes}).
 */
export function importTableBytes<C extends string>(open: ByteOpener, schema: TableSchema<C>, options: ByteReadOptions & TableReadOptions<C> = {}): Promise<TableResult<C>> {
  return importRowsBytes(open, csvTableReader(schema, options), options);
}

function forced(encoding: EncodingName): SniffedEncoding {
  return { encoding, bom: 0, provisional: false, description: `${encodingLabel(encoding)} (as chosen)` };
}

async function importOnce<R extends TableOutcome<string>>(open: ByteOpener, startRows: RowSinkFactory<R>, options: ByteReadOptions, chosen?: SniffedEncoding): Promise<R> {
  let sniffed = chosen;
  let decoder = sniffed ? new ChunkDecoder(sniffed) : undefined;
  let importer = sniffed ? new CsvRowImport(startRows, options, sniffed.description) : undefined;
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let read = 0;
  const start = (complete: boolean) => {
    const bytes = concat(head, headBytes);
    head = [];
    sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES), complete && bytes.length <= SNIFF_BYTES);
    decoder = new ChunkDecoder(sniffed);
    importer = new CsvRowImport(startRows, options, sniffed.description);
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
    // decoded a piece at a time: each piece's text stays a young, short-lived string
    for (let at = 0; at < bytes.length && !importer!.done; at += PIECE) importer!.push(decoder!.decode(bytes.subarray(at, at + PIECE)));
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
