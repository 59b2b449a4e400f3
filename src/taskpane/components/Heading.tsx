import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** A part's heading inside a section (an h3 the part's region is labelled by). */
export function Heading({ id, children }: { id: string; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <h3 id={id} className={styles.heading}>
      {children}
    </h3>
  );
}
