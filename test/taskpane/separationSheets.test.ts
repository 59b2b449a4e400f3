/**
 * The `Separation <name>` worksheet (separationSheets.ts), recomputed by an independent spreadsheet
 * engine (HyperFormula with the OPTEX functions registered through the boundary Excel uses, spilled
 * arrays spilling as in Excel: sheetEngine.ts) and compared with the separation model
 * (computeSeparation) on the bundled seeds (assets/samples/separation-2002-almgren and
 * separation-2006-tucker, read as `optex separation` reads them) and on hand-made terms for the edge
 * cases (employment ending inside the salary period with a final partial salary, capped or not, and a
 * salary balance; salary paydays after the employment end; a zero balance; cancellations, a vested
 * count of 0, forfeited shares; consulting fees rounded a month at a time):
 * - every formula cell shows the figure the model computed (money to the cent and exactly, dates and
 *   share counts exactly, option values within 1e-9 relative), and so does every cell a spilled
 *   RELEASE_DATES or PAYMENT_SCHEDULE covers;
 * - changing an assumption cell recomputes the sheet to the model's figures for the changed terms;
 * - every award's vested, cancelled, forfeited and repurchased shares add up to its shares;
 * - text from the terms stays exactly that text ("=1+1" as the executive's name), the sheet passes
 *   checkWorkbookModel, and its name follows Excel's rules.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { HyperFormula } from "hyperformula";
import { isoToSerial } from "../../src/core/dates/serial";
import { consultingFees } from "../../src/core/separations/consultingFees";
import { computeSeparation } from "../../src/core/separations/separation";
import { readSeparationJson, readSeparationTerms } from "../../src/core/separations/terms";
import { SeparationResult, SeparationTerms } from "../../src/core/separations/types";
import { CellModel, checkWorkbookModel, columnLetter, SheetModel, sheetInputs, workbookModelProblems } from "../../src/taskpane/workbook/model";
import {
  AWARD_COLUMNS, buildSeparationSheet, buildSeparationWorkbook, EXCEL_MAX_SHEET_NAME, layoutSeparationSheet, SeparationSheetLayout, separationSheetName, SEPARATION_FORMATS,
} from "../../src/taskpane/workbook/separationSheets";
import { engineFor, valueAt, withEmptyCellsAs } from "./sheetEngine";

const d = (iso: string): number => {
  const serial = isoToSerial(iso);
  if (serial === undefined) throw new Error(`bad date ${iso}`);
  return serial;
};

const VESTING_48_12 = { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 };

/** A bundled sample's terms, read as the CLI and the pane read them. */
const sample = (dir: string): SeparationTerms =>
  readSeparationTerms(readSeparationJson(readFileSync(join(__dirname, "..", "..", "assets", "samples", dir, "TERMS.json"), "utf8")));
const ALMGREN = sample("separation-2002-almgren");
const TUCKER = sample("separation-2006-tucker");

/** Seed 000 (Almgren, the bundled sample): salary continuation, a supplemental lump sum, a salary balance, installments, releases; no market. */
function seed000(patch: Partial<SeparationTerms> = {}): SeparationTerms {
  return { ...JSON.parse(JSON.stringify(ALMGREN)), ...patch };
}

/** Seed 001 (Tucker, the bundled sample): consulting, benefits, the modified option, the repurchased restricted stock, cancelled options. */
function seed001(patch: Partial<SeparationTerms> = {}): SeparationTerms {
  return { ...JSON.parse(JSON.stringify(TUCKER)), ...patch };
}

// ------------------------------------------------------------------------------------------------
// Checking a sheet against the model
// ------------------------------------------------------------------------------------------------

type Kind = "date" | "shares" | "money" | "value";

/** Each cell's number format on the sheet ("B7" -> code). */
function formatsOf(sheet: SheetModel): Map<string, string> {
  const at = new Map<string, string>();
  const index = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (const f of sheet.formats) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(f.range) as RegExpExecArray;
    const [c1, r1] = [index(m[1]), Number(m[2])];
    const [c2, r2] = m[3] ? [index(m[3]), Number(m[4])] : [c1, r1];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) at.set(`${columnLetter(c)}${r}`, f.format);
  }
  return at;
}

function kindOf(format: string | undefined): Kind {
  if (format === SEPARATION_FORMATS.date || format === SEPARATION_FORMATS.month) return "date";
  if (format === SEPARATION_FORMATS.shares) return "shares";
  if (format === SEPARATION_FORMATS.money) return "money";
  return "value";
}

/**
 * Why the engine's value is not the model's, or undefined when it is: text exactly; every number
 * within 1e-9 relative (0 exactly); dates and share counts exactly; money to the same cent.
 */
function mismatch(actual: unknown, expected: number | string, kind: Kind): string | undefined {
  if (typeof expected === "string" || typeof actual !== "number") return actual === expected ? undefined : `${JSON.stringify(actual)} != ${JSON.stringify(expected)}`;
  if (kind === "date" || kind === "shares") return actual === expected ? undefined : `${actual} != ${expected} (${kind}, exactly)`;
  if (kind === "money" && Math.round(actual * 100) !== Math.round(expected * 100)) return `${actual} != ${expected} (to the cent)`;
  if (actual !== expected && !(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected))) return `${actual} != ${expected} (1e-9 relative)`;
  return undefined;
}

interface Checked {
  formulas: number;
  spilled: number;
  problems: string[];
}

