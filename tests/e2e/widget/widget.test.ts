import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { leadErrorMessage, MIN_FILL_MS } from '../../../schema/lead-form';
import { launchChromium } from '../../../scripts/lib/browser';
import { startThirdPartySite, type ThirdPartySite } from '../../../scripts/lib/third-party-site';
import { startWorker } from '../../../scripts/lib/worker';
import { BRAND } from '../../../widget/accent';
import { confirmation, STRINGS } from '../../../widget/i18n';
import { WIDGET_RESERVED_HEIGHT } from '../../../widget/snippet';
import { createClient, parseNewClient } from '../../../worker/features/accounts/clients';
import { axeFindings, blocking } from '../../support/axe';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The widget as a visitor meets it: a customer's page on its own origin loads widget.js
 * from the Worker (the minified build), in headless Chromium, and the lead lands in the
 * database.
 */
let database: TestDatabase;
let worker: Miniflare;
let workerOrigin: string;
let site: ThirdPartySite;
let browser: Browser;
let client: Client;
/** A client whose automatic replies are off: no copy goes by email. */
let quiet: Client;
let context: BrowserContext;
let page: Page;

/** A customer's page: its own hostile CSS (and `style`), the embed snippet, content below the form. */
function customerPage(options: { lang: string; body?: string; script?: string; style?: string; key?: string }): string {
  return `<!doctype html><html lang="${options.lang}"><head><meta charset="utf-8"><title>Plomberie Tremblay</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>input, textarea, button { display: none !important; } label { color: rgb(255, 0, 0); }
    ${options.style ?? ''}</style></head>
    <body><a href="#top">Accueil</a><h1>Plomberie Tremblay</h1>
    ${options.body ?? `<div data-avenir-form style="min-height:${WIDGET_RESERVED_HEIGHT}"></div>`}
    <p id="below">Heures d’ouverture : 8 h à 17 h</p>
    <script src="${workerOrigin}/widget.js" data-key="${options.key ?? client.apiKey}" ${options.script ?? ''} async></script>
    </body></html>`;
}

