/**
 * The worksheets of the Elections section's "Create worksheets" (issue 9), as plain data like
 * model.ts: Offer Calendar, Elections (every log line with its form's status and reason), Results
 * (the totals of the final amendment and its paragraph), Promises to Grant (one row per holder, for
 * a mail merge), Confirmations (one row per form, with the seed's e-mail) and, once a grant price is
 * entered, New Grants (an Excel table whose Vested Shares column is a live =OPTEX.VESTED_SHARES on a
 * date cell of the sheet). Pure: no Office here.
 *
 * Text from the ledger, the log and the roster (grant numbers, holder ids and names, form ids,
 * channels) is a string cell, which model.ts's writer always stores as that exact text (toFormulaInput:
 * Excel's text prefix), so "0012" keeps its zeros and "=1+1" is never a formula. Formula cells carry
 * the value optex computed for them.
 *
 * Building a large log's sheets takes a while (a confirmation e-mail per form): each sheet is built
 * by a generator that yields every few hundred rows, so the pane can build them in slices
 * ({@link buildElectionSheetsInSlices}) and tests at once ({@link buildElectionSheets}).
 */
import Decimal from "decimal.js";
import { serialToIso } from "../../core/dates/serial";
import { vestedShares } from "../../core/equity/vesting";
import { GrantTable } from "../../core/ledger/grantTable";
import { confirmationEmail, DocumentWording, promiseToGrantText, PromisedGrant } from "../../core/elections/documents";
import { logColumns, LogColumn, wallText } from "../../core/elections/log";
import { ElectionResults, FormOutcome, HolderOutcome, NewGrantResults } from "../../core/elections/types";
import { instantText, instantToLocal, isoInZone } from "../../core/elections/zonedTime";
import { TableResult } from "../../core/tables/tableReader";
import { cellText, RawCell } from "../../core/tables/values";
import { CellModel, columnLetter, SheetModel, WorkbookModel } from "./model";

export const SHEET_CALENDAR = "Offer Calendar";
export const SHEET_ELECTIONS = "Elections";
export const SHEET_RESULTS = "Results";
export const SHEET_PROMISES = "Promises to Grant";
export const SHEET_CONFIRMATIONS = "Confirmations";
export const SHEET_NEW_GRANTS = "New Grants";

export const TABLE_ELECTIONS = "ElectionLog";
export const TABLE_PROMISES = "PromisesToGrant";
export const TABLE_CONFIRMATIONS = "Confirmations";
export const TABLE_NEW_GRANTS = "NewGrants";

/** The sheets in the order they are written (New Grants only with a grant price). */
export const ELECTION_SHEETS = [SHEET_CALENDAR, SHEET_ELECTIONS, SHEET_RESULTS, SHEET_PROMISES, SHEET_CONFIRMATIONS, SHEET_NEW_GRANTS] as const;

export const ELECTIONS_COLUMNS = [
  "Line", "Form ID", "Holder ID", "Holder Name", "Form Type", "Grant Number", "Shares", "Signed", "Received", "Channel",
  "Form Status", "Reason", "Tender", "Confirmation Due",
];
export const PROMISES_COLUMNS = [
  "Holder ID", "Holder Name", "Form ID", "Grant Numbers", "Shares Cancelled", "New Option Shares", "Cancellation Date", "Promise Due", "New Grant Date", "Promise Text",
];
export const CONFIRMATIONS_COLUMNS = ["Form ID", "Holder ID", "Holder Name", "Form Type", "Channel", "Received", "Form Status", "Confirmation Due", "Subject", "Body"];
export const NEW_GRANTS_COLUMNS = ["New Grant ID", "Old Grant ID", "Holder ID", "Holder Name", "Shares", "Exercise Price", "Grant Date", "Expiration Date", "Vested Shares"];

/** Rows of the New Grants sheet above its table: the as-of date, the price and the vesting terms. */
export const NEW_GRANTS_AS_OF_CELL = "B1";
/** The table's header row on the New Grants sheet (1-based). */
export const NEW_GRANTS_HEADER_ROW = 8;

