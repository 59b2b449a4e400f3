/**
 * The observed holidays falling in a calendar year, for the FEDERAL_HOLIDAYS listing.
 */
import { raise } from "../errors";
import { ymdToSerial } from "../dates/serial";
import { Calendar, CalendarHoliday } from "./calendar";
import { FEDERAL_FIRST_YEAR, FEDERAL_LAST_YEAR } from "./federalHolidays";

/**
 * Non-business days other than weekends observed in `year` (a Saturday January 1 of the next year
 * appears here on December 31), in date order.
 * @example holidaysInYear(2021, federal) lists 11 days including 2021-06-18 and 2021-12-31
 */
export function holidaysInYear(year: number, calendar: Calendar): CalendarHoliday[] {
  if (!Number.isInteger(year) || year < FEDERAL_FIRST_YEAR || year > FEDERAL_LAST_YEAR) {
    raise("wholeNumberFrom", "year", { value: year, min: FEDERAL_FIRST_YEAR, max: FEDERAL_LAST_YEAR });
  }
  return calendar.holidaysBetween(ymdToSerial(year, 1, 1), ymdToSerial(year, 12, 31));
}
