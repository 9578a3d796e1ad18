import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import type { AbTestCreated, EditedVariantView, PromptsView } from '../../../schema/learning-api';
import { writeSampleLearning } from '../../../scripts/lib/sample-learning';
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
 * The learning loop's staff screens (Learning, Prompts, System) as Avenir staff use them,
 * on `npm start`'s sample learning data: the figures in English and in Quebec French, the
 * window kept in the address, editing a variant then testing it against its parent (the
 * POST answers stubbed: that API is another change's), the API's refusal shown in the
 * screen's language, a client account kept out, and axe with nothing serious or critical in
 * light and dark, at a desktop's and a phone's width, with no sideways scrolling.
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
    businessName: 'Plomberie Lavoie',
    email: `owner-${randomUUID().slice(0, 8)}@lavoie.example`,
    language: 'fr',
  });
  await writeSampleLearning(database.access);
});
afterAll(async () => {
  if (axeReport.length > 0) console.info(axeReport.join('\n'));
  await stack?.close();
});

const SCREENS = {
  learning: { path: '/app/staff/learning', ready: '#sl-accuracy-title' },
  prompts: { path: '/app/staff/prompts', ready: '#sp-tests' },
  system: { path: '/app/staff/system', ready: '#ss-intelligence_engine-title' },
} as const;

/** A chart's figure, named by its title's id. */
const figure = (page: Page, id: string) => page.locator(`figure[aria-labelledby="${id}-title"]`);

async function open(page: Page, screen: keyof typeof SCREENS, lang: DashboardLang, search = '', email = staff.email) {
  await signInByApi(page, origin, email);
  await chooseLang(page, lang);
  await page.goto(`${origin}${SCREENS[screen].path}${search}`);
  await page.locator(SCREENS[screen].ready).waitFor();
  await settled(page);
}

