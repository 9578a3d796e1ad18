import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRINGS } from '../../../dashboard/i18n';
import { PROSPECTS_STRINGS } from '../../../dashboard/strings/prospects';
import type { Client } from '../../../schema';
import type { DiscoveryView } from '../../../schema/prospects-api';
import { DEMO_ICP, writeSampleProspecting } from '../../../scripts/lib/sample-prospects';
import {
  DEMO_SITE_ROOT,
  type DemoBusiness,
  type DemoSites,
  loadDemoCatalogue,
  startDemoSites,
} from '../../../scripts/stack/demo-sites';
import { createOfflineEmbedder } from '../../../worker/platform/ai/offline-embedding';
import { clientWithPassword } from '../../support/dashboard';
import {
  type BrowserStack,
  chooseLang,
  type DashboardLang,
  dashboardContext,
  navigateTo,
  openMenu,
  overflowing,
  settled,
  sidewaysScroll,
  signInByApi,
  startBrowserStack,
  toastText,
} from '../../support/dashboard-browser';

/**
 * Prospect discovery as the operator meets it on `npm start`: the demo ICP and profile
 * seeded, "Run discovery now" on the Discovery screen runs it live against the demo sites
 * (scripts/demo-sites) until it is done; the Prospects screen then lists the pool by need,
 * each prospect scored 45–95; a prospect's page adds its score up line by line from what its
 * site lacks and shows the evidence (pages read, published addresses, a no-solicitation
 * notice exactly where the demo catalogue's truth has one); Quebec French on the five
 * screens with no English label left; a phone's width without sideways scrolling; a CSV
 * with accents mapped and imported into the pool; and a client account kept out.
 */

/** The parts of scripts/demo-sites/expected.json these tests read: what each demo site really holds. */
interface SiteTruth {
  slug: string;
  outcome: string;
  bookingTools: string[];
  chatWidgets: string[];
  emails: { address: string }[];
  noSolicitation: { pages: string[]; siteWide: boolean } | null;
  copyrightYear: number | null;
  viewport: boolean;
}

let stack: BrowserStack;
let sites: DemoSites;
let origin: string;
let browser: Browser;
let staff: Client;
let customer: Client;
let truth: Map<string, SiteTruth>;
/** The demo businesses the seeded ICP searches for: its industries, in its province. */
let searched: DemoBusiness[];

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
  const expected = JSON.parse(await readFile(path.join(DEMO_SITE_ROOT, 'expected.json'), 'utf8')) as SiteTruth[];
  truth = new Map(expected.map((site) => [site.slug, site]));
  searched = (await loadDemoCatalogue()).filter(
    (business) => DEMO_ICP.industries.includes(business.industry) && business.province === DEMO_ICP.province,
  );
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await sites?.close();
});

/** Discovery paces each host to a request a second: the demo ICP's run takes about 20 s. */
const RUN_WAIT = { timeout: 90_000, interval: 1_000 };

async function open(page: Page, where: string, lang: DashboardLang, email = staff.email) {
  await signInByApi(page, origin, email);
  await chooseLang(page, lang);
  await page.goto(`${origin}${where}`);
  await page.locator('main h1').waitFor();
  await settled(page);
}

/** The demo site's slug of a prospect's website (https://<slug>.test). */
const slugOf = (website: string) => new URL(website).hostname.replace(/\.test$/, '');

/** The discovery view as the screen gets it, with this page's session. */
const discoveryView = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/app/staff/discovery')).json()) as DiscoveryView);

/**
 * The pool filled by a completed run: the first test does it with the button; a test run
 * on its own (`-t`) starts one through the API instead, and any test waits for a run underway.
 */
async function poolFilled(page: Page) {
  if ((await discoveryView(page)).runs.length === 0) {
    await page.evaluate(async () => {
      await fetch('/api/app/staff/discovery/run', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
    });
  }
  await expect.poll(async () => (await discoveryView(page)).runs[0]?.status, RUN_WAIT).toBe('completed');
}

/** The need scores shown in the Prospects table, top to bottom (rows not analysed have none). */
const scoresShown = async (page: Page) =>
  (await page.locator('.pr-table .pr-score strong').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));

