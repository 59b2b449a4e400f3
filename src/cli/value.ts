/**
 * `optex value LEDGER.csv --offer OFFER.json [--json]`: the tender valuation from the command line.
 */
import * as fs from "fs";
import * as os from "os";
import * as v8 from "v8";
import { CalcError } from "../core/errors";
import { serialToIso } from "../core/dates/serial";
import { LedgerResult, mappingReady } from "../core/ledger/parseLedger";
import { TableOutcome } from "../core/tables/tableReader";
import { importLedgerBytes } from "../core/ledger/importLedger";
import { COLUMNS } from "../core/ledger/columns";
import { OfferTerms, OfferTermsError, readOfferJson, readOfferTerms } from "../core/offer/offerTerms";
import { ExchangeCost, OfferValuation, valueOffer } from "../core/offer/valueOffer";
import { count, dollars, feeFootnote, feeTableRows } from "../core/offer/feeTable";
import { readTextFile } from "./textFile";

/** The JSON account of how a table was read: source, the mapping used, counts and row errors. */
export function tableReport<C extends string>(table: TableOutcome<C>, columns: readonly C[]): Record<string, unknown> {
  return {
    source: table.source ?? null,
    mapping: Object.fromEntries(columns.filter((c) => table.mapping[c] !== undefined).map((c) => [c, { header: table.headers[table.mapping[c] as number], position: (table.mapping[c] as number) + 1 }])),
    conflicts: table.conflicts.map((c) => ({ column: c.column, headers: c.headers.map((i) => ({ header: table.headers[i], position: i + 1 })) })),
    unmapped: table.unmapped,
    rows: table.rows,
    accepted: table.accepted,
    rejected: table.rejected,
    stopped: table.stopped ?? null,
    errors: table.errors,
  };
}

/** The ledger part of the JSON report: how it was read, the mapping used, counts and row errors. */
export function ledgerReport(ledger: LedgerResult): Record<string, unknown> {
  return tableReport(ledger, COLUMNS);
}

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe" };

/** A header problem in this door's words: mapping choices are `mapFlag`, and a conflict says how to choose. */
function inCliWords<C extends string>(table: TableOutcome<C>, e: TableOutcome<C>["errors"][number], mapFlag: string): string {
  if (e.key === "mapChoice") return `${mapFlag} ${e.message}`;
  const conflict = e.key === "mappingConflict" ? table.conflicts.find((c) => c.column === e.column) : undefined;
  if (conflict) return `${e.message} (choose with ${mapFlag} ${conflict.column}=#${conflict.headers.map((i) => i + 1).join(" or =#")})`;
  return e.message;
}

/**
 * The readable account of how a table was read: source, mapping, counts and the first row errors.
 * @param noun "Ledger", "Election log", "Roster"
 * @param mapFlag the option that chooses its columns ("--map", "--elections-map")
 */
export function tableText<C extends string>(table: TableOutcome<C>, columns: readonly C[], noun: string, name?: string, mapFlag = "--map", rowsWord = "Rows"): string[] {
  const out: string[] = [];
  const src = table.source;
  if (src) {
    const how = [src.encoding, src.delimiter ? `${DELIMITER_NAMES[src.delimiter] ?? JSON.stringify(src.delimiter)}-separated` : undefined, src.lineBreaks ? `${src.lineBreaks} line breaks` : undefined];
    out.push(`${noun}${name ? ` ${name}` : ""}: ${how.filter(Boolean).join(", ")}`);
  }
  const mapped = columns.filter((c) => table.mapping[c] !== undefined).map((c) => `${c} <- ${JSON.stringify(table.headers[table.mapping[c] as number])} (#${(table.mapping[c] as number) + 1})`);
  if (table.headers.length > 0) {
    out.push("Columns used:");
    for (const m of mapped) out.push(`  ${m}`);
    if (table.unmapped.length > 0) out.push(`  not read: ${table.unmapped.map((h) => JSON.stringify(h)).join(", ")}`);
  }
  out.push(`${rowsWord}: ${count(table.rows)} = ${count(table.accepted)} accepted + ${count(table.rejected)} rejected${table.stopped ? ` (stopped: ${table.stopped})` : ""}`);
  for (const e of table.errors.slice(0, 20)) out.push(`  line ${e.row}${e.column ? ` (${e.column})` : ""}: ${inCliWords(table, e, mapFlag)}`);
  if (table.errors.length > 20) out.push(`  ... ${count(table.errors.length - 20)} more (see --json)`);
  return out;
}

