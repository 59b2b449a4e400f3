/**
 * A consultant's hours log as a table (seed 001: "up to ten hours per month", $500 an hour beyond,
 * invoices paid within fifteen days): one line per month with the hours worked and, optionally, the
 * day the invoice was received. Read by the generic table reader ({@link HOURS_LOG_SCHEMA}) from a
 * CSV file or worksheet rows, with row errors naming the line, the column and what was typed; lines
 * in = accepted + rejected. {@link hoursLogMonths} turns the accepted lines into the terms' hours log.
 *
 * A month is written `2006-09`, `2006/09`, `9/2006`, `Sep 2006`, `September 2006`, `Sep-2006` or
 * Excel's `Sep-06` (format mmm-yy), or as a worksheet date on the month's first day (what a cell
 * formatted as a month holds). A day that is not the first (`2006-09-15`) is refused rather than
 * taken for its month: which month was meant by a day is not certain (an invoice date typed into the
 * wrong column looks the same). Hours are the number alone (14, 12.5), from 0 to 744 (a month's hours
 * at most): "14 hrs", "$14" or "12%" is refused.
 */
import { serialToIso, serialToYmd, ymdToSerial } from "../dates/serial";
import { ByteOpener, ByteReadOptions, CsvReadOptions, parseCsvRows, importRowsBytes, RowSinkFactory } from "../tables/csvImport";
import { RowRuleFactory, TableSchema } from "../tables/schema";
import { Table } from "../tables/table";
import { SourceRow, TableReader, TableReadOptions, TableResult } from "../tables/tableReader";
import { cellText, quoteTyped, RawCell } from "../tables/values";
import { MAX_MONTH_HOURS } from "./consultingFees";
import { ConsultingMonth, SeparationTerms } from "./types";

export const HOURS_LOG_COLUMNS = ["month", "hours", "invoice_date"] as const;
export type HoursLogColumn = (typeof HOURS_LOG_COLUMNS)[number];

/** Export headers for each column (the canonical name always matches too). */
export const HOURS_LOG_COLUMN_ALIASES: Readonly<Record<HoursLogColumn, readonly string[]>> = {
  month: ["Month", "Period", "Billing Month", "Service Month"],
  hours: ["Hours", "Hours Worked", "Consulting Hours", "Total Hours"],
  invoice_date: ["Invoice Date", "Invoice Received", "Date Received", "Received"],
};

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const FULL_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const MONTH_EXAMPLE = 'a month such as "2006-09", "9/2006" or "Sep 2006"';

/** The first day of the month a cell names, or why it names none. */
export function readMonth(cell: RawCell): { ok: true; value: number } | { ok: false; reason: string } | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "boolean") return { ok: false, reason: `${String(cell)} is not ${MONTH_EXAMPLE}` };
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2958465) return { ok: false, reason: `${cell} is not ${MONTH_EXAMPLE}` };
    const { day } = serialToYmd(cell);
    if (day !== 1) return { ok: false, reason: `the date ${serialToIso(cell)} is a day, not a month: write ${MONTH_EXAMPLE}` };
    return { ok: true, value: cell };
  }
  const t = cell.trim();
  if (t === "") return undefined;
  const month = (year: number, m: number) => (m >= 1 && m <= 12 && year >= 1900 && year <= 9999 ? { ok: true as const, value: ymdToSerial(year, m, 1) } : { ok: false as const, reason: `${quoteTyped(t)} is not a real month` });
  let g = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  if (g) return month(Number(g[1]), Number(g[2]));
  g = /^(\d{1,2})[-/](\d{4})$/.exec(t);
  if (g) return month(Number(g[2]), Number(g[1]));
  g = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (g) {
    if (Number(g[3]) === 1) return month(Number(g[1]), Number(g[2]));
    return { ok: false, reason: `${quoteTyped(t)} is a day, not a month: write ${MONTH_EXAMPLE}` };
  }
  g = /^([a-z]+)\.?[\s-]+(\d{4}|\d{2})$/i.exec(t);
  if (g) {
    const name = g[1].toLowerCase();
    const index = name.length === 3 ? MONTH_NAMES.indexOf(name) : FULL_MONTH_NAMES.indexOf(name);
    if (index < 0) return { ok: false, reason: `${quoteTyped(t)} is not ${MONTH_EXAMPLE}` };
    // Excel's mmm-yy: two-digit years as Excel reads them (00-29 -> 2000s, 30-99 -> 1900s)
    const year = g[2].length === 4 ? Number(g[2]) : Number(g[2]) < 30 ? 2000 + Number(g[2]) : 1900 + Number(g[2]);
    return month(year, index + 1);
  }
  return { ok: false, reason: `${quoteTyped(t)} is not ${MONTH_EXAMPLE}` };
}

