#!/usr/bin/env node
// `npm run bench`: prints optex's speed figures (compiled core in lib/, see tsconfig.cli.json).
//
//  1. Black-Scholes valuations per second through the core's batch path (blackScholesCallBatch),
//     next to a minimal hand-written kernel (the textbook formula inline: two discount factors and
//     N(d1), N(d2) each with its own exponential) run in the same process; then the batch path on
//     every core, each worker thread valuing its slice of shared columns.
//  2. 10,000 BLACK_SCHOLES_VALUE calls through the Excel wrapper (argument coercion, core, result check).
//  3. `optex value` on a synthetic ledger of 100,000 and of 1,000,000 grants (a child process each:
//     start-up, streamed CSV import into columns, eligibility, valuation, report), next to the minimal
//     split-and-price loop on the same file in the same run (a child process too: read the file whole,
//     String.split into lines and fields, Number() on the expiration, exercise price and shares, the
//     core's blackScholesBatch kernel, a float sum): time, peak memory and the ratio between them.
//  4. The task pane's code path (import and valuation in slices) on 100,000 grants.
//  5. `optex elections` on the 100,000-grant ledger with a 100,000-line election log (a child process:
//     start-up, the ledger, the log, forms, the rules, the JSON report), and the pane's elections path
//     in slices (longest time without a progress update).
//  6. The Hull-White employee-option lattice: one HULL_WHITE_VALUE (the core's hullWhiteValue) of a
//     10-year option at 100 steps a year (1,000 steps; Benninga's case), median of many runs, and what
//     it allocates (the heap before and after many valuations, and the garbage collections between);
//     then the Capstone ledger priced with the hull-white model through priceOptions.
//     `node scripts/bench.js --hull-white` runs this section alone.
// Each figure is the best of several runs after a warm-up; the machine's CPU is printed with them.
"use strict";
const os = require("os");
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");
const path = require("path");
const lib = path.join(__dirname, "..", "lib");
const { blackScholesCallBatch } = require(path.join(lib, "core/options/blackScholes.js"));
const { ERF_SMALL_LIMIT, erfSmall, erfcxPositive } = require(path.join(lib, "core/options/erfcx.js"));

const COLUMNS = ["spot", "strike", "termYears", "volatility", "riskFreeRate", "dividendYield"];

if (!isMainThread) {
  // A worker values its slice of the shared columns through the same batch path, on request.
  const { buffers, outBuffer, from, to } = workerData;
  const shared = Object.fromEntries(COLUMNS.map((c) => [c, new Float64Array(buffers[c])]));
  const sharedOut = new Float64Array(outBuffer);
  parentPort.on("message", () => {
    blackScholesCallBatch(shared, sharedOut, from, to);
    parentPort.postMessage("done");
  });
  return;
}

if (process.argv.includes("--hull-white")) {
  hullWhiteBench();
  return;
}

global.CustomFunctions = {
  Error: class extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  associate() {},
};
const { blackScholesValue } = require(path.join(lib, "functions/functions.js"));

function best(runs, fn) {
  let bestMs = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms < bestMs) bestMs = ms;
  }
  return bestMs;
}

// A deterministic portfolio like an option ledger: strikes around spot, terms up to 10 years.
const N = 1_000_000;
const buffers = Object.fromEntries(COLUMNS.map((c) => [c, new SharedArrayBuffer(N * 8)]));
const batch = Object.fromEntries(COLUMNS.map((c) => [c, new Float64Array(buffers[c])]));
batch.spot.fill(1.27);
batch.volatility.fill(0.9);
batch.riskFreeRate.fill(0.03);
batch.dividendYield.fill(0);
let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = 0; i < N; i++) {
  batch.strike[i] = 0.5 + random() * 40;
  batch.termYears[i] = 0.1 + random() * 9.9;
}
const outBuffer = new SharedArrayBuffer(N * 8);
const out = new Float64Array(outBuffer);
const outKernel = new Float64Array(N);

