/**
 * The tests' spreadsheet engine: HyperFormula fed exactly what Excel is sent (`sheetInputs`, the
 * Office gateway's `range.formulas` arrays), with
 * - the OPTEX functions registered through the same boundary Excel uses (src/functions/registry.ts);
 *   those returning an array (PAYMENT_SCHEDULE, RELEASE_DATES) spill as in Excel: a formula that is
 *   one such call spills over the rows and columns the call returns (see {@link engineFromInputs});
 *   nested in another function (INDEX(OPTEX.PAYMENT_SCHEDULE(...), 2, 3)) the array is an argument;
 * - Excel's 1900 date system (serial 60 is the fictitious 1900-02-29);
 * - TEXT for the three format codes the worksheets use, written here from Excel's documented
 *   meaning of the codes (HyperFormula's own TEXT knows neither "#,##0" nor "mmmm": it returns
 *   "1026013,##0"), independently of the core's formatting (feeTable.ts).
 * Not a test file itself (jest runs *.test.ts only).
 */
import Decimal from "decimal.js";
import { ArraySize, CellError, DetailedCellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, ImplementedFunctions, SimpleRangeValue } from "hyperformula";
import { evaluate } from "../../src/functions/registry";
import { CellModel, columnLetter, FormulaCell, sheetInputs, WorkbookModel } from "../../src/taskpane/workbook/model";

const OPTEX_IDS = [
  "BLACK_SCHOLES_VALUE", "FEE_RATE", "FILING_FEE", "SIMPLIFIED_TERM", "VESTED_SHARES", "HULL_WHITE_VALUE", "HISTORICAL_VOLATILITY", "NEW_OPTION_SHARES", "NEW_GRANT_DATE",
  "POST_TERMINATION_EXPIRY", "INCREMENTAL_FAIR_VALUE", "SALARY_BALANCE", "CONSULTING_FEES", "ADD_BUSINESS_DAYS",
];
/** The OPTEX functions that return an array (Excel spills them). */
const OPTEX_ARRAY_IDS = ["PAYMENT_SCHEDULE", "RELEASE_DATES"];
/** Up to HULL_WHITE_VALUE's ten arguments, each any value or a range (HISTORICAL_VOLATILITY's prices). */
const ANY_ARGS = Array.from({ length: 10 }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true }));

/**
 * What an empty cell reaches a custom function as: null in Excel on the web, 0 in Excel on the desktop
 * (office-js#4702, #5262). The engine passes null unless built inside {@link withEmptyCellsAs}.
 */
let emptyCell: null | 0 = null;

/** Builds (and so computes) an engine with empty cells passed to the OPTEX functions as `value`. */
export function withEmptyCellsAs<T>(value: null | 0, build: () => T): T {
  const before = emptyCell;
  emptyCell = value;
  try {
    return build();
  } finally {
    emptyCell = before;
  }
}

/**
 * An argument as Excel passes it to a custom function: an omitted one (`f(a,,b)`) as null; an empty
 * cell as null (or 0: {@link withEmptyCellsAs}); a range as rows of values.
 */
