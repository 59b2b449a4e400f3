import * as React from "react";
import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, tokens } from "@fluentui/react-components";
import { PANEL_STYLE } from "./panelStyle";
import { PriceSource, VolatilityLinkSettings } from "../workbook/gateway";
import { columnLetter } from "../workbook/model";
import {
  guessPriceColumn, guessPriceSource, linkedFormula, PERIODS_PER_YEAR, PRICE_WINDOWS, PriceColumn, VolatilityError, volatilityOfWindow, VolatilityWindow, windowWords,
} from "../state/volatility";

const useStyles = makeStyles({
  wide: { gridColumn: "1 / -1", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  cell: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  panel: PANEL_STYLE,
  legend: { paddingInline: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  control: { width: "100%", minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  formula: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  linked: { color: tokens.colorNeutralForeground2 },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
});

const sourceKey = (s: Pick<PriceSource, "kind" | "name">) => `${s.kind}:${s.name}`;

/** 1.1743134 -> "117.43%". */
export function percentText(volatility: number): string {
  return `${(volatility * 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
}

export interface VolatilityFromPricesProps {
  /** The form's volatility as typed, and the link it has to closing prices (if any). */
  volatility: string;
  link?: VolatilityLinkSettings;
  /** The workbook's tables and sheets with their headers (the gateway's listPriceSources). */
  listSources: () => Promise<PriceSource[]>;
  /** A source's column of prices, with its dates when it has a dates column. */
  readColumn: (source: PriceSource, index: number) => Promise<PriceColumn>;
  /** "Use as the volatility": fill the form's volatility, and remember the range for the worksheets. */
  onUse: (window: VolatilityWindow, column: PriceColumn) => void;
}

/**
 * "From closing prices…" beside the offer's Volatility: a column of closing prices in the workbook,
 * a window of its last prices and how many a year, and HISTORICAL_VOLATILITY over it, shown with its
 * window before it fills the form (the Assumptions sheet then keeps the live formula).
 */
export function VolatilityFromPrices({ volatility, link, listSources, readColumn, onUse, children }: VolatilityFromPricesProps & { children?: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const panelId = React.useId();
  const formula = linkedFormula(link, volatility);
  return (
    <>
      {/* the Volatility field's own cell of the form's grid, the button under it */}
      <div className={styles.cell} data-testid="volatility-from-prices">
        {children}
        <div>
          <Button size="small" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((o) => !o)}>
            From closing prices…
          </Button>
        </div>
      </div>
      {(formula || open) && (
        <div className={styles.wide}>
          {formula && link && (
            <Caption1 className={styles.linked} data-testid="volatility-link">
              From {link.source.column || "the column"} of {link.source.name} ({windowWords(link.window)}, {link.periodsPerYear} a year): the Assumptions sheet gets{" "}
              <span className={styles.formula}>{formula}</span>
            </Caption1>
          )}
          {open && <PricesPanel id={panelId} volatility={volatility} link={link} listSources={listSources} readColumn={readColumn} onUse={onUse} />}
        </div>
      )}
    </>
  );
}

/** What reading a source's column gave (for that source, as listed, and that column). */
type Read = { source: PriceSource; index: number } & ({ status: "read"; column: PriceColumn } | { status: "failed"; message: string });

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function PricesPanel({ id, volatility, link, listSources, readColumn, onUse }: VolatilityFromPricesProps & { id: string }): React.JSX.Element {
  const styles = useStyles();
  const legendId = React.useId();
  const [sources, setSources] = React.useState<PriceSource[] | undefined>(undefined);
  const [listError, setListError] = React.useState<string | undefined>(undefined);
  const [chosen, setChosen] = React.useState<string>(link ? sourceKey(link.source) : "");
  const [columnIndex, setColumnIndex] = React.useState<number | undefined>(undefined);
  const [window, setWindow] = React.useState<number | "all">(link?.window ?? 252);
  const [periods, setPeriods] = React.useState<number>(link?.periodsPerYear ?? 252);
  const [done, setDone] = React.useState<Read | undefined>(undefined);
  const [version, setVersion] = React.useState(0);

  // the workbook's tables and sheets, listed as the panel opens and again on "Read again"
  React.useEffect(() => {
    let cancelled = false;
    listSources().then(
      (list) => {
        if (cancelled) return;
        setSources(list);
        setListError(undefined);
        // a first choice: the saved link's source, else the first with a column that looks like closing prices
        setChosen((current) => {
          if (current && list.some((s) => sourceKey(s) === current)) return current;
          const guess = guessPriceSource(list);
          return guess ? sourceKey(guess) : "";
        });
      },
      (e) => !cancelled && setListError(`Could not list the workbook's tables and sheets: ${describe(e)}`),
    );
    return () => {
      cancelled = true;
    };
  }, [listSources, version]);

  const source = sources?.find((s) => sourceKey(s) === chosen);
  // the column: the one chosen, else the saved link's, else the one that looks like closing prices
  const column =
    source && columnIndex !== undefined && columnIndex < source.headers.length
      ? columnIndex
      : source
        ? (link && sourceKey(link.source) === chosen && source.headers.indexOf(link.source.column) >= 0 ? source.headers.indexOf(link.source.column) : guessPriceColumn(source.headers))
        : undefined;

  // the column's cells, read again whenever the source (as listed again) or the column changes
  React.useEffect(() => {
    if (!source || column === undefined) return;
    let cancelled = false;
    readColumn(source, column).then(
      (c) => !cancelled && setDone({ source, index: column, status: "read", column: c }),
      (e) => !cancelled && setDone({ source, index: column, status: "failed", message: `Could not read ${source.name}: ${describe(e)}` }),
    );
    return () => {
      cancelled = true;
    };
  }, [source, column, readColumn]);
  const read = source && column !== undefined ? (done && done.source === source && done.index === column ? done : { status: "reading" as const }) : { status: "idle" as const };

  const readColumnCells = read.status === "read" ? read.column : undefined;
  const outcome = React.useMemo((): { window?: VolatilityWindow; error?: string } => {
    if (!readColumnCells) return {};
    try {
      return { window: volatilityOfWindow(readColumnCells, window, periods) };
    } catch (e) {
      if (e instanceof VolatilityError) return { error: e.message };
      return { error: describe(e) };
    }
  }, [readColumnCells, window, periods]);

  const w = outcome.window;
  const inUse = w !== undefined && link !== undefined && link.address === w.address && link.periodsPerYear === w.periodsPerYear && volatility.trim() === w.text;
  return (
    <fieldset id={id} className={styles.panel} aria-labelledby={legendId} data-testid="volatility-panel">
      <legend id={legendId} className={styles.legend}>
        Volatility from closing prices
      </legend>
      <Caption1>
        A column of closing prices in this workbook, oldest first, in a table or under a sheet&apos;s first row of headers; blanks are skipped. The figure is
        OPTEX.HISTORICAL_VOLATILITY over the window.
      </Caption1>
      <div className={styles.grid}>
        <Field label="Table or sheet">
          <Select
            className={styles.select}
            select={{ className: styles.select }}
            value={chosen}
            onChange={(_, d) => {
              setChosen(d.value);
              setColumnIndex(undefined);
            }}
            data-testid="prices-source"
          >
            <option value="">{sources === undefined ? "Listing…" : "(choose one)"}</option>
            {(sources ?? []).map((s) => (
              <option key={sourceKey(s)} value={sourceKey(s)}>
                {s.name} ({s.kind})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Price column">
          <Select
            className={styles.select}
            select={{ className: styles.select }}
            value={column === undefined ? "" : String(column)}
            disabled={!source}
            onChange={(_, d) => setColumnIndex(d.value === "" ? undefined : Number(d.value))}
            data-testid="prices-column"
          >
            <option value="">(choose one)</option>
            {(source?.headers ?? []).map((h, i) => (
              <option key={i} value={String(i)}>
                {h || "(no header)"} (column {columnLetter(source!.firstColumn + i)})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Window">
          <Select className={styles.select} select={{ className: styles.select }} value={String(window)} onChange={(_, d) => setWindow(d.value === "all" ? "all" : Number(d.value))} data-testid="prices-window">
            {PRICE_WINDOWS.map((n) => (
              <option key={n} value={String(n)}>
                {n === "all" ? "All prices" : `Last ${n} prices`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Prices a year">
          <Select className={styles.select} select={{ className: styles.select }} value={String(periods)} onChange={(_, d) => setPeriods(Number(d.value))} data-testid="prices-periods">
            {PERIODS_PER_YEAR.map((p) => (
              <option key={p.value} value={String(p.value)}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Button size="small" onClick={() => setVersion((v) => v + 1)}>
          Read again
        </Button>
        {read.status === "reading" && <Spinner size="extra-tiny" label="Reading the prices…" />}
      </div>
      {listError && (
        <MessageBar intent="error">
          <MessageBarBody>{listError}</MessageBarBody>
        </MessageBar>
      )}
      {sources !== undefined && sources.length === 0 && <Body1>This workbook has no tables or sheets with data.</Body1>}
      {read.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="prices-error">{read.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.error && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="prices-error">{outcome.error}</MessageBarBody>
        </MessageBar>
      )}
      {w && (
        <div aria-live="polite" className={styles.result} data-testid="prices-result">
          <Body1 block>
            Historical volatility <span className={styles.figure} data-testid="prices-volatility">{percentText(w.volatility)}</span>{" "}
            <Caption1>(<span data-testid="prices-volatility-decimal">{w.text}</span>)</Caption1>
          </Body1>
          <Caption1 block data-testid="prices-window-text">
            {w.prices.length.toLocaleString("en-US")} prices ({(w.prices.length - 1).toLocaleString("en-US")} returns), rows {w.firstRow}–{w.lastRow}
            {w.firstLabel && w.lastLabel ? `, ${w.labelHeader ? `${w.labelHeader} ` : ""}${w.firstLabel} to ${w.lastLabel}` : ""}; {w.periodsPerYear} a year.
          </Caption1>
          <Caption1 block className={styles.formula} data-testid="prices-formula">
            {w.formula}
          </Caption1>
          <div className={styles.row}>
            <Button appearance="primary" size="small" disabled={inUse} onClick={() => readColumnCells && onUse(w, readColumnCells)}>
              {inUse ? "In use as the volatility" : `Use ${percentText(w.volatility)} as the volatility`}
            </Button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
