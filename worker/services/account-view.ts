import { eq } from 'drizzle-orm';
import { type Client, clients } from '../../schema';
import type { DatabaseAccess } from '../db';
import { type ClientSettings, clientSettings } from '../domain/client-settings';
import { AppError } from '../errors';
import type { ActiveSession } from './sessions';

/** What `GET /api/app/me` shows: who is signed in, and whose dashboard they are looking at. */
export interface AccountView {
  account: {
    id: string;
    clientId: string;
    businessName: string;
    email: string;
    language: string;
    lastLoginAt: string | null;
  };
  /** The settings of the client whose dashboard is shown. */
  client: ClientSettings;
  isInternal: boolean;
  mustChangePassword: boolean;
  /** The client an internal account switched to; null on its own dashboard. */
  actingAs: { id: string; clientId: string; businessName: string } | null;
}

/** One client's row, read as that tenant: row-level security decides what it may see. */
async function readAsTenant(db: DatabaseAccess, clientId: string): Promise<Client> {
  const [client] = await db.tenant(clientId, (tx) => tx.select().from(clients).where(eq(clients.id, clientId)));
  // The session outlived its account (a cascade in flight): treat it as signed out.
  if (!client) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
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
