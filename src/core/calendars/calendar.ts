/**
 * Business-day calendars over Excel serial dates: weekends plus a sorted list of holiday dates.
 *
 * Three calendars are provided: `FEDERAL` (5 U.S.C. 6103 holidays with observed days, 1971-2099),
 * `FEDERAL_CLOSURES` (adds the executive-order closure days) and `WEEKENDS` (Saturdays and Sundays
 * only, over Excel's whole date range). Counting and advancing are O(log holidays).
 */
import { raise } from "../errors";
import { isWeekend, isoToSerial, MAX_SERIAL, MIN_SERIAL, serialToIso, ymdToSerial } from "../dates/serial";
import { EXECUTIVE_ORDER_CLOSURES } from "./closures";
import { FEDERAL_FIRST_YEAR, FEDERAL_LAST_YEAR, federalHolidaysOfYear } from "./federalHolidays";

/** A dated non-business day of a calendar. */
export interface CalendarHoliday {
  serial: number;
  name: string;
}

/** The calendar codes accepted by the functions. */
export const CALENDAR_CODES = ["FEDERAL", "FEDERAL_CLOSURES", "WEEKENDS"] as const;
export type CalendarCode = (typeof CALENDAR_CODES)[number];

/** A business-day calendar: Saturdays, Sundays and a list of holidays, valid between two serials. */
export class Calendar {
  readonly code: CalendarCode;
  /** First and last serials the calendar knows. */
  readonly first: number;
  readonly last: number;
  private readonly serials: Int32Array;
  private readonly names: Map<number, string>;

  constructor(code: CalendarCode, first: number, last: number, holidays: CalendarHoliday[]) {
    this.code = code;
    this.first = first;
    this.last = last;
    const weekdayHolidays = holidays.filter((h) => !isWeekend(h.serial) && h.serial >= first && h.serial <= last);
    weekdayHolidays.sort((a, b) => a.serial - b.serial);
    this.names = new Map();
    for (const h of weekdayHolidays) {
      const existing = this.names.get(h.serial);
      this.names.set(h.serial, existing ? `${existing}; ${h.name}` : h.name);
    }
    this.serials = Int32Array.from([...this.names.keys()]);
  }

  /** True when a serial lies within the calendar's range. */
  inRange(serial: number): boolean {
    return serial >= this.first && serial <= this.last;
  }

  /** Throws `#NUM!` (key `outsideCalendar`) naming `argument` when a serial lies outside the calendar's range. */
  checkInRange(serial: number, argument: string): void {
    if (!this.inRange(serial)) {
      raise("outsideCalendar", argument, { value: serial, calendar: this.code, first: serialToIso(this.first), last: serialToIso(this.last) });
    }
  }

  /** True when the day is neither a weekend nor a holiday. */
  isBusinessDay(serial: number): boolean {
    return !isWeekend(serial) && !this.names.has(serial);
  }

  /** Name of the holiday observed on a serial, if any. */
  holidayName(serial: number): string | undefined {
    return this.names.get(serial);
  }

  /** Holidays (weekday ones) between two serials inclusive. */
  holidaysBetween(from: number, to: number): CalendarHoliday[] {
    const out: CalendarHoliday[] = [];
    for (let i = lowerBound(this.serials, from); i < this.serials.length && this.serials[i] <= to; i++) {
      out.push({ serial: this.serials[i], name: this.names.get(this.serials[i]) as string });
    }
    return out;
  }

  /** Business days in [from, to], both ends counted (from <= to). */
  private countInclusive(from: number, to: number): number {
    if (to < from) return 0;
    const weekdays = weekdaysThrough(to) - weekdaysThrough(from - 1);
    const holidays = lowerBound(this.serials, to + 1) - lowerBound(this.serials, from);
    return weekdays - holidays;
  }

  /**
   * NETWORKDAYS: business days from `start` to `end`, both counted; negative when end < start.
   * @example federal.businessDaysBetween(2003-06-25, 2003-07-23) === 20
   */
  businessDaysBetween(start: number, end: number): number {
    return end >= start ? this.countInclusive(start, end) : -this.countInclusive(end, start);
  }

