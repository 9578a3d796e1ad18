import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  devOutbox,
  emailTemplates,
  outreachCampaigns,
  outreachEmails,
  outreachMetrics,
  outreachSuppressions,
  prospectCandidates,
  prospectFormTests,
  prospectOutreachLog,
} from '../../../schema';
import { approveEmails, listEmails } from '../../../worker/features/outreach/approval';
import { changeCampaignStatus, createCampaign } from '../../../worker/features/outreach/campaigns';
import { enrolProspects } from '../../../worker/features/outreach/enrolment';
import { recordTrackingEvent } from '../../../worker/features/outreach/events';
import {
  recordBounce,
  recordConversion,
  recordReply,
  recordUnsubscribe,
} from '../../../worker/features/outreach/lifecycle';
import { runScheduler, type SchedulerDeps } from '../../../worker/features/outreach/scheduler';
import { DEFAULT_SENDING_LIMITS } from '../../../worker/features/outreach/sending-rules';
import { createTemplate } from '../../../worker/features/outreach/template-store';
import { campaignDetail } from '../../../worker/features/outreach/views';
import { AppError } from '../../../worker/platform/errors';
import { createOutboxMailer } from '../../../worker/platform/mail/outbox';
import { readReplyAddress } from '../../../worker/platform/mail/reply-address';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';
import { siteEvidence } from '../../support/outreach-seed';

/**
 * A campaign from enrolment to replies: who is enrolled and who is skipped (and why),
 * nothing sent before approval or without the law's identification, follow-ups threaded
 * and cancelled by a reply, a bounce or an unsubscribe, machine opens kept but not counted.
 */

let database: TestDatabase;
let clientId: string;
let otherClientId: string;
const addresses = { secret: 'outreach-test-secret-of-at-least-32-chars', domain: 'in.avenir.test' };
const identity = {
  senderName: 'Marie Tremblay',
  businessName: 'Avenir',
  postalAddress: '1000, rue De La Gauchetière Ouest, Montréal (Québec) H3B 0A2',
  contact: 'bonjour@avenir.test',
};

async function prospect(slug: string, address: string | null, overrides: Record<string, unknown> = {}) {
  const [row] = await database.access.service((tx) =>
    tx
      .insert(prospectCandidates)
      .values({
        businessName: slug.replaceAll('-', ' '),
        website: `https://${slug}.ca`,
        domain: `${slug}.ca`,
        contactEmail: address,
        industry: 'plumbing',
        region: 'QC',
        city: 'Laval',
        language: 'fr',
        analysisStatus: 'analyzed',
        automationNeedScore: 80,
        metadata: { evidence: siteEvidence(address) },
        ...overrides,
      })
      .returning(),
  );
  return row!;
}

const limits = {
  ...DEFAULT_SENDING_LIMITS,
  windowStartHour: 0,
  windowEndHour: 24,
  weekends: true,
  spacingSeconds: 0,
  jitterSeconds: 0,
};

function deps(overrides: Partial<SchedulerDeps> = {}): SchedulerDeps {
  return {
    db: database.access,
    mailer: createOutboxMailer(database.access),
    limits,
    tracking: { appUrl: 'https://app.avenir.test', secret: addresses.secret },
    addresses,
    ...overrides,
  };
}

let campaignId: string;
let slowId: string;

beforeAll(async () => {
  database = await startTestDatabase();
  clientId = (await insertClient(database.access, { isInternal: true })).id;
  otherClientId = (await insertClient(database.access)).id;
  const template = await createTemplate(database.access, {
    name: 'Premier contact',
    description: null,
    language: 'fr',
    category: 'first_contact',
    subject: 'Votre formulaire, {{company_name}}',
    plainContent:
      'Bonjour,\n\n{{form_test_summary | J’ai regardé votre site.}}\n\nVoyez https://avenir.test/demo\n\n{{sender_name}}',
    htmlContent:
      '<p>Bonjour,</p><p>{{form_test_summary | J’ai regardé votre site.}}</p><p><a href="https://avenir.test/demo?a=1&amp;b=2">Voir</a></p><p>{{sender_name}}</p>',
    isActive: true,
  });
  const slow = await prospect('plomberie-lente', 'info@plomberie-lente.ca');
  slowId = slow.id;
  await database.access.service((tx) =>
    tx.insert(prospectFormTests).values({
      prospectId: slow.id,
      testSubmittedAt: new Date('2026-11-24T14:00:00Z'),
      responseReceivedAt: new Date('2026-11-25T16:00:00Z'),
      responseTimeMinutes: 26 * 60,
      autoresponderTone: 'human',
      testStatus: 'completed',
    }),
  );
  await prospect('toiture-rapide', 'info@toiture-rapide.ca');
  await prospect('sans-adresse', null);
  await prospect('pas-de-sollicitation', 'info@pas-de-sollicitation.ca', {
    metadata: {
      evidence: siteEvidence('info@pas-de-sollicitation.ca', {
        email: { noSolicitationNotice: true, contactable: false },
      }),
    },
  });
  await prospect('exclue', 'info@exclue.ca');
  await prospect('anglais', 'hello@anglais.ca', { language: 'en' });
  await database.access.service((tx) =>
    tx.insert(outreachSuppressions).values({ domain: 'exclue.ca', reason: 'manual' }),
  );
  campaignId = await createCampaign(database.access, {
    name: 'Plombiers lents',
    clientId,
    targetCriteria: { industries: ['plumbing'] },
    templateIds: { en: null, fr: template.id },
    followUpSchedule: [3, 7],
    mailbox: 'marie@avenir.test',
    dailyCap: 50,
    identity,
  });
});

