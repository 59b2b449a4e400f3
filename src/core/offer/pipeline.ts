/**
 * Import + valuation in slices for an interactive door (the task pane): after each slice it hands
 * control back (so the UI can paint) and reports progress. Same results as parseCsvLedger + valueOffer.
 */
import Papa from "papaparse";
import { CsvLedgerFeeder, LedgerReader, LedgerResult, withoutBom } from "../ledger/parseLedger";
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
  const body = withoutBom(text);
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const feeder = new CsvLedgerFeeder(options.mapping);
  return new Promise<LedgerResult>((resolve, reject) => {
    const config = {
      header: false,
      skipEmptyLines: false,
      chunkSize: 256 * 1024,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        parser.pause();
        try {
          feeder.feed(results);
          options.onProgress?.({ phase: "import", done: Math.min(results.meta.cursor, body.length), total: body.length });
        } catch (error) {
          reject(error);
          return;
        }
        yieldToUi().then(() => parser.resume(), reject);
      },
      complete: () => resolve(feeder.finish()),
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
    let finished = state.step(2048);
    while (!finished && Date.now() - started < sliceMs) finished = state.step(2048);
    options.onProgress?.({ phase: "value", done: state.done(), total });
    if (finished) break;
    await yieldToUi();
  }
  return state.finish();
}

