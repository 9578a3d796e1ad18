import type { HistoryAuthor, HistoryEntry } from '../../schema/leads';

/**
 * The history with `value` appended when it differs from the last recorded value: a
 * re-enrichment that changes nothing leaves the history as it was.
 */
export function appendIfChanged<T>(
  history: readonly HistoryEntry<T>[],
  value: T,
  at: Date,
  engine: HistoryAuthor,
): HistoryEntry<T>[] {
  const last = history[history.length - 1];
  if (last && last.value === value) return [...history];
  return [...history, { value, at: at.toISOString(), engine }];
}
