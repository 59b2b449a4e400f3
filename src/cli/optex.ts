/**
 * The optex command line over the same core and function registry as the Excel cells.
 *
 *   optex call NAME ARG...          one JSON line: {"value": ...} or {"error": "#NUM!", "message": ..., "key": ..., "field": ...}
 *   optex call --batch FILE|-       JSON lines {"fn": NAME, "args": [...]} in, exactly one answer per line
 *                                   out, in order and as soon as it is computed (a bad line's answer is its error)
 *   optex functions                 the catalogue with argument names
 *   optex value LEDGER --offer OFFER [--json]   the tender valuation (see value.ts)
 *   optex elections LEDGER --offer OFFER --elections LOG [--roster ROSTER] [--json]
 *   optex new-grants LEDGER --offer OFFER --elections LOG --grant-price P [--roster ROSTER] [--json]
 *                                   the offer's results and new grants (see elections.ts)
 *   optex separation TERMS.json [--hours HOURS.csv] [--json]   an executive separation (see separation.ts)
 */
import * as fs from "fs";
import { evaluate, FUNCTIONS, Outcome } from "../functions/registry";
import { errorOutcome } from "../functions/boundary";
import { fromJson, parseWord } from "./callArgs";
import { runValue } from "./value";
import { runElections } from "./elections";
import { runSeparation } from "./separation";

const USAGE = `usage:
  optex call NAME [ARG...]        evaluate OPTEX.NAME(ARG...) and print {"value": ...} or
                                  {"error": ..., "message": ..., "key": ..., "field": ...} (key: what went
                                  wrong, from one catalogue; field: the argument, when one is at fault)
  optex call --batch FILE|-       evaluate JSON lines {"fn": NAME, "args": [...]} (from stdin with -),
                                  one answer line per input line, in order; a bad line gets its error
  optex functions                 list the functions and their arguments
  optex value LEDGER.csv --offer OFFER.json [--json]
                                  value an exchange offer: eligible options, transaction valuation, SEC fee
  optex elections LEDGER.csv --offer OFFER.json --elections LOG.csv [--roster ROSTER.csv] [--json]
                                  the election log against the offer's rules: each form's status, each
                                  holder's accepted options, the final amendment's figures and dates
  optex new-grants LEDGER.csv --offer OFFER.json --elections LOG.csv --grant-price P [--roster ROSTER.csv] [--json]
                                  the new options granted on the new grant date at price P, and the
                                  promises forfeited by those no longer employed
  optex separation TERMS.json [--hours HOURS.csv] [--hours-map column=Header|#N] [--json]
                                  an executive separation: the release's dates, every payment and the
                                  totals by kind, each award before and after, the ASC 718 incremental
                                  fair value and the tax flags (--hours: the consulting hours log, a
                                  CSV of month, hours and invoice date)

Arguments are read as if typed into a cell: numbers in decimal notation (42, -0.5, 1e-3),
true/false, "" for a blank, YYYY-MM-DD dates (become Excel serials), anything else is text
(so 0x10 is text, and a number argument rejects it).`;

/** The longest batch line read, in characters; a request is a function name and a few scalars. */
export const MAX_LINE_CHARS = 1 << 20;

const REQUEST_SHAPE = '{"fn": NAME, "args": [...]}';

/**
 * Answers one batch line (its 1-based number names it in messages); a blank, malformed or unusable
 * line gets a #VALUE! answer naming the line (keys `request...`). Never throws.
 */
export function answerBatchLine(line: string, lineNumber: number): Outcome {
  try {
    if (line.trim() === "") return errorOutcome("requestBlank", undefined, { line: lineNumber, expected: REQUEST_SHAPE });
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch (error) {
      return errorOutcome("requestNotJson", undefined, { line: lineNumber, detail: (error as Error).message });
    }
    if (typeof request !== "object" || request === null || Array.isArray(request) || typeof (request as { fn?: unknown }).fn !== "string") {
      return errorOutcome("requestNotObject", undefined, { line: lineNumber, expected: REQUEST_SHAPE });
    }
    const unknownKey = Object.keys(request).find((key) => key !== "fn" && key !== "args");
    if (unknownKey !== undefined) {
      return errorOutcome("requestUnknownKey", unknownKey, { line: lineNumber, name: unknownKey, expected: REQUEST_SHAPE });
    }
    const { fn, args } = request as { fn: string; args?: unknown };
    if (args !== undefined && !Array.isArray(args)) {
      return errorOutcome("requestArgsNotArray", "args", { line: lineNumber });
    }
    return evaluate(fn, ((args as unknown[]) ?? []).map(fromJson));
  } catch (error) {
    // Nothing above should throw; if it does, the line fails and the batch goes on.
    return errorOutcome("requestInternalError", undefined, { line: lineNumber, detail: error instanceof Error ? error.message : String(error) });
  }
}

