/**
 * The pane's state and its pure reducer.
 */
import { LedgerResult } from "../../core/ledger/parseLedger";
import { ByteSource } from "../../core/offer/pipeline";
import { MappingOverrides } from "../../core/ledger/columns";
import { RawCell } from "../../core/ledger/values";
import { OfferValuation } from "../../core/offer/valueOffer";
import { emptyForm, OfferForm } from "./offerForm";
import { VolatilityLinkSettings } from "../workbook/gateway";

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
  /** The form holds the bundled example's offer (loaded with its ledger): cleared when another ledger comes in. */
  formFromSample?: boolean;
  /**
   * The closing prices the volatility was computed from (the window's range): "Create worksheets"
   * writes the Assumptions sheet's Volatility as the live HISTORICAL_VOLATILITY formula on it, as long
   * as the form's volatility is still the value they gave (a volatility typed by hand drops it).
   */
  volatilityLink?: VolatilityLinkSettings;
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
  | { type: "formLoaded"; form: OfferForm; fromSample?: boolean; volatilityLink?: VolatilityLinkSettings }
  | { type: "volatilityFromPrices"; link: VolatilityLinkSettings }
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
    case "imported": {
      const next = { ...state, input: action.input, ledger: action.ledger, mapping: action.mapping, busy: undefined, worksheetsWritten: false, notice: undefined };
      // no value of one offer may come from another: the example's terms do not carry over to a real ledger
      if (state.formFromSample && action.input.origin !== "sample") {
        return { ...next, form: emptyForm(), formFromSample: false, volatilityLink: undefined, notice: { intent: "info", text: "The example's offer terms were cleared: enter this offer's terms under 2." } };
      }
      return next;
    }
    case "formChanged": {
      // a volatility typed by hand is no longer the prices' (the worksheets then get the number typed)
      const unlinked = action.name === "volatility" && state.volatilityLink && action.value.trim() !== state.volatilityLink.value;
      return { ...state, form: { ...state.form, [action.name]: action.value }, worksheetsWritten: false, volatilityLink: unlinked ? undefined : state.volatilityLink };
    }
    case "formLoaded": {
      const link = action.volatilityLink && (action.form.volatility ?? "").trim() === action.volatilityLink.value ? action.volatilityLink : undefined;
      return { ...state, form: action.form, formFromSample: action.fromSample ?? false, volatilityLink: link };
    }
    case "volatilityFromPrices":
      return { ...state, form: { ...state.form, volatility: action.link.value }, volatilityLink: action.link, worksheetsWritten: false };
    case "valued":
      return { ...state, valuation: action.valuation, valuationError: action.error, busy: undefined };
    case "worksheetsWritten":
      return { ...state, worksheetsWritten: true, busy: undefined, notice: { intent: "success", text: "Worksheets created: Assumptions, Eligible Options, Filing Fee." } };
    case "notice":
      return { ...state, notice: action.notice, busy: action.notice?.intent === "error" ? undefined : state.busy };
  }
}
