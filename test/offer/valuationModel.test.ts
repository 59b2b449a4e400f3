/**
 * Issue 10: the offer's valuation model. OFFER.json may choose "hull-white" (the Hull-White
 * employee-option lattice) with its assumptions; the reader refuses what it cannot use, naming the
 * field and the value; the valuation gives the policy's value beside the filing's, and the filing (the
 * Exhibit 107 transaction valuation and the fee) stays Black-Scholes.
 *
 * References, independent of optex's code:
 * - Benninga, Financial Modelling (3rd ed., MIT Press 2008), section 17.8: S = K = 50, T = 10 years,
 *   vesting 3 years, r = 5%, sigma = 35%, q = 2.5%, exit rate 10% a year, exercise multiple 3 ->
 *   13.5753 a share on a tree of 100 steps a year.
 * - The same option's Black-Scholes-Merton call, mpmath at 50 digits (the formula of
 *   test/reference/black_scholes_reference.py): 19.184213151700063753.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { checkOfferTerms, OfferFieldError, offerTermsProblems, readOfferTerms } from "../../src/core/offer/offerTerms";
import { offerRecords } from "../../src/core/offer/records";
import { policyModel, startValuation, valueOffer } from "../../src/core/offer/valueOffer";
import { OfferTermsError } from "../../src/core/offer/offerTerms";
import { SEED_OFFER } from "../support/seedOffer";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");

const HULL_WHITE = { valuationModel: "hull-white", vestingYears: 0, exitRate: 0.1 };

/** The problems of the seed's offer with these changes, as [field, code, message]. */
const problems = (patch: Record<string, unknown>): [string, string, string][] => checkOfferTerms({ ...SEED_OFFER, ...patch }).errors.map((e: OfferFieldError) => [e.field, e.code, e.message]);

