/**
 * Vesting: shares vested on a date, and the full schedule, with exact integer/rational arithmetic.
 *
 * With k = the number of whole intervals i (1, 2, ...) for which EDATE(start, i x interval) <= asOf,
 * the linear part is min(1, k x interval / vestingMonths), or 0 while k x interval < cliffMonths;
 * vested = floor(total x (upfront + (1 - upfront) x linear)). Nothing vests before the start; the
 * upfront part vests on it. Defaults are the seed's new-option schedule: 6/48 at grant, then 1/48 a
 * month, fully vested at 42 months.
 */
import { raise } from "../errors";
import { addMonthsClamped, serialToIso, serialToYmd } from "../dates/serial";
import { floorDiv, Rational, rationalOf } from "./rational";

/** A vesting schedule's terms; months are whole calendar months, upfront a fraction (0.125 = 12.5%). */
export interface VestingTerms {
  vestingMonths: number;
  cliffMonths: number;
  upfrontFraction: number;
  intervalMonths: number;
}

/** The exchange offer's new-option schedule (seed 004): 12.5% at grant, then monthly over 42 months. */
export const NEW_OPTION_VESTING: VestingTerms = {
  vestingMonths: 42,
  cliffMonths: 0,
  upfrontFraction: 0.125,
  intervalMonths: 1,
};

const MAX_SHARES = 1e15;

/** Checks vesting terms, throwing `#NUM!` naming the argument. */
export function checkVestingTerms(terms: VestingTerms): void {
  const { vestingMonths, cliffMonths, upfrontFraction, intervalMonths } = terms;
  if (!Number.isInteger(vestingMonths) || vestingMonths < 0 || vestingMonths > 1200) {
    raise("wholeNumberFrom", "vesting_months", { value: vestingMonths, min: 0, max: 1200 });
  }
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 1200) {
    raise("wholeNumberFrom", "interval_months", { value: intervalMonths, min: 1, max: 1200 });
  }
  if (!Number.isInteger(cliffMonths) || cliffMonths < 0 || cliffMonths > vestingMonths) {
    raise("wholeNumberFrom", "cliff_months", { value: cliffMonths, min: 0, max: vestingMonths, maxField: "vesting_months" });
  }
  if (!(upfrontFraction >= 0 && upfrontFraction <= 1)) {
    raise("between", "upfront_fraction", { value: upfrontFraction, min: 0, max: 1 });
  }
}

function checkTotal(totalShares: number): void {
  if (!Number.isInteger(totalShares) || totalShares < 0 || totalShares > MAX_SHARES) {
    raise("wholeNumberFrom", "total_shares", { value: totalShares, min: 0, max: "1e15" });
  }
}

/** Number of intervals after which everything has vested (0 when vestingMonths is 0). */
function lastInterval(terms: VestingTerms): number {
  return Math.ceil(terms.vestingMonths / terms.intervalMonths);
}

/** The vested fraction after k whole intervals, as an exact rational (upfront included). */
function vestedFraction(k: number, terms: VestingTerms, upfront: Rational): Rational {
  const months = k * terms.intervalMonths;
  let linNum: bigint;
  let linDen: bigint;
  if (terms.vestingMonths === 0 || months >= terms.vestingMonths) {
    linNum = 1n;
    linDen = 1n;
  } else if (months < terms.cliffMonths) {
    linNum = 0n;
    linDen = 1n;
  } else {
    linNum = BigInt(months);
    linDen = BigInt(terms.vestingMonths);
  }
  // u + (1 - u) L = (un*ld + (ud - un)*ln) / (ud*ld)
  return {
    num: upfront.num * linDen + (upfront.den - upfront.num) * linNum,
    den: upfront.den * linDen,
  };
}

function sharesFor(totalShares: number, fraction: Rational): number {
  return floorDiv(BigInt(totalShares) * fraction.num, fraction.den);
}