/** Every formula cell and every spilled cell of the sheet, recomputed by the engine, against the model's figures. */
function check(layout: SeparationSheetLayout, hf: HyperFormula = engineFor({ sheets: [layout.sheet], names: [] })): Checked {
  const sheet = layout.sheet;
  const formats = formatsOf(sheet);
  const out: Checked = { formulas: 0, spilled: 0, problems: [] };
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || typeof cell !== "object") return;
      out.formulas++;
      const address = `${columnLetter(c)}${r + 1}`;
      const why = mismatch(valueAt(hf, sheet.name, r, c), cell.value, kindOf(formats.get(address)));
      if (why) out.problems.push(`${address} ${cell.formula}: ${why}`);
    }),
  );
  for (const s of layout.spills) {
    s.values.forEach((values, i) =>
      values.forEach((expected, j) => {
        out.spilled++;
        const address = `${columnLetter(s.col + j)}${s.row + i + 1}`;
        const why = mismatch(valueAt(hf, sheet.name, s.row + i, s.col + j), expected, kindOf(formats.get(address)));
        if (why) out.problems.push(`${address} (spilled from ${s.anchor}, ${s.fn}): ${why}`);
      }),
    );
  }
  return out;
}

/** The 1-based row whose column A is `label` (the first, or the n-th). */
function rowOf(sheet: SheetModel, label: string, nth = 1): number {
  let seen = 0;
  const i = sheet.cells.findIndex((row) => row[0] === label && ++seen === nth);
  if (i < 0) throw new Error(`no row "${label}" on ${sheet.name}`);
  return i + 1;
}

/** The cell in column `col` (0-based) of the row labelled `label`. */
const cellOf = (sheet: SheetModel, label: string, col = 1): CellModel => sheet.cells[rowOf(sheet, label) - 1][col] ?? null;
const valueOf = (cell: CellModel) => (cell !== null && typeof cell === "object" ? cell.value : cell);

function setCell(hf: HyperFormula, sheet: SheetModel, label: string, value: number | string) {
  hf.setCellContents({ sheet: hf.getSheetId(sheet.name) as number, row: rowOf(sheet, label) - 1, col: 1 }, [[value]]);
}

/** Each award row's vested-after, cancelled, forfeited and repurchased shares, and its shares, as the sheet shows them. */
function shareCounts(sheet: SheetModel) {
  const header = rowOf(sheet, "Award");
  const rows: { id: unknown; shares: unknown; after: unknown; cancelled: unknown; forfeited: unknown; repurchased: unknown }[] = [];
  for (let r = header; r < sheet.cells.length && sheet.cells[r][0] !== "Total incremental fair value"; r++) {
    const at = (name: (typeof AWARD_COLUMNS)[number]) => valueOf(sheet.cells[r][AWARD_COLUMNS.indexOf(name)] ?? null);
    rows.push({ id: at("Award"), shares: at("Shares"), after: at("Vested after"), cancelled: at("Cancelled"), forfeited: at("Forfeited"), repurchased: at("Repurchased") });
  }
  return rows;
}

/** The award rows add up (vested after + cancelled + forfeited + repurchased = shares) and carry the model's counts. */
function expectSharesAccountedFor(sheet: SheetModel, result: SeparationResult) {
  const rows = shareCounts(sheet);
  expect(rows.map((r) => r.id)).toEqual(result.awards.map((a) => a.awardId));
  rows.forEach((r, i) => {
    const a = result.awards[i];
    expect([r.after, r.cancelled, r.forfeited, r.repurchased]).toEqual([a.vestedShares, a.cancelledShares, a.forfeitedShares, a.repurchasedShares]);
    expect((r.after as number) + (r.cancelled as number) + (r.forfeited as number) + (r.repurchased as number)).toBe(r.shares);
  });
}

/** The contingent rows: [what, would have been (the cell), why]. */
function contingentRows(sheet: SheetModel): CellModel[][] {
  const header = rowOf(sheet, "Contingent (not paid on these facts)");
  const rows: CellModel[][] = [];
  for (let r = header; r < sheet.cells.length && sheet.cells[r].length > 0; r++) rows.push(sheet.cells[r]);
  return rows;
}

// ------------------------------------------------------------------------------------------------

