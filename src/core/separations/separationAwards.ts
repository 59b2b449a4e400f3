/**
 * The separation's equity awards before and after the agreement, and their ASC 718 modification
 * accounting (DOMAIN.md section 6): seed 001's option "vested as to 1,500,000 shares ... the
 * remaining portion ... cancelled ... exercisable until July 31, 2007 or, if sooner, three months
 * after" consulting ends, its restricted stock vested as to 375,000 shares with the unvested shares
 * repurchased, and its June 2006 options cancelled.
 *
 * Rules, as implemented here (employmentEnd and serviceEnd are the terms' own: scenarios leave the
 * awards as they are):
 * - vestedBefore = VESTED_SHARES(shares, vestingStart, employmentEnd, vesting): what the original
 *   schedule had vested when employment ended. An option's expirationBefore is
 *   POST_TERMINATION_EXPIRY(employmentEnd, expirationDate, postTerminationMonths).
 * - `cancel`: nothing vests after (vestedShares 0), cancelledShares = shares, fair value after 0,
 *   incremental 0, type "cancellation", no expirationAfter.
 * - Otherwise vestedShares (after) = modification.vestedShares, else VESTED_SHARES through the
 *   service end when continueVestingWhileConsulting, else vestedBefore; acceleratedShares =
 *   max(0, after - before). Options: cancelledShares = shares - after. Restricted stock: with
 *   repurchaseUnvested the shares - after are repurchasedShares (a "repurchase" payment of
 *   repurchasedShares x price, rounded half-up to the cent, on the repurchase date), else they are
 *   cancelledShares (forfeited).
 * - An option's expirationAfter = min(outsideDate, EDATE(serviceEnd, monthsAfterServiceEnds)) with
 *   an exerciseWindow; else POST_TERMINATION_EXPIRY(serviceEnd, ...) when vesting continues while
 *   consulting; else expirationBefore.
 * - Values at the market's modificationDate md (Black-Scholes-Merton call, term ACT/365F from md to
 *   the expiry): a share is worth 0 when its expiry is on or before md (flag
 *   "expired-before-modification" when the original window had already closed), else
 *   BS(S, K, (expiry - md) / 365, vol, r, q). fairValueBefore = vestedBefore x perBefore (unvested
 *   shares would be forfeited on leaving: improbable to vest, valued 0); fairValueAfter =
 *   vestedShares x perAfter; incremental = max(0, min(before, after) x (perAfter - perBefore)) +
 *   acceleratedShares x perAfter (Type I increment on the shares vested either way, floored at 0,
 *   plus the full fair value of the Type III shares). Restricted stock: a share is worth the stock
 *   price before and after, incremental = acceleratedShares x S.
 * - modificationType: "cancellation"; else "I" when min(before, after) > 0 and the option's
 *   expiration moves; "III" when shares are accelerated; "I+III" both; else "none".
 * - An award without a modification: type "none", values before = after, incremental 0; valued
 *   only when the terms give a market (else 0). A modification without a market is an error
 *   (`marketRequired`, naming "market").
 * - Flags: "type-iii-reversal" for each award with accelerated shares (the original grant-date cost
 *   of those shares is reversed; not computed); "section-409a" when an option is in the money at md
 *   (S > K) and its window is extended (expirationAfter > expirationBefore) past the earlier of its
 *   original expiration and ten years from grant; "iso-taxed-as-nso" when an incentive stock option
 *   may be exercised after EDATE(employmentEnd, 3) (an exercise after that day is taxed as an NSO,
 *   IRC 422(a)(2)).
 */
import { addMonthsClamped } from "../dates/serial";
import { remainingTermYears } from "../daycount/yearFraction";
import { postTerminationExpiry } from "../equity/expiries";
import { vestedShares as vestedSharesOn } from "../equity/vesting";
import { raise } from "../errors";
import { blackScholesUnchecked, checkBlackScholesInputs } from "../options/blackScholes";
import { Money } from "./money";
import { atPath, count, dollarsOf, iso, required } from "./separationContext";
import { AwardOutcome, AwardTerms, ModificationMarket, ModificationType, SeparationFlag, SeparationPayment, SeparationTerms } from "./types";

/** The awards' outcomes, the flags they raise and the repurchase payments they make. */
export interface AwardsOutcome {
  awards: AwardOutcome[];
  flags: SeparationFlag[];
  /** "repurchase" payments for unvested restricted shares bought back. */
  payments: SeparationPayment[];
  /** Sum of the awards' incremental fair values (float64 dollars). */
  incrementalFairValue: number;
}

/** The field names of VESTED_SHARES and POST_TERMINATION_EXPIRY as terms paths of award `path`. */
function awardFields(path: string): Record<string, string> {
  return {
    total_shares: `${path}.shares`,
    vesting_start: `${path}.vestingStart`,
    vesting_months: `${path}.vesting.vestingMonths`,
    cliff_months: `${path}.vesting.cliffMonths`,
    upfront_fraction: `${path}.vesting.upfrontFraction`,
    interval_months: `${path}.vesting.intervalMonths`,
    months: `${path}.postTerminationMonths`,
  };
}

