import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devOutbox, outreachCampaigns, outreachEmails, prospectCandidates } from '../../../schema';
import { runScheduler } from '../../../worker/features/outreach/scheduler';
import { DEFAULT_SENDING_LIMITS } from '../../../worker/features/outreach/sending-rules';
import { createOutboxMailer } from '../../../worker/platform/mail/outbox';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The scheduler's limits under overlapping runs, on a real server: four runs at once (a
 * cron's message delivered twice, an operator's `npm run job` beside them) send exactly the
 * mailbox's cap, each email once.
 */

let database: TestDatabase;
const DUE = 20;
const CAP = 5;

beforeAll(async () => {
  database = await startTestDatabase();
  const client = await insertClient(database.access, { isInternal: true });
  const [campaign] = await database.access.service((tx) =>
    tx
      .insert(outreachCampaigns)
      .values({
        name: 'Concurrence',
        clientId: client.id,
        status: 'active',
        metadata: {
          mailbox: 'marie@avenir.test',
          dailyCap: 1000,
          identity: {
            senderName: 'Marie',
            businessName: 'Avenir',
            postalAddress: '1000 rue X, Montréal',
            contact: 'a@avenir.test',
          },
        },
      })
      .returning(),
  );
  for (let index = 0; index < DUE; index++) {
    const [prospect] = await database.access.service((tx) =>
      tx
        .insert(prospectCandidates)
        .values({ businessName: `Entreprise ${index}`, website: `https://e${index}.ca`, domain: `e${index}.ca` })
        .returning(),
    );
    await database.access.service((tx) =>
      tx.insert(outreachEmails).values({
        campaignId: campaign!.id,
        clientId: client.id,
        prospectId: prospect!.id,
        prospectEmail: `info@e${index}.ca`,
        subject: 'Bonjour',
        content: 'Bonjour',
        status: 'approved',
        scheduledFor: sql`now() - interval '1 minute'`,
        senderEmail: 'marie@avenir.test',
        metadata: { language: 'fr', html: '<p>Bonjour</p>', region: 'QC' },
      }),
    );
  }
});

afterAll(async () => {
  await database?.close();
});

describe('outreach caps under concurrent scheduler runs', () => {
  it('sends exactly the mailbox cap, each email once, whatever runs at the same time', async () => {
    const limits = {
      ...DEFAULT_SENDING_LIMITS,
      mailboxDailyCap: CAP,
      warmupStart: CAP,
      windowStartHour: 0,
      windowEndHour: 24,
      weekends: true,
      spacingSeconds: 0,
      jitterSeconds: 0,
    };
    const deps = {
      db: database.access,
      mailer: createOutboxMailer(database.access),
      limits,
      tracking: { appUrl: 'https://app.avenir.test', secret: 'caps-test-secret-of-at-least-32-chars' },
      addresses: { secret: 'caps-test-secret-of-at-least-32-chars', domain: 'in.avenir.test' },
    };
    const runs = await Promise.all(Array.from({ length: 4 }, () => runScheduler(deps)));
    const sent = runs.flatMap((run) => run.sent.map((entry) => entry.emailId));
    expect(sent).toHaveLength(CAP);
    expect(new Set(sent).size).toBe(CAP);
    const outbox = await database.access.service((tx) => tx.select({ to: devOutbox.toAddress }).from(devOutbox));
    expect(outbox).toHaveLength(CAP);
    const reasons = runs.flatMap((run) => run.skipped.map((entry) => entry.reason));
    expect(reasons).toContain('mailbox_daily_cap');
    const [{ n }] = (
      await database.access.service((tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from outreach_emails where status = 'sent'`),
      )
    ).rows as [{ n: number }];
    expect(n).toBe(CAP);
  });
});
