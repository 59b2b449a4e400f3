/**
 * The Excel gateway against office-addin-mock's Excel object: what it asks Excel to do.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbookGateway } from "../../src/taskpane/workbook/officeGateway";
import { WorkbookModel } from "../../src/taskpane/workbook/model";

interface Written {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  formulas?: unknown[][];
}

function mockExcel(existingSheets: string[] = [], ledger?: unknown[][]) {
  const written: Written[] = [];
  const names: { name: string; reference: string; comment: string }[] = [];
  const tables: { sheet: string; address: string; name?: string }[] = [];
  const formats: { sheet: string; address: string; numberFormat?: unknown }[] = [];
  const cleared: string[] = [];
  const added: string[] = [];
  let syncs = 0;
  const nullObject = () => ({ isNullObject: true, load() {} });
  const makeSheet = (name: string) => ({
    name,
    isNullObject: false,
    load() {},
    activate() {},
    getRange(address?: string) {
      const f = { sheet: name, address: address ?? "(all)", format: { font: {}, columnWidth: 0 }, clear: () => cleared.push(name) } as any;
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
  const excel = new OfficeMockObject(data) as any;
  return { excel, written, names, tables, formats, cleared, added, syncs: () => syncs };
}

const model = (rows: number): WorkbookModel => ({
  sheets: [
    { name: "Assumptions", cells: [["Assumption", "Value"], ["Volatility", 0.9]], formats: [{ range: "B2", format: "0.00%" }], widths: [30, 16] },
    {
      name: "Eligible Options",
      cells: [["Grant Number", "Value"], ...Array.from({ length: rows }, (_, i) => [`G${i}`, { formula: `=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,${i + 2},1,Volatility,0.03)`, value: 0.5 }])],
      formats: [],
      widths: [14, 16],
      table: { name: "EligibleOptions", range: `A1:B${rows + 1}` },
    },
  ],
  names: [{ name: "Volatility", ref: "'Assumptions'!$B$2", comment: "volatility" }],
});

describe("OfficeWorkbookGateway (office-addin-mock)", () => {
  it("adds the sheets, names (as formulas), formulas, formats and the table", async () => {
    const mock = mockExcel();
    (global as any).Excel = mock.excel;
    await new OfficeWorkbookGateway().writeWorkbook(model(3));
    expect(mock.added).toEqual(["Assumptions", "Eligible Options"]);
    expect(mock.names).toEqual([{ name: "Volatility", reference: "='Assumptions'!$B$2", comment: "volatility" }]);
    const eligible = mock.written.filter((w) => w.sheet === "Eligible Options");
    expect(eligible[0].formulas![1]).toEqual(["G0", "=OPTEX.BLACK_SCHOLES_VALUE(Stock_Price,2,1,Volatility,0.03)"]);
    expect(mock.tables).toEqual([{ sheet: "Eligible Options", address: "A1:B4", name: "EligibleOptions" }]);
    expect(mock.formats.find((f) => f.address === "B2")?.numberFormat).toEqual([["0.00%"]]);
  });

  it("reuses (clears) sheets that already exist instead of deleting them", async () => {
    const mock = mockExcel(["Assumptions"]);
    (global as any).Excel = mock.excel;
    await new OfficeWorkbookGateway().writeWorkbook(model(1));
    expect(mock.added).toEqual(["Eligible Options"]);
    expect(mock.cleared).toContain("Assumptions");
  });

  it("writes a large table in several requests, each under the 5 MB limit, with progress", async () => {
    const mock = mockExcel();
    (global as any).Excel = mock.excel;
    const progress: number[] = [];
    await new OfficeWorkbookGateway().writeWorkbook(model(60000), (done) => progress.push(done));
    const blocks = mock.written.filter((w) => w.sheet === "Eligible Options");
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.reduce((n, b) => n + b.rows, 0)).toBe(60001);
    for (const b of blocks) expect(JSON.stringify(b.formulas).length).toBeLessThan(5_000_000);
    expect(progress[progress.length - 1]).toBe(60003);
  });

  it("reads a worksheet's used range in blocks, reporting its first row", async () => {
    const ledger = [["Grant Number", "Grant Date", "Exercise Price", "Outstanding"], ...Array.from({ length: 50000 }, (_, i) => [`G${i}`, 37000, 5, 100])];
    const mock = mockExcel(["Export"], ledger);
    (global as any).Excel = mock.excel;
    const read = await new OfficeWorkbookGateway().readSource({ kind: "sheet", name: "Export" });
    expect(read.firstRow).toBe(5);
    expect(read.values).toHaveLength(50001);
    expect(read.values[50000]).toEqual(["G49999", 37000, 5, 100]);
    expect(mock.written.length).toBeGreaterThan(1); // more than one read block
  });
});

describe("OfficeWorkbookGateway settings (Office.context.document.settings)", () => {
  it("saves the pane's settings in the document and reads them back", async () => {
    const store = new Map<string, unknown>();
    let saved = 0;
    (global as any).Office = {
      context: {
        document: {
          settings: {
            get: (key: string) => store.get(key) ?? null,
            set: (key: string, value: unknown) => store.set(key, value),
            saveAsync: (callback: (r: { status: string }) => void) => {
              saved++;
              callback({ status: "succeeded" });
            },
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    };
    const gateway = new OfficeWorkbookGateway();
    expect(await gateway.loadSettings()).toBeUndefined();
    const settings = { version: 1 as const, offer: { volatility: "0.8" }, source: { kind: "table" as const, name: "Ledger" } };
    await gateway.saveSettings(settings);
    expect(saved).toBe(1);
    expect(await gateway.loadSettings()).toEqual(settings);
    store.set("optex.settings", "{not json");
    expect(await gateway.loadSettings()).toBeUndefined();
  });
});
