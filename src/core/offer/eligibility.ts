/**
 * Which grants the offer may take: the seed's eligibility rules, with the reason a grant is out.
 */
import { GrantTable } from "../ledger/grantTable";
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

/** The reasons in the order the rules are tried; a grant's reason code is its index + 1 (0 = eligible). */
export const INELIGIBLE_REASONS: readonly IneligibleReason[] = [
  "holder class",
  "country",
  "exercise price below threshold",
  "no shares outstanding",
  "granted after commencement",
  "expires by cancellation",
  "holder terminated",
];

/** Which entries of an interned column's dictionary are in a set (by code). */
export function codesIn(values: readonly string[], set: ReadonlySet<string>): Uint8Array {
  return Uint8Array.from(values, (v) => (set.has(v) ? 1 : 0));
}

/**
 * 0 when grant i of the table is eligible, else the code of the first rule it fails (see
 * {@link INELIGIBLE_REASONS}): its class and country must be eligible (`classOk`, `countryOk` by
 * code, from {@link codesIn}), its exercise price at or above the threshold, it must have shares
 * outstanding, have been granted on or before commencement, expire after the cancellation date, and
 * its holder must not have been terminated on or before the cancellation date.
 */
export function ineligibleCode(t: GrantTable, i: number, rules: EligibilityRules, classOk: Uint8Array, countryOk: Uint8Array): number {
  if (!classOk[t.holderClass.codes[i]]) return 1;
  if (!countryOk[t.country.codes[i]]) return 2;
  if (!(t.exercisePrice[i] >= rules.exercisePriceThreshold)) return 3;
  if (!(t.sharesOutstanding[i] > 0)) return 4;
  if (t.grantDate[i] > rules.commencementDate) return 5;
  if (t.expirationDate[i] <= rules.cancellationDate) return 6;
  const termination = t.terminationDate[i];
  if (termination !== 0 && termination <= rules.cancellationDate) return 7;
  return 0;
}
