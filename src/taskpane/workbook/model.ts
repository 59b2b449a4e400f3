/**
 * The worksheets "Create worksheets" writes, as plain data: Assumptions (named cells, one per
 * OFFER.json field from the schema; the Volatility cell may be a live formula, see WorkbookOptions;
 * Fee_Rate and, when the offer fixes no date, New_Grant_Date are live OPTEX formulas),
 * Eligible Options (a table whose value column is a live =OPTEX.BLACK_SCHOLES_VALUE formula on the
 * assumptions, or =OPTEX.HULL_WHITE_VALUE on the lattice's cells when the valuation model is
 * "hull-white", with Black-Scholes "Fee Value" columns for the fee; with the new option's life, the new
 * option shares and their value by grant and, below the table, the exchange's incremental fair value:
 * New_Option_Value, Exchange_Old_Value, Exchange_New_Value, Incremental_Fair_Value,
 * Value_For_Value_Ratio) and Filing Fee (Exhibit 107 Table 1 with its footnote, from Eligible_Value,
 * the Black-Scholes total, whatever the model). Pure: no Office here. Every formula cell carries the
 * value optex computed for it, for the preview and for checking.
 *
 * A string cell is always text, written so that Excel keeps exactly that text (toFormulaInput);
 * formulas are FormulaCells, and text inside a formula comes from a cell or from formulaText.
 */
import Decimal from "decimal.js";
import { serialToIso } from "../../core/dates/serial";
import { LedgerResult } from "../../core/ledger/parseLedger";
import { OFFER_CONVENTIONS, OfferTerms } from "../../core/offer/offerTerms";
import { HULL_WHITE_MAX_STEPS, HULL_WHITE_MAX_TERM_YEARS, hullWhiteSteps } from "../../core/options/hullWhite";
import { DAYS_PER_YEAR_ACT365F } from "../../core/daycount/yearFraction";
import { calendarFor } from "../../core/calendars/calendar";
import { newGrantDate } from "../../core/equity/newGrantDate";
import { OFFER_SCHEMA, offerField, OfferFieldDef, OfferFieldName, SheetCell } from "../../core/offer/schema";
import { OfferValuation } from "../../core/offer/valueOffer";
import { FEE_TABLE_LABELS, feeFootnoteParts, FeeTableLabel, feeTableRows, FootnoteFigure } from "../../core/offer/feeTable";

/** A formula with the value optex expects it to show. */
export interface FormulaCell {
  formula: string;
  value: number | string;
}

/** A cell: a constant, a formula, or blank (null). */
export type CellModel = string | number | boolean | null | FormulaCell;

