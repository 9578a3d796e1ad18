import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  outreachEmails,
  outreachMailboxes,
  outreachSuppressions,
  outreachTracking,
  prospectCandidates,
  prospectOutreachLog,
} from '../../../schema';
import { approveEmails, listEmails } from '../../../worker/features/outreach/approval';
import { changeCampaignStatus, createCampaign } from '../../../worker/features/outreach/campaigns';
import { enrolProspects } from '../../../worker/features/outreach/enrolment';
import { syncGmailMailbox } from '../../../worker/features/outreach/gmail-sync';
import { outreachGmailSyncJob } from '../../../worker/features/outreach/gmail-sync-job';
import { outreachInbound } from '../../../worker/features/outreach/inbound';
import { runScheduler } from '../../../worker/features/outreach/scheduler';
import { DEFAULT_SENDING_LIMITS } from '../../../worker/features/outreach/sending-rules';
import { createTemplate } from '../../../worker/features/outreach/template-store';
import type { Env } from '../../../worker/platform/env';
import { createGmailMailer } from '../../../worker/platform/mail/gmail';
import { createGmailHistoryReader } from '../../../worker/platform/mail/gmail-history';
import { readInbound } from '../../../worker/platform/mail/inbound';
import { MailError } from '../../../worker/platform/mail/port';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { type FakeGmail, googleError, startFakeGmail } from '../../support/fake-gmail';
import { insertClient } from '../../support/fixtures';
import { siteEvidence } from '../../support/outreach-seed';

/**
 * Replies and bounces read from the Gmail account outreach sends from: emails sent through
 * a local Gmail, then what arrives in their threads (or, for another server's bounce, in a
 * thread of its own) read from its history: a person's reply stops the sequence, an
 * out-of-office does not, a hard bounce suppresses the address, the account's own mail and
 * a message read twice change nothing.
 */

const MAILBOX = 'marie@avenir.test';
const addresses = { secret: 'gmail-sync-test-secret-of-at-least-32-chars', domain: 'in.avenir.test' };
const limits = {
  ...DEFAULT_SENDING_LIMITS,
  windowStartHour: 0,
  windowEndHour: 24,
  weekends: true,
  spacingSeconds: 0,
  jitterSeconds: 0,
};
const credentials = { clientId: 'client.apps.googleusercontent.com', clientSecret: 'secret', refreshToken: '1//r' };

let database: TestDatabase;
let gmail: FakeGmail;

type EmailRow = typeof outreachEmails.$inferSelect;
/** Each prospect's first email as sent, by the prospect's slug. */
const sent = {} as Record<'reply' | 'away' | 'gone', EmailRow>;

const sync = (maxMessages?: number) =>
  syncGmailMailbox({
    db: database.access,
    reader: createGmailHistoryReader({ ...credentials, oauthUrl: gmail.oauthUrl, apiUrl: gmail.origin }),
    mailbox: MAILBOX,
    limits,
    ...(maxMessages ? { maxMessages } : {}),
    // An hour after the sends: a reply's time is when Gmail received it, not when it was read.
    now: () => new Date(Date.now() + 3_600_000),
  });

async function email(id: string) {
  const [row] = await database.access.service((tx) =>
    tx.select().from(outreachEmails).where(eq(outreachEmails.id, id)),
  );
  return row!;
}

async function followUpOf(first: EmailRow) {
  const steps = await listEmails(database.access, { campaignId: first.campaignId });
  return steps.find((step) => step.prospectId === first.prospectId && step.step === 2)!;
}

async function historyId() {
  const [box] = await database.access.service((tx) =>
    tx.select().from(outreachMailboxes).where(eq(outreachMailboxes.email, MAILBOX)),
  );
  return box!.gmailHistoryId;
}

const trackedActions = async (emailId: string) =>
  (
    await database.access.service((tx) =>
      tx
        .select({ action: outreachTracking.action })
        .from(outreachTracking)
        .where(eq(outreachTracking.emailId, emailId)),
    )
  ).map((row) => row.action);

