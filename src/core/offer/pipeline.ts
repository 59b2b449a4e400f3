/**
 * Import + valuation in slices for an interactive door (the task pane): after each slice it hands
 * control back (so the UI can paint) and reports progress. Same results as parseCsvLedger + valueOffer.
 */
import Papa from "papaparse";
import { LedgerReader, LedgerResult, SourceRow } from "../ledger/parseLedger";
import { ColumnMapping } from "../ledger/columns";
import { RawCell } from "../ledger/values";
import { OfferTerms } from "./offerTerms";
import { OfferValuation, startValuation } from "./valueOffer";

/** Where the work is: "import" (rows read so far) or "value" (grants valued of total). */
export interface PipelineProgress {
  phase: "import" | "value";
  done: number;
  total: number;
}

export interface PipelineOptions {
  onProgress?: (p: PipelineProgress) => void;
  /** Yield to the UI after this many milliseconds of work (default 50). */
  sliceMs?: number;
  /** How to yield (default: a macrotask via setTimeout). */
  yieldToUi?: () => Promise<void>;
  /** The user's column mapping, when the detected one was fixed. */
  mapping?: ColumnMapping;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads CSV text in chunks, yielding between chunks. */
export async function importCsvInSlices(text: string, options: PipelineOptions = {}): Promise<LedgerResult> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const yieldToUi = options.yieldToUi ?? defaultYield;
  let reader: LedgerReader | undefined;
  let line = 1;
  let linebreak = "\n";
  const total = body.length;
  return new Promise<LedgerResult>((resolve, reject) => {
    const config = {
      header: false,
      skipEmptyLines: false,
      chunkSize: 256 * 1024,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        parser.pause();
        try {
          if (results.meta.linebreak === "\r") linebreak = "\r";
          for (const cells of results.data) {
            if (reader === undefined) {
              if (!cells.every((c) => c.trim() === "")) reader = new LedgerReader(cells, options.mapping, line);
            } else reader.add(line, cells);
            line++;
            for (const c of cells) for (let i = c.indexOf(linebreak); i !== -1; i = c.indexOf(linebreak, i + 1)) line++;
          }
          options.onProgress?.({ phase: "import", done: Math.min(results.meta.cursor, total), total });
        } catch (error) {
          reject(error);
          return;
        }
        yieldToUi().then(() => parser.resume(), reject);
      },
      complete: () => resolve((reader ?? new LedgerReader([], options.mapping)).finish()),
      error: (error: Error) => reject(error),
    };
    Papa.parse<string[]>(body, config as unknown as Papa.ParseConfig<string[]>);
  });
}

/** Reads worksheet values (first row = header, worksheet row numbers from `firstRow`) in slices. */
export async function importValuesInSlices(values: RawCell[][], firstRow = 1, options: PipelineOptions = {}): Promise<LedgerResult> {
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const sliceMs = options.sliceMs ?? 50;
  const reader = new LedgerReader(values[0] ?? [], options.mapping, firstRow);
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
  const state = startValuation(ledger.grants, terms);
  const total = ledger.grants.length;
  for (;;) {
    const started = Date.now();
    let finished = false;
    while (!finished && Date.now() - started < sliceMs) finished = state.step(2048);
    options.onProgress?.({ phase: "value", done: state.done(), total });
    if (finished) break;
    await yieldToUi();
  }
  return state.finish();
}

export type { SourceRow };
