/**
 * The cells of some lines of an imported table, as typed: the lines the election log's reader
 * rejected keep no cells in the results, and the Elections sheet shows them beside their error. A
 * worksheet's values are at hand; a file is read again (the same reader of CSV bytes, so the lines
 * are numbered as the errors are).
 */
import { RowSink, TableOutcome } from "../../core/tables/tableReader";
import { importRowsBytes } from "../../core/tables/csvImport";
import { RawCell } from "../../core/tables/values";
import { TableInput } from "./elections";

/** Keeps the cells of the wanted lines; reads nothing else. */
class LineCapture implements RowSink<TableOutcome<string>> {
  constructor(
    private readonly wanted: ReadonlySet<number>,
    readonly found: Map<number, RawCell[]>,
    private readonly headerLine: number,
  ) {}

  add(line: number, cells: readonly RawCell[]): void {
    if (this.wanted.has(line)) this.found.set(line, cells.slice());
  }

  reject(): void {}

  finish(): TableOutcome<string> {
    return { headers: [], mapping: {}, conflicts: [], unmapped: [], errors: [], rows: 0, accepted: 0, rejected: 0, headerLine: this.headerLine };
  }
}

/** The cells of `lines` (file lines, header = 1; or worksheet rows) of a table input. */
export async function cellsOfLines(input: TableInput, lines: Iterable<number>): Promise<Map<number, RawCell[]>> {
  const wanted = new Set(lines);
  const found = new Map<number, RawCell[]>();
  if (wanted.size === 0) return found;
  if (input.kind === "values") {
    for (const line of wanted) {
      const row = input.values[line - input.firstRow];
      if (line > input.firstRow && row) found.set(line, row.slice());
    }
    return found;
  }
  const file = input.file;
  const chunk = 256 * 1024;
  await importRowsBytes(
    async function* () {
      for (let at = 0; at < file.size; at += chunk) yield await file.read(at, Math.min(file.size, at + chunk));
    },
    (_header, headerLine) => new LineCapture(wanted, found, headerLine),
  );
  return found;
}
