/**
 * The Elections section's state (issue 9): what was imported (the election log, and an optional
 * roster), the user's column choices, the engine's last run, the grant price typed for the new grant
 * date; and the pure helpers the section shows its figures with (the counts that must reconcile, a
 * page of holders or forms). No React, no Office here.
 */
import { LogInput, ElectionsRun } from "../../core/elections/pipeline";
import { LogColumn } from "../../core/elections/log";
import { RosterColumn } from "../../core/elections/roster";
import { FORM_STATUSES, HOLDER_STATUSES } from "../../core/elections/tally";
import { ElectionResults, FormOutcome, FormStatus, HolderOutcome, HolderStatus } from "../../core/elections/types";
import { TableMappingOverrides } from "../../core/tables/mapping";
import { GrantTable } from "../../core/ledger/grantTable";

/** A table the user imported (the election log or the roster), kept so a changed mapping can re-read it. */
export type TableInput = LogInput & { origin: "file" | "sample" | "table" | "sheet" };

export interface ElectionsState {
  log?: TableInput;
  roster?: TableInput;
  /** The user's column choices for the log (null = not mapped); other columns are detected. */
  logMapping?: TableMappingOverrides<LogColumn>;
  rosterMapping?: TableMappingOverrides<RosterColumn>;
  /** The engine's last run over the current ledger, offer, log and roster. */
  run?: ElectionsRun;
  /** The ledger's grants the run was figured on (its accepted grants are rows of this table). */
  ledger?: GrantTable;
  /** Why there is no run (the offer lacks a field the elections need, the ledger is not read, ...). */
  error?: string;
  /** The closing price on the new grant date, as typed. */
  grantPrice: string;
  /** Work under way (reading the log, the tally, writing worksheets), in words; its progress is in a ProgressStore. */
  working?: string;
  worksheetsWritten: boolean;
}

export type ElectionsAction =
  | { type: "logChosen"; input: TableInput; mapping?: TableMappingOverrides<LogColumn> }
  | { type: "rosterChosen"; input: TableInput; mapping?: TableMappingOverrides<RosterColumn> }
  | { type: "rosterCleared" }
  | { type: "logMapping"; mapping: TableMappingOverrides<LogColumn> }
  | { type: "rosterMapping"; mapping: TableMappingOverrides<RosterColumn> }
  | { type: "ran"; run?: ElectionsRun; ledger?: GrantTable; error?: string }
  | { type: "grantPrice"; text: string }
  | { type: "working"; label?: string }
  | { type: "worksheetsWritten"; written: boolean }
  | { type: "sampleCleared" }
  | { type: "cleared" };

export function initialElections(): ElectionsState {
  return { grantPrice: "", worksheetsWritten: false };
}

export function electionsReducer(state: ElectionsState, action: ElectionsAction): ElectionsState {
  switch (action.type) {
    case "logChosen":
      return { ...state, log: action.input, logMapping: action.mapping, worksheetsWritten: false };
    case "rosterChosen":
      return { ...state, roster: action.input, rosterMapping: action.mapping, worksheetsWritten: false };
    case "rosterCleared":
      return { ...state, roster: undefined, rosterMapping: undefined, worksheetsWritten: false };
    case "logMapping":
      return { ...state, logMapping: action.mapping, worksheetsWritten: false };
    case "rosterMapping":
      return { ...state, rosterMapping: action.mapping, worksheetsWritten: false };
    case "ran":
      // figures of an earlier run never stay beside an error
      return { ...state, run: action.run, ledger: action.run ? action.ledger : undefined, error: action.error, working: undefined };
    case "grantPrice":
      return { ...state, grantPrice: action.text };
    case "working":
      return state.working === action.label ? state : { ...state, working: action.label };
    case "worksheetsWritten":
      return { ...state, worksheetsWritten: action.written };
    case "sampleCleared": {
      // the example's log and roster do not belong to another ledger
      const log = state.log?.origin === "sample" ? undefined : state.log;
      const roster = state.roster?.origin === "sample" ? undefined : state.roster;
      if (log === state.log && roster === state.roster) return state;
      return {
        ...state,
        log,
        roster,
        logMapping: log ? state.logMapping : undefined,
        rosterMapping: roster ? state.rosterMapping : undefined,
        run: undefined,
        ledger: undefined,
        error: undefined,
        worksheetsWritten: false,
      };
    }
    case "cleared":
      return initialElections();
  }
}

