import { sql } from 'drizzle-orm';
import { type DatabaseAccess, isLockTimeout, type Transaction } from '../../platform/db';

/**
 * What the sign-in throttle and the password-reset throttle share: deciding and recording a
 * request in one step under transaction-scoped advisory locks (released at commit; Neon's
 * pooler keeps no session state) on the email, then on the IP's network, always in that
 * order so two requests cannot deadlock. Each statement after the locks reads what the
 * previous holder committed (READ COMMITTED), so concurrent requests each see the ones let
 * through before them.
 */

/** The namespaces of one throttle's locks: the first key of two-key advisory locks. */
export interface LockNamespaces {
  email: string;
  ip: string;
}

/**
 * How long a request waits for the ones ahead of it on the same email or network. Each
 * waiting request holds a database connection; past this, a burst is answered "try again"
 * rather than queued until the pooler runs out of connections for every tenant.
 */
const LOCK_WAIT = '2s';
/** The Retry-After of a request that gave up waiting for those locks. */
export const BUSY_RETRY_SECONDS = 5;

/**
 * The network an address's requests are counted on: the address for IPv4, its /64 for
 * IPv6, since one subscriber holds a whole /64 and could otherwise pick a fresh address
 * for every request.
 */
export const throttledNetwork = (ip: string) =>
  sql`network(set_masklen(${ip}::inet, case when family(${ip}::inet) = 6 then 64 else 32 end))`;

/**
 * Takes the locks on `email` and on `ip`'s network (when the request has one) in `tx`,
 * waiting at most LOCK_WAIT. Two-key locks live in a key space apart from one-key locks,
 * and each throttle's namespaces keep its emails and IPs apart from every other lock.
 */
export async function lockEmailAndNetwork(
  tx: Transaction,
  namespaces: LockNamespaces,
  email: string,
  ip: string | null,
): Promise<void> {
  await tx.execute(sql`select set_config('lock_timeout', ${LOCK_WAIT}, true)`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${namespaces.email}), hashtext(${email}))`);
  if (ip) {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${namespaces.ip}), hashtext(host(${throttledNetwork(ip)})))`,
    );
  }
}

/** A refusal, for a request that waited too long for the locks. */
export type Busy = { allowed: false; retryAfterSeconds: number };

/** `work` in its own service transaction; a burst that waited too long for the locks is throttled, not queued. */
export async function underThrottleLocks<T>(
  db: DatabaseAccess,
  work: (tx: Transaction) => Promise<T>,
): Promise<T | Busy> {
  try {
    return await db.service(work);
  } catch (error) {
    if (isLockTimeout(error)) return { allowed: false, retryAfterSeconds: BUSY_RETRY_SECONDS };
    throw error;
  }
}
