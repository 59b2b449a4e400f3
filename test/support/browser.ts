/**
 * The Chromium that the browser tests drive through playwright-core. It is never downloaded: the
 * tests must pass on a fresh machine that reaches only the npm registry, root or not, without apt.
 *
 * Tried in order:
 *  1. OPTEX_CHROMIUM (or the older CHROMIUM_PATH). A browser you name is the only one tried: a
 *     wrong path fails rather than silently testing in another browser.
 *  2. A system Chromium: Debian's /usr/bin/chromium, then /usr/bin/chromium-browser. If it does not
 *     launch, the packaged one is tried next.
 *  3. @sparticuz/chromium, a devDependency whose npm tarball carries a Linux x64 headless-shell
 *     Chromium (bin/chromium.br, brotli) with Open Sans (bin/fonts.tar.br) and the NSS/NSPR/expat
 *     libraries it links (bin/al2023.tar.br); nothing is fetched at install time. It is unpacked
 *     once into node_modules/.cache/optex-chromium/VERSION/, or $TMPDIR/optex-chromium-UID/VERSION/
 *     when node_modules is not writable. The package's own executablePath() is not used: it
 *     unpacks to a fixed /tmp/chromium, owner-only, and reuses whatever is there (another version,
 *     a half-written file, or another user's copy that a non-root user cannot execute). The bundled
 *     libraries are put on LD_LIBRARY_PATH only when ldd finds the system's missing.
 *
 * If none can be had, findChromium/launchChromium throw one NoChromiumError that says what was
 * tried and why each failed.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as os from "os";
import * as path from "path";
import { pipeline } from "stream/promises";
import { createBrotliDecompress } from "zlib";
import { chromium, Browser, LaunchOptions } from "playwright-core";

/** The flags every browser test runs with (no network of its own, no GPU, root-safe). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
export const PACKAGED = "@sparticuz/chromium";

export type ChromiumSource = "OPTEX_CHROMIUM" | "CHROMIUM_PATH" | "system" | typeof PACKAGED;

export interface ChromiumChoice {
  source: ChromiumSource;
  executablePath: string;
  /** Variables the browser needs on top of process.env (fonts, bundled libraries). */
  env: Record<string, string>;
  /** One line for logs: where the browser came from. */
  description: string;
}

/** What findChromium looks at; tests pass a fake one. */
export interface ChromiumProbe {
  env: Record<string, string | undefined>;
  platform: string;
  arch: string;
  isExecutable(file: string): boolean;
  /** Unpacks @sparticuz/chromium if need be; throws an Error whose message says why it cannot. */
  packaged(): Promise<ChromiumChoice>;
}

export interface Attempt {
  what: string;
  why: string;
}

export class NoChromiumError extends Error {
  constructor(readonly attempts: Attempt[]) {
    super(
      "No Chromium for the browser tests. Tried:\n" +
        attempts.map((a) => `  ${a.what}: ${a.why}`).join("\n") +
        "\nSet OPTEX_CHROMIUM to a Chromium or Chrome executable, install a system chromium, or run npm ci" +
        ` on Linux x64 (it installs ${PACKAGED} from the npm registry).`,
    );
    this.name = "NoChromiumError";
  }
}

interface Candidate {
  what: string;
  /** The browser, or throws an Error saying why not. */
  choose(): Promise<ChromiumChoice>;
  /** false: a named browser; nothing after it is tried. */
  fallsThrough: boolean;
}

function candidates(probe: ChromiumProbe): Candidate[] {
  const named = (["OPTEX_CHROMIUM", "CHROMIUM_PATH"] as const).find((name) => probe.env[name]);
  if (named) {
    const file = probe.env[named]!;
    return [
      {
        what: `${named}=${file}`,
        fallsThrough: false,
        choose: async () => {
          if (!probe.isExecutable(file)) throw new Error(`not an executable file (a browser you name is the only one tried; unset ${named} to use a system or the packaged Chromium)`);
          return { source: named, executablePath: file, env: {}, description: `${file} (${named})` };
        },
      },
    ];
  }
  return [
    { what: "OPTEX_CHROMIUM", fallsThrough: true, choose: async () => { throw new Error("not set"); } },
    ...SYSTEM_CHROMIUMS.map((file) => ({
      what: file,
      fallsThrough: true,
      choose: async (): Promise<ChromiumChoice> => {
        if (!probe.isExecutable(file)) throw new Error("not found");
        return { source: "system", executablePath: file, env: {}, description: file };
      },
    })),
    {
      what: PACKAGED,
      fallsThrough: true,
      choose: async () => {
        if (probe.platform !== "linux" || probe.arch !== "x64") throw new Error(`ships Chromium for Linux x64 only (this is ${probe.platform} ${probe.arch})`);
        return probe.packaged();
      },
    },
  ];
}

