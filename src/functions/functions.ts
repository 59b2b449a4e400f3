/* global CustomFunctions */
/**
 * The OPTEX custom functions. Each JSDoc block is the help Excel shows; each body is one call through
 * the shared boundary (registry.ts), which coerces the arguments, calls the core and maps errors.
 * Dates are Excel serial numbers; rates, volatilities and fractions are decimals (0.03 = 3%).
 * Parameters are `unknown` (type "any" in the metadata) so each value reaches the boundary as typed
 * and its message can say what was typed; a range argument (kind "numberRange") is declared
 * `unknown[][]` for the same reason (a matrix of any; `number[][]` would be a matrix of numbers,
 * which Excel converts before the boundary sees it).
 */
import { evaluate } from "./registry";
import type { CellValue } from "./boundary";

const ERROR_CODES = {
  "#VALUE!": "#VALUE!",
  "#NUM!": "#NUM!",
  "#N/A": "#N/A",
  "#NAME?": "#VALUE!",
} as const;

/**
 * Evaluates a catalogue function for a cell; errors become CustomFunctions.Error with the message.
 * `T` is what the wrapper declares it returns (the registry's value for that function).
 */
export function cell<T extends CellValue>(id: string, args: unknown[]): T {
  const outcome = evaluate(id, args);
  if ("value" in outcome) return outcome.value as T;
  throw new CustomFunctions.Error(ERROR_CODES[outcome.error] as CustomFunctions.ErrorCode, outcome.message);
}

/**
 * Black-Scholes-Merton value per share of a European option, in dollars. Term 0 gives the intrinsic value; volatility 0 the discounted forward intrinsic value. Example: =OPTEX.BLACK_SCHOLES_VALUE(42, 40, 0.5, 0.2, 0.1) returns 4.7594.
 * @customfunction BLACK_SCHOLES_VALUE
 * @param spot Stock price in dollars per share, e.g. 42.
 * @param strike Exercise price in dollars per share, e.g. 40.
 * @param term_years Time to expiration in years, e.g. 0.5.
 * @param volatility Annual volatility as a decimal: 0.2 = 20%.
 * @param risk_free_rate Continuously compounded risk-free rate as a decimal: 0.1 = 10%.
 * @param [dividend_yield] Continuous dividend yield as a decimal (default 0).
 * @param [option_type] "call" (default) or "put".
 * @returns Value per share in dollars.
 */
export function blackScholesValue(spot: unknown, strike: unknown, term_years: unknown, volatility: unknown, risk_free_rate: unknown, dividend_yield?: unknown, option_type?: unknown): number {
  return cell("BLACK_SCHOLES_VALUE", [spot, strike, term_years, volatility, risk_free_rate, dividend_yield, option_type]);
}

/**
 * The annual volatility (0.2 = 20%) at which Black-Scholes-Merton reproduces an option price, to 1e-10. #NUM! when the price is outside the no-arbitrage bounds. Example: =OPTEX.IMPLIED_VOLATILITY(4.7594, 42, 40, 0.5, 0.1) returns about 0.2.
 * @customfunction IMPLIED_VOLATILITY
 * @param option_price Option price in dollars per share.
 * @param spot Stock price in dollars per share.
 * @param strike Exercise price in dollars per share.
 * @param term_years Time to expiration in years (> 0).
 * @param risk_free_rate Continuously compounded risk-free rate as a decimal: 0.05 = 5%.
 * @param [dividend_yield] Continuous dividend yield as a decimal (default 0).
 * @param [option_type] "call" (default) or "put".
 * @returns Volatility as a decimal.
 */
export function impliedVolatilityValue(option_price: unknown, spot: unknown, strike: unknown, term_years: unknown, risk_free_rate: unknown, dividend_yield?: unknown, option_type?: unknown): number {
  return cell("IMPLIED_VOLATILITY", [option_price, spot, strike, term_years, risk_free_rate, dividend_yield, option_type]);
}