beforeAll(async () => {
  database = await startTestDatabase();
  site = await startThirdPartySite();
  client = (
    await createClient(
      database.access,
      parseNewClient({
        businessName: 'Plomberie Tremblay',
        email: 'owner@plomberie.example',
        language: 'fr',
        bookingLink: 'https://booking.example.com/tremblay',
        allowedOrigins: [site.origin],
      }),
    )
  ).client;
  quiet = (
    await createClient(
      database.access,
      parseNewClient({
        businessName: 'Atelier Discret',
        email: 'owner@discret.example',
        language: 'fr',
        allowedOrigins: [site.origin],
      }),
    )
  ).client;
  await database.access.service((tx) =>
    tx.execute(sql`update clients set ai_personalized_reply = false where id = ${quiet.id}`),
  );
  // Every test loads the form from one address: the per-IP limit (20 a minute, tested in
  // the worker lane) would otherwise answer 429 to whichever test comes late in the minute.
  const unlimited = { simple: { limit: 1_000_000, period: 60 as const } };
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    { ratelimits: { IP_RATE_LIMIT: unlimited, KEY_RATE_LIMIT: unlimited } },
  );
  workerOrigin = (await worker.ready).origin;
  site.page('/en', customerPage({ lang: 'en-CA' }));
  site.page('/fr', customerPage({ lang: 'fr-CA' }));
  site.page('/blank', `<!doctype html><html lang="en-CA"><head><meta charset="utf-8"></head><body></body></html>`);
  site.page('/unreserved', customerPage({ lang: 'en-CA', body: '<div data-avenir-form></div>' }));
  site.page('/launcher', customerPage({ lang: 'en-CA', body: '', script: 'data-mode="launcher"' }));
  site.page('/launcher-fr', customerPage({ lang: 'fr-CA', body: '', script: 'data-mode="launcher"' }));
  site.page('/quiet', customerPage({ lang: 'en-CA', key: quiet.apiKey }));
  site.page('/quiet-fr', customerPage({ lang: 'fr-CA', key: quiet.apiKey }));
  site.page('/dark-links', customerPage({ lang: 'en-CA', style: 'a { color: #1a5e20; }' }));
  site.page('/pale-links', customerPage({ lang: 'en-CA', style: 'a { color: #ffeb3b; }' }));
  site.page(
    '/own-accent',
    customerPage({ lang: 'en-CA', style: 'a { color: #1a5e20; } body { --avenir-accent: #7a1f5c; }' }),
  );
  site.page(
    '/revoked',
    customerPage({ lang: 'fr-CA' }).replace(
      `data-key="${client.apiKey}"`,
      'data-key="pk_live_000000000000000000000000"',
    ),
  );
  site.page(
    '/two-forms',
    customerPage({
      lang: 'en-CA',
      body: `<div data-avenir-form id="first"></div><div id="second"></div>
        <script>addEventListener('load', () => Avenir.mount(document.getElementById('second'),
          { key: '${client.apiKey}', lang: 'fr' }))</script>`,
    }),
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
  await site?.close();
  await database?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const within = (host: string) => ({
  field: (name: string) => page.locator(`${host} [name="${name}"]`),
  submit: () => page.locator(`${host} button[type="submit"]`),
  form: () => page.locator(`${host} form`),
  status: () => page.locator(`${host} [role="status"]`),
  state: () => page.locator(host).getAttribute('data-avenir-state'),
});
const widget = within('[data-avenir-form]');

async function open(path: string) {
  await page.goto(`${site.origin}${path}`);
  await expect.poll(widget.state).toBe('idle');
}

async function fillLead(email: string, form = widget, name = 'Sarah Mitchell') {
  await form.field('name').fill(name);
  await form.field('email').fill(email);
  await form.field('phone').fill('514-555-0199');
  await form
    .field('message')
    .fill('Water is pouring from the ceiling under our upstairs bathroom. Can someone come today?');
  await form.field('consent').check();
  // A person takes seconds; faster is treated as a bot (stored, flagged).
  await page.waitForTimeout(MIN_FILL_MS + 200);
}

const leadsFor = (email: string) =>
  database.access.service(
    async (tx) =>
      (
        await tx.execute<{ id: string; name: string; is_spam: boolean; language: string }>(
          sql`select id, name, is_spam, language from lead_memory where email = ${email}`,
        )
      ).rows,
  );

/** The thank-you note as a visitor reads it: its heading, then each line. */
const thankYou = (host = '[data-avenir-form]') => page.locator(`${host} .done h2, ${host} .done p`).allInnerTexts();

/** What has the focus inside a widget's shadow root, and what a screen reader says of it. */
const focused = (host: string) =>
  page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const element = root?.activeElement;
    if (!element || !root) return null;
    const description = (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => root.getElementById(id)?.textContent)
      .filter(Boolean);
    return { tag: element.tagName, text: element.textContent, description };
  }, host);

/** The button colour a visitor sees. */
const buttonColour = (host = '[data-avenir-form]') =>
  page.locator(`${host} button[type="submit"]`).evaluate((button) => getComputedStyle(button).backgroundColor);

