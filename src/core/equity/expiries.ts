/**
 * Option expiries after termination, and the ISO holding-period date.
 */
import { addMonthsClamped, MAX_SERIAL, serialToIso, serialToYmd } from "../dates/serial";
import { invalidNumber, showValue } from "../errors";

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
  if (!Number.isInteger(months) || months < 0 || months > 1200) invalidNumber(`months (${showValue(months)}) must be a whole number from 0 to 1200`);
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
    invalidNumber(`exercise_date (${serialToIso(exercise)}) must not precede grant_date (${serialToIso(grant)})`);
  }
  if (!monthsFit(grant, 24)) invalidNumber(`the qualifying date falls after 9999-12-31: 2 years after grant_date (${serialToIso(grant)})`);
  if (!monthsFit(exercise, 12)) invalidNumber(`the qualifying date falls after 9999-12-31: 1 year after exercise_date (${serialToIso(exercise)})`);
  const result = Math.max(addMonthsClamped(grant, 24), addMonthsClamped(exercise, 12)) + 1;
  if (result > MAX_SERIAL) {
    invalidNumber(`the qualifying date falls after 9999-12-31: the day after the anniversaries of grant_date (${serialToIso(grant)}) and exercise_date (${serialToIso(exercise)})`);
  }
  return result;
}