const DATE = "yyyy-mm-dd";
const DATE_TIME = "yyyy-mm-dd hh:mm:ss";
const SHARES = "#,##0";

export interface ElectionSheetsInput {
  results: ElectionResults;
  /** The ledger the results were figured on (accepted grants are its rows). */
  ledger: GrantTable;
  /** The election log as read (its lines' cells), from the same run. */
  log: TableResult<LogColumn>;
  /** The new grants, once the closing price on the new grant date is known. */
  newGrants?: NewGrantResults;
  /** The day the New Grants sheet's Vested Shares are figured as of (default: the new grant date). */
  vestedAsOf?: number;
  /** The issuer's words for the documents (see documents.ts). */
  wording?: DocumentWording;
  /**
   * The cells, as typed, of lines the log's reader rejected (it keeps none): shown beside their error
   * on the Elections sheet (see state/logLines.ts). Lines not given show their line and error only.
   */
  rejectedLines?: ReadonlyMap<number, readonly RawCell[]>;
}

/** A sheet built a few hundred rows at a time: yields between slices, returns the sheet. */
type SheetWork = Generator<void, SheetModel, void>;

const SLICE_ROWS = 256;

const FORM_TYPE_NAMES = { election: "Election Form", withdrawal: "Notice to Withdraw" } as const;

/** A decimal text as the number a cell holds, refused when the cell could not hold exactly that amount. */
function exactNumber(amount: string, what: string): number {
  const n = Number(amount);
  if (!Number.isFinite(n) || !new Decimal(n).equals(new Decimal(amount))) {
    throw new Error(`The worksheets were not written: ${what} (${amount}) has more digits than an Excel cell keeps (15 significant digits)`);
  }
  return n;
}

function holderNames(results: ElectionResults): Map<string, string> {
  const names = new Map<string, string>();
  for (const h of results.holders) names.set(h.holderId, h.holderName);
  return names;
}

// --- Offer Calendar ------------------------------------------------------------------------------

function* calendarSheet(r: ElectionResults): SheetWork {
  const zone = r.terms.timeZone;
  const sheet: SheetModel = { name: SHEET_CALENDAR, cells: [["Event", "Date", "Time", "ISO 8601", "How it is figured"]], formats: [], widths: [40, 12, 30, 27, 100] };
  for (const e of r.calendar.events) {
    sheet.cells.push([e.label, e.date, e.instant !== undefined ? instantText(e.instant, zone) : null, e.isoInstant ?? null, e.rule]);
  }
  yield;
  const last = sheet.cells.length;
  sheet.formats.push({ range: `B2:B${last}`, format: DATE });
  sheet.cells.push([]);
  sheet.cells.push([`Time zone: ${zone}. Business days: not a Saturday, Sunday or US federal holiday, 12:01 a.m. to midnight Eastern time.`]);
  if (r.calendar.flags.length > 0) {
    sheet.cells.push([]);
    sheet.cells.push(["Flags"]);
    for (const f of r.calendar.flags) sheet.cells.push([f]);
  }
  return sheet;
}

// --- Elections -----------------------------------------------------------------------------------

