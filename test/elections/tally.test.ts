/**
 * The offer's rules over hand-made forms (seed 004, Offer to Exchange sections 4-6; DOMAIN.md
 * section 1). Every expected status, share count and date is worked out by hand in the comments.
 *
 * The ledger: Capstone's offer (commenced 2003-06-25, expires 5:00 p.m. PDT 2003-07-24 = 00:00 UTC
 * 2003-07-25, cancelled 2003-07-25, exercise price >= $2.00, US employees).
 */
import { isoToSerial } from "../../src/core/dates/serial";
import { NEW_OPTION_VESTING } from "../../src/core/equity/vesting";
import { Grant, GrantTable } from "../../src/core/ledger/grantTable";
import { roundNewShares, tallyElections, RosterEntry } from "../../src/core/elections/tally";
import { ElectionForm, ElectionTerms, TenderLine } from "../../src/core/elections/types";

const d = (iso: string) => isoToSerial(iso) as number;

const TERMS: ElectionTerms = {
  offer: {
    issuerName: "Capstone Turbine Corporation",
    commencementDate: d("2003-06-25"),
    offerExpirationDate: d("2003-07-24"),
    cancellationDate: d("2003-07-25"),
    eligibility: { exercisePriceThreshold: 2, holderClasses: ["employee"], countries: ["US"] },
    newOption: { lifeYears: 10, vesting: NEW_OPTION_VESTING, exchangeRatio: 1, splitFactor: 1, rounding: "floor-per-grant" },
  },
  expirationTime: 17 * 60,
  timeZone: "America/Los_Angeles",
  acceptedChannels: ["fax", "hand"],
  newOption: { lifeYears: 10, vesting: NEW_OPTION_VESTING, exchangeRatio: 1, splitFactor: 1, rounding: "floor-per-grant" },
  amendments: [],
};

let line = 1;
function grant(grantId: string, holderId: string, grantDate: string, price: number, shares: number, extra: Partial<Grant> = {}): Grant {
  return {
    line: ++line,
    grantId,
    holderId,
    holderName: `Name ${holderId}`,
    holderClass: "employee",
    country: "US",
    plan: "2000 Equity Incentive Plan",
    grantDate: d(grantDate),
    expirationDate: d(grantDate) + 3652,
    expirationAssumed: false,
    exercisePrice: price,
    sharesOutstanding: shares,
    optionType: "NSO",
    ...extra,
  };
}

const LEDGER = GrantTable.fromGrants([
  grant("G1", "E1", "2001-01-03", 5, 1000, { optionType: "ISO" }), // G1 + G2: a same-day ISO + NSO split
  grant("G2", "E1", "2001-01-03", 5, 500),
  grant("G3", "E1", "2002-05-01", 3, 2400),
  grant("G4", "E2", "2000-08-01", 10, 3000),
  grant("G5", "E3", "2002-10-01", 1.5, 1000), // below the $2.00 threshold
  grant("G6", "O1", "2000-08-01", 10, 1000, { holderClass: "officer" }),
  grant("G7", "E4", "2000-08-01", 4, 1000, { terminationDate: d("2003-07-10") }), // left before cancellation
  grant("G8", "E5", "2000-08-01", 20, 1001),
  grant("G9", "E6", "2000-08-01", 8, 700),
  grant("G10", "E7", "2000-08-01", 9, 900),
  grant("G11", "E8", "2000-08-01", 7, 1200),
  grant("G12", "E9", "2000-08-01", 6, 600), // no form at all
]);

/** A wall-clock time in Pacific daylight time (UTC-7 all July 2003), as an instant. */
const pdt = (iso: string, hms: string) => Date.parse(`${iso}T${hms}-07:00`);

let formLine = 1;
function form(formId: string, holderId: string, type: "election" | "withdrawal", signed: string, received: number, channel: string, grants: (string | [string, number])[] = []): ElectionForm {
  const tenders: TenderLine[] = grants.map((g) => ({ line: ++formLine, grantId: Array.isArray(g) ? g[0] : g, shares: Array.isArray(g) ? g[1] : undefined }));
  const [day, time] = signed.split(" ");
  const signedAt = d(day) + (time ? (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) / 1440 : 0);
  return {
    formId,
    holderId,
    type,
    signedAt,
    signedTime: time !== undefined,
    receivedAt: received,
    channel,
    lines: tenders.length ? tenders.map((t) => t.line) : [++formLine],
    tenders: type === "election" ? tenders : [],
    ignoredGrantIds: [],
  };
}

