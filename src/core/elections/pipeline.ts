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
import { TableReader, TableReadOptions, TableResult } from "../tables/tableReader";
import { RawCell } from "../tables/values";
import { ByteReadOptions } from "../tables/csvImport";
import { ElectionLogReader, importElectionLogBytes, LogColumn, startAssembly } from "./log";
import { importRosterBytes, rosterIndex, RosterColumn, RosterReader } from "./roster";
import { RosterEntry, startTally } from "./tally";
import { ElectionResults } from "./types";

/** A table to read: a file's bytes, or a worksheet's values (first row = header). */
export type LogInput = { kind: "file"; file: ByteSource; name: string } | { kind: "values"; values: RawCell[][]; firstRow: number; name: string };

export interface ElectionsProgress {
  phase: "log" | "roster" | "forms" | "tally";
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

/** Something done a slice at a time: `step(n)` does n more units, true when all are done. */
interface Stepper {
  step(n: number): boolean;
  done(): number;
  total: number;
}

/** Steps until done, handing control back after each `sliceMs` of work and reporting progress. */
async function drive(stepper: Stepper, phase: ElectionsProgress["phase"], options: ElectionsOptions): Promise<void> {
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const sliceMs = options.sliceMs ?? 50;
  for (;;) {
    const started = Date.now();
    let finished = stepper.step(1024);
    while (!finished && Date.now() - started < sliceMs) finished = stepper.step(1024);
    options.onProgress?.({ phase, done: stepper.done(), total: stepper.total });
    await yieldToUi();
    if (finished) return;
  }
}

async function readInSlices<C extends string>(
  input: LogInput,
  phase: "log" | "roster",
  bytes: (open: () => AsyncIterable<Uint8Array>, options: ByteReadOptions & TableReadOptions<C>) => Promise<TableResult<C>>,
  reader: (header: readonly RawCell[], options: TableReadOptions<C>, headerLine: number) => TableReader<C>,
  overrides: TableReadOptions<C>["overrides"],
  options: ElectionsOptions,
): Promise<TableResult<C>> {
  const yieldToUi = options.yieldToUi ?? defaultYield;
  const sliceMs = options.sliceMs ?? 50;
  let started = Date.now();
  if (input.kind === "file") {
    const file = input.file;
    const chunk = 256 * 1024;
    const result = await bytes(
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
    await yieldToUi();
    return result;
  }
  // worksheet values: rows read a slice at a time
  const { values, firstRow } = input;
  const table = reader(values[0] ?? [], { overrides }, firstRow);
  let r = 1;
  await drive(
    {
      step(n) {
        const end = Math.min(values.length, r + n);
        for (; r < end; r++) table.add(firstRow + r, values[r]);
        return r >= values.length;
      },
      done: () => r - 1,
      total: Math.max(0, values.length - 1),
    },
    phase,
    options,
  );
  return table.finish();
}

/**
 * Reads the log (and roster) and applies the offer's rules in slices.
 * @throws OfferTermsError naming every OFFER.json field the elections need and the offer lacks
 */
export async function electionsInSlices(ledger: GrantTable, offer: OfferTerms, log: LogInput, options: ElectionsOptions = {}): Promise<ElectionsRun> {
  const terms = electionTerms(offer, "the elections");
  const logTable = await readInSlices<LogColumn>(log, "log", importElectionLogBytes, (h, o, l) => new ElectionLogReader(h, o, l), options.overrides, options);
  const rosterTable = options.roster ? await readInSlices<RosterColumn>(options.roster, "roster", importRosterBytes, (h, o, l) => new RosterReader(h, o, l), options.rosterOverrides, options) : undefined;
  const assembly = startAssembly(logTable, terms.timeZone);
  await drive(assembly, "forms", options);
  const { forms, log: summary } = assembly.finish();
  const roster = rosterTable ? rosterIndex(rosterTable.table) : undefined;
  const tally = startTally({ ledger, terms, forms, log: summary, roster });
  await drive(tally, "tally", options);
  return { results: tally.finish(), log: logTable, roster: rosterTable, rosterIndex: roster };
}
