import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import { clientWithPassword, dashboardCall, TEST_PASSWORD } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/** `/demo`, the local demo site: it embeds the demo client's current key, whatever Settings did to it. */
let database: TestDatabase;
let worker: Miniflare;
let demo: Client;

beforeAll(async () => {
  database = await startTestDatabase();
  demo = await clientWithPassword(database, {
    businessName: 'Rénovations Démo',
    email: 'demo@avenir.test',
    isTest: true,
  });
  worker = await startWorker({
    DATABASE_URL: database.databaseUrl,
    DATABASE_WS_PROXY: database.wsProxy,
    DEMO_CLIENT_ID: demo.id,
  });
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const demoPage = async () => {
  const response = await worker.dispatchFetch('http://localhost/demo?lang=fr');
  expect(response.status).toBe(200);
  return response.text();
};

describe('/demo', () => {
  it('keeps working after the demo key is rotated from Settings, without a restart', async () => {
    expect(await demoPage()).toContain(`data-key="${demo.apiKey}"`);
    const signIn = await dashboardCall(worker, 'POST', '/api/app/session', {
      body: { email: demo.email, password: TEST_PASSWORD },
    });
    const token = /avenir_session=([^;]*)/.exec(signIn.headers.get('set-cookie') ?? '')![1]!;
    const rotated = await dashboardCall(worker, 'POST', '/api/app/settings/widget-key', { token });
    expect(rotated.status).toBe(200);
    const { widgetKey } = (await rotated.json()) as { widgetKey: string };
    expect(widgetKey).not.toBe(demo.apiKey);
    const page = await demoPage();
    expect(page).toContain(`data-key="${widgetKey}"`);
    expect(page).not.toContain(demo.apiKey);
  });

  it('marks the current language for assistive technology, as an attribute, not as text', async () => {
    const page = await demoPage();
    expect(page).toContain('<a href="?lang=fr" lang="fr" aria-current="page">Français</a>');
    expect(page).not.toContain('&quot;page&quot;');
  });

  it('is not served where no demo client is set', async () => {
    const plain = await startWorker({ DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy });
    try {
      expect((await plain.dispatchFetch('http://localhost/demo')).status).toBe(404);
    } finally {
      await plain.dispose();
    }
  });
});
