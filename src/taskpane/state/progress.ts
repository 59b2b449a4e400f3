/**
 * Progress of long work (reading a log, applying the rules, writing worksheets), kept outside the
 * pane's state: a progress update repaints the progress bar that shows it, not the whole pane
 * (a re-render of every section on each update costs more than the slices of work between them).
 */
import { Busy } from "./paneState";

export interface ProgressStore {
  get(): Busy | undefined;
  set(progress: Busy | undefined): void;
  subscribe(listener: () => void): () => void;
}

export function createProgressStore(): ProgressStore {
  let current: Busy | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(progress) {
      if (progress === current) return;
      if (progress && current && progress.label === current.label && progress.done === current.done && progress.total === current.total) return;
      current = progress;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
