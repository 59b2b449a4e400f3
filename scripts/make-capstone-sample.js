#!/usr/bin/env node
// Writes assets/samples/capstone-2003/{ledger.csv, offer.json}: a SYNTHETIC option ledger
// reconstructed to agree with every aggregate Capstone Turbine's Schedule TO (June/July 2003) states,
// and the offer's terms with a volatility calibrated so the valuation reproduces the cover page's
// $991,619.92. Deterministic: run it again and the files are the same. Needs `npm run prepare` (lib/).
"use strict";
const fs = require("fs");
const path = require("path");
const lib = path.join(__dirname, "..", "lib");
const { parseCsvLedger } = require(path.join(lib, "core/ledger/importLedger.js"));
const { readOfferTerms, OFFER_FIELD_NAMES } = require(path.join(lib, "core/offer/offerTerms.js"));
const { valueOffer } = require(path.join(lib, "core/offer/valueOffer.js"));
const { isoToSerial, serialToIso, addMonthsClamped } = require(path.join(lib, "core/dates/serial.js"));

const OUT = path.join(__dirname, "..", "assets", "samples", "capstone-2003");

// --- the filing's figures (seed 004) -------------------------------------------------------------
const TOTAL_OUTSTANDING = 9_851_440; // all options, June 10, 2003
const UNDER_PLANS = 5_661_440; // under the 1993 and 2000 plans
const ELIGIBLE = 1_026_013; // eligible for the offer
const TARGET_VALUATION = "991619.92";
// Schedule A / section 10 table: in-plan options of directors and executive officers
const INSIDERS = [
  ["Susan Cayley", "officer", "Vice President, General Counsel and Secretary", 125000],
  ["Karen Clark", "officer", "Chief Financial Officer", 50000],
  ["Harol Koyama", "officer", "Senior Vice President of Sales and Marketing", 235000],
  ["Jeffrey Willis", "officer", "Senior Vice President of Engineering", 93937],
  ["David McShane", "officer", "Vice President of Quality and Service", 73812],
  ["Eliot Protsch", "director", "Chairman of the Board", 31600],
  ["Richard Donnelly", "director", "Director", 31600],
  ["John Jaggers", "director", "Director", 31600],
  ["Jean-Rene Marcoux", "director", "Director", 31600],
  ["John McDonald", "director", "Director", 10000],
  ["Eric Young", "director", "Director", 31600],
];
// footnotes (1) and (2): options granted outside the plans
const OUTSIDE_PLANS = [
  ["Emily Liggett", "executive", 3840000, "2002-12-02", 0.89],
  ["Karen Clark", "officer", 350000, "2003-03-03", 0.96],
];
// Section 8: high and low closing prices by quarter
const QUARTERS = [
  ["2001-01-02", "2001-03-30", 21.68, 47.38],
  ["2001-04-02", "2001-06-29", 18.5, 38.25],
  ["2001-07-02", "2001-09-28", 4.45, 23.53],
  ["2001-10-01", "2001-12-31", 3.2, 6.55],
  ["2002-01-02", "2002-03-28", 2.76, 5.98],
  ["2002-04-01", "2002-06-28", 1.52, 3.82],
  ["2002-07-01", "2002-09-30", 0.59, 1.74],
  ["2002-10-01", "2002-12-31", 0.56, 1.26],
  ["2003-01-02", "2003-03-31", 0.71, 1.18],
  ["2003-04-01", "2003-06-10", 0.9, 1.48],
];

let seed = 20030625;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(rand() * list.length)];
const LOTS = [500, 750, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 7500, 10000, 12500, 15000];

function weekdayIso(from, to) {
  const a = isoToSerial(from);
  const b = isoToSerial(to);
  for (;;) {
    const s = a + Math.floor(rand() * (b - a + 1));
    const w = (s - 1) % 7;
    if (w !== 0 && w !== 6) return s;
  }
}

/** A grant date and a closing price within the quarter's range (rounded to the cent). */
function grantIn(quarters, minPrice = 0) {
  for (;;) {
    const [from, to, low, high] = pick(quarters);
    const price = Math.round((low + rand() * (high - low)) * 100) / 100;
    if (price >= minPrice) return { date: weekdayIso(from, to), price };
  }
}

const rows = [];
let grantNumber = 1000;
let employeeNumber = 1;
function add(r) {
  grantNumber += 1 + Math.floor(rand() * 3);
  rows.push({
    grant: `G${grantNumber}`,
    optionType: "NSO",
    expiration: serialToIso(addMonthsClamped(r.date, 120)),
    termination: "",
    ...r,
    date: serialToIso(r.date),
  });
}

/** Grants for new synthetic employees until `total` shares, the last lot trimmed to hit it exactly. */
function employees(total, make) {
  let left = total;
  while (left > 0) {
    const shares = Math.min(left, pick(LOTS));
    left -= shares;
    const holder = `E${String(employeeNumber).padStart(4, "0")}`;
    employeeNumber++;
    add({ holder, name: `Employee ${holder.slice(1)}`, shares, ...make() });
  }
}

