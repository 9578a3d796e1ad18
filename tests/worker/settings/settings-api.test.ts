import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadMemory, type NewLead } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import { WIDGET_RESERVED_HEIGHT } from '../../../widget/snippet';
import { STYLES } from '../../../widget/styles';
import type { Settings } from '../../../worker/features/settings/settings';
import {
  dashboardCall,
  type ErrorBody,
  FOREIGN_ORIGIN,
  type SignedInClient,
  signedInClient,
  WORKER_ORIGIN,
  type WorkerResponse,
} from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { clearOfMinuteBoundary } from '../../support/wait';

/**
 * The dashboard's settings (/api/app/settings…) and the lead export in the real runtime,
 * signed in as a client, next to another client whose data must never move or leak.
 */

let database: TestDatabase;
let worker: Miniflare;
let owner: SignedInClient;
let other: SignedInClient;

const SITE = 'https://plomberie-tremblay.example';

/** What the settings endpoints answer: the service's own type, so the two cannot drift. */
type SettingsJson = Settings;

const json = async <T>(response: WorkerResponse) => (await response.json()) as T;
const errorOf = async (response: WorkerResponse) => (await json<ErrorBody>(response)).error;
const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

async function settingsOf(client: SignedInClient): Promise<SettingsJson> {
  const response = await client.call('GET', '/api/app/settings');
  expect(response.status).toBe(200);
  return json<SettingsJson>(response);
}

async function patch(client: SignedInClient, body: unknown, language = 'en') {
  return client.call('PATCH', '/api/app/settings', { body, headers: { 'Accept-Language': language } });
}

async function insertLead(clientId: string, fields: Partial<NewLead> = {}) {
  const [lead] = await database.access.service((tx) =>
    tx
      .insert(leadMemory)
      .values({
        clientId,
        name: 'Alex Martin',
        email: `lead-${randomUUID().slice(0, 8)}@example.ca`,
        message: 'Hello',
        language: 'en',
        ...fields,
      })
      .returning(),
  );
  return lead!;
}

/** A lead posted by the widget from SITE with `key`. */
function postLead(target: Miniflare, key: string) {
  return target.dispatchFetch('http://localhost/api/lead', {
    method: 'POST',
    headers: {
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: SITE,
      'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
    },
    body: JSON.stringify({
      key,
      name: 'Martin Gagnon',
      email: 'mgagnon@example.ca',
      message: 'Bonjour, une soumission pour la toiture?',
      consent: true,
      language: 'fr',
      elapsedMs: 14_000,
    }),
  });
}

/** The CSV export, parsed just enough: the raw text and its records split on CRLF. */
async function exportCsv(client: SignedInClient, query = '') {
  const response = await client.call('GET', `/api/app/leads/export.csv${query}`);
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return {
    response,
    bytes,
    text,
    lines: text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1),
  };
}

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    // The enrichment messages stay queued: these tests look at what the request stored.
    { queueConsumers: false },
  );
  owner = await signedInClient(database, worker);
  other = await signedInClient(database, worker);
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

describe('GET /api/app/settings', () => {
  it("answers the client's settings with the snippets that embed its key", async () => {
    const settings = await settingsOf(owner);
    expect(settings).toMatchObject({
      businessName: owner.client.businessName,
      language: 'en',
      emailTone: 'Professional',
      aiPersonalizedReply: true,
      bookingLink: null,
      allowedOrigins: [],
      requireConsent: false,
      widgetKey: owner.client.apiKey,
    });
    expect(settings.snippet).toContain(`data-key="${owner.client.apiKey}"`);
    expect(settings.snippet).toContain(`min-height:${WIDGET_RESERVED_HEIGHT}`);
    expect(settings.snippet).toContain('src="http://localhost/widget.js"');
    expect(settings.launcherSnippet).toContain('data-mode="launcher"');
    expect(settings.launcherSnippet).toContain(owner.client.apiKey);
  });

  it('is 401 without a session', async () => {
    const response = await dashboardCall(worker, 'GET', '/api/app/settings');
    expect(response.status).toBe(401);
  });
});