function excelArgument(a: unknown, node?: unknown): unknown {
  if ((node as { type?: string } | undefined)?.type === "EMPTY") return null;
  if (a === EmptyValue) return emptyCell;
  if (a === undefined) return null;
  if (a instanceof SimpleRangeValue) return a.rawData().map((row) => row.map((cell) => excelArgument(cell)));
  // a number HyperFormula keeps with its format (a date, a percentage): its value, as Excel passes it
  if (typeof a === "object" && a !== null && "val" in a) return (a as { val: unknown }).val;
  return a;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** An Excel serial (1900 system) as a calendar date, through JavaScript's own Date (UTC). */
function excelDate(serial: number): { year: number; month: number; day: number } {
  const s = Math.floor(serial);
  if (s === 60) return { year: 1900, month: 2, day: 29 }; // Excel's fictitious leap day
  const d = new Date(Date.UTC(1899, 11, 30) + (s < 60 ? s + 1 : s) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Excel's TEXT for the codes the worksheets use: "mmmm d, yyyy", and "#,##0" with an optional
 * fraction of required zeros then optional #s ("#,##0.00", "#,##0.00########": at least 2 decimals,
 * up to 10, trailing zeros beyond the 2 dropped). Any other code is an error here.
 */
export function excelText(value: number, format: string): string {
  if (format === "mmmm d, yyyy") {
    const { year, month, day } = excelDate(value);
    return `${MONTHS[month - 1]} ${day}, ${year}`;
  }
  const code = /^#,##0(?:\.(0*)(#*))?$/.exec(format);
  if (!code) throw new Error(`the test engine's TEXT does not know the format ${format}`);
  const min = (code[1] ?? "").length;
  const max = min + (code[2] ?? "").length;
  // Excel shows a number from its 15 significant digits, rounded half away from zero
  const rounded = new Decimal(new Decimal(value).toPrecision(15)).toDecimalPlaces(max, Decimal.ROUND_HALF_UP);
  let [whole, fraction = ""] = rounded.abs().toFixed(max).split(".");
  while (fraction.length > min && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (rounded.isNegative() && !rounded.isZero() ? "-" : "") + whole + (fraction ? "." + fraction : "");
}

/** HyperFormula's types for a plugin function's arguments (not exported by name). */
type PluginFunction = FunctionPlugin["runFunction"];
type ProcedureAst = { args: Parameters<PluginFunction>[0] };
type InterpreterState = Parameters<PluginFunction>[1];
type InterpreterValue = ReturnType<Parameters<PluginFunction>[3]>;
type CellAddress = { sheet: number; row: number; col: number };

/**
 * Spills. HyperFormula sizes an array formula when it parses it, before any cell has a value (its
 * plugins' `sizeOfResultArrayMethod`), so the engine is built in passes: every spilling formula is
 * first sized as the array its call returned in the previous pass (one cell at first); a call whose
 * array is not that size records the size it returned and shows #SPILL!, and the engine is built
 * again until every call fits (Excel's spill: the range is the size of the array returned).
 */
interface SpillSizes {
  /** "sheet:row:col" of a spilling formula -> its size, [rows, columns]. */
  sizes: Map<string, [number, number]>;
  /** The sizes calls returned that differ from `sizes`, to build with next. */
  found: Map<string, [number, number]>;
}
const spillKey = (a: CellAddress) => `${a.sheet}:${a.row}:${a.col}`;
/** The spill sizes of the engine being built (each plugin instance, one per engine, keeps its own). */
let building: SpillSizes = { sizes: new Map(), found: new Map() };

/** An OPTEX error outcome as the cell error Excel shows. */
function cellError(error: string, message: string): CellError {
  return new CellError(error === "#NUM!" ? ErrorType.NUM : error === "#N/A" ? ErrorType.NA : ErrorType.VALUE, message);
}

class OptexPlugin extends FunctionPlugin {
  private spills?: SpillSizes;

  private spillSizes(): SpillSizes {
    this.spills ??= building;
    return this.spills;
  }

  optex(id: string, ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata(`OPTEX.${id}`), (...args: unknown[]): InterpreterValue => {
      const given = args.slice(0, ast.args.length); // the arguments the formula wrote, blanks included
      const outcome = evaluate(id, given.map((a, i) => excelArgument(a, ast.args[i])));
      if (!("value" in outcome)) return cellError(outcome.error, outcome.message);
      if (!Array.isArray(outcome.value)) return outcome.value as InterpreterValue;
      const rows = outcome.value;
      const array = SimpleRangeValue.onlyValues(rows.map((row) => row.slice()));
      // the whole formula is this call: it spills over the rows and columns it returned
      const vertex = state.formulaVertex as unknown as { formula?: unknown } | undefined;
      if (vertex?.formula !== ast) return array as unknown as InterpreterValue;
      const spills = this.spillSizes();
      const key = spillKey(state.formulaAddress);
      const size = spills.sizes.get(key) ?? [1, 1];
      const returned: [number, number] = [rows.length, rows[0]?.length ?? 0];
      if (returned[0] === size[0] && returned[1] === size[1]) return array as unknown as InterpreterValue;
      spills.found.set(key, returned);
      return new CellError(ErrorType.SPILL, `OPTEX.${id} returned ${returned[0]} x ${returned[1]}; the engine had sized it ${size[0]} x ${size[1]}`);
    });
  }

  /** The size HyperFormula gives a spilling formula when it parses it: the size its call last returned. */
  spillSize(_ast: ProcedureAst, state: { formulaAddress: CellAddress }): ArraySize {
    const size = this.spillSizes().sizes.get(spillKey(state.formulaAddress));
    return size ? new ArraySize(size[1], size[0]) : ArraySize.scalar();
  }

  text(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("TEXT"), (value: number, format: string) =>
      excelText(value, format),
    );
  }
}
const implemented: ImplementedFunctions = { TEXT: { method: "text", parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.STRING }] } };
const translations: Record<string, string> = { TEXT: "TEXT" };
for (const id of [...OPTEX_IDS, ...OPTEX_ARRAY_IDS]) {
  const method = `optex_${id}`;
  (OptexPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: OptexPlugin, ast: ProcedureAst, state: InterpreterState) {
    return this.optex(id, ast, state);
  };
  implemented[`OPTEX.${id}`] = OPTEX_ARRAY_IDS.includes(id) ? { method, parameters: ANY_ARGS, sizeOfResultArrayMethod: "spillSize" } : { method, parameters: ANY_ARGS };
  translations[`OPTEX.${id}`] = `OPTEX.${id}`;
}
OptexPlugin.implementedFunctions = implemented;
HyperFormula.unregisterFunction("TEXT");
HyperFormula.registerFunctionPlugin(OptexPlugin, { enGB: translations });