describe('the widget on a customer’s page', () => {
  it('submits a lead, thanks the visitor, offers the booking link, and stores the lead', async () => {
    await open('/en');
    const email = `sarah-${Date.now()}@example.com`;
    await fillLead(email);
    await widget.submit().click();
    await expect.poll(widget.state, { timeout: 15_000 }).toBe('sent');
    // The client replies automatically (the default): the note says a copy went by email.
    expect(await thankYou()).toEqual(confirmation(STRINGS.en, 'Sarah Mitchell', 'Plomberie Tremblay', true));
    expect(await thankYou()).toContain(STRINGS.en.copy);
    const booking = page.locator('[data-avenir-form] a[href="https://booking.example.com/tremblay"]');
    expect(await booking.innerText()).toBe(STRINGS.en.book);
    const leads = await leadsFor(email);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ name: 'Sarah Mitchell', is_spam: false, language: 'en' });
  });

  it('keeps the text through a lost response and stores exactly one lead', async () => {
    await open('/en');
    const email = `lost-${Date.now()}@example.com`;
    let attempts = 0;
    // The first submission reaches the server but its answer never comes back.
    await page.route('**/api/lead', async (route) => {
      attempts++;
      if (attempts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await fillLead(email);
    await widget.submit().click();
    await expect.poll(widget.state, { timeout: 20_000 }).toBe('sent');
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(await leadsFor(email)).toHaveLength(1);
  });

  it('waits out a network cut, keeping the text, and sends once the network is back', async () => {
    await open('/en');
    const email = `offline-${Date.now()}@example.com`;
    await fillLead(email);
    await context.setOffline(true);
    await widget.submit().click();
    await expect.poll(widget.state, { timeout: 10_000 }).toBe('retrying');
    expect(await widget.status().innerText()).toBe(STRINGS.en.retrying);
    expect(await widget.field('message').inputValue()).toContain('Water is pouring'); // nothing lost meanwhile
    await context.setOffline(false);
    await expect.poll(widget.state, { timeout: 40_000 }).toBe('sent');
    expect(await leadsFor(email)).toHaveLength(1);
  });

  it('restores an unsent message after the visitor reloads the page', async () => {
    await open('/en');
    await widget.field('name').fill('Kevin O’Brien');
    await widget.field('message').fill('Do you install heat pumps in Gatineau?');
    await page.reload();
    await expect.poll(widget.state).toBe('idle');
    expect(await widget.field('name').inputValue()).toBe('Kevin O’Brien');
    expect(await widget.field('message').inputValue()).toBe('Do you install heat pumps in Gatineau?');
  });

  it('sends once on a double click', async () => {
    await open('/en');
    const email = `double-${Date.now()}@example.com`;
    let posts = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/lead') && request.method() === 'POST') posts++;
    });
    await fillLead(email);
    await widget.submit().dblclick();
    await expect.poll(widget.state, { timeout: 15_000 }).toBe('sent');
    expect(posts).toBe(1);
    expect(await leadsFor(email)).toHaveLength(1);
  });

  it('can be filled and sent with the keyboard alone', async () => {
    await open('/en');
    const email = `keyboard-${Date.now()}@example.com`;
    const focusedName = () =>
      page.evaluate(() => {
        const root = document.querySelector('[data-avenir-form]')?.shadowRoot;
        return (root?.activeElement as HTMLInputElement | null)?.name ?? null;
      });
    for (let i = 0; i < 10 && (await focusedName()) !== 'name'; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('name');
    await page.keyboard.type('Kevin O’Brien');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('5145550123');
    await page.keyboard.press('Tab');
    await page.keyboard.type('What are your rates for a water heater replacement?');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('consent');
    await page.keyboard.press('Space');
    await page.waitForTimeout(MIN_FILL_MS);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(widget.state, { timeout: 15_000 }).toBe('sent');
    expect(await leadsFor(email)).toHaveLength(1);
  });

  it('speaks French on a French page: labels, errors announced and tied to their fields', async () => {
    await open('/fr');
    expect(await widget.form().innerText()).toContain(STRINGS.fr.email);
    await widget.submit().click();
    const emailError = leadErrorMessage('fr', 'email', 'required');
    await expect.poll(() => widget.form().innerText()).toContain(emailError);
    expect(await widget.form().innerText()).toContain(leadErrorMessage('fr', 'message', 'required'));
    expect(await widget.status().getAttribute('aria-live')).toBe('polite');
    expect(await widget.status().innerText()).toBe(STRINGS.fr.fixErrors);
    expect(await widget.field('email').getAttribute('aria-invalid')).toBe('true');
    const describedBy = await widget.field('email').getAttribute('aria-describedby');
    expect(await page.locator(`[data-avenir-form] #${describedBy}`).innerText()).toBe(emailError);
    // The first field in error takes the focus, so a screen reader reads it next.
    expect(
      await page.evaluate(() =>
        document.querySelector('[data-avenir-form]')?.shadowRoot?.activeElement?.getAttribute('name'),
      ),
    ).toBe('name');
    expect(await widget.state()).toBe('idle');
  });

  it('shows what a visitor typed as text, never as markup, and sets no cookie', async () => {
    await open('/en');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const email = `hostile-${Date.now()}@example.com`;
    await fillLead(email, widget, hostile);
    await widget.submit().click();
    await expect.poll(widget.state, { timeout: 15_000 }).toBe('sent');
    expect((await thankYou())[0]).toBe(STRINGS.en.thanks('<img'));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('[data-avenir-form] img').count()).toBe(0);
    expect((await leadsFor(email))[0]!.name).toBe(hostile);
    expect(await context.cookies()).toEqual([]);
  });

  it('loads nothing but its own script and API, adds one global, and keeps its CSS to itself', async () => {
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).origin));
    await page.goto(`${site.origin}/blank`);
    const before = await page.evaluate(() => Object.keys(window));
    await open('/en');
    expect([...hosts].sort()).toEqual([site.origin, workerOrigin].sort());
    const added = (await page.evaluate(() => Object.keys(window))).filter((key) => !before.includes(key));
    expect(added).toEqual(['Avenir']);
    // The page hides every input and paints labels red; the form's are visible and its own colour.
    expect(await widget.field('name').isVisible()).toBe(true);
    const labelColor = await page
      .locator('[data-avenir-form] label')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(labelColor).not.toBe('rgb(255, 0, 0)');
    // And the form's styles do not reach the page: its paragraph keeps the page's font weight.
    expect(await page.locator('#below').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('400');
  });

  it('does not move the page while it loads, in the space the embed snippet reserves', async () => {
    await page.addInitScript(() => {
      (window as unknown as { __shift: number }).__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
          (window as unknown as { __shift: number }).__shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const shiftOf = async (path: string) => {
      await open(path);
      await page.waitForTimeout(300); // let any late layout settle
      return page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    };
    expect(await shiftOf('/en')).toBe(0);
    expect(await shiftOf('/fr')).toBe(0);
    // The measure is live: without the reserved space, the paragraph below the form jumps.
    // The form's settings are held back a moment so it surely appears after the first
    // paint (a shift before it is no shift), as on a slow connection.
    const config = '**/api/widget/config*';
    await page.route(config, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    try {
      expect(await shiftOf('/unreserved')).toBeGreaterThan(0);
    } finally {
      await page.unroute(config);
    }
  });
});

describe('embedding', () => {
  it('runs two forms on one page independently, one mounted by a single-page app', async () => {
    await page.goto(`${site.origin}/two-forms`);
    const first = within('#first');
    const second = within('#second');
    await expect.poll(first.state).toBe('idle');
    await expect.poll(second.state).toBe('idle');
    expect(await second.form().innerText()).toContain(STRINGS.fr.email); // its own language
    await second.field('message').fill('Bonjour!');
    const email = `first-${Date.now()}@example.com`;
    await fillLead(email, first);
    await first.submit().click();
    await expect.poll(first.state, { timeout: 15_000 }).toBe('sent');
    expect(await second.state()).toBe('idle');
    expect(await second.field('message').inputValue()).toBe('Bonjour!');
    await page.evaluate(() =>
      (window as unknown as { Avenir: { unmount(e: Element): void } }).Avenir.unmount(
        document.getElementById('second')!,
      ),
    );
    expect(await second.form().count()).toBe(0);
    expect(await leadsFor(email)).toHaveLength(1);
  });

  it('opens from a floating button in launcher mode, and closes with Escape', async () => {
    await page.goto(`${site.origin}/launcher`);
    const launcher = page.getByRole('button', { name: STRINGS.en.open });
    await launcher.click();
    const dialog = page.getByRole('dialog', { name: STRINGS.en.write('Plomberie Tremblay') });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('[name="email"]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('shows no form to write in when its key is dead, and tells the site owner why in the console', async () => {
    const console: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') console.push(message.text());
    });
    await page.goto(`${site.origin}/revoked`);
    await expect.poll(widget.state).toBe('unavailable');
    expect(await widget.form().count()).toBe(0);
    expect(await page.locator('[data-avenir-form] textarea, [data-avenir-form] input').count()).toBe(0);
    expect(await page.locator('[data-avenir-form] p.status').innerText()).toBe(STRINGS.fr.notSetUp);
    await expect.poll(() => console.join('\n')).toContain('This widget key is unknown or has been revoked.');
  });
});

