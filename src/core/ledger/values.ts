/**
 * Reading ledger cells: money ("$2.50"), whole shares ("1,026,013"), dates ("2003-06-23",
 * "6/23/2003" in US order, or Excel serials), holder classes and countries.
 */
import { daysInMonth, isoToSerial, MAX_SERIAL, MIN_SERIAL, ymdToSerial } from "../dates/serial";

/** A cell as it arrives: text from a CSV, or a number/boolean/blank from a worksheet. */
export type RawCell = string | number | boolean | null | undefined;

/** Outcome of reading a cell: a value, nothing (blank), or a reason it cannot be read. */
export type Read<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

const ok = <T>(value: T | undefined): Read<T> => ({ ok: true, value });
const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });

function text(cell: RawCell): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/**
 * Fast path for the common forms "1234", "1,026,013", "$2.50", "2.5": digits with optional $, comma
 * groups of three and a decimal part. Returns NaN when the text has any other form.
 */
function scanPlainNumber(t: string): number {
  let i = 0;
  const n = t.length;
  if (n === 0) return NaN;
  if (t.charCodeAt(0) === 36 /* $ */) i = 1;
  let digits = "";
  let groupRun = -1; // digits since the last comma; -1 before any comma
  let leading = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += t[i];
      if (groupRun >= 0) groupRun++;
      else leading++;
    } else if (c === 44 /* , */) {
      if (leading === 0 || leading > 3 || (groupRun >= 0 && groupRun !== 3)) return NaN;
      groupRun = 0;
    } else break;
  }
  if (groupRun >= 0 && groupRun !== 3) return NaN;
  if (digits === "") return NaN;
  if (i < n) {
    if (t.charCodeAt(i) !== 46 /* . */ || i === n - 1) return NaN;
    for (let j = i + 1; j < n; j++) {
      const c = t.charCodeAt(j);
      if (c < 48 || c > 57) return NaN;
    }
    return Number(digits + t.slice(i));
  }
  return Number(digits);
}

/** A decimal number, allowing a leading $, thousands separators and (123) for negatives. */
export function readNumber(cell: RawCell): Read<number> {
  if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell) : bad(`${cell} is not a finite number`);
  let t = text(cell);
  const fast = scanPlainNumber(t);
  if (fast === fast) return ok(fast);
  if (t === "") return ok(undefined);
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  t = t.replace(/^([+-]?)\s*(US)?\$\s*/i, "$1");
  if (t === "" || !NUMBER.test(t) || t === "." || t === "+" || t === "-") return bad(`"${text(cell)}" is not a number`);
  const n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) return bad(`"${text(cell)}" is not a number`);
  return ok(negative ? -n : n);
}

/** A whole number of shares. */
export function readShares(cell: RawCell): Read<number> {
  const n = readNumber(cell);
  if (!n.ok || n.value === undefined) return n;
  if (!Number.isInteger(n.value)) return bad(`${text(cell)} is not a whole number of shares`);
  if (!Number.isSafeInteger(n.value)) return bad(`${text(cell)} is too large`);
  return n;
}

/** A date: ISO YYYY-MM-DD, US M/D/YYYY (or M/D/YY, 19xx for 50-99), or an Excel serial. */
export function readDate(cell: RawCell): Read<number> {
  if (typeof cell === "number") {
    const s = Math.floor(cell);
    return s >= MIN_SERIAL && s <= MAX_SERIAL ? ok(s) : bad(`${cell} is not a date serial`);
  }
  const t = text(cell);
  if (t === "") return ok(undefined);
  const iso = isoToSerial(t.slice(0, 10));
  if (iso !== undefined && (t.length === 10 || /^\d{4}-\d{2}-\d{2}[T ]/.test(t))) return ok(iso);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (us) {
    const month = Number(us[1]);
    const day = Number(us[2]);
    let year = Number(us[3]);
    if (us[3].length === 2) year += year >= 50 ? 1900 : 2000;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1900) {
      return bad(`"${t}" is not a date (US order M/D/YYYY)`);
    }
    return ok(ymdToSerial(year, month, day));
  }
  if (/^\d+(\.\d+)?$/.test(t)) return readDate(Number(t));
  return bad(`"${t}" is not a date (use YYYY-MM-DD, M/D/YYYY or an Excel serial)`);
}

const classCache = new Map<string, string>();
const countryCache = new Map<string, string>();

/** Looks a normalization up in a small cache (ledgers repeat a handful of values). */
function cached(cache: Map<string, string>, key: string, compute: (k: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size > 10000) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** A holder class, lower-cased; common spellings folded ("Executive Officer" -> "executive"). */
export function normalizeHolderClass(cell: RawCell): string {
  return cached(classCache, text(cell), foldHolderClass);
}

function foldHolderClass(raw: string): string {
  const cell = raw;
  const t = text(cell).toLowerCase().replace(/[\s_-]+/g, " ");
  if (t === "") return "";
  if (/\bdirector\b/.test(t)) return "director";
  if (/\bconsult/.test(t) || /\bcontractor\b/.test(t) || /\badvisor\b/.test(t)) return "consultant";
  if (/\bexecutive\b/.test(t)) return "executive";
  if (/\bofficer\b/.test(t)) return "officer";
  if (/\bemployee\b/.test(t) || t === "ee" || t === "staff") return "employee";
  return t;
}

const US_NAMES = new Set(["us", "usa", "u s", "u s a", "united states", "united states of america", "america"]);

/** A country, upper-cased, with the United States' spellings folded to "US". */
export function normalizeCountry(cell: RawCell): string {
  return cached(countryCache, text(cell), foldCountry);
}

function foldCountry(raw: string): string {
  const cell = raw;
  const t = text(cell).toLowerCase().replace(/\./g, " ").replace(/\s+/g, " ").trim();
  if (US_NAMES.has(t)) return "US";
  return t.toUpperCase();
}

/** Plain text of a cell. */
export function readText(cell: RawCell): string {
  return text(cell);
}
