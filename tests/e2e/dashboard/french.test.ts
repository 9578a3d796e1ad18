import { randomUUID } from 'node:crypto';
import type { Miniflare } from 'miniflare';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRINGS } from '../../../dashboard/i18n';
// Each screen's strings join STRINGS when its code loads (dashboard/i18n.ts, addStrings):
// loaded here all at once, so the tables below hold every string of every screen.
import '../../../dashboard/strings/clients';
import '../../../dashboard/strings/gallery';
import '../../../dashboard/strings/leads';
import '../../../dashboard/strings/settings';
import { type Client, leadActions, leadMemory, leadNotes } from '../../../schema';
import { INTENTS, LEAD_TONE_NAMES, URGENCY_NAMES } from '../../../schema/vocabulary';
import { launchChromium } from '../../../scripts/lib/browser';
import { startWorker } from '../../../scripts/lib/worker';
import { clientWithPassword, TEST_PASSWORD } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * Every screen of the dashboard walked in French, at a desktop's width and a phone's,
 * failing on any word that only the English strings table (and the English names of the
 * vocabulary) uses: a French client must never read English.
 */

/** Every text of a strings table, functions called with sample values. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String(value('2', '2', '2'))];
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}’']{4,}/gu) ?? [];

const english = [
  ...textsOf(STRINGS.en),
  ...INTENTS.map((intent) => intent.en),
  ...Object.values(URGENCY_NAMES).map((name) => name.en),
  ...Object.values(LEAD_TONE_NAMES).map((name) => name.en),
  // What the product stores in English and must word for the reader: who did an action.
  'widget system',
];
const french = [
  ...textsOf(STRINGS.fr),
  ...INTENTS.map((intent) => intent.fr),
  ...Object.values(URGENCY_NAMES).map((name) => name.fr),
  ...Object.values(LEAD_TONE_NAMES).map((name) => name.fr),
];
/** Names and words that are the same in both languages, or ours (Avenir, OpenAI…). */
const SHARED = new Set(['avenir', 'openai', 'gmail', 'https', 'example', 'pk_live', 'pk_test']);
const frenchWords = new Set(french.flatMap(wordsOf));
const ENGLISH_ONLY = new Set(english.flatMap(wordsOf).filter((word) => !frenchWords.has(word) && !SHARED.has(word)));

let database: TestDatabase;
let worker: Miniflare;
let origin: string;
let browser: Browser;
let client: Client;
let leadId: string;
let robotId: string;

