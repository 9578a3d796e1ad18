import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationLogs, leadMemory } from '../../../schema';
import { type AlertDeps, sendConnectionAlerts } from '../../../worker/features/connection-health/alerts';
import { rollUpIntegrationLogs } from '../../../worker/features/connection-health/retention';
import { createOutboxMailer } from '../../../worker/platform/mail/outbox';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The connection alert on the database: each problem emailed once, in the client's
 * language, whatever the hourly runs and redeliveries; and integration_logs past 90 days
 * rolled up by day, origin and status without a request lost or counted twice.
 */

let database: TestDatabase;
let deps: AlertDeps;

beforeAll(async () => {
  database = await startTestDatabase();
  deps = {
    db: database.access,
    mailer: createOutboxMailer(database.access),
    sender: { email: 'replies@avenir.local' },
    appUrl: 'https://app.avenir.example',
  };
});
afterAll(async () => {
  await database?.close();
});

const HOUR = 3_600_000;
const now = new Date();
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

type LogRow = typeof integrationLogs.$inferInsert;
const log = (clientId: string, at: Date, fields: Partial<LogRow> = {}): LogRow => ({
  clientId,
  apiKey: 'pk_test_abcd',
  endpoint: '/api/widget/config',
  method: 'GET',
  responseStatus: 201,
  origin: 'https://example.ca',
  createdAt: at,
  ...fields,
});

const outbox = (to: string) =>
  database.access.service((tx) =>
    tx.execute<{ subject: string; text_body: string }>(
      sql`select subject, text_body from dev_outbox where to_address like ${`%${to}%`} order by created_at`,
    ),
  );

describe('connection alerts', () => {
  it('emails each problem once, in the client’s language, under concurrent and repeated runs', async () => {
    const roofer = await insertClient(database.access, {
      businessName: 'Toitures Bélanger',
      language: 'fr',
      allowedOrigins: ['https://toitures-belanger.ca'],
    });
    const clinic = await insertClient(database.access, { businessName: 'Northside Physio', language: 'en' });
    const fine = await insertClient(database.access, { businessName: 'Ménage Éclair' });
    await database.access.service(async (tx) => {
      await tx.insert(integrationLogs).values(
        [2, 5, 9].map((hours) =>
          log(roofer.id, ago(hours), {
            responseStatus: 403,
            responseBody: { error: 'origin_not_allowed' },
            origin: 'https://www.toitures-belanger.ca',
          }),
        ),
      );
      // A lead about every 20 hours for two weeks, then five silent days.
      await tx.insert(leadMemory).values(
        Array.from({ length: 16 }, (_, index) => ({
          clientId: clinic.id,
          name: 'Sam Lee',
          email: `sam${index}@example.com`,
          message: 'Do you take new patients?',
          createdAt: ago(5 * 24 + index * 20),
        })),
      );
      await tx.insert(integrationLogs).values(log(fine.id, ago(1)));
    });

    const runs = await Promise.all([sendConnectionAlerts(deps, now), sendConnectionAlerts(deps, now)]);
    const again = await sendConnectionAlerts(deps, new Date(now.getTime() + HOUR));
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(2);
    expect(again).toMatchObject({ problems: 2, sent: 0, alreadySent: 2 });

    const roofMail = (await outbox(roofer.email)).rows;
    expect(roofMail).toHaveLength(1);
    expect(roofMail[0]!.subject).toBe('Votre formulaire Avenir est refusé sur https://www.toitures-belanger.ca');
    expect(roofMail[0]!.text_body).toContain('Bonjour Toitures Bélanger,');
    expect(roofMail[0]!.text_body).toContain('3 fois cette semaine');
    expect(roofMail[0]!.text_body).toContain('https://app.avenir.example/app/settings#st-connection');
    expect(roofMail[0]!.text_body).toMatch(/Que faire\u00a0:\nSi https:\/\/www\.toitures-belanger\.ca est votre site/);

    const clinicMail = (await outbox(clinic.email)).rows;
    expect(clinicMail).toHaveLength(1);
    expect(clinicMail[0]!.subject).toBe('No lead from your Avenir form for a while');
    expect(clinicMail[0]!.text_body).toMatch(/5 days, when one usually comes every 20 hours\./);
    expect((await outbox(fine.email)).rows).toEqual([]);
  });

  it('tells a new problem of the same client, and a quiet spell again after a lead broke the last one', async () => {
    const client = await insertClient(database.access, { businessName: 'Paysagement Roy', language: 'en' });
    const leads = (lastHoursAgo: number) =>
      Array.from({ length: 10 }, (_, index) => ({
        clientId: client.id,
        name: 'Lee',
        email: `lee${lastHoursAgo}-${index}@example.com`,
        message: 'Quote for sod please',
        createdAt: ago(lastHoursAgo + index * 12),
      }));
    await database.access.service((tx) => tx.insert(leadMemory).values(leads(24 * 4)));
    expect((await sendConnectionAlerts(deps, now)).sent).toBeGreaterThanOrEqual(1);
    // A lead arrives; later the form goes quiet again: a new spell, a new email.
    const later = new Date(now.getTime() + 8 * 24 * HOUR);
    await database.access.service((tx) =>
      tx
        .insert(leadMemory)
        .values({ clientId: client.id, name: 'Kim', email: 'kim@example.com', message: 'Hi', createdAt: ago(-24) }),
    );
    await sendConnectionAlerts(deps, later);
    const subjects = (await outbox(client.email)).rows.map((row) => row.subject);
    expect(subjects).toEqual([
      'No lead from your Avenir form for a while',
      'No lead from your Avenir form for a while',
    ]);
  });
});

