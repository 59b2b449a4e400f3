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
 *   and last paydays; the consulting period; each benefit's last covered day; for an award whose
 *   agreement cancels vested shares, the cancellation on the agreement's effective date; each
 *   option's last exercise day after the agreement; the modification date. In date order (ties in
 *   that order).
 * - Flags: "adea-minimum" for a release giving fewer than 21 days to consider (when it has a
 *   delivery date) or fewer than 7 to revoke (the ADEA/OWBPA minimums, 29 U.S.C. 626(f)); then the
 *   awards' flags (separationAwards.ts).
 * - Scenarios: each recomputes everything that depends on the employment end, its reason and the
 *   service end (the scenario's serviceEndDate, else as for the terms: serviceEndDate, the
 *   consulting end, else the scenario's employment end): salary, programs, contingent payments,
 *   awards (vesting, windows, values, repurchases), flags and totals. The releases, consulting and
 *   benefits are the terms' own.
 * - Errors are keyed CalcErrors naming the terms path at fault ("market", "payments[1].startDate",
 *   "salary.annualSalary").
 */
import { Calendar, calendarFor } from "../calendars/calendar";
import { releaseDates } from "./releaseDates";
import { awardOutcomes } from "./separationAwards";
import { atPath, count, iso, SeparationFacts } from "./separationContext";
import { benefitsOutcome, consultingOutcome, inDateOrder, programOutcomes, salaryPayments, salaryPlan, totalsOf } from "./separationPayments";
import {
  ContingentPayment,
  ReleaseOutcome,
  ReleaseTerms,
  ScenarioOutcome,
  SeparationFlag,
  SeparationPayment,
  SeparationResult,
  SeparationTerms,
  TERMINATION_REASON_WORDS,
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
function factPayments(terms: SeparationTerms, facts: SeparationFacts, calendar: Calendar): { payments: SeparationPayment[]; contingent: ContingentPayment[] } {
  const plan = salaryPlan(terms, calendar);
  const salary = salaryPayments(plan, facts);
  const programs = programOutcomes(terms, facts, calendar, plan);
  return { payments: [...salary.payments, ...programs.payments], contingent: [...salary.contingent, ...programs.contingent] };
}

/** The ADEA/OWBPA minimums: 21 days to consider (45 in a group program), 7 to revoke. */
const ADEA_CONSIDERATION_DAYS = 21;
const ADEA_REVOCATION_DAYS = 7;

/** "adea-minimum" when a release gives fewer days than the ADEA/OWBPA minimum (consideration only with a delivery date). */
function adeaFlags(release: ReleaseTerms | undefined, path: string): SeparationFlag[] {
  if (release === undefined) return [];
  const short: string[] = [];
  if (release.deliveredDate !== undefined && release.considerationDays < ADEA_CONSIDERATION_DAYS) {
    short.push(`${release.considerationDays} days to consider it (${path}.considerationDays)`);
  }
  if (release.revocationDays < ADEA_REVOCATION_DAYS) short.push(`${release.revocationDays} days to revoke it (${path}.revocationDays)`);
  if (short.length === 0) return [];
  return [
    {
      code: "adea-minimum",
      message:
        `${path} gives ${short.join(" and ")}: the ADEA/OWBPA minimum is 21 days (45 in a group program) to consider and 7 to revoke; ` +
        "a waiver of age claims may not be valid (29 U.S.C. 626(f))",
    },
  ];
}

/**
 * Computes a separation (see the module's note).
 * @example computeSeparation(seed000).totals.byKind.salary.toFixed(2) === "185150.00"
 * @throws CalcError keyed, naming the terms path at fault
 */
export function computeSeparation(terms: SeparationTerms): SeparationResult {
  const calendar = calendarFor(terms.calendar);
  const release = terms.release !== undefined ? releaseOutcome(terms.release, "release") : undefined;
  const supplementalRelease = terms.supplementalRelease !== undefined ? releaseOutcome(terms.supplementalRelease, "supplementalRelease") : undefined;
  const agreementEffectiveDate = release?.effectiveDate ?? terms.agreementEffectiveDate ?? terms.agreementDate;
  const serviceEndFor = (employmentEnd: number, own?: number) => own ?? terms.serviceEndDate ?? terms.consulting?.endDate ?? employmentEnd;
  const releaseFlags = [...adeaFlags(terms.release, "release"), ...adeaFlags(terms.supplementalRelease, "supplementalRelease")];

  // what does not depend on the employment end: consulting and benefits
  const consulting = terms.consulting !== undefined ? consultingOutcome(terms.consulting, calendar) : undefined;
  const benefits = benefitsOutcome(terms.benefits ?? []);
  const fixed = [...(consulting?.payments ?? []), ...benefits.payments];

  /** One run: the payments, awards and flags when employment ends on `employmentEnd` for `reason` and service on `serviceEnd`. */
  const run = (employmentEnd: number, terminationReason: TerminationReason, serviceEnd: number, employmentEndPath: string) => {
    const facts: SeparationFacts = { employmentEnd, employmentEndPath, terminationReason, agreementEffective: agreementEffectiveDate, serviceEnd };
    if (supplementalRelease !== undefined) facts.supplementalRelease = supplementalRelease;
    const awards = awardOutcomes(terms, employmentEnd, serviceEnd);
    const { payments, contingent } = factPayments(terms, facts, calendar);
    const ordered = inDateOrder([...payments, ...fixed, ...awards.payments]);
    return {
      serviceEndDate: serviceEnd,
      payments: ordered,
      contingent,
      totals: totalsOf(ordered),
      awards: awards.awards,
      incrementalFairValue: awards.incrementalFairValue,
      flags: [...releaseFlags, ...awards.flags],
    };
  };

  const base = run(terms.employmentEndDate, terms.terminationReason, serviceEndFor(terms.employmentEndDate), "employment.endDate");
  const scenarios: ScenarioOutcome[] = (terms.scenarios ?? []).map((scenario, i) => ({
    name: scenario.name,
    employmentEndDate: scenario.employmentEndDate,
    terminationReason: scenario.terminationReason,
    ...run(scenario.employmentEndDate, scenario.terminationReason, serviceEndFor(scenario.employmentEndDate, scenario.serviceEndDate), `scenarios[${i}].employmentEndDate`),
  }));

  const result: SeparationResult = {
    terms,
    agreementEffectiveDate,
    serviceEndDate: base.serviceEndDate,
    payments: base.payments,
    contingent: base.contingent,
    totals: base.totals,
    benefits: benefits.coverage,
    awards: base.awards,
    incrementalFairValue: base.incrementalFairValue,
    flags: base.flags,
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
  add(terms.employmentEndDate, `Employment ends (${TERMINATION_REASON_WORDS[terms.terminationReason]})`);
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
    const vestedTaken = award.vestedBefore - award.vestedShares;
    if (award.cancelledShares > 0 && vestedTaken > 0) {
      add(
        result.agreementEffectiveDate,
        `"${award.awardId}": the agreement cancels ${count(award.cancelledShares)} shares, ${count(vestedTaken)} of them vested ` +
          `(vested ${count(award.vestedBefore)} -> ${count(award.vestedShares)})`,
      );
    }
    // an option with nothing vested after the agreement has nothing to exercise: no date to show
    if (award.vestedShares > 0) {
      const was = award.vestedBefore > 0 && award.expirationAfter !== award.expirationBefore ? ` (was ${iso(award.expirationBefore as number)})` : "";
      add(award.expirationAfter, `Last day to exercise "${award.awardId}"${was}`);
    }
  }
  if (terms.market !== undefined) add(terms.market.modificationDate, "Modification date (awards valued)");
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date - b.event.date || a.index - b.index)
    .map((x) => x.event);
}
