import * as React from "react";
import { Caption1, makeStyles, Subtitle2, Tab, TabList, Table, TableBody, TableCell, TableRow, tokens } from "@fluentui/react-components";
import { formatOf, MemoryWorkbookGateway, shownValue, shownWidth } from "../workbook/memoryGateway";
import { serialToIso } from "../../core/dates/serial";
import { isDateFormat } from "../state/volatility";

const useStyles = makeStyles({
  scroll: { maxHeight: "320px", overflow: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  // a long note in a label column would push every value out of view: cut it, whole in its tooltip
  cell: { whiteSpace: "nowrap", maxWidth: "220px", overflow: "hidden", textOverflow: "ellipsis" },
  table: { width: "auto", minWidth: "100%" },
  formula: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  // nine sheets (the valuation's and the elections') do not fit a task pane's width in one row
  tabs: { flexWrap: "wrap" },
});

function show(value: unknown, format?: string): string {
  // a column the sheet formats as dates (the preview's synthetic Prices) shows its serials as dates
  if (typeof value === "number" && Number.isInteger(value) && value > 0 && isDateFormat(format)) return serialToIso(value);
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 6 });
  return value === null || value === undefined ? "" : String(value);
}

/** The rows the preview shows of a sheet (a separation's sheet is about 110; a ledger's are thousands). */
const PREVIEW_ROWS = 150;

/** Preview mode: the in-memory workbook's sheets, so the pane can be tried without Excel. */
export function WorkbookPreview({ gateway, version }: { gateway: MemoryWorkbookGateway; version: number }): React.JSX.Element | null {
  const styles = useStyles();
  const names = [...gateway.sheets.keys()];
  // the sheets written last, their first (the valuation's Filing Fee when it is among them)
  const [selected, setSelected] = React.useState<string>(() => {
    const written = gateway.lastWritten;
    return written.length === 0 || written.includes("Filing Fee") ? "Filing Fee" : written[0];
  });
  // a new set of sheets written (a new version): show its first, unless the sheet shown is among them
  const [seenVersion, setSeenVersion] = React.useState(version);
  if (version !== seenVersion) {
    setSeenVersion(version);
    const written = gateway.lastWritten;
    if (written.length > 0 && !written.includes(selected)) setSelected(written[0]);
  }
  if (names.length === 0) return null;
  const sheet = gateway.sheets.get(selected) ?? gateway.sheets.get(names[0])!;
  const rows = sheet.cells.slice(0, PREVIEW_ROWS);
  return (
    <section aria-label="Workbook preview" data-version={version}>
      <Subtitle2>Workbook (preview)</Subtitle2>
      <TabList className={styles.tabs} selectedValue={sheet.name} onTabSelect={(_, d) => setSelected(String(d.value))} size="small">
        {names.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      {/* a scrolling region must take the keyboard's focus, or its hidden rows and columns cannot be reached (WCAG 2.1.1) */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={`Sheet ${sheet.name} (scrolls)`}>
        <Table size="extra-small" className={styles.table} aria-label={`Sheet ${sheet.name}`} data-testid={`sheet-${sheet.name}`}>
          <TableBody>
            {rows.map((row, r) => (
              <TableRow key={r}>
                {Array.from({ length: shownWidth(sheet, r) }, (_, c) => {
                  const cell = row[c] ?? null;
                  const text = show(shownValue(sheet, r, c), formatOf(sheet, r, c));
                  return (
                    <TableCell key={c} className={styles.cell} title={cell !== null && typeof cell === "object" ? cell.formula : text.length > 30 ? text : undefined}>
                      {text}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {sheet.cells.length > rows.length && (
        <Caption1 block>
          … {(sheet.cells.length - rows.length).toLocaleString("en-US")} more {sheet.cells.length - rows.length === 1 ? "row" : "rows"}
        </Caption1>
      )}
      <Caption1 block className={styles.formula}>
        Hover a value to see its formula.
      </Caption1>
    </section>
  );
}
