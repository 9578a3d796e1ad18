import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, id, oneOf, updatedAt, within } from './columns';
import { intentTranslations } from './support';
import {
  intentOf,
  LANGUAGES,
  LEAD_ACTION_TYPES,
  LEAD_TONES,
  SPAM_FOLDER_INTENTS,
  SPAM_REASONS,
  SPAM_VERDICTS,
  URGENCIES,
} from './vocabulary';

/** Which engine produced a value: the OpenAI adapter or the offline heuristics. */
export const ENRICHMENT_ENGINES = ['openai', 'offline'] as const;
export type EnrichmentEngine = (typeof ENRICHMENT_ENGINES)[number];

/** Who set a history entry's value: an engine, or the client correcting it (`human`). */
export type HistoryAuthor = EnrichmentEngine | 'human';

/** One entry of `tone_history`, `confidence_history` or `urgency_history`. */
export interface HistoryEntry<T> {
  value: T;
  at: string;
  engine: HistoryAuthor;
}

export interface LeadMetadata {
  pageUrl?: string;
  referrer?: string;
  userAgent?: string;
  [key: string]: unknown;
}

export const leadMemory = pgTable(
  'lead_memory',
  {
    id: id(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    message: text('message').notNull(),
    /** The summary in the lead's language. */
    aiSummary: text('ai_summary'),
    /**
     * The summary in each language, for the dashboard's EN/FR switch. NULL in the other
     * language means "not translated" (the offline engine does not translate).
     */
    aiSummaryEn: text('ai_summary_en'),
    aiSummaryFr: text('ai_summary_fr'),
    /** English name of the intent (`intent_translations.intent_en`), e.g. "B2B partnership". */
    intent: text('intent').references(() => intentTranslations.intentEn, { onDelete: 'restrict', onUpdate: 'cascade' }),
    tone: text('tone', { enum: LEAD_TONES }),
    urgency: text('urgency', { enum: URGENCIES }),
    confidenceScore: numeric('confidence_score', { precision: 3, scale: 2, mode: 'number' }),
    toneHistory: jsonb('tone_history').$type<HistoryEntry<string>[]>().notNull().default([]),
    confidenceHistory: jsonb('confidence_history').$type<HistoryEntry<number>[]>().notNull().default([]),
    urgencyHistory: jsonb('urgency_history').$type<HistoryEntry<string>[]>().notNull().default([]),
    /** Which engine filled the AI fields; NULL until enriched. */
    enrichmentEngine: text('enrichment_engine', { enum: ENRICHMENT_ENGINES }),
    enrichedAt: timestamp('enriched_at', { withTimezone: true }),
    archived: boolean('archived').notNull().default(false),
    deleted: boolean('deleted').notNull().default(false),
    currentTag: text('current_tag'),
    language: text('language', { enum: LANGUAGES }),
    /** CASL: the visitor ticked the consent box. */
    consent: boolean('consent').notNull().default(false),
    /** Caught by the honeypot or the fill-time check: stored, never enriched nor answered. */
    isSpam: boolean('is_spam').notNull().default(false),
    spamReason: text('spam_reason', { enum: SPAM_REASONS }),
    /** The client's own call, which overrides the detection either way; NULL until they make one. */
    spamVerdict: text('spam_verdict', { enum: SPAM_VERDICTS }),
    /**
     * Whether the lead is in the Spam folder rather than among the real leads: the client's
     * verdict, else the bot checks or the triage (intent Spam or Vendor pitch). Stored so the
     * inbox's indexes can hold it.
     */
    inSpam: boolean('in_spam')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `coalesce(spam_verdict = 'spam', is_spam or coalesce(intent in (${SPAM_FOLDER_INTENTS.map((key) => `'${intentOf(key).en}'`).join(', ')}), false))`,
        ),
      ),
    /** The widget's per-submission key: a retried submission returns the first lead. */
    idempotencyKey: text('idempotency_key'),
    metadata: jsonb('metadata').$type<LeadMetadata>().notNull().default({}),
    isTest: boolean('is_test').notNull().default(false),
    /** When someone first opened the lead in the dashboard; NULL means unread. */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Lets child rows reference (lead, client) together, so a row can never point at
    // another tenant's lead even though foreign-key checks bypass row-level security.
    unique('lead_memory_id_client_unique').on(t.id, t.clientId),
    unique('lead_memory_idempotency_unique').on(t.clientId, t.idempotencyKey),
    // Ascending on purpose: `ORDER BY created_at DESC` means DESC NULLS FIRST, which a
    // `DESC` (NULLS LAST) index cannot give, so the inbox sorted every lead of the client;
    // an ascending index read backwards gives exactly the inbox's order (migration 0009).
    index('lead_memory_client_created_idx').on(t.clientId, t.createdAt, t.id),
    // The inbox list in keyset order. is_test and urgency come last only so that the
    // counts by status and urgency read this index alone (an index-only scan), not the table.
    index('lead_memory_inbox_idx').on(
      t.clientId,
      t.deleted,
      t.archived,
      t.inSpam,
      t.createdAt,
      t.id,
      t.isTest,
      t.urgency,
    ),
    // The inbox sorted by urgency (High first, then newest): the expression is the
    // inbox's URGENCY_RANK (features/inbox/filters.ts), which must stay the same for the planner to match it.
    index('lead_memory_inbox_urgency_idx').on(
      t.clientId,
      t.deleted,
      t.archived,
      t.inSpam,
      sql`(case ${t.urgency} when 'High' then 0 when 'Medium' then 1 when 'Low' then 2 else 3 end)`,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // A tag's leads, newest first, and their counts without reading the untagged ones.
    index('lead_memory_client_tag_idx')
      .on(t.clientId, t.currentTag, t.createdAt, t.id)
      .where(sql`${t.currentTag} is not null`),
    // Migration 0009 also adds, by hand, what Drizzle does not describe: the stored
    // `search_document` tsvector with its GIN index, the email prefix index and the
    // avenir_lead_search() function the inbox's search goes through.
    index('lead_memory_intent_idx').on(t.intent),
    index('lead_memory_unenriched_idx').on(t.createdAt).where(sql`${t.enrichedAt} is null and not ${t.isSpam}`),
    oneOf('lead_memory_tone_check', t.tone, LEAD_TONES),
    oneOf('lead_memory_urgency_check', t.urgency, URGENCIES),
    oneOf('lead_memory_language_check', t.language, LANGUAGES),
    oneOf('lead_memory_engine_check', t.enrichmentEngine, ENRICHMENT_ENGINES),
    oneOf('lead_memory_spam_verdict_check', t.spamVerdict, SPAM_VERDICTS),
    within('lead_memory_confidence_check', t.confidenceScore, 0, 1),
    check(
      'lead_memory_history_check',
      sql`jsonb_typeof(${t.toneHistory}) = 'array'
      and jsonb_typeof(${t.confidenceHistory}) = 'array' and jsonb_typeof(${t.urgencyHistory}) = 'array'`,
    ),
  ],
);

