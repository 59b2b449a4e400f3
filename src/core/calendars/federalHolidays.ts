/**
 * United States federal holidays (5 U.S.C. 6103) as named, dated rules, 1971 onwards.
 *
 * The Uniform Monday Holiday Act (Pub. L. 90-363) took effect in 1971; Martin Luther King Jr.'s
 * Birthday was added from 1986 (Pub. L. 98-144), Juneteenth from 2021 (Pub. L. 117-17, signed
 * 2021-06-17 and first observed Friday 2021-06-18). Veterans Day was the fourth Monday of October
 * 1971-1977 and November 11 again from 1978 (Pub. L. 94-97). A holiday falling on a Saturday is
 * observed the Friday before, on a Sunday the Monday after (5 U.S.C. 6103(b), Executive Order 11582).
 * Inauguration Day is a holiday only in the Washington, D.C. area and is not included.
 */
import { weekday, ymdToSerial } from "../dates/serial";

/** The first and last calendar years the federal rules are provided for. */
export const FEDERAL_FIRST_YEAR = 1971;
export const FEDERAL_LAST_YEAR = 2099;

/** A holiday: the statutory date, the observed (business-day-relevant) date, and its name. */
export interface Holiday {
  /** Serial of the day the holiday is observed (moved off a weekend). */
  observed: number;
  /** Serial of the statutory date. */
  actual: number;
  name: string;
}

const MONDAY = 1;
const THURSDAY = 4;

/** Serial of the n-th (1-based) given weekday (0 = Sunday) of a month. */
export function nthWeekdayOfMonth(year: number, month: number, dayOfWeek: number, n: number): number {
  const first = ymdToSerial(year, month, 1);
  const offset = (dayOfWeek - weekday(first) + 7) % 7;
  return first + offset + 7 * (n - 1);
}

/** Serial of the last given weekday (0 = Sunday) of a month. */
export function lastWeekdayOfMonth(year: number, month: number, dayOfWeek: number): number {
  const nextFirst = month === 12 ? ymdToSerial(year + 1, 1, 1) : ymdToSerial(year, month + 1, 1);
  const last = nextFirst - 1;
  return last - ((weekday(last) - dayOfWeek + 7) % 7);
}

/** Moves a fixed-date holiday off the weekend: Saturday -> Friday, Sunday -> Monday. */
export function observedDay(serial: number): number {
  const w = weekday(serial);
  if (w === 6) return serial - 1;
  if (w === 0) return serial + 1;
  return serial;
}

interface Rule {
  name: string;
  /** Statutory date of the holiday in a year, or undefined when the rule does not apply that year. */
  date(year: number): number | undefined;
  /** Fixed-date holidays move off weekends; Monday/Thursday holidays never fall on one. */
  fixed: boolean;
}

const RULES: readonly Rule[] = [
  { name: "New Year's Day", fixed: true, date: (y) => ymdToSerial(y, 1, 1) },
  {
    name: "Birthday of Martin Luther King, Jr.",
    fixed: false,
    date: (y) => (y >= 1986 ? nthWeekdayOfMonth(y, 1, MONDAY, 3) : undefined),
  },
  { name: "Washington's Birthday", fixed: false, date: (y) => nthWeekdayOfMonth(y, 2, MONDAY, 3) },
  { name: "Memorial Day", fixed: false, date: (y) => lastWeekdayOfMonth(y, 5, MONDAY) },
  {
    name: "Juneteenth National Independence Day",
    fixed: true,
    date: (y) => (y >= 2021 ? ymdToSerial(y, 6, 19) : undefined),
  },
  { name: "Independence Day", fixed: true, date: (y) => ymdToSerial(y, 7, 4) },
  { name: "Labor Day", fixed: false, date: (y) => nthWeekdayOfMonth(y, 9, MONDAY, 1) },
  { name: "Columbus Day", fixed: false, date: (y) => nthWeekdayOfMonth(y, 10, MONDAY, 2) },
  {
    name: "Veterans Day",
    fixed: true,
    date: (y) => (y >= 1971 && y <= 1977 ? nthWeekdayOfMonth(y, 10, MONDAY, 4) : ymdToSerial(y, 11, 11)),
  },
  { name: "Thanksgiving Day", fixed: false, date: (y) => nthWeekdayOfMonth(y, 11, THURSDAY, 4) },
  { name: "Christmas Day", fixed: true, date: (y) => ymdToSerial(y, 12, 25) },
];

/**
 * The holidays of a statutory year, with observed dates (a Saturday January 1 is observed on
 * December 31 of the year before, so an observed date may fall outside `year`).
 * @example federalHolidaysOfYear(2021) includes Juneteenth observed on Friday 2021-06-18
 */
export function federalHolidaysOfYear(year: number): Holiday[] {
  const out: Holiday[] = [];
  for (const rule of RULES) {
    const actual = rule.date(year);
    if (actual === undefined) continue;
    out.push({ actual, observed: rule.fixed ? observedDay(actual) : actual, name: rule.name });
  }
  return out;
}