const LOG = { rows: 0, accepted: 0, rejected: 0, errors: [], headers: [], mapping: {}, unmapped: [], conflicts: [] };

const FORMS: ElectionForm[] = [
  // E1: an election, then a later-signed one that lists G1 without its same-day pair G2
  form("EF-1", "E1", "election", "2003-07-01", pdt("2003-07-01", "10:00:00"), "fax", ["G1", "G2", "G3"]),
  form("EF-2", "E1", "election", "2003-07-10", pdt("2003-07-10", "09:00:00"), "fax", ["G1", "G3"]),
  // E2: an election received one second before the deadline, and a withdrawal received at it
  form("EF-3", "E2", "election", "2003-07-24", pdt("2003-07-24", "16:59:59"), "fax", ["G4"]),
  form("NW-1", "E2", "withdrawal", "2003-07-24", pdt("2003-07-24", "17:00:00"), "fax"),
  // E5: an e-mailed election (not accepted) only
  form("EF-4", "E5", "election", "2003-07-20", pdt("2003-07-20", "12:00:00"), "email", ["G8"]),
  // E6: an election, then a withdrawal, then a re-tender with a partial share count
  form("EF-5", "E6", "election", "2003-07-02", pdt("2003-07-02", "12:00:00"), "hand", ["G9"]),
  form("NW-2", "E6", "withdrawal", "2003-07-08", pdt("2003-07-08", "12:00:00"), "hand"),
  form("EF-6", "E6", "election", "2003-07-15", pdt("2003-07-15", "12:00:00"), "fax", [["G9", 350]]),
  // E7: two forms signed the same day (no times): the later receipt wins; the later one lists nothing
  form("EF-7", "E7", "election", "2003-07-16", pdt("2003-07-16", "09:00:00"), "fax", ["G10"]),
  form("EF-8", "E7", "election", "2003-07-16", pdt("2003-07-16", "15:00:00"), "fax"),
  // E8: signed the day after it was received (invalid), and another holder's and an unknown grant
  form("EF-9", "E8", "election", "2003-07-19", pdt("2003-07-18", "11:00:00"), "fax", ["G11"]),
  form("EF-10", "E3", "election", "2003-07-11", pdt("2003-07-11", "11:00:00"), "fax", ["G5", "G4", "G99"]),
  // E4 left on July 10 (before the July 25 cancellation): not eligible
  form("EF-11", "E4", "election", "2003-07-03", pdt("2003-07-03", "11:00:00"), "hand", [["G7", 1000]]),
];

