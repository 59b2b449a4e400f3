/**
 * The election log (issue 9, section 1): one line per line of a form received, read by the generic
 * table reader ({@link ELECTION_LOG_SCHEMA}), then assembled into forms ({@link assembleForms}).
 *
 * A line that cannot be read with certainty is that line's error, naming the line, the column and
 * what was typed: a receipt with no time of day (a date alone cannot be placed against a 5:00 p.m.
 * deadline), a serial whose decimals do not fix the second, a local time the offer's zone skips or
 * repeats, a line that disagrees with its form's first line. Counts reconcile at every step:
 * lines in = accepted + rejected.
 *
 * Times: a receipt with a written offset (`2003-07-24T17:00:00-07:00`, `...Z`) is that instant; one
 * without is a wall-clock time in the offer's zone (the log is kept where the offer is
 * administered), whether written as text or as an Excel serial with a fraction (a worksheet cell).
 */
import { serialToIso } from "../dates/serial";
import { ByteOpener, ByteReadOptions, CsvReadOptions, CsvRowImport, importRowsBytes, parseCsvRows, RowSinkFactory } from "../tables/csvImport";
import { RowRuleFactory, TableSchema } from "../tables/schema";
import { SourceRow, TableReader, TableReadOptions, TableResult, TableRowError } from "../tables/tableReader";
import { cellText, quoteTyped, RawCell } from "../tables/values";
import { ElectionForm, FormType, LogSummary, TenderLine } from "./types";
import { CHANNEL_VOCABULARY, FORM_TYPE_VOCABULARY } from "./vocabulary";
import { isoInZone, isTimeZone, localToInstant, offsetAt, offsetText, serialAsUtc, utcAsSerial } from "./zonedTime";

/** The log's canonical columns, in the order they are listed. */
export const LOG_COLUMNS = ["form_id", "holder_id", "form_type", "grant_id", "shares", "signed_at", "received_at", "channel"] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

/**
 * Export headers for each column (the canonical name always matches too). The bundled sample's
 * header, `Form ID,Employee ID,Form Type,Grant Number,Shares,Signed,Received,Channel`, maps one
 * header a column.
 */
export const LOG_COLUMN_ALIASES: Readonly<Record<LogColumn, readonly string[]>> = {
  form_id: ["Form ID", "Form Number", "Form No", "Form #", "Confirmation Number", "Confirmation No", "Document ID", "Reference"],
  holder_id: ["Employee ID", "Employee Number", "Participant ID", "Holder ID", "Optionee ID", "Personnel Number"],
  form_type: ["Form Type", "Form", "Type", "Document Type", "Election Type"],
  grant_id: ["Grant Number", "Grant No", "Grant #", "Option Number", "Grant ID", "Award ID"],
  shares: ["Shares", "Shares Tendered", "Options Tendered", "Number of Shares", "Shares Elected"],
  signed_at: ["Signed", "Date Signed", "Signature Date", "Signed At", "Signed On", "Date of Signature"],
  received_at: ["Received", "Received At", "Date Received", "Time Received", "Received On", "Receipt Time", "Date/Time Received"],
  channel: ["Channel", "Method", "Delivery Method", "Received Via", "Delivered By", "Delivery"],
};

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** A date-time cell as typed, for a message: text quoted, a worksheet serial with its date. */
function shownCell(cell: RawCell, serial: number): string {
  if (typeof cell === "number") return `${cell} (${wallText(serial)})`;
  return quoteTyped(cellText(cell));
}

/** A wall-clock serial as text: "2003-07-24", "2003-07-24 17:00", "2003-07-24 16:59:59", "... 16:59:59.250". */
export function wallText(serial: number, time = serial % 1 !== 0): string {
  let day = Math.floor(serial);
  let ms = Math.round((serial - day) * MS_PER_DAY);
  if (ms === MS_PER_DAY) {
    day++;
    ms = 0;
  }
  const date = serialToIso(day);
  if (!time) return date;
  const p = (x: number, w = 2) => String(x).padStart(w, "0");
  const s = Math.floor(ms / 1000);
  let out = `${date} ${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}`;
  if (ms % 60_000 !== 0) out += `:${p(s % 60)}`;
  if (ms % 1000 !== 0) out += `.${p(ms % 1000, 3)}`;
  return out;
}

