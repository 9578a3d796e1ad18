import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STRINGS } from '../../../dashboard/i18n';
import { leadMemory } from '../../../schema';
import { clientWithPassword, dashboardCall, TEST_PASSWORD } from '../../support/dashboard';
import { type BrowserStack, dashboardContext, outboxTo, startBrowserStack } from '../../support/dashboard-browser';
import type { TestDatabase } from '../../support/database';

/**
 * "Forgot your password?" end to end in the browser: the link by mail (the dev outbox), the
 * new password through it, the old one refused, the link good for one use, an unknown
 * address answered exactly alike with nothing sent, and every message in French in French.
 */

let stack: BrowserStack;
let database: TestDatabase;
let worker: Miniflare;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  stack = await startBrowserStack();
  ({ database, worker, origin, browser } = stack);
});
afterAll(async () => {
  await stack?.close();
});

const poll = <T>(read: () => Promise<T> | T, timeout = 10_000) => expect.poll(read, { timeout });
const en = STRINGS.en;
const fr = STRINGS.fr;
const NEW_PASSWORD = 'le-robinet-chante-2027';
const LINK = /(https?:\/\/[^\s/]+)(\/app\/reset-password)#token=([A-Za-z0-9_-]+)/;

async function account(language: 'en' | 'fr') {
  const client = await clientWithPassword(database, {
    businessName: language === 'fr' ? 'Plomberie Oubliée' : 'Forgetful Plumbing',
    email: `forgot-${randomUUID().slice(0, 8)}@oubli.example`,
    language,
  });
  // A lead, so Home greets rather than onboards.
  await database.access.service((tx) =>
    tx.insert(leadMemory).values({
      clientId: client.id,
      name: 'Sarah Mitchell',
      email: 'sarah@example.ca',
      message: 'A leak under the sink.',
      createdAt: sql`now() - interval '1 hour'`,
    }),
  );
  return client;
}

/** The one reset mail to `email`, once it is in the outbox (it is sent after the answer). */
async function theResetMail(email: string) {
  await poll(async () => (await outboxTo(database, email)).length).toBe(1);
  const [mail] = await outboxTo(database, email);
  return mail!;
}

/** The words of the "Check your email" card, with the address in them made neutral. */
const sentCard = async (page: Page, email: string) =>
  ((await page.locator('.auth-card').textContent()) ?? '').replace(email, '<email>');

async function totalOutbox(): Promise<number> {
  const result = await database.access.service((tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from dev_outbox`),
  );
  return result.rows[0]!.n;
}

it('sends one link, sets the new password through it, refuses the old one, and works only once', async () => {
  const client = await account('en');
  const context = await dashboardContext(browser, { width: 1280 });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/app`);
    await page.getByRole('link', { name: en.forgotLink }).click();
    await poll(() => new URL(page.url()).pathname).toBe('/app/forgot-password');
    await page.getByRole('heading', { level: 1, name: en.forgotTitle }).waitFor();
    await page.getByLabel(en.email).fill(client.email);
    await page.getByRole('button', { name: en.forgotSend }).click();
    await page.getByRole('heading', { level: 1, name: en.forgotSentTitle }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: client.email }).count()).toBe(1);
    const knownCard = await sentCard(page, client.email);

    // Exactly one mail, to that address, with the link to the reset page.
    const mail = await theResetMail(client.email);
    expect(mail.subject).toBe('Reset your Avenir password');
    const link = LINK.exec(mail.text);
    expect(link, mail.text).not.toBeNull();
    const [, , path, token] = link!;
    await page.waitForTimeout(1000);
    expect(await outboxTo(database, client.email)).toHaveLength(1);

    // The link opens the form, and the token leaves the address bar.
    await page.goto(`${origin}${path}#token=${token}`);
    await page.getByRole('heading', { level: 1, name: en.resetTitle }).waitFor();
    await poll(() => page.url()).toBe(`${origin}/app/reset-password`);
    expect(await page.evaluate(() => location.hash)).toBe('');

    // Two different passwords: the error is on the confirmation, tied to it, and focused.
    await page.getByLabel(en.newPassword).fill(NEW_PASSWORD);
    await page.getByLabel(en.confirmPassword).fill('le-robinet-chante-2028');
    await page.getByRole('button', { name: en.resetSave }).click();
    const confirmation = page.locator('#reset-confirmation');
    await poll(() => confirmation.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await confirmation.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeTruthy();
    expect((await page.locator(`[id="${errorId}"]`).textContent())?.trim()).toBe(en.passwordsDiffer);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reset-confirmation');
    expect(await page.locator('#reset-password').getAttribute('aria-invalid')).toBeNull();

    // The same twice: signed in, on Home.
    await page.getByLabel(en.confirmPassword).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: en.resetSave }).click();
    await poll(() => page.locator('h1').textContent()).toMatch(
      /^Good (morning|afternoon|evening), Forgetful Plumbing$/,
    );
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/?$/);
    expect(await page.evaluate(async () => (await fetch('/api/app/me')).status)).toBe(200);

    // The old password no longer signs in; the new one does.
    const other = await dashboardContext(browser, { width: 1280 });
    try {
      const signIn = await other.newPage();
      await signIn.goto(`${origin}/app`);
      await signIn.getByLabel(en.email).fill(client.email);
      await signIn.getByLabel(en.password, { exact: true }).fill(TEST_PASSWORD);
      await signIn.getByRole('button', { name: en.signIn }).click();
      await poll(() => signIn.getByRole('alert').filter({ hasText: /\w/ }).first().textContent()).toMatch(/incorrect/i);
      expect(await signIn.evaluate(async () => (await fetch('/api/app/me')).status)).toBe(401);

      // The same link a second time: it no longer works.
      await signIn.goto(`${origin}${path}#token=${token}`);
      await signIn.getByLabel(en.newPassword).fill('encore-un-autre-2029');
      await signIn.getByLabel(en.confirmPassword).fill('encore-un-autre-2029');
      await signIn.getByRole('button', { name: en.resetSave }).click();
      await signIn.getByRole('heading', { level: 1, name: en.resetExpiredTitle }).waitFor();
      // Why, in words, and the keyboard starts at the new card's title.
      expect(await signIn.locator('.auth-card').textContent()).toContain('expired');
      expect(await signIn.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect(await signIn.getByRole('link', { name: en.resetAskAgain }).getAttribute('href')).toBe(
        '/app/forgot-password',
      );
    } finally {
      await other.close();
    }
    const withNew = await dashboardCall(worker, 'POST', '/api/app/session', {
      body: { email: client.email, password: NEW_PASSWORD },
    });
    expect(withNew.status).toBe(200);

    // An address with no account: the very same answer, and nothing sent.
    const before = await totalOutbox();
    const stranger = await dashboardContext(browser, { width: 1280 });
    try {
      const ask = await stranger.newPage();
      const unknown = `nobody-${randomUUID().slice(0, 8)}@oubli.example`;
      await ask.goto(`${origin}/app/forgot-password`);
      await ask.getByLabel(en.email).fill(unknown);
      await ask.getByRole('button', { name: en.forgotSend }).click();
      await ask.getByRole('heading', { level: 1, name: en.forgotSentTitle }).waitFor();
      expect(await sentCard(ask, unknown)).toBe(knownCard);
      await ask.waitForTimeout(1500);
      expect(await outboxTo(database, unknown)).toEqual([]);
      expect(await totalOutbox()).toBe(before);
    } finally {
      await stranger.close();
    }
  } finally {
    await context.close();
  }
});