function* electionsSheet(r: ElectionResults, log: TableResult<LogColumn>, rejectedLines?: ReadonlyMap<number, readonly RawCell[]>): SheetWork {
  const zone = r.terms.timeZone;
  const names = holderNames(r);
  const formById = new Map<string, FormOutcome>();
  for (const f of r.forms) formById.set(f.form.formId, f);
  const holderById = new Map<string, HolderOutcome>();
  for (const h of r.holders) holderById.set(h.holderId, h);
  const rejected = new Map<string, string>();
  for (const t of r.rejectedTenders) rejected.set(`${t.formId}\u0000${t.line}`, `rejected (${t.rule}): ${t.reason}`);
  // every line that could not be used, by line (several messages for a line are joined)
  const errors = new Map<number, string>();
  for (const e of r.log.errors) {
    const text = e.column ? `${e.column}: ${e.message}` : e.message;
    errors.set(e.row, errors.has(e.row) ? `${errors.get(e.row)}; ${text}` : text);
  }

  type Row = { line: number; cells: CellModel[] };
  const rows: Row[] = [];
  const table = log.table;
  const { formIds, holders, types, grants, shares, signed, received, channels, signedTime } = logColumns(table);
  const seen = new Set<number>();
  for (let i = 0; i < table.length; i++) {
    if ((i & (SLICE_ROWS - 1)) === SLICE_ROWS - 1) yield;
    const line = table.line[i];
    seen.add(line);
    const formId = formIds.values[formIds.codes[i]];
    const holderId = holders.values[holders.codes[i]];
    const type = types.values[types.codes[i]] as keyof typeof FORM_TYPE_NAMES;
    const grantId = grants.get(i);
    const shareCount = shares[i] === shares[i] ? shares[i] : null;
    const error = errors.get(line);
    const outcome = formById.get(formId);
    if (error !== undefined || !outcome) {
      // read, but the forms could not use it (its form's lines disagree, a receipt the zone cannot place)
      const offset = (v: number) => (v === v ? ` (UTC offset ${v} min)` : "");
      rows.push({
        line,
        cells: [
          line, formId, holderId, names.get(holderId) ?? "", FORM_TYPE_NAMES[type] ?? type, grantId, shareCount,
          wallText(signed.values[i], signedTime[i] === 1) + offset(signed.offsetMinutes[i]),
          wallText(received.values[i], true) + offset(received.offsetMinutes[i]),
          channels.values[channels.codes[i]], "not read", error ?? "the line belongs to no form", null, null,
        ],
      });
      continue;
    }
    const form = outcome.form;
    let tender = "";
    if (grantId !== "") {
      if (form.type === "withdrawal") tender = "ignored: a Notice to Withdraw withdraws every option";
      else if (outcome.status === "counted") {
        const why = rejected.get(`${formId}\u0000${line}`);
        const holder = holderById.get(form.holderId);
        tender = why ?? (holder?.acceptedGrantIds.includes(grantId) ? "accepted" : "not accepted");
      }
    }
    rows.push({
      line,
      cells: [
        line, form.formId, form.holderId, names.get(form.holderId) ?? "", FORM_TYPE_NAMES[form.type], grantId, shareCount,
        wallText(form.signedAt, form.signedTime), instantToLocal(form.receivedAt, zone), form.channel,
        outcome.status, outcome.reason, tender, outcome.confirmationDue,
      ],
    });
  }
  // lines the reader rejected outright (it keeps no cells): their line and why, and their cells as typed when given
  const typed = (cells: readonly RawCell[] | undefined, column: LogColumn): string | null => {
    const index = r.log.mapping[column];
    return cells && index !== undefined ? cellText(cells[index]) : null;
  };
  for (const [line, message] of errors) {
    if (seen.has(line)) continue;
    const cells = rejectedLines?.get(line);
    const holderId = typed(cells, "holder_id");
    rows.push({
      line,
      cells: [
        line, typed(cells, "form_id"), holderId, holderId === null ? null : (names.get(holderId) ?? ""), typed(cells, "form_type"), typed(cells, "grant_id"),
        typed(cells, "shares"), typed(cells, "signed_at"), typed(cells, "received_at"), typed(cells, "channel"), "not read", message, null, null,
      ],
    });
  }
  rows.sort((a, b) => a.line - b.line);
  yield;
  const sheet: SheetModel = {
    name: SHEET_ELECTIONS,
    cells: [ELECTIONS_COLUMNS.slice(), ...rows.map((r) => r.cells)],
    formats: [],
    widths: [7, 12, 12, 22, 18, 13, 10, 17, 20, 10, 12, 60, 40, 16],
  };
  if (rows.length === 0) sheet.cells.push(["(no lines)"]);
  const last = sheet.cells.length;
  sheet.table = { name: TABLE_ELECTIONS, range: `A1:${columnLetter(ELECTIONS_COLUMNS.length - 1)}${last}` };
  sheet.formats.push({ range: `G2:G${last}`, format: SHARES }, { range: `I2:I${last}`, format: DATE_TIME }, { range: `N2:N${last}`, format: DATE });
  sheet.cells.push([]);
  sheet.cells.push([`Received: local time in ${zone}. Signed: as written on the form. Lines: the log's line (file) or row (worksheet).`]);
  return sheet;
}