describe("tallyElections: the seed's rules, form by form", () => {
  const r = tallyElections({ ledger: LEDGER, terms: TERMS, forms: FORMS, log: LOG });
  const status = (id: string) => r.forms.find((f) => f.form.formId === id)?.status;
  const holder = (id: string) => r.holders.find((h) => h.holderId === id);

  it.each([
    ["EF-1", "superseded"], // replaced by EF-2, signed later
    ["EF-2", "counted"],
    ["EF-3", "counted"], // 4:59:59 p.m. PDT counts
    ["NW-1", "late"], // 5:00:00 p.m. PDT does not
    ["EF-4", "channel"], // "e-mail responses are not acceptable"
    ["EF-5", "superseded"],
    ["NW-2", "superseded"],
    ["EF-6", "counted"],
    ["EF-7", "superseded"], // same signature day: the later receipt (EF-8) wins
    ["EF-8", "counted"],
    ["EF-9", "invalid"], // signed July 19, received July 18
    ["EF-10", "counted"],
    ["EF-11", "counted"],
  ])("form %s is %s", (id, expected) => expect(status(id)).toBe(expected));

  it.each([
    // E1: G1 is rejected (its pair G2 not listed); G3 (2,400 shares) is accepted
    ["E1", "tendered", ["G3"], 2400],
    ["E2", "tendered", ["G4"], 3000], // the late withdrawal does not count
    ["E3", "not-accepted", [], 0], // G5 below $2.00, G4 another holder's, G99 unknown
    ["E4", "not-accepted", [], 0], // terminated July 10
    ["E5", "not-accepted", [], 0], // only an e-mail: a response, but none that counts
    ["E6", "not-accepted", [], 0], // re-tender of 350 of G9's 700 shares: partial
    ["E7", "declined", [], 0], // the winning form lists nothing
    ["E8", "not-accepted", [], 0], // only an invalid form
    ["E9", "no-response", [], 0], // no form received
  ])("holder %s is %s with %j (%d shares)", (id, expected, grants, shares) => {
    const h = holder(id as string);
    expect(h?.status).toBe(expected);
    expect(h?.acceptedGrantIds).toEqual(grants);
    expect(h?.acceptedShares).toBe(shares);
  });

  it("says which rule rejected each listed grant", () => {
    expect(r.rejectedTenders.map((t) => [t.formId, t.grantId, t.rule])).toEqual([
      ["EF-2", "G1", "split-pair"],
      ["EF-6", "G9", "partial"],
      ["EF-10", "G5", "not-eligible"],
      ["EF-10", "G4", "other-holder"],
      ["EF-10", "G99", "unknown-grant"],
      ["EF-11", "G7", "not-eligible"],
    ]);
    const split = r.rejectedTenders.find((t) => t.grantId === "G1")?.reason;
    expect(split).toBe("grant G1 was granted 2001-01-03 with G2 (an ISO + NSO split); both must be tendered or neither");
    expect(r.rejectedTenders.find((t) => t.grantId === "G9")?.reason).toContain("350 shares of grant G9 tendered; all 700 outstanding shares");
    expect(r.rejectedTenders.find((t) => t.grantId === "G5")?.reason).toContain("exercise price $1.50 is below $2.00");
    expect(r.rejectedTenders.find((t) => t.grantId === "G7")?.reason).toContain("July 10, 2003");
  });

  it("gives the reasons in the seed's terms", () => {
    const reason = (id: string) => r.forms.find((f) => f.form.formId === id)?.reason;
    expect(reason("NW-1")).toBe("received 5:00 p.m. PDT, July 24, 2003, not before the offer expired at 5:00 p.m. PDT, July 24, 2003");
    expect(reason("EF-4")).toBe("sent by e-mail; the offer accepts only fax and hand delivery");
    expect(reason("EF-9")).toContain("signed 2003-07-19, after it was received (11:00 a.m. PDT, July 18, 2003)");
  });

  it("adds up the final amendment's figures", () => {
    // eligible: G1 1,000 + G2 500 + G3 2,400 + G4 3,000 + G8 1,001 + G9 700 + G10 900 + G11 1,200 + G12 600
    // = 11,301 shares in 9 grants of 7 holders (E1, E2, E5, E6, E7, E8, E9); G5 (price), G6 (officer),
    // G7 (terminated) are out
    expect(r.eligible).toEqual({ grants: 9, shares: 11301, holders: 7 });
    // accepted: G3 2,400 + G4 3,000 = 5,400 shares, 2 grants, 2 holders; 5,400 / 11,301 = 47.7833...%
    expect(r.accepted).toEqual({ grants: 2, shares: 5400, holders: 2 });
    expect(r.participationPercent).toBe("47.78");
    expect(r.newOptionShares).toBe(5400);
    expect(r.holdersByStatus).toEqual({ tendered: 2, withdrawn: 0, declined: 1, "no-response": 1, "not-accepted": 5 });
    expect(r.formsByStatus).toEqual({ counted: 6, superseded: 4, late: 1, channel: 1, invalid: 1, conflict: 0 });
    // bands: G3 ($3) and G4 ($10) accepted
    const band = (label: string) => r.bands.find((b) => b.label === label);
    expect(band("$2.00-$4.99")).toEqual({ label: "$2.00-$4.99", eligibleGrants: 1, eligibleShares: 2400, acceptedGrants: 1, acceptedShares: 2400 });
    expect(band("$10.00-$19.99")).toEqual({ label: "$10.00-$19.99", eligibleGrants: 1, eligibleShares: 3000, acceptedGrants: 1, acceptedShares: 3000 });
  });

  it("dates the cancellation, the Promise to Grant and the new grant as the seed does", () => {
    expect(r.cancellationDate).toBe(d("2003-07-25"));
    expect(r.promiseToGrantDue).toBe(d("2003-07-30")); // Fri July 25 + 3 business days: Mon 28, Tue 29, Wed 30
    expect(r.newGrantDate).toBe(d("2004-01-26")); // July 25 + 6 months + 1 day = Jan 26, 2004 (a Monday)
    expect(r.expiration).toBe(Date.UTC(2003, 6, 25, 0, 0, 0));
  });

  it("confirms every form two business days after its New York receipt day", () => {
    // EF-3: received 4:59:59 p.m. PDT Thu July 24 = 7:59:59 p.m. EDT Thu: due Mon July 28
    expect(r.forms.find((f) => f.form.formId === "EF-3")?.confirmationDue).toBe(d("2003-07-28"));
  });
});

