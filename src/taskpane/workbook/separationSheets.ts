/**
 * The `Separation <name>` worksheet of the Executive separation section's "Create worksheets"
 * (issue 11), as plain data like model.ts: the terms' assumptions (labels in column A, values in B,
 * notes in C), then the separation's figures as LIVE formulas on those cells, top to bottom:
 *
 * 1. Assumptions: the executive, the agreement, the releases, the employment and service end, the
 *    payroll, the salary, the consulting terms and the market on the modification date.
 * 2. Release dates: =OPTEX.RELEASE_DATES(...) on the release's cells, spilled over three cells (last
 *    day to consider, last day to revoke, effective date).
 * 3. Payments, by the model's rules (separationPayments.ts):
 *    - the salary continuation: its total =ROUND(A*N/12+A*days/365,2) (N the most whole months with
 *      EDATE(from, N) on or before the day after the last, days the rest: whole months at annual / 12,
 *      leftover days at annual / 365), its installments =OPTEX.PAYMENT_SCHEDULE(...) spilled as rows
 *      of pay date, amount, cumulative; the installments paid (SUMIF of those dated on or before the
 *      employment end) and, when employment ends inside the period, the final partial salary
 *      =MIN(OPTEX.SALARY_BALANCE(A, last day covered, employment end), total - installments paid),
 *      on a row only when the model pays it (more than 0);
 *    - each installment program (its own PAYMENT_SCHEDULE) and lump sum;
 *    - each salary balance: MAX(0, the salary through MIN(through, the salary's last day) by the same
 *      rules - the salary paid), where the salary through that day is the SUMIF of the installments
 *      dated on or before it plus the capped partial period to it;
 *    - the consulting months: each month's fee =OPTEX.CONSULTING_FEES of that month's hours (to the
 *      cent on its invoice), the invoice date (EOMONTH of the month unless stated), the due date
 *      =OPTEX.ADD_BUSINESS_DAYS(invoice + days + 1, -1, calendar) (the business day on or before
 *      invoice + days), the fees the SUM of the months';
 *    - the benefits and the repurchases; the totals by kind (=ROUND(SUM(...), 2) of the amounts
 *      above); and the contingent entries, text and the amount each would have been, not summed:
 *      programs whose condition fails or that come to $0.00, and the salary's paydays after the
 *      employment end (a live SUMIF on the salary's schedule).
 * 4. Awards: one row per award, its original terms as cells and before/after as formulas
 *    (OPTEX.VESTED_SHARES, OPTEX.POST_TERMINATION_EXPIRY, EDATE for a new window, the term in years
 *    ACT/365F from the modification date, OPTEX.BLACK_SCHOLES_VALUE a share, restricted stock
 *    MAX(0, stock price - purchase price) a share, fair values and the model's incremental fair
 *    value), and the total incremental fair value. Where the shares go: vested after + Cancelled (by
 *    the agreement: all with cancel, shares - vested after when it states the vested count) +
 *    Forfeited (under the award's own terms) + Repurchased = shares. A cancellation (cancel, or a
 *    stated vested count of 0 without a repurchase) has no window, value or increment after.
 * 5. Flags, as text.
 *
 * Every formula cell carries the value the core computed for it (the separation's result, or the
 * core's building blocks for a figure the result does not list: the salary's total, schedule and salary through a day).
 * Not live: the "last day covered" cells (the regular payday, before any move to a business day, of
 * the last installment paid by a day) are the model's dates as values, since the spilled schedule
 * shows only the moved pay dates; a change of the employment end does not move them.
 * Formulas use absolute references on this sheet only ($B$7), so the sheet needs no workbook names.
 *
 * Spills: PAYMENT_SCHEDULE and RELEASE_DATES return arrays, which Excel spills from the formula's
 * cell over the cells below and to the right. The model holds the formula in the anchor cell (its
 * value is the array's first cell) and leaves the rest blank, as Excel needs them; the figures of
 * every spilled cell are in {@link SeparationSheetLayout.spills}. The blocks are laid out for the
 * arrays the terms give: a change that makes a schedule longer shows #SPILL! until rows are inserted.
 *
 * Text from the terms (names, descriptions, reasons) is a string cell, which model.ts's writer stores
 * as that exact text (Excel's text prefix), so "=1+1" as a name is text, never a formula.
 */
import Decimal from "decimal.js";
import { calendarFor } from "../../core/calendars/calendar";
import { addMonthsClamped, serialToIso, serialToYmd } from "../../core/dates/serial";
import { Money } from "../../core/separations/money";
import { paymentSchedule } from "../../core/separations/paymentSchedule";
import { salaryBalance } from "../../core/separations/salaryBalance";
import { salaryTotal } from "../../core/separations/separationPayments";
import {
  AwardOutcome, AwardTerms, ConsultingMonthOutcome, DateRef, PAYMENT_KINDS, PaymentKind, PaymentProgram, ReleaseOutcome, ReleaseTerms, SeparationPayment, SeparationResult,
} from "../../core/separations/types";
import { CellModel, columnLetter, FormulaCell, SheetModel, WorkbookModel } from "./model";

// ------------------------------------------------------------------------------------------------
// The sheet's name
// ------------------------------------------------------------------------------------------------

/** Excel's longest sheet name. */
export const EXCEL_MAX_SHEET_NAME = 31;
export const SEPARATION_SHEET_PREFIX = "Separation ";

/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/g;

/** A control character (which a sheet tab cannot show) as a space. */
const withoutControls = (text: string) => [...text].map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? " " : ch)).join("");

