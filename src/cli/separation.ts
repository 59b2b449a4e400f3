/**
 * `optex separation TERMS.json [--json]`: an executive separation's dates, payments, awards before and
 * after, the ASC 718 incremental fair value and the tax flags (src/core/separations). The terms are
 * read by the one reader the pane uses; every problem is listed with the field's path.
 */
import * as fs from "fs";
import { CalcError } from "../core/errors";
import { serialToIso } from "../core/dates/serial";
import { count, dollars } from "../core/offer/feeTable";
import { computeSeparation } from "../core/separations/separation";
import { readSeparationJson, readSeparationTerms, SeparationTermsError } from "../core/separations/terms";
import { awardReport, separationReport } from "../core/separations/report";
import { AwardOutcome, ContingentPayment, PaymentTotals, TERMINATION_REASON_WORDS, SeparationPayment, SeparationResult } from "../core/separations/types";
import { Money } from "../core/separations/money";
import { HOURS_LOG_COLUMNS, hoursLogMonths, importHoursLogBytes, withHoursLog } from "../core/separations/hoursLog";
import { mappingReady } from "../core/ledger/parseLedger";
import { FlagSpec, readFlags } from "./flags";
import { readTextFile } from "./textFile";
import { fileChunks, tableReport, tableText } from "./value";

const USAGE = "usage: optex separation TERMS.json [--hours HOURS.csv [--hours-map column=Header|#N]...] [--json]";

const iso = (serial: number | undefined): string => (serial === undefined ? "-" : serialToIso(serial));
const money = (m: Money): string => dollars(m.toFixed(2));
const pad = (text: string, width: number, right = false): string => (right ? text.padStart(width) : text.padEnd(width));
/** A float dollar figure to the cent for people ($1,234.57). */
const usd = (x: number): string => dollars(x.toFixed(2));

function paymentLines(payments: readonly SeparationPayment[]): string[] {
  const out: string[] = [];
  let running = new Money(0);
  out.push(`  ${pad("date", 10)}  ${pad("kind", 14)} ${pad("amount", 15, true)} ${pad("cumulative", 15, true)}  description`);
  for (const p of payments) {
    running = running.plus(p.amount);
    out.push(`  ${iso(p.date)}  ${pad(p.kind, 14)} ${pad(money(p.amount), 15, true)} ${pad(money(running), 15, true)}  ${p.description}`);
  }
  return out;
}

function totalLines(t: PaymentTotals): string[] {
  const out = Object.entries(t.byKind).map(([kind, amount]) => `  ${pad(kind, 16)} ${pad(money(amount as Money), 16, true)}`);
  out.push(`  ${pad("total", 16)} ${pad(money(t.total), 16, true)}`);
  return out;
}

function contingentLines(list: readonly ContingentPayment[]): string[] {
  return list.map((c) => `  ${c.description} (${c.kind}${c.amount === undefined ? "" : `, ${money(c.amount)}`}): not due: ${c.reason}`);
}

/** Each award before -> after, for people. */
function awardLines(awards: readonly AwardOutcome[], valued: boolean): string[] {
  const out: string[] = [];
  for (const a of awards) {
    const j = awardReport(a);
    out.push(`  ${a.awardId} (${a.kind}, ${count(a.shares)} shares): type ${a.modificationType}`);
    out.push(
      `    vested ${count(a.vestedBefore)} -> ${count(a.vestedShares)}; accelerated ${count(a.acceleratedShares)}, ` +
        `forfeited under its terms ${count(a.forfeitedShares)}, cancelled by the agreement ${count(a.cancelledShares)}, repurchased ${count(a.repurchasedShares)}`,
    );
    if (a.kind === "option") {
      const before = a.vestedBefore > 0 ? (j.expirationBefore ?? "-") : "- (none vested)";
      const after = a.vestedShares > 0 ? (j.expirationAfter ?? "-") : "- (nothing left to exercise)";
      out.push(`    last exercise day ${before} -> ${after}`);
    }
    const per = (v: { perShare: number; termYears: number } | undefined) => (v ? ` ($${v.perShare.toFixed(4)} a share, ${v.termYears.toFixed(4)} years)` : "");
    if (valued) out.push(`    fair value ${usd(a.fairValueBefore)}${per(a.valueBefore)} -> ${usd(a.fairValueAfter)}${per(a.valueAfter)}; incremental ${usd(a.incrementalFairValue)}`);
  }
  return out;
}