/**
 * Shares vested on a date. Defaults are the exchange offer's new options: 12.5% (6/48) at the start, then 1/48 monthly, fully vested at 42 months. Example: =OPTEX.VESTED_SHARES(2400, DATE(2004,1,26), DATE(2004,2,26)) returns 350.
 * @customfunction VESTED_SHARES
 * @param total_shares Shares in the grant (whole number).
 * @param vesting_start Vesting start date; the upfront part vests on it.
 * @param as_of Date to measure on.
 * @param [vesting_months] Months until fully vested (default 42).
 * @param [cliff_months] Months before the linear part starts vesting (default 0).
 * @param [upfront_fraction] Fraction vested at the start as a decimal (default 0.125).
 * @param [interval_months] Months between vesting dates (default 1).
 * @param [service_end_date] Last day of service: vesting stops there.
 * @returns Whole shares vested.
 */
export function vestedSharesValue(total_shares: unknown, vesting_start: unknown, as_of: unknown, vesting_months?: unknown, cliff_months?: unknown, upfront_fraction?: unknown, interval_months?: unknown, service_end_date?: unknown): number {
  return cell("VESTED_SHARES", [total_shares, vesting_start, as_of, vesting_months, cliff_months, upfront_fraction, interval_months, service_end_date]);
}

/**
 * Spills the vesting schedule: vest date (a serial: format as a date), shares vesting that date, cumulative shares. Example: =OPTEX.VESTING_SCHEDULE(2400, DATE(2004,1,26)) starts 2004-01-26, 300, 300.
 * @customfunction VESTING_SCHEDULE
 * @param total_shares Shares in the grant (whole number).
 * @param vesting_start Vesting start date.
 * @param [vesting_months] Months until fully vested (default 42).
 * @param [cliff_months] Months before the linear part starts vesting (default 0).
 * @param [upfront_fraction] Fraction vested at the start as a decimal (default 0.125).
 * @param [interval_months] Months between vesting dates (default 1).
 * @returns Rows of date, shares, cumulative shares.
 */
export function vestingScheduleValue(total_shares: unknown, vesting_start: unknown, vesting_months?: unknown, cliff_months?: unknown, upfront_fraction?: unknown, interval_months?: unknown): unknown[][] {
  return cell<(number | string)[][]>("VESTING_SCHEDULE", [total_shares, vesting_start, vesting_months, cliff_months, upfront_fraction, interval_months]);
}

/**
 * The new option grant date: the first business day on or after EDATE(cancellation_date, months) + days. Example: =OPTEX.NEW_GRANT_DATE(DATE(2003,7,25)) returns 2004-01-26.
 * @customfunction NEW_GRANT_DATE
 * @param cancellation_date Date the tendered options are cancelled.
 * @param [months] Months after cancellation (default 6).
 * @param [days] Days after that (default 1).
 * @param [calendar] "FEDERAL" (default), "FEDERAL_CLOSURES" or "WEEKENDS".
 * @returns The grant date as a serial.
 */
export function newGrantDateValue(cancellation_date: unknown, months?: unknown, days?: unknown, calendar?: unknown): number {
  return cell("NEW_GRANT_DATE", [cancellation_date, months, days, calendar]);
}

/**
 * TRUE when a date is a business day: not a Saturday, Sunday or US federal holiday (observed). Example: =OPTEX.IS_BUSINESS_DAY(DATE(2003,7,4)) returns FALSE.
 * @customfunction IS_BUSINESS_DAY
 * @param date The date.
 * @param [calendar] "FEDERAL" (default), "FEDERAL_CLOSURES" or "WEEKENDS".
 * @returns TRUE or FALSE.
 */
export function isBusinessDayValue(date: unknown, calendar?: unknown): boolean {
  return cell("IS_BUSINESS_DAY", [date, calendar]);
}