describe('integration log retention', () => {
  it('keeps 90 days of raw requests and rolls older ones up by day, origin and status, once', async () => {
    const client = await insertClient(database.access);
    const day = (daysAgo: number, hour: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour));
    await database.access.service((tx) =>
      tx
        .insert(integrationLogs)
        .values([
          log(client.id, day(120, 9), { origin: 'https://a.example' }),
          log(client.id, day(120, 15), { origin: 'https://a.example' }),
          log(client.id, day(120, 16), { origin: 'https://a.example', responseStatus: 403 }),
          log(client.id, day(120, 17), { origin: null, responseStatus: 401 }),
          log(client.id, day(95, 8), { origin: 'https://b.example' }),
          log(client.id, day(30, 8), { origin: 'https://b.example' }),
          log(client.id, day(1, 8), { origin: 'https://b.example' }),
        ]),
    );
    const first = await rollUpIntegrationLogs(database.access, now);
    const second = await rollUpIntegrationLogs(database.access, now);
    expect(first).toEqual({ rowsRolledUp: 5, dailyRowsWritten: 4 });
    expect(second).toEqual({ rowsRolledUp: 0, dailyRowsWritten: 0 });

    const rollups = await database.access.service((tx) =>
      tx.execute<{ day: string; origin: string; response_status: number; requests: number }>(
        sql`select day::text, origin, response_status, requests from integration_log_daily
          where client_id = ${client.id} order by day, origin, response_status`,
      ),
    );
    const iso = (daysAgo: number) => day(daysAgo, 0).toISOString().slice(0, 10);
    expect(rollups.rows).toEqual([
      { day: iso(120), origin: '', response_status: 401, requests: 1 },
      { day: iso(120), origin: 'https://a.example', response_status: 201, requests: 2 },
      { day: iso(120), origin: 'https://a.example', response_status: 403, requests: 1 },
      { day: iso(95), origin: 'https://b.example', response_status: 201, requests: 1 },
    ]);
    const raw = await database.access.service((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from integration_logs where client_id = ${client.id}`),
    );
    expect(raw.rows[0]!.n).toBe(2);
  });
});
