import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { writeSampleProspecting } from '../../../scripts/lib/sample-prospects';
import { type DemoSites, startDemoSites } from '../../../scripts/stack/demo-sites';
import { createOfflineEmbedder } from '../../../worker/platform/ai/offline-embedding';
import { clientWithPassword } from '../../support/dashboard';
import {
  type BrowserStack,
  chooseLang,
  dashboardContext,
  settled,
  sidewaysScroll,
  signInByApi,
  startBrowserStack,
} from '../../support/dashboard-browser';

/**
 * Prospect discovery as the operator meets it on `npm start`: the demo ICP and profile
 * seeded, "Run discovery now" on the Discovery screen fills the pool from the demo sites,
 * the Prospects screen lists them by need with their scores, a prospect's page explains its
 * score with the evidence, in French too, at a phone's width without sideways scrolling;
 * a client account is kept out.
 */

let stack: BrowserStack;
let sites: DemoSites;
let origin: string;
let browser: Browser;
let staff: Client;
let customer: Client;

beforeAll(async () => {
  sites = await startDemoSites();
  stack = await startBrowserStack({ DEMO_SITES_ORIGIN: sites.origin });
  ({ origin, browser } = stack);
  staff = await clientWithPassword(stack.database, {
    businessName: 'Avenir',
    email: `staff-${randomUUID().slice(0, 8)}@avenir.example`,
    language: 'en',
    isInternal: true,
  });
  customer = await clientWithPassword(stack.database, {
    businessName: 'Plomberie Lavoie',
    email: `owner-${randomUUID().slice(0, 8)}@lavoie.example`,
    language: 'fr',
  });
  await writeSampleProspecting(stack.database.access, createOfflineEmbedder());
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await sites?.close();
});

async function open(page: Page, path: string, lang: 'en' | 'fr', email = staff.email) {
  await signInByApi(page, origin, email);
  await chooseLang(page, lang);
  await page.goto(`${origin}${path}`);
  await page.locator('main h1').waitFor();
  await settled(page);
}

/** The need scores shown in the Prospects table, top to bottom. */
const scores = async (page: Page) =>
  (await page.locator('.pr-table .pr-score strong').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));

describe('discovery on the demo sites', () => {
  it('fills the pool from "Run discovery now", neediest first, each prospect explained', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, '/app/staff/discovery', 'en');
      await page.getByRole('button', { name: 'Run discovery now' }).click();
      // The run is queued at once and finishes in the background (about 20 s, one request a second per site).
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.locator('main h1').waitFor();
            return page.locator('#pd-runs').textContent();
          },
          { timeout: 120_000, interval: 3_000 },
        )
        .toMatch(/Done/);

      await page.goto(`${origin}/app/staff/prospects`);
      await page.locator('.pr-table').waitFor();
      await settled(page);
      const shown = await scores(page);
      expect(shown.length).toBeGreaterThanOrEqual(8);
      for (const score of shown) expect(score >= 45 && score <= 95, String(score)).toBe(true);
      expect(shown).toEqual([...shown].sort((a, b) => b - a));

      await page.locator('.pr-table .pr-name').first().click();
      await page.locator('.pr-parts').waitFor();
      const parts = await page.locator('.pr-parts .pr-part:not(.pr-part-base) .pr-points').allTextContents();
      expect(parts.length).toBeGreaterThan(0);
      expect(parts.every((points) => /^\+/.test(points.trim()))).toBe(true);
      expect(await page.locator('.pr-parts').textContent()).toMatch(/booking|chat|contact form|language|mobile|date/i);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('speaks French, and fits a phone without sideways scrolling', async () => {
    const context = await dashboardContext(browser, { width: 375 });
    const page = await context.newPage();
    try {
      await open(page, '/app/staff/prospects', 'fr');
      await page.locator('.pr-table').waitFor();
      await expect.poll(() => page.getByRole('button', { name: /^Filtres/ }).count()).toBe(1);
      expect(await sidewaysScroll(page)).toBe(0);
      await page.locator('.pr-table .pr-name').first().click();
      await page.locator('.pr-parts').waitFor();
      expect(await page.locator('.pr-parts').textContent()).toMatch(
        /rendez-vous|clavardage|formulaire|langue|mobile|daté/i,
      );
      expect(await sidewaysScroll(page)).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});

it('keeps a client account out of the prospect screens', async () => {
  const context = await dashboardContext(browser, { width: 1280 });
  const page = await context.newPage();
  try {
    await signInByApi(page, origin, customer.email);
    await page.goto(`${origin}/app/staff/prospects`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app');
  } finally {
    await context.close();
  }
}, 60_000);
