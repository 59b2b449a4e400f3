#!/usr/bin/env node
// Writes assets/samples/capstone-2003/{elections.csv, roster.csv, ELECTIONS.md}: a SYNTHETIC election
// log and HR roster for the bundled Capstone example (ledger.csv), made so that every rule of the
// offer's life after the filing (issue 9; seed 004, Offer to Exchange sections 4-6, the Election Form,
// the Notice to Withdraw) is exercised at least once, on top of a realistic background: most
// eligible holders tender, some decline, some never answer.
//
// Usage:
//   node scripts/make-capstone-elections.js           write the three files, print the expected totals
//   node scripts/make-capstone-elections.js --check   write nothing; exit 1 if the files on disk differ
//
// Deterministic: the same ledger gives the same bytes (a fixed-seed generator, no clock, no locale).
// The expected outcomes and totals printed and written to ELECTIONS.md are figured HERE, by a plain
// reading of the rules over the ledger and the generated forms (`evaluate` below), not by optex's
// elections engine: they are the yardstick that engine is checked against.
//
// The pure part, `makeElections(grants)`, takes the ledger's grants as objects (GrantTable.grantAt(i):
// Excel serial dates, canonical lower-case class, "US" for the country) and returns the files' text;
// the test (test/elections/sampleLog.test.ts) runs it over the ledger read from src/ and compares bytes.
"use strict";

