import { performanceMetrics } from '../../../schema';
import type { Transaction } from '../../platform/db';

export type MetricRow = typeof performanceMetrics.$inferInsert;

/** Appends performance_metrics rows (response times, cache hits, errors) inside the caller's transaction. */
export async function recordMetrics(tx: Transaction, rows: MetricRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(performanceMetrics).values(rows);
}