describe("the Separation sheet of seed 000 (the bundled Almgren sample: salary, lump sum, salary balance, installments, releases)", () => {
  const result = computeSeparation(seed000());
  const layout = layoutSeparationSheet(result);
  const sheet = layout.sheet;

  it("is named for the executive and can be written exactly", () => {
    expect(sheet.name).toBe("Separation Dr. Ake Almgren");
    expect(workbookModelProblems(buildSeparationWorkbook(result))).toEqual([]);
    expect(() => checkWorkbookModel(buildSeparationWorkbook(result))).not.toThrow();
    expect(buildSeparationSheet(result)).toEqual(sheet);
  });

  it("every formula cell and every spilled cell, recomputed by a spreadsheet engine, shows the model's figure", () => {
    const checked = check(layout);
    expect(checked.problems).toEqual([]);
    expect(checked.formulas).toBeGreaterThan(20);
    // two releases (3 cells each), the salary's 12 installments and the program's 24, 3 columns each
    expect(layout.spills.map((s) => [s.fn, s.values.length])).toEqual([
      ["RELEASE_DATES", 1], ["RELEASE_DATES", 1], ["PAYMENT_SCHEDULE", 12], ["PAYMENT_SCHEDULE", 24],
    ]);
    expect(checked.spilled).toBe(3 + 3 + 12 * 3 + 24 * 3);
  });

  it("shows the seed's figures: $185,150 of salary (six whole months), 24 installments of $7,714.58 (the last $7,714.66), $100,000, $470,300 in all", () => {
    expect(valueOf(cellOf(sheet, "Whole months"))).toBe(6);
    expect(valueOf(cellOf(sheet, "Days left over"))).toBe(0);
    expect(valueOf(cellOf(sheet, "Salary over the period"))).toBe(185150);
    expect(cellOf(sheet, "Salary over the period")).toMatchObject({ formula: expect.stringMatching(/^=ROUND\(\$B\$\d+\*\$B\$\d+\/12\+\$B\$\d+\*\$B\$\d+\/365,2\)$/) });
    expect(cellOf(sheet, "Whole months")).toMatchObject({ formula: expect.stringMatching(/^=\$B\$\d+-IF\(EDATE\(\$B\$\d+,\$B\$\d+\)>\$B\$\d+\+1,1,0\)$/) });
    const installments = layout.spills[3];
    expect(installments.values[0]).toEqual([d("2003-05-15"), 7714.58, 7714.58]);
    expect(installments.values[23]).toEqual([d("2004-04-30"), 7714.66, 185150]);
    expect(valueOf(cellOf(sheet, "Total"))).toBe(470300);
    expect(result.totals.total.toFixed(2)).toBe("470300.00");
    // the releases: effective on the revocation period's last day ("on"); no delivery date, so no consideration deadline
    expect(layout.spills[0].values).toEqual([["", d("2002-11-07"), d("2002-11-07")]]);
    expect(layout.spills[1].values).toEqual([["", d("2003-05-14"), d("2003-05-14")]]);
    // the lump sum is paid on the supplemental release's effective date: a formula on that spilled cell
    const paidOn = sheet.cells[rowOf(sheet, "Paid on") - 1][1];
    expect(paidOn).toEqual({ formula: `=$D$${rowOf(sheet, "Supplemental release")}`, value: d("2003-05-14") });
    // employed through the six-month anniversary: no final partial salary, and the salary balance is
    // $0.00, so it is contingent ("nothing left to pay"), not a payment
    expect(() => rowOf(sheet, "Salary through the employment end")).toThrow();
    const balance = contingentRows(sheet).find((row) => row[0] === `salary-balance: ${ALMGREN.payments[1].description}`);
    expect(balance?.[1]).toBe(0);
    expect(balance?.[2]).toMatch(/^nothing left to pay: /);
    expect(result.totals.byKind["salary-balance"]).toBeUndefined();
  });

  it("recomputes from its assumption cells: a higher salary, one day more of it and a later supplemental release", () => {
    const hf = engineFor({ sheets: [sheet], names: [] });
    setCell(hf, sheet, "Annual salary", 400000);
    setCell(hf, sheet, "Salary through", d("2003-05-07"));
    setCell(hf, sheet, "Supplemental release: signed", d("2003-05-09"));
    const changed = computeSeparation(
      seed000({ salary: { annualSalary: 400000, startDate: d("2002-11-07"), endDate: d("2003-05-07") }, supplementalRelease: { ...ALMGREN.supplementalRelease!, signedDate: d("2003-05-09") } }),
    );
    const checked = check(layoutSeparationSheet(changed), hf);
    expect(checked.problems).toEqual([]);
    // six whole months and one day: 200,000 + 400,000 / 365
    expect(changed.totals.byKind.salary?.toFixed(2)).toBe("201095.89");
  });

  it("one day more never pays less: the salary over the period is whole months at annual / 12 plus days at annual / 365", () => {
    let previous = 0;
    for (const end of ["2003-05-05", "2003-05-06", "2003-05-07", "2003-06-05", "2003-06-06"]) {
      const r = computeSeparation(seed000({ salary: { ...ALMGREN.salary!, endDate: d(end) }, payments: [] }));
      const l = layoutSeparationSheet(r);
      expect(check(l).problems).toEqual([]);
      const total = valueOf(cellOf(l.sheet, "Salary over the period")) as number;
      expect(total).toBeGreaterThan(previous);
      previous = total;
    }
    expect(previous).toBe(216008.33); // seven whole months: 370,300 x 7 / 12
  });

  it("let go on 2003-02-27: installments to the employment end, a final partial salary, the paydays after it contingent, the salary balance paid", () => {
    const early = computeSeparation(seed000({ employmentEndDate: d("2003-02-27") }));
    const l = layoutSeparationSheet(early);
    expect(check(l).problems).toEqual([]);
    const s = l.sheet;
    const installmentsPaid = early.payments.filter((p) => p.kind === "salary" && p.date < d("2003-02-27"));
    expect(valueOf(cellOf(s, "Salary installments paid"))).toBe(installmentsPaid.reduce((n, p) => n + p.amount.toNumber() * 100, 0) / 100);
    // the last installment paid is the 15th's (paid Friday the 14th): 12 days at 370,300 / 365
    expect(valueOf(cellOf(s, "Last day covered by an installment"))).toBe(d("2003-02-15"));
    expect(cellOf(s, "Salary through the employment end")).toMatchObject({ formula: expect.stringContaining("OPTEX.SALARY_BALANCE("), value: 12174.25 });
    expect(Math.round(((valueOf(cellOf(s, "Salary installments paid")) as number) + (valueOf(cellOf(s, "Salary through the employment end")) as number)) * 100)).toBe(
      Math.round(early.totals.byKind.salary!.toNumber() * 100),
    );
    // the paydays after the employment end: one contingent entry of the salary, live on the schedule, not summed
    const salaryRow = contingentRows(s).find((row) => typeof row[0] === "string" && row[0].startsWith("salary: "));
    const notPaid = early.contingent.find((c) => c.source === "salary" && c.kind === "salary");
    expect(salaryRow?.[1]).toMatchObject({ formula: expect.stringMatching(/^=ROUND\(SUMIF\(\$A\$\d+:\$A\$\d+,">"&\$B\$\d+,\$B\$\d+:\$B\$\d+\),2\)$/), value: notPaid!.amount!.toNumber() });
    expect(salaryRow?.[2]).toBe(notPaid!.reason);
    // the salary balance: the salary through the six-month anniversary less the salary paid
    expect(valueOf(cellOf(s, "Salary through then"))).toBe(185150);
    expect(valueOf(cellOf(s, "Salary balance"))).toBe(early.totals.byKind["salary-balance"]!.toNumber());
    expect(early.totals.byKind.salary!.plus(early.totals.byKind["salary-balance"]!).toFixed(2)).toBe("185150.00");
    expect(valueOf(cellOf(s, "Total"))).toBe(early.totals.total.toNumber());
  });

  it("a salary balance through a day inside the period: the installments by then and the partial period to that day", () => {
    const program = { ...ALMGREN.payments[1], through: d("2003-04-06") };
    const terms = seed000({ employmentEndDate: d("2003-02-27"), payments: [ALMGREN.payments[0], program, ALMGREN.payments[2]] });
    const r = computeSeparation(terms);
    const l = layoutSeparationSheet(r);
    expect(check(l).problems).toEqual([]);
    // by then: ten installments of $15,429.16 (through March 31), then April 1 to 6 at 370,300 / 365 a day
    expect(valueOf(cellOf(l.sheet, "Salary had employment lasted through"))).toBe(d("2003-04-06"));
    expect(valueOf(cellOf(l.sheet, "Installments by then"))).toBe(154291.6);
    expect(valueOf(cellOf(l.sheet, "Last day covered by them"))).toBe(d("2003-03-31"));
    expect(valueOf(cellOf(l.sheet, "Salary through then"))).toBe(154291.6 + 6087.12);
    // less the salary paid: seven installments ($108,004.12) and February 16 to 27 ($12,174.25)
    expect(r.totals.byKind.salary?.toFixed(2)).toBe("120178.37");
    expect(valueOf(cellOf(l.sheet, "Salary balance"))).toBe(40200.35);
    expect(r.totals.byKind["salary-balance"]?.toFixed(2)).toBe("40200.35");
  });

  it("a program whose condition fails is listed with its reason and not summed", () => {
    const forCause = computeSeparation(seed000({ terminationReason: "for-cause" }));
    const l = layoutSeparationSheet(forCause);
    expect(check(l).problems).toEqual([]);
    const rows = contingentRows(l.sheet);
    expect(rows.map((row) => row[0])).toEqual(forCause.contingent.map((c) => `${c.source}: ${c.description}`));
    expect(rows.map((row) => row[2])).toEqual(forCause.contingent.map((c) => c.reason));
    expect(rows.every((row) => typeof row[1] === "number" || row[1] === null)).toBe(true);
    expect(valueOf(cellOf(l.sheet, "Total"))).toBe(forCause.totals.total.toNumber());
    expect(forCause.contingent.length).toBe(3);
  });
});