// --- the offer's facts (seed 004; DOMAIN.md section 1) --------------------------------------------
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const EPOCH_SERIAL = 25569; // Excel serial of 1970-01-01
const serialOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY_MS + EPOCH_SERIAL;
const ymdOf = (serial) => {
  const t = new Date((serial - EPOCH_SERIAL) * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};
const pad = (n, w = 2) => String(n).padStart(w, "0");
const isoDate = (serial) => ymdOf(serial).map((v, i) => (i ? pad(v) : v)).join("-");
const usDate = (serial) => {
  const [y, m, d] = ymdOf(serial);
  return `${m}/${d}/${y}`;
};
const weekday = (serial) => (serial - EPOCH_SERIAL + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const COMMENCEMENT = serialOf(2003, 6, 25);
const EXPIRATION_DAY = serialOf(2003, 7, 24);
const CANCELLATION = serialOf(2003, 7, 25);
const NEW_GRANT_DATE = serialOf(2004, 1, 26);
const PRICE_THRESHOLD = 2;
const ACCEPTED_CHANNELS = new Set(["fax", "hand"]);
// US federal holidays from the offer to the new grant date (5 U.S.C. 6103): for business days.
const HOLIDAYS = new Set(
  [
    [2003, 7, 4], [2003, 9, 1], [2003, 10, 13], [2003, 11, 11], [2003, 11, 27], [2003, 12, 25],
    [2004, 1, 1], [2004, 1, 19],
  ].map(([y, m, d]) => serialOf(y, m, d)),
);
const isBusinessDay = (s) => weekday(s) !== 0 && weekday(s) !== 6 && !HOLIDAYS.has(s);
const addBusinessDays = (s, n) => {
  let d = s;
  for (let k = 0; k < n; ) if (isBusinessDay(++d)) k++;
  return d;
};

// Pacific time: the whole offer (June 25 - July 24, 2003) lies inside 2003's daylight saving time
// (April 6 to October 26), so every local time here is PDT, UTC-7; Eastern is EDT, UTC-4.
const PDT_MS = -7 * HOUR_MS;
const EDT_MS = -4 * HOUR_MS;
const DST_2003 = [Date.UTC(2003, 3, 6, 10), Date.UTC(2003, 9, 26, 9)];
/** The instant (UTC ms) of a Pacific wall-clock time on day `serial`. */
function pacific(serial, h, m = 0, s = 0) {
  const [y, mo, d] = ymdOf(serial);
  const instant = Date.UTC(y, mo - 1, d, h, m, s) - PDT_MS;
  if (instant < DST_2003[0] || instant >= DST_2003[1]) throw new Error("outside PDT: this script assumes July 2003");
  return instant;
}
/** Wall-clock parts of an instant at a fixed offset. */
function wall(instant, offsetMs) {
  const t = new Date(instant + offsetMs);
  const day = serialOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  return { day, h: t.getUTCHours(), m: t.getUTCMinutes(), s: t.getUTCSeconds() };
}
/** Forms must be received before this instant: 5:00 p.m. PDT, July 24, 2003 = 2003-07-25T00:00Z. */
const DEADLINE = pacific(EXPIRATION_DAY, 17);

const clock = (h, m, s) => `${((h + 11) % 12) + 1}:${pad(m)}${s === undefined ? "" : `:${pad(s)}`} ${h < 12 ? "AM" : "PM"}`;
/** How a log shows a receipt: "7/24/2003 4:59:59 PM" (local), "... 2:15 PM" (a date stamp), or ISO 8601 with the offset. */
function receivedText(instant, style) {
  const w = wall(instant, PDT_MS);
  if (style === "iso") return `${isoDate(w.day)}T${pad(w.h)}:${pad(w.m)}:${pad(w.s)}-07:00`;
  if (style === "minutes") return `${usDate(w.day)} ${clock(w.h, w.m)}`;
  if (style === "date-only") return usDate(w.day); // unreadable on purpose (case 12)
  return `${usDate(w.day)} ${clock(w.h, w.m, w.s)}`;
}
const signedText = (sig) => (sig.minutes === null ? usDate(sig.day) : `${usDate(sig.day)} ${clock(Math.floor(sig.minutes / 60), sig.minutes % 60)}`);
const describeInstant = (instant) => {
  const w = wall(instant, PDT_MS);
  return `${clock(w.h, w.m, w.s)} PDT ${WEEKDAYS[weekday(w.day)]} ${usDate(w.day)}`;
};

// --- the seed's sentences each case exercises (quoted verbatim from seed 004) ----------------------
const SEED = {
  deadline: "We must receive all of the required documents before 5:00 p.m., Pacific Time, on July 24, 2003, unless we extend the Offer period.",
  noLate: "This is a one-time offer, and we will not accept late tenders of options under any circumstances.",
  withdrawBefore: "You may withdraw your tendered options at any time before 5:00 p.m., Pacific Time, on July 24, 2003.",
  email: "E-mail responses are not acceptable.",
  faxOrHand: "To validly tender your options through the Offer, you must, in accordance with the terms of the Election Form, properly complete, execute and deliver the Election Form to us via facsimile or hand delivery (e-mail is not sufficient)",
  noLonger: "PLEASE NOTE THAT IF YOU SUBMIT A NOTICE TO WITHDRAW FROM THE OFFER, YOU WILL NO LONGER PARTICIPATE IN THE OFFER.",
  retender: "You may not rescind any withdrawal. If you change your mind again, you must re-tender those options before the Expiration Date by following the procedures described in Section 4 of this Offer.",
  replace: "If you deliver a new Election Form that is properly signed and dated, it will replace any previously submitted Election Form, which will be disregarded.",
  datedAfter: "In order to change your election and cease to participate in the Offer, you must deliver to us a Notice to Withdraw from the Offer via facsimile or hand delivery, which is signed and clearly dated after the date of your most recently submitted Election Form.",
  onceReceived: "Once we receive a new Election Form or a Notice to Withdraw from the Offer submitted by you, your previously submitted Election Form will be disregarded.",
  discretion: "We will determine, in our reasonable discretion, all questions as to the form of documents and the validity, form, eligibility (including time of receipt) and acceptance of any tender of options.",
  defects: "No tender of options will be deemed to have been properly made until all defects or irregularities have been cured by the tendering option holder or waived by us.",
  pair: "IF YOU WERE GRANTED TWO OPTIONS ON THE SAME DAY IN ORDER TO DIVIDE A GRANT INTO AN INCENTIVE STOCK OPTION AND A NON-STATUTORY STOCK OPTION, YOU MUST TENDER EITHER BOTH OR NEITHER OF THOSE OPTIONS.",
  ownName: "Except as described in the following sentences, the Election Form must be executed by the option holder who tendered the options exactly as the option holder's name appears on the option agreement or agreements evidencing the options.",
  grantNumber: "the grant number of all options to be tendered,",
  price: "Only outstanding, unexercised options granted with exercise prices greater than or equal to \\$2.00 per share may be tendered for exchange by eligible persons.",
  officers: "(i.e., our directors, executive officers, executive management and consultants are not eligible to participate in this Offer)",
  allOrNone: "Eligible persons may only tender options for all or none of the outstanding, unexercised shares subject to an individual option grant.",
  noPartial: "We are not accepting partial tenders of options.",
  changeElection: "(USE THIS ELECTION FORM (I) TO ELECT TO PARTICIPATE IN THE STOCK OPTION EXCHANGE PROGRAM OR (II) TO CHANGE YOUR PREVIOUS ELECTION WITH RESPECT TO PARTICULAR OPTIONS.)",
  voluntary: "Participation in this Offer is voluntary.",
  confirm: "WE INTEND TO CONFIRM RECEIPT OF YOUR ELECTION FORM AND ANY NOTICE TO WITHDRAW FROM THE OFFER VIA E-MAIL WITHIN TWO BUSINESS DAYS OF RECEIPT.",
  businessDay: "For purposes of the Offer, a \"business day\" means any day other than a Saturday, Sunday or United States federal holiday and consists of the time period from 12:01 a.m. through 12:00 midnight, Eastern Time.",
  throughCancellation: "You are eligible to participate if you are a non-executive employee of Capstone or one of our subsidiaries in the United States and remain a non-executive employee through the Cancellation Date.",
  employedAtGrant: "Accordingly, if you are no longer an employee of Capstone, one of our subsidiaries or a successor entity for any reason on the date of grant of the new options, you will not receive any new options or other consideration in exchange for your tendered options that have been accepted by us for exchange.",
};

// --- helpers -----------------------------------------------------------------------------------------
function rng(seed) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const csvField = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csvLine = (fields) => fields.map(csvField).join(",");
const money = (p) => `$${p.toFixed(2)}`;
const CHANNEL_CANON = { Fax: "fax", fax: "fax", Facsimile: "fax", "Hand delivery": "hand", "Hand Delivered": "hand", "E-mail": "email", FedEx: "courier" };

/** The ledger's facts the rules need, from its grants (each a GrantTable.grantAt(i) object). */
function ledgerFacts(grants) {
  const byId = new Map();
  const byHolder = new Map();
  for (const g of grants) {
    byId.set(g.grantId, g);
    if (!byHolder.has(g.holderId)) byHolder.set(g.holderId, []);
    byHolder.get(g.holderId).push(g);
  }
  return { grants, byId, byHolder };
}

/**
 * Eligible (seed 004 "Eligibility"): a US employee's grant (not a director's, officer's, executive's
 * or consultant's), exercise price >= $2.00, shares outstanding, granted on or before commencement,
 * expiring after the cancellation date, its holder not terminated on or before the cancellation date
 * (the roster's termination date where it has one, else the ledger's).
 */
function isEligible(g, termination) {
  if (g.holderClass !== "employee" || g.country !== "US") return false;
  if (!(g.exercisePrice >= PRICE_THRESHOLD) || !(g.sharesOutstanding > 0)) return false;
  if (g.grantDate > COMMENCEMENT || g.expirationDate <= CANCELLATION) return false;
  const t = termination(g.holderId) ?? g.terminationDate;
  return !(t !== undefined && t <= CANCELLATION);
}
function whyIneligible(g, termination) {
  if (g.holderClass !== "employee") return `holder class ${g.holderClass}: directors, officers, executives and consultants are excluded`;
  if (g.country !== "US") return `held outside the US (${g.country})`;
  if (!(g.exercisePrice >= PRICE_THRESHOLD)) return `exercise price ${money(g.exercisePrice)} is below $2.00`;
  const t = termination(g.holderId) ?? g.terminationDate;
  if (t !== undefined && t <= CANCELLATION) return `holder terminated ${isoDate(t)}, on or before the cancellation date`;
  return "not eligible";
}
/** The other half of a same-day ISO + NSO pair (same holder, same grant date), if the grant has one. */
function pairPartner(facts, g) {
  const other = g.optionType === "ISO" ? "NSO" : g.optionType === "NSO" ? "ISO" : null;
  if (!other) return undefined;
  const partners = facts.byHolder.get(g.holderId).filter((h) => h !== g && h.grantDate === g.grantDate && h.optionType === other);
  return partners.length === 1 ? partners[0] : undefined;
}

// --- the plain evaluation: forms, holders, totals --------------------------------------------------
/**
 * Applies issue 9's rules to the generated forms (structured, before they are written as text):
 * row error (unreadable) / late / channel / invalid (signed after received) per form; per holder the
 * counted form signed latest wins (equal signatures: the later receipt; a true tie: conflict); the
 * winning election's grants are checked one by one (unknown, another holder's, not eligible, partial,
 * half of a pair); holders are tendered / withdrawn / declined / no-response / not-accepted.
 */
function evaluate(facts, forms, termination) {
  const eligible = facts.grants.filter((g) => isEligible(g, termination));
  const eligibleHolders = new Set(eligible.map((g) => g.holderId));
  const outcome = new Map(); // form -> {status, reason}
  const byHolder = new Map();
  for (const f of forms) {
    if (f.unreadable) continue;
    let status = "valid";
    let reason = "";
    if (f.received >= DEADLINE) {
      status = "late";
      reason = `received ${describeInstant(f.received)}, at or after the 5:00 p.m. PDT deadline`;
    } else if (!ACCEPTED_CHANNELS.has(f.channel)) {
      status = "channel";
      reason = `received by ${f.channelText}: only fax and hand delivery are accepted`;
    } else {
      const r = wall(f.received, PDT_MS);
      const signedAfter = f.signed.minutes === null ? f.signed.day > r.day : pacific(f.signed.day, 0, f.signed.minutes) > f.received;
      if (signedAfter) {
        status = "invalid";
        reason = `signed ${signedText(f.signed)}, after it was received (${receivedText(f.received)})`;
      }
    }
    outcome.set(f, { status, reason });
    if (!byHolder.has(f.holder)) byHolder.set(f.holder, []);
    byHolder.get(f.holder).push(f);
  }
  const sigCompare = (a, b) => {
    if (a.day !== b.day) return a.day - b.day;
    if ((a.minutes === null) !== (b.minutes === null)) throw new Error("design guard: one holder's competing signatures on one day must both have a time or neither");
    return (a.minutes ?? 0) - (b.minutes ?? 0);
  };
  const holders = new Map();
  const rejectedTenders = [];
  const holderIds = [...new Set([...eligibleHolders, ...byHolder.keys()])].sort();
  for (const id of holderIds) {
    const mine = byHolder.get(id) ?? [];
    const valid = mine.filter((f) => outcome.get(f).status === "valid");
    valid.sort((a, b) => sigCompare(a.signed, b.signed) || a.received - b.received);
    const h = { holderId: id, status: "", reason: "", winner: undefined, accepted: [], rejected: [] };
    holders.set(id, h);
    if (mine.length === 0) {
      h.status = "no-response";
      h.reason = "no readable form received";
      continue;
    }
    if (valid.length === 0) {
      h.status = "not-accepted";
      h.reason = "no form counted (late, wrong channel or invalid)";
      continue;
    }
    const top = valid[valid.length - 1];
    const tied = valid.filter((f) => sigCompare(f.signed, top.signed) === 0 && f.received === top.received);
    for (const f of valid) {
      if (tied.includes(f)) continue;
      outcome.set(f, { status: "superseded", reason: "replaced by a form signed later (or, signed the same day, received later)" });
    }
    if (tied.length > 1) {
      for (const f of tied) outcome.set(f, { status: "conflict", reason: `${tied.length} forms signed ${signedText(f.signed)} and received ${receivedText(f.received)}: which one the holder meant cannot be told` });
      h.status = "not-accepted";
      h.reason = "the latest forms conflict";
      continue;
    }
    outcome.set(top, { status: "counted", reason: "the holder's latest form" });
    h.winner = top;
    if (top.type === "withdrawal") {
      h.status = "withdrawn";
      h.reason = "a Notice to Withdraw withdraws every tendered option";
      continue;
    }
    if (top.tenders.length === 0) {
      h.status = "declined";
      h.reason = "the winning Election Form lists no grant";
      continue;
    }
    const listed = new Set(top.tenders.map((t) => t.grantId));
    for (const t of top.tenders) {
      const g = facts.byId.get(t.grantId);
      let rule;
      let why;
      if (!g) [rule, why] = ["unknown-grant", `no grant ${t.grantId} in the ledger`];
      else if (g.holderId !== id) [rule, why] = ["other-holder", `grant ${t.grantId} belongs to ${g.holderId}`];
      else if (!isEligible(g, termination)) [rule, why] = ["not-eligible", whyIneligible(g, termination)];
      else if (t.shares !== null && t.shares !== g.sharesOutstanding) [rule, why] = ["partial", `${thousands(t.shares)} of ${thousands(g.sharesOutstanding)} shares: all or none`];
      else {
        const p = pairPartner(facts, g);
        if (p && isEligible(p, termination) && !listed.has(p.grantId)) [rule, why] = ["split-pair", `${g.optionType} half of a same-day pair; ${p.grantId} (${p.optionType}) not listed: both or neither`];
      }
      if (rule) {
        const r = { formId: top.formId, grantId: t.grantId, rule, reason: why };
        h.rejected.push(r);
        rejectedTenders.push(r);
      } else h.accepted.push(g);
    }
    h.status = h.accepted.length ? "tendered" : "not-accepted";
    h.reason = h.accepted.length ? "tendered on the winning Election Form" : "every grant on the winning Election Form was rejected";
  }
  // new grants: one per accepted grant, for holders still employed on the new grant date
  const newGrants = [];
  const forfeited = [];
  for (const h of holders.values()) {
    if (h.status !== "tendered") continue;
    const t = termination(h.holderId);
    const shares = h.accepted.reduce((s, g) => s + g.sharesOutstanding, 0);
    if (t !== undefined && t <= NEW_GRANT_DATE) forfeited.push({ holderId: h.holderId, grantIds: h.accepted.map((g) => g.grantId), shares, reason: `terminated ${isoDate(t)}, before the new grant date ${isoDate(NEW_GRANT_DATE)}` });
    else for (const g of h.accepted) newGrants.push({ holderId: h.holderId, oldGrantId: g.grantId, shares: g.sharesOutstanding });
  }
  const readable = forms.filter((f) => !f.unreadable);
  const lines = forms.reduce((s, f) => s + Math.max(1, f.tenders.length), 0);
  const readLines = readable.reduce((s, f) => s + Math.max(1, f.tenders.length), 0);
  const count = (list, key) => list.reduce((m, x) => ((m[key(x)] = (m[key(x)] ?? 0) + 1), m), {});
  const acceptedGrants = [...holders.values()].flatMap((h) => h.accepted);
  const acceptedShares = acceptedGrants.reduce((s, g) => s + g.sharesOutstanding, 0);
  const eligibleShares = eligible.reduce((s, g) => s + g.sharesOutstanding, 0);
  const tenderLines = readable.filter((f) => outcome.get(f).status === "counted").reduce((s, f) => s + f.tenders.length, 0);
  return {
    outcome,
    holders,
    rejectedTenders,
    newGrants,
    forfeited,
    totals: {
      linesIn: lines,
      linesRead: readLines,
      rowErrors: lines - readLines,
      forms: readable.length,
      formsByStatus: count(readable, (f) => outcome.get(f).status),
      holders: holders.size,
      holdersByStatus: count([...holders.values()], (h) => h.status),
      tenderLinesOnCountedForms: tenderLines,
      rejectedTenderLines: rejectedTenders.length,
      eligible: { grants: eligible.length, shares: eligibleShares, holders: eligibleHolders.size },
      accepted: { grants: acceptedGrants.length, shares: acceptedShares, holders: [...holders.values()].filter((h) => h.status === "tendered").length },
      participationPercent: percent(acceptedShares, eligibleShares),
      newOptionShares: acceptedShares, // one new share for one old share, no split before the new grant date
      newGrants: { grants: newGrants.length, shares: newGrants.reduce((s, g) => s + g.shares, 0), holders: new Set(newGrants.map((g) => g.holderId)).size },
      forfeited: { holders: forfeited.length, grants: forfeited.reduce((s, f) => s + f.grantIds.length, 0), shares: forfeited.reduce((s, f) => s + f.shares, 0) },
    },
  };
}
/** a / b as a percentage with two decimals, half-up, in integers. */
function percent(a, b) {
  if (b === 0) return "0.00";
  const hundredths = Math.floor((2 * a * 10000 + b) / (2 * b));
  return `${Math.floor(hundredths / 100)}.${pad(hundredths % 100)}`;
}

// --- the log ------------------------------------------------------------------------------------------
/**
 * The sample's files from the ledger's grants. Pure: the same grants give the same text.
 * @returns {{ electionsCsv: string, rosterCsv: string, electionsMd: string, cases: object[], totals: object, totalsWithoutRoster: object, summary: string }}
 */
function makeElections(grants) {
  const facts = ledgerFacts(grants);
  const noRoster = () => undefined;
  const rand = rng(20030724);
  const shuffle = (list) => {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };

  // Holders with an eligible grant by the ledger alone; those with a same-day ISO + NSO pair.
  const eligibleByHolder = new Map();
  for (const g of grants) {
    if (!isEligible(g, noRoster)) continue;
    if (!eligibleByHolder.has(g.holderId)) eligibleByHolder.set(g.holderId, []);
    eligibleByHolder.get(g.holderId).push(g);
  }
  const eligibleIds = [...eligibleByHolder.keys()].sort();
  const isPair = (id) => {
    const l = eligibleByHolder.get(id);
    return l.length === 2 && pairPartner(facts, l[0]) === l[1];
  };
  let singles = shuffle(eligibleIds.filter((id) => eligibleByHolder.get(id).length === 1));
  let pairs = shuffle(eligibleIds.filter(isPair));
  const take = (from, test = () => true) => {
    const id = from().find(test);
    if (!id) throw new Error("the ledger has no holder for a case");
    if (from === singlesOf) singles = singles.filter((x) => x !== id);
    else pairs = pairs.filter((x) => x !== id);
    return id;
  };
  const singlesOf = () => singles;
  const pairsOf = () => pairs;
  const single = (test) => take(singlesOf, test);
  const pair = () => take(pairsOf);
  const grantOf = (id) => eligibleByHolder.get(id)[0];
  const pairOf = (id) => {
    const [a, b] = eligibleByHolder.get(id);
    return a.optionType === "NSO" ? { nso: a, iso: b } : { nso: b, iso: a };
  };

  const forms = [];
  /** A form: holder, type, signature {day, minutes|null}, receipt instant, channel as typed, grants listed. */
  const form = (holder, type, signed, received, channelText, tenders = [], extra = {}) => {
    const f = {
      holder,
      type,
      typeText: type === "election" ? "Election Form" : "Notice to Withdraw",
      signed,
      received,
      receivedStyle: "seconds",
      channelText,
      channel: CHANNEL_CANON[channelText],
      tenders,
      unreadable: false,
      ...extra,
    };
    forms.push(f);
    return f;
  };
  const D = (m, d) => serialOf(2003, m, d);
  const sig = (m, d, h, min = 0) => ({ day: D(m, d), minutes: h === undefined ? null : h * 60 + min });
  const all = (g, style = "thousands") => ({ grantId: g.grantId, shares: style === "blank" ? null : g.sharesOutstanding, style });

  // --- the cases (each named in ELECTIONS.md) ---
  const cases = [];
  const kase = (id, title, holder, forms_, expect, rule, seed, note = "") => cases.push({ id, title, holder, forms: forms_, expect, rule, seed, note });

  // 1. the deadline: 4:59:59 p.m. counts, 5:00:00 and 5:00:01 p.m. do not
  {
    const a = single();
    const f = form(a, "election", sig(7, 24, 16, 41), pacific(D(7, 24), 16, 59, 59), "Fax", [all(grantOf(a))]);
    kase("1a", "fax received 4:59:59 p.m. PDT, July 24", a, [f], { forms: ["counted"], holder: "tendered" }, "Deadline", [SEED.deadline]);
    const b = single();
    const g = form(b, "election", sig(7, 24), pacific(D(7, 24), 17, 0, 0), "Fax", [all(grantOf(b))]);
    kase("1b", "fax received 5:00:00 p.m. PDT, July 24", b, [g], { forms: ["late"], holder: "not-accepted" }, "Deadline", [SEED.deadline, SEED.noLate]);
    const c = single();
    const c1 = form(c, "election", sig(7, 15, 9, 5), pacific(D(7, 15), 9, 14, 22), "Fax", [all(grantOf(c))]);
    const c2 = form(c, "withdrawal", sig(7, 24, 16, 52), pacific(D(7, 24), 17, 0, 1), "Fax");
    kase("1c", "Notice to Withdraw faxed 5:00:01 p.m. PDT, July 24, after an election of July 15", c, [c1, c2], { forms: ["counted", "late"], holder: "tendered" }, "Deadline", [SEED.withdrawBefore], "The late notice withdraws nothing: the July 15 election stands.");
  }
  // 2. channels: e-mail and courier are not accepted
  {
    const a = single();
    const a1 = form(a, "election", sig(7, 17), pacific(D(7, 18), 9, 12, 44), "E-mail", [all(grantOf(a))], { receivedStyle: "iso" });
    const a2 = form(a, "election", sig(7, 17), pacific(D(7, 21), 8, 47, 10), "Fax", [all(grantOf(a))]);
    kase("2a", "e-mailed Election Form, then the same signed form faxed", a, [a1, a2], { forms: ["channel", "counted"], holder: "tendered" }, "Channel", [SEED.email], "The e-mail is never counted (so it cannot tie with the fax, which bears the same signature).");
    const b = single();
    const b1 = form(b, "election", sig(7, 21), pacific(D(7, 23), 10, 2), "FedEx", [all(grantOf(b))], { receivedStyle: "minutes" });
    kase("2b", "Election Form sent by FedEx", b, [b1], { forms: ["channel"], holder: "not-accepted" }, "Channel", [SEED.faxOrHand], "A courier is not hand delivery under the offer's acceptedChannels [\"fax\", \"hand\"] (Capstone could waive it in its reasonable discretion; the tool does not).");
  }
  // 3. withdrawals
  {
    const a = single();
    const a1 = form(a, "election", sig(7, 7, 8, 30), pacific(D(7, 7), 8, 41, 5), "Fax", [all(grantOf(a))]);
    const a2 = form(a, "withdrawal", sig(7, 17, 13, 15), pacific(D(7, 17), 14, 2), "Hand delivery", [], { receivedStyle: "minutes" });
    kase("3a", "election, then a Notice to Withdraw", a, [a1, a2], { forms: ["superseded", "counted"], holder: "withdrawn" }, "Latest form wins", [SEED.noLonger]);
    const b = single();
    const b1 = form(b, "election", sig(7, 1), pacific(D(7, 1), 11, 20, 48), "Fax", [all(grantOf(b))]);
    const b2 = form(b, "withdrawal", sig(7, 11, 16, 10), pacific(D(7, 11), 16, 31, 9), "Fax");
    const b3 = form(b, "election", sig(7, 21, 10, 0), pacific(D(7, 21), 10, 35), "Hand delivery", [all(grantOf(b), "blank")], { receivedStyle: "minutes" });
    kase("3b", "election, withdrawal, then a new election (re-tender)", b, [b1, b2, b3], { forms: ["superseded", "superseded", "counted"], holder: "tendered" }, "Latest form wins", [SEED.retender]);
  }
  // 4. superseded elections
  {
    const a = pair();
    const { nso, iso } = pairOf(a);
    const a1 = form(a, "election", sig(7, 1), pacific(D(7, 2), 9, 3, 37), "Fax", [all(nso)]);
    const a2 = form(a, "election", sig(7, 8), pacific(D(7, 8), 15, 15, 0), "Fax", [all(nso), all(iso)]);
    kase("4a", "a later-signed Election Form replaces one that listed different grants (the NSO alone, then the NSO and the ISO)", a, [a1, a2], { forms: ["superseded", "counted"], holder: "tendered" }, "Latest form wins", [SEED.replace], "The first form's half pair is never judged: it was replaced in full.");
    const b = pair();
    const p = pairOf(b);
    const b1 = form(b, "election", sig(7, 3), pacific(D(7, 3), 10, 44, 12), "Fax", [all(p.nso), all(p.iso)]);
    const b2 = form(b, "election", sig(7, 16), pacific(D(7, 16), 13, 58, 40), "Fax", []);
    kase("4b", "a later Election Form listing nothing replaces one that tendered a pair", b, [b1, b2], { forms: ["superseded", "counted"], holder: "declined" }, "Latest form wins", [SEED.changeElection], "The July 3 receipt is confirmed by July 8: Friday July 4 is a federal holiday.");
    const c = single();
    const c1 = form(c, "election", sig(7, 2), pacific(D(7, 2), 14, 6, 51), "Fax", [all(grantOf(c))]);
    const c2 = form(c, "withdrawal", sig(7, 9, 17, 30), pacific(D(7, 11), 10, 0), "Hand delivery", [], { receivedStyle: "minutes" });
    const c3 = form(c, "election", sig(7, 10, 8, 15), pacific(D(7, 10), 8, 20, 31), "Fax", [all(grantOf(c))]);
    kase("4c", "signature order, not receipt order: a Notice to Withdraw signed July 9 but handed in July 11, after an election signed and faxed July 10", c, [c1, c2, c3], { forms: ["superseded", "superseded", "counted"], holder: "tendered" }, "Latest form wins", [SEED.datedAfter]);
  }
  // 5. equal signatures: the later receipt wins; a true tie is a conflict
  {
    const a = single();
    const a1 = form(a, "election", sig(7, 15), pacific(D(7, 15), 10, 12, 31), "Fax", []);
    const a2 = form(a, "election", sig(7, 15), pacific(D(7, 15), 15, 40, 2), "Fax", [all(grantOf(a))]);
    kase("5a", "two Election Forms signed July 15 (no time): the later receipt wins", a, [a1, a2], { forms: ["superseded", "counted"], holder: "tendered" }, "Latest form wins", [SEED.onceReceived]);
    const b = single();
    const b1 = form(b, "election", sig(7, 16), pacific(D(7, 16), 14, 15), "Hand delivery", [all(grantOf(b))], { receivedStyle: "minutes" });
    const b2 = form(b, "election", sig(7, 16), pacific(D(7, 16), 14, 15), "Hand delivery", [], { receivedStyle: "minutes" });
    kase("5b", "two different Election Forms signed July 16 (no time), handed in together and stamped 2:15 PM", b, [b1, b2], { forms: ["conflict", "conflict"], holder: "not-accepted" }, "Latest form wins", [SEED.discretion], "A true tie: neither form can win. The tool reports the conflict; HR must ask the holder (nothing is accepted until then).");
  }
  // 6. signed after received
  {
    const a = single();
    const a1 = form(a, "election", sig(7, 14), pacific(D(7, 14), 9, 48, 26), "Fax", [all(grantOf(a))]);
    const a2 = form(a, "election", sig(7, 22, 15, 0), pacific(D(7, 22), 11, 15, 0), "Fax", []);
    kase("6", "an Election Form signed 3:00 PM July 22 but received 11:15 AM that day", a, [a1, a2], { forms: ["counted", "invalid"], holder: "tendered" }, "Latest form wins (invalid form)", [SEED.defects], "The invalid form replaces nothing: the July 14 election stands.");
  }
  // 7. half of an ISO + NSO pair
  let splitPair;
  {
    const a = pair();
    const { iso } = pairOf(a);
    splitPair = pairOf(a);
    const a1 = form(a, "election", sig(7, 18, 14, 20), pacific(D(7, 18), 14, 36, 55), "Fax", [all(iso)]);
    kase("7", "only the ISO half of a same-day ISO + NSO pair listed", a, [a1], { forms: ["counted"], holder: "not-accepted", rejected: [[iso.grantId, "split-pair"]] }, "Tender unit", [SEED.pair], `Neither half is accepted: ${iso.grantId} (ISO) is rejected and ${splitPair.nso.grantId} (NSO) was not tendered.`);
  }
  // 9b first: its grant is the one another holder lists in 8a
  const equal = single((id) => grantOf(id).sharesOutstanding >= 1000);
  // 8. grants the holder may not tender
  {
    const a = single();
    const other = grantOf(equal);
    const a1 = form(a, "election", sig(7, 22), pacific(D(7, 22), 16, 5, 18), "Fax", [all(grantOf(a)), all(other)]);
    kase("8a", `another holder's grant listed (${other.grantId}, held by ${equal})`, a, [a1], { forms: ["counted"], holder: "tendered", rejected: [[other.grantId, "other-holder"]] }, "What a winning election can tender", [SEED.ownName]);
    const b = single();
    const own = grantOf(b);
    const num = own.grantId.replace(/^G/, "");
    const candidates = [num.slice(0, -2) + num.slice(-1) + num.slice(-2, -1), num.slice(0, -1) + "0", "9" + num.slice(1)].map((n) => `G${n}`);
    const unknown = candidates.find((id) => !facts.byId.has(id) && id !== own.grantId);
    const b1 = form(b, "election", sig(7, 23, 11, 40), pacific(D(7, 23), 11, 52, 7), "Fax", [all(own), { grantId: unknown, shares: own.sharesOutstanding, style: "thousands" }]);
    kase("8b", `a grant number that is in no ledger (${unknown}: a typo)`, b, [b1], { forms: ["counted"], holder: "tendered", rejected: [[unknown, "unknown-grant"]] }, "What a winning election can tender", [SEED.grantNumber]);
    // a US employee whose only grant is priced under $2.00
    const low = grants.find((g) => g.holderClass === "employee" && g.country === "US" && g.exercisePrice < PRICE_THRESHOLD && g.sharesOutstanding > 0 && g.terminationDate === undefined && facts.byHolder.get(g.holderId).length === 1 && g.exercisePrice >= 1);
    const c1 = form(low.holderId, "election", sig(7, 8), pacific(D(7, 8), 12, 30, 40), "Fax", [all(low)]);
    kase("8c", `a grant priced under $2.00 (${low.grantId} at ${money(low.exercisePrice)})`, low.holderId, [c1], { forms: ["counted"], holder: "not-accepted", rejected: [[low.grantId, "not-eligible"]] }, "What a winning election can tender", [SEED.price]);
    // an officer's grant priced over $2.00
    const officer = grants.find((g) => g.holderClass === "officer" && g.exercisePrice >= PRICE_THRESHOLD && g.sharesOutstanding > 0 && g.expirationDate > CANCELLATION);
    const d1 = form(officer.holderId, "election", sig(7, 9), pacific(D(7, 9), 15, 22), "Hand delivery", [all(officer)], { receivedStyle: "minutes" });
    kase("8d", `an officer's grant (${officer.grantId}, ${officer.holderName}, ${money(officer.exercisePrice)})`, officer.holderId, [d1], { forms: ["counted"], holder: "not-accepted", rejected: [[officer.grantId, "not-eligible"]] }, "What a winning election can tender", [SEED.officers]);
  }
  // 9. all or none of a grant's shares
  {
    const a = single((id) => grantOf(id).sharesOutstanding >= 2000);
    const g = grantOf(a);
    const part = Math.floor(g.sharesOutstanding / 2 / 100) * 100;
    const a1 = form(a, "election", sig(7, 16, 9, 0), pacific(D(7, 16), 9, 6, 2), "Fax", [{ grantId: g.grantId, shares: part, style: "thousands" }]);
    kase("9a", `a partial tender (${thousands(part)} of ${g.grantId}'s ${thousands(g.sharesOutstanding)} shares)`, a, [a1], { forms: ["counted"], holder: "not-accepted", rejected: [[g.grantId, "partial"]] }, "All or none", [SEED.allOrNone, SEED.noPartial]);
    const e = grantOf(equal);
    const b1 = form(equal, "election", sig(7, 17, 12, 10), pacific(D(7, 17), 12, 24, 49), "Fax", [all(e, "thousands")]);
    kase("9b", `Shares equal to the outstanding shares (${thousands(e.sharesOutstanding)} of ${e.grantId})`, equal, [b1], { forms: ["counted"], holder: "tendered" }, "All or none", [SEED.allOrNone]);
    const c = single();
    const c1 = form(c, "election", sig(7, 10), pacific(D(7, 10), 13, 1, 15), "Fax", [all(grantOf(c), "blank")]);
    kase("9c", `Shares left blank (${grantOf(c).grantId}: the whole grant)`, c, [c1], { forms: ["counted"], holder: "tendered" }, "All or none", [SEED.allOrNone]);
  }
  // 10. an Election Form listing no grant
  {
    const a = single();
    const a1 = form(a, "election", sig(7, 11), pacific(D(7, 11), 10, 27, 3), "Fax", []);
    kase("10", "an Election Form that lists no grant", a, [a1], { forms: ["counted"], holder: "declined" }, "Declined", [SEED.voluntary]);
  }
  // 11. confirmations count business days in New York
  {
    const a = single();
    const a1 = form(a, "election", sig(7, 21, 21, 55), pacific(D(7, 21), 22, 30, 0), "Fax", [all(grantOf(a))], { receivedStyle: "iso" });
    kase("11", "a fax received 10:30 p.m. PDT Monday July 21 (1:30 a.m. EDT Tuesday July 22)", a, [a1], { forms: ["counted"], holder: "tendered" }, "Confirmations", [SEED.confirm, SEED.businessDay], "Confirmation due Thursday July 24 (two business days after Tuesday July 22, its New York date), not Wednesday July 23.");
  }
  // 12. a line that cannot be read
  {
    const a = single();
    const a1 = form(a, "election", sig(7, 23), pacific(D(7, 24), 14, 0, 0), "Fax", [all(grantOf(a))], { receivedStyle: "date-only", unreadable: true });
    kase("12", "Received \"7/24/2003\" with no time", a, [a1], { forms: ["row error"], holder: "no-response" }, "Reading the log", [SEED.discretion], "A row error (received_at needs a time, and against a 5:00 p.m. deadline the date alone cannot be judged); no form is made, so the holder has no readable form.");
  }
  // 13. leavers (the roster)
  const leaverAfter = single();
  const leaverBefore = single();
  const ledgerLeaver = grants.find((g) => g.holderClass === "employee" && g.country === "US" && g.exercisePrice >= PRICE_THRESHOLD && g.terminationDate === serialOf(2003, 7, 3) && facts.byHolder.get(g.holderId).length === 1);
  const roster = new Map([
    [leaverAfter, serialOf(2003, 11, 14)],
    [leaverBefore, serialOf(2003, 7, 18)],
    [ledgerLeaver.holderId, ledgerLeaver.terminationDate],
  ]);
  {
    const a1 = form(leaverAfter, "election", sig(7, 10, 11, 5), pacific(D(7, 10), 11, 18, 44), "Fax", [all(grantOf(leaverAfter))]);
    kase("13a", "tendered, then leaves November 14, 2003 (roster), before the new grant date", leaverAfter, [a1], { forms: ["counted"], holder: "tendered", forfeited: true }, "New grants", [SEED.employedAtGrant], "Accepted and cancelled on July 25, 2003; the promise is forfeited on January 26, 2004: no new option.");
    const b1 = form(leaverBefore, "election", sig(7, 7), pacific(D(7, 7), 16, 3, 30), "Fax", [all(grantOf(leaverBefore))]);
    kase("13b", "tendered July 7, then leaves July 18, 2003 (roster; the ledger has no termination date)", leaverBefore, [b1], { forms: ["counted"], holder: "not-accepted", rejected: [[grantOf(leaverBefore).grantId, "not-eligible"]] }, "Eligibility (roster)", [SEED.throughCancellation], "Without --roster the ledger knows nothing of the departure: the holder would be tendered.");
    const c1 = form(ledgerLeaver.holderId, "election", sig(6, 30), pacific(D(6, 30), 15, 47, 20), "Fax", [all(ledgerLeaver)]);
    kase("13c", `tendered June 30, left July 3, 2003 (in the ledger and the roster)`, ledgerLeaver.holderId, [c1], { forms: ["counted"], holder: "not-accepted", rejected: [[ledgerLeaver.grantId, "not-eligible"]] }, "Eligibility (ledger)", [SEED.throughCancellation]);
  }

  // --- the background: every other eligible holder tenders, declines or never answers ---
  const caseHolders = new Set(cases.map((c) => c.holder));
  const background = eligibleIds.filter((id) => !caseHolders.has(id));
  const offerDays = [];
  for (let s = COMMENCEMENT; s <= EXPIRATION_DAY; s++) if (isBusinessDay(s)) offerDays.push(s);
  for (const id of background) {
    const r = rand();
    if (r >= 0.8) continue; // no response
    const declines = r >= 0.72;
    // receipts bunch toward the deadline, as they do
    const u = rand();
    const dayIndex = rand() < 0.15 ? offerDays.length - 1 - Math.floor(rand() * 2) : Math.floor(offerDays.length * (1 - (1 - u) * (1 - u)));
    const day = offerDays[Math.min(dayIndex, offerDays.length - 1)];
    const hand = rand() < 0.2;
    const lastDay = day === EXPIRATION_DAY;
    const from = hand ? 8.5 * 3600 : 7.5 * 3600;
    const to = Math.min(hand ? 17.5 * 3600 : 20 * 3600, lastDay ? 16 * 3600 + 55 * 60 : Infinity);
    const second = Math.floor(from + rand() * (to - from));
    const received = pacific(day, 0, 0, second);
    const style = rand() < 0.05 ? "iso" : hand && rand() < 0.6 ? "minutes" : "seconds";
    const channelText = hand ? (rand() < 0.3 ? "Hand Delivered" : "Hand delivery") : ["Fax", "Fax", "Fax", "fax", "Facsimile"][Math.floor(rand() * 5)];
    // signed the day of receipt or up to four days before (never before the offer began)
    const back = rand() < 0.55 ? 0 : 1 + Math.floor(rand() * 4);
    const signedDay = Math.max(COMMENCEMENT, day - back);
    let minutes = null;
    if (rand() < 0.45) {
      const receivedMinute = Math.floor(second / 60);
      minutes = signedDay === day ? receivedMinute - 10 - Math.floor(rand() * 170) : 7 * 60 + Math.floor(rand() * 14 * 60);
      if (minutes < 6 * 60) minutes = null;
    }
    const tenders = declines
      ? []
      : eligibleByHolder.get(id).map((g) => {
          const s = rand();
          return all(g, s < 0.2 ? "blank" : s < 0.35 ? "plain" : "thousands");
        });
    forms.push({
      holder: id,
      type: "election",
      typeText: "Election Form",
      signed: { day: signedDay, minutes },
      received,
      receivedStyle: style,
      channelText,
      channel: CHANNEL_CANON[channelText],
      tenders,
      unreadable: false,
    });
  }

  // --- number the forms in order of receipt, as a log does ---
  const order = forms.map((f, i) => [f, i]).sort((a, b) => a[0].received - b[0].received || a[1] - b[1]);
  let ef = 0;
  let nw = 0;
  for (const [f] of order) f.formId = f.type === "election" ? `EF-${pad(++ef, 4)}` : `NW-${pad(++nw, 4)}`;
  const logForms = order.map(([f]) => f);

  // --- the plain evaluation, with and without the roster ---
  const termination = (id) => roster.get(id);
  const result = evaluate(facts, logForms, termination);
  const withoutRoster = evaluate(facts, logForms, noRoster);
  // the design must be what the rules give
  for (const c of cases) {
    const got = c.forms.map((f) => (f.unreadable ? "row error" : result.outcome.get(f).status));
    const h = result.holders.get(c.holder);
    const rejected = h.rejected.map((r) => [r.grantId, r.rule]);
    const want = c.expect;
    const bad =
      JSON.stringify(got) !== JSON.stringify(want.forms) ||
      h.status !== want.holder ||
      JSON.stringify(rejected) !== JSON.stringify(want.rejected ?? []) ||
      result.forfeited.some((x) => x.holderId === c.holder) !== Boolean(want.forfeited);
    if (bad) throw new Error(`case ${c.id}: the rules give forms ${JSON.stringify(got)}, holder ${h.status}, rejected ${JSON.stringify(rejected)}; designed ${JSON.stringify(want)}`);
  }
  for (const f of logForms) {
    if (cases.some((c) => c.forms.includes(f))) continue;
    const st = result.outcome.get(f).status;
    if (st !== "counted" || result.holders.get(f.holder).rejected.length) throw new Error(`background form of ${f.holder} came to ${st}`);
  }

  // --- write the log ---
  const sharesText = (t) => (t.style === "blank" || t.shares === null ? "" : t.style === "plain" ? String(t.shares) : thousands(t.shares));
  const out = [csvLine(["Form ID", "Employee ID", "Form Type", "Grant Number", "Shares", "Signed", "Received", "Channel"])];
  for (const f of logForms) {
    const head = [f.formId, f.holder, f.typeText];
    const tail = [signedText(f.signed), receivedText(f.received, f.receivedStyle), f.channelText];
    if (f.tenders.length === 0) out.push(csvLine([...head, "", "", ...tail]));
    else for (const t of f.tenders) out.push(csvLine([...head, t.grantId, sharesText(t), ...tail]));
  }
  const electionsCsv = out.join("\r\n") + "\r\n";

  // --- the roster: every holder with an eligible grant, and every ledger holder who sent a form ---
  const rosterIds = [...new Set([...eligibleIds, ...logForms.map((f) => f.holder)])].sort();
  const rosterLines = [csvLine(["Employee ID", "Name", "Status", "Termination Date"])];
  for (const id of rosterIds) {
    const first = facts.byHolder.get(id)[0];
    const t = roster.get(id);
    const ledgerT = facts.byHolder.get(id).find((g) => g.terminationDate !== undefined)?.terminationDate;
    if (ledgerT !== undefined && ledgerT !== t) throw new Error(`roster disagrees with the ledger for ${id}`);
    rosterLines.push(csvLine([id, first.holderName, t === undefined ? "Active" : "Terminated", t === undefined ? "" : isoDate(t)]));
  }
  const rosterCsv = rosterLines.join("\r\n") + "\r\n";

  // --- ELECTIONS.md ---
  const confirmationDue = (f) => addBusinessDays(wall(f.received, EDT_MS).day, 2);
  const summary = summarize(result.totals);
  const electionsMd = markdown({ cases, result, withoutRoster, confirmationDue, roster, facts, splitPair, logForms, rosterIds });
  return { electionsCsv, rosterCsv, electionsMd, cases, totals: result.totals, totalsWithoutRoster: withoutRoster.totals, summary };
}

function summarize(t) {
  const by = (o) => Object.entries(o).sort().map(([k, v]) => `${k} ${v}`).join(", ");
  return [
    `lines in ${t.linesIn} = read ${t.linesRead} + row errors ${t.rowErrors}`,
    `forms ${t.forms}: ${by(t.formsByStatus)}`,
    `holders ${t.holders}: ${by(t.holdersByStatus)}`,
    `eligible: ${t.eligible.grants} grants, ${thousands(t.eligible.shares)} shares, ${t.eligible.holders} holders`,
    `accepted: ${t.accepted.grants} grants, ${thousands(t.accepted.shares)} shares, ${t.accepted.holders} holders (${t.participationPercent}% of eligible shares); rejected tender lines ${t.rejectedTenderLines}`,
    `new option shares promised ${thousands(t.newOptionShares)}; on ${isoDate(NEW_GRANT_DATE)}: ${t.newGrants.grants} new grants, ${thousands(t.newGrants.shares)} shares, ${t.newGrants.holders} holders; forfeited ${t.forfeited.holders} holder(s), ${thousands(t.forfeited.shares)} shares`,
  ].join("\n");
}

function markdown({ cases, result, withoutRoster, confirmationDue, roster, facts, logForms }) {
  const t = result.totals;
  const w = withoutRoster.totals;
  const cell = (s) => String(s).replace(/\|/g, "\\|");
  const rows = [];
  const formRows = [];
  for (const c of cases) {
    const h = result.holders.get(c.holder);
    const grantsCell = [
      h.accepted.length ? `accepted ${h.accepted.map((g) => `${g.grantId} (${thousands(g.sharesOutstanding)})`).join(", ")}` : "",
      h.rejected.length ? `rejected ${h.rejected.map((r) => `${r.grantId} (${r.rule})`).join(", ")}` : "",
    ].filter(Boolean).join("; ") || "none";
    const statusCell = c.forms.map((f, i) => `${f.formId}: ${c.expect.forms[i]}`).join("<br>");
    const seed = c.seed.map((q) => `"${q}"`).join(" ");
    const holderCell = `${c.expect.holder}${c.expect.forfeited ? " (promise forfeited 2004-01-26)" : ""}`;
    rows.push(`| ${c.id} | ${cell(c.title)} | ${c.holder} | ${statusCell} | ${holderCell} | ${cell(grantsCell)} | ${cell(c.rule)}: ${cell(seed)}${c.note ? `<br>${cell(c.note)}` : ""} |`);
    c.forms.forEach((f, i) => {
      const listed = f.type === "withdrawal" ? "" : f.tenders.length ? f.tenders.map((t) => `${t.grantId} ${t.shares === null || t.style === "blank" ? "(blank)" : thousands(t.shares)}`).join(", ") : "(none)";
      const received = f.unreadable ? "7/24/2003" : receivedText(f.received, f.receivedStyle);
      const reason = f.unreadable ? "no time of receipt" : result.outcome.get(f).reason;
      const due = f.unreadable ? "" : isoDate(confirmationDue(f));
      formRows.push(`| ${f.formId} | ${c.id} | ${f.holder} | ${f.typeText} | ${cell(listed)} | ${signedText(f.signed)} | ${received} | ${f.channelText} | ${c.expect.forms[i]}: ${cell(reason)} | ${due} |`);
    });
  }
  const byStatus = (o, keys) => keys.map((k) => `${k} ${o[k] ?? 0}`).join(", ");
  const FORM_KEYS = ["counted", "superseded", "late", "channel", "invalid", "conflict"];
  const HOLDER_KEYS = ["tendered", "withdrawn", "declined", "no-response", "not-accepted"];
  const rosterLeavers = [...roster.entries()].sort().map(([id, d]) => `${id} ${isoDate(d)}`).join(", ");
  const ledgerHasTermination = [...roster.keys()].filter((id) => facts.byHolder.get(id).some((g) => g.terminationDate !== undefined));
  const background = logForms.filter((f) => !cases.some((c) => c.forms.includes(f)));
  return `# Capstone 2003: a SYNTHETIC election log and roster

**Not Capstone's records.** \`elections.csv\` and \`roster.csv\` are invented, like \`ledger.csv\` (see
README.md): no Capstone employee's election, withdrawal or departure is shown here. They exist so
that \`optex elections\` / \`optex new-grants\` and the pane's Elections section have a realistic log to
read, one that breaks every rule of issue 9 at least once, with the outcome each case must get.

## How it was made

\`node scripts/make-capstone-elections.js\` reads \`ledger.csv\` (with optex's ledger reader) and writes
these three files; it is deterministic (a fixed-seed generator: rerunning gives the same bytes), and
\`--check\` only compares. Eligibility is the offer's (US employees, exercise price >= $2.00, granted on
or before June 25, 2003, expiring after and employed through July 25, 2003). Of the ${eligibleCount(facts)}
holders with an eligible grant by the ledger, ${cases.filter((c) => !["8c", "8d", "13c"].includes(c.id)).length} are the named cases
below and the others are background: each tenders every eligible grant (about 72%), sends an Election
Form listing nothing (about 8%) or never answers (about 20%); ${background.length} background forms, all valid and counted, received by
fax or hand on the offer's business days (more of them near the deadline) and signed that day or up to
four days before. Form IDs are numbered in order of receipt (EF- Election Forms, NW- Notices to
Withdraw). Received is a Pacific wall-clock time ("7/24/2003 4:59:59 PM", or "7/16/2003 2:15 PM" from a
date stamp) or ISO 8601 with the offset; every time in the offer is PDT (UTC-7). Signed is written as
on the form, a date with or without a time.

\`roster.csv\` lists every holder with an eligible grant in the ledger and every ledger holder who sent
a form, Active with a blank termination date except the leavers: ${rosterLeavers}. Where the ledger has a
termination date (${ledgerHasTermination.join(", ")}), the roster has the same one.

The expected outcomes below are figured by the script itself (\`evaluate\`), a plain reading of the
rules over the ledger and the forms it made, independent of optex's engine; the script stops if a case
does not come out as designed. The offer: OFFER.json as in \`offer.json\` plus \`expirationTime\` "17:00",
\`timeZone\` "America/Los_Angeles", \`acceptedChannels\` ["fax", "hand"], one new share per old share,
new grant date January 26, 2004.

## Readings of the rules this file assumes

- A form **counts** if it is readable, received before 5:00:00 p.m. PDT July 24, 2003, by fax or hand,
  and not signed after it was received (a date-only signature is after its receipt only on a later
  day). Among a holder's counted forms the one signed latest wins; equal signatures: the later receipt;
  equal signatures and equal receipts: every tied form is \`conflict\` and nothing of the holder is
  accepted (\`not-accepted\`). Counted forms that lose are \`superseded\`.
- A holder is \`no-response\` with no readable form; \`not-accepted\` when forms came but none counted, the
  latest ones conflict, or every grant on the winning Election Form was rejected; \`withdrawn\` when the
  winner is a Notice to Withdraw; \`declined\` when the winning Election Form lists no grant; otherwise
  \`tendered\`. Holders counted: every holder with an eligible grant (after the roster) or a readable form.
- Confirmation due = two business days after the receipt's date in New York (EDT, UTC-4); July 4,
  2003 is a federal holiday.

## Cases

Form statuses: counted / superseded / late / channel / invalid / conflict; a line that cannot be read
is a row error and makes no form. Holder statuses: tendered / withdrawn / declined / no-response /
not-accepted.

| case | what | holder | Form ID: expected status | holder status | grants | rule, and the seed's words |
|---|---|---|---|---|---|---|
${rows.join("\n")}

The forms of the cases, as logged (confirmation due: two business days after the New York date of receipt):

| Form ID | case | holder | type | grants listed (shares) | signed | received | channel | status: why | confirm by |
|---|---|---|---|---|---|---|---|---|---|
${formRows.join("\n")}

## Expected totals (with \`--roster roster.csv\`)

- Log: **${t.linesIn} lines in** = ${t.linesRead} read + ${t.rowErrors} row error (the line of case 12).
- Forms: **${t.forms}** (${byStatus(t.formsByStatus, FORM_KEYS)}).
- Rejected tenders (lines of winning Election Forms): ${t.rejectedTenderLines}, of ${t.tenderLinesOnCountedForms} grant lines on counted forms.
- Holders: **${t.holders}** (${byStatus(t.holdersByStatus, HOLDER_KEYS)}).
- Eligible: **${t.eligible.grants} grants, ${thousands(t.eligible.shares)} shares, ${t.eligible.holders} holders** (the ledger alone: ${w.eligible.grants} grants, ${thousands(w.eligible.shares)} shares, ${w.eligible.holders} holders; less case 13b's, who left July 18).
- Accepted and cancelled July 25, 2003: **${t.accepted.grants} grants, ${thousands(t.accepted.shares)} shares, ${t.accepted.holders} holders**: ${t.participationPercent}% of the eligible shares.
- New option shares promised (Promise to Grant due ${isoDate(addBusinessDays(CANCELLATION, 3))}): **${thousands(t.newOptionShares)}**.
- New grants on January 26, 2004: ${t.newGrants.grants} grants, ${thousands(t.newGrants.shares)} shares, ${t.newGrants.holders} holders; forfeited: ${t.forfeited.holders} holder (case 13a), ${t.forfeited.grants} grant, ${thousands(t.forfeited.shares)} shares.

Without \`--roster\` (the ledger's termination dates only): eligible ${w.eligible.grants} grants, ${thousands(w.eligible.shares)} shares, ${w.eligible.holders} holders;
holders ${byStatus(w.holdersByStatus, HOLDER_KEYS)}; accepted ${w.accepted.grants} grants, ${thousands(w.accepted.shares)} shares, ${w.accepted.holders} holders (${w.participationPercent}%); nothing
forfeited for case 13a (the ledger does not know of the departure).
`;
}
function eligibleCount(facts) {
  return new Set(facts.grants.filter((g) => isEligible(g, () => undefined)).map((g) => g.holderId)).size;
}

module.exports = { makeElections, evaluate, isEligible, SEED, DEADLINE };

// --- the script ------------------------------------------------------------------------------------
if (require.main === module) {
  const fs = require("fs");
  const path = require("path");
  const reader = path.join(__dirname, "..", "lib", "core", "ledger", "importLedger.js");
  if (!fs.existsSync(reader)) {
    console.error("lib/ is not built: run npx tsc -p tsconfig.cli.json first");
    process.exit(2);
  }
  const { parseCsvLedger } = require(reader);
  const dir = path.join(__dirname, "..", "assets", "samples", "capstone-2003");
  const ledger = parseCsvLedger(fs.readFileSync(path.join(dir, "ledger.csv"), "utf8"));
  if (ledger.rejected) throw new Error("ledger.csv has rejected rows");
  const grants = [];
  for (let i = 0; i < ledger.table.length; i++) grants.push(ledger.table.grantAt(i));
  const made = makeElections(grants);
  const files = { "elections.csv": made.electionsCsv, "roster.csv": made.rosterCsv, "ELECTIONS.md": made.electionsMd };
  if (process.argv.includes("--check")) {
    const stale = Object.keys(files).filter((name) => !fs.existsSync(path.join(dir, name)) || fs.readFileSync(path.join(dir, name), "utf8") !== files[name]);
    if (stale.length) {
      console.error(`out of date: ${stale.join(", ")} (run node scripts/make-capstone-elections.js)`);
      process.exit(1);
    }
    console.log("elections.csv, roster.csv and ELECTIONS.md are up to date");
  } else {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    console.log(`wrote ${Object.keys(files).join(", ")} in ${path.relative(process.cwd(), dir) || "."}`);
  }
  console.log(made.summary);
}
