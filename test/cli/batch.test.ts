/**
 * `optex call --batch`: exactly one answer per input line, in order, streamed; a bad line's failure
 * is that line's answer and the batch goes on.
 */
import { ChildProcessWithoutNullStreams, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PassThrough, Writable } from "stream";
import { answerBatch, answerBatchLine, MAX_LINE_CHARS } from "../../src/cli/optex";

// Reference answers: the SEC fee rate for fiscal 2003 (filing 2003-06-25) is $80.90 per million
// (Capstone's 2003 Schedule TO fee: $991,619.92 x 80.90 / 1e6 = $80.22); Hull's example call
// (S 42, K 40, T 0.5, sigma 0.2, r 0.1) is worth 4.7594.
const FEE = '{"fn":"FEE_RATE","args":["2003-06-25"]}';
const FEE_ANSWER = { value: 80.9 };
const HULL = '{"fn":"BLACK_SCHOLES_VALUE","args":[42,40,0.5,0.2,0.1]}';
const deep = (depth: number) => `{"fn":"FEE_RATE","args":[${"[".repeat(depth)}"2003-06-25"${"]".repeat(depth)}]}`;

/** A parsed answer line: `{value}` or `{error, message, key, field}`. */
type Answer = { value?: unknown; error?: string; message?: string; key?: string; field?: string };

/** Runs the batch over `chunks` written one after another; returns the parsed answers. */
/** A batch over an input stream we write to, and what it has written so far. */
function open(): { input: PassThrough; written: string[]; done: Promise<unknown> } {
  const input = new PassThrough();
  const written: string[] = [];
  const out = new Writable({
    write(chunk, _enc, next) {
      written.push(chunk.toString());
      next();
    },
  });
  return { input, written, done: answerBatch(input, out) };
}

async function batch(...chunks: string[]): Promise<Answer[]> {
  const { input, written, done } = open();
  for (const chunk of chunks) input.write(chunk);
  input.end();
  await done;
  const text = written.join("");
  expect(text === "" || text.endsWith("\n")).toBe(true);
  return text === "" ? [] : text.slice(0, -1).split("\n").map((line) => JSON.parse(line));
}

const blank = (n: number) => ({ error: "#VALUE!", message: `line ${n}: blank line: expected {"fn": NAME, "args": [...]}`, key: "requestBlank" });
const notJson = (n: number) => ({ error: "#VALUE!", message: expect.stringMatching(new RegExp(`^line ${n}: not JSON \\(`)), key: "requestNotJson" });

