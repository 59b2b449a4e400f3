/**
 * The words of an election log: form types (the seed's Election Form and Notice to Withdraw) and the
 * channels a form arrives by. OFFER.json's `acceptedChannels` is read with the same vocabulary, so
 * "Facsimile" in the offer and "FAX" in the log are one channel.
 */
import { enumeration, Enumeration } from "../tables/schema";

/** Form types: closed (any other text is that line's error). */
export const FORM_TYPE_VOCABULARY: Enumeration = enumeration({
  election: ["Election Form", "Election", "Elect", "Tender", "Letter of Transmittal", "Change of Election", "Election Change", "Re-election", "Reelection"],
  withdrawal: ["Notice to Withdraw", "Notice of Withdrawal", "Withdrawal", "Withdraw", "Withdrawal Form", "Notice to Withdraw from the Offer"],
});

/** Channels: open (an unknown channel is kept as written, folded, and never accepted unless the offer names it). */
export const CHANNEL_VOCABULARY: Enumeration = enumeration(
  {
    fax: ["Facsimile", "Telecopy", "Telecopier", "Fax", "Faxed", "By Fax", "Via Fax"],
    hand: ["Hand", "By Hand", "Hand Delivery", "Hand Delivered", "Hand-delivered", "In Person", "Personal Delivery", "Delivered by Hand"],
    email: ["E-mail", "Email", "E mail", "Electronic Mail", "By Email", "Via Email", "Scanned Email", "PDF by Email"],
    mail: ["Mail", "US Mail", "U.S. Mail", "First Class Mail", "Postal Mail", "Post", "Regular Mail", "Certified Mail"],
    courier: ["Courier", "Overnight Courier", "Overnight", "FedEx", "Federal Express", "UPS", "DHL"],
    web: ["Web", "Website", "Online", "Portal", "Web Portal", "Internet"],
  },
  { other: (folded) => folded },
);
