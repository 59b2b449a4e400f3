/**
 * The offer's documents, in the seed's words (seed 004, Schedule TO Amendment No. 1, Capstone Turbine,
 * July 2003), filled with the case's values: the e-mail confirming receipt of an Election Form
 * (Exhibit (a)(1)(vi)) or of a Notice to Withdraw (Exhibit (a)(1)(vii)), the Promise to Grant Stock
 * Option(s) (Exhibit (a)(1)(v)), and the results paragraph of the final amendment to the Schedule TO.
 *
 * What the seed leaves to the issuer (its short name, the market its stock is listed on, the plans,
 * whom to contact) comes from an optional {@link DocumentWording}; without it the texts use neutral
 * words that fit any offer.
 */
import Decimal from "decimal.js";
import { VestingTerms } from "../equity/vesting";
import { count, dollars, longDate } from "../offer/feeTable";
import { expirationInstant, promiseToGrantDue } from "./offerCalendar";
import { Counts, ElectionTerms, FormOutcome, HolderOutcome } from "./types";
import { clockText, instantText, offsetAt } from "./zonedTime";

/** What the seed's texts name that ElectionTerms does not carry. Every field may be omitted. */
export interface DocumentWording {
  /** The issuer's name as the documents define it ("Capstone"); default: the name without its corporate suffix. */
  shortName?: string;
  /** The offer document's title; default "Offer to Exchange Certain Outstanding Options for New Options" (the seed's). */
  offerTitle?: string;
  /** Where the closing price is taken ("the Nasdaq National Market"); default: not named. */
  market?: string;
  /** The plan the new options are granted under ("Capstone Turbine Corporation 2000 Equity Incentive Plan"). */
  newOptionPlan?: string;
  /** The plans of the exchanged options (["1993 Incentive Stock Plan", "2000 Equity Incentive Plan"]). */
  oldOptionPlans?: readonly string[];
  /** Whether every new option is a nonstatutory stock option (the seed's); default true. */
  newOptionsNonstatutory?: boolean;
  /** Whom to contact about a confirmation, one line each; default: the issuer's name. */
  contact?: readonly string[];
}

/** The title the seed gives its offer (the Offer to Exchange). */
export const SEED_OFFER_TITLE = "Offer to Exchange Certain Outstanding Options for New Options";

const CORPORATE_SUFFIX =
  /,?\s+(Corporation|Corp\.?|Incorporated|Inc\.?|Company|Co\.?|Limited|Ltd\.?|L\.?L\.?C\.?|plc|PLC|N\.V\.|S\.A\.|AG|SE|Holdings?)$/;

