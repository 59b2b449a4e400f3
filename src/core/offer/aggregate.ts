/**
 * Adding up a valuation: outstanding and eligible counts, exercise-price bands, holdings by class,
 * why grants are not eligible, and the exact decimal value (each grant's float value per share enters
 * as its exact shortest decimal; products and sums are exact; rounding happens once, later).
 */
import Decimal from "decimal.js";
import { Grant } from "../ledger/parseLedger";
import { IneligibleReason } from "./eligibility";

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

type Tally = { grants: number; shares: number };

/** The running totals of a valuation, one grant at a time. */
export class ValuationTotals {
  eligibleCount = 0;
  eligibleShares = 0;
  outstandingCount = 0;
  outstandingShares = 0;
  private readonly bands = PRICE_BANDS.map((b) => ({ label: b.label, grants: 0, shares: 0, eligibleGrants: 0, eligibleShares: 0, value: new Decimal(0) }));
  private readonly reasons = new Map<IneligibleReason, Tally>();
  private readonly byClass = new Map<string, Tally>();
  private readonly units = new Map<string, TenderUnit>();

  /** Counts one grant: `reason` undefined when it is eligible and worth `valuePerShare`. */
  add(g: Grant, reason: IneligibleReason | undefined, valuePerShare: number): void {
    let b = PRICE_BANDS.length - 1;
    while (b > 0 && g.exercisePrice < PRICE_BANDS[b].from) b--;
    const band = this.bands[b];
    if (g.sharesOutstanding > 0) {
      this.outstandingCount++;
      this.outstandingShares += g.sharesOutstanding;
      band.grants++;
      band.shares += g.sharesOutstanding;
      tally(this.byClass, g.holderClass || "(blank)", g.sharesOutstanding);
    }
    if (reason !== undefined) {
      tally(this.reasons, reason, g.sharesOutstanding);
      return;
    }
    this.eligibleCount++;
    this.eligibleShares += g.sharesOutstanding;
    band.eligibleGrants++;
    band.eligibleShares += g.sharesOutstanding;
    band.value = band.value.plus(new Decimal(valuePerShare).times(g.sharesOutstanding));
    if (g.holderId !== "") {
      const key = `${g.holderId}\u0000${g.grantDate}`;
      const unit = this.units.get(key) ?? { holderId: g.holderId, grantDate: g.grantDate, grantIds: [], shares: 0 };
      unit.grantIds.push(g.grantId);
      unit.shares += g.sharesOutstanding;
      this.units.set(key, unit);
    }
  }

  /** The exact sum of the bands' exact sums (unrounded). */
  total(): Decimal {
    return this.bands.reduce((sum, band) => sum.plus(band.value), new Decimal(0));
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
    return [...this.byClass.entries()].map(([holderClass, c]) => ({ holderClass, ...c })).sort((a, b) => b.shares - a.shares);
  }

  ineligible(): { reason: IneligibleReason; grants: number; shares: number }[] {
    return [...this.reasons.entries()].map(([reason, r]) => ({ reason, ...r }));
  }

  /** Units of more than one grant (a grant alone is its own unit). */
  tenderUnits(): TenderUnit[] {
    return [...this.units.values()].filter((u) => u.grantIds.length > 1);
  }
}

function tally<K>(map: Map<K, Tally>, key: K, shares: number): void {
  const t = map.get(key);
  if (t) {
    t.grants++;
    t.shares += shares;
  } else map.set(key, { grants: 1, shares });
}
