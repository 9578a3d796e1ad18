import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, leadMemory } from '../../../schema';
import { MIN_FILL_MS } from '../../../schema/lead-form';
import { launchChromium } from '../../../scripts/lib/browser';
import { startWorker } from '../../../scripts/lib/worker';
import { type AxeFinding, axeFindings, blocking } from '../../support/axe';
import { clientWithPassword, TEST_PASSWORD } from '../../support/dashboard';
import { navigateTo, settled, toastText } from '../../support/dashboard-browser';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * A client's day in headless Chromium, against the built Worker with its queue consumer:
 * sign in, a visitor sends a lead through the widget on the demo page, the lead appears
 * in the open inbox, is opened, converted and noted, shows in the activity log, is in the
 * CSV export; sign out. axe-core checks every screen on the way, in both languages.
 */
const PASSWORD = TEST_PASSWORD;
let database: TestDatabase;
let worker: Miniflare;
let origin: string;
let browser: Browser;
let client: Client;

/** What axe found on each screen, printed at the end for the record. */
const axeReport: { screen: string; findings: AxeFinding[] }[] = [];

async function checkAccessibility(page: Page, screen: string) {
  const findings = await axeFindings(page);
  axeReport.push({ screen, findings });
  expect(blocking(findings), `${screen}: ${JSON.stringify(blocking(findings), null, 1)}`).toEqual([]);
}

beforeAll(async () => {
  database = await startTestDatabase();
  client = await clientWithPassword(database, {
    businessName: 'Rénovations Tremblay',
    email: `owner-${randomUUID().slice(0, 8)}@renos.example`,
    language: 'en',
    bookingLink: 'https://booking.example.com/tremblay',
  });
  worker = await startWorker({
    DATABASE_URL: database.databaseUrl,
    DATABASE_WS_PROXY: database.wsProxy,
    DEMO_CLIENT_ID: client.id,
  });
  origin = (await worker.ready).origin;
  // The demo page is served on this origin and loads the widget from the other loopback name.
  await database.access.service((tx) =>
    tx.execute(sql`update clients set allowed_origins = array[${origin}]::text[] where id = ${client.id}`),
  );
  browser = await launchChromium();
});
afterAll(async () => {
  for (const { screen, findings } of axeReport) {
    const summary = findings.map((finding) => `${finding.id} (${finding.impact})`).join(', ') || 'none';
    console.info(`axe ${screen}: ${summary}`);
  }
  await browser?.close();
  await worker?.dispose();
  await database?.close();
});

async function sendLeadThroughWidget(context: BrowserContext, name: string, email: string) {
  const site = await context.newPage();
  try {
    await site.goto(`${origin}/demo?lang=en`);
    const field = (field: string) => site.locator(`[data-avenir-form] [name="${field}"]`);
    await expect.poll(() => site.locator('[data-avenir-form]').getAttribute('data-avenir-state')).toBe('idle');
    await field('name').fill(name);
    await field('email').fill(email);
    await field('message').fill('Our basement flooded last night and the drywall is soaked. Can you come this week?');
    const consent = field('consent');
    if (await consent.count()) await consent.check();
    await site.waitForTimeout(MIN_FILL_MS + 200);
    await site.locator('[data-avenir-form] button[type="submit"]').click();
    await expect
      .poll(() => site.locator('[data-avenir-form]').getAttribute('data-avenir-state'), { timeout: 15_000 })
      .toBe('sent');
  } finally {
    await site.close();
  }
}