describe('the thank-you note', () => {
  async function send(path: string, name = 'Sarah Mitchell') {
    await open(path);
    await fillLead(`note-${Date.now()}@example.com`, widget, name);
    await widget.submit().click();
    await expect.poll(widget.state, { timeout: 15_000 }).toBe('sent');
  }

  it('replaces the form, thanks the visitor by first name, and takes the focus, read with its lines', async () => {
    await send('/en');
    expect(await widget.form().count()).toBe(0);
    const note = confirmation(STRINGS.en, 'Sarah Mitchell', 'Plomberie Tremblay', true);
    expect(note[0]).toBe('Thank you, Sarah!');
    expect(await focused('[data-avenir-form]')).toEqual({ tag: 'H2', text: note[0], description: note.slice(1) });
    const booking = page.locator('[data-avenir-form] a.book');
    expect(await booking.innerText()).toBe(STRINGS.en.book);
  });

  it('says nothing of a copy when the business does not reply automatically', async () => {
    await send('/quiet');
    expect(await thankYou()).toEqual(confirmation(STRINGS.en, 'Sarah Mitchell', 'Atelier Discret', false));
    expect((await thankYou()).join('\n')).not.toContain(STRINGS.en.copy);
  });

  it('speaks French on a French page, with the copy line only where a reply goes', async () => {
    await send('/fr', 'Marie-Ève Gagnon');
    expect(await thankYou()).toEqual([
      'Merci, Marie-Ève\u202f!',
      'Plomberie Tremblay vous répondra sous peu.',
      'Nous vous avons envoyé une copie par courriel.',
    ]);
    await send('/quiet-fr', 'Marie-Ève Gagnon');
    expect(await thankYou()).toEqual(['Merci, Marie-Ève\u202f!', 'Atelier Discret vous répondra sous peu.']);
  });

  it('has no serious or critical accessibility finding', async () => {
    await send('/en');
    expect(blocking(await axeFindings(page))).toEqual([]);
  });
});

