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
}

export interface WorkbookGateway {
  readonly kind: "excel" | "preview";
  listSources(): Promise<WorkbookSource[]>;
  readSource(source: WorkbookSource, onProgress?: (done: number, total: number) => void): Promise<SourceValues>;
  /** Writes (or rewrites) the optex worksheets; progress in rows written. */
  writeWorkbook(model: WorkbookModel, onProgress?: (done: number, total: number) => void): Promise<void>;
  loadSettings(): Promise<PaneSettings | undefined>;
  saveSettings(settings: PaneSettings): Promise<void>;
}

export const SETTINGS_KEY = "optex.settings";

/** Parses stored settings, ignoring anything that is not a version-1 settings object. */
export function parseSettings(raw: unknown): PaneSettings | undefined {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  if (typeof value !== "object" || value === null) return undefined;
  const s = value as Partial<PaneSettings>;
  if (s.version !== 1 || typeof s.offer !== "object" || s.offer === null) return undefined;
  return s as PaneSettings;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
