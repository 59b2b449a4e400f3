/**
 * The separation model: from a separation's terms (types.ts, read by terms.ts) to its payments,
 * contingent payments, totals, consulting months, benefits, awards and their ASC 718 accounting,
 * tax and accounting flags, timeline and scenarios. Pure and deterministic; money in decimal
 * (Money), option values in float64, share counts whole.
 *
 * Rules, as implemented (the payments' in separationPayments.ts, the awards' in
 * separationAwards.ts, each documented there):
 * - Releases: RELEASE_DATES of `release` and `supplementalRelease` (signed, delivered,
 *   consideration and revocation days, effective rule), each with its signed date.
 * - The agreement's effective date is the release's effective date, else the terms'
 *   agreementEffectiveDate, else the agreement's date. The service end is the terms'
 *   serviceEndDate, else the consulting end, else the employment end.
 * - A DateRef is its date as written, or an event: agreementEffective, supplementalReleaseEffective
 *   (an error without a supplemental release), employmentEnd, serviceEnd.
 * - Payments are in date order (ties in the order built: salary, the programs in the terms' order,
 *   consulting, benefits, repurchases); totals by kind and in all are exact decimal sums.
 * - Timeline: the agreement date; each release's consideration deadline, revocation end and
 *   effective date; the employment and service ends; the salary's and each paid program's first
 *   and last paydays; the consulting period; each benefit's last covered day; each option's last
 *   exercise day after the agreement; the modification date. In date order (ties in that order).
 * - Scenarios: each recomputes the payments, contingent payments and totals with the employment
 *   end and its reason replaced (the service end follows when it defaults to the employment end);
 *   the awards, consulting, benefits and repurchases are the terms' own.
 * - Errors are keyed CalcErrors naming the terms path at fault ("market", "payments[1].startDate",
 *   "salary.annualSalary").
 */
import { calendarFor } from "../calendars/calendar";
import { releaseDates } from "./releaseDates";
import { awardOutcomes } from "./separationAwards";
import { atPath, iso, SeparationFacts } from "./separationContext";
import { benefitsOutcome, consultingOutcome, inDateOrder, programOutcomes, salaryPayments, totalsOf } from "./separationPayments";
import {
  ContingentPayment,
  ReleaseOutcome,
  ReleaseTerms,
  SeparationPayment,
  SeparationResult,
  SeparationTerms,
  TerminationReason,
  TimelineEvent,
} from "./types";

/** A release's dates (RELEASE_DATES), errors naming `path`'s fields. */
function releaseOutcome(release: ReleaseTerms, path: string): ReleaseOutcome {
  const fields = {
    signed_date: `${path}.signedDate`,
    delivered_date: `${path}.deliveredDate`,
    consideration_days: `${path}.considerationDays`,
    revocation_days: `${path}.revocationDays`,
    effective_rule: `${path}.effectiveRule`,
  };
  const dates = atPath(fields, path, () =>
    releaseDates(release.signedDate, release.deliveredDate, release.considerationDays, release.revocationDays, release.effectiveRule),
  );
  const outcome: ReleaseOutcome = { signedDate: release.signedDate, revocationEnds: dates.revocationEnds, effectiveDate: dates.effectiveDate };
  if (dates.considerationDeadline !== undefined) outcome.considerationDeadline = dates.considerationDeadline;
  return outcome;
}

/** The payments and contingent payments that depend on the employment end, on these facts. */
function factPayments(terms: SeparationTerms, facts: SeparationFacts): { payments: SeparationPayment[]; contingent: ContingentPayment[] } {
  const calendar = calendarFor(terms.calendar);
  const salary = salaryPayments(terms, facts, calendar);
  const programs = programOutcomes(terms, facts, calendar);
  return { payments: [...salary, ...programs.payments], contingent: programs.contingent };
}

/**
 * Computes a separation (see the module's note).
 * @example computeSeparation(seed000).totals.byKind.salary.toFixed(2) === "185150.00"
 * @throws CalcError keyed, naming the terms path at fault
 */