/** Hours as text: digits with an optional decimal part ("14", "12.5", ".5"; a sign, to say a negative is out of range). */
const HOURS_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Hours worked in a month: a worksheet number as is, or text that is the number alone; from 0 to 744.
 * "14 hrs", "$14", "12%" and "1e1" are refused, saying what to write (a currency or percent sign in an
 * hours column is a column mapped wrong, or a unit typed in: either way not certain).
 */
function readHours(cell: RawCell): { ok: true; value: number } | { ok: false; reason: string } | undefined {
  let value: number;
  if (typeof cell === "number") {
    value = cell;
  } else if (typeof cell === "string") {
    const t = cell.trim();
    if (t === "") return undefined;
    if (!HOURS_TEXT.test(t)) return { ok: false, reason: `${quoteTyped(t)} is not a number of hours: write the hours alone, such as 14 or 12.5` };
    value = Number(t);
  } else if (cell === null || cell === undefined) {
    return undefined;
  } else {
    return { ok: false, reason: `${String(cell)} is not a number of hours` };
  }
  if (!(value >= 0 && value <= MAX_MONTH_HOURS)) return { ok: false, reason: `${quoteTyped(cellText(cell))} must be between 0 and ${MAX_MONTH_HOURS} (a month's hours)` };
  return { ok: true, value };
}

/** The row rule: the month and the hours read by their own grammars; an invoice dated before its month begins is an error. */
function hoursRowRule(): RowRuleFactory<HoursLogColumn> {
  return (at) => {
    const month = at.column("month");
    const hours = at.column("hours");
    const invoice = at.column("invoice_date");
    return (row) => {
      const m = readMonth(row.cell(month));
      if (m === undefined) row.fail(month, "month is missing");
      else if (!m.ok) row.fail(month, `month ${m.reason}`);
      const h = readHours(row.cell(hours));
      if (h === undefined) row.fail(hours, "hours is missing");
      else if (!h.ok) row.fail(hours, `hours ${h.reason}`);
      const received = row.number(invoice);
      if (m?.ok && received === received && received < m.value) {
        row.fail(invoice, `invoice date ${serialToIso(received)} is before the month it bills (${serialToIso(m.value).slice(0, 7)}) begins`);
      }
    };
  };
}

/** The hours log as a table: a month (each once), its hours, and the optional invoice date. */
export const HOURS_LOG_SCHEMA: TableSchema<HoursLogColumn> = {
  name: "hours log",
  columns: [
    { name: "month", label: "month", aliases: HOURS_LOG_COLUMN_ALIASES.month, kind: "text", required: true, unique: true },
    { name: "hours", label: "hours", aliases: HOURS_LOG_COLUMN_ALIASES.hours, kind: "text", required: true },
    { name: "invoice_date", label: "invoice date", aliases: HOURS_LOG_COLUMN_ALIASES.invoice_date, kind: "date" },
  ],
  rowRule: hoursRowRule(),
};

export type HoursLogReadOptions = TableReadOptions<HoursLogColumn>;

/** The hours log's reader for a CSV file's header (records' field counts checked against it). */
export function hoursLogCsvReader(options: HoursLogReadOptions = {}): RowSinkFactory<TableResult<HoursLogColumn>> {
  return (header, headerLine) => new TableReader(HOURS_LOG_SCHEMA, header, options, headerLine, header.length > 0);
}