// --- Results -------------------------------------------------------------------------------------

function* resultsSheet(r: ElectionResults): SheetWork {
  const c: CellModel[][] = [];
  const formats: SheetModel["formats"] = [];
  const row = () => c.length + 1; // the 1-based row the next push lands on
  c.push(["Results of the offer", null, null, null, null, null]);
  c.push([r.terms.offer.issuerName]);
  c.push([]);
  c.push(["", "Grants", "Shares", "Holders"]);
  const countsRow = (label: string, k: { grants: number; shares: number; holders: number }) => {
    formats.push({ range: `B${row()}:D${row()}`, format: SHARES });
    c.push([label, k.grants, k.shares, k.holders]);
  };
  countsRow("Eligible", r.eligible);
  countsRow("Accepted and cancelled", r.accepted);
  formats.push({ range: `B${row()}`, format: "0.00" });
  c.push(["Accepted, % of eligible shares", Number(r.participationPercent)]);
  formats.push({ range: `B${row()}`, format: SHARES });
  c.push(["New option shares promised", r.newOptionShares]);
  c.push([]);
  c.push(["Offer expired", isoInZone(r.expiration, r.terms.timeZone)]);
  for (const [label, day] of [
    ["Options cancelled", r.cancellationDate],
    ["Promise to Grant due", r.promiseToGrantDue],
    ["New grant date", r.newGrantDate],
  ] as const) {
    formats.push({ range: `B${row()}`, format: DATE });
    c.push([label, day]);
  }
  c.push([]);
  // counts that reconcile
  c.push(["Log lines", r.log.rows, "= accepted", r.log.accepted, "+ rejected", r.log.rejected]);
  c.push(["Forms", r.forms.length, ...Object.entries(r.formsByStatus).flatMap(([s, n]) => [s, n])]);
  c.push(["Holders", r.holders.length, ...Object.entries(r.holdersByStatus).flatMap(([s, n]) => [s, n])]);
  c.push(["Rejected tenders", r.rejectedTenders.length]);
  c.push([]);
  yield;
  // participation by exercise-price band: the share accepted is a live formula on the row's cells
  c.push(["Exercise price", "Eligible grants", "Eligible shares", "Accepted grants", "Accepted shares", "Accepted, % of eligible shares"]);
  const firstBand = row();
  for (const b of r.bands) {
    const n = row();
    c.push([b.label, b.eligibleGrants, b.eligibleShares, b.acceptedGrants, b.acceptedShares, { formula: `=IF(C${n}=0,0,E${n}/C${n})`, value: b.eligibleShares === 0 ? 0 : b.acceptedShares / b.eligibleShares }]);
  }
  const lastBand = row() - 1;
  if (lastBand >= firstBand) {
    formats.push({ range: `B${firstBand}:E${lastBand}`, format: SHARES }, { range: `F${firstBand}:F${lastBand}`, format: "0.00%" });
  }
  c.push([]);
  c.push(["Results paragraph (final amendment to the Schedule TO)"]);
  c.push([r.resultsText]);
  if (r.warnings.length > 0 || r.calendar.flags.length > 0) {
    c.push([]);
    c.push(["To check"]);
    for (const w of [...r.calendar.flags, ...r.warnings]) c.push([w]);
  }
  return { name: SHEET_RESULTS, cells: c, formats, widths: [34, 26, 16, 16, 16, 16] };
}

// --- Promises to Grant ---------------------------------------------------------------------------

