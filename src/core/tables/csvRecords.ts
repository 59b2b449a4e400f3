/**
 * Cuts decoded CSV text, arriving in pieces, into blocks of whole records for the CSV parser
 * (papaparse), so that memory holds one block and one record at most, whatever the file's size.
 *
 * - Line breaks: CRLF, LF and a lone CR all end a line, in any mix (a bare LF inside a CRLF file is a
 *   line break, not part of a value); blocks carry LF only, and each block its first line number, so
 *   line numbers stay right with quoted line breaks too.
 * - Quotes follow RFC 4180 as papaparse reads them: a quote opens a quoted field only at a field's
 *   start, `""` inside it is a quote, and a line break inside it belongs to the value.
 * - A record longer than `maxRecordChars` is not kept: it is reported with its line and skipped up
 *   to the next line break (an unclosed quote is the usual cause), and reading goes on.
 * - An Excel "sep=;" first line sets the delimiter; otherwise the header line decides it
 *   (comma, tab, semicolon or pipe, as papaparse guesses it).
 */

import Papa from "papaparse";

/** A run of whole records, LF-separated, starting at `firstLine` of the file. */
export interface CsvBlock {
  text: string;
  firstLine: number;
  /** Line breaks inside quoted values (0: each record is one line, so record k is on line firstLine + k). */
  quotedLineBreaks: number;
}

/** A record that was too long to keep. */
export interface OversizedRecord {
  line: number;
  chars: number;
  /** The record was not too long but never ended: a quote opened on `line` is not closed by the end of the text. */
  unclosed?: boolean;
}

export interface CsvRecordSink {
  block(block: CsvBlock): void;
  oversized(record: OversizedRecord): void;
}

const LF = 10;
/**
 * Blocks are small enough that their text, and the records papaparse cuts from it, are collected
 * young: a string over V8's 128 KiB large-object limit would be garbage the old generation keeps
 * until a full collection.
 */
export const DEFAULT_BLOCK_CHARS = 1 << 15;
const QUOTE = 34;
const DELIMITERS = [",", "\t", ";", "|"];

/** The header line's delimiter, as papaparse guesses it among comma, tab, semicolon and pipe (comma when none splits it). */
export function guessDelimiter(headerLine: string): string {
  return Papa.parse<string[]>(headerLine, { delimitersToGuess: DELIMITERS, preview: 1 }).meta.delimiter;
}

export interface CsvRecordChunkerOptions {
  /** Longest record kept, in characters (default 1,048,576). */
  maxRecordChars?: number;
  /** Emit a block once this many characters of whole records are ready (default 32,768). */
  blockChars?: number;
  /** The delimiter, when known; otherwise taken from a "sep=" line or guessed from the header. */
  delimiter?: string;
}

/** Splits CSV text into record-aligned blocks; see the module comment. */
export class CsvRecordChunker {
  private carry = "";
  private pendingCR = false;
  /** Line number of carry[0]. */
  private baseLine = 1;
  /** Scan position in carry and the state there. */
  private pos = 0;
  private inQuotes = false;
  /** LFs in carry[0..pos), and those of them inside quotes. */
  private lfs = 0;
  private quotedLfs = 0;
  /** Start of the current record in carry, and the LFs (all, quoted) before it. */
  private recordStart = 0;
  private recordLfs = 0;
  private recordQuotedLfs = 0;
  /** Discarding an oversized record up to the next line break. */
  private skipping = false;
  private delimiterCode = -1;
  private readonly maxRecord: number;
  private readonly blockChars: number;
  /** The delimiter in use (known after the header line). */
  delimiter?: string;
  /** Which line breaks the text used: "CRLF", "LF", "CR" or a mix such as "CRLF+LF". */
  private readonly breaks = new Set<string>();

  constructor(
    private readonly sink: CsvRecordSink,
    options: CsvRecordChunkerOptions = {},
  ) {
    this.maxRecord = options.maxRecordChars ?? 1 << 20;
    this.blockChars = options.blockChars ?? DEFAULT_BLOCK_CHARS;
    if (options.delimiter !== undefined) this.setDelimiter(options.delimiter);
  }

  private setDelimiter(d: string): void {
    this.delimiter = d;
    this.delimiterCode = d.charCodeAt(0);
  }