// --- words ---------------------------------------------------------------------------------------

/** What each form status means, in a few words (the section's legend and the sheets' header notes). */
export const FORM_STATUS_WORDS: Record<FormStatus, string> = {
  counted: "counted (the holder's winning form)",
  superseded: "superseded by a later form",
  late: "received at or after the deadline",
  channel: "delivered by a channel the offer does not accept",
  invalid: "invalid",
  conflict: "in conflict with another form",
};

export const HOLDER_STATUS_WORDS: Record<HolderStatus, string> = {
  tendered: "tendered (options accepted)",
  withdrawn: "withdrawn",
  declined: "declined (winning form lists no grant)",
  "no-response": "no response",
  "not-accepted": "not accepted",
};

export { FORM_STATUSES, HOLDER_STATUSES };

// --- counts that reconcile -----------------------------------------------------------------------

/** One identity the section shows: `total` must equal the sum of `parts`. */
export interface Reconciliation {
  label: string;
  total: number;
  parts: { label: string; value: number }[];
  ok: boolean;
}

/**
 * The identities the results must satisfy, each shown with its figures:
 * log lines in = accepted + rejected; lines accepted = lines on the forms; forms = the sum of forms
 * by status; holders = the sum of holders by status; accepted holders = tendered holders.
 */
export function reconciliations(r: ElectionResults): Reconciliation[] {
  const sum = (parts: { value: number }[]) => parts.reduce((s, p) => s + p.value, 0);
  const make = (label: string, total: number, parts: { label: string; value: number }[]): Reconciliation => ({ label, total, parts, ok: total === sum(parts) });
  let formLines = 0;
  for (const f of r.forms) formLines += f.form.lines.length;
  return [
    make("Log lines", r.log.rows, [
      { label: "accepted", value: r.log.accepted },
      { label: "rejected", value: r.log.rejected },
    ]),
    make("Lines accepted", r.log.accepted, [{ label: `on ${r.forms.length.toLocaleString("en-US")} forms`, value: formLines }]),
    make(
      "Forms",
      r.forms.length,
      FORM_STATUSES.map((s) => ({ label: s, value: r.formsByStatus[s] ?? 0 })),
    ),
    make(
      "Holders",
      r.holders.length,
      HOLDER_STATUSES.map((s) => ({ label: s, value: r.holdersByStatus[s] ?? 0 })),
    ),
    make("Holders accepted", r.accepted.holders, [{ label: "tendered", value: r.holdersByStatus.tendered ?? 0 }]),
  ];
}

// --- pages of long lists -------------------------------------------------------------------------

export const PAGE_SIZE = 25;

/** One page of a list (0-based page, clamped to the pages there are). */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): { rows: readonly T[]; page: number; pages: number; first: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const first = p * size;
  return { rows: items.slice(first, first + size), page: p, pages, first };
}

/** Case-insensitive "contains" over the texts that identify a row. */
function matches(query: string, ...texts: string[]): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  return texts.some((t) => t.toLowerCase().includes(q));
}

/** Holders with a status ("" = any) whose id, name, form or accepted grant contains the query. */
export function filterHolders(holders: readonly HolderOutcome[], status: HolderStatus | "", query: string): readonly HolderOutcome[] {
  if (status === "" && query.trim() === "") return holders;
  return holders.filter((h) => (status === "" || h.status === status) && matches(query, h.holderId, h.holderName, h.formId ?? "", ...h.acceptedGrantIds));
}

/** Forms with a status ("" = any) whose form id, holder or channel contains the query. */
export function filterForms(forms: readonly FormOutcome[], status: FormStatus | "", query: string): readonly FormOutcome[] {
  if (status === "" && query.trim() === "") return forms;
  return forms.filter((f) => (status === "" || f.status === status) && matches(query, f.form.formId, f.form.holderId, f.form.channel));
}

/** "1,234". */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