export interface SheetModel {
  name: string;
  /** Rows of cells from A1. */
  cells: CellModel[][];
  /** Number formats by A1 range. */
  formats: { range: string; format: string }[];
  /** Column widths in characters, from column A. */
  widths: number[];
  /** An Excel table over a range (header row first). */
  table?: { name: string; range: string };
  /**
   * Dynamic arrays: each formula (at 0-based `row`, `col`) that spills, with the figure optex computed
   * for every cell it covers, the anchor's first. Nothing is written for them (Excel fills the cells
   * with its own results); the preview shows them as Excel would.
   */
  spilled?: { row: number; col: number; values: (number | string)[][] }[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Workbook-scoped names: name -> "'Sheet'!$B$2". */
  names: { name: string; ref: string; comment: string }[];
}

export const SHEET_ASSUMPTIONS = "Assumptions";
export const SHEET_ELIGIBLE = "Eligible Options";
export const SHEET_FEE = "Filing Fee";
export const TABLE_ELIGIBLE = "EligibleOptions";

/**
 * Excel's limits ("Excel specifications and limits"): characters in a cell, characters in a formula,
 * and characters in a text constant inside a formula ("Text values in formulas are limited to 255
 * characters").
 */
export const EXCEL_MAX_CELL_CHARS = 32_767;
export const EXCEL_MAX_FORMULA_CHARS = 8_192;
export const EXCEL_MAX_FORMULA_TEXT_CHARS = 255;

/**
 * A text as a formula expression that evaluates to exactly that text: string constants of at most
 * 255 characters joined with &, a double quote as CHAR(34) (Excel would also take "" inside a
 * constant; CHAR(34) reads the same in every engine), a character outside the Basic Multilingual
 * Plane never split from its other half.
 * @example formulaText('say "hi"') === '"say "&CHAR(34)&"hi"&CHAR(34)'
 */
export function formulaText(text: string): string {
  const parts: string[] = [];
  text.split('"').forEach((segment, i) => {
    if (i > 0) parts.push("CHAR(34)");
    let current = "";
    for (const ch of segment) {
      if (current.length + ch.length > EXCEL_MAX_FORMULA_TEXT_CHARS) {
        parts.push(`"${current}"`);
        current = "";
      }
      current += ch;
    }
    if (current !== "" || (segment === "" && text.indexOf('"') < 0)) parts.push(`"${current}"`);
  });
  return parts.join("&");
}

/** Column letter(s) of a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const ref = (sheet: string, cell: string) => `'${sheet}'!${cell.replace(/([A-Z]+)(\d+)/, "$$$1$$$2")}`;

const ELIGIBLE_COLUMNS = ["Grant Number", "Holder ID", "Holder Name", "Plan", "Grant Date", "Expiration Date", "Exercise Price", "Shares", "Term (years)", "Value per Share", "Value"];
const ELIGIBLE_WIDTHS = [14, 12, 24, 26, 12, 14, 14, 12, 12, 14, 16];

/** NEW_OPTION_SHARES's most tendered shares. */
const NEW_OPTION_SHARES_MAX = 1e15;

/**
 * The fee rate's number format, in the Assumptions sheet and in the footnote's TEXT: at least 2
 * decimals and as many more as the rate has (up to 15), as the core writes it (feeFootnote).
 */
const FEE_RATE_FORMAT = (offerField("feeRatePerMillion").sheet as SheetCell).format;

/** Minutes in a day: an Excel time is the fraction of a day. */
const MINUTES_PER_DAY = 1440;

/** The new grant date a blank newGrantDate means: NEW_GRANT_DATE(cancellation), or undefined outside the calendar. */
function defaultNewGrantDate(cancellation: number): number | undefined {
  try {
    return newGrantDate(cancellation, 6, 1, calendarFor("FEDERAL"));
  } catch {
    return undefined;
  }
}

/** The offer's amendments as one line of text: each one's date and what it changed. */
function amendmentsText(terms: OfferTerms): string | null {
  if (terms.amendments.length === 0) return null;
  return terms.amendments
    .map((a) => {
      const changed = [a.considerationChanged ? "consideration changed" : "consideration unchanged", a.numberSoughtChanged ? "number sought changed" : "number sought unchanged"];
      return `${serialToIso(a.date)}: ${changed.join(", ")}${a.description ? ` (${a.description})` : ""}`;
    })
    .join("; ");
}

/** A decimal amount as the number a cell holds, refused when the number would not be that amount. */
function exactNumber(amount: string, what: string): number {
  const n = Number(amount);
  if (!Number.isFinite(n) || !new Decimal(n).equals(new Decimal(amount))) {
    throw new Error(`The worksheets were not written: ${what} (${amount}) has more digits than an Excel cell keeps (15 significant digits)`);
  }
  return n;
}

/** How the worksheets are written beyond the offer and its valuation. */
export interface WorkbookOptions {
  /**
   * A live formula for the Volatility cell instead of the constant, such as
   * `=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$253)` when the pane took the volatility from a
   * range of closing prices. Its expected value is the offer's volatility (the valuation's): the
   * formula must compute exactly that figure, or the sheets will differ from the pane's.
   */
  volatilityFormula?: string;
}

/** The lattice's fields: their cells are the Hull-White value column's inputs. */
const LATTICE_FIELDS: readonly OfferFieldName[] = ["vestingYears", "exitRate", "exerciseMultiple", "stepsPerYear"];

/** Builds the three sheets for an offer valued by optex. */
export function buildWorkbookModel(ledger: LedgerResult, terms: OfferTerms, v: OfferValuation, options: WorkbookOptions = {}): WorkbookModel {
  const volatilityFormula = options.volatilityFormula?.trim();
  if (volatilityFormula !== undefined && !/^=./.test(volatilityFormula)) {
    throw new Error(`The worksheets were not written: the volatility formula (${JSON.stringify(options.volatilityFormula)}) must be a formula starting with "="`);
  }
  const names: WorkbookModel["names"] = [];
  // --- Assumptions -------------------------------------------------------------------------------
  // one row per OFFER.json field (per part, for newOptionVesting), in the schema's order, under the schema's named cell
  const grantDateDefault = terms.newGrantDate === undefined ? defaultNewGrantDate(terms.cancellationDate) : undefined;
  const cellValue = (f: OfferFieldDef): CellModel => {
    switch (f.name as OfferFieldName) {
      case "feeRatePerMillion":
        return terms.feeRatePerMillion !== undefined ? exactNumber(terms.feeRatePerMillion, "offer.feeRatePerMillion") : { formula: "=OPTEX.FEE_RATE(Filing_Date)", value: Number(v.feeRatePerMillion) };
      case "feesPreviouslyPaid":
        return exactNumber(terms.feesPreviouslyPaid, "offer.feesPreviouslyPaid");
      case "eligibleHolderClasses":
        return terms.eligibleHolderClasses.join(", ");
      case "eligibleCountries":
        return terms.eligibleCountries.join(", ");
      case "expirationTime":
        return terms.expirationTime === undefined ? null : terms.expirationTime / MINUTES_PER_DAY;
      case "acceptedChannels":
        return terms.acceptedChannels ? terms.acceptedChannels.join(", ") : null;
      case "newGrantDate":
        // the offer's own date stays a constant; else the seed's rule, live on Cancellation_Date
        if (terms.newGrantDate !== undefined) return terms.newGrantDate;
        return grantDateDefault !== undefined ? { formula: "=OPTEX.NEW_GRANT_DATE(Cancellation_Date)", value: grantDateDefault } : null;
      case "amendments":
        return amendmentsText(terms);
      case "volatility":
        return volatilityFormula !== undefined ? { formula: volatilityFormula, value: terms.volatility } : terms.volatility;
      case "stepsPerYear":
        // the Hull-White column reads the cell: the convention written out when the offer leaves it blank
        return terms.stepsPerYear ?? (terms.valuationModel === "hull-white" ? OFFER_CONVENTIONS.stepsPerYear : null);
      default:
        return (terms[f.name as keyof OfferTerms] as CellModel | undefined) ?? null;
    }
  };
  const noteOf = (f: OfferFieldDef, cell: SheetCell): string => {
    switch (f.name as OfferFieldName) {
      case "feeRatePerMillion":
        return terms.feeRatePerMillion !== undefined ? "entered" : "OPTEX.FEE_RATE on the filing date";
      case "newGrantDate":
        if (terms.newGrantDate !== undefined) return "entered";
        return grantDateDefault !== undefined
          ? "the offer fixes none: NEW_GRANT_DATE(Cancellation_Date), the first business day six months and one day after cancellation (live)"
          : "the offer fixes none, and NEW_GRANT_DATE(Cancellation_Date) is outside the federal calendar";
      case "amendments":
        return terms.amendments.length === 0 ? "none stated" : cell.note;
      case "volatility":
        return volatilityFormula !== undefined ? `${cell.note}; live: ${volatilityFormula.slice(1)}` : cell.note;
      case "valuationModel":
        return terms.valuationModel === "hull-white"
          ? "hull-white: the value column is OPTEX.HULL_WHITE_VALUE on the cells below; the filing fee is Black-Scholes (the Fee Value columns)"
          : "black-scholes: the value column is OPTEX.BLACK_SCHOLES_VALUE, as is the filing fee";
      default:
        if (LATTICE_FIELDS.includes(f.name as OfferFieldName) && terms.valuationModel !== "hull-white") return `${cell.note} (not used: the valuation model is ${terms.valuationModel})`;
        if (f.name === "stepsPerYear" && terms.stepsPerYear === undefined) return `${cell.note} (blank in the offer: ${OFFER_CONVENTIONS.stepsPerYear}, the convention)`;
        return cell.note;
    }
  };
  const assumptionRows: [string, string, CellModel, string, string?][] = (OFFER_SCHEMA as readonly OfferFieldDef[]).flatMap((f): [string, string, CellModel, string, string?][] => {
    if (f.parts) {
      const vesting = f.name === "newOptionVesting" ? terms.newOptionVesting : undefined;
      return f.parts.map((part) => [part.sheet.label ?? part.label, part.sheet.name, (vesting?.[part.key as keyof typeof vesting] as number | undefined) ?? null, part.sheet.note, part.sheet.format]);
    }
    const cell = f.sheet as SheetCell;
    return [[cell.label ?? f.label, cell.name, cellValue(f), noteOf(f, cell), cell.format]];
  });
  const assumptions: SheetModel = {
    name: SHEET_ASSUMPTIONS,
    cells: [["Assumption", "Value", "Note"]],
    formats: [],
    widths: [30, 16, 56],
  };
  assumptionRows.forEach(([label, name, value, note, format], i) => {
    const row = i + 2;
    assumptions.cells.push([label, value, note]);
    names.push({ name, ref: ref(SHEET_ASSUMPTIONS, `B${row}`), comment: label });
    if (format) assumptions.formats.push({ range: `B${row}`, format });
  });

  // --- Eligible Options --------------------------------------------------------------------------
  // A..I: the grant and its term; J, K: value per share and value under the policy's model (the live
  // BLACK_SCHOLES_VALUE, or HULL_WHITE_VALUE on the lattice's named cells); with "hull-white", L, M:
  // the filing's Black-Scholes value per share and value, from which the fee is figured. With the new
  // option's life: the value before the exchange (its own column when the term basis is
  // "simplified": the old options' remaining term), the new option shares and their value.
  const hullWhite = terms.valuationModel === "hull-white";
  const cost = v.exchangeCost.available ? v.exchangeCost : undefined;
  const table = v.table;
  const columns = ELIGIBLE_COLUMNS.map((header, c) => ({ header: hullWhite && c >= 9 ? `${header} (Hull-White)` : header, width: ELIGIBLE_WIDTHS[c] }));
  const add = (header: string, width: number): string => {
    columns.push({ header, width });
    return columnLetter(columns.length - 1);
  };
  const feeColumns = hullWhite ? { perShare: add("Fee Value per Share (Black-Scholes)", 16), value: add("Fee Value (Black-Scholes)", 16) } : { perShare: "J", value: "K" };
  const oldColumn = cost ? (terms.termBasis === "remaining" ? feeColumns.value : add("Value before Exchange (remaining term)", 18)) : undefined;
  const newSharesColumn = cost ? add("New Shares", 12) : undefined;
  const newValueColumn = cost ? add("New Value", 16) : undefined;
  const lastColumn = columnLetter(columns.length - 1);
  const eligible: SheetModel = { name: SHEET_ELIGIBLE, cells: [columns.map((c) => c.header)], formats: [], widths: columns.map((c) => c.width) };
  // the "simplified" cap: the offer's new option (its life and vesting), as the core's valuation uses
  // it (records.ts), from the Assumptions cells, so changing them recomputes the terms
  const simplifiedFormula = "OPTEX.SIMPLIFIED_TERM(New_Option_Life,New_Vesting_Months,New_Cliff_Months,New_Upfront_Fraction,New_Interval_Months)";
  const remaining = (row: number) => `MAX(0,(F${row}-Valuation_Date)/${DAYS_PER_YEAR_ACT365F})`;
  const blackScholes = (row: number, term: string) => `OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,G${row},${term},Volatility,Risk_Free_Rate,Dividend_Yield)`;
  // HULL_WHITE_VALUE on the lattice's cells: vesting beyond the term is the term (as the core's
  // model takes it); a blank Exercise_Multiple is never early (the argument left out)
  const latticeCall = (row: number, multiple: string) =>
    `OPTEX.HULL_WHITE_VALUE(Stock_Price,G${row},I${row},Volatility,Risk_Free_Rate,Dividend_Yield,MIN(Vesting_Years,I${row}),Exit_Rate,${multiple},Steps_Per_Year)`;
  const latticeFormula = (row: number) => `=IF(Exercise_Multiple="",${latticeCall(row, "")},${latticeCall(row, "Exercise_Multiple")})`;
  const stepsPerYear = terms.stepsPerYear ?? OFFER_CONVENTIONS.stepsPerYear;
  /** Whether HULL_WHITE_VALUE takes this term (the core's model values longer ones on a coarser tree). */
  const latticeCellTakes = (termYears: number) => termYears <= HULL_WHITE_MAX_TERM_YEARS && hullWhiteSteps(termYears, stepsPerYear) <= HULL_WHITE_MAX_STEPS;
  const newSharesFormula = (row: number, shares: number): string | undefined => {
    if (terms.newOptionRounding === "floor-per-grant" && shares <= NEW_OPTION_SHARES_MAX) return `=OPTEX.NEW_OPTION_SHARES(H${row},Exchange_Ratio,Split_Factor)`;
    // floor(x + 1/2) = INT((floor(2x) + 1) / 2), both floors exact
    if (terms.newOptionRounding === "nearest-per-grant" && 2 * shares <= NEW_OPTION_SHARES_MAX) return `=INT((OPTEX.NEW_OPTION_SHARES(2*H${row},Exchange_Ratio,Split_Factor)+1)/2)`;
    return undefined; // floor-per-holder: the holder's grants together, written as the core's figures
  };
  let latticeValues = 0;
  let sharesValues = 0;
  let row = 1;
  for (let i = 0; i < table.length; i++) {
    if (!v.eligible[i]) continue;
    const g = table.grantAt(i);
    row++;
    const term = terms.termBasis === "simplified" ? `=MIN(${remaining(row)},${simplifiedFormula})` : `=${remaining(row)}`;
    const modelPerShare = v.modelValuation.valuePerShare[i];
    let valueCell: CellModel;
    if (!hullWhite) valueCell = { formula: `=${blackScholes(row, `I${row}`)}`, value: modelPerShare };
    else if (latticeCellTakes(v.termYears[i])) valueCell = { formula: latticeFormula(row), value: modelPerShare };
    else {
      valueCell = modelPerShare;
      latticeValues++;
    }
    const cells: CellModel[] = [
      g.grantId,
      g.holderId,
      g.holderName,
      g.plan,
      g.grantDate,
      g.expirationDate,
      g.exercisePrice,
      g.sharesOutstanding,
      { formula: term, value: v.termYears[i] },
      valueCell,
      { formula: `=H${row}*J${row}`, value: modelPerShare * g.sharesOutstanding },
    ];
    if (hullWhite) {
      cells.push({ formula: `=${blackScholes(row, `I${row}`)}`, value: v.valuePerShare[i] }, { formula: `=H${row}*${feeColumns.perShare}${row}`, value: v.valuePerShare[i] * g.sharesOutstanding });
    }
    if (cost) {
      if (oldColumn !== feeColumns.value) cells.push({ formula: `=H${row}*${blackScholes(row, remaining(row))}`, value: g.sharesOutstanding * cost.oldValuePerShare[i] });
      const newShares = cost.newSharesByGrant[i];
      const formula = newSharesFormula(row, g.sharesOutstanding);
      if (formula === undefined) sharesValues++;
      cells.push(formula === undefined ? newShares : { formula, value: newShares }, { formula: `=${newSharesColumn}${row}*New_Option_Value`, value: newShares * cost.newOption.valuePerShare });
    }
    eligible.cells.push(cells);
  }
  const last = row;
  const body = last >= 2 ? `2:${last}` : undefined;
  eligible.table = { name: TABLE_ELIGIBLE, range: `A1:${lastColumn}${Math.max(2, last)}` };
  if (last < 2) {
    const none: CellModel[] = ["(no eligible options)", null, null, null, null, null, null, 0, null, null, 0];
    if (hullWhite) none.push(null, 0);
    if (cost) {
      if (oldColumn !== feeColumns.value) none.push(0);
      none.push(0, 0);
    }
    eligible.cells.push(none);
  }
  const totalRow = Math.max(2, last) + 2;
  const sum = (col: string) => (body ? `=SUM(${col}2:${col}${last})` : "=0");
  const totals: CellModel[] = [
    "Total", null, null, null, null, null, null,
    { formula: sum("H"), value: v.eligibleShares }, null, null,
    { formula: sum("K"), value: Number(v.modelValuation.exactValue) },
  ];
  if (hullWhite) totals.push(null, { formula: sum(feeColumns.value), value: Number(v.exactValuation) });
  if (cost) {
    if (oldColumn !== feeColumns.value) totals.push({ formula: sum(oldColumn as string), value: Number(cost.exactOldValue) });
    totals.push({ formula: sum(newSharesColumn as string), value: cost.newShares }, { formula: sum(newValueColumn as string), value: Number(cost.exactNewValue) });
  }
  eligible.cells.push([]);
  eligible.cells.push(totals);
  names.push({ name: "Eligible_Shares", ref: ref(SHEET_ELIGIBLE, `H${totalRow}`), comment: "shares of the eligible options" });
  names.push({ name: "Eligible_Value", ref: ref(SHEET_ELIGIBLE, `${feeColumns.value}${totalRow}`), comment: "unrounded aggregate Black-Scholes value (the filing's)" });
  names.push({ name: "Model_Value", ref: ref(SHEET_ELIGIBLE, `K${totalRow}`), comment: `unrounded aggregate value under the valuation model (${terms.valuationModel})` });
  eligible.formats.push(
    { range: `E2:F${totalRow}`, format: "yyyy-mm-dd" },
    { range: `G2:G${totalRow}`, format: "$#,##0.00" },
    { range: `H2:H${totalRow}`, format: "#,##0" },
    { range: `I2:I${totalRow}`, format: "0.0000" },
    { range: `J2:J${totalRow}`, format: "$#,##0.0000" },
    { range: `K2:K${totalRow}`, format: "$#,##0.00" },
  );
  if (hullWhite) eligible.formats.push({ range: `${feeColumns.perShare}2:${feeColumns.perShare}${totalRow}`, format: "$#,##0.0000" }, { range: `${feeColumns.value}2:${feeColumns.value}${totalRow}`, format: "$#,##0.00" });
  if (cost) {
    if (oldColumn !== feeColumns.value) eligible.formats.push({ range: `${oldColumn}2:${oldColumn}${totalRow}`, format: "$#,##0.00" });
    eligible.formats.push({ range: `${newSharesColumn}2:${newSharesColumn}${totalRow}`, format: "#,##0" }, { range: `${newValueColumn}2:${newValueColumn}${totalRow}`, format: "$#,##0.00" });
  }
  // below the table: what was written as values, and the exchange's incremental fair value (labels in
  // A, figures in G: the ledger's text columns A:D get no number format)
  const notes: string[] = [];
  if (latticeValues > 0) {
    notes.push(
      `${latticeValues} Hull-White value${latticeValues === 1 ? " is" : "s are"} optex's, written as values: the term is over ${HULL_WHITE_MAX_TERM_YEARS} years or its tree over ` +
        `${HULL_WHITE_MAX_STEPS.toLocaleString("en-US")} steps, more than HULL_WHITE_VALUE takes in a cell (optex values it on a coarser tree)`,
    );
  }
  if (sharesValues > 0) {
    notes.push(
      terms.newOptionRounding === "floor-per-holder"
        ? "New Shares are optex's, written as values: floor-per-holder rounding floors each holder's total and gives the leftover shares to the grants with the largest fractions"
        : `${sharesValues} New Shares figure${sharesValues === 1 ? " is" : "s are"} optex's, written as values: too many shares for NEW_OPTION_SHARES in a cell`,
    );
  }
  let next = totalRow + 1;
  const put = (cells: CellModel[]) => {
    while (eligible.cells.length < next - 1) eligible.cells.push([]);
    eligible.cells.push(cells);
    next++;
  };
  if (notes.length > 0) {
    next++;
    for (const note of notes) put([`Note: ${note}.`]);
  }
  if (cost) {
    next++;
    put([`Exchange cost: ASC 718 incremental fair value (Black-Scholes), as if every eligible option were exchanged for new options at the money (strike = Stock_Price) with the new option's life`]);
    const figure = (label: string, name: string, comment: string, cell: CellModel, format: string) => {
      names.push({ name, ref: ref(SHEET_ELIGIBLE, `G${next}`), comment });
      eligible.formats.push({ range: `G${next}`, format });
      put([label, null, null, null, null, null, cell]);
    };
    const newValue = "=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,Stock_Price,New_Option_Life,Volatility,Risk_Free_Rate,Dividend_Yield)";
    figure("New option value per share", "New_Option_Value", "Black-Scholes value of a new option: at the money, New_Option_Life years", { formula: newValue, value: cost.newOption.valuePerShare }, "$#,##0.0000");
    figure("Value before the exchange (each old option at its remaining term)", "Exchange_Old_Value", "unrounded Black-Scholes value of the eligible options before the exchange", { formula: sum(oldColumn as string), value: Number(cost.exactOldValue) }, "$#,##0.00");
    figure("Value of the new options", "Exchange_New_Value", "unrounded Black-Scholes value of the new options", { formula: sum(newValueColumn as string), value: Number(cost.exactNewValue) }, "$#,##0.00");
    figure("Incremental fair value: MAX(0, new - before), to the cent", "Incremental_Fair_Value", "ASC 718 incremental fair value of the exchange", { formula: "=ROUND(MAX(0,Exchange_New_Value-Exchange_Old_Value),2)", value: Number(cost.incrementalFairValue) }, "$#,##0.00");
    figure(
      "Value-for-value ratio: old options per new option at which the cost is 0 (before rounding)",
      "Value_For_Value_Ratio",
      "Eligible_Shares x Split_Factor x New_Option_Value / Exchange_Old_Value",
      { formula: '=IF(AND(Exchange_Old_Value>0,New_Option_Value>0),Eligible_Shares*Split_Factor*New_Option_Value/Exchange_Old_Value,"")', value: cost.valueForValueRatio ?? "" },
      "0.0000",
    );
  } else {
    next++;
    put([`Exchange cost: not figured. ${v.exchangeCost.available ? "" : v.exchangeCost.note}`]);
  }

  // --- Filing Fee (Exhibit 107, Table 1) -----------------------------------------------------------
  // Table 1: the core's rows (by label), each cell a formula on the named cells, one formula per figure
  const TABLE_TOP = 5; // row of "Fees to Be Paid"
  const tableRow = (label: FeeTableLabel) => TABLE_TOP + FEE_TABLE_LABELS.indexOf(label);
  const FORMULAS: Record<FeeTableLabel, [string | null, string | null, string | null]> = {
    "Fees to Be Paid": ["=Transaction_Valuation", "=Fee_Rate/1000000", "=Net_Fee_Due"],
    "Fees Previously Paid": [null, null, "=Fees_Previously_Paid"],
    "Total Transaction Valuation": ["=ROUND(Eligible_Value,2)", null, null],
    "Total Fees Due for Filing": [null, null, "=OPTEX.FILING_FEE(Transaction_Valuation,,Fee_Rate,Fee_Rounding)"],
    "Total Fees Previously Paid": [null, null, "=Fees_Previously_Paid"],
    "Total Fee Offsets": [null, null, null],
    "Net Fee Due": [null, null, "=MAX(0,Total_Fees_Due-Total_Fees_Previously_Paid-Total_Fee_Offsets)"],
  };
  const tableCells: CellModel[][] = feeTableRows(v).map((r) => {
    const [tv, rate, amount] = FORMULAS[r.label];
    const cell = (formula: string | null, value: string | undefined): CellModel =>
      value === undefined ? null : formula === null ? Number(value) : { formula, value: Number(value) };
    return [r.label, cell(tv, r.transactionValuation), cell(rate, r.feeRate), cell(amount, r.amount)];
  });
  // the footnote: the core's parts, its figures taken from their cells (the issuer's name never inside a string constant)
  const FIGURES: Record<FootnoteFigure, string> = {
    eligibleShares: 'TEXT(Eligible_Shares,"#,##0")',
    issuerName: "Issuer_Name",
    transactionValuation: 'TEXT(Transaction_Valuation,"#,##0.00")',
    valuationDate: 'TEXT(Valuation_Date,"mmmm d, yyyy")',
    feeRatePerMillion: `TEXT(Fee_Rate,"${FEE_RATE_FORMAT}")`,
  };
  const footnoteParts = feeFootnoteParts(v, terms);
  const fee: SheetModel = {
    name: SHEET_FEE,
    cells: [
      ["Calculation of Filing Fee Tables"],
      [{ formula: `=Issuer_Name&${formulaText(" — Schedule TO (Rule 13e-4)")}`, value: `${terms.issuerName} — Schedule TO (Rule 13e-4)` }],
      [],
      ["Table 1: Transaction Valuation", "Transaction Valuation", "Fee Rate", "Amount of Filing Fee"],
      ...tableCells,
      [],
      [
        {
          formula: "=" + [formulaText("(1) "), ...footnoteParts.map((p) => (p.figure ? FIGURES[p.figure] : formulaText(p.text)))].join("&"),
          value: `(1) ${footnoteParts.map((p) => p.text).join("")}`,
        },
      ],
      [],
      [`Ledger: ${ledger.rows} rows = ${ledger.accepted} accepted + ${ledger.rejected} rejected. Valued ${serialToIso(terms.valuationDate)} by optex.`],
    ],
    formats: [
      { range: `B${tableRow("Fees to Be Paid")}:B${tableRow("Total Transaction Valuation")}`, format: "$#,##0.00" },
      { range: `C${tableRow("Fees to Be Paid")}`, format: "0.0000000" },
      { range: `D${tableRow("Fees to Be Paid")}:D${tableRow("Net Fee Due")}`, format: "$#,##0.00" },
    ],
    widths: [34, 22, 14, 22],
  };
  const named: [string, FeeTableLabel, string, string][] = [
    ["Transaction_Valuation", "Total Transaction Valuation", "B", "rounded to the cent"],
    ["Total_Fees_Due", "Total Fees Due for Filing", "D", "OPTEX.FILING_FEE"],
    ["Total_Fees_Previously_Paid", "Total Fees Previously Paid", "D", "fees previously paid"],
    ["Total_Fee_Offsets", "Total Fee Offsets", "D", "Rule 0-11(a)(2) offsets (none)"],
    ["Net_Fee_Due", "Net Fee Due", "D", "net fee due"],
  ];
  for (const [name, label, column, comment] of named) names.push({ name, ref: ref(SHEET_FEE, `${column}${tableRow(label)}`), comment });
  return { sheets: [assumptions, eligible, fee], names };
}

/**
 * Splits rows into chunks whose JSON size stays under `maxBytes` (Excel on the web limits a request
 * to 5 MB), so a large table is written in several requests.
 */
export function chunkRows<T>(rows: readonly T[], maxBytes = 4_000_000): { start: number; rows: T[] }[] {
  const chunks: { start: number; rows: T[] }[] = [];
  let current: T[] = [];
  let size = 0;
  let start = 0;
  rows.forEach((row, i) => {
    const bytes = JSON.stringify(row).length + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push({ start, rows: current });
      current = [];
      size = 0;
      start = i;
    }
    current.push(row);
    size += bytes;
  });
  if (current.length > 0) chunks.push({ start, rows: current });
  return chunks;
}