  /**
   * WORKDAY: the business day `days` business days after `start` (before it when negative);
   * `days` = 0 returns `start` itself. Throws `#NUM!` when the result leaves the calendar's range.
   */
  addBusinessDays(start: number, days: number): number {
    if (days === 0) return start;
    if (days > 0) {
      // smallest d > start with count(start+1 .. d) >= days
      let lo = start + 1;
      let hi = Math.min(this.last, start + Math.ceil(days * 1.5) + 14);
      if (this.countInclusive(start + 1, hi) < days) {
        hi = this.last;
        if (this.countInclusive(start + 1, hi) < days) {
          raise("daysPastCalendar", "days", { value: days, calendar: this.code, last: serialToIso(this.last) });
        }
      }
      while (lo < hi) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (this.countInclusive(start + 1, mid) >= days) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }
    const need = -days;
    let lo = Math.max(this.first, start - Math.ceil(need * 1.5) - 14);
    let hi = start - 1;
    if (this.countInclusive(lo, start - 1) < need) {
      lo = this.first;
      if (this.countInclusive(lo, start - 1) < need) {
        raise("daysBeforeCalendar", "days", { value: days, calendar: this.code, first: serialToIso(this.first) });
      }
    }
    // largest d < start with count(d .. start-1) >= need
    while (lo < hi) {
      const mid = lo + Math.ceil((hi - lo) / 2);
      if (this.countInclusive(mid, start - 1) >= need) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The first business day on or after `serial`. */
  nextBusinessDayOnOrAfter(serial: number): number {
    let s = serial;
    while (!this.isBusinessDay(s)) {
      s++;
      if (s > this.last) {
        raise("noBusinessDay", undefined, { date: serialToIso(serial), calendar: this.code });
      }
    }
    return s;
  }
}

/** Weekdays (Monday-Friday by Excel's WEEKDAY) among serials 1..n; serial 1 is a Sunday in Excel's reckoning. */
function weekdaysThrough(n: number): number {
  if (n <= 0) return 0;
  const weeks = Math.floor(n / 7);
  const rest = n - weeks * 7;
  return weeks * 5 + Math.max(0, Math.min(rest, 6) - 1);
}

/** Index of the first element >= value. */
function lowerBound(array: Int32Array, value: number): number {
  let lo = 0;
  let hi = array.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (array[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function federalHolidayList(): CalendarHoliday[] {
  const out: CalendarHoliday[] = [];
  for (let year = FEDERAL_FIRST_YEAR; year <= FEDERAL_LAST_YEAR + 1; year++) {
    for (const h of federalHolidaysOfYear(year)) out.push({ serial: h.observed, name: h.name });
  }
  return out;
}

const cache = new Map<CalendarCode, Calendar>();

/** The calendar for a code (built once, then cached). */
export function calendarFor(code: CalendarCode): Calendar {
  let calendar = cache.get(code);
  if (calendar) return calendar;
  const federalFirst = ymdToSerial(FEDERAL_FIRST_YEAR, 1, 1);
  const federalLast = ymdToSerial(FEDERAL_LAST_YEAR, 12, 31);
  if (code === "WEEKENDS") {
    calendar = new Calendar(code, MIN_SERIAL, MAX_SERIAL, []);
  } else if (code === "FEDERAL") {
    calendar = new Calendar(code, federalFirst, federalLast, federalHolidayList());
  } else {
    const closures = EXECUTIVE_ORDER_CLOSURES.map((c) => ({
      serial: isoToSerial(c.date) as number,
      name: `${c.reason} (${c.source})`,
    }));
    calendar = new Calendar(code, federalFirst, federalLast, [...federalHolidayList(), ...closures]);
  }
  cache.set(code, calendar);
  return calendar;
}

/**
 * Parses a calendar argument (case-insensitive; blank = FEDERAL).
 * @throws CalcError `#VALUE!` for an unknown code
 */
export function parseCalendarCode(value: string | null | undefined, argument = "calendar"): CalendarCode {
  if (value === null || value === undefined || value.trim() === "") return "FEDERAL";
  const code = value.trim().toUpperCase();
  if ((CALENDAR_CODES as readonly string[]).includes(code)) return code as CalendarCode;
  return raise("notOneOf", argument, { value, choices: CALENDAR_CODES });
}