  /** The line breaks seen, e.g. "CRLF" or "CRLF+LF" (empty when the text had one line). */
  get lineBreaks(): string {
    return [...this.breaks].sort().join("+");
  }

  /** Takes the next piece of text. */
  push(piece: string): void {
    let text = piece;
    if (this.pendingCR) {
      text = "\r" + text;
      this.pendingCR = false;
    }
    if (text.length > 0 && text.charCodeAt(text.length - 1) === 13) {
      this.pendingCR = true;
      text = text.slice(0, -1);
    }
    text = this.normalizeBreaks(text);
    if (this.skipping) {
      const lf = this.skipToLineEnd(text);
      if (lf < 0) return;
      text = text.slice(lf + 1);
    }
    this.carry += text;
    this.scan(false);
  }

  /** The end of the text: emits the last record. */
  end(): void {
    if (this.pendingCR) {
      this.pendingCR = false;
      this.breaks.add("CR");
      if (this.skipping) this.skipping = false;
      else this.carry += "\n";
    }
    if (this.skipping) return;
    this.scan(true);
    // a quote that never closes would make the rest of the text one record: report its line, skip
    // that line only, and read on from the next (as for a record too long)
    while (this.inQuotes && this.carry.length > 0) {
      this.sink.oversized({ line: this.baseLine, chars: this.carry.length, unclosed: true });
      const lf = this.carry.indexOf("\n");
      this.carry = lf < 0 ? "" : this.carry.slice(lf + 1);
      this.baseLine++;
      this.resetScan();
      this.scan(true);
    }
    if (this.carry.length > 0) this.emit(this.carry.length);
  }

  private normalizeBreaks(text: string): string {
    if (text.indexOf("\r") < 0) {
      if (!this.breaks.has("LF") && text.indexOf("\n") >= 0) this.breaks.add("LF");
      return text;
    }
    return text.replace(/\r\n?|\n/g, (m) => {
      this.breaks.add(m === "\r\n" ? "CRLF" : m === "\r" ? "CR" : "LF");
      return "\n";
    });
  }

  /** While skipping: the index of the next LF in `text` (counted as a line), or -1. */
  private skipToLineEnd(text: string): number {
    const lf = text.indexOf("\n");
    if (lf >= 0) {
      this.skipping = false;
      this.baseLine++;
    }
    return lf;
  }

