/**
 * Reading an offer (OFFER.json or the pane's form): nothing of one offer comes from another, units,
 * the number grammar, date order, text types, and OFFER.json's text (BOM, syntax errors by line and
 * column). Each table row is one input and the outcome expected for it.
 */
import * as fs from "fs";
import * as path from "path";
import { CalcError } from "../../src/core/errors";
import { isoToSerial } from "../../src/core/dates/serial";
import { checkOfferTerms, OfferFieldError, OfferTermsError, readOfferJson, readOfferTerms } from "../../src/core/offer/offerTerms";
import { SEED_OFFER } from "../support/seedOffer";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const day = (iso: string) => isoToSerial(iso) as number;

const BASE: Record<string, unknown> = { ...SEED_OFFER };

/** The offer with some fields changed; `undefined` leaves a field out. */
function offer(patch: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = { ...BASE, ...patch };
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

const err = (field: string, code: OfferFieldError["code"], message: string, fields: string[] = [field]): OfferFieldError => ({ field, fields, code, message });

const REQUIRED = [
  "issuerName", "valuationDate", "stockPrice", "volatility", "riskFreeRate", "exercisePriceThreshold",
  "eligibleHolderClasses", "eligibleCountries", "commencementDate", "expirationDate", "cancellationDate", "filingDate",
];

describe("the seed's offer, every field stated, reads as written", () => {
  it("dates become serials, lists are normalized, conventions take their defaults", () => {
    expect(readOfferTerms(BASE)).toEqual({
      issuerName: "Capstone Turbine Corporation",
      valuationDate: 37795, // Excel: =DATE(2003,6,23)
      stockPrice: 1.27,
      volatility: 0.9,
      riskFreeRate: 0.03,
      dividendYield: 0,
      exercisePriceThreshold: 2,
      eligibleHolderClasses: ["employee"],
      eligibleCountries: ["US"],
      commencementDate: 37797,
      expirationDate: 37826,
      cancellationDate: 37827,
      filingDate: 37797,
      feeRatePerMillion: undefined,
      feeRounding: "cent",
      termBasis: "remaining",
      sharesOutstanding: undefined,
      feesPreviouslyPaid: "0",
      // the valuation model: the convention (the seed's offer names none), no lattice assumptions
      valuationModel: "black-scholes",
      vestingYears: undefined,
      exitRate: undefined,
      exerciseMultiple: undefined,
      stepsPerYear: undefined,
      // the elections fields, as the seed states them (test/support/seedOffer.ts cites its text)
      expirationTime: 17 * 60, // 5:00 p.m.
      timeZone: "America/Los_Angeles",
      acceptedChannels: ["fax", "hand"],
      newOptionLifeYears: 10,
      newOptionVesting: { vestingMonths: 42, cliffMonths: 0, upfrontFraction: 0.125, intervalMonths: 1 },
      exchangeRatio: 1,
      splitFactor: 1,
      newOptionRounding: "floor-per-grant",
      newGrantDate: undefined, // NEW_GRANT_DATE(cancellation), figured by the elections
      amendments: [
        {
          date: 37811, // Excel: =DATE(2003,7,9)
          considerationChanged: false,
          numberSoughtChanged: false,
          description: "Amendment No. 1: sole to reasonable discretion; Promise to Grant within three business days of cancellation; added disclosures (Schedule B)",
        },
      ],
    });
  });
});

describe("issue 7: each observation is now an error naming the field and the value", () => {
  it.each<[string, unknown, OfferFieldError[]]>([
    [
      "only volatility and riskFreeRate: nothing is filled from the 2003 example",
      { volatility: 0.9, riskFreeRate: 0.03 },
      REQUIRED.filter((f) => f !== "volatility" && f !== "riskFreeRate").map((f) => err(f, "required", expect.stringMatching(new RegExp(`^offer\\.${f} is required \\(`)) as unknown as string)),
    ],
    [
      "a fee rate per dollar, as Exhibit 107 prints it",
      offer({ feeRatePerMillion: 0.0000809 }),
      [err("feeRatePerMillion", "unit", "offer.feeRatePerMillion (0.0000809) is below 1 per $1,000,000: it looks like a rate per dollar; per $1,000,000 that is 80.90")],
    ],
    [
      "a dividend yield of 5 (meant 5%)",
      offer({ dividendYield: 5 }),
      [err("dividendYield", "unit", "offer.dividendYield (5) is outside -1 to 1: the yield is a decimal, 0.9 = 90% (5% would be 0.05)")],
    ],
    [
      "volatility 50 (meant 50%)",
      offer({ volatility: 50 }),
      [err("volatility", "unit", "offer.volatility (50) is above 5 (500%): volatility is a decimal, 0.9 = 90% (50% would be 0.5)")],
    ],
    [
      "a rate of 3 (meant 3%)",
      offer({ riskFreeRate: 3 }),
      [err("riskFreeRate", "unit", "offer.riskFreeRate (3) is outside -1 to 1: the rate is a decimal, 0.9 = 90% (3% would be 0.03)")],
    ],
    [
      '"0x50" (Number() reads 80)',
      offer({ stockPrice: "0x50" }),
      [err("stockPrice", "number-format", 'offer.stockPrice ("0x50") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)')],
    ],
    [
      "a valuation date after the offer's expiration (filed after expiry, as a final amendment is)",
      offer({ valuationDate: "2003-07-28", filingDate: "2003-08-01" }),
      [err("valuationDate", "date-order", "offer.valuationDate (2003-07-28) is after offer.expirationDate (2003-07-24): the valuation date must be on or before the offer's expiration", ["valuationDate", "expirationDate"])],
    ],
    [
      'issuerName {"a":1} (the footnote printed [object Object])',
      offer({ issuerName: { a: 1 } }),
      [err("issuerName", "type", 'offer.issuerName ({"a":1}) must be text')],
    ],
    [
      "a FY2027 filing date without a rate: named as the offer's fields, not rate_per_million",
      // another offer: the seed's 2003 amendment is not one of its own
      offer({ valuationDate: "2026-10-30", commencementDate: "2026-11-02", filingDate: "2026-11-02", expirationDate: "2026-12-01", cancellationDate: "2026-12-02", amendments: undefined }),
      [err("feeRatePerMillion", "fee-rate-unknown", "offer.feeRatePerMillion is required for offer.filingDate 2026-11-02: the SEC fee rate for fiscal 2027 is not on file", ["feeRatePerMillion", "filingDate"])],
    ],
  ])("%s", (_, input, expected) => {
    expect(checkOfferTerms(input)).toEqual({ errors: expected });
    expect(() => readOfferTerms(input)).toThrow(OfferTermsError);
  });

  it("a UTF-8 BOM before OFFER.json is skipped", () => {
    expect(readOfferJson("\uFEFF" + JSON.stringify(BASE))).toEqual(BASE);
  });

  it("every problem at once, in field order, and one CalcError listing them", () => {
    const input = offer({ stockPrice: "0x50", volatility: 50, riskFreeRate: 3 });
    expect(checkOfferTerms(input).errors.map((e) => e.field)).toEqual(["stockPrice", "volatility", "riskFreeRate"]);
    let thrown: unknown;
    try {
      readOfferTerms(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CalcError);
    expect((thrown as OfferTermsError).code).toBe("#VALUE!");
    expect((thrown as OfferTermsError).errors).toHaveLength(3);
    expect((thrown as OfferTermsError).message).toBe((thrown as OfferTermsError).errors.map((e) => e.message).join("; "));
  });
});

describe("required fields: each one left out, or blank, is an error naming it", () => {
  it.each(REQUIRED.flatMap((f) => [[f, undefined], [f, null], [f, ""], [f, "  "]] as [string, unknown][]))("%s = %p", (name, value) => {
    const { terms, errors } = checkOfferTerms(offer({ [name]: value === undefined ? undefined : value }));
    expect(terms).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: name, fields: [name], code: "required" });
    expect(errors[0].message).toMatch(new RegExp(`^offer\\.${name} is required \\(.+\\)$`));
  });
});

