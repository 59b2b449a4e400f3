/**
 * `optex elections LEDGER.csv --offer OFFER.json --elections LOG.csv [--roster ROSTER.csv] [--json]`
 * and `optex new-grants ... --grant-price P`: the offer's life after the filing from the command
 * line (the rules are src/core/elections/tally.ts).
 */
import * as fs from "fs";
import { CalcError } from "../core/errors";
import { serialToIso } from "../core/dates/serial";
import { mappingReady } from "../core/ledger/parseLedger";
import { importLedgerBytes } from "../core/ledger/importLedger";
import { OfferTerms, OfferTermsError, readOfferJson, readOfferTerms } from "../core/offer/offerTerms";
import { electionTerms } from "../core/offer/records";
import { count } from "../core/offer/feeTable";
import { assembleForms, importElectionLogBytes, LOG_COLUMNS } from "../core/elections/log";
import { importRosterBytes, rosterIndex, ROSTER_COLUMNS } from "../core/elections/roster";
import { FORM_STATUSES, HOLDER_STATUSES, RosterEntry, tallyElections } from "../core/elections/tally";
import { newGrants } from "../core/elections/newGrants";
import { ElectionResults, NewGrantResults } from "../core/elections/types";
import { instantText, isoInZone } from "../core/elections/zonedTime";
import { FlagSpec, readFlags } from "./flags";
import { readTextFile } from "./textFile";
import { fileChunks, ledgerReport, ledgerText, memoryGuard, tableReport, tableText } from "./value";

const USAGE_ELECTIONS =
  "usage: optex elections LEDGER.csv --offer OFFER.json --elections LOG.csv [--roster ROSTER.csv]\n" +
  "                       [--map column=Header|#N] [--elections-map ...] [--roster-map ...] [--json]";
const USAGE_NEW_GRANTS =
  "usage: optex new-grants LEDGER.csv --offer OFFER.json --elections LOG.csv --grant-price P [--roster ROSTER.csv]\n" +
  "                        [--map ...] [--elections-map ...] [--roster-map ...] [--json]";

interface Args {
  ledger?: string;
  offer?: string;
  elections?: string;
  roster?: string;
  grantPrice?: string;
  json: boolean;
  map: string[];
  logMap: string[];
  rosterMap: string[];
}

type ArgKey = "offer" | "elections" | "roster" | "grantPrice" | "map" | "logMap" | "rosterMap";

const FLAGS: FlagSpec<ArgKey> = {
  values: {
    "--offer": "offer",
    "--elections": "elections",
    "--roster": "roster",
    "--grant-price": "grantPrice",
    "--map": "map",
    "--elections-map": "logMap",
    "--roster-map": "rosterMap",
  },
  lists: ["map", "logMap", "rosterMap"],
};

function parseArgs(args: string[], command: string): Args | string {
  const read = readFlags(args, FLAGS);
  if (typeof read === "string") return read;
  if (command !== "new-grants" && read.value.grantPrice !== undefined) return "--grant-price belongs to optex new-grants";
  return { ledger: read.positional, ...read.value, json: read.json, map: read.list.map, logMap: read.list.logMap, rosterMap: read.list.rosterMap };
}

function readable(path: string): string | undefined {
  try {
    fs.accessSync(path, fs.constants.R_OK);
    return undefined;
  } catch (e) {
    return `cannot read ${path}: ${(e as Error).message}`;
  }
}

/** A long list in a report, each item turned into its JSON shape only as it is written. */
class Mapped<T> {
  constructor(
    readonly items: readonly T[],
    readonly shape: (item: T) => unknown,
  ) {}
  toJSON(): unknown[] {
    return this.items.map(this.shape);
  }
}

/**
 * Writes a report as one line of JSON, its long lists item by item in pieces of about 1 MiB (a
 * 100,000-line log's report is tens of megabytes: never one string, never a second copy of it).
 */
