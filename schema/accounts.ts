import { boolean, index, inet, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, id, nowPlus, oneOf } from './columns';

/** How long a dashboard session lives without a new sign-in. */
export const SESSION_LIFETIME = '30 days';

/**
 * Not in the database documentation; the dashboard needs it. One signed-in browser of a
 * client account. Only the SHA-256 of the cookie's token is kept, so a leaked table cannot
 * be replayed as cookies; `revoked_at` makes sign-out and password changes end a session
 * on the server, not only in the browser. Tenant-readable (a client may list its own
 * sessions), written only by the service role, since signing in happens before any tenant
 * is known.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    /** The account that signed in. */
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of the session token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique('sessions_token_hash_unique'),
    /** An internal account viewing another client's dashboard; NULL when viewing its own. */
    actingClientId: uuid('acting_client_id').references(() => clients.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().default(nowPlus(SESSION_LIFETIME)),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: inet('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    // An account's sessions, newest first (listing them, revoking all but one).
    index('sessions_client_created_idx').on(t.clientId, t.createdAt.desc()),
    // Backs the foreign key: deleting a client otherwise scans every session.
    index('sessions_acting_client_idx').on(t.actingClientId),
  ],
);

export type Session = typeof sessions.$inferSelect;

/**
 * Not in the database documentation; sign-in throttling needs it. Every sign-in attempt,
 * so failures can be counted per account and per IP over a sliding window across Worker
 * isolates (an in-memory counter would reset with each isolate). Service-only: it holds
 * emails of accounts that may not exist.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: id(),
    /** Lower-cased as typed, whether or not an account has it. */
    email: text('email'),
    ip: inet('ip'),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.attemptedAt.desc()),
    index('sign_in_attempts_ip_idx').on(t.ip, t.attemptedAt.desc()),
  ],
);

export const STAFF_AUDIT_ACTIONS = ['switch_to', 'switch_back', 'create_client'] as const;
export type StaffAuditAction = (typeof STAFF_AUDIT_ACTIONS)[number];

/**
 * Not in the database documentation; internal accounts need it. What Avenir staff did with
 * other clients' accounts: each switch into (and out of) a client's dashboard and each
 * client created from the dashboard, so access to a client's data can be accounted for.
 * Keyed by `actor_client_id`, not `client_id`: the rows belong to no tenant, so the table
 * is service-only by design.
 */
export const staffAudit = pgTable(
  'staff_audit',
  {
    id: id(),
    actorClientId: uuid('actor_client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** Kept when the target client is deleted, as a trace that something was done. */
    targetClientId: uuid('target_client_id').references(() => clients.id, { onDelete: 'set null' }),
    action: text('action', { enum: STAFF_AUDIT_ACTIONS }).notNull(),
    ip: inet('ip'),
    createdAt: createdAt(),
  },
  (t) => [
    index('staff_audit_actor_created_idx').on(t.actorClientId, t.createdAt.desc()),
    // Backs the foreign key (set null on delete) and answers "who looked at this client".
    index('staff_audit_target_idx').on(t.targetClientId),
    oneOf('staff_audit_action_check', t.action, STAFF_AUDIT_ACTIONS),
  ],
);

export type StaffAuditEntry = typeof staffAudit.$inferSelect;
