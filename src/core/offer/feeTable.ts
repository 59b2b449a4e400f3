/**
 * The filing-fee table in the layout of Exhibit 107 ("EX-FILING FEES") Table 1, with the cover-page
 * footnote worded like the seed's.
 */
import Decimal from "decimal.js";
import { serialToYmd } from "../dates/serial";
import { OfferTerms } from "./offerTerms";
import { OfferValuation } from "./valueOffer";

/** One row of Table 1; amounts are decimal strings, blank cells undefined. */
export interface FeeTableRow {
  label: string;
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

/**
 * The footnote, worded like Capstone's cover page.
 * @example "Calculated solely for purposes of determining the filing fee. This amount assumes that options to purchase 1,026,013 shares ..."
 */
export function feeFootnote(valuation: OfferValuation, terms: OfferTerms): string {
  return (
    `Calculated solely for purposes of determining the filing fee. This amount assumes that options to purchase ` +
    `${count(valuation.eligibleShares)} shares of common stock of ${terms.issuerName} having an aggregate value of ` +
    `${dollars(valuation.transactionValuation)} as of ${longDate(terms.valuationDate)} will be exchanged and/or cancelled ` +
    `pursuant to this offer. The aggregate value of such options was calculated based on the Black-Scholes option pricing ` +
    `model. The amount of the filing fee, calculated in accordance with the Securities Exchange Act of 1934, as amended, ` +
    `equals ${dollars(valuation.feeRatePerMillion, Math.max(2, new Decimal(valuation.feeRatePerMillion).decimalPlaces()))} for each $1,000,000 of the value of the transaction.`
  );
}
