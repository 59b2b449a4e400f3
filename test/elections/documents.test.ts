/**
 * The documents' texts, checked against the seed's own sentences (seed 004: Exhibits (a)(1)(v), (vi)
 * and (vii), quoted below as the seed prints them) and against hand-filled examples.
 */
import { isoToSerial } from "../../src/core/dates/serial";
import { NEW_OPTION_VESTING, VestingTerms } from "../../src/core/equity/vesting";
import {
  confirmationEmail,
  DocumentWording,
  expirationText,
  issuerShortName,
  promiseToGrantText,
  PromisedGrant,
  resultsParagraph,
  vestingBullets,
} from "../../src/core/elections/documents";
import { ElectionTerms, FormOutcome, FormStatus, FormType, HolderOutcome } from "../../src/core/elections/types";

const s = (iso: string) => isoToSerial(iso) as number;
const utc = (iso: string) => Date.parse(iso);

/** The seed's offer, with its Amendment No. 1 of July 9, 2003 (which changed neither consideration nor number sought). */
function seedTerms(over: Partial<ElectionTerms> = {}): ElectionTerms {
  const newOption = { lifeYears: 10, vesting: NEW_OPTION_VESTING, exchangeRatio: 1, splitFactor: 1, rounding: "floor-per-grant" as const };
  return {
    offer: {
      issuerName: "Capstone Turbine Corporation",
      commencementDate: s("2003-06-25"),
      offerExpirationDate: s("2003-07-24"),
      cancellationDate: s("2003-07-25"),
      eligibility: { exercisePriceThreshold: 2, holderClasses: ["employee"], countries: ["US"] },
      newOption,
    },
    expirationTime: 17 * 60,
    timeZone: "America/Los_Angeles",
    acceptedChannels: ["fax", "hand"],
    newOption,
    amendments: [{ date: s("2003-07-09"), considerationChanged: false, numberSoughtChanged: false, description: "Amendment No. 1" }],
    ...over,
  };
}

const SEED_CONTACT = [
  "Capstone Turbine Corporation",
  "Attention: Debbie Bernard",
  "21211 Nordhoff Street",
  "Chatsworth, California 91311",
  "Phone: (818) 734-5431",
  "Fax: (818) 734-5381",
];

const SEED_WORDING: DocumentWording = {
  shortName: "Capstone",
  market: "the Nasdaq National Market",
  newOptionPlan: "Capstone Turbine Corporation 2000 Equity Incentive Plan",
  oldOptionPlans: ["1993 Incentive Stock Plan", "2000 Equity Incentive Plan"],
  contact: SEED_CONTACT,
};

// --- the seed's texts, verbatim -------------------------------------------------------------------

// FORM OF E-MAIL CONFIRMATION OF RECEIPT OF ELECTION FORM
const SEED_ELECTION_1 =
  "This e-mail confirms our receipt of your Election Form, which sets forth your election to exchange one or more of your outstanding options for cancellation and regrant pursuant to our voluntary stock option exchange program. This e-mail does not serve as our formal acceptance of the options designated on your Election Form for cancellation and regrant, per the terms and conditions of the most recent version of the Offer to Exchange Certain Outstanding Options for New Options (originally dated June 25, 2003, as amended on July 9, 2003) (as so amended, and as it may be amended from time to time thereafter, the \"Offer\") distributed to you and filed with the SEC. A formal notice of the acceptance/rejection of your options will be sent to you promptly after the expiration of the Offer, which is currently scheduled to occur at 5:00 p.m., Pacific Time, on July 24, 2003 (the \"Expiration Date\").";
// the seed prints this paragraph without its final period; the text adds it
const SEED_ELECTION_2 =
  "Your election to exchange your options may be withdrawn or changed at any time prior to the Expiration Date. To withdraw your election, you must submit a Notice to Withdraw from the Offer prior to the Expiration Date per the procedures set forth in the Offer. To change your election, you must submit a new Election Form prior to the Expiration Date per the procedures set forth in the Offer";
const SEED_CONTACT_LINE = "If you have questions regarding this confirmation, contact:";

