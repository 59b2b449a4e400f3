/**
 * An in-memory workbook behind the gateway interface: preview mode outside Office, and tests.
 */
import { RawCell } from "../../core/ledger/values";
import { serialToIso } from "../../core/dates/serial";
import { CellModel, checkWorkbookModel, displayValue, sheetInputs, WorkbookModel } from "./model";
import { PaneSettings, parseSettings, PriceSource, RangeCells, RangeRequest, SourceValues, WorkbookGateway, WorkbookSource } from "./gateway";

export interface MemorySheet {
  name: string;
  cells: CellModel[][];
  /** Number formats by 0-based column (a date column's "yyyy-mm-dd"), when the sheet has any. */
  columnFormats?: Record<number, string>;
  /** What dynamic arrays show in the blank cells they spill over, by "row,column" (0-based). */
  spilled?: Map<string, number | string>;
  /** Number formats of a written sheet by range (0-based, in the order set: a later one wins), from the model's. */
  rangeFormats?: { row: number; column: number; lastRow: number; lastColumn: number; format: string }[];
}

/** A cell's number format: the last range format that covers it, else its column's. */
export function formatOf(sheet: MemorySheet, row: number, column: number): string | undefined {
  const ranges = sheet.rangeFormats ?? [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const r = ranges[i];
    if (row >= r.row && row <= r.lastRow && column >= r.column && column <= r.lastColumn) return r.format;
  }
  return sheet.columnFormats?.[column];
}

/** The model's formats by A1 range ("B3", "E2:F40"), parsed. */
function rangeFormatsOf(formats: readonly { range: string; format: string }[]): NonNullable<MemorySheet["rangeFormats"]> {
  return formats.map((f) => ({ ...parseA1Range(f.range.includes(":") ? f.range : `${f.range}:${f.range}`), format: f.format }));
}

/** A cell's value as the sheet shows it: a formula's value, a spilled array's figure, or the constant. */
export function shownValue(sheet: MemorySheet, row: number, column: number): string | number | boolean | null {
  const cell = sheet.cells[row]?.[column] ?? null;
  if (cell === null) return sheet.spilled?.get(`${row},${column}`) ?? null;
  return displayValue(cell);
}

/** How many columns a row shows (its cells, or further where an array spills). */
export function shownWidth(sheet: MemorySheet, row: number): number {
  let width = sheet.cells[row]?.length ?? 0;
  if (sheet.spilled) {
    for (const key of sheet.spilled.keys()) {
      const [r, c] = key.split(",").map(Number);
      if (r === row && c + 1 > width) width = c + 1;
    }
  }
  return width;
}

/** The spilled cells of a written sheet (the anchors hold their own values). */
function spilledCells(spills: NonNullable<WorkbookModel["sheets"][number]["spilled"]>): Map<string, number | string> {
  const map = new Map<string, number | string>();
  for (const s of spills) {
    s.values.forEach((row, r) => row.forEach((value, c) => {
      if (r !== 0 || c !== 0) map.set(`${s.row + r},${s.col + c}`, value);
    }));
  }
  return map;
}

/** "A1:K12" -> 0-based first and last rows and columns. */
function parseA1Range(range: string): { row: number; column: number; lastRow: number; lastColumn: number } {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
  if (!m) throw new Error(`the range ${range} is not an A1 range`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, column: col(m[1]), lastRow: Number(m[4]) - 1, lastColumn: col(m[3]) };
}

