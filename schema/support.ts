import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  inet,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  vector,
} from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, id, oneOf } from './columns';
import { INTENT_CATEGORIES, type IntentKey } from './vocabulary';

/** Every call to the public API, for debugging a client's integration. */
export const integrationLogs = pgTable(
  'integration_logs',
  {
    id: id(),
    /** NULL when the key matched no client. */
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    /** Only a prefix of the key, enough to tell keys apart. */
    apiKey: text('api_key'),
    endpoint: text('endpoint').notNull(),
    method: text('method').notNull(),
    requestBody: jsonb('request_body'),
    responseStatus: smallint('response_status').notNull(),
    responseBody: jsonb('response_body'),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    /** The page's Origin header as sent: which site the form is embedded on (connection health). */
    origin: text('origin'),
    createdAt: createdAt(),
  },
  (t) => [
    index('integration_logs_client_created_idx').on(t.clientId, t.createdAt.desc()),
    index('integration_logs_created_idx').on(t.createdAt),
    check('integration_logs_status_check', sql`${t.responseStatus} between 100 and 599`),
    check('integration_logs_api_key_check', sql`length(${t.apiKey}) <= 16`),
    check('integration_logs_origin_check', sql`length(${t.origin}) <= 300`),
  ],
);

/**
 * What integration_logs said, per client, UTC day, origin and status, once its raw rows
 * are past their 90 days (features/connection-health/retention.ts). `origin` is '' for
 * requests that named none.
 */
export const integrationLogDaily = pgTable(
  'integration_log_daily',
  {
    id: id(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    origin: text('origin').notNull().default(''),
    responseStatus: smallint('response_status').notNull(),
    requests: integer('requests').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('integration_log_daily_key_unique').on(t.clientId, t.day, t.origin, t.responseStatus),
    check('integration_log_daily_requests_check', sql`${t.requests} > 0`),
  ],
);

/**
 * Widget keys a client rotated away from. A page still signing with one is refused, and
 * logged under its client, so connection health can say which page carries the old snippet.
 */
export const retiredWidgetKeys = pgTable(
  'retired_widget_keys',
  {
    id: id(),
    apiKey: text('api_key').notNull().unique('retired_widget_keys_api_key_unique'),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    retiredAt: timestamp('retired_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('retired_widget_keys_client_idx').on(t.clientId)],
);

/**
 * Chunks of Avenir's own company profile with their embeddings, for matching prospects.
 * `embedding` is pgvector's vector(1536) where the extension exists (Neon, PGlite); the
 * migration falls back to real[] of the same length on a server without it.
 */
export const avenirProfileEmbeddings = pgTable(
  'avenir_profile_embeddings',
  {
    id: id(),
    chunkText: text('chunk_text').notNull(),
    embedding: vector('embedding', { dimensions: 1536 }),
    embeddingModel: text('embedding_model').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('avenir_profile_embeddings_created_idx').on(t.createdAt)],
);

/** The intent vocabulary with both names; public read, so analytics can label both ways. */
export const intentTranslations = pgTable(
  'intent_translations',
  {
    id: id(),
    /** Stable key the AI and the offline engine answer with, e.g. "quote_request". */
    intentKey: text('intent_key').$type<IntentKey>().notNull().unique('intent_translations_key_unique'),
    intentEn: text('intent_en').notNull().unique('intent_translations_en_unique'),
    intentFr: text('intent_fr').notNull().unique('intent_translations_fr_unique'),
    category: text('category', { enum: INTENT_CATEGORIES }).notNull(),
    /** Display order in lists and charts. */
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [oneOf('intent_translations_category_check', t.category, INTENT_CATEGORIES)],
);
