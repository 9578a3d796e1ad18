import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { clients, leadMemory } from '../../schema';
import { createClient, hashPassword, parseNewClient } from '../../worker/features/accounts';
import type { DatabaseAccess } from '../../worker/platform/db';
import { newOneTimePassword } from '../../worker/platform/identifiers';
import { DEMO_LEADS } from './demo-leads';

export interface DemoCredentials {
  id: string;
  clientId: string;
  email: string;
  password: string;
  widgetKey: string;
}

const DEMO_EMAIL = 'demo@avenir.local';
const DEMO_STAFF_EMAIL = 'staff@avenir.local';

/** The origins `npm start` serves the demo page on: both loopback names. */
const demoOrigins = (workerPort: number) => [`http://localhost:${workerPort}`, `http://127.0.0.1:${workerPort}`];

/** Whether the demo client has no lead at all: a first start, or an inbox emptied by hand. */
export async function demoInboxIsEmpty(db: DatabaseAccess, clientId: string): Promise<boolean> {
  const rows = await db.service((tx) =>
    tx.select({ id: leadMemory.id }).from(leadMemory).where(eq(leadMemory.clientId, clientId)).limit(1),
  );
  return rows.length === 0;
}

/**
 * Sends the demo leads through the public form API of the running Worker, from the demo
 * page's origin, as visitors would; returns how many were accepted.
 */
export async function sendDemoLeads(workerOrigin: string, widgetKey: string, pageOrigin: string): Promise<number> {
  let accepted = 0;
  for (const [index, lead] of DEMO_LEADS.entries()) {
    const response = await fetch(`${workerOrigin}/api/lead`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: pageOrigin },
      body: JSON.stringify({
        key: widgetKey,
        ...lead,
        consent: true,
        idempotencyKey: `demo-lead-${index + 1}`,
        // A person's typing time: the form's bot check lets these through.
        elapsedMs: 45_000,
        page: `${pageOrigin}/demo`,
      }),
    });
    if (response.status === 201) accepted++;
  }
  return accepted;
}

/**
 * A local demo account, created on first run. Its password is random and only its hash is
 * in the database, so the plain one is kept beside the embedded data (never committed) to
 * be printed on every start; an account whose saved password was lost gets a new one.
 */
async function ensureDemoAccount(
  db: DatabaseAccess,
  file: string,
  email: string,
  fields: () => Record<string, unknown>,
): Promise<DemoCredentials> {
  const saved = await readSaved(file);
  const existing = await db.service((tx) => tx.query.clients.findFirst({ where: eq(clients.email, email) }));
  if (existing && saved?.id === existing.id) return { ...saved, widgetKey: existing.apiKey };

  let credentials: DemoCredentials;
  if (existing) {
    const password = newOneTimePassword();
    const passwordHash = await hashPassword(password);
    await db.service((tx) => tx.update(clients).set({ passwordHash }).where(eq(clients.id, existing.id)));
    credentials = { id: existing.id, clientId: existing.clientId, email, password, widgetKey: existing.apiKey };
  } else {
    const { client, oneTimePassword } = await createClient(
      db,
      parseNewClient({ email, passwordIsFinal: true, ...fields() }),
    );
    credentials = {
      id: client.id,
      clientId: client.clientId,
      email: client.email,
      password: oneTimePassword,
      widgetKey: client.apiKey,
    };
  }
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/** The demo client (a test client: its leads are all tests or samples), its origins kept current. */
export async function ensureDemoClient(
  db: DatabaseAccess,
  dataDir: string,
  workerPort: number,
): Promise<DemoCredentials> {
  const existing = await db.service((tx) => tx.query.clients.findFirst({ where: eq(clients.email, DEMO_EMAIL) }));
  if (existing) {
    // Whatever ports this start was given, the demo page and its widget may talk to it.
    const origins = [...new Set([...existing.allowedOrigins, ...demoOrigins(workerPort)])];
    if (origins.length !== existing.allowedOrigins.length) {
      await db.service((tx) => tx.update(clients).set({ allowedOrigins: origins }).where(eq(clients.id, existing.id)));
    }
  }
  return ensureDemoAccount(db, path.join(dataDir, 'demo-client.json'), DEMO_EMAIL, () => ({
    businessName: 'Rénovations Démo Laval',
    language: 'fr',
    emailTone: 'Friendly',
    bookingLink: 'https://booking.example.com/renovations-demo',
    industry: 'renovation',
    allowedOrigins: demoOrigins(workerPort),
    isTest: true,
  }));
}

/**
 * The operator's demo account (internal): the staff screens (clients, the learning loop,
 * prompts, system health) are only theirs, so `npm start` prints this login too.
 */
export const ensureDemoStaff = (db: DatabaseAccess, dataDir: string): Promise<DemoCredentials> =>
  ensureDemoAccount(db, path.join(dataDir, 'demo-staff.json'), DEMO_STAFF_EMAIL, () => ({
    businessName: 'Avenir (équipe)',
    language: 'fr',
    isInternal: true,
  }));

async function readSaved(file: string): Promise<DemoCredentials | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DemoCredentials;
  } catch {
    return undefined;
  }
}