const messageIdOf = (row: EmailRow) => (row.metadata as { messageId: string }).messageId;

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

beforeAll(async () => {
  database = await startTestDatabase();
  gmail = await startFakeGmail(MAILBOX);
  const clientId = (await insertClient(database.access, { isInternal: true })).id;
  const template = await createTemplate(database.access, {
    name: 'Premier contact Gmail',
    description: null,
    language: 'fr',
    category: 'first_contact',
    subject: 'Votre formulaire, {{company_name}}',
    plainContent: 'Bonjour,\n\nJ’ai regardé votre site.\n\n{{sender_name}}',
    htmlContent: '<p>Bonjour,</p><p>J’ai regardé votre site.</p><p>{{sender_name}}</p>',
    isActive: true,
  });
  const slugs = { reply: 'plomberie-jolicoeur', away: 'plomberie-vacances', gone: 'plomberie-fermee' } as const;
  for (const slug of Object.values(slugs)) {
    await database.access.service((tx) =>
      tx.insert(prospectCandidates).values({
        businessName: slug.replaceAll('-', ' '),
        website: `https://${slug}.ca`,
        domain: `${slug}.ca`,
        contactEmail: `info@${slug}.ca`,
        industry: 'plumbing',
        region: 'QC',
        city: 'Laval',
        language: 'fr',
        analysisStatus: 'analyzed',
        automationNeedScore: 80,
        metadata: { evidence: siteEvidence(`info@${slug}.ca`) },
      }),
    );
  }
  const campaignId = await createCampaign(database.access, {
    name: 'Plombiers par Gmail',
    clientId,
    targetCriteria: { industries: ['plumbing'] },
    templateIds: { en: null, fr: template.id },
    followUpSchedule: [3],
    mailbox: MAILBOX,
    dailyCap: 50,
    identity: {
      senderName: 'Marie Tremblay',
      businessName: 'Avenir',
      postalAddress: '1000, rue De La Gauchetière Ouest, Montréal (Québec) H3B 0A2',
      contact: MAILBOX,
    },
  });
  await enrolProspects(database.access, campaignId);
  const pending = await listEmails(database.access, { campaignId, status: 'pending' });
  await approveEmails(
    database.access,
    pending.map((row) => row.id),
    'staff@avenir.test',
  );
  await changeCampaignStatus(database.access, campaignId, 'start');
  const run = await runScheduler({
    db: database.access,
    mailer: createGmailMailer({
      ...credentials,
      sender: { email: MAILBOX },
      oauthUrl: gmail.oauthUrl,
      apiUrl: gmail.origin,
    }),
    limits,
    tracking: { appUrl: 'https://app.avenir.test', secret: addresses.secret },
    addresses,
  });
  expect(run.sent).toHaveLength(3);
  for (const [key, slug] of Object.entries(slugs) as [keyof typeof slugs, string][]) {
    const [row] = await database.access.service((tx) =>
      tx
        .select()
        .from(outreachEmails)
        .where(sql`${outreachEmails.prospectEmail} = ${`info@${slug}.ca`} and ${outreachEmails.followUpSequence} = 1`),
    );
    sent[key] = row!;
  }
});

afterAll(async () => {
  await gmail?.close();
  await database?.close();
});