describe('the Learning screen', () => {
  it('shows the figures, the accuracy chart with its table, the confusion matrix and the corrections', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, 'learning', 'en');
      expect(await page.locator('main h1').textContent()).toBe('Learning');
      const figures = page.locator('main .stats .stat-value');
      expect(await figures.count()).toBe(4);
      expect(Number((await figures.first().textContent())?.replace(/\D/g, ''))).toBeGreaterThan(50);
      expect(await figure(page, 'sl-accuracy').locator('.chart-legend li').allTextContents()).toEqual([
        'OpenAI',
        'Offline engine',
      ]);
      await figure(page, 'sl-accuracy').locator('summary').click();
      expect(await figure(page, 'sl-accuracy').locator('table caption').textContent()).toBe(
        'Accuracy by engine: the figures',
      );
      expect(await figure(page, 'sl-accuracy').locator('tbody tr').count()).toBeGreaterThan(10);
      // The matrix: a header per intent, the diagonal outlined.
      expect(await page.locator('table.confusion thead th').count()).toBeGreaterThan(4);
      expect(await page.locator('table.confusion td.confusion-diagonal').count()).toBeGreaterThan(3);
      const feed = page.locator('.correction-feed > li');
      expect(await feed.count()).toBeGreaterThan(3);
      const first = feed.first();
      expect(await first.locator('strong').textContent()).toMatch(/Plomberie Tremblay|Harbour Kitchens/);
      expect(((await first.locator('blockquote').textContent()) ?? '').length).toBeLessThanOrEqual(160);
      expect(await first.locator('.feed-changes ins').count()).toBeGreaterThan(0);

      // Another window: in the address, and the figures follow.
      const before = await figures.first().textContent();
      await page.getByRole('button', { name: '7 days', exact: true }).click();
      await expect.poll(() => page.url()).toContain('?days=7');
      await expect.poll(() => figures.first().textContent()).not.toBe(before);
      await page.reload();
      await page.locator('#sl-accuracy-title').waitFor();
      expect(await page.getByRole('button', { name: '7 days', exact: true }).getAttribute('aria-pressed')).toBe('true');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('speaks Quebec French, figures included', async () => {
    const context = await dashboardContext(browser, { width: 1280, locale: 'fr-CA' });
    const page = await context.newPage();
    try {
      await open(page, 'learning', 'fr');
      expect(await page.locator('main h1').textContent()).toBe('Apprentissage');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toMatch(/\d\u00a0%/);
      expect(text).not.toMatch(/\d%/);
      expect(text).toContain('Dernières corrections');
      expect(text).toContain('Moteur hors ligne');
      // Intent names in French in the matrix and the feed.
      expect(await page.locator('table.confusion thead').textContent()).toContain('Demande de soumission');
      expect(await page.locator('header.top nav').textContent()).toContain('Invites IA');
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the Prompts screen', () => {
  it('shows every variant, the one in use, the tests with their arms and the lineage', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, 'prompts', 'en');
      const winner = page.locator('.variant', { has: page.locator('code', { hasText: /^triage\.en\.v2\.sample$/ }) });
      expect(await winner.locator('.badge').allTextContents()).toContain('In use');
      expect(await page.locator('.staff-test .badge').allTextContents()).toEqual(
        expect.arrayContaining(['Collecting', 'Winner found']),
      );
      const done = page.locator('.staff-test', { hasText: 'triage.en: v1 vs v2 (sample)' });
      expect(await done.locator('table caption').textContent()).toContain('each arm’s figures');
      expect(await done.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['92', '88']);
      expect(await page.locator('.evolution-tree').textContent()).toContain('Manual edit');
      // No OpenAI key in this Worker: no Evolve button, and the screen says why.
      expect(await page.getByRole('button', { name: /^Evolve/ }).count()).toBe(0);
      expect(await page.locator('.notice-line').textContent()).toContain('OPENAI_API_KEY');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('edits a variant into a child, then tests it against its parent in one click', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, 'prompts', 'en');
      const view = await page.evaluate(
        async () => (await (await fetch('/api/app/staff/prompts')).json()) as PromptsView,
      );
      const parent = view.variants.find((variant) => variant.variantId === 'triage.fr.v1')!;
      const edited: EditedVariantView = {
        variant: {
          ...parent,
          id: randomUUID(),
          variantId: 'triage.fr.v3',
          version: 3,
          inUse: false,
          parentVariantId: 'triage.fr.v1',
        },
        evolution: {
          id: randomUUID(),
          parentVariantId: 'triage.fr.v1',
          childVariantId: 'triage.fr.v3',
          type: 'manual_edit',
          strategy: null,
          improvementScore: null,
          evolvedAt: new Date().toISOString(),
        },
      };
      const sent: unknown[] = [];
      await page.route('**/api/app/staff/prompts/triage.fr.v1/edit', async (route) => {
        sent.push(route.request().postDataJSON());
        await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify(edited) });
      });
      await page.route('**/api/app/staff/ab-tests', async (route) => {
        sent.push(route.request().postDataJSON());
        const test = {
          ...view.tests[0]!,
          testName: 'triage.fr: v1 vs v3',
          status: 'running' as const,
          decision: 'collecting' as const,
        };
        await route.fulfill({
          status: 201,
          contentType: 'application/json',
          body: JSON.stringify({ test } satisfies AbTestCreated),
        });
      });

      await page.getByRole('button', { name: 'Edit triage.fr.v1' }).click();
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      // Unchanged text: said in words, nothing sent.
      await dialog.getByRole('button', { name: 'Save as a new variant' }).click();
      expect(await dialog.locator('.field-error').textContent()).toContain('Change the text before saving.');
      await dialog.locator('textarea').fill('Tu tries les messages, en mieux.');
      await dialog.getByRole('button', { name: 'Save as a new variant' }).click();
      await page.locator('#sp-edited-title').waitFor();
      expect(await page.locator('#sp-edited-title').textContent()).toBe('triage.fr.v3 is saved');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sp-edited-title');
      await page.getByRole('button', { name: 'Test against its parent' }).click();
      await expect.poll(() => toastText(page).textContent()).toBe('triage.fr: v1 vs v3 has started.');
      expect(sent).toEqual([
        { text: 'Tu tries les messages, en mieux.' },
        { controlVariantId: 'triage.fr.v1', treatmentVariantId: 'triage.fr.v3' },
      ]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows the API’s refusal in the screen’s language', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, 'prompts', 'fr');
      const languages: (string | null)[] = [];
      await page.route('**/api/app/staff/ab-tests/*/look', async (route) => {
        languages.push(route.request().headers()['accept-language'] ?? null);
        await route.fulfill({
          status: 409,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'invalid_request', message: 'Ce test n’est plus en cours.', requestId: 'x' },
          }),
        });
      });
      await page.getByRole('button', { name: 'Examiner maintenant' }).click();
      await expect
        .poll(() => page.locator('.staff-test [role="alert"]').allTextContents())
        .toContain('Ce test n’est plus en cours.');
      expect(languages).toEqual(['fr']);
      // Cancelling asks first; Escape keeps the test.
      await page.getByRole('button', { name: 'Annuler le test' }).first().click();
      await page.locator('dialog[open]').waitFor();
      expect(await page.locator('dialog[open] h2').textContent()).toMatch(/^Annuler .+\u00a0\?$/);
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the System screen', () => {
  it('shows every main component with its calls, percentiles and rates, the AI’s fallbacks included', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, 'system', 'en');
      const rows = page.locator('.staff-overview tbody tr');
      expect(await rows.locator('td:first-child').allTextContents()).toEqual([
        'Lead API',
        'AI engine',
        'Translation',
        'Mail',
      ]);
      const ai = await rows.nth(1).locator('td').allTextContents();
      expect(Number(ai[1]!.replace(/\D/g, ''))).toBeGreaterThan(100);
      expect(ai[2]).toMatch(/^\d[\d,]*\u00a0ms$/);
      expect(ai[5]).toMatch(/%$/);
      expect(await figure(page, 'ss-intelligence_engine').locator('.chart-summary').textContent()).toContain(
        'fallbacks',
      );
      await page.getByRole('button', { name: 'Today', exact: true }).click();
      await expect.poll(() => page.url()).toContain('?days=1');
    } finally {
      await context.close();
    }
  }, 60_000);
});

