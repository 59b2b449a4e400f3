/**
 * SEC filing-fee rates under Exchange Act 13(e) (the same rate as Securities Act 6(b) since FY2002),
 * in dollars per $1,000,000 of transaction value, with the date each took effect.
 *
 * Fiscal year = Oct 1 - Sep 30. Until FY2011 a new rate took effect 5 days after the SEC's
 * appropriation was enacted (the prior year's rate continuing until then); from FY2012 each rate
 * takes effect on October 1. Dates marked `derived` are enactment + 5 days, not confirmed by an SEC
 * notice. Source: optex DOMAIN notes, SEC fee-rate advisories and filings' cover pages.
 */
import { isoToSerial } from "../dates/serial";

/** One rate period. */
export interface FeeRatePeriod {
  /** First day the rate applies (ISO date). */
  from: string;
  /** Dollars per $1,000,000, as a decimal string. */
  rate: string;
  fiscalYear: string;
  note?: string;
}

/** Rate periods in date order. The last one runs until `FEE_RATES_KNOWN_UNTIL`. */
export const FEE_RATE_PERIODS: readonly FeeRatePeriod[] = [
  { from: "1900-01-01", rate: "200", fiscalYear: "before FY2002", note: "1/50 of 1% (Exchange Act 13(e) before the Investor and Capital Markets Fee Relief Act)" },
  { from: "2001-10-01", rate: "92", fiscalYear: "FY2002", note: "set retroactively by the Fee Relief Act of Jan 16, 2002; filed at $92 from 2002-01-17" },
  { from: "2003-02-25", rate: "80.90", fiscalYear: "FY2003", note: "derived: appropriation enacted + 5 days" },
  { from: "2004-01-28", rate: "126.70", fiscalYear: "FY2004", note: "derived: appropriation enacted + 5 days" },
  { from: "2004-12-13", rate: "117.70", fiscalYear: "FY2005" },
  { from: "2005-11-27", rate: "107.00", fiscalYear: "FY2006", note: "stated as Nov 27 in one filing and Nov 28 in another (Nov 27, 2005 was a Sunday)" },
  { from: "2007-02-20", rate: "30.70", fiscalYear: "FY2007", note: "derived: appropriation enacted + 5 days" },
  { from: "2007-12-31", rate: "39.30", fiscalYear: "FY2008", note: "derived: appropriation enacted + 5 days" },
  { from: "2009-03-16", rate: "55.80", fiscalYear: "FY2009" },
  { from: "2009-12-21", rate: "71.30", fiscalYear: "FY2010" },
  { from: "2010-12-27", rate: "116.10", fiscalYear: "FY2011" },
  { from: "2011-10-01", rate: "114.60", fiscalYear: "FY2012" },
  { from: "2012-10-01", rate: "136.40", fiscalYear: "FY2013" },
  { from: "2013-10-01", rate: "128.80", fiscalYear: "FY2014" },
  { from: "2014-10-01", rate: "116.20", fiscalYear: "FY2015" },
  { from: "2015-10-01", rate: "100.70", fiscalYear: "FY2016" },
  { from: "2016-10-01", rate: "115.90", fiscalYear: "FY2017" },
  { from: "2017-10-01", rate: "124.50", fiscalYear: "FY2018" },
  { from: "2018-10-01", rate: "121.20", fiscalYear: "FY2019" },
  { from: "2019-10-01", rate: "129.80", fiscalYear: "FY2020" },
  { from: "2020-10-01", rate: "109.10", fiscalYear: "FY2021" },
  { from: "2021-10-01", rate: "92.70", fiscalYear: "FY2022" },
  { from: "2022-10-01", rate: "110.20", fiscalYear: "FY2023" },
  { from: "2023-10-01", rate: "147.60", fiscalYear: "FY2024" },
  { from: "2024-10-01", rate: "153.10", fiscalYear: "FY2025" },
  { from: "2025-10-01", rate: "138.10", fiscalYear: "FY2026" },
];

/** The first day whose rate is not on file (FY2027 begins). */
export const FEE_RATES_KNOWN_UNTIL = "2026-10-01";

const PERIOD_STARTS = FEE_RATE_PERIODS.map((p) => isoToSerial(p.from) as number);
const UNKNOWN_FROM = isoToSerial(FEE_RATES_KNOWN_UNTIL) as number;

/** The SEC fiscal year (Oct 1 - Sep 30) a serial date falls in, e.g. 2027 for 2026-10-01. */
export function fiscalYearOf(year: number, month: number): number {
  return month >= 10 ? year + 1 : year;
}

/** The rate period for a filing date, or undefined when the date is past the last known rate. */
export function feeRatePeriodOn(filingDate: number): FeeRatePeriod | undefined {
  if (filingDate >= UNKNOWN_FROM) return undefined;
  let index = 0;
  for (let i = 0; i < PERIOD_STARTS.length && PERIOD_STARTS[i] <= filingDate; i++) index = i;
  return FEE_RATE_PERIODS[index];
}
