import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { leadActions, leadMemory } from '../../../schema';
import type { InsightsRefreshView } from '../../../schema/app-api';
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
import { seedTypicalLeads } from '../../support/dashboard-seed';
import type { TestDatabase } from '../../support/database';

/**
 * The Insights screen (/app/insights) as a client uses it, against the built Worker and
 * its queue: the figures of a client never analysed, the "Growth Copilot" refresh
 * followed to a new analysis without a page load, a recommendation opening the inbox
 * filtered, the period kept in the URL, the Monday digest setting, the empty state, the
 * printed page, and axe with no serious or critical finding in English and French at a
 * desktop's and a phone's width, with no sideways scrolling.
 */

let stack: BrowserStack;
let database: TestDatabase;
let origin: string;
let browser: Browser;
/** A client with ten weeks of leads: every chart has something to draw. */
let owner: Client;
/** A client with no lead: the screen explains how to get some. */
let newcomer: Client;
const axeReport: string[] = [];

const INTENTS = ['Quote request', 'Support request', 'Booking request', 'Complaint', 'Service inquiry'] as const;
const URGENCIES = ['High', 'Medium', 'Low'] as const;
const TONES = ['Friendly', 'Professional', 'Formal', 'Casual', 'Frustrated', 'Enthusiastic'] as const;

/**
 * Thirty leads over the last ten weeks, in both languages, of five intents, every
 * urgency and tone, some converted, most answered automatically, a third acted on by
 * the owner after a while: enough for each chart and each term of the engagement score.
 */
async function seedHistory(clientId: string, ownerEmail: string) {
  await database.access.service(async (tx) => {
    const rows = await tx
      .insert(leadMemory)
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          clientId,
          name: `Client ${i + 1}`,
          email: `client${i + 1}@example.ca`,
          message: i % 3 === 0 ? 'Bonjour, une soumission svp.' : 'Hello, could you send me a quote?',
          language: i % 3 === 0 ? ('fr' as const) : ('en' as const),
          intent: INTENTS[i % INTENTS.length]!,
          urgency: URGENCIES[i % URGENCIES.length],
          tone: TONES[i % TONES.length],
          // Weeks 3 and 4 have leads but no confidence: the line has a gap.
          confidenceScore: i >= 12 && i < 16 ? null : 0.55 + (i % 5) / 10,
          currentTag: i % 6 === 0 ? 'Converted' : null,
          enrichmentEngine: 'offline' as const,
          createdAt: sql`now() - make_interval(hours => ${i * 52 + 5})`,
        })),
      )
      .returning({ id: leadMemory.id });
    await tx.insert(leadActions).values(
      rows.flatMap((row, i) => [
        {
          leadId: row.id,
          clientId,
          actionType: 'created' as const,
          performedBy: 'widget',
          timestamp: sql`now() - make_interval(hours => ${i * 52 + 5})`,
        },
        ...(i % 4 === 3
          ? []
          : [
              {
                leadId: row.id,
                clientId,
                actionType: 'replied' as const,
                performedBy: 'system',
                timestamp: sql`now() - make_interval(hours => ${i * 52 + 5}) + interval '1 minute'`,
              },
            ]),
        ...(i % 3 === 1
          ? [
              {
                leadId: row.id,
                clientId,
                actionType: 'tagged' as const,
                tag: 'Hot Lead',
                performedBy: ownerEmail,
                timestamp: sql`now() - make_interval(hours => ${i * 52 + 5}) + make_interval(mins => ${20 + i * 7})`,
              },
            ]
          : []),
      ]),
    );
  });
}

beforeAll(async () => {
  stack = await startBrowserStack();
  ({ database, origin, browser } = stack);
  owner = await clientWithPassword(database, {
    businessName: 'Plomberie Lavoie & Fils',
    email: `owner-${randomUUID().slice(0, 8)}@lavoie.example`,
    language: 'en',
  });
  newcomer = await clientWithPassword(database, {
    businessName: 'Paysagiste Nouveau',
    email: `new-${randomUUID().slice(0, 8)}@paysage.example`,
    language: 'fr',
  });
  await seedTypicalLeads(database, owner.id, owner.email);
  await seedHistory(owner.id, owner.email);
});
afterAll(async () => {
  if (axeReport.length > 0) console.info(axeReport.join('\n'));
  await stack?.close();
});

