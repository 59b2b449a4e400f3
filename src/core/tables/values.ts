/**
 * Reading table cells (a ledger, a log, a roster): prices ("$2.50"), whole counts ("1,026,013"),
 * dates ("2003-06-23", "6/23/2003" in US order, Excel serials), date-times and text.
 *
 * One grammar, US conventions: a value optex cannot read with certainty is an error whose reason
 * quotes what was typed and says why (`"1.000" is ambiguous: ...`); the caller prefixes the column.
 * The common forms are read by hand-written scanners (no regular expression, no allocation); the
 * regular expressions below only run to explain a rejection.
 */
import { daysInMonth, MAX_SERIAL, MIN_SERIAL, serialToIso, ymdToSerial } from "../dates/serial";

/** A cell as it arrives: text from a CSV, or a number/boolean/blank from a worksheet. */
export type RawCell = string | number | boolean | null | undefined;

/** Outcome of reading a cell: a value, nothing (blank), or a reason it cannot be read. */
export type Read<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

/** The largest exercise price read: $10,000,000 a share. */
export const MAX_PRICE = 10_000_000;
/** The largest share count read: 10^12 shares. */
export const MAX_SHARES = 1_000_000_000_000;

const ok = <T>(value: T | undefined): Read<T> => ({ ok: true, value });
const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });
const BLANK: { ok: true; value: undefined } = { ok: true, value: undefined };

/** A cell's text, trimmed ("" for a blank). */
export function cellText(cell: RawCell): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/** What was typed, quoted for a message (a very long text is cut, with its length). */
export function quoteTyped(typed: string): string {
  return JSON.stringify(typed.length > 40 ? `${typed.slice(0, 24)}…` : typed) + (typed.length > 40 ? ` (${typed.length} characters)` : "");
}

/** True when a string is empty or whitespace only. */
export function isBlankText(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 32) return t.trim() === "";
  return true;
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

// Side outputs of scanNumber, in module variables so the hot path allocates nothing.
/** The text had a `$` or `US$`. */
let scanCurrency = false;
/** The text had a non-zero digit after the decimal point. */
let scanFraction = false;

/**
 * The number grammar:
 *
 *   cell    := sign? currency? sign? digits | "(" currency? digits ")" | currency "(" digits ")"
 *   sign    := "-" | "+"                      (one at most; parentheses mean negative)
 *   currency:= "$" | "US$", then optional spaces
 *   digits  := int ("." d+)? | "." d+
 *   int     := d+ | d{1,3} ("," ddd)+
 *
 * less the ambiguous `d{1,3}.ddd` with a non-zero integer part and no comma (`1.000`, `12.500`:
 * European thousands?). Returns NaN for anything else; ASCII blanks around the text are ignored.
 * Exact: the digits are read as one integer and divided once by a power of ten (correctly rounded
 * when they fit in 15 digits; otherwise `Number` reads them).
 */
