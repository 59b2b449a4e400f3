/**
 * The `Separation <name>` worksheet (separationSheets.ts), recomputed by an independent spreadsheet
 * engine (HyperFormula with the OPTEX functions registered through the boundary Excel uses, spilled
 * arrays spilling as in Excel: sheetEngine.ts) and compared with the separation model
 * (computeSeparation) on seed-000-like and seed-001-like terms:
 * - every formula cell shows the figure the model computed (money to the cent and exactly, dates and
 *   share counts exactly, option values within 1e-9 relative), and so does every cell a spilled
 *   RELEASE_DATES or PAYMENT_SCHEDULE covers;
 * - changing an assumption cell recomputes the sheet to the model's figures for the changed terms;
 * - text from the terms stays exactly that text ("=1+1" as the executive's name), the sheet passes
 *   checkWorkbookModel, and its name follows Excel's rules.
 */
import { HyperFormula } from "hyperformula";
import { isoToSerial } from "../../src/core/dates/serial";
import { computeSeparation } from "../../src/core/separations/separation";
import { AwardTerms, SeparationResult, SeparationTerms } from "../../src/core/separations/types";
import { CellModel, checkWorkbookModel, columnLetter, SheetModel, sheetInputs, workbookModelProblems } from "../../src/taskpane/workbook/model";
import {
  AWARD_COLUMNS, buildSeparationSheet, buildSeparationWorkbook, EXCEL_MAX_SHEET_NAME, layoutSeparationSheet, SeparationSheetLayout, separationSheetName, SEPARATION_FORMATS,
} from "../../src/taskpane/workbook/separationSheets";
import { engineFor, valueAt } from "./sheetEngine";

const d = (iso: string): number => {
  const serial = isoToSerial(iso);
  if (serial === undefined) throw new Error(`bad date ${iso}`);
  return serial;
};

const VESTING_48_12 = { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 };

/** Seed 000 (Almgren): salary continuation, a supplemental lump sum, a salary balance, installments, releases. */
function seed000(patch: Partial<SeparationTerms> = {}): SeparationTerms {
  const notForCause = { notForCause: true, anyOf: [{ employedThrough: d("2003-05-06") }, { terminatedWithoutCauseBefore: d("2003-05-07") }] };
  const option = (id: string, grant: string, shares: number, price: number, expires: string): AwardTerms => ({
    id, kind: "option", incentiveStockOption: true, grantDate: d(grant), shares, exercisePrice: price, vestingStart: d(grant), vesting: VESTING_48_12,
    expirationDate: d(expires), postTerminationMonths: 3,
  });
  return {
    executive: "Dr. Ake Almgren",
    company: "Capstone Turbine Corporation",
    agreementName: "Transition Agreement and Mutual Release",
    agreementDate: d("2002-10-31"),
    agreementEffectiveDate: d("2002-11-07"),
    release: { signedDate: d("2002-10-31"), considerationDays: 21, revocationDays: 7, effectiveRule: "on" },
    supplementalRelease: { signedDate: d("2003-05-07"), deliveredDate: d("2003-04-20"), considerationDays: 21, revocationDays: 7, effectiveRule: "on" },
    employmentEndDate: d("2003-05-06"),
    terminationReason: "without-cause",
    calendar: "FEDERAL",
    payFrequency: "semimonthly",
    salary: { annualSalary: 370300, startDate: d("2002-11-07"), endDate: d("2003-05-06") },
    payments: [
      { id: "supplemental-payment", kind: "lump-sum", description: "Supplemental Payment (section 1(c)(ii))", amount: "100000.00", date: { event: "supplementalReleaseEffective" }, condition: notForCause },
      { id: "salary-balance", kind: "salary-balance", description: "Balance of Transitional Employment Compensation", through: d("2003-05-06"), date: { event: "supplementalReleaseEffective" }, condition: { terminatedWithoutCauseBefore: d("2003-05-07") } },
      { id: "installments", kind: "installments", description: "$185,150 in equal installments", total: "185150.00", startDate: { date: d("2003-05-07") }, endDate: { date: d("2004-05-07") }, condition: notForCause },
    ],
    benefits: [],
    awards: [option("1993 Stock Options", "1998-07-01", 2005000, 1.5, "2008-07-01"), option("2000 Stock Options (2001-05-16)", "2001-05-16", 125000, 5, "2011-05-16")],
    scenarios: [{ name: "Let go without cause on February 27, 2003", employmentEndDate: d("2003-02-27"), terminationReason: "without-cause" }],
    ...patch,
  };
}