// FORM OF E-MAIL CONFIRMATION OF RECEIPT OF NOTICE TO WITHDRAW FROM THE OFFER
const SEED_WITHDRAWAL_1 =
  "This e-mail confirms our receipt of your Notice to Withdraw from the Offer pursuant to the most recent version of our Offer to Exchange Certain Outstanding Options for New Options (originally dated June 25, 2003, as amended on July 9, 2003) (as so amended, and as it may be amended from time to time thereafter, the \"Offer\") and nullifying your previously submitted Election Form.";
const SEED_WITHDRAWAL_2 =
  "Please note that the Notice to Withdraw from the Offer completely withdraws you from the Offer and cannot be used to make changes to your previously submitted Election Form. Please submit a new Election Form if you would like to change your election with respect to a particular option.";
const SEED_WITHDRAWAL_3 =
  "In addition, you may change your mind and re-accept the Offer by completing and delivering a new Election Form per the procedures set forth in the Offer prior to 5:00 p.m., Pacific Time, on July 24, 2003.";

// PROMISE TO GRANT STOCK OPTION(S), with "______" as printed
const SEED_PROMISE_1 =
  "In exchange for your agreement to cancel certain stock options granted by Capstone Turbine Corporation (\"CAPSTONE\"), Capstone hereby promises to grant you a stock option or stock options (as applicable) covering ______ shares of Capstone's common stock (as may be adjusted for stock splits, stock dividends and similar events and as provided below) no earlier than January 26, 2004 (the \"NEW OPTION(S)\"). The exercise price of the New Option(s) will be the closing price of Capstone's common stock as listed on the Nasdaq National Market on the date of grant of the New Option(s).";
const SEED_PROMISE_VESTING = [
  "12.5% of the shares subject to the New Option(s) will be vested on the grant date of the New Option(s); and",
  "1/48 of the shares subject to the New Option(s) will vest monthly after the grant date of the New Option(s); such that each New Option will be fully vested on the 42-month anniversary of the grant date of the New Option(s), subject to your continued employment with Capstone or one of its subsidiaries through each relevant vesting date.",
];
const SEED_PROMISE_NSO =
  "Regardless of whether your exchanged options under the 1993 Incentive Stock Plan or the 2000 Equity Incentive Plan are incentive stock options or nonstatutory stock options, your New Option(s) will be nonstatutory stock options.";
const SEED_PROMISE_OTHERWISE = [
  "the standard terms and conditions under the Capstone Turbine Corporation 2000 Equity Incentive Plan; and",
  "a new option agreement between Capstone and you.",
];
const SEED_PROMISE_ACQUIRED =
  "Prior to the grant of the New Option(s), it is possible that Capstone might be acquired by another company. This Promise to Grant Stock Option(s) is evidence of a binding commitment that Capstone's successors must honor and, accordingly, in the event of any such acquisition, the acquirer would be subject to this promise to grant you a New Option. The New Option(s) would be for the purchase of the acquirer's stock (as opposed to Capstone's), with an exercise price equal to the fair market value of such acquirer's stock on the date of grant of the New Option(s), and would be unaffected by the acquirer's treatment of Capstone's existing stock option plans. In such case, the number of shares subject to the New Option(s) would be appropriately adjusted.";
const SEED_PROMISE_EMPLOYED =
  "In order to receive the New Option(s), you must be an employee of Capstone, one of its subsidiaries or a successor entity on the date the New Option(s) are granted. Accordingly, if you do not have an employment relationship with Capstone (or one of its subsidiaries or a successor entity, as applicable) for any reason on the date of grant of the New Option(s), you will not receive any New Option(s) or other consideration for your tendered options that have been accepted by Capstone for exchange. Your employment relationship with Capstone (or one of its subsidiaries or a successor entity, as applicable) may be terminated at any time by either you or Capstone, with or without cause or notice, subject to the laws of the country in which you work and any employment agreement you may have with Capstone (or one of its subsidiaries or a successor entity, as applicable).";
