/* global Office */
/**
 * The pane's entry point: the only place that waits for Office. Outside Office (a plain browser, or
 * office.js failed to load) the pane runs in preview mode on an in-memory workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { WorkbookGateway } from "./workbook/gateway";
import { MemoryWorkbookGateway } from "./workbook/memoryGateway";
import { OfficeWorkbookGateway } from "./workbook/officeGateway";
import Papa from "papaparse";
import { CAPSTONE_LEDGER_CSV } from "./sample";
import { PREVIEW_PRICES_SHEET, previewPricesSheet } from "./workbook/previewPrices";

/** Office's theme decides light or dark (a dark body background means dark). */
function officeTheme(): Theme {
  try {
    const background = Office.context.officeTheme?.bodyBackgroundColor;
    if (background && /^#?[0-9a-f]{6}$/i.test(background)) {
      const hex = background.replace("#", "");
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      if (0.299 * r + 0.587 * g + 0.114 * b < 128) return webDarkTheme;
    }
  } catch {
    // officeTheme is not available on every host
  }
  return webLightTheme;
}

function previewGateway(): MemoryWorkbookGateway {
  let store: Storage | undefined;
  try {
    store = window.localStorage;
  } catch {
    store = undefined;
  }
  const gateway = new MemoryWorkbookGateway(store);
  // an export already open in the workbook, to try "from this workbook"
  gateway.addSheet("Option Ledger", Papa.parse<string[]>(CAPSTONE_LEDGER_CSV, { skipEmptyLines: true }).data);
  // synthetic closing prices (labelled so on the sheet), to try "From closing prices…": preview only, never Excel
  const prices = previewPricesSheet();
  gateway.addSheet(PREVIEW_PRICES_SHEET, prices.rows, prices.columnFormats);
  return gateway;
}

function render(gateway: WorkbookGateway, theme: Theme): void {
  const container = document.getElementById("root") as HTMLElement;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App gateway={gateway} />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) render(new OfficeWorkbookGateway(), officeTheme());
    else render(previewGateway(), webLightTheme);
  });
} else {
  render(previewGateway(), webLightTheme);
}
