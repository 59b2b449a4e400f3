/**
 * The filing-fee table in the layout of Exhibit 107 ("EX-FILING FEES") Table 1, with the cover-page
 * footnote worded like the seed's.
 */
import Decimal from "decimal.js";
import { serialToYmd } from "../dates/serial";
import { OfferTerms } from "./offerTerms";
import { OfferValuation } from "./valueOffer";

/** Table 1's rows, in order. */
export const FEE_TABLE_LABELS = [
  "Fees to Be Paid",
  "Fees Previously Paid",
  "Total Transaction Valuation",
  "Total Fees Due for Filing",
  "Total Fees Previously Paid",
  "Total Fee Offsets",
  "Net Fee Due",
] as const;

export type FeeTableLabel = (typeof FEE_TABLE_LABELS)[number];

/** One row of Table 1; amounts are decimal strings, blank cells undefined. */
export interface FeeTableRow {
  label: FeeTableLabel;
  transactionValuation?: string;
  feeRate?: string;
  amount?: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "June 23, 2003". */
export function longDate(serial: number): string {
  const { year, month, day } = serialToYmd(serial);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** "$1,026,013.00" style with a fixed number of decimals. */
export function dollars(amount: string, decimals = 2): string {
  const [whole, fraction] = new Decimal(amount).toFixed(decimals).split(".");
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? "." + fraction : ""}`;
}

/** "1,026,013". */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** Table 1 rows: Fees to Be Paid ... Net Fee Due. */
export function feeTableRows(valuation: OfferValuation): FeeTableRow[] {
  const ratePerDollar = new Decimal(valuation.feeRatePerMillion).dividedBy(1_000_000).toFixed();
  return [
    { label: "Fees to Be Paid", transactionValuation: valuation.transactionValuation, feeRate: ratePerDollar, amount: valuation.netFeeDue },
    { label: "Fees Previously Paid", amount: valuation.feesPreviouslyPaid },
    { label: "Total Transaction Valuation", transactionValuation: valuation.transactionValuation },
    { label: "Total Fees Due for Filing", amount: valuation.filingFee },
    { label: "Total Fees Previously Paid", amount: valuation.feesPreviouslyPaid },
    { label: "Total Fee Offsets", amount: "0.00" },
    { label: "Net Fee Due", amount: valuation.netFeeDue },
  ];
}

/** A figure the footnote quotes (a worksheet takes it from a cell). */
export type FootnoteFigure = "eligibleShares" | "issuerName" | "transactionValuation" | "valuationDate" | "feeRatePerMillion";

/** The footnote in parts: fixed wording, and the figures it quotes with their text. */
export type FootnotePart = { text: string; figure?: FootnoteFigure };

/**
 * The footnote, worded like Capstone's cover page, as parts: the one definition the text (below) and
 * the Filing Fee sheet's formula (taskpane/workbook/model.ts) are both built from.
 */
export function feeFootnoteParts(valuation: OfferValuation, terms: OfferTerms): FootnotePart[] {
  const rate = valuation.feeRatePerMillion;
  return [
    { text: "Calculated solely for purposes of determining the filing fee. This amount assumes that options to purchase " },
    { text: count(valuation.eligibleShares), figure: "eligibleShares" },
    { text: " shares of common stock of " },
    { text: terms.issuerName, figure: "issuerName" },
    { text: " having an aggregate value of $" },
    { text: dollars(valuation.transactionValuation).slice(1), figure: "transactionValuation" },
    { text: " as of " },
    { text: longDate(terms.valuationDate), figure: "valuationDate" },
    {
      text:
        " will be exchanged and/or cancelled pursuant to this offer. The aggregate value of such options was calculated based on the Black-Scholes option pricing model. " +
        "The amount of the filing fee, calculated in accordance with the Securities Exchange Act of 1934, as amended, equals $",
    },
    { text: dollars(rate, Math.max(2, new Decimal(rate).decimalPlaces())).slice(1), figure: "feeRatePerMillion" },
    { text: " for each $1,000,000 of the value of the transaction." },
  ];
}

/**
 * The footnote, worded like Capstone's cover page.
 * @example "Calculated solely for purposes of determining the filing fee. This amount assumes that options to purchase 1,026,013 shares ..."
 */
export function feeFootnote(valuation: OfferValuation, terms: OfferTerms): string {
  return feeFootnoteParts(valuation, terms)
    .map((p) => p.text)
    .join("");
}
