import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROSPECT_SCREEN_NAMES } from '../../../dashboard/header';
import { FORM_TESTS_STRINGS } from '../../../dashboard/strings/form-tests';
import type { Client } from '../../../schema';
import type { FormTestsView } from '../../../schema/form-tests-api';
import type { DiscoveryView } from '../../../schema/prospects-api';
import type { AutoresponderTone, FormTestStatus } from '../../../schema/vocabulary';
import { writeSampleProspecting } from '../../../scripts/lib/sample-prospects';
import { type DemoSites, startDemoSites } from '../../../scripts/stack/demo-sites';
import { createOfflineEmbedder } from '../../../worker/platform/ai/offline-embedding';
import { clientWithPassword } from '../../support/dashboard';
import {
  type BrowserStack,
  chooseLang,
  type DashboardLang,
  dashboardContext,
  overflowing,
  settled,
  sidewaysScroll,
  signInByApi,
  startBrowserStack,
  toastText,
} from '../../support/dashboard-browser';

/**
 * Contact-form testing as the operator meets it on `npm start`: the demo pool discovered,
 * a batch proposed and approved on the Form tests screen, the demo businesses' forms filled
 * and submitted, their answers mailed back through the Worker's email() (the local email
 * endpoint wrangler serves), and the screen filling in as they arrive: a robotic template,
 * a personalized reply, a person's note, a CAPTCHA refused, silence that becomes a timeout
 * when the cron runs. In French too, at a phone's width, and out of a client's reach.
 */

let stack: BrowserStack;
let sites: DemoSites;
let staff: Client;
let customer: Client;
/** The Worker's address, known once it started; the demo sites deliver their answers there. */
let workerOrigin = '';

const INBOUND = {
  INBOUND_DOMAIN: 'inbound.avenir.local',
  INBOUND_TOKEN_SECRET: 'an-e2e-inbound-secret-of-at-least-32-chars',
  FORM_TEST_SENDER_NAME: 'Marie Tremblay',
  FORM_TEST_PHONE: '+1 514 555-0100',
  // Every qualifying demo business in one batch.
  FORM_TESTS_PER_DAY: '100',
};

beforeAll(async () => {
  sites = await startDemoSites({
    inbound: {
      url: 'http://127.0.0.1/cdn-cgi/handler/email',
      // The person who answers by hand does so in seconds here, not a minute and a half.
      humanDelayMs: 3_000,
      personalizedDelayMs: 500,
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        return fetch(`${workerOrigin}${url.pathname}${url.search}`, init);
      },
    },
  });
  stack = await startBrowserStack({ DEMO_SITES_ORIGIN: sites.origin, ...INBOUND });
  workerOrigin = stack.origin;
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

const WAIT = { timeout: 90_000, interval: 1_000 };

async function open(page: Page, lang: DashboardLang, email = staff.email) {
  await signInByApi(page, stack.origin, email);
  await chooseLang(page, lang);
  await page.goto(`${stack.origin}/app/staff/form-tests`);
  await page.locator('main h1').waitFor();
  await settled(page);
}

const formTestsView = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/app/staff/form-tests')).json()) as FormTestsView);

/** The demo pool discovered and analysed, as on `npm start` after "Run discovery now". */
async function poolDiscovered(page: Page) {
  const view = () =>
    page.evaluate(async () => (await (await fetch('/api/app/staff/discovery')).json()) as DiscoveryView);
  if ((await view()).runs.length === 0) {
    await page.evaluate(() =>
      fetch('/api/app/staff/discovery/run', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
    );
  }
  await expect.poll(async () => (await view()).runs[0]?.status, WAIT).toBe('completed');
}

/** The badges the tests list shows, one line per test: "Answered · Robotic template". */
const badgeLines = (page: Page) =>
  page
    .locator('.ft-tests .ft-test .pr-badges')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('.badge')].map((badge) => (badge.textContent ?? '').trim()).join(' · '),
      ),
    );

/** Tests of the pool as the API has them: status, and tone when answered. */
const outcomes = async (page: Page) =>
  (await formTestsView(page)).tests.map((test) => ({
    business: test.businessName,
    status: test.status,
    tone: test.autoresponder?.tone ?? null,
    failure: test.failure?.reason ?? null,
  }));

