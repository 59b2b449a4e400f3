/**
 * The OPTEX function catalogue as data: each function's arguments (names as Excel shows them) and the
 * core call it makes. Excel's wrappers (functions.ts) and `optex call` both evaluate through here.
 */
import Decimal from "decimal.js";
import { ArgSpec, CellValue, ErrorOutcome, errorOutcome, evaluateSpec, FunctionSpec, Outcome, RawArg } from "./boundary";
import { calendarFor, parseCalendarCode } from "../core/calendars/calendar";
import { holidaysInYear } from "../core/calendars/holidaysInYear";
import { blackScholes, parseOptionType } from "../core/options/blackScholes";
import { impliedVolatility } from "../core/options/impliedVolatility";
import { VestingTerms, vestedShares, vestingSchedule } from "../core/equity/vesting";
import { newGrantDate } from "../core/equity/newGrantDate";
import { newOptionShares } from "../core/equity/newOptionShares";
import { valueForValueRatio } from "../core/equity/valueForValue";
import { isoQualifyingDate, postTerminationExpiry } from "../core/equity/expiries";
import { simplifiedTerm } from "../core/equity/simplifiedTerm";
import { offerMinExpiration } from "../core/offer/offerMinExpiration";
import { feeRate, filingFee, parseFeeRounding } from "../core/fees/filingFee";
import { raise } from "../core/errors";
import { hullWhiteValue } from "../core/options/hullWhite";
import { blackScholesGreeks, GREEK_LABELS } from "../core/options/greeks";
import { historicalVolatility } from "../core/options/historicalVolatility";
import { incrementalFairValue } from "../core/equity/incrementalFairValue";
import { parseEffectiveRule, releaseDates } from "../core/separations/releaseDates";
import { parsePayFrequency, paymentSchedule } from "../core/separations/paymentSchedule";
import { salaryBalance } from "../core/separations/salaryBalance";
import { consultingFees } from "../core/separations/consultingFees";

const num = (name: string, extra: Partial<ArgSpec> = {}): ArgSpec => ({ name, kind: "number", ...extra });
const int = (name: string, extra: Partial<ArgSpec> = {}): ArgSpec => ({ name, kind: "integer", ...extra });
const date = (name: string, extra: Partial<ArgSpec> = {}): ArgSpec => ({ name, kind: "date", ...extra });
const text = (name: string, extra: Partial<ArgSpec> = {}): ArgSpec => ({ name, kind: "text", ...extra });
const range = (name: string): ArgSpec => ({ name, kind: "numberRange" });
const calendarArg = text("calendar", { optional: true });

const vestingArgs: ArgSpec[] = [
  int("vesting_months", { optional: true, default: 42 }),
  int("cliff_months", { optional: true, default: 0 }),
  num("upfront_fraction", { optional: true, default: 0.125 }),
  int("interval_months", { optional: true, default: 1 }),
];

/** The calendar a `calendar` argument names (blank = FEDERAL). */
function calendarNamed(code: string | undefined) {
  return calendarFor(parseCalendarCode(code));
}

function vestingTerms(vestingMonths: number, cliffMonths: number, upfrontFraction: number, intervalMonths: number): VestingTerms {
  return { vestingMonths, cliffMonths, upfrontFraction, intervalMonths };
}

