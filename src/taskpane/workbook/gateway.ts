/**
 * What the pane needs from a workbook, behind one interface: Excel (officeGateway.ts, the only
 * Excel.run code) or an in-memory workbook for preview mode and tests (memoryGateway.ts).
 */
import { RawCell } from "../../core/ledger/values";
import { WorkbookModel } from "./model";

/** A place a ledger can be imported from: an Excel table, or a worksheet's used range. */
export interface WorkbookSource {
  kind: "table" | "sheet";
  name: string;
}

/** Cells read from a source; `firstRow` is the worksheet row number of values[0] (the header). */
export interface SourceValues {
  values: RawCell[][];
  firstRow: number;
}

/**
 * A table or a worksheet whose columns may hold closing prices (for the offer's volatility): where
 * its header row and its data rows are on the worksheet, and each column's header. Indexes are
 * 0-based, as Excel's getRangeByIndexes takes them; `rows` may be 0 (a header and nothing under it).
 */
export interface PriceSource {
  kind: "table" | "sheet";
  /** The table's name, or the worksheet's. */
  name: string;
  /** The worksheet the cells are on. */
  sheet: string;
  /** Row index of the header row (the first row of a worksheet's used range). */
  headerRow: number;
  /** Row index of the first data row, and how many data rows there are. */
  firstRow: number;
  rows: number;
  /** Column index of the first column. */
  firstColumn: number;
  /** Each column's header as the worksheet shows it ("" when blank), from `firstColumn` on. */
  headers: string[];
}

/** A block of a worksheet by 0-based row and column indexes (Excel's getRangeByIndexes). */
export interface RangeRequest {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * A block's cells: the values (a date is its serial number, as Excel gives it), the text the
 * worksheet shows for each (a date as formatted), and, where the workbook has them, the number
 * formats (how a date in a column of prices is told from a price).
 */
export interface RangeCells {
  values: RawCell[][];
  text: string[][];
  numberFormats?: string[][];
}

/** What the pane keeps in the workbook between sessions. */
export interface PaneSettings {
  version: 1;
  /** The offer form's fields as typed (camelCase, ISO dates). */
  offer: Record<string, string>;
  /** The user's column mapping by canonical column, if fixed by hand. */
  mapping?: Record<string, number>;
  /** Where the ledger came from last time. */
  source?: { kind: "file" | "sample" | "table" | "sheet"; name: string };
  /** The Elections section: where the log and the roster came from, their column choices, the grant price. */
  elections?: {
    log?: { kind: "file" | "sample" | "table" | "sheet"; name: string };
    roster?: { kind: "file" | "sample" | "table" | "sheet"; name: string };
    logMapping?: Record<string, number | null>;
    rosterMapping?: Record<string, number | null>;
    grantPrice?: string;
  };
  /**
   * The offer's volatility as computed from closing prices in the workbook: where they are, the
   * window, and the value it filled in (the link holds while the form's volatility is that value).
   */
  volatility?: VolatilityLinkSettings;
  /** The Executive separation's terms as last edited (settings written before it existed have none). */
  separation?: SeparationSettings;
}

/**
 * The Executive separation's terms as saved: TERMS.json's object as the form gives it (blanks left
 * out, what the form could not show kept as it was), and where the terms first came from.
 */
export interface SeparationSettings {
  terms: Record<string, unknown>;
  /** "seed 001 (Tucker, 2006)", "TERMS.json", "blank terms". */
  source: string;
}

/** The volatility's link to a range of closing prices, as saved (see state/volatility.ts). */
export interface VolatilityLinkSettings {
  /** The range of the window's closing prices, absolute A1 with its sheet: 'Prices'!$B$3:$B$254. */
  address: string;
  periodsPerYear: number;
  /** The window asked for: the last N prices, or "all". */
  window: number | "all";
  /** The form's volatility text the prices gave. */
  value: string;
  /** Where the prices came from, for the pane's words: the table or sheet and the column's header. */
  source: { kind: "table" | "sheet"; name: string; column: string };
}

export interface WorkbookGateway {
  readonly kind: "excel" | "preview";
  listSources(): Promise<WorkbookSource[]>;
  readSource(source: WorkbookSource, onProgress?: (done: number, total: number) => void): Promise<SourceValues>;
  /** The tables and worksheets with their columns' headers: where closing prices can come from. */
  listPriceSources(): Promise<PriceSource[]>;
  /** The cells of a block of a worksheet (read in requests that stay inside Excel's limits). */
  readRange(request: RangeRequest): Promise<RangeCells>;
  /** Writes (or rewrites) the optex worksheets; progress in rows written. */
  writeWorkbook(model: WorkbookModel, onProgress?: (done: number, total: number) => void): Promise<void>;
  loadSettings(): Promise<PaneSettings | undefined>;
  saveSettings(settings: PaneSettings): Promise<void>;
}

export const SETTINGS_KEY = "optex.settings";

/**
 * Parses stored settings, ignoring anything that is not a version-1 settings object. A separation
 * that is not terms (an object) with its source (text) is dropped, and the rest kept: settings
 * written before the separation was saved have none, and read as they did.
 */
export function parseSettings(raw: unknown): PaneSettings | undefined {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  if (typeof value !== "object" || value === null) return undefined;
  const s = value as Partial<PaneSettings>;
  if (s.version !== 1 || typeof s.offer !== "object" || s.offer === null) return undefined;
  if ("separation" in s && !isSeparationSettings(s.separation)) {
    const { separation: _dropped, ...rest } = s;
    return rest as PaneSettings;
  }
  return s as PaneSettings;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSeparationSettings(value: unknown): value is SeparationSettings {
  return isPlainObject(value) && isPlainObject(value.terms) && typeof value.source === "string";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
