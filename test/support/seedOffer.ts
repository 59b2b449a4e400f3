/**
 * The seed's offer (Capstone Turbine, Schedule TO Amendment No. 1, July 2003) as OFFER.json fields:
 * valued June 23, 2003 at the $1.27 close; eligible: US employees, exercise price >= $2.00; commenced
 * June 25, expires July 24, options cancelled July 25, 2003, filed June 25. Volatility and rate are
 * assumptions of the tests that use it.
 *
 * Elections and the new option, from the seed's text: the offer expires "at 5:00 p.m., Pacific Time,
 * on July 24, 2003"; forms "must be received either via hand delivery or fax (e-mail is not
 * sufficient)"; the new options "will expire ten years from the date of grant", 6/48 vested at grant
 * then 1/48 a month, fully vested at 42 months; one new share per old share (no split), whole shares.
 * The new grant date is left to the seed's rule (the first business day six months and one day after
 * cancellation: January 26, 2004). Amendment No. 1 (the Offer to Exchange "as amended on July 9,
 * 2003") changed wording ("reasonable" for "sole" discretion), the Promise to Grant's timing and
 * disclosures: neither the consideration nor the number of options sought (still 1,026,013 shares).
 */
export const SEED_OFFER: Readonly<Record<string, unknown>> = {
  issuerName: "Capstone Turbine Corporation",
  valuationDate: "2003-06-23",
  stockPrice: 1.27,
  volatility: 0.9,
  riskFreeRate: 0.03,
  exercisePriceThreshold: 2,
  eligibleHolderClasses: ["employee"],
  eligibleCountries: ["US"],
  commencementDate: "2003-06-25",
  expirationDate: "2003-07-24",
  cancellationDate: "2003-07-25",
  filingDate: "2003-06-25",
  expirationTime: "17:00",
  timeZone: "America/Los_Angeles",
  acceptedChannels: ["fax", "hand"],
  newOptionLifeYears: 10,
  newOptionVesting: { vestingMonths: 42, cliffMonths: 0, upfrontFraction: 0.125, intervalMonths: 1 },
  exchangeRatio: 1,
  splitFactor: 1,
  newOptionRounding: "floor-per-grant",
  amendments: [
    {
      date: "2003-07-09",
      considerationChanged: false,
      numberSoughtChanged: false,
      description: "Amendment No. 1: sole to reasonable discretion; Promise to Grant within three business days of cancellation; added disclosures (Schedule B)",
    },
  ],
};
