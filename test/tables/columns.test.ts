/**
 * The column storage under the table reader: packed text, the string index used for interning and
 * unique columns, and the record chunker's count of quoted line breaks (which line numbers rely on).
 */
import { TextColumn } from "../../src/core/tables/table";
import { hashText, RowIndex } from "../../src/core/tables/stringIndex";
import { CsvBlock, CsvRecordChunker } from "../../src/core/tables/csvRecords";

describe("TextColumn: one value a row, packed by the chunk", () => {
  const values = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? "" : `Holder ${i} ${"x".repeat(i % 20)}`));

  it("gives back every value, across chunk boundaries, before and after sealing", () => {
    const column = new TextColumn();
    values.forEach((v) => column.push(v));
    expect(column.length).toBe(10_000);
    for (const i of [0, 1, 4095, 4096, 4097, 8191, 8192, 9999]) expect(column.get(i)).toBe(values[i]);
    column.seal();
    expect(column.toArray()).toEqual(values);
  });

  it("interns the rows chosen (codes into the distinct values, 0 for blank or not chosen)", () => {
    const column = TextColumn.from(["E1", "E2", "E1", "", "E3", "E2"]);
    expect(column.intern()).toEqual({ codes: Uint32Array.of(1, 2, 1, 0, 3, 2), values: ["", "E1", "E2", "E3"] });
    expect(column.intern(Uint8Array.of(0, 1, 1, 1, 0, 1))).toEqual({ codes: Uint32Array.of(0, 1, 2, 0, 0, 1), values: ["", "E2", "E1"] });
  });
});

describe("RowIndex (the unique column's index)", () => {
  it("finds a hundred thousand rows, growing as they come", () => {
    const texts = Array.from({ length: 100_000 }, (_, i) => `K${i}`);
    const index = new RowIndex((row) => texts[row]);
    texts.forEach((t, row) => index.add(row, hashText(t)));
    expect(["K0", "K7", "K99999", "K100000", ""].map((t) => index.find(t, hashText(t)))).toEqual([0, 7, 99_999, -1, -1]);
  });

  it("hashes long keys by their ends and still tells apart keys that differ in the middle", () => {
    const texts = ["2000 Equity Incentive Plan", "2000 Equity Xncentive Plan"];
    const index = new RowIndex((row) => texts[row]);
    texts.forEach((t, row) => index.add(row, hashText(t)));
    expect(hashText(texts[0])).toBe(hashText(texts[1])); // only the first and last 8 characters are hashed
    const find = (t: string) => index.find(t, hashText(t));
    expect([find(texts[0]), find(texts[1]), find("2000 Equity Incentive Plans")]).toEqual([0, 1, -1]);
  });

  it("RowIndex finds the row holding a text, reading texts only when hashes match", () => {
    const texts = ["G1", "G2", "G3"];
    let reads = 0;
    const index = new RowIndex((row) => {
      reads++;
      return texts[row];
    });
    texts.forEach((t, row) => index.add(row, hashText(t)));
    expect([index.find("G2", hashText("G2")), index.find("G4", hashText("G4"))]).toEqual([1, -1]);
    expect(reads).toBe(1);
  });
});

describe("the record chunker counts quoted line breaks per block", () => {
  /** The blocks [first line, quoted line breaks, text] of a text pushed in pieces. */
  const blocks = (pieces: string[], blockChars: number) => {
    const out: CsvBlock[] = [];
    const chunker = new CsvRecordChunker({ block: (b) => out.push(b), oversized: () => undefined }, { blockChars });
    for (const piece of pieces) chunker.push(piece);
    chunker.end();
    return out.map((b) => [b.firstLine, b.quotedLineBreaks, b.text]);
  };

  it.each([
    ["no quotes", ["a,b\n", "1,2\n", "3,4\n"], 1, [[1, 0, "a,b\n"], [2, 0, "1,2\n"], [3, 0, "3,4\n"]]],
    ["a quoted line break", ["a,b\n", '"x\ny",2\n', "3,4\n"], 1, [[1, 0, "a,b\n"], [2, 1, '"x\ny",2\n'], [4, 0, "3,4\n"]]],
    ["a record split across pieces inside its quotes", ["a,b\n", '"x\n', 'y",2\n3,4\n'], 1, [[1, 0, "a,b\n"], [2, 1, '"x\ny",2\n3,4\n']]],
    ["three in one block", ['a,b\n"x\n\ny",2\n3,"4\n"\n'], 1 << 10, [[1, 3, 'a,b\n"x\n\ny",2\n3,"4\n"\n']]],
    ["the last record without a line break", ["a,b\n", '1,"2\n3"'], 1, [[1, 0, "a,b\n"], [2, 1, '1,"2\n3"']]],
  ])("%s", (_, pieces, blockChars, expected) => {
    expect(blocks(pieces, blockChars)).toEqual(expected);
  });
});
