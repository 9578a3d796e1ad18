import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { type AxeFinding, axeFindings, blocking } from '../../support/axe';
import { clientWithPassword } from '../../support/dashboard';
import {
  animationsDone,
  axeCounts,
  type BrowserStack,
  chooseLang,
  type DashboardLang,
  dashboardContext,
  noonTimeZone,
  overflowing,
  type Scheme,
  settled,
  sidewaysScroll,
  signInByApi,
  startBrowserStack,
} from '../../support/dashboard-browser';
import { type SeededLeads, seedTypicalLeads } from '../../support/dashboard-seed';
import type { TestDatabase } from '../../support/database';

/**
 * Issue 13, as a person would notice it on every screen: axe-core finds nothing serious or
 * critical in light and dark, in English and French, at a desktop's width and a phone's,
 * and no screen scrolls sideways at 360, 375 or 1280 px. One signed-in context per scheme
 * and width walks every screen; each screen's findings are printed on one line at the end.
 */

let stack: BrowserStack;
let database: TestDatabase;
let origin: string;
let browser: Browser;
/** An internal account with leads: every screen, the clients and components pages included. */
let owner: Client;
/** An account with no lead: Home is its onboarding. */
let newcomer: Client;
let leads: SeededLeads;

interface ScreenReport {
  screen: string;
  findings: AxeFinding[];
}
const axeReport: ScreenReport[] = [];
const overflowReport: string[] = [];

beforeAll(async () => {
  stack = await startBrowserStack();
  ({ database, origin, browser } = stack);
  owner = await clientWithPassword(database, {
    businessName: 'Plomberie Lavoie & Fils',
    email: `owner-${randomUUID().slice(0, 8)}@lavoie.example`,
    language: 'en',
    isInternal: true,
    bookingLink: 'https://booking.example/lavoie',
  });
  newcomer = await clientWithPassword(database, {
    businessName: 'Paysagiste Nouveau',
    email: `new-${randomUUID().slice(0, 8)}@paysage.example`,
    language: 'fr',
  });
  leads = await seedTypicalLeads(database, owner.id, owner.email);
});
afterAll(async () => {
  for (const { screen, findings } of axeReport) {
    const ids = findings.map((finding) => `${finding.id} (${finding.impact})`).join(', ');
    console.info(`axe ${screen}: ${axeCounts(findings)}${ids ? ` — ${ids}` : ''}`);
  }
  if (overflowReport.length > 0) console.info(`sideways scrolling:\n${overflowReport.join('\n')}`);
  await stack?.close();
});

/** A well-formed token no link was made with: the reset form shows, and submitting it finds it expired. */
const unknownToken = () => randomUUID().replaceAll('-', '').padEnd(43, 'x');
let unknownEmails = 0;

/**
 * Every screen of the dashboard, in order, in `lang`, each reached and waited for; `visit`
 * is called on each with its name. The context starts signed out.
 */
