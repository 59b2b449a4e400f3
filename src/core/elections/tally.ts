/**
 * The offer's rules applied to the forms received (seed 004, Offer to Exchange sections 4-6; DOMAIN.md
 * section 1): which forms count, which form of each holder wins, which grants its election may tender,
 * and what each holder is promised.
 *
 * Forms, in this order of checks (the first that applies is the status; the reason says every one):
 * - `invalid`: its lines disagree (holder, type, times, channel), or it was signed after it was
 *   received (the day, or the time when the form gives one, against the receipt's wall clock in the
 *   offer's zone);
 * - `late`: received at or after the expiration instant ("before 5:00 p.m., Pacific Time" counts:
 *   4:59:59 p.m. is on time, 5:00:00 p.m. is late);
 * - `channel`: not by a channel the offer accepts (seed: fax or hand delivery; "e-mail responses are
 *   not acceptable");
 * - of a holder's other forms, the one signed latest wins (`counted`) and replaces every earlier one
 *   (`superseded`): signatures compare by day, then by time when both forms give one; equal signatures
 *   go to the later receipt; equal signatures received at the same instant are a `conflict` (both),
 *   and the holder is not accepted until someone decides.
 *
 * Holders: `no-response` when no readable form came from them; `not-accepted` when forms came but
 * none counts (late, by e-mail, invalid, in conflict) or nothing they listed could be accepted.
 *
 * A winning Notice to Withdraw withdraws everything; a winning Election Form tenders the grants it
 * lists, each accepted only when it is that holder's, eligible (the valuation's rules, with the
 * roster's termination date when a roster is given), tendered whole (a `shares` figure that differs
 * from the shares outstanding is a partial tender) and, for same-day grants of one holder (an ISO +
 * NSO split), tendered with its pair. Every grant not accepted is a {@link RejectedTender} with its
 * rule and reason.
 *
 * New option shares per accepted grant: NEW_OPTION_SHARES(shares, exchange ratio, split factor),
 * rounded by the offer's rule: `floor-per-grant` (each grant floored), `nearest-per-grant` (each
 * grant to the nearest share, halves up), `floor-per-holder` (the holder's total floored; the grants
 * get their floors and the shares left over go one each to the grants with the largest fractions,
 * ledger order breaking ties, so the grants add up to the holder's total).
 */
import Decimal from "decimal.js";
import { serialToIso } from "../dates/serial";
import { roundNewShares as roundShares, shareFactor, ShareFactor } from "../equity/newOptionShares";
import { GrantTable } from "../ledger/grantTable";
import { PRICE_BANDS } from "../offer/aggregate";
import { codesIn, eligibilityRules, ineligibleCode, INELIGIBLE_REASONS } from "../offer/eligibility";
import { longDate, count } from "../offer/feeTable";
import { confirmationDue, offerCalendar } from "./offerCalendar";
import { resultsParagraph } from "./documents";
import {
  Counts,
  ElectionForm,
  ElectionResults,
  ElectionTerms,
  FormOutcome,
  FormStatus,
  HolderOutcome,
  HolderStatus,
  LogSummary,
  ParticipationBand,
  RejectedTender,
  TenderRejection,
} from "./types";
import { instantText, instantToLocal, utcAsSerial } from "./zonedTime";

/** What the tally needs of a roster line. */
export interface RosterEntry {
  line?: number;
  holderName?: string;
  /** Excel serial; undefined = still employed. */
  terminationDate?: number;
}

export interface TallyInputs {
  ledger: GrantTable;
  terms: ElectionTerms;
  forms: readonly ElectionForm[];
  log: LogSummary;
  /** Employees by holder id (optional): its termination dates replace the ledger's. */
  roster?: ReadonlyMap<string, RosterEntry>;
}

export const FORM_STATUSES: readonly FormStatus[] = ["counted", "superseded", "late", "channel", "invalid", "conflict"];
export const HOLDER_STATUSES: readonly HolderStatus[] = ["tendered", "withdrawn", "declined", "no-response", "not-accepted"];

const CHANNEL_NAMES: Record<string, string> = { fax: "fax", hand: "hand delivery", email: "e-mail", mail: "mail", courier: "courier", web: "the web" };

