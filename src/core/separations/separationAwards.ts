/**
 * The separation's equity awards before and after the agreement, and their ASC 718 modification
 * accounting (DOMAIN.md section 6): seed 001's option "vested as to 1,500,000 shares ... the
 * remaining portion ... cancelled ... exercisable until July 31, 2007 or, if sooner, three months
 * after" consulting ends, its restricted stock vested as to 375,000 shares with the unvested shares
 * repurchased, and its June 2006 options cancelled.
 *
 * Rules, as implemented here (employmentEnd and serviceEnd are the run's: the terms' own, or a
 * scenario's, so vesting and windows move with them):
 * - vestedBefore = VESTED_SHARES(shares, vestingStart, employmentEnd, vesting): what the original
 *   schedule had vested when employment ended. An option's expirationBefore is
 *   POST_TERMINATION_EXPIRY(employmentEnd, expirationDate, postTerminationMonths).
 * - vestedShares (after) = 0 with `cancel`; else modification.vestedShares when stated; else
 *   VESTED_SHARES through the service end when continueVestingWhileConsulting; else vestedBefore.
 *   acceleratedShares = max(0, after - before) (0 for a cancellation).
 * - Where the other shares go (vestedShares + cancelled + forfeited + repurchased = shares):
 *   `cancel`: all are cancelledShares (the agreement cancels them). Restricted stock with
 *   repurchaseUnvested: shares - after are repurchasedShares (a "repurchase" payment of
 *   repurchasedShares x price, rounded half-up to the cent, on the repurchase date). Else a stated
 *   vestedShares: shares - vestedShares are cancelledShares (the agreement vests that many and
 *   cancels the rest; below vestedBefore, vested shares are among them). Else shares - after are
 *   forfeitedShares, lost under the award's own terms when employment (or, with continued
 *   vesting, service) ends.
 * - modificationType "cancellation": `cancel`, or a stated vestedShares of 0 without a repurchase;
 *   a cancellation has no expirationAfter, fair value after 0 and no increment. Else "I" when
 *   min(before, after) > 0 and the option's expiration moves; "III" when shares are accelerated;
 *   "I+III" both; else "none".
 * - An option's expirationAfter = min(outsideDate, EDATE(serviceEnd, monthsAfterServiceEnds)) with
 *   an exerciseWindow; else POST_TERMINATION_EXPIRY(serviceEnd, ...) when vesting continues while
 *   consulting; else expirationBefore.
 * - The market is required (`marketRequired`, naming "market") only for an award the agreement
 *   changes in a way that must be valued: an option whose exercise window or vested count changes,
 *   restricted stock whose vested count changes; never for a cancellation, a repurchase of shares
 *   that would have been forfeited anyway, or an award left as it is. Without a market, every value
 *   is 0.
 * - Values at the market's modificationDate md (Black-Scholes-Merton call, term ACT/365F from md to
 *   the expiry): a share is worth 0 when its expiry is on or before md (flag
 *   "expired-before-modification" when the original window had already closed, unless the award has
 *   no shares vested before or after), else BS(S, K, (expiry - md) / 365, vol, r, q).
 *   fairValueBefore = vestedBefore x perBefore (unvested shares would be forfeited on leaving:
 *   improbable to vest, valued 0); fairValueAfter = vestedShares x perAfter; incremental =
 *   max(0, min(before, after) x (perAfter - perBefore)) + acceleratedShares x perAfter (Type I
 *   increment on the shares vested either way, floored at 0, plus the full fair value of the Type
 *   III shares). Restricted stock: a share is worth max(0, S - purchasePrice) before and after
 *   (the price the executive paid is not part of the value), incremental = acceleratedShares x that.
 * - Flags: "type-iii-reversal" for each award with accelerated shares (the original grant-date cost
 *   of those shares is reversed; not computed); "section-409a" when an option is in the money at md
 *   (S > K) and its window is extended (expirationAfter > expirationBefore) past the earlier of its
 *   original expiration and ten years from grant; "iso-taxed-as-nso" when an incentive stock option
 *   may be exercised after EDATE(employmentEnd, 3) (an exercise after that day is taxed as an NSO,
 *   IRC 422(a)(2)), saying too, when the window was extended, that the extension is itself a
 *   modification under IRC 424(h) that can disqualify the ISO.
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

/** The value a restricted share is worth: max(0, S - the price paid for it). */
function restrictedValue(award: AwardTerms, path: string, market: ModificationMarket): number {
  const paid = award.purchasePrice === undefined || String(award.purchasePrice).trim() === ""
    ? 0
    : dollarsOf(award.purchasePrice, `${path}.purchasePrice`, false, "").toNumber();
  return Math.max(0, market.stockPrice - paid);
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

  const cancelAll = mod?.cancel === true;
  const agreed = cancelAll ? undefined : mod?.vestedShares;
  const continues = !cancelAll && mod?.continueVestingWhileConsulting === true;
  const repurchase = !isOption && !cancelAll && mod?.repurchaseUnvested !== undefined;
  if (agreed !== undefined && !(Number.isInteger(agreed) && agreed >= 0 && agreed <= award.shares)) {
    raise("wholeNumberFrom", `${path}.modification.vestedShares`, { value: agreed, min: 0, max: award.shares, maxField: `${path}.shares` });
  }
  const after = cancelAll ? 0 : (agreed ?? (continues ? vestedOn(serviceEnd) : vestedBefore));
  // the agreement cancels the whole award, or vests none of it (what a repurchase takes is not cancelled)
  const cancellation = cancelAll || (agreed === 0 && !repurchase);

  let cancelledShares = 0;
  let forfeitedShares = 0;
  let repurchasedShares = 0;
  if (cancelAll) cancelledShares = award.shares;
  else if (repurchase) repurchasedShares = award.shares - after;
  else if (agreed !== undefined) cancelledShares = award.shares - agreed;
  else forfeitedShares = award.shares - after;

  let expirationAfter: number | undefined;
  if (isOption && !cancellation) {
    const newWindow = mod?.exerciseWindow;
    if (newWindow !== undefined) {
      const monthsPath = `${path}.modification.exerciseWindow.monthsAfterServiceEnds`;
      const months = newWindow.monthsAfterServiceEnds;
      if (!(Number.isInteger(months) && months >= 0 && months <= 1200)) raise("wholeNumberFrom", monthsPath, { value: months, min: 0, max: 1200 });
      expirationAfter = Math.min(newWindow.outsideDate, atPath({}, monthsPath, () => addMonthsClamped(serviceEnd, months)));
    } else if (continues) {
      expirationAfter = atPath(fields, path, () => postTerminationExpiry(serviceEnd, expiration, award.postTerminationMonths));
    } else {
      expirationAfter = expirationBefore;
    }
  }
  const accelerated = cancellation ? 0 : Math.max(0, after - vestedBefore);
  const kept = Math.min(vestedBefore, after);

  // a market is needed only to value a change: an option whose window or vested count changes,
  // restricted stock whose vested count changes (not a cancellation, nor a repurchase alone)
  const changes = !cancellation && (after !== vestedBefore || (isOption && expirationAfter !== expirationBefore));
  if (changes && market === undefined) raise("marketRequired", "market", { awardId: award.id });

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
      if ((expirationBefore as number) <= md && (vestedBefore > 0 || after > 0)) {
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
      const perShare = restrictedValue(award, path, market);
      fairValueBefore = vestedBefore * perShare;
      fairValueAfter = cancellation ? 0 : after * perShare;
      incremental = accelerated * perShare;
    }
  }

  const modificationType: ModificationType = cancellation
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
        const extended = expirationAfter > expirationBefore
          ? `; extending an incentive stock option's exercise period (here from ${iso(expirationBefore)}) is itself a modification under ` +
            "IRC 424(h), which can disqualify it as an incentive stock option from the day it is extended"
          : "";
        flags.push({
          code: "iso-taxed-as-nso",
          awardId: award.id,
          message:
            `award "${award.id}": an incentive stock option exercisable until ${iso(expirationAfter)}, more than three months after ` +
            `employment ended ${iso(employmentEnd)}: an exercise after ${iso(isoLimit)} is taxed as a nonqualified option (IRC 422(a)(2))` +
            extended,
        });
      }
    }
  }

  // the repurchase of unvested restricted shares
  if (repurchasedShares > 0 && mod?.repurchaseUnvested !== undefined) {
    const repurchaseTerms = mod.repurchaseUnvested;
    const pricePath = `${path}.modification.repurchaseUnvested.price`;
    const price = dollarsOf(repurchaseTerms.price, pricePath, false, "to repurchase the unvested shares");
    payments.push({
      date: required(repurchaseTerms.date, `${path}.modification.repurchaseUnvested.date`, "to repurchase the unvested shares"),
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
    forfeitedShares,
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

/**
 * Every award's outcome when employment ends on `employmentEnd` and service on `serviceEnd` (the
 * terms' own, or a scenario's), with the flags and repurchase payments (see the module's note).
 */
export function awardOutcomes(terms: SeparationTerms, employmentEnd: number, serviceEnd: number): AwardsOutcome {
  const flags: SeparationFlag[] = [];
  const payments: SeparationPayment[] = [];
  const awards = terms.awards.map((award, i) => awardOutcome(award, `awards[${i}]`, employmentEnd, serviceEnd, terms.market, flags, payments));
  return { awards, flags, payments, incrementalFairValue: awards.reduce((total, a) => total + a.incrementalFairValue, 0) };
}
