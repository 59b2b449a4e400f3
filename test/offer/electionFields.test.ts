/**
 * OFFER.json's elections fields (issue 9): expirationTime, timeZone, acceptedChannels,
 * newOptionLifeYears, newOptionVesting, exchangeRatio, splitFactor, newOptionRounding, newGrantDate,
 * amendments. Each table row is one input and the outcome expected for it: the value read, or the
 * message naming the field (`offer.<field>`, `offer.newOptionVesting.<key>`, `offer.amendments[i].date`)
 * and the value as given. The seed's values are read as its text states them (test/support/seedOffer.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { CalcError } from "../../src/core/errors";
import { isoToSerial } from "../../src/core/dates/serial";
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { checkOfferTerms, clockMinutes, OfferFieldError, OfferTerms, OfferTermsError, offerTermsProblems, readOfferTerms } from "../../src/core/offer/offerTerms";
import { electionTerms, offerRecords } from "../../src/core/offer/records";
import { valueOffer } from "../../src/core/offer/valueOffer";
import { SEED_OFFER } from "../support/seedOffer";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "capstone-2003");
const day = (iso: string) => isoToSerial(iso) as number;

/** The seed's offer with some fields changed; `undefined` leaves a field out. */
function offer(patch: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = { ...SEED_OFFER, ...patch };
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

const err = (field: string, code: OfferFieldError["code"], message: string, fields: string[] = [field]): OfferFieldError => ({ field, fields, code, message });

/** The elections fields: none is needed by `optex value`. */
const ELECTIONS = ["expirationTime", "timeZone", "acceptedChannels", "newOptionLifeYears", "newOptionVesting", "exchangeRatio", "splitFactor", "newOptionRounding", "newGrantDate", "amendments"];

/** The seed's offer without any elections field: an OFFER.json written before issue 9. */
const VALUATION_ONLY = offer(Object.fromEntries(ELECTIONS.map((k) => [k, undefined])));

const SEED_VESTING = { vestingMonths: 42, cliffMonths: 0, upfrontFraction: 0.125, intervalMonths: 1 };

describe("the seed's elections fields read as its text states them", () => {
  it("5:00 p.m. Pacific, fax or hand, a ten-year option vesting 6/48 then 1/48 monthly to 42 months, one for one, Amendment No. 1", () => {
    const terms = readOfferTerms(SEED_OFFER);
    expect(terms.expirationTime).toBe(17 * 60);
    expect(terms.timeZone).toBe("America/Los_Angeles");
    expect(terms.acceptedChannels).toEqual(["fax", "hand"]);
    expect(terms.newOptionLifeYears).toBe(10);
    // 6/48 = 0.125 at grant; the remaining 42/48 in 42 monthly installments of 1/48
    expect(terms.newOptionVesting).toEqual({ vestingMonths: 42, cliffMonths: 0, upfrontFraction: 6 / 48, intervalMonths: 1 });
    expect([terms.exchangeRatio, terms.splitFactor, terms.newOptionRounding]).toEqual([1, 1, "floor-per-grant"]);
    expect(terms.newGrantDate).toBeUndefined();
    expect(terms.amendments).toEqual([{ date: 37811, considerationChanged: false, numberSoughtChanged: false, description: expect.stringMatching(/^Amendment No\. 1/) }]); // =DATE(2003,7,9)
  });

  it("an offer file without them (written before issue 9) still reads and values: $991,619.92, fee $80.22", () => {
    const sample = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")) as Record<string, unknown>;
    const old = Object.fromEntries(Object.entries(sample).filter(([k]) => !ELECTIONS.includes(k) && !["_newGrantDate", "_amendments"].includes(k)));
    const terms = readOfferTerms(old);
    expect(terms).toMatchObject({ expirationTime: undefined, timeZone: undefined, acceptedChannels: undefined, newOptionLifeYears: undefined, newOptionVesting: undefined, exchangeRatio: 1, splitFactor: 1, newOptionRounding: "floor-per-grant", newGrantDate: undefined, amendments: [] });
    expect(offerRecords(terms).offer.newOption).toBeUndefined();
    const ledger = parseCsvLedger(fs.readFileSync(path.join(SAMPLE, "ledger.csv"), "utf8"));
    const v = valueOffer(ledger.grants, terms);
    expect([v.transactionValuation, v.filingFee]).toEqual(["991619.92", "80.22"]); // the cover page of the seed
    expect(v.simplifiedTermYears).toBeUndefined();
  });

  it("the sample's offer.json states the seed's values (and reads as SEED_OFFER does)", () => {
    const sample = JSON.parse(fs.readFileSync(path.join(SAMPLE, "offer.json"), "utf8")) as Record<string, unknown>;
    const read = readOfferTerms(sample);
    const seed = readOfferTerms(SEED_OFFER);
    for (const k of ELECTIONS) expect([k, read[k as keyof OfferTerms]]).toEqual([k, seed[k as keyof OfferTerms]]);
    expect(sample.newGrantDate).toBeNull(); // stated: null = NEW_GRANT_DATE(cancellation)
  });
});

describe("expirationTime: a clock time, 24-hour or a.m./p.m., as minutes after midnight", () => {
  it.each<[unknown, number]>([
    ["17:00", 1020],
    [" 17:00 ", 1020],
    ["5:00 p.m.", 1020],
    ["5:00 PM", 1020],
    ["5:00pm", 1020],
    ["5 p.m.", 1020],
    ["4:59 p.m.", 1019],
    ["09:30", 570],
    ["9:30", 570],
    ["0:00", 0],
    ["23:59", 1439],
    ["12:00 a.m.", 0], // midnight
    ["12:30 AM", 30],
    ["12:00 p.m.", 720], // noon
    ["11:59 P.M.", 1439],
  ])("%p -> %p", (value, minutes) => {
    expect(readOfferTerms(offer({ expirationTime: value })).expirationTime).toBe(minutes);
  });

  const FORMAT = 'must be a clock time such as "17:00" (24-hour) or "5:00 p.m." (the zone goes in offer.timeZone)';
  const RANGE = "is not a time of day: hours run 0-23 (1-12 with a.m./p.m.) and minutes 0-59";
  it.each<[unknown, OfferFieldError["code"], string]>([
    ["25:00", "range", `("25:00") ${RANGE}`],
    ["17:60", "range", `("17:60") ${RANGE}`],
    ["24:00", "range", `("24:00") ${RANGE}`],
    ["13:00 p.m.", "range", `("13:00 p.m.") ${RANGE}`],
    ["0:30 a.m.", "range", `("0:30 a.m.") ${RANGE}`],
    ["5pm?", "time-format", `("5pm?") ${FORMAT}`],
    ["17h00", "time-format", `("17h00") ${FORMAT}`],
    ["5:00 p.m. PDT", "time-format", `("5:00 p.m. PDT") ${FORMAT}`],
    ["17:00:00", "time-format", `("17:00:00") ${FORMAT}`],
    ["1700", "time-format", `("1700") ${FORMAT}`],
    ["noon", "time-format", `("noon") ${FORMAT}`],
    ["17:0", "time-format", `("17:0") ${FORMAT}`],
    [17, "type", `(17) ${FORMAT}, written as text`],
    [0.7083333333, "type", `(0.7083333333) ${FORMAT}, written as text`], // an Excel time
    [true, "type", `(true) ${FORMAT}, written as text`],
    [["17:00"], "type", `(["17:00"]) ${FORMAT}, written as text`],
  ])("%p is an error", (value, code, message) => {
    expect(checkOfferTerms(offer({ expirationTime: value })).errors).toEqual([err("expirationTime", code, `offer.expirationTime ${message}`)]);
  });

  it("clockMinutes tells a clock's shape with no such time from text that is no clock", () => {
    expect([clockMinutes("17:00"), clockMinutes("25:00"), clockMinutes("5pm?")]).toEqual([1020, "range", undefined]);
  });
});

describe("timeZone: an IANA zone; abbreviations and fixed offsets refused with a suggestion, never assumed", () => {
  it.each<[string, string]>([
    ["America/Los_Angeles", "America/Los_Angeles"],
    [" America/New_York ", "America/New_York"],
    ["america/los_angeles", "America/Los_Angeles"], // the letter case corrected
    ["Europe/London", "Europe/London"],
    ["UTC", "UTC"],
  ])("%p -> %p", (value, zone) => {
    expect(readOfferTerms(offer({ timeZone: value })).timeZone).toBe(zone);
  });

  const abbreviation = (value: string, region: string, zone: string, also = "") =>
    `offer.timeZone (${JSON.stringify(value)}) is an abbreviation, not an IANA time zone (it does not say when daylight saving applies): if the offer means ${region}, write "${zone}"${also}`;
  const fixed = (value: string) =>
    `offer.timeZone (${JSON.stringify(value)}) is a fixed offset from UTC, not an IANA time zone (an offset does not follow daylight saving: Pacific time is -07:00 in July and -08:00 in January): write the zone, such as "America/Los_Angeles"`;
  it.each<[unknown, OfferFieldError["code"], string]>([
    ["PST", "time-zone", abbreviation("PST", "US Pacific time", "America/Los_Angeles")],
    ["PDT", "time-zone", abbreviation("PDT", "US Pacific time", "America/Los_Angeles")],
    ["PT", "time-zone", abbreviation("PT", "US Pacific time", "America/Los_Angeles")],
    ["Pacific", "time-zone", abbreviation("Pacific", "US Pacific time", "America/Los_Angeles")],
    ["Pacific Time", "time-zone", abbreviation("Pacific Time", "US Pacific time", "America/Los_Angeles")],
    ["p.s.t.", "time-zone", abbreviation("p.s.t.", "US Pacific time", "America/Los_Angeles")],
    ["PST8PDT", "time-zone", abbreviation("PST8PDT", "US Pacific time", "America/Los_Angeles")],
    // "EST" is a zone of the database, but a fixed -05:00 all year: refused, not read as New York
    ["EST", "time-zone", abbreviation("EST", "US Eastern time", "America/New_York")],
    ["EDT", "time-zone", abbreviation("EDT", "US Eastern time", "America/New_York")],
    ["ET", "time-zone", abbreviation("ET", "US Eastern time", "America/New_York")],
    ["Eastern", "time-zone", abbreviation("Eastern", "US Eastern time", "America/New_York")],
    ["CST", "time-zone", abbreviation("CST", "US Central time", "America/Chicago")],
    ["CDT", "time-zone", abbreviation("CDT", "US Central time", "America/Chicago")],
    ["Central", "time-zone", abbreviation("Central", "US Central time", "America/Chicago")],
    ["MST", "time-zone", abbreviation("MST", "US Mountain time", "America/Denver", ' (or "America/Phoenix" for Arizona, which keeps MST all year)')],
    ["MDT", "time-zone", abbreviation("MDT", "US Mountain time", "America/Denver")],
    ["Mountain", "time-zone", abbreviation("Mountain", "US Mountain time", "America/Denver")],
    ["-07:00", "time-zone", fixed("-07:00")],
    ["+05:30", "time-zone", fixed("+05:30")],
    ["UTC-7", "time-zone", fixed("UTC-7")],
    ["GMT+1", "time-zone", fixed("GMT+1")],
    ["Etc/GMT+7", "time-zone", fixed("Etc/GMT+7")], // UTC-7, sign inverted by POSIX
    ["Z", "time-zone", fixed("Z")],
    ["Mars/Olympus_Mons", "time-zone", 'offer.timeZone ("Mars/Olympus_Mons") is not an IANA time zone: write an IANA zone such as "America/Los_Angeles"'],
    ["Los Angeles", "time-zone", 'offer.timeZone ("Los Angeles") is not an IANA time zone: write an IANA zone such as "America/Los_Angeles"'],
    [-7, "type", 'offer.timeZone (-7) must be text, an IANA zone such as "America/Los_Angeles"'],
    [["America/Los_Angeles"], "type", 'offer.timeZone (["America/Los_Angeles"]) must be text, an IANA zone such as "America/Los_Angeles"'],
  ])("%p is an error", (value, code, message) => {
    expect(checkOfferTerms(offer({ timeZone: value })).errors).toEqual([err("timeZone", code, message)]);
  });
});

describe("acceptedChannels: a list read with the election log's channel vocabulary", () => {
  it.each<[unknown, string[]]>([
    [["fax", "hand"], ["fax", "hand"]],
    ["Fax, Hand Delivery", ["fax", "hand"]],
    [["Facsimile", "By Hand", "FAX"], ["fax", "hand"]], // one channel once
    ["e-mail", ["email"]],
    [["Web Portal", "Overnight Courier", "U.S. Mail"], ["web", "courier", "mail"]],
  ])("%p -> %p", (value, channels) => {
    expect(readOfferTerms(offer({ acceptedChannels: value })).acceptedChannels).toEqual(channels);
  });

  it.each<[unknown, OfferFieldError["code"], string]>([
    [[], "range", "offer.acceptedChannels ([]) must name at least one channel"],
    [" , ", "range", 'offer.acceptedChannels (" , ") must name at least one channel'],
    [["fax", "pigeon"], "range", 'offer.acceptedChannels (["fax","pigeon"]) names "pigeon", not a channel optex knows (fax, hand, email, mail, courier, web)'],
    [[1], "type", 'offer.acceptedChannels ([1]) must be a list of text, e.g. ["fax", "hand"]'],
    [{ fax: true }, "type", 'offer.acceptedChannels ({"fax":true}) must be a list of text, e.g. ["fax", "hand"]'],
    [true, "type", 'offer.acceptedChannels (true) must be a list of text, e.g. ["fax", "hand"]'],
  ])("%p is an error", (value, code, message) => {
    expect(checkOfferTerms(offer({ acceptedChannels: value })).errors).toEqual([err("acceptedChannels", code, message)]);
  });
});

describe("newOptionLifeYears, exchangeRatio, splitFactor: numbers with their ranges and units", () => {
  it.each<[string, unknown, number]>([
    ["newOptionLifeYears", "10", 10],
    ["newOptionLifeYears", 7.5, 7.5],
    ["newOptionLifeYears", 7.25, 7.25], // 87 months
    ["newOptionLifeYears", 100, 100],
    ["exchangeRatio", 2, 2], // two old for one new
    ["exchangeRatio", "1.5", 1.5],
    ["splitFactor", 0.1, 0.1], // a 1-for-10 reverse split
    ["splitFactor", "0.05", 0.05], // 1-for-20, the most the seed's board may do
  ])("%s = %p reads as %p", (name, value, expected) => {
    expect(readOfferTerms(offer({ [name]: value }))[name as keyof OfferTerms]).toBe(expected);
  });

  it.each<[string, number]>([
    ["exchangeRatio", 1],
    ["splitFactor", 1],
  ])("%s left out is %p (one for one, no split)", (name, expected) => {
    expect(readOfferTerms(offer({ [name]: undefined }))[name as keyof OfferTerms]).toBe(expected);
  });

  it.each<[string, unknown, OfferFieldError["code"], string]>([
    ["newOptionLifeYears", 0, "range", "(0) must be > 0 and at most 100 (years)"],
    ["newOptionLifeYears", -10, "range", "(-10) must be > 0 and at most 100 (years)"],
    ["newOptionLifeYears", 120, "unit", "(120) is above 100: the life is in years, not months (120 months would be 10 years)"],
    ["newOptionLifeYears", "126", "unit", '("126") is above 100: the life is in years, not months (126 months would be 10.5 years)'],
    ["newOptionLifeYears", 1201, "range", "(1201) must be > 0 and at most 100 (years)"],
    ["newOptionLifeYears", 10.1, "range", "(10.1) must be a whole number of months in years (life x 12 whole: 10, 7.5 or 7.25)"], // 121.2 months
    ["newOptionLifeYears", "ten", "number-format", '("ten") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)'],
    ["newOptionLifeYears", true, "type", "(true) must be a number"],
    ["exchangeRatio", 0, "range", "(0) must be > 0"],
    ["exchangeRatio", -1, "range", "(-1) must be > 0"],
    ["exchangeRatio", "1:1", "number-format", '("1:1") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)'],
    ["exchangeRatio", "100%", "number-format", '("100%") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)'],
    ["exchangeRatio", 2e9, "range", "(2000000000) must be at most 1,000,000,000"],
    ["splitFactor", 0, "range", "(0) must be > 0"],
    ["splitFactor", "1-for-10", "number-format", '("1-for-10") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)'],
    ["splitFactor", [0.1], "type", "([0.1]) must be a number"],
  ])("%s = %p is an error", (name, value, code, message) => {
    expect(checkOfferTerms(offer({ [name]: value })).errors).toEqual([err(name, code, `offer.${name} ${message}`)]);
  });
});

describe("newOptionVesting: {vestingMonths, cliffMonths, upfrontFraction, intervalMonths}, the limits of checkVestingTerms", () => {
  it.each<[unknown, unknown]>([
    [SEED_VESTING, SEED_VESTING],
    [{ vestingMonths: "42", cliffMonths: "0", upfrontFraction: "0.125", intervalMonths: "1" }, SEED_VESTING], // the form's text
    [{ ...SEED_VESTING, _note: "6/48 at grant" }, SEED_VESTING], // a comment key
    [{ vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 3 }, { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 3 }],
    [{ vestingMonths: 0, cliffMonths: 0, upfrontFraction: 1, intervalMonths: 1 }, { vestingMonths: 0, cliffMonths: 0, upfrontFraction: 1, intervalMonths: 1 }], // fully vested at grant
  ])("%p reads as %p", (value, expected) => {
    expect(readOfferTerms(offer({ newOptionVesting: value })).newOptionVesting).toEqual(expected);
  });

  const V = "newOptionVesting";
  const at = (key: string) => `${V}.${key}`;
  const nested = (key: string, code: OfferFieldError["code"], message: string) => err(at(key), code, message, [at(key), V]);
  it.each<[string, unknown, OfferFieldError[]]>([
    ["the four numbers as text", "42, 0, 0.125, 1", [err(V, "type", 'offer.newOptionVesting ("42, 0, 0.125, 1") must be an object {"vestingMonths", "cliffMonths", "upfrontFraction", "intervalMonths"}')]],
    ["a list", [42, 0, 0.125, 1], [err(V, "type", 'offer.newOptionVesting ([42,0,0.125,1]) must be an object {"vestingMonths", "cliffMonths", "upfrontFraction", "intervalMonths"}')]],
    [
      "an empty object: every key named",
      {},
      [
        nested("vestingMonths", "required", "offer.newOptionVesting.vestingMonths is required (whole months to full vesting, 0 to 1200)"),
        nested("cliffMonths", "required", "offer.newOptionVesting.cliffMonths is required (whole months before the first installment vests, 0 to the vesting months)"),
        nested("upfrontFraction", "required", "offer.newOptionVesting.upfrontFraction is required (a decimal: 0.125 = 12.5%)"),
        nested("intervalMonths", "required", "offer.newOptionVesting.intervalMonths is required (whole months between installments, 1 to 1200)"),
      ],
    ],
    ["no cliff stated", { vestingMonths: 42, upfrontFraction: 0.125, intervalMonths: 1 }, [nested("cliffMonths", "required", "offer.newOptionVesting.cliffMonths is required (whole months before the first installment vests, 0 to the vesting months)")]],
    [
      "a misspelt key (and so the key it meant is missing)",
      { vestMonths: 42, cliffMonths: 0, upfrontFraction: 0.125, intervalMonths: 1 },
      [
        nested("vestMonths", "unknown-field", "offer.newOptionVesting.vestMonths is not a key of offer.newOptionVesting (keys: vestingMonths, cliffMonths, upfrontFraction, intervalMonths)"),
        nested("vestingMonths", "required", "offer.newOptionVesting.vestingMonths is required (whole months to full vesting, 0 to 1200)"),
      ],
    ],
    ["vesting in years (3.5)", { ...SEED_VESTING, vestingMonths: 3.5 }, [nested("vestingMonths", "range", "offer.newOptionVesting.vestingMonths (3.5) must be a whole number of months from 0 to 1200")]],
    ["vesting -1", { ...SEED_VESTING, vestingMonths: -1 }, [nested("vestingMonths", "range", "offer.newOptionVesting.vestingMonths (-1) must be a whole number of months from 0 to 1200")]],
    ["vesting 1201", { ...SEED_VESTING, vestingMonths: 1201 }, [nested("vestingMonths", "range", "offer.newOptionVesting.vestingMonths (1201) must be a whole number of months from 0 to 1200")]],
    ["vesting 1e2", { ...SEED_VESTING, vestingMonths: "1e2" }, [nested("vestingMonths", "number-format", 'offer.newOptionVesting.vestingMonths ("1e2") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)')]],
    ["interval 0", { ...SEED_VESTING, intervalMonths: 0 }, [nested("intervalMonths", "range", "offer.newOptionVesting.intervalMonths (0) must be a whole number of months from 1 to 1200")]],
    ["a cliff after full vesting", { ...SEED_VESTING, cliffMonths: 48 }, [nested("cliffMonths", "range", "offer.newOptionVesting.cliffMonths (48) must be a whole number of months from 0 to offer.newOptionVesting.vestingMonths (42)")]],
    ["12.5 meant as 12.5%", { ...SEED_VESTING, upfrontFraction: 12.5 }, [nested("upfrontFraction", "unit", "offer.newOptionVesting.upfrontFraction (12.5) is above 1: the fraction vested at grant is a decimal, 0.125 = 12.5% (12.5% would be 0.125)")]],
    ['"12.5%"', { ...SEED_VESTING, upfrontFraction: "12.5%" }, [nested("upfrontFraction", "number-format", 'offer.newOptionVesting.upfrontFraction ("12.5%") must be a decimal number such as 1.27 or 0.9 (no exponent, hex, thousands separators, currency or percent signs)')]],
    ["a negative fraction", { ...SEED_VESTING, upfrontFraction: -0.1 }, [nested("upfrontFraction", "range", "offer.newOptionVesting.upfrontFraction (-0.1) must be from 0 to 1")]],
    ["150", { ...SEED_VESTING, upfrontFraction: 150 }, [nested("upfrontFraction", "range", "offer.newOptionVesting.upfrontFraction (150) must be from 0 to 1")]],
  ])("%s", (_, value, expected) => {
    expect(checkOfferTerms(offer({ newOptionVesting: value })).errors).toEqual(expected);
  });

  it("vesting longer than the option's life names both fields (240 months > 10 years x 12 = 120)", () => {
    expect(checkOfferTerms(offer({ newOptionVesting: { ...SEED_VESTING, vestingMonths: 240 } })).errors).toEqual([
      err(
        "newOptionVesting.vestingMonths",
        "range",
        "offer.newOptionVesting.vestingMonths (240) is longer than offer.newOptionLifeYears (10) in months (120): the new option would expire before it fully vests",
        ["newOptionVesting.vestingMonths", "newOptionLifeYears", "newOptionVesting"],
      ),
    ]);
    expect(checkOfferTerms(offer({ newOptionVesting: { ...SEED_VESTING, vestingMonths: 120 } })).errors).toEqual([]); // equal is fine
  });
});

describe("newOptionRounding and newGrantDate", () => {
  it.each<[unknown, string]>([
    [undefined, "floor-per-grant"],
    [null, "floor-per-grant"],
    ["Floor-Per-Holder", "floor-per-holder"],
    [" nearest-per-grant ", "nearest-per-grant"],
  ])("newOptionRounding %p reads as %p", (value, expected) => {
    expect(readOfferTerms(offer({ newOptionRounding: value })).newOptionRounding).toBe(expected);
  });

  it.each<[unknown, OfferFieldError["code"]]>([
    ["floor", "range"],
    ["round", "range"],
    ["floor per grant", "range"],
    [1, "type"],
  ])("newOptionRounding %p is an error", (value, code) => {
    expect(checkOfferTerms(offer({ newOptionRounding: value })).errors).toEqual([
      err("newOptionRounding", code, `offer.newOptionRounding (${JSON.stringify(value)}) must be "floor-per-grant" or "floor-per-holder" or "nearest-per-grant"`),
    ]);
  });

  it.each<[unknown, number | undefined]>([
    [undefined, undefined], // NEW_GRANT_DATE(cancellation), figured by the elections
    ["2004-01-26", day("2004-01-26")],
    ["2003-07-25", day("2003-07-25")], // the cancellation day itself
  ])("newGrantDate %p reads as %p", (value, expected) => {
    expect(readOfferTerms(offer({ newGrantDate: value })).newGrantDate).toBe(expected);
  });

  it.each<[unknown, OfferFieldError]>([
    [
      "2003-07-24",
      err("newGrantDate", "date-order", "offer.newGrantDate (2003-07-24) is before offer.cancellationDate (2003-07-25): new options are granted on or after the old ones are cancelled", ["newGrantDate", "cancellationDate"]),
    ],
    ["01/26/2004", err("newGrantDate", "date-format", 'offer.newGrantDate ("01/26/2004") must be a real date written YYYY-MM-DD')],
    [38012, err("newGrantDate", "type", 'offer.newGrantDate (38012) must be a date written as text "YYYY-MM-DD"')],
  ])("newGrantDate %p is an error", (value, expected) => {
    expect(checkOfferTerms(offer({ newGrantDate: value })).errors).toEqual([expected]);
  });
});

describe("amendments: a list of {date, considerationChanged, numberSoughtChanged, description?}", () => {
  const A = { date: "2003-07-09", considerationChanged: false, numberSoughtChanged: false };
  it.each<[unknown, unknown]>([
    [[], []],
    [null, []],
    [[A], [{ date: 37811, considerationChanged: false, numberSoughtChanged: false }]],
    [[{ ...A, considerationChanged: true, description: " new exchange ratio " }], [{ date: 37811, considerationChanged: true, numberSoughtChanged: false, description: "new exchange ratio" }]],
    [[{ ...A, description: "" }], [{ date: 37811, considerationChanged: false, numberSoughtChanged: false }]],
    [[{ ...A, _note: "a comment key" }], [{ date: 37811, considerationChanged: false, numberSoughtChanged: false }]],
  ])("%j reads as %j", (value, expected) => {
    expect(readOfferTerms(offer({ amendments: value })).amendments).toEqual(expected);
  });

  const HINT = 'must be a list of {"date": "YYYY-MM-DD", "considerationChanged": true or false, "numberSoughtChanged": true or false, "description": "..."}';
  const nested = (path: string, code: OfferFieldError["code"], message: string, more: string[] = []) => err(path, code, message, [path, ...more, "amendments"]);
  it.each<[string, unknown, OfferFieldError[]]>([
    ["a date, not a list", "2003-07-09", [err("amendments", "type", `offer.amendments ("2003-07-09") ${HINT}`)]],
    ["one object, not a list", A, [err("amendments", "type", `offer.amendments (${JSON.stringify(A)}) ${HINT}`)]],
    ["a list of text", ["Amendment No. 1"], [nested("amendments[0]", "type", 'offer.amendments[0] ("Amendment No. 1") must be an object {"date", "considerationChanged", "numberSoughtChanged", "description"}')]],
    ['"yes" for true', [{ ...A, considerationChanged: "yes" }], [nested("amendments[0].considerationChanged", "type", 'offer.amendments[0].considerationChanged ("yes") must be true or false (JSON, without quotes)')]],
    ['"false" in quotes', [{ ...A, numberSoughtChanged: "false" }], [nested("amendments[0].numberSoughtChanged", "type", 'offer.amendments[0].numberSoughtChanged ("false") must be true or false (JSON, without quotes)')]],
    ["1 for true", [{ ...A, considerationChanged: 1 }], [nested("amendments[0].considerationChanged", "type", "offer.amendments[0].considerationChanged (1) must be true or false (JSON, without quotes)")]],
    [
      "only a date",
      [{ date: "2003-07-09" }],
      [
        nested("amendments[0].considerationChanged", "required", "offer.amendments[0].considerationChanged is required (true or false: whether the consideration (the new option, the exchange ratio) changed)"),
        nested("amendments[0].numberSoughtChanged", "required", "offer.amendments[0].numberSoughtChanged is required (true or false: whether the number of options sought changed)"),
      ],
    ],
    ["no date", [{ considerationChanged: false, numberSoughtChanged: false }], [nested("amendments[0].date", "required", "offer.amendments[0].date is required (YYYY-MM-DD: the day notice of the amendment was first published)")]],
    ["a date in words", [{ ...A, date: "July 9, 2003" }], [nested("amendments[0].date", "date-format", 'offer.amendments[0].date ("July 9, 2003") must be a real date written YYYY-MM-DD')]],
    ["an Excel serial", [{ ...A, date: 37811 }], [nested("amendments[0].date", "type", 'offer.amendments[0].date (37811) must be a date written as text "YYYY-MM-DD"')]],
    ["a key the amendment does not have", [{ ...A, consideration: true }], [nested("amendments[0].consideration", "unknown-field", "offer.amendments[0].consideration is not a key of an amendment (keys: date, considerationChanged, numberSoughtChanged, description)")]],
    ["a description that is not text", [{ ...A, description: 5 }], [nested("amendments[0].description", "type", "offer.amendments[0].description (5) must be text")]],
    [
      "before the offer commenced (June 25, 2003)",
      [A, { ...A, date: "2003-06-01" }],
      [nested("amendments[1].date", "date-order", "offer.amendments[1].date (2003-06-01) is before offer.commencementDate (2003-06-25): an offer is amended on or after it commences", ["commencementDate"])],
    ],
    [
      "each bad amendment by its place in the list",
      [{ ...A, date: "2003-13-01" }, A, { ...A, numberSoughtChanged: "no" }],
      [
        nested("amendments[0].date", "date-format", 'offer.amendments[0].date ("2003-13-01") must be a real date written YYYY-MM-DD'),
        nested("amendments[2].numberSoughtChanged", "type", 'offer.amendments[2].numberSoughtChanged ("no") must be true or false (JSON, without quotes)'),
      ],
    ],
  ])("%s", (_, value, expected) => {
    expect(checkOfferTerms(offer({ amendments: value })).errors).toEqual(expected);
  });

  it("an amendment on the commencement day is fine", () => {
    expect(checkOfferTerms(offer({ amendments: [{ ...A, date: "2003-06-25" }] })).errors).toEqual([]);
  });
});

describe('the "simplified" term basis values on the offer\'s own new option', () => {
  const lifeRequired = err("newOptionLifeYears", "required", 'offer.newOptionLifeYears is required when termBasis is "simplified" (the new option\'s contractual life in years (> 0, at most 100))', ["newOptionLifeYears", "termBasis"]);
  const vestingRequired = err("newOptionVesting", "required", 'offer.newOptionVesting is required when termBasis is "simplified" (an object {"vestingMonths", "cliffMonths", "upfrontFraction", "intervalMonths"})', ["newOptionVesting", "termBasis"]);
  it.each<[string, Record<string, unknown>, OfferFieldError[]]>([
    ["no life", { newOptionLifeYears: undefined }, [lifeRequired]],
    ["no vesting", { newOptionVesting: null }, [vestingRequired]],
    ["neither", { newOptionLifeYears: "", newOptionVesting: undefined }, [lifeRequired, vestingRequired]],
    ["a life out of range is that error, not also 'required'", { newOptionLifeYears: 0 }, [err("newOptionLifeYears", "range", "offer.newOptionLifeYears (0) must be > 0 and at most 100 (years)")]],
  ])("%s", (_, patch, expected) => {
    expect(checkOfferTerms(offer({ termBasis: "simplified", ...patch })).errors).toEqual(expected);
    expect(checkOfferTerms(offer({ termBasis: "remaining", ...patch })).errors).toEqual(expected.filter((e) => e.code !== "required"));
  });

  it("caps each term at the new option's SAB 107 term: (903/576 + 10) / 2 years for the seed's", () => {
    // 12.5% vests at month 0, then 1/48 at each month 1..42: mean vesting = (1/48)(1 + ... + 42) = 903/48 months
    const terms = readOfferTerms(offer({ termBasis: "simplified" }));
    const grants = [{ line: 2, grantId: "A", holderId: "H", holderName: "", holderClass: "employee", country: "US", plan: "", grantDate: day("2001-05-01"), expirationDate: day("2011-05-01"), expirationAssumed: false, exercisePrice: 5, sharesOutstanding: 100, optionType: "NSO" }];
    const v = valueOffer(grants, terms);
    expect(v.simplifiedTermYears).toBeCloseTo((903 / 576 + 10) / 2, 12);
    expect(v.termYears[0]).toBeCloseTo((903 / 576 + 10) / 2, 12); // 7.86 years remain: the cap applies
    // a five-year option: (903/576 + 5) / 2
    expect(valueOffer(grants, readOfferTerms(offer({ termBasis: "simplified", newOptionLifeYears: 5 }))).termYears[0]).toBeCloseTo((903 / 576 + 5) / 2, 12);
  });

  it("terms built in code without the new option are refused by valueOffer, naming the field", () => {
    const terms: OfferTerms = { ...readOfferTerms(offer({ termBasis: "simplified" })), newOptionLifeYears: undefined };
    expect(() => valueOffer([], terms)).toThrow(new OfferTermsError([lifeRequired]));
    expect(() => valueOffer([], terms)).toThrow('offer.newOptionLifeYears is required when termBasis is "simplified"');
  });
});

describe("electionTerms: what optex elections needs, every missing field named at once", () => {
  it("the seed's offer: its records, the expiry's time and zone, the channels, the new option, the amendment", () => {
    const e = electionTerms(readOfferTerms(SEED_OFFER), "optex elections");
    expect(e).toEqual({
      offer: expect.objectContaining({ issuerName: "Capstone Turbine Corporation", commencementDate: day("2003-06-25"), offerExpirationDate: day("2003-07-24"), cancellationDate: day("2003-07-25") }),
      expirationTime: 1020,
      timeZone: "America/Los_Angeles",
      acceptedChannels: ["fax", "hand"],
      newOption: { lifeYears: 10, vesting: SEED_VESTING, exchangeRatio: 1, splitFactor: 1, rounding: "floor-per-grant" },
      newGrantDate: undefined,
      amendments: [{ date: day("2003-07-09"), considerationChanged: false, numberSoughtChanged: false, description: expect.stringMatching(/^Amendment No\. 1/) }],
    });
    expect(e.offer.newOption).toEqual(e.newOption);
  });

  it("an offer written for optex value only: the five fields the elections need, each named, in one error", () => {
    let thrown: unknown;
    try {
      electionTerms(readOfferTerms(VALUATION_ONLY), "optex elections");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OfferTermsError);
    expect(thrown).toBeInstanceOf(CalcError);
    expect((thrown as OfferTermsError).code).toBe("#VALUE!");
    expect((thrown as OfferTermsError).errors).toEqual([
      err("expirationTime", "required", 'offer.expirationTime is required by optex elections (the local clock time the offer expires, "HH:MM" (24-hour) such as "17:00", or "5:00 p.m.")'),
      err("timeZone", "required", 'offer.timeZone is required by optex elections (an IANA zone such as "America/Los_Angeles")'),
      err("acceptedChannels", "required", 'offer.acceptedChannels is required by optex elections (e.g. ["fax", "hand"])'),
      err("newOptionLifeYears", "required", "offer.newOptionLifeYears is required by optex elections (the new option's contractual life in years (> 0, at most 100))"),
      err("newOptionVesting", "required", 'offer.newOptionVesting is required by optex elections (an object {"vestingMonths", "cliffMonths", "upfrontFraction", "intervalMonths"})'),
    ]);
    expect((thrown as OfferTermsError).message).toBe((thrown as OfferTermsError).errors.map((x) => x.message).join("; "));
  });

  it.each<[string, string[]]>([
    ["timeZone", ["timeZone"]],
    ["expirationTime", ["expirationTime"]],
    ["newOptionVesting", ["newOptionVesting"]],
  ])("only %s missing: only it is named, with the command given", (missing, fields) => {
    expect(() => electionTerms(readOfferTerms(offer({ [missing]: undefined })), "optex new-grants")).toThrow(new RegExp(`^offer\\.${missing} is required by optex new-grants \\(`));
    try {
      electionTerms(readOfferTerms(offer({ [missing]: undefined })), "optex new-grants");
    } catch (error) {
      expect((error as OfferTermsError).errors.map((x) => x.field)).toEqual(fields);
    }
  });

  it("fills the conventions and passes the new grant date through", () => {
    const e = electionTerms(readOfferTerms(offer({ exchangeRatio: undefined, splitFactor: undefined, newOptionRounding: undefined, newGrantDate: "2004-02-02", amendments: undefined })), "optex elections");
    expect(e.newOption).toMatchObject({ exchangeRatio: 1, splitFactor: 1, rounding: "floor-per-grant" });
    expect(e.newGrantDate).toBe(day("2004-02-02"));
    expect(e.amendments).toEqual([]);
    const two = electionTerms(readOfferTerms(offer({ exchangeRatio: 2, splitFactor: 0.1, newOptionRounding: "nearest-per-grant" })), "optex elections");
    expect(two.newOption).toMatchObject({ exchangeRatio: 2, splitFactor: 0.1, rounding: "nearest-per-grant" });
  });

  it("terms built in code get the reader's checks (a zone abbreviation, a minute past the day, a bad amendment)", () => {
    const seed = readOfferTerms(SEED_OFFER);
    const built: OfferTerms = { ...seed, timeZone: "PDT", expirationTime: 1440, newGrantDate: day("2003-07-01"), amendments: [{ date: day("2003-07-09"), considerationChanged: "no" as unknown as boolean, numberSoughtChanged: false }] };
    expect(offerTermsProblems(built).map((e) => [e.field, e.code])).toEqual([
      ["expirationTime", "range"],
      ["timeZone", "time-zone"],
      ["amendments[0].considerationChanged", "type"],
      ["newGrantDate", "date-order"],
    ]);
    expect(() => electionTerms(built, "optex elections")).toThrow(OfferTermsError);
    // the valuation does not read them: valueOffer does not refuse the offer for them
    expect(valueOffer([], built).transactionValuation).toBe("0.00");
  });

  it.each<[string, Partial<OfferTerms>, string]>([
    ["a channel list that is empty", { acceptedChannels: [] }, "offer.acceptedChannels ([]) must name at least one channel"],
    ["a cliff past the vesting", { newOptionVesting: { ...SEED_VESTING, cliffMonths: 50 } }, "offer.newOptionVesting.cliffMonths (50) must be a whole number of months from 0 to offer.newOptionVesting.vestingMonths (42)"],
    ["a zero exchange ratio", { exchangeRatio: 0 }, "offer.exchangeRatio (0) must be > 0"],
    ["an amendment before commencement", { amendments: [{ date: day("2003-06-01"), considerationChanged: true, numberSoughtChanged: false }] }, "offer.amendments[0].date (2003-06-01) is before offer.commencementDate (2003-06-25): an offer is amended on or after it commences"],
  ])("built in code, %s, is refused by electionTerms", (_, patch, message) => {
    expect(() => electionTerms({ ...readOfferTerms(SEED_OFFER), ...patch }, "optex elections")).toThrow(message);
  });
});