export type Inputs = Record<string, (string | number | boolean)[][]>;

/** The most passes a build takes to size its spills (each pass sizes every spill whose inputs are known). */
const MAX_SPILL_PASSES = 8;

/**
 * An engine over what Excel receives: sheet name -> `range.formulas` rows; names as `=ref`. A formula
 * that is one call of a spilling OPTEX function spills over the cells below and to the right of it
 * as in Excel (#SPILL! when one of them is not blank); the engine is rebuilt until each spill is the
 * size of the array its call returns (see {@link SpillSizes}). Sizes are fixed once built: a change
 * that makes a call return another size shows #SPILL! in its cell.
 */
export function engineFromInputs(sheets: Inputs, names: readonly { name: string; ref: string }[]): HyperFormula {
  // Excel stores "" sent through `range.formulas` as a blank cell (HyperFormula would keep an empty
  // text, which a spill cannot cover)
  const contents = Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [name, rows.map((row) => row.map((cell) => (cell === "" ? null : cell)))]));
  const sizes = new Map<string, [number, number]>();
  for (let pass = 1; ; pass++) {
    const spills: SpillSizes = { sizes: new Map(sizes), found: new Map() };
    building = spills;
    let hf: HyperFormula;
    try {
      hf = HyperFormula.buildFromSheets(
        contents,
        { licenseKey: "gpl-v3", smartRounding: false, leapYear1900: true, nullDate: { year: 1899, month: 12, day: 31 } },
        names.map((n) => ({ name: n.name, expression: `=${n.ref}` })),
      );
    } finally {
      building = { sizes: new Map(), found: new Map() };
    }
    if (spills.found.size === 0) return hf;
    if (pass === MAX_SPILL_PASSES) throw new Error(`the test engine could not size its spills in ${MAX_SPILL_PASSES} passes`);
    for (const [key, size] of spills.found) sizes.set(key, size);
    hf.destroy();
  }
}

/** An engine over a workbook model, through the same conversion the Office gateway sends. */
export function engineFor(model: WorkbookModel): HyperFormula {
  return engineFromInputs(Object.fromEntries(model.sheets.map((s) => [s.name, sheetInputs(s.cells)])), model.names);
}

/** The engine's value of a cell, an error as its code ("#NUM!"). */
export function valueAt(hf: HyperFormula, sheet: string, row: number, col: number): unknown {
  const v = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  return v instanceof DetailedCellError ? v.value : v;
}

export interface FormulaCheck {
  address: string;
  formula: string;
  expected: number | string;
  actual: unknown;
}

/** Every formula cell of the model with the value the engine computes for it. */
export function formulaCells(hf: HyperFormula, model: WorkbookModel): FormulaCheck[] {
  const out: FormulaCheck[] = [];
  for (const sheet of model.sheets) {
    sheet.cells.forEach((row, r) =>
      row.forEach((cell: CellModel, c) => {
        if (cell === null || typeof cell !== "object") return;
        const f = cell as FormulaCell;
        out.push({ address: `'${sheet.name}'!${columnLetter(c)}${r + 1}`, formula: f.formula, expected: f.value, actual: valueAt(hf, sheet.name, r, c) });
      }),
    );
  }
  return out;
}

/**
 * Whether the engine shows what optex computed: the same value; or, for a number the core computed
 * in exact decimals (a fee rate per dollar, a total), the same to Excel's 15 significant digits (what
 * a cell shows); or, for a SUM, which adds doubles in order where the core adds exact decimals,
 * within the float sum's error bound, (n - 1) x 2^-53 x the sum of the magnitudes (the summed values
 * here are all >= 0).
 */
export function sameValue(check: FormulaCheck): boolean {
  const { actual, expected } = check;
  if (actual === expected) return true;
  if (typeof actual !== "number" || typeof expected !== "number") return false;
  if (actual.toPrecision(15) === expected.toPrecision(15)) return true;
  // a ratio over a SUM (the value-for-value ratio): the SUM's error bound, (n - 1) x 2^-53 relative for
  // n values >= 0, and a few roundings of its own; n is at most a few thousand grants in the tests
  if (/\/Exchange_Old_Value,/.test(check.formula)) return Math.abs(actual - expected) <= 1e-12 * Math.abs(expected);
  const sum = /^=SUM\([A-Z]+(\d+):[A-Z]+(\d+)\)$/.exec(check.formula);
  if (!sum) return false;
  const n = Number(sum[2]) - Number(sum[1]) + 1;
  return Math.abs(actual - expected) <= (n - 1) * 2 ** -53 * Math.abs(expected);
}
