/**
 * office-addin-mock's Excel object as the gateways use it, recording what Excel is asked to do: the
 * sheets added or cleared, the `range.formulas` blocks written, number formats, names and tables.
 * `writtenSheets()` puts the blocks back together as each sheet's rectangle of inputs, for a
 * spreadsheet engine to store as Excel would. Not a test file itself.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface Written {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  formulas?: unknown[][];
}

/** A worksheet's cells from A1, for the reads: values, and the text and number formats Excel would give. */
export interface MockGrid {
  values: unknown[][];
  text?: string[][];
  numberFormat?: string[][];
}

/** An Excel table over a sheet's cells, by 0-based indexes (header row first; `totals`: a total row last). */
export interface MockTable {
  name: string;
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
  totals?: boolean;
}

/** A block Excel was asked to read: where, and which properties. */
export interface Read {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * The mock: `existingSheets` by name; `ledger` is the cells getUsedRange and the reads give from
 * row 5 (the ledger tests); `grids` are sheets with cells from A1 (their used range found as Excel
 * finds it), and `tables` tables over them.
 */
export function mockExcel(existingSheets: string[] = [], ledger?: unknown[][], grids: Record<string, MockGrid> = {}, mockTables: MockTable[] = []) {
  const written: Written[] = [];
  const names: { name: string; reference: string; comment: string }[] = [];
  const tables: { sheet: string; address: string; name?: string }[] = [];
  const formats: { sheet: string; address: string; numberFormat?: unknown }[] = [];
  const cleared: string[] = [];
  const added: string[] = [];
  /** What was set, in order: "formulas Sheet!R1C1", "numberFormat Sheet!B2". */
  const events: string[] = [];
  const reads: Read[] = [];
  let syncs = 0;
  const cellOf = (grid: MockGrid, key: "values" | "text" | "numberFormat", r: number, c: number): unknown => {
    if (key === "values") return grid.values[r]?.[c] ?? "";
    const given = grid[key]?.[r]?.[c];
    if (given !== undefined) return given;
    return key === "text" ? String(grid.values[r]?.[c] ?? "") : "General";
  };
  const block = (grid: MockGrid, row: number, col: number, rows: number, cols: number) => {
    const part = (key: "values" | "text" | "numberFormat") => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cellOf(grid, key, row + r, col + c)));
    return { values: part("values"), text: part("text"), numberFormat: part("numberFormat") };
  };
  /** The smallest block holding every cell that is not blank, as Excel's getUsedRange(true); undefined for an empty sheet. */
  const usedOf = (grid: MockGrid) => {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    return bottom < 0 ? undefined : { rowIndex: top, columnIndex: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  };
  const nullObject = () => ({ isNullObject: true, load() {} });
  const makeSheet = (name: string) => ({
    name,
    isNullObject: false,
    load() {},
    activate() {},
    getRange(address?: string) {
      const f: { sheet: string; address: string; [property: string]: unknown } = { sheet: name, address: address ?? "(all)", format: { font: {}, columnWidth: 0 }, clear: () => cleared.push(name) };
      let numberFormat: unknown;
      Object.defineProperty(f, "numberFormat", {
        enumerable: true,
        get: () => numberFormat,
        set: (v: unknown) => {
          numberFormat = v;
          events.push(`numberFormat ${name}!${f.address}`);
        },
      });
      formats.push(f);
      return f;
    },
    getUsedRange() {
      return { rowIndex: 4, columnIndex: 0, rowCount: ledger?.length ?? 0, columnCount: (ledger?.[0] ?? []).length, load() {} };
    },
    getUsedRangeOrNullObject() {
      const used = grids[name] ? usedOf(grids[name]) : undefined;
      return used ? { isNullObject: false, ...used, load() { return this; } } : { isNullObject: true, load() { return this; } };
    },
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
      if (grids[name]) {
        reads.push({ sheet: name, row, col, rows, cols });
        return { ...block(grids[name], row, col, rows, cols), load() { return this; } };
      }
      const w: Written = { sheet: name, row, col, rows, cols };
      written.push(w);
      return {
        set formulas(v: unknown[][]) {
          w.formulas = v;
          events.push(`formulas ${name}!R${row + 1}C${col + 1}`);
        },
        get values() {
          return (ledger ?? []).slice(row - 4, row - 4 + rows);
        },
        load() {
          return this;
        },
      };
    },
    tables: {
      add(address: string) {
        const t = { sheet: name, address } as { sheet: string; address: string; name?: string };
        tables.push(t);
        return t;
      },
    },
  });
  const sheets = new Map([...existingSheets, ...Object.keys(grids)].map((n) => [n, makeSheet(n)]));
  const tableItems = mockTables.map((t) => {
    const grid = grids[t.sheet];
    const body = t.rows - 1 - (t.totals ? 1 : 0);
    return {
      name: t.name,
      worksheet: { name: t.sheet, load() { return this; } },
      getHeaderRowRange: () => ({ rowIndex: t.row, columnIndex: t.column, ...block(grid, t.row, t.column, 1, t.columns), load() { return this; } }),
      getDataBodyRange: () => ({ rowIndex: t.row + 1, rowCount: body, load() { return this; } }),
    };
  });
  const data = {
    context: {
      workbook: {
        worksheets: {
          load() { return this; },
          getItemOrNullObject: (name: string) => sheets.get(name) ?? nullObject(),
          getItem: (name: string) => sheets.get(name),
          add(name: string) {
            added.push(name);
            const s = makeSheet(name);
            sheets.set(name, s);
            return s;
          },
        },
        names: {
          getItemOrNullObject: () => nullObject(),
          add: (name: string, reference: string, comment: string) => names.push({ name, reference, comment }),
        },
        tables: { load() { return this; }, getItemOrNullObject: () => nullObject() },
      },
      sync: async () => {
        syncs++;
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const excel: unknown = new OfficeMockObject(data);
  // the collections' items (the mock object keeps arrays as loadable scalars: these are set as they are)
  const workbook = (excel as { context: { workbook: { worksheets: { items: unknown[] }; tables: { items: unknown[] } } } }).context.workbook;
  workbook.worksheets.items = [...sheets.values()];
  workbook.tables.items = tableItems;
  /** Each sheet's inputs as written (sheet name -> rows), blocks placed at their row and column. */
  const writtenSheets = () => {
    const out: Record<string, unknown[][]> = {};
    for (const w of written) {
      if (!w.formulas) continue;
      const grid = (out[w.sheet] ??= []);
      w.formulas.forEach((row, r) => {
        const target = (grid[w.row + r] ??= []);
        row.forEach((v, c) => (target[w.col + c] = v));
      });
    }
    return out;
  };
  return { excel, written, names, tables, formats, cleared, added, events, reads, syncs: () => syncs, writtenSheets };
}