export function writeJsonReport(out: NodeJS.WritableStream, report: Record<string, unknown>): void {
  let buffer = "{";
  let first = true;
  const flush = () => {
    out.write(buffer);
    buffer = "";
  };
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue;
    buffer += `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    if (value instanceof Mapped) {
      buffer += "[";
      const items = value.items as readonly unknown[];
      for (let i = 0; i < items.length; i++) {
        buffer += (i === 0 ? "" : ",") + JSON.stringify(value.shape(items[i]));
        if (buffer.length > 1 << 20) flush();
      }
      buffer += "]";
    } else {
      buffer += JSON.stringify(value);
    }
  }
  buffer += "}\n";
  flush();
}

/** The JSON report of `optex elections` (issue 9's names). */
export function electionsReport(r: ElectionResults): Record<string, unknown> {
  const zone = r.terms.timeZone;
  return {
    log: r.log,
    forms: new Mapped(r.forms, (f) => ({
      formId: f.form.formId,
      holderId: f.form.holderId,
      type: f.form.type,
      status: f.status,
      reason: f.reason,
      receivedAt: isoInZone(f.form.receivedAt, zone),
      confirmationDue: serialToIso(f.confirmationDue),
      channel: f.form.channel,
      lines: f.form.lines,
    })),
    formsByStatus: r.formsByStatus,
    rejectedTenders: new Mapped(r.rejectedTenders, (t) => t),
    holders: new Mapped(r.holders, (h) => ({
      holderId: h.holderId,
      holderName: h.holderName,
      status: h.status,
      reason: h.reason,
      formId: h.formId ?? null,
      acceptedGrantIds: h.acceptedGrantIds,
      acceptedShares: h.acceptedShares,
      newOptionShares: h.newOptionShares,
      newOptionSharesByGrant: h.newOptionSharesByGrant,
      eligibleGrants: h.eligibleGrants,
      eligibleShares: h.eligibleShares,
    })),
    holdersByStatus: r.holdersByStatus,
    eligible: r.eligible,
    accepted: r.accepted,
    participationPercent: r.participationPercent,
    newOptionShares: r.newOptionShares,
    byExercisePrice: r.bands,
    dates: {
      expiration: isoInZone(r.expiration, zone),
      cancellationDate: serialToIso(r.cancellationDate),
      promiseToGrantDue: serialToIso(r.promiseToGrantDue),
      newGrantDate: serialToIso(r.newGrantDate),
    },
    calendar: {
      events: r.calendar.events.map((e) => ({ key: e.key, label: e.label, date: serialToIso(e.date), instant: e.isoInstant ?? null, rule: e.rule })),
      flags: r.calendar.flags,
    },
    resultsText: r.resultsText,
    warnings: r.warnings,
  };
}

/** The JSON additions of `optex new-grants`. */
export function newGrantsReport(g: NewGrantResults): Record<string, unknown> {
  return {
    grantPrice: g.grantPrice,
    grantedShares: g.grantedShares,
    forfeitedShares: g.forfeitedShares,
    newGrants: new Mapped(g.newGrants, (n) => ({
      newGrantId: n.newGrantId,
      oldGrantId: n.oldGrantId,
      holderId: n.holderId,
      shares: n.shares,
      exercisePrice: n.exercisePrice,
      grantDate: serialToIso(n.grantDate),
      expirationDate: serialToIso(n.expirationDate),
    })),
    forfeited: g.forfeited,
  };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function byStatus(counts: Record<string, number>, order: readonly string[]): string {
  return order.filter((s) => counts[s] > 0).map((s) => `${count(counts[s])} ${s}`).join(" + ") || "0";
}

/** The readable report of `optex elections`. */
export function electionsText(r: ElectionResults): string[] {
  const zone = r.terms.timeZone;
  const out: string[] = [];
  out.push("Offer calendar");
  for (const e of r.calendar.events) out.push(`  ${pad(e.label, 44)} ${e.instant !== undefined ? instantText(e.instant, zone) : serialToIso(e.date)}`);
  for (const f of r.calendar.flags) out.push(`  Warning: ${f}`);
  out.push("");
  const totalForms = r.forms.length;
  out.push(`Forms: ${count(totalForms)} = ${byStatus(r.formsByStatus, FORM_STATUSES)}`);
  const notCounted = r.forms.filter((f) => f.status !== "counted" && f.status !== "superseded");
  for (const f of notCounted.slice(0, 30)) out.push(`  ${f.form.formId} (${f.form.holderId}, line ${f.form.lines[0]}) ${f.status}: ${f.reason}`);
  if (notCounted.length > 30) out.push(`  ... ${count(notCounted.length - 30)} more (see --json)`);
  if (r.rejectedTenders.length > 0) {
    out.push(`Grants listed but not accepted: ${count(r.rejectedTenders.length)}`);
    for (const t of r.rejectedTenders.slice(0, 30)) out.push(`  ${t.formId} line ${t.line}, grant ${t.grantId} (${t.rule}): ${t.reason}`);
    if (r.rejectedTenders.length > 30) out.push(`  ... ${count(r.rejectedTenders.length - 30)} more (see --json)`);
  }
  out.push(`Holders: ${count(r.holders.length)} = ${byStatus(r.holdersByStatus, HOLDER_STATUSES)}`);
  out.push("");
  out.push(`Eligible options   ${pad(count(r.eligible.shares), 14, true)} shares in ${count(r.eligible.grants)} grants of ${count(r.eligible.holders)} holders`);
  out.push(`Accepted options   ${pad(count(r.accepted.shares), 14, true)} shares in ${count(r.accepted.grants)} grants of ${count(r.accepted.holders)} holders (${r.participationPercent}% of eligible shares)`);
  out.push(`New option shares  ${pad(count(r.newOptionShares), 14, true)} (${r.terms.newOption.rounding}, ${r.terms.newOption.exchangeRatio} old per new, split factor ${r.terms.newOption.splitFactor})`);
  out.push("");
  out.push(`By exercise price  ${pad("eligible", 14, true)} ${pad("accepted", 14, true)}`);
  for (const b of r.bands) out.push(`  ${pad(b.label, 16)} ${pad(count(b.eligibleShares), 14, true)} ${pad(count(b.acceptedShares), 14, true)}`);
  out.push("");
  out.push(`Cancellation ${serialToIso(r.cancellationDate)}; Promise to Grant due ${serialToIso(r.promiseToGrantDue)}; new grant date ${serialToIso(r.newGrantDate)}`);
  out.push("");
  out.push(r.resultsText);
  for (const w of r.warnings) out.push(`Warning: ${w}`);
  return out;
}

/** The readable additions of `optex new-grants`. */
export function newGrantsText(g: NewGrantResults, r: ElectionResults): string[] {
  const out: string[] = [""];
  out.push(`New grants on ${serialToIso(r.newGrantDate)} at $${g.grantPrice}: ${count(g.newGrants.length)} grants, ${count(g.grantedShares)} shares`);
  for (const n of g.newGrants.slice(0, 50)) {
    out.push(`  ${pad(n.newGrantId, 14)} ${pad(n.holderId, 10)} ${pad(count(n.shares), 10, true)} shares, expires ${serialToIso(n.expirationDate)} (for ${n.oldGrantId})`);
  }
  if (g.newGrants.length > 50) out.push(`  ... ${count(g.newGrants.length - 50)} more (see --json)`);
  out.push(`Forfeited: ${count(g.forfeited.length)} holders, ${count(g.forfeitedShares)} shares`);
  for (const f of g.forfeited) out.push(`  ${f.holderId} (${f.oldGrantIds.join(", ")}; ${count(f.shares)} shares): ${f.reason}`);
  return out;
}

/** Runs `optex elections` or `optex new-grants`; returns the exit code. */
export async function runElections(command: "elections" | "new-grants", args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const usage = command === "elections" ? USAGE_ELECTIONS : USAGE_NEW_GRANTS;
  const a = parseArgs(args, command);
  if (typeof a === "string") {
    err.write(`optex ${command}: ${a}\n${usage}\n`);
    return 2;
  }
  if (!a.ledger || !a.offer || !a.elections || (command === "new-grants" && a.grantPrice === undefined)) {
    err.write(`${usage}\n`);
    return 2;
  }
  const fail = (message: string) => {
    err.write(`optex ${command}: ${message}\n`);
    return 1;
  };
  for (const p of [a.ledger, a.offer, a.elections, a.roster]) {
    const problem = p === undefined ? undefined : readable(p);
    if (problem) return fail(problem);
  }
  const offerText = readTextFile(a.offer, command, err);
  if (offerText === undefined) return 1;
  let terms: OfferTerms;
  let election;
  try {
    terms = readOfferTerms(readOfferJson(offerText, a.offer));
    election = electionTerms(terms, `optex ${command}`);
  } catch (e) {
    if (e instanceof OfferTermsError && e.errors.length > 0) return fail(`${a.offer} cannot be used:\n${e.errors.map((x) => `  ${x.message}`).join("\n")}`);
    if (e instanceof CalcError) return fail(e.message);
    throw e;
  }
  const ledgerPath = a.ledger;
  const ledger = await importLedgerBytes(() => fileChunks(ledgerPath), { choices: a.map, shouldStop: memoryGuard });
  const logPath = a.elections;
  const logTable = await importElectionLogBytes(() => fileChunks(logPath), { choices: a.logMap, shouldStop: memoryGuard });
  const rosterPath = a.roster;
  const rosterTable = rosterPath === undefined ? undefined : await importRosterBytes(() => fileChunks(rosterPath), { choices: a.rosterMap });
  const notReady: string[] = [];
  if (!mappingReady(ledger) || ledger.stopped) notReady.push(ledger.stopped ? `${ledgerPath}: ${ledger.stopped}` : `the columns of ${ledgerPath} could not be mapped`);
  if (!mappingReady(logTable) || logTable.stopped) notReady.push(logTable.stopped ? `${logPath}: ${logTable.stopped}` : `the columns of ${logPath} could not be mapped`);
  if (rosterTable && (!mappingReady(rosterTable) || rosterTable.stopped)) notReady.push(rosterTable.stopped ? `${rosterPath}: ${rosterTable.stopped}` : `the columns of ${rosterPath} could not be mapped`);
  if (notReady.length > 0) {
    if (a.json) {
      out.write(JSON.stringify({ ledger: ledgerReport(ledger), log: tableReport(logTable, LOG_COLUMNS), roster: rosterTable ? tableReport(rosterTable, ROSTER_COLUMNS) : null }) + "\n");
    } else {
      const lines = [...ledgerText(ledger, ledgerPath), "", ...tableText(logTable, LOG_COLUMNS, "Election log", logPath, "--elections-map", "Lines")];
      if (rosterTable) lines.push("", ...tableText(rosterTable, ROSTER_COLUMNS, "Roster", rosterPath, "--roster-map"));
      out.write(lines.join("\n") + "\n");
    }
    return fail(`${notReady.join("; ")} (see above): nothing was tallied`);
  }
  try {
    const { forms, log } = assembleForms(logTable, election.timeZone);
    const roster: Map<string, RosterEntry> | undefined = rosterTable ? rosterIndex(rosterTable.table) : undefined;
    const results = tallyElections({ ledger: ledger.table, terms: election, forms, log, roster });
    const grants = command === "new-grants" ? newGrants(results, ledger.table, a.grantPrice as string, roster) : undefined;
    if (a.json) {
      const report: Record<string, unknown> = { ledger: ledgerReport(ledger), roster: rosterTable ? tableReport(rosterTable, ROSTER_COLUMNS) : null, ...electionsReport(results) };
      if (grants) Object.assign(report, newGrantsReport(grants));
      writeJsonReport(out, report);
    } else {
      const lines = [`${terms.issuerName}: elections and results`, "", ...ledgerText(ledger, ledgerPath), ""];
      lines.push(...tableText({ ...logTable, rows: log.rows, accepted: log.accepted, rejected: log.rejected, errors: log.errors as typeof logTable.errors }, LOG_COLUMNS, "Election log", logPath, "--elections-map", "Lines"), "");
      if (rosterTable) lines.push(...tableText(rosterTable, ROSTER_COLUMNS, "Roster", rosterPath, "--roster-map"), "");
      lines.push(...electionsText(results));
      if (grants) lines.push(...newGrantsText(grants, results));
      out.write(lines.join("\n") + "\n");
    }
    return 0;
  } catch (e) {
    if (e instanceof CalcError) return fail(`${e.code} ${e.message}`);
    throw e;
  }
}