/** "Capstone Turbine Corporation" -> "Capstone Turbine"; "Acme, Inc." -> "Acme". */
export function issuerShortName(issuerName: string): string {
  let name = issuerName.trim();
  for (let i = 0; i < 2; i++) {
    const next = name.replace(CORPORATE_SUFFIX, "").trim();
    if (next === name || next === "") break;
    name = next;
  }
  return name;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The zone's generic name at an instant ("Pacific Time", "Eastern Time"), or the zone itself. */
export function zoneGenericName(zone: string, instant: number): string {
  const options = { timeZone: zone, timeZoneName: "longGeneric" } as Intl.DateTimeFormatOptions;
  const part = new Intl.DateTimeFormat("en-US", options)
    .formatToParts(new Date(instant))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

/**
 * An expiration as offer documents write it: "5:00 p.m., Pacific Time, on July 24, 2003"; a deadline
 * at 12:00 midnight is "12:00 midnight, Eastern Time, at the end of July 24, 2003".
 */
export function expirationText(instant: number, zone: string): string {
  const local = new Date(instant + offsetAt(zone, instant) * 60_000);
  const name = zoneGenericName(zone, instant);
  const h = local.getUTCHours();
  const m = local.getUTCMinutes();
  const s = local.getUTCSeconds();
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  if (h === 0 && m === 0 && s === 0) {
    const before = new Date(day - 86_400_000);
    return `12:00 midnight, ${name}, at the end of ${MONTHS[before.getUTCMonth()]} ${before.getUTCDate()}, ${before.getUTCFullYear()}`;
  }
  return `${clockText(h, m, s)}, ${name}, on ${MONTHS[local.getUTCMonth()]} ${local.getUTCDate()}, ${local.getUTCFullYear()}`;
}

/** "June 25, 2003, as amended on July 9, 2003": the dates the seed's texts give the Offer. */
function offerDates(terms: ElectionTerms): string {
  const dates = [...new Set(terms.amendments.map((a) => a.date))].sort((a, b) => a - b).map(longDate);
  const amended = dates.length === 0 ? "" : `, as amended on ${joinAnd(dates)}`;
  return `originally dated ${longDate(terms.offer.commencementDate)}${amended}`;
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The seed's words for a channel: "fax", "hand delivery", "e-mail". */
const CHANNEL_WORDS: Record<string, string> = {
  fax: "fax",
  hand: "hand delivery",
  email: "e-mail",
  mail: "mail",
  courier: "courier",
  web: "the web",
};

function channelWord(channel: string): string {
  return CHANNEL_WORDS[channel] ?? `"${channel}"`;
}

function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, "");
}

/**
 * The one sentence a confirmation adds when the form does not count (the seed's confirmations only
 * confirm receipt; see {@link confirmationEmail}), or undefined for a form that counts or was
 * superseded by the holder's own later form.
 */
function doesNotCount(outcome: FormOutcome, terms: ElectionTerms, deadline: number): string | undefined {
  const { form } = outcome;
  const election = form.type === "election";
  const thisForm = election ? "this Election Form" : "this Notice to Withdraw";
  const forms = election ? "Election Forms" : "Notices to Withdraw";
  const effect = election ? "" : " and does not withdraw any options you tendered";
  switch (outcome.status) {
    case "counted":
    case "superseded":
      return undefined;
    case "late":
      return (
        `Please note that ${thisForm} does not count${effect}: we received it at ${instantText(form.receivedAt, terms.timeZone)}, ` +
        `and the Offer expired at ${expirationText(deadline, terms.timeZone)}; ${forms} had to be received before then` +
        (election ? ", and late tenders of options are not accepted under any circumstances." : ".")
      );
    case "channel": {
      const accepted = terms.acceptedChannels.map(channelWord);
      const only = accepted.length ? `the Offer accepts ${forms} only by ${joinOr(accepted)}` : `the Offer does not accept ${forms} delivered that way`;
      const email = form.channel === "email" ? " (e-mail is not sufficient)" : "";
      return `Please note that ${thisForm} does not count${effect}: it was delivered by ${channelWord(form.channel)}, and ${only}${email}.`;
    }
    case "conflict":
      return `Please note that we cannot give effect to ${thisForm} as it stands: ${withoutFinalStop(outcome.reason)}.`;
    case "invalid":
    default:
      return `Please note that ${thisForm} does not count${effect}: ${withoutFinalStop(outcome.reason)}.`;
  }
}

/**
 * The e-mail confirming receipt of a form: the seed's "Form of E-mail Confirmation of Receipt of
 * Election Form" (Exhibit (a)(1)(vi)) or "... of Notice to Withdraw from the Offer" (Exhibit
 * (a)(1)(vii)), with the issuer, the Offer's dates and the expiration filled in.
 *
 * The seed confirms receipt of every form, valid or not: "Within two business days of the receipt of
 * your Election Form or your Notice to Withdraw from the Offer, Capstone intends to e-mail a
 * confirmation of receipt to you. However, this is not by itself an acceptance of your options for
 * exchange" (section 5); the e-mail says it "does not serve as our formal acceptance" and that "a
 * formal notice of the acceptance/rejection of your options will be sent to you promptly after the
 * expiration of the Offer"; and "Neither we nor any other person is obligated to give notice of any
 * defects or irregularities" (sections 4 and 5). The seed has no separate text for a late or defective
 * form. Confirming a late fax in those words alone reads as "you are in", so for a form that does not
 * count (late, by a channel the Offer does not accept, invalid, or in conflict) the e-mail adds one
 * sentence saying so and why, right after the first paragraph. For such a Notice to Withdraw the words
 * "and nullifying your previously submitted Election Form" and the seed's two paragraphs on what the
 * notice does are left out, since the notice does none of it; for a late Election Form the paragraph
 * on withdrawing or changing the election "prior to the Expiration Date" is left out, since that time
 * has passed. (The seed's paragraph on changing an election lacks its final period; it is added.)
 */
export function confirmationEmail(
  outcome: FormOutcome,
  terms: ElectionTerms,
  holderName: string,
  wording: DocumentWording = {},
): { subject: string; body: string } {
  const { form } = outcome;
  const deadline = expirationInstant(terms).instant;
  const expiry = expirationText(deadline, terms.timeZone);
  const title = wording.offerTitle ?? SEED_OFFER_TITLE;
  const offer = `the most recent version of the ${title} (${offerDates(terms)}) (as so amended, and as it may be amended from time to time thereafter, the "Offer")`;
  const notCounting = doesNotCount(outcome, terms, deadline);
  const contact = wording.contact?.length ? wording.contact : [terms.offer.issuerName];
  const paragraphs: string[] = [];
  const name = holderName.trim();
  if (name) paragraphs.push(`Dear ${name}:`);

  if (form.type === "election") {
    paragraphs.push(
      `This e-mail confirms our receipt of your Election Form, which sets forth your election to exchange one or more of your outstanding ` +
        `options for cancellation and regrant pursuant to our voluntary stock option exchange program. This e-mail does not serve as our ` +
        `formal acceptance of the options designated on your Election Form for cancellation and regrant, per the terms and conditions of ` +
        `${offer} distributed to you and filed with the SEC. A formal notice of the acceptance/rejection of your options will be sent to you ` +
        `promptly after the expiration of the Offer, which is currently scheduled to occur at ${expiry} (the "Expiration Date").`,
    );
    if (notCounting) paragraphs.push(notCounting);
    if (outcome.status !== "late") {
      paragraphs.push(
        `Your election to exchange your options may be withdrawn or changed at any time prior to the Expiration Date. To withdraw your ` +
          `election, you must submit a Notice to Withdraw from the Offer prior to the Expiration Date per the procedures set forth in the ` +
          `Offer. To change your election, you must submit a new Election Form prior to the Expiration Date per the procedures set forth in the Offer.`,
      );
    }
  } else {
    const ourOffer = offer.replace(/^the most recent version of the /, "the most recent version of our ");
    paragraphs.push(
      `This e-mail confirms our receipt of your Notice to Withdraw from the Offer pursuant to ${ourOffer}` +
        (notCounting ? "." : ` and nullifying your previously submitted Election Form.`),
    );
    if (notCounting) {
      paragraphs.push(notCounting);
    } else {
      paragraphs.push(
        `Please note that the Notice to Withdraw from the Offer completely withdraws you from the Offer and cannot be used to make changes ` +
          `to your previously submitted Election Form. Please submit a new Election Form if you would like to change your election with ` +
          `respect to a particular option.`,
      );
      paragraphs.push(
        `In addition, you may change your mind and re-accept the Offer by completing and delivering a new Election Form per the procedures ` +
          `set forth in the Offer prior to ${expiry}.`,
      );
    }
  }
  paragraphs.push(`If you have questions regarding this confirmation, contact:`);
  paragraphs.push(contact.join("\n"));

  const what = form.type === "election" ? "Election Form" : "Notice to Withdraw from the Offer";
  return { subject: `Confirmation of Receipt of ${what} (${form.formId})`, body: paragraphs.join("\n\n") };
}

// ---------------------------------------------------------------------------------------------
// The Promise to Grant

interface Fraction {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

function reduced(num: bigint, den: bigint): Fraction {
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

/** The exact fraction of a decimal number (0.125 -> 1/8). */
function fractionOf(x: number): Fraction {
  const [n, d] = new Decimal(x).toFraction();
  return reduced(BigInt(n.toFixed(0)), BigInt(d.toFixed(0)));
}

/** "12.5%" (up to four decimals). */
function percentText(f: Fraction): string {
  return `${new Decimal(f.num.toString()).times(100).dividedBy(f.den.toString()).toDecimalPlaces(4).toString()}%`;
}

/** "1/48" for a proper fraction with a denominator up to 1,000, "100%" for one, else a percentage. */
function shareOfText(f: Fraction): string {
  if (f.num === f.den) return "100%";
  if (f.den <= 1000n && f.num < f.den) return `${f.num}/${f.den}`;
  return percentText(f);
}

function frequency(intervalMonths: number): string {
  if (intervalMonths === 1) return "monthly";
  if (intervalMonths === 3) return "quarterly";
  if (intervalMonths === 12) return "annually";
  return `every ${intervalMonths} months`;
}

/**
 * The vesting bullets of the seed's Promise ("12.5% ... will be vested on the grant date ...; and
 * 1/48 ... will vest monthly ...; such that each New Option will be fully vested on the 42-month
 * anniversary ..."), written from the offer's vesting terms (the rule of vesting.ts: the upfront part
 * at grant, the rest linearly by whole intervals, nothing before the cliff).
 */
export function vestingBullets(v: VestingTerms, shortName: string): string[] {
  const upfront = fractionOf(v.upfrontFraction);
  const subject = "of the shares subject to the New Option(s)";
  if (upfront.num >= upfront.den || v.vestingMonths === 0) {
    return [`100% ${subject} will be vested on the grant date of the New Option(s).`];
  }
  // the linear part: (1 - u) x months / vestingMonths
  const rest = upfront.den - upfront.num;
  const part = (months: number) => reduced(rest * BigInt(months), upfront.den * BigInt(v.vestingMonths));
  const intervals = Math.ceil(v.vestingMonths / v.intervalMonths);
  const fullMonths = intervals * v.intervalMonths;
  const per = part(v.intervalMonths);
  const tail =
    `such that each New Option will be fully vested on the ${fullMonths}-month anniversary of the grant date of the New Option(s), ` +
    `subject to your continued employment with ${shortName} or one of its subsidiaries through each relevant vesting date.`;
  const lines: string[] = [];
  if (upfront.num > 0n) lines.push(`${percentText(upfront)} ${subject} will be vested on the grant date of the New Option(s); and`);
  const firstMonths = Math.max(1, Math.ceil(v.cliffMonths / v.intervalMonths)) * v.intervalMonths;
  if (firstMonths <= v.intervalMonths) {
    lines.push(`${shareOfText(per)} ${subject} will vest ${frequency(v.intervalMonths)} after the grant date of the New Option(s); ${tail}`);
  } else {
    const atCliff = part(Math.min(firstMonths, v.vestingMonths));
    lines.push(
      `${shareOfText(atCliff)} ${subject} will vest on the ${firstMonths}-month anniversary of the grant date of the New Option(s)` +
        (firstMonths >= fullMonths ? `; ${tail}` : `, and ${shareOfText(per)} will vest ${frequency(v.intervalMonths)} thereafter; ${tail}`),
    );
  }
  return lines;
}

/** "$5.00", "$2.3125": two decimals at least, more when the price has them. */
function priceText(price: number | string): string {
  const d = new Decimal(price);
  return dollars(d.toString(), Math.max(2, d.decimalPlaces()));
}

/** An accepted old grant and the new option shares promised for it. */
export interface PromisedGrant {
  oldGrantId: string;
  /** Excel serial. */
  grantDate: number;
  exercisePrice: number | string;
  /** Old option shares cancelled. */
  shares: number;
  /** New option shares promised for it. */
  newShares: number;
}

/**
 * The seed's Promise to Grant Stock Option(s) (Exhibit (a)(1)(v)) for one holder: the number of new
 * option shares and the new grant date filled in, the vesting written from the offer's terms, the
 * conditions (an employee of the issuer, a subsidiary or a successor on the date the new options are
 * granted) in the seed's words, and, after the seed's text, the schedule of the options cancelled for
 * it (not in the seed's form, which leaves the holder to match the number against the Election Form).
 * The signature block is left blank for the officer.
 * @throws Error when the holder has no new option shares promised (no Promise is owed)
 */
export function promiseToGrantText(
  holder: HolderOutcome,
  terms: ElectionTerms,
  dates: { cancellationDate: number; newGrantDate: number },
  grants: readonly PromisedGrant[],
  wording: DocumentWording = {},
): string {
  if (holder.status !== "tendered" || holder.newOptionShares <= 0) {
    throw new Error(`No Promise to Grant is owed to holder ${holder.holderId}: status ${holder.status}, ${holder.newOptionShares} new option shares.`);
  }
  const issuer = terms.offer.issuerName;
  const short = wording.shortName?.trim() || issuerShortName(issuer);
  const possessive = `${short}'s`;
  const title = wording.offerTitle ?? SEED_OFFER_TITLE;
  const market = wording.market?.trim() ? ` as listed on ${wording.market.trim()}` : "";
  const out: string[] = [];

  out.push(`${issuer.toUpperCase()}\nVOLUNTARY STOCK OPTION EXCHANGE PROGRAM\nPROMISE TO GRANT STOCK OPTION(S)`);
  out.push(`To: ${holder.holderName.trim() || holder.holderId} (option holder ${holder.holderId})`);
  out.push(
    `In exchange for your agreement to cancel certain stock options granted by ${issuer} ("${short.toUpperCase()}"), ${short} hereby ` +
      `promises to grant you a stock option or stock options (as applicable) covering ${count(holder.newOptionShares)} shares of ` +
      `${possessive} common stock (as may be adjusted for stock splits, stock dividends and similar events and as provided below) no ` +
      `earlier than ${longDate(dates.newGrantDate)} (the "NEW OPTION(S)"). The exercise price of the New Option(s) will be the closing ` +
      `price of ${possessive} common stock${market} on the date of grant of the New Option(s).`,
  );
  out.push(`The New Option(s) will vest and become exercisable as follows:`);
  out.push(vestingBullets(terms.newOption.vesting, short).map((line) => `- ${line}`).join("\n"));
  if (wording.newOptionsNonstatutory ?? true) {
    const plans = wording.oldOptionPlans?.length ? ` under ${joinOr(wording.oldOptionPlans.map((p) => `the ${p}`))}` : "";
    out.push(
      `Regardless of whether your exchanged options${plans} are incentive stock options or nonstatutory stock options, your New ` +
        `Option(s) will be nonstatutory stock options.`,
    );
  }
  const plan = wording.newOptionPlan?.trim() ? `the ${wording.newOptionPlan.trim()}` : `the equity incentive plan under which the New Option(s) are granted`;
  out.push(`The New Option(s) will otherwise be subject to:`);
  out.push(`- the standard terms and conditions under ${plan}; and\n- a new option agreement between ${short} and you.`);
  out.push(
    `Prior to the grant of the New Option(s), it is possible that ${short} might be acquired by another company. This Promise to Grant ` +
      `Stock Option(s) is evidence of a binding commitment that ${possessive} successors must honor and, accordingly, in the event of ` +
      `any such acquisition, the acquirer would be subject to this promise to grant you a New Option. The New Option(s) would be for ` +
      `the purchase of the acquirer's stock (as opposed to ${possessive}), with an exercise price equal to the fair market value of such ` +
      `acquirer's stock on the date of grant of the New Option(s), and would be unaffected by the acquirer's treatment of ${possessive} ` +
      `existing stock option plans. In such case, the number of shares subject to the New Option(s) would be appropriately adjusted.`,
  );
  out.push(
    `In order to receive the New Option(s), you must be an employee of ${short}, one of its subsidiaries or a successor entity on the ` +
      `date the New Option(s) are granted. Accordingly, if you do not have an employment relationship with ${short} (or one of its ` +
      `subsidiaries or a successor entity, as applicable) for any reason on the date of grant of the New Option(s), you will not receive ` +
      `any New Option(s) or other consideration for your tendered options that have been accepted by ${short} for exchange. Your ` +
      `employment relationship with ${short} (or one of its subsidiaries or a successor entity, as applicable) may be terminated at any ` +
      `time by either you or ${short}, with or without cause or notice, subject to the laws of the country in which you work and any ` +
      `employment agreement you may have with ${short} (or one of its subsidiaries or a successor entity, as applicable).`,
  );
  const amended = offerDates(terms);
  out.push(
    `This Promise to Grant Stock Option(s) is subject to the terms and conditions of the most recent version of ${possessive} ${title} ` +
      `(${amended} and as it may be amended from time to time thereafter) and the Election Form previously completed and submitted by ` +
      `you to ${short}, both of which are incorporated herein by reference. These documents reflect the entire agreement between you ` +
      `and ${short} with respect to this transaction. This Promise to Grant Stock Option(s) may only be amended by means of a writing ` +
      `signed by you and a duly authorized officer of ${short}.`,
  );

  if (grants.length) {
    const perGrant = grants.reduce((sum, g) => sum + g.newShares, 0) === holder.newOptionShares;
    const lines = grants.map(
      (g) =>
        `- Grant ${g.oldGrantId}, granted ${longDate(g.grantDate)} at ${priceText(g.exercisePrice)} a share: ${count(g.shares)} ` +
        `share${g.shares === 1 ? "" : "s"} cancelled` +
        (perGrant ? `; ${count(g.newShares)} new option share${g.newShares === 1 ? "" : "s"}` : ""),
    );
    const oldTotal = grants.reduce((sum, g) => sum + g.shares, 0);
    lines.push(`Total: ${count(oldTotal)} shares cancelled; ${count(holder.newOptionShares)} new option shares promised.`);
    out.push(`Options cancelled on ${longDate(dates.cancellationDate)} in exchange for this promise:\n${lines.join("\n")}`);
  }
  out.push(`${issuer.toUpperCase()}\n\nBy: ______________________________\nTitle: ___________________________\nDate: ____________________________`);
  return out.join("\n\n");
}

// ---------------------------------------------------------------------------------------------
// The results paragraph of the final amendment

/** What the results paragraph reports. */
export interface ResultsFigures {
  terms: ElectionTerms;
  eligible: Counts;
  accepted: Counts;
  /** Accepted / eligible shares x 100, two places ("10.41"). */
  participationPercent: string;
  newOptionShares: number;
  /** The expiration instant (UTC ms). */
  expiration: number;
  cancellationDate: number;
  newGrantDate: number;
}

function sharesText(n: number): string {
  return `${count(n)} share${n === 1 ? "" : "s"}`;
}

function personsText(n: number): string {
  return `${count(n)} eligible person${n === 1 ? "" : "s"}`;
}

/**
 * The results paragraph of the final amendment to the Schedule TO (Rule 13e-4(c)(4): the issuer
 * reports the results promptly), in the form such amendments and the issuer's own notices use:
 *
 * "The Offer expired at 5:00 p.m., Pacific Time, on July 24, 2003. Pursuant to the Offer, [Issuer]
 * accepted for cancellation options to purchase an aggregate of N shares of its common stock from M
 * eligible persons, representing approximately X% of the E shares subject to options eligible for
 * exchange (held by P eligible persons); the
 * options were cancelled on July 25, 2003. [Issuer] will issue a Promise to Grant Stock Option(s) to
 * each of them no later than July 30, 2003 and will grant new options to purchase an aggregate of Y
 * shares of its common stock on January 26, 2004, subject to the terms of the Offer ..."
 *
 * Sources of the form (no final amendment of the seed's offer was at hand): the seed's own notice of
 * acceptance, Exhibit (a)(1)(ix) ("all options validly tendered ... were accepted and cancelled on
 * July 25, 2003"); the letter to participants filed as Exhibit (a)(4) with a Schedule TO-I/A of
 * November 18, 2002 (SEC accession 0000950133-02-003871, CIK 820736: "promptly following the
 * expiration of the Offer, which was midnight on November 13, 2002, we accepted for exchange and
 * canceled a total of 1,185,513 stock options ... We expect to grant the New Options on May 15, 2003
 * at an exercise price equal to the closing price of our common stock on that date"); and the way
 * completed tender offers report results (e.g. Demandware's Form 8-K of July 2016: "The Offer ...
 * expired at 12:00 midnight, New York City time, at the end of the day on July 8, 2016 ...
 * representing approximately 64.4% of Shares then outstanding"). The Promise is written as "will issue
 * ... no later than" its due date because the final amendment is usually filed before that date; edit
 * to "has issued" when filing later.
 */
export function resultsParagraph(r: ResultsFigures): string {
  const { terms, eligible, accepted } = r;
  const issuer = terms.offer.issuerName;
  const expired = `The Offer expired at ${expirationText(r.expiration, terms.timeZone)}.`;
  if (accepted.shares <= 0 || accepted.holders <= 0) {
    return (
      `${expired} No options were properly tendered and accepted for exchange pursuant to the Offer (options to purchase ` +
      `${sharesText(eligible.shares)} held by ${personsText(eligible.holders)} were eligible); no Promises to Grant Stock Option(s) ` +
      `will be issued and no new options will be granted pursuant to the Offer.`
    );
  }
  const share =
    accepted.shares === eligible.shares
      ? "representing all of the options eligible for exchange"
      : `representing approximately ${r.participationPercent}% of the ${sharesText(eligible.shares)} subject to options eligible for ` +
        `exchange (held by ${personsText(eligible.holders)})`;
  const due = promiseToGrantDue(r.cancellationDate);
  const employed = `including that the holder be an employee of ${issuer}, one of its subsidiaries or a successor entity on that date`;
  return (
    `${expired} Pursuant to the Offer, ${issuer} accepted for cancellation options to purchase an aggregate of ` +
    `${sharesText(accepted.shares)} of its common stock from ${personsText(accepted.holders)}, ${share}; the options were cancelled on ` +
    `${longDate(r.cancellationDate)}. ${issuer} will issue a Promise to Grant Stock Option(s) to each of them no later than ` +
    `${longDate(due)} and will grant new options to purchase an aggregate of ${sharesText(r.newOptionShares)} of its common stock on ` +
    `${longDate(r.newGrantDate)}, subject to the terms of the Offer, ${employed}.`
  );
}
