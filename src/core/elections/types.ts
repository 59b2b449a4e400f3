/**
 * The shapes of the offer's life after the filing (seed 004, Offer to Exchange sections 4-6 and 15):
 * the election log's forms, what each form and each holder came to, the offer's calendar, the totals
 * of the final amendment and the new grants. The modules of src/core/elections build and read them;
 * the CLI (`optex elections`, `optex new-grants`) and the pane's Elections section show them.
 *
 * Times: an instant is milliseconds since 1970-01-01T00:00Z (UTC); a day is an Excel serial; a
 * wall-clock time written on a form is an Excel serial with a fraction, as written (no zone applied).
 */
import { VestingTerms } from "../equity/vesting";
import { ExchangeOffer, NewOptionTerms } from "../offer/records";

/** The two forms of seed 004: the Election Form and the Notice to Withdraw. */
export type FormType = "election" | "withdrawal";

/** An amendment to the offer (Schedule TO-I/A) and what it changed. */
export interface OfferAmendment {
  /** The day notice of the change was first published (Excel serial). */
  date: number;
  /** The consideration (the new option, the exchange ratio) changed. */
  considerationChanged: boolean;
  /** The number (or percentage) of options sought changed. */
  numberSoughtChanged: boolean;
  /** Free text: what the amendment did. */
  description?: string;
}

/**
 * What the elections commands need of an offer, beyond what `optex value` needs: read from
 * OFFER.json by `electionTerms` (src/core/offer/records.ts), which names every missing field.
 */
export interface ElectionTerms {
  offer: ExchangeOffer;
  /** Minutes after midnight, local time in `timeZone` ("17:00" = 1020). */
  expirationTime: number;
  /** An IANA time zone ("America/Los_Angeles"). */
  timeZone: string;
  /** Canonical channels a form may arrive by (CHANNEL_VOCABULARY's values: "fax", "hand", ...). */
  acceptedChannels: readonly string[];
  newOption: NewOptionTerms;
  /** The new grant date when the offer fixes one; undefined = NEW_GRANT_DATE(cancellation, 6, 1). */
  newGrantDate?: number;
  amendments: readonly OfferAmendment[];
}

/** One grant listed on an election form. */
export interface TenderLine {
  /** Log line (file line, header = 1; or worksheet row). */
  line: number;
  grantId: string;
  /** Shares written for the grant; undefined = blank (the whole grant). */
  shares?: number;
}

/** One form received: the log's lines with one form id. */
export interface ElectionForm {
  formId: string;
  holderId: string;
  type: FormType;
  /** Signature as written: an Excel serial, a fraction when a time was written (wall clock, no zone). */
  signedAt: number;
  /** True when the signature has a time of day. */
  signedTime: boolean;
  /** The instant received (UTC milliseconds). */
  receivedAt: number;
  /** Canonical channel ("fax", "hand", "email", "mail", "web", or the text as folded). */
  channel: string;
  /** The log lines of the form, in order. */
  lines: number[];
  /** Grants listed (election forms); empty = tenders nothing. */
  tenders: TenderLine[];
  /** Grant ids listed on a Notice to Withdraw (ignored: it withdraws everything; said in the reason). */
  ignoredGrantIds: string[];
  /** Set when the form's lines disagree (holder, type, times, channel): the form is invalid. */
  inconsistency?: string;
}

/** What a form came to. */
export type FormStatus = "counted" | "superseded" | "late" | "channel" | "invalid" | "conflict";

export interface FormOutcome {
  form: ElectionForm;
  status: FormStatus;
  /** Why, in a sentence that cites the rule ("received 5:00:01 p.m. PDT July 24, 2003, at or after the 5:00 p.m. deadline"). */
  reason: string;
  /** The day the receipt's e-mail confirmation is due: two business days after the receipt's New York date. */
  confirmationDue: number;
}

/** Why a grant listed on the winning election was not accepted. */
export type TenderRejection =
  | "unknown-grant"
  | "other-holder"
  | "not-eligible"
  | "partial"
  | "split-pair"
  | "duplicate";

export interface RejectedTender {
  formId: string;
  line: number;
  grantId: string;
  rule: TenderRejection;
  reason: string;
}

/** What a holder came to. */
export type HolderStatus = "tendered" | "withdrawn" | "declined" | "no-response" | "not-accepted";

