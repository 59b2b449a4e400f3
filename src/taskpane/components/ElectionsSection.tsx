import * as React from "react";
import {
  Badge, BadgeProps, Body1, Button, Caption1, Caption1Strong, Field, Input, makeStyles, mergeClasses, MessageBar, MessageBarBody, Select, Subtitle2, Table,
  TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from "@fluentui/react-components";
import { GroupedVerticalBarChart } from "@fluentui/react-charts";
import { serialToIso } from "../../core/dates/serial";
import { dollars } from "../../core/offer/feeTable";
import { ELECTION_LOG_SCHEMA, LOG_COLUMNS } from "../../core/elections/log";
import { ROSTER_COLUMNS, ROSTER_SCHEMA } from "../../core/elections/roster";
import { ElectionResults, FormOutcome, FormStatus, HolderOutcome, HolderStatus, NewGrantResults } from "../../core/elections/types";
import { instantToLocal, zoneAbbreviation } from "../../core/elections/zonedTime";
import { ElectionsRun } from "../../core/elections/pipeline";
import {
  count, ElectionsState, filterForms, filterHolders, FORM_STATUS_WORDS, FORM_STATUSES, HOLDER_STATUS_WORDS, HOLDER_STATUSES, pageOf, reconciliations,
} from "../state/elections";
import { ProgressStore } from "../state/progress";
import { ProgressView } from "./ProgressView";
import { WorkbookSource } from "../workbook/gateway";
import { ELECTION_SHEETS } from "../workbook/electionSheets";
import { BandTable, ChartFigure, niceMax, shortBand } from "./ChartFigure";
import { Heading } from "./Heading";
import { TableImportControls, TableOutcomeView, TableReadout } from "./TableImport";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  figure: { fontVariantNumeric: "tabular-nums", textAlign: "right", whiteSpace: "nowrap" },
  figureHead: { textAlign: "right", justifyContent: "flex-end" },
  scroll: { overflowX: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  auto: { tableLayout: "auto" },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
  cellStack: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px", paddingTop: "2px", paddingBottom: "2px" },
  nowrap: { whiteSpace: "nowrap" },
  numbers: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  pager: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  rule: { color: tokens.colorNeutralForeground2 },
  paragraph: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  // a select as wide as its field, not as its longest option ("received at or after the deadline (2)" made the pane scroll sideways)
  shrink: { minWidth: 0, maxWidth: "100%" },
});

const FORM_COLORS: Record<FormStatus, BadgeProps["color"]> = {
  counted: "success",
  superseded: "informative",
  late: "danger",
  channel: "warning",
  invalid: "danger",
  conflict: "severe",
};

const HOLDER_COLORS: Record<HolderStatus, BadgeProps["color"]> = {
  tendered: "success",
  withdrawn: "informative",
  declined: "subtle",
  "no-response": "subtle",
  "not-accepted": "danger",
};