it('keeps a client account out: no staff entry in the menu, and the address gives the home', async () => {
  const context = await dashboardContext(browser, { width: 1280 });
  const page = await context.newPage();
  try {
    await signInByApi(page, origin, customer.email);
    await page.goto(`${origin}/app/staff/learning`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app');
    expect(await page.locator('header.top nav').textContent()).not.toMatch(/Learning|Apprentissage|Prompts|Invites/);
  } finally {
    await context.close();
  }
}, 60_000);

const COMBOS: { scheme: Scheme; width: number }[] = [
  { scheme: 'light', width: 1280 },
  { scheme: 'dark', width: 375 },
  { scheme: 'dark', width: 1280 },
  { scheme: 'light', width: 375 },
];

describe.each(COMBOS)('at $width px, $scheme', ({ scheme, width }) => {
  it('has no serious or critical axe finding and no sideways scrolling, in English and in French', async () => {
    const context = await dashboardContext(browser, { width, scheme });
    const page = await context.newPage();
    const serious: Record<string, string[]> = {};
    const scrolling: Record<string, string> = {};
    const check = async (name: string) => {
      await animationsDone(page);
      const findings: AxeFinding[] = await axeFindings(page);
      axeReport.push(`axe ${name}: ${axeCounts(findings)}`);
      const found = blocking(findings);
      if (found.length > 0)
        serious[name] = found.map((finding) => `${finding.id} (${finding.impact}): ${finding.targets.join(' | ')}`);
      const extra = await sidewaysScroll(page);
      if (extra > 0) scrolling[name] = `${extra} px: ${(await overflowing(page)).join('; ')}`;
    };
    try {
      for (const lang of ['en', 'fr'] as const) {
        const at = `[${lang}, ${width} px, ${scheme}]`;
        for (const screen of Object.keys(SCREENS) as (keyof typeof SCREENS)[]) {
          await open(page, screen, lang);
          await page.evaluate(() => {
            for (const details of document.querySelectorAll('main details'))
              (details as HTMLDetailsElement).open = true;
          });
          await check(`${screen} ${at}`);
          if (screen === 'prompts') {
            await page.locator('.variant button').first().click();
            await page.locator('dialog[open]').waitFor();
            await check(`prompts, editing ${at}`);
            await page.keyboard.press('Escape');
          }
        }
      }
      expect(serious).toEqual({});
      expect(scrolling).toEqual({});
    } finally {
      await context.close();
    }
  }, 180_000);
});
