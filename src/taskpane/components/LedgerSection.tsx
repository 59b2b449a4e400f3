import * as React from "react";
import {
  Body1, Button, Caption1, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, Subtitle2, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, tokens,
} from "@fluentui/react-components";
import { COLUMNS, REQUIRED_COLUMNS, Column } from "../../core/ledger/columns";
import { LedgerResult, mappingReady } from "../../core/ledger/parseLedger";
import { WorkbookSource } from "../workbook/gateway";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  errors: { maxHeight: "180px", overflowY: "auto" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface LedgerSectionProps {
  ledger?: LedgerResult;
  sourceName?: string;
  sources: WorkbookSource[];
  busy: boolean;
  onFile: (file: File) => void;
  onSample: () => void;
  onWorkbook: (source: WorkbookSource) => void;
  onRefreshSources: () => void;
  /** The user chose a file column for an optex column (null: not mapped). */
  onMapping: (column: Column, index: number | null) => void;
}

const NOT_MAPPED = "(not mapped)";
const CHOOSE = "(choose one)";
const DELIMITERS: Record<string, string> = { ",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe" };

/** Import: a CSV file, a workbook table or sheet, or the bundled example; the mapping; row errors. */
export function LedgerSection(props: LedgerSectionProps): React.JSX.Element {
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [source, setSource] = React.useState<string>("");
  const { ledger } = props;
  const sourceKey = (s: WorkbookSource) => `${s.kind}:${s.name}`;
  return (
    <section className={styles.section} aria-labelledby="ledger-title">
      <Subtitle2 id="ledger-title">1. Option ledger</Subtitle2>
      <div className={styles.row}>
        <Button appearance="primary" disabled={props.busy} onClick={() => fileInput.current?.click()}>
          Import CSV file…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv,text/plain"
          style={{ display: "none" }}
          data-testid="file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onFile(file);
            e.target.value = "";
          }}
        />
        <Button disabled={props.busy} onClick={props.onSample}>
          Try the Capstone example
        </Button>
      </div>
      <div className={styles.row}>
        <Field label="Or from this workbook" style={{ minWidth: "180px", flexGrow: 1 }}>
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
          onClick={() => {
            const s = props.sources.find((x) => sourceKey(x) === source);
            if (s) props.onWorkbook(s);
          }}
        >
          Import
        </Button>
      </div>
      {ledger && (
        <>
          <Body1 data-testid="ledger-counts">
            <strong>{props.sourceName}</strong>: {ledger.rows.toLocaleString("en-US")} {ledger.rows === 1 ? "row" : "rows"} = {ledger.accepted.toLocaleString("en-US")} accepted +{" "}
            {ledger.rejected.toLocaleString("en-US")} rejected
          </Body1>
          {ledger.source && (
            <Caption1 data-testid="ledger-source">
              Read as {ledger.source.encoding}
              {ledger.source.delimiter ? `, ${DELIMITERS[ledger.source.delimiter] ?? JSON.stringify(ledger.source.delimiter)}-separated` : ""}
              {ledger.source.lineBreaks ? `, ${ledger.source.lineBreaks} line breaks` : ""}
            </Caption1>
          )}
          {ledger.stopped && (
            <MessageBar intent="error">
              <MessageBarBody>Reading stopped: {ledger.stopped}</MessageBarBody>
            </MessageBar>
          )}
          {ledger.conflicts.length > 0 && (
            <MessageBar intent="error" data-testid="mapping-conflicts">
              <MessageBarBody>
                {ledger.conflicts.map((c) => (
                  <div key={c.column}>
                    {c.headers.length} columns fit <strong>{c.column}</strong>: {c.headers.map((i) => `"${ledger.headers[i]}" (column ${i + 1})`).join(" and ")}. Choose one under Column mapping; nothing is valued until you do.
                  </div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          <details open={!mappingReady(ledger)}>
            <summary>
              <Caption1>
                Column mapping ({Object.keys(ledger.mapping).length} of {COLUMNS.length} columns found
                {ledger.unmapped.length > 0 ? `; not read: ${ledger.unmapped.join(", ")}` : ""})
              </Caption1>
            </summary>
            <Table size="extra-small" aria-label="Column mapping">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>optex column</TableHeaderCell>
                  <TableHeaderCell>file column</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {COLUMNS.map((column: Column) => {
                  const index = ledger.mapping[column];
                  const conflict = ledger.conflicts.find((c) => c.column === column);
                  const current = conflict ? CHOOSE : index === undefined ? NOT_MAPPED : ledger.headers[index];
                  return (
                    <TableRow key={column}>
                      <TableCell>
                        {column}
                        {REQUIRED_COLUMNS.includes(column) ? " *" : ""}
                      </TableCell>
                      <TableCell>
                        <Dropdown
                          size="small"
                          aria-label={`File column for ${column}`}
                          value={current}
                          selectedOptions={[index === undefined ? "-1" : String(index)]}
                          onOptionSelect={(_, d) => {
                            const i = Number(d.optionValue);
                            props.onMapping(column, i < 0 ? null : i);
                          }}
                        >
                          <Option value="-1">{NOT_MAPPED}</Option>
                          {ledger.headers.map((h, i) => (
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
          {ledger.errors.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <div className={styles.errors} data-testid="row-errors">
                  {ledger.errors.slice(0, 200).map((e, i) => (
                    <div key={i}>
                      Line {e.row}
                      {e.column ? ` (${e.column})` : ""}: {e.message}
                    </div>
                  ))}
                  {ledger.errors.length > 200 && <div>… and {(ledger.errors.length - 200).toLocaleString("en-US")} more</div>}
                </div>
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}
