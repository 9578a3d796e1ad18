import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { writeSampleTranslations } from '../../../scripts/lib/sample-translations';
import { type AxeFinding, axeFindings, blocking } from '../../support/axe';
import { clientWithPassword } from '../../support/dashboard';
import {
  animationsDone,
  axeCounts,
  type BrowserStack,
  chooseLang,
  type DashboardLang,
  dashboardContext,
  overflowing,
  type Scheme,
  settled,
  sidewaysScroll,
  signInByApi,
  startBrowserStack,
  toastText,
} from '../../support/dashboard-browser';
import type { TestDatabase } from '../../support/database';

/**
 * The staff's translation review on `npm start`'s sample cache: the translations by use
 * and weakest first, a weak one corrected in place (verified, scored 100 %, kept after a
 * reload), one promoted to the dictionary, the dictionary found through a plural, a typo
 * and an accent left off, a client account kept out, and axe with nothing serious or
 * critical at a desktop's and a phone's width, in light and dark, with no sideways scroll.
 */

let stack: BrowserStack;
let database: TestDatabase;
let origin: string;
let browser: Browser;
let staff: Client;
let customer: Client;
const axeReport: string[] = [];

beforeAll(async () => {
  stack = await startBrowserStack();
  ({ database, origin, browser } = stack);
  staff = await clientWithPassword(database, {
    businessName: 'Avenir',
    email: `staff-${randomUUID().slice(0, 8)}@avenir.example`,
    language: 'en',
    isInternal: true,
  });
  customer = await clientWithPassword(database, {
    businessName: 'Toitures Boréal',
    email: `owner-${randomUUID().slice(0, 8)}@boreal.example`,
    language: 'fr',
  });
  await writeSampleTranslations(database.access, new Date());
});
afterAll(async () => {
  if (axeReport.length > 0) console.info(axeReport.join('\n'));
  await stack?.close();
});

async function open(page: Page, lang: DashboardLang, email = staff.email) {
  await signInByApi(page, origin, email);
  await chooseLang(page, lang);
  await page.goto(`${origin}/app/staff/translations`);
  await page.locator('.tr-item').first().waitFor();
  await settled(page);
}

const item = (page: Page, text: string) => page.locator('.tr-item').filter({ hasText: text });
const originals = (page: Page) => page.locator('.tr-item .tr-texts > div:first-child p').allTextContents();

const cached = async (source: string) =>
  (
    await database.access.service((tx) =>
      tx.execute<{ translated_text: string; verified: boolean; quality_score: string | null }>(
        sql`select translated_text, verified, quality_score from translation_cache where source_text = ${source}`,
      ),
    )
  ).rows[0];

const ROOF = 'Le client demande une soumission pour refaire la toiture de son bungalow avant l’hiver.';