function scanNumber(t: string): number {
  let i = 0;
  let n = t.length;
  while (i < n && t.charCodeAt(i) <= 32) i++;
  while (n > i && t.charCodeAt(n - 1) <= 32) n--;
  scanCurrency = false;
  scanFraction = false;
  if (i === n) return NaN;
  let negative = false;
  let signed = false;
  let paren = false;
  let c = t.charCodeAt(i);
  if (c === 40 /* ( */) {
    if (t.charCodeAt(n - 1) !== 41 /* ) */) return NaN;
    paren = negative = true;
    i++;
    n--;
    while (i < n && t.charCodeAt(i) === 32) i++;
    while (n > i && t.charCodeAt(n - 1) === 32) n--;
    c = t.charCodeAt(i);
  } else if (c === 45 /* - */ || c === 43 /* + */) {
    signed = true;
    negative = c === 45;
    c = t.charCodeAt(++i);
  }
  if (c === 36 /* $ */) {
    scanCurrency = true;
    i++;
  } else if ((c === 85 || c === 117) && (t.charCodeAt(i + 1) | 32) === 115 && t.charCodeAt(i + 2) === 36) {
    scanCurrency = true; // US$
    i += 3;
  }
  if (scanCurrency) {
    c = t.charCodeAt(i);
    if (!paren && !signed && (c === 45 || c === 43)) {
      negative = c === 45;
      i++;
    } else if (!paren && !signed && c === 40) {
      if (t.charCodeAt(n - 1) !== 41) return NaN;
      negative = true;
      i++;
      n--;
      while (n > i && t.charCodeAt(n - 1) === 32) n--;
    }
    while (i < n && t.charCodeAt(i) === 32) i++;
  }
  const start = i;
  let m = 0; // every digit, as one integer (exact while digits <= 15)
  let digits = 0;
  for (; i < n; i++) {
    c = t.charCodeAt(i);
    if (c < 48 || c > 57) break;
    m = m * 10 + (c - 48);
    digits++;
  }
  const lead = digits;
  let comma = false;
  if (i < n && t.charCodeAt(i) === 44 /* , */) {
    // "0,500" and "01,000" are not US thousands (a decimal comma, or a stray zero)
    if (lead === 0 || lead > 3 || t.charCodeAt(start) === 48) return NaN;
    comma = true;
    while (i < n && t.charCodeAt(i) === 44) {
      if (i + 3 >= n) return NaN;
      for (let j = 1; j <= 3; j++) {
        c = t.charCodeAt(i + j);
        if (!(c >= 48 && c <= 57)) return NaN;
        m = m * 10 + (c - 48);
      }
      digits += 3;
      i += 4;
    }
  }
  const intPart = m;
  let fractionDigits = 0;
  if (i < n && t.charCodeAt(i) === 46 /* . */) {
    for (i++; i < n; i++) {
      c = t.charCodeAt(i);
      if (c < 48 || c > 57) break;
      m = m * 10 + (c - 48);
      if (c !== 48) scanFraction = true;
      fractionDigits++;
    }
    if (fractionDigits === 0) return NaN;
    digits += fractionDigits;
  }
  if (i !== n || digits === 0) return NaN;
  if (!comma && fractionDigits === 3 && lead >= 1 && lead <= 3 && intPart !== 0) return NaN;
  let value: number;
  if (digits <= 15) value = fractionDigits === 0 ? m : m / POW10[fractionDigits];
  else value = Number(t.slice(start, n).replace(/,/g, ""));
  return negative && value !== 0 ? -value : value;
}

/** The number's text with the zero that makes it unambiguous: 1.000 -> 1.00, 12.375 -> 12.3750. */
function unambiguousDecimal(digits: string): string {
  return digits.endsWith("0") ? digits.slice(0, -1) : `${digits}0`;
}

const EXCEL_ERROR = /^#(?:N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;
const CURRENCY_SYMBOL = /[^\P{Sc}$]/u;