describe("the salary's edge cases (hand-made terms)", () => {
  /** Biweekly salary from 2006-01-02 through 2006-02-28 (one month and 27 days), $100,000 a year; no other program. */
  const base = (patch: Partial<SeparationTerms> = {}) =>
    seed000({
      salary: { annualSalary: 100000, startDate: d("2006-01-02"), endDate: d("2006-02-28"), frequency: "biweekly" },
      payments: [{ id: "balance", kind: "salary-balance", description: "Balance of the salary", through: d("2006-02-28"), date: { date: d("2006-03-15") } }],
      awards: [],
      scenarios: [],
      ...patch,
    });

  it("the final partial salary is capped at the period's salary not yet paid, and a zero salary balance is contingent", () => {
    // five paydays (2006-01-02 a holiday: paid 2005-12-30); employment ends 2006-02-26: four paid,
    // 13 days since the 13th's payday would pay $3,561.64, more than the $3,146.15 left
    const r = computeSeparation(base({ employmentEndDate: d("2006-02-26") }));
    const l = layoutSeparationSheet(r);
    expect(check(l).problems).toEqual([]);
    const s = l.sheet;
    expect(valueOf(cellOf(s, "Whole months"))).toBe(1);
    expect(valueOf(cellOf(s, "Days left over"))).toBe(27);
    expect(valueOf(cellOf(s, "Salary over the period"))).toBe(r.totals.byKind.salary!.toNumber());
    expect(valueOf(cellOf(s, "Salary through the employment end"))).toBe(3146.15);
    // the last installment is after the employment end: contingent, though the salary is paid in full
    expect(r.contingent.map((c) => [c.source, c.amount?.toFixed(2)])).toEqual([["salary", "3146.15"], ["balance", "0.00"]]);
    const rows = contingentRows(s);
    expect(rows.map((row) => valueOf(row[1] ?? null))).toEqual([3146.15, 0]);
    expect(rows[1][2]).toMatch(/^nothing left to pay: /);
    expect(valueOf(cellOf(s, "Total"))).toBe(r.totals.total.toNumber());
  });

  it("employment ends before the first payday: no installment, the partial salary from the first day, every payday contingent", () => {
    // semimonthly from 2006-01-03: the first payday is the 15th (a Sunday, paid Friday the 13th), after the employment end on the 10th
    const r = computeSeparation(base({ employmentEndDate: d("2006-01-10"), salary: { annualSalary: 100000, startDate: d("2006-01-03"), endDate: d("2006-02-28"), frequency: "semimonthly" } }));
    const l = layoutSeparationSheet(r);
    expect(check(l).problems).toEqual([]);
    expect(valueOf(cellOf(l.sheet, "Salary installments paid"))).toBe(0);
    expect(valueOf(cellOf(l.sheet, "Last day covered by an installment"))).toBe(d("2006-01-02"));
    expect(r.payments.filter((p) => p.kind === "salary").map((p) => [p.date, p.amount.toFixed(2)])).toEqual([[d("2006-01-10"), "2191.78"]]); // 8 days at 100,000 / 365
    // every payday is after the employment end: the whole period's salary is contingent
    expect(r.contingent.find((c) => c.source === "salary")?.amount?.toNumber()).toBe(valueOf(cellOf(l.sheet, "Salary over the period")));
    expect(valueOf(cellOf(l.sheet, "Salary through the employment end"))).toBe(r.totals.byKind.salary!.toNumber());
    expect(valueOf(cellOf(l.sheet, "Salary balance"))).toBe(r.totals.byKind["salary-balance"]!.toNumber());
  });
});

