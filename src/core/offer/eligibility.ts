/**
 * Which grants the offer may take: the seed's eligibility rules, with the reason a grant is out.
 */
import { Grant } from "../ledger/parseLedger";
import { OfferTerms } from "./offerTerms";

/** Why a grant is not eligible (the first rule it fails, in this order). */
export type IneligibleReason =
  | "holder class"
  | "country"
  | "exercise price below threshold"
  | "no shares outstanding"
  | "granted after commencement"
  | "expires by cancellation"
  | "holder terminated";

/**
 * undefined when the grant is eligible, else the first rule it fails: its class and country must be
 * eligible, its exercise price at or above the threshold, it must have shares outstanding, have been
 * granted on or before commencement, expire after the cancellation date, and its holder must not have
 * been terminated on or before the cancellation date.
 */
export function ineligibility(grant: Grant, terms: OfferTerms, classes: ReadonlySet<string>, countries: ReadonlySet<string>): IneligibleReason | undefined {
  if (!classes.has(grant.holderClass)) return "holder class";
  if (!countries.has(grant.country)) return "country";
  if (!(grant.exercisePrice >= terms.exercisePriceThreshold)) return "exercise price below threshold";
  if (!(grant.sharesOutstanding > 0)) return "no shares outstanding";
  if (grant.grantDate > terms.commencementDate) return "granted after commencement";
  if (grant.expirationDate <= terms.cancellationDate) return "expires by cancellation";
  if (grant.terminationDate !== undefined && grant.terminationDate <= terms.cancellationDate) return "holder terminated";
  return undefined;
}

/** The rule set as sets, built once per valuation. */
export function eligibilitySets(terms: OfferTerms): { classes: Set<string>; countries: Set<string> } {
  return { classes: new Set(terms.eligibleHolderClasses), countries: new Set(terms.eligibleCountries) };
}
