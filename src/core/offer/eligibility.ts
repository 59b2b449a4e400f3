/**
 * Which grants the offer may take: the seed's eligibility rules, with the reason a grant is out.
 */
import { Grant } from "../ledger/parseLedger";
import { ExchangeOffer } from "./records";

/** Why a grant is not eligible (the first rule it fails, in this order). */
export type IneligibleReason =
  | "holder class"
  | "country"
  | "exercise price below threshold"
  | "no shares outstanding"
  | "granted after commencement"
  | "expires by cancellation"
  | "holder terminated";

/** An offer's eligibility rules, ready to test grants against. */
export interface EligibilityRules {
  classes: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  exercisePriceThreshold: number;
  commencementDate: number;
  cancellationDate: number;
}

/** The offer's rules, with its lists as sets (built once per valuation). */
export function eligibilityRules(offer: ExchangeOffer): EligibilityRules {
  return {
    classes: new Set(offer.eligibility.holderClasses),
    countries: new Set(offer.eligibility.countries),
    exercisePriceThreshold: offer.eligibility.exercisePriceThreshold,
    commencementDate: offer.commencementDate,
    cancellationDate: offer.cancellationDate,
  };
}

/**
 * undefined when the grant is eligible, else the first rule it fails: its class and country must be
 * eligible, its exercise price at or above the threshold, it must have shares outstanding, have been
 * granted on or before commencement, expire after the cancellation date, and its holder must not have
 * been terminated on or before the cancellation date.
 */
export function ineligibility(grant: Grant, rules: EligibilityRules): IneligibleReason | undefined {
  if (!rules.classes.has(grant.holderClass)) return "holder class";
  if (!rules.countries.has(grant.country)) return "country";
  if (!(grant.exercisePrice >= rules.exercisePriceThreshold)) return "exercise price below threshold";
  if (!(grant.sharesOutstanding > 0)) return "no shares outstanding";
  if (grant.grantDate > rules.commencementDate) return "granted after commencement";
  if (grant.expirationDate <= rules.cancellationDate) return "expires by cancellation";
  if (grant.terminationDate !== undefined && grant.terminationDate <= rules.cancellationDate) return "holder terminated";
  return undefined;
}
