import { eq, sql } from 'drizzle-orm';
import { growthBrain } from '../../../schema';
import type { GrowthAnalysis, PredictiveInsights } from '../../../schema/insights';
import type { DatabaseAccess } from '../../platform/db';

/** The client's one growth_brain row: written after each analysis, read by the Insights screen. */

export interface StoredInsights {
  analyzedAt: Date;
  analysis: GrowthAnalysis;
  insights: PredictiveInsights;
}

const columns = (analysis: GrowthAnalysis, insights: PredictiveInsights) => ({
  analysisPeriodStart: new Date(analysis.analysisPeriodStart),
  analysisPeriodEnd: new Date(analysis.analysisPeriodEnd),
  totalLeads: analysis.totalLeads,
  topIntents: analysis.topIntents,
  urgencyDistribution: analysis.urgencyDistribution,
  urgencyTrendPercentage: analysis.urgencyTrendPercentage,
  toneDistribution: analysis.toneDistribution,
  toneSentimentScore: analysis.toneSentimentScore,
  avgConfidence: analysis.avgConfidence,
  confidenceTrajectory: analysis.confidenceTrajectory,
  languageRatio: analysis.languageRatio,
  engagementScore: analysis.engagementScore,
  predictiveInsights: insights,
  figures: analysis.figures,
});

/**
 * Upserts the client's row (on growth_brain_client_unique), in the client's tenant
 * transaction. An analysis of an older period never replaces a newer one: a weekly job
 * retried after a refresh leaves the refresh's figures. Returns when it was written, or null
 * when a newer analysis was already there.
 */
export async function saveAnalysis(
  db: DatabaseAccess,
  clientId: string,
  analysis: GrowthAnalysis,
  insights: PredictiveInsights,
): Promise<Date | null> {
  const values = columns(analysis, insights);
  const rows = await db.tenant(clientId, (tx) =>
    tx
      .insert(growthBrain)
      .values({ clientId, ...values })
      .onConflictDoUpdate({
        target: growthBrain.clientId,
        set: { ...values, analyzedAt: sql`now()` },
        setWhere: sql`${growthBrain.analysisPeriodEnd} <= excluded.analysis_period_end`,
      })
      .returning({ analyzedAt: growthBrain.analyzedAt }),
  );
  return rows[0]?.analyzedAt ?? null;
}

export async function readStoredInsights(db: DatabaseAccess, clientId: string): Promise<StoredInsights | null> {
  const [row] = await db.tenant(clientId, (tx) =>
    tx.select().from(growthBrain).where(eq(growthBrain.clientId, clientId)),
  );
  if (!row?.figures) return null;
  return {
    analyzedAt: row.analyzedAt,
    insights: row.predictiveInsights,
    analysis: {
      analysisPeriodStart: row.analysisPeriodStart.toISOString(),
      analysisPeriodEnd: row.analysisPeriodEnd.toISOString(),
      totalLeads: row.totalLeads,
      topIntents: row.topIntents,
      urgencyDistribution: row.urgencyDistribution,
      urgencyTrendPercentage: row.urgencyTrendPercentage,
      toneDistribution: row.toneDistribution,
      toneSentimentScore: row.toneSentimentScore,
      avgConfidence: row.avgConfidence,
      confidenceTrajectory: row.confidenceTrajectory,
      languageRatio: row.languageRatio,
      engagementScore: row.engagementScore,
      figures: row.figures,
    },
  };
}
