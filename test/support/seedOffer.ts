/**
 * The seed's offer (Capstone Turbine, Schedule TO Amendment No. 1, July 2003) as OFFER.json fields:
 * valued June 23, 2003 at the $1.27 close; eligible: US employees, exercise price >= $2.00; commenced
 * June 25, expires July 24, options cancelled July 25, 2003, filed June 25. Volatility and rate are
 * assumptions of the tests that use it.
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
};
