import { eq, sql } from 'drizzle-orm';
import { type Client, clients, retiredWidgetKeys } from '../../../schema';
import type { SettingsView } from '../../../schema/app-api';
import type { EmailTone, Language } from '../../../schema/vocabulary';
import { embedSnippet } from '../../../widget/snippet';
import type { DatabaseAccess } from '../../platform/db';
import { newWidgetKey } from '../../platform/identifiers';
import type { QueueMessage } from '../../platform/jobs/message';
import { MAX_ALLOWED_ORIGINS } from '../accounts';
import { captureLead, type RequestContext, type WidgetClient } from '../intake';
import { sampleLead } from './test-lead';

/**
 * The dashboard's settings: what a client may change of its own account, its widget key
 * and the snippets that embed the form, and the test lead.
 */

/** The fields PATCH /api/app/settings may change: the tenant role's column grant (migration 0001). */
export interface SettingsPatch {
  businessName?: string;
  language?: Language;
  emailTone?: EmailTone;
  aiPersonalizedReply?: boolean;
  bookingLink?: string | null;
  allowedOrigins?: string[];
  requireConsent?: boolean;
  weeklyDigest?: boolean;
}

/** What the settings endpoints answer: the shared JSON type (schema/app-api.ts), so the dashboard reads the same shape. */
export type Settings = SettingsView;

/** `origin`: where the Worker serves widget.js (APP_URL, else the request's origin). */
const settingsOf = (client: Client, origin: string): Settings => ({
  businessName: client.businessName,
  language: client.language,
  emailTone: client.emailTone,
  aiPersonalizedReply: client.aiPersonalizedReply,
  bookingLink: client.bookingLink,
  allowedOrigins: client.allowedOrigins,
  requireConsent: client.requireConsent,
  weeklyDigest: client.weeklyDigest,
  widgetKey: client.apiKey,
  snippet: embedSnippet({ origin, widgetKey: client.apiKey }),
  launcherSnippet: embedSnippet({ origin, widgetKey: client.apiKey, launcher: true }),
});

async function clientRow(db: DatabaseAccess, clientId: string): Promise<Client> {
  const [client] = await db.tenant(clientId, (tx) => tx.select().from(clients).where(eq(clients.id, clientId)));
  // The session names a client that exists (sessions reference clients on delete cascade).
  if (!client) throw new Error(`client ${clientId} not found in its own tenant`);
  return client;
}

export async function readSettings(db: DatabaseAccess, clientId: string, origin: string): Promise<Settings> {
  return settingsOf(await clientRow(db, clientId), origin);
}

/** Writes the given fields in the tenant transaction: row-level security and the column grant decide. */
export async function updateSettings(
  db: DatabaseAccess,
  clientId: string,
  patch: SettingsPatch,
  origin: string,
): Promise<Settings> {
  if (Object.keys(patch).length === 0) return readSettings(db, clientId, origin);
  const [client] = await db.tenant(clientId, (tx) =>
    tx
      .update(clients)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(clients.id, clientId))
      .returning(),
  );
  if (!client) throw new Error(`client ${clientId} not updated in its own tenant`);
  return settingsOf(client, origin);
}

/**
 * Adds one site to the allowed origins, as "allow this site" does from connection health:
 * one statement, so two clicks (or two tabs) add it once. Null when the list is full.
 */
export async function allowOrigin(
  db: DatabaseAccess,
  clientId: string,
  site: string,
  origin: string,
): Promise<Settings | null> {
  const [client] = await db.tenant(clientId, (tx) =>
    tx
      .update(clients)
      .set({
        allowedOrigins: sql`case when ${site} = any(${clients.allowedOrigins}) then ${clients.allowedOrigins}
          else array_append(${clients.allowedOrigins}, ${site}::text) end`,
        updatedAt: sql`now()`,
      })
      .where(
        sql`${clients.id} = ${clientId} and (${site} = any(${clients.allowedOrigins})
          or cardinality(${clients.allowedOrigins}) < ${MAX_ALLOWED_ORIGINS})`,
      )
      .returning(),
  );
  return client ? settingsOf(client, origin) : null;
}

/**
 * Replaces the widget key at once. The tenant role may not write `api_key` (its grant is
 * the settings columns), so this one column is written by the service role, for the
 * session's client only. The old key keeps working in an isolate that has it cached, for
 * at most WIDGET_KEY_CACHE_SECONDS (intake/widget-keys.ts), then answers 401 everywhere;
 * those refusals are logged under this client (retired_widget_keys).
 */
export async function rotateWidgetKey(db: DatabaseAccess, clientId: string, origin: string): Promise<Settings> {
  const [client] = await db.service(async (tx) => {
    const [current] = await tx
      .select({ isTest: clients.isTest, apiKey: clients.apiKey })
      .from(clients)
      .where(eq(clients.id, clientId));
    if (!current) return [];
    // Remembered, so a page still signing with it is logged under this client (connection health).
    await tx.insert(retiredWidgetKeys).values({ apiKey: current.apiKey, clientId }).onConflictDoNothing();
    // 143 random bits: a collision with another client's key is not worth a retry loop.
    return tx
      .update(clients)
      .set({ apiKey: newWidgetKey(current.isTest), updatedAt: sql`now()` })
      .where(eq(clients.id, clientId))
      .returning();
  });
  if (!client) throw new Error(`client ${clientId} not found for key rotation`);
  return settingsOf(client, origin);
}

/**
 * Stores a sample lead through the widget's own path (captureLead: the same procedure,
 * `created` action, integration log and enrichment message), marked is_test so the inbox
 * shows it only with test=1.
 */
export async function sendTestLead(
  db: DatabaseAccess,
  jobs: Queue<QueueMessage>,
  clientId: string,
  request: Omit<RequestContext, 'key'>,
): Promise<{ id: string }> {
  const client = await clientRow(db, clientId);
  const { language } = client;
  const sample = sampleLead(language, client.email);
  const widgetClient: WidgetClient = {
    id: client.id,
    businessName: client.businessName,
    language,
    bookingLink: client.bookingLink,
    allowedOrigins: client.allowedOrigins,
    requireConsent: client.requireConsent,
    isTest: client.isTest,
  };
  const captured = await captureLead(
    db,
    jobs,
    widgetClient,
    {
      ...sample,
      consent: true,
      idempotencyKey: undefined,
      elapsedMs: undefined,
      honeypot: undefined,
      page: undefined,
      referrer: undefined,
      test: true,
    },
    { ...request, key: client.apiKey },
  );
  return { id: captured.id };
}