/** The prospects' pages, from the list's links: [address, website]. */
async function prospectLinks(page: Page): Promise<{ href: string; website: string }[]> {
  return page.locator('.pr-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      href: row.querySelector<HTMLAnchorElement>('a.pr-name')?.getAttribute('href') ?? '',
      website: row.querySelector<HTMLAnchorElement>('a.pr-site')?.href ?? '',
    })),
  );
}

/** The score explanation's lines as shown: each part's label (without its detail) and points, and the total. */
async function explanation(page: Page) {
  const lines = await page.locator('.pr-parts .pr-part').evaluateAll((items) =>
    items.map((item) => ({
      label: item.querySelector('.pr-part-label')?.childNodes[0]?.textContent?.trim() ?? '',
      points: item.querySelector('.pr-points')?.textContent?.trim() ?? '',
      running: item.querySelector('.pr-running')?.textContent?.trim() ?? '',
      base: item.classList.contains('pr-part-base'),
    })),
  );
  const total = Number((await page.locator('.pr-part-total .pr-points').textContent())?.replace(/\D/g, ''));
  return { lines, total };
}

/** The number a line shows, "+10" or "45": its sign kept (a true minus is "−"). */
const pointsOf = (text: string) => Number(text.replace('\u2212', '-').replace(/[^\d-]/g, ''));

/**
 * The English-only labels of the prospect screens: every string of the English pack (and
 * the shell's) that its French twin words differently, functions called with a marker and
 * turned into patterns. A French screen must show none of them.
 */
function englishOnlyPatterns(): RegExp[] {
  const MARK = '\u0001';
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns: RegExp[] = [];
  const walk = (en: unknown, fr: unknown) => {
    if (typeof en === 'string' && typeof fr === 'string') {
      if (en !== fr && en.trim().length > 1) patterns.push(new RegExp(`^${literal(en.trim())}$`));
    } else if (typeof en === 'function' && typeof fr === 'function') {
      const call = (fn: unknown) => String((fn as (...args: string[]) => unknown)(MARK, MARK, MARK)).trim();
      const [enText, frText] = [call(en), call(fr)];
      // Only patterns with words of their own: "X: Y" alone would match French text too.
      if (enText !== frText && /\p{L}{3,}/u.test(enText.replaceAll(MARK, ' ')))
        patterns.push(new RegExp(`^${enText.split(MARK).map(literal).join('.+')}$`));
    } else if (en && fr && typeof en === 'object' && typeof fr === 'object') {
      for (const key of Object.keys(en))
        walk((en as Record<string, unknown>)[key], (fr as Record<string, unknown>)[key]);
    }
  };
  walk(PROSPECTS_STRINGS.en, PROSPECTS_STRINGS.fr);
  walk(STRINGS.en, STRINGS.fr);
  return patterns;
}
const ENGLISH_ONLY = englishOnlyPatterns();

/** The English labels a French screen shows: its visible text nodes and accessible names, code and `lang="en"` aside. */
async function englishLabels(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const meant = (element: Element) => element.closest('code, pre, [lang^="en"]') !== null;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || meant(parent) || parent.closest('script, style')) continue;
      if (parent.checkVisibility && !parent.checkVisibility()) continue;
      const text = (node.textContent ?? '').trim();
      if (text) found.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      if (meant(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.push(value);
      }
    }
    return found;
  });
  return [...new Set(texts.filter((text) => ENGLISH_ONLY.some((pattern) => pattern.test(text))))];
}

/** A small French CSV in UTF-8: a clinic whose business-name column the import cannot guess, and a line without a website. */
const CSV_NAME = 'cliniques-québec.csv';
const CSV = [
  'Clinique;Adresse du site;Ville;Secteur d’activité',
  'Massothérapie Équilibre;https://massotherapie-equilibre.test;Québec;Massothérapie',
  'Boulangerie Sans Site Web;;Trois-Rivières;Boulangerie',
  '',
].join('\r\n');

