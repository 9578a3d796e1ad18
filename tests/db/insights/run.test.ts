import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growthBrain } from '../../../schema';
import type { GrowthAnalysis, Recommendation } from '../../../schema/insights';
import { seedActionsStatement, seedLeadsStatement } from '../../../scripts/lib/dashboard-leads';
import { writeSampleHistory } from '../../../scripts/lib/sample-history';
import { numbersIn } from '../../../worker/features/insights/figure-format';
import { type AnalysisDeps, runAnalysis } from '../../../worker/features/insights/run';
import { readStoredInsights, saveAnalysis } from '../../../worker/features/insights/store';
import { weeklyMessages } from '../../../worker/features/insights/weekly';
import { createOutboxMailer } from '../../../worker/platform/mail/outbox';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * One client's analysis from its message to its row and digest, on the database: the
 * recommendations quote only the figures stored beside them, the Monday digest goes once
 * whatever the redeliveries, and an older analysis never replaces a newer one.
 */

let database: TestDatabase;
let deps: AnalysisDeps;

beforeAll(async () => {
  database = await startTestDatabase();
  deps = {
    db: database.access,
    ai: null,
    mailer: createOutboxMailer(database.access),
    sender: { email: 'replies@avenir.local' },
    appUrl: 'https://app.avenir.example',
  };
});
afterAll(async () => {
  await database?.close();
});

/** The value at a dotted path of the stored analysis (`figures.anomalies.0.ratio`). */
function at(analysis: GrowthAnalysis, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], analysis);
}

function expectTrueToTheRow(
  analysis: GrowthAnalysis,
  recommendations: readonly Recommendation[],
  language: 'en' | 'fr',
) {
  for (const recommendation of recommendations) {
    for (const evidence of recommendation.evidence) {
      expect(at(analysis, evidence.figure), `${recommendation.id}: ${evidence.figure}`).toBe(evidence.value);
    }
    const allowed = new Set(recommendation.evidence.flatMap((evidence) => numbersIn(evidence.display, language)));
    const quoted = numbersIn(`${recommendation.title}\n${recommendation.body}`, language);
    expect(
      quoted.filter((value) => !allowed.has(value)),
      `${recommendation.id} (${language}): ${recommendation.title} ${recommendation.body}`,
    ).toEqual([]);
  }
}

describe('the stored recommendations', () => {
  it('quote, in both languages, only numbers the row stores beside them', async () => {
    for (const seed of [1, 2, 3]) {
      const client = await insertClient(database.access, { isTest: true, language: 'fr' });
      await writeSampleHistory(database.access, client, new Date(), seed);
      const monday = weeklyMessages([client.id], new Date())[0]!;
      await runAnalysis(deps, { ...monday, trigger: 'cli', requestId: `seed-${seed}` });
      const stored = await readStoredInsights(database.access, client.id);
      expect(stored).not.toBeNull();
      for (const language of ['en', 'fr'] as const) {
        const { recommendations } = stored!.insights[language];
        expect(recommendations.length).toBeGreaterThanOrEqual(3);
        expect(recommendations.length).toBeLessThanOrEqual(5);
        expectTrueToTheRow(stored!.analysis, recommendations, language);
      }
    }
  });

  it('are none for a client with no lead, whose row says so', async () => {
    const client = await insertClient(database.access);
    const result = await runAnalysis(deps, weeklyMessages([client.id], new Date())[0]!);
    expect(result).toMatchObject({ totalLeads: 0, recommendations: 0, digest: 'no_leads' });
    const stored = await readStoredInsights(database.access, client.id);
    expect(stored?.analysis.totalLeads).toBe(0);
    expect(stored?.insights.en.recommendations).toEqual([]);
  });
});

describe('the Monday digest', () => {
  it('is sent once for the week when the same message is delivered twice at once', async () => {
    const client = await insertClient(database.access);
    const now = new Date();
    await database.db.execute(seedLeadsStatement({ clientId: client.id, leads: 300, now, allActive: true }));
    await database.db.execute(seedActionsStatement(client.id, client.email));
    const message = weeklyMessages([client.id], now)[0]!;
    const results = await Promise.all([runAnalysis(deps, message), runAnalysis(deps, message)]);
    // The other delivery finds the digest sent, or still being sent by the first: never a second mail.
    const outcomes = results.map((result) => result?.digest);
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'sent')[0]).toMatch(/^(already_sent|in_flight)$/);
    const sent = await database.access.service((tx) =>
      tx.execute<{ to_email: string; text_body: string }>(
        sql`select to_email, text_body from sent_emails where client_id = ${client.id} and kind = 'digest'`,
      ),
    );
    expect(sent.rows).toHaveLength(1);
    expect(sent.rows[0]!.to_email).toBe(client.email);
    expect(sent.rows[0]!.text_body).toContain('https://app.avenir.example/app/insights');
    // A rerun later in the week finds it sent.
    expect((await runAnalysis(deps, message))?.digest).toBe('already_sent');
  });

  it('is not sent to a client who turned it off', async () => {
    const client = await insertClient(database.access, { weeklyDigest: false });
    await database.db.execute(seedLeadsStatement({ clientId: client.id, leads: 50, now: new Date(), allActive: true }));
    expect((await runAnalysis(deps, weeklyMessages([client.id], new Date())[0]!))?.digest).toBe('turned_off');
  });
});

describe('the growth_brain row', () => {
  it('keeps the newer analysis when an older period is written after it', async () => {
    const client = await insertClient(database.access);
    await database.db.execute(seedLeadsStatement({ clientId: client.id, leads: 40, now: new Date(), allActive: true }));
    const newer = await runAnalysis(deps, {
      ...weeklyMessages([client.id], new Date())[0]!,
      trigger: 'cli',
      requestId: 'now',
      periodEnd: new Date().toISOString(),
    });
    const stored = await readStoredInsights(database.access, client.id);
    const older = {
      ...stored!.analysis,
      analysisPeriodEnd: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      totalLeads: 1,
    };
    expect(await saveAnalysis(database.access, client.id, older, stored!.insights)).toBeNull();
    const [row] = await database.access.service((tx) =>
      tx
        .select({ end: growthBrain.analysisPeriodEnd, total: growthBrain.totalLeads })
        .from(growthBrain)
        .where(eq(growthBrain.clientId, client.id)),
    );
    expect(row!.end.toISOString()).toBe(newer!.periodEnd);
    expect(row!.total).toBe(newer!.totalLeads);
  });
});