/** The readable account of how the ledger was read: source, mapping, counts and the first row errors. */
export function ledgerText(ledger: LedgerResult, name?: string): string[] {
  return tableText(ledger, COLUMNS, "Ledger", name);
}

/**
 * Which model gave which figure: the policy's value (`modelId`, `modelValue`) beside the filing's
 * (`feeModelId`, `transactionValuation`, which is Black-Scholes whatever the policy says).
 */
export function modelReport(v: OfferValuation): Record<string, unknown> {
  const m = v.modelValuation;
  const a = m.assumptions;
  return {
    modelId: m.id,
    model: m.label,
    modelValue: m.value,
    exactModelValue: m.exactValue,
    assumptions: a ? { vestingYears: a.vestingYears, exitRate: a.exitRate, exerciseMultiple: a.exerciseMultiple ?? null, stepsPerYear: a.stepsPerYear } : null,
    feeModelId: v.feeModel.id,
    feeModel: v.feeModel.label,
    transactionValuation: v.transactionValuation,
    sameModel: m.sameAsFee,
  };
}

/** The exchange's incremental fair value without its by-grant columns, or why it is absent. */
export function exchangeCostReport(c: ExchangeCost): Record<string, unknown> {
  if (!c.available) return { available: false, missing: c.missing, note: c.note };
  return {
    available: true,
    modelId: c.modelId,
    model: c.modelLabel,
    newOption: c.newOption,
    exchangeRatio: c.exchangeRatio,
    splitFactor: c.splitFactor,
    rounding: c.rounding,
    oldShares: c.oldShares,
    newShares: c.newShares,
    oldValue: c.oldValue,
    newValue: c.newValue,
    difference: c.difference,
    incrementalFairValue: c.incrementalFairValue,
    exactOldValue: c.exactOldValue,
    exactNewValue: c.exactNewValue,
    exactIncrementalFairValue: c.exactIncrementalFairValue,
    valueForValueRatio: c.valueForValueRatio,
  };
}

