/**
 * The pane's state and its pure reducer.
 */
import { LedgerResult } from "../../core/ledger/parseLedger";
import { ByteSource } from "../../core/offer/pipeline";
import { MappingOverrides } from "../../core/ledger/columns";
import { RawCell } from "../../core/ledger/values";
import { OfferValuation } from "../../core/offer/valueOffer";
import { OfferForm } from "./offerForm";

/** What was imported, kept so a changed mapping can re-read it. */
export type LedgerInput =
  | { kind: "file"; file: ByteSource; name: string; origin: "file" | "sample" }
  | { kind: "values"; values: RawCell[][]; firstRow: number; name: string; origin: "table" | "sheet" };

export interface Busy {
  label: string;
  done: number;
  total: number;
}

export interface PaneState {
  input?: LedgerInput;
  /** The user's column choices (null = not mapped); other columns are detected. */
  mapping?: MappingOverrides;
  ledger?: LedgerResult;
  form: OfferForm;
  valuation?: OfferValuation;
  /** Valuation problem (e.g. no fee rate on file for the filing date). */
  valuationError?: string;
  busy?: Busy;
  notice?: { intent: "success" | "error" | "info"; text: string };
  worksheetsWritten: boolean;
}

export type Action =
  | { type: "busy"; busy?: Busy }
  | { type: "imported"; input: LedgerInput; ledger: LedgerResult; mapping?: MappingOverrides }
  | { type: "formChanged"; name: string; value: string }
  | { type: "formLoaded"; form: OfferForm }
  | { type: "valued"; valuation?: OfferValuation; error?: string }
  | { type: "worksheetsWritten" }
  | { type: "notice"; notice?: PaneState["notice"] };

export function initialState(form: OfferForm): PaneState {
  return { form, worksheetsWritten: false };
}

export function reducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case "busy":
      return { ...state, busy: action.busy };
    case "imported":
      return { ...state, input: action.input, ledger: action.ledger, mapping: action.mapping, busy: undefined, worksheetsWritten: false, notice: undefined };
    case "formChanged":
      return { ...state, form: { ...state.form, [action.name]: action.value }, worksheetsWritten: false };
    case "formLoaded":
      return { ...state, form: action.form };
    case "valued":
      return { ...state, valuation: action.valuation, valuationError: action.error, busy: undefined };
    case "worksheetsWritten":
      return { ...state, worksheetsWritten: true, busy: undefined, notice: { intent: "success", text: "Worksheets created: Assumptions, Eligible Options, Filing Fee." } };
    case "notice":
      return { ...state, notice: action.notice, busy: action.notice?.intent === "error" ? undefined : state.busy };
  }
}
