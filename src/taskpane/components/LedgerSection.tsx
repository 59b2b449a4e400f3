import * as React from "react";
import {
  Body1, Button, Caption1, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, Subtitle2, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, tokens,
} from "@fluentui/react-components";
import { COLUMNS, REQUIRED_COLUMNS, Column, ColumnMapping } from "../../core/ledger/columns";
import { LedgerResult } from "../../core/ledger/parseLedger";
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
  onMapping: (mapping: ColumnMapping) => void;
}

const NOT_MAPPED = "(not mapped)";

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
            <strong>{props.sourceName}</strong>: {ledger.rows.toLocaleString("en-US")} rows = {ledger.accepted.toLocaleString("en-US")} accepted +{" "}
            {ledger.rejected.toLocaleString("en-US")} rejected
          </Body1>
          <details>
            <summary>
              <Caption1>Column mapping ({Object.keys(ledger.mapping).length} of {COLUMNS.length} columns found)</Caption1>
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
                  const current = index === undefined ? NOT_MAPPED : ledger.headers[index];
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
                            const next: ColumnMapping = { ...ledger.mapping };
                            const i = Number(d.optionValue);
                            if (i < 0) delete next[column];
                            else next[column] = i;
                            props.onMapping(next);
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