describe("tallyElections: conflicts and the roster", () => {
  it("reports equal signatures received at the same instant as a conflict", () => {
    const at = pdt("2003-07-20", "10:00:00");
    const forms = [form("A", "E2", "election", "2003-07-20", at, "fax", ["G4"]), form("B", "E2", "withdrawal", "2003-07-20", at, "hand")];
    const r = tallyElections({ ledger: LEDGER, terms: TERMS, forms, log: LOG });
    expect(r.forms.map((f) => f.status)).toEqual(["conflict", "conflict"]);
    expect(r.holders.find((h) => h.holderId === "E2")?.status).toBe("not-accepted");
  });

  it("takes termination dates from the roster and warns where the ledger differs", () => {
    const roster = new Map<string, RosterEntry>([
      ["E2", { terminationDate: d("2003-07-25") }], // left on the cancellation date: not held "through" it
      ["E4", {}], // the ledger says July 10; the roster says still employed
    ]);
    const forms = [form("A", "E2", "election", "2003-07-20", pdt("2003-07-20", "10:00:00"), "fax", ["G4"]), form("B", "E4", "election", "2003-07-20", pdt("2003-07-20", "10:00:00"), "fax", ["G7"])];
    const r = tallyElections({ ledger: LEDGER, terms: TERMS, forms, log: LOG, roster });
    expect(r.holders.find((h) => h.holderId === "E2")?.status).toBe("not-accepted");
    expect(r.holders.find((h) => h.holderId === "E4")?.status).toBe("tendered");
    expect(r.warnings[0]).toContain("E4 (ledger 2003-07-10, roster still employed)");
  });
});

describe("roundNewShares: the three rounding rules of filed programs", () => {
  const terms = (exchangeRatio: number, splitFactor: number, rounding: "floor-per-grant" | "floor-per-holder" | "nearest-per-grant"): ElectionTerms => ({
    ...TERMS,
    newOption: { ...TERMS.newOption, exchangeRatio, splitFactor, rounding },
  });
  it.each([
    // 1,001 old for 2-for-1: 500.5 each
    [[1001, 1001, 1001], 2, 1, "floor-per-grant", [500, 500, 500]],
    [[1001, 1001, 1001], 2, 1, "nearest-per-grant", [501, 501, 501]],
    // holder total floor(3,003 / 2) = 1,501: floors 500 x 3 = 1,500, one share left, to the first (equal fractions)
    [[1001, 1001, 1001], 2, 1, "floor-per-holder", [501, 500, 500]],
    // 1-for-10 reverse split: 1,026,013 -> 102,601.3
    [[1026013], 1, 0.1, "floor-per-grant", [102601]],
    [[1026013], 1, 0.1, "nearest-per-grant", [102601]],
    // 3-for-1 exchange: 1,000 -> 333.33, 2,000 -> 666.67; holder: floor(1,000) = 1,000 = 333 + 666 + 1 to the larger fraction
    [[1000, 2000], 3, 1, "floor-per-grant", [333, 666]],
    [[1000, 2000], 3, 1, "nearest-per-grant", [333, 667]],
    [[1000, 2000], 3, 1, "floor-per-holder", [333, 667]],
    // 0.1 is read as the decimal 0.1: 30 x 0.1 = 3 exactly, not 2.9999...
    [[30], 1, 0.1, "floor-per-grant", [3]],
  ] as const)("%j shares, ratio %d, split %d, %s -> %j", (shares, ratio, split, rule, expected) => {
    expect(roundNewShares(shares, terms(ratio, split, rule))).toEqual(expected);
  });
});