/**
 * The date a number of business days after a date (before it, if negative), like WORKDAY with federal holidays built in. Example: =OPTEX.ADD_BUSINESS_DAYS(DATE(2003,7,25), 3) returns 2003-07-30.
 * @customfunction ADD_BUSINESS_DAYS
 * @param date Start date (not counted).
 * @param days Business days to add (whole number; negative goes back).
 * @param [calendar] "FEDERAL" (default), "FEDERAL_CLOSURES" or "WEEKENDS".
 * @returns The date as a serial.
 */
export function addBusinessDaysValue(date: unknown, days: unknown, calendar?: unknown): number {
  return cell("ADD_BUSINESS_DAYS", [date, days, calendar]);
}

/**
 * Business days from start to end with both ends counted, like NETWORKDAYS; negative if end is before start. Example: =OPTEX.BUSINESS_DAYS_BETWEEN(DATE(2003,6,25), DATE(2003,7,23)) returns 20.
 * @customfunction BUSINESS_DAYS_BETWEEN
 * @param start First date.
 * @param end Last date.
 * @param [calendar] "FEDERAL" (default), "FEDERAL_CLOSURES" or "WEEKENDS".
 * @returns A whole number of business days.
 */
export function businessDaysBetweenValue(start: unknown, end: unknown, calendar?: unknown): number {
  return cell("BUSINESS_DAYS_BETWEEN", [start, end, calendar]);
}

/**
 * The earliest expiration of a tender offer under Rule 14e-1: the n-th business day counting the start date as day 1. Example: =OPTEX.OFFER_MIN_EXPIRATION(DATE(2003,6,25)) returns 2003-07-23.
 * @customfunction OFFER_MIN_EXPIRATION
 * @param start_date Commencement date (or the date of the notice of a change).
 * @param [business_days] 20 for the initial period (default), 10 after a change in price or amount sought.
 * @param [calendar] "FEDERAL" (default), "FEDERAL_CLOSURES" or "WEEKENDS".
 * @returns The date as a serial.
 */
export function offerMinExpirationValue(start_date: unknown, business_days?: unknown, calendar?: unknown): number {
  return cell("OFFER_MIN_EXPIRATION", [start_date, business_days, calendar]);
}

/**
 * Spills the observed US federal holidays falling in a year (1971-2099): date (a serial), name. A Saturday January 1 is observed on December 31 of the year before and listed there. Example: =OPTEX.FEDERAL_HOLIDAYS(2021).
 * @customfunction FEDERAL_HOLIDAYS
 * @param year Calendar year, 1971 to 2099.
 * @param [calendar] "FEDERAL" (default) or "FEDERAL_CLOSURES" (adds executive-order closures).
 * @returns Rows of date, name.
 */
export function federalHolidaysValue(year: unknown, calendar?: unknown): unknown[][] {
  return cell<(number | string)[][]>("FEDERAL_HOLIDAYS", [year, calendar]);
}

/**
 * SEC filing-fee rate in dollars per $1,000,000 for a filing on a date (Exchange Act 13(e)). #N/A for dates whose fiscal year's rate is not on file (from 2026-10-01): pass the rate to FILING_FEE. Example: =OPTEX.FEE_RATE(DATE(2003,6,25)) returns 80.9.
 * @customfunction FEE_RATE
 * @param filing_date Filing date.
 * @returns Dollars per $1,000,000.
 */
export function feeRateValue(filing_date: unknown): number {
  return cell("FEE_RATE", [filing_date]);
}

/**
 * SEC filing fee: transaction valuation x rate / 1,000,000 in exact decimal arithmetic. The rate argument wins over the date. Example: =OPTEX.FILING_FEE(991619.92, DATE(2003,6,25)) returns 80.22.
 * @customfunction FILING_FEE
 * @param transaction_valuation Transaction valuation in dollars.
 * @param [filing_date] Filing date, used to look up the fee rate.
 * @param [rate_per_million] Fee rate in dollars per $1,000,000 (e.g. 80.90); overrides the date.
 * @param [rounding] "cent" (default: half-up to the cent) or "dollar" (up to the whole dollar).
 * @returns The fee in dollars.
 */