/** The first Chromium that can be had, in the order above; throws NoChromiumError. */
export async function findChromium(probe: ChromiumProbe = systemProbe()): Promise<ChromiumChoice> {
  const attempts: Attempt[] = [];
  for (const candidate of candidates(probe)) {
    try {
      return await candidate.choose();
    } catch (e) {
      attempts.push({ what: candidate.what, why: message(e) });
    }
  }
  throw new NoChromiumError(attempts);
}

export type Launcher = (options: LaunchOptions) => Promise<Browser>;

/**
 * Launches the first Chromium that both can be had and starts (a system one that does not start
 * gives way to the packaged one). Each launch is given `launchTimeout` ms.
 */
export async function launchChromium(
  probe: ChromiumProbe = systemProbe(),
  launch: Launcher = (options) => chromium.launch(options),
  launchTimeout = 30_000,
): Promise<{ browser: Browser; choice: ChromiumChoice }> {
  const attempts: Attempt[] = [];
  for (const candidate of candidates(probe)) {
    let choice: ChromiumChoice;
    try {
      choice = await candidate.choose();
    } catch (e) {
      attempts.push({ what: candidate.what, why: message(e) });
      continue;
    }
    try {
      const browser = await launch({
        executablePath: choice.executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        env: { ...process.env, ...choice.env },
        timeout: launchTimeout,
      });
      return { browser, choice };
    } catch (e) {
      attempts.push({ what: candidate.what, why: `${choice.executablePath} did not launch: ${message(e)}` });
      if (!candidate.fallsThrough) break;
    }
  }
  throw new NoChromiumError(attempts);
}

/** An error on one line; of playwright's launch errors, the first line and the browser's own output. */
export function message(e: unknown): string {
  // eslint-disable-next-line no-control-regex -- ESC [ ... m: the terminal colour codes in playwright's messages
  const text = (e instanceof Error ? e.message : String(e)).replace(/\x1b\[[0-9;]*m/g, "");
  const lines: string[] = [];
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (/^(=+ )?(Call log|logs)\b/i.test(line)) break; // the call log repeats the command line
    if (!line || line === "Browser logs:" || /^<(launching|launched)>/.test(line)) continue;
    lines.push(line.length > 300 ? `${line.slice(0, 300)}...` : line);
  }
  return lines.slice(0, 8).join(" | ");
}

// ---------------------------------------------------------------------------------------------
// The real machine

export function systemProbe(): ChromiumProbe {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    isExecutable,
    packaged: unpackPackaged,
  };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The names ldd reports as "not found". */
export function missingLibraries(lddOutput: string): string[] {
  return [...lddOutput.matchAll(/^\s*(\S+)\s+=>\s+not found/gm)].map((m) => m[1]);
}

function packageRoot(): string {
  let entry: string;
  try {
    entry = require.resolve(PACKAGED);
  } catch {
    throw new Error("not installed (npm ci installs it: it is a devDependency)");
  }
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "bin", "chromium.br"))) return dir;
  }
  throw new Error(`installed at ${entry} but its bin/chromium.br is missing`);
}