function* promisesSheet(r: ElectionResults, ledger: GrantTable, wording: DocumentWording): SheetWork {
  const sheet: SheetModel = { name: SHEET_PROMISES, cells: [PROMISES_COLUMNS.slice()], formats: [], widths: [12, 22, 12, 24, 14, 14, 14, 14, 14, 100] };
  const dates = { cancellationDate: r.cancellationDate, newGrantDate: r.newGrantDate };
  let k = 0;
  for (const h of r.holders) {
    if (h.status !== "tendered" || h.newOptionShares <= 0) continue;
    if ((++k & (SLICE_ROWS - 1)) === 0) yield;
    const grants: PromisedGrant[] = h.acceptedGrants.map((row, j) => ({
      oldGrantId: ledger.grantId.get(row),
      grantDate: ledger.grantDate[row],
      exercisePrice: ledger.exercisePrice[row],
      shares: ledger.sharesOutstanding[row],
      newShares: h.newOptionSharesByGrant[j],
    }));
    sheet.cells.push([
      h.holderId, h.holderName, h.formId ?? "", h.acceptedGrantIds.join(", "), h.acceptedShares, h.newOptionShares,
      r.cancellationDate, r.promiseToGrantDue, r.newGrantDate, promiseToGrantText(h, r.terms, dates, grants, wording),
    ]);
  }
  if (sheet.cells.length === 1) sheet.cells.push(["(no promises: no options were accepted)"]);
  const last = sheet.cells.length;
  sheet.table = { name: TABLE_PROMISES, range: `A1:${columnLetter(PROMISES_COLUMNS.length - 1)}${last}` };
  sheet.formats.push({ range: `E2:F${last}`, format: SHARES }, { range: `G2:I${last}`, format: DATE });
  return sheet;
}

// --- Confirmations -------------------------------------------------------------------------------

function* confirmationsSheet(r: ElectionResults, wording: DocumentWording): SheetWork {
  const zone = r.terms.timeZone;
  const names = holderNames(r);
  const sheet: SheetModel = { name: SHEET_CONFIRMATIONS, cells: [CONFIRMATIONS_COLUMNS.slice()], formats: [], widths: [12, 12, 22, 18, 10, 20, 12, 16, 50, 100] };
  for (let i = 0; i < r.forms.length; i++) {
    if ((i & (SLICE_ROWS - 1)) === SLICE_ROWS - 1) yield;
    const f = r.forms[i];
    const name = names.get(f.form.holderId) ?? "";
    const email = confirmationEmail(f, r.terms, name, wording);
    sheet.cells.push([
      f.form.formId, f.form.holderId, name, FORM_TYPE_NAMES[f.form.type], f.form.channel, instantToLocal(f.form.receivedAt, zone),
      f.status, f.confirmationDue, email.subject, email.body,
    ]);
  }
  if (sheet.cells.length === 1) sheet.cells.push(["(no forms received)"]);
  const last = sheet.cells.length;
  sheet.table = { name: TABLE_CONFIRMATIONS, range: `A1:${columnLetter(CONFIRMATIONS_COLUMNS.length - 1)}${last}` };
  sheet.formats.push({ range: `F2:F${last}`, format: DATE_TIME }, { range: `H2:H${last}`, format: DATE });
  return sheet;
}

// --- New Grants ----------------------------------------------------------------------------------

