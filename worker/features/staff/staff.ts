import { desc, eq, ilike, or } from 'drizzle-orm';
import { clients, type StaffAuditAction, sessions, staffAudit } from '../../../schema';
import type { ClientList, ClientListItem } from '../../../schema/app-api';
import { type DatabaseAccess, escapeLike, type Transaction } from '../../platform/db';
import type { ActiveSession } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { type CreatedClient, createClient, type NewClientFields } from '../accounts';

/**
 * What internal (Avenir staff) accounts do across clients: view a client's dashboard as
 * that client, and create clients. Each action leaves a `staff_audit` row in the same
 * transaction as the change it records, except client creation, which reuses createClient's
 * own transaction.
 */

export interface ClientSummary {
  id: string;
  clientId: string;
  businessName: string;
}

/** Internal accounts only; the routes check first, this keeps a mistaken caller honest. */
function assertInternal(actor: ActiveSession): void {
  if (!actor.isInternal) throw new AppError('forbidden');
}

const audit = (
  tx: Transaction,
  actor: ActiveSession,
  action: StaffAuditAction,
  targetClientId: string | null,
  ip: string | null,
) => tx.insert(staffAudit).values({ actorClientId: actor.accountId, targetClientId, action, ip });

/** Shows `targetId`'s dashboard in the actor's session from the next request on. */
export async function switchClient(
  db: DatabaseAccess,
  actor: ActiveSession,
  targetId: string,
  ip: string | null,
): Promise<ClientSummary> {
  assertInternal(actor);
  return db.service(async (tx) => {
    const [target] = await tx
      .select({ id: clients.id, clientId: clients.clientId, businessName: clients.businessName })
      .from(clients)
      .where(eq(clients.id, targetId));
    if (!target) throw new AppError('client_not_found');
    // Switching to one's own account is switching back: the session stores no self-reference.
    const acting = target.id === actor.accountId ? null : target.id;
    await tx.update(sessions).set({ actingClientId: acting }).where(eq(sessions.id, actor.id));
    await audit(tx, actor, acting ? 'switch_to' : 'switch_back', target.id, ip);
    return target;
  });
}

/** Returns the actor's session to its own dashboard; nothing to record when it already is. */
export async function switchBack(db: DatabaseAccess, actor: ActiveSession, ip: string | null): Promise<void> {
  assertInternal(actor);
  if (actor.clientId === actor.accountId) return;
  await db.service(async (tx) => {
    await tx.update(sessions).set({ actingClientId: null }).where(eq(sessions.id, actor.id));
    await audit(tx, actor, 'switch_back', actor.clientId, ip);
  });
}

/**
 * Creates a client as `client:create` does. Its one-time password must always be changed
 * at first sign-in: whoever reads it off the staff member's screen is not its owner.
 */
export async function createClientAsStaff(
  db: DatabaseAccess,
  actor: ActiveSession,
  fields: NewClientFields,
  ip: string | null,
): Promise<CreatedClient> {
  assertInternal(actor);
  const created = await createClient(db, { ...fields, passwordIsFinal: false });
  await db.service((tx) => audit(tx, actor, 'create_client', created.client.id, ip));
  return created;
}

/** At most this many clients per answer: a staff screen, not an export. */
export const CLIENT_LIST_LIMIT = 100;

/**
 * The clients, newest first, for the staff screen; `q` keeps those whose business name or
 * email contains it (case-insensitive, `%` and `_` taken literally). Read as the service
 * role: a tenant's row-level security shows it only itself.
 */
export async function listClients(
  db: DatabaseAccess,
  actor: ActiveSession,
  options: { q?: string | undefined } = {},
): Promise<ClientList> {
  assertInternal(actor);
  const q = options.q?.trim();
  const pattern = q ? `%${escapeLike(q)}%` : undefined;
  const rows = await db.service((tx) =>
    tx
      .select({
        id: clients.id,
        clientId: clients.clientId,
        businessName: clients.businessName,
        email: clients.email,
        language: clients.language,
        isTest: clients.isTest,
        isInternal: clients.isInternal,
        createdAt: clients.createdAt,
        lastLoginAt: clients.lastLoginAt,
      })
      .from(clients)
      .where(pattern ? or(ilike(clients.businessName, pattern), ilike(clients.email, pattern)) : undefined)
      // id breaks ties between clients created in the same transaction (seeds, tests).
      .orderBy(desc(clients.createdAt), desc(clients.id))
      // One more than shown says whether the list was cut, without a count query.
      .limit(CLIENT_LIST_LIMIT + 1),
  );
  return {
    clients: rows.slice(0, CLIENT_LIST_LIMIT).map(
      (row): ClientListItem => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
        lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      }),
    ),
    limit: CLIENT_LIST_LIMIT,
    truncated: rows.length > CLIENT_LIST_LIMIT,
  };
}