async function unpackPackaged(): Promise<ChromiumChoice> {
  const root = packageRoot();
  const version = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
  const bases: string[] = [];
  const nodeModules = path.resolve(root, "..", "..");
  if (path.basename(nodeModules) === "node_modules") bases.push(path.join(nodeModules, ".cache", "optex-chromium"));
  bases.push(path.join(os.tmpdir(), `optex-chromium-${process.getuid?.() ?? "user"}`));
  const failures: string[] = [];
  let dir: string | undefined;
  for (const base of bases) {
    try {
      dir = await unpack(root, version, base);
      break;
    } catch (e) {
      failures.push(`${base}: ${message(e)}`);
    }
  }
  if (!dir) throw new Error(`could not be unpacked (${failures.join("; ")})`);

  const executablePath = path.join(dir, "chromium");
  const env: Record<string, string> = { FONTCONFIG_FILE: path.join(dir, "fonts.conf") };
  const bundledLibs = path.join(dir, "al2023", "lib");
  const withBundled = [bundledLibs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  const ldd = spawnSync("ldd", [executablePath], { encoding: "utf8" });
  if (ldd.error) {
    env.LD_LIBRARY_PATH = withBundled; // no ldd to ask: the bundled libraries can only help
  } else {
    const missing = missingLibraries(ldd.stdout);
    if (missing.length > 0) {
      const again = spawnSync("ldd", [executablePath], { encoding: "utf8", env: { ...process.env, LD_LIBRARY_PATH: withBundled } });
      const still = missingLibraries(again.stdout);
      if (still.length > 0) throw new Error(`${executablePath} needs shared libraries that neither the system nor the package has: ${still.join(", ")}`);
      env.LD_LIBRARY_PATH = withBundled;
    }
  }
  const libs = env.LD_LIBRARY_PATH ? ", with its bundled NSS libraries" : "";
  return { source: PACKAGED, executablePath, env, description: `${PACKAGED} ${version} unpacked in ${dir}${libs}` };
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Unpacks the package's browser into base/version once; the directory appears complete or not at all. */
async function unpack(root: string, version: string, base: string): Promise<string> {
  fs.mkdirSync(path.dirname(base), { recursive: true });
  try {
    fs.mkdirSync(base, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const stat = fs.lstatSync(base);
  const uid = process.getuid?.();
  if (!stat.isDirectory()) throw new Error("not a directory");
  if (uid !== undefined && stat.uid !== uid) throw new Error(`owned by uid ${stat.uid}, not ${uid}`);
  if ((stat.mode & 0o022) !== 0 && base.startsWith(os.tmpdir())) throw new Error("writable by others");
  fs.accessSync(base, fs.constants.W_OK);

  const dir = path.join(base, version);
  if (fs.existsSync(path.join(dir, ".complete"))) return dir;
  fs.rmSync(dir, { recursive: true, force: true }); // an incomplete copy (a rename is all-or-nothing, so only by hand)
  for (const entry of fs.readdirSync(base)) {
    // staging directories of runs that were killed
    const stale = path.join(base, entry);
    if (entry.includes(".partial-") && Date.now() - fs.statSync(stale).mtimeMs > 3_600_000) fs.rmSync(stale, { recursive: true, force: true });
  }

  const bin = path.join(root, "bin");
  const tar = createRequire(path.join(root, "package.json"))("tar-fs") as { extract(dir: string, options?: object): NodeJS.WritableStream };
  const staging = fs.mkdtempSync(path.join(base, `${version}.partial-`));
  try {
    await Promise.all([
      pipeline(fs.createReadStream(path.join(bin, "chromium.br")), createBrotliDecompress(), fs.createWriteStream(path.join(staging, "chromium"), { mode: 0o755 })),
      pipeline(fs.createReadStream(path.join(bin, "fonts.tar.br")), createBrotliDecompress(), tar.extract(path.join(staging, "fonts"), { chown: false })),
      pipeline(fs.createReadStream(path.join(bin, "al2023.tar.br")), createBrotliDecompress(), tar.extract(path.join(staging, "al2023"), { chown: false })),
    ]);
    // the system's fonts if it has any, and always the package's Open Sans
    fs.writeFileSync(
      path.join(staging, "fonts.conf"),
      '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' +
        `  <dir>${xml(path.join(dir, "fonts", "fonts"))}</dir>\n` +
        `  <cachedir>${xml(path.join(dir, "fontconfig-cache"))}</cachedir>\n</fontconfig>\n`,
    );
    fs.writeFileSync(path.join(staging, ".complete"), `${PACKAGED} ${version}\n`);
    try {
      fs.renameSync(staging, dir);
    } catch (e) {
      // another run got there first
      if (!fs.existsSync(path.join(dir, ".complete"))) throw e;
    }
    return dir;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