/** A call's value a share at md and its term in years: 0 once the expiry is on or before md. */
function optionValue(market: ModificationMarket, strike: number, expiry: number, path: string): { perShare: number; termYears: number } {
  const md = market.modificationDate;
  const termYears = remainingTermYears(md, expiry);
  checkBlackScholesInputs(market.stockPrice, strike, termYears, market.volatility, market.riskFreeRate, market.dividendYield, {
    spot: "market.stockPrice",
    strike: `${path}.exercisePrice`,
    termYears: `${path}.expirationDate`,
    volatility: "market.volatility",
    riskFreeRate: "market.riskFreeRate",
    dividendYield: "market.dividendYield",
  });
  if (expiry <= md) return { perShare: 0, termYears: 0 };
  const perShare = blackScholesUnchecked(market.stockPrice, strike, termYears, market.volatility, market.riskFreeRate, market.dividendYield, true);
  if (!Number.isFinite(perShare)) raise("valueOverflows", undefined, { spot: market.stockPrice, strike, termYears });
  return { perShare, termYears };
}

function typeOf(sharesKept: number, expirationMoves: boolean, accelerated: number): ModificationType {
  const typeI = sharesKept > 0 && expirationMoves;
  const typeIII = accelerated > 0;
  return typeI && typeIII ? "I+III" : typeI ? "I" : typeIII ? "III" : "none";
}

