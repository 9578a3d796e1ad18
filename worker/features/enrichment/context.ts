import { and, eq } from 'drizzle-orm';
import { clients, leadMemory } from '../../../schema';
import type { EnrichmentEngine } from '../../../schema/leads';
import { type IntentKey, intentNamed, type Language } from '../../../schema/vocabulary';
import type { Triage } from '../../platform/ai/triage';
import type { DatabaseAccess } from '../../platform/db';
import type { EnrichRequest } from './message';

type LeadRow = typeof leadMemory.$inferSelect;
type ClientRow = typeof clients.$inferSelect;

/** Older leads get no automatic reply: a week-old "thanks for writing" does more harm than good. */
export const AUTO_REPLY_HORIZON_DAYS = 7;

/** What the client said of it, over what the detection said: a lead they called spam is spam, one they cleared is not. */
export function spamAsSeenByClient(lead: LeadContext['lead'], intent: IntentKey | null): 'spam' | 'pitch' | null {
  if (lead.spamVerdict === 'not_spam') return null;
  if (lead.spamVerdict === 'spam' || lead.isSpam || intent === 'spam') return 'spam';
  return intent === 'vendor_pitch' ? 'pitch' : null;
}

/** The summary of a lead in each language; null where it is not written (or not translated) yet. */
export type Summaries = Readonly<Record<Language, string | null>>;

/** The lead and its client, as the job reads them once, before any step writes. */
export interface LeadContext {
  lead: Pick<
    LeadRow,
    | 'id'
    | 'name'
    | 'email'
    | 'phone'
    | 'message'
    | 'isSpam'
    | 'spamVerdict'
    | 'isTest'
    | 'createdAt'
    | 'enrichedAt'
    | 'aiSummary'
    | 'tone'
    | 'urgency'
    | 'language'
    | 'confidenceScore'
    | 'enrichmentEngine'
    | 'toneHistory'
    | 'urgencyHistory'
    | 'confidenceHistory'
  > & {
    /** The form's language: the triage prompt's, before the message's own is known. */
    formLanguage: Language;
    intentKey: IntentKey | null;
    summaries: Summaries;
  };
  client: Pick<
    ClientRow,
    'id' | 'businessName' | 'email' | 'bookingLink' | 'industry' | 'aiPersonalizedReply' | 'language' | 'emailTone'
  >;
}

export async function loadContext(db: DatabaseAccess, request: EnrichRequest): Promise<LeadContext | null> {
  const [row] = await db.service((tx) =>
    tx
      .select({ lead: leadMemory, client: clients })
      .from(leadMemory)
      .innerJoin(clients, eq(clients.id, leadMemory.clientId))
      .where(and(eq(leadMemory.id, request.leadId), eq(leadMemory.clientId, request.clientId))),
  );
  if (!row) return null;
  const { lead, client } = row;
  const { formLanguage } = lead.metadata as { formLanguage?: Language };
  return {
    lead: {
      ...lead,
      // Kept in metadata once triage has stored the message's own language in `language`.
      formLanguage: formLanguage ?? lead.language ?? client.language,
      intentKey: intentNamed(lead.intent)?.key ?? null,
      summaries: { en: lead.aiSummaryEn, fr: lead.aiSummaryFr },
    },
    client,
  };
}

/** A triage and what came of it: the engine that made it, and the summaries it leaves. */
export interface Triaged {
  triage: Triage;
  engine: EnrichmentEngine;
  summaries: Summaries;
}

/** The triage already stored on an enriched lead (a redelivery, or a retry after a later step failed). */
export function storedTriage({ lead }: LeadContext): Triaged | null {
  if (!lead.enrichedAt || !lead.intentKey || !lead.urgency || !lead.tone || lead.confidenceScore === null) return null;
  return {
    engine: lead.enrichmentEngine ?? 'offline',
    triage: {
      language: lead.language ?? lead.formLanguage,
      intent: lead.intentKey,
      urgency: lead.urgency,
      tone: lead.tone,
      confidence: lead.confidenceScore,
      summary: lead.aiSummary ?? '',
    },
    summaries: lead.summaries,
  };
}
