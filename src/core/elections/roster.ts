/**
 * The employee roster (optional input to the elections): who is employed, and until when. Its
 * termination dates decide eligibility (employed through the cancellation date) and the new grants
 * (employed on the new grant date). Read by the generic table reader ({@link ROSTER_SCHEMA}) with
 * row errors; {@link rosterIndex} looks holders up by id.
 *
 * A line whose status and date contradict each other is that line's error, never resolved by
 * guessing: "Terminated" with no date (the date decides), "Active" with a date (which is right
 * cannot be known).
 */
import { serialToIso } from "../dates/serial";
import { ByteOpener, ByteReadOptions, CsvReadOptions, CsvRowImport, importRowsBytes, parseCsvRows, RowSinkFactory } from "../tables/csvImport";
import { enumeration, Enumeration, RowRuleFactory, TableSchema } from "../tables/schema";
import { Table } from "../tables/table";
import { SourceRow, TableReader, TableReadOptions, TableResult } from "../tables/tableReader";
import { cellText, quoteTyped, RawCell } from "../tables/values";

/** The roster's canonical columns. */
export const ROSTER_COLUMNS = ["holder_id", "holder_name", "termination_date", "status"] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** An employee's status. */
export type RosterStatus = "active" | "terminated" | "leave";

/** Statuses and their spellings: closed (any other text is that line's error). */
export const ROSTER_STATUS_VOCABULARY: Enumeration = enumeration({
  active: ["Active", "A"],
  terminated: ["Terminated", "T", "Term"],
  leave: ["Leave", "LOA", "On Leave"],
});

/** Export headers for each column (the canonical name always matches too). */
export const ROSTER_COLUMN_ALIASES: Readonly<Record<RosterColumn, readonly string[]>> = {
  holder_id: ["Employee ID", "Employee Number", "Participant ID", "Holder ID", "Optionee ID", "Personnel Number"],
  holder_name: ["Name", "Employee Name", "Holder Name", "Participant Name", "Optionee Name", "Full Name"],
  termination_date: ["Termination Date", "Term Date", "Separation Date", "Last Day", "Last Day Worked", "End Date"],
  status: ["Status", "Employment Status", "Employee Status"],
};

/** The roster's row rule: status and termination date must agree (the status read from its cell as typed). */
function rosterRowRule(): RowRuleFactory<RosterColumn> {
  return (at) => {
    const termination = at.column("termination_date");
    const status = at.column("status");
    return (row) => {
      const text = cellText(row.cell(status));
      if (text === "") return;
      const value = ROSTER_STATUS_VOCABULARY.normalize(text);
      if (value === "terminated" && row.blank(termination)) {
        row.fail(
          termination,
          `termination date is missing: status ${quoteTyped(text)} needs the date (eligibility turns on employment through the cancellation date, the new grants on employment on the new grant date)`,
        );
      } else if (value === "active") {
        const date = row.number(termination);
        if (date === date) {
          row.fail(status, `status ${quoteTyped(text)} with termination date ${serialToIso(date)}: which is right cannot be known; blank the date or change the status`);
        }
      }
    };
  };
}

/**
 * The roster as a table: a unique holder id (a repeated id is the later line's error), a name, a
 * termination date and a status, which must agree (the rule reads the status cell as typed).
 */
export const ROSTER_SCHEMA: TableSchema<RosterColumn> = {
  name: "roster",
  columns: [
    { name: "holder_id", label: "holder id", aliases: ROSTER_COLUMN_ALIASES.holder_id, kind: "text", required: true, unique: true },
    { name: "holder_name", label: "holder name", aliases: ROSTER_COLUMN_ALIASES.holder_name, kind: "text" },
    { name: "termination_date", label: "termination date", aliases: ROSTER_COLUMN_ALIASES.termination_date, kind: "date" },
    { name: "status", label: "status", aliases: ROSTER_COLUMN_ALIASES.status, kind: "enum", enumeration: ROSTER_STATUS_VOCABULARY },
  ],
  rowRule: rosterRowRule(),
};

/** How to map a roster's header: the pane's whole mapping, or `--map` choices over the detected one. */
export type RosterReadOptions = TableReadOptions<RosterColumn>;

/** Reads roster lines one at a time (a file in pieces, or worksheet rows) with {@link ROSTER_SCHEMA}. */
export class RosterReader extends TableReader<RosterColumn> {
  /**
   * @param header the header row's cells
   * @param options the user's mapping or choices (default: detected)
   * @param headerLine the header's line or worksheet row
   * @param fieldCount check that every record has as many fields as the header (CSV)
   */
  constructor(header: readonly RawCell[], options: RosterReadOptions = {}, headerLine = 1, fieldCount = false) {
    super(ROSTER_SCHEMA, header, options, headerLine, fieldCount);
  }
}

/** The roster's reader for a CSV file's header (records' field counts checked against it). */
export function rosterCsvReader(options: RosterReadOptions = {}): RowSinkFactory<TableResult<RosterColumn>> {
  return (header, headerLine) => new RosterReader(header, options, headerLine, header.length > 0);
}

export interface RosterCsvOptions extends CsvReadOptions, RosterReadOptions {}

/** CSV text, pushed in pieces, read into a roster. */
export class CsvRosterImport extends CsvRowImport<TableResult<RosterColumn>> {
  constructor(options: RosterCsvOptions = {}, encoding = "text") {
    super(rosterCsvReader(options), options, encoding);
  }
}

/**
 * Reads a roster from CSV text.
 * @example parseCsvRoster("Employee ID,Name,Termination Date,Status\nE1,Ann,2003-12-31,Terminated\n").accepted === 1
 */
export function parseCsvRoster(text: string, options: RosterCsvOptions = {}): TableResult<RosterColumn> {
  return parseCsvRows(text, rosterCsvReader(options), options);
}

/** Reads a roster file from its bytes, in any encoding the ledger reads. */
export function importRosterBytes(open: ByteOpener, options: ByteReadOptions & RosterReadOptions = {}): Promise<TableResult<RosterColumn>> {
  return importRowsBytes(open, rosterCsvReader(options), options);
}

/** Reads roster lines from worksheet values. */
export function readRosterRows(header: readonly RawCell[], records: Iterable<SourceRow>, options: RosterReadOptions = {}, headerLine = 1): TableResult<RosterColumn> {
  const reader = new RosterReader(header, options, headerLine);
  for (const { line, cells } of records) reader.add(line, cells);
  return reader.finish();
}

/** One employee of the roster. */
export interface RosterRecord {
  /** The roster's line (file) or row (worksheet). */
  line: number;
  holderName?: string;
  /** Excel serial of the last day employed; undefined = none given. */
  terminationDate?: number;
  status?: RosterStatus;
}

/** The roster's accepted lines by holder id (ids are unique: the reader rejected repeats). */
export function rosterIndex(table: Table<RosterColumn>): Map<string, RosterRecord> {
  const ids = table.text("holder_id");
  const names = table.text("holder_name");
  const dates = table.dates("termination_date");
  const status = table.interned("status");
  const index = new Map<string, RosterRecord>();
  for (let i = 0; i < table.length; i++) {
    const record: RosterRecord = { line: table.line[i] };
    const name = names.get(i);
    if (name !== "") record.holderName = name;
    if (dates[i] !== 0) record.terminationDate = dates[i];
    if (status.codes[i] !== 0) record.status = status.values[status.codes[i]] as RosterStatus;
    index.set(ids.get(i), record);
  }
  return index;
}
