// ESLint (flat config), run by `npm run lint` and so by `npm test`.
//
// Besides the recommended JavaScript, TypeScript and React hooks rules, it guards the seams of
// ../shared/ARCHITECTURE.md, so a change that breaks one fails the tests (test/build/lint.test.ts
// proves each guard fires):
//  - src/core is pure TypeScript: no Office, DOM, React or Node API (imports and globals), and no
//    import that leaves src/core (into src/functions, src/taskpane, src/cli or anywhere else);
//  - the Excel API (and so `Excel.run`) is used only in src/taskpane/workbook/;
//  - `Office` is used only in src/taskpane/index.tsx (the entry) and src/taskpane/workbook/, and
//    `Office.onReady` only in the entry;
//  - React components (and the pure state) never touch Excel or Office, values or types.
import path from "node:path";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig, globalIgnores } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const TS = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];

// ---------------------------------------------------------------------------------------------
// Host globals

/** The Office JavaScript API's globals, each with where it belongs. */
const OFFICE_GLOBALS = [
  { name: "Office", message: "Office belongs in src/taskpane/index.tsx (Office.onReady) and src/taskpane/workbook/ (the gateway)." },
  { name: "Excel", message: "The Excel API (Excel.run) belongs in src/taskpane/workbook/ only; components get a WorkbookGateway." },
  { name: "OfficeExtension", message: "The Excel API belongs in src/taskpane/workbook/ only." },
  { name: "OfficeRuntime", message: "OfficeRuntime belongs in src/taskpane/workbook/ or src/functions/." },
  { name: "CustomFunctions", message: "CustomFunctions belongs in src/functions/ (the cell wrappers) only." },
];

/**
 * Globals src/core may use although they are not ECMAScript's own: WHATWG text decoding and the
 * timers every JavaScript host has (the pipeline yields to the UI with setTimeout).
 */
const CORE_ALLOWED = new Set(["TextDecoder", "TextEncoder", "setTimeout", "clearTimeout", "queueMicrotask"]);

const CORE_MESSAGES = {
  window: "src/core is pure: no DOM (pass values in from the door that has them).",
  document: "src/core is pure: no DOM.",
  navigator: "src/core is pure: no DOM.",
  localStorage: "src/core is pure: no storage (settings live behind the WorkbookGateway).",
  process: "src/core is pure: no Node process (the CLI passes options and values in).",
  Buffer: "src/core is pure: use Uint8Array, not Node's Buffer.",
  require: "src/core is pure: use a static import of another src/core module.",
  __dirname: "src/core is pure: no files (the CLI reads them and passes bytes in).",
  __filename: "src/core is pure: no files (the CLI reads them and passes bytes in).",
  console: "src/core never logs: it returns values or throws CalcError.",
  fetch: "src/core is pure: no I/O.",
};

/**
 * Every browser, worker and Node global that ECMAScript itself does not define (about 1,200 names
 * from the `globals` package: window, document, HTMLElement, localStorage, process, Buffer,
 * require...), minus CORE_ALLOWED. (hostRules adds the Office globals.)
 */
const CORE_GLOBALS = [
  ...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node), ...Object.keys(globals.worker)]),
]
  .filter((name) => !(name in globals.builtin) && !CORE_ALLOWED.has(name))
  .map((name) => ({ name, message: CORE_MESSAGES[name] ?? "src/core is pure TypeScript: no DOM or Node globals." }));

/**
 * `no-restricted-globals` and `no-restricted-syntax` for a folder: the Office globals except
 * `allowed`, as values (`Excel.run`, `new Office.X`, also through `window.`/`globalThis.`) and as
 * types (`Excel.Range`, `typeof Office`), plus `extraGlobals` and `extraSyntax`.
 * (A rule's options are not merged across config objects, so each folder gets its whole list.)
 */
function hostRules({ allowed = [], extraGlobals = [], extraSyntax = [] } = {}) {
  const banned = OFFICE_GLOBALS.filter(({ name }) => !allowed.includes(name));
  const names = banned.map(({ name }) => name).join("|");
  const typeSyntax = banned.length
    ? [
        {
          selector: `TSQualifiedName[left.name=/^(${names})$/], TSTypeQuery > Identifier.exprName[name=/^(${names})$/]`,
          message: "Office API types stay where the Office API is used: src/taskpane/workbook/ (Excel), src/taskpane/index.tsx (Office), src/functions/ (CustomFunctions).",
        },
      ]
    : [];
  return {
    "no-restricted-globals": ["error", { globals: [...extraGlobals, ...banned], checkGlobalObject: true }],
    "no-restricted-syntax": ["error", ...typeSyntax, ...extraSyntax],
  };
}

// ---------------------------------------------------------------------------------------------
// Imports

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith("_"));

/** Packages src/core may not import: React, Fluent UI, Office, and every Node built-in module. */
const CORE_IMPORTS = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: "src/core is pure: no Node API (the CLI does the I/O and passes values in)." })),
  patterns: [
    { regex: "^node:", message: "src/core is pure: no Node API (the CLI does the I/O and passes values in)." },
    { regex: "^(react|react-dom|scheduler)(/|$)", message: "src/core is pure: no React (the pane renders core results)." },
    { regex: "^@fluentui/", message: "src/core is pure: no Fluent UI." },
    { regex: "^(office-|@microsoft/office|@types/office)", message: "src/core is pure: no Office packages." },
  ],
};

