/**
 * Ranges as cell arguments (kind "numberRange"): a column, a row or a block read row by row into a
 * list of numbers; blank cells skipped wherever they are; any other non-number an error naming the
 * argument, the cell's row and column within the range and what it holds; no numbers at all an error.
 */
import { parseTree } from "custom-functions-metadata";
import { ArgSpec, coerceArg, coerceNumberRange, evaluateSpec, FunctionSpec } from "../../src/functions/boundary";
import { CalcError } from "../../src/core/errors";

const prices: ArgSpec = { name: "prices", kind: "numberRange" };

/** The coerced numbers, or [key, code, message]. */
function coerce(raw: unknown, spec: ArgSpec = prices): unknown {
  try {
    return coerceArg(raw, spec);
  } catch (error) {
    const e = error as CalcError;
    return [e.key, e.code, e.message];
  }
}

describe("a range of numbers", () => {
  it.each<[string, unknown, number[]]>([
    ["a column", [[1], [2], [3]], [1, 2, 3]],
    ["a row", [[1, 2, 3]], [1, 2, 3]],
    ["a block, row by row", [[1, 2], [3, 4], [5, 6]], [1, 2, 3, 4, 5, 6]],
    ["one cell", [[42]], [42]],
    ["a single value (not a range)", 42, [42]],
    ["a row as a plain list (optex call --batch)", [1.5, -2, 0], [1.5, -2, 0]],
    ["blank cells anywhere are skipped", [[null, 1], ["", 2], ["   ", null], [3, "\t"]], [1, 2, 3]],
    ["trailing blanks of a long column", [[10], [11], [null], [null], [null]], [10, 11]],
    ["undefined (a hole) is blank", [[1, undefined, 2]], [1, 2]],
    ["zero is a number, not a blank", [[0], [null], [0]], [0, 0]],
    ["negative and tiny numbers", [[-1e-300], [5e-324]], [-1e-300, 5e-324]],
    ["ragged rows (from JSON)", [[1], [2, 3], []], [1, 2, 3]],
  ])("%s", (_name, raw, expected) => {
    expect(coerce(raw)).toEqual(expected);
  });

  it.each<[string, unknown, [string, string, string]]>([
    ["text, with its position", [[1], [2], ["n/a"]], ["rangeCellNotNumber", "#VALUE!", 'prices at row 3, column 1 ("n/a") must be a number, not text']],
    ["a number stored as text", [[1, "42"]], ["rangeCellNotNumber", "#VALUE!", 'prices at row 1, column 2 ("42") must be a number, not text']],
    ["a boolean", [[1, 2], [true, 3]], ["rangeCellNotNumber", "#VALUE!", "prices at row 2, column 1 (true) must be a number, not TRUE/FALSE"]],
    ["an Excel error value as text", [["#N/A"]], ["rangeCellNotNumber", "#VALUE!", 'prices at row 1, column 1 ("#N/A") must be a number, not text']],
    ["a JSON object", [[{}]], ["rangeCellNotNumber", "#VALUE!", "prices at row 1, column 1 (a JSON object) must be a number"]],
    ["a long text is cut short", [["x".repeat(150)]], ["rangeCellNotNumber", "#VALUE!", `prices at row 1, column 1 (${JSON.stringify("x".repeat(100))}... (150 characters)) must be a number, not text`]],
    ["a single text value", "abc", ["rangeCellNotNumber", "#VALUE!", 'prices at row 1, column 1 ("abc") must be a number, not text']],
    ["infinity", [[1], [Infinity]], ["rangeCellNotFinite", "#NUM!", "prices at row 2, column 1 (Infinity) must be a finite number"]],
    ["NaN", [[NaN]], ["rangeCellNotFinite", "#NUM!", "prices at row 1, column 1 (NaN) must be a finite number"]],
    ["an array nested in a range", [[1, [2]]], ["rangeNested", "#VALUE!", "prices must be a range of numbers, not an array nested in a range"]],
    ["all blanks", [[null], [""], ["  "]], ["rangeEmpty", "#VALUE!", "prices holds no numbers: every cell of the range is blank"]],
    ["an empty range", [], ["rangeEmpty", "#VALUE!", "prices holds no numbers: every cell of the range is blank"]],
    ["an empty row", [[]], ["rangeEmpty", "#VALUE!", "prices holds no numbers: every cell of the range is blank"]],
    ["omitted", undefined, ["required", "#VALUE!", "prices is required"]],
    ["a blank value", "", ["required", "#VALUE!", "prices is required"]],
  ])("%s -> %j", (_name, raw, expected) => {
    expect(coerce(raw)).toEqual(expected);
  });

  it("the first bad cell in row order is the one named", () => {
    expect(coerce([[1, "b"], ["a", 2]])).toEqual(["rangeCellNotNumber", "#VALUE!", 'prices at row 1, column 2 ("b") must be a number, not text']);
  });

  it("the error carries the key, the argument and the cell's position and value", () => {
    try {
      coerceNumberRange([[1], ["x"]], "prices");
      throw new Error("not thrown");
    } catch (error) {
      expect(error).toMatchObject({ key: "rangeCellNotNumber", field: "prices", values: { value: "x", row: 2, column: 1 } });
    }
  });

  it("an optional range argument omitted takes its default; a range of blanks is still empty", () => {
    const optional: ArgSpec = { name: "weights", kind: "numberRange", optional: true };
    expect(coerce(null, optional)).toBeUndefined();
    expect(coerce([[null]], optional)).toEqual(["rangeEmpty", "#VALUE!", "weights holds no numbers: every cell of the range is blank"]);
  });

  it("a million cells are read without recursion or delay", () => {
    const column = Array.from({ length: 1_000_000 }, (_, i) => [i % 10 === 9 ? null : i]);
    expect(coerceNumberRange(column, "prices")).toHaveLength(900_000);
  });

  it("a function with a range argument gets the list; its errors are answers naming the argument", () => {
    const sum: FunctionSpec = { id: "SUM_TEST", summary: "", args: [prices], impl: (xs: number[]) => xs.reduce((a, b) => a + b, 0) };
    expect(evaluateSpec(sum, [[[1], [null], [2.5]]])).toEqual({ value: 3.5 });
    expect(evaluateSpec(sum, [[[1], ["two"]]])).toEqual({
      error: "#VALUE!",
      key: "rangeCellNotNumber",
      field: "prices",
      message: 'prices at row 2, column 1 ("two") must be a number, not text',
    });
  });

  it("scalar arguments still refuse a multi-cell range", () => {
    expect(coerce([[1, 2]], { name: "spot", kind: "number" })).toEqual(["notSingleValue", "#VALUE!", "spot must be a single value, not a range"]);
  });
});