export interface HolderOutcome {
  holderId: string;
  holderName: string;
  status: HolderStatus;
  reason: string;
  /** The winning form, if any. */
  formId?: string;
  /** Ledger rows (GrantTable indexes) of the accepted grants, in ledger order. */
  acceptedGrants: number[];
  acceptedGrantIds: string[];
  acceptedShares: number;
  /** New option shares promised, per accepted grant (same order), by the offer's rounding rule. */
  newOptionSharesByGrant: number[];
  newOptionShares: number;
  /** Eligible grants and shares the holder held. */
  eligibleGrants: number;
  eligibleShares: number;
}

/** Grants, shares and holders. */
export interface Counts {
  grants: number;
  shares: number;
  holders: number;
}

/** Eligible and accepted options in one exercise-price band (PRICE_BANDS). */
export interface ParticipationBand {
  label: string;
  eligibleGrants: number;
  eligibleShares: number;
  acceptedGrants: number;
  acceptedShares: number;
}

/** One date (or instant) of the offer's calendar. */
export interface CalendarEvent {
  key:
    | "commencement"
    | "earliestExpiration"
    | "expiration"
    | "extensionNotice"
    | "amendment"
    | "amendedEarliestExpiration"
    | "cancellation"
    | "promiseToGrantDue"
    | "newGrantDate"
    | "newOptionsFullyVested";
  label: string;
  /** The day (Excel serial). */
  date: number;
  /** The instant, for events with a time (expiration, extension notice). */
  instant?: number;
  /** ISO 8601 with the offset in the offer's zone ("2003-07-24T17:00:00-07:00"), for events with a time. */
  isoInstant?: string;
  /** How it is figured, citing the rule. */
  rule: string;
}

export interface OfferCalendar {
  events: CalendarEvent[];
  /** The instant forms must be received before (UTC ms). */
  deadline: number;
  /** Problems with the offer's dates (an expiry earlier than Rule 14e-1 allows), each a sentence. */
  flags: string[];
}

/** A new option granted for an accepted old one, to a holder still employed on the new grant date. */
export interface NewGrant {
  newGrantId: string;
  oldGrantId: string;
  holderId: string;
  holderName: string;
  shares: number;
  /** The closing price on the new grant date, as a decimal string. */
  exercisePrice: string;
  grantDate: number;
  expirationDate: number;
  vesting: VestingTerms;
}

export interface ForfeitedPromise {
  holderId: string;
  holderName: string;
  oldGrantIds: string[];
  /** New option shares that would have been granted. */
  shares: number;
  reason: string;
}

export type { NewOptionTerms };

/** How the election log was read (the table reader's outcome, with the lines the forms could not use). */
export interface LogSummary {
  /** Records read (blank lines skipped); rows = accepted + rejected. */
  rows: number;
  accepted: number;
  rejected: number;
  /** Every rejected line: `row` is its line (file) or row (worksheet), `column` the log column or "". */
  errors: { row: number; column: string; message: string }[];
  /** Encoding, delimiter and line breaks (files), as the ledger's report shows them. */
  source?: { encoding: string; delimiter?: string; lineBreaks?: string };
  headers: string[];
  /** Log column -> header index. */
  mapping: Record<string, number>;
  /** Headers no column took. */
  unmapped: string[];
  /** Columns two headers fit: nothing is tallied until the user chooses. */
  conflicts: { column: string; candidates: number[] }[];
  stopped?: string;
}

/** Everything `optex elections` reports (see issue 9, section 3). */
export interface ElectionResults {
  terms: ElectionTerms;
  log: LogSummary;
  calendar: OfferCalendar;
  /** Every form received, in log order. */
  forms: FormOutcome[];
  formsByStatus: Record<FormStatus, number>;
  rejectedTenders: RejectedTender[];
  /** Every holder with an eligible grant or a readable form, in ledger order, then log order. */
  holders: HolderOutcome[];
  holdersByStatus: Record<HolderStatus, number>;
  eligible: Counts;
  accepted: Counts;
  /** Accepted shares / eligible shares x 100, two places, half up ("10.41"). */
  participationPercent: string;
  newOptionShares: number;
  bands: ParticipationBand[];
  /** The expiration instant (UTC ms) and the days that follow it. */
  expiration: number;
  cancellationDate: number;
  promiseToGrantDue: number;
  newGrantDate: number;
  /** The results paragraph of the final amendment. */
  resultsText: string;
  /** Things the user should check (no roster given, a termination date in both ledger and roster that differ, ...). */
  warnings: string[];
}

/** What `optex new-grants` adds. */
export interface NewGrantResults {
  /** The closing price on the new grant date, as given (decimal string). */
  grantPrice: string;
  newGrants: NewGrant[];
  forfeited: ForfeitedPromise[];
  /** Shares granted and forfeited. */
  grantedShares: number;
  forfeitedShares: number;
}