/** An instant as the offer's zone's wall clock, to the second: "2003-07-24 17:00:00 PDT". */
export function receivedText(instant: number, zone: string): string {
  const local = instantToLocal(instant, zone);
  const day = Math.floor(local);
  const seconds = Math.round((local - day) * 86_400);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${serialToIso(day)} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)} ${zoneAbbreviation(instant, zone)}`;
}

/** Previous / next over pages of a long list. */
function Pager({ label, page, pages, first, shown, total, onPage }: { label: string; page: number; pages: number; first: number; shown: number; total: number; onPage: (p: number) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.pager} role="group" aria-label={`Pages of ${label}`}>
      <Button size="small" disabled={page === 0} onClick={() => onPage(page - 1)} aria-label={`Previous page of ${label}`}>
        Previous
      </Button>
      <Caption1 aria-live="polite">
        {total === 0 ? "none" : `${count(first + 1)}–${count(first + shown)} of ${count(total)}`}
        {pages > 1 ? ` (page ${page + 1} of ${pages})` : ""}
      </Caption1>
      <Button size="small" disabled={page >= pages - 1} onClick={() => onPage(page + 1)} aria-label={`Next page of ${label}`}>
        Next
      </Button>
    </div>
  );
}

// --- the counts ----------------------------------------------------------------------------------

const Reconciled = React.memo(function Reconciled({ results }: { results: ElectionResults }): React.JSX.Element {
  const styles = useStyles();
  const checks = reconciliations(results);
  return (
    <Table size="extra-small" className={styles.auto} aria-label="Counts that reconcile" data-testid="reconciliations">
      <TableBody>
        {checks.map((c) => (
          <TableRow key={c.label} data-testid={`reconcile-${c.label.toLowerCase().replace(/\s+/g, "-")}`} data-ok={c.ok}>
            <TableCell>
              <strong>{c.label}</strong> {count(c.total)} ={" "}
              {c.parts
                .filter((p) => p.value !== 0 || c.parts.length <= 2)
                .map((p) => `${count(p.value)} ${p.label}`)
                .join(" + ")}
            </TableCell>
            <TableCell className={styles.figure}>
              {c.ok ? (
                <Badge appearance="tint" color="success">
                  reconciles
                </Badge>
              ) : (
                <Badge appearance="filled" color="danger">
                  does not reconcile
                </Badge>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
});

function StatusBadges<S extends string>({ label, statuses, counts, colors, testId }: { label: string; statuses: readonly S[]; counts: Record<S, number>; colors: Record<S, BadgeProps["color"]>; testId: string }) {
  const styles = useStyles();
  return (
    <div className={styles.badges} role="list" aria-label={label} data-testid={testId}>
      {statuses.map((s) => (
        <Badge key={s} role="listitem" appearance="tint" color={colors[s]} data-status={s} className={styles.badge}>
          {s}: {count(counts[s] ?? 0)}
        </Badge>
      ))}
    </div>
  );
}

const Figures = React.memo(function Figures({ results: r }: { results: ElectionResults }): React.JSX.Element {
  const styles = useStyles();
  const zone = r.terms.timeZone;
  const line = (label: string, value: React.ReactNode, testId?: string) => (
    <TableRow>
      <TableCell>{label}</TableCell>
      <TableCell className={styles.figure} data-testid={testId}>
        {value}
      </TableCell>
    </TableRow>
  );
  const counts = (label: string, k: { grants: number; shares: number; holders: number }, testId: string) => (
    <TableRow data-testid={testId}>
      <TableCell>{label}</TableCell>
      <TableCell className={styles.figure}>{count(k.shares)}</TableCell>
      <TableCell className={styles.figure}>{count(k.grants)}</TableCell>
      <TableCell className={styles.figure}>{count(k.holders)}</TableCell>
    </TableRow>
  );
  return (
    <>
      <Table size="extra-small" className={styles.auto} aria-label="Options eligible and accepted">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Options</TableHeaderCell>
            <TableHeaderCell className={styles.figureHead}>Shares</TableHeaderCell>
            <TableHeaderCell className={styles.figureHead}>Grants</TableHeaderCell>
            <TableHeaderCell className={styles.figureHead}>Holders</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {counts("Eligible", r.eligible, "eligible-counts")}
          {counts("Accepted and cancelled", r.accepted, "accepted-counts")}
        </TableBody>
      </Table>
      <Table size="extra-small" className={styles.auto} aria-label="Results of the offer">
        <TableBody>
          {line("Accepted, % of eligible shares", `${r.participationPercent}%`, "participation")}
          {line("New option shares promised", count(r.newOptionShares), "new-option-shares")}
          {line("Offer expired", receivedText(r.expiration, zone))}
          {line("Options cancelled", serialToIso(r.cancellationDate))}
          {line("Promise to Grant due", serialToIso(r.promiseToGrantDue))}
          {line("New grant date", serialToIso(r.newGrantDate), "new-grant-date")}
        </TableBody>
      </Table>
    </>
  );
});

// --- the calendar --------------------------------------------------------------------------------

const Calendar = React.memo(function Calendar({ results: r }: { results: ElectionResults }): React.JSX.Element {
  const styles = useStyles();
  const zone = r.terms.timeZone;
  return (
    <Table size="extra-small" className={styles.auto} aria-label="Offer calendar" data-testid="offer-calendar">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Event</TableHeaderCell>
          <TableHeaderCell className={styles.figureHead}>When</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {r.calendar.events.map((e, i) => (
          <TableRow key={`${e.key}-${i}`} data-event={e.key}>
            <TableCell>
              <details>
                <summary>{e.label}</summary>
                <Caption1 className={styles.rule}>{e.rule}</Caption1>
              </details>
            </TableCell>
            <TableCell className={styles.figure}>{e.instant !== undefined ? receivedText(e.instant, zone) : serialToIso(e.date)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
});

// --- participation by price band ------------------------------------------------------------------

const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

const Participation = React.memo(function Participation({ results: r }: { results: ElectionResults }): React.JSX.Element {
  const bands = r.bands.filter((b) => b.eligibleShares > 0 || b.acceptedShares > 0);
  const pct = (b: { eligibleShares: number; acceptedShares: number }) => (b.eligibleShares === 0 ? "—" : `${((100 * b.acceptedShares) / b.eligibleShares).toFixed(1)}%`);
  return (
    <ChartFigure
      caption="Participation by exercise price: eligible and accepted shares"
      data-testid="participation-chart"
      chart={(width) => (
        <GroupedVerticalBarChart
          chartTitle="Participation by exercise price"
          data={bands.map((b) => ({
            name: shortBand(b.label),
            series: [
              { key: "eligible", data: b.eligibleShares, legend: "Eligible shares", color: tokens.colorNeutralForeground3 },
              { key: "accepted", data: b.acceptedShares, legend: "Accepted shares", color: tokens.colorBrandBackground },
            ],
          }))}
          width={width}
          height={220}
          yMaxValue={niceMax(Math.max(...bands.map((b) => b.eligibleShares)))}
          yAxisTickCount={4}
          hideLabels
          showYAxisLables
          yAxisTickFormat={(y: number) => COMPACT.format(y)}
        />
      )}
    >
      <BandTable
        label="Participation by exercise price"
        fit
        bands={r.bands}
        columns={[
          { head: "Eligible shares", cell: (b) => count(b.eligibleShares) },
          { head: "Accepted shares", cell: (b) => count(b.acceptedShares) },
          { head: "% accepted", cell: pct },
        ]}
        total={{ label: <strong>All</strong>, cells: [count(r.eligible.shares), count(r.accepted.shares), `${r.participationPercent}%`] }}
      />
    </ChartFigure>
  );
});

// --- holders and forms ---------------------------------------------------------------------------

/** A list's cell: a line kept whole (an id, a time), and smaller lines below it. */
function StackCell({ head, children }: { head: React.ReactNode; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <TableCell>
      <div className={styles.cellStack}>
        <span className={styles.nowrap}>{head}</span>
        {children}
      </div>
    </TableCell>
  );
}

/** A list's cell of a status (a badge) and why. */
function StatusCell({ status, color, reason }: { status: string; color: BadgeProps["color"]; reason: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <TableCell>
      <div className={styles.cellStack}>
        <Badge appearance="tint" color={color} className={styles.badge}>
          {status}
        </Badge>
        <Caption1>{reason}</Caption1>
      </div>
    </TableCell>
  );
}

/** A long list as a table: a status filter and a search over all of it, a page at a time. */
function FilteredList<T, S extends string>(props: {
  items: readonly T[];
  filter: (items: readonly T[], status: S | "", query: string) => readonly T[];
  statuses: readonly S[];
  words: Record<S, string>;
  counts: Record<S, number>;
  searchLabel: string;
  statusTestId: string;
  searchTestId: string;
  /** The table's name ("Holders"), and the list's in the pager's words ("holders"). */
  name: string;
  pagerLabel: string;
  /** The table of a page of the list. */
  children: (rows: readonly T[]) => React.ReactNode;
}): React.JSX.Element {
  const { items, filter } = props;
  const styles = useStyles();
  const [status, setStatus] = React.useState<S | "">("");
  const [query, setQuery] = React.useState("");
  const [page, setPage] = React.useState(0);
  const deferredQuery = React.useDeferredValue(query);
  const filtered = React.useMemo(() => filter(items, status, deferredQuery), [items, filter, status, deferredQuery]);
  const shown = pageOf(filtered, page);
  return (
    <>
      <div className={styles.row}>
        <Field label="Status" style={{ minWidth: "150px" }}>
          <Select
            className={styles.shrink}
            select={{ className: styles.shrink }}
            value={status}
            onChange={(_, d) => {
              setStatus(d.value as S | "");
              setPage(0);
            }}
            data-testid={props.statusTestId}
          >
            <option value="">All ({count(items.length)})</option>
            {props.statuses.map((s) => (
              <option key={s} value={s}>
                {props.words[s]} ({count(props.counts[s] ?? 0)})
              </option>
            ))}
          </Select>
        </Field>
        <Field label={props.searchLabel} style={{ flexGrow: 1, minWidth: "150px" }}>
          <Input
            value={query}
            onChange={(_, d) => {
              setQuery(d.value);
              setPage(0);
            }}
            data-testid={props.searchTestId}
          />
        </Field>
      </div>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={`${props.name} (scrolls sideways)`}>
        {props.children(shown.rows)}
      </div>
      <Pager label={props.pagerLabel} page={shown.page} pages={shown.pages} first={shown.first} shown={shown.rows.length} total={filtered.length} onPage={setPage} />
    </>
  );
}

const Holders = React.memo(function Holders({ results: r }: { results: ElectionResults }): React.JSX.Element {
  const styles = useStyles();
  return (
    <FilteredList
      items={r.holders}
      filter={filterHolders}
      statuses={HOLDER_STATUSES}
      words={HOLDER_STATUS_WORDS}
      counts={r.holdersByStatus}
      searchLabel="Find a holder, form or grant"
      statusTestId="holder-status-filter"
      searchTestId="holder-search"
      name="Holders"
      pagerLabel="holders"
    >
      {(rows) => (
        <Table size="extra-small" className={styles.auto} aria-label="Holders" data-testid="holders-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Holder</TableHeaderCell>
              <TableHeaderCell>Status and reason</TableHeaderCell>
              <TableHeaderCell className={styles.figureHead}>Accepted grants, shares, new option shares</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((h: HolderOutcome) => (
              <TableRow key={h.holderId} data-holder={h.holderId} data-status={h.status}>
                <StackCell head={h.holderId}>
                  <Caption1>{h.holderName}</Caption1>
                </StackCell>
                <StatusCell status={h.status} color={HOLDER_COLORS[h.status]} reason={h.reason} />
                <TableCell className={styles.numbers}>
                  {h.acceptedGrantIds.length > 0 ? (
                    <>
                      <div>{h.acceptedGrantIds.join(", ")}</div>
                      <Caption1 className={styles.nowrap}>
                        {count(h.acceptedShares)} shares, {count(h.newOptionShares)} new
                      </Caption1>
                    </>
                  ) : (
                    <Caption1>none</Caption1>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </FilteredList>
  );
});

const Forms = React.memo(function Forms({ results: r }: { results: ElectionResults }): React.JSX.Element {
  const styles = useStyles();
  const zone = r.terms.timeZone;
  return (
    <FilteredList
      items={r.forms}
      filter={filterForms}
      statuses={FORM_STATUSES}
      words={FORM_STATUS_WORDS}
      counts={r.formsByStatus}
      searchLabel="Find a form or holder"
      statusTestId="form-status-filter"
      searchTestId="form-search"
      name="Forms received"
      pagerLabel="forms"
    >
      {(rows) => (
        <Table size="extra-small" className={styles.auto} aria-label="Forms received" data-testid="forms-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Form</TableHeaderCell>
              <TableHeaderCell>Status and reason</TableHeaderCell>
              <TableHeaderCell>Received; confirmation due</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((f: FormOutcome) => (
              <TableRow key={f.form.formId} data-form={f.form.formId} data-status={f.status}>
                <StackCell head={f.form.formId}>
                  <Caption1>
                    {f.form.type === "election" ? "Election Form" : "Notice to Withdraw"}, {f.form.holderId}
                  </Caption1>
                </StackCell>
                <StatusCell status={f.status} color={FORM_COLORS[f.status]} reason={f.reason} />
                <StackCell head={receivedText(f.form.receivedAt, zone)}>
                  <Caption1>by {f.form.channel}</Caption1>
                  <Caption1 className={styles.nowrap}>confirm by {serialToIso(f.confirmationDue)}</Caption1>
                </StackCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </FilteredList>
  );
});

const RejectedTenders = React.memo(function RejectedTenders({ results: r }: { results: ElectionResults }): React.JSX.Element | null {
  const [page, setPage] = React.useState(0);
  if (r.rejectedTenders.length === 0) return null;
  const shown = pageOf(r.rejectedTenders, page);
  return (
    <details>
      <summary>
        <Caption1>
          Tenders not accepted on counted Election Forms: {count(r.rejectedTenders.length)}
        </Caption1>
      </summary>
      <Table size="extra-small" aria-label="Tenders not accepted" data-testid="rejected-tenders">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Form, line, grant</TableHeaderCell>
            <TableHeaderCell>Why</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.rows.map((t) => (
            <TableRow key={`${t.formId}-${t.line}`}>
              <TableCell>
                {t.formId}, line {t.line}, {t.grantId}
              </TableCell>
              <TableCell>
                <Caption1>
                  {t.rule}: {t.reason}
                </Caption1>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {shown.pages > 1 && <Pager label="tenders not accepted" page={shown.page} pages={shown.pages} first={shown.first} shown={shown.rows.length} total={r.rejectedTenders.length} onPage={setPage} />}
    </details>
  );
});

// --- new grants ----------------------------------------------------------------------------------

function NewGrants({ results: r, newGrants: ng }: { results: ElectionResults; newGrants: NewGrantResults }): React.JSX.Element {
  const styles = useStyles();
  const holders = new Set(ng.newGrants.map((g) => g.holderId)).size;
  return (
    <>
      <Body1 data-testid="new-grants-summary">
        {count(ng.newGrants.length)} new grants for {count(ng.grantedShares)} shares to {count(holders)} holders on {serialToIso(r.newGrantDate)} at {dollars(ng.grantPrice, Math.max(2, (ng.grantPrice.split(".")[1] ?? "").length))}; {count(ng.forfeited.length)}{" "}
        {ng.forfeited.length === 1 ? "promise" : "promises"} forfeited ({count(ng.forfeitedShares)} shares).
      </Body1>
      {ng.forfeited.length > 0 && (
        <Table size="extra-small" aria-label="Promises forfeited" data-testid="forfeited">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Holder</TableHeaderCell>
              <TableHeaderCell className={styles.figureHead}>Shares</TableHeaderCell>
              <TableHeaderCell>Why</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ng.forfeited.slice(0, 50).map((f) => (
              <TableRow key={f.holderId}>
                <TableCell>
                  <div>{f.holderId}</div>
                  <Caption1>{f.holderName}</Caption1>
                </TableCell>
                <TableCell className={styles.figure}>{count(f.shares)}</TableCell>
                <TableCell>
                  <Caption1>{f.reason}</Caption1>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

// --- the section ---------------------------------------------------------------------------------

export interface ElectionsSectionProps {
  state: ElectionsState;
  /** The ledger's and the offer's problem, when the elections cannot be figured yet. */
  newGrants?: NewGrantResults;
  grantPriceError?: string;
  /** Progress of work under way in this section (reading the log, the tally, writing worksheets). */
  progress: ProgressStore;
  busy: boolean;
  sources: WorkbookSource[];
  onLogFile: (file: File) => void;
  onLogWorkbook: (source: WorkbookSource) => void;
  onRosterFile: (file: File) => void;
  onRosterWorkbook: (source: WorkbookSource) => void;
  onRemoveRoster: () => void;
  onRefreshSources: () => void;
  onLogMapping: (column: string, index: number | null) => void;
  onRosterMapping: (column: string, index: number | null) => void;
  onGrantPrice: (text: string) => void;
  onCreateWorksheets: () => void;
}

const LOG_REQUIRED = ELECTION_LOG_SCHEMA.columns.filter((c) => c.required).map((c) => c.name as string);
const ROSTER_REQUIRED = ROSTER_SCHEMA.columns.filter((c) => c.required).map((c) => c.name as string);

function logView(run: ElectionsRun): TableOutcomeView {
  const l = run.results.log;
  // the results' log summary: its counts include lines the forms could not use (lines in = accepted + rejected)
  return { ...l, conflicts: l.conflicts.map((c) => ({ column: c.column, headers: c.candidates })) };
}

/** 4. Elections and results: the log (and roster), the calendar, the counts, participation, holders, forms, new grants. */
export function ElectionsSection(props: ElectionsSectionProps): React.JSX.Element {
  const styles = useStyles();
  const { state } = props;
  const run = state.run;
  const r = run?.results;
  const ids = { calendar: React.useId(), counts: React.useId(), participation: React.useId(), holders: React.useId(), forms: React.useId(), grants: React.useId() };
  return (
    <section className={styles.section} aria-labelledby="elections-title" data-testid="elections-section">
      <Subtitle2 as="h2" id="elections-title" style={{ margin: 0 }}>
        4. Elections and results
      </Subtitle2>
      <Caption1>
        The election log has one line per line of a form received (Form ID, Employee ID, Form Type, Grant Number, Shares, Signed, Received, Channel). A roster (Employee ID, Name,
        Status, Termination Date) is optional: its termination dates replace the ledger&apos;s.
      </Caption1>
      <Caption1Strong>Election log</Caption1Strong>
      <TableImportControls
        what="election log"
        busy={props.busy}
        sources={props.sources}
        onFile={props.onLogFile}
        onWorkbook={props.onLogWorkbook}
        onRefreshSources={props.onRefreshSources}
        fileTestId="log-file-input"
      />
      <Caption1Strong>Roster (optional)</Caption1Strong>
      <TableImportControls
        what="roster"
        busy={props.busy}
        sources={props.sources}
        onFile={props.onRosterFile}
        onWorkbook={props.onRosterWorkbook}
        onRefreshSources={props.onRefreshSources}
        fileTestId="roster-file-input"
      >
        {state.roster && (
          <Button disabled={props.busy} onClick={props.onRemoveRoster}>
            Remove roster
          </Button>
        )}
      </TableImportControls>
      <ProgressView store={props.progress} testId="elections-progress" />
      {!state.log && !state.error && <Body1>Import the election log to see who tendered what.</Body1>}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="elections-error">{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {run && state.log && (
        <TableReadout what="election log" name={state.log.name} outcome={logView(run)} columns={LOG_COLUMNS} required={LOG_REQUIRED} onMapping={props.onLogMapping} testId="log" />
      )}
      {run?.roster && state.roster && (
        <TableReadout what="roster" name={state.roster.name} outcome={run.roster} columns={ROSTER_COLUMNS} required={ROSTER_REQUIRED} onMapping={props.onRosterMapping} testId="roster" />
      )}
      {r && (
        <>
          {[...r.calendar.flags, ...r.warnings].map((w, i) => (
            <MessageBar key={i} intent="warning">
              <MessageBarBody data-testid="elections-warning">{w}</MessageBarBody>
            </MessageBar>
          ))}
          <div className={styles.part} role="group" aria-labelledby={ids.counts}>
            <Heading id={ids.counts}>Counts</Heading>
            <Reconciled results={r} />
            <Caption1>Forms by status</Caption1>
            <StatusBadges label="Forms by status" statuses={FORM_STATUSES} counts={r.formsByStatus} colors={FORM_COLORS} testId="forms-by-status" />
            <Caption1>Holders by status</Caption1>
            <StatusBadges label="Holders by status" statuses={HOLDER_STATUSES} counts={r.holdersByStatus} colors={HOLDER_COLORS} testId="holders-by-status" />
            <Figures results={r} />
          </div>
          <div className={styles.part} role="group" aria-labelledby={ids.calendar}>
            <Heading id={ids.calendar}>Offer calendar</Heading>
            <Calendar results={r} />
          </div>
          <div className={styles.part} role="group" aria-labelledby={ids.participation}>
            <Heading id={ids.participation}>Participation</Heading>
            <Participation results={r} />
            <Text as="p" className={mergeClasses(styles.paragraph)} data-testid="results-text" style={{ margin: 0 }}>
              {r.resultsText}
            </Text>
          </div>
          <div className={styles.part} role="group" aria-labelledby={ids.holders}>
            <Heading id={ids.holders}>Holders</Heading>
            <Holders results={r} />
          </div>
          <div className={styles.part} role="group" aria-labelledby={ids.forms}>
            <Heading id={ids.forms}>Forms received</Heading>
            <Forms results={r} />
            <RejectedTenders results={r} />
          </div>
          <div className={styles.part} role="group" aria-labelledby={ids.grants}>
            <Heading id={ids.grants}>New grants</Heading>
            <Field
              label={`Closing price on the new grant date (${serialToIso(r.newGrantDate)}), $`}
              hint="When the price is known: the New Grants sheet is added with the worksheets."
              validationMessage={props.grantPriceError}
              validationState={props.grantPriceError ? "error" : "none"}
            >
              <Input value={state.grantPrice} inputMode="decimal" onChange={(_, d) => props.onGrantPrice(d.value)} data-testid="grant-price" />
            </Field>
            {props.newGrants && <NewGrants results={r} newGrants={props.newGrants} />}
          </div>
          <div className={styles.row}>
            <Button appearance="primary" disabled={props.busy} onClick={props.onCreateWorksheets}>
              Create election worksheets
            </Button>
            <Caption1>{ELECTION_SHEETS.filter((s) => props.newGrants || s !== "New Grants").join(", ")}</Caption1>
          </div>
        </>
      )}
    </section>
  );
}