/** A memory cell's text as a worksheet shows it: a number under a date format as yyyy-mm-dd. */
function cellShown(value: RawCell, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && format !== undefined && /[dy]/i.test(format) && Number.isInteger(value) && value > 0) return serialToIso(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** Something that keeps a string between page loads (localStorage in the browser). */
export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class MemoryWorkbookGateway implements WorkbookGateway {
  readonly kind = "preview" as const;
  readonly sheets = new Map<string, MemorySheet>();
  readonly tables = new Map<string, { sheet: string; range: string }>();
  names: WorkbookModel["names"] = [];
  /** The sheets the last writeWorkbook wrote, in order (the preview turns to them). */
  lastWritten: string[] = [];
  private settings?: PaneSettings;

  constructor(private readonly store?: SettingsStore, private readonly storeKey = "optex.preview.settings") {}

  /**
   * Adds a sheet of plain values (e.g. a ledger export opened in the workbook), with number formats
   * by column if it has any (a column of date serials under "yyyy-mm-dd" shows as dates).
   */
  addSheet(name: string, values: RawCell[][], columnFormats?: Record<number, string>): void {
    this.sheets.set(name, { name, cells: values.map((row) => row.map((c) => (c === undefined ? null : c))), columnFormats });
  }

  /** Adds an Excel table over a range of a sheet already added ("A1:C20", header row first). */
  addTable(name: string, sheet: string, range: string): void {
    if (!this.sheets.has(sheet)) throw new Error(`sheet ${sheet} is not in the workbook`);
    parseA1Range(range);
    this.tables.set(name, { sheet, range });
  }

  async listPriceSources(): Promise<PriceSource[]> {
    const sources: PriceSource[] = [];
    const headersOf = (sheet: MemorySheet, row: number, column: number, columns: number) =>
      Array.from({ length: columns }, (_, c) => cellShown(shownValue(sheet, row, column + c) as RawCell, formatOf(sheet, row, column + c)));
    for (const [name, table] of this.tables) {
      const sheet = this.sheets.get(table.sheet);
      if (!sheet) continue;
      const r = parseA1Range(table.range);
      const columns = r.lastColumn - r.column + 1;
      sources.push({ kind: "table", name, sheet: sheet.name, headerRow: r.row, firstRow: r.row + 1, rows: r.lastRow - r.row, firstColumn: r.column, headers: headersOf(sheet, r.row, r.column, columns) });
    }
    for (const sheet of this.sheets.values()) {
      let width = 0;
      for (const row of sheet.cells) if (row.length > width) width = row.length;
      const rows = Math.max(0, sheet.cells.length - 1);
      sources.push({ kind: "sheet", name: sheet.name, sheet: sheet.name, headerRow: 0, firstRow: 1, rows, firstColumn: 0, headers: headersOf(sheet, 0, 0, width) });
    }
    return sources;
  }

  async readRange(request: RangeRequest): Promise<RangeCells> {
    const sheet = this.sheets.get(request.sheet);
    if (!sheet) throw new Error(`sheet ${request.sheet} is not in the workbook`);
    const values: RawCell[][] = [];
    const text: string[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 0; r < request.rows; r++) {
      const v: RawCell[] = [];
      const t: string[] = [];
      const f: string[] = [];
      for (let c = 0; c < request.columns; c++) {
        const format = formatOf(sheet, request.row + r, request.column + c);
        const value = shownValue(sheet, request.row + r, request.column + c) as RawCell;
        // as Excel gives a blank cell: the empty text
        v.push(value === null ? "" : value);
        t.push(cellShown(value, format));
        f.push(format ?? "General");
      }
      values.push(v);
      text.push(t);
      numberFormats.push(f);
    }
    return { values, text, numberFormats };
  }

  async listSources(): Promise<WorkbookSource[]> {
    return [
      ...[...this.tables.keys()].map((name) => ({ kind: "table" as const, name })),
      ...[...this.sheets.keys()].map((name) => ({ kind: "sheet" as const, name })),
    ];
  }

  async readSource(source: WorkbookSource): Promise<SourceValues> {
    const sheetName = source.kind === "table" ? this.tables.get(source.name)?.sheet : source.name;
    const sheet = sheetName ? this.sheets.get(sheetName) : undefined;
    if (!sheet) throw new Error(`${source.kind} ${source.name} is not in the workbook`);
    return { values: sheet.cells.map((_row, r) => Array.from({ length: shownWidth(sheet, r) }, (_, c) => shownValue(sheet, r, c) as RawCell)), firstRow: 1 };
  }

  async writeWorkbook(model: WorkbookModel, onProgress?: (done: number, total: number) => void): Promise<void> {
    checkWorkbookModel(model); // refuses what Excel could not hold exactly, as the Excel gateway does
    const total = model.sheets.reduce((n, s) => n + s.cells.length, 0);
    let done = 0;
    for (const sheet of model.sheets) {
      this.sheets.set(sheet.name, {
        name: sheet.name,
        cells: sheet.cells.map((r) => r.slice()),
        rangeFormats: rangeFormatsOf(sheet.formats),
        ...(sheet.spilled ? { spilled: spilledCells(sheet.spilled) } : {}),
      });
      if (sheet.table) this.tables.set(sheet.table.name, { sheet: sheet.name, range: sheet.table.range });
      done += sheet.cells.length;
      onProgress?.(done, total);
    }
    this.lastWritten = model.sheets.map((sheet) => sheet.name);
    // as in Excel: the model's names are added or replaced; other names of the workbook stay
    const names = new Map(this.names.map((n) => [n.name, n]));
    for (const n of model.names) names.set(n.name, n);
    this.names = [...names.values()];
  }

  /**
   * A sheet as the `range.formulas` rectangle the Excel gateway sends for it (text after Excel's text
   * prefix), for recalculating the preview workbook in a spreadsheet engine.
   */
  excelInputs(name: string): (string | number | boolean)[][] {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`sheet ${name} is not in the workbook`);
    return sheetInputs(sheet.cells);
  }

  async loadSettings(): Promise<PaneSettings | undefined> {
    if (this.settings) return this.settings;
    return this.store ? parseSettings(this.store.getItem(this.storeKey)) : undefined;
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    this.settings = settings;
    this.store?.setItem(this.storeKey, JSON.stringify(settings));
  }
}