describe("the Separation sheet of seed 001 (the bundled Tucker sample: consulting, benefits, the modified option, repurchased restricted stock)", () => {
  const result = computeSeparation(seed001());
  const layout = layoutSeparationSheet(result);
  const sheet = layout.sheet;
  const awardsHeader = rowOf(sheet, "Award");
  const award = (i: number, column: (typeof AWARD_COLUMNS)[number]) => valueOf(sheet.cells[awardsHeader + i][AWARD_COLUMNS.indexOf(column)] ?? null);

  it("every formula cell, recomputed by a spreadsheet engine, shows the model's figure", () => {
    const checked = check(layout);
    expect(checked.problems).toEqual([]);
    expect(checked.formulas).toBeGreaterThan(40);
    expect(() => checkWorkbookModel(buildSeparationWorkbook(result))).not.toThrow();
  });

  it("the option: 1,458,333 vested when employment ended, 1,500,000 after, the window to 2007-07-31, valued on 2006-08-01", () => {
    expect(award(0, "Vested before")).toBe(1458333);
    expect(award(0, "Vested after")).toBe(1500000);
    expect(award(0, "Accelerated")).toBe(41667);
    expect(award(0, "Cancelled")).toBe(500000);
    expect(award(0, "Forfeited")).toBe(0);
    expect(award(0, "Expiration before")).toBe(d("2006-10-31"));
    expect(award(0, "Expiration after")).toBe(d("2007-07-31"));
    expect(award(0, "Term before (years)")).toBe(91 / 365);
    expect(award(0, "Term after (years)")).toBe(364 / 365);
    expect(award(0, "Modification type")).toBe("I+III");
    const o = result.awards[0];
    expect(award(0, "Incremental fair value")).toBe(o.incrementalFairValue);
    expect(o.incrementalFairValue).toBeCloseTo(1458333 * (o.valueAfter!.perShare - o.valueBefore!.perShare) + 41667 * o.valueAfter!.perShare, 6);
    const header = sheet.cells[awardsHeader - 1];
    expect(header).toEqual([...AWARD_COLUMNS]);
    const formulaOf = (column: (typeof AWARD_COLUMNS)[number]) => (sheet.cells[awardsHeader][AWARD_COLUMNS.indexOf(column)] as { formula: string }).formula;
    expect(formulaOf("Vested before")).toMatch(/^=OPTEX\.VESTED_SHARES\(D\d+,F\d+,\$B\$\d+,G\d+,H\d+,I\d+,J\d+\)$/);
    expect(formulaOf("Expiration before")).toMatch(/^=OPTEX\.POST_TERMINATION_EXPIRY\(\$B\$\d+,K\d+,L\d+\)$/);
    expect(formulaOf("Expiration after")).toMatch(/^=MIN\(M\d+,EDATE\(\$B\$\d+,N\d+\)\)$/);
    expect(formulaOf("Value a share after")).toContain("OPTEX.BLACK_SCHOLES_VALUE($B$");
  });

  it("the restricted stock: worth the stock price less the $0.001 paid a share; 125,000 shares repurchased ($125.00); the June 2006 options cancelled", () => {
    expect(award(1, "Repurchased")).toBe(125000);
    expect(award(1, "Cancelled")).toBe(0);
    expect(award(1, "Forfeited")).toBe(0);
    expect(award(1, "Value a share before")).toBe(2 - 0.001);
    expect((sheet.cells[awardsHeader + 1][AWARD_COLUMNS.indexOf("Value a share before")] as { formula: string }).formula).toMatch(/^=MAX\(0,\$B\$\d+-E\d+\)$/);
    expect(award(1, "Incremental fair value")).toBe(result.awards[1].incrementalFairValue);
    expect(valueOf(cellOf(sheet, "Repurchase of unvested shares"))).toBe(125);
    expect(award(2, "Cancelled")).toBe(100000);
    expect(award(2, "Modification type")).toBe("cancellation");
    expect(valueOf(cellOf(sheet, "Total incremental fair value", AWARD_COLUMNS.indexOf("Incremental fair value")))).toBe(result.incrementalFairValue);
    expectSharesAccountedFor(sheet, result);
  });

  it("consulting: CONSULTING_FEES a month, their sum the total; due by the business day on or before 15 days after the invoice", () => {
    const first = rowOf(sheet, "Month") + 1;
    const months = result.consulting!.months;
    months.forEach((m, i) => {
      const row = sheet.cells[first - 1 + i];
      expect(row[1]).toMatchObject({ formula: `=OPTEX.CONSULTING_FEES(C${first + i},$B$${rowOf(sheet, "Included hours a month")},$B$${rowOf(sheet, "Hourly rate")})` });
      expect(row[4]).toEqual({ formula: `=EOMONTH(A${first + i},0)`, value: m.invoiceDate });
      expect(row[5]).toMatchObject({ formula: expect.stringMatching(/^=OPTEX\.ADD_BUSINESS_DAYS\(E\d+\+\$B\$\d+\+1,-1,\$B\$\d+\)$/), value: m.dueDate });
    });
    // September's invoice (the 30th) + 15 days is Sunday, October 15: due Friday the 13th
    expect(valueOf(sheet.cells[first][5] ?? null)).toBe(d("2006-10-13"));
    expect(cellOf(sheet, "Fees on the hours logged")).toMatchObject({ formula: `=ROUND(SUM($B$${first}:$B$${first + months.length - 1}),2)`, value: 2000 + 1000 });
    expect(result.totals.byKind.consulting?.toFixed(2)).toBe("3000.00");
    expect(valueOf(cellOf(sheet, "Total"))).toBe(3000 + 125);
  });

  it("each month's fee is rounded to the cent on its invoice: 0.25 hours at $333.33 twice is $166.66, not CONSULTING_FEES' $166.67 over both", () => {
    const terms = seed001({
      consulting: { ...TUCKER.consulting!, hourlyRate: 333.33, hoursLog: [{ month: d("2006-08-01"), hours: 10.25 }, { month: d("2006-09-01"), hours: 10.25, invoiceDate: d("2006-10-06") }] },
    });
    const r = computeSeparation(terms);
    const l = layoutSeparationSheet(r);
    expect(check(l).problems).toEqual([]);
    expect(valueOf(cellOf(l.sheet, "Fees on the hours logged"))).toBe(166.66);
    expect(consultingFees([10.25, 10.25], 10, 333.33).toFixed(2)).toBe("166.67");
    expect(valueOf(cellOf(l.sheet, "Consulting fees"))).toBe(166.66);
    // an invoice date as stated: 2006-10-06 + 15 = 2006-10-21, a Saturday: due Friday the 20th
    const first = rowOf(l.sheet, "Month") + 1;
    expect(l.sheet.cells[first][4]).toBe(d("2006-10-06"));
    expect(valueOf(l.sheet.cells[first][5] ?? null)).toBe(d("2006-10-20"));
  });

  it("recomputes from its assumption cells: another stock price, volatility and service end", () => {
    const hf = engineFor({ sheets: [sheet], names: [] });
    setCell(hf, sheet, "Stock price", 2.5);
    setCell(hf, sheet, "Volatility", 0.45);
    setCell(hf, sheet, "Consulting through", d("2007-03-31"));
    const base = seed001();
    const changed = computeSeparation(seed001({ market: { ...base.market!, stockPrice: 2.5, volatility: 0.45 }, consulting: { ...base.consulting!, endDate: d("2007-03-31") } }));
    expect(changed.awards[0].expirationAfter).toBe(d("2007-06-30"));
    expect(check(layoutSeparationSheet(changed), hf).problems).toEqual([]);
  });

  it("benefits with a cost, vesting that continues while consulting, an option left as it is, forfeited restricted stock", () => {
    const base = seed001();
    const terms = seed001({
      benefits: [{ description: "Medical benefits", startDate: d("2006-08-01"), months: 3, monthlyCost: "1250.50" }],
      awards: [
        ...base.awards,
        {
          id: "2005 option", kind: "option", incentiveStockOption: true, grantDate: d("2005-03-01"), shares: 48000, exercisePrice: 0.9, vestingStart: d("2005-03-01"),
          vesting: VESTING_48_12, expirationDate: d("2015-03-01"), postTerminationMonths: 3, modification: { continueVestingWhileConsulting: true },
        },
        { id: "2004 option", kind: "option", incentiveStockOption: false, grantDate: d("2004-01-15"), shares: 10000, exercisePrice: 3, vestingStart: d("2004-01-15"), vesting: VESTING_48_12, expirationDate: d("2014-01-15"), postTerminationMonths: 3 },
        {
          id: "window closed", kind: "option", incentiveStockOption: false, grantDate: d("2004-02-01"), shares: 24000, exercisePrice: 1, vestingStart: d("2004-02-01"), vesting: VESTING_48_12,
          expirationDate: d("2014-02-01"), postTerminationMonths: 0, modification: { exerciseWindow: { outsideDate: d("2007-01-31"), monthsAfterServiceEnds: 1 } },
        },
        { id: "forfeited stock", kind: "restricted-stock", incentiveStockOption: false, grantDate: d("2005-01-03"), shares: 4800, vestingStart: d("2005-01-03"), vesting: VESTING_48_12, postTerminationMonths: 0 },
      ],
    });
    const r = computeSeparation(terms);
    const l = layoutSeparationSheet(r);
    expect(check(l).problems).toEqual([]);
    expect(r.awards[4].vestedShares).toBe(28000); // 28 months to the service end 2007-07-31
    expect(r.totals.byKind.benefits?.toFixed(2)).toBe("3751.50");
    expect(valueOf(cellOf(l.sheet, "Benefits"))).toBe(3751.5);
    expect(r.flags.map((f) => f.code)).toEqual(expect.arrayContaining(["iso-taxed-as-nso", "expired-before-modification"]));
    // the closed window: worth 0 a share before (its expiry 2006-07-31 is before the modification date), valued after
    const header = rowOf(l.sheet, "Award");
    const closed = l.sheet.cells[header + 6];
    expect(closed[0]).toBe("window closed");
    expect(valueOf(closed[AWARD_COLUMNS.indexOf("Value a share before")] ?? null)).toBe(0);
    expect(valueOf(closed[AWARD_COLUMNS.indexOf("Incremental fair value")] ?? null)).toBeGreaterThan(0);
    // the restricted stock left as it is: its unvested shares are forfeited under its own terms, not cancelled
    const forfeited = l.sheet.cells[header + 7];
    expect(valueOf(forfeited[AWARD_COLUMNS.indexOf("Forfeited")] ?? null)).toBe(4800 - r.awards[7].vestedBefore);
    expect(valueOf(forfeited[AWARD_COLUMNS.indexOf("Cancelled")] ?? null)).toBe(0);
    // the unvested shares of the option vesting while consulting are forfeited when service ends
    expect(r.awards[4].forfeitedShares).toBe(20000);
    expectSharesAccountedFor(l.sheet, r);
    const flags = rowOf(l.sheet, "Flags");
    expect(l.sheet.cells.slice(flags).map((row) => row[0])).toEqual(r.flags.map((f) => f.code));
  });

  it("cancellations: vested shares cancelled, none left vested (no window after), everything repurchased, stock worth less than its price", () => {
    const base = seed001();
    const terms = seed001({
      awards: [
        // the agreement leaves 1,000,000 of the 1,458,333 vested: 1,000,000 shares cancelled, 458,333 of them vested
        { ...base.awards[0], id: "cut", modification: { vestedShares: 1000000 } },
        // none left vested, without a repurchase: a cancellation, the window stated is not used
        { ...base.awards[0], id: "none vested", modification: { vestedShares: 0, exerciseWindow: { outsideDate: d("2007-07-31"), monthsAfterServiceEnds: 3 } } },
        // none left vested, with a repurchase: every share repurchased, not a cancellation
        { ...base.awards[1], id: "all repurchased", modification: { vestedShares: 0, repurchaseUnvested: { price: "0.001", date: d("2006-08-31") } } },
        // bought at $3.00 a share, the stock at $2.00: worth 0 a share
        { ...base.awards[1], id: "under water", purchasePrice: "3.00", modification: { vestedShares: 400000 } },
      ],
    });
    const r = computeSeparation(terms);
    const l = layoutSeparationSheet(r);
    expect(check(l).problems).toEqual([]);
    expectSharesAccountedFor(l.sheet, r);
    const header = rowOf(l.sheet, "Award");
    const at = (i: number, column: (typeof AWARD_COLUMNS)[number]) => l.sheet.cells[header + i][AWARD_COLUMNS.indexOf(column)] ?? null;
    expect(valueOf(at(0, "Cancelled"))).toBe(1000000);
    expect(r.timeline.some((e) => e.label.includes('"cut": the agreement cancels 1,000,000 shares, 458,333 of them vested'))).toBe(true);
    expect(valueOf(at(1, "Modification type"))).toBe("cancellation");
    expect(valueOf(at(1, "Cancelled"))).toBe(2000000);
    expect(valueOf(at(1, "Accelerated"))).toBe(0);
    expect([at(1, "Window: outside date"), at(1, "Window: months after service ends"), at(1, "Expiration after"), at(1, "Value a share after")]).toEqual([null, null, null, null]);
    expect([valueOf(at(1, "Fair value after")), valueOf(at(1, "Incremental fair value"))]).toEqual([0, 0]);
    expect(r.awards[1].expirationAfter).toBeUndefined();
    expect(valueOf(at(2, "Repurchased"))).toBe(500000);
    expect(valueOf(at(2, "Modification type"))).not.toBe("cancellation");
    expect(valueOf(at(3, "Value a share before"))).toBe(0);
    expect(valueOf(at(3, "Incremental fair value"))).toBe(0);
    expect(r.awards[3].acceleratedShares).toBeGreaterThan(0);
  });

  it("without a market the awards are listed, not valued", () => {
    const r = computeSeparation(seed000());
    const l = layoutSeparationSheet(r);
    const header = rowOf(l.sheet, "Award");
    expect(l.sheet.cells[header][AWARD_COLUMNS.indexOf("Fair value before")]).toBe(0);
    expect(check(l).problems).toEqual([]);
    expectSharesAccountedFor(l.sheet, r);
  });
});

