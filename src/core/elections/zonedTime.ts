/**
 * Wall-clock times in a named time zone (IANA: "America/Los_Angeles") and instants, with daylight
 * saving from the time-zone database (via @date-fns/tz, which asks the JavaScript engine's Intl),
 * never a fixed offset. An instant is milliseconds since 1970-01-01T00:00Z; a wall-clock time is an
 * Excel serial with the time of day as its fraction.
 *
 * A local time that the zone skips (2:30 a.m. on the spring-forward Sunday) or passes twice (1:30
 * a.m. on the fall-back Sunday) is not an instant: {@link localToInstant} says which, and never picks.
 */
import { tzOffset } from "@date-fns/tz";
import { serialToYmd, ymdToSerial } from "../dates/serial";

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * True for an IANA zone the engine knows, written Area/Location ("America/Los_Angeles") or "UTC".
 * Offsets ("-07:00") and abbreviations ("PST", which some engines accept as a legacy alias, and
 * which says nothing about daylight saving) are not zones.
 */
export function isTimeZone(name: string): boolean {
  if (typeof name !== "string" || !(name === "UTC" || /^[A-Za-z]+\/[A-Za-z0-9_+\-/]+$/.test(name))) return false;
  return !Number.isNaN(tzOffset(name, new Date(0)));
}

/** Offsets are looked up once per zone and quarter hour (see {@link offsetAt}). */
const BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

function offsetFromDatabase(zone: string, instant: number): number {
  const offset = tzOffset(zone, new Date(instant));
  if (Number.isNaN(offset)) throw new Error(`unknown time zone ${JSON.stringify(zone)}`);
  return offset;
}

/**
 * The zone's UTC offset in minutes at an instant (-420 for PDT). Asking the engine's time-zone
 * database costs microseconds, so the answer is kept per quarter hour, but only for a quarter hour
 * whose first and last milliseconds have the same offset: a quarter hour with a transition inside it
 * (historic offsets such as +00:19:32 change at odd instants) is asked about every time. Exact.
 */
export function offsetAt(zone: string, instant: number): number {
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const bucket = Math.floor(instant / BUCKET_MS);
  const known = cache.get(bucket);
  if (known !== undefined && !Number.isNaN(known)) return known;
  if (known === undefined) {
    const start = offsetFromDatabase(zone, bucket * BUCKET_MS);
    const end = offsetFromDatabase(zone, bucket * BUCKET_MS + BUCKET_MS - 1);
    cache.set(bucket, start === end ? start : NaN);
    if (start === end) return start;
  }
  return offsetFromDatabase(zone, instant);
}

/** Excel's serial of 1970-01-01, and of 1900-03-01 (from which serials count days without a gap). */
const SERIAL_1970 = 25569;
const SERIAL_1900_03_01 = 61;

/** Milliseconds since 1970 of a wall-clock serial read as if it were UTC (to the millisecond). */
export function serialAsUtc(serial: number): number {
  if (serial >= SERIAL_1900_03_01) return Math.round((serial - SERIAL_1970) * MS_PER_DAY);
  // before March 1900 Excel's serials include the fictitious February 29, 1900
  const day = Math.floor(serial);
  const { year, month, day: d } = serialToYmd(day);
  return Date.UTC(year, month - 1, d) + Math.round((serial - day) * MS_PER_DAY);
}

/** The wall-clock serial (with fraction) of a UTC-milliseconds value read as UTC. */
export function utcAsSerial(ms: number): number {
  const serial = ms / MS_PER_DAY + SERIAL_1970;
  if (serial >= SERIAL_1900_03_01) return serial;
  const date = new Date(ms);
  const day = ymdToSerial(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  const msOfDay = ms - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return day + msOfDay / MS_PER_DAY;
}

/** What a local time is: one instant, or none (skipped), or two (repeated). */
export type LocalInstant =
  | { kind: "instant"; instant: number }
  | { kind: "skipped" }
  | { kind: "repeated"; earlier: number; later: number };

/**
 * The instant a wall-clock time in a zone stands for.
 * @example localToInstant(serial(2003-07-24) + 17/24, "America/Los_Angeles") -> instant 2003-07-25T00:00Z
 */
export function localToInstant(serial: number, zone: string): LocalInstant {
  const wall = serialAsUtc(serial);
  // the offsets in force a day either side cover every transition near this wall time
  const candidates = new Set<number>();
  for (const probe of [wall - MS_PER_DAY, wall, wall + MS_PER_DAY]) {
    const offset = offsetAt(zone, probe);
    const instant = wall - offset * MS_PER_MINUTE;
    if (offsetAt(zone, instant) === offset) candidates.add(instant);
  }
  const found = [...candidates].sort((a, b) => a - b);
  if (found.length === 0) return { kind: "skipped" };
  if (found.length === 1) return { kind: "instant", instant: found[0] };
  return { kind: "repeated", earlier: found[0], later: found[found.length - 1] };
}

/** The wall-clock serial (with fraction) of an instant in a zone. */
export function instantToLocal(instant: number, zone: string): number {
  return utcAsSerial(instant + offsetAt(zone, instant) * MS_PER_MINUTE);
}

/** The day (Excel serial) an instant falls on in a zone. */
export function localDay(instant: number, zone: string): number {
  return Math.floor(instantToLocal(instant, zone));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** "-07:00" for -420 minutes. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/**
 * ISO 8601 with the zone's offset at that instant, to the second (milliseconds when not whole).
 * @example isoInZone(Date.UTC(2003, 6, 25), "America/Los_Angeles") === "2003-07-24T17:00:00-07:00"
 */
export function isoInZone(instant: number, zone: string): string {
  const offset = offsetAt(zone, instant);
  const local = new Date(instant + offset * MS_PER_MINUTE);
  const ms = local.getUTCMilliseconds();
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}` : "") +
    offsetText(offset)
  );
}

/** The zone's short name at an instant ("PDT", "EST"; "GMT+1" where the engine has no abbreviation). */
export function zoneAbbreviation(instant: number, zone: string): string {
  let format = nameFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" });
    nameFormats.set(zone, format);
  }
  return format.formatToParts(new Date(instant)).find((p) => p.type === "timeZoneName")?.value ?? zone;
}
const nameFormats = new Map<string, Intl.DateTimeFormat>();

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "5:00 p.m." / "4:59:59 p.m." (seconds shown when not zero). */
export function clockText(hours: number, minutes: number, seconds = 0): string {
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const sec = seconds ? `:${pad(seconds)}` : "";
  return `${h12}:${pad(minutes)}${sec} ${hours < 12 ? "a.m." : "p.m."}`;
}

/**
 * An instant as people write it in a filing: "5:00 p.m. PDT, July 24, 2003" (seconds when not zero).
 */
export function instantText(instant: number, zone: string): string {
  const local = new Date(instant + offsetAt(zone, instant) * MS_PER_MINUTE);
  const clock = clockText(local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds());
  return `${clock} ${zoneAbbreviation(instant, zone)}, ${MONTHS[local.getUTCMonth()]} ${local.getUTCDate()}, ${local.getUTCFullYear()}`;
}
