/**
 * The new options, granted on the new grant date to holders whose options were accepted and who are
 * still employees then (seed 004: "if you are not an employee ... on the new grant date, you will not
 * receive a new option ... or any other consideration"): one new grant per accepted old grant, for the
 * new option shares promised for it, at the closing price on the new grant date, with the offer's
 * new-option life (expiration = EDATE(grant date, life x 12)) and vesting.
 *
 * Employment on the new grant date: the roster's termination date when a roster is given (a holder
 * the roster does not list is not shown to be employed, and forfeits), else the ledger's; a
 * termination on or before the new grant date forfeits, as a termination on or before the
 * cancellation date makes a grant ineligible (eligibility.ts).
 */
import Decimal from "decimal.js";
import { addMonthsClamped } from "../dates/serial";
import { raise } from "../errors";
import { GrantTable } from "../ledger/grantTable";
import { longDate } from "../offer/feeTable";
import { readPrice } from "../tables/values";
import { RosterEntry } from "./tally";
import { ElectionResults, ForfeitedPromise, NewGrant, NewGrantResults } from "./types";

/**
 * Reads the closing price on the new grant date: a price optex reads with certainty ("1.27",
 * "$1.27"), above zero; its exact decimal text.
 * @throws CalcError `#VALUE!` naming `field` and what was typed
 */
export function readGrantPrice(text: string | number, field = "grant price"): string {
  const read = readPrice(text);
  if (!read.ok) raise("grantPriceInvalid", field, { value: text, reason: read.reason });
  if (read.value === undefined) raise("grantPriceInvalid", field, { value: text, reason: "it is blank" });
  if (!(read.value > 0)) raise("grantPriceInvalid", field, { value: text, reason: "it must be above $0" });
  return new Decimal(read.value).toFixed();
}

/** The new grants and the promises forfeited, given the closing price on the new grant date. */
export function newGrants(results: ElectionResults, ledger: GrantTable, grantPrice: string | number, roster?: ReadonlyMap<string, RosterEntry>): NewGrantResults {
  const price = readGrantPrice(grantPrice);
  const { newOption } = results.terms;
  const months = newOption.lifeYears * 12;
  if (!Number.isInteger(months) || months <= 0) raise("newOptionLifeNotMonths", "offer.newOptionLifeYears", { value: newOption.lifeYears });
  const grantDate = results.newGrantDate;
  const expirationDate = addMonthsClamped(grantDate, months);
  const out: NewGrantResults = { grantPrice: price, newGrants: [], forfeited: [], grantedShares: 0, forfeitedShares: 0 };
  for (const h of results.holders) {
    if (h.status !== "tendered") continue;
    let termination: number | undefined;
    let source = "ledger";
    if (roster) {
      const entry = roster.get(h.holderId);
      if (!entry) {
        forfeit(out, h, `not on the roster given for ${longDate(grantDate)}: not shown to be an employee on the new grant date`);
        continue;
      }
      termination = entry.terminationDate;
      source = "roster";
    } else {
      for (const row of h.acceptedGrants) {
        const d = ledger.terminationDate[row];
        if (d !== 0 && (termination === undefined || d < termination)) termination = d;
      }
    }
    if (termination !== undefined && termination <= grantDate) {
      forfeit(out, h, `employment ended ${longDate(termination)} (${source}), before the new grant date ${longDate(grantDate)}: no new option is granted`);
      continue;
    }
    h.acceptedGrants.forEach((row, k) => {
      const shares = h.newOptionSharesByGrant[k];
      const grant: NewGrant = {
        newGrantId: `NG-${ledger.grantId.get(row)}`,
        oldGrantId: ledger.grantId.get(row),
        holderId: h.holderId,
        holderName: h.holderName,
        shares,
        exercisePrice: price,
        grantDate,
        expirationDate,
        vesting: newOption.vesting,
      };
      out.newGrants.push(grant);
      out.grantedShares += shares;
    });
  }
  return out;
}

function forfeit(out: NewGrantResults, h: ElectionResults["holders"][number], reason: string): void {
  const entry: ForfeitedPromise = { holderId: h.holderId, holderName: h.holderName, oldGrantIds: h.acceptedGrantIds, shares: h.newOptionShares, reason };
  out.forfeited.push(entry);
  out.forfeitedShares += h.newOptionShares;
}