/** One award before and after (see the module's note). */
function awardOutcome(
  award: AwardTerms,
  path: string,
  employmentEnd: number,
  serviceEnd: number,
  market: ModificationMarket | undefined,
  flags: SeparationFlag[],
  payments: SeparationPayment[],
): AwardOutcome {
  const mod = award.modification;
  if (mod !== undefined && market === undefined) raise("marketRequired", "market", { awardId: award.id });
  const fields = awardFields(path);
  const isOption = award.kind === "option";
  const vestedOn = (asOf: number) => atPath(fields, path, () => vestedSharesOn(award.shares, award.vestingStart, asOf, award.vesting));
  const vestedBefore = vestedOn(employmentEnd);

  let strike = 0;
  let expiration = 0;
  let expirationBefore: number | undefined;
  if (isOption) {
    strike = required(award.exercisePrice, `${path}.exercisePrice`, "for an option");
    expiration = required(award.expirationDate, `${path}.expirationDate`, "for an option");
    expirationBefore = atPath(fields, path, () => postTerminationExpiry(employmentEnd, expiration, award.postTerminationMonths));
  }

  const cancel = mod?.cancel === true;
  let after = 0;
  let cancelledShares = award.shares;
  let repurchasedShares = 0;
  let expirationAfter: number | undefined;
  if (!cancel) {
    after = mod?.vestedShares ?? (mod?.continueVestingWhileConsulting === true ? vestedOn(serviceEnd) : vestedBefore);
    if (!(Number.isInteger(after) && after >= 0 && after <= award.shares)) {
      raise("wholeNumberFrom", `${path}.modification.vestedShares`, { value: after, min: 0, max: award.shares, maxField: `${path}.shares` });
    }
    cancelledShares = award.shares - after;
    if (!isOption && mod?.repurchaseUnvested !== undefined) {
      repurchasedShares = award.shares - after;
      cancelledShares = 0;
    }
    if (isOption) {
      const window = mod?.exerciseWindow;
      if (window !== undefined) {
        const monthsPath = `${path}.modification.exerciseWindow.monthsAfterServiceEnds`;
        const months = window.monthsAfterServiceEnds;
        if (!(Number.isInteger(months) && months >= 0 && months <= 1200)) raise("wholeNumberFrom", monthsPath, { value: months, min: 0, max: 1200 });
        expirationAfter = Math.min(window.outsideDate, atPath({}, monthsPath, () => addMonthsClamped(serviceEnd, months)));
      } else if (mod?.continueVestingWhileConsulting === true) {
        expirationAfter = atPath(fields, path, () => postTerminationExpiry(serviceEnd, expiration, award.postTerminationMonths));
      } else {
        expirationAfter = expirationBefore;
      }
    }
  }
  const accelerated = cancel ? 0 : Math.max(0, after - vestedBefore);
  const kept = Math.min(vestedBefore, after);

  // values at the modification date
  let fairValueBefore = 0;
  let fairValueAfter = 0;
  let incremental = 0;
  let valueBefore: { perShare: number; termYears: number } | undefined;
  let valueAfter: { perShare: number; termYears: number } | undefined;
  if (market !== undefined) {
    const md = market.modificationDate;
    if (isOption) {
      valueBefore = optionValue(market, strike, expirationBefore as number, path);
      if ((expirationBefore as number) <= md) {
        flags.push({
          code: "expired-before-modification",
          awardId: award.id,
          message:
            `award "${award.id}": its original exercise window closed ${iso(expirationBefore as number)}, on or before the modification date ` +
            `${iso(md)}, so the original award is worth 0 immediately before the modification`,
        });
      }
      fairValueBefore = vestedBefore * valueBefore.perShare;
      if (expirationAfter !== undefined) {
        valueAfter = optionValue(market, strike, expirationAfter, path);
        fairValueAfter = after * valueAfter.perShare;
        incremental = Math.max(0, kept * (valueAfter.perShare - valueBefore.perShare)) + accelerated * valueAfter.perShare;
      }
    } else {
      fairValueBefore = vestedBefore * market.stockPrice;
      fairValueAfter = after * market.stockPrice;
      incremental = accelerated * market.stockPrice;
    }
  }

  const modificationType: ModificationType = cancel
    ? "cancellation"
    : typeOf(kept, isOption && expirationAfter !== expirationBefore, accelerated);

  // flags
  if (accelerated > 0) {
    flags.push({
      code: "type-iii-reversal",
      awardId: award.id,
      message:
        `award "${award.id}": ${count(accelerated)} shares vest that the original terms would have forfeited when employment ended ` +
        `${iso(employmentEnd)} (Type III, improbable to probable): the original grant-date cost of those shares is reversed (not computed)`,
    });
  }
  if (isOption && expirationAfter !== undefined && expirationBefore !== undefined) {
    if (market !== undefined && market.stockPrice > strike && expirationAfter > expirationBefore) {
      const tenYears = addMonthsClamped(award.grantDate, 120);
      const limit = Math.min(expiration, tenYears);
      if (expirationAfter > limit) {
        flags.push({
          code: "section-409a",
          awardId: award.id,
          message:
            `award "${award.id}": in the money on ${iso(market.modificationDate)} (stock ${market.stockPrice} > exercise price ${strike}) and ` +
            `extended to ${iso(expirationAfter)}, past ${iso(limit)} (the earlier of its original expiration ${iso(expiration)} and ten ` +
            `years from its grant ${iso(award.grantDate)}): the extension is a deferral feature under section 409A`,
        });
      }
    }
    if (award.incentiveStockOption) {
      const isoLimit = addMonthsClamped(employmentEnd, 3);
      if (expirationAfter > isoLimit) {
        flags.push({
          code: "iso-taxed-as-nso",
          awardId: award.id,
          message:
            `award "${award.id}": an incentive stock option exercisable until ${iso(expirationAfter)}, more than three months after ` +
            `employment ended ${iso(employmentEnd)}: an exercise after ${iso(isoLimit)} is taxed as a nonqualified option (IRC 422(a)(2))`,
        });
      }
    }
  }

  // the repurchase of unvested restricted shares
  if (repurchasedShares > 0 && mod?.repurchaseUnvested !== undefined) {
    const repurchase = mod.repurchaseUnvested;
    const pricePath = `${path}.modification.repurchaseUnvested.price`;
    const price = dollarsOf(repurchase.price, pricePath, false, "to repurchase the unvested shares");
    payments.push({
      date: required(repurchase.date, `${path}.modification.repurchaseUnvested.date`, "to repurchase the unvested shares"),
      kind: "repurchase",
      description: `Repurchase of ${count(repurchasedShares)} unvested shares of "${award.id}" at $${price.toString()} a share`,
      amount: price.times(repurchasedShares).toDecimalPlaces(2, Money.ROUND_HALF_UP),
      source: award.id,
    });
  }

  const outcome: AwardOutcome = {
    awardId: award.id,
    kind: award.kind,
    shares: award.shares,
    vestedBefore,
    vestedShares: after,
    acceleratedShares: accelerated,
    cancelledShares,
    repurchasedShares,
    fairValueBefore,
    fairValueAfter,
    incrementalFairValue: incremental,
    modificationType,
  };
  if (expirationBefore !== undefined) outcome.expirationBefore = expirationBefore;
  if (expirationAfter !== undefined) outcome.expirationAfter = expirationAfter;
  if (valueBefore !== undefined) outcome.valueBefore = valueBefore;
  if (valueAfter !== undefined) outcome.valueAfter = valueAfter;
  return outcome;
}

/** Every award's outcome, with the flags and repurchase payments (see the module's note). */
export function awardOutcomes(terms: SeparationTerms, serviceEnd: number): AwardsOutcome {
  const flags: SeparationFlag[] = [];
  const payments: SeparationPayment[] = [];
  const awards = terms.awards.map((award, i) =>
    awardOutcome(award, `awards[${i}]`, terms.employmentEndDate, serviceEnd, terms.market, flags, payments),
  );
  return { awards, flags, payments, incrementalFairValue: awards.reduce((total, a) => total + a.incrementalFairValue, 0) };
}
