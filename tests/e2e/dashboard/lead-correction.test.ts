import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { axeFindings } from '../../support/axe';
import { clientWithPassword } from '../../support/dashboard';
import {
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
import { type SeededLeads, seedTypicalLeads } from '../../support/dashboard-seed';

/**
 * Correcting the AI's reading on the lead page, in Chromium against the built Worker: the
 * "Correct" button opens a form in place of the reading, set to the lead's values, Save
 * waits for a change; saving urgency and intent shows the new values, the correction in
 * the timeline and the activity log, and the urgency history's new point as the client's.
 * A refused request shows the API's own words; Escape gives the reading back; axe finds
 * nothing on the open form, light and dark, at a desktop's and a phone's width.
 */

let stack: BrowserStack;
let browser: Browser;
let origin: string;
const owners: Record<DashboardLang, { client: Client; leads: SeededLeads }> = {} as never;

beforeAll(async () => {
  stack = await startBrowserStack();
  ({ browser, origin } = stack);
  for (const lang of ['en', 'fr'] as const) {
    const client = await clientWithPassword(stack.database, {
      businessName: lang === 'fr' ? 'Plomberie Tremblay' : 'Tremblay Plumbing',
      email: `owner-${lang}-${randomUUID().slice(0, 8)}@plomberie.example`,
      language: lang,
    });
    owners[lang] = { client, leads: await seedTypicalLeads(stack.database, client.id, client.email) };
  }
});
afterAll(async () => {
  await stack?.close();
});

/** The words each language's screen uses. */
const WORDS = {
  en: {
    correct: 'Correct the AI’s reading',
    save: 'Save',
    cancel: 'Cancel',
    intent: 'Intent',
    urgency: 'Urgency',
    complaint: 'Complaint',
    low: 'Low',
    byYou: 'corrected by you',
    entry:
      /Triage corrected: (intent Support request → Complaint, urgency High → Low|urgency High → Low, intent Support request → Complaint)/,
    saved: /^Correction saved: .*urgency High → Low/,
    help: 'Your corrections teach Avenir how your business files its leads.',
  },
  fr: {
    correct: 'Corriger l’analyse de l’IA',
    save: 'Enregistrer',
    cancel: 'Annuler',
    intent: 'Intention',
    urgency: 'Urgence',
    complaint: 'Plainte',
    low: 'Faible',
    byYou: 'corrigé par vous',
    entry:
      /Analyse corrigée\u00a0: (intention Demande de soutien → Plainte, urgence Élevée → Faible|urgence Élevée → Faible, intention Demande de soutien → Plainte)/,
    saved: /^Correction enregistrée\u00a0: .*urgence Élevée → Faible/,
    help: 'Vos corrections apprennent à Avenir comment votre entreprise classe ses demandes.',
  },
} as const;

async function openLead(page: Page, lang: DashboardLang, id: string) {
  await signInByApi(page, origin, owners[lang].client.email);
  await chooseLang(page, lang);
  await page.goto(`${origin}/app/leads/${id}`);
  await page.locator('main.lead-page h1').waitFor();
  await settled(page);
}

const fact = (page: Page, name: string) =>
  page.locator('.facts > div', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');

describe.each(['en', 'fr'] as const)('correcting a lead (%s)', (lang) => {
  const words = WORDS[lang];

  it('opens a prefilled form, saves urgency and intent, and shows them everywhere', async () => {
    const context = await dashboardContext(browser, { width: 1280, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await openLead(page, lang, owners[lang].leads.urgent);
      const correct = page.getByRole('button', { name: words.correct });
      // Opened from the keyboard: the first choice takes the focus.
      await correct.focus();
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: words.correct });
      await form.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('correct-intent');
      expect(await form.locator('#correction-help').textContent()).toBe(words.help);
      // Set to the lead's values; nothing to save yet.
      expect(await page.getByLabel(words.intent, { exact: true }).inputValue()).toBe('support_request');
      expect(await page.getByLabel(words.urgency, { exact: true }).inputValue()).toBe('High');
      expect(await page.locator('#correct-tone').inputValue()).toBe('Frustrated');
      expect(await page.locator('#correct-language').inputValue()).toBe('en');
      const save = form.getByRole('button', { name: words.save });
      expect(await save.isDisabled()).toBe(true);

      // Escape gives the reading back, and the focus to the button that opened the form.
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('correct-reading');

      await correct.click();
      await page.getByLabel(words.intent, { exact: true }).selectOption('complaint');
      await page.getByLabel(words.urgency, { exact: true }).selectOption('Low');
      expect(await save.isDisabled()).toBe(false);
      const sent = page.waitForRequest((request) => request.url().endsWith('/correction'));
      await save.click();
      // Only what changed goes.
      expect((await sent).postDataJSON()).toEqual({ intent: 'complaint', urgency: 'Low' });
      await expect.poll(() => toastText(page).textContent()).toMatch(words.saved);
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('correct-reading');

      // The reading, the badges, the history and the timeline show the correction.
      await expect.poll(() => fact(page, words.intent).textContent()).toBe(words.complaint);
      expect(await fact(page, words.urgency).textContent()).toContain(words.low);
      expect(await page.locator('.page-header .intent').textContent()).toBe(words.complaint);
      const chart = fact(page, words.urgency).locator('svg.history-chart');
      const label = (await chart.getAttribute('aria-label')) ?? '';
      expect(label).toMatch(new RegExp(`${words.low} \\([^)]*, ${words.byYou}\\)$`));
      expect(label).not.toMatch(/human/);
      expect(await chart.locator('circle[data-author="human"]').count()).toBe(1);
      expect(await page.locator('.reading-foot .hint').textContent()).toContain(words.byYou);
      const timeline = page.locator('.timeline li').first();
      expect(await timeline.textContent()).toMatch(words.entry);
      expect(await timeline.textContent()).toContain(owners[lang].client.email);
      // The corrected reading (its history's ring and legend) holds to the same rules as the form.
      expect((await axeFindings(page)).map((finding) => `${finding.id}: ${finding.targets.join(' ')}`)).toEqual([]);

      // The activity log words it the same way.
      await page.goto(`${origin}/app/activity`);
      await page.locator('table.activity').waitFor();
      expect(await page.locator('table.activity tbody tr').first().textContent()).toMatch(words.entry);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the API’s message when the correction is refused', async () => {
    const context = await dashboardContext(browser, { width: 375, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
    const page = await context.newPage();
    try {
      await openLead(page, lang, owners[lang].leads.handled);
      // A value the form cannot offer reaches the real API, which refuses it on its field.
      await page.route('**/api/app/leads/*/correction', (route) =>
        route.continue({ postData: JSON.stringify({ urgency: 'Urgent' }) }),
      );
      await page.getByRole('button', { name: words.correct }).click();
      const form = page.getByRole('form', { name: words.correct });
      await page.locator('#correct-urgency').selectOption('High');
      await form.getByRole('button', { name: words.save }).click();
      const fieldError = form.locator('#correct-urgency-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toMatch(
        lang === 'fr'
          ? /^Choisissez une urgence parmi\s?: High, Medium, Low\.$/
          : /^Choose an urgency among: High, Medium, Low\.$/,
      );
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('correct-urgency');
      expect(await page.locator('#correct-urgency').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#correct-urgency').getAttribute('aria-describedby')).toContain(
        'correct-urgency-error',
      );

      // Any other failure: its message in the form's alert, the form kept as it was.
      await page.unroute('**/api/app/leads/*/correction');
      const message = lang === 'fr' ? 'Ce client potentiel n’existe pas.' : 'No such lead.';
      await page.route('**/api/app/leads/*/correction', (route) =>
        route.fulfill({
          status: 404,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'not_found', message, requestId: 'test' } }),
        }),
      );
      await form.getByRole('button', { name: words.save }).click();
      await expect.poll(() => form.locator('[role="alert"]').textContent()).toBe(message);
      expect(await page.locator('#correct-urgency').inputValue()).toBe('High');
      expect(await form.locator('#correct-urgency-error').count()).toBe(0);
      // Nothing was corrected.
      await page.unroute('**/api/app/leads/*/correction');
      await form.getByRole('button', { name: words.cancel }).click();
      expect(await fact(page, words.urgency).textContent()).toBe(lang === 'fr' ? 'Moyenne' : 'Medium');
      expect(await page.locator('.timeline').textContent()).not.toMatch(/corrected|corrigée/);
    } finally {
      await context.close();
    }
  });
});

describe.each(['en', 'fr'] as const)('the spam verdict beside the correction (%s)', (lang) => {
  it('moves the lead to Spam from the form, and back', async () => {
    const words = WORDS[lang];
    const context = await dashboardContext(browser, { width: 375, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
    const page = await context.newPage();
    try {
      await openLead(page, lang, owners[lang].leads.handled);
      await page.getByRole('button', { name: words.correct }).click();
      const form = page.getByRole('form', { name: words.correct });
      await form.getByRole('button', { name: lang === 'fr' ? 'Marquer comme pourriel' : 'Mark as spam' }).click();
      await expect
        .poll(() => toastText(page).textContent())
        .toBe(lang === 'fr' ? 'Déplacé vers les pourriels.' : 'Moved to Spam.');
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('correct-reading');
      await page.locator('.notice-box').waitFor();

      await page.getByRole('button', { name: words.correct }).click();
      await form.getByRole('button', { name: lang === 'fr' ? 'Pas un pourriel' : 'Not spam' }).click();
      await expect
        .poll(() => toastText(page).textContent())
        .toBe(lang === 'fr' ? 'De retour parmi vos clients potentiels.' : 'Back among your leads.');
      await expect.poll(() => page.locator('.notice-box').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the open form', () => {
  const cases = (['en', 'fr'] as const).flatMap((lang) =>
    ([1280, 375] as const).flatMap((width) =>
      (['light', 'dark'] as Scheme[]).map((scheme) => ({ lang, width, scheme })),
    ),
  );
  it.each(cases)(
    'has no axe finding and fits the screen ($lang, $width px, $scheme)',
    async ({ lang, width, scheme }) => {
      const context = await dashboardContext(browser, {
        width,
        scheme,
        locale: lang === 'fr' ? 'fr-CA' : 'en-CA',
      });
      const page = await context.newPage();
      try {
        await openLead(page, lang, owners[lang].leads.older);
        await page.getByRole('button', { name: WORDS[lang].correct }).click();
        const form = page.getByRole('form', { name: WORDS[lang].correct });
        await form.waitFor();
        await page.locator('#correct-tone').selectOption('Casual');
        expect(await form.getByRole('button', { name: WORDS[lang].save }).isDisabled()).toBe(false);
        const findings = await axeFindings(page);
        expect(findings.map((finding) => `${finding.id} (${finding.impact}): ${finding.targets.join(' ')}`)).toEqual(
          [],
        );
        expect(await sidewaysScroll(page), (await overflowing(page)).join('\n')).toBe(0);
        // Every select is labelled by its visible label.
        for (const id of ['intent', 'urgency', 'tone', 'language']) {
          expect(await page.locator(`label[for="correct-${id}"]`).count()).toBe(1);
        }
      } finally {
        await context.close();
      }
    },
  );
});