/** Why `t` (trimmed, not blank) is outside the number grammar. */
function whyNotNumber(t: string): string {
  const s = quoteTyped(t);
  const body = t.replace(/^\((.*)\)$/, "$1").trim().replace(/^[+-]?\s*(?:US)?\$\s*[+-]?\s*|^[+-]/i, "");
  let m: RegExpExecArray | null;
  if (EXCEL_ERROR.test(t)) return `${s} is an Excel error value, not a number`;
  if (/^[+-]?(?:inf(?:inity)?|nan)$/i.test(t)) return `${s} is not a finite number`;
  if (/^0x[0-9a-f]+$/i.test(body)) return `${s} is hexadecimal; ledger numbers are decimal`;
  if (/^0b[01]+$/i.test(body)) return `${s} is binary; ledger numbers are decimal`;
  if (/^0o[0-7]+$/i.test(body)) return `${s} is octal; ledger numbers are decimal`;
  if (/^[\d,]*\.?\d+e[+-]?\d+$/i.test(body) || /^\d+\.e[+-]?\d+$/i.test(body)) return `${s} uses exponent notation, which is not a ledger format; write the number in full`;
  if ((m = CURRENCY_SYMBOL.exec(t))) return `${s} is in a foreign currency (${m[0]}); amounts must be US dollars`;
  if ((m = /^[+-]?\(?([a-z]{1,3})\$/i.exec(t)) && m[1].toUpperCase() !== "US") return `${s} is in a foreign currency (${m[1]}$); amounts must be US dollars`;
  if ((m = /^([a-z]{3})\s*[-+(]?[\d.]/i.exec(t) ?? /[\d.)]\s*([a-z]{3})$/i.exec(t))) {
    const code = m[1].toUpperCase();
    if (code === "USD") return `${s} has the currency code USD; write the amount as $2.50 or 2.50`;
    return `${s} is in a foreign currency (${code}); amounts must be US dollars`;
  }
  if (/\d\s*\$$/.test(t)) return `${s} has the $ after the number; write it before, as in $2.50`;
  if (/^(?:US)?\$?\s*[-\u2013\u2014]$/i.test(t)) return `${s} is a lone dash, not a number (write 0 if the value is zero)`;
  if (/^\$?[\d.,]*\d-$/.test(t)) return `${s} has a trailing minus sign; write -${t.slice(0, -1)}`;
  if (/^[+-]?\$?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:[.,]\d+)?$/.test(t)) return `${s} separates thousands with spaces; write it without them, as in 1000 or 1,000`;
  if (/^[+-]?\$?\d{1,3}(?:['\u2019]\d{3})+(?:\.\d+)?$/.test(t)) return `${s} separates thousands with apostrophes; write it without them, as in 1000 or 1,000`;
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(body)) return `${s} is written the European way (dots for thousands, a decimal comma); write ${body.replace(/\./g, "").replace(",", ".")}`;
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(body)) return `${s} uses dots as thousands separators; write ${body.replace(/\./g, "")}`;
  if ((m = /^(\d{1,3})\.(\d{3})$/.exec(body)) && Number(m[1]) !== 0) {
    return `${s} is ambiguous: it could be ${m[1]}${m[2]} written the European way; write ${Number(m[1] + m[2])}, or ${Number(m[1])}.${unambiguousDecimal(m[2])}`;
  }
  if ((m = /^(\d+),(\d+)$/.exec(body)) && (m[2].length !== 3 || Number(m[1]) === 0)) return `${s} uses a decimal comma; write ${m[1]}.${m[2]}`;
  if (/^[\d,]+(?:\.\d+)?$/.test(body) && /\d/.test(body)) return `${s} has commas that are not thousands separators (groups of three digits, as in 100,000)`;
  if (/^\d[\d,]*\.$/.test(body)) return `${s} ends with a decimal point`;
  if ((m = /^([+-]?\(?(?:US)?\$?\s*[+-]?\(?\s*[\d,]*\.?\d+\)?)\s*([^\d.,\s].*)$/i.exec(t))) return `${s} has text after the number (${JSON.stringify(m[2])})`;
  return `${s} is not a number`;
}

/** Why a cell that is neither text nor a number cannot be read as a number. */
function notNumberCell(cell: RawCell): string {
  return `${quoteTyped(String(cell).toUpperCase())} is a TRUE/FALSE value, not a number`;
}

/** Scans text, retrying once with Unicode blanks trimmed; NaN when it is outside the grammar. */
function scanText(t: string): number {
  const v = scanNumber(t);
  if (v === v) return v;
  const trimmed = t.trim();
  return trimmed !== t && trimmed !== "" ? scanNumber(trimmed) : NaN;
}

/** The number a cell's text holds in the ledger grammar, or why not (a blank text: no value). */
function numberInText(cell: string): number | Read<number> {
  const v = scanText(cell);
  if (v === v) return v;
  return isBlankText(cell) ? BLANK : bad(whyNotNumber(cell.trim()));
}

/**
 * A number in the ledger grammar (signed; no magnitude cap beyond finiteness); see {@link readPrice}
 * and {@link readShares} for the columns.
 */
export function readNumber(cell: RawCell): Read<number> {
  if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell === 0 ? 0 : cell) : bad(`${quoteTyped(String(cell))} is not a finite number`);
  if (typeof cell === "boolean") return bad(notNumberCell(cell));
  if (cell === null || cell === undefined) return BLANK;
  const v = numberInText(cell);
  if (typeof v !== "number") return v;
  return Number.isFinite(v) ? ok(v) : bad(`${quoteTyped(cell.trim())} is too large`);
}

/**
 * A price in US dollars: "2.5", "$2.50", "US$ 0.875", "1,234.5678"; a worksheet number as is.
 * Rejected, with the reason: negatives, more than {@link MAX_PRICE} ("too large"), ambiguous
 * `1.000`, decimal commas, hexadecimal, exponents, other currencies, trailing text.
 */
export function readPrice(cell: RawCell): Read<number> {
  let v: number;
  if (typeof cell === "string") {
    const r = numberInText(cell);
    if (typeof r !== "number") return r;
    v = r;
  } else if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return bad(`${quoteTyped(String(cell))} is not a finite number`);
    v = cell;
  } else if (typeof cell === "boolean") {
    return bad(notNumberCell(cell));
  } else {
    return BLANK;
  }
  if (v > MAX_PRICE || v < -MAX_PRICE) return bad(`${quoteTyped(cellText(cell))} is too large (more than $10,000,000 a share)`);
  if (v < 0) return bad(`${quoteTyped(cellText(cell))} is negative; a price must not be negative`);
  return { ok: true, value: v === 0 ? 0 : v };
}

