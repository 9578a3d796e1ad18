import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { leadMemory } from '../../../schema';
import { launchChromium } from '../../../scripts/lib/browser';
import { startWorker } from '../../../scripts/lib/worker';
import { clientWithPassword, TEST_PASSWORD } from '../../support/dashboard';
import { navigateTo, openMenu, toastOf, toastText } from '../../support/dashboard-browser';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The dashboard SPA as a client uses it, in headless Chromium against the built Worker
 * and its static assets: sign in, the inbox, one lead, its actions and notes, sign out.
 */
const PASSWORD = TEST_PASSWORD;
let database: TestDatabase;
let worker: Miniflare;
let origin: string;
let browser: Browser;
let client: Client;
const leadIds: Record<'flood' | 'quote', string> = { flood: '', quote: '' };

beforeAll(async () => {
  database = await startTestDatabase();
  client = await clientWithPassword(database, {
    businessName: 'Plomberie Tremblay',
    email: `owner-${randomUUID().slice(0, 8)}@plomberie.example`,
    language: 'fr',
  });
  await database.access.service(async (tx) => {
    const rows = await tx
      .insert(leadMemory)
      .values([
        {
          clientId: client.id,
          name: 'Sarah Mitchell',
          email: 'sarah@example.ca',
          message: 'Water is pouring from the ceiling. Can someone come today?',
          language: 'en',
          urgency: 'High',
          aiSummary: 'Active leak from the ceiling; wants someone today.',
          aiSummaryEn: 'Active leak from the ceiling; wants someone today.',
          createdAt: sql`now() - interval '1 hour'`,
        },
        {
          clientId: client.id,
          name: 'Martin Gagnon',
          email: 'mgagnon@example.ca',
          message: 'Une soumission pour un chauffe-eau, svp.',
          language: 'fr',
          urgency: 'Low',
          aiSummary: 'Demande de soumission pour un chauffe-eau.',
          aiSummaryFr: 'Demande de soumission pour un chauffe-eau.',
        },
      ])
      .returning();
    leadIds.flood = rows[0]!.id;
    leadIds.quote = rows[1]!.id;
  });
  worker = await startWorker({ DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy });
  origin = (await worker.ready).origin;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
  await database?.close();
});