/**
 * A serial with a fraction fixes a time only as finely as its decimals: "37826.7083333" (7
 * decimals, +-4.3 ms) is 5:00:00 p.m. written short, not 4:59:59.997 p.m. Returns the serial at the
 * whole second its decimals point to (the value itself when it is a whole second, or when the
 * decimals are fine enough to mean a fraction of a second), or NaN when the decimals leave more
 * than one whole second possible ("37826.7083": 4:59:52.8 to 5:00:01.4 p.m.).
 * @param typed the serial as typed (a worksheet number: its shortest decimal form)
 */
export function serialToTheSecond(typed: string, serial: number): number {
  const dot = typed.indexOf(".");
  if (dot < 0) return serial;
  const day = Math.floor(serial);
  const ms = Math.round((serial - day) * MS_PER_DAY);
  if (ms % 1000 === 0) return serial;
  const exact = (Number(typed) - day) * MS_PER_DAY;
  const half = 0.5 * Math.pow(10, -(typed.length - dot - 1)) * MS_PER_DAY;
  const low = Math.ceil((exact - half) / 1000);
  const high = Math.floor((exact + half) / 1000);
  if (high < low) return serial; // no whole second within the decimals' reach: a fraction of a second was meant
  if (high === low) return day + (low * 1000) / MS_PER_DAY;
  return NaN;
}

/** A serial as typed: text of digits with a fraction, or a worksheet number's shortest decimal form; undefined for other text. */
function typedSerial(cell: RawCell): string | undefined {
  if (typeof cell === "number") return String(cell);
  if (typeof cell !== "string") return undefined;
  const t = cell.trim();
  return /^\d+\.\d+$/.test(t) ? t : undefined;
}

/**
 * Whether a cell read as a date-time at a whole day (midnight) has a time written: a text one does
 * when it has a colon (every time of day has one, no date does); a worksheet number never does.
 */
function writtenTime(cell: RawCell): boolean {
  return typeof cell === "string" && cell.indexOf(":") >= 0;
}

/**
 * The log's row rule, reading the date-time cells as typed: a date with no time is told from
 * midnight, and a serial is read to the second its decimals fix.
 */
function logRowRule(): RowRuleFactory<LogColumn> {
  return (at) => {
    const signed = at.column("signed_at");
    const received = at.column("received_at");
    const grant = at.column("grant_id");
    const shares = at.column("shares");
    const signedTime = at.flag("signed_time");
    return (row) => {
      const r = row.number(received);
      if (r === r) {
        const cell = row.cell(received);
        const serialText = typedSerial(cell);
        if (r % 1 === 0 && !writtenTime(cell)) {
          row.fail(
            received,
            `received at ${shownCell(cell, r)} has no time of day: a date alone cannot be placed against the offer's deadline (a time on the expiration date, such as 5:00 p.m.); write the date and time received`,
          );
        } else if (serialText !== undefined) {
          const v = serialToTheSecond(serialText, r);
          if (v !== v) row.fail(received, `received at ${shownCell(cell, r)} ${vagueSerial(serialText, r)}`);
          else if (v !== r) row.setNumber(received, v);
        }
      }
      const s = row.number(signed);
      if (s === s) {
        const cell = row.cell(signed);
        const timeOfDay = s % 1 !== 0 || writtenTime(cell);
        if (timeOfDay) row.setFlag(signedTime);
        const serialText = timeOfDay ? typedSerial(cell) : undefined;
        if (serialText !== undefined) {
          const v = serialToTheSecond(serialText, s);
          if (v !== v) row.fail(signed, `signed at ${shownCell(cell, s)} ${vagueSerial(serialText, s)}`);
          else if (v !== s) row.setNumber(signed, v);
        }
      }
      const n = row.number(shares);
      if (n === n && row.blank(grant)) {
        row.fail(shares, `shares ${n} is given with no grant id on the line: which grant it is for cannot be known`);
      }
    };
  };
}

