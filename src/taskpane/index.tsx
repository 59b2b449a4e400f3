/* global Office */
/**
 * The pane's entry point: the only place that waits for Office. Outside Office (a plain browser, or
 * office.js failed to load) the pane runs in preview mode.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";

function render(host: "excel" | "preview"): void {
  const container = document.getElementById("root") as HTMLElement;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => render(info.host === Office.HostType.Excel ? "excel" : "preview"));
} else {
  render("preview");
}
