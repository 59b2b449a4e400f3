import * as React from "react";
import { Body1, Caption1, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FUNCTIONS } from "../../functions/registry";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  signature: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-word" },
});

/** The OPTEX functions with their arguments, as a reference card list. */
export function FunctionCatalogue(): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.list} aria-label="OPTEX functions">
      {[...FUNCTIONS.values()].map((f) => (
        <Card key={f.id} size="small">
          <CardHeader
            header={
              <Text weight="semibold" className={styles.signature}>
                =OPTEX.{f.id}({f.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(", ")})
              </Text>
            }
            description={<Caption1>{f.summary}</Caption1>}
          />
        </Card>
      ))}
      <Body1>Dates are Excel serials; rates and volatilities are decimals (0.03 = 3%).</Body1>
    </div>
  );
}