/** Why a serial's decimals do not fix the second. */
function vagueSerial(typed: string, serial: number): string {
  const decimals = typed.length - typed.indexOf(".") - 1;
  const day = Math.floor(serial);
  const exact = Number(typed);
  const half = 0.5 * Math.pow(10, -decimals);
  const seconds = (half * MS_PER_DAY) / 1000;
  return (
    `gives the time only to within ${seconds.toLocaleString("en-US", { maximumFractionDigits: 2 })} seconds either way (its ${decimals} decimals: ` +
    `${wallText(exact - half, true)} to ${wallText(exact + half, true)}), which may be either side of a deadline: write the time (${serialToIso(day)} hh:mm:ss) or at least 5 decimals`
  );
}

/**
 * The election log as a table. Row rules: `received_at` must have a time of day; a serial's
 * decimals must fix the second; `shares` needs a `grant_id` on its line. The flag `signed_time` is
 * set when `signed_at` has a time of day. Any table reader reads it the same way (the rule sees
 * the cells as typed through `row.cell`).
 */
export const ELECTION_LOG_SCHEMA: TableSchema<LogColumn> = {
  name: "election log",
  columns: [
    { name: "form_id", label: "form id", aliases: LOG_COLUMN_ALIASES.form_id, kind: "text", intern: true, required: true },
    { name: "holder_id", label: "holder id", aliases: LOG_COLUMN_ALIASES.holder_id, kind: "text", intern: true, required: true },
    { name: "form_type", label: "form type", aliases: LOG_COLUMN_ALIASES.form_type, kind: "enum", enumeration: FORM_TYPE_VOCABULARY, required: true },
    { name: "grant_id", label: "grant id", aliases: LOG_COLUMN_ALIASES.grant_id, kind: "text" },
    { name: "shares", label: "shares", aliases: LOG_COLUMN_ALIASES.shares, kind: "integer" },
    { name: "signed_at", label: "signed at", aliases: LOG_COLUMN_ALIASES.signed_at, kind: "datetime", required: true },
    { name: "received_at", label: "received at", aliases: LOG_COLUMN_ALIASES.received_at, kind: "datetime", required: true },
    { name: "channel", label: "channel", aliases: LOG_COLUMN_ALIASES.channel, kind: "enum", enumeration: CHANNEL_VOCABULARY, required: true },
  ],
  flags: ["signed_time"],
  rowRule: logRowRule(),
};

/** How to map a log's header: the pane's whole mapping, or `--map` choices over the detected one. */
export type ElectionLogReadOptions = TableReadOptions<LogColumn>;

/** Reads log lines one at a time (a file in pieces, or worksheet rows) with {@link ELECTION_LOG_SCHEMA}. */
export class ElectionLogReader extends TableReader<LogColumn> {
  /**
   * @param header the header row's cells
   * @param options the user's mapping or choices (default: detected)
   * @param headerLine the header's line or worksheet row
   * @param fieldCount check that every record has as many fields as the header (CSV)
   */
  constructor(header: readonly RawCell[], options: ElectionLogReadOptions = {}, headerLine = 1, fieldCount = false) {
    super(ELECTION_LOG_SCHEMA, header, options, headerLine, fieldCount);
  }
}

/** The log's reader for a CSV file's header (records' field counts checked against it). */
export function electionLogCsvReader(options: ElectionLogReadOptions = {}): RowSinkFactory<TableResult<LogColumn>> {
  return (header, headerLine) => new ElectionLogReader(header, options, headerLine, header.length > 0);
}

export interface ElectionLogCsvOptions extends CsvReadOptions, ElectionLogReadOptions {}

/** CSV text, pushed in pieces (the pane's progress), read into an election log. */
export class CsvElectionLogImport extends CsvRowImport<TableResult<LogColumn>> {
  constructor(options: ElectionLogCsvOptions = {}, encoding = "text") {
    super(electionLogCsvReader(options), options, encoding);
  }
}

/**
 * Reads an election log from CSV text (delimiter detected; quotes; any line breaks; a BOM dropped).
 * @example parseCsvElectionLog("Form ID,Employee ID,Form Type,Grant Number,Shares,Signed,Received,Channel\nF1,E1,Election Form,G1,,2003-07-20,2003-07-24 16:59,Fax\n").accepted === 1
 */