  private scan(final: boolean): void {
    if (this.delimiterCode < 0 && !this.takeHeaderDelimiter(final)) return;
    const s = this.carry;
    const n = s.length;
    const d = this.delimiterCode;
    const max = this.maxRecord;
    let i = this.pos;
    let inQuotes = this.inQuotes;
    let lfs = this.lfs;
    let quotedLfs = this.quotedLfs;
    let recordStart = this.recordStart;
    let recordLfs = this.recordLfs;
    let recordQuotedLfs = this.recordQuotedLfs;
    let boundary = recordStart; // end of the last whole record
    let nextQuote = -1; // cached: the first quote at or after i (n when none)
    let nextLf = -1; // cached: the first line break at or after i (n when none)
    // Jumps from quote to quote and line end to line end (indexOf), not character by character.
    while (i < n) {
      if (inQuotes) {
        let q = s.indexOf('"', i);
        if (q < 0) q = n;
        if (nextLf < i) {
          nextLf = s.indexOf("\n", i);
          if (nextLf < 0) nextLf = n;
        }
        while (nextLf < q) {
          lfs++;
          quotedLfs++;
          if (nextLf - recordStart >= max) return this.oversize(nextLf, recordStart, recordLfs, recordQuotedLfs, lfs, final);
          nextLf = s.indexOf("\n", nextLf + 1);
          if (nextLf < 0) nextLf = n;
        }
        if (q - recordStart >= max && q < n) return this.oversize(q, recordStart, recordLfs, recordQuotedLfs, lfs, final);
        if (q >= n) {
          i = n;
          break;
        }
        if (q + 1 >= n && !final) {
          i = q; // "" or the closing quote? wait for the next piece
          break;
        }
        if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) i = q + 2;
        else {
          inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      if (nextLf < i) {
        nextLf = s.indexOf("\n", i);
        if (nextLf < 0) nextLf = n;
      }
      const lf = nextLf;
      if (nextQuote < i) {
        nextQuote = s.indexOf('"', i);
        if (nextQuote < 0) nextQuote = n;
      }
      if (nextQuote < lf) {
        const q = nextQuote;
        if (q - recordStart >= max) return this.oversize(q, recordStart, recordLfs, recordQuotedLfs, lfs, final);
        const prev = q === recordStart ? d : s.charCodeAt(q - 1);
        if (prev === d) inQuotes = true;
        i = q + 1;
        continue;
      }
      if (lf >= n) {
        if (n - recordStart > max) return this.oversize(recordStart + max, recordStart, recordLfs, recordQuotedLfs, lfs, final);
        i = n;
        break;
      }
      lfs++;
      if (lf - recordStart > max) return this.oversize(lf, recordStart, recordLfs, recordQuotedLfs, lfs, final);
      i = recordStart = boundary = lf + 1;
      recordLfs = lfs;
      recordQuotedLfs = quotedLfs;
    }
    this.pos = i;
    this.inQuotes = inQuotes;
    this.lfs = lfs;
    this.quotedLfs = quotedLfs;
    this.recordStart = recordStart;
    this.recordLfs = recordLfs;
    this.recordQuotedLfs = recordQuotedLfs;
    if (boundary >= this.blockChars || (final && boundary > 0)) this.emitUpTo(boundary, recordLfs, recordQuotedLfs);
  }

  /**
   * A record from `recordStart` runs past the limit at `at` (`lfs` line breaks counted through `at`):
   * emits what precedes it, reports it, and drops it up to the next line break.
   */
  private oversize(at: number, recordStart: number, recordLfs: number, recordQuotedLfs: number, lfs: number, final: boolean): void {
    this.emitUpTo(recordStart, recordLfs, recordQuotedLfs);
    this.sink.oversized({ line: this.baseLine, chars: at - recordStart + 1 });
    const atLf = this.carry.charCodeAt(at - recordStart) === LF;
    const rest = this.carry.slice(at + 1 - recordStart);
    this.baseLine += lfs - recordLfs; // line breaks inside the dropped record, through `at`
    this.carry = "";
    this.resetScan();
    if (atLf) {
      this.carry = rest;
      this.scan(final);
      return;
    }
    this.skipping = true;
    const lf = this.skipToLineEnd(rest);
    if (lf >= 0) {
      this.carry = rest.slice(lf + 1);
      this.scan(final);
    }
  }

  private resetScan(): void {
    this.pos = 0;
    this.inQuotes = false;
    this.lfs = 0;
    this.quotedLfs = 0;
    this.recordStart = 0;
    this.recordLfs = 0;
    this.recordQuotedLfs = 0;
  }

  /** Emits carry[0..end) (whole records, `endLfs` line breaks of which `endQuotedLfs` quoted) and keeps the rest. */
  private emitUpTo(end: number, endLfs: number, endQuotedLfs: number): void {
    if (end <= 0) return;
    this.sink.block({ text: this.carry.slice(0, end), firstLine: this.baseLine, quotedLineBreaks: endQuotedLfs });
    this.carry = this.carry.slice(end);
    this.baseLine += endLfs;
    this.pos -= end;
    this.lfs -= endLfs;
    this.quotedLfs -= endQuotedLfs;
    this.recordStart -= end;
    this.recordLfs -= endLfs;
    this.recordQuotedLfs -= endQuotedLfs;
  }

  /** Emits the whole carry (the last record, at the end of the text). */
  private emit(end: number): void {
    this.sink.block({ text: this.carry.slice(0, end), firstLine: this.baseLine, quotedLineBreaks: this.quotedLfs });
    this.carry = this.carry.slice(end);
    this.resetScan();
  }

  /** Sets the delimiter from a "sep=" line or the header line; false while the header is incomplete. */
  private takeHeaderDelimiter(final: boolean): boolean {
    const s = this.carry;
    let lf = s.indexOf("\n");
    if (lf < 0) {
      if (!final && s.length < this.maxRecord) return false;
      lf = s.length;
    }
    const first = s.slice(0, lf);
    const sep = /^"?sep=(.)"?$/i.exec(first);
    if (sep) {
      this.setDelimiter(sep[1]);
      this.carry = s.slice(Math.min(lf + 1, s.length));
      this.baseLine++;
      return true;
    }
    this.setDelimiter(guessDelimiter(first));
    return true;
  }
}