export function filingFeeValue(transaction_valuation: unknown, filing_date?: unknown, rate_per_million?: unknown, rounding?: unknown): number {
  return cell("FILING_FEE", [transaction_valuation, filing_date, rate_per_million, rounding]);
}

/**
 * Shares of the new option for tendered shares: floor(tendered_shares x split_factor / exchange_ratio), exactly. Example: =OPTEX.NEW_OPTION_SHARES(2400, 1, 0.1) returns 240 (after a 1-for-10 reverse split).
 * @customfunction NEW_OPTION_SHARES
 * @param tendered_shares Shares of the tendered option (whole number).
 * @param [exchange_ratio] Old options per new option (default 1).
 * @param [split_factor] New shares per old share from splits: 0.1 for a 1-for-10 reverse split (default 1).
 * @returns Whole shares.
 */
export function newOptionSharesValue(tendered_shares: unknown, exchange_ratio?: unknown, split_factor?: unknown): number {
  return cell("NEW_OPTION_SHARES", [tendered_shares, exchange_ratio, split_factor]);
}

/**
 * Old options per new at-the-money option of equal Black-Scholes value (a value-for-value exchange ratio). Example: =OPTEX.VALUE_FOR_VALUE_RATIO(1.27, 5, 7, 10, 0.9, 0.03).
 * @customfunction VALUE_FOR_VALUE_RATIO
 * @param spot Stock price in dollars per share (the new option's strike).
 * @param old_strike Exercise price of the old option.
 * @param old_term_years Remaining term of the old option in years.
 * @param new_term_years Term of the new option in years.
 * @param volatility Annual volatility as a decimal: 0.9 = 90%.
 * @param risk_free_rate Continuously compounded risk-free rate as a decimal.
 * @param [dividend_yield] Continuous dividend yield as a decimal (default 0).
 * @returns Old options per new option.
 */
export function valueForValueRatioValue(spot: unknown, old_strike: unknown, old_term_years: unknown, new_term_years: unknown, volatility: unknown, risk_free_rate: unknown, dividend_yield?: unknown): number {
  return cell("VALUE_FOR_VALUE_RATIO", [spot, old_strike, old_term_years, new_term_years, volatility, risk_free_rate, dividend_yield]);
}

/**
 * When an option expires after employment ends: the earlier of the original expiration and EDATE(termination_date, months). Example: =OPTEX.POST_TERMINATION_EXPIRY(DATE(2006,3,31), DATE(2012,1,15)) returns 2006-06-30.
 * @customfunction POST_TERMINATION_EXPIRY
 * @param termination_date Last day of employment.
 * @param original_expiration The option's original expiration date.
 * @param [months] Post-termination exercise window in months: 3 (default), 12 for death or disability.
 * @returns The expiry date as a serial.
 */
export function postTerminationExpiryValue(termination_date: unknown, original_expiration: unknown, months?: unknown): number {
  return cell("POST_TERMINATION_EXPIRY", [termination_date, original_expiration, months]);
}

/**
 * First date a sale of incentive stock option shares is a qualifying disposition: the day after the later of grant + 2 years and exercise + 1 year. Example: =OPTEX.ISO_QUALIFYING_DATE(DATE(2004,1,26), DATE(2005,6,1)) returns 2006-06-02.
 * @customfunction ISO_QUALIFYING_DATE
 * @param grant_date Grant date of the ISO.
 * @param exercise_date Exercise date.
 * @returns The date as a serial.
 */
export function isoQualifyingDateValue(grant_date: unknown, exercise_date: unknown): number {
  return cell("ISO_QUALIFYING_DATE", [grant_date, exercise_date]);
}

