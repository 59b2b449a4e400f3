/**
 * `optex value LEDGER.csv --offer OFFER.json [--json]`: the tender valuation from the command line.
 */
import * as fs from "fs";
import { CalcError } from "../core/errors";
import { serialToIso } from "../core/dates/serial";
import { parseCsvLedger, LedgerResult } from "../core/ledger/parseLedger";
import { readOfferTerms, OfferTerms } from "../core/offer/offerTerms";
import { OfferValuation, valueOffer } from "../core/offer/valueOffer";
import { count, dollars, feeFootnote, feeTableRows } from "../core/offer/feeTable";

/** The JSON report: ledger counts and errors, the figures as decimal strings, the statistics. */
export function valuationReport(ledger: LedgerResult, terms: OfferTerms, v: OfferValuation): Record<string, unknown> {
  return {
    ledger: { rows: ledger.rows, accepted: ledger.accepted, rejected: ledger.rejected, errors: ledger.errors },
    eligible: { grants: v.eligibleCount, shares: v.eligibleShares },
    outstanding: { grants: v.outstandingCount, shares: v.outstandingShares },
    transactionValuation: v.transactionValuation,
    feeRatePerMillion: v.feeRatePerMillion,
    feeRateSource: v.feeRateSource,
    filingFee: v.filingFee,
    feesPreviouslyPaid: v.feesPreviouslyPaid,
    netFeeDue: v.netFeeDue,
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
    },
    feeTable: feeTableRows(v),
    footnote: feeFootnote(v, terms),
  };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** The readable report. */
export function valuationText(ledger: LedgerResult, terms: OfferTerms, v: OfferValuation): string {
  const out: string[] = [];
  out.push(`${terms.issuerName}: option exchange valued as of ${serialToIso(terms.valuationDate)} (stock $${terms.stockPrice}, volatility ${terms.volatility}, rate ${terms.riskFreeRate}, yield ${terms.dividendYield}, term ${terms.termBasis})`);
  out.push("");
  out.push(`Ledger: ${count(ledger.rows)} rows = ${count(ledger.accepted)} accepted + ${count(ledger.rejected)} rejected`);
  for (const e of ledger.errors.slice(0, 20)) out.push(`  line ${e.row}${e.column ? ` (${e.column})` : ""}: ${e.message}`);
  if (ledger.errors.length > 20) out.push(`  ... ${count(ledger.errors.length - 20)} more (see --json)`);
  out.push("");
  out.push(`Outstanding options    ${pad(count(v.outstandingShares), 14, true)} shares in ${count(v.outstandingCount)} grants`);
  out.push(`Eligible options       ${pad(count(v.eligibleShares), 14, true)} shares in ${count(v.eligibleCount)} grants (${v.eligiblePercentOfOutstanding}% of outstanding${v.eligiblePercentOfCommon ? `; ${v.eligiblePercentOfCommon}% of common stock` : ""})`);
  out.push("");
  out.push(`By exercise price      ${pad("grants", 8, true)} ${pad("shares", 12, true)} ${pad("eligible", 12, true)} ${pad("value", 16, true)}`);
  for (const b of v.bands) {
    out.push(`  ${pad(b.label, 20)} ${pad(count(b.grants), 8, true)} ${pad(count(b.shares), 12, true)} ${pad(count(b.eligibleShares), 12, true)} ${pad(dollars(b.eligibleValue), 16, true)}`);
  }
  out.push("");
  out.push("Holdings by class");
  for (const c of v.byClass) out.push(`  ${pad(c.holderClass, 20)} ${pad(count(c.grants), 8, true)} ${pad(count(c.shares), 12, true)}`);
  out.push("");
  out.push(`Transaction valuation  ${pad(dollars(v.transactionValuation), 16, true)}`);
  out.push(`Fee rate               ${pad(dollars(v.feeRatePerMillion), 16, true)} per $1,000,000${v.feeRateSource === "FEE_RATE" ? ` (FEE_RATE on ${serialToIso(terms.filingDate)})` : ""}`);
  out.push(`Filing fee             ${pad(dollars(v.filingFee), 16, true)}`);
  out.push(`Net fee due            ${pad(dollars(v.netFeeDue), 16, true)}`);
  out.push("");
  out.push(feeFootnote(v, terms));
  return out.join("\n");
}

/** Runs `optex value`; returns the exit code. */
export function runValue(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  let ledgerPath: string | undefined;
  let offerPath: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--json") json = true;
    else if (args[i] === "--offer") offerPath = args[++i];
    else if (args[i].startsWith("--offer=")) offerPath = args[i].slice(8);
    else if (!ledgerPath && !args[i].startsWith("--")) ledgerPath = args[i];
    else {
      err.write(`optex value: unexpected argument ${JSON.stringify(args[i])}\nusage: optex value LEDGER.csv --offer OFFER.json [--json]\n`);
      return 2;
    }
  }
  if (!ledgerPath || !offerPath) {
    err.write("usage: optex value LEDGER.csv --offer OFFER.json [--json]\n");
    return 2;
  }
  let text: string;
  let offerJson: unknown;
  try {
    text = fs.readFileSync(ledgerPath, "utf8");
  } catch (e) {
    err.write(`optex value: cannot read ${ledgerPath}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    offerJson = JSON.parse(fs.readFileSync(offerPath, "utf8"));
  } catch (e) {
    err.write(`optex value: cannot read ${offerPath}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const terms = readOfferTerms(offerJson);
    const ledger = parseCsvLedger(text);
    const valuation = valueOffer(ledger.grants, terms);
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