const plan = () => (rand() < 0.15 ? "1993 Incentive Stock Plan" : "2000 Equity Incentive Plan");
const eligibleQuarters = QUARTERS.slice(0, 6);
const lowQuarters = QUARTERS.slice(5);

// 1. Eligible: US non-executive employees, exercise price >= $2.00, granted before commencement.
//    A tenth of them hold an ISO + NSO pair granted the same day (one tender unit).
const eligibleStart = rows.length;
employees(ELIGIBLE, () => ({ cls: "Employee", country: "United States", plan: plan(), ...grantIn(eligibleQuarters, 2) }));
for (let i = eligibleStart; i < rows.length; i += 10) {
  const r = rows[i];
  if (r.shares < 2000) continue;
  const iso = Math.floor(r.shares / 2);
  r.shares -= iso;
  r.optionType = "NSO";
  grantNumber += 1;
  rows.push({ ...r, grant: `G${grantNumber}`, shares: iso, optionType: "ISO" });
}

// 2. In the plans but not eligible (3,889,678 shares): low-priced grants, non-US residents,
//    consultants, employees terminated before the cancellation date, and grants expiring before it.
const NOT_ELIGIBLE = UNDER_PLANS - ELIGIBLE - INSIDERS.reduce((s, i) => s + i[3], 0);
const others = [
  [150000, () => ({ cls: "Employee", country: pick(["United Kingdom", "Japan", "Mexico"]), plan: plan(), ...grantIn(eligibleQuarters, 2) })],
  [82500, () => ({ cls: "Consultant", country: "United States", plan: "2000 Equity Incentive Plan", ...grantIn(eligibleQuarters, 2) })],
  [121000, () => ({ cls: "Employee", country: "United States", plan: plan(), termination: pick(["2003-05-30", "2003-06-13", "2003-07-03"]), ...grantIn(eligibleQuarters, 2) })],
];
for (const [total, make] of others) employees(total, make);
// a 1993-plan grant from 1993 that expires before the cancellation date
add({ holder: "E0999", name: "Employee 0999", shares: 6000, cls: "Employee", country: "United States", plan: "1993 Incentive Stock Plan", date: isoToSerial("1993-07-20"), price: 2.5, expiration: "2003-07-20" });
// fully exercised grants still on the ledger (no shares outstanding)
add({ holder: "E0998", name: "Employee 0998", shares: 0, cls: "Employee", country: "USA", plan: "2000 Equity Incentive Plan", date: isoToSerial("2001-02-12"), price: 30.1 });
const placed = 150000 + 82500 + 121000 + 6000;
employees(NOT_ELIGIBLE - placed, () => ({ cls: "Employee", country: "United States", plan: plan(), ...grantIn(lowQuarters.slice(1)) }));

// 3. Directors and executive officers, in the plans (the table), and outside them (footnotes).
let insiderNumber = 1;
for (const [name, cls, , total] of INSIDERS) {
  const holder = `D${String(insiderNumber++).padStart(3, "0")}`;
  let left = total;
  if (cls === "director") {
    // each director was granted 10,000 at $1.40 on May 30, 2003
    add({ holder, name, shares: 10000, cls: "Director", country: "United States", plan: "2000 Equity Incentive Plan", date: isoToSerial("2003-05-30"), price: 1.4 });
    left -= 10000;
  }
  while (left > 0) {
    const shares = left > 60000 ? Math.round((left * (0.4 + rand() * 0.3)) / 100) * 100 : left;
    left -= shares;
    add({ holder, name, shares, cls: cls === "officer" ? "Officer" : "Director", country: "United States", plan: "2000 Equity Incentive Plan", ...grantIn(QUARTERS) });
  }
}
for (const [name, cls, shares, date, price] of OUTSIDE_PLANS) {
  const existing = rows.find((r) => r.name === name);
  const holder = existing ? existing.holder : `D${String(insiderNumber++).padStart(3, "0")}`;
  add({ holder, name, shares, cls: cls === "executive" ? "Executive Officer" : "Officer", country: "United States", plan: "Non-plan option agreement", date: isoToSerial(date), price });
}

// --- write the ledger in an export's shape ---------------------------------------------------------
rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.grant < b.grant ? -1 : 1));
const csvField = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const money = (p) => `$${p.toFixed(2)}`;
const thousands = (n) => n.toLocaleString("en-US");
const header = ["Grant Number", "Employee ID", "Name", "Relationship", "Country", "Plan", "Grant Date", "Expiration Date", "Exercise Price", "Options Outstanding", "ISO/NSO", "Termination Date"];
const lines = [header.join(",")];
for (const r of rows) {
  lines.push([r.grant, r.holder, r.name, r.cls, r.country, r.plan, r.date, r.expiration, money(r.price), thousands(r.shares), r.optionType, r.termination].map(csvField).join(","));
}
const csv = lines.join("\r\n") + "\r\n";