/** The first `max` UTF-16 units of a text, never ending on the first half of a surrogate pair. */
function cutTo(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/**
 * The sheet's name: "Separation " and the executive's name, cleaned to Excel's rules (at most 31
 * characters; none of : \ / ? * [ ]; not blank; not starting or ending with an apostrophe): the
 * forbidden characters become spaces, spaces are collapsed, and a name too long is shortened to its
 * last word (the surname) when that fits, else cut. A blank name gives "Separation".
 * @example separationSheetName("Dr. Ake Almgren") === "Separation Dr. Ake Almgren"
 * @example separationSheetName("Maximilian Alexander von Habsburg-Lothringen") === "Separation Habsburg-Lothringen"
 */
export function separationSheetName(executive: string): string {
  const room = EXCEL_MAX_SHEET_NAME - SEPARATION_SHEET_PREFIX.length;
  const clean = (text: string) => text.replace(/['\s]+$/, "").trim();
  let name = clean(withoutControls(String(executive ?? "")).replace(SHEET_NAME_FORBIDDEN, " ").replace(/\s+/g, " ").trim());
  if (name.length > room) {
    const words = name.split(" ");
    const surname = clean(words[words.length - 1]);
    name = surname !== "" && surname.length <= room ? surname : clean(cutTo(name, room));
  }
  return name === "" ? SEPARATION_SHEET_PREFIX.trim() : SEPARATION_SHEET_PREFIX + name;
}

// ------------------------------------------------------------------------------------------------
// Layout helpers
// ------------------------------------------------------------------------------------------------

/** The format codes the sheet uses. */
export const SEPARATION_FORMATS = {
  date: "yyyy-mm-dd",
  month: "yyyy-mm",
  money: "#,##0.00",
  shares: "#,##0",
  perShare: "#,##0.0000",
  years: "0.0000",
  decimal: "0.0000",
} as const;
const F = SEPARATION_FORMATS;

/** A spilled array: its anchor (the formula's cell) and the figure the core computed for each cell. */
export interface SpilledRange {
  /** The anchor, "B23". */
  anchor: string;
  /** 0-based row and column of the anchor. */
  row: number;
  col: number;
  /** Each cell's figure, rows of columns, the anchor's first. */
  values: (number | string)[][];
  /** The function, "PAYMENT_SCHEDULE". */
  fn: string;
}

/** The sheet and where its arrays spill. */
export interface SeparationSheetLayout {
  sheet: SheetModel;
  spills: SpilledRange[];
}

/** A cell whose content is known only once the rows below it are laid out (a reference forward). */
type Pending = CellModel | (() => CellModel);

/** "$B$7" of a 0-based column and a 1-based row. */
const abs = (col: number, row: number) => `$${columnLetter(col)}$${row}`;
const A = 0;
const B = 1;
const C = 2;
const D = 3;

const formula = (text: string, value: number | string): FormulaCell => ({ formula: text, value });

/** A money amount as a cell's number, refused when the cell could not hold exactly that amount. */
function exactNumber(amount: Money | string, what: string): number {
  const text = typeof amount === "string" ? amount.trim() : amount.toFixed();
  const n = Number(text);
  if (!Number.isFinite(n) || !new Decimal(n).equals(new Decimal(text))) {
    throw new Error(`The worksheet was not written: ${what} (${text}) has more digits than an Excel cell keeps (15 significant digits)`);
  }
  return n;
}

class SheetWriter {
  readonly rows: Pending[][] = [];
  readonly formats: { range: string; format: string }[] = [];
  readonly spills: SpilledRange[] = [];

  /** The 1-based row the next push lands on. */
  get next(): number {
    return this.rows.length + 1;
  }

  /** Adds a row; returns its 1-based number. */
  push(cells: Pending[], format?: string, formatCols: [number, number] = [B, B]): number {
    this.rows.push(cells);
    const row = this.rows.length;
    if (format) this.format(`${columnLetter(formatCols[0])}${row}:${columnLetter(formatCols[1])}${row}`, format);
    return row;
  }

  blank(): void {
    this.rows.push([]);
  }

  format(range: string, format: string): void {
    this.formats.push({ range: range.replace(/^([A-Z]+\d+):\1$/, "$1"), format });
  }

  /** An array formula at (row, col), with the figures of its cells; the cells it spills over stay blank. */
  spill(row: number, col: number, fn: string, args: string, values: (number | string)[][]): FormulaCell {
    this.spills.push({ anchor: `${columnLetter(col)}${row}`, row: row - 1, col, values, fn });
    return formula(`=OPTEX.${fn}(${args})`, values[0]?.[0] ?? "");
  }

  /** The rows with every pending cell resolved. */
  cells(): CellModel[][] {
    return this.rows.map((r) => r.map((c) => (typeof c === "function" ? c() : c)));
  }
}

const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  salary: "Salary continuation",
  "salary-balance": "Salary balance",
  installment: "Installments",
  "lump-sum": "Lump sums",
  consulting: "Consulting fees",
  benefits: "Benefits",
  repurchase: "Repurchase of unvested shares",
};

const EVENT_WORDS: Record<string, string> = {
  agreementEffective: "the agreement's effective date",
  supplementalReleaseEffective: "the supplemental release's effective date",
  employmentEnd: "the employment end date",
  serviceEnd: "the service end date",
};

/** The market's cells ("$B$n") and the stock price (restricted stock is worth it a share). */
interface MarketCells {
  date: string;
  spot: string;
  vol: string;
  rate: string;
  yield: string;
  stockPrice: number;
}

/** The awards table's columns, in order. */
export const AWARD_COLUMNS = [
  "Award", "Kind", "Grant date", "Shares", "Exercise or purchase price", "Vesting start", "Vesting months", "Cliff months", "Vested at grant", "Interval months",
  "Expiration", "Post-termination months", "Window: outside date", "Window: months after service ends",
  "Vested before", "Vested after", "Accelerated", "Cancelled", "Forfeited", "Repurchased",
  "Expiration before", "Expiration after", "Term before (years)", "Value a share before", "Term after (years)", "Value a share after",
  "Fair value before", "Fair value after", "Incremental fair value", "Modification type",
] as const;
type AwardColumn = (typeof AWARD_COLUMNS)[number];
const col = (name: AwardColumn) => AWARD_COLUMNS.indexOf(name);

// ------------------------------------------------------------------------------------------------
// The sheet
// ------------------------------------------------------------------------------------------------

/** The `Separation <name>` sheet and where its arrays spill (see the module's note). */
export function layoutSeparationSheet(result: SeparationResult): SeparationSheetLayout {
  const t = result.terms;
  const w = new SheetWriter();
  const calendar = calendarFor(t.calendar);

  // --- 1. Assumptions ----------------------------------------------------------------------------
  w.push(["Assumption", "Value", "Note"]);
  /** An assumption row; returns its value cell, "$B$n". */
  const assume = (label: string, value: Pending, note: string | null = null, format?: string): string => abs(B, w.push([label, value, note], format));

  assume("Executive", t.executive);
  assume("Company", t.company);
  assume("Agreement", t.agreementName);
  const agreementDate = assume("Agreement date", t.agreementDate, "signed or dated", F.date);
  // the agreement's effective date (the model's rule): the release's (below), else as the terms state it, else its date
  let releaseEffectiveCell: string | undefined;
  const effectiveStated = t.release === undefined && t.agreementEffectiveDate !== undefined;
  const agreementEffective = assume(
    "Agreement effective date",
    () => (effectiveStated ? (t.agreementEffectiveDate as number) : formula(`=${releaseEffectiveCell ?? agreementDate}`, result.agreementEffectiveDate)),
    t.release ? "the release's effective date (Release dates, below)" : effectiveStated ? "as the terms state it" : "the agreement's date (no release, none stated)",
    F.date,
  );

  interface ReleaseCells {
    label: string;
    terms: ReleaseTerms;
    outcome: ReleaseOutcome;
    signed: string;
    delivered: string;
    consideration: string;
    revocation: string;
    rule: string;
  }
  const releases: ReleaseCells[] = [];
  for (const [label, terms, outcome] of [
    ["Release", t.release, result.release],
    ["Supplemental release", t.supplementalRelease, result.supplementalRelease],
  ] as const) {
    if (terms === undefined || outcome === undefined) continue;
    releases.push({
      label,
      terms,
      outcome,
      signed: assume(`${label}: signed`, terms.signedDate, null, F.date),
      delivered: assume(`${label}: delivered`, terms.deliveredDate ?? null, terms.deliveredDate === undefined ? "not stated: no consideration deadline" : null, F.date),
      consideration: assume(`${label}: consideration days`, terms.considerationDays, "calendar days to consider it"),
      revocation: assume(`${label}: revocation days`, terms.revocationDays, "calendar days to revoke it after signing"),
      rule: assume(`${label}: effective rule`, terms.effectiveRule, '"after": the day after the revocation period; "on": its last day'),
    });
  }

  // The agreement's outcome turns on these two (which payments are due, the final partial salary, the
  // salary balance): the rows that carry them are laid out from the terms when the sheet is written,
  // so they are fixed here: a change is made in the pane, and the sheet written again.
  const employmentEnd = assume("Employment end date", t.employmentEndDate, "the last day employed: fixed when the sheet was written (which payments are due turns on it): change it in the pane and write the sheet again", F.date);
  assume("Termination reason", t.terminationReason, "fixed when the sheet was written: change it in the pane and write the sheet again");
  let consultingEnd: string | undefined;
  const serviceEnd = assume(
    "Service end date",
    () =>
      t.serviceEndDate !== undefined
        ? t.serviceEndDate
        : formula(`=${consultingEnd ?? employmentEnd}`, result.serviceEndDate),
    t.serviceEndDate !== undefined ? "the last day of any service, as stated" : t.consulting ? "the consulting period's end" : "the employment end date",
    F.date,
  );
  const calendarCell = assume("Calendar", t.calendar, "business days for paydays: FEDERAL, FEDERAL_CLOSURES or WEEKENDS");
  const payFrequency = assume("Pay frequency", t.payFrequency, "semimonthly, monthly, biweekly or weekly");

  let salaryCells: { annual: string; start: string; end: string; frequency: string } | undefined;
  if (t.salary) {
    const s = t.salary;
    salaryCells = {
      annual: assume("Annual salary", s.annualSalary, "dollars a year", F.money),
      start: assume("Salary from", s.startDate, "the continuation period's first day", F.date),
      end: assume("Salary through", s.endDate, "its last day; paydays after the employment end are not paid as salary", F.date),
      frequency: "",
    };
    salaryCells.frequency = assume("Salary frequency", s.frequency ?? formula(`=${payFrequency}`, t.payFrequency), s.frequency ? null : "the pay frequency");
  }

  let consultingCells: { included: string; rate: string; days: string } | undefined;
  if (t.consulting) {
    const k = t.consulting;
    assume("Consulting from", k.startDate, null, F.date);
    consultingEnd = assume("Consulting through", k.endDate, null, F.date);
    consultingCells = {
      included: assume("Included hours a month", k.includedHours, "hours a month included without a fee"),
      rate: assume("Hourly rate", k.hourlyRate, "dollars an hour beyond the included hours", F.money),
      days: assume("Invoice payment days", k.invoicePaymentDays, "calendar days after an invoice is received; due by the business day on or before that day"),
    };
  }

  let market: MarketCells | undefined;
  if (t.market) {
    const m = t.market;
    market = {
      stockPrice: m.stockPrice,
      date: assume("Modification date", m.modificationDate, "the day the awards are valued before and after", F.date),
      spot: assume("Stock price", m.stockPrice, "dollars a share on the modification date", F.perShare),
      vol: assume("Volatility", m.volatility, "decimal (0.6 = 60%)", F.decimal),
      rate: assume("Risk-free rate", m.riskFreeRate, "decimal, continuously compounded", F.decimal),
      yield: assume("Dividend yield", m.dividendYield, "decimal", F.decimal),
    };
  }

  /** A DateRef as a cell: the written date, or a formula on the event's cell. */
  const dateCell = (ref: DateRef | undefined, value: number): Pending => {
    if (ref === undefined || "date" in ref) return value;
    const cellOf = (): string => {
      switch (ref.event) {
        case "agreementEffective":
          return agreementEffective;
        case "supplementalReleaseEffective":
          return supplementalEffective as string;
        case "employmentEnd":
          return employmentEnd;
        default:
          return serviceEnd;
      }
    };
    return () => formula(`=${cellOf()}`, value);
  };
  const dateNote = (ref: DateRef | undefined): string | null => (ref !== undefined && "event" in ref ? EVENT_WORDS[ref.event] : null);

  // --- 2. Release dates --------------------------------------------------------------------------
  let supplementalEffective: string | undefined;
  if (releases.length > 0) {
    w.blank();
    w.push(["Release dates", "Last day to consider", "Last day to revoke", "Effective date"]);
    for (const r of releases) {
      const row = w.next;
      // an empty cell reaches a custom function as 0 in Excel on the desktop (null on the web,
      // office-js#4702): a blank delivery date is passed as "" so it is read as not given everywhere
      const args = `${r.signed},IF(ISBLANK(${r.delivered}),"",${r.delivered}),${r.consideration},${r.revocation},${r.rule}`;
      const o = r.outcome;
      w.push([r.label, w.spill(row, B, "RELEASE_DATES", args, [[o.considerationDeadline ?? "", o.revocationEnds, o.effectiveDate]])], F.date, [B, D]);
      if (r.label === "Release") releaseEffectiveCell = abs(D, row);
      else supplementalEffective = abs(D, row);
    }
    w.push(["RELEASE_DATES spills over the three cells: consideration (blank without a delivery date), revocation, effective date (29 CFR 1625.22)."]);
  }

  // --- 3. Payments -------------------------------------------------------------------------------
  /** The cells holding each kind's amounts, for the totals. */
  const amounts = new Map<PaymentKind, string[]>();
  const addAmounts = (kind: PaymentKind, ref: string) => amounts.set(kind, [...(amounts.get(kind) ?? []), ref]);
  /** The payments of one kind from one source (a program's id, "salary"). */
  const paidOf = (kind: PaymentKind, source: string): SeparationPayment[] => result.payments.filter((p) => p.kind === kind && p.source === source);

  w.blank();
  w.push(["Payments", "Amount", "Each schedule is a spilled OPTEX.PAYMENT_SCHEDULE (pay date, amount, cumulative): if a change lengthens one (#SPILL!), insert rows above its last row, inside it, so the totals' ranges grow with it"]);

  /** A schedule block: its header and the spilled PAYMENT_SCHEDULE; returns its first and last rows. */
  const scheduleBlock = (args: string, schedule: { date: number; amount: Money; cumulative: Money }[]): [number, number] => {
    w.push(["Pay date", "Amount", "Cumulative"]);
    const first = w.next;
    const values = schedule.map((p) => [p.date, p.amount.toNumber(), p.cumulative.toNumber()]);
    w.push([w.spill(first, A, "PAYMENT_SCHEDULE", args, values)]);
    for (let i = 1; i < schedule.length; i++) w.push([]);
    const last = first + schedule.length - 1;
    w.format(`A${first}:A${last}`, F.date);
    w.format(`B${first}:C${last}`, F.money);
    return [first, last];
  };

  /** The salary's cells and rules, for the salary-balance programs and the contingent paydays. */
  let salaryBlock:
    | {
        totalCell: string;
        dates: string;
        amounts: string;
        /** The salary paid on these facts: the cells of the "salary" kind. */
        paidCells: string[];
        /** What the salary pays when employment ends on `end` (the model's rule): installments, the last day covered, the final partial. */
        through: (end: number) => { paidSum: Money; lastCovered: number; partial: Money };
        /** The partial period through `endCell`, a formula's text (0 unless inside the period and after the last day covered). */
        partial: (endCell: string, coveredCell: string, paidCell: string) => string;
      }
    | undefined;
  if (t.salary && salaryCells) {
    const s = t.salary;
    const sc = salaryCells;
    const frequency = s.frequency ?? t.payFrequency;
    w.blank();
    w.push([PAYMENT_KIND_LABELS.salary, null, "whole months at annual / 12 plus the days left over at annual / 365, to the cent once; paid on the payroll's paydays while employed"]);
    const from = serialToYmd(s.startDate);
    const after = serialToYmd(s.endDate + 1);
    const months0 = (after.year - from.year) * 12 + (after.month - from.month);
    const m0 = abs(
      B,
      w.push([
        "Calendar months to the day after",
        formula(`=(YEAR(${sc.end}+1)-YEAR(${sc.start}))*12+MONTH(${sc.end}+1)-MONTH(${sc.start})`, months0),
        "month numbers from the first day to the day after the last",
      ]),
    );
    const whole = months0 - (addMonthsClamped(s.startDate, months0) > s.endDate + 1 ? 1 : 0);
    const n = abs(
      B,
      w.push([
        "Whole months",
        formula(`=${m0}-IF(EDATE(${sc.start},${m0})>${sc.end}+1,1,0)`, whole),
        "the most months N with EDATE(from, N) on or before the day after the last",
      ]),
    );
    const leftover = s.endDate + 1 - addMonthsClamped(s.startDate, whole);
    const days = abs(B, w.push(["Days left over", formula(`=${sc.end}+1-EDATE(${sc.start},${n})`, leftover), "from EDATE(from, whole months) through the last day"]));
    const total = salaryTotal(s);
    const totalCell = abs(
      B,
      w.push(
        [
          "Salary over the period",
          formula(`=ROUND(${sc.annual}*${n}/12+${sc.annual}*${days}/365,2)`, total.toNumber()),
          `${whole} whole month${whole === 1 ? "" : "s"} at annual / 12 and ${leftover} day${leftover === 1 ? "" : "s"} at annual / 365`,
        ],
        F.money,
      ),
    );
    const schedule = paymentSchedule(total.toNumber(), s.startDate, s.endDate, frequency, calendar);
    const [first, last] = scheduleBlock(`${totalCell},${sc.start},${sc.end},${sc.frequency},${calendarCell}`, schedule);
    const dates = `$A$${first}:$A$${last}`;
    const amountsRange = `$B$${first}:$B$${last}`;
    const through = (end: number) => {
      const paidInstallments = schedule.filter((p) => p.date <= end);
      const paidSum = paidInstallments.reduce((sum, p) => sum.plus(p.amount), new Money(0));
      const lastCovered = paidInstallments.length > 0 ? paidInstallments[paidInstallments.length - 1].payday : s.startDate - 1;
      let partial = new Money(0);
      if (end < s.endDate && end > lastCovered) {
        const balance = salaryBalance(s.annualSalary, lastCovered, end);
        const left = total.minus(paidSum);
        partial = balance.greaterThan(left) ? left : balance;
      }
      return { paidSum, lastCovered, partial };
    };
    const partial = (endCell: string, coveredCell: string, paidCell: string) =>
      `IF(AND(${endCell}<${sc.end},${endCell}>${coveredCell}),MAX(0,MIN(OPTEX.SALARY_BALANCE(${sc.annual},${coveredCell},${endCell}),${totalCell}-${paidCell})),0)`;
    const onFacts = through(t.employmentEndDate);
    const paidRow = w.push(
      [
        "Salary installments paid",
        formula(`=ROUND(SUMIF(${dates},"<="&${employmentEnd},${amountsRange}),2)`, onFacts.paidSum.toNumber()),
        "the installments dated on or before the employment end date (those after it are not paid as salary: Contingent, below)",
      ],
      F.money,
    );
    const paidCells = [abs(B, paidRow)];
    // the final salary payment through the employment end, when employment ended inside the period:
    // the model's salary less the installments paid, listed only when more than 0
    const finalAmount = (result.totals.byKind.salary ?? new Money(0)).minus(onFacts.paidSum);
    if (finalAmount.greaterThan(0)) {
      if (!finalAmount.equals(onFacts.partial)) {
        throw new Error(`The worksheet was not written: the final salary payment (${finalAmount.toFixed(2)}) is not the partial period's (${onFacts.partial.toFixed(2)})`);
      }
      const covered = abs(
        B,
        w.push(
          ["Last day covered by an installment", onFacts.lastCovered, "the regular payday (before any move to a business day) of the last installment paid; the day before the salary starts when none was"],
          F.date,
        ),
      );
      const finalRow = w.push(
        [
          "Salary through the employment end",
          formula(`=${partial(employmentEnd, covered, abs(B, paidRow))}`, finalAmount.toNumber()),
          "SALARY_BALANCE (annual / 365 a day) from the day after the last day covered, capped at the period's salary not yet paid",
        ],
        F.money,
      );
      paidCells.push(abs(B, finalRow));
    }
    for (const cell of paidCells) addAmounts("salary", cell);
    salaryBlock = { totalCell, dates, amounts: amountsRange, paidCells, through, partial };
  }

  t.payments.forEach((program: PaymentProgram) => {
    const kind: PaymentKind = program.kind === "installments" ? "installment" : program.kind;
    if (result.contingent.some((c) => c.source === program.id && c.kind === kind)) return; // listed with its reason below
    const paid = paidOf(kind, program.id);
    if (paid.length === 0) throw new Error(`The worksheet was not written: the separation lists no payment of "${program.id}"`);
    w.blank();
    w.push([`${program.id}: ${program.description}`, null, program.kind]);
    switch (program.kind) {
      case "lump-sum": {
        const amountRow = w.push(["Amount", exactNumber(program.amount ?? "0", `payment "${program.id}"'s amount`)], F.money);
        w.push(["Paid on", dateCell(program.date, paid[0].date), dateNote(program.date)], F.date);
        addAmounts("lump-sum", abs(B, amountRow));
        break;
      }
      case "salary-balance": {
        const p = paid[0];
        const sb = salaryBlock;
        const sc = salaryCells;
        if (sb === undefined || sc === undefined || t.salary === undefined || program.through === undefined) {
          throw new Error(`The worksheet was not written: "${program.id}" pays a salary balance without a salary`);
        }
        const upToDate = Math.min(program.through, t.salary.endDate);
        const would = sb.through(upToDate);
        const throughRow = w.push(["Through", program.through, "the last day the salary would have been paid through"], F.date);
        const upTo = abs(B, w.push(["Salary had employment lasted through", formula(`=MIN(${abs(B, throughRow)},${sc.end})`, upToDate), "the date above, at most the salary's last day"], F.date));
        w.push(["Paid on", dateCell(program.date, p.date), dateNote(program.date)], F.date);
        const installments = abs(
          B,
          w.push(["Installments by then", formula(`=ROUND(SUMIF(${sb.dates},"<="&${upTo},${sb.amounts}),2)`, would.paidSum.toNumber()), "the salary's installments dated on or before that day"], F.money),
        );
        const covered = abs(
          B,
          w.push(["Last day covered by them", would.lastCovered, "the regular payday of the last of them; the day before the salary starts when none"], F.date),
        );
        const wouldTotal = would.paidSum.plus(would.partial);
        const wouldRow = w.push(
          [
            "Salary through then",
            formula(`=ROUND(${installments}+${sb.partial(upTo, covered, installments)},2)`, wouldTotal.toNumber()),
            "the installments and the partial period through that day, as the salary rules pay them",
          ],
          F.money,
        );
        const amountRow = w.push(
          [
            "Amount",
            formula(`=MAX(0,ROUND(${abs(B, wouldRow)}-SUM(${sb.paidCells.join(",")}),2))`, p.amount.toNumber()),
            "the salary through then less the salary paid on these facts (Salary continuation, above), at least 0",
          ],
          F.money,
        );
        addAmounts("salary-balance", abs(B, amountRow));
        break;
      }
      case "installments": {
        const total = new Money(program.total as string);
        const first = resolvedDate(program.startDate, result);
        const last = resolvedDate(program.endDate, result);
        const totalRow = w.push(["Program total", exactNumber(total, `payment "${program.id}"'s total`)], F.money);
        const firstRow = w.push(["From", dateCell(program.startDate, first), dateNote(program.startDate) ?? "the program's first day"], F.date);
        const lastRow = w.push(["Through", dateCell(program.endDate, last), dateNote(program.endDate) ?? "the program's last day"], F.date);
        const freqRow = w.push(["Frequency", program.frequency ?? formula(`=${payFrequency}`, t.payFrequency), program.frequency ? null : "the pay frequency"]);
        const schedule = paymentSchedule(total.toNumber(), first, last, program.frequency ?? t.payFrequency, calendar);
        const [a, b] = scheduleBlock(`${abs(B, totalRow)},${abs(B, firstRow)},${abs(B, lastRow)},${abs(B, freqRow)},${calendarCell}`, schedule);
        const sumRow = w.push(["Installments paid", formula(`=ROUND(SUM(B${a}:B${b}),2)`, total.toNumber())], F.money);
        addAmounts("installment", abs(B, sumRow));
        break;
      }
    }
  });

  if (t.consulting && result.consulting && consultingCells) {
    const k = consultingCells;
    w.blank();
    w.push([
      `Consulting ${serialToIso(t.consulting.startDate)} to ${serialToIso(t.consulting.endDate)}`,
      null,
      "hours beyond the included hours at the hourly rate, each month's fee to the cent; due by the business day on or before the invoice payment days after the invoice",
    ]);
    w.push(["Month", "Fee", "Hours", "Billable hours", "Invoice received", "Fee due"]);
    const first = w.next;
    (t.consulting.hoursLog ?? []).forEach((entry, i) => {
      const m = result.consulting?.months[i] as ConsultingMonthOutcome;
      const r = w.next;
      w.push([
        m.month,
        formula(`=OPTEX.CONSULTING_FEES(C${r},${k.included},${k.rate})`, m.fee.toNumber()),
        m.hours,
        formula(`=MAX(0,C${r}-${k.included})`, m.billableHours),
        entry.invoiceDate !== undefined ? entry.invoiceDate : formula(`=EOMONTH(A${r},0)`, m.invoiceDate),
        // the business day on or before invoice + days: one business day back from the day after
        formula(`=OPTEX.ADD_BUSINESS_DAYS(E${r}+${k.days}+1,-1,${calendarCell})`, m.dueDate),
      ]);
    });
    const last = w.next - 1;
    if (last >= first) {
      w.format(`A${first}:A${last}`, F.month);
      w.format(`B${first}:B${last}`, F.money);
      w.format(`E${first}:F${last}`, F.date);
      const fees = result.consulting.months.reduce((sum, m) => sum.plus(m.fee), new Money(0));
      w.push(["Fees on the hours logged", formula(`=ROUND(SUM($B$${first}:$B$${last}),2)`, fees.toNumber()), "the sum of the months' fees (each rounded to the cent on its invoice)"], F.money);
      // every month's fee cell (a month without a fee adds 0), so a changed month counts
      addAmounts("consulting", `$B$${first}:$B$${last}`);
    } else {
      w.push(["(no hours logged)"]);
    }
  }

  t.benefits.forEach((benefit, i) => {
    const coverage = result.benefits[i];
    w.blank();
    w.push([benefit.description, null, "benefits"]);
    const start = w.push(["From", benefit.startDate], F.date);
    const months = w.push(["Months", benefit.months]);
    w.push(["Covered through", formula(`=EDATE(${abs(B, start)},${abs(B, months)})-1`, coverage.endDate)], F.date);
    if (benefit.monthlyCost !== undefined && String(benefit.monthlyCost).trim() !== "") {
      const cost = w.push(["Monthly cost", exactNumber(benefit.monthlyCost, `benefit "${benefit.description}"'s monthly cost`)], F.money);
      const paid = new Money(benefit.monthlyCost).times(benefit.months);
      const paidRow = w.push(["Paid", formula(`=ROUND(${abs(B, cost)}*${abs(B, months)},2)`, paid.toNumber()), "the monthly cost on the first day of each month covered"], F.money);
      addAmounts("benefits", abs(B, paidRow));
    } else {
      w.push(["Paid", null, "coverage only: no cost stated"]);
    }
  });

  // repurchases: on the awards' rows below
  const awardRows = new Map<string, number>();
  const repurchases = result.payments.filter((p) => p.kind === "repurchase");
  for (const p of repurchases) {
    const award = t.awards.find((a) => a.id === p.source) as AwardTerms;
    const repurchase = award.modification?.repurchaseUnvested as { price: string; date: number };
    w.blank();
    w.push([`Repurchase: ${award.id}`, null, "unvested restricted shares bought back"]);
    const shares = w.push(["Shares", () => formula(`=${abs(col("Repurchased"), awardRows.get(award.id) as number)}`, result.awards.find((a) => a.awardId === award.id)?.repurchasedShares ?? 0), "the award's repurchased shares (Awards, below)"], F.shares);
    const price = w.push(["Price a share", exactNumber(repurchase.price, `award "${award.id}"'s repurchase price`)], F.perShare);
    w.push(["Paid on", repurchase.date], F.date);
    const amountRow = w.push(["Amount", formula(`=ROUND(${abs(B, shares)}*${abs(B, price)},2)`, p.amount.toNumber())], F.money);
    addAmounts("repurchase", abs(B, amountRow));
  }

  // totals by kind
  w.blank();
  w.push(["Totals by kind", "Amount", "Note"]);
  const kindCells: string[] = [];
  for (const kind of PAYMENT_KINDS) {
    const total = result.totals.byKind[kind];
    const cells = amounts.get(kind);
    if (total === undefined && cells === undefined) continue;
    const row = w.push(
      [PAYMENT_KIND_LABELS[kind], formula(cells ? `=ROUND(SUM(${cells.join(",")}),2)` : "=0", (total ?? new Money(0)).toNumber())],
      F.money,
    );
    kindCells.push(abs(B, row));
  }
  w.push(["Total", formula(kindCells.length > 0 ? `=ROUND(SUM(${kindCells.join(",")}),2)` : "=0", result.totals.total.toNumber())], F.money);

  if (result.contingent.length > 0) {
    w.blank();
    w.push(["Contingent (not paid on these facts)", "Would have been", "Why not"]);
    for (const c of result.contingent) {
      const amount = c.amount === undefined ? null : c.amount.toNumber();
      // the salary's paydays after the employment end: the schedule's installments dated after it
      const cell: CellModel =
        c.source === "salary" && c.kind === "salary" && salaryBlock !== undefined && amount !== null
          ? formula(`=ROUND(SUMIF(${salaryBlock.dates},">"&${employmentEnd},${salaryBlock.amounts}),2)`, amount)
          : amount;
      w.push([`${c.source}: ${c.description}`, cell, c.reason], F.money);
    }
  }

  // --- 4. Awards ---------------------------------------------------------------------------------
  if (t.awards.length > 0) {
    w.blank();
    w.push(["Awards: before and after the agreement", null, "vested before: when employment ended; after: as the agreement leaves it"]);
    w.push([...AWARD_COLUMNS]);
    const first = w.next;
    t.awards.forEach((award, i) => {
      const o = result.awards[i];
      const row = w.next;
      awardRows.set(award.id, row);
      w.push(awardRow(award, o, row, { employmentEnd, serviceEnd, market }));
    });
    const last = w.next - 1;
    const range = (name: AwardColumn, name2: AwardColumn = name) => `${columnLetter(col(name))}${first}:${columnLetter(col(name2))}${last}`;
    w.format(range("Grant date"), F.date);
    w.format(range("Shares"), F.shares);
    w.format(range("Exercise or purchase price"), F.perShare);
    w.format(range("Vesting start"), F.date);
    w.format(range("Expiration"), F.date);
    w.format(range("Window: outside date"), F.date);
    w.format(range("Vested before", "Repurchased"), F.shares);
    w.format(range("Expiration before", "Expiration after"), F.date);
    w.format(range("Term before (years)"), F.years);
    w.format(range("Value a share before"), F.perShare);
    w.format(range("Term after (years)"), F.years);
    w.format(range("Value a share after"), F.perShare);
    w.format(range("Fair value before", "Incremental fair value"), F.money);
    const ifv = columnLetter(col("Incremental fair value"));
    const totalRow = w.push([
      "Total incremental fair value",
      ...Array.from({ length: col("Incremental fair value") - 1 }, () => null),
      formula(`=SUM(${ifv}${first}:${ifv}${last})`, result.incrementalFairValue),
    ]);
    w.format(`${ifv}${totalRow}`, F.money);
    w.push([
      market
        ? "Values at the modification date: Black-Scholes-Merton calls, term ACT/365F to the expiry (0 once expired); vested shares only (unvested shares are forfeited on leaving). " +
          "Incremental: OPTEX.INCREMENTAL_FAIR_VALUE on the MIN(before, after) shares vested both ways (Type I; 0 when the new window has closed by the modification date, all of the value after when only the old one has) + accelerated x value after (Type III). Restricted stock: a share is worth MAX(0, stock price - purchase price) before and after; incremental = accelerated x that. A cancellation (the whole award, or none left vested without a repurchase) has no window, value or increment after."
        : "No market in the terms: the awards are not valued.",
    ]);
  }

  // --- 5. Flags ----------------------------------------------------------------------------------
  w.blank();
  w.push(["Flags", "Award", "What to check (not computed)"]);
  if (result.flags.length === 0) w.push(["(none)"]);
  for (const f of result.flags) w.push([f.code, f.awardId ?? null, f.message]);

  const widths = [34, 16, 16, ...Array.from({ length: AWARD_COLUMNS.length - 3 }, () => 14)];
  widths[C] = 40;
  const spilled = w.spills.map((x) => ({ row: x.row, col: x.col, values: x.values }));
  return { sheet: { name: separationSheetName(t.executive), cells: w.cells(), formats: w.formats, widths, spilled }, spills: w.spills };
}

/** The serial a DateRef resolved to in the model's result (the event's date). */
function resolvedDate(ref: DateRef | undefined, result: SeparationResult): number {
  if (ref === undefined) throw new Error("The worksheet was not written: a date the model needs is missing");
  if ("date" in ref) return ref.date;
  switch (ref.event) {
    case "agreementEffective":
      return result.agreementEffectiveDate;
    case "supplementalReleaseEffective":
      return (result.supplementalRelease as ReleaseOutcome).effectiveDate;
    case "employmentEnd":
      return result.terms.employmentEndDate;
    default:
      return result.serviceEndDate;
  }
}

/** One row of the awards table (see AWARD_COLUMNS). */
function awardRow(
  award: AwardTerms,
  o: AwardOutcome,
  row: number,
  refs: { employmentEnd: string; serviceEnd: string; market?: MarketCells },
): CellModel[] {
  const at = (name: AwardColumn) => `${columnLetter(col(name))}${row}`;
  const cells: CellModel[] = Array.from({ length: AWARD_COLUMNS.length }, () => null);
  const put = (name: AwardColumn, cell: CellModel) => {
    cells[col(name)] = cell;
  };
  const isOption = award.kind === "option";
  const mod = award.modification;
  const cancel = mod?.cancel === true;
  const repurchase = !isOption && !cancel && mod?.repurchaseUnvested !== undefined;
  const agreed = cancel ? undefined : mod?.vestedShares;
  // a cancellation (the model's): the whole award cancelled, or none of it left vested without a repurchase
  const cancellation = cancel || (agreed === 0 && !repurchase);
  const v = award.vesting;
  put("Award", award.id);
  put("Kind", award.kind);
  put("Grant date", award.grantDate);
  put("Shares", award.shares);
  put("Exercise or purchase price", isOption ? (award.exercisePrice ?? null) : award.purchasePrice !== undefined && String(award.purchasePrice).trim() !== "" ? exactNumber(award.purchasePrice, `award "${award.id}"'s purchase price`) : 0);
  put("Vesting start", award.vestingStart);
  put("Vesting months", v.vestingMonths);
  put("Cliff months", v.cliffMonths);
  put("Vested at grant", v.upfrontFraction);
  put("Interval months", v.intervalMonths);
  if (isOption) {
    put("Expiration", award.expirationDate ?? null);
    put("Post-termination months", award.postTerminationMonths);
  }
  if (isOption && mod?.exerciseWindow && !cancellation) {
    put("Window: outside date", mod.exerciseWindow.outsideDate);
    put("Window: months after service ends", mod.exerciseWindow.monthsAfterServiceEnds);
  }
  const vesting = `${at("Vesting months")},${at("Cliff months")},${at("Vested at grant")},${at("Interval months")}`;
  put("Vested before", formula(`=OPTEX.VESTED_SHARES(${at("Shares")},${at("Vesting start")},${refs.employmentEnd},${vesting})`, o.vestedBefore));
  if (cancel) put("Vested after", 0);
  else if (agreed !== undefined) put("Vested after", agreed);
  else if (mod?.continueVestingWhileConsulting === true) put("Vested after", formula(`=OPTEX.VESTED_SHARES(${at("Shares")},${at("Vesting start")},${refs.serviceEnd},${vesting})`, o.vestedShares));
  else put("Vested after", formula(`=${at("Vested before")}`, o.vestedShares));
  put("Accelerated", cancellation ? 0 : formula(`=MAX(0,${at("Vested after")}-${at("Vested before")})`, o.acceleratedShares));
  // where the other shares go: vested after + cancelled + forfeited + repurchased = shares
  const rest = (value: number) => formula(`=${at("Shares")}-${at("Vested after")}`, value);
  put("Cancelled", cancel ? formula(`=${at("Shares")}`, o.cancelledShares) : !repurchase && agreed !== undefined ? rest(o.cancelledShares) : 0);
  put("Forfeited", !cancel && !repurchase && agreed === undefined ? rest(o.forfeitedShares) : 0);
  put("Repurchased", repurchase ? rest(o.repurchasedShares) : 0);
  if (isOption) {
    put("Expiration before", formula(`=OPTEX.POST_TERMINATION_EXPIRY(${refs.employmentEnd},${at("Expiration")},${at("Post-termination months")})`, o.expirationBefore as number));
    if (!cancellation) {
      if (mod?.exerciseWindow) {
        put("Expiration after", formula(`=MIN(${at("Window: outside date")},EDATE(${refs.serviceEnd},${at("Window: months after service ends")}))`, o.expirationAfter as number));
      } else if (mod?.continueVestingWhileConsulting === true) {
        put("Expiration after", formula(`=OPTEX.POST_TERMINATION_EXPIRY(${refs.serviceEnd},${at("Expiration")},${at("Post-termination months")})`, o.expirationAfter as number));
      } else {
        put("Expiration after", formula(`=${at("Expiration before")}`, o.expirationAfter as number));
      }
    }
  }
  put("Modification type", o.modificationType);
  const m = refs.market;
  if (!m) {
    put("Fair value before", o.fairValueBefore);
    put("Fair value after", o.fairValueAfter);
    put("Incremental fair value", o.incrementalFairValue);
    return cells;
  }
  if (isOption) {
    const value = (term: AwardColumn, expiry: AwardColumn, perShare: AwardColumn, figures: { perShare: number; termYears: number }) => {
      put(term, formula(`=MAX(0,(${at(expiry)}-${m.date})/365)`, figures.termYears));
      put(
        perShare,
        formula(`=IF(${at(expiry)}<=${m.date},0,OPTEX.BLACK_SCHOLES_VALUE(${m.spot},${at("Exercise or purchase price")},${at(term)},${m.vol},${m.rate},${m.yield}))`, figures.perShare),
      );
    };
    value("Term before (years)", "Expiration before", "Value a share before", o.valueBefore as { perShare: number; termYears: number });
    put("Fair value before", formula(`=${at("Vested before")}*${at("Value a share before")}`, o.fairValueBefore));
    if (o.valueAfter) {
      value("Term after (years)", "Expiration after", "Value a share after", o.valueAfter);
      put("Fair value after", formula(`=${at("Vested after")}*${at("Value a share after")}`, o.fairValueAfter));
      put(
        "Incremental fair value",
        formula(
          // Type I on the shares vested both before and after: INCREMENTAL_FAIR_VALUE of the window
          // left before against the window after (a window already closed is worth 0, not its
          // intrinsic value, as in the model); Type III: the accelerated shares at the value after
          `=IF(OR(MIN(${at("Vested before")},${at("Vested after")})=0,${at("Expiration after")}<=${m.date}),0,` +
            `IF(${at("Expiration before")}<=${m.date},MIN(${at("Vested before")},${at("Vested after")})*${at("Value a share after")},` +
            `OPTEX.INCREMENTAL_FAIR_VALUE(${m.spot},${at("Exercise or purchase price")},${at("Term before (years)")},${at("Exercise or purchase price")},${at("Term after (years)")},${m.vol},${m.rate},${m.yield},` +
            `MIN(${at("Vested before")},${at("Vested after")}),MIN(${at("Vested before")},${at("Vested after")}))))` +
            `+${at("Accelerated")}*${at("Value a share after")}`,
          o.incrementalFairValue,
        ),
      );
    } else {
      put("Fair value after", o.fairValueAfter);
      put("Incremental fair value", o.incrementalFairValue);
    }
  } else {
    // restricted stock: a share is worth MAX(0, the stock price - the price paid for it), before and after
    const perShare = Math.max(0, m.stockPrice - Number(cells[col("Exercise or purchase price")] ?? 0));
    put("Value a share before", formula(`=MAX(0,${m.spot}-${at("Exercise or purchase price")})`, perShare));
    put("Value a share after", formula(`=${at("Value a share before")}`, perShare));
    put("Fair value before", formula(`=${at("Vested before")}*${at("Value a share before")}`, o.fairValueBefore));
    put("Fair value after", cancellation ? 0 : formula(`=${at("Vested after")}*${at("Value a share after")}`, o.fairValueAfter));
    put("Incremental fair value", cancellation ? 0 : formula(`=${at("Accelerated")}*${at("Value a share after")}`, o.incrementalFairValue));
  }
  return cells;
}

/** The sheet alone (see {@link layoutSeparationSheet}). */
export function buildSeparationSheet(result: SeparationResult): SheetModel {
  return layoutSeparationSheet(result).sheet;
}

/** The sheet as the workbook the gateways write (WorkbookGateway.writeWorkbook): one sheet, no names. */
export function buildSeparationWorkbook(result: SeparationResult): WorkbookModel {
  return { sheets: [buildSeparationSheet(result)], names: [] };
}