/** The JSON report: ledger counts and errors, the figures as decimal strings, the statistics. */
export function valuationReport(ledger: LedgerResult, terms: OfferTerms, v: OfferValuation): Record<string, unknown> {
  return {
    ledger: ledgerReport(ledger),
    eligible: { grants: v.eligibleCount, shares: v.eligibleShares },
    outstanding: { grants: v.outstandingCount, shares: v.outstandingShares },
    transactionValuation: v.transactionValuation,
    feeRatePerMillion: v.feeRatePerMillion,
    feeRateSource: v.feeRateSource,
    filingFee: v.filingFee,
    feesPreviouslyPaid: v.feesPreviouslyPaid,
    netFeeDue: v.netFeeDue,
    valuation: modelReport(v),
    exchangeCost: exchangeCostReport(v.exchangeCost),
    statistics: {
      eligiblePercentOfOutstanding: v.eligiblePercentOfOutstanding,
      eligiblePercentOfCommon: v.eligiblePercentOfCommon ?? null,
      byExercisePrice: v.bands,
      byHolderClass: v.byClass,
      ineligible: v.ineligible,
      tenderUnits: v.tenderUnits.map((u) => ({ ...u, grantDate: serialToIso(u.grantDate) })),
    },
    assumptions: {
      valuationDate: serialToIso(terms.valuationDate),
      stockPrice: terms.stockPrice,
      volatility: terms.volatility,
      riskFreeRate: terms.riskFreeRate,
      dividendYield: terms.dividendYield,
      termBasis: terms.termBasis,
      valuationModel: terms.valuationModel,
    },
    warnings: v.warnings,
    feeTable: feeTableRows(v),
    footnote: feeFootnote(v, terms),
  };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** A decimal as a percentage for people: 0.1 -> "10%". */
function percentText(x: number): string {
  return `${Number((x * 100).toPrecision(12))}%`;
}

/** Which model gave which figure, in words. */
export function modelText(v: OfferValuation): string[] {
  const m = v.modelValuation;
  const out: string[] = [];
  if (m.sameAsFee) {
    out.push(`Valuation model        ${m.id}: ${m.label}, the model of the figures above (fair value = transaction valuation)`);
    return out;
  }
  const a = m.assumptions;
  const how = a
    ? ` (vesting in ${a.vestingYears} years, exit rate ${percentText(a.exitRate)} a year, ${a.exerciseMultiple === undefined ? "never exercised early" : `exercised at ${a.exerciseMultiple} x the exercise price`}, ${a.stepsPerYear} steps a year)`
    : "";
  out.push(`Valuation model        ${m.id}: ${m.label}${how}`);
  out.push(`Fair value             ${pad(dollars(m.value), 16, true)} ${m.label}`);
  out.push(`                       the transaction valuation, the fee and the bands above are ${v.feeModel.label} (the filing's model, whatever the policy says)`);
  return out;
}

/** The exchange's incremental fair value, in words, or why it is absent. */
export function exchangeCostText(terms: OfferTerms, c: ExchangeCost): string[] {
  if (!c.available) return [`Exchange cost          not figured: ${c.note}`];
  const out: string[] = [];
  out.push(`Exchange cost (ASC 718 incremental fair value, ${c.modelLabel}, as if every eligible option were exchanged)`);
  out.push(
    `  New options          ${pad(count(c.newShares), 14, true)} shares at $${c.newOption.strike} (at the money), ${c.newOption.termYears} years: ` +
      `$${c.newOption.valuePerShare.toFixed(4)} a share (ratio ${c.exchangeRatio}, split ${c.splitFactor}, ${c.rounding})`,
  );
  out.push(`  Value of new options ${pad(dollars(c.newValue), 16, true)}`);
  out.push(`  Value before         ${pad(dollars(c.oldValue), 16, true)} (${count(c.oldShares)} eligible options, each at its remaining term)`);
  out.push(`  Incremental cost     ${pad(dollars(c.incrementalFairValue), 16, true)}${c.difference.startsWith("-") ? ` (the new options are worth ${dollars(c.difference.slice(1))} less: no incremental cost)` : ""}`);
  out.push(
    c.valueForValueRatio === null
      ? "  Value-for-value      no ratio (the old options or the new option are worth nothing)"
      : `  Value-for-value      ${c.valueForValueRatio.toFixed(4)} old options per new option would cost nothing (offer.exchangeRatio: ${terms.exchangeRatio})`,
  );
  return out;
}

/** The readable report. */
export function valuationText(ledger: LedgerResult, terms: OfferTerms, v: OfferValuation): string {
  const out: string[] = [];
  out.push(`${terms.issuerName}: option exchange valued as of ${serialToIso(terms.valuationDate)} (stock $${terms.stockPrice}, volatility ${terms.volatility}, rate ${terms.riskFreeRate}, yield ${terms.dividendYield}, term ${terms.termBasis}, model ${terms.valuationModel})`);
  out.push("");
  out.push(...ledgerText(ledger));
  if (ledger.rejected > 0) out.push(`Warning: ${count(ledger.rejected)} of ${count(ledger.rows)} ledger rows were rejected and are not in these figures (see the row errors above)`);
  for (const w of v.warnings) out.push(`Warning: ${w.message}`);
  out.push("");
  out.push(`Outstanding options    ${pad(count(v.outstandingShares), 14, true)} shares in ${count(v.outstandingCount)} grants`);
  out.push(`Eligible options       ${pad(count(v.eligibleShares), 14, true)} shares in ${count(v.eligibleCount)} grants (${v.eligiblePercentOfOutstanding}% of outstanding${v.eligiblePercentOfCommon ? `; ${v.eligiblePercentOfCommon}% of common stock` : ""})`);
  out.push("");
  out.push(`By exercise price      ${pad("grants", 8, true)} ${pad("shares", 12, true)} ${pad("eligible", 12, true)} ${pad("value", 16, true)}`);
  for (const b of v.bands) {
    out.push(`  ${pad(b.label, 20)} ${pad(count(b.grants), 8, true)} ${pad(count(b.shares), 12, true)} ${pad(count(b.eligibleShares), 12, true)} ${pad(dollars(b.eligibleValue), 16, true)}`);
  }
  out.push("");
  out.push(`Holdings by class (eligible: ${terms.eligibleHolderClasses.join(", ")})`);
  for (const c of v.byClass) {
    const eligible = terms.eligibleHolderClasses.includes(c.holderClass) ? "eligible" : "not eligible";
    out.push(`  ${pad(c.holderClass, 20)} ${pad(count(c.grants), 8, true)} ${pad(count(c.shares), 12, true)}   ${eligible}`);
  }
  out.push("");
  out.push(`Transaction valuation  ${pad(dollars(v.transactionValuation), 16, true)} ${v.feeModel.label} (Exhibit 107 and the fee)`);
  out.push(`Fee rate               ${pad(dollars(v.feeRatePerMillion), 16, true)} per $1,000,000${v.feeRateSource === "FEE_RATE" ? ` (FEE_RATE on ${serialToIso(terms.filingDate)})` : ""}`);
  out.push(`Filing fee             ${pad(dollars(v.filingFee), 16, true)}`);
  out.push(`Net fee due            ${pad(dollars(v.netFeeDue), 16, true)}`);
  out.push("");
  out.push(...modelText(v));
  out.push("");
  out.push(...exchangeCostText(terms, v.exchangeCost));
  out.push("");
  out.push(feeFootnote(v, terms));
  return out.join("\n");
}

const USAGE = "usage: optex value LEDGER.csv --offer OFFER.json [--map column=Header|column=#N|column=]... [--json]";

/** The file's bytes in 1 MiB chunks, read as they are needed. */
export function* fileChunks(path: string): Iterable<Uint8Array> {
  const fd = fs.openSync(path, "r");
  try {
    for (;;) {
      const buffer = new Uint8Array(1 << 20);
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return;
      yield n === buffer.length ? buffer : buffer.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Stops the import before the heap runs out (a V8 out-of-memory abort loses everything). */
export function memoryGuard(): string | undefined {
  const heap = v8.getHeapStatistics();
  // heap_size_limit includes the young generation (about 64 MB): the old space, where the grants
  // live, is the rest; stop at 60% of it, leaving room for the valuation and the report
  const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString("en-US")} MB`;
  // the grants' columns are typed arrays outside the V8 heap: bounded by the machine's memory
  const columns = process.memoryUsage().arrayBuffers;
  if (columns > 0.5 * os.totalmem()) return `the ledger is too large to hold in memory (${mb(columns)} of columns; split the file)`;
  if (heap.used_heap_size < 0.6 * (heap.heap_size_limit - 64 * 2 ** 20)) return undefined;
  return `the ledger is too large to hold in memory (${mb(heap.used_heap_size)} of ${mb(heap.heap_size_limit)} used; run with NODE_OPTIONS=--max-old-space-size=MB for more, or split the file)`;
}

/** Runs `optex value`; returns the exit code. */
export async function runValue(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let ledgerPath: string | undefined;
  let offerPath: string | undefined;
  let json = false;
  const choices: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") json = true;
    else if (a === "--offer" && i + 1 < args.length) offerPath = args[++i];
    else if (a.startsWith("--offer=")) offerPath = a.slice(8);
    else if (a === "--map" && i + 1 < args.length) choices.push(args[++i]);
    else if (a.startsWith("--map=")) choices.push(a.slice(6));
    else if (!ledgerPath && !a.startsWith("--")) ledgerPath = a;
    else {
      err.write(`optex value: unexpected argument ${JSON.stringify(a)}\n${USAGE}\n`);
      return 2;
    }
  }
  if (!ledgerPath || !offerPath) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const offerText = readTextFile(offerPath, "value", err);
  if (offerText === undefined) return 1;
  let terms: OfferTerms;
  try {
    terms = readOfferTerms(readOfferJson(offerText, offerPath));
  } catch (e) {
    if (e instanceof OfferTermsError && e.errors.length > 0) {
      err.write(`optex value: ${offerPath} cannot be used:\n${e.errors.map((x) => `  ${x.message}\n`).join("")}`);
      return 1;
    }
    if (e instanceof CalcError) {
      err.write(`optex value: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const path = ledgerPath;
  try {
    fs.accessSync(path, fs.constants.R_OK);
  } catch (e) {
    err.write(`optex value: cannot read ${path}: ${(e as Error).message}\n`);
    return 1;
  }
  const ledger = await importLedgerBytes(() => fileChunks(path), { choices, shouldStop: memoryGuard });
  if (!mappingReady(ledger) || ledger.stopped) {
    const report = json ? JSON.stringify({ ledger: ledgerReport(ledger) }) : ledgerText(ledger, path).join("\n");
    out.write(report + "\n");
    err.write(`optex value: ${ledger.stopped ? `${path}: ${ledger.stopped}` : `the columns of ${path} could not be mapped (see above): nothing was valued`}\n`);
    return 1;
  }
  try {
    const valuation = valueOffer(ledger.table, terms);
    out.write(json ? JSON.stringify(valuationReport(ledger, terms, valuation)) + "\n" : valuationText(ledger, terms, valuation) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof CalcError) {
      err.write(`optex value: ${e.code} ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
