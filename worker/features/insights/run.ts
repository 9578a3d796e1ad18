import { eq } from 'drizzle-orm';
import { clients } from '../../../schema';
import type { AiEngine } from '../../platform/ai/port';
import type { DatabaseAccess } from '../../platform/db';
import { textToHtml } from '../../platform/mail/mime';
import type { Address, Mailer } from '../../platform/mail/port';
import { type SendOutcome, sendClientEmail } from '../../platform/mail/send-once';
import { aiMetrics, recordMetrics } from '../learning';
import { analyzeLeads } from './analysis';
import { digestMail } from './digest-mail';
import type { IntelligenceAnalysisMessage } from './message';
import { chooseAdvice } from './recommendations';
import { saveAnalysis } from './store';
import { WEEK_MS } from './window';
import { type WrittenInsights, writeInsights } from './writer';

/** One client's growth analysis, from its queue message to its growth_brain row and Monday digest. */

export interface AnalysisDeps {
  db: DatabaseAccess;
  /** OpenAI when configured; null: the deterministic writer words the recommendations. */
  ai: AiEngine | null;
  mailer: Mailer;
  sender: Address;
  /** The dashboard's origin, for the digest's links. */
  appUrl: string;
}

export interface AnalysisResult {
  clientId: string;
  periodStart: string;
  periodEnd: string;
  totalLeads: number;
  /** When growth_brain was written; null when a newer analysis was already stored. */
  analyzedAt: string | null;
  engine: 'openai' | 'offline';
  recommendations: number;
  /** Why OpenAI's words were not used, when it was asked. */
  fallbackReason: string | null;
  digest: SendOutcome | 'not_weekly' | 'turned_off' | 'no_leads';
  [key: string]: unknown;
}

/** The OpenAI call in the learning log, as every AI call is: its time and cost, or the failure the offline writer took over from. */
function recordAiCall(db: DatabaseAccess, clientId: string, call: NonNullable<WrittenInsights['aiCall']>) {
  const metadata = { task: 'growth_insights' };
  const { error, latencyMs, usage } = call;
  const rows = error
    ? aiMetrics(
        'ai_analysis',
        clientId,
        { value: null, engine: 'offline', usage: null, latencyMs: 0 },
        { error, latencyMs },
        metadata,
      )
    : aiMetrics('ai_analysis', clientId, { value: null, engine: 'openai', usage, latencyMs }, null, metadata);
  return db.service((tx) => recordMetrics(tx, rows));
}

export const digestLink = (appUrl: string, token: string) => `${appUrl}/digest/off?token=${encodeURIComponent(token)}`;

/** Analyses, writes the row, then (Monday's run only) sends the digest once for the week. Null when the client is gone. */
export async function runAnalysis(
  deps: AnalysisDeps,
  message: IntelligenceAnalysisMessage,
): Promise<AnalysisResult | null> {
  const [client] = await deps.db.service((tx) =>
    tx
      .select({
        businessName: clients.businessName,
        industry: clients.industry,
        email: clients.email,
        language: clients.language,
        weeklyDigest: clients.weeklyDigest,
        digestToken: clients.digestToken,
      })
      .from(clients)
      .where(eq(clients.id, message.clientId)),
  );
  if (!client) return null;

  const end = new Date(message.periodEnd);
  const analysis = await analyzeLeads(deps.db, message.clientId, { start: new Date(end.getTime() - WEEK_MS), end });
  const advice = chooseAdvice(analysis);
  const written = await writeInsights(deps.ai, advice, { name: client.businessName, industry: client.industry });
  const analyzedAt = await saveAnalysis(deps.db, message.clientId, analysis, written.insights);
  if (written.aiCall) await recordAiCall(deps.db, message.clientId, written.aiCall);

  let digest: AnalysisResult['digest'] = 'not_weekly';
  if (message.trigger === 'weekly') {
    if (!client.weeklyDigest) digest = 'turned_off';
    else if (analysis.figures.counts.leads === 0 && analysis.totalLeads === 0) digest = 'no_leads';
    else {
      const mail = digestMail({
        language: client.language,
        businessName: client.businessName,
        analysis,
        recommendations: written.insights[client.language].recommendations,
        insightsUrl: `${deps.appUrl}/app/insights`,
        turnOffUrl: digestLink(deps.appUrl, client.digestToken),
      });
      digest = await sendClientEmail(deps.db, deps.mailer, {
        kind: 'digest',
        sendKey: `digest-${message.clientId}-${message.periodEnd}`,
        clientId: message.clientId,
        from: deps.sender,
        to: { email: client.email, name: client.businessName },
        subject: mail.subject,
        text: mail.text,
        html: textToHtml(mail.text),
        listUnsubscribe: digestLink(deps.appUrl, client.digestToken),
        engine: written.insights.engine,
      });
    }
  }

  return {
    clientId: message.clientId,
    periodStart: analysis.analysisPeriodStart,
    periodEnd: analysis.analysisPeriodEnd,
    totalLeads: analysis.totalLeads,
    analyzedAt: analyzedAt?.toISOString() ?? null,
    engine: written.insights.engine ?? 'offline',
    recommendations: written.insights.en.recommendations.length,
    fallbackReason: written.fallbackReason,
    digest,
  };
}
