/**
 * Which text encoding a table file is in, decided from its bytes, and decoding it in chunks.
 *
 * Ledger exports arrive as UTF-8 (with or without a byte order mark), as UTF-16 (Excel's "Unicode
 * Text" export: little-endian with a BOM, tab-separated) and as Windows-1252 (older "CSV" exports on
 * Windows). The rules, in order, are exact rather than statistical:
 * 1. a byte order mark decides (EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE; UTF-32 is refused);
 * 2. without one, text that is mostly ASCII in UTF-16 has a zero byte in every other position: zeros
 *    in at least a quarter of the odd (even) positions and almost none in the others is UTF-16LE (BE);
 * 3. otherwise the bytes are UTF-8 if they decode as UTF-8, else Windows-1252 (every byte is a
 *    character there). A file that is valid UTF-8 at its start but not further on is re-read as
 *    Windows-1252 by the importer, which then says at which byte UTF-8 failed.
 *
 * Decoding uses the WHATWG `TextDecoder` (Node, browsers and workers all have it).
 */

/** The encodings optex reads. */
export type EncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** How a file's encoding was decided. */
export interface SniffedEncoding {
  encoding: EncodingName;
  /** Bytes of byte order mark to skip (0, 2 or 3). */
  bom: number;
  /** Whether a later invalid byte may still change the decision (UTF-8 decided on the first bytes only). */
  provisional: boolean;
  /** Words for the report: "UTF-8 (byte order mark)", "UTF-16LE (no byte order mark)". */
  description: string;
}

/** A file optex cannot decode with certainty. */
export class EncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncodingError";
  }
}

/** How many leading bytes {@link sniffEncoding} looks at. */
export const SNIFF_BYTES = 64 * 1024;

const LABELS: Record<EncodingName, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "windows-1252": "Windows-1252" };

/** The report's name of an encoding. */
export function encodingLabel(encoding: EncodingName): string {
  return LABELS[encoding];
}

/**
 * Decides the encoding from a file's first bytes (up to {@link SNIFF_BYTES}; `complete` when they
 * are the whole file).
 * @example sniffEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).encoding === "utf-16le"
 */
export function sniffEncoding(head: Uint8Array, complete = false): SniffedEncoding {
  const b = head;
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) {
    throw new EncodingError("the file is UTF-32 (byte order mark): save it as UTF-8 or UTF-16");
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", bom: 3, provisional: false, description: "UTF-8 (byte order mark)" };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", bom: 2, provisional: false, description: "UTF-16LE (byte order mark)" };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", bom: 2, provisional: false, description: "UTF-16BE (byte order mark)" };

  const n = Math.min(b.length, 4096) & ~1;
  if (n >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < n; i += 2) {
      if (b[i] === 0) evenZeros++;
      if (b[i + 1] === 0) oddZeros++;
    }
    const pairs = n / 2;
    if (oddZeros >= pairs / 4 && evenZeros <= pairs / 50) return { encoding: "utf-16le", bom: 0, provisional: false, description: "UTF-16LE (no byte order mark)" };
    if (evenZeros >= pairs / 4 && oddZeros <= pairs / 50) return { encoding: "utf-16be", bom: 0, provisional: false, description: "UTF-16BE (no byte order mark)" };
  }

  const invalidAt = firstInvalidUtf8(b, complete);
  if (invalidAt >= 0) {
    return { encoding: "windows-1252", bom: 0, provisional: false, description: `Windows-1252 (not UTF-8: ${describeBytes(b, invalidAt)})` };
  }
  return { encoding: "utf-8", bom: 0, provisional: !complete, description: "UTF-8" };
}

/** "byte 0xE9 at offset 1,234" for an error message. */
export function describeBytes(bytes: Uint8Array, at: number, offset = 0): string {
  return `byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, "0")} at offset ${(offset + at).toLocaleString("en-US")}`;
}

/**
 * The index of the first byte that is not part of a valid UTF-8 sequence, or -1. When `complete` is
 * false a sequence cut off by the end of the buffer is not counted as invalid.
 */
export function firstInvalidUtf8(b: Uint8Array, complete: boolean): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) {
      // the sequence runs past the buffer
      if (!complete) {
        for (let k = i + 1; k < n; k++) if ((b[k] & 0xc0) !== 0x80) return i;
        return -1;
      }
      return i;
    }
    let cp = c & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** A UTF-8 file turned out not to be UTF-8 after its first bytes: read it again as Windows-1252. */
export class NotUtf8Error extends Error {
  constructor(readonly where: string) {
    super(`not UTF-8 (${where})`);
    this.name = "NotUtf8Error";
  }
}

/**
 * Decodes a file's bytes chunk by chunk (a character split across chunks is kept for the next).
 * Throws {@link NotUtf8Error} when a provisional UTF-8 decision meets an invalid byte, and
 * {@link EncodingError} when UTF-8 with a byte order mark, or UTF-16, is malformed.
 */
export class ChunkDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private offset = 0;
  private skip: number;

  constructor(private readonly sniffed: SniffedEncoding) {
    this.decoder = new TextDecoder(sniffed.encoding, { fatal: sniffed.encoding !== "windows-1252", ignoreBOM: true });
    this.skip = sniffed.bom;
  }

  /** Text of the next chunk of bytes (`last` for the final one). */
  decode(chunk: Uint8Array, last = false): string {
    let bytes = chunk;
    if (this.skip > 0) {
      const n = Math.min(this.skip, bytes.length);
      bytes = bytes.subarray(n);
      this.skip -= n;
      this.offset += n;
    }
    try {
      const text = this.decoder.decode(bytes, { stream: !last });
      this.offset += bytes.length;
      return text;
    } catch {
      if (this.sniffed.encoding === "utf-8") {
        const at = firstInvalidUtf8(bytes, last);
        const where = at >= 0 ? describeBytes(bytes, at, this.offset) : `near offset ${this.offset.toLocaleString("en-US")}`;
        if (this.sniffed.provisional) throw new NotUtf8Error(where);
        throw new EncodingError(`the file says it is UTF-8 (byte order mark) but is not: ${where}`);
      }
      throw new EncodingError(`the file is not valid ${encodingLabel(this.sniffed.encoding)} near offset ${this.offset.toLocaleString("en-US")}`);
    }
  }
}

/** A whole small file (OFFER.json, TERMS.json) decoded, and how. */
export interface DecodedText {
  text: string;
  encoding: EncodingName;
  /** "UTF-8", "UTF-16LE (byte order mark)", "Windows-1252 (not UTF-8: byte 0xC5 at offset 15)". */
  description: string;
}

/**
 * Decodes a whole file by the rules above (a byte order mark, UTF-16 without one, UTF-8, else
 * Windows-1252), so a name typed as "Åke" in a Windows editor is never read as "\uFFFD ke".
 * @example decodeText(new Uint8Array([0x7b, 0x7d])).text === "{}"
 * @throws EncodingError for UTF-32 or malformed UTF-16 / UTF-8 with a byte order mark
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const sniffed = sniffEncoding(bytes, true);
  const text = new ChunkDecoder(sniffed).decode(bytes, true);
  return { text, encoding: sniffed.encoding, description: sniffed.description };
}