/** The readable report. */
export function separationText(r: SeparationResult): string {
  const t = r.terms;
  const out: string[] = [];
  out.push(`${t.executive} and ${t.company}: ${t.agreementName} dated ${iso(t.agreementDate)}, effective ${iso(r.agreementEffectiveDate)}`);
  out.push(`Employment ends ${iso(t.employmentEndDate)} (${TERMINATION_REASON_WORDS[t.terminationReason]}); service ends ${iso(r.serviceEndDate)}`);
  for (const [label, rel] of [["Release", r.release], ["Supplemental release", r.supplementalRelease]] as const) {
    if (!rel) continue;
    const consider = rel.considerationDeadline === undefined ? "" : `, consider by ${iso(rel.considerationDeadline)}`;
    out.push(`${label}: signed ${iso(rel.signedDate)}${consider}, revocable through ${iso(rel.revocationEnds)}, effective ${iso(rel.effectiveDate)}`);
  }
  out.push("", "Timeline");
  for (const e of r.timeline) out.push(`  ${iso(e.date)}  ${e.label}`);
  out.push("", `Payments (${count(r.payments.length)})`);
  out.push(...paymentLines(r.payments));
  if (r.contingent.length > 0) out.push("", "Not due on these facts", ...contingentLines(r.contingent));
  out.push("", "Totals by kind", ...totalLines(r.totals));
  if (r.consulting) {
    out.push("", `Consulting ${iso(r.consulting.startDate)} to ${iso(r.consulting.endDate)}`);
    if (r.consulting.months.length === 0) out.push("  no hours logged");
    for (const m of r.consulting.months) {
      out.push(`  ${iso(m.month).slice(0, 7)}  ${m.hours} hours, ${m.billableHours} billable: ${money(m.fee)} (invoice ${iso(m.invoiceDate)}, due by ${iso(m.dueDate)})`);
    }
  }
  for (const b of r.benefits) out.push(`Benefits: ${b.description}, ${iso(b.startDate)} to ${iso(b.endDate)}`);
  if (r.awards.length > 0) {
    const m = t.market;
    out.push(
      "",
      m
        ? `Awards before -> after (valued on ${iso(m.modificationDate)} with Black-Scholes-Merton: stock $${m.stockPrice}, volatility ${m.volatility}, rate ${m.riskFreeRate}, yield ${m.dividendYield})`
        : "Awards before -> after (the terms give no market: no fair values)",
    );
    out.push(...awardLines(r.awards, m !== undefined));
    if (m) out.push(`Incremental fair value (ASC 718)  ${usd(r.incrementalFairValue)}`);
  }
  if (r.flags.length > 0) {
    out.push("", "Flags (not computed here)");
    for (const f of r.flags) out.push(`  ${f.code}: ${f.message}`);
  }
  for (const s of r.scenarios) {
    out.push("", `Scenario: ${s.name}`);
    out.push(`  employment ends ${iso(s.employmentEndDate)} (${TERMINATION_REASON_WORDS[s.terminationReason]}), service ends ${iso(s.serviceEndDate)}; releases, consulting hours and benefits as above`);
    out.push(...paymentLines(s.payments));
    if (s.contingent.length > 0) out.push("  Not due in this scenario", ...contingentLines(s.contingent));
    out.push("  Totals by kind", ...totalLines(s.totals));
    if (s.awards.length > 0) {
      out.push("  Awards in this scenario", ...awardLines(s.awards, t.market !== undefined).map((line) => `  ${line}`));
      if (t.market) out.push(`  Incremental fair value (ASC 718)  ${usd(s.incrementalFairValue)}`);
    }
    for (const f of s.flags) out.push(`  ${f.code}: ${f.message}`);
  }
  return out.join("\n");
}

interface Args {
  terms?: string;
  hours?: string;
  hoursMap: string[];
  json: boolean;
}

const FLAGS: FlagSpec<"hours" | "hoursMap"> = { values: { "--hours": "hours", "--hours-map": "hoursMap" }, lists: ["hoursMap"] };

function parseArgs(args: string[]): Args | string {
  const read = readFlags(args, FLAGS);
  if (typeof read === "string") return read;
  return { terms: read.positional, hours: read.value.hours, hoursMap: read.list.hoursMap, json: read.json };
}

/** Runs `optex separation`; returns the exit code. */
export async function runSeparation(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const a = parseArgs(args);
  if (typeof a === "string" || a.terms === undefined) {
    err.write(`${typeof a === "string" ? `optex separation: ${a}\n` : ""}${USAGE}\n`);
    return 2;
  }
  const file = a.terms;
  const fail = (message: string) => {
    err.write(`optex separation: ${message}\n`);
    return 1;
  };
  const text = readTextFile(file, "separation", err);
  if (text === undefined) return 1;
  try {
    let terms = readSeparationTerms(readSeparationJson(text, file));
    let hoursLines: string[] = [];
    let hoursTable: Record<string, unknown> | null = null;
    const warnings: string[] = [];
    if (a.hours !== undefined) {
      const hoursPath = a.hours;
      try {
        fs.accessSync(hoursPath, fs.constants.R_OK);
      } catch (e) {
        return fail(`cannot read ${hoursPath}: ${(e as Error).message}`);
      }
      const log = await importHoursLogBytes(() => fileChunks(hoursPath), { choices: a.hoursMap });
      hoursLines = tableText(log, HOURS_LOG_COLUMNS, "Hours log", hoursPath, "--hours-map", "Lines");
      hoursTable = tableReport(log, HOURS_LOG_COLUMNS);
      if (!mappingReady(log) || log.stopped) {
        if (!a.json) out.write(hoursLines.join("\n") + "\n");
        return fail(`${log.stopped ? `${hoursPath}: ${log.stopped}` : `the columns of ${hoursPath} could not be mapped`} (see above): nothing was computed`);
      }
      if (log.rejected > 0) {
        const warning = `${count(log.rejected)} of ${count(log.rows)} lines of ${hoursPath} were rejected and their hours are not in these figures (see the line errors)`;
        warnings.push(warning);
        hoursLines.push(`Warning: ${warning}`);
      }
      const { months, problems } = hoursLogMonths(log.table);
      const merged = withHoursLog(terms, months, hoursPath);
      const all = [...problems.map((p) => `${hoursPath} ${p.message}`), ...merged.problems];
      if (!merged.terms || all.length > 0) return fail(all.join("\n"));
      terms = merged.terms;
    }
    const result = computeSeparation(terms);
    if (a.json) {
      out.write(JSON.stringify({ ...separationReport(result), hoursLog: hoursTable, warnings }) + "\n");
    } else {
      const lines = hoursLines.length > 0 ? [...hoursLines, ""] : [];
      out.write([...lines, separationText(result)].join("\n") + "\n");
    }
    return 0;
  } catch (e) {
    if (e instanceof SeparationTermsError && e.errors.length > 0) return fail(`${file} cannot be used:\n${e.errors.map((x) => `  ${x.message}`).join("\n")}`);
    if (e instanceof CalcError) return fail(`${e.code} ${e.message}`);
    throw e;
  }
}
