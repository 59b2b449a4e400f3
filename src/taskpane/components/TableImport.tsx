import * as React from "react";
import {
  Body1, Button, Caption1, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell,
  TableRow, tokens,
} from "@fluentui/react-components";
import { WorkbookSource } from "../workbook/gateway";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  errors: { maxHeight: "180px", overflowY: "auto" },
  // a mapping's dropdown fills its cell, never wider (Fluent's Dropdown would take 250px at least: the pane scrolled sideways)
  mappingDropdown: { minWidth: 0, width: "100%" },
});

const sourceKey = (s: WorkbookSource) => `${s.kind}:${s.name}`;

export interface FileImportButtonProps {
  /** The button's words. */
  children: React.ReactNode;
  primary?: boolean;
  busy: boolean;
  onFile: (file: File) => void;
  /** data-testid of the hidden file input. */
  testId: string;
  /** The hidden file input's name, when it has one. */
  inputLabel?: string;
}

/** A button that opens the file chooser (CSV or text): the chosen file goes to `onFile`. */
export function FileImportButton({ children, primary, busy, onFile, testId, inputLabel }: FileImportButtonProps): React.JSX.Element {
  const fileInput = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={primary ? "primary" : undefined} disabled={busy} onClick={() => fileInput.current?.click()}>
        {children}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,text/csv,text/plain"
        style={{ display: "none" }}
        data-testid={testId}
        aria-label={inputLabel}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = "";
        }}
      />
    </>
  );
}

export interface WorkbookSourcePickerProps {
  /** The dropdown's label ("Or from this workbook"). */
  label: string;
  /** The Import button's name, when it has one beyond "Import". */
  importLabel?: string;
  busy: boolean;
  sources: WorkbookSource[];
  onWorkbook: (source: WorkbookSource) => void;
  onRefreshSources: () => void;
}