afterAll(async () => {
  await database?.close();
});

describe('an outreach campaign', () => {
  it('enrols who may be written to and counts every skip with its reason', async () => {
    const result = await enrolProspects(database.access, campaignId);
    expect(result).toEqual({
      enrolled: 3,
      missingEmail: 1,
      skipped: { not_contactable: 1, suppressed_domain: 1, no_template_in_language: 1 },
    });
    const emails = await listEmails(database.access, { campaignId });
    // Three steps each: the first email and two follow-ups, all waiting for a person.
    expect(emails).toHaveLength(9);
    expect(new Set(emails.map((email) => email.status))).toEqual(new Set(['pending']));
    const slow = emails.find((email) => email.prospectEmail === 'info@plomberie-lente.ca' && email.step === 1)!;
    expect(slow.subject).toBe('Votre formulaire, plomberie lente');
    expect(slow.content).toContain('Votre équipe a répondu en 26 heures');
    expect(slow.content).not.toContain('{{');
    expect(slow.consent).toMatchObject({ pageUrl: 'https://plomberie-lente.ca/contact', how: 'mailto' });
    expect(slow.facts).toContain('form_test.response_minutes');
    // Enrolling again adds no one twice.
    expect((await enrolProspects(database.access, campaignId)).enrolled).toBe(0);
  });

  it('refuses to start without the identification Canada’s anti-spam law requires', async () => {
    const bare = await createCampaign(database.access, {
      name: 'Sans adresse',
      clientId,
      targetCriteria: {},
      templateIds: { en: null, fr: null },
      followUpSchedule: [],
      mailbox: 'marie@avenir.test',
      dailyCap: 10,
      identity: { ...identity, postalAddress: ' ' },
    });
    const refusal = await changeCampaignStatus(database.access, bare, 'start').catch((error: AppError) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('campaign_incomplete');
    const missing = (refusal as AppError).details?.missing as { fr: string }[];
    expect(missing.map((item) => item.fr).join(' ')).toMatch(/adresse postale/);
  });

  it('sends nothing that was not approved, and each approved email once', async () => {
    await changeCampaignStatus(database.access, campaignId, 'start');
    expect((await runScheduler(deps())).sent).toEqual([]);

    const pending = await listEmails(database.access, { campaignId, status: 'pending' });
    const firstSteps = pending.filter((email) => email.step === 1);
    const noAddress = firstSteps.find((email) => email.missingEmail)!;
    // A reviewer read one email, then its words changed (the AI writer, another reviewer): the
    // approval of what they read does not approve the new words.
    const read = firstSteps.find((email) => !email.missingEmail)!;
    await database.access.service((tx) =>
      tx
        .update(outreachEmails)
        .set({ content: `${read.content}\nUne phrase de plus.`, updatedAt: new Date(Date.now() + 1000) })
        .where(eq(outreachEmails.id, read.id)),
    );
    expect(
      await approveEmails(database.access, [read.id], 'staff@avenir.test', { [read.id]: read.version }),
    ).toMatchObject({ approved: 0, changed: 1 });
    const [reread] = await listEmails(database.access, { campaignId, status: 'pending' }).then((rows) =>
      rows.filter((row) => row.id === read.id),
    );
    expect(
      await approveEmails(database.access, [read.id], 'staff@avenir.test', { [read.id]: reread!.version }),
    ).toMatchObject({ approved: 1, changed: 0 });
    const approval = await approveEmails(
      database.access,
      pending.map((email) => email.id),
      'staff@avenir.test',
    );
    // Emails without an address stay pending: they can never be approved (3), and the one
    // approved above is no longer pending (1).
    expect(approval.unchanged).toBe(4);
    expect((await listEmails(database.access, { campaignId })).find((e) => e.id === noAddress.id)!.status).toBe(
      'pending',
    );

    const run = await runScheduler(deps());
    expect(run.sent.map((sent) => sent.to).sort()).toEqual(['info@plomberie-lente.ca', 'info@toiture-rapide.ca']);
    expect(run.sent.every((sent) => sent.step === 1)).toBe(true);
    expect((await runScheduler(deps())).sent).toEqual([]);

    const [mail] = await database.access.service((tx) =>
      tx.select().from(devOutbox).where(eq(devOutbox.toAddress, 'info@plomberie-lente.ca')),
    );
    expect(mail!.rawMime).toMatch(
      /List-Unsubscribe: <https:\/\/app\.avenir\.test\/u\/u\.[0-9a-f]{32}\.[0-9a-f]{24}>, <mailto:reply\+or\./,
    );
    expect(mail!.rawMime).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail!.textBody).toContain('1000, rue De La Gauchetière Ouest');
    expect(mail!.textBody).toMatch(
      /Pour ne plus recevoir nos courriels, en un clic : https:\/\/app\.avenir\.test\/u\//,
    );
    expect(mail!.htmlBody).toMatch(/href="https:\/\/app\.avenir\.test\/o\/c\/c\./);
    expect(mail!.htmlBody).not.toContain('href="https://avenir.test/demo');
    expect(mail!.htmlBody).toMatch(/Me désabonner<\/a>/);
    const target = await readReplyAddress(addresses, mail!.replyTo!.replace(/^.*</, '').replace(/>$/, ''));
    expect(target?.purpose).toBe('outreach');

    const [prospectRow] = await database.access.service((tx) =>
      tx.select().from(prospectCandidates).where(eq(prospectCandidates.id, slowId)),
    );
    expect(prospectRow!.contacted).toBe(true);
    const logs = await database.access.service((tx) =>
      tx.select().from(prospectOutreachLog).where(eq(prospectOutreachLog.prospectId, slowId)),
    );
    expect(logs).toHaveLength(1);
  });

  it('keeps a machine open out of the figures and counts a person’s', async () => {
    const [email] = await database.access.service((tx) =>
      tx
        .select()
        .from(outreachEmails)
        .where(
          sql`${outreachEmails.prospectEmail} = 'info@toiture-rapide.ca' and ${outreachEmails.followUpSequence} = 1`,
        ),
    );
    const base = {
      type: 'outreach_event' as const,
      kind: 'open' as const,
      emailId: email!.id,
      url: null,
      method: 'GET',
      headers: { accept: 'image/*' },
    };
    const at = new Date(email!.sentAt!.getTime() + 3_600_000).toISOString();
    const mpp = { ...base, eventId: crypto.randomUUID(), at, userAgent: 'Mozilla/5.0', ip: '17.58.10.2' };
    expect(await recordTrackingEvent(database.access, mpp)).toEqual({ recorded: true, human: false });
    // The queue delivers twice: recorded once.
    expect((await recordTrackingEvent(database.access, mpp)).recorded).toBe(false);
    let [metrics] = await database.access.service((tx) =>
      tx.select().from(outreachMetrics).where(eq(outreachMetrics.campaignId, campaignId)),
    );
    expect(metrics!.totalEmailsOpened).toBe(0);
    const person = {
      ...base,
      eventId: crypto.randomUUID(),
      at,
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      ip: '198.51.100.7',
      headers: { accept: 'image/*', 'accept-language': 'fr-CA' },
    };
    expect(await recordTrackingEvent(database.access, person)).toEqual({ recorded: true, human: true });
    [metrics] = await database.access.service((tx) =>
      tx.select().from(outreachMetrics).where(eq(outreachMetrics.campaignId, campaignId)),
    );
    expect(metrics).toMatchObject({ totalEmailsSent: 2, totalEmailsOpened: 1, openRate: 50 });
    const detail = await campaignDetail(database.access, campaignId);
    expect(detail.metrics).toMatchObject({ opened: 1, rawOpens: 2, machineOpens: 1 });
  });

  it('stops a prospect’s follow-ups when they reply, and sends the others in the first email’s thread', async () => {
    const [slowFirst] = await database.access.service((tx) =>
      tx
        .select()
        .from(outreachEmails)
        .where(sql`${outreachEmails.prospectId} = ${slowId} and ${outreachEmails.followUpSequence} = 1`),
    );
    await database.access.service((tx) =>
      recordReply(tx, slowFirst!, {
        from: 'info@plomberie-lente.ca',
        subject: 'Re: Votre formulaire',
        text: 'Oui, appelez-moi jeudi.',
        at: new Date(),
      }),
    );
    const slowSteps = await listEmails(database.access, { campaignId });
    expect(slowSteps.filter((e) => e.prospectId === slowId).map((e) => e.status)).toEqual([
      'replied',
      'cancelled',
      'cancelled',
    ]);
    const [log] = await database.access.service((tx) =>
      tx.select().from(prospectOutreachLog).where(eq(prospectOutreachLog.prospectId, slowId)),
    );
    expect(log).toMatchObject({ status: 'replied', replyContent: 'Oui, appelez-moi jeudi.' });
    // The template's score: 1 reply of its 2 first emails, shrunk toward 5 % over 20 → (1 + 1) / (2 + 20).
    const [template] = await database.access.service((tx) =>
      tx.select().from(emailTemplates).where(eq(emailTemplates.id, slowFirst!.templateId!)),
    );
    expect(template!.performanceScore).toBe(0.091);

    // The other prospect's first follow-up is due three days after its first email.
    const later = new Date(Date.now() + 3 * 86_400_000 + 60_000);
    const run = await runScheduler(deps({ now: () => later }));
    expect(run.sent).toHaveLength(1);
    expect(run.sent[0]!).toMatchObject({ to: 'info@toiture-rapide.ca', step: 2 });
    const [followUp] = await database.access.service((tx) =>
      tx
        .select()
        .from(devOutbox)
        .where(sql`${devOutbox.toAddress} = 'info@toiture-rapide.ca' and ${devOutbox.subject} like 'Re:%'`),
    );
    expect(followUp!.rawMime).toMatch(/In-Reply-To: <outreach-[0-9a-f-]+@avenir\.test>/);
  });

  it('counts the revenue of a prospect who became a client, once, corrected when entered again', async () => {
    const [replied] = await database.access.service((tx) =>
      tx
        .select()
        .from(outreachEmails)
        .where(sql`${outreachEmails.prospectId} = ${slowId} and ${outreachEmails.followUpSequence} = 1`),
    );
    const revenue = async () => (await campaignDetail(database.access, campaignId)).metrics.revenueGenerated;
    await database.access.service((tx) => recordConversion(tx, replied!, { amountUsd: 1200, by: 'staff@avenir.test' }));
    expect(await revenue()).toBe(1200);
    // Entered again (a correction), it replaces the first figure rather than adding to it.
    await database.access.service((tx) =>
      recordConversion(tx, replied!, { amountUsd: 950.5, by: 'staff@avenir.test' }),
    );
    expect(await revenue()).toBe(950.5);
    const detail = await campaignDetail(database.access, campaignId);
    expect(detail.replies.find((reply) => reply.emailId === replied!.id)?.revenueUsd).toBe(950.5);
    await database.access.service((tx) => recordConversion(tx, replied!, { amountUsd: 0, by: 'staff@avenir.test' }));
    expect(await revenue()).toBe(0);
  });

  it('suppresses an address that bounced hard or unsubscribed, and cancels what was left', async () => {
    const [step3] = await database.access.service((tx) =>
      tx
        .select()
        .from(outreachEmails)
        .where(
          sql`${outreachEmails.prospectEmail} = 'info@toiture-rapide.ca' and ${outreachEmails.followUpSequence} = 2`,
        ),
    );
    await database.access.service((tx) => recordUnsubscribe(tx, step3!, 'one_click'));
    expect(await database.access.service((tx) => recordUnsubscribe(tx, step3!, 'page'))).toBe('already');
    const remaining = await listEmails(database.access, { campaignId });
    expect(remaining.find((e) => e.prospectEmail === 'info@toiture-rapide.ca' && e.step === 3)!.status).toBe(
      'cancelled',
    );
    const suppressed = await database.access.service((tx) => tx.select().from(outreachSuppressions));
    expect(suppressed.map((row) => [row.address ?? row.domain, row.reason])).toContainEqual([
      'info@toiture-rapide.ca',
      'unsubscribed',
    ]);

    await database.access.service((tx) =>
      recordBounce(tx, step3!, { status: '5.1.1', hard: true, at: new Date(), diagnostic: 'user unknown' }),
    );
    const detail = await campaignDetail(database.access, campaignId);
    expect(detail.bounces).toEqual([
      expect.objectContaining({ address: 'info@toiture-rapide.ca', status: '5.1.1', hard: true }),
    ]);
    expect(detail.replies).toEqual([expect.objectContaining({ excerpt: 'Oui, appelez-moi jeudi.' })]);
    expect(detail.metrics).toMatchObject({ sent: 3, replied: 1, bounced: 1, unsubscribed: 1 });
  });

  it('keeps a campaign to its owner: another tenant sees none of it', async () => {
    const seen = await database.access.tenant(otherClientId, (tx) =>
      tx.select({ id: outreachCampaigns.id }).from(outreachCampaigns),
    );
    expect(seen).toEqual([]);
    const emails = await database.access.tenant(otherClientId, (tx) =>
      tx.select({ id: outreachEmails.id }).from(outreachEmails),
    );
    expect(emails).toEqual([]);
    const own = await database.access.tenant(clientId, (tx) =>
      tx.select({ id: outreachCampaigns.id }).from(outreachCampaigns),
    );
    expect(own.length).toBeGreaterThan(0);
  });
});
