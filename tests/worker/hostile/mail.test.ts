import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import { createClient, parseNewClient } from '../../../worker/features/accounts/clients';
import { enrichLeadMessageFor } from '../../../worker/features/enrichment';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The lead's mail, in workerd through the queue and the dev outbox, for values stored before
 * the intake and settings checked them (rows written here directly, as they were then): an
 * address no header can carry fails the reply for good at once, recorded with its reason,
 * the message acknowledged (no retries into the dead-letter queue), and the client is still
 * told of the lead; a line break in a name costs no mail; an internationalised domain goes
 * out in punycode.
 */

let database: TestDatabase;
let worker: Miniflare;
let client: Client;

beforeAll(async () => {
  database = await startTestDatabase();
  client = (
    await createClient(
      database.access,
      parseNewClient({ businessName: 'Rénovations Côté', email: 'proprio@renovations-cote.example', language: 'fr' }),
    )
  ).client;
  // Nothing consumes on its own: each test delivers its message and reads what became of it.
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy, DEV_OUTBOX: 'on' },
    { queueConsumers: false },
  );
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

async function storedLead(fields: { name: string; email: string }, owner = client) {
  const [lead] = await rows<{ id: string }>(sql`insert into lead_memory (client_id, name, email, message, language)
    values (${owner.id}, ${fields.name}, ${fields.email},
      'Bonjour, combien pour refaire une salle de bain à Longueuil? Idéalement en janvier.', 'fr') returning id`);
  return lead!.id;
}

/** Delivers the lead's enrich_lead message once, as the queue does, and says what the consumer did with it. */
async function deliver(leadId: string, owner = client) {
  const id = randomUUID();
  const result = await (await worker.getWorker()).queue('avenir-jobs', [
    { id, timestamp: new Date(), attempts: 1, body: enrichLeadMessageFor({ leadId, clientId: owner.id }) },
  ]);
  return { acked: result.explicitAcks.includes(id), retried: result.retryMessages.some((m) => m.msgId === id) };
}

const emails = (leadId: string) =>
  rows<{ kind: string; status: string; error: string | null }>(
    sql`select kind, status, error from sent_emails where lead_id = ${leadId} order by kind`,
  );
const job = async (leadId: string) =>
  (
    await rows<{ status: string; error: string | null; result: Record<string, unknown> | null }>(
      sql`select status, error, result from queue_jobs where dedupe_key = ${`enrich_lead:${leadId}`}`,
    )
  )[0];
const outbox = (subjectOrLeadId: string) =>
  rows<{ to_address: string; reply_to: string | null; raw_mime: string }>(
    sql`select to_address, reply_to, raw_mime from dev_outbox where text_body like ${`%${subjectOrLeadId}%`}
      or to_address like ${`%${subjectOrLeadId}%`}`,
  );
const header = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(raw.split('\r\n\r\n')[0] ?? '')?.[1] ?? null;

describe('an address no header can carry', () => {
  it.each(['martin,victim@example.com', 'Martin <martin@example.ca>', 'émilie@exemple-québec.ca'])(
    'fails the reply at once with its reason, tells the client anyway, and is never retried (%s)',
    async (email) => {
      const leadId = await storedLead({ name: 'Martin Gagnon', email });
      expect(await deliver(leadId)).toEqual({ acked: true, retried: false });

      expect(await emails(leadId)).toEqual([
        { kind: 'notification', status: 'sent', error: null },
        { kind: 'reply', status: 'failed', error: 'To address cannot be written in a mail header' },
      ]);
      const recorded = await job(leadId);
      expect(recorded).toMatchObject({
        status: 'failed',
        error: 'PermanentJobFailure: reply: To address cannot be written in a mail header',
        result: { reply: 'failed', notification: 'sent' },
      });
      // The client reads the address in the notification; no Reply-To could carry it.
      const [notification] = await outbox(leadId);
      expect(notification!.to_address).toContain('proprio@renovations-cote.example');
      expect(notification!.reply_to).toBeNull();
      expect(header(notification!.raw_mime, 'Reply-To')).toBeNull();

      // A second delivery (the queue's at-least-once) sends nothing more and still acks.
      expect(await deliver(leadId)).toEqual({ acked: true, retried: false });
      expect((await outbox(leadId)).length).toBe(1);
    },
  );
});

describe('a line break in a stored name', () => {
  it('costs no mail: the name goes out on one line, in the lead’s reply and the client’s notice', async () => {
    const broken = (
      await createClient(
        database.access,
        parseNewClient({ businessName: 'Plomberie Tremblay', email: 'proprio@plomberie.example', language: 'fr' }),
      )
    ).client;
    await rows(sql`update clients set business_name = ${'Plomberie\r\nTremblay'} where id = ${broken.id}`);
    const leadId = await storedLead({ name: 'Julie\nTremblay', email: 'julie@example.ca' }, broken);
    expect(await deliver(leadId, broken)).toEqual({ acked: true, retried: false });
    expect((await emails(leadId)).map((e) => e.status)).toEqual(['sent', 'sent']);
    expect((await job(leadId))?.status).toBe('completed');
    const [reply] = await outbox('julie@example.ca');
    expect(header(reply!.raw_mime, 'From')).toBe('"Plomberie Tremblay" <replies@avenir.local>');
    expect(header(reply!.raw_mime, 'To')).toBe('"Julie Tremblay" <julie@example.ca>');
  });
});

describe('an internationalised domain', () => {
  it('goes out in punycode in To and Reply-To, every header ASCII', async () => {
    const leadId = await storedLead({ name: 'Emilie Roy', email: 'emilie@exemple-québec.ca' });
    expect(await deliver(leadId)).toEqual({ acked: true, retried: false });
    expect((await emails(leadId)).map((e) => e.status)).toEqual(['sent', 'sent']);
    const [reply] = await outbox('emilie@exemple-québec.ca');
    expect(header(reply!.raw_mime, 'To')).toBe('"Emilie Roy" <emilie@xn--exemple-qubec-khb.ca>');
    const [notification] = await outbox(leadId);
    expect(header(notification!.raw_mime, 'Reply-To')).toBe('"Emilie Roy" <emilie@xn--exemple-qubec-khb.ca>');
    for (const message of [reply!, notification!]) {
      expect(message.raw_mime.split('\r\n\r\n')[0]).toMatch(/^[\x20-\x7e\r\n]*$/);
    }
  });
});