describe("one answer per input line, in order", () => {
  it("12 lines in, 12 answers out: blank lines get an answer saying so", async () => {
    const lines = [FEE, FEE, "", FEE, "   ", FEE, FEE, FEE, FEE, FEE, FEE, FEE];
    const answers = await batch(lines.join("\n") + "\n");
    expect(answers).toHaveLength(12);
    expect(answers[2]).toMatchObject(blank(3));
    expect(answers[4]).toMatchObject(blank(5));
    expect(answers.filter((a) => a.value === 80.9)).toHaveLength(10);
  });

  it.each([
    ["empty input", "", []],
    ["one newline", "\n", [blank(1)]],
    ["a last line without a newline", `${FEE}\n${FEE}`, [FEE_ANSWER, FEE_ANSWER]],
    ["a last blank line", `${FEE}\n\n`, [FEE_ANSWER, blank(2)]],
    ["CRLF line ends", `${FEE}\r\n\r\nnope\r\n${FEE}\r\n`, [FEE_ANSWER, blank(2), notJson(3), FEE_ANSWER]],
    ["CRLF without a last newline", `nope\r\n\r\n${FEE}`, [notJson(1), blank(2), FEE_ANSWER]],
    ["a lone CR is not a line end (JSON Lines end lines with \\n)", `${FEE}\r${FEE}\nnope`, [notJson(1), notJson(2)]],
    ["a CR-only line is blank", `${FEE}\n\r\nnope\n`, [FEE_ANSWER, blank(2), notJson(3)]],
    ["a UTF-8 byte order mark before the first line", `\ufeff${FEE}\n\ufeff${FEE}\n`, [FEE_ANSWER, notJson(2)]],
    ["a line that is not an object", `[1]\n42\nnull\n"FEE_RATE"`, [1, 2, 3, 4].map((n) => ({ error: "#VALUE!", message: `line ${n}: expected {"fn": NAME, "args": [...]}` }))],
    ["an unknown key (a typo for args)", '{"fn":"FEE_RATE","arg":["2003-06-25"]}', [{ error: "#VALUE!", message: 'line 1: unknown key "arg": expected {"fn": NAME, "args": [...]}', key: "requestUnknownKey", field: "arg" }]],
    ["args not an array", '{"fn":"FEE_RATE","args":"2003-06-25"}', [{ error: "#VALUE!", message: 'line 1: "args" must be an array', key: "requestArgsNotArray", field: "args" }]],
    ["an argument's own error, then the next line", `{"fn":"FEE_RATE","args":["0x10"]}\n${FEE}`, [{ error: "#VALUE!", message: 'filing_date ("0x10") must be a date: YYYY-MM-DD text or a serial number', key: "notDate", field: "filing_date" }, FEE_ANSWER]],
    ["an invalid date says so", '{"fn":"FEE_RATE","args":["2003-02-30"]}', [{ error: "#VALUE!", message: 'filing_date ("2003-02-30") is not a valid date: 2003-02 has 28 days' }]],
    ["a 1x1 range is its value", '{"fn":"FEE_RATE","args":[[["2003-06-25"]]]}', [FEE_ANSWER]],
  ])("%s", async (_name, input, expected) => {
    expect(await batch(input as string)).toMatchObject(expected);
  });

  it.each([[3], [5000], [100000], [500000]])("a line nested %i arrays deep is that line's error; the batch goes on", async (depth) => {
    const answers = await batch(`${FEE}\n${deep(depth)}\n${HULL}\n`);
    expect(answers).toHaveLength(3);
    expect(answers[0]).toEqual(FEE_ANSWER);
    expect(answers[1]).toMatchObject({ error: "#VALUE!", message: "filing_date must be a single value, not an array nested in a range" });
    expect(answers[2].value).toBeCloseTo(4.7594, 4);
  });

  it("a line of MAX_LINE_CHARS is read; one character more is too long (CRLF and BOM not counted)", async () => {
    const fill = (n: number) => `{"fn":"FEE_RATE","args":["2003-06-25"]}${" ".repeat(n - FEE.length)}`;
    const tooLong = (n: number) => ({ error: "#VALUE!", message: `line ${n}: longer than ${MAX_LINE_CHARS} characters: expected {"fn": NAME, "args": [...]}` });
    const answers = await batch(`\ufeff${fill(MAX_LINE_CHARS)}\r\n${fill(MAX_LINE_CHARS + 1)}\n${fill(MAX_LINE_CHARS)}\r\n${"x".repeat(3 * MAX_LINE_CHARS)}\r\n${FEE}`);
    expect(answers).toMatchObject([FEE_ANSWER, tooLong(2), FEE_ANSWER, tooLong(4), FEE_ANSWER]);
  });

  it("gives the same answers however the input is cut into chunks", async () => {
    const text = `\ufeff${FEE}\r\n\r\nnope\n${HULL}\r\n  \n${deep(4)}\r\n${FEE}`;
    const whole = await batch(text);
    expect(whole).toHaveLength(7);
    for (let i = 0; i <= text.length; i++) {
      expect(await batch(text.slice(0, i), text.slice(i))).toEqual(whole);
    }
    for (let i = 0; i < text.length; i += 7) {
      expect(await batch(text.slice(0, i), text.slice(i, i + 3), text.slice(i + 3))).toEqual(whole);
    }
  });

  it("writes each chunk's answers before reading the next chunk", async () => {
    const { input, written, done } = open();
    const answered = async (n: number) => {
      for (let i = 0; i < 100 && written.join("").split("\n").length - 1 < n; i++) await new Promise((r) => setTimeout(r, 5));
      return written.join("").split("\n").length - 1;
    };
    input.write(`${FEE}\n`);
    expect(await answered(1)).toBe(1);
    input.write(`nope\n\n${FEE}`); // the last line is answered only when its end is known
    expect(await answered(3)).toBe(3);
    input.end("\n");
    await done;
    expect(written.join("").split("\n")).toHaveLength(5);
  });

  it("answerBatchLine never throws: an answer for whatever the line holds", () => {
    for (const line of ["", "{", "[]", '{"fn":1}', '{"fn":"x","args":{}}', deep(200000), '{"fn":"FEE_RATE","args":[{}]}', '{"fn":"FEE_RATE","args":[[[]]]}']) {
      const outcome = answerBatchLine(line, 9);
      expect(outcome).toHaveProperty("error");
    }
  });
});

