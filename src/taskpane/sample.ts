/**
 * The bundled Capstone 2003 example: a synthetic ledger reconstructed from the filing, its offer, and
 * a synthetic election log and roster that break every rule of the elections at least once (see
 * assets/samples/capstone-2003/README.md and ELECTIONS.md).
 */
import ledgerCsv from "../../assets/samples/capstone-2003/ledger.csv";
import electionsCsv from "../../assets/samples/capstone-2003/elections.csv";
import rosterCsv from "../../assets/samples/capstone-2003/roster.csv";
import offer from "../../assets/samples/capstone-2003/offer.json";
import almgrenTerms from "../../assets/samples/separation-2002-almgren/TERMS.json";
import tuckerTerms from "../../assets/samples/separation-2006-tucker/TERMS.json";

export const CAPSTONE_LEDGER_CSV: string = ledgerCsv;
export const CAPSTONE_OFFER: Record<string, unknown> = offer;
export const CAPSTONE_NAME = "Capstone Turbine 2003 (synthetic reconstruction)";

export const CAPSTONE_ELECTIONS_CSV: string = electionsCsv;
export const CAPSTONE_ELECTIONS_NAME = "Capstone 2003 election log (synthetic)";
export const CAPSTONE_ROSTER_CSV: string = rosterCsv;
export const CAPSTONE_ROSTER_NAME = "Capstone 2003 roster (synthetic)";

/** The executive separations (seeds 000 and 001), as the buttons name them (assets/samples/separation-2002-almgren and separation-2006-tucker). */
export const SEPARATION_SAMPLES: readonly { key: string; label: string; name: string; terms: Record<string, unknown> }[] = [
  { key: "000", label: "Try seed 000 (Almgren, 2002)", name: "seed 000 (Almgren, 2002)", terms: almgrenTerms },
  { key: "001", label: "Try seed 001 (Tucker, 2006)", name: "seed 001 (Tucker, 2006)", terms: tuckerTerms },
];
