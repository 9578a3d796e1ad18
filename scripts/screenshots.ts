/**
 * `npm run screenshots`: every dashboard screen as its readers see it: English and French, 1280 and 375 px wide, light and dark, into
 * screenshots/ (ignored by git). `npm run screenshots -- home inbox` takes only the screens named. The stack is `npm start`'s in one process (in-memory
 * PGlite, the bundled Worker in workerd with its queue consumer); the demo leads go through
 * the form API and the real pipeline, so each screen shows what a client would.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { prospectFormTests } from '../schema';
import type { DiscoveryRunAccepted, DiscoveryRunView, DiscoveryView } from '../schema/prospects-api';
import { createClient, hashPassword, parseNewClient } from '../worker/features/accounts';
import { formTestsJob } from '../worker/features/form-testing';
import { createOfflineEmbedder } from '../worker/platform/ai/offline-embedding';
import type { Env } from '../worker/platform/env';
import { BENCH_SITE, startBenchStack } from './bench/stack';
import { hasChromium, launchChromium } from './lib/browser';
import { sendDemoLeads } from './lib/demo';
import { writeSampleHistory } from './lib/sample-history';
import { writeSampleLearning } from './lib/sample-learning';
import { writeSampleProspecting } from './lib/sample-prospects';
import { writeSampleTranslations } from './lib/sample-translations';
import { startDemoSites } from './stack/demo-sites';

const OUT = path.resolve('screenshots');
const PASSWORD = 'capture-ecran-2026';
const WIDTHS = [1280, 375] as const;
const LANGUAGES = ['en', 'fr'] as const;
const SCHEMES = ['light', 'dark'] as const;

if (!hasChromium()) {
  console.error('screenshots: no Chromium (apt-get install chromium)');
  process.exit(1);
}

/** The screens asked for on the command line; none: all of them. */
const only = new Set(process.argv.slice(2));

// Every picture goes; with screens named, only theirs, so the others' stay to compare.
if (only.size === 0) await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
for (const file of only.size > 0 ? await readdir(OUT) : []) {
  const shot = /^(?:FAILED-)?(.+)-(?:en|fr)-\d+-(?:light|dark)\.png$/.exec(file);
  if (shot && only.has(shot[1]!)) await rm(path.join(OUT, file));
}
// The demo sites discovery reads, so the prospect screens show a pool filled as on `npm start`.
const demoSites = await startDemoSites();
const INBOUND = {
  INBOUND_DOMAIN: 'inbound.avenir.local',
  INBOUND_TOKEN_SECRET: 'screenshots-inbound-secret-of-32-chars',
};
const stack = await startBenchStack({
  queueConsumer: true,
  vars: { DEMO_SITES_ORIGIN: demoSites.origin, ...INBOUND },
});
const origin = (await stack.worker.ready).origin;
const db = stack.connection.access;

/** An account that signs in with PASSWORD, its password final. */
async function account(fields: Record<string, unknown>) {
  const { client } = await createClient(db, parseNewClient({ passwordIsFinal: true, ...fields }));
  const hash = await hashPassword(PASSWORD);
  await db.service((tx) => tx.execute(sql`update clients set password_hash = ${hash} where id = ${client.id}`));
  return client;
}

const business = await account({
  businessName: 'Rénovations Laval',
  email: 'proprio@renovations.example',
  language: 'fr',
  bookingLink: 'https://rendez-vous.example/renovations-laval',
  allowedOrigins: [BENCH_SITE],
  isInternal: true,
});
const newcomer = await account({ businessName: 'Paysagiste Nouveau', email: 'nouveau@paysage.example' });
// The Insights screen needs weeks of history, which the form cannot backdate: a test client
// (as `npm start`'s demo is) with the sample history, whose leads all count.
const analysed = await account({
  businessName: 'Toitures Boréal',
  email: 'proprio@toitures.example',
  language: 'fr',
  isTest: true,
});
await writeSampleHistory(db, analysed, new Date());
// The staff screens of the learning loop: `npm start`'s sample predictions, metrics and prompts.
await writeSampleLearning(db, new Date());
// The staff's translation review: `npm start`'s sample cache of AI translations.
await writeSampleTranslations(db, new Date());