// the seed splits this paragraph across a page break ("This" ... "Promise to Grant Stock Option(s) may only be
// amended by means of a writing" ... "signed by you and a duly authorized officer of Capstone."); joined here
const SEED_PROMISE_TERMS =
  "This Promise to Grant Stock Option(s) is subject to the terms and conditions of the most recent version of Capstone's Offer to Exchange Certain Outstanding Options for New Options (originally dated June 25, 2003, as amended on July 9, 2003 and as it may be amended from time to time thereafter) and the Election Form previously completed and submitted by you to Capstone, both of which are incorporated herein by reference. These documents reflect the entire agreement between you and Capstone with respect to this transaction. This Promise to Grant Stock Option(s) may only be amended by means of a writing signed by you and a duly authorized officer of Capstone.";

// --- forms ---------------------------------------------------------------------------------------

function outcome(type: FormType, status: FormStatus, receivedAt: string, channel = "fax", reason = ""): FormOutcome {
  return {
    form: {
      formId: "F-17",
      holderId: "E1001",
      type,
      signedAt: s("2003-07-21"),
      signedTime: false,
      receivedAt: utc(receivedAt),
      channel,
      lines: [2],
      tenders: [],
      ignoredGrantIds: [],
    },
    status,
    reason,
    confirmationDue: s("2003-07-24"),
  };
}

const paragraphs = (body: string) => body.split("\n\n");