async function walkScreens(page: Page, lang: DashboardLang, width: number, visit: (screen: string) => Promise<void>) {
  const ready = async (screen: string) => {
    await animationsDone(page);
    await visit(screen);
  };
  const fr = lang === 'fr';

  // Signed out: sign-in, forgot password (before and after sending), reset password (the
  // form, then the state of an expired link).
  await page.context().clearCookies();
  await page.goto(`${origin}/app/forgot-password`);
  await chooseLang(page, lang);
  await page.goto(`${origin}/app`);
  await page.locator('#email').waitFor();
  await ready('sign-in');
  await page.goto(`${origin}/app/forgot-password`);
  await page.locator('#forgot-email').waitFor();
  await ready('forgot password');
  await page.locator('#forgot-email').fill(`nobody-${++unknownEmails}-${randomUUID().slice(0, 6)}@example.ca`);
  await page.locator('main.auth button[type="submit"]').click();
  await page.locator('.auth-sent').waitFor();
  await ready('forgot password, sent');
  await page.goto(`${origin}/app/reset-password#token=${unknownToken()}`);
  await page.locator('#reset-password').waitFor();
  await ready('reset password');
  await page.locator('#reset-password').fill('un-tout-nouveau-mot-de-passe');
  await page.locator('#reset-confirmation').fill('un-tout-nouveau-mot-de-passe');
  await page.locator('main.auth button[type="submit"]').click();
  await page.locator('#reset-password').waitFor({ state: 'detached' });
  await page.locator('main.auth a[href="/app/forgot-password"]').waitFor();
  await ready('reset password, link expired');

  // An account with no lead: the onboarding.
  await signInByApi(page, origin, newcomer.email);
  await page.goto(`${origin}/app`);
  await page.locator('.empty-inbox pre').waitFor();
  await settled(page);
  await ready('home, empty (onboarding)');

  // The internal account with leads.
  await signInByApi(page, origin, owner.email);
  await page.goto(`${origin}/app`);
  await page.locator('.stats .stat').first().waitFor();
  await page.locator('.waiting li').first().waitFor();
  await settled(page);
  await ready('home');
  if (width < 1100) {
    await page.locator('#menu-button').click();
    await page.locator('header.top nav a').first().waitFor();
    await ready('home, menu open');
  }
  await page.goto(`${origin}/app/inbox`);
  await page.locator('li.lead').first().waitFor();
  await settled(page);
  await ready('inbox');
  await page.keyboard.press('?');
  await page.locator('dialog.dialog[open]').waitFor();
  await ready('inbox, keyboard shortcuts');
  await page.keyboard.press('Escape');
  await page.locator('dialog.dialog[open]').waitFor({ state: 'detached' });
  await page.goto(`${origin}/app/inbox?urgency=High&language=en&sort=oldest`);
  await page.locator('.chips .chip').first().waitFor();
  await page.locator('button[aria-controls="inbox-filters"]').click();
  await page.locator('#inbox-filters').waitFor();
  await page.locator('li.lead').first().waitFor();
  await settled(page);
  await ready('inbox, filters open and active');
  await page.goto(`${origin}/app/leads/${leads.urgent}`);
  await page.locator('svg.history-chart').first().waitFor();
  await settled(page);
  await ready('lead');
  await page.goto(`${origin}/app/activity`);
  await page.locator('table.activity tbody tr').first().waitFor();
  await settled(page);
  await ready('activity');
  await page.goto(`${origin}/app/settings`);
  await page.locator('#st-businessName').waitFor();
  await page.locator('iframe').first().waitFor();
  await settled(page);
  await ready('settings');
  await page.goto(`${origin}/app/clients`);
  await page.locator('main li', { hasText: newcomer.email }).waitFor();
  await ready('clients');
  await page.goto(`${origin}/app/design`);
  // The components page shows a skeleton on purpose: wait for its last card instead.
  await page.getByRole('heading', { level: 1, name: fr ? 'Composants' : 'Components' }).waitFor();
  await page.locator('table').first().waitFor();
  await ready('components');
}

const SCHEMES: Scheme[] = ['light', 'dark'];
const WIDTHS = [1280, 360];
const COMBOS = SCHEMES.flatMap((scheme) => WIDTHS.map((width) => ({ scheme, width })));

describe.each(COMBOS)('every screen, $scheme, at $width px', ({ scheme, width }) => {
  it('has no serious or critical axe finding and no sideways scrolling, in English and in French', async () => {
    const context = await dashboardContext(browser, { width, scheme, timezoneId: noonTimeZone() });
    const page = await context.newPage();
    const blockingFound: Record<string, string[]> = {};
    const scrolling: Record<string, number> = {};
    try {
      for (const lang of ['en', 'fr'] as const) {
        await walkScreens(page, lang, width, async (screen) => {
          const name = `${screen} [${scheme}, ${width} px, ${lang}]`;
          const findings = await axeFindings(page);
          axeReport.push({ screen: name, findings });
          const serious = blocking(findings);
          if (serious.length > 0)
            blockingFound[name] = serious.map(
              (finding) => `${finding.id} (${finding.impact}): ${finding.targets.join(' | ')}`,
            );
          const extra = await sidewaysScroll(page);
          if (extra > 0) {
            scrolling[name] = extra;
            overflowReport.push(`  ${name}: ${extra} px`);
          }
        });
      }
      expect(blockingFound).toEqual({});
      expect(scrolling).toEqual({});
    } finally {
      await context.close();
    }
  }, 240_000);
});

it('does not scroll sideways at 375 px either, in English and in French', async () => {
  const context = await dashboardContext(browser, { width: 375, timezoneId: noonTimeZone() });
  const page = await context.newPage();
  const scrolling: Record<string, string> = {};
  try {
    for (const lang of ['en', 'fr'] as const) {
      await walkScreens(page, lang, 375, async (screen) => {
        const extra = await sidewaysScroll(page);
        if (extra > 0) {
          scrolling[`${screen} [375 px, ${lang}]`] = `${extra} px: ${(await overflowing(page)).join('; ')}`;
          overflowReport.push(`  ${screen} [375 px, ${lang}]: ${extra} px`);
        }
      });
    }
    expect(scrolling).toEqual({});
  } finally {
    await context.close();
  }
}, 120_000);
