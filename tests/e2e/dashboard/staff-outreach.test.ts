import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROSPECT_SCREEN_NAMES } from '../../../dashboard/header';
import { industryName } from '../../../dashboard/staff-outreach-common';
import { OUTREACH_STRINGS } from '../../../dashboard/strings/outreach';
import { type Client, emailTemplates, outreachCampaigns, prospectIndustryPerformance } from '../../../schema';
import { IDENTITY_LABELS, type SenderIdentity } from '../../../worker/features/outreach/identification';
import { recordBounce, recordReply, recordUnsubscribe } from '../../../worker/features/outreach/lifecycle';
import { suppress } from '../../../worker/features/outreach/suppression';
import { campaignDetail } from '../../../worker/features/outreach/views';
import { clientWithPassword } from '../../support/dashboard';
import {
  type BrowserStack,
  type ContextOptions,
  chooseLang,
  dashboardContext,
  navigateTo,
  overflowing,
  settled,
  sidewaysScroll,
  signInByApi,
  startBrowserStack,
  toastText,
} from '../../support/dashboard-browser';
import { newTag, outreachSeeder } from '../../support/outreach-seed';

/**
 * Outreach as Avenir's staff meet it: campaigns listed with their status, one created
 * through the form and one refused a start without the anti-spam law's identification;
 * a template with an unknown variable refused at its place; the approval queue (one by
 * one, in bulk, never an email without an address); a campaign's page after its emails
 * went (people beside machines in the funnel, a reply to read, a bounce); the suppression
 * list and the industries; Quebec French at a phone's width; and a client kept out.
 */

const MAILBOX = 'marie@avenir.example';
const ENV = {
  INBOUND_DOMAIN: 'inbound.avenir.local',
  INBOUND_TOKEN_SECRET: 'an-e2e-outreach-secret-of-at-least-32-chars',
  MAIL_FROM: MAILBOX,
  FORM_TEST_SENDER_NAME: 'Marie Tremblay',
  OUTREACH_POSTAL_ADDRESS: '1000, rue De La Gauchetière Ouest, Montréal (Québec) H3B 0A2',
};
const IDENTITY: SenderIdentity = {
  senderName: ENV.FORM_TEST_SENDER_NAME,
  businessName: 'Avenir',
  postalAddress: ENV.OUTREACH_POSTAL_ADDRESS,
  contact: 'bonjour@avenir.example',
};
const en = OUTREACH_STRINGS.en;
const SCREENS = PROSPECT_SCREEN_NAMES.en;

let stack: BrowserStack;
let staff: Client;
let staffFr: Client;
let customer: Client;
let seed: ReturnType<typeof outreachSeeder>;

