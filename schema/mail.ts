import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, id, nonNegative, oneOf } from './columns';
import { leadMemory } from './leads';
import { INBOUND_PURPOSES } from './vocabulary';

export const SENT_EMAIL_KINDS = ['reply', 'notification', 'digest', 'connection_alert'] as const;
export type SentEmailKind = (typeof SENT_EMAIL_KINDS)[number];
export const SENT_EMAIL_STATUSES = ['sending', 'sent', 'failed'] as const;
export type SentEmailStatus = (typeof SENT_EMAIL_STATUSES)[number];
export const MAIL_PROVIDERS = ['gmail', 'outbox'] as const;

/** The kinds of email about one lead; the others (the Monday digest) are about the client. */
export const LEAD_EMAIL_KINDS = ['reply', 'notification'] as const satisfies readonly SentEmailKind[];

/**
 * Not in the database documentation; the pipeline needs it. Every email the product sends,
 * once per `send_key`: about a lead — the auto-reply to the lead, the notification to the
 * client (`reply-<lead>`, `notification-<lead>`) — or to the client — the Monday digest
 * (`digest-<client>-<week>`). The unique key is what keeps a redelivered queue message from
 * sending a second email. Tenant-readable, so the dashboard shows the reply that was sent.
 */
export const sentEmails = pgTable(
  'sent_emails',
  {
    id: id(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** The lead an email is about; null for the client's own (the digest). */
    leadId: uuid('lead_id'),
    kind: text('kind', { enum: SENT_EMAIL_KINDS }).notNull(),
    /** sending: claimed by a worker until lease_expires_at; failed: may be claimed again. */
    status: text('status', { enum: SENT_EMAIL_STATUSES }).notNull().default('sending'),
    /** What makes this email one: the idempotency key its Message-ID is made from. */
    sendKey: text('send_key').notNull().unique('sent_emails_send_key_unique'),
    provider: text('provider', { enum: MAIL_PROVIDERS }),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** The RFC 5322 Message-ID, stable across retries of the same email. */
    messageId: text('message_id').notNull(),
    providerMessageId: text('provider_message_id'),
    /** Gmail's thread, so later messages to the lead join the conversation. */
    threadId: text('thread_id'),
    /** Which engine wrote the words: openai or offline. */
    engine: text('engine'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(1),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: 'sent_emails_lead_fk',
      columns: [t.leadId, t.clientId],
      foreignColumns: [leadMemory.id, leadMemory.clientId],
    }).onDelete('cascade'),
    unique('sent_emails_lead_kind_unique').on(t.leadId, t.kind),
    index('sent_emails_client_created_idx').on(t.clientId, t.createdAt.desc()),
    oneOf('sent_emails_kind_check', t.kind, SENT_EMAIL_KINDS),
    check(
      'sent_emails_lead_check',
      sql`(${t.kind} in (${sql.raw(LEAD_EMAIL_KINDS.map((kind) => `'${kind}'`).join(', '))})) = (${t.leadId} is not null)`,
    ),
    oneOf('sent_emails_status_check', t.status, SENT_EMAIL_STATUSES),
    oneOf('sent_emails_provider_check', t.provider, MAIL_PROVIDERS),
    oneOf('sent_emails_engine_check', t.engine, ['openai', 'offline']),
    nonNegative('sent_emails_attempts_check', t.attempts),
    check('sent_emails_sent_check', sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
  ],
);

/**
 * Not in the database documentation: the mailbox of the dev mailer, used where no Gmail
 * account is configured (`npm start`, tests). It keeps the whole MIME message as it would
 * have been sent, shown at /dev/outbox. Service-only.
 */
export const devOutbox = pgTable(
  'dev_outbox',
  {
    id: id(),
    messageId: text('message_id').notNull().unique('dev_outbox_message_id_unique'),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    rawMime: text('raw_mime').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('dev_outbox_created_idx').on(t.createdAt.desc())],
);

export type SentEmail = typeof sentEmails.$inferSelect;
export type DevOutboxMessage = typeof devOutbox.$inferSelect;

/**
 * Not in the database documentation: every message the Worker's email() handler accepted,
 * once. Email Routing may deliver a message twice; `dedupe_key` (its Message-ID and
 * recipient) makes the second delivery a no-op. Only the facts are kept here, never the
 * body: the feature that handles the message stores what it needs, bounded.
 */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: id(),
    dedupeKey: text('dedupe_key').notNull().unique('inbound_messages_dedupe_key_unique'),
    recipient: text('recipient').notNull(),
    purpose: text('purpose', { enum: INBOUND_PURPOSES }).notNull(),
    /** The row the signed token names (a form test's id). */
    targetId: uuid('target_id').notNull(),
    messageId: text('message_id'),
    fromAddress: text('from_address'),
    subject: text('subject'),
    rawSize: integer('raw_size').notNull(),
    autoSubmitted: boolean('auto_submitted').notNull().default(false),
    isBounce: boolean('is_bounce').notNull().default(false),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** What the feature's handler made of it. */
    outcome: jsonb('outcome').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('inbound_messages_target_idx').on(t.purpose, t.targetId, t.receivedAt),
    oneOf('inbound_messages_purpose_check', t.purpose, INBOUND_PURPOSES),
    nonNegative('inbound_messages_raw_size_check', t.rawSize),
  ],
);