/** Whole intervals i >= 1 with EDATE(start, i x interval) <= asOf, capped at the last interval. */
export function intervalsElapsed(start: number, asOf: number, terms: VestingTerms): number {
  if (asOf < start) return 0;
  const a = serialToYmd(start);
  const b = serialToYmd(asOf);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  const cap = lastInterval(terms);
  let k = Math.min(Math.floor(months / terms.intervalMonths), cap);
  while (k > 0 && addMonthsClamped(start, k * terms.intervalMonths) > asOf) k--;
  return k;
}

/**
 * Shares vested on `asOf` (capped at `serviceEnd` when given).
 * @example vestedShares(2400, serial(2004-01-26), serial(2004-02-26)) === 350
 */
export function vestedShares(
  totalShares: number,
  vestingStart: number,
  asOf: number,
  terms: VestingTerms = NEW_OPTION_VESTING,
  serviceEnd?: number,
): number {
  checkTotal(totalShares);
  checkVestingTerms(terms);
  const effective = serviceEnd !== undefined && serviceEnd < asOf ? serviceEnd : asOf;
  if (effective < vestingStart) return 0;
  const k = intervalsElapsed(vestingStart, effective, terms);
  return sharesFor(totalShares, vestedFraction(k, terms, rationalOf(terms.upfrontFraction)));
}

/** One row of a vesting schedule. */
export interface VestingEvent {
  date: number;
  shares: number;
  cumulative: number;
}

/** EDATE(start, months) of a vest date; past 9999-12-31 is an error naming vesting_start. */
function vestDate(start: number, months: number): number {
  const { year, month } = serialToYmd(start);
  if (year * 12 + (month - 1) + months > 9999 * 12 + 11) {
    raise("scheduleTooLate", "vesting_start", { date: serialToIso(start), months });
  }
  return addMonthsClamped(start, months);
}

/**
 * Every date on which shares vest, with the shares vesting that day and the running total; days on
 * which nothing vests (inside a cliff, or when flooring leaves no new whole share) are left out.
 * @example vestingSchedule(2400, serial(2004-01-26))[0] -> { date: 2004-01-26, shares: 300, cumulative: 300 }
 */
export function vestingSchedule(
  totalShares: number,
  vestingStart: number,
  terms: VestingTerms = NEW_OPTION_VESTING,
): VestingEvent[] {
  checkTotal(totalShares);
  checkVestingTerms(terms);
  const upfront = rationalOf(terms.upfrontFraction);
  const events: VestingEvent[] = [];
  let previous = 0;
  const last = lastInterval(terms);
  for (let k = 0; k <= last; k++) {
    const cumulative = sharesFor(totalShares, vestedFraction(k, terms, upfront));
    if (cumulative > previous || (k === 0 && cumulative > 0)) {
      const date = k === 0 ? vestingStart : vestDate(vestingStart, k * terms.intervalMonths);
      events.push({ date, shares: cumulative - previous, cumulative });
      previous = cumulative;
    }
  }
  return events;
}

/**
 * Share-weighted average time to vest, in years (months / 12), of a schedule: the upfront part at 0,
 * each interval's increment at its month. Used by the SAB 107 simplified expected term.
 * @example weightedAverageVestingYears(NEW_OPTION_VESTING) === 903 / 576 (≈ 1.5677)
 */
export function weightedAverageVestingYears(terms: VestingTerms): number {
  checkVestingTerms(terms);
  const u = terms.upfrontFraction;
  if (terms.vestingMonths === 0) return 0;
  let previous = 0;
  let sum = 0;
  const last = lastInterval(terms);
  for (let k = 1; k <= last; k++) {
    const months = k * terms.intervalMonths;
    const linear = months >= terms.vestingMonths ? 1 : months < terms.cliffMonths ? 0 : months / terms.vestingMonths;
    sum += (1 - u) * (linear - previous) * (months / 12);
    previous = linear;
  }
  return sum;
}
