import * as React from "react";
import { Caption1Strong, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  drawing: { minWidth: 0 },
});

export interface ChartFigureProps {
  /** The figure's name: its caption, and what assistive technology announces. */
  caption: string;
  /** The chart drawing (a @fluentui/react-charts chart): a picture of `children`. */
  chart: React.ReactNode;
  /** The same figures as a table: the chart's text alternative, shown to everyone. */
  children: React.ReactNode;
  /** Receives the drawing's element (to size the chart to it). */
  drawingRef?: React.Ref<HTMLDivElement>;
  "data-testid"?: string;
}

/**
 * A chart as a figure (WAI's pattern for a complex image): the caption names it, the table below it
 * holds every figure the chart draws, and the drawing itself is a picture of that table, hidden
 * from assistive technology and taken out of the keyboard order (`inert`: the chart library makes
 * its bars and its own focus-trap sentinels focusable, which must not sit inside an aria-hidden
 * region).
 */
export function ChartFigure({ caption, chart, children, drawingRef, ...rest }: ChartFigureProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  return (
    <figure className={styles.figure} aria-labelledby={id} data-testid={rest["data-testid"]}>
      <figcaption id={id}>
        <Caption1Strong>{caption}</Caption1Strong>
      </figcaption>
      <div ref={drawingRef} className={styles.drawing} aria-hidden="true" inert>
        {chart}
      </div>
      {children}
    </figure>
  );
}
