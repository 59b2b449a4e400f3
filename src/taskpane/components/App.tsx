import * as React from "react";
import { Badge, Divider, makeStyles, MessageBar, MessageBarBody, ProgressBar, Field, Title3, tokens } from "@fluentui/react-components";
import { CalcError } from "../../core/errors";
import { Column, MappingOverrides } from "../../core/ledger/columns";
import { ByteSource, bytesSource, importFileInSlices, importValuesInSlices, valueInSlices } from "../../core/offer/pipeline";
import { mappingReady } from "../../core/ledger/parseLedger";
import { buildWorkbookModel } from "../workbook/model";
import { PaneSettings, WorkbookGateway, WorkbookSource } from "../workbook/gateway";
import { MemoryWorkbookGateway } from "../workbook/memoryGateway";
import { emptyForm, formFromJson, formFromSettings, termsFromForm } from "../state/offerForm";
import { initialState, LedgerInput, reducer } from "../state/paneState";
import { CAPSTONE_LEDGER_CSV, CAPSTONE_NAME, CAPSTONE_OFFER } from "../sample";
import { LedgerSection } from "./LedgerSection";
import { OfferSection } from "./OfferSection";
import { ResultsSection } from "./ResultsSection";
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

/** A File read in slices, as it is needed. */
function fileSource(file: File): ByteSource {
  return { size: file.size, read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()) };
}

/** The optex pane: ledger -> offer -> valuation -> worksheets. */
export function App({ gateway }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [state, dispatch] = React.useReducer(reducer, initialState(emptyForm()));
  const [sources, setSources] = React.useState<WorkbookSource[]>([]);
  const [loaded, setLoaded] = React.useState(false);
  const [previewVersion, setPreviewVersion] = React.useState(0);
  const valuationRun = React.useRef(0);
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

  const importSample = React.useCallback(() => {
    dispatch({ type: "formLoaded", form: formFromJson(CAPSTONE_OFFER), fromSample: true });
    return runImport(sampleInput());
  }, [runImport]);

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
      if (settings) dispatch({ type: "formLoaded", form: formFromSettings(settings.offer), fromSample: settings.source?.kind === "sample" });
      setLoaded(true);
      const source = settings?.source;
      const mapping = settings?.mapping as MappingOverrides | undefined;
      if (source && (source.kind === "table" || source.kind === "sheet")) await importWorkbook({ kind: source.kind, name: source.name }, mapping);
      else if (source?.kind === "file") dispatch({ type: "notice", notice: { intent: "info", text: `Last import was the file ${source.name}: import it again to value the offer.` } });
      else if (source?.kind === "sample") await runImport(sampleInput(), mapping); // the saved form stays
      else if (!settings || gateway.kind === "preview") await importSample(); // the example's ledger and offer, together
    })();
    return () => {
      cancelled = true;
    };
  }, [gateway, importWorkbook, importSample, runImport]);

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
    };
    const timer = setTimeout(() => {
      gateway.saveSettings(settings).catch((e) => dispatch({ type: "notice", notice: { intent: "error", text: `Could not save the settings in the workbook: ${describe(e)}` } }));
    }, 400);
    return () => clearTimeout(timer);
  }, [gateway, loaded, state.form, state.mapping, state.input]);

  const createWorksheets = async () => {
    if (!state.ledger || !terms || !state.valuation) return;
    dispatch({ type: "busy", busy: { label: "Writing worksheets", done: 0, total: 1 } });
    try {
      const model = buildWorkbookModel(state.ledger, terms, state.valuation);
      await gateway.writeWorkbook(model, (done, total) => dispatch({ type: "busy", busy: { label: "Writing worksheets", done, total } }));
      dispatch({ type: "worksheetsWritten" });
      setPreviewVersion((v) => v + 1);
    } catch (error) {
      dispatch({ type: "notice", notice: { intent: "error", text: `Could not create the worksheets: ${describe(error)}` } });
    }
  };

  const readFile = (file: File) => runImport({ kind: "file", file: fileSource(file), name: file.name, origin: "file" });

  const remap = (column: Column, index: number | null) => {
    if (state.input) runImport(state.input, { ...state.mapping, [column]: index });
  };

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
      <LedgerSection
        ledger={state.ledger}
        sourceName={state.input?.name}
        sources={sources}
        busy={!!state.busy}
        onFile={readFile}
        onSample={importSample}
        onWorkbook={(s) => importWorkbook(s)}
        onRefreshSources={() =>
          gateway.listSources().then(setSources, (e) => {
            setSources([]);
            dispatch({ type: "notice", notice: { intent: "error", text: `Could not list the workbook's tables and sheets: ${describe(e)}` } });
          })
        }
        onMapping={remap}
      />
      <Divider />
      <OfferSection form={state.form} errors={formErrors} onChange={(name, value) => dispatch({ type: "formChanged", name, value })} />
      <Divider />
      <ResultsSection valuation={state.valuation} terms={terms} error={
          state.ledger && !mappingReady(state.ledger)
            ? "The ledger's columns are not all mapped: choose them under Column mapping above."
            : state.ledger?.stopped
              ? `The ledger cannot be valued: ${state.ledger.stopped}`
            : formError
              ? `The offer cannot be valued: ${formError}`
              : state.valuationError
        } busy={!!state.busy} onCreateWorksheets={createWorksheets} />
      {gateway instanceof MemoryWorkbookGateway && state.worksheetsWritten && <WorkbookPreview gateway={gateway} version={previewVersion} />}
      <Divider />
      <details>
        <summary>OPTEX functions for cells</summary>
        <FunctionCatalogue />
      </details>
    </main>
  );
}