describe("the custom-functions metadata accepts a range parameter", () => {
  // What webpack's CustomFunctionsMetadataPlugin runs on functions.ts: a 2-D array type is a matrix
  // (functions.ts declares a range `unknown[][]`, a matrix of any, so the boundary sees each cell as typed).
  const source = `
/**
 * Sum.
 * @customfunction RANGE_ANY
 * @param prices Prices, a column or a row.
 * @param [window] Days.
 * @returns A number.
 */
export function rangeAny(prices: unknown[][], window?: unknown): number { return 0; }
/**
 * Sum.
 * @customfunction RANGE_NUMBER
 * @param prices Prices.
 * @returns A number.
 */
export function rangeNumber(prices: number[][]): number { return 0; }
`;
  const result = parseTree(source, "functions.ts");

  it("without errors", () => {
    expect(result.extras.flatMap((e) => e.errors)).toEqual([]);
  });

  it.each([
    ["RANGE_ANY", "any"],
    ["RANGE_NUMBER", "number"],
  ])("%s's prices are a matrix of %s", (id, type) => {
    const fn = result.functions.find((f) => f.id === id)!;
    expect(fn.parameters[0]).toMatchObject({ name: "prices", dimensionality: "matrix" });
    // "any" is the default type and is left out of the metadata
    expect(fn.parameters[0].type ?? "any").toBe(type);
  });
});
