/**
 * Reading an executive separation's terms (TERMS.json): seed 001's terms (Capstone Turbine's letter
 * of July 24, 2006 to John R. Tucker) read into the exact typed terms, the conventions a blank takes,
 * then hostile inputs, one a row: the input, the path at fault, the code and what the message says.
 * Last, the field guide (assets/samples/SEPARATION-TERMS.md) names every field of the schema.
 */
import * as fs from "fs";
import * as path from "path";
import { CalcError } from "../../src/core/errors";
import { isoToSerial } from "../../src/core/dates/serial";
import {
  checkSeparationTerms,
  readSeparationJson,
  readSeparationTerms,
  SeparationErrorCode,
  SeparationTermsError,
} from "../../src/core/separations/terms";
import { SEPARATION_SCHEMA, separationField, separationFieldPaths, shownWhenWords, TermsFieldDef } from "../../src/core/separations/termsSchema";
import { DATE_EVENTS, SeparationTerms } from "../../src/core/separations/types";
import { thrown } from "../support/thrown";

const s = (iso: string) => isoToSerial(iso) as number;

type Json = Record<string, unknown>;

/** Seed 001 as the letter states it (the hours log, market and scenario are illustrative). */
function tucker(): Json {
  return {
    _about: "Seed 001: resignation effective July 31, 2006, a year's consulting, the revised awards",
    executive: "John R. Tucker",
    company: "Capstone Turbine Corporation",
    agreement: { name: "Letter agreement (resignation and consulting)", date: "2006-07-24", effectiveDate: "2006-08-01" },
    employment: { endDate: "2006-07-31", terminationReason: "resignation" },
    consulting: {
      startDate: "2006-08-01",
      endDate: "2007-07-31",
      includedHours: 10,
      hourlyRate: 500,
      invoicePaymentDays: 15,
      hoursLog: [
        { month: "2006-08", hours: 6 },
        { month: "2006-09", hours: 14.5, invoiceDate: "2006-10-02" },
      ],
    },
    benefits: [{ description: "Medical benefits", startDate: "2006-08-01", months: 1 }],
    awards: [
      {
        id: "2003-08-01 option",
        kind: "option",
        plan: "inducement grant",
        incentiveStockOption: false,
        grantDate: "2003-08-01",
        shares: 2000000,
        exercisePrice: 1.18,
        vesting: { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 },
        expirationDate: "2013-08-01",
        postTerminationMonths: 3,
        modification: { vestedShares: 1500000, exerciseWindow: { outsideDate: "2007-07-31", monthsAfterServiceEnds: 3 } },
      },
      {
        id: "2003-08-04 restricted stock",
        kind: "restricted-stock",
        grantDate: "2003-08-04",
        shares: 500000,
        purchasePrice: "0.001",
        vesting: { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 },
        modification: { vestedShares: 375000, repurchaseUnvested: { price: "0.001", date: "2006-08-31" } },
      },
    ],
    market: { modificationDate: "2006-08-01", stockPrice: 2.0, volatility: 0.7, riskFreeRate: 0.05, dividendYield: 0 },
    scenarios: [{ name: "Let go for cause on July 31, 2006", employmentEndDate: "2006-07-31", terminationReason: "for-cause" }],
  };
}

/** Seed 001 with seed 000's salary, supplemental release and three payment programs added (as the contract writes them). */
function withPayments(): Json {
  return {
    ...tucker(),
    supplementalRelease: { signedDate: "2006-08-01" },
    salary: { annualSalary: 370300, startDate: "2006-01-01", endDate: "2006-07-31" },
    payments: [
      {
        id: "supplemental",
        kind: "lump-sum",
        description: "Supplemental Payment",
        amount: 100000,
        date: "supplementalReleaseEffective",
        condition: { anyOf: [{ employedThrough: "2006-07-31" }, { terminatedWithoutCauseBefore: "2006-08-01" }] },
      },
      {
        id: "installments",
        kind: "installments",
        description: "Installments",
        total: "185150.00",
        startDate: "2006-08-01",
        endDate: "2007-08-01",
        frequency: "semimonthly",
        condition: { notForCause: true, employedThrough: "2006-07-31" },
      },
      { id: "balance", kind: "salary-balance", description: "Salary balance", through: "2006-07-31", date: "employmentEnd" },
    ],
  };
}

/** Sets (or, with undefined, deletes) the value at a path such as "awards[1].modification.vestedShares". */
function set(root: Json, at: string, value: unknown): Json {
  const keys = at.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
  let node: Record<string, unknown> | unknown[] = root;
  for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown>)[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete (node as Record<string, unknown>)[last];
  else (node as Record<string, unknown>)[last] = value;
  return root;
}

/** A copy of `base()` with paths set. */
function edit(base: () => Json, changes: Record<string, unknown>): Json {
  const root = base();
  for (const [at, value] of Object.entries(changes)) set(root, at, value);
  return root;
}