export const leadActions = pgTable(
  'lead_actions',
  {
    id: id(),
    leadId: uuid('lead_id').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    actionType: text('action_type', { enum: LEAD_ACTION_TYPES }).notNull(),
    tag: text('tag'),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull().defaultNow(),
    conversionOutcome: boolean('conversion_outcome'),
    reversionReason: text('reversion_reason'),
    /** Who did it: a dashboard user's email, or "system" for the pipeline. */
    performedBy: text('performed_by').notNull().default('system'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    isTest: boolean('is_test').notNull().default(false),
  },
  (t) => [
    foreignKey({
      name: 'lead_actions_lead_fk',
      columns: [t.leadId, t.clientId],
      foreignColumns: [leadMemory.id, leadMemory.clientId],
    }).onDelete('cascade'),
    // The activity log in keyset order, read backwards: ascending on purpose, as the inbox's
    // (migration 0009); a DESC (NULLS LAST) index cannot give ORDER BY timestamp DESC.
    index('lead_actions_client_timestamp_idx').on(t.clientId, t.timestamp, t.id),
    // The activity log filtered by one action.
    index('lead_actions_client_type_timestamp_idx').on(t.clientId, t.actionType, t.timestamp, t.id),
    index('lead_actions_lead_timestamp_idx').on(t.leadId, t.timestamp.desc()),
    oneOf('lead_actions_action_type_check', t.actionType, LEAD_ACTION_TYPES),
    check('lead_actions_tag_check', sql`${t.actionType} <> 'tagged' or ${t.tag} is not null`),
  ],
);

export const leadNotes = pgTable(
  'lead_notes',
  {
    id: id(),
    leadId: uuid('lead_id').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    performedBy: text('performed_by').notNull().default('admin'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    isTest: boolean('is_test').notNull().default(false),
  },
  (t) => [
    foreignKey({
      name: 'lead_notes_lead_fk',
      columns: [t.leadId, t.clientId],
      foreignColumns: [leadMemory.id, leadMemory.clientId],
    }).onDelete('cascade'),
    index('lead_notes_lead_created_idx').on(t.leadId, t.createdAt),
    index('lead_notes_client_created_idx').on(t.clientId, t.createdAt.desc()),
    check('lead_notes_note_check', sql`length(btrim(${t.note})) between 1 and 10000`),
  ],
);

export type Lead = typeof leadMemory.$inferSelect;
export type NewLead = typeof leadMemory.$inferInsert;
export type LeadAction = typeof leadActions.$inferSelect;
export type LeadNote = typeof leadNotes.$inferSelect;
