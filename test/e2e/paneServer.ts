/**
 * The built pane (dist/) served over HTTP on a free port, and a Chromium to open it in (see
 * test/support/browser.ts; test-artifacts/browser.txt says which one). Not a test file itself.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { AddressInfo } from "net";
import { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";

export const root = path.join(__dirname, "..", "..");
export const dist = path.join(root, "dist");
export const artifacts = path.join(root, "test-artifacts");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

export interface PaneServer {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startPaneServer(): Promise<PaneServer> {
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/ is missing: npm test builds it first (npm run build)");
  // fails at once with one message saying what was tried, rather than each test timing out
  const launched = await launchChromium();
  const browser = launched.browser;
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, "browser.txt"), `${launched.choice.description}\nChromium ${browser.version()}\n`);
  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The pane's server for the test file that calls this: started before its tests, closed after them.
 * Read `base` and `browser` inside the tests (they exist once it has started).
 */
export function servePaneForTests(): PaneServer {
  let server: PaneServer | undefined;
  beforeAll(async () => {
    server = await startPaneServer();
  });
  afterAll(async () => {
    // nothing to close when beforeAll failed early (no browser was found)
    await server?.close();
  });
  const started = (): PaneServer => {
    if (!server) throw new Error("the pane's server has not started");
    return server;
  };
  return {
    get base() {
      return started().base;
    },
    get browser() {
      return started().browser;
    },
    close: () => started().close(),
  };
}

/** Opens the pane in preview mode (office.js from Microsoft's CDN is unreachable here) and waits for the example's figures. */
export async function openPane(page: Page, base: string): Promise<void> {
  // office.js comes from Microsoft's CDN, unreachable here: the pane must fall back to preview mode
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${base}/taskpane.html`);
  await page.getByTestId("filing-fee").waitFor({ timeout: 60_000 });
}

/** How wide the page is laid out: more than the viewport is a pane that scrolls sideways. */
export async function layoutWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