beforeAll(async () => {
  stack = await startBrowserStack(ENV);
  const account = (businessName: string, local: string, language: 'en' | 'fr', isInternal = true) =>
    clientWithPassword(stack.database, {
      businessName,
      email: `${local}-${randomUUID().slice(0, 8)}@avenir.example`,
      language,
      isInternal,
    });
  staff = await account('Avenir', 'staff', 'en');
  staffFr = await account('Avenir Québec', 'equipe', 'fr');
  customer = await account('Plomberie Lavoie', 'owner', 'fr', false);
  seed = outreachSeeder(db(), { clientId: staff.id, staffEmail: staff.email, mailbox: MAILBOX, identity: IDENTITY });
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

const db = () => stack.database.access;

/** A fresh browser context (1280 px, English unless told) and its page, closed after `body`. */
async function withPage(body: (page: Page) => Promise<void>, options: ContextOptions = { width: 1280 }) {
  const context = await dashboardContext(stack.browser, options);
  try {
    await body(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Goes to `path` and waits for its heading and data. */
async function visit(page: Page, path: string) {
  await page.goto(`${stack.origin}${path}`);
  await page.locator('main h1').waitFor();
  await settled(page);
}

/** Signs the staff account in, in English, and opens `path`. */
async function open(page: Page, path: string) {
  await signInByApi(page, stack.origin, staff.email);
  await chooseLang(page, 'en');
  await visit(page, path);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

/** A table's row (by the table's accessible name) that holds `text`. */
const rowOf = (page: Page, table: string, text: string): Locator =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: text });

/** The status a campaigns list shows for a campaign (its second column). */
const listedStatus = async (page: Page, campaign: string, caption = en.orCampaignsCaption) =>
  (await rowOf(page, caption, campaign).getByRole('cell').nth(1).innerText()).trim();

/** The texts of what describes a control (aria-describedby), joined. */
async function description(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

describe('the campaigns', () => {
  it('lists a campaign with its status, and creates one through the form', async () => {
    const seeded = await seed.campaign('Plombiers de Laval', [], { start: true });
    const template = await seed.template('en');
    const name = `Toitures de Québec ${newTag()}`;
    const identity = {
      senderName: 'Julie Bouchard',
      businessName: 'Avenir inc.',
      postalAddress: '455, rue Saint-Jean, Québec (Québec) G1R 1P3',
      contact: 'julie@avenir.example',
    };
    await withPage(async (page) => {
      await open(page, '/app');
      await navigateTo(page, SCREENS['staff-outreach']);
      await page.getByRole('heading', { level: 1, name: SCREENS['staff-outreach'] }).waitFor();
      await settled(page);
      expect(await listedStatus(page, seeded.name)).toBe(en.orCampaignStatuses.active);

      await page.getByRole('button', { name: en.orNewCampaign }).first().click();
      const form = page.getByRole('region', { name: en.orNewTitle });
      await form.getByLabel(en.orName, { exact: true }).fill(name);
      await form.getByLabel(en.orTemplateEn).selectOption({ label: template.name });
      await form.getByLabel(en.orTemplateFr).selectOption({ label: en.orNoTemplate });
      await form.getByLabel(en.orFollowUps, { exact: true }).fill('4, 9');
      await form.getByLabel(en.orMailbox).selectOption(MAILBOX);
      await form.getByLabel(en.orDailyCap).fill('15');
      await form.getByLabel(en.orIndustries, { exact: true }).fill('roofing');
      await form.getByLabel(en.orSenderName).fill(identity.senderName);
      await form.getByLabel(en.orBusinessName, { exact: true }).fill(identity.businessName);
      await form.getByLabel(en.orPostalAddress).fill(identity.postalAddress);
      await form.getByLabel(en.orContact, { exact: true }).fill(identity.contact);
      await form.getByRole('button', { name: en.orCreate }).click();

      // Saved as a draft, on its own page, and it may be started: nothing it needs is missing.
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await settled(page);
      const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      expect(await page.locator('#or-status-title').innerText()).toContain(en.orCampaignStatuses.draft);
      expect(await page.getByRole('button', { name: en.orStart, exact: true }).isEnabled()).toBe(true);
      const stored = await campaignDetail(db(), id);
      expect(stored).toMatchObject({
        name,
        status: 'draft',
        clientId: staff.id,
        templateIds: { en: template.id, fr: null },
        followUpSchedule: [4, 9],
        mailbox: MAILBOX,
        dailyCap: 15,
        identity,
        cannotStart: [],
      });
      expect(stored.targetCriteria.industries).toEqual(['roofing']);

      await page.getByRole('link', { name: en.orAllCampaigns }).first().click();
      await page.getByRole('heading', { level: 1, name: SCREENS['staff-outreach'] }).waitFor();
      await settled(page);
      expect(await listedStatus(page, name)).toBe(en.orCampaignStatuses.draft);
      expect(await listedStatus(page, seeded.name)).toBe(en.orCampaignStatuses.active);
    });
  });

  it('refuses to start a campaign without the sender’s identification, and says what is missing', async () => {
    const bare = await seed.campaign('Sans adresse', [], { identity: { postalAddress: '', contact: ' ' } });
    await withPage(async (page) => {
      await open(page, `/app/staff/outreach/campaigns/${bare.id}`);
      expect(await h1(page)).toBe(bare.name);
      const start = page.getByRole('button', { name: en.orStart, exact: true });
      expect(await start.isDisabled()).toBe(true);
      const missing = await description(start);
      expect(missing).toContain(en.orCannotStartYet);
      expect(missing).toContain(IDENTITY_LABELS.postalAddress.en);
      expect(missing).toContain(IDENTITY_LABELS.contact.en);
      expect(missing).not.toContain(IDENTITY_LABELS.senderName.en);
      // The API refuses it too, whoever asks.
      const refusal = await page.evaluate(async (id) => {
        const response = await fetch(`/api/app/staff/outreach/campaigns/${id}/status`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ action: 'start' }),
        });
        const body = (await response.json()) as { error: { code: string; details?: { missing?: unknown[] } } };
        return { status: response.status, code: body.error.code, missing: body.error.details?.missing?.length };
      }, bare.id);
      expect(refusal).toEqual({ status: 422, code: 'campaign_incomplete', missing: 2 });
      const [row] = await db().service((tx) =>
        tx.select().from(outreachCampaigns).where(eq(outreachCampaigns.id, bare.id)),
      );
      expect(row!.status).toBe('draft');
    });
  });
});

it('refuses a template with an unknown variable at its place, and saves a valid one', async () => {
  const name = `Relance courtoise ${newTag()}`;
  const saved = () => db().service((tx) => tx.select().from(emailTemplates).where(eq(emailTemplates.name, name)));
  await withPage(async (page) => {
    await open(page, '/app/staff/outreach');
    await page
      .getByRole('navigation', { name: en.orTabs })
      .getByRole('link', { name: SCREENS['staff-outreach-templates'] })
      .click();
    await page.getByRole('heading', { level: 1, name: SCREENS['staff-outreach-templates'] }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: en.orNewTemplate }).first().click();
    const editor = page.getByRole('region', { name: en.orNewTemplate });
    await editor.getByLabel(en.orName, { exact: true }).fill(name);
    await editor.getByLabel(en.orLanguage, { exact: true }).selectOption('en');
    const subject = editor.getByLabel(en.orParts.subject, { exact: true });
    await subject.fill('A question for {{company_name}}');
    const plain = editor.getByLabel(en.orParts.plain, { exact: true });
    await plain.fill('Hello {{frist_name}},\n\nWe looked at {{website}}.\n\n{{sender_name}}');
    await editor.getByLabel(en.orParts.html, { exact: true }).fill('<p>Hello,</p><p>We looked at {{website}}.</p>');
    await editor.getByRole('button', { name: en.orCreateTemplate }).click();

    // Refused, the problem said under the plain text it is in, and nothing stored.
    await editor.getByText(en.orProblemsTitle(1, '1')).waitFor();
    expect(await plain.getAttribute('aria-invalid')).toBe('true');
    expect(await description(plain)).toContain('{{frist_name}}');
    expect(await subject.getAttribute('aria-invalid')).toBeNull();
    expect(await saved()).toEqual([]);

    await plain.fill('Hello,\n\nWe looked at {{website}} for {{company_name}}.\n\n{{sender_name}}');
    await editor.getByRole('button', { name: en.orCreateTemplate }).click();
    await expect.poll(() => toastText(page).textContent()).toBe(en.orTemplateCreated(name));
    const [row] = await saved();
    expect(row).toMatchObject({ language: 'en', isActive: true });
    expect([...row!.variables].sort()).toEqual(['company_name', 'sender_name', 'website']);
    const listed = rowOf(page, en.orTemplatesIn.en, name);
    await listed.waitFor();
    expect(await listed.innerText()).toContain(en.orActive);
  });
});

it('approves, rejects and bulk-approves in the queue, never an email without an address', async () => {
  const seeded = await seed.campaign(
    'Plombiers lents',
    [
      { name: 'Plomberie Alpha', address: 'info', slow: true },
      { name: 'Plomberie Bravo', address: 'bonjour' },
      { name: 'Plomberie Charlie', address: 'info' },
      { name: 'Plomberie Delta', address: 'contact' },
      { name: 'Plomberie Echo', address: null },
    ],
    { start: true },
  );
  const [alpha, bravo, charlie, delta, echo] = seeded.companies as [string, string, string, string, string];
  const rows = await seed.emails(seeded.id);
  await withPage(async (page) => {
    const card = (company: string) => page.getByRole('article', { name: company });
    await open(page, `/app/staff/outreach/approval?campaign=${seeded.id}`);
    await page.getByText(en.orWaiting(5, '5')).waitFor();

    // What an email rests on, each stored fact named in words, and why its address may be written to.
    const first = rows.get(alpha)!;
    const shown = await card(alpha).innerText();
    for (const text of [first.prospectEmail!, first.subject, en.orConsent, en.orFoundMailto])
      expect(shown).toContain(text);
    expect(shown).toContain(`https://${first.prospectEmail!.split('@')[1]}/contact`);
    const facts = (first.metadata as { facts: string[] }).facts;
    expect(facts).toContain('form_test.response_minutes');
    expect(await card(alpha).getByRole('listitem').allInnerTexts()).toEqual(
      expect.arrayContaining(facts.map((fact) => en.orFactNames[fact])),
    );

    // No address: said so, and Approve is not offered.
    expect(await card(echo).innerText()).toContain(en.orNoAddress);
    expect(await card(echo).getByRole('button', { name: en.orApprove }).isDisabled()).toBe(true);

    await card(alpha).getByRole('button', { name: en.orApprove }).click();
    await expect.poll(() => toastText(page).textContent()).toBe(en.orApprovedCount(1, '1'));
    await expect.poll(() => card(alpha).count()).toBe(0);
    expect(await seed.status(first.id)).toBe('approved');

    await card(bravo).getByRole('button', { name: en.orReject }).click();
    await expect.poll(() => toastText(page).textContent()).toBe(en.orRejectedCount(1, '1'));
    await expect.poll(() => card(bravo).count()).toBe(0);
    expect(await seed.status(rows.get(bravo)!.id)).toBe('rejected');

    // Three chosen, one without an address: two are approved, and the screen says why not the third.
    for (const company of [charlie, delta, echo]) await page.getByLabel(en.orSelectEmail(company)).check();
    await page.getByText(en.orSomeCannotBeApproved(1, '1')).waitFor();
    await page.getByRole('button', { name: en.orApproveSelected('2') }).click();
    await expect.poll(() => toastText(page).textContent()).toBe(en.orApprovedCount(2, '2'));
    await page.getByText(en.orWaiting(1, '1')).waitFor();
    expect(await card(echo).count()).toBe(1);
    const statuses = await Promise.all([charlie, delta, echo].map((company) => seed.status(rows.get(company)!.id)));
    expect(statuses).toEqual(['approved', 'approved', 'pending']);
  });
});

it('shows a campaign’s funnel after sends: people beside every event, the reply, the bounce', async () => {
  const seeded = await seed.campaign(
    'Toitures',
    ['Ouvre', 'Répond', 'Revient', 'Désabonne'].map((what) => ({ name: `Toiture ${what}`, address: 'info' })),
    { start: true, followUps: [3] },
  );
  const [opens, replies, bounces, leaves] = seeded.companies as [string, string, string, string];
  const sentAt = new Date(Date.now() - 3 * 3_600_000);
  const sent = await seed.sendFirstEmails(seeded.id, sentAt);
  const at = new Date(sentAt.getTime() + 3_600_000);
  expect(await seed.open(sent.get(opens)!.id, at, 'person')).toEqual({ recorded: true, human: true });
  // Apple Mail Privacy Protection fetching the pixel: kept, flagged a machine's, not counted.
  expect(await seed.open(sent.get(opens)!.id, at, 'apple_mpp')).toEqual({ recorded: true, human: false });
  const reply = 'Oui, appelez-moi jeudi après 14 h, au 514 555-0101.';
  const answered = sent.get(replies)!;
  await db().service(async (tx) => {
    await recordReply(tx, answered, { from: answered.prospectEmail, subject: 'Re: Votre formulaire', text: reply, at });
    await recordBounce(tx, sent.get(bounces)!, { status: '5.1.1', hard: true, at, diagnostic: 'user unknown' });
    await recordUnsubscribe(tx, sent.get(leaves)!, 'one_click');
  });
  // A reply is a person who opened: two people opened, of two open events, one of them a machine's.
  expect((await campaignDetail(db(), seeded.id)).metrics).toMatchObject({
    sent: 4,
    delivered: 3,
    opened: 2,
    rawOpens: 2,
    machineOpens: 1,
    replied: 1,
    bounced: 1,
    unsubscribed: 1,
  });

  await withPage(async (page) => {
    await open(page, `/app/staff/outreach/campaigns/${seeded.id}`);
    expect(await h1(page)).toBe(seeded.name);
    const funnel = page.getByRole('figure', { name: en.orFunnelTitle });
    expect(await funnel.innerText()).toContain(en.orRawNote('2', '1'));
    await funnel.getByText(en.orShowFigures).click();
    /** A funnel step's figures: step, people, share of sent, every event, by machines. */
    const cells = async (step: keyof typeof en.orFunnelSteps) => {
      const named = page.getByRole('cell', { name: en.orFunnelSteps[step], exact: true });
      const row = funnel.getByRole('table', { name: en.orFunnelTitle }).getByRole('row').filter({ has: named });
      return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
    };
    expect((await cells('sent')).slice(0, 2)).toEqual([en.orFunnelSteps.sent, '4']);
    const opened = await cells('opened');
    expect([opened[1], opened[3], opened[4]]).toEqual(['2', '2', '1']);
    expect((await cells('replied'))[1]).toBe('1');
    expect(await page.locator('.stats').innerText()).toContain(en.orBouncedNote(1, '1', 1, '1'));

    const replied = page.getByRole('region', { name: en.orRepliesTitle });
    const answer = await replied.getByRole('article', { name: 'Re: Votre formulaire' }).innerText();
    expect(answer).toContain(reply);
    expect(answer).toContain(answered.prospectEmail!);
    const bounced = await rowOf(page, en.orBouncesTitle, sent.get(bounces)!.prospectEmail!).innerText();
    expect(bounced).toContain(en.orHardBounce);
    expect(bounced).toContain('5.1.1');
    // Each email with its status; the reply, the bounce and the unsubscribe cancelled what was to follow.
    for (const [company, status] of [
      [opens, 'opened'],
      [replies, 'replied'],
      [bounces, 'bounced'],
    ] as const)
      expect(await rowOf(page, en.orEmailsTitle, company).first().innerText()).toContain(en.orEmailStatuses[status]);
    const followUps = await seed.emails(seeded.id, 2);
    expect([replies, bounces, leaves].map((company) => followUps.get(company)!.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });
});

it('lists the suppressed addresses and domains, and the industries’ results', async () => {
  const tag = newTag();
  const industry = `e2e_${tag}`;
  await db().service(async (tx) => {
    await suppress(tx, { domain: `${tag}-exclu.ca`, reason: 'manual', note: `Client ${tag}`, createdBy: staff.email });
    await suppress(tx, { address: `plainte-${tag}@exemple.ca`, reason: 'complaint' });
    await tx.insert(prospectIndustryPerformance).values({
      industry,
      totalContacted: 20,
      totalOpened: 9,
      totalReplied: 4,
      openRate: 45,
      replyRate: 20,
      avgResponseTimeHours: 5.5,
      priorityScore: 87,
    });
  });
  await withPage(async (page) => {
    await open(page, '/app/staff/outreach/suppressions');
    expect(await h1(page)).toBe(SCREENS['staff-outreach-suppressions']);
    await page.getByLabel(en.orSearchSuppressions).fill(tag);
    await expect.poll(() => rowOf(page, en.orSuppressionsTitle, tag).count()).toBe(2);
    const domain = await rowOf(page, en.orSuppressionsTitle, `${tag}-exclu.ca`).innerText();
    for (const text of [en.orWholeDomain, en.orReasons.manual, `Client ${tag}`, staff.email, en.orLift])
      expect(domain).toContain(text);
    const complaint = await rowOf(page, en.orSuppressionsTitle, `plainte-${tag}@exemple.ca`).innerText();
    for (const text of [en.orReasons.complaint, en.orAutomatically, en.orKept]) expect(complaint).toContain(text);

    await page
      .getByRole('navigation', { name: en.orTabs })
      .getByRole('link', { name: SCREENS['staff-outreach-industries'] })
      .click();
    await page.getByRole('heading', { level: 1, name: SCREENS['staff-outreach-industries'] }).waitFor();
    await settled(page);
    const row = rowOf(page, en.orIndustriesTitle, industry);
    const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
    expect(cells[0]).toContain(industryName(industry, 'en'));
    expect(cells.slice(1, 4)).toEqual(['20', '9', '4']);
    expect(cells[7]).toBe('87');
  });
});

it('reads in Quebec French at a phone’s width, without sideways scrolling', async () => {
  const fr = OUTREACH_STRINGS.fr;
  const names = PROSPECT_SCREEN_NAMES.fr;
  const draft = await seed.campaign('Brouillon', []);
  const active = await seed.campaign(
    'Déneigement',
    [
      { name: 'Déneigement Tremblay-Lévesque et fils', address: 'info', slow: true },
      { name: 'Déneigement Boréal', address: 'bonjour' },
      { name: 'Déneigement Sans Adresse', address: null },
    ],
    { start: true, followUps: [3, 7] },
  );
  const sent = await seed.sendFirstEmails(active.id, new Date(Date.now() - 3_600_000));
  const answered = sent.get(active.companies[1]!)!;
  await db().service((tx) =>
    recordReply(tx, answered, { from: answered.prospectEmail, subject: 'Re: Bonjour', text: 'Merci!', at: new Date() }),
  );
  // A French staff account in a French browser: no language chosen, the dashboard follows the browser.
  await withPage(
    async (page) => {
      const scrolling: Record<string, string> = {};
      const check = async (screen: string) => {
        const extra = await sidewaysScroll(page);
        if (extra > 0) scrolling[screen] = `${extra} px: ${(await overflowing(page)).join('; ')}`;
      };
      await signInByApi(page, stack.origin, staffFr.email);
      await visit(page, '/app/staff/outreach');
      expect(await h1(page)).toBe(names['staff-outreach']);
      expect(await listedStatus(page, draft.name, fr.orCampaignsCaption)).toBe(fr.orCampaignStatuses.draft);
      expect(await listedStatus(page, active.name, fr.orCampaignsCaption)).toBe(fr.orCampaignStatuses.active);
      const tabs = await page.getByRole('navigation', { name: fr.orTabs }).getByRole('link').allInnerTexts();
      expect(tabs.map((tab) => tab.trim())).toEqual([
        fr.orCampaignsTab,
        names['staff-outreach-approval'],
        names['staff-outreach-templates'],
        names['staff-outreach-suppressions'],
        names['staff-outreach-industries'],
      ]);
      await check('campaigns');

      await visit(page, `/app/staff/outreach/approval?campaign=${active.id}`);
      expect(await h1(page)).toBe(names['staff-outreach-approval']);
      // The follow-ups of the one who did not answer, and the three steps without an address.
      await page.getByText(fr.orWaiting(5, '5')).waitFor();
      expect(await page.getByRole('button', { name: fr.orApproveSelected('0') }).isDisabled()).toBe(true);
      await check('approval queue');

      await visit(page, `/app/staff/outreach/campaigns/${active.id}`);
      expect(await h1(page)).toBe(active.name);
      expect(await page.locator('#or-status-title').innerText()).toContain(fr.orCampaignStatuses.active);
      expect(await page.getByRole('heading', { name: fr.orFunnelTitle }).count()).toBe(1);
      expect(await page.getByRole('button', { name: fr.orPause }).count()).toBe(1);
      await check('campaign');
      expect(scrolling).toEqual({});
    },
    { width: 375, locale: 'fr-CA' },
  );
});

it('keeps a client out: no outreach screens in its navigation, its API refused', async () => {
  await withPage(async (page) => {
    await signInByApi(page, stack.origin, customer.email);
    const statuses = await page.evaluate(async () => [
      (await fetch('/api/app/staff/outreach/campaigns')).status,
      (await fetch('/api/app/staff/outreach/emails?status=pending')).status,
      (
        await fetch('/api/app/staff/outreach/emails/approve', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ids: [crypto.randomUUID()] }),
        })
      ).status,
    ]);
    expect(statuses).toEqual([403, 403, 403]);
    for (const screen of ['/app/staff/outreach', '/app/staff/outreach/approval']) {
      await page.goto(`${stack.origin}${screen}`);
      await expect.poll(() => new URL(page.url()).pathname, { message: screen }).toBe('/app');
    }
    const nav = page.locator('header.top nav');
    await nav.waitFor({ state: 'attached' });
    for (const lang of ['en', 'fr'] as const)
      expect(await nav.getByRole('link', { name: PROSPECT_SCREEN_NAMES[lang]['staff-outreach'] }).count()).toBe(0);
    expect(await page.locator('a[href^="/app/staff/outreach"]').count()).toBe(0);
  });
});