export function parseCsvElectionLog(text: string, options: ElectionLogCsvOptions = {}): TableResult<LogColumn> {
  return parseCsvRows(text, electionLogCsvReader(options), options);
}

/**
 * Reads an election log file from its bytes, in any encoding the ledger reads (UTF-8, UTF-16 with
 * or without a byte order mark, Windows-1252), reported in `source.encoding`.
 */
export function importElectionLogBytes(open: ByteOpener, options: ByteReadOptions & ElectionLogReadOptions = {}): Promise<TableResult<LogColumn>> {
  return importRowsBytes(open, electionLogCsvReader(options), options);
}

/**
 * Reads log lines from worksheet values (numbers are serials, with a fraction for the time).
 * @param header the header row's cells (row `headerLine`)
 * @param records the data rows, each with its row number
 */
export function readElectionLogRows(header: readonly RawCell[], records: Iterable<SourceRow>, options: ElectionLogReadOptions = {}, headerLine = 1): TableResult<LogColumn> {
  const reader = new ElectionLogReader(header, options, headerLine);
  for (const { line, cells } of records) reader.add(line, cells);
  return reader.finish();
}

// ---------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------

/**
 * Wall-clock times <-> instants in one zone, fast: a day with one UTC offset throughout (and a day
 * either side) is converted by that offset, looked up once; a day near a change of offset goes
 * through {@link localToInstant}, which says when a time is skipped or repeated.
 */
class ZoneClock {
  private readonly localDays = new Map<number, number>();
  private readonly utcDays = new Map<number, number>();

  constructor(readonly zone: string) {}

  /** The one offset in force from `from` to `to` (probed every 6 hours), or NaN when it changes. */
  private steady(from: number, to: number): number {
    const offset = offsetAt(this.zone, from);
    for (let t = from + 6 * 3_600_000; t <= to; t += 6 * 3_600_000) if (offsetAt(this.zone, t) !== offset) return NaN;
    return offset;
  }

  /** The instant of a wall-clock serial; NaN when it is skipped or repeated (see {@link localToInstant}). */
  instant(serial: number): number {
    const day = Math.floor(serial);
    let offset = this.localDays.get(day);
    if (offset === undefined) {
      const start = wallMs(day);
      // the day's wall times are instants within 14 hours of it either way
      offset = this.steady(start - MS_PER_DAY, start + 2 * MS_PER_DAY);
      this.localDays.set(day, offset);
    }
    if (offset === offset) return wallMs(serial) - offset * MS_PER_MINUTE;
    const exact = localToInstant(serial, this.zone);
    return exact.kind === "instant" ? exact.instant : NaN;
  }

  /** The wall-clock serial of an instant in the zone. */
  wall(instant: number): number {
    const day = Math.floor(instant / MS_PER_DAY);
    let offset = this.utcDays.get(day);
    if (offset === undefined) {
      offset = this.steady(day * MS_PER_DAY, (day + 1) * MS_PER_DAY);
      this.utcDays.set(day, offset);
    }
    if (offset !== offset) offset = offsetAt(this.zone, instant);
    return utcAsSerial(instant + offset * MS_PER_MINUTE);
  }
}

/** Excel's serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** {@link serialAsUtc} without the calendar: from 1900-03-01 (serial 61) on, serials count days evenly. */
function wallMs(serial: number): number {
  const day = Math.floor(serial);
  if (day < 61) return serialAsUtc(serial);
  return (day - UNIX_EPOCH_SERIAL) * MS_PER_DAY + Math.round((serial - day) * MS_PER_DAY);
}