describe('the Form tests screen', () => {
  it('proposes a batch, asks for approval, and fills in as the businesses answer', async () => {
    const context = await dashboardContext(stack.browser, { width: 1280 });
    const page = await context.newPage();
    const f = FORM_TESTS_STRINGS.en;
    await open(page, 'en');
    await poolDiscovered(page);
    await page.reload();
    await settled(page);

    // Nothing is sent until a person approves: proposing only lists who would be written to.
    await page.locator('#ft-limit').fill('30');
    await page.getByRole('button', { name: f.ftPropose }).click();
    const review = page.locator('.ft-review');
    await review.waitFor();
    const proposed = await review.locator('tbody tr').count();
    expect(proposed).toBeGreaterThanOrEqual(5);
    expect((await formTestsView(page)).tests).toHaveLength(0);
    await expect.poll(() => review.locator('.notice-box').textContent()).toContain(String(proposed));

    await review.getByRole('button', { name: f.ftApprove }).click();
    await expect.poll(() => toastText(page).textContent()).toContain(f.ftApproved.split(':')[0]);

    // Every demo form's way of answering arrives, without reloading the page.
    const tones: AutoresponderTone[] = ['robotic', 'personalized', 'human'];
    await expect
      .poll(async () => {
        const lines = await badgeLines(page);
        return tones.every((tone) => lines.some((line) => line.includes(f.ftToneBadge[tone])));
      }, WAIT)
      .toBe(true);
    const answered = await outcomes(page);
    // A CAPTCHA and a form only a script sends are refused, never bypassed, and say why.
    const failures = answered.filter((test) => test.status === 'failed').map((test) => test.failure);
    expect(failures).toEqual(expect.arrayContaining(['captcha', 'javascript_only']));
    const lines = await badgeLines(page);
    expect(lines.filter((line) => line === f.ftStatuses.failed)).toHaveLength(failures.length);
    expect(answered.some((test) => test.status === 'pending')).toBe(true);
    expect(answered).toHaveLength(proposed);

    // An answer reads as the business wrote it, with why it was classified so and the score's parts.
    const robotic = page.locator('.ft-test', { hasText: f.ftToneBadge.robotic }).first();
    const name = await robotic.locator('h3').textContent();
    const stored = (await formTestsView(page)).tests.find((test) => test.businessName === name)!;
    await robotic.locator('.ft-toggle').click();
    await expect.poll(() => robotic.locator('.ft-details').isVisible()).toBe(true);
    const shown = (await robotic.locator('.ft-details').textContent()) ?? '';
    expect(shown).toContain(stored.autoresponder!.content.split('\n')[0]);
    expect(await robotic.locator('.ft-cues li').count()).toBe(stored.autoresponder!.cues.length);
    expect(stored.autoresponder!.cues.length).toBeGreaterThan(0);
    const points = await robotic.locator('.ft-lines li .pr-points').allTextContents();
    expect(points.reduce((sum, text) => sum + Number(text.replace(/[^\d-]/g, '')), 0)).toBe(stored.score);
    await context.close();
  }, 240_000);

  it('turns silence into a timeout when the cron runs past the wait, and filters by status', async () => {
    const context = await dashboardContext(stack.browser, { width: 1280 });
    const page = await context.newPage();
    const f = FORM_TESTS_STRINGS.en;
    await open(page, 'en');
    const silent = (await outcomes(page)).filter((test) => test.status === 'pending');
    expect(silent.length).toBeGreaterThan(0);
    // Three days pass for the silent ones; the hourly cron runs.
    await stack.database.access.service((tx) =>
      tx.execute(sql`update prospect_form_tests set test_submitted_at = test_submitted_at - interval '73 hours'
        where test_status = 'pending'`),
    );
    const result = await (await stack.worker.getWorker()).scheduled({ cron: '20 * * * *', scheduledTime: new Date() });
    expect(result.outcome).toBe('ok');

    await page.reload();
    await settled(page);
    const statuses: FormTestStatus[] = ['completed', 'failed', 'timeout'];
    const view = await formTestsView(page);
    for (const status of statuses) expect(view.counts[status] ?? 0, status).toBeGreaterThan(0);
    expect(view.counts.timeout).toBe(silent.length);

    await page
      .locator('.ft-statuses')
      .getByRole('button', { name: new RegExp(`^${f.ftStatusShort.timeout}`) })
      .click();
    await expect.poll(async () => new Set(await badgeLines(page))).toEqual(new Set([`${f.ftStatuses.timeout}`]));
    expect(await page.locator('.ft-tests .ft-test').count()).toBe(silent.length);
    expect(page.url()).toContain('status=timeout');
    await context.close();
  }, 120_000);

  it('reads in Quebec French at a phone’s width, without sideways scrolling', async () => {
    const context = await dashboardContext(stack.browser, { width: 375, locale: 'fr-CA' });
    const page = await context.newPage();
    const f = FORM_TESTS_STRINGS.fr;
    await open(page, 'fr');
    expect(await page.locator('main h1').textContent()).toBe(PROSPECT_SCREEN_NAMES.fr['staff-form-tests']);
    const lines = (await badgeLines(page)).join('\n');
    for (const word of [f.ftStatuses.completed, f.ftStatuses.failed, f.ftStatuses.timeout, f.ftToneBadge.robotic]) {
      expect(lines).toContain(word);
    }
    for (const english of Object.values(FORM_TESTS_STRINGS.en.ftToneBadge)) expect(lines).not.toContain(english);
    expect(await sidewaysScroll(page), (await overflowing(page)).join('\n')).toBe(0);
    await context.close();
  }, 60_000);

  it('is the operator’s alone: a client is refused the screen and its API', async () => {
    const context = await dashboardContext(stack.browser, { width: 1280 });
    const page = await context.newPage();
    await signInByApi(page, stack.origin, customer.email);
    const statuses = await page.evaluate(async () => [
      (await fetch('/api/app/staff/form-tests')).status,
      (
        await fetch('/api/app/staff/form-tests/batches', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"limit":5}',
        })
      ).status,
    ]);
    expect(statuses).toEqual([403, 403]);
    await context.close();
  });
});
