/**
 * The lint guards of eslint.config.mjs fire where a seam of ARCHITECTURE.md breaks (src/core pure,
 * the Excel API only in src/taskpane/workbook/, Office.onReady only in the entry, components never
 * touching Office) and stay quiet on what the seams allow. Each snippet is linted as if it were the
 * file named, through ESLint's Node API with the project's own config (in a child process: ESLint
 * loads its config with import(), which jest's module system does not offer).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");

type Case = [file: string, code: string, expected: string | null];

const CORE = "src/core/x.ts";
const CORE_DEEP = "src/core/offer/x.ts";
const COMPONENT = "src/taskpane/components/X.tsx";
const STATE = "src/taskpane/state/x.ts";
const WORKBOOK = "src/taskpane/workbook/officeGateway.ts";
const ENTRY = "src/taskpane/index.tsx";
const IMPORTS = "@typescript-eslint/no-restricted-imports";
const GLOBALS = "no-restricted-globals";
const SYNTAX = "no-restricted-syntax";
const INSIDE = "optex/imports-stay-inside";
const RUN = "export const done = Excel.run(async (context) => context.sync());";

const CASES: Case[] = [
  // src/core: no Node, React, Fluent UI or Office packages
  [CORE, 'import * as fs from "fs";\nexport const f = fs;', IMPORTS],
  [CORE, 'import { readFileSync } from "node:fs";\nexport const f = readFileSync;', IMPORTS],
  [CORE, 'import { readFile } from "fs/promises";\nexport const f = readFile;', IMPORTS],
  [CORE, 'import * as path from "path";\nexport const f = path;', IMPORTS],
  [CORE, 'import { Worker } from "worker_threads";\nexport const f = Worker;', IMPORTS],
  [CORE, 'import * as v8 from "v8";\nexport const f = v8;', IMPORTS],
  [CORE, 'export { createHash } from "crypto";', IMPORTS],
  [CORE, 'import fs = require("fs");\nexport const f = fs;', IMPORTS],
  [CORE, 'import React from "react";\nexport const f = React;', IMPORTS],
  [CORE, 'import type { ReactNode } from "react";\nexport type N = ReactNode;', IMPORTS],
  [CORE, 'import { createRoot } from "react-dom/client";\nexport const f = createRoot;', IMPORTS],
  [CORE, 'import { Button } from "@fluentui/react-components";\nexport const f = Button;', IMPORTS],
  [CORE, 'import { OfficeMockObject } from "office-addin-mock";\nexport const f = OfficeMockObject;', IMPORTS],
  [CORE, 'export type N = import("react").ReactNode;', SYNTAX],
  // src/core: no import that leaves src/core, however it is written
  [CORE, 'import { evaluate } from "../functions/registry";\nexport const f = evaluate;', INSIDE],
  [CORE_DEEP, 'import { evaluate } from "../../functions/registry";\nexport const f = evaluate;', INSIDE],
  [CORE_DEEP, 'import { App } from "../../taskpane/components/App";\nexport const f = App;', INSIDE],
  [CORE_DEEP, 'export { main } from "../../cli/optex";', INSIDE],
  [CORE_DEEP, 'export * from "../../../test/support/seedOffer";', INSIDE],
  [CORE_DEEP, 'export type S = import("../../functions/boundary").FunctionSpec;', INSIDE],
  [CORE_DEEP, 'export const load = () => import("../../functions/registry");', INSIDE],
  [CORE_DEEP, 'export const load = () => import("../ledger/values");', SYNTAX],
  // src/core: no DOM, Node or Office globals, directly or through the global object
  [CORE, 'window.alert("x");', GLOBALS],
  [CORE, 'document.title = "x";', GLOBALS],
  [CORE, "export const language = navigator.language;", GLOBALS],
  [CORE, 'localStorage.setItem("k", "v");', GLOBALS],
  [CORE, "export const element = new HTMLElement();", GLOBALS],
  [CORE, "export const home = process.env.HOME;", GLOBALS],
  [CORE, "export const exit = () => globalThis.process.exit(1);", GLOBALS],
  [CORE, 'export const bytes = Buffer.from("x");', GLOBALS],
  [CORE, 'export const fs = require("fs");', GLOBALS],
  [CORE, "export const here = __dirname;", GLOBALS],
  [CORE, 'console.log("x");', GLOBALS],
  [CORE, 'export const page = fetch("https://example.com");', GLOBALS],
  [CORE, RUN, GLOBALS],
  [CORE, "Office.onReady(() => undefined);", GLOBALS],
  [CORE, 'throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "x");', GLOBALS],
  [CORE, "export type R = Excel.Range;", SYNTAX],
  // src/core: what it may use
  [CORE_DEEP, 'import { CalcError } from "../errors";\nexport const f = CalcError;', null],
  [CORE_DEEP, 'import { RawCell } from "../ledger/values";\nexport type C = RawCell;', null],
  [CORE_DEEP, 'export type V = import("../ledger/values").RawCell;', null],
  [CORE, 'import Decimal from "decimal.js";\nexport const d = new Decimal(1);', null],
  [CORE, 'export const text = new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode("x"));', null],
  [CORE, "export const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));", null],
  [CORE, "export function later(months: number) {\n  const window = months + 1;\n  return window;\n}", null],
  [CORE, "export const now = Date.now() + Math.exp(1);", null],

  // React components: never Excel or Office (values, types, or the Office gateway)
  [COMPONENT, RUN, GLOBALS],
  [COMPONENT, "export const settings = Office.context.document.settings;", GLOBALS],
  [COMPONENT, "export const settings = window.Office.context.document.settings;", GLOBALS],
  [COMPONENT, "export function show(range: Excel.Range) {\n  return range;\n}", SYNTAX],
  [COMPONENT, 'import { OfficeWorkbookGateway } from "../workbook/officeGateway";\nexport const f = OfficeWorkbookGateway;', IMPORTS],
  [COMPONENT, 'import { WorkbookGateway } from "../workbook/gateway";\nexport type G = WorkbookGateway;', null],
  [COMPONENT, 'export const width = () => window.innerWidth + document.body.clientWidth;', null],
  // ... and the rules of hooks
  [
    COMPONENT,
    'import * as React from "react";\nexport function C({ on }: { on: boolean }) {\n  if (on) React.useState(0);\n  return null;\n}',
    "react-hooks/rules-of-hooks",
  ],
  [
    COMPONENT,
    'import * as React from "react";\nexport function C({ n, log }: { n: number; log: (n: number) => void }) {\n  React.useEffect(() => log(n), []);\n  return null;\n}',
    "react-hooks/exhaustive-deps",
  ],
  [
    COMPONENT,
    'import * as React from "react";\nexport function C({ n, log }: { n: number; log: (n: number) => void }) {\n  React.useEffect(() => log(n), [n, log]);\n  return null;\n}',
    null,
  ],

  // the pane's state, the sample, the functions and the CLI: no Excel.run either
  [STATE, RUN, GLOBALS],
  [STATE, "export const settings = Office.context.document.settings;", GLOBALS],
  ["src/taskpane/sample.ts", RUN, GLOBALS],
  ["src/functions/x.ts", RUN, GLOBALS],
  ["src/cli/x.ts", RUN, GLOBALS],
  ["src/functions/x.ts", 'throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "x");', null],
  ["src/functions/x.ts", 'import { App } from "../taskpane/components/App";\nexport const f = App;', INSIDE],
  ["src/cli/x.ts", 'import * as fs from "fs";\nexport const f = fs;', null],

  // the workbook gateway: Excel.run and Office's settings, but not Office.onReady
  [WORKBOOK, RUN, null],
  ["src/taskpane/workbook/sub/y.ts", RUN, null],
  [WORKBOOK, 'export const get = () => Office.context.document.settings.get("k");', null],
  [WORKBOOK, "Office.onReady(() => undefined);", "no-restricted-properties"],

  // the entry: Office.onReady, and no Excel API
  [ENTRY, "Office.onReady(() => undefined);", null],
  [ENTRY, RUN, GLOBALS],
];

interface Reported {
  ruleId: string | null;
  line: number;
  message: string;
}

/** Lints every case in one child process: ESLint's Node API with the project's config. */
function lintAll(cases: readonly Case[]): Reported[][] {
  const script = `
    const { ESLint } = require("eslint");
    let input = "";
    process.stdin.on("data", (d) => (input += d)).on("end", async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [filePath, code] of JSON.parse(input)) {
        const [result] = await eslint.lintText(code + "\\n", { filePath });
        out.push(result.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message })));
      }
      process.stdout.write(JSON.stringify(out));
    });`;
  const output = execFileSync(process.execPath, ["-e", script], { cwd: root, input: JSON.stringify(cases), encoding: "utf8" });
  return JSON.parse(output);
}

let results: Reported[][] = [];
beforeAll(() => {
  results = lintAll(CASES);
}, 120_000);

describe("the seams are guarded by the lint (npm test runs npm run lint)", () => {
  it.each(CASES.map((c, i) => [i, ...c] as const))("#%i %s: %s -> %s", (i, _file, _code, expected) => {
    const reported = results[i];
    if (expected === null) expect(reported).toEqual([]);
    else expect(reported.map((m) => m.ruleId)).toContain(expected);
  });

  it("every folder the guards name exists (a renamed folder would leave its guard matching nothing)", () => {
    const guarded = ["src/core", "src/functions", "src/cli", "src/taskpane/components", "src/taskpane/state", "src/taskpane/workbook", "src/taskpane/index.tsx", "src/core/options/erfcx.ts"];
    expect(guarded.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
  });

  it("npm test runs the lint", () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts;
    expect(scripts.test).toMatch(/npm run lint/);
    expect(scripts.lint).toMatch(/^eslint /);
  });
});