describe("text from the terms stays exactly that text", () => {
  const tricky = ["=1+1", "=HYPERLINK(\"http://example.com\",\"x\")", "0012", "+1", "'quoted", "1E3"];
  it.each(tricky)("%j as the executive, the company, a description and an award id", (text) => {
    const base = seed001();
    const terms = seed001({
      executive: text,
      company: text,
      agreementName: text,
      awards: [{ ...base.awards[0], id: text }, ...base.awards.slice(1)],
      benefits: [{ description: text, startDate: d("2006-08-01"), months: 1 }],
    });
    const result = computeSeparation(terms);
    const layout = layoutSeparationSheet(result);
    const sheet = layout.sheet;
    const inputs = sheetInputs(sheet.cells);
    const hf = engineFor({ sheets: [sheet], names: [] });
    for (const label of ["Executive", "Company", "Agreement"]) {
      const r = rowOf(sheet, label) - 1;
      expect(sheet.cells[r][1]).toBe(text);
      expect(inputs[r][1]).toBe(`'${text}`);
      expect(valueAt(hf, sheet.name, r, 1)).toBe(text);
    }
    const awardRow = rowOf(sheet, "Award");
    expect(valueAt(hf, sheet.name, awardRow, 0)).toBe(text);
    expect(check(layout, hf).problems).toEqual([]);
    expect(() => checkWorkbookModel(buildSeparationWorkbook(result))).not.toThrow();
  });
});