/**
 * "Run discovery now" as staff press it: signed in through the API, the run asked for, then
 * waited for until the Worker's queue has run it (the demo ICP: about 20 s, each site paced
 * to a request a second), so Discovery shows it done and Prospects a filled pool.
 */
async function runDiscovery(email: string): Promise<DiscoveryRunView[]> {
  const json = { Origin: origin, 'Content-Type': 'application/json' };
  const session = await fetch(`${origin}/api/app/session`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!session.ok) throw new Error(`screenshots: signing in ${email} answered ${session.status}`);
  const cookie = session.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const started = await fetch(`${origin}/api/app/staff/discovery/run`, {
    method: 'POST',
    headers: { ...json, Cookie: cookie },
    body: '{}',
  });
  if (started.status !== 202) throw new Error(`screenshots: discovery answered ${started.status}`);
  const ids = new Set(((await started.json()) as DiscoveryRunAccepted).runs.map((run) => run.id));
  for (let waited = 0; waited < 120_000; waited += 1000) {
    const view = (await (
      await fetch(`${origin}/api/app/staff/discovery`, { headers: { Cookie: cookie } })
    ).json()) as DiscoveryView;
    const runs = view.runs.filter((run) => ids.has(run.id));
    if (runs.every((run) => run.status === 'completed' || run.status === 'failed')) return runs;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('screenshots: discovery did not finish within 2 minutes');
}

// Discovery's demo ICP and profile, and one run of it, as "Run discovery now" does on `npm start`.
await writeSampleProspecting(db, createOfflineEmbedder());
for (const run of await runDiscovery(business.email)) {
  const found = run.result ? `found ${run.result.found}, analysed ${run.result.analysed}` : (run.error ?? '');
  console.log(`screenshots: discovery ${run.status} for ${run.icpName}: ${found}`);
}
// A batch of form tests on the demo sites, approved and run as the queue runs it; one answer
// comes back through the Worker's email handler, as Email Routing would deliver it.
const jobEnv = {
  DATABASE_URL: stack.databaseUrl,
  DATABASE_WS_PROXY: stack.connection.wsProxy,
  DEMO_SITES_ORIGIN: demoSites.origin,
  FORM_TEST_SENDER_NAME: 'Marie Tremblay',
  ...INBOUND,
} as unknown as Env;
const batch = await formTestsJob.commandLine!.message({ limit: '6' }, db, jobEnv);
await formTestsJob.run(batch, jobEnv);
const [answered] = await db.service((tx) =>
  tx.select().from(prospectFormTests).where(sql`test_status = 'pending'`).limit(1),
);
if (answered?.replyAddress) {
  const raw = [
    'From: Luc Gagnon <luc@demo.test>',
    `To: ${answered.replyAddress}`,
    'Subject: Re: Demande d’information',
    `Message-ID: <${randomUUID()}@demo.test>`,
    `Date: ${new Date(Date.now() + 134 * 60_000).toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bonjour Marie,',
    '',
    'Merci pour votre message. Oui, nous faisons ce travail dans votre secteur; je peux passer jeudi matin pour une soumission.',
    '',
    'Luc',
  ].join('\r\n');
  await stack.worker.dispatchFetch(
    `http://localhost/cdn-cgi/handler/email?from=luc@demo.test&to=${encodeURIComponent(answered.replyAddress)}`,
    { method: 'POST', body: raw },
  );
}
const sent = await sendDemoLeads(origin, business.apiKey, BENCH_SITE);
// The pipeline answers within seconds; the screens wait for its last reply.
for (let waited = 0; waited < 30_000; waited += 500) {
  const [row] = (
    await db.service((tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from lead_memory where client_id = ${business.id} and enriched_at is not null`,
      ),
    )
  ).rows;
  if ((row?.n ?? 0) >= sent) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function signIn(page: Page, email: string) {
  await page.goto(`${origin}/app`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  // Signed in once the header has its menu (at 375 px the menu holds "Sign out").
  await page.locator('#menu-button').waitFor({ state: 'attached' });
}

let count = 0;
async function shoot(browser: Browser, name: string, email: string | null, visit: (page: Page) => Promise<void>) {
  if (only.size > 0 && !only.has(name)) return;
  for (const lang of LANGUAGES) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        const context = await browser.newContext({
          locale: lang === 'fr' ? 'fr-CA' : 'en-CA',
          viewport: { width, height: 900 },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        try {
          if (email) await signIn(page, email);
          await visit(page).catch(async (error: unknown) => {
            // The screen as it was when it failed, and what the page said, to see why.
            await page.screenshot({
              path: path.join(OUT, `FAILED-${name}-${lang}-${width}-${scheme}.png`),
              fullPage: true,
            });
            throw new Error(`${name} (${lang}, ${width} px, ${scheme}): ${String(error)}\n${problems.join('\n')}`);
          });
          await page.waitForLoadState('networkidle');
          // No hover left where the sign-in button was clicked.
          await page.mouse.move(0, 0);
          // The web font has arrived and the layout has settled before the picture.
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: path.join(OUT, `${name}-${lang}-${width}-${scheme}.png`), fullPage: true });
          count++;
        } finally {
          await context.close();
        }
      }
    }
  }
}

const firstLead = async (page: Page, status = '') => {
  await page.goto(`${origin}/app/inbox${status}`);
  const href = await page.locator('li.lead a').first().getAttribute('href');
  await page.goto(`${origin}${href}`);
  await page.locator('main h1').waitFor();
};

const browser = await launchChromium();
try {
  await shoot(browser, 'sign-in', null, async (page) => {
    await page.goto(`${origin}/app`);
    await page.locator('input[type=email]').waitFor();
  });
  await shoot(browser, 'forgot-password', null, async (page) => {
    await page.goto(`${origin}/app/forgot-password`);
    await page.locator('input[type=email]').waitFor();
  });
  await shoot(browser, 'reset-password', null, async (page) => {
    await page.goto(`${origin}/app/reset-password#token=${'a'.repeat(43)}`);
    await page.locator('input[autocomplete=new-password]').first().waitFor();
  });
  await shoot(browser, 'home', business.email, async (page) => {
    await page.locator('.stats').waitFor();
  });
  await shoot(browser, 'home-empty', newcomer.email, async (page) => {
    await page.locator('.empty-inbox pre').waitFor();
  });
  await shoot(browser, 'menu', business.email, async (page) => {
    const button = page.locator('#menu-button');
    if (await button.isVisible()) await button.click();
  });
  await shoot(browser, 'inbox', business.email, async (page) => {
    await page.goto(`${origin}/app/inbox`);
    await page.locator('li.lead').first().waitFor();
  });
  await shoot(browser, 'inbox-filtered', business.email, async (page) => {
    await page.goto(`${origin}/app/inbox?urgency=High&language=fr`);
    await page.locator('.chips').waitFor();
    await page.getByRole('button', { name: /^(Filters|Filtres)/ }).click();
  });
  await shoot(browser, 'inbox-shortcuts', business.email, async (page) => {
    await page.goto(`${origin}/app/inbox`);
    await page.locator('li.lead').first().waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    await page.locator('dialog[open]').waitFor();
  });
  await shoot(browser, 'inbox-spam', business.email, async (page) => {
    await page.goto(`${origin}/app/inbox?status=spam`);
    await page.locator('li.lead').first().waitFor();
  });
  await shoot(browser, 'lead', business.email, (page) => firstLead(page));
  // The AI's reading being corrected: the form open, one value changed (Save ready, what it will save said).
  await shoot(browser, 'lead-correction', business.email, async (page) => {
    await firstLead(page);
    await page.locator('#correct-reading').click();
    const urgency = page.locator('#correct-urgency');
    await urgency.selectOption((await urgency.inputValue()) === 'High' ? 'Medium' : 'High');
  });
  await shoot(browser, 'activity', business.email, async (page) => {
    await page.goto(`${origin}/app/activity`);
    await page.locator('table.activity').waitFor();
  });
  await shoot(browser, 'settings', business.email, async (page) => {
    await page.goto(`${origin}/app/settings`);
    await page.locator('#st-snippet').waitFor();
  });
  /** The Insights screen, its first analysis run by its own button when there is none yet. */
  const insights = async (page: Page, search = '') => {
    await page.goto(`${origin}/app/insights${search}`);
    await page.locator('.key-figures .stat').first().waitFor();
    if (await page.locator('.never-analysed').isVisible()) {
      await page.locator('.refresh-control button').click();
      await page.locator('.recommendations .rec').first().waitFor({ timeout: 90_000 });
    }
    await page.locator('.recommendations .rec').first().waitFor();
    // The toast of a fresh analysis, and the dimming of a period loading, gone.
    await page.locator('.toast-region .toast-idle').waitFor({ state: 'attached', timeout: 10_000 });
  };
  await shoot(browser, 'insights', analysed.email, (page) => insights(page));
  await shoot(browser, 'insights-12w', analysed.email, async (page) => {
    await insights(page, '?period=12w');
    await page.locator('main details').evaluateAll((all) => {
      for (const details of all) (details as HTMLDetailsElement).open = true;
    });
  });
  await shoot(browser, 'insights-print', analysed.email, async (page) => {
    await insights(page);
    await page.emulateMedia({ media: 'print' });
  });
  await shoot(browser, 'insights-empty', newcomer.email, async (page) => {
    await page.goto(`${origin}/app/insights`);
    await page.locator('#insights-empty-title').waitFor();
  });
  await shoot(browser, 'clients', business.email, async (page) => {
    await page.goto(`${origin}/app/clients`);
    await page.locator('main li').first().waitFor();
  });
  await shoot(browser, 'staff-learning', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/learning`);
    await page.locator('#sl-accuracy-title').waitFor();
    await page.locator('.skeleton-group').waitFor({ state: 'detached' });
  });
  await shoot(browser, 'staff-prompts', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/prompts`);
    await page.locator('#sp-tests .staff-test').first().waitFor();
  });
  await shoot(browser, 'staff-system', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/system`);
    await page.locator('#ss-intelligence_engine-title').waitFor();
  });
  await shoot(browser, 'staff-translations', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/translations`);
    await page.locator('.tr-item').first().waitFor();
  });
  await shoot(browser, 'staff-discovery', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/discovery`);
    // The completed run's row, not "No run yet".
    await page.locator('.pr-runs tbody tr').first().waitFor();
    await page.locator('.skeleton-group').waitFor({ state: 'detached' });
  });
  await shoot(browser, 'staff-prospects', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/prospects`);
    await page.locator('.pr-table').waitFor();
  });
  // The prospect with every kind of evidence: a form, a chat widget, a no-solicitation notice.
  await shoot(browser, 'staff-prospect', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/prospects`);
    await page.locator('.pr-table .pr-name', { hasText: 'Rénovations Pro-Design' }).click();
    await page.locator('.pr-parts').waitFor();
  });
  await shoot(browser, 'staff-import', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/prospects/import`);
    await page.locator('#pi-file-input').waitFor();
  });
  // A French list previewed: what it holds, and its columns mapped as suggested.
  await shoot(browser, 'staff-import-preview', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/prospects/import`);
    await page.locator('#pi-file-input').setInputFiles({
      name: 'cliniques-québec.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'Clinique;Adresse du site;Téléphone;Ville;Secteur d’activité',
          'Massothérapie Équilibre;https://massotherapie-equilibre.test;418 555-0163;Québec;Massothérapie',
          'Hôpital vétérinaire des Rivières;https://hopital-veterinaire-des-rivieres.test;819 555-0110;Trois-Rivières;Vétérinaire',
          'Salon Lumière;https://salon-lumiere.test;;Montréal;Coiffure',
          '',
        ].join('\r\n'),
        'utf8',
      ),
    });
    await page.locator('#pi-mapping').waitFor();
  });
  await shoot(browser, 'staff-profile', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/profile`);
    await page.locator('main textarea').waitFor();
  });
  await shoot(browser, 'staff-form-tests', business.email, async (page) => {
    await page.goto(`${origin}/app/staff/form-tests`);
    await page.locator('main h1').waitFor();
    await page.locator('.skeleton-group').waitFor({ state: 'detached' });
  });
  await shoot(browser, 'components', business.email, async (page) => {
    await page.goto(`${origin}/app/design`);
    await page.locator('.swatches').waitFor();
  });
} finally {
  await browser.close();
  await stack.close();
  await demoSites.close();
}
console.log(`screenshots: ${count} pictures in ${path.relative(process.cwd(), OUT)}/`);