describe("confirmationEmail: the seed's e-mails, filled in", () => {
  it("an Election Form that counts: the seed's e-mail, word for word", () => {
    const mail = confirmationEmail(outcome("election", "counted", "2003-07-21T22:30:00-07:00"), seedTerms(), "Jane Doe", SEED_WORDING);
    expect(mail.subject).toBe("Confirmation of Receipt of Election Form (F-17)");
    expect(paragraphs(mail.body)).toEqual(["Dear Jane Doe:", SEED_ELECTION_1, SEED_ELECTION_2 + ".", SEED_CONTACT_LINE, SEED_CONTACT.join("\n")]);
  });

  it("a Notice to Withdraw that counts: the seed's e-mail, word for word", () => {
    const mail = confirmationEmail(outcome("withdrawal", "counted", "2003-07-22T10:00:00-07:00"), seedTerms(), "Jane Doe", SEED_WORDING);
    expect(mail.subject).toBe("Confirmation of Receipt of Notice to Withdraw from the Offer (F-17)");
    expect(paragraphs(mail.body)).toEqual(["Dear Jane Doe:", SEED_WITHDRAWAL_1, SEED_WITHDRAWAL_2, SEED_WITHDRAWAL_3, SEED_CONTACT_LINE, SEED_CONTACT.join("\n")]);
  });

  it("a superseded form (replaced by the holder's own later form) gets the plain confirmation", () => {
    const counted = confirmationEmail(outcome("election", "counted", "2003-07-21T10:00:00-07:00"), seedTerms(), "Jane Doe", SEED_WORDING);
    const superseded = confirmationEmail(outcome("election", "superseded", "2003-07-21T10:00:00-07:00"), seedTerms(), "Jane Doe", SEED_WORDING);
    expect(superseded).toEqual(counted);
  });

  // The seed confirms receipt of every form and says the e-mail is not an acceptance; the added sentence
  // says when the form does not count, and why.
  it.each<[string, FormType, FormStatus, string, string, string, string[]]>([
    [
      "an Election Form faxed one second late",
      "election",
      "late",
      "2003-07-24T17:00:01-07:00",
      "fax",
      "received 5:00:01 p.m. PDT July 24, 2003, at or after the 5:00 p.m. deadline",
      [
        "Dear Jane Doe:",
        SEED_ELECTION_1,
        "Please note that this Election Form does not count: we received it at 5:00:01 p.m. PDT, July 24, 2003, and the Offer expired at 5:00 p.m., Pacific Time, on July 24, 2003; Election Forms had to be received before then, and late tenders of options are not accepted under any circumstances.",
        SEED_CONTACT_LINE,
        SEED_CONTACT.join("\n"),
      ],
    ],
    [
      "an e-mailed Election Form",
      "election",
      "channel",
      "2003-07-22T09:00:00-07:00",
      "email",
      "e-mail is not accepted",
      [
        "Dear Jane Doe:",
        SEED_ELECTION_1,
        "Please note that this Election Form does not count: it was delivered by e-mail, and the Offer accepts Election Forms only by fax or hand delivery (e-mail is not sufficient).",
        SEED_ELECTION_2 + ".",
        SEED_CONTACT_LINE,
        SEED_CONTACT.join("\n"),
      ],
    ],
    [
      "an Election Form signed after it was received",
      "election",
      "invalid",
      "2003-07-22T09:00:00-07:00",
      "hand",
      "it is signed July 23, 2003, after it was received (9:00 a.m. PDT, July 22, 2003).",
      [
        "Dear Jane Doe:",
        SEED_ELECTION_1,
        "Please note that this Election Form does not count: it is signed July 23, 2003, after it was received (9:00 a.m. PDT, July 22, 2003).",
        SEED_ELECTION_2 + ".",
        SEED_CONTACT_LINE,
        SEED_CONTACT.join("\n"),
      ],
    ],
    [
      "a Notice to Withdraw faxed late: it nullifies nothing",
      "withdrawal",
      "late",
      "2003-07-24T17:05:00-07:00",
      "fax",
      "late",
      [
        "Dear Jane Doe:",
        SEED_WITHDRAWAL_1.replace(" and nullifying your previously submitted Election Form.", "."),
        "Please note that this Notice to Withdraw does not count and does not withdraw any options you tendered: we received it at 5:05 p.m. PDT, July 24, 2003, and the Offer expired at 5:00 p.m., Pacific Time, on July 24, 2003; Notices to Withdraw had to be received before then.",
        SEED_CONTACT_LINE,
        SEED_CONTACT.join("\n"),
      ],
    ],
    [
      "a Notice to Withdraw sent by courier",
      "withdrawal",
      "channel",
      "2003-07-22T09:00:00-07:00",
      "courier",
      "courier",
      [
        "Dear Jane Doe:",
        SEED_WITHDRAWAL_1.replace(" and nullifying your previously submitted Election Form.", "."),
        "Please note that this Notice to Withdraw does not count and does not withdraw any options you tendered: it was delivered by courier, and the Offer accepts Notices to Withdraw only by fax or hand delivery.",
        SEED_CONTACT_LINE,
        SEED_CONTACT.join("\n"),
      ],
    ],
    [
      "an Election Form tied with another",
      "election",
      "conflict",
      "2003-07-22T09:00:00-07:00",
      "fax",
      "signed and received at the same times as form F-18, which lists other grants",
      [
        "Dear Jane Doe:",
        SEED_ELECTION_1,
        "Please note that we cannot give effect to this Election Form as it stands: signed and received at the same times as form F-18, which lists other grants.",
        SEED_ELECTION_2 + ".",
        SEED_CONTACT_LINE,
        SEED_CONTACT.join("\n"),
      ],
    ],
  ])("%s", (_, type, status, received, channel, reason, expected) => {
    const mail = confirmationEmail(outcome(type, status, received, channel, reason), seedTerms(), "Jane Doe", SEED_WORDING);
    expect(paragraphs(mail.body)).toEqual(expected);
  });

  it("hand-filled: another issuer, two amendments, New York time, no wording given", () => {
    const terms = seedTerms({
      offer: { ...seedTerms().offer, issuerName: "Acme Widgets, Inc.", commencementDate: s("2008-10-01"), offerExpirationDate: s("2008-10-31") },
      timeZone: "America/New_York",
      expirationTime: 1440,
      amendments: [
        { date: s("2008-10-15"), considerationChanged: true, numberSoughtChanged: false },
        { date: s("2008-10-08"), considerationChanged: false, numberSoughtChanged: false },
      ],
    });
    const mail = confirmationEmail(outcome("withdrawal", "counted", "2008-10-20T12:00:00-04:00"), terms, "  ");
    expect(paragraphs(mail.body)).toEqual([
      "This e-mail confirms our receipt of your Notice to Withdraw from the Offer pursuant to the most recent version of our Offer to Exchange Certain Outstanding Options for New Options (originally dated October 1, 2008, as amended on October 8, 2008 and October 15, 2008) (as so amended, and as it may be amended from time to time thereafter, the \"Offer\") and nullifying your previously submitted Election Form.",
      SEED_WITHDRAWAL_2,
      "In addition, you may change your mind and re-accept the Offer by completing and delivering a new Election Form per the procedures set forth in the Offer prior to 12:00 midnight, Eastern Time, at the end of October 31, 2008.",
      SEED_CONTACT_LINE,
      "Acme Widgets, Inc.",
    ]);
  });

  it("three accepted channels", () => {
    const mail = confirmationEmail(outcome("election", "channel", "2003-07-22T09:00:00-07:00", "email"), seedTerms({ acceptedChannels: ["fax", "hand", "mail"] }), "Jane Doe");
    expect(paragraphs(mail.body)[2]).toBe(
      "Please note that this Election Form does not count: it was delivered by e-mail, and the Offer accepts Election Forms only by fax, hand delivery or mail (e-mail is not sufficient).",
    );
  });

  it("no accepted channel at all", () => {
    const mail = confirmationEmail(outcome("election", "channel", "2003-07-22T09:00:00-07:00", "web"), seedTerms({ acceptedChannels: [] }), "Jane Doe");
    expect(paragraphs(mail.body)[2]).toBe("Please note that this Election Form does not count: it was delivered by the web, and the Offer does not accept Election Forms delivered that way.");
  });
});