describe('PATCH /api/app/settings', () => {
  it('changes each field and answers the new settings; the other client is untouched', async () => {
    const before = await settingsOf(other);
    const changes: Partial<SettingsJson>[] = [
      { businessName: '  Plomberie Tremblay & Fils ' },
      { emailTone: 'Friendly' },
      { aiPersonalizedReply: false },
      { bookingLink: 'https://cal.example/tremblay' },
      { allowedOrigins: [`${SITE}/contact`, `${SITE}/`, 'http://localhost:8787/x'] },
      { requireConsent: true },
    ];
    for (const change of changes) {
      const response = await patch(owner, change);
      expect(response.status).toBe(200);
    }
    const after = await settingsOf(owner);
    expect(after).toMatchObject({
      businessName: 'Plomberie Tremblay & Fils',
      emailTone: 'Friendly',
      aiPersonalizedReply: false,
      bookingLink: 'https://cal.example/tremblay',
      allowedOrigins: [SITE, 'http://localhost:8787'],
      requireConsent: true,
    });
    const cleared = await json<SettingsJson>(await patch(owner, { bookingLink: null }));
    expect(cleared.bookingLink).toBeNull();
    expect(await settingsOf(other)).toEqual(before);
  });

  it('changes the language', async () => {
    const response = await patch(other, { language: 'fr' });
    expect(response.status).toBe(200);
    expect((await json<SettingsJson>(response)).language).toBe('fr');
  });

  it('refuses a bad origin, a bad tone and an empty name with 422, in English and French', async () => {
    // An origin's messages are under its index: `allowedOrigins.0` names the one to fix.
    const cases = [
      { body: { allowedOrigins: ['not a url'] }, field: 'allowedOrigins.0', fr: /origine autorisée/ },
      { body: { allowedOrigins: ['javascript:alert(1)'] }, field: 'allowedOrigins.0', fr: /origine autorisée/ },
      { body: { emailTone: 'Sarcastic' }, field: 'emailTone', fr: /ton/ },
      { body: { businessName: '   ' }, field: 'businessName', fr: /nom de l'entreprise/ },
      { body: { bookingLink: 'ftp://cal.example' }, field: 'bookingLink', fr: /lien de réservation/ },
      { body: { language: 'de' }, field: 'language', fr: /langue/ },
    ];
    for (const { body, field, fr } of cases) {
      const english = await patch(owner, body, 'en');
      expect(english.status).toBe(422);
      const error = await errorOf(english);
      expect(error.code).toBe('invalid_request');
      expect(Object.keys(error.details?.fields ?? {})).toContain(field);
      const french = await errorOf(await patch(owner, body, 'fr-CA'));
      expect(french.details?.fields?.[field]?.[0]).toMatch(fr);
      expect(french.message).not.toBe(error.message);
    }
    expect((await settingsOf(owner)).businessName).toBe('Plomberie Tremblay & Fils');
  });

  it('is 403 from a foreign origin and 401 without a session', async () => {
    const foreign = await owner.call('PATCH', '/api/app/settings', {
      body: { businessName: 'Pwned' },
      origin: FOREIGN_ORIGIN,
    });
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).code).toBe('csrf');
    const anonymous = await dashboardCall(worker, 'PATCH', '/api/app/settings', { body: { businessName: 'Pwned' } });
    expect(anonymous.status).toBe(401);
    expect((await settingsOf(owner)).businessName).not.toBe('Pwned');
  });
});

