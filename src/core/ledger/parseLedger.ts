/**
 * Option ledger import: rows of cells (from a CSV file or a worksheet) -> grants, with a row-level
 * error for every record that cannot be used. Rows in = accepted + rejected, always; one bad row never
 * stops the rest. The ledger is one table schema ({@link LEDGER_SCHEMA}) read by the generic
 * {@link TableReader}; its grants are stored by column ({@link GrantTable}).
 */
import { TableOutcome, TableReader, TableReadOptions, TableResult, TableRowError, TableSource } from "../tables/tableReader";
import { Column, LEDGER_SCHEMA } from "./columns";
import { Grant, GrantTable } from "./grantTable";
import { RawCell } from "./values";

export { isBlankRow } from "../tables/tableReader";
export type { SourceRow } from "../tables/tableReader";
export { GrantTable } from "./grantTable";
export type { Grant } from "./grantTable";

/** Why a record was rejected. */
export type RowError = TableRowError<Column>;

/** How a file's bytes were read (absent for worksheet ranges and text handed in as text). */
export type LedgerSource = TableSource;

/** The import's outcome. */
export interface LedgerResult extends TableOutcome<Column> {
  /** The accepted grants by column: what the valuation should read. */
  table: GrantTable;
  /**
   * The accepted grants as objects, built from `table` on first use (for code not yet reading the
   * columns; one object per grant).
   */
  grants: Grant[];
}

/** Whether the header could be mapped (every required column, no conflict): otherwise nothing is valued. */
export function mappingReady(result: TableOutcome<string>): boolean {
  return result.headers.length > 0 && result.conflicts.length === 0 && !result.errors.some((e) => e.row === result.headerLine);
}

/** How to map a header: the pane's whole mapping, or `--map` choices over the detected one. */
export type LedgerReadOptions = TableReadOptions<Column>;

/** A ledger result over a table read with {@link LEDGER_SCHEMA}; `grants` is built when first read. */
export function ledgerResult(result: TableResult<Column>): LedgerResult {
  const table = result.table instanceof GrantTable ? result.table : new GrantTable(result.table);
  const ledger = { ...result, table } as Omit<LedgerResult, "grants"> as LedgerResult;
  let grants: Grant[] | undefined;
  Object.defineProperty(ledger, "grants", {
    enumerable: true,
    configurable: true,
    get: () => (grants ??= table.toGrants()),
    set: (value: Grant[]) => {
      grants = value;
    },
  });
  return ledger;
}

/**
 * Validates records one at a time against a header's mapping, so a large file can be read in chunks
 * without holding all its rows.
 */
export class LedgerReader extends TableReader<Column> {
  /**
   * @param header the header row's cells
   * @param options the user's mapping or choices (default: detected)
   * @param headerLine the header's line or worksheet row
   * @param fieldCount check that every record has as many fields as the header (CSV)
   */
  constructor(header: readonly RawCell[], options: LedgerReadOptions = {}, headerLine = 1, fieldCount = false) {
    super(LEDGER_SCHEMA, header, options, headerLine, fieldCount);
  }

  /** The outcome (errors in line order). */
  finish(): LedgerResult {
    return ledgerResult(super.finish());
  }
}

/**
 * Validates records against a header's mapping (detected, or the user's).
 * @param header the header row's cells (line `headerLine`)
 * @param records the data rows, each with its line number
 */
export function readLedger(header: readonly RawCell[], records: Iterable<{ line: number; cells: RawCell[] }>, options: LedgerReadOptions = {}, headerLine = 1): LedgerResult {
  const reader = new LedgerReader(header, options, headerLine);
  for (const { line, cells } of records) reader.add(line, cells);
  return reader.finish();
}