async function chooseCsv(page: Page) {
  await page.locator('#pi-file-input').setInputFiles({
    name: CSV_NAME,
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await page.locator('#pi-preview-title').waitFor();
}

describe('discovery on the demo sites', () => {
  it('"Run discovery now" shows the run live until it is done, with what it found', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, '/app/staff/discovery', 'en');
      expect(await page.locator('main h1').textContent()).toBe('Discovery');
      // A fresh pool: no run yet, nothing found, the demo ICP waiting with its provider configured.
      expect(await page.locator('#pd-runs').textContent()).toContain('No run yet.');
      expect(await page.locator('.pr-pool .stat-value').first().textContent()).toBe('0');
      const icp = page.locator('.pr-icp', { hasText: DEMO_ICP.name });
      expect(await icp.locator('.badge').first().textContent()).toBe('Active');
      expect(await icp.textContent()).toContain('Never');
      const demo = page.locator('#pd-providers tbody tr', { hasText: 'Demo sites' });
      expect(await demo.locator('.badge').textContent()).toBe('Configured');

      await page.getByRole('button', { name: 'Run discovery now' }).click();
      await expect.poll(() => toastText(page).textContent()).toBe('Discovery started for 1 ICP.');
      const run = page.locator('.pr-runs tbody tr').first();
      // Listed at once, the screen updating itself while it runs (no reload here).
      expect(await run.locator('td').first().textContent()).toBe(DEMO_ICP.name);
      expect(await run.locator('td').nth(1).textContent()).toBe('Manual');
      expect(['Waiting', 'Running']).toContain(await run.locator('.badge').textContent());
      expect(await page.locator('#pd-runs .pr-live').textContent()).toContain('Updating every few seconds');
      await expect.poll(() => run.locator('.badge').textContent(), RUN_WAIT).toBe('Done');
      expect(await page.locator('#pd-runs .pr-live').textContent()).toBe('');

      // What it found: every demo business of the ICP's industries and province, each new;
      // the sites that answer are analysed, the broken ones (a server error, one too slow) failed.
      const analysable = searched.filter((business) => truth.get(business.slug)?.outcome === 'ok').length;
      const figures = Object.fromEntries(
        await run
          .locator('.pr-run-figures > div')
          .evaluateAll((items) =>
            items.map((item) => [item.querySelector('dt')?.textContent, item.querySelector('dd')?.textContent]),
          ),
      );
      expect(figures).toEqual({
        Found: String(searched.length),
        New: String(searched.length),
        Merged: '0',
        Analysed: String(analysable),
        Failed: String(searched.length - analysable),
        Skipped: '0',
      });
      expect(await run.locator('.pr-errors').count()).toBe(0);
      expect(await run.locator('td').nth(4).textContent()).toMatch(/^(\d+\u00a0min )?\d+\u00a0(s|min)$/);
      // The pool's figures and the ICP follow.
      await expect.poll(() => page.locator('.pr-pool .stat-value').first().textContent()).toBe(String(searched.length));
      expect(await page.locator('.pr-pool .stat', { hasText: 'Analysed' }).locator('.stat-value').textContent()).toBe(
        String(analysable),
      );
      const fact = (term: string) => icp.locator('.pr-facts > div', { has: page.locator('dt', { hasText: term }) });
      expect(await fact('Prospects found').locator('dd').textContent()).toBe(String(searched.length));
      expect(await fact('Last run').locator('.badge').textContent()).toBe('Done');
    } finally {
      await context.close();
    }
  }, 150_000);

  it('then lists the pool on the Prospects screen, scored 45 to 95, neediest first', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, '/app/staff/discovery', 'en');
      await poolFilled(page);
      await navigateTo(page, 'Prospects');
      await page.locator('.pr-table').waitFor();
      await settled(page);
      expect(new URL(page.url()).pathname).toBe('/app/staff/prospects');
      expect(await page.locator('#pr-sort').inputValue()).toBe('need');
      expect(await page.locator('.pr-showing').textContent()).toBe(`Showing ${searched.length} of ${searched.length}`);
      expect(await page.locator('.pr-table thead th').allTextContents()).toEqual([
        'Business',
        'Industry',
        'City',
        'Language',
        'Need',
        'Fit',
        'Form',
        'Contactable',
        'Sources',
      ]);
      const analysable = searched.filter((business) => truth.get(business.slug)?.outcome === 'ok');
      const scores = await scoresShown(page);
      expect(scores).toHaveLength(analysable.length);
      for (const score of scores) expect(score, String(scores)).toBeGreaterThanOrEqual(45);
      for (const score of scores) expect(score, String(scores)).toBeLessThanOrEqual(95);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // Every business of the ICP is there, under its own name; the ones whose site failed come
      // last, said in words, without a score.
      const names = await page.locator('.pr-table .pr-name').allTextContents();
      expect([...names].sort()).toEqual(searched.map((business) => business.businessName).sort());
      const failed = page.locator('.pr-table tbody tr', {
        has: page.locator('.badge', { hasText: 'Analysis failed' }),
      });
      expect(await failed.count()).toBe(searched.length - analysable.length);
      expect(names.slice(analysable.length).sort()).toEqual(
        searched
          .filter((business) => !analysable.includes(business))
          .map((business) => business.businessName)
          .sort(),
      );
      expect(
        await page.locator('.pr-table tbody tr').first().locator('.badge', { hasText: 'Demo sites' }).count(),
      ).toBe(1);

      // Another sort, kept in the address; a filter narrows the list.
      await page.locator('#pr-sort').selectOption('recent');
      await expect.poll(() => page.url()).toContain('sort=recent');
      await page.locator('#pr-min').selectOption('75');
      await expect.poll(() => page.url()).toContain('minScore=75');
      const needy = scores.filter((score) => score >= 75).sort((a, b) => a - b);
      expect(needy.length).toBeGreaterThan(0);
      await expect.poll(async () => (await scoresShown(page)).sort((a, b) => a - b)).toEqual(needy);
      await page.getByRole('button', { name: 'Clear the filters' }).click();
      await expect
        .poll(() => page.locator('.pr-showing').textContent())
        .toBe(`Showing ${searched.length} of ${searched.length}`);
    } finally {
      await context.close();
    }
  }, 150_000);

  it('explains each score with lines that add up to it, each a gap the site really has', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, '/app/staff/prospects', 'en');
      await poolFilled(page);
      await page.reload();
      await page.locator('.pr-table').waitFor();
      const year = new Date().getUTCFullYear();
      const checked: string[] = [];
      for (const { href, website } of await prospectLinks(page)) {
        const site = truth.get(slugOf(website));
        if (site?.outcome !== 'ok') continue;
        await page.goto(`${origin}${href}`);
        await page.locator('.pr-parts').waitFor();
        const { lines, total } = await explanation(page);
        const at = `${site.slug}: ${JSON.stringify(lines)}`;
        // From the base of 45, each line adds its points, and the lines add up to the total shown.
        expect(lines[0], at).toMatchObject({ label: 'Base', points: '45', base: true });
        let running = 45;
        for (const line of lines.slice(1)) {
          expect(line.points, at).toMatch(/^\+\d+$/);
          running += pointsOf(line.points);
          expect(pointsOf(line.running), at).toBe(running);
        }
        expect(total, at).toBe(Math.min(95, running));
        expect(total, at).toBeGreaterThanOrEqual(45);
        expect(total, at).toBeLessThanOrEqual(95);
        expect(
          Number((await page.locator('.pr-scores .stat-value').first().textContent())?.replace(/\/.*$/, '').trim()),
        ).toBe(total);
        // Each line is what the demo site's truth says it lacks, and nothing it has.
        const labels = lines.map((line) => line.label);
        const line = (label: string) => lines.find((entry) => entry.label === label)?.points;
        expect(line('No online booking tool'), at).toBe(site.bookingTools.length === 0 ? '+10' : undefined);
        expect(line('No chat widget'), at).toBe(site.chatWidgets.length === 0 ? '+5' : undefined);
        expect(line('Not built for phones'), at).toBe(site.viewport ? undefined : '+5');
        const dated = labels.find((label) => label.startsWith('Site last dated'));
        if (site.copyrightYear !== null && year - site.copyrightYear >= 2) {
          expect(dated, at).toBe(`Site last dated ${site.copyrightYear}`);
          expect(line(dated!), at).toBe(year - site.copyrightYear >= 4 ? '+8' : '+4');
        } else expect(dated, at).toBeUndefined();
        // The card's one-line summary names the biggest parts in short.
        const summary = (await page.locator('#pr-why header p').textContent()) ?? '';
        if (site.bookingTools.length === 0) expect(summary, at).toContain('no booking link');
        checked.push(site.slug);
      }
      expect(checked.length).toBe(searched.filter((business) => truth.get(business.slug)?.outcome === 'ok').length);
    } finally {
      await context.close();
    }
  }, 150_000);

  it('shows the evidence: the pages read, the published addresses, the no-solicitation notice where there is one', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, '/app/staff/prospects', 'en');
      await poolFilled(page);
      await page.reload();
      await page.locator('.pr-table').waitFor();
      const withNotice: string[] = [];
      for (const { href, website } of await prospectLinks(page)) {
        const site = truth.get(slugOf(website));
        if (site?.outcome !== 'ok') continue;
        await page.goto(`${origin}${href}`);
        await page.locator('#pr-pages').waitFor();
        const at = site.slug;
        // The home page first, read (200), each page with its title.
        const pages = await page
          .locator('#pr-pages tbody tr')
          .evaluateAll((rows) =>
            rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')),
          );
        expect(pages.length, at).toBeGreaterThan(0);
        expect(pages[0]!.slice(0, 2), at).toEqual(['/ (opens in a new tab)', '200']);
        // The addresses shown are the ones the site publishes, none made up.
        const published = site.emails.map((email) => email.address);
        const shown = await page.locator('#pr-emails tbody td:first-child code').allTextContents();
        expect(shown.length > 0, at).toBe(published.length > 0);
        for (const address of shown) expect(published, at).toContain(address);
        // A notice on the site: said, quoted, with the page it is on, and its addresses not to be written to.
        const notice = page.locator('#pr-tools');
        if (site.noSolicitation) {
          withNotice.push(site.slug);
          expect(await notice.locator('.badge-danger').textContent(), at).toBe(
            'Not contactable: no-solicitation notice',
          );
          expect(((await notice.locator('blockquote.pr-excerpt').textContent()) ?? '').length, at).toBeGreaterThan(10);
          const on = (await notice.locator('.meta-inline a').textContent())?.replace(' (opens in a new tab)', '');
          expect(site.noSolicitation.pages, at).toContain(on);
          const consent = await page.locator('#pr-emails tbody td:nth-child(2)').allTextContents();
          for (const text of consent) expect(text, at).toBe('Not contactable: no-solicitation notice');
        } else {
          expect(await notice.textContent(), at).toContain('No such notice on the pages read.');
          expect(await page.locator('#pr-emails').textContent(), at).not.toContain('no-solicitation');
        }
      }
      // The demo ICP's catalogue has exactly the sites with a notice the truth lists.
      expect(withNotice.sort()).toEqual(
        searched
          .filter((business) => truth.get(business.slug)?.outcome === 'ok' && truth.get(business.slug)?.noSolicitation)
          .map((business) => business.slug)
          .sort(),
      );
      expect(withNotice.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 150_000);
});

