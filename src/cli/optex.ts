/**
 * The optex command line over the same core and function registry as the Excel cells.
 *
 *   optex call NAME ARG...          one JSON line: {"value": ...} or {"error": "#NUM!", "message": ...}
 *   optex call --batch FILE|-       JSON lines {"fn": NAME, "args": [...]} in, one answer per line out
 *   optex functions                 the catalogue with argument names
 *   optex value LEDGER --offer OFFER [--json]   the tender valuation (see value.ts)
 */
import * as fs from "fs";
import * as readline from "readline";
import { evaluate, FUNCTIONS, Outcome } from "../functions/registry";
import { fromJson, parseWord } from "./callArgs";
import { runValue } from "./value";

const USAGE = `usage:
  optex call NAME [ARG...]        evaluate OPTEX.NAME(ARG...) and print {"value": ...} or {"error": ..., "message": ...}
  optex call --batch FILE|-       evaluate JSON lines {"fn": NAME, "args": [...]} (from stdin with -)
  optex functions                 list the functions and their arguments
  optex value LEDGER.csv --offer OFFER.json [--json]
                                  value an exchange offer: eligible options, transaction valuation, SEC fee

Arguments are read as if typed into a cell: numbers, true/false, "" for a blank,
YYYY-MM-DD dates (become Excel serials), anything else is text.`;

/** Answers one batch line; malformed lines get a #VALUE! answer naming the line. */
export function answerBatchLine(line: string, lineNumber: number): Outcome {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch (error) {
    return { error: "#VALUE!", message: `line ${lineNumber}: not JSON (${(error as Error).message})` };
  }
  if (typeof request !== "object" || request === null || typeof (request as { fn?: unknown }).fn !== "string") {
    return { error: "#VALUE!", message: `line ${lineNumber}: expected {"fn": NAME, "args": [...]}` };
  }
  const { fn, args } = request as { fn: string; args?: unknown };
  if (args !== undefined && !Array.isArray(args)) {
    return { error: "#VALUE!", message: `line ${lineNumber}: "args" must be an array` };
  }
  return evaluate(fn, ((args as unknown[]) ?? []).map(fromJson));
}

async function runBatch(source: string, out: NodeJS.WritableStream): Promise<void> {
  const input = source === "-" ? process.stdin : fs.createReadStream(source);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let buffer: string[] = [];
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    buffer.push(JSON.stringify(answerBatchLine(line, lineNumber)));
    if (buffer.length >= 1024) {
      out.write(buffer.join("\n") + "\n");
      buffer = [];
    }
  }
  if (buffer.length) out.write(buffer.join("\n") + "\n");
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
