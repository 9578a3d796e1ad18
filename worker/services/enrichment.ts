import { and, eq, sql } from 'drizzle-orm';
import { clients, feedbackTracking, leadMemory, promptPerformance, promptRegistry } from '../../schema';
import type { EnrichmentEngine } from '../../schema/leads';
import {
  EMAIL_TONES,
  type EmailTone,
  INTENTS,
  type IntentKey,
  type Language,
  type LeadTone,
  type Urgency,
} from '../../schema/vocabulary';
import { type AiEngine, AiError, type AiResult, type PromptVariant, type ReplyDraft } from '../adapters/ai';
import type { Address, Mailer } from '../adapters/mail';
import { offlineAi } from '../adapters/offline-ai';
import type { DatabaseAccess, Transaction } from '../db';
import { appendIfChanged } from '../domain/history';
import { composeNotification } from '../domain/notification';
import { type PromptScores, scoreReply, scoreTriage } from '../domain/prompt-scores';
import type { Triage, TriageInput } from '../domain/triage/types';
import { claimJob, completeJob, failJob } from './jobs';
import { type MetricRow, recordMetrics } from './metrics';
import { sendLeadEmail, wasSent } from './outgoing-mail';
import { choosePromptVariant } from './prompts';
import { translate } from './translation';

export interface EnrichmentDeps {
  db: DatabaseAccess;
  /** The engine to try first; the offline engine answers when it fails. */
  ai: AiEngine;
  mailer: Mailer;
  /** The address emails go out from; its display name becomes the business's. */
  sender: Address;
  /** The dashboard's origin, for links to a lead. */
  appUrl: string;
}

export interface EnrichRequest {
  leadId: string;
  clientId: string;
  /** Set to re-run triage on an enriched lead (a new key each time); histories record what changed. */
  reenrichId?: string | undefined;
}

export type EnrichOutcome =
  | { status: 'completed'; result: Record<string, unknown> }
  | { status: 'already_completed' }
  | { status: 'busy'; retryInSeconds: number };

/** The queue_jobs dedupe key of a lead's enrichment: one job per lead, and one per re-enrichment. */
export const enrichJobKey = (request: EnrichRequest) =>
  `enrich_lead:${request.leadId}${request.reenrichId ? `:${request.reenrichId}` : ''}`;

/**
 * The enrichment job of one lead: triage (AI, or the offline engine when the AI fails),
 * the summary in both languages, the auto-reply and the client's notification, with the
 * learning logs. Each step is idempotent and the job is claimed in queue_jobs, so a
 * redelivered message never logs twice nor sends a second email.
 */
export async function enrichLead(deps: EnrichmentDeps, request: EnrichRequest): Promise<EnrichOutcome> {
  const dedupeKey = enrichJobKey(request);
  const payload = { leadId: request.leadId, clientId: request.clientId, reenrichId: request.reenrichId ?? null };
  const claim = await claimJob(deps.db, { type: 'enrich_lead', dedupeKey, payload });
  if (claim.state === 'completed') return { status: 'already_completed' };
  if (claim.state === 'busy') return { status: 'busy', retryInSeconds: claim.retryInSeconds };
  try {
    const result = await runSteps(deps, request);
    await completeJob(deps.db, claim.jobId, result);
    return { status: 'completed', result };
  } catch (error) {
    try {
      await failJob(deps.db, claim.jobId, error);
    } catch (recordError) {
      // The lease expires on its own; the original error is what the queue must see.
      console.error(`job ${claim.jobId}: failure not recorded`, recordError);
    }
    throw error;
  }
}

type LeadRow = typeof leadMemory.$inferSelect;
type ClientRow = typeof clients.$inferSelect;