it('sign in, a lead arrives from the widget, convert it, note it, find it in the activity log, export, sign out', async () => {
  const context = await browser.newContext({ locale: 'en-CA', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${origin}/app`);
    await expect.poll(() => page.getByLabel('Email').count()).toBe(1);
    await checkAccessibility(page, 'sign-in (en)');
    await page.getByLabel('Email').fill(client.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A client with no lead yet lands on Home's onboarding, which shows how leads arrive…
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 10_000 })
      .toBe('Welcome to Avenir, Rénovations Tremblay');
    await expect.poll(() => page.getByRole('heading', { name: 'Your inbox is ready' }).count()).toBe(1);
    await checkAccessibility(page, 'home, empty (en)');
    // …and so does the empty inbox.
    await navigateTo(page, 'Inbox');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Inbox');
    await expect.poll(() => page.getByRole('heading', { name: 'Your inbox is ready' }).count()).toBe(1);
    await checkAccessibility(page, 'inbox, empty (en)');

    // A visitor writes in while the inbox is open: it appears without a reload, unread.
    const name = 'Chloé Bergeron';
    const email = `chloe-${Date.now()}@example.ca`;
    await sendLeadThroughWidget(context, name, email);
    const row = page.locator('li.lead', { hasText: name });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    expect(await row.getAttribute('class')).toContain('unread');
    expect(await page.getByRole('tab', { name: /Active/ }).textContent()).toContain('1');
    await checkAccessibility(page, 'inbox with a lead (en)');

    await row.getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toContain(name);
    await expect.poll(() => page.locator('.contact').textContent()).toContain(email);
    await checkAccessibility(page, 'lead (en)');

    await page.getByRole('button', { name: 'Mark Converted' }).click();
    await expect.poll(() => page.getByTestId('tag').textContent()).toBe('Converted');
    await expect.poll(() => toastText(page).textContent()).toBe('1 updated.');
    await page.getByLabel('New note').fill('Called back: visit booked Thursday 2 pm.');
    await page.getByRole('button', { name: 'Add a note' }).click();
    await expect.poll(() => page.locator('.notes').textContent()).toContain('visit booked Thursday 2 pm');
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('Tagged: Converted (conversion)');

    // Taking the conversion back asks why, and the reason is kept.
    await page.getByRole('button', { name: 'No longer converted…' }).click();
    await checkAccessibility(page, 'lead, reversion form (en)');
    await page.getByLabel('Reason').fill('They chose another contractor.');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByTestId('tag').textContent()).toBe('Hot Lead');
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('They chose another contractor.');
    await page.getByRole('button', { name: 'Mark Converted' }).click();
    await expect.poll(() => page.getByTestId('tag').textContent()).toBe('Converted');

    await navigateTo(page, 'Activity');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Activity');
    const activity = page.locator('table.activity');
    await expect.poll(() => activity.textContent()).toContain('Tagged: Converted (conversion)');
    expect(await activity.textContent()).toContain(name);
    await page.getByLabel('Action').selectOption('noted');
    await expect.poll(() => page.locator('table.activity tbody tr').count()).toBe(1);
    expect(new URL(page.url()).search).toBe('?action=noted');
    await checkAccessibility(page, 'activity (en)');

    // Settings: the embed code with the client's key, and the form previewed in a frame.
    await navigateTo(page, 'Settings');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Settings');
    await expect.poll(() => page.locator('main').textContent()).toContain(client.apiKey);
    const preview = page.frameLocator('iframe[title="Preview of your contact form"]');
    await expect.poll(() => preview.locator('[data-avenir-form]').getAttribute('data-avenir-state')).toBe('idle');
    await page.getByLabel('Business name').fill('Rénovations Tremblay & Fils');
    // Each section saves on its own: the name is in the business section.
    await page.getByRole('button', { name: 'Save the business details' }).click();
    await expect.poll(() => page.locator('.top .brand').textContent()).toBe('Rénovations Tremblay & Fils');
    await checkAccessibility(page, 'settings (en)');

    await navigateTo(page, 'Inbox');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export these leads (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(name);
    expect(csv).toContain(email);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    // In French, remembered across a reload.
    await page.locator('header.top').getByRole('button', { name: 'Français', exact: true }).click();
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Boîte de réception');
    await checkAccessibility(page, 'inbox (fr)');
    await row.getByRole('link').click();
    await expect.poll(() => page.getByTestId('tag').textContent(), { timeout: 10_000 }).toBe('Converti');
    await checkAccessibility(page, 'lead (fr)');
    await navigateTo(page, 'Paramètres');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Paramètres');
    await checkAccessibility(page, 'settings (fr)');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.getByLabel('Mot de passe').count()).toBe(1);
    await checkAccessibility(page, 'sign-in (fr)');
    expect(await page.evaluate(async () => (await fetch('/api/app/me')).status)).toBe(401);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('lets staff find a client, view its dashboard and come back', async () => {
  const staff = await clientWithPassword(database, {
    businessName: 'Avenir',
    email: `staff-${randomUUID().slice(0, 8)}@avenir.example`,
    isInternal: true,
  });
  const context = await browser.newContext({ locale: 'en-CA' });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/app/clients`);
    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Clients');
    const listed = page.locator('main li', { hasText: client.email });
    await expect.poll(() => listed.count()).toBe(1);
    await checkAccessibility(page, 'clients (en)');
    await listed.getByRole('button').first().click();
    await expect.poll(() => page.locator('.acting-as').textContent()).toContain('’s dashboard');
    // The client's Home, then its inbox.
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 10_000 })
      .toMatch(/^Good (morning|afternoon|evening), Rénovations Tremblay/);
    await checkAccessibility(page, 'home viewed by staff (en)');
    await navigateTo(page, 'Inbox');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Inbox');
    await expect.poll(() => page.locator('li.lead').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await checkAccessibility(page, 'inbox viewed by staff (en)');
    await page.getByRole('button', { name: 'Back to my account' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Clients');
    expect(await page.locator('.acting-as').count()).toBe(0);
  } finally {
    await context.close();
  }
});

it('works at phone width: no sideways scrolling, every screen reachable', async () => {
  await database.access.service((tx) =>
    tx.insert(leadMemory).values({
      clientId: client.id,
      name: 'Gabrielle Lévesque-Desrochers',
      email: 'gabrielle.levesque-desrochers@entreprise-exemple.quebec',
      message: 'Bonjour, nous aimerions une soumission pour refaire la toiture de notre duplex à Longueuil.',
      language: 'fr',
      urgency: 'Medium',
      aiSummaryFr: 'Soumission pour la toiture d’un duplex à Longueuil.',
      toneHistory: [
        { value: 'Formal', at: '2026-11-01T10:00:00Z', engine: 'offline' },
        { value: 'Friendly', at: '2026-11-02T10:00:00Z', engine: 'openai' },
      ],
      urgencyHistory: [{ value: 'Medium', at: '2026-11-01T10:00:00Z', engine: 'offline' }],
      confidenceHistory: [{ value: 0.7, at: '2026-11-01T10:00:00Z', engine: 'offline' }],
    }),
  );
  const context = await browser.newContext({ locale: 'fr-CA', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/app`);
    await expect.poll(() => page.getByLabel('Courriel').count()).toBe(1);
    // Keyboard only: the skip link and the language switch come first, then the form.
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let presses = 0; presses < 6 && (await focused()) !== 'email'; presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('email');
    await page.keyboard.type(client.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    // Home first; the inbox through the menu.
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toMatch(/^Bon(jour|soir), /);
    await navigateTo(page, 'Boîte de réception');
    const row = page.locator('li.lead', { hasText: 'Gabrielle' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await checkAccessibility(page, 'inbox at 360 px (fr)');
    // The status tabs: one tab stop, arrow keys move between them.
    await page.getByRole('tab', { name: /Actifs/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: /Archivés/ }).getAttribute('aria-selected')).toBe('true');
    expect(await focused()).toBe('tab-archived');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => row.count()).toBe(1);
    // A filtered inbox is one URL (an old /app?… bookmark opens it too); the lead's back
    // link returns to it, filters kept.
    await page.goto(`${origin}/app?urgency=Medium`);
    await expect
      .poll(() => page.getByLabel('Urgence', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe('Medium');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/inbox');
    await row.getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toContain('Gabrielle');
    await page.getByRole('link', { name: /Retour/ }).click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/app/inbox');
    expect(new URL(page.url()).search).toBe('?urgency=Medium');
    await row.getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toContain('Gabrielle');
    await settled(page);
    // A chart for each history of two points or more: the tone's; the urgency and the
    // confidence have one point each, already said beside them.
    expect(await page.locator('svg.history-chart').count()).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await checkAccessibility(page, 'lead at 360 px (fr)');
    await navigateTo(page, 'Activité');
    await expect.poll(() => page.locator('table.activity tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await checkAccessibility(page, 'activity at 360 px (fr)');
  } finally {
    await context.close();
  }
});