describe("the installed bin streams a batch (child process)", () => {
  const root = path.join(__dirname, "..", "..");
  const bin = path.join(root, "bin", "optex.js");
  const lib = path.join(root, "lib", "cli", "optex.js");

  beforeAll(() => {
    const sources = ["src/cli/optex.ts", "src/cli/callArgs.ts", "src/functions/boundary.ts", "src/functions/registry.ts"];
    const stale = sources.filter((s) => fs.statSync(path.join(root, s)).mtimeMs > fs.statSync(lib).mtimeMs);
    if (stale.length) throw new Error(`lib/ is older than ${stale.join(", ")}: run \`npm run prepare\``);
  });

  it("answers each line a caller writes before the caller writes the next", async () => {
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [bin, "call", "--batch", "-"]);
    let received = "";
    let waiting: (() => void) | undefined;
    child.stdout.on("data", (data) => {
      received += data.toString();
      waiting?.();
    });
    const nextAnswer = (n: number) =>
      new Promise<Answer>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer ${n} within 4 s (got ${JSON.stringify(received)})`)), 4000);
        const check = () => {
          const lines = received.split("\n");
          if (lines.length > n) {
            clearTimeout(timer);
            waiting = undefined;
            resolve(JSON.parse(lines[n - 1]));
          }
        };
        waiting = check;
        check();
      });
    try {
      child.stdin.write(`${FEE}\n`);
      expect(await nextAnswer(1)).toEqual(FEE_ANSWER);
      child.stdin.write("\n");
      expect(await nextAnswer(2)).toMatchObject(blank(2));
      child.stdin.write(`${HULL}\r\n`);
      expect((await nextAnswer(3)).value).toBeCloseTo(4.7594, 4);
      child.stdin.end(FEE);
      expect(await nextAnswer(4)).toEqual(FEE_ANSWER);
      const code = await new Promise((resolve) => child.on("close", resolve));
      expect(code).toBe(0);
    } finally {
      child.kill();
    }
  }, 20000);

  it("a 50 MB line and a line nested 100,000 deep get their own answers, in 32 MB of heap", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "optex-batch-")), "batch.jsonl");
    const fd = fs.openSync(file, "w");
    fs.writeSync(fd, `${FEE}\n{"fn":"FEE_RATE","args":["`);
    const block = "x".repeat(1 << 20);
    for (let i = 0; i < 50; i++) fs.writeSync(fd, block);
    fs.writeSync(fd, `"]}\r\n${deep(100000)}\n\n${HULL}\r\n${FEE}`);
    fs.closeSync(fd);
    const r = spawnSync(process.execPath, ["--max-old-space-size=32", bin, "call", "--batch", file], { encoding: "utf8" });
    fs.rmSync(path.dirname(file), { recursive: true });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const answers = r.stdout.split("\n");
    expect(answers.pop()).toBe("");
    expect(answers.map((a) => JSON.parse(a))).toMatchObject([
      FEE_ANSWER,
      { error: "#VALUE!", message: `line 2: longer than ${MAX_LINE_CHARS} characters: expected {"fn": NAME, "args": [...]}` },
      { error: "#VALUE!", message: "filing_date must be a single value, not an array nested in a range" },
      blank(4),
      { value: expect.closeTo(4.7594, 4) },
      FEE_ANSWER,
    ]);
  });
});
