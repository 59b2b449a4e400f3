import * as React from "react";
import { decodeText } from "../../core/tables/encoding";
import { Body1, Button, Caption1, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from "@fluentui/react-components";
import { CalcError } from "../../core/errors";
import { readSeparationJson, SeparationFieldError, SeparationTermsError } from "../../core/separations/terms";
import { buildSeparationWorkbook, separationSheetName } from "../workbook/separationSheets";
import { SeparationSettings, WorkbookGateway } from "../workbook/gateway";
import { SeparationResult } from "../../core/separations/types";
import { SEPARATION_SAMPLES } from "../sample";
import { FormPath, initialSeparation, jsonFromSeparationForm, placeOf, separationOutcome, separationReducer } from "../state/separation";
import { SeparationForm } from "./SeparationForm";
import { SeparationResults } from "./SeparationResults";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "2px" },
  place: { fontWeight: tokens.fontWeightSemibold },
  source: { color: tokens.colorNeutralForeground2 },
  // the last results kept while the terms have problems: marked down their whole length
  stale: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

function describe(error: unknown): string {
  if (error instanceof CalcError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Moves the keyboard's focus to a field (its group opened for its problem), or to the nearest group holding it. */
function focusField(path: string): void {
  // the group opens as its problem is shown; wait a frame for it
  requestAnimationFrame(() => {
    const esc = (s: string) => (typeof CSS !== "undefined" && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, "\\$&"));
    let target = document.querySelector<HTMLElement>(`[data-path="${esc(path)}"]`);
    if (!target) target = document.querySelector<HTMLElement>(`[data-path^="${esc(path)}."], [data-path^="${esc(path)}["]`);
    if (!target) {
      const group = document.querySelector<HTMLElement>(`[data-group-path="${esc(path)}"]`);
      target = group?.querySelector<HTMLElement>("input, select, button") ?? null;
    }
    target?.focus();
    target?.scrollIntoView({ block: "center" });
  });
}

/** The problems at the top of the form: each names its field (a button that goes to it) and says what is wrong. */
function ProblemSummary({ errors, place }: { errors: readonly SeparationFieldError[]; place: (path: string) => string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="separation-problems">
      <MessageBarBody>
        <MessageBarTitle>
          {errors.length} {errors.length === 1 ? "problem" : "problems"} in the terms: nothing is computed until {errors.length === 1 ? "it is" : "they are"} fixed
        </MessageBarTitle>
        <ul className={styles.problems}>
          {errors.map((e, i) => {
            const where = place(e.path);
            return (
              <li key={i} data-problem-path={e.path}>
                {e.path ? (
                  <Link
                    href={`#${encodeURIComponent(e.path)}`}
                    inline
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(e.path);
                    }}
                    className={styles.place}
                  >
                    {where || e.path}
                  </Link>
                ) : (
                  <span className={styles.place}>The terms</span>
                )}
                : {e.message}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export interface SeparationSectionProps {
  gateway: WorkbookGateway;
  /** The separation's worksheet was written (the pane's preview shows it). */
  onWorksheetsWritten: (names: string[]) => void;
  /** The terms saved when the pane was last open: shown unless terms were loaded meanwhile. */
  restored?: SeparationSettings;
  /** The terms changed (reported once the typing settles): the pane saves them in its settings. */
  onTermsChange?: (saved: SeparationSettings) => void;
}

/** How long the terms must stay unchanged before they are reported for saving. */
const SAVE_DELAY_MS = 400;

/** 5. Executive separation: the terms (a file, a seed, or typed in the form), then the dates, payments, awards and scenarios. */
export function SeparationSection({ gateway, onWorksheetsWritten, restored, onTermsChange }: SeparationSectionProps): React.JSX.Element {
  const styles = useStyles();
  const [state, dispatch] = React.useReducer(separationReducer, undefined, initialSeparation);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [writing, setWriting] = React.useState(false);

  // the terms are read and the separation computed from the form as it settles (typing stays responsive)
  // (a form deferred from before a load is not read: the new terms are read at once)
  const deferred = React.useDeferredValue(state);
  const form = deferred.loads === state.loads ? deferred.form : state.form;
  const outcome = React.useMemo(() => (state.source ? separationOutcome(form) : undefined), [form, state.source]);
  const errors = outcome?.errors ?? [];
  const result = outcome?.result;

  // the last figures computed for these terms: shown, marked, while an edit (a list item just added)
  // leaves the terms with problems, rather than every result going at once
  const [lastGood, setLastGood] = React.useState<{ loads: number; result: SeparationResult }>();
  if (result && lastGood?.result !== result) setLastGood({ loads: state.loads, result });
  const stale = !result && (errors.length > 0 || outcome?.computeError !== undefined) && lastGood?.loads === state.loads ? lastGood.result : undefined;

  // the terms saved last time come back (unless a file or a seed was loaded first)
  React.useEffect(() => {
    if (restored) dispatch({ type: "restored", json: restored.terms, source: restored.source });
  }, [restored]);

  // the terms as edited go to the pane's settings, once the typing settles
  const source = state.source;
  React.useEffect(() => {
    if (!source || !onTermsChange) return;
    const timer = setTimeout(() => onTermsChange({ terms: jsonFromSeparationForm(form), source }), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, source, onTermsChange]);

  const onSet = React.useCallback((path: FormPath, value: string) => dispatch({ type: "set", path, value }), []);
  const onAdd = React.useCallback((path: FormPath) => dispatch({ type: "add", path }), []);
  const onRemove = React.useCallback((path: FormPath, index: number) => dispatch({ type: "remove", path, index }), []);
  const onClear = React.useCallback((path: FormPath) => dispatch({ type: "clearUnused", path }), []);
  const place = React.useCallback((path: string) => placeOf(form, path), [form]);

  const loadFile = async (file: File) => {
    try {
      // decoded as a ledger is (UTF-8, UTF-16, else Windows-1252), never with replacement characters
      const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
      const json = readSeparationJson(decoded.text, file.name);
      if (typeof json !== "object" || json === null || Array.isArray(json)) {
        dispatch({ type: "loadFailed", message: `${file.name} holds ${Array.isArray(json) ? "a list" : "a single value"}: the terms are one JSON object ({"executive": ..., "agreement": {...}, ...}).` });
        return;
      }
      dispatch({ type: "loaded", json, source: decoded.encoding === "utf-8" ? file.name : `${file.name} (read as ${decoded.description})` });
    } catch (e) {
      dispatch({ type: "loadFailed", message: e instanceof SeparationTermsError ? e.errors.map((x) => x.message).join("; ") : `Could not read ${file.name}: ${describe(e)}` });
    }
  };

  const saveTerms = () => {
    const text = `${JSON.stringify(jsonFromSeparationForm(state.form), null, 2)}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "TERMS.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const createWorksheet = async () => {
    if (!result) return;
    setWriting(true);
    dispatch({ type: "sheet", status: { intent: "info", text: "Writing the separation worksheet…" } });
    try {
      const model = buildSeparationWorkbook(result);
      await gateway.writeWorkbook(model);
      const names = model.sheets.map((m) => m.name);
      dispatch({ type: "sheet", status: { intent: "success", text: `Worksheet created: ${names.join(", ")}.` } });
      onWorksheetsWritten(names);
    } catch (e) {
      dispatch({ type: "sheet", status: { intent: "error", text: `Could not create the separation worksheet: ${describe(e)}` } });
    } finally {
      setWriting(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="separation-title" data-testid="separation-section">
      <Subtitle2 as="h2" id="separation-title" style={{ margin: 0 }}>
        5. Executive separation
      </Subtitle2>
      <Caption1>
        An executive&apos;s departure under a separation agreement: the release&apos;s dates, the payments and when they are due, what happens to the equity awards, and
        alternative endings. The terms come from a TERMS.json file, a bundled seed, or the form below.
      </Caption1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => fileInput.current?.click()}>
          Load a terms file…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json,text/plain"
          style={{ display: "none" }}
          aria-label="Terms file (TERMS.json)"
          data-testid="separation-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void loadFile(file);
            e.target.value = "";
          }}
        />
        {SEPARATION_SAMPLES.map((s) => (
          <Button key={s.key} onClick={() => dispatch({ type: "loaded", json: s.terms, source: s.name })} data-testid={`separation-seed-${s.key}`}>
            {s.label}
          </Button>
        ))}
        {!state.source && (
          <Button appearance="subtle" onClick={() => dispatch({ type: "loaded", json: {}, source: "blank terms" })}>
            Start from blank terms
          </Button>
        )}
      </div>
      {state.loadError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody data-testid="separation-load-error">{state.loadError}</MessageBarBody>
        </MessageBar>
      )}
      {state.source && (
        <>
          <div className={styles.row}>
            <Caption1 className={styles.source} data-testid="separation-source">
              Terms: {state.source}
              {state.restored ? ", as last edited (restored)" : ""}
              {state.form !== form ? " (reading…)" : ""}
            </Caption1>
            <Button size="small" onClick={saveTerms}>
              Save terms as TERMS.json
            </Button>
          </div>
          {errors.length > 0 && <ProblemSummary errors={errors} place={place} />}
          <SeparationForm form={state.form} errors={errors} onSet={onSet} onAdd={onAdd} onRemove={onRemove} onClear={onClear} />
          {outcome?.computeError && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody data-testid="separation-compute-error">The separation cannot be computed: {outcome.computeError}</MessageBarBody>
            </MessageBar>
          )}
          {stale && (
            <div className={styles.stale} data-testid="separation-stale-results">
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody data-testid="separation-stale">Results as of the last valid terms (fix the problems above to update)</MessageBarBody>
              </MessageBar>
              <SeparationResults result={stale} />
            </div>
          )}
          {result && (
            <>
              <SeparationResults result={result} />
              <div className={styles.row}>
                {/* focusable while writing: the keyboard's focus stays on the button */}
                <Button appearance="primary" disabledFocusable={writing} onClick={() => void createWorksheet()}>
                  Create separation worksheet
                </Button>
                <Caption1 data-testid="separation-sheet-name">Writes the sheet “{separationSheetName(result.terms.executive)}”</Caption1>
              </div>
              {state.sheet && (
                <MessageBar intent={state.sheet.intent}>
                  <MessageBarBody data-testid="separation-sheet-status">{state.sheet.text}</MessageBarBody>
                </MessageBar>
              )}
            </>
          )}
          {!result && !outcome?.computeError && errors.length === 0 && <Body1>Reading the terms…</Body1>}
        </>
      )}
    </section>
  );
}
