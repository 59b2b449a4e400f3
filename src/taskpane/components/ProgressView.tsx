import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { ProgressStore } from "../state/progress";

/** The progress bar of a {@link ProgressStore}: the only part of the pane a progress update repaints. */
export function ProgressView({ store, testId }: { store: ProgressStore; testId?: string }): React.JSX.Element | null {
  const progress = React.useSyncExternalStore(store.subscribe, store.get, store.get);
  if (!progress) return null;
  return (
    <Field validationMessage={progress.label} validationState="none">
      <ProgressBar value={progress.total > 1 ? progress.done / progress.total : undefined} aria-label={progress.label} data-testid={testId} />
    </Field>
  );
}
