/**
 * The production bundle as Excel loads it: `npm test` builds dist/ first (npm run build).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { FUNCTION_IDS } from "../../src/functions/registry";

const dist = path.join(__dirname, "..", "..", "dist");

class RecordedError {
  constructor(
    public code: string,
    public message: string,
  ) {}
}

function loadFunctionsBundle(): Map<string, (...args: unknown[]) => unknown> {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      if (associated.has(id)) throw new Error(`associated twice: ${id}`);
      associated.set(id, fn);
    },
    Error: RecordedError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  };
  const context = vm.createContext({ CustomFunctions, console, window: {}, self: {} });
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context);
  return associated;
}

describe("the production bundle", () => {
  it("functions.json holds exactly the catalogue's ids, in the OPTEX namespace's format", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
    const ids = metadata.functions.map((f: { id: string }) => f.id);
    expect(ids.sort()).toEqual([...FUNCTION_IDS].sort());
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z0-9_.]+$/);
      expect(f.description.length).toBeGreaterThan(40);
      for (const p of f.parameters) expect(p.description).toBeTruthy();
    }
    const bs = metadata.functions.find((f: { id: string }) => f.id === "BLACK_SCHOLES_VALUE");
    expect(bs.parameters.map((p: { name: string; optional?: boolean }) => `${p.name}${p.optional ? "?" : ""}`)).toEqual([
      "spot", "strike", "term_years", "volatility", "risk_free_rate", "dividend_yield?", "option_type?",
    ]);
    const holidays = metadata.functions.find((f: { id: string }) => f.id === "FEDERAL_HOLIDAYS");
    expect(holidays.result.dimensionality).toBe("matrix");
  });

  it("loading functions.js associates exactly those ids, and they compute", () => {
    const associated = loadFunctionsBundle();
    expect([...associated.keys()].sort()).toEqual([...FUNCTION_IDS].sort());
    expect(associated.get("BLACK_SCHOLES_VALUE")!(42, 40, 0.5, 0.2, 0.1, null, null)).toBeCloseTo(4.759422392871533, 13);
    expect(associated.get("FILING_FEE")!(991619.92, null, 80.9, null)).toBe(80.22);
    let thrown: unknown;
    try {
      associated.get("BLACK_SCHOLES_VALUE")!(42, 40, 0.5, 0.2, "ten percent", null, null);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecordedError);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: 'risk_free_rate ("ten percent") must be a number in decimal notation (like 42, -0.5 or 1e-3)' });
  });

  it("functions.js stays small (Excel on the web loads it first): <= 100 KB", () => {
    expect(fs.statSync(path.join(dist, "functions.js")).size).toBeLessThanOrEqual(100 * 1024);
  });

  it("the production manifest has no localhost URL left", () => {
    const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    const urls = manifest.match(/https?:\/\/[^"<\s]+/g)!.filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
    const base = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).config.productionBaseUrl;
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url === new URL(base).origin || url.startsWith(base)).toBe(true);
  });

  it("taskpane.html loads office.js, then the functions and pane chunks", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const functions = html.indexOf("functions.js");
    const pane = html.indexOf("taskpane.js");
    expect(office).toBeGreaterThan(-1);
    expect(functions).toBeGreaterThan(office);
    expect(pane).toBeGreaterThan(functions);
  });
});

describe("the URL rewrite used for production", () => {
  it("replaces every dev URL, not just the first", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is untyped CommonJS (no allowJs), so `import` would not type-check
    const { rewriteUrls } = require("../../webpack.config.js");
    const text = "https://localhost:3000/a https://localhost:3000/b <AppDomain>https://localhost:3000</AppDomain>";
    expect(rewriteUrls(text, "https://x.example/addin/")).toBe("https://x.example/addin/a https://x.example/addin/b <AppDomain>https://x.example</AppDomain>");
  });
});
