import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser';
import { startWorker } from '../../scripts/lib/worker';
import type { AxeFinding } from './axe';
import { TEST_PASSWORD } from './dashboard';
import { startTestDatabase, type TestDatabase } from './database';

/**
 * Driving the dashboard SPA in headless Chromium for the e2e lane: contexts at a width,
 * scheme and language, signing in, what a person would notice (sideways scrolling), the
 * dev outbox, and a one-line summary of what axe found. New helpers only: the existing
 * tests in tests/e2e/dashboard sign in through the form themselves.
 */

/** What a dashboard e2e file runs against: a test database, the built Worker on it, Chromium. */
export interface BrowserStack {
  database: TestDatabase;
  worker: Miniflare;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the database, the Worker over it (with any more `vars`) and Chromium; `close` stops them in reverse. */
export async function startBrowserStack(vars: Record<string, string> = {}): Promise<BrowserStack> {
  const database = await startTestDatabase();
  const worker = await startWorker({
    DATABASE_URL: database.databaseUrl,
    DATABASE_WS_PROXY: database.wsProxy,
    ...vars,
  });
  const origin = (await worker.ready).origin;
  const browser = await launchChromium();
  return {
    database,
    worker,
    origin,
    browser,
    async close() {
      await browser.close();
      await worker.dispose();
      await database.close();
    },
  };
}

export type Scheme = 'light' | 'dark';
export type DashboardLang = 'en' | 'fr';

/** The key the dashboard keeps its language under (dashboard/i18n.ts). */
export const LANG_KEY = 'avenir.lang';

export interface ContextOptions {
  width: number;
  height?: number;
  scheme?: Scheme;
  /** The browser's locale; the dashboard's language follows it unless one was chosen. */
  locale?: string;
  timezoneId?: string;
}

/** A browser context at `width` px (900 px high unless told), light unless told, English (Canada) unless told. */
export function dashboardContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  return browser.newContext({
    locale: options.locale ?? 'en-CA',
    viewport: { width: options.width, height: options.height ?? 900 },
    colorScheme: options.scheme ?? 'light',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
}

/**
 * Signs `page`'s context in as `email` through the API (POST /api/app/session from a page of
 * the dashboard's origin, as the sign-in form does), without the form: the session cookie is
 * the context's from then on. The page is left on the sign-in screen; navigate after.
 */
export async function signInByApi(page: Page, origin: string, email: string, password = TEST_PASSWORD) {
  if (!page.url().startsWith(origin)) await page.goto(`${origin}/app/forgot-password`);
  const status = await page.evaluate(
    async ([email, password]) =>
      (
        await fetch('/api/app/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
      ).status,
    [email, password] as const,
  );
  if (status !== 200) throw new Error(`sign-in of ${email} answered ${status}`);
}

/** Signs in through the sign-in form, as a person does, and waits for the form to go. */
export async function signInByForm(page: Page, origin: string, email: string, password = TEST_PASSWORD) {
  await page.goto(`${origin}/app`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('main.auth button[type="submit"]').click();
  await page.locator('main.auth').waitFor({ state: 'detached' });
}

/** Sets the dashboard's language for the next load of a page of this context. */
export async function chooseLang(page: Page, lang: DashboardLang) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LANG_KEY, lang] as const);
}

/** How many pixels the page scrolls sideways (0 when it does not). */
export const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Waits until no skeleton loader is on the page (they have role=status and the class skeleton-group). */
/** What sticks out past the viewport's right edge, widest first: what to fix when a screen scrolls sideways. */
export const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .map((element) => ({ element, right: Math.round(element.getBoundingClientRect().right) }))
      .filter(({ right }) => right > width)
      .sort((a, b) => b.right - a.right)
      .slice(0, 3)
      .map(
        ({ element, right }) =>
          `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} “${(element.textContent ?? '').trim().slice(0, 40)}” → ${right} px`,
      );
  });

export async function settled(page: Page) {
  await expect.poll(() => page.locator('.skeleton-group').count(), { timeout: 10_000 }).toBe(0);
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

/** The dev outbox's messages to `address` (its To contains it), oldest first. */
export async function outboxTo(database: TestDatabase, address: string): Promise<OutboxMail[]> {
  const result = await database.access.service((tx) =>
    tx.execute<{ to_address: string; subject: string; text_body: string; created_at: Date }>(
      sql`select to_address, subject, text_body, created_at from dev_outbox
        where lower(to_address) like ${`%${address.toLowerCase()}%`} order by created_at, id`,
    ),
  );
  return result.rows.map((row) => ({
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    createdAt: new Date(row.created_at),
  }));
}

/** "2 moderate, 1 minor" (by impact, worst first), or "none". */
export function axeCounts(findings: AxeFinding[]): string {
  const order = ['critical', 'serious', 'moderate', 'minor'];
  const counts = new Map<string, number>();
  for (const finding of findings)
    counts.set(finding.impact ?? 'unknown', (counts.get(finding.impact ?? 'unknown') ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([impact, count]) => `${count} ${impact}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/**
 * A time zone where it is about noon now (Etc/GMT±N, whole hours), so that "today" on the
 * home holds leads seeded a few hours ago whatever time the tests run.
 */
export function noonTimeZone(now = new Date()): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 12) offset -= 24;
  if (offset < -11) offset += 24;
  // Etc/GMT's sign is inverted: Etc/GMT+5 is five hours behind UTC.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The relative luminance (WCAG) of a computed CSS colour such as "rgb(14, 21, 20)". */
export function luminance(color: string): number {
  const channels = color
    .match(/[\d.]+/g)
    ?.slice(0, 3)
    .map(Number);
  if (!channels || channels.length < 3) throw new Error(`not an rgb() colour: ${color}`);
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Opens the header's menu when the header is a top bar (below 1100 px); a sidebar has no menu to open. */
export async function openMenu(page: Page) {
  const button = page.locator('#menu-button');
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') {
    await button.click();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
  }
}

/** Goes to a screen through the header's navigation (opening the menu first at a phone's width). */
export async function navigateTo(page: Page, linkName: string) {
  await openMenu(page);
  await page.locator('header.top nav').getByRole('link', { name: linkName, exact: true }).click();
}

/** The toast's words: the live region (role=status) in .toast-region that says what an action did. */
export const toastText = (page: Page) => page.locator('.toast-region [role="status"]');

/** The whole toast: its words and its buttons (Undo, close). */
export const toastOf = (page: Page) => page.locator('.toast-region');

/**
 * Waits for the page's finite CSS animations and transitions to end (a dialog fading in, a
 * menu sliding down), so what is measured is what the person ends up seeing; endless ones
 * (a skeleton's shimmer, a spinner) are left alone.
 */
export async function animationsDone(page: Page) {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((animation) =>
        Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY),
      );
    await Promise.race([
      Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  });
}