describe("conventions: only these may be left out", () => {
  it.each<[string, unknown, unknown]>([
    ["dividendYield", undefined, 0],
    ["feeRounding", undefined, "cent"],
    ["termBasis", undefined, "remaining"],
    ["feesPreviouslyPaid", undefined, "0"],
    ["feeRatePerMillion", undefined, undefined], // = FEE_RATE(filingDate), looked up when valued
    ["feeRatePerMillion", null, undefined],
    ["sharesOutstanding", undefined, undefined], // the % of common stock is not shown
    ["feeRounding", "Dollar", "dollar"],
    ["termBasis", " simplified ", "simplified"],
    ["feesPreviouslyPaid", "80.22", "80.22"],
    ["feeRatePerMillion", 80.9, "80.9"],
    ["feeRatePerMillion", "138.10", "138.1"],
  ])("%s = %p reads as %p", (name, value, expected) => {
    const terms = readOfferTerms(offer({ [name]: value }));
    expect(terms[name as keyof typeof terms]).toEqual(expected);
  });
});

describe("numbers: JSON numbers, or text in plain decimal notation", () => {
  it.each<[unknown, number]>([
    ["1.27", 1.27],
    [" 1.27 ", 1.27],
    ["+1.27", 1.27],
    [".5", 0.5],
    ["5.", 5],
    ["0001.50", 1.5],
    [1.27, 1.27],
  ])("stockPrice %p reads as %p", (value, expected) => {
    expect(readOfferTerms(offer({ stockPrice: value })).stockPrice).toBe(expected);
  });

  const FORMAT = "must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)";
  it.each<[unknown, OfferFieldError["code"], string]>([
    ["0x50", "number-format", `("0x50") ${FORMAT}`],
    ["0b101", "number-format", `("0b101") ${FORMAT}`],
    ["1e3", "number-format", `("1e3") ${FORMAT}`],
    ["1,270", "number-format", `("1,270") ${FORMAT}`],
    ["1 270", "number-format", `("1 270") ${FORMAT}`],
    ["$1.27", "number-format", `("$1.27") ${FORMAT}`],
    ["127%", "number-format", `("127%") ${FORMAT}`],
    ["1.2.7", "number-format", `("1.2.7") ${FORMAT}`],
    ["1_270", "number-format", `("1_270") ${FORMAT}`],
    ["Infinity", "number-format", `("Infinity") ${FORMAT}`],
    ["NaN", "number-format", `("NaN") ${FORMAT}`],
    ["\u22121.27", "number-format", `("\u22121.27") ${FORMAT}`], // U+2212 MINUS SIGN
    ["\u0661", "number-format", `("\u0661") ${FORMAT}`], // ARABIC-INDIC DIGIT ONE
    [Infinity, "number-format", "(Infinity) must be a finite number"],
    [true, "type", "(true) must be a number"],
    [[1.27], "type", "([1.27]) must be a number"],
    [{ value: 1.27 }, "type", '({"value":1.27}) must be a number'],
  ])("stockPrice %p is an error", (value, code, message) => {
    expect(checkOfferTerms(offer({ stockPrice: value })).errors).toEqual([err("stockPrice", code, `offer.stockPrice ${message}`)]);
  });

  it("a JSON number too large for a double (1e400) is refused, not read as Infinity", () => {
    const input = readOfferJson(JSON.stringify(BASE).replace('"stockPrice":1.27', '"stockPrice":1e400'));
    expect(checkOfferTerms(input).errors).toEqual([err("stockPrice", "number-format", "offer.stockPrice (Infinity) must be a finite number")]);
  });
});

