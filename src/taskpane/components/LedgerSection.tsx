import * as React from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { COLUMNS, REQUIRED_COLUMNS, Column } from "../../core/ledger/columns";
import { LedgerResult, mappingReady } from "../../core/ledger/parseLedger";
import { WorkbookSource } from "../workbook/gateway";
import { FileImportButton, MappingConflicts, MappingEditor, RowErrors, SourceNote, TableCounts, WorkbookSourcePicker } from "./TableImport";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
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

/** Import: a CSV file, a workbook table or sheet, or the bundled example; the mapping; row errors. */
export function LedgerSection(props: LedgerSectionProps): React.JSX.Element {
  const styles = useStyles();
  const { ledger } = props;
  return (
    <section className={styles.section} aria-labelledby="ledger-title">
      <Subtitle2 id="ledger-title">1. Option ledger</Subtitle2>
      <div className={styles.row}>
        <FileImportButton primary busy={props.busy} onFile={props.onFile} testId="file-input">
          Import CSV file…
        </FileImportButton>
        <Button disabled={props.busy} onClick={props.onSample}>
          Try the Capstone example
        </Button>
      </div>
      <WorkbookSourcePicker label="Or from this workbook" busy={props.busy} sources={props.sources} onWorkbook={props.onWorkbook} onRefreshSources={props.onRefreshSources} />
      {ledger && (
        <>
          <TableCounts name={props.sourceName} outcome={ledger} unit="row" testId="ledger-counts" />
          <SourceNote source={ledger.source} testId="ledger-source" />
          {ledger.stopped && (
            <MessageBar intent="error">
              <MessageBarBody>Reading stopped: {ledger.stopped}</MessageBarBody>
            </MessageBar>
          )}
          <MappingConflicts conflicts={ledger.conflicts} headers={ledger.headers} until="nothing is valued until you do" testId="mapping-conflicts" />
          <MappingEditor
            title="Column mapping"
            columns={COLUMNS}
            required={REQUIRED_COLUMNS}
            outcome={ledger}
            open={!mappingReady(ledger)}
            dropdownLabel={(column) => `File column for ${column}`}
            onMapping={props.onMapping}
          />
          <RowErrors errors={ledger.errors} testId="row-errors" label="Rows of the ledger that were not read" />
        </>
      )}
    </section>
  );
}
