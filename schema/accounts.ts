import { sql } from 'drizzle-orm';
import { boolean, check, index, inet, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

/** How long a password-reset link works after it was asked for. */
export const PASSWORD_RESET_LIFETIME = '30 minutes';

/**
 * Not in the database documentation; the "forgot password" flow needs it. Every request for
 * a reset link, whether or not an account has the email: the requests are what the reset
 * throttle counts, per email and per IP, and counting unknown emails too keeps the throttle
 * from telling who has an account. When an account has the email, the row also holds the
 * SHA-256 of the link's token (the token itself is only in the mail), valid for 30 minutes
 * and once: `used_at` is set by the reset, and asking again moves the expiry of the
 * account's earlier unused links to that moment, so only the newest one works.
 * Service-only: it holds emails of accounts that may not exist, and a request comes before
 * any tenant is known. Keyed by `account_id`, not `client_id`, for that reason (a
 * `client_id` column marks a tenant-owned table).
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    /** The account whose password the link resets; NULL when no account has the email. */
    accountId: uuid('account_id').references(() => clients.id, { onDelete: 'cascade' }),
    /** Lower-cased as typed, whether or not an account has it. */
    email: text('email').notNull(),
    /** Hex SHA-256 of the link's token; NULL when no account has the email (no link was sent). */
    tokenHash: text('token_hash').unique('password_resets_token_hash_unique'),
    requestedIp: inet('requested_ip'),
    createdAt: createdAt(),
    /** When the link stops working: 30 minutes after the request, or when a newer link was asked for. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().default(nowPlus(PASSWORD_RESET_LIFETIME)),
    /** When the link set a new password; it works once. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    // The reset throttle: an email's requests, and a network's, newest first.
    index('password_resets_email_idx').on(t.email, t.createdAt.desc()),
    index('password_resets_ip_idx').on(t.requestedIp, t.createdAt.desc()),
    // Backs the foreign key, and finds an account's live links to retire them.
    index('password_resets_account_idx').on(t.accountId),
    // A link exists exactly when an account does.
    check('password_resets_token_check', sql`(${t.accountId} is null) = (${t.tokenHash} is null)`),
  ],
);

export type PasswordReset = typeof passwordResets.$inferSelect;

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
