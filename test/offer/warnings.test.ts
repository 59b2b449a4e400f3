/**
 * Warnings: inputs that are possible but suspicious, on small hand-made ledgers (Grant objects built
 * here, not read from CSV). Each row: the grants and the offer's changes -> the warnings expected.
 */
import { isoToSerial } from "../../src/core/dates/serial";
import { Grant } from "../../src/core/ledger/parseLedger";
import { readOfferTerms } from "../../src/core/offer/offerTerms";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { OfferWarning } from "../../src/core/offer/warnings";
import { SEED_OFFER } from "../support/seedOffer";

const day = (iso: string) => isoToSerial(iso) as number;

const BASE: Record<string, unknown> = { ...SEED_OFFER };

let line = 1;
/** An eligible grant under BASE unless changed: a US employee's, $5.00, granted 2001, expiring 2011. */
function grant(patch: Partial<Grant> = {}): Grant {
  line++;
  return {
    line,
    grantId: `G${line}`,
    holderId: `H${line}`,
    holderName: "",
    holderClass: "employee",
    country: "US",
    plan: "2000 Equity Incentive Plan",
    grantDate: day("2001-05-01"),
    expirationDate: day("2011-05-01"),
    expirationAssumed: false,
    exercisePrice: 5,
    sharesOutstanding: 1000,
    optionType: "NSO",
    ...patch,
  };
}

const NO_ELIGIBLE = "no grant is eligible, so the transaction valuation and the fee are $0.00";

describe("warnings on hand-made ledgers", () => {
  it.each<[string, Grant[], Record<string, unknown>, OfferWarning[]]>([
    ["an eligible grant worth something: none", [grant()], {}, []],
    [
      "no grant's class is eligible: the classes found are listed, most grants first",
      [grant({ holderClass: "officer" }), grant({ holderClass: "director" }), grant({ holderClass: "officer" }), grant({ holderClass: "" })],
      {},
      [
        { code: "no-holder-class-match", message: 'no grant\'s holder class is one of offer.eligibleHolderClasses (["employee"]); the ledger\'s classes: officer (2 grants), (blank) (1 grant), director (1 grant)' },
        { code: "no-eligible-grants", message: `${NO_ELIGIBLE} (not eligible: holder class: 4 grants)` },
      ],
    ],
    [
      "no grant's country is eligible",
      [grant({ country: "CANADA" }), grant({ country: "UNITED KINGDOM" }), grant({ country: "CANADA" })],
      {},
      [
        { code: "no-country-match", message: 'no grant\'s country is one of offer.eligibleCountries (["US"]); the ledger\'s countries: CANADA (2 grants), UNITED KINGDOM (1 grant)' },
        { code: "no-eligible-grants", message: `${NO_ELIGIBLE} (not eligible: country: 3 grants)` },
      ],
    ],
    [
      "the offer names a class the ledger does not have",
      [grant(), grant()],
      { eligibleHolderClasses: ["seasonal"] },
      [
        { code: "no-holder-class-match", message: 'no grant\'s holder class is one of offer.eligibleHolderClasses (["seasonal"]); the ledger\'s classes: employee (2 grants)' },
        { code: "no-eligible-grants", message: `${NO_ELIGIBLE} (not eligible: holder class: 2 grants)` },
      ],
    ],
    [
      "class and country each match some grant, but never the same one: only 'nothing eligible'",
      [grant({ country: "CANADA" }), grant({ holderClass: "officer" })],
      {},
      [{ code: "no-eligible-grants", message: `${NO_ELIGIBLE} (not eligible: holder class: 1 grant; country: 1 grant)` }],
    ],
    [
      "every grant below the exercise-price threshold",
      [grant({ exercisePrice: 1.4 }), grant({ exercisePrice: 1.99 })],
      {},
      [{ code: "no-eligible-grants", message: `${NO_ELIGIBLE} (not eligible: exercise price below threshold: 2 grants)` }],
    ],
    ["an empty ledger", [], {}, [{ code: "no-eligible-grants", message: "no grant was accepted from the ledger (see its rejected rows), so the transaction valuation and the fee are $0.00" }]],
    [
      // volatility 0: the value is the discounted forward's intrinsic value, max(0, S e^-qT - K e^-rT);
      // with S = $1.27, K = $100 and r = 0.03, 1.27 - 100 e^(-0.03 T) < 0 for every T up to 2011: $0.00
      "eligible grants all worth $0.00",
      [grant({ exercisePrice: 100 }), grant({ exercisePrice: 100, sharesOutstanding: 500 })],
      { volatility: 0 },
      [
        {
          code: "eligible-value-zero",
          message: "the 2 eligible grants (1,500 shares) are worth $0.00 at offer.stockPrice 1.27 and offer.volatility 0, so the transaction valuation and the fee are $0.00",
        },
      ],
    ],
    [
      // DOMAIN.md: commenced June 25, 2003, the 20th business day (Rule 14e-1) is July 23, 2003
      "an offer that expires before Rule 14e-1's 20 business days",
      [grant()],
      { expirationDate: "2003-07-22" },
      [
        {
          code: "offer-period-short",
          message:
            "offer.expirationDate (2003-07-22) is before the 20th business day from offer.commencementDate (2003-07-23): Rule 14e-1 keeps a tender offer open at least 20 business days",
        },
      ],
    ],
    ["an offer that expires on the 20th business day", [grant()], { expirationDate: "2003-07-23" }, []],
    [
      // DOMAIN.md: $80.90 per $1,000,000 was in effect on June 25, 2003 (FY2003)
      "an entered fee rate that is not the SEC rate on the filing date",
      [grant()],
      { feeRatePerMillion: "126.70" },
      [{ code: "fee-rate-not-sec-rate", message: "offer.feeRatePerMillion (126.7) is not the SEC rate for offer.filingDate 2003-06-25 (80.90 per $1,000,000, FY2003)" }],
    ],
    ["an entered fee rate equal to the SEC rate (80.9 = 80.90)", [grant()], { feeRatePerMillion: 80.9 }, []],
  ])("%s", (_, grants, patch, expected) => {
    const v = valueOffer(grants, readOfferTerms({ ...BASE, ...patch }));
    expect(v.warnings).toEqual(expected);
  });

  it("lists at most 10 classes, then says how many more", () => {
    const classes = Array.from({ length: 12 }, (_, k) => `class ${String.fromCharCode(97 + k)}`);
    const v = valueOffer(classes.map((holderClass) => grant({ holderClass })), readOfferTerms(BASE));
    expect(v.warnings[0].message).toBe(
      'no grant\'s holder class is one of offer.eligibleHolderClasses (["employee"]); the ledger\'s classes: ' +
        classes.slice(0, 10).map((c) => `${c} (1 grant)`).join(", ") +
        ", and 2 more",
    );
  });
});