/**
 * Reads an hours log from CSV text.
 * @example parseCsvHoursLog("Month,Hours\n2006-09,14\n").accepted === 1
 */
export function parseCsvHoursLog(text: string, options: CsvReadOptions & HoursLogReadOptions = {}): TableResult<HoursLogColumn> {
  return parseCsvRows(text, hoursLogCsvReader(options), options);
}

/** Reads an hours log file from its bytes, in any encoding the ledger reads. */
export function importHoursLogBytes(open: ByteOpener, options: ByteReadOptions & HoursLogReadOptions = {}): Promise<TableResult<HoursLogColumn>> {
  return importRowsBytes(open, hoursLogCsvReader(options), options);
}

/** Reads hours log lines from worksheet values. */
export function readHoursLogRows(header: readonly RawCell[], records: Iterable<SourceRow>, options: HoursLogReadOptions = {}, headerLine = 1): TableResult<HoursLogColumn> {
  const reader = new TableReader(HOURS_LOG_SCHEMA, header, options, headerLine);
  for (const { line, cells } of records) reader.add(line, cells);
  return reader.finish();
}

/** A month of the log written twice in different spellings ("2006-09" and "Sep 2006"): nothing is computed until one is removed. */
export interface HoursLogProblem {
  line: number;
  message: string;
}

/**
 * The accepted lines as the terms' hours log, in month order (the rows were checked by the row rule,
 * so every month and hours figure reads). A month written again in another spelling is a problem
 * naming both lines (which line is right cannot be known: the caller computes nothing until one is
 * removed).
 */
export function hoursLogMonths(table: Table<HoursLogColumn>): { months: ConsultingMonth[]; problems: HoursLogProblem[] } {
  const monthText = table.text("month");
  const hours = table.text("hours");
  const invoices = table.dates("invoice_date");
  const months: ConsultingMonth[] = [];
  const problems: HoursLogProblem[] = [];
  const seen = new Map<number, number>();
  for (let i = 0; i < table.length; i++) {
    const m = readMonth(monthText.get(i));
    const h = readHours(hours.get(i));
    if (!m?.ok || !h?.ok) continue; // not reached: the row rule rejected such lines
    const first = seen.get(m.value);
    if (first !== undefined) {
      problems.push({ line: table.line[i], message: `line ${table.line[i]}: month ${quoteTyped(monthText.get(i))} is ${serialToIso(m.value).slice(0, 7)} again (line ${first}): remove one` });
      continue;
    }
    seen.set(m.value, table.line[i]);
    const entry: ConsultingMonth = { month: m.value, hours: h.value };
    if (invoices[i] !== 0) entry.invoiceDate = invoices[i];
    months.push(entry);
  }
  months.sort((a, b) => a.month - b.month);
  return { months, problems };
}

/**
 * The terms with the consulting period's hours log replaced by a file's: the months must fall in the
 * consulting period, and the terms must not carry hours of their own (the hours are given in one
 * place, never merged). Returns the problems instead when there are any.
 */
export function withHoursLog(terms: SeparationTerms, months: readonly ConsultingMonth[], source: string): { terms?: SeparationTerms; problems: string[] } {
  const c = terms.consulting;
  if (!c) return { problems: [`${source} gives consulting hours, but the terms have no consulting period (terms.consulting)`] };
  if (c.hoursLog.length > 0) return { problems: [`${source} gives consulting hours, and so does terms.consulting.hoursLog: give them in one place`] };
  const first = ymdToSerial(serialToYmd(c.startDate).year, serialToYmd(c.startDate).month, 1);
  const problems = months
    .filter((m) => m.month < first || m.month > c.endDate)
    .map((m) => `${source}: month ${serialToIso(m.month).slice(0, 7)} is outside the consulting period (${serialToIso(c.startDate)} to ${serialToIso(c.endDate)})`);
  if (problems.length > 0) return { problems };
  return { terms: { ...terms, consulting: { ...c, hoursLog: [...months] } }, problems: [] };
}
