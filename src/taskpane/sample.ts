/**
 * The bundled Capstone 2003 example: a synthetic ledger reconstructed from the filing, its offer, and
 * a synthetic election log and roster that break every rule of the elections at least once (see
 * assets/samples/capstone-2003/README.md and ELECTIONS.md).
 */
import ledgerCsv from "../../assets/samples/capstone-2003/ledger.csv";
import electionsCsv from "../../assets/samples/capstone-2003/elections.csv";
import rosterCsv from "../../assets/samples/capstone-2003/roster.csv";
import offer from "../../assets/samples/capstone-2003/offer.json";

export const CAPSTONE_LEDGER_CSV: string = ledgerCsv;
export const CAPSTONE_OFFER: Record<string, unknown> = offer;
export const CAPSTONE_NAME = "Capstone Turbine 2003 (synthetic reconstruction)";

export const CAPSTONE_ELECTIONS_CSV: string = electionsCsv;
export const CAPSTONE_ELECTIONS_NAME = "Capstone 2003 election log (synthetic)";
export const CAPSTONE_ROSTER_CSV: string = rosterCsv;
export const CAPSTONE_ROSTER_NAME = "Capstone 2003 roster (synthetic)";