/**
 * A whole number of shares: "1000", "1,026,013", "1,000.00"; a worksheet number as is.
 * Rejected, with the reason: more than {@link MAX_SHARES} ("too large", checked first), negatives,
 * fractions ("not a whole number of shares"), a currency sign, and every form {@link readPrice} rejects.
 */
export function readShares(cell: RawCell): Read<number> {
  let v: number;
  let fraction: boolean;
  if (typeof cell === "string") {
    const r = numberInText(cell);
    if (typeof r !== "number") return r;
    v = r;
    if (scanCurrency) return bad(`${quoteTyped(cell.trim())} has a currency sign; a share count is not money`);
    fraction = scanFraction;
  } else if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return bad(`${quoteTyped(String(cell))} is not a finite number`);
    v = cell;
    fraction = !Number.isInteger(cell);
  } else if (typeof cell === "boolean") {
    return bad(notNumberCell(cell));
  } else {
    return BLANK;
  }
  if (v > MAX_SHARES || v < -MAX_SHARES) return bad(`${quoteTyped(cellText(cell))} is too large (more than 1,000,000,000,000 shares)`);
  if (v < 0) return bad(`${quoteTyped(cellText(cell))} is negative; a share count must not be negative`);
  if (fraction) return bad(`${quoteTyped(cellText(cell))} is not a whole number of shares`);
  return { ok: true, value: v === 0 ? 0 : v };
}

// ---------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------

/** A date-time read by {@link readDateTime}. */
export interface DateTimeValue {
  /** Excel serial with the time of day as a fraction (hours / 24), as written: not converted to UTC. */
  serial: number;
  /** The written UTC offset in minutes (`Z` = 0, `-05:00` = -300), undefined when none was written. */
  offsetMinutes: number | undefined;
  /** True when the cell gave a time of day (text with a time, or a serial with a fraction). */
  timeOfDay: boolean;
}

const MS_PER_DAY = 86_400_000;

const MONTHS = new Map<string, number>();
["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].forEach((name, i) => {
  MONTHS.set(name, i + 1);
  MONTHS.set(name.slice(0, 3), i + 1);
});
MONTHS.set("sept", 9);
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// Side outputs of the date and time scanners (module variables: nothing allocated on success).
let dYear = 0;
let dMonth = 0;
let dDay = 0;
/** Index just after the date part. */
let dEnd = 0;
/** 1 = year first (ISO), 2 = US M/D/Y, 3 = a month name. */
let dForm = 0;
/** Time of day in milliseconds. */
let tMs = 0;
let tOffset: number | undefined;
/** Why the time did not read ("" = its text is not a time at all). */
let tProblem = "";

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Value of the digits t[i, j) (all digits). */
function digitsValue(t: string, i: number, j: number): number {
  let v = 0;
  for (; i < j; i++) v = v * 10 + (t.charCodeAt(i) - 48);
  return v;
}

/** End of the run of digits starting at i. */
function digitRun(t: string, i: number): number {
  while (i < t.length && isDigit(t.charCodeAt(i))) i++;
  return i;
}

/** End of the run of ASCII letters starting at i. */
function letterRun(t: string, i: number): number {
  while (i < t.length && ((t.charCodeAt(i) | 32) >= 97 && (t.charCodeAt(i) | 32) <= 122)) i++;
  return i;
}

/** A two-digit year: 00-49 -> 2000-2049, 50-99 -> 1950-1999. */
const fullYear = (yy: number) => (yy >= 50 ? 1900 + yy : 2000 + yy);

/**
 * Reads the date at the start of t: YYYY-M-D or YYYY/M/D, M/D/YYYY or M/D/YY, D-Mon-YY(YY) or
 * "D Mon YYYY", "Mon D, YYYY". Sets dYear, dMonth, dDay (not yet validated), dEnd, dForm.
 */