/** Why a local time cannot be placed: the zone skips or repeats it; both readings, and how to choose. */
function unplaceable(serial: number, zone: string): string {
  const shown = wallText(serial, true);
  const iso = shown.replace(" ", "T") + (shown.length === 16 ? ":00" : "");
  const wall = serialAsUtc(serial);
  const exact = localToInstant(serial, zone);
  if (exact.kind === "repeated") {
    const first = offsetAt(zone, exact.earlier);
    const second = offsetAt(zone, exact.later);
    return (
      `received at ${shown} happens twice in ${zone} (the clocks went back from ${offsetText(first)} to ${offsetText(second)}): ` +
      `${iso}${offsetText(first)} or, ${minutesText(first - second)} later, ${iso}${offsetText(second)}; write the offset to choose`
    );
  }
  const before = offsetAt(zone, wall - MS_PER_DAY);
  const after = offsetAt(zone, wall + MS_PER_DAY);
  return (
    `received at ${shown} does not exist in ${zone} (the clocks went forward from ${offsetText(before)} to ${offsetText(after)}): ` +
    `read at ${offsetText(before)} it is ${isoInZone(wall - before * MS_PER_MINUTE, zone)}, at ${offsetText(after)} it is ` +
    `${isoInZone(wall - after * MS_PER_MINUTE, zone)}; write the offset to choose (${iso}${offsetText(before)} or ${iso}${offsetText(after)})`
  );
}

function minutesText(minutes: number): string {
  return minutes % 60 === 0 ? (minutes === 60 ? "an hour" : `${minutes / 60} hours`) : `${minutes} minutes`;
}

const LABELS: Readonly<Record<LogColumn, string>> = Object.fromEntries(ELECTION_LOG_SCHEMA.columns.map((c) => [c.name, c.label])) as Record<LogColumn, string>;

/**
 * A line that disagrees with its form's first line (`form.lines[0]`): the line's error, and a
 * clause of the form's sentence.
 */
function differ(errors: TableRowError<LogColumn>[], clauses: string[], form: ElectionForm, line: number, column: LogColumn, mine: string, theirs: string): void {
  const label = LABELS[column];
  const first = form.lines[0];
  errors.push({ row: line, column, message: `form ${form.formId}: ${label} ${mine} differs from ${theirs} on line ${first}, the form's first line` });
  clauses.push(`line ${line} gives ${label} ${mine} where line ${first} gives ${theirs}`);
}

/**
 * The columns of a log's accepted lines, to go through them by index: text as interned codes or
 * strings, shares as numbers (NaN: none), times as serials with their written offset (NaN: none),
 * and whether the signature gave a time of day (1).
 */
export function logColumns(table: TableResult<LogColumn>["table"]) {
  return {
    formIds: table.interned("form_id"),
    holders: table.interned("holder_id"),
    types: table.interned("form_type"),
    grants: table.text("grant_id"),
    shares: table.numbers("shares"),
    signed: table.datetimes("signed_at"),
    received: table.datetimes("received_at"),
    channels: table.interned("channel"),
    signedTime: table.flag("signed_time"),
  };
}

/**
 * Turns a log's accepted lines into forms. Lines with one form id are one form, in the order of
 * their first line; they must agree on holder, form type, signature, receipt and channel (a line
 * that disagrees with the form's first line is that line's error, and the form is marked
 * inconsistent). A receipt without an offset is a wall-clock time in `timeZone`; one the zone skips
 * or repeats is that line's error. Lines rejected here leave `accepted` for `rejected`.
 * @param result the log as read ({@link parseCsvElectionLog}, {@link importElectionLogBytes}, {@link readElectionLogRows})
 * @param timeZone the offer's IANA zone ("America/Los_Angeles")
 */
export function assembleForms(result: TableResult<LogColumn>, timeZone: string): { forms: ElectionForm[]; log: LogSummary } {
  const assembly = startAssembly(result, timeZone);
  while (!assembly.step(1 << 30));
  return assembly.finish();
}