/**
 * What Excel's `range.formulas` takes for a cell. A string in the model is always text, kept
 * exactly: it is written after Excel's text prefix, the apostrophe, which makes Excel store the rest
 * as it is (never a formula, number, date, time, fraction, percentage, boolean or error, whatever it
 * looks like, full-width characters included); `values` and `text` read it back without the
 * apostrophe. No pattern decides which text "needs" it. Formulas are FormulaCells; blank is null
 * (and the empty text, which Excel reads back as "" either way).
 */
export function toFormulaInput(cell: CellModel): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.formula;
  if (typeof cell === "string") return cell === "" ? "" : `'${cell}`;
  return cell;
}

/** A sheet's cells as the rectangle of `range.formulas` inputs Excel is sent (short rows padded). */
export function sheetInputs(cells: readonly CellModel[][]): (string | number | boolean)[][] {
  let width = 1;
  for (const r of cells) if (r.length > width) width = r.length; // a loop: spreading a million rows into Math.max overflows the stack
  return cells.map((r) => {
    const out = r.map(toFormulaInput);
    while (out.length < width) out.push("");
    return out;
  });
}

/** The string constants written in a formula, as Excel reads them ("" inside one is a quote). */
export function formulaStringConstants(formula: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] !== '"') continue;
    let text = "";
    for (i++; i < formula.length; i++) {
      if (formula[i] === '"') {
        if (formula[i + 1] === '"') {
          text += '"';
          i++;
        } else break;
      } else text += formula[i];
    }
    found.push(text);
  }
  return found;
}