describe("expirationText", () => {
  it.each([
    ["the seed", "2003-07-25T00:00:00Z", "America/Los_Angeles", "5:00 p.m., Pacific Time, on July 24, 2003"],
    ["midnight in New York", "2008-11-01T04:00:00Z", "America/New_York", "12:00 midnight, Eastern Time, at the end of October 31, 2008"],
    ["Tokyo", "2003-07-24T08:00:00Z", "Asia/Tokyo", "5:00 p.m., Japan Standard Time, on July 24, 2003"],
    ["with seconds", "2003-07-25T00:00:30Z", "America/Los_Angeles", "5:00:30 p.m., Pacific Time, on July 24, 2003"],
  ])("%s", (_, iso, zone, text) => {
    expect(expirationText(utc(iso), zone)).toBe(text);
  });
});

describe("issuerShortName", () => {
  it.each([
    ["Capstone Turbine Corporation", "Capstone Turbine"],
    ["Acme Widgets, Inc.", "Acme Widgets"],
    ["Advanced Micro Devices, Inc.", "Advanced Micro Devices"],
    ["Foo Holdings Ltd.", "Foo"],
    ["Corporation", "Corporation"],
    ["  Plain Name  ", "Plain Name"],
  ])("%s -> %s", (name, short) => {
    expect(issuerShortName(name)).toBe(short);
  });
});

// --- the Promise to Grant -------------------------------------------------------------------------

function holder(over: Partial<HolderOutcome> = {}): HolderOutcome {
  return {
    holderId: "E1001",
    holderName: "Jane Doe",
    status: "tendered",
    reason: "",
    formId: "F-17",
    acceptedGrants: [0, 1],
    acceptedGrantIds: ["G-100", "G-101"],
    acceptedShares: 2400,
    newOptionSharesByGrant: [1600, 800],
    newOptionShares: 2400,
    eligibleGrants: 2,
    eligibleShares: 2400,
    ...over,
  };
}

const GRANTS: PromisedGrant[] = [
  { oldGrantId: "G-100", grantDate: s("2001-03-01"), exercisePrice: 5, shares: 1600, newShares: 1600 },
  { oldGrantId: "G-101", grantDate: s("2000-11-15"), exercisePrice: 2.3125, shares: 800, newShares: 800 },
];
const DATES = { cancellationDate: s("2003-07-25"), newGrantDate: s("2004-01-26") };