// The minimal kernel: the textbook formula, inline, nothing else. N(x) from the same Cody erf/erfcx as
// the core, each with its own exponential (four in the tails, where the core's kernel shares one).
function normal(x) {
  const a = (x < 0 ? -x : x) * Math.SQRT1_2;
  if (a <= ERF_SMALL_LIMIT) return 0.5 + 0.5 * erfSmall(x * Math.SQRT1_2);
  const tail = 0.5 * Math.exp(-0.5 * x * x) * erfcxPositive(a);
  return x < 0 ? tail : 1 - tail;
}
function kernel(b, o) {
  const { spot, strike, termYears, volatility, riskFreeRate, dividendYield } = b;
  for (let i = 0; i < o.length; i++) {
    const t = termYears[i];
    const sd = volatility[i] * Math.sqrt(t);
    const d1 = (Math.log(spot[i] / strike[i]) + (riskFreeRate[i] - dividendYield[i]) * t) / sd + 0.5 * sd;
    const d2 = d1 - sd;
    o[i] = spot[i] * Math.exp(-dividendYield[i] * t) * normal(d1) - strike[i] * Math.exp(-riskFreeRate[i] * t) * normal(d2);
  }
}

blackScholesCallBatch(batch, out);
kernel(batch, outKernel);
let maxDiff = 0;
for (let i = 0; i < N; i++) maxDiff = Math.max(maxDiff, Math.abs(out[i] - outKernel[i]));
const batchMs = best(15, () => blackScholesCallBatch(batch, out));
const kernelMs = best(15, () => kernel(batch, outKernel));
const batchRate = N / (batchMs / 1000);
const kernelRate = N / (kernelMs / 1000);

