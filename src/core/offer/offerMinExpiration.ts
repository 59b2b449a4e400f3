/**
 * Rule 14e-1 minimum offer periods in business days.
 */
import { Calendar } from "../calendars/calendar";
import { raise } from "../errors";

/**
 * The n-th business day of an offer period, counting `start` as day 1 when it is a business day
 * (else the next business day is day 1): 20 for the initial period, 10 after a change in price or
 * in the percentage sought.
 * @example offerMinExpiration(serial(2003-06-25), 20, federal) === serial(2003-07-23)
 */
export function offerMinExpiration(start: number, businessDays: number, calendar: Calendar): number {
  if (!Number.isInteger(businessDays) || businessDays < 1 || businessDays > 10000) {
    raise("wholeNumberFrom", "business_days", { value: businessDays, min: 1, max: 10000 });
  }
  calendar.checkInRange(start, "start_date");
  return calendar.isBusinessDay(start)
    ? calendar.addBusinessDays(start, businessDays - 1)
    : calendar.addBusinessDays(start, businessDays);
}