describe('in Quebec French', () => {
  /** A prospect whose site has a no-solicitation notice, and whose pages are French. */
  const noticeSlug = () =>
    searched.find((business) => truth.get(business.slug)?.noSolicitation && business.languages.includes('fr'))!;

  it('words the five screens in French, with no English label left', async () => {
    const context = await dashboardContext(browser, { width: 1280, locale: 'fr-CA' });
    const page = await context.newPage();
    const english: Record<string, string[]> = {};
    const look = async (screen: string) => {
      const found = await englishLabels(page);
      if (found.length > 0) english[screen] = found;
    };
    try {
      await open(page, '/app/staff/discovery', 'fr');
      await poolFilled(page);
      await page.reload();
      await page.locator('.pr-runs').waitFor();
      expect(await page.locator('main h1').textContent()).toBe('Prospection');
      expect(await page.getByRole('button', { name: 'Lancer la prospection maintenant' }).count()).toBe(1);
      const run = page.locator('.pr-runs tbody tr').first();
      expect(await run.locator('.badge').textContent()).toBe('Terminée');
      expect(await run.locator('td').nth(1).textContent()).toBe('Manuelle');
      expect(await run.locator('.pr-run-figures dt').allTextContents()).toEqual([
        'Trouvés',
        'Nouveaux',
        'Fusionnés',
        'Analysés',
        'Échecs',
        'Ignorés',
      ]);
      expect(await page.locator('#pd-providers').textContent()).toContain('Sites de démonstration');
      expect(await page.locator('#pd-icps-title').textContent()).toBe('Profils de client idéal');
      await look('discovery');

      await page.goto(`${origin}/app/staff/prospects`);
      await page.locator('.pr-table').waitFor();
      expect(await page.locator('main h1').textContent()).toBe('Prospects');
      expect(await page.locator('.pr-table thead th').allTextContents()).toEqual([
        'Entreprise',
        'Secteur',
        'Ville',
        'Langue',
        'Besoin',
        'Adéquation',
        'Formulaire',
        'Joignable',
        'Sources',
      ]);
      expect(await page.locator('.pr-showing').textContent()).toBe(
        `${searched.length} sur ${searched.length} affichés`,
      );
      expect(await page.locator('#pr-sort option:checked').textContent()).toBe('Score de besoin');
      // Fit scores in French decimals ("9,9"), never with a point.
      for (const fit of await page.locator('.pr-table tbody td:nth-child(6)').allTextContents())
        expect(fit).toMatch(/^(\d+(,\d+)?|—)$/);
      await look('prospects');

      const business = noticeSlug();
      await page.locator('.pr-table .pr-name', { hasText: business.businessName }).click();
      await page.locator('.pr-parts').waitFor();
      expect(await page.locator('main h1').textContent()).toBe(business.businessName);
      expect(await page.locator('#pr-why-title').textContent()).toBe('Pourquoi ce score de besoin');
      const { lines } = await explanation(page);
      expect(lines[0]).toMatchObject({ label: 'Base', points: '45' });
      expect(lines.map((line) => line.label)).toContain('Aucun outil de prise de rendez-vous en ligne');
      expect(lines.map((line) => line.label)).toContain('Site en français seulement');
      expect(await page.locator('#pr-why header p').textContent()).toContain('aucune prise de rendez-vous en ligne');
      expect(await page.locator('#pr-pages-title').textContent()).toBe('Pages lues');
      expect(await page.locator('#pr-emails-title').textContent()).toBe('Adresses courriel');
      expect(await page.locator('#pr-tools .badge-danger').textContent()).toBe(
        'Non joignable\u00a0: avis de non-sollicitation',
      );
      expect(await page.locator('#pr-pages tbody tr').first().locator('td').first().textContent()).toBe(
        '/ (s’ouvre dans un nouvel onglet)',
      );
      await look('prospect');

      await page.goto(`${origin}/app/staff/prospects/import`);
      await page.locator('#pi-file-input').waitFor();
      expect(await page.locator('main h1').textContent()).toBe('Importer des prospects');
      await chooseCsv(page);
      expect(await page.locator('#pi-preview-title').textContent()).toBe('Ce que contient le fichier');
      expect(await page.locator('.pr-facts-inline').textContent()).toContain('Point-virgule (;)');
      expect(await page.locator('#pi-map-website option:checked').textContent()).toBe(
        'Colonne 2\u00a0: Adresse du site',
      );
      expect(await page.locator('#pi-map-businessName option:checked').textContent()).toBe('Non importé');
      await look('import, the file previewed');

      await page.goto(`${origin}/app/staff/profile`);
      await page.locator('main textarea').waitFor();
      expect(await page.locator('main h1').textContent()).toBe('Notre profil');
      expect(await page.getByRole('button', { name: 'Enregistrer le profil' }).count()).toBe(1);
      expect(await page.locator('.pr-became').textContent()).toContain('Fragments vectorisés');
      await look('profile');

      expect(english).toEqual({});
    } finally {
      await context.close();
    }
  }, 150_000);

  it('turns a prospect French at the language switch, its score’s lines included', async () => {
    const context = await dashboardContext(browser, { width: 1280 });
    const page = await context.newPage();
    try {
      await open(page, '/app/staff/prospects', 'en');
      await poolFilled(page);
      await page.reload();
      await page.locator('.pr-table .pr-name').first().click();
      await page.locator('.pr-parts').waitFor();
      const before = await explanation(page);
      expect(before.lines.slice(1).map((line) => line.label)).toContain('No online booking tool');
      await openMenu(page);
      await page.locator('.lang-switch button', { hasText: 'Français' }).click();
      await expect.poll(() => page.locator('#pr-why-title').textContent()).toBe('Pourquoi ce score de besoin');
      const after = await explanation(page);
      // The same parts and points, each line now in French.
      expect(after.total).toBe(before.total);
      expect(after.lines.map((line) => line.points)).toEqual(before.lines.map((line) => line.points));
      expect(after.lines.map((line) => line.label)).toContain('Aucun outil de prise de rendez-vous en ligne');
      for (const [index, line] of after.lines.entries())
        if (index > 0) expect(line.label).not.toBe(before.lines[index]!.label);
      expect(await page.getByRole('link', { name: 'Retour aux prospects' }).count()).toBe(1);
      expect(await englishLabels(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

it('fits a phone’s width with no sideways scrolling on the five screens, in English and in French', async () => {
  const context = await dashboardContext(browser, { width: 375 });
  const page = await context.newPage();
  const scrolling: Record<string, string> = {};
  const check = async (screen: string) => {
    const extra = await sidewaysScroll(page);
    if (extra > 0) scrolling[screen] = `${extra} px: ${(await overflowing(page)).join('; ')}`;
  };
  try {
    await signInByApi(page, origin, staff.email);
    await poolFilled(page);
    for (const lang of ['en', 'fr'] as const) {
      await open(page, '/app/staff/discovery', lang);
      await page.locator('.pr-runs').waitFor();
      await check(`discovery [${lang}]`);
      await open(page, '/app/staff/prospects', lang);
      await page.locator('.pr-table').waitFor();
      // At this width the filters start folded away; open, they must fit too.
      expect(await page.locator('#pr-filters').isHidden()).toBe(true);
      await page.locator('#pr-filters-button').click();
      await page.locator('#pr-filters').waitFor();
      await check(`prospects, filters open [${lang}]`);
      // The longest page: the prospect whose site has a form, a notice and the most pages.
      await page.locator('.pr-table .pr-name', { hasText: /Pro-Design/ }).click();
      await page.locator('#pr-form').waitFor();
      await check(`prospect [${lang}]`);
      await open(page, '/app/staff/prospects/import', lang);
      await chooseCsv(page);
      await check(`import, the file previewed [${lang}]`);
      await open(page, '/app/staff/profile', lang);
      await page.locator('main textarea').waitFor();
      await check(`profile [${lang}]`);
    }
    expect(scrolling).toEqual({});
  } finally {
    await context.close();
  }
}, 150_000);

it('imports a UTF-8 CSV with accents once its columns are mapped, and the business joins the pool', async () => {
  const context = await dashboardContext(browser, { width: 1280 });
  const page = await context.newPage();
  try {
    await open(page, '/app/staff/prospects/import', 'en');
    expect(await page.locator('main h1').textContent()).toBe('Import prospects');
    await chooseCsv(page);
    // What the file holds, read as UTF-8: the accents intact, the delimiter found, both lines counted.
    const facts = await page.locator('.pr-facts-inline dd').allTextContents();
    expect(facts).toEqual(['UTF-8', 'Semicolon (;)', '2']);
    expect(await page.locator('.pr-sample thead th').allTextContents()).toEqual([
      '1Clinique',
      '2Adresse du site',
      '3Ville',
      '4Secteur d’activité',
    ]);
    expect(await page.locator('.pr-sample tbody tr').first().locator('td').allTextContents()).toEqual([
      'Massothérapie Équilibre',
      'https://massotherapie-equilibre.test',
      'Québec',
      'Massothérapie',
    ]);
    // The columns it could guess are chosen; the business name's column ("Clinique") is not.
    expect(await page.locator('#pi-map-website option:checked').textContent()).toBe('Column 2: Adresse du site');
    expect(await page.locator('#pi-map-city option:checked').textContent()).toBe('Column 3: Ville');
    expect(await page.locator('#pi-map-industry option:checked').textContent()).toBe('Column 4: Secteur d’activité');
    expect(await page.locator('#pi-map-businessName option:checked').textContent()).toBe('Not imported');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.locator('#pi-mapping [role="alert"], #pi-mapping .field-error').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Choose a column for: Business name.')]));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pi-map-businessName');

    await page.locator('#pi-map-businessName').selectOption({ label: 'Column 1: Clinique' });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('#pi-result-title').waitFor();
    expect(await page.locator('#pi-result-title').textContent()).toBe('The import is done');
    const result = Object.fromEntries(
      await page
        .locator('.card .stats .stat')
        .evaluateAll((stats) =>
          stats.map((stat) => [
            stat.querySelector('.stat-label')?.textContent,
            stat.querySelector('.stat-value')?.textContent,
          ]),
        ),
    );
    expect(result).toEqual({
      'Lines read': '2',
      'New prospects': '1',
      'Merged with known ones': '0',
      'Queued for analysis': '1',
    });
    // The line without a website is named, with why, and the rest imported.
    const refused = await page
      .locator('.pr-lines tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
    expect(refused).toHaveLength(1);
    expect(refused[0]![0]).toBe('3');
    expect(refused[0]![1]).toBe('no_website');

    await page.getByRole('link', { name: 'See the prospects' }).click();
    await page.locator('.pr-table').waitFor();
    await settled(page);
    expect(new URL(page.url()).search).toBe('?sort=recent');
    const first = page.locator('.pr-table tbody tr').first();
    expect(await first.locator('.pr-name').textContent()).toBe('Massothérapie Équilibre');
    expect(await first.locator('td').nth(2).textContent()).toBe('Québec');
    expect(await first.locator('.badge', { hasText: 'CSV import' }).count()).toBe(1);
    expect(await page.locator('.pr-table .pr-name', { hasText: 'Boulangerie' }).count()).toBe(0);

    // Queued for analysis: its page says so, then shows its score once the site is read.
    await first.locator('.pr-name').click();
    await page.locator('main h1', { hasText: 'Massothérapie Équilibre' }).waitFor();
    await expect.poll(() => page.locator('.pr-parts').count(), { timeout: 60_000, interval: 1_000 }).toBe(1);
    const { total } = await explanation(page);
    expect(total).toBeGreaterThanOrEqual(45);
    expect(total).toBeLessThanOrEqual(95);
    expect(await page.locator('#pr-sources tbody').textContent()).toContain('CSV import');
  } finally {
    await context.close();
  }
}, 120_000);

it('keeps a client account out of the prospect screens and their API', async () => {
  const context = await dashboardContext(browser, { width: 1280 });
  const page = await context.newPage();
  try {
    await signInByApi(page, origin, customer.email);
    for (const screen of [
      '/app/staff/prospects',
      '/app/staff/discovery',
      '/app/staff/prospects/import',
      '/app/staff/profile',
    ]) {
      await page.goto(`${origin}${screen}`);
      await expect.poll(() => new URL(page.url()).pathname, { message: screen }).toBe('/app');
    }
    await page.locator('header.top nav').waitFor({ state: 'attached' });
    expect(await page.locator('header.top nav').textContent()).not.toMatch(/Prospects|Discovery|Prospection/);
    const statuses = await page.evaluate(async () => {
      const list = await fetch('/api/app/staff/prospects');
      const run = await fetch('/api/app/staff/discovery/run', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return [list.status, run.status];
    });
    expect(statuses).toEqual([403, 403]);
  } finally {
    await context.close();
  }
}, 60_000);