describe("separationSheetName: Excel's sheet-name rules", () => {
  const valid = (name: string) => {
    expect(name.length).toBeGreaterThan(0);
    expect(name.length).toBeLessThanOrEqual(EXCEL_MAX_SHEET_NAME);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(name.trim()).toBe(name);
    expect(name.startsWith("'") || name.endsWith("'")).toBe(false);
  };
  it.each([
    ["Dr. Ake Almgren", "Separation Dr. Ake Almgren"],
    ["John R. Tucker", "Separation John R. Tucker"],
    ["", "Separation"],
    ["   ", "Separation"],
    ["[]:*?/\\", "Separation"],
    ["A/B: C*D?", "Separation A B C D"],
    ["  Jane\t\nDoe  ", "Separation Jane Doe"],
    ["O'Brien'", "Separation O'Brien"],
    ["a' ' '", "Separation a"],
    ["Twenty Chars Exactly", "Separation Twenty Chars Exactly"],
    ["Maximilian Alexander von Habsburg-Lothringen", "Separation Habsburg-Lothringen"],
    ["Wolfeschlegelsteinhausenbergerdorff", "Separation Wolfeschlegelsteinha"],
    ["Anna Wolfeschlegelsteinhausenbergerdorff", "Separation Anna Wolfeschlegelst"],
    ["=1+1", "Separation =1+1"],
  ])("%j -> %j", (executive, expected) => {
    const name = separationSheetName(executive);
    expect(name).toBe(expected);
    valid(name);
  });

  it("never splits a character outside the Basic Multilingual Plane", () => {
    const name = separationSheetName("A" + "😀".repeat(15));
    valid(name);
    expect(name).toBe("Separation A" + "😀".repeat(9));
    expect(separationSheetName("AB" + "😀".repeat(15))).toBe("Separation AB" + "😀".repeat(9));
  });

  it("every executive gives a valid name (a sweep of awkward names)", () => {
    const names = ["x".repeat(100), "'".repeat(40), "' a '", "a".repeat(19) + " " + "b".repeat(30), "\u0000\u0007bell", "名前 名前 名前 名前 名前 名前 名前"];
    for (const n of names) valid(separationSheetName(n));
  });
});