// --- calibrate the volatility --------------------------------------------------------------------
const ledger = parseCsvLedger(csv);
if (ledger.rejected) throw new Error(`sample has rejected rows: ${JSON.stringify(ledger.errors.slice(0, 3))}`);
const base = {
  issuerName: "Capstone Turbine Corporation",
  valuationDate: "2003-06-23",
  stockPrice: 1.27,
  riskFreeRate: 0.03,
  dividendYield: 0,
  exercisePriceThreshold: 2,
  eligibleHolderClasses: ["employee"],
  eligibleCountries: ["US"],
  commencementDate: "2003-06-25",
  expirationDate: "2003-07-24",
  cancellationDate: "2003-07-25",
  filingDate: "2003-06-25",
  // every field stated, the conventions too: null = the SEC rate on the filing date (FEE_RATE)
  feeRatePerMillion: null,
  feeRounding: "cent",
  termBasis: "remaining",
  // the filing's model: Black-Scholes (the lattice's assumptions are not the filing's: null, not used)
  valuationModel: "black-scholes",
  vestingYears: null,
  exitRate: null,
  exerciseMultiple: null,
  stepsPerYear: null,
  sharesOutstanding: 81433162,
  feesPreviouslyPaid: "0",
  // elections and the new option (seed 004): expires "at 5:00 p.m., Pacific Time"; forms "via hand
  // delivery or fax (e-mail is not sufficient)"; new options "expire ten years from the date of
  // grant", 6/48 at grant then 1/48 a month to 42 months; one new share per old share, whole shares
  expirationTime: "17:00",
  timeZone: "America/Los_Angeles",
  acceptedChannels: ["fax", "hand"],
  newOptionLifeYears: 10,
  newOptionVesting: { vestingMonths: 42, cliffMonths: 0, upfrontFraction: 0.125, intervalMonths: 1 },
  exchangeRatio: 1,
  splitFactor: 1,
  newOptionRounding: "floor-per-grant",
  // null = NEW_GRANT_DATE(cancellationDate): the filing fixes no date, only the rule
  newGrantDate: null,
  // Amendment No. 1 (the Offer to Exchange "as amended on July 9, 2003"): wording, the Promise to
  // Grant's timing and disclosures; the consideration and the number of options sought unchanged
  amendments: [
    {
      date: "2003-07-09",
      considerationChanged: false,
      numberSoughtChanged: false,
      description: "Amendment No. 1: sole to reasonable discretion; Promise to Grant within three business days of cancellation; added disclosures (Schedule B)",
    },
  ],
};
const exact = (vol) => Number(valueOffer(ledger.grants, readOfferTerms({ ...base, volatility: vol })).exactValuation);
let lo = 0.05;
let hi = 3;
for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
  const mid = (lo + hi) / 2;
  if (exact(mid) < Number(TARGET_VALUATION)) lo = mid;
  else hi = mid;
}
// the shortest decimal volatility whose valuation rounds to the target
let volatility;
for (let digits = 4; digits <= 17; digits++) {
  const v = Number(((lo + hi) / 2).toPrecision(digits));
  if (valueOffer(ledger.grants, readOfferTerms({ ...base, volatility: v })).transactionValuation === TARGET_VALUATION) {
    volatility = v;
    break;
  }
}
if (volatility === undefined) throw new Error("calibration failed");
// every field, in the order the README lists them
const offer = {
  _about: "Capstone Turbine's 2003 option exchange (Schedule TO, amended July 9, 2003). SYNTHETIC reconstruction: see README.md.",
  _feeRatePerMillion: "null = FEE_RATE(filingDate): $80.90 per $1,000,000 on 2003-06-25, the rate the cover page applies",
  _newGrantDate: "null = NEW_GRANT_DATE(cancellationDate): the first business day six months and one day after July 25, 2003 = 2004-01-26 (the filing states the rule, not a date)",
  _valuationModel: "black-scholes, as the filing valued the options; null = not stated: the Hull-White lattice's assumptions (vestingYears, exitRate, exerciseMultiple, stepsPerYear) are for \"hull-white\"",
  _amendments: "Amendment No. 1 (July 9, 2003) changed wording (\"reasonable\" for \"sole\" discretion), the Promise to Grant's timing (within three business days of cancellation) and disclosures; neither the consideration nor the number of options sought (still 1,026,013 shares)",
  ...Object.fromEntries(OFFER_FIELD_NAMES.map((name) => [name, name === "volatility" ? volatility : base[name]])),
};
if (Object.values(offer).some((v) => v === undefined)) throw new Error("offer.json must state every field");
const result = valueOffer(ledger.grants, readOfferTerms(offer));
const outstanding = ledger.grants.reduce((s, g) => s + g.sharesOutstanding, 0);
if (outstanding !== TOTAL_OUTSTANDING || result.eligibleShares !== ELIGIBLE) throw new Error("aggregates do not match");

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, "ledger.csv"), csv);
fs.writeFileSync(path.join(OUT, "offer.json"), JSON.stringify(offer, null, 2) + "\n");
console.log(`${ledger.rows} grants, ${thousands(outstanding)} options outstanding, ${thousands(result.eligibleShares)} eligible`);
console.log(`volatility ${volatility} -> transaction valuation ${result.transactionValuation}, fee ${result.filingFee}`);