describe("seed 001's terms read into the exact typed terms", () => {
  it("dates are serials, money text exact, conventions filled in", () => {
    const expected: SeparationTerms = {
      executive: "John R. Tucker",
      company: "Capstone Turbine Corporation",
      agreementName: "Letter agreement (resignation and consulting)",
      agreementDate: s("2006-07-24"),
      agreementEffectiveDate: s("2006-08-01"),
      employmentEndDate: 38929, // Excel: =DATE(2006,7,31)
      terminationReason: "resignation",
      calendar: "FEDERAL",
      payFrequency: "semimonthly",
      consulting: {
        startDate: 38930,
        endDate: s("2007-07-31"),
        includedHours: 10,
        hourlyRate: 500,
        invoicePaymentDays: 15,
        hoursLog: [
          { month: 38930, hours: 6 }, // 2006-08 = August 1, 2006
          { month: s("2006-09-01"), hours: 14.5, invoiceDate: s("2006-10-02") },
        ],
      },
      payments: [],
      benefits: [{ description: "Medical benefits", startDate: s("2006-08-01"), months: 1 }],
      awards: [
        {
          id: "2003-08-01 option",
          kind: "option",
          plan: "inducement grant",
          incentiveStockOption: false,
          grantDate: s("2003-08-01"),
          shares: 2000000,
          exercisePrice: 1.18,
          vestingStart: s("2003-08-01"),
          vesting: { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 },
          expirationDate: s("2013-08-01"),
          postTerminationMonths: 3,
          modification: { vestedShares: 1500000, exerciseWindow: { outsideDate: s("2007-07-31"), monthsAfterServiceEnds: 3 } },
        },
        {
          id: "2003-08-04 restricted stock",
          kind: "restricted-stock",
          incentiveStockOption: false,
          grantDate: s("2003-08-04"),
          shares: 500000,
          purchasePrice: "0.001",
          vestingStart: s("2003-08-04"),
          vesting: { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 },
          postTerminationMonths: 0,
          modification: { vestedShares: 375000, repurchaseUnvested: { price: "0.001", date: s("2006-08-31") } },
        },
      ],
      market: { modificationDate: s("2006-08-01"), stockPrice: 2, volatility: 0.7, riskFreeRate: 0.05, dividendYield: 0 },
      scenarios: [{ name: "Let go for cause on July 31, 2006", employmentEndDate: 38929, terminationReason: "for-cause" }],
    };
    expect(checkSeparationTerms(tucker())).toEqual({ terms: expected, errors: [] });
    expect(readSeparationTerms(tucker())).toEqual(expected);
  });

  it("payment programs: money kept as the text typed, events and dates as DateRefs, conditions nested", () => {
    const terms = readSeparationTerms(withPayments());
    expect(terms.salary).toEqual({ annualSalary: 370300, startDate: s("2006-01-01"), endDate: s("2006-07-31") });
    expect(terms.supplementalRelease).toEqual({ signedDate: s("2006-08-01"), considerationDays: 21, revocationDays: 7, effectiveRule: "after" });
    expect(terms.payments).toEqual([
      {
        id: "supplemental",
        kind: "lump-sum",
        description: "Supplemental Payment",
        amount: "100000",
        date: { event: "supplementalReleaseEffective" },
        condition: { anyOf: [{ employedThrough: s("2006-07-31") }, { terminatedWithoutCauseBefore: s("2006-08-01") }] },
      },
      {
        id: "installments",
        kind: "installments",
        description: "Installments",
        total: "185150.00",
        startDate: { date: s("2006-08-01") },
        endDate: { date: s("2007-08-01") },
        frequency: "semimonthly",
        condition: { notForCause: true, employedThrough: s("2006-07-31") },
      },
      { id: "balance", kind: "salary-balance", description: "Salary balance", through: s("2006-07-31"), date: { event: "employmentEnd" } },
    ]);
  });

  it("blank means the convention: 21 and 7 days 'after', FEDERAL, semimonthly, not an ISO, vesting from the grant, no dividends, empty lists", () => {
    const terms = readSeparationTerms(
      edit(tucker, {
        release: { signedDate: "2006-07-24", deliveredDate: "", considerationDays: null },
        "awards[0].incentiveStockOption": null,
        "awards[0].vestingStart": "",
        "market.dividendYield": undefined,
        benefits: null,
        scenarios: undefined,
        "consulting.hoursLog": undefined,
      }),
    );
    // signed July 24 + 7 days = July 31; "after": effective August 1, as the agreement states
    expect(terms.release).toEqual({ signedDate: s("2006-07-24"), considerationDays: 21, revocationDays: 7, effectiveRule: "after" });
    expect([terms.calendar, terms.payFrequency]).toEqual(["FEDERAL", "semimonthly"]);
    expect(terms.awards[0].incentiveStockOption).toBe(false);
    expect(terms.awards[0].vestingStart).toBe(s("2003-08-01"));
    expect(terms.market?.dividendYield).toBe(0);
    expect([terms.payments, terms.benefits, terms.scenarios, terms.consulting?.hoursLog]).toEqual([[], [], [], []]);
  });

  it("decimal text, any-case choices, comments anywhere and a vesting start before the grant are accepted", () => {
    const terms = readSeparationTerms(
      edit(tucker, {
        "awards[0].shares": " 2000000 ",
        "awards[0].exercisePrice": "1.18",
        "awards[0].kind": "Option",
        "awards[0].vestingStart": "2003-06-01",
        "awards[0].modification._why": "the letter, paragraph 3",
        "consulting.hoursLog[0]._note": "illustrative",
        "market.volatility": "0.70",
        calendar: "weekends",
        "employment.terminationReason": "RESIGNATION",
      }),
    );
    expect(terms.awards[0]).toMatchObject({ kind: "option", shares: 2000000, exercisePrice: 1.18, vestingStart: s("2003-06-01") });
    expect([terms.market?.volatility, terms.calendar, terms.terminationReason]).toEqual([0.7, "WEEKENDS", "resignation"]);
  });

  it("seed 000's release: signed 10/31/02, rule 'on', effective November 7, 2002 as the agreement states", () => {
    const input = edit(tucker, {
      "agreement.date": "2002-10-31",
      "agreement.effectiveDate": "2002-11-07",
      release: { signedDate: "2002-10-31", deliveredDate: "2002-10-10", considerationDays: 21, revocationDays: 7, effectiveRule: "on" },
    });
    expect(checkSeparationTerms(input).errors).toEqual([]);
    // "after" would make it November 8, which the agreement's stated date contradicts
    const after = checkSeparationTerms(set(input, "release.effectiveRule", "after")).errors;
    expect(after.map((e) => [e.path, e.code])).toEqual([["agreement.effectiveDate", "mismatch"]]);
    expect(after[0].message).toContain("terms.agreement.effectiveDate (2002-11-07) must equal the release's effective date, 2002-11-08");
  });

  it("M4: a cancellation or a repurchase alone needs no market", () => {
    const input = edit(tucker, {
      market: undefined,
      "awards[0].modification": { cancel: true },
      "awards[1].modification": { repurchaseUnvested: { price: "0.001", date: "2006-08-31" } },
    });
    const { terms, errors } = checkSeparationTerms(input);
    expect(errors).toEqual([]);
    expect(terms?.market).toBeUndefined();
    expect(terms?.awards.map((a) => a.modification)).toEqual([{ cancel: true }, { repurchaseUnvested: { price: "0.001", date: s("2006-08-31") } }]);
    // continued vesting stated false changes nothing either
    expect(checkSeparationTerms(set(input, "awards[0].modification", { continueVestingWhileConsulting: false })).errors).toEqual([]);
  });

  it("M3: a scenario's serviceEndDate is read into the scenario; blank = as in the terms", () => {
    const terms = readSeparationTerms(
      edit(tucker, {
        scenarios: [
          { name: "Consulting ends early", employmentEndDate: "2006-07-31", terminationReason: "resignation", serviceEndDate: "2007-01-31" },
          { name: "As agreed", employmentEndDate: "2006-07-31", terminationReason: "resignation", serviceEndDate: "" },
        ],
      }),
    );
    expect(terms.scenarios).toEqual([
      { name: "Consulting ends early", employmentEndDate: s("2006-07-31"), terminationReason: "resignation", serviceEndDate: s("2007-01-31") },
      { name: "As agreed", employmentEndDate: s("2006-07-31"), terminationReason: "resignation" },
    ]);
  });

  it("M5: release periods below the ADEA/OWBPA minimums are read as given (the model flags them)", () => {
    const terms = readSeparationTerms(edit(tucker, { release: { signedDate: "2006-07-28", deliveredDate: "2006-07-24", considerationDays: 5, revocationDays: 3 } }));
    expect(terms.release).toEqual({ signedDate: s("2006-07-28"), deliveredDate: s("2006-07-24"), considerationDays: 5, revocationDays: 3, effectiveRule: "after" });
  });

  it("dates on the edges read: grant on the last day employed, window and consulting ending on it, modified the day of a grant; WEEKENDS takes any year", () => {
    const input = edit(tucker, {
      "awards[0].grantDate": "2006-07-31",
      "awards[0].expirationDate": "2016-07-31",
      "awards[0].modification.exerciseWindow.outsideDate": "2006-07-31",
      "market.modificationDate": "2006-07-31",
      "consulting.startDate": "2006-07-01",
      "consulting.endDate": "2006-07-31",
      "consulting.hoursLog": [],
    });
    expect(checkSeparationTerms(input).errors).toEqual([]);
    const weekends = edit(withPayments, { calendar: "WEEKENDS", "salary.startDate": "1960-01-01", "payments[1].endDate": "2150-01-01" });
    expect(checkSeparationTerms(weekends).errors).toEqual([]);
  });
});