/** A line that grew past {@link MAX_LINE_CHARS}: its content is dropped until its end. */
function tooLong(lineNumber: number): Outcome {
  return errorOutcome("requestTooLong", undefined, { line: lineNumber, maxChars: MAX_LINE_CHARS, expected: REQUEST_SHAPE });
}

/** Output gathered while one chunk of input is answered; written at the chunk's end or beyond this. */
const OUTPUT_FLUSH_CHARS = 1 << 16;

/**
 * Answers JSON lines from `input` onto `out`: exactly one answer line per input line, in order -
 * a blank line, a line too long and a last line without a newline each get theirs. Lines end at
 * "\n" (a "\r" before it is dropped, so CRLF files count the same); a UTF-8 byte order mark
 * before the first line is ignored. Answers are written as each chunk of input is answered, so a
 * caller that writes one line and waits gets its answer at once, and a long batch streams.
 */
export async function answerBatch(input: NodeJS.ReadableStream, out: NodeJS.WritableStream): Promise<void> {
  input.setEncoding("utf8");
  let lineNumber = 0;
  let parts: string[] = []; // the current line's text from earlier chunks
  let partChars = 0;
  let overflow = false; // the current line passed MAX_LINE_CHARS
  let output = "";
  const flush = async () => {
    if (output === "") return;
    const ok = out.write(output);
    output = "";
    if (!ok) await new Promise<void>((resolve) => out.once("drain", resolve));
  };
  const answer = (line: string | undefined) => {
    lineNumber++;
    let text: string;
    if (line === undefined) {
      text = JSON.stringify(tooLong(lineNumber));
    } else {
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (lineNumber === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      text = JSON.stringify(line.length > MAX_LINE_CHARS ? tooLong(lineNumber) : answerBatchLine(line, lineNumber));
    }
    output += text + "\n";
  };
  const keep = (text: string) => {
    if (overflow || text === "") return;
    if (partChars + text.length > MAX_LINE_CHARS + 2) {
      // + 2: a byte order mark and the line's "\r" are not part of the line (checked exactly at its end)
      overflow = true;
      parts = [];
      partChars = 0;
      return;
    }
    parts.push(text);
    partChars += text.length;
  };
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    for (let end = chunk.indexOf("\n"); end !== -1; end = chunk.indexOf("\n", start)) {
      keep(chunk.slice(start, end));
      if (overflow) answer(undefined);
      else answer(parts.length === 1 ? parts[0] : parts.join(""));
      parts = [];
      partChars = 0;
      overflow = false;
      start = end + 1;
      if (output.length >= OUTPUT_FLUSH_CHARS) await flush();
    }
    keep(chunk.slice(start));
    await flush();
  }
  if (overflow) answer(undefined);
  else if (partChars > 0) answer(parts.join(""));
  await flush();
}

async function runBatch(source: string, out: NodeJS.WritableStream): Promise<void> {
  const input = source === "-" ? process.stdin : fs.createReadStream(source);
  await answerBatch(input, out);
}

function listFunctions(): string {
  return [...FUNCTIONS.values()]
    .map((f) => {
      const args = f.args.map((a) => (a.optional ? `[${a.name}${a.default !== undefined ? "=" + JSON.stringify(a.default) : ""}]` : a.name));
      return `${f.id}(${args.join(", ")})\n    ${f.summary}`;
    })
    .join("\n");
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "call") {
    if (rest[0] === "--batch") {
      if (rest.length !== 2) {
        err.write(`optex call --batch needs one FILE (or - for stdin)\n${USAGE}\n`);
        return 2;
      }
      try {
        await runBatch(rest[1], out);
      } catch (error) {
        err.write(`optex: cannot read ${rest[1]}: ${(error as Error).message}\n`);
        return 1;
      }
      return 0;
    }
    if (rest.length === 0) {
      err.write(`optex call needs a function name\n${USAGE}\n`);
      return 2;
    }
    const outcome = evaluate(rest[0], rest.slice(1).map(parseWord));
    out.write(JSON.stringify(outcome) + "\n");
    return "value" in outcome ? 0 : 1;
  }
  if (command === "value") return runValue(rest, out, err);
  if (command === "elections" || command === "new-grants") return runElections(command, rest, out, err);
  if (command === "separation") return runSeparation(rest, out, err);
  if (command === "functions") {
    out.write(listFunctions() + "\n");
    return 0;
  }
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    out.write(USAGE + "\n");
    return command === undefined ? 2 : 0;
  }
  err.write(`optex: unknown command ${JSON.stringify(command)}\n${USAGE}\n`);
  return 2;
}

if (require.main === module) {
  // `optex value ... | head` closes stdout early: that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`optex: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