/**
 * optex/imports-stay-inside: every relative module specifier (import, export ... from, import(),
 * import x = require(), require(), a type's import("...")) must resolve inside one of the `inside`
 * folders. `no-restricted-imports` matches the specifier's text, which cannot tell
 * "../../functions/registry" (out of src/core) from "../ledger/values" (inside it).
 */
const importsStayInside = {
  meta: {
    type: "problem",
    docs: { description: "Relative imports must resolve inside the given folders" },
    schema: [
      {
        type: "object",
        properties: { inside: { type: "array", items: { type: "string" } }, why: { type: "string" } },
        required: ["inside"],
        additionalProperties: false,
      },
    ],
    messages: { outside: "'{{specifier}}' resolves to {{target}}, outside {{inside}}. {{why}}" },
  },
  create(context) {
    const { inside, why = "" } = context.options[0];
    const roots = inside.map((folder) => path.resolve(ROOT, folder));
    const dir = path.dirname(context.filename);
    const check = (node, specifier) => {
      if (typeof specifier !== "string" || !(specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../"))) return;
      const target = path.resolve(dir, specifier);
      if (roots.some((root) => target === root || target.startsWith(root + path.sep))) return;
      context.report({
        node,
        messageId: "outside",
        data: { specifier, target: path.relative(ROOT, target).split(path.sep).join("/"), inside: inside.join(", "), why },
      });
    };
    const literal = (node) => (node && node.type === "Literal" ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === "TSExternalModuleReference" && check(node.moduleReference, literal(node.moduleReference.expression)),
      // `import("x").T` in a type: `source` since typescript-eslint 8.x, `argument` before
      TSImportType: (node) => (node.source ? check(node.source, literal(node.source)) : check(node.argument, literal(node.argument?.literal))),
      "CallExpression[callee.type='Identifier'][callee.name='require']": (node) => check(node, literal(node.arguments[0])),
    };
  },
};

const optex = { meta: { name: "optex" }, rules: { "imports-stay-inside": importsStayInside } };

// ---------------------------------------------------------------------------------------------

export default defineConfig([
  globalIgnores(["dist/", "lib/", "build/", "coverage/", "test-artifacts/", "**/node_modules/"]),

  { linterOptions: { reportUnusedDisableDirectives: "error" } },

  js.configs.recommended,

  {
    files: TS,
    extends: [tseslint.configs.recommended],
    // tsconfig.json gives every file the DOM and Node types. TypeScript checks names (no-undef is
    // off); the globals are declared so that no-restricted-globals also sees `window.X`/`self.X`.
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // A leading underscore marks a name that is unused on purpose (a parameter that fixes a
      // callback's type, a key taken out of an object with ...rest).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // W. J. Cody's coefficients are quoted as published in SPECFUN (18-20 significant digits), so
    // they can be checked digit for digit; each becomes the nearest double, which is what is meant.
    files: ["src/core/options/erfcx.ts"],
    rules: { "no-loss-of-precision": "off" },
  },

  // CommonJS Node scripts and configs (scripts/*.js, bin/, webpack/jest configs, jest stubs).
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },

  // The React pane.
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat["recommended-latest"]],
    rules: { "react-hooks/exhaustive-deps": "error" },
  },

  // The seams. Everything in src/ starts with no Office API at all; the folders below open what
  // they need.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { optex },
    rules: {
      ...hostRules(),
      "no-restricted-properties": [
        "error",
        { object: "Office", property: "onReady", message: "Office.onReady belongs in src/taskpane/index.tsx, the pane's entry, only." },
      ],
    },
  },
  {
    files: ["src/taskpane/index.tsx"],
    rules: { ...hostRules({ allowed: ["Office"] }), "no-restricted-properties": "off" },
  },
  {
    files: ["src/taskpane/workbook/**/*.{ts,tsx}"],
    rules: hostRules({ allowed: ["Office", "Excel", "OfficeExtension", "OfficeRuntime"] }),
  },
  {
    files: ["src/taskpane/{components,state}/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)workbook/officeGateway$",
              message: "Only src/taskpane/index.tsx creates the Office gateway; components get a WorkbookGateway as a prop.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**/*.{ts,tsx}"],
    rules: {
      ...hostRules({ allowed: ["CustomFunctions", "OfficeRuntime"] }),
      "optex/imports-stay-inside": [
        "error",
        { inside: ["src/functions", "src/core"], why: "src/functions is shared by the cells, the CLI and the pane: it may use src/core only." },
      ],
    },
  },
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      ...hostRules({
        extraGlobals: CORE_GLOBALS,
        extraSyntax: [
          { selector: "ImportExpression", message: "src/core loads modules with static imports only." },
          {
            selector: "TSImportType > Literal.source[value=/^[^.]/]",
            message: "src/core refers to other src/core modules only (a package type belongs to the door that uses it).",
          },
        ],
      }),
      "@typescript-eslint/no-restricted-imports": ["error", CORE_IMPORTS],
      "optex/imports-stay-inside": ["error", { inside: ["src/core"], why: "src/core is the pure centre: the doors import it, never the reverse." }],
    },
  },
]);
