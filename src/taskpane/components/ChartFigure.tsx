import * as React from "react";
import { Caption1Strong, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  drawing: { minWidth: 0 },
  number: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
  numberHead: { textAlign: "right", justifyContent: "flex-end" },
  nowrap: { whiteSpace: "nowrap" },
  auto: { tableLayout: "auto" },
});

/** The drawing's width before it is measured, and the narrowest it is drawn. */
const FIRST_WIDTH = 300;
const LEAST_WIDTH = 200;

/**
 * A round top for a chart's axis, so its four ticks are round numbers (3,125 -> 4,000; 348,350 ->
 * 400,000; 470,300 -> 600,000).
 */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(max / 4));
  for (const m of [1, 1.5, 2, 2.5, 5, 10]) if (4 * m * step >= max) return 4 * m * step;
  return 40 * step;
}

export interface ChartFigureProps {
  /** The figure's name: its caption, and what assistive technology announces. */
  caption: string;
  /**
   * The chart drawing (a @fluentui/react-charts chart) at the width it has: a picture of `children`.
   * Give the chart `showYAxisLables`: its left margin is then the widest y-axis label's (the default
   * 40 px clips the first character of "$382K").
   */
  chart: (width: number) => React.ReactNode;
  /** The same figures as a table: the chart's text alternative, shown to everyone. */
  children: React.ReactNode;
  "data-testid"?: string;
}

/**
 * A chart as a figure (WAI's pattern for a complex image): the caption names it, the table below it
 * holds every figure the chart draws, and the drawing itself is a picture of that table, hidden
 * from assistive technology and taken out of the keyboard order (`inert`: the chart library makes
 * its bars and its own focus-trap sentinels focusable, which must not sit inside an aria-hidden
 * region). The chart is drawn as wide as the figure is (the charts take a width in pixels).
 */
export function ChartFigure({ caption, chart, children, ...rest }: ChartFigureProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  const drawing = React.useRef<HTMLDivElement>(null);
  const [width, setWidth] = React.useState(FIRST_WIDTH);
  React.useEffect(() => {
    const el = drawing.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(Math.max(LEAST_WIDTH, el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <figure className={styles.figure} aria-labelledby={id} data-testid={rest["data-testid"]}>
      <figcaption id={id}>
        <Caption1Strong>{caption}</Caption1Strong>
      </figcaption>
      <div ref={drawing} className={styles.drawing} aria-hidden="true" inert>
        {chart(width)}
      </div>
      {children}
    </figure>
  );
}

/** A band's label short enough for a chart's axis: "$2.00-$4.99" -> "$2-5", "under $2.00" -> "<$2", "$30.00 and over" -> "$30+". */
export function shortBand(label: string): string {
  const range = /^\$(\d+)\.00-\$(\d+)\.99$/.exec(label);
  if (range) return `$${range[1]}-${Number(range[2]) + 1}`;
  const under = /^under \$(\d+)\.00$/.exec(label);
  if (under) return `<$${under[1]}`;
  const over = /^\$(\d+)\.00 and over$/.exec(label);
  return over ? `$${over[1]}+` : label;
}

export interface BandTableProps<B extends { label: string }> {
  /** The table's name (the figure's caption, or close to it). */
  label: string;
  /** The figures' columns after the band's: each a heading and the band's figure. */
  columns: readonly { head: string; cell: (band: B) => React.ReactNode }[];
  bands: readonly B[];
  /** A last row: its name and its figures. */
  total?: { label: React.ReactNode; cells: readonly React.ReactNode[] };
  /** The columns as wide as their contents (table-layout: auto), each figure on one line. */
  fit?: boolean;
}

/** A chart's figures by exercise-price band: the band, then right-aligned figures. */
export function BandTable<B extends { label: string }>({ label, columns, bands, total, fit }: BandTableProps<B>): React.JSX.Element {
  const styles = useStyles();
  const number = fit ? mergeClasses(styles.number, styles.nowrap) : styles.number;
  return (
    <Table size="extra-small" className={fit ? styles.auto : undefined} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Exercise price</TableHeaderCell>
          {columns.map((c) => (
            <TableHeaderCell key={c.head} className={styles.numberHead}>
              {c.head}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {bands.map((b) => (
          <TableRow key={b.label}>
            <TableCell>{b.label}</TableCell>
            {columns.map((c) => (
              <TableCell key={c.head} className={number}>
                {c.cell(b)}
              </TableCell>
            ))}
          </TableRow>
        ))}
        {total && (
          <TableRow>
            <TableCell>{total.label}</TableCell>
            {total.cells.map((cell, i) => (
              <TableCell key={i} className={number}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