/** The lead and its client, as the job reads them once; `summaries` is kept current as steps write. */
interface LeadContext {
  lead: Pick<
    LeadRow,
    | 'id'
    | 'name'
    | 'email'
    | 'phone'
    | 'message'
    | 'isSpam'
    | 'isTest'
    | 'enrichedAt'
    | 'aiSummary'
    | 'tone'
    | 'urgency'
    | 'confidenceScore'
    | 'enrichmentEngine'
    | 'toneHistory'
    | 'urgencyHistory'
    | 'confidenceHistory'
  > & {
    /** The form's language: the triage prompt's, before the message's own is known. */
    formLanguage: Language;
    language: Language | null;
    intentKey: IntentKey | null;
    summaries: Record<Language, string | null>;
  };
  client: Pick<ClientRow, 'id' | 'businessName' | 'email' | 'bookingLink' | 'industry' | 'aiPersonalizedReply'> & {
    language: Language;
    emailTone: EmailTone;
  };
}

async function runSteps(deps: EnrichmentDeps, request: EnrichRequest): Promise<Record<string, unknown>> {
  const context = await loadContext(deps.db, request);
  if (!context) return { skipped: 'lead_not_found' };
  if (context.lead.isSpam) return { skipped: 'spam' };

  const stored = storedTriage(context);
  const triaged = stored && !request.reenrichId ? stored : await runTriage(deps, context);
  const summaries = await translateSummary(deps, context, triaged.triage);

  const replyOutcome = await replyToLead(deps, context, triaged.triage);
  const notificationOutcome = await notifyClient(deps, context, triaged.triage, summaries, replyOutcome);
  return {
    engine: triaged.engine,
    language: triaged.triage.language,
    intent: triaged.triage.intent,
    urgency: triaged.triage.urgency,
    translated: summaries.en !== null && summaries.fr !== null,
    reply: replyOutcome,
    notification: notificationOutcome,
  };
}

/** The two summary columns from the summaries by language. */
const summaryColumns = (summaries: Record<Language, string | null>) => ({
  aiSummaryEn: summaries.en,
  aiSummaryFr: summaries.fr,
});

const INTENT_BY_NAME = new Map<string, IntentKey>(INTENTS.map((intent) => [intent.en, intent.key]));
const INTENT_NAME = new Map<IntentKey, string>(INTENTS.map((intent) => [intent.key, intent.en]));

const asLanguage = (value: string | null): Language => (value === 'fr' ? 'fr' : 'en');

async function loadContext(db: DatabaseAccess, request: EnrichRequest): Promise<LeadContext | null> {
  const [row] = await db.service((tx) =>
    tx
      .select({ lead: leadMemory, client: clients })
      .from(leadMemory)
      .innerJoin(clients, eq(clients.id, leadMemory.clientId))
      .where(and(eq(leadMemory.id, request.leadId), eq(leadMemory.clientId, request.clientId))),
  );
  if (!row) return null;
  const { lead, client } = row;
  const formLanguage = (lead.metadata as { formLanguage?: string }).formLanguage ?? lead.language;
  return {
    lead: {
      ...lead,
      formLanguage: asLanguage(formLanguage),
      language: lead.language ? asLanguage(lead.language) : null,
      intentKey: INTENT_BY_NAME.get(lead.intent ?? '') ?? null,
      summaries: { en: lead.aiSummaryEn, fr: lead.aiSummaryFr },
    },
    client: {
      ...client,
      language: asLanguage(client.language),
      emailTone: (EMAIL_TONES as readonly string[]).includes(client.emailTone)
        ? (client.emailTone as EmailTone)
        : 'Professional',
    },
  };
}

interface Triaged {
  triage: Triage;
  engine: EnrichmentEngine;
}

/** The triage already stored on an enriched lead (a redelivery, or a retry after a later step failed). */
function storedTriage({ lead }: LeadContext): Triaged | null {
  if (!lead.enrichedAt || !lead.intentKey || !lead.urgency || !lead.tone || lead.confidenceScore === null) return null;
  return {
    engine: lead.enrichmentEngine === 'openai' ? 'openai' : 'offline',
    triage: {
      language: lead.language ?? lead.formLanguage,
      intent: lead.intentKey,
      urgency: lead.urgency as Urgency,
      tone: lead.tone as LeadTone,
      confidence: lead.confidenceScore,
      summary: lead.aiSummary ?? '',
    },
  };
}

