/**
 * The new grant date of an option exchange: "the first business day that is six months and one day
 * after" the cancellation date (seed 004).
 */
import { addMonthsClamped } from "../dates/serial";
import { Calendar } from "../calendars/calendar";
import { invalidNumber, showValue } from "../errors";

/**
 * First business day on or after EDATE(cancellation, months) + days.
 * @example newGrantDate(serial(2003-07-25), 6, 1, federal) === serial(2004-01-26)
 */
export function newGrantDate(cancellation: number, months: number, days: number, calendar: Calendar): number {
  if (!Number.isInteger(months) || Math.abs(months) > 1200) invalidNumber(`months (${showValue(months)}) must be a whole number from -1200 to 1200`);
  if (!Number.isInteger(days) || Math.abs(days) > 36500) invalidNumber(`days (${showValue(days)}) must be a whole number from -36500 to 36500`);
  calendar.checkInRange(cancellation, "cancellation_date");
  const earliest = addMonthsClamped(cancellation, months) + days;
  calendar.checkInRange(earliest, "the earliest grant date");
  return calendar.nextBusinessDayOnOrAfter(earliest);
}