const SPECS: FunctionSpec[] = [
  {
    id: "BLACK_SCHOLES_VALUE",
    summary: "Black-Scholes-Merton value per share of a European call or put.",
    args: [num("spot"), num("strike"), num("term_years"), num("volatility"), num("risk_free_rate"), num("dividend_yield", { optional: true, default: 0 }), text("option_type", { optional: true })],
    impl: (spot, strike, termYears, volatility, riskFreeRate, dividendYield, optionType) =>
      blackScholes({ spot, strike, termYears, volatility, riskFreeRate, dividendYield, optionType: parseOptionType(optionType) }),
  },
  {
    id: "IMPLIED_VOLATILITY",
    summary: "The volatility at which Black-Scholes-Merton reproduces an option price.",
    args: [num("option_price"), num("spot"), num("strike"), num("term_years"), num("risk_free_rate"), num("dividend_yield", { optional: true, default: 0 }), text("option_type", { optional: true })],
    impl: (optionPrice, spot, strike, termYears, riskFreeRate, dividendYield, optionType) =>
      impliedVolatility({ optionPrice, spot, strike, termYears, riskFreeRate, dividendYield, optionType: parseOptionType(optionType) }),
  },
  {
    id: "VESTED_SHARES",
    summary: "Shares vested on a date under a vesting schedule (default: the offer's new-option schedule).",
    args: [int("total_shares"), date("vesting_start"), date("as_of"), ...vestingArgs, date("service_end_date", { optional: true })],
    impl: (total, start, asOf, vm, cliff, upfront, interval, serviceEnd) =>
      vestedShares(total, start, asOf, vestingTerms(vm, cliff, upfront, interval), serviceEnd),
  },
  {
    id: "VESTING_SCHEDULE",
    summary: "Spilled table: vest date, shares vesting that date, cumulative shares vested.",
    args: [int("total_shares"), date("vesting_start"), ...vestingArgs],
    impl: (total, start, vm, cliff, upfront, interval) => {
      const events = vestingSchedule(total, start, vestingTerms(vm, cliff, upfront, interval));
      if (events.length === 0) return raise("noSharesVest", "total_shares", { value: total });
      return events.map((e) => [e.date, e.shares, e.cumulative]);
    },
  },
  {
    id: "NEW_GRANT_DATE",
    summary: "First business day on or after EDATE(cancellation_date, months) + days.",
    args: [date("cancellation_date"), int("months", { optional: true, default: 6 }), int("days", { optional: true, default: 1 }), calendarArg],
    impl: (cancellation, months, days, calendar) => newGrantDate(cancellation, months, days, calendarNamed(calendar)),
  },
  {
    id: "IS_BUSINESS_DAY",
    summary: "TRUE when the date is a business day of the calendar.",
    args: [date("date"), calendarArg],
    impl: (serial, calendar) => {
      const cal = calendarNamed(calendar);
      cal.checkInRange(serial, "date");
      return cal.isBusinessDay(serial);
    },
  },
  {
    id: "ADD_BUSINESS_DAYS",
    summary: "The date a number of business days after (before, if negative) a date, like WORKDAY.",
    args: [date("date"), int("days"), calendarArg],
    impl: (serial, days, calendar) => {
      const cal = calendarNamed(calendar);
      cal.checkInRange(serial, "date");
      return cal.addBusinessDays(serial, days);
    },
  },
  {
    id: "BUSINESS_DAYS_BETWEEN",
    summary: "Business days from start to end, both counted, like NETWORKDAYS (negative if reversed).",
    args: [date("start"), date("end"), calendarArg],
    impl: (start, end, calendar) => {
      const cal = calendarNamed(calendar);
      cal.checkInRange(start, "start");
      cal.checkInRange(end, "end");
      return cal.businessDaysBetween(start, end);
    },
  },
  {
    id: "OFFER_MIN_EXPIRATION",
    summary: "The earliest expiration of a tender offer under Rule 14e-1 (start date = day 1).",
    args: [date("start_date"), int("business_days", { optional: true, default: 20 }), calendarArg],
    impl: (start, businessDays, calendar) => offerMinExpiration(start, businessDays, calendarNamed(calendar)),
  },
  {
    id: "FEDERAL_HOLIDAYS",
    summary: "Spilled table of the observed holidays in a year: date, name.",
    args: [int("year"), calendarArg],
    impl: (year, calendar) => {
      const code = parseCalendarCode(calendar);
      if (code === "WEEKENDS") return raise("calendarHasNoHolidays", "calendar", { calendar: code });
      return holidaysInYear(year, calendarFor(code)).map((h) => [h.serial, h.name]);
    },
  },
  {
    id: "FEE_RATE",
    summary: "SEC fee rate in dollars per $1,000,000 for a filing on a date.",
    args: [date("filing_date")],
    impl: (filingDate) => feeRate(filingDate).toNumber(),
  },
  {
    id: "FILING_FEE",
    summary: "SEC filing fee: transaction valuation x rate / 1,000,000, rounded.",
    args: [num("transaction_valuation"), date("filing_date", { optional: true }), num("rate_per_million", { optional: true }), text("rounding", { optional: true })],
    impl: (valuation, filingDate, rate, rounding) => {
      const mode = parseFeeRounding(rounding);
      let perMillion: Decimal;
      if (rate !== undefined) perMillion = new Decimal(rate);
      else if (filingDate !== undefined) perMillion = feeRate(filingDate);
      else return raise("noFeeRate", undefined, { fields: ["filing_date", "rate_per_million"] });
      return filingFee(new Decimal(valuation), perMillion, mode).toNumber();
    },
  },
  {
    id: "NEW_OPTION_SHARES",
    summary: "Shares of the new option: floor(tendered_shares x split_factor / exchange_ratio).",
    args: [int("tendered_shares"), num("exchange_ratio", { optional: true, default: 1 }), num("split_factor", { optional: true, default: 1 })],
    impl: (tendered, ratio, split) => newOptionShares(tendered, ratio, split),
  },
  {
    id: "VALUE_FOR_VALUE_RATIO",
    summary: "Old options per new at-the-money option of equal Black-Scholes value.",
    args: [num("spot"), num("old_strike"), num("old_term_years"), num("new_term_years"), num("volatility"), num("risk_free_rate"), num("dividend_yield", { optional: true, default: 0 })],
    impl: (spot, oldStrike, oldTermYears, newTermYears, volatility, riskFreeRate, dividendYield) =>
      valueForValueRatio({ spot, oldStrike, oldTermYears, newTermYears, volatility, riskFreeRate, dividendYield }),
  },
  {
    id: "POST_TERMINATION_EXPIRY",
    summary: "The earlier of the original expiration and EDATE(termination_date, months).",
    args: [date("termination_date"), date("original_expiration"), int("months", { optional: true, default: 3 })],
    impl: (termination, original, months) => postTerminationExpiry(termination, original, months),
  },
  {
    id: "ISO_QUALIFYING_DATE",
    summary: "First date a sale of ISO shares is a qualifying disposition.",
    args: [date("grant_date"), date("exercise_date")],
    impl: (grant, exercise) => isoQualifyingDate(grant, exercise),
  },
  {
    id: "SIMPLIFIED_TERM",
    summary: "SAB 107 simplified expected term in years.",
    args: [num("contractual_years"), ...vestingArgs],
    impl: (contractual, vm, cliff, upfront, interval) => simplifiedTerm(contractual, vestingTerms(vm, cliff, upfront, interval)),
  },
  {
    id: "HULL_WHITE_VALUE",
    summary: "Employee stock option value per share on a Hull-White (2004) binomial lattice: vesting, exits, early exercise.",
    args: [
      num("spot"),
      num("strike"),
      num("term_years"),
      num("volatility"),
      num("risk_free_rate"),
      num("dividend_yield", { optional: true, default: 0 }),
      num("vesting_years", { optional: true, default: 0 }),
      num("exit_rate", { optional: true, default: 0 }),
      num("exercise_multiple", { optional: true }),
      int("steps_per_year", { optional: true, default: 100 }),
    ],
    impl: (spot, strike, termYears, volatility, riskFreeRate, dividendYield, vestingYears, exitRate, exerciseMultiple, stepsPerYear) =>
      hullWhiteValue(spot, strike, termYears, volatility, riskFreeRate, dividendYield, vestingYears, exitRate, exerciseMultiple, stepsPerYear),
  },
  {
    id: "BLACK_SCHOLES_GREEKS",
    summary: "Spilled 6 x 2 table of Black-Scholes-Merton Greeks: delta, gamma, vega, theta, rho, dividend_rho.",
    args: [num("spot"), num("strike"), num("term_years"), num("volatility"), num("risk_free_rate"), num("dividend_yield", { optional: true, default: 0 }), text("option_type", { optional: true })],
    impl: (spot, strike, termYears, volatility, riskFreeRate, dividendYield, optionType) => {
      const greeks = blackScholesGreeks(spot, strike, termYears, volatility, riskFreeRate, dividendYield, parseOptionType(optionType) === "call");
      return GREEK_LABELS.map(([key, label]) => [label, greeks[key]]);
    },
  },
  {
    id: "HISTORICAL_VOLATILITY",
    summary: "Annualised sample standard deviation of the log returns of closing prices (oldest first).",
    args: [range("prices"), num("periods_per_year", { optional: true, default: 252 })],
    impl: (prices, periodsPerYear) => historicalVolatility(prices, periodsPerYear),
  },
  {
    id: "INCREMENTAL_FAIR_VALUE",
    summary: "ASC 718 incremental fair value of a modification: max(0, new_shares x value(new) - old_shares x value(old)).",
    args: [
      num("spot"),
      num("old_strike"),
      num("old_term_years"),
      num("new_strike"),
      num("new_term_years"),
      num("volatility"),
      num("risk_free_rate"),
      num("dividend_yield", { optional: true, default: 0 }),
      num("old_shares", { optional: true, default: 1 }),
      num("new_shares", { optional: true, default: 1 }),
    ],
    impl: (spot, oldStrike, oldTermYears, newStrike, newTermYears, volatility, riskFreeRate, dividendYield, oldShares, newShares) =>
      incrementalFairValue(spot, oldStrike, oldTermYears, newStrike, newTermYears, volatility, riskFreeRate, dividendYield, oldShares, newShares),
  },
  {
    id: "RELEASE_DATES",
    summary: "Spilled 1 x 3: last day to consider a release (blank without a delivery date), last day to revoke it, its effective date.",
    args: [
      date("signed_date"),
      date("delivered_date", { optional: true }),
      int("consideration_days", { optional: true, default: 21 }),
      int("revocation_days", { optional: true, default: 7 }),
      text("effective_rule", { optional: true }),
    ],
    impl: (signed, delivered, considerationDays, revocationDays, rule) => {
      const dates = releaseDates(signed, delivered, considerationDays, revocationDays, parseEffectiveRule(rule));
      return [[dates.considerationDeadline ?? "", dates.revocationEnds, dates.effectiveDate]];
    },
  },
  {
    id: "PAYMENT_SCHEDULE",
    summary: "Spilled rows of pay date, amount, cumulative: equal installments in whole cents on the payroll's paydays, the remainder cents on the last.",
    args: [num("total"), date("first_date"), date("last_date"), text("frequency", { optional: true }), calendarArg],
    impl: (total, first, last, frequency, calendar) => {
      const payments = paymentSchedule(total, first, last, parsePayFrequency(frequency), calendarNamed(calendar));
      return payments.map((p) => [p.date, p.amount.toNumber(), p.cumulative.toNumber()]);
    },
  },
  {
    id: "SALARY_BALANCE",
    summary: "Salary not yet paid from the day after last_day_paid through through_date at annual_salary / 365 a day, rounded half-up to the cent.",
    args: [num("annual_salary"), date("last_day_paid"), date("through_date")],
    impl: (annualSalary, lastDayPaid, through) => salaryBalance(annualSalary, lastDayPaid, through).toNumber(),
  },
  {
    id: "CONSULTING_FEES",
    summary: "Sum over months of max(0, hours - included_hours) x hourly_rate, in dollars.",
    args: [range("hours_by_month"), num("included_hours", { optional: true, default: 10 }), num("hourly_rate", { optional: true, default: 500 })],
    impl: (hours, included, rate) => consultingFees(hours, included, rate).toNumber(),
  },
];

/** The catalogue by id. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(SPECS.map((s) => [s.id, s]));

/** Every catalogue id, in catalogue order. */
export const FUNCTION_IDS: readonly string[] = SPECS.map((s) => s.id);

/**
 * Evaluates `OPTEX.<id>(args...)` as a cell would: never throws.
 * @example evaluate("FILING_FEE", [991619.92, null, 80.9]) -> { value: 80.22 }
 */
export function evaluate(id: string, rawArgs: readonly RawArg[]): Outcome {
  const spec = FUNCTIONS.get(id.toUpperCase().replace(/^OPTEX\./, ""));
  if (!spec) return errorOutcome("unknownFunction", undefined, { name: id });
  return evaluateSpec(spec, rawArgs);
}

export type { CellValue, ErrorOutcome, Outcome };