it('serves the SPA under /app with its security headers, and leaves the Worker routes alone', async () => {
  for (const path of ['/app/', `/app/leads/${leadIds.flood}`]) {
    const response = await fetch(`${origin}${path}`);
    expect(response.status, path).toBe(200);
    expect(await response.text(), path).toContain('<div id="app">');
    expect(response.headers.get('content-security-policy'), path).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    expect(response.headers.get('cache-control'), path).toBe('no-cache');
  }
  const html = await (await fetch(`${origin}/app/`)).text();
  const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  const asset = await fetch(`${origin}${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const health = await fetch(`${origin}/healthz`, { headers: { 'Sec-Fetch-Mode': 'navigate' } });
  expect(await health.text()).not.toContain('<div id="app">');
  expect((await fetch(`${origin}/widget.js`)).headers.get('content-type')).toContain('javascript');
});

it('serves the favicon every page asks for', async () => {
  const ico = await fetch(`${origin}/favicon.ico`);
  expect(ico.status).toBe(200);
  const bytes = new Uint8Array(await ico.arrayBuffer());
  // An ICO file: reserved 0, type 1 (icon), one image of 32×32.
  expect([...bytes.slice(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 32, 32]);
  const svg = await fetch(`${origin}/favicon.svg`);
  expect(svg.headers.get('content-type')).toContain('image/svg+xml');
  expect(await (await fetch(`${origin}/app/`)).text()).toContain('<link rel="icon" href="/favicon.svg"');
});

it('teaches an empty inbox how leads arrive, and shows the test lead it sends', async () => {
  const newcomer = await clientWithPassword(database, {
    businessName: 'Paysagiste Nouveau',
    email: `new-${randomUUID().slice(0, 8)}@paysage.example`,
    language: 'en',
  });
  const context = await browser.newContext({ locale: 'en-CA', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/app`);
    await page.getByLabel('Email').fill(newcomer.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The first screen, Home, is the onboarding while there is no lead.
    await page.getByRole('heading', { name: 'Your inbox is ready' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/?$/);
    expect(await page.locator('.empty-inbox pre').textContent()).toContain(`data-key="${newcomer.apiKey}"`);
    expect(
      await page
        .locator('.empty-inbox')
        .getByRole('button', { name: /Copy the code/ })
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Send a test lead' }).click();
    await expect.poll(() => page.locator('li.lead').count(), { timeout: 10_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/app/inbox');
    expect(new URL(page.url()).searchParams.get('test')).toBe('1');
  } finally {
    await context.close();
  }
});

it('signs in, lists the leads, works one lead and signs out', async () => {
  const context = await browser.newContext({ locale: 'en-CA', viewport: { width: 375, height: 800 } });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  try {
    await page.goto(`${origin}/app`);
    await page.getByLabel('Email').fill(client.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/incorrect/i);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Home first, then the inbox through the phone's menu.
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 10_000 })
      .toMatch(/^Good (morning|afternoon|evening), Plomberie Tremblay$/);
    await navigateTo(page, 'Inbox');
    const rows = page.locator('li.lead');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expect(new URL(page.url()).pathname).toBe('/app/inbox');
    await expect.poll(() => page.locator('.top .brand').textContent()).toBe('Plomberie Tremblay');
    expect(await page.getByRole('tab', { name: /Active/ }).textContent()).toContain('2');
    expect(await page.locator('li.lead.unread').count()).toBe(2);

    await page.getByRole('link', { name: /Sarah Mitchell/ }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Sarah Mitchell');
    expect(new URL(page.url()).pathname).toBe(`/app/leads/${leadIds.flood}`);
    const summary = page.locator('.summary-text');
    await expect.poll(() => summary.textContent()).toContain('Active leak');
    // The summary's language: a segmented control in the AI's reading.
    const reading = page.getByRole('region', { name: 'The AI’s reading' });
    await reading.getByRole('button', { name: /^FR/ }).click();
    await expect.poll(() => summary.textContent()).toBe('Not translated');
    expect(await reading.getByRole('button', { name: /^FR/ }).getAttribute('aria-pressed')).toBe('true');
    await reading.getByRole('button', { name: /^EN/ }).click();
    await expect.poll(() => summary.textContent()).toContain('Active leak');

    await page.getByRole('button', { name: 'Mark Converted' }).click();
    await expect.poll(() => page.getByTestId('tag').textContent()).toBe('Converted');

    await page.getByLabel('New note').fill('Called back, visit booked for 2 pm.');
    await page.getByRole('button', { name: 'Add a note' }).click();
    await expect.poll(() => page.locator('.notes').textContent()).toContain('visit booked for 2 pm');
    await page.locator('.notes').getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Edit the note').fill('Called back, visit moved to 4 pm.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => page.locator('.notes').textContent()).toMatch(/visit moved to 4 pm\..* · edited/);
    await page.getByLabel('New note').fill('Duplicate note, to be removed.');
    await page.getByRole('button', { name: 'Add a note' }).click();
    await expect.poll(() => page.locator('.notes li').count()).toBe(2);
    page.once('dialog', (dialog) => dialog.accept());
    await page.locator('.notes li', { hasText: 'Duplicate' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('.notes li').count()).toBe(1);
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('Note deleted');

    // The interface in French (the switch is in the phone's menu), remembered across a reload of the deep link.
    await openMenu(page);
    await page.locator('header.top').getByRole('button', { name: 'Français', exact: true }).click();
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: /Retour/ }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('link', { name: /Retour/ }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expect(new URL(page.url()).pathname).toBe('/app/inbox');
    // Opened, so no longer unread.
    expect(await page.locator('li.lead.unread').count()).toBe(1);

    // Both leads selected and archived in one go; they move to the Archived tab.
    const toast = toastOf(page);
    const said = toastText(page);
    await page.getByLabel('Tout sélectionner').check();
    await expect.poll(() => page.getByText('2 sélectionné(s)').count()).toBe(1);
    await page.getByRole('button', { name: 'Archiver' }).click();
    await expect.poll(() => said.textContent()).toBe('2 mis à jour.');
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByRole('tab', { name: /Archivés/ }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('Sélectionner Martin Gagnon').check();
    await page.getByRole('button', { name: 'Réactiver' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByRole('tab', { name: /Actifs/ }).textContent()).toContain('1');

    // A delete says so in a toast and can be undone from it.
    await page.getByRole('tab', { name: /Actifs/ }).click();
    await page.getByLabel('Sélectionner Martin Gagnon').check();
    await page.getByRole('button', { name: 'Supprimer' }).click();
    await expect.poll(() => said.textContent()).toBe('Client potentiel supprimé.');
    await expect.poll(() => rows.count()).toBe(0);
    expect(await toast.getByRole('button', { name: 'Fermer' }).count()).toBe(1);
    await toast.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => said.textContent()).toBe('Client potentiel restauré.');
    expect(await toast.getByRole('button', { name: 'Annuler' }).count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(1);

    await openMenu(page);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.getByLabel('Mot de passe').count()).toBe(1);
    const me = await page.evaluate(async () => (await fetch('/api/app/me')).status);
    expect(me).toBe(401);
    expect(errors.filter((text) => !/401|Failed to load resource/.test(text))).toEqual([]);
  } finally {
    await context.close();
  }
});