describe("in Excel on the desktop, where an empty cell reaches a custom function as 0 (office-js#4702)", () => {
  it.each([
    ["seed 000", seed000],
    ["seed 001", seed001],
  ])("%s's sheet still shows the model's figures in every formula and spilled cell", (_name, terms) => {
    const layout = layoutSeparationSheet(computeSeparation(terms()));
    const hf = withEmptyCellsAs(0, () => engineFor({ sheets: [layout.sheet], names: [] }));
    expect(check(layout, hf).problems).toEqual([]);
  });

  it("a release's blank delivery date is passed as blank, not as day 0 (which would be signed after the consideration period)", () => {
    const layout = layoutSeparationSheet(computeSeparation(seed000()));
    const anchor = layout.spills.find((s) => s.fn === "RELEASE_DATES");
    expect(anchor).toBeDefined();
    const hf = withEmptyCellsAs(0, () => engineFor({ sheets: [layout.sheet], names: [] }));
    // 10/31/02 + 7 days, dated on its last day (rule "on"): November 7, 2002
    expect(valueAt(hf, layout.sheet.name, anchor!.row, anchor!.col + 2)).toBe(isoToSerial("2002-11-07"));
  });
});

describe("the result's payments are all on the sheet", () => {
  it.each([
    ["seed 000", () => computeSeparation(seed000())],
    ["seed 000, let go 2003-02-27", () => computeSeparation(seed000({ employmentEndDate: d("2003-02-27") }))],
    ["seed 001", () => computeSeparation(seed001())],
  ] as [string, () => SeparationResult][])("%s: each kind's total is the model's", (_name, run) => {
    const result = run();
    const sheet = buildSeparationSheet(result);
    const LABELS: Record<string, string> = {
      salary: "Salary continuation", "salary-balance": "Salary balance", installment: "Installments", "lump-sum": "Lump sums", consulting: "Consulting fees", benefits: "Benefits", repurchase: "Repurchase of unvested shares",
    };
    const totals = rowOf(sheet, "Totals by kind");
    for (const [kind, amount] of Object.entries(result.totals.byKind)) {
      const row = sheet.cells.slice(totals).find((r) => r[0] === LABELS[kind]);
      expect(row && valueOf(row[1] ?? null)).toBe(amount!.toNumber());
    }
  });
});
