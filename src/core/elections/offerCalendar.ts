/**
 * The offer's calendar (seed 004, Offer to Exchange sections 4-6 and 15, and Rule 14e-1): when the
 * offer commenced, the earliest day it may lawfully expire, the instant forms must arrive before, the
 * deadline to announce an extension, the 10-business-day minimum after an amendment that changes the
 * consideration or the number sought, the cancellation, the Promise to Grant's due date, the new grant
 * date and the day the new options are fully vested; and the due date of each receipt's e-mail
 * confirmation.
 *
 * Business days are federal ones (`calendarFor("FEDERAL")`: not a Saturday, Sunday or federal holiday,
 * 5 U.S.C. 6103). The seed defines a business day as "the time period from 12:01 a.m. through 12:00
 * midnight, Eastern Time" (the words of Rule 14d-1(g)(3)), so wherever a count starts from an instant
 * (a receipt, the expiration) the instant's day is its date in New York ({@link easternBusinessDate}).
 *
 * Dates are Excel serials; instants are UTC milliseconds. Every function is pure; a date outside the
 * federal calendar (1971-2099) throws the calendar's CalcError (`outsideCalendar`, `daysPastCalendar`).
 */
import { calendarFor } from "../calendars/calendar";
import { addMonthsClamped, weekday } from "../dates/serial";
import { newGrantDate } from "../equity/newGrantDate";
import { longDate } from "../offer/feeTable";
import { offerMinExpiration } from "../offer/offerMinExpiration";
import { CalendarEvent, ElectionTerms, OfferAmendment, OfferCalendar } from "./types";
import { clockText, instantText, isoInZone, localDay, localToInstant, offsetAt, serialAsUtc } from "./zonedTime";

/** The zone business days are counted in (Rule 14d-1(g)(3); the seed's "Eastern Time"). */
export const EASTERN_ZONE = "America/New_York";

/** Business days of the initial offer period (Rule 14e-1(a)). */
export const INITIAL_PERIOD_BUSINESS_DAYS = 20;
/** Business days an offer stays open after a change in the consideration or the number sought (Rule 14e-1(b)). */
export const AMENDED_PERIOD_BUSINESS_DAYS = 10;
/** Business days after receipt within which the seed confirms a form by e-mail. */
export const CONFIRMATION_BUSINESS_DAYS = 2;
/** Business days after cancellation within which the seed issues the Promise to Grant. */
export const PROMISE_TO_GRANT_BUSINESS_DAYS = 3;
/** Minutes after midnight, New York time, by which an extension must be announced (Rule 14e-1(d)). */
export const EXTENSION_NOTICE_MINUTES = 9 * 60;

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function federal() {
  return calendarFor("FEDERAL");
}

/** "Friday, July 25, 2003". */
export function dayText(serial: number): string {
  return `${WEEKDAYS[weekday(serial)]}, ${longDate(serial)}`;
}

/**
 * The business day an instant belongs to: its date in New York, except that 12:00 midnight exactly
 * closes the day before (the seed's business day runs "from 12:01 a.m. through 12:00 midnight, Eastern
 * Time"). A fax received 10:30 p.m. PDT Monday, July 21, 2003 (1:30 a.m. EDT Tuesday) belongs to
 * Tuesday, July 22; one received 9:00:00 p.m. PDT Thursday (12:00 midnight EDT) to Thursday.
 */
export function easternBusinessDate(instant: number): number {
  return localDay(instant - 1, EASTERN_ZONE);
}

/**
 * The day a form's e-mail confirmation is due: two federal business days after the business day the
 * form was received on ("within two business days of receipt", Offer to Exchange sections 4 and 5 and
 * the Instructions to the Election Form and to the Notice to Withdraw).
 *
 * The receipt's day is its date in New York ({@link easternBusinessDate}): 10:30 p.m. PDT Monday,
 * July 21, 2003 is Tuesday in New York, so the confirmation is due Thursday, July 24, 2003.
 *
 * A receipt on a day that is not a business day (a Saturday, a holiday) counts from that day: the
 * two business days are the next two (Saturday -> Monday, Tuesday: due Tuesday). The seed says
 * "within two business days of receipt" and nothing deems a weekend receipt to arrive on Monday (unlike
 * EDGAR filings, which Regulation S-T rule 13 deems filed the next business day); counting from Monday
 * instead would make the e-mail due Wednesday, a day later than the words allow. The earlier date is
 * also the safer one for the issuer: confirming a day early breaks no promise.
 */
