/**
 * The new grant date of an option exchange: "the first business day that is six months and one day
 * after" the cancellation date (seed 004).
 */
import { addMonthsClamped, serialToIso } from "../dates/serial";
import { Calendar } from "../calendars/calendar";
import { raise } from "../errors";

/**
 * First business day on or after EDATE(cancellation, months) + days.
 * @example newGrantDate(serial(2003-07-25), 6, 1, federal) === serial(2004-01-26)
 */
export function newGrantDate(cancellation: number, months: number, days: number, calendar: Calendar): number {
  if (!Number.isInteger(months) || Math.abs(months) > 1200) raise("wholeNumberFrom", "months", { value: months, min: -1200, max: 1200 });
  if (!Number.isInteger(days) || Math.abs(days) > 36500) raise("wholeNumberFrom", "days", { value: days, min: -36500, max: 36500 });
  calendar.checkInRange(cancellation, "cancellation_date");
  const earliest = addMonthsClamped(cancellation, months) + days;
  if (!calendar.inRange(earliest)) {
    raise("grantDateOutsideCalendar", "cancellation_date", {
      value: earliest,
      calendar: calendar.code,
      first: serialToIso(calendar.first),
      last: serialToIso(calendar.last),
    });
  }
  return calendar.nextBusinessDayOnOrAfter(earliest);
}
