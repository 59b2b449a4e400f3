/**
 * The dates of a release of claims under the ADEA as amended by the OWBPA (29 U.S.C. 626(f);
 * 29 CFR 1625.22): at least 21 days to consider it (45 in a group program), then at least 7 days
 * after signing to revoke it; the two periods run consecutively and the employee may sign early.
 *
 * Days are calendar days, counted from the day after the event (a release delivered on October 10
 * may be considered through October 31 with 21 days; one signed on October 31 may be revoked through
 * November 7 with 7 days). The effective date is, by the agreement's own words:
 * - `"after"` (default): the day after the revocation period ends, the common "eighth day after
 *   signing";
 * - `"on"`: the last day of the revocation period itself, as seed 000's parties dated it: "This
 *   Agreement will become effective after it has been signed by both Parties and after seven days
 *   have passed since Executive signed the Agreement" (section 24), signed 10/31/02 and referred to
 *   by the Chairman's letter as "effective as of November 7, 2002".
 */
import { MAX_SERIAL, serialToIso } from "../dates/serial";
import { raise } from "../errors";

/** How the effective date follows the revocation period. */
export const EFFECTIVE_RULES = ["after", "on"] as const;
export type EffectiveRule = (typeof EFFECTIVE_RULES)[number];

/** The longest consideration or revocation period accepted, in days (ten years). */
export const MAX_PERIOD_DAYS = 3660;

/** A release's dates as Excel serials; `considerationDeadline` is undefined without a delivery date. */
export interface ReleaseDates {
  considerationDeadline?: number;
  revocationEnds: number;
  effectiveDate: number;
}

/**
 * Parses an effective_rule argument: "after" or "on", any case, blank = "after".
 * @example parseEffectiveRule(" ON ") === "on"
 */
export function parseEffectiveRule(value: string | null | undefined, field = "effective_rule"): EffectiveRule {
  if (value === null || value === undefined || value.trim() === "") return "after";
  const rule = value.trim().toLowerCase();
  if ((EFFECTIVE_RULES as readonly string[]).includes(rule)) return rule as EffectiveRule;
  return raise("notEither", field, { value, choices: EFFECTIVE_RULES });
}

function checkDays(days: number, field: string): void {
  if (!(Number.isInteger(days) && days >= 0 && days <= MAX_PERIOD_DAYS)) {
    raise("wholeNumberFrom", field, { value: days, min: 0, max: MAX_PERIOD_DAYS });
  }
}

/** `from + days` (+ `extra`), or an error naming the days' field when it passes 9999-12-31. */
function later(from: number, days: number, extra: number, field: string, fromField: string): number {
  const result = from + days + extra;
  if (result > MAX_SERIAL) raise("periodPastLastDate", field, { value: days, fromField, from: serialToIso(from) });
  return result;
}

/**
 * The release's dates: the last day to consider it (delivered + consideration days), the last day
 * to revoke it (signed + revocation days) and the effective date (see the module's note).
 * Throws when the release was signed before it was delivered or after the consideration period.
 * @example releaseDates(serial(2002-10-31), undefined, 21, 7, "on") -> { revocationEnds: serial(2002-11-07), effectiveDate: serial(2002-11-07) }
 */
export function releaseDates(
  signed: number,
  delivered: number | undefined,
  considerationDays = 21,
  revocationDays = 7,
  rule: EffectiveRule = "after",
): ReleaseDates {
  checkDays(considerationDays, "consideration_days");
  checkDays(revocationDays, "revocation_days");
  let considerationDeadline: number | undefined;
  if (delivered !== undefined) {
    if (signed < delivered) {
      raise("mustNotPrecede", "signed_date", { date: serialToIso(signed), otherField: "delivered_date", otherDate: serialToIso(delivered) });
    }
    considerationDeadline = later(delivered, considerationDays, 0, "consideration_days", "delivered_date");
    if (signed > considerationDeadline) {
      raise("signedAfterConsideration", "signed_date", {
        date: serialToIso(signed),
        deadline: serialToIso(considerationDeadline),
        delivered: serialToIso(delivered),
        days: considerationDays,
      });
    }
  }
  const revocationEnds = later(signed, revocationDays, 0, "revocation_days", "signed_date");
  const effectiveDate = rule === "on" ? revocationEnds : later(signed, revocationDays, 1, "revocation_days", "signed_date");
  const dates: ReleaseDates = { revocationEnds, effectiveDate };
  if (considerationDeadline !== undefined) dates.considerationDeadline = considerationDeadline;
  return dates;
}
