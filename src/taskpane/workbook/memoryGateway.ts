/**
 * An in-memory workbook behind the gateway interface: preview mode outside Office, and tests.
 */
import { RawCell } from "../../core/ledger/values";
import { CellModel, checkWorkbookModel, displayValue, sheetInputs, WorkbookModel } from "./model";
import { PaneSettings, parseSettings, SourceValues, WorkbookGateway, WorkbookSource } from "./gateway";

export interface MemorySheet {
  name: string;
  cells: CellModel[][];
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
  private settings?: PaneSettings;

  constructor(private readonly store?: SettingsStore, private readonly storeKey = "optex.preview.settings") {}

  /** Adds a sheet of plain values (e.g. a ledger export opened in the workbook). */
  addSheet(name: string, values: RawCell[][]): void {
    this.sheets.set(name, { name, cells: values.map((row) => row.map((c) => (c === undefined ? null : c))) });
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
    return { values: sheet.cells.map((row) => row.map((c) => displayValue(c) as RawCell)), firstRow: 1 };
  }

  async writeWorkbook(model: WorkbookModel, onProgress?: (done: number, total: number) => void): Promise<void> {
    checkWorkbookModel(model); // refuses what Excel could not hold exactly, as the Excel gateway does
    const total = model.sheets.reduce((n, s) => n + s.cells.length, 0);
    let done = 0;
    for (const sheet of model.sheets) {
      this.sheets.set(sheet.name, { name: sheet.name, cells: sheet.cells.map((r) => r.slice()) });
      if (sheet.table) this.tables.set(sheet.table.name, { sheet: sheet.name, range: sheet.table.range });
      done += sheet.cells.length;
      onProgress?.(done, total);
    }
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
