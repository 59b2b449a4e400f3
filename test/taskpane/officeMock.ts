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

export function mockExcel(existingSheets: string[] = [], ledger?: unknown[][]) {
  const written: Written[] = [];
  const names: { name: string; reference: string; comment: string }[] = [];
  const tables: { sheet: string; address: string; name?: string }[] = [];
  const formats: { sheet: string; address: string; numberFormat?: unknown }[] = [];
  const cleared: string[] = [];
  const added: string[] = [];
  /** What was set, in order: "formulas Sheet!R1C1", "numberFormat Sheet!B2". */
  const events: string[] = [];
  let syncs = 0;
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
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
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
  const sheets = new Map(existingSheets.map((n) => [n, makeSheet(n)]));
  const data = {
    context: {
      workbook: {
        worksheets: {
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
        tables: { getItemOrNullObject: () => nullObject() },
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
  return { excel, written, names, tables, formats, cleared, added, events, syncs: () => syncs, writtenSheets };
}