describe("ranges and units (0.9 = 90%)", () => {
  it.each<[string, unknown, OfferFieldError["code"] | undefined, string]>([
    ["volatility", 0, undefined, ""],
    ["volatility", 5, undefined, ""],
    ["volatility", 5.01, "unit", "offer.volatility (5.01) is above 5 (500%): volatility is a decimal, 0.9 = 90% (5.01% would be 0.0501)"],
    ["volatility", "90", "unit", 'offer.volatility ("90") is above 5 (500%): volatility is a decimal, 0.9 = 90% (90% would be 0.9)'],
    ["volatility", -0.2, "range", "offer.volatility (-0.2) must be >= 0"],
    ["riskFreeRate", -1, undefined, ""],
    ["riskFreeRate", 1, undefined, ""],
    ["riskFreeRate", -0.005, undefined, ""],
    ["riskFreeRate", 1.5, "unit", "offer.riskFreeRate (1.5) is outside -1 to 1: the rate is a decimal, 0.9 = 90% (1.5% would be 0.015)"],
    ["riskFreeRate", -2, "unit", "offer.riskFreeRate (-2) is outside -1 to 1: the rate is a decimal, 0.9 = 90% (-2% would be -0.02)"],
    ["dividendYield", 0.02, undefined, ""],
    ["dividendYield", "2", "unit", 'offer.dividendYield ("2") is outside -1 to 1: the yield is a decimal, 0.9 = 90% (2% would be 0.02)'],
    ["stockPrice", 0, "range", "offer.stockPrice (0) must be > 0"],
    ["stockPrice", -1.27, "range", "offer.stockPrice (-1.27) must be > 0"],
    ["exercisePriceThreshold", 0, undefined, ""],
    ["exercisePriceThreshold", -2, "range", "offer.exercisePriceThreshold (-2) must be >= 0"],
    ["sharesOutstanding", 81433162, undefined, ""],
    ["sharesOutstanding", "81433162", undefined, ""],
    ["sharesOutstanding", 81433162.5, "range", "offer.sharesOutstanding (81433162.5) must be a whole number of shares >= 1"],
    ["sharesOutstanding", "81,433,162", "number-format", 'offer.sharesOutstanding ("81,433,162") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)'],
    ["sharesOutstanding", 0, "range", "offer.sharesOutstanding (0) must be a whole number of shares >= 1"],
    ["feeRatePerMillion", 1, undefined, ""],
    ["feeRatePerMillion", "80.90", undefined, ""],
    // 0.0001267 x 1,000,000 = 126.70 (FY2004's rate written per dollar)
    ["feeRatePerMillion", "0.0001267", "unit", 'offer.feeRatePerMillion ("0.0001267") is below 1 per $1,000,000: it looks like a rate per dollar; per $1,000,000 that is 126.70'],
    // 0.000080912 x 1,000,000 = 80.912: more than two decimals are kept
    ["feeRatePerMillion", 0.000080912, "unit", "offer.feeRatePerMillion (0.000080912) is below 1 per $1,000,000: it looks like a rate per dollar; per $1,000,000 that is 80.912"],
    ["feeRatePerMillion", 0.99, "unit", "offer.feeRatePerMillion (0.99) is below 1 per $1,000,000: it looks like a rate per dollar; per $1,000,000 that is 990000.00"],
    ["feeRatePerMillion", 0, "range", "offer.feeRatePerMillion (0) must be > 0"],
    ["feeRatePerMillion", "-80.90", "range", 'offer.feeRatePerMillion ("-80.90") must be > 0'],
    ["feeRatePerMillion", 1000001, "range", "offer.feeRatePerMillion (1000001) must be at most 1,000,000 dollars per $1,000,000"],
    ["feesPreviouslyPaid", "80.22", undefined, ""],
    ["feesPreviouslyPaid", "80.225", "range", 'offer.feesPreviouslyPaid ("80.225") must be in whole cents'],
    ["feesPreviouslyPaid", -1, "range", "offer.feesPreviouslyPaid (-1) must be >= 0"],
  ])("%s = %p", (name, value, code, message) => {
    const { errors } = checkOfferTerms(offer({ [name]: value }));
    expect(errors).toEqual(code ? [err(name, code, message)] : []);
  });
});