function channelName(channel: string): string {
  return CHANNEL_NAMES[channel] ?? JSON.stringify(channel);
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A signature as written, for messages: "7/24/2003" or "7/24/2003 4:15 p.m.". */
function signedText(form: ElectionForm): string {
  const day = Math.floor(form.signedAt);
  if (!form.signedTime) return serialToIso(day);
  const minutes = Math.round((form.signedAt - day) * 1440);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${serialToIso(day)} ${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** > 0 when form a was signed after form b, < 0 before, 0 when the signatures are equal. */
function compareSignatures(a: ElectionForm, b: ElectionForm): number {
  const da = Math.floor(a.signedAt);
  const db = Math.floor(b.signedAt);
  if (da !== db) return da - db;
  if (a.signedTime && b.signedTime && a.signedAt !== b.signedAt) return a.signedAt - b.signedAt;
  return 0;
}

/** New option shares for each of a holder's accepted grants, by the offer's rounding rule (see equity/newOptionShares.ts). */
export function roundNewShares(shares: readonly number[], terms: ElectionTerms | ShareFactor): number[] {
  return roundShares(shares, "newOption" in terms ? factorOf(terms) : terms);
}

function factorOf(terms: ElectionTerms): ShareFactor {
  const { exchangeRatio, splitFactor, rounding } = terms.newOption;
  return shareFactor(exchangeRatio, splitFactor, rounding);
}

interface HolderWork {
  holderId: string;
  holderName: string;
  /** Ledger rows of the holder's grants. */
  grants: number[];
  eligibleGrants: number;
  eligibleShares: number;
  forms: number[];
}

/** The tally, a slice at a time (the pane), or at once ({@link tallyElections}). */
export function startTally(inputs: TallyInputs): { step: (n: number) => boolean; done: () => number; total: number; finish: () => ElectionResults } {
  const { ledger: t, terms, forms, roster } = inputs;
  const zone = terms.timeZone;
  const calendar = offerCalendar(terms);
  const deadline = calendar.deadline;
  const rules = eligibilityRules(terms.offer);
  const classOk = codesIn(t.holderClass.values, rules.classes);
  const countryOk = codesIn(t.country.values, rules.countries);
  const warnings: string[] = [];
  const factor = factorOf(terms);

  const eligibleReason = new Uint8Array(t.length); // 0 = eligible, else INELIGIBLE_REASONS index + 1
  const grantRow = new Map<string, number>();
  const holders = new Map<string, HolderWork>();
  const holderOf = (id: string, name: string): HolderWork => {
    let h = holders.get(id);
    if (!h) {
      h = { holderId: id, holderName: name, grants: [], eligibleGrants: 0, eligibleShares: 0, forms: [] };
      holders.set(id, h);
    } else if (!h.holderName && name) h.holderName = name;
    return h;
  };
  let rosterDiffers = 0;
  const rosterDiffersExamples: string[] = [];

  const outcomes: FormOutcome[] = new Array(forms.length);
  let ledgerDone = 0;
  let formsDone = 0;
  /** Grants, forms and holders (at most one holder a grant or a form). */
  const total = t.length + 2 * forms.length;

  const stepLedger = (end: number) => {
    for (let i = ledgerDone; i < end; i++) {
      const id = t.grantId.get(i);
      grantRow.set(id, i);
      const holderId = t.holderId.get(i);
      let code = ineligibleCode(t, i, rules, classOk, countryOk);
      const entry = roster?.get(holderId);
      if (entry && (code === 0 || code === 7)) {
        // the roster's termination date replaces the ledger's
        const ledgerTermination = t.terminationDate[i];
        const rosterTermination = entry.terminationDate ?? 0;
        if (ledgerTermination !== 0 && ledgerTermination !== rosterTermination) {
          rosterDiffers++;
          if (rosterDiffersExamples.length < 3) {
            rosterDiffersExamples.push(`${holderId} (ledger ${serialToIso(ledgerTermination)}, roster ${rosterTermination ? serialToIso(rosterTermination) : "still employed"})`);
          }
        }
        code = rosterTermination !== 0 && rosterTermination <= rules.cancellationDate ? 7 : 0;
      }
      eligibleReason[i] = code;
      if (holderId === "") continue;
      const h = holderOf(holderId, t.holderName.get(i));
      h.grants.push(i);
      if (code === 0) {
        h.eligibleGrants++;
        h.eligibleShares += t.sharesOutstanding[i];
      }
    }
    ledgerDone = end;
  };

  // the same for every form: worded once
  const acceptedWords = `the offer accepts only ${listWords(terms.acceptedChannels.map(channelName))}`;
  const deadlineWords = instantText(deadline, zone);
  /**
   * Confirmation due dates by receipt hour: forms bunch on a few days, and New York's days begin on a
   * whole UTC hour (its offsets are whole hours), so every instant of an hour but its first shares
   * a due date (the first instant ends the day before: midnight Eastern belongs to the day it ends).
   */
  const dueByHour = new Map<number, number>();
  const dueFor = (receivedAt: number): number => {
    if (receivedAt % 3_600_000 === 0) return confirmationDue(receivedAt);
    const hour = Math.floor(receivedAt / 3_600_000);
    let due = dueByHour.get(hour);
    if (due === undefined) {
      due = confirmationDue(receivedAt);
      dueByHour.set(hour, due);
    }
    return due;
  };

  const stepForms = (end: number) => {
    for (let k = formsDone; k < end; k++) {
      const form = forms[k];
      let status: FormStatus = "counted";
      let reason = "";
      const problem = (s: FormStatus, r: string) => {
        if (reason === "") status = s;
        reason = reason === "" ? r : `${reason}; ${r}`;
      };
      if (form.inconsistency) problem("invalid", form.inconsistency);
      // a wall clock is within a day of UTC: only a signature near or after the receipt needs the zone
      const signedNear = form.signedAt > utcAsSerial(form.receivedAt) - 2;
      if (signedNear) {
        const receivedLocal = instantToLocal(form.receivedAt, zone);
        const signedLate = form.signedTime ? form.signedAt > receivedLocal : Math.floor(form.signedAt) > Math.floor(receivedLocal);
        if (signedLate) problem("invalid", `signed ${signedText(form)}, after it was received (${instantText(form.receivedAt, zone)}): a form cannot be signed after it was received`);
      }
      if (form.receivedAt >= deadline) problem("late", `received ${instantText(form.receivedAt, zone)}, not before the offer expired at ${deadlineWords}`);
      if (!terms.acceptedChannels.includes(form.channel)) problem("channel", `sent by ${channelName(form.channel)}; ${acceptedWords}`);
      outcomes[k] = { form, status, reason, confirmationDue: dueFor(form.receivedAt) };
      holderOf(form.holderId, "").forms.push(k);
    }
    formsDone = end;
  };

  const rejectedTenders: RejectedTender[] = [];
  const holderOutcomes: HolderOutcome[] = [];
  const accepted = new Uint8Array(t.length);
  const acceptedNew = new Float64Array(t.length);
  let holderList: HolderWork[] | undefined;
  let holdersDone = 0;

  /** Decides one holder: the winning form, the grants it tenders, the new option shares. */
  const decide = (h: HolderWork): void => {
    if (h.eligibleGrants === 0 && h.forms.length === 0) return;
    const out: HolderOutcome = {
      holderId: h.holderId,
      holderName: h.holderName,
      status: "no-response",
      reason: "",
      acceptedGrants: [],
      acceptedGrantIds: [],
      acceptedShares: 0,
      newOptionSharesByGrant: [],
      newOptionShares: 0,
      eligibleGrants: h.eligibleGrants,
      eligibleShares: h.eligibleShares,
    };
    holderOutcomes.push(out);
    const standing: number[] = [];
    for (const k of h.forms) if (outcomes[k].status === "counted") standing.push(k);
    if (standing.length === 0) {
      // no readable form at all: no response; forms that do not count (late, by e-mail, invalid): not accepted
      // (seed: "we will not accept late tenders of options under any circumstances")
      if (h.forms.length === 0) out.reason = "no form received";
      else {
        out.status = "not-accepted";
        out.reason = `no form counts: ${h.forms.map((k) => `${forms[k].formId} (${outcomes[k].status})`).join(", ")}`;
      }
      return;
    }
    // the winner: signed latest, then received latest
    let win = standing[0];
    for (const k of standing.slice(1)) {
      const c = compareSignatures(forms[k], forms[win]) || forms[k].receivedAt - forms[win].receivedAt;
      if (c > 0) win = k;
    }
    const ties = standing.filter((k) => k !== win && compareSignatures(forms[k], forms[win]) === 0 && forms[k].receivedAt === forms[win].receivedAt);
    for (const k of standing) {
      if (k === win || ties.includes(k)) continue;
      outcomes[k].status = "superseded";
      outcomes[k].reason = `replaced by ${forms[win].formId}, signed ${signedText(forms[win])} (the later-signed form replaces the earlier)`;
    }
    if (ties.length > 0) {
      const ids = [win, ...ties].map((k) => forms[k].formId);
      for (const k of [win, ...ties]) {
        outcomes[k].status = "conflict";
        outcomes[k].reason = `${listWords(ids)} were signed ${signedText(forms[win])} and received at the same instant (${instantText(forms[win].receivedAt, zone)}): which one stands must be decided by hand`;
      }
      out.status = "not-accepted";
      out.reason = `forms ${listWords(ids)} conflict`;
      return;
    }
    const form = forms[win];
    out.formId = form.formId;
    outcomes[win].reason = standing.length > 1 ? `signed latest of ${h.forms.length === standing.length ? "the holder's forms" : "the holder's forms that count"}: it replaces the earlier ones` : "the holder's only form that counts";
    if (form.type === "withdrawal") {
      out.status = "withdrawn";
      out.reason = `Notice to Withdraw ${form.formId} withdraws every option tendered`;
      if (form.ignoredGrantIds.length) {
        outcomes[win].reason = `lists grant${form.ignoredGrantIds.length === 1 ? "" : "s"} ${listWords(form.ignoredGrantIds)}; a Notice to Withdraw withdraws every option tendered, not some`;
      }
      return;
    }
    if (form.tenders.length === 0) {
      out.status = "declined";
      out.reason = `Election Form ${form.formId} lists no options`;
      return;
    }
    // the grants the winning election lists
    const taken: number[] = [];
    const rejectedBefore = rejectedTenders.length;
    const reject = (line: number, grantId: string, rule: TenderRejection, reason: string) => rejectedTenders.push({ formId: form.formId, line, grantId, rule, reason });
    const tenders = form.tenders;
    for (let j = 0; j < tenders.length; j++) {
      const tender = tenders[j];
      let listedBefore = false;
      for (let i = 0; i < j && !listedBefore; i++) listedBefore = tenders[i].grantId === tender.grantId;
      if (listedBefore) {
        reject(tender.line, tender.grantId, "duplicate", `grant ${tender.grantId} is listed twice on ${form.formId}; the first line counts`);
        continue;
      }
      const row = grantRow.get(tender.grantId);
      if (row === undefined) {
        reject(tender.line, tender.grantId, "unknown-grant", `grant ${tender.grantId} is not in the ledger`);
        continue;
      }
      if (t.holderId.get(row) !== h.holderId) {
        reject(tender.line, tender.grantId, "other-holder", `grant ${tender.grantId} is held by ${t.holderId.get(row) || "no holder"}, not ${h.holderId}`);
        continue;
      }
      if (eligibleReason[row] !== 0) {
        reject(tender.line, tender.grantId, "not-eligible", `grant ${tender.grantId} is not eligible (${ineligibleWords(t, row, eligibleReason[row], terms, roster)})`);
        continue;
      }
      const outstanding = t.sharesOutstanding[row];
      if (tender.shares !== undefined && tender.shares !== outstanding) {
        reject(
          tender.line,
          tender.grantId,
          "partial",
          `${count(tender.shares)} shares of grant ${tender.grantId} tendered; all ${count(outstanding)} outstanding shares must be tendered or none (a partial tender is not accepted)`,
        );
        continue;
      }
      taken.push(row);
    }
    // same-day grants of the holder (an ISO + NSO split): both or neither
    const splitRows: number[] = [];
    for (const row of taken) {
      if (h.grants.length === 1) break;
      const missing = h.grants.filter((g) => g !== row && eligibleReason[g] === 0 && t.grantDate[g] === t.grantDate[row] && !taken.includes(g));
      if (missing.length === 0) continue;
      splitRows.push(row);
      const line = form.tenders.find((x) => x.grantId === t.grantId.get(row))?.line ?? form.lines[0];
      reject(
        line,
        t.grantId.get(row),
        "split-pair",
        `grant ${t.grantId.get(row)} was granted ${serialToIso(t.grantDate[row])} with ${listWords(missing.map((g) => t.grantId.get(g)))} (an ISO + NSO split); both must be tendered or neither`,
      );
    }
    const acceptedRows = (splitRows.length ? taken.filter((r) => !splitRows.includes(r)) : taken).sort((a, b) => a - b);
    if (acceptedRows.length === 0) {
      out.status = "not-accepted";
      out.reason = `no option listed on ${form.formId} could be accepted`;
      return;
    }
    const newShares = roundNewShares(acceptedRows.map((r) => t.sharesOutstanding[r]), factor);
    out.status = "tendered";
    out.reason = `Election Form ${form.formId}`;
    out.acceptedGrants = acceptedRows;
    out.acceptedGrantIds = acceptedRows.map((r) => t.grantId.get(r));
    out.acceptedShares = acceptedRows.reduce((s, r) => s + t.sharesOutstanding[r], 0);
    out.newOptionSharesByGrant = newShares;
    out.newOptionShares = newShares.reduce((s, n) => s + n, 0);
    acceptedRows.forEach((r, k) => {
      accepted[r] = 1;
      acceptedNew[r] = newShares[k];
    });
    const rejectedHere = rejectedTenders.length - rejectedBefore;
    if (rejectedHere > 0) out.reason += ` (${rejectedHere} listed grant${rejectedHere === 1 ? "" : "s"} not accepted)`;
  };

  const step = (n: number): boolean => {
    if (ledgerDone < t.length) {
      stepLedger(Math.min(t.length, ledgerDone + n));
      return false;
    }
    if (formsDone < forms.length) {
      stepForms(Math.min(forms.length, formsDone + n));
      return false;
    }
    // every holder with an eligible grant or a form, in ledger order, then log order
    if (!holderList) {
      holderList = [];
      for (const h of holders.values()) if (h.eligibleGrants > 0 || h.forms.length > 0) holderList.push(h);
    }
    if (holdersDone < holderList.length) {
      const end = Math.min(holderList.length, holdersDone + n);
      for (let k = holdersDone; k < end; k++) decide(holderList[k]);
      holdersDone = end;
      return false;
    }
    return true;
  };

  const finish = (): ElectionResults => {
    while (!step(65536));
    if (rosterDiffers > 0) {
      warnings.push(
        `${count(rosterDiffers)} grant${rosterDiffers === 1 ? "'s" : "s'"} termination date in the ledger differs from the roster's; the roster's is used: ${rosterDiffersExamples.join("; ")}${rosterDiffers > 3 ? "; ..." : ""}`,
      );
    }
    if (!roster) warnings.push("No roster given: employment through the cancellation date is taken from the ledger's termination dates.");

    rejectedTenders.sort((a, b) => a.line - b.line); // in log order
    // totals
    const eligible: Counts = { grants: 0, shares: 0, holders: 0 };
    const acceptedCounts: Counts = { grants: 0, shares: 0, holders: 0 };
    const bands: ParticipationBand[] = PRICE_BANDS.map((b) => ({ label: b.label, eligibleGrants: 0, eligibleShares: 0, acceptedGrants: 0, acceptedShares: 0 }));
    let newOptionShares = 0;
    for (let i = 0; i < t.length; i++) {
      if (eligibleReason[i] !== 0) continue;
      const price = t.exercisePrice[i];
      const band = bands[PRICE_BANDS.findIndex((b) => price >= b.from && (b.to === undefined || price < b.to))];
      eligible.grants++;
      eligible.shares += t.sharesOutstanding[i];
      band.eligibleGrants++;
      band.eligibleShares += t.sharesOutstanding[i];
      if (accepted[i]) {
        acceptedCounts.grants++;
        acceptedCounts.shares += t.sharesOutstanding[i];
        band.acceptedGrants++;
        band.acceptedShares += t.sharesOutstanding[i];
        newOptionShares += acceptedNew[i];
      }
    }
    for (const h of holderOutcomes) {
      if (h.eligibleGrants > 0) eligible.holders++;
      if (h.status === "tendered") acceptedCounts.holders++;
    }
    const participationPercent =
      eligible.shares === 0 ? "0.00" : new Decimal(acceptedCounts.shares).times(100).dividedBy(eligible.shares).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    if (eligible.shares === 0) warnings.push("No grant is eligible: the participation percentage is shown as 0.00.");

    const formsByStatus = Object.fromEntries(FORM_STATUSES.map((s) => [s, 0])) as Record<FormStatus, number>;
    for (const o of outcomes) formsByStatus[o.status]++;
    const holdersByStatus = Object.fromEntries(HOLDER_STATUSES.map((s) => [s, 0])) as Record<HolderStatus, number>;
    for (const h of holderOutcomes) holdersByStatus[h.status]++;

    const eventDate = (key: string) => calendar.events.find((e) => e.key === key)?.date as number;
    const cancellationDate = terms.offer.cancellationDate;
    const newGrantDate = eventDate("newGrantDate");
    const promiseToGrantDue = eventDate("promiseToGrantDue");
    const resultsText = resultsParagraph({
      terms,
      eligible,
      accepted: acceptedCounts,
      participationPercent,
      newOptionShares,
      expiration: deadline,
      cancellationDate,
      newGrantDate,
    });
    return {
      terms,
      log: inputs.log,
      calendar,
      forms: outcomes,
      formsByStatus,
      rejectedTenders,
      holders: holderOutcomes,
      holdersByStatus,
      eligible,
      accepted: acceptedCounts,
      participationPercent,
      newOptionShares,
      bands,
      expiration: deadline,
      cancellationDate,
      promiseToGrantDue,
      newGrantDate,
      resultsText,
      warnings,
    };
  };

  return { step, done: () => ledgerDone + formsDone + holdersDone, total, finish };
}

/** Why grant `row` is not eligible, in words with its figures. */
function ineligibleWords(t: GrantTable, row: number, code: number, terms: ElectionTerms, roster?: ReadonlyMap<string, RosterEntry>): string {
  const reason = INELIGIBLE_REASONS[code - 1];
  const offer = terms.offer;
  switch (reason) {
    case "holder class":
      return `holder class ${JSON.stringify(t.holderClass.values[t.holderClass.codes[row]] || "blank")}; the offer is open to ${listWords(offer.eligibility.holderClasses)}`;
    case "country":
      return `country ${JSON.stringify(t.country.values[t.country.codes[row]] || "blank")}; the offer is open to ${listWords(offer.eligibility.countries)}`;
    case "exercise price below threshold":
      return `exercise price $${t.exercisePrice[row].toFixed(2)} is below $${offer.eligibility.exercisePriceThreshold.toFixed(2)}`;
    case "no shares outstanding":
      return "no shares outstanding";
    case "granted after commencement":
      return `granted ${longDate(t.grantDate[row])}, after the offer commenced on ${longDate(offer.commencementDate)}`;
    case "expires by cancellation":
      return `expires ${longDate(t.expirationDate[row])}, on or before the cancellation date ${longDate(offer.cancellationDate)}`;
    case "holder terminated": {
      const entry = roster?.get(t.holderId.get(row));
      const date = entry?.terminationDate ?? t.terminationDate[row];
      return `the holder's employment ended ${longDate(date)} (${entry?.terminationDate ? "roster" : "ledger"}), not after the cancellation date ${longDate(offer.cancellationDate)}`;
    }
  }
}

/** Applies the rules at once (see {@link startTally}). */
export function tallyElections(inputs: TallyInputs): ElectionResults {
  return startTally(inputs).finish();
}
