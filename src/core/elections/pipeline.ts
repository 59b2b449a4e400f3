/**
 * The elections in slices for an interactive door (the task pane): the log (and the roster) read from
 * a file's bytes or a worksheet's values, the forms assembled and the rules applied, handing control
 * back after each slice of work and reporting progress. Same results as the CLI's reading +
 * tallyElections.
 */
import { GrantTable } from "../ledger/grantTable";
import { OfferTerms } from "../offer/offerTerms";
import { ByteSource } from "../offer/pipeline";
import { electionTerms } from "../offer/records";
import { TableReadOptions, TableResult } from "../tables/tableReader";
import { RawCell } from "../tables/values";
import { ByteReadOptions } from "../tables/csvImport";
import { assembleForms, importElectionLogBytes, LogColumn, readElectionLogRows } from "./log";
import { importRosterBytes, readRosterRows, rosterIndex, RosterColumn } from "./roster";
import { RosterEntry, startTally } from "./tally";
import { ElectionResults } from "./types";

/** A table to read: a file's bytes, or a worksheet's values (first row = header). */
export type LogInput = { kind: "file"; file: ByteSource; name: string } | { kind: "values"; values: RawCell[][]; firstRow: number; name: string };

export interface ElectionsProgress {
  phase: "log" | "roster" | "tally";
  done: number;
  total: number;
}

export interface ElectionsOptions {
  roster?: LogInput;
  onProgress?: (p: ElectionsProgress) => void;
  /** The log's column choices (the pane's mapping editor). */
  overrides?: TableReadOptions<LogColumn>["overrides"];
  rosterOverrides?: TableReadOptions<RosterColumn>["overrides"];
  /** Yield to the UI after this many milliseconds of work (default 50). */
  sliceMs?: number;
  /** How to yield (default: a macrotask via setTimeout). */
  yieldToUi?: () => Promise<void>;
}

/** What the pane keeps: the results, and the tables as read (for their row errors and mappings). */
export interface ElectionsRun {
  results: ElectionResults;
  log: TableResult<LogColumn>;
  roster?: TableResult<RosterColumn>;
  rosterIndex?: Map<string, RosterEntry>;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function readInSlices<C extends string>(
  input: LogInput,
  phase: "log" | "roster",
  bytes: (open: () => AsyncIterable<Uint8Array>, options: ByteReadOptions & TableReadOptions<C>) => Promise<TableResult<C>>,
  rows: (header: readonly RawCell[], records: Iterable<{ line: number; cells: RawCell[] }>, options: TableReadOptions<C>, headerLine: number) => TableResult<C>,
  overrides: TableReadOptions<C>["overrides"],
  options: ElectionsOptions,
): Promise<TableResult<C>> {
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const sliceMs = options.sliceMs ?? 50;
  let started = Date.now();
  if (input.kind === "file") {
    const file = input.file;
    const chunk = 256 * 1024;
    return bytes(
      async function* () {
        for (let at = 0; at < file.size; at += chunk) yield await file.read(at, Math.min(file.size, at + chunk));
      },
      {
        overrides,
        progress: async (bytesRead: number) => {
          if (Date.now() - started < sliceMs) return;
          options.onProgress?.({ phase, done: bytesRead, total: file.size });
          await yieldToUi();
          started = Date.now();
        },
      },
    );
  }
  // worksheet values are in memory already: read them at once (a worksheet holds at most ~1M rows of a few columns)
  const { values, firstRow } = input;
  const records = (function* () {
    for (let r = 1; r < values.length; r++) yield { line: firstRow + r, cells: values[r] };
  })();
  return rows(values[0] ?? [], records, { overrides }, firstRow);
}

/**
 * Reads the log (and roster) and applies the offer's rules in slices.
 * @throws OfferTermsError naming every OFFER.json field the elections need and the offer lacks
 */
export async function electionsInSlices(ledger: GrantTable, offer: OfferTerms, log: LogInput, options: ElectionsOptions = {}): Promise<ElectionsRun> {
  const terms = electionTerms(offer, "the elections");
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const sliceMs = options.sliceMs ?? 50;
  const logTable = await readInSlices<LogColumn>(log, "log", importElectionLogBytes, readElectionLogRows, options.overrides, options);
  const rosterTable = options.roster ? await readInSlices<RosterColumn>(options.roster, "roster", importRosterBytes, readRosterRows, options.rosterOverrides, options) : undefined;
  const { forms, log: summary } = assembleForms(logTable, terms.timeZone);
  const roster = rosterTable ? rosterIndex(rosterTable.table) : undefined;
  const tally = startTally({ ledger, terms, forms, log: summary, roster });
  for (;;) {
    const started = Date.now();
    let finished = tally.step(2048);
    while (!finished && Date.now() - started < sliceMs) finished = tally.step(2048);
    options.onProgress?.({ phase: "tally", done: tally.done(), total: tally.total });
    if (finished) break;
    await yieldToUi();
  }
  return { results: tally.finish(), log: logTable, roster: rosterTable, rosterIndex: roster };
}
