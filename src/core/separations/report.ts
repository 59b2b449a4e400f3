/**
 * A separation's result as plain JSON (`optex separation --json`, the pane's download): dates
 * "YYYY-MM-DD", money as decimal strings to the cent ("185150.00"), share counts as integers, option
 * values as numbers of dollars (float64, as the model computes them). Missing parts are null, never
 * left out, so a program reading the report sees every key.
 */
import { serialToIso } from "../dates/serial";
import { Money } from "./money";
import { AwardOutcome, ContingentPayment, PaymentTotals, ReleaseOutcome, SeparationFlag, SeparationPayment, SeparationResult } from "./types";

const iso = (serial: number | undefined): string | null => (serial === undefined ? null : serialToIso(serial));
const cents = (amount: Money): string => amount.toFixed(2);

function releaseReport(r: ReleaseOutcome | undefined): Record<string, unknown> | null {
  if (!r) return null;
  return {
    signedDate: iso(r.signedDate),
    considerationDeadline: iso(r.considerationDeadline),
    revocationEnds: iso(r.revocationEnds),
    effectiveDate: iso(r.effectiveDate),
  };
}

/** A payment's JSON shape. */
export function paymentReport(p: SeparationPayment): Record<string, unknown> {
  return { date: iso(p.date), kind: p.kind, description: p.description, amount: cents(p.amount), source: p.source };
}

function contingentReport(c: ContingentPayment): Record<string, unknown> {
  return { source: c.source, kind: c.kind, description: c.description, reason: c.reason, amount: c.amount === undefined ? null : cents(c.amount) };
}

/** Totals by kind (in the order the kinds are listed in types.ts) and the total. */
export function totalsReport(t: PaymentTotals): Record<string, unknown> {
  const byKind: Record<string, string> = {};
  for (const [kind, amount] of Object.entries(t.byKind)) if (amount) byKind[kind] = cents(amount);
  return { byKind, total: cents(t.total) };
}

/** An award's JSON shape: before -> after. */
export function awardReport(a: AwardOutcome): Record<string, unknown> {
  return {
    awardId: a.awardId,
    kind: a.kind,
    shares: a.shares,
    vestedBefore: a.vestedBefore,
    vestedShares: a.vestedShares,
    acceleratedShares: a.acceleratedShares,
    cancelledShares: a.cancelledShares,
    forfeitedShares: a.forfeitedShares,
    repurchasedShares: a.repurchasedShares,
    expirationBefore: iso(a.expirationBefore),
    expirationAfter: iso(a.expirationAfter),
    fairValueBefore: a.fairValueBefore,
    fairValueAfter: a.fairValueAfter,
    incrementalFairValue: a.incrementalFairValue,
    modificationType: a.modificationType,
    valueBefore: a.valueBefore ?? null,
    valueAfter: a.valueAfter ?? null,
  };
}

function flagReport(f: SeparationFlag): Record<string, unknown> {
  return { code: f.code, awardId: f.awardId ?? null, message: f.message };
}

/** The whole report (see the module's note). */
export function separationReport(r: SeparationResult): Record<string, unknown> {
  const t = r.terms;
  return {
    executive: t.executive,
    company: t.company,
    agreement: { name: t.agreementName, date: iso(t.agreementDate), effectiveDate: iso(r.agreementEffectiveDate) },
    release: releaseReport(r.release),
    supplementalRelease: releaseReport(r.supplementalRelease),
    employmentEndDate: iso(t.employmentEndDate),
    terminationReason: t.terminationReason,
    serviceEndDate: iso(r.serviceEndDate),
    payments: r.payments.map(paymentReport),
    contingent: r.contingent.map(contingentReport),
    totals: totalsReport(r.totals),
    consulting: r.consulting
      ? {
          startDate: iso(r.consulting.startDate),
          endDate: iso(r.consulting.endDate),
          months: r.consulting.months.map((m) => ({
            month: iso(m.month)?.slice(0, 7) ?? null,
            hours: m.hours,
            billableHours: m.billableHours,
            fee: cents(m.fee),
            invoiceDate: iso(m.invoiceDate),
            dueDate: iso(m.dueDate),
          })),
        }
      : null,
    benefits: r.benefits.map((b) => ({ description: b.description, startDate: iso(b.startDate), endDate: iso(b.endDate) })),
    awards: r.awards.map(awardReport),
    incrementalFairValue: r.incrementalFairValue,
    market: t.market
      ? {
          modificationDate: iso(t.market.modificationDate),
          stockPrice: t.market.stockPrice,
          volatility: t.market.volatility,
          riskFreeRate: t.market.riskFreeRate,
          dividendYield: t.market.dividendYield,
        }
      : null,
    flags: r.flags.map(flagReport),
    timeline: r.timeline.map((e) => ({ date: iso(e.date), label: e.label })),
    scenarios: r.scenarios.map((s) => ({
      name: s.name,
      employmentEndDate: iso(s.employmentEndDate),
      terminationReason: s.terminationReason,
      serviceEndDate: iso(s.serviceEndDate),
      payments: s.payments.map(paymentReport),
      contingent: s.contingent.map(contingentReport),
      totals: totalsReport(s.totals),
      awards: s.awards.map(awardReport),
      incrementalFairValue: s.incrementalFairValue,
      flags: s.flags.map(flagReport),
    })),
  };
}
