import * as React from "react";
import { Badge, Divider, makeStyles, MessageBar, MessageBarBody, ProgressBar, Field, Title3, tokens } from "@fluentui/react-components";
import { CalcError } from "../../core/errors";
import { Column, MappingOverrides } from "../../core/ledger/columns";
import { ByteSource, bytesSource, importFileInSlices, importValuesInSlices, valueInSlices } from "../../core/offer/pipeline";
import { mappingReady } from "../../core/ledger/parseLedger";
import { buildWorkbookModel } from "../workbook/model";
import { PaneSettings, SeparationSettings, WorkbookGateway, WorkbookSource } from "../workbook/gateway";
import { MemoryWorkbookGateway } from "../workbook/memoryGateway";
import { emptyForm, formFromJson, formFromSettings, termsFromForm } from "../state/offerForm";
import { Busy, initialState, LedgerInput, reducer } from "../state/paneState";
import { electionsReducer, initialElections, TableInput } from "../state/elections";
import { createProgressStore } from "../state/progress";
import { linkedFormula, linkOf, parseLink, PriceColumn, readPriceColumn, VolatilityWindow } from "../state/volatility";
import { PriceSource } from "../workbook/gateway";
import { cellsOfLines } from "../state/logLines";
import { electionsInSlices, ElectionsProgress } from "../../core/elections/pipeline";
import { newGrants as figureNewGrants } from "../../core/elections/newGrants";
import { NewGrantResults } from "../../core/elections/types";
import { LogColumn } from "../../core/elections/log";
import { RosterColumn } from "../../core/elections/roster";
import { TableMappingOverrides } from "../../core/tables/mapping";
import { buildElectionSheetsInSlices } from "../workbook/electionSheets";
import {
  CAPSTONE_ELECTIONS_CSV, CAPSTONE_ELECTIONS_NAME, CAPSTONE_LEDGER_CSV, CAPSTONE_NAME, CAPSTONE_OFFER, CAPSTONE_ROSTER_CSV, CAPSTONE_ROSTER_NAME,
} from "../sample";
import { LedgerSection } from "./LedgerSection";
import { OfferSection } from "./OfferSection";
import { ResultsSection } from "./ResultsSection";
import { ElectionsSection } from "./ElectionsSection";
import { SeparationSection } from "./SeparationSection";
import { WorkbookPreview } from "./WorkbookPreview";
import { FunctionCatalogue } from "./FunctionCatalogue";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "900px" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface AppProps {
  gateway: WorkbookGateway;
}

function describe(error: unknown): string {
  if (error instanceof CalcError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The bundled example's ledger, as the bytes of a file. */
function sampleInput(): LedgerInput {
  return { kind: "file", file: bytesSource(new TextEncoder().encode(CAPSTONE_LEDGER_CSV)), name: CAPSTONE_NAME, origin: "sample" };
}

/** The bundled example's election log and roster, as the bytes of files. */
function sampleElections(): { log: TableInput; roster: TableInput } {
  const file = (text: string) => bytesSource(new TextEncoder().encode(text));
  return {
    log: { kind: "file", file: file(CAPSTONE_ELECTIONS_CSV), name: CAPSTONE_ELECTIONS_NAME, origin: "sample" },
    roster: { kind: "file", file: file(CAPSTONE_ROSTER_CSV), name: CAPSTONE_ROSTER_NAME, origin: "sample" },
  };
}

/** What the engine is doing, in words. */
function electionsLabel(p: ElectionsProgress, log: TableInput, roster?: TableInput): string {
  if (p.phase === "log") return `Reading ${log.name}`;
  if (p.phase === "roster") return `Reading ${roster?.name ?? "the roster"}`;
  return "Applying the offer's rules to the forms";
}

/**
 * The sections, each repainted only when its own props change (a progress update or a change in one
 * section must not repaint the others: a repaint of the whole pane costs more than a slice of work).
 */
const LedgerPart = React.memo(LedgerSection);
const OfferPart = React.memo(OfferSection);
const ResultsPart = React.memo(ResultsSection);
const ElectionsPart = React.memo(ElectionsSection);
const SeparationPart = React.memo(SeparationSection);

/** A callback whose identity never changes and which always calls the latest `fn` (for memoized sections' props). */
function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = React.useRef(fn);
  React.useLayoutEffect(() => {
    ref.current = fn;
  });
  return React.useCallback((...args: A) => ref.current(...args), []);
}

/** A File read in slices, as it is needed. */
function fileSource(file: File): ByteSource {
  return { size: file.size, read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()) };
}