describe("the bundled samples read without a problem", () => {
  it.each(["separation-2002-almgren", "separation-2006-tucker"])("%s/TERMS.json", (dir) => {
    const file = path.join(__dirname, "..", "..", "assets", "samples", dir, "TERMS.json");
    const { terms, errors } = checkSeparationTerms(readSeparationJson(fs.readFileSync(file, "utf8"), `${dir}/TERMS.json`));
    expect(errors).toEqual([]);
    expect(terms?.executive).toMatch(/Almgren|Tucker/);
  });
});

/** One hostile input: what it changes, the path at fault, the code and a fragment of the message. */
type Row = [string, () => unknown, string, SeparationErrorCode, string];

const OPT = 'terms.awards[0] ("2003-08-01 option")';
const RS = 'terms.awards[1] ("2003-08-04 restricted stock")';
const SUP = 'terms.payments[0] ("supplemental")';
const INST = 'terms.payments[1] ("installments")';

const HOSTILE: Row[] = [
  // --- required fields, types, unknown keys --------------------------------------------------------
  ["executive missing", () => edit(tucker, { executive: undefined }), "executive", "required", "terms.executive is required (the executive's name"],
  ["executive blank", () => edit(tucker, { executive: "  " }), "executive", "required", "terms.executive is required"],
  ["executive a number", () => edit(tucker, { executive: 42 }), "executive", "type", "terms.executive (42) must be text"],
  ["agreement missing", () => edit(tucker, { agreement: undefined }), "agreement", "required", 'terms.agreement is required ({"name", "date", "effectiveDate"})'],
  ["agreement a list", () => edit(tucker, { agreement: ["x"] }), "agreement", "type", 'terms.agreement (["x"]) must be an object with the keys name, date, effectiveDate'],
  ["employment.endDate missing", () => edit(tucker, { "employment.endDate": undefined }), "employment.endDate", "required", "terms.employment.endDate is required (YYYY-MM-DD: the last day of employment)"],
  ["an unknown top-level key", () => edit(tucker, { executiv: "J" }), "executiv", "unknown-field", 'terms.executiv ("J") is not a field of TERMS.json: the fields are executive, company, agreement,'],
  [
    "an unknown key in an award's modification",
    () => edit(tucker, { "awards[0].modification.vestedshares": 3 }),
    "awards[0].modification.vestedshares",
    "unknown-field",
    `${OPT}.modification.vestedshares (3) is not a field of ${OPT}.modification: the fields are vestedShares, continueVestingWhileConsulting, exerciseWindow, cancel, repurchaseUnvested`,
  ],
  ["an unknown key in a condition", () => edit(withPayments, { "payments[0].condition.employedThru": "2006-07-31" }), "payments[0].condition.employedThru", "unknown-field", "the fields are employedThrough, terminatedWithoutCauseBefore, notForCause, anyOf"],
  [
    "anyOf inside anyOf",
    () => edit(withPayments, { "payments[0].condition.anyOf[0].anyOf": [{ notForCause: true }] }),
    "payments[0].condition.anyOf[0].anyOf",
    "unknown-field",
    `${SUP}.condition.anyOf[0].anyOf ([{"notForCause":true}]) is not a field`,
  ],
  ["an empty anyOf", () => edit(withPayments, { "payments[0].condition.anyOf": [] }), "payments[0].condition.anyOf", "range", `${SUP}.condition.anyOf ([]) must list at least one condition`],
  ["payments not a list", () => edit(tucker, { payments: "none" }), "payments", "type", 'terms.payments ("none") must be a list [...] of objects with the keys id, kind,'],
  ["an award that is not an object", () => edit(tucker, { "awards[0]": "option" }), "awards[0]", "type", 'terms.awards[0] ("option") must be an object with the keys id, kind'],
  ["a flag in quotes", () => edit(tucker, { "awards[0].incentiveStockOption": "false" }), "awards[0].incentiveStockOption", "type", `${OPT}.incentiveStockOption ("false") must be true or false, without quotes`],
  ["a termination reason not in the list", () => edit(tucker, { "employment.terminationReason": "fired" }), "employment.terminationReason", "range", 'terms.employment.terminationReason ("fired") must be "resignation", "without-cause", "for-cause" or "death-or-disability"'],
  ["a calendar not in the list", () => edit(tucker, { calendar: "NYSE" }), "calendar", "range", 'terms.calendar ("NYSE") must be "FEDERAL", "FEDERAL_CLOSURES" or "WEEKENDS"'],
  ["a pay frequency not in the list", () => edit(tucker, { payFrequency: "fortnightly" }), "payFrequency", "range", 'must be "semimonthly", "monthly", "biweekly" or "weekly"'],
  // --- dates -------------------------------------------------------------------------------------------
  ["February 30", () => edit(tucker, { "agreement.date": "2003-02-30" }), "agreement.date", "date-format", 'terms.agreement.date ("2003-02-30") is not a real date (February 2003 has 28 days)'],
  ["month 13", () => edit(tucker, { "awards[0].vestingStart": "2003-13-01" }), "awards[0].vestingStart", "date-format", `${OPT}.vestingStart ("2003-13-01") is not a real date (there is no month 13)`],
  ["a US-style date", () => edit(tucker, { "agreement.date": "07/24/2006" }), "agreement.date", "date-format", 'terms.agreement.date ("07/24/2006") must be a date written YYYY-MM-DD'],
  ["a date as a number", () => edit(tucker, { "employment.endDate": 20060731 }), "employment.endDate", "type", 'terms.employment.endDate (20060731) must be a date written as text "YYYY-MM-DD"'],
  ["a scenario's end not a date", () => edit(tucker, { "scenarios[0].employmentEndDate": "someday" }), "scenarios[0].employmentEndDate", "date-format", 'terms.scenarios[0].employmentEndDate ("someday") must be a date'],
  ["a month written as a date", () => edit(tucker, { "consulting.hoursLog[0].month": "2006-08-01" }), "consulting.hoursLog[0].month", "date-format", 'terms.consulting.hoursLog[0].month ("2006-08-01") must be a month written YYYY-MM'],
  ["a payment date that is neither a date nor an event", () => edit(withPayments, { "payments[0].date": "next friday" }), "payments[0].date", "date-format", `${SUP}.date ("next friday") must be a date written YYYY-MM-DD or one of the events "agreementEffective", "supplementalReleaseEffective", "employmentEnd" or "serviceEnd"`],
  ["a payment date that is not a real date", () => edit(withPayments, { "payments[1].startDate": "2006-02-29" }), "payments[1].startDate", "date-format", `${INST}.startDate ("2006-02-29") is not a real date (February 2006 has 28 days)`],
  ["a date inside anyOf that is not real", () => edit(withPayments, { "payments[0].condition.anyOf[1].terminatedWithoutCauseBefore": "2006-09-31" }), "payments[0].condition.anyOf[1].terminatedWithoutCauseBefore", "date-format", `${SUP}.condition.anyOf[1].terminatedWithoutCauseBefore ("2006-09-31") is not a real date (September 2006 has 30 days)`],
  // --- numbers and units -------------------------------------------------------------------------------
  ["a currency sign", () => edit(tucker, { "consulting.hourlyRate": "$500" }), "consulting.hourlyRate", "number-format", 'terms.consulting.hourlyRate ("$500") must be a number written like 185150.00 (no currency sign)'],
  ["thousands separators in money", () => edit(withPayments, { "payments[1].total": "185,150.00" }), "payments[1].total", "number-format", `${INST}.total ("185,150.00") must be a number written like 185150.00 (no thousands separators)`],
  ["thousands separators in shares", () => edit(tucker, { "awards[0].shares": "2,000,000" }), "awards[0].shares", "number-format", `${OPT}.shares ("2,000,000") must be a number written like 12 (no thousands separators)`],
  ["an exponent", () => edit(withPayments, { "payments[0].amount": "1e5" }), "payments[0].amount", "number-format", `${SUP}.amount ("1e5") must be a number written like 185150.00 (no exponent)`],
  ["a percent sign", () => edit(tucker, { "market.volatility": "70%" }), "market.volatility", "number-format", 'terms.market.volatility ("70%") must be a number written like 0.6 (no percent sign: write 0.6 for 60%)'],
  ["money past the cent", () => edit(withPayments, { "payments[0].amount": "100000.001" }), "payments[0].amount", "number-format", `${SUP}.amount ("100000.001") must be in whole cents`],
  ["a monthly cost past the cent", () => edit(tucker, { "benefits[0].monthlyCost": 1250.005 }), "benefits[0].monthlyCost", "number-format", "terms.benefits[0].monthlyCost (1250.005) must be in whole cents"],
  ["an annual salary past the cent", () => edit(withPayments, { "salary.annualSalary": "370300.555" }), "salary.annualSalary", "number-format", 'terms.salary.annualSalary ("370300.555") must be in whole cents'],
  ["negative money", () => edit(tucker, { "benefits[0].monthlyCost": -5 }), "benefits[0].monthlyCost", "range", "terms.benefits[0].monthlyCost (-5) must be at least 0 dollars a month"],
  ["money above a trillion", () => edit(tucker, { "consulting.hourlyRate": 2e12 }), "consulting.hourlyRate", "range", "terms.consulting.hourlyRate (2000000000000) must be at most 1,000,000,000,000 dollars"],
  ["money as true", () => edit(withPayments, { "payments[0].amount": true }), "payments[0].amount", "type", `${SUP}.amount (true) must be a number`],
  ["a volatility typed as a percent", () => edit(tucker, { "market.volatility": 70 }), "market.volatility", "unit", "terms.market.volatility (70) must be a decimal: 0.7 = 70%"],
  ["a risk-free rate typed as a percent", () => edit(tucker, { "market.riskFreeRate": 5 }), "market.riskFreeRate", "unit", "terms.market.riskFreeRate (5) must be a decimal: 0.05 = 5%"],
  ["a dividend yield typed as a percent", () => edit(tucker, { "market.dividendYield": "2" }), "market.dividendYield", "unit", 'terms.market.dividendYield ("2") must be a decimal: 0.02 = 2%'],
  ["a fraction vested at grant typed as a percent", () => edit(tucker, { "awards[1].vesting.upfrontFraction": 25 }), "awards[1].vesting.upfrontFraction", "unit", `${RS}.vesting.upfrontFraction (25) must be a decimal: 0.25 = 25%`],
  ["a negative volatility", () => edit(tucker, { "market.volatility": -0.1 }), "market.volatility", "range", "terms.market.volatility (-0.1) must be between 0 and 5 (a decimal: 0.6 = 60%)"],
  ["a zero stock price", () => edit(tucker, { "market.stockPrice": 0 }), "market.stockPrice", "range", "terms.market.stockPrice (0) must be above 0 and at most 1,000,000,000,000 dollars a share"],
  ["a zero exercise price", () => edit(tucker, { "awards[0].exercisePrice": 0 }), "awards[0].exercisePrice", "range", `${OPT}.exercisePrice (0) must be above 0`],
  ["half a share", () => edit(tucker, { "awards[0].shares": 2000000.5 }), "awards[0].shares", "range", `${OPT}.shares (2000000.5) must be a whole number from 1 to 1,000,000,000,000,000 shares`],
  ["half a day", () => edit(tucker, { "consulting.invoicePaymentDays": 15.5 }), "consulting.invoicePaymentDays", "range", "terms.consulting.invoicePaymentDays (15.5) must be a whole number from 0 to 3,660 days"],
  ["zero months of benefits", () => edit(tucker, { "benefits[0].months": 0 }), "benefits[0].months", "range", "terms.benefits[0].months (0) must be a whole number from 1 to 1,200 months"],
  ["more hours than a month has", () => edit(tucker, { "consulting.hoursLog[0].hours": 800 }), "consulting.hoursLog[0].hours", "range", "terms.consulting.hoursLog[0].hours (800) must be between 0 and 744 hours"],
  ["a release's days not whole", () => edit(tucker, { release: { signedDate: "2006-07-24", considerationDays: 21.5 } }), "release.considerationDays", "range", "terms.release.considerationDays (21.5) must be a whole number from 0 to 3,660 days"],
  ["a release rule not in the list", () => edit(tucker, { release: { signedDate: "2006-07-24", effectiveRule: "before" } }), "release.effectiveRule", "range", 'terms.release.effectiveRule ("before") must be "after" or "on"'],
  ["a cliff longer than the vesting", () => edit(tucker, { "awards[0].vesting.cliffMonths": 60 }), "awards[0].vesting.cliffMonths", "range", `${OPT}.vesting.cliffMonths (60) must be a whole number from 0 to ${OPT}.vesting.vestingMonths (48)`],
  // --- dates in order ----------------------------------------------------------------------------------
  [
    "signed after the consideration deadline",
    () => edit(tucker, { release: { signedDate: "2006-07-24", deliveredDate: "2006-06-01" } }),
    "release.signedDate",
    "date-order",
    "terms.release.signedDate (2006-07-24) is after the last day to consider the release, 2006-06-22 (terms.release.deliveredDate 2006-06-01 + terms.release.considerationDays 21)",
  ],
  ["signed before delivered", () => edit(tucker, { release: { signedDate: "2006-07-24", deliveredDate: "2006-07-25" } }), "release.signedDate", "date-order", "terms.release.signedDate (2006-07-24) must not precede terms.release.deliveredDate (2006-07-25)"],
  [
    "the agreement's effective date disagrees with the release's",
    () => edit(tucker, { release: { signedDate: "2006-07-24", effectiveRule: "on" } }),
    "agreement.effectiveDate",
    "mismatch",
    'terms.agreement.effectiveDate (2006-08-01) must equal the release\'s effective date, 2006-07-31 (terms.release.signedDate 2006-07-24 + terms.release.revocationDays 7, terms.release.effectiveRule "on"',
  ],
  ["a supplemental release signed before delivered", () => edit(tucker, { supplementalRelease: { signedDate: "2006-08-01", deliveredDate: "2006-08-02" } }), "supplementalRelease.signedDate", "date-order", "terms.supplementalRelease.signedDate (2006-08-01) must not precede terms.supplementalRelease.deliveredDate (2006-08-02)"],
  ["a release without its signing date", () => edit(tucker, { release: { revocationDays: 7 } }), "release.signedDate", "required", "terms.release.signedDate is required"],
  ["salary ending before it starts", () => edit(withPayments, { "salary.endDate": "2005-12-31" }), "salary.endDate", "date-order", "terms.salary.endDate (2005-12-31) must not precede terms.salary.startDate (2006-01-01)"],
  ["installments ending before they start", () => edit(withPayments, { "payments[1].endDate": "2006-07-01" }), "payments[1].endDate", "date-order", `${INST}.endDate (2006-07-01) must not precede ${INST}.startDate (2006-08-01)`],
  ["consulting ending before it starts", () => edit(tucker, { "consulting.startDate": "2006-08-15", "consulting.endDate": "2006-08-10", "consulting.hoursLog": [] }), "consulting.endDate", "date-order", "terms.consulting.endDate (2006-08-10) must not precede terms.consulting.startDate (2006-08-15)"],
  [
    "consulting ending before employment ends (B4)",
    () => edit(tucker, { "consulting.startDate": "2006-06-01", "consulting.endDate": "2006-07-15", "consulting.hoursLog": [] }),
    "consulting.endDate",
    "date-order",
    "terms.consulting.endDate (2006-07-15) must not precede terms.employment.endDate (2006-07-31): consulting follows employment",
  ],
  [
    "an award granted after employment ends (B5)",
    () => edit(tucker, { "awards[0].modification": undefined, "awards[0].grantDate": "2007-01-01", "awards[0].expirationDate": "2017-01-01" }),
    "awards[0].grantDate",
    "date-order",
    `${OPT}.grantDate (2007-01-01) must not follow terms.employment.endDate (2006-07-31): the awards are those held when employment ends`,
  ],
  [
    "an exercise window's outside date before employment ends (B5)",
    () => edit(tucker, { "awards[0].modification.exerciseWindow.outsideDate": "2005-01-01" }),
    "awards[0].modification.exerciseWindow.outsideDate",
    "date-order",
    `${OPT}.modification.exerciseWindow.outsideDate (2005-01-01) must not precede terms.employment.endDate (2006-07-31): the window the agreement sets is for exercising after employment ends`,
  ],
  [
    "a modification date before a modified award's grant (B5)",
    () => edit(tucker, { "market.modificationDate": "2003-08-02" }),
    "market.modificationDate",
    "date-order",
    `terms.market.modificationDate (2003-08-02) must not precede ${RS}.grantDate (2003-08-04): an award is modified after it is granted`,
  ],
  [
    "a scenario's service ending before its employment (M3)",
    () => edit(tucker, { "scenarios[0].serviceEndDate": "2006-07-01" }),
    "scenarios[0].serviceEndDate",
    "date-order",
    "terms.scenarios[0].serviceEndDate (2006-07-01) must not precede terms.scenarios[0].employmentEndDate (2006-07-31)",
  ],
  ["a scenario's service end not a real date (M3)", () => edit(tucker, { "scenarios[0].serviceEndDate": "2007-02-29" }), "scenarios[0].serviceEndDate", "date-format", 'terms.scenarios[0].serviceEndDate ("2007-02-29") is not a real date (February 2007 has 28 days)'],
  [
    "a salary date outside the payroll calendar (M6)",
    () => edit(withPayments, { "salary.startDate": "1960-01-01" }),
    "salary.startDate",
    "range",
    'terms.salary.startDate (1960-01-01) is outside the FEDERAL calendar\'s range, 1971-01-01 to 2099-12-31: paydays are moved to business days by terms.calendar (use "WEEKENDS" for other years)',
  ],
  [
    "an installment date outside the payroll calendar (M6)",
    () => edit(withPayments, { "payments[1].startDate": "1900-01-01" }),
    "payments[1].startDate",
    "range",
    `${INST}.startDate (1900-01-01) is outside the FEDERAL calendar's range, 1971-01-01 to 2099-12-31`,
  ],
  ["service ending before employment", () => edit(tucker, { serviceEndDate: "2006-07-01" }), "serviceEndDate", "date-order", "terms.serviceEndDate (2006-07-01) must not precede terms.employment.endDate (2006-07-31)"],
  ["an option expiring before its grant", () => edit(tucker, { "awards[0].expirationDate": "2003-07-01" }), "awards[0].expirationDate", "date-order", `${OPT}.expirationDate (2003-07-01) must not precede ${OPT}.grantDate (2003-08-01)`],
  ["a repurchase before employment ends", () => edit(tucker, { "awards[1].modification.repurchaseUnvested.date": "2006-07-30" }), "awards[1].modification.repurchaseUnvested.date", "date-order", `${RS}.modification.repurchaseUnvested.date (2006-07-30) must not precede terms.employment.endDate (2006-07-31)`],
  ["a consulting month after the period", () => edit(tucker, { "consulting.hoursLog[2]": { month: "2007-08", hours: 3 } }), "consulting.hoursLog[2].month", "date-order", 'terms.consulting.hoursLog[2].month ("2007-08") is outside the consulting period, terms.consulting.startDate (2006-08-01) to terms.consulting.endDate (2007-07-31)'],
  ["a consulting month before the period", () => edit(tucker, { "consulting.hoursLog[0].month": "2006-07" }), "consulting.hoursLog[0].month", "date-order", "is outside the consulting period"],
  ["a consulting month twice", () => edit(tucker, { "consulting.hoursLog[1].month": "2006-08" }), "consulting.hoursLog[1].month", "duplicate", 'terms.consulting.hoursLog[1].month ("2006-08") is also the month of terms.consulting.hoursLog[0]'],
  ["an invoice before its month", () => edit(tucker, { "consulting.hoursLog[0].invoiceDate": "2006-07-15" }), "consulting.hoursLog[0].invoiceDate", "date-order", "terms.consulting.hoursLog[0].invoiceDate (2006-07-15) must not precede terms.consulting.hoursLog[0].month (2006-08-01)"],
  // --- payments ----------------------------------------------------------------------------------------
  ["a lump sum without its amount", () => edit(withPayments, { "payments[0].amount": undefined }), "payments[0].amount", "required", `${SUP}.amount is required when kind is "lump-sum" (dollars in whole cents`],
  ["a lump sum without its date", () => edit(withPayments, { "payments[0].date": null }), "payments[0].date", "required", `${SUP}.date is required when kind is "lump-sum"`],
  ["installments without a total", () => edit(withPayments, { "payments[1].total": undefined }), "payments[1].total", "required", `${INST}.total is required when kind is "installments"`],
  ["installments with an amount", () => edit(withPayments, { "payments[1].amount": "5.00" }), "payments[1].amount", "not-allowed", `${INST}.amount ("5.00") is not a field of an "installments" payment: amount is for "lump-sum" only`],
  ["a salary balance without its through date", () => edit(withPayments, { "payments[2].through": undefined }), "payments[2].through", "required", 'terms.payments[2] ("balance").through is required when kind is "salary-balance"'],
  ["a salary balance without a salary", () => edit(withPayments, { salary: undefined }), "payments[2].kind", "required", 'terms.payments[2] ("balance").kind ("salary-balance") needs terms.salary'],
  ["the supplemental release's effective date without one", () => edit(withPayments, { supplementalRelease: undefined }), "payments[0].date", "required", `${SUP}.date ("supplementalReleaseEffective") needs terms.supplementalRelease`],
  ["a payment kind not in the list", () => edit(withPayments, { "payments[2].kind": "bonus" }), "payments[2].kind", "range", 'must be "lump-sum", "installments" or "salary-balance"'],
  ["two payments with one id", () => edit(withPayments, { "payments[2].id": "supplemental" }), "payments[2].id", "duplicate", 'terms.payments[2] ("supplemental").id ("supplemental") is also the id of terms.payments[0] ("supplemental")'],
  ["a condition flag as text", () => edit(withPayments, { "payments[1].condition.notForCause": "yes" }), "payments[1].condition.notForCause", "type", `${INST}.condition.notForCause ("yes") must be true or false`],
  // --- awards and their modifications ------------------------------------------------------------------
  ["an option without its exercise price", () => edit(tucker, { "awards[0].exercisePrice": undefined }), "awards[0].exercisePrice", "required", `${OPT}.exercisePrice is required when kind is "option" (options only: dollars a share`],
  ["an option without its expiration", () => edit(tucker, { "awards[0].expirationDate": undefined }), "awards[0].expirationDate", "required", `${OPT}.expirationDate is required when kind is "option"`],
  ["an option without its post-termination months", () => edit(tucker, { "awards[0].postTerminationMonths": undefined }), "awards[0].postTerminationMonths", "required", `${OPT}.postTerminationMonths is required when kind is "option"`],
  ["an award without vesting", () => edit(tucker, { "awards[1].vesting": undefined }), "awards[1].vesting", "required", `${RS}.vesting is required (the schedule`],
  ["restricted stock with an exercise price", () => edit(tucker, { "awards[1].exercisePrice": 1 }), "awards[1].exercisePrice", "not-allowed", `${RS}.exercisePrice (1) is not a field of a "restricted-stock" award: exercisePrice is for "option" awards only`],
  ["restricted stock as an ISO", () => edit(tucker, { "awards[1].incentiveStockOption": true }), "awards[1].incentiveStockOption", "not-allowed", 'incentiveStockOption is for "option" awards only'],
  ["an option with a purchase price", () => edit(tucker, { "awards[0].purchasePrice": "0.01" }), "awards[0].purchasePrice", "not-allowed", `${OPT}.purchasePrice ("0.01") is not a field of an "option" award`],
  ["two awards with one id", () => edit(tucker, { "awards[1].id": "2003-08-01 option" }), "awards[1].id", "duplicate", `terms.awards[1] ("2003-08-01 option").id ("2003-08-01 option") is also the id of ${OPT}: award ids must be unique`],
  ["vested shares above the award's", () => edit(tucker, { "awards[1].modification.vestedShares": 600000 }), "awards[1].modification.vestedShares", "range", `${RS}.modification.vestedShares (600000) must be at most the award's shares (500000)`],
  ["cancel with another modification", () => edit(tucker, { "awards[0].modification": { cancel: true, vestedShares: 1500000 } }), "awards[0].modification.vestedShares", "not-allowed", `${OPT}.modification.vestedShares (1500000) cannot be given with ${OPT}.modification.cancel (true)`],
  ["an exercise window on restricted stock", () => edit(tucker, { "awards[1].modification.exerciseWindow": { outsideDate: "2007-07-31", monthsAfterServiceEnds: 3 } }), "awards[1].modification.exerciseWindow", "not-allowed", `${RS}.modification.exerciseWindow ({"outsideDate":"2007-07-31","monthsAfterServiceEnds":3}) is for "option" awards only`],
  ["a repurchase of an option", () => edit(tucker, { "awards[0].modification.repurchaseUnvested": { price: "0.001", date: "2006-08-31" } }), "awards[0].modification.repurchaseUnvested", "not-allowed", 'is for "restricted-stock" awards only, not "option"'],
  ["an exercise window without its months", () => edit(tucker, { "awards[0].modification.exerciseWindow.monthsAfterServiceEnds": undefined }), "awards[0].modification.exerciseWindow.monthsAfterServiceEnds", "required", `${OPT}.modification.exerciseWindow.monthsAfterServiceEnds is required`],
  [
    "vesting while consulting with no consulting",
    () => edit(tucker, { consulting: undefined, "awards[0].modification": { continueVestingWhileConsulting: true } }),
    "awards[0].modification.continueVestingWhileConsulting",
    "required",
    `${OPT}.modification.continueVestingWhileConsulting (true) needs terms.consulting or terms.serviceEndDate`,
  ],
  [
    "vesting while consulting and a stated number of shares",
    () => edit(tucker, { "awards[0].modification.continueVestingWhileConsulting": true }),
    "awards[0].modification.continueVestingWhileConsulting",
    "not-allowed",
    `cannot be given with ${OPT}.modification.vestedShares (1500000)`,
  ],
  [
    "an option modification without a market",
    () => edit(tucker, { market: undefined }),
    "market",
    "required",
    `terms.market is required (the stock's market on the modification date, for the ASC 718 values): ${OPT} needs valuing (${OPT}.modification.vestedShares, ${OPT}.modification.exerciseWindow)`,
  ],
  [
    "restricted stock vested as to a number of shares, without a market (M4)",
    () => edit(tucker, { market: undefined, "awards[0].modification": { cancel: true } }),
    "market",
    "required",
    `terms.market is required (the stock's market on the modification date, for the ASC 718 values): ${RS} needs valuing (${RS}.modification.vestedShares)`,
  ],
  [
    "an option vesting while consulting, without a market (M4)",
    () => edit(tucker, { market: undefined, "awards[0].modification": { continueVestingWhileConsulting: true }, "awards[1].modification.vestedShares": undefined }),
    "market",
    "required",
    `${OPT} needs valuing (${OPT}.modification.continueVestingWhileConsulting)`,
  ],
  ["a market without its modification date", () => edit(tucker, { "market.modificationDate": undefined }), "market.modificationDate", "required", "terms.market.modificationDate is required (YYYY-MM-DD"],
  // --- not an object at all ---------------------------------------------------------------------------
  ["a list instead of an object", () => [tucker()], "", "not-an-object", "TERMS.json must be a JSON object"],
];