// 10,000 cells through the Excel wrapper.
const CELLS = 10_000;
const cellArgs = [];
for (let i = 0; i < CELLS; i++) cellArgs.push([1.27, 0.5 + (i % 400) / 10, 0.1 + (i % 99) / 10, 0.9, 0.03, null, null]);
let sink = 0;
const firstCellsMs = best(1, () => {
  for (const a of cellArgs) sink += blackScholesValue(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
});
const cellsMs = best(20, () => {
  for (const a of cellArgs) sink += blackScholesValue(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
});

/** Times the batch path split across `threads` worker threads sharing the arrays (best of runs). */
async function parallel(threads, runs) {
  const parOut = new SharedArrayBuffer(N * 8);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const from = Math.floor((N * t) / threads);
    const to = Math.floor((N * (t + 1)) / threads);
    workers.push(new Worker(__filename, { workerData: { buffers, outBuffer: parOut, from, to } }));
  }
  const round = () => Promise.all(workers.map((w) => new Promise((resolve) => { w.once("message", resolve); w.postMessage("go"); })));
  await round(); // warm-up
  let bestMs = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await round();
    bestMs = Math.min(bestMs, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  await Promise.all(workers.map((w) => w.terminate()));
  const values = new Float64Array(parOut);
  for (let i = 0; i < N; i++) if (values[i] !== out[i]) throw new Error(`thread result differs at ${i}`);
  return bestMs;
}

const fmt = (x, d = 1) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
parallel(os.cpus().length, 15).then((parallelMs) => {
console.log(`optex bench — ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}`);
console.log("");
console.log("Black-Scholes, 1,000,000 calls (best of 15)");
console.log(`  core batch path, one thread               ${fmt(batchRate / 1e6, 2)} million/s   (${fmt(batchMs)} ms)   target >= 10 million/s`);
console.log(`  minimal hand-written kernel, one thread    ${fmt(kernelRate / 1e6, 2)} million/s   (${fmt(kernelMs)} ms)`);
console.log(`  batch path vs kernel                      ${fmt((100 * batchRate) / kernelRate, 0)}% of the kernel's speed   target >= 80%   (max |difference| ${maxDiff.toExponential(1)})`);
console.log(`  core batch path, ${os.cpus().length} worker threads         ${fmt(N / (parallelMs / 1000) / 1e6, 2)} million/s   (${fmt(parallelMs)} ms)   target >= 10 million/s`);
console.log("");
console.log("Excel wrapper, 10,000 =OPTEX.BLACK_SCHOLES_VALUE cells");
console.log(`  first run (cold)                          ${fmt(firstCellsMs, 2)} ms`);
console.log(`  best of 20                                ${fmt(cellsMs, 2)} ms   target <= 20 ms`);
if (!Number.isFinite(sink)) throw new Error("non-finite result");
return ledgerBench().then(hullWhiteBench);
});

/** A synthetic ledger of n grants (varied prices, dates, classes, countries), written to a temp file. */
function writeLedger(n) {
  const fs = require("fs");
  const file = path.join(os.tmpdir(), `optex-bench-ledger-${n}.csv`);
  if (fs.existsSync(file)) return file;
  let s = 987654321;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const classes = ["Employee", "Employee", "Employee", "Employee", "Officer", "Director", "Consultant"];
  const countries = ["United States", "USA", "US", "United Kingdom", "Japan"];
  const out = ["Grant Number,Employee ID,Name,Relationship,Country,Plan,Grant Date,Expiration Date,Exercise Price,Options Outstanding,ISO/NSO,Termination Date"];
  for (let i = 0; i < n; i++) {
    const y = 1995 + Math.floor(r() * 9);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const exp = `${y + 10}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const price = (0.5 + r() * 49.5).toFixed(2);
    const shares = (100 * (1 + Math.floor(r() * 200))).toLocaleString("en-US");
    const term = r() < 0.05 ? "2003-05-30" : "";
    out.push(`G${i},E${Math.floor(i / 2)},Employee ${i >> 1},${classes[i % 7]},${countries[Math.floor(r() * 5)]},2000 Equity Incentive Plan,${date},${exp},$${price},"${shares}",${i % 2 ? "ISO" : "NSO"},${term}`);
  }
  fs.writeFileSync(file, out.join("\n") + "\n");
  return file;
}

/**
 * A synthetic election log for the ledger of n grants: holder E<k> holds grants G<2k> and G<2k+1>; each
 * holder's form lists both (two lines); every tenth holder also sent a Notice to Withdraw (one line)
 * in place of a second election line, 1% of forms arrive after 5:00 p.m. July 24 and 2% by e-mail:
 * n lines in all, local Pacific receipt times with seconds.
 */
function writeElectionLog(n) {
  const fs = require("fs");
  const file = path.join(os.tmpdir(), `optex-bench-elections-${n}.csv`);
  if (fs.existsSync(file)) return file;
  let s = 24682468;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = ["Form ID,Employee ID,Form Type,Grant Number,Shares,Signed,Received,Channel"];
  const two = (x) => String(x).padStart(2, "0");
  for (let k = 0; out.length <= n; k++) {
    const late = r() < 0.01;
    const dayOfMonth = late ? 24 : 1 + Math.floor(r() * 23);
    const received = `7/${dayOfMonth}/2003 ${late ? 17 : 8 + Math.floor(r() * 9)}:${two(Math.floor(r() * 60))}:${two(Math.floor(r() * 60))}`;
    const channel = r() < 0.02 ? "E-mail" : r() < 0.5 ? "Fax" : "Hand delivery";
    const signed = `7/${dayOfMonth}/2003`;
    if (k % 10 === 9) {
      out.push(`EF-${k},E${k},Election Form,G${2 * k},,${signed},${received},${channel}`);
      if (out.length <= n) out.push(`NW-${k},E${k},Notice to Withdraw,,,7/24/2003,7/24/2003 16:00:00,Fax`);
    } else {
      out.push(`EF-${k},E${k},Election Form,G${2 * k},,${signed},${received},${channel}`);
      if (out.length <= n) out.push(`EF-${k},E${k},Election Form,G${2 * k + 1},,${signed},${received},${channel}`);
    }
  }
  fs.writeFileSync(file, out.join("\n") + "\n");
  return file;
}

/** `optex elections` in a child process. */
function timeOptexElections(ledgerFile, logFile) {
  return timeChild(
    `require(${JSON.stringify(path.join(lib, "cli", "optex.js"))}).main(["elections", ${JSON.stringify(ledgerFile)}, "--offer", ${JSON.stringify(OFFER_FILE)}, "--elections", ${JSON.stringify(logFile)}, "--json"], { write() { return true; } }, process.stderr)` +
      `.then((code) => process.stderr.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })))`,
  );
}

const OFFER_FILE = path.join(__dirname, "..", "assets", "samples", "capstone-2003", "offer.json");

/** Runs `node -e script` (its last stderr line is a JSON report); wall time and the child's peak memory. */
function timeChild(script) {
  const { spawnSync } = require("child_process");
  const t0 = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const report = JSON.parse(child.stderr.trim().split("\n").pop());
  if (report.code !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  return { ms, mb: report.maxRssKb / 1024, report };
}

/** `optex value` in a child process. */
function timeOptexValue(file) {
  return timeChild(
    `require(${JSON.stringify(path.join(lib, "cli", "optex.js"))}).main(["value", ${JSON.stringify(file)}, "--offer", ${JSON.stringify(OFFER_FILE)}, "--json"], { write() { return true; } })` +
      `.then((code) => process.stderr.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })))`,
  );
}

/**
 * The minimal split-and-price loop in a child process: the least any reader of this file must do (no
 * quoting, encodings, checks, eligibility or exact sums; the quoted "6,200" share counts are rejoined
 * by hand). Its sum is the float total of every grant's value.
 */
function timeMinimalLoop(file) {
  const offer = JSON.parse(require("fs").readFileSync(OFFER_FILE, "utf8"));
  const [y, m, d] = offer.valuationDate.split("-").map(Number);
  const script = `
    const { blackScholesBatch } = require(${JSON.stringify(path.join(lib, "core", "options", "blackScholes.js"))});
    const lines = require("fs").readFileSync(${JSON.stringify(file)}, "utf8").split("\\n");
    const n = lines.length;
    const strike = new Float64Array(n), termYears = new Float64Array(n), shares = new Float64Array(n);
    const valuationDay = Date.UTC(${y}, ${m - 1}, ${d}) / 864e5;
    let k = 0;
    for (let i = 1; i < n; i++) {
      if (lines[i] === "") continue;
      const f = lines[i].split(",");
      const e = f[7];
      const expiry = Date.UTC(Number(e.slice(0, 4)), Number(e.slice(5, 7)) - 1, Number(e.slice(8, 10))) / 864e5;
      let s = f[9];
      if (s.charCodeAt(0) === 34) s = s.charCodeAt(s.length - 1) === 34 ? s.slice(1, -1) : s.slice(1) + f[10].slice(0, -1);
      strike[k] = Number(f[8].slice(1));
      shares[k] = Number(s);
      termYears[k] = Math.max(0, (expiry - valuationDay) / 365);
      k++;
    }
    const column = (x) => new Float64Array(k).fill(x);
    const out = new Float64Array(k);
    blackScholesBatch({ spot: column(${offer.stockPrice}), strike: strike.subarray(0, k), termYears: termYears.subarray(0, k), volatility: column(${offer.volatility}), riskFreeRate: column(${offer.riskFreeRate}), dividendYield: column(${offer.dividendYield ?? 0}) }, out, 0, k, true);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += out[i] * shares[i];
    process.stderr.write(JSON.stringify({ code: Number.isFinite(sum) && k === n - 2 ? 0 : 1, grants: k, sum, maxRssKb: process.resourceUsage().maxRSS }));`;
  return timeChild(script);
}

async function ledgerBench() {
  const fmt = (x, d = 1) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
  const RUNS = 3;
  console.log("");
  console.log(`optex value (child process: start-up, CSV import, eligibility, valuation, report) vs the minimal split-and-price loop, best of ${RUNS}`);
  for (const [n, target] of [
    [100_000, "target <= 1.5 s, <= 400 MB, <= 3x"],
    [1_000_000, "target <= 400 MB, <= 3x"],
  ]) {
    const file = writeLedger(n);
    let value = { ms: Infinity, mb: 0 };
    let minimal = { ms: Infinity, mb: 0 };
    // alternated, so that both see the same machine
    for (let run = 0; run < RUNS; run++) {
      const v = timeOptexValue(file);
      if (v.ms < value.ms) value = v;
      const m = timeMinimalLoop(file);
      if (m.ms < minimal.ms) minimal = m;
    }
    console.log(`  ${n.toLocaleString("en-US").padStart(9)} grants   ${fmt(value.ms / 1000, 2)} s   peak ${fmt(value.mb, 0)} MB   ${fmt(value.ms / minimal.ms, 2)}x the minimal loop (${fmt(minimal.ms / 1000, 2)} s, peak ${fmt(minimal.mb, 0)} MB)   ${target}`);
  }
  // the pane's code path: import and valuation in slices, yielding to the event loop
  const fs = require("fs");
  const { bytesSource, importFileInSlices, valueInSlices } = require(path.join(lib, "core/offer/pipeline.js"));
  const { readOfferTerms } = require(path.join(lib, "core/offer/offerTerms.js"));
  const terms = readOfferTerms(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "assets", "samples", "capstone-2003", "offer.json"), "utf8")));
  const bytes = fs.readFileSync(writeLedger(100_000));
  let last = Date.now();
  let maxGap = 0;
  let updates = 0;
  const onProgress = () => {
    const now = Date.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    updates++;
  };
  const t0 = Date.now();
  const ledger = await importFileInSlices(bytesSource(bytes), { onProgress });
  await valueInSlices(ledger, terms, { onProgress });
  console.log("");
  console.log("Task pane code path, 100,000 grants (import + valuation in slices)");
  console.log(`  ${fmt((Date.now() - t0) / 1000, 2)} s, ${updates} progress updates, longest time without one ${maxGap} ms   target <= 200 ms`);

  // elections: the CLI, then the pane's path
  const logFile = writeElectionLog(100_000);
  let elections = { ms: Infinity, mb: 0 };
  for (let run = 0; run < RUNS; run++) {
    const e = timeOptexElections(writeLedger(100_000), logFile);
    if (e.ms < elections.ms) elections = e;
  }
  console.log("");
  console.log(`optex elections (child process: start-up, ledger, log, forms, rules, JSON report), best of ${RUNS}`);
  console.log(`  100,000 grants, 100,000 log lines   ${fmt(elections.ms / 1000, 2)} s   peak ${fmt(elections.mb, 0)} MB   target <= 2 s`);
  const { electionsInSlices } = require(path.join(lib, "core/elections/pipeline.js"));
  last = Date.now();
  maxGap = 0;
  updates = 0;
  const t1 = Date.now();
  const run = await electionsInSlices(ledger.table, terms, { kind: "file", file: bytesSource(fs.readFileSync(logFile)), name: "log" }, { onProgress });
  console.log("Task pane code path, elections (log import, forms and rules in slices)");
  console.log(`  ${fmt((Date.now() - t1) / 1000, 2)} s, ${updates} progress updates, longest time without one ${maxGap} ms, ${run.results.forms.length.toLocaleString("en-US")} forms   target <= 200 ms`);
}

/**
 * 6. The Hull-White lattice (src/core/options/hullWhite.ts): one valuation's median time and its
 * allocations, then the Capstone ledger through priceOptions with the hull-white model.
 */
async function hullWhiteBench() {
  const v8 = require("v8");
  const { PerformanceObserver } = require("perf_hooks");
  const fs = require("fs");
  const { hullWhiteValue, hullWhiteSteps } = require(path.join(lib, "core/options/hullWhite.js"));
  const { hullWhiteModel, priceOptions } = require(path.join(lib, "core/options/pricing.js"));
  const { parseCsvLedger } = require(path.join(lib, "core/ledger/importLedger.js"));
  const { readOfferTerms } = require(path.join(lib, "core/offer/offerTerms.js"));
  const { remainingTermYears } = require(path.join(lib, "core/daycount/yearFraction.js"));
  const fmt = (x, d = 1) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
  v8.setFlagsFromString("--expose-gc");
  const gc = require("vm").runInNewContext("gc");

  // Benninga, Financial Modelling 3rd ed., s. 17.8: S = K = 50, T = 10, vesting 3, r 5%, sigma 35%, q 2.5%,
  // exit 10%, multiple 3, 100 steps a year -> 13.5753; and the same option with no multiple (every
  // in-the-money node then takes the exit branch: the most work a node does)
  const cases = [
    ["Benninga's case (vesting 3, exit 10%, multiple 3)", [50, 50, 10, 0.35, 0.05, 0.025, 3, 0.1, 3, 100]],
    ["vested, exit 10%, no multiple", [50, 50, 10, 0.35, 0.05, 0, 0, 0.1, undefined, 100]],
  ];
  const RUNS = 1000;
  console.log("");
  console.log(`Hull-White lattice, one HULL_WHITE_VALUE of a 10-year option at 100 steps a year (${hullWhiteSteps(10, 100).toLocaleString("en-US")} steps), ${RUNS.toLocaleString("en-US")} runs after a warm-up`);
  let sink = 0;
  for (const [name, args] of cases) {
    for (let i = 0; i < 100; i++) sink += hullWhiteValue(...args);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      sink += hullWhiteValue(...args);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(50)} median ${fmt(times[RUNS >> 1], 3)} ms   (fastest ${fmt(times[0], 3)} ms, value ${hullWhiteValue(...args).toFixed(4)})   target <= 2 ms`);
  }
  // allocation: the heap before and after many valuations, with no collection asked for in between,
  // and the collections V8 made on its own; at 100 and at 1,000 steps (5,050 and 500,500 nodes): what a
  // valuation allocates (its arguments boxed at calls) must not grow with the nodes
  const ALLOC_RUNS = 2000;
  let collections = 0;
  const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
  observer.observe({ entryTypes: ["gc"] });
  const bytesPerValuation = async (stepsPerYear) => {
    const args = [...cases[0][1].slice(0, 9), stepsPerYear];
    for (let i = 0; i < 100; i++) sink += hullWhiteValue(...args);
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the observer hears of that collection
    collections = 0;
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < ALLOC_RUNS; i++) sink += hullWhiteValue(...args);
    const bytes = (process.memoryUsage().heapUsed - before) / ALLOC_RUNS;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { bytes, collections };
  };
  const small = await bytesPerValuation(10);
  const large = await bytesPerValuation(100);
  observer.disconnect();
  console.log(
    `  heap growth a valuation (${ALLOC_RUNS.toLocaleString("en-US")} runs each): ${fmt(small.bytes, 0)} bytes at 100 steps, ${fmt(large.bytes, 0)} bytes at 1,000 steps ` +
      `(garbage collections during the runs: ${small.collections}, ${large.collections}; one 8-byte number per node would be ${(500500 * 8).toLocaleString("en-US")} bytes)   target: nothing per node`,
  );

  // the Capstone ledger, every grant at its remaining term, through priceOptions with the model; a new
  // model (and session) each run, so no lattice is remembered from one run to the next
  const sample = path.join(__dirname, "..", "assets", "samples", "capstone-2003");
  const t0 = process.hrtime.bigint();
  const ledger = parseCsvLedger(fs.readFileSync(path.join(sample, "ledger.csv"), "utf8"));
  const terms = readOfferTerms(JSON.parse(fs.readFileSync(path.join(sample, "offer.json"), "utf8")));
  const importMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const table = ledger.table;
  const n = table.length;
  const termYears = new Float64Array(n);
  for (let i = 0; i < n; i++) termYears[i] = remainingTermYears(terms.valuationDate, table.expirationDate[i]);
  const options = { strike: table.exercisePrice, termYears, isCall: true };
  const market = { valuationDate: terms.valuationDate, spot: terms.stockPrice, volatility: terms.volatility, riskFreeRate: terms.riskFreeRate, dividendYield: terms.dividendYield };
  const assumptions = { vestingYears: 0, exitRate: 0.1, exerciseMultiple: 3, stepsPerYear: 100 };
  const lattices = new Set();
  let steps = 0;
  for (let i = 0; i < n; i++) {
    const key = `${table.exercisePrice[i]}|${termYears[i]}`;
    if (termYears[i] > 0 && !lattices.has(key)) {
      lattices.add(key);
      steps += hullWhiteSteps(termYears[i], assumptions.stepsPerYear);
    }
  }
  let priceMs = Infinity;
  let values;
  for (let run = 0; run < 3; run++) {
    const t1 = process.hrtime.bigint();
    values = priceOptions(options, market, hullWhiteModel(assumptions));
    priceMs = Math.min(priceMs, Number(process.hrtime.bigint() - t1) / 1e6);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i] * table.sharesOutstanding[i];
  console.log("");
  console.log(`Capstone ledger priced with hull-white (exit 10%, multiple 3, vested, 100 steps a year) through priceOptions, best of 3`);
  console.log(
    `  ${n.toLocaleString("en-US")} grants, ${lattices.size.toLocaleString("en-US")} lattices (same strike and term share one; ${steps.toLocaleString("en-US")} steps in all)   ` +
      `${fmt(priceMs / 1000, 3)} s   (import ${fmt(importMs, 0)} ms; every grant's value x shares: $${fmt(total, 2)})   target <= 2 s`,
  );
  if (!Number.isFinite(sink + total)) throw new Error("non-finite result");
}