describe('reading the Gmail account for replies and bounces', () => {
  it('starts from where the mailbox stands on the first read, and handles nothing that came before', async () => {
    expect(sent.reply.threadId).toBeTruthy();
    // A reply that arrived before Avenir first read the account.
    gmail.deliver(
      crlf(`From: info@plomberie-jolicoeur.ca
To: ${MAILBOX}
Subject: Re: Votre formulaire
Message-ID: <before-first-read@plomberie-jolicoeur.ca>

Déjà répondu avant la première lecture.
`),
      { threadId: sent.reply.threadId! },
    );

    const result = await sync();

    expect(result).toMatchObject({ state: 'started', historyId: gmail.historyId(), handled: [] });
    expect(await historyId()).toBe(gmail.historyId());
    expect((await email(sent.reply.id)).repliedAt).toBeNull();
  });

  it('takes a person’s reply in the thread as a reply: replied_at, the follow-up cancelled, the words kept', async () => {
    const receivedAt = new Date(Date.now() + 30 * 60_000);
    // No In-Reply-To (some phone clients drop it): only Gmail's thread ties it to the email.
    gmail.deliver(
      crlf(`From: Luc Jolicoeur <Info@Plomberie-Jolicoeur.ca>
To: Marie Tremblay <${MAILBOX}>
Subject: Re: Votre formulaire, plomberie jolicoeur
Date: ${receivedAt.toUTCString()}
Message-ID: <CAF=reply-1@mail.gmail.com>
Content-Type: text/plain; charset=utf-8

Oui, appelez-moi jeudi après-midi.

Le lun. 30 nov. 2026 à 10 h 02, Marie Tremblay <${MAILBOX}> a écrit :
> Bonjour,
> J’ai regardé votre site.
`),
      { threadId: sent.reply.threadId!, receivedAt },
    );
    // The operator's own answer in another thread, sent from Gmail itself.
    gmail.deliver(
      crlf(`From: ${MAILBOX}
To: info@plomberie-vacances.ca
Subject: Re: Votre formulaire
Message-ID: <own@avenir.test>

Un mot de notre part.
`),
      { threadId: sent.away.threadId!, labelIds: ['SENT'] },
    );

    const result = await sync();

    expect(result.handled).toEqual([
      expect.objectContaining({ emailId: sent.reply.id, outcome: { reply: 'replied' } }),
    ]);
    expect(result.skipped.own).toBe(1);
    const replied = await email(sent.reply.id);
    expect(replied).toMatchObject({ status: 'replied', repliedAt: receivedAt });
    expect((await followUpOf(sent.reply)).status).toBe('cancelled');
    const [log] = await database.access.service((tx) =>
      tx.select().from(prospectOutreachLog).where(eq(prospectOutreachLog.prospectId, sent.reply.prospectId!)),
    );
    expect(log).toMatchObject({ status: 'replied', replyContent: 'Oui, appelez-moi jeudi après-midi.' });
    // The account's own message did not make the other prospect a reply.
    expect((await email(sent.away.id)).status).toBe('sent');
    expect(await historyId()).toBe(gmail.historyId());
  });

  it('handles a message once when the same history is read again', async () => {
    const before = await historyId();
    gmail.deliver(
      crlf(`From: info@plomberie-jolicoeur.ca
To: ${MAILBOX}
Subject: Re: Votre formulaire
Message-ID: <reply-2@plomberie-jolicoeur.ca>

Et vendredi, c’est possible aussi.
`),
      { threadId: sent.reply.threadId! },
    );
    const first = await sync();
    expect(first.handled).toHaveLength(1);
    const actions = await trackedActions(sent.reply.id);

    // As if the run had died before storing where it stopped.
    await database.access.service((tx) =>
      tx.update(outreachMailboxes).set({ gmailHistoryId: before }).where(eq(outreachMailboxes.email, MAILBOX)),
    );
    const again = await sync();

    expect(again.handled).toEqual([]);
    expect(again.skipped.duplicate).toBe(1);
    expect(await trackedActions(sent.reply.id)).toEqual(actions);
  });

  it('counts an out-of-office in the thread as no reply: the sequence goes on', async () => {
    gmail.deliver(
      crlf(`From: Sophie <info@plomberie-vacances.ca>
To: ${MAILBOX}
Subject: =?utf-8?B?UsOpcG9uc2UgYXV0b21hdGlxdWUgOg==?= Votre formulaire
Message-ID: <ooo-1@plomberie-vacances.ca>
Auto-Submitted: auto-replied
Content-Type: text/plain; charset=utf-8

Je suis absente du bureau jusqu’au 7 décembre.
`),
      { threadId: sent.away.threadId! },
    );

    const result = await sync();

    expect(result.handled).toEqual([
      expect.objectContaining({
        emailId: sent.away.id,
        outcome: { ignored: 'auto_reply', reasons: ['auto-submitted: auto-replied'] },
      }),
    ]);
    expect(await email(sent.away.id)).toMatchObject({ status: 'sent', repliedAt: null });
    expect((await followUpOf(sent.away)).status).toBe('approved');
  });

  it('takes another server’s 5.1.1 report, threaded apart, by the Message-ID it quotes: bounced and suppressed', async () => {
    gmail.deliver(
      crlf(`Return-Path: <>
From: MAILER-DAEMON@mx.plomberie-fermee.ca (Mail Delivery System)
To: ${MAILBOX}
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
Message-Id: <20261201150512.8E9B41C0A5@mx.plomberie-fermee.ca>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"

--REPORT
Content-Type: text/plain; charset=us-ascii

<info@plomberie-fermee.ca>: host mx.plomberie-fermee.ca said: 550 5.1.1
    <info@plomberie-fermee.ca>: Recipient address rejected: User unknown

--REPORT
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.plomberie-fermee.ca

Final-Recipient: rfc822; info@plomberie-fermee.ca
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <info@plomberie-fermee.ca>: Recipient address rejected: User unknown

--REPORT
Content-Type: text/rfc822-headers

Return-Path: <${MAILBOX}>
From: Marie Tremblay <${MAILBOX}>
To: info@plomberie-fermee.ca
Subject: Votre formulaire, plomberie fermee
Message-ID: ${messageIdOf(sent.gone)}

--REPORT--
`),
    );

    const result = await sync();

    expect(result.handled).toEqual([
      expect.objectContaining({ emailId: sent.gone.id, outcome: { bounce: 'hard', status: '5.1.1', paused: false } }),
    ]);
    expect((await email(sent.gone.id)).status).toBe('bounced');
    expect((await followUpOf(sent.gone)).status).toBe('cancelled');
    const suppressed = await database.access.service((tx) =>
      tx.select().from(outreachSuppressions).where(eq(outreachSuppressions.address, 'info@plomberie-fermee.ca')),
    );
    expect(suppressed).toEqual([expect.objectContaining({ reason: 'hard_bounce', emailId: sent.gone.id })]);
  });

  it('leaves mail about no outreach email alone', async () => {
    gmail.deliver(
      crlf(`From: fournisseur@papeterie.test
To: ${MAILBOX}
Subject: Votre facture
Message-ID: <facture@papeterie.test>
In-Reply-To: <something-else@papeterie.test>

Voici votre facture.
`),
    );
    const result = await sync();
    expect(result.handled).toEqual([]);
    expect(result.skipped.unrelated).toBe(1);
  });

  it('counts a reply-all that reached both the reply address and the account once', async () => {
    const raw = crlf(`From: info@plomberie-vacances.ca
To: ${MAILBOX}, reply@in.avenir.test
Subject: Re: Votre formulaire
Message-ID: <reply-all@plomberie-vacances.ca>

De retour : oui, je suis intéressée.
`);
    gmail.deliver(raw, { threadId: sent.away.threadId! });
    const result = await sync();
    expect(result.handled).toEqual([expect.objectContaining({ outcome: { reply: 'replied' } })]);

    // Email Routing hands the same message to the reply address's handler.
    const message = await readInbound({
      raw,
      envelopeFrom: 'info@plomberie-vacances.ca',
      envelopeTo: 'reply@in.avenir.test',
    });
    const outcome = await outreachInbound.handle(
      message,
      { purpose: 'outreach', id: sent.away.id },
      { env: {} as Env, db: database.access },
    );
    expect(outcome).toEqual({ ignored: 'already_applied' });
    // Through the reply address of another step of the same sequence (a reply-all to the first
    // email after the follow-up went): the same message, still once.
    const followUp = await followUpOf(sent.away);
    expect(
      await outreachInbound.handle(
        message,
        { purpose: 'outreach', id: followUp.id },
        { env: {} as Env, db: database.access },
      ),
    ).toEqual({ ignored: 'already_applied' });
    expect((await trackedActions(sent.away.id)).filter((action) => action === 'replied')).toHaveLength(1);
    expect((await trackedActions(followUp.id)).filter((action) => action === 'replied')).toHaveLength(0);
  });

  it('keeps where the read stopped when a run fails part-way, and the next run handles what it missed', async () => {
    const before = await historyId();
    const late = gmail.deliver(
      crlf(`From: info@plomberie-jolicoeur.ca
To: ${MAILBOX}
Subject: Re: Votre formulaire
Message-ID: <late@plomberie-jolicoeur.ca>

Finalement, appelez plutôt le matin.
`),
      { threadId: sent.reply.threadId! },
    );
    gmail.fail(`/gmail/v1/users/me/messages/${late.id}`, googleError(503, 'Backend Error', 'backendError'));

    const failed = await sync().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(MailError);
    expect((failed as MailError).retryable).toBe(true);
    expect(await historyId()).toBe(before);

    const retried = await sync();
    expect(retried.handled).toEqual([expect.objectContaining({ emailId: sent.reply.id })]);
    expect(await historyId()).toBe(gmail.historyId());
  });

  it('sets aside a message Gmail refuses for good, and reads the ones after it', async () => {
    const refused = gmail.deliver(
      crlf(`From: info@plomberie-jolicoeur.ca
To: ${MAILBOX}
Subject: Re: Votre formulaire
Message-ID: <refused@plomberie-jolicoeur.ca>

Un message que Gmail ne rend pas.
`),
      { threadId: sent.reply.threadId! },
    );
    const after = gmail.deliver(
      crlf(`From: info@plomberie-jolicoeur.ca
To: ${MAILBOX}
Subject: Re: Votre formulaire
Message-ID: <after-refused@plomberie-jolicoeur.ca>

Et celui-ci, après.
`),
      { threadId: sent.reply.threadId! },
    );
    gmail.fail(`/gmail/v1/users/me/messages/${refused.id}`, googleError(400, 'Invalid id value', 'invalidArgument'), 5);
    const result = await sync();
    expect(result.skipped.failed).toBe(1);
    expect(result.handled.map((entry) => entry.gmailId)).toEqual([after.id]);
    expect(await historyId()).toBe(gmail.historyId());
    // Kept with its error, so the next read does not try it again.
    const again = await sync();
    expect(again.skipped.failed).toBe(0);
  });

  it('leaves what one run cannot read to the next, which goes on from there', async () => {
    const notes = ['Une précision.', 'Une autre.', 'Une dernière.'].map((text, index) =>
      gmail.deliver(
        crlf(`From: info@plomberie-jolicoeur.ca
To: ${MAILBOX}
Subject: Re: Votre formulaire
Message-ID: <note-${index}@plomberie-jolicoeur.ca>

${text}
`),
        { threadId: sent.reply.threadId! },
      ),
    );

    const first = await sync(2);
    expect(first.complete).toBe(false);
    expect(first.handled.map((handled) => handled.gmailId)).toEqual([notes[0]!.id, notes[1]!.id]);
    const second = await sync(2);
    expect(second.complete).toBe(true);
    expect(second.handled.map((handled) => handled.gmailId)).toEqual([notes[2]!.id]);
  });

  it('starts again from where the mailbox stands when Gmail no longer keeps the stored point', async () => {
    gmail.forgetHistory();
    const result = await sync();
    expect(result).toMatchObject({ state: 'restarted', historyId: gmail.historyId() });
    expect(await historyId()).toBe(gmail.historyId());
  });
});

describe('the outreach_gmail_sync job', () => {
  it('does nothing, and says why, while Gmail is not configured', async () => {
    const env = { DATABASE_URL: database.databaseUrl, GMAIL_CLIENT_ID: 'only-one-of-four' } as unknown as Env;
    expect(await outreachGmailSyncJob.run({ type: 'outreach_gmail_sync', runKey: 'test' }, env)).toEqual({
      done: true,
      result: { skipped: 'gmail_not_configured' },
    });
  });
});