describe('the Translations screen', () => {
  it('lists the cache by use, then weakest first', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, 'en');
      expect(await page.locator('main h1').textContent()).toBe('Translations');
      expect(await page.locator('.tr-stat').textContent()).toMatch(/Dictionary: [\d,]+ entries, [\d,]+ verified/);
      const byUse = await originals(page);
      expect(byUse).toHaveLength(8);
      expect(byUse[0]).toBe('Demande de soumission');
      expect(await item(page, 'Demande de soumission').locator('.tr-uses').textContent()).toBe('52 uses');

      await page.getByRole('button', { name: 'Weakest first' }).click();
      await expect.poll(async () => (await originals(page))[0]).toMatch(/^Patient asks/);
      expect(await item(page, 'Patient asks').textContent()).toContain('Quality not scored');
      expect((await originals(page))[1]).toBe(ROOF);
      // A lead's summary names a client's lead: it never goes into the dictionary every client reads.
      expect(await item(page, ROOF).getByRole('button', { name: 'Promote' }).count()).toBe(0);
      expect(await item(page, 'Warm and reassuring').getByRole('button', { name: 'Promote' }).count()).toBe(1);

      await page.locator('#tr-q').fill('plombier');
      await expect
        .poll(() => originals(page))
        .toEqual(['Le locataire signale un dégât d’eau au sous-sol et veut un plombier aujourd’hui.']);
      expect(await page.locator('#tr-cache').textContent()).toContain('1 of 1 shown');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('corrects a weak translation in place, in French: verified, scored 100 %, kept after a reload', async () => {
    const context = await dashboardContext(browser, { width: 375 });
    const page = await context.newPage();
    try {
      await open(page, 'fr');
      const roof = item(page, ROOF);
      expect(await roof.textContent()).toContain('Qualité 41');
      await roof.getByRole('button', { name: 'Corriger' }).click();
      const field = roof.locator('textarea');
      await field.fill('   ');
      await roof.getByRole('button', { name: 'Enregistrer la correction' }).click();
      expect(await roof.locator('.field-error').textContent()).toBe('Écrivez la traduction.');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');

      const fixed = 'The client is asking for a quote to redo the roof of his bungalow before winter.';
      await field.fill(fixed);
      await roof.getByRole('button', { name: 'Enregistrer la correction' }).click();
      await expect.poll(() => toastText(page).textContent()).toBe('Correction enregistrée et vérifiée.');
      expect(await roof.textContent()).toContain(fixed);
      expect(await roof.textContent()).toMatch(/Qualité 100\s%/);
      expect(await roof.textContent()).toContain('Vérifiée');
      expect(await cached(ROOF)).toEqual({ translated_text: fixed, verified: true, quality_score: '1.000' });

      await page.reload();
      await page.locator('.tr-item').first().waitFor();
      expect(await item(page, ROOF).textContent()).toContain(fixed);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('promotes a translation to the dictionary, which then finds it through a typo', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, 'en');
      const tone = item(page, 'Warm and reassuring');
      await tone.getByRole('button', { name: 'Promote' }).click();
      await expect
        .poll(() => toastText(page).textContent())
        .toBe('“Warm and reassuring” is in the dictionary now: lookups use it first.');
      expect(await tone.textContent()).toContain('In the dictionary');
      expect(await tone.getByRole('button', { name: 'Replace in the dictionary' }).count()).toBe(1);

      const lookUp = async (term: string, from: 'French' | 'English') => {
        await page.locator('#tr-term').fill(term);
        await page.locator('.tr-from').getByRole('button', { name: from }).click();
        await page.getByRole('button', { name: 'Look up', exact: true }).click();
      };
      const firstMatch = () => page.locator('#tr-dictionary tbody tr').first().locator('td');
      await lookUp('warm and reasuring', 'English');
      await expect
        .poll(async () => (await firstMatch().allTextContents()).slice(0, 2))
        .toEqual(['Warm and reassuring', 'Chaleureux et rassurant']);

      // A plural with a capital: the same folded key, so "Same term".
      await lookUp('Thermopompes', 'French');
      await expect.poll(async () => (await firstMatch().allTextContents())[0]).toBe('thermopompe');
      expect(await firstMatch().nth(1).textContent()).toBe('heat pump');
      expect(await firstMatch().nth(4).textContent()).toBe('Same term');

      // The accent left off: the folded key is the same.
      await lookUp('disponibilite', 'French');
      await expect.poll(async () => (await firstMatch().allTextContents())[0]).toBe('disponibilité');

      await lookUp('qwxz', 'French');
      await expect
        .poll(() => page.locator('#tr-dictionary p.muted').textContent())
        .toBe(
          'No entry is close enough to “qwxz” (a match shares at least half of its three-letter groups with the term).',
        );
    } finally {
      await context.close();
    }
  }, 60_000);
});

it('keeps a client account out: no Translations in the menu, and the address gives the home', async () => {
  const context = await dashboardContext(browser, { width: 1280 });
  const page = await context.newPage();
  try {
    await signInByApi(page, origin, customer.email);
    await page.goto(`${origin}/app/staff/translations`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app');
    expect(await page.locator('header.top nav').textContent()).not.toMatch(/Translations|Traductions/);
  } finally {
    await context.close();
  }
}, 60_000);

const COMBOS: { scheme: Scheme; width: number }[] = [
  { scheme: 'light', width: 1280 },
  { scheme: 'dark', width: 375 },
];

describe.each(COMBOS)('at $width px, $scheme', ({ scheme, width }) => {
  it('has no serious or critical axe finding and no sideways scrolling, in English and in French', async () => {
    const context = await dashboardContext(browser, { width, scheme });
    const page = await context.newPage();
    const serious: Record<string, string[]> = {};
    const scrolling: Record<string, string> = {};
    try {
      for (const lang of ['en', 'fr'] as const) {
        const name = `translations [${lang}, ${width} px, ${scheme}]`;
        await open(page, lang);
        // The correction form open, as staff see it while writing.
        await page.locator('.tr-item').nth(1).locator('button').first().click();
        await page.locator('.tr-item textarea').waitFor();
        await animationsDone(page);
        const findings: AxeFinding[] = await axeFindings(page);
        axeReport.push(`axe ${name}: ${axeCounts(findings)}`);
        const found = blocking(findings);
        if (found.length > 0)
          serious[name] = found.map((finding) => `${finding.id} (${finding.impact}): ${finding.targets.join(' | ')}`);
        const extra = await sidewaysScroll(page);
        if (extra > 0) scrolling[name] = `${extra} px: ${(await overflowing(page)).join('; ')}`;
      }
      expect(serious).toEqual({});
      expect(scrolling).toEqual({});
    } finally {
      await context.close();
    }
  }, 120_000);
});
