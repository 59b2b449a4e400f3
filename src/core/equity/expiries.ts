/**
 * Option expiries after termination, and the ISO holding-period date.
 */
import { addMonthsClamped, MAX_SERIAL, serialToIso, serialToYmd } from "../dates/serial";
import { raise } from "../errors";

/** True when EDATE(serial, months) falls on or before 9999-12-31 (months >= 0). */
function monthsFit(serial: number, months: number): boolean {
  const { year, month } = serialToYmd(serial);
  return year * 12 + (month - 1) + months <= 9999 * 12 + 11;
}

/**
 * The earlier of the original expiration and EDATE(termination, months): 3 months after leaving
 * employment is usual, 12 for death or disability.
 * @example postTerminationExpiry(serial(2006-03-31), serial(2012-01-15), 3) === serial(2006-06-30)
 */
export function postTerminationExpiry(termination: number, originalExpiration: number, months = 3): number {
  if (!Number.isInteger(months) || months < 0 || months > 1200) raise("wholeNumberFrom", "months", { value: months, min: 0, max: 1200 });
  // A window ending after 9999-12-31 ends after the original expiration too, which is no later.
  if (!monthsFit(termination, months)) return originalExpiration;
  const window = addMonthsClamped(termination, months);
  return Math.min(window, originalExpiration);
}

/**
 * First day a sale of ISO shares is a qualifying disposition (IRC 422(a)(1)): more than 2 years after
 * grant and more than 1 year after exercise, i.e. the day after the later anniversary.
 * @example isoQualifyingDate(serial(2004-01-26), serial(2005-06-01)) === serial(2006-06-02)
 */
export function isoQualifyingDate(grant: number, exercise: number): number {
  if (exercise < grant) {
    raise("mustNotPrecede", "exercise_date", { date: serialToIso(exercise), otherField: "grant_date", otherDate: serialToIso(grant) });
  }
  const dates = { grantDate: serialToIso(grant), exerciseDate: serialToIso(exercise) };
  if (!monthsFit(grant, 24)) raise("qualifyingDateTooLate", "grant_date", { after: "grant", ...dates });
  if (!monthsFit(exercise, 12)) raise("qualifyingDateTooLate", "exercise_date", { after: "exercise", ...dates });
  const result = Math.max(addMonthsClamped(grant, 24), addMonthsClamped(exercise, 12)) + 1;
  if (result > MAX_SERIAL) {
    raise("qualifyingDateTooLate", undefined, { after: "both", ...dates });
  }
  return result;
}
