import * as React from "react";
import {
  Body1, Button, Caption1, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell,
  TableRow, tokens,
} from "@fluentui/react-components";
import { WorkbookSource } from "../workbook/gateway";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  errors: { maxHeight: "180px", overflowY: "auto" },
});

const sourceKey = (s: WorkbookSource) => `${s.kind}:${s.name}`;

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
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [source, setSource] = React.useState("");
  return (
    <>
      <div className={styles.row}>
        <Button disabled={props.busy} onClick={() => fileInput.current?.click()}>
          Import {props.what} (CSV)…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv,text/plain"
          style={{ display: "none" }}
          data-testid={props.fileTestId}
          aria-label={`${props.what} file`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onFile(file);
            e.target.value = "";
          }}
        />
        {props.children}
      </div>
      <div className={styles.row}>
        <Field label={`Or the ${props.what} from this workbook`} style={{ minWidth: "180px", flexGrow: 1 }}>
          <Dropdown
            placeholder="Choose a table or sheet"
            value={source ? source.replace(/^(table|sheet):/, "") : ""}
            selectedOptions={source ? [source] : []}
            onOpenChange={(_, d) => d.open && props.onRefreshSources()}
            onOptionSelect={(_, d) => setSource(d.optionValue ?? "")}
          >
            {props.sources.map((s) => (
              <Option key={sourceKey(s)} value={sourceKey(s)} text={s.name}>
                {`${s.name} (${s.kind})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button
          disabled={props.busy || !source}
          aria-label={`Import the ${props.what} from this workbook`}
          onClick={() => {
            const s = props.sources.find((x) => sourceKey(x) === source);
            if (s) props.onWorkbook(s);
          }}
        >
          Import
        </Button>
      </div>
    </>
  );
}

/** How a table was read: the counts, the source, the mapping, the errors (any table schema). */
export interface TableOutcomeView {
  rows: number;
  accepted: number;
  rejected: number;
  errors: { row: number; column: string; message: string }[];
  headers: string[];
  mapping: Record<string, number | undefined>;
  unmapped: string[];
  conflicts: { column: string; headers: number[] }[];
  source?: { encoding: string; delimiter?: string; lineBreaks?: string };
  stopped?: string;
}

const DELIMITERS: Record<string, string> = { ",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe" };
const NOT_MAPPED = "(not mapped)";
const CHOOSE = "(choose one)";
const SHOWN_ERRORS = 200;

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
  const styles = useStyles();
  const n = (x: number) => x.toLocaleString("en-US");
  const ready = outcome.headers.length > 0 && outcome.conflicts.length === 0;
  return (
    <>
      <Body1 data-testid={`${testId}-counts`}>
        <strong>{name}</strong>: {n(outcome.rows)} {outcome.rows === 1 ? "line" : "lines"} = {n(outcome.accepted)} accepted + {n(outcome.rejected)} rejected
      </Body1>
      {outcome.source && (
        <Caption1 data-testid={`${testId}-source`}>
          Read as {outcome.source.encoding}
          {outcome.source.delimiter ? `, ${DELIMITERS[outcome.source.delimiter] ?? JSON.stringify(outcome.source.delimiter)}-separated` : ""}
          {outcome.source.lineBreaks ? `, ${outcome.source.lineBreaks} line breaks` : ""}
        </Caption1>
      )}
      {outcome.stopped && (
        <MessageBar intent="error">
          <MessageBarBody>Reading the {what} stopped: {outcome.stopped}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.conflicts.length > 0 && (
        <MessageBar intent="error" data-testid={`${testId}-conflicts`}>
          <MessageBarBody>
            {outcome.conflicts.map((c) => (
              <div key={c.column}>
                {c.headers.length} columns fit <strong>{c.column}</strong>: {c.headers.map((i) => `"${outcome.headers[i]}" (column ${i + 1})`).join(" and ")}. Choose one under
                Column mapping; nothing is read until you do.
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <details open={!ready}>
        <summary>
          <Caption1>
            Column mapping of the {what} ({Object.values(outcome.mapping).filter((i) => i !== undefined).length} of {columns.length} columns found
            {outcome.unmapped.length > 0 ? `; not read: ${outcome.unmapped.join(", ")}` : ""})
          </Caption1>
        </summary>
        <Table size="extra-small" aria-label={`Column mapping of the ${what}`}>
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
                      aria-label={`${what} file column for ${column}`}
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
      {outcome.errors.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <div className={styles.errors} data-testid={`${testId}-row-errors`} tabIndex={0} role="region" aria-label={`Lines of the ${what} that were not read`}>
              {outcome.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <div key={i}>
                  Line {e.row}
                  {e.column ? ` (${e.column})` : ""}: {e.message}
                </div>
              ))}
              {outcome.errors.length > SHOWN_ERRORS && <div>… and {n(outcome.errors.length - SHOWN_ERRORS)} more (all are on the Elections sheet)</div>}
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