function scanDatePart(t: string): boolean {
  const a = digitRun(t, 0);
  const sep = t.charCodeAt(a);
  if (a === 4 && (sep === 45 || sep === 47)) {
    const b = digitRun(t, a + 1);
    if (b - a - 1 < 1 || b - a - 1 > 2 || t.charCodeAt(b) !== sep) return false;
    const c = digitRun(t, b + 1);
    if (c - b - 1 < 1 || c - b - 1 > 2) return false;
    dYear = digitsValue(t, 0, 4);
    dMonth = digitsValue(t, a + 1, b);
    dDay = digitsValue(t, b + 1, c);
    dEnd = c;
    dForm = 1;
    return true;
  }
  if ((a === 1 || a === 2) && sep === 47 /* / */) {
    const b = digitRun(t, a + 1);
    if (b - a - 1 < 1 || b - a - 1 > 2 || t.charCodeAt(b) !== 47) return false;
    const c = digitRun(t, b + 1);
    if (c - b - 1 !== 2 && c - b - 1 !== 4) return false;
    dMonth = digitsValue(t, 0, a);
    dDay = digitsValue(t, a + 1, b);
    dYear = c - b - 1 === 2 ? fullYear(digitsValue(t, b + 1, c)) : digitsValue(t, b + 1, c);
    dEnd = c;
    dForm = 2;
    return true;
  }
  if ((a === 1 || a === 2) && (sep === 45 || sep === 32)) {
    // D-Mon-YY, D-Mon-YYYY, D Mon YYYY
    const b = letterRun(t, a + 1);
    const month = MONTHS.get(t.slice(a + 1, b).toLowerCase());
    if (month === undefined || t.charCodeAt(b) !== sep) return false;
    const c = digitRun(t, b + 1);
    if (c - b - 1 !== 2 && c - b - 1 !== 4) return false;
    dDay = digitsValue(t, 0, a);
    dMonth = month;
    dYear = c - b - 1 === 2 ? fullYear(digitsValue(t, b + 1, c)) : digitsValue(t, b + 1, c);
    dEnd = c;
    dForm = 3;
    return true;
  }
  if (a === 0) {
    // Mon D, YYYY
    const b = letterRun(t, 0);
    const month = b > 0 ? MONTHS.get(t.slice(0, b).toLowerCase()) : undefined;
    if (month === undefined || t.charCodeAt(b) !== 32) return false;
    const c = digitRun(t, b + 1);
    if (c - b - 1 < 1 || c - b - 1 > 2) return false;
    let i = c;
    if (t.charCodeAt(i) === 44) i++;
    if (t.charCodeAt(i) !== 32) return false;
    const e = digitRun(t, i + 1);
    if (e - i - 1 !== 4) return false;
    dMonth = month;
    dDay = digitsValue(t, b + 1, c);
    dYear = digitsValue(t, i + 1, e);
    dEnd = e;
    dForm = 3;
    return true;
  }
  return false;
}

/**
 * Reads a time of day from t[i..]: H:MM, H:MM:SS or H:MM:SS.fff (up to 9 digits), then optionally
 * AM/PM (hours 1-12) and, after a year-first date, Z or an offset (+HH:MM, +HHMM, +HH). Sets tMs
 * and tOffset; returns false with tProblem set when it does not read.
 */
function scanTime(t: string, i: number, offsetAllowed: boolean): boolean {
  tProblem = "";
  tOffset = undefined;
  const n = t.length;
  const h = digitRun(t, i);
  if (h - i < 1 || h - i > 2 || t.charCodeAt(h) !== 58 /* : */) return false;
  const mEnd = digitRun(t, h + 1);
  if (mEnd - h - 1 !== 2) return false;
  const hour = digitsValue(t, i, h);
  const minute = digitsValue(t, h + 1, mEnd);
  let second = 0;
  let ms = 0;
  let j = mEnd;
  if (t.charCodeAt(j) === 58) {
    const sEnd = digitRun(t, j + 1);
    if (sEnd - j - 1 !== 2) return false;
    second = digitsValue(t, j + 1, sEnd);
    j = sEnd;
    if (t.charCodeAt(j) === 46 /* . */) {
      const fEnd = digitRun(t, j + 1);
      const k = fEnd - j - 1;
      if (k < 1 || k > 9) return false;
      // to the millisecond, truncated: 16:59:59.9995 is still before 17:00 (rounding would make it 17:00:00.000)
      const digits = digitsValue(t, j + 1, fEnd);
      ms = k <= 3 ? digits * POW10[3 - k] : Math.floor(digits / POW10[k - 3]);
      j = fEnd;
    }
  }
  let meridiem = 0; // 1 = AM, 2 = PM
  let k = j;
  while (k < n && t.charCodeAt(k) === 32) k++;
  const m0 = t.charCodeAt(k) | 32;
  if (k < n && (m0 === 97 || m0 === 112)) {
    const rest = t.slice(k).toLowerCase();
    const word = rest === "am" || rest === "a.m." ? 1 : rest === "pm" || rest === "p.m." ? 2 : 0;
    if (word === 0) return false;
    meridiem = word;
    j = n;
  }
  if (j < n && offsetAllowed) {
    const c = t.charCodeAt(j);
    if (c === 90 /* Z */ && j + 1 === n) {
      tOffset = 0;
      j = n;
    } else if (c === 43 || c === 45) {
      const oh = digitRun(t, j + 1);
      let om = oh;
      let offMinutes = 0;
      if (oh - j - 1 === 4) offMinutes = digitsValue(t, oh - 2, oh);
      else if (oh - j - 1 !== 2) return false;
      else if (t.charCodeAt(oh) === 58) {
        om = digitRun(t, oh + 1);
        if (om - oh - 1 !== 2) return false;
        offMinutes = digitsValue(t, oh + 1, om);
      }
      const offHours = digitsValue(t, j + 1, j + 3);
      if (om !== n) return false;
      if (offHours > 14 || offMinutes > 59) {
        tProblem = `offset ${t.slice(j)} is not a UTC offset`;
        return false;
      }
      tOffset = (c === 45 ? -1 : 1) * (offHours * 60 + offMinutes);
      j = n;
    }
  }
  if (j !== n) return false;
  if (meridiem !== 0 ? hour < 1 || hour > 12 : hour > 23) {
    tProblem = meridiem !== 0 ? `hour ${hour} is not 1-12` : `hour ${hour} is not 0-23`;
    return false;
  }
  if (minute > 59) {
    tProblem = `minute ${minute} is not 0-59`;
    return false;
  }
  if (second > 59) {
    tProblem = `second ${second} is not 0-59`;
    return false;
  }
  const h24 = meridiem === 0 ? hour : (hour % 12) + (meridiem === 2 ? 12 : 0);
  tMs = ((h24 * 60 + minute) * 60 + second) * 1000 + Math.round(ms);
  return true;
}