export function computeSeparation(terms: SeparationTerms): SeparationResult {
  const release = terms.release !== undefined ? releaseOutcome(terms.release, "release") : undefined;
  const supplementalRelease = terms.supplementalRelease !== undefined ? releaseOutcome(terms.supplementalRelease, "supplementalRelease") : undefined;
  const agreementEffectiveDate = release?.effectiveDate ?? terms.agreementEffectiveDate ?? terms.agreementDate;
  const serviceEndFor = (employmentEnd: number) => terms.serviceEndDate ?? terms.consulting?.endDate ?? employmentEnd;
  const serviceEndDate = serviceEndFor(terms.employmentEndDate);

  const factsFor = (employmentEnd: number, terminationReason: TerminationReason, employmentEndPath: string): SeparationFacts => {
    const facts: SeparationFacts = {
      employmentEnd,
      employmentEndPath,
      terminationReason,
      agreementEffective: agreementEffectiveDate,
      serviceEnd: serviceEndFor(employmentEnd),
    };
    if (supplementalRelease !== undefined) facts.supplementalRelease = supplementalRelease;
    return facts;
  };

  // what does not depend on the employment end: awards (the terms' own facts), consulting, benefits
  const awards = awardOutcomes(terms, serviceEndDate);
  const consulting = terms.consulting !== undefined ? consultingOutcome(terms.consulting) : undefined;
  const benefits = benefitsOutcome(terms.benefits ?? []);
  const fixed = [...(consulting?.payments ?? []), ...benefits.payments, ...awards.payments];

  const run = (facts: SeparationFacts) => {
    const { payments, contingent } = factPayments(terms, facts);
    const ordered = inDateOrder([...payments, ...fixed]);
    return { payments: ordered, contingent, totals: totalsOf(ordered) };
  };

  const base = run(factsFor(terms.employmentEndDate, terms.terminationReason, "employment.endDate"));
  const scenarios = (terms.scenarios ?? []).map((scenario, i) => ({
    name: scenario.name,
    employmentEndDate: scenario.employmentEndDate,
    terminationReason: scenario.terminationReason,
    ...run(factsFor(scenario.employmentEndDate, scenario.terminationReason, `scenarios[${i}].employmentEndDate`)),
  }));

  const result: SeparationResult = {
    terms,
    agreementEffectiveDate,
    serviceEndDate,
    payments: base.payments,
    contingent: base.contingent,
    totals: base.totals,
    benefits: benefits.coverage,
    awards: awards.awards,
    incrementalFairValue: awards.incrementalFairValue,
    flags: awards.flags,
    timeline: [],
    scenarios,
  };
  if (release !== undefined) result.release = release;
  if (supplementalRelease !== undefined) result.supplementalRelease = supplementalRelease;
  if (terms.consulting !== undefined && consulting !== undefined) {
    result.consulting = { startDate: terms.consulting.startDate, endDate: terms.consulting.endDate, months: consulting.months };
  }
  result.timeline = timelineOf(terms, result);
  return result;
}

/** The separation's dated events in date order (ties in the order listed in the module's note). */
function timelineOf(terms: SeparationTerms, result: SeparationResult): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const add = (date: number | undefined, label: string) => {
    if (date !== undefined) events.push({ date, label });
  };
  add(terms.agreementDate, `${terms.agreementName} dated`);
  const releaseEvents = (release: ReleaseOutcome | undefined, name: string) => {
    if (release === undefined) return;
    add(release.considerationDeadline, `${name}: last day to consider it`);
    add(release.revocationEnds, `${name}: last day to revoke it`);
    add(release.effectiveDate, `${name} effective`);
  };
  releaseEvents(result.release, "Release");
  if (result.release === undefined && result.agreementEffectiveDate !== terms.agreementDate) {
    add(result.agreementEffectiveDate, `${terms.agreementName} effective`);
  }
  releaseEvents(result.supplementalRelease, "Supplemental release");
  add(terms.employmentEndDate, `Employment ends (${terms.terminationReason})`);
  if (result.serviceEndDate !== terms.employmentEndDate) add(result.serviceEndDate, "Service ends");

  const firstAndLast = (source: string, name: string) => {
    const paid = result.payments.filter((p) => p.source === source);
    if (paid.length === 0) return;
    add(paid[0].date, `${name}: first payment`);
    if (paid.length > 1) add(paid[paid.length - 1].date, `${name}: last payment`);
  };
  if (terms.salary !== undefined) firstAndLast("salary", "Salary");
  for (const program of terms.payments) {
    if (program.kind === "installments") firstAndLast(program.id, program.description);
  }
  if (result.consulting !== undefined) {
    add(result.consulting.startDate, "Consulting period begins");
    add(result.consulting.endDate, "Consulting period ends");
  }
  for (const benefit of result.benefits) add(benefit.endDate, `${benefit.description}: last day covered`);
  for (const award of result.awards) {
    add(award.expirationAfter, `Last day to exercise "${award.awardId}"` + (award.expirationAfter !== award.expirationBefore ? ` (was ${iso(award.expirationBefore as number)})` : ""));
  }
  if (terms.market !== undefined) add(terms.market.modificationDate, "Modification date (awards valued)");
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date - b.event.date || a.index - b.index)
    .map((x) => x.event);
}
