/**
 * One-off closures of the executive departments by executive order. The SEC treats these days as
 * federal holidays for filing deadlines; whether they are business days for a tender offer
 * (Rule 14d-1(g)(3)) is debated, so they are only in the opt-in `FEDERAL_CLOSURES` calendar.
 */
export interface Closure {
  /** ISO date. */
  date: string;
  reason: string;
  source: string;
}

/** Executive-order closures since 2001, each with its source. */
export const EXECUTIVE_ORDER_CLOSURES: readonly Closure[] = [
  { date: "2001-12-24", reason: "Christmas Eve", source: "Executive order of Dec 14, 2001" },
  { date: "2004-06-11", reason: "National day of mourning for President Reagan", source: "Executive order of Jun 7, 2004" },
  { date: "2007-01-02", reason: "National day of mourning for President Ford", source: "Executive order of Dec 28, 2006" },
  { date: "2007-12-24", reason: "Christmas Eve", source: "Executive order of Dec 7, 2007" },
  { date: "2008-12-26", reason: "Day after Christmas", source: "Executive order of Dec 12, 2008" },
  { date: "2012-12-24", reason: "Christmas Eve", source: "Executive order of Dec 21, 2012" },
  { date: "2014-12-26", reason: "Day after Christmas", source: "Executive order of Dec 5, 2014" },
  { date: "2015-12-24", reason: "Christmas Eve", source: "Executive order of Dec 15, 2015" },
  { date: "2018-12-05", reason: "National day of mourning for President George H. W. Bush", source: "Executive order of Dec 1, 2018" },
  { date: "2018-12-24", reason: "Christmas Eve", source: "Executive Order 13854 of Dec 18, 2018 (83 FR 65481)" },
  { date: "2019-12-24", reason: "Christmas Eve", source: "Executive order of Dec 17, 2019" },
  { date: "2020-12-24", reason: "Christmas Eve", source: "Executive order of Dec 11, 2020" },
  { date: "2025-01-09", reason: "National day of mourning for President Carter", source: "Executive order of Dec 30, 2024" },
  { date: "2025-12-24", reason: "Christmas Eve", source: "Executive order of Dec 18, 2025" },
  { date: "2025-12-26", reason: "Day after Christmas", source: "Executive order of Dec 18, 2025" },
];