/** The time of day of a fraction of a day, for a message: 14:30, 14:30:15 or 14:30:15.250. */
function clock(ms: number): string {
  const p = (x: number) => String(x).padStart(2, "0");
  const s = Math.floor(ms / 1000);
  let out = `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}`;
  if (s % 60 !== 0 || ms % 1000 !== 0) out += `:${p(s % 60)}`;
  if (ms % 1000 !== 0) out += `.${String(ms % 1000).padStart(3, "0")}`;
  return out;
}

/** A date part that does not exist, or that is out of Excel's range; "" when it is fine. */
function whyNotDay(s: string, year: number, month: number, day: number, form: number): string {
  if (month < 1 || month > 12) {
    if (form === 2 && day >= 1 && day <= 12 && month <= daysInMonth(year, day)) {
      return `${s} is not a date: dates are read in US order M/D/YYYY and ${month} is not a month; if it means ${month} ${MONTH_NAMES[day - 1]} ${year}, write ${year}-${String(day).padStart(2, "0")}-${String(month).padStart(2, "0")}`;
    }
    return `${s} is not a date: ${month} is not a month (${form === 2 ? "US order M/D/YYYY" : "YYYY-MM-DD"})`;
  }
  if (day < 1 || day > daysInMonth(year, month)) return `${s} is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
  if (year < 1900) return `${s} is before 1900-01-01, the first date Excel has`;
  return "";
}

/** A serial from a number (worksheet cell, or the digits of a text): date and time of day. */
function serialRead(x: number, typed: string, dateOnly: boolean): Read<DateTimeValue> {
  if (!Number.isFinite(x)) return bad(`${quoteTyped(typed)} is not a date`);
  if (Number.isInteger(x) && x >= 10_000_000 && x <= 99_999_999) {
    // YYYYMMDD: no serial has 8 digits (the last, 9999-12-31, is 2958465)
    const year = Math.floor(x / 10000);
    const month = Math.floor(x / 100) % 100;
    const day = x % 100;
    const why = whyNotDay(quoteTyped(typed), year, month, day, 1);
    if (why !== "") return bad(why.replace("(YYYY-MM-DD)", "(YYYYMMDD)"));
    return ok({ serial: ymdToSerial(year, month, day), offsetMinutes: undefined, timeOfDay: false });
  }
  if (Number.isInteger(x) && x >= 1900 && x <= 2099) {
    return bad(`${quoteTyped(typed)} is ambiguous: a year, or the Excel serial of ${serialToIso(x)}? write the whole date`);
  }
  let day = Math.floor(x);
  let ms = Math.round((x - day) * MS_PER_DAY);
  if (ms === MS_PER_DAY) {
    day++;
    ms = 0;
  }
  if (day < MIN_SERIAL || day > MAX_SERIAL) {
    return bad(`${quoteTyped(typed)} is not a date: Excel serials run from ${MIN_SERIAL} (1900-01-01) to ${MAX_SERIAL} (9999-12-31)`);
  }
  if (day === 60) return bad(`${quoteTyped(typed)} is Excel's serial for 1900-02-29, a day that did not exist`);
  if (dateOnly && ms !== 0) return bad(`${quoteTyped(typed)} has a time of day (${clock(ms)}); this column takes a date`);
  return ok({ serial: day + ms / MS_PER_DAY, offsetMinutes: undefined, timeOfDay: ms !== 0 });
}

