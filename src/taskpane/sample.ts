/** The bundled Capstone 2003 example (a synthetic ledger reconstructed from the filing). */
import ledgerCsv from "../../assets/samples/capstone-2003/ledger.csv";
import offer from "../../assets/samples/capstone-2003/offer.json";

export const CAPSTONE_LEDGER_CSV: string = ledgerCsv;
export const CAPSTONE_OFFER: Record<string, unknown> = offer;
export const CAPSTONE_NAME = "Capstone Turbine 2003 (synthetic reconstruction)";