describe("hostile input: each row one problem, named by its path, with the value as typed", () => {
  it("has a row for every code a problem may have (but json-syntax, tested below)", () => {
    const codes = new Set(HOSTILE.map((r) => r[3]));
    for (const code of ["not-an-object", "unknown-field", "required", "type", "number-format", "date-format", "range", "unit", "date-order", "mismatch", "duplicate", "not-allowed"]) {
      expect(codes).toContain(code);
    }
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HOSTILE)("%s", (_what, input, at, code, fragment) => {
    const { terms, errors } = checkSeparationTerms(input());
    expect(terms).toBeUndefined();
    expect(errors.map((e) => [e.path, e.code])).toEqual([[at, code]]);
    expect(errors[0].message).toContain(fragment);
  });
});

describe("every problem at once, and the error thrown", () => {
  const input = edit(tucker, {
    executive: undefined,
    "agreement.date": "2003-02-30",
    "market.volatility": 60,
    "awards[1].modification.vestedShares": 600000,
  });

  it("lists each problem, in the order of the fields", () => {
    expect(checkSeparationTerms(input).errors.map((e) => e.path)).toEqual(["executive", "agreement.date", "awards[1].modification.vestedShares", "market.volatility"]);
  });

  it("each problem's reason is its message without the field's name, for a form that shows its own label", () => {
    const byPath = new Map(checkSeparationTerms(input).errors.map((e) => [e.path, e]));
    expect(byPath.get("executive")?.reason).toMatch(/^is required \(/);
    expect(byPath.get("agreement.date")?.reason).toBe('("2003-02-30") is not a real date (February 2003 has 28 days)');
    expect(byPath.get("market.volatility")?.message).toBe(`terms.market.volatility ${byPath.get("market.volatility")?.reason}`);
    expect(byPath.get("awards[1].modification.vestedShares")?.message).toBe(`terms.awards[1] ("2003-08-04 restricted stock").modification.vestedShares ${byPath.get("awards[1].modification.vestedShares")?.reason}`);
  });

  it("readSeparationTerms throws a SeparationTermsError (#VALUE!) whose message joins them with '; '", () => {
    const error = thrown(() => readSeparationTerms(input), SeparationTermsError);
    expect(error).toBeInstanceOf(CalcError);
    expect(error.code).toBe("#VALUE!");
    expect(error.key).toBe("separationTermsInvalid");
    expect(error.errors).toHaveLength(4);
    expect(error.message).toBe(error.errors.map((e) => e.message).join("; "));
    expect(error.message).toContain('terms.agreement.date ("2003-02-30") is not a real date (February 2003 has 28 days); ');
  });

  it.each([undefined, null, 42, "TERMS", true, [], {}, { awards: [null, 1, "x", []] }, { payments: [{ condition: { anyOf: "x" } }] }, { consulting: { hoursLog: [{}] } }])(
    "never throws for bad input: %p",
    (bad) => {
      const { terms, errors } = checkSeparationTerms(bad);
      expect(terms).toBeUndefined();
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.message.length).toBeGreaterThan(10);
    },
  );

  it("an empty object names every required top-level field", () => {
    expect(checkSeparationTerms({}).errors.map((e) => [e.path, e.code])).toEqual([
      ["executive", "required"],
      ["company", "required"],
      ["agreement", "required"],
      ["employment", "required"],
    ]);
  });
});

describe("TERMS.json text", () => {
  it("reads JSON, skipping a byte order mark", () => {
    expect(readSeparationJson('\uFEFF{"executive": "John R. Tucker"}')).toEqual({ executive: "John R. Tucker" });
  });

  it.each([
    ['{\n  "executive": "J"\n  "company": "C"\n}', 'TERMS.json line 3, column 3: expected "," or "}" after a value, found \'"\''],
    ['{"executive": "J",}', 'TERMS.json line 1, column 19: a trailing comma before "}"'],
    ['{"executive": "J", "executive": "K"}', 'TERMS.json line 1, column 20: "executive" appears twice in one object (first at line 1)'],
  ])("a syntax error names its line and column: %j", (text, message) => {
    const error = thrown(() => readSeparationJson(text), SeparationTermsError);
    expect(error.errors).toEqual([{ path: "", code: "json-syntax", message, reason: message }]);
    expect(error.code).toBe("#VALUE!");
  });

  it("names the file it was given", () => {
    expect(thrown(() => readSeparationJson("{", "seed-001/TERMS.json"), SeparationTermsError).message).toMatch(/^seed-001\/TERMS\.json line 1, column 2: /);
  });
});

describe("the schema and its field guide", () => {
  const GUIDE = fs.readFileSync(path.join(__dirname, "..", "..", "assets", "samples", "SEPARATION-TERMS.md"), "utf8");
  /** The guide's table rows: path -> the row's cells. */
  const rows = new Map(
    GUIDE.split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => {
        const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
        return [cells[0].replace(/`/g, ""), cells] as const;
      }),
  );

  it("the guide has one row for every field path of SEPARATION_SCHEMA, and no other", () => {
    const paths = separationFieldPaths();
    expect(paths).toContain("payments[].condition.anyOf[].employedThrough");
    expect(paths).toContain("awards[].modification.repurchaseUnvested.price");
    expect([...rows.keys()].sort()).toEqual([...paths].sort());
  });

  it("each row states the field's kind, unit and whether it is required or what a blank means, as the schema does", () => {
    for (const p of separationFieldPaths()) {
      const f = separationField(p) as TermsFieldDef;
      const [, kind, unit, required] = rows.get(p) as readonly string[];
      expect([p, kind.split(":")[0]]).toEqual([p, f.kind]);
      expect([p, unit]).toEqual([p, f.unit ?? ""]);
      if (f.required) expect([p, required]).toEqual([p, "required"]);
      else if (f.requiredWhen) expect([p, required]).toEqual([p, `required when ${f.requiredWhen}`]);
      else expect([p, required]).toEqual([p, `optional; blank = ${f.blankMeans}`]);
    }
  });

  it("a field only some kinds take says which, at the start of its row's text (from its shownWhen); no other row does", () => {
    for (const p of separationFieldPaths()) {
      const text = (rows.get(p) as readonly string[])[4];
      const words = shownWhenWords(p);
      if (words) expect([p, text.startsWith(`(only when ${words}) `)]).toEqual([p, true]);
      else expect([p, text.startsWith("(only when")]).toEqual([p, false]);
    }
  });

  it("every optional field says what a blank means or when it is required; choices and events are listed", () => {
    const walk = (fields: readonly TermsFieldDef[]): void => {
      for (const f of fields) {
        if (!f.required) expect([f.key, f.blankMeans !== undefined || f.requiredWhen !== undefined]).toEqual([f.key, true]);
        if (f.required) expect([f.key, f.blankMeans]).toEqual([f.key, undefined]);
        if (f.kind === "dateRef") expect(f.choices).toEqual(DATE_EVENTS);
        if (f.kind === "choice") expect(f.choices?.length).toBeGreaterThan(1);
        expect([f.key, f.fields !== undefined]).toEqual([f.key, f.kind === "object" || f.kind === "list"]);
        expect(f.hint.length).toBeGreaterThan(5);
        if (f.fields) walk(f.fields);
      }
    };
    walk(SEPARATION_SCHEMA);
  });
});

describe("the schema's shownWhen agrees with the reader's rules", () => {
  /** A valid item of each kind (from withPayments()'s payments and tucker()'s awards), with its kind-specific keys taken out. */
  const payment = (kind: string): Json => {
    const item = (withPayments().payments as Json[]).find((p) => p.kind === kind) as Json;
    return { id: item.id, kind, description: item.description };
  };
  const award = (kind: string): Json => {
    const item = (tucker().awards as Json[]).find((a) => a.kind === kind) as Json;
    return { id: item.id, kind, grantDate: item.grantDate, shares: item.shares, vesting: item.vesting };
  };
  /** A value each field reads (the reader's rules between fields all hold with it). */
  const SAMPLE: Record<string, unknown> = {
    amount: "100000.00",
    total: "185150.00",
    date: "employmentEnd",
    startDate: "2006-08-01",
    endDate: "2007-08-01",
    frequency: "monthly",
    through: "2006-07-31",
    incentiveStockOption: true,
    exercisePrice: 1.18,
    purchasePrice: "0.001",
    expirationDate: "2013-08-01",
    postTerminationMonths: 3,
    exerciseWindow: { outsideDate: "2007-07-31", monthsAfterServiceEnds: 3 },
    repurchaseUnvested: { price: "0.001", date: "2006-08-31" },
    vestedShares: 1000,
    continueVestingWhileConsulting: true,
    plan: "inducement grant",
    vestingStart: "2003-08-01",
  };
  const fieldsOf = (p: string) => (separationField(p) as TermsFieldDef).fields as readonly TermsFieldDef[];
  /** The problems at `at` of the terms with `value` set there, in an item of this kind. */
  const problemsAt = (list: "payments" | "awards", item: Json, at: string, value: unknown) => {
    const terms = list === "payments" ? { ...withPayments(), payments: [item] } : { ...tucker(), awards: [item] };
    set(terms, `${list}[0].${at}`, value);
    return checkSeparationTerms(terms).errors.filter((e) => e.path === `${list}[0].${at}`);
  };
  const cases: [name: string, list: "payments" | "awards", kinds: readonly string[], make: (kind: string) => Json, prefix: string][] = [
    ["a payment's fields", "payments", ["lump-sum", "installments", "salary-balance"], payment, ""],
    ["an award's fields", "awards", ["option", "restricted-stock"], award, ""],
    ["a modification's fields (by the award's kind)", "awards", ["option", "restricted-stock"], (kind) => ({ ...award(kind), modification: {} }), "modification."],
  ];

  it.each(cases)("%s: one hidden for a kind is refused by the reader when given, one shown is accepted", (_name, list, kinds, make, prefix) => {
    const schemaPath = `${list}[].${prefix.replace(/\.$/, "")}`.replace(/\.$/, "");
    const fields = fieldsOf(schemaPath);
    const checked: string[] = [];
    for (const kind of kinds) {
      // the item of this kind with every field it requires: the kind-specific keys the reader asks for
      const item = make(kind);
      for (const f of fields) {
        if (f.shownWhen?.is.includes(kind) && f.requiredWhen !== undefined) set(item, `${prefix}${f.key}`, SAMPLE[f.key]);
      }
      for (const f of fields.filter((d) => SAMPLE[d.key] !== undefined)) {
        const shown = f.shownWhen === undefined || f.shownWhen.is.includes(kind);
        const problems = problemsAt(list, structuredClone(item), `${prefix}${f.key}`, SAMPLE[f.key]);
        if (shown) expect([kind, f.key, problems]).toEqual([kind, f.key, []]);
        else expect([kind, f.key, problems.map((e) => e.code)]).toEqual([kind, f.key, ["not-allowed"]]);
        checked.push(`${kind} ${f.key}`);
      }
    }
    // every kind-specific field was tried with each kind
    for (const f of fields.filter((d) => d.shownWhen)) for (const kind of kinds) expect(checked).toContain(`${kind} ${f.key}`);
  });

  it("a modification's fields look up the award's kind ('../kind'); the others their own object's kind", () => {
    const keysOf = (p: string) => fieldsOf(p).filter((f) => f.shownWhen).map((f) => [f.key, f.shownWhen?.key]);
    expect(keysOf("awards[].modification")).toEqual([
      ["exerciseWindow", "../kind"],
      ["repurchaseUnvested", "../kind"],
    ]);
    expect(new Set(keysOf("payments[]").map(([, k]) => k))).toEqual(new Set(["kind"]));
    expect(new Set(keysOf("awards[]").map(([, k]) => k))).toEqual(new Set(["kind"]));
    expect(shownWhenWords("awards[].modification.exerciseWindow")).toBe('awards[].kind is "option"');
    expect(shownWhenWords("payments[].date")).toBe('kind is "lump-sum" or "salary-balance"');
    expect(shownWhenWords("awards[].shares")).toBeUndefined();
  });
});