describe('the launcher’s dialog', () => {
  for (const width of [375, 1280]) {
    it(`has a heading that names it, and its close button clear of the first label, at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${site.origin}/launcher`);
      await page.getByRole('button', { name: STRINGS.en.open }).click();
      const title = STRINGS.en.write('Plomberie Tremblay');
      const dialog = page.getByRole('dialog', { name: title });
      expect(await dialog.isVisible()).toBe(true);
      const heading = dialog.getByRole('heading', { name: title });
      expect(await heading.isVisible()).toBe(true);
      const close = dialog.getByRole('button', { name: STRINGS.en.close });
      const label = dialog.locator('label').first();
      expect(await label.innerText()).toContain(STRINGS.en.name);
      const box = async (locator: typeof dialog) => (await locator.boundingBox())!;
      const [headingBox, closeBox, labelBox, dialogBox] = [
        await box(heading),
        await box(close),
        await box(label),
        await box(dialog),
      ];
      // In the heading's row: beside it, not over it, and above the first label with room to spare.
      expect(closeBox.x).toBeGreaterThanOrEqual(headingBox.x + headingBox.width);
      expect(closeBox.y + closeBox.height).toBeLessThanOrEqual(labelBox.y - 8);
      expect(closeBox.y).toBeLessThan(headingBox.y + headingBox.height);
      expect(closeBox.y + closeBox.height).toBeGreaterThan(headingBox.y);
      // Inside the dialog, which fits the screen.
      expect(closeBox.x + closeBox.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width);
      expect(dialogBox.x).toBeGreaterThanOrEqual(0);
      expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(width);
      // Big enough to hit with a finger.
      expect(Math.min(closeBox.width, closeBox.height)).toBeGreaterThanOrEqual(24);
      await close.click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
    });
  }

  it('is named in French on a French page', async () => {
    await page.goto(`${site.origin}/launcher-fr`);
    await page.getByRole('button', { name: STRINGS.fr.open }).click();
    const title = STRINGS.fr.write('Plomberie Tremblay');
    expect(await page.getByRole('dialog', { name: title }).getByRole('heading', { name: title }).isVisible()).toBe(
      true,
    );
  });

  it('has no serious or critical accessibility finding when open, nor once the lead is sent', async () => {
    await page.goto(`${site.origin}/launcher`);
    await page.getByRole('button', { name: STRINGS.en.open }).click();
    await page.getByRole('dialog').locator('[name="email"]').waitFor();
    expect(blocking(await axeFindings(page))).toEqual([]);
    const host = 'body > div:last-of-type';
    await fillLead(`dialog-${Date.now()}@example.com`, within(host));
    await within(host).submit().click();
    await expect.poll(within(host).state, { timeout: 15_000 }).toBe('sent');
    expect(await thankYou(host)).toEqual(confirmation(STRINGS.en, 'Sarah Mitchell', 'Plomberie Tremblay', true));
    expect((await focused(host))?.text).toBe('Thank you, Sarah!');
    expect(blocking(await axeFindings(page))).toEqual([]);
  });
});

describe('the button’s colour', () => {
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

  it('is the page’s link colour when white text on it is readable', async () => {
    await open('/dark-links');
    expect(await buttonColour()).toBe(rgb('#1a5e20'));
  });

  it('is the brand’s when the page’s links are too pale for white text', async () => {
    await open('/pale-links');
    expect(await buttonColour()).toBe(rgb(BRAND));
  });

  it('is the brand’s on a page that never styled its links', async () => {
    await open('/en');
    expect(await buttonColour()).toBe(rgb(BRAND));
  });

  it('is the site’s own --avenir-accent when it sets one', async () => {
    await open('/own-accent');
    expect(await buttonColour()).toBe(rgb('#7a1f5c'));
  });
});