export function confirmationDue(receivedAt: number): number {
  return federal().addBusinessDays(easternBusinessDate(receivedAt), CONFIRMATION_BUSINESS_DAYS);
}

/**
 * The day the Promise to Grant is due: three federal business days after the cancellation date
 * ("within three business days after the date we accept and cancel options", Offer to Exchange
 * section 5, and section 6 as amended by Amendment No. 1). July 25, 2003 (Friday) -> July 30, 2003
 * (Wednesday).
 */
export function promiseToGrantDue(cancellationDate: number): number {
  return federal().addBusinessDays(cancellationDate, PROMISE_TO_GRANT_BUSINESS_DAYS);
}

/**
 * The new grant date: the offer's own when it fixes one, else NEW_GRANT_DATE(cancellation, 6, 1):
 * "the first business day that is six months and one day after" the cancellation date (seed: July 25,
 * 2003 -> January 26, 2004).
 */
export function newOptionGrantDate(terms: ElectionTerms): number {
  return terms.newGrantDate ?? newGrantDate(terms.offer.cancellationDate, 6, 1, federal());
}

/** EDATE(new grant date, vesting months): the day the new options are fully vested. */
export function newOptionsFullyVestedDate(grantDate: number, terms: ElectionTerms): number {
  return addMonthsClamped(grantDate, terms.newOption.vesting.vestingMonths);
}

/** The expiration's instant and what the zone made of the wall-clock time. */
export interface ExpirationInstant {
  /** The instant forms must be received before (UTC ms). */
  instant: number;
  /** "instant" normally; "skipped" or "repeated" when daylight saving skips or repeats the time. */
  kind: "instant" | "skipped" | "repeated";
  /** For a repeated time: the first of the two instants (the one not used). */
  earlier?: number;
}