it('says everything in French to a French reader, the server’s errors included', async () => {
  const client = await account('fr');
  const context = await dashboardContext(browser, { width: 375, locale: 'fr-CA' });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/app`);
    await page.getByRole('link', { name: fr.forgotLink }).click();
    await page.getByRole('heading', { level: 1, name: fr.forgotTitle }).waitFor();
    // A malformed address: the server's message, in French.
    await page.getByLabel(fr.email).fill('pas-un-courriel');
    await page.getByRole('button', { name: fr.forgotSend }).click();
    await poll(() => page.locator('.form-error').textContent()).toBe('Entrez une adresse courriel valide.');
    await page.getByLabel(fr.email).fill(client.email);
    await page.getByRole('button', { name: fr.forgotSend }).click();
    await page.getByRole('heading', { level: 1, name: fr.forgotSentTitle }).waitFor();

    const mail = await theResetMail(client.email);
    expect(mail.subject).toBe('Réinitialisez votre mot de passe Avenir');
    const [, , path, token] = LINK.exec(mail.text)!;
    await page.goto(`${origin}${path}#token=${token}`);
    await page.getByRole('heading', { level: 1, name: fr.resetTitle }).waitFor();

    await page.getByLabel(fr.newPassword).fill(NEW_PASSWORD);
    await page.getByLabel(fr.confirmPassword).fill('autre-chose-2027');
    await page.getByRole('button', { name: fr.resetSave }).click();
    await poll(() => page.locator('#reset-confirmation-error').textContent()).toBe(fr.passwordsDiffer);
    // Too short: the server's rule, in French, under the password.
    await page.getByLabel(fr.newPassword).fill('court');
    await page.getByLabel(fr.confirmPassword).fill('court');
    await page.getByRole('button', { name: fr.resetSave }).click();
    await poll(() => page.locator('#reset-password-error').textContent()).toBe('Utilisez au moins 10 caractères.');
    expect(await page.locator('#reset-password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#reset-confirmation-error').count()).toBe(0);

    // A link that does not work, in French (opened from another page: the same page with
    // another fragment would not load anew).
    await page.goto(`${origin}/app`);
    await page.goto(`${origin}/app/reset-password#token=${'x'.repeat(43)}`);
    await page.getByLabel(fr.newPassword).fill(NEW_PASSWORD);
    await page.getByLabel(fr.confirmPassword).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: fr.resetSave }).click();
    await page.getByRole('heading', { level: 1, name: fr.resetExpiredTitle }).waitFor();
    expect(await page.locator('.auth-card').textContent()).toContain('expiré');
    expect(await page.getByRole('link', { name: fr.resetAskAgain }).count()).toBe(1);

    // The real link still works after all that: the refused attempts did not use it.
    await page.goto(`${origin}/app`);
    await page.goto(`${origin}${path}#token=${token}`);
    await page.getByLabel(fr.newPassword).fill(NEW_PASSWORD);
    await page.getByLabel(fr.confirmPassword).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: fr.resetSave }).click();
    await poll(() => page.locator('h1').textContent()).toMatch(/^Bon(jour|soir), Plomberie Oubliée$/);
  } finally {
    await context.close();
  }
});
