import { eq } from 'drizzle-orm';
import { clients } from '../../../schema';
import type { InsightsPeriodKey, InsightsView } from '../../../schema/app-api';
import type { DatabaseAccess } from '../../platform/db';
import { type AnalysisWindow, analyzeLeads } from './analysis';
import { refreshState } from './refresh';
import { readStoredInsights } from './store';

/**
 * The Insights screen's answer: the stored analysis with its recommendations, and the
 * figures of the period asked for — the stored ones for the week (computed now when the
 * client was never analysed), computed on request for the others, nothing written.
 */
export async function insightsView(
  db: DatabaseAccess,
  clientId: string,
  period: { key: InsightsPeriodKey; window: AnalysisWindow },
  now: Date,
): Promise<InsightsView> {
  const stored = await readStoredInsights(db, clientId);
  const [client] = await db.tenant(clientId, (tx) =>
    tx.select({ isTest: clients.isTest }).from(clients).where(eq(clients.id, clientId)),
  );
  const analysis = period.key === 'week' && stored ? stored.analysis : await analyzeLeads(db, clientId, period.window);
  return {
    asOf: now.toISOString(),
    period: period.key,
    stored: stored
      ? {
          analyzedAt: stored.analyzedAt.toISOString(),
          insights: stored.insights,
          empty: stored.analysis.totalLeads === 0,
        }
      : null,
    analysis,
    refresh: await refreshState(db, clientId),
    testClient: client?.isTest ?? false,
  };
}
