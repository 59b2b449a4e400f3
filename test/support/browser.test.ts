/**
 * Which Chromium the browser tests get, for each kind of machine (a fake probe: nothing here
 * unpacks or launches a browser), and the one message when there is none.
 */
import type { Browser, LaunchOptions } from "playwright-core";
import { ChromiumChoice, ChromiumProbe, findChromium, launchChromium, message, missingLibraries, NoChromiumError } from "./browser";

const PACKAGED_CHOICE: ChromiumChoice = {
  source: "@sparticuz/chromium",
  executablePath: "/cache/147.0.0/chromium",
  env: { FONTCONFIG_FILE: "/cache/147.0.0/fonts.conf" },
  description: "@sparticuz/chromium 147.0.0",
};

interface Machine {
  env?: Record<string, string>;
  files?: string[];
  platform?: string;
  arch?: string;
  /** why the packaged browser cannot be had; absent: it can */
  packagedFails?: string;
}

function probe(m: Machine): ChromiumProbe & { packagedCalls: number } {
  const p = {
    env: m.env ?? {},
    platform: m.platform ?? "linux",
    arch: m.arch ?? "x64",
    isExecutable: (file: string) => (m.files ?? []).includes(file),
    packagedCalls: 0,
    packaged: async () => {
      p.packagedCalls++;
      if (m.packagedFails) throw new Error(m.packagedFails);
      return PACKAGED_CHOICE;
    },
  };
  return p;
}

describe("findChromium: environment -> browser", () => {
  it.each<[string, Machine, string, string]>([
    ["OPTEX_CHROMIUM wins over a system chromium", { env: { OPTEX_CHROMIUM: "/opt/chrome/chrome" }, files: ["/opt/chrome/chrome", "/usr/bin/chromium"] }, "OPTEX_CHROMIUM", "/opt/chrome/chrome"],
    ["OPTEX_CHROMIUM wins over CHROMIUM_PATH", { env: { OPTEX_CHROMIUM: "/a", CHROMIUM_PATH: "/b" }, files: ["/a", "/b"] }, "OPTEX_CHROMIUM", "/a"],
    ["CHROMIUM_PATH is still honoured", { env: { CHROMIUM_PATH: "/b" }, files: ["/b", "/usr/bin/chromium"] }, "CHROMIUM_PATH", "/b"],
    ["an empty OPTEX_CHROMIUM counts as unset", { env: { OPTEX_CHROMIUM: "" }, files: ["/usr/bin/chromium"] }, "system", "/usr/bin/chromium"],
    ["Debian's chromium before the packaged one", { files: ["/usr/bin/chromium", "/usr/bin/chromium-browser"] }, "system", "/usr/bin/chromium"],
    ["chromium-browser when there is no chromium", { files: ["/usr/bin/chromium-browser"] }, "system", "/usr/bin/chromium-browser"],
    ["the packaged one on a fresh Linux x64 machine", {}, "@sparticuz/chromium", "/cache/147.0.0/chromium"],
  ])("%s", async (_, machine, source, executablePath) => {
    const p = probe(machine);
    const choice = await findChromium(p);
    expect([choice.source, choice.executablePath]).toEqual([source, executablePath]);
    if (source !== "@sparticuz/chromium") expect(p.packagedCalls).toBe(0); // nothing unpacked when not needed
  });

  it.each<[string, Machine, string[]]>([
    [
      "none on a fresh macOS machine",
      { platform: "darwin", arch: "arm64" },
      ["OPTEX_CHROMIUM: not set", "/usr/bin/chromium: not found", "/usr/bin/chromium-browser: not found", "@sparticuz/chromium: ships Chromium for Linux x64 only (this is darwin arm64)"],
    ],
    [
      "none on Linux without the package installed",
      { packagedFails: "not installed (npm ci installs it: it is a devDependency)" },
      ["OPTEX_CHROMIUM: not set", "/usr/bin/chromium: not found", "/usr/bin/chromium-browser: not found", "@sparticuz/chromium: not installed (npm ci installs it: it is a devDependency)"],
    ],
    [
      "a named browser that is not there: nothing else is tried",
      { env: { OPTEX_CHROMIUM: "/nonexistent" }, files: ["/usr/bin/chromium"] },
      ["OPTEX_CHROMIUM=/nonexistent: not an executable file (a browser you name is the only one tried; unset OPTEX_CHROMIUM to use a system or the packaged Chromium)"],
    ],
  ])("%s: one message listing each attempt", async (_, machine, lines) => {
    const error = await findChromium(probe(machine)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoChromiumError);
    const text = (error as Error).message.split("\n");
    expect(text[0]).toBe("No Chromium for the browser tests. Tried:");
    expect(text.slice(1, -1)).toEqual(lines.map((line) => `  ${line}`));
    expect(text[text.length - 1]).toMatch(/^Set OPTEX_CHROMIUM to /);
  });
});