/** Why a text that is not a date in any accepted form is not one. */
function whyNotDateText(t: string, s: string): string {
  if (/^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.test(t)) {
    return `${s} is not a date: D.M.YYYY (European order) is not read; write YYYY-MM-DD`;
  }
  if (/^(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})$/.test(t)) {
    return `${s} is not a date: day and month order is unclear with dashes; write M/D/YYYY (US order) or YYYY-MM-DD`;
  }
  if (/^[+-]?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/i.test(t)) return `${s} is not a date: an Excel serial is a whole number of days from 1 (1900-01-01) to ${MAX_SERIAL} (9999-12-31)`;
  return `${s} is not a date (write YYYY-MM-DD, M/D/YYYY or an Excel serial)`;
}

/** Reads a date or date-time text (trimmed, not blank). */
function dateText(t: string, dateOnly: boolean): Read<DateTimeValue> {
  // digits only (or digits.digits): an Excel serial, or YYYYMMDD
  const d = digitRun(t, 0);
  if (d > 0 && (d === t.length || (t.charCodeAt(d) === 46 && digitRun(t, d + 1) === t.length && d + 1 < t.length))) {
    if (d > 8) return bad(`${quoteTyped(t)} is not a date: an Excel serial is at most ${MAX_SERIAL} (9999-12-31)`);
    if (d === 8 && d !== t.length) return bad(`${quoteTyped(t)} is not a date (YYYYMMDD has no fraction)`);
    return serialRead(Number(t), t, dateOnly);
  }
  if (!scanDatePart(t)) return bad(whyNotDateText(t, quoteTyped(t)));
  const year = dYear;
  const month = dMonth;
  const day = dDay;
  const form = dForm;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1900) {
    return bad(whyNotDay(quoteTyped(t), year, month, day, form));
  }
  let serial = ymdToSerial(year, month, day);
  if (serial > MAX_SERIAL) return bad(`${quoteTyped(t)} is after 9999-12-31, the last date Excel has`);
  if (dEnd === t.length) return ok({ serial, offsetMinutes: undefined, timeOfDay: false });
  // a time after the date: "T" (year-first dates only) or spaces
  let i = dEnd;
  const c = t.charCodeAt(i);
  const tSep = c === 84 /* T */ && form === 1;
  if (tSep) i++;
  else if (c === 32) while (t.charCodeAt(i) === 32) i++;
  else return bad(`${quoteTyped(t)} has text after the date (${JSON.stringify(t.slice(dEnd))})`);
  const rest = t.slice(i);
  if (!scanTime(t, i, form === 1)) {
    if (tProblem !== "") return bad(`${quoteTyped(t)} has an invalid time (${JSON.stringify(rest)}: ${tProblem})`);
    if (tSep || isDigit(t.charCodeAt(i))) return bad(`${quoteTyped(t)} has an invalid time (${JSON.stringify(rest)})`);
    return bad(`${quoteTyped(t)} has text after the date (${JSON.stringify(rest)})`);
  }
  if (dateOnly) {
    if (tMs !== 0) return bad(`${quoteTyped(t)} has a time of day (${rest}); this column takes a date`);
    return ok({ serial, offsetMinutes: tOffset, timeOfDay: true });
  }
  serial += tMs / MS_PER_DAY;
  return ok({ serial, offsetMinutes: tOffset, timeOfDay: true });
}