/** {@link assembleForms} a slice of lines at a time (the pane): `step(n)` assembles n more lines, true when all are. */
export function startAssembly(result: TableResult<LogColumn>, timeZone: string): { step: (n: number) => boolean; done: () => number; total: number; finish: () => { forms: ElectionForm[]; log: LogSummary } } {
  if (!isTimeZone(timeZone)) throw new Error(`unknown time zone ${JSON.stringify(timeZone)}: expected an IANA zone such as "America/Los_Angeles"`);
  const clock = new ZoneClock(timeZone);
  const table = result.table;
  const n = table.length;
  const lines = table.line;
  const { formIds, holders, types, grants, shares, signed, received, channels, signedTime } = logColumns(table);

  const formOf = new Int32Array(formIds.values.length).fill(-1);
  const forms: ElectionForm[] = [];
  /** Per inconsistent form (by index): its lines' disagreements, for its sentence. */
  const disagreements = new Map<number, string[]>();
  const errors: TableRowError<LogColumn>[] = [];
  let rejected = 0;

  let next = 0;
  const step = (count: number): boolean => {
    const end = Math.min(n, next + count);
    for (let i = next; i < end; i++) {
      const line = lines[i];
      // the receipt: an instant, written or in the offer's zone
      const rSerial = received.values[i];
      const rOffset = received.offsetMinutes[i];
      const receivedAt = rOffset === rOffset ? wallMs(rSerial) - rOffset * MS_PER_MINUTE : clock.instant(rSerial);
      if (receivedAt !== receivedAt) {
        errors.push({ row: line, column: "received_at", message: unplaceable(rSerial, timeZone) });
        rejected++;
        continue;
      }
      // the signature: wall clock in the offer's zone
      const sOffset = signed.offsetMinutes[i];
      const signedAt = sOffset === sOffset ? clock.wall(wallMs(signed.values[i]) - sOffset * MS_PER_MINUTE) : signed.values[i];
      const timed = signedTime[i] === 1;
      const holderId = holders.values[holders.codes[i]];
      const type = types.values[types.codes[i]] as FormType;
      const channel = channels.values[channels.codes[i]];

      const code = formIds.codes[i];
      let f = formOf[code];
      if (f < 0) {
        f = forms.length;
        formOf[code] = f;
        forms.push({ formId: formIds.values[code], holderId, type, signedAt, signedTime: timed, receivedAt, channel, lines: [], tenders: [], ignoredGrantIds: [] });
      } else {
        // the form's first line is the one its values came from
        const form = forms[f];
        if (holderId !== form.holderId || type !== form.type || signedAt !== form.signedAt || timed !== form.signedTime || receivedAt !== form.receivedAt || channel !== form.channel) {
          let clauses = disagreements.get(f);
          if (clauses === undefined) disagreements.set(f, (clauses = []));
          if (holderId !== form.holderId) differ(errors, clauses, form, line, "holder_id", holderId, form.holderId);
          if (type !== form.type) differ(errors, clauses, form, line, "form_type", type, form.type);
          if (signedAt !== form.signedAt || timed !== form.signedTime) differ(errors, clauses, form, line, "signed_at", wallText(signedAt, timed), wallText(form.signedAt, form.signedTime));
          if (receivedAt !== form.receivedAt) differ(errors, clauses, form, line, "received_at", isoInZone(receivedAt, timeZone), isoInZone(form.receivedAt, timeZone));
          if (channel !== form.channel) differ(errors, clauses, form, line, "channel", channel, form.channel);
          form.inconsistency = `Form ${form.formId}'s lines disagree (${clauses.join("; ")}): which is right cannot be known, so the form is not valid.`;
          rejected++;
          continue;
        }
      }
      const form = forms[f];
      form.lines.push(line);
      const grantId = grants.get(i);
      if (grantId !== "") {
        if (form.type === "election") {
          const tender: TenderLine = { line, grantId };
          const s = shares[i];
          if (s === s) tender.shares = s;
          form.tenders.push(tender);
        } else {
          form.ignoredGrantIds.push(grantId);
        }
      }
    }

    next = end;
    return next >= n;
  };

  const finish = () => {
    const allErrors = errors.length === 0 ? result.errors : [...result.errors, ...errors].sort((a, b) => a.row - b.row);
    const mapping: Record<string, number> = {};
    for (const [column, index] of Object.entries(result.mapping)) if (index !== undefined) mapping[column] = index as number;
    const log: LogSummary = {
      rows: result.rows,
      accepted: result.accepted - rejected,
      rejected: result.rejected + rejected,
      errors: allErrors.map((e) => ({ row: e.row, column: e.column, message: e.message })),
      headers: result.headers,
      mapping,
      unmapped: result.unmapped,
      conflicts: result.conflicts.map((c) => ({ column: c.column, candidates: c.headers })),
  };
  if (result.source) log.source = result.source;
  if (result.stopped !== undefined) log.stopped = result.stopped;
  return { forms, log };
  };
  return { step, done: () => next, total: n, finish };
}