/** Seed 001 (Tucker): consulting, benefits, the modified option, the repurchased restricted stock, cancelled options. */
function seed001(patch: Partial<SeparationTerms> = {}): SeparationTerms {
  const cancelled = (id: string, grant: string): AwardTerms => ({
    id, kind: "option", incentiveStockOption: false, grantDate: d(grant), shares: 100000, exercisePrice: 2.5, vestingStart: d(grant), vesting: VESTING_48_12,
    expirationDate: d(grant.replace("2006", "2016")), postTerminationMonths: 3, modification: { cancel: true },
  });
  return {
    executive: "John R. Tucker",
    company: "Capstone Turbine Corporation",
    agreementName: "Letter agreement (resignation and consulting)",
    agreementDate: d("2006-07-24"),
    agreementEffectiveDate: d("2006-08-01"),
    employmentEndDate: d("2006-07-31"),
    terminationReason: "resignation",
    calendar: "FEDERAL",
    payFrequency: "semimonthly",
    payments: [],
    consulting: {
      startDate: d("2006-08-01"), endDate: d("2007-07-31"), includedHours: 10, hourlyRate: 500, invoicePaymentDays: 15,
      hoursLog: [
        { month: d("2006-08-01"), hours: 6 },
        { month: d("2006-09-01"), hours: 14, invoiceDate: d("2006-10-03") },
        { month: d("2006-10-01"), hours: 10 },
        { month: d("2006-11-01"), hours: 12.75 },
      ],
    },
    benefits: [{ description: "Medical benefits", startDate: d("2006-08-01"), months: 1 }],
    awards: [
      {
        id: "2003-08-01 option", kind: "option", plan: "inducement grant", incentiveStockOption: false, grantDate: d("2003-08-01"), shares: 2000000, exercisePrice: 1.18,
        vestingStart: d("2003-08-01"), vesting: VESTING_48_12, expirationDate: d("2013-08-01"), postTerminationMonths: 3,
        modification: { vestedShares: 1500000, exerciseWindow: { outsideDate: d("2007-07-31"), monthsAfterServiceEnds: 3 } },
      },
      {
        id: "2003-08-04 restricted stock", kind: "restricted-stock", incentiveStockOption: false, grantDate: d("2003-08-04"), shares: 500000, purchasePrice: "0.001",
        vestingStart: d("2003-08-04"), vesting: VESTING_48_12, postTerminationMonths: 0,
        modification: { vestedShares: 375000, repurchaseUnvested: { price: "0.001", date: d("2006-08-31") } },
      },
      cancelled("2006-06-12 option", "2006-06-12"),
      cancelled("2006-06-22 option", "2006-06-22"),
    ],
    market: { modificationDate: d("2006-08-01"), stockPrice: 1.2, volatility: 0.6, riskFreeRate: 0.05, dividendYield: 0 },
    scenarios: [],
    ...patch,
  };
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

// ------------------------------------------------------------------------------------------------

describe("the Separation sheet of seed 000 (salary, lump sum, salary balance, installments, releases)", () => {
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

  it("shows the seed's figures: $185,150 of salary, 24 installments of $7,714.58 (the last $7,714.66), $100,000, $470,300 in all", () => {
    expect(valueOf(cellOf(sheet, "Salary over the period"))).toBe(185150);
    expect(cellOf(sheet, "Salary over the period")).toMatchObject({ formula: expect.stringMatching(/^=IF\(AND\(.*ROUND\(\$B\$\d+\*\$B\$\d+\/12,2\)/) });
    const installments = layout.spills[3];
    expect(installments.values[0]).toEqual([d("2003-05-15"), 7714.58, 7714.58]);
    expect(installments.values[23]).toEqual([d("2004-04-30"), 7714.66, 185150]);
    expect(valueOf(cellOf(sheet, "Total"))).toBe(470300);
    expect(result.totals.total.toFixed(2)).toBe("470300.00");
    // the releases: effective on the revocation period's last day ("on"); the supplemental one delivered, so with a deadline
    expect(layout.spills[0].values).toEqual([["", d("2002-11-07"), d("2002-11-07")]]);
    expect(layout.spills[1].values).toEqual([[d("2003-05-11"), d("2003-05-14"), d("2003-05-14")]]);
    // the lump sum is paid on the supplemental release's effective date: a formula on that spilled cell
    const paidOn = sheet.cells[rowOf(sheet, "Paid on") - 1][1];
    expect(paidOn).toEqual({ formula: `=$D$${rowOf(sheet, "Supplemental release")}`, value: d("2003-05-14") });
  });

  it("recomputes from its assumption cells: a higher salary and a later supplemental release", () => {
    const hf = engineFor({ sheets: [sheet], names: [] });
    setCell(hf, sheet, "Annual salary", 400000);
    setCell(hf, sheet, "Supplemental release: signed", d("2003-05-09"));
    const changed = computeSeparation(
      seed000({ salary: { annualSalary: 400000, startDate: d("2002-11-07"), endDate: d("2003-05-06") }, supplementalRelease: { ...seed000().supplementalRelease!, signedDate: d("2003-05-09") } }),
    );
    const checked = check(layoutSeparationSheet(changed), hf);
    expect(checked.problems).toEqual([]);
    expect(changed.totals.byKind.salary?.toFixed(2)).toBe("200000.00");
  });

  it("let go on 2003-02-27: the salary stops at the employment end with a final balance, and the salary balance is paid", () => {
    const early = computeSeparation(seed000({ employmentEndDate: d("2003-02-27") }));
    const l = layoutSeparationSheet(early);
    expect(check(l).problems).toEqual([]);
    const s = l.sheet;
    expect(valueOf(cellOf(s, "Salary installments paid"))).toBe(early.payments.filter((p) => p.kind === "salary" && p.date < d("2003-02-27")).reduce((n, p) => n + p.amount.toNumber() * 100, 0) / 100);
    expect(cellOf(s, "Salary through the employment end")).toMatchObject({ formula: expect.stringContaining("=OPTEX.SALARY_BALANCE(") });
    expect(valueOf(cellOf(s, "Salary installments paid")) as number + (valueOf(cellOf(s, "Salary through the employment end")) as number)).toBeCloseTo(early.totals.byKind.salary!.toNumber(), 9);
    expect(valueOf(cellOf(s, "Total"))).toBe(early.totals.total.toNumber());
  });

  it("a program whose condition fails is listed with its reason and not summed", () => {
    const forCause = computeSeparation(seed000({ terminationReason: "for-cause" }));
    const l = layoutSeparationSheet(forCause);
    expect(check(l).problems).toEqual([]);
    const s = l.sheet;
    const header = rowOf(s, "Contingent (not paid on these facts)");
    const listed = s.cells.slice(header).filter((row) => typeof row[0] === "string" && forCause.contingent.some((c) => row[0] === `${c.source}: ${c.description}`));
    expect(listed.map((row) => row[2])).toEqual(forCause.contingent.map((c) => c.reason));
    expect(listed.every((row) => typeof row[1] === "number" || row[1] === null)).toBe(true);
    expect(valueOf(cellOf(s, "Total"))).toBe(forCause.totals.total.toNumber());
    expect(forCause.contingent.length).toBe(3);
  });
});

describe("the Separation sheet of seed 001 (consulting, benefits, the modified option, repurchased restricted stock)", () => {
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

  it("the restricted stock: 125,000 shares repurchased at $0.001 ($125.00); the June 2006 options cancelled", () => {
    expect(award(1, "Repurchased")).toBe(125000);
    expect(award(1, "Cancelled")).toBe(0);
    expect(valueOf(cellOf(sheet, "Repurchase of unvested shares"))).toBe(125);
    expect(award(2, "Cancelled")).toBe(100000);
    expect(award(2, "Modification type")).toBe("cancellation");
    expect(valueOf(cellOf(sheet, "Total incremental fair value", AWARD_COLUMNS.indexOf("Incremental fair value")))).toBe(result.incrementalFairValue);
  });

  it("consulting: CONSULTING_FEES a month and on the hours range; fees due 15 days after the invoice", () => {
    const total = cellOf(sheet, "Fees on the hours logged");
    expect(total).toMatchObject({ formula: expect.stringMatching(/^=OPTEX\.CONSULTING_FEES\(C\d+:C\d+,\$B\$\d+,\$B\$\d+\)$/), value: 2000 + 1375 });
    expect(result.totals.byKind.consulting?.toFixed(2)).toBe("3375.00");
    expect(valueOf(cellOf(sheet, "Total"))).toBe(3375 + 125);
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

  it("benefits with a cost, vesting that continues while consulting, an option left as it is", () => {
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
    expect(valueOf(l.sheet.cells[header + 7][AWARD_COLUMNS.indexOf("Cancelled")] ?? null)).toBe(4800 - r.awards[7].vestedBefore);
    const flags = rowOf(l.sheet, "Flags");
    expect(l.sheet.cells.slice(flags).map((row) => row[0])).toEqual(r.flags.map((f) => f.code));
  });

  it("without a market the awards are listed, not valued", () => {
    const r = computeSeparation(seed000());
    const l = layoutSeparationSheet(r);
    const header = rowOf(l.sheet, "Award");
    expect(l.sheet.cells[header][AWARD_COLUMNS.indexOf("Fair value before")]).toBe(0);
    expect(check(l).problems).toEqual([]);
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
