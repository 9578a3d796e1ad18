import { eq, sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachCampaigns, outreachEmails, outreachSuppressions, outreachTracking } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import { signTrackingToken } from '../../../worker/features/outreach/tokens';
import { dashboardCall, type ErrorBody, type SignedInClient, signedInClient } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The links of an outreach email in the real runtime: the pixel and the redirect answer
 * from the token alone, the redirect goes only where the email pointed, a link scanner's
 * GET of the unsubscribe link unsubscribes no one while the one-click POST does at once,
 * and the staff API refuses a broken template and anyone who is not staff.
 */

const SECRET = 'a-worker-test-secret-of-32-characters-min';
let database: TestDatabase;
let worker: Miniflare;
let staff: SignedInClient;
let customer: SignedInClient;
let emailId: string;

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    {
      DATABASE_URL: database.databaseUrl,
      DATABASE_WS_PROXY: database.wsProxy,
      INBOUND_DOMAIN: 'in.avenir.example',
      INBOUND_TOKEN_SECRET: SECRET,
    },
    { queueConsumers: false },
  );
  staff = await signedInClient(database, worker);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set is_internal = true where id = ${staff.client.id}`),
  );
  customer = await signedInClient(database, worker);
  const [campaign] = await database.access.service((tx) =>
    tx.insert(outreachCampaigns).values({ name: 'Test', clientId: staff.client.id, status: 'active' }).returning(),
  );
  const [email] = await database.access.service((tx) =>
    tx
      .insert(outreachEmails)
      .values({
        campaignId: campaign!.id,
        clientId: staff.client.id,
        prospectEmail: 'info@plomberie-gagnon.test',
        subject: 'Bonjour',
        content: 'Bonjour',
        status: 'sent',
        sentAt: new Date(Date.now() - 3_600_000),
        metadata: { language: 'fr' },
      })
      .returning(),
  );
  emailId = email!.id;
});

afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const fetchLink = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  worker.dispatchFetch(`http://127.0.0.1:8787${path}`, { redirect: 'manual', ...init });

describe('an outreach email’s links', () => {
  it('answers the pixel with an image whatever the token, and stores nothing on the way', async () => {
    const token = await signTrackingToken(SECRET, { kind: 'open', emailId });
    for (const path of [`/o/p/${token}`, '/o/p/forged']) {
      const response = await fetchLink(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/gif');
      expect(response.headers.get('cache-control')).toContain('no-store');
      expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 6))).toBe('GIF89a');
    }
    const events = await database.access.service((tx) => tx.select().from(outreachTracking));
    expect(events).toEqual([]);
  });

  it('redirects only to the address signed into the token', async () => {
    const url = 'https://avenir.example/fr/demo?source=courriel';
    const token = await signTrackingToken(SECRET, { kind: 'click', emailId, url });
    const response = await fetchLink(`/o/c/${token}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(url);
    const [code, id, , mac] = token.split('.');
    const metadata = btoa('http://169.254.169.254/latest/meta-data/').replaceAll('=', '');
    const forged = await fetchLink(`/o/c/${code}.${id}.${metadata}.${mac}`);
    expect(forged.status).toBe(404);
    expect(forged.headers.get('location')).toBeNull();
    expect(await forged.text()).toContain('Ce lien n’est pas valide');
  });

  it('shows a confirmation on GET, so a scanner following the link unsubscribes no one', async () => {
    const token = await signTrackingToken(SECRET, { kind: 'unsubscribe', emailId });
    const page = await fetchLink(`/u/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('info@plomberie-gagnon.test');
    expect(html).toContain('Me désabonner');
    expect(await database.access.service((tx) => tx.select().from(outreachSuppressions))).toEqual([]);
  });

  it('unsubscribes at once on the one-click POST, without a sign-in, and says so', async () => {
    const token = await signTrackingToken(SECRET, { kind: 'unsubscribe', emailId });
    const response = await fetchLink(`/u/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('vous ne recevrez plus nos courriels');
    const [row] = await database.access.service((tx) => tx.select().from(outreachSuppressions));
    expect(row).toMatchObject({ address: 'info@plomberie-gagnon.test', reason: 'unsubscribed', emailId });
    const [event] = await database.access.service((tx) =>
      tx.select().from(outreachTracking).where(eq(outreachTracking.action, 'unsubscribed')),
    );
    expect(event!.metadata).toMatchObject({ via: 'one_click' });
    const forged = await fetchLink(`/u/${token.slice(0, -1)}0`, { method: 'POST' });
    expect(forged.status).toBe(404);
  });
});

describe('the outreach staff API', () => {
  it('refuses a template with an unknown variable, in the reader’s language, pointing at it', async () => {
    const response = await staff.call('POST', '/api/app/staff/outreach/templates', {
      headers: { 'Accept-Language': 'fr-CA' },
      body: {
        name: 'Cassé',
        language: 'fr',
        subject: 'Bonjour {{prenom}}',
        plainContent: 'Bonjour {{company_name}}',
        htmlContent: '<p>Bonjour {{company_name}}</p>',
      },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorBody & { error: { details: { problems: { variable: string }[] } } };
    expect(body.error.code).toBe('invalid_template');
    expect(body.error.message).toMatch(/erreurs/);
    expect(body.error.details.problems).toEqual([expect.objectContaining({ part: 'subject', variable: 'prenom' })]);
  });

  it('counts a client’s revenue only on a reply, once, refusing what is not an amount, in the reader’s language', async () => {
    const path = `/api/app/staff/outreach/emails/${emailId}/conversion`;
    const french = { 'Accept-Language': 'fr-CA' };
    // Sent but never answered: nobody became a client through it.
    const unanswered = await staff.call('PUT', path, { headers: french, body: { amountUsd: 1200 } });
    expect(unanswered.status).toBe(409);
    expect(((await unanswered.json()) as ErrorBody).error.message).toMatch(/réponse/);
    await database.access.service((tx) =>
      tx.update(outreachEmails).set({ repliedAt: new Date() }).where(eq(outreachEmails.id, emailId)),
    );
    const negative = await staff.call('PUT', path, { headers: french, body: { amountUsd: -5 } });
    expect(negative.status).toBe(422);
    expect(((await negative.json()) as ErrorBody).error.message).toMatch(/champs|0 ou plus/);
    // Two staff entering it at once: one figure, not two.
    const both = await Promise.all([
      staff.call('PUT', path, { body: { amountUsd: 1200 } }),
      staff.call('PUT', path, { body: { amountUsd: 1200 } }),
    ]);
    expect(both.map((response) => response.status)).toEqual([200, 200]);
    const converted = await database.access.service((tx) =>
      tx
        .select()
        .from(outreachTracking)
        .where(sql`${outreachTracking.emailId} = ${emailId} and ${outreachTracking.action} = 'converted'`),
    );
    expect(converted).toHaveLength(1);
    expect((await customer.call('PUT', path, { body: { amountUsd: 1 } })).status).toBe(403);
    const unknown = await staff.call(
      'PUT',
      '/api/app/staff/outreach/emails/3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b/conversion',
      {
        body: { amountUsd: 1 },
      },
    );
    expect(unknown.status).toBe(404);
  });

  it('is for staff only', async () => {
    const response = await customer.call('GET', '/api/app/staff/outreach/campaigns');
    expect(response.status).toBe(403);
    const anonymous = await dashboardCall(worker, 'GET', '/api/app/staff/outreach/campaigns');
    expect(anonymous.status).toBe(401);
  });
});
