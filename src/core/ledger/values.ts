/**
 * Reading ledger cells. The grammar of prices, share counts, dates and date-times is the tables'
 * (src/core/tables/values.ts, re-exported here); this file adds the ledger's vocabularies: holder
 * classes and countries.
 */
import { enumeration, Enumeration } from "../tables/schema";
import { cellText, RawCell } from "../tables/values";

export * from "../tables/values";

/** The holder classes optex knows. */
export type HolderClass = "employee" | "officer" | "executive" | "director" | "consultant";

/**
 * Each known holder class and the spellings read as it (compared lower-cased, with runs of spaces,
 * underscores, hyphens and dots as one space). Any other text is a class of its own, its folded
 * text: "Former Employee" is "former employee", never "employee".
 */
export const HOLDER_CLASSES: Readonly<Record<HolderClass, readonly string[]>> = {
  employee: [
    "Employee", "Employees", "EE", "Staff", "Regular Employee", "Full-time Employee", "Fulltime Employee",
    "Part-time Employee", "Parttime Employee", "Active Employee", "Current Employee", "Permanent Employee",
    "Salaried Employee", "Hourly Employee", "Exempt Employee", "Non-Exempt Employee", "Nonexempt Employee",
    "Non-Executive Employee", "Nonexecutive Employee", "Non-Officer Employee", "Rank and File Employee",
  ],
  officer: ["Officer", "Officers", "Section 16 Officer", "Sec. 16 Officer", "Section 16", "Corporate Officer"],
  executive: ["Executive", "Executives", "Executive Officer", "Executive Officers", "Named Executive Officer", "NEO", "Senior Executive"],
  director: [
    "Director", "Directors", "Non-Employee Director", "Nonemployee Director", "Outside Director", "Independent Director",
    "Non-Executive Director", "Nonexecutive Director", "Board Member", "Board of Directors", "Member of the Board", "Board Director",
  ],
  consultant: ["Consultant", "Consultants", "Contractor", "Independent Contractor", "Advisor", "Adviser", "Advisory Board Member"],
};

/**
 * The holder-class vocabulary: a known spelling is its class; any other text is a class of its own,
 * lower-cased with runs of spaces, underscores, hyphens and dots as one space.
 */
export const HOLDER_CLASS_VOCABULARY: Enumeration = enumeration(HOLDER_CLASSES, { other: (folded) => folded });

/**
 * The country vocabulary: the United States' spellings (US, USA, U.S., U.S.A., United States, United
 * States of America, America) are "US"; any other text is itself, upper-cased ("Non-US" -> "NON-US").
 */
export const COUNTRY_VOCABULARY: Enumeration = enumeration(
  { US: ["USA", "U.S.", "U.S.A.", "United States", "United States of America", "America"] },
  { fold: (t) => t.toLowerCase().replace(/\./g, " ").replace(/\s+/g, " ").trim(), other: (folded) => folded.toUpperCase() },
);

const classCache = new Map<string, string>();
const countryCache = new Map<string, string>();

/** Looks a normalization up in a small cache (ledgers repeat a handful of values). */
function cached(cache: Map<string, string>, key: string, compute: (k: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size > 10000) cache.clear();
    cache.set(key, value);
  }
  return value;
}

const holderClassOf = (text: string) => HOLDER_CLASS_VOCABULARY.normalize(text) as string;
const countryOf = (text: string) => COUNTRY_VOCABULARY.normalize(text) as string;

/**
 * A holder class: the canonical name of a known spelling ({@link HOLDER_CLASSES}), otherwise the
 * text itself, lower-cased with spaces, underscores, hyphens and dots folded ("Ex-Employee" ->
 * "ex employee"). Blank is "".
 */
export function normalizeHolderClass(cell: RawCell): string {
  return cached(classCache, cellText(cell), holderClassOf);
}

/** A country, upper-cased, with the United States' spellings folded to "US" (exact spellings only: "Non-US" stays "NON-US"). */
export function normalizeCountry(cell: RawCell): string {
  return cached(countryCache, cellText(cell), countryOf);
}