/**
 * SAB 107 "simplified" expected term in years: (share-weighted average vesting years + contractual years) / 2. Example: =OPTEX.SIMPLIFIED_TERM(10) returns 5.7839 for the offer's new options.
 * @customfunction SIMPLIFIED_TERM
 * @param contractual_years Contractual term in years, e.g. 10.
 * @param [vesting_months] Months until fully vested (default 42).
 * @param [cliff_months] Months before the linear part starts vesting (default 0).
 * @param [upfront_fraction] Fraction vested at grant as a decimal (default 0.125).
 * @param [interval_months] Months between vesting dates (default 1).
 * @returns Expected term in years.
 */
export function simplifiedTermValue(contractual_years: unknown, vesting_months?: unknown, cliff_months?: unknown, upfront_fraction?: unknown, interval_months?: unknown): number {
  return cell("SIMPLIFIED_TERM", [contractual_years, vesting_months, cliff_months, upfront_fraction, interval_months]);
}

/**
 * Value per share of an employee stock option on a Hull-White (2004) Cox-Ross-Rubinstein tree, in dollars: before vesting an employee who leaves (probability exit_rate x dt a step) forfeits; after vesting one who leaves exercises if in the money, and the option is exercised once the stock reaches exercise_multiple x strike. A node exactly at the vesting date counts as unvested. Example (Benninga, Financial Modelling, 17.8): =OPTEX.HULL_WHITE_VALUE(50, 50, 10, 0.35, 0.05, 0.025, 3, 0.1, 3) returns 13.5753.
 * @customfunction HULL_WHITE_VALUE
 * @param spot Stock price in dollars per share, e.g. 50.
 * @param strike Exercise price in dollars per share, e.g. 50.
 * @param term_years Contractual term left in years (up to 100), e.g. 10.
 * @param volatility Annual volatility as a decimal: 0.35 = 35%.
 * @param risk_free_rate Continuously compounded risk-free rate as a decimal: 0.05 = 5%.
 * @param [dividend_yield] Continuous dividend yield as a decimal (default 0).
 * @param [vesting_years] Years until the option vests (default 0: vested).
 * @param [exit_rate] Employees leaving a year as a decimal: 0.1 = 10% (default 0).
 * @param [exercise_multiple] Exercise once the stock reaches this multiple of the strike, e.g. 3 (blank: never early).
 * @param [steps_per_year] Tree steps a year (default 100; at most 20,000 steps in all).
 * @returns Value per share in dollars.
 */
export function hullWhiteValueCell(spot: unknown, strike: unknown, term_years: unknown, volatility: unknown, risk_free_rate: unknown, dividend_yield?: unknown, vesting_years?: unknown, exit_rate?: unknown, exercise_multiple?: unknown, steps_per_year?: unknown): number {
  return cell("HULL_WHITE_VALUE", [spot, strike, term_years, volatility, risk_free_rate, dividend_yield, vesting_years, exit_rate, exercise_multiple, steps_per_year]);
}

/**
 * Spills the Black-Scholes-Merton Greeks, 6 rows of name and value: delta, gamma, vega (per 1.00 of volatility), theta (per year as time passes), rho (per 1.00 of rate), dividend_rho (per 1.00 of yield). Example (Hull, Example 19.1): =OPTEX.BLACK_SCHOLES_GREEKS(49, 50, 0.3846, 0.2, 0.05) starts delta, 0.522.
 * @customfunction BLACK_SCHOLES_GREEKS
 * @param spot Stock price in dollars per share.
 * @param strike Exercise price in dollars per share.
 * @param term_years Time to expiration in years.
 * @param volatility Annual volatility as a decimal: 0.2 = 20%.
 * @param risk_free_rate Continuously compounded risk-free rate as a decimal: 0.05 = 5%.
 * @param [dividend_yield] Continuous dividend yield as a decimal (default 0).
 * @param [option_type] "call" (default) or "put".
 * @returns Rows of Greek name and value.
 */
