import { eq } from 'drizzle-orm';
import { type Client, clients } from '../../../schema';
import type { AccountView } from '../../../schema/app-api';
import type { DatabaseAccess } from '../../platform/db';
import type { ActiveSession } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { clientSettings } from './client-settings';

export type { AccountView };

/** One client's row, read as that tenant: row-level security decides what it may see. */
async function readAsTenant(db: DatabaseAccess, clientId: string): Promise<Client> {
  const [client] = await db.tenant(clientId, (tx) => tx.select().from(clients).where(eq(clients.id, clientId)));
  // The session outlived its account (a cascade in flight): treat it as signed out.
  if (!client) throw new AppError('unauthenticated');
  return client;
}

export async function accountView(db: DatabaseAccess, session: ActiveSession): Promise<AccountView> {
  const account = await readAsTenant(db, session.accountId);
  const acting = session.clientId !== session.accountId;
  const client = acting ? await readAsTenant(db, session.clientId) : account;
  return {
    account: {
      id: account.id,
      clientId: account.clientId,
      businessName: account.businessName,
      email: account.email,
      language: account.language,
      lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
    },
    client: clientSettings(client),
    isInternal: session.isInternal,
    mustChangePassword: session.mustChangePassword,
    actingAs: acting ? { id: client.id, clientId: client.clientId, businessName: client.businessName } : null,
  };
}
