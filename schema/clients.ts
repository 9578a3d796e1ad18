import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, updatedAt } from './columns';
import { EMAIL_TONES, LANGUAGES } from './vocabulary';

/**
 * A business using Avenir. `id` is the internal key every tenant-owned row points at;
 * `client_id` is the public identifier shown to people (support, URLs), never used for joins.
 */
export const clients = pgTable(
  'clients',
  {
    id: id(),
    clientId: text('client_id').notNull().unique('clients_client_id_unique'),
    /** Publishable widget key: it sits in page source, so it is bound to origins, not secret. */
    apiKey: text('api_key').notNull().unique('clients_api_key_unique'),
    businessName: text('business_name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Set for one-time passwords: the dashboard makes the client choose a new one. */
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    language: text('language', { enum: LANGUAGES }).notNull().default('en'),
    emailTone: text('email_tone', { enum: EMAIL_TONES }).notNull().default('Professional'),
    aiPersonalizedReply: boolean('ai_personalized_reply').notNull().default(true),
    bookingLink: text('booking_link'),
    industry: text('industry'),
    /** Origins allowed to post leads with this client's widget key, e.g. https://example.ca. */
    allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
    /** Whether the widget requires the CASL consent box to be ticked. */
    requireConsent: boolean('require_consent').notNull().default(false),
    /** The Monday digest of the week's insights (features/insights), on unless the client turns it off. */
    weeklyDigest: boolean('weekly_digest').notNull().default(true),
    /** The secret of the digest's "turn off" link: 122 random bits, so the link needs no sign-in. */
    digestToken: text('digest_token')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`)
      .unique('clients_digest_token_unique'),
    lastConnection: timestamp('last_connection', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    isTest: boolean('is_test').notNull().default(false),
    isInternal: boolean('is_internal').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('clients_email_unique').on(sql`lower(${t.email})`),
    index('clients_created_at_idx').on(t.createdAt),
    // CORS preflights ask whether any client allows an origin.
    index('clients_allowed_origins_idx').using('gin', t.allowedOrigins),
    oneOf('clients_language_check', t.language, LANGUAGES),
    oneOf('clients_email_tone_check', t.emailTone, EMAIL_TONES),
    check('clients_business_name_check', sql`length(btrim(${t.businessName})) between 1 and 200`),
    check('clients_email_check', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('clients_booking_link_check', sql`${t.bookingLink} ~ '^https?://'`),
  ],
);

export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;