export function blackScholesGreeksCell(spot: unknown, strike: unknown, term_years: unknown, volatility: unknown, risk_free_rate: unknown, dividend_yield?: unknown, option_type?: unknown): unknown[][] {
  return cell<(number | string)[][]>("BLACK_SCHOLES_GREEKS", [spot, strike, term_years, volatility, risk_free_rate, dividend_yield, option_type]);
}

/**
 * Annualised historical volatility (0.193 = 19.3%): the sample standard deviation of the log returns of closing prices, times the square root of periods_per_year. Prices are a column or a row, oldest first; blank cells are skipped; at least 3 prices. Example (Hull's 21 daily closes from 20.00 to 22.00): =OPTEX.HISTORICAL_VOLATILITY(B2:B22) returns 0.193.
 * @customfunction HISTORICAL_VOLATILITY
 * @param prices Closing prices in dollars, oldest first (a column or a row; blanks skipped).
 * @param [periods_per_year] Prices a year: 252 for trading days (default), 52 for weeks, 12 for months.
 * @returns Volatility as a decimal.
 */
export function historicalVolatilityCell(prices: unknown[][], periods_per_year?: unknown): number {
  return cell("HISTORICAL_VOLATILITY", [prices, periods_per_year]);
}

/**
 * ASC 718-20-35-3 incremental fair value of a modification (a repricing, an exchange, a longer exercise window), in dollars: max(0, new_shares x value(new) - old_shares x value(old)), both Black-Scholes calls on the same market at the modification date. Example (repricing from 50 to 40): =OPTEX.INCREMENTAL_FAIR_VALUE(42, 50, 0.5, 40, 0.5, 0.2, 0.1) returns 4.1012.
 * @customfunction INCREMENTAL_FAIR_VALUE
 * @param spot Stock price at the modification date, dollars per share.
 * @param old_strike Exercise price of the award before the modification.
 * @param old_term_years Term left of the award before the modification, in years.
 * @param new_strike Exercise price after the modification.
 * @param new_term_years Term after the modification, in years.
 * @param volatility Annual volatility as a decimal: 0.2 = 20%.
 * @param risk_free_rate Continuously compounded risk-free rate as a decimal.
 * @param [dividend_yield] Continuous dividend yield as a decimal (default 0).
 * @param [old_shares] Options before the modification (default 1; > 0).
 * @param [new_shares] Options after it (default 1; 0 for a cancellation without replacement).
 * @returns Incremental fair value in dollars (0 when the modification adds no value).
 */
export function incrementalFairValueCell(spot: unknown, old_strike: unknown, old_term_years: unknown, new_strike: unknown, new_term_years: unknown, volatility: unknown, risk_free_rate: unknown, dividend_yield?: unknown, old_shares?: unknown, new_shares?: unknown): number {
  return cell("INCREMENTAL_FAIR_VALUE", [spot, old_strike, old_term_years, new_strike, new_term_years, volatility, risk_free_rate, dividend_yield, old_shares, new_shares]);
}

/**
 * Spills 1 row of 3 dates of an ADEA/OWBPA release of claims: the last day to consider it (delivered_date + consideration_days; blank without a delivery date), the last day to revoke it (signed_date + revocation_days) and the effective date. Days are calendar days. #NUM! if signed before delivery or after the consideration period. Example (seed 000, signed 10/31/02, "effective as of November 7, 2002"): =OPTEX.RELEASE_DATES(DATE(2002,10,31), , 21, 7, "on") returns blank, 2002-11-07, 2002-11-07.
 * @customfunction RELEASE_DATES
 * @param signed_date Date the employee signed the release.
 * @param [delivered_date] Date the release was given to the employee (blank: no consideration deadline).
 * @param [consideration_days] Calendar days to consider it (default 21; 45 in a group program).
 * @param [revocation_days] Calendar days after signing to revoke it (default 7).
 * @param [effective_rule] "after" (default): the day after the revocation period, the "eighth day after signing"; "on": its last day, as seed 000 dates it.
 * @returns One row: last day to consider, last day to revoke, effective date (date serials).
 */