describe("promiseToGrantText", () => {
  const text = promiseToGrantText(holder(), seedTerms(), DATES, GRANTS, SEED_WORDING);
  const parts = paragraphs(text);

  it("is the seed's Promise with the blank filled: 2,400 shares, no earlier than January 26, 2004", () => {
    expect(parts[0]).toBe("CAPSTONE TURBINE CORPORATION\nVOLUNTARY STOCK OPTION EXCHANGE PROGRAM\nPROMISE TO GRANT STOCK OPTION(S)");
    expect(parts[1]).toBe("To: Jane Doe (option holder E1001)");
    expect(parts[2]).toBe(SEED_PROMISE_1.replace("______", "2,400"));
    expect(parts[3]).toBe("The New Option(s) will vest and become exercisable as follows:");
    expect(parts[4]).toBe(SEED_PROMISE_VESTING.map((l) => `- ${l}`).join("\n"));
    expect(parts[5]).toBe(SEED_PROMISE_NSO);
    expect(parts[6]).toBe("The New Option(s) will otherwise be subject to:");
    expect(parts[7]).toBe(SEED_PROMISE_OTHERWISE.map((l) => `- ${l}`).join("\n"));
    expect(parts[8]).toBe(SEED_PROMISE_ACQUIRED);
    expect(parts[9]).toBe(SEED_PROMISE_EMPLOYED);
    expect(parts[10]).toBe(SEED_PROMISE_TERMS);
  });

  it("lists the cancelled grants (hand-filled) and leaves the signature blank", () => {
    expect(parts[11]).toBe(
      [
        "Options cancelled on July 25, 2003 in exchange for this promise:",
        "- Grant G-100, granted March 1, 2001 at $5.00 a share: 1,600 shares cancelled; 1,600 new option shares",
        "- Grant G-101, granted November 15, 2000 at $2.3125 a share: 800 shares cancelled; 800 new option shares",
        "Total: 2,400 shares cancelled; 2,400 new option shares promised.",
      ].join("\n"),
    );
    expect(parts.slice(12)).toEqual(["CAPSTONE TURBINE CORPORATION", "By: ______________________________\nTitle: ___________________________\nDate: ____________________________"]);
  });

  it("without wording: neutral words, the name without its suffix", () => {
    const plain = paragraphs(promiseToGrantText(holder(), seedTerms(), DATES, [], {}));
    expect(plain[2]).toBe(
      "In exchange for your agreement to cancel certain stock options granted by Capstone Turbine Corporation (\"CAPSTONE TURBINE\"), Capstone Turbine hereby promises to grant you a stock option or stock options (as applicable) covering 2,400 shares of Capstone Turbine's common stock (as may be adjusted for stock splits, stock dividends and similar events and as provided below) no earlier than January 26, 2004 (the \"NEW OPTION(S)\"). The exercise price of the New Option(s) will be the closing price of Capstone Turbine's common stock on the date of grant of the New Option(s).",
    );
    expect(plain[5]).toBe("Regardless of whether your exchanged options are incentive stock options or nonstatutory stock options, your New Option(s) will be nonstatutory stock options.");
    expect(plain[7]).toBe("- the standard terms and conditions under the equity incentive plan under which the New Option(s) are granted; and\n- a new option agreement between Capstone Turbine and you.");
    expect(plain.some((p) => p.startsWith("Options cancelled"))).toBe(false);
  });

  it("per-holder rounding: grant lines without per-grant new shares when they do not add up", () => {
    // 1-for-1.5 exchange, floor-per-holder: (1,600 + 800) / 1.5 = 1,600 for the holder; per grant 1,066.67 + 533.33
    const grants = GRANTS.map((g) => ({ ...g, newShares: Math.floor(g.shares / 1.5) }));
    const t = paragraphs(promiseToGrantText(holder({ newOptionShares: 1600 }), seedTerms(), DATES, grants, SEED_WORDING));
    const schedule = t.find((p) => p.startsWith("Options cancelled")) as string;
    expect(schedule.split("\n")).toEqual([
      "Options cancelled on July 25, 2003 in exchange for this promise:",
      "- Grant G-100, granted March 1, 2001 at $5.00 a share: 1,600 shares cancelled",
      "- Grant G-101, granted November 15, 2000 at $2.3125 a share: 800 shares cancelled",
      "Total: 2,400 shares cancelled; 1,600 new option shares promised.",
    ]);
  });

  it("NSO sentence left out when the offer says so", () => {
    const t = promiseToGrantText(holder(), seedTerms(), DATES, [], { ...SEED_WORDING, newOptionsNonstatutory: false });
    expect(t).not.toContain("nonstatutory");
  });

  it.each<[string, Partial<HolderOutcome>]>([
    ["a holder who withdrew", { status: "withdrawn", newOptionShares: 0 }],
    ["a tendered holder with no new shares", { newOptionShares: 0 }],
    ["a holder whose tender was not accepted", { status: "not-accepted", newOptionShares: 0 }],
  ])("%s: throws (no Promise is owed)", (_, over) => {
    expect(() => promiseToGrantText(holder(over), seedTerms(), DATES, [], SEED_WORDING)).toThrow(/No Promise to Grant is owed to holder E1001/);
  });
});