describe("dates: YYYY-MM-DD text, in order, each error naming both fields", () => {
  it.each<[string, Record<string, unknown>, OfferFieldError[]]>([
    ["the seed's dates", {}, []],
    ["all on one day", { valuationDate: "2003-06-25", commencementDate: "2003-06-25", expirationDate: "2003-06-25", cancellationDate: "2003-06-25", filingDate: "2003-06-25" }, []],
    ["filed after expiry (a final amendment)", { filingDate: "2003-08-05" }, []],
    [
      "valued after filing",
      { valuationDate: "2003-06-26" },
      [err("valuationDate", "date-order", "offer.valuationDate (2003-06-26) is after offer.filingDate (2003-06-25): the valuation date must be on or before the filing date", ["valuationDate", "filingDate"])],
    ],
    [
      "valued after expiration and after filing",
      { valuationDate: "2003-07-28" },
      [
        err("valuationDate", "date-order", "offer.valuationDate (2003-07-28) is after offer.filingDate (2003-06-25): the valuation date must be on or before the filing date", ["valuationDate", "filingDate"]),
        err("valuationDate", "date-order", "offer.valuationDate (2003-07-28) is after offer.expirationDate (2003-07-24): the valuation date must be on or before the offer's expiration", ["valuationDate", "expirationDate"]),
      ],
    ],
    [
      "commenced after expiration",
      { commencementDate: "2003-07-25" },
      [
        err("commencementDate", "date-order", "offer.commencementDate (2003-07-25) is after offer.expirationDate (2003-07-24): the offer must commence on or before it expires", ["commencementDate", "expirationDate"]),
        // and the seed's amendment (July 9) would then come before the offer commenced
        err("amendments[0].date", "date-order", "offer.amendments[0].date (2003-07-09) is before offer.commencementDate (2003-07-25): an offer is amended on or after it commences", ["amendments[0].date", "commencementDate", "amendments"]),
      ],
    ],
    [
      "expires after cancellation",
      { expirationDate: "2003-07-26" },
      [err("expirationDate", "date-order", "offer.expirationDate (2003-07-26) is after offer.cancellationDate (2003-07-25): options are cancelled on or after the offer expires", ["expirationDate", "cancellationDate"])],
    ],
    ["US order", { valuationDate: "06/23/2003" }, [err("valuationDate", "date-format", 'offer.valuationDate ("06/23/2003") must be a real date written YYYY-MM-DD')]],
    ["no such day", { valuationDate: "2003-02-29" }, [err("valuationDate", "date-format", 'offer.valuationDate ("2003-02-29") must be a real date written YYYY-MM-DD')]],
    ["one-digit month", { valuationDate: "2003-6-23" }, [err("valuationDate", "date-format", 'offer.valuationDate ("2003-6-23") must be a real date written YYYY-MM-DD')]],
    ["an Excel serial", { valuationDate: 37795 }, [err("valuationDate", "type", 'offer.valuationDate (37795) must be a date written as text "YYYY-MM-DD"')]],
    ["a year", { filingDate: 2003 }, [err("filingDate", "type", 'offer.filingDate (2003) must be a date written as text "YYYY-MM-DD"')]],
  ])("%s", (_, patch, expected) => {
    expect(checkOfferTerms(offer(patch)).errors).toEqual(expected);
  });

  it("a date that does not read is not compared (one error, not two)", () => {
    expect(checkOfferTerms(offer({ expirationDate: "July 24" })).errors.map((e) => e.code)).toEqual(["date-format"]);
  });
});