beforeAll(async () => {
  database = await startTestDatabase();
  client = await clientWithPassword(database, {
    businessName: 'Toitures Gagnon',
    email: `proprio-${randomUUID().slice(0, 8)}@toitures.example`,
    language: 'fr',
    isInternal: true,
    bookingLink: 'https://rendez-vous.example/gagnon',
  });
  await database.access.service(async (tx) => {
    const [lead] = await tx
      .insert(leadMemory)
      .values({
        clientId: client.id,
        name: 'Martine Lefebvre',
        email: 'martine@courriel.example',
        message: 'Bonjour, une soumission pour refaire la toiture du chalet, svp.',
        language: 'fr',
        intent: 'Quote request',
        urgency: 'Medium',
        tone: 'Friendly',
        confidenceScore: 0.8,
        aiSummary: 'Soumission pour la toiture du chalet.',
        aiSummaryFr: 'Soumission pour la toiture du chalet.',
        enrichmentEngine: 'offline',
        enrichedAt: new Date(),
        urgencyHistory: [{ value: 'Medium', at: new Date().toISOString(), engine: 'offline' }],
      })
      .returning();
    leadId = lead!.id;
    const [robot] = await tx
      .insert(leadMemory)
      .values({
        clientId: client.id,
        name: 'Robot',
        email: 'robot@courriel.example',
        message: 'Achetez maintenant',
        language: 'fr',
        isSpam: true,
        spamReason: 'too_fast',
      })
      .returning();
    robotId = robot!.id;
    await tx.insert(leadActions).values([
      { leadId, clientId: client.id, actionType: 'created', performedBy: 'widget' },
      { leadId, clientId: client.id, actionType: 'replied', performedBy: 'system' },
      { leadId, clientId: client.id, actionType: 'tagged', tag: 'Converted', performedBy: client.email },
    ]);
    await tx
      .insert(leadNotes)
      .values({ leadId, clientId: client.id, note: 'Rappeler jeudi.', performedBy: client.email });
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

/**
 * The English-only words a person can read on the page: its text and its accessible labels,
 * but for what is English on purpose (marked lang="en", such as "English" on the language
 * switch) and code (the embed snippet).
 */
async function englishOn(page: Page): Promise<string[]> {
  const readable = await page.evaluate(() => {
    // The page itself is lang="fr-CA": only parts marked English on purpose match.
    const meant = (element: Element) => element.closest('code, pre, [lang^="en"]') !== null;
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || meant(parent) || parent.closest('script, style')) continue;
      if (parent.checkVisibility && !parent.checkVisibility()) continue;
      texts.push(node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
      if (meant(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(element.getAttribute(name) ?? '');
    }
    return texts.join('\n');
  });
  return [...new Set(wordsOf(readable).filter((word) => ENGLISH_ONLY.has(word)))];
}

describe.each([1280, 375])('the dashboard in French at %i px', (width) => {
  it('shows no English word on any screen, sign-in errors included', async () => {
    const context = await browser.newContext({ locale: 'fr-CA', viewport: { width, height: 900 } });
    const page = await context.newPage();
    try {
      const found: Record<string, string[]> = {};
      const look = async (screen: string) => {
        await page.waitForLoadState('networkidle');
        const words = await englishOn(page);
        if (words.length > 0) found[screen] = words;
      };
      await page.goto(`${origin}/app/forgot-password`);
      await page.getByRole('heading', { name: STRINGS.fr.forgotTitle }).waitFor();
      await look('forgot password');
      await page.getByLabel(STRINGS.fr.email).fill('personne@courriel.example');
      await page.getByRole('button', { name: STRINGS.fr.forgotSend }).click();
      await page.getByRole('heading', { name: STRINGS.fr.forgotSentTitle }).waitFor();
      await look('forgot password, sent');
      await page.goto(`${origin}/app`);
      await page.getByLabel(STRINGS.fr.email).fill(client.email);
      await page.getByLabel(STRINGS.fr.password, { exact: true }).fill('pas le bon mot de passe');
      await page.getByRole('button', { name: STRINGS.fr.signIn }).click();
      await page.getByRole('alert').filter({ hasText: /\w/ }).waitFor();
      await look('sign-in, wrong password');
      await page.getByLabel(STRINGS.fr.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: STRINGS.fr.signIn }).click();
      // Home first, with its figures and the lead waiting.
      await page.getByRole('heading', { level: 1, name: /^Bon(jour|soir), Toitures Gagnon$/ }).waitFor();
      await page.locator('.stats .stat').first().waitFor();
      await look('home');
      if (width === 375) {
        await page.locator('#menu-button').click();
        await page.locator('header.top nav').waitFor();
        await look('home, menu open');
      }
      await page.goto(`${origin}/app/inbox`);
      await page.getByRole('heading', { name: STRINGS.fr.inbox }).waitFor();
      await page.locator('[data-lead-id]').first().waitFor();
      await look('inbox');
      await page.getByRole('button', { name: STRINGS.fr.filters }).click();
      await page.locator('#inbox-filters').waitFor();
      await look('inbox, filters open');
      if (width === 1280) {
        await page.getByRole('button', { name: STRINGS.fr.shortcutsButton }).click();
        await page.getByRole('dialog').waitFor();
        await look('inbox, keyboard shortcuts');
        await page.keyboard.press('Escape');
      }
      await page.goto(`${origin}/app/inbox?status=spam`);
      await page.locator('[data-lead-id]').first().waitFor();
      await look('inbox, spam tab');
      await page.goto(`${origin}/app/leads/${leadId}`);
      await page.getByRole('heading', { name: 'Martine Lefebvre' }).waitFor();
      await look('lead page');
      await page.goto(`${origin}/app/leads/${robotId}`);
      await page.getByRole('heading', { name: 'Robot' }).waitFor();
      expect((await page.locator('.notice-box').textContent())?.trim()).toBe(STRINGS.fr.setAside.too_fast);
      await look('a lead the bot checks set aside');
      await page.goto(`${origin}/app/activity`);
      await page.locator('table.activity tbody tr').first().waitFor();
      await look('activity');
      if (width === 1280) {
        // A date and time is one piece on a desktop: never "20 / h 17" over two lines.
        const lines = await page.$$eval('table.activity time', (times) =>
          times.map((time) => time.getClientRects().length),
        );
        expect(new Set(lines)).toEqual(new Set([1]));
      }
      await page.goto(`${origin}/app/settings`);
      await page.getByRole('heading', { name: STRINGS.fr.settingsEmbedTitle }).waitFor();
      await look('settings');
      await page.goto(`${origin}/app/clients`);
      await page.getByRole('heading', { level: 1, name: STRINGS.fr.clients }).waitFor();
      await look('clients');
      await page.goto(`${origin}/app/design`);
      await page.getByRole('heading', { level: 1, name: STRINGS.fr.design }).waitFor();
      await look('components');
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  });
});

it('writes its checks from both tables, so it can fail', () => {
  expect(ENGLISH_ONLY.has('archived')).toBe(true);
  expect(ENGLISH_ONLY.has('archivé')).toBe(false);
  expect(ENGLISH_ONLY.size).toBeGreaterThan(100);
});
