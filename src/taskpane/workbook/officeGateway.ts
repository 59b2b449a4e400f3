/* global Excel, Office */
/**
 * The Excel implementation of the gateway: the only place the pane calls Excel.run.
 * Reads and writes go in blocks that stay inside Excel on the web's limits (5 MB a request,
 * 5,000,000 cells a read).
 */
import { RawCell } from "../../core/ledger/values";
import { checkWorkbookModel, chunkRows, columnLetter, sheetInputs, WorkbookModel } from "./model";
import { PaneSettings, parseSettings, PriceSource, RangeCells, RangeRequest, SETTINGS_KEY, SourceValues, WorkbookGateway, WorkbookSource } from "./gateway";

/** Cells per read request: well under the 5 MB response limit at ~20 bytes a cell. */
const READ_CELLS_PER_REQUEST = 150_000;
/** Bytes of formulas per write request (the limit is 5 MB). */
const WRITE_BYTES_PER_REQUEST = 3_500_000;
/** Points per character of column width (Calibri 11). */
const POINTS_PER_CHAR = 7;

export class OfficeWorkbookGateway implements WorkbookGateway {
  readonly kind = "excel" as const;

  async listSources(): Promise<WorkbookSource[]> {
    return Excel.run(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return [
        ...tables.items.map((t) => ({ kind: "table" as const, name: t.name })),
        ...sheets.items.map((s) => ({ kind: "sheet" as const, name: s.name })),
      ];
    });
  }

  async readSource(source: WorkbookSource, onProgress?: (done: number, total: number) => void): Promise<SourceValues> {
    return Excel.run(async (context) => {
      const range =
        source.kind === "table"
          ? context.workbook.tables.getItem(source.name).getRange()
          : context.workbook.worksheets.getItem(source.name).getUsedRange(true);
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      const sheet = source.kind === "table" ? context.workbook.tables.getItem(source.name).worksheet : context.workbook.worksheets.getItem(source.name);
      await context.sync();
      const rowsPerRequest = Math.max(1, Math.floor(READ_CELLS_PER_REQUEST / Math.max(1, range.columnCount)));
      const values: RawCell[][] = [];
      for (let start = 0; start < range.rowCount; start += rowsPerRequest) {
        const rows = Math.min(rowsPerRequest, range.rowCount - start);
        const block = sheet.getRangeByIndexes(range.rowIndex + start, range.columnIndex, rows, range.columnCount).load("values");
        await context.sync();
        for (const row of block.values) values.push(row as RawCell[]);
        onProgress?.(start + rows, range.rowCount);
      }
      return { values, firstRow: range.rowIndex + 1 };
    });
  }

  async listPriceSources(): Promise<PriceSource[]> {
    return Excel.run(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      // a table: its header row and its data body (without a total row); a sheet: its used range, headers first
      const tableParts = tables.items.map((t) => ({
        name: t.name,
        sheet: t.worksheet.load("name"),
        header: t.getHeaderRowRange().load("text,rowIndex,columnIndex"),
        body: t.getDataBodyRange().load("rowIndex,rowCount"),
      }));
      const used = sheets.items.map((s) => ({ sheet: s, range: s.getUsedRangeOrNullObject(true).load("isNullObject,rowIndex,columnIndex,rowCount,columnCount") }));
      await context.sync();
      const sheetParts = used.map((u) => ({
        name: u.sheet.name,
        range: u.range,
        header: u.range.isNullObject ? undefined : u.sheet.getRangeByIndexes(u.range.rowIndex, u.range.columnIndex, 1, u.range.columnCount).load("text"),
      }));
      await context.sync();
      return [
        ...tableParts.map(
          (t): PriceSource => ({
            kind: "table",
            name: t.name,
            sheet: t.sheet.name,
            headerRow: t.header.rowIndex,
            firstRow: t.body.rowIndex,
            rows: t.body.rowCount,
            firstColumn: t.header.columnIndex,
            headers: (t.header.text[0] ?? []).map(String),
          }),
        ),
        ...sheetParts.map(
          (s): PriceSource =>
            s.header
              ? { kind: "sheet", name: s.name, sheet: s.name, headerRow: s.range.rowIndex, firstRow: s.range.rowIndex + 1, rows: s.range.rowCount - 1, firstColumn: s.range.columnIndex, headers: (s.header.text[0] ?? []).map(String) }
              : { kind: "sheet", name: s.name, sheet: s.name, headerRow: 0, firstRow: 1, rows: 0, firstColumn: 0, headers: [] },
        ),
      ];
    });
  }

  async readRange(request: RangeRequest): Promise<RangeCells> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(request.sheet);
      const out: RangeCells = { values: [], text: [], numberFormats: [] };
      if (request.rows <= 0 || request.columns <= 0) return out;
      // three properties a cell: a third of the cells of a ledger read per request
      const rowsPerRequest = Math.max(1, Math.floor(READ_CELLS_PER_REQUEST / 3 / request.columns));
      for (let start = 0; start < request.rows; start += rowsPerRequest) {
        const rows = Math.min(rowsPerRequest, request.rows - start);
        const block = sheet.getRangeByIndexes(request.row + start, request.column, rows, request.columns).load("values,text,numberFormat");
        await context.sync();
        for (const row of block.values) out.values.push(row as RawCell[]);
        for (const row of block.text) out.text.push(row.map(String));
        for (const row of block.numberFormat) out.numberFormats!.push(row.map(String));
      }
      return out;
    });
  }

  async writeWorkbook(model: WorkbookModel, onProgress?: (done: number, total: number) => void): Promise<void> {
    checkWorkbookModel(model); // before anything is touched: nothing is written rather than something cut
    await Excel.run(async (context) => {
      const workbook = context.workbook;
      // Reuse sheets of the same names (cleared) rather than deleting anything of the user's.
      const existing = model.sheets.map((s) => workbook.worksheets.getItemOrNullObject(s.name));
      const oldNames = model.names.map((n) => workbook.names.getItemOrNullObject(n.name));
      const oldTables = model.sheets.filter((s) => s.table).map((s) => workbook.tables.getItemOrNullObject(s.table!.name));
      for (const o of [...existing, ...oldNames, ...oldTables]) o.load("isNullObject");
      await context.sync();
      for (const t of oldTables) if (!t.isNullObject) t.convertToRange();
      for (const n of oldNames) if (!n.isNullObject) n.delete();
      const sheets = model.sheets.map((s, i) => {
        if (existing[i].isNullObject) return workbook.worksheets.add(s.name);
        existing[i].getRange().clear();
        return existing[i];
      });
      await context.sync();
      for (const n of model.names) workbook.names.add(n.name, `=${n.ref}`, n.comment);
      await context.sync();

      const total = model.sheets.reduce((n, s) => n + s.cells.length, 0);
      let done = 0;
      for (let i = 0; i < model.sheets.length; i++) {
        const spec = model.sheets[i];
        const sheet = sheets[i];
        // text goes in after Excel's text prefix, so it is stored exactly (see toFormulaInput)
        const rows = sheetInputs(spec.cells);
        const width = rows[0]?.length ?? 1;
        for (const chunk of chunkRows(rows, WRITE_BYTES_PER_REQUEST)) {
          sheet.getRangeByIndexes(chunk.start, 0, chunk.rows.length, width).formulas = chunk.rows;
          await context.sync();
          done += chunk.rows.length;
          onProgress?.(done, total);
        }
        for (const f of spec.formats) {
          // a 1x1 array applies to every cell of the range (office-js-docs-reference#578)
          sheet.getRange(f.range).numberFormat = [[f.format]];
        }
        spec.widths.forEach((chars, c) => {
          sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = chars * POINTS_PER_CHAR;
        });
        sheet.getRange("A1:" + columnLetter(width - 1) + "1").format.font.bold = true;
        if (spec.table) {
          const table = sheet.tables.add(spec.table.range, true);
          table.name = spec.table.name;
        }
        await context.sync();
      }
      sheets[sheets.length - 1].activate();
      await context.sync();
    });
  }

  async loadSettings(): Promise<PaneSettings | undefined> {
    return parseSettings(Office.context.document.settings.get(SETTINGS_KEY));
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    Office.context.document.settings.set(SETTINGS_KEY, JSON.stringify(settings));
    await new Promise<void>((resolve, reject) =>
      Office.context.document.settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? "could not save the settings")),
      ),
    );
  }
}