/** One call to the AI port that did not answer, for prompt_performance. */
interface FailedExecution {
  error: AiError;
  latencyMs: number;
}

/**
 * Runs `work` on the primary engine; when it throws an AiError, on the offline engine,
 * which always answers. Returns the result and the failed attempt, if any.
 */
async function withFallback<T>(
  primary: AiEngine,
  work: (engine: AiEngine) => Promise<AiResult<T>>,
): Promise<{ result: AiResult<T>; failed: FailedExecution | null }> {
  const started = performance.now();
  try {
    return { result: await work(primary), failed: null };
  } catch (error) {
    if (!(error instanceof AiError) || primary === offlineAi) throw error;
    const failed = { error, latencyMs: performance.now() - started };
    return { result: await work(offlineAi), failed };
  }
}

async function runTriage(deps: EnrichmentDeps, context: LeadContext): Promise<Triaged> {
  const { lead, client } = context;
  const variant = await deps.db.service((tx) => choosePromptVariant(tx, 'triage', lead.formLanguage, lead.id));
  const input: TriageInput = {
    name: lead.name,
    message: lead.message,
    formLanguage: lead.formLanguage,
    businessName: client.businessName,
    industry: client.industry,
  };
  const { result, failed } = await withFallback(deps.ai, (engine) => engine.triage(input, variant));
  const triage = result.value;
  const now = new Date();

  // A new summary makes the old translation stale; the translation step redoes it.
  const other: Language = triage.language === 'fr' ? 'en' : 'fr';
  const summaries = {
    ...lead.summaries,
    [other]: triage.summary === lead.aiSummary ? lead.summaries[other] : null,
    [triage.language]: triage.summary,
  } as Record<Language, string | null>;

  await deps.db.service(async (tx) => {
    await tx
      .update(leadMemory)
      .set({
        aiSummary: triage.summary,
        ...summaryColumns(summaries),
        intent: INTENT_NAME.get(triage.intent)!,
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
    lead.summaries = summaries;

    const intent = INTENTS.find((entry) => entry.key === triage.intent)!;
    const [feedback] = await tx
      .insert(feedbackTracking)
      .values({
        leadId: lead.id,
        clientId: client.id,
        actionType: 'system_performance',
        // The outcome is known later, when the client converts, archives or answers the lead.
        outcome: 'neutral',
        confidenceScore: triage.confidence,
        impactScore: 0,
        contextData: {
          prediction: { intent: triage.intent, urgency: triage.urgency, tone: triage.tone, language: triage.language },
          engine: result.engine,
          variantId: variant.variantId,
          fellBackFrom: failed ? deps.ai.name : null,
        },
        notes: `Prediction: ${intent.en}, ${triage.urgency} urgency (${result.engine})`,
        notesEn: `Prediction: ${intent.en}, ${triage.urgency} urgency, ${triage.tone} tone, by the ${result.engine} engine; outcome pending.`,
        notesFr: `Prédiction : ${intent.fr}, urgence ${triage.urgency}, ton ${triage.tone}, par le moteur ${result.engine}; résultat à venir.`,
      })
      .returning({ id: feedbackTracking.id });
    const feedbackId = feedback!.id;

    await recordExecutions(tx, {
      variant,
      clientId: client.id,
      isTest: lead.isTest,
      input: { ...input },
      result,
      failed,
      scores: scoreTriage(triage, lead.message),
      feedbackId,
    });
    await recordMetrics(tx, aiMetrics('ai_analysis', client.id, result, failed, { variantId: variant.variantId }));
  });
  return { triage, engine: result.engine };
}

/** One row of prompt_performance. */
interface ExecutionRow {
  output: unknown;
  latencyMs: number;
  tokens: number | null;
  costUsd: number | null;
  scores: { quality: number; consistency: number | null; completeness: number };
  error: string | null;
  feedbackId: string | null;
}

/** prompt_performance rows for the AI's executions of a prompt (the offline engine runs no prompt). */
async function recordExecutions<T>(
  tx: Transaction,
  execution: {
    variant: PromptVariant;
    clientId: string;
    isTest: boolean;
    input: Record<string, unknown>;
    result: AiResult<T>;
    failed: FailedExecution | null;
    scores: PromptScores;
    feedbackId: string | null;
  },
): Promise<void> {
  const { variant, result, failed } = execution;
  const rows: ExecutionRow[] = [];
  if (failed) {
    rows.push({
      output: null,
      latencyMs: failed.latencyMs,
      tokens: null,
      costUsd: null,
      // Only an answer that broke the schema says anything about the prompt's format.
      scores: { quality: 0, consistency: failed.error.kind === 'invalid_output' ? 0 : null, completeness: 0 },
      error: `${failed.error.kind}: ${failed.error.message}`,
      feedbackId: null,
    });
  }
  if (result.engine === 'openai') {
    rows.push({
      output: result.value,
      latencyMs: result.latencyMs,
      tokens: result.usage ? result.usage.promptTokens + result.usage.completionTokens : null,
      costUsd: result.usage?.costUsd ?? null,
      scores: execution.scores,
      error: null,
      feedbackId: execution.feedbackId,
    });
  }
  if (rows.length === 0) return;
  await tx.insert(promptPerformance).values(
    rows.map((row) => ({
      promptRegistryId: variant.id,
      executionId: crypto.randomUUID(),
      clientId: execution.clientId,
      inputData: execution.input,
      outputData: row.output === null ? null : (row.output as Record<string, unknown>),
      outputQualityScore: row.scores.quality,
      responseTimeMs: Math.round(row.latencyMs),
      tokenCount: row.tokens,
      costUsd: row.costUsd,
      consistencyScore: row.scores.consistency,
      completenessScore: row.scores.completeness,
      errorOccurred: row.error !== null,
      errorMessage: row.error,
      feedbackId: row.feedbackId,
      environment: execution.isTest ? 'test' : 'production',
    })),
  );
  await tx
    .update(promptRegistry)
    .set({ usageCount: sql`${promptRegistry.usageCount} + ${rows.length}`, updatedAt: new Date() })
    .where(eq(promptRegistry.id, variant.id));
}

function aiMetrics<T>(
  eventType: 'ai_analysis' | 'email_response',
  clientId: string,
  result: AiResult<T>,
  failed: FailedExecution | null,
  metadata: Record<string, unknown>,
): MetricRow[] {
  const rows: MetricRow[] = [
    {
      eventType,
      metricName: 'response_time',
      metricValue: result.latencyMs,
      metricUnit: 'ms',
      responseTimeMs: Math.round(result.latencyMs),
      successRate: 1,
      sourceComponent: 'intelligence_engine',
      clientId,
      metadata: { ...metadata, engine: result.engine, usage: result.usage },
    },
  ];
  if (failed) {
    rows.push({
      eventType,
      metricName: 'error_rate',
      metricValue: 1,
      metricUnit: 'count',
      responseTimeMs: Math.round(failed.latencyMs),
      errorCount: 1,
      successRate: 0,
      sourceComponent: 'intelligence_engine',
      clientId,
      metadata: { ...metadata, engine: 'openai', kind: failed.error.kind, fellBackTo: result.engine },
      errorMessageEn: `The AI did not answer (${failed.error.kind}); the offline engine did.`,
      errorMessageFr: `L’IA n’a pas répondu (${failed.error.kind}); le moteur hors ligne a pris le relais.`,
    });
  }
  return rows;
}

/** The summary in both languages; the other language stays null when it cannot be translated. */
async function translateSummary(
  deps: EnrichmentDeps,
  { lead, client }: LeadContext,
  triage: Triage,
): Promise<Record<Language, string | null>> {
  const other: Language = triage.language === 'fr' ? 'en' : 'fr';
  if (lead.summaries[other] !== null || !triage.summary) return lead.summaries;
  const translation = await translate(deps.db, deps.ai, {
    text: triage.summary,
    from: triage.language,
    to: other,
    context: 'lead_summary',
    clientId: client.id,
  });
  if (!translation.translated) return lead.summaries;
  lead.summaries = { ...lead.summaries, [other]: translation.text };
  await deps.db.service((tx) =>
    tx
      .update(leadMemory)
      .set({ ...summaryColumns(lead.summaries), updatedAt: new Date() })
      .where(eq(leadMemory.id, lead.id)),
  );
  return lead.summaries;
}

type ReplyOutcome = Awaited<ReturnType<typeof sendLeadEmail>> | 'disabled' | 'not_for_spam';

async function replyToLead(deps: EnrichmentDeps, { lead, client }: LeadContext, triage: Triage): Promise<ReplyOutcome> {
  if (!client.aiPersonalizedReply) return 'disabled';
  if (triage.intent === 'spam') return 'not_for_spam';
  if (await wasSent(deps.db, lead.id, 'reply')) return 'already_sent';

  const variant = await deps.db.service((tx) => choosePromptVariant(tx, 'reply', triage.language, lead.id));
  const replyInput = {
    lead: { name: lead.name, message: lead.message },
    triage,
    business: {
      name: client.businessName,
      tone: client.emailTone,
      bookingLink: client.bookingLink,
      industry: client.industry,
    },
  };
  const { result, failed } = await withFallback(deps.ai, (engine) => engine.writeReply(replyInput, variant));
  await deps.db.service(async (tx) => {
    await recordExecutions(tx, {
      variant,
      clientId: client.id,
      isTest: lead.isTest,
      input: { ...replyInput },
      result,
      failed,
      scores: scoreReply(result.value, {
        businessName: client.businessName,
        bookingLink: client.bookingLink,
        leadName: lead.name,
      }),
      feedbackId: null,
    });
    await recordMetrics(tx, aiMetrics('email_response', client.id, result, failed, { variantId: variant.variantId }));
  });

  return sendLeadEmail(deps.db, deps.mailer, {
    kind: 'reply',
    leadId: lead.id,
    clientId: client.id,
    from: { email: deps.sender.email, name: client.businessName },
    to: { email: lead.email, name: lead.name },
    replyTo: { email: client.email, name: client.businessName },
    draft: result.value,
    engine: result.engine,
    isTest: lead.isTest,
  });
}

async function notifyClient(
  deps: EnrichmentDeps,
  { lead, client }: LeadContext,
  triage: Triage,
  summaries: Record<Language, string | null>,
  reply: ReplyOutcome,
): Promise<ReplyOutcome> {
  if (triage.intent === 'spam') return 'not_for_spam';
  const draft: ReplyDraft = composeNotification({
    clientLanguage: client.language,
    lead: { id: lead.id, name: lead.name, email: lead.email, phone: lead.phone, message: lead.message },
    triage,
    summary: summaries[client.language] ?? triage.summary,
    leadUrl: `${deps.appUrl}/app/leads/${lead.id}`,
    replied: reply === 'sent' || reply === 'already_sent',
  });
  return sendLeadEmail(deps.db, deps.mailer, {
    kind: 'notification',
    leadId: lead.id,
    clientId: client.id,
    from: { email: deps.sender.email, name: 'Avenir' },
    to: { email: client.email, name: client.businessName },
    replyTo: { email: lead.email, name: lead.name },
    draft,
    engine: null,
    isTest: lead.isTest,
  });
}