describe("vestingBullets: the schedule in the seed's words", () => {
  it.each<[string, VestingTerms, string[]]>([
    ["the seed: 12.5% at grant, 1/48 monthly, 42 months", NEW_OPTION_VESTING, SEED_PROMISE_VESTING],
    [
      // 1 x 12/48 = 1/4 at 12 months, then 1/48 a month
      "one-year cliff, monthly over four years",
      { vestingMonths: 48, cliffMonths: 12, upfrontFraction: 0, intervalMonths: 1 },
      [
        "1/4 of the shares subject to the New Option(s) will vest on the 12-month anniversary of the grant date of the New Option(s), and 1/48 will vest monthly thereafter; such that each New Option will be fully vested on the 48-month anniversary of the grant date of the New Option(s), subject to your continued employment with Acme or one of its subsidiaries through each relevant vesting date.",
      ],
    ],
    [
      "annually over three years",
      { vestingMonths: 36, cliffMonths: 0, upfrontFraction: 0, intervalMonths: 12 },
      [
        "1/3 of the shares subject to the New Option(s) will vest annually after the grant date of the New Option(s); such that each New Option will be fully vested on the 36-month anniversary of the grant date of the New Option(s), subject to your continued employment with Acme or one of its subsidiaries through each relevant vesting date.",
      ],
    ],
    [
      // (1 - 0.1) / 7 = 9/70 a month
      "10% at grant, then over 7 months",
      { vestingMonths: 7, cliffMonths: 0, upfrontFraction: 0.1, intervalMonths: 1 },
      [
        "10% of the shares subject to the New Option(s) will be vested on the grant date of the New Option(s); and",
        "9/70 of the shares subject to the New Option(s) will vest monthly after the grant date of the New Option(s); such that each New Option will be fully vested on the 7-month anniversary of the grant date of the New Option(s), subject to your continued employment with Acme or one of its subsidiaries through each relevant vesting date.",
      ],
    ],
    [
      "all at once after a 24-month cliff",
      { vestingMonths: 24, cliffMonths: 24, upfrontFraction: 0, intervalMonths: 1 },
      [
        "100% of the shares subject to the New Option(s) will vest on the 24-month anniversary of the grant date of the New Option(s); such that each New Option will be fully vested on the 24-month anniversary of the grant date of the New Option(s), subject to your continued employment with Acme or one of its subsidiaries through each relevant vesting date.",
      ],
    ],
    ["fully vested at grant (no vesting months)", { vestingMonths: 0, cliffMonths: 0, upfrontFraction: 0, intervalMonths: 1 }, ["100% of the shares subject to the New Option(s) will be vested on the grant date of the New Option(s)."]],
    ["fully vested at grant (upfront 100%)", { vestingMonths: 48, cliffMonths: 0, upfrontFraction: 1, intervalMonths: 1 }, ["100% of the shares subject to the New Option(s) will be vested on the grant date of the New Option(s)."]],
  ])("%s", (_, terms, lines) => {
    const short = terms === NEW_OPTION_VESTING ? "Capstone" : "Acme";
    expect(vestingBullets(terms, short)).toEqual(lines);
  });
});