function* newGrantsSheet(r: ElectionResults, ng: NewGrantResults, asOf: number): SheetWork {
  const v = r.terms.newOption.vesting;
  const price = exactNumber(ng.grantPrice, "the grant price");
  const H = NEW_GRANTS_HEADER_ROW;
  const cells: CellModel[][] = [
    ["Vested as of", asOf, "Type another date (or =TODAY()): the Vested Shares column recomputes."],
    ["Exercise price", price, `Closing price on the new grant date, ${serialToIso(r.newGrantDate)}.`],
    ["Vesting months", v.vestingMonths, "The offer's new-option vesting (newOptionVesting)."],
    ["Cliff months", v.cliffMonths, null],
    ["Vested at grant", v.upfrontFraction, null],
    ["Interval months", v.intervalMonths, null],
    [],
    NEW_GRANTS_COLUMNS.slice(),
  ];
  const formats: SheetModel["formats"] = [
    { range: "B1", format: DATE },
    { range: "B2", format: "$#,##0.00##" },
    { range: "B5", format: "0.00##%" },
  ];
  let row = H;
  let vestedTotal = 0;
  for (let i = 0; i < ng.newGrants.length; i++) {
    if ((i & (SLICE_ROWS - 1)) === SLICE_ROWS - 1) yield;
    const g = ng.newGrants[i];
    row++;
    const vested = vestedShares(g.shares, g.grantDate, asOf, g.vesting);
    vestedTotal += vested;
    cells.push([
      g.newGrantId, g.oldGrantId, g.holderId, g.holderName, g.shares, exactNumber(g.exercisePrice, `grant ${g.newGrantId}'s exercise price`),
      g.grantDate, g.expirationDate,
      { formula: `=OPTEX.VESTED_SHARES(E${row},G${row},$B$1,$B$3,$B$4,$B$5,$B$6)`, value: vested },
    ]);
  }
  const last = row;
  if (last === H) cells.push(["(no new grants)", null, null, null, 0, null, null, null, 0]);
  const tableEnd = Math.max(H + 1, last);
  const total = tableEnd + 2;
  cells.push([]);
  cells.push([
    "Total", null, null, null,
    { formula: last > H ? `=SUM(E${H + 1}:E${last})` : "=0", value: ng.grantedShares }, null, null, null,
    { formula: last > H ? `=SUM(I${H + 1}:I${last})` : "=0", value: vestedTotal },
  ]);
  formats.push(
    { range: `E${H + 1}:E${total}`, format: SHARES },
    { range: `F${H + 1}:F${tableEnd}`, format: "$#,##0.00##" },
    { range: `G${H + 1}:H${tableEnd}`, format: DATE },
    { range: `I${H + 1}:I${total}`, format: SHARES },
  );
  cells.push([]);
  cells.push([`Promises forfeited (not an employee on the new grant date): ${ng.forfeited.length}`]);
  if (ng.forfeited.length > 0) {
    cells.push(["Holder ID", "Holder Name", "Old Grant IDs", "New Option Shares", "Reason"]);
    const first = cells.length + 1;
    for (const f of ng.forfeited) cells.push([f.holderId, f.holderName, f.oldGrantIds.join(", "), f.shares, f.reason]);
    formats.push({ range: `D${first}:D${cells.length}`, format: SHARES });
  }
  return {
    name: SHEET_NEW_GRANTS,
    cells,
    formats,
    widths: [16, 14, 12, 22, 12, 14, 12, 15, 14],
    table: { name: TABLE_NEW_GRANTS, range: `A${H}:${columnLetter(NEW_GRANTS_COLUMNS.length - 1)}${tableEnd}` },
  };
}

// --- the workbook --------------------------------------------------------------------------------

function sheetWorks(input: ElectionSheetsInput): SheetWork[] {
  const { results: r, ledger, log, newGrants: ng } = input;
  const wording = input.wording ?? {};
  const works = [calendarSheet(r), electionsSheet(r, log, input.rejectedLines), resultsSheet(r), promisesSheet(r, ledger, wording), confirmationsSheet(r, wording)];
  if (ng) works.push(newGrantsSheet(r, ng, input.vestedAsOf ?? r.newGrantDate));
  return works;
}

/** The Elections section's sheets, at once. */
export function buildElectionSheets(input: ElectionSheetsInput): WorkbookModel {
  const sheets: SheetModel[] = [];
  for (const work of sheetWorks(input)) {
    let step = work.next();
    while (!step.done) step = work.next();
    sheets.push(step.value);
  }
  return { sheets, names: [] };
}

/**
 * The same sheets, built in slices: after `sliceMs` of work it reports progress (sheets done of
 * total) and hands control back to the UI.
 */
export async function buildElectionSheetsInSlices(
  input: ElectionSheetsInput,
  options: { onProgress?: (done: number, total: number) => void; sliceMs?: number; yieldToUi?: () => Promise<void> } = {},
): Promise<WorkbookModel> {
  const sliceMs = options.sliceMs ?? 50;
  const yieldToUi = options.yieldToUi ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const works = sheetWorks(input);
  const sheets: SheetModel[] = [];
  let started = Date.now();
  for (const work of works) {
    let step = work.next();
    while (!step.done) {
      if (Date.now() - started >= sliceMs) {
        options.onProgress?.(sheets.length, works.length);
        await yieldToUi();
        started = Date.now();
      }
      step = work.next();
    }
    sheets.push(step.value);
  }
  options.onProgress?.(works.length, works.length);
  return { sheets, names: [] };
}