describe('POST /api/app/settings/widget-key', () => {
  it('replaces the key at once: the new one is accepted, the old one refused on a fresh Worker', async () => {
    await patch(owner, { allowedOrigins: [SITE], requireConsent: false });
    const oldKey = (await settingsOf(owner)).widgetKey;
    const response = await owner.call('POST', '/api/app/settings/widget-key');
    expect(response.status).toBe(200);
    const rotated = await json<SettingsJson & { previousKey: { en: string; fr: string } }>(response);
    expect(rotated.widgetKey).toMatch(/^pk_live_[0-9A-Za-z]{24}$/);
    expect(rotated.widgetKey).not.toBe(oldKey);
    expect(rotated.snippet).toContain(rotated.widgetKey);
    expect(rotated.previousKey.en).toContain('60 seconds');
    const [stored] = await rows<{ api_key: string }>(sql`select api_key from clients where id = ${owner.client.id}`);
    expect(stored?.api_key).toBe(rotated.widgetKey);

    expect((await postLead(worker, rotated.widgetKey)).status).toBe(201);
    const fresh = await startWorker(
      { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
      { queueConsumers: false },
    );
    try {
      expect((await postLead(fresh, oldKey)).status).toBe(401);
      expect((await postLead(fresh, rotated.widgetKey)).status).toBe(201);
    } finally {
      await fresh.dispose();
    }
  });

  it('is 403 from a foreign origin', async () => {
    const before = (await settingsOf(owner)).widgetKey;
    const response = await owner.call('POST', '/api/app/settings/widget-key', { origin: FOREIGN_ORIGIN });
    expect(response.status).toBe(403);
    expect((await settingsOf(owner)).widgetKey).toBe(before);
  });
});

describe('POST /api/app/settings/test-lead', () => {
  it('stores a test lead in the client language, hidden from the inbox without test=1', async () => {
    // `other` switched to French above.
    const response = await other.call('POST', '/api/app/settings/test-lead');
    expect(response.status).toBe(201);
    const { id } = await json<{ id: string }>(response);
    const [stored] = await rows<{ is_test: boolean; language: string; message: string; client_id: string }>(
      sql`select is_test, language, message, client_id from lead_memory where id = ${id}`,
    );
    expect(stored).toMatchObject({ is_test: true, language: 'fr', client_id: other.client.id });
    expect(stored?.message).toMatch(/^Bonjour/);
    const [created] = await rows<{ n: number }>(
      sql`select count(*)::int as n from lead_actions where lead_id = ${id} and action_type = 'created'`,
    );
    expect(created?.n).toBe(1);

    const inbox = async (query: string) =>
      (await json<{ leads: { id: string }[] }>(await other.call('GET', `/api/app/leads${query}`))).leads.map(
        (lead) => lead.id,
      );
    expect(await inbox('')).not.toContain(id);
    expect(await inbox('?test=1')).toContain(id);
  });

  it('is 403 from a foreign origin', async () => {
    const response = await other.call('POST', '/api/app/settings/test-lead', { origin: FOREIGN_ORIGIN });
    expect(response.status).toBe(403);
  });

  it('allows ten test leads and key rotations a minute per client, then 429 with Retry-After', async () => {
    const busy = await signedInClient(database, worker);
    await clearOfMinuteBoundary();
    const statuses: number[] = [];
    for (let n = 0; n < 6; n++) statuses.push((await busy.call('POST', '/api/app/settings/test-lead')).status);
    for (let n = 0; n < 4; n++) statuses.push((await busy.call('POST', '/api/app/settings/widget-key')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 200, 200, 200, 200]);
    const refused = await busy.call('POST', '/api/app/settings/test-lead', { headers: { 'Accept-Language': 'fr' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await json<ErrorBody>(refused)).error.message).toMatch(/^Trop de demandes/);
    const [leads] = await rows<{ n: number }>(
      sql`select count(*)::int as n from lead_memory where client_id = ${busy.client.id}`,
    );
    expect(leads?.n).toBe(6);
    // Another client is not held back by this one.
    expect((await other.call('POST', '/api/app/settings/test-lead')).status).toBe(201);
  });
});

describe('GET /api/app/leads/export.csv', () => {
  it('streams a CSV with a BOM, CRLF, a French header for a French client, defused formulas and accents', async () => {
    const french = await signedInClient(database, worker);
    await patch(french, { language: 'fr' });
    await insertLead(french.client.id, { name: '=HYPERLINK("x")', message: 'Réparation, toiture', language: 'fr' });
    await insertLead(french.client.id, { name: 'Hélène Bérubé', urgency: 'High' });
    await insertLead(other.client.id, { name: 'Never Exported' });

    const { response, bytes, text, lines } = await exportCsv(french);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="avenir-leads-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toMatch(/^ID,Créé \(UTC\),Nom,Courriel,/);
    expect(text).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(text).toContain('"Réparation, toiture"');
    expect(text).toContain('Hélène Bérubé');
    expect(text).not.toContain('Never Exported');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^[0-9a-f-]{36},\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);

    const high = await exportCsv(french, '?urgency=High');
    expect(high.lines).toHaveLength(2);
    expect(high.text).toContain('Hélène Bérubé');
    expect(high.text).not.toContain('HYPERLINK');
  });

  it('exports 2,500 leads completely, each once, never another client’s', async () => {
    const big = await signedInClient(database, worker);
    await database.access.service((tx) =>
      tx.execute(sql`
        insert into lead_memory (client_id, name, email, message, language, created_at)
        select ${big.client.id}, 'Lead ' || n, 'lead' || n || '@example.ca', 'Hello', 'en',
          -- Groups of 10 share a timestamp: the keyset must still split them exactly once.
          timestamptz '2026-01-01T00:00:00Z' + (n / 10) * interval '1 minute'
        from generate_series(1, 2500) as n`),
    );
    await insertLead(big.client.id, { name: 'Hidden Test', isTest: true });
    const expected = (
      await rows<{ id: string }>(sql`select id from lead_memory where client_id = ${big.client.id} and not is_test`)
    ).map((row) => row.id);
    expect(expected).toHaveLength(2_500);

    const { lines } = await exportCsv(big, '?sort=oldest');
    const ids = lines.slice(1).map((line) => line.slice(0, 36));
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(lines[0]).toMatch(/^ID,Created \(UTC\),Name,Email,/);

    const urgency = await exportCsv(big, '?sort=urgency&test=1');
    expect(new Set(urgency.lines.slice(1).map((line) => line.slice(0, 36))).size).toBe(2_501);
  });

  it('is 401 without a session and 422 on a bad filter', async () => {
    expect((await dashboardCall(worker, 'GET', '/api/app/leads/export.csv')).status).toBe(401);
    expect((await owner.call('GET', '/api/app/leads/export.csv?urgency=Extreme')).status).toBe(422);
  });
});

/** The CSP source of an inline style whose text is `text`, computed here, independently of the Worker. */
const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The stylesheet the built widget.js puts in its shadow root, read from the bundle the
 * Worker serves: the STYLES rules as the minifier left them, an array joined or one string.
 */
function injectedStyle(bundle: string): string {
  const joined = /\[(":host\{(?:[^"\\]|\\.)*"(?:,"(?:[^"\\]|\\.)*")*)\]\.join\(""\)/.exec(bundle);
  if (joined) return (JSON.parse(`[${joined[1]}]`) as string[]).join('');
  const single = /"(:host\{(?:[^"\\]|\\.)*)"/.exec(bundle);
  if (!single) throw new Error('widget.js holds no :host stylesheet');
  return JSON.parse(`"${single[1]}"`) as string;
}

