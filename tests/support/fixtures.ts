import { sql } from 'drizzle-orm';
import {
  clients,
  feedbackTracking,
  growthBrain,
  integrationLogDaily,
  integrationLogs,
  leadActions,
  leadMemory,
  leadNotes,
  outreachCampaigns,
  outreachEmails,
  outreachMetrics,
  outreachTracking,
  performanceMetrics,
  promptPerformance,
  promptRegistry,
  retiredWidgetKeys,
  sentEmails,
  sessions,
} from '../../schema';
import { hashPassword } from '../../worker/features/accounts/password';
import type { DatabaseAccess } from '../../worker/platform/db';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Inserts a client directly (service role), bypassing the sign-up flow. */
export async function insertClient(db: DatabaseAccess, overrides: Partial<typeof clients.$inferInsert> = {}) {
  const tag = unique();
  const passwordHash = await hashPassword('correct horse battery staple');
  const [client] = await db.service((tx) =>
    tx
      .insert(clients)
      .values({
        clientId: `test-client-${tag}`,
        apiKey: `pk_test_${tag}`,
        businessName: `Test Business ${tag}`,
        email: `owner-${tag}@example.ca`,
        passwordHash,
        ...overrides,
      })
      .returning(),
  );
  return client!;
}

/** One row in every tenant-owned table for `clientId`; returns the ids by table name. */
export async function insertTenantRows(db: DatabaseAccess, clientId: string): Promise<Record<string, string>> {
  return db.service(async (tx) => {
    const [lead] = await tx
      .insert(leadMemory)
      .values({
        clientId,
        name: 'Martin Gagnon',
        email: 'mgagnon@example.ca',
        message: 'Une soumission svp',
        language: 'fr',
      })
      .returning();
    const leadId = lead!.id;
    const [action] = await tx.insert(leadActions).values({ leadId, clientId, actionType: 'created' }).returning();
    const [note] = await tx
      .insert(leadNotes)
      .values({ leadId, clientId, note: 'Called back, wants a visit' })
      .returning();
    const [brain] = await tx
      .insert(growthBrain)
      .values({ clientId, analysisPeriodStart: new Date('2026-11-16'), analysisPeriodEnd: new Date('2026-11-23') })
      .returning();
    const [feedback] = await tx
      .insert(feedbackTracking)
      .values({ leadId, clientId, actionType: 'lead_conversion', outcome: 'positive' })
      .returning();
    const [metric] = await tx
      .insert(performanceMetrics)
      .values({
        clientId,
        eventType: 'api_response',
        metricName: 'response_time',
        metricValue: 42,
        metricUnit: 'ms',
        sourceComponent: 'lead_api',
      })
      .returning();
    const [prompt] = await tx
      .insert(promptRegistry)
      .values({
        promptName: `triage-${unique()}`,
        variantId: `triage.en.${unique()}`,
        promptText: 'Classify…',
        language: 'en',
      })
      .returning();
    const [execution] = await tx
      .insert(promptPerformance)
      .values({ promptRegistryId: prompt!.id, executionId: `exec-${unique()}`, clientId })
      .returning();
    const [campaign] = await tx.insert(outreachCampaigns).values({ name: 'Fall campaign', clientId }).returning();
    const [email] = await tx
      .insert(outreachEmails)
      .values({
        campaignId: campaign!.id,
        clientId,
        prospectEmail: 'info@example.ca',
        subject: 'Bonjour',
        content: '<p>Bonjour</p>',
      })
      .returning();
    const [tracking] = await tx
      .insert(outreachTracking)
      .values({ emailId: email!.id, clientId, campaignId: campaign!.id, action: 'sent' })
      .returning();
    const [campaignMetrics] = await tx
      .insert(outreachMetrics)
      .values({ campaignId: campaign!.id, clientId, totalEmailsSent: 1 })
      .returning();
    const [log] = await tx
      .insert(integrationLogs)
      .values({
        clientId,
        apiKey: 'pk_test_abcd',
        endpoint: '/api/lead',
        method: 'POST',
        responseStatus: 201,
        ipAddress: '203.0.113.7',
      })
      .returning();
    const [sentEmail] = await tx
      .insert(sentEmails)
      .values({
        clientId,
        leadId,
        kind: 'reply',
        sendKey: `reply-${leadId}`,
        toEmail: 'mgagnon@example.ca',
        subject: 'Votre soumission',
        textBody: 'Bonjour Martin',
        htmlBody: '<p>Bonjour Martin</p>',
        messageId: `<reply-${unique()}@avenir.local>`,
      })
      .returning();
    const [daily] = await tx
      .insert(integrationLogDaily)
      .values({
        clientId,
        day: '2026-01-15',
        origin: 'https://example.ca',
        responseStatus: 201,
        requests: 3,
        firstAt: new Date('2026-01-15T09:00:00Z'),
        lastAt: new Date('2026-01-15T17:00:00Z'),
      })
      .returning();
    const [retiredKey] = await tx
      .insert(retiredWidgetKeys)
      .values({ clientId, apiKey: `pk_test_retired${unique()}` })
      .returning();
    const [session] = await tx
      .insert(sessions)
      .values({
        clientId,
        tokenHash: `fixture-token-hash-${unique()}`,
        ip: '203.0.113.7',
        userAgent: 'Mozilla/5.0 (test)',
      })
      .returning();
    return {
      clients: clientId,
      sessions: session!.id,
      sent_emails: sentEmail!.id,
      lead_memory: leadId,
      lead_actions: action!.id,
      lead_notes: note!.id,
      growth_brain: brain!.id,
      feedback_tracking: feedback!.id,
      performance_metrics: metric!.id,
      prompt_performance: execution!.id,
      outreach_campaigns: campaign!.id,
      outreach_emails: email!.id,
      outreach_tracking: tracking!.id,
      outreach_metrics: campaignMetrics!.id,
      integration_logs: log!.id,
      integration_log_daily: daily!.id,
      retired_widget_keys: retiredKey!.id,
    };
  });
}

/** Every table in the public schema, from the catalogue. */
export async function publicTables(db: DatabaseAccess): Promise<string[]> {
  const result = await db.service((tx) =>
    tx.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  return result.rows.map((row) => row.table_name);
}