/** A table or sheet of this workbook to import: the dropdown (refreshed as it opens) and "Import". */
export function WorkbookSourcePicker({ label, importLabel, busy, sources, onWorkbook, onRefreshSources }: WorkbookSourcePickerProps): React.JSX.Element {
  const styles = useStyles();
  const [source, setSource] = React.useState("");
  return (
    <div className={styles.row}>
      <Field label={label} style={{ minWidth: "180px", flexGrow: 1 }}>
        <Dropdown
          placeholder="Choose a table or sheet"
          value={source ? source.replace(/^(table|sheet):/, "") : ""}
          selectedOptions={source ? [source] : []}
          onOpenChange={(_, d) => d.open && onRefreshSources()}
          onOptionSelect={(_, d) => setSource(d.optionValue ?? "")}
        >
          {sources.map((s) => (
            <Option key={sourceKey(s)} value={sourceKey(s)} text={s.name}>
              {`${s.name} (${s.kind})`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button
        disabled={busy || !source}
        aria-label={importLabel}
        onClick={() => {
          const s = sources.find((x) => sourceKey(x) === source);
          if (s) onWorkbook(s);
        }}
      >
        Import
      </Button>
    </div>
  );
}

export interface TableImportControlsProps {
  /** What is imported, for the buttons' words ("election log", "roster"). */
  what: string;
  busy: boolean;
  sources: WorkbookSource[];
  onFile: (file: File) => void;
  onWorkbook: (source: WorkbookSource) => void;
  onRefreshSources: () => void;
  /** data-testid of the hidden file input. */
  fileTestId: string;
  /** Extra buttons after the file button (e.g. "Remove roster"). */
  children?: React.ReactNode;
}

/** Import a table: a CSV file, or a table or sheet of this workbook. */
export function TableImportControls(props: TableImportControlsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <div className={styles.row}>
        <FileImportButton busy={props.busy} onFile={props.onFile} testId={props.fileTestId} inputLabel={`${props.what} file`}>
          Import {props.what} (CSV)…
        </FileImportButton>
        {props.children}
      </div>
      <WorkbookSourcePicker
        label={`Or the ${props.what} from this workbook`}
        importLabel={`Import the ${props.what} from this workbook`}
        busy={props.busy}
        sources={props.sources}
        onWorkbook={props.onWorkbook}
        onRefreshSources={props.onRefreshSources}
      />
    </>
  );
}

/** How a table was read: the counts, the source, the mapping, the errors (any table schema). */
export interface TableOutcomeView {
  rows: number;
  accepted: number;
  rejected: number;
  errors: RowError[];
  headers: string[];
  mapping: Record<string, number | undefined>;
  unmapped: string[];
  conflicts: { column: string; headers: number[] }[];
  source?: { encoding: string; delimiter?: string; lineBreaks?: string };
  stopped?: string;
}

/** A line (file) or row (worksheet) that was not read, and why. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

const DELIMITERS: Record<string, string> = { ",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe" };
const NOT_MAPPED = "(not mapped)";
const CHOOSE = "(choose one)";
const SHOWN_ERRORS = 200;
const n = (x: number) => x.toLocaleString("en-US");

/** "name: 207 lines = 206 accepted + 1 rejected" (`unit`: "line", "row"). */
export function TableCounts({ name, outcome, unit, testId }: { name?: string; outcome: Pick<TableOutcomeView, "rows" | "accepted" | "rejected">; unit: string; testId: string }): React.JSX.Element {
  return (
    <Body1 data-testid={testId}>
      <strong>{name}</strong>: {n(outcome.rows)} {outcome.rows === 1 ? unit : `${unit}s`} = {n(outcome.accepted)} accepted + {n(outcome.rejected)} rejected
    </Body1>
  );
}

/** "Read as UTF-8, comma-separated, CRLF line breaks": how a file was read (nothing for a worksheet). */
export function SourceNote({ source, testId }: { source?: TableOutcomeView["source"]; testId: string }): React.JSX.Element | null {
  if (!source) return null;
  return (
    <Caption1 data-testid={testId}>
      Read as {source.encoding}
      {source.delimiter ? `, ${DELIMITERS[source.delimiter] ?? JSON.stringify(source.delimiter)}-separated` : ""}
      {source.lineBreaks ? `, ${source.lineBreaks} line breaks` : ""}
    </Caption1>
  );
}

export interface MappingConflictsProps {
  conflicts: readonly { column: string; headers: readonly number[] }[];
  headers: readonly string[];
  /** What waits for the choice: "nothing is read until you do". */
  until: string;
  testId: string;
}

/** Columns that two or more headers fit, each with its candidates (nothing when there are none). */
export function MappingConflicts({ conflicts, headers, until, testId }: MappingConflictsProps): React.JSX.Element | null {
  if (conflicts.length === 0) return null;
  return (
    <MessageBar intent="error" data-testid={testId}>
      <MessageBarBody>
        {conflicts.map((c) => (
          <div key={c.column}>
            {c.headers.length} columns fit <strong>{c.column}</strong>: {c.headers.map((i) => `"${headers[i]}" (column ${i + 1})`).join(" and ")}. Choose one under Column mapping;{" "}
            {until}.
          </div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface MappingEditorProps<C extends string> {
  /** The table's name, and the summary's first words: "Column mapping", "Column mapping of the roster". */
  title: string;
  /** The schema's columns, in order, and those required (marked " *"). */
  columns: readonly C[];
  required: readonly C[];
  outcome: Pick<TableOutcomeView, "headers" | "unmapped"> & { mapping: Partial<Record<C, number>>; conflicts: readonly { column: string }[] };
  /** Open as it first appears (the mapping waits for the user). */
  open: boolean;
  /** A column's dropdown's name: "File column for grant_id". */
  dropdownLabel: (column: C) => string;
  /** The user chose a file column for an optex column (null: not mapped). */
  onMapping: (column: C, index: number | null) => void;
}

/** "Column mapping (7 of 9 columns found; not read: ...)", opening on a table of each optex column and its file column. */
export function MappingEditor<C extends string>({ title, columns, required, outcome, open, dropdownLabel, onMapping }: MappingEditorProps<C>): React.JSX.Element {
  const styles = useStyles();
  const found = Object.values(outcome.mapping).filter((i) => i !== undefined).length;
  return (
    <details open={open}>
      <summary>
        <Caption1>
          {title} ({found} of {columns.length} columns found
          {outcome.unmapped.length > 0 ? `; not read: ${outcome.unmapped.join(", ")}` : ""})
        </Caption1>
      </summary>
      <Table size="extra-small" aria-label={title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>optex column</TableHeaderCell>
            <TableHeaderCell>file column</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {columns.map((column) => {
            const index = outcome.mapping[column];
            const conflict = outcome.conflicts.some((c) => c.column === column);
            const current = conflict ? CHOOSE : index === undefined ? NOT_MAPPED : outcome.headers[index];
            return (
              <TableRow key={column}>
                <TableCell>
                  {column}
                  {required.includes(column) ? " *" : ""}
                </TableCell>
                <TableCell>
                  <Dropdown
                    size="small"
                    className={styles.mappingDropdown}
                    aria-label={dropdownLabel(column)}
                    value={current}
                    selectedOptions={[index === undefined ? "-1" : String(index)]}
                    onOptionSelect={(_, d) => {
                      const i = Number(d.optionValue);
                      onMapping(column, i < 0 ? null : i);
                    }}
                  >
                    <Option value="-1">{NOT_MAPPED}</Option>
                    {outcome.headers.map((h, i) => (
                      <Option key={i} value={String(i)} text={h || `(column ${i + 1})`}>
                        {h || `(column ${i + 1})`}
                      </Option>
                    ))}
                  </Dropdown>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </details>
  );
}

export interface RowErrorsProps {
  errors: readonly RowError[];
  testId: string;
  /** When given, the list is a named region that takes focus (to scroll it from the keyboard). */
  label?: string;
  /** After "… and 12 more": where the rest are (" (all are on the Elections sheet)"). */
  rest?: string;
}

/** "Line 3 (exercise_price): ...", for the first 200 lines not read (nothing when every line was read). */
export function RowErrors({ errors, testId, label, rest = "" }: RowErrorsProps): React.JSX.Element | null {
  const styles = useStyles();
  if (errors.length === 0) return null;
  // a scrolling list the keyboard can reach (axe: scrollable-region-focusable), named for screen readers
  const region = label === undefined ? {} : { tabIndex: 0, role: "region", "aria-label": label };
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <div className={styles.errors} data-testid={testId} {...region}>
          {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
            <div key={i}>
              Line {e.row}
              {e.column ? ` (${e.column})` : ""}: {e.message}
            </div>
          ))}
          {errors.length > SHOWN_ERRORS && (
            <div>
              … and {n(errors.length - SHOWN_ERRORS)} more{rest}
            </div>
          )}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

export interface TableReadoutProps {
  /** "election log", "roster": for the labels. */
  what: string;
  name: string;
  outcome: TableOutcomeView;
  /** The schema's columns, in order, and those required. */
  columns: readonly string[];
  required: readonly string[];
  onMapping: (column: string, index: number | null) => void;
  /** data-testid prefix ("log", "roster"). */
  testId: string;
}

/** "207 lines = 206 accepted + 1 rejected", how the file was read, conflicts, the mapping, the row errors. */
export function TableReadout({ what, name, outcome, columns, required, onMapping, testId }: TableReadoutProps): React.JSX.Element {
  const ready = outcome.headers.length > 0 && outcome.conflicts.length === 0;
  return (
    <>
      <TableCounts name={name} outcome={outcome} unit="line" testId={`${testId}-counts`} />
      <SourceNote source={outcome.source} testId={`${testId}-source`} />
      {outcome.stopped && (
        <MessageBar intent="error">
          <MessageBarBody>
            Reading the {what} stopped: {outcome.stopped}
          </MessageBarBody>
        </MessageBar>
      )}
      <MappingConflicts conflicts={outcome.conflicts} headers={outcome.headers} until="nothing is read until you do" testId={`${testId}-conflicts`} />
      <MappingEditor
        title={`Column mapping of the ${what}`}
        columns={columns}
        required={required}
        outcome={outcome}
        open={!ready}
        dropdownLabel={(column) => `${what} file column for ${column}`}
        onMapping={onMapping}
      />
      <RowErrors errors={outcome.errors} testId={`${testId}-row-errors`} label={`Lines of the ${what} that were not read`} rest=" (all are on the Elections sheet)" />
    </>
  );
}
