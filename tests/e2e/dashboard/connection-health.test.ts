import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { DEMO_UNLISTED_SITE, writeSampleConnection } from '../../../scripts/lib/sample-connection';
import { clientWithPassword } from '../../support/dashboard';
import {
  type BrowserStack,
  chooseLang,
  dashboardContext,
  settled,
  signInByApi,
  startBrowserStack,
} from '../../support/dashboard-browser';
import type { TestDatabase } from '../../support/database';

/**
 * A form refused on a site its owner forgot to allow, as the owner meets it: the home's
 * banner in their language, its link to the settings' connection card, "Allow this site…"
 * confirmed there, and a list of sites being edited at the same time that keeps the site
 * just allowed when it is saved.
 */

let stack: BrowserStack;
let database: TestDatabase;
let origin: string;
let browser: Browser;

const HOME_SITE = 'https://www.renovations-laval.example';

beforeAll(async () => {
  stack = await startBrowserStack();
  ({ database, origin, browser } = stack);
});
afterAll(async () => {
  await stack?.close();
});

/** A client whose shop page was refused five times today (npm start's demo history). */
async function refusedOwner(language: 'en' | 'fr'): Promise<Client> {
  const owner = await clientWithPassword(database, {
    businessName: 'Rénovations Laval',
    email: `owner-${randomUUID().slice(0, 8)}@renovations.example`,
    language,
    allowedOrigins: [HOME_SITE],
  });
  await writeSampleConnection(
    database.access,
    { id: owner.id, widgetKey: owner.apiKey, origin: HOME_SITE },
    new Date(),
  );
  return owner;
}

const savedOrigins = async (clientId: string) =>
  (
    await database.access.service((tx) =>
      tx.execute<{ allowed_origins: string[] }>(sql`select allowed_origins from clients where id = ${clientId}`),
    )
  ).rows[0]?.allowed_origins;

describe('a refused site', () => {
  it('is on the home in French, and its link opens the connection card', async () => {
    const owner = await refusedOwner('fr');
    const context = await dashboardContext(browser, { width: 375 });
    const page = await context.newPage();
    try {
      await signInByApi(page, origin, owner.email);
      await chooseLang(page, 'fr');
      await page.goto(`${origin}/app`);
      const banner = page.locator('.connection-banner');
      await banner.waitFor();
      expect((await banner.locator('h2').textContent())?.trim()).toBe('Votre formulaire a besoin de vous');
      expect(await banner.textContent()).toContain(`${DEMO_UNLISTED_SITE} est refusé (5 requêtes)`);
      await banner.getByRole('link', { name: 'Voir quoi faire' }).click();
      await expect
        .poll(() => new URL(page.url()).pathname + new URL(page.url()).hash)
        .toBe('/app/settings#st-connection');
      await page.locator('#st-connection .connection-problems').waitFor();
      expect(await page.locator('#st-connection').textContent()).toContain('Autoriser ce site…');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('is allowed after the owner confirms, and a list being edited keeps it when saved', async () => {
    const owner = await refusedOwner('en');
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await signInByApi(page, origin, owner.email);
      await chooseLang(page, 'en');
      await page.goto(`${origin}/app/settings`);
      await page.locator('#st-connection .connection-problems').waitFor();
      await settled(page);

      // The owner starts adding another site by hand, then allows the refused one from the card.
      const list = page.locator('#st-allowedOrigins');
      await list.fill(`${HOME_SITE}\nhttps://second.renovations-laval.example`);
      const card = page.locator('#st-connection');
      await card.getByRole('button', { name: 'Allow this site…' }).click();
      expect(await card.locator('.st-confirm').textContent()).toContain(
        `any page on ${DEMO_UNLISTED_SITE} may show your form`,
      );
      await card.getByRole('button', { name: 'Yes, allow it' }).click();
      await expect
        .poll(() => card.locator('[role="status"]').textContent())
        .toBe(`${DEMO_UNLISTED_SITE} is allowed: within a minute, its visitors can send you leads.`);
      expect(await savedOrigins(owner.id)).toEqual([HOME_SITE, DEMO_UNLISTED_SITE]);
      // The problem is gone from the card, and the site shows as allowed.
      await expect.poll(() => card.locator('.connection-problems').count()).toBe(0);

      // The hand-typed site stays, and the one just allowed joins it rather than being taken back.
      await expect.poll(() => list.inputValue()).toContain(DEMO_UNLISTED_SITE);
      expect(await list.inputValue()).toContain('https://second.renovations-laval.example');
      await page.getByRole('button', { name: 'Save the form settings' }).click();
      await expect
        .poll(() => savedOrigins(owner.id))
        .toEqual([HOME_SITE, 'https://second.renovations-laval.example', DEMO_UNLISTED_SITE]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
