import * as React from "react";
import { makeStyles, MessageBar, MessageBarBody, Title2, tokens } from "@fluentui/react-components";
import { FunctionCatalogue } from "./FunctionCatalogue";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface AppProps {
  /** "excel" inside Excel, "preview" in a plain browser. */
  host: "excel" | "preview";
}

/** The optex pane. */
export function App({ host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">optex</Title2>
      {host === "preview" && (
        <MessageBar intent="info">
          <MessageBarBody>Preview mode: not running inside Excel.</MessageBarBody>
        </MessageBar>
      )}
      <FunctionCatalogue />
    </main>
  );
}