describe("launchChromium", () => {
  const fakeBrowser = {} as Browser;

  it("launches with the tests' flags, headless, and the choice's environment", async () => {
    const calls: LaunchOptions[] = [];
    const { browser, choice } = await launchChromium(probe({}), async (options) => (calls.push(options), fakeBrowser), 5_000);
    expect(browser).toBe(fakeBrowser);
    expect(choice).toBe(PACKAGED_CHOICE);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ executablePath: "/cache/147.0.0/chromium", headless: true, timeout: 5_000 });
    expect(calls[0].args).toEqual(expect.arrayContaining(["--no-sandbox", "--disable-gpu", "--disable-background-networking"]));
    expect(calls[0].env?.FONTCONFIG_FILE).toBe("/cache/147.0.0/fonts.conf");
  });

  it("a system chromium that does not start gives way to the packaged one", async () => {
    const tried: string[] = [];
    const { choice } = await launchChromium(probe({ files: ["/usr/bin/chromium"] }), async (options) => {
      tried.push(options.executablePath!);
      if (options.executablePath === "/usr/bin/chromium") throw new Error("browserType.launch: Browser closed.");
      return fakeBrowser;
    });
    expect(tried).toEqual(["/usr/bin/chromium", "/cache/147.0.0/chromium"]);
    expect(choice.source).toBe("@sparticuz/chromium");
  });

  it("a named browser that does not start is not replaced by another", async () => {
    const error = await launchChromium(probe({ env: { OPTEX_CHROMIUM: "/opt/c" }, files: ["/opt/c"] }), async () => {
      throw new Error("browserType.launch: Target page, context or browser has been closed");
    }).catch((e: unknown) => e);
    expect((error as Error).message.split("\n")[1]).toBe("  OPTEX_CHROMIUM=/opt/c: /opt/c did not launch: browserType.launch: Target page, context or browser has been closed");
  });
});

describe("helpers", () => {
  it("missingLibraries reads ldd's 'not found' lines", () => {
    const ldd = [
      "\tlinux-vdso.so.1 (0x00007ffd)",
      "\tlibnspr4.so => /lib/x86_64-linux-gnu/libnspr4.so (0x00007f40)",
      "\tlibnss3.so => not found",
      "\tlibexpat.so.1 => not found",
    ].join("\n");
    expect(missingLibraries(ldd)).toEqual(["libnss3.so", "libexpat.so.1"]);
    expect(missingLibraries("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n")).toEqual([]);
  });

  it("message keeps a launch error's first line and the browser's output, not the command line", () => {
    const launchError = new Error(
      [
        "browserType.launch: Target page, context or browser has been closed",
        "Browser logs:",
        "",
        "<launching> /usr/bin/chromium --disable-field-trial-config --no-sandbox",
        "<launched> pid=1",
        "[pid=1][err] chromium: error while loading shared libraries: libnss3.so: cannot open shared object file",
        "Call log:",
        "\x1b[2m  - <launching> /usr/bin/chromium --disable-field-trial-config\x1b[22m",
      ].join("\n"),
    );
    expect(message(launchError)).toBe(
      "browserType.launch: Target page, context or browser has been closed | [pid=1][err] chromium: error while loading shared libraries: libnss3.so: cannot open shared object file",
    );
  });
});