const showCount = (n: number) => n.toLocaleString("en-US");

/** "'Sheet'!C2" for a 0-based row and column. */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `'${sheet}'!${columnLetter(col)}${row + 1}`;
}

/**
 * Everything in the model that Excel could not hold exactly, as messages naming the cell: text
 * longer than a cell holds (Excel would refuse or cut it), a formula or a string constant in one over
 * Excel's limits, a formula whose text result would exceed a cell (Excel shows #VALUE!), a number
 * that is not finite. Empty when the model can be written as it is.
 */
export function workbookModelProblems(model: WorkbookModel): string[] {
  const problems: string[] = [];
  for (const sheet of model.sheets) {
    const cells = sheet.cells;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell === null || typeof cell === "boolean") continue;
        if (typeof cell === "string") {
          if (cell.length > EXCEL_MAX_CELL_CHARS) {
            problems.push(`${cellAddress(sheet.name, r, c)}: the text is ${showCount(cell.length)} characters long; an Excel cell holds at most ${showCount(EXCEL_MAX_CELL_CHARS)}, so it cannot be written exactly`);
          }
        } else if (typeof cell === "number") {
          if (!Number.isFinite(cell)) problems.push(`${cellAddress(sheet.name, r, c)}: ${cell} is not a number Excel can hold`);
        } else {
          const { formula, value } = cell;
          if (formula.length > EXCEL_MAX_FORMULA_CHARS) {
            problems.push(`${cellAddress(sheet.name, r, c)}: the formula is ${showCount(formula.length)} characters long; Excel's limit is ${showCount(EXCEL_MAX_FORMULA_CHARS)}`);
          }
          if (formula.length > EXCEL_MAX_FORMULA_TEXT_CHARS + 3) {
            // only a formula longer than 255 characters can hold a constant that long ("=" and two quotes)
            const long = formulaStringConstants(formula).find((t) => t.length > EXCEL_MAX_FORMULA_TEXT_CHARS);
            if (long !== undefined) {
              problems.push(`${cellAddress(sheet.name, r, c)}: the formula has a text constant of ${showCount(long.length)} characters; Excel's limit is ${EXCEL_MAX_FORMULA_TEXT_CHARS}`);
            }
          }
          if (typeof value === "string") {
            if (value.length > EXCEL_MAX_CELL_CHARS) {
              problems.push(
                `${cellAddress(sheet.name, r, c)}: the formula's text would be ${showCount(value.length)} characters long; Excel shows #VALUE! beyond ${showCount(EXCEL_MAX_CELL_CHARS)} (shorten the text it includes, e.g. the issuer's name)`,
              );
            }
          } else if (!Number.isFinite(value)) {
            problems.push(`${cellAddress(sheet.name, r, c)}: optex computed ${value} for this formula, which Excel cannot show`);
          }
        }
      }
    }
  }
  return problems;
}

/** Throws, naming the cells, when the model cannot be written exactly (see workbookModelProblems). */
export function checkWorkbookModel(model: WorkbookModel): void {
  const problems = workbookModelProblems(model);
  if (problems.length === 0) return;
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
  throw new Error(`The worksheets were not written: ${problems.slice(0, 3).join("; ")}${more}.`);
}

/** The value shown for a cell (the computed value for formulas; text exactly as it is). */
export function displayValue(cell: CellModel): string | number | boolean | null {
  if (cell !== null && typeof cell === "object") return cell.value;
  return cell;
}
