import { eq, sql } from 'drizzle-orm';
import { leadMemory } from '../../../schema';
import { intentOf, otherLanguage } from '../../../schema/vocabulary';
import { withFallback } from '../../platform/ai/fallback';
import type { TriageInput } from '../../platform/ai/triage';
import { appendIfChanged } from '../../platform/lead-history';
import {
  aiMetrics,
  choosePromptVariant,
  clientCorrections,
  intakeMetric,
  recordExecutions,
  recordMetrics,
  recordPrediction,
  scoreTriage,
} from '../learning';
import { offlineAi } from '../triage';
import type { LeadContext, Summaries, Triaged } from './context';
import type { EnrichmentDeps } from './deps';

/**
 * Triages the lead (the AI, or the offline engine when it fails) and stores the result
 * with its histories, the prediction for the learning loop and the prompt's figures (and
 * the intake's response time, when the message carries it), all in one transaction.
 */
export async function triageLead(
  deps: EnrichmentDeps,
  { lead, client }: LeadContext,
  intakeMs?: number | undefined,
): Promise<Triaged> {
  const { variant, corrections } = await deps.db.service(async (tx) => ({
    variant: await choosePromptVariant(tx, 'triage', lead.formLanguage, lead.id),
    corrections: await clientCorrections(tx, client.id, lead.id),
  }));
  const input: TriageInput = {
    name: lead.name,
    message: lead.message,
    formLanguage: lead.formLanguage,
    businessName: client.businessName,
    industry: client.industry,
    corrections,
  };
  const { result, failed } = await withFallback(deps.ai, offlineAi, (engine) => engine.triage(input, variant));
  const triage = result.value;
  const now = new Date();

  // An engine that wrote both languages (the offline one) leaves nothing to translate. Else a
  // new summary makes the old translation stale; the translation step redoes it.
  const other = otherLanguage(triage.language);
  const summaries: Summaries = triage.summaries
    ? { en: triage.summaries.en, fr: triage.summaries.fr }
    : ({
        [other]: triage.summary === lead.aiSummary ? lead.summaries[other] : null,
        [triage.language]: triage.summary,
      } as Summaries);

  await deps.db.service(async (tx) => {
    await tx
      .update(leadMemory)
      .set({
        aiSummary: triage.summary,
        aiSummaryEn: summaries.en,
        aiSummaryFr: summaries.fr,
        intent: intentOf(triage.intent).en,
        tone: triage.tone,
        urgency: triage.urgency,
        confidenceScore: triage.confidence,
        language: triage.language,
        toneHistory: appendIfChanged(lead.toneHistory, triage.tone, now, result.engine),
        urgencyHistory: appendIfChanged(lead.urgencyHistory, triage.urgency, now, result.engine),
        confidenceHistory: appendIfChanged(lead.confidenceHistory, triage.confidence, now, result.engine),
        enrichmentEngine: result.engine,
        enrichedAt: now,
        updatedAt: now,
        // The form's language, kept once: `language` now holds the language the message is in.
        metadata: sql`case when ${leadMemory.metadata} ? 'formLanguage' then ${leadMemory.metadata}
          else ${leadMemory.metadata} || jsonb_build_object('formLanguage', ${leadMemory.language}) end`,
      })
      .where(eq(leadMemory.id, lead.id));

    const feedbackId = await recordPrediction(tx, {
      leadId: lead.id,
      clientId: client.id,
      triage,
      engine: result.engine,
      variantId: variant.variantId,
      fellBackFrom: failed ? deps.ai.name : null,
    });
    await recordExecutions(tx, {
      variant,
      clientId: client.id,
      isTest: lead.isTest,
      // The corrections are the client's own leads' messages: counted, not copied into every log row.
      input: { ...input, corrections: corrections.length },
      result,
      failed,
      scores: scoreTriage(triage, lead.message),
      feedbackId,
    });
    await recordMetrics(tx, [
      ...aiMetrics('ai_analysis', client.id, result, failed, { variantId: variant.variantId }),
      ...(intakeMs === undefined ? [] : [intakeMetric(client.id, intakeMs)]),
    ]);
  });
  return { triage, engine: result.engine, summaries };
}