describe('GET /app/widget-preview', () => {
  let client: SignedInClient;
  beforeAll(async () => {
    client = await signedInClient(database, worker);
  });
  const preview = (who: SignedInClient, query: string) => who.call('GET', `/app/widget-preview${query}`);

  it("answers a page with the client's form and a CSP that allows exactly the widget's style by hash", async () => {
    const key = client.client.apiKey;
    const response = await preview(client, `?key=${key}&lang=fr`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const page = await response.text();
    expect(page).toContain('<html lang="fr-CA">');
    expect(page).toContain('<div data-avenir-form></div>');
    expect(page).toContain(`<script src="/widget.js" data-key="${key}" data-lang="fr" async></script>`);

    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        return [name!, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe');

    // The page's own <style> and the one widget.js injects, each allowed by its hash, nothing else.
    const pageStyle = /<style>([^<]*)<\/style>/.exec(page)?.[1];
    expect(pageStyle).toBeDefined();
    const widget = await worker.dispatchFetch('http://localhost/widget.js');
    expect(widget.status).toBe(200);
    const widgetStyle = injectedStyle(await widget.text());
    expect(widgetStyle).toBe(STYLES);
    expect(new Set(directives.get('style-src'))).toEqual(
      new Set([sha256Source(widgetStyle), sha256Source(pageStyle!)]),
    );
  });

  it('shows the floating-button variant and defaults to the client language', async () => {
    const response = await preview(client, `?key=${client.client.apiKey}&mode=launcher`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<html lang="en-CA">');
    expect(page).toContain('data-mode="launcher"');
    expect(page).not.toContain('<div data-avenir-form');
  });

  it("is 404 for an unknown key, another client's key and a rotated one; 401 without a session", async () => {
    const unknown = await preview(client, '?key=pk_live_000000000000000000000000');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('widget_not_found');
    expect((await preview(client, '')).status).toBe(404);
    expect((await preview(client, `?key=${other.client.apiKey}`)).status).toBe(404);

    const oldKey = client.client.apiKey;
    const rotated = await json<SettingsJson>(await client.call('POST', '/api/app/settings/widget-key'));
    expect((await preview(client, `?key=${oldKey}`)).status).toBe(404);
    expect((await preview(client, `?key=${rotated.widgetKey}`)).status).toBe(200);

    const anonymous = await dashboardCall(worker, 'GET', `/app/widget-preview?key=${rotated.widgetKey}`);
    expect(anonymous.status).toBe(401);
  });

  it("lets the dashboard frame it: the dashboard's CSP allows same-origin frames, and is framed by no one", async () => {
    const response = await owner.call('GET', '/app/settings');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe("leads from the Worker's own origin (the preview)", () => {
  let client: SignedInClient;
  beforeAll(async () => {
    client = await signedInClient(database, worker);
    // Its real site only: the Worker's origin is not among its allowed origins.
    expect((await patch(client, { allowedOrigins: [SITE] })).status).toBe(200);
  });

  const lead = (key: string, origin: string | null, headers: Record<string, string> = {}) =>
    worker.dispatchFetch(`${WORKER_ORIGIN}/api/lead`, {
      method: 'POST',
      headers: {
        'Content-Type': 'text/plain;charset=UTF-8',
        'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
        ...(origin ? { Origin: origin } : {}),
        ...headers,
      },
      // No `test` flag: the server decides.
      body: JSON.stringify({
        key,
        name: 'Aperçu Test',
        email: 'apercu@example.ca',
        message: 'Un essai depuis l’aperçu du tableau de bord.',
        consent: true,
        language: 'fr',
        elapsedMs: 9_000,
      }),
    });
  const config = (key: string, headers: Record<string, string>) =>
    worker.dispatchFetch(`${WORKER_ORIGIN}/api/widget/config?key=${key}`, {
      headers: { 'CF-Connecting-IP': '198.51.100.77', ...headers },
    });

  it('accepts a lead with a valid key and stores it as a test lead, out of the inbox', async () => {
    const response = await lead(client.client.apiKey, WORKER_ORIGIN);
    expect(response.status).toBe(201);
    const { id } = await json<{ id: string }>(response);
    const [stored] = await rows<{ is_test: boolean; client_id: string; origin: string }>(
      sql`select is_test, client_id, metadata->>'origin' as origin from lead_memory where id = ${id}`,
    );
    expect(stored).toEqual({ is_test: true, client_id: client.client.id, origin: WORKER_ORIGIN });
    const inbox = async (query: string) =>
      (await json<{ leads: { id: string }[] }>(await client.call('GET', `/api/app/leads${query}`))).leads.map(
        (item) => item.id,
      );
    expect(await inbox('')).not.toContain(id);
    expect(await inbox('?test=1')).toContain(id);

    // The same lead from the client's real site is a real lead.
    const real = await lead(client.client.apiKey, SITE);
    expect(real.status).toBe(201);
    const [fromSite] = await rows<{ is_test: boolean }>(
      sql`select is_test from lead_memory where id = ${(await json<{ id: string }>(real)).id}`,
    );
    expect(fromSite?.is_test).toBe(false);
  });

  it('refuses the same origin with a bad key, and a foreign origin with a good one', async () => {
    const badKey = await lead('pk_live_000000000000000000000000', WORKER_ORIGIN);
    expect(badKey.status).toBe(401);
    expect((await errorOf(badKey)).code).toBe('invalid_key');
    const foreign = await lead(client.client.apiKey, FOREIGN_ORIGIN);
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).code).toBe('origin_not_allowed');
    // Another port of the same host is another origin.
    expect((await lead(client.client.apiKey, 'http://localhost:8788')).status).toBe(403);
    const [count] = await rows<{ n: number }>(
      sql`select count(*)::int as n from lead_memory where client_id = ${client.client.id} and name = 'Aperçu Test'`,
    );
    expect(count?.n).toBe(2);
  });

  it("serves the form's settings to the preview fresh and uncached; a request naming no origin is refused", async () => {
    // The key is in this isolate's cache from the leads above; the preview must not see that copy.
    expect((await patch(client, { businessName: 'Nom tout neuf', requireConsent: true })).status).toBe(200);
    // A same-origin GET carries no Origin in browsers, only Sec-Fetch-Site.
    const preview = await config(client.client.apiKey, { 'Sec-Fetch-Site': 'same-origin' });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('no-store');
    expect(await preview.json()).toMatchObject({ businessName: 'Nom tout neuf', requireConsent: true });

    const site = await config(client.client.apiKey, { Origin: SITE });
    expect(site.status).toBe(200);
    expect(site.headers.get('cache-control')).toBe('public, max-age=60'); // no longer than a key is trusted
    expect((await config(client.client.apiKey, {})).status).toBe(403);
    expect((await config(client.client.apiKey, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });
});