describe("text fields must be text; choices and lists", () => {
  it.each<[string, unknown, OfferFieldError["code"] | undefined, string | unknown]>([
    ["issuerName", { a: 1 }, "type", 'offer.issuerName ({"a":1}) must be text'],
    ["issuerName", 42, "type", "offer.issuerName (42) must be text"],
    ["issuerName", ["Capstone"], "type", 'offer.issuerName (["Capstone"]) must be text'],
    ["issuerName", false, "type", "offer.issuerName (false) must be text"],
    ["eligibleCountries", [1], "type", 'offer.eligibleCountries ([1]) must be a list of text, e.g. ["US"]'],
    ["eligibleCountries", { US: true }, "type", 'offer.eligibleCountries ({"US":true}) must be a list of text, e.g. ["US"]'],
    ["eligibleCountries", [], "range", "offer.eligibleCountries ([]) must name at least one country"],
    ["eligibleCountries", " , ", "range", 'offer.eligibleCountries (" , ") must name at least one country'],
    ["eligibleHolderClasses", [null], "type", 'offer.eligibleHolderClasses ([null]) must be a list of text, e.g. ["employee"]'],
    ["feeRounding", "nearest", "range", 'offer.feeRounding ("nearest") must be "cent" or "dollar"'],
    ["feeRounding", 2, "type", 'offer.feeRounding (2) must be "cent" or "dollar"'],
    ["termBasis", "expected", "range", 'offer.termBasis ("expected") must be "remaining" or "simplified"'],
  ])("%s = %p", (name, value, code, message) => {
    expect(checkOfferTerms(offer({ [name]: value })).errors).toEqual([err(name, code as OfferFieldError["code"], message as string)]);
  });

  it.each<[string, unknown, string[]]>([
    ["eligibleCountries", "USA, United States, CA", ["US", "CA"]],
    ["eligibleCountries", ["U.S.A.", "Canada"], ["US", "CANADA"]],
    ["eligibleHolderClasses", "Employee, employee", ["employee"]],
  ])("%s %p reads as %p", (name, value, expected) => {
    expect(readOfferTerms(offer({ [name]: value }))[name as "eligibleCountries"]).toEqual(expected);
  });

  it.each<[unknown, OfferFieldError[]]>([
    [[BASE], [err("", "not-an-object", expect.stringMatching(/^the offer \(\[.*\]\) must be a JSON object/) as unknown as string, [])]],
    ["volatility: 0.9", [err("", "not-an-object", expect.stringMatching(/^the offer \("volatility: 0.9"\) must be a JSON object/) as unknown as string, [])]],
    [null, [err("", "not-an-object", expect.stringMatching(/^the offer \(null\) must be a JSON object/) as unknown as string, [])]],
    [offer({ valutionDate: "2003-06-23" }), [err("valutionDate", "unknown-field", expect.stringMatching(/^offer\.valutionDate is not an offer field \(fields: issuerName, /) as unknown as string)]],
    [offer({ _comment: "keys starting with _ are comments" }), []],
  ])("the offer %p", (input, expected) => {
    expect(checkOfferTerms(input).errors).toEqual(expected);
  });
});

describe("OFFER.json text: syntax errors by line and column (counted by hand)", () => {
  it.each<[string, string, string]>([
    ["a missing comma", '{\n  "volatility": 0.9\n  "riskFreeRate": 0.03\n}', `OFFER.json line 3, column 3: expected "," or "}" after a value, found '"'`],
    ["a trailing comma", '{"volatility": 0.9,}', 'OFFER.json line 1, column 20: a trailing comma before "}"'],
    ["a trailing comma in a list", '{"eligibleCountries": ["US",]}', 'OFFER.json line 1, column 29: a trailing comma before "]"'],
    ["single quotes", "{'volatility': 0.9}", "OFFER.json line 1, column 2: text must be in double quotes"],
    ["a comment", '{\n  // Capstone\n  "volatility": 0.9\n}', 'OFFER.json line 2, column 3: JSON has no comments (a key starting with "_" can hold one)'],
    ["cut short", '{"volatility": 0.9', 'OFFER.json line 1, column 19: expected "," or "}" after a value, found the end of the file'],
    ["an unclosed string", '{"issuerName": "Capstone}', 'OFFER.json line 1, column 16: text not closed (a missing ")'],
    ["hex", '{"stockPrice": 0x50}', 'OFFER.json line 1, column 17: "x" cannot follow the number 0'],
    ["NaN", '{"stockPrice": NaN}', 'OFFER.json line 1, column 16: expected a value, found "N"'],
    ["CRLF line ends", '{\r\n"volatility": 0.9\r\n"x": 1}', `OFFER.json line 3, column 1: expected "," or "}" after a value, found '"'`],
    ["columns count characters, not UTF-16 units", '{"issuerName": "\u{1F600}" x}', 'OFFER.json line 1, column 20: expected "," or "}" after a value, found "x"'],
    ["an empty file", "", "OFFER.json line 1, column 1: expected a value, found the end of the file"],
    ["only a BOM", "\uFEFF", "OFFER.json line 1, column 1: expected a value, found the end of the file"],
    ["two values", "{} {}", 'OFFER.json line 1, column 4: unexpected "{" after the end of the JSON value'],
    ["a raw tab in text", '{"issuerName": "Cap\tstone"}', "OFFER.json line 1, column 20: control character in text (write it as an escape like \\n)"],
  ])("%s", (_, text, message) => {
    expect(() => JSON.parse(text.replace(/^\uFEFF/, ""))).toThrow(); // the engine agrees it is not JSON
    let thrown: unknown;
    try {
      readOfferJson(text);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OfferTermsError);
    expect((thrown as OfferTermsError).errors).toEqual([{ field: "", fields: [], code: "json-syntax", message }]);
  });

  it("a key given twice is an error (JSON.parse would keep the last one silently)", () => {
    const text = '{\n"volatility": 0.9,\n"volatility": 50\n}';
    expect(JSON.parse(text)).toEqual({ volatility: 50 });
    expect(() => readOfferJson(text)).toThrow('OFFER.json line 3, column 1: "volatility" appears twice in one object (first at line 2)');
  });

  it.each<[string, unknown]>([
    ['{"a": [1, -2.5e-3, true, false, null, "\\u00e9\\n"], "b": {}}', { a: [1, -2.5e-3, true, false, null, "\u00e9\n"], b: {} }],
    ["\uFEFF{}", {}],
    [" \r\n\t{}\n", {}],
    ['{"a": {"x": 1}, "b": {"x": 2}}', { a: { x: 1 }, b: { x: 2 } }], // the same key in two objects is fine
  ])("valid JSON %p reads as JSON.parse reads it", (text, expected) => {
    expect(readOfferJson(text)).toEqual(expected);
  });

  it("names the file when told", () => {
    expect(() => readOfferJson("{", "terms.json")).toThrow('terms.json line 1, column 2: expected a string in double quotes, found the end of the file');
  });
});

describe("the bundled sample", () => {
  const text = fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8");
  it("states every field explicitly, the conventions included", () => {
    const json = readOfferJson(text) as Record<string, unknown>;
    expect(Object.keys(json).filter((k) => !k.startsWith("_")).sort()).toEqual(
      [
        ...REQUIRED, "dividendYield", "feeRatePerMillion", "feeRounding", "termBasis", "sharesOutstanding", "feesPreviouslyPaid",
        "valuationModel", "vestingYears", "exitRate", "exerciseMultiple", "stepsPerYear",
        "expirationTime", "timeZone", "acceptedChannels", "newOptionLifeYears", "newOptionVesting", "exchangeRatio", "splitFactor", "newOptionRounding", "newGrantDate", "amendments",
      ].sort(),
    );
  });
  it("reads without error, as the seed's terms", () => {
    expect(readOfferTerms(readOfferJson(text))).toMatchObject({
      issuerName: "Capstone Turbine Corporation",
      valuationDate: day("2003-06-23"),
      stockPrice: 1.27,
      commencementDate: day("2003-06-25"),
      expirationDate: day("2003-07-24"),
      cancellationDate: day("2003-07-25"),
      filingDate: day("2003-06-25"),
      eligibleHolderClasses: ["employee"],
      eligibleCountries: ["US"],
      exercisePriceThreshold: 2,
      expirationTime: 1020,
      timeZone: "America/Los_Angeles",
      acceptedChannels: ["fax", "hand"],
      newOptionLifeYears: 10,
      newOptionVesting: { vestingMonths: 42, cliffMonths: 0, upfrontFraction: 0.125, intervalMonths: 1 },
      exchangeRatio: 1,
      splitFactor: 1,
      newOptionRounding: "floor-per-grant",
      newGrantDate: undefined,
      amendments: [{ date: day("2003-07-09"), considerationChanged: false, numberSoughtChanged: false, description: expect.stringMatching(/^Amendment No\. 1/) }],
    });
  });
});