/** The first instant whose wall clock in `zone` reads `wall` (UTC-read ms) or later. */
function firstInstantAtOrAfter(wall: number, zone: string): number {
  const local = (t: number) => t + offsetAt(zone, t) * MS_PER_MINUTE;
  // offsets lie within -12h..+14h, so local(wall - 15h) < wall <= local(wall + 13h)
  let lo = wall - 15 * MS_PER_HOUR;
  let hi = wall + 13 * MS_PER_HOUR;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (local(mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The expiration instant: `terms.expirationTime` minutes after midnight on the offer's expiration
 * date, in `terms.timeZone` (1440 = 12:00 midnight at the end of the day). A time the zone skips
 * (spring forward) is taken as the first instant the clock reads it or later (the moment the clock
 * jumps); a time the zone passes twice (fall back) as the later of the two, so the offer never closes
 * earlier than any reading of its terms. Both are flagged by {@link offerCalendar}.
 * @example expirationInstant(seed).instant === Date.parse("2003-07-25T00:00:00Z") // 5:00 p.m. PDT, July 24
 */
export function expirationInstant(terms: ElectionTerms): ExpirationInstant {
  const wallSerial = terms.offer.offerExpirationDate + terms.expirationTime / MINUTES_PER_DAY;
  const local = localToInstant(wallSerial, terms.timeZone);
  if (local.kind === "instant") return { instant: local.instant, kind: "instant" };
  if (local.kind === "repeated") return { instant: local.later, kind: "repeated", earlier: local.earlier };
  return { instant: firstInstantAtOrAfter(serialAsUtc(wallSerial), terms.timeZone), kind: "skipped" };
}

/** The instant a New York wall-clock time stands for (never skipped or repeated at 9:00 a.m. or midnight). */
function easternInstant(wallSerial: number): number {
  const local = localToInstant(wallSerial, EASTERN_ZONE);
  if (local.kind === "instant") return local.instant;
  if (local.kind === "repeated") return local.later;
  return firstInstantAtOrAfter(serialAsUtc(wallSerial), EASTERN_ZONE);
}

/** The instant 12:00 midnight Eastern ends a business day (the start of the next calendar day in New York). */
function endOfEasternDay(day: number): number {
  return easternInstant(day + 1);
}

/** "5:00 p.m. on July 24, 2003"; "12:00 midnight at the end of July 24, 2003" for 1440 minutes. */
function wallText(minutes: number, day: number): string {
  if (minutes === MINUTES_PER_DAY) return `12:00 midnight at the end of ${longDate(day)}`;
  return `${clockText(Math.floor(minutes / 60), minutes % 60)} on ${longDate(day)}`;
}

/** Holidays the federal calendar skips between two days, as "Independence Day, July 4, 2003". */
function holidaysSkipped(from: number, to: number): string {
  const list = federal().holidaysBetween(from, to);
  if (list.length === 0) return "";
  return `; not counted: ${list.map((h) => `${h.name}, ${longDate(h.serial)}`).join("; ")}`;
}

/** Why a day is not a business day: "a Saturday", "Independence Day". */
function notBusinessReason(day: number): string {
  const name = federal().holidayName(day);
  if (name) return name;
  return `a ${WEEKDAYS[weekday(day)]}`;
}

function amendmentChanges(a: OfferAmendment): string {
  const parts: string[] = [];
  if (a.considerationChanged) parts.push("the consideration");
  if (a.numberSoughtChanged) parts.push("the number of options sought");
  return parts.join(" and ");
}

function amendmentName(a: OfferAmendment): string {
  const what = a.description?.trim();
  return `the amendment of ${longDate(a.date)}${what ? ` (${what})` : ""}`;
}

/**
 * A flag when the offer closes before the end of business day `day` (12:00 midnight Eastern), or
 * undefined. `minimum` names the rule ("the earliest expiration Rule 14e-1(a) allows").
 */
function tooEarly(deadline: number, zone: string, day: number, minimum: string, count: string): string | undefined {
  const end = endOfEasternDay(day);
  if (deadline >= end) return undefined;
  const expires = instantText(deadline, zone);
  if (easternBusinessDate(deadline) < day) {
    return `The offer expires at ${expires}, before ${longDate(day)}, ${minimum} (${count}).`;
  }
  return (
    `The offer expires at ${expires}, on ${longDate(day)}, ${minimum} (${count}), but before that business day ends at ` +
    `12:00 midnight Eastern time (${instantText(end, zone)}): a business day runs from 12:01 a.m. through 12:00 midnight ` +
    `Eastern time (Rule 14d-1(g)(3)), and offers are kept open until the end of their last required business day.`
  );
}

/**
 * The offer's calendar: its events in date order, the deadline (the expiration instant: a form
 * received at an instant < deadline counts, so 4:59:59 p.m. PDT counts and 5:00:00 p.m. does not)
 * and flags for dates the rules do not allow.
 *
 * The extension notice follows Rule 14e-1(d): "no later than 9:00 a.m. Eastern time, on the next
 * business day after the scheduled expiration date". The expiration's date is its business day in New
 * York ({@link easternBusinessDate}); the deadline is 9:00 a.m. New York time on the next federal
 * business day, shown in the offer's zone. For the seed: July 25, 2003, 9:00 a.m. EDT = 6:00 a.m. PDT,
 * the seed's "6:00 a.m., Pacific Time, on the next business day".
 */
export function offerCalendar(terms: ElectionTerms): OfferCalendar {
  const cal = federal();
  const zone = terms.timeZone;
  const { offer } = terms;
  const events: CalendarEvent[] = [];
  const flags: string[] = [];

  // commencement and the 20-business-day minimum
  const commencement = offer.commencementDate;
  const earliest = offerMinExpiration(commencement, INITIAL_PERIOD_BUSINESS_DAYS, cal);
  const dayOne = cal.nextBusinessDayOnOrAfter(commencement);
  events.push({
    key: "commencement",
    label: "Offer commences",
    date: commencement,
    rule:
      dayOne === commencement
        ? `The offer commenced on ${dayText(commencement)}, business day 1 of the offer period (Rule 14e-1(a) counts the day of commencement).`
        : `The offer commenced on ${dayText(commencement)}, which is not a business day (${notBusinessReason(commencement)}); business day 1 is ${dayText(dayOne)}.`,
  });
  const days20 = `20 business days, ${longDate(dayOne)} being day 1 and ${longDate(earliest)} day 20`;
  events.push({
    key: "earliestExpiration",
    label: "Earliest lawful expiration (Rule 14e-1(a))",
    date: earliest,
    rule:
      `Rule 14e-1(a): a tender offer must stay open at least 20 business days from commencement; the day of commencement ` +
      `counts as day 1, so ${dayText(dayOne)} is day 1 and ${dayText(earliest)} is day 20. Business days exclude Saturdays, ` +
      `Sundays and federal holidays (5 U.S.C. 6103)${holidaysSkipped(dayOne, earliest)}. A business day runs through 12:00 midnight ` +
      `Eastern time (Rule 14d-1(g)(3)).`,
  });

  // expiration
  const expiration = expirationInstant(terms);
  const deadline = expiration.instant;
  const expiresText = instantText(deadline, zone);
  events.push({
    key: "expiration",
    label: "Offer expires",
    date: offer.offerExpirationDate,
    instant: deadline,
    isoInstant: isoInZone(deadline, zone),
    rule:
      `Forms count only if received before ${expiresText} (${wallText(terms.expirationTime, offer.offerExpirationDate)}, ${zone}): ` +
      `a form received even one second earlier counts; one received at that instant or later does not.`,
  });
  if (expiration.kind === "skipped") {
    flags.push(
      `${wallText(terms.expirationTime, offer.offerExpirationDate)} does not exist in ${zone} (daylight saving ` +
        `time begins and the clock skips it); the deadline is taken as ${expiresText}, when the clock jumps past it. State an expiration time that exists.`,
    );
  } else if (expiration.kind === "repeated") {
    flags.push(
      `${wallText(terms.expirationTime, offer.offerExpirationDate)} occurs twice in ${zone} (daylight saving ` +
        `time ends): first at ${instantText(expiration.earlier as number, zone)}, again at ${expiresText}; the deadline is taken as the later one. ` +
        `State an expiration time that occurs once.`,
    );
  }
  const expiryDay = easternBusinessDate(deadline);
  if (!cal.isBusinessDay(expiryDay)) {
    const where = expiryDay === offer.offerExpirationDate ? "" : " (its date in New York, where business days are counted)";
    flags.push(`The offer expires on ${dayText(expiryDay)}${where}, which is not a business day (${notBusinessReason(expiryDay)}).`);
  }
  const early = tooEarly(deadline, zone, earliest, "the earliest expiration Rule 14e-1(a) allows", days20);
  if (early) flags.push(early);

  // the extension notice: 9:00 a.m. New York time on the next business day after the expiration's date
  const noticeDay = cal.addBusinessDays(expiryDay, 1);
  const notice = easternInstant(noticeDay + EXTENSION_NOTICE_MINUTES / MINUTES_PER_DAY);
  events.push({
    key: "extensionNotice",
    label: "Last moment to announce an extension",
    date: localDay(notice, zone),
    instant: notice,
    isoInstant: isoInZone(notice, zone),
    rule:
      `Rule 14e-1(d): an extension must be announced no later than 9:00 a.m. Eastern time on the next business day after the ` +
      `scheduled expiration date. The offer expires on ${dayText(expiryDay)} in New York; the next business day is ` +
      `${dayText(noticeDay)}, and 9:00 a.m. New York time then (${instantText(notice, EASTERN_ZONE)}) is ${instantText(notice, zone)} ` +
      `in the offer's zone. The seed, an offer in Pacific time, states the same deadline as "6:00 a.m., Pacific Time, on the next ` +
      `business day"; it is figured in New York time so that it holds in any zone and across daylight saving.`,
  });

  // amendments
  for (const amendment of terms.amendments) {
    const changes = amendmentChanges(amendment);
    const what = amendment.description?.trim();
    events.push({
      key: "amendment",
      label: "Offer amended",
      date: amendment.date,
      rule:
        `Notice of the amendment first published, sent or given on ${dayText(amendment.date)}${what ? `: ${what}` : ""}. ` +
        (changes
          ? `It changed ${changes}, so Rule 14e-1(b) keeps the offer open at least 10 more business days.`
          : `It changed neither the consideration nor the number of options sought, so Rule 14e-1(b)'s 10 business days do not apply; ` +
            `other material changes need the time Rule 13e-4(e)(3) requires, which depends on the facts.`),
    });
    if (amendment.date > expiryDay) {
      flags.push(`${amendmentName(amendment)} is dated after the offer expired (${expiresText}).`);
    } else if (amendment.date < commencement) {
      flags.push(`${amendmentName(amendment)} is dated before the offer commenced (${longDate(commencement)}).`);
    }
    if (!changes) continue;
    const minimum = offerMinExpiration(amendment.date, AMENDED_PERIOD_BUSINESS_DAYS, cal);
    const first = cal.nextBusinessDayOnOrAfter(amendment.date);
    const days10 = `10 business days, ${longDate(first)} being day 1 and ${longDate(minimum)} day 10`;
    events.push({
      key: "amendedEarliestExpiration",
      label: "Earliest expiration after the amendment (Rule 14e-1(b))",
      date: minimum,
      rule:
        `Rule 14e-1(b): after a change in the consideration or in the number of securities sought, the offer must stay open at least ` +
        `10 business days from the day notice of the change is first published, sent or given, that day counting as day 1 (the same ` +
        `convention as the 20-day period of Rule 14e-1(a); the seed: "the tenth business day from, and including, the date that ` +
        `notice ... is first published"). ${dayText(first)} is day 1 and ${dayText(minimum)} is day 10${holidaysSkipped(first, minimum)}.`,
    });
    const short = tooEarly(deadline, zone, minimum, `the earliest expiration Rule 14e-1(b) allows after ${amendmentName(amendment)}, which changed ${changes}`, days10);
    if (short) flags.push(short);
  }

  // cancellation, the Promise to Grant, the new grant and full vesting
  const cancellation = offer.cancellationDate;
  events.push({
    key: "cancellation",
    label: "Options accepted and cancelled",
    date: cancellation,
    rule: `Options properly tendered and not withdrawn are accepted and cancelled promptly after the offer expires, on ${dayText(cancellation)} (the offer's cancellation date).`,
  });
  if (cancellation < offer.offerExpirationDate) {
    flags.push(`The cancellation date, ${longDate(cancellation)}, is before the offer expires (${expiresText}): options can only be accepted after expiration.`);
  }
  const promiseDue = promiseToGrantDue(cancellation);
  events.push({
    key: "promiseToGrantDue",
    label: "Promise to Grant due",
    date: promiseDue,
    rule:
      `"Within three business days after the date we accept and cancel options" (Offer to Exchange section 5; section 6 as amended): ` +
      `${dayText(cancellation)} + 3 business days = ${dayText(promiseDue)}${holidaysSkipped(cancellation + 1, promiseDue)}.`,
  });
  const grantDate = newOptionGrantDate(terms);
  let grantRule: string;
  if (terms.newGrantDate !== undefined) {
    grantRule = `The new grant date fixed by the offer: ${dayText(grantDate)}.`;
  } else {
    const months = addMonthsClamped(cancellation, 6);
    grantRule =
      `"The first business day that is six months and one day after" the cancellation date: ${longDate(cancellation)} + 6 months = ` +
      `${longDate(months)}, + 1 day = ${dayText(months + 1)}` +
      (grantDate === months + 1 ? ", a business day." : `, not a business day (${notBusinessReason(months + 1)}); the next business day is ${dayText(grantDate)}.`);
  }
  events.push({ key: "newGrantDate", label: "New options granted", date: grantDate, rule: grantRule });
  if (grantDate < cancellation) {
    flags.push(`The new grant date, ${longDate(grantDate)}, is before the cancellation date, ${longDate(cancellation)}.`);
  }
  const vestingMonths = terms.newOption.vesting.vestingMonths;
  const vested = newOptionsFullyVestedDate(grantDate, terms);
  events.push({
    key: "newOptionsFullyVested",
    label: "New options fully vested",
    date: vested,
    rule:
      vestingMonths === 0
        ? `The new options vest in full on the grant date, ${longDate(grantDate)}.`
        : `The ${vestingMonths}-month anniversary of the new grant date: EDATE(${longDate(grantDate)}, ${vestingMonths}) = ${dayText(vested)}.`,
  });

  // date order; equal dates keep the order above
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.date - b.e.date || a.i - b.i).map((x) => x.e);
  return { events: ordered, deadline, flags };
}
