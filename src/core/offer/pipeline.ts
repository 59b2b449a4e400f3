/**
 * Import + valuation in slices for an interactive door (the task pane): after each slice it hands
 * control back (so the UI can paint) and reports progress. Same results as parseCsvLedger + valueOffer.
 */
import { LedgerReader, LedgerReadOptions, LedgerResult } from "../ledger/parseLedger";
import { importLedgerBytes } from "../ledger/importLedger";
import { RawCell } from "../ledger/values";
import { OfferTerms } from "./offerTerms";
import { OfferValuation, startValuation } from "./valueOffer";

/** Where the work is: "import" (bytes or rows read so far) or "value" (grants valued of total). */
export interface PipelineProgress {
  phase: "import" | "value";
  done: number;
  total: number;
}

export interface PipelineOptions extends LedgerReadOptions {
  onProgress?: (p: PipelineProgress) => void;
  /** Yield to the UI after this many milliseconds of work (default 50). */
  sliceMs?: number;
  /** How to yield (default: a macrotask via setTimeout). */
  yieldToUi?: () => Promise<void>;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The bytes of a file in slices of `chunk` bytes (a File's `slice().arrayBuffer()`, or an array in tests). */
export type ByteSource = { size: number; read(start: number, end: number): Promise<Uint8Array> };

/** A byte source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
}

/** Reads a CSV file's bytes in chunks (encoding detected), yielding to the UI between chunks. */
export async function importFileInSlices(file: ByteSource, options: PipelineOptions = {}): Promise<LedgerResult> {
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const sliceMs = options.sliceMs ?? 50;
  const chunk = 256 * 1024;
  let started = Date.now();
  return importLedgerBytes(
    async function* () {
      for (let at = 0; at < file.size; at += chunk) yield await file.read(at, Math.min(file.size, at + chunk));
    },
    {
      ...options,
      progress: async (bytesRead) => {
        if (Date.now() - started < sliceMs) return;
        options.onProgress?.({ phase: "import", done: bytesRead, total: file.size });
        await yieldToUi();
        started = Date.now();
      },
    },
  );
}

/** Reads worksheet values (first row = header, worksheet row numbers from `firstRow`) in slices. */
export async function importValuesInSlices(values: RawCell[][], firstRow = 1, options: PipelineOptions = {}): Promise<LedgerResult> {
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const sliceMs = options.sliceMs ?? 50;
  const reader = new LedgerReader(values[0] ?? [], options, firstRow);
  let started = Date.now();
  for (let r = 1; r < values.length; r++) {
    reader.add(firstRow + r, values[r]);
    if ((r & 1023) === 0 && Date.now() - started >= sliceMs) {
      options.onProgress?.({ phase: "import", done: r, total: values.length - 1 });
      await yieldToUi();
      started = Date.now();
    }
  }
  return reader.finish();
}

/** Values the offer in slices. */
export async function valueInSlices(ledger: LedgerResult, terms: OfferTerms, options: PipelineOptions = {}): Promise<OfferValuation> {
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const sliceMs = options.sliceMs ?? 50;
  const state = startValuation(ledger.table, terms);
  const total = ledger.table.length;
  for (;;) {
    const started = Date.now();
    let finished = state.step(2048);
    while (!finished && Date.now() - started < sliceMs) finished = state.step(2048);
    options.onProgress?.({ phase: "value", done: state.done(), total });
    if (finished) break;
    await yieldToUi();
  }
  return state.finish();
}