export function releaseDatesCell(signed_date: unknown, delivered_date?: unknown, consideration_days?: unknown, revocation_days?: unknown, effective_rule?: unknown): unknown[][] {
  return cell<(number | string)[][]>("RELEASE_DATES", [signed_date, delivered_date, consideration_days, revocation_days, effective_rule]);
}

/**
 * Spills the payments of an installment program, one row each: pay date, amount and cumulative amount in dollars. Paydays are the regular paydays from first_date through last_date (semimonthly: the 15th and the month's last day; monthly: the last day; biweekly/weekly: first_date and every 14/7 days), each paid on the business day before when it is not a business day. Installments are equal in whole cents; the remainder cents go to the last, so the amounts sum to total exactly. Example (seed 000: $185,150 from the six-month to the eighteen-month anniversary of November 7, 2002): =OPTEX.PAYMENT_SCHEDULE(185150, DATE(2003,5,7), DATE(2004,5,7)) spills 24 rows, 2003-05-15 7714.58 to 2004-04-30 7714.66 (cumulative 185150).
 * @customfunction PAYMENT_SCHEDULE
 * @param total Amount to pay in dollars, in whole cents, e.g. 185150.
 * @param first_date First day of the payment period.
 * @param last_date Last day of the payment period (paydays on it count).
 * @param [frequency] "semimonthly" (default), "monthly", "biweekly" or "weekly".
 * @param [calendar] FEDERAL (default), FEDERAL_CLOSURES or WEEKENDS: the business days pay dates move to.
 * @returns Rows of pay date (date serial), amount and cumulative amount in dollars.
 */
export function paymentScheduleCell(total: unknown, first_date: unknown, last_date: unknown, frequency?: unknown, calendar?: unknown): unknown[][] {
  return cell<(number | string)[][]>("PAYMENT_SCHEDULE", [total, first_date, last_date, frequency, calendar]);
}

/**
 * Salary not yet paid, in dollars: annual_salary / 365 for each calendar day from the day after last_day_paid through through_date, rounded half-up to the cent once. #NUM! if through_date is before last_day_paid; 0 on the same day. Example (seed 000: $370,300 a year, paid through February 28, 2003, employed through May 6, 2003; 67 days): =OPTEX.SALARY_BALANCE(370300, DATE(2003,2,28), DATE(2003,5,6)) returns 67972.88.
 * @customfunction SALARY_BALANCE
 * @param annual_salary Salary a year in dollars, e.g. 370300.
 * @param last_day_paid Last day the salary has been paid through.
 * @param through_date Last day the balance covers.
 * @returns Balance in dollars, to the cent.
 */
export function salaryBalanceCell(annual_salary: unknown, last_day_paid: unknown, through_date: unknown): number {
  return cell("SALARY_BALANCE", [annual_salary, last_day_paid, through_date]);
}

/**
 * Consulting fees in dollars beyond the hours a month included: the sum over months of max(0, hours - included_hours) x hourly_rate, rounded half-up to the cent. Hours are a column or a row, one month each; blank cells are skipped; each month 0 to 744 hours. Example (seed 001: ten hours a month included, $500 an hour beyond; months of 8, 12, 10 and 15.5 hours): =OPTEX.CONSULTING_FEES(B2:B5) returns 3750.
 * @customfunction CONSULTING_FEES
 * @param hours_by_month Hours of consulting in each month (a column or a row; blanks skipped).
 * @param [included_hours] Hours a month included without fee (default 10).
 * @param [hourly_rate] Dollars an hour beyond the included hours (default 500).
 * @returns Fees in dollars, to the cent.
 */
export function consultingFeesCell(hours_by_month: unknown[][], included_hours?: unknown, hourly_rate?: unknown): number {
  return cell("CONSULTING_FEES", [hours_by_month, included_hours, hourly_rate]);
}