// --- the results paragraph ---------------------------------------------------------------------------

describe("resultsParagraph", () => {
  const base = {
    terms: seedTerms(),
    eligible: { grants: 412, shares: 1_026_013, holders: 215 },
    expiration: utc("2003-07-25T00:00:00Z"),
    cancellationDate: s("2003-07-25"),
    newGrantDate: s("2004-01-26"),
  };

  it("hand-filled: 512,345 of 1,026,013 eligible shares (512,345 / 1,026,013 = 49.936...% -> 49.94)", () => {
    const text = resultsParagraph({ ...base, accepted: { grants: 160, shares: 512_345, holders: 87 }, participationPercent: "49.94", newOptionShares: 512_345 });
    expect(text).toBe(
      "The Offer expired at 5:00 p.m., Pacific Time, on July 24, 2003. Pursuant to the Offer, Capstone Turbine Corporation accepted for " +
        "cancellation options to purchase an aggregate of 512,345 shares of its common stock from 87 eligible persons, representing " +
        "approximately 49.94% of the 1,026,013 shares subject to options eligible for exchange (held by 215 eligible persons); the " +
        "options were cancelled on July 25, 2003. Capstone Turbine Corporation will issue a Promise to Grant " +
        "Stock Option(s) to each of them no later than July 30, 2003 and will grant new options to purchase an aggregate of 512,345 shares " +
        "of its common stock on January 26, 2004, subject to the terms of the Offer, including that the holder be an employee of Capstone " +
        "Turbine Corporation, one of its subsidiaries or a successor entity on that date.",
    );
  });

  it("every eligible option accepted", () => {
    const text = resultsParagraph({ ...base, accepted: { ...base.eligible }, participationPercent: "100.00", newOptionShares: 1_026_013 });
    expect(text).toContain("from 215 eligible persons, representing all of the options eligible for exchange; the options were cancelled on July 25, 2003.");
  });

  it("one share from one person: singular words", () => {
    const text = resultsParagraph({
      ...base,
      eligible: { grants: 1, shares: 3, holders: 1 },
      accepted: { grants: 1, shares: 1, holders: 1 },
      participationPercent: "33.33",
      newOptionShares: 1,
    });
    expect(text).toContain("options to purchase an aggregate of 1 share of its common stock from 1 eligible person, representing approximately 33.33%");
    expect(text).toContain("approximately 33.33% of the 3 shares subject to options eligible for exchange (held by 1 eligible person)");
    expect(text).toContain("new options to purchase an aggregate of 1 share of its common stock on January 26, 2004");
  });

  it("nothing accepted", () => {
    const text = resultsParagraph({ ...base, accepted: { grants: 0, shares: 0, holders: 0 }, participationPercent: "0.00", newOptionShares: 0 });
    expect(text).toBe(
      "The Offer expired at 5:00 p.m., Pacific Time, on July 24, 2003. No options were properly tendered and accepted for exchange pursuant " +
        "to the Offer (options to purchase 1,026,013 shares held by 215 eligible persons were eligible); no Promises to Grant " +
        "Stock Option(s) will be issued and no new options will be granted pursuant to the Offer.",
    );
  });

  it("an extended offer reports the expiration it is given (Monday July 28, 2003 at 5:00 p.m. PDT): Promise due August 1", () => {
    // cancellation Tuesday July 29 + 3: Wed 30, Thu 31, Fri August 1
    const text = resultsParagraph({
      ...base,
      expiration: utc("2003-07-29T00:00:00Z"),
      cancellationDate: s("2003-07-29"),
      newGrantDate: s("2004-01-30"),
      accepted: { grants: 2, shares: 2400, holders: 1 },
      participationPercent: "0.23",
      newOptionShares: 2400,
    });
    expect(text).toMatch(/^The Offer expired at 5:00 p\.m\., Pacific Time, on July 28, 2003\./);
    expect(text).toContain("no later than August 1, 2003");
    expect(text).toContain("on January 30, 2004");
  });
});