/** Opens the Insights screen in `lang` (signed in as `email`) and waits for its figures. */
async function openInsights(page: Page, email: string, lang: DashboardLang, search = '') {
  await signInByApi(page, origin, email);
  await chooseLang(page, lang);
  await page.goto(`${origin}/app/insights${search}`);
  await page.locator('main.insights h1').waitFor();
  await settled(page);
}

/** The refresh status as the API sees it, asked from the page (its session). */
const refreshStatus = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/app/insights/refresh')).json()) as InsightsRefreshView);

/** What the button's description says: "3 refreshes per hour, 2 left." */
const limitText = (page: Page) => page.locator('#insights-refresh-limit').textContent();

describe('the Growth Copilot refresh', () => {
  it('shows the figures of a client never analysed, runs an analysis and shows it in place', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await openInsights(page, owner.email, 'en');
      // Never analysed: this week's figures are computed on the spot, without advice yet.
      await page.locator('.never-analysed').waitFor();
      await page.locator('.key-figures .stat').first().waitFor();
      const before = await refreshStatus(page);
      expect(before.state).toBe('idle');
      expect(await limitText(page)).toBe(`${before.limit} refreshes per hour, ${before.remaining} left.`);

      // A page load would lose this: the new analysis must come in place.
      await page.evaluate(() => {
        (window as unknown as { stayed: boolean }).stayed = true;
      });
      const button = page.getByRole('button', { name: 'Refresh with Growth Copilot' });
      await button.click();
      await page.locator('main.insights button[aria-busy="true"]').waitFor();
      await expect
        .poll(() => page.locator('.refresh-progress').textContent(), { timeout: 10_000 })
        .toMatch(/In line|Analysing/);

      await page.locator('.recommendations .rec').first().waitFor({ timeout: 60_000 });
      await expect.poll(() => toastText(page).textContent()).toMatch(/^New analysis ready: \d+ leads? this period/);
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      await expect.poll(() => page.locator('.never-analysed').count()).toBe(0);
      await expect
        .poll(() => page.locator('.page-header').textContent())
        .toMatch(/Last analysis: .+, by (OpenAI|Avenir’s built-in rules)\./);
      const after = await refreshStatus(page);
      expect(after.remaining).toBe(before.remaining - 1);
      expect(await limitText(page)).toBe(`${after.limit} refreshes per hour, ${after.remaining} left.`);
      // The recommendations: 3 to 5, each with its title, words and evidence.
      const cards = page.locator('.rec-list > li');
      expect(await cards.count()).toBeGreaterThanOrEqual(3);
      expect(await cards.count()).toBeLessThanOrEqual(5);
      await expect.poll(() => cards.first().locator('h3').textContent()).not.toBe('');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('opens the inbox filtered as a recommendation means it', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await openInsights(page, owner.email, 'en');
      await page.locator('.recommendations .rec').first().waitFor();
      const link = page.locator('.rec-link[href^="/app/inbox?"]').first();
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/app\/inbox\?.+/);
      await link.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/app/inbox');
      await page.locator('li.lead').first().waitFor();
      // Every filter of the link is the inbox's (it keeps them in its address), shown as a chip.
      const asked = new URL(href!, origin).searchParams;
      const shown = new URL(page.url()).searchParams;
      for (const [name, value] of asked) expect(shown.get(name), name).toBe(value);
      if ([...asked.keys()].some((name) => name !== 'status' && name !== 'sort'))
        await page.locator('.chips .chip').first().waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the period', () => {
  it('is kept in the URL, custom days included, and a reversed period is refused in words', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await openInsights(page, owner.email, 'en');
      await page.getByRole('button', { name: 'Last 4 weeks' }).click();
      await expect.poll(() => new URL(page.url()).search).toBe('?period=4w');
      await expect.poll(() => page.locator('.page-header').textContent()).toContain('(28 days)');

      await page.reload();
      await settled(page);
      expect(await page.getByRole('button', { name: 'Last 4 weeks' }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.locator('.page-header').textContent()).toContain('(28 days)');

      await page.getByRole('button', { name: 'Custom' }).click();
      const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      await page.locator('#insights-from').fill(day(2));
      await page.locator('#insights-to').fill(day(20));
      await page.getByRole('button', { name: 'Show this period' }).click();
      await expect.poll(() => page.locator('.period-problem').textContent()).toContain('comes before the first');
      await page.locator('#insights-from').fill(day(40));
      await page.getByRole('button', { name: 'Show this period' }).click();
      await expect.poll(() => new URL(page.url()).search).toBe(`?period=custom&from=${day(40)}&to=${day(20)}`);
      await expect.poll(() => page.locator('.page-header').textContent()).toMatch(/\(2[01] days\)/);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('a client with no lead', () => {
  it('is told how to put the form on its website, and taken to its code', async () => {
    const context = await dashboardContext(browser, { width: 1280, locale: 'fr-CA' });
    const page = await context.newPage();
    try {
      await openInsights(page, newcomer.email, 'fr');
      await page.locator('#insights-empty-title').waitFor();
      expect(await page.locator('#insights-empty-title').textContent()).toBe(
        'Aucun client potentiel à analyser pour l’instant',
      );
      await page.getByRole('link', { name: 'Ajouter le formulaire à votre site Web' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/app/settings');
      await page.locator('#st-embed').waitFor();
      await expect
        .poll(() => page.locator('#st-embed').evaluate((card) => card.getBoundingClientRect().top < innerHeight))
        .toBe(true);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the Monday digest setting', () => {
  it('is on by default, turns off with its section’s save, and stays off', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await signInByApi(page, origin, owner.email);
      await chooseLang(page, 'en');
      await page.goto(`${origin}/app/settings`);
      const box = page.getByRole('checkbox', { name: 'Email me the Monday digest' });
      await box.waitFor();
      expect(await box.isChecked()).toBe(true);
      await box.uncheck();
      await page.getByRole('button', { name: 'Save the business details' }).click();
      await expect.poll(() => page.locator('#st-business [role="status"]').textContent()).toBe('Settings saved.');
      await page.reload();
      await box.waitFor();
      expect(await box.isChecked()).toBe(false);
      const saved = await page.evaluate(
        async () => ((await (await fetch('/api/app/settings')).json()) as { weeklyDigest: boolean }).weeklyDigest,
      );
      expect(saved).toBe(false);
      await box.check();
      await page.getByRole('button', { name: 'Save the business details' }).click();
      await expect.poll(() => page.locator('#st-business [role="status"]').textContent()).toBe('Settings saved.');
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the printed page', () => {
  it('leaves out the navigation and the controls, keeps each chart whole, and prints on white', async () => {
    const context = await dashboardContext(browser, { width: 1280, scheme: 'dark' });
    const page = await context.newPage();
    try {
      await openInsights(page, owner.email, 'en');
      await page.locator('.charts .chart').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.top').isVisible()).toBe(false);
      expect(await page.locator('.period-picker').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Refresh with Growth Copilot' }).isVisible()).toBe(false);
      const styles = await page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        breaks: [...document.querySelectorAll('.chart, .rec, .stat')].map(
          (element) => getComputedStyle(element).breakInside,
        ),
      }));
      expect(styles.body).toBe('rgb(255, 255, 255)');
      expect(styles.text).toBe('rgb(22, 32, 31)');
      expect(new Set(styles.breaks)).toEqual(new Set(['avoid']));
      // The browser's own print: it completes, several pages long.
      const pdf = await page.pdf({ format: 'Letter' });
      expect(pdf.length).toBeGreaterThan(10_000);
    } finally {
      await context.close();
    }
  }, 60_000);
});

const COMBOS = (['light', 'dark'] as Scheme[]).flatMap((scheme) => [1280, 360].map((width) => ({ scheme, width })));

describe.each(COMBOS)('at $width px, $scheme', ({ scheme, width }) => {
  it('has no serious or critical axe finding and no sideways scrolling, in English and in French', async () => {
    const context = await dashboardContext(browser, { width, scheme });
    const page = await context.newPage();
    const serious: Record<string, string[]> = {};
    const scrolling: Record<string, string> = {};
    const check = async (name: string) => {
      await animationsDone(page);
      const findings: AxeFinding[] = await axeFindings(page);
      axeReport.push(`axe insights ${name}: ${axeCounts(findings)}`);
      const found = blocking(findings);
      if (found.length > 0)
        serious[name] = found.map((finding) => `${finding.id} (${finding.impact}): ${finding.targets.join(' | ')}`);
      const extra = await sidewaysScroll(page);
      if (extra > 0) scrolling[name] = `${extra} px: ${(await overflowing(page)).join('; ')}`;
    };
    try {
      for (const lang of ['en', 'fr'] as const) {
        const at = `[${lang}, ${width} px, ${scheme}]`;
        await openInsights(page, owner.email, lang);
        await page.locator('.charts .chart').first().waitFor();
        await check(`week ${at}`);
        // Every table under its chart, and the explanations, opened.
        await page.evaluate(() => {
          for (const details of document.querySelectorAll('main details')) (details as HTMLDetailsElement).open = true;
        });
        await check(`week, tables open ${at}`);
        await page.getByRole('button', { name: lang === 'fr' ? 'Personnalisée' : 'Custom' }).click();
        await page.locator('#insights-from').waitFor();
        await check(`custom period form ${at}`);
        await openInsights(page, newcomer.email, lang);
        await page.locator('#insights-empty-title').waitFor();
        await check(`no lead ${at}`);
      }
      expect(serious).toEqual({});
      expect(scrolling).toEqual({});
    } finally {
      await context.close();
    }
  }, 180_000);
});

it('writes its figures the Quebec French way', async () => {
  const context = await dashboardContext(browser, { width: 1280, locale: 'fr-CA' });
  const page = await context.newPage();
  try {
    await openInsights(page, owner.email, 'fr', '?period=12w');
    await page.locator('.charts .chart').first().waitFor();
    const text = (await page.locator('main.insights').textContent()) ?? '';
    // "33,3 %": a decimal comma and a non-breaking space before the sign; never "33.3%".
    expect(text).toMatch(/\d,\d\u00a0%/);
    expect(text).not.toMatch(/\d\.\d\s?%/);
    expect(text).toContain('Comment c’est calculé');
    expect(await page.locator('.chart figcaption h2').first().textContent()).toBe('Clients potentiels par semaine');
  } finally {
    await context.close();
  }
}, 60_000);

it('says when the refresh limit is reached, and when the next one is possible', async () => {
  const context = await dashboardContext(browser, { width: 1280 });
  const page = await context.newPage();
  try {
    await openInsights(page, owner.email, 'en');
    // Use what is left of the hour's refreshes, one after the other, as a person would.
    let status = await refreshStatus(page);
    for (; status.remaining > 0; status = await refreshStatus(page)) {
      await page.evaluate(() => fetch('/api/app/insights/refresh', { method: 'POST' }));
      await expect
        .poll(async () => (await refreshStatus(page)).state, { timeout: 60_000, interval: 500 })
        .toMatch(/idle|failed/);
    }
    await page.reload();
    await settled(page);
    const button = page.getByRole('button', { name: 'Refresh with Growth Copilot' });
    expect(await button.isDisabled()).toBe(true);
    expect(await limitText(page)).toMatch(
      new RegExp(`^${status.limit} refreshes per hour, none left\\. Next one possible at .+\\.$`),
    );
  } finally {
    await context.close();
  }
}, 240_000);