/** The optex pane: ledger -> offer -> valuation -> worksheets; then the elections and their worksheets. */
export function App({ gateway }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [state, dispatch] = React.useReducer(reducer, initialState(emptyForm()));
  const [sources, setSources] = React.useState<WorkbookSource[]>([]);
  const [loaded, setLoaded] = React.useState(false);
  const [previewVersion, setPreviewVersion] = React.useState(0);
  const [separationWritten, setSeparationWritten] = React.useState(false);
  // the separation's terms: as saved when the pane was last open, and as they are now (saved in the settings)
  const [separationRestored, setSeparationRestored] = React.useState<SeparationSettings>();
  const [separationTerms, setSeparationTerms] = React.useState<SeparationSettings>();
  const valuationRun = React.useRef(0);
  const [elections, dispatchElections] = React.useReducer(electionsReducer, undefined, initialElections);
  const electionsRun = React.useRef(0);
  // progress goes to its own store (only the progress bar repaints); the section knows only that work is under way
  const [electionsProgress] = React.useState(createProgressStore);
  const showElectionsProgress = React.useCallback(
    (progress: Busy) => {
      electionsProgress.set(progress);
      dispatchElections({ type: "working", label: progress.label.replace(/ \(.*$/, "") });
    },
    [electionsProgress],
  );
  const endElectionsProgress = React.useCallback(() => {
    electionsProgress.set(undefined);
    dispatchElections({ type: "working" });
  }, [electionsProgress]);
  // the offer's terms follow from the form (or the message naming the field at fault)
  const { terms, errors: formErrors, error: formError } = React.useMemo(() => termsFromForm(state.form), [state.form]);

  const runImport = React.useCallback(
    async (input: LedgerInput, mapping?: MappingOverrides) => {
      dispatch({ type: "busy", busy: { label: `Importing ${input.name}`, done: 0, total: 1 } });
      try {
        const onProgress = (p: { done: number; total: number }) => dispatch({ type: "busy", busy: { label: `Importing ${input.name}`, done: p.done, total: p.total } });
        const ledger =
          input.kind === "file"
            ? await importFileInSlices(input.file, { onProgress, overrides: mapping })
            : await importValuesInSlices(input.values, input.firstRow, { onProgress, overrides: mapping });
        dispatch({ type: "imported", input, ledger, mapping });
      } catch (error) {
        dispatch({ type: "notice", notice: { intent: "error", text: `Could not import ${input.name}: ${describe(error)}` } });
      }
    },
    [],
  );

  const loadSampleElections = React.useCallback(() => {
    const sample = sampleElections();
    dispatchElections({ type: "logChosen", input: sample.log });
    dispatchElections({ type: "rosterChosen", input: sample.roster });
  }, []);

  const importSample = React.useCallback(() => {
    dispatch({ type: "formLoaded", form: formFromJson(CAPSTONE_OFFER), fromSample: true });
    loadSampleElections(); // the example's election log and roster come with its ledger and offer
    return runImport(sampleInput());
  }, [runImport, loadSampleElections]);

  /** Reads a table or sheet of the workbook as the election log or the roster. */
  const readElectionsTable = React.useCallback(
    async (which: "log" | "roster", source: WorkbookSource, mapping?: Record<string, number | null>) => {
      showElectionsProgress({ label: `Reading ${source.name}`, done: 0, total: 1 });
      try {
        const read = await gateway.readSource(source, (done, total) => showElectionsProgress({ label: `Reading ${source.name}`, done, total }));
        const input: TableInput = { kind: "values", values: read.values, firstRow: read.firstRow, name: source.name, origin: source.kind };
        if (which === "log") dispatchElections({ type: "logChosen", input, mapping: mapping as TableMappingOverrides<LogColumn> | undefined });
        else dispatchElections({ type: "rosterChosen", input, mapping: mapping as TableMappingOverrides<RosterColumn> | undefined });
      } catch (error) {
        endElectionsProgress();
        dispatch({ type: "notice", notice: { intent: "error", text: `Could not read ${source.name}: ${describe(error)}` } });
      }
    },
    [gateway, showElectionsProgress, endElectionsProgress],
  );

  const importWorkbook = React.useCallback(
    async (source: WorkbookSource, mapping?: MappingOverrides) => {
      dispatch({ type: "busy", busy: { label: `Reading ${source.name}`, done: 0, total: 1 } });
      try {
        const read = await gateway.readSource(source, (done, total) => dispatch({ type: "busy", busy: { label: `Reading ${source.name}`, done, total } }));
        await runImport({ kind: "values", values: read.values, firstRow: read.firstRow, name: source.name, origin: source.kind }, mapping);
      } catch (error) {
        dispatch({ type: "notice", notice: { intent: "error", text: `Could not read ${source.name}: ${describe(error)}` } });
      }
    },
    [gateway, runImport],
  );

  // Settings come back on reopen: the offer form, the mapping, and the ledger's source.
  React.useEffect(() => {
    let cancelled = false;
    (async () => {
      const settings = await gateway.loadSettings().catch(() => undefined);
      if (cancelled) return;
      if (settings) dispatch({ type: "formLoaded", form: formFromSettings(settings.offer), fromSample: settings.source?.kind === "sample", volatilityLink: parseLink(settings.volatility) });
      const separation = settings?.separation;
      if (separation) {
        setSeparationRestored(separation);
        setSeparationTerms((now) => now ?? separation); // terms loaded meanwhile stay
      }
      setLoaded(true);
      const source = settings?.source;
      const mapping = settings?.mapping as MappingOverrides | undefined;
      if (source && (source.kind === "table" || source.kind === "sheet")) await importWorkbook({ kind: source.kind, name: source.name }, mapping);
      else if (source?.kind === "file") dispatch({ type: "notice", notice: { intent: "info", text: `Last import was the file ${source.name}: import it again to value the offer.` } });
      else if (source?.kind === "sample") await runImport(sampleInput(), mapping); // the saved form stays
      else if (!settings || gateway.kind === "preview") {
        await importSample(); // the example's ledger, offer, election log and roster, together
        return;
      }
      // the Elections section's log and roster, where they came from
      const saved = settings?.elections;
      if (cancelled || !saved) return;
      if (typeof saved.grantPrice === "string" && saved.grantPrice) dispatchElections({ type: "grantPrice", text: saved.grantPrice });
      const sample = sampleElections();
      for (const which of ["log", "roster"] as const) {
        const from = saved[which];
        const mapping = which === "log" ? saved.logMapping : saved.rosterMapping;
        if (!from || typeof from.name !== "string") continue;
        if (from.kind === "table" || from.kind === "sheet") await readElectionsTable(which, { kind: from.kind, name: from.name }, mapping ?? undefined);
        else if (from.kind === "sample") dispatchElections(which === "log" ? { type: "logChosen", input: sample.log } : { type: "rosterChosen", input: sample.roster });
        else if (from.kind === "file") dispatch({ type: "notice", notice: { intent: "info", text: `The ${which === "log" ? "election log" : "roster"} was the file ${from.name}: import it again under 4.` } });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [gateway, importWorkbook, importSample, runImport, readElectionsTable]);

  // A ledger other than the example's: the example's election log and roster do not belong to it.
  React.useEffect(() => {
    if (state.input && state.input.origin !== "sample") dispatchElections({ type: "sampleCleared" });
  }, [state.input]);

  // The elections (in slices, newest run wins): the log and roster read, the offer's rules applied.
  const { log: electionLog, roster: electionRoster, logMapping, rosterMapping } = elections;
  React.useEffect(() => {
    const run = ++electionsRun.current;
    const log = electionLog;
    const roster = electionRoster;
    if (!log) {
      dispatchElections({ type: "ran" });
      endElectionsProgress();
      return;
    }
    const ledger = state.ledger;
    if (!ledger || !mappingReady(ledger) || ledger.stopped) {
      dispatchElections({ type: "ran", error: "The elections are figured on the option ledger's grants: import a ledger whose columns are all mapped (1. above)." });
      endElectionsProgress();
      return;
    }
    if (!terms) {
      dispatchElections({ type: "ran", error: `The elections cannot be figured: ${formError ?? "the offer's terms do not read"}` });
      endElectionsProgress();
      return;
    }
    (async () => {
      const current = () => run === electionsRun.current;
      showElectionsProgress({ label: `Reading ${log.name}`, done: 0, total: 1 });
      try {
        const result = await electionsInSlices(ledger.table, terms, log, {
          roster,
          overrides: logMapping,
          rosterOverrides: rosterMapping,
          onProgress: (p) => current() && showElectionsProgress({ label: electionsLabel(p, log, roster), done: p.done, total: p.total }),
        });
        if (!current()) return;
        dispatchElections({ type: "ran", run: result, ledger: ledger.table });
        endElectionsProgress();
      } catch (e) {
        if (!current()) return;
        dispatchElections({ type: "ran", error: `The elections cannot be figured: ${describe(e)}` });
        endElectionsProgress();
      }
    })();
  }, [state.ledger, terms, formError, electionLog, electionRoster, logMapping, rosterMapping, showElectionsProgress, endElectionsProgress]);

  // The new grants, once a closing price for the new grant date is typed (the typing stays responsive).
  const grantPrice = React.useDeferredValue(elections.grantPrice);
  const { newGrants, grantPriceError } = React.useMemo((): { newGrants?: NewGrantResults; grantPriceError?: string } => {
    const run = elections.run;
    if (!run || !elections.ledger || grantPrice.trim() === "") return {};
    try {
      return { newGrants: figureNewGrants(run.results, elections.ledger, grantPrice, run.rosterIndex) };
    } catch (e) {
      return { grantPriceError: describe(e) };
    }
  }, [elections.run, elections.ledger, grantPrice]);

  // The valuation (in slices, newest run wins).
  React.useEffect(() => {
    const run = ++valuationRun.current;
    if (!terms || !state.ledger || !mappingReady(state.ledger) || state.ledger.stopped) {
      // figures from an offer that no longer reads must not stay on screen
      dispatch({ type: "valued" });
      return;
    }
    const ledger = state.ledger;
    const big = ledger.table.length > 20000;
    (async () => {
      try {
        const valuation = await valueInSlices(ledger, terms, {
          onProgress: big ? (p) => run === valuationRun.current && dispatch({ type: "busy", busy: { label: "Valuing", done: p.done, total: p.total } }) : undefined,
        });
        if (run === valuationRun.current) dispatch({ type: "valued", valuation });
      } catch (e) {
        if (run === valuationRun.current) dispatch({ type: "valued", error: describe(e) });
      }
    })();
  }, [terms, state.ledger]);

  // Save the settings in the workbook (debounced).
  React.useEffect(() => {
    if (!loaded) return;
    const input = state.input;
    const settings: PaneSettings = {
      version: 1,
      offer: state.form,
      mapping: state.mapping as Record<string, number> | undefined, // null = "not mapped"
      source: input ? { kind: input.origin, name: input.name } : undefined,
      elections: {
        log: elections.log ? { kind: elections.log.origin, name: elections.log.name } : undefined,
        roster: elections.roster ? { kind: elections.roster.origin, name: elections.roster.name } : undefined,
        logMapping: elections.logMapping as Record<string, number | null> | undefined,
        rosterMapping: elections.rosterMapping as Record<string, number | null> | undefined,
        grantPrice: elections.grantPrice || undefined,
      },
      volatility: state.volatilityLink,
      separation: separationTerms,
    };
    const timer = setTimeout(() => {
      gateway.saveSettings(settings).catch((e) => dispatch({ type: "notice", notice: { intent: "error", text: `Could not save the settings in the workbook: ${describe(e)}` } }));
    }, 400);
    return () => clearTimeout(timer);
  }, [gateway, loaded, state.form, state.mapping, state.input, state.volatilityLink, elections.log, elections.roster, elections.logMapping, elections.rosterMapping, elections.grantPrice, separationTerms]);

  const createWorksheets = useStableCallback(async () => {
    if (!state.ledger || !terms || !state.valuation) return;
    dispatch({ type: "busy", busy: { label: "Writing worksheets", done: 0, total: 1 } });
    try {
      // the Volatility cell keeps the live HISTORICAL_VOLATILITY formula while the form's volatility is the prices'
      const volatilityFormula = linkedFormula(state.volatilityLink, state.form.volatility);
      const model = buildWorkbookModel(state.ledger, terms, state.valuation, volatilityFormula ? { volatilityFormula } : undefined);
      await gateway.writeWorkbook(model, (done, total) => dispatch({ type: "busy", busy: { label: "Writing worksheets", done, total } }));
      dispatch({ type: "worksheetsWritten" });
      setPreviewVersion((v) => v + 1);
    } catch (error) {
      dispatch({ type: "notice", notice: { intent: "error", text: `Could not create the worksheets: ${describe(error)}` } });
    }
  });

  const createElectionWorksheets = useStableCallback(async () => {
    const { run, ledger, log } = elections;
    if (!run || !ledger || !log) return;
    showElectionsProgress({ label: "Building the election worksheets", done: 0, total: 1 });
    try {
      // the lines the reader rejected keep no cells: read them again, to show them beside their error
      const rejectedLines = await cellsOfLines(log, run.results.log.errors.map((e) => e.row));
      const model = await buildElectionSheetsInSlices(
        { results: run.results, ledger, log: run.log, newGrants, rejectedLines },
        { onProgress: (done, total) => showElectionsProgress({ label: "Building the election worksheets", done, total }) },
      );
      await gateway.writeWorkbook(model, (done, total) => showElectionsProgress({ label: "Writing the election worksheets", done, total }));
      dispatchElections({ type: "worksheetsWritten", written: true });
      dispatch({ type: "notice", notice: { intent: "success", text: `Worksheets created: ${model.sheets.map((m) => m.name).join(", ")}.` } });
      setPreviewVersion((v) => v + 1);
    } catch (error) {
      dispatch({ type: "notice", notice: { intent: "error", text: `Could not create the election worksheets: ${describe(error)}` } });
    } finally {
      endElectionsProgress();
    }
  });

  const onSeparationWritten = useStableCallback(() => {
    setSeparationWritten(true);
    setPreviewVersion((v) => v + 1);
  });

  const refreshSources = useStableCallback(() =>
    gateway.listSources().then(setSources, (e) => {
      setSources([]);
      dispatch({ type: "notice", notice: { intent: "error", text: `Could not list the workbook's tables and sheets: ${describe(e)}` } });
    }),
  );

  const electionsFile = (which: "log" | "roster", file: File) => {
    const input: TableInput = { kind: "file", file: fileSource(file), name: file.name, origin: "file" };
    dispatchElections(which === "log" ? { type: "logChosen", input } : { type: "rosterChosen", input });
  };
  const onLogFile = useStableCallback((file: File) => electionsFile("log", file));
  const onRosterFile = useStableCallback((file: File) => electionsFile("roster", file));
  const onLogWorkbook = useStableCallback((source: WorkbookSource) => readElectionsTable("log", source));
  const onRosterWorkbook = useStableCallback((source: WorkbookSource) => readElectionsTable("roster", source));
  const onRemoveRoster = useStableCallback(() => dispatchElections({ type: "rosterCleared" }));
  const onLogMapping = useStableCallback((column: string, index: number | null) => dispatchElections({ type: "logMapping", mapping: { ...elections.logMapping, [column]: index } }));
  const onRosterMapping = useStableCallback((column: string, index: number | null) =>
    dispatchElections({ type: "rosterMapping", mapping: { ...elections.rosterMapping, [column]: index } }),
  );
  const onGrantPrice = useStableCallback((text: string) => dispatchElections({ type: "grantPrice", text }));

  const readFile = useStableCallback((file: File) => runImport({ kind: "file", file: fileSource(file), name: file.name, origin: "file" }));
  const onWorkbook = useStableCallback((source: WorkbookSource) => importWorkbook(source));
  const onSample = useStableCallback(() => importSample());
  const onFormChange = useStableCallback((name: string, value: string) => dispatch({ type: "formChanged", name, value }));

  // "From closing prices…": the workbook's tables and sheets, a column of prices read, the volatility used
  const listPriceSources = useStableCallback(() => gateway.listPriceSources());
  const readPrices = useStableCallback((source: PriceSource, index: number) => readPriceColumn((request) => gateway.readRange(request), source, index));
  const onUsePrices = useStableCallback((w: VolatilityWindow, column: PriceColumn) => dispatch({ type: "volatilityFromPrices", link: linkOf(w, column) }));
  const volatilityFromPrices = React.useMemo(
    () => ({ link: state.volatilityLink, listSources: listPriceSources, readColumn: readPrices, onUse: onUsePrices }),
    [state.volatilityLink, listPriceSources, readPrices, onUsePrices],
  );

  const remap = useStableCallback((column: Column, index: number | null) => {
    if (state.input) runImport(state.input, { ...state.mapping, [column]: index });
  });

  const resultsError =
    state.ledger && !mappingReady(state.ledger)
      ? "The ledger's columns are not all mapped: choose them under Column mapping above."
      : state.ledger?.stopped
        ? `The ledger cannot be valued: ${state.ledger.stopped}`
        : formError
          ? `The offer cannot be valued: ${formError}`
          : state.valuationError;

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title3 as="h1">optex</Title3>
        <Badge appearance="tint" color={gateway.kind === "excel" ? "success" : "informative"}>
          {gateway.kind === "excel" ? "Excel" : "Preview"}
        </Badge>
      </div>
      {gateway.kind === "preview" && (
        <MessageBar intent="info">
          <MessageBarBody>Preview mode: not running inside Excel. Worksheets go to an in-memory workbook shown below.</MessageBarBody>
        </MessageBar>
      )}
      {state.busy && (
        <Field validationMessage={state.busy.label} validationState="none">
          <ProgressBar value={state.busy.total > 1 ? state.busy.done / state.busy.total : undefined} aria-label={state.busy.label} />
        </Field>
      )}
      {state.notice && (
        <MessageBar intent={state.notice.intent} data-testid="notice">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <LedgerPart
        ledger={state.ledger}
        sourceName={state.input?.name}
        sources={sources}
        busy={!!state.busy}
        onFile={readFile}
        onSample={onSample}
        onWorkbook={onWorkbook}
        onRefreshSources={refreshSources}
        onMapping={remap}
      />
      <Divider />
      <OfferPart form={state.form} errors={formErrors} onChange={onFormChange} volatilityFromPrices={volatilityFromPrices} />
      <Divider />
      <ResultsPart valuation={state.valuation} terms={terms} error={resultsError} busy={!!state.busy} onCreateWorksheets={createWorksheets} />
      <Divider />
      <ElectionsPart
        state={elections}
        newGrants={newGrants}
        grantPriceError={grantPriceError}
        progress={electionsProgress}
        busy={!!state.busy || !!elections.working}
        sources={sources}
        onLogFile={onLogFile}
        onLogWorkbook={onLogWorkbook}
        onRosterFile={onRosterFile}
        onRosterWorkbook={onRosterWorkbook}
        onRemoveRoster={onRemoveRoster}
        onRefreshSources={refreshSources}
        onLogMapping={onLogMapping}
        onRosterMapping={onRosterMapping}
        onGrantPrice={onGrantPrice}
        onCreateWorksheets={createElectionWorksheets}
      />
      <Divider />
      <SeparationPart gateway={gateway} onWorksheetsWritten={onSeparationWritten} restored={separationRestored} onTermsChange={setSeparationTerms} />
      {gateway instanceof MemoryWorkbookGateway && (state.worksheetsWritten || elections.worksheetsWritten || separationWritten) && <WorkbookPreview gateway={gateway} version={previewVersion} />}
      <Divider />
      <details>
        <summary>OPTEX functions for cells</summary>
        <FunctionCatalogue />
      </details>
    </main>
  );
}
