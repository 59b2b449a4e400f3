/**
 * Excel serial dates (1900 date system) <-> calendar dates, without `Date` objects or time zones.
 *
 * Serial 1 = 1900-01-01, 60 = the fictitious 1900-02-29 that Excel keeps for Lotus 1-2-3
 * compatibility, 61 = 1900-03-01, 36526 = 2000-01-01, 2958465 = 9999-12-31 (the last date Excel shows).
 */
import { raise } from "../errors";

/** A calendar date; month 1-12, day 1-31. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The first serial Excel displays as a date (1900-01-01). */
export const MIN_SERIAL = 1;
/** The last serial Excel displays as a date (9999-12-31). */
export const MAX_SERIAL = 2958465;
/** The fictitious 1900-02-29. */
export const FICTITIOUS_LEAP_DAY = 60;

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days from 1970-01-01 to 1899-12-30, the day Excel's serials count from for dates after 1900-02-28. */
const EPOCH_1899_12_30 = daysFromCivil(1899, 12, 30);

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the Gregorian calendar (February 1900 has 28: the 29th is Excel's fiction). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Excel serial of a calendar date.
 * @example ymdToSerial(2003, 7, 25) === 37827
 */
export function ymdToSerial(year: number, month: number, day: number): number {
  if (year === 1900 && month === 2 && day === 29) return FICTITIOUS_LEAP_DAY;
  const serial = daysFromCivil(year, month, day) - EPOCH_1899_12_30;
  return serial <= FICTITIOUS_LEAP_DAY ? serial - 1 : serial;
}

/**
 * Calendar date of an Excel serial (integer part); 60 gives 1900-02-29, as Excel does.
 * @example serialToYmd(36526) -> { year: 2000, month: 1, day: 1 }
 */
export function serialToYmd(serial: number): Ymd {
  const s = Math.floor(serial);
  if (s === FICTITIOUS_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  return civilFromDays(EPOCH_1899_12_30 + (s < FICTITIOUS_LEAP_DAY ? s + 1 : s));
}

/** Day of the week of a serial: 0 = Sunday ... 6 = Saturday (real calendar; 60 and earlier as Excel's WEEKDAY). */
export function weekday(serial: number): number {
  // Serial 1 (1900-01-01) was a Monday in reality but Excel calls it Sunday because of the
  // fictitious leap day; from serial 61 on both agree (serial 7 is a Saturday to Excel too).
  const s = Math.floor(serial);
  return ((s - 1) % 7 + 7) % 7;
}

/** True when a serial falls on Saturday or Sunday. */
export function isWeekend(serial: number): boolean {
  const w = weekday(serial);
  return w === 0 || w === 6;
}

/**
 * EDATE: the same day `months` months later (or earlier, if negative), clamped to the month's end.
 * @example addMonthsClamped(ymdToSerial(2004, 1, 31), 1) === ymdToSerial(2004, 2, 29)
 */
export function addMonthsClamped(serial: number, months: number): number {
  const { year, month, day } = serialToYmd(serial);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const result = ymdToSerial(y, m, Math.min(day, daysInMonth(y, m)));
  if (result < MIN_SERIAL || result > MAX_SERIAL) {
    raise("monthsOutsideDates", undefined, { months, serial });
  }
  return result;
}

/** ISO text (YYYY-MM-DD) of a serial. */
export function serialToIso(serial: number): string {
  const { year, month, day } = serialToYmd(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Serial of an ISO date text `YYYY-MM-DD`, or `undefined` when the text is not a real date
 * (1900-02-29 is accepted, as Excel does).
 */
export function isoToSerial(text: string): number | undefined {
  const t = text.length === 10 ? text : text.trim();
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const year = Number(t.slice(0, 4));
  const month = Number(t.slice(5, 7));
  const day = Number(t.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return undefined;
  const limit = year === 1900 && month === 2 ? 29 : daysInMonth(year, month);
  if (day > limit) return undefined;
  const serial = ymdToSerial(year, month, day);
  return serial >= MIN_SERIAL && serial <= MAX_SERIAL ? serial : undefined;
}