describe("OFFER.json's valuation model and the lattice's assumptions: hostile inputs", () => {
  it.each<[string, Record<string, unknown>, [string, string, string][]]>([
    ["a model optex does not know", { valuationModel: "binomial" }, [["valuationModel", "range", 'offer.valuationModel ("binomial") must be "black-scholes" or "hull-white"']]],
    ["a model as a number", { valuationModel: 2 }, [["valuationModel", "type", 'offer.valuationModel (2) must be "black-scholes" or "hull-white"']]],
    ["the exit rate as a percentage", { ...HULL_WHITE, exitRate: 10 }, [["exitRate", "unit", "offer.exitRate (10) is above 1: the exit rate is a decimal a year, 0.1 = 10% (10% would be 0.1)"]]],
    ["the exit rate with a percent sign", { ...HULL_WHITE, exitRate: "10%" }, [["exitRate", "number-format", 'offer.exitRate ("10%") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)']]],
    ["a negative exit rate", { ...HULL_WHITE, exitRate: -0.1 }, [["exitRate", "range", "offer.exitRate (-0.1) must be from 0 to 1 (a decimal a year: 0.1 = 10% of holders leave each year)"]]],
    ["an exit rate beyond any percentage", { ...HULL_WHITE, exitRate: 250 }, [["exitRate", "range", "offer.exitRate (250) must be from 0 to 1 (a decimal a year: 0.1 = 10% of holders leave each year)"]]],
    ["vesting in months", { ...HULL_WHITE, vestingYears: 120 }, [["vestingYears", "unit", "offer.vestingYears (120) is above 100: the time to vesting is in years, not months (120 months would be 10 years)"]]],
    ["negative vesting", { ...HULL_WHITE, vestingYears: -1 }, [["vestingYears", "range", "offer.vestingYears (-1) must be from 0 to 100 (years from the valuation date; 0 = vested)"]]],
    ["vesting as a date", { ...HULL_WHITE, vestingYears: "2006-06-23" }, [["vestingYears", "number-format", 'offer.vestingYears ("2006-06-23") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)']]],
    [
      "a multiple below 1",
      { ...HULL_WHITE, exerciseMultiple: 0.5 },
      [["exerciseMultiple", "range", "offer.exerciseMultiple (0.5) must be >= 1 (a multiple of the exercise price: 2.5 = exercised when the stock reaches 2.5 x the exercise price; blank = never early)"]],
    ],
    ["steps not whole", { ...HULL_WHITE, stepsPerYear: 100.5 }, [["stepsPerYear", "range", "offer.stepsPerYear (100.5) must be a whole number of steps a year from 1 to 20,000"]]],
    ["no steps", { ...HULL_WHITE, stepsPerYear: 0 }, [["stepsPerYear", "range", "offer.stepsPerYear (0) must be a whole number of steps a year from 1 to 20,000"]]],
    ["too many steps", { ...HULL_WHITE, stepsPerYear: "20001" }, [["stepsPerYear", "range", 'offer.stepsPerYear ("20001") must be a whole number of steps a year from 1 to 20,000']]],
    [
      "hull-white without the holders' assumptions: each named, with the model that needs it",
      { valuationModel: "hull-white" },
      [
        ["vestingYears", "required", 'offer.vestingYears is required when valuationModel is "hull-white" (years from the valuation date until the eligible options vest, one figure for all of them: 0 = vested, as an exchange\'s old options usually are (at most 100))'],
        ["exitRate", "required", 'offer.exitRate is required when valuationModel is "hull-white" (a decimal a year: 0.1 = 10% of holders leave each year)'],
      ],
    ],
    ["hull-white with blank text for the exit rate", { ...HULL_WHITE, exitRate: " " }, [["exitRate", "required", 'offer.exitRate is required when valuationModel is "hull-white" (a decimal a year: 0.1 = 10% of holders leave each year)']]],
    ["hull-white at zero volatility", { ...HULL_WHITE, volatility: 0 }, [["volatility", "range", 'offer.volatility (0) must be > 0 when valuationModel is "hull-white" (the lattice needs a spread of prices)']]],
    // a bad value is an error whatever the model: nothing is read silently as something else
    ["black-scholes with a percentage exit rate", { exitRate: 10 }, [["exitRate", "unit", "offer.exitRate (10) is above 1: the exit rate is a decimal a year, 0.1 = 10% (10% would be 0.1)"]]],
  ])("%s", (_, patch, expected) => {
    expect(problems(patch)).toEqual(expected);
  });

  it("the required-with-hull-white errors name both fields (the form shows them at the model too)", () => {
    const { errors } = checkOfferTerms({ ...SEED_OFFER, valuationModel: "hull-white", vestingYears: 0 });
    expect(errors.map((e) => [e.field, e.fields])).toEqual([["exitRate", ["exitRate", "valuationModel"]]]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["the convention: black-scholes, no lattice", {}, { valuationModel: "black-scholes", vestingYears: undefined, exitRate: undefined, exerciseMultiple: undefined, stepsPerYear: undefined }],
    ["written in capitals, as text", { valuationModel: " Hull-White ", vestingYears: "0", exitRate: "0.08" }, { valuationModel: "hull-white", vestingYears: 0, exitRate: 0.08, exerciseMultiple: undefined, stepsPerYear: undefined }],
    ["every assumption, at its limits", { ...HULL_WHITE, vestingYears: 100, exitRate: 1, exerciseMultiple: 1, stepsPerYear: 20000 }, { vestingYears: 100, exitRate: 1, exerciseMultiple: 1, stepsPerYear: 20000 }],
    ["null is blank: never early, 100 steps", { ...HULL_WHITE, exerciseMultiple: null, stepsPerYear: "" }, { exerciseMultiple: undefined, stepsPerYear: undefined }],
  ])("reads %s", (_, patch, expected) => {
    expect(readOfferTerms({ ...SEED_OFFER, ...patch })).toMatchObject(expected);
  });

  it("puts the model and its assumptions in the policy record (blank steps: 100; blank multiple: never early)", () => {
    const hw = offerRecords(readOfferTerms({ ...SEED_OFFER, ...HULL_WHITE, vestingYears: 1.5 }));
    expect(hw.policy).toEqual({ termBasis: "remaining", model: "hull-white", lattice: { vestingYears: 1.5, exitRate: 0.1, stepsPerYear: 100 } });
    expect(policyModel(hw.policy).id).toBe("hull-white");
    const bs = offerRecords(readOfferTerms({ ...SEED_OFFER, exitRate: 0.1 }));
    expect(bs.policy).toEqual({ termBasis: "remaining", model: "black-scholes" });
    expect(policyModel(bs.policy).id).toBe("black-scholes");
  });

  it("terms built in code get the same checks: valueOffer refuses hull-white terms without an exit rate", () => {
    const terms = { ...readOfferTerms({ ...SEED_OFFER, ...HULL_WHITE }), exitRate: undefined };
    expect(offerTermsProblems(terms).map((e) => e.message)).toEqual(['offer.exitRate is required when valuationModel is "hull-white" (a decimal a year: 0.1 = 10% of holders leave each year)']);
    expect(() => valueOffer([], terms)).toThrow(OfferTermsError);
    const typo = { ...readOfferTerms(SEED_OFFER), valuationModel: "hullwhite" as "hull-white" };
    expect(offerTermsProblems(typo).map((e) => e.message)).toEqual(['offer.valuationModel ("hullwhite") must be "black-scholes" or "hull-white"']);
  });
});

describe("valueOffer: the policy's model beside the filing's Black-Scholes", () => {
  // one grant: S = K = 50, ten years of 365 days (2003-06-23 to 2013-06-20), 1,000 shares
  const ledger = parseCsvLedger(
    "Grant Number,Employee ID,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding\n" + "B1,E1,Employee,US,2003-06-23,2013-06-20,$50.00,1000\n",
  );
  const benninga = { ...SEED_OFFER, stockPrice: 50, volatility: 0.35, riskFreeRate: 0.05, dividendYield: 0.025, exercisePriceThreshold: 2, feeRatePerMillion: 100 };
  const hullWhite = { ...benninga, valuationModel: "hull-white", vestingYears: 3, exitRate: 0.1, exerciseMultiple: 3, stepsPerYear: 100 };

  it("Benninga 17.8: the lattice gives 13.5753 a share; the fee is the Black-Scholes 19.1842131517 a share", () => {
    const v = valueOffer(ledger.grants, readOfferTerms(hullWhite));
    expect(v.termYears[0]).toBe(10);
    expect(v.modelValuation).toMatchObject({ id: "hull-white", label: "Hull-White employee option lattice", sameAsFee: false, assumptions: { vestingYears: 3, exitRate: 0.1, exerciseMultiple: 3, stepsPerYear: 100 } });
    expect(v.modelValuation.valuePerShare[0]).toBeCloseTo(13.5753, 4);
    // the same grant's value, to the cent: 1,000 x 13.5753 = $13,575.30 at Benninga's four decimals
    expect(Math.abs(Number(v.modelValuation.value) - 13575.3)).toBeLessThanOrEqual(0.05);
    // the filing: Black-Scholes whatever the policy says
    expect(v.feeModel).toEqual({ id: "black-scholes", label: "Black-Scholes-Merton" });
    expect(v.valuePerShare[0]).toBeCloseTo(19.184213151700064, 11);
    expect(v.transactionValuation).toBe("19184.21"); // 1,000 x 19.1842131517...
    expect(v.filingFee).toBe("1.92"); // $100 per million
  });

  it("the filing's figures do not depend on the policy's model", () => {
    const bs = valueOffer(ledger.grants, readOfferTerms(benninga));
    const hw = valueOffer(ledger.grants, readOfferTerms(hullWhite));
    for (const key of ["transactionValuation", "exactValuation", "filingFee", "netFeeDue", "bands"] as const) expect([key, hw[key]]).toEqual([key, bs[key]]);
    expect([...hw.valuePerShare]).toEqual([...bs.valuePerShare]);
  });

  it("black-scholes: the policy's value is the filing's (the same array, the same figure)", () => {
    const v = valueOffer(ledger.grants, readOfferTerms(benninga));
    expect(v.modelValuation).toMatchObject({ id: "black-scholes", sameAsFee: true, value: v.transactionValuation, exactValue: v.exactValuation });
    expect(v.modelValuation.valuePerShare).toBe(v.valuePerShare);
    expect(v.modelValuation.assumptions).toBeUndefined();
  });

  it("warns when the offer states the lattice's assumptions but values with black-scholes", () => {
    const v = valueOffer(ledger.grants, readOfferTerms({ ...benninga, exitRate: 0.1, stepsPerYear: 50 }));
    expect(v.warnings).toContainEqual({
      code: "lattice-assumptions-unused",
      message: 'offer.exitRate (0.1), offer.stepsPerYear (50) are not used: offer.valuationModel is "black-scholes" (the Hull-White lattice\'s assumptions are read only with "hull-white")',
    });
    expect(valueOffer(ledger.grants, readOfferTerms(hullWhite)).warnings.map((w) => w.code)).not.toContain("lattice-assumptions-unused");
  });

  it("a tree the lattice refuses for a grant is the offer's problem, naming offer.stepsPerYear, the model and the grant", () => {
    // sigma 1% and r 50% on one step a year: the up probability leaves [0, 1]
    const terms = readOfferTerms({ ...hullWhite, volatility: 0.01, riskFreeRate: 0.5, stepsPerYear: 1 });
    let error: unknown;
    try {
      valueOffer(ledger.grants, terms);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OfferTermsError);
    const [problem] = (error as OfferTermsError).errors;
    expect(problem.field).toBe("stepsPerYear");
    expect(problem.fields).toEqual(["stepsPerYear", "valuationModel"]);
    expect(problem.message).toMatch(/^offer\.stepsPerYear \(1\) is too few for volatility 0\.01, risk_free_rate 0\.5 and dividend_yield 0\.025: .* \(the "hull-white" tree of grant B1, 10\.0000 years\)$/);
  });

  it("in slices as at once (the pane's path): the same figures", () => {
    const terms = readOfferTerms({ ...hullWhite, stepsPerYear: 10 });
    const grants = Array.from({ length: 7 }, (_, i) => ({ ...ledger.grants[0], line: i + 2, grantId: `B${i}`, exercisePrice: 40 + 5 * i, expirationDate: ledger.grants[0].expirationDate - 200 * i }));
    const once = valueOffer(grants, terms);
    const state = startValuation(grants, terms);
    while (!state.step(3));
    const sliced = state.finish();
    expect(sliced.modelValuation.exactValue).toBe(once.modelValuation.exactValue);
    expect([...sliced.modelValuation.valuePerShare]).toEqual([...once.modelValuation.valuePerShare]);
  });
});

describe("the Capstone sample with hull-white", () => {
  const ledger = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
  const sample = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8"));

  it("keeps the filing's $991,619.92 and $80.22; with no dividend the lattice never exceeds Black-Scholes, grant by grant", () => {
    const v = valueOffer(ledger.grants, readOfferTerms({ ...sample, valuationModel: "hull-white", vestingYears: 0.5, exitRate: 0.1, exerciseMultiple: 2.5 }));
    expect(v.transactionValuation).toBe("991619.92");
    expect(v.filingFee).toBe("80.22");
    expect(v.modelValuation.id).toBe("hull-white");
    for (let i = 0; i < v.table.length; i++) {
      if (!v.eligible[i]) expect(v.modelValuation.valuePerShare[i]).toBe(0);
      else expect(v.modelValuation.valuePerShare[i]).toBeLessThanOrEqual(v.valuePerShare[i] + 1e-12);
    }
    expect(Number(v.modelValuation.value)).toBeLessThan(991619.92);
    expect(Number(v.modelValuation.value)).toBeGreaterThan(0);
  });
});
