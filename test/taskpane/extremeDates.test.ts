/**
 * The generated sheets agree with the core (and so with the CLI, which prints the core's figures)
 * for every grant the ledger accepts, dates anywhere in Excel's range 1900-01-01..9999-12-31: the
 * workbook is built for grants with extreme dates, recalculated by the spreadsheet engine, and every
 * formula cell of every sheet is compared with the value the core computed for it.
 * Issue 7: an expiration of 12/31/9999 (a "never expires" export value) was valued by the CLI but
 * #NUM! in the generated sheet.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { LedgerResult } from "../../src/core/ledger/parseLedger";
import { OfferTerms, readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { buildWorkbookModel } from "../../src/taskpane/workbook/model";
import { engineFor, formulaCells, sameValue } from "./sheetEngine";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const offerJson = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8"));

/** A ledger of the given rows (grant date, expiration date), all eligible under the Capstone terms' rules. */
function ledgerOf(rows: [string, string][]): LedgerResult {
  const csv = ["Grant Number,Grant Date,Expiration Date,Exercise Price,Outstanding,Relationship,Country"];
  rows.forEach(([granted, expires], i) => csv.push(`G${i + 1},${granted},${expires},$${(2 + i * 0.75).toFixed(2)},${100 * (i + 1)},Employee,US`));
  const ledger = parseCsvLedger(csv.join("\n") + "\n");
  expect(ledger.errors).toEqual([]); // the ledger accepts every one of these dates
  expect(ledger.accepted).toBe(rows.length);
  return ledger;
}

const EXTREMES: [string, string][] = [
  ["1900-01-01", "9999-12-31"], // Excel's first date, "never expires"
  ["1900-03-01", "9999-12-31"], // the first date after Excel's fictitious 1900-02-29
  ["1900-03-01", "9999-12-30"],
  ["2001-05-01", "9999-12-31"],
  ["2001-05-01", "2011-05-01"], // an ordinary ten-year grant
  ["2001-05-01", "2003-07-26"], // the day after Capstone's cancellation date: the shortest eligible term
];
const ORDINARY: [string, string][] = [
  ["1900-01-01", "2011-05-01"],
  ["2001-05-01", "2011-05-01"],
  ["2001-05-01", "2003-07-26"],
];

/**
 * [what, offer fields over Capstone's, grants, whether the sheets agree today]. A grant that expires
 * before the valuation date is never eligible (it must expire after the cancellation date, which is
 * on or after the offer's expiration, on or after the valuation date), so no sheet values one.
 */
const CASES: [string, Record<string, unknown>, [string, string][], boolean][] = [
  ["Capstone's terms, ordinary and extreme grant dates", {}, ORDINARY, true],
  ["Capstone's terms, simplified term (SAB 107, capped at the remaining life)", { termBasis: "simplified" }, EXTREMES, true],
  ["a valuation date on the offer's expiration date", { valuationDate: "2003-07-24", filingDate: "2003-07-24" }, ORDINARY, true],
  ["a valuation date on 1900-01-01", { valuationDate: "1900-01-01" }, ORDINARY, true],
  ["Capstone's terms, expirations up to 9999-12-31 (remaining term up to 7,997 years)", {}, EXTREMES, false],
  ["a valuation date on 1900-03-01, expirations up to 9999-12-31 (8,105 years)", { valuationDate: "1900-03-01" }, EXTREMES, false],
];

function sheetsAgainstCore(_: string, offer: Record<string, unknown>, rows: [string, string][]) {
  const ledger = ledgerOf(rows);
  const terms: OfferTerms = readOfferTerms({ ...offerJson, ...offer });
  const valuation = valueOffer(ledger.grants, terms);
  expect(valuation.eligibleCount).toBe(rows.length);
  const model = buildWorkbookModel(ledger, terms, valuation);
  const checks = formulaCells(engineFor(model), model);
  // by grant: term, value per share, value, new option shares and their value (issue 10: the offer
  // states the new option's life), and with "simplified" the value before the exchange at the
  // remaining term; the totals of those columns but the term and the value per share; Fee_Rate;
  // New_Grant_Date when the offer fixes none (Capstone's does not); 10 on Filing Fee; the exchange
  // cost's 5 figures
  const perGrant = terms.termBasis === "simplified" ? 6 : 5;
  const grantDate = terms.newGrantDate === undefined ? 1 : 0;
  expect(checks.length).toBe(perGrant * rows.length + (perGrant - 1) + 1 + grantDate + 10 + 5);
  expect(checks.filter((c) => !sameValue(c))).toEqual([]);
}

describe("the sheets equal the core for grants with extreme dates (every formula cell)", () => {
  it.each(CASES)("%s", sheetsAgainstCore);
});
