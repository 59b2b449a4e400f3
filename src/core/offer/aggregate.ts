/**
 * Adding up a valuation: outstanding and eligible counts, exercise-price bands, holdings by class,
 * why grants are not eligible, and the exact decimal value (each grant's float value per share enters
 * as its exact shortest decimal; products and sums are exact; rounding happens once, later).
 */
import Decimal from "decimal.js";
import { GrantTable } from "../ledger/grantTable";
import { INELIGIBLE_REASONS, IneligibleReason } from "./eligibility";

/**
 * Decimals for the valuation's sums. decimal.js rounds every result to 20 significant digits by
 * default; a grant's value (a double has up to 17 significant digits, down to about 1e-324) times
 * its shares, added to a total near 1e15, needs a few hundred digits to stay exact.
 */
export const ExactDecimal = Decimal.clone({ precision: 400, rounding: Decimal.ROUND_HALF_UP });

/** An exercise-price band [from, to) in dollars; `to` undefined = no upper end. */
export interface PriceBand {
  label: string;
  from: number;
  to?: number;
}

/** Bands for the statistics and the chart. */
export const PRICE_BANDS: readonly PriceBand[] = [
  { label: "under $2.00", from: 0, to: 2 },
  { label: "$2.00-$4.99", from: 2, to: 5 },
  { label: "$5.00-$9.99", from: 5, to: 10 },
  { label: "$10.00-$19.99", from: 10, to: 20 },
  { label: "$20.00-$29.99", from: 20, to: 30 },
  { label: "$30.00 and over", from: 30 },
];

export interface BandStatistics {
  label: string;
  grants: number;
  shares: number;
  eligibleGrants: number;
  eligibleShares: number;
  /** Value of the eligible grants in the band, rounded to the cent (decimal string). */
  eligibleValue: string;
}

/** Same-day grants of one holder (an ISO + NSO split): tendered all or none together. */
export interface TenderUnit {
  holderId: string;
  grantDate: number;
  grantIds: string[];
  shares: number;
}


/** The running totals of a valuation, grant by grant, reading the ledger's columns. */
export class ValuationTotals {
  eligibleCount = 0;
  eligibleShares = 0;
  outstandingCount = 0;
  outstandingShares = 0;
  private readonly bands = PRICE_BANDS.map((b) => ({ label: b.label, grants: 0, shares: 0, eligibleGrants: 0, eligibleShares: 0, value: new ExactDecimal(0) }));
  private readonly reasons = INELIGIBLE_REASONS.map(() => ({ grants: 0, shares: 0 }));
  private readonly classGrants: Float64Array;
  private readonly classShares: Float64Array;

  constructor(private readonly t: GrantTable) {
    this.classGrants = new Float64Array(t.holderClass.values.length);
    this.classShares = new Float64Array(t.holderClass.values.length);
  }

  /** Counts grant i: `reason` 0 when it is eligible and worth `valuePerShare`, else its reason code. */
  add(i: number, reason: number, valuePerShare: number): void {
    const t = this.t;
    const price = t.exercisePrice[i];
    const shares = t.sharesOutstanding[i];
    let b = PRICE_BANDS.length - 1;
    while (b > 0 && price < PRICE_BANDS[b].from) b--;
    const band = this.bands[b];
    if (shares > 0) {
      this.outstandingCount++;
      this.outstandingShares += shares;
      band.grants++;
      band.shares += shares;
      const c = t.holderClass.codes[i];
      this.classGrants[c]++;
      this.classShares[c] += shares;
    }
    if (reason !== 0) {
      const r = this.reasons[reason - 1];
      r.grants++;
      r.shares += shares;
      return;
    }
    this.eligibleCount++;
    this.eligibleShares += shares;
    band.eligibleGrants++;
    band.eligibleShares += shares;
    // the float enters as its exact shortest decimal; the product and the sums are exact
    band.value = band.value.plus(new ExactDecimal(valuePerShare).times(shares));
  }

  /** The exact sum of the bands' exact sums (unrounded). */
  total(): Decimal {
    return this.bands.reduce((sum, band) => sum.plus(band.value), new ExactDecimal(0));
  }

  bandStatistics(): BandStatistics[] {
    return this.bands.map((b) => ({
      label: b.label,
      grants: b.grants,
      shares: b.shares,
      eligibleGrants: b.eligibleGrants,
      eligibleShares: b.eligibleShares,
      eligibleValue: b.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    }));
  }

  /** Outstanding holdings by class, largest first. */
  classes(): { holderClass: string; grants: number; shares: number }[] {
    const out: { holderClass: string; grants: number; shares: number }[] = [];
    this.t.holderClass.values.forEach((v, code) => {
      if (this.classGrants[code] > 0) out.push({ holderClass: v || "(blank)", grants: this.classGrants[code], shares: this.classShares[code] });
    });
    return out.sort((a, b) => b.shares - a.shares);
  }

  /** Grants not eligible, by the first rule they fail (in the order the rules are tried). */
  ineligible(): { reason: IneligibleReason; grants: number; shares: number }[] {
    return this.reasons.flatMap((r, k) => (r.grants > 0 ? [{ reason: INELIGIBLE_REASONS[k], ...r }] : []));
  }

  /** Same-day eligible grants of one holder (units of more than one grant; a grant alone is its own unit). */
  tenderUnits(eligible: Uint8Array): TenderUnit[] {
    const t = this.t;
    const holders = t.holderId.intern(eligible);
    const units = new Map<number, TenderUnit>();
    for (let i = 0; i < t.length; i++) {
      const h = holders.codes[i];
      if (!eligible[i] || h === 0) continue;
      const key = h * 4194304 + t.grantDate[i]; // serials < 2^22
      const unit = units.get(key) ?? { holderId: holders.values[h], grantDate: t.grantDate[i], grantIds: [], shares: 0 };
      unit.grantIds.push(t.grantId.get(i));
      unit.shares += t.sharesOutstanding[i];
      units.set(key, unit);
    }
    return [...units.values()].filter((u) => u.grantIds.length > 1);
  }
}