/** ISO YYYY-MM-DD read with no allocation; -1 when t is not exactly that form of a real date. */
function isoFast(t: string): number {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return -1;
  const y0 = t.charCodeAt(0) - 48, y1 = t.charCodeAt(1) - 48, y2 = t.charCodeAt(2) - 48, y3 = t.charCodeAt(3) - 48;
  const m0 = t.charCodeAt(5) - 48, m1 = t.charCodeAt(6) - 48, d0 = t.charCodeAt(8) - 48, d1 = t.charCodeAt(9) - 48;
  // a non-digit is negative or above 9, and so above 9 as an unsigned integer
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > (month === 2 ? daysInMonth(year, 2) : DAYS_IN_MONTH[month])) return -1;
  return ymdToSerial(year, month, day);
}
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A date, as an Excel serial: ISO YYYY-MM-DD (or YYYY/MM/DD, YYYY-M-D), US M/D/YYYY or M/D/YY
 * (00-49 -> 20xx, 50-99 -> 19xx), D-Mon-YY(YY), "Mon D, YYYY", YYYYMMDD, or an Excel serial
 * (a worksheet number, or digits) from 1 to 2958465. A time of exactly midnight is accepted
 * ("2003-06-23 00:00:00", "6/23/2003 12:00 AM"); any other time, an invalid time, trailing
 * text, a day that does not exist, a 4-digit number that may be a year, are errors.
 */
export function readDate(cell: RawCell): Read<number> {
  if (typeof cell === "string") {
    const fast = isoFast(cell);
    if (fast > 0) return { ok: true, value: fast };
    // any other date form with nothing after it (M/D/YYYY, 23-Jun-03, ...), read without allocating
    if (scanDatePart(cell) && dEnd === cell.length && dMonth >= 1 && dMonth <= 12 && dDay >= 1 && dDay <= daysInMonth(dYear, dMonth) && dYear >= 1900) {
      return { ok: true, value: ymdToSerial(dYear, dMonth, dDay) };
    }
    if (isBlankText(cell)) return BLANK;
  } else if (typeof cell === "boolean") {
    return bad(`${quoteTyped(String(cell).toUpperCase())} is a TRUE/FALSE value, not a date`);
  } else if (cell === null || cell === undefined) {
    return BLANK;
  }
  const r = typeof cell === "number" ? serialRead(cell, String(cell), true) : dateText(cell.trim(), true);
  if (r.ok === false) return bad(r.reason);
  return { ok: true, value: (r.value as DateTimeValue).serial };
}

/**
 * A date-time for columns that take times: every form {@link readDate} reads, with a time of
 * day H:MM[:SS[.fff]] after the date (a "T" or spaces after a year-first date, spaces after the
 * others), 12-hour with AM/PM (hours 1-12) or 24-hour (0-23), and after a year-first date an
 * optional Z or UTC offset (+HH:MM, +HHMM, +HH), returned apart and not applied. A serial may
 * carry a fraction (the time of day). Times are read to the millisecond.
 */
export function readDateTime(cell: RawCell): Read<DateTimeValue> {
  if (typeof cell === "number") return serialRead(cell, String(cell), false);
  if (typeof cell === "boolean") return bad(`${quoteTyped(String(cell).toUpperCase())} is a TRUE/FALSE value, not a date`);
  if (cell === null || cell === undefined || isBlankText(cell)) return BLANK;
  return dateText(cell.trim(), false);
}

// ---------------------------------------------------------------------------------------------
// Allocation-free reads for a table's hot loop
// ---------------------------------------------------------------------------------------------

/**
 * A text cell's price when it is a plain one that {@link readPrice} accepts, else NaN (a blank, an
 * error, or a worksheet number: then call readPrice for the value or the reason). Allocates nothing.
 */
export function priceOrNaN(cell: string): number {
  const v = scanNumber(cell);
  return v >= 0 && v <= MAX_PRICE ? (v === 0 ? 0 : v) : NaN;
}

/** A text cell's share count when {@link readShares} accepts it as is, else NaN (see {@link priceOrNaN}). */
export function sharesOrNaN(cell: string): number {
  const v = scanNumber(cell);
  return v >= 0 && v <= MAX_SHARES && !scanCurrency && !scanFraction ? (v === 0 ? 0 : v) : NaN;
}

/** A text cell's date (an Excel serial) when {@link readDate} reads it without a time, else NaN (see {@link priceOrNaN}). */
export function dateOrNaN(cell: string): number {
  const fast = isoFast(cell);
  if (fast > 0) return fast;
  if (scanDatePart(cell) && dEnd === cell.length && dMonth >= 1 && dMonth <= 12 && dDay >= 1 && dDay <= daysInMonth(dYear, dMonth) && dYear >= 1900) {
    return ymdToSerial(dYear, dMonth, dDay);
  }
  return NaN;
}

/** Plain text of a cell. */
export function readText(cell: RawCell): string {
  return cellText(cell);
}
