import * as React from "react";
import { Caption1Strong, makeStyles, tokens } from "@fluentui/react-components";
import { TimelineEvent } from "../../core/separations/types";
import { isoDate } from "../state/separation";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    paddingLeft: tokens.spacingHorizontalL,
    position: "relative",
    // the line the events hang on
    "::before": {
      content: '""',
      position: "absolute",
      left: "6px",
      top: "6px",
      bottom: "6px",
      width: "2px",
      backgroundColor: tokens.colorNeutralStroke1,
    },
  },
  event: {
    position: "relative",
    display: "grid",
    gridTemplateColumns: "6.5em 1fr",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: "3px",
    // the event's dot on the line
    "::before": {
      content: '""',
      position: "absolute",
      left: `calc(-1 * ${tokens.spacingHorizontalL} + 2px)`,
      top: "8px",
      width: "10px",
      height: "10px",
      borderRadius: "50%",
      backgroundColor: tokens.colorBrandBackground,
      boxShadow: `0 0 0 2px ${tokens.colorNeutralBackground1}`,
    },
  },
  sameDay: { "::before": { backgroundColor: tokens.colorNeutralForeground3, width: "6px", height: "6px", left: `calc(-1 * ${tokens.spacingHorizontalL} + 4px)`, top: "10px" } },
  date: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  label: { minWidth: 0, overflowWrap: "anywhere" },
  gap: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

export interface SeparationTimelineProps {
  /** The events, in date order (the model's order; ties as the model gives them). */
  events: readonly TimelineEvent[];
  caption?: string;
}

/**
 * The separation's dates as a vertical timeline: an ordered list of dated events (a figure named by
 * its caption), each date a <time>, so a screen reader reads the events in order with their dates.
 */
export function SeparationTimeline({ events, caption = "Timeline" }: SeparationTimelineProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  const ordered = React.useMemo(() => events.map((e, i) => ({ ...e, i })).sort((a, b) => a.date - b.date || a.i - b.i), [events]);
  return (
    <figure className={styles.figure} aria-labelledby={id} data-testid="separation-timeline">
      <figcaption id={id}>
        <Caption1Strong>{caption}</Caption1Strong>
      </figcaption>
      <ol className={styles.list}>
        {ordered.map((e, k) => {
          const iso = isoDate(e.date);
          const same = k > 0 && ordered[k - 1].date === e.date;
          return (
            <li key={`${e.date}-${e.i}`} className={same ? `${styles.event} ${styles.sameDay}` : styles.event} data-date={iso}>
              <time dateTime={iso} className={same ? `${styles.date} ${styles.gap}` : styles.date}>
                {iso}
              </time>
              <span className={styles.label}>{e.label}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
