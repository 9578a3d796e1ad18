import { eq, sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMessages, prospectCandidates, prospectFormTests } from '../../../schema';
import type { FormTestsView } from '../../../schema/form-tests-api';
import { startWorker } from '../../../scripts/lib/worker';
import { replyAddress } from '../../../worker/platform/mail/reply-address';
import { type ErrorBody, type SignedInClient, signedInClient } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * Mail in, in the real runtime: Email Routing's delivery reaches email(), which accepts
 * only the addresses Avenir signed, handles a redelivery once, and completes the form test
 * the address was handed out for. The staff API shows the result; batches need approval.
 */

const INBOUND = {
  INBOUND_DOMAIN: 'in.avenir.example',
  INBOUND_TOKEN_SECRET: 'a-worker-test-secret-of-32-characters-min',
};
const config = { domain: INBOUND.INBOUND_DOMAIN, secret: INBOUND.INBOUND_TOKEN_SECRET };

let database: TestDatabase;
let worker: Miniflare;
let staff: SignedInClient;
let customer: SignedInClient;
let testId: string;
let address: string;

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy, ...INBOUND },
    { queueConsumers: false },
  );
  staff = await signedInClient(database, worker);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set is_internal = true where id = ${staff.client.id}`),
  );
  customer = await signedInClient(database, worker);
  const [prospect] = await database.access.service((tx) =>
    tx
      .insert(prospectCandidates)
      .values({
        businessName: 'Plomberie Gagnon',
        website: 'https://plomberie-gagnon.test',
        domain: 'plomberie-gagnon.test',
        industry: 'plumbing',
        language: 'fr',
        formUrl: 'https://plomberie-gagnon.test/nous-joindre',
        automationNeedScore: 88,
        analysisStatus: 'analyzed',
      })
      .returning(),
  );
  testId = crypto.randomUUID();
  address = await replyAddress(config, { purpose: 'form_test', id: testId });
  await database.access.service((tx) =>
    tx.insert(prospectFormTests).values({
      id: testId,
      prospectId: prospect!.id,
      formUrl: prospect!.formUrl,
      replyAddress: address,
      testSubmittedAt: sql`now() - interval '47 minutes'`,
      metadata: {
        inquiry: {
          language: 'fr',
          subject: 'Demande d’information',
          message: 'Bonjour,\n\nFaites-vous le remplacement de chauffe-eau à Laval?\n\nMerci\nMarie Tremblay',
          senderName: 'Marie Tremblay',
        },
        submission: { httpStatus: 200 },
      },
    }),
  );
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

function raw(
  to: string,
  body: string,
  headers: string[] = [],
  messageId = `<${crypto.randomUUID()}@plomberie-gagnon.test>`,
) {
  return [
    'From: Luc Gagnon <luc@plomberie-gagnon.test>',
    `To: ${to}`,
    'Subject: =?UTF-8?Q?Re=3A_Demande_d=E2=80=99information?=',
    `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    ...headers,
    '',
    body,
  ].join('\r\n');
}

const deliver = (to: string, message: string) =>
  worker.dispatchFetch(
    `http://localhost/cdn-cgi/handler/email?from=${encodeURIComponent('luc@plomberie-gagnon.test')}&to=${encodeURIComponent(to)}`,
    { method: 'POST', body: message },
  );

describe('mail to the addresses Avenir hands out', () => {
  it('rejects a forged or unknown recipient, so the sender is told', async () => {
    const forged = address.replace(
      /\.([0-9a-f]{20})@/,
      (_, mac: string) => `.${mac.slice(0, -1)}${mac.endsWith('a') ? 'b' : 'a'}@`,
    );
    for (const to of [forged, `info@${INBOUND.INBOUND_DOMAIN}`]) {
      const answer = await deliver(to, raw(to, 'Bonjour'));
      expect(answer.status, to).toBe(400);
      expect(await answer.text()).toContain('No such recipient here.');
    }
    const [{ n }] = (await database.access.service((tx) =>
      tx.select({ n: sql<number>`count(*)::int` }).from(inboundMessages),
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('completes the test with the answer, once, however often Email Routing delivers it', async () => {
    const message = raw(
      address,
      'Bonjour Marie,\r\n\r\nOui, nous rempla=C3=A7ons les chauffe-eau =C3=A0 Laval. Je peux passer jeudi.\r\n\r\nLuc',
      [],
      '<answer-1@plomberie-gagnon.test>',
    );
    for (let delivery = 0; delivery < 2; delivery++) {
      const answer = await deliver(address, message);
      expect(answer.status).toBe(200);
    }
    const stored = await database.access.service((tx) =>
      tx.select().from(inboundMessages).where(eq(inboundMessages.targetId, testId)),
    );
    expect(stored).toHaveLength(1);
    const [test] = await database.access.service((tx) =>
      tx.select().from(prospectFormTests).where(eq(prospectFormTests.id, testId)),
    );
    expect(test).toMatchObject({ testStatus: 'completed', responseTimeMinutes: 47 });
    expect(test!.autoresponderContent).toContain('remplaçons les chauffe-eau à Laval');
  });

  it('shows the answer to staff, and only to staff', async () => {
    const response = await staff.call('GET', '/api/app/staff/form-tests');
    expect(response.status).toBe(200);
    const view = (await response.json()) as FormTestsView;
    expect(view.configured).toBe(true);
    const test = view.tests.find((entry) => entry.id === testId)!;
    expect(test.status).toBe('completed');
    expect(test.autoresponder?.from).toBe('luc@plomberie-gagnon.test');
    expect((await customer.call('GET', '/api/app/staff/form-tests')).status).toBe(403);
  });

  it('asks a person to approve before a batch runs, and refuses what is not a batch', async () => {
    const proposed = await staff.call('POST', '/api/app/staff/form-tests/batches', { body: { limit: 5 } });
    // The only prospect was tested just now: nothing qualifies.
    expect(proposed.status).toBe(422);
    expect(((await proposed.json()) as ErrorBody).error.code).toBe('no_form_test_candidates');
    const french = await staff.call('POST', '/api/app/staff/form-tests/batches', {
      body: { limit: 0 },
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(french.status).toBe(422);
    expect(JSON.stringify(await french.json())).toContain('Proposez de 1 à 100 prospects.');
    const unknown = await staff.call('POST', `/api/app/staff/form-tests/batches/${crypto.randomUUID()}/approve`);
    expect(unknown.status).toBe(404);
  });
});
